"""Sphinx (from helpers.site.theme): what publishing the site needs beyond the pages.

A proper Norwegian root page that redirects (instead of sphinx-external-toc's bare one),
a sitemap, the Open Graph address from html.baseurl, and a 404 page whose links work at
any depth under the published address.
"""

from __future__ import annotations

import html
import re
from pathlib import Path
from urllib.parse import urlsplit

from sphinx.application import Sphinx
from sphinx.locale import _


def root_redirect(app: Sphinx, exception) -> None:
    if exception is not None or app.builder.format != "html":
        return
    root = app.config.root_doc
    target = app.builder.get_target_uri(root)
    title = html.escape(app.config.project or "")
    Path(app.outdir, "index.html").write_text(
        f"""<!DOCTYPE html>
<html lang="{app.config.language}">
<head>
<meta charset="utf-8">
<title>{title}</title>
<meta http-equiv="refresh" content="0; url={target}">
<link rel="canonical" href="{target}">
</head>
<body><p><a href="{target}">{title}</a></p></body>
</html>
""",
        encoding="utf-8",
    )


def page_urls(app: Sphinx) -> list[str]:
    """Absolute address of every page of the book, in table-of-contents order.

    Taken from the environment, not from the pages written in this run: an incremental
    build writes only what changed, and the sitemap must still list every page.
    """
    base = app.config.html_baseurl.rstrip("/") + "/"
    ordered: list[str] = []
    todo = [app.config.root_doc]
    while todo:
        doc = todo.pop(0)
        if doc in ordered or doc not in app.env.found_docs:
            continue
        ordered.append(doc)
        todo[:0] = app.env.toctree_includes.get(doc, [])
    ordered += sorted(app.env.found_docs - set(ordered))
    return [base + app.builder.get_target_uri(doc) for doc in ordered]


def write_sitemap(app: Sphinx, exception) -> None:
    """sitemap.xml at the site root, for search engines.

    No robots.txt: on GitHub Pages the book lives under a path, and crawlers read
    robots.txt only at the root of the host.
    """
    if exception is not None or app.builder.format != "html" or not app.config.html_baseurl:
        return
    entries = "".join(f"  <url><loc>{html.escape(url)}</loc></url>\n" for url in page_urls(app))
    Path(app.outdir, "sitemap.xml").write_text(
        '<?xml version="1.0" encoding="UTF-8"?>\n'
        '<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">\n'
        f"{entries}</urlset>\n",
        encoding="utf-8",
    )


def opengraph_site_url(app: Sphinx, config) -> None:
    """Open Graph tags take the book's public address from html.baseurl, so that the
    address is written once, in _config.yml."""
    if "ogp_site_url" in config and not config.ogp_site_url:
        config.ogp_site_url = config.html_baseurl


NOT_FOUND = "404"


NOT_FOUND_BODY = """
<h1>{title}</h1>
<p>Siden du prøvde å åpne, finnes ikke i boka. Kanskje adressen er skrevet feil, eller
siden har fått et nytt navn.</p>
<p><a href="{start}">Gå til forsiden</a> eller <a href="{search}">søk i boka</a>.</p>
"""


def not_found_page(app: Sphinx):
    """A 404.html at the site root: GitHub Pages serves it for every address it cannot find."""
    if app.builder.format != "html":
        return
    title = _("Page not found")
    body = NOT_FOUND_BODY.format(
        title=html.escape(title),
        start=html.escape(app.builder.get_target_uri(app.config.root_doc)),
        search="search.html",
    )
    yield NOT_FOUND, {"title": title, "body": body, "display_toc": False}, "page.html"


RELATIVE_URL = re.compile(r'((?:href|src)=["\'])(?![a-z][a-z0-9+.-]*:|/|#)')


def not_found_links(app: Sphinx, exception) -> None:
    """Links on the 404 page from the site root, not relative to the page.

    The page is served at whatever address was missing (/oslo-flytting-bok/a/b/c), so the
    relative links Sphinx writes would point nowhere.
    """
    page = Path(app.outdir, f"{NOT_FOUND}.html")
    if exception is not None or app.builder.format != "html" or not page.is_file():
        return
    root = urlsplit(app.config.html_baseurl).path or "/"
    root = root if root.endswith("/") else root + "/"
    text = page.read_text(encoding="utf-8")
    text = RELATIVE_URL.sub(lambda m: m.group(1) + root, text)
    text = text.replace('data-content_root="./"', f'data-content_root="{root}"')
    page.write_text(text, encoding="utf-8")
