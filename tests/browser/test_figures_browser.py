"""Every figure on a phone (390 px) and a desktop (1280 px), for sighted, keyboard and
screen-reader users: a plot area that leaves room for the data, nothing cut off, no
page wider than the screen, Norwegian names only, a visible focus on every control,
and every chart interactive by the time the page has loaded."""

from __future__ import annotations

import pytest
from support.browserkit import chart_pages, site_pages, visit, wait_drawn

PHONE, DESKTOP = 390, 1280
MIN_PLOT_PHONE = 280

# Per chart: the box, the drawing, the widest plot (the y axis' grid lines span it, or
# the x axis' domain), and any text that reaches outside the drawing.
MEASURE = """() => [...document.querySelectorAll('.oslo-chart')].map(host => {
  const svg = host.querySelector('.oslo-vega svg');
  if (!svg) return {drawn: false};
  const box = svg.getBoundingClientRect();
  let plot = 0;
  svg.querySelectorAll('.role-axis-grid line, .role-axis-domain line').forEach(l => {
    const b = l.getBoundingClientRect(); if (b.height < 2) plot = Math.max(plot, b.width); });
  const clipped = [...svg.querySelectorAll('text')].filter(t => {
    const b = t.getBoundingClientRect();
    return b.width > 0 && (b.left < box.left - 1 || b.right > box.right + 1 || b.top < box.top - 1 || b.bottom > box.bottom + 1);
  }).map(t => t.textContent);
  return {drawn: true, host: host.clientWidth, svg: box.width, plot, clipped};
})"""


@pytest.fixture(scope="module")
def pages_with_charts(site):
    pages = chart_pages(site)
    assert pages, "no page with a chart in the build"
    return pages


def _wider_than_screen(page) -> int:
    return page.evaluate("document.documentElement.scrollWidth - window.innerWidth")


@pytest.mark.parametrize("width", [PHONE, DESKTOP])
def test_charts_keep_their_plot_area_and_every_label(browser, served, pages_with_charts, width):
    failures = []
    for rel in pages_with_charts:
        page, _ = visit(browser, f"{served}/{rel}", viewport={"width": width, "height": 900})
        wait_drawn(page)
        page.wait_for_timeout(300)  # a redraw after the first layout settles
        for i, chart in enumerate(page.evaluate(MEASURE), start=1):
            name = f"{rel} @ {width}px, figur {i}"
            if not chart["drawn"]:
                failures.append(f"{name}: ikke tegnet")
                continue
            if width == PHONE and chart["plot"] < MIN_PLOT_PHONE:
                failures.append(f"{name}: tegneflaten er {chart['plot']:.0f} px (minst {MIN_PLOT_PHONE})")
            if chart["svg"] > chart["host"] + 1:
                failures.append(f"{name}: {chart['svg']:.0f} px bred i en boks på {chart['host']} px")
            if chart["clipped"]:
                failures.append(f"{name}: tekst utenfor figuren: {chart['clipped'][:3]}")
        # Titles are text in the page: they wrap, never run outside the column.
        for title in page.locator(".oslo-tittel, .oslo-etikett").all():
            box = title.bounding_box()
            if box and box["x"] + box["width"] > width:
                failures.append(f"{rel} @ {width}px: tittelen «{title.inner_text()[:40]}» går utenfor")
        if _wider_than_screen(page) > 0:
            failures.append(f"{rel} @ {width}px: siden er bredere enn skjermen")
        page.close()
    assert not failures, "\n".join(failures)


def test_no_page_scrolls_sideways_on_a_phone(browser, served, site):
    failures = []
    for rel in [r for r in site_pages(site) if r != "index.html"]:
        page, _ = visit(browser, f"{served}/{rel}", viewport={"width": PHONE, "height": 900})
        page.wait_for_timeout(200)
        over = _wider_than_screen(page)
        if over > 0:
            failures.append(f"{rel}: {over} px bredere enn skjermen")
        page.close()
    assert not failures, "\n".join(failures)


# What assistive technology can reach inside a chart's box: elements not hidden by an
# aria-hidden ancestor that carry a name, a role or text of their own.
EXPOSED = """() => [...document.querySelectorAll('.oslo-chart')].map(host => ({
  role: host.getAttribute('role'),
  label: host.getAttribute('aria-label'),
  exposed: [...host.querySelectorAll('*')].filter(e => !e.closest('[aria-hidden="true"]'))
    .filter(e => e.hasAttribute('aria-label') || e.hasAttribute('role') || e.hasAttribute('aria-roledescription')
      || (e.tagName.toLowerCase() === 'img' && e.getAttribute('alt')) || e.tagName.toLowerCase() === 'text')
    .map(e => e.outerHTML.slice(0, 120)),
}))"""

# Words of Vega's English ARIA texts that are not also Norwegian words («null», «symbol»).
ENGLISH = ("axis", "legend", "scale", "chart", "mark", "line", "bar", "value", "year", "title")


def test_charts_speak_norwegian_to_screen_readers(browser, served, pages_with_charts):
    failures = []
    for rel in pages_with_charts:
        page, _ = visit(browser, f"{served}/{rel}")
        wait_drawn(page)
        for i, chart in enumerate(page.evaluate(EXPOSED), start=1):
            name = f"{rel}: figur {i}"
            if chart["role"] != "img" or not chart["label"]:
                failures.append(
                    f"{name}: boksen er ikke ett bilde med navn ({chart['role']}, {chart['label']})"
                )
            elif any(word in chart["label"].lower().split() for word in ENGLISH):
                failures.append(f"{name}: engelsk i navnet: {chart['label']}")
            if chart["exposed"]:
                failures.append(f"{name}: skjermlesere når inn i figuren: {chart['exposed'][:3]}")
        # Vega writes no ARIA texts of its own (config aria: false).
        vega_labels = page.evaluate("document.querySelectorAll('.oslo-vega [aria-label]').length")
        if vega_labels:
            failures.append(f"{rel}: {vega_labels} aria-label fra Vega")
        page.close()
    assert not failures, "\n".join(failures)


FOCUS_STYLE = """() => { const e = document.activeElement; const s = getComputedStyle(e);
  return {inFigure: !!e.closest('.oslo-figur'), tag: e.tagName, text: (e.textContent || '').trim().slice(0, 30),
          outline: s.outlineStyle !== 'none' && parseFloat(s.outlineWidth) >= 2, shadow: s.boxShadow !== 'none'}; }"""


def test_every_control_in_a_figure_shows_where_the_keyboard_is(browser, served, pages_with_charts):
    page, _ = visit(browser, f"{served}/{pages_with_charts[0]}")
    wait_drawn(page)
    page.evaluate("() => document.querySelectorAll('.oslo-data').forEach(d => d.open = true)")
    controls = page.locator(".oslo-figur a, .oslo-figur summary, .oslo-figur [tabindex='0']").count()
    assert controls >= 5
    seen, failures = 0, []
    page.locator(".oslo-figur").first.evaluate(
        "f => f.previousElementSibling ? f.previousElementSibling.focus() : null"
    )
    page.evaluate(
        "() => { const a = document.querySelector('.oslo-figur'); const s = document.createElement('span'); s.tabIndex = -1; a.before(s); s.focus(); }"
    )
    for _ in range(controls + 5):
        page.keyboard.press("Tab")
        focus = page.evaluate(FOCUS_STYLE)
        if not focus["inFigure"]:
            continue
        seen += 1
        if not (focus["outline"] or focus["shadow"]):
            failures.append(f"{focus['tag']} «{focus['text']}» viser ikke fokus")
    page.close()
    assert seen >= 5, f"only {seen} figure controls reached with Tab"
    assert not failures, "\n".join(failures)


def test_every_chart_is_interactive_soon_after_it_is_scrolled_to(browser, served, pages_with_charts):
    """Nothing is drawn at load (the picture is the first view); a chart scrolled to is
    live within two seconds, the first of a page included (it runs the Vega runtime)."""
    failures = []
    for rel in pages_with_charts:
        page, _ = visit(browser, f"{served}/{rel}")
        n = page.locator(".oslo-chart").count()
        for i in range(n):
            asked = page.evaluate(
                "(i) => { const c = document.querySelectorAll('.oslo-chart')[i];"
                " c.scrollIntoView({block: 'center'}); return performance.now(); }",
                i,
            )
            page.wait_for_function(
                "(i) => { const c = document.querySelectorAll('.oslo-chart')[i];"
                " return c.dataset.drawn === 'true' || c.classList.contains('oslo-chart-feil'); }",
                arg=i,
                timeout=10_000,
            )
            mark = page.evaluate(
                "(id) => (performance.getEntriesByName('oslo-drawn:' + id)[0] || {}).startTime",
                page.locator(".oslo-chart").nth(i).get_attribute("id"),
            )
            if mark is None:
                failures.append(f"{rel}: figur {i + 1} meldte seg ikke tegnet")
            elif mark - asked > 2000:
                failures.append(f"{rel}: figur {i + 1} tegnet {mark - asked:.0f} ms etter at den kom i syne")
        page.close()
    assert not failures, "\n".join(failures)


def test_the_first_view_is_there_before_any_script_runs(browser, served, pages_with_charts):
    page, _ = visit(browser, f"{served}/{pages_with_charts[0]}", java_script_enabled=False)
    images = page.locator(".oslo-chart img.oslo-statisk")
    assert images.count() == page.locator(".oslo-figur").count() > 0
    first = images.first
    first.scroll_into_view_if_needed()
    page.wait_for_function("document.querySelector('img.oslo-statisk').naturalWidth > 0", timeout=5_000)
    assert first.is_visible() and first.get_attribute("alt") == ""  # the box carries the name
    page.close()
    # In dark mode the first view is drawn on the dark background.
    page, _ = visit(
        browser, f"{served}/{pages_with_charts[0]}", java_script_enabled=False, color_scheme="dark"
    )
    page.wait_for_function("document.querySelector('img.oslo-statisk').naturalWidth > 0", timeout=5_000)
    assert page.evaluate("document.querySelector('img.oslo-statisk').currentSrc").endswith(
        "-visning-mork.svg"
    )
    page.close()
