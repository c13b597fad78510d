"""The introduction's contents line for «Rekordutflytting» says what chapter 1 does with the
other cities: compares them when every flow is there for 2019 and 2020, else says why not."""

import pandas as pd

from helpers import FLOW_SERIES, load, regions
from helpers.prose import rekord

ANDRE = [c for c in regions.CITIES if c != "Oslo"]


def test_the_snapshot_cannot_compare_and_the_line_says_why():
    byer = load("storbyer")
    assert not rekord.andre_komplett(byer, ANDRE, FLOW_SERIES)
    assert rekord.innhold_byer(False) == "og hvorfor vi ikke kan sammenligne med de andre storbyene"


def test_every_flow_for_2019_and_2020_makes_the_comparison():
    byer = load("storbyer")
    rader = [
        {"region": by, "aar": aar, "serie": serie, "verdi": 1.0}
        for by in ANDRE
        for aar in (2019, 2020)
        for serie in FLOW_SERIES
    ]
    komplett = pd.concat([byer, pd.DataFrame(rader)], ignore_index=True)
    assert rekord.andre_komplett(komplett, ANDRE, FLOW_SERIES)
    assert rekord.innhold_byer(True) == "og de samme strømmene i de andre storbyene"
    # One flow missing for one city in 2020: no comparison.
    uten = komplett.drop(komplett.index[-1])
    uten = uten[~((uten["region"] == ANDRE[-1]) & (uten["aar"] == 2020) & (uten["serie"] == FLOW_SERIES[-1]))]
    assert not rekord.andre_komplett(uten, ANDRE, FLOW_SERIES)
