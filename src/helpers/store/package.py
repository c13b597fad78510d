"""The committed data package (Frictionless) in data/: reading, checking, writing.

Every resource is a CSV whose sha256 is recorded in datapackage.json; a file that
no longer matches its hash is refused by name rather than silently used. Writing
always goes through a temporary directory and a rename, so a failed import or
refresh leaves the committed files byte-for-byte as they were.
"""

from __future__ import annotations

import csv
import hashlib
import json
import os
import shutil
import tempfile
from pathlib import Path

import pandas as pd

from helpers.store.paths import data_dir

LICENSE_SSB = {
    "name": "CC-BY-4.0",
    "path": "https://creativecommons.org/licenses/by/4.0/",
    "title": "Creative Commons Attribution 4.0 (kilde: Statistisk sentralbyrå)",
}

# Column types for the Frictionless schema; everything else is a string. Region
# codes are strings because "0301" must keep its leading zero.
_NUMBER = {"value", "persons"}
_INTEGER = {"year", "age"}


class SnapshotError(RuntimeError):
    pass


def sha256(path: Path) -> str:
    h = hashlib.sha256()
    with open(path, "rb") as f:
        for block in iter(lambda: f.read(1 << 16), b""):
            h.update(block)
    return h.hexdigest()


def read_package(folder: Path | None = None) -> dict:
    folder = folder or data_dir()
    path = folder / "datapackage.json"
    try:
        return json.loads(path.read_text(encoding="utf-8"))
    except (OSError, json.JSONDecodeError) as exc:
        raise SnapshotError(f"{path}: kan ikke lese datapakken ({exc})") from exc


def resource_meta(name: str, folder: Path | None = None) -> dict:
    package = read_package(folder)
    for res in package["resources"]:
        if res["name"] == name:
            return res
    known = ", ".join(r["name"] for r in package["resources"])
    raise SnapshotError(f"datapakken har ingen ressurs {name!r} (finnes: {known})")


def has_resource(name: str, folder: Path | None = None) -> bool:
    return any(res["name"] == name for res in read_package(folder)["resources"])


def number_text(value) -> str:
    """A value as the snapshot writes it: whole numbers without ".0", missing as empty."""
    if value is None or pd.isna(value):
        return ""
    value = float(value)
    return str(int(value)) if value.is_integer() else repr(value)


def read_resource(name: str, folder: Path | None = None) -> pd.DataFrame:
    """Read one resource as strings plus typed numeric columns, after checking its hash."""
    folder = folder or data_dir()
    meta = resource_meta(name, folder)
    path = folder / meta["path"]
    if not path.is_file():
        raise SnapshotError(f"{path}: filen mangler (ressurs {name!r})")
    expected = meta.get("hash", "").removeprefix("sha256:")
    actual = sha256(path)
    if expected and actual != expected:
        if name.startswith("ssb_"):
            fix = f"`make data` skriver den på nytt fra SSB, `git checkout -- data/{path.name}` henter den committede"
        else:
            fix = (
                f"`git checkout -- data/{path.name}` henter den committede; endret du den med vilje, kjør "
                f"`python -m helpers import-shared {path.parent}` (regner ut sha256 på nytt)"
            )
        raise SnapshotError(
            f"{path}: innholdet stemmer ikke med sha256 i datapackage.json "
            f"(ventet {expected[:12]}…, fant {actual[:12]}…). {fix}."
        )
    try:
        frame = pd.read_csv(path, dtype=str, keep_default_na=False, encoding="utf-8")
    except Exception as exc:  # pandas raises several parser error types
        raise SnapshotError(f"{path}: kan ikke lese CSV ({exc})") from exc
    fields = [f["name"] for f in meta["schema"]["fields"]]
    if list(frame.columns) != fields:
        raise SnapshotError(f"{path}: kolonnene {list(frame.columns)} ≠ skjemaet {fields}")
    for field in meta["schema"]["fields"]:
        col = field["name"]
        if field["type"] in ("number", "integer"):
            blank = frame[col].str.strip() == ""
            converted = pd.to_numeric(frame[col].where(~blank), errors="coerce")
            bad = converted.isna() & ~blank
            if bad.any():
                row = int(bad.idxmax()) + 2
                raise SnapshotError(
                    f"{path}, linje {row}: {col}={frame.loc[bad.idxmax(), col]!r} er ikke et tall"
                )
            frame[col] = converted.astype("Int64") if field["type"] == "integer" else converted
    return frame


def _schema_for(header: list[str], types: dict[str, str] | None = None) -> dict:
    fields = []
    for col in header:
        if types and col in types:
            typ = types[col]
        elif col in _NUMBER:
            typ = "number"
        elif col in _INTEGER:
            typ = "integer"
        else:
            typ = "string"
        fields.append({"name": col, "type": typ})
    return {"fields": fields}


def describe_csv(
    path: Path,
    name: str,
    description: str,
    sources: list[dict],
    retrieved: str,
    types: dict[str, str] | None = None,
) -> dict:
    with open(path, encoding="utf-8", newline="") as f:
        header = next(csv.reader(f))
    return {
        "name": name,
        "path": path.name,
        "profile": "tabular-data-resource",
        "format": "csv",
        "mediatype": "text/csv",
        "encoding": "utf-8",
        "description": description,
        "sources": sources,
        "licenses": [LICENSE_SSB],
        "retrieved": retrieved,
        "hash": f"sha256:{sha256(path)}",
        "bytes": path.stat().st_size,
        "schema": _schema_for(header, types),
    }


def replace_atomically(staging: Path, target: Path, names: list[str]) -> None:
    """Put the staged files over the committed ones; datapackage.json goes last. The one
    writer of the package (the shared import and the refresh both use it).

    The staged files are first copied next to their targets (`.<name>.incoming`), so each
    rename is atomic wherever the staging folder is. Replacing the descriptor last means a
    crash in between leaves either `.incoming` copies or files whose hashes the old
    descriptor does not vouch for: `check` reports both, and the next refresh removes them.
    """
    target.mkdir(parents=True, exist_ok=True)
    order = [n for n in names if n != "datapackage.json"] + ["datapackage.json"]
    incoming = [(target / f".{name}.incoming", target / name) for name in order]
    try:
        for (tmp, _), name in zip(incoming, order, strict=True):
            shutil.copyfile(staging / name, tmp)
        for tmp, final in incoming:
            os.replace(tmp, final)
    finally:
        for tmp, _ in incoming:
            tmp.unlink(missing_ok=True)


def staging_dir(target: Path) -> Path:
    # Same filesystem as the target, so os.replace is a rename and not a copy.
    return Path(tempfile.mkdtemp(prefix=".staging-", dir=target.parent))
