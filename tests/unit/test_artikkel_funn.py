"""The findings list weighs return as the article's summary does: both sides, the «likevel»,
and each condition attached to its own argument; and no finding stronger than the summary."""

import re

from helpers.catalog.artikkel import funn
from helpers.prose import artikkel as artikkel_prose


def _setninger(tekst: str) -> list[str]:
    return [s for s in re.split(r"(?<=[.:;])\s+", tekst) if s]


def test_return_gives_both_sides_with_the_articles_weighting():
    t = funn("tilbake")
    for tekst in (t.funn, t.kort):
        # Both sides, the side for return first, then «likevel» for the other.
        assert "for retur" in tekst or "for at de flytter tilbake" in tekst
        assert "Likevel" in tekst
        assert tekst.index("uten barn") < tekst.index("Likevel")
        # No verdict of our own.
        assert "Samlet" not in tekst and "samlet" not in tekst


def test_the_house_price_condition_belongs_to_the_three_factors():
    t = funn("tilbake")
    # The characteristics' argument has only the home-office condition ...
    assert "boligpris" not in t.funn
    assert "dersom hjemmekontor fortsatt er mulig" in t.funn
    # ... the house prices come with family, housing and place.
    setning = next(s for s in _setninger(t.forbehold) if "boligpris" in s)
    assert "tre forholdene" in setning and "hjemmekontor" in setning
    kort = t.kort.lower()
    assert kort.index("familie, bolig") < kort.index("boligpriser")
    assert "boligpris" not in kort[: kort.index("familie, bolig")]


def test_the_intro_line_puts_the_home_office_condition_on_the_occupations_only():
    """As the summary: age and birthplace carry no condition; the occupations' argument holds
    «dersom hjemmekontor fortsatt er mulig»; the three factors hold while home office stays
    possible and house prices stay high. Not one condition over every characteristic."""
    k = funn("tilbake").kort
    assert "hvis hjemmekontor" not in k
    likevel = k.index("Likevel")
    yrker = k.index("yrker", likevel)
    assert k.index("eldre", likevel) < yrker and k.index("født utenfor", likevel) < yrker
    # Nothing about home office before the occupations are named.
    assert "hjemmekontor" not in k[likevel:yrker]
    assert yrker < k.index("dersom hjemmekontor fortsatt er mulig")
    # The three factors carry both conditions.
    faktorer = k[k.lower().index("familie, bolig") :]
    assert "hjemmekontor fortsatt er mulig" in faktorer and "boligpriser" in faktorer


def test_the_home_office_finding_is_no_stronger_than_the_summary():
    h = funn("hjemmekontor").funn
    # «særlig tydelig» only for academic occupations; the other two only «also rose».
    assert "særlig tydelig i akademiske yrker" in h
    assert "høyskoleyrkene og kontoryrkene økte også" in h
    assert not re.search(r"særlig (sterkt|tydelig)[^.,]*høyskole", h)


def test_emigration_is_not_said_to_have_no_home_office_at_all():
    u = funn("utvandring").kort
    assert "hjemmekontorpreg" not in u and "uten noe hjemmekontor" not in u
    assert "tydelig økning" in u


def test_the_summary_renders_the_weighted_return():
    tekst = str.__str__(artikkel_prose.oppsummering())
    assert "Likevel" in tekst and "Samlet" not in tekst
