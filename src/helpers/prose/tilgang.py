"""The one sentence about whether numbers exist, and whether this edition holds them.

Every page that says SSB does or does not publish something, or that the book lacks a
table, says it with `setning` (and «Om dataene» lists them all with `oversikt`), so no two
pages can disagree, and a refresh that adds a table changes every such sentence.
"""

from __future__ import annotations

from helpers.catalog import sources, tilgang
from helpers.prose.artikkel import Markdown
from helpers.prose.norsk import liste, stor_forbokstav

# A link that MyST resolves on the site and JupyterLab shows as its text.
LENKE = "[Om dataene](/book/om-dataene.md)"


def _tabeller(tabeller, eller: bool = False) -> str:
    ord_ = "tabell" if len(tabeller) == 1 else "tabellene"
    navn = [f"[{t.tabell}]({t.url})" for t in tabeller]
    if eller and len(navn) > 1:
        return f"{ord_} {', '.join(navn[:-1])} eller {navn[-1]}"
    return f"{ord_} {liste(navn)}"


def _tekst(s, kort: bool) -> str:
    """One topic's sentence without the link, subject first («SSB publiserer …», «Flyttingene …
    er hentet fra …»): short on chapter pages, with the tables and the reason in «Om dataene»."""
    hva = stor_forbokstav(s.tema.hva)
    if s.tema.bare_registerdata:
        return f"SSB publiserer ikke {s.tema.hva}" + (
            ""
            if kort
            else "; slike tall finnes bare i registerdata som forskere kan analysere på microdata.no"
        )
    if s.holdes:
        return f"{hva} er hentet fra SSBs statistikkbank, {_tabeller(s.holdes)}"
    if s.kandidater:
        # No table confirmed: name none.
        if kort:
            return f"{hva} er ikke med i denne utgaven av boka"
        # No SSB table is confirmed to publish them: say what the book has, and guess no table.
        return f"Denne utgaven av boka har ingen publiserte tall for {s.tema.hva}"
    hvor = "" if kort else f" i statistikkbanken ({_tabeller(s.mangler)})"
    return f"SSB publiserer {s.tema.hva}{hvor}, men tallene er ikke med i denne utgaven av boka"


def setning(navn: str | tuple[str, ...], har: set[str] | None = None) -> Markdown:
    """«Utflyttingen fra Oslo etter alder …»: published or not, held or not, in one short
    sentence with a link to «Om dataene», which gives the tables and reasons. Several topics
    only in the registers share one sentence. `har` replaces the package's resources (for tests)."""
    if isinstance(navn, tuple):
        statuser = [tilgang.status(n, har) for n in navn]
        if not all(s.tema.bare_registerdata for s in statuser):
            return Markdown(" ".join(str(setning(n, har)) for n in navn))
        hvaer = [s.tema.hva for s in statuser]
        felles = "utflyttingen fra Oslo etter "
        if all(h.startswith(felles) for h in hvaer):
            hva = felles + liste(h.removeprefix(felles) for h in hvaer)
        else:
            hva = liste(hvaer)
        return Markdown(f"SSB publiserer ikke {hva} ({LENKE}).")
    return Markdown(f"{_tekst(tilgang.status(navn, har), kort=True)} ({LENKE}).")


FELLES = "utflyttingen fra Oslo etter "


def _bare_registerdata(statuser) -> str:
    """The topics only in the registers, in one sentence with the reason given once: «SSB
    publiserer ikke utflyttingen fra Oslo etter yrke, fødested eller familietype, og heller
    ikke utvandrernes yrke; …»."""
    hvaer = [s.tema.hva for s in statuser]
    etter = [h.removeprefix(FELLES) for h in hvaer if h.startswith(FELLES)]
    deler = [h for h in hvaer if not h.startswith(FELLES)]
    if etter:
        navn = ", ".join(etter[:-1]) + " eller " + etter[-1] if len(etter) > 1 else etter[0]
        deler.insert(0, FELLES + navn)
    return (
        f"SSB publiserer ikke {deler[0]}"
        + "".join(f", og heller ikke {d}" for d in deler[1:])
        + "; slike tall finnes bare i registerdataene på microdata.no"
    )


def oversikt(har: set[str] | None = None) -> Markdown:
    """«Om dataene»: every topic, with its tables and why it is missing; the topics only in
    the registers share one line (where the first of them stands), so the reason stands once."""
    statuser = tilgang.alle(har)
    register = [s for s in statuser if s.tema.bare_registerdata]
    linjer = []
    for s in statuser:
        if not s.tema.bare_registerdata:
            linjer.append(_tekst(s, kort=False))
        elif s is register[0]:
            linjer.append(_bare_registerdata(register))
    return Markdown("\n".join(f"- {linje}." for linje in linjer))


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
