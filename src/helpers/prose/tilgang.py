"""The one sentence about whether numbers exist, and whether this edition holds them.

Every page that says SSB does or does not publish something, or that the book lacks a
table, says it with `setning` (and «Om dataene» lists them all with `oversikt`), so no two
pages can disagree, and a refresh that adds a table changes every such sentence.
"""

from __future__ import annotations

from helpers.catalog import sources, tilgang
from helpers.catalog.regions import CITIES
from helpers.prose.artikkel import Markdown
from helpers.prose.norsk import aar_liste, liste, stor_forbokstav

# A link that MyST resolves on the site and JupyterLab shows as its text.
LENKE = "[Om dataene](/book/om-dataene.md)"

# A topic with candidate tables, none confirmed: said in the same words in its chapter and in
# «Om dataene», so the two pages cannot seem to disagree.
IKKE_FUNNET = "Vi har ikke funnet noen publisert tabell over"

# Why «Om dataene» lists SSB tables the book does not build on: the one reason, said once.
IKKE_MED = (
    "Noen tabeller i SSBs statistikkbank har tall som hører hjemme i boka, men som ikke var blant "
    "tallene da de ble samlet inn:"
)


def _tabeller(tabeller) -> str:
    ord_ = "tabell" if len(tabeller) == 1 else "tabellene"
    return f"{ord_} {liste(f'[{t.tabell}]({t.url})' for t in tabeller)}"


def _kapittel(t) -> str:
    side, tittel = t.kapittel
    return f"[{tittel}]({side})"


def _tekst(s) -> str:
    """One topic's sentence on its chapter page, without the link: where the numbers come
    from when this edition holds a table, else the topic's own sentence (`Tema.spor`,
    `Tema.uten`), worded for that chapter and for no other."""
    if s.holdes and not s.tema.bare_registerdata:
        return f"{stor_forbokstav(s.tema.hva)} er hentet fra SSBs statistikkbank, {_tabeller(s.holdes)}"
    if not s.tema.bare_registerdata and s.kandidater:
        return f"{IKKE_FUNNET} {s.tema.hva}"
    return stor_forbokstav(s.tema.spor) + s.tema.uten


def setning(navn: str | tuple[str, ...], har: set[str] | None = None) -> Markdown:
    """«Vi har ikke funnet noen publisert tabell over utflyttingen fra Oslo etter alder (Om
    dataene).»: the one
    sentence in the one chapter where the topic matters, with a link to «Om dataene», which
    lists the tables. Topics only in the registers that a chapter names together share one
    sentence. `har` replaces the package's resources (for tests)."""
    if isinstance(navn, tuple):
        statuser = [tilgang.status(n, har) for n in navn]
        if not all(s.tema.bare_registerdata for s in statuser):
            return Markdown(" ".join(str(setning(n, har)) for n in navn))
        spor = stor_forbokstav(liste(s.tema.spor for s in statuser))
        return Markdown(f"{spor}{statuser[0].tema.uten} ({LENKE}).")
    return Markdown(f"{_tekst(tilgang.status(navn, har))} ({LENKE}).")


FELLES = "utflyttingen fra Oslo etter "


def _etter(hvaer: list[str]) -> str:
    """«utflyttingen fra Oslo etter yrke, fødested og familietype, og utvandrernes yrke»"""
    etter = [h.removeprefix(FELLES) for h in hvaer if h.startswith(FELLES)]
    deler = [h for h in hvaer if not h.startswith(FELLES)]
    if etter:
        deler.insert(0, FELLES + liste(etter))
    return deler[0] + "".join(f", og {d}" for d in deler[1:])


def oversikt(har: set[str] | None = None) -> Markdown:
    """«Om dataene»: what exists only in the registers and what no table is known to hold, in
    one sentence each, then one neutral sentence and a plain list of the SSB tables the book
    does not build on: the subject, the tables (linked) and the chapter where it matters."""
    statuser = tilgang.alle(har)
    register = [s.tema.hva for s in statuser if s.tema.bare_registerdata]
    ukjent = [s for s in statuser if not s.tema.bare_registerdata and not s.holdes and s.kandidater]
    mangler = [s for s in statuser if not s.tema.bare_registerdata and not s.holdes and not s.kandidater]
    deler = []
    if register:
        deler.append(
            f"Bare registerdataene på microdata.no viser {_etter(register)}; SSB publiserer "
            "ingen tabell over det."
        )
    if ukjent:
        deler.append(
            f"{IKKE_FUNNET} {liste(s.tema.hva for s in ukjent)} ({liste(_kapittel(s.tema) for s in ukjent)})."
        )
    if mangler:
        deler.append(IKKE_MED)
        avsnitt = "\n\n".join(deler)
        linjer = [
            f"- {stor_forbokstav(s.tema.hva)}: {_tabeller(s.mangler)} ({_kapittel(s.tema)})." for s in mangler
        ]
        return Markdown(avsnitt + "\n\n" + "\n".join(linjer))
    return Markdown("\n\n".join(deler))


def utgaven(har: set[str] | None = None) -> Markdown:
    """Where this edition's numbers come from: which SSB tables were fetched from the
    statbank, read from the package, for «Om dataene» and «Slik kommer tallene inn i boka»."""
    har = tilgang.ressurser() if har is None else har
    tabeller = sorted(r.removeprefix("ssb_") for r in har if r.startswith("ssb_"))
    andre = (
        "skrevet av fra publiserte sider hos Statistisk sentralbyrå (SSB), Oslo kommune og andre utgivere, "
        "eller hentet fra datafiler andre har publisert"
    )
    hentes = (
        "Boka er laget slik at tallene kan hentes på nytt direkte fra SSBs statistikkbank når SSB "
        "legger ut nye eller rettede tall, og [endringsloggen](/book/endringslogg.md) viser hver gang det skjer."
    )
    if not tabeller:
        return Markdown(f"Tallene i denne utgaven av boka er {andre}. {hentes}")
    lenker = liste(f"[{t}]({sources.ssb_tabell_url(t)})" for t in tabeller)
    ord_ = "tabell" if len(tabeller) == 1 else "tabellene"
    return Markdown(
        f"Tallene fra {ord_} {lenker} i SSBs statistikkbank er i denne utgaven hentet direkte derfra. "
        f"Resten er {andre}. {hentes}"
    )


def _liten(navn: str) -> str:
    return navn[:1].lower() + navn[1:] if navn[1:2].islower() else navn


def _per_serie(rader) -> str:
    """«for utflytting til resten av Norge og nettoflytting i alt 2016–2022; for …»: the years
    of each series, series with the same years named together, the longest span first."""
    grupper: dict[str, list[str]] = {}
    antall: dict[str, int] = {}
    for navn, aar in rader.dropna(subset=["aar"]).groupby("maal_navn", sort=False)["aar"]:
        tekst = str(aar_liste(aar))
        grupper.setdefault(tekst, []).append(_liten(str(navn)))
        antall[tekst] = aar.nunique()
    rekke = sorted(grupper.items(), key=lambda kv: (-antall[kv[0]], -len(kv[1])))
    return "; ".join(f"for {liste(navn)} {aar}" for aar, navn in rekke)


def omfang(rader, tittel: str = "") -> str:
    """« Tall for 2015–2024.»: the years a collection's values are for, as they exist (never a
    span with a year missing). When every row is a whole year or a quarter (`periode` «år» or
    «… kvartal»), the two are told apart: « Årstall for 2016–2023 og kvartalstall for 2021 og
    2023.» Empty when the title already names the same years."""
    aar = rader["aar"].dropna()
    if aar.empty:
        return ""
    if "periode" in rader:
        periode = rader["periode"].astype(str)
        er_aar = periode.eq("år")
        er_kv = periode.str.contains("kvartal")
        if (er_aar | er_kv).all() and er_aar.any() and er_kv.any():
            kvartal = aar_liste(rader.loc[er_kv, "aar"].dropna())
            if "maal_navn" in rader:
                return f" Årstall {_per_serie(rader[er_aar])}; kvartalstall for {kvartal}."
            return (
                f" Årstall for {aar_liste(rader.loc[er_aar, 'aar'].dropna())} og kvartalstall for {kvartal}."
            )
    byer = _per_by(rader)
    if byer:
        return f" Tall {byer}."
    alle = aar_liste(aar)
    return "" if str(alle) in tittel else f" Tall for {alle}."


def _per_by(rader) -> str:
    """«for Oslo 2010–2023; for Bergen 2013, 2018, 2022 og 2023; …»: for a collection of the
    five cities whose years differ from city to city, the years of each (Oslo first, cities
    with the same years together). Empty otherwise."""
    if "region" not in rader:
        return ""
    rader = rader.dropna(subset=["aar"])
    if set(rader["region"]) != set(CITIES):
        return ""
    grupper: dict[str, list[str]] = {}
    for by in CITIES:
        grupper.setdefault(str(aar_liste(rader.loc[rader["region"] == by, "aar"])), []).append(by)
    if len(grupper) == 1:
        return ""
    return "; ".join(f"for {liste(byer)} {aar}" for aar, byer in grupper.items())
