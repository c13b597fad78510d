"""Charts: chapters say what to plot; these functions decide how it looks.

Each returns (chart, plotted): an Altair chart in the book's theme and the table of
exactly what it draws, with Norwegian column names, for `Figur(..., tabell=plotted)`.
Sizes are decided here and in helpers.figures.layout, never in a chapter: single charts
take the width of the page (`width="container"`); small multiples get a cell width
computed from the page width.
"""

from __future__ import annotations

from typing import Any

import altair as alt
import pandas as pd

from helpers import vocab
from helpers.figures import theme
from helpers.figures.layout import BAR_STEP, wrap

FELT_TITLER = {"serie_navn": "Serie", "region": "By", "aar": "År", "verdi": "Verdi"}


def _med_enhet(chart, enhet: str):
    """The unit rides in the spec's usermeta: the figure writes it into the CSV."""
    return chart.properties(usermeta={"oslo": {"enhet": enhet}})


def _y_akse(tittel: str, format: str, fra_null: bool = True) -> alt.Axis:
    """The value axis with its title level above the plot, where it takes no width from
    it (on a phone the plot keeps 280 px); a scale that does not start at zero says so."""
    # Lines short enough for a small-multiple panel: the title must not widen the chart.
    lines = wrap(tittel, 28) + (["(aksen starter ikke på null)"] if not fra_null else [])
    return alt.Axis(
        format=format,
        title=lines if len(lines) > 1 else tittel,
        titleAngle=0,
        titleAlign="left",
        titleBaseline="bottom",
        titleX=0,
        titleY=-8,
        tickCount={"expr": "max(3, ceil(height / 50))"},
        # Grid lines carry the values across; no ticks or axis line to take width.
        ticks=False,
        domain=False,
        labelPadding=4,
    )


def _aar_x(fra: int, til: int) -> alt.X:
    """Years across, as many labels as fit: one per 60 px."""
    return alt.X(
        "aar:Q",
        title=None,
        scale=alt.Scale(domain=[fra, til], nice=False, padding=8),
        # The first and last year's labels stay inside the plot: no width lost to overhang.
        axis=alt.Axis(
            format="d", tickMinStep=1, labelFlush=True, tickCount={"expr": "max(2, ceil(width / 60))"}
        ),
    )


def _naermest(fields: list[str]):
    """The point nearest the pointer: its tooltip shows without an exact hit on a small
    point (Vega-Lite draws a Voronoi layer for it)."""
    return alt.selection_point(
        name="naermest", fields=fields, nearest=True, on="pointerover", clear="pointerout", empty=False
    )


def _naermest_storrelse(sel):
    return alt.condition(sel, alt.value(130), alt.value(45))


def _annotasjoner(base, farge: str, annoter, x, y, fra: int, til: int, data: pd.DataFrame) -> list:
    """A ring around the value and the text beside it, drawn from the chart's own rows
    (so the table and CSV hold no extra number). Text in the right half of the years
    reads leftwards, so it stays inside the chart on a phone."""
    layers = []
    for (serie, aar), tekst in (annoter or {}).items():
        at = base.transform_filter(f"datum[{_js(farge)}] === {_js(serie)} && datum.aar === {int(aar)}")
        right_half = aar > (fra + til) / 2
        value = data.loc[(data[farge] == serie) & (data["aar"] == aar), "verdi"].dropna()
        near = data[(data[farge] != serie) & data["aar"].between(aar - 2, aar + 2)]["verdi"].dropna()
        # The text goes to the side with fewer of the other lines' points nearby.
        above = len(value) > 0 and (near < value.iloc[0]).sum() > (near > value.iloc[0]).sum()
        layers.append(at.mark_point(size=260, filled=False, strokeWidth=1.5, opacity=0.9).encode(x=x, y=y))
        layers.append(
            at.transform_calculate(_tekst=_js(tekst))
            .mark_text(
                align="right" if right_half else "left",
                baseline="bottom" if above else "top",
                dx=-10 if right_half else 10,
                # Vega writes a text's further lines downwards whatever the baseline.
                dy=-10 - 13 * tekst.count("\n") if above else 8,
                lineHeight=13,
                fontSize=11,
                fontStyle="italic",
                lineBreak="\n",
            )
            .encode(x=x, y=y, text="_tekst:N")
        )
    return layers


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
    annoter: dict[tuple[str, int], str] | None = None,
) -> tuple[alt.TopLevelMixin, pd.DataFrame]:
    """Lines with a point on every value; gaps stay gaps. `annoter` writes a short text
    on the chart at a series' value in a year, {(series, year): text}, for what a reader
    must know there (a register artefact). Returns (chart, plotted data)."""
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
    x = _aar_x(fra, til)
    y = alt.Y(
        "verdi:Q", title=None, scale=alt.Scale(zero=null_i_akse), axis=_y_akse(y_tittel, format, null_i_akse)
    )
    tooltip = _tooltip(farge, y_tittel, format, facett)
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
            size=_naermest_storrelse(naermest := _naermest([farge, "aar"])),
            tooltip=tooltip,
        )
        .add_params(naermest)
    )
    layer = alt.layer(lines, points, *_annotasjoner(base, farge, annoter, x, y, fra, til, data))
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
    return _med_enhet(chart, y_tittel), plotted


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
            f"datum[{_js(verdi)}] < 0",
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
        base.transform_filter(f"!isValid(datum[{_js(verdi)}])")
        .mark_text(align="left", baseline="middle", dx=2, fontSize=11, fontStyle="italic", opacity=0.8)
        .encode(y=y, yOffset=y_offset, x=alt.value(0), text=alt.value("ingen tall"))
    )
    chart = alt.layer(bars, labels, missing).properties(width="container", height=height)
    plotted = data.drop(columns=["_slot", "_etikett", "_etikett_slot"]).rename(columns={verdi: "Verdi"})
    return _med_enhet(chart, x_tittel), plotted


def _js(value: str) -> str:
    """A Python string as a JavaScript string literal, for Vega expressions."""
    import json

    return json.dumps(str(value))


# --- chapters: time series against a reference band (chapter 8, "Kom de tilbake?")


def _fargekart(labels: list[str], farger: dict[str, str] | None) -> dict[str, str]:
    """Fixed colours for the known series and cities (and what the chapter gives); the
    others from theme.farger(), which never hands out a flow's colour."""
    fixed = {**(farger or {})}
    rest = theme.farger([label for label in labels if label not in fixed])
    return {label: fixed.get(label) or rest[label] for label in labels}


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
    annoter: dict[tuple[str, int], str] | None = None,
) -> tuple[alt.TopLevelMixin, pd.DataFrame]:
    """Lines with points (gaps stay gaps) and, per series, a shaded band from the lowest
    to the highest value of a reference period with a dashed line at its mean, across the
    whole chart, so every later year can be read against "before".

    `referanse` has one row per series: columns `farge`, `min`, `maks`, `snitt`.
    `annoter` as in `tidsserier`.
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
    x = _aar_x(fra, til)
    y = alt.Y(
        "verdi:Q", title=None, scale=alt.Scale(zero=null_i_akse), axis=_y_akse(y_tittel, format, null_i_akse)
    )
    tooltip = _tooltip(farge, y_tittel, format)
    ref = referanse[referanse[farge].isin(present)] if referanse is not None else None
    band = ref is not None and len(ref) > 0
    if band and ref is not None:
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
            size=_naermest_storrelse(naermest := _naermest([farge, "aar"])),
            tooltip=tooltip,
        )
        .add_params(naermest)
    )
    layers += _annotasjoner(alt.Chart(), farge, annoter, x, y, fra, til, data)
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
    return _med_enhet(chart, y_tittel), plotted


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
    # The other years in grey: lighter and thinner than the year that matters.
    svak = theme.FARGER["lysgraa"]
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
        "alder:Q",
        title="Alder (år)",
        scale=alt.Scale(nice=False),
        axis=alt.Axis(format="d", tickMinStep=1, tickCount={"expr": "max(2, ceil(width / 60))"}),
    )
    y = alt.Y("verdi:Q", title=None, axis=_y_akse(y_tittel, format))
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
    return _med_enhet(chart, y_tittel), plotted
