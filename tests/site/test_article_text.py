"""The built pages against the article: its findings as the one list renders them (intro,
chapters, summary), every sentence about which numbers exist in the one generated form,
and no run of eight or more words taken from the article's Norwegian summary."""

import re

import pytest
from support.article import fingerprint, summary_runs, words
from test_reader_text import reader_text, toc_pages

from helpers.catalog import tilgang
from helpers.catalog.artikkel import FUNN, REKKEFOLGE_INNLEDNING, funn
from helpers.prose import artikkel as artikkel_prose
from helpers.prose import tilgang as tilgang_prose

# Names and titles the book may share with the summary (the no-copy rule excepts them).
NAVN_OG_TITLER = [
    "Movers from the city in the first year of Covid",
    "Bærum, Lillestrøm, Lørenskog, Asker og Nordre Follo",
    "Trondheim, Bergen, Kristiansand og Stavanger",
    "Drammen, Fredrikstad, Moss og Tønsberg",
    "Statistisk sentralbyrå",
    "Bo- og flyttemotivundersøkelsen",
]

CHAPTER_PAGE = {
    "kap-rekord": "notebooks/01-rekordutflytting.html",
    "kap-alder": "notebooks/02-alder.html",
    "kap-hjemmekontor": "notebooks/03-hjemmekontor.html",
    "kap-utvandring": "notebooks/04-utvandring.html",
    "kap-fodested": "notebooks/05-fodested-og-familie.html",
    "kap-destinasjoner": "notebooks/06-hvor-flyttet-de.html",
    "kap-oppsummering": "notebooks/08-oppsummering.html",
}


def flat(text: str) -> str:
    """Whitespace (line breaks, non-breaking spaces) as single spaces, none before punctuation
    or inside brackets (where the page's tags were)."""
    text = re.sub(r"\s+", " ", text.replace("\u00a0", " ")).strip()
    text = re.sub(r" ([,.;:)])", r"\1", text)
    return re.sub(r"\( ", "(", text)


def plain(markdown: str) -> str:
    """What a reader sees of the Markdown the helpers write: no emphasis, links as their text,
    references as the chapter's title (checked separately)."""
    text = markdown.replace("{ref}`om-dataene`", "Om dataene")
    text = re.sub(r"\{ref\}`[^`]*`", "", text)
    text = re.sub(r"\[([^\]]*)\]\([^)]*\)", r"\1", text)
    text = text.replace("**", "").replace("*", "")
    return flat(text)


@pytest.fixture(scope="module")
def pages(site):
    return {p: flat(reader_text((site / p).read_text(encoding="utf-8"))) for p in toc_pages()}


def test_the_list_has_every_section_of_the_article():
    assert [f.navn for f in FUNN] == [
        "rekord",
        "andre_byer",
        "utvandring",
        "alder",
        "hjemmekontor",
        "fodested",
        "familie",
        "viken",
        "tilbake",
    ]
    for f in FUNN:
        assert f.funn and f.del_ and f.kapittel in CHAPTER_PAGE and f.retning in ("mot", "for", "")


def test_the_introduction_leads_with_the_findings(pages):
    intro = pages["book/intro.html"]
    first_heading = intro.index("Hva de offentlige tallene viser")
    for navn in REKKEFOLGE_INNLEDNING:
        kort = flat(artikkel_prose.stor_forbokstav(funn(navn).kort))
        assert kort in intro, f"forsiden mangler funnet «{kort}»"
        assert intro.index(kort) < first_heading, f"«{kort}» står ikke før bokas egne tall"
    for line in artikkel_prose.innledning().splitlines():
        assert plain(line).removeprefix("- ").removesuffix(" .").rstrip(" ().") in intro


def test_the_summary_draws_on_the_list_in_short(pages):
    """8.1 weighs return as the article does, from the list's own entries, and does not repeat
    the chapters' findings in full."""
    summary = pages["notebooks/08-oppsummering.html"]
    for avsnitt in artikkel_prose.oppsummering().split("\n\n"):
        # The chapter references render as the chapters' titles; check the words between them.
        for del_ in plain(avsnitt).split(" ()"):
            assert del_.strip(" ,.") in summary, f"oppsummeringen mangler: {del_[:60]}"
    tilbake = funn("tilbake")
    for del_ in (tilbake.funn, tilbake.forbehold):
        assert flat(del_) in summary, f"oppsummeringen mangler: {del_[:60]}"
    for navn in ("rekord", "viken", "utvandring"):
        assert flat(funn(navn).kort) in summary, f"oppsummeringen mangler {navn}"
    for f in FUNN:
        if f.kapittel != "kap-oppsummering":
            assert flat(f.funn) not in summary, f"oppsummeringen gjentar funnet {f.navn} i sin helhet"


def test_each_chapter_says_what_the_article_found_in_the_lists_words(pages):
    for f in FUNN:
        if f.kapittel == "kap-oppsummering":
            continue
        page = pages[CHAPTER_PAGE[f.kapittel]]
        assert flat(f.funn) in page, f"{CHAPTER_PAGE[f.kapittel]} mangler funnet {f.navn}"


def _sentences(text: str) -> list[str]:
    return [s.strip() for s in re.split(r"(?<=[.!?:])\s+(?=[A-ZÆØÅ])| # ", text) if s.strip()]


# A sentence about whether numbers exist or which tables the book holds.
TILGANG = re.compile(
    r"publiserer (ikke )?SSB|SSB publiserer|denne utgaven|finnes i SSBs statistikkbank|"
    r"tallene har vi ikke|har vi ikke her|ikke med i boka|ingen offentlige tall|ikke hentet inn|"
    r"bygger boka ikke på|bare i registerdataene|ikke blant kildene",
    re.I,
)


def _generated() -> set[str]:
    generated = {plain(tilgang_prose.setning(t.navn)) for t in tilgang.TEMAER}
    # Topics only in the registers that a chapter names together (Fødested og familie).
    generated.add(plain(tilgang_prose.setning(("fodested", "familie"))))
    for line in tilgang_prose.oversikt().splitlines():
        generated |= set(_sentences(plain(line).removeprefix("- ")))
    return generated


def test_every_availability_sentence_is_the_generated_one(pages):
    generated = _generated() | set(_sentences(plain(tilgang_prose.utgaven())))
    found = []
    for p, text in pages.items():
        for s in _sentences(text):
            if TILGANG.search(s) and not any(g in s or s in g for g in generated):
                found.append(f"{p}: {s}")
    assert not found, "setninger om hvilke tall som finnes, skrevet for hånd:\n" + "\n".join(found)
    # Missing numbers are never put as a shortcoming of «this edition».
    for p, text in pages.items():
        for s in _sentences(text):
            if "denne utgaven" in s:
                assert any(s in g or g in s for g in _sentences(plain(tilgang_prose.utgaven()))), f"{p}: {s}"


def _seksord(text: str) -> set[tuple[str, ...]]:
    w = words(text)
    return {tuple(w[i : i + 6]) for i in range(len(w) - 5)}


def repeated_missing_data_runs(pages: dict[str, str]) -> list[str]:
    """Runs of six words that a sentence about missing numbers shares with such a sentence
    on another page: where data are missing, the book says so once."""
    generated = _generated()
    # Where the edition's numbers come from is not about missing numbers (two pages say it).
    kilder = _sentences(plain(tilgang_prose.utgaven()))
    # A topic with no table found is said in the same words in its chapter and in «Om
    # dataene» (the editor found two wordings seemed to disagree): that sentence may repeat.
    samme = set()
    for s in tilgang.alle():
        if not s.holdes and s.kandidater and not s.tema.bare_registerdata:
            samme |= _seksord(plain(tilgang_prose.setning(s.tema.navn)))
    hvor: dict[tuple[str, ...], str] = {}
    funnet = []
    for p, text in pages.items():
        for s in _sentences(text):
            if not (TILGANG.search(s) or any(g in s for g in generated)) or any(k in s for k in kilder):
                continue
            for gram in _seksord(s) - samme:
                if hvor.setdefault(gram, p) != p:
                    funnet.append(f"{hvor[gram]} og {p}: «{' '.join(gram)}»")
    return funnet


def test_no_sentence_about_missing_data_repeats_on_the_site(pages):
    repeated = repeated_missing_data_runs(pages)
    assert not repeated, "det samme om manglende tall på flere sider:\n" + "\n".join(repeated)


def test_the_repeat_check_can_fail():
    tail = "men tallene er ikke med i denne utgaven av boka"
    pages = {"a.html": f"SSB publiserer A, {tail}. Annet.", "b.html": f"SSB publiserer B, {tail}."}
    assert repeated_missing_data_runs(pages)
    assert not repeated_missing_data_runs({"a.html": pages["a.html"], "b.html": "Noe helt annet her."})


def test_every_availability_sentence_links_to_om_dataene(site):
    for p in toc_pages():
        html = (site / p).read_text(encoding="utf-8")
        for t in tilgang.TEMAER:
            start = flat(plain(tilgang_prose.setning(t.navn)))[:40]
            text = flat(reader_text(html))
            if start in text:
                assert "om-dataene.html" in html, p


def test_no_run_of_eight_words_from_the_summary(pages):
    grams = summary_runs()
    assert len(grams) > 1000
    copied = []
    for p, text in pages.items():
        for name in NAVN_OG_TITLER:
            text = text.replace(name, " | ")
        for part in text.split(" | "):
            w = words(part)
            copied += [
                f"{p}: {' '.join(w[i : i + 8])}"
                for i in range(len(w) - 7)
                if fingerprint(w[i : i + 8]) in grams
            ]
    assert not copied, "åtte eller flere ord på rad fra sammendraget:\n" + "\n".join(copied)


def test_the_no_copy_check_can_fail():
    grams = summary_runs()
    copied = words("Det var også mange som flyttet ut fra Oslo, og i det følgende oppsummeres")
    assert any(fingerprint(copied[i : i + 8]) in grams for i in range(len(copied) - 7))
    own = words("Boka forteller med egne ord hva artikkelen fant om flyttingen fra Oslo")
    assert not any(fingerprint(own[i : i + 8]) in grams for i in range(len(own) - 7))


# A caveat: the words that explain it (said once), the words that mention it, and its label.
FORBEHOLD = {
    "utvandring-2019": (r"folkeregisteret", r"for lavt", "notebooks/04-utvandring.html"),
    "samme-personer": (r"følges over tid", r"samme menneskene", "notebooks/07-kom-de-tilbake.html"),
}


@pytest.mark.parametrize("label", FORBEHOLD)
def test_each_caveat_is_explained_once_and_linked_elsewhere(site, pages, label):
    forklaring, omtale, hjem = FORBEHOLD[label]
    explained = [p for p, text in pages.items() if re.search(forklaring, text, re.I)]
    assert explained == [hjem], f"{label} forklares på {explained}"
    for p, text in pages.items():
        if p != hjem and re.search(omtale, text, re.I):
            html = (site / p).read_text(encoding="utf-8")
            assert f"#{label}" in html, f"{p} nevner {label} uten å lenke til forklaringen"


def test_om_dataene_lists_every_figure_the_chapters_draw_and_no_other(site):
    """The list of sources per figure is read from the figures themselves, so it names every
    figure in the book and only those, with the pages its values come from."""
    drawn = set()
    for p in toc_pages():
        if p.startswith("notebooks/"):
            drawn |= set(
                re.findall(r'<figure[^>]*id="(fig-[a-z0-9-]+)"', (site / p).read_text(encoding="utf-8"))
            )
    om = (site / "book" / "om-dataene.html").read_text(encoding="utf-8")
    section = om.split('id="kilder-per-figur"', 1)[1].split("<section", 1)[0]
    listed = set(re.findall(r'href="[^"]*#(fig-[a-z0-9-]+)"', section))
    assert drawn and listed == drawn
    assert section.count("Sidene tallene er hentet fra") == len(drawn)
