"""The article's Norwegian summary as the no-copy rule needs it: every run of eight words, kept as
a fingerprint (a short hash), so the rule holds in any clone without the summary's text in the
repository (it is the author's text, not ours to republish).

The summary lives beside the repository, in ../shared/article/sammendrag.txt. Where it is there,
the committed fingerprints must match it; when the summary changes, write them again with
`.venv/bin/python tests/support/article.py`.
"""

import hashlib
import re
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
SAMMENDRAG = ROOT.parent / "shared" / "article" / "sammendrag.txt"
FINGERPRINTS = ROOT / "tests" / "fixtures" / "sammendrag-8-ord.txt"
RUN = 8


def words(text: str) -> list[str]:
    # Words broken across lines with a hyphen in the summary («utelivs-\nog») stay two words.
    return re.findall(r"[0-9a-zæøåéü]+", text.lower())


def fingerprint(run: tuple[str, ...] | list[str]) -> str:
    return hashlib.sha256(" ".join(run).encode()).hexdigest()[:16]


def runs(text: str) -> set[str]:
    """The fingerprint of every run of eight words in a text."""
    w = words(text)
    return {fingerprint(w[i : i + RUN]) for i in range(len(w) - RUN + 1)}


def committed() -> set[str]:
    lines = FINGERPRINTS.read_text(encoding="utf-8").splitlines()
    return {line for line in lines if line and not line.startswith("#")}


def summary_runs() -> set[str]:
    """The committed fingerprints, checked against the summary itself where it is at hand."""
    kept = committed()
    if SAMMENDRAG.exists():
        fresh = runs(SAMMENDRAG.read_text(encoding="utf-8"))
        assert fresh == kept, (
            f"{FINGERPRINTS.relative_to(ROOT)} matcher ikke {SAMMENDRAG}: "
            "kjør .venv/bin/python tests/support/article.py"
        )
    return kept


def write() -> None:
    header = (
        "# SHA-256 (first 16 hex digits) of every run of 8 words in ../shared/article/sammendrag.txt,\n"
        "# lower-cased, words as tests/support/article.words() reads them. Written by\n"
        "# tests/support/article.py; read by tests/site/test_article_text.py (the no-copy rule).\n"
    )
    body = sorted(runs(SAMMENDRAG.read_text(encoding="utf-8")))
    FINGERPRINTS.write_text(header + "\n".join(body) + "\n", encoding="utf-8")


if __name__ == "__main__":
    if not SAMMENDRAG.exists():
        sys.exit(f"finner ikke sammendraget: {SAMMENDRAG}")
    write()
    print(f"{FINGERPRINTS.relative_to(ROOT)}: {len(committed())} fingeravtrykk")
