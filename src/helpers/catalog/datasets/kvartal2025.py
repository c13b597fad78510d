"""Oslo and Stavanger by quarter, 2024–2025: SSB table 01222 as SSB's own R package
prints it on its reference page (one row per value, each with the page's commit).

Quarterly flows, not year-to-date: four quarters are not summed here into a year,
because SSB's annual figure can differ slightly (late registrations).
"""

from __future__ import annotations

import pandas as pd

from helpers.catalog.spec import Dataset, katalograder

RESSURS = "oslo_stavanger_kvartal_2024_2025"

MAAL = {
    "utflytting_innenlands": "Utflytting til resten av Norge",
    "nettoinnflytting_inkl_inn_og_utvandring": "Nettoflytting, inkludert inn- og utvandring",
    "folkevekst": "Folkevekst",
    "dode": "Døde",
    "fodselsoverskudd": "Fødselsoverskudd",
    "folkemengde_ved_utgangen_av_kvartalet": "Folkemengde ved utgangen av kvartalet",
}


def _kvartaler(frames: dict[str, pd.DataFrame]) -> pd.DataFrame:
    rows = frames[RESSURS]
    unknown = sorted(set(rows["series"]) - set(MAAL))
    if unknown:
        raise ValueError(f"{RESSURS}: ukjente serier {unknown}")
    kvartal = rows["period"].str.fullmatch(r"K[1-4]")
    if not kvartal.all():
        raise ValueError(
            f"{RESSURS}: perioder som ikke er kvartaler: {sorted(set(rows['period'][~kvartal]))}"
        )
    out = katalograder(
        rows,
        {
            "region": rows["region_name"],
            "region_kode": rows["region_code"].astype(str).str.zfill(4),
            "aar": rows["year"].astype(int),
            "kvartal": rows["period"].str[1].astype(int),
            "maal": rows["series"],
            "maal_navn": rows["series"].map(MAAL),
        },
        verdi=rows["value"].astype(float),
    )
    return out.sort_values(["region", "maal", "aar", "kvartal"]).reset_index(drop=True)


DATASETS = [
    Dataset(
        name="kvartal_2024_2025",
        title="Flyttinger per kvartal 2024–2025 (SSB-tabell 01222)",
        description=(
            "Kvartalsvise tall fra SSB-tabell 01222: innenlandsk utflytting (2025), nettoflytting "
            "inkludert inn- og utvandring og folkevekst (2024–2025), døde, fødselsoverskudd og "
            "folkemengde ved utgangen av kvartalet. `kvartal` er 1–4; verdiene gjelder kvartalet alene."
        ),
        resources=(RESSURS,),
        build=_kvartaler,
        notes="Kvartalene summeres ikke til år her: SSBs årstall kan avvike litt (etterregistreringer).",
    ),
]
