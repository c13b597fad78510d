"""Chapter 3 (Hjemmekontor): sentences whose structure depends on the estimate's numbers."""

from __future__ import annotations

import pandas as pd

from helpers.prose.norsk import NBSP, Tekst, liste, stor_forbokstav, tall

# The article's ordering of the rise in out-migration: academic occupations most, sales and
# service less, craft workers and cleaners hardly at all.
ARTIKKELENS_REKKEFOLGE = [
    "Akademiske yrker",
    "Salgs- og serviceyrker",
    "Håndverkere",
    "Renholdere, hjelpearbeidere mv.",
]


def rekkefolge(andel: pd.Series) -> Tekst:
    """Whether the estimate ranks the article's groups in the article's order."""
    verdier = [andel[y] for y in ARTIKKELENS_REKKEFOLGE]
    # Craft workers and cleaners are one step in the article: both must lie below sales and service.
    samme = verdier[0] > verdier[1] > max(verdier[2], verdier[3])
    if samme:
        return Tekst(
            "For de fire gruppene Tønnessen nevner, er rekkefølgen i anslaget den samme som i økningen "
            "i utflyttingen: akademiske yrker over salgs- og serviceyrker, og begge over håndverkere og "
            "renholdere."
        )
    return Tekst(
        "Anslaget rangerer ikke yrkene i samme rekkefølge som økningen i utflyttingen, der akademiske "
        "yrker kom først, så salgs- og serviceyrker, og til slutt håndverkere og renholdere."
    )


def over_akademisk(andel: pd.Series, jobber: pd.Series) -> Tekst:
    """The groups the estimate puts above academic occupations, and whether they are small."""
    over = [y for y in andel.sort_values(ascending=False).index if andel[y] > andel["Akademiske yrker"]]
    if not over:
        return Tekst("")
    faa = all(jobber[y] < jobber["Akademiske yrker"] / 2 for y in over)
    return Tekst(
        f"{stor_forbokstav(liste(y.lower() for y in over))} ligger enda høyere enn de akademiske yrkene"
        + (", men de akademiske yrkene har mer enn dobbelt så mange jobber som hver av dem." if faa else ".")
    )


def naboer(hele: pd.Series) -> Tekst:
    """The municipalities in the estimate with a higher share than Oslo."""
    hoyere = [r for r in hele.index if r not in ("Oslo", "Hele landet") and hele[r] > hele["Oslo"]]
    andre = [r for r in hele.index if r not in ("Oslo", "Hele landet")]
    if hoyere and len(hoyere) == len(andre):
        return Tekst(
            f"Alle de andre kommunene vi har tall for fra anslaget, {liste(hoyere)}, lå høyere enn Oslo."
        )
    if hoyere:
        return Tekst(
            f"Av de {tall(len(andre))} andre kommunene vi har tall for fra anslaget, lå {liste(hoyere)} "
            "høyere enn Oslo."
        )
    return Tekst("Ingen av de andre kommunene vi har tall for fra anslaget, lå høyere enn Oslo.")


def over_halvparten(del_: float, helhet: float) -> Tekst:
    """Whether the home-office occupations are more or less than half of Oslo's employees."""
    if del_ > helhet / 2:
        return Tekst(
            "Mer enn halvparten av lønnstakerne i Oslo hadde altså yrker der mange kan flytte lenger fra "
            "arbeidsplassen uten å bytte jobb."
        )
    return Tekst("Det er under halvparten av lønnstakerne i Oslo.")


def med_andeler(rekke: list[tuple[str, float]], enhet: str = "prosent") -> Tekst:
    """Groups with their value in brackets, in the given order: 'ledere (67 prosent) og …'.
    `enhet` "prosent" writes a share; "prosent økning" writes a rise."""
    return Tekst(liste(f"{navn.lower()} ({tall(verdi)}{NBSP}{enhet})" for navn, verdi in rekke))


def med_okning(rekke: list[tuple[str, float]]) -> Tekst:
    """Groups with their rise in brackets: 'reiseliv og transport (opp 827 prosent) og …'."""
    return Tekst(liste(f"{navn.lower()} (opp {tall(verdi)}{NBSP}prosent)" for navn, verdi in rekke))
