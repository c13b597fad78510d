"""Text that keeps its numbers: `Tekst` (a str shown as itself by {eval}), `Tall` (a
statistic with its lineage), `Struktur` (a year or a count, no statistic), and how a
sentence finds the numbers its cell made, so each opens to its explanation in the book.
The formatters that make them live in helpers.prose.norsk."""

from __future__ import annotations

import sys
from typing import Any

NBSP = "\u00a0"
MINUS = "\u2212"
EN_DASH = "\u2013"

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
            # A year at either end of a range («2016–2019») is part of the range, not marked alone.
            if isinstance(t, Struktur) and (before == "–" or after[:1] == "–"):
                fri = False
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


class _Husket(Tekst):
    """A number as text that a sentence can find: remembered when made and when written
    into other text (an f-string calls __str__)."""

    _setning = False

    def __new__(cls, *args, **kwargs):
        obj = super().__new__(cls, *args, **kwargs)
        _husk(obj)
        return obj

    def __str__(self) -> str:
        _husk(self)
        return str.__str__(self)


class Struktur(_Husket):
    """A structural number (a year, a span of years, a count of chapters): no statistic,
    so no lineage and no explanation in the book."""


class Tall(_Husket):
    """A statistic as written in a sentence, with its lineage (`opphav`, from
    helpers.analysis.opphav). It shows as its text everywhere; the book also gets its
    explanation as MIME data (`MIME_TALL`), which helpers.site.tallpanel makes a control
    that opens it, and `forklar(...)` shows the same in JupyterLab."""

    opphav: Any  # helpers.analysis.opphav.Opphav
    desimaler: int

    def __new__(cls, tekst: str, opphav, desimaler: int = 0):
        obj = super().__new__(cls, tekst)
        obj.opphav = opphav
        obj.desimaler = desimaler
        return obj

    def __reduce__(self):
        return (Tall, (str.__str__(self), self.opphav, self.desimaler))

    def _repr_mimebundle_(self, include=None, exclude=None):
        from helpers.prose.forklaring import beskrivelse

        return {"text/plain": str.__str__(self), MIME_TALL: beskrivelse(self)}
