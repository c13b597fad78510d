"""Shares and rankings among categories (destinations, places of birth, groups)."""

from __future__ import annotations

import pandas as pd

from helpers.analysis import opphav


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


def rangert(values: pd.Series, stigende: bool = False) -> list[tuple[str, float]]:
    """(label, value) pairs, highest first unless `stigende`; missing values left out."""
    values = values.dropna().sort_values(ascending=stigende, kind="stable")
    return [(str(k), v if isinstance(v, opphav.Verdi) else float(v)) for k, v in values.items()]
