"""Computed claims: what the chapters state about the data, derived from the data.

Each function returns plain values; the chapters turn them into sentences. Because
nothing is typed, a sentence such as "the highest in the series" is re-decided every
time the data change.

The functions live by subject beside this module (series by year, the pre-pandemic
reference, net migration, shares and rankings, ages); `facts` is the one name the
chapters and prose use for all of them (`facts.serie`, `facts.referanse`, …).
"""

from __future__ import annotations

from helpers.analysis.alder import (
    aldersandeler,
    andel_i_alder,
    medianalder,
    medianalder_forklart,
    per_100_etter_alder,
    snittalder,
)
from helpers.analysis.andeler import andel, plass, rangert, storst_og_minst
from helpers.analysis.netto import NETTO, nettoflytting, nettoserie
from helpers.analysis.rader import en_verdi, kolonne, samle
from helpers.analysis.referanse import (
    FOER_FRA,
    FOER_TIL,
    etter,
    plassering,
    referanse,
    referanser,
    samme_kvartal,
)
from helpers.analysis.serier import (
    endring,
    hel_serie,
    kilder_per_aar,
    manglende,
    middelfolkemengde,
    mot_periode,
    per_1000,
    per_1000_serie,
    rangering,
    serie,
    snitt,
    undertalte_aar,
)

__all__ = [
    "FOER_FRA",
    "FOER_TIL",
    "NETTO",
    "aldersandeler",
    "andel",
    "andel_i_alder",
    "en_verdi",
    "endring",
    "etter",
    "hel_serie",
    "kolonne",
    "kilder_per_aar",
    "manglende",
    "medianalder",
    "medianalder_forklart",
    "middelfolkemengde",
    "mot_periode",
    "nettoflytting",
    "nettoserie",
    "per_100_etter_alder",
    "per_1000",
    "per_1000_serie",
    "plass",
    "plassering",
    "rangering",
    "rangert",
    "referanse",
    "referanser",
    "samle",
    "samme_kvartal",
    "serie",
    "snitt",
    "snittalder",
    "storst_og_minst",
    "undertalte_aar",
]
