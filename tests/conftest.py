"""Test levels are folders: a test gets the marker of the folder it lives in, so
`pytest -m "unit or statbank"` selects levels and a new file needs no decorator."""

from pathlib import Path

import pytest

LEVELS = ("unit", "catalog", "statbank", "claims", "chapters", "site", "browser", "env")
TESTS = Path(__file__).resolve().parent

pytest_plugins = ["support.served", "support.browserkit"]


def pytest_collection_modifyitems(config, items):
    for item in items:
        level = Path(item.path).resolve().relative_to(TESTS).parts[0]
        if level not in LEVELS:
            raise pytest.UsageError(f"{item.path}: a test lives in one of tests/{{{','.join(LEVELS)}}}/")
        item.add_marker(getattr(pytest.mark, level))
