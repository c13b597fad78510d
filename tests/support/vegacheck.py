"""What a compiled Vega spec draws where its data have no number.

A point (symbol) mark whose position comes from a field must be fed only rows where that
field holds a number: Vega-Lite adds that filter when the book's `invalid` setting says so
(and an older Vega-Lite that ignores the setting, like JupyterLab's 5.6, would draw the
missing value as a point at the edge of the axis). Returns one line per point mark that
could draw a point for a missing value.
"""

from __future__ import annotations

import re


def _marks(node):
    if isinstance(node, dict):
        if node.get("type") and "from" in node and "encode" in node:
            yield node
        for value in node.values():
            yield from _marks(value)
    elif isinstance(node, list):
        for value in node:
            yield from _marks(value)


def _filters(data: dict, name: str) -> str:
    """Every filter expression on the way from the source to data set `name`."""
    out = []
    while name in data:
        entry = data[name]
        out += [t.get("expr", "") for t in entry.get("transform", []) if t.get("type") == "filter"]
        name = entry.get("source")
    return " ".join(out)


def points_where_data_have_none(spec: dict) -> list[str]:
    data = {d["name"]: d for d in _all_data(spec)}
    problems = []
    for mark in _marks(spec):
        if mark.get("type") != "symbol" or "data" not in mark["from"]:
            continue
        update = mark["encode"].get("update", {})
        for channel in ("x", "y"):
            enc = update.get(channel)
            if not isinstance(enc, dict) or "field" not in enc or "scale" not in enc:
                continue
            field = enc["field"] if isinstance(enc["field"], str) else None
            if field is None:
                continue
            checked = _filters(data, mark["from"]["data"])
            if not re.search(r'isValid\(datum\["' + re.escape(field) + r'"\]\)', checked):
                problems.append(f"{mark.get('name')}: {channel} = {field} uten filter for manglende tall")
    return problems


def _all_data(node):
    if isinstance(node, dict):
        for entry in node.get("data", []) if isinstance(node.get("data"), list) else []:
            if isinstance(entry, dict) and "name" in entry:
                yield entry
        for key, value in node.items():
            if key != "data":
                yield from _all_data(value)
    elif isinstance(node, list):
        for value in node:
            yield from _all_data(value)
