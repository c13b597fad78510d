"""The landing page's date and citation come from datapackage.json and CITATION.cff."""

import json
import re

import pytest

from helpers import forside


def test_last_written_is_the_package_date(tmp_path):
    (tmp_path / "datapackage.json").write_text(json.dumps({"created": "2026-11-25T11:03:30Z"}))
    assert forside.sist_oppdatert(tmp_path) == "25.\u00a0november 2026"
    (tmp_path / "datapackage.json").write_text(json.dumps({"resources": []}))
    with pytest.raises(ValueError, match="created"):
        forside.sist_oppdatert(tmp_path)


def test_citation_follows_citation_cff(tmp_path, monkeypatch):
    """A reader's citation: author, year, title, address and the day the numbers were
    collected (or last fetched); no version number."""
    from helpers.store import endringslogg

    (tmp_path / "datapackage.json").write_text(json.dumps({"created": "2026-11-25T11:03:30Z"}))
    monkeypatch.setattr(endringslogg, "latest", lambda folder=None: None)
    cff = tmp_path / "CITATION.cff"
    cff.write_text(
        "cff-version: 1.2.0\ntitle: Boka\nversion: 1.2.3\nurl: https://example.org/bok/\n"
        "date-released: 2027-01-02\nauthors:\n  - given-names: Kari\n    family-names: Nordmann\n"
        "  - name: Prosjektet\n",
        encoding="utf-8",
    )
    assert forside.sitering(cff, tmp_path) == (
        "Kari Nordmann og Prosjektet (2027). Boka. https://example.org/bok/ (tallene samlet inn 25.\u00a0november 2026)."
    )
    monkeypatch.setattr(endringslogg, "latest", lambda folder=None: {"refreshed": "2027-03-03T10:00:00Z"})
    assert forside.sitering(cff, tmp_path).endswith("(tallene sist hentet fra SSB 3.\u00a0mars 2027).")
    assert "versjon" not in forside.sitering(cff, tmp_path)


def test_the_books_own_citation_file_is_read():
    assert "Flyttingen fra Oslo i koronaåret" in forside.sitering()
    assert "versjon" not in forside.sitering()
    # «Slik siterer du boka» gives the year, as a citation must.
    assert re.match(r"Oslo-flytting-prosjektet \(20\d\d\)\. ", forside.sitering())


def test_a_citation_without_a_year_is_refused(tmp_path):
    cff = tmp_path / "CITATION.cff"
    cff.write_text("title: Boka\nversion: 1.0\nurl: https://example.org/\nauthors:\n  - name: P\n")
    with pytest.raises(ValueError, match="date-released"):
        forside.sitering(cff)


def test_an_unreadable_citation_file_is_named(tmp_path):
    with pytest.raises(ValueError, match="CITATION.cff"):
        forside.sitering(tmp_path / "CITATION.cff")


def test_data_status_says_collected_then_fetched(tmp_path, monkeypatch):
    """The front page says what the change log says: collected and not fetched anew, or
    fetched from SSB on the day of the latest refresh."""
    from helpers.store import endringslogg

    (tmp_path / "datapackage.json").write_text(json.dumps({"created": "2026-11-25T11:03:30Z"}))
    monkeypatch.setattr(endringslogg, "latest", lambda folder=None: None)
    assert forside.datastatus(tmp_path) == (
        "de ble samlet inn 25.\u00a0november 2026 og er ikke hentet på nytt siden"
    )
    monkeypatch.setattr(endringslogg, "latest", lambda folder=None: {"refreshed": "2027-03-03T10:00:00Z"})
    assert forside.datastatus(tmp_path) == "de ble sist hentet fra SSB 3.\u00a0mars 2027"
