"""The newest year's four quarters summed and placed against the yearly range, and the short
lines on the quarters for the chapter's end and the summary."""

from __future__ import annotations

import pandas as pd

from helpers.analysis import facts
from helpers.prose.norsk import Tekst, aar_liste, tall
from helpers.prose.tilbake.felles import _kvartaler, _periode, _spenn
from helpers.prose.tilbake.kvartal import _retning, _sammenligning, _sikre_par

KVARTALSSUM_AVVIK = 0.02
"""Share of the sum: how far SSB's annual figure for out-migration may lie from the sum of
its four quarterly figures. The annual statistics are made once the year is closed and take
in late and corrected registrations, so the two need not agree exactly; the data hold no
year with both SSB's four quarters and its annual figure to measure the difference, so we
allow a generous two percent. The sum is said to lie over (or under) the 2016–2019 range
only when it lies further outside than this; closer to an edge, the text says it cannot tell."""


def _kvartalssum(ut_nytt: pd.DataFrame, ut_aar: pd.Series) -> dict | None:
    """The newest year's four quarters summed, and where the sum lies against the range of
    the annual figures (`facts.referanse`), with the margin `KVARTALSSUM_AVVIK`: «over»,
    «under», «innenfor» or «uklart» (within the margin of an edge). None unless all four
    quarters of the newest year are there."""
    if ut_nytt.empty:
        return None
    nytt = int(ut_nytt["aar"].max())
    rader = ut_nytt[ut_nytt["aar"] == nytt]
    if set(int(k) for k in rader["kvartal"]) != {1, 2, 3, 4}:
        return None
    # The sum keeps its four rows, so the text can show where it comes from.
    sum_ = facts.kolonne(rader, "kvartal", navn="Utflytting fra Oslo til resten av Norge").sum()
    ref = facts.referanse(ut_aar)
    margin = KVARTALSSUM_AVVIK * sum_
    if sum_ - ref["maks"] > margin:
        sted = "over"
    elif ref["min"] - sum_ > margin:
        sted = "under"
    elif sum_ - ref["min"] > margin and ref["maks"] - sum_ > margin:
        sted = "innenfor"
    else:
        sted = "uklart"
    return {"aar": nytt, "sum": sum_, "sted": sted, "ref": ref}


def kvartalssum(ut_nytt: pd.DataFrame, ut_aar: pd.Series) -> Tekst:
    """The newest year's out-migration as the sum of its four quarterly figures, against the
    pre-pandemic range of the annual figures; «over»/«under» only beyond `KVARTALSSUM_AVVIK`.
    When a quarter is missing, says which, and sums nothing."""
    if ut_nytt.empty:
        return Tekst("Kvartalstall for utflyttingen etter 2023 har vi ikke.")
    s = _kvartalssum(ut_nytt, ut_aar)
    if s is None:
        nytt = int(ut_nytt["aar"].max())
        mangler = sorted({1, 2, 3, 4} - set(int(k) for k in ut_nytt.loc[ut_nytt["aar"] == nytt, "kvartal"]))
        return Tekst(
            f"Et helt år kan vi ikke legge sammen for {nytt}: tallet for {_kvartaler(mangler)} mangler."
        )
    ref, periode = s["ref"], _periode(s["ref"])
    tekst = (
        f"Legger vi sammen de fire kvartalstallene for {s['aar']}, blir det {tall(s['sum'])} utflyttinger. "
        "SSBs årstall kan avvike litt fra en slik sum"
    )
    if s["sted"] in ("over", "under"):
        avstand = s["sum"] - ref["maks"] if s["sted"] == "over" else ref["min"] - s["sum"]
        kant = "det høyeste" if s["sted"] == "over" else "det laveste"
        tall_kant = ref["maks"] if s["sted"] == "over" else ref["min"]
        return Tekst(
            f"{tekst}, men summen ligger {tall(avstand)} {s['sted']} {kant} året i {periode} "
            f"({tall(tall_kant)}), mer enn et slikt avvik. Regnet i antall personer lå altså også {s['aar']} "
            f"{s['sted']} spennet fra før pandemien."
        )
    if s["sted"] == "innenfor":
        return Tekst(
            f"{tekst}, men summen ligger godt innenfor spennet i {periode} ({_spenn(ref)}), så {s['aar']} "
            "var tilbake på nivået fra før pandemien."
        )
    return Tekst(
        f"{tekst}, og summen ligger så nær kanten av spennet i {periode} ({_spenn(ref)}) at vi ikke kan "
        f"si om {s['aar']} lå innenfor eller utenfor."
    )


def kvartal_dekning(ut_kv: pd.DataFrame, andre: pd.DataFrame) -> Tekst:
    """Which years SSB's quarterly table gives for out-migration, against the other
    measures shown from the same table, so the text and the figures say the same:
    «SSBs kvartalstall for utflyttingen har vi bare for 2025, mens nettoflyttingen og
    folkeveksten går tilbake til 2024.» Empty when they cover the same years.

    `ut_kv`: aar for out-migration; `andre`: aar for the other measures."""
    if ut_kv.empty or andre.empty:
        return Tekst("")
    fra_ut, fra_andre = int(ut_kv["aar"].min()), int(andre["aar"].min())
    if fra_andre >= fra_ut:
        return Tekst("")
    ut_aar = sorted(int(a) for a in ut_kv["aar"].unique())
    return Tekst(
        f"SSBs kvartalstall for utflyttingen har vi bare for {aar_liste(ut_aar)}, mens tallene for "
        f"nettoflyttingen og folkeveksten nedenfor går tilbake til {fra_andre}."
    )


def kvartal_kort(ut_nytt: pd.DataFrame, tidligere: pd.DataFrame, ut_aar: pd.Series | None = None) -> Tekst:
    """The summary's sentence on the newest year: what the same-quarter comparisons show, on
    the sound earlier values only (`_sikre`); which of those are from weaker sources is said
    once, in chapter 7.2 (`kvartal_mot_tidligere`), not here; given the annual figures `ut_aar`, a second sentence
    places the sum of the newest year's four quarters against their pre-pandemic range
    (`_kvartalssum`), with «Men» when it points the other way than the quarters compared."""
    if ut_nytt.empty:
        return Tekst("Kvartalstall for utflyttingen etter 2023 har vi ikke.")
    nytt = int(ut_nytt["aar"].max())
    par = _sikre_par(ut_nytt, tidligere)
    if not par:
        tekst = (
            f"Ingen av kvartalene i {nytt} kan sammenlignes med samme kvartal tidligere år i tallene våre."
        )
        return Tekst(f"{tekst} {_sum_kort(ut_nytt, ut_aar, None)}".strip())
    hvilke, aar, ord_ = _sammenligning(par, nytt)
    alle = int((ut_nytt["aar"] == nytt).sum())
    hvor = f"i {hvilke} {nytt}" if len(par) < alle else f"i alle kvartalene i {nytt}"
    tekst = f"Sammenlignet med samme kvartal i {aar} var utflyttingen {ord_} {hvor}."
    return Tekst(f"{tekst} {_sum_kort(ut_nytt, ut_aar, _retning(par))}".strip())


def kvartal_kort_kapittel(ut_nytt: pd.DataFrame, tidligere: pd.DataFrame, ut_aar: pd.Series) -> Tekst:
    """The chapter's own closing line on the newest year, worded apart from the summary's
    `kvartal_kort` (no sentence twice in the book), by the same rules: the quarters with
    sound earlier values (`_sikre`), then the sum of all four against the range (`_kvartalssum`).
    The weaker sources of the earlier values are said once, in 7.2, not again here."""
    if ut_nytt.empty:
        return Tekst("Kvartalstall for utflyttingen etter 2023 har vi ikke.")
    nytt = int(ut_nytt["aar"].max())
    par = _sikre_par(ut_nytt, tidligere)
    retning = _retning(par) if par else None
    if par:
        kvartaler, aar, ord_ = _sammenligning(par, nytt)
        alle = int((ut_nytt["aar"] == nytt).sum())
        hvilke = f"I {kvartaler} {nytt}" if len(par) < alle else f"I alle kvartalene i {nytt}"
        forste = f"{hvilke} var utflyttingen {ord_} enn i samme kvartal i {aar}"
    else:
        forste = f"Ingen kvartaler i {nytt} kan sammenlignes sikkert med samme kvartal før"
    s = _kvartalssum(ut_nytt, ut_aar)
    if s is None:
        return Tekst(f"{forste}; et helt år med kvartalstall har vi ikke for {nytt}.")
    motsatt = (retning == "lavere" and s["sted"] == "over") or (retning == "høyere" and s["sted"] == "under")
    binde = "men" if motsatt else "og"
    if s["sted"] == "uklart":
        return Tekst(
            f"{forste}, {binde} summen av alle fire kvartalene ({tall(s['sum'])}) lå så nær kanten av "
            f"spennet i {_periode(s['ref'])} at året ikke kan plasseres."
        )
    sted = {"innenfor": "godt innenfor"}.get(s["sted"], s["sted"])
    return Tekst(
        f"{forste}, {binde} summen av alle fire kvartalene ({tall(s['sum'])}) lå i antall {sted} spennet i {_periode(s['ref'])}."
    )


def _sum_kort(ut_nytt: pd.DataFrame, ut_aar: pd.Series | None, retning: str | None) -> str:
    """The short form of `kvartalssum` for a summary: one sentence, or "" without annual
    figures or without all four quarters."""
    if ut_aar is None:
        return ""
    s = _kvartalssum(ut_nytt, ut_aar)
    if s is None:
        return ""
    periode = _periode(s["ref"])
    hva = f"alle de fire kvartalstallene for {s['aar']}, {tall(s['sum'])},"
    if s["sted"] == "uklart":
        return f"Summen av {hva} ligger så nær kanten av spennet i {periode} at vi ikke kan si om året lå innenfor."
    sted = {"over": "over", "under": "under", "innenfor": "godt innenfor"}[s["sted"]]
    motsatt = (retning == "lavere" and s["sted"] == "over") or (retning == "høyere" and s["sted"] == "under")
    return f"{'Men summen' if motsatt else 'Summen'} av {hva} ligger {sted} spennet i {periode}."
