"""Sentences of the chapter «Kom de tilbake?» whose shape depends on the data.

The chapter shows them with {eval} and the tests call the same functions on changed
data: when a refresh adds a year in which out-migration is back inside its 2016–2019
range, the conclusion says so without anyone editing the chapter.
"""

from __future__ import annotations

import pandas as pd

from helpers.analysis import facts
from helpers.catalog.sources.utgivere import finn_utgiver
from helpers.prose.artikkel import Markdown
from helpers.prose.norsk import Tekst, aar_liste, kvartal, liste, prosent, stor_forbokstav, tall

_STED = {"over": "over", "innenfor": "innenfor", "under": "under"}

HVORFOR_UNDERTALT = "utvandring-2019"
"""The label where the under-counted year is explained once (chapter 4); other pages link to it."""


def _spenn(ref: dict, desimaler: int = 0) -> str:
    return f"{tall(ref['min'], desimaler)} til {tall(ref['maks'], desimaler)}"


def _periode(ref: dict) -> str:
    """The years a range rests on: «2016–2019», or «2016–2018» when a flagged year was left out."""
    aar = ref.get("aar") or list(range(ref["fra"], ref["til"] + 1))
    if aar == list(range(aar[0], aar[-1] + 1)):
        return f"{aar[0]}–{aar[-1]}" if len(aar) > 1 else str(aar[0])
    return str(aar_liste(aar))


def utflytting(ut: pd.Series, etter_aar: int = 2020) -> Tekst:
    """Has domestic out-migration come back inside its pre-pandemic range, and when?"""
    ref = facts.referanse(ut)
    e = facts.etter(ut, ref, etter_aar)
    periode = _periode(ref)
    if e["siste"] is None:
        return Tekst(
            f"Vi har ennå ingen hele år med tall etter {etter_aar}, så vi kan ikke si om "
            "utflyttingen har falt tilbake."
        )
    forste = e["forste_ikke_over"]
    if forste is None:
        return Tekst(
            f"Utflyttingen til resten av landet lå over spennet i {periode} i alle årene etter "
            f"{etter_aar} som vi har tall for ({aar_liste(e['aar'])}). I {e['siste']} var den "
            f"{tall(e['siste_verdi'])}, mot høyst {tall(ref['maks'])} i årene før pandemien."
        )
    hvor = "tilbake innenfor" if e["plassering"][forste] == "innenfor" else "under"
    text = (
        f"Utflyttingen til resten av landet var {hvor} spennet i {periode} i {forste} "
        f"({tall(ut[forste])} personer, mot {_spenn(ref)} før pandemien)."
    )
    if e["siste"] != forste:
        text += f" I {e['siste']}, det siste året med tall, lå den {_STED[e['siste_plassering']]} spennet."
    return Tekst(text)


def netto(nett: pd.DataFrame, etter_aar: int = 2020) -> Tekst:
    """Where total and domestic net migration stand in the latest year, against 2016–2019."""
    parts = []
    for key in ("i_alt", "innenlands"):
        label = facts.NETTO[key]
        rows = nett[nett["serie_navn"] == label]
        values = rows.set_index("aar")["verdi"]
        utelat = rows.loc[rows["undertalt"].astype(bool), "aar"].tolist() if "undertalt" in rows else []
        ref = facts.referanse(values, utelat=utelat)
        e = facts.etter(values, ref, etter_aar)
        if e["siste"] is None:
            parts.append((label, None, None, ref))
        else:
            parts.append((label, e["siste"], e["siste_plassering"], ref))
    (l_alt, y_alt, p_alt, r_alt), (l_inn, y_inn, p_inn, r_inn) = parts
    if y_alt is None:
        return Tekst(f"Vi har ingen nettotall for hele år etter {etter_aar}.")
    alt_v = nett[(nett["serie_navn"] == l_alt) & (nett["aar"] == y_alt)]["verdi"].iloc[0]
    # A year left out of the range gets the short link to its one explanation (chapter 4).
    utenfor = (
        f"; {aar_liste(r_alt['utelatt'])} er holdt utenfor, {{ref}}`se hvorfor <{HVORFOR_UNDERTALT}>`"
        if r_alt.get("utelatt")
        else ""
    )
    text = (
        f"Nettoflyttingen i alt, med utlandet, var {tall(alt_v)} personer i {y_alt}, "
        f"{_STED[p_alt]} spennet i {_periode(r_alt)} ({_spenn(r_alt)}{utenfor})."
    )
    if y_inn is not None:
        inn_v = nett[(nett["serie_navn"] == l_inn) & (nett["aar"] == y_inn)]["verdi"].iloc[0]
        samme = "samme år" if y_inn == y_alt else f"i {y_inn}"
        if p_inn == p_alt:
            bind = "Også den innenlandske nettoflyttingen lå"
        else:
            bind = "Den innenlandske nettoflyttingen lå derimot"
        text += (
            f" {bind} {_STED[p_inn]} spennet i {_periode(r_inn)} {samme} "
            f"({tall(inn_v)}, mot {_spenn(r_inn)})."
        )
    return Markdown(text)


def rate(rate_ut: pd.Series, etter_aar: int = 2020) -> Tekst:
    """The same question per 1 000 inhabitants, so population growth cannot explain it."""
    ref = facts.referanse(rate_ut)
    e = facts.etter(rate_ut, ref, etter_aar)
    if e["siste"] is None:
        return Tekst(
            f"Utflyttingsraten kan ikke regnes for noe år etter {etter_aar} ennå, fordi "
            "folkemengden for året etter mangler."
        )
    return Tekst(
        f"Regnet per 1\u00a0000 innbyggere lå utflyttingen i {e['siste']} "
        f"{_STED[e['siste_plassering']]} spennet i {_periode(ref)} "
        f"({tall(e['siste_verdi'], 1)}, mot {_spenn(ref, 1)})."
    )


def setninger(byer: pd.DataFrame, etter2020: pd.DataFrame, region: str = "Oslo") -> dict[str, Tekst]:
    """The three conclusions (out-migration, net migration, rate) by name."""
    ut = facts.serie(byer, region, "utflytting_innenlands")
    rate_ut = facts.per_1000_serie(byer, region, "utflytting_innenlands")
    return {
        "konkl_ut": utflytting(ut),
        "konkl_netto": netto(facts.nettoflytting(byer, etter2020, region)),
        "konkl_rate": rate(rate_ut),
    }


def strom(serie: pd.Series, navn: str, etter_aar: int = 2020) -> Tekst:
    """One flow after `etter_aar`: its pre-pandemic range and where the latest year lies
    (not a list of every year: the figure shows them)."""
    ref = facts.referanse(serie)
    e = facts.etter(serie, ref, etter_aar)
    stor = navn[:1].upper() + navn[1:]
    if e["siste"] is None:
        return Tekst(f"{stor} har vi ingen tall for etter {etter_aar}.")
    return Tekst(
        f"{stor} lå mellom {tall(ref['min'])} og {tall(ref['maks'])} i {_periode(ref)}. Tallene for den går "
        f"til og med {e['siste']}; da var den {tall(e['siste_verdi'])}, {_STED[e['siste_plassering']]} spennet."
    )


def rate_etter(rate_ut: pd.Series, aar: int = 2020) -> Tekst:
    """Whether a later year's rate beat `aar`."""
    r = facts.rangering(rate_ut, aar)
    senere = [y for y in r["hoyere_aar"] if y > aar]
    if not senere:
        return Tekst(f"Ingen senere år har kommet over {aar}.")
    return Tekst(
        f"I {aar_liste(senere)} var raten enda høyere enn i {aar}, "
        f"så økningen etter {aar} kan ikke forklares med befolkningsveksten alene."
    )


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
            f"({tall(tall_kant)}), langt mer enn et slikt avvik. Også {s['aar']} lå altså {s['sted']} "
            "spennet fra før pandemien."
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


NAER_NULL = 50
"""Persons: a quarter's value this close to zero is «nær null» (only barely positive or
negative), and two quarters this close to each other differ «bare så vidt». The one threshold
for both; tests/claims use it."""

_ANTALL = {0: "ingen", 1: "ett", 2: "to", 3: "tre", 4: "fire"}


def _antall(n: int) -> str:
    return _ANTALL.get(n, str(n))


def _alle(n: int) -> str:
    """«begge kvartalene», «alle fire kvartalene»."""
    return "begge kvartalene" if n == 2 else f"alle {_antall(n)} kvartalene"


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


def andel_utvikling(serie: pd.Series) -> Tekst:
    """A share from its first to its last year: «44 prosent i 2022 og 45 prosent i 2024»
    (the figure shows the years between)."""
    serie = serie.sort_index()
    if serie.empty:
        return Tekst("ukjent")
    fra, til = int(serie.index[0]), int(serie.index[-1])
    if fra == til:
        return Tekst(f"{prosent(serie.iloc[0], 0)} i {fra}")
    return Tekst(f"{prosent(serie.iloc[0], 0)} i {fra} og {prosent(serie.iloc[-1], 0)} i {til}")


ENDRING_PP = 1
"""Percentage points: a share from a sample survey that moves this little or less is
described as about the same, not as a rise or a fall."""


def tittel_andel(serie: pd.Series, hva: str) -> Tekst:
    """A figure title for a survey share from its first to its last year: «økte»/«falt»
    only when it moved more than `ENDRING_PP` percentage points (as written, whole units)."""
    serie = serie.dropna().sort_index()
    if serie.empty:
        return Tekst(hva)
    fra, til = int(serie.index[0]), int(serie.index[-1])
    if fra == til:
        return Tekst(f"{hva} i {fra}")
    a, b = round(float(serie.iloc[0])), round(float(serie.iloc[-1]))
    if abs(b - a) <= ENDRING_PP:
        return Tekst(f"{hva} var omtrent den samme i {fra} og {til}")
    return Tekst(f"{hva} {'økte' if b > a else 'falt'} fra {fra} til {til}")


def bolig_sikre(endring: pd.Series, usikre=()) -> Tekst:
    """One short sentence with SSB's yearly price changes that are sound (an uncertain value
    left out): the scattered years are too few for a figure. Never empty."""
    usikre = {int(a) for a in usikre}
    sikre = endring.dropna()
    sikre = sikre[[int(a) not in usikre for a in sikre.index]].sort_index()
    if sikre.empty:
        return Tekst(
            "Sikre tall for endringen i SSBs prisindeks for brukte boliger i Oslo og Bærum har vi ikke."
        )

    def verb(v) -> str:
        return "steg" if v > 0 else "falt" if v < 0 else "var uendret"

    verb_ = {verb(v) for v in sikre}
    felles = verb_.pop() if len(verb_) == 1 else ""

    def endring(a, v, forste: bool = False) -> str:
        hvor_mye = f"{prosent(abs(v))} " if v else ""
        hva = f"{verb(v)} prisene " if forste else f"{verb(v)} "
        return f"{'' if felles else hva}{hvor_mye}i løpet av {int(a)}"

    deler = liste(endring(a, v, i == 0) for i, (a, v) in enumerate(sikre.items()))
    indeks = "Ifølge SSBs prisindeks for brukte boliger i Oslo og Bærum"
    slutt = "Sikre tall for de andre årene har vi ikke."
    if felles:
        return Tekst(f"{indeks} {felles} prisene {deler}, regnet fra fjerde kvartal året før. {slutt}")
    return Tekst(f"{indeks}, regnet fra fjerde kvartal året før, {deler}. {slutt}")


def opinion(oslo: float | None, norge: float | None) -> Tekst:
    """The one survey of home office in Oslo after the pandemic, if we have it."""
    if oslo is None or norge is None:
        return Tekst("")
    return Tekst(
        f"En spørreundersøkelse fra Opinion i desember 2022 fant at {prosent(oslo, 0)} av "
        f"arbeidstakerne i Oslo hadde hatt hjemmekontor den siste måneden, mot {prosent(norge, 0)} "
        "i hele landet. Det er én måling, gjengitt i nyhetene, ikke offisiell statistikk."
    )


KILDENS_NAVN = {"Helsingforsregionen": "pääkaupunkiseutu"}
"""An area the book names in Norwegian, and the term its source uses for it (Statistics
Finland, stat.fi's «Muuttoliike 2020», quoted in the rows' notes). The sources do not say
which municipalities it covers, so the book says the source's term and no more."""


def omraade_navn(o: str, forste: bool = False) -> str:
    """The first time: «Med Helsingforsregionen mener vi det den finske statistikken kaller
    «pääkaupunkiseutu», hovedstadsregionen»; after that the plain name."""
    if forste and o in KILDENS_NAVN:
        return f"Med {o} mener vi det den finske statistikken kaller «{KILDENS_NAVN[o]}», hovedstadsregionen"
    return o


def nord_netto(tot: pd.DataFrame) -> Tekst:
    """Net migration 2019 -> 2020 in every area that has both years; the verb computed.
    `tot`: omraade, aar, verdi."""
    orden = list(dict.fromkeys(tot["omraade"]))
    begge = [o for o in orden if set(tot[tot["omraade"] == o]["aar"]) >= {2019, 2020}]
    if not begge:
        return Tekst("Ingen av byene har tall for både 2019 og 2020.")

    def rows(o):
        return tot[tot["omraade"] == o].set_index("aar")["verdi"]

    flagget = _undertalt_2019(tot)
    sikre = [o for o in begge if o not in flagget]
    # Each area named with its own numbers; never counted, since a city and its region overlap.
    endring = {o: rows(o)[2020] - rows(o)[2019] for o in sikre}

    def hvor(omr: list[str]) -> str:
        return liste(f"i {o} (fra {tall(rows(o)[2019])} til {tall(rows(o)[2020])})" for o in omr)

    falt = [o for o in sikre if endring[o] < 0]
    steg = [o for o in sikre if endring[o] > 0]
    lik = [o for o in sikre if endring[o] == 0]
    if falt and steg:
        tekst = f"Fra 2019 til 2020 falt den {hvor(falt)}, men steg {hvor(steg)}."
    elif falt or steg:
        tekst = f"Fra 2019 til 2020 {'falt' if falt else 'steg'} den {hvor(falt or steg)}."
    else:
        tekst = ""
    if lik:
        tekst += f" I {liste(lik)} var den like stor begge årene."
    for o in [o for o in sikre if o in KILDENS_NAVN]:
        tekst += f" {omraade_navn(o, forste=True)}."
    for o in [o for o in begge if o in flagget]:
        # The reason stays in the figure's note; the text only says why the area is left out.
        d = rows(o)[2020] - rows(o)[2019]
        hva = "fall" if d < 0 else "økning" if d > 0 else "uendrede tall"
        tekst += (
            f" {stor_forbokstav(genitiv(o))} {hva} regner vi ikke med, fordi 2019-tallet der er for høyt, "
            "som merknaden til figuren forklarer."
        )
    return Tekst(tekst.strip())


def genitiv(navn: str) -> str:
    """«Oslos», «Helsingfors'»: a place name's genitive."""
    return f"{navn}'" if navn[-1:] in "sxz" else f"{navn}s"


def _undertalt_2019(tot: pd.DataFrame) -> set:
    """Areas whose 2019 value the data flag as under-counted (column `undertalt`)."""
    if "undertalt" not in tot:
        return set()
    r = tot[(tot["aar"] == 2019) & tot["undertalt"].fillna(False).astype(bool)]
    return set(r["omraade"])


def nord_bare_ett(tot: pd.DataFrame) -> Tekst:
    orden = list(dict.fromkeys(tot["omraade"]))
    bare = [o for o in orden if not set(tot[tot["omraade"] == o]["aar"]) >= {2019, 2020}]
    if not bare:
        return Tekst("")
    deler = []
    for o in bare:
        row = tot[tot["omraade"] == o].iloc[0]
        deler.append(f"{o} ({tall(row['verdi'])} i {int(row['aar'])})")
    return Tekst(f"For {liste(deler)} har vi bare ett av årene.")


def _nord_verdi(nord: pd.DataFrame, omraade: str, maal: str, aar: int) -> float | None:
    r = nord[(nord["omraade"] == omraade) & (nord["maal"] == maal) & (nord["aar"] == aar)]
    return float(r["verdi"].iloc[0]) if len(r) else None


def _nord_kilde(nord: pd.DataFrame, omraade: str, maal: str, aar: int) -> str:
    """Who published a Nordic figure, as the credit line names it: «konsulentselskapet Datic»,
    from the row's publisher and the catalog's kind for its address."""
    from helpers.catalog.sources.utgivere import finn_utgiver

    r = nord[(nord["omraade"] == omraade) & (nord["maal"] == maal) & (nord["aar"] == aar)]
    if r.empty:
        return "en kilde vi ikke har navnet på"
    navn = str(r["utgiver"].iloc[0]) if "utgiver" in r and pd.notna(r["utgiver"].iloc[0]) else ""
    form = ""
    if "kilde" in r and pd.notna(r["kilde"].iloc[0]):
        try:
            u = finn_utgiver(str(r["kilde"].iloc[0]))
            navn = navn or u.navn
            form = u.form
        except (KeyError, ValueError):
            pass
    bestemt = {"konsulentselskap": "konsulentselskapet", "avis": "avisen", "nettsted": "nettstedet"}
    return f"{bestemt[form]} {navn}" if form in bestemt and navn else navn or "en kilde vi ikke har navnet på"


def nord_brutto(nord: pd.DataFrame, ut_oslo: pd.Series) -> Tekst:
    """What the few gross or domestic figures from the neighbouring capitals say."""
    deler = []
    # Stockholm's gross flows are left out: the only figures we have are from a blog.
    hel = _nord_verdi(nord, "Helsingfors", "nettoflytting_mellom_kommuner_forelopig", 2020)
    if hel is not None and hel < 0:
        deler.append(
            f"Regner vi bare flytting innenlands, mistet Helsingfors {tall(abs(hel))} personer på "
            "flytting mellom kommuner i 2020 (foreløpige tall)."
        )
    hreg = _nord_verdi(nord, "Helsingforsregionen", "nettoflytting_innenlandsk", 2020)
    if hreg is not None and hreg < 0:
        deler.append(f"Helsingforsregionen som helhet hadde et innenlandsk flyttetap på {tall(abs(hreg))}.")
    kbh = _nord_verdi(nord, "København", "utflytting_okning_fra_2019", 2020)
    kbh_kilde = _nord_kilde(nord, "København", "utflytting_okning_fra_2019", 2020)
    kbh_pct = _nord_verdi(nord, "København", "utflytting_okning_fra_2019_pct", 2020)
    if kbh is not None and kbh_pct is not None and {2019, 2020} <= set(ut_oslo.index):
        e = facts.endring(ut_oslo, 2019, 2020)
        deler.append(
            f"For København har vi bare økningen i utflyttingen fra 2019 til 2020: {tall(kbh)} "
            f"personer, ca. {prosent(kbh_pct, 0)}, ifølge {kbh_kilde}, som bruker tall fra "
            f"Danmarks Statistik. Oslos utflytting til resten av landet økte med {tall(e['diff'])} "
            f"personer, eller {prosent(e['prosent'])}, men det er ikke sikkert at tallene måler det samme."
        )
    if nord["aar"].max() <= 2020:
        deler.append("Hvordan flyttingen fra disse byene utviklet seg etter 2020, har vi ingen tall for.")
    return Tekst(" ".join(deler))


def _referanse_navn(ref: dict) -> str:
    """«nivået fra før pandemien», or, when a flagged year was left out, the years the
    range rests on («nivået i 2016–2018»)."""
    if not ref.get("utelatt"):
        return "nivået fra før pandemien"
    aar = ref["aar"]
    if aar == list(range(aar[0], aar[-1] + 1)):
        return f"nivået i {aar[0]}–{aar[-1]}" if len(aar) > 1 else f"nivået i {aar[0]}"
    return f"nivået i {aar_liste(aar)}"


def _beskriv(serie: pd.Series, hva: str) -> Tekst:
    """A title that describes rather than judges: what the figure shows, and its years."""
    if serie.empty:
        return Tekst(hva)
    fra, til = int(serie.index.min()), int(serie.index.max())
    return Tekst(f"{hva} {fra}–{til}" if fra != til else f"{hva} i {fra}")


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


def merknad_utelatt(nett: pd.DataFrame, fra: int = facts.FOER_FRA, til: int = facts.FOER_TIL) -> Tekst:
    """Which series' reference ranges leave out a year the data flag as under-counted; empty
    when none does."""
    if "undertalt" not in nett:
        return Tekst("")
    rows = nett[nett["undertalt"].astype(bool) & nett["aar"].between(fra, til)]
    if rows.empty:
        return Tekst("")
    navn = [n[:1].lower() + n[1:] for n in dict.fromkeys(rows["serie_navn"])]
    aar = aar_liste(sorted(rows["aar"].unique()))
    return Tekst(
        f"Båndet går fra det laveste til det høyeste året i {fra}–{til}; for {liste(navn)} er {aar} "
        "holdt utenfor, fordi tallene bak er registrert for lavt det året."
    )


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


def tittel_kvartal(ut_nytt: pd.DataFrame, tidligere: pd.DataFrame) -> Tekst:
    """A figure title: the newest year's quarters against the same quarters before."""
    nytt = int(ut_nytt["aar"].max())
    ord_ = {
        "lavere": "lavere enn",
        "høyere": "høyere enn",
        "blandet": "dels høyere, dels lavere enn",
    }.get(kvartal_retning(ut_nytt, tidligere))
    if ord_ is None:
        return Tekst(f"Utflyttingen per kvartal i {nytt}")
    return Tekst(f"Utflyttingen i {nytt} var {ord_} i samme kvartal tidligere år")


def _kortnavn(omraader: list[str]) -> list[str]:
    """Areas for a title: a city's region left out when the city itself is named
    («Helsingfors» covers «Helsingforsregionen» in a title), and «kommune» dropped."""
    ut = []
    for o in omraader:
        kort = o.removesuffix(" kommune")
        if any(kort != k and kort.startswith(k) for k in (x.removesuffix(" kommune") for x in omraader)):
            continue
        if kort not in ut:
            ut.append(kort)
    return ut


def tittel_nord(tot: pd.DataFrame) -> Tekst:
    """A figure title: where net migration fell or rose from 2019 to 2020, the areas named
    (never counted: a city and its region overlap)."""
    orden = list(dict.fromkeys(tot["omraade"]))
    flagget = _undertalt_2019(tot)
    endring = {}
    for o in [o for o in orden if o not in flagget]:
        v = tot[tot["omraade"] == o].set_index("aar")["verdi"]
        if {2019, 2020} <= set(v.index):
            endring[o] = v[2020] - v[2019]
    if not endring:
        return Tekst("Nettoflytting i 2019 og 2020")
    falt = [o for o, d in endring.items() if d < 0]
    steg = [o for o, d in endring.items() if d > 0]
    if falt:
        tekst = f"Nettoflyttingen falt fra 2019 til 2020 i {liste(_kortnavn(falt))}"
        if steg:
            tekst += f", men steg i {liste(_kortnavn(steg))}"
        return Tekst(tekst)
    if steg:
        return Tekst(f"Nettoflyttingen steg fra 2019 til 2020 i {liste(_kortnavn(steg))}")
    return Tekst("Nettoflytting i 2019 og 2020")


def tittel_indeks(indeks: pd.Series, hva: str = "Boligprisindeksen") -> Tekst:
    """«Boligprisindeksen var høyest i 2024» only from a series with every year of its range;
    otherwise a title that describes."""
    indeks = indeks.dropna()
    if indeks.empty or not facts.hel_serie(indeks):
        return _beskriv(indeks, hva)
    return Tekst(f"{hva} var høyest i {int(indeks.idxmax())}")


def _kvartaler(k: list[int]) -> str:
    """[1, 2, 4] -> '1., 2. og 4. kvartal'."""
    return f"{liste(f'{int(x)}.' for x in sorted(k))}\u00a0kvartal"


def _sikre_par(ut_nytt: pd.DataFrame, tidligere: pd.DataFrame) -> list:
    """The newest year's quarters paired with the sound earlier values of the same quarter
    (`_sikre`); quarters with none left out."""
    return [
        (k, v, f)
        for k, v, f in ((k, v, _sikre(f)) for k, v, f in _kvartalspar(ut_nytt, tidligere))
        if not f.empty
    ]


def kvartal_kort(ut_nytt: pd.DataFrame, tidligere: pd.DataFrame, ut_aar: pd.Series | None = None) -> Tekst:
    """The summary's sentence on the newest year: what the same-quarter comparisons show, on
    the sound earlier values only (`_sikre`) and saying when those are from weaker sources
    (`_svake_kilder`), as chapter 7 does; given the annual figures `ut_aar`, a second sentence
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
    svake, alle_svake = _svake_kilder(par)
    kilde = ""
    if svake:
        kilde = (
            ", som vi bare har tall for fra svakere kilder" if alle_svake else ", delvis fra svakere kilder"
        )
    tekst = f"Sammenlignet med samme kvartal i {aar}{kilde}, var utflyttingen {ord_} {hvor}."
    return Tekst(f"{tekst} {_sum_kort(ut_nytt, ut_aar, _retning(par))}".strip())


def kvartal_kort_kapittel(ut_nytt: pd.DataFrame, tidligere: pd.DataFrame, ut_aar: pd.Series) -> Tekst:
    """The chapter's own closing line on the newest year, worded apart from the summary's
    `kvartal_kort` (no sentence twice in the book), by the same rules: the quarters with
    sound earlier values (`_sikre`), then the sum of all four against the range (`_kvartalssum`)."""
    if ut_nytt.empty:
        return Tekst("Kvartalstall for utflyttingen etter 2023 har vi ikke.")
    nytt = int(ut_nytt["aar"].max())
    par = _sikre_par(ut_nytt, tidligere)
    retning = _retning(par) if par else None
    if par:
        kvartaler, aar, ord_ = _sammenligning(par, nytt)
        alle = int((ut_nytt["aar"] == nytt).sum())
        hvilke = f"I {kvartaler} {nytt}" if len(par) < alle else f"I alle kvartalene i {nytt}"
        svake, alle_svake = _svake_kilder(par)
        kilde = ""
        if svake:
            kilde = (
                f" (tallene for {aar} er fra svakere kilder)"
                if alle_svake
                else " (delvis fra svakere kilder)"
            )
        forste = f"{hvilke} var utflyttingen {ord_} enn i samme kvartal i {aar}{kilde}"
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
        f"{forste}, {binde} summen av alle fire kvartalene ({tall(s['sum'])}) lå {sted} spennet i {_periode(s['ref'])}."
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


def ingress(ut: pd.Series, ut_kv: pd.DataFrame | None = None, etter_aar: int = 2020) -> Tekst:
    """The introduction's short lead on the years after `etter_aar`, worded apart from the
    summary's full account: the peak after `etter_aar`, where the latest annual figure lies
    against the pre-pandemic range and, when all four quarters of the newest year are there,
    where their sum lies (`_kvartalssum`, with its margin)."""
    ref = facts.referanse(ut)
    e = facts.etter(ut, ref, etter_aar)
    if e["siste"] is None:
        return Tekst(f"Hele år etter {etter_aar} har boka ennå ikke tall for.")
    senere = ut[ut.index > etter_aar]
    topp, siste = int(senere.idxmax()), e["siste"]
    niva = f"nivået fra før pandemien ({_periode(ref)}: {_spenn(ref)})"
    sted = {"over": "over", "innenfor": "innenfor", "under": "under"}[e["siste_plassering"]]
    if senere[topp] > ut[etter_aar]:
        start = f"Etter {etter_aar} steg utflyttingen videre, til {tall(senere[topp])} i {topp}"
    else:
        start = f"Etter {etter_aar} flyttet færre ut enn i {etter_aar}"
    if siste == topp and senere[topp] > ut[etter_aar]:
        tekst = f"{start}, det siste året med årstall for utflyttingen, {sted} {niva}."
    else:
        tekst = f"{start}, og i {siste}, det siste året med årstall for utflyttingen, lå den {sted} {niva}."
    s = _kvartalssum(ut_kv, ut) if ut_kv is not None else None
    if s is not None:
        hvor = (
            "nær kanten av"
            if s["sted"] == "uklart"
            else {"innenfor": "godt innenfor"}.get(s["sted"], s["sted"])
        )
        ogsaa = "også " if s["sted"] == e["siste_plassering"] else ""
        tekst += (
            f" SSBs fire kvartalstall for {s['aar']} gir til sammen {tall(s['sum'])} utflyttinger (årstallet "
            f"kan avvike litt); {ogsaa}den summen ligger {hvor} det samme nivået."
        )
    return Tekst(tekst)


def rang_omtale(verdier: pd.Series, aar: int = 2020, form: str = "innledning") -> Tekst:
    """Where `aar` stands among the years up to itself, as a clause after a comma, worded
    apart from chapter 1's `rekord.rang` (no sentence three times in the book): «det høyeste
    tallet fram til da i tallene våre, som går tilbake til 2011» for the introduction, «høyere
    enn i hvert år fra 2011 og fram til da» for the summary. A year that was not the highest
    gets chapter 1's plain ranking."""
    from helpers.prose import rekord

    r = facts.rangering(verdier, aar, til_og_med=aar)
    if not r["hoyest"] or r["antall_aar"] == 1:
        return rekord.rang(verdier, aar)
    if form == "oppsummering":
        return Tekst(f"høyere enn i hvert år fra {r['fra']} og fram til da")
    return Tekst(f"det høyeste tallet fram til da i tallene våre, som går tilbake til {r['fra']}")


def utvandring_kort(utv: pd.Series, aar: int = 2020, fra: int = facts.FOER_FRA, til: int = 2018) -> Tekst:
    """Emigration in `aar` for the summary, as chapter 4 says it: the change from the year
    before, that the year before was under-counted, and where `aar` lies against each of the
    sound years `fra`–`til`. A sentence without the link (the page adds it)."""
    e = facts.endring(utv, aar - 1, aar)
    verb = "økte" if e["diff"] > 0 else "falt" if e["diff"] < 0 else "var uendret"
    p = facts.mot_periode(utv, aar, fra, til)
    periode = f"{fra}–{til}"
    sted = {
        "over": f"høyere enn i hvert av årene {periode}",
        "under": f"lavere enn i hvert av årene {periode}",
        "innenfor": f"innenfor spennet fra årene {periode}",
    }[p["plassering"]]
    return Tekst(
        f"Utvandringen {verb} fra {aar - 1}, men det året ble den registrert for lavt, og i {aar} var "
        f"den {sted}"
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
