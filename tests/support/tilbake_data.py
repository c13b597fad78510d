"""Changed copies of the data package for chapter 8 («Kom de tilbake?»): a later year back in
the 2016-2019 range, and SSB's house-price index from a hand-made fixture. Shared by the
claims (the sentences) and the chapters level (the chapter executed on the copy)."""

from __future__ import annotations

import csv
import json
import shutil
from pathlib import Path

from helpers.catalog.datasets.boligpriser import BOLIGPRISINDEKS_RESSURS
from helpers.store.package import describe_csv, sha256
from support import ROOT

FIXTURE = ROOT / "tests" / "fixtures" / "boligprisindeks-testfixture.csv"


def copy_data(tmp_path: Path) -> Path:
    target = tmp_path / "data"
    shutil.copytree(ROOT / "data", target)
    return target


def _rehash(folder: Path, name: str) -> None:
    path_json = folder / "datapackage.json"
    package = json.loads(path_json.read_text(encoding="utf-8"))
    for res in package["resources"]:
        if res["name"] == name:
            path = folder / res["path"]
            res["hash"] = f"sha256:{sha256(path)}"
            res["bytes"] = path.stat().st_size
    path_json.write_text(json.dumps(package, ensure_ascii=False, indent=2) + "\n", encoding="utf-8")


def _append_rows(folder: Path, file: str, name: str, rows: list[dict]) -> None:
    path = folder / file
    text = path.read_text(encoding="utf-8")
    header = next(csv.reader([text.splitlines()[0]]))
    with open(path, "a", encoding="utf-8", newline="") as f:
        if not text.endswith("\n"):
            f.write("\n")
        csv.DictWriter(f, fieldnames=header).writerows(rows)
    _rehash(folder, name)


def with_2023_back_in_range(tmp_path: Path) -> Path:
    folder = copy_data(tmp_path)
    _append_rows(
        folder,
        "city_flows.csv",
        "city_flows",
        [
            {
                "region_code": "0301",
                "region_name": "Oslo",
                "level": "kommune",
                "year": 2023,
                "series": "utflytting_innenlands",
                "value": 32000,
                "unit": "personer",
                "source_url": "https://example.invalid/test-row",
                "note": "TEST ROW, NOT DATA: a later year inside the 2016-2019 range, for the test only",
            }
        ],
    )
    return folder


def with_index_fixture(folder: Path) -> None:
    shutil.copyfile(FIXTURE, folder / FIXTURE.name)
    package = json.loads((folder / "datapackage.json").read_text(encoding="utf-8"))
    package["resources"].append(
        describe_csv(
            folder / FIXTURE.name,
            BOLIGPRISINDEKS_RESSURS,
            "HAND-MADE TEST FIXTURE, NOT DATA (tests/fixtures/boligprisindeks-testfixture.csv)",
            [{"title": "test fixture", "path": "https://example.invalid/"}],
            "test fixture",
        )
    )
    (folder / "datapackage.json").write_text(
        json.dumps(package, ensure_ascii=False, indent=2) + "\n", encoding="utf-8"
    )
