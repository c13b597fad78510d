import json
import re

import numpy as np
import pandas as pd
import vl_convert as vlc

from helpers.charts import VEGA_LITE_VERSION, Figur, ssb_tabell, tidsserier
from helpers.theme import CITY_COLOURS, SERIES_COLOURS


def _frame(values, label="Utvandring til utlandet"):
    return pd.DataFrame(
        {"aar": list(values), "verdi": list(values.values()), "serie_navn": label, "region": "Oslo"}
    )


def _spec_from_html(html: str) -> dict:
    m = re.search(r"<script type='application/json' class='oslo-vega-spec'[^>]*>(.*?)</script>", html, re.S)
    assert m, "spec script missing"
    return json.loads(m.group(1))


def test_missing_year_breaks_the_line_instead_of_bridging_it():
    chart, plotted = tidsserier(_frame({2010: 10.0, 2011: 12.0, 2013: 11.0, 2014: 9.0}))
    assert plotted["Verdi"].isna().sum() == 1  # 2012 is in the data as null, not dropped or zero
    spec = chart.properties(width=400).to_dict()
    svg = vlc.vegalite_to_svg(spec, vl_version=".".join(VEGA_LITE_VERSION.split(".")[:2]))
    lines = [
        d
        for d in re.findall(r'<path[^>]*d="([^"]+)"', svg)
        if d.count("L") >= 1 and "aria-roledescription" not in d
    ]
    line_paths = [d for d in lines if d.count("M") >= 1]
    assert max(d.count("M") for d in line_paths) == 2


def test_spec_cannot_break_out_of_its_script_tag():
    evil = "</script><script>alert(1)</script><!--"
    chart, plotted = tidsserier(_frame({2010: 1.0, 2011: 2.0}, label=evil))
    fig = Figur(chart, beskrivelse="test", kilder=[ssb_tabell("01223")], tabell=plotted)
    html = fig.html()
    assert "<script>alert(1)" not in html
    assert html.count("</script>") == 1
    spec = _spec_from_html(html)
    assert evil in json.dumps(spec, ensure_ascii=False)


def test_figure_carries_description_source_table_and_csv():
    chart, plotted = tidsserier(_frame({2010: 1000.0, 2011: np.nan, 2012: 1500.0}))
    fig = Figur(
        chart, beskrivelse="Beskrivelse for skjermleser", kilder=[ssb_tabell("06913")], tabell=plotted
    )
    html = fig.html()
    spec = _spec_from_html(html)
    assert spec["description"] == "Beskrivelse for skjermleser"
    assert "https://www.ssb.no/statbank/table/06913" in html
    assert "class='vega-embed oslo-chart'" in html
    assert "1\u00a0000" in html and "mangler" in html
    assert "data:text/csv" in html
    assert spec["config"]["locale"]["number"]["decimal"] == ","


def test_no_cdn_in_figure_html():
    chart, plotted = tidsserier(_frame({2010: 1.0, 2011: 2.0}))
    html = Figur(chart, beskrivelse="x", kilder=[ssb_tabell("01223")], tabell=plotted).html()
    for cdn in ("cdn.jsdelivr", "unpkg.com", "cdnjs", "require.js"):
        assert cdn not in html


def test_fixed_colours_per_series_and_city():
    chart, _ = tidsserier(_frame({2010: 1.0, 2011: 2.0}, label="Utvandring til utlandet"))
    spec = chart.to_dict()
    scale = spec["layer"][0]["encoding"]["color"]["scale"]
    assert scale["range"] == [SERIES_COLOURS["Utvandring til utlandet"]]
    assert len(set(CITY_COLOURS.values())) == len(CITY_COLOURS)
    assert len(set(SERIES_COLOURS.values())) == len(SERIES_COLOURS)
