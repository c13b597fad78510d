"""make lab: starts as root too, and opening and saving a chapter in JupyterLab leaves the
file as it was (no header rewrite, `git diff` stays clean)."""

import asyncio
import os
import shutil
import subprocess
import sys

import pytest
from jupyter_client.kernelspec import KernelSpecManager
from jupyter_server.services.contents.largefilemanager import AsyncLargeFileManager
from jupytext.async_contentsmanager import build_async_jupytext_contents_manager_class
from support import ROOT

CHAPTERS = sorted(
    str(p.relative_to(ROOT))
    for folder in ("notebooks", "book")
    for p in (ROOT / folder).glob("*.md")
    # Chapters are the pages that are notebooks: a jupytext header, a kernel.
    if p.read_text(encoding="utf-8").startswith("---\njupytext:")
)


def test_make_lab_allows_root_only_as_root():
    dry = subprocess.run(
        ["make", "--no-print-directory", "-C", ROOT, "-n", "-o", ".venv/.installed", "lab"],
        capture_output=True,
        text=True,
        check=True,
    )
    command = dry.stdout.strip().splitlines()[-1]
    assert "jupyter lab --ip=127.0.0.1" in command
    assert ("--allow-root" in command) == (os.geteuid() == 0)


def what_jupyterlab_adds(model: dict) -> None:
    """A running kernel writes its kernelspec and language_info into the notebook's metadata;
    running a Markdown cell with {eval} stores its results there (jupyterlab-myst)."""
    spec = KernelSpecManager().get_kernel_spec("python3")
    metadata = model["content"]["metadata"]
    metadata["kernelspec"] = {"display_name": spec.display_name, "language": spec.language, "name": "python3"}
    metadata["language_info"] = {
        "name": "python",
        "version": ".".join(map(str, sys.version_info[:3])),
        "mimetype": "text/x-python",
        "file_extension": ".py",
        "codemirror_mode": {"name": "ipython", "version": 3},
        "nbconvert_exporter": "python",
        "pygments_lexer": "ipython3",
    }
    # jupyterlab-myst keeps each {eval} result in its Markdown cell once the cell has run.
    for cell in model["content"]["cells"]:
        if cell["cell_type"] == "markdown" and "{eval}`" in cell["source"]:
            cell["metadata"]["user_expressions"] = [
                {"expression": "x", "result": {"status": "ok", "data": {"text/plain": "36\u00a0076"}}}
            ]


@pytest.mark.parametrize("chapter", CHAPTERS)
def test_opening_and_saving_a_chapter_in_jupyterlab_changes_nothing(chapter, tmp_path):
    """The round trip JupyterLab makes: jupytext's contents manager with the repository's
    jupytext.toml reads the chapter as a notebook, a kernel runs, and the notebook is saved."""
    shutil.copy(ROOT / "jupytext.toml", tmp_path / "jupytext.toml")
    (tmp_path / chapter).parent.mkdir(parents=True)
    shutil.copy(ROOT / chapter, tmp_path / chapter)
    manager = build_async_jupytext_contents_manager_class(AsyncLargeFileManager)(root_dir=str(tmp_path))

    async def open_and_save():
        model = await manager.get(chapter, content=True, type="notebook")
        what_jupyterlab_adds(model)
        await manager.save(model, chapter)

    asyncio.run(open_and_save())
    assert (tmp_path / chapter).read_text(encoding="utf-8") == (ROOT / chapter).read_text(encoding="utf-8")
