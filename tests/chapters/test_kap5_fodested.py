"""Chapter 5 with and without Oslo's net moves by immigrant category (SSB 07210).

The present path uses a HAND-MADE FIXTURE (obviously fake values, never data) in a
temporary copy of the data package.
"""

import pandas as pd
import pytest
from support import FIXTURES, ROOT
from support.built import built_caption, built_chapter
from support.chapter_run import figure_html, package_with, run_chapter

from helpers import load
from helpers.catalog.datasets.fodested import NETTO_KOLONNER, NETTO_RESSURS
from helpers.prose.norsk import IKKE_MEN

FIXTURE = FIXTURES / "handmade-ssb-07210-oslo-nettoflytting.csv"
CHAPTER = ROOT / "notebooks" / "05-fodested-og-familie.md"


def test_snapshot_lacks_07210_and_loads_empty_with_its_columns():
    frame = load("oslo_nettoflytting_innvandringskategori")
    assert frame.empty and list(frame.columns) == NETTO_KOLONNER


@pytest.fixture
def with_fixture(tmp_path, monkeypatch):
    monkeypatch.setenv("OSLO_FLYTTING_DATA", str(package_with(tmp_path, FIXTURE, NETTO_RESSURS)))


def test_fixture_loads_with_gaps_kept(with_fixture):
    frame = load("oslo_nettoflytting_innvandringskategori")
    assert len(frame) == 15
    assert pd.isna(frame.set_index(["aar", "kategori_kode"]).loc[(2017, "C"), "verdi"])


def test_chapter_draws_net_moves_by_category_when_the_table_exists(with_fixture):
    glued = run_chapter(CHAPTER)
    html = figure_html(glued["fig-flytting-innvandrere"])
    assert "data-figur='nettoflytting-innvandringskategori'" in html
    assert not IKKE_MEN.match(glued["fig_flytting_tekst"]["text/plain"])
    assert "innvandrere \u22122\u00a0222 (2019: \u22121\u00a0111)" in glued["flytting_funn"]["text/plain"]


def test_chapter_shows_the_2013_stand_in_without_the_table():
    """On the snapshot: as the book build ran it (support.built), no kernel of its own."""
    shown = built_chapter(CHAPTER)
    assert "data-figur='flytting-innvandrere-2013'" in figure_html(shown["fig-flytting-innvandrere"])
    # The caption says plainly what the stand-in shows; the text says it is another year.
    caption = built_caption(CHAPTER, "fig-flytting-innvandrere")
    assert not IKKE_MEN.match(caption)
    assert caption.startswith("Oslos flyttinger i 2013")
