"""Hvor flyttet de? Utflytting fra Oslo etter mottakerfylke og -kommune (kapittel 6).

The snapshot has no moves from Oslo by destination. What it has: Oslo's total domestic
out-migration, every county's net domestic migration in 2020 (all moves, not only
from Oslo), and a weak 2021 Oslo–Telemark pair. The destination table itself is
declared below (SSB 13864) so that a refresh fills it; until then it loads empty.
"""

from __future__ import annotations

import pandas as pd

from helpers.catalog import regions, sources
from helpers.catalog.spec import Dataset, SsbQuery

KILDE_13864 = sources.ssb_tabell_url("13864")
DESTINASJON_KOLONNER = [
    "aar",
    "niva",
    "til_kode",
    "til_navn",
    "fylke_kode",
    "verdi",
    "status",
    "kilde",
    "merknad",
]


def _digits(code) -> str:
    return "".join(ch for ch in str(code) if ch.isdigit())


def _destinasjoner(frames: dict[str, pd.DataFrame]) -> pd.DataFrame:
    """Moves out of Oslo per destination and year, counties and municipalities.

    The resource is the tidy JSON-stat frame a refresh writes for the query below. When a
    refresh returns municipalities only, each county is the sum of its municipalities
    (exact: every move from Oslo to the county goes to one of them); a county with any
    missing municipality stays missing.
    """
    rows = frames.get(DESTINASJON_RESSURS)
    if rows is None or rows.empty:
        return pd.DataFrame(columns=DESTINASJON_KOLONNER)
    rows = rows[rows["Fraflyttingsregion"].map(_digits).isin(["0301", "03"])]
    kode = rows["TilflyttRegion"].map(_digits)
    out = pd.DataFrame(
        {
            "aar": rows["Tid"].astype(int),
            "niva": kode.str.len().map({2: "fylke", 4: "kommune"}),
            "til_kode": kode,
            "til_navn": rows["TilflyttRegion_label"],
            "verdi": pd.to_numeric(rows["value"], errors="coerce"),
            "status": rows.get("status", pd.Series("", index=rows.index)).fillna(""),
            "kilde": KILDE_13864,
            "merknad": rows.get("merknad", pd.Series("", index=rows.index)).fillna(""),
        }
    )
    out = out[out["niva"].notna() & ~out["til_kode"].isin(["0301", "03"])]
    out["fylke_kode"] = [
        c if n == "fylke" else regions.county_of_municipality(c)
        for c, n in zip(out["til_kode"], out["niva"], strict=True)
    ]
    if not (out["niva"] == "fylke").any():
        out = pd.concat([out, _fylker_fra_kommuner(out)], ignore_index=True)
    return out[DESTINASJON_KOLONNER].sort_values(["niva", "aar", "til_kode"]).reset_index(drop=True)


def _fylker_fra_kommuner(kommuner: pd.DataFrame) -> pd.DataFrame:
    grupper = kommuner.groupby(["aar", "fylke_kode"], as_index=False)
    fylker = grupper.agg(
        verdi=("verdi", lambda v: v.sum() if v.notna().all() else float("nan")),
        kilde=("kilde", "first"),
        merknad=("merknad", "first"),
    )
    fylker["niva"] = "fylke"
    fylker["til_kode"] = fylker["fylke_kode"]
    fylker["til_navn"] = fylker["fylke_kode"].map(lambda c: regions.COUNTIES[c][0])
    fylker["status"] = "summert fra kommunene"
    return fylker


def _fylker_2020(frames: dict[str, pd.DataFrame]) -> pd.DataFrame:
    rows = frames["destinations_and_context"]
    rows = rows[(rows["topic"] == "destination_county") & (rows["to_code"].str.strip() != "")]
    serie = rows["measure"].map(
        {"nettoinnflytting_innenlandsk": "netto", "innflytting_innenlandsk": "innflytting"}
    )
    return pd.DataFrame(
        {
            "fylke_kode": rows["to_code"].str.zfill(2),
            # Short bokmål names: SSB prints Trøndelag and Troms og Finnmark with their Sami names too.
            "fylke": rows["to_code"].str.zfill(2).map(lambda c: regions.COUNTIES[c][0]),
            "fylke_ssb": rows["to_region"],
            "aar": rows["year"].astype(int),
            "serie": serie,
            "verdi": rows["value"].astype(float),
            "enhet": rows["unit"],
            "kilde": rows["source_url"],
            "merknad": rows["note"],
        }
    ).reset_index(drop=True)


def _oslo_utflytting(frames: dict[str, pd.DataFrame]) -> pd.DataFrame:
    rows = frames["destinations_and_context"]
    rows = rows[
        (rows["topic"] == "destination_county")
        & (rows["from_region"] == "Oslo")
        & (rows["measure"] == "utflytting_innenlandsk")
    ]
    return (
        pd.DataFrame(
            {
                "aar": rows["year"].astype(int),
                "verdi": rows["value"].astype(float),
                "kilde": rows["source_url"],
                "merknad": rows["note"],
            }
        )
        .sort_values("aar")
        .reset_index(drop=True)
    )


def _oslo_telemark(frames: dict[str, pd.DataFrame]) -> pd.DataFrame:
    rows = frames["oslo_telemark_2021"]
    return pd.DataFrame(
        {
            "fra": rows["from_region"],
            "til": rows["to_region"],
            "aar": rows["year"].astype(int),
            "verdi": rows["persons"].astype(float),
            "kilde": sources.github_url(rows),
            "merknad": rows["note"],
        }
    ).reset_index(drop=True)


_FLYTTINGER_13864 = SsbQuery(
    table="13864",
    title="Flyttinger mellom kommuner og fylker, etter fraflyttingsregion, tilflyttingsregion og år",
    selection={
        "Fraflyttingsregion": ["0301"],
        "TilflyttRegion": ["*"],
        # One statistic, code unconfirmed ("Flyttinger" was a guess): "*" must match one code.
        "ContentsCode": ["*"],
        "Tid": ["from(2016)"],
    },
    contents={"*": "flyttinger"},
    note=(
        "Dimensjonsnavnene Fraflyttingsregion og TilflyttRegion er bekreftet av et offentlig skript som "
        "spør tabellen (evensrii/Telemark, med kodelisten agg_KommGjeldende). Koden i ContentsCode er ikke "
        "sett; spørringen sender «*», og tabellen må ha nøyaktig én statistikkvariabel. TilflyttRegion sendes "
        "som «*» (alle koder listet ut ville passert SSBs grense på om lag 2 100 tegn i URL-en). Ikke "
        "bekreftet: hvilke år tabellen dekker før 2025, at Oslo er 0301 uten kodeliste, og hvilke "
        "regionnivåer TilflyttRegion har uten kodeliste. Tabell 09588 er ikke et alternativ: den har "
        "bare inn-, ut- og nettoflytting per kommune, ikke hvor flytterne dro."
    ),
)
# The resource a refresh writes for the query (SsbQuery.resource: ssb_<table>).
DESTINASJON_RESSURS = _FLYTTINGER_13864.resource

DATASETS = [
    Dataset(
        name="oslo_utflytting_destinasjon",
        title="Utflytting fra Oslo etter tilflyttingsfylke og -kommune",
        description=(
            "Flyttinger fra Oslo til hver kommune og hvert fylke i Norge per år (SSB-tabell 13864). "
            "Finnes ikke i øyeblikksbildet; tom til en oppfriskning fra statistikkbanken har hentet den. "
            "Fylkestall summeres fra kommunene når tabellen bare gir kommuner."
        ),
        resources=(),
        optional=(DESTINASJON_RESSURS,),
        build=_destinasjoner,
        ssb=(_FLYTTINGER_13864,),
        unit="flyttinger",
    ),
    Dataset(
        name="fylker_innenlands_2020",
        title="Innenlandsk nettoflytting per fylke 2020, og innflytting til Viken, Innlandet og Vestfold og Telemark",
        description=(
            "Netto innenlandsk flytting til hvert fylke fra resten av landet i 2020 (SSB), og "
            "innenlandsk innflytting til tre fylker fra alle andre fylker. Alle flyttinger, ikke bare fra Oslo. "
            "Fylkesinndelingen 2020."
        ),
        resources=("destinations_and_context",),
        build=_fylker_2020,
    ),
    Dataset(
        name="oslo_utflytting_i_alt",
        title="Oslos innenlandske utflytting i alt, 2016–2020",
        description="Flyttinger fra Oslo til andre norske kommuner, alle mottakere samlet.",
        resources=("destinations_and_context",),
        build=_oslo_utflytting,
        unit="flyttinger",
    ),
    Dataset(
        name="oslo_telemark_2021",
        title="Flyttinger mellom Oslo og Telemark-området i 2021, fra en datafil hos Telemark fylkeskommune",
        description=(
            "To tall fra en flyttematrise i Telemark fylkeskommunes offentlige datarepo, trolig eksportert "
            "fra analyseverktøyet PANDA; ikke en oppgitt SSB-eksport. Telemark er området til fylket før "
            "2020 og etter 2024, ikke Vestfold og Telemark."
        ),
        resources=("oslo_telemark_2021",),
        build=_oslo_telemark,
    ),
]
