"""The book's vocabulary: series code -> Norwegian label -> fixed colour, in one place.

A reader who learns in chapter 1 that the ochre line is emigration can rely on it in
every chapter: the data layers take the labels from here, the figures the colours.
Every colour keeps a contrast of at least 3:1 (WCAG's minimum for graphics) against
both page backgrounds, so one colour means one thing in light and dark mode alike;
tests/unit/test_vocab.py computes it. The hues follow Okabe and Ito's colour-blind-safe
palette; its orange and sky blue are darkened, which on white were about 2.2:1.
"""

from __future__ import annotations

from dataclasses import dataclass

# The page's background in light and dark mode (pydata-sphinx-theme's --pst-color-background).
BAKGRUNN = {"lys": "#ffffff", "mork": "#14181e"}

FARGER = {
    "blaa": "#0072B2",
    "vermilion": "#D55E00",
    "gronn": "#009E73",
    "oker": "#B07A00",  # Okabe-Ito orange #E69F00, darkened
    "lilla": "#A8589A",  # Okabe-Ito reddish purple #CC79A7, darkened
    "himmel": "#2B8CC4",  # Okabe-Ito sky blue #56B4E9, darkened
    "graa": "#777777",
    "lysgraa": "#8C8C8C",
    "morkgraa": "#666666",
}


@dataclass(frozen=True)
class Serie:
    kode: str
    navn: str
    farge: str  # a key of FARGER


SERIER = {
    s.kode: s
    for s in (
        Serie("innflytting_innenlands", "Innflytting fra resten av Norge", "blaa"),
        Serie("utflytting_innenlands", "Utflytting til resten av Norge", "vermilion"),
        Serie("innvandring", "Innvandring fra utlandet", "gronn"),
        Serie("utvandring", "Utvandring til utlandet", "oker"),
        Serie("nettoinnflytting_innenlands", "Netto innenlandsk flytting", "lilla"),
        Serie("nettoinnvandring", "Nettoinnvandring", "himmel"),
        Serie("nettoinnflytting_total", "Nettoflytting i alt", "graa"),
        Serie("folkemengde_1jan", "Folkemengde 1. januar", "morkgraa"),
        Serie("folkemengde_31des", "Folkemengde 31. desember", "lysgraa"),
    )
}
SERIES_LABELS = {kode: s.navn for kode, s in SERIER.items()}
# The four flows the book follows: their colours mean these flows and nothing else.
STROMMER = ("innflytting_innenlands", "utflytting_innenlands", "innvandring", "utvandring")

# Cities are never coloured in the same chart as the flows (there they are panels).
BYER = {
    "Oslo": "blaa",
    "Bergen": "lilla",
    "Trondheim": "gronn",
    "Stavanger": "himmel",
    "Kristiansand": "graa",
}

# Values with no fixed meaning (groups, a chart's own categories) take these in order;
# none of the flows' hues, so a flow's colour never means anything else.
KATEGORIER = ["himmel", "lilla", "graa", "morkgraa"]
# Years compared in one chart: the earlier ones grey, the last one in colour.
AAR_FOKUS = "lilla"
AAR_ANDRE = ["lysgraa", "morkgraa", "graa"]

# Bars that go both ways: gains and losses.
GEVINST = "blaa"
TAP = "vermilion"


def serie_farger() -> dict[str, str]:
    """Norwegian label -> colour, for every series."""
    return {s.navn: FARGER[s.farge] for s in SERIER.values()}


def by_farger() -> dict[str, str]:
    return {by: FARGER[f] for by, f in BYER.items()}
