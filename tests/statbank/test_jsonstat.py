"""helpers.statbank.jsonstat against SSB's real answers (tests/fixtures) and small hand-made documents."""

import copy
import json
import math

import pandas as pd
import pytest
from support import FIXTURES

from helpers.statbank.jsonstat import JsonStatError, categories, dataset_meta, load_file, to_frame

DATA_FILE = FIXTURES / "ssb-05300-v0.jsonstat2.json"
META_FILE = FIXTURES / "ssb-05300-v2-metadata.json"
DIMS = ["Avstand1", "Kulturtilbud", "ContentsCode", "Tid"]


@pytest.fixture(scope="module")
def raw():
    return json.loads(DATA_FILE.read_text(encoding="utf-8"))


@pytest.fixture(scope="module")
def frame():
    return load_file(DATA_FILE)


def tiny(**overrides):
    """A 2×3 dataset: dimension A (a1, a2) × B (b1, b2, b3)."""
    doc = {
        "class": "dataset",
        "version": "2.0",
        "id": ["A", "B"],
        "size": [2, 3],
        "dimension": {
            "A": {"category": {"index": ["a1", "a2"], "label": {"a1": "Første", "a2": "Andre"}}},
            "B": {"category": {"index": {"b1": 0, "b2": 1, "b3": 2}}},
        },
        "value": [1, 2, 3, 4, 5, 6],
    }
    doc.update(overrides)
    return doc


# -- the real 05300 answer --------------------------------------------------------------


def test_fixture_has_one_row_per_cell(frame):
    assert len(frame) == 432 == 6 * 8 * 1 * 9
    expected = [c for d in DIMS for c in (d, f"{d}_label")] + ["value", "status"]
    assert list(frame.columns) == expected
    assert frame["value"].dtype == "float64"
    assert frame.groupby(DIMS).size().eq(1).all()


def test_fixture_nulls_stay_missing_with_status(frame):
    missing = frame[frame["value"].isna()]
    assert len(missing) == 28
    assert set(missing["status"]) <= {".", ".."}
    assert missing["status"].notna().all()
    # No null turned into 0, and no status symbol on a cell that has a number.
    assert frame.loc[frame["value"].notna(), "status"].isna().all()


def test_fixture_first_cell_matches_raw_file(frame, raw):
    first = frame.iloc[0]
    assert raw["value"][0] == 16
    assert first["value"] == 16
    assert (first["Avstand1"], first["Kulturtilbud"], first["ContentsCode"], first["Tid"]) == (
        "01",
        "01",
        "Avstand",
        "1991",
    )
    assert first["Avstand1_label"] == "Under 1 km"
    assert first["Kulturtilbud_label"] == "Kino eller lokale med jevnlig spillefilmframvisning"
    assert first["Tid_label"] == "1991"


def test_fixture_row_major_order(frame, raw):
    # Cell 360 = Avstand1 index 5, Kulturtilbud 0, Tid 0 (last dimension varies fastest).
    row = frame.iloc[360]
    assert (row["Avstand1"], row["Kulturtilbud"], row["Tid"]) == ("06", "01", "1991")
    assert row["Avstand1_label"] == "50 km eller over"
    assert math.isnan(row["value"]) and row["status"] == raw["status"]["360"] == ".."
    # Every value, in order, is the raw one.
    expected = pd.Series([float("nan") if v is None else v for v in raw["value"]], dtype="float64")
    pd.testing.assert_series_equal(frame["value"], expected, check_names=False)


def test_metadata_fixture_has_no_values():
    doc = json.loads(META_FILE.read_text(encoding="utf-8"))
    with pytest.raises(JsonStatError, match="ingen verdier") as err:
        to_frame(doc, source="metadata-05300")
    assert "metadata-05300" in str(err.value)
    assert "432" in str(err.value)


def test_metadata_fixture_categories_and_meta():
    doc = json.loads(META_FILE.read_text(encoding="utf-8"))
    cats = categories(doc)
    assert [len(cats[d]) for d in DIMS] == [6, 8, 1, 9]
    assert cats["Avstand1"][0] == ("01", "Under 1 km")
    meta = dataset_meta(doc)
    assert meta["source"] == "Statistisk sentralbyrå"
    assert meta["updated"] == "2022-05-24T06:00:00Z"
    assert meta["units"] == {"ContentsCode": {"Avstand": {"base": "prosent", "decimals": 0}}}
    assert meta["dimensions"]["Tid"] == "år"


def test_dataset_meta_of_data_fixture(raw):
    meta = dataset_meta(raw)
    assert meta["label"].startswith("05300:")
    assert meta["units"]["ContentsCode"]["Avstand"]["base"] == "prosent"


# -- the shapes JSON-stat allows ----------------------------------------------------------


def test_list_and_dict_index_and_missing_labels():
    df = to_frame(tiny())
    assert list(df["A"]) == ["a1"] * 3 + ["a2"] * 3
    assert list(df["B"]) == ["b1", "b2", "b3"] * 2
    assert list(df["A_label"]) == ["Første"] * 3 + ["Andre"] * 3
    assert list(df["B_label"]) == list(df["B"])  # no labels: label = code
    assert list(df["value"]) == [1, 2, 3, 4, 5, 6]
    assert df["status"].isna().all()


def test_dict_index_out_of_order():
    doc = tiny()
    doc["dimension"]["B"]["category"]["index"] = {"b3": 2, "b1": 0, "b2": 1}
    assert list(to_frame(doc)["B"]) == ["b1", "b2", "b3"] * 2


def test_sparse_dict_values_and_status():
    df = to_frame(tiny(value={"0": 10, "4": 2.5}, status={"1": "..", "4": "p"}))
    assert len(df) == 6
    assert df["value"].tolist()[0] == 10 and df["value"].tolist()[4] == 2.5
    assert df["value"].isna().sum() == 4
    assert df["status"].tolist()[1] == ".." and df["status"].tolist()[4] == "p"
    assert df["status"].isna().sum() == 4


def test_status_string_and_list():
    assert set(to_frame(tiny(status="p"))["status"]) == {"p"}
    status = [None, ".", None, None, None, ":"]
    df = to_frame(tiny(value=[1, None, 3, 4, 5, None], status=status))
    assert df["status"].tolist()[1] == "." and df["status"].tolist()[5] == ":"
    assert df["value"].isna().tolist() == [False, True, False, False, False, True]


def test_single_category_without_index():
    doc = tiny(id=["A", "C"], size=[2, 1], value=[7, 8])
    doc["dimension"]["C"] = {"category": {"label": {"only": "Eneste"}}}
    df = to_frame(doc)
    assert df["C"].tolist() == ["only", "only"] and df["C_label"].tolist() == ["Eneste"] * 2


def test_zero_cells_gives_empty_frame():
    doc = tiny(size=[2, 0], value=[])
    doc["dimension"]["B"]["category"]["index"] = []
    df = to_frame(doc)
    assert len(df) == 0 and "value" in df.columns


# -- errors name their source ---------------------------------------------------------------


def test_size_value_mismatch_names_source_and_numbers():
    with pytest.raises(JsonStatError) as err:
        to_frame(tiny(value=[1, 2, 3, 4, 5]), source="tabell-x.json")
    msg = str(err.value)
    assert "tabell-x.json" in msg and "6" in msg and "5" in msg
    assert err.value.source == "tabell-x.json"


def test_real_fixture_with_a_value_removed(raw):
    doc = copy.deepcopy(raw)
    doc["value"].pop()
    with pytest.raises(JsonStatError, match=r"432.*431"):
        to_frame(doc, source="05300")


@pytest.mark.parametrize(
    "change, pattern",
    [
        ({"class": "collection"}, "class"),
        ({"id": ["A"]}, "'id' har 1"),
        ({"size": [3, 3], "value": list(range(9))}, "dimensjon 'A' har 2 kategorier"),
        ({"value": [1, 2, "tre", 4, 5, 6]}, "ikke-numerisk"),
        ({"value": [1, 2, True, 4, 5, 6]}, "ikke-numerisk"),
        ({"value": {"6": 1}}, "nøkkel '6'"),
        ({"status": [".", "."]}, "'status' har 2"),
    ],
)
def test_invalid_documents(change, pattern):
    with pytest.raises(JsonStatError, match=pattern) as err:
        to_frame(tiny(**change), source="kilde-7")
    assert "kilde-7" in str(err.value)


def test_not_an_object():
    with pytest.raises(JsonStatError, match="JSON-objekt"):
        to_frame([1, 2, 3], source="liste")


def test_malformed_json_file_names_the_file(tmp_path):
    bad = tmp_path / "ødelagt.json"
    bad.write_text('{"class": "dataset", "value": [1, 2', encoding="utf-8")
    with pytest.raises(JsonStatError, match="ugyldig JSON") as err:
        load_file(bad)
    assert str(bad) in str(err.value)


def test_missing_file_names_the_file(tmp_path):
    with pytest.raises(JsonStatError, match="kan ikke lese") as err:
        load_file(tmp_path / "finnes-ikke.json")
    assert "finnes-ikke.json" in str(err.value)


def test_load_file_tolerates_bom(tmp_path):
    f = tmp_path / "bom.json"
    f.write_bytes(b"\xef\xbb\xbf" + json.dumps(tiny()).encode("utf-8"))
    assert len(load_file(f)) == 6
