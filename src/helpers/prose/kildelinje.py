"""A figure's credit line from the rows it draws: who published each value.

The rows carry their `kilde` (the address the value was read from). The credit names
each publisher once, readably ("Oslo kommune", not a URL slug), and links to the page
most of that publisher's values come from; "Om dataene" lists every page.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from urllib.parse import urlparse

import pandas as pd

# Pattern on "host/path" -> the publisher's name as a reader knows it (first match wins).
UTGIVERE = [
    (r"^github\.com/statisticsnorway/", "Statistisk sentralbyrå (SSB), via SSBs R-pakke PxWebApiData"),
    # Data files in public repositories: named by who keeps them, and whose numbers they hold.
    (r"^github\.com/(sykdomspulsen-org|niphr)/", "Folkehelseinstituttet (FHI), tall fra SSB"),
    (r"^github\.com/csids/", "datapakken spldata (csids), tall fra SSB"),
    (r"^github\.com/radbrt/working_from_home/", "kodearkivet til SSB Discussion Paper 935"),
    (r"^github\.com/gardenberg/imdikator", "IMDis indikatorer (kopi i imdikator-munch), tall fra SSB"),
    (r"(?i)^github\.com/evensrii/telemark/", "Telemark fylkeskommunes datarepo"),
    (r"(^|\.)ssb\.no/", "Statistisk sentralbyrå (SSB)"),
    (r"(^|\.)oslo\.kommune\.no/", "Oslo kommune"),
    (r"(^|\.)kommuneprofilen\.no/", "Kommuneprofilen (tall fra SSB)"),
    (r"(^|\.)wikipedia\.org/", "Wikipedia"),
    (r"(^|\.)fylkesmannen\.no/", "Statsforvalteren (tidligere Fylkesmannen)"),
    (r"(^|\.)statsforvalteren\.no/", "Statsforvalteren"),
    (r"(^|\.)trondheimsregionen\.no/", "Trondheimsregionen"),
    (r"(^|\.)imdi\.no/", "Integrerings- og mangfoldsdirektoratet (IMDi)"),
    (r"(^|\.)nav\.no/", "NAV"),
    (r"(^|\.)eiendomnorge\.no/", "Eiendom Norge"),
    (r"(^|\.)nrk\.no/", "NRK"),
    (r"(^|\.)nyss\.no/", "NPK"),
    (r"(^|\.)telemarksforsking\.no/", "Telemarksforsking"),
    (r"(^|\.)aftenposten\.no/", "Aftenposten"),
    (r"(^|\.)dn\.no/", "Dagens Næringsliv"),
    (r"(^|\.)finansavisen\.no/", "Finansavisen"),
    (r"(^|\.)dagsavisen\.no/", "Dagsavisen"),
    (r"(^|\.)ht\.no/", "Harstad Tidende"),
    (r"(^|\.)altaposten\.no/", "Altaposten"),
    (r"(^|\.)abcnyheter\.no/", "ABC Nyheter"),
    (r"(^|\.)forskning\.no/", "forskning.no"),
    (r"(^|\.)bygg\.no/", "Bygg.no"),
    (r"(^|\.)fjordabladet\.no/", "Fjordabladet"),
    (r"(^|\.)dfo\.no/", "Direktoratet for forvaltning og økonomistyring (DFØ)"),
    (r"(^|\.)trondelagitall\.no/", "Trøndelag i tall"),
    (r"(^|\.)(tilastokeskus|stat)\.fi/", "Statistikcentralen i Finland"),
    (r"(^|\.)hel\.fi/", "Helsingfors stad"),
    (r"(^|\.)tv2fyn\.dk/", "TV 2 Fyn"),
    (r"(^|\.)datic\.dk/", "Datic (tall fra Danmarks Statistik)"),
    (r"(^|\.)ju\.se/", "blogg ved Jönköping University"),
    (r"(^|\.)affarsvarlden\.se/", "Affärsvärlden (tall fra SCB)"),
]


def utgiver(url: str) -> str:
    """The publisher of the page at `url`, by name; an unknown host is named by itself."""
    parts = urlparse(str(url))
    host = (parts.hostname or "").lower()
    if not host:
        raise ValueError(f"kilden {url!r} er ingen nettadresse")
    where = f"{host}{parts.path or '/'}"
    for pattern, name in UTGIVERE:
        if re.search(pattern, where):
            return name
    return host.removeprefix("www.").removeprefix("www2.")


def kreditt(rader: pd.DataFrame | Iterable[str]) -> list[tuple[str, str]]:
    """(publisher, address) once per publisher of the rows' values, the publisher with
    the most values first; the address is the page most of its values come from."""
    urls = pd.Series(list(rader["kilde"]) if isinstance(rader, pd.DataFrame) else list(rader), dtype=object)
    urls = urls.dropna().astype(str)
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
    """The credit as the figure takes it (a `Kilde` per publisher)."""
    from helpers.figures.figure import Kilde

    ut = Kreditt(Kilde(navn, navn, url) for navn, url in kreditt(rader))
    urls = list(rader["kilde"]) if isinstance(rader, pd.DataFrame) else list(rader)
    ut.adresser = [str(u) for u in urls if isinstance(u, str) or pd.notna(u)]
    return ut
