"""The editor's round-7 findings on the introduction, chapters 1–4, «Om dataene» and
«Slik kommer tallene inn i boka», checked on the built pages."""

import re

from helpers import facts, load, prosent


def _tekst(site, side: str) -> str:
    from bs4 import BeautifulSoup

    soup = BeautifulSoup((site / side).read_text(), "html.parser")
    for tag in soup.find_all(["script", "style", "details", "table"]):
        tag.decompose()
    main = soup.find("main") or soup
    tekst = " ".join(main.get_text(" ", strip=True).replace("\u00a0", " ").split())
    return re.sub(r" ([,.:;?!)])", r"\1", tekst).replace("( ", "(")


def test_the_introduction(site):
    intro = _tekst(site, "book/intro.html")
    assert (
        "flere enn i noe år før, helt tilbake til 2011" in intro
        and "siden 2011" not in intro
        and "det høyeste i serien" not in intro
    )
    assert "tale mot retur, så lenge hjemmekontor fortsatt er mulig" in intro
    # Return in a line; the full weighing only in chapter 8.
    assert "taler noen trekk ved utflytterne for retur" in intro
    assert "stedets attraktivitet" not in intro and "boligpriser" not in intro
    assert "hvorfor vi ikke kan sammenligne med de andre storbyene" in intro
    assert "endres teksten" not in intro


def test_chapters_1_to_4(site):
    k1 = _tekst(site, "notebooks/01-rekordutflytting.html")
    k3 = _tekst(site, "notebooks/03-hjemmekontor.html")
    k4 = _tekst(site, "notebooks/04-utvandring.html")
    assert "Kommunegrensene er de samme hele perioden" in k1
    # The 2019 under-count: explained in 4.1 only; chapter 1 points there.
    assert "Folkeregisteret" in k4 and "Folkeregisteret" not in k1
    assert "sammenligningsår (se hvorfor)" in k1 and "som nevnt i kapittel 1" not in k4
    assert "noe av årene" not in k4 and "noe av dem" not in k4
    # Out-migration against the same years as chapter 7.
    ut = facts.serie(load("storbyer"), "Oslo", "utflytting_innenlands")
    pst = prosent(abs(facts.mot_periode(ut, 2020, 2016, 2019)["prosent_mot_snitt"])).replace("\u00a0", " ")
    assert "måles mot snittet for 2016–2019, som i kapitlet Kom de tilbake?" in k4
    assert f"i 2020 lå den {pst} over" in k4
    assert k3.count("Anslaget sier") == 1 and "Samtidig steg" not in k3
    assert "Anslaget finnes også for tre andre kommuner" in k3
    assert "pekepinn" in k3 and "skilte hjemmekontoryrkene seg mest ut" not in k3
    k2 = _tekst(site, "notebooks/02-alder.html")
    assert "Vi har ikke funnet noen publisert tabell over utflyttingen fra Oslo etter alder" in k2


def test_captions_name_their_units(site):
    for side, ord_ in (
        ("notebooks/02-alder.html", "Prosent av innbyggerne i hver by"),
        ("notebooks/03-hjemmekontor.html", "Prosent av jobbene"),
        ("notebooks/03-hjemmekontor.html", "Prosent av de ansatte"),
    ):
        assert ord_ in _tekst(site, side), (side, ord_)


def test_about_the_data_and_how_the_numbers_get_in(site):
    om = _tekst(site, "book/om-dataene.html")
    assert om.count("Under noen figurer står det «Svakere kilde»") == 1
    assert "Utgivere:" not in om and "Oslo og Stavanger" not in om
    assert "men som ikke var blant tallene da de ble samlet inn" in om and "Neste gang" not in om
    teknisk = _tekst(site, "book/teknisk.html")
    assert "oppdiktede" not in teknisk and "endres ordene med dem" in teknisk
    for side in ("book/intro.html", "book/om-dataene.html", "notebooks/02-alder.html"):
        assert "R-pakken" not in _tekst(site, side)
    assert "spldata (kopi av SSB-tall)" in _tekst(site, "notebooks/02-alder.html")
