"""Alder: folkemengde etter ettårig alder (finnes) og utflytting fra Oslo etter alder (mangler).

Artikkelens figur 2 (utflyttinger per 100 innbyggere etter alder) bygger på registerdata
på microdata.no. Det offentlige motstykket er SSBs flyttetabeller etter alder; ingen av dem
er i øyeblikksbildet. Datasettet `oslo_utflytting_alder` er derfor deklarert med en valgfri
ressurs som en oppfriskning legger til: til da gir `load` en tom tabell med de riktige
kolonnene, og kapitlet viser en tydelig merket stedfortreder.
"""

from __future__ import annotations

import pandas as pd

from helpers.catalog import regions
from helpers.catalog.spec import Dataset, SsbQuery
from helpers.vocab import SERIES_LABELS

ALDER_KOLONNER = [
    "region_kode",
    "region",
    "aar",
    "alder",
    "alder_tekst",
    "serie",
    "verdi",
    "enhet",
    "kilde",
    "merknad",
]


def alder_fra_kode(kode: str) -> int:
    """'000' -> 0, '29' -> 29, '105+' -> 105. Age groups ('20-24') are refused: the
    rates are per single year of age, and a group cannot be split without estimating."""
    tekst = str(kode).strip().removesuffix("+")
    if not tekst.isdigit():
        raise ValueError(f"aldersklassen {kode!r} er ikke ett alderstrinn")
    return int(tekst)


def _github_url(repo: str, path: str, commit: str) -> str:
    return f"https://github.com/{repo}/blob/{commit}/{path}"


def _folkemengde_alder(frames: dict[str, pd.DataFrame]) -> pd.DataFrame:
    rows = frames["population_by_single_age"]
    out = pd.DataFrame(
        {
            "region_kode": rows["region_code"],
            "aar": rows["year"].astype(int),
            "alder": [alder_fra_kode(a) for a in rows["age"]],
            "alder_tekst": rows["age"],
            "serie": "folkemengde_1jan",
            "verdi": rows["persons"].astype(float),
            "enhet": "personer",
            "kilde": [
                _github_url(r, p, c)
                for r, p, c in zip(
                    rows["source_repo"], rows["source_path"], rows["source_commit"], strict=True
                )
            ],
            "merknad": rows["note"],
        }
    )
    out = regions.harmonise(out)
    return out.sort_values(["region", "aar", "alder"]).reset_index(drop=True)


# No table with moves by single year of age for a municipality is confirmed (public evidence:
# 09588 has only Region, ContentsCode and Tid). The candidates below ask for what the figure
# needs (Oslo, every age, the out-moves); a refresh fetches the first that SSB's metadata
# holds, and `python -m helpers verify` reports each and searches the table list.
_BEHOV = "utflytting_alder_oslo"
_KANDIDAT_NOTE = (
    "KANDIDAT, IKKE BEKREFTET: at tabellen har ettårig alder for Oslo (0301) og en statistikkvariabel "
    "for utflytting (kode som begynner med «Utflytt») er ikke sett i SSBs metadata. "
    "`python -m helpers verify` sier om den holder; oppfriskningen bruker den første som holder."
)
_UTFLYTTING_KANDIDATER = tuple(
    SsbQuery(
        table=table,
        title=title,
        selection={
            "Region": ["0301"],
            "Alder": ["*"],
            "ContentsCode": ["Utflytt*"],
            "Tid": ["from(2015)"],
        },
        contents={"Utflytt*": "utflytting_innenlands"},
        need=_BEHOV,
        search="flyttinger alder",
        note=_KANDIDAT_NOTE + extra,
    )
    for table, title, extra in (
        (
            "09587",
            "Flyttinger etter alder",
            " Offentlige notater peker på 09587 for alder; den kan være etter flytteregion, ikke kommune.",
        ),
        (
            "09588",
            "Flyttinger per kommune",
            " Offentlige spørringer viser bare Region, ContentsCode og Tid, uten Alder (se verify).",
        ),
    )
)
# Chapters credit the first candidate; the resource a refresh writes is that of the candidate
# which held (SsbQuery.resource: ssb_<table>).
UTFLYTTING_ALDER_RESSURS = _UTFLYTTING_KANDIDATER[0].resource


def _utflytting_alder(frames: dict[str, pd.DataFrame]) -> pd.DataFrame:
    """Domestic out-moves from Oslo by single year of age, from a refreshed SSB table.

    The resource is what a refresh writes for the candidate that held: one row per cell,
    a code and a label column per dimension, then value and status. Missing cells stay NaN.
    """
    found = [(q, frames[q.resource]) for q in _UTFLYTTING_KANDIDATER if q.resource in frames]
    if not found or found[0][1].empty:
        return pd.DataFrame(columns=ALDER_KOLONNER)
    query, raw = found[0]
    serie = raw["ContentsCode"].map(query.series_of)
    rows, serie = raw[serie.notna()], serie[serie.notna()]
    out = pd.DataFrame(
        {
            "region_kode": rows["Region"].astype(str),
            "aar": rows["Tid"].astype(int),
            "alder": [alder_fra_kode(a) for a in rows["Alder"]],
            "alder_tekst": rows["Alder"].astype(str),
            "serie": serie,
            "verdi": pd.to_numeric(rows["value"], errors="coerce"),
            "enhet": "personer",
            "kilde": query.url,
            "merknad": rows.get("status", pd.Series("", index=rows.index)).fillna("").astype(str),
        }
    )
    out = regions.harmonise(out)
    return out[ALDER_KOLONNER + ["grense"]].sort_values(["aar", "alder"]).reset_index(drop=True)


def _barn(frames: dict[str, pd.DataFrame]) -> pd.DataFrame:
    rows = frames["oslo_movers_by_group"]
    rows = rows[rows["dimension"] == "alder"]
    out = pd.DataFrame(
        {
            "region_kode": rows["region_code"],
            "aar": rows["year"].astype(int),
            "serie": rows["flow"],
            "serie_navn": rows["flow"].map(SERIES_LABELS),
            "aldersgruppe": rows["category"],
            "verdi": rows["value"].astype(float),
            "enhet": rows["unit"],
            "kilde": rows["source_url"],
            "merknad": rows["note"],
        }
    )
    return regions.harmonise(out).sort_values(["serie", "aar", "aldersgruppe"]).reset_index(drop=True)


DATASETS = [
    Dataset(
        name="folkemengde_alder",
        title="Folkemengde 1. januar etter ettårig alder, de fem storbyene",
        description=(
            "Alle innbyggere (ikke flyttere) etter alder 1. januar, fra SSB-tabell 07459 som lest "
            "fra datafiler i offentlige repoer. Oslo 2015–2024, de fire andre byene 2015–2022."
        ),
        resources=("population_by_single_age",),
        build=_folkemengde_alder,
        ssb=(
            SsbQuery(
                table="07459",
                title="Befolkning, etter region, kjønn, alder og år",
                selection={
                    "Region": ["0301", "4601", "5001", "1103", "4204"],
                    "Alder": ["*"],
                    "ContentsCode": ["Personer1"],
                    "Tid": ["*"],
                },
                contents={"Personer1": "folkemengde_1jan"},
                note=(
                    "Personer1, Kjonn (kan summeres bort) og Alder 000–105+ er bekreftet i offentlig "
                    "v2-metadata; enheten heter «antall» på norsk."
                ),
            ),
        ),
    ),
    Dataset(
        name="oslo_utflytting_alder",
        title="Utflytting fra Oslo til resten av Norge etter ettårig alder",
        description=(
            "Antall utflyttinger over kommunegrensen fra Oslo etter alder og år. Mangler i "
            "øyeblikksbildet; en oppfriskning fra SSBs statistikkbank legger det til."
        ),
        resources=(),
        optional=tuple(q.resource for q in _UTFLYTTING_KANDIDATER),
        build=_utflytting_alder,
        ssb=_UTFLYTTING_KANDIDATER,
        notes="Artikkelens egne tall (microdata.no) er ikke offentlige; dette er det offentlige motstykket.",
    ),
    Dataset(
        name="flytting_barn_landet",
        title="Flyttinger av barn (0–17 år), hele landet, 2015 og 2018",
        description=(
            "SSBs «Barn og unge»-tabeller: innenlandske flyttinger mellom kommuner, innvandring og "
            "utvandring for alle aldre og for 0–17, 0–5 og 6–17 år. Hele landet, ikke Oslo."
        ),
        resources=("oslo_movers_by_group",),
        build=_barn,
    ),
]
