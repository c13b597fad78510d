"""`boligprisindeks`: SSB's index level for used dwellings, not in the snapshot at all: it
loads as an empty frame with the right columns until a refresh writes its resource."""

from __future__ import annotations

import pandas as pd

from helpers.catalog.datasets.boligpriser import BOLIG_07221, BOLIGPRISINDEKS_RESSURS
from helpers.catalog.spec import Dataset

BOLIGPRISINDEKS_KOLONNER = ["region", "aar", "kvartal", "periode", "verdi", "enhet", "kilde", "merknad"]


def _house_price_index(frames: dict[str, pd.DataFrame]) -> pd.DataFrame:
    """SSB's index per quarter from the tidy resource a refresh writes for table 07221."""
    rows = frames.get(BOLIGPRISINDEKS_RESSURS)
    if rows is None:
        return pd.DataFrame(
            {
                c: pd.Series(dtype=t)
                for c, t in zip(
                    BOLIGPRISINDEKS_KOLONNER, [str, int, int, str, float, str, str, str], strict=True
                )
            }
        )
    # All dwelling types, not seasonally adjusted: one index per region and quarter.
    rows = rows[(rows["Boligtype"] == "00") & (rows["series"] == "boligprisindeks")]
    quarter = rows["Tid"].str.extract(r"^(?P<aar>\d{4})K(?P<kv>[1-4])$")
    return (
        pd.DataFrame(
            {
                "region": rows["Region_label"],
                "aar": quarter["aar"].astype(int),
                "kvartal": quarter["kv"].astype(int),
                "periode": rows["Tid"],
                "verdi": pd.to_numeric(rows["value"], errors="coerce"),
                "enhet": "indeks (2015=100)",
                "kilde": rows["source_url"],
                "merknad": rows["note"],
            }
        )
        .sort_values(["region", "aar", "kvartal"])
        .reset_index(drop=True)
    )


DATASETS = [
    Dataset(
        name="boligprisindeks",
        title="SSBs prisindeks for brukte boliger, Oslo med Bærum (2015=100)",
        description=(
            "Indeksnivå per kvartal. Finnes ikke i de publiserte sidene vi har tall fra; "
            f"en oppfriskning fra tabell 07221 skriver ressursen `{BOLIGPRISINDEKS_RESSURS}`."
        ),
        resources=(),
        optional=(BOLIGPRISINDEKS_RESSURS,),
        build=_house_price_index,
        ssb=(BOLIG_07221,),
        unit="indeks (2015=100)",
        notes=(
            f"Valgfri ressurs `{BOLIGPRISINDEKS_RESSURS}` i oppfriskningens ryddige form: Region, Boligtype, "
            "ContentsCode og Tid (f.eks. 2020K4) med tekst, series, value, unit, status, source_url, note. "
            "Boka bruker boligtype 00 (alle) og indeksen uten sesongjustering."
        ),
    ),
]
