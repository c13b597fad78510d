"""`make data`: refresh the SSB part of the data package from the statbank API.

For every SSB table a registered dataset declares (an `SsbQuery`), in the order of the
table ids (candidates for one need: the first whose metadata holds):

1. the table's metadata; every declared dimension and code must exist in it (checks.plan);
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

import contextlib
import datetime as dt
import json
import math
import os
import shutil
import signal
import sys
import tempfile
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

import pandas as pd

from helpers.catalog.periods import whole_years
from helpers.catalog.registry import datasets
from helpers.catalog.spec import Dataset, SsbQuery
from helpers.statbank.checks import RefreshError, cells_of, plan, validate
from helpers.statbank.client import SsbClient, SsbError, Unreachable, describe_exception
from helpers.statbank.jsonstat import JsonStatError
from helpers.statbank.limits import LockHeld, RateLimiter, describe_holder, refresh_lock, state_dir
from helpers.statbank.resources import describe_resource, region_shaped, to_rows, write_csv
from helpers.store.changes import diff_packages
from helpers.store.endringslogg import build_record, write_record
from helpers.store.package import SnapshotError, number_text, read_package
from helpers.store.validation import check_package, remove_leftovers

__all__ = ["Fetched", "declared_queries", "fetch", "main", "refresh", "units"]

ENV = {
    "max_retries": ("SSB_MAX_RETRIES", int),
    "backoff": ("SSB_BACKOFF", float),
    "timeout": ("SSB_TIMEOUT", float),
    "max_wait": ("SSB_MAX_WAIT", float),
    "request_seconds": ("SSB_REQUEST_SECONDS", float),
    "stall_seconds": ("SSB_STALL_SECONDS", float),
    "run_seconds": ("SSB_RUN_SECONDS", float),
}
RUN_SECONDS = 1800.0  # a whole refresh; at 25 requests a minute that is far more than needed


@dataclass
class Fetched:
    query: SsbQuery
    request: dict[str, list[str]]
    meta: dict
    rows: pd.DataFrame
    notes: list[str] = field(default_factory=list)


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


def units(queries: list[SsbQuery]) -> list[list[SsbQuery]]:
    """What a refresh fetches, in order: one table, or the candidates of one need."""
    out: list[list[SsbQuery]] = []
    needs: dict[str, list[SsbQuery]] = {}
    for q in queries:
        if not q.need:
            out.append([q])
        elif q.need in needs:
            needs[q.need].append(q)
        else:
            needs[q.need] = [q]
            out.append(needs[q.need])
    return out


# -- the refresh -------------------------------------------------------------------------------


def _prefixed(say: Callable[[str], None], prefix: str) -> Callable[[str], None]:
    """`say` with every message led by `prefix`."""
    return lambda msg: say(f"{prefix}: {msg}")


def fetch(
    query: SsbQuery, client: SsbClient, say: Callable[[str], None], meta: dict | None = None
) -> Fetched:
    """Metadata, then data, then the checked rows of one table. Raises RefreshError."""
    try:
        if meta is None:
            say("henter metadata")
            meta = client.metadata(query.table)
        p = plan(query, meta)
        notes = [
            f"brukte SSBs kode {ssb} for {ours} (metadataene har ikke {ours})"
            for ours, ssb in p.forms.items()
        ]
        for note in notes:
            say(note)
        n = math.prod(len(c) for c in p.expected.values())
        method, length = client.request_plan(query.table, p.send)
        say(
            f"henter {n} celler ({method}, URL {length} tegn)"
            if method == "GET"
            else f"henter {n} celler (POST: en GET-URL ville vært {length} tegn)"
        )
        frame = client.data(
            query.table,
            p.send,
            expected=p.expected,
            on_part=lambda i, k: say(f"del {i} av {k}") if k > 1 else None,
        )
        back = {ssb: ours for ours, ssb in p.forms.items()}
        expected = p.expected
        if back:
            # Rows keep the book's codes (0301); the note and `ssb.request` keep SSB's form.
            for dim in expected:
                if dim in frame:
                    frame[dim] = frame[dim].map(lambda c: back.get(c, c))
            expected = {d: [back.get(c, c) for c in codes] for d, codes in expected.items()}
        cells = cells_of(query, frame, expected)
        problems = validate(query, expected, cells)
    except (RefreshError, Unreachable):
        raise
    except SsbError as exc:
        raise RefreshError(query.table, exc.reason) from exc
    except JsonStatError as exc:
        raise RefreshError(query.table, f"ugyldig JSON-stat i svaret ({exc.reason})") from exc
    except (ValueError, KeyError, TypeError, RecursionError) as exc:
        raise RefreshError(query.table, f"svaret kan ikke leses: {type(exc).__name__}: {exc}") from exc
    if problems:
        raise RefreshError(query.table, "kontrollen feilet: " + "; ".join(problems))
    rows = to_rows(query, cells)
    say(f"{len(rows)} rader kontrollert ({int(rows['value'].isna().sum())} tomme celler med statussymbol)")
    return Fetched(query, p.expected, meta, rows, notes)


def _first_that_holds(candidates: list[SsbQuery], client: SsbClient, say) -> tuple[SsbQuery, dict] | None:
    """The first candidate whose metadata holds every declared dimension and code."""
    for q in candidates:
        try:
            meta = client.metadata(q.table)
            plan(q, meta)
        except Unreachable:
            raise
        except SsbError as exc:
            if "HTTP 404" in exc.reason or "HTTP 400" in exc.reason:
                say(f"kandidat {q.table} holder ikke: {exc.reason[:200]}")
                continue
            raise RefreshError(q.table, exc.reason) from exc
        except (RefreshError, JsonStatError) as exc:
            say(f"kandidat {q.table} holder ikke: {getattr(exc, 'reason', exc)}")
            continue
        return q, meta
    return None


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
        held = _first_that_holds(unit, client, say)
        if held is None:
            say("ingen kandidat holder; figuren beholder stedfortrederen (se `make verify`)")
            continue
        q, meta = held
        say(f"bruker tabell {q.table}")
        fetched.append(fetch(q, client, _prefixed(say, q.table), meta=meta))

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


def _settings(args) -> dict:
    out = {}
    for name, (env, cast) in ENV.items():
        value = getattr(args, name, None)
        if value is None and os.environ.get(env):
            try:
                value = cast(os.environ[env])
            except ValueError as exc:
                raise RefreshError("datapakken", f"{env}={os.environ[env]!r} er ikke et tall") from exc
        if value is not None:
            out[name] = value
    out.setdefault("run_seconds", RUN_SECONDS)
    return out


def client_from(args, say: Callable[[str], None] | None = None) -> SsbClient:
    """One client for the whole run, its request times shared with every other on the machine."""
    limiter = RateLimiter(state_file=state_dir() / "requests.json")
    return SsbClient(limiter=limiter, say=say, **_settings(args))


@contextlib.contextmanager
def _signals_end_cleanly():
    """SIGTERM and SIGHUP end the run through the normal failure path (staging removed)."""

    def stop(signum, frame):
        raise SystemExit(f"avbrutt av signal {signal.Signals(signum).name}")

    old = {s: signal.signal(s, stop) for s in (signal.SIGTERM, signal.SIGHUP)}
    try:
        yield
    finally:
        for s, handler in old.items():
            signal.signal(s, handler)


def main(args, before_move: Callable[[dict], None] | None = None) -> int:
    """What `make data` runs. 0 on success; otherwise one line on stderr and data/ untouched.

    `before_move(record)`: see `refresh` (the book's text before the change, site.tekster)."""
    from helpers.store.paths import DataNotFound, data_dir

    where = {"now": "datapakken"}
    # Progress waits for the statbank's first answer: when it cannot be reached at all, the
    # run says so in one line instead of announcing tables it never asked for.
    held: list[str] = []
    client: SsbClient | None = None

    def say(msg: str) -> None:
        if msg.startswith("["):
            where["now"] = msg.split(":", 1)[0]
        if client is not None and not client.answered:
            held.append(msg)
            return
        for line in held:
            print(line, file=sys.stderr, flush=True)
        held.clear()
        print(msg, file=sys.stderr, flush=True)

    def fail(msg: str) -> None:
        print(msg, file=sys.stderr, flush=True)

    try:
        target = Path(args.data).resolve() if getattr(args, "data", None) else data_dir()
    except DataNotFound as exc:
        fail(f"FEIL: {exc}")
        return 1
    try:
        with _signals_end_cleanly(), refresh_lock(f"refresh av {target}") as stale:
            if stale:
                say(f"merk: tok over en foreldet lås ({describe_holder(stale)})")
            client = client_from(args, say)
            say(f"Oppfrisker {target} fra {client.base_url}")
            written = refresh(target, client, progress=say, before_move=before_move)
    except Unreachable as exc:
        fail(f"FEIL: {exc}; ingen filer i {target} er endret.")
        return 1
    except LockHeld as exc:
        fail(f"FEIL: {exc}")
        return 1
    except RefreshError as exc:
        say(f"FEIL: {exc}")
        say(f"Ingen filer i {target} er endret.")
        return 1
    except (Exception, SystemExit, KeyboardInterrupt) as exc:  # a bug or a signal: same ending
        say(f"FEIL: {where['now']}: uventet stopp: {_plain(exc)}")
        say(f"Ingen filer i {target} er endret.")
        return 2
    if written:
        say(f"Ferdig: skrev {', '.join(written)} i {target}")
    return 0


def _plain(exc: BaseException) -> str:
    """An unexpected stop in words: a network error described, never its raw repr."""
    import requests

    if isinstance(exc, requests.RequestException):
        return describe_exception(exc)
    return f"{type(exc).__name__}: {str(exc)[:300]}"
