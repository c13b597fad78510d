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
    "tall": "helpers.norsk",
    "desimal": "helpers.norsk",
    "prosent": "helpers.norsk",
    "liste": "helpers.norsk",
    "aar_liste": "helpers.norsk",
    "Figur": "helpers.figures.figure",
    "Kilde": "helpers.figures.figure",
    "ssb_tabell": "helpers.figures.figure",
    "kilder_fra": "helpers.figures.figure",
    "tidsserier": "helpers.figures.charts",
    "stolper": "helpers.figures.charts",
    "aldersprofil": "helpers.figures.charts",
    "tidsserier_med_referanse": "helpers.figures.charts",
}

__all__ = list(_EXPORTS)


def __getattr__(name: str):
    if name in _EXPORTS:
        return getattr(import_module(_EXPORTS[name]), name)
    raise AttributeError(f"module 'helpers' has no attribute {name!r}")
