"""Every dataset the book uses, declared once.

A chapter calls `load("storbyer")` and gets a tidy frame with codes, Norwegian labels,
value, unit and source per row. Where the data come from (which snapshot resource,
which SSB table and query a refresh would use) is written here and nowhere else.
"""

from __future__ import annotations

import importlib
import pkgutil

import pandas as pd

from helpers.catalog import datasets as datasets_pkg
from helpers.catalog.spec import Dataset
from helpers.store.package import has_resource, read_resource
from helpers.vocab import STROMMER

# Series codes and their Norwegian labels live in helpers.vocab, with their colours.
FLOW_SERIES = list(STROMMER)


def _collect() -> dict[str, Dataset]:
    # Each module in helpers/datasets declares DATASETS = [...]; one module per topic
    # keeps chapters from editing the same list.
    found: dict[str, Dataset] = {}
    for info in pkgutil.iter_modules(datasets_pkg.__path__):
        module = importlib.import_module(f"{datasets_pkg.__name__}.{info.name}")
        for ds in getattr(module, "DATASETS", []):
            if ds.name in found:
                raise ValueError(f"datasettet {ds.name!r} er deklarert to ganger")
            found[ds.name] = ds
    return found


_DATASETS: dict[str, Dataset] | None = None


def datasets() -> dict[str, Dataset]:
    global _DATASETS
    if _DATASETS is None:
        _DATASETS = _collect()
    return _DATASETS


def describe(name: str) -> Dataset:
    known = datasets()
    if name not in known:
        raise KeyError(f"ukjent datasett {name!r}; finnes: {', '.join(sorted(known))}")
    return known[name]


def load(name: str, alle_kilder: bool = False) -> pd.DataFrame:
    """The dataset as a tidy frame. By default only the chosen value per measure."""
    ds = describe(name)
    frames = {r: read_resource(r) for r in ds.resources}
    frames.update({r: read_resource(r) for r in ds.optional if has_resource(r)})
    out = ds.build(frames)
    if "valgt" in out and not alle_kilder:
        out = out[out["valgt"]].drop(columns=["valgt"]).reset_index(drop=True)
    out.attrs["datasett"] = ds.name
    out.attrs["tittel"] = ds.title
    out.attrs["ssb_tabeller"] = [q.table for q in ds.ssb]
    # Which SSB tables this frame already holds from a refresh (empty: transcribed pages only).
    out.attrs["oppfrisket_fra"] = [q.table for q in ds.ssb if q.resource in frames]
    return out
