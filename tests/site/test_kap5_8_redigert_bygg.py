"""The built pages of chapters 5–8 after the editor's read: each explanation once, units named,
the summary's claims as the public numbers bear them."""

from __future__ import annotations

import re

from test_reader_text import reader_text


def _tekst(site, side: str) -> str:
    html = (site / "notebooks" / side).read_text(encoding="utf-8")
    return re.sub(r"\s+", " ", reader_text(html).replace("\u00a0", " "))


def test_the_summary_says_what_the_public_emigration_numbers_show(site):
    tekst = _tekst(site, "08-oppsummering.html")
    assert "Også i de offentlige tallene økte utvandringen fra 2019 til 2020, slik artikkelen fant" in tekst
    assert "lavere enn i hvert av årene" in tekst
    assert "kan de offentlige tallene altså ikke bekrefte" not in tekst
    assert "gjelder hvem som flyttet og hvor de dro" in tekst
    assert "svakere kilder" not in tekst


def test_chapter_7_points_to_the_summary_and_says_each_caveat_once(site):
    tekst = _tekst(site, "07-kom-de-tilbake.html")
    # the home-office argument stands in 8.1; 7.5 points there
    assert "Bo- og flyttemotivundersøkelsen" not in tekst
    assert "avgjør jobben for mange kontoransatte" not in tekst
    html = (site / "notebooks" / "07-kom-de-tilbake.html").read_text(encoding="utf-8")
    assert "08-oppsummering.html#oppsummering-funn" in html
    # house prices: one sentence on the years after 2020, no pre-pandemic years listed
    assert "For årene etter 2020 har boka ingen brukbar serie for boligprisene" in tekst
    assert "i løpet av 2015" not in tekst
    # weaker sources for the 2021 quarters said once, in 7.2
    assert tekst.count("svakere kilder") == 1
    # the Finnish publisher named once in a row; the Opinion survey is not chapter 3's measure
    assert "ifølge samme kilde" in tekst
    assert "et annet mål enn anslaget i kapittel 3" in tekst
    # units in the captions
    assert tekst.count("Antall personer.") >= 5 and "arbeidstiden. Prosent." in tekst


def test_chapters_5_and_6_name_units_and_say_viken_once(site):
    fem = _tekst(site, "05-fodested-og-familie.html")
    assert "Antall husholdninger." in fem
    assert "Tallene for 2019 er avrundet i kilden, tallene for 2022 er eksakte." in fem
    assert "det er en type husholdning, ikke en familietype" in fem
    assert "21,9 prosent av utflyttingen fra Oslo til resten av Norge" in fem
    assert " 22 prosent av utflyttingen" not in fem
    seks = _tekst(site, "06-hvor-flyttet-de.html")
    assert seks.count("Akershus, Buskerud og Østfold") == 1
    assert "Trondheim, Bergen, Kristiansand og Stavanger" not in seks
    assert "Drammen, Fredrikstad, Moss og Tønsberg" not in seks
    for side in ("05-fodested-og-familie.html", "06-hvor-flyttet-de.html", "07-kom-de-tilbake.html"):
        html = (site / "notebooks" / side).read_text(encoding="utf-8")
        # the figures' tables (class oslo-tabell), not the number panels, name their unit
        for tabell in re.findall(r"<table class='oslo-tabell'>.*?</table>", html, flags=re.S):
            assert not re.search(r"<th[^>]*>Verdi</th>", tabell), side
