"""Municipality codes and boundaries, in one table.

SSB publishes each year under the codes valid that year. The book compares cities
across years, so every code is mapped to one city name here, together with a note on
which boundary a given year uses. Nothing is back-cast: a value on the old boundary
stays on the old boundary, and the chart says so.
"""

from __future__ import annotations

import pandas as pd

# code -> (city, first year, last year) the code was used for that city
CODES: dict[str, tuple[str, int, int]] = {
    "0301": ("Oslo", 1838, 9999),
    "1201": ("Bergen", 1838, 2019),
    "4601": ("Bergen", 2020, 9999),
    "1601": ("Trondheim", 1964, 2017),
    "5001": ("Trondheim", 2018, 9999),
    "1103": ("Stavanger", 1965, 9999),
    "1001": ("Kristiansand", 1965, 2019),
    "4204": ("Kristiansand", 2020, 9999),
    "0": ("Hele landet", 0, 9999),
}

CITIES = ["Oslo", "Bergen", "Trondheim", "Stavanger", "Kristiansand"]

# (city, first year with the new boundary, what was added)
BOUNDARY_CHANGES = [
    ("Trondheim", 2020, "Klæbu"),
    ("Stavanger", 2020, "Finnøy, Rennesøy og deler av Forsand"),
    ("Kristiansand", 2020, "Songdalen og Søgne"),
]

# Counties that existed only for a while; figures for them cannot be compared with the
# counties before or after without the underlying municipalities.
COUNTY_PERIODS = {
    "30": ("Viken", 2020, 2023, "Akershus, Buskerud og Østfold"),
    "38": ("Vestfold og Telemark", 2020, 2023, "Vestfold og Telemark"),
    "54": ("Troms og Finnmark", 2020, 2023, "Troms og Finnmark"),
}


def city_of(code: str, year: int | None = None) -> str:
    code = str(code).strip()
    if code not in CODES:
        raise KeyError(f"ukjent regionkode {code!r}")
    city, first, last = CODES[code]
    if year is not None and not first <= int(year) <= last:
        raise ValueError(f"regionkode {code} ({city}) var ikke i bruk i {year}")
    return city


def in_use(code: str, year: int) -> bool:
    """Whether `code` stood for its city in `year`.

    SSB's tables list old and new codes side by side and fill the years a code was not
    in use with nothing or with 0 (Bergen 1201 in 2021). Such a cell is not a value of
    the city: that year's value sits under the other code.
    """
    entry = CODES.get(str(code).strip())
    return entry is not None and entry[1] <= int(year) <= entry[2]


def boundary(city: str, year: int) -> str:
    """Short Norwegian note on which boundary `city` has in `year`."""
    for name, since, _what in BOUNDARY_CHANGES:
        if name == city:
            return "etter sammenslåingen 2020" if year >= since else "grensen før 2020"
    return "samme grense hele perioden"


def boundary_notes(cities) -> list[str]:
    """Sentences for the chart caption: which boundaries the plotted cities use."""
    notes = []
    for name, since, what in BOUNDARY_CHANGES:
        if name in set(cities):
            notes.append(f"{name}: til og med {since - 1} uten {what}, fra {since} med")
    return notes


def harmonise(frame: pd.DataFrame, code_col: str = "region_kode", year_col: str = "aar") -> pd.DataFrame:
    out = frame.copy()
    out["region"] = [city_of(c, y) for c, y in zip(out[code_col], out[year_col], strict=True)]
    out["grense"] = [boundary(c, int(y)) for c, y in zip(out["region"], out[year_col], strict=True)]
    return out


# --- chapters: county codes and names (destinations of moves, chapter 6)
# Every county code SSB has used since 2016, with the years it was in use. A municipality
# code's first two digits are its county in the classification the code belongs to.
COUNTIES: dict[str, tuple[str, int, int]] = {
    "01": ("Østfold", 1838, 2019),
    "02": ("Akershus", 1838, 2019),
    "03": ("Oslo", 1838, 9999),
    "04": ("Hedmark", 1838, 2019),
    "05": ("Oppland", 1838, 2019),
    "06": ("Buskerud", 1838, 2019),
    "07": ("Vestfold", 1838, 2019),
    "08": ("Telemark", 1838, 2019),
    "09": ("Aust-Agder", 1838, 2019),
    "10": ("Vest-Agder", 1838, 2019),
    "11": ("Rogaland", 1838, 9999),
    "12": ("Hordaland", 1838, 2019),
    "14": ("Sogn og Fjordane", 1838, 2019),
    "15": ("Møre og Romsdal", 1838, 9999),
    "16": ("Sør-Trøndelag", 1838, 2017),
    "17": ("Nord-Trøndelag", 1838, 2017),
    "18": ("Nordland", 1838, 9999),
    "19": ("Troms", 1838, 2019),
    "20": ("Finnmark", 1838, 2019),
    "50": ("Trøndelag", 2018, 9999),
    "30": ("Viken", 2020, 2023),
    "34": ("Innlandet", 2020, 9999),
    "38": ("Vestfold og Telemark", 2020, 2023),
    "42": ("Agder", 2020, 9999),
    "46": ("Vestland", 2020, 9999),
    "54": ("Troms og Finnmark", 2020, 2023),
    "31": ("Østfold", 2024, 9999),
    "32": ("Akershus", 2024, 9999),
    "33": ("Buskerud", 2024, 9999),
    "39": ("Vestfold", 2024, 9999),
    "40": ("Telemark", 2024, 9999),
    "55": ("Troms", 2024, 9999),
    "56": ("Finnmark", 2024, 9999),
}


def county_of_municipality(code: str) -> str:
    code = "".join(ch for ch in str(code) if ch.isdigit())
    if len(code) != 4 or code[:2] not in COUNTIES:
        raise KeyError(f"{code!r} er ikke et kjent kommunenummer")
    return code[:2]


def county_division(codes) -> str:
    """Which county division a set of county codes belongs to, in words for a caption."""
    codes = set(codes)
    if codes & set(COUNTY_PERIODS):
        merged = [
            name if parts == name else f"{name} ({parts})"
            for c, (name, first, last, parts) in COUNTY_PERIODS.items()
            if c in codes
        ]
        # Semicolons: the county names themselves contain "og".
        return "fylkesinndelingen 2020–2023, med de sammenslåtte fylkene " + "; ".join(merged)
    if codes & {"31", "32", "33", "39", "40", "55", "56"}:
        return "fylkesinndelingen fra 2024"
    if codes & {"16", "17"}:
        return "fylkesinndelingen før 2018"
    return "fylkesinndelingen før 2020"
