"""The built page of chapter 8 («Kom de tilbake?»): figures, the glued conclusion, no fixture."""

from __future__ import annotations


def test_built_page_has_its_figures_and_conclusion(site):
    html = (site / "notebooks" / "07-kom-de-tilbake.html").read_text()
    # six figures: the rates per inhabitant are Figure 1.2, linked rather than repeated, and the
    # few scattered house-price changes get a sentence, not a figure (SSB's index, once in the
    # package, is drawn: tests/chapters/test_refresh_chapters.py)
    assert html.count("class='oslo-vega-spec'") == 6
    assert "Endringen i boligprisene for" not in html
    assert "01-rekordutflytting.html#fig-oslo-rater" in html
    # text and notes judge nothing from the under-counted 2019 and use no stock phrase
    assert "det siste året vi har" not in html and "ikke lenger toppen" not in html
    # the 2019 caveat is explained in chapter 4.1; here its reason once (the yardstick), and
    # elsewhere a short clause with a link there, never a pointer to a figure's note
    assert "Nettoinnvandringen i 2019 er for høy" not in html
    assert html.count("04-utvandring.html#utvandring-2019") == 3
    assert html.count("utvandringen ble registrert for lavt") == 1
    assert "merknaden til figuren" not in html
    # the band and the mean once per series, as rows at the end of the table, not on every
    # row; which values are computed stands once, in the note
    assert "Årene i båndet" not in html and "<th>Grunnlag</th>" not in html
    assert "Beregnet: netto innenlandsk flytting" in html
    assert "[hvorfor](" not in html  # links in computed sentences render as links
    assert 'id="kap-tilbake"' in html or "kap-tilbake" in html
    # the conclusion arrives glued, with Norwegian number formatting
    assert "lå over spennet i 2016–2019 i alle årene etter 2020" in html
    assert "35\u00a0442" in html
    # the hand-made fixture never reaches the book
    assert "HAND-MADE" not in html and "111,1" not in html
