"""Chapter 6 (Hvor flyttet de?): sentences whose structure depends on which data exist."""

from __future__ import annotations

import pandas as pd

from helpers.analysis import facts
from helpers.catalog import regions
from helpers.prose.norsk import Tekst, aar_liste, liste, prosent, tall

ARTIKKELENS_KOMMUNER = ["Bærum", "Lillestrøm", "Lørenskog", "Asker", "Nordre Follo"]
TALLORD = {
    1: "ett",
    2: "to",
    3: "tre",
    4: "fire",
    5: "fem",
    6: "seks",
    7: "sju",
    8: "åtte",
    9: "ni",
    10: "ti",
}


def netto_tap(netto: pd.Series) -> Tekst:
    """Which county lost most in net domestic moves, and where Oslo stood."""
    ytter = facts.storst_og_minst(netto)
    if ytter["minst"] == ["Oslo"]:
        return Tekst(f"Oslo hadde det største tapet av alle fylkene, {tall(abs(netto['Oslo']))} personer.")
    retning = "et nettotap" if netto["Oslo"] < 0 else "en nettogevinst"
    return Tekst(
        f"{liste(ytter['minst'])} hadde det største tapet, {tall(abs(ytter['min']))} personer, og Oslo hadde "
        f"{retning} på {tall(abs(netto['Oslo']))} personer."
    )


def andre_med_gevinst(netto: pd.Series) -> Tekst:
    """The other counties with more in than out, by name (the figure gives their numbers)."""
    ytter = facts.storst_og_minst(netto)
    andre = netto[netto > 0].drop(ytter["storst"], errors="ignore").sort_values(ascending=False)
    if andre.empty:
        return Tekst("Ingen andre fylker fikk flere inn enn de mistet.")
    if len(andre) == 1:
        return Tekst(f"Også ett annet fylke fikk flere inn enn det mistet: {andre.index[0]}.")
    antall = TALLORD.get(len(andre), str(len(andre)))
    return Tekst(f"Også {antall} andre fylker fikk flere inn enn de mistet: {liste(andre.index)}.")


def fylker_funn(aar_2020: pd.DataFrame) -> Tekst:
    """Moves from Oslo by county in 2020 (SSB 13864): Viken's share and rank."""
    if "30" not in set(aar_2020["fylke_kode"]) or not aar_2020["verdi"].notna().all():
        return Tekst(
            "Tallene for 2020 mangler for Viken eller et annet fylke, så Vikens andel kan ikke regnes ut."
        )
    viken = aar_2020.loc[aar_2020["fylke_kode"] == "30", "verdi"].iloc[0]
    rang = facts.plass(aar_2020.set_index("til_navn")["verdi"], "Viken")
    plass = "flest av alle fylkene" if rang == 1 else f"nummer {rang} blant fylkene"
    andel = prosent(facts.andel(viken, aar_2020["verdi"].sum()))
    return Tekst(f"I 2020 gikk {andel} av flyttingene fra Oslo til andre fylker til Viken, {plass}.")


def kommuner_funn(kommuner: pd.DataFrame, siste: int) -> Tekst:
    """The five most common destination municipalities in `siste`, against the article's five
    and against the year before (by name: the 2020 reform gave merged municipalities new numbers)."""
    fem = list(kommuner[kommuner["aar"] == siste].dropna(subset=["verdi"]).nlargest(5, "verdi")["til_navn"])
    felles = [k for k in fem if any(k.startswith(a) for a in ARTIKKELENS_KOMMUNER)]
    tekst = f"De fem vanligste tilflyttingskommunene i {siste} var {liste(fem)}. "
    if len(felles) == len(ARTIKKELENS_KOMMUNER):
        tekst += "Det er de samme fem som Tønnessen (2021) nevner."
    elif felles:
        tekst += f"{str(TALLORD.get(len(felles), len(felles))).capitalize()} av dem er blant de fem Tønnessen (2021) nevner."
    else:
        tekst += "Ingen av dem er blant de fem Tønnessen (2021) nevner."
    fjor = kommuner[kommuner["aar"] == siste - 1].dropna(subset=["verdi"]).nlargest(5, "verdi")
    if len(fjor):
        like = len(set(fjor["til_navn"]) & set(fem))
        tekst += (
            f" {str(TALLORD.get(like, like)).capitalize() if like else 'Ingen'} av de fem var også blant de fem vanligste "
            f"i {siste - 1}, målt ved navn (kommuner som ble slått sammen i 2020, fikk nye navn)."
        )
    return Tekst(tekst)


def flere_faerre(a: float, b: float, langt: float = 2.0) -> Tekst:
    """'flere' or 'færre' for a against b, 'langt flere' when a is at least `langt` times b."""
    if a > b:
        return Tekst("langt flere" if 0 < b and a >= langt * b else "flere")
    return Tekst("færre" if a < b else "like mange")


def figurtekst_fylker(aar) -> Tekst:
    return Tekst(
        f"Flyttinger fra Oslo til andre fylker, {aar_liste(aar)}, med fylkesinndelingen SSB bruker for hvert år."
    )


def figurtekst_fylker_netto() -> Tekst:
    """The stand-in's caption: what it shows, plainly (the text says it is not the moves from Oslo)."""
    return Tekst("Netto innenlandsk flytting per fylke i 2020, alle flyttinger mellom fylkene.")


def gap_fylker() -> Tekst:
    """What is missing for the county figure, said once in the reader's terms."""
    return Tekst(
        "Figuren viser derfor nettoflyttingen for hvert fylke i 2020: innflyttingen fra resten av landet "
        "minus utflyttingen dit."
    )


def figurtekst_kommuner(antall: int, aar: int, med_forrige: bool) -> Tekst:
    return Tekst(
        f"De {antall} kommunene flest flyttet til fra Oslo i {aar}"
        + (", med året før til sammenligning." if med_forrige else ".")
    )


def gap_kommuner() -> Tekst:
    return Tekst(
        "Fordi tallene per kommune ikke er med, som nevnt over, kan vi ikke etterprøve hvilke kommuner "
        "utflytterne dro til."
    )


def fylkesinndeling(koder, viken_deler: bool = True) -> Tekst:
    """Which county division a set of codes follows, for a caption. For 2020–2023 it names
    only what a name does not say (Viken's three parts): a list of «the merged counties»
    that leaves out Innlandet, Agder, Vestland and Trøndelag, also merged, would mislead.
    `viken_deler=False` where the page's text already says what Viken was (once per chapter)."""
    tekst = regions.county_division(koder)
    if not tekst.startswith("fylkesinndelingen 2020–2023"):
        return Tekst(tekst)
    if not viken_deler:
        return Tekst("fylkesinndelingen 2020–2023")
    koder = {str(k) for k in koder}
    deler = [
        f"{navn} omfattet {omfang}"
        for kode, (navn, _fra, _til, omfang) in regions.COUNTY_PERIODS.items()
        if kode in koder and omfang != navn
    ]
    return Tekst("fylkesinndelingen 2020–2023" + (f", da {liste(deler)}" if deler else ""))


def tittel_storst(verdier: pd.Series, aar: int) -> Tekst:
    """A destination figure's title: where most went from Oslo, ties named together."""
    verdier = verdier.dropna()
    topp = list(verdier[verdier == verdier.max()].index)
    return Tekst(f"Flest flyttet fra Oslo til {liste(topp)} i {aar}")


def tittel_fylker_netto(netto: pd.Series, aar: int = 2020) -> Tekst:
    """The stand-in's title: which county gained most in net domestic moves."""
    ytter = facts.storst_og_minst(netto)
    return Tekst(f"{liste(ytter['storst'])} fikk størst gevinst i flytting innenlands i {aar}")
