"""The change log's words and its differ, on hand-made records (no build, no network)."""

from helpers.prose import endringslogg as e
from helpers.prose import ordforskjell
from helpers.prose.norsk import NBSP
from helpers.store.changes import compare
from helpers.store.endringslogg import build_record

OLD = "region_code,year,series,value,status,source_url,note\n0301,2024,ut,41210,,https://a,\n0301,2023,ut,40000,,https://a,\n"
NEW = "region_code,year,series,value,status,source_url,note\n0301,2024,ut,41305,,https://b,ny\n0301,2025,ut,,..,https://a,\n0301,2023,ut,40000,,https://c,\n"


def test_the_differ_keys_values_by_what_they_are():
    d = compare("r", OLD, NEW)
    assert d.changed == [({"region_code": "0301", "year": "2024", "series": "ut"},
                          {"value": "41210", "status": ""}, {"value": "41305", "status": ""})]  # fmt: skip
    assert d.added == [
        ({"region_code": "0301", "year": "2025", "series": "ut"}, {"value": "", "status": ".."})
    ]
    assert d.removed == []  # 2023 only got another source address


def test_no_changed_value_no_record():
    assert build_record("2030-01-01T00:00:00Z", [], [compare("r", OLD, OLD)]) is None
    record = build_record("2030-01-01T00:00:00Z", [], [compare("r", OLD, NEW)])
    assert [v["change"] for v in record["values"]] == ["endret", "ny"]


def test_a_value_in_plain_norwegian_with_nbsp():
    v = {"change": "endret", "key": {"series": "utflytting_innenlands", "region_name": "Oslo", "period": "2024"},
         "before": {"value": "41210"}, "after": {"value": "41305"}}  # fmt: skip
    assert e.verdi_setning(v) == (
        f"Utflytting til resten av Norge for Oslo i 2024 ble rettet fra 41{NBSP}210 til 41{NBSP}305."
    )
    quarter = dict(v, key={**v["key"], "period": "2024K4"})
    assert "i 4.\u00a0kvartal 2024" in e.verdi_setning(quarter)
    assert "for Oslo i 2024 ble" in e.verdi_setning(quarter, hele_aar=True)


def test_flips_are_comparative_words_and_headlines():
    assert ordforskjell.snur("flere enn i 2019.", "færre enn i 2019.", "setning")
    assert not ordforskjell.snur(f"var 41{NBSP}210.", f"var 41{NBSP}305.", "setning")
    assert ordforskjell.snur("Utflyttingen steg", "Utflyttingen steg mye", "overskrift")
    assert not ordforskjell.snur("Samme", "Samme", "overskrift")


def test_changed_words_are_marked_without_their_punctuation():
    before, after = e.merk(f"var 41{NBSP}210, høyere.", f"var 41{NBSP}305, lavere.")
    assert before == f"var **41{NBSP}210**, **høyere**."
    assert after == f"var **41{NBSP}305**, **lavere**."


def test_no_records_is_one_true_sentence():
    text = e.side([], lambda p, t: t).strip()
    assert text == e.ingen() and text.count(".") == 1


def test_no_records_names_the_day_the_numbers_were_collected():
    """The front page says when the data were last written; with no refresh recorded the
    change log gives that same day as the day of collection, so the two cannot disagree."""
    dag = e.dato("2026-11-25T11:03:30Z")
    text = e.side([], lambda p, t: t, samlet=dag).strip()
    assert text == e.ingen(dag)
    assert text == f"Ingen tall i boka er endret siden de ble samlet inn {dag}."
    assert "ikke oppdatert" not in text
    # No paragraph explaining entries the page does not have.
    assert e.INNLEDNING not in e.side([], lambda p, t: t, samlet=dag)


def test_a_page_with_entries_first_says_what_they_are():
    record = build_record("2030-01-01T00:00:00Z", [], [compare("r", OLD, NEW)])
    text = e.side([record], lambda p, t: t, samlet="25. november 2026")
    assert text.startswith(e.INNLEDNING)
    assert e.ingen("25. november 2026") not in text
