"""Ages: shares by age, median and mean age, moves per 100 by age."""

from __future__ import annotations

import pandas as pd

from helpers.analysis import opphav
from helpers.analysis.rader import fra_rader


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
    alle = fra_rader(rows, datasett=frame.attrs.get("datasett", ""), navn="Innbyggere", nokkel="alder")
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


def medianalder_forklart(frame: pd.DataFrame, region: str, aar: int) -> float:
    """`medianalder` with its rows and its steps: half the residents, then the first age at
    which the count from age 0 up reaches that half."""
    median = medianalder(frame, region, aar)
    rows = _alder(frame, region)
    rows = rows[rows["aar"] == aar]
    alle = fra_rader(rows, datasett=frame.attrs.get("datasett", ""), navn="Innbyggere", nokkel="alder")
    total = alle.sum()
    halv = total / 2
    opp_til = alle[alle.index <= median].sum()
    steg = opphav.Steg(
        "halvparten av {0} er {1}; fra 0 år og opp til {2} år er det {3} innbyggere, først der er halvparten nådd: {4}",
        (float(total), float(halv), float(median), float(opp_til), float(median)),
    )
    verdi = opphav.verdi_fra(median, steg, total)
    hva = f"Medianalder, {region}, 1. januar {aar}"
    return verdi.som(hva) if isinstance(verdi, opphav.Verdi) else verdi


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
