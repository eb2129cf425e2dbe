"""The HTTP API on the demo corpus: every endpoint, its filters and paging, bad parameters,
unknown ids, ingest, and live updates over Server-Sent Events (issue 5)."""

from __future__ import annotations

import asyncio
import json
import re
import sqlite3
import threading
import time
import warnings
from urllib.parse import quote

import httpx
import pytest

pytest.importorskip("fastapi")
pytest.importorskip("uvicorn")

import uvicorn  # noqa: E402

with warnings.catch_warnings():  # starlette's TestClient warns about its httpx backend
    warnings.simplefilter("ignore")
    from fastapi.testclient import TestClient

from claimgraph.export.json import contract_errors, export_json  # noqa: E402
from claimgraph.store import Store  # noqa: E402
from claimgraph.web import create_app  # noqa: E402
from claimgraph.web.live import Broadcaster  # noqa: E402

XSS_TITLE = "<script>alert(1)</script> Drone strike report"
XSS_BODY = (
    "Drones struck a fuel depot in Odesa on Tuesday night, the regional governor said on Wednesday. "
    "<img src=x onerror=alert(1)> At least four people were wounded, he said. "
    "<a href=\"javascript:alert(1)\">More</a>\n\n"
    "Russia's defence ministry denied targeting civilian infrastructure."
)
ARTICLE = (
    "Ukraine's air force said on Thursday that Russia launched 41 Shahed drones at Kharkiv overnight "
    "and that 30 of them were shot down.\n\n"
    "The regional governor said two people were wounded when debris hit a warehouse."
)


# -- fixtures ---------------------------------------------------------------------------------


# demo_db: the session's demo database (conftest.py); tests that write take a copy.


@pytest.fixture(scope="module", params=["sqlite", pytest.param("postgresql", marks=pytest.mark.postgres)])
def api_db(request, demo_db) -> str:
    """The demo database the read-only API tests query: on SQLite, then on PostgreSQL."""
    return demo_db if request.param == "sqlite" else request.getfixturevalue("pg_demo_db")


@pytest.fixture(scope="module")
def client(api_db, pipeline):
    with TestClient(create_app(api_db, pipeline=pipeline)) as test_client:
        yield test_client


@pytest.fixture(scope="module")
def demo(api_db) -> dict:
    """The demo database as the export sees it: what the API must agree with."""
    with Store(api_db) as store:
        return export_json(store)


def _copy(source: str, target: str) -> str:
    with sqlite3.connect(source) as src, sqlite3.connect(target) as dst:
        src.backup(dst)
    return target


@pytest.fixture()
def writable(demo_db, pipeline, tmp_path):
    """A client on a copy of the demo database, for tests that ingest."""
    path = _copy(demo_db, str(tmp_path / "write.db"))
    with TestClient(create_app(path, pipeline=pipeline)) as test_client:
        yield test_client


def _items(client: TestClient, url: str) -> list[dict]:
    response = client.get(url)
    assert response.status_code == 200, response.text
    return response.json()["items"]


def _all_pages(client: TestClient, url: str, limit: int = 7) -> list[dict]:
    items, offset = [], 0
    sep = "&" if "?" in url else "?"
    for _ in range(1000):  # bounded
        page = client.get(f"{url}{sep}limit={limit}&offset={offset}").json()
        items += page["items"]
        if page["next_offset"] is None:
            return items
        offset = page["next_offset"]
    raise AssertionError("paging did not end")


def _error(response: httpx.Response, status: int) -> dict:
    assert response.status_code == status, response.text
    body = response.json()
    assert set(body) == {"error"} and {"code", "message"} <= set(body["error"]), body
    return body["error"]


def _mentions(claim: dict) -> set[str]:
    ids = {i for ids in claim["roles"].values() for i in ids}
    return ids | set(claim["via"]) | ({claim["source"]} if claim["source"] else set())


# -- reads ------------------------------------------------------------------------------------


def test_api_health_and_stats(client, demo):
    assert client.get("/api/health").json()["status"] == "ok"
    stats = client.get("/api/stats").json()
    assert stats["counts"]["claims"] == len(demo["claims"])
    assert sum(stats["claims_by_type"].values()) == len(demo["claims"])


def test_api_documents_pages_cover_every_document_once(client, demo):
    first = client.get("/api/documents?limit=3").json()
    assert len(first["items"]) == 3 and first["next_offset"] == 3
    assert first["total"] is None  # not counted unless asked
    assert client.get("/api/documents?limit=3&count=true").json()["total"] == len(demo["documents"])
    last = client.get(f"/api/documents?limit=3&offset={len(demo['documents']) - 2}").json()
    assert len(last["items"]) == 2 and last["next_offset"] is None and last["total"] == len(demo["documents"])
    ids = [d["id"] for d in _all_pages(client, "/api/documents", limit=4)]
    assert sorted(ids) == sorted(d["id"] for d in demo["documents"])
    assert "text" not in first["items"][0]  # lists carry summaries, the text comes with one document


def test_api_documents_full_text_search_and_outlet(client, demo):
    found = _items(client, "/api/documents?q=Kharkiv")
    assert found and all("kharkiv" in (d["title"] + d["snippet"]).lower() or d["snippet"] for d in found)
    expected = {d["id"] for d in demo["documents"] if "kharkiv" in (d["text"] + (d["title"] or "")).lower()}
    assert {d["id"] for d in found} == expected
    # Not FTS5 syntax: searched as quoted words rather than failing.
    assert _items(client, "/api/documents?q=KN-23")
    assert client.get('/api/documents?q="unbalanced').status_code == 200
    outlet = next(d["outlet"] for d in demo["documents"] if d["outlet"])
    by_outlet = _items(client, f"/api/documents?outlet={outlet.upper()}")
    assert by_outlet and all(d["outlet"] == outlet for d in by_outlet)


def test_api_document_detail_spans_point_into_its_text(client, demo):
    doc_id = demo["claims"][0]["document_id"]
    body = client.get(f"/api/documents/{doc_id}").json()
    text = body["document"]["text"]
    claims = {c["id"]: c for c in body["claims"]}
    assert body["spans"] and len(body["spans"]) == len(claims)
    for span in body["spans"]:
        assert text[span["start"]:span["end"]] == claims[span["claim_id"]]["text"]


def test_api_claims_filters_keep_only_matching_claims(client, demo):
    attacks = _all_pages(client, "/api/claims?type=attack")
    assert attacks and {c["type"] for c in attacks} == {"ATTACK"}
    assert len(attacks) == sum(c["type"] == "ATTACK" for c in demo["claims"])

    response = client.get("/api/claims?entity=KN-23&limit=500").json()
    assert response["matched"]["entity"] == ["weapon:kn-23"]
    assert response["items"] and all("weapon:kn-23" in _mentions(c) for c in response["items"])
    assert response["entities"]["weapon:kn-23"]["name"] == "KN-23"

    denied = _items(client, "/api/claims?polarity=denied&limit=500")
    assert denied and {c["polarity"] for c in denied} == {"denied"}
    reported = _items(client, "/api/claims?modality=reported&limit=500")
    assert reported and {c["modality"] for c in reported} == {"reported"}

    doc_id = demo["claims"][0]["document_id"]
    assert {c["document_id"] for c in _items(client, f"/api/claims?document={doc_id}&limit=500")} == {doc_id}

    words = _items(client, "/api/claims?q=ballistic%20missile&limit=500")
    assert words and all("ballistic" in c["text"].lower() and "missile" in c["text"].lower() for c in words)


def test_api_claims_time_source_and_place_filters(client, demo):
    dated = [c for c in demo["claims"] if c["time"]["start"]]
    day = sorted(c["time"]["start"] for c in dated)[len(dated) // 2]
    within = _items(client, f"/api/claims?since={day}&until={day}&limit=500")
    expected = {c["id"] for c in dated if c["time"]["start"] <= day <= (c["time"]["end"] or c["time"]["start"])}
    assert within and {c["id"] for c in within} == expected

    sourced = next(c for c in demo["claims"] if c["via"])
    relay = sourced["via"][0]
    via = _items(client, f"/api/claims?source={relay}&limit=500")
    assert sourced["id"] in {c["id"] for c in via}
    assert all(c["source"] == relay or relay in c["via"] for c in via)

    located = next(c for c in demo["claims"] if c["roles"]["location"])
    place = located["roles"]["location"][0]
    at_place = _items(client, f"/api/claims?place={place}&limit=500")
    assert located["id"] in {c["id"] for c in at_place}
    assert all(place in c["roles"]["location"] for c in at_place)


def test_api_claims_pages_are_disjoint_and_complete(client, demo):
    ids = [c["id"] for c in _all_pages(client, "/api/claims", limit=9)]
    assert len(ids) == len(set(ids)) == len(demo["claims"])


def test_api_claim_detail_names_entities_and_events(client, demo):
    event = next(e for e in demo["events"] if e["claim_ids"])
    claim_id = event["claim_ids"][0]
    body = client.get(f"/api/claims/{claim_id}").json()
    assert body["claim"]["id"] == claim_id
    assert event["id"] in {e["id"] for e in body["events"]}
    assert body["document"]["id"] == body["claim"]["document_id"]
    assert _mentions(body["claim"]) <= set(body["entities"])


def test_api_events_filters(client, demo):
    events = _all_pages(client, "/api/events")
    assert len(events) == len(demo["events"])
    starts = [e["time"]["start"] for e in events if e["time"]["start"]]
    assert starts == sorted(starts, reverse=True)  # latest happening first

    corroborated = _items(client, "/api/events?min_sources=2&limit=500")
    assert corroborated and all(e["independent_sources"] >= 2 for e in corroborated)
    assert len(corroborated) == sum(e["independent_sources"] >= 2 for e in demo["events"])

    attacks = _items(client, "/api/events?type=ATTACK&limit=500")
    assert attacks and {e["type"] for e in attacks} == {"ATTACK"}

    kn23 = _items(client, "/api/events?entity=weapon:kn-23&limit=500")
    assert kn23 and all("weapon:kn-23" in {i for ids in e["roles"].values() for i in ids} | set(e["sources"])
                        for e in kn23)

    located = next(e for e in demo["events"] if e["roles"]["location"])
    place = located["roles"]["location"][0]
    assert located["id"] in {e["id"] for e in _items(client, f"/api/events?place={place}&limit=500")}

    day = located["time"]["start"] or "2025-03-05"
    for e in _items(client, f"/api/events?since={day}&until={day}&limit=500"):
        assert e["time"]["start"] <= day <= (e["time"]["end"] or e["time"]["start"])


def test_api_event_detail_has_evidence_sources_and_via_chains(client, demo):
    event = max(demo["events"], key=lambda e: (e["independent_sources"], len(e["claim_ids"])))
    body = client.get(f"/api/events/{event['id']}").json()
    assert body["independent_sources"] == event["independent_sources"]
    assert [c["id"] for c in body["claims"]] == event["claim_ids"]
    texts = {d["id"]: d["text"] for d in demo["documents"]}
    for span in body["evidence"]:
        assert texts[span["document_id"]][span["start"]:span["end"]] == span["text"]
    assert [s["id"] for s in body["sources"]] == event["sources"]
    assert all(s["name"] for s in body["sources"])
    assert {c["claim_id"] for c in body["via_chains"]} == set(event["claim_ids"])
    relayed = [c for c in demo["claims"] if c["via"]]
    if any(c["id"] in event["claim_ids"] for c in relayed):
        assert any(chain["via"] for chain in body["via_chains"])


def test_api_entities_filter_and_detail(client, demo):
    weapons = _all_pages(client, "/api/entities?type=weapon")
    assert weapons and {e["type"] for e in weapons} == {"WEAPON"}
    assert len(weapons) == sum(e["type"] == "WEAPON" for e in demo["entities"])
    korea = _items(client, "/api/entities?q=korea")
    assert korea and all("korea" in (e["name"] + " ".join(e["aliases"])).lower() for e in korea)

    body = client.get("/api/entities/weapon:kn-23").json()
    assert body["entity"]["name"] == "KN-23" and body["mentions"] > 0
    assert body["claims"]["items"] and all("weapon:kn-23" in _mentions(c) for c in body["claims"]["items"])
    assert body["events"]["items"]


def test_api_contradictions_carry_both_claims(client, demo):
    page = client.get("/api/contradictions?limit=500").json()
    assert len(page["items"]) == len(demo["contradictions"]) > 0
    for x in page["items"]:
        assert all(cid in page["claims"] for cid in x["claim_ids"])
    for x in demo["contradictions"][:3]:
        for claim_id in x["claim_ids"]:
            assert x["id"] in {y["id"] for y in client.get(f"/api/claims/{claim_id}").json()["contradictions"]}
    held = [(x, e) for x in demo["contradictions"] for e in demo["events"] if set(e["claim_ids"]) & set(x["claim_ids"])]
    assert held
    x, event = held[0]
    assert x["id"] in {y["id"] for y in client.get(f"/api/events/{event['id']}").json()["contradictions"]}
    kinds = {x["kind"] for x in demo["contradictions"]}
    kind = sorted(kinds)[0]
    assert {x["kind"] for x in _items(client, f"/api/contradictions?kind={kind}&limit=500")} == {kind}


def test_api_export_formats(client, demo):
    response = client.get("/api/export?format=json")
    assert response.status_code == 200 and "attachment" in response.headers["content-disposition"]
    data = response.json()
    assert contract_errors(data) == [] and len(data["claims"]) == len(demo["claims"])
    assert data == demo  # streamed a record at a time, the same contract
    for fmt in ("csv", "geojson", "stix"):
        response = client.get(f"/api/export?format={fmt}")
        if response.status_code == 200:
            assert response.content and "attachment" in response.headers["content-disposition"]
        else:  # an exporter or its optional package missing: a clear 501, never a 500
            assert _error(response, 501)["message"]


def test_api_brief_is_markdown_not_html(client):
    response = client.get("/api/brief?since=2025-03-01&entity=KN-23")
    if response.status_code == 501:
        pytest.skip("briefings are not in this tree")
    assert response.status_code == 200 and response.headers["content-type"].startswith("text/markdown")
    assert "KN-23" in response.text


def test_api_openapi_lists_every_endpoint_and_docs_have_no_inline_script(client):
    paths = set(client.get("/openapi.json").json()["paths"])
    for path in ("/api/documents", "/api/documents/{document_id}", "/api/claims", "/api/claims/{claim_id}",
                 "/api/events", "/api/events/{event_id}", "/api/entities", "/api/entities/{entity_id}",
                 "/api/contradictions", "/api/rejects", "/api/export", "/api/brief", "/api/ingest",
                 "/api/stream", "/api/health"):
        assert path in paths
    page = client.get("/docs").text
    scripts = re.findall(r"<script([^>]*)>(.*?)</script>", page, re.S)
    assert scripts and all("src=" in attrs and not body.strip() for attrs, body in scripts)
    assert client.get("/docs/init.js").status_code == 200
    assert client.get("/").headers["content-type"].startswith("text/html")


# -- bad parameters ---------------------------------------------------------------------------------


@pytest.mark.parametrize("url", [
    "/api/claims?limit=-1", "/api/claims?limit=0", "/api/claims?limit=501", "/api/claims?limit=abc",
    "/api/claims?offset=-5", "/api/claims?type=FOO", "/api/claims?since=2024-13-01",
    "/api/claims?since=yesterday", "/api/claims?until=2024-02-30", "/api/claims?polarity=maybe",
    "/api/claims?modality=certain", "/api/events?min_sources=-1", "/api/events?type=party",
    "/api/export?format=xml", "/api/contradictions?kind=mood", "/api/entities?type=a%20b",
    "/api/documents?limit=1000000", "/api/claims?q=" + "x" * 600, "/api/rejects?reason=NOT%20A%20CODE",
    "/api/brief?since=2025-3-1",
])
def test_api_bad_parameters_get_422_in_the_error_shape(client, url):
    error = _error(client.get(url), 422)
    assert error["code"] == "invalid_parameter" and error["message"]


@pytest.mark.parametrize("url", ["/api/documents/nope", "/api/claims/cl-0000", "/api/events/ev-0000",
                                 "/api/entities/gpe:atlantis", "/api/no-such-endpoint"])
def test_api_unknown_ids_get_404(client, url):
    assert _error(client.get(url), 404)["code"] == "not_found"


# Invalid UTF-8 once percent-decoded (a lone surrogate, stray bytes, an overlong NUL).
RAW_ESCAPES = ["%ED%A0%80", "%FF%FE", "%C0%80", "%E2%82"]
GARBAGE = ["", "%00", "' OR 1=1 --", "<script>alert(1)</script>", "\x00", "é" * 300, "-1",
           "1e999", "NaN", "[]", "{}", "%", "*", '"', "NEAR(", "a OR", "../../etc/passwd", " ", "9" * 40]
LIST_ENDPOINTS = {
    "/api/documents": ["limit", "offset", "q", "outlet"],
    "/api/claims": ["limit", "offset", "type", "entity", "source", "place", "document", "polarity",
                    "modality", "since", "until", "q"],
    "/api/events": ["limit", "offset", "type", "entity", "place", "since", "until", "min_sources"],
    "/api/entities": ["limit", "offset", "type", "q"],
    "/api/contradictions": ["limit", "offset", "kind"],
    "/api/rejects": ["limit", "offset", "reason"],
    "/api/export": ["format"],
    "/api/brief": ["since", "entity"],
}


@pytest.mark.slow  # load: hundreds of requests
def test_api_garbage_parameters_never_cause_a_500(client):
    checked = 0
    for endpoint, params in LIST_ENDPOINTS.items():
        for param in params:
            for value in GARBAGE:
                response = client.get(endpoint, params={param: value})
                assert response.status_code < 500, (endpoint, param, value, response.text)
                if response.status_code >= 400:
                    assert "error" in response.json()
                checked += 1
            for raw in RAW_ESCAPES:
                response = client.get(f"{endpoint}?{param}={raw}")
                assert response.status_code < 500, (endpoint, param, raw, response.text)
                checked += 1
    for endpoint in ("/api/documents/", "/api/claims/", "/api/events/", "/api/entities/"):
        for value in [quote(v, safe="") for v in GARBAGE[1:]] + RAW_ESCAPES:
            response = client.get(endpoint + value)
            assert response.status_code < 500, (endpoint, value, response.text)
            checked += 1
    assert checked > 500


@pytest.mark.parametrize("body", [b"", b"null", b"[]", b"{}", b'{"text": 5}', b'{"text": "\\ud800 x"}',
                                  b'{"text": "a", "html": "b"}', b'{"url": "file:///etc/passwd"}',
                                  b'{"text": "x", "published": "2025-02-30"}', b'{"text": "x", "extra": 1}',
                                  b"\xff\xfe", b'{"text": "' + b"a" * 100 + b'"'])
def test_api_garbage_ingest_bodies_get_4xx(client, body):
    response = client.post("/api/ingest", content=body, headers={"content-type": "application/json"})
    assert 400 <= response.status_code < 500, response.text
    assert response.json()["error"]["code"] in {"invalid_parameter", "rejected"}


# -- writes and live updates -----------------------------------------------------------------------


def test_api_ingest_text_adds_claims_and_a_duplicate_changes_nothing(writable):
    before = writable.get("/api/stats").json()["counts"]["claims"]
    response = writable.post("/api/ingest", json={"text": ARTICLE, "published": "2025-03-13",
                                                  "outlet": "Test Wire", "title": "Drones over Kharkiv"})
    assert response.status_code == 201, response.text
    added = response.json()
    assert added["claims"] and added["events"] and not added["duplicate"]
    assert writable.get("/api/stats").json()["counts"]["claims"] == before + len(added["claims"])
    listed = {c["id"] for c in _items(writable, f"/api/claims?document={added['document_id']}")}
    assert listed == set(added["claims"])
    assert writable.get(f"/api/documents/{added['document_id']}").json()["document"]["outlet"] == "Test Wire"

    again = writable.post("/api/ingest", json={"text": ARTICLE, "published": "2025-03-13"})
    assert again.status_code == 200 and again.json()["duplicate"]
    assert writable.get("/api/stats").json()["counts"]["claims"] == before + len(added["claims"])


def test_api_ingest_rejected_text_is_a_422_with_its_reason_and_listed(writable):
    error = _error(writable.post("/api/ingest", json={"text": "Too short."}), 422)
    assert error["code"] == "rejected" and error["reason"] == "empty"
    rejects = _items(writable, "/api/rejects")
    assert any(r["reason"] == "empty" and r["origin"] == "api:text" for r in rejects)


def test_api_ingest_url_of_a_private_address_is_refused(writable):
    # The fetcher's address guard refuses loopback before connecting: no network needed.
    error = _error(writable.post("/api/ingest", json={"url": "http://127.0.0.1:9/article"}), 422)
    assert error["code"] == "rejected" and error["reason"] == "fetch-failed"
    assert "loopback" in error["message"]


def test_api_xss_article_comes_back_as_json_strings(writable):
    response = writable.post("/api/ingest", json={"text": XSS_BODY, "title": XSS_TITLE, "outlet": "<b>Evil</b>"})
    assert response.status_code == 201, response.text
    doc_id = response.json()["document_id"]
    detail = writable.get(f"/api/documents/{doc_id}")
    assert detail.headers["content-type"] == "application/json"
    assert detail.headers["x-content-type-options"] == "nosniff"
    doc = detail.json()["document"]
    assert doc["title"] == XSS_TITLE and doc["outlet"] == "<b>Evil</b>"
    assert "<img src=x onerror=alert(1)>" in doc["text"]
    for url in ("/api/documents", f"/api/claims?document={doc_id}", "/api/export?format=json"):
        assert not writable.get(url).headers["content-type"].startswith("text/html")


def _serve(app) -> tuple[uvicorn.Server, threading.Thread, str]:
    server = uvicorn.Server(uvicorn.Config(app, host="127.0.0.1", port=0, log_level="warning",
                                           timeout_graceful_shutdown=1))
    thread = threading.Thread(target=server.run, daemon=True)
    thread.start()
    for _ in range(200):  # bounded: 10 s
        if server.started:
            break
        time.sleep(0.05)
    port = server.servers[0].sockets[0].getsockname()[1]
    return server, thread, f"http://127.0.0.1:{port}"


def test_api_stream_delivers_an_event_after_an_ingest(demo_db, pipeline, tmp_path):
    path = _copy(demo_db, str(tmp_path / "live.db"))
    server, thread, base = _serve(create_app(path, pipeline=pipeline))
    received: list[tuple[str, dict]] = []
    connected, got_event = threading.Event(), threading.Event()

    def listen() -> None:
        with httpx.stream("GET", f"{base}/api/stream", timeout=60) as response:
            kind = None
            for line in response.iter_lines():
                if line.startswith(": connected"):
                    connected.set()
                elif line.startswith("event:"):
                    kind = line.split(":", 1)[1].strip()
                elif line.startswith("data:"):
                    received.append((kind, json.loads(line[5:])))
                    if kind == "event":
                        got_event.set()
                        return

    listener = threading.Thread(target=listen, daemon=True)
    try:
        listener.start()
        assert connected.wait(10)
        response = httpx.post(f"{base}/api/ingest", json={"text": ARTICLE, "published": "2025-03-13"}, timeout=60)
        assert response.status_code == 201, response.text
        assert got_event.wait(10)
        kinds = [k for k, _ in received]
        assert kinds[0] == "document" and "claim" in kinds
        claim_ids = {d["id"] for k, d in received if k == "claim"}
        assert claim_ids == set(response.json()["claims"])
        event = next(d for k, d in received if k == "event")
        assert event["id"] in response.json()["events"]
    finally:
        listener.join(5)
        server.should_exit = True
        thread.join(10)


def test_api_stream_broadcaster_heartbeats_replays_and_drops_laggards():
    async def scenario() -> dict:
        hub = Broadcaster(heartbeat=0.05, queue_size=2)
        idle = hub.stream()
        assert (await idle.__anext__()).startswith("retry:")
        heartbeat = await idle.__anext__()
        first = hub.publish("claim", {"id": "cl-1"})
        hub.publish("claim", {"id": "cl-2"})
        replay = hub.stream(last_id=first.id)
        await replay.__anext__()
        replayed = await replay.__anext__()
        # idle has two messages queued (its limit); one more drops it.
        hub.publish("claim", {"id": "cl-3"})
        rest = [chunk async for chunk in idle]
        return {"heartbeat": heartbeat, "replayed": replayed, "rest": rest, "subscribers": hub.subscribers}

    result = asyncio.run(scenario())
    assert result["heartbeat"] == ": heartbeat\n\n"
    assert result["replayed"].startswith("id: 2\nevent: claim\n") and '"cl-2"' in result["replayed"]
    assert result["rest"] == []  # dropped: its queue was cleared and closed
    assert result["subscribers"] == 1  # the replaying stream is still there


@pytest.mark.parametrize("entity", ["gpe:russia", "weapon:kn-23", "place:UA:kharkiv"])
def test_api_entity_filters_agree_whether_they_walk_or_look_up(demo_db, monkeypatch, entity):
    """A much-named entity is filtered by walking rows newest first, a rare one by lookup:
    both plans must keep the same claims and events, in the same order."""
    from claimgraph.store import pages as queries

    def pages(scan_from: int):
        monkeypatch.setattr(queries, "SCAN_MIN_MENTIONS", scan_from)
        with Store(demo_db) as store:
            claims = queries.page_claims(store, queries.ClaimFilter(entity_ids=(entity,)), limit=5, offset=0)
            typed = queries.page_claims(store, queries.ClaimFilter(entity_ids=(entity,), type="ATTACK"),
                                        limit=5, offset=0)
            assert all(c.type == "ATTACK" for c in typed.items)
            events = queries.page_events(store, queries.EventFilter(entity_ids=(entity,)), limit=5, offset=0)
            places = queries.page_events(store, queries.EventFilter(place_ids=(entity,)), limit=5, offset=0)
        return ([c.id for c in claims.items], [e.id for e in events.items], [e.id for e in places.items],
                [c.id for c in typed.items])

    walked, looked_up = pages(0), pages(10**9)
    assert walked == looked_up
    assert walked[0] and walked[1]  # the demo names each of them in claims and events
