"""What keeps a refresh from hanging or flooding SSB: deadlines, the shared rate limit, the lock.

SSB allows 30 requests per 60 s per IP address. Two refreshes (or a refresh and a `verify`)
on one machine share that address, so the request times live in one state file that every
client on the machine reads and writes under an exclusive file lock, and the client keeps
a margin below SSB's limit. One refresh at a time is enforced by a lock file that names its
holder (pid, host, start time), so a second `make data` says who is running instead of
doubling the load; a lock whose process is gone is stale and taken over.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import fcntl
import json
import os
import socket
import time
from collections import deque
from collections.abc import Callable
from pathlib import Path

RATE_LIMIT = 25  # requests per window: SSB allows 30, the rest is margin for clocks and others
RATE_WINDOW = 60.0  # seconds
ENV_STATE = "SSB_STATE_DIR"


def state_dir() -> Path:
    """Where the machine-wide request times and the refresh lock live (outside the repository)."""
    override = os.environ.get(ENV_STATE)
    base = Path(override) if override else Path(os.environ.get("XDG_CACHE_HOME", Path.home() / ".cache"))
    folder = base if override else base / "oslo-flytting-ssb"
    folder.mkdir(parents=True, exist_ok=True)
    return folder


class Deadline:
    """A point in time on `clock`; None means no limit."""

    def __init__(self, seconds: float | None, clock: Callable[[], float] = time.monotonic):
        self.seconds = seconds
        self.clock = clock
        self.at = None if seconds is None else clock() + seconds

    def remaining(self) -> float:
        return float("inf") if self.at is None else self.at - self.clock()


class RateLimiter:
    """At most `limit` request starts per rolling `window` seconds.

    With `state_file` the start times are shared with every process on the machine that uses
    the same file (wall-clock time, since monotonic clocks differ between processes);
    without it they are kept in memory, for tests with a fake clock.
    """

    def __init__(
        self,
        limit: int = RATE_LIMIT,
        window: float = RATE_WINDOW,
        clock: Callable[[], float] = time.monotonic,
        state_file: Path | None = None,
    ):
        self.limit, self.window, self.clock, self.state_file = limit, window, clock, state_file
        self._recent: deque[float] = deque()

    def wait_needed(self) -> float:
        """Seconds to wait before the next request may start; 0 means it was counted as started."""
        if self.state_file is None:
            return self._take(self._recent, self.clock())
        with _locked(self.state_file) as handle:
            handle.seek(0)
            try:
                stamps = deque(float(x) for x in json.loads(handle.read() or "[]"))
            except (ValueError, TypeError):
                stamps = deque()  # a damaged state file must not stop the refresh
            wait = self._take(stamps, time.time())
            handle.seek(0)
            handle.truncate()
            handle.write(json.dumps(list(stamps)))
            return wait

    def _take(self, stamps: deque[float], now: float) -> float:
        while stamps and now - stamps[0] >= self.window:
            stamps.popleft()
        if len(stamps) >= self.limit:
            return stamps[0] + self.window - now
        stamps.append(now)
        return 0.0


@contextlib.contextmanager
def _locked(path: Path):
    path.parent.mkdir(parents=True, exist_ok=True)
    with open(path, "a+", encoding="utf-8") as handle:
        fcntl.flock(handle, fcntl.LOCK_EX)
        try:
            yield handle
        finally:
            fcntl.flock(handle, fcntl.LOCK_UN)


class LockHeld(RuntimeError):
    pass


def _alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    return True


def describe_holder(info: dict) -> str:
    return f"pid {info.get('pid')} på {info.get('host')}, startet {info.get('started')} ({info.get('what', '?')})"


@contextlib.contextmanager
def refresh_lock(what: str, path: Path | None = None, stale_after: float = 6 * 3600):
    """One refresh at a time on this machine. Raises LockHeld naming the holder.

    A lock whose process no longer exists on this host, or older than `stale_after` seconds
    (longer than any run may take), is stale: it is replaced, and the caller is told so.
    """
    path = path or state_dir() / "refresh.lock"
    me = {
        "pid": os.getpid(),
        "host": socket.gethostname(),
        "started": dt.datetime.now(dt.UTC).replace(microsecond=0).isoformat(),
        "what": what,
    }
    stale = None
    for _ in range(2):
        try:
            fd = os.open(path, os.O_CREAT | os.O_EXCL | os.O_WRONLY, 0o644)
        except FileExistsError:
            try:
                info = json.loads(path.read_text(encoding="utf-8"))
            except (OSError, ValueError):
                info = {}
            age = time.time() - path.stat().st_mtime if path.exists() else 0
            dead = info.get("host") == me["host"] and not _alive(int(info.get("pid", 0) or 0))
            if dead or age > stale_after or not info:
                stale = info
                path.unlink(missing_ok=True)
                continue
            raise LockHeld(
                f"en annen oppfriskning kjører allerede: {describe_holder(info)}; lås {path}"
            ) from None
        with os.fdopen(fd, "w", encoding="utf-8") as f:
            json.dump(me, f)
        break
    else:
        raise LockHeld(f"kunne ikke ta låsen {path}")
    try:
        yield stale
    finally:
        with contextlib.suppress(OSError):
            if json.loads(path.read_text(encoding="utf-8")).get("pid") == me["pid"]:
                path.unlink()
