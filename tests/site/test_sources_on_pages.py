"""Every publisher and source title a reader sees comes from the one source catalog
(helpers.catalog.sources): the credit under each figure, its licence, «Om dataene» and the
footer's data line. No other module keeps a table of publishers or hosts."""

import html
import json
import re

import pytest
from support import ROOT
from test_reader_text import article, toc_pages

from helpers.catalog import sources
from helpers.figures.render import MIME_TYPE
from helpers.prose.norsk import typografi
from helpers.site.datalinje import datalinje


@pytest.fixture(scope="module")
def pages(site):
    return {p: (site / p).read_text(encoding="utf-8") for p in toc_pages()}


def _figures(site) -> dict[str, list[dict]]:
    out = {}
    for nb in sorted((site.parent / "jupyter_execute").rglob("*.ipynb")):
        cells = json.loads(nb.read_text(encoding="utf-8"))["cells"]
        rel = nb.relative_to(site.parent / "jupyter_execute").with_suffix(".html").as_posix()
        out[rel] = [
            o["data"][MIME_TYPE]
            for c in cells
            for o in c.get("outputs", [])
            if MIME_TYPE in o.get("data", {})
        ]
    return out


def test_each_credit_names_the_catalog_publisher_with_its_kind_and_licence(site):
    checked = 0
    for page, figures in _figures(site).items():
        for data in figures:
            for k in data["kilder"]:
                assert sources.katalogisert(k["url"]), (page, data["navn"], k)
                who = sources.finn_utgiver(k["url"])
                assert k["tekst"] == who.visning, (page, data["navn"], k)
                assert k["lisens"] == who.lisens and k["svak"] == who.svak, (page, data["navn"], k)
                checked += 1
    assert checked >= 25


def _lenker(html_: str) -> list[tuple[str, str]]:
    return [
        (html.unescape(url), " ".join(html.unescape(re.sub(r"<[^>]+>", "", inner)).split()))
        for url, inner in re.findall(
            r'<a class="reference external" href="([^"]+)"[^>]*>(.*?)</a>', html_, flags=re.S
        )
    ]


def test_om_dataene_names_each_publisher_once_with_its_pages_under_it(pages):
    """«Folkehelseinstituttet (FHI, kopi av SSB-tall): side A; side B.»: per figure, one line
    per publisher, the catalog's name once and then its pages by their catalogued titles."""
    page = article(pages["book/om-dataene.html"])
    lister = re.findall(r'<ul class="oslo-sider[^"]*">(.*?)</ul>', page, flags=re.S)
    assert len(lister) >= 19  # one per figure
    checked = 0
    for liste in lister:
        navn_i_lista = []
        for linje in re.findall(r"<li>(.*?)</li>", liste, flags=re.S):
            tekst = " ".join(html.unescape(re.sub(r"<[^>]+>", "", linje)).split())
            navn = re.sub(r"<[^>]+>", "", linje.split("<a ", 1)[0]).strip().removesuffix(":")
            navn = " ".join(html.unescape(navn).split())
            navn_i_lista.append(navn)
            assert tekst.startswith(navn + ": ") and tekst.count(navn + ":") == 1, tekst
            for url, tittel in _lenker(linje):
                side = sources.kildeside(url)
                assert side.navn == navn, (url, navn)
                assert tittel == " ".join(typografi(side.tittel).split()), (url, tittel)
                checked += 1
        assert len(navn_i_lista) == len(set(navn_i_lista)), navn_i_lista
    assert checked >= 40, checked


def test_every_source_on_om_dataene_is_named_and_titled_by_the_catalog(pages):
    page = article(pages["book/om-dataene.html"])
    # The pages under each publisher are checked above, with the name they stand under.
    page = re.sub(r'<ul class="oslo-sider[^"]*">.*?</ul>', "", page, flags=re.S)
    checked = 0
    for url, inner in re.findall(
        r'<a class="reference external" href="([^"]+)"[^>]*>(.*?)</a>', page, flags=re.S
    ):
        text = " ".join(html.unescape(re.sub(r"<[^>]+>", "", inner)).split())
        url = html.unescape(url)
        if re.fullmatch(r"\d{5}", text):
            continue  # an SSB table named by its number
        if not sources.katalogisert(url) and ": " not in text:
            continue  # a link in the prose (microdata.no), not a source of the numbers
        side = sources.kildeside(url)
        assert text in {side.navn, " ".join(typografi(f"{side.navn}: {side.tittel}").split())}, (url, text)
        checked += 1
    # 9.2 no longer names publishers (9.1 names those behind the figures): fewer links.
    assert checked >= 30, checked


def _footer_data(page: str) -> str | None:
    credit = re.search(r'class="component-credit">(.*?)</p>', page, flags=re.S).group(1)
    found = re.search(
        r"Data: (.*?)\.\s*Kode:", " ".join(html.unescape(re.sub(r"<[^>]+>", "", credit)).split())
    )
    return found.group(1) if found else None


def test_the_footer_names_the_publishers_of_the_page_figures(site, pages):
    figures = _figures(site)
    for page, text in pages.items():
        kilder = [k for data in figures.get(page, []) for k in data["kilder"]]
        shown = _footer_data(text)
        if not kilder:
            assert shown is None, f"{page}: datalinje uten figurer: {shown}"
            continue
        expected = " ".join(html.unescape(re.sub(r"<[^>]+>", "", datalinje(kilder))).split())
        assert shown == expected, page
        for k in kilder:
            assert k["tekst"] in shown, (page, k["tekst"])
        # SSB's licence is claimed only where SSB's numbers are drawn.
        assert ("CC BY 4.0" in shown) == any(k["lisens"] for k in kilder), page


def test_the_data_line_can_fail():
    ssb = {"tekst": "Statistisk sentralbyrå (SSB)", "lisens": "CC BY 4.0"}
    avis = {"tekst": "Aftenposten (avis)", "lisens": ""}
    assert "Aftenposten (avis), på utgiverens egne vilkår" in datalinje([ssb, avis])
    assert "CC BY 4.0" not in datalinje([avis])
    assert datalinje([]) == ""


def test_no_other_module_keeps_publishers_or_hosts():
    hosts = set()
    for pattern, _ in sources.UTGIVERE:
        hosts |= {h.replace("\\", "") for h in re.findall(r"[a-z0-9-]+\\\.[a-z.\\]+", pattern)}
    # SSB's API host and GitHub are infrastructure (the statbank client, file addresses);
    # SSB's table address is checked below.
    hosts -= {"ssb.no", "github.com"}
    assert len(hosts) >= 30
    found = []
    for path in (ROOT / "src" / "helpers").rglob("*.py"):
        if path.parent.name == "sources" and path.parent.parent.name == "catalog":
            continue
        text = path.read_text(encoding="utf-8")
        found += [f"{path.relative_to(ROOT)}: {h}" for h in hosts if re.search(rf"\b{re.escape(h)}\b", text)]
        if "statbank/table/" in text:
            found.append(f"{path.relative_to(ROOT)}: SSBs tabelladresse (bruk sources.ssb_tabell_url)")
    assert not found, "utgivere utenfor helpers/catalog/sources/:\n" + "\n".join(sorted(found))
