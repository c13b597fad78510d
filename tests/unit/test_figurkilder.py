"""«Om dataene», sources per figure: each publisher is named once, with its pages under it."""

from helpers.site.figurkilder import sider_per_utgiver

FOLKEMENGDE = "https://www.oslo.kommune.no/statistikk/befolkning/folkemengde-og-endringer/"
GJENNOM_2022 = "https://www.oslo.kommune.no/statistikk/befolkning/befolkningsutviklingen-i-oslo-gjennom-2022/"
TABELL = "https://www.ssb.no/statbank/table/07459"


def test_pages_are_grouped_under_their_publisher_once():
    grupper = sider_per_utgiver([FOLKEMENGDE, TABELL, GJENNOM_2022, FOLKEMENGDE])
    assert list(grupper) == ["Oslo kommune", "Statistisk sentralbyrå (SSB)"]
    assert list(grupper["Oslo kommune"]) == [
        "Folkemengde og endringer",
        "Befolkningsutviklingen i Oslo gjennom 2022",
    ]
    assert grupper["Oslo kommune"]["Befolkningsutviklingen i Oslo gjennom 2022"] == GJENNOM_2022
    # The title stands without the publisher's name in front of it.
    assert not any(t.startswith("Oslo kommune") for g in grupper.values() for t in g)
