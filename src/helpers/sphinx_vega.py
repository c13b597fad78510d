"""Sphinx extension: serve Vega from the site itself, only on pages with a chart.

vl-convert ships Vega, Vega-Lite and vega-embed as one flat script with thousands of
top-level names, some of which (`_`, `$`) clash with Sphinx's own scripts. We wrap it
in a function scope, write it into the build's _static (not the source's, where Jupyter
Book would add it to every page) and add it to a page only when that page has a chart.
"""

from __future__ import annotations

import hashlib
from pathlib import Path

from sphinx.application import Sphinx
from sphinx.util import logging

logger = logging.getLogger(__name__)

STATIC = Path(__file__).parent / "static"
MARKER = "oslo-vega-spec"


def _vl_version() -> str:
    import altair as alt

    major_minor = ".".join(alt.SCHEMA_VERSION.lstrip("v").split(".")[:2])
    return major_minor


def bundle_name() -> str:
    import vl_convert

    key = f"{vl_convert.__version__}-vl{_vl_version()}"
    return f"vega/vega-bundle-{hashlib.sha1(key.encode()).hexdigest()[:10]}.js"


def bundle_text(cache_dir: Path) -> str:
    """The wrapped bundle, cached outside _build so a clean build does not rebuild it."""
    import vl_convert

    cache = cache_dir / Path(bundle_name()).name
    if cache.is_file():
        return cache.read_text(encoding="utf-8")
    raw = vl_convert.javascript_bundle(vl_version=_vl_version())
    wrapped = (
        "/* Vega, Vega-Lite, vega-embed (BSD-3-Clause), bundled by vl-convert */\n(function(){\n"
        + raw
        + "\n})();\n"
    )
    cache_dir.mkdir(parents=True, exist_ok=True)
    tmp = cache.with_suffix(".tmp")
    tmp.write_text(wrapped, encoding="utf-8")
    tmp.replace(cache)
    return wrapped


def _builder_inited(app: Sphinx) -> None:
    app.config.html_static_path.append(str(STATIC))
    app.add_css_file("oslo-figur.css")


def _page_context(app: Sphinx, pagename, templatename, context, doctree) -> None:
    if MARKER in context.get("body", ""):
        app.add_js_file(bundle_name(), defer="defer")
        app.add_js_file("oslo-vega-render.js", defer="defer")


def _build_finished(app: Sphinx, exception) -> None:
    if exception is not None or app.builder.format != "html":
        return
    cache_dir = Path(app.confdir) / ".cache" / "vega"
    target = Path(app.outdir) / "_static" / bundle_name()
    target.parent.mkdir(parents=True, exist_ok=True)
    text = bundle_text(cache_dir)
    if not target.is_file() or target.stat().st_size != len(text.encode()):
        target.write_text(text, encoding="utf-8")


def setup(app: Sphinx) -> dict:
    app.connect("builder-inited", _builder_inited)
    app.connect("html-page-context", _page_context)
    app.connect("build-finished", _build_finished)
    return {"version": "0.1", "parallel_read_safe": True, "parallel_write_safe": True}
