"""Chapter 6 with and without the destination table (SSB 13864).

The snapshot lacks moves from Oslo by destination, so the chapter shows stand-ins. When a
refresh adds the table, the same chapter must draw the destination figures without edits.
That path is tested with a HAND-MADE FIXTURE (tests/fixtures/handmade-ssb-13864-…csv):
obviously fake values, never data, used only in a temporary copy of the package.
"""

import pandas as pd
import pytest
from support import FIXTURES, ROOT
from support.built import built_caption, built_chapter
from support.chapter_run import figure_html, package_with, run_chapter

from helpers import load
from helpers.catalog.datasets.destinasjoner import DESTINASJON_KOLONNER, DESTINASJON_RESSURS
from helpers.prose.norsk import IKKE_MEN
from helpers.store.validation import check_package

FIXTURE = FIXTURES / "handmade-ssb-13864-utflytting-fra-oslo.csv"
CHAPTER = ROOT / "notebooks" / "06-hvor-flyttet-de.md"


def test_snapshot_lacks_the_table_and_loads_empty_with_its_columns():
    frame = load("oslo_utflytting_destinasjon")
    assert frame.empty
    assert list(frame.columns) == DESTINASJON_KOLONNER


@pytest.fixture
def with_fixture(tmp_path, monkeypatch):
    folder = package_with(tmp_path, FIXTURE, DESTINASJON_RESSURS)
    monkeypatch.setenv("OSLO_FLYTTING_DATA", str(folder))
    return folder


def test_fixture_package_is_valid(with_fixture):
    assert check_package(with_fixture) == []


def test_counties_are_summed_from_municipalities_and_gaps_stay_gaps(with_fixture):
    dest = load("oslo_utflytting_destinasjon")
    fylker = dest[dest["niva"] == "fylke"].set_index(["aar", "til_kode"])
    fixture = pd.read_csv(FIXTURE, dtype={"TilflyttRegion": str})
    viken_2020 = fixture[(fixture["Tid"] == 2020) & fixture["TilflyttRegion"].str.startswith("30")][
        "value"
    ].sum()
    assert fylker.loc[(2020, "30"), "verdi"] == viken_2020
    assert fylker.loc[(2020, "30"), "til_navn"] == "Viken"
    assert fylker.loc[(2019, "02"), "til_navn"] == "Akershus"
    # Ringsaker 2019 is ".." in the fixture: Hedmark 2019 is missing, not a smaller sum.
    assert pd.isna(fylker.loc[(2019, "04"), "verdi"])
    assert fylker.loc[(2020, "34"), "verdi"] == 777


def test_chapter_draws_destination_figures_when_the_table_exists(with_fixture):
    glued = run_chapter(CHAPTER)
    fylker_html = figure_html(glued["fig-fylker"])
    kommuner_html = figure_html(glued["fig-kommuner"])
    assert "data-figur='utflytting-fylker'" in fylker_html
    assert "data-figur='utflytting-kommuner'" in kommuner_html
    assert "fylker-netto-2020" not in fylker_html and not IKKE_MEN.match(
        glued["fig_fylker_tekst"]["text/plain"]
    )
    assert "Lillestrøm" in kommuner_html
    # Hedmark 2019 is missing in the fixture: a cell marked 'mangler', no bar, no zero;
    # Hedmark 2020 did not exist: no number, shown as a dash read out as «ingen tall».
    assert (
        "<th scope='row'>Hedmark</th><td class='mangler'>mangler</td><td class='tom'>"
        "<span aria-hidden='true'>–</span><span class='visually-hidden'>ingen tall</span></td>"
    ) in fylker_html
    assert "til Viken, flest av alle fylkene" in glued["dest_fylker_funn"]["text/plain"]
    assert "Det er de samme fem som Tønnessen (2021) nevner" in glued["dest_kommuner_funn"]["text/plain"]


def test_chapter_shows_the_stand_in_without_the_table():
    """On the snapshot: as the book build ran it (support.built), no kernel of its own."""
    shown = built_chapter(CHAPTER)
    assert "data-figur='fylker-netto-2020'" in figure_html(shown["fig-fylker"])
    # The caption says plainly what the stand-in shows, not first what it is not.
    caption = built_caption(CHAPTER, "fig-fylker")
    assert not IKKE_MEN.match(caption)
    assert caption.startswith("Netto innenlandsk flytting per fylke")
    # Without the municipal table there is no municipal figure: the yearly total is figure
    # 1.1's, not drawn a third time under «Hvilke kommuner?».
    assert "fig-kommuner" not in shown
