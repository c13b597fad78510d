import math

import pytest

from helpers.prose.norsk import MINUS, NBSP, aar_liste, liste, prosent, tall


def test_thousands_with_non_breaking_space():
    assert tall(36076) == f"36{NBSP}076"
    assert tall(1234567) == f"1{NBSP}234{NBSP}567"
    assert tall(999) == "999"


def test_decimal_comma_and_rounding():
    assert tall(51.94, 1) == "51,9"
    assert tall(51.94, 1) == "51,9"
    assert prosent(12.21) == f"12,2{NBSP}prosent"
    assert prosent(12.21, ord=False) == f"12,2{NBSP}%"


@pytest.mark.parametrize(
    "x, desimaler, written",
    [
        (5.25, 1, "5,3"),
        (0.5, 0, "1"),
        (2.5, 0, "3"),
        (-2.5, 0, f"{MINUS}3"),
        (2.675, 2, "2,68"),
        (1.05, 1, "1,1"),
        (12.25, 1, "12,3"),
        (5.24999, 1, "5,2"),
        (39941.5, 0, f"39{NBSP}942"),
    ],
)
def test_half_rounds_away_from_zero(x, desimaler, written):
    assert tall(x, desimaler) == written


def test_numpy_numbers_round_the_same():
    import numpy as np

    assert tall(np.float64(5.25), 1) == "5,3"
    assert tall(np.float32(1.5)) == "2"
    assert tall(np.int64(36076)) == f"36{NBSP}076"


def test_text_shows_without_quotes_in_eval():
    # {eval} shows the plain-text repr; a plain str would show '36\xa0076'.
    assert repr(tall(36076)) == f"36{NBSP}076"
    assert repr(prosent(12.21)) == f"12,2{NBSP}prosent"
    assert repr(liste(["a", "b"])) == "a og b"


def test_dates_quarters_and_ranges_do_not_break():
    from helpers.prose.norsk import dato, kvartal, periode, retning

    assert kvartal(2025, 1) == f"1.{NBSP}kvartal 2025"
    assert dato("2026-11-30") == f"30.{NBSP}november 2026"
    assert periode(2016, 2019) == "2016\u20132019"
    assert retning(32930, 33318) == "økte" and retning(33318, 32930) == "falt"
    assert retning(100.4, 99.6) == "var uendret"  # both written as 100
    with pytest.raises(ValueError):
        kvartal(2025, 5)


def test_negative_uses_a_real_minus_and_no_negative_zero():
    assert tall(-2758) == f"{MINUS}2{NBSP}758"
    assert tall(-0.04, 1) == "0,0"


def test_missing_value_cannot_reach_the_prose():
    with pytest.raises(ValueError):
        tall(math.nan)
    with pytest.raises(ValueError):
        tall(None)


def test_lists_in_norwegian():
    assert liste([]) == ""
    assert liste(["Bergen"]) == "Bergen"
    assert liste(["Bergen", "Trondheim", "Stavanger"]) == "Bergen, Trondheim og Stavanger"


def test_year_runs_collapse():
    assert aar_liste([2013, 2011, 2012, 2015]) == "2011–2013 og 2015"
    assert aar_liste([2010, 2011]) == "2010 og 2011"
    assert aar_liste([]) == ""


def test_capital_first_letter_keeps_proper_nouns():
    from helpers.prose.norsk import stor_forbokstav

    assert stor_forbokstav("fylkene Viken og Oslo") == "Fylkene Viken og Oslo"
    assert stor_forbokstav("") == ""


def test_typography_of_text_from_elsewhere():
    from helpers.prose.norsk import typografi

    assert typografi("Folkemengde 1. januar 2016-2020") == f"Folkemengde 1.{NBSP}januar 2016\u20132020"
    assert typografi("Boligprisindeksen, 4. kvartal 2016") == f"Boligprisindeksen, 4.{NBSP}kvartal 2016"
    assert typografi("4 452 rader, 1 234 567 personer") == f"4{NBSP}452 rader, 1{NBSP}234{NBSP}567 personer"
    # Years side by side are not one number; a decimal is not grouped.
    assert typografi("2016 2020 og 5,5 000") == "2016 2020 og 5,5 000"


def test_a_stand_in_caption_says_plainly_what_it_shows():
    from helpers.prose.norsk import IKKE_MEN, ikke_men

    tekst = ikke_men("utflytterne", "alle innbyggere i Oslo etter alder.")
    assert tekst == "Alle innbyggere i Oslo etter alder."
    assert not IKKE_MEN.match(tekst)
    assert IKKE_MEN.match("Ikke utflytterne, men alle innbyggere i Oslo etter alder.")
    assert not IKKE_MEN.match("Utflytting fra Oslo til resten av Norge, 2016–2020.")
