"""Chapter 2 (Alder): the text around figure 2.1, whose sentences depend on which data exist.

With moves by age in the package, the figure shows out-migration rates and the text says
where 2020 stands against the years before; without them, it shows all residents by age
as a labelled stand-in and says once that the movers' ages are missing.
"""

from __future__ import annotations

import pandas as pd

from helpers.analysis import facts
from helpers.prose.norsk import NBSP, Tekst, ikke_men, liste, periode, struktur, tall

PLASSERING = {
    "over": "eldre enn i noen av årene før",
    "under": "yngre enn i noen av årene før",
    "innenfor": "innenfor spennet fra årene før",
}


def _spenn(m: dict) -> str:
    lav, hoy = tall(m["min"], 1), tall(m["maks"], 1)
    return Tekst(f"{lav}{NBSP}år" if lav == hoy else f"mellom {lav} og {hoy}{NBSP}år")


def funn_rater(rater: pd.DataFrame, snittalder: pd.Series, fra: int, til: int) -> Tekst:
    """Under the rate figure: the peak age in `til`, and the movers' mean age against fra..til-1."""
    topp = rater[rater["aar"] == til].sort_values("verdi").iloc[-1]
    tekst = (
        f"Figuren under viser hvor mange av hundre innbyggere i hver alder som flyttet fra Oslo til resten "
        f"av landet. I {til} var andelen høyest blant {int(topp['alder'])}-åringene: "
        f"{tall(topp['verdi'], 1)} av hundre."
    )
    try:
        m = facts.mot_periode(snittalder, til, fra, til - 1)
    except (KeyError, ValueError):
        # A year of the comparison is missing: say what can be said, nothing more.
        return Tekst(tekst + f" Gjennomsnittsalderen kan ikke sammenlignes med alle årene {fra}–{til - 1}.")
    return Tekst(
        tekst
        + (
            f" Utflytterne var i snitt {tall(m['verdi'], 1)}{NBSP}år gamle i {til}, mot {_spenn(m)} i "
            f"{fra}–{til - 1}: {PLASSERING[m['plassering']]}."
        )
    )


# How close to the largest cohort an age must be to count as part of the peak: a share of
# the maximum. One age beating the next by a few dozen people is no finding; the band is.
TOPP_MARGIN = 0.05


def toppaldre(folk: pd.DataFrame, aar: int, margin: float = TOPP_MARGIN) -> list[int]:
    """The ages whose count in `aar` is within `margin` (a share) of the largest cohort."""
    v = folk[folk["aar"] == aar].set_index("alder")["verdi"].dropna()
    grense = v.max() * (1 - margin)
    return sorted(int(a) for a in v[v >= grense].index)


def _aldersspenn(aldre: list[int]) -> Tekst:
    """[28, 29, 30, 31] -> '28–31'; [28, 29, 45] -> '28–29 og 45'; consecutive runs joined."""
    runs: list[list[int]] = []
    for a in aldre:
        if runs and a == runs[-1][-1] + 1:
            runs[-1].append(a)
        else:
            runs.append([a])
    # Ages are structural: they name the rows, they are not statistics.
    return struktur(liste(f"{r[0]}" if len(r) == 1 else f"{r[0]}–{r[-1]}" for r in runs))


def funn_innbyggere(folk: pd.DataFrame, til: int, margin: float = TOPP_MARGIN) -> Tekst:
    """Under the stand-in figure: the gap, once, and what the residents' ages do show: the
    band of ages near the top, not a single age that leads by a handful of people."""
    aar = facts.kolonne(folk[folk["aar"] == til].dropna(subset=["verdi"]), "alder", navn="Innbyggere")
    aldre = toppaldre(folk, til, margin)
    start = (
        "Figuren under viser derfor alle som "
        "bodde i Oslo, fordelt på alder: hvor mange byen hadde i hver alder, og dermed hvor mange den kunne "
        f"miste. Per 1.{NBSP}januar {til} "
    )
    if len(aldre) == 1:
        return Tekst(
            start + f"var {aldre[0]}-åringene det største årskullet, med {tall(aar[aldre[0]])} personer; "
            "ingen annen alder var nær så stor."
        )
    lav, hoy = rundt(aar[aldre].min()), rundt(aar[aldre].max())
    hvor_mange = f"rundt {tall(lav)}" if lav == hoy else f"mellom rundt {tall(lav)} og {tall(hoy)}"
    return Tekst(
        start + f"var årskullene størst i alderen {_aldersspenn(aldre)}{NBSP}år, omtrent like store, med "
        f"{hvor_mange} personer i hvert årskull."
    )


def rundt(x: float) -> int:
    """A count rounded for «rundt …» in running text: to its two leading digits
    (15 647 -> 16 000, 9 569 -> 9 600); the exact values stand in the figure's table."""
    x = float(x)
    if abs(x) < 100:
        return int(round(x))
    steg = 10 ** (len(str(int(abs(x)))) - 2)
    return int(round(x / steg) * steg)


# Small counts are written as words in running text.
TALLORD = {2: "to", 3: "tre", 4: "fire", 5: "fem", 6: "seks", 7: "sju", 8: "åtte", 9: "ni", 10: "ti"}


def plass_blant_byene(plass: int, antall: int = 5) -> Tekst:
    """Oslo's rank among the largest cities, as a phrase after the share."""
    byer = f"de {TALLORD.get(antall, antall)} storbyene"
    return Tekst(f"den høyeste andelen blant {byer}" if plass == 1 else f"nummer {plass} av {byer}")


def utvikling(fra: float, til: float, terskel: float = 1.0) -> Tekst:
    """A share's movement over a period (percentage points): less than `terskel` reads as
    'nearly unchanged', so a tenth of a point is not called a fall."""
    endring = til - fra
    if abs(endring) < terskel:
        return Tekst("holdt seg nesten uendret")
    return Tekst("økt" if endring > 0 else "falt")


def figurtekst_rater(fra: int, til: int) -> Tekst:
    """Caption of the rate figure."""
    return Tekst(
        f"Utflyttinger fra Oslo til resten av Norge per hundre innbyggere med samme alder, {periode(fra, til)}. "
        f"Året {til} er den kraftige linjen."
    )


def figurtekst_innbyggere(fra: int, til: int) -> Tekst:
    """Caption of the stand-in figure: says once, first, that it shows all residents, not the movers."""
    return ikke_men(
        "utflytterne",
        f"alle innbyggere i Oslo etter alder, 1.{NBSP}januar {periode(fra, til)}. Året {til} er den kraftige linjen.",
    )


def undertittel_innbyggere(fra: int, til: int) -> Tekst:
    """The stand-in chart's own title: what the lines are, which the headline does not say."""
    return Tekst(f"Antall personer i hver alder, én linje per år {periode(fra, til)}")


def tittel_alder(topp_alder: int | list[int], aar: int, rater: bool) -> Tekst:
    """Figure 2.1's title: the age at the top of the highlighted year, for the rates or
    for the stand-in (all residents; there a list of ages near the top, see `toppaldre`)."""
    if rater:
        return Tekst(f"I {aar} var utflyttingsraten høyest ved {topp_alder}{NBSP}års alder")
    aldre = [topp_alder] if isinstance(topp_alder, int) else list(topp_alder)
    if len(aldre) == 1:
        return Tekst(f"Per 1.{NBSP}januar {aar} hadde Oslo flest innbyggere på {aldre[0]}{NBSP}år")
    return Tekst(
        f"Per 1.{NBSP}januar {aar} hadde Oslo flest innbyggere i alderen {_aldersspenn(aldre)}{NBSP}år"
    )


def beskrivelse_topp(folk: pd.DataFrame, aar: int, margin: float = TOPP_MARGIN) -> Tekst:
    """The alt text's last sentence on the peak, in the same terms as the title."""
    aldre = toppaldre(folk, aar, margin)
    if len(aldre) == 1:
        return Tekst(f"Flest innbyggere var {aldre[0]} år i {aar}.")
    return Tekst(f"Flest innbyggere var i alderen {_aldersspenn(aldre)} år i {aar}.")


def tittel_andel_byer(plass: int, antall: int = 5) -> Tekst:
    """Figure 2.2's title: Oslo's rank in the share aged 20–34 among the largest cities."""
    byer = f"de {TALLORD.get(antall, antall)} storbyene"
    if plass == 1:
        return Tekst(f"Oslo hadde størst andel 20–34-åringer av {byer}")
    return Tekst(f"Oslo var nummer {plass} av {byer} i andel 20–34-åringer")
