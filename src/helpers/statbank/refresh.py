"""`make data`: refresh the SSB part of the data package from the statbank API.

For every SSB table a registered dataset declares (an `SsbQuery`), in the order of the
table ids (candidates for one need: the first whose metadata holds):

1. the table's metadata; every declared dimension and code must exist in it
   (planning.plan);
2. the data, through one client (rate limit shared on the machine, retries, deadlines,
   size limits, cell-limit splitting), selection expressions sent as written;
3. checks before anything is written (checks.validate);
4. one resource per table (resources), `ssb_<table>`, one row per cell as SSB sent it.

Everything is staged in a temporary folder outside the repository and validated as a
whole package (Frictionless and `check_package`); only then are the files moved into
data/, datapackage.json last. Any failure stops the refresh with one line naming the
table and the cause, and data/ stays byte-for-byte as it was. One refresh runs at a time
(limits.refresh_lock); leftovers of a crashed run are reported by `make check`
(store.validation.leftovers) and removed by the next refresh.
"""

from __future__ import annotations

import datetime as dt
import json
import os
import shutil
import tempfile
from collections.abc import Callable
from pathlib import Path

import pandas as pd

from helpers.catalog.periods import whole_years
from helpers.catalog.spec import SsbQuery
from helpers.statbank.client import SsbClient
from helpers.statbank.failures import RefreshError
from helpers.statbank.fetch import Fetched, fetch, first_that_holds, prefixed
from helpers.statbank.queries import declared_queries, units
from helpers.statbank.resources import describe_resource, region_shaped, write_csv
from helpers.store.changes import diff_packages
from helpers.store.endringslogg import build_record, write_record
from helpers.store.package import SnapshotError, number_text, read_package
from helpers.store.validation import check_package, remove_leftovers

__all__ = ["Fetched", "declared_queries", "fetch", "refresh", "units"]


# -- what to fetch -------------------------------------------------------------------------


# -- the refresh -------------------------------------------------------------------------------


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


def _stamp(now: dt.datetime | None) -> str:
    return (now or dt.datetime.now(dt.UTC)).replace(microsecond=0).isoformat().replace("+00:00", "Z")


def refresh(
    target: Path,
    client: SsbClient,
    queries: list[SsbQuery] | None = None,
    progress: Callable[[str], None] | None = None,
    now: dt.datetime | None = None,
    before_move: Callable[[dict], None] | None = None,
) -> list[str]:
    """Fetch, check and atomically write every declared SSB table into `target`.

    Returns the names of the files replaced. Raises RefreshError; `target` is then unchanged.
    When a value was added, removed or changed, a change record is written beside the data
    (store.endringslogg); `before_move(record)` is called first, while `target` still holds
    the old data (the command line builds the book then, to compare its text afterwards).
    """
    progress = progress or (lambda msg: None)
    queries = declared_queries() if queries is None else queries
    if not queries:
        raise RefreshError("datapakken", "ingen datasett deklarerer SSB-tabeller")
    try:
        package = read_package(target)
    except SnapshotError as exc:
        raise RefreshError("datapakken", str(exc)) from exc
    for item in remove_leftovers(target, package):
        progress(f"fjernet rest etter en avbrutt oppfriskning: {item}")

    todo = units(queries)
    fetched = []
    for i, unit in enumerate(todo, start=1):
        first = unit[0]
        label = f"behovet {first.need}" if first.need else f"SSB-tabell {first.table}"
        say = lambda msg, i=i, label=label: progress(f"[{i}/{len(todo)}] {label}: {msg}")  # noqa: E731
        if not first.need:
            fetched.append(fetch(first, client, say))
            continue
        say(f"prøver kandidatene {', '.join(q.table for q in unit)}")
        held = first_that_holds(unit, client, say)
        if held is None:
            say("ingen kandidat holder; figuren beholder stedfortrederen (se `make verify`)")
            continue
        q, meta = held
        say(f"bruker tabell {q.table}")
        fetched.append(fetch(q, client, prefixed(say, q.table), meta=meta))

    retrieved = _stamp(now)
    # Staged outside the repository: a run killed at any point leaves nothing in it.
    staging = Path(tempfile.mkdtemp(prefix="oslo-flytting-staging-"))
    try:
        for path in target.iterdir():
            if path.is_file() and not path.name.startswith("."):
                shutil.copy2(path, staging / path.name)
        names = []
        for f in fetched:
            path = staging / f"{f.query.resource}.csv"
            write_csv(f.rows, path)
            res = describe_resource(f.query, f.meta, f.request, path, retrieved, client.base_url)
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
        problems = check_package(staging)
        if problems:
            raise RefreshError("datapakken", "den nye datapakken er ugyldig: " + "; ".join(problems[:10]))
        for line in disagreements(fetched, staging):
            progress(f"merk: {line}")
        record = build_record(retrieved, [_table_entry(f) for f in fetched], diff_packages(target, staging))
        if record is not None and before_move is not None:
            before_move(record)
        move_into(staging, target, names + ["datapackage.json"])
        if record is None:
            progress("ingen verdier er endret: ingen ny oppføring i endringsloggen")
        else:
            path = write_record(record, target)
            counts = {c: sum(v["change"] == c for v in record["values"]) for c in ("endret", "ny", "fjernet")}
            progress(
                f"endringslogg: {counts['endret']} endrede, {counts['ny']} nye og {counts['fjernet']} "
                f"fjernede verdier i {path.relative_to(target.parent)}"
            )
        return names + ["datapackage.json"]
    finally:
        shutil.rmtree(staging, ignore_errors=True)


def _table_entry(f: Fetched) -> dict:
    """A table of the refresh as the change record lists it: its id, title and update at SSB."""
    from helpers.statbank.jsonstat import dataset_meta

    try:
        updated = dataset_meta(f.meta).get("updated")
    except Exception:  # the update time is information, never a reason to stop
        updated = None
    return {
        "table": f.query.table,
        "resource": f.query.resource,
        "title": f.query.title,
        "updated": updated,
        "year_to_date": f.query.year_to_date,  # a 4th quarter "so far this year" is the whole year
    }


def move_into(staging: Path, target: Path, names: list[str]) -> None:
    """Copy the staged files next to their targets, then rename them over; the descriptor last.

    The copies (`.<name>.incoming`) sit in data/ so the renames are atomic; a crash leaves
    either them or renamed files the old descriptor does not vouch for, both of which
    `make check` reports and the next refresh removes.
    """
    incoming = [(target / f".{name}.incoming", target / name) for name in names]
    try:
        for (tmp, _), name in zip(incoming, names, strict=True):
            shutil.copyfile(staging / name, tmp)
        for tmp, final in incoming:
            if final.name != "datapackage.json":
                os.replace(tmp, final)
        os.replace(*incoming[names.index("datapackage.json")])
    finally:
        for tmp, _ in incoming:
            tmp.unlink(missing_ok=True)


# -- command line ----------------------------------------------------------------------------
