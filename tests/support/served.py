"""Fixtures for tests that read the built site (_build/html) or load it over HTTP."""

import functools
import http.server
import threading
from pathlib import Path

import pytest

from support import SITE
from support.built import fail_if_stale


@pytest.fixture(scope="session")
def site() -> Path:
    """The built site, once it is known to be the build of the sources as they are now."""
    if not (SITE / "index.html").is_file():
        pytest.fail(f"{SITE} is missing: run `make book` first (make test does)")
    fail_if_stale()
    return SITE


class _QuietHandler(http.server.SimpleHTTPRequestHandler):
    def log_message(self, *args):
        pass


@pytest.fixture(scope="session")
def served(site):
    """The built site on 127.0.0.1 (a free port), for as long as the session runs."""
    handler = functools.partial(_QuietHandler, directory=str(site))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_address[1]}"
    server.shutdown()
