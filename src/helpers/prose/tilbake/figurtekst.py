"""Titles and notes for the chapter's yearly figures: a title states the finding only from
sound evidence, a note says which values are computed and which years are left out."""

from __future__ import annotations

import pandas as pd

from helpers.analysis import facts
from helpers.prose.norsk import Tekst, aar_liste, liste
from helpers.prose.tilbake.felles import _STROM_NAVN, _beskriv, _referanse_navn, til_forklaringen


def tittel_nivaa(serie: pd.Series, hva: str, etter_aar: int = 2020, utelat=(), usikre=()) -> Tekst:
    """A figure title: where the latest year lies against the pre-pandemic range.

    A judgement only from sound evidence: the range needs every one of its years, leaves
    out the years in `utelat` (flagged as under-counted) and names the years it then rests
    on; the latest year must not be flagged (`utelat`, `usikre`). «fortsatt over» or «igjen
    over» only when every year after `etter_aar` up to the latest has a value. Otherwise
    the title describes what the figure shows.
    """
    serie = serie.dropna().sort_index()
    try:
        ref = facts.referanse(serie, utelat=utelat)
    except ValueError:
        return _beskriv(serie, hva)
    e = facts.etter(serie, ref, etter_aar)
    if e["siste"] is None or e["siste"] in set(utelat) | set(usikre):
        return _beskriv(serie, hva)
    hva, sted, nivaa = hva.lower(), e["siste_plassering"], _referanse_navn(ref)
    if sted == "innenfor":
        return Tekst(f"I {e['siste']} var {hva} tilbake på {nivaa}")
    if sted == "under":
        return Tekst(f"I {e['siste']} lå {hva} under {nivaa}")
    hele = e["aar"] == list(range(etter_aar + 1, e["siste"] + 1))
    igjen = ("fortsatt " if e["forste_ikke_over"] is None else "igjen ") if hele else ""
    return Tekst(f"I {e['siste']} lå {hva} {igjen}over {nivaa}")


def merknad_utelatt(
    nett: pd.DataFrame,
    fra: int = facts.FOER_FRA,
    til: int = facts.FOER_TIL,
    strommer: dict[str, list[int]] | None = None,
) -> Tekst:
    """Which series' reference ranges leave out a year the data flag as under-counted; empty
    when none does. `strommer` (flow -> flagged years, `facts.undertalte_aar`) says which flow
    was under-counted, and so which way the net went: an outflow counted too low makes the
    net too high, an inflow counted too low makes it too low. Without it, no direction."""
    if "undertalt" not in nett:
        return Tekst("")
    rows = nett[nett["undertalt"].astype(bool) & nett["aar"].between(fra, til)]
    if rows.empty:
        return Tekst("")
    navn = [n[:1].lower() + n[1:] for n in dict.fromkeys(rows["serie_navn"])]
    aar_ = sorted(int(a) for a in rows["aar"].unique())
    aar = aar_liste(aar_)
    start = f"Båndet går fra det laveste til det høyeste året i {fra}–{til}; for {liste(navn)} er {aar} holdt utenfor"
    flagget = [s for s, a in (strommer or {}).items() if set(a) & set(aar_) and s in _STROM_NAVN]
    retning = {_STROM_NAVN[s][1] for s in flagget}
    if len(retning) != 1:
        return Tekst(f"{start}, fordi tallene bak er usikre {'det året' if len(aar_) == 1 else 'de årene'}.")
    hvilke = liste(_STROM_NAVN[s][0] for s in flagget)
    feil = "for høye" if retning == {"ut"} else "for lave"
    det = "det året" if len(aar_) == 1 else "de årene"
    # Explained in chapter 4.1: the clause on the net and a pointer there, not the reason again.
    henvis = til_forklaringen(flagget[0], aar_, lenke=False) if len(flagget) == 1 else ""
    if henvis:
        return Tekst(f"{start}, fordi nettotallene ble {feil} {det}{henvis}.")
    return Tekst(f"{start}: {hvilke} ble registrert for lavt {det}, så nettotallene ble {feil}.")


def grunnlag_merknad(nett: pd.DataFrame) -> Tekst:
    """Which values the figure computes (inflow minus outflow) rather than takes as published,
    once in the note instead of a column on every row: «Beregnet: netto innenlandsk flytting
    2011–2015 og 2021; nettoflytting i alt 2011–2015. Resten er publisert.» `nett`:
    serie_navn, aar, grunnlag («publisert»/«beregnet»), verdi."""
    rader = nett[nett["verdi"].notna()]
    beregnet = rader[rader["grunnlag"] == "beregnet"]
    if beregnet.empty:
        return Tekst("Alle nettotallene er publisert.")
    deler = [
        f"{navn.lower()} {aar_liste(int(a) for a in g['aar'])}"
        for navn, g in beregnet.groupby("serie_navn", sort=False)
    ]
    resten = " Resten er publisert." if (rader["grunnlag"] == "publisert").any() else ""
    return Tekst(f"Beregnet: {'; '.join(deler)}.{resten}")


def tittel_netto(nett: pd.DataFrame, etter_aar: int = 2020) -> Tekst:
    """A figure title from total net migration (with the rest of the world); a year the
    data flag as under-counted (`undertalt`) stays out of the reference range."""
    rows = nett[nett["serie_navn"] == facts.NETTO["i_alt"]]
    values = rows.set_index("aar")["verdi"]
    utelat = rows.loc[rows["undertalt"].astype(bool), "aar"].tolist() if "undertalt" in rows else []
    return tittel_nivaa(values, "Nettoflyttingen i alt", etter_aar, utelat=utelat)


def tittel_indeks(indeks: pd.Series, hva: str = "Boligprisindeksen") -> Tekst:
    """«Boligprisindeksen var høyest i 2024» only from a series with every year of its range;
    otherwise a title that describes."""
    indeks = indeks.dropna()
    if indeks.empty or not facts.hel_serie(indeks):
        return _beskriv(indeks, hva)
    return Tekst(f"{hva} var høyest i {int(indeks.idxmax())}")


def merknad_for_hoyt(omraade: str, aar: int) -> Tekst:
    """The Nordic figure's note on an area whose net migration in `aar` is too high because
    emigration was under-counted: a pointer to chapter 4.1 where that year is explained there,
    else the reason in a clause."""
    henvis = til_forklaringen("utvandring", [aar], lenke=False)
    if henvis:
        return Tekst(f"Tallet for {omraade} i {int(aar)} er for høyt{henvis}.")
    return Tekst(
        f"Tallet for {omraade} i {int(aar)} er for høyt, fordi utvandringen det året ble registrert for lavt."
    )
