"""The change log end to end, against the local fake statbank (127.0.0.1) and a copy of data/.

A first refresh from the hand-built fixtures (tests/fixtures/make_handbuilt.py), then a second
with Oslo's out-migration in 2020 changed (and the net figure with it, so the table's totals
still hold) run as `make data` runs it (`refresh --book`) on a small book: the fixture page
tests/fixtures/endringslogg/kapittel.md and the book's own «Endringslogg» page. The record must
hold exactly those two values and the one sentence they change, flagged because its
comparative word flips; the built page and the Atom feed must show them; a third refresh that
changes nothing adds no entry. The repository's data/ is never written.
"""

from __future__ import annotations

import copy
import shutil
import xml.etree.ElementTree as ET
from datetime import datetime
from pathlib import Path

import pytest
from support import FIXTURES, ROOT
from support.cli import contents, run_cli
from support.pxfake import HANDBUILT, fake_server

from helpers import tall
from helpers.prose import endringslogg as ord_
from helpers.prose.ordforskjell import endrede_ord
from helpers.site.endringslogg import data_date
from helpers.store.endringslogg import records
from helpers.store.package import read_package
from helpers.store.paths import data_dir

ATOM = "{http://www.w3.org/2005/Atom}"
TABLE, OSLO, UT, NETTO = "01223", "0301", "Fraflytting8", "Nettoflytting9"


def _position(doc: dict, **codes) -> int:
    pos, stride = 0, 1
    for dim, size in reversed(list(zip(doc["id"], doc["size"], strict=True))):
        index = doc["dimension"][dim]["category"]["index"]
        index = index if isinstance(index, list) else sorted(index, key=index.get)
        pos += index.index(codes[dim]) * stride
        stride *= size
    return pos


def _changed_01223() -> tuple[dict, dict]:
    """01223 with Oslo's out-migration in 2020 moved to the other side of 2019's, net adjusted."""
    doc = copy.deepcopy(HANDBUILT[TABLE]["data"])
    at = {y: _position(doc, Region=OSLO, ContentsCode=UT, Tid=f"{y}K4") for y in (2019, 2020)}
    netto = _position(doc, Region=OSLO, ContentsCode=NETTO, Tid="2020K4")
    v2019, v2020 = doc["value"][at[2019]], doc["value"][at[2020]]
    new = v2019 - 1234 if v2020 > v2019 else v2019 + 1234
    delta = new - v2020
    old_netto = doc["value"][netto]
    doc["value"][at[2020]] = new
    doc["value"][netto] = old_netto - delta
    return doc, {"ut": (v2020, new), "netto": (old_netto, old_netto - delta), "2019": v2019}


@pytest.fixture(scope="module")
def run(tmp_path_factory):
    before_repo = contents(data_dir())
    base = tmp_path_factory.mktemp("endringslogg")
    # The data inside the book's folder, as data/ is in the repository: the build re-runs a page
    # when a file it read under <root>/data changed (helpers.build).
    state, book = base / "state", base / "bok"
    data = book / "data"
    shutil.copytree(data_dir(), data)
    state.mkdir()
    for name in ("_config.yml", "references.bib"):
        shutil.copy(ROOT / name, book / name)
    shutil.copy(FIXTURES / "endringslogg" / "kapittel.md", book / "kapittel.md")
    (book / "book").mkdir()
    shutil.copy(ROOT / "book" / "endringslogg.md", book / "book" / "endringslogg.md")
    (book / "_toc.yml").write_text(
        "format: jb-book\nroot: kapittel\nchapters:\n  - file: book/endringslogg\n"
    )
    env = {"OSLO_FLYTTING_DATA": str(data), "SSB_STATE_DIR": str(state), "TMPDIR": str(base)}
    changed, numbers = _changed_01223()
    with fake_server() as (url, _):
        first = run_cli("refresh", env={**env, "SSB_API_URL": url}, timeout=300)
    assert first.rc == 0, first.err
    with fake_server(data={TABLE: changed}) as (url, _):
        second = run_cli("refresh", "--book", str(book), env={**env, "SSB_API_URL": url}, timeout=900)
        assert second.rc == 0, second.err[-3000:]
        n_before = len(records(data))
        third = run_cli("refresh", "--book", str(book), env={**env, "SSB_API_URL": url}, timeout=300)
    assert contents(data_dir()) == before_repo
    return {
        "data": data, "book": book, "numbers": numbers, "first": first, "second": second,
        "third": third, "n_before_third": n_before,
    }  # fmt: skip


def test_the_record_holds_exactly_the_changed_values(run):
    newest, oldest = records(run["data"])
    assert oldest["values"] and {v["change"] for v in oldest["values"]} == {"ny"}  # the first refresh
    changed = [(v["resource"], v["key"]["region_code"], v["key"]["series"], v["key"]["period"],
                v["before"]["value"], v["after"]["value"]) for v in newest["values"]]  # fmt: skip
    (ut_old, ut_new), (net_old, net_new) = run["numbers"]["ut"], run["numbers"]["netto"]
    text = lambda x: str(int(x))  # noqa: E731
    assert sorted(changed) == sorted(
        [
            (f"ssb_{TABLE}", OSLO, "nettoinnflytting", "2020K4", text(net_old), text(net_new)),
            (f"ssb_{TABLE}", OSLO, "utflytting_innenlands", "2020K4", text(ut_old), text(ut_new)),
        ]
    )
    assert {v["change"] for v in newest["values"]} == {"endret"}
    assert any(t["table"] == TABLE and t["updated"] for t in newest["tables"])


def test_the_record_holds_the_sentence_they_change_and_flags_the_flip(run):
    newest = records(run["data"])[0]
    (ut_old, ut_new) = run["numbers"]["ut"]
    assert newest["book"] == "success"
    texts = newest["texts"]
    assert [(t["page"], t["kind"]) for t in texts] == [("kapittel", "setning")], texts
    (t,) = texts
    assert tall(ut_old) in t["before"] and tall(ut_new) in t["after"]
    assert ("flere" in t["before"]) != ("flere" in t["after"])
    assert t["flip"] is True
    gone, new = endrede_ord(t["before"], t["after"])
    assert tall(ut_old) in gone and tall(ut_new) in new


def test_a_refresh_that_changes_nothing_adds_no_entry(run):
    assert run["third"].rc == 0, run["third"].err
    assert len(records(run["data"])) == run["n_before_third"] == 2
    assert "ingen ny oppføring" in run["third"].err
    assert "bygger boka" not in run["third"].err  # nothing changed: no book built


def test_the_built_page_shows_the_entry_newest_first(run):
    page = (run["book"] / "_build" / "html" / "book" / "endringslogg.html").read_text(encoding="utf-8")
    (ut_old, ut_new) = run["numbers"]["ut"]
    article = page.split('<article class="bd-article">', 1)[1].split("</article>", 1)[0]
    assert f"ble rettet fra {tall(ut_old)} til {tall(ut_new)}" in article
    # 01223 counts from 1 January: its 4th quarter is the year, and is said so.
    assert f"Utflytting til resten av Norge for Oslo i 2020 ble rettet fra {tall(ut_old)}" in article
    assert "på siden «<a" in article
    assert f"<strong>{tall(ut_new)}</strong>" in article  # the changed words are marked
    assert 'href="../kapittel.html"' in article  # a link to the changed page
    assert article.index("endret seg til") < article.index("ble rettet fra")  # text before values
    newest, oldest = records(run["data"])
    assert article.index(ord_.anker(newest)) < article.index(ord_.anker(oldest))
    assert "ingen endringer å vise" not in article
    assert '<link rel="alternate" type="application/atom+xml"' in page
    footer = page.split("component-credit", 1)[1]
    assert ord_.dato(newest["refreshed"]) in footer  # the data date comes from the latest entry


def _valid_atom(path: Path) -> ET.Element:
    """The RFC 4287 rules a reader relies on, checked without a network."""
    feed = ET.parse(path).getroot()
    assert feed.tag == f"{ATOM}feed"
    for name in ("id", "title", "updated"):
        assert len(feed.findall(f"{ATOM}{name}")) == 1, name
    feed_author = feed.find(f"{ATOM}author/{ATOM}name") is not None
    ids = set()
    for entry in feed.findall(f"{ATOM}entry"):
        for name in ("id", "title", "updated"):
            assert len(entry.findall(f"{ATOM}{name}")) == 1, name
        assert feed_author or entry.find(f"{ATOM}author/{ATOM}name") is not None
        assert (
            entry.find(f"{ATOM}content") is not None
            or entry.find(f"{ATOM}link[@rel='alternate']") is not None
        )
        ids.add(entry.findtext(f"{ATOM}id"))
        datetime.fromisoformat(entry.findtext(f"{ATOM}updated"))  # RFC 3339
        assert entry.findtext(f"{ATOM}id").startswith(("https://", "http://", "tag:", "urn:"))
    assert len(ids) == len(feed.findall(f"{ATOM}entry"))
    datetime.fromisoformat(feed.findtext(f"{ATOM}updated"))
    self_links = [link for link in feed.findall(f"{ATOM}link") if link.get("rel") == "self"]
    assert len(self_links) == 1 and self_links[0].get("href", "").endswith("endringslogg.xml")
    return feed


def test_the_feed_is_atom_and_shows_the_same_entries(run):
    feed = _valid_atom(run["book"] / "_build" / "html" / "endringslogg.xml")
    entries = feed.findall(f"{ATOM}entry")
    newest, oldest = records(run["data"])
    assert [e.findtext(f"{ATOM}title") for e in entries] == [ord_.tittel(newest), ord_.tittel(oldest)]
    content = entries[0].findtext(f"{ATOM}content")
    (ut_old, ut_new) = run["numbers"]["ut"]
    assert f"ble rettet fra {tall(ut_old)} til {tall(ut_new)}" in content
    assert "kapittel.html" in content and "<strong>" in content


def test_the_committed_snapshot_says_in_one_sentence_that_nothing_is_recorded(site):
    """The book as built from data/ (no refresh recorded): one true sentence, no entries."""
    page = (site / "book" / "endringslogg.html").read_text(encoding="utf-8")
    article = page.split('<article class="bd-article">', 1)[1].split("</article>", 1)[0]
    if records():
        pytest.fail("data/ has change records; this test is about the committed snapshot without them")
    assert article.count(ord_.ingen(data_date()[1])) == 1 and "<h2" not in article
    # The day named is the snapshot's, the one the front page gives as «sist oppdatert».
    assert ord_.dato(read_package()["created"]) in article
    feed = _valid_atom(site / "endringslogg.xml")
    assert feed.findall(f"{ATOM}entry") == []
    assert "application/atom+xml" in (site / "notebooks" / "01-rekordutflytting.html").read_text(
        encoding="utf-8"
    )


def test_the_pull_request_lists_texts_first_and_asks_for_a_reader(run):
    newest = records(run["data"])[0]
    body = ord_.pull_request(newest, "success")
    assert body.index("Endrede setninger") < body.index("Endrede verdier")
    assert "- [ ] " in body and "krever-lesing" in body and "snur" in body
    calm = dict(newest, texts=[dict(t, flip=False) for t in newest["texts"]])
    assert "krever-lesing" not in ord_.pull_request(calm, "success")
