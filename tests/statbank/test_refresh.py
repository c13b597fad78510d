"""`make data` (helpers.statbank.refresh) against hand-built PxWebApi answers; never against SSB
unless SSB_ONLINE=1. Every refresh here writes into a copy of data/ in a temporary folder;
the repository's data/ is only ever read, and checked to be unchanged."""

import contextlib
import copy
import hashlib
import json
import math
import os
import shutil
import subprocess
import sys
import tempfile
import time
from dataclasses import replace
from pathlib import Path

import pandas as pd
import pytest
import requests
import responses
from support import FIXTURES, ROOT
from support.clock import FakeTime
from support.pxfake import (
    FAKE_BASE,
    HANDBUILT,
    data_answer,
    data_url,
    fake_server,
    meta_url,
    subset,
    value_codes,
)

from helpers import load
from helpers.catalog import regions
from helpers.catalog.periods import whole_years
from helpers.catalog.registry import datasets, describe
from helpers.catalog.spec import Dataset
from helpers.statbank.checks import cells_of, validate
from helpers.statbank.client import SsbClient
from helpers.statbank.failures import RefreshError
from helpers.statbank.jsonstat import load_file, to_frame
from helpers.statbank.planning import resolve
from helpers.statbank.refresh import declared_queries, refresh, units
from helpers.statbank.resources import COLUMNS, TIDY_TAIL, columns, region_shaped
from helpers.store.package import read_resource, sha256
from helpers.store.paths import data_dir
from helpers.store.validation import check_package

# Every table a dataset declares, in the order the refresh fetches them; each has a
# hand-built fixture (test_every_declared_table_has_a_handbuilt_fixture).
# (of the candidates for one need, the first: the fixtures make it hold)
TABLES = tuple(u[0].table for u in units(declared_queries()))
META = {t: HANDBUILT[t]["meta"] for t in HANDBUILT}
DATA = {t: HANDBUILT[t]["data"] for t in HANDBUILT}


def fixture_value(table, region, code, period):
    frame = load_file(FIXTURES / f"ssb-{table}-v2-data.HANDBUILT.jsonstat2.json")
    row = frame[(frame["Region"] == region) & (frame["ContentsCode"] == code) & (frame["Tid"] == period)]
    return float(row["value"].iloc[0])


def contents(folder: Path) -> dict[str, str]:
    """Every file of a data folder by name -> sha256: equal means byte-for-byte unchanged."""
    return {
        p.name: hashlib.sha256(p.read_bytes()).hexdigest() for p in sorted(folder.iterdir()) if p.is_file()
    }


@pytest.fixture(scope="module", autouse=True)
def repo_data_untouched():
    before = contents(data_dir())
    yield
    assert contents(data_dir()) == before, "a test changed the repository's data/"
    assert not list(ROOT.glob(".staging-*")), "a staging folder was left behind"


@pytest.fixture
def target(tmp_path):
    folder = tmp_path / "data"
    shutil.copytree(data_dir(), folder)
    return folder


@pytest.fixture
def fake_time():
    return FakeTime()


@pytest.fixture
def client(fake_time):
    return SsbClient(
        base_url=FAKE_BASE, max_retries=3, backoff=0.5, sleep=fake_time.sleep, clock=fake_time.clock
    )


@pytest.fixture
def http():
    with responses.RequestsMock(assert_all_requests_are_fired=False) as mock:
        yield mock


def serve(http, meta=None, data=None, skip=()):
    """Answer every declared table from the fixtures (or the given documents), except tables in `skip`."""
    for t in TABLES:
        if t in skip:
            continue
        http.add(responses.GET, meta_url(t), json=(meta or {}).get(t, META[t]))
        http.add_callback(responses.GET, data_url(t), callback=data_answer((data or {}).get(t, DATA[t])))


def assert_failed_unchanged(target, before, *words, call=None):
    with pytest.raises(RefreshError) as err:
        call()
    for w in words:
        assert w in str(err.value), str(err.value)
    assert contents(target) == before
    assert not list(target.parent.glob(".staging-*"))
    return err.value


# -- a successful refresh ---------------------------------------------------------------------


@pytest.mark.slow  # a full refresh of every declared table
def test_refresh_writes_one_resource_per_table_with_provenance(http, client, target):
    serve(http)
    written = refresh(target, client, now=pd.Timestamp("2030-01-02T03:04:05Z").to_pydatetime())
    assert written == [f"ssb_{t}.csv" for t in sorted(TABLES)] + ["datapackage.json"]
    assert check_package(target) == []

    package = json.loads((target / "datapackage.json").read_text(encoding="utf-8"))
    assert package["refreshed"] == "2030-01-02T03:04:05Z"
    res = {r["name"]: r for r in package["resources"]}
    r = res["ssb_06913"]
    assert r["hash"] == "sha256:" + sha256(target / "ssb_06913.csv")
    assert r["bytes"] == (target / "ssb_06913.csv").stat().st_size
    assert r["licenses"][0]["name"] == "CC-BY-4.0"
    assert r["retrieved"] == "2030-01-02T03:04:05Z"
    assert r["sources"][0]["path"] == "https://www.ssb.no/statbank/table/06913"
    assert r["ssb"]["table"] == "06913"
    assert r["ssb"]["query"]["ContentsCode"] == [
        "Folkemengde",
        "Innflyttinger",
        "Utflyttinger",
        "Nettoinnflytting",
    ]
    assert r["ssb"]["request"]["Tid"] == [str(y) for y in range(2008, 2026)]  # from(1997) resolved
    assert r["ssb"]["api"] == f"{FAKE_BASE}/tables/06913/data"
    assert res["ssb_01223"]["ssb"]["request"]["Tid"] == [f"{y}K4" for y in range(2008, 2025)]  # *K4
    assert [f["name"] for f in r["schema"]["fields"]] == COLUMNS
    # The transcribed resources are still there, byte for byte.
    for name in ("city_flows.csv", "city_flows_more.csv"):
        assert sha256(target / name) == sha256(data_dir() / name)


@pytest.mark.slow  # a full refresh of every declared table
def test_one_row_per_cell_and_missing_cells_stay_empty_with_their_symbol(http, client, target):
    serve(http)
    refresh(target, client)
    rows = read_resource("ssb_06913", target)
    assert len(rows) == 8 * 4 * 18
    assert list(rows.columns) == COLUMNS
    # SSB has not published the moves of the newest year: empty, "..", not 0.
    newest = rows[
        (rows["year"] == 2025)
        & (rows["series"] == "innflytting_i_alt")
        & rows["region_code"].isin(["0301", "4601", "5001", "1103", "4204"])
    ]
    assert newest["value"].isna().all() and set(newest["status"]) == {".."}
    assert newest["note"].str.contains("tall ikke tilgjengelig").all()
    # Bergen's new code before it existed: empty with "."; the old code after: SSB's 0, kept as sent.
    b4601 = rows[(rows["region_code"] == "4601") & (rows["year"] == 2015)]
    assert b4601["value"].isna().all() and set(b4601["status"]) == {"."}
    b1201 = rows[
        (rows["region_code"] == "1201") & (rows["year"] == 2021) & (rows["series"] == "folkemengde_1jan")
    ]
    assert b1201["value"].tolist() == [0] and b1201["note"].str.contains("ikke i bruk").all()
    # Values exactly as in the answer; whole numbers written without ".0".
    oslo = rows[
        (rows["region_code"] == "0301") & (rows["year"] == 2020) & (rows["series"] == "folkemengde_1jan")
    ]
    assert oslo["value"].tolist() == [fixture_value("06913", "0301", "Folkemengde", "2020")]
    assert ".0," not in (target / "ssb_06913.csv").read_text(encoding="utf-8")
    assert rows["source_url"].eq("https://www.ssb.no/statbank/table/06913").all()
    assert rows["note"].str.contains("Tid=from(1997)", regex=False).all()


@pytest.mark.slow  # a full refresh of every declared table
def test_load_uses_refreshed_rows_over_transcribed_ones(http, client, target, monkeypatch):
    serve(http)
    refresh(target, client)
    monkeypatch.setenv("OSLO_FLYTTING_DATA", str(target))

    alle = load("storbyer", alle_kilder=True)
    rows = alle[(alle["region"] == "Oslo") & (alle["aar"] == 2020) & (alle["serie"] == "innvandring")]
    api = fixture_value("01223", "0301", "Innvandring5", "2020K4")
    chosen = rows[rows["valgt"]]
    assert chosen["verdi"].tolist() == [api]
    assert chosen["utgiver"].tolist() == ["Statistisk sentralbyrå (statistikkbanken)"]
    assert chosen["kilde"].tolist() == ["https://www.ssb.no/statbank/table/01223"]
    # The transcribed values differ and stay as provenance, without a SourceConflict.
    assert sorted(rows.loc[~rows["valgt"], "verdi"]) == [8730, 8731]
    assert "foretrukket framfor" in chosen["valg_grunn"].iloc[0]

    df = load("storbyer")
    assert df.attrs["oppfrisket_fra"] == ["06913", "01223"]
    assert not df.duplicated(["region", "aar", "serie"]).any()
    assert df["verdi"].notna().all()
    # 06913 gives population on 1 January; its moves include moves abroad and stay out.
    pop = df[(df["region"] == "Oslo") & (df["serie"] == "folkemengde_1jan") & (df["aar"] == 2020)]
    assert pop["verdi"].tolist() == [fixture_value("06913", "0301", "Folkemengde", "2020")]
    assert not df["serie"].isin(["innflytting_i_alt", "utflytting_i_alt", "nettoinnflytting"]).any()
    # 01223's year-to-date 4th quarter is the year; the newest year without moves is absent.
    ut = df[(df["region"] == "Oslo") & (df["serie"] == "utflytting_innenlands")].set_index("aar")["verdi"]
    assert ut[2019] == fixture_value("01223", "0301", "Fraflytting8", "2019K4")
    assert ut.index.max() == 2024
    # Every row carries the code in use that year (Bergen 1201 to 2019, 4601 from 2020).
    bergen = df[df["region"] == "Bergen"]
    assert set(bergen.loc[bergen["aar"] <= 2019, "region_kode"]) == {"1201"}
    assert set(bergen.loc[bergen["aar"] >= 2020, "region_kode"]) == {"4601"}
    assert all(regions.in_use(c, y) for c, y in zip(df["region_kode"], df["aar"], strict=True))
    assert set(df["region"]) == set(regions.CITIES)


@pytest.mark.slow  # a full refresh of every declared table, twice
def test_refresh_twice_gives_the_same_files(http, client, target):
    serve(http)
    now = pd.Timestamp("2030-01-01T00:00:00Z").to_pydatetime()
    refresh(target, client, now=now)
    first = contents(target)
    refresh(target, client, now=now)
    assert contents(target) == first


# -- retries and faults: the committed data stay byte-for-byte ----------------------------------


@pytest.mark.slow  # a full refresh of every declared table, twice (rate limited, then failing)
def test_429_then_success_honours_retry_after(http, client, fake_time, target):
    http.add(responses.GET, meta_url("06913"), status=429, headers={"Retry-After": "7"})
    serve(http)
    refresh(target, client)
    assert fake_time.sleeps[0] == 7.0
    assert (target / "ssb_06913.csv").is_file()
    assert check_package(target) == []


def test_repeated_503_gives_up_and_changes_nothing(http, client, fake_time, target):
    before = contents(target)
    last = TABLES[-1]
    serve(http, skip=(last,))  # every other table fine, then the last fails: nothing is written
    http.add(responses.GET, meta_url(last), status=503)
    assert_failed_unchanged(target, before, last, "503", "4 forsøk", call=lambda: refresh(target, client))
    assert len({c.request.url.split("/tables/")[1].split("/")[0] for c in http.calls}) == len(TABLES)
    assert fake_time.sleeps[-3:] == [0.5, 1.0, 2.0]


def test_timeout_changes_nothing(http, client, target):
    before = contents(target)
    serve(http, skip=("06913",))
    http.add(responses.GET, meta_url("06913"), json=META["06913"])
    http.add(responses.GET, data_url("06913"), body=requests.exceptions.ReadTimeout("treg"))
    assert_failed_unchanged(target, before, "06913", "ReadTimeout", call=lambda: refresh(target, client))


def test_malformed_json_changes_nothing(http, client, target):
    before = contents(target)
    serve(http, skip=("06913",))
    http.add(responses.GET, meta_url("06913"), json=META["06913"])
    http.add(responses.GET, data_url("06913"), body="<html>Vedlikehold</html>", content_type="text/html")
    assert_failed_unchanged(target, before, "06913", "ugyldig JSON", call=lambda: refresh(target, client))


def test_sizes_not_matching_values_changes_nothing(http, client, target):
    before = contents(target)
    serve(http, skip=("06913",))
    http.add(responses.GET, meta_url("06913"), json=META["06913"])

    def short(request):
        doc = subset(DATA["06913"], value_codes(request.url))
        doc["value"] = doc["value"][:-3]
        return 200, {}, json.dumps(doc)

    http.add_callback(responses.GET, data_url("06913"), callback=short)
    err = assert_failed_unchanged(
        target, before, "06913", "JSON-stat", "576", "573", call=lambda: refresh(target, client)
    )
    assert err.table == "06913"


def test_missing_code_in_metadata_stops_before_any_data(http, client, target):
    before = contents(target)
    meta = copy.deepcopy(META["01223"])
    cat = meta["dimension"]["ContentsCode"]["category"]
    del cat["label"]["Tilflytting7"], cat["unit"]["Tilflytting7"]
    cat["index"] = {c: i for i, c in enumerate(cat["label"])}
    meta["size"][1] -= 1
    serve(http, meta={"01223": meta})
    assert_failed_unchanged(
        target,
        before,
        "SSB-tabell 01223",
        "'Tilflytting7'",
        "ContentsCode",
        call=lambda: refresh(target, client),
    )
    assert not [c for c in http.calls if "/01223/data" in c.request.url]


def test_missing_region_code_is_named(http, client, target):
    before = contents(target)
    meta = copy.deepcopy(META["06913"])
    cat = meta["dimension"]["Region"]["category"]
    del cat["label"]["4204"]
    cat["index"] = {c: i for i, c in enumerate(cat["label"])}
    meta["size"][0] -= 1
    serve(http, meta={"06913": meta})
    assert_failed_unchanged(target, before, "06913", "'4204'", "Region", call=lambda: refresh(target, client))


@pytest.mark.slow  # a full refresh of every declared table, twice (whole and split queries)
def test_query_above_the_cell_limit_is_split_and_gives_the_same_file(http, fake_time, target, tmp_path):
    serve(http)
    refresh(target, SsbClient(base_url=FAKE_BASE, sleep=fake_time.sleep, clock=fake_time.clock))
    whole = {t: (target / f"ssb_{t}.csv").read_bytes() for t in TABLES}
    calls_whole = len(http.calls)

    other = tmp_path / "other" / "data"
    shutil.copytree(data_dir(), other)
    small = SsbClient(base_url=FAKE_BASE, max_cells=100, sleep=fake_time.sleep, clock=fake_time.clock)
    refresh(other, small)
    data_calls = [c for c in http.calls[calls_whole:] if "/data" in c.request.url]
    assert len(data_calls) > 2 * len(TABLES)
    for c in data_calls:
        assert math.prod(len(codes) for codes in value_codes(c.request.url).values()) <= 100
    assert {t: (other / f"ssb_{t}.csv").read_bytes() for t in TABLES} == whole


def _tamper(table, change):
    doc = copy.deepcopy(DATA[table])
    change(doc)
    return doc


def _cell(doc, *codes):
    """Flat index of the cell with these codes, one per dimension in the document's order."""
    ids = doc["id"]
    pos = [doc["dimension"][d]["category"]["index"][c] for d, c in zip(ids, codes, strict=True)]
    i = 0
    for p, size in zip(pos, doc["size"], strict=True):
        i = i * size + p
    return i


def test_totals_that_do_not_add_up_are_refused(http, client, target):
    before = contents(target)

    def off_by_five(doc):
        doc["value"][_cell(doc, "0301", "Nettoflytting9", "2020K4")] += 5

    serve(http, data={"01223": _tamper("01223", off_by_five)})
    assert_failed_unchanged(
        target, before, "01223", "nettoinnflytting", "0301 2020K4", call=lambda: refresh(target, client)
    )


def test_negative_count_is_refused(http, client, target):
    before = contents(target)

    def negative(doc):
        doc["value"][_cell(doc, "0301", "Innflyttinger", "2012")] = -3
        doc["value"][_cell(doc, "0301", "Nettoinnflytting", "2012")] = (
            -3 - doc["value"][_cell(doc, "0301", "Utflyttinger", "2012")]
        )

    serve(http, data={"06913": _tamper("06913", negative)})
    assert_failed_unchanged(
        target, before, "06913", "negativt antall -3", call=lambda: refresh(target, client)
    )


def test_expected_year_without_a_value_is_refused(http, client, target):
    before = contents(target)

    def gap(doc):
        i = _cell(doc, "1103", "Folkemengde", "2015")
        doc["value"][i] = None
        doc["status"][str(i)] = ".."

    serve(http, data={"06913": _tamper("06913", gap)})
    assert_failed_unchanged(
        target, before, "06913", "Stavanger 2015 folkemengde_1jan", call=lambda: refresh(target, client)
    )


def test_answer_with_cells_nobody_asked_for_is_refused(http, client, target):
    before = contents(target)
    serve(http, skip=("06913",))
    http.add(responses.GET, meta_url("06913"), json=META["06913"])
    http.add(responses.GET, data_url("06913"), json=DATA["06913"])  # the whole table, every code
    assert_failed_unchanged(
        target, before, "06913", "svaret sier 1296 celler", call=lambda: refresh(target, client)
    )


@pytest.mark.slow  # a full refresh of every declared table, refused
def test_broken_committed_package_is_not_papered_over(http, client, target):
    (target / "city_flows.csv").write_text("ødelagt\n", encoding="utf-8")
    before = contents(target)
    serve(http)
    assert_failed_unchanged(target, before, "datapakken", "city_flows", call=lambda: refresh(target, client))


# -- resolving the query, whole years --------------------------------------------------------------


def test_resolve_patterns_and_from():
    q = describe("storbyer").ssb[1]
    assert q.table == "01223"
    got = resolve(q, META["01223"])
    assert got["Tid"] == [f"{y}K4" for y in range(2008, 2025)]
    assert got["Region"] == q.selection["Region"]
    q06 = describe("storbyer").ssb[0]
    assert resolve(q06, META["06913"])["Tid"][0] == "2008"


def test_resolve_names_every_missing_code_at_once():
    q = replace(
        describe("storbyer").ssb[0],
        selection={"Region": ["0301", "9999"], "ContentsCode": ["Folkemengde", "Innflytting"], "Tid": ["*"]},
    )
    with pytest.raises(RefreshError) as err:
        resolve(q, META["06913"])
    msg = str(err.value)
    assert "'9999'" in msg and "'Innflytting'" in msg and "06913" in msg
    assert "Innflyttinger" in msg  # the codes that do exist are listed


def test_whole_years_takes_the_fourth_quarter_of_a_year_to_date_table():
    rows = pd.DataFrame(
        {
            "period": ["2019K3", "2019K4", "2020K1", "2020K4"],
            "year": [2019, 2019, 2020, 2020],
            "value": [30.0, 40.0, 5.0, 50.0],
        }
    )
    out = whole_years(rows, year_to_date=True)
    assert out["period"].tolist() == ["2019K4", "2020K4"]
    assert out["year"].tolist() == [2019, 2020]
    assert out["value"].tolist() == [40.0, 50.0]  # as published, nothing summed


def test_whole_years_passes_years_and_refuses_to_sum_quarters():
    years = pd.DataFrame({"period": ["2019", "2020"], "year": [2019, 2020], "value": [1.0, 2.0]})
    assert whole_years(years).equals(years)
    quarters = pd.DataFrame({"period": ["2020K1", "2020K2"], "year": [2020, 2020], "value": [1.0, 2.0]})
    with pytest.raises(ValueError, match="summeres"):
        whole_years(quarters, year_to_date=False)
    with pytest.raises(ValueError, match="ukjent periode"):
        whole_years(pd.DataFrame({"period": ["2020M01"], "year": [2020], "value": [1.0]}))


def test_declared_queries_are_complete():
    queries = declared_queries()
    assert [q.table for q in queries] == sorted(q.table for q in queries)
    assert {"06913", "01223", "07210", "07221", "07230", "07459", "09587", "11619", "13864"} <= set(TABLES)
    for q in queries:
        assert set(q.selection["ContentsCode"]) == set(q.contents), q.table
        assert q.resource == f"ssb_{q.table}"
        for total, parts in q.totals:
            assert {total, *parts} <= set(q.contents)
    ds = describe("storbyer")
    assert set(ds.optional) == {q.resource for q in ds.ssb}
    # Nothing maps 06913's moves (which include moves abroad) onto the domestic series.
    assert "innflytting_innenlands" not in describe("storbyer").ssb[0].contents.values()


def test_datasets_read_refreshed_resources_by_the_one_naming_rule():
    from helpers.catalog.datasets.alder import UTFLYTTING_ALDER_RESSURS
    from helpers.catalog.datasets.boligpriser import BOLIGPRISINDEKS_RESSURS
    from helpers.catalog.datasets.destinasjoner import DESTINASJON_RESSURS
    from helpers.catalog.datasets.fodested import NETTO_RESSURS

    # Candidates for one need: the dataset reads whichever held; chapters credit the first.
    alder = describe("oslo_utflytting_alder")
    assert (
        alder.optional == tuple(q.resource for q in alder.ssb)
        and alder.optional[0] == UTFLYTTING_ALDER_RESSURS
    )
    for name, resource in (
        ("oslo_utflytting_destinasjon", DESTINASJON_RESSURS),
        ("boligprisindeks", BOLIGPRISINDEKS_RESSURS),
        ("oslo_nettoflytting_innvandringskategori", NETTO_RESSURS),
    ):
        assert describe(name).optional == (resource,) == tuple(q.resource for q in describe(name).ssb), name
    # A dataset only waits for resources that a declared query writes.
    written = {q.resource for q in declared_queries()}
    for ds in datasets().values():
        assert set(ds.optional) <= written, ds.name


def test_every_declared_table_has_a_handbuilt_fixture():
    """A newly declared table without fixtures fails here, naming the table."""
    missing = [q.table for q in declared_queries() if q.table not in HANDBUILT]
    assert not missing, (
        f"SSB-tabell {', '.join(missing)} er deklarert, men har ingen håndlagde fixtures: "
        "legg tabellen til i tests/fixtures/make_handbuilt.py og kjør det"
    )
    fetched = {u[0].table for u in units(declared_queries())}
    for q in declared_queries():
        meta, doc = META[q.table], DATA[q.table]
        assert meta["label"].startswith("[BUILT BY HAND, FAKE VALUES]") and "BUILT BY HAND" in doc["note"][0]
        if q.table not in fetched:
            # A later candidate: its fixture shows the table as public evidence has it.
            with pytest.raises(RefreshError):
                resolve(q, meta)
            continue
        request = resolve(q, meta)  # every declared dimension and code exists in the fixture
        assert set(doc["id"]) == set(request), q.table  # and the data answer has just those dimensions


def test_two_different_declarations_of_one_table_stop_the_refresh():
    one = describe("oslo_utflytting_destinasjon").ssb[0]
    other = replace(one, selection={**one.selection, "Tid": ["2020"]})
    known = {
        "a": replace(describe("oslo_utflytting_destinasjon"), name="a"),
        "b": Dataset(
            name="b", title="b", description="", resources=(), build=lambda f: pd.DataFrame(), ssb=(other,)
        ),
    }
    with pytest.raises(RefreshError) as err:
        declared_queries(known)
    assert "13864" in str(err.value) and "'a'" in str(err.value) and "'b'" in str(err.value)
    # The same declaration used by two datasets is one table.
    known["b"] = replace(known["b"], ssb=(one,))
    assert [q.table for q in declared_queries(known)] == ["13864"]


# -- every declared table: shapes, checks and the datasets reading them ----------------------------


@pytest.fixture(scope="module")
def refreshed(tmp_path_factory):
    """One full refresh of every declared table into a copy of data/, shared by the tests below."""
    folder = tmp_path_factory.mktemp("refreshed") / "data"
    shutil.copytree(data_dir(), folder)
    with responses.RequestsMock(assert_all_requests_are_fired=True) as mock:
        serve(mock)
        refresh(folder, SsbClient(base_url=FAKE_BASE, sleep=lambda s: None))
    return folder


@pytest.mark.slow  # a full refresh of every declared table
def test_full_refresh_writes_every_declared_table_in_its_shape(refreshed):
    assert check_package(refreshed) == []
    for q in (u[0] for u in units(declared_queries())):
        rows = read_resource(q.resource, refreshed)
        assert list(rows.columns) == columns(q), q.table
        request = resolve(q, META[q.table])
        assert len(rows) == math.prod(len(c) for c in request.values()), q.table  # one row per cell
        assert rows["source_url"].eq(q.url).all()
        assert set(rows["series"]) == set(q.contents.values()), q.table
        if region_shaped(q):
            continue
        # The tidy shape: code and label of every dimension, as helpers.statbank.jsonstat.to_frame names them.
        assert columns(q)[-len(TIDY_TAIL) :] == TIDY_TAIL
        assert not rows.duplicated(list(q.selection)).any()
        expected = load_file(FIXTURES / f"ssb-{q.table}-v2-data.HANDBUILT.jsonstat2.json")
        for d in q.selection:
            assert set(rows[d]) == set(request[d]), (q.table, d)
            labels = dict(zip(expected[d], expected[f"{d}_label"], strict=True))
            assert (rows[f"{d}_label"] == rows[d].map(labels)).all(), (q.table, d)


def test_missing_cells_stay_missing_in_the_tidy_shape(refreshed):
    rows = read_resource("ssb_07210", refreshed)
    gap = rows[(rows["InnvandrKat"] == "C") & (rows["Tid"] == "2017")]
    assert gap["value"].isna().all() and gap["status"].tolist() == [".."]
    assert gap["note"].str.contains("tall ikke tilgjengelig").all()
    # Net moves may be negative; the package check accepts them as net figures.
    assert (rows["value"] < 0).any()
    # Codes stay text: "000" is an age code, not the number 0.
    assert read_resource("ssb_09587", refreshed)["Alder"].iloc[0] == "000"


def test_every_dataset_loads_after_a_full_refresh(refreshed, monkeypatch):
    monkeypatch.setenv("OSLO_FLYTTING_DATA", str(refreshed))
    for name, ds in datasets().items():
        frame = load(name)  # raises if a build cannot read what the refresh wrote
        held = [
            q.table
            for q in ds.ssb
            if q.resource in ds.optional and (refreshed / f"{q.resource}.csv").is_file()
        ]
        assert frame.attrs["oppfrisket_fra"] == held, name
        if ds.optional:
            assert len(frame), f"{name} is empty although the refresh wrote {ds.optional}"
    alder = load("oslo_utflytting_alder")
    assert set(alder["aar"]) == set(range(2015, 2025)) and alder["alder"].max() == 105
    assert alder["verdi"].iloc[0] == fixture_value_at("09587", "0301", "000", "Utflyttinger", "2015")
    dest = load("oslo_utflytting_destinasjon")
    assert not dest["til_kode"].eq("0301").any() and {"kommune", "fylke"} == set(dest["niva"])
    indeks = load("boligprisindeks")
    assert set(indeks["region"]) == {"Oslo med Bærum", "Hele landet"} and len(indeks) == 2 * 40
    netto = load("oslo_nettoflytting_innvandringskategori")
    assert set(netto["aar"]) == set(range(2016, 2021)) and set(netto["kategori_kode"]) == {"A", "B", "C"}


def fixture_value_at(table, *codes):
    frame = load_file(FIXTURES / f"ssb-{table}-v2-data.HANDBUILT.jsonstat2.json")
    dims = [c for c in frame.columns if c not in ("value", "status") and not c.endswith("_label")]
    hit = frame[(frame[dims] == list(codes)).all(axis=1)]
    return float(hit["value"].iloc[0])


def test_negative_count_in_a_tidy_table_is_refused(http, client, target):
    before = contents(target)

    def negative(doc):
        doc["value"][_cell(doc, "0301", "030", "Utflyttinger", "2020")] = -7

    serve(http, data={"09587": _tamper("09587", negative)})
    assert_failed_unchanged(
        target,
        before,
        "09587",
        "negativt antall -7 for 0301/030/utflytting_innenlands/2020",
        call=lambda: refresh(target, client),
    )


def test_cells_nobody_asked_for_in_a_tidy_table_are_refused(http, client, target):
    before = contents(target)
    serve(http, skip=("13864",))
    http.add(responses.GET, meta_url("13864"), json=META["13864"])
    # As many cells as asked for, but Bergen's moves instead of Oslo's.
    bergen = subset(DATA["13864"], {"Fraflyttingsregion": ["4601"], "Tid": ["from(2016)"]})
    http.add(responses.GET, data_url("13864"), json=bergen)
    assert_failed_unchanged(
        target,
        before,
        "13864",
        "ikke ble spurt om",
        "Fraflyttingsregion=4601",
        call=lambda: refresh(target, client),
    )


def test_eliminated_dimension_in_the_answer_is_refused():
    q = describe("oslo_utflytting_alder").ssb[0]
    request = resolve(q, META["09587"])
    frame = load_file(FIXTURES / "ssb-09587-v2-data.HANDBUILT.jsonstat2.json")
    with pytest.raises(RefreshError, match="dimensjonene"):
        cells_of(q, frame.assign(Kjonn="1", Kjonn_label="Menn"), request)


def test_expected_years_and_totals_in_a_tidy_table():
    q = describe("oslo_nettoflytting_innvandringskategori").ssb[0]
    request = resolve(q, META["07210"])
    doc = subset(DATA["07210"], request)
    cells = cells_of(q, to_frame(doc), request)
    assert validate(q, request, cells) == []
    gap = cells.assign(value=cells["value"].where(cells["Tid"] != "2018"))
    assert validate(replace(q, expect_years=(2016, 2020)), request, gap) == [
        "ventede verdier mangler for 2016–2020: Oslo 2018 nettoflytting_innenlands"
    ]
    # A declared total over the categories: checked with the other dimensions held fixed.
    with_total = replace(
        q,
        selection={**q.selection, "ContentsCode": ["Nettoflytting", "Netto2"]},
        contents={"Nettoflytting": "nettoflytting_innenlands", "Netto2": "netto_kopi"},
        totals=(("Netto2", {"Nettoflytting": 1}),),
    )
    two = pd.concat(
        [
            cells,
            cells.assign(
                ContentsCode="Netto2",
                series="netto_kopi",
                value=cells["value"] + (cells["InnvandrKat"] == "B") * 3,
            ),
        ]
    )
    problems = validate(with_total, {**request, "ContentsCode": ["Nettoflytting", "Netto2"]}, two)
    assert problems and all("netto_kopi" in p and "0301 B" in p for p in problems)


# -- the command line -----------------------------------------------------------------------------


def run_cli(*args, env=None, timeout=120):
    env = {**os.environ, **(env or {})}
    # The machine-wide request log and lock of a test run stay in the test's own folder.
    env.setdefault("SSB_STATE_DIR", tempfile.mkdtemp(prefix="ssb-state-"))
    return subprocess.run(
        [sys.executable, "-m", "helpers", *args],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=timeout,
    )


@pytest.fixture
def fake_ssb():
    with contextlib.ExitStack() as stack:
        yield lambda mode: stack.enter_context(fake_server(mode))[0]


def git_status_data() -> str | None:
    if shutil.which("git") is None or not (ROOT / ".git").exists():
        return None
    out = subprocess.run(["git", "status", "--porcelain", "data/"], cwd=ROOT, capture_output=True, text=True)
    return out.stdout if out.returncode == 0 else None


@pytest.mark.slow  # make data against a broken server, waiting out its timeouts
@pytest.mark.parametrize(
    "mode, reason", [("500", "HTTP 500"), ("garbage", "ugyldig JSON"), ("slow", "Timeout")]
)
def test_make_data_against_a_broken_server_exits_nonzero_and_leaves_data_alone(fake_ssb, mode, reason):
    url = fake_ssb(mode)
    before = contents(data_dir())
    status_before = git_status_data()
    env = {
        "SSB_API_URL": url,
        "SSB_MAX_RETRIES": "1",
        "SSB_BACKOFF": "0.05",
        "SSB_TIMEOUT": "0.5",
        "SSB_STATE_DIR": tempfile.mkdtemp(prefix="ssb-state-"),
    }
    env_without_override = {k: v for k, v in os.environ.items() if k != "OSLO_FLYTTING_DATA"}
    started = time.monotonic()
    proc = subprocess.run(
        [sys.executable, "-m", "helpers", "refresh"],
        cwd=ROOT,
        env={**env_without_override, **env},
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert time.monotonic() - started < 30
    assert proc.returncode != 0
    assert f"SSB-tabell {TABLES[0]}" in proc.stderr and reason in proc.stderr, proc.stderr
    assert "Ingen filer" in proc.stderr
    assert contents(data_dir()) == before
    if status_before is not None:
        assert git_status_data() == status_before == ""
    assert not list(ROOT.glob(".staging-*"))


@pytest.mark.slow  # a full refresh of every declared table and a check, the CLI in a child process
def test_make_data_end_to_end_into_a_copy(fake_ssb, target, monkeypatch):
    url = fake_ssb("fixtures")
    proc = run_cli("refresh", env={"SSB_API_URL": url, "OSLO_FLYTTING_DATA": str(target)})
    assert proc.returncode == 0, proc.stderr
    todo = units(declared_queries())
    for i, unit in enumerate(todo, start=1):
        label = f"behovet {unit[0].need}" if unit[0].need else f"SSB-tabell {unit[0].table}"
        assert f"[{i}/{len(todo)}] {label}" in proc.stderr
    check = run_cli("check", env={"OSLO_FLYTTING_DATA": str(target)})
    assert check.returncode == 0, check.stderr
    monkeypatch.setenv("OSLO_FLYTTING_DATA", str(target))
    df = load("storbyer")
    oslo = df[(df["region"] == "Oslo") & (df["aar"] == 2020) & (df["serie"] == "innvandring")]
    assert oslo["verdi"].tolist() == [fixture_value("01223", "0301", "Innvandring5", "2020K4")]


def test_bad_retry_setting_is_reported(target):
    proc = run_cli("--data", str(target), "refresh", env={"SSB_MAX_RETRIES": "mange"})
    assert proc.returncode == 1 and "SSB_MAX_RETRIES" in proc.stderr
    assert contents(target) == contents(data_dir())


def test_tidy_keeps_missing_cells_empty_with_their_symbol():
    proc = run_cli("tidy", "tests/fixtures/ssb-05300-v0.jsonstat2.json")
    assert proc.returncode == 0, proc.stderr
    from io import StringIO

    rows = pd.read_csv(StringIO(proc.stdout), dtype=str, keep_default_na=False)
    assert len(rows) == 432
    missing = rows[rows["value"] == ""]
    assert len(missing) == 28
    assert set(missing["status"]) <= {".", ".."} and (missing["status"] != "").all()
    assert (rows.loc[rows["value"] != "", "status"] == "").all()
    assert rows["value"].iloc[0] == "16"


def test_tidy_of_a_malformed_file_fails_clearly(tmp_path):
    bad = tmp_path / "halv.json"
    bad.write_text('{"class": "dataset", "id": ["A"', encoding="utf-8")
    proc = run_cli("tidy", str(bad))
    assert proc.returncode == 1
    assert proc.stdout == ""
    assert "FEIL" in proc.stderr and "halv.json" in proc.stderr and "ugyldig JSON" in proc.stderr
    assert "Traceback" not in proc.stderr


# -- the real API (opt-in) ------------------------------------------------------------------------


@pytest.mark.online
@pytest.mark.skipif(os.environ.get("SSB_ONLINE") != "1", reason="snakker med SSB; kjør med SSB_ONLINE=1")
def test_online_declared_codes_exist_in_ssbs_metadata():
    client = SsbClient()
    for q in declared_queries():
        request = resolve(q, client.metadata(q.table))  # raises RefreshError naming the table and code
        assert request["Tid"], q.table


@pytest.mark.slow  # a full refresh of every declared table
def test_check_requires_provenance_on_refreshed_resources(http, client, target):
    serve(http)
    refresh(target, client)
    package = json.loads((target / "datapackage.json").read_text(encoding="utf-8"))
    for res in package["resources"]:
        if res["name"] == "ssb_06913":
            del res["ssb"]["query"]
    (target / "datapackage.json").write_text(json.dumps(package, ensure_ascii=False), encoding="utf-8")
    assert check_package(target) == ["ssb_06913: mangler ssb.query i datapackage.json"]
