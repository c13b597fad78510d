"""A figure's credit line comes from the rows it draws: one readable publisher name per
publisher, never a URL slug, and nothing the rows do not hold."""

import pandas as pd
import pytest

from helpers import kilder, kreditt
from helpers.catalog.sources import katalogisert
from helpers.prose.kildelinje import utgiver


def test_publishers_are_named_readably():
    assert utgiver("https://www.ssb.no/statbank/table/01223") == "Statistisk sentralbyrå (SSB)"
    assert (
        utgiver("https://statbank.ssb.no/befolkning/statistikker/flytting/aar")
        == "Statistisk sentralbyrå (SSB)"
    )
    assert utgiver("https://www.oslo.kommune.no/statistikk/befolkning/") == "Oslo kommune"
    # A well-known name stands alone; a weaker source whose name does not say what it is
    # gets its kind in brackets.
    assert utgiver("https://en.wikipedia.org/wiki/Demographics_of_Oslo") == "Wikipedia"
    assert (
        utgiver("https://www.aftenposten.no/oslo/i/Ea2ABG/folk-stroemmer-stadig-ut-av-oslo") == "Aftenposten"
    )
    assert utgiver("https://www.dagsavisen.no/x") == "Dagsavisen"
    assert utgiver("https://www.affarsvarlden.se/x") == "Affärsvärlden (svensk næringslivsmagasin)"
    assert utgiver("https://www.kommuneprofilen.no/x") == "Kommuneprofilen (nettsted med SSB-tall)"
    # The draft of the paper cited as (Holgersen mfl. 2020), named as the citation names it.
    assert (
        utgiver("https://github.com/radbrt/working_from_home/blob/abc/who_can_work_from_home.tex")
        == "Holgersen, Jia og Svenkerud (utkast til SSB Discussion Papers 935)"
    )
    assert (
        utgiver("https://github.com/statisticsnorway/ssb-pxwebapidata/blob/abc/reference/ApiData.html")
        == "Statistisk sentralbyrå (SSB)"
    )
    # Another repository on GitHub is not SSB's.
    assert utgiver("https://github.com/evensrii/Telemark") == "Telemark fylkeskommune (datafil)"
    # One name per publisher, whatever the address: Helsinki has one.
    assert (
        utgiver("https://hel.fi/uutiset/fi/x")
        == utgiver("https://www.hel.fi/uutiset/fi/y")
        == "Helsingfors stad"
    )
    # Pages that only relay someone's figures are named by what they are, never a bare host.
    assert utgiver("https://apiardata.com/statistics/no-usually-works-from-home-rate") == (
        "Nettstedet apiardata.com (gjengir Eurostat)"
    )
    assert utgiver("https://karenaudit.com/?p=30010") == "Bloggen karenaudit.com (gjengir Eurostat)"
    assert utgiver(
        "https://github.com/csids/spldata/blob/2dd16c1c/data-raw/files/population/Personer2024.csv"
    ) == ("spldata (kopi av SSB-tall)")
    # An abbreviation and a form share one bracket.
    assert (
        utgiver("https://github.com/niphr/csdata/blob/x/a.csv")
        == "Folkehelseinstituttet (FHI, kopi av SSB-tall)"
    )
    # A host the catalog lacks is named by itself, and is not catalogued (the site tests refuse it).
    assert utgiver("https://www.example.org/a%20b") == "example.org"
    assert not katalogisert("https://www.example.org/a%20b") and katalogisert("https://www.ssb.no/x")


def test_a_source_that_is_no_address_is_refused():
    with pytest.raises(ValueError, match="ingen nettadresse"):
        utgiver("Oslo kommune")


def test_credit_lists_each_publisher_of_the_rows_once_ssb_first_then_alphabetically():
    rows = pd.DataFrame(
        {
            "kilde": [
                "https://www.oslo.kommune.no/a",
                "https://www.oslo.kommune.no/b",
                "https://www.oslo.kommune.no/b",
                "https://www.ssb.no/x",
            ]
        }
    )
    # SSB first even with fewer values: one order in every figure's credit.
    assert kreditt(rows) == [
        ("Statistisk sentralbyrå (SSB)", "https://www.ssb.no/x"),
        ("Oslo kommune", "https://www.oslo.kommune.no/b"),
    ]
    assert [k.tekst for k in kilder(rows)] == ["Statistisk sentralbyrå (SSB)", "Oslo kommune"]
    assert "%" not in "".join(k.tekst for k in kilder(rows))


def test_a_figure_without_sourced_rows_has_no_credit_to_give():
    with pytest.raises(ValueError, match="ingen verdier med kilde"):
        kreditt(pd.DataFrame({"kilde": [None]}))


def test_the_credit_remembers_every_row_it_was_made_from():
    rows = pd.DataFrame(
        {
            "verdi": [1, 2, 3, 4],
            "kilde": [
                "https://www.ssb.no/statbank/table/01223",
                "https://www.oslo.kommune.no/statistikk/",
                None,
                "https://www.ssb.no/statbank/table/01223",
            ],
        }
    )
    credit = kilder(rows)
    assert [k.tekst for k in credit] == ["Statistisk sentralbyrå (SSB)", "Oslo kommune"]
    # One address per sourced row, duplicates kept: what a test of the figure compares with.
    assert credit.adresser == [rows["kilde"][0], rows["kilde"][1], rows["kilde"][3]]
    assert kreditt(credit.adresser) == [(k.tekst, k.url) for k in credit]


def test_a_weaker_publisher_comes_after_the_better_ones_whatever_its_count():
    rows = ["https://en.wikipedia.org/wiki/Oslo"] * 5 + [
        "https://www.ssb.no/x",
        "https://www.oslo.kommune.no/a",
    ]
    assert [navn for navn, _ in kreditt(rows)] == [
        "Statistisk sentralbyrå (SSB)",
        "Oslo kommune",
        "Wikipedia",
    ]


def test_after_ssb_the_publishers_stand_alphabetically_whatever_their_counts():
    rows = (
        ["https://www.oslo.kommune.no/a"] * 4
        + ["https://www.ssb.no/x"]
        + ["https://www.helsinki.fi/a"] * 2
        + ["https://www.aftenposten.no/a"] * 3
        + ["https://en.wikipedia.org/wiki/Oslo"]
    )
    navn = [n for n, _ in kreditt(rows)]
    assert navn[0] == "Statistisk sentralbyrå (SSB)"
    sterke = [n for n in navn[1:] if not finn_utgiver_navn_svak(n, rows)]
    svake = [n for n in navn[1:] if finn_utgiver_navn_svak(n, rows)]
    assert sterke == sorted(sterke, key=str.casefold) and svake == sorted(svake, key=str.casefold)
    assert navn == ["Statistisk sentralbyrå (SSB)", *sterke, *svake]


def finn_utgiver_navn_svak(navn, rows):
    from helpers.catalog.sources import finn_utgiver

    return next(finn_utgiver(u).svak for u in rows if finn_utgiver(u).visning == navn)


def test_a_number_outside_a_figure_names_its_publishers_in_the_sentence():
    from helpers.prose.kildelinje import ifolge

    assert ifolge(["https://www.ssb.no/x"]) == "ifølge SSB"
    assert ifolge(["https://www.oslo.kommune.no/a", "https://www.ssb.no/x"]) == "ifølge SSB og Oslo kommune"
    assert ifolge(pd.DataFrame({"kilde": ["https://www.oslo.kommune.no/a"]})) == "ifølge Oslo kommune"
    # A weaker source says what it is.
    assert ifolge(["https://en.wikipedia.org/wiki/Oslo"]) == "ifølge Wikipedia"
    with pytest.raises(ValueError):
        ifolge([])
