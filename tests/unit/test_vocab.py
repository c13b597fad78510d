"""One colour per series, legible on both page backgrounds (WCAG 2.1: graphics ≥ 3:1)."""

import pytest

from helpers import vocab
from helpers.figures import theme


def luminance(colour: str) -> float:
    """WCAG 2.1 relative luminance of #rrggbb."""
    channels = [int(colour.lstrip("#")[i : i + 2], 16) / 255 for i in (0, 2, 4)]
    r, g, b = (c / 12.92 if c <= 0.04045 else ((c + 0.055) / 1.055) ** 2.4 for c in channels)
    return 0.2126 * r + 0.7152 * g + 0.0722 * b


def contrast(a: str, b: str) -> float:
    hi, lo = sorted((luminance(a), luminance(b)), reverse=True)
    return (hi + 0.05) / (lo + 0.05)


def test_contrast_formula_matches_known_values():
    assert contrast("#ffffff", "#000000") == pytest.approx(21.0)
    # The Okabe-Ito orange the book no longer uses: about 2.2:1 on white, too faint.
    assert contrast("#E69F00", "#ffffff") == pytest.approx(2.25, abs=0.01)


@pytest.mark.parametrize("name", list(vocab.FARGER))
@pytest.mark.parametrize("mode", list(vocab.BAKGRUNN))
def test_every_colour_stands_out_from_both_backgrounds(name, mode):
    assert contrast(vocab.FARGER[name], vocab.BAKGRUNN[mode]) >= 3.0


@pytest.mark.parametrize("mode", list(vocab.BAKGRUNN))
def test_chart_text_is_body_text_contrast(mode):
    assert contrast(theme.TEKST[mode], vocab.BAKGRUNN[mode]) >= 4.5


def test_each_series_and_each_city_has_its_own_colour():
    series = [s.farge for s in vocab.SERIER.values()]
    assert len(set(series)) == len(series)
    assert len(set(vocab.BYER.values())) == len(vocab.BYER)
    assert set(series) <= set(vocab.FARGER) and set(vocab.BYER.values()) <= set(vocab.FARGER)


def test_the_flows_colours_are_not_handed_out_to_anything_else():
    flows = {vocab.SERIER[kode].farge for kode in vocab.STROMMER}
    assert not flows & set(vocab.KATEGORIER)
    assert not flows & {vocab.AAR_FOKUS, *vocab.AAR_ANDRE}


def test_labels_come_from_the_vocabulary():
    from helpers.catalog.registry import FLOW_SERIES

    assert FLOW_SERIES == list(vocab.STROMMER)
    assert theme.SERIES_COLOURS["Utvandring til utlandet"] == vocab.FARGER["oker"]
