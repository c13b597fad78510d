"""House prices and home office after the pandemic: the few published numbers, said as what
they can and cannot show."""

from __future__ import annotations

import pandas as pd

from helpers.prose.norsk import MAANEDER, Tekst, liste, prosent
from helpers.prose.tilbake.felles import kilde_navn


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

    def aaret(a, v, forste: bool = False) -> str:
        hvor_mye = f"{prosent(abs(v))} " if v else ""
        hva = f"{verb(v)} prisene " if forste else f"{verb(v)} "
        return f"{'' if felles else hva}{hvor_mye}i løpet av {int(a)}"

    deler = liste(aaret(a, v, i == 0) for i, (a, v) in enumerate(sikre.items()))
    indeks = "Ifølge SSBs prisindeks for brukte boliger i Oslo og Bærum"
    slutt = (
        "Sikre tall for de andre årene har vi ikke, og endringen i noen få enkeltår kan ikke vise om "
        "prisene holdt seg relativt høye."
    )
    if felles:
        return Tekst(f"{indeks} {felles} prisene {deler}, regnet fra fjerde kvartal året før. {slutt}")
    return Tekst(f"{indeks}, regnet fra fjerde kvartal året før, {deler}. {slutt}")


def bolig_etter(endring: pd.Series, usikre=(), etter: int = 2020) -> Tekst:
    """House prices after `etter` in one sentence (the page adds the pointer to Om dataene).
    A usable series is a sound yearly change for every year from
    `etter` + 1 to the last year we have, at least two of them; with one, the sentence lists
    those changes (as `bolig_sikre`), without one it says so and names the sound years we do
    have after `etter`, if any."""
    usikre = {int(a) for a in usikre}
    sikre = endring.dropna()
    sikre = sikre[[int(a) not in usikre for a in sikre.index]].sort_index()
    senere = sikre[[int(a) > etter for a in sikre.index]]
    siste = max([int(a) for a in endring.dropna().index] + [etter])
    hele = list(range(etter + 1, siste + 1))
    if len(hele) >= 2 and [int(a) for a in senere.index] == hele:
        return Tekst(str(bolig_sikre(senere)).split(". ")[0] + ".")
    if senere.empty:
        bare = ""
    else:
        aar = liste(str(int(a)) for a in senere.index)
        bare = f" (bare SSBs endring for {aar})"
    return Tekst(
        f"For årene etter {etter} har boka ingen brukbar serie for boligprisene i Oslo og Bærum{bare}, så om "
        "prisene holdt seg relativt høye, kan tallene her ikke vise."
    )


def opinion(rader: pd.DataFrame) -> Tekst:
    """The one survey of home office in Oslo after the pandemic, if we have it: the month
    from the rows' period («2022-12»), the outlet that reported it from their publisher.
    `rader`: region («Oslo», «Norge»), periode, verdi, utgiver, kilde. Empty without both."""
    oslo = rader[rader["region"] == "Oslo"]
    norge = rader[rader["region"] == "Norge"]
    if oslo.empty or norge.empty:
        return Tekst("")
    aar, mnd = (int(x) for x in str(oslo["periode"].iloc[0]).split("-")[:2])
    kilde = kilde_navn(oslo)
    return Tekst(
        f"En spørreundersøkelse fra Opinion i {MAANEDER[mnd - 1]} {aar} fant at "
        f"{prosent(oslo['verdi'].iloc[0], 0)} av arbeidstakerne i Oslo hadde hatt hjemmekontor den siste "
        f"måneden, mot {prosent(norge['verdi'].iloc[0], 0)} i hele landet, ifølge {kilde}. Det er et annet mål "
        "enn anslaget i kapittel 3 over hvor mange jobber som kan gjøres hjemmefra, og én måling, "
        "ikke offisiell statistikk."
    )
