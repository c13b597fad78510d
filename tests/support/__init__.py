"""Code the tests share, written once: where things are, the fake SSB (pxfake), the chapter
runner (chapter_run), the browser (browserkit) and the served site (served)."""

from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
FIXTURES = ROOT / "tests" / "fixtures"
SITE = ROOT / "_build" / "html"
