"""The claims chapter 8 ("Kom de tilbake?") states, checked on the committed snapshot,
and the proof that its conclusion follows the data: the same sentences on a changed
copy of the data package (the chapter executed on that copy: tests/chapters/test_kap8_tilbake.py)."""

from __future__ import annotations

import pandas as pd
import pytest
from support.tilbake_data import copy_data, with_2023_back_in_range, with_index_fixture

from helpers import facts, load, tilbake
from helpers.catalog.datasets.maalnavn import split_measure
from helpers.figures.referansebaand import tidsserier_med_referanse


@pytest.fixture(scope="module")
def byer():
    return load("storbyer")


@pytest.fixture(scope="module")
def etter():
    return load("oslo_etter_2020")


@pytest.fixture(scope="module")
def ut(byer):
    return facts.serie(byer, "Oslo", "utflytting_innenlands")


# --- the snapshot: what the chapter says today -----------------------------------------


def test_measure_suffixes_become_period_and_rounding():
    assert split_measure("utflytting_innenlandsk_k1_ca") == ("utflytting_innenlands", "1. kvartal", True)
    assert split_measure("nettoinnflytting_total_k1-k3") == ("nettoinnflytting_total", "1.–3. kvartal", False)
    assert split_measure("utflytting_k2_avrundet") == ("utflytting", "2. kvartal", True)
    assert split_measure("innvandring") == ("innvandring", "år", False)


def test_pre_pandemic_range_of_out_migration(ut):
    ref = facts.referanse(ut)
    assert (ref["min"], ref["maks"]) == (31445, 33259)
    assert ref["snitt"] == pytest.approx((31445 + 33259 + 32764 + 32150) / 4)


def test_2021_not_2020_is_the_peak_and_no_later_year_is_back_in_range(ut):
    # The snapshot has 2021 (39 942) above 2020 (36 076): the chapter must not assume a fall.
    assert ut[2021] > ut[2020]
    assert int(ut[ut.index >= 2020].idxmax()) == 2021
    e = facts.etter(ut, facts.referanse(ut))
    assert e["aar"] == [2021, 2022]
    assert e["plassering"] == {2021: "over", 2022: "over"}
    assert e["forste_innenfor"] is None and e["forste_ikke_over"] is None
    assert ut[2022] < ut[2021]


def test_placement_counts_the_ends_of_the_range_as_inside():
    ref = {"min": 10.0, "maks": 20.0}
    assert [facts.plassering(v, ref) for v in (9.9, 10, 20, 20.1)] == [
        "under",
        "innenfor",
        "innenfor",
        "over",
    ]


def test_years_after_2020_come_only_from_oslo_kommune():
    alle = load("storbyer", alle_kilder=True)
    kilder = facts.kilder_per_aar(alle, "Oslo", "utflytting_innenlands")
    assert kilder[2020] == ["Statistisk sentralbyrå"]
    assert kilder[2021] == kilder[2022] == ["Oslo kommune"]


def test_the_2022_news_figure_is_kept_as_a_rounded_disagreeing_source():
    alle = load("oslo_etter_2020", alle_kilder=True)
    rows = alle[(alle["maal"] == "utflytting_innenlands") & (alle["aar"] == 2022) & (alle["periode"] == "år")]
    chosen = rows[rows["valgt"]].iloc[0]
    other = rows[~rows["valgt"]].iloc[0]
    assert (chosen["verdi"], chosen["utgiver"]) == (35442, "Oslo kommune")
    assert (other["verdi"], other["avrundet"], other["utgiver"]) == (32000, True, "Aftenposten")


def test_published_nets_agree_with_their_parts(byer, etter):
    net = facts.nettoflytting(byer, etter)
    both = net.dropna(subset=["beregnet"])
    assert (both["verdi"] == both["beregnet"]).all()
    # 2016's net immigration: the typo 3 257 is rejected for the consistent 3 242
    ni = net[net["serie_navn"] == facts.NETTO["utland"]].set_index("aar")["verdi"]
    assert ni[2016] == 3242
    assert 2021 not in ni.index  # 2021 immigration/emigration are missing: left out, not filled


def test_net_migration_after_2020_against_2016_2019(byer, etter):
    net = facts.nettoflytting(byer, etter)
    total = net[net["serie_navn"] == facts.NETTO["i_alt"]].set_index("aar")["verdi"]
    domestic = net[net["serie_navn"] == facts.NETTO["innenlands"]].set_index("aar")["verdi"]
    assert facts.etter(total, facts.referanse(total))["plassering"] == {2021: "under", 2022: "innenfor"}
    assert facts.etter(domestic, facts.referanse(domestic))["plassering"] == {2021: "under", 2022: "under"}
    assert (total[2022], domestic[2022]) == (4688, -3294)


def test_in_migration_and_immigration_rose_above_the_range(byer):
    inn = facts.serie(byer, "Oslo", "innflytting_innenlands")
    innv = facts.serie(byer, "Oslo", "innvandring")
    assert facts.etter(inn, facts.referanse(inn))["plassering"] == {2021: "over"}
    assert facts.etter(innv, facts.referanse(innv))["plassering"] == {2022: "over"}
    assert innv[2020] < innv[innv.index < 2020].min()


def test_rates_2020_high_but_2021_higher_and_2022_still_above(byer):
    rater = facts.per_1000(byer, "Oslo")
    r = rater[rater["serie"] == "utflytting_innenlands"].set_index("aar")["verdi"]
    assert facts.rangering(r, 2020, til_og_med=2020)["hoyest"]
    assert facts.rangering(r, 2020)["hoyere_aar"] == [2021]
    assert facts.etter(r, facts.referanse(r))["siste"] == 2022
    assert facts.plassering(r[2022], facts.referanse(r)) == "over"


def test_quarter_comparisons_are_like_with_like_and_keep_rounding(etter):
    kv = etter[
        (etter["region"] == "Oslo")
        & etter["maal"].isin(["utflytting_innenlands", "utflytting"])
        & etter["periode"].str.match(r"^\d\. kvartal$")
    ]
    uncertain = kv[kv["usikker"]]
    assert list(zip(uncertain["aar"], uncertain["periode"], strict=True)) == [(2022, "2. kvartal")]
    comps = facts.samme_kvartal(kv[~kv["usikker"]], basisaar=2021)
    assert [(c["periode"], c["aar"]) for c in comps] == [("1. kvartal", 2023), ("3. kvartal", 2022)]
    assert all(c["lavere"] for c in comps)
    q1 = comps[0]
    assert (q1["basis"], q1["basis_avrundet"], q1["verdi"], q1["avrundet"]) == (8558, False, 7200, True)


def test_house_price_measures_stay_apart():
    bolig = load("boligpriser")
    k4 = bolig[
        (bolig["kilde_type"] == "SSB")
        & (bolig["maal"] == "tolvmaanedersendring")
        & (bolig["periode"] == "4. kvartal")
    ]
    assert set(k4["region"]) == {"Oslo med Bærum"}
    assert dict(zip(k4["aar"], k4["verdi"], strict=True)) == {2015: 9.2, 2016: 21.7, 2021: 6.5, 2024: 5.4}
    assert k4.set_index("aar")["usikker"].to_dict() == {2015: False, 2016: False, 2021: False, 2024: True}
    en = bolig[bolig["kilde_type"] == "Eiendom Norge"]
    assert not en["maal"].isin(k4["maal"]).any()  # never one series with SSB's index
    assert en[en["maal"] == "prisendring_gjennom_aaret"].set_index("aar")["verdi"].to_dict() == {
        2019: 5.5,
        2021: 2.2,
    }


def test_house_price_index_is_missing_with_the_right_columns():
    indeks = load("boligprisindeks")
    assert indeks.empty
    assert list(indeks.columns) == [
        "region",
        "aar",
        "kvartal",
        "periode",
        "verdi",
        "enhet",
        "kilde",
        "merknad",
    ]


def test_nordic_measures_are_labelled_net_or_gross():
    nord = load("nordiske_hovedsteder")
    total = nord[nord["maal"] == "nettoflytting_total"]
    both = {o for o, g in total.groupby("omraade") if set(g["aar"]) >= {2019, 2020}}
    assert both == {"Stockholm kommune", "Helsingfors", "Helsingforsregionen"}
    assert set(nord[nord["omraade"] == "København"]["maaltype"]) == {"endring", "brutto"}
    assert (nord[nord["maal"].str.startswith("netto")]["maaltype"] == "netto").all()
    for omraade in both:
        v = total[total["omraade"] == omraade].set_index("aar")["verdi"]
        assert v[2020] < v[2019]


def test_home_office_2022_2024_from_aku():
    hk = load("hjemmekontor_etter_2020")
    aku = hk[(hk["utgiver"] == "Statistisk sentralbyrå") & (hk["enhet"] == "prosent av sysselsatte 20-66 år")]
    halv = aku[aku["kategori"] == "Halvparten eller mer av arbeidstiden"].set_index("aar")["verdi"].to_dict()
    assert halv == {2022: 9, 2023: 7, 2024: 7}


def test_reference_chart_draws_band_rule_and_keeps_gaps():
    frame = pd.DataFrame(
        {
            "aar": [2016, 2017, 2018, 2019, 2021],
            "verdi": [1.0, 3.0, 2.0, 4.0, 5.0],
            "serie_navn": "Nettoflytting i alt",
        }
    )
    chart, plotted = tidsserier_med_referanse(frame, referanse=facts.referanser(frame))
    marks = [layer["mark"]["type"] for layer in chart.to_dict()["layer"]]
    assert marks == ["rect", "rule", "line", "point"]
    assert (
        plotted.set_index("År").loc[2020, "Verdi"] != plotted.set_index("År").loc[2020, "Verdi"]
    )  # NaN: a gap
    assert plotted["Høyest 2016–2019"].iloc[0] == 4.0


def test_conclusion_on_the_snapshot(byer, etter):
    s = tilbake.setninger(byer, etter)
    assert s["konkl_ut"].startswith(
        "Utflyttingen til resten av landet lå over spennet i 2016–2019 i alle årene"
    )
    assert "(2021 og 2022)" in s["konkl_ut"]
    # 2019 (emigration registered too low) stays out of the range of the total: 2022 lies over it.
    assert "over spennet i 2016–2018" in s["konkl_netto"] and "under spennet i 2016–2019" in s["konkl_netto"]
    assert "lå utflyttingen i 2022 over spennet" in s["konkl_rate"]


# --- a changed copy of the data: the conclusion must change with it ---------------------


def test_conclusion_sentence_changes_with_a_later_year(tmp_path, monkeypatch):
    monkeypatch.setenv("OSLO_FLYTTING_DATA", str(with_2023_back_in_range(tmp_path)))
    byer, etter = load("storbyer"), load("oslo_etter_2020")
    assert facts.serie(byer, "Oslo", "utflytting_innenlands")[2023] == 32000
    s = tilbake.setninger(byer, etter)
    assert s["konkl_ut"].startswith(
        "Utflyttingen til resten av landet var tilbake innenfor spennet i 2016–2019 i 2023"
    )
    assert "32\u00a0000" in s["konkl_ut"]


def test_index_fixture_loads_as_rows(tmp_path, monkeypatch):
    folder = copy_data(tmp_path)
    with_index_fixture(folder)
    monkeypatch.setenv("OSLO_FLYTTING_DATA", str(folder))
    indeks = load("boligprisindeks")
    assert list(indeks["periode"]) == ["2019K4", "2020K4", "2021K1", "2021K4"]
    assert indeks["verdi"].iloc[0] == 111.1
    assert set(indeks["region"]) == {"Oslo med Bærum"} and set(indeks["kvartal"]) == {1, 4}
