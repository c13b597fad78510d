"""helpers.statbank.client with faked HTTP (responses): no test here talks to SSB unless SSB_ONLINE=1."""

import copy
import itertools
import json
import os
from urllib.parse import parse_qsl, urlsplit

import pandas as pd
import pytest
import requests
import responses
from support import FIXTURES
from support.clock import FakeTime
from support.pxfake import subset

from helpers.statbank.client import DEFAULT_BASE_URL, SsbClient, SsbError
from helpers.statbank.jsonstat import JsonStatError, categories, load_file

DATA = json.loads((FIXTURES / "ssb-05300-v0.jsonstat2.json").read_text(encoding="utf-8"))
META = json.loads((FIXTURES / "ssb-05300-v2-metadata.json").read_text(encoding="utf-8"))
DIMS = DATA["id"]

BASE = "https://ssb.test/api/pxwebapi/v2"
DATA_URL = f"{BASE}/tables/05300/data"
META_URL = f"{BASE}/tables/05300/metadata"
FULL = {"Avstand1": ["*"], "Kulturtilbud": ["*"], "ContentsCode": ["Avstand"], "Tid": ["*"]}


@pytest.fixture
def fake_time():
    return FakeTime()


@pytest.fixture
def client(fake_time):
    return SsbClient(base_url=BASE, sleep=fake_time.sleep, clock=fake_time.clock)


@pytest.fixture
def http():
    with responses.RequestsMock() as mock:
        yield mock


def query(call):
    return dict(parse_qsl(urlsplit(call.request.url).query))


def value_codes(call):
    q = query(call)
    return {k[len("valueCodes[") : -1]: v.split(",") for k, v in q.items() if k.startswith("valueCodes[")}


def answer_with_subset(request):
    sel = {
        k[len("valueCodes[") : -1]: v.split(",")
        for k, v in parse_qsl(urlsplit(request.url).query)
        if k.startswith("valueCodes[")
    }
    return 200, {}, json.dumps(subset(DATA, sel))


# -- request shape --------------------------------------------------------------------------


def test_data_request_shape_and_parsed_frame(http, client):
    http.add(responses.GET, DATA_URL, json=subset(DATA, {"Avstand1": ["01", "02"], "Tid": ["2016", "2021"]}))
    df = client.data("05300", {"Avstand1": ["01", "02"], "Tid": ["2016", "2021"]}, codelist={"Tid": "agg_x"})

    (call,) = http.calls
    assert urlsplit(call.request.url).path == "/api/pxwebapi/v2/tables/05300/data"
    assert query(call) == {
        "lang": "no",
        "outputFormat": "json-stat2",
        "valueCodes[Avstand1]": "01,02",
        "valueCodes[Tid]": "2016,2021",
        "codelist[Tid]": "agg_x",
    }
    assert len(df) == 2 * 8 * 1 * 2
    assert set(df["Avstand1"]) == {"01", "02"} and set(df["Tid"]) == {"2016", "2021"}


def test_metadata_request_shape(http, client):
    http.add(responses.GET, META_URL, json=META)
    assert client.metadata("05300", lang="en")["id"] == DIMS
    assert query(http.calls[0]) == {"lang": "en", "outputFormat": "json-stat2"}


def test_full_fixture_as_response_matches_the_parser(http, client):
    http.add(responses.GET, DATA_URL, json=DATA)
    df = client.data("05300", {d: [c for c, _ in categories(DATA)[d]] for d in DIMS})
    pd.testing.assert_frame_equal(df, load_file(FIXTURES / "ssb-05300-v0.jsonstat2.json"))
    assert df["value"].isna().sum() == 28


def test_user_agent_sent(http, client):
    http.add(responses.GET, META_URL, json=META)
    client.metadata("05300")
    assert http.calls[0].request.headers["User-Agent"].startswith("oslo-flytting-bok/0.1")


def test_timeout_passed_on_every_attempt(http, fake_time):
    seen = []

    class SpySession(requests.Session):
        def get(self, url, **kwargs):
            seen.append(kwargs)
            return super().get(url, **kwargs)

    client = SsbClient(
        base_url=BASE, session=SpySession(), timeout=(3, 9), sleep=fake_time.sleep, clock=fake_time.clock
    )
    http.add(responses.GET, META_URL, status=502)
    http.add(responses.GET, META_URL, json=META)
    client.metadata("05300")
    assert [kw["timeout"] for kw in seen] == [(3, 9), (3, 9)]


def test_env_override_read_at_call_time(http, fake_time, monkeypatch):
    monkeypatch.delenv("SSB_API_URL", raising=False)
    client = SsbClient(sleep=fake_time.sleep, clock=fake_time.clock)
    assert client.base_url == DEFAULT_BASE_URL
    monkeypatch.setenv("SSB_API_URL", "https://speil.test/px/v2/")
    http.add(responses.GET, "https://speil.test/px/v2/tables/05300/metadata", json=META)
    client.metadata("05300")
    assert http.calls[0].request.url.startswith("https://speil.test/px/v2/tables/05300/metadata?")


# -- retries ----------------------------------------------------------------------------------


def test_429_honours_retry_after(http, client, fake_time):
    http.add(responses.GET, META_URL, status=429, headers={"Retry-After": "7"})
    http.add(responses.GET, META_URL, json=META)
    assert client.metadata("05300")["class"] == "dataset"
    assert len(http.calls) == 2
    assert fake_time.sleeps == [7.0]


def test_503_until_giving_up(http, fake_time):
    client = SsbClient(
        base_url=BASE, max_retries=3, backoff=0.5, sleep=fake_time.sleep, clock=fake_time.clock
    )
    http.add(responses.GET, META_URL, status=503)
    with pytest.raises(SsbError, match="503") as err:
        client.metadata("05300")
    assert len(http.calls) == 3 + 1
    assert fake_time.sleeps == [0.5, 1.0, 2.0]  # exponential, none after the last attempt
    assert err.value.table_id == "05300" and "05300" in str(err.value)


def test_timeout_retried_then_error(http, fake_time):
    client = SsbClient(base_url=BASE, max_retries=2, sleep=fake_time.sleep, clock=fake_time.clock)
    http.add(responses.GET, META_URL, body=requests.exceptions.ConnectTimeout("for treg"))
    with pytest.raises(SsbError, match="ConnectTimeout") as err:
        client.metadata("05300")
    assert len(http.calls) == 3
    assert "05300" in str(err.value)


def test_read_timeout_and_connection_error_then_success(http, client, fake_time):
    http.add(responses.GET, META_URL, body=requests.exceptions.ReadTimeout("treg"))
    http.add(responses.GET, META_URL, body=requests.exceptions.ConnectionError("brudd"))
    http.add(responses.GET, META_URL, json=META)
    assert client.metadata("05300")["id"] == DIMS
    assert fake_time.sleeps == [1.0, 2.0]


def test_other_4xx_fails_at_once(http, client, fake_time):
    http.add(responses.GET, DATA_URL, status=400, body="Ukjent variabel")
    with pytest.raises(SsbError, match="HTTP 400.*Ukjent variabel"):
        client.data("05300", {"Feil": ["1"]})
    assert len(http.calls) == 1 and fake_time.sleeps == []


# -- bad answers ----------------------------------------------------------------------------


def test_malformed_json(http, client):
    http.add(responses.GET, DATA_URL, body="<html>Vedlikehold</html>", content_type="text/html")
    with pytest.raises(SsbError, match="ugyldig JSON") as err:
        client.data("05300", {"Tid": ["2021"]})
    assert "05300" in str(err.value)


def test_json_that_is_not_an_object(http, client):
    http.add(responses.GET, META_URL, json=[1, 2])
    with pytest.raises(SsbError, match="ugyldig JSON"):
        client.metadata("05300")


def test_size_value_mismatch_in_response(http, client):
    broken = copy.deepcopy(DATA)
    broken["value"] = broken["value"][:-9]
    http.add(responses.GET, DATA_URL, json=broken)
    with pytest.raises(JsonStatError, match="432.*423") as err:
        client.data("05300", {d: [c for c, _ in categories(DATA)[d]] for d in DIMS})
    assert "SSB-tabell 05300" in str(err.value)


def test_empty_selection_refused(client):
    with pytest.raises(ValueError, match="Tid"):
        client.data("05300", {"Tid": []})


# -- cell limit -----------------------------------------------------------------------------


@pytest.mark.parametrize("max_cells, n_requests", [(432, 1), (100, 5), (40, 18)])
def test_large_query_is_split(http, fake_time, max_cells, n_requests):
    client = SsbClient(base_url=BASE, max_cells=max_cells, sleep=fake_time.sleep, clock=fake_time.clock)
    explicit = {d: [c for c, _ in categories(DATA)[d]] for d in DIMS}
    http.add_callback(responses.GET, DATA_URL, callback=answer_with_subset)

    df = client.data("05300", explicit)

    assert len(http.calls) == n_requests
    pieces = [value_codes(c) for c in http.calls]
    for piece in pieces:
        assert set(piece) == set(DIMS)
        assert len(list(itertools.product(*piece.values()))) <= max_cells
    cells = [cell for p in pieces for cell in itertools.product(*(p[d] for d in DIMS))]
    assert len(cells) == len(set(cells)) == 432  # every cell asked for exactly once
    assert set(cells) == set(itertools.product(*(explicit[d] for d in DIMS)))

    full = load_file(FIXTURES / "ssb-05300-v0.jsonstat2.json")
    got = df.sort_values(DIMS).reset_index(drop=True)
    pd.testing.assert_frame_equal(got, full, check_dtype=False)


def test_wildcard_resolved_from_metadata_without_split(http, client):
    http.add(responses.GET, META_URL, json=META)
    http.add_callback(responses.GET, DATA_URL, callback=answer_with_subset)
    df = client.data("05300", FULL)
    assert [urlsplit(c.request.url).path.rsplit("/", 1)[1] for c in http.calls] == ["metadata", "data"]
    assert value_codes(http.calls[1])["Tid"] == ["*"]  # sent as is when it fits
    assert len(df) == 432


def test_wildcard_split_uses_metadata_codes(http, fake_time):
    client = SsbClient(base_url=BASE, max_cells=100, sleep=fake_time.sleep, clock=fake_time.clock)
    http.add(responses.GET, META_URL, json=META)
    http.add_callback(responses.GET, DATA_URL, callback=answer_with_subset)
    df = client.data("05300", FULL)
    data_calls = [c for c in http.calls if "/data" in c.request.url]
    assert len(data_calls) == 5
    tids = [t for c in data_calls for t in value_codes(c)["Tid"]]
    assert tids == ["1991", "1994", "1997", "2000", "2004", "2008", "2012", "2016", "2021"]
    assert len(df) == 432 and df["value"].isna().sum() == 28


def test_wildcard_with_codelist_cannot_be_split(http, fake_time):
    client = SsbClient(base_url=BASE, max_cells=100, sleep=fake_time.sleep, clock=fake_time.clock)
    http.add(responses.GET, META_URL, json=META)
    with pytest.raises(SsbError, match="kodeliste"):
        client.data("05300", FULL, codelist={"Tid": "agg_5aar"})


# -- rate limit -----------------------------------------------------------------------------


def test_26th_request_within_a_minute_waits(http, client, fake_time):
    # SSB allows 30 per minute; the client keeps 25, a margin for clocks and other clients.
    http.add(responses.GET, META_URL, json=META)
    for _ in range(25):
        client.metadata("05300")
        fake_time.now += 0.5
    assert fake_time.sleeps == []
    client.metadata("05300")  # at t=12.5 s; the first request was at t=0
    assert fake_time.sleeps == [pytest.approx(47.5)]
    assert len(http.calls) == 26


def test_requests_spread_over_a_minute_do_not_wait(http, client, fake_time):
    http.add(responses.GET, META_URL, json=META)
    for _ in range(61):
        client.metadata("05300")
        fake_time.now += 2.5  # 24 per minute
    assert fake_time.sleeps == []


# -- the real API (opt-in) --------------------------------------------------------------------


@pytest.mark.online
@pytest.mark.skipif(os.environ.get("SSB_ONLINE") != "1", reason="snakker med SSB; kjør med SSB_ONLINE=1")
def test_online_metadata_05300():
    meta = SsbClient().metadata("05300")
    assert meta["class"] == "dataset"
    assert {"Avstand1", "Kulturtilbud", "ContentsCode", "Tid"} <= set(meta["id"])


@pytest.mark.online
@pytest.mark.skipif(os.environ.get("SSB_ONLINE") != "1", reason="snakker med SSB; kjør med SSB_ONLINE=1")
def test_online_tiny_data_query_06913():
    # One cell: Oslo's population on 1 January 2020 (693 494 on SSB's pages).
    df = SsbClient().data("06913", {"Region": ["0301"], "ContentsCode": ["Folkemengde"], "Tid": ["2020"]})
    assert len(df) == 1
    assert df.loc[0, "Region"] == "0301" and df.loc[0, "Tid"] == "2020"
    assert 600_000 < df.loc[0, "value"] < 800_000
