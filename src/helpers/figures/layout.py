"""Sizes: how wide a chart is drawn in the page, in a static image and in a download.

The page's render script (site/static/oslo-vega-render.js) reads LAYOUT from the spec's
usermeta and mirrors facet_cell_width(); the static images are drawn here at build time.
"""

from __future__ import annotations

import copy

from helpers.vocab import BAKGRUNN

# Per facet column, room for the y axis ("akse") and the gap between columns ("mellom");
# below "smal" pixels the small multiples stack in one column; "min" is the narrowest cell.
LAYOUT = {"akse": 56, "mellom": 20, "smal": 560, "min": 160}
# The static images (first view, downloads, print, no-script) are drawn at this width:
# about the width of the book's text column.
STATIC_WIDTH = 720
# ... and, for phones (the page's picture takes it below NARROW_SCREEN pixels of screen),
# at about a phone's text column: the live chart that replaces the picture is then about
# as tall as it, and the page does not jump.
NARROW_WIDTH = 360
NARROW_SCREEN = 520
BAR_STEP = 20  # pixels per bar in stolper()


def facet_cell_width(width: float, columns: int, layout: dict = LAYOUT) -> int:
    """Mirror of cellWidth() in the page's render script."""
    return max(
        layout["min"], int((width - columns * layout["akse"] - (columns - 1) * layout["mellom"]) // columns)
    )


def static_spec(spec: dict, width: int = STATIC_WIDTH, dark: bool = False) -> dict:
    """The spec as drawn into a static image: a fixed width instead of the page's, the
    light theme on white (an image should read anywhere), or the dark one on the dark
    page's background (the first view in dark mode)."""
    out = copy.deepcopy(spec)
    mode = out.get("usermeta", {}).get("oslo", {}).get("dark", {}) if dark else {}
    out["config"] = {**out.get("config", {}), **mode, "background": BAKGRUNN["mork" if dark else "lys"]}
    if "facet" in out and "spec" in out:
        layout = out.get("usermeta", {}).get("oslo", {}).get("layout", LAYOUT)
        # Narrower than the page's break point, small multiples stack as the page stacks them.
        columns = 1 if width < layout["smal"] else int(out.get("columns") or 1)
        out["columns"] = columns
        out["spec"]["width"] = facet_cell_width(width, columns, layout)
    elif out.get("width") == "container" or "width" not in out:
        # What Vega-Lite does for "container": the whole chart, axes included, fills the width.
        out["width"] = width
        out["autosize"] = {"type": "fit-x", "contains": "padding"}
    return out


def page_spec(spec: dict, dark: bool = False) -> dict:
    """The spec as compiled for the page: sized like the static image (the page's render
    script sets the width of the reader's screen on the compiled Vega), on the page's own
    background."""
    out = static_spec(spec, dark=dark)
    out["config"]["background"] = None
    return out


def wrap(text: str, limit: int) -> list[str]:
    """Lines of at most `limit` characters, broken between words: Vega draws a title's
    lines as given and never wraps them itself."""
    lines: list[str] = []
    for word in text.split():
        if lines and len(lines[-1]) + 1 + len(word) <= limit:
            lines[-1] += " " + word
        else:
            lines.append(word)
    return lines


def standalone_spec(spec: dict, *, tittel: str, undertekst: list[str], width: int = STATIC_WIDTH) -> dict:
    """The static spec with the figure's own words drawn in: a downloaded PNG or SVG must
    say what it shows and where it comes from without the page around it."""
    out = static_spec(spec, width)
    # About 7 px per character at the subtitle's size; a line must fit the image.
    limit = max(40, width // 7)
    out["title"] = {
        "text": wrap(tittel, max(30, width // 9)),
        "subtitle": [line for part in undertekst if part for line in wrap(part, limit)],
        "anchor": "start",
        "fontSize": 15,
        "subtitleFontSize": 11,
        "subtitlePadding": 6,
        "offset": 12,
    }
    return out
