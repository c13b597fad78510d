"""Build benchmarks, measured against this machine's floor in the same run.

floor  = an empty Jupyter Book 1 build + one bare kernel start per chapter notebook
clean  = `python -m helpers build .` after removing _build (Vega bundle cache kept)
rebuild = the same command again with nothing changed

Targets: clean ≤ 2 × floor, rebuild ≤ 3 s (medians of several runs); the test suites,
each run once after the builds, against the same floor: `make check-fast` ≤ 4 × floor and
`make test` (its build is then a no-change rebuild) ≤ 40 × floor. The floor is measured once
more after the suites, and the median of all its runs is the one the ratios use: the other
work on a shared machine slows the floor as much as what it is compared with.
`python bench/run.py [runs] --suite` stops after these rows (no browser benchmarks).

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

ARGS = [a for a in sys.argv[1:] if not a.startswith("--")]
RUNS = int(ARGS[0]) if ARGS else 3
SUITE_ONLY = "--suite" in sys.argv[1:]
# target ratio to the floor for each test suite (issue 19, point 6)
SUITES = {"check-fast": 4, "test": 40}
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
    # The test suites, once each, on the build just made (make test's own build is a no-change
    # rebuild then); a failing suite shows as OVER (no time), the others still print.
    suites = {name: timed(["make", "--no-print-directory", name], ROOT, check=False) for name in SUITES}
    floors.append(empty_book_build(empty) + sum(kernel_start() for _ in notebooks))
    floor = statistics.median(floors)
    clean, rebuild = (statistics.median(x) for x in (cleans, rebuilds))
    cpu_floor, cpu_clean, cpu_rebuild = (statistics.median(cpu[k]) for k in ("floor", "clean", "rebuild"))
    rows = [
        (f"floor (empty book + kernel starts, {len(floors)}×)", floor, f"{cpu_floor:8.2f}", "", ""),
        (
            "clean build",
            clean,
            f"{cpu_clean:8.2f}",
            f"≤ {2 * floor:.2f} s (2 × floor)",
            "ok" if clean <= 2 * floor else "OVER",
        ),
        ("no-change rebuild", rebuild, f"{cpu_rebuild:8.2f}", "≤ 3.00 s", "ok" if rebuild <= 3 else "OVER"),
    ]
    for name, ratio in SUITES.items():
        secs = suites[name]
        rows.append(
            (
                f"make {name} (one run; {secs / floor:.1f} × floor)",
                secs,
                "",
                f"≤ {ratio * floor:.2f} s ({ratio} × floor)",
                "ok" if secs <= ratio * floor else "OVER",
            )
        )
    print(f"\nBuild benchmark, median of {RUNS} runs, {len(notebooks)} chapter notebook(s)")
    print(f"{'measure':44} {'seconds':>8} {'CPU s':>8}  {'target':28} result")
    for name, secs, cpu_text, target, result in rows:
        print(f"{name:44} {secs:8.2f} {cpu_text:>8}  {target:28} {result}")
    over = clean > 2 * floor or rebuild > 3 or any(suites[n] > r * floor for n, r in SUITES.items())
    if SUITE_ONLY:
        shutil.rmtree(empty, ignore_errors=True)
        return 1 if over else 0
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
    return 1 if over or pages or charts or refresh or lighthouse else 0


if __name__ == "__main__":
    sys.exit(main())
