"""Every figure a chapter shows when it runs as a notebook (as in JupyterLab, `make lab`)
is the compiled figure the page draws: Vega compiled by the book's Vega-Lite, under
Vega's MIME type, so JupyterLab's own older Vega-Lite never redraws it, and no point
drawn where the data have no number (issue 18, «One figure, everywhere»). On the snapshot the
chapters ran in the book build: their executed notebooks are read (support.built), no kernel
starts, and a stale build fails the test."""

from __future__ import annotations

from pathlib import Path

import pytest
from support.built import built_chapter
from support.vegacheck import points_where_data_have_none

from helpers.figures.figure import VEGA_MIME
from helpers.figures.render import MIME_TYPE

ROOT = Path(__file__).resolve().parents[2]
CHAPTERS = sorted(
    p for p in (ROOT / "notebooks").glob("*.md") if "kernelspec:" in p.read_text(encoding="utf-8")
)


@pytest.mark.parametrize("chapter", CHAPTERS, ids=lambda p: p.stem)
def test_every_figure_output_is_compiled_vega_without_points_for_missing_values(chapter):
    shown = built_chapter(chapter)
    figures = {name: out for name, out in shown.items() if MIME_TYPE in out}
    problems = []
    for name, out in figures.items():
        vegalite = [m for m in out if "vegalite" in m]
        if vegalite:
            problems.append(
                f"{name}: carries {vegalite}, which JupyterLab would compile with its own Vega-Lite"
            )
        spec = out.get(VEGA_MIME)
        if not isinstance(spec, dict) or "marks" not in spec:
            problems.append(f"{name}: no compiled Vega under {VEGA_MIME}")
            continue
        problems += [f"{name}: {p}" for p in points_where_data_have_none(spec)]
        # The figure stands alone: its title and source are drawn in; the SVG stays as fallback.
        drawn = str(spec.get("title", ""))
        # «Kilde: …», or «Svakere kilde: …» when every source is a weaker one.
        if "Kilde:" not in drawn and "Svakere kilde:" not in drawn:
            problems.append(f"{name}: the notebook figure does not name its source")
        if not str(out.get("image/svg+xml", "")).lstrip().startswith("<svg"):
            problems.append(f"{name}: no static SVG fallback")
    assert not problems, "\n".join(problems)
