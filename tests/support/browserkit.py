"""Shared by the browser tests: Debian's chromium through Playwright, every request
that leaves 127.0.0.1 blocked and counted, axe-core from node_modules."""

from __future__ import annotations

import functools
import gzip
import http.server
import os
import shutil
import threading
from pathlib import Path
from urllib.parse import unquote, urlsplit

import pytest

from support import ROOT

# make test CHROMIUM=/path/to/chromium; tools/preflight.py looks for the same one.
CHROMIUM = os.environ.get("CHROMIUM") or shutil.which("chromium") or "/usr/bin/chromium"
ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]
AXE = ROOT / "node_modules" / "axe-core" / "axe.min.js"
ALL_DRAWN = (
    "() => [...document.querySelectorAll('.oslo-chart')].every("
    "c => c.dataset.drawn === 'true' || c.classList.contains('oslo-chart-feil'))"
)

# Scrolls to each chart in turn, waiting for its drawing (or failure) before the next. A
# chart on screen when the page opens waits for the reader's first interaction; on a page
# too short to scroll the pointer comes over it instead.
SCROLL_TO_EVERY_CHART = """async () => {
  const done = c => c.dataset.drawn === 'true' || c.classList.contains('oslo-chart-feil');
  for (const c of document.querySelectorAll('.oslo-chart')) {
    c.scrollIntoView({block: 'center'});
    for (let i = 0; i < 100 && !done(c); i++) {
      if (i === 10) c.dispatchEvent(new PointerEvent('pointerenter'));
      await new Promise(r => setTimeout(r, 50));
    }
  }
}"""


def launch(playwright):
    if not Path(CHROMIUM).exists():
        pytest.fail(
            f"{CHROMIUM} not found: install Debian's chromium (make test does as root) or set CHROMIUM="
        )
    return playwright.chromium.launch(executable_path=CHROMIUM, args=ARGS, headless=True)


@pytest.fixture(scope="module")
def browser():
    """Chromium for one test module (tests/conftest.py registers this fixture). Not for the
    session: Playwright's sync API holds an asyncio loop open while it runs, and later tests
    (JupyterLab, Binder) run their own."""
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        b = launch(p)
        yield b
        b.close()


def site_pages(site):
    # 404.html links from the published address's root (/oslo-flytting-bok/...): it is
    # visited through serve_like_github_pages, not at the root of `served`.
    return sorted(
        str(p.relative_to(site))
        for p in site.rglob("*.html")
        if "_static" not in p.parts and p.name != "404.html"
    )


def chart_pages(site):
    return [rel for rel in site_pages(site) if "oslo-vega-spec" in (site / rel).read_text(encoding="utf-8")]


def visit(browser, url, **context):
    """Open url with every non-local request blocked and counted."""
    page = browser.new_page(**context)  # its own context: no colour mode left in localStorage
    report = {"outside": [], "errors": [], "console_errors": [], "requests": []}

    def route(r):
        if r.request.url.startswith(("http://127.0.0.1", "data:", "blob:")):
            report["requests"].append(r.request.url)
            r.continue_()
        else:
            report["outside"].append(r.request.url)
            r.abort()

    page.route("**/*", route)
    page.on("pageerror", lambda e: report["errors"].append(str(e)))
    page.on("console", lambda m: m.type == "error" and report["console_errors"].append(m.text))
    page.goto(url, wait_until="load")
    return page, report


def wait_drawn(page, timeout=10_000):
    """Every chart of the page drawn live. A chart is drawn only when the reader comes near
    it (oslo-vega-render.js), so each is scrolled to first, as a reader would; the page
    ends scrolled back to the top."""
    page.evaluate(SCROLL_TO_EVERY_CHART)
    page.wait_for_function(ALL_DRAWN, timeout=timeout)
    page.evaluate("() => window.scrollTo(0, 0)")


def axe_violations(page, impacts=("serious", "critical")):
    if not AXE.is_file():
        pytest.fail(f"{AXE} missing: run `npm ci` (make test does)")
    # The theme switches to dark mode from its script, and Bootstrap's buttons fade their
    # colours over 0.15 s: on a loaded machine axe would read a colour halfway.
    page.wait_for_function(
        "() => document.getAnimations().every(a => a.playState !== 'running')", timeout=10_000
    )
    page.add_script_tag(path=str(AXE))
    result = page.evaluate("axe.run(document, {resultTypes: ['violations']})")
    return [
        f"{v['id']} ({v['impact']}): {n['target']} {n['html'][:160]}"
        for v in result["violations"]
        if v["impact"] in impacts
        for n in v["nodes"]
    ]


# Chart and text page budgets: everything a page transfers (HTML, CSS, fonts, scripts,
# images), each file gzipped as a web server sends it.
TEXT_PAGE_BUDGET = 200 * 1024
CHART_PAGE_BUDGET = 300 * 1024
# The JavaScript of a chart page with every chart drawn, the Vega runtime included (issue
# 22): about 123 KB of Vega (oslo-vega-runtime.js), 5 KB of ours and 12 KB of the theme's
# own; the theme's Bootstrap bundle (24 KB) is not loaded (templates/layout.html).
CHART_PAGE_JS_BUDGET = 150 * 1024


@functools.cache
def gzipped_size(path: Path) -> int:
    data = path.read_bytes()
    return min(len(data), len(gzip.compress(data, compresslevel=6)))


def weight(site: Path, base: str, urls) -> dict:
    """Requests and gzipped bytes of the files behind the local URLs a page requested."""
    files = []
    for url in urls:
        parts = urlsplit(url)
        if not url.startswith(base) or parts.scheme not in ("http", "https"):
            continue
        rel = unquote(parts.path)[len(urlsplit(base).path) :].lstrip("/")
        path = site / rel
        if path.is_dir():
            path = path / "index.html"
        if path.is_file():
            files.append(path)
    return {
        "requests": len(files),
        "gzipped": sum(gzipped_size(f) for f in files),
        "raw": sum(f.stat().st_size for f in files),
        "files": files,
    }


GZIPPED = (".html", ".css", ".js", ".svg", ".json", ".xml", ".txt", ".inv", ".map")


class _PagesHandler(http.server.SimpleHTTPRequestHandler):
    """A static server like GitHub Pages, for the browser tests and the page benchmarks
    (bench/pages.py, bench/lighthouse.py): the site under a path, 404.html for what is
    missing, text files gzipped when the browser accepts it, cached for 10 minutes."""

    prefix = "/"

    def log_message(self, *args):
        pass

    def do_GET(self):
        path = urlsplit(self.path).path
        if not path.startswith(self.prefix):
            self.send_error(404)
            return
        rel = path[len(self.prefix) :]
        target = Path(self.translate_path("/" + rel))
        if target.is_dir():
            if not path.endswith("/"):
                self.send_response(301)
                self.send_header("Location", path + "/")
                self.end_headers()
                return
            target = target / "index.html"
        status = 200
        if not target.is_file():
            status, target = 404, Path(self.directory) / "404.html"
            if not target.is_file():  # the default book has no 404 page
                self.send_error(404)
                return
        body = target.read_bytes()
        ctype = self.guess_type(str(target))
        headers = {"Content-Type": ctype, "Cache-Control": "max-age=600"}
        if target.suffix in GZIPPED and "gzip" in self.headers.get("Accept-Encoding", ""):
            body = gzip.compress(body, compresslevel=6)
            headers["Content-Encoding"] = "gzip"
            headers["Vary"] = "Accept-Encoding"
        self.send_response(status)
        for key, value in headers.items():
            self.send_header(key, value)
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)


def serve_like_github_pages(site: Path, prefix: str):
    """Serve site under prefix (e.g. /oslo-flytting-bok/); returns (server, base URL)."""
    handler = type("Handler", (_PagesHandler,), {"prefix": prefix})
    server = http.server.ThreadingHTTPServer(
        ("127.0.0.1", 0), functools.partial(handler, directory=str(site))
    )
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return server, f"http://127.0.0.1:{server.server_address[1]}{prefix}"
