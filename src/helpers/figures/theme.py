"""The book's one look: palette, fonts, sizes and Norwegian number format for Vega-Lite.

Colours come from Okabe & Ito's colour-blind-safe palette. Each city and each series
has one fixed colour, so a reader who learned "orange is emigration" in chapter 1
can rely on it everywhere.
"""

from __future__ import annotations

from helpers.prose.norsk import D3_NUMBER_LOCALE

OKABE_ITO = {
    "oransje": "#E69F00",
    "himmelblaa": "#56B4E9",
    "blaagronn": "#009E73",
    "gul": "#F0E442",
    "blaa": "#0072B2",
    "vermilion": "#D55E00",
    "lilla": "#CC79A7",
    "svart": "#000000",
}

SERIES_COLOURS = {
    "Innflytting fra resten av Norge": OKABE_ITO["blaa"],
    "Utflytting til resten av Norge": OKABE_ITO["vermilion"],
    "Innvandring fra utlandet": OKABE_ITO["blaagronn"],
    "Utvandring til utlandet": OKABE_ITO["oransje"],
}

CITY_COLOURS = {
    "Oslo": OKABE_ITO["blaa"],
    "Bergen": OKABE_ITO["vermilion"],
    "Trondheim": OKABE_ITO["blaagronn"],
    "Stavanger": OKABE_ITO["lilla"],
    "Kristiansand": OKABE_ITO["oransje"],
}


def farger(verdier) -> dict[str, str]:
    """One colour per value, in the order given: a series or city keeps its fixed colour;
    anything else gets the next Okabe-Ito colour no fixed one in this chart uses (yellow
    last: it is faint on white)."""
    fixed = {**SERIES_COLOURS, **CITY_COLOURS}
    verdier = list(dict.fromkeys(verdier))
    used = {fixed[v] for v in verdier if v in fixed}
    order = [c for k, c in OKABE_ITO.items() if k != "gul"] + [OKABE_ITO["gul"]]
    spare = [c for c in order if c not in used] or order
    out, i = {}, 0
    for v in verdier:
        if v in fixed:
            out[v] = fixed[v]
        else:
            out[v] = spare[i % len(spare)]
            i += 1
    return out


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
    "months": [
        "januar",
        "februar",
        "mars",
        "april",
        "mai",
        "juni",
        "juli",
        "august",
        "september",
        "oktober",
        "november",
        "desember",
    ],
    "shortMonths": ["jan", "feb", "mar", "apr", "mai", "jun", "jul", "aug", "sep", "okt", "nov", "des"],
}


def config(dark: bool = False) -> dict:
    fg = "#e6e6e6" if dark else "#222222"
    grid = "#444444" if dark else "#e3e3e3"
    return {
        "locale": {"number": D3_NUMBER_LOCALE, "time": TIME_LOCALE},
        "font": FONT,
        "background": None,
        "view": {"stroke": None},
        "axis": {
            "labelColor": fg,
            "titleColor": fg,
            "gridColor": grid,
            "domainColor": fg,
            "tickColor": fg,
            "labelFontSize": 12,
            "titleFontSize": 12,
            "titleFontWeight": "normal",
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
        "title": {"color": fg, "fontSize": 14, "anchor": "start"},
        "line": {"strokeWidth": 2.5},
        "point": {"size": 45, "filled": True},
    }
