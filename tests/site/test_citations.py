"""Citations on the built pages in Norwegian author-year style: «(Tønnessen 2021)» and
«Tønnessen (2021)», linked to the reference list; the reference list gives the full
reference with volume and issue; «Slik siterer du boka» has a year. The chapters write
citations and cross-references as Markdown links (readable in JupyterLab), which the book
turns into cite roles and references (helpers.site.litteratur)."""

import re

import pybtex.database
import pytest
from bs4 import BeautifulSoup
from support import ROOT

from helpers.site import litteratur

SOURCES = sorted([*ROOT.glob("notebooks/*.md"), *ROOT.glob("book/*.md")])
REFERANSE = (
    "Tønnessen, Marianne (2021). «Movers from the city in the first year of Covid». "
    "Nordic Journal of Urban Studies 1(2). https://doi.org/10.18261/issn.2703-8866-2021-02-03"
)
AUTHORS = "|".join(
    re.escape(p.last_names[-1])
    for entry in pybtex.database.parse_file(str(ROOT / "references.bib")).entries.values()
    for p in entry.persons["author"][:1]
)
# What sphinxcontrib-bibtex's stock author-year style prints: «[Tønnessen, 2021]»,
# «Tønnessen [2021]», and the comma form.
NOT_NORWEGIAN = re.compile(rf"\[[^\]]*\b(19|20)\d\d\]|\b({AUTHORS})(?: mfl\.)?(?:, \[?| \[)(19|20)\d\d\b")


def text_of(page) -> str:
    soup = BeautifulSoup(page.read_text(encoding="utf-8"), "html.parser")
    main = soup.select_one("main") or soup
    return re.sub(r"\s+", " ", main.get_text(" ")).replace(" )", ")").replace("( ", "(")


def citation_links(source) -> list[str]:
    return [m.group(1) for m in litteratur.LENKE.finditer(source.read_text(encoding="utf-8"))]


def built(site, source):
    return site / source.relative_to(ROOT).with_suffix(".html")


def test_no_cite_role_is_left_in_the_sources():
    """{cite} shows as «Citation Not Found» in JupyterLab: cite with a link instead."""
    for source in SOURCES:
        assert not re.search(r"\{cite(:\w+)?\}", source.read_text(encoding="utf-8")), source.name


@pytest.mark.parametrize(
    "source", [s for s in SOURCES if "doi.org/10.18261" in s.read_text(encoding="utf-8")]
)
def test_citations_are_norwegian_author_year(site, source):
    html = built(site, source).read_text(encoding="utf-8")
    text = text_of(built(site, source))
    written = [t for t in citation_links(source) if litteratur.SITATFORM.match(t)]
    assert written, source.name
    for citation in written:
        assert citation in text, f"{source.name}: «{citation}» is not on the page"
    assert not NOT_NORWEGIAN.search(text), f"{source.name}: {NOT_NORWEGIAN.search(text).group(0)!r}"
    # Each citation links to its entry in the reference list.
    assert re.search(r'href="[^"]*litteratur\.html#id\d+"', html), source.name


def test_reference_list_has_the_full_reference(site):
    text = text_of(site / "book" / "litteratur.html")
    assert REFERANSE in text
    assert "Holgersen, Henning, Zhiyang Jia og Simen Svenkerud (2020). «Who and how many" in text
    soup = BeautifulSoup((site / "book" / "litteratur.html").read_text(encoding="utf-8"), "html.parser")
    assert soup.select_one('a[href="https://doi.org/10.18261/issn.2703-8866-2021-02-03"]')
    # No «[1]» before an author-year reference: the labels are hidden on the page.
    assert litteratur.UTEN_NUMMER in str(soup.head)


def test_how_to_cite_the_book_has_a_year(site):
    text = text_of(site / "book" / "intro.html")
    assert re.search(
        r"Slik siterer du boka\W*Oslo-flytting-prosjektet \(20\d\d\)\. Flyttingen fra Oslo i koronaåret", text
    ), text.rsplit("Slik siterer du boka", 1)[1][:200]


def test_the_notebook_note_is_not_on_the_site(site):
    """The «Slik kjører du …» note is for JupyterLab (a cell tagged remove-cell)."""
    for source in SOURCES:
        if "> **Slik kjører du" in source.read_text(encoding="utf-8"):
            assert "Slik kjører du" not in text_of(built(site, source)), source.name


def test_cross_references_show_the_number_or_title(site):
    """«[Figur 1.2](01-rekordutflytting.md#fig-oslo-rater)», «[Rekordutflytting](01-….md#kap-rekord)»:
    JupyterLab shows the typed text, the book links it; the text must be the figure's number
    or the chapter's title on its page."""
    checked = 0
    for source in SOURCES:
        for m in litteratur.MERKELAPP.finditer(source.read_text(encoding="utf-8")):
            shown, label = m.group(1), m.group(2)
            target = m.group(0).split("(", 1)[1].split("#")[0]
            page = (built(site, source).parent / target).with_suffix(".html")
            soup = BeautifulSoup(page.read_text(encoding="utf-8"), "html.parser")
            figure = soup.find(id=label)
            assert figure is not None, f"{source.name}: no #{label} in {page.name}"
            if figure.select_one(".caption-number"):
                number = figure.select_one(".caption-number").get_text().strip()
                # «figur 1.2» mid-sentence: only the first letter's case may differ.
                assert shown[:1].lower() + shown[1:] == number[:1].lower() + number[1:], (
                    f"{source.name}: «{shown}» links to {label}, which is «{number}»"
                )
            elif figure.name == "p":  # a paragraph («se under», «hvorfor»): words, never a number
                assert shown.strip() and not re.search(r"\d", shown), (
                    f"{source.name}: «{shown}» links to {label}"
                )
            else:  # a chapter or page: the link's text is its title
                heading = figure.find(["h1", "h2"]) or figure.find_next(["h1", "h2"])
                title = heading.get_text().replace("#", "").strip()
                title = re.sub(r"^\d+(\.\d+)*\.?\s+", "", title)
                assert shown == title, f"{source.name}: «{shown}» links to {label}, titled «{title}»"
            html = built(site, source).read_text(encoding="utf-8")
            assert f'#{label}"' in html, f"{source.name}: «{shown}» is not a link to {label}"
            checked += 1
    assert checked, "no cross-reference written as a link"


def test_a_mistyped_citation_is_a_warning():
    oppslag = {"https://doi.org/x": ("key", "(Navn 2021)", "Navn (2021)")}
    warned = []
    assert litteratur.sitater_som_roller("[(Navn 2021)](https://doi.org/x)", oppslag) == "{cite:p}`key`"
    assert litteratur.sitater_som_roller("[Navn (2021)](https://doi.org/x)", oppslag) == "{cite:t}`key`"
    assert litteratur.sitater_som_roller("[doi.org/x](https://doi.org/x)", oppslag, warned.append) == (
        "[doi.org/x](https://doi.org/x)"
    )
    assert not warned
    litteratur.sitater_som_roller("[(Navn 2020)](https://doi.org/x)", oppslag, warned.append)
    assert warned and "(Navn 2021)" in warned[0]


# An author-year citation as a reader sees it, whether or not it was written as a link:
# «(Sørlie mfl. 2021)», «(Tønnessen 2021; …)», «Holgersen mfl. (2020)», «Aa og Bb (2019)».
_NAVN = r"[A-ZÆØÅ][a-zæøåéüöä]+(?:-[A-ZÆØÅ][a-zæøåéüöä]+)?"
_MED = rf"(?: (?:mfl\.|m\.fl\.|et al\.|og {_NAVN}))?"
_AAR = r"((?:19|20)\d\d)[a-z]?"
SITAT_I_PARENTES = re.compile(rf"[(;] ?({_NAVN}){_MED},? {_AAR}(?=[;)])")
SITAT_I_TEKST = re.compile(rf"\b({_NAVN}){_MED} \({_AAR}\)")


def sitater(text: str) -> set[tuple[str, str]]:
    """(first author's surname, year) of every author-year citation in a page's text."""
    return {(m.group(1), m.group(2)) for r in (SITAT_I_PARENTES, SITAT_I_TEKST) for m in r.finditer(text)}


def test_the_citation_finder_sees_every_form():
    text = "som (Sørlie mfl. 2021) viste, og Tønnessen (2021) og (Holgersen m.fl. 2020; Aa og Bb 2019) fant"
    assert sitater(text) == {("Sørlie", "2021"), ("Tønnessen", "2021"), ("Holgersen", "2020"), ("Aa", "2019")}
    assert not sitater("i 2020 flyttet 36 000 (se figur 1.2) fra Oslo")


def test_every_citation_in_the_book_is_in_the_reference_list(site):
    """«Litteratur» lists every publication the pages cite: a citation typed as plain text
    (not as a link to an entry of references.bib) has no entry, and fails here by name."""
    liste = text_of(site / "book" / "litteratur.html")
    oppfort = set(re.findall(rf"\b({_NAVN}), [^()]*?\(((?:19|20)\d\d)\)", liste))
    assert ("Tønnessen", "2021") in oppfort and ("Holgersen", "2020") in oppfort, oppfort
    mangler = []
    for page in sorted([*site.glob("notebooks/*.html"), *site.glob("book/*.html")]):
        if page.name == "litteratur.html":
            continue
        for forfatter, aar in sorted(sitater(text_of(page))):
            if (forfatter, aar) not in oppfort:
                mangler.append(f"{page.name}: {forfatter} {aar}")
    assert not mangler, "sitert, men ikke i «Litteratur»: " + "; ".join(mangler)
