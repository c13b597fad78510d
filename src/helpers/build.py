"""Build the book the strict way, and say plainly which chapter and cell failed.

Jupyter Book only points at a log file when a cell fails; readers of CI output
should see the notebook, the cell's code and the error right away.
"""

from __future__ import annotations

import re
import shutil
import subprocess
import sys
import time
from pathlib import Path

ANSI = re.compile(r"\x1b\[[0-9;]*m")


def failed_cells(root: Path, since: float) -> list[str]:
    reports = root / "_build" / "html" / "reports"
    messages = []
    for log in sorted(reports.rglob("*.err.log")) if reports.is_dir() else []:
        if log.stat().st_mtime < since:
            continue
        text = ANSI.sub("", log.read_text(encoding="utf-8", errors="replace"))
        cell = text.split("CellExecutionError:", 1)[-1].strip()
        notebook = log.relative_to(reports).with_suffix("").with_suffix(".md")
        messages.append(f"Kapittel {notebook}: en celle feilet.\n{cell}")
    return messages


def build(root: Path = Path(".")) -> int:
    root = root.resolve()
    jb = shutil.which("jupyter-book", path=str(Path(sys.executable).parent)) or "jupyter-book"
    started = time.time()
    # -W: every Sphinx warning is an error; --keep-going: report them all, then fail.
    proc = subprocess.run([jb, "build", str(root), "--warningiserror", "--keep-going"])
    if proc.returncode != 0:
        for message in failed_cells(root, started):
            print("\n" + "=" * 79 + "\n" + message, file=sys.stderr)
    return proc.returncode


if __name__ == "__main__":
    sys.exit(build(Path(sys.argv[1]) if len(sys.argv) > 1 else Path(".")))
