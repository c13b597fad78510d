"""What a reader of the built site sees: each figure credits the publishers of the values
it draws, no maintainer vocabulary on any page, and Norwegian typography in the text."""

import html
import json
import re

import pytest
import yaml
from support import ROOT

from helpers.figures.render import MIME_TYPE
from helpers.prose.kildelinje import kreditt, utgiver

MAINTAINER_TERMS = [
    "oppfriskning",
    "oppfrisket",
    "ContentsCode",
    "IKKE BEKREFTET",
    "make clean",
    "import-shared",
    "statistikkbanken kunne ikke nås",
    # Issue 17: words of the people who build the book, found on the built pages.
    "hver gang boka bygges",
    "dataene ble sist skrevet",
    "kodearkivet til SSB Discussion Paper 935",
    "lest fra et manuskriptutkast",
    "manuskriptutkast",
    "imdikator-munch",
    "wikimili.com",
    "PxWebApiData",
    "kolonnene i kilden er ikke navngitt",
    "datapackage.json",
    ".notes.md",
    "commit d1ab9eca",
    "(kandidat)",
    "kodearkiv",
    # Issue 31: how the book is made, in words a reader of the pages does not need.
    "datapakken",
    "skrives ikke inn for hånd",
    "Automatiske tester",
    "veiledningen for bidragsytere",
    "kontrollsum",
    "Hver fil har",
    "står ikke på kildesiden",
    "er utledet",
    "trolig i tabell",
    # Issue 17: a stand-in is named by what it is («Ikke utflytterne, men …»).
    "stedfortreder",
]
# Written as an address gives them: the publisher's own name («WikiMili (kopi av Wikipedia)»,
# a weaker source named as such in the credit) may stand, its host name may not.
MAINTAINER_SPELLINGS = ["Kilde: wikimili", "wikimili"]


def toc_pages() -> list[str]:
    """Every page of the table of contents, as paths of the built site."""
    toc = yaml.safe_load((ROOT / "_toc.yml").read_text(encoding="utf-8"))
    found = [toc["root"]]

    def walk(entries):
        for entry in entries or []:
            if "file" in entry:
                found.append(entry["file"])
            walk(entry.get("chapters") or entry.get("sections"))

    walk(toc.get("chapters"))
    for part in toc.get("parts", []):
        walk(part.get("chapters"))
    return [f"{p}.html" for p in found]


def article(page: str) -> str:
    """The page's article: the text written for the reader, without navigation."""
    return page.split("<article", 1)[-1].split("</article>", 1)[0]


def reader_text(page: str) -> str:
    """The visible text of the page's article: no scripts, styles or tags."""
    main = article(page)
    main = re.sub(r"<(script|style|noscript)\b.*?</\1>", " ", main, flags=re.S)
    main = re.sub(r"<pre\b.*?</pre>", " ", main, flags=re.S)  # code shown as code, if any
    return html.unescape(re.sub(r"<[^>]+>", " ", main))


@pytest.fixture(scope="module")
def pages(site):
    return {p: (site / p).read_text(encoding="utf-8") for p in toc_pages()}


def test_every_page_of_the_book_is_checked(pages):
    assert "book/intro.html" in pages and "notebooks/01-rekordutflytting.html" in pages
    assert len(pages) >= 10


@pytest.mark.parametrize("term", MAINTAINER_TERMS)
def test_no_maintainer_vocabulary_on_reader_pages(pages, term):
    found = [p for p, text in pages.items() if term.lower() in reader_text(text).lower()]
    assert not found, f"«{term}» står på sider for lesere: {found}"


@pytest.mark.parametrize("term", MAINTAINER_SPELLINGS)
def test_no_host_spelling_of_a_publisher_on_reader_pages(pages, term):
    found = [
        p for p, text in pages.items() if re.search(rf"(?<![\w.]){re.escape(term)}\b", reader_text(text))
    ]
    assert not found, f"«{term}» står på sider for lesere: {found}"


def test_numbers_and_dates_do_not_break_across_lines(pages):
    problems = []
    for p, text in pages.items():
        words = reader_text(text)
        problems += [f"{p}: {m.group()!r}" for m in re.finditer(r"\b\d{1,3} \d{3}\b(?! ?[–-])", words)]
        problems += [
            f"{p}: {m.group()!r}"
            for m in re.finditer(
                r"\b\d{1,2}\. (januar|februar|mars|april|mai|juni|juli|august|"
                r"september|oktober|november|desember|kvartal)\b",
                words,
            )
        ]
    assert not problems, "vanlig mellomrom der det skal være hardt mellomrom:\n" + "\n".join(problems[:20])


def test_one_spelling_of_kapitlet(pages):
    found = [p for p, text in pages.items() if re.search(r"\bkapittelet\b", reader_text(text), re.I)]
    assert not found, f"«kapittelet» (skriv «kapitlet»): {found}"


def test_no_sentence_starts_with_a_digit(pages):
    problems = []
    for p, text in pages.items():
        for par in re.findall(r"<p\b[^>]*>(.*?)</p>", article(text), flags=re.S):
            words = " ".join(html.unescape(re.sub(r"<[^>]+>", "", par)).split())
            # A sentence starts after . ! ? followed by a space (not "1. kvartal", not "ca. 7",
            # not a citation's «mfl. 2020»).
            for m in re.finditer(r"(?:^|(?<![\d.][.])(?<!\bca\.)(?<!\bmfl\.)(?<=[.!?]) )(\d)", words):
                problems.append(f"{p}: …{words[max(0, m.start() - 30) : m.start() + 30]}…")
    assert not problems, "setning som starter med et tall:\n" + "\n".join(problems[:20])


def test_the_article_is_cited_and_listed(pages):
    assert "10.18261/issn.2703-8866-2021-02-03" in pages["book/litteratur.html"]
    assert "10.18261/issn.2703-8866-2021-02-03" in pages["book/intro.html"]
    for p in (
        "notebooks/01-rekordutflytting.html",
        "notebooks/07-kom-de-tilbake.html",
        "notebooks/08-oppsummering.html",
    ):
        assert 'href="../book/litteratur.html#id' in pages[p] or "litteratur.html#" in pages[p], p


def _credits(page: str) -> list[set[str]]:
    """The publishers named in each figure's credit line, in the order of the figures."""
    lines = re.findall(r"<p class='oslo-kilde'>(?:Svakere k|K)ilde: (.*?)</p>", page, flags=re.S)
    return [{html.unescape(n) for n in re.findall(r">([^<]+)</a>", line)} for line in lines]


def _drawn(site, chapter: str) -> list[dict]:
    """Each figure of an executed chapter, as the MIME data the page was built from."""
    executed = site.parent / "jupyter_execute" / "notebooks" / f"{chapter}.ipynb"
    nb = json.loads(executed.read_text(encoding="utf-8"))
    return [
        o["data"][MIME_TYPE]
        for c in nb["cells"]
        for o in c.get("outputs", [])
        if MIME_TYPE in o.get("data", {})
    ]


CHAPTERS = sorted(p.stem for p in (ROOT / "notebooks").glob("0*.md"))


@pytest.mark.parametrize("chapter", CHAPTERS)
def test_each_figure_credits_the_publishers_of_the_values_it_draws(site, pages, chapter):
    figures = _drawn(site, chapter)
    shown = _credits(pages[f"notebooks/{chapter}.html"])
    assert len(shown) == len(figures), f"{chapter}: {len(shown)} kildelinjer, {len(figures)} figurer"
    for data, credit in zip(figures, shown, strict=True):
        rows = data["radkilder"]
        assert rows, f"{chapter}, {data['navn']}: kildelinjen er ikke laget fra radene figuren tegner"
        # The credit is the one the rows give, publisher by publisher, and the page shows it.
        assert [(k["tekst"], k["url"]) for k in data["kilder"]] == kreditt(rows), data["navn"]
        assert credit == {utgiver(u) for u in rows}, data["navn"]
        assert all("%" not in name and "/" not in name for name in credit), data["navn"]


@pytest.mark.parametrize("chapter", CHAPTERS)
def test_each_credit_names_each_publisher_once(pages, chapter):
    """«Kilde: SSB; Oslo kommune. Svakere kilde: Kommuneprofilen (…).», or «Svakere kilde: …»
    when every source is weaker: a publisher is never named twice under one figure."""
    for line in re.findall(
        r"<p class='oslo-kilde'>(.*?)</p>", pages[f"notebooks/{chapter}.html"], flags=re.S
    ):
        names = [html.unescape(n) for n in re.findall(r">([^<]+)</a>", line)]
        # The credit, without the licence after it (which may name SSB's numbers again).
        text = re.split(r" (?:Lisens|Bruksvilkår): ", html.unescape(re.sub(r"<[^>]+>", "", line)))[0]
        assert names and len(names) == len(set(names)), line
        for name in names:
            assert text.count(name) == 1, (name, text)
        assert text.startswith(("Kilde: ", "Svakere kilde: ")), text
        assert "(svakere)" not in text, text


def test_every_chapter_with_figures_is_checked(site):
    counts = {c: len(_drawn(site, c)) for c in CHAPTERS}
    # 19 since round six dropped the municipal stand-in (the yearly total, drawn a third time).
    assert len(counts) >= 8 and sum(counts.values()) >= 19, counts


def test_the_reference_list_and_citations_are_in_norwegian(pages):
    from pybtex.database import parse_file

    listed = reader_text(pages["book/litteratur.html"])
    for entry in parse_file(ROOT / "references.bib").entries.values():
        authors = [
            " ".join(p.first_names + p.middle_names + p.prelast_names + p.last_names)
            for p in entry.persons["author"]
        ]
        if len(authors) > 1:
            assert f"{authors[-2]} og {authors[-1]}" in listed, entry.key
    # Norwegian author-year: the address ends the reference, without an English «URL:».
    assert "https://doi.org/10.18261/issn.2703-8866-2021-02-03" in listed
    for english in ("URL:", "et al.", ", and ", " In "):
        # Raw article HTML, so the citations' tooltips (title attributes) count too.
        found = [p for p, text in pages.items() if english in html.unescape(article(text))]
        assert not found, f"«{english}» i litteraturlisten eller en henvisning: {found}"
