"""The article's findings as the pages show them: one list (`helpers.catalog.artikkel`),
rendered the same way in the introduction, the chapters and the summary."""

from __future__ import annotations

import re

from helpers.catalog.artikkel import FOR, FUNN, MOT, REKKEFOLGE_INNLEDNING, Funn, funn
from helpers.prose.norsk import Tekst, stor_forbokstav

RETNING_KORT = {
    MOT: " – kan ifølge artikkelen tale mot retur",
    FOR: " – kan ifølge artikkelen tale for retur",
}


class Markdown(Tekst):
    """Text that {eval} and a cell's output render as MyST Markdown (links, references)."""

    def _repr_markdown_(self) -> str:
        return str.__str__(self)

    def __repr__(self) -> str:
        """As plain text, what a reader sees: links and references as their words."""
        tekst = re.sub(r"\[([^\]]*)\]\([^)]*\)", r"\1", str.__str__(self))
        return re.sub(r"\{ref\}`(?:([^<`]*?) <[^>`]*>|[^`]*)`", lambda m: (m.group(1) or "").strip(), tekst)

    def _repr_pretty_(self, p, cycle) -> None:
        p.text(repr(self))


def _lenke(f: Funn) -> str:
    return f"{{ref}}`{f.kapittel}`"


def _punkt(f: Funn) -> str:
    """A finding in full: what the article found, its caveat, and what it means for return."""
    overskrift = f.del_ if f.del_.endswith("?") else f"{f.del_}."
    tekst = f"**{overskrift}** {f.funn}"
    if f.tolkning:
        tekst += f" {f.tolkning}"
    if f.forbehold:
        tekst += f" {f.forbehold}"
    # The summary lists the findings; its own entry needs no link to itself.
    return f"- {tekst}" if f.kapittel == "kap-oppsummering" else f"- {tekst} ({_lenke(f)})"


def _kort(f: Funn) -> str:
    """A finding in a line: the short form, what it means for return, and the chapter."""
    retning = "" if f.navn == "tilbake" else RETNING_KORT.get(f.retning, "")
    if retning and f.vilkar:
        retning += f", {f.vilkar}"
    return f"- {stor_forbokstav(f.kort)}{retning} ({_lenke(f)})."


def liste(navn: tuple[str, ...] | None = None) -> Markdown:
    """The findings named (all, in the article's order, by default) in full, as a Markdown list."""
    valgt = [funn(n) for n in navn] if navn else list(FUNN)
    return Markdown("\n".join(_punkt(f) for f in valgt))


def innledning() -> Markdown:
    """The introduction's list: the findings about who left and where, then the article's
    leaning, a line each."""
    return Markdown("\n".join(_kort(funn(n)) for n in REKKEFOLGE_INNLEDNING))


def oppsummering() -> Markdown:
    """The summary's short account: what happened, then the article's weighing of return, its
    reasons for and against and its conditions, drawn from the list's own entries."""
    valgt = [funn(n) for n in ("rekord", "hjemmekontor", "viken", "utvandring")]
    deler = [f"{f.kort} ({_lenke(f)})" for f in valgt]
    hva = f"Kort fortalt fant artikkelen at {', at '.join(deler[:-1])}, og at {deler[-1]}."
    t = funn("tilbake")
    return Markdown(f"{hva}\n\n{t.funn} {t.forbehold}")


def fant(navn: str) -> Tekst:
    """A chapter's «artikkelen fant» passage: the finding, what it means for return, and the
    article's own reason or caveat."""
    f = funn(navn)
    return Tekst(" ".join(t for t in (f.funn, f.tolkning, f.forbehold) if t))


def bare_funn(navn: str) -> Tekst:
    return Tekst(funn(navn).funn)


def forbehold(navn: str) -> Tekst:
    return Tekst(funn(navn).forbehold)


def tolkning(navn: str) -> Tekst:
    """What the article reads from a finding about return, with its reason or caveat."""
    f = funn(navn)
    return Tekst(" ".join(t for t in (f.tolkning, f.forbehold) if t))
