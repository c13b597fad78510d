"""What a data refresh changed in data/, as Markdown for the pull request (.github/workflows/data.yml).

    python tools/data_changes.py [--base REF] [--book success|failure|cancelled|skipped]

Compares every changed CSV in data/ with the committed version (REF, default HEAD): rows
added and removed, and which values changed, keyed by the columns that say what a value
is (region, year, series, ...). Provenance columns (source URL, note) are not part of the
key, so a value whose source address changed is still recognised as the same value.
"""

from __future__ import annotations

import argparse
import csv
import io
import subprocess
import sys
from collections import defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
VALUE_COLUMNS = ("value", "persons", "verdi")
PROVENANCE = {
    "note",
    "merknad",
    "source_url",
    "source_repo",
    "source_path",
    "source_commit",
    "retrieved",
    "hentet",
    "kilde",
    "utgiver",
}
SHOWN = 25
BOOK = {
    "success": "`make book` lykkes med de nye dataene.",
    "failure": "**`make book` feilet med de nye dataene**: se loggen; en setning, figur eller "
    "test må trolig tilpasses før denne kan slås sammen.",
    "cancelled": "`make book` ble avbrutt.",
    "skipped": "`make book` ble ikke kjørt.",
}


def git(root: Path, *args: str, check: bool = True) -> str:
    proc = subprocess.run(["git", *args], cwd=root, capture_output=True, text=True)
    if check and proc.returncode != 0:
        raise RuntimeError(f"git {' '.join(args)}: {proc.stderr.strip()}")
    return proc.stdout if proc.returncode == 0 else ""


def changed_files(root: Path, base: str) -> list[str]:
    names = git(root, "diff", "--name-only", base, "--", "data/").split()
    names += git(root, "ls-files", "--others", "--exclude-standard", "--", "data/").split()
    return sorted(set(names))


def table(text: str) -> tuple[list[str], list[dict]]:
    reader = csv.DictReader(io.StringIO(text))
    return list(reader.fieldnames or []), list(reader)


def values_by_key(header: list[str], rows: list[dict]) -> tuple[list[str], dict]:
    value_cols = [c for c in header if c in VALUE_COLUMNS]
    key_cols = [c for c in header if c not in VALUE_COLUMNS and c not in PROVENANCE]
    grouped = defaultdict(list)
    for row in rows:
        grouped[tuple(row[c] for c in key_cols)].append(tuple(row[c] for c in value_cols))
    return key_cols, {k: sorted(v) for k, v in grouped.items()}


def rader(n: int) -> str:
    return f"{n} rad" if n == 1 else f"{n} rader"


def show(values: list[tuple]) -> str:
    return " / ".join(", ".join(v if v != "" else "mangler" for v in vs) for vs in values) or "–"


def compare_csv(old: str | None, new: str | None) -> list[str]:
    if old is None:
        return [f"Ny fil med {rader(len(table(new)[1]))}."]
    if new is None:
        return [f"Fila er fjernet (hadde {rader(len(table(old)[1]))})."]
    old_header, old_rows = table(old)
    new_header, new_rows = table(new)
    lines = []
    if old_header != new_header:
        lines.append(f"Kolonnene er endret: `{', '.join(old_header)}` → `{', '.join(new_header)}`.")
        return lines + [f"Rader: {len(old_rows)} → {len(new_rows)}."]
    key_cols, before = values_by_key(old_header, old_rows)
    _, after = values_by_key(new_header, new_rows)
    added = sorted(set(after) - set(before))
    removed = sorted(set(before) - set(after))
    changed = sorted(k for k in set(before) & set(after) if before[k] != after[k])
    lines.append(
        f"Rader: {len(old_rows)} → {len(new_rows)}; nye verdier: {len(added)}, "
        f"fjernede: {len(removed)}, endrede: {len(changed)}."
    )
    if not (added or removed or changed):
        lines.append("Ingen verdier er endret (bare kilde eller merknad).")
        return lines
    lines += ["", f"| {' | '.join(key_cols)} | før | etter |", "|" + "---|" * (len(key_cols) + 2)]
    diffs = (
        [(k, before[k], after[k]) for k in changed]
        + [(k, [], after[k]) for k in added]
        + [(k, before[k], []) for k in removed]
    )
    for key, was, now in diffs[:SHOWN]:
        lines.append(f"| {' | '.join(key)} | {show(was)} | {show(now)} |")
    if len(diffs) > SHOWN:
        lines.append(f"\n… og {len(diffs) - SHOWN} til.")
    return lines


def summary(root: Path, base: str = "HEAD", book: str | None = None) -> str:
    files = changed_files(root, base)
    out = ["## Oppdaterte data fra SSB", ""]
    if not files:
        return "\n".join(out + ["Ingen endringer i `data/`.", ""])
    stat = git(root, "diff", "--stat", base, "--", "data/").rstrip()
    out += ["`make data` hentet tallene på nytt fra SSBs statistikkbank.", ""]
    if book:
        out += [BOOK.get(book, f"`make book`: {book}."), ""]
    if stat:
        out += ["```", stat, "```", ""]
    for name in files:
        if not name.endswith(".csv"):
            continue
        old = git(root, "show", f"{base}:{name}", check=False) or None
        path = root / name
        new = path.read_text(encoding="utf-8") if path.is_file() else None
        out += [f"### `{name}`", "", *compare_csv(old, new), ""]
    return "\n".join(out)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--base", default="HEAD", help="git revision to compare with (default HEAD)")
    parser.add_argument("--book", help="outcome of `make book` with the new data")
    parser.add_argument("--root", type=Path, default=ROOT, help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    sys.stdout.write(summary(args.root, args.base, args.book))
    return 0


if __name__ == "__main__":
    sys.exit(main())
