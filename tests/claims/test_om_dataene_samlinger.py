"""«Om dataene» 9.2: what each collection holds and for which years, per series where a
collection mixes series; no list of publishers whose numbers the book may never print."""

import pandas as pd
from support import ROOT

from helpers import load
from helpers.prose import tilgang


def test_the_oslo_accounts_give_the_years_of_each_series():
    tekst = tilgang.omfang(load("oslo_etter_2020"))
    # The annual out-migration ends in 2022 (as chapter 7 says), the population in 2023.
    assert "utflytting til resten av Norge 2016–2022" in tekst
    assert "folkemengde 1. januar 2021–2023" in tekst
    assert "Årstall for 2016–2023" not in tekst
    assert tekst.endswith("; kvartalstall for 2021–2023.")


def test_series_with_the_same_years_share_a_clause_and_a_changed_year_splits_them():
    rader = pd.DataFrame(
        {
            "aar": [2016, 2017, 2016, 2017, 2021],
            "periode": ["år", "år", "år", "år", "1. kvartal"],
            "maal_navn": ["Utflytting", "Utflytting", "Innflytting", "Innflytting", "Utflytting"],
        }
    )
    assert (
        tilgang.omfang(rader) == " Årstall for utflytting og innflytting 2016 og 2017; kvartalstall for 2021."
    )
    rader.loc[1, "aar"] = 2018
    tekst = tilgang.omfang(rader)
    assert "for utflytting 2016 og 2018" in tekst and "for innflytting 2016 og 2017" in tekst


def test_the_list_names_no_publishers_and_no_city_the_book_does_not_use():
    side = (ROOT / "book" / "om-dataene.md").read_text(encoding="utf-8")
    assert "kreditt(" not in side and "Utgivere:" not in side
    assert "står under hver figur og i lista over" in side
    from helpers import datasets

    assert "Stavanger" not in datasets()["kvartal_2024_2025"].title


def test_the_five_cities_get_the_years_of_each_city():
    tekst = tilgang.omfang(load("storbyer"))
    assert tekst.startswith(" Tall for Oslo 2010–2023; for Bergen ")
    assert "Tall for 2010–2023" not in tekst
    # Changed data: every city with Oslo's years gives one span again.
    rader = pd.DataFrame(
        {
            "region": ["Oslo", "Bergen", "Trondheim", "Stavanger", "Kristiansand"] * 2,
            "aar": [2019] * 5 + [2020] * 5,
        }
    )
    assert tilgang.omfang(rader) == " Tall for 2019 og 2020."
    rader.loc[9, "aar"] = 2021  # Kristiansand: 2019 and 2021
    assert tilgang.omfang(rader) == (
        " Tall for Oslo, Bergen, Trondheim og Stavanger 2019 og 2020; for Kristiansand 2019 og 2021."
    )
