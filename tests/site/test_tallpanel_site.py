"""Every statistic in the text of the built book opens to its explanation
(helpers.site.tallpanel): each number link has its item in «Tallene i kapitlet» with at
least one source row and an operation, and says the same number as the text; the
chapters listed in DEKKET have no statistic in their prose that cannot be opened (the
structural numbers and the exceptions below are explicit); the panel's script and style
are loaded only where there are numbers and weigh at most 10 KB gzipped together."""

from __future__ import annotations

import gzip

import pytest
from bs4 import BeautifulSoup
from support.tallsjekk import STRUKTUR, TALL
from test_reader_text import toc_pages

from helpers.site.tallpanel import LISTE_ID
from helpers.site.vega import STATIC

# Pages whose prose is fully explorable: every statistic in a paragraph opens.
DEKKET = [
    "book/intro.html",
    "notebooks/01-rekordutflytting.html",
    "notebooks/02-alder.html",
    "notebooks/03-hjemmekontor.html",
    "notebooks/04-utvandring.html",
    "notebooks/05-fodested-og-familie.html",
    "notebooks/06-hvor-flyttet-de.html",
    "notebooks/08-oppsummering.html",
]
# Numbers in those pages' prose that are not statistics computed from our data: page, the
# text around the number, and why.
UNNTAK = {
    ("notebooks/01-rekordutflytting.html", "hoppet fra"): "the article's own figures (catalog/artikkel.py)",
}


@pytest.fixture(scope="module")
def pages(site):
    return {p: BeautifulSoup((site / p).read_text(encoding="utf-8"), "lxml") for p in toc_pages()}


def _steps_result(step: str) -> str:
    return TALL.findall(step)[-1]


def test_every_number_has_its_explanation_with_rows_and_arithmetic(pages):
    checked = 0
    for rel, soup in pages.items():
        links = soup.select("article a.oslo-tall")
        ids = [a["id"] for a in links]
        assert len(ids) == len(set(ids)), f"{rel}: two numbers share an anchor"
        for a in links:
            item = soup.find(id=a["href"][1:])
            assert item is not None and item.name == "li", f"{rel}: {a.text} has no item in the list"
            assert item.find_parent(id=LISTE_ID), f"{rel}: {a.text}'s item is outside «Tallene i kapitlet»"
            assert item.select_one(".oslo-tall-hva strong").text == a.text
            rows = item.select(".oslo-tall-rader tbody tr")
            assert rows, f"{rel}: {a.text} has no source row"
            assert all(r.select_one("a[href^='http']") for r in rows), (
                f"{rel}: {a.text}: a row without its source"
            )
            steps = [li.text for li in item.select(".oslo-tall-regning li")]
            assert steps, f"{rel}: {a.text} has no operation"
            number = a.text.removesuffix("\u00a0prosent")
            if steps[0].startswith("Tallet er lest rett"):
                assert len(rows) == 1 and rows[0].select_one("td.tall").text.startswith(number), (rel, a.text)
            else:
                assert _steps_result(steps[-1]) == number, f"{rel}: {a.text} ≠ the arithmetic's {steps[-1]}"
            assert item.select_one(".oslo-tall-tilbake a")["href"] == f"#{a['id']}"
            checked += 1
    assert checked >= 20


def test_scripts_only_on_pages_with_numbers(pages):
    for rel, soup in pages.items():
        has = bool(soup.select("a.oslo-tall"))
        scripts = [s.get("src", "") for s in soup.find_all("script")]
        styles = [s.get("href", "") for s in soup.find_all("link")]
        assert has == any("oslo-tallpanel.js" in s for s in scripts), rel
        assert has == any("oslo-tallpanel.css" in s for s in styles), rel
        assert has == (soup.find(id=LISTE_ID) is not None), rel


def test_panel_script_and_style_within_10_kb_gzipped():
    size = sum(
        len(gzip.compress((STATIC / f).read_bytes(), 9)) for f in ("oslo-tallpanel.js", "oslo-tallpanel.css")
    )
    assert size <= 10 * 1024, f"{size} bytes gzipped"


def _uforklarte(rel: str, soup) -> list[str]:
    body = soup.select_one("article")
    for skip in body.select(
        f"#{LISTE_ID}, .oslo-figur, figure, .oslo-tabell-ramme, pre, script, style, .cell_input, nav, .footnote"
    ):
        skip.decompose()
    out = []
    for p in body.find_all(["p", "li"]):
        if p.find(["p", "li"]):
            continue
        for a in p.select("a.oslo-tall, .oslo-struktur"):
            a.replace_with("§")
        tekst = p.get_text()
        spans = [s for pat in STRUKTUR for s in (m.span() for m in pat.finditer(tekst))]
        for m in TALL.finditer(tekst):
            a_, b_ = m.span()
            if any(x <= a_ and b_ <= y for x, y in spans):
                continue
            around = tekst[max(0, a_ - 40) : b_ + 10]
            if any(page == rel and hint in around for page, hint in UNNTAK):
                continue
            out.append(f"{m.group()!r} in «…{around}…»")
    return out


@pytest.mark.parametrize("rel", DEKKET)
def test_every_statistic_in_the_prose_opens(pages, rel):
    assert _uforklarte(rel, pages[rel]) == []
