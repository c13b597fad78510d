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
