"""Numbers in the text carry their rows from the data package, and follow the data: on a
copy of the package with one row changed, the rows and the arithmetic of the explanation
change with it (helpers.analysis.opphav, helpers.prose.forklaring)."""

import json
import shutil

import pytest

from helpers.analysis import facts
from helpers.catalog.registry import load
from helpers.prose.forklaring import beskrivelse
from helpers.prose.norsk import prosent, tall
from helpers.store.package import sha256
from helpers.store.paths import ENV_VAR, data_dir


def _explain(frame):
    ut = facts.serie(frame, "Oslo", "utflytting_innenlands")
    e = facts.endring(ut, 2019, 2020)
    rate = facts.per_1000_serie(frame, "Oslo", "utflytting_innenlands")
    return (
        ut,
        beskrivelse(tall(e["diff"])),
        beskrivelse(prosent(e["prosent"])),
        beskrivelse(tall(rate[2020], 1)),
    )


def test_snapshot_numbers_know_their_rows_and_sources():
    byer = load("storbyer")
    ut, diff, pst, rate = _explain(byer)
    assert diff["tekst"] == tall(ut[2020] - ut[2019])
    assert {r["periode"] for r in diff["rader"]} == {"2019", "2020"}
    assert all(r["kilde"].startswith("https://") and r["utgiver"] for r in diff["rader"] + rate["rader"])
    # The rows are the rows of the data package, with their published value.
    row = byer[
        (byer["region"] == "Oslo") & (byer["serie"] == "utflytting_innenlands") & (byer["aar"] == 2020)
    ].iloc[0]
    assert any(
        r["kilde"] == row["kilde"] and r["verdi"].startswith(str(tall(row["verdi"]))) for r in diff["rader"]
    )
    assert rate["regning"][-1].endswith("= " + rate["tekst"])
    assert pst["regning"][-1].endswith("= " + pst["tekst"].removesuffix("\u00a0prosent"))


@pytest.fixture
def changed_package(tmp_path, monkeypatch):
    """A copy of data/ where Oslo's domestic out-migration in 2020 is 40 000."""
    target = tmp_path / "data"
    shutil.copytree(data_dir(), target)
    package = json.loads((target / "datapackage.json").read_text(encoding="utf-8"))
    for res in package["resources"]:
        path = target / res["path"]
        if res["name"] != "city_flows":
            continue
        lines = path.read_text(encoding="utf-8").splitlines(keepends=True)
        changed = [
            line.replace(",utflytting_innenlands,36076,", ",utflytting_innenlands,40000,")
            if line.startswith("0301,Oslo,") and ",2020,utflytting_innenlands,36076," in line
            else line
            for line in lines
        ]
        assert changed != lines
        path.write_text("".join(changed), encoding="utf-8")
        res["hash"] = f"sha256:{sha256(path)}"
        res["bytes"] = path.stat().st_size
    (target / "datapackage.json").write_text(
        json.dumps(package, ensure_ascii=False, indent=2), encoding="utf-8"
    )
    monkeypatch.setenv(ENV_VAR, str(target))
    return target


def test_changed_row_changes_rows_and_arithmetic(changed_package):
    byer = load("storbyer")
    ut, diff, pst, rate = _explain(byer)
    assert ut[2020] == 40000
    assert diff["tekst"] == tall(40000 - ut[2019])
    assert diff["regning"] == [f"40\u00a0000 − {tall(ut[2019])} = {tall(40000 - ut[2019])}"]
    assert "40\u00a0000\u00a0personer" in [r["verdi"] for r in diff["rader"]]
    assert rate["regning"][-1].startswith("40\u00a0000 / ")
    assert rate["tekst"] == tall(
        40000 / float(rate["regning"][0].rsplit("= ", 1)[1].replace("\u00a0", "")) * 1000, 1
    )
    assert pst["regning"][0].startswith(f"(40\u00a0000 − {tall(ut[2019])})")
