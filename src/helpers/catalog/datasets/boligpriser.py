"""`boligpriser`: published changes in house prices (SSB, Eiendom Norge, OBOS), never one
mixed series; and the SSB queries for the price index (07221, 07230)."""

from __future__ import annotations

import re

import pandas as pd

from helpers.catalog import sources
from helpers.catalog.datasets.maalnavn import PERIODER
from helpers.catalog.spec import Dataset, SsbQuery

# measure -> (kilde_type, maal, periode); maal names one comparable measure.
_BOLIG_SSB = re.compile(
    r"^prisindeks_brukte_boliger_(?:"
    r"endring_fra_samme_kvartal_aaret_for_(?P<k12>k[1-4])"
    r"|endring_(?P<fra>k[1-4])_til_(?P<til>k[1-4])(?P<sa>_sesongjustert)?"
    r"|(?P<aar>aarsvekst))$"
)


BOLIG_MAAL = {
    "tolvmaanedersendring": "SSB boligprisindeks: endring fra samme kvartal året før",
    "kvartalsendring_sesongjustert": "SSB boligprisindeks: endring fra kvartalet før, sesongjustert",
    "aarsvekst": "SSB boligprisindeks: endring i årsgjennomsnitt",
    "prisendring_gjennom_aaret": "Eiendom Norge: prisendring fra desember til desember",
    "prisendring_siste_12_mnd_aug": "Eiendom Norge: prisendring siste 12 måneder, per august",
    "prisendring_siste_12_mnd_nov": "Eiendom Norge: prisendring siste 12 måneder, per november",
    "prisendring_hittil_i_aar_jun": "Eiendom Norge: prisendring hittil i år, januar–juni",
    "prisendring_hittil_i_aar_okt": "Eiendom Norge: prisendring hittil i år, januar–oktober",
    "gjennomsnittspris_jun": "Eiendom Norge: gjennomsnittspris, juni",
    "pris_per_m2_okt": "Eiendom Norge: snittpris per kvadratmeter, oktober",
    "pris_per_m2_des": "OBOS: pris per kvadratmeter for brukte OBOS-boliger, desember",
}


def _house_measure(measure: str) -> tuple[str, str, str]:
    m = _BOLIG_SSB.match(measure)
    if m:
        if m["k12"]:
            return "SSB", "tolvmaanedersendring", PERIODER[m["k12"]]
        if m["aar"]:
            return "SSB", "aarsvekst", "år"
        if m["fra"] == m["til"]:
            return "SSB", "tolvmaanedersendring", PERIODER[m["til"]]
        if m["sa"]:
            return "SSB", "kvartalsendring_sesongjustert", PERIODER[m["til"]]
        return "SSB", measure, PERIODER[m["til"]]
    if measure.startswith("eiendom_norge_"):
        return "Eiendom Norge", measure.removeprefix("eiendom_norge_"), ""
    if measure.startswith("obos_"):
        return "OBOS", measure.removeprefix("obos_"), ""
    return "SSB", measure, ""


def _house_prices(frames: dict[str, pd.DataFrame]) -> pd.DataFrame:
    rows = frames["destinations_and_context"]
    rows = rows[rows["topic"] == "house_prices"].copy()
    parsed = rows["measure"].map(_house_measure)
    rows["kilde_type"] = [p[0] for p in parsed]
    rows["maal"] = [p[1] for p in parsed]
    rows["periode"] = [p[2] for p in parsed]
    rows["region"] = rows["to_region"]
    rows["aar"] = rows["year"].astype(int)
    rows = sources.choose(
        rows, key=["kilde_type", "region", "aar", "maal", "periode"], code="region", year="aar", series="maal"
    )
    out = pd.DataFrame(
        {
            "kilde_type": rows["kilde_type"],
            "region": rows["region"],
            "aar": rows["aar"],
            "maal": rows["maal"],
            "maal_navn": rows["maal"].map(BOLIG_MAAL).fillna(rows["maal"].str.replace("_", " ")),
            "periode": rows["periode"],
            "verdi": rows["value"].astype(float),
            "enhet": rows["unit"],
            "kilde": rows["source_url"],
            "merknad": rows["note"],
            # The 2024 SSB pair rests on an assumed column order (see the note in the data).
            "usikker": rows["note"].str.contains("tolket|tolkes", case=False, regex=True),
            "valgt": rows["valgt"].astype(bool),
        }
    )
    return out.sort_values(["kilde_type", "region", "maal", "aar", "periode"]).reset_index(drop=True)


_UVERIFISERT = (
    "Tabellnummeret er sett på SSBs egne sider, men dimensjons- og innholdskodene er IKKE "
    "bekreftet mot SSBs metadata (ingen tilgang herfra); en oppfriskning henter metadata først "
    "og stopper med en tydelig feil om en kode mangler."
)


# Oslo's annual accounts come from the same statbank queries as the city series
# (06913 for population, 01223 at 4th quarter for the flows): one declaration per table,
# so a refresh asks SSB once and every chapter reads the same rows.
BOLIG_07221 = SsbQuery(
    table="07221",
    title="Prisindeks for brukte boliger, etter region, boligtype og kvartal (2015=100)",
    selection={
        "Region": ["001", "TOTAL"],
        "Boligtype": ["00"],
        "ContentsCode": ["Boligindeks", "SesJustBoligindeks"],
        "Tid": ["*"],
    },
    contents={"Boligindeks": "boligprisindeks", "SesJustBoligindeks": "boligprisindeks_sesongjustert"},
    unit="indeks",
    note=(
        "Region 001 = Oslo med Bærum, Boligtype 00 = alle boligtyper: kodene er hentet fra andres "
        "offentlige kode som spør tabellen, ikke fra SSBs metadata. " + _UVERIFISERT
    ),
)


_BOLIG_07230 = SsbQuery(
    table="07230",
    title="Prisindeks for brukte boliger, etter region og år (2015=100)",
    # 07230 has a Boligtype dimension (a public v2 query selects it); 00 = all dwellings.
    selection={
        "Region": ["001", "TOTAL"],
        "Boligtype": ["00"],
        "ContentsCode": ["Boligindeks"],
        "Tid": ["*"],
    },
    contents={"Boligindeks": "boligprisindeks_aar"},
    unit="indeks",
    note=(
        "Tabellnummer og innhold er oppgitt i oppdraget, men verken tabellen eller kodene er "
        "bekreftet mot SSBs metadata. " + _UVERIFISERT
    ),
)


# The resource a refresh writes for 07221 (SsbQuery.resource: ssb_<table>).
BOLIGPRISINDEKS_RESSURS = BOLIG_07221.resource


DATASETS = [
    Dataset(
        name="boligpriser",
        title="Boligpriser i Oslo: publiserte endringer (SSB) og andre kilder",
        description=(
            "Endringer i SSBs prisindeks for brukte boliger (Oslo med Bærum) og tall fra Eiendom Norge "
            "og OBOS. Ulike mål: `kilde_type` og `maal` skiller dem, og de skal aldri settes sammen til én serie."
        ),
        resources=("destinations_and_context",),
        build=_house_prices,
        ssb=(BOLIG_07221, _BOLIG_07230),
        unit="prosent",
    ),
]
