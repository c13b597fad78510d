"""Figures: chapters say what to plot; this module decides how it looks and ships.

A `Figur` is a Vega-Lite chart plus everything a complete figure needs around it:
a one-sentence description (Vega puts it on the chart as aria-label), the source
line, the plotted numbers as a table and as CSV. In the book it renders as a
placeholder and the spec as inert JSON; `helpers.sphinx_vega` serves the Vega code
from the site itself and draws it, and at build time turns the embedded CSV into a
file and adds the static SVG/PNG (downloads, no-script and print fallback). No CDN
is ever referenced.

Sizes are decided here and in the page's render script, never in a chapter: single
charts take the width of the page (`width="container"`); small multiples get a cell
width computed from the page width and the `LAYOUT` numbers below.
"""

from __future__ import annotations

import hashlib
import html
import json
import re
import urllib.parse
from dataclasses import dataclass, field

import altair as alt
import pandas as pd

from helpers import theme
from helpers.prose.norsk import tall

VEGA_LITE_VERSION = alt.SCHEMA_VERSION.lstrip("v")  # the bundle served must match this

# Read by static/oslo-vega-render.js (through the spec's usermeta) and by static_spec():
# per facet column, room for the y axis ("akse") and the gap between columns ("mellom");
# below "smal" pixels the small multiples stack in one column.
LAYOUT = {"akse": 72, "mellom": 20, "smal": 560, "min": 160}
# The static images (downloads, print, no-script) are drawn at this width: about the
# width of the book's text column.
STATIC_WIDTH = 720
BAR_STEP = 20  # pixels per bar in stolper()

# Bumped when the HTML or spec a Figur writes changes shape. A chapter's output cached by
# Jupyter Book from an older helpers.charts would otherwise ship half a figure; the build
# (helpers.sphinx_vega) stops and says to clear the cache instead.
FIGUR_VERSJON = 2

FELT_TITLER = {"serie_navn": "Serie", "region": "By", "aar": "År", "verdi": "Verdi"}
AAR_KOLONNER = {"År", "år", "aar", "Aar"}


@dataclass(frozen=True)
class Kilde:
    tabell: str  # SSB table id, or a short name of the publication
    tekst: str
    url: str


def fra_ssb_url(url: str) -> bool:
    host = (urllib.parse.urlparse(url).hostname or "").lower()
    return host == "ssb.no" or host.endswith(".ssb.no")


def ssb_tabell(tabell: str, tekst: str | None = None) -> Kilde:
    return Kilde(tabell, tekst or f"SSB, tabell {tabell}", f"https://www.ssb.no/statbank/table/{tabell}")


def _script_safe_json(obj) -> str:
    # JSON inside <script> must not be able to close the tag or open a comment:
    # escaping <, > and & makes "</script><script>" in a label plain data.
    text = json.dumps(obj, ensure_ascii=False, separators=(",", ":"))
    return text.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026")


@dataclass
class Figur:
    chart: alt.TopLevelMixin
    beskrivelse: str
    kilder: list[Kilde]
    tabell: pd.DataFrame  # exactly what is plotted, with Norwegian column names
    merknad: str = ""
    navn: str = ""
    _spec: dict = field(default=None, init=False, repr=False)

    def spec(self) -> dict:
        if self._spec is None:
            spec = self.chart.to_dict()
            spec["description"] = self.beskrivelse
            spec["config"] = {**theme.config(), **spec.get("config", {})}
            # The dark variant rides along so the page can redraw when the reader toggles mode.
            dark = theme.config(dark=True)
            dark.pop("locale")
            spec["usermeta"] = {"oslo": {"dark": dark, "layout": LAYOUT, "versjon": FIGUR_VERSJON}}
            spec.pop("$schema", None)
            spec["$schema"] = f"https://vega.github.io/schema/vega-lite/v{VEGA_LITE_VERSION}.json"
            self._spec = spec
        return self._spec

    @property
    def ident(self) -> str:
        """Element id and file name: the chapter's name made safe, plus the content's hash."""
        digest = hashlib.sha1(
            json.dumps(self.spec(), sort_keys=True, ensure_ascii=False).encode()
        ).hexdigest()
        slug = re.sub(r"[^a-z0-9]+", "-", self.navn.lower()).strip("-") or "x"
        return f"figur-{slug}-{digest[:10]}"

    def csv(self) -> str:
        """The plotted numbers as CSV (UTF-8, comma-separated, decimal point, empty = missing).

        Whole-number columns are written without ".0" even when a gap made pandas store them
        as floats."""
        frame = self.tabell.copy()
        for col in frame.columns:
            values = frame[col]
            if pd.api.types.is_float_dtype(values) and (values.dropna() % 1 == 0).all():
                frame[col] = values.astype("Int64")
        return frame.to_csv(index=False, lineterminator="\n")

    def _table_html(self) -> str:
        head = "".join(f"<th scope='col'>{html.escape(str(c))}</th>" for c in self.tabell.columns)
        rows = []
        for _, row in self.tabell.iterrows():
            cells = []
            for column, value in row.items():
                if isinstance(value, float) and pd.isna(value):
                    cells.append("<td class='mangler'>mangler</td>")
                elif str(column) in AAR_KOLONNER and pd.notna(value):
                    cells.append(f"<td>{int(value)}</td>")  # a year, not a number: 2020, never 2 020
                elif isinstance(value, (int, float)) and not isinstance(value, bool):
                    cells.append(
                        f"<td class='tall'>{tall(value, 0 if float(value).is_integer() else 1)}</td>"
                    )
                else:
                    cells.append(f"<td>{html.escape(str(value))}</td>")
            rows.append("<tr>" + "".join(cells) + "</tr>")
        # A wide table scrolls inside its own frame, which keyboard users can then reach.
        return (
            f"<div class='oslo-tabell-ramme' tabindex='0' role='region' aria-label='Tallene i figuren'>"
            f"<table class='oslo-tabell'><thead><tr>{head}</tr></thead><tbody>{''.join(rows)}</tbody></table></div>"
        )

    def lisens(self) -> str:
        """SSB publishes under CC BY 4.0; other publishers' terms are theirs to state,
        so the figure claims the licence only for what comes from SSB."""
        fra_ssb = [k for k in self.kilder if fra_ssb_url(k.url)]
        if len(fra_ssb) == len(self.kilder):
            return "Lisens: CC BY 4.0."
        if fra_ssb:
            return "Lisens: CC BY 4.0 for SSBs tall; for de andre kildene gjelder deres vilkår."
        return "Bruksvilkår: se kilden."

    def html(self) -> str:
        ident = self.ident
        sources = "; ".join(f"<a href='{html.escape(k.url)}'>{html.escape(k.tekst)}</a>" for k in self.kilder)
        # A data URI keeps the figure whole in a notebook; the book build moves it to a file.
        csv_href = "data:text/csv;charset=utf-8," + urllib.parse.quote(self.csv())
        note = f"<p class='oslo-merknad'>{html.escape(self.merknad)}</p>" if self.merknad else ""
        return (
            f"<div class='oslo-figur' data-figur='{ident}'>"
            f"<div id='{ident}' class='vega-embed oslo-chart'></div>"
            f"<script type='application/json' class='oslo-vega-spec' data-target='{ident}'>{_script_safe_json(self.spec())}</script>"
            f"{note}"
            f"<p class='oslo-kilde'>Kilde: {sources}. {self.lisens()}</p>"
            f"<details class='oslo-data'><summary>Vis tallene i figuren</summary>{self._table_html()}</details>"
            f"<p class='oslo-nedlasting'>Last ned: "
            f"<a class='oslo-last-ned-csv' download='{ident}.csv' href='{csv_href}'>tallene (CSV)</a></p>"
            f"</div>"
        )

    def _repr_mimebundle_(self, include=None, exclude=None):
        return {
            "text/html": self.html(),
            "text/plain": f"Figur: {self.beskrivelse}",
        }


def _tooltip(title_by: str, verdi_tittel: str, fmt: str, facett: str | None = None) -> list:
    felt = [alt.Tooltip(f"{facett}:N", title=FELT_TITLER.get(facett, facett))] if facett else []
    return felt + [
        alt.Tooltip(f"{title_by}:N", title=FELT_TITLER.get(title_by, "Serie")),
        alt.Tooltip("aar:O", title="År"),
        alt.Tooltip("verdi:Q", title=verdi_tittel, format=fmt),
    ]


def _complete_grid(frame: pd.DataFrame, keys: list[str], years: range) -> pd.DataFrame:
    # Every (key, year) gets a row; a missing value becomes null, which Vega draws
    # as a break in the line, never as zero and never as a line across the gap.
    index = pd.MultiIndex.from_product(
        [*(sorted(frame[k].unique()) for k in keys), list(years)], names=[*keys, "aar"]
    )
    return frame.set_index([*keys, "aar"])[["verdi"]].reindex(index).reset_index()


def tidsserier(
    frame: pd.DataFrame,
    *,
    farge: str = "serie_navn",
    y_tittel: str = "Personer",
    format: str = ",d",
    fra: int | None = None,
    til: int | None = None,
    facett: str | None = None,
    kolonner: int = 2,
    hoyde: int = 260,
    null_i_akse: bool = True,
) -> tuple[alt.TopLevelMixin, pd.DataFrame]:
    """Lines with a point on every value; gaps stay gaps. Returns (chart, plotted data)."""
    fra = fra if fra is not None else int(frame["aar"].min())
    til = til if til is not None else int(frame["aar"].max())
    keys = [k for k in (facett, farge) if k]
    data = _complete_grid(frame, keys, range(fra, til + 1))
    # Known series and cities in the book's order, then any others in the order they come.
    known = list(theme.SERIES_COLOURS) + list(theme.CITY_COLOURS)
    values = [v for v in dict.fromkeys(data[farge]) if pd.notna(v)]
    present = [d for d in known if d in values] + [v for v in values if v not in known]
    colours = theme.farger(present)
    colour = alt.Color(
        f"{farge}:N",
        title=None,
        sort=present,
        scale=alt.Scale(domain=present, range=[colours[d] for d in present]),
    )
    x = alt.X(
        "aar:Q",
        title=None,
        scale=alt.Scale(domain=[fra, til], nice=False, padding=8),
        axis=alt.Axis(format="d", tickMinStep=1, labelOverlap=True),
    )
    y = alt.Y("verdi:Q", title=y_tittel, scale=alt.Scale(zero=null_i_akse), axis=alt.Axis(format=format))
    tooltip = _tooltip(farge, y_tittel, format, facett)
    base = alt.Chart(data)
    # A line's tooltip can only name its series: year and value would be those of the
    # line's first point wherever the pointer is. The points carry the numbers.
    line_tooltip = [t for t in tooltip if t.to_dict()["field"] not in ("aar", "verdi")]
    lines = base.mark_line(invalid="break-paths-show-domains").encode(
        x=x, y=y, color=colour, tooltip=line_tooltip
    )
    points = base.mark_point(invalid="break-paths-show-domains").encode(
        # Same field, sort and (empty) title as the colour: Vega-Lite merges the two into one
        # legend whose symbols have both the colour and the shape of the points.
        x=x,
        y=y,
        color=colour,
        shape=alt.Shape(f"{farge}:N", title=None, sort=present, scale=alt.Scale(domain=present)),
        tooltip=tooltip,
    )
    layer = alt.layer(lines, points)
    if facett:
        # The cell width here is for notebooks; the page's render script and static_spec()
        # replace it with one computed from the available width (LAYOUT).
        chart = (
            layer.properties(width=260, height=hoyde * 0.75)
            .facet(
                facet=alt.Facet(
                    f"{facett}:N", title=None, sort=[c for c in theme.CITY_COLOURS if c in set(data[facett])]
                ),
                columns=kolonner,
            )
            .resolve_scale(y="independent")
        )
    else:
        chart = layer.properties(width="container", height=hoyde)
    plotted = data.rename(columns={"aar": "År", "verdi": "Verdi", "serie_navn": "Serie", "region": "By"})
    return chart, plotted


def stolper(
    frame: pd.DataFrame,
    *,
    kategori: str,
    verdi: str = "verdi",
    farge: str | None = None,
    x_tittel: str = "Personer",
    format: str = ",d",
    sorter: list[str] | str | None = "-x",
    kategori_tittel: str | None = None,
) -> tuple[alt.TopLevelMixin, pd.DataFrame]:
    """Horizontal bars (long Norwegian labels read best on the y axis); optional
    grouping by `farge` (series or city, with their fixed colours). Missing values are
    left out of the bars and marked 'mangler' in the table, never drawn as zero."""
    data = frame[[c for c in (kategori, farge, verdi) if c]].copy()
    tooltip = [alt.Tooltip(f"{kategori}:N", title=kategori_tittel or "Kategori")]
    enc = {}
    if farge:
        present = [d for d in dict.fromkeys(data[farge]) if pd.notna(d)]
        colours = theme.farger(present)
        rng = [colours[d] for d in present]
        enc["color"] = alt.Color(
            f"{farge}:N", title=None, sort=present, scale=alt.Scale(domain=present, range=rng)
        )
        enc["yOffset"] = alt.YOffset(f"{farge}:N", sort=present)
        tooltip.append(alt.Tooltip(f"{farge}:N", title=FELT_TITLER.get(farge, "Serie")))
    else:
        enc["color"] = alt.value(theme.OKABE_ITO["blaa"])
    tooltip.append(alt.Tooltip(f"{verdi}:Q", title=x_tittel, format=format))
    # A fixed height (one step per bar) rather than Vega-Lite's step height: with a step
    # height and the page's width Vega-Lite warns on every draw.
    bars = data[kategori].nunique() * (data[farge].nunique() if farge else 1)
    chart = (
        # A category without a value keeps its place on the axis, with no bar: a visible gap.
        alt.Chart(data)
        .mark_bar(invalid="break-paths-show-domains")
        .encode(
            # The category title stands level above the labels: rotated beside long labels
            # Vega places it on top of them.
            y=alt.Y(
                f"{kategori}:N",
                title=kategori_tittel,
                sort=sorter,
                axis=alt.Axis(
                    labelLimit=260,
                    titleAngle=0,
                    titleAlign="right",
                    titleBaseline="bottom",
                    titleX=-4,
                    titleY=-6,
                ),
            ),
            x=alt.X(
                f"{verdi}:Q",
                title=x_tittel,
                axis=alt.Axis(format=format, labelFlush=False, labelOverlap=True),
            ),
            tooltip=tooltip,
            **enc,
        )
        .properties(width="container", height=BAR_STEP * bars + 4 * data[kategori].nunique())
    )
    plotted = data.rename(columns={verdi: "Verdi"})
    return chart, plotted


def static_spec(spec: dict, width: int = STATIC_WIDTH) -> dict:
    """The spec as drawn at build time into SVG/PNG: a fixed width instead of the page's,
    the light theme on white (a downloaded image should read anywhere)."""
    out = json.loads(json.dumps(spec))
    out["config"] = {**out.get("config", {}), "background": "white"}
    if "facet" in out and "spec" in out:
        columns = int(out.get("columns") or 1)
        out["spec"]["width"] = facet_cell_width(
            width, columns, out.get("usermeta", {}).get("oslo", {}).get("layout", LAYOUT)
        )
    elif out.get("width") == "container" or "width" not in out:
        # What Vega-Lite does for "container": the whole chart, axes included, fills the width.
        out["width"] = width
        out["autosize"] = {"type": "fit-x", "contains": "padding"}
    return out


def facet_cell_width(width: float, columns: int, layout: dict = LAYOUT) -> int:
    """Mirror of cellWidth() in static/oslo-vega-render.js."""
    return max(
        layout["min"], int((width - columns * layout["akse"] - (columns - 1) * layout["mellom"]) // columns)
    )


# --- chapters: time series against a reference band (chapter 8, "Kom de tilbake?")

# Series outside theme.SERIES_COLOURS (net migration, an index) take these, in order;
# the order avoids vermilion and orange, which readers know as the outflows.
_REFERANSE_EKSTRA = ["blaa", "blaagronn", "lilla", "himmelblaa", "vermilion", "oransje"]


def _fargekart(labels: list[str], farger: dict[str, str] | None) -> dict[str, str]:
    fixed = {**theme.SERIES_COLOURS, **theme.CITY_COLOURS, **(farger or {})}
    chosen: dict[str, str] = {}
    spare = [theme.OKABE_ITO[k] for k in _REFERANSE_EKSTRA]
    for label in labels:
        colour = fixed.get(label) or next((c for c in spare if c not in chosen.values()), spare[0])
        chosen[label] = colour
    return chosen


def tidsserier_med_referanse(
    frame: pd.DataFrame,
    *,
    referanse: pd.DataFrame | None = None,
    referanse_tekst: str = "2016–2019",
    farge: str = "serie_navn",
    farger: dict[str, str] | None = None,
    y_tittel: str = "Personer",
    format: str = ",d",
    fra: int | None = None,
    til: int | None = None,
    hoyde: int = 280,
    null_i_akse: bool = True,
    delt: bool = False,
    kolonner: int = 3,
) -> tuple[alt.TopLevelMixin, pd.DataFrame]:
    """Lines with points (gaps stay gaps) and, per series, a shaded band from the lowest
    to the highest value of a reference period with a dashed line at its mean, across the
    whole chart, so every later year can be read against "before".

    `referanse` has one row per series: columns `farge`, `min`, `maks`, `snitt`.
    `delt=True` gives one small panel per series (own y scale, a facet that follows the
    page width like `tidsserier(facett=...)`), for series whose bands would overlap.
    Returns (chart, plotted) like `tidsserier`. Chart and table hold the same rows, one
    per series and year, each carrying its series' band: the band and the line are drawn
    from those rows, so the CSV holds every number the chart shows and nothing else.
    """
    fra = fra if fra is not None else int(frame["aar"].min())
    til = til if til is not None else int(frame["aar"].max())
    data = _complete_grid(frame, [farge], range(fra, til + 1))
    present = list(dict.fromkeys(frame[farge]))
    colours = _fargekart(present, farger)
    scale = alt.Scale(domain=present, range=[colours[d] for d in present])
    # In panels each series is named above its panel; a legend would only repeat that.
    colour = alt.Color(
        f"{farge}:N", title=None, sort=present, scale=scale, legend=None if delt else alt.Undefined
    )
    x = alt.X(
        "aar:Q",
        title=None,
        scale=alt.Scale(domain=[fra, til], nice=False, padding=8),
        axis=alt.Axis(format="d", tickMinStep=1, labelOverlap=True),
    )
    y = alt.Y("verdi:Q", title=y_tittel, scale=alt.Scale(zero=null_i_akse), axis=alt.Axis(format=format))
    tooltip = _tooltip(farge, y_tittel, format)
    ref = referanse[referanse[farge].isin(present)] if referanse is not None else None
    band = ref is not None and len(ref) > 0
    if band:
        data = data.merge(ref[[farge, "min", "maks", "snitt"]], on=farge, how="left")

    layers = []
    if band:
        ref_tip = [
            alt.Tooltip(f"{farge}:N", title="Serie"),
            alt.Tooltip("min:Q", title=f"Lavest {referanse_tekst}", format=format),
            alt.Tooltip("maks:Q", title=f"Høyest {referanse_tekst}", format=format),
            alt.Tooltip("snitt:Q", title=f"Snitt {referanse_tekst}", format=format),
        ]
        # Every row of a series carries the same band; one band and one rule per series.
        per_serie = (
            alt.Chart()
            .transform_filter("isValid(datum.min) && isValid(datum.maks)")
            .transform_aggregate(min="min(min)", maks="max(maks)", snitt="mean(snitt)", groupby=[farge])
        )
        ref_colour = alt.Color(f"{farge}:N", scale=scale, legend=None)
        # No x encoding: the band and the rule span the whole plot, every year is compared.
        layers.append(
            per_serie.mark_rect(opacity=0.2).encode(
                y=alt.Y("min:Q"), y2="maks:Q", color=ref_colour, tooltip=ref_tip
            )
        )
        layers.append(
            per_serie.mark_rule(strokeDash=[5, 4], strokeWidth=1.5).encode(
                y=alt.Y("snitt:Q"), color=ref_colour, tooltip=ref_tip
            )
        )
    # A line's tooltip can only name its series (see tidsserier); the points carry the numbers.
    line_tooltip = [t for t in tooltip if t.to_dict()["field"] not in ("aar", "verdi")]
    layers.append(
        alt.Chart()
        .mark_line(invalid="break-paths-show-domains")
        .encode(x=x, y=y, color=colour, tooltip=line_tooltip)
    )
    layers.append(
        alt.Chart()
        .mark_point(invalid="break-paths-show-domains")
        .encode(
            x=x,
            y=y,
            color=colour,
            shape=alt.Shape(f"{farge}:N", sort=present, legend=None),
            tooltip=tooltip,
        )
    )
    layer = alt.layer(*layers, data=data)
    if delt:
        # The cell width here is for notebooks; the page's render script and static_spec()
        # replace it with one computed from the available width (LAYOUT).
        chart = (
            layer.properties(width=260, height=int(hoyde * 0.7))
            .facet(facet=alt.Facet(f"{farge}:N", title=None, sort=present), columns=kolonner)
            .resolve_scale(y="independent")
            # Years under every panel: a panel stands alone, also beside an empty cell.
            .resolve_axis(x="independent")
        )
    else:
        chart = layer.properties(width="container", height=hoyde)
    names = {farge: "Serie", "aar": "År", "verdi": "Verdi"}
    if band:
        names |= {
            "snitt": f"Snitt {referanse_tekst}",
            "min": f"Lavest {referanse_tekst}",
            "maks": f"Høyest {referanse_tekst}",
        }
    plotted = data.rename(columns=names)[list(names.values())]
    return chart, plotted


# --- chapters: a figure's source line from the source URLs of the plotted rows


def kilder_fra(urls) -> list[Kilde]:
    """One `Kilde` per distinct address, named by publisher and page, so a figure whose
    values come from several pages credits each of them."""
    from urllib.parse import urlparse

    from helpers.catalog.sources import publisher

    out, seen = [], {}
    for url in dict.fromkeys(str(u) for u in urls):
        # The page's name: the last path part that reads as words ("flytting", not "aar" or "343890").
        parts = [p.split(".")[0] for p in urlparse(url).path.split("/") if p]
        words = [p for p in reversed(parts) if len(p) >= 6 and not p.isdigit() and p != "statistikker"]
        text = publisher(url)[1] + (": " + words[0].replace("-", " ") if words else "")
        seen[text] = seen.get(text, 0) + 1
        out.append(Kilde(url, text if seen[text] == 1 else f"{text} ({seen[text]})", url))
    return out


# --- chapters: aldersprofil (one line per year over single years of age; chapter 2) ---


def aldersprofil(
    frame: pd.DataFrame,
    *,
    fremhev: int,
    farge_fra: str,
    y_tittel: str = "Personer",
    format: str = ",d",
    hoyde: int = 280,
) -> tuple[alt.TopLevelMixin, pd.DataFrame]:
    """Lines over age (x) with one line per year: the year `fremhev` strong in the colour
    of `farge_fra` (a series or city of the theme), the other years lighter, as the
    article drew 2016–2019 against 2020. Missing ages stay gaps. Returns (chart, plotted)."""
    colours = {**theme.SERIES_COLOURS, **theme.CITY_COLOURS}
    if farge_fra not in colours:
        raise KeyError(f"{farge_fra!r} har ingen fast farge i temaet")
    sterk = colours[farge_fra]
    svak = (
        theme.OKABE_ITO["himmelblaa"] if sterk != theme.OKABE_ITO["himmelblaa"] else theme.OKABE_ITO["blaa"]
    )
    years = sorted(int(y) for y in frame["aar"].unique())
    others = [y for y in years if y != fremhev]
    if fremhev not in years:
        raise KeyError(f"{fremhev} finnes ikke i dataene")
    from helpers.prose.norsk import aar_liste

    andre_navn = str(aar_liste(others)) if others else ""  # a plain str: Altair quotes it with repr()
    ages = range(int(frame["alder"].min()), int(frame["alder"].max()) + 1)
    index = pd.MultiIndex.from_product([years, list(ages)], names=["aar", "alder"])
    long = frame.set_index(["aar", "alder"])[["verdi"]].reindex(index).reset_index()
    # The chart gets the table itself (one row per age, one column per year: 100 rows
    # instead of 500) and folds it into lines, so the CSV is exactly what is drawn.
    wide = long.pivot(index="alder", columns="aar", values="verdi").reset_index()
    wide.columns = ["alder", *(str(y) for y in wide.columns[1:])]
    domain = [d for d in (andre_navn, str(fremhev)) if d]
    x = alt.X(
        "alder:Q", title="Alder (år)", scale=alt.Scale(nice=False), axis=alt.Axis(format="d", tickMinStep=1)
    )
    y = alt.Y("verdi:Q", title=y_tittel, axis=alt.Axis(format=format))
    scale = alt.Scale(domain=domain, range=[svak, sterk][-len(domain) :])
    colour = alt.Color("periode:N", title=None, sort=domain, scale=scale)
    base = alt.Chart().encode(x=x, y=y, detail="aar:N")
    # A line can only name its year (see tidsserier). The numbers come from the point
    # nearest the pointer, shown only then: 500 points drawn at once would hide the lines.
    # By year and age: Vega-Lite numbers the rows before the fold, one number for five points.
    naermest = alt.selection_point(
        name="naermest",
        fields=["aar", "alder"],
        nearest=True,
        on="pointerover",
        clear="pointerout",
        empty=False,
    )
    line_tooltip = [alt.Tooltip("aar:O", title="År")]
    layers = [
        # The highlighted year is drawn last, on top of the others.
        base.transform_filter(alt.datum.aar != fremhev)
        .mark_line(invalid="break-paths-show-domains", strokeWidth=1.2, opacity=0.6)
        .encode(color=colour, tooltip=line_tooltip),
        base.transform_filter(alt.datum.aar == fremhev)
        .mark_line(invalid="break-paths-show-domains", strokeWidth=3)
        .encode(color=colour, tooltip=line_tooltip),
        # The colour as a value, not through a scale: Vega-Lite would merge a second
        # scale's legend with the lines' one and draw it with the points' symbols.
        base.transform_calculate(punkt=alt.expr.if_(alt.datum.aar == fremhev, sterk, svak))
        .mark_point(filled=True, size=60)
        .encode(
            fill=alt.Fill("punkt:N", scale=None),
            opacity=alt.condition(naermest, alt.value(1), alt.value(0)),
            # Year as a number: Vega-Lite's nearest-point tooltip loses a discrete field.
            tooltip=[
                alt.Tooltip("aar:Q", title="År", format="d"),
                alt.Tooltip("alder:Q", title="Alder"),
                alt.Tooltip("verdi:Q", title=y_tittel, format=format),
            ],
        )
        .add_params(naermest),
    ]
    chart = (
        alt.layer(*layers, data=wide)
        .transform_fold([str(y) for y in years], as_=["aar_tekst", "verdi"])
        .transform_calculate(aar="toNumber(datum.aar_tekst)")
        .transform_calculate(periode=alt.expr.if_(alt.datum.aar == fremhev, str(fremhev), andre_navn))
        .properties(width="container", height=hoyde)
    )
    plotted = wide.rename(columns={"alder": "Alder"})
    return chart, plotted
