"""Hjemmekontor: hvem som kunne jobbe hjemmefra, Oslos yrkesmiks og ledigheten i mars 2020.

Artikkelens figur 3 (utflyttinger fra Oslo etter yrkesgruppe) bygger på registerdata på
microdata.no. Flytting etter yrke publiseres ikke i SSBs statistikkbank, så ingen
oppfriskning kan fylle den; det er derfor ikke deklarert noe datasett for den. Det som
finnes offentlig, og som er her, er kontekst om yrkene, ikke om flytterne.
"""

from __future__ import annotations

import re

import pandas as pd

from helpers.catalog import sources
from helpers.catalog.spec import Dataset, SsbQuery, katalograder

# STYRK-08 major groups, worded once so that the two sources (which label group 3
# differently) line up on the code.
STYRK = {
    "1": "Ledere",
    "2": "Akademiske yrker",
    "3": "Høyskoleyrker",
    "4": "Kontoryrker",
    "5": "Salgs- og serviceyrker",
    "6": "Bønder, fiskere mv.",
    "7": "Håndverkere",
    "8": "Prosess- og maskinoperatører mv.",
    "9": "Renholdere, hjelpearbeidere mv.",
}

MULIG = "andel jobber som kan utføres hjemmefra (anslag)"
UTKAST = "radbrt/working_from_home"  # the DP 935 manuscript draft: lower confidence


def _numeric(rows: pd.DataFrame) -> pd.DataFrame:
    # Four rows hold verbal fractions ("to av tre") exactly as printed; they are not numbers.
    rows = rows[rows["unit"] != "verbal"].copy()
    rows["value"] = pd.to_numeric(rows["value"])
    return rows


# Where SSB's Yrke code in 11619 differs from the STYRK major group (group 3 includes the
# military occupations there).
YRKE_11619 = {"3": "3_01-03"}


def _styrk_kode(kategori: str) -> str:
    match = re.match(r"\s*(\d)", kategori)
    if not match:
        raise ValueError(f"fant ingen STYRK-kode i {kategori!r}")
    return match.group(1)


def _tillit(url: str) -> str:
    return "lavere (utkast)" if UTKAST in url else "publisert"


def _mulig_yrke(frames: dict[str, pd.DataFrame]) -> pd.DataFrame:
    rows = _numeric(frames["context_home_office_family"])
    rows = rows[
        (rows["topic"] == "hjemmekontor") & (rows["dimension"] == "yrke") & (rows["region"] == "Norge")
    ]
    maal = {
        MULIG: "andel",
        "antall jobber i alt": "jobber_i_alt",
        "antall jobber som kan utføres hjemmefra (anslag)": "jobber_hjemmefra",
    }
    rows = rows[rows["measure"].isin(maal)]
    kode = rows["category"].map(_styrk_kode)
    return (
        katalograder(
            rows,
            {
                "region": "Hele landet",
                "periode": rows["period"],
                "yrke_kode": kode,
                "yrke": kode.map(STYRK),
                "maal": rows["measure"].map(maal),
            },
            etter={
                "tillit": rows["source_url"].map(_tillit),
            },
        )
        .sort_values(["maal", "yrke_kode"])
        .reset_index(drop=True)
    )


def _mulig_region(frames: dict[str, pd.DataFrame]) -> pd.DataFrame:
    rows = _numeric(frames["context_home_office_family"])
    rows = rows[
        (rows["topic"] == "hjemmekontor")
        & (rows["measure"] == MULIG)
        & rows["dimension"].isin(["i_alt", "region"])
    ].copy()
    # DP 935 (ssb.no) gives 39 % for Norway, its journal version 38 %: the publisher
    # rule in helpers.catalog.sources picks SSB's own publication.
    rows["series"] = "andel_mulig_hjemmekontor"
    rows = sources.choose(rows, key=["region", "series"], code="region", year="period")
    return katalograder(
        rows,
        {
            "region": rows["region"].replace({"Norge": "Hele landet"}),
            "periode": rows["period"],
        },
        etter={
            "tillit": rows["source_url"].map(_tillit),
            "valgt": rows["valgt"],
        },
        enhet="prosent av jobbene",
    ).reset_index(drop=True)


def _sysselsatte_yrke(frames: dict[str, pd.DataFrame]) -> pd.DataFrame:
    rows = _numeric(frames["context_home_office_family"])
    rows = rows[
        (rows["topic"] == "sysselsetting") & (rows["dimension"] == "yrke") & (rows["region"] == "Oslo")
    ]
    kode = rows["category"].map(_styrk_kode)
    return (
        katalograder(
            rows,
            {
                "region": "Oslo",
                "aar": rows["period"].astype(int),
                "yrke_kode": kode,
                "yrke": kode.map(STYRK),
            },
            enhet="lønnstakere 15–74 år",
        )
        .sort_values("yrke_kode")
        .reset_index(drop=True)
    )


def _avtaler(frames: dict[str, pd.DataFrame]) -> pd.DataFrame:
    rows = _numeric(frames["context_home_office_family"])
    rows = rows[
        (rows["measure"] == "andel ansatte med avtale om hjemmekontor") & (rows["dimension"] == "hyppighet")
    ]
    return (
        katalograder(
            rows,
            {
                "region": "Hele landet",
                "aar": rows["period"].astype(int),
                "hyppighet": rows["category"],
            },
        )
        .sort_values(["hyppighet", "aar"])
        .reset_index(drop=True)
    )


def _ledighet_2020(frames: dict[str, pd.DataFrame]) -> pd.DataFrame:
    rows = _numeric(frames["context_home_office_family"])
    rows = rows[rows["topic"] == "permitteringer"]
    return katalograder(
        rows,
        {
            "region": rows["region"],
            "periode": rows["period"],
            "dimensjon": rows["dimension"],
            "kategori": rows["category"],
            "maal": rows["measure"],
        },
    ).reset_index(drop=True)


DATASETS = [
    Dataset(
        name="hjemmekontor_mulig_yrke",
        title="Andel jobber som kan gjøres hjemmefra, etter yrkesgruppe (hele landet)",
        description=(
            "Anslag fra Holgersen, Jia og Svenkerud (SSB Discussion Paper 935, 2020) av hvilke "
            "jobber som KAN gjøres hjemmefra, etter STYRK-08 hovedgruppe, på sysselsettingen i 2019. "
            "Verdiene per yrke er hentet fra forfatternes utkast til rapporten og er mindre sikre."
        ),
        resources=("context_home_office_family",),
        build=_mulig_yrke,
        unit="prosent / jobber",
        notes="Mulighet, ikke faktisk hjemmearbeid; ikke flyttere.",
    ),
    Dataset(
        name="hjemmekontor_mulig_region",
        title="Andel jobber som kan gjøres hjemmefra, hele landet og Oslo-kommuner",
        description="Samme anslag som hjemmekontor_mulig_yrke, for hele landet, Oslo, Bærum, Asker og Oppegård.",
        resources=("context_home_office_family",),
        build=_mulig_region,
        unit="prosent av jobbene",
    ),
    Dataset(
        name="sysselsatte_yrke_oslo",
        title="Lønnstakere 15–74 år i Oslo etter yrkesgruppe",
        description=(
            "SSB-tabell 11619 (uttrekk lagret i replikasjonsrepoet til DP 935), 2018. Bare lønnstakere; "
            "kilden sier ikke om det er etter bosted eller arbeidssted."
        ),
        resources=("context_home_office_family",),
        build=_sysselsatte_yrke,
        ssb=(
            SsbQuery(
                table="11619",
                title="Lønnstakere etter bosted, yrke, kjønn og alder",
                selection={
                    "Region": ["0301"],
                    "Kjonn": ["0"],
                    "Alder": ["15-74"],
                    "Yrke": [YRKE_11619.get(k, k) for k in STYRK],
                    # The table has one statistic (Lønnstakere); its code is not in any public
                    # source, so "*" is sent and must match exactly one code.
                    "ContentsCode": ["*"],
                    "Tid": ["*"],
                },
                contents={"*": "lonnstakere"},
                note=(
                    "Utvalget (Region, Kjonn=0, Alder=15-74, Yrke 1, 2, 3_01-03, 4-9) er det en offentlig "
                    "v0-spørring mot 11619 brukte, og et CSV-uttrekk viser «Lønnstakere 2018» og "
                    "«3_01-03 Høyskole- og militære yrker». Koden i ContentsCode er ikke sett; om tabellen "
                    "er etter bosted eller arbeidssted er ikke bekreftet."
                ),
            ),
        ),
    ),
    Dataset(
        name="hjemmekontor_avtaler",
        title="Ansatte med avtale om hjemmekontor, 2006–2020 (hele landet)",
        description="SSBs arbeidskraftundersøkelse: andel ansatte med arbeidstidsavtale som har avtale om hjemmekontor.",
        resources=("context_home_office_family",),
        build=_avtaler,
        unit="prosent av ansatte med arbeidstidsavtale",
        notes="Måler avtaler, ikke hvor mange som faktisk jobbet hjemme.",
    ),
    Dataset(
        name="ledighet_2020",
        title="Ledighet og permitteringer i Oslo og hele landet, 2020",
        description=(
            "NAV Oslos pressemeldinger fra mars og høsten 2020 (helt ledige, delvis ledige, økning etter "
            "NAVs yrkesbakgrunn, ikke STYRK) og søknader om dagpenger ved permittering etter næring."
        ),
        resources=("context_home_office_family",),
        build=_ledighet_2020,
        unit="prosent / personer",
        notes="Pressemeldingene er udaterte i de lagrede utdragene; periodene er slik kilden angir dem.",
    ),
]
