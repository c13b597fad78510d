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

import re
from dataclasses import dataclass
from pathlib import Path

from helpers.catalog.registry import datasets
from helpers.catalog.spec import SsbQuery
from helpers.store.package import read_package


@dataclass(frozen=True)
class Tema:
    navn: str
    hva: str  # the numbers, in the reader's words ("utflyttingen fra Oslo etter alder")
    # The one chapter where the missing numbers matter: (page, title), for «Om dataene».
    kapittel: tuple[str, str]
    # The chapter's own sentence when the numbers are missing, in two parts so that topics
    # named together share one sentence: subject (`spor`) and the rest (`uten`). Every topic
    # has its own wording, so no sentence about missing data repeats on the site.
    spor: str
    uten: str
    datasett: tuple[str, ...] = ()  # the datasets whose SSB tables would hold them
    # Only in the registers researchers analyse on microdata.no: SSB publishes no table.
    bare_registerdata: bool = False


K1 = ("/notebooks/01-rekordutflytting.md", "Rekordutflytting")
K2 = ("/notebooks/02-alder.md", "Alder")
K3 = ("/notebooks/03-hjemmekontor.md", "Hjemmekontor")
K4 = ("/notebooks/04-utvandring.md", "Utvandring")
K5 = ("/notebooks/05-fodested-og-familie.md", "Fødested og familie")
K6 = ("/notebooks/06-hvor-flyttet-de.md", "Hvor flyttet de?")
K7 = ("/notebooks/07-kom-de-tilbake.md", "Kom de tilbake?")

TEMAER: tuple[Tema, ...] = (
    Tema(
        "byer",
        "flyttingene år for år for de fire andre byene",
        K1,
        "årstallene for flyttingene i de fire andre byene",
        " ligger i SSBs statistikkbank, men boka har dem ikke med",
        ("storbyer",),
    ),
    Tema(
        "alder",
        "utflyttingen fra Oslo etter alder",
        K2,
        "hvor gamle utflytterne var",
        ", har vi ingen offentlige tall for",
        ("oslo_utflytting_alder",),
    ),
    Tema(
        "yrke",
        "utflyttingen fra Oslo etter yrke",
        K3,
        "hvilke yrker utflytterne hadde",
        ", står bare i registerdataene; SSB lager ingen tabell over det",
        bare_registerdata=True,
    ),
    Tema(
        "utvandring_yrke",
        "utvandrernes yrke",
        K4,
        "hvilket yrke utvandrerne hadde",
        ", viser ingen offentlig statistikk",
        bare_registerdata=True,
    ),
    Tema(
        "fodested",
        "utflyttingen fra Oslo etter fødested",
        K5,
        "hvor utflytterne var født",
        ", kan bare forskere med tilgang til registrene se",
        bare_registerdata=True,
    ),
    Tema(
        "innvandringskategori",
        "Oslos innenlandske nettoflytting etter innvandringskategori",
        K5,
        "SSB har en tabell over Oslos innenlandske nettoflytting etter innvandringskategori",
        ", men den er ikke blant kildene våre",
        ("oslo_nettoflytting_innvandringskategori",),
    ),
    Tema(
        "familie",
        "utflyttingen fra Oslo etter familietype",
        K5,
        "hva slags familie de hørte til",
        ", går ikke fram av noen publisert tabell",
        bare_registerdata=True,
    ),
    Tema(
        "destinasjon",
        "flyttingene fra Oslo til hvert fylke og hver kommune",
        K6,
        "SSB publiserer flyttingene fra Oslo til hvert enkelt fylke og hver kommune",
        ", men boka bruker ikke de tallene",
        ("oslo_utflytting_destinasjon",),
    ),
    Tema(
        "boligindeks",
        "indeksnivået for boligprisene kvartal for kvartal",
        K7,
        "selve indeksnivået, kvartal for kvartal, står i statistikkbanken",
        "; boka har bare enkelte årsendringer",
        ("boligprisindeks",),
    ),
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


KAPITLER = Path(__file__).resolve().parents[3] / "notebooks"
_LOAD = re.compile(r"""\bload\(\s*["']([a-z0-9_]+)["']""")


def brukte_datasett(kapitler: Path = KAPITLER) -> set[str]:
    """The datasets the chapters draw on: every `load("navn")` in a chapter's code. «Om
    dataene» lists only these, so a dataset no figure or sentence uses is not shown as one
    the book builds on, and a chapter that starts using one adds it."""
    brukt: set[str] = set()
    for kapittel in sorted(kapitler.glob("*.md")):
        brukt |= set(_LOAD.findall(kapittel.read_text(encoding="utf-8")))
    return brukt
