"""Chart pages as fast as text pages (issue 22): the static image is the first view; a
chart is drawn live only when the reader comes near it, by Vega's runtime alone (compiled
at build time: no Vega-Lite compiler, no vega-embed in the page), and the page stays
within its weight budget."""

from __future__ import annotations

import pytest
from support.browserkit import (
    CHART_PAGE_BUDGET,
    CHART_PAGE_JS_BUDGET,
    chart_pages,
    gzipped_size,
    visit,
    wait_drawn,
    weight,
)

PHONE = {"width": 390, "height": 844}


@pytest.fixture(scope="module")
def pages_with_charts(site):
    pages = chart_pages(site)
    assert pages, "no page with a chart in the build"
    return pages


def _state(page):
    return page.evaluate("""() => [...document.querySelectorAll('.oslo-chart')].map(c => ({
        top: c.getBoundingClientRect().top, drawn: c.dataset.drawn === 'true',
        svg: !!c.querySelector('.oslo-vega svg')}))""")


def test_charts_below_the_fold_are_drawn_only_when_scrolled_to(browser, served, site, pages_with_charts):
    # The page with the most charts: most of them far below the first screen on a phone.
    rel = max(pages_with_charts, key=lambda r: (site / r).read_text(encoding="utf-8").count("oslo-vega-spec"))
    page, report = visit(browser, f"{served}/{rel}", viewport=PHONE)
    page.wait_for_timeout(2500)  # load, idle time: whatever is drawn at load is drawn by now
    state = _state(page)
    far = [i for i, s in enumerate(state) if s["top"] > PHONE["height"] + 600]
    assert len(far) >= 2, state
    assert not any(state[i]["drawn"] or state[i]["svg"] for i in far), state
    # The static image is the view meanwhile.
    assert page.locator(".oslo-chart img.oslo-statisk").nth(far[-1]).get_attribute("src")
    # Scrolled to, the last chart comes alive, with its tooltips.
    host = page.locator(".oslo-chart").nth(far[-1])
    host.scroll_into_view_if_needed()
    page.wait_for_function(
        "(i) => document.querySelectorAll('.oslo-chart')[i].dataset.drawn === 'true'",
        arg=far[-1],
        timeout=10_000,
    )
    marks = host.locator(".mark-symbol path, .mark-rect path")
    assert marks.count() > 0
    marks.nth(marks.count() // 2).hover(force=True)
    page.wait_for_selector("#vg-tooltip-element.visible", timeout=5_000)
    rows = page.evaluate(
        "() => [...document.querySelectorAll('#vg-tooltip-element td.value')].map(t => t.textContent)"
    )
    assert rows, "empty tooltip"
    # Charts between the two, never reached, are still pictures.
    assert not _state(page)[far[0]]["drawn"] or far[0] == far[-1]
    assert not report["errors"] and not report["outside"] and not report["console_errors"], report
    page.close()


def test_a_chart_is_drawn_on_first_touch_wherever_it_is(browser, served, pages_with_charts):
    rel = pages_with_charts[0]
    page, report = visit(browser, f"{served}/{rel}", viewport=PHONE)
    last = page.locator(".oslo-chart").last
    # Without scrolling: pointing at the chart (keyboard focus, a touch) asks for it at once.
    last.dispatch_event("pointerenter")
    page.wait_for_function(
        "() => [...document.querySelectorAll('.oslo-chart')].pop().dataset.drawn === 'true'", timeout=10_000
    )
    assert not report["errors"], report
    page.close()


def test_no_chart_page_loads_vega_lite_or_vega_embed(browser, served, pages_with_charts):
    failures = []
    for rel in pages_with_charts:
        page, report = visit(browser, f"{served}/{rel}")
        wait_drawn(page)
        names = page.evaluate("() => ['vegaLite', 'vegaEmbed', 'vl', 'vega'].filter(n => n in window)")
        if names:
            failures.append(f"{rel}: globals {names}")
        for url in report["requests"]:
            if ".js" not in url:
                continue
            body = page.request.get(url).text()
            # Vega-Lite's compiler names its own schema; vega-embed its package.
            for sign in ("vega-lite", "vega-embed"):
                if sign in body:
                    failures.append(f"{rel}: {url.rsplit('/', 1)[-1]} holds {sign}")
        page.close()
    assert not failures, "\n".join(failures)


def test_chart_pages_within_the_weight_budget_with_every_chart_drawn(
    browser, served, site, pages_with_charts
):
    failures = []
    for rel in pages_with_charts:
        page, report = visit(browser, f"{served}/{rel}")
        wait_drawn(page)  # every chart drawn: the runtime is loaded, whatever was scrolled to
        page.wait_for_timeout(200)
        # Each file once: the runtime is prefetched in idle time and then run from the
        # browser's cache (Playwright's request interception turns that cache off).
        files = set(weight(site, served, report["requests"])["files"])
        total = sum(gzipped_size(f) for f in files)
        js = sum(gzipped_size(f) for f in files if f.suffix == ".js")
        if total > CHART_PAGE_BUDGET:
            failures.append(f"{rel}: {total / 1024:.0f} KB gzipped, over {CHART_PAGE_BUDGET // 1024} KB")
        if js > CHART_PAGE_JS_BUDGET:
            failures.append(
                f"{rel}: JavaScript {js / 1024:.0f} KB gzipped, over {CHART_PAGE_JS_BUDGET // 1024} KB"
            )
        page.close()
    assert not failures, "\n".join(failures)
