"""A statbank that cannot be reached, or stops answering, ends a run in seconds (issue 21).

Connection refused is not retried per table: `make verify` and `make data` stop at once with
one line naming the address. A response that stalls is abandoned after SSB_STALL_SECONDS
(or --stall-seconds), not waited out to the request deadline. Everything against 127.0.0.1.
"""

from __future__ import annotations

import socket
import subprocess
import sys
import time

import pytest
import requests
import responses
from support import ROOT
from support.cli import contents, run_cli, staging_left
from support.pxfake import fake_server

from helpers.statbank.client import SsbClient, SsbError, Unreachable, describe_exception

LIMIT = 15  # seconds: the bound for an unreachable statbank, Python start-up included
RAW = ("Traceback", "HTTPConnectionPool", "Max retries", "object at 0x", "Errno", "NewConnectionError")


@pytest.fixture
def closed_port() -> str:
    """An address on 127.0.0.1 where nothing listens (bound, then released)."""
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port = sock.getsockname()[1]
    return f"http://127.0.0.1:{port}/api/pxwebapi/v2"


def _one_line(text: str) -> str:
    lines = [line for line in text.splitlines() if line.strip()]
    assert len(lines) == 1, lines
    return lines[0]


@pytest.mark.slow  # refresh and verify against a closed port, the CLI in a child process
@pytest.mark.parametrize("command", ["verify", "refresh"])
def test_a_closed_port_ends_the_run_at_once_in_one_line(command, closed_port, target, state, scratch):
    before = contents(target)
    # The default retries and backoff (4 retries, 1 s doubling): retried per table this took minutes.
    env = {"SSB_API_URL": closed_port, "OSLO_FLYTTING_DATA": str(target), "SSB_STATE_DIR": str(state),
           "TMPDIR": str(scratch)}  # fmt: skip
    run = run_cli(command, env=env, timeout=60)
    assert run.rc != 0
    assert run.seconds < LIMIT, run.seconds
    line = _one_line(run.out + run.err)
    assert line.startswith("FEIL: statistikkbanken kan ikke nås på ") and closed_port in line, line
    assert "avvist" in line
    for raw in RAW:
        assert raw not in run.out + run.err
    assert contents(target) == before
    assert not staging_left(scratch)


@pytest.mark.slow  # make verify and make data, each a make and the CLI in a child process
@pytest.mark.parametrize("target_name", ["verify", "data"])
def test_make_verify_and_make_data_against_a_closed_port(target_name, closed_port, target, state, scratch):
    """The Makefile targets themselves: within 15 s, non-zero, one line of ours, no traceback."""
    env = {
        **{k: v for k, v in __import__("os").environ.items() if k not in ("MAKEFLAGS", "MAKELEVEL")},
        "SSB_API_URL": closed_port,
        "OSLO_FLYTTING_DATA": str(target),
        "SSB_STATE_DIR": str(state),
        "TMPDIR": str(scratch),
    }
    started = time.monotonic()
    proc = subprocess.run(
        ["make", "--no-print-directory", "-s", "-o", ".venv/.installed", target_name], cwd=ROOT, env=env,
        capture_output=True, text=True, timeout=60,
    )  # fmt: skip
    seconds = time.monotonic() - started
    assert proc.returncode != 0 and seconds < LIMIT, (proc.returncode, seconds)
    ours = [
        line
        for line in (proc.stdout + proc.stderr).splitlines()
        if line.strip() and not line.startswith("make")
    ]
    assert len(ours) == 1 and "kan ikke nås på" in ours[0] and closed_port in ours[0], ours
    assert "Traceback" not in proc.stderr


def test_a_name_that_does_not_resolve_is_not_retried():
    client = SsbClient(base_url="http://ssb.invalid/api/pxwebapi/v2", max_retries=4, sleep=lambda s: None)
    with responses.RequestsMock() as mock:
        cause = requests.ConnectionError(socket.gaierror(-2, "Name or service not known"))
        mock.add(responses.GET, "http://ssb.invalid/api/pxwebapi/v2/tables/05300/metadata", body=cause)
        with pytest.raises(Unreachable) as err:
            client.metadata("05300")
        assert len(mock.calls) == 1
    assert "ssb.invalid" in str(err.value) and "DNS" in str(err.value)


def test_transient_errors_keep_their_retries_and_are_said_in_words():
    sleeps = []
    client = SsbClient(base_url="http://ssb.test/api", max_retries=2, sleep=sleeps.append)
    url = "http://ssb.test/api/tables/05300/metadata"
    with responses.RequestsMock() as mock:
        mock.add(responses.GET, url, body=requests.ConnectionError("HTTPConnectionPool(host='x'): reset"))
        mock.add(responses.GET, url, status=503)
        mock.add(responses.GET, url, body=requests.ReadTimeout("HTTPConnectionPool(host='x'): read"))
        with pytest.raises(SsbError) as err:
            client.metadata("05300")
        assert len(mock.calls) == 3 and len(sleeps) == 2
    assert "HTTPConnectionPool" not in str(err.value)
    assert "svaret uteble" in str(err.value)
    assert "HTTPConnectionPool" not in describe_exception(requests.ConnectionError("HTTPConnectionPool(x)"))


STALL = 2  # seconds of no progress before an answer is abandoned, in these tests


@pytest.mark.slow  # waits out the stall limit, the CLI in a child process
@pytest.mark.parametrize("how", ["env", "flag"])
def test_a_dripping_server_is_abandoned_after_the_stall_limit(how, target, quick, scratch):
    """One byte every 0.1 s never trips a read timeout; the stall limit cuts it off, long before
    the request deadline (here 60 s), and data/ stays as it was."""
    before = contents(target)
    settings = {**quick, "SSB_REQUEST_SECONDS": "60", "SSB_TIMEOUT": "30"}
    args = ["refresh"]
    if how == "env":
        settings["SSB_STALL_SECONDS"] = str(STALL)
    else:
        args.append(f"--stall-seconds={STALL}")
    with fake_server("drip") as (url, _):
        run = run_cli(*args, env={"SSB_API_URL": url, "OSLO_FLYTTING_DATA": str(target), **settings},
                      timeout=90)  # fmt: skip
    assert run.rc == 1, run.err
    assert STALL <= run.seconds < STALL + 12, run.seconds
    assert run.failure.startswith("FEIL: SSB-tabell 01223: svaret stoppet opp"), run.err
    assert contents(target) == before
    assert not staging_left(scratch)


def test_the_default_stall_limit_is_30_seconds():
    assert SsbClient().stall_seconds == 30
    proc = subprocess.run([sys.executable, "-m", "helpers", "refresh", "--help"], cwd=ROOT,
                          capture_output=True, text=True, timeout=60)  # fmt: skip
    assert "--stall-seconds" in proc.stdout and "SSB_STALL_SECONDS" in proc.stdout
