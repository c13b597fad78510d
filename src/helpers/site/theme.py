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
"""

from __future__ import annotations

import html
from pathlib import Path

from sphinx.application import Sphinx
from sphinx.config import Config

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
    if not config.html_favicon:
        # Sphinx joins the path to the configuration directory; an absolute one survives that.
        config.html_favicon = str(STATIC / "favicon.svg")
    config.exclude_patterns = [*config.exclude_patterns, "node_modules", "node_modules/*"]


def _compile_catalogs(source: Path, target: Path) -> Path:
    """Each .po under source as .mo under target (same layout), rewritten only when changed."""
    for po in source.rglob("*.po"):
        mo = target / po.relative_to(source).with_suffix(".mo")
        if mo.is_file() and mo.stat().st_mtime >= po.stat().st_mtime:
            continue
        from babel.messages.mofile import write_mo  # only when there is something to compile
        from babel.messages.pofile import read_po

        mo.parent.mkdir(parents=True, exist_ok=True)
        with po.open("rb") as f:
            catalog = read_po(f)
        tmp = mo.with_suffix(".tmp")
        with tmp.open("wb") as f:
            write_mo(f, catalog)
        tmp.replace(mo)
    return target


def _add_catalogs(app: Sphinx) -> None:
    # Fallbacks behind the catalogues Sphinx and the themes already loaded.
    compiled = _compile_catalogs(LOCALE, Path(app.confdir) / ".cache" / "locale")
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


def setup(app: Sphinx) -> dict:
    _drop_thebe(app)
    app.connect("builder-inited", _multitoc_is_parallel_safe)
    _add_catalogs(app)
    app.connect("config-inited", _config_inited)
    # After sphinx-external-toc has written its own redirect (default priority 500).
    app.connect("build-finished", _root_redirect, priority=900)
    app.connect("build-finished", _write_sitemap)
    app.connect("config-inited", _opengraph_site_url)
    return {"version": "0.1", "parallel_read_safe": True, "parallel_write_safe": True}
