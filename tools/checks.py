"""Small repository checks for pre-commit (local hooks; see .pre-commit-config.yaml).

    python tools/checks.py whitespace FILE...   no trailing whitespace, one newline at the end
    python tools/checks.py no-outputs FILE...   .ipynb files carry no outputs or execution counts
    python tools/checks.py typed-numbers FILE... no number of 3+ digits typed in a page's prose

Chapters are MyST Markdown (notebooks/*.md); an .ipynb in the repository is at most a
scratch copy, and its outputs would put numbers in git that no build computed.
"""

from __future__ import annotations

import json
import re
import sys
from pathlib import Path


def whitespace_problems(path: Path) -> list[str]:
    try:
        text = path.read_text(encoding="utf-8")
    except UnicodeDecodeError:
        return []
    problems = [
        f"{path}:{n}: trailing whitespace"
        for n, line in enumerate(text.split("\n"), 1)
        if line != line.rstrip(" \t")
    ]
    if text and not text.endswith("\n"):
        problems.append(f"{path}: no newline at the end of the file")
    elif text.endswith("\n\n"):
        problems.append(f"{path}: blank lines at the end of the file")
    return problems


def output_problems(path: Path) -> list[str]:
    notebook = json.loads(path.read_text(encoding="utf-8"))
    problems = []
    for n, cell in enumerate(notebook.get("cells", []), 1):
        if cell.get("outputs"):
            problems.append(f"{path}: cell {n} has outputs")
        if cell.get("execution_count") is not None:
            problems.append(f"{path}: cell {n} has an execution count")
    return problems


FENCE = re.compile(r"^(`{3,}|~{3,})(.*)$")
NUMBER = re.compile(r"\d{1,3}(?:[ \u00a0]\d{3})+(?:,\d+)?|\d+(?:[.,]\d+)*")
NOT_PROSE = [
    re.compile(r"`[^`]*`"),  # inline code and the target of roles like {glue}`navn`
    re.compile(r"https?://\S+"),
    re.compile(r"\]\([^)]*\)"),  # link targets
    re.compile(r"<!--.*?-->"),
    re.compile(r"^\s*:[\w-]+:.*$"),  # directive options (:name:, :width:)
    re.compile(r"^\([\w-]+\)=\s*$"),  # labels
]


def prose_lines(text: str):
    """(line number, text) of a MyST page's prose: no front matter, no code, no options."""
    lines = text.split("\n")
    start = 0
    if lines and lines[0].strip() == "---":
        start = next((i + 1 for i in range(1, len(lines)) if lines[i].strip() == "---"), 0)
    open_fences: list[tuple[str, bool]] = []  # (marker, holds code)
    for n, line in enumerate(lines[start:], start + 1):
        fence = FENCE.match(line.strip())
        closes = bool(
            fence
            and open_fences
            and not fence.group(2).strip()
            and fence.group(1)[0] == open_fences[-1][0][0]
            and len(fence.group(1)) >= len(open_fences[-1][0])
        )
        if closes:
            open_fences.pop()
            continue
        if open_fences and open_fences[-1][1]:
            continue
        if fence:
            info = fence.group(2).strip()
            # Directives other than code cells hold prose (captions, notes): keep reading.
            open_fences.append((fence.group(1), not info.startswith("{") or info.startswith("{code-cell}")))
            continue
        for pattern in NOT_PROSE:
            line = pattern.sub(" ", line)
        yield n, line


def allowed_number(token: str, before: str) -> bool:
    """Years, SSB table ids (five digits, with "tabell" shortly before, perhaps on the line
    above) and the denominator of a rate ("per 1 000", "av hver 1 000 innbyggere") may be typed."""
    if re.fullmatch(r"1[89]\d\d|20\d\d", token):
        return True
    if re.search(r"\b(per|hver)\s*$", before, re.IGNORECASE):
        return True
    return bool(re.fullmatch(r"\d{5}", token)) and "tabell" in before[-200:].lower()


def typed_number_problems(path: Path) -> list[str]:
    problems = []
    previous = ""
    for n, line in prose_lines(path.read_text(encoding="utf-8")):
        for found in NUMBER.finditer(line):
            token = found.group()
            digits = sum(c.isdigit() for c in token)
            if digits >= 3 and not allowed_number(token, previous + " " + line[: found.start()]):
                problems.append(f"{path}:{n}: {token!r} is typed; compute it and glue it ({{glue}}`navn`)")
        previous = line
    return problems


CHECKS = {
    "whitespace": whitespace_problems,
    "no-outputs": output_problems,
    "typed-numbers": typed_number_problems,
}


def main(argv: list[str]) -> int:
    if not argv or argv[0] not in CHECKS:
        print(__doc__, file=sys.stderr)
        return 2
    problems = [p for name in argv[1:] for p in CHECKS[argv[0]](Path(name))]
    if problems:
        print("\n".join(problems), file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
