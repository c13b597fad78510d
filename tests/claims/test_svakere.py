"""A figure drawn from a secondary source (catalog kind sekundærkilde) says so, in one form,
from the catalog: no chapter types «Svakere kilde» by hand."""

from support import ROOT

from helpers.prose.kildelinje import kilder, svakere


def test_a_secondary_source_is_flagged_from_the_catalog():
    k = kilder(["https://en.wikipedia.org/wiki/Oslo", "https://www.ssb.no/statbank/table/06913"])
    assert svakere(k) == "Svakere kilde: Wikipedia (wiki)."
    # The dicts a figure carries give the same sentence.
    assert svakere([{"tekst": x.tekst, "svak": x.svak} for x in k]) == svakere(k)


def test_primary_sources_only_say_nothing():
    assert svakere(kilder(["https://www.ssb.no/statbank/table/06913"])) == ""


def test_no_chapter_types_the_label():
    for nb in sorted((ROOT / "notebooks").glob("*.md")):
        assert "Svakere kilde" not in nb.read_text(encoding="utf-8"), nb.name
