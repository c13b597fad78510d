"""The Vega runtime the pages load (src/helpers/site/static/oslo-vega-runtime.js) holds
what every chart of the book needs, and is the one build.mjs makes from the pinned
packages. A chart that needs more does not draw in the page; this says what to add."""

from __future__ import annotations

import json
import re
import shutil
import subprocess
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
RUNTIME = ROOT / "src" / "helpers" / "site" / "runtime"
STATIC = ROOT / "src" / "helpers" / "site" / "static" / "oslo-vega-runtime.js"
SPEC = re.compile(r"<script type='application/json' class='oslo-vega-spec'[^>]*>(.*?)</script>", re.S)
# The marks build.mjs cuts from Vega's scenegraph.
CUT_MARKS = {"arc", "area", "image", "shape", "trail"}


def _registered_transforms() -> set[str]:
    entry = (RUNTIME / "entry.js").read_text(encoding="utf-8")
    block = re.search(r"extend\(transforms, \{(.*?)\}\);", entry, re.S).group(1)
    return set(re.findall(r"[a-z]+", block))


def _walk(node, transforms: set, marks: set, scales: set):
    if isinstance(node, dict):
        for t in node.get("transform", []) if isinstance(node.get("transform"), list) else []:
            transforms.add(t.get("type"))
        if isinstance(node.get("marks"), list):
            marks.update(m.get("type") for m in node["marks"] if isinstance(m, dict))
        if isinstance(node.get("scales"), list):
            scales.update(s.get("type", "linear") for s in node["scales"] if isinstance(s, dict))
        for value in node.values():
            _walk(value, transforms, marks, scales)
    elif isinstance(node, list):
        for value in node:
            _walk(value, transforms, marks, scales)


def test_the_runtime_has_every_transform_and_mark_the_charts_use(site):
    transforms, marks, scales = set(), set(), set()
    pages = [p for p in site.rglob("*.html") if "_static" not in p.parts]
    specs = [json.loads(s) for p in pages for s in SPEC.findall(p.read_text(encoding="utf-8"))]
    assert specs
    for spec in specs:
        _walk(spec, transforms, marks, scales)
    missing = transforms - _registered_transforms() - {None}
    assert not missing, f"add {sorted(missing)} to extend(transforms, ...) in runtime/entry.js"
    cut = marks & CUT_MARKS
    assert not cut, f"the runtime leaves out the marks {sorted(cut)}: keep them in runtime/build.mjs"


def test_the_committed_runtime_is_what_build_mjs_makes(tmp_path):
    node = shutil.which("node")
    if (
        not node
        or not (ROOT / "node_modules" / "esbuild").is_dir()
        or not (ROOT / "node_modules" / "vega").is_dir()
    ):
        pytest.skip("needs node and `npm ci`")
    out = tmp_path / "runtime.js"
    subprocess.run([node, str(RUNTIME / "build.mjs"), str(out)], check=True, cwd=ROOT, timeout=120)
    assert out.read_bytes() == STATIC.read_bytes(), (
        "src/helpers/site/static/oslo-vega-runtime.js is stale: run `node src/helpers/site/runtime/build.mjs`"
    )
