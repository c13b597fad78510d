"""Which tables this edition holds comes from the data package: change a copy of the package
(OSLO_FLYTTING_DATA points at it) and every sentence about availability changes with it."""

import json
import re
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


def _ord(tekst: str) -> list[str]:
    return re.findall(r"[0-9a-zæøåäöü]+", re.sub(r"\]\([^)]*\)", "]", str(tekst)).lower())


def _seksord(tekst: str) -> set[tuple[str, ...]]:
    w = _ord(tekst)
    return {tuple(w[i : i + 6]) for i in range(len(w) - 5)}


def test_the_snapshot_holds_no_statbank_table_and_says_so(kopi):
    setninger = _setninger()
    for navn, setning in setninger.items():
        assert setning.count("[Om dataene](/book/om-dataene.md)") == 1, navn
        # No shared formula: never «denne utgaven av boka», never the old tail.
        assert "denne utgaven" not in setning and "tallene er ikke med" not in setning, setning
        assert "publiserer SSB" not in setning, setning
        # The reason and the tables stand once, in «Om dataene», not on the chapter pages.
        assert "microdata.no" not in setning and "statbank/table" not in setning, setning
    assert "microdata.no" in tilgang_prose.oversikt()
    # What is true of this edition: transcribed, and built to be refreshed from the statbank.
    utgaven = str(tilgang_prose.utgaven())
    assert "skrevet av fra publiserte sider" in utgaven
    assert "kan hentes på nytt direkte fra SSBs statistikkbank" in utgaven and "endringsloggen" in utgaven
    assert "hentet direkte derfra" not in utgaven


@pytest.mark.parametrize("har", [None, set(), {"ssb_09588"}])
def test_no_two_topics_share_a_six_word_run(har):
    """Each missing topic is said in its own chapter in its own words: no run of six words
    is shared by two topics' sentences, nor by a sentence and «Om dataene»'s list."""
    # Fødested and familie are said together (chapter 5), so the pair stands for both.
    tekster = {
        t.navn: str(tilgang_prose.setning(t.navn, har))
        for t in tilgang.TEMAER
        if t.navn not in ("fodested", "familie")
    }
    tekster["fodested+familie"] = str(tilgang_prose.setning(("fodested", "familie"), har))
    sett: dict[tuple[str, ...], str] = {}
    for navn, tekst in tekster.items():
        for gram in _seksord(tekst):
            assert sett.setdefault(gram, navn) == navn, f"{navn} og {sett[gram]} deler «{' '.join(gram)}»"
    oversikt = str(tilgang_prose.oversikt(har))
    felles = _seksord(oversikt) & set(sett)
    # Except a topic with no table found: said in the same words in its chapter and in «Om
    # dataene» (the editor found the two wordings seemed to disagree).
    for s in tilgang.alle(har):
        if not s.holdes and s.kandidater and not s.tema.bare_registerdata:
            felles -= _seksord(str(tilgang_prose.setning(s.tema.navn, har)))
    assert not felles, felles


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
    assert etter[navn] != foer[navn] and "ikke hentet inn" not in etter[navn]
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
    assert uten["destinasjon"] == str(tilgang_prose.setning("destinasjon", har=set()))
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
    assert uten.startswith(
        "Vi har ikke funnet noen publisert tabell over utflyttingen fra Oslo etter alder ("
    )
    # The same words as «Om dataene».
    assert str(uten).removesuffix(f" ({tilgang_prose.LENKE}).") in tilgang_prose.oversikt(har=set())
    assert "09587" not in uten and "09588" not in uten
    oversikt = tilgang_prose.oversikt(har=set())
    assert "09587" not in oversikt and "09588" not in oversikt
    # A plain fact about the book, no guess about where SSB might publish them.
    assert "Vi har ikke funnet noen publisert tabell over utflyttingen fra Oslo etter alder" in oversikt
    assert "vet ikke" not in oversikt and "kan finnes" not in oversikt
    # Held, it leaves the «Om dataene» list.
    assert "etter alder" not in tilgang_prose.oversikt(har={"ssb_09588"})


def test_topics_only_in_the_registers_share_one_sentence():
    tekst = tilgang_prose.setning(("fodested", "familie"))
    assert tekst.startswith("Hvor utflytterne var født og hva slags familie de hørte til, ")
    assert tekst.count("(/book/om-dataene.md)") == 1
    # A topic with a table keeps its own sentence.
    blandet = tilgang_prose.setning(("fodested", "destinasjon"))
    assert (
        str(tilgang_prose.setning("destinasjon")) in blandet and blandet.count("(/book/om-dataene.md)") == 2
    )


def test_om_dataene_says_it_once_then_lists_the_tables():
    """«Om dataene»: the register reason once; one neutral sentence; then one line per
    missing SSB topic with its tables linked and its chapter, and nothing more."""
    oversikt = str(tilgang_prose.oversikt(har=set()))
    assert oversikt.count("microdata.no") == 1
    register = next(line for line in oversikt.splitlines() if "microdata.no" in line)
    for t in tilgang.TEMAER:
        if t.bare_registerdata:
            assert t.hva.removeprefix("utflyttingen fra Oslo etter ") in register, t.navn
    assert oversikt.count(tilgang_prose.IKKE_MED) == 1
    # The one reason, in reader words (not among the numbers when they were collected), and
    # no production talk («neste gang …»).
    assert "men som ikke var blant tallene da de ble samlet inn" in oversikt
    assert "Neste gang" not in oversikt
    linjer = [line for line in oversikt.splitlines() if line.startswith("- ")]
    mangler = [s for s in tilgang.alle(har=set()) if not s.tema.bare_registerdata and not s.kandidater]
    assert len(linjer) == len(mangler)
    for s, linje in zip(mangler, linjer, strict=True):
        side, tittel = s.tema.kapittel
        assert linje.endswith(f"([{tittel}]({side})).") and s.mangler[0].url in linje, linje
        assert "denne utgaven" not in linje and "men tallene" not in linje
    # A table fetched leaves the list, and its chapter says where it comes from instead.
    alle = {f"ssb_{t.tabell}" for s in mangler for t in s.tabeller}
    assert tilgang_prose.IKKE_MED not in tilgang_prose.oversikt(har=alle)
    assert "- " not in tilgang_prose.oversikt(har=alle)


def test_each_topic_names_its_one_chapter():
    """Every topic is said in the one chapter where it matters: the chapters' calls and the
    topics' chapters agree."""
    for t in tilgang.TEMAER:
        side = ROOT / t.kapittel[0].lstrip("/")
        tekst = side.read_text(encoding="utf-8")
        assert f'"{t.navn}"' in tekst, (t.navn, side.name)
        for annen in ROOT.glob("notebooks/*.md"):
            if annen != side:
                assert f'tilgang.setning("{t.navn}")' not in annen.read_text(encoding="utf-8"), annen


def test_om_dataene_lists_only_the_datasets_the_chapters_use(tmp_path):
    brukt = tilgang.brukte_datasett()
    # Collected but drawn on by no chapter: not listed as numbers the book builds on.
    for navn in ("flytting_barn_landet", "storbyer_rater_2023", "oslo_telemark_2021", "hjemmekontor_avtaler"):
        assert navn not in brukt, navn
    assert {"storbyer", "oslo_etter_2020", "kvartal_2024_2025", "folkemengde_alder"} <= brukt
    # On changed chapters: a chapter that starts loading a dataset adds it, and only it.
    (tmp_path / "01-a.md").write_text(
        'x = load("storbyer")\ny = load( "oslo_telemark_2021" )\n', encoding="utf-8"
    )
    (tmp_path / "02-b.md").write_text("Ingen kode her.\n", encoding="utf-8")
    assert tilgang.brukte_datasett(tmp_path) == {"storbyer", "oslo_telemark_2021"}
    # «Om dataene» filters its list with it.
    side = (ROOT / "book" / "om-dataene.md").read_text(encoding="utf-8")
    assert "brukte_datasett()" in side and "if navn not in brukte" in side
