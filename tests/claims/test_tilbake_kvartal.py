"""«Kom de tilbake?» and the summary: the quarters of 2025 against the same quarters
before, net migration and population growth 2024-2025, on the snapshot and on changed data."""

import re

import pandas as pd
import pytest

from helpers import facts, load, tilbake

NB = "\u00a0"


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
    assert list(zip(ut["aar"], ut["kvartal"], ut["verdi"], strict=True)) == [
        (2025, 1, 6965), (2025, 2, 8469), (2025, 3, 12567), (2025, 4, 6972)
    ]  # fmt: skip
    # End-of-quarter populations chain through the quarterly growth, as SSB's table does.
    pop = oslo[oslo["maal"] == "folkemengde_ved_utgangen_av_kvartalet"].set_index(["aar", "kvartal"])["verdi"]
    vekst = oslo[oslo["maal"] == "folkevekst"].set_index(["aar", "kvartal"])["verdi"]
    assert pop[(2024, 2)] - pop[(2024, 1)] == vekst[(2024, 2)]


def test_2025_quarters_are_judged_only_where_a_sound_value_exists(oslo, tidligere):
    ut = oslo[oslo["maal"] == "utflytting_innenlands"]
    # Only some quarters of 2025 have an earlier value: no verdict on every quarter.
    assert tilbake.kvartal_retning(ut, tidligere) is None
    text = tilbake.kvartal_mot_tidligere(ut, tidligere)
    # What the comparable quarters show, and what kind of source the 2021 values are.
    assert text.startswith(
        f"I 1. og 4.{NB}kvartal var utflyttingen lavere i 2025 enn i samme kvartal i 2021. "
        "Tallene for 2021 har vi bare fra svakere kilder enn SSB selv: Telemarksforsking og Aftenposten."
    )
    assert "kan vi ikke si" not in text and "sikre tall" not in text
    assert (
        "I 1.\u00a0kvartal 2025 flyttet 6\u00a0965 ut, mot 8\u00a0558 i 2021 og ca. 7\u00a0200 i 2023."
        in text
    )
    assert "For 2. og 3.\u00a0kvartal har vi ingen tidligere tall for utflyttingen" in text
    # The title states what the text finds for the quarters that can be judged.
    assert tilbake.tittel_kvartal(ut, tidligere) == (
        f"Utflyttingen i 1. og 4.{NB}kvartal 2025 var lavere enn i samme kvartal i 2021"
    )


def test_the_quarter_sentences_name_the_kind_of_source_from_the_rows(oslo, tidligere, ut_aar):
    """Chapter 7.2, 7.7 and the summary say the same quarters compared and the sum; that the
    earlier values are from weaker sources is said once, in 7.2, and follows the data."""
    ut = oslo[oslo["maal"] == "utflytting_innenlands"]
    kap, kort = (
        tilbake.kvartal_kort_kapittel(ut, tidligere, ut_aar),
        tilbake.kvartal_kort(ut, tidligere, ut_aar),
    )
    assert "svakere kilder" in tilbake.kvartal_mot_tidligere(ut, tidligere)
    for tekst in (kap, kort):
        assert "svakere" not in tekst and "lavere" in tekst and "over spennet" in tekst, tekst
        assert "sikre tall" not in tekst.lower() and "avvike" not in tekst
    # The same rows from SSB itself: no word about weaker sources anywhere.
    ssb = tidligere.assign(kilde="https://www.ssb.no/statbank/table/01222")
    for tekst in (
        tilbake.kvartal_mot_tidligere(ut, ssb),
        tilbake.kvartal_kort_kapittel(ut, ssb, ut_aar),
        tilbake.kvartal_kort(ut, ssb, ut_aar),
    ):
        assert "svakere" not in tekst, tekst
    # One weaker, one from SSB: «delvis».
    blandet = tidligere.copy()
    blandet.loc[blandet["kvartal"] == 4, "kilde"] = "https://www.ssb.no/statbank/table/01222"
    assert "svakere" not in tilbake.kvartal_kort(ut, blandet, ut_aar)
    assert "Noen av de tidligere tallene har vi bare fra svakere kilder" in tilbake.kvartal_mot_tidligere(
        ut, blandet
    )


def test_a_quarter_with_only_a_rounded_earlier_value_is_not_judged(oslo, tidligere):
    ut = oslo[oslo["maal"] == "utflytting_innenlands"]
    avrundet = tidligere.assign(avrundet=True)
    text = tilbake.kvartal_mot_tidligere(ut, avrundet)
    assert text.startswith("Kvartal for kvartal kan vi ikke si om utflyttingen i 2025")
    assert "lavere i 2025" not in text
    # 4th quarter sound, 1st only rounded: 4th judged, 1st named as not judged.
    delvis = tidligere.copy()
    delvis.loc[delvis["kvartal"] == 1, "avrundet"] = True
    text = tilbake.kvartal_mot_tidligere(ut, delvis)
    assert text.startswith(f"I 4.{NB}kvartal var utflyttingen lavere i 2025")
    assert f"For 1.{NB}kvartal er de tidligere tallene avrundet eller usikre" in text


def _hele_aar(aar, verdier):
    return pd.DataFrame(
        {"aar": aar, "kvartal": [1, 2, 3, 4], "verdi": verdier, "avrundet": False, "usikker": False}
    )


def test_a_higher_quarter_turns_the_word():
    foer = _hele_aar(2021, [8000.0, 9000.0, 12000.0, 8000.0])
    ut = _hele_aar(2025, [7000.0, 8000.0, 11000.0, 7000.0])
    assert tilbake.kvartal_retning(ut, foer) == "lavere"
    assert tilbake.kvartal_mot_tidligere(ut, foer).startswith(
        "Utflyttingen i 2025 var lavere enn i samme kvartal i 2021, i alle kvartalene."
    )
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
    # Negative in three quarters, but only barely in one: said plainly, the largest first.
    assert tilbake.fortegn_kvartaler(netto) == (
        f"negativ i tre av fire kvartaler: mest i 2.{NB}kvartal (\u22121{NB}611), i 4.{NB}kvartal "
        f"(\u2212154) og bare så vidt i 1.{NB}kvartal (\u221239)"
    )
    assert tilbake.fortegn_kvartaler(vekst) == f"negativ i ett av fire kvartaler: i 2.{NB}kvartal (\u221263)"
    # 3rd quarter's growth is lower too, but within NAER_NULL: lower in all four, one barely.
    assert tilbake.sammenlign_aaret_foer(vekst) == {
        1: "lavere",
        2: "lavere",
        3: "bare så vidt lavere",
        4: "lavere",
    }
    assert tilbake.kvartal_mot_aaret_foer(vekst, "folkeveksten") == (
        f"Folkeveksten var lavere i 2025 enn i 2024 i alle fire kvartalene, "
        f"i 3.{NB}kvartal bare så vidt (2{NB}617 mot 2{NB}628)."
    )


def test_changed_quarters_change_the_words():
    serie = pd.DataFrame(
        {"aar": [2024, 2024, 2025, 2025], "kvartal": [1, 2, 1, 2], "verdi": [5.0, 5.0, 6.0, 4.0]}
    )
    # 6 against 5 and 4 against 5 are within NAER_NULL: each direction said, and «bare så vidt».
    assert tilbake.kvartal_mot_aaret_foer(serie, "folkeveksten") == (
        f"Folkeveksten var bare så vidt lavere i 2025 enn i 2024 i 2.{NB}kvartal (4 mot 5), "
        f"men bare så vidt høyere i 1.{NB}kvartal (6 mot 5)."
    )
    serie["verdi"] = [5.0, 5.0, 4.0, 3.0]
    assert tilbake.kvartal_mot_aaret_foer(serie, "folkeveksten") == (
        "Folkeveksten var bare så vidt lavere i 2025 enn i 2024 i begge kvartalene (4 mot 5 og 3 mot 5)."
    )
    serie["verdi"] = [5.0, 5.0, 5.0, 5.0]
    assert tilbake.kvartal_mot_aaret_foer(serie, "folkeveksten") == (
        "Folkeveksten var like stor i 2025 og 2024 i begge kvartalene (5 og 5)."
    )
    serie["verdi"] = [500.0, 500.0, 100.0, 480.0]
    assert tilbake.kvartal_mot_aaret_foer(serie, "folkeveksten") == (
        f"Folkeveksten var lavere i 2025 enn i 2024 i begge kvartalene, i 2.{NB}kvartal bare så vidt "
        f"(480 mot 500)."
    )
    serie["verdi"] = [500.0, 500.0, 600.0, 100.0]
    assert tilbake.kvartal_mot_aaret_foer(serie, "folkeveksten") == (
        f"Folkeveksten var lavere i 2025 enn i 2024 i 2.{NB}kvartal, men høyere i 1.{NB}kvartal."
    )
    to = pd.DataFrame({"aar": [2025, 2025], "kvartal": [1, 2], "verdi": [100.0, 200.0]})
    assert tilbake.fortegn_kvartaler(to) == "positiv i begge kvartalene"
    assert tilbake.fortegn_kvartaler(to.assign(verdi=[-100.0, -200.0])) == (
        f"negativ i begge kvartalene: mest i 2.{NB}kvartal (\u2212200) og i 1.{NB}kvartal (\u2212100)"
    )
    assert tilbake.fortegn_kvartaler(to.assign(verdi=[-100.0, 20.0])) == (
        f"negativ i ett av to kvartaler: i 1.{NB}kvartal (\u2212100), og bare så vidt positiv i 2.{NB}kvartal (20)"
    )


def test_a_flow_is_placed_by_its_latest_year_not_listed():
    serie = pd.Series({2016: 10.0, 2017: 12.0, 2018: 11.0, 2019: 13.0, 2020: 15.0, 2021: 14.0, 2022: 12.5})
    assert tilbake.strom(serie, "innvandringen") == (
        "Innvandringen lå mellom 10 og 13 i 2016–2019 og var 13 i 2022, innenfor spennet."
    )  # 12,5 written half away from zero
    # Two flows ending in different years: one sentence each, the shared period once, and the
    # flow that ends earlier says the book has no later years for it.
    hoy = serie.drop(2022).copy()
    hoy[2021] = 20.0
    assert tilbake.strommer([(hoy, "innflyttingen"), (serie, "innvandringen")]) == (
        "Innflyttingen lå mellom 10 og 13 i 2016–2019 og var 20 i 2021, over spennet; nyere årstall for den "
        "har boka ikke. Innvandringen lå mellom 10 og 13 og var 13 i 2022, innenfor spennet."
    )
    begge = serie.copy()
    begge[2022] = 20.0
    assert tilbake.strommer([(hoy, "innflyttingen"), (begge, "innvandringen")]).endswith(
        "Innvandringen lå mellom 10 og 13 og var 20 i 2022, også over spennet."
    )
    # Both ending in the same year: one sentence, as before.
    hoy[2022] = 21.0
    assert tilbake.strommer([(hoy, "innflyttingen"), (begge, "innvandringen")]) == (
        "Innflyttingen lå mellom 10 og 13 i 2016–2019 og var 21 i 2022, og innvandringen lå mellom 10 og 13 "
        "og var 20 i 2022, begge over spennet."
    )


def test_near_zero_and_about_alike_use_the_one_threshold():
    serie = pd.DataFrame(
        {
            "aar": [2024, 2024, 2025, 2025],
            "kvartal": [1, 2, 1, 2],
            "verdi": [500.0, 300.0, 500.0 + tilbake.NAER_NULL + 1, -tilbake.NAER_NULL - 1],
        }
    )
    assert tilbake.sammenlign_aaret_foer(serie) == {1: "høyere", 2: "lavere"}
    assert "så vidt" not in tilbake.fortegn_kvartaler(serie)
    serie.loc[2, "verdi"] = 500.0 + tilbake.NAER_NULL
    serie.loc[3, "verdi"] = -tilbake.NAER_NULL
    assert tilbake.sammenlign_aaret_foer(serie) == {1: "bare så vidt høyere", 2: "lavere"}
    assert f"bare så vidt i 2.{NB}kvartal" in tilbake.fortegn_kvartaler(serie)


def test_the_summary_sign_clause_never_goes_empty():
    # No quarter near zero (a refresh): the clause still reads whole, without «så vidt».
    klart = pd.DataFrame({"aar": 2025, "kvartal": [1, 2, 3, 4], "verdi": [-400.0, -1611.0, 930.0, -154.0]})
    text = tilbake.fortegn_kvartaler(klart)
    assert text == (
        f"negativ i tre av fire kvartaler: mest i 2.{NB}kvartal (\u22121{NB}611), i 1.{NB}kvartal "
        f"(\u2212400) og i 4.{NB}kvartal (\u2212154)"
    )
    assert tilbake.fortegn_kvartaler(klart.assign(verdi=[400.0, 1611.0, 930.0, 154.0])) == (
        "positiv i alle fire kvartalene"
    )
    assert tilbake.fortegn_kvartaler(klart.iloc[0:0])  # never empty


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
        "Sammenlignet med samme kvartal i 2021 var utflyttingen lavere i alle kvartalene i 2025."
    )
    foer.loc[2, "avrundet"] = False
    assert tilbake.kvartal_kort(ut, foer).endswith(
        "var utflyttingen dels høyere og dels lavere i alle kvartalene i 2025."
    )
    kort = tilbake.kvartal_kort(ut, foer.iloc[:1])
    assert kort == "Sammenlignet med samme kvartal i 2021 var utflyttingen lavere i 1.\u00a0kvartal 2025."
    assert "sikre tall" not in kort.lower()


# --- the newest year's four quarters summed against 2016–2019 ---------------------------


@pytest.fixture(scope="module")
def ut_aar():
    return facts.serie(load("storbyer"), "Oslo", "utflytting_innenlands")


def test_the_sum_of_2025_lies_clearly_over_the_range(oslo, ut_aar):
    ut = oslo[oslo["maal"] == "utflytting_innenlands"]
    assert ut["verdi"].sum() == 34973
    text = tilbake.kvartalssum(ut, ut_aar)
    assert text.startswith(
        f"Legger vi sammen de fire kvartalstallene for 2025, blir det 34{NB}973 utflyttinger."
    )
    assert "SSBs årstall kan avvike litt fra en slik sum" in text
    assert f"1{NB}714 over det høyeste året i 2016–2019 (33{NB}259)" in text
    assert text.endswith("Regnet i antall personer lå altså også 2025 over spennet fra før pandemien.")
    assert "langt mer" not in text  # the margin is a constant, not a measured gap
    # The margin is a share of the sum, named once.
    assert 0 < tilbake.KVARTALSSUM_AVVIK * 34973 < 34973 - 33259


def test_the_sum_inside_near_an_edge_or_with_a_quarter_missing(ut_aar):
    def aar(verdier):
        return pd.DataFrame({"aar": 2025, "kvartal": range(1, len(verdier) + 1), "verdi": verdier})

    inne = tilbake.kvartalssum(aar([7000.0, 8000.0, 10000.0, 7300.0]), ut_aar)  # 32 300
    assert "godt innenfor spennet i 2016–2019" in inne and "over" not in inne
    # 33 600 is over the highest year (33 259), but by less than the margin: no verdict.
    kant = tilbake.kvartalssum(aar([7000.0, 8000.0, 11300.0, 7300.0]), ut_aar)
    assert "så nær kanten av spennet" in kant and "over spennet" not in kant
    under = tilbake.kvartalssum(aar([6000.0, 7000.0, 9000.0, 6000.0]), ut_aar)  # 28 000
    assert "under det laveste året i 2016–2019" in under
    mangler = tilbake.kvartalssum(aar([7000.0, 8000.0, 12000.0]), ut_aar)
    assert mangler == f"Et helt år kan vi ikke legge sammen for 2025: tallet for 4.{NB}kvartal mangler."
    assert "34" not in mangler


def test_the_short_sentence_keeps_the_same_quarters_and_adds_the_sum(oslo, tidligere, ut_aar):
    ut = oslo[oslo["maal"] == "utflytting_innenlands"]
    text = tilbake.kvartal_kort(ut, tidligere, ut_aar)
    assert text.startswith(
        f"Sammenlignet med samme kvartal i 2021 var utflyttingen lavere i 1. og 4.{NB}kvartal 2025."
    )
    # The same quarters pointed down, the year's sum points up: «Men». The caveat about SSB's
    # annual figure stands in chapter 7 only.
    assert text.endswith(
        f"Men summen av alle de fire kvartalstallene for 2025, 34{NB}973, ligger over spennet i 2016–2019."
    )
    # A quarter missing: no sum, no verdict on the year.
    tre = ut[ut["kvartal"] < 4]
    assert "summen" not in tilbake.kvartal_kort(tre, tidligere, ut_aar)
    # A sum inside the range, after lower quarters: no «Men».
    lav = ut.assign(verdi=[6965.0, 8469.0, 9000.0, 6972.0])  # 31 406: under, but within the margin
    assert "nær kanten" in tilbake.kvartal_kort(lav, tidligere, ut_aar)
    inne = ut.assign(verdi=[6965.0, 8469.0, 10000.0, 6972.0])  # 32 406
    assert tilbake.kvartal_kort(inne, tidligere, ut_aar).endswith("ligger godt innenfor spennet i 2016–2019.")
    assert "Men" not in tilbake.kvartal_kort(inne, tidligere, ut_aar)


def test_the_record_is_worded_apart_in_chapter_and_summary(ut_aar):
    from helpers.prose import rekord

    kapittel = rekord.rang(ut_aar, 2020)
    summary = tilbake.rang_omtale(ut_aar, 2020)
    assert summary == "høyere enn i hvert år fra 2011 og fram til da"
    assert str(kapittel) != str(summary)
    # A year that was not the highest: the plain ranking, no «høyeste».
    lavere = ut_aar.copy()
    lavere[2017] = lavere[2020] + 1
    assert "høyere enn i hvert år" not in tilbake.rang_omtale(lavere, 2020)
    assert tilbake.rang_omtale(lavere, 2020).startswith("det 2. høyeste")


def test_emigration_in_the_summary_says_what_chapter_4_says():
    utv = facts.serie(load("storbyer"), "Oslo", "utvandring")
    tekst = tilbake.utvandring_kort(utv)
    assert tekst == (
        "Også i de offentlige tallene økte utvandringen fra 2019 til 2020, slik artikkelen fant, men i "
        "2019 ble den registrert for lavt. Målt mot 2016–2018 var "
        "utvandringen i 2020 lavere enn i hvert av årene"
    )
    # The public numbers do show the rise: the sentence must not say they fail to.
    assert "ikke bekrefte" not in tekst
    hoy = utv.copy()
    hoy[2020] = max(hoy[y] for y in (2016, 2017, 2018)) + 1
    assert tilbake.utvandring_kort(hoy).endswith(
        "høyere enn i hvert av årene, og det støtter artikkelens funn om en liten økning"
    )
    midt = utv.copy()
    midt[2020] = sorted(midt[y] for y in (2016, 2017, 2018))[1]
    assert tilbake.utvandring_kort(midt).endswith("innenfor spennet fra de årene")
    hoy[2020] = hoy[2019] - 1
    assert tilbake.utvandring_kort(hoy).startswith(
        "I de offentlige tallene falt utvandringen fra 2019 til 2020, men der ble den registrert for lavt i 2019"
    )
    assert "samme økningen" not in tilbake.utvandring_kort(hoy)


def test_the_summary_counts_negative_quarters_in_a_few_words(oslo):
    netto = oslo[oslo["maal"] == "nettoinnflytting_inkl_inn_og_utvandring"]
    assert tilbake.fortegn_kort(netto) == "negativ i tre av de fire kvartalene"
    assert "(" not in tilbake.fortegn_kort(netto)
    assert tilbake.fortegn_kort(netto.assign(verdi=-1.0)) == "negativ i alle fire kvartalene"
    assert tilbake.fortegn_kort(netto.assign(verdi=1.0)) == "positiv i alle fire kvartalene"


def test_copenhagen_is_credited_to_its_publisher_by_name(ut_aar):
    nord = load("nordiske_hovedsteder")
    tekst = tilbake.nord_brutto(nord, ut_aar)
    assert "ifølge konsulentselskapet Datic, som bruker tall fra Danmarks Statistik" in tekst
    assert "et konsulentselskap" not in tekst
    # The name comes from the data row: another publisher, another name.
    annen = nord.copy()
    annen.loc[annen["omraade"] == "København", "utgiver"] = "Eksempelbyrået"
    assert "konsulentselskapet Eksempelbyrået" in tilbake.nord_brutto(annen, ut_aar)


def test_the_chapter_closing_line_differs_from_the_summary_and_follows_the_data(oslo, tidligere, ut_aar):
    ut = oslo[oslo["maal"] == "utflytting_innenlands"]
    kapittel = tilbake.kvartal_kort_kapittel(ut, tidligere, ut_aar)
    oppsummering = tilbake.kvartal_kort(ut, tidligere, ut_aar)
    # No sentence of one in the other: the chapter and the summary say it in their own words.
    for setning in re.split(r"(?<=[a-zæøå0-9)])\. (?=[A-ZÆØÅ])", oppsummering):
        assert setning.strip(".") not in kapittel
    assert ", men summen av alle fire kvartalene (34\u00a0973) lå i antall over spennet" in kapittel
    assert kapittel.startswith(
        "I 1. og 4.\u00a0kvartal 2025 var utflyttingen lavere enn i samme kvartal i 2021, men summen"
    )
    # The weaker sources are said in 7.2; the closing line does not repeat them.
    assert "svakere" not in kapittel
    inne = ut.assign(verdi=[6965.0, 8469.0, 10000.0, 6972.0])
    assert tilbake.kvartal_kort_kapittel(inne, tidligere, ut_aar).endswith(
        ", og summen av alle fire kvartalene (32\u00a0406) lå i antall godt innenfor spennet i 2016–2019."
    )
    assert "et helt år med kvartalstall har vi ikke" in tilbake.kvartal_kort_kapittel(
        ut[ut["kvartal"] < 4], tidligere, ut_aar
    )


def test_the_computed_net_values_are_named_once_in_the_note():
    rader = pd.DataFrame(
        {
            "serie_navn": ["Netto innenlandsk flytting"] * 3 + ["Nettoflytting i alt"] * 3,
            "aar": [2011, 2012, 2021, 2011, 2012, 2021],
            "grunnlag": ["beregnet", "beregnet", "beregnet", "beregnet", "publisert", "publisert"],
            "verdi": [1.0, 2.0, 3.0, 4.0, 5.0, None],
        }
    )
    assert tilbake.grunnlag_merknad(rader) == (
        "Beregnet: netto innenlandsk flytting 2011, 2012 og 2021; nettoflytting i alt 2011. Resten er publisert."
    )
    assert tilbake.grunnlag_merknad(rader.assign(grunnlag="publisert")) == "Alle nettotallene er publisert."
    assert "Resten" not in tilbake.grunnlag_merknad(rader.assign(grunnlag="beregnet"))
