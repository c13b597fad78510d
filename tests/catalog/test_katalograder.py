"""catalog.spec.katalograder: every dataset builder turns a source's rows into the catalog's
columns through it, so the common columns are named and read in one place."""

import pandas as pd
import pytest

from helpers.catalog.spec import FELLES_KOLONNER, katalograder

ROWS = pd.DataFrame(
    {
        "year": ["2019", "2020"],
        "value": ["1", "2"],
        "unit": ["personer", "personer"],
        "source_url": ["https://www.ssb.no/a", "https://www.ssb.no/b"],
        "note": ["", "foreløpig"],
    },
    index=[7, 9],  # a filtered frame keeps its index; the result starts at 0
)


def test_keys_then_common_columns_then_extras():
    out = katalograder(
        ROWS,
        {"aar": ROWS["year"].astype(int)},
        etter={"foreløpig": ROWS["note"] != ""},
        verdi=ROWS["value"].astype(float),
    )
    assert list(out.columns) == ["aar", *FELLES_KOLONNER, "foreløpig"]
    assert list(out.index) == [0, 1]
    assert out["verdi"].tolist() == [1.0, 2.0] and out["kilde"].tolist() == ROWS["source_url"].tolist()
    assert out["foreløpig"].tolist() == [False, True]


def test_a_scalar_fills_every_row():
    out = katalograder(ROWS, {"region": "Hele landet"}, enhet="indeks (2015=100)")
    assert out["region"].tolist() == ["Hele landet"] * 2 and set(out["enhet"]) == {"indeks (2015=100)"}


def test_an_unknown_common_column_is_refused():
    with pytest.raises(ValueError, match="kilder"):
        katalograder(ROWS, {}, kilder=ROWS["source_url"])


def test_every_builder_uses_it():
    """No dataset module builds the common columns by hand."""
    from pathlib import Path

    import helpers.catalog.datasets as pkg

    by_hand = [
        p.name for p in Path(pkg.__path__[0]).glob("*.py") if '"kilde": rows["source_url"]' in p.read_text()
    ]
    assert not by_hand
