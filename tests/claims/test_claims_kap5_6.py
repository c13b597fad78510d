"""The claims chapters 5 and 6 state, checked on the committed snapshot."""

import pandas as pd
import pytest

from helpers import facts, load
from helpers.catalog import regions


@pytest.fixture(scope="module")
def fylker():
    return load("fylker_innenlands_2020")


@pytest.fixture(scope="module")
def netto(fylker):
    return fylker[fylker["serie"] == "netto"].set_index("fylke")["verdi"]


# --- chapter 6: where they moved


def test_county_net_domestic_migration_2020_sums_to_zero(netto):
    # Moves between counties: every out-move of one county is an in-move of another.
    assert len(netto) == 11
    assert netto.sum() == 0


def test_viken_had_the_largest_net_gain_and_oslo_a_net_loss_in_2020(netto):
    ytter = facts.storst_og_minst(netto)
    assert ytter["storst"] == ["Viken"]
    assert facts.plass(netto, "Viken") == 1
    assert netto["Oslo"] < 0
    assert ytter["minst"] == ["Oslo"]  # the chapter's sentence "Oslo hadde det største tapet"


def test_the_2020_counties_use_the_2020_division(fylker):
    assert "fylkesinndelingen 2020–2023" in regions.county_division(fylker["fylke_kode"])
    for code in ("30", "38", "54"):
        assert code in set(fylker["fylke_kode"])
    assert not set(fylker["fylke_kode"]) & {"01", "02", "06", "31", "32", "33"}


def test_in_migration_from_all_counties_is_larger_than_the_net_gain(fylker):
    inn = fylker[fylker["serie"] == "innflytting"].set_index("fylke")["verdi"]
    netto = fylker[fylker["serie"] == "netto"].set_index("fylke")["verdi"]
    assert set(inn.index) == {"Viken", "Innlandet", "Vestfold og Telemark"}
    assert (inn > netto[inn.index]).all()


def test_oslo_domestic_out_migration_2020_above_every_year_2016_2019():
    i_alt = load("oslo_utflytting_i_alt").set_index("aar")["verdi"]
    assert list(i_alt.index) == [2016, 2017, 2018, 2019, 2020]
    foer = facts.snitt(i_alt, 2016, 2019)
    assert i_alt[2020] > foer["maks"]
    assert i_alt[2020] - foer["maks"] == 36076 - 33259


def test_destination_totals_agree_with_chapter_one():
    i_alt = load("oslo_utflytting_i_alt").set_index("aar")["verdi"]
    ut = facts.serie(load("storbyer"), "Oslo", "utflytting_innenlands")
    assert (i_alt == ut[i_alt.index]).all()


def test_weak_telemark_pair_2021():
    t = load("oslo_telemark_2021").set_index(["fra", "til"])["verdi"]
    assert t[("Telemark", "Oslo")] > t[("Oslo", "Telemark")]


# --- chapter 5: birthplace and family


@pytest.fixture(scope="module")
def kategori():
    return load("oslo_innvandringskategori")


def test_immigrant_share_of_oslo_population_2020(kategori):
    personer = kategori[(kategori["aar"] == 2020) & (kategori["maal"] == "personer")].set_index("kategori")[
        "verdi"
    ]
    andel = kategori[(kategori["aar"] == 2020) & (kategori["maal"] == "andel")].set_index("kategori")["verdi"]
    total = personer["Hele befolkningen"]
    # Computed share agrees with the published, rounded one.
    assert round(facts.andel(personer["Innvandrere"], total), 1) == andel["Innvandrere"] == 25.6
    assert round(facts.andel(personer["Norskfødte med innvandrerforeldre"], total), 1) == 8.2


def test_immigrant_categories_add_up_to_the_population(kategori):
    rows = kategori[(kategori["aar"] == 2020) & (kategori["maal"] == "personer")]
    deler = rows[~rows["delsum"] & (rows["kategori"] != "Hele befolkningen")]
    assert len(deler) == 6
    assert deler["verdi"].sum() == rows.loc[rows["kategori"] == "Hele befolkningen", "verdi"].item() == 693494
    # ... and the two unlabelled part sums are what their notes say.
    assert rows[rows["delsum"]]["verdi"].sum() == 693494


def test_number_of_immigrants_fell_in_2020(kategori):
    endring = kategori[kategori["maal"] == "endring i løpet av året"].set_index("aar")["verdi"]
    assert endring[2020] < 0 < endring[2021]


@pytest.fixture(scope="module")
def husholdninger():
    return load("oslo_husholdninger")


def _one(frame, **krav):
    rows = frame
    for k, v in krav.items():
        rows = rows[rows[k] == v]
    assert len(rows) == 1, krav
    return rows["verdi"].item()


def test_single_person_households_share_higher_in_oslo_than_norway(husholdninger):
    oslo = husholdninger[husholdninger["region"] == "Oslo"]
    norge = husholdninger[husholdninger["region"] == "Hele landet"]
    oslo_2019 = _one(oslo, aar=2019, kategori="Én person", maal="andel")
    norge_2019 = facts.andel(
        _one(norge, aar=2019, kategori="Aleneboende", maal="antall"),
        _one(norge, aar=2019, kategori="Husholdninger i alt", maal="antall"),
    )
    assert oslo_2019 == 47
    assert norge_2019 == pytest.approx(941205 / 2426450 * 100)
    assert oslo_2019 > norge_2019
    # One-person households are the largest size group in Oslo both years.
    for aar in (2019, 2022):
        andeler = oslo[
            (oslo["aar"] == aar) & (oslo["maal"] == "andel") & oslo["kategori"].str.contains("person")
        ]
        assert facts.storst_og_minst(andeler.set_index("kategori")["verdi"])["storst"] == ["Én person"]


def test_couples_without_children_outnumber_couples_with_children_in_oslo(husholdninger):
    oslo = husholdninger[husholdninger["region"] == "Oslo"]
    for aar in (2019, 2022):
        assert _one(oslo, aar=aar, kategori="Par uten hjemmeboende barn", maal="antall") > _one(
            oslo, aar=aar, kategori="Par med barn", maal="antall"
        )


def test_moves_2013_by_immigrant_category_add_up():
    f = load("oslo_flytting_innvandrere_2013")
    alle = f[f["verdensregion"] == "alle"].pivot_table(index="flyt", columns="gruppe", values="verdi")
    assert (alle["Innvandrere"] + alle["Befolkningen ellers"] == alle["Alle"]).all()
    ut = alle.loc["utflytting"]
    assert facts.andel(ut["Innvandrere"], ut["Alle"]) == pytest.approx(6601 / 30173 * 100)


def test_andel_and_plass_refuse_what_is_missing():
    with pytest.raises(ValueError):
        facts.andel(1, 0)
    with pytest.raises(ValueError):
        facts.andel(float("nan"), 10)
    with pytest.raises(KeyError):
        facts.plass(pd.Series({"a": 1.0}), "b")


# --- the chapters' data-dependent wording (helpers.prose), on the snapshot and on changed data


def test_chapter_5_words_on_the_snapshot(kategori, husholdninger):
    from helpers import fodested

    endring = kategori[kategori["maal"] == "endring i løpet av året"].set_index("aar")["verdi"]
    assert fodested.opp_ned(endring[2020]) == "gikk ned med 500"
    assert fodested.opp_ned(endring[2021]) == "gikk opp med 900"
    oslo = husholdninger[husholdninger["region"] == "Oslo"]
    typer = ["Par uten hjemmeboende barn", "Par med barn"]
    par = {a: {t: _one(oslo, aar=a, kategori=t, maal="antall") for t in typer} for a in (2019, 2022)}
    assert fodested.par(par, *typer).startswith(
        "Oslo hadde dessuten flere par uten hjemmeboende barn enn par med barn i begge årene"
    )
    f = load("oslo_flytting_innvandrere_2013")
    alle = f[f["verdensregion"] == "alle"].pivot_table(index="flyt", columns="gruppe", values="verdi")
    tekst = fodested.naermeste_2013(
        facts.andel(alle.loc["utflytting", "Innvandrere"], alle.loc["utflytting", "Alle"]),
        facts.andel(alle.loc["utvandring", "Innvandrere"], alle.loc["utvandring", "Alle"]),
    )
    assert "21,9\u00a0prosent av utflyttingen" in tekst and "72,1\u00a0prosent av utvandringen" in tekst


def test_chapter_5_denominator_is_oslo_kommunes_population(kategori):
    # The Wikipedia copy's total equals Oslo kommune's population 1 January 2020, which the chapter uses.
    folk = facts.serie(load("storbyer"), "Oslo", "folkemengde_1jan")[2020]
    total = kategori[(kategori["aar"] == 2020) & (kategori["kategori"] == "Hele befolkningen")]["verdi"]
    assert folk == total.item() == 693494


def test_chapter_5_words_on_changed_data():
    from helpers import fodested

    assert fodested.opp_ned(0) == "var uendret"
    typer = ["uten", "med"]
    assert fodested.par({2019: {"uten": 5, "med": 9}, 2022: {"uten": 4, "med": 8}}, *typer).startswith(
        "Oslo hadde færre par uten hjemmeboende barn enn par med barn."
    )
    blandet = fodested.par({2019: {"uten": 5, "med": 9}, 2022: {"uten": 10, "med": 8}}, *typer)
    assert blandet == (
        "I 2022 var det 10 par uten hjemmeboende barn og 8 par med barn. Heller ikke par uten hjemmeboende "
        "barn er det samme som Tønnessens par uten barn: det er en type husholdning, ikke en familietype."
    )
    assert "i 2022." in fodested.par({2022: {"uten": 10, "med": 8}}, *typer)
    netto = pd.DataFrame(
        {
            "aar": [2019, 2020, 2020],
            "kategori": ["Innvandrere", "Innvandrere", "Befolkningen ellers"],
            "verdi": [-10.0, 25.0, -3.0],
        }
    )
    assert fodested.netto_funn(netto).startswith(
        "I 2020 var Oslos nettoflytting til resten av landet for innvandrere 25 (2019: \u221210); "
        "for resten av befolkningen \u22123."
    )


def test_chapter_6_words_on_the_snapshot(fylker, netto):
    from helpers import destinasjoner

    assert (
        destinasjoner.netto_tap(netto) == "Oslo hadde det største tapet av alle fylkene, 2\u00a0758 personer."
    )
    assert destinasjoner.andre_med_gevinst(netto) == (
        "Også tre andre fylker fikk flere inn enn de mistet: Vestfold og Telemark, Agder og Trøndelag."
    )
    inn = fylker[fylker["serie"] == "innflytting"].set_index("fylke")["verdi"]
    assert destinasjoner.flere_faerre(inn["Viken"], netto["Viken"]) == "langt flere"
    t = load("oslo_telemark_2021").set_index(["fra", "til"])["verdi"]
    assert destinasjoner.flere_faerre(t[("Telemark", "Oslo")], t[("Oslo", "Telemark")]) == "flere"


def test_chapter_6_words_on_changed_data(netto):
    from helpers import destinasjoner

    endret = netto.copy()
    endret["Nordland"] = -5000.0
    endret["Oslo"] = 100.0
    assert destinasjoner.netto_tap(endret) == (
        "Nordland hadde det største tapet, 5\u00a0000 personer, og Oslo hadde en nettogevinst på 100 personer."
    )
    assert destinasjoner.andre_med_gevinst(pd.Series({"Viken": 10.0, "Agder": 2.0, "Oslo": -12.0})) == (
        "Også ett annet fylke fikk flere inn enn det mistet: Agder."
    )
    assert destinasjoner.andre_med_gevinst(pd.Series({"Viken": 10.0, "Oslo": -10.0})).startswith(
        "Ingen andre"
    )
    assert destinasjoner.flere_faerre(3, 2) == "flere" and destinasjoner.flere_faerre(1, 2) == "færre"
    assert destinasjoner.flere_faerre(2, 2) == "like mange"
    kommuner = pd.DataFrame(
        {
            "aar": [2020] * 6 + [2019] * 2,
            "til_navn": ["Bærum", "Asker", "Bergen", "Moss", "Drammen", "Hamar", "Bærum", "Hamar"],
            "verdi": [60.0, 50.0, 40.0, 30.0, 20.0, 10.0, 5.0, 4.0],
        }
    )
    tekst = destinasjoner.kommuner_funn(kommuner, 2020)
    assert tekst.startswith(
        "De fem vanligste tilflyttingskommunene i 2020 var Bærum, Asker, Bergen, Moss og Drammen."
    )
    assert "To av dem er blant de fem Tønnessen (2021) nevner." in tekst
    assert "Ett av de fem var også blant de fem vanligste i 2019" in tekst


def test_the_county_note_names_vikens_parts_not_a_partial_list_of_merged_counties(fylker):
    from helpers import destinasjoner

    note = destinasjoner.fylkesinndeling(fylker["fylke_kode"])
    assert note == "fylkesinndelingen 2020–2023, da Viken omfattet Akershus, Buskerud og Østfold"
    # Where the chapter's text says what Viken was, the note only names the division.
    assert (
        destinasjoner.fylkesinndeling(fylker["fylke_kode"], viken_deler=False)
        == "fylkesinndelingen 2020–2023"
    )
    assert "sammenslåtte" not in note
    # Without Viken in the data, no parts are named; other divisions are left as they were.
    assert destinasjoner.fylkesinndeling(["38", "54"]) == "fylkesinndelingen 2020–2023"
    assert destinasjoner.fylkesinndeling(["31", "32"]) == "fylkesinndelingen fra 2024"


def test_the_municipal_gap_says_not_in_this_edition():
    from helpers import destinasjoner

    tekst = destinasjoner.gap_kommuner()
    # «Not held», as the availability sentence above it says, not «missing» (SSB publishes them).
    assert (
        tekst.startswith("Fordi tallene per kommune ikke er med, som nevnt over,") and "mangler" not in tekst
    )
