"""Norwegian (bokmål) numbers and lists for prose, tables and charts.

SSB and Språkrådet write thousands with a space and decimals with a comma. The space is
a non-breaking one (U+00A0) everywhere, so that "36 076" never wraps across lines, and
the same goes for the space in "1. januar" and "3. kvartal".

Every formatter returns `Tekst`: a `str` whose repr is the text itself. MyST's {eval}
role (in the book and in JupyterLab through jupyterlab-myst) shows an expression's
plain-text repr, and the repr of an ordinary str would show quotes and "\\xa0".
"""

from __future__ import annotations

import math
import numbers
import re
from collections.abc import Iterable
from decimal import ROUND_HALF_UP, Decimal

from helpers.prose.tekst import EN_DASH, MINUS, NBSP, Struktur, Tall, Tekst

# d3-format locale for Vega: the same rules as the prose, so chart axes and text agree.
D3_NUMBER_LOCALE = {
    "decimal": ",",
    "thousands": NBSP,
    "grouping": [3],
    "currency": ["", f"{NBSP}kr"],
    "minus": MINUS,
}

MAANEDER = [
    "januar", "februar", "mars", "april", "mai", "juni",
    "juli", "august", "september", "oktober", "november", "desember",
]  # fmt: skip


def _med_opphav(x, tekst: str, desimaler: int) -> Tekst:
    opphav = getattr(x, "opphav", None)
    return Tall(tekst, opphav, desimaler) if opphav is not None else Tekst(tekst)


def struktur(x) -> Struktur:
    """A structural number as text: 2020 -> '2020', 8 -> '8' (never a statistic)."""
    return Struktur(str(x) if isinstance(x, str) else str(int(x)) if float(x).is_integer() else tall(x))


def _check(x) -> float:
    if x is None or (isinstance(x, numbers.Real) and math.isnan(x)):
        raise ValueError("mangler verdi: et manglende tall kan ikke skrives i teksten")
    return x


def avrund(x, desimaler: int = 0) -> Decimal:
    """Round half away from zero, as people and SSB do (5,25 -> 5,3; 2,5 -> 3), on the
    number as written (the shortest repr of a float), not on its binary approximation."""
    x = _check(x)
    value = Decimal(int(x)) if isinstance(x, numbers.Integral) else Decimal(repr(float(x)))
    return value.quantize(Decimal(1).scaleb(-desimaler), rounding=ROUND_HALF_UP)


def tall(x, desimaler: int = 0) -> Tekst:
    """36076 -> '36 076'; -2758 -> '−2 758'; 5.25, 1 -> '5,3'."""
    rounded = avrund(x, desimaler)
    s = f"{abs(rounded):,.{desimaler}f}".replace(",", NBSP).replace(".", ",")
    return _med_opphav(x, (MINUS + s) if rounded < 0 else s, desimaler)


def desimal(x, desimaler: int = 1) -> Tekst:
    return tall(x, desimaler)


def prosent(x, desimaler: int = 1, ord: bool = True) -> Tekst:
    """5.31 -> '5,3 prosent' (or '5,3 %' with ord=False)."""
    return _med_opphav(x, f"{str.__str__(tall(x, desimaler))}{NBSP}{'prosent' if ord else '%'}", desimaler)


def liste(deler: Iterable) -> Tekst:
    """['a', 'b', 'c'] -> 'a, b og c' (no Oxford comma in Norwegian)."""
    deler = [str(d) for d in deler]
    if len(deler) <= 1:
        return Tekst("".join(deler))
    return Tekst(", ".join(deler[:-1]) + " og " + deler[-1])


def aar_liste(aar: Iterable[int]) -> Tekst:
    """Years as a readable list, runs collapsed: [2011, 2012, 2013, 2015] -> '2011–2013 og 2015'."""
    years = sorted({int(a) for a in aar})
    runs: list[str] = []
    i = 0
    while i < len(years):
        j = i
        while j + 1 < len(years) and years[j + 1] == years[j] + 1:
            j += 1
        if j - i >= 2:
            runs.append(f"{years[i]}{EN_DASH}{years[j]}")
        else:
            runs.extend(str(y) for y in years[i : j + 1])
        i = j + 1
    return Struktur(liste(runs))


def periode(fra: int, til: int) -> Tekst:
    """A span of years with an en dash: 2016–2019."""
    return Struktur(f"{int(fra)}{EN_DASH}{int(til)}")


def kvartal(aar: int, nummer: int) -> Tekst:
    """'1. kvartal 2025', never broken between the number and the word."""
    if not 1 <= int(nummer) <= 4:
        raise ValueError(f"kvartal {nummer} finnes ikke")
    return Struktur(f"{int(nummer)}.{NBSP}kvartal {int(aar)}")


def dato(d) -> Tekst:
    """A date (datetime.date or ISO string) as '30. november 2026'."""
    from datetime import date

    d = date.fromisoformat(str(d)[:10]) if not isinstance(d, date) else d
    return Struktur(f"{d.day}.{NBSP}{MAANEDER[d.month - 1]} {d.year}")


def stor_forbokstav(tekst: str) -> Tekst:
    """'viken og …' -> 'Viken og …' without lowercasing the rest, as str.capitalize would
    ('fylkene Viken' must keep its capital V)."""
    return Tekst(tekst[:1].upper() + tekst[1:])


# A caption says plainly what its figure shows. That the figure is not about the movers
# themselves is said once in the chapter's text, not again in every caption; a caption that
# opens «Ikke …, men …» is refused by the tests (IKKE_MEN finds it).
IKKE_MEN = re.compile(r"^Ikke [^,.:]+, men \S")


def ikke_men(ikke: str, men: str) -> Tekst:
    """A stand-in figure's caption: only what it shows (`men`), opening with a capital.
    What it does not show (`ikke`) belongs in the chapter's text, said once there; the
    argument stays so that callers name it where they write the caption."""
    del ikke
    return stor_forbokstav(men)


def retning(fra, til, opp: str = "økte", ned: str = "falt", lik: str = "var uendret") -> Tekst:
    """The word for a change from `fra` to `til`, compared as they are written (rounded
    to whole units), so the word never contradicts the numbers beside it."""
    a, b = avrund(fra), avrund(til)
    return Tekst(opp if b > a else ned if b < a else lik)


_DATO_ELLER_KVARTAL = re.compile(r"\b(\d{1,2}\.) (" + "|".join(MAANEDER) + r"|kvartal)\b")
_SIFFERGRUPPE = re.compile(r"(?<![\d,.])(\d{1,3}) (?=\d{3}(?!\d))")


def typografi(tekst: str) -> Tekst:
    """Norwegian typography on text from elsewhere (page titles, descriptions): en dash
    in number ranges, and no line break inside «4 452», «1. januar» or «3. kvartal»."""
    tekst = re.sub(r"(?<=\d)-(?=\d)", EN_DASH, str(tekst))
    tekst = _DATO_ELLER_KVARTAL.sub(lambda m: f"{m.group(1)}{NBSP}{m.group(2)}", tekst)
    while _SIFFERGRUPPE.search(tekst):
        tekst = _SIFFERGRUPPE.sub(lambda m: f"{m.group(1)}{NBSP}", tekst)
    return Tekst(tekst)
