"""Small repository checks for pre-commit (local hooks; see .pre-commit-config.yaml).

    python tools/checks.py whitespace FILE...   no trailing whitespace, one newline at the end
    python tools/checks.py no-outputs FILE...   .ipynb files carry no outputs or execution counts
    python tools/checks.py typed-numbers FILE... no number of 3+ digits typed in a page's prose (or captions)
    python tools/checks.py chapter-lint FILE...  ruff check on a page's code cells, as on src/

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


# --- typed numbers: one implementation for the pre-commit hook and tests/unit -----------

FRONT_MATTER = re.compile(r"\A---\n.*?\n---\n", re.S)
CODE_CELL = re.compile(r"^(`{3,}|~{3,})\{code-cell\}[^\n]*\n(?P<body>.*?)^\1[ \t]*$", re.S | re.M)
CODE_BLOCK = re.compile(r"^(`{3,}|~{3,})(?!\{)[^\n]*\n.*?^\1[ \t]*$", re.S | re.M)
# A figure's caption is prose although it sits in a code cell's metadata (mystnb.figure).
CAPTION = re.compile(r"^\s*caption:\s*\|?[ \t]*\n?(?P<text>(?:[ \t]{6,}.*\n?)+|.*)", re.M)
DIRECTIVE_OPEN = re.compile(r"^(`{3,}|~{3,})\{[^}]+\}.*$", re.M)
DIRECTIVE_CLOSE = re.compile(r"^(`{3,}|~{3,})\s*$", re.M)
OPTION = re.compile(r"^:[\w-]+:.*$", re.M)
LABEL = re.compile(r"^\([\w:-]+\)=\s*$", re.M)
ROLE = re.compile(r"\{[\w:-]+\}`[^`]*`")
INLINE_CODE = re.compile(r"`[^`\n]*`")
HTML_COMMENT = re.compile(r"<!--.*?-->", re.S)
SSB_TABLE_LINK = re.compile(r"\[\s*\d{4,5}\s*\]\(\s*https?://(?:www\.)?ssb\.no/statbank/table/\d{4,5}/?\s*\)")
LINK = re.compile(r"\[([^\]]*)\]\([^)]*\)")
URL = re.compile(r"<?https?://\S+>?")
DOI = re.compile(r"(?:doi\.org/)?\b10\.\d{4,9}/[^\s\])]+")  # an identifier, not a statistic
TABLE_IDS = re.compile(r"\b(?:tabell|tabellene|table)\s+\d{4,5}(?:\s*(?:,|og|eller|/)\s*\d{4,5})*", re.I)
NO_BREAK = r"(?:[\u00a0\u202f]|&nbsp;|&#160;)"
SPACE = rf"(?: |{NO_BREAK})"
RATE_UNIT = re.compile(rf"\b(?:per|hver)(?:\s|{SPACE})+1{SPACE}000\b", re.I)
YEAR = re.compile(r"^(?:19|20)\d\d$")
# Groups of three joined by a no-break space are one number, as the reader sees it: «36 076».
DIGITS = re.compile(rf"\d+(?:{NO_BREAK}\d{{3}})*")


def _blank(match: re.Match) -> str:
    """Remove a match but keep its line breaks, so line numbers stay right."""
    return "\n" * match.group().count("\n")


def _captions_only(match: re.Match) -> str:
    kept = [c.group("text") for c in CAPTION.finditer(match.group("body"))]
    text = " ".join(kept)
    return text + "\n" * max(match.group().count("\n") - text.count("\n"), 0)


def prose(markdown: str) -> str:
    """The reader-visible text a writer typed (captions included), with everything
    generated or technical removed; line breaks are kept where they were."""
    text = FRONT_MATTER.sub(_blank, markdown)
    text = CODE_CELL.sub(_captions_only, text)
    text = CODE_BLOCK.sub(_blank, text)
    for pattern in (DIRECTIVE_OPEN, DIRECTIVE_CLOSE, OPTION, LABEL, HTML_COMMENT):
        text = pattern.sub(_blank, text)
    for pattern in (ROLE, INLINE_CODE, SSB_TABLE_LINK, URL, DOI):
        text = pattern.sub(" ", text)
    return LINK.sub(r"\1", text)


def bare_numbers(markdown: str) -> list[tuple[int, str]]:
    """(line, digits) of every run of three or more digits typed in the prose that is
    neither a year (1900–2099), an SSB table id nor the "1 000" of "per 1 000"."""
    text = prose(markdown)
    for pattern in (TABLE_IDS, RATE_UNIT):
        text = pattern.sub(lambda m: " " + _blank(m), text)
    found = []
    for n, line in enumerate(text.split("\n"), 1):
        for run in DIGITS.findall(line):
            digits = re.sub(NO_BREAK, "", run)
            if len(digits) >= 3 and not YEAR.match(digits):
                found.append((n, run))
    return found


def typed_number_problems(path: Path) -> list[str]:
    return [
        f"{path}:{n}: '{digits}' is typed; compute it and write {{eval}}`navn` (CONTRIBUTING.md)"
        for n, digits in bare_numbers(path.read_text(encoding="utf-8"))
    ]


CELL_START = re.compile(r"^(`{3,}|~{3,})\{code-cell\}")


def chapter_lint_problems(path: Path) -> list[str]:
    """ruff check (the repository's ruff.toml) on the code cells of a MyST page, each
    message pointing at the line of the Markdown file."""
    import subprocess

    lines = path.read_text(encoding="utf-8").split("\n")
    code, where = [], []  # the cells' code, and for each of its lines the page's line number
    i = 0
    while i < len(lines):
        fence = CELL_START.match(lines[i])
        if not fence:
            i += 1
            continue
        i += 1
        if i < len(lines) and lines[i].strip() == "---":  # YAML options block
            i = next(j for j in range(i + 1, len(lines)) if lines[j].strip() == "---") + 1
        while i < len(lines) and lines[i].startswith(":") and lines[i].rstrip() != ":":
            i += 1  # short options (:tags: ...)
        while i < len(lines) and lines[i].rstrip() != fence.group(1):
            code.append(lines[i])
            where.append(i + 1)
            i += 1
        code.append("")
        where.append(i + 1)
        i += 1
    if not code:
        return []
    root = Path(__file__).resolve().parents[1]
    ruff = [sys.executable, "-m", "ruff"]
    # B018 (useless expression) off: a cell's bare last expression is how a chapter shows a figure.
    proc = subprocess.run(
        [*ruff, "check", "--config", str(root / "ruff.toml"), "--extend-ignore", "B018",
         "--output-format", "concise", "--quiet", "--stdin-filename", f"{path.stem}.py", "-"],
        input="\n".join(code), capture_output=True, text=True, timeout=120,
    )  # fmt: skip
    problems = []
    for line in proc.stdout.splitlines():
        m = re.match(r"^[^:]+:(\d+):\d+: (.*)$", line)
        if m:
            problems.append(f"{path}:{where[int(m.group(1)) - 1]}: {m.group(2)}")
    if proc.returncode not in (0, 1) or (proc.returncode == 1 and not problems):
        problems.append(f"{path}: ruff could not check the code cells: {proc.stderr.strip()[:300]}")
    return problems


CHECKS = {
    "whitespace": whitespace_problems,
    "no-outputs": output_problems,
    "typed-numbers": typed_number_problems,
    "chapter-lint": chapter_lint_problems,
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
