"""What a dataset is, and what a refresh would ask SSB for: plain declarations, no I/O."""

from __future__ import annotations

import fnmatch
from collections.abc import Callable
from dataclasses import dataclass, field

import pandas as pd

from helpers.catalog.sources import ssb_tabell_url


@dataclass(frozen=True)
class SsbQuery:
    """What a refresh asks SSB's statbank for (PxWebApi v2), and what it must find there.

    `selection` maps dimension -> codes; a code may also be "*" or a pattern such as
    "*K4" (matched against the table's metadata) or "from(1997)" (that code and every
    later one). These selection expressions are sent to SSB as written (PxWebApi v2
    documents them); the refresh also resolves them against the metadata, so every cell
    of the answer is checked, and a code the table lacks stops the refresh with the
    table's name. `contents` may map "*" to one series name when the table has a single
    statistic whose code is not known ("*" then must match exactly one ContentsCode).

    `need` marks a candidate: several queries with the same `need` are alternatives for one
    figure whose right table is not known. The refresh fetches the first candidate whose
    metadata holds every dimension and code, and skips the need when none does; `verify`
    reports each candidate and searches SSB's table list with `search`.
    """

    table: str
    title: str
    selection: dict[str, list[str]]
    contents: dict[str, str] = field(default_factory=dict)  # ContentsCode -> our series name
    note: str = ""
    unit: str = "personer"
    # (total, {part: +1 or -1}): SSB publishes the total; the refresh checks that it adds up.
    totals: tuple[tuple[str, dict[str, int]], ...] = ()
    # Every city among the regions must have a value for every series in these years.
    expect_years: tuple[int, int] | None = None
    # Quarterly values counted from 1 January ("hittil i år"): the 4th quarter is the year.
    year_to_date: bool = False
    need: str = ""
    search: str = ""

    @property
    def url(self) -> str:
        return ssb_tabell_url(self.table)

    def series_of(self, code: str) -> str | None:
        """Our series name for a ContentsCode: by the code, or by the pattern ("*", "Utflytt*")
        it was selected with."""
        if code in self.contents:
            return self.contents[code]
        return next((s for p, s in self.contents.items() if fnmatch.fnmatchcase(code, p)), None)

    @property
    def resource(self) -> str:
        """The snapshot resource a refresh writes for this table."""
        return f"ssb_{self.table}"


@dataclass(frozen=True)
class Dataset:
    name: str
    title: str
    description: str
    resources: tuple[str, ...]
    build: Callable[[dict[str, pd.DataFrame]], pd.DataFrame]
    ssb: tuple[SsbQuery, ...] = ()
    unit: str = "personer"
    notes: str = ""
    # Resources used when the package has them (the ones a refresh writes); absent is fine.
    optional: tuple[str, ...] = ()
