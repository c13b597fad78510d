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
import sys
from collections.abc import Iterable
from decimal import ROUND_HALF_UP, Decimal
from typing import Any

NBSP = "\u00a0"
MINUS = "\u2212"
EN_DASH = "\u2013"

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


MIME_TALL = "application/vnd.oslo-tall+json"
MIME_SETNING = "application/vnd.oslo-setning+json"

# Statistics (`Tall`) made or written into other text lately, newest last. A sentence built
# from them (an f-string, `liste`, `+`) is a plain str in between; when it becomes a
# `Tekst`, it finds the numbers it holds here, so each keeps its lineage in the sentence
# (`Tekst.deler`). Emptied before each cell a kernel runs, so a sentence only finds
# numbers its own cell made or wrote.
_NYLIG: list = []
_MAKS_NYLIG = 200


def _husk(t) -> None:
    if not str.__str__(t).strip():
        return  # an empty text holds no number and would match everywhere
    _NYLIG.append(t)
    if len(_NYLIG) > _MAKS_NYLIG:
        del _NYLIG[:-_MAKS_NYLIG]


def glem_nylige(*_args) -> None:
    """Forget the numbers made so far (the kernel calls it before each cell)."""
    _NYLIG.clear()


def _finn_deler(tekst: str) -> tuple:
    """(start, end, Tall) for each number of `_NYLIG` that `tekst` holds, newest first;
    a number counts only where it stands alone (no digit or decimal comma beside it)."""
    funnet: list[tuple[int, int, object]] = []
    for t in reversed(_NYLIG):
        ord_ = str.__str__(t)
        start = tekst.find(ord_)
        while start != -1:
            end = start + len(ord_)
            before = tekst[start - 1] if start else ""
            after = tekst[end : end + 2]
            fri = (
                not before.isdigit()
                and before not in (",", NBSP, MINUS)
                and not (after[:1].isdigit() or (after[:1] in (",", NBSP) and after[1:2].isdigit()))
            )
            if fri and all(end <= a or start >= b for a, b, _ in funnet):
                funnet.append((start, end, t))
            start = tekst.find(ord_, end)
    return tuple(sorted(funnet, key=lambda d: d[0]))


class Tekst(str):
    """Text for a sentence: shown as itself by {eval}, never as a quoted repr.

    A sentence that holds statistics (`Tall`) keeps them in `deler`, so the book can make
    each number in it open to its explanation (MIME data `MIME_SETNING`)."""

    _setning = True
    deler: tuple = ()

    def __new__(cls, *args, **kwargs):
        obj = super().__new__(cls, *args, **kwargs)
        if cls._setning and _NYLIG:
            obj.deler = _finn_deler(str.__str__(obj))
        return obj

    def __repr__(self) -> str:
        return str.__str__(self)

    def __str__(self) -> str:
        for *_, t in self.deler:
            _husk(t)
        return str.__str__(self)

    def __format__(self, spec: str) -> str:
        self.__str__()
        return str.__format__(self, spec)

    def _repr_pretty_(self, p, cycle) -> None:
        p.text(str.__str__(self))

    def _repr_mimebundle_(self, include=None, exclude=None):
        if not self.deler or hasattr(self, "_repr_markdown_"):
            return None
        from helpers.prose.forklaring import beskrivelse

        tekst = str.__str__(self)
        deler, at = [], 0
        for start, end, t in self.deler:
            if start > at:
                deler.append({"tekst": tekst[at:start]})
            deler.append(
                {"tall": beskrivelse(t)}
                if isinstance(t, Tall)
                else {"tekst": tekst[start:end], "struktur": True}
            )
            at = end
        if at < len(tekst):
            deler.append({"tekst": tekst[at:]})
        return {"text/plain": tekst, MIME_SETNING: {"deler": deler}}


def _i_kjernen() -> None:
    # Only a running kernel has IPython loaded already; importing it here would cost the
    # book's build process (which uses the formatters too) a third of a second.
    ipython = sys.modules.get("IPython")
    ip = ipython.get_ipython() if ipython is not None else None
    if ip is not None and glem_nylige not in ip.events.callbacks.get("pre_run_cell", []):
        ip.events.register("pre_run_cell", glem_nylige)


_i_kjernen()


class Struktur(Tekst):
    """A structural number (a year, a span of years, a count of chapters): no statistic,
    so no lineage and no explanation in the book."""

    _setning = False

    def __new__(cls, *args, **kwargs):
        obj = super().__new__(cls, *args, **kwargs)
        _husk(obj)
        return obj

    def __str__(self) -> str:
        _husk(self)
        return str.__str__(self)


class Tall(Tekst):
    """A statistic as written in a sentence, with its lineage (`opphav`, from
    helpers.analysis.opphav). It shows as its text everywhere; the book also gets its
    explanation as MIME data (`MIME_TALL`), which helpers.site.tallpanel makes a control
    that opens it, and `forklar(...)` shows the same in JupyterLab."""

    _setning = False
    opphav: Any  # helpers.analysis.opphav.Opphav
    desimaler: int

    def __new__(cls, tekst: str, opphav, desimaler: int = 0):
        obj = super().__new__(cls, tekst)
        obj.opphav = opphav
        obj.desimaler = desimaler
        _husk(obj)
        return obj

    def __str__(self) -> str:
        _husk(self)
        return str.__str__(self)

    def __reduce__(self):
        return (Tall, (str.__str__(self), self.opphav, self.desimaler))

    def _repr_mimebundle_(self, include=None, exclude=None):
        from helpers.prose.forklaring import beskrivelse

        return {"text/plain": str.__str__(self), MIME_TALL: beskrivelse(self)}


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
