"""Numbers in the text open to show where they come from (helpers.site.tallpanel,
static/oslo-tallpanel.js): in Chromium at 390 and 1280 px, light and dark, a number is
reached with Tab, opened with Enter or Space, closed with Esc (focus back on the number);
the panel lies inside the viewport, says the same number, has rows linked to sources, and
axe finds nothing serious. Without JavaScript the number links to «Tallene i kapitlet»."""

from __future__ import annotations

import pytest
from support.browserkit import axe_violations, visit

PAGE = "notebooks/01-rekordutflytting.html"

FOCUSED_NUMBER = "() => document.activeElement && document.activeElement.matches('button.oslo-tall')"
PANEL = """() => {
  const p = document.getElementById('oslo-tallpanel');
  if (!p || p.hidden) return null;
  const r = p.getBoundingClientRect();
  return {left: r.left, right: r.right, top: r.top, bottom: r.bottom,
          width: document.documentElement.clientWidth, height: window.innerHeight,
          text: p.textContent, rows: p.querySelectorAll('tbody tr').length,
          links: [...p.querySelectorAll('tbody a')].map(a => a.href),
          steps: p.querySelectorAll('.oslo-tall-regning li').length,
          open: document.querySelectorAll('button.oslo-tall[aria-expanded="true"]').length};
}"""


def _tab_to_number(page, limit=300):
    for _ in range(limit):
        page.keyboard.press("Tab")
        if page.evaluate(FOCUSED_NUMBER):
            return page.evaluate("() => document.activeElement.textContent")
    pytest.fail("Tab never reached a number in the text")


@pytest.mark.parametrize("width", [390, 1280])
@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_keyboard_opens_and_closes_the_panel(browser, served, width, scheme):
    page, report = visit(
        browser, f"{served}/{PAGE}", viewport={"width": width, "height": 844}, color_scheme=scheme
    )
    assert page.evaluate("() => document.querySelectorAll('a.oslo-tall').length") == 0, (
        "links left unconverted"
    )
    number = _tab_to_number(page)
    page.keyboard.press("Enter")
    panel = page.evaluate(PANEL)
    assert panel, "Enter did not open the panel"
    assert number in panel["text"]
    assert panel["rows"] >= 1 and panel["steps"] >= 1
    assert all(link.startswith("http") for link in panel["links"]) and panel["links"]
    assert panel["open"] == 1
    assert 0 <= panel["left"] and panel["right"] <= panel["width"], panel
    assert 0 <= panel["top"] and panel["bottom"] <= panel["height"], panel
    assert axe_violations(page) == []
    page.keyboard.press("Escape")
    assert page.evaluate(PANEL) is None
    assert page.evaluate(FOCUSED_NUMBER)
    assert page.evaluate("() => document.activeElement.textContent") == number
    # Space opens it too, and opening another number closes the first: one panel at a time.
    page.keyboard.press(" ")
    assert page.evaluate(PANEL)
    page.keyboard.press("Escape")
    page.keyboard.press("Tab")
    assert page.evaluate(FOCUSED_NUMBER), "the next number is not the next stop"
    page.keyboard.press("Enter")
    last = page.locator("button.oslo-tall").last
    last.scroll_into_view_if_needed()
    last.click()
    assert page.evaluate(PANEL)["open"] == 1
    assert page.evaluate(
        "() => document.querySelector('button.oslo-tall[aria-expanded=\"true\"]').textContent"
    ) == (last.text_content())
    assert not report["errors"] and not report["console_errors"] and not report["outside"]
    page.close()


def test_click_opens_and_a_click_elsewhere_closes(browser, served):
    page, report = visit(browser, f"{served}/{PAGE}", viewport={"width": 390, "height": 844})
    button = page.locator("button.oslo-tall").nth(2)
    button.scroll_into_view_if_needed()
    button.click()
    panel = page.evaluate(PANEL)
    assert panel and button.text_content() in panel["text"]
    page.hover("#oslo-tallpanel")
    assert page.evaluate(PANEL), "the panel must stay while hovered"
    page.mouse.click(5, 400)
    assert page.evaluate(PANEL) is None
    page.close()


def test_a_shared_link_opens_its_number(browser, served):
    page, _ = visit(browser, f"{served}/{PAGE}", viewport={"width": 1280, "height": 844})
    anchor = page.evaluate("() => document.querySelectorAll('button.oslo-tall')[3].id")
    page.close()
    page, _ = visit(browser, f"{served}/{PAGE}#{anchor}", viewport={"width": 1280, "height": 844})
    panel = page.evaluate(PANEL)
    assert panel and panel["open"] == 1
    assert (
        page.evaluate("() => document.querySelector('button.oslo-tall[aria-expanded=\"true\"]').id") == anchor
    )
    page.close()


def test_without_javascript_the_number_links_to_the_list(browser, served):
    page, _ = visit(browser, f"{served}/{PAGE}", java_script_enabled=False)
    pairs = page.evaluate("""() => [...document.querySelectorAll('a.oslo-tall')].map(a => {
        const item = document.getElementById(a.getAttribute('href').slice(1));
        return [a.textContent, item ? item.querySelector('.oslo-tall-hva strong').textContent : null];
    })""")
    assert pairs and all(text == listed for text, listed in pairs), pairs
    assert page.evaluate("() => document.getElementById('tallene-i-kapitlet') !== null")
    page.close()
