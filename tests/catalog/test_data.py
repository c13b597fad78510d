import json
import shutil

import pandas as pd
import pytest

from helpers import load
from helpers.catalog import regions, sources
from helpers.store.package import SnapshotError, read_resource, sha256
from helpers.store.paths import data_dir
from helpers.store.validation import check_package


def test_committed_package_is_valid():
    assert check_package() == []


def test_every_resource_hash_matches():
    folder = data_dir()
    package = json.loads((folder / "datapackage.json").read_text())
    for res in package["resources"]:
        assert res["hash"] == "sha256:" + sha256(folder / res["path"]), res["name"]
        # SSB's CC BY 4.0 is claimed exactly where SSB published rows (refreshed ssb_* are all SSB's).
        publishers = [p["title"] for p in res.get("publishers", [{"title": "Statistisk sentralbyrå"}])]
        licences = [lic["name"] for lic in res["licenses"]]
        assert ("CC-BY-4.0" in licences) == ("Statistisk sentralbyrå" in publishers), res["name"]
        assert len(licences) == 1 + (
            set(publishers) != {"Statistisk sentralbyrå"} and "CC-BY-4.0" in licences
        )
        assert res["sources"], res["name"]


def test_storbyer_is_tidy_and_sourced():
    df = load("storbyer")
    assert {"region", "region_kode", "aar", "serie", "serie_navn", "verdi", "kilde", "grense"} <= set(
        df.columns
    )
    assert set(df["region"]) == set(regions.CITIES)
    assert df["kilde"].str.startswith("http").all()
    # one chosen value per measure
    assert not df.duplicated(["region", "aar", "serie"]).any()
    assert df["verdi"].notna().all()


def test_rule_prefers_ssb_and_keeps_the_other_as_provenance():
    alle = load("storbyer", alle_kilder=True)
    rows = alle[(alle["region"] == "Oslo") & (alle["aar"] == 2020) & (alle["serie"] == "innvandring")]
    assert sorted(rows["verdi"]) == [8730, 8731]
    chosen = rows[rows["valgt"]]
    assert chosen["verdi"].tolist() == [8731]
    assert chosen["utgiver"].tolist() == ["Statistisk sentralbyrå"]


def test_tie_without_a_decision_is_an_error():
    frame = pd.DataFrame(
        {
            "region_code": ["0301", "0301"],
            "year": [2030, 2030],
            "series": ["innvandring"] * 2,
            "value": [1.0, 2.0],
            "source_url": ["https://www.ssb.no/a", "https://www.ssb.no/b"],
        }
    )
    with pytest.raises(sources.SourceConflict, match="2030"):
        sources.choose(frame, key=["region_code", "year", "series"])


def test_boundaries_are_harmonised_by_year():
    assert regions.city_of("1201", 2019) == "Bergen"
    assert regions.city_of("4601", 2020) == "Bergen"
    with pytest.raises(ValueError):
        regions.city_of("1601", 2019)  # Trondheim was 5001 from 2018
    assert regions.boundary("Kristiansand", 2019) == "grensen før 2020"
    assert regions.boundary("Kristiansand", 2020) == "etter sammenslåingen 2020"
    df = load("storbyer")
    assert set(df.loc[df["region"] == "Trondheim", "region_kode"]) <= {"1601", "5001"}


@pytest.fixture
def broken_copy(tmp_path):
    target = tmp_path / "data"
    shutil.copytree(data_dir(), target)
    return target


def test_tampered_file_is_refused_by_name(broken_copy):
    path = broken_copy / "city_flows.csv"
    path.write_text(path.read_text().replace("36076", "36077"))
    with pytest.raises(SnapshotError, match="city_flows.csv"):
        read_resource("city_flows", broken_copy)
    assert any("city_flows" in p for p in check_package(broken_copy))


def test_non_numeric_value_is_reported_with_its_line(broken_copy, monkeypatch):
    from helpers.store import package as snapshot

    path = broken_copy / "city_flows.csv"
    text = path.read_text().replace(",36076,", ",tretti,", 1)
    path.write_text(text)
    package = json.loads((broken_copy / "datapackage.json").read_text())
    for res in package["resources"]:
        if res["name"] == "city_flows":
            res["hash"] = "sha256:" + snapshot.sha256(path)
    (broken_copy / "datapackage.json").write_text(json.dumps(package))
    with pytest.raises(SnapshotError, match=r"city_flows.csv, linje \d+"):
        read_resource("city_flows", broken_copy)


def test_data_dir_from_environment(monkeypatch, tmp_path, broken_copy):
    monkeypatch.setenv("OSLO_FLYTTING_DATA", str(broken_copy))
    assert data_dir() == broken_copy.resolve()
    monkeypatch.setenv("OSLO_FLYTTING_DATA", str(tmp_path / "nowhere"))
    with pytest.raises(FileNotFoundError):
        data_dir()


def test_data_dir_found_from_a_subfolder_without_package_file(monkeypatch):
    # Binder installs the package non-editable: the data are found from the working directory.
    monkeypatch.delenv("OSLO_FLYTTING_DATA", raising=False)
    monkeypatch.chdir(data_dir().parent / "notebooks")
    assert data_dir() == (data_dir().parent).resolve() / "data"


def test_statbank_rows_outrank_transcribed_pages_without_conflict():
    frame = pd.DataFrame(
        {
            "region_code": ["0301"] * 3,
            "year": [2020] * 3,
            "series": ["innvandring"] * 3,
            "value": [8731.0, 8730.0, 8729.0],
            "source_url": [
                "https://www.ssb.no/befolkning/side",
                "https://www.oslo.kommune.no/x",
                "https://www.ssb.no/statbank/table/01223",
            ],
            "kildetype": ["side", "side", sources.API],
        }
    )
    out = sources.choose(frame, key=["region_code", "year", "series"])
    chosen = out[out["valgt"]]
    assert chosen["value"].tolist() == [8729.0]
    assert chosen["utgiver"].tolist() == [sources.API_PUBLISHER]
    assert "foretrukket framfor" in chosen["valg_grunn"].iloc[0]
    assert len(out) == 3  # the pages stay as provenance


def test_two_statbank_rows_that_disagree_are_a_conflict():
    frame = pd.DataFrame(
        {
            "region_code": ["0301"] * 2,
            "year": [2031] * 2,
            "series": ["innvandring"] * 2,
            "value": [1.0, 2.0],
            "source_url": [
                "https://www.ssb.no/statbank/table/01223",
                "https://www.ssb.no/statbank/table/06913",
            ],
            "kildetype": [sources.API] * 2,
        }
    )
    with pytest.raises(sources.SourceConflict, match="2031"):
        sources.choose(frame, key=["region_code", "year", "series"])


def test_codes_are_only_in_use_in_their_years():
    assert regions.in_use("1201", 2019) and not regions.in_use("1201", 2020)
    assert regions.in_use("4601", 2020) and not regions.in_use("4601", 2019)
    assert regions.in_use("1601", 2017) and regions.in_use("5001", 2018)
    assert regions.in_use("1001", 2019) and regions.in_use("4204", 2020) and not regions.in_use("4204", 2019)
    assert regions.in_use("1103", 2010) and regions.in_use("1103", 2024)
    assert not regions.in_use("9999", 2020)


def test_without_a_refresh_the_optional_resources_are_simply_absent(broken_copy, monkeypatch):
    from helpers.catalog.registry import describe
    from helpers.store.package import has_resource

    ds = describe("storbyer")
    # A package as import-shared writes it: no ssb_* resources (whatever data/ holds today).
    package = json.loads((broken_copy / "datapackage.json").read_text())
    package["resources"] = [r for r in package["resources"] if not r["name"].startswith("ssb_")]
    (broken_copy / "datapackage.json").write_text(json.dumps(package))
    monkeypatch.setenv("OSLO_FLYTTING_DATA", str(broken_copy))
    assert ds.optional and not any(has_resource(r) for r in ds.optional)
    df = load("storbyer")
    assert len(df) and set(df["kilde"]).isdisjoint({q.url for q in ds.ssb})
