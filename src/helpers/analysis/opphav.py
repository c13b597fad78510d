"""Numbers that know their origin: a value, the data rows it was computed from, and the
arithmetic in steps.

`Verdi` is a float that carries an `Opphav`. A value read from a loaded dataset (through
`Serie`, which `facts.serie` returns) carries its one row: dataset, region, series, year,
value, the row's source address and publisher. Arithmetic on `Verdi`s keeps the rows of
both sides and adds a step («36 076 − 32 150 = 3 926»), so a value computed in a chapter
or an analysis function knows what it came from without anyone typing it. The named
operations (`forhold`, `prosentendring`, `Serie.min` …) write the step a reader would write.

A step keeps its numbers as numbers (`Steg.mal` with {0}, {1} …): the Norwegian formatting
is the prose layer's (`helpers.prose.forklaring`). A plain float (a year, a count of
chapters) has no lineage, and the formatters make plain text of it.
"""

from __future__ import annotations

from dataclasses import dataclass, replace


@dataclass(frozen=True)
class Rad:
    """One published value: what it is, where it is from."""

    datasett: str
    region: str
    serie: str
    periode: str
    verdi: float
    kilde: str = ""
    utgiver: str = ""
    enhet: str = ""


@dataclass(frozen=True)
class Steg:
    """One step of arithmetic: `mal` with {0}, {1} … for `tall` (formatted by prose)."""

    mal: str
    tall: tuple[float, ...]


@dataclass(frozen=True)
class Opphav:
    rader: tuple[Rad, ...]
    steg: tuple[Steg, ...] = ()
    hva: str = ""

    def med(self, *andre: Opphav, steg: Steg | None = None) -> Opphav:
        rader = list(self.rader)
        alle_steg = list(self.steg)
        for o in andre:
            rader.extend(r for r in o.rader if r not in rader)
            alle_steg.extend(s for s in o.steg if s not in alle_steg)
        if steg is not None:
            alle_steg.append(steg)
        return Opphav(tuple(rader), tuple(alle_steg))


def opphav_av(x) -> Opphav | None:
    return getattr(x, "opphav", None)


class Verdi(float):
    """A float with its lineage (`opphav`). Arithmetic keeps it."""

    opphav: Opphav

    def __new__(cls, verdi, opphav: Opphav):
        obj = super().__new__(cls, verdi)
        obj.opphav = opphav
        return obj

    def __reduce__(self):
        return (Verdi, (float(self), self.opphav))

    def som(self, hva: str) -> Verdi:
        """The same value, told what it is («Utflytting til resten av Norge, Oslo, 2020»)."""
        return Verdi(float(self), replace(self.opphav, hva=hva))

    def _op(self, other, tegn: str, resultat: float, speilet: bool = False) -> Verdi:
        a, b = (other, self) if speilet else (self, other)
        andre = [o for o in (opphav_av(a), opphav_av(b)) if o is not None and o is not self.opphav]
        steg = Steg(f"{{0}} {tegn} {{1}} = {{2}}", (float(a), float(b), float(resultat)))
        return Verdi(resultat, self.opphav.med(*andre, steg=steg))

    def __add__(self, other):
        if not isinstance(other, (int, float)):
            return NotImplemented
        return self._op(other, "+", float(self) + float(other))

    def __radd__(self, other):
        if not isinstance(other, (int, float)):
            return NotImplemented
        return self._op(other, "+", float(other) + float(self), speilet=True)

    def __sub__(self, other):
        if not isinstance(other, (int, float)):
            return NotImplemented
        return self._op(other, "−", float(self) - float(other))

    def __rsub__(self, other):
        if not isinstance(other, (int, float)):
            return NotImplemented
        return self._op(other, "−", float(other) - float(self), speilet=True)

    def __mul__(self, other):
        if not isinstance(other, (int, float)):
            return NotImplemented
        return self._op(other, "×", float(self) * float(other))

    def __rmul__(self, other):
        if not isinstance(other, (int, float)):
            return NotImplemented
        return self._op(other, "×", float(other) * float(self), speilet=True)

    def __truediv__(self, other):
        if not isinstance(other, (int, float)):
            return NotImplemented
        return self._op(other, "/", float(self) / float(other))

    def __rtruediv__(self, other):
        if not isinstance(other, (int, float)):
            return NotImplemented
        return self._op(other, "/", float(other) / float(self), speilet=True)

    def __neg__(self):
        return Verdi(-float(self), self.opphav.med(steg=Steg("−({0}) = {1}", (float(self), -float(self)))))

    def __abs__(self):
        if float(self) >= 0:
            return self
        return Verdi(
            abs(float(self)),
            self.opphav.med(steg=Steg("tallverdien av {0} er {1}", (float(self), abs(float(self))))),
        )


def verdi_fra(x, steg: Steg, *kilder) -> float:
    """`x` with the rows of every `kilder` value and `steg` as its last step (a plain float
    when none of them has lineage)."""
    opphav = [o for o in (opphav_av(k) for k in kilder) if o is not None]
    if not opphav:
        return float(x)
    return Verdi(float(x), opphav[0].med(*opphav[1:], steg=steg))


def forhold(del_, helhet, faktor: float = 1000) -> float:
    """`del_` per `faktor` of `helhet` («36 076 / 695 103 × 1 000 = 51,9»)."""
    resultat = float(del_) / float(helhet) * faktor
    return verdi_fra(
        resultat, Steg("{0} / {1} × {2} = {3}", (float(del_), float(helhet), faktor, resultat)), del_, helhet
    )


def prosentendring(fra, til) -> float:
    """Change from `fra` to `til` in percent of `fra` («(36 076 − 32 150) / 32 150 × 100 = 12,2»)."""
    resultat = (float(til) - float(fra)) / float(fra) * 100
    return verdi_fra(
        resultat, Steg("({1} − {0}) / {0} × 100 = {2}", (float(fra), float(til), resultat)), fra, til
    )


def middel(a, b) -> float:
    """The mean of two values («(a + b) / 2 = m»), as for a mean population."""
    resultat = (float(a) + float(b)) / 2
    return verdi_fra(resultat, Steg("({0} + {1}) / 2 = {2}", (float(a), float(b), resultat)), a, b)


__all__ = ["Opphav", "Rad", "Steg", "Verdi", "forhold", "middel", "opphav_av", "prosentendring", "verdi_fra"]
