"""Build the book the strict way, and say plainly which chapter and cell failed.

Jupyter Book only points at a log file when a cell fails; readers of CI output
should see the notebook, the cell's code and the error right away.
"""

from __future__ import annotations

import hashlib
import os
import re
import shutil
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


def inputs_fingerprint(root: Path) -> str:
    """A hash of what chapters compute from but Sphinx does not track: the data and the helpers.

    Jupyter Book re-executes a chapter only when its own cells change. After `make data` or
    an edit in src/helpers the cached outputs would silently keep the old numbers.
    """
    h = hashlib.sha256()
    files = sorted((root / "data").glob("*")) + sorted((root / "src" / "helpers").rglob("*.py"))
    for path in files:
        if path.is_file():
            h.update(str(path.relative_to(root)).encode())
            h.update(path.read_bytes())
    return h.hexdigest()


def forget_stale_outputs(root: Path) -> None:
    stamp = root / "_build" / ".inputs-fingerprint"
    current = inputs_fingerprint(root)
    if stamp.is_file() and stamp.read_text() == current:
        return
    # Dropping the execution cache and the doctrees makes Sphinx re-read, and myst-nb
    # re-execute, every chapter: slower once, but never a page with stale numbers.
    for cached in ("_build/.jupyter_cache", "_build/.doctrees"):
        shutil.rmtree(root / cached, ignore_errors=True)


def remember_inputs(root: Path) -> None:
    stamp = root / "_build" / ".inputs-fingerprint"
    stamp.parent.mkdir(parents=True, exist_ok=True)
    stamp.write_text(inputs_fingerprint(root))


def _create_execution_cache(root: Path) -> None:
    """Create myst-nb's jupyter-cache database before Sphinx forks its readers.

    Otherwise on a clean build two reader processes create the same SQLite tables at
    once and one fails ("table settings already exists").
    """
    from jupyter_cache import get_cache

    get_cache(root / "_build" / ".jupyter_cache").db  # noqa: B018 (creating it is the point)


def _sphinx(root: Path, jobs: int) -> int:
    """What `jupyter-book build --warningiserror --keep-going` does, plus parallel jobs.

    The CLI of Jupyter Book 1 has no -j; its build function does. Chapters are executed
    while Sphinx reads them, so parallel reading runs them on every core.
    """
    # jsonschema imports rfc3987-syntax when it is installed (JupyterLab brings it for
    # Binder), and that compiles 39 grammars: 1.1 s on every build, for IRI format checks
    # that Jupyter Book's config schema never uses. jsonschema skips it on ImportError.
    sys.modules.setdefault("rfc3987_syntax", None)
    from jupyter_book.sphinx import build_sphinx

    _create_execution_cache(root)
    result = build_sphinx(
        str(root),
        str(root / "_build" / "html"),
        use_external_toc=True,
        noconfig=True,
        path_config=str(root / "_config.yml"),
        confoverrides={"external_toc_path": str(root / "_toc.yml"), "latex_individualpages": False},
        builder="html",
        warningiserror=True,
        keep_going=True,
        jobs=jobs,
    )
    if isinstance(result, Exception):
        print(f"Bygget feilet: {result}", file=sys.stderr)
        return 1
    return int(result)


def build(root: Path = Path("."), jobs: int | None = None) -> int:
    root = root.resolve()
    forget_stale_outputs(root)
    started = time.time()
    returncode = _sphinx(root, jobs=jobs or os.cpu_count() or 1)
    if returncode != 0:
        for message in failed_cells(root, started):
            print("\n" + "=" * 79 + "\n" + message, file=sys.stderr)
    else:
        remember_inputs(root)
    return returncode


if __name__ == "__main__":
    sys.exit(build(Path(sys.argv[1]) if len(sys.argv) > 1 else Path(".")))
