"""`make verify` and `python -m helpers verify`, offline against a local fake statbank."""

from __future__ import annotations

import copy
import json
import os
import subprocess
import time

import pytest
from support import ROOT
from support.pxfake import HANDBUILT, fake_server

from helpers.statbank.refresh import declared_queries, units


def make_verify(url: str, state, *extra_env) -> subprocess.CompletedProcess:
    env = {k: v for k, v in os.environ.items() if k != "OSLO_FLYTTING_DATA"}
    env.update({"SSB_API_URL": url, "SSB_STATE_DIR": str(state), **dict(extra_env)})
    return subprocess.run(
        ["make", "-s", "-o", ".venv/.installed", "verify"],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
    )


@pytest.mark.slow  # make verify: a make and the CLI in a child process
def test_make_verify_passes_against_the_recorded_fixtures(state):
    with fake_server("fixtures") as (url, log):
        proc = make_verify(url, state)
    assert proc.returncode == 0, proc.stdout + proc.stderr
    out = proc.stdout
    for q in declared_queries():
        assert f"SSB-tabell {q.table}" in out
    assert "Alle deklarasjoner holder" in out
    assert "3_01-03 ok" in out and "Boligtype: funnet" in out and "enhet 'antall' ok" in out
    assert "dataforespørsel: GET, URL" in out
    assert "=> bruker 09587 for behovet utflytting_alder_oslo" in out
    # Metadata only: one request per table, one search per need, never a data request.
    searches = sum(1 for u in units(declared_queries()) if u[0].need and u[0].search)
    assert len(log) == len(declared_queries()) + searches
    assert not any("/data" in path for _, path, _ in log)


@pytest.mark.slow  # make verify: a make and the CLI in a child process
def test_one_wrong_code_fails_naming_it_and_the_closest_valid_ones(state):
    meta = copy.deepcopy(HANDBUILT["11619"]["meta"])
    cat = meta["dimension"]["Yrke"]["category"]
    cat["index"] = {("3" if c == "3_01-03" else c): i for c, i in cat["index"].items()}
    cat["label"] = {("3" if c == "3_01-03" else c): label for c, label in cat["label"].items()}
    with fake_server("fixtures", meta={"11619": meta}) as (url, _):
        proc = make_verify(url, state)
    assert proc.returncode != 0
    line = next(line for line in proc.stdout.splitlines() if line.startswith("  Yrke:"))
    assert "3_01-03 MANGLER" in line and "3 «Høyskole- og militære yrker»" in line
    assert "SSB-tabell 11619" in proc.stdout and "1 avvik" in proc.stdout


def test_evidence_shaped_metadata_is_reported_per_dimension(state, tmp_path):
    """07230 without Boligtype (as the project first declared it), 07459's English unit."""
    m07230 = copy.deepcopy(HANDBUILT["07230"]["meta"])
    m07230["dimension"]["Boligtype"]["extension"]["elimination"] = False
    m07459 = copy.deepcopy(HANDBUILT["07459"]["meta"])
    m07459["dimension"]["ContentsCode"]["category"]["unit"]["Personer1"]["base"] = "number"
    m13864 = copy.deepcopy(HANDBUILT["13864"]["meta"])
    del m13864["dimension"]["Fraflyttingsregion"]
    m13864["id"].remove("Fraflyttingsregion")
    m13864["size"] = m13864["size"][1:]
    report = tmp_path / "verify.txt"
    with fake_server("fixtures", meta={"07230": m07230, "07459": m07459, "13864": m13864}) as (url, _):
        proc = make_verify(url, state, ("VERIFY_REPORT", str(report)))
    assert proc.returncode != 0
    assert "enhet 'number' ok" in proc.stdout  # 07459 still holds
    assert "Fraflyttingsregion: MANGLER (tabellen har TilflyttRegion, ContentsCode, Tid)" in proc.stdout
    assert report.read_text(encoding="utf-8").splitlines()[-1].startswith("1 avvik")


def test_a_need_without_a_holding_candidate_fails_and_lists_search_hits(state):
    with fake_server("fixtures", meta={"09587": HANDBUILT["09588"]["meta"] | {"label": "09587: x"}}) as (
        url,
        log,
    ):
        proc = make_verify(url, state)
    assert proc.returncode != 0
    assert "INGEN KANDIDAT HOLDER for behovet utflytting_alder_oslo" in proc.stdout
    assert "søk «flyttinger alder» i SSBs tabelliste: 2 treff" in proc.stdout
    assert any(path.split("?")[0].endswith("/tables") and "query=" in path for _, path, _ in log)


def test_verify_respects_the_shared_rate_limit(state):
    # 25 requests in the last seconds by another process on this machine: verify must wait,
    # and with a run deadline shorter than the wait it stops, saying so, instead of sending.
    (state / "requests.json").write_text(json.dumps([time.time() - 1] * 25), encoding="utf-8")
    with fake_server("fixtures") as (url, log):
        proc = make_verify(url, state, ("SSB_RUN_SECONDS", "5"))
    assert proc.returncode != 0 and "tidsfrist" in proc.stdout
    assert log == []
