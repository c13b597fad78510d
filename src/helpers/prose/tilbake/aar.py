"""Year by year: out-migration, net migration, the rate and the other flows against the
years before the pandemic, and the summary's record and emigration clauses."""

from __future__ import annotations

import pandas as pd

from helpers.analysis import facts
from helpers.prose.artikkel import Markdown
from helpers.prose.norsk import Tekst, aar_liste, liste, stor_forbokstav, tall
from helpers.prose.tilbake.felles import (
    _STED,
    _STROM_NAVN,
    HVORFOR_UNDERTALT,
    _periode,
    _spenn,
    til_forklaringen,
)


def maalestokk(ref: dict, strommer: dict[str, list[int]]) -> Tekst:
    """Where the chapter brings in its yardstick: the years it rests on, and, when the data
    flag a flow as under-counted in one of them, that series with that flow leave the year out:
    «Som målestokk for «før» bruker vi årene 2016–2019 … For tall der utvandringen inngår,
    bruker vi bare 2016–2018, fordi utvandringen ble registrert for lavt i 2019.»
    `strommer`: flow -> flagged years (`facts.undertalte_aar`)."""
    aar = list(range(ref["fra"], ref["til"] + 1))
    tekst = (
        f"Som målestokk for «før» bruker vi årene {_periode(ref)}: snittet og spennet fra det laveste til "
        "det høyeste året."
    )
    flagget = {s: sorted(set(a) & set(aar)) for s, a in strommer.items() if s in _STROM_NAVN}
    flagget = {s: a for s, a in flagget.items() if a}
    for s, ute in flagget.items():
        rest = [a for a in aar if a not in ute]
        navn = _STROM_NAVN[s][0]
        tekst += (
            f" For tall der {navn} inngår, bruker vi bare {_periode({'aar': rest, 'fra': rest[0], 'til': rest[-1]})}, "
            f"fordi {navn} ble registrert for lavt i {aar_liste(ute)}{til_forklaringen(s, ute)}."
        )
    return Markdown(tekst)


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


def strommer(serier: list[tuple[pd.Series, str]], etter_aar: int = 2020) -> Tekst:
    """Several flows after `etter_aar` in one sentence: each one's pre-pandemic range and its
    latest year, placed against that range (not a list of every year: the figure shows them).
    Flows that end in the same year share one sentence; flows that end in different years get
    one each, and the one that ends earlier says that the book has no later years for it:
    «Innflyttingen fra resten av landet lå mellom 30 604 og 32 930 i 2016–2019 og var 33 455
    i 2021, over spennet; nyere årstall for den har boka ikke. Innvandringen lå mellom 12 463
    og 13 044 og var 15 825 i 2022, også over spennet.» `serier`: (series, name in the
    definite form)."""
    deler, steder, uten, siste = [], [], [], []
    forrige_periode = None
    for serie, navn in serier:
        ref = facts.referanse(serie)
        e = facts.etter(serie, ref, etter_aar)
        if e["siste"] is None:
            uten.append(navn)
            continue
        per = _periode(ref)
        i_per = "" if per == forrige_periode else f" i {per}"
        forrige_periode = per
        deler.append(
            f"{navn} lå mellom {tall(ref['min'])} og {tall(ref['maks'])}{i_per} og var "
            f"{tall(e['siste_verdi'])} i {e['siste']}"
        )
        steder.append(_STED[e["siste_plassering"]])
        siste.append(int(e["siste"]))
    tekst = ""
    if len(set(siste)) > 1:
        # The flows end in different years: one sentence each, and why a year is missing.
        setninger = []
        for i, (d, st, a) in enumerate(zip(deler, steder, siste, strict=True)):
            ogsaa = "også " if i and st == steder[i - 1] else ""
            mangler = "; nyere årstall for den har boka ikke" if a < max(siste) else ""
            setninger.append(stor_forbokstav(f"{d}, {ogsaa}{st} spennet{mangler}."))
        tekst = " ".join(setninger)
    elif deler:
        if len(set(steder)) == 1:
            hvem = "" if len(deler) == 1 else "begge " if len(deler) == 2 else "alle "
            tekst = f"{', og '.join(deler)}, {hvem}{steder[0]} spennet."
        else:
            tekst = ", og ".join(f"{d}, {st} spennet" for d, st in zip(deler, steder, strict=True)) + "."
        tekst = stor_forbokstav(tekst)
    if uten:
        tekst += f" {stor_forbokstav(liste(uten))} har vi ingen tall for etter {etter_aar}."
    return Tekst(tekst.strip())


def strom(serie: pd.Series, navn: str, etter_aar: int = 2020) -> Tekst:
    """One flow after `etter_aar` (`strommer` with one series)."""
    return strommer([(serie, navn)], etter_aar)


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


def rang_omtale(verdier: pd.Series, aar: int = 2020) -> Tekst:
    """Where `aar` stands among the years up to itself, as a clause after a comma, for the
    summary, worded apart from chapter 1's `rekord.rang` (no sentence twice in the book):
    «høyere enn i hvert år fra 2011 og fram til da». A year that was not the highest gets
    chapter 1's plain ranking."""
    from helpers.prose import rekord

    r = facts.rangering(verdier, aar, til_og_med=aar)
    if not r["hoyest"] or r["antall_aar"] == 1:
        return rekord.rang(verdier, aar)
    return Tekst(f"høyere enn i hvert år fra {r['fra']} og fram til da")


def utvandring_kort(utv: pd.Series, aar: int = 2020, fra: int = facts.FOER_FRA, til: int = 2018) -> Tekst:
    """Emigration in `aar` for the summary, as chapter 4 says it, and plainly what the public
    numbers show: the change from the year before (which was under-counted, so it proves
    little), and `aar` against every sound year `fra`–`til`. Two sentences, the last without
    its full stop (the page adds the link to chapter 4)."""
    e = facts.endring(utv, aar - 1, aar)
    p = facts.mot_periode(utv, aar, fra, til)
    periode = f"{fra}–{til}"
    if e["diff"] > 0:
        forste = (
            f"Også i de offentlige tallene økte utvandringen fra {aar - 1} til {aar}, slik artikkelen fant, "
            f"men i {aar - 1} ble den registrert for lavt"
        )
    else:
        verb = "falt" if e["diff"] < 0 else "var uendret"
        forste = (
            f"I de offentlige tallene {verb} utvandringen fra {aar - 1} til {aar}, men der ble den "
            f"registrert for lavt i {aar - 1}"
        )
    andre = {
        "over": f"Målt mot {periode} var utvandringen i {aar} høyere enn i hvert av årene, "
        "og det støtter artikkelens funn om en liten økning",
        "under": f"Målt mot {periode} var utvandringen i {aar} lavere enn i hvert av årene",
        "innenfor": f"Målt mot {periode} lå utvandringen i {aar} innenfor spennet fra de årene",
    }[p["plassering"]]
    return Tekst(f"{forste}. {andre}")
