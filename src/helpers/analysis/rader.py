"""Values read from a loaded dataset's rows, each with its lineage (helpers.analysis.opphav):
`Serie` (a pandas Series whose values know their rows), `fra_rader` and the helpers chapters
use through `facts` (`kolonne`, `en_verdi`, `samle`)."""

from __future__ import annotations

import math
from dataclasses import replace

import pandas as pd

from helpers.analysis.opphav import Opphav, Rad, Steg, Verdi


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
