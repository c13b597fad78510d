"""JSON-stat 2.0 datasets (what SSB's statbank API sends) as tidy pandas frames.

A JSON-stat dataset stores its numbers as one flat `value` array in row-major order over
the dimensions listed in `id` (the last dimension varies fastest). `to_frame` turns that
into one row per cell, with code and label for every dimension, so nothing downstream has
to know about flat indices.

Missing cells are `null` in SSB's answers, with a status symbol saying why ("." = not
applicable, ".." = not available, ":" = confidential). They stay NaN here, never 0, and the
symbol is kept in the `status` column so a chapter can say *why* a number is missing.
"""

from __future__ import annotations

import json
import math
from collections.abc import Iterable
from pathlib import Path
from typing import Any

import numpy as np
import pandas as pd

__all__ = ["JsonStatError", "to_frame", "load_file", "dataset_meta", "categories"]


class JsonStatError(ValueError):
    """A JSON-stat document that cannot be read as a dataset; `source` says which one."""

    def __init__(self, reason: str, source: str = "<json-stat>"):
        self.reason = reason
        self.source = source
        super().__init__(f"Ugyldig JSON-stat fra {source}: {reason}")


def _is_int(x: Any) -> bool:
    return isinstance(x, int) and not isinstance(x, bool)


def _shape(doc: Any, source: str) -> tuple[list[str], list[int]]:
    if not isinstance(doc, dict):
        raise JsonStatError(f"forventet et JSON-objekt, fikk {type(doc).__name__}", source)
    if doc.get("class") != "dataset":
        raise JsonStatError(f"forventet class 'dataset', fikk {doc.get('class')!r}", source)
    ids, sizes = doc.get("id"), doc.get("size")
    if not isinstance(ids, list) or not isinstance(sizes, list):
        raise JsonStatError("mangler 'id' eller 'size' (begge må være lister)", source)
    if len(ids) != len(sizes):
        raise JsonStatError(f"'id' har {len(ids)} dimensjoner, men 'size' har {len(sizes)} tall", source)
    if not all(isinstance(i, str) for i in ids) or len(set(ids)) != len(ids):
        raise JsonStatError(f"'id' må være unike tekster, fikk {ids!r}", source)
    if not all(_is_int(s) and s >= 0 for s in sizes):
        raise JsonStatError(f"'size' må være ikke-negative heltall, fikk {sizes!r}", source)
    if not isinstance(doc.get("dimension"), dict):
        raise JsonStatError("mangler 'dimension'", source)
    return ids, sizes


def _dimension(doc: dict, dim_id: str, size: int, source: str) -> tuple[list[str], list[str]]:
    """Codes and labels of one dimension, in index order."""
    dim = doc["dimension"].get(dim_id)
    cat = dim.get("category") if isinstance(dim, dict) else None
    if not isinstance(cat, dict):
        raise JsonStatError(f"dimensjon {dim_id!r} mangler 'category'", source)
    index, labels = cat.get("index"), cat.get("label") or {}
    if not isinstance(labels, dict):
        raise JsonStatError(f"dimensjon {dim_id!r}: 'label' må være et objekt", source)

    if index is None and len(labels) == 1:
        # The spec lets a single-category dimension leave out `index`.
        codes = list(labels)
    elif isinstance(index, list):
        codes = [str(c) for c in index]
    elif isinstance(index, dict):
        if set(index.values()) != set(range(len(index))):
            raise JsonStatError(
                f"dimensjon {dim_id!r}: posisjonene i 'index' er ikke 0..{len(index) - 1}", source
            )
        codes = sorted(index, key=index.__getitem__)
    else:
        raise JsonStatError(f"dimensjon {dim_id!r} mangler 'category.index'", source)

    if len(codes) != size:
        raise JsonStatError(
            f"dimensjon {dim_id!r} har {len(codes)} kategorier, men 'size' sier {size}", source
        )
    return codes, [str(labels.get(c, c)) for c in codes]


def _flat_index(key: Any, n: int, what: str, source: str) -> int:
    try:
        i = int(key)
    except (TypeError, ValueError):
        i = -1
    if not 0 <= i < n:
        raise JsonStatError(f"'{what}' har nøkkel {key!r}, men cellene er nummerert 0..{n - 1}", source)
    return i


def _values(doc: dict, sizes: list[int], source: str) -> np.ndarray:
    n = math.prod(sizes)
    raw = doc.get("value")
    if not isinstance(raw, (list, dict)):
        raise JsonStatError("mangler 'value' (liste eller objekt)", source)
    if n and not raw:
        # PxWebApi's metadata endpoint answers with this shape; it is not a data answer.
        raise JsonStatError(
            f"datasettet har ingen verdier ('value' er tom, men 'size' gir {n} celler); er dette metadata?",
            source,
        )
    if isinstance(raw, list):
        if len(raw) != n:
            shape = " × ".join(map(str, sizes))
            raise JsonStatError(
                f"'size' gir {n} celler ({shape}), men 'value' har {len(raw)} verdier", source
            )
        items: Iterable[tuple[int, Any]] = enumerate(raw)
    else:
        items = ((_flat_index(k, n, "value", source), v) for k, v in raw.items())

    out = np.full(n, np.nan, dtype="float64")
    for i, v in items:
        if v is None:
            continue
        if isinstance(v, bool) or not isinstance(v, (int, float)):
            raise JsonStatError(f"ikke-numerisk verdi {v!r} i celle {i}", source)
        out[i] = v
    return out


def _status(doc: dict, n: int, source: str) -> list[str | None]:
    raw = doc.get("status")
    if raw is None:
        return [None] * n
    if isinstance(raw, str):
        return [raw] * n
    if isinstance(raw, list):
        if len(raw) == 1:
            return [raw[0]] * n
        if len(raw) != n:
            raise JsonStatError(f"'status' har {len(raw)} elementer, men det er {n} celler", source)
        return list(raw)
    if isinstance(raw, dict):
        out: list[str | None] = [None] * n
        for k, s in raw.items():
            out[_flat_index(k, n, "status", source)] = s
        return out
    raise JsonStatError(f"'status' må være tekst, liste eller objekt, fikk {type(raw).__name__}", source)


# No SSB answer can hold more (800 000 cells per query); a document claiming more is refused
# before any array is built.
MAX_CELLS = 5_000_000
MAX_FILE_BYTES = 1_000_000_000


def to_frame(doc: dict, source: str = "<json-stat>", max_cells: int = MAX_CELLS) -> pd.DataFrame:
    """One row per cell: `D` and `D_label` for every dimension D, then `value` and `status`.

    Rows come in JSON-stat order (last dimension varies fastest). Raises JsonStatError,
    naming `source`, when the document is not a consistent dataset or claims more than
    `max_cells` cells (checked from `size` before anything is built).
    """
    ids, sizes = _shape(doc, source)
    claimed = math.prod(sizes)
    if claimed > max_cells:
        raise JsonStatError(
            f"'size' sier {claimed} celler ({' × '.join(map(str, sizes))}), mer enn {max_cells} som kan stemme",
            source,
        )
    names = [name for d in ids for name in (d, f"{d}_label")] + ["value", "status"]
    if len(set(names)) != len(names):
        raise JsonStatError(f"dimensjonsnavnene {ids!r} kolliderer med kolonnenavnene", source)

    values = _values(doc, sizes, source)
    columns: dict[str, Any] = {}
    outer = 1
    for k, (dim_id, size) in enumerate(zip(ids, sizes, strict=True)):
        codes, labels = _dimension(doc, dim_id, size, source)
        pos = np.tile(np.repeat(np.arange(size), math.prod(sizes[k + 1 :])), outer)
        columns[dim_id] = np.asarray(codes, dtype=object)[pos]
        columns[f"{dim_id}_label"] = np.asarray(labels, dtype=object)[pos]
        outer *= size
    columns["value"] = values
    columns["status"] = pd.Series(_status(doc, len(values), source), dtype=object)
    return pd.DataFrame(columns)


def load_file(path: str | Path) -> pd.DataFrame:
    """Read a JSON-stat 2.0 file (utf-8) into a tidy frame; errors name the file."""
    path = Path(path)
    try:
        size = path.stat().st_size
    except OSError as exc:
        raise JsonStatError(f"kan ikke lese filen ({exc})", str(path)) from exc
    if size > MAX_FILE_BYTES:
        raise JsonStatError(
            f"filen er {size} byte, mer enn {MAX_FILE_BYTES} som et SSB-svar kan være", str(path)
        )
    try:
        # utf-8-sig: a saved browser download may start with a BOM, which json refuses.
        text = path.read_text(encoding="utf-8-sig")
    except (OSError, UnicodeDecodeError) as exc:
        raise JsonStatError(f"kan ikke lese filen ({exc})", str(path)) from exc
    try:
        doc = json.loads(text)
    except json.JSONDecodeError as exc:
        raise JsonStatError(
            f"ugyldig JSON (linje {exc.lineno}, kolonne {exc.colno}: {exc.msg})", str(path)
        ) from exc
    except RecursionError as exc:
        raise JsonStatError("ugyldig JSON: for dypt nestet", str(path)) from exc
    # A dense `value` array spends at least two bytes per cell ("1,"); a file that claims
    # more cells than it has bytes is refused before the frame is built.
    return to_frame(doc, source=str(path), max_cells=min(MAX_CELLS, len(text.encode("utf-8"))))


def categories(doc: dict, source: str = "<json-stat>") -> dict[str, list[tuple[str, str]]]:
    """(code, label) pairs per dimension, in index order. Works on metadata documents too."""
    ids, sizes = _shape(doc, source)
    return {
        d: list(zip(*_dimension(doc, d, size, source), strict=True))
        for d, size in zip(ids, sizes, strict=True)
    }


def dataset_meta(doc: dict) -> dict:
    """Label, source, update time, dimension labels and units of a dataset or metadata document.

    `units` maps dimension id -> category code -> JSON-stat unit object (e.g.
    {"base": "prosent", "decimals": 0}); in SSB tables only ContentsCode carries units.
    """
    dims = doc.get("dimension") or {}
    units = {}
    for dim_id in doc.get("id") or []:
        dim = dims.get(dim_id) or {}
        unit = (dim.get("category") or {}).get("unit")
        if unit:
            units[dim_id] = unit
    return {
        "label": doc.get("label"),
        "source": doc.get("source"),
        "updated": doc.get("updated"),
        "dimensions": {d: (dims.get(d) or {}).get("label", d) for d in doc.get("id") or []},
        "units": units,
    }
