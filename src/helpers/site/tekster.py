"""What a reader reads on the built site, page by page, and what of it a refresh changed.

`read_site(html)` takes every sentence of the running text, every figure title (caption),
every headline inside a figure (`oslo-tittel`) and every heading from `_build/html`;
`compare(before, after)` pairs them up page by page and returns each text whose words
changed (page, before → after), marked when a comparative word or a headline changed
(helpers.prose.ordforskjell.snur). `book_texts(root)` builds the book and reads it: the
refresh calls it before the new data are moved in and again after.
"""

from __future__ import annotations

import difflib
import re
import subprocess
import sys
from pathlib import Path

from helpers.prose.ordforskjell import snur

SKIP = {"search", "404", "genindex", "index", "book/endringslogg"}
_SPACE = re.compile(r"[ \t\r\n]+")  # not NBSP: it belongs inside numbers
_SENTENCE_END = re.compile(r"(?<=[.!?…])[ ]+(?=[«(\"A-ZÆØÅ])")


def _clean(text: str) -> str:
    return _SPACE.sub(" ", text).strip()


def sentences(text: str) -> list[str]:
    """A paragraph's sentences («1. januar» and «7. kvartal» keep their non-breaking space)."""
    return [s for s in (_clean(p) for p in _SENTENCE_END.split(_clean(text))) if s]


def read_page(html: str) -> tuple[str, list[dict]]:
    """The page's title and its texts in reading order, each {"kind", "text"}."""
    from bs4 import BeautifulSoup

    soup = BeautifulSoup(html, "html.parser")
    article = soup.select_one("article.bd-article") or soup.body or soup
    for junk in article.select("a.headerlink, span.section-number, span.caption-number, script, style"):
        junk.decompose()
    out: list[dict] = []
    title = ""
    for el in article.find_all(["h1", "h2", "h3", "h4", "p", "li", "figcaption"]):
        classes = list(el.get("class") or [])
        inside_figure = el.find_parent(["figure", "figcaption"]) is not None or el.find_parent(
            class_="oslo-figur"
        )
        if el.name.startswith("h"):
            text = _clean(el.get_text(" "))
            if el.name == "h1" and not title:
                title = text
            if text:
                out.append({"kind": "tittel", "text": text})
        elif el.name == "p" and "oslo-tittel" in classes:
            out.append({"kind": "overskrift", "text": _clean(el.get_text(""))})
        elif el.name == "figcaption":
            caption = el.select_one(".caption-text") or el
            out.append({"kind": "figurtittel", "text": _clean(caption.get_text(""))})
        elif not inside_figure and el.find_parent("li") is None:
            if el.name == "li" and el.find(["p"]):
                continue  # its paragraphs are read on their own
            out += [{"kind": "setning", "text": s} for s in sentences(el.get_text(""))]
    return title, out


def read_site(html_dir: Path) -> dict[str, dict]:
    """Every page of a built book: {page: {"title", "texts"}}, page as a path without .html."""
    pages = {}
    for path in sorted(html_dir.rglob("*.html")):
        rel = path.relative_to(html_dir)
        if any(part.startswith(("_", ".")) for part in rel.parts) or rel.parts[0] == "reports":
            continue
        page = rel.with_suffix("").as_posix()
        if page in SKIP:
            continue
        title, texts = read_page(path.read_text(encoding="utf-8"))
        pages[page] = {"title": title, "texts": texts}
    return pages


def _pairs(old: list[str], new: list[str]):
    for op, i1, i2, j1, j2 in difflib.SequenceMatcher(a=old, b=new, autojunk=False).get_opcodes():
        if op == "equal":
            continue
        a, b = old[i1:i2], new[j1:j2]
        for k in range(max(len(a), len(b))):
            yield (a[k] if k < len(a) else None), (b[k] if k < len(b) else None)


def compare(before: dict[str, dict], after: dict[str, dict]) -> list[dict]:
    """Each rendered text that changed: {page, page_title, kind, before, after, flip}."""
    changes = []
    for page in sorted(set(before) | set(after), key=lambda p: (p not in after, p)):
        old = (before.get(page) or {}).get("texts", [])
        new = (after.get(page) or {}).get("texts", [])
        title = (after.get(page) or before.get(page) or {}).get("title") or page
        for kind in ("tittel", "overskrift", "figurtittel", "setning"):
            a = [t["text"] for t in old if t["kind"] == kind]
            b = [t["text"] for t in new if t["kind"] == kind]
            for was, now in _pairs(a, b):
                changes.append(
                    {
                        "page": page,
                        "page_title": title,
                        "kind": kind,
                        "before": was,
                        "after": now,
                        "flip": snur(was or "", now or "", kind),
                    }
                )
    return changes


def build(root: Path, say=print) -> bool:
    """Build the book in `root` (strict, as `make book`) in a child process; True on success."""
    say(f"bygger boka i {root}")
    proc = subprocess.run(
        [sys.executable, "-m", "helpers", "build", str(root)], capture_output=True, text=True
    )
    if proc.returncode != 0:
        tail = (proc.stderr or proc.stdout).strip().splitlines()[-3:]
        say("bygget feilet: " + " | ".join(tail))
    return proc.returncode == 0


def book_texts(root: Path, say=print) -> dict[str, dict] | None:
    """Build the book and read what it says; None when the build fails."""
    if not build(root, say):
        return None
    return read_site(root / "_build" / "html")


def refresh_with_book(args, root: Path) -> int:
    """`make data`: the refresh, and when it changed a value, what that changed in the book.

    The book is built with the old data just before the new data are moved in, and again
    after; every rendered text that changed goes into the refresh's change record, and the
    book is built once more so the «Endringslogg» page and feed show it. A refresh that
    changed nothing builds nothing and records nothing.
    """
    from helpers.statbank.command import main as refresh_main
    from helpers.store.endringslogg import latest, set_texts

    def say(msg: str) -> None:
        print(msg, file=sys.stderr, flush=True)

    root = root.resolve()
    before: dict = {}

    def before_move(record: dict) -> None:
        say("boka bygges med de gamle dataene, så teksten kan sammenlignes etterpå")
        before["texts"] = book_texts(root, say)
        before["refreshed"] = record["refreshed"]

    rc = refresh_main(args, before_move=before_move)
    if rc != 0 or "refreshed" not in before:
        return rc
    from helpers.store.paths import data_dir

    target = Path(args.data).resolve() if getattr(args, "data", None) else data_dir()
    record = latest(target)
    if record is None or record.get("refreshed") != before["refreshed"]:
        return rc
    say("boka bygges med de nye dataene")
    after = book_texts(root, say)
    if before["texts"] is None or after is None:
        set_texts(record, None, "failure", target)
        say("merk: boka kunne ikke bygges; endringsloggen har tallene, men ikke teksten")
        return rc
    changes = compare(before["texts"], after)
    path = set_texts(record, changes, "success", target)
    flips = sum(c["flip"] for c in changes)
    say(
        f"endringslogg: {len(changes)} tekster endret seg"
        + (f", {flips} av dem snur en sammenligning eller er en overskrift" if flips else "")
        + f" ({path.name})"
    )
    build(root, say)  # the page and the feed with the texts
    return rc
