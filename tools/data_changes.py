"""What a data refresh changed in data/, as Markdown for the pull request (.github/workflows/data.yml).

    python tools/data_changes.py [--base REF] [--book success|failure|cancelled|skipped]
                                 [--github-output FILE]

When the refresh wrote a change record (data/endringslogg/, helpers.store.endringslogg), the
body starts with it: every sentence, figure title and headline that changed, those that flip
a comparison or a headline marked for a reader (helpers.prose.endringslogg.pull_request),
then the values. `--github-output` writes `krever_lesing=true|false` for the workflow.

Compares every changed CSV in data/ with the committed version (REF, default HEAD): rows
added and removed, and which values changed, keyed by the columns that say what a value
is (region, year, series, ...). Provenance columns (source URL, note) are not part of the
key, so a value whose source address changed is still recognised as the same value.
"""

from __future__ import annotations

import argparse
import subprocess
import sys
from pathlib import Path

from helpers.store.changes import compare, table

ROOT = Path(__file__).resolve().parents[1]
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


def rader(n: int) -> str:
    return f"{n} rad" if n == 1 else f"{n} rader"


def show(values: dict) -> str:
    if not values:
        return "–"
    return ", ".join(
        " / ".join(part if part != "" else "mangler" for part in str(v).split(" / ")) for v in values.values()
    )


def compare_csv(old: str | None, new: str | None) -> list[str]:
    """The change of one CSV as Markdown lines (the differ is helpers.store.changes)."""
    if old is None:
        return [f"Ny fil med {rader(len(table(new)[1]))}."]
    if new is None:
        return [f"Fila er fjernet (hadde {rader(len(table(old)[1]))})."]
    diff = compare("", old, new)
    lines = []
    if diff.header_changed:
        lines.append(f"Kolonnene er endret: `{', '.join(table(old)[0])}` → `{', '.join(table(new)[0])}`.")
        return lines + [f"Rader: {diff.rows_before} → {diff.rows_after}."]
    lines.append(
        f"Rader: {diff.rows_before} → {diff.rows_after}; nye verdier: {len(diff.added)}, "
        f"fjernede: {len(diff.removed)}, endrede: {len(diff.changed)}."
    )
    if diff.empty:
        lines.append("Ingen verdier er endret (bare kilde eller merknad).")
        return lines
    key_cols = diff.key_columns
    lines += ["", f"| {' | '.join(key_cols)} | før | etter |", "|" + "---|" * (len(key_cols) + 2)]
    diffs = (
        [(k, was, now) for k, was, now in diff.changed]
        + [(k, {}, now) for k, now in diff.added]
        + [(k, was, {}) for k, was in diff.removed]
    )
    for key, was, now in diffs[:SHOWN]:
        lines.append(f"| {' | '.join(key[c] for c in key_cols)} | {show(was)} | {show(now)} |")
    if len(diffs) > SHOWN:
        lines.append(f"\n… og {len(diffs) - SHOWN} til.")
    return lines


def new_record(root: Path, base: str) -> dict | None:
    """The change record this refresh wrote (a file under data/endringslogg/ not in `base`)."""
    from helpers.store.endringslogg import FOLDER, records

    fresh = {Path(n).name for n in changed_files(root, base) if n.startswith(f"data/{FOLDER}/")}
    found = [r for r in records(root / "data") if r["_file"] in fresh]
    return found[0] if found else None


def summary(root: Path, base: str = "HEAD", book: str | None = None) -> str:
    """The pull request's body: from the refresh's change record when there is one (changed
    sentences and headlines first, then values), then every changed CSV file as a table."""
    files = changed_files(root, base)
    record = new_record(root, base) if files else None
    if record is not None:
        from helpers.prose.endringslogg import pull_request

        out = [pull_request(record, book).rstrip(), "", "## Filene i `data/`", ""]
        for name in files:
            if name.endswith(".csv"):
                old = git(root, "show", f"{base}:{name}", check=False) or None
                path = root / name
                new = path.read_text(encoding="utf-8") if path.is_file() else None
                out += [f"### `{name}`", "", *compare_csv(old, new), ""]
        return "\n".join(out)
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
    parser.add_argument(
        "--github-output",
        type=Path,
        help="skriv krever_lesing=true|false hit (GITHUB_OUTPUT): en sammenligning eller overskrift snudde",
    )
    args = parser.parse_args(argv)
    sys.stdout.write(summary(args.root, args.base, args.book))
    if args.github_output:
        from helpers.prose.endringslogg import krever_lesing

        record = new_record(args.root, args.base)
        flips = bool(record and krever_lesing(record))
        with args.github_output.open("a", encoding="utf-8") as out:
            out.write(f"krever_lesing={'true' if flips else 'false'}\n")
    return 0


if __name__ == "__main__":
    sys.exit(main())
