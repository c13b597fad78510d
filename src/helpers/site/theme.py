"""Sphinx extension: site-wide fixes to what Jupyter Book 1 generates.

- sphinx-thebe is always loaded by Jupyter Book 1; we offer Binder instead, so it is
  switched off (left on, it declares `const THEBE_JS_URL` twice per page: a JS error).
- Publishing (helpers.site.publishing): a Norwegian root page that redirects, a sitemap,
  Open Graph, a 404 page whose links work at any depth.
- Two of the theme's buttons fail axe-core (label-content-name-mismatch): our
  templates/ override those components, before the theme's own are looked up. A few
  more overrides put the themes' hard-coded English labels into Norwegian.
- The themes' translatable strings that no catalogue has in Norwegian bokmål get ours
  (locale/nb/LC_MESSAGES/*.po, compiled into .cache/locale at build time).
- node_modules/ (the test tools from npm) is never a source of pages.
- Pages load only what they use: no fontawesome.js (1.49 MB for a dozen icons; our
  static/icons.css draws them), no search index outside the search page, and the
  copy, toggle and tab scripts of the extensions only where the page has such elements
  (helpers.site.assets).
- A favicon, Norwegian strings for Sphinx's search scripts (translations.js), search snippets from
  the article text only.
- The footer's data line names the publishers of the page's figures (site/datalinje.py).
"""

from __future__ import annotations

import json
from pathlib import Path

from sphinx.application import Sphinx
from sphinx.config import Config

from helpers.site import datalinje
from helpers.site.assets import defer_scripts, trim_assets
from helpers.site.publishing import (
    not_found_links,
    not_found_page,
    opengraph_site_url,
    root_redirect,
    write_sitemap,
)

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


# --- Publishing: sitemap, Open Graph -----------------------------------------


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
    app.connect("build-finished", root_redirect, priority=900)
    app.connect("build-finished", write_sitemap)
    app.connect("config-inited", opengraph_site_url)
    app.connect("html-page-context", trim_assets)
    app.connect("html-page-context", defer_scripts)
    app.connect("html-page-context", _citation_list_items)
    app.connect("html-page-context", datalinje.page_context)
    app.connect("builder-inited", _rewrite_pages_if_site_changed)
    app.connect("build-finished", _remember_site)
    app.connect("html-collect-pages", not_found_page)
    app.connect("build-finished", not_found_links)
    app.add_css_file("icons.css")
    app.add_css_file("oslo-site.css")
    return {"version": "0.1", "parallel_read_safe": True, "parallel_write_safe": True}
