"""The years after 2020 measured against the years just before the pandemic (2016–2019)."""

from __future__ import annotations

import pandas as pd

from helpers.analysis.rader import fra_rader, navngitt

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
        "snitt": navngitt(scope.mean(), values, f"Snitt {fra}–{til}"),
        "min": navngitt(scope.min(), values, f"Lavest {fra}–{til}"),
        "maks": navngitt(scope.max(), values, f"Høyest {fra}–{til}"),
        "fra": fra,
        "til": til,
        "aar": aar,
        "utelatt": utelatt,
    }


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
        "siste_verdi": later[siste] if siste is not None else None,
        "siste_plassering": per[siste] if siste is not None else None,
    }


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
        # Each value with its row (helpers.analysis.opphav), so the text can explain it.
        med_rad = fra_rader(group.assign(_n=range(len(group))), rows.attrs.get("datasett", ""), nokkel="_n")
        n_basis = int(group.index.get_loc(base.index[0]))
        for n, (_, later) in enumerate(group.iterrows()):
            if later["aar"] <= basisaar:
                continue
            out.append(
                {
                    "periode": periode,
                    "basisaar": basisaar,
                    "aar": int(later["aar"]),
                    "basis": med_rad.get(n_basis, float(b["verdi"])),
                    "verdi": med_rad.get(n, float(later["verdi"])),
                    "basis_avrundet": bool(b["avrundet"]),
                    "avrundet": bool(later["avrundet"]),
                    "lavere": float(later["verdi"]) < float(b["verdi"]),
                }
            )
    return sorted(out, key=lambda c: (c["periode"], c["aar"]))


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
