"""Computed claims: what the chapters state about the data, derived from the data.

Each function returns plain values; the chapters turn them into sentences. Because
nothing is typed, a sentence such as "the highest in the series" is re-decided every
time the data change.
"""

from __future__ import annotations

from dataclasses import replace

import pandas as pd

from helpers.analysis import opphav
from helpers.catalog.registry import FLOW_SERIES
from helpers.vocab import SERIES_LABELS


def serie(frame: pd.DataFrame, region: str, serie: str) -> pd.Series:
    """One region's series as year -> value (only years with a value); each value knows
    its row (`helpers.analysis.opphav`: `serie(...)[2020]` is a `Verdi`)."""
    rows = frame[(frame["region"] == region) & (frame["serie"] == serie)]
    return opphav.fra_rader(rows, datasett=frame.attrs.get("datasett", ""), navn=serie, sorter=True)


def kolonne(rows: pd.DataFrame, nokkel: str = "aar", navn: str = "") -> pd.Series:
    """`nokkel` (a year, a county, a group) -> value of tidy rows, one row per key; each
    value knows its row, as from `serie` (`rows.set_index(nokkel)["verdi"]`, with lineage).
    `navn` says what the values are when the rows lack a series label."""
    if rows[nokkel].duplicated().any():
        raise ValueError(f"flere rader med samme {nokkel}: velg rader før kolonne()")
    return opphav.fra_rader(rows, datasett=rows.attrs.get("datasett", ""), navn=navn, nokkel=nokkel)


def samle(verdier: dict) -> pd.Series:
    """A Series of computed values (label -> value) that keeps each value's lineage, so its
    `min`, `max` and `mean` say which values they came from (`pd.Series(verdier)` forgets)."""
    return opphav.Serie.av(verdier)


def en_verdi(rows: pd.DataFrame, navn: str = ""):
    """The value of the one row `rows` holds, with its row (`rows["verdi"].iloc[0]`, which
    refuses to pick one of several)."""
    if len(rows) != 1:
        raise ValueError(f"ventet én rad, fant {len(rows)}")
    return opphav.fra_rader(
        rows.assign(_n=0), datasett=rows.attrs.get("datasett", ""), navn=navn, nokkel="_n"
    )[0]


def middelfolkemengde(frame: pd.DataFrame, region: str) -> pd.Series:
    """Mean population of each year: the mean of 1 January that year and the next.

    This is how SSB computes the denominator of its rates; a year lacking either
    end is left out rather than estimated.
    """
    jan1 = serie(frame, region, "folkemengde_1jan")
    years = [y for y in jan1.index if y + 1 in jan1.index]
    return opphav.Serie.av({y: opphav.middel(jan1[y], jan1[y + 1]) for y in years}).rename_axis("aar")


def per_1000_serie(frame: pd.DataFrame, region: str, serie_: str) -> pd.Series:
    """One flow per 1 000 mean population, year -> rate, each rate with its rows and arithmetic."""
    pop = middelfolkemengde(frame, region)
    flow = serie(frame, region, serie_)
    rates = {int(y): opphav.forhold(flow[y], pop[y], 1000) for y in flow.index if y in pop.index}
    out = opphav.Serie.av(rates).rename_axis("aar")
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
        "diff": _navngitt(b - a, values, f"Endring fra {fra} til {til}"),
        "prosent": _navngitt(opphav.prosentendring(a, b), values, f"Endring i prosent fra {fra} til {til}"),
    }


def _navngitt(x, values: pd.Series, hva: str):
    """`x` told what it is, with the series' label in front, when it carries lineage."""
    if not isinstance(x, opphav.Verdi):
        return x
    navn = getattr(values, "_navn", "") or ""
    navn = SERIES_LABELS.get(navn, navn)
    return x.som(f"{navn}: {hva[0].lower()}{hva[1:]}" if navn else hva)


def snitt(values: pd.Series, fra: int, til: int) -> dict:
    scope = values[(values.index >= fra) & (values.index <= til)]
    expected = set(range(fra, til + 1))
    if set(scope.index) != expected:
        missing = sorted(expected - set(scope.index))
        raise ValueError(f"kan ikke beregne snitt {fra}–{til}: mangler {missing}")
    return {
        "snitt": _navngitt(scope.mean(), values, f"Snitt {fra}–{til}"),
        "min": _navngitt(scope.min(), values, f"Lavest {fra}–{til}"),
        "maks": _navngitt(scope.max(), values, f"Høyest {fra}–{til}"),
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


# --- kap 8: after 2020, measured against the years just before the pandemic

FOER_FRA, FOER_TIL = 2016, 2019


def referanse(values: pd.Series, fra: int = FOER_FRA, til: int = FOER_TIL, utelat=()) -> dict:
    """The pre-pandemic level: mean, lowest and highest of fra..til (every year required).

    Years in `utelat` (flagged in the data as under-counted) are left out of the range,
    never filled: `aar` lists the years the range rests on, `utelatt` those left out.
    """
    utelatt = sorted(int(y) for y in utelat if fra <= int(y) <= til)
    aar = [y for y in range(fra, til + 1) if y not in utelatt]
    if not aar:
        raise ValueError(f"ingen år igjen i {fra}–{til} når {utelatt} holdes utenfor")
    scope = values[values.index.isin(aar)]
    if set(scope.index) != set(aar):
        missing = sorted(set(aar) - set(scope.index))
        raise ValueError(f"kan ikke beregne snitt {fra}–{til}: mangler {missing}")
    return {
        "snitt": _navngitt(scope.mean(), values, f"Snitt {fra}–{til}"),
        "min": _navngitt(scope.min(), values, f"Lavest {fra}–{til}"),
        "maks": _navngitt(scope.max(), values, f"Høyest {fra}–{til}"),
        "fra": fra,
        "til": til,
        "aar": aar,
        "utelatt": utelatt,
    }


def undertalte_aar(frame: pd.DataFrame, region: str, serie: str) -> list[int]:
    """Years of one series that the data flag as under-counted (column `undertalt`)."""
    if "undertalt" not in frame:
        return []
    rows = frame[(frame["region"] == region) & (frame["serie"] == serie) & frame["undertalt"]]
    return sorted(int(y) for y in rows["aar"].unique())


def plassering(verdi: float, ref: dict) -> str:
    """'over', 'innenfor' or 'under' the reference range (its ends count as inside)."""
    if verdi > ref["maks"]:
        return "over"
    if verdi < ref["min"]:
        return "under"
    return "innenfor"


def etter(values: pd.Series, ref: dict, etter_aar: int = 2020) -> dict:
    """Each year after `etter_aar` placed against the range, and the first year back.

    "Back" is asked two ways because a flow can overshoot: `forste_innenfor` is the
    first year inside the range, `forste_ikke_over` the first year not above it.
    """
    later = values[values.index > etter_aar].sort_index()
    per = {int(y): plassering(float(v), ref) for y, v in later.items()}
    first = lambda ok: next((y for y, p in per.items() if ok(p)), None)  # noqa: E731
    siste = max(per) if per else None
    return {
        "aar": list(per),
        "plassering": per,
        "forste_innenfor": first(lambda p: p == "innenfor"),
        "forste_ikke_over": first(lambda p: p != "over"),
        "forste_ikke_under": first(lambda p: p != "under"),
        "siste": siste,
        "siste_verdi": float(later[siste]) if siste is not None else None,
        "siste_plassering": per[siste] if siste is not None else None,
    }


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


def kilder_per_aar(frame: pd.DataFrame, region: str, serie: str) -> dict[int, list[str]]:
    """Which publishers give a value for each year (frame loaded with alle_kilder=True)."""
    rows = frame[(frame["region"] == region) & (frame["serie"] == serie)]
    return {int(y): sorted(set(g["utgiver"])) for y, g in rows.groupby("aar")}


def samme_kvartal(rows: pd.DataFrame, basisaar: int) -> list[dict]:
    """Quarters that have a value both in `basisaar` and a later year: one comparison each.

    `rows` has columns aar, periode, verdi, avrundet and optionally maal: only the same
    measure is compared with itself. The answer keeps the rounding flag of both sides
    so the text can say "ca.".
    """
    out = []
    keys = ["maal", "periode"] if "maal" in rows else ["periode"]
    for key, group in rows.groupby(keys, sort=True):
        periode = key[-1] if isinstance(key, tuple) else key
        base = group[group["aar"] == basisaar]
        if base.empty:
            continue
        b = base.iloc[0]
        for _, later in group[group["aar"] > basisaar].sort_values("aar").iterrows():
            out.append(
                {
                    "periode": periode,
                    "basisaar": basisaar,
                    "aar": int(later["aar"]),
                    "basis": float(b["verdi"]),
                    "verdi": float(later["verdi"]),
                    "basis_avrundet": bool(b["avrundet"]),
                    "avrundet": bool(later["avrundet"]),
                    "lavere": float(later["verdi"]) < float(b["verdi"]),
                }
            )
    return sorted(out, key=lambda c: (c["periode"], c["aar"]))


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


def referanser(
    frame: pd.DataFrame, farge: str = "serie_navn", fra: int = FOER_FRA, til: int = FOER_TIL
) -> pd.DataFrame:
    """The reference range of every series in a tidy frame that has all of fra..til; a year
    the frame flags as under-counted (column `undertalt`) is left out of its series' range."""
    rows = []
    for key, group in frame.groupby(farge, sort=False):
        values = group.set_index("aar")["verdi"].astype(float)
        utelat = group.loc[group["undertalt"].astype(bool), "aar"] if "undertalt" in group else []
        try:
            ref = referanse(values, fra, til, utelat=list(utelat))
        except ValueError:
            continue  # a series lacking a reference year gets no band rather than a partial one
        rows.append({farge: key, "min": ref["min"], "maks": ref["maks"], "snitt": ref["snitt"]})
    return pd.DataFrame(rows, columns=[farge, "min", "maks", "snitt"])


# --- chapters 5-6: shares and rankings among categories


def andel(del_: float, helhet: float) -> float:
    """`del_` as a percentage of `helhet`; refuses a missing or zero whole."""
    if helhet is None or pd.isna(helhet) or helhet == 0:
        raise ValueError("kan ikke beregne andel: helheten mangler eller er null")
    if pd.isna(del_):
        raise ValueError("kan ikke beregne andel: delen mangler")
    return opphav.forhold(del_, helhet, 100)


def storst_og_minst(values: pd.Series) -> dict:
    """Which label has the largest and the smallest value (ties: all of them)."""
    values = values.dropna()
    return {
        "storst": [str(k) for k in values[values == values.max()].index],
        "minst": [str(k) for k in values[values == values.min()].index],
        "maks": values.max(),
        "min": values.min(),
    }


def plass(values: pd.Series, key) -> int:
    """Rank of `key` by value, 1 = largest; for labels (counties, groups), not years."""
    values = values.dropna()
    if key not in values.index:
        raise KeyError(f"{key} mangler")
    return int((values > values[key]).sum()) + 1


# --- Kapittel 2–4 (alder, hjemmekontor, utvandring) ---------------------------------


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
    alle = opphav.fra_rader(rows, datasett=frame.attrs.get("datasett", ""), navn="Innbyggere", nokkel="alder")
    inne = alle[(alle.index >= fra) & (alle.index <= til)].sum()
    andel_ = opphav.forhold(inne, alle.sum(), 100)
    alder = f"{fra}–{til} år" if til < 200 else f"{fra} år eller eldre"
    hva = f"Andel av innbyggerne som var {alder}, {region}, 1. januar {aar}"
    return andel_.som(hva) if isinstance(andel_, opphav.Verdi) else andel_


def aldersandeler(frame: pd.DataFrame, region: str, grupper: list[tuple[int, int | None]]) -> pd.DataFrame:
    """Share of the population in each age group, per year. A group (a, None) is a and over."""
    rows = _alder(frame, region)
    out = []
    for aar in sorted(rows["aar"].unique()):
        for fra, til in grupper:
            navn = f"{fra}–{til} år" if til is not None else f"{fra} år og over"
            out.append(
                {
                    "region": region,
                    "aar": int(aar),
                    "gruppe": navn,
                    "verdi": andel_i_alder(frame, region, int(aar), fra, til if til is not None else 10**6),
                }
            )
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
                rows.append(
                    {
                        "region": region,
                        "aar": int(aar),
                        "alder": int(alder),
                        "verdi": float(antall) / middel * 100,
                    }
                )
    return pd.DataFrame(rows, columns=["region", "aar", "alder", "verdi"])


def snittalder(flyttinger: pd.DataFrame, region: str) -> pd.Series:
    """Mean age of the movers per year (year -> age), from counts by single year of age."""
    rows = _alder(flyttinger, region).dropna(subset=["verdi"])
    vektet = (rows["alder"] * rows["verdi"]).groupby(rows["aar"]).sum()
    return (vektet / rows.groupby("aar")["verdi"].sum()).astype(float).rename_axis("aar")


def rangert(values: pd.Series, stigende: bool = False) -> list[tuple[str, float]]:
    """(label, value) pairs, highest first unless `stigende`; missing values left out."""
    values = values.dropna().sort_values(ascending=stigende, kind="stable")
    return [(str(k), v if isinstance(v, opphav.Verdi) else float(v)) for k, v in values.items()]
