"""«Om dataene»: page titles from the source catalog, and the figure credits as links."""

import pandas as pd
import pytest

from helpers.prose.kildeliste import sider_md, sidetittel, utgivere_md

NBSP = "\u00a0"


def test_titles_come_from_the_catalog_with_letters_and_numbers_right():
    assert sidetittel("https://www.oslo.kommune.no/statistikk/befolkning/folkemengde-og-endringer/") == (
        "Oslo kommune: Folkemengde og endringer"
    )
    assert sidetittel(
        "https://www.nav.no/no/lokalt/oslo/pressemeldinger/historisk-hoy-arbeidsledighet-i-oslo"
    ) == ("NAV Oslo: Historisk høy arbeidsledighet i Oslo")
    assert (
        sidetittel(
            "https://www.finansavisen.no/bolig/2024/11/05/8201626/boligprisene-falt-med-0-7-prosent-i-oktober"
        )
        == "Finansavisen: Boligprisene falt med 0,7 prosent i oktober"
    )
    # A file on GitHub is one source whatever commit it was read at.
    a = "https://github.com/radbrt/working_from_home/blob/8455f0369a7706660674af10798b9e926eaa7245/who_can_work_from_home.tex"
    assert sidetittel(a) == sidetittel(a.replace("8455f0369a7706660674af10798b9e926eaa7245", "228095e"))
    assert "utkast" in sidetittel(a)
    assert sidetittel("https://www.ssb.no/statbank/table/07459").endswith("tabell 07459")


def test_a_page_the_catalog_lacks_stops_with_its_address():
    with pytest.raises(KeyError, match="TITLER"):
        sidetittel("https://www.ssb.no/en/some-page-nobody-catalogued")
    with pytest.raises(KeyError, match="TITLER"):
        sidetittel("https://www.example.org/a")


def test_credits_and_pages_as_markdown_links():
    rader = pd.DataFrame(
        {
            "kilde": [
                "https://www.oslo.kommune.no/statistikk/befolkning/folkemengde-og-endringer/",
                "https://www.oslo.kommune.no/statistikk/befolkning/folkemengde-og-endringer/",
                "https://statbank.ssb.no/befolkning/statistikker/flytting/aar",
            ]
        }
    )
    assert utgivere_md(rader) == (
        "[Statistisk sentralbyrå (SSB)](https://statbank.ssb.no/befolkning/statistikker/flytting/aar); "
        "[Oslo kommune](https://www.oslo.kommune.no/statistikk/befolkning/folkemengde-og-endringer/)"
    )
    assert sider_md(rader).count("](") == 2  # each page once


def test_typography_of_text_from_elsewhere():
    from helpers.prose.kildeliste import typografi

    assert typografi("Folkemengde 1. januar 2016-2020, 0-17 år, 4 452 rader") == (
        f"Folkemengde 1.{NBSP}januar 2016\u20132020, 0\u201317 år, 4{NBSP}452 rader"
    )
