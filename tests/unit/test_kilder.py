from helpers.figures.figure import kilder_fra


def test_one_source_per_address_named_by_publisher_and_page():
    kilder = kilder_fra(
        [
            "https://www.oslo.kommune.no/statistikk/befolkning/folkemengde-og-endringer/",
            "https://statbank.ssb.no/befolkning/statistikker/flytting/aar",
            "https://www.oslo.kommune.no/statistikk/befolkning/folkemengde-og-endringer/",
            "https://www.oslo.kommune.no/politikk-og-administrasjon/statistikk/befolkning/folkemengde-og-endringer/",
        ]
    )
    assert [k.tekst for k in kilder] == [
        "Oslo kommune: folkemengde og endringer",
        "Statistisk sentralbyrå: flytting",
        "Oslo kommune: folkemengde og endringer (2)",
    ]
    assert kilder[1].url == "https://statbank.ssb.no/befolkning/statistikker/flytting/aar"
