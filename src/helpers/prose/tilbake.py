"""Sentences of the chapter «Kom de tilbake?» whose shape depends on the data.

The chapter shows them with {eval} and the tests call the same functions on changed
data: when a refresh adds a year in which out-migration is back inside its 2016–2019
range, the conclusion says so without anyone editing the chapter.
"""

from __future__ import annotations

import pandas as pd

from helpers.analysis import facts
from helpers.prose.norsk import Tekst, aar_liste, kvartal, liste, prosent, tall

_STED = {"over": "over", "innenfor": "innenfor", "under": "under"}


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
    text = (
        f"Nettoflyttingen i alt, med utlandet, var {tall(alt_v)} personer i {y_alt}, "
        f"{_STED[p_alt]} spennet i {_periode(r_alt)} ({_spenn(r_alt)})."
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
    return Tekst(text)


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
    rater = facts.per_1000(byer, region)
    rate_ut = rater[rater["serie"] == "utflytting_innenlands"].set_index("aar")["verdi"]
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
        f"Men i {aar_liste(senere)} var raten enda høyere enn i {aar}, "
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


def kvartal_mot_tidligere(ut_nytt: pd.DataFrame, tidligere: pd.DataFrame) -> Tekst:
    """Each quarter of the newest year against the same quarter of earlier years (same
    measure only); quarters without an earlier value are named as such.

    `ut_nytt`: aar, kvartal, verdi. `tidligere`: aar, kvartal, verdi, avrundet.
    """
    if ut_nytt.empty:
        return Tekst("Vi har ingen kvartalstall for utflyttingen etter 2023.")
    nytt = int(ut_nytt["aar"].max())
    retning = kvartal_retning(ut_nytt, tidligere)
    if not any(not f.empty for _, _, f in _kvartalspar(ut_nytt, tidligere)):
        return Tekst(f"For ingen av kvartalene i {nytt} har vi tall for samme kvartal tidligere år.")
    deler, uten = [], []
    for k, verdi, foer in _kvartalspar(ut_nytt, tidligere):
        if foer.empty:
            uten.append(f"{k}.")
            continue
        if len(foer) == 1:
            r = foer.iloc[0]
            sammen = f"mot {_med_ca(r['verdi'], r['avrundet'])} i samme kvartal i {int(r['aar'])}"
        else:
            sammen = "mot " + liste(
                f"{_med_ca(r['verdi'], r['avrundet'])} i {int(r['aar'])}" for _, r in foer.iterrows()
            )
        deler.append(f"I {kvartal(nytt, k)} flyttet {tall(verdi)} ut, {sammen}.")
    if retning is None:
        tekst = (
            f"Om utflyttingen i {nytt} var lavere eller høyere enn før, kan vi ikke si: sikre tall "
            "for samme kvartal tidligere år har vi ikke for alle kvartalene. " + " ".join(deler)
        )
    else:
        ord_ = {
            "lavere": "lavere enn i samme kvartal tidligere år, i alle kvartalene",
            "høyere": "høyere enn i samme kvartal tidligere år, i alle kvartalene",
            "blandet": "dels høyere og dels lavere enn i samme kvartal tidligere år",
        }[retning]
        tekst = f"Utflyttingen i {nytt} var {ord_}. " + " ".join(deler)
    if uten:
        tekst += (
            f" For {liste(uten)}\u00a0kvartal har vi ingen tidligere tall for utflyttingen å sammenligne med."
        )
    return Tekst(tekst)


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


def kvartal_oppsummering(ut_nytt: pd.DataFrame, tidligere: pd.DataFrame) -> Tekst:
    """One sentence for a summary: the newest year's quarters against the same quarters
    before, judged only on sound evidence (`kvartal_retning`)."""
    if ut_nytt.empty:
        return Tekst("")
    nytt = int(ut_nytt["aar"].max())
    ord_ = {
        "lavere": "lavere enn",
        "høyere": "høyere enn",
        "blandet": "dels høyere og dels lavere enn",
    }.get(kvartal_retning(ut_nytt, tidligere))
    if ord_ is None:
        return Tekst(
            f"Om kvartalene i {nytt} lå lavere eller høyere enn de samme kvartalene før, kan vi ikke "
            "si sikkert: for noen av dem mangler vi sammenlignbare tall."
        )
    return Tekst(f"Kvartalene i {nytt} var {ord_} de samme kvartalene tidligere år som vi har tall for.")


def kvartal_mot_aaret_foer(serie: pd.DataFrame, navn: str) -> Tekst:
    """The newest year's quarters against the same quarters a year earlier: a clause
    «<navn> var lavere i alle fire kvartalene i 2025 enn i 2024» with the counts computed.

    `serie`: aar, kvartal, verdi for one measure.
    """
    nytt = int(serie["aar"].max())
    a = serie[serie["aar"] == nytt].set_index("kvartal")["verdi"]
    b = serie[serie["aar"] == nytt - 1].set_index("kvartal")["verdi"]
    felles = sorted(set(a.index) & set(b.index))
    if not felles:
        return Tekst(f"{navn[:1].upper() + navn[1:]} har vi ikke for samme kvartal i {nytt - 1} og {nytt}.")
    lavere = [k for k in felles if a[k] < b[k]]
    hoyere = [k for k in felles if a[k] > b[k]]
    antall = {1: "ett", 2: "to", 3: "tre", 4: "fire"}
    stor = navn[:1].upper() + navn[1:]
    if len(lavere) == len(felles):
        return Tekst(f"{stor} var lavere i {nytt} enn i {nytt - 1} i alle {antall[len(felles)]} kvartalene.")
    if len(hoyere) == len(felles):
        return Tekst(f"{stor} var høyere i {nytt} enn i {nytt - 1} i alle {antall[len(felles)]} kvartalene.")
    return Tekst(
        f"{stor} var lavere i {nytt} enn i {nytt - 1} i {antall.get(len(lavere), len(lavere))} "
        f"av {antall[len(felles)]} kvartaler."
    )


NAER_NULL = 50
"""Persons: a quarter's value this close to zero is «nær null», and two quarters this close
to each other are «omtrent like». The one threshold for both; tests/claims use it."""


def naer_null(serie: pd.DataFrame, navn: str) -> Tekst:
    """The quarters of the newest year whose value is within `NAER_NULL` of zero, with
    the value: «I 1. kvartal var nettoflyttingen nær null (−39).» Empty when none is.

    `serie`: aar, kvartal, verdi for one measure."""
    if serie.empty:
        return Tekst("")
    nytt = int(serie["aar"].max())
    rader = serie[(serie["aar"] == nytt) & (serie["verdi"].abs() <= NAER_NULL)].sort_values("kvartal")
    if rader.empty:
        return Tekst("")
    if len(rader) == 1:
        verdier = tall(rader["verdi"].iloc[0])
    else:
        verdier = liste(f"{tall(v)} i {int(k)}." for k, v in zip(rader["kvartal"], rader["verdi"]))
    return Tekst(f"I {_kvartaler(list(rader['kvartal']))} {nytt} var {navn} nær null ({verdier}).")


def omtrent_like(serie: pd.DataFrame, navn: str) -> Tekst:
    """Quarters of the newest year within `NAER_NULL` of the same quarter a year earlier:
    «I 3. kvartal var folkeveksten omtrent like stor begge årene (2 617 mot 2 628).»
    Empty when none is."""
    if serie.empty:
        return Tekst("")
    nytt = int(serie["aar"].max())
    a = serie[serie["aar"] == nytt].set_index("kvartal")["verdi"]
    b = serie[serie["aar"] == nytt - 1].set_index("kvartal")["verdi"]
    like = [k for k in sorted(set(a.index) & set(b.index)) if abs(a[k] - b[k]) <= NAER_NULL]
    if not like:
        return Tekst("")
    tall_ = liste(f"{tall(a[k])} mot {tall(b[k])}" for k in like)
    return Tekst(
        f"I {_kvartaler(like)} var {navn} likevel omtrent like stor i {nytt} og {nytt - 1} ({tall_})."
    )


def fortegn(serie: pd.Series, positiv: str, negativ: str) -> Tekst:
    """How many of the values are negative: «negativ i tre av fire kvartaler»."""
    antall = {0: "ingen", 1: "ett", 2: "to", 3: "tre", 4: "fire"}
    n, neg = len(serie), int((serie < 0).sum())
    if neg == 0:
        return Tekst(f"{positiv} i alle {antall.get(n, n)} kvartalene")
    if neg == n:
        return Tekst(f"{negativ} i alle {antall.get(n, n)} kvartalene")
    return Tekst(f"{negativ} i {antall.get(neg, neg)} av {antall.get(n, n)} kvartaler")


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


def bolig_endringer(endring: pd.Series, usikre=()) -> Tekst:
    """The yearly price changes after «har vi for 2015, 2016, 2021 og 2024:». «Størst» and
    «minst» only under the rule of `tittel_boligpriser`: every year of the range and no
    uncertain value; otherwise each year with its value, the uncertain ones marked."""
    endring = endring.dropna().sort_index()
    if endring.empty:
        return Tekst("ingen tall")
    usikre = {int(a) for a in usikre}
    if facts.hel_serie(endring) and not usikre & {int(a) for a in endring.index}:
        maks, minst = int(endring.idxmax()), int(endring.idxmin())
        return Tekst(
            f"størst var den i {maks} ({prosent(endring[maks])}), minst i {minst} ({prosent(endring[minst])})"
        )
    deler = [
        f"{prosent(v)} i {int(a)}" + (" (usikkert)" if int(a) in usikre else "") for a, v in endring.items()
    ]
    return Tekst(liste(deler))


def boligmaal(ssb_k4: pd.Series, en: pd.Series) -> Tekst:
    """How far SSB's index and Eiendom Norge's measure can differ, in the latest year
    both have; empty when no year has both."""
    felles = sorted(set(ssb_k4.index) & set(en.index))
    if not felles:
        return Tekst("")
    y = felles[-1]
    return Tekst(
        f"Hvor mye målene kan skille seg, ser vi i {y}: SSBs indeks steg {prosent(ssb_k4[y])} fra "
        f"fjerde kvartal året før, mens Eiendom Norge oppga {prosent(en[y])} fra desember til desember."
    )


def opinion(oslo: float | None, norge: float | None) -> Tekst:
    """The one survey of home office in Oslo after the pandemic, if we have it."""
    if oslo is None or norge is None:
        return Tekst("")
    return Tekst(
        f"En spørreundersøkelse fra Opinion i desember 2022 fant at {prosent(oslo, 0)} av "
        f"arbeidstakerne i Oslo hadde hatt hjemmekontor den siste måneden, mot {prosent(norge, 0)} "
        "i hele landet. Det er én måling, gjengitt i nyhetene, ikke offisiell statistikk."
    )


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
    fall = [f"{o} fra {tall(rows(o)[2019])} til {tall(rows(o)[2020])}" for o in sikre]
    endringer = [rows(o)[2020] - rows(o)[2019] for o in sikre]
    if not sikre:
        tekst = ""
    elif all(e < 0 for e in endringer):
        tekst = f"Fra 2019 til 2020 falt den {'overalt der 2019-tallet er sikkert' if flagget else 'overalt'}: {liste(fall)}."
    elif all(e > 0 for e in endringer):
        tekst = f"Fra 2019 til 2020 steg den {'overalt der 2019-tallet er sikkert' if flagget else 'overalt'}: {liste(fall)}."
    else:
        tekst = f"Fra 2019 til 2020 endret den seg slik: {liste(fall)}."
    for o in [o for o in begge if o in flagget]:
        tekst += (
            f" {o} gikk fra {tall(rows(o)[2019])} i 2019 til {tall(rows(o)[2020])} i 2020, men tallet for 2019 "
            "er for høyt, fordi utvandringen det året ble registrert for lavt, som nevnt over."
        )
    return Tekst(tekst.strip())


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
        deler.append(f"Hovedstadsregionen som helhet hadde et innenlandsk flyttetap på {tall(abs(hreg))}.")
    kbh = _nord_verdi(nord, "København", "utflytting_okning_fra_2019", 2020)
    kbh_pct = _nord_verdi(nord, "København", "utflytting_okning_fra_2019_pct", 2020)
    if kbh is not None and kbh_pct is not None and {2019, 2020} <= set(ut_oslo.index):
        e = facts.endring(ut_oslo, 2019, 2020)
        deler.append(
            f"For København har vi bare økningen i utflyttingen fra 2019 til 2020: {tall(kbh)} "
            f"personer, ca. {prosent(kbh_pct, 0)}, ifølge et konsulentselskap som bruker tall fra "
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


def tittel_nord(tot: pd.DataFrame) -> Tekst:
    """A figure title: where net migration fell or rose from 2019 to 2020."""
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
    begge = "overalt der vi har sikre tall for begge årene" if flagget else "overalt der vi har begge årene"
    if len(falt) == len(endring):
        hvor = begge if len(endring) > 1 else f"i {falt[0]}"
        return Tekst(f"Nettoflyttingen falt fra 2019 til 2020 {hvor}")
    if len(steg) == len(endring):
        hvor = begge if len(endring) > 1 else f"i {steg[0]}"
        return Tekst(f"Nettoflyttingen steg fra 2019 til 2020 {hvor}")
    if falt:
        return Tekst(f"Nettoflyttingen falt fra 2019 til 2020 i {liste(falt)}")
    return Tekst(f"Nettoflyttingen steg fra 2019 til 2020 i {liste(steg)}")


def tittel_boligpriser(endring: pd.Series, usikre=()) -> Tekst:
    """A figure title from yearly price changes in percent: the largest rise, and the fall
    (or the smallest rise). A superlative needs every year of its range and no uncertain
    value (`usikre`); otherwise the title says what we have."""
    endring = endring.dropna()
    if endring.empty:
        return Tekst("Boligprisene: ingen tall")
    fra, til = int(endring.index.min()), int(endring.index.max())
    if not facts.hel_serie(endring) or set(usikre) & set(int(a) for a in endring.index):
        n = len(endring)
        hvor = f"{n} av årene {fra}–{til}" if n < til - fra + 1 else f"årene {fra}–{til}"
        return Tekst(f"Endringen i boligprisene for {hvor}")
    maks, minst = int(endring.idxmax()), int(endring.idxmin())
    if endring[maks] <= 0:
        return Tekst(f"Boligprisene falt minst i {maks} og mest i {minst}")
    if endring[minst] < 0:
        return Tekst(f"Boligprisene steg mest i {maks} og falt mest i {minst}")
    return Tekst(f"Boligprisene steg mest i {maks} og minst i {minst}")


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


def kvartaler_netto_vekst(netto: pd.DataFrame, vekst: pd.DataFrame) -> Tekst:
    """The newest year's quarters: in which was net migration (with moves abroad) negative,
    and in which did the population grow, each quarter named, so no count can be misread.

    `netto`, `vekst`: aar, kvartal, verdi for one region and one measure each."""
    aar = int(netto["aar"].max())
    n = netto[netto["aar"] == aar].set_index("kvartal")["verdi"].sort_index()
    v = vekst[vekst["aar"] == aar].set_index("kvartal")["verdi"].sort_index()
    alle = f"alle de {len(n)} kvartalene vi har" if len(n) > 1 else _kvartaler(list(n.index))
    neg = [int(k) for k in n.index if n[k] < 0]
    if not neg:
        forste = f"I {aar} flyttet flere til Oslo enn fra byen, medregnet inn- og utvandring, i {alle}"
    elif len(neg) == len(n):
        forste = f"I {aar} flyttet flere fra Oslo enn til byen, medregnet inn- og utvandring, i {alle}"
    else:
        forste = (
            f"I {aar} flyttet flere fra Oslo enn til byen, medregnet inn- og utvandring, i {_kvartaler(neg)}, "
            f"men ikke i {_kvartaler([int(k) for k in n.index if k not in neg])}"
        )
    opp = [int(k) for k in v.index if v[k] > 0]
    ned = [int(k) for k in v.index if v[k] < 0]
    if v.empty:
        andre = "Folketallets endring per kvartal har vi ikke for det året."
    elif len(opp) == len(v):
        andre = "Folketallet vokste likevel i hvert av kvartalene."
    elif not opp:
        andre = "Folketallet vokste ikke i noe kvartal."
    else:
        andre = f"Folketallet vokste i {_kvartaler(opp)}" + (f" og falt i {_kvartaler(ned)}." if ned else ".")
    return Tekst(f"{forste}. {andre}")


def kvartal_kort(ut_nytt: pd.DataFrame, tidligere: pd.DataFrame) -> Tekst:
    """The newest year's out-migration against the same quarters before, saying how little
    there is to compare with: which quarters, against which years. Only earlier values that
    are neither rounded nor uncertain count (`_sikre`), as for `kvartal_retning`."""
    if ut_nytt.empty:
        return Tekst("Kvartalstall for utflyttingen etter 2023 har vi ikke.")
    nytt = int(ut_nytt["aar"].max())
    par = [
        (k, v, f)
        for k, v, f in ((k, v, _sikre(f)) for k, v, f in _kvartalspar(ut_nytt, tidligere))
        if not f.empty
    ]
    if not par:
        return Tekst(
            f"Ingen av kvartalene i {nytt} kan sammenlignes med samme kvartal tidligere år i tallene våre."
        )
    aar = aar_liste(sorted({int(a) for _, _, f in par for a in f["aar"]}))
    ord_ = {"blandet": "dels høyere og dels lavere"}.get(retning := _retning(par), retning)
    alle = int((ut_nytt["aar"] == nytt).sum())
    hvilke = f"Bare {_kvartaler([k for k, _, _ in par])}" if len(par) < alle else "Alle kvartalene"
    return Tekst(
        f"{hvilke} i {nytt} kan sammenlignes med samme kvartal i {aar}; der var utflyttingen {ord_}."
    )
