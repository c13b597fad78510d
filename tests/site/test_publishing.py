"""What publishing needs: the public address, a sitemap, link previews, licences and
the source line on every figure."""

import re
import xml.etree.ElementTree as ET

import yaml
from support import ROOT

from helpers.catalog.sources import finn_utgiver

CONFIG = yaml.safe_load((ROOT / "_config.yml").read_text(encoding="utf-8"))
BASEURL = CONFIG["html"]["baseurl"]
# Pages that are not content: the root redirect, the search page and the 404 page.
NOT_CONTENT = {"index.html", "search.html", "404.html"}


def content_pages(site):
    pages = (p.relative_to(site).as_posix() for p in site.rglob("*.html") if "_static" not in p.parts)
    return sorted(p for p in pages if p not in NOT_CONTENT)


def meta(html, key):
    found = re.search(rf'<meta (?:property|name)="{re.escape(key)}" content="([^"]*)"', html)
    return found and found.group(1)


def test_baseurl_is_the_github_pages_address():
    assert re.fullmatch(r"https://[a-z0-9-]+\.github\.io/[a-z0-9-]+/", BASEURL)
    assert CONFIG["repository"]["url"].rsplit("/", 1)[1] == BASEURL.rstrip("/").rsplit("/", 1)[1]


def test_sitemap_lists_every_page(site):
    tree = ET.parse(site / "sitemap.xml")
    ns = {"s": "http://www.sitemaps.org/schemas/sitemap/0.9"}
    listed = [loc.text for loc in tree.getroot().findall("s:url/s:loc", ns)]
    assert sorted(listed) == [BASEURL + page for page in content_pages(site)]
    assert listed[0] == BASEURL + "book/intro.html", "the sitemap starts with the front page"


def test_every_page_has_a_link_preview(site):
    for page in content_pages(site):
        html = (site / page).read_text(encoding="utf-8")
        assert meta(html, "og:url") == BASEURL + page, page
        assert meta(html, "og:title"), page
        assert meta(html, "og:description"), page
        assert meta(html, "description") == meta(html, "og:description"), page
        assert meta(html, "og:locale") == "nb_NO", page
        # No preview image: it would have to be fetched from somewhere.
        assert meta(html, "og:image") is None, page
        assert f'<link rel="canonical" href="{BASEURL}{page}" />' in html, page


def test_every_figure_names_its_source_and_licence(site):
    for page in content_pages(site):
        html = (site / page).read_text(encoding="utf-8")
        figures = html.count("<div class='oslo-figur'")
        credits = re.findall(
            r"<p class='oslo-kilde'>(?:Svakere k|K)ilde: (.+?)\. (Lisens: CC BY 4\.0[^<]*|Bruksvilkår: se kilden\.)</p>",
            html,
        )
        assert len(credits) == figures, page
        for names, licence in credits:
            # CC BY 4.0 is claimed exactly when (some of) the figure's numbers come from a
            # publisher the source catalog gives that licence (SSB).
            from_ssb = any(
                finn_utgiver(u).lisens == "CC BY 4.0" for u in re.findall(r"href='([^']+)'", names)
            )
            assert licence.startswith("Lisens: CC BY 4.0") == from_ssb, (page, names, licence)


def test_licences_are_in_place():
    assert (ROOT / "LICENSE").read_text().startswith("MIT License")
    text = (ROOT / "LICENSE-text.md").read_text(encoding="utf-8")
    assert "CC BY 4.0" in text and "Statistisk sentralbyrå" in text
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    assert "LICENSE" in readme and "LICENSE-text.md" in readme
    citation = yaml.safe_load((ROOT / "CITATION.cff").read_text(encoding="utf-8"))
    assert citation["url"] == BASEURL
    assert citation["repository-code"] == CONFIG["repository"]["url"]
    assert set(citation["license"]) == {"MIT", "CC-BY-4.0"}
