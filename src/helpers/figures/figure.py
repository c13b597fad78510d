"""A figure as data: chart, words, credits and numbers, travelling as one MIME bundle.

A `Figur` is a Vega-Lite chart plus everything a complete figure needs around it: a
title, a one-sentence description for screen readers, the note, the source line and
licence, the plotted numbers as a table and as CSV, and static images. Like Altair's
charts it reaches its reader as MIME data (`_repr_mimebundle_`):

- `application/vnd.oslo-figur+json` (MIME_TYPE): everything above; the book's Sphinx side
  (helpers.site.vega) renders it into the page and writes the download files.
- `application/vnd.vega.v5+json` and `image/svg+xml`: the chart with its title, note and
  source drawn in, compiled to Vega when the chapter runs, so JupyterLab (or any notebook
  viewer) draws the figure the page draws, with the book's gaps for missing values, and
  not what its own, older Vega-Lite makes of the spec.

The page gets the chart compiled too (`data()["vega"]`): the reader's browser runs Vega
only, never Vega-Lite's compiler.
"""

from __future__ import annotations

import hashlib
import json
import re
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

import pandas as pd

from helpers.figures import theme
from helpers.figures.layout import LAYOUT, NARROW_WIDTH, page_spec, standalone_spec, static_spec
from helpers.figures.render import FIGUR_VERSJON, MIME_TYPE, compile_vega, draw, vl_version
from helpers.figures.tabell import grid
from helpers.prose.kildelinje import Kilde

if TYPE_CHECKING:
    import altair as alt


def slug(text: str) -> str:
    return re.sub(r"[^a-z0-9]+", "-", text.lower().translate(str.maketrans("æøå", "eoa"))).strip("-")


VEGA_MIME = "application/vnd.vega.v5+json"


def endringer(lys, mork, sti=()) -> list | None:
    """What changes from the light Vega spec to the dark one, as [path, value] pairs
    (a path is a list of keys and indexes), or None when the two differ in shape. The
    page keeps one compiled spec and applies these when the reader turns on dark mode."""
    if isinstance(lys, dict) and isinstance(mork, dict):
        out = []
        for key in mork:
            if key not in lys:
                out.append([[*sti, key], mork[key]])
                continue
            inner = endringer(lys[key], mork[key], (*sti, key))
            if inner is None:
                return None
            out += inner
        return None if set(lys) - set(mork) else out
    if isinstance(lys, list) and isinstance(mork, list):
        if len(lys) != len(mork):
            return None
        out = []
        for i, (a, b) in enumerate(zip(lys, mork, strict=True)):
            inner = endringer(a, b, (*sti, i))
            if inner is None:
                return None
            out += inner
        return out
    return [] if lys == mork else [[list(sti), mork]]


@dataclass
class Figur:
    chart: alt.TopLevelMixin  # an Altair chart (from the functions in helpers.figures.charts)
    beskrivelse: str
    kilder: list[Kilde]
    tabell: pd.DataFrame  # exactly what is plotted, with Norwegian column names
    merknad: str = ""
    navn: str = ""
    tittel: str = ""  # what the figure shows, in words; the chart's own title when empty
    _spec: dict | None = field(default=None, init=False, repr=False)
    _etikett: str = field(default="", init=False, repr=False)

    def spec(self) -> dict:
        """The chart as the page draws it: theme, Norwegian locale, the dark variant."""
        if self._spec is None:
            spec = self.chart.to_dict()
            # The chart's own title (a stand-in label) is set as text around the chart,
            # where it wraps; drawn by Vega it would be cut off on a phone.
            title = spec.pop("title", "")
            self._etikett = (
                " ".join(title)
                if isinstance(title, list)
                else str(title.get("text", "") if isinstance(title, dict) else title)
            )
            spec["description"] = self.beskrivelse
            spec["config"] = {**theme.config(), **spec.get("config", {})}
            # The dark variant rides along so the page can redraw when the reader toggles mode.
            dark = theme.config(dark=True)
            dark.pop("locale")
            meta = spec.get("usermeta", {}).get("oslo", {})
            spec["usermeta"] = {"oslo": {**meta, "dark": dark, "layout": LAYOUT, "versjon": FIGUR_VERSJON}}
            spec.pop("$schema", None)
            spec["$schema"] = f"https://vega.github.io/schema/vega-lite/v{vl_version()}.json"
            self._spec = spec
        return self._spec

    @property
    def etikett(self) -> str:
        """The chart's own title, e.g. a stand-in label («Ikke utflytterne, men …»)."""
        self.spec()
        return self._etikett

    @property
    def overskrift(self) -> str:
        return self.tittel or self.etikett

    @property
    def filnavn(self) -> str:
        """The download files' name: the figure's name, readable, without a hash."""
        return slug(self.navn) or slug(self.overskrift)[:60] or "figur"

    @property
    def ident(self) -> str:
        """Element id in the page: the name plus the content's hash."""
        digest = hashlib.sha1(
            json.dumps(self.spec(), sort_keys=True, ensure_ascii=False).encode()
        ).hexdigest()
        return f"figur-{self.filnavn}-{digest[:10]}"

    @property
    def enhet(self) -> str:
        return self.spec()["usermeta"]["oslo"].get("enhet", "")

    def kildetekst(self) -> str:
        from helpers.prose.kildelinje import kildelinje

        return kildelinje(self.kilder)

    def lisens(self) -> str:
        """SSB publishes under CC BY 4.0; other publishers' terms are theirs to state,
        so the figure claims the licence only for what comes from SSB."""
        lisenser = {k.lisens for k in self.kilder}
        if len(lisenser) == 1 and "" not in lisenser:
            return f"Lisens: {lisenser.pop()}."
        apne = [k for k in self.kilder if k.lisens]
        if apne:
            navn = " og ".join(k.tekst for k in apne)
            return (
                f"Lisens: {apne[0].lisens} for tallene fra {navn}; for de andre kildene gjelder deres vilkår."
            )
        return "Bruksvilkår: se kilden."

    def csv(self) -> str:
        """The plotted numbers as CSV (UTF-8, comma-separated, decimal point, empty =
        missing), with the unit and the source on every row so the file stands alone.
        Whole-number columns are written without ".0" even when a gap made pandas store
        them as floats."""
        frame = self.tabell.copy()
        for col in frame.columns:
            values = frame[col]
            if pd.api.types.is_float_dtype(values) and (values.dropna() % 1 == 0).all():
                frame[col] = values.astype("Int64")
        if self.enhet and "Enhet" not in frame.columns:
            frame["Enhet"] = self.enhet
        frame["Kilde"] = "; ".join(f"{k.tekst} ({k.url})" for k in self.kilder)
        return frame.to_csv(index=False, lineterminator="\n")

    def nedlastingsspec(self) -> dict:
        """The chart with its title, label, note, source and licence drawn in."""
        lines = [self.etikett if self.tittel else "", self.merknad, f"{self.kildetekst()} {self.lisens()}"]
        return standalone_spec(self.spec(), tittel=self.overskrift or self.beskrivelse, undertekst=lines)

    def vega(self) -> dict:
        """The chart compiled to Vega for the page, with what the page's render script needs
        in usermeta.oslo: the layout numbers, the columns of small multiples, and the
        changes for dark mode (or the whole dark spec when they differ in shape)."""
        spec = self.spec()
        light = compile_vega(page_spec(spec))
        dark = compile_vega(page_spec(spec, dark=True))
        changes = endringer(light, dark)
        meta = {
            "layout": LAYOUT,
            "versjon": FIGUR_VERSJON,
            "kolonner": int(spec.get("columns") or 1) if "facet" in spec else 0,
        }
        if changes is None:
            meta["mork_spec"] = dark
        else:
            meta["mork"] = changes
        light.pop("$schema", None)
        light["usermeta"] = {"oslo": meta}
        return light

    def data(self) -> dict:
        """Everything the page needs, as JSON."""
        download = self.nedlastingsspec()
        return {
            "versjon": FIGUR_VERSJON,
            "ident": self.ident,
            "navn": self.filnavn,
            "tittel": self.overskrift,
            "etikett": self.etikett if self.tittel else "",
            "beskrivelse": self.beskrivelse,
            "merknad": self.merknad,
            "kilder": [
                {"tekst": k.tekst, "url": k.url, "lisens": k.lisens, "svak": k.svak} for k in self.kilder
            ],
            # The address of every row the credit was made from (empty for a hand-made credit).
            "radkilder": list(getattr(self.kilder, "adresser", [])),
            "lisens": self.lisens(),
            "spec": self.spec(),
            "vega": self.vega(),
            "svg": draw(static_spec(self.spec()), "svg").decode(),
            "svg_mork": draw(static_spec(self.spec(), dark=True), "svg").decode(),
            "svg_smal": draw(static_spec(self.spec(), NARROW_WIDTH), "svg").decode(),
            "svg_smal_mork": draw(static_spec(self.spec(), NARROW_WIDTH, dark=True), "svg").decode(),
            "nedlasting": {"spec": download, "svg": draw(download, "svg").decode(), "csv": self.csv()},
            "tabell": grid(self.tabell),
        }

    def _repr_mimebundle_(self, include=None, exclude=None):
        data = self.data()
        # Compiled here, by the Vega-Lite the book uses: JupyterLab draws it with its own
        # Vega 5, and its older Vega-Lite (5.6, which would draw a missing value as a point
        # at the top of the axis) never sees the figure.
        notebook = compile_vega(data["nedlasting"]["spec"])
        # vl-convert labels its output Vega 6; JupyterLab's Vega 5 draws it, but would warn
        # about a newer version named in $schema.
        notebook.pop("$schema", None)
        return {
            MIME_TYPE: data,
            VEGA_MIME: notebook,
            "image/svg+xml": data["nedlasting"]["svg"],
            "text/plain": f"Figur: {self.overskrift or self.beskrivelse}",
        }
