"""Validation of the data package: Frictionless plus the sanity rules of the book."""

from __future__ import annotations

import shutil
from pathlib import Path

import pandas as pd

from helpers.store.package import SnapshotError, read_package, read_resource
from helpers.store.paths import data_dir


def leftovers(folder: Path, package: dict) -> list[Path]:
    """What an interrupted refresh can leave behind: half-moved copies (`.<name>.incoming`),
    `ssb_*.csv` the descriptor does not list, and staging folders of older versions."""
    listed = {res.get("path") for res in package.get("resources", [])}
    found = sorted(folder.glob(".*.incoming"))
    found += sorted(p for p in folder.glob("ssb_*.csv") if p.name not in listed)
    # Older versions staged in the repository root, beside data/.
    beside = folder.parent.glob(".staging-*") if folder.name == "data" else []
    found += sorted(p for p in beside if p.is_dir())
    return found


def remove_leftovers(folder: Path, package: dict) -> list[str]:
    """Remove `leftovers`; returns their names. Only the next refresh calls this, under its lock."""
    removed = []
    for path in leftovers(folder, package):
        if path.is_dir():
            shutil.rmtree(path, ignore_errors=True)
        else:
            path.unlink(missing_ok=True)
        removed.append(str(path))
    return removed


def check_package(folder: Path | None = None) -> list[str]:
    folder = folder or data_dir()
    problems: list[str] = []
    try:
        package = read_package(folder)
    except SnapshotError as exc:
        return [str(exc)]
    for path in leftovers(folder, package):
        problems.append(
            f"{path}: rest etter en avbrutt oppfriskning; `make data` fjerner den (eller slett den selv)"
        )

    from frictionless import Package, system

    # Frictionless must not wander outside data/ nor onto the network.
    with system.use_context(trusted=False):
        report = Package(source=str(folder / "datapackage.json")).validate()
    if not report.valid:
        for task in report.tasks:
            for err in task.errors[:10]:
                problems.append(f"{task.name}: {err.message}")
        for err in report.errors[:10]:
            problems.append(f"datapackage.json: {err.message}")

    for res in package["resources"]:
        try:
            frame = read_resource(res["name"], folder)
        except SnapshotError as exc:
            problems.append(str(exc))
            continue
        name = res["name"]
        if "source_url" in frame and (frame["source_url"].str.strip() == "").any():
            problems.append(f"{name}: rader uten source_url")
        problems.extend(f"{name}: {p}" for p in _negative_counts(frame))
        problems.extend(f"{name}: {p}" for p in _ssb_provenance(res, frame))
    return problems


def _ssb_provenance(res: dict, frame) -> list[str]:
    """A resource a refresh wrote must say which table, which query and when."""
    if not res["name"].startswith("ssb_"):
        return []
    ssb = res.get("ssb") or {}
    problems = [
        f"mangler ssb.{key} i datapackage.json" for key in ("table", "query", "request") if not ssb.get(key)
    ]
    if not str(res.get("retrieved", "")).strip():
        problems.append("mangler tidspunkt for henting (retrieved)")
    if (
        ssb.get("table")
        and "source_url" in frame
        and not frame["source_url"].str.endswith(f"/{ssb['table']}").all()
    ):
        problems.append(f"source_url peker ikke til tabell {ssb['table']} på alle rader")
    return problems


def _negative_counts(frame) -> list[str]:
    """Counts of people or moves cannot be negative; net figures and changes can."""
    value = "value" if "value" in frame else "persons" if "persons" in frame else None
    if value is None:
        return []
    what = frame.get("series", frame.get("measure", frame.get("flow")))
    unit = frame.get("unit")
    is_count = unit.isin(["personer", "flyttinger"]) if unit is not None else True
    signed = what.astype(str).str.contains("netto|endring|vekst|okning") if what is not None else False
    numbers = pd.to_numeric(frame[value], errors="coerce")
    bad = frame[is_count & ~signed & (numbers < 0)]
    return [f"negativt antall {row[value]} i rad {i + 2}" for i, row in bad.iterrows()]
