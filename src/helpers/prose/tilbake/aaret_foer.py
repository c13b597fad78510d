"""The newest year's quarters against the year before, and the sign of each quarter, for net
migration and population growth."""

from __future__ import annotations

import pandas as pd

from helpers.prose.norsk import Tekst, liste, tall
from helpers.prose.tilbake.felles import _alle, _antall, _kvartaler

NAER_NULL = 50
"""Persons: a quarter's value this close to zero is «nær null» (only barely positive or
negative), and two quarters this close to each other differ «bare så vidt». The one threshold
for both; tests/claims use it."""


def sammenlign_aaret_foer(serie: pd.DataFrame) -> dict[int, str]:
    """Each quarter of the newest year against the same quarter a year earlier: «lavere» or
    «høyere», «bare så vidt lavere» / «bare så vidt høyere» when the two are within
    `NAER_NULL` of each other, «lik» when they are equal. The one rule every sentence and title
    about 2025 against 2024 uses: a quarter that is barely lower is still lower, and said so.

    `serie`: aar, kvartal, verdi for one measure."""
    if serie.empty:
        return {}
    nytt = int(serie["aar"].max())
    a = serie[serie["aar"] == nytt].set_index("kvartal")["verdi"]
    b = serie[serie["aar"] == nytt - 1].set_index("kvartal")["verdi"]
    ut = {}
    for k in sorted(set(a.index) & set(b.index)):
        d = float(a[k]) - float(b[k])
        if d == 0:
            ut[int(k)] = "lik"
            continue
        ord_ = "lavere" if d < 0 else "høyere"
        ut[int(k)] = f"bare så vidt {ord_}" if abs(d) <= NAER_NULL else ord_
    return ut


def kvartal_mot_aaret_foer(serie: pd.DataFrame, navn: str) -> Tekst:
    """The newest year's quarters against the same quarters a year earlier, by
    `sammenlign_aaret_foer`, the barely different ones named with their values: «Folkeveksten
    var lavere i 2025 enn i 2024 i alle fire kvartalene, i 3. kvartal bare så vidt (2 617 mot
    2 628).»

    `serie`: aar, kvartal, verdi for one measure.
    """
    stor = navn[:1].upper() + navn[1:]
    if serie.empty:
        return Tekst(f"{stor} har vi ikke per kvartal.")
    nytt = int(serie["aar"].max())
    klasse = sammenlign_aaret_foer(serie)
    if not klasse:
        return Tekst(f"{stor} har vi ikke for samme kvartal i {nytt - 1} og {nytt}.")
    a = serie[serie["aar"] == nytt].set_index("kvartal")["verdi"]
    b = serie[serie["aar"] == nytt - 1].set_index("kvartal")["verdi"]
    n = len(klasse)

    def verdier(kv: list[int]) -> str:
        return liste(f"{tall(a[k])} mot {tall(b[k])}" for k in kv)

    retning = {o: [k for k, v in klasse.items() if v.endswith(o)] for o in ("lavere", "høyere")}
    like = [k for k, v in klasse.items() if v == "lik"]
    deler = []
    for ord_ in ("lavere", "høyere"):
        kv = retning[ord_]
        if not kv:
            continue
        vidt = [k for k in kv if klasse[k].startswith("bare så vidt")]
        # Every quarter in this direction barely so: the words say it up front, with values.
        alle_vidt = len(vidt) == len(kv)
        med = f" ({verdier(kv)})" if alle_vidt else ""
        if len(kv) == n:
            hvor = f"i {_alle(n)}{med}"
        elif len(kv) == 1:
            hvor = f"i {_kvartaler(kv)}{med}"
        else:
            hvor = f"i {_antall(len(kv))} av {_antall(n)} kvartaler ({_kvartaler(kv)}{med.replace(' (', ': ').rstrip(')')})"
        if alle_vidt:
            ord_ = f"bare så vidt {ord_}"
        else:
            if vidt:
                hvor += f", i {_kvartaler(vidt)} bare så vidt ({verdier(vidt)})"
        deler.append((ord_, hvor))
    if deler:
        tekst = f"{stor} var {deler[0][0]} i {nytt} enn i {nytt - 1} {deler[0][1]}"
        if len(deler) > 1:
            tekst += f", men {deler[1][0]} {deler[1][1]}"
        if like:
            tekst += (
                f"; i {_kvartaler(like)} var den like stor begge årene ({liste(tall(a[k]) for k in like)})"
            )
        return Tekst(tekst + ".")
    hvor = _alle(n) if n > 1 else _kvartaler(like)
    return Tekst(f"{stor} var like stor i {nytt} og {nytt - 1} i {hvor} ({liste(tall(a[k]) for k in like)}).")


def fortegn_kvartaler(rader: pd.DataFrame, positiv: str = "positiv", negativ: str = "negativ") -> Tekst:
    """The sign of the newest year's quarters as a clause that never reads as a contradiction:
    how many were negative, each negative quarter with its value, the largest first, and the
    ones within `NAER_NULL` of zero called barely so («bare så vidt»): «negativ i tre av fire
    kvartaler: mest i 2. kvartal (−1 611), i 4. kvartal (−154) og bare så vidt i 1. kvartal
    (−39)». Never empty.

    `rader`: aar, kvartal, verdi for one measure (only the newest year is read)."""
    if rader.empty:
        return Tekst("ukjent, fordi kvartalstallene mangler")
    nytt = int(rader["aar"].max())
    r = rader[rader["aar"] == nytt].set_index("kvartal")["verdi"].sort_index()
    n = len(r)

    def naer(k) -> bool:
        return abs(float(r[k])) <= NAER_NULL

    def nevn(kv: list, mest: bool) -> str:
        kv = sorted(kv, key=lambda k: -abs(float(r[k])))
        deler = []
        for i, k in enumerate(kv):
            hvor = f"i {_kvartaler([k])} ({tall(r[k])})"
            if naer(k):
                deler.append(f"bare så vidt {hvor}")
            elif i == 0 and mest and len(kv) > 1:
                deler.append(f"mest {hvor}")
            else:
                deler.append(hvor)
        return liste(deler)

    neg = [int(k) for k in r.index if r[k] < 0]
    pos = [int(k) for k in r.index if r[k] > 0]
    if len(neg) == n:
        return Tekst(f"{negativ} i {_alle(n)}: {nevn(neg, True)}")
    if len(pos) == n:
        barely = [k for k in pos if naer(k)]
        tekst = f"{positiv} i {_alle(n)}"
        return Tekst(tekst + (f", men {nevn(barely, False)}" if barely else ""))
    if not neg:
        null = [int(k) for k in r.index if r[k] == 0]
        return Tekst(
            f"{positiv} i {_antall(len(pos))} av {_antall(n)} kvartaler og null i {_kvartaler(null)}"
        )
    tekst = f"{negativ} i {_antall(len(neg))} av {_antall(n)} kvartaler: {nevn(neg, True)}"
    pos_naer = [k for k in pos if naer(k)]
    if pos_naer:
        tekst += (
            f", og bare så vidt {positiv} i {_kvartaler(pos_naer)} ({liste(tall(r[k]) for k in pos_naer)})"
        )
    return Tekst(tekst)


def tittel_kvartal_netto(netto: pd.DataFrame) -> Tekst:
    """A figure title for the quarters of net migration: the robust statement first, the
    newest year against the year before in every quarter (`sammenlign_aaret_foer`); then the
    sign, only when no quarter is within `NAER_NULL` of zero; otherwise a title that describes."""
    if netto.empty:
        return Tekst("Nettoflyttingen per kvartal")
    nytt = int(netto["aar"].max())
    klasse = sammenlign_aaret_foer(netto)
    # Only a clear difference in every quarter: none equal, none barely so.
    if len(klasse) > 1 and len(set(klasse.values())) == 1 and set(klasse.values()) <= {"lavere", "høyere"}:
        ord_ = next(iter(klasse.values()))
        return Tekst(f"Nettoflyttingen var {ord_} i {nytt} enn i {nytt - 1} i alle kvartalene")
    r = netto.loc[netto["aar"] == nytt, "verdi"]
    if len(r) > 1 and (r.abs() > NAER_NULL).all() and ((r < 0).all() or (r > 0).all()):
        return Tekst(
            f"Nettoflyttingen var {'negativ' if (r < 0).all() else 'positiv'} i alle kvartalene i {nytt}"
        )
    fra = int(netto["aar"].min())
    return Tekst(
        f"Nettoflyttingen per kvartal {fra}–{nytt}"
        if fra != nytt
        else f"Nettoflyttingen per kvartal i {nytt}"
    )


def fortegn_kort(rader: pd.DataFrame) -> Tekst:
    """The sign of the newest year's quarters in a few words, for the summary (the chapter
    gives each quarter's value, `fortegn_kvartaler`): «negativ i tre av de fire kvartalene»."""
    if rader.empty:
        return Tekst("ukjent, fordi kvartalstallene mangler")
    nytt = int(rader["aar"].max())
    r = rader[rader["aar"] == nytt]["verdi"]
    n, neg, pos = len(r), int((r < 0).sum()), int((r > 0).sum())
    if neg == n:
        return Tekst(f"negativ i {_alle(n)}")
    if pos == n:
        return Tekst(f"positiv i {_alle(n)}")
    if neg == 0:
        return Tekst(f"positiv i {_antall(pos)} av de {_antall(n)} kvartalene og ellers null")
    return Tekst(f"negativ i {_antall(neg)} av de {_antall(n)} kvartalene")
