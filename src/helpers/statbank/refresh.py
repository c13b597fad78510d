"""`make data`: refresh the SSB part of the data package from the statbank API.

For every SSB table a registered dataset declares (an `SsbQuery`, one per table), in the
order of the table ids:

1. the table's metadata, and every requested dimension and code must exist in it;
2. the data, through one shared client (rate limit, retries, cell-limit splitting);
3. checks before anything is written: every requested cell present once and nothing else,
   no negative counts of persons, every city with a value in the expected years, published
   totals equal to the sum of their parts;
4. one snapshot resource per table, named by `SsbQuery.resource` (`ssb_<table>`), one row
   per cell as SSB sent it (a missing cell stays empty, its status symbol in `status`).

The resource's columns follow from the declaration. A table asked for by exactly Region,
ContentsCode and Tid (today 06913, 01223, 07230) gets the region columns in `COLUMNS`, which the
city datasets read. Any other table keeps its own dimensions in the tidy JSON-stat shape
the dataset modules read: `<Dim>` and `<Dim>_label` for every dimension asked for, then
`TIDY_TAIL` (series, value, unit, status, source_url, note).

Everything goes to a staging folder next to data/, the staged package is validated as a
whole (Frictionless and `check_package`), and only then are the files moved into place.
Any failure stops the refresh with a message naming the table and the reason, and the
committed files stay byte-for-byte as they were.
"""

from __future__ import annotations

import datetime as dt
import fnmatch
import json
import math
import os
import re
import shutil
import sys
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import pandas as pd

from helpers.catalog import regions
from helpers.statbank.jsonstat import JsonStatError, categories, dataset_meta
from helpers.catalog.registry import datasets
from helpers.catalog.spec import Dataset, SsbQuery
from helpers.store.package import (
    SnapshotError,
    describe_csv,
    number_text,
    read_package,
    replace_atomically,
    staging_dir,
)
from helpers.catalog.periods import whole_years
from helpers.statbank.client import SsbClient, SsbError

__all__ = [
    "COLUMNS",
    "TIDY_TAIL",
    "RefreshError",
    "columns",
    "declared_queries",
    "main",
    "refresh",
    "resolve",
    "region_shaped",
]

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
# SSB writes the unit in the table's language: "personer" (bokmål) or "personar" (nynorsk).
UNIT_SPELLINGS = {"personer": {"personer", "personar", "person"}}
# Units that count people (or moves, one person each): such values cannot be negative.
PERSONS = {"personer", "flyttinger"}
_FROM = re.compile(r"^from\((.+)\)$")

ENV_RETRIES, ENV_BACKOFF, ENV_TIMEOUT = "SSB_MAX_RETRIES", "SSB_BACKOFF", "SSB_TIMEOUT"


class RefreshError(RuntimeError):
    """A refresh that stopped; `table` says where ("datapakken" for the package as a whole)."""

    def __init__(self, table: str, reason: str):
        self.table = table
        self.reason = reason
        where = table if table == "datapakken" else f"SSB-tabell {table}"
        super().__init__(f"{where}: {reason}")


@dataclass
class Fetched:
    query: SsbQuery
    request: dict[str, list[str]]
    meta: dict
    rows: pd.DataFrame


# -- what to fetch -------------------------------------------------------------------------


def declared_queries(known: dict[str, Dataset] | None = None) -> list[SsbQuery]:
    """Every SSB table the registered datasets declare, once each, in the order of the table ids.

    Two datasets may share a table only through the same declaration (import the other
    module's SsbQuery, or merge the selections into one): two different queries for one
    table would make two resources compete for one name, so that stops the refresh.
    """
    found: dict[str, tuple[SsbQuery, str]] = {}
    for ds in (known if known is not None else datasets()).values():
        for q in ds.ssb:
            if q.table in found and found[q.table][0] != q:
                raise RefreshError(
                    q.table,
                    f"tabellen er deklarert med to ulike spørringer (datasettene "
                    f"{found[q.table][1]!r} og {ds.name!r}); samle dem i én SsbQuery",
                )
            found.setdefault(q.table, (q, ds.name))
    return [found[t][0] for t in sorted(found)]


def region_shaped(query: SsbQuery) -> bool:
    """Whether the table is stored in the region columns (`COLUMNS`) rather than the tidy shape."""
    return set(query.selection) == set(DIMENSIONS)


def columns(query: SsbQuery) -> list[str]:
    """The columns of the resource a refresh writes for `query`."""
    if region_shaped(query):
        return list(COLUMNS)
    return [c for d in query.selection for c in (d, f"{d}_label")] + TIDY_TAIL


def resolve(query: SsbQuery, meta: dict) -> dict[str, list[str]]:
    """The query with every code spelled out from the metadata; a code the table lacks is an error.

    "*" and patterns ("*K4") match codes, "from(x)" takes x and every later code. All
    problems are reported at once, so one run names every wrong code.
    """
    cats = categories(meta, source=f"SSB-tabell {query.table} (metadata)")
    problems, out = [], {}
    for dim, wanted in query.selection.items():
        if dim not in cats:
            problems.append(f"dimensjonen {dim!r} finnes ikke (tabellen har {', '.join(cats)})")
            continue
        codes = [c for c, _ in cats[dim]]
        picked: list[str] = []
        for w in wanted:
            m = _FROM.match(w)
            if m:
                hits = [c for c in codes if c >= m.group(1)]
            elif any(ch in w for ch in "*?["):
                hits = [c for c in codes if fnmatch.fnmatchcase(c, w)]
            else:
                hits = [w] if w in codes else []
            if not hits:
                sample = ", ".join(codes[:12]) + (" …" if len(codes) > 12 else "")
                problems.append(f"koden {w!r} finnes ikke i dimensjonen {dim} (finnes: {sample})")
            picked += [h for h in hits if h not in picked]
        out[dim] = picked
    for dim in cats:
        ext = (meta["dimension"].get(dim) or {}).get("extension") or {}
        if dim not in query.selection and ext.get("elimination") is False:
            problems.append(f"dimensjonen {dim} må velges (SSB kan ikke summere den bort)")
    if "Tid" not in query.selection:
        problems.append("spørringen må velge Tid")
    unmapped = [c for c in query.selection.get("ContentsCode", []) if c not in query.contents]
    if unmapped:
        problems.append(f"ingen serie er oppgitt for {', '.join(unmapped)} i SsbQuery.contents")
    if problems:
        raise RefreshError(query.table, "; ".join(problems))
    _check_units(query, meta, out.get("ContentsCode", []))
    return out


def _check_units(query: SsbQuery, meta: dict, contents: list[str]) -> None:
    units = dataset_meta(meta)["units"].get("ContentsCode", {})
    accepted = UNIT_SPELLINGS.get(query.unit, {query.unit})
    for code in contents:
        base = str((units.get(code) or {}).get("base", "")).strip().lower()
        if base and base not in accepted:
            raise RefreshError(
                query.table, f"{code} har enheten {base!r}, men spørringen venter {query.unit!r}"
            )


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
    frame["series"] = frame["ContentsCode"].map(query.contents) if "ContentsCode" in request else ""
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
        missing = [c for c in request[dim] if c not in set(cells[dim])]
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
        in_use = [regions.in_use(c, y) for c, y in zip(years["region_code"], years["year"])]
        have = {
            (regions.CODES[c][0], y, s)
            for c, y, s, ok in zip(years["region_code"], years["year"], years["series"], in_use)
            if ok
        }
        places = sorted({regions.CODES[c][0] for c in query.selection["Region"] if c in regions.CODES})
    else:
        have = {("", y, s) for y, s in zip(years["year"], years["series"])}
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


# -- the refresh -------------------------------------------------------------------------------


def fetch(query: SsbQuery, client: SsbClient, say: Callable[[str], None]) -> Fetched:
    """Metadata, then data, then the checked rows of one table. Raises RefreshError."""
    try:
        say("henter metadata")
        meta = client.metadata(query.table)
        request = resolve(query, meta)
        n = math.prod(len(c) for c in request.values())
        say(f"henter {n} celler")
        frame = client.data(
            query.table, request, on_part=lambda i, k: say(f"del {i} av {k}") if k > 1 else None
        )
        cells = cells_of(query, frame, request)
        problems = validate(query, request, cells)
    except RefreshError:
        raise
    except SsbError as exc:
        raise RefreshError(query.table, exc.reason) from exc
    except JsonStatError as exc:
        raise RefreshError(query.table, f"ugyldig JSON-stat i svaret ({exc.reason})") from exc
    except (ValueError, KeyError, TypeError) as exc:
        raise RefreshError(query.table, f"svaret kan ikke leses: {type(exc).__name__}: {exc}") from exc
    if problems:
        raise RefreshError(query.table, "kontrollen feilet: " + "; ".join(problems))
    rows = to_rows(query, cells)
    say(f"{len(rows)} rader kontrollert ({int(rows['value'].isna().sum())} tomme celler med statussymbol)")
    return Fetched(query, request, meta, rows)


def disagreements(fetched: list[Fetched], folder: Path) -> list[str]:
    """Where the statbank and the transcribed pages give different values for the same cell.

    Not an error (the API value wins, the page value stays as provenance), but a long list
    is the sign of a series mapped to the wrong definition, so the refresh prints it.
    """
    from helpers.store.package import read_resource

    key = ["region_code", "year", "series"]
    pages = []
    for res in read_package(folder)["resources"]:
        if res["name"].startswith("ssb_"):
            continue
        fields = {f["name"] for f in res["schema"]["fields"]}
        if set(key) | {"value", "unit", "source_url"} <= fields:
            frame = read_resource(res["name"], folder)
            pages.append(frame[frame["unit"] == "personer"][key + ["value", "source_url"]])
    if not pages:
        return []
    pages = pd.concat(pages, ignore_index=True).dropna(subset=["value"])
    pages["year"] = pages["year"].astype(int)
    out = []
    # Only the region-shaped tables of persons hold the cells the transcribed pages have.
    for f in (f for f in fetched if region_shaped(f.query) and f.query.unit == "personer"):
        api = whole_years(f.rows, year_to_date=f.query.year_to_date).dropna(subset=["value"])
        both = api[key + ["value"]].merge(pages, on=key, suffixes=("", "_side"))
        differ = both[(both["value"] - both["value_side"]).abs() > 0.5]
        if len(differ):
            examples = "; ".join(
                f"{r.region_code} {r.year} {r.series}: statistikkbanken {number_text(r.value)}, "
                f"side {number_text(r.value_side)}"
                for r in differ.head(3).itertuples()
            )
            out.append(
                f"SSB-tabell {f.query.table}: {len(differ)} av {len(both)} verdier som også finnes "
                f"avskrevet, er ulike (f.eks. {examples})"
            )
    return out


def _write_csv(rows: pd.DataFrame, path: Path) -> None:
    out = rows.copy()
    out["value"] = [number_text(v) for v in out["value"]]
    out.to_csv(path, index=False, encoding="utf-8", lineterminator="\n")


def _resource(f: Fetched, path: Path, retrieved: str, base_url: str) -> dict:
    q = f.query
    meta = dataset_meta(f.meta)
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
        "request": f.request,
        "contents": dict(q.contents),
        "year_to_date": q.year_to_date,
        "note": q.note,
    }
    return res


def refresh(
    target: Path,
    client: SsbClient,
    queries: list[SsbQuery] | None = None,
    progress: Callable[[str], None] | None = None,
    now: dt.datetime | None = None,
) -> list[str]:
    """Fetch, check and atomically write every declared SSB table into `target`.

    Returns the names of the files replaced. Raises RefreshError; `target` is then unchanged.
    """
    progress = progress or (lambda msg: None)
    queries = declared_queries() if queries is None else queries
    if not queries:
        raise RefreshError("datapakken", "ingen datasett deklarerer SSB-tabeller")
    try:
        package = read_package(target)
    except SnapshotError as exc:
        raise RefreshError("datapakken", str(exc)) from exc

    fetched = []
    for i, q in enumerate(queries, start=1):
        fetched.append(
            fetch(
                q, client, lambda msg, i=i, q=q: progress(f"[{i}/{len(queries)}] SSB-tabell {q.table}: {msg}")
            )
        )

    retrieved = (
        (now or dt.datetime.now(dt.timezone.utc)).replace(microsecond=0).isoformat().replace("+00:00", "Z")
    )
    staging = staging_dir(target)
    try:
        for item in target.iterdir():
            if item.is_file():
                shutil.copy2(item, staging / item.name)
        names = []
        for f in fetched:
            path = staging / f"{f.query.resource}.csv"
            _write_csv(f.rows, path)
            res = _resource(f, path, retrieved, client.base_url)
            present = [r["name"] for r in package["resources"]]
            if res["name"] in present:
                package["resources"][present.index(res["name"])] = res
            else:
                package["resources"].append(res)
            names.append(path.name)
        package["refreshed"] = retrieved
        (staging / "datapackage.json").write_text(
            json.dumps(package, ensure_ascii=False, indent=2) + "\n", encoding="utf-8"
        )
        progress("kontrollerer hele datapakken før den skrives")
        from helpers.store.validation import check_package

        problems = check_package(staging)
        if problems:
            raise RefreshError("datapakken", "den nye datapakken er ugyldig: " + "; ".join(problems[:10]))
        for line in disagreements(fetched, staging):
            progress(f"merk: {line}")
        replace_atomically(staging, target, names + ["datapackage.json"])
        return names + ["datapackage.json"]
    finally:
        shutil.rmtree(staging, ignore_errors=True)


# -- command line ----------------------------------------------------------------------------


def _setting(args, name: str, env: str, cast):
    value = getattr(args, name, None)
    if value is None and os.environ.get(env):
        try:
            value = cast(os.environ[env])
        except ValueError as exc:
            raise RefreshError("datapakken", f"{env}={os.environ[env]!r} er ikke et tall") from exc
    return value


def client_from(args) -> SsbClient:
    """One client for the whole refresh (SSB's rate limit is per IP, so never two)."""
    kwargs = {}
    for name, env, cast, key in (
        ("max_retries", ENV_RETRIES, int, "max_retries"),
        ("backoff", ENV_BACKOFF, float, "backoff"),
        ("timeout", ENV_TIMEOUT, float, "timeout"),
    ):
        value = _setting(args, name, env, cast)
        if value is not None:
            kwargs[key] = value
    return SsbClient(**kwargs)


def main(args) -> int:
    """What `make data` runs. 0 on success; otherwise a message on stderr and data/ untouched."""
    from helpers.store.paths import DataNotFound, data_dir

    def say(msg: str) -> None:
        print(msg, file=sys.stderr, flush=True)

    try:
        target = Path(args.data).resolve() if getattr(args, "data", None) else data_dir()
    except DataNotFound as exc:
        say(f"FEIL: {exc}")
        return 1
    try:
        client = client_from(args)
        say(f"Oppfrisker {target} fra {client.base_url}")
        written = refresh(target, client, progress=say)
    except RefreshError as exc:
        say(f"FEIL: {exc}")
        say(f"Ingen filer i {target} er endret.")
        return 1
    except Exception as exc:  # a bug must end like any other failure: non-zero, data untouched
        say(f"FEIL: uventet feil under oppfriskningen: {type(exc).__name__}: {exc}")
        say(f"Ingen filer i {target} er endret.")
        return 2
    say(f"Ferdig: skrev {', '.join(written)} i {target}")
    return 0
