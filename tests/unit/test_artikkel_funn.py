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
        # No verdict of our own.
        assert "Samlet" not in tekst and "samlet" not in tekst
    assert t.funn.index("uten barn") < t.funn.index("Likevel")


def test_the_house_price_condition_belongs_to_the_three_factors():
    t = funn("tilbake")
    # The characteristics' argument has only the home-office condition ...
    assert "boligpris" not in t.funn
    assert "dersom hjemmekontor fortsatt er mulig" in t.funn
    # ... the house prices come with family, housing and place.
    setning = next(s for s in _setninger(t.forbehold) if "boligpris" in s)
    assert "tre forholdene" in setning and "hjemmekontor" in setning
    assert "boligpris" not in t.kort


def test_the_intro_line_on_return_is_short_and_points_to_the_summary():
    """The introduction gives both sides in a line and points to chapter 8; the weighing, with
    its conditions and the three factors, stands there only (not twice, near word for word)."""
    t = funn("tilbake")
    k = t.kort
    assert len(k) < 200
    for ord_ in ("boligpris", "familie, bolig", "nedstengt", "stengt ned", "eldre", "født utenfor"):
        assert ord_ not in k.lower(), ord_
    assert "oppsummeringen" in k
    linje = artikkel_prose._kort(t)
    assert linje.endswith("({ref}`kap-oppsummering`).")
    # No run of eight words shared with the chapter 8 passage.
    ord_k = re.findall(r"\w+", k.lower())
    lang = " ".join(re.findall(r"\w+", f"{t.funn} {t.forbehold}".lower()))
    for i in range(len(ord_k) - 7):
        assert " ".join(ord_k[i : i + 8]) not in lang


def test_the_intro_line_on_home_office_keeps_its_condition():
    linje = artikkel_prose._kort(funn("hjemmekontor"))
    assert "tale mot retur, så lenge hjemmekontor fortsatt er mulig (" in linje
    # Only a finding with a condition gets one.
    assert "så lenge" not in artikkel_prose._kort(funn("alder"))
    assert "så lenge" in str.__str__(artikkel_prose.innledning())


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


def test_the_return_weighing_keeps_the_summarys_conditions():
    """«for mange kontoransatte», «mulig og vanlig», and the move the other way only if work
    decides less where people live: each point keeps the condition the summary puts on it."""
    forbehold = funn("tilbake").forbehold
    hjemme = next(s for s in re.split(r"(?<=\.) ", forbehold) if "kontoransatte" in s)
    assert "mulig og vanlig" in hjemme and "mange kontoransatte" in hjemme
    motsatt = next(s for s in re.split(r"(?<=\.) ", forbehold) if "andre veien" in s)
    assert re.search(r"(styrer|avgjør) jobben mindre", motsatt)
