"""Which tables this edition holds comes from the data package: change a copy of the package
(OSLO_FLYTTING_DATA points at it) and every sentence about availability changes with it."""

import json
import shutil

import pytest
from support import ROOT

from helpers.catalog import tilgang
from helpers.prose import tilgang as tilgang_prose

# Topics SSB publishes in declared tables (the rest exist only in the article's registers).
MED_TABELLER = [t.navn for t in tilgang.TEMAER if not t.bare_registerdata]


@pytest.fixture
def kopi(tmp_path, monkeypatch):
    """A copy of the data package the helpers read instead of data/."""
    folder = tmp_path / "data"
    shutil.copytree(ROOT / "data", folder)
    monkeypatch.setenv("OSLO_FLYTTING_DATA", str(folder))
    return folder


def _skriv(folder, endre):
    path = folder / "datapackage.json"
    pakke = json.loads(path.read_text(encoding="utf-8"))
    endre(pakke["resources"])
    path.write_text(json.dumps(pakke, ensure_ascii=False, indent=2), encoding="utf-8")


def _legg_til(folder, tabell):
    _skriv(folder, lambda r: r.append({"name": f"ssb_{tabell}", "path": f"ssb_{tabell}.csv"}))


def _fjern(folder, tabell):
    _skriv(folder, lambda r: r.__setitem__(slice(None), [x for x in r if x["name"] != f"ssb_{tabell}"]))


def _setninger():
    return {t.navn: str(tilgang_prose.setning(t.navn)) for t in tilgang.TEMAER}


def test_the_snapshot_holds_no_statbank_table_and_says_so(kopi):
    for navn, setning in _setninger().items():
        assert setning.count("[Om dataene](/book/om-dataene.md)") == 1, navn
        if navn in MED_TABELLER:
            assert "med i denne utgaven av boka" in setning, setning
            # Subject first: «SSB publiserer X, men …», never «X publiserer SSB».
            assert "publiserer SSB" not in setning, setning
        else:
            assert setning.startswith("SSB publiserer ikke "), setning
            # The reason stands once, in «Om dataene», not on every chapter page.
            assert "microdata.no" not in setning, setning
    assert "microdata.no" in tilgang_prose.oversikt()
    # What is true of this edition: transcribed, and built to be refreshed from the statbank.
    utgaven = str(tilgang_prose.utgaven())
    assert "skrevet av fra publiserte sider" in utgaven
    assert "kan hentes på nytt direkte fra SSBs statistikkbank" in utgaven and "endringsloggen" in utgaven
    assert "hentet direkte derfra" not in utgaven


@pytest.mark.parametrize("navn", MED_TABELLER)
def test_a_table_added_and_removed_changes_its_sentences(kopi, navn):
    foer = _setninger()
    utgaven_foer = str(tilgang_prose.utgaven())
    oversikt_foer = str(tilgang_prose.oversikt())
    tabell = tilgang.status(navn).tabeller[0].tabell

    _legg_til(kopi, tabell)
    etter = _setninger()
    assert etter[navn] != foer[navn]
    assert "er hentet fra SSBs statistikkbank" in etter[navn] and tabell in etter[navn]
    assert "med i denne utgaven" not in etter[navn]
    # Only the topics whose tables changed say something else.
    endret = {t for t in etter if etter[t] != foer[t]}
    assert endret == {s.tema.navn for s in tilgang.alle() if any(x.tabell == tabell for x in s.tabeller)}
    assert str(tilgang_prose.utgaven()) != utgaven_foer and tabell in tilgang_prose.utgaven()
    assert str(tilgang_prose.oversikt()) != oversikt_foer

    _fjern(kopi, tabell)
    assert _setninger() == foer
    assert str(tilgang_prose.utgaven()) == utgaven_foer


def test_a_table_removed_from_a_package_that_had_it(kopi):
    _legg_til(kopi, "13864")
    _legg_til(kopi, "07221")
    med = _setninger()
    assert "tabell [13864]" in med["destinasjon"] and "tabell [07221]" in med["boligindeks"]
    _fjern(kopi, "13864")
    uten = _setninger()
    assert "ikke med i denne utgaven" in uten["destinasjon"]
    assert uten["boligindeks"] == med["boligindeks"]
    assert "[07221]" in tilgang_prose.utgaven() and "[13864]" not in tilgang_prose.utgaven()


def test_one_candidate_held_is_enough():
    status = tilgang.status("alder", har={"ssb_09588"})
    assert [t.tabell for t in status.holdes] == ["09588"]
    assert "hentet fra SSBs statistikkbank, tabell [09588]" in tilgang_prose.setning(
        "alder", har={"ssb_09588"}
    )
    # No table confirmed: none is named, neither in the chapter nor in «Om dataene».
    uten = tilgang_prose.setning("alder", har=set())
    assert "ikke med i denne utgaven" in uten
    assert "09587" not in uten and "09588" not in uten
    oversikt = tilgang_prose.oversikt(har=set())
    assert "09587" not in oversikt and "09588" not in oversikt
    # A plain fact about the book, no guess about where SSB might publish them.
    assert (
        "- Denne utgaven av boka har ingen publiserte tall for utflyttingen fra Oslo etter alder." in oversikt
    )
    assert "vet ikke" not in oversikt and "kan finnes" not in oversikt


def test_topics_only_in_the_registers_share_one_sentence():
    tekst = tilgang_prose.setning(("fodested", "familie"))
    assert tekst.startswith("SSB publiserer ikke utflyttingen fra Oslo etter fødested og familietype (")
    assert tekst.count("(/book/om-dataene.md)") == 1
    # A topic with a table keeps its own sentence.
    blandet = tilgang_prose.setning(("fodested", "destinasjon"))
    assert (
        str(tilgang_prose.setning("destinasjon")) in blandet and blandet.count("(/book/om-dataene.md)") == 2
    )


def test_om_dataene_gives_the_register_reason_once():
    """The topics only in the registers share one line in «Om dataene», so the reason is not
    repeated four times; every one of them is still named."""
    oversikt = str(tilgang_prose.oversikt())
    assert oversikt.count("microdata.no") == 1
    linje = next(line for line in oversikt.splitlines() if "microdata.no" in line)
    assert linje.startswith(
        "- SSB publiserer ikke utflyttingen fra Oslo etter yrke, fødested eller familietype"
    )
    for t in tilgang.TEMAER:
        if t.bare_registerdata:
            assert t.hva.removeprefix("utflyttingen fra Oslo etter ") in linje, t.navn
    assert len(oversikt.splitlines()) == sum(not t.bare_registerdata for t in tilgang.TEMAER) + 1


def test_availability_sentences_put_the_subject_first():
    """«SSB publiserer flyttingene …, men tallene er ikke med …», never the inverted «Flyttingene
    … publiserer SSB»; «Om dataene» adds the tables in brackets."""
    kort = str(tilgang_prose.setning("byer", har=set()))
    assert kort.startswith(
        "SSB publiserer flyttingene år for år for alle de fem byene, men tallene er ikke med i denne "
        "utgaven av boka ("
    ), kort
    oversikt = str(tilgang_prose.oversikt(har=set()))
    linje = next(line for line in oversikt.splitlines() if "de fem byene" in line)
    assert linje.startswith(
        "- SSB publiserer flyttingene år for år for alle de fem byene i statistikkbanken (tabellene ["
    ), linje
    assert linje.endswith("), men tallene er ikke med i denne utgaven av boka."), linje
    assert "publiserer SSB" not in oversikt and "publiserer ikke SSB" not in oversikt
    assert str(tilgang_prose.setning("yrke", har=set())).startswith(
        "SSB publiserer ikke utflyttingen fra Oslo etter yrke ("
    )
