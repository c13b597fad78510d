"""`make verify`: every declared SSB table checked against SSB's metadata, without fetching data.

One metadata request per table, plus one search of SSB's table list (`/tables?query=`) per
need whose right table is not known, all through the client's shared rate limit. The report
has one line per table and per dimension: found or not, each code checked (the closest
valid codes and their labels when one is missing), the unit, the years covered, and how the
data request would be sent (GET and its URL length, or POST). The exit status is non-zero
on any mismatch: a declared table that does not hold, or a need none of whose candidates
holds.
"""

from __future__ import annotations

import sys
from collections.abc import Callable
from pathlib import Path

from helpers.catalog.spec import SsbQuery
from helpers.statbank.client import SsbClient, SsbError, Unreachable, is_expression, match_codes
from helpers.statbank.failures import RefreshError
from helpers.statbank.jsonstat import JsonStatError, categories, dataset_meta
from helpers.statbank.planning import UNIT_SPELLINGS, closest, plan

__all__ = ["check_table", "main", "verify"]


def _n(count: int) -> str:
    return f"{count} kode" if count == 1 else f"{count} koder"


def _period_span(codes: list[str]) -> str:
    return f"{codes[0]}–{codes[-1]} ({len(codes)} perioder)" if codes else "ingen perioder"


def check_table(query: SsbQuery, meta: dict, client: SsbClient) -> tuple[list[str], int]:
    """Report lines for one table and the number of mismatches found."""
    cats = categories(meta, source=f"SSB-tabell {query.table} (metadata)")
    info = dataset_meta(meta)
    lines, bad = [], 0
    for dim, wanted in query.selection.items():
        if dim not in cats:
            lines.append(f"  {dim}: MANGLER (tabellen har {', '.join(cats)})")
            bad += 1
            continue
        codes = [c for c, _ in cats[dim]]
        checked = []
        for w in wanted:
            hits = match_codes(codes, [w])
            if hits:
                checked.append(f"{w} ok" if w in codes else f"{w} → {_n(len(hits))}")
                continue
            form = next((f.format(w) for f in ("K_{}", "K-{}", "F_{}", "F-{}") if f.format(w) in codes), None)
            if form and not is_expression(w) and "region" in dim.lower():
                checked.append(f"{w} ok som {form}")
                continue
            checked.append(f"{w} MANGLER ({closest(w, cats[dim])})")
            bad += 1
        extra = ""
        if dim == "Tid":
            extra = f"; tabellen dekker {_period_span(codes)}"
            if query.expect_years:
                first, last = query.expect_years
                years = {c[:4] for c in codes}
                gaps = [y for y in range(first, last + 1) if str(y) not in years]
                extra += f"; ventet {first}–{last}: " + (f"MANGLER {gaps}" if gaps else "dekket")
                bad += bool(gaps)
        if dim == "ContentsCode":
            units = info["units"].get("ContentsCode", {})
            accepted = UNIT_SPELLINGS.get(query.unit, {query.unit})
            bases = sorted(
                {str((units.get(c) or {}).get("base", "")).strip() for c in match_codes(codes, wanted)} - {""}
            )
            for base in bases:
                ok = base.lower() in accepted
                extra += f"; enhet {base!r}" + (" ok" if ok else f" AVVIK (venter {query.unit!r})")
                bad += not ok
        lines.append(f"  {dim}: funnet ({_n(len(codes))}); " + ", ".join(checked) + extra)
    for dim in cats:
        ext = (meta["dimension"].get(dim) or {}).get("extension") or {}
        if dim not in query.selection:
            if ext.get("elimination") is False:
                lines.append(f"  {dim}: MÅ VELGES (kan ikke summeres bort), men spørringen utelater den")
                bad += 1
            else:
                lines.append(f"  {dim}: utelatt, SSB summerer den bort")
    try:
        p = plan(query, meta)
    except RefreshError as exc:
        if not bad:  # a problem the per-dimension lines did not show (contents mapping, Tid)
            lines.append(f"  spørringen: {exc.reason}")
            bad += 1
        send = query.selection
    else:
        send = p.send
    method, length = client.request_plan(query.table, send)
    lines.append(
        f"  dataforespørsel: GET, URL {length} tegn"
        if method == "GET"
        else f"  dataforespørsel: POST (en GET-URL ville vært {length} tegn, over SSBs grense)"
    )
    return lines, bad


def verify(client: SsbClient, queries: list[SsbQuery], say: Callable[[str], None] = print) -> int:
    """Print the report; return the number of mismatches (0: every declaration holds)."""
    from helpers.statbank.queries import units

    mismatches = 0
    todo = units(queries)
    for i, unit in enumerate(todo, start=1):
        need = unit[0].need
        if need:
            say(f"[{i}/{len(todo)}] behov {need}: {len(unit)} kandidater")
        held = []
        for q in unit:
            head = f"SSB-tabell {q.table} ({q.title})"
            try:
                meta = client.metadata(q.table)
                lines, bad = check_table(q, meta, client)
            except Unreachable:
                raise
            except (SsbError, JsonStatError) as exc:
                say(
                    f"{'  kandidat ' if need else f'[{i}/{len(todo)}] '}{head}: IKKE FUNNET ({getattr(exc, 'reason', exc)})"
                )
                mismatches += not need
                continue
            verdict = "holder" if not bad else f"{bad} avvik"
            label = dataset_meta(meta)["label"] or ""
            say(f"{'  kandidat ' if need else f'[{i}/{len(todo)}] '}{head}: {verdict} — «{label}»")
            for line in lines:
                say(("  " if need else "") + line)
            if need and not bad:
                held.append(q.table)
            mismatches += bad if not need else 0
        if need:
            say(f"  => {'bruker ' + held[0] if held else 'INGEN KANDIDAT HOLDER'} for behovet {need}")
            mismatches += not held
            if unit[0].search:
                try:
                    found = client.search(unit[0].search)
                except Unreachable:
                    raise
                except SsbError as exc:
                    say(f"  søk «{unit[0].search}»: feilet ({exc.reason})")
                    mismatches += 1
                    continue
                say(f"  søk «{unit[0].search}» i SSBs tabelliste: {len(found)} treff")
                for t in found[:10]:
                    variables = ", ".join(map(str, t.get("variableNames") or []))
                    say(
                        f"    {t.get('id')}: {t.get('label')} ({t.get('firstPeriod')}–{t.get('lastPeriod')}; {variables})"
                    )
    say(
        "Alle deklarasjoner holder mot SSBs metadata."
        if not mismatches
        else f"{mismatches} avvik: rett deklarasjonene i src/helpers/catalog/datasets/ (se CONTRIBUTING.md)."
    )
    return mismatches


def main(args) -> int:
    """`python -m helpers verify [--report FILE]`: 0 when every declaration holds, 1 otherwise.

    Lines wait for the statbank's first answer: when it cannot be reached at all, the whole
    output is one line saying so, not a report of tables never asked about.
    """
    from helpers.statbank.connect import client_from
    from helpers.statbank.queries import declared_queries

    report = Path(args.report) if getattr(args, "report", None) else None
    out: list[str] = []
    held: list[str] = []
    client: SsbClient | None = None

    def say(line: str) -> None:
        out.append(line)
        if client is not None and not client.answered:
            held.append(line)
            return
        for waiting in held:
            print(waiting, flush=True)
        held.clear()
        print(line, flush=True)

    def progress(msg: str) -> None:
        if client is None or client.answered:
            print(msg, file=sys.stderr, flush=True)

    try:
        client = client_from(args, progress)
        say(f"Kontrollerer deklarasjonene mot {client.base_url} (bare metadata)")
        mismatches = verify(client, declared_queries(), say)
    except Unreachable as exc:
        held.clear()
        out.clear()
        client = None
        say(f"FEIL: {exc}")
        mismatches = -1
    except (RefreshError, SsbError) as exc:
        client = None
        say(f"FEIL: {exc}")
        mismatches = -1
    except Exception as exc:  # a bug must still end in one line and a non-zero exit
        client = None
        say(f"FEIL: uventet stopp i verify: {type(exc).__name__}: {str(exc)[:300]}")
        mismatches = -1
    client = None
    for waiting in held:
        print(waiting, flush=True)
    if report:
        report.write_text("\n".join(out) + "\n", encoding="utf-8")
    return 0 if mismatches == 0 else 1
