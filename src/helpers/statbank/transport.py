"""The HTTP side of the statbank client, built so that it cannot hang.

Every request has a total deadline (not only a timeout per read), the whole run has one
too, at most 30 requests per minute per IP are sent (25 kept, shared by every process on
the machine through `limits.RateLimiter`), a Retry-After longer than `max_wait` fails at
once naming the wait asked, a body larger than the cells asked for can justify is refused
(from Content-Length before reading, or while streaming), redirects are followed only on
the API's own host, and an answer must be a JSON object of modest depth. Every failure is
an SsbError naming the table (helpers.statbank.failures).
"""

from __future__ import annotations

import json
import math
import os
import socket
import time
from collections.abc import Callable
from typing import Any
from urllib.parse import urljoin, urlsplit

import requests

from helpers.statbank.failures import (
    SsbError,
    Unreachable,
    describe_exception,
    exception_chain,
    unreachable_cause,
)
from helpers.statbank.limits import RATE_LIMIT, RATE_WINDOW, Deadline, RateLimiter

DEFAULT_BASE_URL = "https://data.ssb.no/api/pxwebapi/v2"
DEFAULT_USER_AGENT = "oslo-flytting-bok/0.1 (+https://github.com/; data-journalism book)"

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


def body_limit(cells: int) -> int:
    return BASE_BYTES + BYTES_PER_CELL * cells


class Transport:
    """JSON over HTTP from the statbank, under deadlines, a rate limit and size limits."""

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
        max_wait: float = MAX_WAIT,
        request_seconds: float = REQUEST_SECONDS,
        stall_seconds: float = STALL_SECONDS,
        run_seconds: float | None = None,
        limiter: RateLimiter | None = None,
        say: Callable[[str], None] | None = None,
    ):
        self._base_url = base_url
        self.timeout = timeout
        self.max_retries = max_retries
        self.backoff = backoff
        self.session = session if session is not None else requests.Session()
        self.sleep = sleep
        self.clock = clock
        self.user_agent = user_agent
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
            if any(isinstance(link, (TimeoutError, socket.timeout)) for link in exception_chain(exc)):
                raise SsbError(
                    table_id,
                    f"svaret stoppet opp: ingen byte på {min(self.stall_seconds, self.request_seconds):g} s "
                    f"({len(buf)} byte mottatt); avbrutt",
                ) from exc
            raise SsbError(
                table_id, f"svaret ble avbrutt etter {len(buf)} byte ({type(exc).__name__})"
            ) from exc
        return bytes(buf)


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
