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
    assert rekord.tittel_topp(ut, 2020) == "Utflyttingen satte rekord i 2020 og ble enda høyere i 2021"


def test_the_record_title_when_a_later_year_beats_the_record():
    later = pd.Series({2018: 30000.0, 2019: 31000.0, 2020: 36000.0, 2021: 35000.0, 2022: 38000.0})
    assert rekord.tittel_topp(later, 2020) == "Utflyttingen satte rekord i 2020 og ble enda høyere i 2022"
    rate = later / 100
    assert (
        rekord.tittel_topp(rate, 2020, hva="Utflyttingen per innbygger")
        == "Utflyttingen per innbygger satte rekord i 2020 og ble enda høyere i 2022"
    )


def test_the_record_title_when_2020_stays_the_top_or_is_no_record():
    stays = pd.Series({2018: 30000.0, 2019: 31000.0, 2020: 36000.0, 2021: 35000.0})
    assert rekord.tittel_topp(stays, 2020) == "Utflyttingen nådde toppen i 2020"
    last = stays.drop(2021)
    assert rekord.tittel_topp(last, 2020) == "Utflyttingen var høyere i 2020 enn i hvert av årene 2018–2019"
    beaten = pd.Series({2017: 37000.0, 2018: 30000.0, 2019: 31000.0, 2020: 36000.0, 2021: 35000.0})
    assert rekord.tittel_topp(beaten, 2020, hva="Raten") == "Raten var høyest i 2017 i serien 2017–2021"


def test_a_record_needs_every_year_of_the_series():
    gap = pd.Series({2017: 30000.0, 2019: 31000.0, 2020: 36000.0, 2021: 35000.0})
    assert rekord.tittel_topp(gap, 2020) == "Utflyttingen 2017–2021"
    whole = pd.Series({2018: 30000.0, 2019: 31000.0, 2020: 36000.0, 2021: 35000.0})
    assert rekord.tittel_topp(whole, 2020) == "Utflyttingen nådde toppen i 2020"


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
        ({}, "Utflyttingen 2016–2020"),
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


def test_the_net_quarter_title_rests_on_the_year_before_not_on_barely_negative_quarters():
    from helpers.prose.tilbake import NAER_NULL

    kv = load("kvartal_2024_2025")
    netto = kv[(kv["region"] == "Oslo") & (kv["maal"] == "nettoinnflytting_inkl_inn_og_utvandring")]
    assert (
        tilbake.tittel_kvartal_netto(netto)
        == "Nettoflyttingen var lavere i 2025 enn i 2024 i alle kvartalene"
    )
    # One quarter about as in 2024: no «alle»; two barely negative quarters: no sign either.
    like = netto.copy()
    like.loc[(like["aar"] == 2025) & (like["kvartal"] == 3), "verdi"] = (
        float(like.loc[(like["aar"] == 2024) & (like["kvartal"] == 3), "verdi"].iloc[0]) - NAER_NULL
    )
    assert tilbake.tittel_kvartal_netto(like) == "Nettoflyttingen per kvartal 2024–2025"
    # Every quarter clearly negative (none near zero) and mixed against 2024: the sign may carry the title.
    klart = _kvartaler(2024, [-500.0, 900.0, -500.0, -500.0])
    klart = pd.concat([klart, _kvartaler(2025, [-400.0, -900.0, -600.0, -400.0])])
    assert tilbake.tittel_kvartal_netto(klart) == "Nettoflyttingen var negativ i alle kvartalene i 2025"
    klart.loc[(klart["aar"] == 2025) & (klart["kvartal"] == 1), "verdi"] = -NAER_NULL
    assert tilbake.tittel_kvartal_netto(klart) == "Nettoflyttingen per kvartal 2024–2025"


def _tot(rows):
    return pd.DataFrame(rows, columns=["omraade", "aar", "verdi"])


def test_the_capitals_title_names_where_net_migration_fell():
    both_fell = _tot(
        [("Oslo", 2019, 10.0), ("Oslo", 2020, 5.0), ("Stockholm", 2019, 8.0), ("Stockholm", 2020, 2.0)]
    )
    # The areas are named, never counted (a city and its region overlap) and never «overalt».
    assert tilbake.tittel_nord(both_fell) == "Nettoflyttingen falt fra 2019 til 2020 i Oslo og Stockholm"
    three = pd.concat(
        [
            _tot([("Helsingfors", 2019, 4.0), ("Helsingfors", 2020, 1.0)]),
            _tot([("Helsingforsregionen", 2019, 9.0), ("Helsingforsregionen", 2020, 3.0)]),
            both_fell.assign(omraade=["Oslo", "Oslo", "Stockholm kommune", "Stockholm kommune"]),
        ]
    )
    # In a title the region goes with its city, and «kommune» is dropped.
    assert (
        tilbake.tittel_nord(three)
        == "Nettoflyttingen falt fra 2019 til 2020 i Helsingfors, Oslo og Stockholm"
    )
    # The region is named once with the source's own term (the sources say no more).
    assert tilbake.nord_netto(three) == (
        "Fra 2019 til 2020 falt den i Helsingfors (fra 4 til 1), i Helsingforsregionen (fra 9 til 3), "
        "i Oslo (fra 10 til 5) og i Stockholm kommune (fra 8 til 2). Med Helsingforsregionen mener vi "
        "det den finske statistikken kaller «pääkaupunkiseutu», hovedstadsregionen."
    )
    assert "pääkaupunkiseutu" not in tilbake.nord_netto(three[three["omraade"] != "Helsingforsregionen"])
    for tekst in (tilbake.tittel_nord(three), tilbake.nord_netto(three)):
        assert "områdene" not in tekst and "tre" not in tekst
    mixed = _tot(
        [("Oslo", 2019, 10.0), ("Oslo", 2020, 5.0), ("Stockholm", 2019, 8.0), ("Stockholm", 2020, 9.0)]
    )
    assert tilbake.tittel_nord(mixed) == "Nettoflyttingen falt fra 2019 til 2020 i Oslo, men steg i Stockholm"
    assert tilbake.nord_netto(mixed) == (
        "Fra 2019 til 2020 falt den i Oslo (fra 10 til 5), men steg i Stockholm (fra 8 til 9)."
    )
    # A year the data flag as under-counted is not judged from: Oslo's 2019 is left out.
    flagged = both_fell.assign(undertalt=[True, False, False, False])
    assert tilbake.tittel_nord(flagged) == "Nettoflyttingen falt fra 2019 til 2020 i Stockholm"
    flagged_mixed = mixed.assign(undertalt=[True, False, False, False])
    assert tilbake.tittel_nord(flagged_mixed) == "Nettoflyttingen steg fra 2019 til 2020 i Stockholm"
    text = tilbake.nord_netto(flagged)
    assert text.startswith("Fra 2019 til 2020 falt den i Stockholm (fra 8 til 2).")
    # The reason is explained in chapter 4.1; the text says it once, briefly, points there (not to
    # the figure's note), and does not call an area that is in the figure «holdt utenfor».
    assert text.endswith(
        "Oslos fall regner vi ikke med, fordi 2019-tallet der er for høyt (se {ref}`kapittel 4.1 <utvandring-2019>`)."
    )
    assert "merknaden" not in text
    assert "registrert for lavt" not in text and "overalt" not in text and "holdt utenfor" not in text
    assert tilbake.nord_netto(flagged_mixed).endswith(
        "Oslos fall regner vi ikke med, fordi 2019-tallet der er "
        "for høyt (se {ref}`kapittel 4.1 <utvandring-2019>`)."
    )
    rose = flagged.assign(verdi=[5.0, 10.0, 8.0, 2.0], omraade=["Helsingfors", "Helsingfors", "Oslo", "Oslo"])
    assert tilbake.nord_netto(rose).endswith(
        "Helsingfors' økning regner vi ikke med, fordi 2019-tallet der er "
        "for høyt (se {ref}`kapittel 4.1 <utvandring-2019>`)."
    )
    one_year = _tot([("Oslo", 2020, 5.0)])
    assert tilbake.tittel_nord(one_year) == "Nettoflytting i 2019 og 2020"


# --- headlines only from sound evidence: a gap, a flagged year, an uncertain value ----------


def test_a_superlative_needs_every_year_of_its_range():
    assert tilbake.tittel_indeks(pd.Series({2015: 100.0, 2017: 120.0})) == "Boligprisindeksen 2015–2017"
    assert tilbake.tittel_indeks(pd.Series({2015: 100.0, 2016: 120.0, 2017: 110.0})) == (
        "Boligprisindeksen var høyest i 2016"
    )


def test_the_scattered_house_price_changes_get_one_sentence_of_sound_values():
    # The figure of four scattered years is gone; one sentence keeps the sound values only.
    bolig = load("boligpriser")
    rader = bolig[
        (bolig["kilde_type"] == "SSB")
        & (bolig["region"] == "Oslo med Bærum")
        & (bolig["maal"] == "tolvmaanedersendring")
        & (bolig["periode"] == "4. kvartal")
    ].set_index("aar")
    usikre = sorted(rader.index[rader["usikker"]])
    text = tilbake.bolig_sikre(rader["verdi"], usikre=usikre)
    # Said plainly: prices rose X % over the year, from the fourth quarter of the year before.
    assert text.startswith("Ifølge SSBs prisindeks for brukte boliger i Oslo og Bærum steg prisene ")
    assert "2024" not in text and "mest" not in text and "størst" not in text
    assert f"21,7{NBSP}prosent i løpet av 2016" in text and "regnet fra fjerde kvartal året før" in text
    assert "endret seg fra fjerde kvartal året før med" not in text
    # A fall is said as one, with its own verb.
    blandet = tilbake.bolig_sikre(pd.Series({2015: 9.2, 2016: -1.7}))
    assert (
        f"steg prisene 9,2{NBSP}prosent i løpet av 2015 og falt 1,7{NBSP}prosent i løpet av 2016" in blandet
    )
    assert "2024" in tilbake.bolig_sikre(rader["verdi"])
    assert tilbake.bolig_sikre(pd.Series({2024: 5.4}), usikre=[2024]).startswith("Sikre tall")


NIVAA = {2016: 31445.0, 2017: 33259.0, 2018: 32764.0, 2019: 32150.0, 2020: 36076.0}


def test_a_level_title_needs_the_whole_reference_range():
    gap = pd.Series({**NIVAA, 2021: 32000.0}).drop(2017)
    assert tilbake.tittel_nivaa(gap, "Utflyttingen") == "Utflyttingen 2016–2021"


def test_a_flagged_year_stays_out_of_the_reference_range_and_the_title_says_which_years():
    # 2019 tops the range; left out, 2021 lies over the three other years.
    serie = pd.Series({2016: 2401.0, 2017: 1104.0, 2018: 2214.0, 2019: 6892.0, 2020: -1807.0, 2021: 4688.0})
    assert tilbake.tittel_nivaa(serie, "Nettoflyttingen") == (
        "I 2021 var nettoflyttingen tilbake på nivået fra før pandemien"
    )
    assert tilbake.tittel_nivaa(serie, "Nettoflyttingen", utelat=[2019]) == (
        "I 2021 lå nettoflyttingen fortsatt over nivået i 2016–2018"
    )


def test_a_level_title_never_rests_on_an_uncertain_latest_year():
    serie = pd.Series({**NIVAA, 2021: 32000.0})
    assert tilbake.tittel_nivaa(serie, "Utflyttingen", usikre=[2021]) == "Utflyttingen 2016–2021"


def test_fortsatt_needs_every_year_after_2020():
    serie = pd.Series({**NIVAA, 2022: 36000.0})
    assert (
        tilbake.tittel_nivaa(serie, "Utflyttingen") == "I 2022 lå utflyttingen over nivået fra før pandemien"
    )


def test_the_net_migration_title_on_the_snapshot_leaves_2019_out():
    byer = load("storbyer")
    netto = facts.nettoflytting(byer, load("oslo_etter_2020"))
    # The data flag 2019's emigration as registered too low (a note, not a year typed here).
    assert facts.undertalte_aar(byer, "Oslo", "utvandring") == [2019]
    assert tilbake.tittel_netto(netto) == "I 2022 lå nettoflyttingen i alt igjen over nivået i 2016–2018"
    assert "2019" in tilbake.merknad_utelatt(netto)
    ref = facts.referanser(netto).set_index("serie_navn")
    assert (
        ref.loc[facts.NETTO["i_alt"], "maks"]
        < netto.loc[(netto["serie_navn"] == facts.NETTO["i_alt"]) & (netto["aar"] == 2019), "verdi"].iloc[0]
    )


def test_the_under_count_flag_is_read_from_the_notes():
    from helpers.catalog.datasets.byer import undertalte

    rows = pd.DataFrame(
        {
            "region_code": ["0301", "0301", "1201"],
            "year": [2019, 2019, 2018],
            "series": ["innvandring", "utvandring", "utvandring"],
            "note": [
                "Utvandring 2019 artificially low (halt in emigration decisions).",
                "Page: 2019 emigration artificially low.",
                "Ordinary row.",
            ],
        }
    )
    assert undertalte(rows) == {("0301", 2019, "utvandring")}
    rows.loc[2, "note"] = "Utvandringen ble registrert for lavt dette året."
    assert ("1201", 2018, "utvandring") in undertalte(rows)


def test_quarters_are_judged_only_on_sound_earlier_values():
    nytt = _kvartaler(2025, [7000.0, 8000.0])
    foer = _kvartaler(2021, [8000.0, 9000.0]).assign(avrundet=False)
    assert tilbake.kvartal_retning(nytt, foer) == "lavere"
    # One quarter compared only with a rounded news estimate: no judgement.
    foer.loc[1, "avrundet"] = True
    assert tilbake.kvartal_retning(nytt, foer) is None
    # Only the quarter with a sound earlier value is judged, and the title says which.
    assert (
        tilbake.tittel_kvartal(nytt, foer)
        == "Utflyttingen i 1.\u00a0kvartal 2025 var lavere enn i samme kvartal i 2021"
    )
    assert tilbake.tittel_kvartal(nytt, foer.assign(avrundet=True)) == "Utflyttingen per kvartal i 2025"
    assert "avrundet eller usikre, så der sier vi ikke" in tilbake.kvartal_mot_tidligere(nytt, foer)
    # A quarter with no earlier value at all: no judgement either.
    assert tilbake.kvartal_retning(_kvartaler(2025, [7000.0, 8000.0, 9000.0]), foer.iloc[:1]) is None


def test_the_age_titles_follow_the_rank_and_the_branch():
    from helpers import alder

    assert alder.tittel_andel_byer(1) == "Oslo hadde størst andel 20–34-åringer av de fem storbyene"
    assert alder.tittel_andel_byer(2) == "Oslo var nummer 2 av de fem storbyene i andel 20–34-åringer"
    assert (
        alder.tittel_alder(29, 2020, rater=False)
        == f"Per 1.{NBSP}januar 2020 hadde Oslo flest innbyggere på 29{NBSP}år"
    )
    assert (
        alder.tittel_alder([28, 29, 30, 31], 2020, rater=False)
        == f"Per 1.{NBSP}januar 2020 hadde Oslo flest innbyggere i alderen 28–31{NBSP}år"
    )
    # The stand-in chart's own title adds what the headline lacks (what the lines are), not a repeat.
    under = alder.undertittel_innbyggere(2016, 2020)
    assert under == "Antall personer i hver alder, én linje per år 2016–2020"
    assert "Innbyggere i Oslo" not in under
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
        fodested.tittel_2013(41.6)
        == f"I 2013 sto innvandrere for 41,6{NBSP}prosent av utflyttingen fra Oslo til resten av Norge"
    )
    par = {2015: {"uten": 5.0, "med": 4.0}, 2024: {"uten": 3.0, "med": 4.0}}
    assert (
        fodested.tittel_par(par, "uten", "med")
        == "Oslo hadde færre par uten hjemmeboende barn enn par med barn i 2024"
    )
    par[2024]["uten"] = 5.0
    assert (
        fodested.tittel_par(par, "uten", "med")
        == "Oslo hadde flere par uten hjemmeboende barn enn par med barn i 2024"
    )


def test_the_destination_titles_name_the_largest():
    from helpers import destinasjoner

    assert destinasjoner.tittel_storst(pd.Series({"Bærum": 10.0, "Asker": 12.0}), 2020) == (
        "Flest flyttet fra Oslo til Asker i 2020"
    )
    assert destinasjoner.tittel_fylker_netto(pd.Series({"Viken": 10.0, "Oslo": -20.0, "Agder": 3.0})) == (
        "Viken fikk størst gevinst i flytting innenlands i 2020"
    )


def test_a_survey_share_that_barely_moves_is_not_a_rise():
    mulig = pd.Series({2022: 44.0, 2023: 44.0, 2024: 45.0})
    hva = "Andelen med mulighet for hjemmekontor"
    assert tilbake.tittel_andel(mulig, hva) == f"{hva} var omtrent den samme i 2022 og 2024"
    assert tilbake.ENDRING_PP == 1
    assert tilbake.tittel_andel(mulig.replace(45.0, 46.0), hva) == f"{hva} økte fra 2022 til 2024"
    assert tilbake.tittel_andel(pd.Series({2022: 9.0, 2024: 7.0}), hva) == f"{hva} falt fra 2022 til 2024"


def test_the_top_of_emigration_needs_a_whole_series():
    whole = pd.Series({2011: 5.0, 2012: 9.0, 2013: 6.0})
    assert rekord.tittel_hoyest(whole, "Utvandringen fra Oslo") == (
        "Utvandringen fra Oslo var høyest i 2012 i serien 2011–2013"
    )
    gap = pd.concat([whole.drop(2013), pd.Series({2014: 4.0})])
    assert rekord.tittel_hoyest(gap, "Utvandringen fra Oslo") == "Utvandringen fra Oslo 2011–2014"
    assert rekord.flest_utvandret(whole).startswith("Flest utvandret i 2012")
    assert rekord.flest_utvandret(gap).startswith("Av årene vi har tall for, utvandret flest i 2012")
    assert "for 2013 mangler tallet" in rekord.flest_utvandret(gap)


def test_the_furlough_title_ranks_only_among_the_industries_the_source_names():
    from helpers import hjemmekontor

    rekke = [("Overnattings- og serveringsvirksomhet", 54.0), ("Industri", 10.0)]
    assert hjemmekontor.tittel_permittering(rekke) == (
        "Overnattings- og serveringsvirksomhet høyest av de to næringene kilden nevner"
    )
    # A tie at the top names both; the count follows the rows.
    lik = [("Industri", 20.0), ("Transport og lagring", 20.0), ("Butikker", 5.0)]
    assert (
        hjemmekontor.tittel_permittering(lik)
        == "Industri og transport og lagring høyest av de tre næringene kilden nevner"
    )
    assert not hjemmekontor.tittel_permittering(rekke).startswith("Størst")


def test_the_emigration_title_judges_2020_against_2016_2018():
    from helpers import utvandring

    utv = facts.serie(load("storbyer"), "Oslo", "utvandring")
    assert utvandring.tittel_oslo(utv, 2020, 2016, 2018) == (
        "Utvandringen fra Oslo var lavere i 2020 enn i noen av årene 2016–2018"
    )
    hoy = pd.Series({2015: 1.0, 2016: 5.0, 2017: 6.0, 2018: 7.0, 2019: 2.0, 2020: 9.0})
    assert utvandring.tittel_oslo(hoy, 2020, 2016, 2018) == (
        "Utvandringen fra Oslo var høyere i 2020 enn i noen av årene 2016–2018"
    )
    midt = hoy.replace(9.0, 6.0)
    assert utvandring.tittel_oslo(midt, 2020, 2016, 2018) == (
        "Utvandringen fra Oslo i 2020 lå innenfor spennet fra årene 2016–2018"
    )
    # A year of the range missing: no judgement, the title says what the figure shows.
    assert utvandring.tittel_oslo(hoy.drop(2017), 2020, 2016, 2018) == "Utvandringen fra Oslo, 2015–2020"


def test_the_citizenship_note_speaks_of_missing_bars_only_when_one_is_missing():
    from helpers import utvandring

    hel = pd.DataFrame(
        {
            "statsborgerskap": ["Sverige", "Norge", "Sverige", "Norge"],
            "aar": [2018, 2018, 2020, 2020],
            "verdi": [1.0, 2.0, 3.0, 4.0],
        }
    )
    merknad = utvandring.merknad_statsborgerskap(hel, ["Sverige", "Norge"])
    assert "uten stolpe" not in merknad and merknad.startswith("Utvandringer etter statsborgerskapet")
    hull = hel.iloc[:3]
    assert "Et år uten stolpe har vi ikke tall for." in utvandring.merknad_statsborgerskap(
        hull, ["Sverige", "Norge"]
    )
    tom = hel.assign(verdi=[1.0, None, 3.0, 4.0])
    assert "uten stolpe" in utvandring.merknad_statsborgerskap(tom, ["Sverige", "Norge"])
