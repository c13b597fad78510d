"""The newest year's quarters against the same quarters of earlier years, on sound earlier
values only, and saying when those are from weaker sources."""

from __future__ import annotations

import pandas as pd

from helpers.catalog.sources.utgivere import finn_utgiver
from helpers.prose.norsk import Tekst, aar_liste, kvartal, liste, tall
from helpers.prose.tilbake.felles import _kvartaler


def _med_ca(verdi: float, avrundet: bool) -> str:
    return f"ca. {tall(verdi)}" if avrundet else tall(verdi)


def _kvartalspar(ut_nytt: pd.DataFrame, tidligere: pd.DataFrame) -> list[tuple[int, float, pd.DataFrame]]:
    """(quarter, newest value, earlier rows of that quarter) for each quarter of the newest
    year that has an earlier value of the same measure."""
    if ut_nytt.empty:
        return []
    nytt = int(ut_nytt["aar"].max())
    par = []
    for _, row in ut_nytt[ut_nytt["aar"] == nytt].sort_values("kvartal").iterrows():
        k = int(row["kvartal"])
        foer = tidligere[(tidligere["kvartal"] == k) & (tidligere["aar"] < nytt)].sort_values("aar")
        par.append((k, float(row["verdi"]), foer))
    return par


def _sikre(foer: pd.DataFrame) -> pd.DataFrame:
    """Earlier values a judgement may rest on: not rounded in the source, not flagged uncertain."""
    ok = pd.Series(True, index=foer.index)
    for flagg in ("avrundet", "usikker"):
        if flagg in foer:
            ok &= ~foer[flagg].astype(bool)
    return foer[ok]


def kvartal_retning(ut_nytt: pd.DataFrame, tidligere: pd.DataFrame) -> str | None:
    """'lavere', 'høyere' or 'blandet': the newest quarters against every earlier value of
    the same quarter. None unless the evidence is sound: every quarter of the newest year
    needs an earlier value of its own quarter that is neither rounded nor uncertain, and
    only those values are compared."""
    alle = _kvartalspar(ut_nytt, tidligere)
    par = [(k, v, _sikre(f)) for k, v, f in alle]
    if not par or any(f.empty for _, _, f in par):
        return None
    return _retning(par)


def _retning(par: list[tuple[int, float, pd.DataFrame]]) -> str:
    """'lavere', 'høyere' or 'blandet': each newest value against every earlier one of its quarter."""
    if all((f["verdi"] > v).all() for _, v, f in par):
        return "lavere"
    if all((f["verdi"] < v).all() for _, v, f in par):
        return "høyere"
    return "blandet"


def _svake_kilder(par: list[tuple[int, float, pd.DataFrame]]) -> tuple[list[str], bool]:
    """The weaker publishers (catalog kind sekundærkilde, as the figure's «Svakere kilde») of
    the earlier values a comparison rests on, and whether every one of those values is from
    them. Rows without a source address (test data) name none."""
    rader = [f for _, _, f in par if not f.empty]
    if not rader:
        return [], False
    alle = pd.concat(rader)
    if "kilde" not in alle:
        return [], False
    svake = [finn_utgiver(str(url)) for url in alle["kilde"]]
    navn = list(dict.fromkeys(u.navn for u in svake if u.svak))
    return navn, bool(navn) and all(u.svak for u in svake)


def _sammenligning(par: list, nytt: int) -> tuple[str, str, str]:
    """(quarters, years, word) of the sound same-quarter comparisons: ('1. og 4. kvartal',
    '2021', 'lavere')."""
    aar = aar_liste(sorted({int(a) for _, _, f in par for a in f["aar"]}))
    ord_ = {"blandet": "dels høyere og dels lavere"}.get(r := _retning(par), r)
    return _kvartaler([k for k, _, _ in par]), str(aar), ord_


def _kildesetning(par: list) -> str:
    """« Tallene for 2021 har vi bare fra svakere kilder: Telemarksforsking og Aftenposten.»"""
    svake, alle = _svake_kilder(par)
    if not svake:
        return ""
    aar = aar_liste(sorted({int(a) for _, _, f in par for a in f["aar"]}))
    if alle:
        return f" Tallene for {aar} har vi bare fra svakere kilder enn SSB selv: {liste(svake)}."
    return f" Noen av de tidligere tallene har vi bare fra svakere kilder enn SSB selv: {liste(svake)}."


def kvartal_mot_tidligere(ut_nytt: pd.DataFrame, tidligere: pd.DataFrame) -> Tekst:
    """Each quarter of the newest year against the same quarter of earlier years (same
    measure only). What the comparisons show rests only on sound earlier values (`_sikre`),
    and says which kind of source those are (`_svake_kilder`); quarters with only rounded or
    uncertain earlier values, or none, are named as such and not judged.

    `ut_nytt`: aar, kvartal, verdi. `tidligere`: aar, kvartal, verdi, avrundet (kilde).
    """
    if ut_nytt.empty:
        return Tekst("Vi har ingen kvartalstall for utflyttingen etter 2023.")
    nytt = int(ut_nytt["aar"].max())
    alle_par = _kvartalspar(ut_nytt, tidligere)
    if not any(not f.empty for _, _, f in alle_par):
        return Tekst(f"For ingen av kvartalene i {nytt} har vi tall for samme kvartal tidligere år.")
    par = _sikre_par(ut_nytt, tidligere)
    deler, uten, usikre = [], [], []
    for k, verdi, foer in alle_par:
        if foer.empty:
            uten.append(f"{k}.")
            continue
        if _sikre(foer).empty:
            usikre.append(f"{k}.")
        if len(foer) == 1:
            r = foer.iloc[0]
            sammen = f"mot {_med_ca(r['verdi'], r['avrundet'])} i samme kvartal i {int(r['aar'])}"
        else:
            sammen = "mot " + liste(
                f"{_med_ca(r['verdi'], r['avrundet'])} i {int(r['aar'])}" for _, r in foer.iterrows()
            )
        deler.append(f"I {kvartal(nytt, k)} flyttet {tall(verdi)} ut, {sammen}.")
    if not par:
        tekst = (
            f"Kvartal for kvartal kan vi ikke si om utflyttingen i {nytt} var lavere eller høyere enn før: "
            "de tidligere tallene for samme kvartal er avrundet eller usikre. " + " ".join(deler)
        )
    else:
        hvilke, aar, ord_ = _sammenligning(par, nytt)
        if len(par) == len(alle_par) and not uten:
            forste = f"Utflyttingen i {nytt} var {ord_} enn i samme kvartal i {aar}, i alle kvartalene."
        else:
            forste = f"I {hvilke} var utflyttingen {ord_} i {nytt} enn i samme kvartal i {aar}."
        tekst = forste + _kildesetning(par) + " " + " ".join(deler)
    if usikre:
        tekst += (
            f" For {liste(usikre)}\u00a0kvartal er de tidligere tallene avrundet eller usikre, så der "
            "sier vi ikke om utflyttingen var lavere eller høyere."
        )
    if uten:
        tekst += (
            f" For {liste(uten)}\u00a0kvartal har vi ingen tidligere tall for utflyttingen å sammenligne med."
        )
    return Tekst(tekst)


def tittel_kvartal(ut_nytt: pd.DataFrame, tidligere: pd.DataFrame) -> Tekst:
    """A figure title: the newest year's quarters against the same quarters before."""
    nytt = int(ut_nytt["aar"].max())
    retning = kvartal_retning(ut_nytt, tidligere)
    ord_ = {
        "lavere": "lavere enn",
        "høyere": "høyere enn",
        "blandet": "dels høyere, dels lavere enn",
    }.get(retning or "")
    if ord_ is not None:
        return Tekst(f"Utflyttingen i {nytt} var {ord_} i samme kvartal tidligere år")
    # Not every quarter can be judged: the finding for those that can, as the text says it
    # (`_sikre_par`, `_sammenligning`), or a label when none can.
    par = _sikre_par(ut_nytt, tidligere)
    if not par:
        return Tekst(f"Utflyttingen per kvartal i {nytt}")
    hvilke, aar, ord_ = _sammenligning(par, nytt)
    return Tekst(f"Utflyttingen i {hvilke} {nytt} var {ord_} enn i samme kvartal i {aar}")


def _sikre_par(ut_nytt: pd.DataFrame, tidligere: pd.DataFrame) -> list:
    """The newest year's quarters paired with the sound earlier values of the same quarter
    (`_sikre`); quarters with none left out."""
    return [
        (k, v, f)
        for k, v, f in ((k, v, _sikre(f)) for k, v, f in _kvartalspar(ut_nytt, tidligere))
        if not f.empty
    ]
