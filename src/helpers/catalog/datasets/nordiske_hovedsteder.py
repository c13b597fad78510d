"""`nordiske_hovedsteder`: Stockholm, Helsingfors and København in 2019 and 2020, net and
gross kept apart, by name."""

from __future__ import annotations

import pandas as pd

from helpers.catalog import sources
from helpers.catalog.spec import Dataset, katalograder

NORDISK_MAAL = {
    "nettoflytting_total": ("netto", "Nettoflytting i alt (inkludert utlandet)"),
    "nettoflytting_innenlandsk": ("netto", "Netto innenlandsk flytting"),
    "nettoflytting_mellom_kommuner_forelopig": ("netto", "Netto flytting mellom kommuner (foreløpige tall)"),
    "utflyttinger": ("brutto", "Utflyttinger"),
    "innflyttinger": ("brutto", "Innflyttinger"),
    "utflyttinger_snitt_2015-2019": ("brutto", "Utflyttinger, snitt per år 2015–2019"),
    "innflyttinger_snitt_2015-2019": ("brutto", "Innflyttinger, snitt per år 2015–2019"),
    "utflytting_okning_fra_2019": ("endring", "Økning i utflyttingen fra 2019"),
    "utflytting_okning_fra_2019_pct": ("endring", "Økning i utflyttingen fra 2019, prosent"),
    "tilflyttere_fra_kobenhavn": ("brutto", "Tilflyttere fra København"),
}


_OMRAADE = {
    "Stockholms kommun": "Stockholm kommune",
    "Stockholms län": "Stockholms län",
    "Stockholm": "Stockholm",
    "Helsinki": "Helsingfors",
    "Pääkaupunkiseutu (Helsinki, Espoo, Vantaa, Kauniainen)": "Helsingforsregionen",
    "København": "København",
}


def _nordic(frames: dict[str, pd.DataFrame]) -> pd.DataFrame:
    rows = frames["destinations_and_context"]
    rows = rows[rows["topic"] == "nordic_capitals"]
    origin = rows["from_region"].where(rows["from_region"] != "", rows["to_region"])
    out = katalograder(
        rows,
        {
            "omraade": origin.map(_OMRAADE).fillna(origin),
            "til": rows["to_region"].where(rows["from_region"] != "", ""),
            "aar": rows["year"].astype(int),
            "maal": rows["measure"],
            "maaltype": rows["measure"].map(lambda m: NORDISK_MAAL.get(m, ("annet", m))[0]),
            "maal_navn": rows["measure"].map(lambda m: NORDISK_MAAL.get(m, ("annet", m))[1]),
        },
        etter={
            "utgiver": rows["source_url"].map(lambda u: sources.finn_utgiver(u).navn),
        },
        verdi=rows["value"].astype(float),
    )
    return out.sort_values(["omraade", "maal", "aar"]).reset_index(drop=True)


DATASETS = [
    Dataset(
        name="nordiske_hovedsteder",
        title="Stockholm, Helsingfors og København: flytting 2019 og 2020",
        description=(
            "Det kildene oppgir, med målet i `maal_navn`: nettoflytting (med eller uten utlandet) eller "
            "brutto inn- og utflytting. Delvis dekning; ikke fra SSB."
        ),
        resources=("destinations_and_context",),
        build=_nordic,
        notes=(
            "SSB har ikke disse tallene. Kildene for en oppdatering er SCB (Statistikdatabasen, "
            "BE0101), Statistikksentralen i Finland (muutl) og Danmarks Statistik (statistikbanken.dk)."
        ),
    ),
]
