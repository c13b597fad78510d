"""Utvandring etter statsborgerskap: hele landet (finnes) og Oslo (mangler).

Artikkelens figur 4 (utvandring fra Oslo av personer med svensk bakgrunn, etter yrkestype)
bygger på microdata.no; yrket til utvandrerne er ikke offentlig noe sted. Det nærmeste
offentlige er utvandring etter statsborgerskap. I øyeblikksbildet finnes den bare for hele
landet (2018, 2020 og 2024). For Oslo er den deklarert her som et eget datasett over de
samme publiserte verdiene: rader med region 0301 som legges inn i `oslo_movers_by_group`
(for eksempel avskrevet fra Oslo kommunes statistikkbank), tegnes av kapitlet uten endringer.
"""

from __future__ import annotations

import pandas as pd

from helpers.catalog import regions
from helpers.catalog.spec import Dataset
from helpers.vocab import SERIES_LABELS

KOLONNER = [
    "region_kode",
    "region",
    "aar",
    "serie",
    "serie_navn",
    "statsborgerskap",
    "verdi",
    "enhet",
    "aar_usikkert",
    "kilde",
    "merknad",
]


def _etter_statsborgerskap(frames: dict[str, pd.DataFrame]) -> pd.DataFrame:
    rows = frames["oslo_movers_by_group"]
    rows = rows[rows["dimension"] == "statsborgerskap"]
    out = pd.DataFrame(
        {
            "region_kode": rows["region_code"],
            "aar": rows["year"].astype(int),
            "serie": rows["flow"],
            "serie_navn": rows["flow"].map(SERIES_LABELS),
            "statsborgerskap": rows["category"],
            "verdi": rows["value"].astype(float),
            "enhet": rows["unit"],
            # The 2024 page does not print its year; the transcriber inferred it (see notes).
            "aar_usikkert": rows["note"].str.contains("ÅRSTALL IKKE SYNLIG", regex=False),
            "kilde": rows["source_url"],
            "merknad": rows["note"],
        },
        columns=[c for c in KOLONNER if c != "region"],
    )
    if out.empty:
        return pd.DataFrame(columns=KOLONNER)
    out = regions.harmonise(out)
    return out[KOLONNER].sort_values(["region", "serie", "statsborgerskap", "aar"]).reset_index(drop=True)


def _oslo(frames: dict[str, pd.DataFrame]) -> pd.DataFrame:
    alle = _etter_statsborgerskap(frames)
    return alle[alle["region_kode"] == "0301"].reset_index(drop=True)


def _hele_landet(frames: dict[str, pd.DataFrame]) -> pd.DataFrame:
    alle = _etter_statsborgerskap(frames)
    return alle[alle["region_kode"] == "0"].reset_index(drop=True)


DATASETS = [
    Dataset(
        name="utvandring_statsborgerskap_landet",
        title="Inn- og utvandring etter statsborgerskap, hele landet",
        description=(
            "SSBs nøkkeltabell «Innvandring og utvandring, etter statsborgerskap» for 2018, 2020 og "
            "(utledet årstall) 2024. Teller flyttinger etter statsborgerskapet til den som flytter, "
            "ikke etter landet de flytter til."
        ),
        resources=("oslo_movers_by_group",),
        build=_hele_landet,
    ),
    Dataset(
        name="oslo_utvandring_statsborgerskap",
        title="Utvandring fra Oslo etter statsborgerskap",
        description=(
            "Mangler i øyeblikksbildet. Samme måling som for hele landet, for Oslo (0301). Fylles ved "
            "å legge publiserte Oslo-verdier inn i oslo_movers_by_group (dimensjon statsborgerskap)."
        ),
        resources=("oslo_movers_by_group",),
        build=_oslo,
        notes=(
            "Ingen SSB-tabell med utvandring etter statsborgerskap for enkeltkommuner er bekreftet "
            "herfra, så ingen oppfriskningsspørring er deklarert. SSB-tabell 09817 gir bare hvor mange "
            "innvandrere med en gitt landbakgrunn som bor i kommunen (en bestand), ikke hvor mange som "
            "utvandrer. Oslo kommunes statistikkbank har tabellen BEF021 «Innvandring, utvandring og "
            "netto innvandring etter landbakgrunn, 2000–2024»; bare utvalgssiden er lagret."
        ),
    ),
]
