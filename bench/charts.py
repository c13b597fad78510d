"""Chart pages in the browser: how heavy, how fast, how self-contained.

For every built page with charts, in Debian's chromium (cold cache, every request that
leaves 127.0.0.1 blocked and counted), three variants of the same page with the same
chart specs:

  book          the page as built (Vega served by the site, spec as inert JSON)
  altair-cdn    each figure replaced by Altair's default HTML output (vega, vega-lite and
                vega-embed from a CDN: offline it cannot draw)
  altair-inline each figure replaced by what `chart.save(..., inline=True)` writes: the
                whole Vega bundle inlined with every chart (in a Sphinx page its top-level
                names clash with Sphinx's own `_`: it cannot draw)
  altair-save-inline  the files `chart.save(path, inline=True)` writes, one per chart,
                standalone (weights summed, time of the slowest)

Measured: HTML weight, bytes transferred (navigation + resources, Resource Timing),
the load event and the time until every chart is drawn (both from navigation start),
how long after the load event the last chart was drawn (0 when before it), outside
requests, page errors. Medians of several runs.

Targets (book): chapter HTML ≤ 200 KB, every chart drawn ≤ 1 s after load, 0 outside
requests.

Run: .venv/bin/python bench/charts.py [runs]   (make bench runs it after the build benchmark)
"""

from __future__ import annotations

import functools
import gzip
import http.server
import json
import re
import shutil
import statistics
import sys
import tempfile
import threading
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SITE = ROOT / "_build" / "html"
sys.path.insert(0, str(ROOT / "tests"))

from support.browserkit import SCROLL_TO_EVERY_CHART, launch  # noqa: E402

HTML_LIMIT = 200 * 1024
DRAWN_LIMIT_MS = 1000
TIMEOUT_MS = 8000

FIGURE_RE = re.compile(
    r"<div class='oslo-figur' data-figur='(?P<ident>[^']+)'>.*?"
    r"<script type='application/json' class='oslo-vega-spec' data-target='(?P=ident)'>(?P<json>.*?)</script>",
    re.S,
)
OUR_SCRIPTS = re.compile(r'<script defer="defer" src="[^"]*(?:oslo-vega-render\.js[^"]*)"></script>\s*')

# Installed before any page script: records when every chart container holds a drawn
# svg/canvas, on the page's own clock, whatever draws it.
WATCH = """
(() => {
  const sel = window.__oslo_chart_selector;
  const done = () => {
    const hosts = [...document.querySelectorAll(sel)];
    return hosts.length > 0 && hosts.every(h => {
      const g = h.querySelector('svg, canvas');
      return g && g.getBoundingClientRect().width > 0 && (h.dataset.drawn === undefined || h.dataset.drawn === 'true');
    });
  };
  new MutationObserver((_, obs) => {
    if (window.__oslo_all_drawn === undefined && done()) { window.__oslo_all_drawn = performance.now(); obs.disconnect(); }
  }).observe(document, { childList: true, subtree: true, attributes: true, attributeFilter: ['data-drawn'] });
})();
"""


def _altair_versions():
    import altair as alt

    return alt.VEGA_VERSION, alt.VEGALITE_VERSION, alt.VEGAEMBED_VERSION


def _inline_bundle() -> str:
    import vl_convert
    from altair.utils._importers import vl_version_for_vl_convert

    return vl_convert.javascript_bundle(vl_version=vl_version_for_vl_convert())


def altair_variant(html: str, inline: bool) -> str:
    """The page with each figure (chart and its script) replaced by Altair's own HTML."""
    from altair.utils.html import spec_to_html

    vega, vegalite, embed = _altair_versions()
    bundle = _inline_bundle() if inline else ""
    html = OUR_SCRIPTS.sub("", html)
    counter = iter(range(1, 1000))

    def replace(m: re.Match) -> str:
        i = next(counter)
        spec = json.loads(m.group("json"))
        div = f"altair-viz-{i}"
        if not inline:
            return "<div class='oslo-figur'>" + spec_to_html(
                spec,
                mode="vega-lite",
                vega_version=vega,
                vegalite_version=vegalite,
                vegaembed_version=embed,
                output_div=div,
                fullhtml=False,
            )
        # What chart.save(inline=True) writes per chart, less the document around it; the
        # embed call in its own scope so that several charts can share the page.
        return (
            f"<div class='oslo-figur'><script type='text/javascript'>{bundle}</script>"
            f"<div class='vega-visualization' id='{div}'></div>"
            f"<script type='text/javascript'>(function(){{vegaEmbed('#{div}', {json.dumps(spec)}, {{}})"
            f".catch(console.error);}})();</script>"
        )

    # Everything from the figure's start to its spec script goes; the rest of the figure
    # (source line, table, downloads) stays so the pages differ only in how charts ship.
    return FIGURE_RE.sub(replace, html)


def standalone_files(html: str, directory: Path, stem: str, root: Path) -> list[Path]:
    """What `chart.save(path, inline=True)` writes for each chart of the page."""
    from altair.utils.html import spec_to_html

    vega, vegalite, embed = _altair_versions()
    out = []
    for i, m in enumerate(FIGURE_RE.finditer(html), 1):
        spec = json.loads(m.group("json"))
        path = directory / f"{stem}.save-inline-{i}.html"
        # The call chart.save(path, inline=True) makes (altair.utils.save).
        path.write_text(
            spec_to_html(
                spec,
                mode="vega-lite",
                vega_version=vega,
                vegalite_version=vegalite,
                vegaembed_version=embed,
                template="inline",
                output_div="vis",
            ),
            encoding="utf-8",
        )
        out.append(path.relative_to(root))
    return out


def measure(browser, url: str, selector: str) -> dict:
    page = browser.new_page()
    outside, errors = [], []

    def route(r):
        if r.request.url.startswith(("http://127.0.0.1", "data:", "blob:")):
            r.continue_()
        else:
            outside.append(r.request.url)
            r.abort()

    page.route("**/*", route)
    page.on("pageerror", lambda e: errors.append(str(e)))
    page.add_init_script(f"window.__oslo_chart_selector = {json.dumps(selector)};" + WATCH)
    page.goto(url, wait_until="load")
    if selector == ".oslo-chart":
        # The book draws a chart when the reader comes near it: scroll to each in turn.
        page.evaluate(SCROLL_TO_EVERY_CHART)
    try:
        page.wait_for_function("() => window.__oslo_all_drawn !== undefined", timeout=TIMEOUT_MS)
        drawn = page.evaluate("window.__oslo_all_drawn")
    except Exception:
        drawn = None
    timing = page.evaluate("""() => {
        const nav = performance.getEntriesByType('navigation')[0];
        const res = performance.getEntriesByType('resource');
        const charts = res.filter(r => /oslo-vega-runtime|oslo-vega-render/.test(r.name));
        return {load: nav.loadEventEnd, bytes: nav.transferSize + res.reduce((s, r) => s + r.transferSize, 0),
                chart_bytes: charts.reduce((s, r) => s + r.transferSize, 0)};
    }""")
    page.close()
    return {
        "drawn": drawn,
        "load": timing["load"],
        "bytes": timing["bytes"],
        "chart_bytes": timing["chart_bytes"],
        "outside": len(outside),
        "errors": len(errors),
        "error_texts": errors,
    }


def _median(values):
    values = [v for v in values if v is not None]
    return statistics.median(values) if values else None


class _Quiet(http.server.SimpleHTTPRequestHandler):
    def log_message(self, *args):
        pass


def serve(directory: Path):
    handler = functools.partial(_Quiet, directory=str(directory))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return server


def main(runs: int = 3) -> int:
    if not (SITE / "index.html").is_file():
        print(f"{SITE} is missing: run `make book` first", file=sys.stderr)
        return 1
    pages = sorted(
        p
        for p in SITE.rglob("*.html")
        if "_static" not in p.parts and "oslo-vega-spec" in p.read_text(encoding="utf-8")
    )
    from playwright.sync_api import sync_playwright

    over = 0
    with tempfile.TemporaryDirectory() as tmp, sync_playwright() as p:
        copy = Path(tmp) / "html"
        shutil.copytree(SITE, copy)
        server = serve(copy)
        base = f"http://127.0.0.1:{server.server_address[1]}"
        browser = launch(p)
        print(
            f"\nChart pages in chromium, median of {runs} cold loads "
            f"(targets for the book: HTML ≤ {HTML_LIMIT // 1024} KB, drawn ≤ {DRAWN_LIMIT_MS} ms after load, "
            f"0 outside requests)"
        )
        header = (
            f"{'page / variant':58} {'charts':>6} {'HTML KB':>8} {'sent KB':>8} {'chart JS KB':>11} "
            f"{'load ms':>8} {'drawn ms':>9} {'after load':>10} {'outside':>7} {'errors':>6}  result"
        )
        print(header)
        notes = []
        for page in pages:
            rel = page.relative_to(SITE)
            html = page.read_text(encoding="utf-8")
            n = html.count("class='oslo-vega-spec'")
            variants = {"book": ([rel], ".oslo-chart")}
            for name, inline in (("altair-cdn", False), ("altair-inline", True)):
                target = (copy / rel).with_name(f"{page.stem}.{name}.html")
                target.write_text(altair_variant(html, inline), encoding="utf-8")
                variants[name] = ([target.relative_to(copy)], "[id^='altair-viz-']")
            variants["altair-save-inline"] = (
                standalone_files(html, copy / rel.parent, page.stem, copy),
                ".vega-visualization",
            )
            for name, (paths, selector) in variants.items():
                per_file = []
                for path in paths:
                    results = [measure(browser, f"{base}/{path}", selector) for _ in range(runs)]
                    per_file.append(results)
                    for r in results:
                        for text in r["error_texts"][:1]:
                            notes.append(f"{name}: {text}")
                size = sum((copy / path).stat().st_size for path in paths)
                drawn_each = [_median([r["drawn"] for r in results]) for results in per_file]
                drawn = None if None in drawn_each else max(drawn_each)
                load = max(_median([r["load"] for r in results]) for results in per_file)
                after = None if drawn is None else max(0.0, drawn - load)
                sent = sum(_median([r["bytes"] for r in results]) for results in per_file)
                chart_js = sum(_median([r["chart_bytes"] for r in results]) for results in per_file)
                outside = sum(max(r["outside"] for r in results) for results in per_file)
                errors = sum(max(r["errors"] for r in results) for results in per_file)
                if name == "book":
                    ok = size <= HTML_LIMIT and after is not None and after <= DRAWN_LIMIT_MS and outside == 0
                    result = "ok" if ok else "OVER"
                    over += not ok
                else:
                    result = "does not draw" if drawn is None else "draws"
                drawn_s = "never" if drawn is None else f"{drawn:.0f}"
                after_s = "—" if after is None else f"{after:.0f}"
                label = f"{rel} / {name}" + (f" ({len(paths)} files)" if len(paths) > 1 else "")
                print(
                    f"{label:58} {n:6d} {size / 1024:8.1f} {sent / 1024:8.1f} {chart_js / 1024:11.1f} {load:8.0f} {drawn_s:>9} "
                    f"{after_s:>10} {outside:7d} {errors:6d}  {result}"
                )
        raw = (SITE / "_static" / "oslo-vega-runtime.js").read_bytes()
        print(
            f"\nVega runtime served by the book: {len(raw) / 1024:.0f} KB, {len(gzip.compress(raw)) / 1024:.0f} KB gzipped "
            f"(python's http.server sends it uncompressed); 'chart JS' counts it and our render script."
        )
        print(
            "'sent' is every byte of the page as transferred, the theme's own CSS, fonts and scripts included."
        )
        for note in sorted(set(notes)):
            print(f"error seen: {note[:160]}")
        browser.close()
        server.shutdown()
    return 1 if over else 0


if __name__ == "__main__":
    sys.exit(main(int(sys.argv[1]) if len(sys.argv) > 1 else 3))
