"""Fixtures of the statbank tests: a copy of data/ to refresh into, a private state folder
(lock and request log), and settings that keep every wait in a failing refresh short."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from support import ROOT


@pytest.fixture
def target(tmp_path) -> Path:
    """A copy of the committed data package to refresh into."""
    data = tmp_path / "repo" / "data"
    shutil.copytree(ROOT / "data", data)
    return data


@pytest.fixture
def state(tmp_path) -> Path:
    folder = tmp_path / "state"
    folder.mkdir()
    return folder


@pytest.fixture
def scratch(tmp_path) -> Path:
    """The child's temporary folder (TMPDIR): its staging folders are looked for here only, so
    a refresh run by another process on the machine at the same time cannot fail the test."""
    folder = tmp_path / "tmp"
    folder.mkdir()
    return folder


@pytest.fixture
def quick(state, scratch):
    """Settings that make every wait in a failing refresh short, and a private TMPDIR."""
    return {
        "SSB_MAX_RETRIES": "1",
        "SSB_BACKOFF": "0.05",
        "SSB_TIMEOUT": "2",
        "SSB_REQUEST_SECONDS": "3",
        "SSB_MAX_WAIT": "5",
        "SSB_STATE_DIR": str(state),
        "TMPDIR": str(scratch),
    }
