"""Which numbers this edition holds, from the data package itself.

A topic the book needs (moves by age, by destination ...) is either published by SSB in
its statbank, in tables that the datasets declare (`helpers.catalog.datasets`), or not
public at all (the article's register data on microdata.no). Whether this edition holds a
declared table is read from the data package: a refresh writes table <id> as the resource
`ssb_<id>` (`SsbQuery.resource`). Nothing here is written by hand about what the snapshot
holds, so a refresh that adds a table, or a package that loses one, changes every sentence
built from `status` (`helpers.prose.tilgang`).
"""

from __future__ import annotations

from dataclasses import dataclass

from helpers.catalog.registry import datasets
from helpers.catalog.spec import SsbQuery
from helpers.store.package import read_package


@dataclass(frozen=True)
class Tema:
    navn: str
    hva: str  # the numbers, in the reader's words ("utflyttingen fra Oslo etter alder")
    datasett: tuple[str, ...] = ()  # the datasets whose SSB tables would hold them
    # Only in the registers researchers analyse on microdata.no: SSB publishes no table.
    bare_registerdata: bool = False


TEMAER: tuple[Tema, ...] = (
    Tema("byer", "flyttingene år for år for alle de fem byene", ("storbyer",)),
    Tema("alder", "utflyttingen fra Oslo etter alder", ("oslo_utflytting_alder",)),
    Tema("yrke", "utflyttingen fra Oslo etter yrke", bare_registerdata=True),
    Tema("utvandring_yrke", "utvandrernes yrke", bare_registerdata=True),
    Tema("fodested", "utflyttingen fra Oslo etter fødested", bare_registerdata=True),
    Tema(
        "innvandringskategori",
        "Oslos innenlandske nettoflytting etter innvandringskategori",
        ("oslo_nettoflytting_innvandringskategori",),
    ),
    Tema("familie", "utflyttingen fra Oslo etter familietype", bare_registerdata=True),
    Tema(
        "destinasjon",
        "flyttingene fra Oslo til hvert fylke og hver kommune",
        ("oslo_utflytting_destinasjon",),
    ),
    Tema("boligindeks", "indeksnivået for boligprisene kvartal for kvartal", ("boligprisindeks",)),
)


@dataclass(frozen=True)
class Tabell:
    tabell: str
    url: str
    i_utgaven: bool


@dataclass(frozen=True)
class Status:
    tema: Tema
    tabeller: tuple[Tabell, ...]
    # Several candidate tables, none confirmed to hold the numbers (SsbQuery.need).
    kandidater: bool

    @property
    def holdes(self) -> tuple[Tabell, ...]:
        return tuple(t for t in self.tabeller if t.i_utgaven)

    @property
    def mangler(self) -> tuple[Tabell, ...]:
        return tuple(t for t in self.tabeller if not t.i_utgaven)


def ressurser() -> set[str]:
    """The resources of the data package (OSLO_FLYTTING_DATA, or the repository's data/)."""
    return {r["name"] for r in read_package()["resources"]}


def tema(navn: str) -> Tema:
    for t in TEMAER:
        if t.navn == navn:
            return t
    raise KeyError(f"ukjent tema {navn!r}; finnes: {', '.join(t.navn for t in TEMAER)}")


def _sporringer(t: Tema) -> list[SsbQuery]:
    alle = datasets()
    ut: dict[str, SsbQuery] = {}
    for navn in t.datasett:
        for q in alle[navn].ssb:
            ut.setdefault(q.table, q)
    return list(ut.values())


def status(navn: str, har: set[str] | None = None) -> Status:
    """What SSB publishes for the topic, and which of those tables this edition holds."""
    t = tema(navn)
    har = ressurser() if har is None else har
    sporringer = _sporringer(t)
    return Status(
        tema=t,
        tabeller=tuple(Tabell(q.table, q.url, q.resource in har) for q in sporringer),
        kandidater=any(q.need for q in sporringer),
    )


def alle(har: set[str] | None = None) -> list[Status]:
    har = ressurser() if har is None else har
    return [status(t.navn, har) for t in TEMAER]
