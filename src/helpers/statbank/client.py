"""A small client for Statistics Norway's statbank API, PxWebApi v2: the queries.

SSB's rules shape what is asked: 800 000 cells per query, and GET URLs of at most about
2 100 characters (longer ones get a 404). Selection expressions (`*`, `from(x)`, `*K4`) are
sent as written; a query above the cell limit is split along its longest dimension, a
request whose URL would be too long is POSTed, and the JSON-stat answer's size and table id
are checked against the request before any array is built. The HTTP side, which cannot
hang, is helpers.statbank.transport; its failures are helpers.statbank.failures.
"""

from __future__ import annotations

import math
import re
from collections.abc import Callable, Mapping, Sequence
from typing import Any

import pandas as pd
import requests

from helpers.statbank.failures import SsbError, Unreachable, describe_exception
from helpers.statbank.jsonstat import JsonStatError, categories, to_frame
from helpers.statbank.limits import RATE_LIMIT, RATE_WINDOW
from helpers.statbank.transport import DEFAULT_BASE_URL, META_BYTES, Transport, body_limit

__all__ = [
    "DEFAULT_BASE_URL",
    "MAX_CELLS",
    "RATE_LIMIT",
    "RATE_WINDOW",
    "URL_LIMIT",
    "SsbClient",
    "SsbError",
    "Unreachable",
    "body_limit",
    "describe_exception",
    "is_expression",
]

MAX_CELLS = 800_000  # SSB refuses larger queries
URL_LIMIT = 2000  # SSB answers 404 above about 2 100 characters; longer selections are POSTed
_EXPRESSION = re.compile(r"[*?]|^(from|to|top|bottom|range)\(")


def is_expression(code: str) -> bool:
    """Whether a selection entry is one of PxWebApi v2's documented selection expressions."""
    return bool(_EXPRESSION.search(code)) or code.startswith("[range(")


class SsbClient(Transport):
    """Tables, metadata and search from the statbank; queries planned to SSB's limits."""

    def __init__(self, base_url: str | None = None, *, max_cells: int = MAX_CELLS, **transport: Any):
        """`transport`: the keywords of Transport (timeouts, retries, limiter, clock …)."""
        if max_cells < 1:
            raise ValueError("max_cells må være minst 1")
        super().__init__(base_url, **transport)
        self.max_cells = max_cells

    # -- public API --------------------------------------------------------------------

    def metadata(self, table_id: str, lang: str = "no") -> dict:
        """The table's metadata as a JSON-stat 2.0 document (with empty `value`)."""
        params = [("lang", lang), ("outputFormat", "json-stat2")]
        doc = self._request_json(table_id, f"tables/{table_id}/metadata", params, META_BYTES)
        _check_table_id(table_id, doc)
        return doc

    def search(self, text: str, lang: str = "no", page_size: int = 20) -> list[dict]:
        """Tables whose text matches `text` (v2 `/tables?query=`): id, label, periods, variables."""
        params = [("query", text), ("lang", lang), ("pageSize", str(page_size))]
        doc = self._request_json(f"søk «{text}»", "tables", params, META_BYTES)
        tables = doc.get("tables")
        if not isinstance(tables, list):
            raise SsbError(f"søk «{text}»", "svaret mangler listen 'tables'")
        return [t for t in tables if isinstance(t, dict)]

    def request_plan(
        self,
        table_id: str,
        selection: Mapping[str, Sequence[str]],
        codelist: Mapping[str, str] | None = None,
        lang: str = "no",
    ) -> tuple[str, int]:
        """How a data request for `selection` is sent: ("GET" or "POST", length of the GET URL)."""
        params = self._data_params({d: list(c) for d, c in selection.items()}, dict(codelist or {}), lang)
        length = len(self._url_of(f"tables/{table_id}/data", params))
        return ("GET" if length <= URL_LIMIT else "POST"), length

    def data(
        self,
        table_id: str,
        selection: Mapping[str, Sequence[str]],
        lang: str = "no",
        codelist: Mapping[str, str] | None = None,
        on_part: Callable[[int, int], None] | None = None,
        expected: Mapping[str, Sequence[str]] | None = None,
    ) -> pd.DataFrame:
        """Selected cells of a table as a tidy frame (see helpers.statbank.jsonstat.to_frame).

        `selection` maps dimension id to value codes or selection expressions, sent as
        written. `expected` gives the codes those stand for (from the metadata); without it
        expressions are resolved from the metadata here. The answer must hold exactly
        that many codes per dimension. Queries above `max_cells` are split along the
        dimension with most codes; `on_part(i, n)` is called before piece i of n.
        """
        asked = {dim: _codes(table_id, dim, codes) for dim, codes in selection.items()}
        codelist = dict(codelist or {})
        if expected is None:
            expected = self._expected(table_id, asked, codelist, lang)
        wanted = {d: list(expected[d]) for d in asked}
        total = math.prod(len(c) for c in wanted.values())
        if total <= self.max_cells:
            parts = [(asked, wanted)]
        else:
            fixed = sorted(d for d in asked if d in codelist and any(map(is_expression, asked[d])))
            if fixed:
                raise SsbError(
                    table_id,
                    f"spørringen gir {total} celler (grensen er {self.max_cells}), og uttrykk med "
                    f"kodeliste for {fixed} kan ikke deles opp; oppgi kodene eksplisitt",
                )
            parts = [(p, p) for p in _chunks(wanted, self.max_cells)]
        frames = []
        for i, (send, codes) in enumerate(parts, start=1):
            if on_part:
                on_part(i, len(parts))
            sizes = {d: len(codes[d]) for d in codes}
            cells = math.prod(sizes.values())
            params = self._data_params(send, codelist, lang)
            path = f"tables/{table_id}/data"
            body = None
            if len(self._url_of(path, params)) > URL_LIMIT:
                # SSB's GET limit: the same selection as a POST body (documented in PxWebApi v2).
                body = {
                    "selection": [
                        {
                            "variableCode": d,
                            "valueCodes": list(c),
                            **({"codelist": codelist[d]} if d in codelist else {}),
                        }
                        for d, c in send.items()
                    ]
                }
                params = [("lang", lang), ("outputFormat", "json-stat2")]
            doc = self._request_json(table_id, path, params, body_limit(cells), body=body)
            _check_table_id(table_id, doc)
            claimed = _check_sizes(table_id, doc, sizes, cells)
            frames.append(
                to_frame(doc, source=f"SSB-tabell {table_id}", max_cells=min(claimed, self.max_cells))
            )
        return frames[0] if len(frames) == 1 else pd.concat(frames, ignore_index=True)

    # -- selection ----------------------------------------------------------------------

    def _expected(
        self, table_id: str, selection: dict[str, list[str]], codelist: dict[str, str], lang: str
    ) -> dict[str, list[str]]:
        """The codes each dimension's selection stands for; expressions need the metadata."""
        if not any(is_expression(c) for codes in selection.values() for c in codes):
            return selection
        meta = categories(self.metadata(table_id, lang), source=f"SSB-tabell {table_id} (metadata)")
        out = {}
        for dim, codes in selection.items():
            if not any(map(is_expression, codes)):
                out[dim] = codes
                continue
            if dim not in meta:
                raise SsbError(table_id, f"dimensjonen {dim!r} finnes ikke i tabellen")
            if dim in codelist:
                # The codelist's codes are not in the table's metadata: count the table's codes.
                out[dim] = [c for c, _ in meta[dim]]
                continue
            out[dim] = match_codes([c for c, _ in meta[dim]], codes)
        return out

    @staticmethod
    def _data_params(
        selection: dict[str, list[str]], codelist: dict[str, str], lang: str
    ) -> list[tuple[str, str]]:
        params = [("lang", lang), ("outputFormat", "json-stat2")]
        params += [(f"valueCodes[{dim}]", ",".join(codes)) for dim, codes in selection.items()]
        params += [(f"codelist[{dim}]", name) for dim, name in codelist.items()]
        return params

    def _url_of(self, path: str, params: list[tuple[str, str]]) -> str:
        url = requests.Request("GET", f"{self.base_url}/{path}", params=params).prepare().url
        assert url is not None  # a prepared request always has one
        return url


def match_codes(codes: list[str], wanted: Sequence[str]) -> list[str]:
    """The codes (in metadata order) a selection picks: codes, `*`/`?` patterns, from/to/top/bottom."""
    import fnmatch

    picked: list[str] = []
    for w in wanted:
        m = re.fullmatch(r"(from|to|top|bottom)\((.+?)(?:,\s*(\d+))?\)", w)
        if m:
            kind, arg, offset = m.group(1), m.group(2).strip(), int(m.group(3) or 0)
            # Codes compare as text: periods and region codes sort in time and code order.
            if kind == "from":
                hits = [c for c in codes if c >= arg]
            elif kind == "to":
                hits = [c for c in codes if c <= arg]
            elif not arg.isdigit():
                hits = []
            elif kind == "top":
                hits = codes[offset : offset + int(arg)]
            else:
                hits = codes[::-1][offset : offset + int(arg)][::-1]
        elif any(ch in w for ch in "*?"):
            hits = [c for c in codes if fnmatch.fnmatchcase(c, w)]
        else:
            hits = [w] if w in codes else []
        picked += [h for h in hits if h not in picked]
    return picked


def _check_table_id(table_id: str, doc: dict) -> None:
    """An answer that names another table is refused, even with the right cells."""
    px = ((doc.get("extension") or {}).get("px") or {}) if isinstance(doc.get("extension"), dict) else {}
    named = str(px.get("tableid") or "").strip()
    label = str(doc.get("label") or "")
    m = re.match(r"\s*(\d{5}):", label)
    for other in (named, m.group(1) if m else ""):
        if other and other != table_id:
            raise SsbError(table_id, f"svaret gjelder tabell {other}, ikke {table_id}")


def _check_sizes(table_id: str, doc: dict, sizes: dict[str, int], cells: int) -> int:
    """The answer's own size claim against the query, before any array is built.

    Every dimension asked for must have as many codes as asked for; when the query names
    every dimension the total must match too. Returns the cells the answer may hold.
    """
    claim, ids = doc.get("size"), doc.get("id")
    source = f"SSB-tabell {table_id}"
    if not isinstance(claim, list) or not isinstance(ids, list) or len(claim) != len(ids):
        raise JsonStatError("mangler 'id' eller 'size' (begge må være lister)", source)
    if not all(isinstance(s, int) and not isinstance(s, bool) and s >= 0 for s in claim):
        raise JsonStatError(f"'size' må være ikke-negative heltall, fikk {claim!r}"[:200], source)
    said = dict(zip(map(str, ids), claim, strict=True))
    wrong = [f"{d}: {said[d]} koder, spurt om {n}" for d, n in sizes.items() if d in said and said[d] != n]
    total = math.prod(claim)
    if wrong or (set(said) == set(sizes) and total != cells):
        raise SsbError(
            table_id,
            f"svaret sier {total} celler ({' × '.join(map(str, claim))}), spørringen ba om {cells}"
            + (f" ({'; '.join(wrong)})" if wrong else ""),
        )
    return total


def _codes(table_id: str, dim: str, codes: Sequence[str] | str) -> list[str]:
    # A bare string would otherwise be iterated character by character.
    codes = [codes] if isinstance(codes, str) else [str(c) for c in codes]
    if not codes:
        raise ValueError(f"SSB-tabell {table_id}: tomt utvalg for dimensjonen {dim!r}")
    return codes


def _chunks(selection: dict[str, list[str]], max_cells: int) -> list[dict[str, list[str]]]:
    """Split along the dimension with most codes until every piece has at most max_cells."""
    counts = {dim: len(codes) for dim, codes in selection.items()}
    total = math.prod(counts.values())
    if total <= max_cells:
        return [selection]
    dim = max(counts, key=counts.__getitem__)
    step = max(1, max_cells // (total // counts[dim]))
    codes = selection[dim]
    return [
        piece
        for i in range(0, len(codes), step)
        for piece in _chunks({**selection, dim: codes[i : i + step]}, max_cells)
    ]
