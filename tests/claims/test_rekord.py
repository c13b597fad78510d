"""Chapter «Rekordutflytting» and the landing page: every comparative word and ranking in
their sentences, on the snapshot and on changed data."""

import pandas as pd
import pytest

from helpers import facts, load, rekord, retning


@pytest.fixture(scope="module")
def ut():
    return facts.serie(load("storbyer"), "Oslo", "utflytting_innenlands")


def test_2020_is_the_record_up_to_then_on_the_snapshot(ut):
    assert rekord.rang(ut, 2020) == "flere enn i noe tidligere år i serien vår, som begynner i 2011"
    assert rekord.ingress(ut, 2020) == "flyttet flere fra Oslo til resten av Norge enn i noe år før"


def test_a_higher_earlier_year_changes_the_ranking_and_the_lead():
    changed = pd.Series({2017: 37000.0, 2018: 30000.0, 2019: 32150.0, 2020: 36076.0})
    assert rekord.rang(changed, 2020) == "det 2. høyeste tallet fram til 2020 (høyere i 2017)"
    assert rekord.ingress(changed, 2020) == "flyttet 36\u00a0076 fra Oslo til resten av Norge"


def test_a_rate_is_higher_not_more():
    rate = pd.Series({2018: 48.0, 2019: 49.6, 2020: 51.9})
    assert rekord.rang(rate, 2020, flere="høyere").startswith("høyere enn i noe tidligere år")


def test_the_peak_after_2020_on_the_snapshot(ut):
    assert rekord.topp_etter(ut, 2020) == (
        "Enda flere flyttet ut i 2021, året etter: 39\u00a0942, det høyeste tallet i serien 2011–2022."
    )
    # With a gap the later top is no superlative over the series.
    assert rekord.topp_etter(ut.drop(2015), 2020) == "Enda flere flyttet ut i 2021, året etter: 39\u00a0942."
    assert (
        rekord.etterpaa(ut, 2020) == "Rekorden varte ikke lenge: i 2021 flyttet enda flere ut (39\u00a0942)."
    )


def test_no_later_year_above_2020_says_so():
    changed = pd.Series({2019: 32150.0, 2020: 36076.0, 2021: 35000.0, 2023: 34000.0})
    assert rekord.topp_etter(changed, 2020) == (
        "Ingen av årene etter har hatt flere; det høyeste tallet etterpå var 35\u00a0000, i 2021, året etter."
    )
    assert "har kommet over nivået fra 2020" in rekord.etterpaa(changed, 2020)
    assert rekord.topp_etter(changed[changed.index <= 2020], 2020).startswith("Vi har ennå ingen hele år")


def test_in_migration_rose_from_2019_to_2020_so_the_chapter_cannot_say_faerre():
    inn = facts.serie(load("storbyer"), "Oslo", "innflytting_innenlands")
    assert retning(inn[2019], inn[2020]) == "økte"
    assert retning(inn[2020], inn[2019]) == "falt"


def test_gaps_are_named_once_or_not_at_all():
    assert rekord.mangler({}) == ""
    said = rekord.mangler({"Innvandring fra utlandet": [2021, 2023]})
    assert said == "Tall vi ikke har: innvandring fra utlandet i 2021 og 2023. Der er linjen brutt."


def test_population_growth_word_on_the_snapshot_and_on_changed_data():
    folk = facts.serie(load("storbyer"), "Oslo", "folkemengde_1jan")
    assert rekord.vekst(folk) == "Oslo vokste hvert år"
    fall = folk.copy()
    fall[2021] = fall[2020] - 1
    assert rekord.vekst(fall) == "Oslo vokste i de fleste årene"
    assert rekord.vekst(folk.drop(2015)) == "Oslo vokste i de fleste årene"  # a gap is no proof
    assert rekord.vekst(pd.Series({2019: 3.0, 2020: 2.0, 2021: 1.0})) == "Oslo vokste ikke hvert år"


def test_the_rate_sentence_follows_the_rate_without_repeating_the_count():
    assert rekord.per_innbygger(pd.Series({2018: 48.0, 2019: 49.6, 2020: 51.9})).startswith(
        "Også regnet per 1\u00a0000 innbyggere var 2020 det høyeste året i 2018–2020,"
    )
    # A later, higher year does not make the sentence false: it speaks of the years up to 2020.
    senere = rekord.per_innbygger(pd.Series({2018: 48.0, 2019: 49.6, 2020: 51.9, 2021: 57.2}))
    assert "det høyeste året i 2018–2020" in senere
    lavere = rekord.per_innbygger(pd.Series({2018: 52.0, 2019: 49.6, 2020: 51.9}))
    assert "ikke det høyeste året (høyere i 2018)" in lavere and "en del av økningen" in lavere
    assert "i serien vår" not in lavere


def test_the_lowest_immigration_is_no_superlative_over_a_gap():
    """«Det laveste i hele serien» needs every year of the range; with a gap the clause says
    «lower than any other year we have» and names the missing years."""
    from helpers import load

    innv = facts.serie(load("storbyer"), "Oslo", "innvandring")
    assert 2021 not in innv.index  # the snapshot's gap
    assert rekord.lavest(innv, 2020) == "lavere enn i noe annet år vi har tall for, 2010–2022 (2021 mangler)"
    hel = pd.Series({2017: 9.0, 2018: 7.0, 2019: 8.0, 2020: 5.0})
    assert rekord.lavest(hel, 2020) == "det laveste i hele serien 2017–2020"
    hull = hel.drop(2018)
    assert rekord.lavest(hull, 2020) == "lavere enn i noe annet år vi har tall for, 2017–2020 (2018 mangler)"
    assert "hele serien" not in rekord.lavest(hull, 2020)
    assert rekord.lavest(hel, 2019) == "nummer 3 fra bunnen av de 4 årene vi har tall for, 2017–2020"
    lik = pd.Series({2018: 5.0, 2019: 8.0, 2020: 5.0})
    assert rekord.lavest(lik, 2020).startswith("like lavt som i 2018")
