"""Sphinx extension: site-wide fixes to what Jupyter Book 1 generates.

- sphinx-thebe is always loaded by Jupyter Book 1; we offer Binder instead, so it is
  switched off (left on, it declares `const THEBE_JS_URL` twice per page: a JS error).
- The root index.html that sphinx-external-toc writes is a bare redirect without a
  language or title; it is replaced by a proper Norwegian page that redirects.
- Two of the theme's buttons fail axe-core (label-content-name-mismatch): our
  templates/ override those components, before the theme's own are looked up.
- node_modules/ (the test tools from npm) is never a source of pages.
"""

from __future__ import annotations

import html
from pathlib import Path

from sphinx.application import Sphinx
from sphinx.config import Config

TEMPLATES = Path(__file__).parent / "templates"


def _drop_thebe(app: Sphinx) -> None:
    """Switch off sphinx-thebe, which Jupyter Book 1 always loads.

    We offer Binder instead of live code in the page. Left on, it declares
    `const THEBE_JS_URL` twice on every page (a JavaScript error) and names a CDN.
    """
    for event in ("env-before-read-docs", "doctree-resolved", "builder-inited"):
        listeners = app.events.listeners.get(event, [])
        listeners[:] = [l for l in listeners if getattr(l.handler, "__module__", "") != "sphinx_thebe"]
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


def _config_inited(app: Sphinx, config: Config) -> None:
    config.templates_path = [str(TEMPLATES), *config.templates_path]
    config.exclude_patterns = [*config.exclude_patterns, "node_modules", "node_modules/*"]


def setup(app: Sphinx) -> dict:
    _drop_thebe(app)
    app.connect("config-inited", _config_inited)
    # After sphinx-external-toc has written its own redirect (default priority 500).
    app.connect("build-finished", _root_redirect, priority=900)
    return {"version": "0.1", "parallel_read_safe": True, "parallel_write_safe": True}
