"""Computed claims: what the chapters state about the data, derived from the data.

Each function returns plain values; the chapters turn them into sentences. Because
nothing is typed, a sentence such as "the highest in the series" is re-decided every
time the data change.
"""

from __future__ import annotations

import pandas as pd

from helpers.registry import FLOW_SERIES, SERIES_LABELS


def serie(frame: pd.DataFrame, region: str, serie: str) -> pd.Series:
    """One region's series as year -> value (only years with a value)."""
    rows = frame[(frame["region"] == region) & (frame["serie"] == serie)]
    return rows.set_index("aar")["verdi"].sort_index().astype(float)


def middelfolkemengde(frame: pd.DataFrame, region: str) -> pd.Series:
    """Mean population of each year: the mean of 1 January that year and the next.

    This is how SSB computes the denominator of its rates; a year lacking either
    end is left out rather than estimated.
    """
    jan1 = serie(frame, region, "folkemengde_1jan")
    years = [y for y in jan1.index if y + 1 in jan1.index]
    return pd.Series({y: (jan1[y] + jan1[y + 1]) / 2 for y in years}, dtype=float).rename_axis("aar")


def per_1000(frame: pd.DataFrame, region: str) -> pd.DataFrame:
    """The four flows per 1 000 mean population, for the years where both exist."""
    pop = middelfolkemengde(frame, region)
    rows = []
    for s in FLOW_SERIES:
        flow = serie(frame, region, s)
        for year, value in flow.items():
            if year in pop.index:
                rows.append({"region": region, "aar": int(year), "serie": s,
                             "serie_navn": SERIES_LABELS[s], "verdi": value / pop[year] * 1000})
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


def endring(values: pd.Series, fra: int, til: int) -> dict:
    a, b = float(values[fra]), float(values[til])
    return {"fra": a, "til": b, "diff": b - a, "prosent": (b - a) / a * 100}


def snitt(values: pd.Series, fra: int, til: int) -> dict:
    scope = values[(values.index >= fra) & (values.index <= til)]
    expected = set(range(fra, til + 1))
    if set(scope.index) != expected:
        missing = sorted(expected - set(scope.index))
        raise ValueError(f"kan ikke beregne snitt {fra}–{til}: mangler {missing}")
    return {"snitt": float(scope.mean()), "min": float(scope.min()), "maks": float(scope.max())}


def manglende(frame: pd.DataFrame, region: str, serier, fra: int, til: int) -> dict[str, list[int]]:
    """Years without a value, per series label, within fra..til."""
    out = {}
    for s in serier:
        have = set(serie(frame, region, s).index)
        missing = [y for y in range(fra, til + 1) if y not in have]
        if missing:
            out[SERIES_LABELS[s]] = missing
    return out


# --- Kapittel 2–4 (alder, hjemmekontor, utvandring) ---------------------------------


def mot_periode(values: pd.Series, aar: int, fra: int, til: int) -> dict:
    """`aar` against every year fra..til: above all, below all, or within their range.

    Used where one year is suspect (emigration in 2019 was registered too low), so a
    claim compares with several earlier years instead of with the year before.
    """
    ref = snitt(values, fra, til)
    verdi = float(values[aar])
    plassering = "over" if verdi > ref["maks"] else "under" if verdi < ref["min"] else "innenfor"
    return {**ref, "verdi": verdi, "plassering": plassering,
            "prosent_mot_snitt": (verdi - ref["snitt"]) / ref["snitt"] * 100}


def _alder(frame: pd.DataFrame, region: str) -> pd.DataFrame:
    rows = frame[frame["region"] == region]
    if rows.empty:
        raise KeyError(f"ingen rader for {region}")
    return rows


def andel_i_alder(frame: pd.DataFrame, region: str, aar: int, fra: int, til: int) -> float:
    """Percent of the population aged fra..til (both included) in one year."""
    rows = _alder(frame, region)
    rows = rows[rows["aar"] == aar]
    if rows.empty:
        raise KeyError(f"{region} mangler {aar}")
    inne = rows[(rows["alder"] >= fra) & (rows["alder"] <= til)]["verdi"].sum()
    return float(inne / rows["verdi"].sum() * 100)


def aldersandeler(frame: pd.DataFrame, region: str, grupper: list[tuple[int, int | None]]) -> pd.DataFrame:
    """Share of the population in each age group, per year. A group (a, None) is a and over."""
    rows = _alder(frame, region)
    out = []
    for aar in sorted(rows["aar"].unique()):
        for fra, til in grupper:
            navn = f"{fra}–{til} år" if til is not None else f"{fra} år og over"
            out.append({"region": region, "aar": int(aar), "gruppe": navn,
                        "verdi": andel_i_alder(frame, region, int(aar), fra, til if til is not None else 10**6)})
    return pd.DataFrame(out, columns=["region", "aar", "gruppe", "verdi"])


def medianalder(frame: pd.DataFrame, region: str, aar: int) -> int:
    """The age below which half the population falls (single years, top group counted at its lower bound)."""
    rows = _alder(frame, region)
    rows = rows[rows["aar"] == aar].sort_values("alder")
    if rows.empty:
        raise KeyError(f"{region} mangler {aar}")
    kum = rows["verdi"].cumsum()
    return int(rows["alder"][kum >= rows["verdi"].sum() / 2].iloc[0])


def per_100_etter_alder(flyttinger: pd.DataFrame, folkemengde: pd.DataFrame, region: str) -> pd.DataFrame:
    """Moves per 100 mean population at the same age, per year and single year of age.

    The mean population is the mean of 1 January that year and the next, as in
    `middelfolkemengde`; an age or year lacking either end is left out, not estimated.
    """
    flytt = _alder(flyttinger, region)
    folk = _alder(folkemengde, region).set_index(["aar", "alder"])["verdi"]
    rows = []
    for (aar, alder), antall in flytt.set_index(["aar", "alder"])["verdi"].items():
        if (aar, alder) in folk.index and (aar + 1, alder) in folk.index and pd.notna(antall):
            middel = (folk[(aar, alder)] + folk[(aar + 1, alder)]) / 2
            if middel > 0:
                rows.append({"region": region, "aar": int(aar), "alder": int(alder),
                             "verdi": float(antall) / middel * 100})
    return pd.DataFrame(rows, columns=["region", "aar", "alder", "verdi"])


def snittalder(flyttinger: pd.DataFrame, region: str) -> pd.Series:
    """Mean age of the movers per year (year -> age), from counts by single year of age."""
    rows = _alder(flyttinger, region).dropna(subset=["verdi"])
    vektet = (rows["alder"] * rows["verdi"]).groupby(rows["aar"]).sum()
    return (vektet / rows.groupby("aar")["verdi"].sum()).astype(float).rename_axis("aar")


def rangert(values: pd.Series, stigende: bool = False) -> list[tuple[str, float]]:
    """(label, value) pairs, highest first unless `stigende`; missing values left out."""
    values = values.dropna().sort_values(ascending=stigende, kind="stable")
    return [(str(k), float(v)) for k, v in values.items()]
