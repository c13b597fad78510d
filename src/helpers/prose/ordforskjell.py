"""Which words a changed sentence changed, and whether the change flips its claim: a
comparative or directional word changed («flere» → «færre»), or a headline changed, so a
person must read it before merging.
"""

from __future__ import annotations

import difflib
import re
from collections.abc import Callable

# Words that carry a comparison or a direction: a change of one of them changes the claim.
SAMMENLIGNINGSORD = {
    "flere", "færre", "mer", "mindre", "større", "minst", "størst", "største", "minste",
    "høyere", "lavere", "høyest", "lavest", "høyeste", "laveste", "over", "under",
    "økte", "økning", "falt", "fall", "sank", "nedgang", "oppgang", "steg", "uendret",
    "rekord", "rekordhøy", "rekordlav", "opp", "ned", "flest", "færrest", "mest", "positiv", "negativ", "overskudd", "underskudd", "tilbake", "ikke", "aldri",
}  # fmt: skip


OVERSKRIFTER = {"overskrift", "tittel"}


_ORD = re.compile(r"[ \t\n]+")  # not NBSP: «41 210» stays one word


def _ord(tekst: str) -> list[str]:
    return [w for w in _ORD.split(tekst or "") if w]


def ordforskjell(før: str, etter: str) -> tuple[list[tuple[str, bool]], list[tuple[str, bool]]]:
    """Both texts as words, each marked True where it differs from the other text."""
    a, b = _ord(før), _ord(etter)
    left, right = [], []
    for op, i1, i2, j1, j2 in difflib.SequenceMatcher(a=a, b=b, autojunk=False).get_opcodes():
        left += [(w, op != "equal") for w in a[i1:i2]]
        right += [(w, op != "equal") for w in b[j1:j2]]
    return left, right


def merk(før: str, etter: str, merke: Callable[[str], str] = lambda w: f"**{w}**") -> tuple[str, str]:
    """Both texts with the changed words marked (Markdown bold by default)."""
    left, right = ordforskjell(før, etter)

    def marked(w: str) -> str:
        core = w.rstrip(".,;:!?»)")  # the word, not its comma
        punct = w[len(core) :]
        return f"{merke(core)}{punct}" if core else w

    join = lambda words: " ".join(marked(w) if changed else w for w, changed in words)  # noqa: E731
    return join(left), join(right)


def _bare(w: str) -> str:
    return re.sub(r"[^\wæøå]", "", w.lower())


def endrede_ord(før: str, etter: str) -> tuple[list[str], list[str]]:
    left, right = ordforskjell(før, etter)
    return [w for w, c in left if c], [w for w, c in right if c]


def snur(før: str, etter: str, sort: str) -> bool:
    """Whether a text change asks for a reader: a headline changed, or a comparative word did."""
    if (før or "") == (etter or ""):
        return False
    if sort in OVERSKRIFTER:
        return True
    gone, new = endrede_ord(før, etter)
    return any(_bare(w) in SAMMENLIGNINGSORD for w in gone + new)
