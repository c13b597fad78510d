"""The client a command asks for: settings from the environment (SSB_*), a rate limiter
shared on the machine.
"""

from __future__ import annotations

import os
from collections.abc import Callable

from helpers.statbank.client import SsbClient
from helpers.statbank.failures import RefreshError
from helpers.statbank.limits import RateLimiter, state_dir

ENV = {
    "max_retries": ("SSB_MAX_RETRIES", int),
    "backoff": ("SSB_BACKOFF", float),
    "timeout": ("SSB_TIMEOUT", float),
    "max_wait": ("SSB_MAX_WAIT", float),
    "request_seconds": ("SSB_REQUEST_SECONDS", float),
    "stall_seconds": ("SSB_STALL_SECONDS", float),
    "run_seconds": ("SSB_RUN_SECONDS", float),
}


RUN_SECONDS = 1800.0  # a whole refresh; at 25 requests a minute that is far more than needed


def _settings(args) -> dict:
    out = {}
    for name, (env, cast) in ENV.items():
        value = getattr(args, name, None)
        if value is None and os.environ.get(env):
            try:
                value = cast(os.environ[env])
            except ValueError as exc:
                raise RefreshError("datapakken", f"{env}={os.environ[env]!r} er ikke et tall") from exc
        if value is not None:
            out[name] = value
    out.setdefault("run_seconds", RUN_SECONDS)
    return out


def client_from(args, say: Callable[[str], None] | None = None) -> SsbClient:
    """One client for the whole run, its request times shared with every other on the machine."""
    limiter = RateLimiter(state_file=state_dir() / "requests.json")
    return SsbClient(limiter=limiter, say=say, **_settings(args))
