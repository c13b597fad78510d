"""{glue} for the chapters not yet written with {eval}: a value glued under a name.

New prose uses {eval}`name` on a variable of the chapter instead (see CONTRIBUTING.md,
"Tall i teksten"); it renders in the book and in JupyterLab alike.
"""

from __future__ import annotations

from myst_nb import glue as _glue

from helpers.prose.norsk import Tekst


def lim(navn: str, tekst) -> str:
    """Glue `tekst` under `navn` for use as {glue}`navn` in the chapter's Markdown."""
    _glue(navn, Tekst(str(tekst)), display=False)
    return str(tekst)


def lim_alle(verdier: dict) -> None:
    for navn, tekst in verdier.items():
        lim(navn, tekst)
