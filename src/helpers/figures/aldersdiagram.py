"""An age profile: one line per year over single years of age (chapter «Alder»)."""

from __future__ import annotations

import altair as alt
import pandas as pd

from helpers.figures import theme
from helpers.figures.chartparts import (
    med_enhet,
    y_akse,
)


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
    y = alt.Y("verdi:Q", title=None, axis=y_akse(y_tittel, format))
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
    return med_enhet(chart, y_tittel), plotted
