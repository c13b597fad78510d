"""The footer's data line, true for the page: the publishers of the values the page's
figures draw (each figure's credit, from the source catalog), with the licence each gives.

A page without figures has no data line: «Om dataene» names every source.
"""

from __future__ import annotations

import html

from sphinx.application import Sphinx

from helpers.prose.norsk import liste
from helpers.site.vega import figur

LISENSLENKER = {"CC BY 4.0": "https://creativecommons.org/licenses/by/4.0/deed.no"}


def datalinje(kilder: list[dict]) -> str:
    """«Statistisk sentralbyrå (SSB), CC BY 4.0; Oslo kommune og Aftenposten, på
    utgivernes egne vilkår» as HTML, from the credits (tekst, lisens) of a page's figures;
    empty when the page draws no figure."""
    per_lisens: dict[str, list[str]] = {}
    for k in kilder:
        utgivere = per_lisens.setdefault(k.get("lisens") or "", [])
        if k["tekst"] not in utgivere:
            utgivere.append(k["tekst"])
    deler = []
    for lisens in sorted(per_lisens, key=lambda x: (x == "", x)):
        navn = html.escape(liste(per_lisens[lisens]))
        if lisens:
            lenke = LISENSLENKER.get(lisens)
            merke = f'<a href="{lenke}">{html.escape(lisens)}</a>' if lenke else html.escape(lisens)
            deler.append(f"{navn}, {merke}")
        else:
            eier = "utgiverens" if len(per_lisens[lisens]) == 1 else "utgivernes"
            deler.append(f"{navn}, på {eier} egne vilkår")
    return "; ".join(deler)


def page_context(app: Sphinx, pagename: str, templatename: str, context: dict, doctree) -> None:
    kilder = []
    if doctree is not None:
        for node in doctree.findall(figur):
            kilder.extend(node["data"].get("kilder", []))
    context["datalinje"] = datalinje(kilder)
