"""The landing page's words that come from files: when the data were last written, and
how to cite the book (from CITATION.cff, so the page and the file never disagree)."""

from __future__ import annotations

from pathlib import Path

import pandas as pd
import yaml

from helpers.analysis import facts
from helpers.prose.norsk import Tekst, dato, liste, tall
from helpers.store.package import read_package
from helpers.store.paths import repo_root


def sist_oppdatert(folder: Path | None = None) -> Tekst:
    """The day the data were last written, as '25. november 2026': the latest entry of the
    change log (helpers.store.endringslogg), or, before any refresh, the package's `created`."""
    from helpers.store.endringslogg import latest

    entry = latest(folder)
    if entry and entry.get("refreshed"):
        return dato(entry["refreshed"])
    created = read_package(folder).get("created")
    if not created:
        raise ValueError("datapackage.json mangler `created`: vet ikke når dataene sist ble skrevet")
    return dato(created)


def datastatus(folder: Path | None = None) -> Tekst:
    """How fresh the numbers are, in the words the change log uses: «de ble samlet inn 25.
    november 2026 og er ikke hentet på nytt siden», or after a refresh «de ble sist hentet
    fra SSB 3. mars 2027»."""
    from helpers.store.endringslogg import latest

    entry = latest(folder)
    if entry and entry.get("refreshed"):
        return Tekst(f"de ble sist hentet fra SSB {dato(entry['refreshed'])}")
    return Tekst(f"de ble samlet inn {sist_oppdatert(folder)} og er ikke hentet på nytt siden")


def innsamlet(folder: Path | None = None) -> Tekst:
    """When the numbers were collected, for a citation: «tallene samlet inn 25. november 2026»,
    or after a refresh «tallene sist hentet fra SSB 3. mars 2027»."""
    from helpers.store.endringslogg import latest

    entry = latest(folder)
    if entry and entry.get("refreshed"):
        return Tekst(f"tallene sist hentet fra SSB {dato(entry['refreshed'])}")
    return Tekst(f"tallene samlet inn {sist_oppdatert(folder)}")


def sitering(cff: Path | None = None, folder: Path | None = None) -> Tekst:
    """How a reader cites the book: author, year, title, address and the day the numbers were
    collected, «Oslo-flytting-prosjektet (2026). Flyttingen …. https://… (tallene samlet inn
    25. november 2026).», from CITATION.cff and the data (plain text: {eval} shows text as it
    is, without Markdown). No version number: that is for the maintainers, not the reader."""
    path = cff or repo_root() / "CITATION.cff"
    try:
        meta = yaml.safe_load(path.read_text(encoding="utf-8"))
    except (OSError, yaml.YAMLError) as exc:
        raise ValueError(f"{path}: kan ikke lese sitatopplysningene ({exc})") from exc
    authors = liste(
        a.get("name") or " ".join(p for p in (a.get("given-names"), a.get("family-names")) if p)
        for a in meta["authors"]
    )
    # A citation without a year is no citation: the edition's date is CITATION.cff's `date-released`.
    if not meta.get("date-released"):
        raise ValueError(f"{path}: mangler `date-released`, så sitatet ville stå uten år")
    year = str(meta["date-released"])[:4]
    return Tekst(f"{authors} ({year}). {meta['title']}. {meta['url']} ({innsamlet(folder)}).")


def rang(verdier: pd.Series, aar: int = 2020) -> Tekst:
    """Where `aar` stands among the years up to itself, as a clause after a comma, for the
    introduction: «flere enn i noe år før, helt tilbake til 2011» (a later year
    may be higher still: chapter 1 says so). A year that was
    not the highest gets chapter 1's plain ranking."""
    from helpers.prose import rekord

    r = facts.rangering(verdier, aar, til_og_med=aar)
    if not r["hoyest"] or r["antall_aar"] == 1:
        return rekord.rang(verdier, aar)
    return Tekst(f"flere enn i noe år før, helt tilbake til {r['fra']}")


def etter(ut: pd.Series, ut_kv: pd.DataFrame | None = None, etter_aar: int = 2020) -> Tekst:
    """The introduction's short lead on the years after `etter_aar`: the peak after `etter_aar`,
    where the latest annual figure lies against the pre-pandemic range and, when all four
    quarters of the newest year are there, where their sum lies. The caveat that SSB's annual
    figure can differ from the sum is left to chapter 7."""
    from helpers.prose.tilbake import _kvartalssum, _periode, _spenn

    ref = facts.referanse(ut)
    e = facts.etter(ut, ref, etter_aar)
    if e["siste"] is None:
        return Tekst(f"Hele år etter {etter_aar} har boka ennå ikke tall for.")
    senere = ut[ut.index > etter_aar]
    topp, siste = int(senere.idxmax()), e["siste"]
    niva = f"nivået fra før pandemien ({_periode(ref)}: {_spenn(ref)})"
    sted = {"over": "over", "innenfor": "innenfor", "under": "under"}[e["siste_plassering"]]
    if senere[topp] > ut[etter_aar]:
        start = f"Etter {etter_aar} steg utflyttingen videre, til {tall(senere[topp])} i {topp}"
    else:
        start = f"Etter {etter_aar} flyttet færre ut enn i {etter_aar}"
    if siste == topp and senere[topp] > ut[etter_aar]:
        tekst = f"{start}, det siste året med årstall for utflyttingen, {sted} {niva}."
    else:
        tekst = f"{start}, og i {siste}, det siste året med årstall for utflyttingen, lå den {sted} {niva}."
    s = _kvartalssum(ut_kv, ut) if ut_kv is not None else None
    if s is not None:
        hvor = (
            "nær kanten av"
            if s["sted"] == "uklart"
            else {"innenfor": "godt innenfor"}.get(s["sted"], s["sted"])
        )
        ogsaa = "også " if s["sted"] == e["siste_plassering"] else ""
        tekst += (
            f" SSBs fire kvartalstall for {s['aar']} gir til sammen {tall(s['sum'])} utflyttinger; "
            f"{ogsaa}den summen ligger, regnet i antall personer, {hvor} det samme nivået."
        )
    return Tekst(tekst)
