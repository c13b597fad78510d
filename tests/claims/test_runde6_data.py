"""Round-6 editor fixes in «Kom de tilbake?», the summary, «Alder» and «Om dataene», each on
changed data where the rule depends on the data."""

import pandas as pd

from helpers import FLOW_SERIES, facts, load, tilbake


def _netto(flagget: str) -> pd.DataFrame:
    """Two net series with 2019 flagged; which flow is flagged is up to the test."""
    rows = []
    for navn in (facts.NETTO["utland"], facts.NETTO["i_alt"]):
        for a in range(2016, 2023):
            rows.append({"serie_navn": navn, "aar": a, "verdi": 1000.0 + a, "undertalt": a == 2019})
    return pd.DataFrame(rows)


def test_the_note_on_a_left_out_year_says_the_net_was_too_high_when_emigration_was_undercounted():
    tekst = tilbake.merknad_utelatt(_netto("utvandring"), strommer={"utvandring": [2019]})
    # Chapter 4.1 explains emigration in 2019: the note keeps the clause on the net and points there.
    assert tekst.endswith(
        "er 2019 holdt utenfor, fordi nettotallene ble for høye det året (se kapittel 4.1)."
    )
    assert "for lave" not in tekst and "registrert for lavt" not in tekst
    # Another year is not explained there: the reason stays in the note.
    annet = _netto("utvandring").assign(undertalt=lambda d: d["aar"] == 2017)
    tekst = tilbake.merknad_utelatt(annet, strommer={"utvandring": [2017]})
    assert "utvandringen ble registrert for lavt det året, så nettotallene ble for høye" in tekst
    assert "kapittel 4.1" not in tekst


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
    strommer = {s: facts.undertalte_aar(byer, "Oslo", s) for s in FLOW_SERIES}
    assert "nettotallene ble for høye" in tilbake.merknad_utelatt(netto, strommer=strommer)


def test_om_dataene_tells_annual_and_quarterly_years_apart_as_they_exist():
    from helpers import tilgang

    rader = pd.DataFrame(
        {"aar": [2016, 2017, 2018, 2021, 2023], "periode": ["år", "år", "år", "1. kvartal", "2. kvartal"]}
    )
    assert tilgang.omfang(rader) == " Årstall for 2016–2018 og kvartalstall for 2021 og 2023."
    # A quarter added for the year between: the span closes.
    mer = pd.concat([rader, pd.DataFrame({"aar": [2022], "periode": ["3. kvartal"]})])
    assert tilgang.omfang(mer).endswith("kvartalstall for 2021–2023.")
    # Rows that are neither a whole year nor a quarter: one list of years.
    blandet = rader.assign(periode=["år", "", "år", "1. kvartal", "år"])
    assert tilgang.omfang(blandet) == " Tall for 2016–2018, 2021 og 2023."
    assert tilgang.omfang(blandet, "Noe for 2016–2018, 2021 og 2023") == ""


def test_the_collection_title_names_no_years_the_data_can_contradict():
    from helpers import datasets

    assert not any(ch.isdigit() for ch in datasets()["oslo_etter_2020"].title)


def test_the_statbank_gap_for_the_cities_is_about_the_four_others():
    from helpers.catalog import tilgang as katalog

    tema = next(t for t in katalog.TEMAER if t.navn == "byer")
    assert "fire andre byene" in tema.hva and "fire andre byene" in tema.spor


def test_the_helsinki_numbers_name_their_publisher_from_the_rows():
    nord = load("nordiske_hovedsteder")
    ut = facts.serie(load("storbyer"), "Oslo", "utflytting_innenlands")
    tekst = tilbake.nord_brutto(nord, ut)
    assert "ifølge foreløpige tall fra Statistikksentralen i Finland." in tekst
    # The same publisher in the next sentence is not named again.
    assert "flyttetap på 240, ifølge samme kilde." in tekst
    assert tekst.count("Statistikksentralen i Finland") == 1
    # Oslo's own rise is told in chapter 1 and only pointed to here.
    assert "3\u00a0926" not in tekst and "kapittel 1" in tekst
    annen = nord.copy()
    annen.loc[annen["omraade"] == "Helsingforsregionen", "utgiver"] = "Eksempelkontoret"
    assert "flyttetap på 240, ifølge Eksempelkontoret." in tilbake.nord_brutto(annen, ut)


def test_the_survey_names_the_outlet_and_month_from_its_rows():
    hk = load("hjemmekontor_etter_2020")
    rader = hk[hk["maal"].str.contains("hjemmekontor siste måned")]
    tekst = tilbake.opinion(rader)
    assert "fra Opinion i desember 2022 fant at 69\u00a0prosent" in tekst
    assert "ifølge ABC Nyheter." in tekst and "gjengitt i nyhetene" not in tekst
    annen = rader.assign(utgiver="Eksempelavisen", periode="2023-03")
    assert "i mars 2023" in tilbake.opinion(annen) and "Eksempelavisen" in tilbake.opinion(annen)
    assert tilbake.opinion(rader[rader["region"] == "Oslo"]) == ""


def test_the_yardstick_says_where_a_flagged_flow_uses_fewer_years():
    ref = facts.referanse(pd.Series({2016: 1.0, 2017: 2.0, 2018: 3.0, 2019: 4.0, 2020: 9.0}))
    tekst = tilbake.maalestokk(ref, {"utvandring": [2019], "innvandring": []})
    assert tekst.startswith("Som målestokk for «før» bruker vi årene 2016–2019:")
    assert (
        "For tall der utvandringen inngår, bruker vi bare 2016–2018, fordi utvandringen ble registrert for lavt "
        "i 2019 (se {ref}`kapittel 4.1 <utvandring-2019>`)." in tekst
    )
    # Another flow or year is not explained in chapter 4.1: no pointer there.
    assert "kapittel 4.1" not in tilbake.maalestokk(ref, {"innvandring": [2019]})
    assert "kapittel 4.1" not in tilbake.maalestokk(ref, {"utvandring": [2017]})
    assert "bare" not in tilbake.maalestokk(ref, {"utvandring": []})
    assert "2016, 2018 og 2019" in tilbake.maalestokk(ref, {"innvandring": [2017]})


def test_yearly_price_changes_are_not_read_as_a_level():
    endring = pd.Series({2015: 9.2, 2016: 21.7, 2021: 6.5})
    assert "kan ikke vise om prisene holdt seg relativt høye" in tilbake.bolig_sikre(endring)
