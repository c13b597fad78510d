"""The import contract of the layers (pyproject.toml, [tool.importlinter]): it holds on
the repository, and it catches an upward import, also one hidden inside a function."""

import os
import shutil
import subprocess
import sys
from pathlib import Path

from support import ROOT

LINT = Path(sys.executable).parent / "lint-imports"


def lint(root: Path) -> subprocess.CompletedProcess:
    # PYTHONPATH first: `helpers` is imported from root/src, not from the editable install.
    env = {**os.environ, "PYTHONPATH": str(root / "src")}
    return subprocess.run(
        [str(LINT), "--no-cache", "--config", str(root / "pyproject.toml")],
        cwd=root,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
    )


def copy_of_package(tmp_path: Path) -> Path:
    shutil.copytree(
        ROOT / "src" / "helpers", tmp_path / "src" / "helpers", ignore=shutil.ignore_patterns("__pycache__")
    )
    shutil.copy(ROOT / "pyproject.toml", tmp_path / "pyproject.toml")
    return tmp_path


def test_the_layers_hold():
    done = lint(ROOT)
    assert done.returncode == 0, done.stdout + done.stderr
    assert "0 broken" in done.stdout


def test_an_upward_import_inside_a_function_breaks_the_contract(tmp_path):
    root = copy_of_package(tmp_path)
    paths = root / "src" / "helpers" / "store" / "paths.py"
    paths.write_text(
        paths.read_text(encoding="utf-8") + "\n\ndef _planted():\n    from helpers.figures import figure\n",
        encoding="utf-8",
    )
    done = lint(root)
    assert done.returncode != 0
    assert "helpers.store.paths -> helpers.figures.figure" in done.stdout, done.stdout


def test_analysis_and_statbank_stay_apart(tmp_path):
    root = copy_of_package(tmp_path)
    facts = root / "src" / "helpers" / "analysis" / "facts.py"
    facts.write_text(
        facts.read_text(encoding="utf-8") + "\nimport helpers.statbank.client\n", encoding="utf-8"
    )
    assert lint(root).returncode != 0
