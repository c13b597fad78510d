"""Shared pieces of the chapter's sentences: where a value lies against its range, the years
a range rests on, the names of flows and publishers, counts in words."""

from __future__ import annotations

import pandas as pd

from helpers.catalog.sources.utgivere import finn_utgiver
from helpers.prose.norsk import Tekst, aar_liste, liste, tall

_STED = {"over": "over", "innenfor": "innenfor", "under": "under"}


HVORFOR_UNDERTALT = "utvandring-2019"
"""The label where the under-counted year is explained once (chapter 4); other pages link to it."""


def _spenn(ref: dict, desimaler: int = 0) -> str:
    return f"{tall(ref['min'], desimaler)} til {tall(ref['maks'], desimaler)}"


def _periode(ref: dict) -> str:
    """The years a range rests on: «2016–2019», or «2016–2018» when a flagged year was left out."""
    aar = ref.get("aar") or list(range(ref["fra"], ref["til"] + 1))
    if aar == list(range(aar[0], aar[-1] + 1)):
        return f"{aar[0]}–{aar[-1]}" if len(aar) > 1 else str(aar[0])
    return str(aar_liste(aar))


_ANTALL = {0: "ingen", 1: "ett", 2: "to", 3: "tre", 4: "fire"}


def _antall(n: int) -> str:
    return _ANTALL.get(n, str(n))


def _alle(n: int) -> str:
    """«begge kvartalene», «alle fire kvartalene»."""
    return "begge kvartalene" if n == 2 else f"alle {_antall(n)} kvartalene"


def kilde_navn(r: pd.DataFrame) -> str:
    """Who published the first of the rows, as the credit line names it: «konsulentselskapet
    Datic», «avisen ABC Nyheter», from the row's publisher and the catalog's kind for its address."""
    if r.empty:
        return "en kilde vi ikke har navnet på"
    navn = str(r["utgiver"].iloc[0]) if "utgiver" in r and pd.notna(r["utgiver"].iloc[0]) else ""
    form = ""
    if "kilde" in r and pd.notna(r["kilde"].iloc[0]):
        try:
            u = finn_utgiver(str(r["kilde"].iloc[0]))
            navn = navn or u.navn
            form = u.form
        except (KeyError, ValueError):
            pass
    bestemt = {"konsulentselskap": "konsulentselskapet", "avis": "avisen", "nettsted": "nettstedet"}
    return f"{bestemt[form]} {navn}" if form in bestemt and navn else navn or "en kilde vi ikke har navnet på"


def _referanse_navn(ref: dict) -> str:
    """«nivået fra før pandemien», or, when a flagged year was left out, the years the
    range rests on («nivået i 2016–2018»)."""
    if not ref.get("utelatt"):
        return "nivået fra før pandemien"
    aar = ref["aar"]
    if aar == list(range(aar[0], aar[-1] + 1)):
        return f"nivået i {aar[0]}–{aar[-1]}" if len(aar) > 1 else f"nivået i {aar[0]}"
    return f"nivået i {aar_liste(aar)}"


def _beskriv(serie: pd.Series, hva: str) -> Tekst:
    """A title that describes rather than judges: what the figure shows, and its years."""
    if serie.empty:
        return Tekst(hva)
    fra, til = int(serie.index.min()), int(serie.index.max())
    return Tekst(f"{hva} {fra}–{til}" if fra != til else f"{hva} i {fra}")


_STROM_NAVN = {
    "utflytting_innenlands": ("utflyttingen", "ut"),
    "utvandring": ("utvandringen", "ut"),
    "innflytting_innenlands": ("innflyttingen", "inn"),
    "innvandring": ("innvandringen", "inn"),
}


def _kvartaler(k: list[int]) -> str:
    """[1, 2, 4] -> '1., 2. og 4. kvartal'."""
    return f"{liste(f'{int(x)}.' for x in sorted(k))}\u00a0kvartal"


UNDERTALT_KAPITTEL = ("utvandring", 2019, "utvandring-2019", "kapittel 4.1")
"""The one under-count the book explains, and where: emigration in 2019, in chapter 4.1.
Elsewhere a short clause and a pointer there (`til_forklaringen`)."""


def til_forklaringen(strom: str, aar, lenke: bool = True) -> str:
    """« (se kapittel 4.1)» after a clause on a flow's under-count when chapter 4.1 explains
    that flow and year, as a reference (`lenke`) or plain words (a figure note); else ""."""
    navn, aar_, anker, tekst = UNDERTALT_KAPITTEL
    if strom != navn or aar_ not in {int(a) for a in aar}:
        return ""
    return f" (se {{ref}}`{tekst} <{anker}>`)" if lenke else f" (se {tekst})"
