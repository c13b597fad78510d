"""The claims chapter 1 states, checked on the committed snapshot."""

import pandas as pd
import pytest

from helpers import facts, load
from helpers.catalog.registry import FLOW_SERIES


@pytest.fixture(scope="module")
def byer():
    return load("storbyer")


def test_2020_outflow_is_the_highest_up_to_2020(byer):
    ut = facts.serie(byer, "Oslo", "utflytting_innenlands")
    r = facts.rangering(ut, 2020, til_og_med=2020)
    assert r["hoyest"] and r["rang"] == 1
    assert r["verdi"] == 36076


def test_a_later_year_beats_2020_in_the_snapshot(byer):
    # The chapter must not call 2020 the highest ever when a later year is higher.
    ut = facts.serie(byer, "Oslo", "utflytting_innenlands")
    assert not facts.rangering(ut, 2020)["hoyest"]
    assert 2021 in facts.rangering(ut, 2020)["hoyere_aar"]


def test_emigration_rose_from_2019_to_2020_but_not_above_2016_2018(byer):
    utv = facts.serie(byer, "Oslo", "utvandring")
    assert facts.endring(utv, 2019, 2020)["diff"] > 0
    assert utv[2020] < utv[[2016, 2017, 2018]].min()


def test_rate_per_1000_uses_mean_population(byer):
    pop = facts.middelfolkemengde(byer, "Oslo")
    assert pop[2020] == pytest.approx((693494 + 697010) / 2)
    rater = facts.per_1000(byer, "Oslo")
    ut = rater[rater["serie"] == "utflytting_innenlands"].set_index("aar")["verdi"]
    assert ut[2020] == pytest.approx(36076 / pop[2020] * 1000)
    assert facts.rangering(ut, 2020, til_og_med=2020)["hoyest"]
    assert ut[2020] > facts.snitt(ut, 2016, 2019)["maks"]


def test_missing_values_are_listed_not_filled(byer):
    mangler = facts.manglende(byer, "Oslo", FLOW_SERIES, 2010, 2022)
    assert mangler == {
        "Innflytting fra resten av Norge": [2010, 2022],
        "Utflytting til resten av Norge": [2010],
        "Innvandring fra utlandet": [2021],
        "Utvandring til utlandet": [2010, 2021],
    }


def test_rank_and_mean_refuse_missing_years():
    s = pd.Series({2016: 1.0, 2017: 2.0, 2019: 3.0})
    with pytest.raises(ValueError, match="2018"):
        facts.snitt(s, 2016, 2019)
    with pytest.raises(KeyError):
        facts.rangering(s, 2018)


def test_claims_follow_the_data_when_a_year_is_added(byer):
    extra = pd.DataFrame(
        [
            {
                **byer.iloc[0].to_dict(),
                "region": "Oslo",
                "aar": 2019,
                "serie": "utflytting_innenlands",
                "verdi": 50000.0,
            }
        ]
    )
    changed = pd.concat(
        [
            byer[
                ~(
                    (byer["region"] == "Oslo")
                    & (byer["aar"] == 2019)
                    & (byer["serie"] == "utflytting_innenlands")
                )
            ],
            extra,
        ]
    )
    ut = facts.serie(changed, "Oslo", "utflytting_innenlands")
    assert not facts.rangering(ut, 2020, til_og_med=2020)["hoyest"]
