"""Net migration: in minus out, or the published net where there is one."""

from __future__ import annotations

import pandas as pd

from helpers.analysis.serier import serie, undertalte_aar
from helpers.catalog.registry import FLOW_SERIES


def nettoserie(inn: pd.Series, ut: pd.Series, publisert: pd.Series | None = None) -> pd.DataFrame:
    """Net migration per year: the published net where there is one, else in − out.

    A year lacking either flow and a published net is left out, never filled.
    `beregnet` keeps in − out alongside, so a published net that disagrees with its
    own parts can be found (tests check they agree).
    """
    computed = inn.sub(ut).dropna()
    publisert = publisert if publisert is not None else pd.Series(dtype=float)
    years = sorted(set(computed.index) | set(publisert.index))
    rows = []
    for y in years:
        pub = y in publisert.index
        rows.append(
            {
                "aar": int(y),
                "verdi": float(publisert[y] if pub else computed[y]),
                "grunnlag": "publisert" if pub else "beregnet",
                "beregnet": float(computed[y]) if y in computed.index else float("nan"),
            }
        )
    return pd.DataFrame(rows, columns=["aar", "verdi", "grunnlag", "beregnet"])


NETTO = {
    "innenlands": "Netto innenlandsk flytting",
    "utland": "Nettoinnvandring",
    "i_alt": "Nettoflytting i alt",
}


# measure names in the dataset oslo_etter_2020 for the published nets
_NETTO_MAAL = {
    "innenlands": "nettoinnflytting_innenlands",
    "utland": "nettoinnvandring",
    "i_alt": "nettoinnflytting_total",
}


def nettoflytting(byer: pd.DataFrame, etter2020: pd.DataFrame, region: str = "Oslo") -> pd.DataFrame:
    """Domestic, international and total net migration per year, tidy (serie_navn, aar, verdi).

    Published annual nets (from `oslo_etter_2020`) are used as published; other years
    are in − out of flows that both exist. The total needs all four flows when computed.
    """
    flow = {s: serie(byer, region, s) for s in FLOW_SERIES}
    parts = {
        "innenlands": (flow["innflytting_innenlands"], flow["utflytting_innenlands"]),
        "utland": (flow["innvandring"], flow["utvandring"]),
        "i_alt": (
            flow["innflytting_innenlands"] + flow["innvandring"],
            flow["utflytting_innenlands"] + flow["utvandring"],
        ),
    }
    # A net is under-counted (or over-counted) in a year where one of its flows is flagged.
    flagged = {s: set(undertalte_aar(byer, region, s)) for s in FLOW_SERIES}
    deler = {
        "innenlands": ("innflytting_innenlands", "utflytting_innenlands"),
        "utland": ("innvandring", "utvandring"),
        "i_alt": tuple(FLOW_SERIES),
    }
    annual = etter2020[(etter2020["region"] == region) & (etter2020["periode"] == "år")]
    frames = []
    for key, (inn, ut) in parts.items():
        pub = annual[annual["maal"] == _NETTO_MAAL[key]].set_index("aar")["verdi"].astype(float)
        net = nettoserie(inn, ut, pub)
        net.insert(0, "serie_navn", NETTO[key])
        years = set().union(*(flagged[s] for s in deler[key]))
        net["undertalt"] = net["aar"].isin(years)
        frames.append(net)
    return pd.concat(frames, ignore_index=True)
