"""One region's series by year: values, rates, changes, ranks, gaps and the years' sources."""

from __future__ import annotations

from dataclasses import replace

import pandas as pd

from helpers.analysis import opphav
from helpers.analysis.rader import Serie, fra_rader, navngitt
from helpers.catalog.registry import FLOW_SERIES
from helpers.vocab import SERIES_LABELS


def serie(frame: pd.DataFrame, region: str, serie: str) -> pd.Series:
    """One region's series as year -> value (only years with a value); each value knows
    its row (`helpers.analysis.opphav`: `serie(...)[2020]` is a `Verdi`)."""
    rows = frame[(frame["region"] == region) & (frame["serie"] == serie)]
    return fra_rader(rows, datasett=frame.attrs.get("datasett", ""), navn=serie, sorter=True)


def middelfolkemengde(frame: pd.DataFrame, region: str) -> pd.Series:
    """Mean population of each year: the mean of 1 January that year and the next.

    This is how SSB computes the denominator of its rates; a year lacking either
    end is left out rather than estimated.
    """
    jan1 = serie(frame, region, "folkemengde_1jan")
    years = [y for y in jan1.index if y + 1 in jan1.index]
    return Serie.av({y: opphav.middel(jan1[y], jan1[y + 1]) for y in years}).rename_axis("aar")


def per_1000_serie(frame: pd.DataFrame, region: str, serie_: str) -> pd.Series:
    """One flow per 1 000 mean population, year -> rate, each rate with its rows and arithmetic."""
    pop = middelfolkemengde(frame, region)
    flow = serie(frame, region, serie_)
    rates = {int(y): opphav.forhold(flow[y], pop[y], 1000) for y in flow.index if y in pop.index}
    out = Serie.av(rates).rename_axis("aar")
    out._navn = f"{SERIES_LABELS[serie_]} per 1 000 innbyggere"
    out._opphav = {
        y: replace(o, hva=f"{SERIES_LABELS[serie_]} per 1 000 innbyggere, {region}, {y}")
        for y, o in out._opphav.items()
    }
    return out


def per_1000(frame: pd.DataFrame, region: str) -> pd.DataFrame:
    """The four flows per 1 000 mean population, for the years where both exist."""
    pop = middelfolkemengde(frame, region)
    rows = []
    for s in FLOW_SERIES:
        flow = serie(frame, region, s)
        for year, value in flow.items():
            if year in pop.index:
                rows.append(
                    {
                        "region": region,
                        "aar": int(year),
                        "serie": s,
                        "serie_navn": SERIES_LABELS[s],
                        "verdi": value / pop[year] * 1000,
                    }
                )
    return pd.DataFrame(rows, columns=["region", "aar", "serie", "serie_navn", "verdi"])


def rangering(values: pd.Series, year: int, til_og_med: int | None = None) -> dict:
    """Where `year` ranks in `values` (1 = highest), optionally only among years up to a limit."""
    scope = values if til_og_med is None else values[values.index <= til_og_med]
    if year not in scope.index:
        raise KeyError(f"{year} mangler i serien")
    higher = scope[scope > scope[year]]
    return {
        "rang": len(higher) + 1,
        "antall_aar": len(scope),
        "hoyest": len(higher) == 0,
        "lavest": bool((scope >= scope[year]).all()),
        "fra": int(scope.index.min()),
        "til": int(scope.index.max()),
        "hoyere_aar": [int(y) for y in higher.index],
        "verdi": float(scope[year]),
    }


def hel_serie(values: pd.Series) -> bool:
    """Whether a series has a value for every year from its first to its last: what a
    superlative («rekord», «høyest», «mest») over its years needs."""
    years = sorted(int(y) for y in values.dropna().index)
    return bool(years) and years == list(range(years[0], years[-1] + 1))


def endring(values: pd.Series, fra: int, til: int) -> dict:
    a, b = values[fra], values[til]
    return {
        "fra": a,
        "til": b,
        "diff": navngitt(b - a, values, f"Endring fra {fra} til {til}"),
        "prosent": navngitt(opphav.prosentendring(a, b), values, f"Endring i prosent fra {fra} til {til}"),
    }


def snitt(values: pd.Series, fra: int, til: int) -> dict:
    scope = values[(values.index >= fra) & (values.index <= til)]
    expected = set(range(fra, til + 1))
    if set(scope.index) != expected:
        missing = sorted(expected - set(scope.index))
        raise ValueError(f"kan ikke beregne snitt {fra}–{til}: mangler {missing}")
    return {
        "snitt": navngitt(scope.mean(), values, f"Snitt {fra}–{til}"),
        "min": navngitt(scope.min(), values, f"Lavest {fra}–{til}"),
        "maks": navngitt(scope.max(), values, f"Høyest {fra}–{til}"),
    }


def manglende(frame: pd.DataFrame, region: str, serier, fra: int, til: int) -> dict[str, list[int]]:
    """Years without a value, per series label, within fra..til."""
    out = {}
    for s in serier:
        have = set(serie(frame, region, s).index)
        missing = [y for y in range(fra, til + 1) if y not in have]
        if missing:
            out[SERIES_LABELS[s]] = missing
    return out


def undertalte_aar(frame: pd.DataFrame, region: str, serie: str) -> list[int]:
    """Years of one series that the data flag as under-counted (column `undertalt`)."""
    if "undertalt" not in frame:
        return []
    rows = frame[(frame["region"] == region) & (frame["serie"] == serie) & frame["undertalt"]]
    return sorted(int(y) for y in rows["aar"].unique())


def kilder_per_aar(frame: pd.DataFrame, region: str, serie: str) -> dict[int, list[str]]:
    """Which publishers give a value for each year (frame loaded with alle_kilder=True)."""
    rows = frame[(frame["region"] == region) & (frame["serie"] == serie)]
    return {int(y): sorted(set(g["utgiver"])) for y, g in rows.groupby("aar")}


def mot_periode(values: pd.Series, aar: int, fra: int, til: int) -> dict:
    """`aar` against every year fra..til: above all, below all, or within their range.

    Used where one year is suspect (emigration in 2019 was registered too low), so a
    claim compares with several earlier years instead of with the year before.
    """
    ref = snitt(values, fra, til)
    verdi = float(values[aar])
    plassering = "over" if verdi > ref["maks"] else "under" if verdi < ref["min"] else "innenfor"
    return {
        **ref,
        "verdi": verdi,
        "plassering": plassering,
        "prosent_mot_snitt": (verdi - ref["snitt"]) / ref["snitt"] * 100,
    }
