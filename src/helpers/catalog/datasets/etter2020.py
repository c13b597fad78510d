"""After 2020: Oslo's migration accounts 2016-2022 and quarters 2021-2023, house prices,
home office after the pandemic, and the Nordic capitals in 2019 and 2020.

All but one come from the transcribed published values in `destinations_and_context`
(and `context_home_office_family` for home office). The measure names there carry the
period and rounding in a suffix (`_k1`, `_k1-k3`, `_ca`, `_avrundet`); they are split
into columns here once, so a chapter never parses a measure name and never mistakes a
rounded news figure or a quarter for an exact annual count.

`boligprisindeks` (SSB's index level) is not in the snapshot at all: it loads as an
empty frame with the right columns until a refresh writes its resource.
"""

from __future__ import annotations

import re

import pandas as pd

from helpers.catalog import sources
from helpers.catalog.datasets.byer import CITY_QUERIES
from helpers.catalog.spec import Dataset, SsbQuery
from helpers.vocab import SERIES_LABELS

# ---------------------------------------------------------------------------
# Measure names: period and rounding suffixes

_PERIODER = {
    "k1": "1. kvartal",
    "k2": "2. kvartal",
    "k3": "3. kvartal",
    "k4": "4. kvartal",
    "k1-k3": "1.–3. kvartal",
}
_SUFFIX = re.compile(r"^(?P<maal>.+?)(?:_(?P<periode>k1-k3|k[1-4]))?(?:_(?P<avrundet>ca|avrundet))?$")

# The series the book names everywhere keep their one label (helpers.vocab); the rest are
# measures only this dataset has.
OSLO_MAAL = {
    **SERIES_LABELS,
    "innflytting_total": "Innflytting i alt (innenlands og fra utlandet)",
    "utflytting_total": "Utflytting i alt (innenlands og til utlandet)",
    # Some news items say only "flyttet ut"/"forlot byen" without saying whether moves
    # abroad are counted; they keep their own name so they are never taken for domestic.
    "utflytting": "Utflytting (kilden presiserer ikke innenlands)",
    "innflytting": "Innflytting (kilden presiserer ikke innenlands)",
    "befolkningsvekst": "Befolkningsvekst",
}


def split_measure(measure: str) -> tuple[str, str, bool]:
    """'utflytting_innenlandsk_k1_ca' -> ('utflytting_innenlands', '1. kvartal', True)."""
    m = _SUFFIX.match(measure)
    maal = m["maal"].replace("innenlandsk", "innenlands")
    return maal, _PERIODER.get(m["periode"] or "", "år"), bool(m["avrundet"])


# ---------------------------------------------------------------------------
# oslo_etter_2020


def _oslo_after_2020(frames: dict[str, pd.DataFrame]) -> pd.DataFrame:
    rows = frames["destinations_and_context"]
    rows = rows[rows["topic"] == "oslo_after_2020"].copy()
    split = rows["measure"].map(split_measure)
    rows["maal"] = [s[0] for s in split]
    rows["periode"] = [s[1] for s in split]
    rows["avrundet"] = [s[2] for s in split]
    # A flow "from Oslo" or "to Oslo" is Oslo's; growth in a named destination area is that area's.
    is_oslo = (rows["from_region"] == "Oslo") | (
        (rows["to_region"] == "Oslo") & (rows["from_region"] != "Oslo")
    )
    rows["region"] = rows["to_region"].where(~is_oslo, "Oslo")
    rows["aar"] = rows["year"].astype(int)

    key = ["region", "aar", "maal", "periode"]
    # Disagreements within one publisher are decided in helpers.catalog.sources.RESOLUTIONS.
    rows = sources.choose(rows, key=key, code="region", year="aar", series="maal")
    out = pd.DataFrame(
        {
            "region": rows["region"],
            "aar": rows["aar"],
            "maal": rows["maal"],
            "maal_navn": rows["maal"].map(OSLO_MAAL).fillna(rows["maal"]),
            "periode": rows["periode"],
            "avrundet": rows["avrundet"],
            "verdi": rows["value"].astype(float),
            "enhet": "personer",  # the source says "flyttinger" for some rows: each move is one person here
            "kilde": rows["source_url"],
            "utgiver": rows["utgiver"],
            "merknad": rows["note"],
            # Flagged in the data where a figure's definition is in doubt (e.g. Q2 2022).
            "usikker": rows["note"].str.contains("USIKKER", regex=False),
            "valgt": rows["valgt"].astype(bool),
            "valg_grunn": rows["valg_grunn"],
        }
    )
    return out.sort_values(
        ["region", "maal", "aar", "periode", "valgt"], ascending=[True, True, True, True, False]
    ).reset_index(drop=True)


# ---------------------------------------------------------------------------
# boligpriser: published changes, never one mixed series

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
            return "SSB", "tolvmaanedersendring", _PERIODER[m["k12"]]
        if m["aar"]:
            return "SSB", "aarsvekst", "år"
        if m["fra"] == m["til"]:
            return "SSB", "tolvmaanedersendring", _PERIODER[m["til"]]
        if m["sa"]:
            return "SSB", "kvartalsendring_sesongjustert", _PERIODER[m["til"]]
        return "SSB", measure, _PERIODER[m["til"]]
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


# ---------------------------------------------------------------------------
# nordiske_hovedsteder: net and gross kept apart, by name

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
    out = pd.DataFrame(
        {
            "omraade": origin.map(_OMRAADE).fillna(origin),
            "til": rows["to_region"].where(rows["from_region"] != "", ""),
            "aar": rows["year"].astype(int),
            "maal": rows["measure"],
            "maaltype": rows["measure"].map(lambda m: NORDISK_MAAL.get(m, ("annet", m))[0]),
            "maal_navn": rows["measure"].map(lambda m: NORDISK_MAAL.get(m, ("annet", m))[1]),
            "verdi": rows["value"].astype(float),
            "enhet": rows["unit"],
            "kilde": rows["source_url"],
            "utgiver": rows["source_url"].map(lambda u: sources.finn_utgiver(u).navn),
            "merknad": rows["note"],
        }
    )
    return out.sort_values(["omraade", "maal", "aar"]).reset_index(drop=True)


# ---------------------------------------------------------------------------
# hjemmekontor_etter_2020


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


# ---------------------------------------------------------------------------
# boligprisindeks: SSB's index level, absent from the snapshot until a refresh

BOLIGPRISINDEKS_KOLONNER = ["region", "aar", "kvartal", "periode", "verdi", "enhet", "kilde", "merknad"]


def _house_price_index(frames: dict[str, pd.DataFrame]) -> pd.DataFrame:
    """SSB's index per quarter from the tidy resource a refresh writes for table 07221."""
    rows = frames.get(BOLIGPRISINDEKS_RESSURS)
    if rows is None:
        return pd.DataFrame(
            {
                c: pd.Series(dtype=t)
                for c, t in zip(BOLIGPRISINDEKS_KOLONNER, [str, int, int, str, float, str, str, str])
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


# ---------------------------------------------------------------------------
# What a refresh would ask SSB for

_UVERIFISERT = (
    "Tabellnummeret er sett på SSBs egne sider, men dimensjons- og innholdskodene er IKKE "
    "bekreftet mot SSBs metadata (ingen tilgang herfra); en oppfriskning henter metadata først "
    "og stopper med en tydelig feil om en kode mangler."
)

# Oslo's annual accounts come from the same statbank queries as the city series
# (06913 for population, 01223 at 4th quarter for the flows): one declaration per table,
# so a refresh asks SSB once and every chapter reads the same rows.
_BOLIG_07221 = SsbQuery(
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
BOLIGPRISINDEKS_RESSURS = _BOLIG_07221.resource

DATASETS = [
    Dataset(
        name="oslo_etter_2020",
        title="Oslos flytteregnskap, år for år og kvartal for kvartal",
        description=(
            "Oslos innenlandske inn- og utflytting, inn- og utvandring, netto flytting og "
            "befolkningsvekst, som publisert av SSB, Oslo kommune og nyheter som siterer SSB. "
            "`periode` skiller hele år fra kvartaler, `avrundet` markerer tall som er rundet av i kilden."
        ),
        resources=("destinations_and_context",),
        build=_oslo_after_2020,
        ssb=CITY_QUERIES,
        notes="Kvartalstall fra nyheter har ikke alltid samme definisjon som SSBs tabeller; se `merknad`.",
    ),
    Dataset(
        name="boligpriser",
        title="Boligpriser i Oslo: publiserte endringer (SSB) og andre kilder",
        description=(
            "Endringer i SSBs prisindeks for brukte boliger (Oslo med Bærum) og tall fra Eiendom Norge "
            "og OBOS. Ulike mål: `kilde_type` og `maal` skiller dem, og de skal aldri settes sammen til én serie."
        ),
        resources=("destinations_and_context",),
        build=_house_prices,
        ssb=(_BOLIG_07221, _BOLIG_07230),
        unit="prosent",
    ),
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
        ssb=(_BOLIG_07221,),
        unit="indeks (2015=100)",
        notes=(
            f"Valgfri ressurs `{BOLIGPRISINDEKS_RESSURS}` i oppfriskningens ryddige form: Region, Boligtype, "
            "ContentsCode og Tid (f.eks. 2020K4) med tekst, series, value, unit, status, source_url, note. "
            "Boka bruker boligtype 00 (alle) og indeksen uten sesongjustering."
        ),
    ),
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
            "BE0101), Statistikcentralen (muutl) og Danmarks Statistik (statistikbanken.dk)."
        ),
    ),
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
