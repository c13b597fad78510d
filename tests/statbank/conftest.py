"""Shared by the statbank tests: a copy of data/, its bytes, and the CLI run in a measured child."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT / "tests"))  # pxfake, written once for every test level

# Run the CLI in a child of a small wrapper, so RUSAGE_CHILDREN is that one run's peak memory.
_WRAPPER = """
import resource, subprocess, sys, json, time
t = time.monotonic()
p = subprocess.run(sys.argv[1:], capture_output=True, text=True)
print(json.dumps({"rc": p.returncode, "out": p.stdout, "err": p.stderr, "seconds": time.monotonic() - t,
                  "maxrss_kb": resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss}))
"""


@dataclass
class Run:
    rc: int
    out: str
    err: str
    seconds: float
    peak_mb: float

    @property
    def failure(self) -> str:
        lines = [line for line in self.err.splitlines() if line.startswith("FEIL:")]
        return lines[0] if lines else ""


def run_cli(*args: str, env: dict | None = None, timeout: float = 120) -> Run:
    full = {k: v for k, v in os.environ.items() if k != "OSLO_FLYTTING_DATA"}
    full.update({"PYTHONUNBUFFERED": "1", **(env or {})})
    proc = subprocess.run(
        [sys.executable, "-c", _WRAPPER, sys.executable, "-m", "helpers", *args],
        cwd=ROOT,
        env=full,
        capture_output=True,
        text=True,
        timeout=timeout,
    )
    res = json.loads(proc.stdout)
    return Run(res["rc"], res["out"], res["err"], res["seconds"], res["maxrss_kb"] / 1024)


def contents(folder: Path) -> dict[str, bytes]:
    return {p.name: p.read_bytes() for p in sorted(folder.iterdir()) if p.is_file()}


@pytest.fixture
def target(tmp_path) -> Path:
    """A copy of the committed data package to refresh into."""
    data = tmp_path / "repo" / "data"
    shutil.copytree(ROOT / "data", data)
    return data


@pytest.fixture
def state(tmp_path) -> Path:
    folder = tmp_path / "state"
    folder.mkdir()
    return folder


@pytest.fixture
def quick(state):
    """Settings that make every wait in a failing refresh short."""
    return {
        "SSB_MAX_RETRIES": "1",
        "SSB_BACKOFF": "0.05",
        "SSB_TIMEOUT": "2",
        "SSB_REQUEST_SECONDS": "3",
        "SSB_MAX_WAIT": "5",
        "SSB_STATE_DIR": str(state),
    }


def staging_left() -> list[Path]:
    import tempfile

    return list(ROOT.glob(".staging-*")) + list(Path(tempfile.gettempdir()).glob("oslo-flytting-staging-*"))
