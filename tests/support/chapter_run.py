"""Run a chapter against a copy of the data package with a hand-made resource added.

Used to test that a chapter draws a figure, without edits, once a refresh has added a
table the snapshot lacks. The added resource is a HAND-MADE FIXTURE (tests/fixtures/
handmade-*.csv, obviously fake values), never data, and lives only in a temporary folder.
"""

import json
import shutil
from pathlib import Path

from helpers.store.package import describe_csv
from helpers.store.paths import data_dir


def package_with(tmp_path: Path, fixture: Path, resource: str) -> Path:
    """A copy of data/ with one hand-made resource added, hash and schema included."""
    target = tmp_path / "data"
    shutil.copytree(data_dir(), target)
    dst = target / f"{resource}.csv"
    shutil.copyfile(fixture, dst)
    package = json.loads((target / "datapackage.json").read_text(encoding="utf-8"))
    described = describe_csv(
        dst,
        resource,
        "hand-made test fixture, not data",
        [{"title": "hand-made test fixture, not data", "path": f"tests/fixtures/{fixture.name}"}],
        "hand-made test fixture",
    )
    # A refreshed resource carries its SSB provenance; the fixture says plainly what it is.
    described["ssb"] = {
        "table": resource.split("_")[1],
        "query": "hand-made test fixture, not data",
        "request": "none (hand-made test fixture)",
    }
    package["resources"].append(described)
    (target / "datapackage.json").write_text(
        json.dumps(package, ensure_ascii=False, indent=2), encoding="utf-8"
    )
    return target


def run_chapter(path: Path) -> dict[str, dict]:
    """Execute a chapter as the book build does (cwd = notebooks/); glued outputs by name,
    each as {mimetype: content}."""
    import jupytext
    from nbclient import NotebookClient

    nb = jupytext.read(path)
    NotebookClient(
        nb, timeout=180, kernel_name="python3", resources={"metadata": {"path": str(path.parent)}}
    ).execute()
    prefix = "application/papermill.record/"
    glued = {}
    for cell in nb.cells:
        for out in cell.get("outputs", []):
            name = out.get("metadata", {}).get("scrapbook", {}).get("name")
            if name:
                glued[name] = {k.removeprefix(prefix): v for k, v in out["data"].items()}
    return glued
