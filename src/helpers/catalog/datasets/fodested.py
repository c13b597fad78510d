"""Fødested og familie: bakgrunnen til Oslos innbyggere og flyttere (kapittel 5).

The article split movers by birthplace and family type using closed register data.
Public stand-ins here: Oslo's residents by immigrant category (1.1.2020), Oslo's
households by type (2019, 2022), and Oslo's moves in 2013 for immigrants and the rest
of the population. Oslo's net moves by immigrant category 2016–2020 (SSB 07210) are
declared so that a refresh fills them; until then that dataset loads empty.
"""

from __future__ import annotations

import re

import pandas as pd

from helpers.catalog import sources
from helpers.catalog.spec import Dataset, SsbQuery, katalograder

NETTO_KOLONNER = ["aar", "kategori_kode", "kategori", "verdi", "status", "kilde", "merknad"]

# The source labels are English with the Norwegian term in brackets; the two part sums
# have no printed label at all.
_KATEGORIER = {
    "Norwegian born in Norway": "Født i Norge av norskfødte foreldre",
    "Foreign born to Norwegian born parents": "Født i utlandet av norskfødte foreldre",
    "Norwegian born with one foreign-born parent": "Født i Norge med én utenlandsfødt forelder",
    "Foreign born with one Norwegian parent": "Født i utlandet med én norskfødt forelder",
    "Norwegian born to immigrant parents": "Norskfødte med innvandrerforeldre",
    "Immigrants (innvandrere)": "Innvandrere",
    "Total: Immigrants": "Delsum: innvandrere, norskfødte med innvandrerforeldre og utenlandsfødte med én norskfødt forelder",
    "[delsum uten etikett": "Delsum: befolkningen utenom de tre innvandrerrelaterte kategoriene",
    "Total": "Hele befolkningen",
}


def _kategori(tekst: str) -> str:
    if not tekst.startswith(("Total", "[")) and "(" not in tekst:
        return tekst  # already a Norwegian label
    for start, navn in _KATEGORIER.items():
        if tekst.startswith(start):
            return navn
    return tekst


def _tall(rows: pd.DataFrame) -> pd.DataFrame:
    # A few rows of this resource hold verbal fractions ("to av tre") as printed.
    rows = rows[rows["unit"] != "verbal"].copy()
    rows["value"] = pd.to_numeric(rows["value"])
    return rows


def _innvandringskategori(frames: dict[str, pd.DataFrame]) -> pd.DataFrame:
    """Oslo's residents by immigrant category, only rows with a clear reference date."""
    rows = _tall(frames["context_home_office_family"])
    rows = rows[
        (rows["topic"] == "innvandringskategori")
        & (rows["region"] == "Oslo")
        & rows["period"].str.fullmatch(r"\d{4}(-\d{2}-\d{2})?")
    ]
    maal = rows["measure"].map(
        {
            "personer": "personer",
            "folkemengde": "personer",
            "andel av befolkningen": "andel",
            "endring i antall bosatte innvandrere i løpet av året": "endring i løpet av året",
        }
    )
    rows, maal = rows[maal.notna()], maal[maal.notna()]
    return katalograder(
        rows,
        {
            "periode": rows["period"],
            "aar": rows["period"].str[:4].astype(int),
            "kategori": rows["category"].map(_kategori),
            "delsum": rows["category"].str.contains("delsum", case=False),
            "maal": maal,
        },
    ).reset_index(drop=True)


def _husholdninger(frames: dict[str, pd.DataFrame]) -> pd.DataFrame:
    """Households by type: Oslo 1.1.2019 and 1.1.2022, Norway 2019 and 2022 for comparison."""
    rows = _tall(frames["context_home_office_family"])
    rows = rows[
        (rows["topic"] == "husholdning")
        & (rows["dimension"] == "husholdningstype")
        & rows["region"].isin(["Oslo", "Norge"])
        & rows["period"].isin(["2019-01-01", "2022-01-01", "2019", "2022"])
    ]
    return katalograder(
        rows,
        {
            "region": rows["region"].replace({"Norge": "Hele landet"}),
            "aar": rows["period"].str[:4].astype(int),
            "kategori": rows["category"],
            "maal": rows["measure"].map(
                lambda m: "andel" if m.startswith("andel av") else "antall" if m.startswith("antall") else m
            ),
        },
    ).reset_index(drop=True)


_FLYT = {
    "utflytting": "Utflytting til resten av Norge",
    "innflytting": "Innflytting fra resten av Norge",
    "utvandring": "Utvandring til utlandet",
    "innvandring": "Innvandring fra utlandet",
}
_GRUPPE = {"innvandrere": "Innvandrere", "befolkningen_ellers": "Befolkningen ellers", "alle": "Alle"}


def _flytting_2013(frames: dict[str, pd.DataFrame]) -> pd.DataFrame:
    rows = frames["oslo_flytting_innvandrere_2013"]
    return pd.DataFrame(
        {
            "aar": rows["year"].astype(int),
            "flyt": rows["flow"],
            "flyt_navn": rows["flow"].map(_FLYT).fillna(rows["flow"]),
            "gruppe": rows["innvkat_3"].map(_GRUPPE),
            "verdensregion": rows["vreg_3"],
            "verdi": rows["persons"].astype(float),
            "kilde": sources.github_url(rows),
            "merknad": rows["note"],
        }
    ).reset_index(drop=True)


def _nettoflytting(frames: dict[str, pd.DataFrame]) -> pd.DataFrame:
    """Oslo's net domestic moves by immigrant category, from the tidy SSB frame a refresh writes."""
    rows = frames.get(NETTO_RESSURS)
    if rows is None or rows.empty:
        return pd.DataFrame(columns=NETTO_KOLONNER)
    rows = rows[rows["Region"].map(lambda c: re.sub(r"\D", "", str(c))) == "0301"]
    return (
        pd.DataFrame(
            {
                "aar": rows["Tid"].astype(int),
                "kategori_kode": rows["InnvandrKat"],
                "kategori": rows["InnvandrKat_label"],
                "verdi": pd.to_numeric(rows["value"], errors="coerce"),
                "status": rows.get("status", pd.Series("", index=rows.index)).fillna(""),
                "kilde": sources.ssb_tabell_url("07210"),
                "merknad": rows.get("merknad", pd.Series("", index=rows.index)).fillna(""),
            }
        )[NETTO_KOLONNER]
        .sort_values(["aar", "kategori_kode"])
        .reset_index(drop=True)
    )


_NETTOFLYTTING_07210 = SsbQuery(
    table="07210",
    title="Innenlandsk nettoflytting til kommunene, etter innvandringskategori 2008–2020",
    selection={
        "Region": ["0301"],
        "InnvandrKat": ["*"],
        "ContentsCode": ["Nettoflytting"],
        "Tid": ["2016", "2017", "2018", "2019", "2020"],
    },
    contents={"Nettoflytting": "nettoflytting_innenlands"},
    note=(
        "Ikke bekreftet mot SSBs metadata (ingen tilgang herfra): den norske tittelen, "
        "dimensjonsnavnene Region og InnvandrKat, koden Nettoflytting i ContentsCode og at Oslo "
        "har koden 0301. Bare utvalgssiden til tabellen er sett (engelsk tittel 'Internal netmigration to municipalities, by "
        "immigration category (M) 2008-2020'). Tabellen gir nettoflytting, ikke utflytting, "
        "og ender i 2020."
    ),
)
# The resource a refresh writes for the query (SsbQuery.resource: ssb_<table>).
NETTO_RESSURS = _NETTOFLYTTING_07210.resource

DATASETS = [
    Dataset(
        name="oslo_innvandringskategori",
        title="Oslos befolkning etter innvandringskategori",
        description=(
            "Alle innbyggere i Oslo (ikke flyttere) etter SSBs innvandringskategorier 1.1.2020, med delsummer, "
            "og antall innvandrere 1.1.2022 og endringen i 2020 og 2021. Tallene for 2020 er lest fra en kopi "
            "av Wikipedia som oppgir SSB som kilde; totalen er lik SSBs folkemengde 1.1.2020."
        ),
        resources=("context_home_office_family",),
        build=_innvandringskategori,
    ),
    Dataset(
        name="oslo_husholdninger",
        title="Husholdninger etter type i Oslo (2019, 2022) og hele landet",
        description=(
            "Privathusholdninger i Oslo per 1. januar 2019 og 2022 (Oslo kommune, SSB-tall), og hele landets "
            "husholdninger etter type i 2019 og 2022 (SSB). Husholdninger, ikke flyttere."
        ),
        resources=("context_home_office_family",),
        build=_husholdninger,
        unit="husholdninger",
    ),
    Dataset(
        name="oslo_flytting_innvandrere_2013",
        title="Oslos flyttinger i 2013 for innvandrere og befolkningen ellers",
        description=(
            "Innenlandsk inn- og utflytting, innvandring og utvandring for Oslo i 2013, for innvandrere og "
            "for resten av befolkningen (IMDi, bygger på SSB). Befolkningen ellers omfatter norskfødte "
            "med innvandrerforeldre. Bare 2013."
        ),
        resources=("oslo_flytting_innvandrere_2013",),
        build=_flytting_2013,
    ),
    Dataset(
        name="oslo_nettoflytting_innvandringskategori",
        title="Oslos innenlandske nettoflytting etter innvandringskategori, 2016–2020",
        description=(
            "Innenlandsk nettoflytting (innflytting minus utflytting) for Oslo per innvandringskategori "
            "(SSB-tabell 07210). Finnes ikke i øyeblikksbildet; tom til en oppfriskning har hentet den."
        ),
        resources=(),
        optional=(NETTO_RESSURS,),
        build=_nettoflytting,
        ssb=(_NETTOFLYTTING_07210,),
    ),
]
