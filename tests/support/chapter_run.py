"""Run a chapter against a copy of the data package with a hand-made resource added.

Used to test that a chapter draws a figure, without edits, once a refresh has added a
table the snapshot lacks. The added resource is a HAND-MADE FIXTURE (tests/fixtures/
handmade-*.csv, obviously fake values), never data, and lives only in a temporary folder.
"""

import json
import re
import shutil
from pathlib import Path

import nbformat

from helpers.store.package import describe_csv
from support.built import shown_by
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


EVAL = re.compile(r"\{eval\}`([^`]+)`")


def run_chapter(path: Path) -> dict[str, dict]:
    """Execute a chapter as a notebook (cwd = notebooks/, as the book build does) and return
    what a reader sees, each as {mimetype: content}: every {eval}`name` of its Markdown and
    captions by name, every figure by its label (mystnb.figure.name), and anything glued."""
    import jupytext
    from nbclient import NotebookClient

    nb = jupytext.read(path)
    names = sorted({n for n in EVAL.findall(path.read_text(encoding="utf-8"))})
    probe = f"import json as _j\nprint(_j.dumps({{n: str(globals()[n]) for n in {names!r}}}))"
    nb.cells.append(nbformat.v4.new_code_cell(probe))
    NotebookClient(
        nb, timeout=180, kernel_name="python3", resources={"metadata": {"path": str(path.parent)}}
    ).execute()
    shown = {n: {"text/plain": v} for n, v in json.loads(nb.cells.pop()["outputs"][0]["text"]).items()}
    return shown | shown_by(nb.cells)


def figure_html(out: dict) -> str:
    """A glued figure as the site renders it (helpers.site.vega), from its MIME data."""
    from helpers.figures.render import MIME_TYPE
    from helpers.site.vega import figure_html as render

    return render(out[MIME_TYPE], lambda name: name) if MIME_TYPE in out else ""
