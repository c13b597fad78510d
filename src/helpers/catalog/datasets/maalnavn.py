"""Measure names in the transcribed published values (`destinations_and_context`): the
period and rounding sit in a suffix (`_k1`, `_k1-k3`, `_ca`, `_avrundet`), split into
columns once here, so a chapter never parses a measure name and never mistakes a rounded
news figure or a quarter for an exact annual count."""

from __future__ import annotations

import re

from helpers.vocab import SERIES_LABELS

PERIODER = {
    "k1": "1. kvartal",
    "k2": "2. kvartal",
    "k3": "3. kvartal",
    "k4": "4. kvartal",
    "k1-k3": "1.–3. kvartal",
}


_SUFFIX = re.compile(r"^(?P<maal>.+?)(?:_(?P<periode>k1-k3|k[1-4]))?(?:_(?P<avrundet>ca|avrundet))?$")


# The series the book names everywhere keep their one label (helpers.vocab); the rest are
# measures only this dataset has.
OSLO_MAAL = {
    **SERIES_LABELS,
    "innflytting_total": "Innflytting i alt (innenlands og fra utlandet)",
    "utflytting_total": "Utflytting i alt (innenlands og til utlandet)",
    # Some news items say only "flyttet ut"/"forlot byen" without saying whether moves
    # abroad are counted; they keep their own name so they are never taken for domestic.
    "utflytting": "Utflytting (kilden presiserer ikke innenlands)",
    "innflytting": "Innflytting (kilden presiserer ikke innenlands)",
    "befolkningsvekst": "Befolkningsvekst",
}


def split_measure(measure: str) -> tuple[str, str, bool]:
    """'utflytting_innenlandsk_k1_ca' -> ('utflytting_innenlands', '1. kvartal', True)."""
    m = _SUFFIX.match(measure)
    if m is None:
        raise ValueError(f"ukjent måltall: {measure!r}")
    maal = m["maal"].replace("innenlandsk", "innenlands")
    return maal, PERIODER.get(m["periode"] or "", "år"), bool(m["avrundet"])
