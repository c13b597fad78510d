"""`hjemmekontor_etter_2020`: shares working from home after 2020, from SSB's labour force
survey (AKU) and other surveys (`context_home_office_family`)."""

from __future__ import annotations

import pandas as pd

from helpers.catalog import sources
from helpers.catalog.spec import Dataset


def _home_office_after_2020(frames: dict[str, pd.DataFrame]) -> pd.DataFrame:
    rows = frames["context_home_office_family"]
    rows = rows[(rows["topic"] == "hjemmekontor") & rows["period"].str.match(r"^20(2[1-9])")].copy()
    rows["tall"] = pd.to_numeric(rows["value"], errors="coerce")
    rows = rows.dropna(subset=["tall"])  # verbal values ("tre av ti") are not numbers
    return pd.DataFrame(
        {
            "region": rows["region"],
            "periode": rows["period"],
            "aar": rows["period"].str[:4].astype(int),
            "kategori": rows["category"],
            "maal": rows["measure"],
            "verdi": rows["tall"].astype(float),
            "enhet": rows["unit"],
            "kilde": rows["source_url"],
            "utgiver": rows["source_url"].map(lambda u: sources.finn_utgiver(u).navn),
            "merknad": rows["note"],
        }
    ).reset_index(drop=True)


DATASETS = [
    Dataset(
        name="hjemmekontor_etter_2020",
        title="Hjemmekontor etter 2020: utvalgsundersøkelser",
        description=(
            "Andeler fra SSBs arbeidskraftundersøkelse (AKU) og andre undersøkelser 2021–2024. "
            "Populasjon og spørsmål er forskjellige mellom kildene; se `enhet` og `merknad`."
        ),
        resources=("context_home_office_family",),
        build=_home_office_after_2020,
        unit="prosent",
    ),
]
