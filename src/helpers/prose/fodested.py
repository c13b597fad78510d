"""Chapter 5 (Fødested og familie): sentences whose structure depends on the data."""

from __future__ import annotations

import pandas as pd

from helpers.prose.norsk import Tekst, aar_liste, prosent, tall

# SSB's category names as the reader says them in running text.
KATEGORI_I_TEKST = {
    "Innvandrere": "innvandrere",
    "Norskfødte med innvandrerforeldre": "norskfødte med innvandrerforeldre",
    "Befolkningen ellers": "resten av befolkningen",
}


def opp_ned(endring: float) -> Tekst:
    """'gikk ned med 500' / 'gikk opp med 900' for a change in a count."""
    if endring == 0:
        return Tekst("var uendret")
    return Tekst(f"gikk {'ned' if endring < 0 else 'opp'} med {tall(abs(endring))}")


def netto_funn(netto: pd.DataFrame) -> Tekst:
    """Net domestic moves by immigrant category (SSB 07210): the newest year against the one before."""
    aar = sorted(int(a) for a in netto["aar"].unique())
    siste, forrige = aar[-1], (aar[-2] if len(aar) > 1 else None)
    deler = []
    for kategori, navn in KATEGORI_I_TEKST.items():
        v = netto[netto["kategori"] == kategori].set_index("aar")["verdi"]
        if siste not in v.index or pd.isna(v[siste]):
            continue
        tekst = f"for {navn} {tall(v[siste])}"
        if forrige in v.index and pd.notna(v[forrige]):
            tekst += f" ({forrige}: {tall(v[forrige])})"
        deler.append(tekst)
    if not deler:
        return Tekst("")
    return Tekst(
        f"I {siste} var Oslos nettoflytting til resten av landet {'; '.join(deler)}. Et nettotall skiller "
        "ikke utflytting fra innflytting, så det viser ikke direkte hvem som flyttet ut."
    )


def naermeste_2013(andel_utflytting: float, andel_utvandring: float) -> Tekst:
    """The 2013 moves by immigrants, the only such year we have."""
    return Tekst(
        "Det nærmeste vi har, er "
        f"2013: det året sto innvandrere for {prosent(andel_utflytting)} av utflyttingen fra Oslo til "
        f"resten av Norge og {prosent(andel_utvandring)} av utvandringen."
    )


def par(antall: dict[int, dict[str, float]], uten: str, med: str) -> Tekst:
    """Couples without children against couples with children in Oslo, every year we have."""
    aar = sorted(antall)
    sist = aar[-1]
    flere = [a for a in aar if antall[a][uten] > antall[a][med]]
    # The household type is not the article's family type: said once, with the numbers.
    ikke_samme = (
        " Heller ikke par uten hjemmeboende barn er det samme som Tønnessens par uten barn: "
        "det er en type husholdning, ikke en familietype."
    )
    tall_sist = f"I {sist} var det {tall(antall[sist][uten])} par uten hjemmeboende barn og {tall(antall[sist][med])} par med barn."
    if len(flere) == len(aar):
        hvor = "i begge årene vi har tall for" if len(aar) == 2 else "i alle årene vi har tall for"
        if len(aar) == 1:
            hvor = f"i {sist}"
        return Tekst(
            f"Oslo hadde dessuten flere par uten hjemmeboende barn enn par med barn {hvor}. {tall_sist}{ikke_samme}"
        )
    if not flere:
        return Tekst(f"Oslo hadde færre par uten hjemmeboende barn enn par med barn. {tall_sist}{ikke_samme}")
    return Tekst(tall_sist + ikke_samme)


def figurtekst_netto(aar: list[int]) -> Tekst:
    return Tekst(
        f"Oslos innenlandske nettoflytting etter innvandringskategori, {aar_liste(aar)}. "
        "Innflytting minus utflytting, antall personer."
    )


def figurtekst_2013() -> Tekst:
    """The stand-in's caption: what it shows, plainly (the text says it is another year than
    the article's)."""
    return Tekst("Oslos flyttinger i 2013 for innvandrere og for befolkningen ellers. Antall personer.")


def tittel_netto(netto: pd.DataFrame) -> Tekst:
    """The title of the net-migration figure: the category Oslo lost most of in the newest
    year, or that it gained in every category."""
    siste = int(netto["aar"].max())
    v = netto[netto["aar"] == siste].dropna(subset=["verdi"]).set_index("kategori")["verdi"]
    v = v[[k for k in KATEGORI_I_TEKST if k in v.index]]
    if v.empty:
        return Tekst(f"Nettoflytting etter innvandringskategori, {siste}")
    if (v < 0).any():
        return Tekst(f"I {siste} var Oslos flyttetap innenlands størst blant {KATEGORI_I_TEKST[v.idxmin()]}")
    return Tekst(f"I {siste} fikk Oslo flere inn enn ut i alle kategoriene")


def tittel_2013(andel_utflytting: float) -> Tekst:
    """The stand-in's title: what 2013 shows (the share of the moves to the rest of Norway,
    not of emigration too), at the text's precision (`naermeste_2013`)."""
    return Tekst(
        f"I 2013 sto innvandrere for {prosent(andel_utflytting)} av utflyttingen fra Oslo til resten av Norge"
    )


def tittel_par(antall: dict[int, dict[str, float]], uten: str, med: str) -> Tekst:
    """The households figure's title: couples without children against couples with, in
    the newest year."""
    sist = max(antall)
    a, b = antall[sist][uten], antall[sist][med]
    if a == b:
        return Tekst(f"Oslo hadde like mange par uten hjemmeboende barn som par med barn i {sist}")
    return Tekst(
        f"Oslo hadde {'flere' if a > b else 'færre'} par uten hjemmeboende barn enn par med barn i {sist}"
    )


def merknad_avrundet(rader: pd.DataFrame) -> Tekst:
    """The households figure's note on precision, from the rows' notes: the years the source
    rounds («om lag», «drøye») against the years it gives exactly. Empty when no year is
    rounded. `rader`: aar, merknad."""
    avrundet = rader["merknad"].fillna("").str.contains("avrund", case=False)
    runde = sorted({int(a) for a in rader.loc[avrundet, "aar"]})
    if not runde:
        return Tekst("")
    eksakte = sorted({int(a) for a in rader["aar"]} - set(runde))
    tekst = f"Tallene for {aar_liste(runde)} er avrundet i kilden"
    if eksakte:
        tekst += f", tallene for {aar_liste(eksakte)} er eksakte"
    return Tekst(f"{tekst}.")
