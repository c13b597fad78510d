"""Lighthouse 12 (pinned in package-lock.json) on every page of the book at its mobile
settings, beside a page of a default Jupyter Book 1 book.

Debian's chromium (CHROME_PATH, default /usr/bin/chromium), offline: the pages are served
from 127.0.0.1 under the published path, each text file gzipped as GitHub Pages sends it
(Content-Encoding: gzip, Cache-Control: max-age=600), and Lighthouse's own throttling
(simulated slow 4G, 4× slower CPU) applied. Printed per page: performance score, total
blocking time, largest contentful paint, cumulative layout shift, accessibility score.

Targets: performance ≥ 90 on every page, TBT ≤ 200 ms, LCP ≤ 2.5 s, accessibility 100.
Timings are not tests (they follow the machine's load); the deterministic part, the page
weights, is tests/browser/test_lazy_charts_browser.py.

Run: .venv/bin/python bench/lighthouse.py [runs] [default-book-html-dir]
(make bench runs it last; `npm ci` first installs Lighthouse.) BENCH_SITE=<html dir> measures
another build (e.g. one of main, to compare); BENCH_PAGES=intro,01- only the pages whose
path holds one of the words.
"""

from __future__ import annotations

import json
import os
import statistics
import subprocess
import sys
import tempfile
from pathlib import Path
from urllib.parse import urlsplit

import yaml

ROOT = Path(__file__).resolve().parents[1]
SITE = Path(os.environ.get("BENCH_SITE") or ROOT / "_build" / "html")
ONLY = [w for w in os.environ.get("BENCH_PAGES", "").split(",") if w]
LIGHTHOUSE = ROOT / "node_modules" / ".bin" / "lighthouse"
CHROME = os.environ.get("CHROME_PATH") or os.environ.get("CHROMIUM") or "/usr/bin/chromium"
sys.path.insert(0, str(ROOT / "bench"))
sys.path.insert(0, str(ROOT / "tests"))

from support.browserkit import serve_like_github_pages as serve  # noqa: E402

TARGETS = {"performance": 90, "tbt": 200, "lcp": 2500, "accessibility": 100}


def lighthouse(url: str) -> dict:
    """One Lighthouse run at its default (mobile) settings; the numbers we report."""
    with tempfile.TemporaryDirectory() as tmp:
        out = Path(tmp) / "report.json"
        cmd = [
            str(LIGHTHOUSE),
            url,
            "--quiet",
            "--output=json",
            f"--output-path={out}",
            "--only-categories=performance,accessibility",
            "--chrome-flags=--headless=new --no-sandbox --disable-gpu --no-first-run "
            "--disable-background-networking --disable-component-update --disable-sync",
            "--disable-full-page-screenshot",
        ]
        env = {**os.environ, "CHROME_PATH": CHROME}
        done = subprocess.run(cmd, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
        if done.returncode != 0 or not out.is_file():
            raise RuntimeError(f"lighthouse {url}: {done.stderr[-600:]}")
        report = json.loads(out.read_text())
    audits, categories = report["audits"], report["categories"]
    return {
        "performance": round(100 * (categories["performance"]["score"] or 0)),
        "tbt": audits["total-blocking-time"]["numericValue"],
        "lcp": audits["largest-contentful-paint"]["numericValue"],
        "cls": audits["cumulative-layout-shift"]["numericValue"],
        "accessibility": round(100 * (categories["accessibility"]["score"] or 0)),
        "bytes": audits["total-byte-weight"]["numericValue"],
    }


def median_run(url: str, runs: int) -> dict:
    results = [lighthouse(url) for _ in range(runs)]
    return {key: statistics.median(r[key] for r in results) for key in results[0]}


def verdict(r: dict) -> str:
    ok = (
        r["performance"] >= TARGETS["performance"]
        and r["tbt"] <= TARGETS["tbt"]
        and r["lcp"] <= TARGETS["lcp"]
        and r["accessibility"] >= TARGETS["accessibility"]
    )
    return "ok" if ok else "OVER"


def main(runs: int = 1, default_html: Path | None = None) -> int:
    if not LIGHTHOUSE.exists():
        print(f"{LIGHTHOUSE} is missing: run `npm ci`", file=sys.stderr)
        return 1
    if not (SITE / "index.html").is_file():
        print(f"{SITE} is missing: run `make book` first", file=sys.stderr)
        return 1
    prefix = urlsplit(
        yaml.safe_load((ROOT / "_config.yml").read_text(encoding="utf-8"))["html"]["baseurl"]
    ).path
    pages = sorted(
        str(p.relative_to(SITE))
        for p in SITE.rglob("*.html")
        if "_static" not in p.parts
        and p.name != "index.html"
        and (not ONLY or any(w in str(p.relative_to(SITE)) for w in ONLY))
    )
    tmp = tempfile.TemporaryDirectory()
    if default_html is None:
        from pages import build_default_book

        default_html = build_default_book(Path(tmp.name))
    book, book_base = serve(SITE, prefix)
    default, default_base = serve(default_html, "/")
    print(
        f"\nLighthouse {_version()} at mobile settings (slow 4G, 4× CPU), median of {runs} run(s), "
        f"served gzipped like GitHub Pages; targets: performance ≥ {TARGETS['performance']}, "
        f"TBT ≤ {TARGETS['tbt']} ms, LCP ≤ {TARGETS['lcp'] / 1000:.1f} s, accessibility {TARGETS['accessibility']}"
    )
    print(f"{'page':44} {'perf':>5} {'TBT ms':>7} {'LCP s':>6} {'CLS':>6} {'a11y':>5} {'KB':>6}  result")
    over = 0
    try:
        for label, base, rel in [("book", book_base, p) for p in pages] + [
            ("default-jb1", default_base, "intro.html")
        ]:
            try:
                r = median_run(base + rel, runs)
            except RuntimeError as err:
                print(f"{label + ' ' + rel:44} failed: {err}")
                over += label == "book"
                continue
            result = verdict(r) if label == "book" else "(reference)"
            over += result == "OVER"
            print(
                f"{label + ' ' + rel:44} {r['performance']:5.0f} {r['tbt']:7.0f} {r['lcp'] / 1000:6.2f} "
                f"{r['cls']:6.3f} {r['accessibility']:5.0f} {r['bytes'] / 1024:6.0f}  {result}"
            )
            sys.stdout.flush()
    finally:
        book.shutdown()
        default.shutdown()
        tmp.cleanup()
    return 1 if over else 0


def _version() -> str:
    try:
        return json.loads((ROOT / "node_modules" / "lighthouse" / "package.json").read_text())["version"]
    except OSError:
        return "?"


if __name__ == "__main__":
    sys.exit(
        main(int(sys.argv[1]) if len(sys.argv) > 1 else 1, Path(sys.argv[2]) if len(sys.argv) > 2 else None)
    )
