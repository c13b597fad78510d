"""«Om dataene»: a figure's publishers (the same credit as under the figure) and the title
of each page the values were read from, both from the source catalog
(`helpers.catalog.sources`), never rebuilt from an address.
"""

from __future__ import annotations

import pandas as pd

from helpers.catalog.sources import kildeside
from helpers.prose.kildelinje import kreditt
from helpers.prose.norsk import Tekst, typografi


def sidetittel(url: str) -> Tekst:
    """«Oslo kommune: Folkemengde og endringer» for the page at `url`; a secondary source
    keeps its kind in the name («Aftenposten (avis): …»)."""
    side = kildeside(url)
    return Tekst(f"{side.navn}: {side.tittel}")


def utgivere_md(rader: pd.DataFrame) -> Tekst:
    """The figure's credit as Markdown links: the same publishers, order and pages as the
    credit line under the figure (both come from `kreditt`)."""
    return Tekst("; ".join(f"[{navn}]({url})" for navn, url in kreditt(rader)))


def sider_md(rader: pd.DataFrame) -> Tekst:
    """Every page the rows were read from, as Markdown links with their catalogued titles."""
    urls = dict.fromkeys(str(u) for u in rader["kilde"].dropna())
    return Tekst("; ".join(f"[{typografi(sidetittel(u))}]({u})" for u in urls))


def ressurskilder_md(kilder: list[dict]) -> Tekst:
    """A data package resource's sources (its `sources` entries) named from the catalog by
    their address; an entry without an address keeps no title of its own on a reader page."""
    deler = []
    for k in kilder:
        path = k.get("path", "")
        if path.startswith("http"):
            side = kildeside(path)
            deler.append(f"[{typografi(side.navn + ': ' + side.tittel)}]({path})")
    return Tekst("; ".join(dict.fromkeys(deler)))
