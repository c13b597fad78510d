"""The claims chapters 2-4 state, checked on the committed snapshot, and the helpers behind them."""

import pandas as pd
import pytest

from helpers import facts, load
from helpers.catalog.datasets.alder import alder_fra_kode
from helpers.catalog.regions import CITIES

NBSP = "\u00a0"

# --- Kapittel 2: alder (alle innbyggere, ikke flyttere) ------------------------------


@pytest.fixture(scope="module")
def folk():
    return load("folkemengde_alder")


def test_population_by_age_sums_to_the_published_totals(folk):
    oslo = folk[folk["region"] == "Oslo"].groupby("aar")["verdi"].sum()
    # SSB's population 1 January (city_flows / the 07459 check in shared/data/github/README.md)
    assert oslo[2020] == 693494 and oslo[2021] == 697010 and oslo[2024] == 717710
    assert list(oslo.index) == list(range(2015, 2025))


def test_share_aged_20_34_in_2020_all_inhabitants(folk):
    oslo = folk[(folk["region"] == "Oslo") & (folk["aar"] == 2020)]
    expected = oslo[oslo["alder"].between(20, 34)]["verdi"].sum() / oslo["verdi"].sum() * 100
    assert facts.andel_i_alder(folk, "Oslo", 2020, 20, 34) == pytest.approx(expected)
    assert facts.andel_i_alder(folk, "Oslo", 2020, 20, 34) == pytest.approx(28.2, abs=0.05)


def test_oslo_has_the_largest_share_aged_20_34_of_the_five_cities_in_2020(folk):
    andeler = pd.Series({by: facts.andel_i_alder(folk, by, 2020, 20, 34) for by in CITIES})
    assert facts.rangert(andeler)[0][0] == "Oslo"


def test_median_age_and_age_groups_add_up(folk):
    assert facts.medianalder(folk, "Oslo", 2020) == 35
    grupper = facts.aldersandeler(folk, "Oslo", [(0, 19), (20, 34), (35, 66), (67, None)])
    assert grupper.groupby("aar")["verdi"].sum().round(6).eq(100).all()


def test_moves_by_age_are_declared_but_missing():
    rows = load("oslo_utflytting_alder")
    assert rows.empty
    from helpers import describe

    assert describe("oslo_utflytting_alder").ssb[0].table == "09587"
    assert "IKKE BEKREFTET" in describe("oslo_utflytting_alder").ssb[0].note


def test_children_share_of_domestic_moves_is_national_only():
    barn = load("flytting_barn_landet")
    assert set(barn["region"]) == {"Hele landet"}
    inn = barn[barn["serie"] == "utflytting_innenlands"].pivot(
        index="aar", columns="aldersgruppe", values="verdi"
    )
    assert inn.loc[2018, "0-17 år"] / inn.loc[2018, "alle aldre"] == pytest.approx(36383 / 244353)


def test_age_codes():
    assert alder_fra_kode("000") == 0 and alder_fra_kode("29") == 29 and alder_fra_kode("105+") == 105
    with pytest.raises(ValueError):
        alder_fra_kode("20-24")


def _frame(rows):
    return pd.DataFrame(rows, columns=["region", "aar", "alder", "verdi"])


def test_rate_by_age_uses_mean_population_and_leaves_gaps():
    folk = _frame([("Oslo", 2020, 30, 100.0), ("Oslo", 2021, 30, 300.0), ("Oslo", 2020, 31, 50.0)])
    flytt = _frame([("Oslo", 2020, 30, 20.0), ("Oslo", 2020, 31, 5.0)])
    rater = facts.per_100_etter_alder(flytt, folk, "Oslo")
    assert rater["verdi"].tolist() == [pytest.approx(20 / 200 * 100)]  # age 31 lacks 1.1.2021: left out


def test_mean_age_of_movers_is_weighted_by_counts():
    flytt = _frame([("Oslo", 2020, 20, 1.0), ("Oslo", 2020, 40, 3.0), ("Oslo", 2019, 30, 2.0)])
    assert facts.snittalder(flytt, "Oslo").to_dict() == {2019: 30.0, 2020: 35.0}


# --- Kapittel 3: hjemmekontor (yrkene, ikke flytterne) -------------------------------


@pytest.fixture(scope="module")
def mulig():
    return load("hjemmekontor_mulig_yrke")


def test_occupations_with_the_highest_share_that_can_work_from_home(mulig):
    andel = mulig[mulig["maal"] == "andel"].set_index("yrke")["verdi"]
    rekke = [y for y, _ in facts.rangert(andel)]
    assert rekke[:3] == ["Ledere", "Kontoryrker", "Akademiske yrker"]
    assert rekke[-1] == "Renholdere, hjelpearbeidere mv."
    # The article's ordering of the rise in moving: academic > sales and service > craft.
    assert andel["Akademiske yrker"] > andel["Salgs- og serviceyrker"] > andel["Håndverkere"]


def test_per_occupation_values_are_flagged_as_draft(mulig):
    assert (mulig["tillit"] == "lavere (utkast)").all()
    assert len(mulig[mulig["maal"] == "andel"]) == 9


def test_oslo_above_the_national_share_and_ssb_publication_chosen():
    region = load("hjemmekontor_mulig_region").set_index("region")["verdi"]
    assert region["Hele landet"] == 39  # DP 935 on ssb.no, not the journal version's 38
    assert region["Oslo"] == pytest.approx(42.9) and region["Oslo"] > region["Hele landet"]
    alle = load("hjemmekontor_mulig_region", alle_kilder=True)
    assert sorted(alle[alle["region"] == "Hele landet"]["verdi"]) == [38, 39]


def test_oslo_employees_by_occupation():
    oslo = load("sysselsatte_yrke_oslo")
    assert oslo["verdi"].sum() == 344149
    assert oslo.set_index("yrke")["verdi"].idxmax() == "Akademiske yrker"


def test_verbal_values_are_kept_out_of_numbers():
    avtaler = load("hjemmekontor_avtaler")
    regelmessig = avtaler[avtaler["hyppighet"] == "Regelmessig"].set_index("aar")["verdi"]
    assert regelmessig[2020] > regelmessig[2019]
    assert pd.api.types.is_float_dtype(load("ledighet_2020")["verdi"])


# --- Kapittel 4: utvandring ----------------------------------------------------------


@pytest.fixture(scope="module")
def byer():
    return load("storbyer")


def test_emigration_rose_2019_to_2020_but_stayed_below_2016_2018(byer):
    utv = facts.serie(byer, "Oslo", "utvandring")
    assert facts.endring(utv, 2019, 2020)["diff"] == 7780 - 6843
    assert facts.mot_periode(utv, 2020, 2016, 2018)["plassering"] == "under"


def test_domestic_out_migration_rose_more_in_persons_and_is_above_2016_2018(byer):
    utv = facts.serie(byer, "Oslo", "utvandring")
    ut = facts.serie(byer, "Oslo", "utflytting_innenlands")
    assert facts.endring(utv, 2019, 2020)["diff"] < facts.endring(ut, 2019, 2020)["diff"]
    assert facts.mot_periode(ut, 2020, 2016, 2018)["plassering"] == "over"


def test_emigration_peak_was_in_2011_2013(byer):
    # The article's blog: emigration was even higher around 2011-2013.
    utv = facts.serie(byer, "Oslo", "utvandring")
    assert int(facts.rangert(utv)[0][0]) in (2011, 2012, 2013)


def test_swedish_citizens_emigrated_less_in_2020_than_2018_nationally():
    landet = load("utvandring_statsborgerskap_landet")
    utv = landet[landet["serie"] == "utvandring"]
    sv = utv[utv["statsborgerskap"] == "Sverige"].set_index("aar")["verdi"]
    assert sv[2018] == 2161 and sv[2020] == 1482
    assert 2019 not in sv.index  # the published table gives only net figures for 2019
    e_sv = facts.endring(sv, 2018, 2020)["prosent"]
    # ... but the fall was not particular to Swedes: Poles and Lithuanians fell more.
    for other in ("Polen", "Litauen"):
        s = utv[utv["statsborgerskap"] == other].set_index("aar")["verdi"]
        assert facts.endring(s, 2018, 2020)["prosent"] < e_sv
    assert set(landet[landet["aar_usikkert"]]["aar"]) == {2024}


def test_oslo_emigration_by_citizenship_is_missing():
    assert load("oslo_utvandring_statsborgerskap").empty


def test_comparison_with_a_period_refuses_missing_years():
    s = pd.Series({2016: 1.0, 2018: 2.0, 2020: 3.0})
    with pytest.raises(ValueError, match="2017"):
        facts.mot_periode(s, 2020, 2016, 2018)


def test_aldersprofil_highlights_one_year_and_keeps_gaps():
    from helpers.figures.aldersdiagram import aldersprofil

    frame = _frame(
        [("Oslo", 2019, 20, 1.0), ("Oslo", 2019, 22, 2.0), ("Oslo", 2020, 20, 3.0), ("Oslo", 2020, 21, 4.0)]
    )
    chart, tabell = aldersprofil(frame, fremhev=2020, farge_fra="Oslo")
    spec = chart.to_dict()
    marks = [layer["mark"]["type"] for layer in spec["layer"]]
    assert marks == ["line", "line", "point"]  # the highlighted year's line drawn last, on top
    assert spec["layer"][1]["transform"] == [{"filter": "(datum.aar === 2020)"}]
    # The points only appear next to the pointer, with the numbers in the tooltip.
    assert spec["layer"][2]["encoding"]["opacity"]["value"] == 0
    assert [t["title"] for t in spec["layer"][2]["encoding"]["tooltip"]] == ["År", "Alder", "Personer"]
    assert spec["layer"][0]["encoding"]["color"]["scale"]["domain"] == ["2019", "2020"]
    assert list(tabell.columns) == ["Alder", "2019", "2020"]
    assert tabell.set_index("Alder")["2019"].isna().tolist() == [False, True, False]  # age 21 missing, not 0
    with pytest.raises(KeyError):
        aldersprofil(frame, fremhev=2020, farge_fra="ukjent")


# --- The chapters' data-dependent wording (helpers.prose), on the snapshot and on changed data


def test_chapter_2_words_on_the_snapshot(folk):
    from helpers import alder

    oslo = {a: facts.andel_i_alder(folk, "Oslo", a, 20, 34) for a in (2015, 2024)}
    assert alder.utvikling(oslo[2015], oslo[2024]) == "holdt seg nesten uendret"
    assert alder.plass_blant_byene(1) == "den høyeste andelen blant de fem storbyene"
    tekst = alder.funn_innbyggere(folk[folk["region"] == "Oslo"], 2020)
    # Said for a reader (the rounded size of each cohort), not as the rule that picks them.
    assert (
        "var årskullene størst i alderen 28–31\u00a0år, omtrent like store, med rundt 16\u00a0000 "
        "personer i hvert årskull."
    ) in tekst
    assert "prosent" not in tekst
    assert "29-åringene det største" not in tekst


def test_chapter_2_words_on_changed_data():
    from helpers import alder

    assert alder.utvikling(28.3, 30.0) == "økt" and alder.utvikling(28.3, 26.0) == "falt"
    assert alder.plass_blant_byene(3, 4) == "nummer 3 av de fire storbyene"
    folk = _frame([("Oslo", 2020, 30, 5.0), ("Oslo", 2020, 41, 9.0)])
    assert "41-åringene det største årskullet, med 9 personer" in alder.funn_innbyggere(folk, 2020)
    # A lead of a few people is no single peak: the band within the margin is named instead.
    tett = _frame(
        [("Oslo", 2020, a, v) for a, v in {27: 90.0, 28: 97.0, 29: 100.0, 30: 99.0, 31: 80.0}.items()]
    )
    assert alder.toppaldre(tett, 2020) == [28, 29, 30]
    assert "i alderen 28–30\u00a0år, omtrent like store, med mellom rundt 97 og 100 personer" in (
        alder.funn_innbyggere(tett, 2020)
    )
    # Counts round to their two leading digits; cohorts that round alike get one number.
    assert (alder.rundt(15647), alder.rundt(16387), alder.rundt(9569), alder.rundt(97)) == (
        16000,
        16000,
        9600,
        97,
    )
    stor = _frame([("Oslo", 2020, a, v) for a, v in {28: 15647.0, 29: 16387.0, 30: 14000.0}.items()])
    assert "med rundt 16\u00a0000 personer i hvert årskull" in alder.funn_innbyggere(stor, 2020)
    ulik = _frame([("Oslo", 2020, a, v) for a, v in {28: 15400.0, 29: 16100.0}.items()])
    assert "med mellom rundt 15\u00a0000 og 16\u00a0000 personer" in alder.funn_innbyggere(ulik, 2020)
    assert alder.toppaldre(tett, 2020, margin=0.005) == [29]
    assert "29-åringene det største årskullet" in alder.funn_innbyggere(tett, 2020, margin=0.005)
    # Two separate peaks are both named.
    to_topper = _frame([("Oslo", 2020, a, v) for a, v in {28: 99.0, 29: 100.0, 30: 50.0, 45: 98.0}.items()])
    assert "i alderen 28–29 og 45\u00a0år" in alder.funn_innbyggere(to_topper, 2020)
    rater = pd.DataFrame({"aar": [2020, 2020], "alder": [25, 26], "verdi": [7.3, 6.0]})
    eldre = pd.Series({2016: 30.0, 2017: 30.5, 2018: 31.0, 2019: 30.2, 2020: 32.0})
    tekst = alder.funn_rater(rater, eldre, 2016, 2020)
    assert "høyest blant 25-åringene: 7,3 av hundre" in tekst
    assert "mellom 30,0 og 31,0\u00a0år i 2016–2019: eldre enn i noen av årene før" in tekst
    yngre = eldre.copy()
    yngre[2020] = 29.0
    assert "yngre enn i noen av årene før" in alder.funn_rater(rater, yngre, 2016, 2020)
    innenfor = eldre.copy()
    innenfor[2020] = 30.7
    assert "innenfor spennet" in alder.funn_rater(rater, innenfor, 2016, 2020)
    hull = eldre.drop(2017)
    assert "kan ikke sammenlignes" in alder.funn_rater(rater, hull, 2016, 2020)


def test_chapter_4_words_on_the_snapshot(byer):
    from helpers import utvandring

    utv = facts.serie(byer, "Oslo", "utvandring")
    ut = facts.serie(byer, "Oslo", "utflytting_innenlands")
    e_utv, e_ut = facts.endring(utv, 2019, 2020), facts.endring(ut, 2019, 2020)
    tekst = utvandring.sammenligning(e_utv, e_ut)
    assert "langt mindre enn økningen i utflyttingen" in tekst and "likevel mer" in tekst
    # The public numbers alone, set apart from the article's words (which the chapter gives first).
    assert tekst.startswith("Målt i antall personer var økningen i utvandringen") and "altså" not in tekst
    p_utv, p_ut = facts.mot_periode(utv, 2020, 2016, 2018), facts.mot_periode(ut, 2020, 2016, 2018)
    assert utvandring.mot_aarene(p_utv, p_ut, 2020, 2016, 2018) == (
        "I 2020 var utvandringen lavere enn i noen av årene 2016–2018, mens utflyttingen til resten av "
        "landet var høyere enn i noen av dem."
    )
    # On changed data: both above the range, one sentence for both.
    assert utvandring.mot_aarene(p_ut, p_ut, 2020, 2016, 2018) == (
        "I 2020 var både utvandringen og utflyttingen til resten av landet høyere enn i noen av årene 2016–2018."
    )
    assert utvandring.over_under(p_utv) == "under" and utvandring.over_under(p_ut) == "over"
    assert utvandring.hovedfunn(p_utv, p_ut).endswith(
        "Flyttingen til resten av Norge skilte seg altså ut i 2020, men utvandringen gjorde det ikke."
    )
    landet = load("utvandring_statsborgerskap_landet")
    sv = utvandring.svensker(landet, "fra hele landet")
    assert sv["sv_funn"].startswith(
        "Utvandringen av svenske statsborgere fra hele landet falt fra 2\u00a0161"
    )
    assert "blant polske og litauiske statsborgere falt utvandringen enda mer" in sv["sv_blant_andre"]
    # 2024's value has no year on its page (the row is flagged): neither written nor drawn.
    assert sv["sv_senere"] == ""
    assert 2024 not in set(utvandring.med_oppgitt_aar(landet)["aar"])
    assert {2018, 2020} <= set(utvandring.med_oppgitt_aar(landet)["aar"])


def _statsborgerskap(rows):
    return pd.DataFrame(
        [("utvandring", g, a, v, False) for g, a, v in rows],
        columns=["serie", "statsborgerskap", "aar", "verdi", "aar_usikkert"],
    )


def test_chapter_4_words_on_changed_data():
    from helpers import utvandring

    def e(diff, pst):
        return {"diff": diff, "prosent": pst}

    assert "mindre enn økningen" in utvandring.sammenligning(e(900, 10.0), e(1000, 5.0))
    assert "langt mindre" not in utvandring.sammenligning(e(900, 10.0), e(1000, 5.0))
    assert "også mindre" in utvandring.sammenligning(e(900, 3.0), e(1000, 5.0))
    assert "større enn økningen" in utvandring.sammenligning(e(2000, 3.0), e(1000, 5.0))
    assert utvandring.sammenligning(e(-10, -1.0), e(1000, 5.0)) == (
        "Utvandringen falt altså, mens utflyttingen til resten av landet økte."
    )
    over, under = {"plassering": "over"}, {"plassering": "under"}
    assert utvandring.hovedfunn(over, over).startswith("Både utvandringen")
    assert utvandring.hovedfunn(under, under).startswith("Ingen av dem")
    # Swedes rising while the others fall: no "not particular to Swedes" sentence.
    rader = _statsborgerskap(
        [
            ("Sverige", 2018, 100.0),
            ("Sverige", 2020, 150.0),
            ("I alt", 2018, 1000.0),
            ("I alt", 2020, 900.0),
            ("Polen", 2018, 100.0),
            ("Polen", 2020, 10.0),
        ]
    )
    sv = utvandring.svensker(rader, "fra Oslo")
    assert (
        sv["sv_funn"]
        == "Utvandringen av svenske statsborgere fra Oslo økte fra 100 i 2018 til 150 i 2020, en økning på 50,0\u00a0prosent."
    )
    assert sv["sv_blant_andre"] == "" and sv["sv_senere"] == ""
    # A later year is written only when the source states it; a flagged one is left out.
    senere = pd.concat(
        [
            rader,
            _statsborgerskap([("Sverige", 2022, 120.0)]),
            _statsborgerskap([("Sverige", 2024, 90.0)]).assign(aar_usikkert=True),
        ]
    )
    assert (
        utvandring.svensker(senere, "fra Oslo")["sv_senere"] == "I 2022 utvandret 120 svenske statsborgere."
    )
    assert set(utvandring.med_oppgitt_aar(senere)["aar"]) == {2018, 2020, 2022}
    assert utvandring.med_oppgitt_aar(rader.drop(columns="aar_usikkert")).equals(
        rader.drop(columns="aar_usikkert")
    )
    assert "fra 10,0\u00a0prosent til 16,7\u00a0prosent" in sv["sv_mot_alle"]
    # 2019 is skipped as the base year when an earlier year exists; without 2020, nothing.
    med_2019 = _statsborgerskap([("Sverige", 2017, 80.0), ("Sverige", 2019, 10.0), ("Sverige", 2020, 40.0)])
    assert utvandring.svensker(med_2019, "fra Oslo")["sv_basis"] == 2017
    assert utvandring.svensker(med_2019[med_2019["aar"] != 2020], "fra Oslo") is None


def test_chapter_3_words_on_the_snapshot(mulig):
    from helpers import hjemmekontor

    andel = mulig[mulig["maal"] == "andel"].set_index("yrke")["verdi"]
    assert hjemmekontor.rekkefolge(andel) == (
        "Anslaget peker samme vei som økningen i utflyttingen: akademiske yrker, høyskoleyrker og "
        "kontoryrker, der Tønnessen fant økt utflytting, har alle høyere andel enn salgs- og serviceyrker, "
        "der utflyttingen også økte, men mindre, og alle fire har høyere andel enn håndverkere og "
        "renholdere, der den knapt endret seg."
    )
    # The multiples are Oslo's employees (figure 3.2), not the estimate's national job counts.
    oslo_ant = load("sysselsatte_yrke_oslo").set_index("yrke")["verdi"]
    assert hjemmekontor.over_akademisk(andel, oslo_ant, 2018) == (
        "Ledere og kontoryrker ligger enda høyere enn de akademiske yrkene, "
        "men i Oslo hadde de akademiske yrkene 3,6 ganger så mange lønnstakere som ledere "
        "og 4,7 ganger så mange som kontoryrker i 2018."
    )
    assert "hele landet" not in hjemmekontor.over_akademisk(andel, oslo_ant, 2018)
    region = load("hjemmekontor_mulig_region")
    hele = region.set_index("region")["verdi"]
    aar = hjemmekontor.kommuneaar(region[~region["region"].isin(["Hele landet", "Oslo"])]["periode"])
    assert aar == 2018
    from helpers.prose.destinasjoner import ARTIKKELENS_KOMMUNER

    assert hjemmekontor.naboer(hele, aar, ARTIKKELENS_KOMMUNER) == (
        "Anslaget finnes også for tre andre kommuner, slik de var i 2018, og alle lå høyere enn Oslo "
        f"(43{NBSP}prosent): Bærum (44{NBSP}prosent), Asker (44{NBSP}prosent) og Oppegård (45{NBSP}prosent). "
        "Bærum og Asker var begge blant de fem kommunene "
        "flest flyttet til fra Oslo i 2020, ifølge Tønnessen (se kapittel 6)."
    )
    # The national share is computed on another year's employment than Oslo's and the
    # municipalities': the chapter says each year.
    assert hjemmekontor.kommuneaar(region[region["region"] == "Hele landet"]["periode"]) == 2019
    assert hjemmekontor.kommuneaar(region[region["region"] == "Oslo"]["periode"]) == 2018
    oslo = load("sysselsatte_yrke_oslo").set_index("yrke")["verdi"]
    over = [y for y in andel.index if andel[y] > hele["Hele landet"]]
    # The share is said once, in percent, before this sentence: not again as «sju av ti».
    tekst = hjemmekontor.over_halvparten(oslo[over].sum(), oslo.sum())
    assert tekst.startswith("De fleste lønnstakerne i byen hadde altså yrker") and "av ti" not in tekst


def test_chapter_3_words_on_changed_data(mulig):
    from helpers import hjemmekontor

    andel = mulig[mulig["maal"] == "andel"].set_index("yrke")["verdi"].copy()
    jobber = mulig[mulig["maal"] == "jobber_i_alt"].set_index("yrke")["verdi"].copy()
    andel["Håndverkere"] = 40.0  # craft above sales and service: not the article's order
    assert hjemmekontor.rekkefolge(andel).startswith("Anslaget følger ikke helt økningen")
    assert hjemmekontor.rekkefolge(andel).endswith(
        ": salgs- og serviceyrker ligger ikke over håndverkere og renholdere."
    )
    andel["Håndverkere"] = 16.5
    andel["Kontoryrker"] = 30.0  # clerical below sales and service: named
    assert "kontoryrker ligger ikke over salgs- og serviceyrker" in hjemmekontor.rekkefolge(andel)
    andel["Kontoryrker"] = 62.3
    jobber["Ledere"] = jobber["Akademiske yrker"]  # no longer a small group
    assert hjemmekontor.over_akademisk(andel, jobber, 2018).endswith("enn de akademiske yrkene.")
    andel["Ledere"] = andel["Kontoryrker"] = 10.0
    assert hjemmekontor.over_akademisk(andel, jobber, 2018) == ""
    hele = pd.Series({"Hele landet": 39.0, "Oslo": 50.0, "Bærum": 44.0})
    assert (
        hjemmekontor.naboer(hele, 2019, ["Bærum"])
        == "Anslaget finnes også for Bærum, slik kommunen var i 2019, men den lå ikke høyere "
        f"enn Oslo (50{NBSP}prosent)."
    )
    # Compared as written: 50,3 and 49,8 both show as 50, so neither is called higher.
    assert hjemmekontor.naboer(pd.Series({"Oslo": 49.8, "Bærum": 50.3}), 2019).endswith(
        f"men den lå ikke høyere enn Oslo (50{NBSP}prosent)."
    )
    # Several, none higher.
    assert hjemmekontor.naboer(pd.Series({"Oslo": 50.0, "Bærum": 44.0, "Asker": 41.0}), 2018) == (
        "Anslaget finnes også for to andre kommuner, slik de var i 2018, men ingen av dem lå høyere "
        f"enn Oslo (50{NBSP}prosent)."
    )
    # Some higher, one of them a destination the article named.
    noen = pd.Series({"Hele landet": 39.0, "Oslo": 43.0, "Bærum": 45.0, "Frogn": 40.0})
    assert hjemmekontor.naboer(noen, 2018, ["Bærum", "Asker"]) == (
        "Anslaget finnes også for to andre kommuner, slik de var i 2018, og av dem lå "
        f"Bærum (45{NBSP}prosent) høyere enn Oslo (43{NBSP}prosent). Bærum var blant de fem kommunene "
        "flest flyttet til fra Oslo i 2020, ifølge Tønnessen (se kapittel 6)."
    )
    assert hjemmekontor.kommuneaar(pd.Series(["2021 (sysselsettingsdata)"])) == 2021
    with pytest.raises(ValueError):
        hjemmekontor.kommuneaar(pd.Series(["2018", "2019"]))
    assert hjemmekontor.over_halvparten(40, 100).startswith("Mindre enn halvparten av lønnstakerne i byen")
    # Never the share again in other words («Åtte av ti»), whatever it is.
    assert hjemmekontor.over_halvparten(80.0, 100).startswith("De fleste lønnstakerne i byen")
    assert "av ti" not in hjemmekontor.over_halvparten(63, 100)
    # The multiple of jobs is computed from the counts, not a fixed «dobbelt så mange».
    jobber["Ledere"] = jobber["Akademiske yrker"] / 5
    andel["Ledere"] = 66.9
    assert (
        "de akademiske yrkene 5,0 ganger så mange lønnstakere som ledere i 2019."
        in hjemmekontor.over_akademisk(andel, jobber, 2019)
    )


def test_chapter_3_lists_with_values(mulig):
    from helpers import hjemmekontor

    andel = mulig[mulig["maal"] == "andel"].set_index("yrke")["verdi"]
    rekke = facts.rangert(andel)
    assert hjemmekontor.med_andeler(rekke[:3]) == (
        "ledere (67\u00a0prosent), kontoryrker (62\u00a0prosent) og akademiske yrker (49\u00a0prosent)"
    )
    assert hjemmekontor.med_andeler([("Reiseliv", 827.4)]) == "reiseliv (827\u00a0prosent)"
    assert hjemmekontor.med_andeler([]) == ""
