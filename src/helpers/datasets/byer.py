"""Storbyene: flyttinger og folkemengde for Oslo, Bergen, Trondheim, Stavanger, Kristiansand."""

from __future__ import annotations

import pandas as pd

from helpers import regions, sources
from helpers.registry import SERIES_LABELS, Dataset, SsbQuery


def _city_counts(frames: dict[str, pd.DataFrame]) -> pd.DataFrame:
    rows = pd.concat([frames["city_flows"], frames["city_flows_more"]], ignore_index=True)
    rows = rows[
        (rows["unit"] == "personer")
        & rows["region_code"].isin([c for c, (city, _, _) in regions.CODES.items() if city in regions.CITIES])
    ]
    rows = sources.choose(rows, key=["region_code", "year", "series"])
    out = pd.DataFrame(
        {
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
        }
    )
    out = regions.harmonise(out)
    return out.sort_values(
        ["region", "serie", "aar", "valgt"], ascending=[True, True, True, False]
    ).reset_index(drop=True)


def _city_rates(frames: dict[str, pd.DataFrame]) -> pd.DataFrame:
    rows = frames["city_flows_more"]
    rows = rows[rows["unit"].str.startswith("flyttinger per 100")]
    out = pd.DataFrame(
        {
            "region_kode": rows["region_code"],
            "aar": rows["year"].astype(int),
            "serie": rows["series"],
            "serie_navn": rows["series"].map(SERIES_LABELS),
            "verdi": rows["value"],
            "enhet": rows["unit"],
            "kilde": rows["source_url"],
            "merknad": rows["note"],
        }
    )
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

DATASETS = [
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
