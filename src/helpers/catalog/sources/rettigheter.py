"""The data package's publishers, licences and sources per resource, named by the catalog
(helpers.store.shared.import_shared takes `rettigheter`)."""

from __future__ import annotations

import csv
from collections import Counter
from pathlib import Path

from helpers.catalog.sources.utgivere import SSB, finn_utgiver, kildeside
from helpers.store.package import LICENSE_SSB


def _rad_adresse(row: dict) -> str | None:
    if row.get("source_url"):
        return row["source_url"]
    if row.get("source_repo"):
        return f"https://github.com/{row['source_repo']}/blob/{row.get('source_commit') or '0000000'}/{row.get('source_path', '')}"
    return None


def row_publishers(path: Path) -> Counter:
    """How many rows of a CSV each publisher stands behind. An SSB table republished in a
    public repository counts as SSB's (its `ssb_table` column names the table)."""
    with open(path, encoding="utf-8", newline="") as f:
        rows = list(csv.DictReader(f))
    found: Counter = Counter()
    for row in rows:
        url = _rad_adresse(row)
        if not row.get("source_url") and row.get("ssb_table"):
            found[SSB.navn] += 1
        elif url:
            found[finn_utgiver(url).navn] += 1
        else:
            found["ukjent kilde"] += 1
    return found


def licences(publishers: Counter) -> list[dict]:
    """SSB's CC BY 4.0 for SSB's rows; for every other publisher, a plain statement that its
    terms were not checked (pointing to the rows' own source_url)."""
    out = [LICENSE_SSB] if SSB.navn in publishers else []
    others = sorted(p for p in publishers if p != SSB.navn)
    if others:
        out.append(
            {
                "name": "LicenseRef-publisher-terms",
                "title": "Vilkårene til utgiveren (ikke avklart): "
                + ", ".join(others)
                + "; se source_url per rad",
            }
        )
    return out


def rettigheter(path: Path) -> dict:
    """A resource's publishers (with their row counts), licences and the first address of
    each publisher, for the data package (helpers.store.shared.import_shared takes this)."""
    who = row_publishers(path)
    first = forste_adresse_per_utgiver(path)
    return {
        "publishers": [{"title": name, "rows": n} for name, n in who.most_common()],
        "licenses": licences(who),
        "first_urls": first,
        # The resource's sources, titled from this catalog (never by the importer).
        "sources": [{"title": _ressurstittel(url), "path": url} for url in first.values()],
    }


def _ressurstittel(url: str) -> str:
    """«Publisher: title» for a data package resource; a page not yet titled here is named by
    its publisher until it is (the book's pages refuse it by name, see `kildeside`)."""
    try:
        side = kildeside(url)
    except KeyError:
        return finn_utgiver(url).visning
    return f"{side.navn}: {side.tittel}"


def forste_adresse_per_utgiver(path: Path) -> dict[str, str]:
    """The first address of each publisher in a CSV (its `source_url`, or the file in a
    public repository it was read from)."""
    with open(path, encoding="utf-8", newline="") as f:
        first: dict[str, str] = {}
        for row in csv.DictReader(f):
            url = _rad_adresse(row)
            if url:
                first.setdefault(finn_utgiver(url).navn, url)
    return first
