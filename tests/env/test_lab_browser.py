"""A student's JupyterLab, driven in Chromium: JupyterLab started the way `make lab` starts
it (the repository's .jupyter settings), a chapter opened as a notebook and run with «Run
All» several times, each time in a freshly opened tab.

Every {eval} in the Markdown must show its value after every run. jupyterlab-myst sends a
Markdown cell's expressions to the kernel only if it has parsed the cell in the notebook
as a whole, which it does when the cell is drawn; JupyterLab 4.6 draws cells out of view
lazily (`windowingMode` "contentVisibility"), so on a freshly opened chapter the cells far
down kept their raw names (`TIL`, `slutt_ut`) in about half the runs.
`.jupyter/labconfig/default_setting_overrides.json` sets `windowingMode` to "none".

Citations must show as text with a link, and no «Not Found» mark may show.
"""

from __future__ import annotations

import os
import re
import secrets
import shutil
import subprocess
import time

import pytest
from support import ROOT
from support.lab import jupyterlab

CHAPTER = "notebooks/07-kom-de-tilbake.md"
RUNS = 4
RUN_SECONDS = 150  # one Run All on a busy 2-core machine takes 15-30 s
EVAL = re.compile(r"\{eval\}`([^`]+)`")
SCROLLER = ".jp-NotebookPanel .jp-WindowedPanel-outer"


def eval_names(chapter: str) -> set[str]:
    """The names the chapter's Markdown shows with {eval} (not the ones in figure captions:
    those are drawn by the figure, not by jupyterlab-myst)."""
    text = (ROOT / chapter).read_text(encoding="utf-8")
    prose = re.sub(r"```\{code-cell\}.*?```", "", text, flags=re.S)
    return set(EVAL.findall(prose))


def make_lab_command() -> str:
    """The command `make lab` runs (make -n prints it without running it)."""
    dry = subprocess.run(
        ["make", "--no-print-directory", "-C", ROOT, "-n", "-o", ".venv/.installed", "lab"],
        capture_output=True,
        text=True,
        check=True,
    )
    command = dry.stdout.strip().splitlines()[-1]
    assert "JUPYTER_CONFIG_DIR=" in command and "jupyter lab" in command, command
    return command


@pytest.fixture(scope="module")
def lab(tmp_path_factory):
    """JupyterLab as `make lab` starts it, headless, on 127.0.0.1 with a token, serving a
    copy of the chapters (a run never touches the repository's files)."""
    work = tmp_path_factory.mktemp("lab")
    root = work / "repo"
    for name in ("notebooks", "book", "data"):
        shutil.copytree(
            ROOT / name, root / name, ignore=shutil.ignore_patterns("*.ipynb", ".ipynb_checkpoints")
        )
    for name in ("jupytext.toml", "references.bib", "CITATION.cff", "_config.yml", "_toc.yml"):
        shutil.copy2(ROOT / name, root / name)
    token = secrets.token_hex(16)
    command = f"{make_lab_command()} --ServerApp.root_dir={root}"
    # JupyterLab's own state (workspaces, settings changed in the UI) goes to the test's folder.
    env = dict(
        os.environ,
        JUPYTERLAB_WORKSPACES_DIR=str(work / "workspaces"),
        JUPYTERLAB_SETTINGS_DIR=str(work / "user-settings"),
    )
    with jupyterlab(command, cwd=ROOT, env=env, log=work / "lab.log", token=token) as base:
        yield base, token


def run_all(page, restart: bool | None) -> None:
    """The toolbar's «Run All» (restart None), «Run > Run All Cells», or «Kernel > Restart
    Kernel and Run All Cells…» (restart True), then wait
    until the kernel has been idle for three seconds (each Markdown cell's expressions are
    a request of their own), at most RUN_SECONDS."""
    if restart is None:  # the «Run All» button .jupyter adds to the notebook's toolbar
        page.locator(".jp-NotebookPanel-toolbar .jp-ToolbarButtonComponent", has_text="Run All").first.click()
    elif restart:
        page.locator(".lm-MenuBar-itemLabel", has_text="Kernel").first.click()
        page.locator(".lm-Menu-itemLabel", has_text="Restart Kernel and Run All Cells").first.click()
        page.locator(".jp-Dialog-button.jp-mod-accept").click()
    else:
        page.locator(".lm-MenuBar-itemLabel", has_text="Run").first.click()
        page.locator(".lm-Menu-itemLabel", has_text="Run All Cells").first.click()
    start = time.monotonic()
    time.sleep(2)
    quiet = 0
    while quiet < 3:
        assert time.monotonic() - start < RUN_SECONDS, f"Run All did not finish in {RUN_SECONDS} s"
        time.sleep(1)
        busy = (
            page.locator(".jp-StatusBar-Widget >> text=Busy").count()
            or page.locator(".jp-InputPrompt", has_text="[*]").count()
        )
        quiet = 0 if busy else quiet + 1


def read_notebook(page) -> dict:
    """Scroll through the notebook a screen at a time and collect what its Markdown shows:
    inline code (an {eval} without a value shows its name as code), «Not Found» marks,
    links."""
    height = page.eval_on_selector(SCROLLER, "e => e.scrollHeight")
    step = page.eval_on_selector(SCROLLER, "e => e.clientHeight")
    seen = {"code": set(), "not_found": set(), "links": set(), "text": []}
    for top in range(0, height + step, step):
        page.eval_on_selector(SCROLLER, f"e => {{ e.scrollTop = {top}; }}")
        time.sleep(0.3)
        seen["code"] |= set(
            page.eval_on_selector_all(".jp-MarkdownCell code", "es => es.map(e => e.textContent)")
        )
        seen["not_found"] |= set(
            page.eval_on_selector_all(
                ".jp-MarkdownCell [title]",
                "es => es.filter(e => /not found/i.test(e.title))"
                ".map(e => e.title + ': ' + (e.parentElement ? e.parentElement.textContent.slice(0, 80) : ''))",
            )
        )
        seen["links"] |= {
            tuple(x)
            for x in page.eval_on_selector_all(
                ".jp-MarkdownCell a[href]",
                "es => es.map(e => [e.textContent.trim(), e.getAttribute('href')])",
            )
        }
        seen["text"].append(page.inner_text(".jp-NotebookPanel .jp-Notebook"))
    return seen


def test_run_all_fills_every_number_every_time(lab, browser):
    base, token = lab
    names = eval_names(CHAPTER)
    assert len(names) > 20, names
    failures, citations = [], []
    for n in range(RUNS):
        page = browser.new_page(viewport={"width": 1280, "height": 900})
        outside = []

        def route(r, outside=outside):
            if r.request.url.startswith(("http://127.0.0.1", "ws://127.0.0.1", "data:", "blob:")):
                r.continue_()
            else:
                outside.append(r.request.url)
                r.abort()

        page.route("**/*", route)
        # ?reset: a fresh workspace, the chapter opened as a student opens it.
        page.goto(f"{base}/lab/tree/{CHAPTER}?reset&token={token}")
        page.wait_for_selector(".jp-NotebookPanel .jp-MarkdownCell", timeout=90_000)
        page.wait_for_selector(".jp-StatusBar-Widget >> text=Idle", timeout=90_000)
        run_all(page, restart=(None, False, True)[n % 3])
        seen = read_notebook(page)
        unfilled = sorted(seen["code"] & names)
        text = "\n".join(seen["text"])
        if unfilled:
            failures.append(f"run {n + 1}: {len(unfilled)} numbers not filled: {unfilled}")
        if seen["not_found"]:
            failures.append(f"run {n + 1}: «Not Found» marks: {sorted(seen['not_found'])}")
        if "Slik kjører du kapitlet" not in text:
            failures.append(f"run {n + 1}: the note on how to run the chapter does not show")
        if "{eval}" in text or "{cite" in text:
            failures.append(f"run {n + 1}: a raw role shows")
        if outside:
            failures.append(f"run {n + 1}: JupyterLab asked for outside addresses: {outside}")
        citations.append(sorted(seen["links"]))
        page.close()
    assert not failures, "\n".join(failures)
    # The chapter cites the article: shown as «(Tønnessen 2021)», a link to its DOI.
    for links in citations:
        assert ("(Tønnessen 2021)", "https://doi.org/10.18261/issn.2703-8866-2021-02-03") in links, links
