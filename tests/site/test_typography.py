"""Norwegian typography on the built pages (_build/html), checked on the text a reader
sees: no stray quotation mark, «fra 2016 til 2019» or «i 2016–2019» (never «fra 2016–2019»),
one precision for the percentages of a sentence, table headers that name their column,
and whole persons in a table of persons."""

import html
import json
import re

import pytest
from support import ROOT
from test_reader_text import article, reader_text, toc_pages

from helpers.figures.render import MIME_TYPE


@pytest.fixture(scope="module")
def pages(site):
    return {p: (site / p).read_text(encoding="utf-8") for p in toc_pages()}


def _sentences(page: str):
    for par in re.findall(r"<(p|figcaption|li)\b[^>]*>(.*?)</\1>", article(page), flags=re.S):
        text = " ".join(html.unescape(re.sub(r"<[^>]+>", "", par[1])).split())
        yield from re.split(r"(?<=[.!?])\s+(?=[A-ZÆØÅ«])", text)


def test_no_stray_quotation_mark(pages):
    problems = []
    for p, text in pages.items():
        words = " ".join(reader_text(text).split())
        # ’ belongs between letters (an elision); alone, it is left over from a quoted caption.
        problems += [
            f"{p}: …{words[max(0, m.start() - 50) : m.end() + 10]}…"
            for m in re.finditer(r"’(?!\w)|(?<!\w)’", words)
        ]
    assert not problems, "løst anførselstegn:\n" + "\n".join(problems)


def test_a_range_of_years_after_fra_is_written_out(pages):
    problems = []
    for p, text in pages.items():
        words = " ".join(reader_text(text).split())
        problems += [
            f"{p}: …{words[max(0, m.start() - 40) : m.end() + 10]}…"
            for m in re.finditer(r"\bfra \d{4}–\d{4}\b", words)
        ]
    assert not problems, "«fra 2016–2019» (skriv «fra 2016 til 2019» eller «i 2016–2019»):\n" + "\n".join(
        problems
    )


def test_a_range_of_years_has_no_spaces_around_its_dash(pages):
    """«2010–2022», never «2010 – 2022» (a caption that puts two {eval} values around a dash)."""
    problems = []
    for p, text in pages.items():
        words = " ".join(reader_text(text).split())
        problems += [
            f"{p}: …{words[max(0, m.start() - 40) : m.end() + 10]}…"
            for m in re.finditer(r"\b\d{4}\s[–-]\s?\d{4}\b|\b\d{4}\s?[–-]\s\d{4}\b", words)
        ]
    assert not problems, "mellomrom rundt tankestreken i et tidsrom:\n" + "\n".join(problems)


def test_no_double_punctuation(pages):
    """A question mark ends a title; no colon after it («Hvor flyttet de?:»)."""
    problems = []
    for p, text in pages.items():
        words = " ".join(reader_text(text).split())
        problems += [
            f"{p}: …{words[max(0, m.start() - 40) : m.end() + 10]}…" for m in re.finditer(r"[?!][:;,]", words)
        ]
    assert not problems, "dobbelt skilletegn:\n" + "\n".join(problems)


PROSENT = re.compile(r"(?<![\d,])(?:\d{1,3}(?:\u00a0\d{3})+|\d+)(,\d+)?(?=\s?(?:prosent\b|%))")


def test_one_precision_for_the_percentages_of_a_sentence(pages):
    problems = []
    for p, text in pages.items():
        for sentence in _sentences(text):
            decimals = {len(m.group(1) or ",") - 1 for m in PROSENT.finditer(sentence)}
            if len(decimals) > 1:
                problems.append(f"{p}: {sentence[:200]}")
    assert not problems, "ulikt antall desimaler i samme setning:\n" + "\n".join(problems)


def test_every_table_column_has_a_header_that_names_it(pages):
    problems = []
    for p, text in pages.items():
        for head in re.findall(r"<thead>(.*?)</thead>", text, flags=re.S):
            for cell in re.findall(r"<th\b[^>]*>(.*?)</th>", head, flags=re.S):
                name = html.unescape(re.sub(r"<[^>]+>", "", cell)).strip()
                if name.lower() in ("", "ja", "nei", "true", "false"):
                    problems.append(f"{p}: kolonneoverskrift «{name}»")
    assert not problems, "\n".join(problems)


def _figures(site):
    for nb in sorted((site.parent / "jupyter_execute" / "notebooks").glob("*.ipynb")):
        for cell in json.loads(nb.read_text(encoding="utf-8"))["cells"]:
            for out in cell.get("outputs", []):
                if MIME_TYPE in out.get("data", {}):
                    yield nb.stem, out["data"][MIME_TYPE]


def _is_count(enhet: str) -> bool:
    """A unit of whole persons or moves («Personer», «Utflyttinger», «Nettoflytting, personer»)."""
    enhet = enhet.lower()
    return "personer" in enhet or enhet.endswith("flyttinger")


def test_a_table_of_persons_shows_whole_persons(site):
    problems, checked = [], 0
    for chapter, data in _figures(site):
        usermeta = data["spec"].get("usermeta", {}).get("oslo", {})
        if not _is_count(str(usermeta.get("enhet", ""))):
            continue
        checked += 1
        grid = data["tabell"]
        for row in grid["rader"]:
            for cell, numeric in zip(row, grid.get("tall", [True] * len(row)), strict=True):
                if numeric and isinstance(cell, str) and re.search(r"\d,\d", cell):
                    problems.append(f"{chapter}, {data['navn']}: {cell}")
    assert checked >= 5, f"bare {checked} figurer med personer funnet"
    assert not problems, "halve personer i en tabell:\n" + "\n".join(problems)


def test_the_checks_can_fail():
    bad = "<article><p>Spennet fra 2016–2019 var 5 prosent og 4,5 prosent.’</p></article>"
    assert re.search(r"\bfra \d{4}–\d{4}\b", reader_text(bad))
    assert re.search(r"’(?!\w)", reader_text(bad))
    assert len({len(m.group(1) or ",") - 1 for m in PROSENT.finditer(next(_sentences(bad)))}) == 2
    assert ROOT.is_dir()
