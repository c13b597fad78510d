"""What changed between two versions of the data package: values added, removed and changed.

A value is known by what it is (region, year, series, ... : every column that is neither a
value nor provenance), so a value whose source address or note changed is the same value.
`compare` works on the CSV texts (the data workflow compares with git's committed version);
`diff_packages` compares two package folders (the refresh: data/ against its staged copy).
This is the one differ of the project: tools/data_changes.py and the change record use it.
"""

from __future__ import annotations

import csv
import io
import json
from collections import defaultdict
from dataclasses import dataclass, field
from pathlib import Path

VALUE_COLUMNS = ("value", "persons", "verdi", "status")
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


@dataclass
class TableDiff:
    """One CSV's change. Keys are dicts {column: text}; values the value columns' texts."""

    resource: str
    rows_before: int = 0
    rows_after: int = 0
    key_columns: list[str] = field(default_factory=list)
    value_columns: list[str] = field(default_factory=list)
    added: list[tuple[dict, dict]] = field(default_factory=list)
    removed: list[tuple[dict, dict]] = field(default_factory=list)
    changed: list[tuple[dict, dict, dict]] = field(default_factory=list)  # key, before, after
    header_changed: bool = False
    new_file: bool = False
    removed_file: bool = False

    @property
    def empty(self) -> bool:
        return not (self.added or self.removed or self.changed or self.header_changed)


def table(text: str) -> tuple[list[str], list[dict]]:
    reader = csv.DictReader(io.StringIO(text))
    return list(reader.fieldnames or []), list(reader)


def split_columns(header: list[str]) -> tuple[list[str], list[str]]:
    """(key columns, value columns) of a header."""
    values = [c for c in header if c in VALUE_COLUMNS]
    keys = [c for c in header if c not in VALUE_COLUMNS and c not in PROVENANCE]
    return keys, values


def values_by_key(header: list[str], rows: list[dict]) -> tuple[list[str], dict]:
    """Key columns, and per key the sorted value tuples (one per row with that key)."""
    key_cols, value_cols = split_columns(header)
    grouped = defaultdict(list)
    for row in rows:
        grouped[tuple(row[c] for c in key_cols)].append(tuple(row[c] for c in value_cols))
    return key_cols, {k: sorted(v) for k, v in grouped.items()}


def _named(cols: list[str], values: list[tuple]) -> dict:
    """The value columns by name; a key held by several rows keeps them joined with ' / '."""
    return {c: " / ".join(v[i] for v in values) for i, c in enumerate(cols)}


def compare(resource: str, old: str | None, new: str | None) -> TableDiff:
    """The change from CSV text `old` to `new` (None: the file is absent)."""
    if old is None and new is None:
        return TableDiff(resource)
    old_header, old_rows = table(old) if old is not None else (table(new or "")[0], [])
    new_header, new_rows = table(new) if new is not None else (old_header, [])
    diff = TableDiff(
        resource,
        rows_before=len(old_rows),
        rows_after=len(new_rows),
        new_file=old is None,
        removed_file=new is None,
    )
    if old_header != new_header:
        diff.header_changed = True
    key_cols, value_cols = split_columns(new_header)
    old_keys, _ = split_columns(old_header)
    if old_keys != key_cols:
        # Other columns say what a value is: every old value removed, every new one added.
        _, before = values_by_key(old_header, old_rows)
        _, after = values_by_key(new_header, new_rows)
        o_keys, o_vals = split_columns(old_header)
        diff.removed = [
            (dict(zip(o_keys, k, strict=True)), _named(o_vals, v)) for k, v in sorted(before.items())
        ]
        diff.added = [
            (dict(zip(key_cols, k, strict=True)), _named(value_cols, v)) for k, v in sorted(after.items())
        ]
        diff.key_columns, diff.value_columns = key_cols, value_cols
        return diff
    _, before = values_by_key(old_header, old_rows)
    _, after = values_by_key(new_header, new_rows)
    old_vals = split_columns(old_header)[1]
    diff.key_columns, diff.value_columns = key_cols, value_cols
    name = lambda k: dict(zip(key_cols, k, strict=True))  # noqa: E731
    diff.added = [(name(k), _named(value_cols, after[k])) for k in sorted(set(after) - set(before))]
    diff.removed = [(name(k), _named(old_vals, before[k])) for k in sorted(set(before) - set(after))]
    diff.changed = [
        (name(k), _named(old_vals, before[k]), _named(value_cols, after[k]))
        for k in sorted(set(before) & set(after))
        if _named(old_vals, before[k]) != _named(value_cols, after[k])
    ]
    return diff


def _csv_files(folder: Path) -> dict[str, Path]:
    try:
        package = json.loads((folder / "datapackage.json").read_text(encoding="utf-8"))
        listed = {r["name"]: folder / r["path"] for r in package.get("resources", []) if r.get("path")}
    except (OSError, ValueError):
        listed = {}
    return {name: path for name, path in listed.items() if path.suffix == ".csv"}


def diff_packages(old: Path, new: Path) -> list[TableDiff]:
    """Every resource whose values differ between two package folders, by resource name."""
    before, after = _csv_files(old), _csv_files(new)
    out = []
    for name in sorted(set(before) | set(after)):
        a = before[name].read_text(encoding="utf-8") if name in before and before[name].is_file() else None
        b = after[name].read_text(encoding="utf-8") if name in after and after[name].is_file() else None
        if a == b:
            continue
        diff = compare(name, a, b)
        if not diff.empty:
            out.append(diff)
    return out
