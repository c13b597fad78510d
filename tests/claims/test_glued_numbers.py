"""No statistic typed into prose: the check of tools/checks.py (the pre-commit hook) on
every page, and on planted pages that show what it catches and what it lets through."""

import sys

import pytest
from support import ROOT

sys.path.insert(0, str(ROOT / "tools"))
from checks import bare_numbers  # noqa: E402

PAGES = sorted(ROOT.glob("notebooks/*.md")) + sorted(ROOT.glob("book/*.md"))


def digits(markdown: str) -> list[str]:
    return [d for _, d in bare_numbers(markdown)]


@pytest.mark.parametrize("page", PAGES, ids=lambda p: str(p.relative_to(ROOT)))
def test_no_typed_statistics_in_prose(page):
    found = bare_numbers(page.read_text(encoding="utf-8"))
    assert not found, f"{page.name}: tall skrevet rett inn i teksten (regn dem ut, {{eval}}): {found}"


def test_there_are_pages_to_check():
    assert any(p.parent.name == "notebooks" for p in PAGES) and any(p.parent.name == "book" for p in PAGES)


PLANTED = """---
jupytext:
  formats: md:myst
---

(kap-test)=
# Test

```{code-cell} ipython3
:tags: [remove-input, remove-output]
x = 36076  # code may hold any number
```

I 2020 flyttet {eval}`ut_2020` personer, se tabell 06913 og tabellene 09588 og 13864,
[01223](https://www.ssb.no/statbank/table/01223) og https://www.ssb.no/statbank/table/07459.
Raten var {eval}`rate` per 1&nbsp;000 innbyggere, eller per
1 000. Artikkelen: [doi.org/10.18261/issn.2703-8866-2021-02-03](https://doi.org/10.18261/x).

```{code-cell} ipython3
---
tags: [remove-input]
mystnb:
  figure:
    name: fig-test-12345
    caption: |
      Figur for 2016–2020, {eval}`fra`–{eval}`til`.
---
Figur(chart, beskrivelse=f"{36076}")
```
"""


def test_clean_page_passes():
    assert bare_numbers(PLANTED) == []


@pytest.mark.parametrize(
    "planted, expected",
    [
        ("Utflyttingen var 36 076 personer.", ["076"]),
        ("Utflyttingen var 36076 personer.", ["36076"]),
        ("Omtrent 8\u00a0000 utvandret.", ["8\u00a0000"]),  # one number, as the reader sees it
        ("Omtrent 8&nbsp;000 utvandret.", ["8&nbsp;000"]),
        ("Omtrent 8\u202f000 utvandret.", ["8\u202f000"]),
        ("Tallet 06913 uten ordet tabell foran.", ["06913"]),
        ("I år 2150 eller 1850?", ["2150", "1850"]),
        ("Se [figuren med 123 personer](https://example.org/456).", ["123"]),
        ("Mer enn 1 000 flyttet.", ["000"]),
    ],
)
def test_planted_bare_number_is_caught(planted, expected):
    assert digits(PLANTED + "\n" + planted + "\n") == expected


def test_the_line_of_a_typed_number_is_reported():
    page = PLANTED + "\nUtflyttingen var 36 076 personer.\n"
    assert bare_numbers(page) == [(page.count("\n"), "076")]


def test_number_in_a_caption_is_caught():
    page = PLANTED.replace("Figur for 2016–2020,", "Figur for 2016–2020 med 43 856 flyttinger,")
    assert digits(page) == ["856"]


def test_the_hook_and_this_test_are_one_check(tmp_path):
    from checks import main

    page = tmp_path / "side.md"
    page.write_text(PLANTED + "\nUtflyttingen var 36076 personer.\n", encoding="utf-8")
    assert main(["typed-numbers", str(page)]) == 1
    page.write_text(PLANTED, encoding="utf-8")
    assert main(["typed-numbers", str(page)]) == 0


def test_chapter_code_is_linted_like_the_package(tmp_path):
    from checks import chapter_lint_problems

    clean = PLANTED.replace("x = 36076", "from helpers import Figur\n\nchart = x = 36076")
    page = tmp_path / "side.md"
    page.write_text(clean, encoding="utf-8")
    assert chapter_lint_problems(page) == []
    planted = clean.replace("from helpers import Figur", "import os\n\nfrom helpers import Figur")
    page.write_text(planted, encoding="utf-8")
    line = next(n for n, text in enumerate(planted.split("\n"), 1) if text == "import os")
    assert chapter_lint_problems(page) == [f"{page}:{line}: F401 [*] `os` imported but unused"]
