"""Pieces every chart kind shares: axes, the year axis, the nearest-point hover, tooltips,
annotations, a complete grid of years, fixed colours per label.
"""

from __future__ import annotations

import altair as alt
import pandas as pd

from helpers.figures import theme
from helpers.figures.layout import wrap

FELT_TITLER = {"serie_navn": "Serie", "region": "By", "aar": "År", "verdi": "Verdi"}


def med_enhet(chart, enhet: str):
    """The unit rides in the spec's usermeta: the figure writes it into the CSV."""
    return chart.properties(usermeta={"oslo": {"enhet": enhet}})


def y_akse(tittel: str, format: str, fra_null: bool = True) -> alt.Axis:
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


def aar_x(fra: int, til: int) -> alt.X:
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


def naermeste_punkt(fields: list[str]):
    """The point nearest the pointer: its tooltip shows without an exact hit on a small
    point (Vega-Lite draws a Voronoi layer for it)."""
    return alt.selection_point(
        name="naermest", fields=fields, nearest=True, on="pointerover", clear="pointerout", empty=False
    )


def naermest_storrelse(sel):
    return alt.condition(sel, alt.value(130), alt.value(45))


def annotasjoner(base, farge: str, annoter, x, y, fra: int, til: int, data: pd.DataFrame) -> list:
    """A ring around the value and the text beside it, drawn from the chart's own rows
    (so the table and CSV hold no extra number). Text in the right half of the years
    reads leftwards, so it stays inside the chart on a phone."""
    layers = []
    for (serie, aar), tekst in (annoter or {}).items():
        at = base.transform_filter(f"datum[{js(farge)}] === {js(serie)} && datum.aar === {int(aar)}")
        right_half = aar > (fra + til) / 2
        value = data.loc[(data[farge] == serie) & (data["aar"] == aar), "verdi"].dropna()
        near = data[(data[farge] != serie) & data["aar"].between(aar - 2, aar + 2)]["verdi"].dropna()
        # The text goes to the side with fewer of the other lines' points nearby.
        above = len(value) > 0 and (near < value.iloc[0]).sum() > (near > value.iloc[0]).sum()
        layers.append(at.mark_point(size=260, filled=False, strokeWidth=1.5, opacity=0.9).encode(x=x, y=y))
        layers.append(
            at.transform_calculate(_tekst=js(tekst))
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


def tooltips(title_by: str, verdi_tittel: str, fmt: str, facett: str | None = None) -> list:
    felt = [alt.Tooltip(f"{facett}:N", title=FELT_TITLER.get(facett, facett))] if facett else []
    return felt + [
        alt.Tooltip(f"{title_by}:N", title=FELT_TITLER.get(title_by, "Serie")),
        alt.Tooltip("aar:O", title="År"),
        alt.Tooltip("verdi:Q", title=verdi_tittel, format=fmt),
    ]


def complete_grid(frame: pd.DataFrame, keys: list[str], years: range) -> pd.DataFrame:
    # Every (key, year) gets a row; a missing value becomes null, which Vega draws
    # as a break in the line, never as zero and never as a line across the gap.
    index = pd.MultiIndex.from_product(
        [*(sorted(frame[k].unique()) for k in keys), list(years)], names=[*keys, "aar"]
    )
    return frame.set_index([*keys, "aar"])[["verdi"]].reindex(index).reset_index()


def js(value: str) -> str:
    """A Python string as a JavaScript string literal, for Vega expressions."""
    import json

    return json.dumps(str(value))


def fargekart(labels: list[str], farger: dict[str, str] | None) -> dict[str, str]:
    """Fixed colours for the known series and cities (and what the chapter gives); the
    others from theme.farger(), which never hands out a flow's colour."""
    fixed = {**(farger or {})}
    rest = theme.farger([label for label in labels if label not in fixed])
    return {label: fixed.get(label) or rest[label] for label in labels}
