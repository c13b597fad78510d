"""No module in src/ over 300 lines: each module does one job, named for it (issue 19).
A module that grows past the limit is split by what its parts do, not trimmed to fit."""

from pathlib import Path

from support import ROOT

LIMIT = 300


def lines(path: Path) -> int:
    return len(path.read_text(encoding="utf-8").splitlines())


def too_long(root: Path) -> dict[str, int]:
    return {
        str(p.relative_to(root)): n for p in sorted((root / "src").rglob("*.py")) if (n := lines(p)) > LIMIT
    }


def test_no_module_is_over_300_lines():
    assert too_long(ROOT) == {}, "split these by what their parts do"


def test_a_long_module_is_caught(tmp_path):
    module = tmp_path / "src" / "helpers" / "lang.py"
    module.parent.mkdir(parents=True)
    module.write_text("x = 1\n" * (LIMIT + 1), encoding="utf-8")
    assert too_long(tmp_path) == {"src/helpers/lang.py": LIMIT + 1}
    module.write_text("x = 1\n" * LIMIT, encoding="utf-8")
    assert too_long(tmp_path) == {}
