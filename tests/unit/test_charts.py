import csv
import io
import json
import re
from collections import Counter

import numpy as np
import pandas as pd
import pytest
import vl_convert as vlc

from helpers.catalog.sources import ssb_tabell_url
from helpers.figures.charts import tidsserier
from helpers.figures.figure import Figur
from helpers.figures.render import vl_version
from helpers.figures.theme import CITY_COLOURS, SERIES_COLOURS
from helpers.prose.kildelinje import kilder


def _frame(values, label="Utvandring til utlandet"):
    return pd.DataFrame(
        {"aar": list(values), "verdi": list(values.values()), "serie_navn": label, "region": "Oslo"}
    )


def _html(fig: Figur) -> str:
    from helpers.site.vega import figure_html

    return figure_html(fig.data(), lambda name: "../_static/figurer/" + name)


def _spec_from_html(html: str) -> dict:
    m = re.search(r"<script type='application/json' class='oslo-vega-spec'[^>]*>(.*?)</script>", html, re.S)
    assert m, "spec script missing"
    return json.loads(m.group(1))


def test_missing_year_breaks_the_line_instead_of_bridging_it():
    chart, plotted = tidsserier(_frame({2010: 10.0, 2011: 12.0, 2013: 11.0, 2014: 9.0}))
    assert plotted["Verdi"].isna().sum() == 1  # 2012 is in the data as null, not dropped or zero
    spec = chart.properties(width=400).to_dict()
    svg = vlc.vegalite_to_svg(spec, vl_version=vl_version())
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
    fig = Figur(chart, beskrivelse="test", kilder=kilder([ssb_tabell_url("01223")]), tabell=plotted)
    html = _html(fig)
    assert "<script>alert(1)" not in html
    assert html.count("</script>") == 1
    spec = _spec_from_html(html)
    assert evil in json.dumps(spec, ensure_ascii=False)


def test_figure_carries_description_source_table_and_csv():
    chart, plotted = tidsserier(_frame({2010: 1000.0, 2011: np.nan, 2012: 1500.0}))
    fig = Figur(
        chart,
        beskrivelse="Beskrivelse for skjermleser",
        kilder=kilder([ssb_tabell_url("06913")]),
        tabell=plotted,
    )
    html = _html(fig)
    spec = _spec_from_html(html)
    assert spec["description"] == "Beskrivelse for skjermleser"
    assert "https://www.ssb.no/statbank/table/06913" in html
    assert "class='oslo-chart' role='img' aria-label='Beskrivelse for skjermleser'" in html
    assert "1\u00a0000" in html and "mangler" in html
    assert "<th scope='row'>2010</th>" in html and "2\u00a0010" not in html  # years are not thousands
    assert "data:" not in html
    assert spec["config"]["locale"]["number"]["decimal"] == ","


def test_no_cdn_in_figure_html():
    chart, plotted = tidsserier(_frame({2010: 1.0, 2011: 2.0}))
    html = _html(Figur(chart, beskrivelse="x", kilder=kilder([ssb_tabell_url("01223")]), tabell=plotted))
    for cdn in ("cdn.jsdelivr", "unpkg.com", "cdnjs", "require.js"):
        assert cdn not in html


def test_fixed_colours_per_series_and_city():
    chart, _ = tidsserier(_frame({2010: 1.0, 2011: 2.0}, label="Utvandring til utlandet"))
    spec = chart.to_dict()
    scale = spec["layer"][0]["encoding"]["color"]["scale"]
    assert scale["range"] == [SERIES_COLOURS["Utvandring til utlandet"]]
    assert len(set(CITY_COLOURS.values())) == len(CITY_COLOURS)
    assert len(set(SERIES_COLOURS.values())) == len(SERIES_COLOURS)


def _figur(values=None, **kw):
    chart, plotted = tidsserier(_frame(values or {2010: 1000.0, 2011: np.nan, 2012: 1500.0}))
    return Figur(
        chart, beskrivelse="Beskrivelse", kilder=kilder([ssb_tabell_url("06913")]), tabell=plotted, **kw
    )


def test_csv_writes_whole_numbers_without_decimals_and_gaps_as_empty():
    lines = _figur().csv().splitlines()
    kilde = "Statistisk sentralbyrå (SSB) (https://www.ssb.no/statbank/table/06913)"
    assert lines[0] == "Serie,År,Verdi,Enhet,Kilde"
    assert lines[1:] == [
        f"Utvandring til utlandet,2010,1000,Personer,{kilde}",
        f"Utvandring til utlandet,2011,,Personer,{kilde}",
        f"Utvandring til utlandet,2012,1500,Personer,{kilde}",
    ]


def test_ident_is_safe_in_attributes_and_file_names():
    fig = _figur(navn="Oslo's <strømmer>")
    assert re.fullmatch(r"figur-[a-z0-9-]+-[0-9a-f]{10}", fig.ident), fig.ident
    assert fig.filnavn == "oslo-s-strommer"  # readable, no hash


def test_static_spec_fixes_the_width_and_paints_white():
    from helpers.figures.layout import STATIC_WIDTH, facet_cell_width, static_spec

    single = static_spec(_figur().spec())
    assert single["width"] == STATIC_WIDTH and single["autosize"]["type"] == "fit-x"
    assert single["config"]["background"] == "#ffffff"
    frame = pd.concat(
        [_frame({2010: 1.0, 2011: 2.0}).assign(region=city) for city in ("Bergen", "Trondheim")]
    )
    chart, plotted = tidsserier(frame, facett="region")
    spec = static_spec(Figur(chart, beskrivelse="x", kilder=[], tabell=plotted).spec())
    assert spec["spec"]["width"] == facet_cell_width(STATIC_WIDTH, 2)
    assert 2 * spec["spec"]["width"] < STATIC_WIDTH


def test_colours_fixed_for_known_series_and_distinct_for_others():
    from helpers.figures.theme import FARGER, farger

    colours = farger(["Oslo", "Ukjent A", "Ukjent B", "Bergen"])
    assert colours["Oslo"] == CITY_COLOURS["Oslo"] and colours["Bergen"] == CITY_COLOURS["Bergen"]
    assert len(set(colours.values())) == 4
    assert set(colours.values()) <= set(FARGER.values())


def test_a_flow_colour_never_means_anything_else():
    from helpers import vocab
    from helpers.figures.theme import farger

    flows = {vocab.FARGER[vocab.SERIER[kode].farge] for kode in vocab.STROMMER}
    groups = farger(["Innvandrere", "Befolkningen ellers", "Alle", "Har mulighet"])
    years = farger(["2018", "2019", "2020"])
    assert not (set(groups.values()) | set(years.values())) & flows
    # Years: the last in colour, the earlier ones grey.
    assert years["2020"] not in (years["2018"], years["2019"])


def test_unknown_series_still_get_a_colour():
    chart, _ = tidsserier(_frame({2010: 1.0, 2011: 2.0}, label="En serie boka ikke kjenner"))
    scale = chart.to_dict()["layer"][0]["encoding"]["color"]["scale"]
    assert scale["domain"] == ["En serie boka ikke kjenner"] and len(scale["range"]) == 1


def test_bars_keep_a_missing_category_as_a_gap():
    from helpers.figures.charts import stolper

    frame = pd.DataFrame({"kategori": ["A", "B", "C"], "verdi": [3.0, np.nan, 1.0]})
    chart, plotted = stolper(frame, kategori="kategori")
    spec = chart.to_dict()
    assert spec["layer"][0]["mark"]["invalid"] == "break-paths-show-domains"  # B keeps its place
    assert plotted["Verdi"].isna().sum() == 1
    svg = vlc.vegalite_to_svg({**spec, "width": 400}, vl_version=vl_version())
    # Two bars, every label above its bars, and «ingen tall» where B's bar would be.
    assert svg.count('aria-roledescription="bar"') == 2
    assert all(f">{c}</text>" in svg for c in "ABC") and ">ingen tall</text>" in svg


def test_build_step_writes_files_and_links_them(tmp_path):
    from helpers.site.vega import write_files

    fig = _figur(navn="test")
    data = fig.data()
    write_files(data, tmp_path)
    files = sorted(p.name for p in (tmp_path / "_static" / "figurer").iterdir())
    assert files == [
        "test-visning-mork.svg",
        "test-visning-smal-mork.svg",
        "test-visning-smal.svg",
        "test-visning.svg",
        "test.csv",
        "test.png",
        "test.svg",
    ]
    assert (tmp_path / "_static" / "figurer" / "test.csv").read_text() == fig.csv()
    out = _html(fig)
    for kind in ("csv", "png", "svg"):
        assert (
            f"class='oslo-last-ned-{kind}' download='test.{kind}' href='../_static/figurer/test.{kind}'"
            in out
        )
    # The first view is the static drawing, inside the box Vega later draws into.
    assert f"<div id='{fig.ident}' class='oslo-chart' role='img' aria-label='Beskrivelse'>" in out
    assert "<img class='oslo-statisk' src='../_static/figurer/test-visning.svg' alt=''" in out


def test_a_figure_from_an_older_helpers_version_is_caught():
    from types import SimpleNamespace

    from helpers.figures.render import MIME_TYPE
    from helpers.site.vega import FigurMime, figur

    warnings = []
    renderer = SimpleNamespace(logger=SimpleNamespace(warning=lambda msg, **kw: warnings.append(msg)))
    data = _figur(navn="ny").data()
    new = FigurMime.handle_mime(renderer, SimpleNamespace(mime_type=MIME_TYPE, content=data, line=1), False)
    assert isinstance(new[0], figur) and not warnings
    old = FigurMime.handle_mime(
        renderer, SimpleNamespace(mime_type=MIME_TYPE, content={**data, "versjon": 2}, line=1), False
    )
    assert old == [] and "make clean" in warnings[0]
    other = SimpleNamespace(mime_type="text/html", content="<p>", line=1)
    assert FigurMime.handle_mime(renderer, other, False) is None


def _numbers_in_csv(figur: Figur) -> Counter:
    # The browser test's notion of "what is plotted" (test_charts_browser.py), without a browser.
    out = Counter()
    for row in csv.DictReader(io.StringIO(figur.csv())):
        for key, value in row.items():
            if key != "År" and value:
                try:
                    out[round(float(value), 6)] += 1
                except ValueError:
                    pass
    return out


def _numbers_in_spec(figur: Figur) -> Counter:
    out = Counter()
    for rows in figur.spec().get("datasets", {}).values():
        for row in rows:
            for key, value in row.items():
                if key != "aar" and isinstance(value, (int, float)) and not isinstance(value, bool):
                    out[round(float(value), 6)] += 1
    return out


def _two_series():
    return pd.concat(
        [
            _frame({2016: 1.0, 2017: 3.0, 2018: 2.0, 2019: 4.0, 2021: 5.0}, label="Netto A"),
            _frame({2016: 10.0, 2017: 30.0, 2018: 20.0, 2019: 40.0, 2020: 7.5}, label="Netto B"),
        ]
    )


def _charts():
    from helpers import facts
    from helpers.figures.aldersdiagram import aldersprofil
    from helpers.figures.charts import stolper
    from helpers.figures.referansebaand import tidsserier_med_referanse

    two = _two_series()
    ages = pd.DataFrame(
        [(y, a, float(y - 2000 + a)) for y in (2019, 2020) for a in range(18, 23) if (y, a) != (2019, 21)],
        columns=["aar", "alder", "verdi"],
    )
    bars = pd.DataFrame({"kategori": ["A", "B", "C"], "verdi": [3.0, np.nan, 1.0]})
    return {
        "tidsserier": tidsserier(two),
        "tidsserier facett": tidsserier(
            pd.concat([two.assign(region=c) for c in ("Oslo", "Bergen")]), facett="region"
        ),
        "stolper": stolper(bars, kategori="kategori"),
        "referanse": tidsserier_med_referanse(two, referanse=facts.referanser(two)),
        "referanse delt": tidsserier_med_referanse(
            two, referanse=facts.referanser(two), delt=True, kolonner=2
        ),
        "referanse uten bånd": tidsserier_med_referanse(two),
        "aldersprofil": aldersprofil(ages, fremhev=2020, farge_fra="Oslo"),
    }


@pytest.mark.parametrize("name", list(_charts()))
def test_the_table_holds_exactly_the_numbers_the_chart_is_drawn_from(name):
    chart, plotted = _charts()[name]
    figur = Figur(chart, beskrivelse="x", kilder=[], tabell=plotted)
    assert _numbers_in_csv(figur) == _numbers_in_spec(figur)
    assert _numbers_in_spec(figur), "no numbers at all"


def test_panels_of_a_reference_chart_follow_the_page_like_small_multiples():
    from helpers import facts
    from helpers.figures.layout import STATIC_WIDTH, facet_cell_width, static_spec
    from helpers.figures.referansebaand import tidsserier_med_referanse

    two = _two_series()
    chart, plotted = tidsserier_med_referanse(two, referanse=facts.referanser(two), delt=True, kolonner=2)
    spec = Figur(chart, beskrivelse="x", kilder=[], tabell=plotted).spec()
    # A facet: the render script and static_spec() set its cell width from the page's.
    assert spec["facet"]["field"] == "serie_navn" and spec["columns"] == 2
    assert static_spec(spec)["spec"]["width"] == facet_cell_width(STATIC_WIDTH, 2)
    svg = vlc.vegalite_to_svg(static_spec(spec))
    assert svg.count("Netto A") >= 1 and svg.count("Netto B") >= 1
