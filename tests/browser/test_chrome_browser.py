"""The site's chrome in Debian's chromium: Norwegian search, the 404 page as GitHub Pages
serves it, page weight within budget, a visible focus ring on every control, no sideways
scroll on a phone."""

from pathlib import Path
from urllib.parse import urlsplit

import pytest
import yaml
from support.browserkit import (
    CHART_PAGE_BUDGET,
    TEXT_PAGE_BUDGET,
    axe_violations,
    gzipped_size,
    serve_like_github_pages,
    site_pages,
    visit,
    wait_drawn,
    weight,
)

ROOT = Path(__file__).resolve().parents[2]
PREFIX = urlsplit(yaml.safe_load((ROOT / "_config.yml").read_text(encoding="utf-8"))["html"]["baseurl"]).path
# Page furniture that must not reach a search result's snippet.
FURNITURE = [
    "Last ned",
    "Skriv ut",
    "forrige side",
    "neste side",
    "Vis tallene",
    "Til toppen",
    "På denne siden",
]
FOCUSABLE = "a[href], button, input, select, textarea, summary, [tabindex]:not([tabindex='-1'])"


@pytest.fixture(scope="module")
def published(site):
    server, base = serve_like_github_pages(site, PREFIX)
    yield base
    server.shutdown()


def test_search_results_in_norwegian_without_page_furniture(browser, served):
    page, report = visit(browser, f"{served}/search.html?q=utflytting")
    page.wait_for_selector("#search-results p.search-summary:not(:empty)", timeout=15_000)
    page.wait_for_function(
        "() => [...document.querySelectorAll('#search-results li')].every(li => li.querySelector('p.context'))",
        timeout=15_000,
    )
    summary = page.inner_text("#search-results p.search-summary")
    assert summary.startswith("Søket er ferdig. Sider med treff:"), summary
    assert page.inner_text("#search-results h2") == "Søkeresultater"
    snippets = page.locator("#search-results p.context").all_inner_texts()
    assert snippets
    for text in snippets:
        assert not [f for f in FURNITURE if f in text], text
    assert page.locator("input[type=search]:visible").count() == 1
    assert not report["errors"] and not report["outside"]
    page.close()


@pytest.mark.parametrize("missing", ["finnes-ikke.html", "notebooks/gammelt/kapittel.html"])
def test_404_page_as_github_pages_serves_it(browser, published, missing):
    page = browser.new_page()
    failed, statuses = [], {}
    page.on("requestfailed", lambda r: failed.append(r.url))
    page.on("response", lambda r: statuses.setdefault(r.url, r.status))
    errors = []
    page.on("pageerror", lambda e: errors.append(str(e)))
    response = page.goto(published + missing, wait_until="load")
    assert response.status == 404
    assert page.title().startswith("Fant ikke siden")
    assert page.inner_text("article h1") == "Fant ikke siden"
    # Every stylesheet, script and the favicon came from the site, at any depth.
    assert not failed and not errors, (failed, errors)
    assert [u for u, s in statuses.items() if s != 200 and u != published + missing] == []
    assert statuses.get(f"{published}_static/favicon.svg") == 200
    page.click("text=Gå til forsiden")
    page.wait_for_load_state()
    assert page.url == f"{published}book/intro.html"
    page.close()


def test_404_page_accessible_in_both_modes(browser, published):
    for scheme in ("light", "dark"):
        page = browser.new_page(color_scheme=scheme)
        page.goto(published + "finnes-ikke", wait_until="load")
        assert not axe_violations(page), scheme
        page.close()


def test_every_page_within_its_weight_budget_without_fontawesome(browser, served, site):
    failures = []
    for rel in site_pages(site):
        if rel == "index.html":
            continue
        page, report = visit(browser, f"{served}/{rel}")
        charts = page.locator(".oslo-chart").count()
        if charts:
            wait_drawn(page)
        page.wait_for_timeout(200)
        # Each file once: a chart page prefetches the Vega runtime and runs it from the
        # browser's cache (Playwright's request interception turns that cache off).
        files = set(weight(site, served, report["requests"])["files"])
        total = sum(gzipped_size(f) for f in files)
        budget = CHART_PAGE_BUDGET if charts else TEXT_PAGE_BUDGET
        if total > budget:
            failures.append(f"{rel}: {total // 1024} KB gzipped over {budget // 1024} KB: {sorted(files)}")
        fonts = [u for u in report["requests"] if "fontawesome" in u or "/webfonts/" in u]
        if fonts:
            failures.append(f"{rel}: {fonts}")
        page.close()
    assert not failures, "\n".join(failures)


@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_every_control_shows_a_focus_ring(browser, served, scheme):
    failures = []
    for rel in ("book/intro.html", "notebooks/01-rekordutflytting.html", "search.html"):
        page, _ = visit(
            browser, f"{served}/{rel}", color_scheme=scheme, viewport={"width": 1280, "height": 900}
        )
        page.wait_for_timeout(300)
        seen = []
        for _ in range(150):
            page.keyboard.press("Tab")
            state = page.evaluate(RING)
            if state is None or state["key"] in {s["key"] for s in seen}:
                if state is not None:
                    break
                continue
            seen.append(state)
        assert len(seen) > 5, f"{rel}: Tab reached only {len(seen)} controls"
        for s in seen:
            if not s["visible"]:
                continue
            if not (s["ring"] and s["contrast"] >= 3):
                failures.append(
                    f"{rel} ({scheme}): {s['key']} ring={s['ring']} {s['colors']} {s['contrast']:.2f}:1"
                )
        page.close()
    assert not failures, "\n".join(failures)


# The focused element: whether it draws an outline or a box-shadow ring, and that ring's
# contrast against the background behind the element.
RING = """() => {
    const el = document.activeElement;
    if (!el || el === document.body) return null;
    const luminance = (rgb) => {
        const [r, g, b] = rgb.match(/[\\d.]+/g).slice(0, 3).map(Number).map(v => {
            v /= 255; return v <= 0.03928 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4; });
        return 0.2126 * r + 0.7152 * g + 0.0722 * b;
    };
    const behind = (node) => {
        for (let e = node.parentElement; e; e = e.parentElement) {
            const c = getComputedStyle(e).backgroundColor;
            if (c && c !== 'transparent' && !/, 0\\)$/.test(c)) return c;
        }
        return 'rgb(255, 255, 255)';
    };
    const s = getComputedStyle(el);
    const outline = s.outlineStyle !== 'none' && parseFloat(s.outlineWidth) >= 2;
    const shadow = s.boxShadow && s.boxShadow !== 'none';
    const color = outline ? s.outlineColor : (shadow ? s.boxShadow.match(/rgba?\\([^)]*\\)/)[0] : s.color);
    const [a, b] = [luminance(color), luminance(behind(el))].sort((x, y) => y - x);
    const r = el.getBoundingClientRect();
    return {
        key: [...document.querySelectorAll('*')].indexOf(el) + ' ' + el.tagName + '.' + el.className + ' '
            + (el.getAttribute('href') || el.textContent.trim().slice(0, 30)),
        colors: color + ' on ' + behind(el),
        ring: outline || shadow,
        contrast: (a + 0.05) / (b + 0.05),
        visible: r.width > 0 && r.height > 0 && s.visibility !== 'hidden',
    };
}"""


def test_no_page_scrolls_sideways_on_a_phone(browser, served, site):
    failures = []
    for rel in site_pages(site):
        if rel == "index.html":
            continue
        page, _ = visit(browser, f"{served}/{rel}", viewport={"width": 390, "height": 844})
        if page.locator(".oslo-chart").count():
            wait_drawn(page)
        wide = page.evaluate("document.documentElement.scrollWidth - document.documentElement.clientWidth")
        if wide > 0:
            failures.append(f"{rel}: {wide} px wider than the screen")
        page.close()
    assert not failures, "\n".join(failures)


def test_header_menus_work_without_bootstrap(browser, served):
    """The header's menus open on click, move with the arrow keys and close with Escape or a
    click elsewhere (oslo-meny.js), with no Bootstrap bundle on the page."""
    page, report = visit(
        browser, f"{served}/notebooks/01-rekordutflytting.html", viewport={"width": 390, "height": 800}
    )
    assert not [u for u in report["requests"] if "bootstrap" in u]
    for label in ("Kjør kapitlet selv", "Last ned denne siden"):
        button = page.locator(f'button[aria-label="{label}"]')
        menu = button.locator("xpath=following-sibling::ul[1]")
        assert not menu.is_visible()
        button.click()
        assert menu.is_visible() and button.get_attribute("aria-expanded") == "true"
        page.keyboard.press("ArrowDown")
        assert page.evaluate("document.activeElement.classList.contains('dropdown-item')")
        page.keyboard.press("Escape")
        assert button.get_attribute("aria-expanded") == "false"
        assert page.evaluate("document.activeElement.getAttribute('aria-label')") == label
        button.click()
        page.mouse.click(5, 700)  # the page's text, far from the menu
        assert not menu.is_visible() and button.get_attribute("aria-expanded") == "false"
    assert not report["errors"] and not report["console_errors"]
    page.close()
