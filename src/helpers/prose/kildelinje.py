"""A figure's credit line from the rows it draws: who published each value.

The rows carry their `kilde` (the address the value was read from). The credit names
each publisher once, by the name the source catalog (`helpers.catalog.sources`) gives it,
a weaker source marked as such («Aftenposten (avis)»), and links to the page most of that
publisher's values come from; «Om dataene» lists every page by its catalogued title.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

import pandas as pd

from helpers.catalog.sources import finn_utgiver


@dataclass(frozen=True)
class Kilde:
    """One publisher in a figure's credit, as the figure carries it."""

    tabell: str  # a short name of the source
    tekst: str
    url: str
    lisens: str = ""  # the publisher's licence as the catalog states it; empty: its own terms
    svak: bool = False  # a secondary source (news, blog, wiki, copy, draft)


def utgiver(url: str) -> str:
    """The publisher of the page at `url`, as the credit names it (from the catalog)."""
    return finn_utgiver(url).visning


def _adresser(rader: pd.DataFrame | Iterable[str]) -> list[str]:
    urls = list(rader["kilde"]) if isinstance(rader, pd.DataFrame) else list(rader)
    return [str(u) for u in urls if isinstance(u, str) or pd.notna(u)]


def kreditt(rader: pd.DataFrame | Iterable[str]) -> list[tuple[str, str]]:
    """(publisher, address) once per publisher of the rows' values, the publisher with
    the most values first; the address is the page most of its values come from."""
    urls = pd.Series(_adresser(rader), dtype=object)
    if urls.empty:
        raise ValueError("figuren tegner ingen verdier med kilde: ingen kildelinje å lage")
    frame = pd.DataFrame({"url": urls, "utgiver": urls.map(utgiver)})
    ut = []
    for name, rows in sorted(frame.groupby("utgiver"), key=lambda g: (-len(g[1]), g[0])):
        ut.append((name, rows["url"].value_counts().index[0]))
    return ut


class Kreditt(list):
    """A figure's credit (a `Kilde` per publisher) that remembers the address of every row
    it was made from, so the figure can carry them and a test can check the credit
    against the rows drawn rather than against a list written by hand."""

    adresser: list[str]


def kilder(rader: pd.DataFrame | Iterable[str]) -> Kreditt:
    """The credit as the figure takes it (a `Kilde` per publisher, with its licence)."""
    ut = Kreditt(
        Kilde(navn, navn, url, lisens=finn_utgiver(url).lisens, svak=finn_utgiver(url).svak)
        for navn, url in kreditt(rader)
    )
    ut.adresser = _adresser(rader)
    return ut


def svakere(kilder: Iterable) -> str:
    """«Svakere kilde: Wikipedia (wiki).» (the form in brackets says why): every secondary source (catalog kind sekundærkilde)
    a figure draws from, in one form for every figure; empty when there is none. `kilder` are
    `Kilde`s or the dicts a figure carries."""
    navn = [
        k["tekst"] if isinstance(k, dict) else k.tekst
        for k in kilder
        if (k.get("svak") if isinstance(k, dict) else k.svak)
    ]
    if not navn:
        return ""
    from helpers.prose.norsk import liste

    return f"Svakere kilde: {liste(navn)}."
