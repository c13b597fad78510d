"""Chapters 5–8 after the editor's read: each rule on the snapshot and on changed data."""

import pandas as pd

from helpers import load, tilbake


def _ssb_k4():
    bolig = load("boligpriser")
    rader = bolig[
        (bolig["kilde_type"] == "SSB")
        & (bolig["region"] == "Oslo med Bærum")
        & (bolig["maal"] == "tolvmaanedersendring")
        & (bolig["periode"] == "4. kvartal")
    ].set_index("aar")
    return rader["verdi"], sorted(rader.index[rader["usikker"]])


def test_house_prices_after_2020_in_one_sentence_on_the_snapshot():
    endring, usikre = _ssb_k4()
    tekst = tilbake.bolig_etter(endring, usikre=usikre)
    assert tekst == (
        "For årene etter 2020 har boka ingen brukbar serie for boligprisene i Oslo og Bærum (bare SSBs "
        "endring for 2021), så om prisene holdt seg relativt høye, kan tallene her ikke vise."
    )
    # Pre-pandemic years are no longer listed: they say nothing about the condition.
    assert "2015" not in tekst and "2016" not in tekst
    assert tekst.count(". ") == 0


def test_house_prices_after_2020_follow_the_data():
    # No sound year after 2020: the sentence names none.
    uten = tilbake.bolig_etter(pd.Series({2015: 9.2, 2021: 6.5, 2024: 5.4}), usikre=[2021, 2024])
    assert "bare SSBs endring" not in uten and uten.startswith("For årene etter 2020 har boka ingen")
    # Two sound years with a gap: still no series, both named.
    hull = tilbake.bolig_etter(pd.Series({2021: 6.5, 2023: 2.0, 2024: 5.4}), usikre=[2024])
    assert "(bare SSBs endring for 2021 og 2023)" in hull
    # A sound change for every year after 2020: the series is said, year by year.
    hel = tilbake.bolig_etter(pd.Series({2016: 21.7, 2021: 6.5, 2022: -1.0, 2023: 2.0}))
    assert "ingen brukbar serie" not in hel
    assert "steg prisene 6,5 prosent i løpet av 2021, falt 1,0 prosent i løpet av 2022" in hel.replace(
        "\u00a0", " "
    )
    assert "2016" not in hel and hel.endswith("2023.")


def test_the_survey_says_it_is_not_chapter_3s_measure():
    hk = load("hjemmekontor_etter_2020")
    tekst = tilbake.opinion(hk[hk["maal"].str.contains("hjemmekontor siste måned")])
    assert "i hele landet, ifølge ABC Nyheter. Det er et annet mål enn anslaget i kapittel 3" in tekst


def test_the_nordic_note_points_to_chapter_4_1_for_2019_only():
    assert tilbake.merknad_for_hoyt("Oslo", 2019) == "Tallet for Oslo i 2019 er for høyt (se kapittel 4.1)."
    annet = tilbake.merknad_for_hoyt("Oslo", 2018)
    assert "registrert for lavt" in annet and "kapittel 4.1" not in annet


def test_the_2013_title_and_text_give_the_same_share():
    from helpers import facts, fodested

    f = load("oslo_flytting_innvandrere_2013")
    alle = f[f["verdensregion"] == "alle"].pivot_table(index="flyt", columns="gruppe", values="verdi")
    ut = facts.andel(alle.loc["utflytting", "Innvandrere"], alle.loc["utflytting", "Alle"])
    ut_andel = ut_andel_tekst = fodested.tittel_2013(ut).split(" for ")[1].split(" av ")[0]
    assert ut_andel == "21,9\u00a0prosent"
    assert f"{ut_andel_tekst} av utflyttingen" in fodested.naermeste_2013(ut, 50.0)


def test_the_households_note_says_which_years_are_rounded_from_the_rows():
    from helpers import fodested

    h = load("oslo_husholdninger")
    typer = ["Par uten hjemmeboende barn", "Par med barn", "Én forelder med barn"]
    plot = h[(h["region"] == "Oslo") & h["kategori"].isin(typer) & (h["maal"] == "antall")]
    assert (
        fodested.merknad_avrundet(plot)
        == "Tallene for 2019 er avrundet i kilden, tallene for 2022 er eksakte."
    )
    # Changed notes: the newest year rounded too, then nothing exact to name.
    alle = plot.assign(merknad="Avrundinger som i kilden.")
    assert fodested.merknad_avrundet(alle) == "Tallene for 2019 og 2022 er avrundet i kilden."
    # No rounding note: nothing to say.
    assert fodested.merknad_avrundet(plot.assign(merknad=None)) == ""


def test_the_household_couples_are_not_the_articles_family_type():
    from helpers import fodested

    tekst = fodested.par({2019: {"u": 9.0, "m": 5.0}, 2022: {"u": 9.0, "m": 5.0}}, "u", "m")
    assert tekst.endswith("det er en type husholdning, ikke en familietype.")
