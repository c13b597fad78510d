"""Build benchmarks, measured against this machine's floor in the same run.

floor  = an empty Jupyter Book 1 build + one bare kernel start per chapter notebook
clean  = `python -m helpers build .` after removing _build (Vega bundle cache kept)
rebuild = the same command again with nothing changed

Targets: clean ≤ 2 × floor, rebuild ≤ 3 s (medians of several runs); make check-fast ≤ 60 s.

Then bench/pages.py weighs every page of the book in the browser (gzipped bytes, requests,
time until each chart is interactive) next to the empty book's page, and bench/charts.py
compares the chart pages with Altair's own HTML output.
bench/refresh.py times one full `make data` against a local fake statbank (wall time,
peak memory). bench/lighthouse.py runs Lighthouse 12 at mobile settings on every page
(performance, total blocking time, largest contentful paint, accessibility), beside the
empty book's page.
"""

from __future__ import annotations

import resource
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "bench"))

from pages import default_book  # noqa: E402

RUNS = int(sys.argv[1]) if len(sys.argv) > 1 else 3
BIN = Path(sys.executable).parent


def cpu_seconds() -> float:
    """CPU time of this process and its finished children: on a shared machine the wall
    time follows the load of others, the CPU time mostly what the build does."""
    return sum(
        u.ru_utime + u.ru_stime
        for u in (resource.getrusage(resource.RUSAGE_SELF), resource.getrusage(resource.RUSAGE_CHILDREN))
    )


def timed(cmd, cwd, check=True) -> float:
    t0 = time.perf_counter()
    done = subprocess.run(cmd, cwd=cwd, check=check, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    elapsed = time.perf_counter() - t0
    # A failing run has no time to report: inf shows as OVER without hiding the other rows.
    return elapsed if done.returncode == 0 else float("inf")


def empty_book_build(directory: Path) -> float:
    """Build a default Jupyter Book 1 book with one text page into directory (emptied first)."""
    shutil.rmtree(directory, ignore_errors=True)
    directory.mkdir(parents=True)
    return timed([str(BIN / "jupyter-book"), "build", str(default_book(directory))], directory)


def kernel_start() -> float:
    from jupyter_client.manager import start_new_kernel

    t0 = time.perf_counter()
    km, kc = start_new_kernel(kernel_name="python3")
    kc.execute_interactive("1", timeout=60, output_hook=lambda msg: None)
    elapsed = time.perf_counter() - t0
    kc.stop_channels()
    km.shutdown_kernel(now=True)
    return elapsed


def main() -> int:
    # Every page the build executes: chapters, and prose pages that carry code (Om dataene).
    notebooks = sorted(
        p
        for folder in ("notebooks", "book")
        for p in (ROOT / folder).glob("*.md")
        if "kernelspec:" in p.read_text()
    )
    build = [sys.executable, "-m", "helpers", "build", "."]
    floors, cleans, rebuilds = [], [], []
    cpu = {"floor": [], "clean": [], "rebuild": []}
    empty = Path(tempfile.mkdtemp(prefix="tom-bok-"))
    for _ in range(RUNS):
        start = cpu_seconds()
        floors.append(empty_book_build(empty) + sum(kernel_start() for _ in notebooks))
        shutil.rmtree(ROOT / "_build", ignore_errors=True)
        after_floor = cpu_seconds()
        cleans.append(timed(build, ROOT))
        after_clean = cpu_seconds()
        rebuilds.append(timed(build, ROOT))
        cpu["floor"].append(after_floor - start)
        cpu["clean"].append(after_clean - after_floor)
        cpu["rebuild"].append(cpu_seconds() - after_clean)
    floor, clean, rebuild = (statistics.median(x) for x in (floors, cleans, rebuilds))
    cpu_floor, cpu_clean, cpu_rebuild = (statistics.median(cpu[k]) for k in ("floor", "clean", "rebuild"))
    # The author's fast loop (unit, catalog, statbank and claims tests): once, it takes a while.
    fast = timed(["make", "--no-print-directory", "check-fast"], ROOT, check=False)
    rows = [
        ("floor (empty book + kernel starts)", floor, f"{cpu_floor:8.2f}", "", ""),
        (
            "clean build",
            clean,
            f"{cpu_clean:8.2f}",
            f"≤ {2 * floor:.2f} s (2 × floor)",
            "ok" if clean <= 2 * floor else "OVER",
        ),
        ("no-change rebuild", rebuild, f"{cpu_rebuild:8.2f}", "≤ 3.00 s", "ok" if rebuild <= 3 else "OVER"),
        ("make check-fast (one run)", fast, "", "≤ 60.00 s", "ok" if fast <= 60 else "OVER"),
    ]
    print(f"\nBuild benchmark, median of {RUNS} runs, {len(notebooks)} chapter notebook(s)")
    print(f"{'measure':38} {'seconds':>8} {'CPU s':>8}  {'target':28} result")
    for name, secs, cpu_text, target, result in rows:
        print(f"{name:38} {secs:8.2f} {cpu_text:>8}  {target:28} {result}")
    sys.stdout.flush()
    try:
        pages = subprocess.run(
            [sys.executable, str(ROOT / "bench" / "pages.py"), str(RUNS), str(empty / "_build" / "html")]
        ).returncode
    finally:
        shutil.rmtree(empty, ignore_errors=True)
    refresh = subprocess.run([sys.executable, str(ROOT / "bench" / "refresh.py")]).returncode
    charts = subprocess.run([sys.executable, str(ROOT / "bench" / "charts.py"), str(RUNS)]).returncode
    lighthouse = subprocess.run([sys.executable, str(ROOT / "bench" / "lighthouse.py"), "1"]).returncode
    over = clean > 2 * floor or rebuild > 3
    return 1 if over or pages or charts or refresh or lighthouse else 0


if __name__ == "__main__":
    sys.exit(main())
