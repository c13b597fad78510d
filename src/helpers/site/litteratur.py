"""Sphinx extension: the reference list and the citations in Norwegian.

sphinxcontrib-bibtex formats entries with a pybtex style whose words are English
(«and», «In», «URL:», «et al.»). This module registers a pybtex formatting style
`norsk` (the book's `bibtex_default_style`) and a referencing style `forfatter_aar`
(its `bibtex_reference_style`), both the stock ones with Norwegian words.

The stock templates are built from literal strings; rather than copy every template
to change a word, the style translates the literals of whichever template an entry
uses, so entry types the book does not cite yet come out in Norwegian too.
"""

from __future__ import annotations

from dataclasses import dataclass, field

import pybtex.plugin
from pybtex.style import FormattedEntry
from pybtex.style.formatting.plain import Style as PlainStyle
import sphinxcontrib.bibtex.plugin
from pybtex.style.template import Node
from sphinx.application import Sphinx
from sphinxcontrib.bibtex.style.referencing import PersonStyle
from sphinxcontrib.bibtex.style.referencing.author_year import AuthorYearReferenceStyle

STIL = "norsk"
OG = " og "
MFL = " mfl."
REFERANSESTIL = "forfatter_aar"

# The literal words of pybtex's unsrt/plain templates, exactly as they appear there.
ORD = {
    "In": "I",
    "URL:": "Lenke:",
    "Volume": "Bind",
    "volume": "bind",
    "Number": "Nummer",
    "number": "nummer",
    "of": "i",
    "in": "i",
    "pages": "s.",
    "chapter": "kapittel",
    "edition": "utgave",
    "editor": "redaktør",
    "editors": "redaktører",
    "Technical Report": "Rapport",
    "Master's thesis": "Masteroppgave",
    "PhD thesis": "Doktoravhandling",
    " (visited on ": " (lest ",
    # Between names: «A og B», «A, B og C».
    " and ": OG,
    ", and ": OG,
}


def _norsk(node):
    """A template (or a literal in one) with English words replaced."""
    if isinstance(node, str):
        return ORD.get(node, node)
    if not isinstance(node, Node):
        return node
    ut = node._clone()
    # Positional arguments name fields (`field("volume")`) and stay; the words are
    # children and separators (`sep2=" and "`).
    ut.kwargs = {k: _norsk(v) for k, v in node.kwargs.items()}
    ut.children = [_norsk(c) for c in node.children]
    return ut


class NorskStil(PlainStyle):
    """pybtex's `plain` (sorted by author, year, title) with Norwegian words."""

    def format_entry(self, label, entry, bib_data=None):
        template = getattr(self, f"get_{entry.type}_template", None)
        if template is None:
            return super().format_entry(label, entry, bib_data)
        context = {"entry": entry, "style": self, "bib_data": bib_data}
        return FormattedEntry(entry.key, _norsk(template(entry)).format_data(context), label)


def _person() -> PersonStyle:
    return PersonStyle(sep2=OG, last_sep=OG, other=MFL)


@dataclass
class ForfatterAar(AuthorYearReferenceStyle):
    """Author-year citations: «Tønnessen (2021)», «Holgersen mfl. (2020)»."""

    person: PersonStyle = field(default_factory=_person)


def setup(app: Sphinx) -> dict:
    pybtex.plugin.register_plugin("pybtex.style.formatting", STIL, NorskStil)
    sphinxcontrib.bibtex.plugin.register_plugin(
        "sphinxcontrib.bibtex.style.referencing", REFERANSESTIL, ForfatterAar
    )
    return {"version": "0.1", "parallel_read_safe": True, "parallel_write_safe": True}
