"""A fake PxWebApi v2 for tests: answers a data request with the cells it asked for.

`subset(doc, selection)` cuts a full JSON-stat2 data document down to the selected codes,
the way SSB answers a query; `data_answer(doc)` wraps it as a `responses` callback.
`HANDBUILT` holds the hand-built metadata and data of every table that has a fixture
(tests/fixtures/make_handbuilt.py), by table id.
"""

from __future__ import annotations

import contextlib
import copy
import functools
import gzip
import itertools
import json
import re
import threading
import time
import zlib
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from urllib.parse import parse_qsl, urlsplit

from helpers.statbank.client import match_codes
from helpers.statbank.jsonstat import categories
from support import FIXTURES

FAKE_BASE = "https://ssb.test/api/pxwebapi/v2"


def _handbuilt() -> dict[str, dict[str, dict]]:
    found = {}
    for path in sorted(FIXTURES.glob("ssb-*-v2-metadata.HANDBUILT.json")):
        table = path.name.split("-")[1]
        found[table] = {
            "meta": json.loads(path.read_text(encoding="utf-8")),
            "data": json.loads(
                (FIXTURES / f"ssb-{table}-v2-data.HANDBUILT.jsonstat2.json").read_text(encoding="utf-8")
            ),
        }
    return found


HANDBUILT = _handbuilt()


def value_codes(url: str, body: bytes | str | None = None) -> dict[str, list[str]]:
    """The selection of a data request: from a POST body when there is one, else the URL."""
    if body:
        doc = json.loads(body)
        return {s["variableCode"]: list(s["valueCodes"]) for s in doc["selection"]}
    return {
        k[len("valueCodes[") : -1]: v.split(",")
        for k, v in parse_qsl(urlsplit(url).query)
        if k.lower().startswith("valuecodes[")
    }


def subset(doc: dict, selection: dict[str, list[str]]) -> dict:
    """What SSB would answer for `selection`: the document cut down to the selected codes.

    A hand-built data document holds only the dimensions SSB answers with; one it sums
    away (Kjonn) exists in the metadata alone, so a query naming it is a test bug.
    """
    cats = categories(doc)
    unknown = set(selection) - set(doc["id"])
    if unknown:
        raise AssertionError(f"the fake table has no dimension {sorted(unknown)} in its data document")
    ids, sizes = doc["id"], doc["size"]
    keep = []
    for d in ids:
        # Selection expressions (*, *K4, from(x), top(n)) are resolved as SSB does.
        picked = set(match_codes([c for c, _ in cats[d]], selection.get(d, ["*"])))
        keep.append([i for i, (code, _) in enumerate(cats[d]) if code in picked])
    strides = [1] * len(ids)
    for k in range(len(ids) - 2, -1, -1):
        strides[k] = strides[k + 1] * sizes[k + 1]
    values, status = [], {}
    for new, pos in enumerate(itertools.product(*keep)):
        old = sum(p * s for p, s in zip(pos, strides, strict=True))
        values.append(doc["value"][old])
        if str(old) in doc.get("status", {}):
            status[str(new)] = doc["status"][str(old)]
    out = copy.deepcopy(doc)
    out.update(size=[len(k) for k in keep], value=values, status=status)
    for d, idx in zip(ids, keep, strict=True):
        codes = [cats[d][i][0] for i in idx]
        category = out["dimension"][d]["category"]
        category["index"] = codes
        category["label"] = {c: doc["dimension"][d]["category"]["label"][c] for c in codes}
        if "unit" in category:
            category["unit"] = {c: u for c, u in category["unit"].items() if c in codes}
    return out


def data_answer(doc: dict):
    """A `responses` callback answering data requests from the full document `doc`."""

    def answer(request):
        sel = value_codes(request.url, request.body)
        return 200, {"Content-Type": "application/json"}, json.dumps(subset(doc, sel))

    return answer


def data_url(table: str, base: str = FAKE_BASE):
    return re.compile(re.escape(f"{base}/tables/{table}/data") + r"(\?.*)?$")


def meta_url(table: str, base: str = FAKE_BASE):
    return re.compile(re.escape(f"{base}/tables/{table}/metadata") + r"(\?.*)?$")


# -- a local fake SSB server (127.0.0.1 only) ----------------------------------------------------

SEARCH_FIXTURE = FIXTURES / "ssb-v2-tables-search.HANDBUILT.json"


class FakeSsbHandler(BaseHTTPRequestHandler):
    """PxWebApi v2 on 127.0.0.1, answering from HANDBUILT, or misbehaving as `mode` says.

        Modes: "fixtures" (a well-behaved statbank), "500", "garbage", "slow" (3 s, then 500),
        "retry-after:<value>" (429 with that header), "drip" (one byte every 0.1 s, forever),
        "huge" (announces 2 GB), "endless" (streams without Content-Length, fast, forever),
        "claims" (a small answer claiming 2×10⁸ cells), "other-table" (the right cells, another
        table's id), "redirect" (to another host), "cut" (a body cut off halfway), "deep"
        (JSON nested 100 000 levels), "gzip" (well-behaved, compressed), "gzip-bomb" (200 MB of
    zeros in a few hundred kB). Misbehaviour applies to data requests; metadata and
        searches are answered from the fixtures, so a failure names the table it hit.
    """

    mode = "fixtures"
    meta: dict = {}
    data: dict = {}
    log: list = []

    def log_message(self, *args):
        pass

    def do_GET(self):
        self._answer(None)

    def do_POST(self):
        length = int(self.headers.get("Content-Length") or 0)
        self._answer(self.rfile.read(length) if length else b"")

    def _answer(self, body):
        self.log.append((self.command, self.path, len(self.path)))
        parts = urlsplit(self.path).path.rstrip("/").split("/")
        if parts[-1] == "tables":
            return self._send(200, SEARCH_FIXTURE.read_bytes())
        table, endpoint = parts[-2], parts[-1]
        if table not in self.meta:
            return self._send(404, b'{"title": "Non-existent table"}')
        if endpoint == "metadata":
            return self._send(200, json.dumps(self.meta[table]).encode())
        mode, _, arg = self.mode.partition(":")
        answer = subset(self.data[table], value_codes(self.path, body))
        if mode == "fixtures":
            self._send(200, json.dumps(answer).encode())
        elif mode == "gzip":  # as SSB may send it: the client asks for gzip by default
            payload = gzip.compress(json.dumps(answer).encode())
            self.send_response(200)
            self.send_header("Content-Type", "application/json")
            self.send_header("Content-Encoding", "gzip")
            self.send_header("Content-Length", str(len(payload)))
            self.end_headers()
            self.wfile.write(payload)
        elif mode == "gzip-bomb":
            payload = _bomb()
            self.send_response(200)
            self.send_header("Content-Type", "application/json")
            self.send_header("Content-Encoding", "gzip")
            self.send_header("Content-Length", str(len(payload)))
            self.end_headers()
            try:
                self.wfile.write(payload)
            except (BrokenPipeError, ConnectionResetError):
                pass
        elif mode == "500":
            self._send(500, b"Internal Server Error", "text/plain")
        elif mode == "garbage":
            self._send(200, b"<html>not json {{{")
        elif mode == "slow":
            time.sleep(3)
            self._send(500, b"too late", "text/plain")
        elif mode == "retry-after":
            self.send_response(429)
            self.send_header("Retry-After", arg)
            self.send_header("Content-Length", "0")
            self.end_headers()
        elif mode == "drip":
            self._stream(b"{", length=10_000, pause=0.1)
        elif mode == "huge":
            self._stream(b"0" * 65536, length=2_000_000_000, pause=0)
        elif mode == "endless":
            self._stream(b"[" + b"1," * 32767, length=None, pause=0)
        elif mode == "claims":
            answer["size"] = [20000, 10000] + [1] * (len(answer["size"]) - 2)
            self._send(200, json.dumps(answer).encode())
        elif mode == "other-table":
            answer["label"] = "99999: " + answer["label"].split(":", 1)[-1]
            answer["extension"]["px"]["tableid"] = "99999"
            self._send(200, json.dumps(answer).encode())
        elif mode == "redirect":
            self.send_response(302)
            self.send_header("Location", f"http://elsewhere.test:{self.server.server_address[1]}{self.path}")
            self.send_header("Content-Length", "0")
            self.end_headers()
        elif mode == "cut":
            whole = json.dumps(answer).encode()
            self.send_response(200)
            self.send_header("Content-Type", "application/json")
            self.send_header("Content-Length", str(len(whole)))
            self.end_headers()
            self.wfile.write(whole[: len(whole) // 2])
            self.wfile.flush()
            self.close_connection = True
        elif mode == "deep":
            self._send(200, b"[" * 100_000 + b"]" * 100_000)

    def _send(self, status, payload, kind="application/json"):
        self.send_response(status)
        self.send_header("Content-Type", kind)
        self.send_header("Content-Length", str(len(payload)))
        self.end_headers()
        try:
            self.wfile.write(payload)
        except (BrokenPipeError, ConnectionResetError):  # the client gave up first
            pass

    def _stream(self, block, length, pause):
        self.send_response(200)
        self.send_header("Content-Type", "application/json")
        if length is not None:
            self.send_header("Content-Length", str(length))
        self.end_headers()
        try:
            while True:
                self.wfile.write(block[:1] if pause else block)
                self.wfile.flush()
                if pause:
                    time.sleep(pause)
        except (BrokenPipeError, ConnectionResetError, OSError):
            pass


@functools.cache
def _bomb(megabytes: int = 200) -> bytes:
    """A gzip body that unpacks to `megabytes` of zeros, built without holding them."""
    packer = zlib.compressobj(9, zlib.DEFLATED, 31)  # 31: gzip framing
    block = b"0" * 1_000_000
    return b"".join(packer.compress(block) for _ in range(megabytes)) + packer.flush()


@contextlib.contextmanager
def fake_server(mode: str = "fixtures", meta: dict | None = None, data: dict | None = None):
    """A FakeSsbHandler server on 127.0.0.1 (a free port); yields (base URL, request log)."""
    log: list = []
    if mode == "gzip-bomb":
        _bomb()  # built before the first request, not while the client waits
    handler = type(
        "Handler",
        (FakeSsbHandler,),
        {
            "mode": mode,
            "meta": {**{t: h["meta"] for t, h in HANDBUILT.items()}, **(meta or {})},
            "data": {**{t: h["data"] for t, h in HANDBUILT.items()}, **(data or {})},
            "log": log,
        },
    )
    server = ThreadingHTTPServer(("127.0.0.1", 0), handler)
    server.daemon_threads = True
    # shutdown() waits for the serving loop's next poll: the default 0.5 s, paid by every test.
    threading.Thread(target=server.serve_forever, kwargs={"poll_interval": 0.02}, daemon=True).start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}/api/pxwebapi/v2", log
    finally:
        server.shutdown()
        server.server_close()
