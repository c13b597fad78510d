"""The SSB tables the registered datasets declare, and the units they are fetched in
(candidates for one need: the first whose metadata holds).
"""

from __future__ import annotations

from helpers.catalog.registry import datasets
from helpers.catalog.spec import Dataset, SsbQuery
from helpers.statbank.failures import RefreshError


def declared_queries(known: dict[str, Dataset] | None = None) -> list[SsbQuery]:
    """Every SSB table the registered datasets declare, once each, in the order of the table ids.

    Two datasets may share a table only through the same declaration (import the other
    module's SsbQuery, or merge the selections into one): two different queries for one
    table would make two resources compete for one name, so that stops the refresh.
    """
    found: dict[str, tuple[SsbQuery, str]] = {}
    for ds in (known if known is not None else datasets()).values():
        for q in ds.ssb:
            if q.table in found and found[q.table][0] != q:
                raise RefreshError(
                    q.table,
                    f"tabellen er deklarert med to ulike spørringer (datasettene "
                    f"{found[q.table][1]!r} og {ds.name!r}); samle dem i én SsbQuery",
                )
            found.setdefault(q.table, (q, ds.name))
    return [found[t][0] for t in sorted(found)]


def units(queries: list[SsbQuery]) -> list[list[SsbQuery]]:
    """What a refresh fetches, in order: one table, or the candidates of one need."""
    out: list[list[SsbQuery]] = []
    needs: dict[str, list[SsbQuery]] = {}
    for q in queries:
        if not q.need:
            out.append([q])
        elif q.need in needs:
            needs[q.need].append(q)
        else:
            needs[q.need] = [q]
            out.append(needs[q.need])
    return out
