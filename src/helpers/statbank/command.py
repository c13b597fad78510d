"""`make data` from the command line: the refresh with a client from the environment, under
the machine's lock, each failure said in one line, and Ctrl-C or SIGTERM ending it
cleanly.
"""

from __future__ import annotations

import contextlib
import signal
import sys
from collections.abc import Callable
from pathlib import Path

from helpers.statbank.client import SsbClient, Unreachable, describe_exception
from helpers.statbank.connect import client_from
from helpers.statbank.failures import RefreshError
from helpers.statbank.limits import LockHeld, describe_holder, refresh_lock
from helpers.statbank.refresh import refresh


@contextlib.contextmanager
def _signals_end_cleanly():
    """SIGTERM and SIGHUP end the run through the normal failure path (staging removed)."""

    def stop(signum, frame):
        raise SystemExit(f"avbrutt av signal {signal.Signals(signum).name}")

    old = {s: signal.signal(s, stop) for s in (signal.SIGTERM, signal.SIGHUP)}
    try:
        yield
    finally:
        for s, handler in old.items():
            signal.signal(s, handler)


def main(args, before_move: Callable[[dict], None] | None = None) -> int:
    """What `make data` runs. 0 on success; otherwise one line on stderr and data/ untouched.

    `before_move(record)`: see `refresh` (the book's text before the change, site.tekster)."""
    from helpers.store.paths import DataNotFound, data_dir

    where = {"now": "datapakken"}
    # Progress waits for the statbank's first answer: when it cannot be reached at all, the
    # run says so in one line instead of announcing tables it never asked for.
    held: list[str] = []
    client: SsbClient | None = None

    def say(msg: str) -> None:
        if msg.startswith("["):
            where["now"] = msg.split(":", 1)[0]
        if client is not None and not client.answered:
            held.append(msg)
            return
        for line in held:
            print(line, file=sys.stderr, flush=True)
        held.clear()
        print(msg, file=sys.stderr, flush=True)

    def fail(msg: str) -> None:
        print(msg, file=sys.stderr, flush=True)

    try:
        target = Path(args.data).resolve() if getattr(args, "data", None) else data_dir()
    except DataNotFound as exc:
        fail(f"FEIL: {exc}")
        return 1
    try:
        with _signals_end_cleanly(), refresh_lock(f"refresh av {target}") as stale:
            if stale:
                say(f"merk: tok over en foreldet lås ({describe_holder(stale)})")
            client = client_from(args, say)
            say(f"Oppfrisker {target} fra {client.base_url}")
            written = refresh(target, client, progress=say, before_move=before_move)
    except Unreachable as exc:
        fail(f"FEIL: {exc}; ingen filer i {target} er endret.")
        return 1
    except LockHeld as exc:
        fail(f"FEIL: {exc}")
        return 1
    except RefreshError as exc:
        say(f"FEIL: {exc}")
        say(f"Ingen filer i {target} er endret.")
        return 1
    except (Exception, SystemExit, KeyboardInterrupt) as exc:  # a bug or a signal: same ending
        say(f"FEIL: {where['now']}: uventet stopp: {_plain(exc)}")
        say(f"Ingen filer i {target} er endret.")
        return 2
    if written:
        say(f"Ferdig: skrev {', '.join(written)} i {target}")
    return 0


def _plain(exc: BaseException) -> str:
    """An unexpected stop in words: a network error described, never its raw repr."""
    import requests

    if isinstance(exc, requests.RequestException):
        return describe_exception(exc)
    return f"{type(exc).__name__}: {str(exc)[:300]}"
