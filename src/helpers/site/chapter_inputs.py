"""The Sphinx extension that re-runs a chapter when what it used changed (in _config.yml).

Sphinx re-reads a chapter only when its own text changes. Each chapter's kernel records
which helpers modules and which files in data/ it used (`load_ipython_extension`), and a
chapter is read and executed again when one of those changes; an edit to a module no
chapter imports re-runs nothing. The kernels are quiet: their "running over TCP without
encryption" warning (they listen on 127.0.0.1 only) is dropped, and each is killed once
its page is read instead of asked to exit.
"""

from __future__ import annotations

import hashlib
import json
import logging
import os
import sys
from pathlib import Path

DEPS_DIR = ".chapter-inputs"


# Set in the Sphinx process while it reads a chapter; the chapter's kernel inherits them.
ENV_CHAPTER, ENV_DEPS, ENV_ROOT = "OSLO_BUILD_CHAPTER", "OSLO_BUILD_INPUTS", "OSLO_BUILD_ROOT"


PACKAGE = "datapackage.json"


KERNEL_CONFIG = """\
# Written by helpers.site.chapter_inputs for the book's kernels (IPYTHONDIR=_build/.ipython); not edited.
import logging


class _LocalOnly(logging.Filter):
    # The kernels listen on 127.0.0.1 only, for the build that started them.
    def filter(self, record):
        return "without encryption" not in record.getMessage()


logging.getLogger("IPKernelApp").addFilter(_LocalOnly())
c.InteractiveShellApp.extensions = ["helpers.site.chapter_inputs"]
c.HistoryManager.enabled = False
"""


def _relative(root: Path, path: str) -> str:
    resolved = Path(path).resolve()
    return resolved.relative_to(root).as_posix() if resolved.is_relative_to(root) else str(resolved)


def load_ipython_extension(ipython) -> None:
    """In a chapter's kernel during the build: record the helpers modules and data files used."""
    chapter, folder, root = (os.environ.get(k) for k in (ENV_CHAPTER, ENV_DEPS, ENV_ROOT))
    if not (chapter and folder and root):
        return
    root_path = Path(root)
    data = str(root_path / "data") + os.sep
    opened: set[str] = set()

    def audit(event: str, args: tuple) -> None:
        if event == "open" and isinstance(args[0], (str, Path)):
            path = os.path.abspath(args[0])
            if path.startswith(data):
                opened.add(path)

    sys.addaudithook(audit)
    target = Path(folder) / f"{chapter}.json"

    def record(*_args) -> None:
        modules = sorted(
            _relative(root_path, str(module.__file__))
            for name, module in list(sys.modules.items())
            if (name == "helpers" or name.startswith("helpers."))
            and name != __name__  # the recorder itself computes nothing a chapter shows
            and getattr(module, "__file__", None)
        )
        target.parent.mkdir(parents=True, exist_ok=True)
        used = {"modules": modules, "data": sorted(_relative(root_path, p) for p in opened)}
        target.write_text(json.dumps(used, indent=1), encoding="utf-8")

    ipython.events.register("post_run_cell", record)


def _package_part(path: Path, data_files: list[str]) -> bytes:
    """What of datapackage.json a chapter depends on: the entries of the resources it read,
    and which resources exist (a chapter may take another path when one is added)."""
    package = json.loads(path.read_text(encoding="utf-8"))
    names = {Path(f).name for f in data_files}
    resources = package.get("resources", [])
    part = {
        "package": {k: v for k, v in package.items() if k != "resources"},
        "names": sorted(r.get("name", "") for r in resources),
        "read": [r for r in resources if Path(str(r.get("path", ""))).name in names],
    }
    return json.dumps(part, sort_keys=True).encode()


def input_hashes(root: Path, used: dict) -> dict[str, str]:
    hashes = {}
    for rel in used.get("modules", []) + used.get("data", []):
        path = root / rel
        if not path.is_file():
            hashes[rel] = "mangler"
        elif path.name == PACKAGE:
            hashes[rel] = hashlib.sha256(_package_part(path, used.get("data", []))).hexdigest()
        else:
            hashes[rel] = hashlib.sha256(path.read_bytes()).hexdigest()
    return hashes


def _record_path(app, docname: str) -> Path:
    return Path(app.outdir).parent / DEPS_DIR / f"{docname}.json"


def _kernel_settings(app) -> None:
    root = Path(app.srcdir).resolve()
    profile = Path(app.outdir).parent / ".ipython" / "profile_default"
    profile.mkdir(parents=True, exist_ok=True)
    config = profile / "ipython_kernel_config.py"
    if not config.is_file() or config.read_text(encoding="utf-8") != KERNEL_CONFIG:
        config.write_text(KERNEL_CONFIG, encoding="utf-8")
    os.environ.update(
        {
            "IPYTHONDIR": str(profile.parent),
            ENV_DEPS: str(Path(app.outdir).parent / DEPS_DIR),
            ENV_ROOT: str(root),
        }
    )


def _name_the_chapter(app, docname: str, source: list[str]) -> None:
    os.environ[ENV_CHAPTER] = docname


def _stale(app, docname: str) -> str | None:
    """Why a chapter must be read and executed again, or None."""
    path = _record_path(app, docname)
    if not path.is_file():
        return "ingen oversikt over hva kapitlet bruker"
    record = json.loads(path.read_text(encoding="utf-8"))
    if "hashes" not in record:
        return "forrige bygg av kapitlet ble ikke ferdig"
    now = input_hashes(Path(app.srcdir).resolve(), record)
    changed = sorted(rel for rel in now if now[rel] != record["hashes"].get(rel))
    if changed:
        return "endret: " + ", ".join(changed[:3]) + (" …" if len(changed) > 3 else "")
    return None


def _outdated_by_inputs(app, env, added, changed, removed) -> list[str]:
    logger = logging.getLogger("sphinx.helpers.site.chapter_inputs")
    stale: list[str] = []
    outdated: list[str] = []
    for docname in sorted(env.found_docs):
        reason = _stale(app, docname)
        if not reason:
            continue
        stale.append(docname)
        if docname not in added and docname not in changed and docname not in removed:
            # Sphinx's "updating environment:" is still on its line: start a new one.
            prefix = "" if outdated else "\n"
            outdated.append(docname)
            logger.info("%s[bygg] %s kjøres på nytt (%s)", prefix, docname, reason)
    # Cached mode: a stale chapter must not be served from the execution cache, which knows
    # only the chapter's own code; this holds for chapters Sphinx re-reads anyway, too.
    if stale and app.config.nb_execution_mode == "cache":
        from jupyter_cache import get_cache

        paths = {str(Path(env.doc2path(d)).resolve()) for d in stale}
        cache = get_cache(app.config.nb_execution_cache_path or Path(app.outdir).parent / ".jupyter_cache")
        for cached in cache.list_cache_records():
            if str(Path(cached.uri).resolve()) in paths:
                cache.remove_cache(cached.pk)
    return outdated


def _runs_code(env, docname: str) -> bool:
    try:
        return "{code-cell}" in Path(env.doc2path(docname)).read_text(encoding="utf-8")
    except OSError:
        return False


def _kernels_first(env, docnames: list[str]) -> None:
    """Order the pages to read so the ones that start a kernel come first (in place).

    Sphinx deals the list out in fixed chunks, in order, to its parallel readers; sorted by
    name, one reader got five chapters and the other three plus the prose pages, and the
    build waited seconds for the first. With the kernels first the chunks are even, and the
    cheap pages go last, to whichever reader is free.
    """
    docnames.sort(key=lambda name: not _runs_code(env, name))


def _remember_reading(app, env, docnames: list[str]) -> None:
    _kernels_first(env, docnames)
    app._helpers_reading = list(docnames)
    for docname in docnames:
        # Without hashes the record marks a build not yet finished; the modules and data it
        # lists stay for a chapter served from the execution cache (its code is unchanged).
        path = _record_path(app, docname)
        if path.is_file():
            used = json.loads(path.read_text(encoding="utf-8"))
            used.pop("hashes", None)
            path.write_text(json.dumps(used, indent=1), encoding="utf-8")


def _store_hashes(app, exception) -> None:
    if exception is not None or app.statuscode or getattr(app, "_warncount", 0):
        return
    root = Path(app.srcdir).resolve()
    for docname in getattr(app, "_helpers_reading", []):
        path = _record_path(app, docname)
        used = json.loads(path.read_text(encoding="utf-8")) if path.is_file() else {}
        used["hashes"] = input_hashes(root, used)
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(json.dumps(used, indent=1), encoding="utf-8")


class _NoParserConfig(logging.Filter):
    """myst and myst-nb print their whole configuration (two screens) on every build."""

    def filter(self, record: logging.LogRecord) -> bool:
        return "ParserConfig(" not in record.getMessage()


def _stop_kernels_at_once() -> None:
    """Kill each chapter's kernel when its page is read, instead of asking it to exit.

    myst-nb's inline client leaves nbclient's default, a graceful shutdown, which waited
    1-1.6 s per kernel here while the exiting kernel tore down pandas and Altair. Nothing is
    left to do in the kernel then: a chapter's record of its inputs is written after each
    cell, and figures are cached while the cell runs.
    """
    from myst_nb.core.execute import inline
    from traitlets import Enum

    client = inline.ModifiedNotebookClient
    if client.class_traits()["shutdown_kernel"].default_value == "immediate":
        return
    inline.ModifiedNotebookClient = type(
        client.__name__,
        (client,),
        {"shutdown_kernel": Enum(["graceful", "immediate"], default_value="immediate")},
    )


def setup(app) -> dict:
    _stop_kernels_at_once()
    for name in ("sphinx.myst_parser.sphinx_ext.main", "sphinx.myst_nb.sphinx_ext"):
        logging.getLogger(name).addFilter(_NoParserConfig())
    app.connect("builder-inited", _kernel_settings)
    app.connect("source-read", _name_the_chapter)
    app.connect("env-get-outdated", _outdated_by_inputs)
    app.connect("env-before-read-docs", _remember_reading)
    app.connect("build-finished", _store_hashes)
    return {"parallel_read_safe": True, "parallel_write_safe": True}
