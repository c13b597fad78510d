"""`python -m helpers build`: the book built the strict way, one build at a time, and the
failing chapter and cell said plainly.

`build()` runs `jupyter-book build --warningiserror --keep-going` with parallel readers,
under a lock in _build so a second build (make book during make preview) waits for the
first. Which chapters run again is decided by the Sphinx extension
helpers.site.chapter_inputs (listed in _config.yml).
"""

from __future__ import annotations

import contextlib
import io
import os
import re
import sys
import time
from pathlib import Path

ANSI = re.compile(r"\x1b\[[0-9;]*m")
LOCK_NAME = ".build.lock"
# How long a second build waits for the first; a full build here takes 1-3 minutes.
LOCK_WAIT = float(os.environ.get("BUILD_LOCK_WAIT", "900"))


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


# -- one build at a time ----------------------------------------------------------------------


@contextlib.contextmanager
def exclusive(root: Path, wait: float = LOCK_WAIT):
    """Hold _build/.build.lock for the build; a second build waits, bounded, then goes on.

    The lock is the kernel's (flock): a build that crashes or is killed releases it. The
    file names the holder so the one waiting can say who it waits for.
    """
    import fcntl

    path = root / "_build" / LOCK_NAME
    path.parent.mkdir(parents=True, exist_ok=True)
    fd = os.open(path, os.O_RDWR | os.O_CREAT, 0o644)
    try:
        deadline = time.monotonic() + wait
        told = False
        while True:
            try:
                fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
                break
            except BlockingIOError:
                holder = path.read_text(encoding="utf-8", errors="replace").strip() or "ukjent"
                if time.monotonic() >= deadline:
                    raise TimeoutError(
                        f"{path}: et annet bygg ({holder}) holdt fortsatt låsen etter {wait:.0f} s"
                    ) from None
                if not told:
                    print(f"[bygg] venter på et annet bygg: {holder}", file=sys.stderr, flush=True)
                    told = True
                time.sleep(0.5)
        if told:
            print("[bygg] det andre bygget er ferdig; bygger", file=sys.stderr, flush=True)
        os.ftruncate(fd, 0)
        os.pwrite(fd, f"pid {os.getpid()}, startet {time.strftime('%H:%M:%S')}\n".encode(), 0)
        yield
    finally:
        with contextlib.suppress(OSError):
            os.ftruncate(fd, 0)
        os.close(fd)


# -- which inputs each chapter used -----------------------------------------------------------


# -- the build --------------------------------------------------------------------------------


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
    sys.modules.setdefault("rfc3987_syntax", None)  # type: ignore[arg-type]  # None: "not importable"
    # sphinxext-opengraph prints "matplotlib is not installed" on import; social cards are
    # switched off in _config.yml, so the line says nothing.
    with contextlib.redirect_stdout(io.StringIO()):
        import sphinxext.opengraph  # noqa: F401
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
    try:
        with exclusive(root):
            started = time.time()
            returncode = _sphinx(root, jobs=jobs or os.cpu_count() or 1)
    except TimeoutError as exc:
        print(f"FEIL: {exc}", file=sys.stderr)
        return 1
    if returncode != 0:
        for message in failed_cells(root, started):
            print("\n" + "=" * 79 + "\n" + message, file=sys.stderr)
    return returncode


if __name__ == "__main__":
    sys.exit(build(Path(sys.argv[1]) if len(sys.argv) > 1 else Path(".")))
