"""The built site: language, local scripts only, Vega only where there is a chart,
and a failing cell that fails the build by name."""

import json
import re
import shutil
import subprocess
import sys

from support import ROOT


def pages(site):
    return sorted(p for p in site.rglob("*.html") if "_static" not in p.parts)


def test_every_page_is_norwegian(site):
    for page in pages(site):
        assert re.search(r'<html[^>]* lang="nb"', page.read_text()), page


def test_pages_load_nothing_from_outside(site):
    for page in pages(site):
        html = page.read_text()
        for tag, attr in re.findall(r'(<(?:script|link|img|iframe)[^>]+(?:src|href)="([^"]+)")', html):
            # The canonical link names the page's own published address; nothing fetches it.
            if 'rel="canonical"' in tag:
                continue
            assert not re.match(r"(https?:)?//", attr), f"{page.name}: {attr}"
        assert "require.js" not in html and "require.min.js" not in html


def test_vega_only_on_pages_with_a_chart(site):
    for page in pages(site):
        html = page.read_text()
        has_chart = "oslo-vega-spec" in html
        # The small render script, deferred; it loads the runtime when a chart is near.
        assert html.count("oslo-vega-render.js") == (1 if has_chart else 0), page
        if has_chart:
            assert re.search(r'<script defer="defer" src="[^"]*oslo-vega-render\.js', html), page
        assert "oslo-vega-runtime.js" not in html and "vega-bundle-" not in html, page


def test_runtime_is_wrapped_served_locally_and_has_no_vega_lite(site):
    text = (site / "_static" / "oslo-vega-runtime.js").read_text()
    # One top-level name (osloVega); everything else inside one function scope.
    body = text.split("*/", 1)[1].strip()
    assert body.startswith("var osloVega=(()=>{") and body.endswith("})();"), body[:60]
    # Vega's runtime only: no Vega-Lite compiler, no vega-embed.
    for name in ("vega-lite", "vegaLite", "vegaEmbed", "vega-embed"):
        assert name not in body, name


def test_page_specs_are_compiled_vega(site):
    for page in pages(site):
        for spec in re.findall(
            r"<script type='application/json' class='oslo-vega-spec'[^>]*>(.*?)</script>",
            page.read_text(),
            re.S,
        ):
            spec = json.loads(spec)
            # Vega (marks, scales, data with values), not Vega-Lite (mark, encoding, datasets).
            assert "marks" in spec and "encoding" not in spec and "datasets" not in spec, page
            assert "mork" in spec["usermeta"]["oslo"] or "mork_spec" in spec["usermeta"]["oslo"], page


def test_chapter_one_has_its_figures(site):
    html = (site / "notebooks" / "01-rekordutflytting.html").read_text()
    # Issue 17: the other cities' scattered values are no longer drawn (no year has them all).
    assert html.count("class='oslo-vega-spec'") == 2
    assert "Figur 1.1" in html and "Figur 1.2" in html and "Figur 1.3" not in html
    # glued numbers made it into the prose, formatted the Norwegian way
    assert "36\u00a0076" in html


def test_failing_cell_fails_the_build_and_names_the_notebook(tmp_path):
    for item in ("_config.yml", "_toc.yml", "book", "data", "pyproject.toml"):
        src = ROOT / item
        (shutil.copytree if src.is_dir() else shutil.copy)(src, tmp_path / item)
    (tmp_path / "notebooks").mkdir()
    (tmp_path / "notebooks" / "01-rekordutflytting.md").write_text(
        "---\njupytext:\n  text_representation:\n    format_name: myst\nkernelspec:\n"
        "  display_name: Python 3\n  language: python\n  name: python3\n---\n\n"
        "(kap-rekord)=\n# Feil\n\n```{code-cell} ipython3\nraise RuntimeError('bevisst feil i celle')\n```\n"
    )
    proc = subprocess.run(
        [sys.executable, "-m", "helpers", "build", str(tmp_path)], capture_output=True, text=True, timeout=300
    )
    out = proc.stdout + proc.stderr
    assert proc.returncode != 0
    assert "01-rekordutflytting" in out
    assert "Kapittel notebooks/01-rekordutflytting.md: en celle feilet" in proc.stderr
    assert "raise RuntimeError('bevisst feil i celle')" in proc.stderr


def test_execution_cache_exists_before_parallel_readers_start(tmp_path):
    # Two reader processes creating the same SQLite tables at once made clean builds flaky.
    from helpers.build import _create_execution_cache

    _create_execution_cache(tmp_path)
    assert (tmp_path / "_build" / ".jupyter_cache" / "global.db").is_file()


def test_pages_with_code_are_read_first(tmp_path):
    # Sphinx deals pages to its parallel readers in fixed chunks, in list order: pages that
    # start a kernel go first so no reader gets most of the chapters.
    from helpers.site.chapter_inputs import _kernels_first

    (tmp_path / "a.md").write_text("# Tekst\n", encoding="utf-8")
    (tmp_path / "b.md").write_text("```{code-cell} ipython3\n1\n```\n", encoding="utf-8")
    (tmp_path / "c.md").write_text("# Mer tekst\n", encoding="utf-8")
    (tmp_path / "d.md").write_text("```{code-cell} ipython3\n2\n```\n", encoding="utf-8")

    class Env:
        def doc2path(self, docname):
            return tmp_path / f"{docname}.md"

    docnames = ["a", "b", "c", "d", "borte"]
    _kernels_first(Env(), docnames)
    assert docnames == ["b", "d", "a", "c", "borte"]


def test_chapter_kernels_are_stopped_at_once():
    # A graceful kernel shutdown cost 1-1.6 s per chapter, waiting for the kernel to exit.
    import nbformat
    from myst_nb.core.execute import inline

    from helpers.site.chapter_inputs import _stop_kernels_at_once

    _stop_kernels_at_once()
    _stop_kernels_at_once()  # twice is harmless: the client is replaced once
    client = inline.ModifiedNotebookClient(nbformat.v4.new_notebook())
    assert client.shutdown_kernel == "immediate"
    assert len([c for c in type(client).__mro__ if c.__name__ == "ModifiedNotebookClient"]) == 2


def test_vega_lite_version_is_read_without_importing_altair():
    # The Sphinx processes need only the version (bundle name, PNG drawing); importing
    # Altair for it cost each of them 0.4-1.6 s.
    code = (
        "import sys; from helpers.figures.render import vl_version; v = vl_version(); "
        "print(v, 'altair' in sys.modules); import altair; print(altair.SCHEMA_VERSION)"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout
    version, imported, schema = out.split()
    assert imported == "False"
    assert schema.lstrip("v").startswith(version + ".")
