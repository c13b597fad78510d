"""Charts: chapters say what to plot; these functions decide how it looks.

Each returns (chart, plotted): an Altair chart in the book's theme and the table of
exactly what it draws, with Norwegian column names, for `Figur(..., tabell=plotted)`.
Sizes are decided here and in helpers.figures.layout, never in a chapter: single charts
take the width of the page (`width="container"`); small multiples get a cell width
computed from the page width.

Here the two common kinds, time series and bars; the reference band
(helpers.figures.referansebaand) and the age profile (helpers.figures.aldersdiagram) have
modules of their own, and the pieces all of them share are in helpers.figures.chartparts.
"""

from __future__ import annotations

from typing import Any

import altair as alt
import pandas as pd

from helpers import vocab
from helpers.figures import theme
from helpers.figures.chartparts import (
    FELT_TITLER,
    aar_x,
    annotasjoner,
    complete_grid,
    js,
    med_enhet,
    naermest_storrelse,
    naermeste_punkt,
    tooltips,
    y_akse,
)
from helpers.figures.layout import BAR_STEP, wrap


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
    annoter: dict[tuple[str, int], str] | None = None,
) -> tuple[alt.TopLevelMixin, pd.DataFrame]:
    """Lines with a point on every value; gaps stay gaps. `annoter` writes a short text
    on the chart at a series' value in a year, {(series, year): text}, for what a reader
    must know there (a register artefact). Returns (chart, plotted data)."""
    fra = fra if fra is not None else int(frame["aar"].min())
    til = til if til is not None else int(frame["aar"].max())
    keys = [k for k in (facett, farge) if k]
    data = complete_grid(frame, keys, range(fra, til + 1))
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
    x = aar_x(fra, til)
    y = alt.Y(
        "verdi:Q", title=None, scale=alt.Scale(zero=null_i_akse), axis=y_akse(y_tittel, format, null_i_akse)
    )
    tooltip = tooltips(farge, y_tittel, format, facett)
    base = alt.Chart(data)
    # A line's tooltip can only name its series: year and value would be those of the
    # line's first point wherever the pointer is. The points carry the numbers.
    line_tooltip = [t for t in tooltip if t.to_dict()["field"] not in ("aar", "verdi")]
    lines = base.mark_line(invalid="break-paths-show-domains").encode(
        x=x, y=y, color=colour, tooltip=line_tooltip
    )
    points = (
        base.mark_point(invalid="break-paths-show-domains")
        .encode(
            # Same field, sort and (empty) title as the colour: Vega-Lite merges the two into one
            # legend whose symbols have both the colour and the shape of the points.
            x=x,
            y=y,
            color=colour,
            shape=alt.Shape(f"{farge}:N", title=None, sort=present, scale=alt.Scale(domain=present)),
            size=naermest_storrelse(naermest := naermeste_punkt([farge, "aar"])),
            tooltip=tooltip,
        )
        .add_params(naermest)
    )
    layer = alt.layer(lines, points, *annotasjoner(base, farge, annoter, x, y, fra, til, data))
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
    return med_enhet(chart, y_tittel), plotted


def _rekkefolge(data: pd.DataFrame, kategori: str, verdi: str, sorter) -> list:
    """The categories from top to bottom: by value ("-x" largest first, "x" smallest
    first; a category's bars summed, one without any value last), as listed, or as they
    come."""
    order = list(dict.fromkeys(data[kategori].dropna()))
    if isinstance(sorter, list):
        return [c for c in sorter if c in order] + [c for c in order if c not in sorter]
    if sorter in ("-x", "x"):
        sums = data.groupby(kategori, sort=False)[verdi].sum(min_count=1)
        present = sums.dropna().sort_values(ascending=sorter == "x", kind="stable")
        return list(present.index) + [c for c in order if c not in present.index]
    return order


# A category label is wrapped at this many characters: in bold 12 px about 310 px, which
# leaves it whole on a 390 px phone.
ETIKETT_BREDDE = 44


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
    """Horizontal bars with each category's name above its bars, so long Norwegian
    labels take no width from the bars on a phone; optional grouping by `farge` (series,
    city or year, with their fixed colours). A missing value keeps its place and says
    «ingen tall» where the bar would be, never a bar of zero. Where single bars go both
    ways, gains and losses get different colours."""
    data = frame[[c for c in (kategori, farge, verdi) if c]].copy()
    order = _rekkefolge(data, kategori, verdi, sorter)
    # Each category's band holds its label's lines, then one slot per bar: the label
    # takes the first slots of the yOffset scale, the bars the rest.
    wrapped = {c: wrap(str(c), ETIKETT_BREDDE) or [""] for c in order}
    lines = max(len(v) for v in wrapped.values())
    etikett_slots = [" " * (i + 1) for i in range(lines)]
    series = [d for d in dict.fromkeys(data[farge]) if pd.notna(d)] if farge else ["_"]
    data["_slot"] = data[farge] if farge else "_"
    data["_etikett"] = data[kategori].map(lambda c: "\n".join(wrapped.get(c, [str(c)])))
    tooltip = [alt.Tooltip(f"{kategori}:N", title=kategori_tittel or "Kategori")]
    colour: Any  # a scale, a condition or one fixed value: Altair types each differently
    if farge:
        colours = theme.farger(series)
        colour = alt.Color(
            f"{farge}:N",
            title=None,
            sort=series,
            scale=alt.Scale(domain=series, range=[colours[d] for d in series]),
        )
        tooltip.append(alt.Tooltip(f"{farge}:N", title=FELT_TITLER.get(farge, "Serie")))
    elif (data[verdi] < 0).any() and (data[verdi] > 0).any():
        # Gains and losses: the direction shows it, and so does the colour.
        colour = alt.condition(
            f"datum[{js(verdi)}] < 0",
            alt.value(theme.FARGER[vocab.TAP]),
            alt.value(theme.FARGER[vocab.GEVINST]),
        )
    else:
        colour = alt.value(theme.FARGER["blaa"])
    tooltip.append(alt.Tooltip(f"{verdi}:Q", title=x_tittel, format=format))
    step = BAR_STEP
    # An empty slot under the bars keeps one category's bars apart from the next label.
    slots = etikett_slots + series + ["_mellom"]
    height = len(order) * len(slots) * step
    y = alt.Y(f"{kategori}:N", sort=order, axis=None, scale=alt.Scale(domain=order, padding=0))
    y_offset = alt.YOffset("_slot:N", sort=slots, scale=alt.Scale(domain=slots, paddingInner=0.1))
    x = alt.X(
        f"{verdi}:Q",
        title=x_tittel,
        axis=alt.Axis(
            format=format,
            labelFlush=False,
            labelOverlap="greedy",
            tickCount={"expr": "max(2, ceil(width / 80))"},
            titleAnchor="start",
        ),
    )
    base = alt.Chart(data)
    bars = base.mark_bar(invalid="break-paths-show-domains").encode(
        y=y, yOffset=y_offset, x=x, color=colour, tooltip=tooltip
    )
    # The labels and the «ingen tall» notes sit at the plot's left edge: x as a pixel value.
    # One label per category (also where the first series has no row), one line per
    # label slot, its last line in the slot right above the bars. The colour comes from
    # the theme's text colour, light or dark.
    data["_etikett_slot"] = data[kategori].map(lambda c: etikett_slots[lines - len(wrapped.get(c, [""]))])
    labels = (
        base.transform_aggregate(groupby=[kategori, "_etikett", "_etikett_slot"])
        .mark_text(
            align="left", baseline="middle", lineBreak="\n", lineHeight=step, fontSize=12, fontWeight="bold"
        )
        .encode(
            y=y,
            yOffset=alt.YOffset(
                "_etikett_slot:N", sort=slots, scale=alt.Scale(domain=slots, paddingInner=0.1)
            ),
            x=alt.value(0),
            text="_etikett:N",
        )
    )
    missing = (
        base.transform_filter(f"!isValid(datum[{js(verdi)}])")
        .mark_text(align="left", baseline="middle", dx=2, fontSize=11, fontStyle="italic", opacity=0.8)
        .encode(y=y, yOffset=y_offset, x=alt.value(0), text=alt.value("ingen tall"))
    )
    chart = alt.layer(bars, labels, missing).properties(width="container", height=height)
    plotted = data.drop(columns=["_slot", "_etikett", "_etikett_slot"]).rename(columns={verdi: "Verdi"})
    return med_enhet(chart, x_tittel), plotted


# --- chapters: time series against a reference band (chapter 8, "Kom de tilbake?")


# --- chapters: aldersprofil (one line per year over single years of age; chapter 2) ---
