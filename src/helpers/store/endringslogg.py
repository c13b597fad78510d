"""The change records of the data package: one JSON file per refresh that changed something.

They live beside the data, in `data/endringslogg/<when>.json` (not resources of the package:
Frictionless and `make check` do not look at them). A record says when the refresh ran,
each SSB table's update time, every value added, removed or changed (keyed by what it is,
old → new), and, once the book has been built with the new data, every rendered text that
changed (`texts`). Only this module reads and writes them; the page, the feed and the pull
request are drawn from `records()`.
"""

from __future__ import annotations

import json
import os
import re
import tempfile
from pathlib import Path
from typing import Any

from helpers.store.changes import TableDiff
from helpers.store.paths import data_dir

FOLDER = "endringslogg"
VERSION = 1


def folder_of(data: Path | None = None) -> Path:
    return (data or data_dir()) / FOLDER


def _name(refreshed: str) -> str:
    return re.sub(r"[^0-9TZ]", "", refreshed) + ".json"


def build_record(refreshed: str, tables: list[dict], diffs: list[TableDiff]) -> dict | None:
    """The record of one refresh, or None when no value was added, removed or changed."""
    values: list[dict[str, Any]] = []
    resources = []
    for d in diffs:
        resources.append(
            {
                "resource": d.resource,
                "rows_before": d.rows_before,
                "rows_after": d.rows_after,
                "new_file": d.new_file,
                "removed_file": d.removed_file,
            }
        )
        values += [{"resource": d.resource, "change": "endret", "key": k, "before": b, "after": a}
                   for k, b, a in d.changed]  # fmt: skip
        values += [{"resource": d.resource, "change": "ny", "key": k, "before": None, "after": a}
                   for k, a in d.added]  # fmt: skip
        values += [{"resource": d.resource, "change": "fjernet", "key": k, "before": b, "after": None}
                   for k, b in d.removed]  # fmt: skip
    if not values:
        return None
    return {
        "version": VERSION,
        "refreshed": refreshed,
        "tables": tables,
        "resources": resources,
        "values": values,
        "texts": None,
        "book": None,
    }


def _atomic_write(path: Path, doc: dict) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".incoming", dir=path.parent)
    with os.fdopen(fd, "w", encoding="utf-8") as handle:
        json.dump(doc, handle, ensure_ascii=False, indent=1)
        handle.write("\n")
    os.replace(tmp, path)


def write_record(record: dict, data: Path | None = None) -> Path:
    path = folder_of(data) / _name(record["refreshed"])
    _atomic_write(path, record)
    return path


def records(data: Path | None = None) -> list[dict]:
    """Every record, newest first; each with `_file` (its file name)."""
    folder = folder_of(data)
    out = []
    for path in sorted(folder.glob("*.json"), reverse=True) if folder.is_dir() else []:
        try:
            doc = json.loads(path.read_text(encoding="utf-8"))
        except (OSError, ValueError) as exc:
            raise ValueError(f"{path}: endringsloggen kan ikke leses ({exc})") from exc
        doc["_file"] = path.name
        out.append(doc)
    out.sort(key=lambda r: r.get("refreshed", ""), reverse=True)
    return out


def latest(data: Path | None = None) -> dict | None:
    found = records(data)
    return found[0] if found else None


def record_files(data: Path | None = None) -> list[Path]:
    folder = folder_of(data)
    return sorted(folder.glob("*.json")) if folder.is_dir() else []


def set_texts(record: dict, texts: list[dict] | None, book: str, data: Path | None = None) -> Path:
    """Add what the book's rendered text changed (after a build with the new data) to a record."""
    doc = {k: v for k, v in record.items() if not k.startswith("_")}
    doc["texts"], doc["book"] = texts, book
    path = folder_of(data) / record["_file"]
    _atomic_write(path, doc)
    return path
