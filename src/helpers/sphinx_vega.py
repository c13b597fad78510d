"""Sphinx extension: serve Vega from the site itself, only on pages with a chart, and
give every figure its files.

vl-convert ships Vega, Vega-Lite and vega-embed as one flat script with thousands of
top-level names, some of which (`_`, `$`) clash with Sphinx's own scripts. We wrap it
in a function scope, write it into the build's _static (not the source's, where Jupyter
Book would add it to every page) and add it to a page only when that page has a chart.

Each figure (helpers.charts.Figur) arrives in the page with its CSV as a data URI. Here
the CSV becomes a file, and vl-convert draws the chart once more as SVG and PNG: the
downloads, the image shown without JavaScript (<noscript>) and the one printed. The
images are cached in .cache/vega/figurer by content, so a clean build redraws nothing
that has not changed.
"""

from __future__ import annotations

import hashlib
import html
import json
import re
import urllib.parse
from pathlib import Path

from sphinx.application import Sphinx
from sphinx.util import logging

logger = logging.getLogger(__name__)

STATIC = Path(__file__).parent / "static"
MARKER = "oslo-vega-spec"
FIGURE_DIR = "figurer"  # under the build's _static
RENDER_VERSION = "1"  # bump when static_spec() or the PNG scale changes
PNG_SCALE = 2

SPEC_RE = re.compile(
    r"<script type='application/json' class='oslo-vega-spec' data-target='(?P<ident>[^']+)'>(?P<json>.*?)</script>",
    re.S,
)
CSV_RE = re.compile(
    r"<a class='oslo-last-ned-csv' download='(?P<name>[^']+)' href='data:text/csv;charset=utf-8,(?P<data>[^']*)'>"
)


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


def render_images(spec: dict, cache_dir: Path) -> dict[str, bytes]:
    """SVG and PNG of the figure at the static width, from the cache when unchanged."""
    import vl_convert

    from helpers.charts import static_spec

    drawn = static_spec(spec)
    key_text = json.dumps(drawn, sort_keys=True, ensure_ascii=False) + vl_convert.__version__ + RENDER_VERSION
    key = hashlib.sha1(key_text.encode()).hexdigest()[:16]
    out = {}
    for ext in ("svg", "png"):
        cached = cache_dir / f"{key}.{ext}"
        if not cached.is_file():
            if ext == "svg":
                data = vl_convert.vegalite_to_svg(
                    drawn, vl_version=_vl_version(), allowed_base_urls=[]
                ).encode()
            else:
                data = vl_convert.vegalite_to_png(
                    drawn, vl_version=_vl_version(), scale=PNG_SCALE, allowed_base_urls=[]
                )
            cache_dir.mkdir(parents=True, exist_ok=True)
            tmp = cached.with_suffix(".tmp")
            tmp.write_bytes(data)
            tmp.replace(cached)
        out[ext] = cached.read_bytes()
    return out


def _svg_size(svg: bytes) -> tuple[int, int]:
    m = re.search(rb'<svg[^>]*\bwidth="([\d.]+)"[^>]*\bheight="([\d.]+)"', svg)
    return (round(float(m.group(1))), round(float(m.group(2)))) if m else (0, 0)


def _write_if_changed(path: Path, data: bytes) -> None:
    if not path.is_file() or path.read_bytes() != data:
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(data)


def complete_figures(body: str, outdir: Path, cache_dir: Path, pathto) -> str:
    """Write each figure's CSV, SVG and PNG under _static/figurer and link them from the page."""

    def one_figure(m: re.Match) -> str:
        ident = m.group("ident")
        spec = json.loads(m.group("json"))
        files = render_images(spec, cache_dir)
        target = outdir / "_static" / FIGURE_DIR
        for ext, data in files.items():
            _write_if_changed(target / f"{ident}.{ext}", data)
        href = {
            ext: html.escape(pathto(f"_static/{FIGURE_DIR}/{ident}.{ext}", 1))
            for ext in ("svg", "png", "csv")
        }
        width, height = _svg_size(files["svg"])
        alt = html.escape(spec.get("description", ""))
        # Without JavaScript the static image stands in; on paper the printed one does (the
        # print stylesheet swaps them). loading=lazy + hidden: not fetched on screen.
        fallback = (
            f"<noscript><img class='oslo-statisk' src='{href['svg']}' alt='{alt}' width='{width}' height='{height}'></noscript>"
            f"<img class='oslo-utskrift' src='{href['svg']}' alt='' aria-hidden='true' loading='lazy' width='{width}' height='{height}'>"
        )
        return m.group(0) + fallback

    body = SPEC_RE.sub(one_figure, body)
    # The theme hides .pst-js-only without JavaScript, where the static image stands in.
    body = body.replace("class='vega-embed oslo-chart'", "class='vega-embed oslo-chart pst-js-only'")

    def one_csv(m: re.Match) -> str:
        name = m.group("name")
        data = urllib.parse.unquote(m.group("data")).encode("utf-8")
        _write_if_changed(outdir / "_static" / FIGURE_DIR / name, data)
        csv_href = html.escape(pathto(f"_static/{FIGURE_DIR}/{name}", 1))
        return f"<a class='oslo-last-ned-csv' download='{name}' href='{csv_href}'>"

    body = CSV_RE.sub(one_csv, body)

    # The image downloads follow the CSV link in each figure's download line.
    def image_links(m: re.Match) -> str:
        ident = m.group("name").removesuffix(".csv")
        png = html.escape(pathto(f"_static/{FIGURE_DIR}/{ident}.png", 1))
        svg = html.escape(pathto(f"_static/{FIGURE_DIR}/{ident}.svg", 1))
        return (
            m.group(0)
            + f", <a class='oslo-last-ned-png' download='{ident}.png' href='{png}'>bildet (PNG)</a>"
            + f" og <a class='oslo-last-ned-svg' download='{ident}.svg' href='{svg}'>bildet som vektorgrafikk (SVG)</a>"
        )

    return re.sub(
        r"<a class='oslo-last-ned-csv' download='(?P<name>[^']+)' href='[^']*'>[^<]*</a>", image_links, body
    )


def stale_figures(body: str) -> list[str]:
    """Figures whose HTML an older helpers.charts wrote (e.g. from Jupyter Book's cache)."""
    from helpers.charts import FIGUR_VERSJON

    stale = []
    for m in SPEC_RE.finditer(body):
        versjon = json.loads(m.group("json")).get("usermeta", {}).get("oslo", {}).get("versjon")
        if versjon != FIGUR_VERSJON:
            stale.append(m.group("ident"))
    return stale


def _page_context(app: Sphinx, pagename, templatename, context, doctree) -> None:
    if MARKER in context.get("body", ""):
        stale = stale_figures(context["body"])
        if stale:
            logger.warning(
                "%s: figur(er) %s er laget av en eldre helpers.charts (lagret i Jupyter Books cache); "
                "kjør `make clean` og bygg på nytt",
                pagename,
                ", ".join(stale),
            )
        app.add_js_file(bundle_name(), defer="defer")
        app.add_js_file("oslo-vega-render.js", defer="defer")
        cache_dir = Path(app.confdir) / ".cache" / "vega" / FIGURE_DIR
        context["body"] = complete_figures(context["body"], Path(app.outdir), cache_dir, context["pathto"])


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
