"""Stockholm, Helsingfors and København: the few numbers from the neighbouring capitals, each
with its publisher."""

from __future__ import annotations

import pandas as pd

from helpers.prose.artikkel import Markdown
from helpers.prose.norsk import Tekst, liste, prosent, stor_forbokstav, tall
from helpers.prose.tilbake.felles import kilde_navn, til_forklaringen

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
        # The reason is explained in chapter 4.1; the text says why the area is left out and points there.
        d = rows(o)[2020] - rows(o)[2019]
        hva = "fall" if d < 0 else "økning" if d > 0 else "uendrede tall"
        tekst += (
            f" {stor_forbokstav(genitiv(o))} {hva} regner vi ikke med, fordi 2019-tallet der er for høyt"
            f"{til_forklaringen('utvandring', [2019])}."
        )
    return Markdown(tekst.strip())


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
    """Who published a Nordic figure (`kilde_navn`)."""
    r = nord[(nord["omraade"] == omraade) & (nord["maal"] == maal) & (nord["aar"] == aar)]
    return kilde_navn(r)


def nord_brutto(nord: pd.DataFrame, ut_oslo: pd.Series) -> Tekst:
    """What the few gross or domestic figures from the neighbouring capitals say."""
    deler = []
    # Stockholm's gross flows are left out: the only figures we have are from a blog.
    hel = _nord_verdi(nord, "Helsingfors", "nettoflytting_mellom_kommuner_forelopig", 2020)
    hel_kilde = None
    if hel is not None and hel < 0:
        kilde = hel_kilde = _nord_kilde(nord, "Helsingfors", "nettoflytting_mellom_kommuner_forelopig", 2020)
        deler.append(
            f"Regner vi bare flytting innenlands, mistet Helsingfors {tall(abs(hel))} personer på "
            f"flytting mellom kommuner i 2020, ifølge foreløpige tall fra {kilde}."
        )
    hreg = _nord_verdi(nord, "Helsingforsregionen", "nettoflytting_innenlandsk", 2020)
    if hreg is not None and hreg < 0:
        kilde = _nord_kilde(nord, "Helsingforsregionen", "nettoflytting_innenlandsk", 2020)
        # The same publisher twice in a row is named once.
        kilde = "samme kilde" if kilde == hel_kilde else kilde
        deler.append(
            f"Helsingforsregionen som helhet hadde et innenlandsk flyttetap på {tall(abs(hreg))}, ifølge {kilde}."
        )
    kbh = _nord_verdi(nord, "København", "utflytting_okning_fra_2019", 2020)
    kbh_kilde = _nord_kilde(nord, "København", "utflytting_okning_fra_2019", 2020)
    kbh_pct = _nord_verdi(nord, "København", "utflytting_okning_fra_2019_pct", 2020)
    if kbh is not None and kbh_pct is not None and {2019, 2020} <= set(ut_oslo.index):
        # Oslo's own rise is told once, in chapter 1; here only a pointer back to it.
        deler.append(
            f"For København har vi bare økningen i utflyttingen fra 2019 til 2020: {tall(kbh)} "
            f"personer, ca. {prosent(kbh_pct, 0)}, ifølge {kbh_kilde}, som bruker tall fra "
            "Danmarks Statistik. Oslos økning samme år står i {ref}`kapittel 1 <kap-rekord>`, men det er "
            "ikke sikkert at tallene måler det samme."
        )
    if nord["aar"].max() <= 2020:
        deler.append("Hvordan flyttingen fra disse byene utviklet seg etter 2020, har vi ingen tall for.")
    return Markdown(" ".join(deler))


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
