"""Norwegian (bokmål) number formatting for prose, tables and charts.

SSB and Språkrådet write thousands with a space and decimals with a comma. We use a
non-breaking space so that "36 076" never wraps across lines.
"""

from __future__ import annotations

import math
from collections.abc import Iterable

NBSP = "\u00a0"
MINUS = "\u2212"

# d3-format locale for Vega: the same rules as the prose, so chart axes and text agree.
D3_NUMBER_LOCALE = {
    "decimal": ",",
    "thousands": NBSP,
    "grouping": [3],
    "currency": ["", f"{NBSP}kr"],
    "minus": MINUS,
}


def _check(x) -> float:
    if x is None or (isinstance(x, float) and math.isnan(x)):
        raise ValueError("mangler verdi: et manglende tall kan ikke skrives i teksten")
    return x


def tall(x, desimaler: int = 0) -> str:
    """36076 -> '36 076'; -2758 -> '−2 758'; 5.25, 1 -> '5,3'."""
    x = _check(x)
    s = f"{abs(x):,.{desimaler}f}".replace(",", NBSP).replace(".", ",")
    return (MINUS + s) if round(x, desimaler) < 0 else s


def desimal(x, desimaler: int = 1) -> str:
    return tall(x, desimaler)


def prosent(x, desimaler: int = 1, ord: bool = True) -> str:
    """5.31 -> '5,3 prosent' (or '5,3 %' with ord=False)."""
    return f"{tall(x, desimaler)}{NBSP}{'prosent' if ord else '%'}"


def liste(deler: Iterable) -> str:
    """['a', 'b', 'c'] -> 'a, b og c' (no Oxford comma in Norwegian)."""
    deler = [str(d) for d in deler]
    if not deler:
        return ""
    if len(deler) == 1:
        return deler[0]
    return ", ".join(deler[:-1]) + " og " + deler[-1]


def aar_liste(aar: Iterable[int]) -> str:
    """Years as a readable list, runs collapsed: [2011, 2012, 2013, 2015] -> '2011–2013 og 2015'."""
    years = sorted({int(a) for a in aar})
    runs: list[str] = []
    i = 0
    while i < len(years):
        j = i
        while j + 1 < len(years) and years[j + 1] == years[j] + 1:
            j += 1
        if j - i >= 2:
            runs.append(f"{years[i]}–{years[j]}")
        else:
            runs.extend(str(y) for y in years[i : j + 1])
        i = j + 1
    return liste(runs)


def stor_forbokstav(tekst: str) -> str:
    """'viken og …' -> 'Viken og …' without lowercasing the rest, as str.capitalize would
    ('fylkene Viken' must keep its capital V)."""
    return tekst[:1].upper() + tekst[1:]
