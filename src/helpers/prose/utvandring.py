"""Chapter 4 (Utvandring): sentences whose structure depends on the data.

`sammenligning` compares the rise in emigration with the rise in domestic out-migration;
`svensker` writes the paragraph on Swedish citizens for whichever table the chapter has
(Oslo's own, or the whole country's as a stand-in).
"""

from __future__ import annotations

import pandas as pd

from helpers.analysis import facts
from helpers.prose.norsk import Tekst, aar_liste, liste, prosent, retning, tall

ANDRE = ["Norge", "Danmark", "Polen", "Litauen"]
# Citizenship as the reader says it: "polske og litauiske statsborgere".
STATSBORGERE = {
    "Norge": "norske",
    "Sverige": "svenske",
    "Danmark": "danske",
    "Polen": "polske",
    "Litauen": "litauiske",
}


# Where a year stands against a range of years (`facts.mot_periode`): first as the range is
# named, then, for the second series in the same sentence, pointing back to it.
PLASS = {
    "over": Tekst("høyere enn i noe av årene"),
    "under": Tekst("lavere enn i noe av årene"),
    "innenfor": Tekst("innenfor spennet fra årene"),
}
PLASS_IGJEN = {
    "over": Tekst("høyere enn i noe av dem"),
    "under": Tekst("lavere enn i noe av dem"),
    "innenfor": Tekst("innenfor det samme spennet"),
}


def mot_aarene(p_utv: dict, p_ut: dict, aar: int, fra: int, til: int) -> Tekst:
    """Emigration and domestic out-migration in `aar` against every year fra–til, in one
    sentence that names the years once."""
    if p_utv["plassering"] == p_ut["plassering"]:
        return Tekst(
            f"I {aar} var både utvandringen og utflyttingen til resten av landet "
            f"{PLASS[p_ut['plassering']]} {fra}–{til}."
        )
    return Tekst(
        f"I {aar} var utvandringen {PLASS[p_utv['plassering']]} {fra}–{til}, mens utflyttingen til "
        f"resten av landet var {PLASS_IGJEN[p_ut['plassering']]}."
    )


def tittel_oslo(utv: pd.Series, aar: int, fra: int, til: int) -> Tekst:
    """Figure 4.1's title: emigration in `aar` against every year fra–til (2019, registered
    too low, lies outside that range). It judges only when every one of those years is there;
    otherwise it says what the figure shows."""
    v = utv.dropna()
    if v.empty:
        return Tekst("Utvandringen fra Oslo")
    if aar not in v.index or any(a not in v.index for a in range(fra, til + 1)):
        return Tekst(f"Utvandringen fra Oslo, {int(v.index.min())}–{int(v.index.max())}")
    p = facts.mot_periode(v, aar, fra, til)
    if p["plassering"] == "innenfor":
        return Tekst(f"Utvandringen fra Oslo i {aar} lå innenfor spennet fra årene {fra}–{til}")
    hoy = "høyere" if p["plassering"] == "over" else "lavere"
    return Tekst(f"Utvandringen fra Oslo var {hoy} i {aar} enn i noe av årene {fra}–{til}")


def merknad_statsborgerskap(rader: pd.DataFrame, grupper: list[str]) -> Tekst:
    """Figure 4.2's note: what the bars count, and, only when a group lacks a value for a
    year the figure shows, that a missing bar is a missing number."""
    tekst = "Utvandringer etter statsborgerskapet til den som flytter, ikke etter landet de flytter til."
    aar = sorted(int(a) for a in rader["aar"].unique())
    har = {
        (g, int(a))
        for g, a, v in zip(rader["statsborgerskap"], rader["aar"], rader["verdi"], strict=True)
        if pd.notna(v)
    }
    if any((g, a) not in har for g in grupper for a in aar):
        tekst += " Et år uten stolpe har vi ikke tall for."
    return Tekst(tekst)


def _verb(e: dict) -> str:
    """The verb for a change from `facts.endring`."""
    return retning(0, e["diff"])


def over_under(m: dict) -> Tekst:
    """'over' or 'under' the period's mean, from `facts.mot_periode`."""
    return Tekst("under" if m["prosent_mot_snitt"] < 0 else "over")


def sammenligning(e_utv: dict, e_ut: dict) -> Tekst:
    """Emigration's change against domestic out-migration's, in persons and in percent."""
    if e_utv["diff"] <= 0 or e_ut["diff"] <= 0:
        # Not both rising: the comparison of rises means nothing; say which way each went.
        return Tekst(
            f"Utvandringen {_verb(e_utv)} altså, mens utflyttingen til resten av landet {_verb(e_ut)}."
        )
    if e_utv["diff"] < e_ut["diff"] / 2:
        antall = "langt mindre"
    else:
        antall = "mindre" if e_utv["diff"] < e_ut["diff"] else "større"
    prosent_ord = "mer" if e_utv["prosent"] > e_ut["prosent"] else "mindre"
    bindeord = "likevel " if (antall != "større") == (prosent_ord == "mer") else "også "
    return Tekst(
        f"Målt i antall personer var økningen i utvandringen {antall} enn økningen i utflyttingen. "
        f"Regnet i prosent av nivået året før økte utvandringen {bindeord}{prosent_ord}."
    )


def _endring(rader: pd.DataFrame, gruppe: str, fra: int, til: int) -> dict | None:
    s = facts.kolonne(rader[rader["statsborgerskap"] == gruppe])
    if fra in s.index and til in s.index:
        return facts.endring(s, fra, til)
    return None


def hovedfunn(p_utv: dict, p_ut: dict) -> Tekst:
    """Where 2020 stands against 2016-2018 for emigration and for domestic out-migration."""
    if p_ut["plassering"] == "over" and p_utv["plassering"] != "over":
        return Tekst(
            "Flyttingen til resten av Norge skilte seg altså ut i 2020, men utvandringen gjorde det ikke."
        )
    if p_ut["plassering"] == "over" and p_utv["plassering"] == "over":
        return Tekst(
            "Både utvandringen og utflyttingen til resten av landet lå over nivået fra de tre årene."
        )
    return Tekst("Ingen av dem lå over nivået fra alle de tre årene.")


def med_oppgitt_aar(rader: pd.DataFrame) -> pd.DataFrame:
    """The rows whose year the source states: a row flagged `aar_usikkert` (the page shows no
    year; ours was inferred from when the page was updated) is neither drawn nor written."""
    if "aar_usikkert" not in rader.columns:
        return rader
    return rader[~rader["aar_usikkert"].fillna(False).astype(bool)]


def svensker(rader: pd.DataFrame, sted: str, til: int = 2020) -> dict | None:
    """Emigration of Swedish citizens (`sted`: "fra Oslo" or "fra hele landet") up to `til` against the latest earlier year other than
    2019 (the year emigration was registered too low), with the total and the other groups.

    Rows whose year the source does not state are left out (`med_oppgitt_aar`).
    Returns the texts by name, or None when the table lacks `til` or any earlier year."""
    rader = med_oppgitt_aar(rader)
    rader = rader[rader["serie"] == "utvandring"]
    sv = facts.kolonne(rader[rader["statsborgerskap"] == "Sverige"])
    for_til = [a for a in sv.index if a < til and a != 2019] or [a for a in sv.index if a < til]
    if til not in sv.index or not for_til:
        return None
    basis = int(max(for_til))
    e_sv = facts.endring(sv, basis, til)
    faller = e_sv["diff"] < 0
    tekst = {
        "sv_funn": (
            f"Utvandringen av svenske statsborgere {sted} {'falt' if faller else 'økte'} fra {tall(sv[basis])} i "
            f"{basis} til {tall(sv[til])} i {til}, {'en nedgang' if faller else 'en økning'} på "
            f"{prosent(abs(e_sv['prosent']))}."
        ),
        "sv_tittel": (
            f"{'Færre' if faller else 'Flere' if e_sv['diff'] > 0 else 'Like mange'} svenske statsborgere "
            f"utvandret {sted} i {til} {'som' if e_sv['diff'] == 0 else 'enn'} i {basis}"
        ),
        "sv_basis": basis,
        "sv_basis_verdi": tall(sv[basis]),
        "sv_til": tall(sv[til]),
    }
    e_alle = _endring(rader, "I alt", basis, til)
    alle = facts.kolonne(rader[rader["statsborgerskap"] == "I alt"])
    tekst["sv_mot_alle"] = (
        f"All utvandring {'falt' if e_alle['diff'] < 0 else 'økte'} med {prosent(abs(e_alle['prosent']))} i "
        f"samme periode, så svenskenes andel av utvandrerne gikk fra {prosent(facts.andel(sv[basis], alle[basis]))} "
        f"til {prosent(facts.andel(sv[til], alle[til]))}."
        if e_alle
        else ""
    )
    andre = {g: e for g in ANDRE if (e := _endring(rader, g, basis, til))}
    sterkere = [g for g, e in andre.items() if e["prosent"] < e_sv["prosent"]]
    if faller and sterkere:
        tekst["sv_blant_andre"] = (
            f"Nedgangen var likevel ikke særegen for svenskene: blant {liste(STATSBORGERE[g] for g in sterkere)} "
            "statsborgere falt utvandringen enda mer."
        )
    elif faller and andre:
        tekst["sv_blant_andre"] = "Ingen av de andre gruppene i figuren hadde en like stor nedgang."
    else:
        tekst["sv_blant_andre"] = ""
    senere = sorted(a for a in sv.index if a > til)
    if senere:
        a = int(senere[-1])
        tekst["sv_senere"] = f"I {a} utvandret {tall(sv[a])} svenske statsborgere."
    else:
        tekst["sv_senere"] = ""
    return {k: Tekst(v) if isinstance(v, str) else v for k, v in tekst.items()}


def mangler(aar: list[int]) -> Tekst:
    """The caption's word on years missing from the emigration series."""
    return Tekst(f"Tall for {aar_liste(aar)} har vi ikke; der er linjen brutt." if aar else "")


def gap_statsborgerskap(har_oslo: bool) -> Tekst:
    """The gap, said once, when the chapter shows the whole country instead of Oslo."""
    if har_oslo:
        return Tekst("")
    return Tekst("Tallene for Oslo alene har vi ikke, så figuren viser hele landet.")


def figurtekst_statsborgerskap(har_oslo: bool) -> Tekst:
    if har_oslo:
        return Tekst("Utvandring fra Oslo etter statsborgerskap, antall utvandringer.")
    return Tekst("Utvandring fra hele landet etter statsborgerskap, antall utvandringer.")
