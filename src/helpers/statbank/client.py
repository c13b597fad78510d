"""A small client for Statistics Norway's statbank API, PxWebApi v2.

SSB's rules shape this module: at most 30 requests per minute per IP and 800 000 cells per
query. Rather than fail on those limits, the client waits before the 31st request and splits
large queries into pieces that each fit. Temporary trouble (429, 5xx, connection errors,
timeouts) is retried with exponential backoff; anything else fails at once with an SsbError
naming the table, so a broken refresh says which table and why.
"""

from __future__ import annotations

import math
import os
import time
from collections import deque
from collections.abc import Callable, Mapping, Sequence
from typing import Any

import pandas as pd
import requests

from helpers.statbank.jsonstat import categories, to_frame

__all__ = ["DEFAULT_BASE_URL", "SsbClient", "SsbError"]

DEFAULT_BASE_URL = "https://data.ssb.no/api/pxwebapi/v2"
DEFAULT_USER_AGENT = "oslo-flytting-bok/0.1 (+https://github.com/; data-journalism book)"

RATE_LIMIT = 30  # requests ...
RATE_WINDOW = 60.0  # ... per rolling window of this many seconds (SSB's limit per IP)
MAX_CELLS = 800_000  # SSB refuses larger queries


class SsbError(RuntimeError):
    """A request to SSB that failed for good."""

    def __init__(self, table_id: str, reason: str):
        self.table_id = table_id
        self.reason = reason
        super().__init__(f"SSB-tabell {table_id}: {reason}")


class SsbClient:
    def __init__(
        self,
        base_url: str | None = None,
        timeout: float | tuple[float, float] = (5, 30),
        max_retries: int = 4,
        backoff: float = 1.0,
        session: requests.Session | None = None,
        sleep: Callable[[float], None] = time.sleep,
        clock: Callable[[], float] = time.monotonic,
        user_agent: str = DEFAULT_USER_AGENT,
        max_cells: int = MAX_CELLS,
    ):
        if max_cells < 1:
            raise ValueError("max_cells må være minst 1")
        self._base_url = base_url
        self.timeout = timeout
        self.max_retries = max_retries
        self.backoff = backoff
        self.session = session if session is not None else requests.Session()
        self.sleep = sleep
        self.clock = clock
        self.user_agent = user_agent
        self.max_cells = max_cells
        # Start times of recent requests. Per client, so use one client per process:
        # two clients would each allow 30 and together break SSB's per-IP limit.
        self._recent: deque[float] = deque()

    @property
    def base_url(self) -> str:
        # Read at call time so a test or a mirror can set SSB_API_URL after import.
        url = self._base_url or os.environ.get("SSB_API_URL") or DEFAULT_BASE_URL
        return url.rstrip("/")

    # -- public API --------------------------------------------------------------------

    def metadata(self, table_id: str, lang: str = "no") -> dict:
        """The table's metadata as a JSON-stat 2.0 document (with empty `value`)."""
        params = [("lang", lang), ("outputFormat", "json-stat2")]
        return self._get_json(table_id, "metadata", params)

    def data(
        self,
        table_id: str,
        selection: Mapping[str, Sequence[str]],
        lang: str = "no",
        codelist: Mapping[str, str] | None = None,
        on_part: Callable[[int, int], None] | None = None,
    ) -> pd.DataFrame:
        """Selected cells of a table as a tidy frame (see helpers.statbank.jsonstat.to_frame).

        `selection` maps dimension id to value codes; ["*"] means all codes. Dimensions
        left out are eliminated by SSB where the table allows it. `codelist` maps
        dimension id to a codelist id (e.g. an aggregation of municipalities).
        Queries above `max_cells` are split along the dimension with most codes;
        `on_part(i, n)` is called before piece i of n is fetched (for progress output).
        """
        selection = {dim: _codes(table_id, dim, codes) for dim, codes in selection.items()}
        codelist = dict(codelist or {})
        parts = self._split(table_id, selection, codelist, lang)
        frames = []
        for i, part in enumerate(parts, start=1):
            if on_part:
                on_part(i, len(parts))
            doc = self._get_json(table_id, "data", self._data_params(part, codelist, lang))
            frames.append(to_frame(doc, source=f"SSB-tabell {table_id}"))
        return frames[0] if len(frames) == 1 else pd.concat(frames, ignore_index=True)

    # -- cell limit --------------------------------------------------------------------

    def _split(
        self, table_id: str, selection: dict[str, list[str]], codelist: dict[str, str], lang: str
    ) -> list[dict[str, list[str]]]:
        wildcards = [dim for dim, codes in selection.items() if "*" in codes]
        if not wildcards:
            return _chunks(selection, self.max_cells)

        # "*" can only be counted (and, if needed, split) with the codes from the metadata.
        # With a codelist the codes differ from the table's own, so such a dimension is
        # counted by the table's size and cannot be split.
        meta = categories(self.metadata(table_id, lang), source=f"SSB-tabell {table_id} (metadata)")
        counts = {}
        for dim in wildcards:
            if dim not in meta:
                raise SsbError(table_id, f"dimensjonen {dim!r} finnes ikke i tabellen")
            counts[dim] = len(meta[dim])
        total = math.prod(counts.get(d, len(c)) for d, c in selection.items())
        if total <= self.max_cells:
            return [selection]

        expandable = [d for d in wildcards if d not in codelist]
        if len(expandable) < len(wildcards):
            fixed = sorted(set(wildcards) - set(expandable))
            raise SsbError(
                table_id,
                f"spørringen gir {total} celler (grensen er {self.max_cells}), og '*' med "
                f"kodeliste for {fixed} kan ikke deles opp; oppgi kodene eksplisitt",
            )
        expanded = {d: [code for code, _ in meta[d]] if d in wildcards else c for d, c in selection.items()}
        return _chunks(expanded, self.max_cells)

    @staticmethod
    def _data_params(
        selection: dict[str, list[str]], codelist: dict[str, str], lang: str
    ) -> list[tuple[str, str]]:
        params = [("lang", lang), ("outputFormat", "json-stat2")]
        params += [(f"valueCodes[{dim}]", ",".join(codes)) for dim, codes in selection.items()]
        params += [(f"codelist[{dim}]", name) for dim, name in codelist.items()]
        return params

    # -- HTTP ------------------------------------------------------------------------

    def _throttle(self) -> None:
        now = self.clock()
        while self._recent and now - self._recent[0] >= RATE_WINDOW:
            self._recent.popleft()
        if len(self._recent) >= RATE_LIMIT:
            wait = self._recent.popleft() + RATE_WINDOW - now
            self.sleep(wait)
            # max(): a clock that did not move during sleep must not let requests bunch up.
            now = max(self.clock(), now + wait)
        self._recent.append(now)

    def _get_json(self, table_id: str, endpoint: str, params: list[tuple[str, str]]) -> dict:
        url = f"{self.base_url}/tables/{table_id}/{endpoint}"
        headers = {"User-Agent": self.user_agent, "Accept": "application/json"}
        last = ""
        for attempt in range(self.max_retries + 1):
            wait = self.backoff * 2**attempt
            self._throttle()
            try:
                resp = self.session.get(url, params=params, headers=headers, timeout=self.timeout)
            except (requests.ConnectionError, requests.Timeout) as exc:
                last = f"{type(exc).__name__}: {exc}"
            else:
                if resp.status_code == 429 or resp.status_code >= 500:
                    last = f"HTTP {resp.status_code}"
                    if resp.status_code == 429:
                        wait = _retry_after(resp, default=wait)
                elif resp.status_code >= 400:
                    raise SsbError(
                        table_id, f"HTTP {resp.status_code} fra {resp.url}: {resp.text[:300].strip()}"
                    )
                else:
                    return _json(resp, table_id)
            if attempt < self.max_retries:
                self.sleep(wait)
        raise SsbError(table_id, f"ga opp etter {self.max_retries + 1} forsøk mot {url}; siste feil: {last}")


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


def _retry_after(resp: requests.Response, default: float) -> float:
    # SSB sends seconds; the HTTP-date form is rare enough to fall back to our own backoff.
    try:
        return max(0.0, float(resp.headers.get("Retry-After", "")))
    except ValueError:
        return default


def _json(resp: requests.Response, table_id: str) -> Any:
    try:
        doc = resp.json()
    except ValueError as exc:  # requests' JSONDecodeError is a ValueError
        kind = resp.headers.get("Content-Type", "ukjent innholdstype")
        raise SsbError(
            table_id, f"ugyldig JSON i svaret fra {resp.url} ({kind}): {resp.text[:120]!r}"
        ) from exc
    if not isinstance(doc, dict):
        raise SsbError(table_id, f"ugyldig JSON i svaret: forventet et objekt, fikk {type(doc).__name__}")
    return doc
