"""The plotted numbers as the table a figure shows beside its chart: one row per category
or year, one column per series, Norwegian number formatting, a missing value said as
«mangler».
"""

from __future__ import annotations

import pandas as pd

from helpers.prose.norsk import tall

AAR_KOLONNER = {"År", "år", "aar", "Aar"}


def _is_year_column(name) -> bool:
    return str(name) in AAR_KOLONNER


def _numeric(frame: pd.DataFrame, column) -> bool:
    return pd.api.types.is_numeric_dtype(frame[column]) and not _is_year_column(column)


def _cell(value, desimaler: int, year: bool) -> str | None:
    if value is None or (isinstance(value, float) and pd.isna(value)) or value is pd.NA:
        return None
    if year:
        # A year, not a number: 2020, never 2 020; a labelled year («2023 (ca.)») as written.
        return value if isinstance(value, str) and not value.isdigit() else str(int(value))
    if isinstance(value, (int, float)) and not isinstance(value, bool):
        return tall(value, desimaler)
    return str(value)


def _decimals(values: pd.Series) -> int:
    """One number of decimals per column: 0 when every value is whole, else 1."""
    present = values.dropna()
    return 0 if len(present) == 0 or (present % 1 == 0).all() else 1


def grid(tabell: pd.DataFrame) -> dict:
    """The plotted numbers as a reader scans them: one row per year (or category), one
    column per series. The key with fewest distinct values becomes the columns; the
    others name the rows. Numbers are formatted the Norwegian way, missing is None.
    Columns that hold one number per series (a reference period's mean) become rows."""
    keys = [c for c in tabell.columns if not _numeric(tabell, c)]
    values = [c for c in tabell.columns if _numeric(tabell, c)]
    if len(keys) < 2 or not values:
        return _plain_grid(tabell)
    spread = sorted(keys, key=lambda k: (tabell[k].nunique(), not _is_year_column(k)))
    across = spread[0]
    down = [k for k in keys if k != across]
    main = "Verdi" if "Verdi" in values else values[0]
    extra = [c for c in values if c != main]
    if tabell.duplicated(subset=keys).any() or any(
        tabell.groupby(across, sort=False)[c].nunique(dropna=True).max() > 1 for c in extra
    ):
        return _plain_grid(tabell)
    order = list(dict.fromkeys(tabell[across].dropna()))
    # A value that is missing (a row without a number) says «mangler»; a combination the
    # data never had (a county that did not exist that year) stays an empty cell.
    cells = {tuple(r[k] for k in down) + (r[across],): r[main] for _, r in tabell.iterrows()}
    desimaler = _decimals(tabell[main])
    rows = []
    for index in dict.fromkeys(tuple(r) for r in tabell[down].itertuples(index=False)):
        head = [_cell(v, 0, _is_year_column(k)) for k, v in zip(down, index, strict=True)]
        rows.append(
            head
            + [_cell(cells[(*index, c)], desimaler, False) if (*index, c) in cells else "" for c in order]
        )
    for column in extra:
        per = tabell.groupby(across, sort=False)[column].first()
        head = [str(column), *[""] * (len(down) - 1)]
        # A reference period's mean is shown at the precision of the values it summarises:
        # the mean of whole persons as whole persons (the CSV keeps it exact).
        rows.append(head + [_cell(per.get(c), desimaler, False) for c in order])
    return {
        "kolonner": [str(k) for k in down] + [str(c) for c in order],
        "radnokler": len(down),
        "tall": [False] * len(down) + [True] * len(order),
        "rader": rows,
    }


# Columns a reference band adds beside the values (helpers.figures.charts): shown at the
# precision of the values they summarise.
REFERANSEKOLONNER = ("Snitt ", "Lavest ", "Høyest ")


def _plain_grid(tabell: pd.DataFrame) -> dict:
    formats = {c: _decimals(tabell[c]) if _numeric(tabell, c) else 0 for c in tabell.columns}
    if "Verdi" in formats:
        for c in formats:
            if str(c).startswith(REFERANSEKOLONNER):
                formats[c] = formats["Verdi"]
    rows = [
        [_cell(v, formats[c], _is_year_column(c)) for c, v in row.items()] for _, row in tabell.iterrows()
    ]
    first = tabell.columns[0] if len(tabell.columns) else None
    return {
        "kolonner": [str(c) for c in tabell.columns],
        "radnokler": 0 if first is None or _numeric(tabell, first) else 1,
        "tall": [_numeric(tabell, c) for c in tabell.columns],
        "rader": rows,
    }
