"""Which numbers in a text shown by {eval} are statistics without an explanation.

A number is covered when the value is a `Tall` (it carries its lineage), when it lies in
a part of a sentence that is a `Tall` (`Tekst.deler`), or when it is structural: a
`Struktur` value, a year, «N. kvartal», a date, «per 1 000». What is left is a statistic
the reader cannot open."""

from __future__ import annotations

import re

from helpers.prose.norsk import NBSP, Struktur, Tall

TALL = re.compile(r"[−-]?\d{1,3}(?:\u00a0\d{3})*(?:,\d+)?")
STRUKTUR = [
    re.compile(r"(?<![\d,\u00a0])(?:19|20)\d\d(?![\d]|,\d)"),  # a year
    re.compile(r"\d\.\u00a0kvartal"),
    re.compile(r"(?<![\d,.])\d\.(?= (?:og|eller) )"),  # «1. og 4. kvartal»
    re.compile(
        r"\d{1,2}\.\u00a0(?:januar|februar|mars|april|mai|juni|juli|august|september|oktober|november|desember)"
    ),
    re.compile(r"(?<=per )1\u00a0000"),
    re.compile(
        r"(?i)(?<=tabell )\d+|(?<=tabellene )\d+|(?<=figur )\d+(?:\.\d+)?|(?<=kapittel )\d+|(?<=Papers )\d+"
    ),  # names: SSB table ids, figure and chapter numbers, a report series number
    re.compile(r"(?<=hver )1\u00a0000"),
    re.compile(r"\S*doi\.org/\S+|https?://\S+"),  # addresses
    re.compile(r"(?<=mellom )\d+ og \d+(?= år)|\d+–\d+(?=-åring)"),  # an age band, typed
]


def _spenn(tekst: str, mønstre) -> list[tuple[int, int]]:
    return [m.span() for p in mønstre for m in p.finditer(tekst)]


def udekkede(verdi) -> list[str]:
    """The numbers in `verdi`'s text that are neither explained nor structural."""
    if isinstance(verdi, Tall) or isinstance(verdi, Struktur):
        return []
    if isinstance(verdi, (int, float)) and not isinstance(verdi, bool):
        tekst = str(verdi)
    else:
        tekst = str.__str__(verdi) if isinstance(verdi, str) else str(verdi)
    dekket = [(a, b) for a, b, _ in getattr(verdi, "deler", ())] + _spenn(tekst, STRUKTUR)
    ute = []
    for m in TALL.finditer(tekst):
        a, b = m.span()
        if not any(x <= a and b <= y for x, y in dekket):
            ute.append(m.group().replace(NBSP, " "))
    return ute
