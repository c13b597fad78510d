"""Binder: what a student gets from a chapter's launch button, checked here without Docker.

mybinder.org builds the repository with repo2docker: requirements.txt is pip-installed into
the environment JupyterLab runs in, then the project itself with `pip install .`
(non-editable), and the repository is copied into $HOME. The slow test below repeats that
in a fresh virtual environment outside the repository and runs every chapter there, and
opens each chapter in the JupyterLab it installed.
"""

import importlib.util
import json
import os
import re
import shutil
import subprocess
import sys
import time
from pathlib import Path

import nbformat
import pytest
import yaml
from packaging.specifiers import SpecifierSet
from support import ROOT
from support.browserkit import CHROMIUM
from support.lab import jupyterlab

CONFIG = yaml.safe_load((ROOT / "_config.yml").read_text(encoding="utf-8"))
BIN = Path(sys.executable).parent
# Outside addresses a chapter might try to reach: none. Requests through these proxies fail.
NO_NETWORK = {"HTTP_PROXY": "http://127.0.0.1:9", "HTTPS_PROXY": "http://127.0.0.1:9", "NO_PROXY": ""}


def chapters() -> list[str]:
    """Chapter files (notebooks/*.md) in table-of-contents order."""
    toc = yaml.safe_load((ROOT / "_toc.yml").read_text(encoding="utf-8"))
    found = []

    def walk(entries):
        for entry in entries or []:
            if entry.get("file", "").startswith("notebooks/"):
                found.append(entry["file"] + ".md")
            walk(entry.get("chapters") or entry.get("sections"))
            for part in entry.get("parts", []):
                walk(part.get("chapters"))

    walk(toc.get("chapters"))
    for part in toc.get("parts", []):
        walk(part.get("chapters"))
    return found


def copy_repository(dest: Path) -> Path:
    """What Binder gets: the files git knows about (tracked, or new and not ignored)."""
    listed = (
        subprocess.run(
            ["git", "ls-files", "-z", "--cached", "--others", "--exclude-standard"],
            cwd=ROOT,
            capture_output=True,
            check=True,
        )
        .stdout.decode()
        .split("\0")
    )
    for rel in filter(None, listed):
        src = ROOT / rel
        if src.is_file():
            (dest / rel).parent.mkdir(parents=True, exist_ok=True)
            shutil.copy2(src, dest / rel)
    return dest


def clean_env(**extra) -> dict:
    env = {
        k: v
        for k, v in os.environ.items()
        if k not in {"PYTHONPATH", "VIRTUAL_ENV", "OSLO_FLYTTING_DATA", "PYTHONHOME"}
        and not k.startswith("JUPYTER_")
    }
    env.update(extra)
    return env


def run(cmd, **kwargs) -> subprocess.CompletedProcess:
    proc = subprocess.run(cmd, capture_output=True, text=True, **kwargs)
    assert proc.returncode == 0, (
        f"{' '.join(map(str, cmd))} failed:\n{proc.stdout[-3000:]}\n{proc.stderr[-3000:]}"
    )
    return proc


# --- How the repository is set up for Binder ---------------------------------------------


def test_repository_is_set_up_for_binder():
    # A binder/ (or .binder/) folder would make repo2docker ignore pyproject.toml and
    # runtime.txt at the root: there must be none.
    assert not (ROOT / "binder").exists() and not (ROOT / ".binder").exists()
    assert (ROOT / "runtime.txt").read_text().strip() == "python-3.11"
    pyproject = (ROOT / "pyproject.toml").read_text(encoding="utf-8")
    requires = re.search(r'requires-python\s*=\s*"([^"]+)"', pyproject).group(1)
    assert "3.11" in SpecifierSet(requires)
    pins = dict(line.strip().split("==") for line in (ROOT / "requirements.txt").open() if "==" in line)
    assert {"jupytext", "jupyterlab", "notebook", "nbclient"} <= set(pins)
    overrides = json.loads((ROOT / ".jupyter/labconfig/default_setting_overrides.json").read_text())
    viewers = overrides["@jupyterlab/docmanager-extension:plugin"]["defaultViewers"]
    assert viewers["markdown"] == "Jupytext Notebook"
    # Every cell attached at once: jupyterlab-myst evaluates a Markdown cell's {eval}s only
    # once it has drawn it (tests/env/test_lab_browser.py).
    assert overrides["@jupyterlab/notebook-extension:tracker"]["windowingMode"] == "none"


@pytest.mark.parametrize("chapter", chapters())
def test_every_chapter_is_a_python_notebook(chapter):
    header = yaml.safe_load((ROOT / chapter).read_text(encoding="utf-8").split("---")[1])
    assert header["kernelspec"]["name"] == "python3", chapter
    assert header["jupytext"]["text_representation"]["format_name"] == "myst", chapter


def test_every_chapter_has_a_binder_button(site):
    org, repo = CONFIG["repository"]["url"].rstrip("/").split("/")[-2:]
    branch = CONFIG["repository"]["branch"]
    for chapter in chapters():
        html = (site / chapter).with_suffix(".html").read_text(encoding="utf-8")
        url = f"https://mybinder.org/v2/gh/{org}/{repo}/{branch}?urlpath=lab/tree/{chapter}"
        assert f'href="{url}"' in html, f"{chapter}: no Binder button to {url}"


def test_readme_binder_badge_opens_the_first_chapter_with_its_start_note():
    """The README's Binder badge opens the introduction or the first chapter, in JupyterLab,
    and that page starts with the note on how to run it (a cell the book leaves out)."""
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    org, repo = CONFIG["repository"]["url"].rstrip("/").split("/")[-2:]
    branch = CONFIG["repository"]["branch"]
    badge = re.search(r"\(https://mybinder\.org/v2/gh/([^)\s]+)\)", readme)
    assert badge, "README has no Binder badge"
    target = badge.group(1)
    prefix = f"{org}/{repo}/{branch}?urlpath=lab/tree/"
    assert target.startswith(prefix), target
    opened = target[len(prefix) :]
    toc = yaml.safe_load((ROOT / "_toc.yml").read_text(encoding="utf-8"))
    assert opened in {toc["root"] + ".md", chapters()[0]}, opened
    text = (ROOT / opened).read_text(encoding="utf-8")
    assert '+++ {"tags": ["remove-cell"]}\n\n> **Slik kjører du' in text, opened
    assert "Run All" in text.split("> **Slik kjører du", 1)[1].split("\n\n", 1)[0]


@pytest.mark.parametrize("chapter", chapters())
def test_every_chapter_starts_with_the_note_for_jupyterlab(chapter):
    """One short note, right under the title: how to run it, and that changed code shows in
    the text after «Run All»; tagged remove-cell, so the book's pages leave it out."""
    text = (ROOT / chapter).read_text(encoding="utf-8")
    assert text.count("> **Slik kjører du") == 1, chapter
    title_then_note = re.search(
        r"^# .+\n\n\+\+\+ \{\"tags\": \[\"remove-cell\"\]\}\n\n> \*\*Slik kjører", text, re.M
    )
    assert title_then_note, f"{chapter}: the note is not right under the title, tagged remove-cell"


def test_every_chapter_downloads_as_ipynb(site):
    import jupytext

    for chapter in chapters():
        html = (site / chapter).with_suffix(".html").read_text(encoding="utf-8")
        ipynb = Path(chapter).with_suffix(".ipynb").as_posix()
        assert f'_sources/{ipynb}"' in html, f"{chapter}: no .ipynb in the download menu"
        downloaded = nbformat.read(site / "_sources" / ipynb, as_version=4)
        nbformat.validate(downloaded)
        source = jupytext.read(ROOT / chapter)
        code = [c.source for c in source.cells if c.cell_type == "code"]
        assert [c.source for c in downloaded.cells if c.cell_type == "code"] == code, chapter
        assert downloaded.metadata["kernelspec"]["name"] == "python3"


def test_repo2docker_reads_the_repository_as_intended(tmp_path):
    repo = copy_repository(tmp_path / "repo")
    out = run([BIN / "jupyter-repo2docker", "--no-build", "--debug", str(repo)], env=clean_env())
    log = out.stdout + out.stderr
    assert "Building conda environment for python=3.11" in log
    # After the repository is copied in, exactly two steps: requirements.txt, then the
    # project itself, non-editable (no environment.yml, no postBuild, no apt.txt).
    assemble = log.split("COPY --chown=0:0 src/ ${REPO_DIR}/", 1)[1].split("LABEL ", 1)[0]
    assert re.findall(r"^RUN .*", assemble, re.M) == [
        'RUN ${KERNEL_PYTHON_PREFIX}/bin/pip install --no-cache-dir -r "requirements.txt"',
        "RUN ${KERNEL_PYTHON_PREFIX}/bin/pip install --no-cache-dir .",
    ]
    # One environment for JupyterLab and the kernel: requirements.txt reaches JupyterLab.
    assert "ENV KERNEL_PYTHON_PREFIX=${NB_PYTHON_PREFIX}" in log
    probe = (
        "import json\nfrom repo2docker.app import Repo2Docker\napp = Repo2Docker()\n"
        "bp = next(b for b in (B(base_image=app.base_image) for B in app.buildpacks) if b.detect())\n"
        "print(json.dumps({'buildpack': type(bp).__name__, 'python': bp.python_version,\n"
        "    'binder_dir': bp.binder_dir, 'installs_project': bp._is_python_package()}))\n"
    )
    picked = json.loads(run([sys.executable, "-c", probe], cwd=repo, env=clean_env()).stdout.splitlines()[-1])
    assert picked == {
        "buildpack": "PythonBuildPack",
        "python": "3.11",
        "binder_dir": "",
        "installs_project": True,
    }


# --- The student's path, end to end (slow: a fresh environment) -------------------------

RUNNER = """
import json, os, re, sys, nbformat
from nbclient import NotebookClient
from nbclient.exceptions import CellExecutionError
PROBE = "import sys, helpers, helpers.store.paths\\nprint(sys.prefix)\\nprint(helpers.__file__)\\nprint(helpers.store.paths.data_dir())"
EVALS = "import json as _j\\nprint(_j.dumps({n: repr(globals()[n]) for n in %r}))"
ROLE = re.compile(r"\\{eval\\}`([^`]+)`")
for path in sys.argv[1:]:
    nb = nbformat.read(path, as_version=4)
    # What jupyterlab-myst evaluates: every {eval} of the Markdown and of figure captions.
    names = sorted({n for c in nb.cells for n in ROLE.findall(c.source if c.cell_type == "markdown"
                                                              else str(c.metadata.get("mystnb", "")))})
    nb.cells.append(nbformat.v4.new_code_cell(EVALS % names))
    nb.cells.append(nbformat.v4.new_code_cell(PROBE))
    result = {"notebook": path}
    try:
        NotebookClient(nb, timeout=600, kernel_name="python3",
                       resources={"metadata": {"path": os.path.dirname(path)}}).execute()
        result["probe"] = nb.cells.pop().outputs[0]["text"].split()
        result["evals"] = json.loads(nb.cells.pop().outputs[0]["text"])
        nbformat.write(nb, path.replace(".ipynb", ".executed.ipynb"))
    except CellExecutionError as e:
        result["error"] = str(e)[-3000:]
    print(json.dumps(result))
"""

# Output types a notebook viewer draws as a figure. (text/html counts while helpers draws
# figures as HTML; JupyterLab prefers it over the chart types when it is present.)
FIGURE_MIME = {"application/vnd.vega.v5+json", "image/svg+xml", "text/html"}


def figure_problems(executed: Path) -> list[str]:
    """A chapter run as a notebook must show what the page shows: its numbers (no raw
    {glue} role left in its Markdown: JupyterLab cannot fill one) and its figures as
    outputs of their cells."""
    nb = nbformat.read(executed, as_version=4)
    problems = []
    for n, cell in enumerate(nb.cells, 1):
        if cell.cell_type == "markdown" and re.search(r"\{glue(:\w+)?\}", cell.source):
            problems.append(f"{executed.name}: cell {n} has a {{glue}} role, which JupyterLab shows raw")
        figure = cell.metadata.get("mystnb", {}).get("figure") if cell.cell_type == "code" else None
        if figure:
            shown = [
                o
                for o in cell.get("outputs", [])
                if o.get("output_type") in ("display_data", "execute_result") and FIGURE_MIME & set(o["data"])
            ]
            # A figure the data cannot draw yet (its cell ends in None) shows nothing, on the
            # page too; anything else it shows must be the figure.
            if not shown and cell.get("outputs"):
                problems.append(f"{executed.name}: figure {figure.get('name')} is not an output of its cell")
    return problems


def repo2docker_base_packages() -> list[str]:
    """Jupyter packages of repo2docker's Python 3.11 base environment that requirements.txt
    does not replace, as pip requirements (from repo2docker's conda lock file)."""
    package = importlib.util.find_spec("repo2docker").submodule_search_locations[0]
    lock = Path(package) / "buildpacks/conda/environment.py-3.11-linux-64.lock"
    wanted = {
        "ipywidgets": "ipywidgets",
        "jupyter-resource-usage": "jupyter-resource-usage",
        "jupyter-offlinenotebook": "jupyter-offlinenotebook",
        "jupyterhub-singleuser": "jupyterhub",
    }
    found = {}
    for name, version in re.findall(r"/([a-z0-9_-]+?)-(\d[^-/]*)-[^-/]+\.conda", lock.read_text()):
        if name in wanted:
            found[wanted[name]] = version
    assert set(found) == set(wanted.values()), found
    return [f"{name}=={version}" for name, version in sorted(found.items())]


def notebook_text(page) -> str:
    """All of the open notebook's rendered text: JupyterLab draws only the cells in view,
    so scroll through it a screen at a time."""
    scroller = ".jp-NotebookPanel .jp-WindowedPanel-outer"
    height = page.eval_on_selector(scroller, "e => e.scrollHeight")
    step = page.eval_on_selector(scroller, "e => e.clientHeight")
    seen = []
    for top in range(0, height + step, step):
        page.eval_on_selector(scroller, f"e => {{ e.scrollTop = {top}; }}")
        time.sleep(0.3)
        seen.append(page.inner_text(".jp-NotebookPanel .jp-Notebook"))
    return "\n".join(seen)


def run_all_and_read(page, expected: list[str], seconds: float = 180) -> str:
    """Run every cell of the open notebook (Run > Run All Cells) and return its rendered
    text as soon as it shows every expected value (or when the time is up)."""
    page.wait_for_selector(".jp-StatusBar-Widget >> text=Idle", timeout=60_000)  # the kernel is up
    page.locator(".lm-MenuBar-itemLabel", has_text="Run").first.click()
    page.locator(".lm-Menu-itemLabel", has_text="Run All Cells").first.click()
    deadline = time.monotonic() + seconds
    while True:
        time.sleep(2)
        if page.locator(".jp-StatusBar-Widget >> text=Busy").count() == 0 or time.monotonic() > deadline:
            text = notebook_text(page)
            if all(v in text for v in expected) or time.monotonic() > deadline:
                return text


def open_in_jupyterlab(
    venv: Path, repo: Path, chapter_list: list[str], shown: dict[str, list[str]] | None = None
) -> list[str]:
    """Start JupyterLab the way Binder does ($HOME = the repository) and open each chapter
    through the launch button's address; return what went wrong. For the chapters in
    `shown`, run all cells and check that the Markdown shows those computed values
    ({eval} through jupyterlab-myst) and no raw role."""
    from playwright.sync_api import sync_playwright

    command = [
        venv / "bin/jupyter-lab",
        "--allow-root",
        "--ip=127.0.0.1",
        "--ServerApp.password=",
        "--LabApp.check_for_updates_class=jupyterlab.NeverCheckForUpdate",
        "--LabApp.news_url=None",
    ]
    problems = []
    env = clean_env(HOME=str(repo), **NO_NETWORK)
    with jupyterlab(command, cwd=repo, env=env, log=repo.parent / "lab.log") as base:
        with sync_playwright() as p:
            browser = p.chromium.launch(
                executable_path=CHROMIUM,
                headless=True,
                args=["--no-sandbox", "--disable-gpu", "--no-first-run"],
            )
            for chapter in chapter_list:
                page = browser.new_page(viewport={"width": 1280, "height": 900})
                outside = []

                def route(r, outside=outside):
                    if r.request.url.startswith(("http://127.0.0.1", "ws://127.0.0.1", "data:", "blob:")):
                        r.continue_()
                    else:
                        outside.append(r.request.url)
                        r.abort()

                page.route("**/*", route)
                # ?reset: a fresh workspace, so no tab from the previous chapter is restored.
                page.goto(f"{base}/lab/tree/{chapter}?reset")
                try:
                    page.wait_for_selector(".jp-NotebookPanel .jp-Cell", timeout=60_000)
                    page.wait_for_selector(".jp-NotebookPanel-toolbar >> text=Python 3", timeout=30_000)
                except Exception as e:  # noqa: BLE001 - reported with the chapter's name
                    problems.append(f"{chapter}: did not open as a notebook with a Python 3 kernel ({e})")
                if chapter in (shown or {}):
                    text = run_all_and_read(page, shown[chapter])
                    missing = [v for v in shown[chapter] if v not in text]
                    if missing or "{eval}" in text:
                        problems.append(
                            f"{chapter}: after Run All, JupyterLab does not show {missing} ({text[:300]!r})"
                        )
                if page.locator(".jp-FileEditor").count():
                    problems.append(f"{chapter}: opened in the text editor")
                if outside:
                    problems.append(f"{chapter}: JupyterLab asked for outside addresses: {outside}")
                page.close()
            browser.close()
    return problems


def test_student_flow_in_a_fresh_environment(tmp_path_factory):
    """requirements.txt, then `pip install .`, into a new virtual environment outside the
    repository; every chapter converted with jupytext and executed from a copy of the
    repository; every chapter opened in that environment's JupyterLab."""
    if not Path(CHROMIUM).exists():
        pytest.fail(
            f"{CHROMIUM} not found: install Debian's chromium (make test does as root) or set CHROMIUM="
        )
    work = tmp_path_factory.mktemp("binder")
    repo = copy_repository(work / "home")
    venv = work / "venv"
    py = venv / "bin/python"
    run([sys.executable, "-m", "venv", venv])
    # pip's own cache is reused between runs; what gets installed is only requirements.txt.
    pip = [py, "-m", "pip", "--disable-pip-version-check"]
    run([*pip, "install", "--quiet", "-r", "requirements.txt"], cwd=repo, env=clean_env())
    project = run([*pip, "install", "."], cwd=repo, env=clean_env())
    installed = re.findall(r"Successfully installed (.+)", project.stdout)
    assert installed and installed[-1].split() == ["oslo-flytting-helpers-0.1.0"], (
        f"`pip install .` had to install more than the project: requirements.txt is incomplete: {installed}"
    )
    run([*pip, "check"], env=clean_env())
    # On Binder, requirements.txt lands on top of repo2docker's base environment: the
    # packages that stay from it must agree with our pins.
    run(
        [*pip, "install", "--dry-run", "--quiet", "-r", "requirements.txt", *repo2docker_base_packages()],
        cwd=repo,
        env=clean_env(),
    )

    chapter_list = chapters()
    assert chapter_list, "no chapters in _toc.yml"
    for chapter in chapter_list:
        run([venv / "bin/jupytext", "--to", "ipynb", chapter], cwd=repo, env=clean_env())
    runner = work / "run_chapters.py"
    runner.write_text(RUNNER)
    ipynbs = [str(repo / Path(c).with_suffix(".ipynb")) for c in chapter_list]
    out = run([py, runner, *ipynbs], cwd=repo / "notebooks", env=clean_env(**NO_NETWORK))
    results = [json.loads(line) for line in out.stdout.splitlines() if line.startswith("{")]
    assert len(results) == len(chapter_list)
    for result in results:
        assert "error" not in result, (
            f"{result['notebook']} failed on a Binder-like install:\n{result['error']}"
        )
        executed = Path(result["notebook"].replace(".ipynb", ".executed.ipynb"))
        assert not figure_problems(executed), "\n".join(figure_problems(executed))
        # {eval} shows the plain-text repr: a plain str would appear in quotes in JupyterLab.
        quoted = {n: v for n, v in result["evals"].items() if not v.strip() or v[0] in "'\""}
        assert not quoted, f"{result['notebook']}: {{eval}} would show these quoted or empty: {quoted}"
        prefix, helpers_file, data = result["probe"]
        assert Path(prefix) == venv, result
        assert Path(helpers_file).is_relative_to(venv), "helpers must come from the installed package"
        assert Path(data) == repo / "data", result

    # The first chapter's longest computed phrases must render in JupyterLab as on the page.
    sample = sorted(results[0]["evals"].values(), key=len)[-3:]
    problems = open_in_jupyterlab(venv, repo, chapter_list, {chapter_list[0]: sample})
    assert not problems, "\n".join(problems)
