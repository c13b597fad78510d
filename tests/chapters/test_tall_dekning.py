"""Every statistic the covered chapters write with {eval} can be opened: the value is a
`Tall` with its rows and arithmetic, or a sentence whose every number is one (or is
structural: a year, a quarter, a count marked with `struktur`). What is not covered is
listed here by name, with the reason. `forklar` in an executed chapter gives the rows the
book shows, read from the data package."""

from __future__ import annotations

import os
import re
from pathlib import Path

import jupytext
import pytest
from support import ROOT
from support.tallsjekk import udekkede

from helpers.prose.forklaring import Forklaring, beskrivelse, forklar
from helpers.prose.tekst import MIME_TALL, Tall, glem_nylige

EVAL = re.compile(r"\{eval\}`([^`]+)`")

# Chapters whose every statistic opens.
DEKKET = [
    "book/intro.md",
    "notebooks/01-rekordutflytting.md",
    "notebooks/02-alder.md",
    "notebooks/03-hjemmekontor.md",
    "notebooks/04-utvandring.md",
    "notebooks/05-fodested-og-familie.md",
    "notebooks/06-hvor-flyttet-de.md",
    "notebooks/08-oppsummering.md",
]
# Not yet: notebooks/07-kom-de-tilbake.md (the quarterly figures, the Nordic cities, house
# prices and surveys are read in prose/tilbake.py without their rows).
# {eval} values in those chapters with numbers that are not statistics from our data.
UNNTAK: dict[tuple[str, str], str] = {}


def _kjor(name: str) -> tuple[dict, list[str]]:
    path = ROOT / name
    nb = jupytext.read(path)
    ns: dict = {}
    here = Path.cwd()
    os.chdir(path.parent)
    try:
        for cell in nb.cells:
            if cell.cell_type == "code":
                glem_nylige()  # as the kernel does before each cell
                exec(compile(cell.source, str(path), "exec"), ns)
    finally:
        os.chdir(here)
    return ns, list(dict.fromkeys(EVAL.findall(path.read_text(encoding="utf-8"))))


@pytest.fixture(scope="module")
def kjort():
    return {name: _kjor(name) for name in DEKKET}


@pytest.mark.parametrize("name", DEKKET)
def test_every_statistic_in_the_chapter_opens(kjort, name):
    ns, names = kjort[name]
    ute = {n: udekkede(ns[n]) for n in names if (name, n) not in UNNTAK}
    assert {n: u for n, u in ute.items() if u} == {}


def test_exceptions_still_hold_numbers(kjort):
    for (name, n), why in UNNTAK.items():
        assert udekkede(kjort[name][0][n]), f"{name}: {n} is covered now; take it off the list ({why})"


def test_forklar_in_an_executed_chapter_gives_the_rows_of_the_data(kjort):
    ns, _ = kjort["notebooks/01-rekordutflytting.md"]
    byer = ns["byer"]
    f = forklar(ns["ut_2020"])
    assert isinstance(f, Forklaring) and isinstance(ns["ut_2020"], Tall)
    assert f.beskrivelse == ns["ut_2020"]._repr_mimebundle_()[MIME_TALL] == beskrivelse(ns["ut_2020"])
    row = byer[
        (byer["region"] == "Oslo") & (byer["serie"] == "utflytting_innenlands") & (byer["aar"] == 2020)
    ]
    assert f.rader["kilde"].tolist() == row["kilde"].tolist()
    assert f.rader["utgiver"].tolist() == row["utgiver"].tolist()
    endring = forklar(ns["ut_endring"]).beskrivelse
    assert {r["periode"] for r in endring["rader"]} == {"2019", "2020"}
    assert endring["regning"] == [f"{ns['ut_2020']} − {ns['ut_2019']} = {ns['ut_endring']}"]
