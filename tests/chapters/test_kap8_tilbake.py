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
    # With the index resource present, the house-price figure is SSB's index (fixture values);
    # without it, the few scattered yearly changes get one sentence and no figure.
    assert "Indeks (2015=100)" in changed["fig-tilbake-boligpriser"]
    assert "fig-tilbake-boligpriser" not in chapter_on_snapshot
    # The house-price sentence speaks of the years after 2020 only; an uncertain year is left out.
    assert (
        "(usikkert)" not in chapter_on_snapshot["bolig_etter"]
        and "2024" not in chapter_on_snapshot["bolig_etter"]
    )
    assert chapter_on_snapshot["bolig_etter"].startswith("For årene etter 2020 har boka ingen brukbar serie")
    assert "333,3" in changed["fig-tilbake-boligpriser"] and "999,9" not in changed["fig-tilbake-boligpriser"]
    # Only the unadjusted index for all dwelling types is drawn.
    assert (
        "888,8" not in changed["fig-tilbake-boligpriser"]
        and "777,7" not in changed["fig-tilbake-boligpriser"]
    )
    # Without the index, the text says once, in this chapter's words, that the statbank has it
    # and the book only the changes above; with the table in the package, the same sentence
    # says where the numbers come from. It links «Om dataene», which names the table.
    assert chapter_on_snapshot["bolig_tilgang"].startswith(
        "Selve indeksnivået, kvartal for kvartal, står i statistikkbanken; boka har bare enkelte årsendringer"
    )
    assert "denne utgaven" not in chapter_on_snapshot["bolig_tilgang"]
    assert "om-dataene" in chapter_on_snapshot["bolig_tilgang"]
    assert "er hentet fra SSBs statistikkbank" in changed["bolig_tilgang"]


def test_chapter_on_the_snapshot_sums_2025_and_reads_its_quarters_plainly(chapter_on_snapshot):
    shown = chapter_on_snapshot
    assert "34\u00a0973" in shown["kv_sum_dekning"] and "over det høyeste året" in shown["kv_sum_dekning"]
    assert "bare så vidt i 1.\u00a0kvartal" in shown["netto_fortegn"]
    assert "alle fire kvartalene" in shown["netto_mot_foer"]
    assert shown["vekst_mot_foer"] == (
        "Folkeveksten var lavere i 2025 enn i 2024 i alle fire kvartalene, i 3.\u00a0kvartal bare så vidt "
        "(2\u00a0617 mot 2\u00a0628)."
    )
    assert shown["slutt_kv"] == (
        "I 1. og 4.\u00a0kvartal 2025 var utflyttingen lavere enn i samme kvartal i 2021, men summen av alle fire kvartalene (34\u00a0973) lå i antall over spennet i 2016–2019."
    )
