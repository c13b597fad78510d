"""No statistic typed into prose: every number of three or more digits in a chapter's or
prose page's Markdown must come from the data through {glue}.

What is left after stripping code cells, directive options, MyST roles, links, URLs and
labels may still contain years (1900–2099) and SSB table ids (4–5 digits right after
"tabell", "tabellene" or "table", or a list of them, or the text of a link to
ssb.no/statbank/table/). One more allowance: "1 000" right after "per" or "hver" is the
unit of a rate ("per 1 000 innbyggere"), not a statistic.
"""

import re

import pytest
from support import ROOT

PAGES = sorted(ROOT.glob("notebooks/*.md")) + sorted(ROOT.glob("book/*.md"))

FRONT_MATTER = re.compile(r"\A---\n.*?\n---\n", re.S)
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
TABLE_IDS = re.compile(r"\b(?:tabell|tabellene|table)\s+\d{4,5}(?:\s*(?:,|og|eller|/)\s*\d{4,5})*", re.I)
RATE_UNIT = re.compile(r"\b(?:per|hver)[ \u00a0]+1[ \u00a0]000\b", re.I)
YEAR = re.compile(r"^(?:19|20)\d\d$")
DIGITS = re.compile(r"\d+")


def prose(markdown: str) -> str:
    """The reader-visible text a writer typed, with everything generated or technical removed."""
    text = FRONT_MATTER.sub("", markdown)
    # Code cells and plain code blocks go entirely; a directive ({glue:figure}, {note}, …)
    # keeps its body, which is prose (a caption), but loses its opening line and options.
    text = re.sub(r"^(`{3,}|~{3,})\{code-cell\}[^\n]*\n.*?^\1[ \t]*$", "", text, flags=re.S | re.M)
    text = re.sub(r"^(`{3,}|~{3,})(?!\{)[^\n]*\n.*?^\1[ \t]*$", "", text, flags=re.S | re.M)
    text = DIRECTIVE_OPEN.sub("", text)
    text = DIRECTIVE_CLOSE.sub("", text)
    text = OPTION.sub("", text)
    text = LABEL.sub("", text)
    text = HTML_COMMENT.sub("", text)
    text = ROLE.sub("", text)
    text = INLINE_CODE.sub("", text)
    text = SSB_TABLE_LINK.sub("", text)
    text = LINK.sub(r"\1", text)
    text = URL.sub("", text)
    return text


def bare_numbers(markdown: str) -> list[str]:
    """Digit runs of three or more that are neither years nor SSB table ids."""
    text = prose(markdown)
    text = TABLE_IDS.sub("", text)
    text = RATE_UNIT.sub("", text)
    return [run for run in DIGITS.findall(text) if len(run) >= 3 and not YEAR.match(run)]


@pytest.mark.parametrize("page", PAGES, ids=lambda p: str(p.relative_to(ROOT)))
def test_no_typed_statistics_in_prose(page):
    found = bare_numbers(page.read_text(encoding="utf-8"))
    assert not found, f"{page.name}: tall skrevet rett inn i teksten (lim dem inn med {{glue}}): {found}"


def test_there_are_pages_to_check():
    assert any(p.parent.name == "notebooks" for p in PAGES) and any(p.parent.name == "book" for p in PAGES)


PLANTED = """---
jupytext:
  formats: md:myst
---

(kap-test)=
# Test

```{code-cell} ipython3
:tags: [remove-cell]
x = 36076  # code may hold any number
```

I 2020 flyttet {glue}`ut_2020` personer, se tabell 06913 og tabellene 09588 og 13864,
[01223](https://www.ssb.no/statbank/table/01223) og https://www.ssb.no/statbank/table/07459.
Raten var {glue}`rate` per 1 000 innbyggere.

```{glue:figure} fig_x
:name: fig-test-12345

Figur for 2016–2020, {glue}`fra`–{glue}`til`.
```
"""


def test_clean_page_passes():
    assert bare_numbers(PLANTED) == []


@pytest.mark.parametrize(
    "planted, expected",
    [
        ("Utflyttingen var 36 076 personer.", ["076"]),
        ("Utflyttingen var 36076 personer.", ["36076"]),
        ("Omtrent 8\u00a0000 utvandret.", ["000"]),
        ("Tallet 06913 uten ordet tabell foran.", ["06913"]),
        ("I år 2150 eller 1850?", ["2150", "1850"]),
        ("Se [figuren med 123 personer](https://example.org/456).", ["123"]),
        ("Mer enn 1 000 flyttet.", ["000"]),
    ],
)
def test_planted_bare_number_is_caught(planted, expected):
    assert bare_numbers(PLANTED + "\n" + planted + "\n") == expected


def test_number_in_a_caption_is_caught():
    page = PLANTED.replace("Figur for 2016–2020,", "Figur for 2016–2020 med 43 856 flyttinger,")
    assert bare_numbers(page) == ["856"]
