"""Checks of an answer's cells, before any write (the declaration against the metadata is
helpers.statbank.planning).

`cells_of` picks the asked-for cells from SSB's answer; `validate` checks them: each
asked-for cell once and nothing else, no negative counts of persons, expected years
present, published totals equal to the sum of their parts.
"""

from __future__ import annotations

import math
import re

import pandas as pd

from helpers.catalog import regions
from helpers.catalog.periods import whole_years
from helpers.catalog.spec import SsbQuery
from helpers.statbank.failures import RefreshError
from helpers.store.package import number_text

# SSB's symbols for an empty cell (https://www.ssb.no/en/help/explanation-of-symbols).
STATUS_TEXT = {
    ".": "tall kan ikke forekomme",
    "..": "tall ikke tilgjengelig",
    "...": "oppgave mangler",
    ":": "vises ikke av konfidensialitetshensyn",
    "-": "null",
}
# Series that may be negative: net moves, growth, excess of births.
SIGNED = re.compile(r"netto|vekst|endring|overskudd")
# Units that count people (or moves, one person each): such values cannot be negative.
PERSONS = {"personer", "flyttinger"}


# -- cells -----------------------------------------------------------------------------------


def cells_of(query: SsbQuery, frame: pd.DataFrame, request: dict[str, list[str]]) -> pd.DataFrame:
    """The client's tidy frame in the order of the request, with the series name of each cell.

    The answer must have exactly the dimensions asked for (SSB sums the others away) and
    no cell nobody asked for.
    """
    dims = [c for c in frame.columns if c not in ("value", "status") and not c.endswith("_label")]
    if set(dims) != set(request):
        raise RefreshError(
            query.table, f"svaret har dimensjonene {dims}, men spørringen ba om {list(request)}"
        )
    order = {d: {c: i for i, c in enumerate(request[d])} for d in request}
    frame = frame.assign(**{f"_{d}": frame[d].map(order[d]) for d in request})
    unknown = frame[[f"_{d}" for d in request]].isna().any(axis=1)
    if unknown.any():
        row = frame[unknown].iloc[0]
        raise RefreshError(
            query.table,
            "svaret har en celle det ikke ble spurt om: " + ", ".join(f"{d}={row[d]}" for d in request),
        )
    frame = frame.sort_values([f"_{d}" for d in request], kind="stable").reset_index(drop=True)
    frame = frame.drop(columns=[f"_{d}" for d in request])
    frame["series"] = frame["ContentsCode"].map(query.series_of) if "ContentsCode" in request else ""
    frame["status"] = frame["status"].where(frame["status"].notna(), "").astype(str)
    frame["value"] = frame["value"].astype(float)
    return frame


def _cell_name(query: SsbQuery, cell) -> str:
    """A cell by its codes, the series name standing in for ContentsCode: '0301/innvandring/2020K4'."""
    return "/".join(str(cell["series"] if d == "ContentsCode" else cell[d]) for d in query.selection)


# -- checks ------------------------------------------------------------------------------------


def validate(query: SsbQuery, request: dict[str, list[str]], cells: pd.DataFrame) -> list[str]:
    """What is wrong with the cells of one table (from `cells_of`); empty when they can be written."""
    problems: list[str] = []
    dims = list(request)
    expected = math.prod(len(request[d]) for d in dims)
    if cells.duplicated(dims).any():
        dup = cells[cells.duplicated(dims)].iloc[0]
        problems.append(f"cellen {_cell_name(query, dup)} kom mer enn én gang")
    if len(cells) != expected:
        problems.append(f"svaret har {len(cells)} celler, spørringen ba om {expected}")
    for dim in dims:
        present = set(cells[dim])
        missing = [c for c in request[dim] if c not in present]
        if missing:
            problems.append(f"{dim} mangler i svaret: {', '.join(missing[:10])}")

    blank = cells["value"].isna()
    stray = ~blank & (cells["status"] != "") & cells["status"].isin(list(STATUS_TEXT))
    if stray.any():
        r = cells[stray].iloc[0]
        problems.append(f"{_cell_name(query, r)} har både tall og symbolet {r['status']!r}")

    if query.unit in PERSONS:
        signed = cells["series"].astype(str).str.contains(SIGNED)
        for _, r in cells[~signed & (cells["value"] < 0)].head(5).iterrows():
            problems.append(f"negativt antall {number_text(r['value'])} for {_cell_name(query, r)}")

    problems += _missing_expected(query, cells)
    problems += _totals(query, cells)
    return problems


def _missing_expected(query: SsbQuery, cells: pd.DataFrame) -> list[str]:
    """Every city (or, in a table without Region, the table as a whole) has a value for every
    series in every expected year."""
    if not query.expect_years:
        return []
    first, last = query.expect_years
    view = pd.DataFrame(
        {
            "region_code": cells["Region"] if "Region" in cells else "",
            "period": cells["Tid"],
            "series": cells["series"],
            "value": cells["value"],
        }
    )
    years = whole_years(view, year_to_date=query.year_to_date)
    years = years[years["value"].notna()]
    series = list(dict.fromkeys(query.contents.values())) or [""]
    if "Region" in cells:
        in_use = [regions.in_use(c, y) for c, y in zip(years["region_code"], years["year"], strict=True)]
        have = {
            (regions.CODES[c][0], y, s)
            for c, y, s, ok in zip(years["region_code"], years["year"], years["series"], in_use, strict=True)
            if ok
        }
        places = sorted({regions.CODES[c][0] for c in query.selection["Region"] if c in regions.CODES})
    else:
        have = {("", y, s) for y, s in zip(years["year"], years["series"], strict=True)}
        places = [""]
    gaps = [
        f"{place} {y} {s}".strip()
        for place in places
        for s in series
        for y in range(first, last + 1)
        if (place, y, s) not in have
    ]
    if not gaps:
        return []
    more = f" (og {len(gaps) - 8} til)" if len(gaps) > 8 else ""
    return [f"ventede verdier mangler for {first}–{last}: {', '.join(gaps[:8])}{more}"]


def _totals(query: SsbQuery, cells: pd.DataFrame) -> list[str]:
    if not query.totals:
        return []
    problems = []
    others = [d for d in query.selection if d != "ContentsCode"]
    wide = cells.pivot_table(index=others, columns="series", values="value", aggfunc="first")
    for total, parts in query.totals:
        names = {query.contents[total]: 1, **{query.contents[p]: sign for p, sign in parts.items()}}
        if not set(names) <= set(wide.columns):
            continue
        cols = wide[list(names)].dropna()
        summed = sum(cols[query.contents[p]] * sign for p, sign in parts.items())
        off = cols[(cols[query.contents[total]] - summed).abs() > 0.5]
        for key, r in off.head(5).iterrows():
            where = " ".join(key) if isinstance(key, tuple) else str(key)
            formula = " ".join(
                f"{'+' if s > 0 else '−'} {query.contents[p]} {number_text(r[query.contents[p]])}"
                for p, s in parts.items()
            )
            problems.append(
                f"{query.contents[total]} {number_text(r[query.contents[total]])} for {where} "
                f"≠ {formula.lstrip('+ ')}"
            )
    return problems
