"""«Om dataene»: readable page titles from addresses, and the figure credits as links."""

import pandas as pd

from helpers.prose.kildeliste import sidetittel, sider_md, utgivere_md

NBSP = "\u00a0"


def test_titles_are_words_not_slugs():
    assert sidetittel("https://www.oslo.kommune.no/statistikk/befolkning/folkemengde-og-endringer/") == (
        "Oslo kommune: Folkemengde og endringer"
    )
    # Percent-encoding decoded, the trailing article id dropped.
    assert (
        sidetittel(
            "https://www.altaposten.no/lokalt/NTB/NTB_innenriks/2020/11/19/"
            "Tallet-p%C3%A5-permitterte-servit%C3%B8rer-til-v%C3%A6rs-23024530.ece"
        )
        == "Altaposten: Tallet på permitterte servitører til værs"
    )
    # A year stays; a dot between words becomes a comma; "1. januar" keeps its space unbroken.
    assert (
        sidetittel(
            "https://ssb.no/153938/beregnet-folkemengde-1.januar-og-beregnet-folketilvekst.hele-landet"
        )
        == f"Statistisk sentralbyrå (SSB): Beregnet folkemengde 1.{NBSP}januar og beregnet folketilvekst, hele landet"
    )
    assert sidetittel(
        "https://www.oslo.kommune.no/statistikk/befolkning/befolkningsutviklingen-i-oslo-gjennom-2022"
    ).endswith("gjennom 2022")
    assert sidetittel(
        "https://trondheimsregionen.no/trondheimsregionen-passerte-300-000-innbyggere/"
    ).endswith(f"300{NBSP}000 innbyggere")


def test_codes_fall_back_to_a_title_or_the_repository():
    assert sidetittel("https://ssb.no/a/barnogunge/2019/tabeller/befolkning/bef0712.html") == (
        "Statistisk sentralbyrå (SSB): Barn og unge 2019, tabell bef0712"
    )
    assert sidetittel("https://kommuneprofilen.no/Profil/Befolkning/BenchBy/bef_innv_aar_by.aspx").endswith(
        "Innvandring per år, byene"
    )
    assert sidetittel(
        "https://github.com/radbrt/working_from_home/blob/228095e/master_data/yrke_kommuner.csv"
    ) == ("kodearkivet til SSB Discussion Paper 935: radbrt/working_from_home, filen yrke_kommuner.csv")
    assert "%" not in sidetittel("https://example.org/a/b/x1y2")


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
        "[Oslo kommune](https://www.oslo.kommune.no/statistikk/befolkning/folkemengde-og-endringer/); "
        "[Statistisk sentralbyrå (SSB)](https://statbank.ssb.no/befolkning/statistikker/flytting/aar)"
    )
    assert sider_md(rader).count("](") == 2  # each page once


def test_typography_of_text_from_elsewhere():
    from helpers.prose.kildeliste import typografi

    assert typografi("Folkemengde 1. januar 2016-2020, 0-17 år, 4 452 rader") == (
        f"Folkemengde 1.{NBSP}januar 2016\u20132020, 0\u201317 år, 4{NBSP}452 rader"
    )
