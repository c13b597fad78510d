"""Sphinx extension: every statistic in the text opens to show where it comes from.

A chapter's number with lineage (`helpers.prose.norsk.Tall`) reaches Sphinx through
{eval} as `application/vnd.oslo-tall+json` beside its text, and a sentence that holds such
numbers as `application/vnd.oslo-setning+json` (its text in parts, each number with its
explanation). `handle_mime` (called from
helpers.site.vega's myst-nb hook, the one this package registers) keeps it as a `tall`
node. When a page has been read, each number gets a stable anchor made from what it is
(`#tall-utflytting-til-resten-av-norge-oslo-2020`), and the page gets the section
«Tallene i kapitlet»: one list item per number with the explanation of
helpers.prose.forklaring (what the number is, its arithmetic, its rows linked to their
sources, how fresh the data are).

In the text a number is a link to its item in that list, which is what a reader without
JavaScript gets. `static/oslo-tallpanel.js` (loaded only on pages with numbers, with
`oslo-tallpanel.css`) makes each link a button that opens the same content in a panel
by the number.
"""

from __future__ import annotations

import html
import json
import re
import unicodedata
from typing import Any

from docutils import nodes
from sphinx.application import Sphinx

from helpers.prose.forklaring import VERSJON, panel_html
from helpers.prose.tekst import MIME_SETNING, MIME_TALL

LISTE_ID = "tallene-i-kapitlet"
LISTE_TITTEL = "Tallene i kapitlet"


class tall(nodes.Inline, nodes.TextElement):
    """One statistic in the text: its explanation in node["data"], its anchor in node["anker"]."""


class tall_liste(nodes.General, nodes.Element):
    """The page's list of its numbers (node["tall"]: (anchor, data) in page order)."""


def _tall_node(content: dict, inline: bool):
    if content.get("versjon") != VERSJON or not inline:
        return nodes.Text(content["tekst"])  # an old cached explanation, or a block: plain text
    return tall(content["tekst"], content["tekst"], data=content)


def _del(d: dict, inline: bool):
    if "tall" in d:
        return _tall_node(d["tall"], inline)
    if d.get("struktur"):
        # A count or a year in the sentence: marked, so a check can tell it from a statistic.
        return nodes.inline(d["tekst"], d["tekst"], classes=["oslo-struktur"])
    return nodes.Text(d["tekst"])


def handle_mime(renderer, data, inline):
    if data.mime_type not in (MIME_TALL, MIME_SETNING):
        return None
    content = json.loads(data.content) if isinstance(data.content, (str, bytes)) else data.content
    if data.mime_type == MIME_TALL:
        found = [_tall_node(content, inline)]
    else:
        found = [_del(d, inline) for d in content["deler"]]
    return found if inline else [nodes.paragraph("", "", *found)]


def slug(tekst: str) -> str:
    ascii_ = unicodedata.normalize(
        "NFKD", tekst.replace("æ", "ae").replace("ø", "o").replace("å", "a").lower()
    )
    ascii_ = ascii_.encode("ascii", "ignore").decode()
    return re.sub(r"[^a-z0-9]+", "-", ascii_).strip("-")[:80] or "tall"


def _number_page(app: Sphinx, doctree: nodes.document) -> None:
    found = list(doctree.findall(tall))
    if not found:
        return
    seen: dict[str, int] = {}
    items = []
    for node in found:
        base = "tall-" + slug(node["data"]["hva"])
        seen[base] = seen.get(base, 0) + 1
        anker = base if seen[base] == 1 else f"{base}-{seen[base]}"
        node["anker"] = anker
        items.append((anker, node["data"]))
    section = nodes.section(ids=[LISTE_ID], names=[LISTE_TITTEL.lower()], classes=["oslo-tallene"])
    section += nodes.title(LISTE_TITTEL, LISTE_TITTEL)
    section += nodes.paragraph(
        text="Hvert tall i teksten over er regnet ut fra dataene. Her står hva det er, hvordan det er regnet ut, "
        "og radene det bygger på med lenke til kilden."
    )
    section += tall_liste(tall=items)
    # Inside the page's own top section, so its heading is the page's last h2, not a second h1.
    top = next((n for n in doctree.children if isinstance(n, nodes.section)), doctree)
    top += section


def visit_tall_html(self, node: tall) -> None:
    e = html.escape
    anker = node.get("anker", "")
    self.body.append(
        f"<a class='oslo-tall' id='{e(anker)}' href='#{e(anker)}-forklart' data-tall='{e(anker)}'>"
        f"{e(node['data']['tekst'])}</a>"
    )
    raise nodes.SkipNode


def visit_tall_liste_html(self, node: tall_liste) -> None:
    e = html.escape
    items = "".join(
        f"<li id='{e(anker)}-forklart' class='oslo-tall-forklart'><div class='oslo-tall-innhold'>{panel_html(data)}</div>"
        f"<p class='oslo-tall-tilbake'><a href='#{e(anker)}'>Tilbake til tallet i teksten</a></p></li>"
        for anker, data in node["tall"]
    )
    self.body.append(f"<ol class='oslo-tall-liste'>{items}</ol>")
    raise nodes.SkipNode


def _skip(self, node) -> None:
    raise nodes.SkipNode


def _page_context(app: Sphinx, pagename, templatename, context, doctree) -> None:
    if doctree is not None and next(iter(doctree.findall(tall)), None) is not None:
        app.add_css_file("oslo-tallpanel.css")
        app.add_js_file("oslo-tallpanel.js", defer="defer")


def setup(app: Sphinx) -> dict:
    others: dict[str, Any] = {fmt: (_skip, None) for fmt in ("latex", "text", "man", "texinfo")}
    app.add_node(tall, html=(visit_tall_html, None), **others)
    app.add_node(tall_liste, html=(visit_tall_liste_html, None), **others)
    # Before the toc collector (priority 500): the list is in the page's contents and numbered.
    app.connect("doctree-read", _number_page, priority=400)
    app.connect("html-page-context", _page_context)
    # env_version: a change in what doctree-read adds makes Sphinx read every page again.
    return {"version": "0.2", "env_version": 3, "parallel_read_safe": True, "parallel_write_safe": True}
