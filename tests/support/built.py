"""The notebooks the book build executed (_build/jupyter_execute), read instead of running a
kernel again: a test that checks what a chapter shows on the snapshot reads them; a test on
changed data still executes the chapter (support.chapter_run.run_chapter).

A stale build is never used silently: an executed notebook counts only when its cells are
the chapter's cells as they are now, and when every module and data file the chapter read
during the build (helpers.site.chapter_inputs' record in _build/.chapter-inputs) still has the hash the
build stored. Otherwise the test fails and says to build again.
"""

from __future__ import annotations

import json
import os
from pathlib import Path

import nbformat
import pytest

from support import ROOT, SITE

BUILD = SITE.parent
EXECUTED = BUILD / "jupyter_execute"
REBUILD = "run `python -m helpers build .` (make book; make test builds first)"


def _cells(cells) -> list[tuple[str, object]]:
    """The code cells: what the kernel ran (a prose change re-executes the page anyway)."""

    def text(source) -> str:
        return (source if isinstance(source, str) else "".join(source)).strip()

    return [
        (text(c["source"]), c.get("metadata", {}).get("mystnb")) for c in cells if c["cell_type"] == "code"
    ]


def stale_reason(source: Path, root: Path = ROOT) -> str | None:
    """Why the build's executed notebook of `source` (a page of the book in `root`) is not
    what the page gives now, or None when it is."""
    import jupytext

    from helpers.site.chapter_inputs import DEPS_DIR, input_hashes

    build = root / SITE.relative_to(ROOT).parent
    rel = source.resolve().relative_to(root.resolve())
    executed = build / EXECUTED.relative_to(BUILD) / rel.with_suffix(".ipynb")
    if not executed.is_file():
        return f"{rel}: no executed notebook in {executed.relative_to(root)}"
    built = nbformat.read(executed, as_version=4)
    if _cells(built["cells"]) != _cells(jupytext.read(source).cells):
        return f"{rel}: changed since the build"
    record_path = build / DEPS_DIR / rel.with_suffix(".json")
    record = json.loads(record_path.read_text(encoding="utf-8")) if record_path.is_file() else {}
    if "hashes" not in record:
        return f"{rel}: the build did not finish (no record of its inputs)"
    now = input_hashes(root, record)
    changed = sorted(name for name in now if now[name] != record["hashes"].get(name))
    if changed:
        return f"{rel}: built before a change to {', '.join(changed[:3])}" + (" …" if changed[3:] else "")
    return None


def executed_pages() -> list[Path]:
    """Every page of the book that the build runs as a notebook (it has a kernel)."""
    return sorted(
        p
        for folder in ("notebooks", "book")
        for p in (ROOT / folder).glob("*.md")
        if "kernelspec:" in p.read_text(encoding="utf-8")
    )


def fail_if_stale(pages: list[Path] | None = None) -> None:
    reasons = [r for page in pages or executed_pages() if (r := stale_reason(page))]
    if reasons:
        pytest.fail(
            "The build in _build is stale:\n  " + "\n  ".join(reasons) + f"\n{REBUILD}", pytrace=False
        )


def shown_by(cells) -> dict[str, dict]:
    """What executed cells show, each as {mimetype: content}: every figure by its label
    (mystnb.figure.name) and anything glued, by its name."""
    shown = {}
    prefix = "application/papermill.record/"
    for cell in cells:
        figure = cell.get("metadata", {}).get("mystnb", {}).get("figure", {}).get("name")
        for out in cell.get("outputs", []):
            name = out.get("metadata", {}).get("scrapbook", {}).get("name")
            if name:
                shown[name] = {k.removeprefix(prefix): v for k, v in out["data"].items()}
            elif figure and out.get("output_type") in ("display_data", "execute_result"):
                shown[figure] = dict(out["data"])
    return shown


def built_chapter(source: Path) -> dict[str, dict]:
    """The figures and glued outputs a chapter showed in the build, on the committed data.

    No {eval} values: the build's notebook keeps cell outputs only; a test that needs one
    runs the chapter (run_chapter)."""
    if os.environ.get("OSLO_FLYTTING_DATA"):
        raise RuntimeError("built_chapter is the snapshot as built; on other data use run_chapter")
    fail_if_stale([source])
    executed = EXECUTED / source.resolve().relative_to(ROOT).with_suffix(".ipynb")
    # nbformat joins the lines a notebook file stores as lists (an SVG, a long text).
    return shown_by(nbformat.read(executed, as_version=4).cells)


def built_caption(source: Path, figure: str) -> str:
    """A figure's caption as the built page shows it (its {eval}s filled in by the build),
    without the «Figur n.m» number."""
    from bs4 import BeautifulSoup

    fail_if_stale([source])
    page = SITE / source.resolve().relative_to(ROOT).with_suffix(".html")
    caption = BeautifulSoup(page.read_text(encoding="utf-8"), "html.parser").select_one(
        f"figure#{figure} figcaption .caption-text"
    )
    if caption is None:
        pytest.fail(f"{page.relative_to(ROOT)}: no figure {figure} with a caption", pytrace=False)
    return caption.get_text(" ", strip=True)
