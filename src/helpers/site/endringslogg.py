"""Sphinx extension: the «Endringslogg» page, its Atom feed and the data date on every page.

- The page `book/endringslogg.md` holds a marker (`MARKER`); when Sphinx reads it, the marker
  is replaced by the entries of `data/endringslogg/` (helpers.store.endringslogg), newest
  first, in the words of helpers.prose.endringslogg, linking to the changed pages. The page
  is read again whenever the records change.
- `endringslogg.xml` (Atom, RFC 4287, written with feedgen) holds the same entries; every
  page's head links to it (`<link rel="alternate" type="application/atom+xml">`).
- Every page's footer says the date of the data: the latest entry's refresh, or, with no
  entry yet, the day the snapshot was written (`created` in datapackage.json).
"""

from __future__ import annotations

import datetime as dt
import hashlib
import html
import re
from pathlib import Path

from sphinx.application import Sphinx

from helpers.prose import endringslogg as ord_
from helpers.prose.norsk import dato

DOC = "book/endringslogg"
MARKER = "<!-- endringslogg -->"
FEED = "endringslogg.xml"
FEED_TITLE = "Endringslogg: Flyttingen fra Oslo i koronaåret"


def _records() -> list[dict]:
    from helpers.store.endringslogg import records

    return records()


def data_date() -> tuple[str, str]:
    """(ISO time, Norwegian date) of the data: the latest change record, else the snapshot's."""
    found = _records()
    if found:
        when = found[0]["refreshed"]
    else:
        from helpers.store.package import read_package

        package = read_package()
        when = package.get("refreshed") or package.get("created") or ""
    return when, (dato(when) if when else "")


def _state() -> str:
    from helpers.store.endringslogg import record_files

    digest = hashlib.sha256()
    # With no record the page names the snapshot's date: a new snapshot changes the page too.
    digest.update(data_date()[0].encode() + b"\0")
    for path in record_files():
        digest.update(path.name.encode() + b"\0" + path.read_bytes())
    return digest.hexdigest()


def _link(app: Sphinx):
    def lenke(page: str, title: str) -> str:
        if page in app.env.found_docs:
            safe = title.replace("`", "'").replace("<", "‹").replace(">", "›")
            return f"«{{doc}}`{safe} </{page}>`»"
        return f"«{title}»"

    return lenke


def _source_read(app: Sphinx, docname: str, source: list[str]) -> None:
    if docname != DOC or MARKER not in source[0]:
        return
    # With no refresh recorded, the page gives the snapshot's date: the one the front page and
    # the footer give, so «sist oppdatert» and «samlet inn» name the same day.
    source[0] = source[0].replace(MARKER, ord_.side(_records(), _link(app), samlet=data_date()[1]))


def _outdated(app: Sphinx, env, added, changed, removed) -> list[str]:
    """The page is read again when the records change (Sphinx only watches its own text)."""
    now = _state()
    before = getattr(env, "oslo_endringslogg", None)
    env.oslo_endringslogg = now
    return [DOC] if before is not None and before != now and DOC in env.found_docs else []


def _page_context(app: Sphinx, pagename: str, templatename: str, context: dict, doctree) -> None:
    if app.builder.format != "html":
        return
    per_build = vars(app)  # once per build: the records do not change during it
    if "_oslo_data_dato" not in per_build:
        per_build["_oslo_data_dato"] = data_date()
    iso, norsk = per_build["_oslo_data_dato"]
    context["oslo_data_dato"] = norsk
    context["oslo_data_iso"] = iso[:10]
    linked = DOC in app.env.found_docs and pagename != DOC
    context["oslo_endringslogg"] = context["pathto"](DOC) if linked else ""
    href = context["pathto"](FEED, 1)
    link = f'<link rel="alternate" type="application/atom+xml" title="{html.escape(FEED_TITLE)}" href="{href}" />\n'
    context["metatags"] = context.get("metatags", "") + link


def _html(markdown: str, base: str) -> str:
    """An entry's text for the feed: escaped, bold marks and page links as HTML."""
    text = html.escape(markdown, quote=False)
    text = re.sub(r"\*\*(.+?)\*\*", r"<strong>\1</strong>", text)
    text = re.sub(
        r"\{doc\}`(.+?) &lt;/(.+?)&gt;`",
        lambda m: f'<a href="{base}{m.group(2)}.html">{m.group(1)}</a>',
        text,
    )
    return text


def entry_html(record: dict, base: str, found: set[str]) -> str:
    """One entry as the feed's HTML content: the same words as the page."""

    def lenke(page: str, title: str) -> str:
        return f"«{{doc}}`{title} </{page}>`»" if page in found else f"«{title}»"

    parts, items = [], []
    for line in ord_.oppføring(record, lenke).splitlines():
        if line.startswith(("(", "## ")) or not line.strip():
            continue
        if line.startswith("- "):
            items.append(f"<li>{_html(line[2:], base)}</li>")
            continue
        if items:
            parts.append("<ul>" + "".join(items) + "</ul>")
            items = []
        parts.append(f"<p>{_html(line, base)}</p>")
    if items:
        parts.append("<ul>" + "".join(items) + "</ul>")
    return "\n".join(parts)


def _when(iso: str) -> dt.datetime:
    when = dt.datetime.fromisoformat(iso.replace("Z", "+00:00"))
    return when if when.tzinfo else when.replace(tzinfo=dt.UTC)


def write_feed(
    outdir: Path, base: str, author: str, found: set[str], records: list[dict] | None = None
) -> Path:
    """The Atom feed of every entry, newest first, at `outdir/endringslogg.xml`."""
    from feedgen.feed import FeedGenerator

    records = _records() if records is None else records
    page = f"{base}{DOC}.html"
    fg = FeedGenerator()
    fg.id(page)
    fg.title(FEED_TITLE)
    fg.subtitle("Hva hver oppdatering av dataene endret i tallene og i teksten.")
    fg.author({"name": author})
    fg.link(href=page, rel="alternate", type="text/html")
    fg.link(href=f"{base}{FEED}", rel="self", type="application/atom+xml")
    fg.language("nb")
    iso, _ = data_date()
    fg.updated(_when(records[0]["refreshed"] if records else iso or "1970-01-01T00:00:00Z"))
    for record in sorted(records, key=lambda r: r["refreshed"]):  # feedgen puts the last added first
        entry = fg.add_entry()
        entry.id(f"{page}#{ord_.anker(record)}")
        entry.title(str(ord_.tittel(record)))
        entry.updated(_when(record["refreshed"]))
        entry.published(_when(record["refreshed"]))
        entry.link(href=f"{page}#{ord_.anker(record)}", rel="alternate", type="text/html")
        entry.summary(ord_.sammendrag(record))
        entry.content(entry_html(record, base, found), type="html")
    path = outdir / FEED
    fg.atom_file(str(path), pretty=True)
    return path


def _base(app: Sphinx) -> str:
    base = app.config.html_baseurl or ""
    return base if base.endswith("/") else base + "/"


def _build_finished(app: Sphinx, exception) -> None:
    if exception is not None or app.builder.format != "html":
        return
    write_feed(Path(app.outdir), _base(app), app.config.author or app.config.project, set(app.env.found_docs))


def setup(app: Sphinx) -> dict:
    app.connect("source-read", _source_read)
    app.connect("env-get-outdated", _outdated)
    app.connect("html-page-context", _page_context)
    app.connect("build-finished", _build_finished)
    return {"parallel_read_safe": True, "parallel_write_safe": True}
