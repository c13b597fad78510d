"""Sphinx extension: a figure's MIME data becomes a figure in the page.

A chapter's `Figur` reaches Sphinx as `application/vnd.oslo-figur+json` (see
helpers.figures.figure). myst-nb hands that output to `FigurMime` (registered as a
`myst_nb.mime_renderers` entry point), which keeps it in the doctree as a `figur` node;
the HTML writer turns the node into the page's figure: title, the static SVG as the
first view (also what shows without JavaScript and on paper), the spec for Vega, note,
source, downloads and the numbers as a table. It writes the CSV, SVG and PNG under
_static/figurer with readable names.

The spec in the page is Vega, compiled from Vega-Lite when the chapter ran
(`Figur.vega()`): the reader's browser needs Vega's runtime only, not Vega-Lite's
compiler nor vega-embed. That runtime is `static/oslo-vega-runtime.js`, trimmed to what
the book's charts use and wrapped in one function scope (its minified top-level names
would clash with Sphinx's `_` and `$`; see `runtime/build.mjs`). Pages with a figure get
only the small, deferred `oslo-vega-render.js`, which loads the runtime when the reader
comes near a chart. site/static is not the source's `_static` (Jupyter Book would add
every script there to every page): a page gets a script only by `_page_context`.
"""

from __future__ import annotations

import html
import json
import re
from pathlib import Path
from typing import Any

from docutils import nodes
from sphinx.application import Sphinx
from sphinx.util import logging
from sphinx.util.osutil import relative_uri

from helpers.figures.layout import NARROW_SCREEN
from helpers.figures.render import FIGUR_VERSJON, MIME_TYPE
from helpers.prose.tekst import MIME_SETNING, MIME_TALL

logger = logging.getLogger(__name__)

STATIC = Path(__file__).resolve().parent / "static"
FIGURE_DIR = "figurer"  # under the build's _static


class figur(nodes.General, nodes.Element):
    """One figure: its MIME data in node["data"], rendered by the HTML writer."""


class FigurMime:
    """myst-nb's hook for our MIME type (entry point group `myst_nb.mime_renderers`)."""

    # The numbers of the text come through here too (helpers.site.tallpanel): the package
    # registers one myst-nb hook, and an installed package's entry points are fixed.
    mime_priority_overrides = [("*", MIME_TYPE, 1), ("*", MIME_TALL, 2), ("*", MIME_SETNING, 3)]

    @staticmethod
    def handle_mime(renderer, data, inline):
        if data.mime_type in (MIME_TALL, MIME_SETNING):
            from helpers.site.tallpanel import handle_mime

            return handle_mime(renderer, data, inline)
        if data.mime_type != MIME_TYPE:
            return None
        content = json.loads(data.content) if isinstance(data.content, (str, bytes)) else data.content
        if content.get("versjon") != FIGUR_VERSJON:
            renderer.logger.warning(
                f"figur {content.get('ident', '?')} er laget av en eldre helpers.figures (lagret i "
                "Jupyter Books cache); kjør `make clean` og bygg på nytt",
                subtype="figur",
                line=data.line,
            )
            return []
        return [figur(data=content)]


def script_safe_json(obj) -> str:
    # JSON inside <script> must not be able to close the tag or open a comment:
    # escaping <, > and & makes "</script><script>" in a label plain data.
    text = json.dumps(obj, ensure_ascii=False, separators=(",", ":"))
    return text.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026")


def _svg_size(svg: str) -> tuple[int, int]:
    m = re.search(r'<svg[^>]*\bwidth="([\d.]+)"[^>]*\bheight="([\d.]+)"', svg)
    return (round(float(m.group(1))), round(float(m.group(2)))) if m else (0, 0)


def _write_if_changed(path: Path, data: bytes) -> None:
    if not path.is_file() or path.read_bytes() != data:
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(data)


def write_files(data: dict, outdir: Path) -> dict[str, str]:
    """The figure's files under _static/figurer, named by the figure: file name -> kind."""
    from helpers.figures.render import draw

    name = data["navn"]
    files = {
        f"{name}.csv": data["nedlasting"]["csv"].encode("utf-8"),
        f"{name}.svg": data["nedlasting"]["svg"].encode("utf-8"),
        f"{name}.png": draw(data["nedlasting"]["spec"], "png"),
        f"{name}-visning.svg": data["svg"].encode("utf-8"),
        f"{name}-visning-mork.svg": data["svg_mork"].encode("utf-8"),
        f"{name}-visning-smal.svg": data["svg_smal"].encode("utf-8"),
        f"{name}-visning-smal-mork.svg": data["svg_smal_mork"].encode("utf-8"),
    }
    for file_name, content in files.items():
        _write_if_changed(outdir / "_static" / FIGURE_DIR / file_name, content)
    return files


def table_html(tabell: dict, label: str) -> str:
    keys = tabell["radnokler"]
    head = "".join(f"<th scope='col'>{html.escape(c)}</th>" for c in tabell["kolonner"])
    rows = []
    for row in tabell["rader"]:
        cells = []
        for i, value in enumerate(row):
            if i < keys:
                cells.append(f"<th scope='row'>{html.escape(value or '')}</th>")
            elif value is None:
                cells.append("<td class='mangler'>mangler</td>")
            elif value == "":
                # A combination the data never had (a quarter no source gives, a county that
                # did not exist): a dash, read out as «ingen tall», so no value seems to sit
                # under the wrong column when a row is read aloud or copied.
                cells.append(
                    "<td class='tom'><span aria-hidden='true'>–</span>"
                    "<span class='visually-hidden'>ingen tall</span></td>"
                )
            elif tabell.get("tall", [True] * len(row))[i]:
                cells.append(f"<td class='tall'>{html.escape(value)}</td>")
            else:
                cells.append(f"<td>{html.escape(value)}</td>")
        rows.append("<tr>" + "".join(cells) + "</tr>")
    # A wide table scrolls inside its own frame, which keyboard users can then reach.
    return (
        f"<div class='oslo-tabell-ramme' tabindex='0' role='region' aria-label='{html.escape(label)}'>"
        f"<table class='oslo-tabell'><thead><tr>{head}</tr></thead><tbody>{''.join(rows)}</tbody></table></div>"
    )


def figure_html(data: dict, href, first: bool = True) -> str:
    """The figure in the page. `href(file name)` gives a file's address from this page.
    The static images of all but the page's first figure load when the reader nears them."""
    e = html.escape
    ident = data["ident"]
    name = data["navn"]
    width, height = _svg_size(data["svg"])
    narrow_w, narrow_h = _svg_size(data["svg_smal"])
    parts = [f"<div class='oslo-figur' data-figur='{e(name)}'>"]
    if data["tittel"]:
        parts.append(f"<p class='oslo-tittel'>{e(data['tittel'])}</p>")
    if data["etikett"]:
        parts.append(f"<p class='oslo-etikett'>{e(data['etikett'])}</p>")
    # The box is one image for assistive technology, named by the Norwegian description;
    # what Vega draws inside is hidden from it (oslo-vega-render.js). The static SVG is
    # the first view, and what stays without JavaScript and on paper.
    lazy = "" if first else " loading='lazy'"
    parts.append(
        f"<div id='{e(ident)}' class='oslo-chart' role='img' aria-label='{e(data['beskrivelse'])}'>"
        # On a phone the picture drawn at a phone's width (as tall as the live chart that
        # replaces it); each source with its size, so the box has its height before it loads.
        f"<picture><source media='screen and (max-width: {NARROW_SCREEN}px) and (prefers-color-scheme: dark)' "
        f"srcset='{e(href(name + '-visning-smal-mork.svg'))}' width='{narrow_w}' height='{narrow_h}'>"
        f"<source media='screen and (max-width: {NARROW_SCREEN}px)' "
        f"srcset='{e(href(name + '-visning-smal.svg'))}' width='{narrow_w}' height='{narrow_h}'>"
        f"<source media='screen and (prefers-color-scheme: dark)' "
        f"srcset='{e(href(name + '-visning-mork.svg'))}' width='{width}' height='{height}'>"
        f"<img class='oslo-statisk' src='{e(href(name + '-visning.svg'))}' alt='' "
        f"width='{width}' height='{height}' decoding='async'{lazy}></picture></div>"
        f"<script type='application/json' class='oslo-vega-spec' data-target='{e(ident)}'>"
        f"{script_safe_json(data['vega'])}</script>"
    )
    if data["merknad"]:
        parts.append(f"<p class='oslo-merknad'>{e(data['merknad'])}</p>")
    from helpers.prose.kildelinje import kildelinje

    # Each publisher once, linked, in the words of the image's own credit (Figur.kildetekst).
    sources = kildelinje(data["kilder"], lambda k: f"<a href='{e(k['url'])}'>{e(k['tekst'])}</a>")
    parts.append(f"<p class='oslo-kilde'>{sources} {e(data['lisens'])}</p>")
    links = [
        f"<a class='oslo-last-ned-{kind}' download='{e(name)}.{kind}' href='{e(href(f'{name}.{kind}'))}'>{label}</a>"
        for kind, label in (("csv", "tallene (CSV)"), ("png", "bildet (PNG)"), ("svg", "bildet (SVG)"))
    ]
    parts.append(f"<p class='oslo-nedlasting'>Last ned: {links[0]}, {links[1]} eller {links[2]}</p>")
    label = f"Tallene i figuren: {data['tittel'] or data['beskrivelse']}"
    parts.append(
        f"<details class='oslo-data'><summary>Vis tallene i figuren</summary>{table_html(data['tabell'], label)}</details>"
    )
    parts.append("</div>")
    return "".join(parts)


def visit_figur_html(self, node: figur) -> None:
    data = node["data"]
    builder = self.builder
    write_files(data, Path(builder.outdir))
    here = builder.get_target_uri(builder.current_docname)

    def href(file_name: str) -> str:
        return relative_uri(here, f"_static/{FIGURE_DIR}/{file_name}")

    # One translator per page: count its figures.
    self._oslo_figurer = getattr(self, "_oslo_figurer", 0) + 1
    self.body.append(figure_html(data, href, first=self._oslo_figurer == 1))
    raise nodes.SkipNode


def skip(self, node) -> None:
    raise nodes.SkipNode


def _builder_inited(app: Sphinx) -> None:
    # site/static is the site's one folder of static files (helpers.site.theme adds it too).
    if str(STATIC) not in app.config.html_static_path:
        app.config.html_static_path.append(str(STATIC))
    app.add_css_file("oslo-figur.css")


def _page_context(app: Sphinx, pagename, templatename, context, doctree) -> None:
    if doctree is not None and next(iter(doctree.findall(figur)), None) is not None:
        # The runtime itself (oslo-vega-runtime.js) is loaded by this script, on demand.
        app.add_js_file("oslo-vega-render.js", defer="defer")


def setup(app: Sphinx) -> dict:
    others: dict[str, Any] = {fmt: (skip, None) for fmt in ("latex", "text", "man", "texinfo")}
    app.add_node(figur, html=(visit_figur_html, None), **others)
    app.connect("builder-inited", _builder_inited)
    app.connect("html-page-context", _page_context)
    return {"version": "0.3", "parallel_read_safe": True, "parallel_write_safe": True}
