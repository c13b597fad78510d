"""Numbers into prose: every figure in a sentence is computed and glued, never typed."""

from __future__ import annotations

from myst_nb import glue as _glue


class Tekst:
    """A string whose plain-text representation has no quotes, for {glue} in prose."""

    def __init__(self, text: str):
        self.text = str(text)

    def __repr__(self) -> str:
        return self.text

    def _repr_pretty_(self, p, cycle) -> None:
        p.text(self.text)


def lim(navn: str, tekst) -> str:
    """Glue `tekst` under `navn` for use as {glue}`navn` in the chapter's Markdown."""
    _glue(navn, Tekst(tekst), display=False)
    return str(tekst)


def lim_alle(verdier: dict) -> None:
    for navn, tekst in verdier.items():
        lim(navn, tekst)
