"""Import transcribed published values (a folder of CSV files) into the data package.

`import_shared(folder)` takes any folder: a file MANIFEST knows (the project's shared set)
gets the description written there; any other `*.csv` directly in the folder becomes a
resource named after the file, and must have `source_url` and `note` on every row (its
description is the first line of `<name>.notes.md` beside it, when there is one). The
resources are merged into datapackage.json: the ones imported are replaced or added, every
other resource (the `ssb_*` ones a refresh wrote) is kept as it was.

Publisher and licence are set per resource from where its rows come from (`source_url`,
or `source_repo` for files read from public repositories): only rows from Statistics
Norway carry SSB's CC BY 4.0; for other publishers the resource says their terms were
not checked, rather than claim a licence nobody granted.
"""

from __future__ import annotations

import csv
import datetime as dt
import json
import shutil
from collections.abc import Callable
from pathlib import Path

from helpers.store.package import (
    SnapshotError,
    describe_csv,
    read_package,
    replace_atomically,
    staging_dir,
)

MANIFEST: list[dict] = [
    {
        "file": "city_flows.csv",
        "name": "city_flows",
        "description": "Innflytting/utflytting innenlands, innvandring, utvandring og folkemengde for Oslo, Bergen, Trondheim, Stavanger, Kristiansand og hele landet, avskrevet fra publiserte sider; kilde-URL og merknad per rad.",
        "retrieved": "published pages, transcribed 2026",
    },
    {
        "file": "city_flows_more.csv",
        "name": "city_flows_more",
        "description": "Folkemengde 2018-2023 for de fire andre byene og flytterater (per 100 innbyggere) 2023 for alle fem byene.",
        "retrieved": "published pages, transcribed 2026",
    },
    {
        "file": "destinations_and_context.csv",
        "name": "destinations_and_context",
        "description": "Oslos innenlandske utflytting 2016-2020, netto innenlandsk flytting per fylke 2020, Oslos flytteregnskap 2016-2022 og kvartaler 2021-2023, boligpriser (hullete) og nordiske hovedsteder.",
        "retrieved": "published pages, transcribed 2026",
    },
    {
        "file": "oslo_movers_by_group.csv",
        "name": "oslo_movers_by_group",
        "description": "Stedfortredere for artikkelens figur 2, 4 og 5: Oslo-totaler, hele landets inn- og utvandring etter statsborgerskap, hele landets flyttinger av barn.",
        "retrieved": "published pages, transcribed 2026",
    },
    {
        "file": "context_home_office_family.csv",
        "name": "context_home_office_family",
        # Some values are verbal ("to av tre") as printed in the source; kept as text.
        "types": {"value": "string"},
        "description": "Kontekst for kapittel 3 og 5 (ikke flyttere): hjemmekontor, innvandrerkategori, husholdninger, sysselsatte etter yrke, permitteringer.",
        "retrieved": "published pages, transcribed 2026",
    },
    {
        "file": "github/population_by_single_age_oslo_and_cities.csv",
        "name": "population_by_single_age",
        # The top age group is printed as "105+".
        "types": {"age": "string"},
        "description": "Folkemengde 1. januar etter ettårig alder (SSB-tabell 07459), Oslo 2015-2024, de fire andre byene 2015-2022, fra kopier av SSB-tabellen hos Folkehelseinstituttet og i datapakken spldata.",
        "retrieved": "public repositories at named commits",
    },
    {
        "file": "github/oslo_flytting_by_immigrant_category_2013_imdi.csv",
        "name": "oslo_flytting_innvandrere_2013",
        # vreg_3 holds "1", "2" and "alle": codes, not numbers.
        "types": {"vreg_3": "string"},
        "description": "Oslos flyttinger i 2013 (innvandring, utvandring, innenlandsk inn- og utflytting, netto) for innvandrere og befolkningen ellers, fra IMDis indikatortabell befolkning_flytting (bygger på SSB; tabellnummer ikke oppgitt). Bare 2013: kontekst fra før perioden.",
        "retrieved": "public repositories at named commits",
    },
    {
        "file": "github/oslo_telemark_county_flows_2021.csv",
        "name": "oslo_telemark_2021",
        "description": "Flyttinger mellom Oslo og Telemark-området i 2021, fra en flyttematrise i Telemark fylkeskommunes datarepo (trolig eksport fra analyseverktøyet PANDA, ikke en oppgitt SSB-eksport). Svak kilde.",
        "retrieved": "public repositories at named commits",
    },
    {
        "file": "oslo_stavanger_quarterly_2024_2025.csv",
        "name": "oslo_stavanger_kvartal_2024_2025",
        "description": "SSB-tabell 01222 (kvartalsvise endringer, ikke hittil i år) for Oslo og Stavanger 2024-2025: innenlandsk utflytting, nettoflytting inkludert inn- og utvandring, folkevekst, døde, fødselsoverskudd og folkemengde ved utgangen av kvartalet, gjengitt i SSBs dokumentasjon av statistikkbankens programgrensesnitt.",
        "retrieved": "public repositories at named commits",
    },
]


# Who published a file's rows, and under which licence, is the source catalog's knowledge
# (helpers.catalog.sources.rettigheter), a layer above this one: the caller passes it in as
# `rettigheter(path) -> {"publishers": [...], "licenses": [...], "sources": [...]}`.
Rettigheter = Callable[[Path], dict]


def _describe(path: Path, item: dict, rettigheter: Rettigheter) -> dict:
    rights = rettigheter(path)
    res = describe_csv(
        path,
        item["name"],
        item["description"],
        rights["sources"],
        item.get("retrieved", "unknown"),
        item.get("types"),
    )
    res["publishers"] = rights["publishers"]
    res["licenses"] = rights["licenses"]
    return res


def _unlisted(src: Path, rettigheter: Rettigheter) -> dict:
    """What a CSV outside MANIFEST must say for itself to become a resource."""
    with open(src, encoding="utf-8", newline="") as f:
        reader = csv.DictReader(f)
        header = reader.fieldnames or []
        missing = [c for c in ("source_url", "note") if c not in header]
        if missing:
            raise SnapshotError(f"{src}: mangler kolonnen {', '.join(missing)} (kreves på hver rad)")
        for i, row in enumerate(reader, start=2):
            if not (row.get("source_url") or "").strip():
                raise SnapshotError(f"{src}, linje {i}: tom source_url")
    notes = src.with_suffix(".notes.md")
    first = notes.read_text(encoding="utf-8").strip().splitlines()[0].lstrip("# ") if notes.is_file() else ""
    return {
        "file": src.name,
        "name": src.stem,
        "description": first or f"{src.name}: publiserte verdier med kilde-URL og merknad per rad.",
        "retrieved": "se source_url per rad",
    }


def import_shared(
    source: Path, target: Path, rettigheter: Rettigheter, manifest: list[dict] | None = None
) -> list[str]:
    """Copy published values from `source` (any folder) into the package in `target`, merging.
    `rettigheter` names each file's publishers and licences (helpers.catalog.sources.rettigheter)."""
    manifest = MANIFEST if manifest is None else manifest
    if not source.is_dir():
        raise SnapshotError(f"{source}: finnes ikke eller er ingen mappe")
    items = []
    for item in manifest:
        # The shared set keeps some files under github/; data/ keeps them flat.
        for rel in (item["file"], Path(item["file"]).name):
            if (source / rel).is_file():
                items.append({**item, "file": rel})
                break
    known = {Path(item["file"]).name for item in manifest}
    items += [
        _unlisted(p, rettigheter)
        for p in sorted(source.glob("*.csv"))
        if p.name not in known and not p.name.startswith(("ssb_", "."))
    ]
    if not items:
        raise SnapshotError(f"{source}: ingen CSV-filer å importere")
    try:
        package = read_package(target)
    except SnapshotError:
        package = None  # a first import writes a new package
    staging = staging_dir(target)
    try:
        resources, written = [], []
        for item in items:
            src = source / item["file"]
            dst = staging / Path(item["file"]).name
            shutil.copyfile(src, dst)
            notes = src.with_suffix("").with_suffix(".notes.md") if src.suffix == ".csv" else None
            if notes and notes.is_file():
                shutil.copyfile(notes, staging / notes.name)
                written.append(notes.name)
            resources.append(_describe(dst, item, rettigheter))
            written.append(dst.name)
        package = merge(package, resources)
        (staging / "datapackage.json").write_text(
            json.dumps(package, ensure_ascii=False, indent=2) + "\n", encoding="utf-8"
        )
        written.append("datapackage.json")
        replace_atomically(staging, target, written)
        return written
    finally:
        shutil.rmtree(staging, ignore_errors=True)


def merge(package: dict | None, resources: list[dict]) -> dict:
    """The package with `resources` replacing those of the same name (in place) or appended."""
    if package is None:
        package = {
            "profile": "tabular-data-package",
            "name": "oslo-flytting",
            "title": "Flyttingen fra Oslo i koronaåret: publiserte tall fra SSB",
            "description": (
                "Publiserte verdier avskrevet fra SSBs og Oslo kommunes sider, én verdi per rad med "
                "kilde-URL og merknad. Ingen verdier er beregnet, interpolert eller anslått."
            ),
            "created": dt.datetime.now(dt.UTC).replace(microsecond=0).isoformat().replace("+00:00", "Z"),
            "resources": [],
        }
    package = dict(package)
    # Licences are stated per resource; the package itself claims none for all of them.
    package.pop("licenses", None)
    present = [r["name"] for r in package["resources"]]
    out = list(package["resources"])
    for res in resources:
        if res["name"] in present:
            out[present.index(res["name"])] = res
        else:
            out.append(res)
    package["resources"] = out
    return package
