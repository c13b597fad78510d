"""Run `python -m helpers ...` in a measured child: exit code, output, wall time, peak memory."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path

from support import ROOT

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


def staging_left(tmp: Path) -> list[Path]:
    """Staging folders left in the repository or in `tmp`, the TMPDIR the refresh ran with."""
    return list(ROOT.glob(".staging-*")) + list(tmp.glob("oslo-flytting-staging-*"))
