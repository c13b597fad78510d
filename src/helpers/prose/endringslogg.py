"""The change log in words: what one refresh changed, for readers (the «Endringslogg» page and
its Atom feed) and for the reviewer (the data pull request).

Everything here works on the change records of `helpers.store.endringslogg` as plain dicts:
values keyed by what they are, and the rendered texts of the book before and after. The
words of a value come from its key (series, region, period); numbers are formatted by
`tall`, with non-breaking spaces. A text change «flips» when a comparative word changed
(«flere» → «færre») or when it is a headline: a person must read it before merging.
"""

from __future__ import annotations

import re
from collections.abc import Callable

from helpers.prose.norsk import Tekst, dato, kvartal, liste, stor_forbokstav, tall
from helpers.prose.ordforskjell import merk
from helpers.vocab import SERIES_LABELS

# Kinds of rendered text; a change to a headline always asks for a reader.
SORTER = {
    "setning": "setningen",
    "figurtittel": "figurteksten",
    "overskrift": "overskriften i figuren",
    "tittel": "tittelen",
}
VIS = 12  # values listed per refresh on the page; the rest are counted


# -- values in words ---------------------------------------------------------------------------------


def _tall(text: str | None) -> str:
    if text is None or str(text).strip() == "":
        return "mangler"
    try:
        number = float(str(text).replace(",", "."))
    except ValueError:
        return str(text)
    return tall(number, 0 if number == int(number) else 1)


def _periode(code: str) -> str:
    m = re.fullmatch(r"(\d{4})K([1-4])", code)
    if m:
        return kvartal(int(m.group(1)), int(m.group(2)))
    m = re.fullmatch(r"(\d{4})M(\d{2})", code)
    if m:
        from helpers.prose.norsk import MAANEDER

        return f"{MAANEDER[int(m.group(2)) - 1]} {m.group(1)}"
    return code


def hva(key: dict, hele_aar: bool = False) -> str:
    """What a value is, in words: «Utflytting til resten av Norge for Oslo i 2024».

    `hele_aar`: the table counts from 1 January, so its 4th quarter is the whole year."""
    series = key.get("series") or ""
    what = SERIES_LABELS.get(series) or key.get("ContentsCode_label") or series.replace("_", " ") or "Verdien"
    where = key.get("region_name") or key.get("Region_label") or key.get("region") or key.get("city") or ""
    when = key.get("period") or key.get("Tid_label") or key.get("Tid") or key.get("year") or ""
    extra = [
        f"{v}" for k, v in key.items()
        if k.endswith("_label") and k not in ("ContentsCode_label", "Region_label", "Tid_label") and v
    ]  # fmt: skip
    text: str = stor_forbokstav(what)
    if extra:
        text += f" ({', '.join(extra)})"
    if where:
        text += f" for {where}"
    if when:
        when = str(when)
        if hele_aar and re.fullmatch(r"\d{4}K4", when):
            when = when[:4]
        text += f" i {_periode(when)}"
    return text


def _verdi(values: dict | None) -> str:
    values = values or {}
    for name in ("value", "persons", "verdi"):
        if name in values:
            return _tall(values[name])
    return ", ".join(map(str, values.values()))


def verdi_setning(v: dict, hele_aar: bool = False) -> Tekst:
    """«Utflytting til resten av Norge for Oslo i 2024 ble rettet fra 41 210 til 41 305.»"""
    what = hva(v["key"], hele_aar)
    if v["change"] == "endret":
        return Tekst(f"{what} ble rettet fra {_verdi(v['before'])} til {_verdi(v['after'])}.")
    if v["change"] == "ny":
        return Tekst(f"{what} er nytt: {_verdi(v['after'])}.")
    return Tekst(f"{what} ble fjernet (var {_verdi(v['before'])}).")


def _hele_aar(record: dict) -> set[str]:
    return {t.get("resource") for t in record.get("tables") or [] if t.get("year_to_date")}


def _antall(n: int, en: str, flere: str, ett: str = "") -> str:
    """«3 tall», «1 240 tall»; one is a word when `ett` gives it («ett tall», «én side»)."""
    if n == 1 and ett:
        return f"{ett} {en}"
    return f"{tall(n)} {en if n == 1 else flere}"


def tittel(record: dict) -> Tekst:
    return Tekst(f"Dataene oppdatert {dato(record['refreshed'])}")


def anker(record: dict) -> str:
    return "endring-" + re.sub(r"[^0-9]", "", record["refreshed"])[:14]


def tekst_setning(t: dict, side: str) -> str:
    """«Setningen «…» i kapitlet «Kom de tilbake?» endret seg til «…».», changed words marked.

    `side` is the page's title or a link to it."""
    sort = SORTER.get(t["kind"], "teksten")
    side = f"i kapitlet {side}" if str(t.get("page", "")).startswith("notebooks/") else f"på siden {side}"
    if not t.get("before"):
        return f"Ny tekst {side}: «{t['after']}»."
    if not t.get("after"):
        return f"{stor_forbokstav(sort)} «{t['before']}» {side} er borte."
    før, etter = merk(t["before"], t["after"])
    return f"{stor_forbokstav(sort)} «{før}» {side} endret seg til «{etter}»."


def sammendrag(record: dict) -> str:
    """One plain sentence or two: how many values changed, and how much of the text."""
    values = record.get("values") or []
    changed = sum(v["change"] == "endret" for v in values)
    new = sum(v["change"] == "ny" for v in values)
    gone = sum(v["change"] == "fjernet" for v in values)
    parts = []
    if changed:
        parts.append(_antall(changed, "tall ble rettet", "tall ble rettet", "ett"))
    if new:
        parts.append(_antall(new, "nytt tall kom til", "nye tall kom til", "ett"))
    if gone:
        parts.append(_antall(gone, "tall ble fjernet", "tall ble fjernet", "ett"))
    out = f"{stor_forbokstav(liste(parts))}." if parts else "Ingen tall ble endret."
    texts = record.get("texts")
    if texts is None:
        out += " Teksten er ikke sammenlignet ennå (boka er ikke bygget med de nye dataene)."
    elif texts:
        pages = {t["page"] for t in texts}
        n = _antall(
            len(texts),
            "setning, figurtekst eller overskrift",
            "setninger, figurtekster og overskrifter",
            "én",
        )
        out += f" {stor_forbokstav(n)} endret seg, på {_antall(len(pages), 'side', 'sider', 'én')}."
    else:
        out += " Ingen setning, figurtekst eller overskrift endret seg."
    return out


def oppføring(record: dict, lenke: Callable[[str, str], str]) -> str:
    """One refresh as MyST Markdown: the texts first, then the values. `lenke(page, title)`
    gives the link to a changed page (or its plain title when the page is gone)."""
    lines = [f"({anker(record)})=", f"## {tittel(record)}", "", sammendrag(record), ""]
    texts = record.get("texts") or []
    if texts:
        lines += ["Dette endret seg i teksten:", ""]
        for t in texts:
            side = lenke(t["page"], t.get("page_title") or t["page"])
            lines.append(f"- {tekst_setning(t, side)}")
        lines.append("")
    values = [v for v in record.get("values") or [] if v["change"] == "endret"]
    others = [v for v in record.get("values") or [] if v["change"] != "endret"]
    if values:
        lines += ["Tallene som ble rettet:", ""]
        lines += [f"- {verdi_setning(v, v['resource'] in _hele_aar(record))}" for v in values[:VIS]]
        if len(values) > VIS:
            lines.append(f"- … og {_antall(len(values) - VIS, 'tall', 'tall')} til.")
        lines.append("")
    if others:
        by_table: dict[str, list[dict]] = {}
        for v in others:
            by_table.setdefault(v["resource"], []).append(v)
        titles = {t.get("resource"): t for t in record.get("tables") or []}
        lines += ["Tall som kom til eller falt bort:", ""]
        for resource, vs in by_table.items():
            t = titles.get(resource) or {}
            name = f"SSB-tabell {t['table']} ({t.get('title', '')})" if t.get("table") else resource
            new = sum(v["change"] == "ny" for v in vs)
            gone = len(vs) - new
            words = liste(
                ([_antall(new, "nytt tall", "nye tall")] if new else [])
                + ([_antall(gone, "tall fjernet", "tall fjernet")] if gone else [])
            )
            lines.append(f"- {name}: {words}.")
        lines.append("")
    updated = [t for t in record.get("tables") or [] if t.get("updated")]
    if updated:
        lines.append(
            "Tabellene ble sist oppdatert hos SSB: "
            + "; ".join(f"{t['table']} {dato(t['updated'])}" for t in updated)
            + "."
        )
        lines.append("")
    return "\n".join(lines)


INNLEDNING = (
    "Når tallene hentes på nytt fra SSB, følger teksten dem. Her står hva hver slik oppdatering "
    "endret, den nyeste først: hvilke tall som ble rettet, og hvilke setninger, figurtekster og "
    "overskrifter som endret seg, med lenke til siden."
)


def ingen(samlet: str = "") -> str:
    """One true sentence when no refresh is recorded: no number has changed since the day the
    numbers were collected (`samlet`, the snapshot's date, the same the front page and every
    footer give)."""
    if samlet:
        return f"Ingen tall i boka er endret siden de ble samlet inn {samlet}."
    return "Ingen tall i boka er endret siden de ble samlet inn."


def side(records: list[dict], lenke: Callable[[str, str], str], samlet: str = "") -> str:
    """The page's entries, newest first, after a paragraph saying what they are; or, when there
    are none, only the one true sentence (`samlet`: the day the snapshot's numbers were
    collected, in words), not an explanation of entries the page does not have."""
    if not records:
        return ingen(samlet) + "\n"
    ordered = sorted(records, key=lambda r: r["refreshed"], reverse=True)
    return INNLEDNING + "\n\n" + "\n".join(oppføring(r, lenke) for r in ordered)


def krever_lesing(record: dict) -> list[dict]:
    """The text changes a person must read before merging: flipped comparisons and headlines."""
    return [t for t in record.get("texts") or [] if t.get("flip")]


def pull_request(record: dict | None, book: str | None = None) -> str:
    """The data pull request's body: changed sentences and headlines first, values after."""
    out = ["## Oppdaterte data fra SSB", ""]
    if record is None:
        return "\n".join(out + ["Ingen verdier er endret; endringsloggen har ingen ny oppføring.", ""])
    flips = krever_lesing(record)
    if flips:
        out += [
            "> [!WARNING]",
            "> **Må leses før sammenslåing:** en sammenligning eller en overskrift snudde med de nye "
            "dataene. Les setningene under, og kryss av når de stemmer.",
            "",
            "- [ ] Jeg har lest de endrede setningene og overskriftene, og de stemmer med tallene.",
            "",
            "<!-- endringslogg: krever-lesing -->",
            "",
        ]
    out += [sammendrag(record), ""]
    if book:
        out += [f"`make book` med de nye dataene: **{book}**.", ""]
    texts = record.get("texts") or []
    out += ["### Endrede setninger og overskrifter", ""]
    if not texts:
        out += [
            "Ingen." if record.get("texts") is not None else "Ikke sammenlignet (boka ble ikke bygget).",
            "",
        ]
    for t in texts:
        før, etter = merk(t.get("before") or "", t.get("after") or "")
        flag = " ⚠️ **snur**" if t.get("flip") else ""
        out += [
            f"- `{t['page']}` ({SORTER.get(t['kind'], t['kind'])}){flag}",
            f"  - før: {før or '–'}",
            f"  - etter: {etter or '–'}",
        ]
    out += ["", "### Endrede verdier", ""]
    values = record.get("values") or []
    for v in values[:50]:
        out.append(f"- `{v['resource']}`: {verdi_setning(v, v['resource'] in _hele_aar(record))}")
    if len(values) > 50:
        out.append(
            f"- … og {len(values) - 50} til (alle står i `data/endringslogg/{record.get('_file', '')}`)."
        )
    tables = [t for t in record.get("tables") or [] if t.get("updated")]
    if tables:
        out += ["", "### Oppdatert hos SSB", ""]
        out += [f"- {t['table']} ({t.get('title', '')}): {t['updated']}" for t in tables]
    return "\n".join(out) + "\n"
