"""Shared helpers for the book: data from the SSB snapshot, Norwegian formatting, charts.

Chapters import from here and nothing else, so that every rule (which value to trust,
how a number is written, how a chart looks) lives in one place.

The names are loaded on first use: the build command and the Sphinx extensions live in
this package too, and should not pay for pandas when they never touch data.
"""

from importlib import import_module

_EXPORTS = {
    "load": "helpers.registry",
    "describe": "helpers.registry",
    "tall": "helpers.prose.norsk",
    "desimal": "helpers.prose.norsk",
    "prosent": "helpers.prose.norsk",
    "liste": "helpers.prose.norsk",
    "aar_liste": "helpers.prose.norsk",
    "periode": "helpers.prose.norsk",
    "kvartal": "helpers.prose.norsk",
    "dato": "helpers.prose.norsk",
    "stor_forbokstav": "helpers.prose.norsk",
    "Tekst": "helpers.prose.norsk",
    "retning": "helpers.prose.norsk",
    "kilder": "helpers.prose.kilder",
    "kreditt": "helpers.prose.kilder",
    "lim": "helpers.prose.glue",
    "lim_alle": "helpers.prose.glue",
}
# Modules a chapter uses as a namespace (`facts.endring(...)`).
_MODULES = {
    "facts": "helpers.analysis.facts",
    "tilbake": "helpers.prose.tilbake",
    "rekord": "helpers.prose.rekord",
    "forside": "helpers.prose.forside",
    "alder": "helpers.prose.alder",
    "hjemmekontor": "helpers.prose.hjemmekontor",
    "utvandring": "helpers.prose.utvandring",
    "fodested": "helpers.prose.fodested",
    "destinasjoner": "helpers.prose.destinasjoner",
}

__all__ = [*_EXPORTS, *_MODULES]


def __getattr__(name: str):
    if name in _MODULES:
        return import_module(_MODULES[name])
    if name in _EXPORTS:
        return getattr(import_module(_EXPORTS[name]), name)
    raise AttributeError(f"module 'helpers' has no attribute {name!r}")
