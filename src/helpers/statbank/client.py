"""A small client for Statistics Norway's statbank API, PxWebApi v2, that cannot hang.

SSB's rules shape this module: at most 30 requests per minute per IP (the client keeps 25,
shared by every process on the machine through `limits.RateLimiter`), 800 000 cells per
query, and GET URLs of at most about 2 100 characters (longer ones get a 404). Selection
expressions (`*`, `from(x)`, `*K4`) are sent as written; a query above the cell limit is
split along its longest dimension, and a request whose URL would be too long is POSTed.

Nothing here can wait without bound: every request has a total deadline (not only a
timeout per read), the whole run has one too, a Retry-After longer than `max_wait` fails
at once naming the wait asked, a body larger than the cells asked for can justify is
refused (from Content-Length before reading, or while streaming), redirects are followed
only on the API's own host, and the JSON-stat answer's size and table id are checked
against the request before any array is built. Every failure is an SsbError naming the
table.
"""

from __future__ import annotations

import errno
import json
import math
import os
import re
import socket
import time
from collections.abc import Callable, Mapping, Sequence
from typing import Any
from urllib.parse import urljoin, urlsplit

import pandas as pd
import requests

from helpers.statbank.jsonstat import JsonStatError, categories, to_frame
from helpers.statbank.limits import RATE_LIMIT, RATE_WINDOW, Deadline, RateLimiter

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

DEFAULT_BASE_URL = "https://data.ssb.no/api/pxwebapi/v2"
DEFAULT_USER_AGENT = "oslo-flytting-bok/0.1 (+https://github.com/; data-journalism book)"

MAX_CELLS = 800_000  # SSB refuses larger queries
URL_LIMIT = 2000  # SSB answers 404 above about 2 100 characters; longer selections are POSTed
MAX_WAIT = 120.0  # longest Retry-After obeyed, in seconds
REQUEST_SECONDS = 180.0  # total time for one request, first byte to last
# An answer that stops coming: fewer than STALL_BYTES in any STALL_SECONDS (silence, or a
# server dripping a byte a second) is abandoned, not waited out to REQUEST_SECONDS.
STALL_SECONDS = 30.0
STALL_BYTES = 1024
META_BYTES = 20_000_000  # metadata lists codes and labels, not cells
# A JSON-stat2 answer spends about 10 bytes per cell on value and status, and its labels
# grow with the sum of the dimension sizes (never more than the cells): 200 bytes per cell
# and a fixed allowance for the header leave ample room for any honest answer.
BYTES_PER_CELL = 200
BASE_BYTES = 256_000
MAX_REDIRECTS = 3
_EXPRESSION = re.compile(r"[*?]|^(from|to|top|bottom|range)\(")


def is_expression(code: str) -> bool:
    """Whether a selection entry is one of PxWebApi v2's documented selection expressions."""
    return bool(_EXPRESSION.search(code)) or code.startswith("[range(")


def body_limit(cells: int) -> int:
    return BASE_BYTES + BYTES_PER_CELL * cells


class SsbError(RuntimeError):
    """A request to SSB that failed for good."""

    def __init__(self, table_id: str, reason: str):
        self.table_id = table_id
        self.reason = reason
        super().__init__(f"SSB-tabell {table_id}: {reason}")


class Unreachable(SsbError):
    """The statbank cannot be reached at all (connection refused, a name that does not resolve).

    Not retried and not per table: no other table would fare better, so the run stops at once.
    """

    def __init__(self, address: str, why: str):
        self.address = address
        super().__init__("statistikkbanken", why)
        self.args = (f"statistikkbanken kan ikke nås på {address}: {why}",)

    def __str__(self) -> str:
        return self.args[0]


def _chain(exc: BaseException | None):
    seen = set()
    while exc is not None and id(exc) not in seen:
        seen.add(id(exc))
        yield exc
        for arg in getattr(exc, "args", ()):
            if isinstance(arg, BaseException):
                yield from _chain(arg)
        exc = exc.__cause__ or exc.__context__ or getattr(exc, "reason", None)
        if not isinstance(exc, BaseException):
            exc = None


def unreachable_cause(exc: BaseException) -> str | None:
    """Why no connection could be made at all, in words, or None for a transient failure."""
    if isinstance(exc, requests.Timeout):
        return None
    for link in _chain(exc):
        if isinstance(link, socket.gaierror) or type(link).__name__ == "NameResolutionError":
            return "navnet finnes ikke (DNS-oppslaget feilet)"
        if isinstance(link, ConnectionRefusedError) or getattr(link, "errno", None) == errno.ECONNREFUSED:
            return "tilkoblingen ble avvist (ingen tjeneste svarer på den porten)"
        if getattr(link, "errno", None) in (errno.ENETUNREACH, errno.EHOSTUNREACH):
            return "nettverket eller maskinen kan ikke nås"
    return None


def describe_exception(exc: BaseException) -> str:
    """A failed exchange in words, never the exception's raw text (no `HTTPConnectionPool(...)`)."""
    name = type(exc).__name__
    if isinstance(exc, requests.ConnectTimeout):
        return f"fikk ikke kontakt innen tidsfristen ({name})"
    if isinstance(exc, requests.ReadTimeout):
        return f"svaret uteble innen tidsfristen ({name})"
    if isinstance(exc, requests.Timeout):
        return f"tidsavbrudd ({name})"
    cause = unreachable_cause(exc)
    if cause:
        return f"{cause} ({name})"
    if isinstance(exc, requests.exceptions.SSLError):
        return f"TLS-forbindelsen feilet ({name})"
    if isinstance(exc, requests.ConnectionError):
        return f"forbindelsen ble brutt ({name})"
    return f"uventet feil ({name})"


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
        max_wait: float = MAX_WAIT,
        request_seconds: float = REQUEST_SECONDS,
        stall_seconds: float = STALL_SECONDS,
        run_seconds: float | None = None,
        limiter: RateLimiter | None = None,
        say: Callable[[str], None] | None = None,
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
        self.max_wait = max_wait
        self.request_seconds = request_seconds
        self.stall_seconds = stall_seconds
        self.answered = False  # whether the statbank has answered anything in this run
        self.run = Deadline(run_seconds, clock)
        # One limiter per process at least; pass a shared one (state file) for the machine.
        self.limiter = limiter or RateLimiter(RATE_LIMIT, RATE_WINDOW, clock)
        self.say = say or (lambda msg: None)
        self.requests_made = 0

    @property
    def base_url(self) -> str:
        # Read at call time so a test or a mirror can set SSB_API_URL after import.
        url = self._base_url or os.environ.get("SSB_API_URL") or DEFAULT_BASE_URL
        return url.rstrip("/")

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

    # -- HTTP ------------------------------------------------------------------------

    def _wait(self, table_id: str, seconds: float, why: str) -> None:
        if seconds <= 0:
            return
        if seconds > self.run.remaining():
            raise SsbError(
                table_id,
                f"kjøringens tidsfrist ({self.run.seconds:g} s) er nådd: måtte vente {seconds:.0f} s til ({why})",
            )
        if seconds >= 1:
            self.say(f"venter {seconds:.0f} s ({why})")
        self.sleep(seconds)

    def _throttle(self, table_id: str) -> None:
        for _ in range(1000):
            wait = self.limiter.wait_needed()
            if wait <= 0:
                return
            self._wait(
                table_id, wait, f"SSBs grense er 30 forespørsler per minutt; vi holder {self.limiter.limit}"
            )
        raise SsbError(table_id, "fartsgrensen slapp aldri gjennom en forespørsel")

    def _request_json(
        self, table_id: str, path: str, params: list[tuple[str, str]], limit: int, body: dict | None = None
    ) -> dict:
        headers = {"User-Agent": self.user_agent, "Accept": "application/json"}
        last = ""
        url = f"{self.base_url}/{path}"
        for attempt in range(self.max_retries + 1):
            wait = self.backoff * 2**attempt
            if self.run.remaining() <= 0:
                raise SsbError(table_id, f"kjøringens tidsfrist ({self.run.seconds:g} s) er nådd")
            self._throttle(table_id)
            try:
                status, resp_headers, raw, final_url = self._send(table_id, url, params, headers, body, limit)
            except (requests.ConnectionError, requests.Timeout) as exc:
                why = unreachable_cause(exc)
                if why:  # no table would fare better: stop the run, do not retry
                    raise Unreachable(self.base_url, why) from None
                last = describe_exception(exc)
            else:
                if status == 429 or status >= 500:
                    last = f"HTTP {status}"
                    if status == 429:
                        wait = self._retry_after(table_id, resp_headers.get("Retry-After"), default=wait)
                elif status >= 400:
                    text = raw[:300].decode("utf-8", "replace").strip()
                    raise SsbError(table_id, f"HTTP {status} fra {final_url}: {text}")
                else:
                    return _json(raw, table_id, final_url, resp_headers.get("Content-Type"))
            if attempt < self.max_retries:
                self._wait(table_id, wait, f"nytt forsøk etter {last}")
        raise SsbError(table_id, f"ga opp etter {self.max_retries + 1} forsøk mot {url}; siste feil: {last}")

    def _retry_after(self, table_id: str, header: str | None, default: float) -> float:
        # SSB sends seconds. "inf", "nan", negative or a date fall back to our own backoff or fail.
        try:
            asked = float(str(header).strip())
        except (TypeError, ValueError):
            return default
        if math.isnan(asked):
            return default
        if asked > self.max_wait:
            raise SsbError(
                table_id,
                f"SSB ba oss vente {str(header).strip()} s (Retry-After), mer enn grensen på {self.max_wait:g} s; prøv igjen senere",
            )
        return max(0.0, asked)

    def _send(self, table_id, url, params, headers, body, limit):
        """One HTTP exchange under a total deadline; redirects only on the API host."""
        api_host = urlsplit(self.base_url).netloc
        deadline = self.clock() + min(self.request_seconds, max(0.0, self.run.remaining()))
        connect, read = self.timeout if isinstance(self.timeout, tuple) else (self.timeout, self.timeout)
        for _ in range(MAX_REDIRECTS + 1):
            left = deadline - self.clock()
            if left <= 0:
                raise SsbError(table_id, f"svaret kom ikke innen {self.request_seconds:g} s")
            self.requests_made += 1
            kwargs = dict(
                params=params,
                headers=headers,
                timeout=(min(connect, left), min(read, left, self.stall_seconds)),
                stream=True,
                allow_redirects=False,
            )
            resp = (
                self.session.post(url, json=body, **kwargs)
                if body is not None
                else self.session.get(url, **kwargs)
            )
            self.answered = True
            try:
                if resp.is_redirect:
                    target = urljoin(resp.url, resp.headers.get("Location", ""))
                    host = urlsplit(target).netloc
                    if host != api_host:
                        raise SsbError(
                            table_id, f"svaret omdirigerer til {host or target!r}; bare {api_host} er tillatt"
                        )
                    url, params = target, None
                    continue
                return resp.status_code, resp.headers, self._read(table_id, resp, limit, deadline), resp.url
            finally:
                resp.close()
        raise SsbError(table_id, f"mer enn {MAX_REDIRECTS} omdirigeringer")

    def _read(self, table_id: str, resp: requests.Response, limit: int, deadline: float) -> bytes:
        announced = resp.headers.get("Content-Length", "")
        if announced.isdigit() and int(announced) > limit:
            raise SsbError(
                table_id,
                f"svaret er {int(announced)} byte, mer enn grensen på {limit} byte for cellene det ble spurt om",
            )
        buf = bytearray()
        window_start, window_bytes = self.clock(), 0
        try:
            while True:
                # read1: return what has arrived instead of waiting for a full block, so a
                # server that drips bytes meets the deadline below. Decoded, so a gzipped
                # answer is counted (and limited) by what it unpacks to.
                chunk = resp.raw.read1(65536, decode_content=True)
                if not chunk:
                    break
                buf += chunk
                window_bytes += len(chunk)
                now = self.clock()
                if now - window_start >= self.stall_seconds:
                    if window_bytes < STALL_BYTES:
                        raise SsbError(
                            table_id,
                            f"svaret stoppet opp: under {STALL_BYTES} byte på {self.stall_seconds:g} s "
                            f"({len(buf)} byte mottatt); avbrutt",
                        )
                    window_start, window_bytes = now, 0
                if len(buf) > limit:
                    raise SsbError(
                        table_id,
                        f"svaret er over grensen på {limit} byte for cellene det ble spurt om; avbrutt",
                    )
                if self.clock() > deadline:
                    raise SsbError(
                        table_id,
                        f"svaret kom ikke ferdig innen {self.request_seconds:g} s ({len(buf)} byte mottatt)",
                    )
        except SsbError:
            raise
        except (requests.Timeout, TimeoutError) as exc:
            raise SsbError(
                table_id,
                f"svaret stoppet opp: ingen byte på {self.stall_seconds:g} s ({len(buf)} byte mottatt); avbrutt",
            ) from exc
        except Exception as exc:  # urllib3's ProtocolError and friends: a cut-off body
            if any(isinstance(link, (TimeoutError, socket.timeout)) for link in _chain(exc)):
                raise SsbError(
                    table_id,
                    f"svaret stoppet opp: ingen byte på {min(self.stall_seconds, self.request_seconds):g} s "
                    f"({len(buf)} byte mottatt); avbrutt",
                ) from exc
            raise SsbError(
                table_id, f"svaret ble avbrutt etter {len(buf)} byte ({type(exc).__name__})"
            ) from exc
        return bytes(buf)


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


def _json(raw: bytes, table_id: str, url: str, kind: str | None) -> Any:
    try:
        doc = json.loads(raw.decode("utf-8-sig"))
    except UnicodeDecodeError as exc:
        raise SsbError(table_id, f"svaret fra {url} er ikke UTF-8 ({exc.reason})") from exc
    except RecursionError as exc:
        raise SsbError(table_id, "ugyldig JSON i svaret: for dypt nestet") from exc
    except ValueError as exc:
        kind = kind or "ukjent innholdstype"
        raise SsbError(table_id, f"ugyldig JSON i svaret fra {url} ({kind}): {raw[:120]!r}") from exc
    if not isinstance(doc, dict):
        raise SsbError(table_id, f"ugyldig JSON i svaret: forventet et objekt, fikk {type(doc).__name__}")
    if _depth(doc) > 12:
        raise SsbError(
            table_id, "ugyldig JSON i svaret: for dypt nestet (JSON-stat har høyst noen få nivåer)"
        )
    return doc


def _depth(doc: Any, limit: int = 13) -> int:
    """Nesting depth, counted only up to `limit` (a deep document is refused, not walked)."""
    level, frontier = 0, [doc]
    while frontier and level < limit:
        level += 1
        nxt = []
        for item in frontier:
            if isinstance(item, dict):
                nxt += [v for v in item.values() if isinstance(v, (dict, list))]
            elif isinstance(item, list):
                nxt += [v for v in item if isinstance(v, (dict, list))]
        frontier = nxt
    return level
