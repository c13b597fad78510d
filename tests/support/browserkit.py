"""Shared by the browser tests: Debian's chromium through Playwright, every request
that leaves 127.0.0.1 blocked and counted, axe-core from node_modules."""

from __future__ import annotations

import os
import shutil
from pathlib import Path

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
    return sorted(str(p.relative_to(site)) for p in site.rglob("*.html") if "_static" not in p.parts)


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
    page.wait_for_function(ALL_DRAWN, timeout=timeout)


def axe_violations(page, impacts=("serious", "critical")):
    if not AXE.is_file():
        pytest.fail(f"{AXE} missing: run `npm ci` (make test does)")
    page.add_script_tag(path=str(AXE))
    result = page.evaluate("axe.run(document, {resultTypes: ['violations']})")
    return [
        f"{v['id']} ({v['impact']}): {n['target']} {n['html'][:160]}"
        for v in result["violations"]
        if v["impact"] in impacts
        for n in v["nodes"]
    ]
