"""Publishers: each one's name as a reader knows it, its kind, its licence and its rank, and
the address patterns that name it; a page's catalog entry (publisher and title)."""

from __future__ import annotations

import re
from dataclasses import dataclass
from urllib.parse import unquote, urlparse

from helpers.catalog.sources.titler import TITLER

# --- kinds of source ------------------------------------------------------------------

OFFISIELL = "offisiell statistikk"  # a statistics agency's own publication
PRIMAER = "primærkilde"  # the body that produced the numbers (a municipality, NAV, a survey)
SEKUNDAER = "sekundærkilde"  # someone else's account: news, blog, wiki, copy, draft

CC_BY = "CC BY 4.0"


@dataclass(frozen=True)
class Utgiver:
    """A publisher: its name, its kind, its licence (empty: terms not checked) and its rank."""

    navn: str
    slag: str
    forkortelse: str = ""
    # What the source is, where its name alone does not say it («nettsted med SSB-tall»,
    # «kopi», «blogg»); none after a newspaper's or a broadcaster's name, or Wikipedia.
    form: str = ""
    lisens: str = ""
    rang: int = 3

    @property
    def visning(self) -> str:
        """The name as the credit shows it: «Statistisk sentralbyrå (SSB)», «Aftenposten»,
        «Folkehelseinstituttet (FHI, kopi av SSB-tall)» (one bracket, never two in a row)."""
        merknad = ", ".join(x for x in (self.forkortelse, self.form) if x)
        return f"{self.navn} ({merknad})" if merknad else self.navn

    @property
    def svak(self) -> bool:
        return self.slag == SEKUNDAER


@dataclass(frozen=True)
class Kildeside:
    """One source page: who published it, and its title."""

    url: str
    utgiver: Utgiver
    tittel: str

    @property
    def navn(self) -> str:
        return self.utgiver.visning

    @property
    def lisens(self) -> str:
        return self.utgiver.lisens

    @property
    def slag(self) -> str:
        return self.utgiver.slag


def _u(navn, slag, **kw) -> Utgiver:
    return Utgiver(navn, slag, **kw)


SSB = _u("Statistisk sentralbyrå", OFFISIELL, forkortelse="SSB", lisens=CC_BY, rang=0)
OSLO = _u("Oslo kommune", PRIMAER, rang=1)
KOMMUNEPROFILEN = _u("Kommuneprofilen", SEKUNDAER, form="nettsted med SSB-tall", rang=2)
FHI = _u("Folkehelseinstituttet", SEKUNDAER, forkortelse="FHI", form="kopi av SSB-tall")
# csids/spldata: the R package «spldata» (later «csdata», "Structural Data for Norway"), moved
# from FHI's Sykdomspulsen (sykdomspulsen-org) to csids; its data-raw files copy SSB's 07459.
SPLDATA = _u("spldata", SEKUNDAER, form="kopi av SSB-tall")
IMDI = _u("Integrerings- og mangfoldsdirektoratet", SEKUNDAER, forkortelse="IMDi", form="kopi")
TELEMARK = _u("Telemark fylkeskommune", SEKUNDAER, form="datafil")
# The authors' draft of the paper cited as (Holgersen mfl. 2020), named as the citation
# names them; «Discussion Papers» is SSB's name for the series.
DP935 = _u("Holgersen, Jia og Svenkerud", SEKUNDAER, form="utkast til SSB Discussion Papers 935")


def _avis(navn: str) -> Utgiver:
    """A newspaper, magazine or broadcaster: its name says what it is."""
    return _u(navn, SEKUNDAER)


# Pattern on "host/path" (host without www.) -> publisher; the first match wins.
UTGIVERE: list[tuple[str, Utgiver]] = [
    (r"^github\.com/statisticsnorway/", SSB),
    (r"^github\.com/(sykdomspulsen-org|niphr)/", FHI),
    (r"^github\.com/csids/", SPLDATA),
    (r"^github\.com/radbrt/working_from_home/", DP935),
    (r"^github\.com/gardenberg/imdikator", IMDI),
    (r"(?i)^github\.com/evensrii/telemark", TELEMARK),
    (r"(^|\.)ssb\.no/", SSB),
    (r"(^|\.)oslo\.kommune\.no/", OSLO),
    (r"(^|\.)kommuneprofilen\.no/", KOMMUNEPROFILEN),
    (r"^en\.wikipedia\.org/", _u("Wikipedia", SEKUNDAER)),
    (r"^wikimili\.com/", _u("WikiMili", SEKUNDAER, form="kopi av Wikipedia")),
    (r"(^|\.)fylkesmannen\.no/", _u("Statsforvalteren i Rogaland", PRIMAER)),
    (r"(^|\.)trondheimsregionen\.no/", _u("Trondheimsregionen", PRIMAER)),
    (r"(^|\.)nav\.no/", _u("NAV Oslo", PRIMAER)),
    (
        r"(^|\.)dfo\.no/",
        _u("Direktoratet for forvaltning og økonomistyring", SEKUNDAER, forkortelse="DFØ"),
    ),
    (r"(^|\.)trondelagitall\.no/", _u("Trøndelag i tall", SEKUNDAER, form="nettsted")),
    (r"(^|\.)toi\.no/", _u("Transportøkonomisk institutt", PRIMAER, forkortelse="TØI")),
    (r"(^|\.)springeropen\.com/", _u("Journal for Labour Market Research", PRIMAER)),
    (r"(^|\.)opinion\.no/", _u("Opinion", PRIMAER)),
    (r"(^|\.)finansnorge\.no/", _u("Finans Norge", PRIMAER)),
    (r"(^|\.)(tilastokeskus|stat)\.fi/", _u("Statistikksentralen i Finland", OFFISIELL)),
    (r"(^|\.)hel\.fi/", _u("Helsingfors stad", PRIMAER)),
    (r"(^|\.)datic\.dk/", _u("Datic", SEKUNDAER, form="konsulentselskap")),
    (r"(^|\.)ju\.se/", _u("Jönköping University", SEKUNDAER, form="blogg")),
    (
        r"(^|\.)epthinktank\.eu/",
        _u("Europaparlamentets utredningstjeneste", SEKUNDAER, forkortelse="EPRS", form="blogg"),
    ),
    # Two pages that relay Eurostat's figures; who runs them is not stated, so they are
    # named by what they are and whom they quote.
    (r"(^|\.)apiardata\.com/", _u("Nettstedet apiardata.com", SEKUNDAER, form="gjengir Eurostat")),
    (r"(^|\.)karenaudit\.com/", _u("Bloggen karenaudit.com", SEKUNDAER, form="gjengir Eurostat")),
    (r"(^|\.)businessnow\.mt/", _u("Business Now", SEKUNDAER, form="nettavis")),
    (r"(^|\.)norwaytoday\.info/", _u("Norway Today", SEKUNDAER, form="nettavis")),
    (r"(^|\.)bygg\.no/", _u("Bygg.no", SEKUNDAER, form="nettavis")),
    (r"(^|\.)forskning\.no/", _u("forskning.no", SEKUNDAER, form="nettavis")),
    (r"(^|\.)kommunal-rapport\.no/", _avis("Kommunal Rapport")),
    (r"(^|\.)telemarksforsking\.no/", _u("Telemarksforsking", SEKUNDAER)),
    (r"(^|\.)nrk\.no/", _avis("NRK")),
    (r"(^|\.)nyss\.no/", _u("NPK", SEKUNDAER, form="nyhetsbyrå")),
    (r"(^|\.)aftenposten\.no/", _avis("Aftenposten")),
    (r"(^|\.)dn\.no/", _avis("Dagens Næringsliv")),
    (r"(^|\.)finansavisen\.no/", _avis("Finansavisen")),
    (r"(^|\.)dagsavisen\.no/", _avis("Dagsavisen")),
    (r"(^|\.)ht\.no/", _avis("Harstad Tidende")),
    (r"(^|\.)altaposten\.no/", _avis("Altaposten")),
    (r"(^|\.)abcnyheter\.no/", _avis("ABC Nyheter")),
    (r"(^|\.)fjordabladet\.no/", _avis("Fjordabladet")),
    (r"(^|\.)tv2fyn\.dk/", _avis("TV 2 Fyn")),
    (r"(^|\.)affarsvarlden\.se/", _u("Affärsvärlden", SEKUNDAER, form="svensk næringslivsmagasin")),
]


SSB_TABELL = re.compile(r"^ssb\.no/statbank/table/(\d{5})$")


def ssb_tabell_url(tabell: str) -> str:
    """SSB's address of a statbank table: written here once."""
    return f"https://www.ssb.no/statbank/table/{tabell}"


def nokkel(url: str) -> str:
    """The catalog's key of an address: host without www., path without a trailing slash,
    the query; a file on GitHub without the commit it was read at. Lower case."""
    adresse = urlparse(str(url))
    host = (adresse.hostname or "").lower()
    for prefix in ("www.", "www2."):
        host = host.removeprefix(prefix)
    sti = unquote(adresse.path).rstrip("/").rstrip("!")
    if host == "github.com":
        sti = re.sub(r"^(/[^/]+/[^/]+)/blob/[0-9a-f]{7,40}", r"\1", sti)
    if adresse.query:
        sti = (sti or "/") + f"?{adresse.query}"
    return (host + sti).lower()


def finn_utgiver(url: str) -> Utgiver:
    """The publisher of the page at `url`. A host the catalog does not know (a test fixture's
    example.invalid) is named by itself as a secondary source; the site's tests refuse such
    a name on a reader page (`katalogisert`)."""
    parts = urlparse(str(url))
    if not parts.hostname:
        raise ValueError(f"kilden {url!r} er ingen nettadresse")
    where = nokkel(url) + "/"
    for pattern, who in UTGIVERE:
        if re.search(pattern, where):
            return who
    return Utgiver(where.split("/")[0], SEKUNDAER)


def katalogisert(url: str) -> bool:
    """Whether the catalog names the publisher of `url` (not only its host)."""
    return any(finn_utgiver(url) is who for _, who in UTGIVERE)


def kildeside(url: str) -> Kildeside:
    """The catalog's entry for the page at `url`: publisher and title."""
    who = finn_utgiver(url)
    key = nokkel(url)
    tabell = SSB_TABELL.match(key)
    if tabell:
        return Kildeside(str(url), who, f"Statistikkbanken, tabell {tabell.group(1)}")
    if key not in TITLER:
        raise KeyError(f"{url}: siden har ingen tittel i helpers.catalog.sources.TITLER; legg den inn der")
    return Kildeside(str(url), who, TITLER[key])
