"""Figure titles (an answer in words above each chart): on the snapshot and on changed
data, so a refresh that moves a record, a level or a sign changes the title's words."""

import pandas as pd
import pytest

from helpers import facts, load, rekord, tilbake

NBSP = "\u00a0"


@pytest.fixture(scope="module")
def ut():
    return facts.serie(load("storbyer"), "Oslo", "utflytting_innenlands")


def test_the_record_title_on_the_snapshot(ut):
    assert rekord.tittel_topp(ut, 2020) == "Utflyttingen satte rekord i 2020 og ny rekord i 2021"


def test_the_record_title_when_2020_stays_the_top_or_is_no_record():
    stays = pd.Series({2018: 30000.0, 2019: 31000.0, 2020: 36000.0, 2021: 35000.0})
    assert rekord.tittel_topp(stays, 2020) == "Utflyttingen nådde toppen i 2020"
    last = stays.drop(2021)
    assert rekord.tittel_topp(last, 2020) == "Utflyttingen var høyere i 2020 enn i noe år fra 2018"
    beaten = pd.Series({2017: 37000.0, 2019: 31000.0, 2020: 36000.0, 2021: 35000.0})
    assert rekord.tittel_topp(beaten, 2020, hva="Raten") == "Raten var høyest i 2017"


def test_a_stand_in_says_bare_only_when_most_values_are_missing():
    assert (
        rekord.tittel_spredte(23, 208, "de andre storbyene")
        == "Bare 23 publiserte tall for de andre storbyene"
    )
    assert rekord.tittel_spredte(1500, 2000, "byene") == f"1{NBSP}500 publiserte tall for byene"


def test_the_level_title_on_the_snapshot(ut):
    assert (
        tilbake.tittel_nivaa(ut, "Utflyttingen")
        == "I 2022 lå utflyttingen fortsatt over nivået fra før pandemien"
    )


@pytest.mark.parametrize(
    ("etter", "title"),
    [
        ({2021: 32000.0}, "I 2021 var utflyttingen tilbake på nivået fra før pandemien"),
        ({2021: 30000.0}, "I 2021 lå utflyttingen under nivået fra før pandemien"),
        ({2021: 32000.0, 2022: 36000.0}, "I 2022 lå utflyttingen igjen over nivået fra før pandemien"),
        ({}, "Utflyttingen før og i 2020"),
    ],
)
def test_the_level_title_follows_the_latest_year(etter, title):
    foer = {2016: 31445.0, 2017: 33259.0, 2018: 32764.0, 2019: 32150.0, 2020: 36076.0}
    assert tilbake.tittel_nivaa(pd.Series({**foer, **etter}), "Utflyttingen") == title


def _kvartaler(aar, verdier):
    return pd.DataFrame({"aar": aar, "kvartal": range(1, len(verdier) + 1), "verdi": verdier})


def test_the_quarter_title_follows_the_comparison():
    foer = _kvartaler(2021, [8000.0, 9000.0])
    assert tilbake.tittel_kvartal(_kvartaler(2025, [7000.0, 8000.0]), foer) == (
        "Utflyttingen i 2025 var lavere enn i samme kvartal tidligere år"
    )
    assert tilbake.tittel_kvartal(_kvartaler(2025, [9000.0, 8000.0]), foer) == (
        "Utflyttingen i 2025 var dels høyere, dels lavere enn i samme kvartal tidligere år"
    )
    assert (
        tilbake.tittel_kvartal(_kvartaler(2025, [7000.0]), foer.iloc[0:0])
        == "Utflyttingen per kvartal i 2025"
    )


def _tot(rows):
    return pd.DataFrame(rows, columns=["omraade", "aar", "verdi"])


def test_the_capitals_title_names_where_net_migration_fell():
    both_fell = _tot(
        [("Oslo", 2019, 10.0), ("Oslo", 2020, 5.0), ("Stockholm", 2019, 8.0), ("Stockholm", 2020, 2.0)]
    )
    assert (
        tilbake.tittel_nord(both_fell)
        == "Nettoflyttingen falt fra 2019 til 2020 overalt der vi har begge årene"
    )
    mixed = _tot(
        [("Oslo", 2019, 10.0), ("Oslo", 2020, 5.0), ("Stockholm", 2019, 8.0), ("Stockholm", 2020, 9.0)]
    )
    assert tilbake.tittel_nord(mixed) == "Nettoflyttingen falt fra 2019 til 2020 i Oslo"
    one_year = _tot([("Oslo", 2020, 5.0)])
    assert tilbake.tittel_nord(one_year) == "Nettoflytting i 2019 og 2020"


def test_the_house_price_title_names_the_years_of_the_extremes():
    assert tilbake.tittel_boligpriser(pd.Series({2015: 9.2, 2016: 21.7, 2024: 5.4})) == (
        "Boligprisene steg mest i 2016 og minst i 2024"
    )
    assert tilbake.tittel_boligpriser(pd.Series({2015: 9.2, 2016: 21.7, 2022: -2.0})) == (
        "Boligprisene steg mest i 2016 og falt mest i 2022"
    )
    assert tilbake.tittel_boligpriser(pd.Series({2022: -2.0, 2023: -5.0})) == (
        "Boligprisene falt minst i 2022 og mest i 2023"
    )


def test_the_age_titles_follow_the_rank_and_the_branch():
    from helpers import alder

    assert alder.tittel_andel_byer(1) == "Oslo hadde størst andel 20–34-åringer av de fem største byene"
    assert alder.tittel_andel_byer(2) == "Oslo var nummer 2 av de fem største byene i andel 20–34-åringer"
    assert alder.tittel_alder(29, 2020, rater=False) == "I 2020 var 29-åringene den største årsklassen i Oslo"
    assert (
        alder.tittel_alder(24, 2020, rater=True)
        == f"I 2020 var utflyttingsraten høyest ved 24{NBSP}års alder"
    )


def _sb(sverige, alle):
    rows = [("Sverige", a, v) for a, v in sverige.items()] + [("I alt", a, v) for a, v in alle.items()]
    return pd.DataFrame(
        [
            {"serie": "utvandring", "statsborgerskap": s, "aar": a, "verdi": v, "aar_usikkert": False}
            for s, a, v in rows
        ]
    )


def test_the_swedes_title_follows_the_change_and_skips_2019():
    from helpers import utvandring

    fell = utvandring.svensker(
        _sb({2018: 900.0, 2019: 500.0, 2020: 700.0}, {2018: 5000.0, 2020: 5200.0}), "fra Oslo"
    )
    assert fell["sv_tittel"] == "Færre svenske statsborgere utvandret fra Oslo i 2020 enn i 2018"
    rose = utvandring.svensker(_sb({2018: 600.0, 2020: 700.0}, {2018: 5000.0, 2020: 5200.0}), "fra Oslo")
    assert rose["sv_tittel"] == "Flere svenske statsborgere utvandret fra Oslo i 2020 enn i 2018"


def test_the_birthplace_and_household_titles_follow_the_data():
    from helpers import fodested

    netto = pd.DataFrame(
        {
            "kategori": ["Innvandrere", "Befolkningen ellers", "Innvandrere", "Befolkningen ellers"],
            "aar": [2019, 2019, 2020, 2020],
            "verdi": [-100.0, -50.0, -300.0, -900.0],
        }
    )
    assert (
        fodested.tittel_netto(netto)
        == "I 2020 var Oslos flyttetap innenlands størst blant resten av befolkningen"
    )
    gained = netto.assign(verdi=netto["verdi"].abs())
    assert fodested.tittel_netto(gained) == "I 2020 fikk Oslo flere inn enn ut i alle kategoriene"
    assert (
        fodested.tittel_2013(41.6) == f"Innvandrere sto for 42{NBSP}prosent av utflyttingen fra Oslo i 2013"
    )
    par = {2015: {"uten": 5.0, "med": 4.0}, 2024: {"uten": 3.0, "med": 4.0}}
    assert fodested.tittel_par(par, "uten", "med") == "Oslo hadde færre par uten barn enn par med barn i 2024"


def test_the_destination_titles_name_the_largest():
    from helpers import destinasjoner

    assert destinasjoner.tittel_storst(pd.Series({"Bærum": 10.0, "Asker": 12.0}), 2020) == (
        "Flest flyttet fra Oslo til Asker i 2020"
    )
    assert destinasjoner.tittel_fylker_netto(pd.Series({"Viken": 10.0, "Oslo": -20.0, "Agder": 3.0})) == (
        "Viken fikk størst gevinst i flytting innenlands i 2020"
    )
