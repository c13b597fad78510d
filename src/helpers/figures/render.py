"""Static images of a figure, drawn with vl-convert and cached by content.

The kernel draws the SVGs a figure carries in its MIME bundle; the site draws the PNG.
Both use one cache (.cache/vega/figurer in the repository), so a figure that has not
changed is never drawn twice, also across clean builds. vl-convert starts its JavaScript
engine on the first drawing in a process (about two seconds), which the cache saves.
"""

from __future__ import annotations

import functools
import hashlib
import importlib.util
import json
import re
from pathlib import Path

# The figure's own MIME type: what the site renders (helpers.site.vega).
MIME_TYPE = "application/vnd.oslo-figur+json"
# Bumped when the data a Figur carries changes shape. A chapter's output cached by Jupyter
# Book from an older version would otherwise ship half a figure; the site stops and says
# to clear the cache instead.
FIGUR_VERSJON = 6
PNG_SCALE = 2


@functools.cache
def vl_version() -> str:
    """Vega-Lite's major.minor as Altair writes it: the bundle served must match.

    Read from Altair's files without importing Altair: the site needs only this number, and
    the import cost its Sphinx processes 0.4-1.6 s each.
    """
    spec = importlib.util.find_spec("altair")
    folder = Path(spec.origin).parent / "vegalite" if spec and spec.origin else None
    current = re.search(r"^from \.(v\d+) import \*", _text(folder / "__init__.py"), re.M) if folder else None
    schema = _text(folder / current.group(1) / "schema" / "__init__.py") if folder and current else ""
    found = re.search(r'^SCHEMA_VERSION = "v(\d+\.\d+)', schema, re.M)
    if found:
        return found.group(1)
    import altair as alt

    return ".".join(alt.SCHEMA_VERSION.lstrip("v").split(".")[:2])


def _text(path: Path) -> str:
    try:
        return path.read_text(encoding="utf-8")
    except OSError:
        return ""


def compile_vega(spec: dict, cache: Path | None = None) -> dict:
    """The Vega-Lite spec compiled to Vega, as the page and JupyterLab draw it: no
    Vega-Lite compiler runs in the reader's browser or in the notebook."""
    return json.loads(draw(spec, "vega", cache))


def cache_dir() -> Path | None:
    from helpers.store.paths import DataNotFound, repo_root

    try:
        return repo_root() / ".cache" / "vega" / "figurer"
    except DataNotFound:
        return None


SVG_NS = "http://www.w3.org/2000/svg"
# What a picture holds only for the live chart's pointer: the cells that find the point
# nearest the pointer (Vega-Lite's "<selection>_voronoi" marks, drawn without fill or
# stroke) and marks shown only when selected (opacity 0). Chapter 2's age figure carried
# 530 such points and 530 cells: 255 KB of a 30 KB picture, decoded on the reader's phone.
INVISIBLE = re.compile(r"(^|\s)\S*_voronoi(\s|$)")


def visible_only(svg: str) -> str:
    """The SVG without elements nobody can see in a static picture."""
    import xml.etree.ElementTree as ET

    ET.register_namespace("", SVG_NS)
    ET.register_namespace("xlink", "http://www.w3.org/1999/xlink")
    root = ET.fromstring(svg)
    for parent in list(root.iter()):
        for child in list(parent):
            if child.get("opacity") == "0" or INVISIBLE.search(child.get("class") or ""):
                parent.remove(child)
    return ET.tostring(root, encoding="unicode")


def _draw(spec: dict, fmt: str, vl: str) -> bytes:
    import vl_convert

    if fmt == "vega":
        return json.dumps(vl_convert.vegalite_to_vega(spec, vl_version=vl), ensure_ascii=False).encode()
    if fmt == "svg":
        return visible_only(vl_convert.vegalite_to_svg(spec, vl_version=vl, allowed_base_urls=[])).encode()
    return vl_convert.vegalite_to_png(spec, vl_version=vl, scale=PNG_SCALE, allowed_base_urls=[])


def draw(spec: dict, fmt: str, cache: Path | None = None) -> bytes:
    """The spec drawn as `fmt` ("svg" or "png") or compiled to Vega ("vega", JSON), from
    the cache when drawn before."""
    import vl_convert

    vl = vl_version()
    cache = cache if cache is not None else cache_dir()
    # "visible-only": SVGs drawn before visible_only() are not taken from the cache.
    converter = vl_convert.__version__  # type: ignore[attr-defined]  # missing from its stub
    key_text = json.dumps(spec, sort_keys=True, ensure_ascii=False) + converter + vl + fmt
    key_text += "visible-only" if fmt == "svg" else ""
    key = hashlib.sha1(key_text.encode()).hexdigest()[:20]
    if cache is None:
        return _draw(spec, fmt, vl)
    path = cache / f"{key}.{fmt}"
    if path.is_file():
        return path.read_bytes()
    data = _draw(spec, fmt, vl)
    cache.mkdir(parents=True, exist_ok=True)
    # Parallel kernels may draw the same figure: each writes its own file, the last rename wins.
    tmp = path.with_suffix(f".{fmt}.{hashlib.sha1(data).hexdigest()[:8]}.tmp")
    tmp.write_bytes(data)
    tmp.replace(path)
    return data
