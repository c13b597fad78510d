"""Sentences of the chapter «Kom de tilbake?» whose shape depends on the data.

The chapter shows them with {eval} and the tests call the same functions on changed
data: when a refresh adds a year in which out-migration is back inside its 2016–2019
range, the conclusion says so without anyone editing the chapter.

The sentences live in modules by subject (years, figure texts, quarters against earlier
years, the quarterly sum, quarters against the year before, house prices and home office,
the Nordic capitals); every name the chapters, the summary and the tests use is here.
`_kvartalssum`, `_periode` and `_spenn` are shared with the front page (`prose.forside`).
"""

from helpers.prose.tilbake.aar import (
    maalestokk,
    netto,
    rang_omtale,
    rate,
    rate_etter,
    setninger,
    strom,
    strommer,
    utflytting,
    utvandring_kort,
)
from helpers.prose.tilbake.aaret_foer import (
    NAER_NULL,
    fortegn_kort,
    fortegn_kvartaler,
    kvartal_mot_aaret_foer,
    sammenlign_aaret_foer,
    tittel_kvartal_netto,
)
from helpers.prose.tilbake.bolig_hjemmekontor import (
    ENDRING_PP,
    andel_utvikling,
    bolig_etter,
    bolig_sikre,
    opinion,
    tittel_andel,
)
from helpers.prose.tilbake.felles import HVORFOR_UNDERTALT, _periode, _spenn, kilde_navn
from helpers.prose.tilbake.figurtekst import (
    grunnlag_merknad,
    merknad_for_hoyt,
    merknad_utelatt,
    tittel_indeks,
    tittel_netto,
    tittel_nivaa,
)
from helpers.prose.tilbake.kvartal import kvartal_mot_tidligere, kvartal_retning, tittel_kvartal
from helpers.prose.tilbake.kvartalssum import (
    KVARTALSSUM_AVVIK,
    _kvartalssum,
    kvartal_dekning,
    kvartal_kort,
    kvartal_kort_kapittel,
    kvartalssum,
)
from helpers.prose.tilbake.norden import (
    KILDENS_NAVN,
    genitiv,
    nord_bare_ett,
    nord_brutto,
    nord_netto,
    omraade_navn,
    tittel_nord,
)

__all__ = [
    "_kvartalssum",
    "_periode",
    "_spenn",
    "andel_utvikling",
    "bolig_etter",
    "bolig_sikre",
    "ENDRING_PP",
    "fortegn_kort",
    "fortegn_kvartaler",
    "genitiv",
    "grunnlag_merknad",
    "HVORFOR_UNDERTALT",
    "kilde_navn",
    "KILDENS_NAVN",
    "kvartal_dekning",
    "kvartal_kort",
    "kvartal_kort_kapittel",
    "kvartal_mot_aaret_foer",
    "kvartal_mot_tidligere",
    "kvartal_retning",
    "kvartalssum",
    "KVARTALSSUM_AVVIK",
    "maalestokk",
    "merknad_for_hoyt",
    "merknad_utelatt",
    "NAER_NULL",
    "netto",
    "nord_bare_ett",
    "nord_brutto",
    "nord_netto",
    "omraade_navn",
    "opinion",
    "rang_omtale",
    "rate",
    "rate_etter",
    "sammenlign_aaret_foer",
    "setninger",
    "strom",
    "strommer",
    "tittel_andel",
    "tittel_indeks",
    "tittel_kvartal",
    "tittel_kvartal_netto",
    "tittel_netto",
    "tittel_nivaa",
    "tittel_nord",
    "utflytting",
    "utvandring_kort",
]
