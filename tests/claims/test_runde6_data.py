"""Round-6 editor fixes in «Kom de tilbake?», the summary, «Alder» and «Om dataene», each on
changed data where the rule depends on the data."""

import pandas as pd

from helpers import facts, load, tilbake


def _netto(flagget: str) -> pd.DataFrame:
    """Two net series with 2019 flagged; which flow is flagged is up to the test."""
    rows = []
    for navn in (facts.NETTO["utland"], facts.NETTO["i_alt"]):
        for a in range(2016, 2023):
            rows.append({"serie_navn": navn, "aar": a, "verdi": 1000.0 + a, "undertalt": a == 2019})
    return pd.DataFrame(rows)


def test_the_note_on_a_left_out_year_says_the_net_was_too_high_when_emigration_was_undercounted():
    tekst = tilbake.merknad_utelatt(_netto("utvandring"), strommer={"utvandring": [2019]})
    assert "utvandringen ble registrert for lavt det året, så nettotallene ble for høye" in tekst
    assert "for lave" not in tekst


def test_the_note_says_too_low_when_an_inflow_was_undercounted():
    tekst = tilbake.merknad_utelatt(_netto("innvandring"), strommer={"innvandring": [2019]})
    assert "innvandringen ble registrert for lavt det året, så nettotallene ble for lave" in tekst


def test_the_note_names_no_direction_without_the_flagged_flow():
    tekst = tilbake.merknad_utelatt(_netto("utvandring"))
    assert "for høye" not in tekst and "for lave" not in tekst
    assert "2019 holdt utenfor" in tekst


def test_the_snapshot_note_says_too_high():
    byer = load("storbyer")
    netto = facts.nettoflytting(byer, load("oslo_etter_2020"))
    strommer = {s: facts.undertalte_aar(byer, "Oslo", s) for s in facts.FLOW_SERIES}
    assert "nettotallene ble for høye" in tilbake.merknad_utelatt(netto, strommer=strommer)
