"""The introduction's own numbers sentences (helpers.prose.forside): the record since the
series starts, and the years after 2020 without chapter 7's caveat on the annual figure."""

import pytest

from helpers import facts, forside, load
from helpers.prose import rekord

NB = "\u00a0"


@pytest.fixture(scope="module")
def ut_aar():
    return facts.serie(load("storbyer"), "Oslo", "utflytting_innenlands")


@pytest.fixture(scope="module")
def ut_kv():
    kv = load("kvartal_2024_2025")
    return kv[(kv["region"] == "Oslo") & (kv["maal"] == "utflytting_innenlands")]


def test_the_record_is_the_highest_since_the_series_starts(ut_aar):
    # Not «the highest in the series»: 2021 was higher still (chapter 1 says so).
    assert forside.rang(ut_aar, 2020) == "flere enn i noe år før, helt tilbake til 2011"
    # Not «siden 2011»: that would make 2011 as high as 2020.
    assert "siden" not in forside.rang(ut_aar, 2020)
    # Worded apart from chapter 1.
    assert str(forside.rang(ut_aar, 2020)) != str(rekord.rang(ut_aar, 2020))
    # A series starting later: the year is read from the data.
    assert forside.rang(ut_aar[ut_aar.index >= 2014], 2020).endswith("helt tilbake til 2014")
    # A year that was not the highest: chapter 1's plain ranking, not «som begynner i».
    lavere = ut_aar.copy()
    lavere[2017] = lavere[2020] + 1
    assert "som begynner i" not in forside.rang(lavere, 2020)
    assert forside.rang(lavere, 2020) == rekord.rang(lavere, 2020)


def test_the_lead_after_2020_leaves_the_caveat_to_chapter_7(ut_aar, ut_kv):
    text = forside.etter(ut_aar, ut_kv)
    assert text.startswith(f"Etter 2020 steg utflyttingen videre, til 39{NB}942 i 2021, og i 2022")
    assert f"SSBs fire kvartalstall for 2025 gir til sammen 34{NB}973 utflyttinger; også den summen" in text
    assert "avvike" not in text
    # Three quarters only: no sum.
    assert "34" not in forside.etter(ut_aar, ut_kv[ut_kv["kvartal"] < 4])
    # Changed data: after 2020 fewer moved out, and the sum lies under the range.
    lav = ut_aar.copy()
    lav[2021], lav[2022] = 30000.0, 29000.0
    lav_kv = ut_kv.assign(verdi=[5000.0, 6000.0, 7000.0, 5000.0])
    text = forside.etter(lav, lav_kv)
    assert text.startswith("Etter 2020 flyttet færre ut enn i 2020, og i 2022")
    assert "lå den under nivået fra før pandemien" in text
    assert "den summen ligger, regnet i antall personer, under det samme nivået" in text
