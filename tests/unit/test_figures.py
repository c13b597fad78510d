"""A Figur as MIME data: what the page, a notebook and a download each get."""

import json
import xml.etree.ElementTree as ET

import numpy as np
import pandas as pd
import pytest
from support.vegacheck import points_where_data_have_none

from helpers import Figur, Kilde, kilder, stolper, tidsserier, tidsserier_med_referanse
from helpers.catalog.sources import ssb_tabell_url
from helpers.figures.figure import VEGA_MIME
from helpers.figures.render import MIME_TYPE
from helpers.figures.tabell import grid

UTV = "Utvandring til utlandet"
INN = "Innflytting fra resten av Norge"


def _frame():
    rows = [
        {"aar": aar, "verdi": verdi, "serie_navn": serie, "region": "Oslo"}
        for serie, values in ((INN, [30000.0, 31000.0, np.nan]), (UTV, [8000.0, 6000.0, 9000.0]))
        for aar, verdi in zip((2018, 2019, 2020), values, strict=True)
    ]
    return pd.DataFrame(rows)


def _figur(**kw):
    chart, plotted = tidsserier(_frame(), **kw.pop("chart", {}))
    return Figur(
        chart.properties(title="Stedfortreder: hele landet"),
        beskrivelse="Linjediagram over to strømmer.",
        kilder=kilder([ssb_tabell_url("01223")]),
        tabell=plotted,
        merknad="En merknad.",
        navn="to strømmer",
        tittel="Utvandringen falt i 2019",
        **kw,
    )


@pytest.fixture(scope="module")
def bundle():
    return _figur()._repr_mimebundle_()


def test_the_bundle_carries_the_figure_for_the_page_and_for_notebooks(bundle):
    assert set(bundle) == {MIME_TYPE, VEGA_MIME, "image/svg+xml", "text/plain"}
    data = bundle[MIME_TYPE]
    assert data["tittel"] == "Utvandringen falt i 2019"
    # The chart's own title is the stand-in label, set as text, not drawn where it would be cut.
    assert data["etikett"] == "Stedfortreder: hele landet" and "title" not in data["spec"]
    assert data["navn"] == "to-strommer" and data["ident"].startswith("figur-to-strommer-")
    assert data["kilder"] == [
        {
            "tekst": "Statistisk sentralbyrå (SSB)",
            "url": "https://www.ssb.no/statbank/table/01223",
            "lisens": "CC BY 4.0",
            "svak": False,
        }
    ]
    assert data["svg"].startswith("<svg") and data["nedlasting"]["svg"].startswith("<svg")
    # The notebook gets compiled Vega (JupyterLab draws it with its own Vega 5): no
    # Vega-Lite reaches it to redo the compilation its own way.
    assert "$schema" not in bundle[VEGA_MIME]
    assert "marks" in bundle[VEGA_MIME] and "encoding" not in bundle[VEGA_MIME]
    # And the page gets compiled Vega too, with the changes for dark mode.
    assert "marks" in data["vega"] and "datasets" not in data["vega"]
    assert data["vega"]["usermeta"]["oslo"]["mork"]
    json.dumps(data)  # all of it is JSON


def test_the_notebook_draws_no_point_where_the_data_have_none(bundle):
    """JupyterLab's Vega-Lite 5.6 drew a missing year as a point at the top of the axis;
    the compiled figure draws the five numbers there are, and a gap for the sixth."""
    import vl_convert

    spec = bundle[VEGA_MIME]
    assert points_where_data_have_none(spec) == []
    graph = vl_convert.vega_to_scenegraph(spec)["scenegraph"]

    def symbols(node):
        if node.get("marktype") == "symbol" and node.get("role") == "mark":
            yield from node.get("items", [])
        for item in node.get("items", []):
            if isinstance(item, dict):
                yield from symbols(item)

    points = list(symbols(graph))
    assert len(points) == 5  # six rows, one without a number
    # The title, the note and the source are drawn into the notebook's figure.
    texts = json.dumps(spec, ensure_ascii=False)
    assert (
        "Utvandringen falt i 2019" in texts
        and "Kilde: Statistisk sentralbyrå (SSB)" in texts
        and "En merknad." in texts
    )


def test_the_page_spec_turns_dark_by_its_changes(bundle):
    import copy

    from helpers.figures.figure import endringer

    light = bundle[MIME_TYPE]["vega"]
    dark = copy.deepcopy(light)
    for path, value in light["usermeta"]["oslo"]["mork"]:
        target = dark
        for key in path[:-1]:
            target = target[key]
        target[path[-1]] = value
    assert json.dumps(dark["config"]["axis"]) != json.dumps(light["config"]["axis"])
    assert endringer({"a": [1, 2]}, {"a": [1, 3]}) == [[["a", 1], 3]]
    assert endringer({"a": [1, 2]}, {"a": [1]}) is None


def test_downloads_say_what_they_show_and_where_it_comes_from(bundle):
    svg = bundle["image/svg+xml"]
    texts = " ".join(ET.fromstring(svg).itertext())
    for words in (
        "Utvandringen falt i 2019",
        "Stedfortreder: hele landet",
        "Kilde: Statistisk sentralbyrå (SSB).",
        "CC BY 4.0",
    ):
        assert words in texts, words
    assert bundle[MIME_TYPE]["nedlasting"]["svg"] == svg


def test_csv_names_unit_and_source_on_every_row():
    rows = _figur().csv().splitlines()
    assert rows[0] == "Serie,År,Verdi,Enhet,Kilde"
    assert all(",Personer," in r and "01223" in r for r in rows[1:])
    assert (
        rows[3]
        == f"{INN},2020,,Personer,Statistisk sentralbyrå (SSB) (https://www.ssb.no/statbank/table/01223)"
    )


def test_the_table_is_a_grid_of_years_by_series(bundle):
    tabell = bundle[MIME_TYPE]["tabell"]
    assert tabell["kolonner"] == ["År", INN, UTV]
    assert tabell["radnokler"] == 1 and tabell["tall"] == [False, True, True]
    assert tabell["rader"] == [
        ["2018", "30\u00a0000", "8\u00a0000"],
        ["2019", "31\u00a0000", "6\u00a0000"],
        ["2020", None, "9\u00a0000"],  # missing is missing, never zero
    ]


def test_grid_keeps_absent_combinations_apart_from_missing_values():
    frame = pd.DataFrame(
        {"Fylke": ["Hedmark", "Viken", "Viken"], "År": ["2019", "2019", "2020"], "Verdi": [np.nan, 5.0, 6.5]}
    )
    tabell = grid(frame)
    assert tabell["kolonner"] == ["Fylke", "2019", "2020"]
    assert tabell["rader"] == [["Hedmark", None, ""], ["Viken", "5,0", "6,5"]]


def test_a_reference_period_becomes_rows_under_the_years():
    from helpers import facts

    frame = pd.DataFrame(
        [
            {"aar": aar, "verdi": float(aar - 2000), "serie_navn": s}
            for s in (INN, UTV)
            for aar in range(2016, 2022)
        ]
    )
    chart, plotted = tidsserier_med_referanse(frame, referanse=facts.referanser(frame))
    tabell = grid(plotted)
    assert tabell["kolonner"] == ["År", INN, UTV]
    assert [r[0] for r in tabell["rader"]][-3:] == ["Snitt 2016–2019", "Lavest 2016–2019", "Høyest 2016–2019"]


def test_vega_keeps_its_english_aria_texts_to_itself(bundle):
    assert bundle[MIME_TYPE]["spec"]["config"]["aria"] is False


def test_a_truncated_axis_says_so():
    spec = _figur(chart={"null_i_akse": False}).spec()
    titles = json.dumps(
        [layer["encoding"]["y"]["axis"]["title"] for layer in spec["layer"][:1]], ensure_ascii=False
    )
    assert "aksen starter ikke på null" in titles
    assert "aksen starter ikke" not in json.dumps(_figur().spec(), ensure_ascii=False)


def test_an_annotation_is_drawn_from_the_charts_own_rows():
    figur = _figur(chart={"annoter": {(UTV, 2019): "Registrert for lavt"}})
    spec = figur.spec()
    texts = [layer for layer in spec["layer"] if layer.get("mark", {}).get("type") == "text"]
    assert len(texts) == 1 and "Registrert for lavt" in json.dumps(texts[0], ensure_ascii=False)
    assert len(spec["datasets"]) == 1  # no extra data, so no number the table does not hold
    svg = figur.data()["svg"]
    assert "Registrert for lavt" in svg


def test_bars_carry_their_labels_above_and_say_when_a_value_is_missing():
    frame = pd.DataFrame(
        {
            "kategori": ["En lang kategori som ikke får plass ved siden av stolpen", "B", "C"],
            "verdi": [-3.0, np.nan, 1.0],
        }
    )
    chart, plotted = stolper(frame, kategori="kategori", x_tittel="Netto")
    figur = Figur(chart, beskrivelse="x", kilder=[Kilde("x", "x", "https://example.org")], tabell=plotted)
    svg = figur.data()["svg"]
    assert "ingen tall" in svg
    # Gains and losses in two colours.
    bars = next(layer for layer in figur.spec()["layer"] if layer["mark"]["type"] == "bar")
    assert bars["encoding"]["color"]["condition"]["test"] == 'datum["verdi"] < 0'
    assert "axis" in bars["encoding"]["y"] and bars["encoding"]["y"]["axis"] is None


def test_the_first_view_comes_in_both_colour_modes(bundle):
    from helpers import vocab
    from helpers.figures import theme

    data = bundle[MIME_TYPE]
    assert f'fill="{vocab.BAKGRUNN["mork"]}"' in data["svg_mork"] and theme.TEKST["mork"] in data["svg_mork"]
    assert 'fill="#ffffff"' in data["svg"] and theme.TEKST["lys"] in data["svg"]


def test_a_mean_of_whole_persons_shows_as_whole_persons_and_stays_exact_in_the_csv():
    from helpers.figures.tabell import grid

    tabell = pd.DataFrame(
        {
            "Serie": ["Ut", "Ut"],
            "År": [2016, 2017],
            "Verdi": [31445.0, 33364.0],
            "Snitt 2016–2019": [32404.5] * 2,
        }
    )
    shown = grid(tabell)
    assert ["Snitt 2016–2019", "32\u00a0405"] in shown["rader"]
    plain = tabell.drop(columns="Serie")  # one key: a plain table, the mean in its own column
    assert grid(plain)["rader"][0] == ["2016", "31\u00a0445", "32\u00a0405"]


def test_static_pictures_hold_only_what_can_be_seen():
    """A line chart with a nearest-point tooltip: the static picture keeps its lines and
    axes, and drops the hidden points and the pointer's cells (issue 22: 255 KB to 23 KB)."""
    from helpers.figures.render import visible_only

    svg = _figur()._repr_mimebundle_()[MIME_TYPE]["svg"]
    root = ET.fromstring(svg)
    assert not [e for e in root.iter() if e.get("opacity") == "0"]
    assert not [e for e in root.iter() if "_voronoi" in (e.get("class") or "")]
    assert [e for e in root.iter() if "mark-line" in (e.get("class") or "")], "the lines stay"
    raw = (
        '<svg xmlns="http://www.w3.org/2000/svg"><g class="mark-path role-mark x_voronoi"><path d="M0,0"/></g>'
        '<g class="mark-symbol"><path opacity="0" d="M1,1"/><path opacity="0.5" d="M2,2"/></g></svg>'
    )
    kept = ET.fromstring(visible_only(raw))
    assert [p.get("d") for p in kept.iter("{http://www.w3.org/2000/svg}path")] == ["M2,2"]
