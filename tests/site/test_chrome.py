"""The chrome of the built site (helpers.site.theme, site/templates, site/locale): Norwegian,
light, one search field, a credit line, a 404 page and a favicon."""

import re
import sys
from pathlib import Path
from urllib.parse import urlsplit

import yaml

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT / "tools"))

from icons import used_icons  # noqa: E402

CONFIG = yaml.safe_load((ROOT / "_config.yml").read_text(encoding="utf-8"))
PREFIX = urlsplit(CONFIG["html"]["baseurl"]).path
BOOK = CONFIG["title"]
ICONS = ROOT / "src" / "helpers" / "site" / "static" / "icons.css"


def pages(site):
    return sorted(p for p in site.rglob("*.html") if "_static" not in p.parts and p != site / "index.html")


def title(html):
    return re.search(r"<title>([^<]*)</title>", html).group(1)


def test_no_page_loads_fontawesome_and_every_icon_is_drawn(site):
    for page in pages(site):
        assert "fontawesome" not in page.read_text(encoding="utf-8"), page.relative_to(site)
    drawn = set(re.findall(r"^\.(fa-[a-z0-9-]+) \{", ICONS.read_text(encoding="utf-8"), re.M))
    missing = set(used_icons(site)) - drawn
    assert not missing, f"icons without a glyph in icons.css (run tools/icons.py): {sorted(missing)}"


def test_search_index_only_on_the_search_page(site):
    for page in pages(site):
        html = page.read_text(encoding="utf-8")
        assert ("searchindex.js" in html) == (page.name == "search.html"), page.relative_to(site)


def test_search_scripts_speak_norwegian(site):
    script = (site / "_static" / "translations.js").read_text(encoding="utf-8")
    assert (
        '"Search finished, found ${resultCount} page(s) matching the search query.": "Søket er ferdig'
        in script
    )
    assert '"Preparing search...": "Gjør klar søket …"' in script
    assert "translations.js" in (site / "search.html").read_text(encoding="utf-8")


def test_search_page_has_one_search_field(site):
    html = (site / "search.html").read_text(encoding="utf-8")
    assert html.count('type="search"') == 1
    assert "search-button-field" not in html and "pst-search-dialog" not in html


def test_no_index_page_no_copyright_one_credit_line(site):
    assert not (site / "genindex.html").exists()
    for page in pages(site):
        html = page.read_text(encoding="utf-8")
        rel = page.relative_to(site)
        assert "genindex" not in html and "Copyright" not in html and ">Index<" not in html, rel
        assert html.count('class="component-credit"') == 1, rel
        assert re.search(r"© \d{4} " + re.escape(CONFIG["author"]), html), rel


def test_titles_one_separator_and_the_front_page_once(site):
    for page in pages(site):
        text = title(page.read_text(encoding="utf-8")).replace("&#8212;", "—")
        rel = page.relative_to(site).as_posix()
        if rel == "book/intro.html":
            assert text == BOOK
        else:
            assert text.endswith(f" – {BOOK}") and text.count(" – ") == 1 and "—" not in text, (rel, text)


def test_favicon_on_every_page(site):
    assert (site / "_static" / "favicon.svg").read_text(encoding="utf-8").startswith("<svg")
    for page in pages(site):
        assert re.search(
            r'<link rel="icon" href="[^"]*_static/favicon\.svg"', page.read_text(encoding="utf-8")
        ), page


def test_404_page_links_from_the_published_root(site):
    html = (site / "404.html").read_text(encoding="utf-8")
    assert title(html) == f"Fant ikke siden – {BOOK}"
    assert '<meta name="robots" content="noindex"/>' in html
    # Served at any missing address: no link may depend on where the page is.
    relative = re.findall(r'(?:href|src)="(?![a-z][a-z0-9+.-]*:|/|#)([^"]*)"', html)
    assert not relative, relative[:5]
    assert f'href="{PREFIX}book/intro.html"' in html and f'href="{PREFIX}search.html"' in html
    assert f'data-content_root="{PREFIX}"' in html


def test_extension_scripts_only_where_used(site):
    for page in pages(site):
        html = page.read_text(encoding="utf-8")
        body = html.split('<article class="bd-article">', 1)[-1]
        rel = page.relative_to(site)
        assert ("copybutton.js" in html) == ('class="highlight' in body), rel
        assert ("pygments.css" in html) == ('class="highlight' in body), rel
        assert ("/mystnb." in html) == ('class="cell' in body), rel
        assert "sphinx-thebe" not in html and "thebe.js" not in html, rel


def test_reference_lists_hold_list_items(site):
    for page in pages(site):
        html = page.read_text(encoding="utf-8")
        assert 'role="doc-biblioentry"' not in html, page.relative_to(site)
    assert 'role="listitem"' in (site / "book" / "litteratur.html").read_text(encoding="utf-8")


def test_head_scripts_do_not_block_the_first_paint(site):
    """Issue 22: in the head, only documentation_options.js runs before the page is parsed
    (inline scripts use it); the search page keeps Sphinx's order (searchtools.js needs
    doctools.js at once). No page loads the theme's Bootstrap bundle."""
    for page in pages(site):
        html = page.read_text(encoding="utf-8")
        assert "bootstrap.js" not in html, page.relative_to(site)
        if page.name == "search.html":
            continue
        head = html.split("</head>")[0]
        blocking = [
            src
            for tag, src in re.findall(r'(<script(?![^>]*\bdefer)[^>]*\bsrc="([^"]+)")', head)
            if not re.search(r"\basync\b", tag)
        ]
        assert [Path(urlsplit(s).path).name for s in blocking] == ["documentation_options.js"], (
            page.relative_to(site),
            blocking,
        )
