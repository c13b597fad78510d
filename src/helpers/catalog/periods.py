"""Periods of SSB tables as whole years: the one place that decides how."""

from __future__ import annotations

import re

import pandas as pd

_PERIOD = re.compile(r"^(\d{4})(?:K([1-4]))?$")


def whole_years(rows: pd.DataFrame, year_to_date: bool = False) -> pd.DataFrame:
    """Rows of an SSB snapshot resource as whole years: the one place that decides how.

    Annual tables ("2020") pass through. In a year-to-date table such as 01223 ("Endringar
    hittil i år") each quarter counts from 1 January, so "2020K4" covers the whole of 2020
    and is kept as the year 2020; K1-K3 are parts of a year and are left out. A quarterly
    table that is not year-to-date (01222) is refused, because its year would have to be
    summed from quarters, and the book does not compute values SSB publishes elsewhere.
    """
    periods = rows["period"].astype(str)
    parsed = periods.str.extract(_PERIOD)
    bad = parsed[0].isna()
    if bad.any():
        raise ValueError(f"ukjent periode {periods[bad].iloc[0]!r} (ventet år eller år+K1-K4)")
    quarterly = parsed[1].notna()
    if quarterly.any() and not year_to_date:
        raise ValueError("kvartalstall som ikke er hittil i år kan ikke brukes som årstall uten å summeres")
    if quarterly.any() and not quarterly.all():
        raise ValueError("blanding av års- og kvartalsperioder i samme ressurs")
    keep = ~quarterly | (parsed[1] == "4")
    out = rows[keep].copy()
    out["year"] = parsed.loc[keep, 0].astype(int).to_numpy()
    return out.reset_index(drop=True)
