"""`make data` against a local fake statbank: wall time and peak memory of one full refresh.

The fake (tests/support/pxfake.py, 127.0.0.1 only) serves every declared table from the hand-built
fixtures, with 13864's destinations widened to 1 300 municipality codes (about the size of
SSB's list, fake values) so the largest answer has a realistic size. The refresh runs into
a temporary copy of data/, in a child process whose peak RSS is read with getrusage.

Targets: wall time ≤ 60 s, peak memory ≤ 600 MB.
"""

from __future__ import annotations

import copy
import os
import resource
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "tests"))

from support.pxfake import HANDBUILT, fake_server  # noqa: E402

TARGET_SECONDS, TARGET_MB = 60.0, 600.0


def widened_13864() -> tuple[dict, dict]:
    """13864 with 1 300 destination codes: its metadata and a whole-table data document."""
    meta, data = copy.deepcopy(HANDBUILT["13864"]["meta"]), copy.deepcopy(HANDBUILT["13864"]["data"])
    codes = {f"{9000 + i:04d}": f"Kommune {i} (fake)" for i in range(1300)}
    for doc in (meta, data):
        cat = doc["dimension"]["TilflyttRegion"]["category"]
        cat["index"], cat["label"] = {c: i for i, c in enumerate(codes)}, codes
        doc["size"][doc["id"].index("TilflyttRegion")] = len(codes)
    cells = 1
    for n in data["size"]:
        cells *= n
    data["value"], data["status"] = [1000 + i for i in range(cells)], {}
    return meta, data


def main() -> int:
    meta, data = widened_13864()
    with (
        tempfile.TemporaryDirectory() as tmp,
        fake_server("fixtures", {"13864": meta}, {"13864": data}) as (url, log),
    ):
        target = Path(tmp) / "data"
        shutil.copytree(ROOT / "data", target)
        env = {k: v for k, v in os.environ.items() if k != "OSLO_FLYTTING_DATA"}
        env.update(SSB_API_URL=url, OSLO_FLYTTING_DATA=str(target), SSB_STATE_DIR=str(Path(tmp) / "state"))
        t0 = time.perf_counter()
        proc = subprocess.run(
            [sys.executable, "-m", "helpers", "refresh"], cwd=ROOT, env=env, capture_output=True, text=True
        )
        seconds = time.perf_counter() - t0
        peak_mb = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024
        rows = sum(1 for p in target.glob("ssb_*.csv") for _ in p.open(encoding="utf-8")) - len(
            list(target.glob("ssb_*.csv"))
        )
    if proc.returncode != 0:
        print(proc.stderr, file=sys.stderr)
        return 1
    print(f"\nRefresh benchmark: {len(log)} requests to a local fake, {rows} rows written")
    print(f"{'measure':38} {'value':>10}  {'target':12} result")
    for name, value, unit, target_value in (
        ("wall time", seconds, "s", TARGET_SECONDS),
        ("peak memory (RSS)", peak_mb, "MB", TARGET_MB),
    ):
        print(
            f"{name:38} {value:8.1f} {unit:2}  ≤ {target_value:g} {unit:5} {'ok' if value <= target_value else 'OVER'}"
        )
    return 0 if seconds <= TARGET_SECONDS and peak_mb <= TARGET_MB else 1


if __name__ == "__main__":
    sys.exit(main())
