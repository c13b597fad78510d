import math

import pytest

from helpers.norsk import MINUS, NBSP, aar_liste, liste, prosent, tall


def test_thousands_with_non_breaking_space():
    assert tall(36076) == f"36{NBSP}076"
    assert tall(1234567) == f"1{NBSP}234{NBSP}567"
    assert tall(999) == "999"


def test_decimal_comma_and_rounding():
    assert tall(5.25, 1) in ("5,2", "5,3")  # banker's vs half-up is Python's business
    assert tall(51.94, 1) == "51,9"
    assert prosent(12.21) == f"12,2{NBSP}prosent"
    assert prosent(12.21, ord=False) == f"12,2{NBSP}%"


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
    from helpers.norsk import stor_forbokstav

    assert stor_forbokstav("fylkene Viken og Oslo") == "Fylkene Viken og Oslo"
    assert stor_forbokstav("") == ""
