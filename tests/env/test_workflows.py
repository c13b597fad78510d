"""The GitHub workflows cannot run here; they are linted (zizmor, shellcheck on every
`run:` script) and read for what they must do. The data-refresh summary script runs
against a small git repository."""

import re
import subprocess
import sys
from pathlib import Path

import pytest
import yaml
from support import ROOT

WORKFLOWS = ROOT / ".github" / "workflows"
BIN = Path(sys.executable).parent
SHA_PIN = re.compile(r"^[\w.-]+/[\w.-]+(/[\w./-]+)?@[0-9a-f]{40}$")


def load(name: str) -> dict:
    workflow = yaml.safe_load((WORKFLOWS / name).read_text(encoding="utf-8"))
    # YAML 1.1 reads the key `on` as True.
    workflow["on"] = workflow.pop(True, workflow.get("on"))
    return workflow


def all_steps(workflow: dict):
    for job_id, job in workflow["jobs"].items():
        for step in job.get("steps", []):
            yield job_id, step


def test_there_are_the_three_workflows():
    assert sorted(p.name for p in WORKFLOWS.glob("*.y*ml")) == ["book.yml", "data.yml", "review.yml"]


def test_zizmor_finds_nothing():
    proc = subprocess.run(
        [
            BIN / "zizmor",
            "--offline",
            "--strict-collection",
            "--persona",
            "pedantic",
            "--min-severity",
            "low",
            "--no-progress",
            WORKFLOWS,
        ],
        capture_output=True,
        text=True,
    )
    assert proc.returncode == 0, proc.stdout + proc.stderr
    assert "No findings to report" in proc.stdout


@pytest.mark.parametrize("name", ["book.yml", "data.yml", "review.yml"])
def test_run_scripts_pass_shellcheck(name, tmp_path):
    scripts = [step["run"] for _, step in all_steps(load(name)) if "run" in step]
    assert scripts
    for i, script in enumerate(scripts):
        # Expressions are filled in by GitHub before bash sees the script.
        body = re.sub(r"\$\{\{.*?\}\}", "EXPRESSION", script)
        path = tmp_path / f"step{i}.sh"
        # GitHub runs `run:` with `bash -e {0}`.
        path.write_text("#!/usr/bin/env bash\nset -e\n" + body)
        proc = subprocess.run([BIN / "shellcheck", "--shell=bash", path], capture_output=True, text=True)
        assert proc.returncode == 0, f"{name}, step {i}:\n{script}\n{proc.stdout}"


@pytest.mark.parametrize("name", ["book.yml", "data.yml"])
def test_actions_are_pinned_to_a_commit(name):
    text = (WORKFLOWS / name).read_text(encoding="utf-8")
    for _, step in all_steps(load(name)):
        if "uses" in step:
            assert SHA_PIN.match(step["uses"]), step["uses"]
            # The version the commit stands for is written beside it, for humans and updaters.
            assert re.search(re.escape(step["uses"]) + r" # v\d+\.\d+\.\d+\n", text), step["uses"]


@pytest.mark.parametrize("name", ["book.yml", "data.yml", "review.yml"])
def test_least_permissions(name):
    workflow = load(name)
    assert workflow["permissions"] == {}, "nothing by default; each job asks for what it needs"
    wanted = {
        "book.yml": {"build": {"contents": "read"}, "deploy": {"pages": "write", "id-token": "write"}},
        "data.yml": {"refresh": {"contents": "write", "pull-requests": "write"}},
        "review.yml": {"endringer-lest": {}},
    }[name]
    assert {job_id: job.get("permissions") for job_id, job in workflow["jobs"].items()} == wanted
    for _, step in all_steps(workflow):
        if step.get("uses", "").startswith("actions/checkout@"):
            assert step["with"]["persist-credentials"] is False


def test_book_workflow_builds_tests_and_publishes():
    workflow = load("book.yml")
    assert {"push", "pull_request", "workflow_dispatch"} <= set(workflow["on"])
    build = workflow["jobs"]["build"]
    runs = [s.get("run") for s in build["steps"]]
    assert runs.index("make book") < runs.index("make test")
    python = next(s for s in build["steps"] if s.get("uses", "").startswith("actions/setup-python@"))
    assert python["with"]["python-version"] == (ROOT / "runtime.txt").read_text().strip().removeprefix(
        "python-"
    )
    upload = next(s for s in build["steps"] if s.get("uses", "").startswith("actions/upload-pages-artifact@"))
    assert upload["with"]["path"] == "_build/html"
    assert "refs/heads/main" in upload["if"] and "pull_request" in upload["if"]
    deploy = workflow["jobs"]["deploy"]
    assert deploy["needs"] == "build" and deploy["environment"]["name"] == "github-pages"
    assert deploy["steps"][-1]["uses"].startswith("actions/deploy-pages@")
    assert "refs/heads/main" in deploy["if"] and "pull_request" in deploy["if"]


def test_data_workflow_refreshes_monthly_and_proposes_a_pull_request():
    workflow = load("data.yml")
    assert "workflow_dispatch" in workflow["on"]
    (cron,) = [s["cron"] for s in workflow["on"]["schedule"]]
    minute, hour, day, month, weekday = cron.split()
    assert day.isdigit() and int(day) <= 28 and month == "*" and weekday == "*", "once a month"
    steps = workflow["jobs"]["refresh"]["steps"]
    runs = [s.get("run", "") for s in steps]
    assert "make data" in runs and runs.index("make data") < runs.index("make book")
    assert any("tools/data_changes.py" in r for r in runs)
    # verify (metadata only) runs first; its report goes to the run and into the pull request.
    verify = next(i for i, r in enumerate(runs) if r.startswith("make verify"))
    assert verify < runs.index("make data") and steps[verify]["continue-on-error"] is True
    assert any("verify.md" in r and "data-pr.md" in r for r in runs)
    assert steps[-1]["if"] == "steps.verify.outcome == 'failure'" and "exit 1" in runs[-1]
    pr = next(s for s in steps if s.get("uses", "").startswith("peter-evans/create-pull-request@"))
    assert pr["with"]["add-paths"] == "data/"  # the change record in data/endringslogg/ included
    assert pr["with"]["body-path"].endswith("data-pr.md")
    # The review gate: a flipped comparison or headline labels the pull request for a reader.
    summary = next(s for s in steps if "tools/data_changes.py" in s.get("run", ""))
    assert "--github-output" in summary["run"] and summary["id"] == "summary"
    assert "steps.summary.outputs.krever_lesing" in pr["with"]["labels"]


def _gate(body: str, tmp_path) -> int:
    """The review gate's script, run by bash with the pull request's body as GitHub passes it."""
    (step,) = load("review.yml")["jobs"]["endringer-lest"]["steps"]
    assert step["env"]["BODY"] == "${{ github.event.pull_request.body }}"  # never inlined in the script
    script = tmp_path / "gate.sh"
    script.write_text("set -e\n" + step["run"])
    return subprocess.run(
        ["bash", script], env={"BODY": body, "PATH": "/usr/bin:/bin"}, capture_output=True
    ).returncode


def test_the_review_gate_fails_until_a_person_ticks_the_box(tmp_path):
    from helpers.prose.endringslogg import pull_request

    record = {
        "refreshed": "2030-01-02T03:04:05Z",
        "tables": [],
        "values": [{"resource": "ssb_01223", "change": "endret", "key": {"series": "utflytting_innenlands",
                    "region_name": "Oslo", "period": "2024"}, "before": {"value": "41210"},
                    "after": {"value": "41305"}}],
        "texts": [{"page": "notebooks/07-kom-de-tilbake", "page_title": "Kom de tilbake?", "kind": "setning",
                   "before": "Utflyttingen var høyere enn før.", "after": "Utflyttingen var lavere enn før.",
                   "flip": True}],
    }  # fmt: skip
    body = pull_request(record, "success")
    assert body.index("setning") < body.index("41\u00a0305")  # sentences first, values after
    assert _gate(body, tmp_path) == 1
    assert _gate(body.replace("- [ ] Jeg har lest", "- [x] Jeg har lest"), tmp_path) == 0
    calm = dict(record, texts=[dict(record["texts"][0], flip=False)])
    assert _gate(pull_request(calm, "success"), tmp_path) == 0
    assert _gate("A pull request about something else.", tmp_path) == 0


# --- tools/data_changes.py: the pull request's summary ----------------------------------


def git(repo: Path, *args: str) -> None:
    subprocess.run(
        ["git", "-c", "user.name=t", "-c", "user.email=t@example.org", *args],
        cwd=repo,
        check=True,
        capture_output=True,
    )


def summarise(repo: Path, *args: str) -> str:
    return subprocess.run(
        [sys.executable, ROOT / "tools" / "data_changes.py", "--root", repo, *args],
        capture_output=True,
        text=True,
        check=True,
    ).stdout


@pytest.fixture
def data_repo(tmp_path):
    repo = tmp_path / "repo"
    (repo / "data").mkdir(parents=True)
    git(repo, "init", "-q")
    (repo / "data" / "flows.csv").write_text(
        "region_code,year,series,value,unit,source_url,note\n"
        "0301,2019,ut,100,personer,https://a,\n"
        "0301,2020,ut,120,personer,https://a,\n"
        "0301,2020,ut,121,personer,https://b,other source\n"
        "4601,2020,ut,50,personer,https://a,\n"
    )
    (repo / "data" / "old.csv").write_text("k,value\n1,2\n")
    git(repo, "add", ".")
    git(repo, "commit", "-qm", "snapshot")
    return repo


def test_summary_of_an_unchanged_snapshot(data_repo):
    assert "Ingen endringer i `data/`." in summarise(data_repo)


def test_summary_names_changed_added_and_removed_values(data_repo):
    (data_repo / "data" / "flows.csv").write_text(
        "region_code,year,series,value,unit,source_url,note\n"
        "0301,2019,ut,100,personer,https://new-address,\n"
        "0301,2020,ut,125,personer,https://a,\n"
        "0301,2020,ut,121,personer,https://b,other source\n"
        "0301,2021,ut,,personer,https://a,not published yet\n"
    )
    (data_repo / "data" / "old.csv").unlink()
    (data_repo / "data" / "new.csv").write_text("k,value\n1,2\n3,4\n")
    text = summarise(data_repo, "--book", "failure")
    assert "**`make book` feilet med de nye dataene**" in text
    assert "data/flows.csv" in text and "2 files changed" in text
    assert "Rader: 4 → 4; nye verdier: 1, fjernede: 1, endrede: 1." in text
    assert "| 0301 | 2020 | ut | personer | 120 / 121 | 121 / 125 |" in text
    assert "| 0301 | 2021 | ut | personer | – | mangler |" in text  # a gap stays a gap
    assert "| 4601 | 2020 | ut | personer | 50 | – |" in text
    assert "| 0301 | 2019 |" not in text, "a new source address alone is not a changed value"
    assert "### `data/old.csv`\n\nFila er fjernet (hadde 1 rad)." in text
    assert "### `data/new.csv`\n\nNy fil med 2 rader." in text
