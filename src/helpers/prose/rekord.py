"""Sentences of the chapter «Rekordutflytting» whose shape depends on the data.

Each function takes the series and returns a whole sentence (or clause), so that a
refresh that changes a ranking changes the words, and tests can check it on made-up data.
"""

from __future__ import annotations

import pandas as pd

from helpers.analysis import facts
from helpers.prose.norsk import Tekst, aar_liste, liste, tall


def rang(verdier: pd.Series, aar: int = 2020, flere: str = "flere") -> Tekst:
    """Where `aar` stands among the years up to itself: a clause after «og det var».
    `flere` is the comparative for the measure: «flere» for people, «høyere» for a rate."""
    r = facts.rangering(verdier, aar, til_og_med=aar)
    if r["antall_aar"] == 1:
        return Tekst("det første året i serien vår")
    if r["hoyest"]:
        return Tekst(f"{flere} enn i noe tidligere år i serien vår, som begynner i {r['fra']}")
    return Tekst(f"det {r['rang']}. høyeste tallet fram til {aar} (høyere i {aar_liste(r['hoyere_aar'])})")


def ingress(verdier: pd.Series, aar: int = 2020) -> Tekst:
    """The chapter's opening claim about `aar`: a clause after «I 2020, …,»."""
    r = facts.rangering(verdier, aar, til_og_med=aar)
    if r["hoyest"] and r["antall_aar"] > 1:
        return Tekst("flyttet flere fra Oslo til resten av Norge enn i noe år før")
    return Tekst(f"flyttet {tall(verdier[aar])} fra Oslo til resten av Norge")


def etterpaa(verdier: pd.Series, aar: int = 2020) -> Tekst:
    """What the years after `aar` did to its level: a sentence."""
    senere = verdier[verdier.index > aar]
    hoyere = senere[senere > verdier[aar]]
    if senere.empty:
        return Tekst(f"Vi har ennå ingen år etter {aar} i serien.")
    if len(hoyere):
        return Tekst(
            f"Rekorden varte ikke lenge: i {aar_liste(hoyere.index)} flyttet enda flere ut "
            f"({liste(tall(v) for v in hoyere)})."
        )
    return Tekst(
        f"Ingen av årene etter {aar} som vi har tall for ({aar_liste(senere.index)}), "
        f"har kommet over nivået fra {aar}."
    )


def topp_etter(verdier: pd.Series, aar: int = 2020) -> Tekst:
    """Whether a later year beat `aar`, and which: a sentence."""
    senere = verdier[verdier.index > aar]
    if senere.empty:
        return Tekst(f"Vi har ennå ingen hele år etter {aar} i serien.")
    topp = int(senere.idxmax())
    naar = f"i {topp}, året etter" if topp == aar + 1 else f"i {topp}"
    if senere[topp] > verdier[aar]:
        if facts.hel_serie(verdier) and topp == int(verdier.idxmax()):
            fra, til = int(verdier.index.min()), int(verdier.index.max())
            return Tekst(
                f"Enda flere flyttet ut {naar}: {tall(senere[topp])}, det høyeste tallet i serien {fra}–{til}."
            )
        return Tekst(f"Enda flere flyttet ut {naar}: {tall(senere[topp])}.")
    return Tekst(
        f"Ingen av årene etter har hatt flere; det høyeste tallet etterpå var {tall(senere[topp])}, {naar}."
    )


def per_innbygger(rate: pd.Series, aar: int = 2020) -> Tekst:
    """The rate's verdict after the count's: a sentence that does not repeat the count's words."""
    r = facts.rangering(rate, aar, til_og_med=aar)
    if r["hoyest"] and r["antall_aar"] > 1:
        return Tekst(
            f"Også regnet per 1\u00a0000 innbyggere var {aar} det høyeste året i {r['fra']}–{aar}, "
            "så økningen skyldes ikke "
            "bare at byen vokste."
        )
    return Tekst(
        f"Regnet per 1\u00a0000 innbyggere var {aar} ikke det høyeste året (høyere i "
        f"{aar_liste(r['hoyere_aar'])}), så en del av økningen følger av at byen vokste."
    )


def vekst(folk: pd.Series) -> Tekst:
    """Did the population grow every year of the series (no year missing)?"""
    okning = folk.sort_index().diff().dropna() > 0
    hele = len(folk) == int(folk.index.max()) - int(folk.index.min()) + 1
    if hele and okning.all():
        return Tekst("Oslo vokste hvert år")
    if okning.mean() > 0.5:
        return Tekst("Oslo vokste i de fleste årene")
    return Tekst("Oslo vokste ikke hvert år")


def mangler(manglende: dict[str, list[int]]) -> Tekst:
    """The gaps of a figure, once, in the reader's terms; empty when there are none."""
    if not manglende:
        return Tekst("")
    deler = liste(f"{navn[0].lower()}{navn[1:]} i {aar_liste(aar)}" for navn, aar in manglende.items())
    return Tekst(f"Tall vi ikke har: {deler}. Der er linjen brutt.")


def tittel_topp(verdier: pd.Series, aar: int = 2020, hva: str = "Utflyttingen") -> Tekst:
    """A figure title: did `aar` set a record, and which year is the top of the series?
    A record needs every year of the series; with a gap the title describes."""
    if not facts.hel_serie(verdier):
        fra, til = int(verdier.dropna().index.min()), int(verdier.dropna().index.max())
        return Tekst(f"{hva} {fra}–{til}")
    r = facts.rangering(verdier, aar, til_og_med=aar)
    topp = int(verdier.idxmax())
    if r["hoyest"] and r["antall_aar"] > 1:
        if topp == aar and aar == int(verdier.index.max()):
            # «enn i noe år fra 2016» would read as «since 2016», later years included.
            foer = f"{r['fra']}" if r["fra"] == aar - 1 else f"hvert av årene {r['fra']}–{aar - 1}"
            return Tekst(f"{hva} var høyere i {aar} enn i {foer}")
        if topp == aar:
            return Tekst(f"{hva} nådde toppen i {aar}")
        # A later year beat the record: say it in that order, so the title does not read as
        # «record in 2020» and «highest in 2021» at once.
        return Tekst(f"{hva} satte rekord i {aar} og ble enda høyere i {topp}")
    return Tekst(f"{hva} var høyest i {topp} i serien {int(verdier.index.min())}–{int(verdier.index.max())}")


def tittel_hoyest(verdier: pd.Series, hva: str) -> Tekst:
    """«Utvandringen fra Oslo var høyest i 2012 i serien 2011–2022» only from a series with
    every year of its range; with a gap the title describes («Utvandringen fra Oslo 2011–2022»)."""
    v = verdier.dropna()
    if v.empty:
        return Tekst(hva)
    fra, til = int(v.index.min()), int(v.index.max())
    if not facts.hel_serie(v):
        return Tekst(f"{hva} {fra}–{til}")
    return Tekst(f"{hva} var høyest i {int(v.idxmax())} i serien {fra}–{til}")


def flest_utvandret(verdier: pd.Series) -> Tekst:
    """The top year of emigration from Oslo: «Flest utvandret i …» only from a complete
    series; with a gap, the top among the years we have, and the missing years named."""
    v = verdier.dropna()
    if v.empty:
        return Tekst("")
    topp = int(v.idxmax())
    if facts.hel_serie(v):
        return Tekst(f"Flest utvandret i {topp}, da {tall(v[topp])} personer flyttet fra Oslo til utlandet.")
    fra, til = int(v.index.min()), int(v.index.max())
    mangler = [y for y in range(fra, til + 1) if y not in v.index]
    return Tekst(
        f"Av årene vi har tall for, utvandret flest i {topp}, da {tall(v[topp])} personer flyttet fra "
        f"Oslo til utlandet; for {aar_liste(mangler)} mangler tallet."
    )


def lavest(verdier: pd.Series, aar: int = 2020) -> Tekst:
    """Where `aar` stands from the bottom of the series: a clause after «var». «Det laveste i
    hele serien» only from a series with every year of its range; with a gap it says «lower
    than any other year we have» and names the missing years."""
    v = verdier.dropna()
    if aar not in v.index:
        raise KeyError(f"{aar} mangler i serien")
    fra, til = int(v.index.min()), int(v.index.max())
    mangler = [y for y in range(fra, til + 1) if y not in v.index]
    andre = v[v.index != aar]
    like = [int(y) for y in andre.index if andre[y] == v[aar]]
    lavere = int((andre < v[aar]).sum())
    hull = f" ({aar_liste(mangler)} mangler)" if mangler else ""
    if lavere == 0 and not like and not andre.empty:
        if not mangler:
            return Tekst(f"det laveste i hele serien {fra}–{til}")
        return Tekst(f"lavere enn i noe annet år vi har tall for, {fra}–{til}{hull}")
    if lavere == 0 and like:
        return Tekst(
            f"like lavt som i {aar_liste(like)}, det laveste av årene vi har tall for, {fra}–{til}{hull}"
        )
    return Tekst(f"nummer {lavere + 1} fra bunnen av de {len(v)} årene vi har tall for, {fra}–{til}{hull}")


def andre_komplett(byer: pd.DataFrame, andre: list[str], serier, aar=(2019, 2020)) -> bool:
    """Whether the article's comparison can be made: every flow for every other city in each
    of `aar`."""
    return all(
        ((byer["region"] == by) & (byer["aar"] == a) & (byer["serie"] == serie)).any()
        for by in andre
        for a in aar
        for serie in serier
    )


def innhold_byer(komplett: bool) -> Tekst:
    """The end of the introduction's contents line for «Rekordutflytting»: what the chapter does
    with the other cities, as chapter 1 says it."""
    if komplett:
        return Tekst("og de samme strømmene i de andre storbyene")
    return Tekst("og hvorfor vi ikke kan sammenligne med de andre storbyene")
