"""Chapters 2-4 in the built site: their figures, numbered across the book, with the
stand-ins labelled as stand-ins. (No typed-in numbers: tests/claims/test_glued_numbers.py,
the one check for every page.)"""

import re

import pytest

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


def _reader_text(html: str) -> str:
    """The page's visible text: no figure specs, scripts or tables of numbers."""
    from bs4 import BeautifulSoup

    soup = BeautifulSoup(html, "html.parser")
    for tag in soup.find_all(["script", "style", "details"]):
        tag.decompose()
    main = soup.find("main") or soup
    return main.get_text(" ", strip=True)


def test_stand_ins_are_labelled_once(site):
    """A stand-in is named as one in its caption, and the gap is said once, in the reader's
    words, not again in the chart title, the note and the paragraph."""
    alder = _reader_text((site / "notebooks" / "02-alder.html").read_text())
    assert alder.count("Alle innbyggere i Oslo etter alder") == 1
    assert alder.count("Vi har ikke funnet noen publisert tabell over utflyttingen fra Oslo etter alder") == 1
    assert "ingen offentlige tall" not in alder
    assert "denne utgaven av boka" not in alder
    utv = _reader_text((site / "notebooks" / "04-utvandring.html").read_text())
    assert utv.count("Utvandring fra hele landet etter statsborgerskap, antall") == 1
    assert "2024" not in utv  # a value whose year its source does not state is not shown
    fod = _reader_text((site / "notebooks" / "05-fodested-og-familie.html").read_text())
    # The chapter says once, in its text, that the figures show all residents, not the movers.
    assert " ".join(fod.split()).count("viser derfor alle innbyggerne og husholdningene i Oslo") == 1
    assert "utflytterne, men" not in fod and "Ikke 2016–2020" not in fod
    hvor = _reader_text((site / "notebooks" / "06-hvor-flyttet-de.html").read_text())
    assert hvor.count("Netto innenlandsk flytting per fylke i 2020, alle flyttinger") == 1
    assert utv.count("for lavt") == 1  # the 2019 register gap, explained once
    hk = (site / "notebooks" / "03-hjemmekontor.html").read_text()
    # The chapter says the numbers are not published, once and short; why (the registers on
    # microdata.no) stands in «Om dataene», which the sentence links.
    assert (
        "SSB lager ingen tabell over det" in hk and "om-dataene.html" in hk and "mindre sikre" in hk.lower()
    )
    assert "microdata.no" in (site / "book" / "om-dataene.html").read_text()


@pytest.mark.parametrize("chapter", [*CHAPTERS, "05-fodested-og-familie", "06-hvor-flyttet-de"])
def test_reader_voice(site, chapter):
    """No maintainer's words on a reader's page, and every mention of the article names it."""
    text = _reader_text((site / "notebooks" / f"{chapter}.html").read_text())
    for term in (
        "oppfriskning",
        "ContentsCode",
        "IKKE BEKREFTET",
        "make clean",
        "import-shared",
        "kunne ikke nås",
        "tallgrunnlaget",
        "datasettet er beskrevet",
        "BEF021",
        "09588",
        "stedfortreder",
    ):
        assert term.lower() not in text.lower(), f"{chapter}: {term}"
    assert re.search(r"Tønnessen\s*[\[(]\s*2021\s*[\])]", text), (
        chapter
    )  # the citation, linked to the reference list
    for sentence in re.split(r"(?<=[.!?])\s+", text):
        if re.search(r"\bartikkel", sentence, re.I):
            assert "Tønnessen" in sentence, f"{chapter}: {sentence}"


MINE = {
    "02-alder": ["fig-alder-utflytting", "fig-alder-byer"],
    "03-hjemmekontor": ["fig-hjemmekontor-yrke", "fig-oslo-yrker", "fig-permittering"],
    "04-utvandring": ["fig-oslo-utvandring", "fig-utvandring-statsborgerskap"],
    "05-fodested-og-familie": ["fig-innvandrerkategori", "fig-flytting-innvandrere", "fig-husholdninger"],
    "06-hvor-flyttet-de": ["fig-fylker"],
}


def _credit_under_figure(html: str, label: str) -> list[tuple[str, str]]:
    from bs4 import BeautifulSoup

    figure = BeautifulSoup(html, "html.parser").find(id=label)
    assert figure is not None, label
    line = figure.find(class_="oslo-kilde")
    assert line is not None, label
    return [(a.get_text(), a["href"]) for a in line.find_all("a")]


def _credit_in_om_dataene(html: str, label: str) -> list[tuple[str, str]]:
    from bs4 import BeautifulSoup

    for item in BeautifulSoup(html, "html.parser").find_all("li"):
        refs = [a for a in item.find_all("a") if a.get("href", "").endswith("#" + label)]
        if refs:
            # The first paragraph is the credit; the pages the values come from follow it.
            return [(a.get_text(), a["href"]) for a in item.find("p").find_all("a") if a not in refs]
    raise AssertionError(f"{label} mangler i «Kilder per figur»")


@pytest.mark.parametrize("chapter", MINE)
def test_om_dataene_credits_agree_with_the_figures(site, chapter):
    """«Kilder per figur» names the same publishers, in the same order and with the same
    pages, as the credit line under each figure."""
    html = (site / "notebooks" / f"{chapter}.html").read_text()
    om = (site / "book" / "om-dataene.html").read_text()
    for label in MINE[chapter]:
        under = _credit_under_figure(html, label)
        assert under and all(not tekst.startswith("http") for tekst, _ in under), label
        assert _credit_in_om_dataene(om, label) == under, label


def test_om_dataene_reads_as_a_page_for_readers(site):
    text = _reader_text((site / "book" / "om-dataene.html").read_text())
    for term in ("oppfriskning", "IKKE BEKREFTET", "make clean", "import-shared", "kunne ikke nås", "%C3"):
        assert term not in text, term
    assert not re.search(r"\b(19|20)\d\d-(19|20)\d\d\b", text)  # ranges with an en dash
    html = (site / "book" / "om-dataene.html").read_text()
    assert "<table" not in html.split("Kilder per figur", 1)[1].split("Datapakken", 1)[0]  # no wide table


MAANED = "januar|februar|mars|april|mai|juni|juli|august|september|oktober|november|desember|kvartal"


@pytest.mark.parametrize("page", [*(f"notebooks/{c}" for c in MINE), "book/om-dataene"])
def test_typography(site, page):
    """Numbers and dates never break across lines, ranges take an en dash, one spelling of
    «kapitlet», and no sentence starts with a digit."""
    from bs4 import BeautifulSoup

    soup = BeautifulSoup((site / f"{page}.html").read_text(), "html.parser")
    main = soup.find("article")  # the page's own text, not the navigation around it
    for tag in main.find_all(["script", "style", "details", "pre", "code"]):
        tag.decompose()
    text = main.get_text("", strip=False)
    assert not re.search(r"\d \d{3}\b", text), re.search(r".{30}\d \d{3}\b.{10}", text)
    assert not re.search(rf"\d\. ({MAANED})\b", text), re.search(rf".{{30}}\d\. ({MAANED}).{{10}}", text)
    assert not re.search(r"\b(19|20)\d\d-(19|20)\d\d\b", text)
    assert "kapittelet" not in text.lower()
    for paragraph in main.find_all("p"):
        # A sentence ends at . ! ? and an ordinary space; "1.&nbsp;januar" keeps its space.
        # A citation's «mfl. 2020» does not end a sentence.
        for sentence in re.split(r"(?<!\bmfl\.)(?<=[.!?])[ \n]+", paragraph.get_text(" ", strip=True)):
            assert not re.match(r"\d", sentence), f"{page}: {sentence}"


def test_round_two_wording_in_chapters_2_to_4(site):
    """The second editor read: a peak band, not one age ahead by a few people; the change in
    emigration named by its direction; citizenship kept apart from background and destination."""
    alder = _reader_text((site / "notebooks" / "02-alder.html").read_text())
    assert "flest innbyggere i alderen" in alder and "det største årskullet" not in alder
    utv = _reader_text((site / "notebooks" / "04-utvandring.html").read_text())
    assert re.search(r"en (økning|nedgang) på [\d\s\u00a0]+ personer", utv)
    assert "en endring på" not in utv
    assert "Statsborgerskap er ikke det samme som landbakgrunn" not in utv
    assert "svensk bakgrunn" in utv
    hk = " ".join(_reader_text((site / "notebooks" / "03-hjemmekontor.html").read_text()).split())
    # Round six: the definition of academic occupations comes before the finding that uses
    # it, and the finer grouping follows the finding.
    assert hk.index("minst fire års høyere utdanning") < hk.index("fant dette:")
    assert "hjemmefra. I en finere yrkesinndeling hos Tønnessen" in hk
    assert "Det gjelder bare så lenge" not in hk and "Sju av ti" not in hk
    assert "Mer enn halvparten" not in hk and "økte mest" not in hk


def test_no_caption_opens_with_ikke_men(site):
    """A caption says plainly what its figure shows; none opens «Ikke …, men …» (the chapter's
    text says once that a figure is not about the movers)."""
    from bs4 import BeautifulSoup

    from helpers.prose.norsk import IKKE_MEN

    sider = sorted((site / "notebooks").glob("*.html"))
    assert sider
    funnet = []
    for side in sider:
        soup = BeautifulSoup(side.read_text(encoding="utf-8"), "html.parser")
        for cap in soup.select("figcaption"):
            tekst = " ".join(cap.get_text(" ", strip=True).split())
            # «Figur 5.1 Innbyggere …»: the caption's own words follow the number.
            tekst = re.sub(r"^Figur\s+[\d.]+\s*", "", tekst)
            if IKKE_MEN.match(tekst):
                funnet.append(f"{side.name}: {tekst[:60]}")
    assert not funnet, funnet
