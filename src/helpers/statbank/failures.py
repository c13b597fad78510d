"""How an exchange with SSB or a refresh failed, in words: the errors the client and the
refresh raise, and the description of a failed connection (never the exception's raw text)."""

from __future__ import annotations

import errno
import socket

import requests


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


def exception_chain(exc: BaseException | None):
    """The exception and every exception it wraps (cause, context, args, `reason`), once each."""
    seen = set()
    while exc is not None and id(exc) not in seen:
        seen.add(id(exc))
        yield exc
        for arg in getattr(exc, "args", ()):
            if isinstance(arg, BaseException):
                yield from exception_chain(arg)
        exc = exc.__cause__ or exc.__context__ or getattr(exc, "reason", None)
        if not isinstance(exc, BaseException):
            exc = None


def unreachable_cause(exc: BaseException) -> str | None:
    """Why no connection could be made at all, in words, or None for a transient failure."""
    if isinstance(exc, requests.Timeout):
        return None
    for link in exception_chain(exc):
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


class RefreshError(RuntimeError):
    """A refresh that stopped; `table` says where ("datapakken" for the package as a whole)."""

    def __init__(self, table: str, reason: str):
        self.table = table
        self.reason = reason
        where = table if table == "datapakken" else f"SSB-tabell {table}"
        super().__init__(f"{where}: {reason}")
