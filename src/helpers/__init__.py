"""Shared helpers for the book: data from the SSB snapshot, Norwegian formatting, charts.

Chapters import from here and nothing else, so that every rule (which value to trust,
how a number is written, how a chart looks) lives in one place.

The names are loaded on first use: the build command and the Sphinx extensions live in
this package too, and should not pay for pandas when they never touch data.
"""

import sys
from importlib import import_module

# Altair imports jsonschema, which imports rfc3987-syntax when it is installed (JupyterLab
# brings it): that compiles 39 grammars, about 2 s in every chapter's kernel, for IRI
# format checks that Altair's schema validation never uses. jsonschema skips the
# module on ImportError; the build process does the same (helpers.build).
sys.modules.setdefault("rfc3987_syntax", None)  # type: ignore[arg-type]  # None: "not importable"

_EXPORTS = {
    "load": "helpers.catalog.registry",
    "describe": "helpers.catalog.registry",
    "tall": "helpers.prose.norsk",
    "desimal": "helpers.prose.norsk",
    "prosent": "helpers.prose.norsk",
    "liste": "helpers.prose.norsk",
    "aar_liste": "helpers.prose.norsk",
    "periode": "helpers.prose.norsk",
    "kvartal": "helpers.prose.norsk",
    "dato": "helpers.prose.norsk",
    "retning": "helpers.prose.norsk",
    "stor_forbokstav": "helpers.prose.norsk",
    "Tekst": "helpers.prose.norsk",
    "typografi": "helpers.prose.norsk",
    "struktur": "helpers.prose.norsk",
    "Struktur": "helpers.prose.norsk",
    "Tall": "helpers.prose.norsk",
    "forklar": "helpers.prose.forklaring",
    "kilder": "helpers.prose.kildelinje",
    "kreditt": "helpers.prose.kildelinje",
    "Figur": "helpers.figures.figure",
    "Kilde": "helpers.figures.figure",
    "tidsserier": "helpers.figures.charts",
    "stolper": "helpers.figures.charts",
    "aldersprofil": "helpers.figures.aldersdiagram",
    "tidsserier_med_referanse": "helpers.figures.referansebaand",
    "FLOW_SERIES": "helpers.catalog.registry",
    "SERIES_LABELS": "helpers.vocab",
    "datasets": "helpers.catalog.registry",
    "CITIES": "helpers.catalog.regions",
    "publisher": "helpers.catalog.sources",
    "read_package": "helpers.store.package",
    "read_resource": "helpers.store.package",
    "BOLIGPRISINDEKS_RESSURS": "helpers.catalog.datasets.boligpriser",
    # Whole modules a chapter uses by name (regions.boundary_notes, facts.endring ...).
    "regions": "helpers.catalog.regions",
    "sources": "helpers.catalog.sources",
    "facts": "helpers.analysis.facts",
    "rekord": "helpers.prose.rekord",
    "tilbake": "helpers.prose.tilbake",
    "forside": "helpers.prose.forside",
    "artikkel": "helpers.prose.artikkel",
    "tilgang": "helpers.prose.tilgang",
    "alder": "helpers.prose.alder",
    "hjemmekontor": "helpers.prose.hjemmekontor",
    "utvandring": "helpers.prose.utvandring",
    "fodested": "helpers.prose.fodested",
    "destinasjoner": "helpers.prose.destinasjoner",
}

__all__ = list(_EXPORTS)


def __getattr__(name: str):
    if name in _EXPORTS:
        module = import_module(_EXPORTS[name])
        return module if _EXPORTS[name].rsplit(".", 1)[-1] == name else getattr(module, name)
    raise AttributeError(f"module 'helpers' has no attribute {name!r}")
