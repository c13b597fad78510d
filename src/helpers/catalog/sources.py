"""Who said this: every source the book reads, in one place.

One catalog entry per publisher (its name as a reader knows it, its kind, its licence and
its rank when sources disagree) and one per source page (its title, written out with æøå
and numbers as the page prints them, never rebuilt from its address). Every other module
asks here: the credit under a figure, «Om dataene», the licence line, the footer, the data
package's publishers and the rule that picks one value when sources disagree.

Which value to use when sources disagree: the rule, written once.

The snapshot keeps every transcribed row, including disagreeing ones, as provenance.
When two rows give the same measure for the same region and year, we use:

1. SSB's statbank read through its API (rows a refresh wrote, `kildetype` "api") over
   everything transcribed from web pages; then Statistics Norway's pages over Oslo
   kommune over other publishers of SSB figures over secondary sources (news,
   Wikipedia): the closer to the producer and the fewer hands, the better. A transcribed
   value that differs from the API's stays in the frame as provenance.
2. For a tie within one publisher, an explicit decision in RESOLUTIONS below, with
   its reason. A tie with no decision is an error, so a refresh that introduces a
   new disagreement cannot slip through unnoticed.
"""

from __future__ import annotations

import csv
import re
from collections import Counter
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import unquote, urlparse

import pandas as pd

from helpers.store.package import LICENSE_SSB

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
    form: str = ""  # for a secondary source: avis, blogg, wiki, kopi, utkast, nettsted
    lisens: str = ""
    rang: int = 3

    @property
    def visning(self) -> str:
        """The name as the credit shows it: «Statistisk sentralbyrå (SSB)», «Aftenposten (avis)»."""
        navn = f"{self.navn} ({self.forkortelse})" if self.forkortelse else self.navn
        return f"{navn} ({self.form})" if self.form else navn

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
SPLDATA = _u("spldata", SEKUNDAER, form="kopi av SSB-tall")
IMDI = _u("Integrerings- og mangfoldsdirektoratet", SEKUNDAER, forkortelse="IMDi", form="kopi")
TELEMARK = _u("Telemark fylkeskommune", SEKUNDAER, form="datafil")
DP935 = _u("Forfatterne av SSB Discussion Paper 935", SEKUNDAER, form="utkast")


def _avis(navn: str) -> Utgiver:
    return _u(navn, SEKUNDAER, form="avis")


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
    (r"^en\.wikipedia\.org/", _u("Wikipedia", SEKUNDAER, form="wiki")),
    (r"^wikimili\.com/", _u("WikiMili", SEKUNDAER, form="kopi av Wikipedia")),
    (r"(^|\.)fylkesmannen\.no/", _u("Statsforvalteren i Rogaland", PRIMAER)),
    (r"(^|\.)trondheimsregionen\.no/", _u("Trondheimsregionen", PRIMAER)),
    (r"(^|\.)nav\.no/", _u("NAV Oslo", PRIMAER)),
    (
        r"(^|\.)dfo\.no/",
        _u("Direktoratet for forvaltning og økonomistyring", SEKUNDAER, forkortelse="DFØ", form="nettsted"),
    ),
    (r"(^|\.)trondelagitall\.no/", _u("Trøndelag i tall", SEKUNDAER, form="nettsted")),
    (r"(^|\.)toi\.no/", _u("Transportøkonomisk institutt", PRIMAER, forkortelse="TØI")),
    (r"(^|\.)springeropen\.com/", _u("Journal for Labour Market Research", PRIMAER)),
    (r"(^|\.)opinion\.no/", _u("Opinion", PRIMAER)),
    (r"(^|\.)finansnorge\.no/", _u("Finans Norge", PRIMAER)),
    (r"(^|\.)(tilastokeskus|stat)\.fi/", _u("Statistikcentralen i Finland", OFFISIELL)),
    (r"(^|\.)hel\.fi/", _u("Helsingfors kommune", PRIMAER)),
    (r"(^|\.)datic\.dk/", _u("Datic", SEKUNDAER, form="konsulentselskap")),
    (r"(^|\.)ju\.se/", _u("Jönköping University", SEKUNDAER, form="blogg")),
    (
        r"(^|\.)epthinktank\.eu/",
        _u("Europaparlamentets utredningstjeneste", SEKUNDAER, forkortelse="EPRS", form="blogg"),
    ),
    (r"(^|\.)apiardata\.com/", _u("apiardata.com", SEKUNDAER, form="nettsted")),
    (r"(^|\.)karenaudit\.com/", _u("karenaudit.com", SEKUNDAER, form="blogg")),
    (r"(^|\.)businessnow\.mt/", _u("Business Now", SEKUNDAER, form="nettavis")),
    (r"(^|\.)norwaytoday\.info/", _u("Norway Today", SEKUNDAER, form="nettavis")),
    (r"(^|\.)bygg\.no/", _u("Bygg.no", SEKUNDAER, form="nettavis")),
    (r"(^|\.)forskning\.no/", _u("forskning.no", SEKUNDAER, form="nettavis")),
    (r"(^|\.)kommunal-rapport\.no/", _u("Kommunal Rapport", SEKUNDAER, form="avis")),
    (r"(^|\.)telemarksforsking\.no/", _u("Telemarksforsking", SEKUNDAER, form="nettsted")),
    (r"(^|\.)nrk\.no/", _u("NRK", SEKUNDAER, form="kringkaster")),
    (r"(^|\.)nyss\.no/", _u("NPK", SEKUNDAER, form="nyhetsbyrå")),
    (r"(^|\.)aftenposten\.no/", _avis("Aftenposten")),
    (r"(^|\.)dn\.no/", _avis("Dagens Næringsliv")),
    (r"(^|\.)finansavisen\.no/", _avis("Finansavisen")),
    (r"(^|\.)dagsavisen\.no/", _avis("Dagsavisen")),
    (r"(^|\.)ht\.no/", _avis("Harstad Tidende")),
    (r"(^|\.)altaposten\.no/", _avis("Altaposten")),
    (r"(^|\.)abcnyheter\.no/", _u("ABC Nyheter", SEKUNDAER, form="nettavis")),
    (r"(^|\.)fjordabladet\.no/", _avis("Fjordabladet")),
    (r"(^|\.)tv2fyn\.dk/", _u("TV 2 Fyn", SEKUNDAER, form="kringkaster")),
    (r"(^|\.)affarsvarlden\.se/", _u("Affärsvärlden", SEKUNDAER, form="avis")),
]

# --- source pages ---------------------------------------------------------------------
# Address (see `nokkel`: host without www., path, query; a GitHub file without its commit)
# -> the page's title as it prints it. A page the data cite and this list lacks stops the
# build by name (`kildeside`), so a new source is titled once, here, by a person.

TITLER: dict[str, str] = {
    # Statistisk sentralbyrå
    "ssb.no": "Statistisk sentralbyrås nettsted",
    "ssb.no/en/befolkning/statistikker/flytting": "Migrations (English)",
    "statbank.ssb.no/befolkning/statistikker/flytting/aar": "Flyttinger, årlig",
    "ssb.no/153938/beregnet-folkemengde-1.januar-og-beregnet-folketilvekst.hele-landet-og-10-største-kommuner": "Beregnet folkemengde 1. januar og beregnet folketilvekst. Hele landet og de ti største kommunene",
    "ssb.no/227583/folkemengd-og-endringane-i-kvartalet": "Folkemengd og endringane i kvartalet",
    "ssb.no/343890/alle-flyttinger-innenlandske-og-fra-og-til-utlandet.hele-landet-og-fylker": "Alle flyttinger, innenlandske og fra og til utlandet. Hele landet og fylker",
    "ssb.no/349930/population-and-quarterly-population-changes.the-whole-country-counties-and-municipalities": "Population and quarterly population changes. The whole country, counties and municipalities",
    "ssb.no/381665/prices-per-square-meter-for-detached-houses-by-county.price-ratio": "Prices per square meter for detached houses, by county",
    "ssb.no/416859/eierstatus-for-husholdningstyper": "Eierstatus for husholdningstyper",
    "ssb.no/a/barnogunge/2011/tabeller/befolkning/bef0610.html": "Barn og unge 2011, tabell bef0610",
    "ssb.no/a/barnogunge/2016/tabeller/befolkning/bef0601.html": "Barn og unge 2016, tabell bef0601",
    "ssb.no/a/barnogunge/2016/tabeller/befolkning/bef0616.html": "Barn og unge 2016, tabell bef0616",
    "ssb.no/a/barnogunge/2016/tabeller/befolkning/bef0701.html": "Barn og unge 2016, tabell bef0701",
    "ssb.no/a/barnogunge/2016/tabeller/befolkning/bef0716.html": "Barn og unge 2016, tabell bef0716",
    "ssb.no/a/barnogunge/2019/tabeller/befolkning/bef0605.html": "Barn og unge 2019, tabell bef0605",
    "ssb.no/a/barnogunge/2019/tabeller/befolkning/bef0611.html": "Barn og unge 2019, tabell bef0611",
    "ssb.no/a/barnogunge/2019/tabeller/befolkning/bef0705.html": "Barn og unge 2019, tabell bef0705",
    "ssb.no/a/barnogunge/2019/tabeller/befolkning/bef0712.html": "Barn og unge 2019, tabell bef0712",
    "ssb.no/a/english/kortnavn/folkendrkv_en/2009k4/kvart10-en.html": "Population changes, 4th quarter 2009",
    "ssb.no/a/kortnavn/flytting/tab-2011-05-05-02.html": "Flyttinger 2010, tabell 2",
    "ssb.no/a/kortnavn/flytting/tab-2012-05-11-09.html": "Flyttinger 2011, tabell 9",
    "ssb.no/a/kortnavn/folkendrkv/2012k4/hittil16.html": "Folkemengd 1. januar 2013 og endringane i 2012. Sør-Trøndelag",
    "ssb.no/arbeid-og-lonn/sysselsetting/statistikk/arbeidskraftundersokelsen/artikler/vi-er-fortsatt-en-del-pa-hjemmekontor": "Vi er fortsatt en del på hjemmekontor",
    "ssb.no/arbeid-og-lonn/sysselsetting/statistikk/arbeidskraftundersokelsen/artikler/under-halvparten-av-alle-sysselsatte-jobbet-hjemmefra-i-2022": "Under halvparten av alle sysselsatte jobbet hjemmefra i 2022",
    "ssb.no/en/priser-og-prisindekser/boligpriser-og-boligprisindekser/statistikk/prisindeks-for-brukte-boliger": "House price index (English)",
    "ssb.no/statbank/sq/10106402": "Statistikkbanken, tabell 06093: Par med og uten barn i privathusholdninger",
    "ssb.no/104476/befolkningsendringer.hele-landet.utvalgte-år": "Befolkningsendringer. Hele landet. Utvalgte år",
    "ssb.no/353379/familie-og-husholdninger": "Familier og husholdninger",
    "ssb.no/383185/innvandring-og-utvandring-etter-statsborgerskap": "Innvandring og utvandring, etter statsborgerskap",
    "ssb.no/390080/privathusholdninger-personer-i-privathusholdninger-og-personer-per-privathusholdning.hele-landet-fylker-kommuner-bydeler": "Privathusholdninger, personer i privathusholdninger og personer per privathusholdning",
    "ssb.no/399570/prisindeks-for-brukte-boliger-endring-i-prosent": "Prisindeks for brukte boliger, endring i prosent",
    "ssb.no/452035/innenlandske-flyttinger": "Innenlandske flyttinger",
    "ssb.no/arbeid-og-lonn/artikler-og-publikasjoner/209-000-ansatte-med-avtale-om-hjemmekontor": "209 000 ansatte med avtale om hjemmekontor",
    "ssb.no/arbeid-og-lonn/artikler-og-publikasjoner/nedgang-i-sysselsettingen-i-alle-fylker": "Nedgang i sysselsettingen i alle fylker",
    "ssb.no/arbeid-og-lonn/artikler-og-publikasjoner/sterkest-sysselsettingsvekst-i-oslo": "Sterkest sysselsettingsvekst i Oslo",
    "ssb.no/befolkning/artikler-og-publikasjoner/koronaflytting-og-andre-flyttinger-i-2020": "Koronaflytting og andre flyttinger i 2020",
    "ssb.no/befolkning/barn-familier-og-husholdninger/statistikk/familier-og-husholdninger": "Familier og husholdninger",
    "ssb.no/befolkning/barn-familier-og-husholdninger/statistikk/familier-og-husholdninger/artikler": "Familier og husholdninger: artikler",
    "ssb.no/befolkning/barn-familier-og-husholdninger/statistikk/familier-og-husholdninger/artikler/na-bor-over-1-million-nordmenn-alene": "Nå bor over 1 million nordmenn alene",
    "ssb.no/befolkning/innvandrere/statistikk/innvandrere-og-norskfodte-med-innvandrerforeldre/artikler/innvandrere-og-barna-deres-teller-na-over-en-million": "Innvandrere og barna deres teller nå over en million",
    "ssb.no/bygg-bolig-og-eiendom/eiendom/statistikk/eiendomsomsetning": "Eiendomsomsetning",
    "ssb.no/en/forskning/discussion-papers/who-and-how-many-can-work-from-home-in-norway": "Who and how many can work from home in Norway? (Discussion Paper 935)",
    "ssb.no/kommunefakta/kostra/oslo-fylkeskommune/befolkningsprofil": "Kommunefakta: Oslo, befolkningsprofil",
    "ssb.no/priser-og-prisindekser/artikler-og-publikasjoner/boligprisene-fortsetter-a-oke--442580": "Boligprisene fortsetter å øke",
    "ssb.no/priser-og-prisindekser/artikler-og-publikasjoner/fortsatt-okning-i-boligprisene": "Fortsatt økning i boligprisene",
    "ssb.no/priser-og-prisindekser/boligpriser-og-boligprisindekser/artikler/dyrest-a-kjope-enebolig-i-oslo-og-baerum": "Dyrest å kjøpe enebolig i Oslo og Bærum",
    "ssb.no/priser-og-prisindekser/boligpriser-og-boligprisindekser/statistikk/prisindeks-for-brukte-boliger/artikler/boligprisene faller": "Boligprisene faller",
    "ssb.no/priser-og-prisindekser/boligpriser-og-boligprisindekser/statistikk/prisindeks-for-brukte-boliger/artikler/boligprisveksten-flater-ut": "Boligprisveksten flater ut",
    "ssb.no/priser-og-prisindekser/statistikker/bpi/kvartal/2017-01-12": "Boligprisindeksen, 4. kvartal 2016",
    "github.com/statisticsnorway/ssb-pxwebapidata/reference/apidata.html": "Tabell 01222, kvartalsvise befolkningsendringer, gjengitt i SSBs dokumentasjon av statistikkbankens programgrensesnitt",
    # Oslo kommune
    "oslo.kommune.no/statistikk": "Statistikk",
    "oslo.kommune.no/politikk-og-administrasjon/statistikk/befolkning/folkemengde-og-endringer": "Folkemengde og endringer",
    "oslo.kommune.no/statistikk/befolkning/folkemengde-og-endringer": "Folkemengde og endringer",
    "oslo.kommune.no/statistikk/befolkning/befolkningsutviklingen-i-oslo-de-tre-forste-kvartalene-i-2022": "Befolkningsutviklingen i Oslo de tre første kvartalene i 2022",
    "oslo.kommune.no/statistikk/befolkning/befolkningsutviklingen-i-oslo-forste-kvartal-2023": "Befolkningsutviklingen i Oslo første kvartal 2023",
    "oslo.kommune.no/statistikk/befolkning/befolkningsutviklingen-i-oslo-gjennom-2022": "Befolkningsutviklingen i Oslo gjennom 2022",
    "oslo.kommune.no/statistikk/befolkning/husholdninger": "Husholdninger",
    "oslo.kommune.no/statistikk/husholdninger": "Husholdninger",
    "oslo.kommune.no/statistikk/boliger-byggevirksomhet-arbeids-og-naringsliv/naringsliv-sysselsetting-og-pendling": "Næringsliv, sysselsetting og pendling",
    # Kommuneprofilen
    "kommuneprofilen.no/profil/befolkning/benchby/bef_innv_aar_by.aspx": "Innvandring per år, byene",
    "kommuneprofilen.no/profil/befolkning/benchby/bef_flytting_samlet_by.aspx": "Samlede flyttinger, byene",
    "kommuneprofilen.no/profil/befolkning/benchby/bef_kvartal_hittil_by.aspx": "Befolkningsendringer hittil i år, byene",
    # Copies of SSB's tables, drafts and data files in public repositories
    "github.com/csids/spldata/data-raw/files/population/personer2024.csv": "Folkemengde etter ettårig alder 2024, kopi av SSB-tabell 07459",
    "github.com/niphr/csdata/data-raw/files/population/personer2023.csv": "Folkemengde etter ettårig alder 2023, kopi av SSB-tabell 07459",
    "github.com/sykdomspulsen-org/spldata/data-raw/files/population/personer2015-2018.csv": "Folkemengde etter ettårig alder 2015–2018, kopi av SSB-tabell 07459",
    "github.com/sykdomspulsen-org/spldata/data-raw/files/population/personer2019.csv": "Folkemengde etter ettårig alder 2019, kopi av SSB-tabell 07459",
    "github.com/sykdomspulsen-org/spldata/data-raw/files/population/personer2020.csv": "Folkemengde etter ettårig alder 2020, kopi av SSB-tabell 07459",
    "github.com/sykdomspulsen-org/spldata/data-raw/files/population/personer2021.csv": "Folkemengde etter ettårig alder 2021, kopi av SSB-tabell 07459",
    "github.com/sykdomspulsen-org/spldata/data-raw/files/population/personer2022.csv": "Folkemengde etter ettårig alder 2022, kopi av SSB-tabell 07459",
    "github.com/gardenberg/imdikator-munch/data/befolkning_flytting.csv": "Flytting etter innvandrerkategori, kopi av IMDis indikator",
    "github.com/gardenberg/imdikator-munch": "Flytting etter innvandrerkategori, kopi av IMDis indikator",
    "github.com/evensrii/telemark/data/01_befolkning/flytteamatrise fylker panda.csv": "Flyttinger mellom fylker (flyttematrise)",
    "github.com/evensrii/telemark/data/01_befolkning/flytting/tilflytting.csv": "Tilflytting",
    "github.com/evensrii/telemark/data/01_befolkning/flytting/fraflytting.csv": "Fraflytting",
    "github.com/evensrii/telemark": "Flyttinger mellom fylker (flyttematrise)",
    "github.com/radbrt/working_from_home/master_data/yrke_kommuner.csv": "Jobber etter yrke og kommune",
    "github.com/radbrt/working_from_home/who_can_work_from_home.tex": "Who and how many can work from home in Norway? (utkast)",
    # Other publishers
    "apiardata.com/statistics/no-usually-works-from-home-rate": "Norway: usually works from home rate",
    "arbeidsgiver.dfo.no/nyhetsarkiv/hjemmekontor-et-og-na-alle": "Hjemmekontor – et og nå alle?",
    "businessnow.mt/remote-working-2020-saw-more-women-working-from-home-than-men": "Remote working: 2020 saw more women working from home than men",
    "datic.dk/2021/09/03/ud-af-koebenhavn": "Ud af København",
    "en.wikipedia.org/wiki/demographics_of_oslo": "Demographics of Oslo",
    "wikimili.com/en/demographics_of_oslo": "Demographics of Oslo",
    "epthinktank.eu/2020/06/24/living-in-the-eu-work-before-the-coronavirus-crisis/fig-3-teleworking": "Living in the EU: work before the coronavirus crisis (figur 3, fjernarbeid)",
    "finansavisen.no/nyheter/bolig/2020/01/06/7486445/venter-kraftig-prisoppgang-i-oslo": "Venter kraftig prisoppgang i Oslo",
    "finansavisen.no/nyheter/bolig/2022/01/05/7797566/sa-mye-steg-boligprisene-i-2021": "Så mye steg boligprisene i 2021",
    "finansavisen.no/bolig/2024/11/05/8201626/boligprisene-falt-med-0-7-prosent-i-oktober": "Boligprisene falt med 0,7 prosent i oktober",
    "hel.fi/uutiset/fi/kaupunginkanslia/helsingin-vaesto-vuodenvaihteessa-2019-2020": "Helsingin väestö vuodenvaihteessa 2019–2020",
    "hel.fi/uutiset/fi/kaupunginkanslia/helsingin-vaestonkasvu-laski-selvasti-edellisvuosista": "Helsingin väestönkasvu laski selvästi edellisvuosista",
    "ju.se/portal/vertikals/blogs/charlotta-mellander/bloggposter/2021-04-20-stockholmarnas-pandemiflyttar.html": "Stockholmarnas pandemiflyttar",
    "karenaudit.com/?p=30010": "Artikkel om hjemmekontor i EU (gjengir Eurostat)",
    "labourmarketresearch.springeropen.com/articles/10.1186/s12651-021-00287-z": "Who and how many can work from home? (2021)",
    "norwaytoday.info/news/one-three-immigrant-background-oslo": "One in three has immigrant background in Oslo",
    "stat.fi/til/muutl/2020/muutl_2020_2021-05-12_tie_001_fi.html": "Muuttoliike 2020",
    "tilastokeskus.fi/tietotrendit/blogit/2021/kuntien-valinen-muuttoliike-vilkasta-koronavuonna-muuttuuko-suunta": "Kuntien välinen muuttoliike vilkasta koronavuonna – muuttuuko suunta?",
    "trondelagitall.no/artikkel/sysselsatte-i-yrker-etter-egnethet-hjemmekontor-eller-fjernarbeid-4-kvartal-2021": "Sysselsatte i yrker etter egnethet for hjemmekontor eller fjernarbeid, 4. kvartal 2021",
    "trondheimsregionen.no/alle-i-vekst": "Alle i vekst",
    "trondheimsregionen.no/korona-bremset-trondheimsregionen-minst": "Korona bremset Trondheimsregionen minst",
    "trondheimsregionen.no/trondheimsregionen-passerte-300-000-innbyggere": "Trondheimsregionen passerte 300 000 innbyggere",
    "abcnyheter.no/nyheter/norge/2021/03/21/195747636/rekordmange-flyttet-fra-oslo-i-fjor-forskere-peker-pa-coronaflukt": "Rekordmange flyttet fra Oslo i fjor – forskere peker på koronaflukt",
    "abcnyheter.no/nyheter/norge/2022/12/19/195891539/undersokelse-viser-at-hjemmekontor-fortsatt-er-populaert": "Undersøkelse viser at hjemmekontor fortsatt er populært",
    "affarsvarlden.se/artikel/fler-flyttar-fran-an-till-stockholm": "Fler flyttar från än till Stockholm",
    "aftenposten.no/oslo/i/eqz7go/rekordlave-foedselstall-likevel-vokser-oslo-igjen": "Rekordlave fødselstall – likevel vokser Oslo igjen",
    "aftenposten.no/oslo/i/ea2abg/folk-stroemmer-stadig-ut-av-oslo": "Folk strømmer stadig ut av Oslo",
    "aftenposten.no/oslo/i/mlmpor/koronaflukten-er-over-naa-vokser-oslo-igjen": "Koronaflukten er over – nå vokser Oslo igjen",
    "aftenposten.no/oslo/i/mo79mm/koronabremsen-over-for-oslo-men-stadig-flytter-mange-ut": "Koronabremsen over for Oslo, men stadig flytter mange ut",
    "altaposten.no/lokalt/ntb/ntb_innenriks/2020/11/19/tallet-på-permitterte-servitører-til-værs-23024530.ece": "Tallet på permitterte servitører til værs",
    "altaposten.no/lokalt/ntb/ntb_innenriks/2020/12/03/ventet-boligprisfall-i-november-23103129.ece": "Ventet boligprisfall i november",
    "bygg.no/en-av-ti-er-pa-hjemmekontor-ukentlig/1543719": "En av ti er på hjemmekontor ukentlig",
    "dagsavisen.no/nyheter/innenriks/2021/05/28/undersokelse-sju-av-ti-vil-fortsette-med-hjemmekontor-etter-pandemien": "Undersøkelse: Sju av ti vil fortsette med hjemmekontor etter pandemien",
    "dagsavisen.no/oslo/2023/01/02/obos-prisene-falt-42-prosent-i-oslo-i-desember": "Obos: Prisene falt i Oslo i desember",
    "dagsavisen.no/oslo/i-disse-bydelene-i-oslo-er-arbeidsledigheten-storst-pa-grunn-av-korona-1.1688242": "I disse bydelene i Oslo er arbeidsledigheten størst på grunn av korona",
    "dn.no/eiendom/eiendom/oslo/boligprisene-i-oslo-falt-11-prosent-i-juni/2-1-1481240": "Boligprisene i Oslo falt i juni",
    "finansnorge.no/aktuelt/nyheter/jobbskaperbarometeret/2020/jobbskapertallet-3-kv/sektorvis": "Jobbskaperbarometeret, 3. kvartal 2020: sektorvis",
    "fjordabladet.no/npk/innenriks/2022/02/21/tre-av-ti-framleis-på-heimekontor-25191979.ece": "Tre av ti framleis på heimekontor",
    "forskning.no/arbeidsliv/journalister-har-mest-hjemmekontor/2215313": "Journalister har mest hjemmekontor",
    "fylkesmannen.no/rogaland/kommunal-styring/nyheiter-kommunal-styring/farre-innbyggarar-i-14-rogalandskommunar": "Færre innbyggjarar i 14 rogalandskommunar",
    "ht.no/ntb/innenriks/2020/09/03/boligprisene-opp-11-prosent-i-august-22603193.ece": "Boligprisene opp i august",
    "ht.no/ntb/innenriks/2020/11/06/tre-av-ti-hadde-hjemmekontor-de-siste-to-ukene-22955225.ece": "Tre av ti hadde hjemmekontor de siste to ukene",
    "kommunal-rapport.no/integrering/oslo-har-hoyest-andel-innvandrere/19427": "Oslo har høyest andel innvandrere",
    "nav.no/no/lokalt/oslo/pressemeldinger": "Pressemeldinger",
    "nav.no/no/lokalt/oslo/pressemeldinger/53-453-personer-i-oslo-er-arbeidsledige": "53 453 personer i Oslo er arbeidsledige",
    "nav.no/no/lokalt/oslo/pressemeldinger/historisk-hoy-arbeidsledighet-i-oslo": "Historisk høy arbeidsledighet i Oslo",
    "nav.no/no/lokalt/oslo/pressemeldinger/over-1-000-faerre-helt-og-delvis-ledige-siste-uken": "Over 1 000 færre helt og delvis ledige siste uken",
    "nrk.no/ostlandssendingen/rekordmange-flytter-til-akershus-1.13487705": "Rekordmange flytter til Akershus",
    "nyss.no/npk/innenriks/2021/08/19/ssb-folketalet-aukar-–-men-ikkje-i-storbyane-24445116.ece": "SSB: Folketalet aukar – men ikkje i storbyane",
    "opinion.no/innlegg/flere-millioner-endte-opp-med-hjemmekontor": "Flere millioner endte opp med hjemmekontor",
    "telemarksforsking.no/fortsatt-koronaflukt-fra-oslo": "Fortsatt koronaflukt fra Oslo",
    "toi.no/publikasjoner/korona-hjemmekontor-og-reisevaner": "Korona, hjemmekontor og reisevaner (TØI-rapport 1863/2021)",
    "tv2fyn.dk/fyn/koebenhavnerne-vaelger-odense-frem-aalborg": "Københavnerne vælger Odense",
}

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


# --- choosing one value when sources disagree -----------------------------------------

OTHER_RANK = 3
API = "api"  # value of the `kildetype` column for rows read from the statbank API
API_RANK = -1
API_PUBLISHER = "Statistisk sentralbyrå (statistikkbanken)"

# (region_code, year, series) -> (chosen value, reason)
# (Region codes or, for datasets keyed by name, region names such as "Oslo".)
RESOLUTIONS: dict[tuple[str, int, str], tuple[float, str]] = {
    ("Oslo", 2016, "nettoinnvandring"): (
        3242,
        "To eldre versjoner av Oslo kommunes side oppgir 3 257; senere versjoner og NRK oppgir "
        "3 242, som er det radene selv summerer til (13 044 − 9 802).",
    ),
    ("0301", 2017, "folkemengde_1jan"): (
        666759,
        "To versjoner av Oslo kommunes side oppgir 666 757 og 666 759. 666 759 er summen av "
        "SSB-tabell 07459 (folkemengde etter alder 1.1.2017); 666 757 er tallet for 31.12.2016.",
    ),
}


class SourceConflict(ValueError):
    pass


def publisher(url: str) -> tuple[int, str]:
    """(rank, name) of the publisher of `url`: the rank orders sources when they disagree.
    A copy on GitHub ranks with the other secondary sources, whoever made the numbers."""
    who = finn_utgiver(url)
    rank = OTHER_RANK if nokkel(url).startswith("github.com/") else who.rang
    return rank, who.navn


def choose(
    frame: pd.DataFrame, key: list[str], code="region_code", year="year", series="series"
) -> pd.DataFrame:
    """Mark one row per `key` as chosen (`valgt`), the others as provenance only."""
    out = frame.copy()
    via_api = out["kildetype"].eq(API) if "kildetype" in out else pd.Series(False, index=out.index)
    ranked = [
        (API_RANK, API_PUBLISHER) if api else publisher(u) for u, api in zip(out["source_url"], via_api)
    ]
    out["kilde_rang"] = [rank for rank, _ in ranked]
    out["utgiver"] = [name for _, name in ranked]
    out["valgt"] = False
    out["valg_grunn"] = ""
    for _, group in out.groupby(key, sort=False, dropna=False):
        if len(group) == 1 or group["value"].nunique() == 1:
            best = group.sort_values("kilde_rang", kind="stable").index[0]
            out.loc[best, "valgt"] = True
            continue
        top = group[group["kilde_rang"] == group["kilde_rang"].min()]
        if top["value"].nunique() == 1:
            out.loc[top.index[0], "valgt"] = True
            out.loc[top.index[0], "valg_grunn"] = (
                f"{top['utgiver'].iloc[0]} foretrukket framfor "
                + ", ".join(sorted(set(group["utgiver"]) - {top["utgiver"].iloc[0]}))
            )
            continue
        first = group.iloc[0]
        rk = (str(first[code]), int(first[year]), str(first[series]))
        if rk not in RESOLUTIONS:
            values = ", ".join(str(v) for v in group["value"])
            raise SourceConflict(
                f"{rk}: kildene er uenige ({values}) og ingen regel avgjør; legg inn en avgjørelse i sources.RESOLUTIONS"
            )
        value, reason = RESOLUTIONS[rk]
        match = top[top["value"] == value]
        if match.empty:
            raise SourceConflict(f"{rk}: avgjørelsen {value} finnes ikke lenger blant kildene")
        out.loc[match.index[0], "valgt"] = True
        out.loc[match.index[0], "valg_grunn"] = reason
    return out


def github_url(rows: pd.DataFrame) -> pd.Series:
    """The address of the file each row was read from, at the commit it was read at."""
    return (
        "https://github.com/"
        + rows["source_repo"]
        + "/blob/"
        + rows["source_commit"]
        + "/"
        + rows["source_path"]
    )


# --- the data package: publishers and licences per resource ----------------------------


def _rad_adresse(row: dict) -> str | None:
    if row.get("source_url"):
        return row["source_url"]
    if row.get("source_repo"):
        return f"https://github.com/{row['source_repo']}/blob/{row.get('source_commit') or '0000000'}/{row.get('source_path', '')}"
    return None


def row_publishers(path: Path) -> Counter:
    """How many rows of a CSV each publisher stands behind. An SSB table republished in a
    public repository counts as SSB's (its `ssb_table` column names the table)."""
    with open(path, encoding="utf-8", newline="") as f:
        rows = list(csv.DictReader(f))
    found: Counter = Counter()
    for row in rows:
        url = _rad_adresse(row)
        if not row.get("source_url") and row.get("ssb_table"):
            found[SSB.navn] += 1
        elif url:
            found[finn_utgiver(url).navn] += 1
        else:
            found["ukjent kilde"] += 1
    return found


def licences(publishers: Counter) -> list[dict]:
    """SSB's CC BY 4.0 for SSB's rows; for every other publisher, a plain statement that its
    terms were not checked (pointing to the rows' own source_url)."""
    out = [LICENSE_SSB] if SSB.navn in publishers else []
    others = sorted(p for p in publishers if p != SSB.navn)
    if others:
        out.append(
            {
                "name": "LicenseRef-publisher-terms",
                "title": "Vilkårene til utgiveren (ikke avklart): "
                + ", ".join(others)
                + "; se source_url per rad",
            }
        )
    return out


def rettigheter(path: Path) -> dict:
    """A resource's publishers (with their row counts), licences and the first address of
    each publisher, for the data package (helpers.store.shared.import_shared takes this)."""
    who = row_publishers(path)
    first = forste_adresse_per_utgiver(path)
    return {
        "publishers": [{"title": name, "rows": n} for name, n in who.most_common()],
        "licenses": licences(who),
        "first_urls": first,
        # The resource's sources, titled from this catalog (never by the importer).
        "sources": [{"title": _ressurstittel(url), "path": url} for url in first.values()],
    }


def _ressurstittel(url: str) -> str:
    """«Publisher: title» for a data package resource; a page not yet titled here is named by
    its publisher until it is (the book's pages refuse it by name, see `kildeside`)."""
    try:
        side = kildeside(url)
    except KeyError:
        return finn_utgiver(url).visning
    return f"{side.navn}: {side.tittel}"


def forste_adresse_per_utgiver(path: Path) -> dict[str, str]:
    """The first address of each publisher in a CSV (its `source_url`, or the file in a
    public repository it was read from)."""
    with open(path, encoding="utf-8", newline="") as f:
        first: dict[str, str] = {}
        for row in csv.DictReader(f):
            url = _rad_adresse(row)
            if url:
                first.setdefault(finn_utgiver(url).navn, url)
    return first
