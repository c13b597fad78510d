"""Sphinx extension: site-wide fixes to what Jupyter Book 1 generates.

- sphinx-thebe is always loaded by Jupyter Book 1; we offer Binder instead, so it is
  switched off (left on, it declares `const THEBE_JS_URL` twice per page: a JS error).
- The root index.html that sphinx-external-toc writes is a bare redirect without a
  language or title; it is replaced by a proper Norwegian page that redirects.
- Two of the theme's buttons fail axe-core (label-content-name-mismatch): our
  templates/ override those components, before the theme's own are looked up. A few
  more overrides put the themes' hard-coded English labels into Norwegian.
- The themes' translatable strings that no catalogue has in Norwegian bokmål get ours
  (locale/nb/LC_MESSAGES/*.po, compiled into .cache/locale at build time).
- node_modules/ (the test tools from npm) is never a source of pages.
- Pages load only what they use: no fontawesome.js (1.49 MB for a dozen icons; our
  static/icons.css draws them), no search index outside the search page, and the
  copy, toggle and tab scripts of the extensions only where the page has such elements.
- A 404 page whose links work at any depth under the published address, a favicon,
  Norwegian strings for Sphinx's search scripts (translations.js), search snippets from
  the article text only.
- The footer's data line names the publishers of the page's figures (site/datalinje.py).
"""

from __future__ import annotations

import html
import json
import re
from pathlib import Path
from urllib.parse import urlsplit

from sphinx.application import Sphinx
from sphinx.config import Config
from sphinx.locale import _

from helpers.site import datalinje

TEMPLATES = Path(__file__).parent / "templates"
LOCALE = Path(__file__).parent / "locale"
STATIC = Path(__file__).parent / "static"


def _drop_thebe(app: Sphinx) -> None:
    """Switch off sphinx-thebe, which Jupyter Book 1 always loads.

    We offer Binder instead of live code in the page. Left on, it declares
    `const THEBE_JS_URL` twice on every page (a JavaScript error) and names a CDN.
    """
    for event in ("env-before-read-docs", "doctree-resolved", "builder-inited"):
        listeners = app.events.listeners.get(event, [])
        listeners[:] = [
            listener
            for listener in listeners
            if getattr(listener.handler, "__module__", "") != "sphinx_thebe"
        ]
    app.registry.css_files = [c for c in app.registry.css_files if c[0] != "sphinx-thebe.css"]


def _root_redirect(app: Sphinx, exception) -> None:
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


# --- Publishing: sitemap, Open Graph -----------------------------------------


def _page_urls(app: Sphinx) -> list[str]:
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


def _write_sitemap(app: Sphinx, exception) -> None:
    """sitemap.xml at the site root, for search engines.

    No robots.txt: on GitHub Pages the book lives under a path, and crawlers read
    robots.txt only at the root of the host.
    """
    if exception is not None or app.builder.format != "html" or not app.config.html_baseurl:
        return
    entries = "".join(f"  <url><loc>{html.escape(url)}</loc></url>\n" for url in _page_urls(app))
    Path(app.outdir, "sitemap.xml").write_text(
        '<?xml version="1.0" encoding="UTF-8"?>\n'
        '<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">\n'
        f"{entries}</urlset>\n",
        encoding="utf-8",
    )


def _opengraph_site_url(app: Sphinx, config) -> None:
    """Open Graph tags take the book's public address from html.baseurl, so that the
    address is written once, in _config.yml."""
    if "ogp_site_url" in config and not config.ogp_site_url:
        config.ogp_site_url = config.html_baseurl


def _config_inited(app: Sphinx, config: Config) -> None:
    config.templates_path = [str(TEMPLATES), *config.templates_path]
    config.html_static_path = [*config.html_static_path, str(STATIC)]
    # Sphinx looks for translations.js (the search scripts' strings) in locale_dirs.
    config.locale_dirs = [*config.locale_dirs, str(_compiled_locale(app))]
    if not config.html_favicon:
        # Sphinx joins the path to the configuration directory; an absolute one survives that.
        config.html_favicon = str(STATIC / "favicon.svg")
    config.exclude_patterns = [*config.exclude_patterns, "node_modules", "node_modules/*"]


def _write_atomic(path: Path, data: bytes) -> None:
    tmp = path.with_suffix(".tmp")
    tmp.write_bytes(data)
    tmp.replace(path)


def _translations_js(catalog) -> str:
    """The catalogue in the form Sphinx's translations.js has (Documentation.addTranslations)."""
    messages = {m.id: m.string for m in catalog if m.id and m.string and isinstance(m.id, str)}
    body = {"locale": str(catalog.locale or "nb"), "messages": messages, "plural_expr": "(n != 1)"}
    return f"Documentation.addTranslations({json.dumps(body, ensure_ascii=False, indent=1)});\n"


def _compile_catalogs(source: Path, target: Path) -> Path:
    """Each .po under source as .mo under target (same layout), rewritten only when changed.

    The Sphinx catalogue also becomes sphinx.js, which the HTML builder serves as
    translations.js for the search scripts.
    """
    for po in source.rglob("*.po"):
        mo = target / po.relative_to(source).with_suffix(".mo")
        outputs = [mo, mo.with_suffix(".js")] if po.stem == "sphinx" else [mo]
        if all(out.is_file() and out.stat().st_mtime >= po.stat().st_mtime for out in outputs):
            continue
        from babel.messages.mofile import write_mo  # only when there is something to compile
        from babel.messages.pofile import read_po

        mo.parent.mkdir(parents=True, exist_ok=True)
        with po.open("rb") as f:
            catalog = read_po(f)
        if po.stem == "sphinx":
            _write_atomic(mo.with_suffix(".js"), _translations_js(catalog).encode("utf-8"))
        tmp = mo.with_suffix(".tmp")
        with tmp.open("wb") as f:
            write_mo(f, catalog)
        tmp.replace(mo)
    return target


def _compiled_locale(app: Sphinx) -> Path:
    return Path(app.confdir) / ".cache" / "locale"


def _add_catalogs(app: Sphinx) -> None:
    # Fallbacks behind the catalogues Sphinx and the themes already loaded.
    compiled = _compile_catalogs(LOCALE, _compiled_locale(app))
    for name in ("sphinx", "booktheme"):
        app.add_message_catalog(name, str(compiled))


def _multitoc_is_parallel_safe(app: Sphinx) -> None:
    """sphinx-multitoc-numbering does not declare itself safe for parallel reading, so
    Sphinx would read (and myst-nb execute) the chapters one by one. It only replaces how
    section numbers are assigned, which Sphinx does in the main process after reading;
    declaring it lets the build execute chapters on every core."""
    ext = app.extensions.get("sphinx_multitoc_numbering")
    if ext is not None and ext.parallel_read_safe is None:
        ext.parallel_read_safe = True


# --- What each page loads ---------------------------------------------------

# Scripts and stylesheets of extensions, each kept only on pages that hold what it acts on
# (a marker in the page body). The theme's own scripts stay everywhere: sidebar, colour
# mode and the search dialog need them.
OPTIONAL_ASSETS = {
    "copybutton": 'class="highlight',  # copy button on code blocks
    "clipboard.min": 'class="highlight',
    "togglebutton": "toggle",  # hidden/collapsible cells
    "design-tabs": 'class="sd-tab',  # sphinx-design tabs
    "sphinx-design": 'class="sd-',
    "pygments": 'class="highlight',  # colours for shown code
    "mystnb": 'class="cell',  # notebook cells and their outputs
}


def _asset_needed(filename: str, body: str) -> bool:
    name = Path(str(filename)).name
    return all(marker in body for asset, marker in OPTIONAL_ASSETS.items() if name.startswith(asset + "."))


def _trim_assets(app: Sphinx, pagename: str, templatename: str, context: dict, doctree) -> None:
    """Drop the extensions' assets a page has no use for.

    Sphinx restores its asset lists after every page, so editing them here is per page.
    """
    body = context.get("body") or ""
    for key in ("script_files", "css_files"):
        files = context.get(key)
        if files is not None:
            files[:] = [f for f in files if _asset_needed(getattr(f, "filename", f), body)]


# Scripts in the head that block the first paint on a phone (Lighthouse: about 0.2 s
# each on slow 4G) although nothing runs them before the page is parsed: deferred, in the
# same order. documentation_options.js stays: inline scripts in the head use it. The
# search page keeps them as they are: its searchtools.js runs at once and needs doctools.
DEFERRED = {
    "doctools.js",
    "sphinx_highlight.js",
    "sphinx-book-theme.js",
    "togglebutton.js",
    "translations.js",
}


def _defer_scripts(app: Sphinx, pagename: str, templatename: str, context: dict, doctree) -> None:
    files = context.get("script_files")
    if files is None or pagename == "search":
        return
    files[:] = [
        type(f)(f.filename, priority=f.priority, **{**f.attributes, "defer": "defer"})
        if Path(str(getattr(f, "filename", ""))).name in DEFERRED and hasattr(f, "attributes")
        else f
        for f in files
    ]


def _citation_list_items(app: Sphinx, pagename: str, templatename: str, context: dict, doctree) -> None:
    """Entries of a reference list as list items.

    Docutils writes the list as role="list" and each entry as role="doc-biblioentry", a
    role ARIA has deprecated and no list may hold: screen readers announce an empty list
    (axe: aria-required-children, critical).
    """
    body = context.get("body")
    if body and 'role="doc-biblioentry"' in body:
        context["body"] = body.replace('role="doc-biblioentry"', 'role="listitem"')


# --- 404 -----------------------------------------------------------------------

NOT_FOUND = "404"
NOT_FOUND_BODY = """
<h1>{title}</h1>
<p>Siden du prøvde å åpne, finnes ikke i boka. Kanskje adressen er skrevet feil, eller
siden har fått et nytt navn.</p>
<p><a href="{start}">Gå til forsiden</a> eller <a href="{search}">søk i boka</a>.</p>
"""


def _not_found_page(app: Sphinx):
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


def _not_found_links(app: Sphinx, exception) -> None:
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


SITE_STAMP = ".oslo-site-fingerprint"  # in the output folder


def _site_fingerprint() -> str:
    """The files of the Sphinx side that Sphinx itself does not watch: static files and code."""
    files = sorted([*STATIC.iterdir(), *Path(__file__).parent.glob("*.py")])
    return ";".join(f"{p.name}:{p.stat().st_mtime_ns}:{p.stat().st_size}" for p in files if p.is_file())


def _rewrite_pages_if_site_changed(app: Sphinx) -> None:
    """Write every page again (without reading it again) when the Sphinx side changed.

    Sphinx writes a page only when its source or a template is newer than the page, and
    copies static files only when it writes pages: an edited stylesheet or extension
    would not reach the site until some chapter changed too. A page whose output is
    missing is written from the stored doctree; the chapters are not executed again.
    """
    if app.builder.format != "html":
        return
    outdir = Path(app.outdir)
    stamp = outdir / SITE_STAMP
    if stamp.is_file() and stamp.read_text(encoding="utf-8") == _site_fingerprint():
        return
    for page in outdir.rglob("*.html"):
        if "_static" not in page.relative_to(outdir).parts:
            page.unlink()


def _remember_site(app: Sphinx, exception) -> None:
    if exception is None and app.builder.format == "html":
        Path(app.outdir, SITE_STAMP).write_text(_site_fingerprint(), encoding="utf-8")


def setup(app: Sphinx) -> dict:
    _drop_thebe(app)
    app.connect("builder-inited", _multitoc_is_parallel_safe)
    _add_catalogs(app)
    app.connect("config-inited", _config_inited)
    # After sphinx-external-toc has written its own redirect (default priority 500).
    app.connect("build-finished", _root_redirect, priority=900)
    app.connect("build-finished", _write_sitemap)
    app.connect("config-inited", _opengraph_site_url)
    app.connect("html-page-context", _trim_assets)
    app.connect("html-page-context", _defer_scripts)
    app.connect("html-page-context", _citation_list_items)
    app.connect("html-page-context", datalinje.page_context)
    app.connect("builder-inited", _rewrite_pages_if_site_changed)
    app.connect("build-finished", _remember_site)
    app.connect("html-collect-pages", _not_found_page)
    app.connect("build-finished", _not_found_links)
    app.add_css_file("icons.css")
    app.add_css_file("oslo-site.css")
    return {"version": "0.1", "parallel_read_safe": True, "parallel_write_safe": True}
