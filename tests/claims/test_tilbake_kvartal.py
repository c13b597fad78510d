"""«Kom de tilbake?» and the summary: the quarters of 2025 against the same quarters
before, net migration and population growth 2024-2025, on the snapshot and on changed data."""

import pandas as pd
import pytest

from helpers import load, tilbake


@pytest.fixture(scope="module")
def oslo():
    kv = load("kvartal_2024_2025")
    return kv[kv["region"] == "Oslo"]


@pytest.fixture(scope="module")
def tidligere():
    etter = load("oslo_etter_2020")
    rows = etter[
        (etter["region"] == "Oslo")
        & (etter["maal"] == "utflytting_innenlands")
        & etter["periode"].str.match(r"^\d\. kvartal$")
        & ~etter["usikker"]
    ].copy()
    rows["kvartal"] = rows["periode"].str[0].astype(int)
    return rows


def test_the_quarterly_resource_holds_what_the_shared_file_says(oslo):
    ut = oslo[oslo["maal"] == "utflytting_innenlands"]
    assert list(zip(ut["aar"], ut["kvartal"], ut["verdi"])) == [
        (2025, 1, 6965), (2025, 2, 8469), (2025, 3, 12567), (2025, 4, 6972)
    ]  # fmt: skip
    # End-of-quarter populations chain through the quarterly growth, as SSB's table does.
    pop = oslo[oslo["maal"] == "folkemengde_ved_utgangen_av_kvartalet"].set_index(["aar", "kvartal"])["verdi"]
    vekst = oslo[oslo["maal"] == "folkevekst"].set_index(["aar", "kvartal"])["verdi"]
    assert pop[(2024, 2)] - pop[(2024, 1)] == vekst[(2024, 2)]


def test_2025_quarters_are_not_judged_on_two_quarters_and_an_estimate(oslo, tidligere):
    ut = oslo[oslo["maal"] == "utflytting_innenlands"]
    # Only some quarters of 2025 have an earlier value, one of them a rounded news figure.
    assert tilbake.kvartal_retning(ut, tidligere) is None
    text = tilbake.kvartal_mot_tidligere(ut, tidligere)
    assert text.startswith("Om utflyttingen i 2025 var lavere eller høyere enn før, kan vi ikke si")
    assert (
        "I 1.\u00a0kvartal 2025 flyttet 6\u00a0965 ut, mot 8\u00a0558 i 2021 og ca. 7\u00a0200 i 2023."
        in text
    )
    assert "For 2. og 3.\u00a0kvartal har vi ingen tidligere tall for utflyttingen" in text
    assert tilbake.tittel_kvartal(ut, tidligere) == "Utflyttingen per kvartal i 2025"
    assert "lavere enn" not in tilbake.kvartal_oppsummering(ut, tidligere)


def _hele_aar(aar, verdier):
    return pd.DataFrame(
        {"aar": aar, "kvartal": [1, 2, 3, 4], "verdi": verdier, "avrundet": False, "usikker": False}
    )


def test_a_higher_quarter_turns_the_word():
    foer = _hele_aar(2021, [8000.0, 9000.0, 12000.0, 8000.0])
    ut = _hele_aar(2025, [7000.0, 8000.0, 11000.0, 7000.0])
    assert tilbake.kvartal_retning(ut, foer) == "lavere"
    assert tilbake.kvartal_mot_tidligere(ut, foer).startswith("Utflyttingen i 2025 var lavere")
    ut.loc[ut["kvartal"] == 1, "verdi"] = 9000
    assert tilbake.kvartal_retning(ut, foer) == "blandet"
    assert "dels høyere og dels lavere" in tilbake.kvartal_mot_tidligere(ut, foer)
    ut["verdi"] = 20000.0
    assert tilbake.kvartal_retning(ut, foer) == "høyere"
    assert tilbake.kvartal_retning(ut, foer.iloc[0:0]) is None


def test_net_migration_and_growth_2025_against_2024(oslo):
    netto = oslo[oslo["maal"] == "nettoinnflytting_inkl_inn_og_utvandring"]
    vekst = oslo[oslo["maal"] == "folkevekst"]
    assert tilbake.kvartal_mot_aaret_foer(netto, "nettoflyttingen") == (
        "Nettoflyttingen var lavere i 2025 enn i 2024 i alle fire kvartalene."
    )
    assert tilbake.fortegn(netto.loc[netto["aar"] == 2025, "verdi"], "positiv", "negativ") == (
        "negativ i tre av fire kvartaler"
    )
    assert tilbake.fortegn(vekst.loc[vekst["aar"] == 2025, "verdi"], "positiv", "negativ") == (
        "negativ i ett av fire kvartaler"
    )


def test_changed_quarters_change_the_words():
    serie = pd.DataFrame(
        {"aar": [2024, 2024, 2025, 2025], "kvartal": [1, 2, 1, 2], "verdi": [5.0, 5.0, 6.0, 4.0]}
    )
    assert tilbake.kvartal_mot_aaret_foer(serie, "folkeveksten") == (
        "Folkeveksten var lavere i 2025 enn i 2024 i ett av to kvartaler."
    )
    assert tilbake.fortegn(pd.Series([1.0, 2.0]), "positiv", "negativ") == "positiv i alle to kvartalene"
    assert tilbake.fortegn(pd.Series([-1.0, -2.0]), "positiv", "negativ") == "negativ i alle to kvartalene"


def test_a_flow_is_placed_by_its_latest_year_not_listed():
    serie = pd.Series({2016: 10.0, 2017: 12.0, 2018: 11.0, 2019: 13.0, 2020: 15.0, 2021: 14.0, 2022: 12.5})
    assert tilbake.strom(serie, "innvandringen") == (
        "Innvandringen lå mellom 10 og 13 i 2016–2019. Tallene for den går til og med 2022; "
        "da var den 13, innenfor spennet."  # 12,5 written half away from zero
    )
    # Each series names its own last year.
    assert "til og med 2021;" in tilbake.strom(serie.drop(2022), "innflyttingen")


def test_a_quarter_near_zero_and_quarters_about_alike_are_said_so(oslo):
    netto = oslo[oslo["maal"] == "nettoinnflytting_inkl_inn_og_utvandring"]
    vekst = oslo[oslo["maal"] == "folkevekst"]
    assert tilbake.naer_null(netto, "nettoflyttingen") == (
        "I 1.\u00a0kvartal 2025 var nettoflyttingen nær null (\u221239)."
    )
    assert tilbake.omtrent_like(vekst, "folkeveksten") == (
        "I 3.\u00a0kvartal var folkeveksten likevel omtrent like stor i 2025 og 2024 (2\u00a0617 mot 2\u00a0628)."
    )
    serie = pd.DataFrame(
        {
            "aar": [2024, 2025, 2025],
            "kvartal": [1, 1, 2],
            "verdi": [500.0, 500.0 + tilbake.NAER_NULL + 1, -tilbake.NAER_NULL - 1],
        }
    )
    assert tilbake.naer_null(serie, "nettoflyttingen") == ""
    assert tilbake.omtrent_like(serie, "nettoflyttingen") == ""
    serie.loc[1, "verdi"] = 500.0 + tilbake.NAER_NULL
    serie.loc[2, "verdi"] = -tilbake.NAER_NULL
    assert "1.\u00a0kvartal" in tilbake.omtrent_like(serie, "nettoflyttingen")
    assert "2.\u00a0kvartal 2025" in tilbake.naer_null(serie, "nettoflyttingen")


def test_the_quarterly_text_says_which_measures_go_back_further(oslo):
    ut = oslo[oslo["maal"] == "utflytting_innenlands"]
    andre = oslo[oslo["maal"].isin(["nettoinnflytting_inkl_inn_og_utvandring", "folkevekst"])]
    assert tilbake.kvartal_dekning(ut, andre) == (
        "SSBs kvartalstall for utflyttingen har vi bare for 2025, mens tallene for "
        "nettoflyttingen og folkeveksten nedenfor går tilbake til 2024."
    )
    assert tilbake.kvartal_dekning(ut, andre[andre["aar"] == 2025]) == ""


def test_the_short_quarter_sentence_names_what_it_compares_and_skips_unsound_values():
    ut = pd.DataFrame({"aar": [2025, 2025], "kvartal": [1, 4], "verdi": [100.0, 200.0]})
    foer = pd.DataFrame(
        {
            "aar": [2021, 2021, 2023],
            "kvartal": [1, 4, 1],
            "verdi": [150.0, 250.0, 50.0],
            "avrundet": [False, False, True],
            "usikker": [False, False, False],
        }
    )
    # The rounded 2023 value (lower than 2025) is left out: both quarters are lower than 2021.
    assert tilbake.kvartal_kort(ut, foer) == (
        "Alle kvartalene i 2025 kan sammenlignes med samme kvartal i 2021; der var utflyttingen lavere."
    )
    foer.loc[2, "avrundet"] = False
    assert tilbake.kvartal_kort(ut, foer).endswith("der var utflyttingen dels høyere og dels lavere.")
    assert tilbake.kvartal_kort(ut, foer.iloc[:1]).startswith("Bare 1.\u00a0kvartal i 2025")
