"""«Om dataene»: a figure's publishers (the same credit as under the figure) and a readable
title for each page the values were read from, instead of its address.

The title comes from the address itself: the last part of the path that reads as words,
percent-decoded, without ids and file endings. Addresses whose path holds no such words
(archive pages named by code) get a title from `TITLER`.
"""

from __future__ import annotations

import re
from urllib.parse import unquote, urlparse

import pandas as pd

from helpers.prose.kildelinje import kreditt, utgiver
from helpers.prose.norsk import NBSP, Tekst, typografi

# Pages whose address names no words a reader could use.
TITLER = {
    "kommuneprofilen.no/Profil/Befolkning/BenchBy/bef_innv_aar_by.aspx": "Innvandring per år, byene",
    "kommuneprofilen.no/Profil/Befolkning/BenchBy/bef_kvartal_hittil_by.aspx": "Befolkningsendringer hittil i år, byene",
    "kommuneprofilen.no/Profil/Befolkning/BenchBy/bef_flytting_samlet_by.aspx": "Samlede flyttinger, byene",
    "karenaudit.com/?p=30010": "Artikkel om hjemmekontor",
    "ssb.no/a/english/kortnavn/folkendrkv_en/2009k4/kvart10-en.html": "Population changes, 4th quarter 2009",
    "ssb.no/a/kortnavn/folkendrkv/2012k4/hittil16.html": "Befolkningsendringer hittil i 2012",
    "ssb.no/a/kortnavn/flytting/tab-2011-05-05-02.html": "Flyttinger 2010, tabell 2",
    "ssb.no/priser-og-prisindekser/statistikker/bpi/kvartal/2017-01-12": "Boligprisindeksen, 4.\u00a0kvartal 2016",
    "stat.fi/til/muutl/2020/muutl_2020_2021-05-12_tie_001_fi.html": "Muuttoliike 2020",
}
_SLUTT = re.compile(r"\.(html?|aspx|ece|csv|tex|php)$", re.I)
# A trailing id: five or more digits, or digits with dots or dashes (1.1688242, 2-1-1481240).
_ID = re.compile(r"(^|[-_ ])(\d{5,}|\d+(?:[.\-]\d+)+)!?$")
_DATO = re.compile(r"^\d{4}[-_]\d{2}[-_]\d{2}[-_]")


def _ord(del_: str) -> str | None:
    """A path part as words, or None if it is a code, a number or a single short word."""
    tekst = _DATO.sub("", _SLUTT.sub("", unquote(del_)))
    tekst = _ID.sub("", tekst).strip(" -_!")
    tekst = re.sub(r"(?<=\d)\.(?=\D)", ". ", tekst)
    tekst = re.sub(r"(?<=\D)\.(?=\D)", ", ", tekst)
    ord_ = [w for w in re.split(r"[-_ ]+", tekst) if w]
    bare = [w.strip(",.") for w in ord_]
    if not ord_ or any(re.search(r"\d", w) and not w.isdigit() for w in bare):
        return None
    if sum(w.isdigit() for w in bare) * 2 > len(bare):
        return None
    if len(ord_) == 1 and (len(ord_[0]) < 6 or not ord_[0].isalpha()):
        return None
    if max(len(w) for w in ord_) < 5:
        return None
    setning = " ".join(ord_)
    # Typography as in the text: no break inside "300 000" or "1. januar".
    setning = re.sub(r"(?<=\d) (?=\d{3}\b)", NBSP, setning)
    setning = re.sub(r"(?<=\d\.) (?=[a-zæøå])", NBSP, setning)
    return setning[:1].upper() + setning[1:]


def sidetittel(url: str) -> Tekst:
    """'Oslo kommune: Folkemengde og endringer' for the page at `url`."""
    adresse = urlparse(str(url))
    host = (adresse.hostname or "").removeprefix("www.")
    navn = utgiver(url)
    nokkel = host + adresse.path + (f"?{adresse.query}" if adresse.query else "")
    if nokkel in TITLER:
        return Tekst(f"{navn}: {TITLER[nokkel]}")
    deler = [d for d in adresse.path.split("/") if d]
    if host == "github.com" and len(deler) >= 2:
        fil = unquote(deler[-1]) if len(deler) > 2 else ""
        return Tekst(f"{navn}: {deler[0]}/{deler[1]}" + (f", filen {fil}" if fil else ""))
    arkiv = re.search(r"/barnogunge/(\d{4})/", adresse.path)
    if arkiv:
        return Tekst(f"{navn}: Barn og unge {arkiv.group(1)}, tabell {_SLUTT.sub('', deler[-1])}")
    for del_ in reversed(deler):
        ord_ = _ord(del_)
        if ord_:
            return Tekst(f"{navn}: {ord_}")
    return Tekst(f"{navn}: {host}{adresse.path}".rstrip("/"))


def utgivere_md(rader: pd.DataFrame) -> Tekst:
    """The figure's credit as Markdown links: the same publishers, order and pages as the
    credit line under the figure (both come from `kreditt`)."""
    return Tekst("; ".join(f"[{navn}]({url})" for navn, url in kreditt(rader)))


def sider_md(rader: pd.DataFrame) -> Tekst:
    """Every page the rows were read from, as Markdown links with readable titles."""
    urls = dict.fromkeys(str(u) for u in rader["kilde"].dropna())
    return Tekst("; ".join(f"[{typografi(sidetittel(u))}]({u})" for u in urls))
