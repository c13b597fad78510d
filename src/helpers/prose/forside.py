"""The landing page's words that come from files: when the data were last written, and
how to cite the book (from CITATION.cff, so the page and the file never disagree)."""

from __future__ import annotations

from pathlib import Path

import yaml

from helpers.store.paths import repo_root
from helpers.prose.norsk import Tekst, dato, liste
from helpers.store.package import read_package


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


def sitering(cff: Path | None = None) -> Tekst:
    """'Oslo-flytting-prosjektet. Flyttingen …, versjon 0.1.0. https://…', from CITATION.cff
    (plain text: {eval} shows text as it is, without Markdown)."""
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
    return Tekst(f"{authors} ({year}). {meta['title']}, versjon {meta['version']}. {meta['url']}")
