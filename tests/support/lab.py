"""JupyterLab started for a test, one way for every test that needs one (the student's lab
in tests/env/test_lab_browser.py, the Binder-like install in tests/env/test_binder.py):
headless on 127.0.0.1 and a free port, in its own process group, waited for until it
answers, and stopped with everything it started."""

from __future__ import annotations

import contextlib
import os
import signal
import socket
import subprocess
import time
import urllib.request
from collections.abc import Iterator
from pathlib import Path

import pytest


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@contextlib.contextmanager
def jupyterlab(
    command: str | list, *, cwd: Path, env: dict, log: Path, token: str = "", seconds: float = 90
) -> Iterator[str]:
    """Run `command` (a `jupyter lab` command line: a string goes through the shell, as
    `make lab` runs it) with --port, --no-browser and the token added; yield its address.
    A lab that exits or does not answer within `seconds` fails the test with its log."""
    port = free_port()
    extra = ["--no-browser", f"--port={port}", f"--IdentityProvider.token={token}"]
    full = f"{command} {' '.join(extra)}" if isinstance(command, str) else [*command, *extra]
    with log.open("w") as out:
        server = subprocess.Popen(
            full,
            shell=isinstance(command, str),
            cwd=cwd,
            env=env,
            stdout=out,
            stderr=subprocess.STDOUT,
            start_new_session=True,
        )
        base = f"http://127.0.0.1:{port}"
        try:
            deadline = time.monotonic() + seconds
            while True:
                try:
                    with urllib.request.urlopen(f"{base}/api/status?token={token}", timeout=5):
                        break
                except OSError:
                    if server.poll() is not None or time.monotonic() > deadline:
                        pytest.fail(f"JupyterLab did not start:\n{log.read_text()[-3000:]}")
                    time.sleep(0.5)
            yield base
        finally:
            with contextlib.suppress(ProcessLookupError):
                os.killpg(server.pid, signal.SIGTERM)
            try:
                server.wait(timeout=20)
            except subprocess.TimeoutExpired:
                with contextlib.suppress(ProcessLookupError):
                    os.killpg(server.pid, signal.SIGKILL)
                server.wait()
