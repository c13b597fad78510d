"""One SSB table fetched and checked: metadata, then data, then the rows (planning.plan,
checks.validate); of several candidates, the first whose metadata holds.
"""

from __future__ import annotations

import math
from collections.abc import Callable
from dataclasses import dataclass, field

import pandas as pd

from helpers.catalog.spec import SsbQuery
from helpers.statbank.checks import cells_of, validate
from helpers.statbank.client import SsbClient, SsbError, Unreachable
from helpers.statbank.failures import RefreshError
from helpers.statbank.jsonstat import JsonStatError
from helpers.statbank.planning import plan
from helpers.statbank.resources import to_rows


@dataclass
class Fetched:
    query: SsbQuery
    request: dict[str, list[str]]
    meta: dict
    rows: pd.DataFrame
    notes: list[str] = field(default_factory=list)


def prefixed(say: Callable[[str], None], prefix: str) -> Callable[[str], None]:
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


def first_that_holds(candidates: list[SsbQuery], client: SsbClient, say) -> tuple[SsbQuery, dict] | None:
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
