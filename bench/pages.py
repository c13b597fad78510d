"""Every page of the book in the browser, next to a page of a default Jupyter Book 1 book.

For each page, in Debian's chromium with a cold cache, served like GitHub Pages (under the
published path): the requests it makes, what they weigh gzipped (each file compressed as
a web server sends it: HTML, CSS, fonts, scripts, images), and for each chart the time
from navigation start until it is drawn and interactive. A chart is drawn only when the
reader comes near it (oslo-vega-render.js): the page is scrolled to each chart in turn,
so the weight includes the Vega runtime and every chart's drawing.

Targets: a text page ≤ 200 KB gzipped, a chart page ≤ 300 KB; every chart drawn ≤ 1 s
after it is scrolled to.

Run: .venv/bin/python bench/pages.py [runs] [default-book-html-dir]
(make bench runs it after the build benchmark, with the default book that run built).
"""

from __future__ import annotations

import statistics
import subprocess
import sys
import tempfile
from pathlib import Path
from urllib.parse import urlsplit

import yaml

ROOT = Path(__file__).resolve().parents[1]
SITE = ROOT / "_build" / "html"
sys.path.insert(0, str(ROOT / "tests"))

from support.browserkit import (  # noqa: E402
    CHART_PAGE_BUDGET,
    TEXT_PAGE_BUDGET,
    launch,
    serve_like_github_pages,
    weight,
)

INTERACTIVE_LIMIT_MS = 1000
TIMEOUT_MS = 10_000
# Installed before any page script: the time each chart host is marked drawn.
WATCH = """
(() => {
  window.__oslo_drawn = {};
  new MutationObserver(() => {
    document.querySelectorAll('.oslo-chart').forEach((c, i) => {
      if (c.dataset.drawn === 'true' && !(i in window.__oslo_drawn)) window.__oslo_drawn[i] = performance.now();
    });
  }).observe(document, {childList: true, subtree: true, attributes: true, attributeFilter: ['data-drawn']});
})();
"""


def default_book(directory: Path) -> Path:
    """Write a default Jupyter Book 1 book with one text page; returns its folder."""
    (directory / "_config.yml").write_text("title: tom\nexecute:\n  execute_notebooks: 'off'\n")
    (directory / "_toc.yml").write_text("format: jb-book\nroot: intro\n")
    (directory / "intro.md").write_text("# Tom\n\nTekst.\n")
    return directory


def build_default_book(directory: Path) -> Path:
    bin_dir = Path(sys.executable).parent
    subprocess.run(
        [str(bin_dir / "jupyter-book"), "build", str(default_book(directory))],
        check=True,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    return directory / "_build" / "html"


def measure(browser, site: Path, base: str, rel: str) -> dict:
    page = browser.new_page()
    urls, outside = [], []

    def route(r):
        if r.request.url.startswith(("http://127.0.0.1", "data:", "blob:")):
            urls.append(r.request.url)
            r.continue_()
        else:
            outside.append(r.request.url)
            r.abort()

    page.route("**/*", route)
    page.add_init_script(WATCH)
    page.goto(base + rel, wait_until="load")
    charts = page.locator(".oslo-chart").count()
    asked = []
    for i in range(charts):
        asked.append(page.evaluate("performance.now()"))
        page.evaluate(f"document.querySelectorAll('.oslo-chart')[{i}].scrollIntoView({{block: 'center'}})")
        try:
            page.wait_for_function(f"() => {i} in window.__oslo_drawn", timeout=TIMEOUT_MS)
        except Exception:
            pass
    page.wait_for_timeout(200)  # late requests (fonts, icons) still count
    load = page.evaluate("performance.getEntriesByType('navigation')[0].loadEventEnd")
    drawn = page.evaluate("window.__oslo_drawn")
    page.close()
    w = weight(site, base, urls)
    # How long after it was scrolled to each chart was drawn.
    times = [None if drawn.get(str(i)) is None else drawn[str(i)] - asked[i] for i in range(charts)]
    return {
        "requests": w["requests"],
        "gzipped": w["gzipped"],
        "outside": len(outside),
        "load": load,
        "charts": charts,
        "drawn": times,
    }


def _median(values):
    values = [v for v in values if v is not None]
    return statistics.median(values) if values else None


def report(browser, site: Path, base: str, pages: list[str], runs: int, label: str) -> int:
    over = 0
    for rel in pages:
        results = [measure(browser, site, base, rel) for _ in range(runs)]
        first = results[0]
        gz = _median([r["gzipped"] for r in results])
        requests = max(r["requests"] for r in results)
        load = _median([r["load"] for r in results])
        charts = first["charts"]
        drawn = [_median([r["drawn"][i] for r in results]) for i in range(charts)]
        after = [None if d is None else max(0.0, d) for d in drawn]
        budget = CHART_PAGE_BUDGET if charts else TEXT_PAGE_BUDGET
        ok = gz <= budget and all(a is not None and a <= INTERACTIVE_LIMIT_MS for a in after)
        ok = ok and not any(r["outside"] for r in results)
        if label == "book":
            over += not ok
        each = " ".join("never" if d is None else f"{d:.0f}" for d in drawn) or "—"
        worst = "—" if not after else ("never" if None in after else f"{max(after):.0f}")
        result = ("ok" if ok else "OVER") if label == "book" else "(reference)"
        print(
            f"{label + ' ' + rel:46} {gz / 1024:8.1f} {budget // 1024:6d} {requests:8d} {load:7.0f} "
            f"{charts:6d} {worst:>10}  {each:24} {result}"
        )
    return over


def main(runs: int = 3, default_html: Path | None = None) -> int:
    if not (SITE / "index.html").is_file():
        print(f"{SITE} is missing: run `make book` first", file=sys.stderr)
        return 1
    prefix = urlsplit(
        yaml.safe_load((ROOT / "_config.yml").read_text(encoding="utf-8"))["html"]["baseurl"]
    ).path
    pages = sorted(
        str(p.relative_to(SITE))
        for p in SITE.rglob("*.html")
        if "_static" not in p.parts and p.name != "index.html"
    )
    from playwright.sync_api import sync_playwright

    with tempfile.TemporaryDirectory() as tmp, sync_playwright() as p:
        if default_html is None:
            default_html = build_default_book(Path(tmp))
        book_server, book_base = serve_like_github_pages(SITE, prefix)
        default_server, default_base = serve_like_github_pages(default_html, "/")
        browser = launch(p)
        print(
            f"\nPages in chromium, median of {runs} cold loads; KB gzipped is every request of the page "
            f"(HTML, CSS, fonts, scripts, images), each file gzipped"
        )
        print(
            f"{'page':46} {'KB gz':>8} {'budget':>6} {'requests':>8} {'load ms':>7} {'charts':>6} "
            f"{'slowest':>10}  {'each chart, ms after scrolled to':24} result"
        )
        over = report(browser, SITE, book_base, pages, runs, "book")
        report(browser, default_html, default_base, ["intro.html"], runs, "default-jb1")
        print(
            f"\nbudget: {TEXT_PAGE_BUDGET // 1024} KB for a text page, {CHART_PAGE_BUDGET // 1024} KB for a chart page; "
            f"'slowest' is the chart drawn slowest after it was scrolled to (≤ {INTERACTIVE_LIMIT_MS} ms; the first "
            "includes running the Vega runtime). "
            "default-jb1 is an empty Jupyter Book 1 page with the default theme."
        )
        browser.close()
        book_server.shutdown()
        default_server.shutdown()
    return 1 if over else 0


if __name__ == "__main__":
    sys.exit(
        main(int(sys.argv[1]) if len(sys.argv) > 1 else 3, Path(sys.argv[2]) if len(sys.argv) > 2 else None)
    )
