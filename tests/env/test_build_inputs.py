"""helpers.build: a chapter runs again only when a helpers module or data file it used
changed, and builds exclude each other (a second one waits for the first, then succeeds)."""

import json
import subprocess
import sys
import time
from types import SimpleNamespace

from support import ROOT

from helpers.site.chapter_inputs import _record_path, _stale, input_hashes


def fake_build(tmp_path):
    """A source tree with a module, two data files and a package, and one recorded chapter."""
    (tmp_path / "src").mkdir(parents=True)
    (tmp_path / "src" / "brukt.py").write_text("X = 1\n")
    (tmp_path / "src" / "ubrukt.py").write_text("Y = 1\n")
    (tmp_path / "data").mkdir()
    (tmp_path / "data" / "a.csv").write_text("aar,verdi\n2020,1\n")
    (tmp_path / "data" / "b.csv").write_text("aar,verdi\n2020,2\n")
    write_package(tmp_path, [("a", "a.csv", "h1"), ("b", "b.csv", "h2")])
    app = SimpleNamespace(srcdir=str(tmp_path), outdir=str(tmp_path / "_build" / "html"))
    used = {"modules": ["src/brukt.py"], "data": ["data/a.csv", "data/datapackage.json"]}
    used["hashes"] = input_hashes(tmp_path, used)
    path = _record_path(app, "notebooks/kap")
    path.parent.mkdir(parents=True)
    path.write_text(json.dumps(used))
    return app


def write_package(root, resources):
    package = {"name": "p", "resources": [{"name": n, "path": p, "hash": h} for n, p, h in resources]}
    (root / "data" / "datapackage.json").write_text(json.dumps(package))


def test_unchanged_inputs_and_unused_files_do_not_rerun_a_chapter(tmp_path):
    app = fake_build(tmp_path)
    assert _stale(app, "notebooks/kap") is None
    (tmp_path / "src" / "ubrukt.py").write_text("Y = 2\n")
    (tmp_path / "data" / "b.csv").write_text("aar,verdi\n2020,3\n")
    # Another resource's entry (its hash) changes with it: still not this chapter's input.
    write_package(tmp_path, [("a", "a.csv", "h1"), ("b", "b.csv", "h3")])
    assert _stale(app, "notebooks/kap") is None


def test_a_changed_module_or_data_file_reruns_the_chapter_and_says_why(tmp_path):
    app = fake_build(tmp_path)
    (tmp_path / "src" / "brukt.py").write_text("X = 2\n")
    assert _stale(app, "notebooks/kap") == "endret: src/brukt.py"
    app = fake_build(tmp_path / "igjen")
    (tmp_path / "igjen" / "data" / "a.csv").write_text("aar,verdi\n2020,9\n")
    write_package(tmp_path / "igjen", [("a", "a.csv", "h9"), ("b", "b.csv", "h2")])
    assert _stale(app, "notebooks/kap") == "endret: data/a.csv, data/datapackage.json"


def test_a_new_resource_reruns_chapters_that_read_the_package(tmp_path):
    """A chapter may draw a stand-in while a table is missing: adding it must re-run it."""
    app = fake_build(tmp_path)
    (tmp_path / "data" / "c.csv").write_text("aar,verdi\n2020,4\n")
    write_package(tmp_path, [("a", "a.csv", "h1"), ("b", "b.csv", "h2"), ("c", "c.csv", "h4")])
    assert _stale(app, "notebooks/kap") == "endret: data/datapackage.json"


def test_unrecorded_or_unfinished_chapters_run(tmp_path):
    app = fake_build(tmp_path)
    assert _stale(app, "notebooks/ny") == "ingen oversikt over hva kapitlet bruker"
    path = _record_path(app, "notebooks/kap")
    path.write_text(json.dumps({"modules": [], "data": []}))
    assert _stale(app, "notebooks/kap") == "forrige bygg av kapitlet ble ikke ferdig"


HOLD = """
import sys, time
from pathlib import Path
from helpers.build import exclusive
with exclusive(Path(sys.argv[1]), wait=float(sys.argv[2])):
    print("inne", time.monotonic(), flush=True)
    time.sleep(float(sys.argv[3]))
"""


def test_a_second_build_waits_for_the_first_then_goes_on(tmp_path):
    first = subprocess.Popen(
        [sys.executable, "-c", HOLD, tmp_path, "5", "2"], stdout=subprocess.PIPE, text=True
    )
    assert first.stdout.readline().startswith("inne")
    second = subprocess.run(
        [sys.executable, "-c", HOLD, tmp_path, "30", "0"], capture_output=True, text=True, timeout=60
    )
    first.wait(timeout=30)
    assert first.returncode == 0 and second.returncode == 0, second.stderr
    assert f"[bygg] venter på et annet bygg: pid {first.pid}" in second.stderr


def test_the_wait_is_bounded(tmp_path):
    first = subprocess.Popen(
        [sys.executable, "-c", HOLD, tmp_path, "5", "10"], stdout=subprocess.PIPE, text=True
    )
    assert first.stdout.readline().startswith("inne")
    started = time.monotonic()
    second = subprocess.run(
        [sys.executable, "-c", HOLD, tmp_path, "1", "0"], capture_output=True, text=True, timeout=60
    )
    first.kill()
    first.wait()
    assert second.returncode != 0 and time.monotonic() - started < 8
    assert "holdt fortsatt låsen etter 1 s" in second.stderr
    assert f"pid {first.pid}" in second.stderr


def test_two_make_book_at_once_both_succeed():
    """The real thing, on the built book: nothing to re-run, so each build is short."""
    runs = [
        subprocess.Popen(
            ["make", "--no-print-directory", "-C", ROOT, "-o", ".venv/.installed", "book"],
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
        )
        for _ in range(2)
    ]
    results = [run.communicate(timeout=900) for run in runs]
    assert [run.returncode for run in runs] == [0, 0], [err[-2000:] for _, err in results]
    # Unless the first was done before the second started, the second said it waited.
    assert sum("[bygg] venter på et annet bygg" in err for _, err in results) <= 1
