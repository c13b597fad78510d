"""Sphinx (from helpers.site.theme): each page loads only what it uses.

The copy, toggle and tab scripts and styles of the extensions only where the page has
such elements, and the head's scripts that would block the first paint on a phone
deferred, in the same order.
"""

from __future__ import annotations

from pathlib import Path

from sphinx.application import Sphinx

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


def asset_needed(filename: str, body: str) -> bool:
    name = Path(str(filename)).name
    return all(marker in body for asset, marker in OPTIONAL_ASSETS.items() if name.startswith(asset + "."))


def trim_assets(app: Sphinx, pagename: str, templatename: str, context: dict, doctree) -> None:
    """Drop the extensions' assets a page has no use for.

    Sphinx restores its asset lists after every page, so editing them here is per page.
    """
    body = context.get("body") or ""
    for key in ("script_files", "css_files"):
        files = context.get(key)
        if files is not None:
            files[:] = [f for f in files if asset_needed(getattr(f, "filename", f), body)]


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


def defer_scripts(app: Sphinx, pagename: str, templatename: str, context: dict, doctree) -> None:
    files = context.get("script_files")
    if files is None or pagename == "search":
        return
    files[:] = [
        type(f)(f.filename, priority=f.priority, **{**f.attributes, "defer": "defer"})
        if Path(str(getattr(f, "filename", ""))).name in DEFERRED and hasattr(f, "attributes")
        else f
        for f in files
    ]
