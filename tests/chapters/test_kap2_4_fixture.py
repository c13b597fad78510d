"""The fixture path: when a dataset that is missing today exists, the chapter draws it
without edits. Uses hand-made TESTDATA fixtures (see tests/fixtures/README.md) in a
temporary copy of the data package; nothing here touches data/ or the built book."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest
from support import FIXTURES, ROOT
from support.chapter_run import run_chapter

from helpers import load
from helpers.catalog.datasets.alder import UTFLYTTING_ALDER_RESSURS
from helpers.prose.norsk import IKKE_MEN
from helpers.store.package import describe_csv, read_package, sha256
from helpers.store.paths import ENV_VAR

TESTDATA_SOURCE = [{"title": "hand-made test fixture, not data", "path": "tests/fixtures/README.md"}]


def _package_copy(tmp_path: Path) -> Path:
    data = tmp_path / "data"
    shutil.copytree(ROOT / "data", data)
    return data


def _write_package(data: Path, package: dict) -> None:
    (data / "datapackage.json").write_text(
        json.dumps(package, ensure_ascii=False, indent=2) + "\n", encoding="utf-8"
    )


def _add_resource(data: Path, fixture: str, name: str) -> None:
    target = data / fixture
    shutil.copyfile(FIXTURES / fixture, target)
    package = read_package(data)
    package["resources"].append(
        describe_csv(target, name, "TESTDATA: hand-made test fixture, not data", TESTDATA_SOURCE, "test")
    )
    _write_package(data, package)


def _append_rows(data: Path, fixture: str, resource: str) -> None:
    package = read_package(data)
    meta = next(r for r in package["resources"] if r["name"] == resource)
    path = data / meta["path"]
    rows = (FIXTURES / fixture).read_text(encoding="utf-8").splitlines(keepends=True)[1:]
    text = path.read_text(encoding="utf-8")
    path.write_text(text + ("" if text.endswith("\n") else "\n") + "".join(rows), encoding="utf-8")
    meta["hash"] = f"sha256:{sha256(path)}"
    meta["bytes"] = path.stat().st_size
    _write_package(data, package)


def _run_chapter(name: str) -> dict[str, dict]:
    """Execute a chapter as the build does (cwd = notebooks/): its {eval} values and figures."""
    return run_chapter(ROOT / "notebooks" / name)


def _text(out: dict) -> str:
    return str(out.get("text/plain", ""))


def _html(out: dict) -> str:
    from support.chapter_run import figure_html

    return figure_html(out)


@pytest.fixture
def moves_by_age(tmp_path, monkeypatch):
    data = _package_copy(tmp_path)
    _add_resource(data, "TESTDATA-ssb_09587_utflytting_alder.csv", UTFLYTTING_ALDER_RESSURS)
    monkeypatch.setenv(ENV_VAR, str(data))
    return data


def test_declared_moves_by_age_are_empty_in_the_snapshot():
    rows = load("oslo_utflytting_alder")
    assert rows.empty
    assert {"region", "aar", "alder", "verdi"} <= set(rows.columns)


def test_moves_by_age_load_once_the_resource_exists(moves_by_age):
    rows = load("oslo_utflytting_alder")
    assert len(rows) == 250
    assert set(rows["aar"]) == {2016, 2017, 2018, 2019, 2020}
    assert rows["alder"].between(18, 67).all()
    assert set(rows["region"]) == {"Oslo"}


def test_chapter_2_draws_moves_by_age_without_edits(moves_by_age):
    glued = _run_chapter("02-alder.md")
    fig = _html(glued["fig-alder-utflytting"])
    assert "oslo-vega-spec" in fig
    assert "Utflyttinger per 100 innbyggere" in fig  # the rate chart, not the population stand-in
    assert not IKKE_MEN.match(_text(glued["alder_fig_tekst"])) and "Ikke utflytterne" not in fig
    assert "Statistisk sentralbyrå (SSB)" in fig
    # In the fixture 2020's movers are older at every age from 40: the sentence must say so.
    assert "eldre enn i noen av årene før" in _text(glued["alder_funn"])
    assert "har vi ikke" not in _text(glued["alder_funn"])


def test_chapter_4_draws_oslo_by_citizenship_without_edits(tmp_path, monkeypatch):
    data = _package_copy(tmp_path)
    _append_rows(data, "TESTDATA-oslo_utvandring_statsborgerskap.csv", "oslo_movers_by_group")
    monkeypatch.setenv(ENV_VAR, str(data))
    assert set(load("oslo_utvandring_statsborgerskap")["aar"]) == {2018, 2020}
    glued = _run_chapter("04-utvandring.md")
    fig = _html(glued["fig-utvandring-statsborgerskap"])
    assert "oslo-vega-spec" in fig and "Utvandring fra Oslo etter statsborgerskap" in fig
    assert "Ikke Oslo" not in fig
    assert "svenske statsborgere fra Oslo falt" in _text(glued["sv_avsnitt"])
    assert "Oslo alene har vi ikke" not in _text(glued["sv_avsnitt"])
    assert not IKKE_MEN.match(_text(glued["sb_fig_tekst"]))
    assert "fra 900 i 2018 til 100 i 2020" in _text(glued["sv_avsnitt"])
