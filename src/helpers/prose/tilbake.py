"""The conclusion of the chapter ("Kom de tilbake?") as sentences built from the data.

The chapter glues these sentences and the tests call the same function on changed
data: when a refresh adds a year in which out-migration is back inside its 2016–2019
range, the conclusion says so without anyone editing the chapter.
"""

from __future__ import annotations

import pandas as pd

from helpers.analysis import facts
from helpers.prose.norsk import aar_liste, tall

_STED = {"over": "over", "innenfor": "innenfor", "under": "under"}


def _spenn(ref: dict, desimaler: int = 0) -> str:
    return f"{tall(ref['min'], desimaler)} til {tall(ref['maks'], desimaler)}"


def _periode(ref: dict) -> str:
    return f"{ref['fra']}–{ref['til']}"


def utflytting(ut: pd.Series, etter_aar: int = 2020) -> str:
    """Has domestic out-migration come back inside its pre-pandemic range, and when?"""
    ref = facts.referanse(ut)
    e = facts.etter(ut, ref, etter_aar)
    periode = _periode(ref)
    if e["siste"] is None:
        return (
            f"Vi har ennå ingen hele år med tall etter {etter_aar}, så vi kan ikke si om "
            "utflyttingen har falt tilbake."
        )
    forste = e["forste_ikke_over"]
    if forste is None:
        return (
            f"Utflyttingen til resten av landet lå over spennet fra {periode} i alle årene etter "
            f"{etter_aar} som vi har tall for ({aar_liste(e['aar'])}). I {e['siste']} var den "
            f"{tall(e['siste_verdi'])}, mot høyst {tall(ref['maks'])} i årene før pandemien."
        )
    hvor = "tilbake innenfor" if e["plassering"][forste] == "innenfor" else "under"
    text = (
        f"Utflyttingen til resten av landet var {hvor} spennet fra {periode} i {forste} "
        f"({tall(ut[forste])} personer, mot {_spenn(ref)} før pandemien)."
    )
    if e["siste"] != forste:
        text += f" I {e['siste']}, det siste året med tall, lå den {_STED[e['siste_plassering']]} spennet."
    return text


def netto(nett: pd.DataFrame, etter_aar: int = 2020) -> str:
    """Where total and domestic net migration stand in the latest year, against 2016–2019."""
    parts = []
    for key in ("i_alt", "innenlands"):
        label = facts.NETTO[key]
        values = nett[nett["serie_navn"] == label].set_index("aar")["verdi"]
        ref = facts.referanse(values)
        e = facts.etter(values, ref, etter_aar)
        if e["siste"] is None:
            parts.append((label, None, None, ref))
        else:
            parts.append((label, e["siste"], e["siste_plassering"], ref))
    (l_alt, y_alt, p_alt, r_alt), (l_inn, y_inn, p_inn, r_inn) = parts
    if y_alt is None:
        return f"Vi har ingen nettotall for hele år etter {etter_aar}."
    alt_v = nett[(nett["serie_navn"] == l_alt) & (nett["aar"] == y_alt)]["verdi"].iloc[0]
    text = (
        f"Nettoflyttingen i alt, med utlandet, var {tall(alt_v)} personer i {y_alt}, "
        f"{_STED[p_alt]} spennet fra {_periode(r_alt)} ({_spenn(r_alt)})."
    )
    if y_inn is not None:
        inn_v = nett[(nett["serie_navn"] == l_inn) & (nett["aar"] == y_inn)]["verdi"].iloc[0]
        samme = "samme år" if y_inn == y_alt else f"i {y_inn}"
        if p_inn == p_alt:
            bind = "Også den innenlandske nettoflyttingen lå"
        else:
            bind = "Den innenlandske nettoflyttingen lå derimot"
        text += (
            f" {bind} {_STED[p_inn]} spennet fra {_periode(r_inn)} {samme} "
            f"({tall(inn_v)}, mot {_spenn(r_inn)})."
        )
    return text


def rate(rate_ut: pd.Series, etter_aar: int = 2020) -> str:
    """The same question per 1 000 inhabitants, so population growth cannot explain it."""
    ref = facts.referanse(rate_ut)
    e = facts.etter(rate_ut, ref, etter_aar)
    if e["siste"] is None:
        return (
            f"Utflyttingsraten kan ikke regnes for noe år etter {etter_aar} ennå, fordi "
            "folkemengden for året etter mangler."
        )
    return (
        f"Regnet per 1 000 innbyggere lå utflyttingen i {e['siste']} "
        f"{_STED[e['siste_plassering']]} spennet fra {_periode(ref)} "
        f"({tall(e['siste_verdi'], 1)}, mot {_spenn(ref, 1)})."
    )


def setninger(byer: pd.DataFrame, etter2020: pd.DataFrame, region: str = "Oslo") -> dict[str, str]:
    """All sentences of the conclusion, keyed by their glue names."""
    ut = facts.serie(byer, region, "utflytting_innenlands")
    rater = facts.per_1000(byer, region)
    rate_ut = rater[rater["serie"] == "utflytting_innenlands"].set_index("aar")["verdi"]
    return {
        "konkl_ut": utflytting(ut),
        "konkl_netto": netto(facts.nettoflytting(byer, etter2020, region)),
        "konkl_rate": rate(rate_ut),
    }
