"""A fake PxWebApi v2 for tests: answers a data request with the cells it asked for.

`subset(doc, selection)` cuts a full JSON-stat2 data document down to the selected codes,
the way SSB answers a query; `data_answer(doc)` wraps it as a `responses` callback.
`HANDBUILT` holds the hand-built metadata and data of every table that has a fixture
(tests/fixtures/make_handbuilt.py), by table id.
"""

from __future__ import annotations

import copy
import itertools
import json
import re
from urllib.parse import parse_qsl, urlsplit

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


def value_codes(url: str) -> dict[str, list[str]]:
    return {
        k[len("valueCodes[") : -1]: v.split(",")
        for k, v in parse_qsl(urlsplit(url).query)
        if k.startswith("valueCodes[")
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
        wanted = selection.get(d, ["*"])
        keep.append([i for i, (code, _) in enumerate(cats[d]) if wanted == ["*"] or code in wanted])
    strides = [1] * len(ids)
    for k in range(len(ids) - 2, -1, -1):
        strides[k] = strides[k + 1] * sizes[k + 1]
    values, status = [], {}
    for new, pos in enumerate(itertools.product(*keep)):
        old = sum(p * s for p, s in zip(pos, strides))
        values.append(doc["value"][old])
        if str(old) in doc.get("status", {}):
            status[str(new)] = doc["status"][str(old)]
    out = copy.deepcopy(doc)
    out.update(size=[len(k) for k in keep], value=values, status=status)
    for d, idx in zip(ids, keep):
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
        return 200, {"Content-Type": "application/json"}, json.dumps(subset(doc, value_codes(request.url)))

    return answer


def data_url(table: str, base: str = FAKE_BASE):
    return re.compile(re.escape(f"{base}/tables/{table}/data") + r"(\?.*)?$")


def meta_url(table: str, base: str = FAKE_BASE):
    return re.compile(re.escape(f"{base}/tables/{table}/metadata") + r"(\?.*)?$")
