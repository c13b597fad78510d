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

import math
from dataclasses import dataclass, replace

import pandas as pd


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


def _perioder(index) -> str:
    aar = sorted(index)
    if not aar:
        return ""
    try:
        aar = [int(a) for a in aar]
    except (TypeError, ValueError):
        return ", ".join(str(a) for a in aar)
    if aar == list(range(aar[0], aar[-1] + 1)) and len(aar) > 2:
        return f"{aar[0]}\u2013{aar[-1]}"
    return ", ".join(str(a) for a in aar)


class Serie(pd.Series):
    """A pandas Series whose values know their rows: `serie[2020]` is a `Verdi`.

    The lineage is kept per index label in `_opphav`; a value is given its lineage only when
    it still equals the value the lineage was made for, so a series computed from this one
    (which pandas hands the same attribute) never passes on lineage that is not its own.
    `min`, `max` and `mean` say what they did («høyest av 3 år, 2016–2018»).
    """

    _metadata = ["_name", "_opphav", "_navn"]

    @property
    def _constructor(self):
        return Serie

    @classmethod
    def av(cls, verdier: dict, navn: str = "") -> Serie:
        """A Serie from label -> value (`Verdi` keeps its lineage)."""
        s = cls({k: float(v) for k, v in verdier.items()}, dtype=float)
        s._opphav = {k: v.opphav for k, v in verdier.items() if isinstance(v, Verdi)}
        s._navn = navn
        return s

    def _lineage(self) -> dict:
        return getattr(self, "_opphav", None) or {}

    def __getitem__(self, key):
        value = super().__getitem__(key)
        return self._med_opphav(key, value) if _hashable(key) else value

    def _med_opphav(self, key, value):
        opphav = self._lineage().get(key)
        if (
            opphav is not None
            and isinstance(value, (float, int))
            and not isinstance(value, bool)
            and _same(value, opphav)
        ):
            return Verdi(float(value), opphav)
        return value

    def __iter__(self):
        for key, value in zip(self.index, super().__iter__(), strict=True):
            yield self._med_opphav(key, value)

    def items(self):
        for key, value in zip(self.index, super().__iter__(), strict=True):
            yield key, self._med_opphav(key, value)

    def _samlet(self, resultat: float, ord_: str) -> float:
        lineage = self._lineage()
        keys = [k for k in self.dropna().index]
        if not keys or any(
            k not in lineage or not _same(super(Serie, self).__getitem__(k), lineage[k]) for k in keys
        ):
            return float(resultat)
        first, *rest = (lineage[k] for k in keys)
        tall = tuple(float(super(Serie, self).__getitem__(k)) for k in keys)
        if len(tall) <= 12:
            plass = ", ".join(f"{{{i}}}" for i in range(len(tall)))
            steg = Steg(
                f"{ord_} av {len(keys)} verdier ({_perioder(keys)}): {plass} → {{{len(tall)}}}",
                (*tall, float(resultat)),
            )
        else:  # the values are the rows below; the step says what was done with them
            steg = Steg(f"{ord_} av de {len(keys)} verdiene i tabellen under = {{0}}", (float(resultat),))
        from helpers.vocab import SERIES_LABELS

        navn = getattr(self, "_navn", "") or ""
        navn = SERIES_LABELS.get(navn, navn)
        hva = f"{navn}: {ord_} av {len(keys)} verdier ({_perioder(keys)})" if navn else ""
        return Verdi(float(resultat), replace(first.med(*rest, steg=steg), hva=hva))

    def min(self, *args, **kwargs):
        return self._samlet(super().min(*args, **kwargs), "lavest")

    def max(self, *args, **kwargs):
        return self._samlet(super().max(*args, **kwargs), "høyest")

    def mean(self, *args, **kwargs):
        return self._samlet(super().mean(*args, **kwargs), "snittet")

    def sum(self, *args, **kwargs):
        return self._samlet(super().sum(*args, **kwargs), "summen")


def _hashable(key) -> bool:
    try:
        hash(key)
    except TypeError:
        return False
    return True


def _same(value, opphav: Opphav) -> bool:
    if not opphav.steg:
        ventet = opphav.rader[0].verdi if len(opphav.rader) == 1 else None
    else:
        ventet = opphav.steg[-1].tall[-1]
    return ventet is not None and math.isclose(float(value), float(ventet), rel_tol=1e-12, abs_tol=1e-9)


def _utgiver(row) -> str:
    utgiver = str(row.get("utgiver", "") or "")
    kilde = str(row.get("kilde", "") or "")
    if utgiver or not kilde.startswith(("https://", "http://")):
        return utgiver
    from helpers.catalog.sources.valg import publisher

    try:
        return publisher(kilde)[1]
    except (KeyError, ValueError):
        return ""


def fra_rader(
    rows: pd.DataFrame, datasett: str = "", navn: str = "", nokkel: str = "aar", sorter: bool = False
) -> Serie:
    """`nokkel` -> value from tidy rows (columns verdi and `nokkel`; aar, kilde, utgiver,
    region, serie, serie_navn, enhet where the dataset has them), each value with its row."""
    verdier = {}
    for _, row in (rows.sort_values(nokkel, kind="stable") if sorter else rows).iterrows():
        if pd.isna(row["verdi"]):
            continue
        key = int(row[nokkel]) if nokkel == "aar" else row[nokkel]
        aar = row.get("aar", "")
        periode = str(int(aar)) if pd.notna(aar) and str(aar).strip() != "" else ""
        if "periode" in row and str(row["periode"]) not in ("", "år", "nan"):
            periode = f"{periode} {row['periode']}".strip()
        region = str(row.get("region", "") or "")
        if nokkel not in ("aar", "_n") and not region:
            region = str(key)
        serie = str(row.get("serie_navn", "") or navn or row.get("serie", "") or "")
        if nokkel not in ("aar", "_n") and region != str(key):
            serie = f"{serie}, {nokkel} {key}"  # the key tells the rows apart
        rad = Rad(
            datasett=datasett,
            region=region,
            serie=serie,
            periode=periode,
            verdi=float(row["verdi"]),
            kilde=str(row.get("kilde", "") or ""),
            utgiver=_utgiver(row),
            enhet=str(row.get("enhet", "") or ""),
        )
        hva = ", ".join(x for x in (rad.serie, rad.region, rad.periode) if x)
        verdier[key] = Verdi(float(row["verdi"]), Opphav((rad,), (), hva))
    s = Serie.av(verdier, navn=navn)
    s.index = s.index.rename(nokkel)
    s.name = "verdi"  # as rows.set_index(nokkel)["verdi"] names it
    return s


def navngitt(x, values: pd.Series, hva: str):
    """`x` told what it is, with the series' label in front, when it carries lineage."""
    if not isinstance(x, Verdi):
        return x
    from helpers.vocab import SERIES_LABELS

    navn = getattr(values, "_navn", "") or ""
    navn = SERIES_LABELS.get(navn, navn)
    return x.som(f"{navn}: {hva[0].lower()}{hva[1:]}" if navn else hva)


def kolonne(rows: pd.DataFrame, nokkel: str = "aar", navn: str = "") -> pd.Series:
    """`nokkel` (a year, a county, a group) -> value of tidy rows, one row per key; each
    value knows its row, as from `facts.serie` (`rows.set_index(nokkel)["verdi"]`, with
    lineage). `navn` says what the values are when the rows lack a series label."""
    if rows[nokkel].duplicated().any():
        raise ValueError(f"flere rader med samme {nokkel}: velg rader før kolonne()")
    return fra_rader(rows, datasett=rows.attrs.get("datasett", ""), navn=navn, nokkel=nokkel)


def en_verdi(rows: pd.DataFrame, navn: str = ""):
    """The value of the one row `rows` holds, with its row (`rows["verdi"].iloc[0]`, which
    refuses to pick one of several)."""
    if len(rows) != 1:
        raise ValueError(f"ventet én rad, fant {len(rows)}")
    return fra_rader(rows.assign(_n=0), datasett=rows.attrs.get("datasett", ""), navn=navn, nokkel="_n")[0]


def samle(verdier: dict) -> pd.Series:
    """A Series of computed values (label -> value) that keeps each value's lineage, so its
    `min`, `max` and `mean` say which values they came from (`pd.Series(verdier)` forgets)."""
    return Serie.av(verdier)


__all__ = [
    "Opphav",
    "Rad",
    "Serie",
    "Steg",
    "Verdi",
    "en_verdi",
    "kolonne",
    "navngitt",
    "samle",
    "forhold",
    "fra_rader",
    "middel",
    "opphav_av",
    "prosentendring",
    "verdi_fra",
]
