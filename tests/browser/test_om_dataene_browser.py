"""«Om dataene» on a phone: the lists of sources wrap; nothing makes the page scroll sideways."""

from __future__ import annotations

import pytest
from support.browserkit import visit


@pytest.mark.parametrize("rel", ["book/om-dataene.html", "notebooks/06-hvor-flyttet-de.html"])
def test_no_sideways_scroll_at_390_px(browser, served, rel):
    page, report = visit(browser, f"{served}/{rel}", viewport={"width": 390, "height": 844})
    wider = page.evaluate("""() => {
        const limit = document.documentElement.clientWidth;
        // Figures' own tables scroll inside their frame (keyboard reachable); everything else must fit.
        return [...document.querySelectorAll('article *')]
            .filter(e => !e.closest('.oslo-tabell-ramme, .oslo-chart, pre, .highlight'))
            .filter(e => e.getBoundingClientRect().right > limit + 1)
            .map(e => e.tagName + ': ' + (e.textContent || '').trim().slice(0, 60));
    }""")
    assert page.evaluate("() => document.documentElement.scrollWidth <= document.documentElement.clientWidth")
    assert wider == [], wider[:5]
    assert not report["outside"]
    page.close()
