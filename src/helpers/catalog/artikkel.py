"""What the article found: one list, in the book's own words, that every page draws on.

The book retells Tønnessen (2021), the article «Movers from the city in the first year of
Covid», through its author's Norwegian summary. Each finding is written once here, in our
own bokmål (never the summary's wording), with the article section it belongs to, the
chapter that checks it, what it says about whether the movers come back, and the article's
own caveat. The introduction, each chapter's «artikkelen fant» passage and the summary
render these entries (`helpers.prose.artikkel`); none of them writes a finding of its own.

The findings carry no numbers: the article's numbers came from registers the book cannot
read, and the book's own numbers are computed from the data package in each chapter.
"""

from __future__ import annotations

from dataclasses import dataclass

# What a finding says about return to Oslo, as the article reads it.
MOT = "mot"  # speaks against the movers coming back
FOR = "for"  # speaks for it
NOYTRAL = ""  # describes the move, no reading about return


@dataclass(frozen=True)
class Funn:
    navn: str
    del_: str  # the article's section, in our words
    kapittel: str  # the chapter's label ({ref})
    funn: str  # the finding, one or two sentences
    retning: str  # MOT, FOR or NOYTRAL
    forbehold: str  # the article's own caveat, hedge or reason ("" when it makes none)
    kort: str = ""  # the finding in a few words, for the introduction's list
    tolkning: str = ""  # what the article reads from it about return, as a sentence
    vilkar: str = ""  # the condition the short form keeps after its reading about return


FUNN: tuple[Funn, ...] = (
    Funn(
        navn="rekord",
        del_="Rekordutflytting",
        kapittel="kap-rekord",
        funn=(
            "Aldri før hadde så mange flyttet fra Oslo til resten av Norge som i 2020, og hoppet fra "
            "2019 var større enn i årene før."
        ),
        retning=NOYTRAL,
        forbehold=(
            "Noe av veksten kommer av at byen har flere innbyggere, men økningen er tydelig også når "
            "man regner per innbygger."
        ),
        kort="rekordmange flyttet fra Oslo til resten av landet",
    ),
    Funn(
        navn="andre_byer",
        del_="De andre storbyene",
        kapittel="kap-rekord",
        funn=(
            "Også Bergen fikk mer utflytting til resten av landet i 2020, men ellers viste verken "
            "Trondheim, Stavanger eller Kristiansand samme mønster som Oslo. Oslo var dessuten den "
            "eneste av de fem byene der utvandringen økte."
        ),
        retning=NOYTRAL,
        forbehold="",
        kort="Bergen fikk også mer utflytting, de andre storbyene ikke",
    ),
    Funn(
        navn="utvandring",
        del_="Men ikke for utvandringen",
        kapittel="kap-utvandring",
        funn=(
            "Utvandringen fra Oslo til utlandet gikk litt opp i 2020, etter at både innvandringen og "
            "utvandringen hadde falt noe gjennom tiåret før; det viser Tønnessens figur 1, som bygger på "
            "SSBs tabell 01223. Økningen var mindre enn i flyttingen innenlands, og i registerdataene var det "
            "blant utvandrerne verken en tydelig økning i yrker med hjemmekontor eller i salgs- og "
            "serviceyrker."
        ),
        retning=NOYTRAL,
        forbehold=(
            "At salgs- og serviceyrkene ikke økte klart, kan delvis komme av at utvandringen av svensker fra "
            "Oslo var liten det året: blant svensker i salgs- og serviceyrker var den klart lavere i 2020 enn "
            "i 2019. Det kan ha sammenheng med pandemiens forløp i Sverige og i Norge."
        ),
        kort="utvandringen økte litt, men uten noen tydelig økning i yrker med hjemmekontor",
    ),
    Funn(
        navn="alder",
        del_="Litt eldre enn vanlig",
        kapittel="kap-alder",
        funn="De som forlot Oslo i 2020, var noe eldre enn utflytterne pleier å være.",
        retning=MOT,
        forbehold=(
            "Folk flytter sjeldnere etter midten av tjueårene, og kanskje passer en del av det storbyen "
            "tilbyr særlig godt for unge voksne."
        ),
        kort="utflytterne var noe eldre enn vanlig",
        tolkning="At utflytterne var noe eldre, kan ifølge Tønnessen tale for at de sjeldnere flytter tilbake.",
    ),
    Funn(
        navn="hjemmekontor",
        del_="Sterk hjemmekontoreffekt",
        kapittel="kap-hjemmekontor",
        funn=(
            "Utflyttingen til resten av landet økte særlig sterkt blant folk i yrker der mange fikk "
            "hjemmekontor. Økningen var særlig tydelig i akademiske yrker, men høyskoleyrkene og "
            "kontoryrkene økte også. Salgs- og serviceyrkene, der mange ble permittert, økte mindre, og for håndverkere "
            "og renholdere endret utflyttingen seg knapt."
        ),
        retning=MOT,
        # The caveat is part of the reading («så lenge …»), one sentence rather than two.
        forbehold="",
        kort="økningen var særlig sterk i yrker der mange fikk hjemmekontor",
        vilkar="så lenge hjemmekontor fortsatt er mulig",
        tolkning=(
            "En så klar hjemmekontoreffekt kan ifølge Tønnessen tale for at mange av dem blir borte fra Oslo, "
            "så lenge de fortsatt kan jobbe hjemmefra."
        ),
    ),
    Funn(
        navn="fodested",
        del_="Ofte født utenfor Oslo",
        kapittel="kap-fodested",
        funn=(
            "Økningen i utflyttingen til resten av landet var tydeligere blant dem som ikke er født i "
            "Oslo (altså født andre steder i Norge eller i utlandet). Til utlandet økte utvandringen "
            "blant innvandrere, men ikke blant norskfødte med innvandrerforeldre eller i resten av "
            "befolkningen."
        ),
        retning=MOT,
        forbehold=("De har ikke nødvendigvis sterk forankring i Oslo."),
        kort="mange av utflytterne var født utenfor Oslo",
        tolkning="At så mange ikke var født i Oslo, kan ifølge Tønnessen tilsi at færre av dem kommer tilbake.",
    ),
    Funn(
        navn="familie",
        del_="Ofte uten barn",
        kapittel="kap-fodested",
        funn=(
            "Utflyttingen økte klart blant enslige og blant par uten barn, både til resten av landet og "
            "til utlandet."
        ),
        retning=FOR,
        forbehold=("Hun antar at folk uten barn flytter lettere enn folk med barn."),
        kort="mange var enslige eller par uten barn",
        tolkning="At så mange var enslige eller par uten barn, kan ifølge Tønnessen tilsi at de lettere kan flytte tilbake.",
    ),
    Funn(
        navn="viken",
        del_="Flertallet flyttet til Viken",
        kapittel="kap-destinasjoner",
        funn=(
            "De fleste flyttet ikke langt: omtrent to av tre dro til Viken, fylket rundt Oslo, og de "
            "største strømmene gikk til nabokommunene. Hvor folk flyttet, var omtrent som før pandemien."
        ),
        retning=NOYTRAL,
        forbehold=(
            "Flyttingen til andre fylker økte også, særlig til Vestfold og Telemark, men lite sammenlignet "
            "med økningen til Viken."
        ),
        kort="omtrent to av tre flyttet til Viken",
    ),
    Funn(
        navn="tilbake",
        del_="Kommer de tilbake?",
        kapittel="kap-oppsummering",
        funn=(
            "Noen kjennetegn ved utflytterne taler ifølge Tønnessen for at de flytter tilbake: en del "
            "jobbet i bransjer som ble stengt ned, og mange var uten barn. Likevel kan andre kjennetegn "
            "tale for at få av dem kommer tilbake: de var noe eldre enn vanlig og ofte født utenfor Oslo, og "
            "utflyttingen økte særlig sterkt i yrker som fikk hjemmekontor, noe som kan tilsi at de blir "
            "borte dersom hjemmekontor fortsatt er mulig."
        ),
        retning=MOT,
        forbehold=(
            "Blir hjemmekontor fortsatt mulig og vanlig, binder jobben mange kontoransatte mindre til "
            "ett bosted, og andre forhold enn jobben kan da veie tyngre. Bo- og flyttemotivundersøkelsen, som artikkelen viser til, fant at tre "
            "slike forhold betyr mye ved siden av jobben: familie, bolig og stedets attraktivitet. Også de "
            "tre forholdene kan bidra til at få vender tilbake, så lenge hjemmekontor fortsatt er "
            "mulig og Oslos boligpriser forblir relativt høye. Dessuten kan én flytting trekke flere "
            "etter seg: har noen først etablert seg et annet sted, kan det bli lettere for andre å gjøre "
            "det samme. Og styrer jobben mindre hvor folk bor, kan flyttingen også gå andre veien: "
            "noen som jobber andre steder, kan velge å bo i Oslo."
        ),
        # One line: both sides and the «likevel»; the full weighing, with its conditions, stands
        # only in the summary chapter, which the line points to.
        kort=(
            "ifølge Tønnessen taler noen trekk ved utflytterne for retur. Likevel kan andre trekk "
            "tale for at få kommer tilbake; hvordan hun veier dem, står i oppsummeringen"
        ),
    ),
)

REKKEFOLGE_INNLEDNING = ("alder", "hjemmekontor", "fodested", "familie", "viken", "tilbake")


def funn(navn: str) -> Funn:
    for f in FUNN:
        if f.navn == navn:
            return f
    raise KeyError(f"artikkelen har intet funn {navn!r}; finnes: {', '.join(f.navn for f in FUNN)}")
