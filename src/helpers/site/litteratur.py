"""Sphinx extension: the reference list and the citations in Norwegian.

sphinxcontrib-bibtex formats entries with a pybtex style whose words are English
(«and», «In», «URL:», «et al.»). This module registers a pybtex formatting style
`norsk` (the book's `bibtex_default_style`) and a referencing style `forfatter_aar`
(its `bibtex_reference_style`), both the stock ones with Norwegian words.

The stock templates are built from literal strings; rather than copy every template
to change a word, the style translates the literals of whichever template an entry
uses, so entry types the book does not cite yet come out in Norwegian too. The types the
book cites (article, techreport) have Norwegian author-year templates of their own:

    Tønnessen, Marianne (2021). «Movers from the city …». Nordic Journal of Urban Studies 1(2). https://doi.org/…

Citations are written in the chapters as Markdown links to the publication, so JupyterLab
(jupyterlab-myst, which has no bibliography) shows them as readable links:

    [(Tønnessen 2021)](https://doi.org/10.18261/issn.2703-8866-2021-02-03)   → {cite:p}
    [Tønnessen (2021)](https://doi.org/10.18261/issn.2703-8866-2021-02-03)   → {cite:t}

When Sphinx reads a page, a link whose address is an entry's DOI (or its url, when it has
no DOI) and whose text is the entry's citation becomes that {cite:p} or {cite:t}, so the
page cites through sphinxcontrib-bibtex and links to the reference list. A link that looks
like a citation but does not match the entry (a wrong year, a misspelt name) is a warning,
so the strict build fails.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

import pybtex.database
import pybtex.plugin
import sphinxcontrib.bibtex.plugin
from pybtex.richtext import Text
from pybtex.style import FormattedEntry
from pybtex.style.formatting.plain import Style as PlainStyle
from pybtex.style.template import Node, first_of, href, join, node, optional, tag
from pybtex.style.template import field as felt
from sphinx.application import Sphinx
from sphinx.util import logging
from sphinxcontrib.bibtex.style.referencing import BracketStyle, PersonStyle
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


def _uten_klammer(tekst: str) -> str:
    return tekst.replace("{", "").replace("}", "")


def _navn(person, etternavn_foerst: bool) -> str:
    fornavn = " ".join(person.first_names + person.middle_names)
    etternavn = " ".join(person.prelast_names + person.last_names)
    return _uten_klammer(f"{etternavn}, {fornavn}" if etternavn_foerst else f"{fornavn} {etternavn}")


def _og(deler: list[str]) -> str:
    return deler[0] if len(deler) == 1 else ", ".join(deler[:-1]) + OG + deler[-1]


@node
def forfattere(children, data):
    """«Tønnessen, Marianne»; «Holgersen, Henning, Zhiyang Jia og Simen Svenkerud»."""
    personer = data["entry"].persons.get("author", [])
    return Text(_og([_navn(p, i == 0) for i, p in enumerate(personer)]))


# The address a reader follows: the DOI when there is one, else the url.
_ADRESSE = first_of[
    optional[join["https://doi.org/", felt("doi", raw=True)]],
    optional[felt("url", raw=True)],
]
_LENKE = optional[href[_ADRESSE, _ADRESSE]]


class NorskStil(PlainStyle):
    """pybtex's `plain` (sorted by author, year, title) with Norwegian words, and Norwegian
    author-year references for the entry types the book cites."""

    def get_article_template(self, e):
        return join[
            forfattere,
            " (",
            felt("year"),
            "). «",
            felt("title"),
            "». ",
            tag("em")[felt("journal")],
            optional[" ", felt("volume"), optional["(", felt("number"), ")"]],
            optional[", ", felt("pages")],
            ". ",
            _LENKE,
        ]

    def get_techreport_template(self, e):
        return join[
            forfattere,
            " (",
            felt("year"),
            "). «",
            felt("title"),
            "». ",
            optional[felt("type"), optional[" ", felt("number")], ". "],
            felt("institution"),
            ". ",
            _LENKE,
        ]

    def format_entry(self, label, entry, bib_data=None):
        template = getattr(self, f"get_{entry.type}_template", None)
        if template is None:
            return super().format_entry(label, entry, bib_data)
        context = {"entry": entry, "style": self, "bib_data": bib_data}
        return FormattedEntry(entry.key, _norsk(template(entry)).format_data(context), label)


def _person() -> PersonStyle:
    return PersonStyle(sep2=OG, last_sep=OG, other=MFL)


def _parentes() -> BracketStyle:
    return BracketStyle(left="(", right=")", sep="; ")


@dataclass
class ForfatterAar(AuthorYearReferenceStyle):
    """Norwegian author-year citations: «Tønnessen (2021)» ({cite:t}), «(Tønnessen 2021)»
    ({cite:p}), «Holgersen mfl. (2020)»."""

    person: PersonStyle = field(default_factory=_person)
    bracket_textual: BracketStyle = field(default_factory=_parentes)
    bracket_parenthetical: BracketStyle = field(default_factory=_parentes)
    bracket_author: BracketStyle = field(default_factory=_parentes)
    bracket_label: BracketStyle = field(default_factory=_parentes)
    bracket_year: BracketStyle = field(default_factory=_parentes)
    author_year_sep: str = " "


# --- Citations as links (readable in JupyterLab), cite roles in the book ------------------

logger = logging.getLogger(__name__)
LENKE = re.compile(r"(?<!!)\[([^\]\n]+)\]\(([^)\s]+)\)")
# A link text shaped like a citation: «(Navn 2021)» or «Navn (2021)».
SITATFORM = re.compile(r"^\(.+ \d{4}[a-z]?\)$|^.+ \(\d{4}[a-z]?\)$")


def sitat(entry) -> tuple[str, str]:
    """The entry's citation as {cite:p} and as {cite:t} show it: («(Tønnessen 2021)»,
    «Tønnessen (2021)»); two authors «A og B», three or more «A mfl.»."""
    etternavn = [
        _uten_klammer(" ".join(p.prelast_names + p.last_names)) for p in entry.persons.get("author", [])
    ]
    hvem = etternavn[0] + MFL if len(etternavn) > 2 else OG.join(etternavn)
    aar = entry.fields["year"]
    return f"({hvem} {aar})", f"{hvem} ({aar})"


def adresse(entry) -> str | None:
    doi = entry.fields.get("doi")
    return f"https://doi.org/{doi}" if doi else entry.fields.get("url")


@lru_cache(maxsize=8)
def _oppslag(bibfiler: tuple[Path, ...], _endret: tuple[float, ...]) -> dict[str, tuple[str, str, str]]:
    """Each entry's address -> (key, {cite:p} text, {cite:t} text)."""
    ut = {}
    for bib in bibfiler:
        for key, entry in pybtex.database.parse_file(str(bib)).entries.items():
            if url := adresse(entry):
                ut[url] = (key, *sitat(entry))
    return ut


def sitater_som_roller(tekst: str, oppslag: dict, advar=lambda melding: None) -> str:
    """Links to a bibliography entry whose text is its citation, as cite roles."""

    def bytt(m: re.Match) -> str:
        lenketekst, url = m.group(1), m.group(2)
        if url not in oppslag:
            return m.group(0)
        key, parentes, tekstlig = oppslag[url]
        if lenketekst == parentes:
            return f"{{cite:p}}`{key}`"
        if lenketekst == tekstlig:
            return f"{{cite:t}}`{key}`"
        if SITATFORM.match(lenketekst):
            advar(f"sitatet «{lenketekst}» stemmer ikke med {key}: skriv «{parentes}» eller «{tekstlig}»")
        return m.group(0)

    return LENKE.sub(bytt, tekst)


# A link to a label in another page, «[Figur 1.2](01-rekordutflytting.md#fig-oslo-rater)»:
# JupyterLab opens the page; the book makes it a {ref} to the label with the link's text, so
# a missing label fails the strict build (tests/site/test_citations.py checks the number).
MERKELAPP = re.compile(r"(?<!!)\[([^\]\n]+)\]\((?![a-z]+:)[\w./-]+\.md#([\w-]+)\)")


def merkelapper_som_roller(tekst: str) -> str:
    return MERKELAPP.sub(lambda m: f"{{ref}}`{m.group(1)} <{m.group(2)}>`", tekst)


def _les_kilde(app: Sphinx, docname: str, source: list[str]) -> None:
    # A missing file is sphinxcontrib-bibtex's to report.
    bibfiler = tuple(p for b in app.config.bibtex_bibfiles if (p := Path(app.srcdir, b)).is_file())
    oppslag = _oppslag(bibfiler, tuple(b.stat().st_mtime for b in bibfiler))
    source[0] = merkelapper_som_roller(
        sitater_som_roller(source[0], oppslag, lambda melding: logger.warning(melding, location=docname))
    )


# An author-year reference list has no numbers: docutils labels each entry «[1]», hidden
# on the pages that hold the list (the label is only a backlink to the citations).
UTEN_NUMMER = (
    "<style>div.citation-list { display: block; margin-left: 0; } "
    "div.citation-list > div.citation { margin: 0 0 0.75em; padding-left: 1.5em; text-indent: -1.5em; } "
    "div.citation-list > div.citation > span.label { display: none; }</style>"
)


def _referanseliste_uten_nummer(app, pagename, templatename, context, doctree) -> None:
    if 'class="citation-list"' in context.get("body", ""):
        context["metatags"] = context.get("metatags", "") + UTEN_NUMMER


def setup(app: Sphinx) -> dict:
    pybtex.plugin.register_plugin("pybtex.style.formatting", STIL, NorskStil)
    sphinxcontrib.bibtex.plugin.register_plugin(
        "sphinxcontrib.bibtex.style.referencing", REFERANSESTIL, ForfatterAar
    )
    app.connect("source-read", _les_kilde)
    app.connect("html-page-context", _referanseliste_uten_nummer)
    return {"version": "0.1", "parallel_read_safe": True, "parallel_write_safe": True}
