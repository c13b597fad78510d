"""After `make data`, every chapter with a refreshed-data path still runs and takes that path.

One full refresh of every declared table from the HAND-BUILT fixtures (obviously fake values,
tests/fixtures/make_handbuilt.py) into a temporary copy of data/; each chapter is then
executed against that copy as the book build would. The repository's data/ is never written.
"""

import hashlib
import shutil

import pytest
import responses
from support import FIXTURES, ROOT
from support.chapter_run import run_chapter
from support.pxfake import FAKE_BASE, HANDBUILT, data_answer, data_url, meta_url

from helpers import tall
from helpers.statbank.client import SsbClient
from helpers.statbank.jsonstat import load_file
from helpers.statbank.refresh import declared_queries, refresh, units
from helpers.store.paths import data_dir


def _contents(folder):
    return {
        p.name: hashlib.sha256(p.read_bytes()).hexdigest() for p in sorted(folder.iterdir()) if p.is_file()
    }


@pytest.fixture(scope="module")
def refreshed(tmp_path_factory):
    before = _contents(data_dir())
    folder = tmp_path_factory.mktemp("kapitler") / "data"
    shutil.copytree(data_dir(), folder)
    # Of the candidates for one need, the first holds in the fixtures; the others are never asked.
    with responses.RequestsMock() as mock:
        for q in (unit[0] for unit in units(declared_queries())):
            mock.add(responses.GET, meta_url(q.table), json=HANDBUILT[q.table]["meta"])
            mock.add_callback(
                responses.GET, data_url(q.table), callback=data_answer(HANDBUILT[q.table]["data"])
            )
        refresh(folder, SsbClient(base_url=FAKE_BASE, sleep=lambda s: None))
    yield folder
    assert _contents(data_dir()) == before


@pytest.fixture(scope="module")
def run_on_refreshed(refreshed):
    """Each chapter executed once on the refreshed copy, however many tests read what it shows."""
    runs = {}

    def run(chapter: str) -> dict[str, dict]:
        if chapter not in runs:
            with pytest.MonkeyPatch.context() as mp:
                mp.setenv("OSLO_FLYTTING_DATA", str(refreshed))
                runs[chapter] = run_chapter(ROOT / chapter)
        return runs[chapter]

    return run


def _text(out: dict) -> str:
    from support.chapter_run import figure_html

    return figure_html(out) or str(out.get("text/html", out.get("text/markdown", out.get("text/plain", ""))))


def _fake_value(table: str, **codes) -> str:
    frame = load_file(FIXTURES / f"ssb-{table}-v2-data.HANDBUILT.jsonstat2.json")
    for dim, code in codes.items():
        frame = frame[frame[dim] == code]
    return tall(frame["value"].iloc[0])


# chapter -> (glued name, text it must contain once the refreshed table is there)
CHAPTERS = {
    # Oslo's domestic out-migration in 2020 is the (fake) value of 01223, not the transcribed one.
    "notebooks/01-rekordutflytting.md": (
        "ut_2020",
        _fake_value("01223", Region="0301", ContentsCode="Fraflytting8", Tid="2020K4"),
    ),
    # The rate chart, drawn from the first age candidate that held (09587 in the fixtures).
    "notebooks/02-alder.md": ("fig-alder-utflytting", "Utflyttinger per 100 innbyggere"),
    "notebooks/05-fodested-og-familie.md": (
        "fig-flytting-innvandrere",
        "data-figur='nettoflytting-innvandringskategori'",
    ),
    "notebooks/06-hvor-flyttet-de.md": ("fig-fylker", "data-figur='utflytting-fylker'"),
    "notebooks/07-kom-de-tilbake.md": ("fig-tilbake-boligpriser", "Indeks (2015=100)"),
    # The page says which statbank tables this edition holds, read from the package.
    "book/om-dataene.md": ("utgaven", "statbank/table/13864"),
}


@pytest.mark.parametrize("chapter", list(CHAPTERS))
def test_chapter_runs_on_a_fully_refreshed_package(chapter, run_on_refreshed):
    glued = run_on_refreshed(chapter)
    name, expected = CHAPTERS[chapter]
    assert expected in _text(glued[name]), f"{chapter}: {name} does not show the refreshed table"


def test_chapter_one_draws_the_other_cities_once_the_tables_are_there(run_on_refreshed):
    """On the snapshot the other cities have scattered values and no figure; with 06913 and
    01223 refreshed, the chapter says it has every flow and draws them (the cell that draws
    them ran, or the chapter would have failed)."""
    glued = run_on_refreshed("notebooks/01-rekordutflytting.md")
    assert _text(glued["andre_2020"]).startswith("har vi alle strømmene for 2019 og 2020")
    assert "er hentet fra SSBs statistikkbank" in _text(glued["byer_tilgang"])
