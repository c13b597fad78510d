"""An answer's checked cells as the rows and the Frictionless description of a resource.

A table asked for by exactly Region, ContentsCode and Tid gets the region columns in
`COLUMNS`, which the city datasets read. Any other table keeps its own dimensions in the
tidy JSON-stat shape the dataset modules read: `<Dim>` and `<Dim>_label` for every
dimension asked for, then `TIDY_TAIL` (series, value, unit, status, source_url, note).
"""

from __future__ import annotations

import re
from pathlib import Path

import pandas as pd

from helpers.catalog import regions
from helpers.catalog.spec import SsbQuery
from helpers.statbank.checks import STATUS_TEXT
from helpers.statbank.jsonstat import dataset_meta
from helpers.store.package import describe_csv, number_text

COLUMNS = [
    "region_code",
    "region_name",
    "level",
    "year",
    "period",
    "series",
    "value",
    "unit",
    "status",
    "source_url",
    "note",
]
DIMENSIONS = ("Region", "ContentsCode", "Tid")
TIDY_TAIL = ["series", "value", "unit", "status", "source_url", "note"]


def region_shaped(query: SsbQuery) -> bool:
    """Whether the table is stored in the region columns (`COLUMNS`) rather than the tidy shape."""
    return set(query.selection) == set(DIMENSIONS)


def columns(query: SsbQuery) -> list[str]:
    """The columns of the resource a refresh writes for `query`."""
    if region_shaped(query):
        return list(COLUMNS)
    return [c for d in query.selection for c in (d, f"{d}_label")] + TIDY_TAIL


# -- cells to rows ---------------------------------------------------------------------------


def _level(code: str) -> str:
    if code == "0":
        return "land"
    return {2: "fylke", 4: "kommune"}.get(len(code), "annen")


def _query_text(query: SsbQuery) -> str:
    return "; ".join(f"{d}={','.join(c)}" for d, c in query.selection.items())


def _notes(query: SsbQuery, cells: pd.DataFrame) -> list[str]:
    """Per row: the statistic, 'year to date', what an empty cell's symbol means, a code not in
    use that year, and the query, so a row read on its own says what it is."""
    asked = _query_text(query)
    has_contents, has_region = "ContentsCode" in cells, "Region" in cells
    notes = []
    for cell in cells.to_dict("records"):
        parts = [f"{cell['ContentsCode_label']} [{cell['ContentsCode']}]"] if has_contents else []
        period, status = str(cell["Tid"]), cell["status"]
        if query.year_to_date and not re.fullmatch(r"\d{4}", period):
            parts.append("hittil i år (fra 1. januar)")
        if status:
            parts.append(f"status {status!r}: {STATUS_TEXT.get(status, 'se SSBs tegnforklaring')}")
        code = str(cell["Region"]) if has_region else ""
        if code in regions.CODES and re.match(r"\d{4}", period) and not regions.in_use(code, int(period[:4])):
            parts.append(f"koden var ikke i bruk for {regions.CODES[code][0]} dette året")
        parts.append(f"spørring (PxWebApi v2): {asked}")
        notes.append("; ".join(parts))
    return notes


def to_rows(query: SsbQuery, cells: pd.DataFrame) -> pd.DataFrame:
    """The checked cells as the rows of the table's resource (see `columns`)."""
    common = {
        "series": cells["series"],
        "value": cells["value"],
        "unit": query.unit,
        "status": cells["status"],
        "source_url": query.url,
        "note": _notes(query, cells),
    }
    if not region_shaped(query):
        dims = {c: cells[c].astype(str) for d in query.selection for c in (d, f"{d}_label")}
        return pd.DataFrame({**dims, **common}, columns=columns(query))
    return pd.DataFrame(
        {
            "region_code": cells["Region"].astype(str),
            "region_name": cells["Region_label"].astype(str),
            "level": cells["Region"].map(_level),
            "year": cells["Tid"].str[:4].astype(int),
            "period": cells["Tid"].astype(str),
            **common,
        },
        columns=COLUMNS,
    )


def write_csv(rows: pd.DataFrame, path: Path) -> None:
    out = rows.copy()
    out["value"] = [number_text(v) for v in out["value"]]
    out.to_csv(path, index=False, encoding="utf-8", lineterminator="\n")


def describe_resource(
    q: SsbQuery, table_meta: dict, request: dict, path: Path, retrieved: str, base_url: str
) -> dict:
    """The resource's entry in datapackage.json: Frictionless fields plus `ssb` provenance."""
    meta = dataset_meta(table_meta)
    if region_shaped(q):
        what = f"for regionene {', '.join(q.selection['Region'])}"
    else:
        what = (
            f"etter {', '.join(d for d in q.selection if d != 'ContentsCode')} (kode og tekst per dimensjon)"
        )
    res = describe_csv(
        path,
        q.resource,
        f"SSB-tabell {q.table}, {q.title}: {', '.join(dict.fromkeys(q.contents.values()))} {what}, "
        "én rad per celle slik statistikkbanken leverte den. Tomme celler har SSBs statussymbol i `status`.",
        [{"title": f"Statistisk sentralbyrå, statistikkbanken, tabell {q.table}", "path": q.url}],
        retrieved,
    )
    res["ssb"] = {
        "table": q.table,
        "title": q.title,
        "label": meta["label"],
        "updated": meta["updated"],
        "api": f"{base_url}/tables/{q.table}/data",
        "query": {d: list(c) for d, c in q.selection.items()},
        "request": request,
        "contents": dict(q.contents),
        "year_to_date": q.year_to_date,
        "note": q.note,
    }
    return res
