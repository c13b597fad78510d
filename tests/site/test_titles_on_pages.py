"""Every figure opens with its answer in words: a title on the built site, one per figure,
short enough to read on a phone, and no two figures with the same answer."""

import html
import re

import pytest

NOTEBOOKS = "notebooks"
# Two lines on a 390 px phone at the title's size; a longer title is a paragraph.
MAKS_TEGN = 90


@pytest.fixture(scope="module")
def figures(site):
    found = {}
    for page in sorted((site / NOTEBOOKS).glob("*.html")):
        text = page.read_text(encoding="utf-8")
        for block in text.split("<div class='oslo-figur' ")[1:]:
            name = re.match(r"data-figur='([^']+)'", block).group(1)
            title = re.match(r"data-figur='[^']+'><p class='oslo-tittel'>([^<]*)</p>", block)
            found[f"{page.name}#{name}"] = html.unescape(title.group(1)) if title else None
    return found


def test_the_chapters_have_figures(figures):
    # 19 since round six dropped chapter 6's municipal stand-in (figure 1.1's total again).
    assert len(figures) >= 19


def test_every_figure_opens_with_a_title(figures):
    missing = [name for name, title in figures.items() if not title]
    assert not missing, f"figurer uten tittel (Figur(..., tittel=...)): {missing}"


def test_titles_are_short_and_start_with_a_word(figures):
    for name, title in figures.items():
        assert len(title) <= MAKS_TEGN, f"{name}: tittelen er for lang ({len(title)} tegn): {title}"
        assert not title[0].isdigit(), f"{name}: tittelen begynner med et tall: {title}"
        assert not title.endswith("."), f"{name}: en tittel slutter ikke med punktum: {title}"


def test_no_two_figures_give_the_same_answer(figures):
    titles = list(figures.values())
    assert len(set(titles)) == len(titles), f"samme tittel på flere figurer: {titles}"
