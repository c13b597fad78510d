"""Storbyene: flyttinger og folkemengde for Oslo, Bergen, Trondheim, Stavanger, Kristiansand."""

from __future__ import annotations

import re

import pandas as pd

from helpers.catalog import regions, sources
from helpers.catalog.periods import whole_years
from helpers.catalog.spec import Dataset, SsbQuery
from helpers.vocab import SERIES_LABELS

_COLUMNS = ["region_code", "year", "series", "value", "unit", "source_url", "note"]
# How a source's note says a value was registered too low (Oslo's emigration in 2019: the
# population register paused emigration decisions). Such a year is kept, and flagged, for
# the series the note's sentence names (a note on one flow may speak of another).
UNDERTALT = re.compile(r"artificially low|registrert for lavt|for lavt registrert", re.I)
_SERIE_ORD = {
    "utvandring": "utvandring",
    "emigration": "utvandring",
    "innvandring": "innvandring",
    "immigration": "innvandring",
    "innflytting": "innflytting_innenlands",
    "utflytting": "utflytting_innenlands",
}


def undertalte(rows: pd.DataFrame) -> set[tuple[str, int, str]]:
    """(region_code, year, series) that a note flags as registered too low."""
    out = set()
    for code, year, note in zip(rows["region_code"], rows["year"], rows["note"].fillna(""), strict=True):
        for setning in re.split(r"(?<=[.;])\s+", str(note)):
            if UNDERTALT.search(setning):
                lav = setning.lower()
                out |= {(code, int(year), serie) for ord_, serie in _SERIE_ORD.items() if ord_ in lav}
    return out


def _api_rows(frames: dict[str, pd.DataFrame], queries) -> list[pd.DataFrame]:
    """Refreshed statbank rows as whole years, only cells that are a city's value.

    Empty cells (SSB's status symbol stays in the resource) are left out, so a missing
    value is missing here as well; so are codes in the years they did not stand for the
    city (SSB fills those with nothing or 0, see regions.in_use).
    """
    parts = []
    for q in queries:
        if q.resource not in frames:
            continue
        rows = whole_years(frames[q.resource], year_to_date=q.year_to_date)
        in_use = pd.Series(
            [regions.in_use(c, y) for c, y in zip(rows["region_code"], rows["year"], strict=True)],
            index=rows.index,
            dtype=bool,
        )
        keep = rows["value"].notna() & in_use
        parts.append(rows.loc[keep, _COLUMNS])
    return [part.assign(kildetype=sources.API) for part in parts]


def _city_counts(frames: dict[str, pd.DataFrame]) -> pd.DataFrame:
    pages = pd.concat([frames["city_flows"], frames["city_flows_more"]], ignore_index=True)
    rows = pd.concat(
        [pages[_COLUMNS].assign(kildetype="side"), *_api_rows(frames, _QUERIES)], ignore_index=True
    )
    rows = rows[
        (rows["unit"] == "personer")
        & rows["series"].isin(SERIES_LABELS)
        & rows["region_code"].isin([c for c, (city, _, _) in regions.CODES.items() if city in regions.CITIES])
    ]
    rows = sources.choose(rows, key=["region_code", "year", "series"])
    # A value a source says was registered too low stays flagged whichever source is chosen.
    lave = undertalte(rows)
    undertalt = pd.Series(
        [
            (c, int(y), s) in lave
            for c, y, s in zip(rows["region_code"], rows["year"], rows["series"], strict=True)
        ],
        index=rows.index,
    )
    out = pd.DataFrame(
        {
            "region_kode": rows["region_code"],
            "aar": rows["year"].astype(int),
            "serie": rows["series"],
            "serie_navn": rows["series"].map(SERIES_LABELS),
            "verdi": rows["value"].astype(float),
            "enhet": rows["unit"],
            "kilde": rows["source_url"],
            "utgiver": rows["utgiver"],
            "merknad": rows["note"],
            "undertalt": undertalt.astype(bool),
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


_CITY_CODES = ["0301", "1201", "4601", "1601", "5001", "1103", "1001", "4204"]
_CODES_NOTE = (
    "Kodene er lest av SSBs egne tabellsider og av offentlige skript som bruker API-et. 01223 med "
    "Nettoflytting9 er bekreftet av en v2-spørring som kjørte; for 06913 er det uavklart om "
    "regionkodene uten kodeliste er 0301 eller K_0301: oppfriskningen slår opp begge formene i "
    "metadataene og sier hvilken den brukte. Mangler en kode, stopper den med tabellen og koden."
)

# 06913 has population on 1 January and all moves in or out of the municipality, but no
# split between domestic moves and moves abroad: "Innflyttinger" includes immigration. Its
# moves are therefore kept under their own names and do not fill the book's domestic series.
_POPULATION_06913 = SsbQuery(
    table="06913",
    title="Befolkning 1. januar og endringer i kalenderåret",
    selection={
        "Region": _CITY_CODES,
        "ContentsCode": ["Folkemengde", "Innflyttinger", "Utflyttinger", "Nettoinnflytting"],
        # The same first year as 01223, so every year with moves also has its population.
        "Tid": ["from(1997)"],
    },
    contents={
        "Folkemengde": "folkemengde_1jan",
        "Innflyttinger": "innflytting_i_alt",
        "Utflyttinger": "utflytting_i_alt",
        "Nettoinnflytting": "nettoinnflytting",
    },
    totals=(("Nettoinnflytting", {"Innflyttinger": 1, "Utflyttinger": -1}),),
    expect_years=(2010, 2020),
    note=_CODES_NOTE,
)

# 01223 splits the moves into domestic and abroad. Its quarters count from 1 January
# ("Endringar hittil i år"), so only the 4th quarters are asked for: each is a whole year
# (whole_years turns "2020K4" into 2020).
_CHANGES_01223 = SsbQuery(
    table="01223",
    title="Endringar hittil i år for befolkninga, for kommunar, fylke og heile landet (K)",
    selection={
        "Region": _CITY_CODES,
        "ContentsCode": [
            "Innvandring5",
            "Utvandring6",
            "Tilflytting7",
            "Fraflytting8",
            "Nettoflytting9",
            "Folketallet11",
        ],
        "Tid": ["*K4"],
    },
    contents={
        "Innvandring5": "innvandring",
        "Utvandring6": "utvandring",
        "Tilflytting7": "innflytting_innenlands",
        "Fraflytting8": "utflytting_innenlands",
        "Nettoflytting9": "nettoinnflytting",
        "Folketallet11": "folkemengde_31des",
    },
    totals=(
        ("Nettoflytting9", {"Innvandring5": 1, "Tilflytting7": 1, "Utvandring6": -1, "Fraflytting8": -1}),
    ),
    expect_years=(2010, 2020),
    year_to_date=True,
    note=_CODES_NOTE,
)

_QUERIES = (_POPULATION_06913, _CHANGES_01223)
CITY_QUERIES = _QUERIES  # also used by the after-2020 datasets

DATASETS = [
    Dataset(
        name="storbyer",
        title="Flyttinger og folkemengde i de fem storbyene",
        description=(
            "Innflytting og utflytting over kommunegrensen innenlands, innvandring, utvandring og "
            "folkemengde for Oslo, Bergen, Trondheim, Stavanger og Kristiansand, som publisert av SSB "
            "og Oslo kommune, og fra SSBs statistikkbank når data/ er oppfrisket (tabell 06913 og "
            "01223). Én rad per kilde; `valgt` markerer verdien boka bruker."
        ),
        resources=("city_flows", "city_flows_more"),
        build=_city_counts,
        ssb=_QUERIES,
        optional=tuple(q.resource for q in _QUERIES),
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
