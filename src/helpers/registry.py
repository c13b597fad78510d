"""Every dataset the book uses, declared once.

A chapter calls `load("storbyer")` and gets a tidy frame with codes, Norwegian labels,
value, unit and source per row. Where the data come from (which snapshot resource,
which SSB table and query a refresh would use) is written here and nowhere else.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from collections.abc import Callable

import pandas as pd

from helpers import regions, sources
from helpers.snapshot import read_resource

SERIES_LABELS = {
    "innflytting_innenlands": "Innflytting fra resten av Norge",
    "utflytting_innenlands": "Utflytting til resten av Norge",
    "innvandring": "Innvandring fra utlandet",
    "utvandring": "Utvandring til utlandet",
    "folkemengde_1jan": "Folkemengde 1. januar",
    "folkemengde_31des": "Folkemengde 31. desember",
}
FLOW_SERIES = ["innflytting_innenlands", "utflytting_innenlands", "innvandring", "utvandring"]


@dataclass(frozen=True)
class SsbQuery:
    """What a refresh asks SSB's statbank for (PxWebApi v2)."""

    table: str
    title: str
    selection: dict[str, list[str]]
    contents: dict[str, str] = field(default_factory=dict)  # ContentsCode -> our series name
    note: str = ""

    @property
    def url(self) -> str:
        return f"https://www.ssb.no/statbank/table/{self.table}"


@dataclass(frozen=True)
class Dataset:
    name: str
    title: str
    description: str
    resources: tuple[str, ...]
    build: Callable[[dict[str, pd.DataFrame]], pd.DataFrame]
    ssb: tuple[SsbQuery, ...] = ()
    unit: str = "personer"
    notes: str = ""


def _city_counts(frames: dict[str, pd.DataFrame]) -> pd.DataFrame:
    rows = pd.concat([frames["city_flows"], frames["city_flows_more"]], ignore_index=True)
    rows = rows[(rows["unit"] == "personer") & rows["region_code"].isin(
        [c for c, (city, _, _) in regions.CODES.items() if city in regions.CITIES]
    )]
    rows = sources.choose(rows, key=["region_code", "year", "series"])
    out = pd.DataFrame({
        "region_kode": rows["region_code"],
        "aar": rows["year"].astype(int),
        "serie": rows["series"],
        "serie_navn": rows["series"].map(SERIES_LABELS),
        "verdi": rows["value"],
        "enhet": rows["unit"],
        "kilde": rows["source_url"],
        "utgiver": rows["utgiver"],
        "merknad": rows["note"],
        "valgt": rows["valgt"],
        "valg_grunn": rows["valg_grunn"],
    })
    out = regions.harmonise(out)
    return out.sort_values(["region", "serie", "aar", "valgt"], ascending=[True, True, True, False]).reset_index(drop=True)


def _city_rates(frames: dict[str, pd.DataFrame]) -> pd.DataFrame:
    rows = frames["city_flows_more"]
    rows = rows[rows["unit"].str.startswith("flyttinger per 100")]
    out = pd.DataFrame({
        "region_kode": rows["region_code"],
        "aar": rows["year"].astype(int),
        "serie": rows["series"],
        "serie_navn": rows["series"].map(SERIES_LABELS),
        "verdi": rows["value"],
        "enhet": rows["unit"],
        "kilde": rows["source_url"],
        "merknad": rows["note"],
    })
    return regions.harmonise(out).reset_index(drop=True)


_MIGRATION_06913 = SsbQuery(
    table="06913",
    title="Befolkning og endringer, etter region, statistikkvariabel og år",
    selection={
        "Region": ["0301", "1201", "4601", "1601", "5001", "1103", "1001", "4204"],
        "ContentsCode": ["Folkemengde", "Innflytting", "Utflytting", "Innvandring", "Utvandring"],
        "Tid": ["*"],
    },
    contents={
        "Folkemengde": "folkemengde_1jan",
        "Innflytting": "innflytting_innenlands",
        "Utflytting": "utflytting_innenlands",
        "Innvandring": "innvandring",
        "Utvandring": "utvandring",
    },
    note=(
        "Kodene for statistikkvariablene er ikke bekreftet mot SSBs metadata (ingen tilgang herfra); "
        "en oppfriskning henter metadata først og stopper med en tydelig feil om en kode mangler."
    ),
)

DATASETS: dict[str, Dataset] = {
    d.name: d
    for d in [
        Dataset(
            name="storbyer",
            title="Flyttinger og folkemengde i de fem største byene",
            description=(
                "Innflytting og utflytting over kommunegrensen innenlands, innvandring, utvandring og "
                "folkemengde for Oslo, Bergen, Trondheim, Stavanger og Kristiansand, som publisert av SSB "
                "og Oslo kommune. Én rad per kilde; `valgt` markerer verdien boka bruker."
            ),
            resources=("city_flows", "city_flows_more"),
            build=_city_counts,
            ssb=(_MIGRATION_06913,),
        ),
        Dataset(
            name="storbyer_rater_2023",
            title="Flyttinger per 100 innbyggere i 2023, fem byer",
            description="Rater (flyttinger per 100 av middelfolkemengden), ikke antall personer.",
            resources=("city_flows_more",),
            build=_city_rates,
            unit="flyttinger per 100 innbyggere",
        ),
    ]
}


def describe(name: str) -> Dataset:
    if name not in DATASETS:
        raise KeyError(f"ukjent datasett {name!r}; finnes: {', '.join(DATASETS)}")
    return DATASETS[name]


def load(name: str, alle_kilder: bool = False) -> pd.DataFrame:
    """The dataset as a tidy frame. By default only the chosen value per measure."""
    ds = describe(name)
    frames = {r: read_resource(r) for r in ds.resources}
    out = ds.build(frames)
    if "valgt" in out and not alle_kilder:
        out = out[out["valgt"]].drop(columns=["valgt"]).reset_index(drop=True)
    out.attrs["datasett"] = ds.name
    out.attrs["tittel"] = ds.title
    out.attrs["ssb_tabeller"] = [q.table for q in ds.ssb]
    return out
