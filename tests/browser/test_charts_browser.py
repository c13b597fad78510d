"""The figures as a reader gets them, in Debian's chromium: drawn, with Norwegian
tooltips, downloads that hold what is plotted, the reader's colour mode, the page's
width, a static image in print and without JavaScript, and no serious or critical
axe-core finding on any page."""

from __future__ import annotations

import csv
import io
import json
import re
import xml.etree.ElementTree as ET
from collections import Counter

import pytest
from playwright.sync_api import TimeoutError as PlaywrightTimeout
from support.browserkit import axe_violations, chart_pages, site_pages, visit, wait_drawn

NORSK_TALL = re.compile(r"^\u2212?\d{1,3}(\u00a0\d{3})*(,\d+)?$")
# Only digits, signs and separators: what a formatted number is made of, in any locale.
TALLAKTIG = re.compile(r"[\u2212+-]?[\d\u00a0\u202f ,.']*\d[\d\u00a0\u202f ,.']*")
MARKS = ".mark-symbol path, .mark-rect path"


@pytest.fixture(scope="module")
def pages_with_charts(site):
    pages = chart_pages(site)
    assert pages, "no page with a chart in the build"
    return pages


def _tooltip_rows(page) -> dict[str, str]:
    page.wait_for_selector("#vg-tooltip-element.visible", timeout=5_000)
    return page.evaluate("""() => Object.fromEntries([...document.querySelectorAll('#vg-tooltip-element tr')]
        .map(tr => [tr.querySelector('.key').textContent.replace(/:$/, ''), tr.querySelector('.value').textContent]))""")


def test_every_chart_draws_and_has_norwegian_tooltips(browser, served, pages_with_charts):
    failures = []
    for rel in pages_with_charts:
        page, report = visit(browser, f"{served}/{rel}", viewport={"width": 1280, "height": 900})
        wait_drawn(page)
        hosts = page.locator(".oslo-chart")
        for i in range(hosts.count()):
            host = hosts.nth(i)
            if host.get_attribute("data-drawn") != "true":
                failures.append(f"{rel}: figur {i + 1} ble ikke tegnet")
                continue
            marks = host.locator(MARKS)
            if marks.count() == 0:
                failures.append(f"{rel}: figur {i + 1} har ingen punkter eller stolper")
                continue
            # A mark in the middle of the data: the first may sit under the legend's neighbour.
            marks.nth(marks.count() // 2).hover(force=True)
            try:
                rows = _tooltip_rows(page)
            except PlaywrightTimeout:
                failures.append(f"{rel}: figur {i + 1}: intet verktøytips over et merke")
                page.mouse.move(0, 0)
                continue
            if "År" not in rows and not rows:
                failures.append(f"{rel}: figur {i + 1}: tomt verktøytips")
            # Numbers, not labels that contain digits ("0–19 år", "2. kvartal 2022"), nor years.
            numbers = [v for v in rows.values() if TALLAKTIG.fullmatch(v) and not re.fullmatch(r"\d{4}", v)]
            if not numbers or not all(NORSK_TALL.match(v) for v in numbers):
                failures.append(f"{rel}: figur {i + 1}: tall i verktøytipset er ikke norske: {rows}")
            if any(k.isascii() and k.lower() in ("value", "year", "series") for k in rows):
                failures.append(f"{rel}: figur {i + 1}: engelske etiketter i verktøytipset: {rows}")
            page.mouse.move(0, 0)
        # Axis labels use the Norwegian thousands separator wherever a number has four digits or more.
        labels = page.evaluate(
            "() => [...document.querySelectorAll('.oslo-chart .role-axis-label text')].map(t => t.textContent)"
        )
        big = [
            t for t in labels if re.fullmatch(r"\u2212?[\d\u00a0,.]+", t) and len(re.sub(r"\D", "", t)) >= 5
        ]
        bad = [t for t in big if not NORSK_TALL.match(t)]
        if bad:
            failures.append(f"{rel}: aksetall uten norsk format: {bad[:5]}")
        for key in ("outside", "errors", "console_errors"):
            if report[key]:
                failures.append(f"{rel}: {key}: {report[key]}")
        page.close()
    assert not failures, "\n".join(failures)


def _csv_numbers(rows: list[dict]) -> Counter:
    out = Counter()
    for row in rows:
        for key, value in row.items():
            if key != "År" and value not in ("", None):
                try:
                    out[round(float(value), 6)] += 1
                except ValueError:
                    pass
    return out


def _spec_numbers(spec: dict) -> Counter:
    """The numbers of the data in the page's spec: Vega, compiled from Vega-Lite at build
    time, holds the rows as `values` of its source data sets."""
    out = Counter()
    datasets = [d["values"] for d in spec.get("data", []) if isinstance(d.get("values"), list)]
    for values in datasets:
        for row in values:
            for key, value in row.items():
                if key != "aar" and isinstance(value, (int, float)) and not isinstance(value, bool):
                    out[round(float(value), 6)] += 1
    return out


def test_downloads_hold_what_is_plotted(browser, served, pages_with_charts):
    failures = []
    for rel in pages_with_charts:
        page, report = visit(browser, f"{served}/{rel}")
        figures = page.locator(".oslo-figur")
        for i in range(figures.count()):
            fig = figures.nth(i)
            name = f"{rel}: figur {i + 1}"
            links = {kind: fig.locator(f"a.oslo-last-ned-{kind}") for kind in ("csv", "png", "svg")}
            bodies = {}
            for kind, link in links.items():
                if link.count() != 1:
                    failures.append(f"{name}: lenken til {kind} mangler")
                    continue
                url = link.evaluate("a => a.href")
                response = page.request.get(url)
                if not response.ok:
                    failures.append(f"{name}: {kind} gir HTTP {response.status}")
                    continue
                bodies[kind] = response.body()
            if len(bodies) < 3:
                continue
            spec = json.loads(fig.locator("script.oslo-vega-spec").text_content())
            rows = list(csv.DictReader(io.StringIO(bodies["csv"].decode("utf-8"))))
            if not rows or "Kilde" not in rows[0] or not rows[0]["Kilde"]:
                failures.append(f"{name}: CSV-en mangler kildekolonnen")
            if _csv_numbers(rows) != _spec_numbers(spec):
                failures.append(f"{name}: tallene i CSV-en er ikke tallene i figuren")
            if not bodies["png"].startswith(b"\x89PNG\r\n\x1a\n"):
                failures.append(f"{name}: PNG-filen er ikke PNG")
            title = fig.locator(".oslo-tittel")
            try:
                root = ET.fromstring(bodies["svg"])
                drawn = " ".join(t for t in root.itertext())
                if not root.tag.endswith("svg"):
                    failures.append(f"{name}: SVG-filen har rotelementet {root.tag}")
                # The image stands alone: its title and its source are drawn in.
                if title.count() and title.inner_text().split()[0] not in drawn:
                    failures.append(f"{name}: SVG-filen mangler tittelen")
                # «Kilde: …», or «Svakere kilde: …» when every source is a weaker one.
                if "Kilde:" not in drawn and "Svakere kilde:" not in drawn:
                    failures.append(f"{name}: SVG-filen mangler kilden")
            except ET.ParseError as err:
                failures.append(f"{name}: SVG-filen kan ikke leses: {err}")
        # The download is a real download (same-origin link with the download attribute).
        first = page.locator("a.oslo-last-ned-csv").first
        with page.expect_download() as info:
            first.click()
        suggested = info.value.suggested_filename
        if not re.fullmatch(r"[a-z0-9-]+\.csv", suggested) or re.search(r"[0-9a-f]{10}", suggested):
            failures.append(f"{rel}: nedlastingen heter {suggested}")
        page.close()
    assert not failures, "\n".join(failures)


def _text_colours(page) -> list[str]:
    return page.evaluate("""() => [...document.querySelectorAll('.oslo-chart')].map(
        c => (c.querySelector('.role-axis-label text') || {getAttribute: () => null}).getAttribute('fill'))""")


def test_theme_button_redraws_charts_in_dark_mode(browser, served, pages_with_charts):
    page, report = visit(browser, f"{served}/{pages_with_charts[0]}", color_scheme="light")
    wait_drawn(page)
    page.wait_for_timeout(300)
    before = _text_colours(page)
    page.locator(".theme-switch-button").first.click()
    assert page.evaluate("document.documentElement.dataset.theme") == "dark"
    page.wait_for_function(
        "(before) => [...document.querySelectorAll('.oslo-chart')].every((c, i) => {"
        " const t = c.querySelector('.role-axis-label text'); return t && t.getAttribute('fill') !== before[i]; })",
        arg=before,
        timeout=5_000,
    )
    after = _text_colours(page)
    assert all(a != b for a, b in zip(after, before, strict=True)), (before, after)
    # The tooltip follows the mode too.
    page.locator(f".oslo-chart >> {MARKS}").first.hover(force=True)
    page.wait_for_selector("#vg-tooltip-element.visible.dark-theme", timeout=5_000)
    assert not report["errors"] and not report["outside"]
    page.close()


def test_charts_fit_the_page_width_and_follow_it(browser, served, pages_with_charts):
    failures = []
    for rel in pages_with_charts:
        for width in (1280, 390):
            page, report = visit(browser, f"{served}/{rel}", viewport={"width": width, "height": 900})
            wait_drawn(page)
            page.wait_for_timeout(400)  # a redraw after the first layout settles
            sizes = page.evaluate("""() => [...document.querySelectorAll('.oslo-chart')].map(c => {
                const svg = c.querySelector('svg');
                return [c.clientWidth, svg ? svg.getBoundingClientRect().width : 0, parseFloat(svg.getAttribute('width'))]; })""")
            for i, (box, _drawn, natural) in enumerate(sizes):
                if natural > box + 2:
                    failures.append(
                        f"{rel} @ {width}px: figur {i + 1} er {natural:.0f}px bred i en boks på {box}px"
                    )
                if natural < 0.6 * box:
                    failures.append(f"{rel} @ {width}px: figur {i + 1} bruker bare {natural:.0f} av {box}px")
            page.close()
    # Resizing the window redraws at the new width.
    page, report = visit(browser, f"{served}/{pages_with_charts[0]}", viewport={"width": 1280, "height": 900})
    wait_drawn(page)
    wide = page.evaluate("() => document.querySelector('.oslo-chart svg').getAttribute('width')")
    page.set_viewport_size({"width": 420, "height": 900})
    page.wait_for_function(
        "(w) => document.querySelector('.oslo-chart svg').getAttribute('width') !== w",
        arg=wide,
        timeout=5_000,
    )
    page.close()
    assert not failures, "\n".join(failures)


def test_static_image_first_then_drawing_and_on_paper(browser, served, pages_with_charts):
    rel = pages_with_charts[0]
    # Without JavaScript the static drawing is the figure, named by its description.
    page, report = visit(browser, f"{served}/{rel}", java_script_enabled=False)
    n = page.locator(".oslo-figur").count()
    images = page.locator(".oslo-chart img.oslo-statisk")
    assert images.count() == n
    for i in range(n):
        images.nth(i).scroll_into_view_if_needed()
        page.wait_for_function(
            "(i) => document.querySelectorAll('img.oslo-statisk')[i].naturalWidth > 0", arg=i, timeout=5_000
        )
        assert images.nth(i).is_visible()
        host = page.locator(".oslo-chart").nth(i)
        assert host.get_attribute("role") == "img" and host.get_attribute("aria-label")
    page.close()
    # With it, the drawing replaces the image on screen; on paper the image comes back.
    page, report = visit(browser, f"{served}/{rel}")
    wait_drawn(page)
    assert page.locator("img.oslo-statisk:visible").count() == 0
    assert page.locator(".oslo-vega svg:visible").count() == n
    page.emulate_media(media="print")
    assert page.locator("img.oslo-statisk:visible").count() == n
    assert page.locator(".oslo-vega svg:visible").count() == 0
    page.close()


def test_no_serious_accessibility_violations(browser, served, site):
    failures = []
    # The root index.html is only a redirect (it navigates away while axe runs).
    for rel in [r for r in site_pages(site) if r != "index.html"]:
        for scheme in ("light", "dark"):
            page, report = visit(browser, f"{served}/{rel}", color_scheme=scheme)
            if page.locator(".oslo-chart").count():
                wait_drawn(page)
            # Open every data table so it is checked too.
            page.evaluate("() => document.querySelectorAll('details').forEach(d => d.open = true)")
            page.wait_for_timeout(200)
            failures += [f"{rel} ({scheme}): {v}" for v in axe_violations(page)]
            page.close()
    assert not failures, "\n".join(failures)


ONDT = "</script><script>window.__pwned=1</script>"


@pytest.fixture(scope="module")
def testbok(tmp_path_factory):
    """tests/fixtures/testbok built as its own small book with the book's configuration
    and extensions, served on 127.0.0.1: never part of the published table of contents."""
    import functools
    import http.server
    import shutil
    import subprocess
    import sys
    import threading

    from support.browserkit import ROOT

    book = tmp_path_factory.mktemp("testbok")
    shutil.copy(ROOT / "_config.yml", book / "_config.yml")
    shutil.copy(ROOT / "references.bib", book / "references.bib")  # the configuration names it
    shutil.copy(ROOT / "tests" / "fixtures" / "testbok" / "figurer.md", book / "figurer.md")
    (book / "_toc.yml").write_text("format: jb-book\nroot: figurer\n")
    proc = subprocess.run(
        [sys.executable, "-m", "helpers", "build", str(book)], capture_output=True, text=True, timeout=600
    )
    assert proc.returncode == 0, proc.stdout[-3000:] + proc.stderr[-3000:]
    handler = functools.partial(http.server.SimpleHTTPRequestHandler, directory=str(book / "_build" / "html"))
    handler.log_message = lambda *a: None
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    yield f"http://127.0.0.1:{server.server_address[1]}", book / "_build" / "html"
    server.shutdown()


def test_a_label_with_markup_stays_text(browser, testbok):
    base, site = testbok
    html = (site / "figurer.html").read_text(encoding="utf-8")
    assert "<script>window.__pwned" not in html
    page, report = visit(browser, f"{base}/figurer.html")
    wait_drawn(page)
    assert page.evaluate("window.__pwned") is None
    assert page.locator(".oslo-chart[data-drawn='true']").count() == 2
    # In the drawn chart (legend, axis) and in the table the label is plain text.
    texts = page.evaluate(
        "() => [...document.querySelectorAll('.oslo-chart svg text')].map(t => t.textContent)"
    )
    assert any(t.startswith("</script><script>") for t in texts), texts
    page.evaluate("() => document.querySelectorAll('details').forEach(d => d.open = true)")
    cells = page.locator(".oslo-tabell th", has_text=ONDT)
    assert cells.count() >= 2 and cells.first.inner_text() == ONDT
    assert page.locator(".oslo-kilde").nth(1).inner_text().startswith("Kilde: <b>Kilde</b>")
    # The tooltip shows it as text too, and the bars are marks with tooltips.
    page.locator(".oslo-chart").nth(1).locator(".mark-rect path").first.hover(force=True)
    rows = _tooltip_rows(page)
    assert ONDT in rows.values() or "Vanlig kategori" in rows.values(), rows
    assert page.evaluate("window.__pwned") is None
    # The description reaches assistive technology as the graphics document's label.
    label = page.locator(".oslo-chart").first.get_attribute("aria-label")
    assert label == f"Linje med etiketten {ONDT}"
    assert not report["errors"] and not report["outside"] and not report["console_errors"], report
    page.close()


def test_testbok_downloads_and_gaps(browser, testbok):
    base, site = testbok
    page, report = visit(browser, f"{base}/figurer.html")
    wait_drawn(page)
    url = page.locator("a.oslo-last-ned-csv").nth(1).evaluate("a => a.href")
    rows = list(csv.DictReader(io.StringIO(page.request.get(url).text())))
    assert [r["kategori"] for r in rows] == [ONDT, "Vanlig kategori", "Mangler"]
    assert rows[2]["Verdi"] == ""  # missing stays missing, not zero
    # Only the two values that exist are drawn as bars.
    assert page.locator(".oslo-chart").nth(1).locator(".mark-rect path").count() == 2
    page.close()
