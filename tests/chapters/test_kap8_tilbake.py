"""Chapter 8 («Kom de tilbake?») executed on the snapshot and on a changed copy of the data:
its conclusion and its house-price figure follow the data."""

from __future__ import annotations

from pathlib import Path

import pytest
from support import ROOT
from support.chapter_run import figure_html, run_chapter
from support.tilbake_data import with_2023_back_in_range, with_index_fixture

CHAPTER = ROOT / "notebooks" / "07-kom-de-tilbake.md"


def _run_chapter(data: Path, monkeypatch) -> dict[str, str]:
    """Execute the chapter against `data`; {eval} name or figure label -> text (html for figures)."""
    monkeypatch.setenv("OSLO_FLYTTING_DATA", str(data))
    shown = run_chapter(CHAPTER)
    return {name: figure_html(out) or out.get("text/plain") for name, out in shown.items()}


@pytest.fixture(scope="module")
def chapter_on_snapshot():
    mp = pytest.MonkeyPatch()
    try:
        yield _run_chapter(ROOT / "data", mp)
    finally:
        mp.undo()


def test_chapter_on_changed_data_glues_a_changed_conclusion(tmp_path, monkeypatch, chapter_on_snapshot):
    folder = with_2023_back_in_range(tmp_path)
    with_index_fixture(folder)
    changed = _run_chapter(folder, monkeypatch)
    before, after = chapter_on_snapshot["konkl_ut"], changed["konkl_ut"]
    assert before != after
    assert "lå over spennet" in before
    assert after.startswith(
        "Utflyttingen til resten av landet var tilbake innenfor spennet i 2016–2019 i 2023"
    )
    assert changed["TIL"] == "2023"
    # With the index resource present, the house-price figure is SSB's index (fixture values).
    assert (
        "Indeks (2015=100)" in changed["fig-tilbake-boligpriser"]
        and "Indeks (2015=100)" not in chapter_on_snapshot["fig-tilbake-boligpriser"]
    )
    assert "333,3" in changed["fig-tilbake-boligpriser"] and "999,9" not in changed["fig-tilbake-boligpriser"]
    # Only the unadjusted index for all dwelling types is drawn.
    assert (
        "888,8" not in changed["fig-tilbake-boligpriser"]
        and "777,7" not in changed["fig-tilbake-boligpriser"]
    )
    # Without the index, the text says once that SSB publishes it and this edition lacks it;
    # with the table in the package, the same sentence says where the numbers come from.
    # The chapter's sentence is short and links «Om dataene», which names the table.
    assert "ikke med i denne utgaven" in chapter_on_snapshot["bolig_tilgang"]
    assert "om-dataene" in chapter_on_snapshot["bolig_tilgang"]
    assert "07221" not in chapter_on_snapshot["fig-tilbake-boligpriser"]
    assert "er hentet fra SSBs statistikkbank" in changed["bolig_tilgang"]
