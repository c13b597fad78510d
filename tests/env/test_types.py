"""The type checker (mypy, pinned; pyproject.toml, [tool.mypy]) on src/helpers: `make lint`
runs it on the whole package (the `mypy` hook; tests/env/test_precommit.py runs every hook).
Here, on a copy: a module the checker passes fails once a type error is planted in it."""

import os
import shutil
import subprocess
import sys
from pathlib import Path

from support import ROOT

MYPY = Path(sys.executable).parent / "mypy"


def check(root: Path, module: str) -> subprocess.CompletedProcess:
    # One module and what it imports, with the repository's settings, in a cache of its own.
    return subprocess.run(
        [str(MYPY), "--config-file", str(root / "pyproject.toml"), str(root / "src" / module)],
        cwd=root,
        env={**os.environ, "PYTHONPATH": str(root / "src")},
        capture_output=True,
        text=True,
        timeout=300,
    )


def test_a_planted_type_error_fails_the_check(tmp_path):
    shutil.copytree(
        ROOT / "src" / "helpers", tmp_path / "src" / "helpers", ignore=shutil.ignore_patterns("__pycache__")
    )
    shutil.copy(ROOT / "pyproject.toml", tmp_path / "pyproject.toml")
    module = "helpers/store/paths.py"
    done = check(tmp_path, module)
    assert done.returncode == 0, done.stdout + done.stderr

    paths = tmp_path / "src" / module
    paths.write_text(
        paths.read_text(encoding="utf-8") + '\n\ndef _planted() -> int:\n    return "ikke et tall"\n',
        encoding="utf-8",
    )
    done = check(tmp_path, module)
    assert done.returncode != 0
    assert 'Incompatible return value type (got "str", expected "int")' in done.stdout, done.stdout
