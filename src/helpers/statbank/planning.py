"""A declared SSB query against the table's metadata, before anything is fetched: every
dimension and code (or selection expression) must exist, all problems reported at once;
a region code is found in the form SSB uses (`0301` or a prefixed `K_0301`/`K-0301`);
the unit must be the declared one.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from helpers.catalog.spec import SsbQuery
from helpers.statbank.client import is_expression, match_codes
from helpers.statbank.failures import RefreshError
from helpers.statbank.jsonstat import categories, dataset_meta

# SSB writes the unit in the table's language: "personer" (bokmål) or "personar" (nynorsk).
# In Norwegian metadata a count of persons may say "antall" (07459's Personer1) or, in
# English, "number"; a count of moves is counted in persons too.
UNIT_SPELLINGS = {
    "personer": {"personer", "personar", "person", "antall", "number"},
    "flyttinger": {"flyttinger", "flyttingar", "personer", "personar", "antall", "number"},
}


# Prefixed forms SSB uses for region codes in some tables or codelists (06913: K_4001).
_REGION_FORMS = ("K_{}", "K-{}", "F_{}", "F-{}")


@dataclass
class Plan:
    """A declaration matched against the metadata.

    `expected`: the codes the answer must hold per dimension (selection expressions
    resolved); `send`: what the data request asks for (expressions as written, explicit
    codes in SSB's form); `forms`: declared code -> SSB's code where they differ.
    """

    expected: dict[str, list[str]]
    send: dict[str, list[str]]
    forms: dict[str, str] = field(default_factory=dict)


def _region_form(dim: str, code: str, codes: set[str]) -> str | None:
    if "region" not in dim.lower():
        return None
    found = [f.format(code) for f in _REGION_FORMS if f.format(code) in codes]
    return found[0] if len(found) == 1 else None


def plan(query: SsbQuery, meta: dict) -> Plan:
    """Every declared dimension and code checked against the metadata; all problems at once.

    A plain region code the table lacks is looked up in SSB's prefixed forms (`K_0301`);
    when exactly one exists it is used, and `forms` says so.
    """
    cats = categories(meta, source=f"SSB-tabell {query.table} (metadata)")
    problems, expected, send, forms = [], {}, {}, {}
    for dim, wanted in query.selection.items():
        if dim not in cats:
            problems.append(f"dimensjonen {dim!r} finnes ikke (tabellen har {', '.join(cats)})")
            continue
        codes = [c for c, _ in cats[dim]]
        have = set(codes)
        picked, sent = [], []
        for w in wanted:
            hits = match_codes(codes, [w])
            if not hits and not is_expression(w):
                form = _region_form(dim, w, have)
                if form:
                    forms[w] = form
                    hits = [form]
            if not hits:
                problems.append(f"koden {w!r} finnes ikke i dimensjonen {dim} ({closest(w, cats[dim])})")
            sent.append(w if is_expression(w) else forms.get(w, w))
            picked += [h for h in hits if h not in picked]
        expected[dim], send[dim] = picked, sent
    for dim in cats:
        ext = (meta["dimension"].get(dim) or {}).get("extension") or {}
        if dim not in query.selection and ext.get("elimination") is False:
            problems.append(f"dimensjonen {dim} må velges (SSB kan ikke summere den bort)")
    if "Tid" not in query.selection:
        problems.append("spørringen må velge Tid")
    problems += _contents_problems(query, expected.get("ContentsCode", []))
    if problems:
        raise RefreshError(query.table, "; ".join(problems))
    _check_units(query, meta, expected.get("ContentsCode", []))
    return Plan(expected, send, forms)


def resolve(query: SsbQuery, meta: dict) -> dict[str, list[str]]:
    """The codes the answer to `query` must hold, per dimension (see `plan`)."""
    return plan(query, meta).expected


def _contents_problems(query: SsbQuery, codes: list[str]) -> list[str]:
    if "ContentsCode" not in query.selection:
        return []
    problems = []
    unmapped = [c for c in codes if query.series_of(c) is None]
    if unmapped:
        problems.append(f"ingen serie er oppgitt for {', '.join(unmapped)} i SsbQuery.contents")
    for key in (k for k in query.contents if is_expression(k)):
        hits = [c for c in codes if c not in query.contents and query.series_of(c) == query.contents[key]]
        if len(hits) > 1:
            problems.append(
                f"ContentsCode {key!r} gir {len(hits)} koder ({', '.join(hits[:6])}), men serien "
                f"{query.contents[key]!r} kan bare ha én; oppgi koden"
            )
    return problems


def closest(code: str, pairs: list[tuple[str, str]], n: int = 3) -> str:
    """The valid codes nearest to a missing one, with their labels, for an error message.

    Nearest by the length of the shared start ("3" for "3_01-03", "K_0301" for "0301" read
    backwards too), then by overall similarity of code and label.
    """
    import difflib
    import os.path

    def score(pair: tuple[str, str]) -> tuple:
        c, label = pair
        start = len(os.path.commonprefix([c.lower(), code.lower()]))
        end = len(os.path.commonprefix([c.lower()[::-1], code.lower()[::-1]]))
        ratio = max(
            difflib.SequenceMatcher(None, code.lower(), c.lower()).ratio(),
            difflib.SequenceMatcher(None, code.lower(), label.lower()).ratio(),
        )
        return (max(start, end), ratio)

    near = sorted(pairs, key=score, reverse=True)[:n]
    more = f"; {len(pairs)} koder i alt" if len(pairs) > n else ""
    return "nærmeste: " + ", ".join(f"{c} «{label}»" for c, label in near) + more


def _check_units(query: SsbQuery, meta: dict, contents: list[str]) -> None:
    units = dataset_meta(meta)["units"].get("ContentsCode", {})
    accepted = UNIT_SPELLINGS.get(query.unit, {query.unit})
    for code in contents:
        base = str((units.get(code) or {}).get("base", "")).strip().lower()
        if base and base not in accepted:
            raise RefreshError(
                query.table, f"{code} har enheten {base!r}, men spørringen venter {query.unit!r}"
            )
