"""The data package: import-shared merges, licences per publisher, the fix a hash mismatch names."""

from __future__ import annotations

import json
import shutil

import pytest
from support.cli import contents, run_cli

from helpers.catalog.sources import rettigheter
from helpers.store.package import SnapshotError, read_package, read_resource
from helpers.store.shared import import_shared


def test_import_shared_keeps_refreshed_resources_and_replaces_its_own(target):
    package = read_package(target)
    fake_ssb = dict(next(r for r in package["resources"] if r["name"] == "city_flows"))
    fake_ssb.update(name="ssb_01223", path="ssb_01223.csv")
    shutil.copy(target / "city_flows.csv", target / "ssb_01223.csv")
    package["resources"].append(fake_ssb)
    (target / "datapackage.json").write_text(json.dumps(package), encoding="utf-8")

    import_shared(target, target, rettigheter)  # re-import the folder itself: hashes recomputed, nothing lost
    after = read_package(target)
    names = [r["name"] for r in after["resources"]]
    assert names == [r["name"] for r in package["resources"]]
    assert next(r for r in after["resources"] if r["name"] == "ssb_01223") == fake_ssb


@pytest.mark.slow  # import-shared through the CLI in a child process
def test_licences_and_publishers_follow_the_rows(target):
    import_shared(target, target, rettigheter)
    res = {r["name"]: r for r in read_package(target)["resources"]}
    imdi, telemark = res["oslo_flytting_innvandrere_2013"], res["oslo_telemark_2021"]
    assert [p["title"] for p in imdi["publishers"]] == ["Integrerings- og mangfoldsdirektoratet"]
    assert [p["title"] for p in telemark["publishers"]] == ["Telemark fylkeskommune"]
    for r in (imdi, telemark):
        assert all(lic.get("name") != "CC-BY-4.0" for lic in r["licenses"])
    ages = res["population_by_single_age"]  # SSB table 07459, read from public repositories
    assert [lic["name"] for lic in ages["licenses"]] == ["CC-BY-4.0"]
    city = res["city_flows"]  # SSB's pages and Oslo kommune's, among others
    assert city["licenses"][0]["name"] == "CC-BY-4.0" and "Oslo kommune" in city["licenses"][1]["title"]
    assert "licenses" not in read_package(target)
    assert run_cli("check", env={"OSLO_FLYTTING_DATA": str(target)}).rc == 0


def test_a_dataset_is_added_from_a_csv_inside_the_repository(target, tmp_path):
    folder = tmp_path / "ny"
    folder.mkdir()
    (folder / "min_tabell.csv").write_text(
        "region,year,value,source_url,note\nOslo,2020,1,https://www.ssb.no/x,avskrevet\n", encoding="utf-8"
    )
    (folder / "min_tabell.notes.md").write_text("# Min tabell fra SSB\n\nDetaljer.\n", encoding="utf-8")
    before = {r["name"] for r in read_package(target)["resources"]}
    run = run_cli("--data", str(target), "import-shared", str(folder))
    assert run.rc == 0, run.err
    res = {r["name"]: r for r in read_package(target)["resources"]}
    assert set(res) == before | {"min_tabell"}
    assert res["min_tabell"]["description"] == "Min tabell fra SSB"
    assert read_resource("min_tabell", target)["value"].tolist() == [1]


def test_a_csv_without_provenance_is_refused_naming_the_file(target, tmp_path):
    folder = tmp_path / "ny"
    folder.mkdir()
    (folder / "uten_kilde.csv").write_text("region,value\nOslo,1\n", encoding="utf-8")
    before = contents(target)
    with pytest.raises(SnapshotError, match="uten_kilde.csv: mangler kolonnen source_url, note"):
        import_shared(folder, target, rettigheter)
    assert contents(target) == before


@pytest.mark.slow  # check, import-shared and check again: the CLI in a child process, three times
def test_a_hash_mismatch_names_the_command_that_fixes_it(target):
    text = (target / "city_flows.csv").read_text(encoding="utf-8")
    (target / "city_flows.csv").write_text(text.replace("Oslo", "Oslo kommune", 1), encoding="utf-8")
    run = run_cli("check", env={"OSLO_FLYTTING_DATA": str(target)})
    assert run.rc == 1
    assert "git checkout -- data/city_flows.csv" in run.err
    assert f"python -m helpers import-shared {target}" in run.err
    assert run_cli("--data", str(target), "import-shared", str(target)).rc == 0
    assert run_cli("check", env={"OSLO_FLYTTING_DATA": str(target)}).rc == 0
