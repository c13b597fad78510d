"""A figure's credit line from the rows it draws: who published each value.

The rows carry their `kilde` (the address the value was read from). The credit names
each publisher once, by the name the source catalog (`helpers.catalog.sources`) gives it,
a weaker source marked as such («Svakere kilde: Aftenposten»), and links to the page most of that
publisher's values come from; «Om dataene» lists every page by its catalogued title.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

import pandas as pd

from helpers.catalog.sources import finn_utgiver
from helpers.catalog.sources.utgivere import SSB
from helpers.prose.norsk import Tekst, liste


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
    """(publisher, address) once per publisher of the rows' values, in one order for every
    figure: the better sources first, then the secondary ones (catalog kind sekundærkilde);
    within each, Statistics Norway first, then the others alphabetically. The address is
    the page most of its values come from. The credit line, «Om dataene» and the CSV all
    keep this order."""
    urls = pd.Series(_adresser(rader), dtype=object)
    if urls.empty:
        raise ValueError("figuren tegner ingen verdier med kilde: ingen kildelinje å lage")
    frame = pd.DataFrame({"url": urls, "utgiver": urls.map(utgiver)})
    ut = []
    svak = {name: finn_utgiver(url).svak for name, url in zip(frame["utgiver"], frame["url"])}
    ssb = {name: finn_utgiver(url) is SSB for name, url in zip(frame["utgiver"], frame["url"])}
    for name, rows in sorted(
        frame.groupby("utgiver"), key=lambda g: (svak[g[0]], not ssb[g[0]], g[0].casefold())
    ):
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


def _svak(k) -> bool:
    return bool(k.get("svak") if isinstance(k, dict) else k.svak)


def _tekst(k) -> str:
    return k["tekst"] if isinstance(k, dict) else k.tekst


def svakere(kilder: Iterable) -> str:
    """«Svakere kilde: Wikipedia.»: the secondary sources (catalog kind sekundærkilde) of a
    figure that also draws from better ones; empty when there is none, or when every source is
    secondary (then `kildelinje`'s whole line is this sentence). `kilder` are `Kilde`s or the dicts
    a figure carries."""
    kilder = list(kilder)
    svake = [_tekst(k) for k in kilder if _svak(k)]
    if not svake or len(svake) == len(kilder):
        return ""
    return f"Svakere kilde: {'; '.join(svake)}."


def kildelinje(kilder: Iterable, navn=None) -> str:
    """The credit under a figure, naming each publisher once, in one form for every figure:
    «Kilde: Statistisk sentralbyrå (SSB); Oslo kommune. Svakere kilde: Kommuneprofilen (…).», or
    just «Svakere kilde: Folkehelseinstituttet (FHI, kopi av SSB-tall).» when every source is
    secondary: one label for the better sources, one for the weaker, in every line. `navn(k)` gives a publisher as the line shows it (the page's escaped link);
    by default its name."""
    kilder = list(kilder)
    if not kilder:
        raise ValueError("figuren har ingen kilde: ingen kildelinje å lage")
    vis = navn or _tekst
    sterke = [vis(k) for k in kilder if not _svak(k)]
    svake = [vis(k) for k in kilder if _svak(k)]
    if not sterke:
        return f"Svakere kilde: {'; '.join(svake)}."
    linje = f"Kilde: {'; '.join(sterke)}."
    return f"{linje} Svakere kilde: {'; '.join(svake)}." if svake else linje


def kortnavn(url: str) -> str:
    """A publisher as running text names it: its abbreviation («SSB»), else its name; a
    secondary source with what it is («WikiMili (kopi av Wikipedia)»)."""
    u = finn_utgiver(url)
    if u.svak:
        return u.visning
    return u.forkortelse or u.navn


def ifolge(rader: pd.DataFrame | Iterable[str]) -> Tekst:
    """«ifølge SSB og Oslo kommune»: the publishers of the rows a sentence's numbers come
    from, in the credit's order, for a number the text gives outside any figure."""
    navn = [kortnavn(url) for _, url in kreditt(rader)]
    return Tekst(f"ifølge {liste(navn)}")
