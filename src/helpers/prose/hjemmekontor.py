"""Chapter 3 (Hjemmekontor): sentences whose structure depends on the estimate's numbers."""

from __future__ import annotations

import re

import pandas as pd

from helpers.prose.alder import TALLORD
from helpers.prose.norsk import NBSP, Tekst, avrund, liste, prosent, stor_forbokstav, tall

# The article's groups by the rise in out-migration: the home-office occupations rose most
# (academic most of all, then college-level and clerical), sales and service less, and
# craft workers and cleaners hardly changed.
OKTE_MEST = ["Akademiske yrker", "Høyskoleyrker", "Kontoryrker"]
OKTE_MINDRE = "Salgs- og serviceyrker"
KNAPT_ENDRET = ["Håndverkere", "Renholdere, hjelpearbeidere mv."]


def _ord(n: int) -> str:
    return TALLORD.get(n, str(n))


def rekkefolge(andel: pd.Series) -> Tekst:
    """Whether the estimate puts the article's groups in the order of the rise in out-migration:
    every group where it rose most above sales and service, and all of those above craft
    workers and cleaners. Every comparison is read from `andel`."""
    salg = andel[OKTE_MINDRE]
    bunn = max(andel[y] for y in KNAPT_ENDRET)
    under_salg = [y for y in OKTE_MEST if not andel[y] > salg]
    ikke_over_bunn = [y for y in [*OKTE_MEST, OKTE_MINDRE] if not andel[y] > bunn]
    mest = liste(y.lower() for y in OKTE_MEST)
    if not under_salg and not ikke_over_bunn:
        return Tekst(
            f"Anslaget peker samme vei som økningen i utflyttingen: {mest}, der Tønnessen fant økt "
            f"utflytting, har alle høyere andel enn salgs- og serviceyrker, der utflyttingen også økte, men "
            f"mindre, og alle {_ord(len(OKTE_MEST) + 1)} har høyere andel enn håndverkere og renholdere, der "
            "den knapt endret seg."
        )
    deler = []
    if under_salg:
        deler.append(f"{liste(y.lower() for y in under_salg)} ligger ikke over salgs- og serviceyrker")
    if ikke_over_bunn:
        deler.append(f"{liste(y.lower() for y in ikke_over_bunn)} ligger ikke over håndverkere og renholdere")
    return Tekst(
        "Anslaget følger ikke helt økningen i utflyttingen, som Tønnessen fant for "
        f"{mest}, mindre for salgs- og serviceyrker og knapt noen for håndverkere og renholdere: "
        f"{'; '.join(deler)}."
    )


def over_akademisk(andel: pd.Series, antall: pd.Series, aar: int) -> Tekst:
    """The groups the estimate puts above academic occupations, and how many times as many
    employees in Oslo (figure 3.2's counts for `aar`, not the estimate's national counts) the
    academic occupations had; empty when no group lies above them."""
    over = [y for y in andel.sort_values(ascending=False).index if andel[y] > andel["Akademiske yrker"]]
    if not over:
        return Tekst("")
    akademisk = antall["Akademiske yrker"]
    ganger = [(y, akademisk / antall[y]) for y in over]
    tekst = f"{stor_forbokstav(liste(y.lower() for y in over))} ligger enda høyere enn de akademiske yrkene"
    if all(g > 1 for _, g in ganger):
        deler = [
            f"{tall(g, 1)} ganger så mange lønnstakere som {y.lower()}"
            if i == 0
            else f"{tall(g, 1)} ganger så mange som {y.lower()}"
            for i, (y, g) in enumerate(ganger)
        ]
        return Tekst(tekst + f", men i Oslo hadde de akademiske yrkene {liste(deler)} i {aar}.")
    return Tekst(tekst + ".")


def kommuneaar(perioder: pd.Series) -> int:
    """The year of the employment data the estimate's rows use, read from their period
    («2018 (sysselsettingsdata)»): for the municipalities, the year whose boundaries they
    follow; for the whole country, the year its shares are computed on. An error if the
    rows disagree or name no year."""
    aar = {int(m.group(0)) for p in perioder if (m := re.search(r"\d{4}", str(p)))}
    if len(aar) != 1:
        raise ValueError(f"fant ikke ett år for kommunene i anslaget: {sorted(aar)}")
    return aar.pop()


def naboer(hele: pd.Series, aar: int, maal: list[str] | None = None) -> Tekst:
    """The municipalities in the estimate with a higher share than Oslo, with their shares
    (compared as they are written, in whole percent), as they were in `aar` (some were merged
    later, so the year is said); then those of them the article named among the commonest
    destinations in 2020 (`maal`, chapter 6)."""
    andre = [r for r in hele.index if r not in ("Oslo", "Hele landet")]
    hoyere = [r for r in andre if avrund(hele[r]) > avrund(hele["Oslo"])]
    andeler = liste(f"{r} ({prosent(hele[r], 0)})" for r in hoyere)
    oslo = prosent(hele["Oslo"], 0)
    if len(andre) == 1:
        finnes = f"Anslaget finnes også for {andre[0]}, slik kommunen var i {aar}"
    else:
        finnes = f"Anslaget finnes også for {_ord(len(andre))} andre kommuner, slik de var i {aar}"
    if hoyere and len(hoyere) == len(andre):
        alle = "den" if len(andre) == 1 else "alle"
        tekst = f"{finnes}, og {alle} lå høyere enn Oslo ({oslo}): {andeler}."
    elif hoyere:
        tekst = f"{finnes}, og av dem lå {andeler} høyere enn Oslo ({oslo})."
    else:
        ingen = "den lå ikke" if len(andre) == 1 else "ingen av dem lå"
        return Tekst(f"{finnes}, men {ingen} høyere enn Oslo ({oslo}).")
    felles = [r for r in hoyere if r in (maal or [])]
    if felles:
        hvem = (
            f"{felles[0]} var"
            if len(felles) == 1
            else f"{liste(felles)} var begge"
            if len(felles) == 2
            else f"{liste(felles)} var alle"
        )
        tekst += f" {hvem} blant de fem kommunene flest flyttet til fra Oslo i 2020, ifølge Tønnessen (se kapittel 6)."
    return Tekst(tekst)


def over_halvparten(del_: float, helhet: float) -> Tekst:
    """What the home-office occupations' share of Oslo's employees means, without saying the
    share again (the sentence before gives it in percent): a majority «altså» had such jobs;
    under half, that they were a minority."""
    tolkning = "yrker der mange kan flytte lenger fra arbeidsplassen uten å bytte jobb"
    if del_ > helhet / 2:
        return Tekst(f"De fleste lønnstakerne i byen hadde altså {tolkning}.")
    return Tekst(f"Mindre enn halvparten av lønnstakerne i byen hadde altså {tolkning}.")


def med_andeler(rekke: list[tuple[str, float]], enhet: str = "prosent") -> Tekst:
    """Groups with their value in brackets, in the given order: 'ledere (67 prosent) og …'.
    `enhet` "prosent" writes a share; "prosent økning" writes a rise."""
    return Tekst(liste(f"{navn.lower()} ({tall(verdi)}{NBSP}{enhet})" for navn, verdi in rekke))


def med_okning(rekke: list[tuple[str, float]]) -> Tekst:
    """Groups with their rise in brackets: 'reiseliv og transport (opp 827 prosent) og …'."""
    return Tekst(liste(f"{navn.lower()} (opp {tall(verdi)}{NBSP}prosent)" for navn, verdi in rekke))


def tittel_permittering(rekke: list[tuple[str, float]]) -> Tekst:
    """Figure 3.3's title: the industry with the largest share among those the source names
    (not all industries), ties named together."""
    topp = [navn for navn, verdi in rekke if verdi == rekke[0][1]]
    hvilke = f"de {_ord(len(rekke))} næringene kilden nevner"
    return Tekst(f"{stor_forbokstav(liste(n.lower() for n in topp))} høyest av {hvilke}")
