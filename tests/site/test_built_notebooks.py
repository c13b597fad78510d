"""Tests on the snapshot read the notebooks the build executed (support.built) instead of
starting kernels again; a stale build must fail them, never pass silently."""

import json
import shutil

import pytest
from support import ROOT, SITE
from support.built import built_chapter, stale_reason

from helpers.site.chapter_inputs import DEPS_DIR

CHAPTER = "notebooks/08-oppsummering"


@pytest.fixture
def book(site, tmp_path):
    """A copy of the book with one chapter's build: its source, executed notebook, the
    build's record of what it read, and the modules and data that record names."""
    root = tmp_path / "bok"
    build = SITE.parent
    record = json.loads((build / DEPS_DIR / f"{CHAPTER}.json").read_text(encoding="utf-8"))
    for rel in [f"{CHAPTER}.md", *record["modules"], *record["data"]]:
        (root / rel).parent.mkdir(parents=True, exist_ok=True)
        shutil.copy2(ROOT / rel, root / rel)
    for rel in (f"jupyter_execute/{CHAPTER}.ipynb", f"{DEPS_DIR}/{CHAPTER}.json"):
        (root / "_build" / rel).parent.mkdir(parents=True, exist_ok=True)
        shutil.copy2(build / rel, root / "_build" / rel)
    return root


def test_the_build_in_use_is_current():
    # make test builds first; a stale _build/ fails here and in every test that reads it.
    assert stale_reason(ROOT / f"{CHAPTER}.md") is None


def test_a_changed_code_cell_makes_the_build_stale(book):
    source = book / f"{CHAPTER}.md"
    assert stale_reason(source, book) is None
    source.write_text(source.read_text(encoding="utf-8") + "\n```{code-cell} ipython3\nx = 1\n```\n")
    assert stale_reason(source, book) == f"{CHAPTER}.md: changed since the build"


def test_a_changed_module_or_data_file_makes_the_build_stale(book):
    source = book / f"{CHAPTER}.md"
    record = json.loads((book / "_build" / DEPS_DIR / f"{CHAPTER}.json").read_text(encoding="utf-8"))
    module = book / record["modules"][-1]
    module.write_text(module.read_text(encoding="utf-8") + "\n# endret\n", encoding="utf-8")
    assert stale_reason(source, book) == f"{CHAPTER}.md: built before a change to {record['modules'][-1]}"
    shutil.copy2(ROOT / record["modules"][-1], module)
    csv = next(rel for rel in record["data"] if rel.endswith(".csv"))
    (book / csv).write_bytes((book / csv).read_bytes() + b"\n")
    assert "built before a change to " + csv in stale_reason(source, book)


def test_an_unfinished_or_missing_build_is_stale(book):
    source = book / f"{CHAPTER}.md"
    inputs = book / "_build" / DEPS_DIR / f"{CHAPTER}.json"
    record = json.loads(inputs.read_text(encoding="utf-8"))
    inputs.write_text(json.dumps({k: v for k, v in record.items() if k != "hashes"}), encoding="utf-8")
    assert "did not finish" in stale_reason(source, book)
    (book / "_build" / "jupyter_execute" / f"{CHAPTER}.ipynb").unlink()
    assert "no executed notebook" in stale_reason(source, book)


def test_built_chapter_is_for_the_snapshot_only(monkeypatch, tmp_path):
    monkeypatch.setenv("OSLO_FLYTTING_DATA", str(tmp_path))
    with pytest.raises(RuntimeError, match="run_chapter"):
        built_chapter(ROOT / f"{CHAPTER}.md")
