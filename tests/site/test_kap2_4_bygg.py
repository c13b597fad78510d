"""Chapters 2-4 in the built site: their figures, numbered across the book, with the
stand-ins labelled as stand-ins and no typed-in numbers in their Markdown."""

import re

import pytest
from support import ROOT

# Tables the chapters name; a typed five-digit count must not slip through as a "table id".
SSB_TABLES = {"01223", "06913", "07459", "09587", "09588", "09817", "11619", "13864"}
CHAPTERS = {
    "02-alder": (2, ["fig-alder-utflytting", "fig-alder-byer"]),
    "03-hjemmekontor": (3, ["fig-hjemmekontor-yrke", "fig-oslo-yrker", "fig-permittering"]),
    "04-utvandring": (4, ["fig-oslo-utvandring", "fig-utvandring-statsborgerskap"]),
}


@pytest.mark.parametrize("chapter", CHAPTERS)
def test_chapter_has_its_numbered_figures(site, chapter):
    number, figures = CHAPTERS[chapter]
    html = (site / "notebooks" / f"{chapter}.html").read_text()
    assert html.count("class='oslo-vega-spec'") == len(figures)
    for i, name in enumerate(figures, start=1):
        assert f'id="{name}"' in html, name
        assert f"Figur {number}.{i}" in html


def test_stand_ins_say_so_in_title_and_caption(site):
    alder = (site / "notebooks" / "02-alder.html").read_text()
    assert "Stedfortreder: alle innbyggere i Oslo etter alder, ikke flyttere" in alder  # chart title
    assert "Stedfortreder, ikke artikkelens figur" in alder  # caption
    assert "09588" in alder  # which table would fill the gap
    utv = (site / "notebooks" / "04-utvandring.html").read_text()
    assert "Stedfortreder: utvandring fra hele landet etter statsborgerskap" in utv
    assert "BEF021" in utv
    hk = (site / "notebooks" / "03-hjemmekontor.html").read_text()
    assert "microdata.no" in hk and "lavere tillit" in hk.lower()


@pytest.mark.parametrize("chapter", CHAPTERS)
def test_no_typed_numbers_in_prose(chapter):
    """Numbers of three or more digits in the Markdown (outside code cells) must be years
    or SSB table ids; everything else is glued from the data."""
    text = (ROOT / "notebooks" / f"{chapter}.md").read_text()
    prose = re.sub(r"```\{code-cell\}.*?```", "", text, flags=re.S)
    prose = re.sub(r"^---\n.*?\n---\n", "", prose, flags=re.S)
    prose = re.sub(r"\{glue(?::figure)?\}`?[\w]+`?", "", prose)  # glue names, not numbers
    for number in re.findall(r"\d+(?:[ \u00a0]\d{3})*", prose):
        digits = number.replace(" ", "").replace("\u00a0", "")
        if len(digits) < 3:
            continue
        is_year = len(digits) == 4 and 1900 <= int(digits) <= 2100
        is_table = number in SSB_TABLES
        assert is_year or is_table, f"{chapter}: {number!r}"
