"""Time series against a reference band: each series' range and mean over the years before
the pandemic drawn behind its line (chapter «Kom de tilbake?»).
"""

from __future__ import annotations

import altair as alt
import pandas as pd

from helpers.figures.chartparts import (
    aar_x,
    annotasjoner,
    complete_grid,
    fargekart,
    med_enhet,
    naermest_storrelse,
    naermeste_punkt,
    tooltips,
    y_akse,
)


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
    data = complete_grid(frame, [farge], range(fra, til + 1))
    present = list(dict.fromkeys(frame[farge]))
    colours = fargekart(present, farger)
    scale = alt.Scale(domain=present, range=[colours[d] for d in present])
    # In panels each series is named above its panel; a legend would only repeat that.
    colour = alt.Color(
        f"{farge}:N", title=None, sort=present, scale=scale, legend=None if delt else alt.Undefined
    )
    x = aar_x(fra, til)
    y = alt.Y(
        "verdi:Q", title=None, scale=alt.Scale(zero=null_i_akse), axis=y_akse(y_tittel, format, null_i_akse)
    )
    tooltip = tooltips(farge, y_tittel, format)
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
            size=naermest_storrelse(naermest := naermeste_punkt([farge, "aar"])),
            tooltip=tooltip,
        )
        .add_params(naermest)
    )
    layers += annotasjoner(alt.Chart(), farge, annoter, x, y, fra, til, data)
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
    return med_enhet(chart, y_tittel), plotted
