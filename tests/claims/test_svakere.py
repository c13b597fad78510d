"""A figure drawn from a secondary source (catalog kind sekundærkilde) says so, in one form,
from the catalog: no chapter types «Svakere kilde» by hand, and the credit names each
publisher once."""

import re

from support import ROOT

from helpers.catalog.sources import finn_utgiver
from helpers.prose.kildelinje import kildelinje, kilder, svakere

WIKI = "https://en.wikipedia.org/wiki/Oslo"
SSB = "https://www.ssb.no/statbank/table/06913"
OSLO = "https://www.oslo.kommune.no/statistikk/befolkning/folkemengde-og-endringer/"
FHI = "https://github.com/sykdomspulsen-org/spldata/blob/abc/data-raw/files/population/Personer2020.csv"
AVIS = "https://www.aftenposten.no/oslo/i/Ea2ABG/folk-stroemmer-stadig-ut-av-oslo"


def test_a_secondary_source_is_flagged_from_the_catalog():
    k = kilder([WIKI, SSB])
    assert svakere(k) == "Svakere kilde: Wikipedia."
    # The dicts a figure carries give the same sentence.
    assert svakere([{"tekst": x.tekst, "svak": x.svak} for x in k]) == svakere(k)


def test_primary_sources_only_say_nothing():
    assert svakere(kilder([SSB])) == ""
    # SSB first, whichever publisher has more values: one order in every credit line.
    assert kildelinje(kilder([SSB, OSLO, OSLO])) == "Kilde: Statistisk sentralbyrå (SSB); Oslo kommune."


def test_a_weaker_source_beside_better_ones_is_named_once_after_them():
    linje = kildelinje(kilder([OSLO, OSLO, OSLO, WIKI, WIKI, SSB, AVIS]))
    assert linje == (
        "Kilde: Statistisk sentralbyrå (SSB); Oslo kommune. Svakere kilde: Aftenposten; Wikipedia."
    )
    for navn in ("Oslo kommune", "Statistisk sentralbyrå (SSB)", "Wikipedia", "Aftenposten"):
        assert linje.count(navn) == 1, navn


def test_when_every_source_is_weaker_the_line_says_so_once():
    linje = kildelinje(kilder([FHI]))
    assert linje == "Svakere kilde: Folkehelseinstituttet (FHI, kopi av SSB-tall)."
    assert svakere(kilder([FHI])) == ""  # no second sentence repeating the name
    assert kildelinje(kilder([WIKI, WIKI, AVIS])) == "Svakere kilde: Aftenposten; Wikipedia."


def test_one_label_for_weaker_sources_in_every_line():
    """Whether or not better sources stand before them, the weaker ones carry the same label,
    «Svakere kilde:», and the better ones «Kilde:»; no third form."""
    for urls in ([FHI], [WIKI, AVIS], [SSB, WIKI], [OSLO, SSB, AVIS], [SSB], [OSLO]):
        linje = kildelinje(kilder(urls))
        assert "(svakere)" not in linje, linje
        deler = re.findall(r"(?:^|\. )((?:Svakere k|K)ilde): ", linje)
        har_svak = any(finn_utgiver(u).svak for u in urls)
        har_sterk = not all(finn_utgiver(u).svak for u in urls)
        assert deler == ["Kilde"] * har_sterk + ["Svakere kilde"] * har_svak, linje


def test_the_page_and_the_image_say_the_same_with_links_on_the_page():
    k = [{"tekst": x.tekst, "url": x.url, "svak": x.svak} for x in kilder([SSB, WIKI])]
    lenket = kildelinje(k, lambda x: f"<a href='{x['url']}'>{x['tekst']}</a>")
    assert lenket == (
        f"Kilde: <a href='{SSB}'>Statistisk sentralbyrå (SSB)</a>. "
        f"Svakere kilde: <a href='{WIKI}'>Wikipedia</a>."
    )
    assert kildelinje(k) == "Kilde: Statistisk sentralbyrå (SSB). Svakere kilde: Wikipedia."


def test_no_chapter_types_the_label():
    for nb in sorted((ROOT / "notebooks").glob("*.md")):
        assert "Svakere kilde" not in nb.read_text(encoding="utf-8"), nb.name
