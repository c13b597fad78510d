"""`oslo_etter_2020`: Oslo's migration accounts 2016-2022 and quarters 2021-2023, as
published by SSB, Oslo kommune and news that cite SSB."""

from __future__ import annotations

import pandas as pd

from helpers.catalog import sources
from helpers.catalog.datasets.byer import CITY_QUERIES
from helpers.catalog.datasets.maalnavn import OSLO_MAAL, split_measure
from helpers.catalog.spec import Dataset


def _oslo_after_2020(frames: dict[str, pd.DataFrame]) -> pd.DataFrame:
    rows = frames["destinations_and_context"]
    rows = rows[rows["topic"] == "oslo_after_2020"].copy()
    split = rows["measure"].map(split_measure)
    rows["maal"] = [s[0] for s in split]
    rows["periode"] = [s[1] for s in split]
    rows["avrundet"] = [s[2] for s in split]
    # A flow "from Oslo" or "to Oslo" is Oslo's; growth in a named destination area is that area's.
    is_oslo = (rows["from_region"] == "Oslo") | (
        (rows["to_region"] == "Oslo") & (rows["from_region"] != "Oslo")
    )
    rows["region"] = rows["to_region"].where(~is_oslo, "Oslo")
    rows["aar"] = rows["year"].astype(int)

    key = ["region", "aar", "maal", "periode"]
    # Disagreements within one publisher are decided in helpers.catalog.sources.RESOLUTIONS.
    rows = sources.choose(rows, key=key, code="region", year="aar", series="maal")
    out = pd.DataFrame(
        {
            "region": rows["region"],
            "aar": rows["aar"],
            "maal": rows["maal"],
            "maal_navn": rows["maal"].map(OSLO_MAAL).fillna(rows["maal"]),
            "periode": rows["periode"],
            "avrundet": rows["avrundet"],
            "verdi": rows["value"].astype(float),
            "enhet": "personer",  # the source says "flyttinger" for some rows: each move is one person here
            "kilde": rows["source_url"],
            "utgiver": rows["utgiver"],
            "merknad": rows["note"],
            # Flagged in the data where a figure's definition is in doubt (e.g. Q2 2022).
            "usikker": rows["note"].str.contains("USIKKER", regex=False),
            "valgt": rows["valgt"].astype(bool),
            "valg_grunn": rows["valg_grunn"],
        }
    )
    return out.sort_values(
        ["region", "maal", "aar", "periode", "valgt"], ascending=[True, True, True, True, False]
    ).reset_index(drop=True)


DATASETS = [
    Dataset(
        name="oslo_etter_2020",
        title="Oslos flytteregnskap 2016–2022 og kvartalstall 2021–2023",
        description=(
            "Oslos innenlandske inn- og utflytting, inn- og utvandring, netto flytting og "
            "befolkningsvekst, som publisert av SSB, Oslo kommune og nyheter som siterer SSB. "
            "`periode` skiller hele år fra kvartaler, `avrundet` markerer tall som er rundet av i kilden."
        ),
        resources=("destinations_and_context",),
        build=_oslo_after_2020,
        ssb=CITY_QUERIES,
        notes="Kvartalstall fra nyheter har ikke alltid samme definisjon som SSBs tabeller; se `merknad`.",
    ),
]
