"""Live preview while writing: build the book, serve it on 127.0.0.1, rebuild when a
source changes, and reload the open page when the rebuild is done.

    make preview                      (PORT=8000 by default)
    python tools/preview.py --port 8001

The build is the strict one of `make book`: a failing cell or a Sphinx warning keeps the
last good site on screen, with the error in a red bar at the top of the page and in full in
the terminal. A number typed into the prose (tools/checks.py typed-numbers, the check of
`make lint`) shows in a yellow bar. The build re-runs only the chapters whose text, helpers
modules or data files changed (helpers.site.chapter_inputs), and waits for a `make book` running at the
same time. A busy port is reported before anything is built.
"""

from __future__ import annotations

import argparse
import collections
import functools
import http.server
import json
import re
import shlex
import subprocess
import sys
import threading
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
CHECKS = Path(__file__).resolve().parent / "checks.py"
WATCHED = ("notebooks", "book", "src", "data", "_config.yml", "_toc.yml")
PAGES = ("notebooks", "book")
SKIPPED_PARTS = {"__pycache__", ".ipynb_checkpoints"}
ENDPOINT = "/__preview__"
ANSI = re.compile(r"\x1b\[[0-9;]*m")
RELOADER = (
    """<script>/* make preview: reload after each rebuild */
(function () {
  var seen = null, bar = document.createElement("div");
  bar.style.cssText = "position:fixed;top:0;left:0;right:0;z-index:10000;padding:.5em 1em;" +
    "background:#b00020;color:#fff;font:14px/1.4 monospace;white-space:pre-wrap;" +
    "max-height:50vh;overflow:auto;display:none";
  document.addEventListener("DOMContentLoaded", function () { document.body.appendChild(bar); });
  setInterval(function () {
    fetch("ENDPOINT", {cache: "no-store"}).then(function (r) { return r.json(); }).then(function (s) {
      if (seen === null) { seen = s.version; } else if (s.version !== seen) { location.reload(); }
      var typed = s.warnings.length ? "Tall skrevet inn i teksten (regn dem ut og lim dem inn):\\n" +
        s.warnings.join("\\n") : "";
      bar.textContent = s.ok ? typed : "Byggingen feilet, siste fungerende versjon vises:\\n" + s.message;
      bar.style.background = s.ok ? "#fff3b0" : "#b00020";
      bar.style.color = s.ok ? "#000" : "#fff";
      bar.style.display = bar.textContent ? "block" : "none";
    }).catch(function () {});
  }, 1000);
})();
</script>"""
).replace("ENDPOINT", ENDPOINT, 1)


class State:
    """What the open pages poll: the build number and whether the last build worked."""

    def __init__(self) -> None:
        self.lock = threading.Lock()
        self.version = 0
        self.ok = True
        self.message = ""
        self.warnings: list[str] = []

    def as_json(self) -> bytes:
        with self.lock:
            return json.dumps(
                {"version": self.version, "ok": self.ok, "message": self.message, "warnings": self.warnings}
            ).encode()

    def update(self, ok: bool, message: str, warnings: list[str]) -> None:
        with self.lock:
            self.ok, self.message, self.warnings = ok, message, warnings
            if ok:
                self.version += 1


class Handler(http.server.SimpleHTTPRequestHandler):
    state: State

    def log_message(self, *args) -> None:
        pass

    def end_headers(self) -> None:
        self.send_header("Cache-Control", "no-store")
        super().end_headers()

    def do_GET(self) -> None:
        if self.path == ENDPOINT:
            self._send(self.state.as_json(), "application/json")
            return
        path = Path(self.translate_path(self.path))
        if path.is_dir():
            path = path / "index.html"
        if path.suffix == ".html" and path.is_file():
            page = path.read_text(encoding="utf-8")
            at = page.rfind("</body>")
            at = len(page) if at < 0 else at
            self._send((page[:at] + RELOADER + page[at:]).encode("utf-8"), "text/html; charset=utf-8")
            return
        super().do_GET()

    def _send(self, body: bytes, kind: str) -> None:
        self.send_response(200)
        self.send_header("Content-Type", kind)
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)


def sources(root: Path) -> dict[str, tuple[float, int]]:
    """Every watched file with its modification time and size."""
    found = {}
    for name in WATCHED:
        top = root / name
        files = [top] if top.is_file() else top.rglob("*") if top.is_dir() else []
        for path in files:
            if path.is_file() and not SKIPPED_PARTS & set(path.parts):
                stat = path.stat()
                found[path.relative_to(root).as_posix()] = (stat.st_mtime, stat.st_size)
    return found


def changed(before: dict, after: dict) -> list[str]:
    return sorted(k for k in before.keys() | after.keys() if before.get(k) != after.get(k))


def typed_numbers(root: Path) -> list[str]:
    """The typed-number findings of `make lint` on every page, paths relative to root."""
    pages = sorted(str(p) for folder in PAGES for p in (root / folder).glob("*.md"))
    if not pages:
        return []
    proc = subprocess.run(
        [sys.executable, str(CHECKS), "typed-numbers", *pages], capture_output=True, text=True
    )
    return [line.replace(f"{root}/", "") for line in proc.stderr.splitlines() if line.strip()]


def build(command: list[str], root: Path, state: State) -> bool:
    """Run the build, echoing its output; keep the tail for the page's error bar."""
    started = time.monotonic()
    tail: collections.deque[str] = collections.deque(maxlen=25)
    with subprocess.Popen(
        command, cwd=root, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True, bufsize=1
    ) as proc:
        for line in proc.stdout:
            sys.stdout.write(line)
            tail.append(ANSI.sub("", line).rstrip())
    ok = proc.returncode == 0
    warnings = typed_numbers(root)
    state.update(ok, "" if ok else "\n".join(tail), warnings)
    took = time.monotonic() - started
    print(f"\n[preview] {'bygget' if ok else 'FEILET'} på {took:.0f} s", flush=True)
    for line in warnings:
        print(f"[preview] skrevet inn: {line}", flush=True)
    return ok


def bind(site: Path, port: int, state: State) -> http.server.ThreadingHTTPServer:
    handler = functools.partial(type("PreviewHandler", (Handler,), {"state": state}), directory=str(site))
    return http.server.ThreadingHTTPServer(("127.0.0.1", port), handler)


def watch(root: Path, command: list[str], state: State, interval: float, stop: threading.Event) -> None:
    seen = sources(root)
    while not stop.wait(interval):
        now = sources(root)
        if now == seen:
            continue
        # Let an editor finish writing (several files, or a file in steps) before building.
        while not stop.wait(interval / 2):
            settled = sources(root)
            if settled == now:
                break
            now = settled
        files = changed(seen, now)
        seen = now
        print(f"\n[preview] endret: {', '.join(files[:5])}{' …' if len(files) > 5 else ''}", flush=True)
        build(command, root, state)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--port", type=int, default=8000)
    parser.add_argument("--root", type=Path, default=ROOT)
    parser.add_argument("--interval", type=float, default=1.0, help="seconds between looks for changes")
    parser.add_argument("--build", help="build command (default: the strict build of make book)")
    parser.add_argument(
        "--serve-only",
        action="store_true",
        help="serve the last build as it is (make serve): no build, no watching",
    )
    args = parser.parse_args(argv)
    root = args.root.resolve()
    command = shlex.split(args.build) if args.build else [sys.executable, "-m", "helpers", "build", str(root)]
    state = State()
    site = root / "_build" / "html"
    site.mkdir(parents=True, exist_ok=True)
    try:
        server = bind(site, args.port, state)
    except OSError as exc:
        print(
            f"[preview] port {args.port} på 127.0.0.1 er opptatt ({exc.strerror}): "
            f"velg en annen, f.eks. make {'serve' if args.serve_only else 'preview'} PORT={args.port + 1}",
            file=sys.stderr,
        )
        return 2
    if args.serve_only:
        if not (site / "index.html").is_file():
            print("[serve] ingen bygget bok i _build/html: kjør make book først", file=sys.stderr)
            return 2
        print(f"[serve] http://127.0.0.1:{args.port}/  (Ctrl+C for å stoppe)", flush=True)
        try:
            server.serve_forever()
        except KeyboardInterrupt:
            pass
        return 0
    build(command, root, state)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    print(f"[preview] http://127.0.0.1:{args.port}/  (Ctrl+C for å stoppe)", flush=True)
    stop = threading.Event()
    try:
        watch(root, command, state, args.interval, stop)
    except KeyboardInterrupt:
        pass
    finally:
        stop.set()
        server.shutdown()
    return 0


if __name__ == "__main__":
    sys.exit(main())
