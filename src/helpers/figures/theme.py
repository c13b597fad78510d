"""The book's one look: colours, fonts, sizes and Norwegian number format for Vega-Lite.

The colours come from helpers.vocab, where each series and city has its one colour.
"""

from __future__ import annotations

import re

from helpers import vocab
from helpers.prose.norsk import D3_NUMBER_LOCALE, MAANEDER

FARGER = vocab.FARGER
SERIES_COLOURS = vocab.serie_farger()
CITY_COLOURS = vocab.by_farger()


def _is_year(value) -> bool:
    return bool(re.fullmatch(r"(19|20)\d\d", str(value)))


def farger(verdier) -> dict[str, str]:
    """One colour per value, in the order given: a series or city keeps its fixed colour;
    years are grey with the last in colour; anything else takes the next colour of
    vocab.KATEGORIER, which no flow uses."""
    fixed = {**SERIES_COLOURS, **CITY_COLOURS}
    verdier = list(dict.fromkeys(verdier))
    free = [v for v in verdier if v not in fixed]
    out = {v: fixed[v] for v in verdier if v in fixed}
    if free and all(_is_year(v) for v in free):
        last = max(free, key=lambda v: int(str(v)))
        others = [v for v in free if v != last]
        out |= {v: FARGER[vocab.AAR_ANDRE[i % len(vocab.AAR_ANDRE)]] for i, v in enumerate(others)}
        out[last] = FARGER[vocab.AAR_FOKUS]
    else:
        used = set(out.values())
        spare = [FARGER[k] for k in vocab.KATEGORIER if FARGER[k] not in used] or [
            FARGER[k] for k in vocab.KATEGORIER
        ]
        out |= {v: spare[i % len(spare)] for i, v in enumerate(free)}
    return {v: out[v] for v in verdier}


# The site's font: pydata-sphinx-theme's system stack ("system-ui, sans-serif"), with
# named fallbacks for the build-time images (vl-convert knows no "system-ui"). In the
# page the render script uses the body's computed font instead, so the two cannot drift.
FONT = 'system-ui, -apple-system, "Segoe UI", "Helvetica Neue", Arial, sans-serif'

TIME_LOCALE = {
    "dateTime": "%A %e. %B %Y kl. %X",
    "date": "%d.%m.%Y",
    "time": "%H:%M:%S",
    "periods": ["", ""],
    "days": ["søndag", "mandag", "tirsdag", "onsdag", "torsdag", "fredag", "lørdag"],
    "shortDays": ["søn", "man", "tir", "ons", "tor", "fre", "lør"],
    "months": MAANEDER,
    "shortMonths": ["jan", "feb", "mar", "apr", "mai", "jun", "jul", "aug", "sep", "okt", "nov", "des"],
}


# Text and lines on the page's backgrounds (vocab.BAKGRUNN): body text colours of the
# theme, and grid lines faint enough to stay behind the data.
TEKST = {"lys": "#222222", "mork": "#e6e6e6"}
RUTENETT = {"lys": "#e3e3e3", "mork": "#3a4350"}


def config(dark: bool = False) -> dict:
    mode = "mork" if dark else "lys"
    fg, grid = TEKST[mode], RUTENETT[mode]
    return {
        "locale": {"number": D3_NUMBER_LOCALE, "time": TIME_LOCALE},
        "font": FONT,
        "background": None,
        # Vega's ARIA texts are English («X-axis for a linear scale…»); the figure's box
        # carries the Norwegian description instead (helpers.site.vega).
        "aria": False,
        "view": {"stroke": None},
        # Little room around the chart: on a phone every pixel goes to the plot.
        "padding": {"left": 1, "right": 3, "top": 4, "bottom": 2},
        "axis": {
            "labelColor": fg,
            "titleColor": fg,
            "gridColor": grid,
            "domainColor": fg,
            "tickColor": fg,
            "labelFontSize": 12,
            "titleFontSize": 12,
            "titleFontWeight": "normal",
            "labelOverlap": "greedy",
        },
        "legend": {
            "labelColor": fg,
            "titleColor": fg,
            "labelFontSize": 12,
            "titleFontSize": 12,
            "orient": "bottom",
            "direction": "vertical",
            "labelLimit": 320,
        },
        "header": {"labelColor": fg, "titleColor": fg, "labelFontSize": 13, "labelFontWeight": "bold"},
        "title": {"color": fg, "subtitleColor": fg, "fontSize": 14, "anchor": "start"},
        "text": {"color": fg},
        "line": {"strokeWidth": 2.5},
        "point": {"size": 45, "filled": True, "color": fg},
    }
