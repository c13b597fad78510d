"""Numbers that know their origin (helpers.analysis.opphav), their Norwegian explanation
(helpers.prose.forklaring) and the formatters that keep it (helpers.prose.norsk)."""

import pandas as pd
import pytest

from helpers.analysis import facts, opphav
from helpers.prose.forklaring import Forklaring, beskrivelse, forklar, panel_html
from helpers.prose.norsk import Struktur, Tall, Tekst, aar_liste, kvartal, periode, prosent, struktur, tall


def _frame(values: dict[tuple[str, int], float]) -> pd.DataFrame:
    rows = [
        {
            "region": "Oslo",
            "aar": aar,
            "serie": s,
            "serie_navn": {"utflytting_innenlands": "Utflytting", "folkemengde_1jan": "Folkemengde"}.get(
                s, s
            ),
            "verdi": v,
            "enhet": "personer",
            "kilde": f"https://example.org/{s}/{aar}",
            "utgiver": "Statistisk sentralbyrå",
        }
        for (s, aar), v in values.items()
    ]
    frame = pd.DataFrame(rows)
    frame.attrs["datasett"] = "proeve"
    return frame


FRAME = _frame(
    {
        ("utflytting_innenlands", 2019): 32150,
        ("utflytting_innenlands", 2020): 36076,
        ("folkemengde_1jan", 2020): 693494,
        ("folkemengde_1jan", 2021): 697010,
    }
)


def test_a_read_value_carries_its_row():
    ut = facts.serie(FRAME, "Oslo", "utflytting_innenlands")
    v = ut[2020]
    assert isinstance(v, opphav.Verdi) and v == 36076
    (rad,) = v.opphav.rader
    assert (rad.datasett, rad.region, rad.periode, rad.verdi) == ("proeve", "Oslo", "2020", 36076)
    assert rad.kilde == "https://example.org/utflytting_innenlands/2020"
    assert rad.utgiver == "Statistisk sentralbyrå"
    assert v.opphav.steg == ()


def test_arithmetic_keeps_both_rows_and_writes_the_step():
    ut = facts.serie(FRAME, "Oslo", "utflytting_innenlands")
    diff = ut[2020] - ut[2019]
    assert diff == 3926
    assert [r.periode for r in diff.opphav.rader] == ["2020", "2019"]
    t = tall(diff)
    assert isinstance(t, Tall) and t == "3\u00a0926"
    assert beskrivelse(t)["regning"] == ["36\u00a0076 − 32\u00a0150 = 3\u00a0926"]
    assert (
        beskrivelse(tall(abs(ut[2019] - ut[2020])))["regning"][-1]
        == "tallverdien av −3\u00a0926 er 3\u00a0926"
    )


def test_rate_says_mean_population_and_per_1000():
    rate = facts.per_1000_serie(FRAME, "Oslo", "utflytting_innenlands")[2020]
    b = beskrivelse(tall(rate, 1))
    assert b["tekst"] == "51,9"
    assert b["regning"] == [
        "(693\u00a0494 + 697\u00a0010) / 2 = 695\u00a0252",
        "36\u00a0076 / 695\u00a0252 × 1\u00a0000 = 51,9",
    ]
    assert {r["periode"] for r in b["rader"]} == {"2020", "2021"}
    assert "per 1\u00a0000 innbyggere" in b["hva"]


def test_percent_change_and_range_words():
    ut = facts.serie(FRAME, "Oslo", "utflytting_innenlands")
    e = facts.endring(ut, 2019, 2020)
    b = beskrivelse(prosent(e["prosent"]))
    assert b["tekst"] == "12,2\u00a0prosent"
    assert b["regning"] == ["(36\u00a0076 − 32\u00a0150) / 32\u00a0150 × 100 = 12,2"]
    assert b["hva"].startswith("Utflytting")
    hoyest = beskrivelse(tall(ut.max()))
    assert hoyest["regning"] == ["høyest av 2 verdier (2019, 2020): 32\u00a0150, 36\u00a0076 → 36\u00a0076"]
    assert len(hoyest["rader"]) == 2


def test_a_derived_series_never_inherits_lineage_that_is_not_its_own():
    ut = facts.serie(FRAME, "Oslo", "utflytting_innenlands")
    doubled = ut * 2
    assert not isinstance(doubled[2020], opphav.Verdi)
    assert not isinstance(tall(doubled[2020]), Tall)


def test_structural_numbers_have_no_lineage():
    for x in (periode(2016, 2019), aar_liste([2011, 2012, 2013]), kvartal(2025, 1), struktur(8)):
        assert isinstance(x, Struktur) and not isinstance(x, Tall)
    assert type(tall(2020)) is Tekst  # a plain number is text, not a statistic
    assert "strukturelt" in forklar(periode(2016, 2019))


def test_forklar_shows_the_same_rows_as_the_book():
    ut = facts.serie(FRAME, "Oslo", "utflytting_innenlands")
    ut_2020 = tall(ut[2020])
    f = forklar("ut_2020")
    assert isinstance(f, Forklaring)
    assert f.beskrivelse == beskrivelse(ut_2020)
    assert f.rader["verdi"].tolist() == ["36\u00a0076\u00a0personer"]
    assert panel_html(f.beskrivelse) in f._repr_html_()
    assert "36\u00a0076" in repr(f)
    with pytest.raises(NameError):
        forklar("finnes_ikke")


def test_the_book_gets_the_explanation_as_mime_data():
    from helpers.prose.tekst import MIME_TALL

    ut = facts.serie(FRAME, "Oslo", "utflytting_innenlands")
    bundle = tall(ut[2020])._repr_mimebundle_()
    assert bundle["text/plain"] == "36\u00a0076"
    assert bundle[MIME_TALL]["rader"][0]["kilde"] == "https://example.org/utflytting_innenlands/2020"
    assert repr(tall(ut[2020])) == "36\u00a0076"


def test_a_sentence_keeps_the_numbers_written_into_it():
    from helpers.prose.tekst import Tekst, glem_nylige

    glem_nylige()
    ut = facts.serie(FRAME, "Oslo", "utflytting_innenlands")
    a, b, n = tall(ut[2019]), tall(ut[2020]), struktur(2)
    tom = aar_liste([])  # an empty text never matches
    s = Tekst(f"Fra {a} til {b}, {n} år{tom}.")
    assert [str.__str__(t) for *_, t in s.deler] == ["32\u00a0150", "36\u00a0076", "2"]
    deler = s._repr_mimebundle_()["application/vnd.oslo-setning+json"]["deler"]
    assert [d.get("tall", {}).get("tekst") for d in deler if "tall" in d] == ["32\u00a0150", "36\u00a0076"]
    assert {"tekst": "2", "struktur": True} in deler
    assert "".join(d["tall"]["tekst"] if "tall" in d else d["tekst"] for d in deler) == s
    # A number inside another is not it: «150» is not in «32 150».
    glem_nylige()
    assert Tekst(f"{tall(150)} og {a}").deler[-1][2] == a
    glem_nylige()
    assert Tekst("ingen tall her").deler == ()


def test_a_year_inside_a_range_is_not_marked_alone():
    """«2016–2019» stays one piece of text: the year made in the same cell is not cut out of it."""
    from helpers.prose.norsk import struktur
    from helpers.prose.tekst import Tekst, glem_nylige

    glem_nylige()
    aar = struktur(2019)
    setning = Tekst(f"Vi bruker årene 2016–{aar} som målestokk, og {aar} alene.")
    assert [setning[a:b] for a, b, _ in setning.deler] == ["2019"]
    assert setning.deler[0][0] == setning.index(" alene") - 4
