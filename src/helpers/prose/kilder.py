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

# Host (or host and first path part) -> the publisher's name as a reader knows it.
UTGIVERE = [
    (r"(^|\.)ssb\.no$", "Statistisk sentralbyrå (SSB)"),
    (r"(^|\.)oslo\.kommune\.no$", "Oslo kommune"),
    (r"(^|\.)kommuneprofilen\.no$", "Kommuneprofilen (tall fra SSB)"),
    (r"(^|\.)wikipedia\.org$", "Wikipedia"),
    (r"(^|\.)fylkesmannen\.no$", "Statsforvalteren (tidligere Fylkesmannen)"),
    (r"(^|\.)statsforvalteren\.no$", "Statsforvalteren"),
    (r"(^|\.)trondheimsregionen\.no$", "Trondheimsregionen"),
    (r"(^|\.)imdi\.no$", "Integrerings- og mangfoldsdirektoratet (IMDi)"),
    (r"(^|\.)nav\.no$", "NAV"),
    (r"(^|\.)eiendomnorge\.no$", "Eiendom Norge"),
    (r"(^|\.)nrk\.no$", "NRK"),
    (r"(^|\.)github\.com$", "GitHub"),
]


def utgiver(url: str) -> str:
    """The publisher of the page at `url`, by name; an unknown host is named by itself."""
    host = (urlparse(str(url)).hostname or "").lower()
    for pattern, name in UTGIVERE:
        if re.search(pattern, host):
            return name
    if not host:
        raise ValueError(f"kilden {url!r} er ingen nettadresse")
    return host.removeprefix("www.")


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


def kilder(rader: pd.DataFrame | Iterable[str]) -> list:
    """The credit as the figure takes it (a `Kilde` per publisher)."""
    from helpers.charts import Kilde

    return [Kilde(navn, navn, url) for navn, url in kreditt(rader)]
