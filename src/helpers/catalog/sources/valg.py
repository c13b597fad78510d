"""Which value to use when sources disagree: the rule, written once (see the package's
docstring), and the decisions for ties within one publisher."""

from __future__ import annotations

import pandas as pd

from helpers.catalog.sources.utgivere import finn_utgiver, nokkel

OTHER_RANK = 3
API = "api"  # value of the `kildetype` column for rows read from the statbank API
API_RANK = -1
API_PUBLISHER = "Statistisk sentralbyrå (statistikkbanken)"

# (region_code, year, series) -> (chosen value, reason)
# (Region codes or, for datasets keyed by name, region names such as "Oslo".)
RESOLUTIONS: dict[tuple[str, int, str], tuple[float, str]] = {
    ("Oslo", 2016, "nettoinnvandring"): (
        3242,
        "To eldre versjoner av Oslo kommunes side oppgir 3 257; senere versjoner og NRK oppgir "
        "3 242, som er det radene selv summerer til (13 044 − 9 802).",
    ),
    ("0301", 2017, "folkemengde_1jan"): (
        666759,
        "To versjoner av Oslo kommunes side oppgir 666 757 og 666 759. 666 759 er summen av "
        "SSB-tabell 07459 (folkemengde etter alder 1.1.2017); 666 757 er tallet for 31.12.2016.",
    ),
}


class SourceConflict(ValueError):
    pass


def publisher(url: str) -> tuple[int, str]:
    """(rank, name) of the publisher of `url`: the rank orders sources when they disagree.
    A copy on GitHub ranks with the other secondary sources, whoever made the numbers."""
    who = finn_utgiver(url)
    rank = OTHER_RANK if nokkel(url).startswith("github.com/") else who.rang
    return rank, who.navn


def choose(
    frame: pd.DataFrame, key: list[str], code="region_code", year="year", series="series"
) -> pd.DataFrame:
    """Mark one row per `key` as chosen (`valgt`), the others as provenance only."""
    out = frame.copy()
    via_api = out["kildetype"].eq(API) if "kildetype" in out else pd.Series(False, index=out.index)
    ranked = [
        (API_RANK, API_PUBLISHER) if api else publisher(u)
        for u, api in zip(out["source_url"], via_api, strict=True)
    ]
    out["kilde_rang"] = [rank for rank, _ in ranked]
    out["utgiver"] = [name for _, name in ranked]
    out["valgt"] = False
    out["valg_grunn"] = ""
    for _, group in out.groupby(key, sort=False, dropna=False):
        if len(group) == 1 or group["value"].nunique() == 1:
            best = group.sort_values("kilde_rang", kind="stable").index[0]
            out.loc[best, "valgt"] = True
            continue
        top = group[group["kilde_rang"] == group["kilde_rang"].min()]
        if top["value"].nunique() == 1:
            out.loc[top.index[0], "valgt"] = True
            out.loc[top.index[0], "valg_grunn"] = (
                f"{top['utgiver'].iloc[0]} foretrukket framfor "
                + ", ".join(sorted(set(group["utgiver"]) - {top["utgiver"].iloc[0]}))
            )
            continue
        first = group.iloc[0]
        rk = (str(first[code]), int(first[year]), str(first[series]))
        if rk not in RESOLUTIONS:
            values = ", ".join(str(v) for v in group["value"])
            raise SourceConflict(
                f"{rk}: kildene er uenige ({values}) og ingen regel avgjør; legg inn en avgjørelse i sources.RESOLUTIONS"
            )
        value, reason = RESOLUTIONS[rk]
        match = top[top["value"] == value]
        if match.empty:
            raise SourceConflict(f"{rk}: avgjørelsen {value} finnes ikke lenger blant kildene")
        out.loc[match.index[0], "valgt"] = True
        out.loc[match.index[0], "valg_grunn"] = reason
    return out


def github_url(rows: pd.DataFrame) -> pd.Series:
    """The address of the file each row was read from, at the commit it was read at."""
    return (
        "https://github.com/"
        + rows["source_repo"]
        + "/blob/"
        + rows["source_commit"]
        + "/"
        + rows["source_path"]
    )
