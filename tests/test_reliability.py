"""Issue 14: concurrent exports, hostile metadata, run-on sentences, terminal escapes, huge
pages, and results that do not depend on how an ingest was batched."""

from __future__ import annotations

import json
import socket
import threading
import time
import urllib.error
import urllib.request
from concurrent.futures import ThreadPoolExecutor

import pytest

from click.testing import CliRunner

from claimgraph.clean import clean_item
from claimgraph.errors import RejectedInput
from claimgraph.ingest.sources import iter_inputs
from claimgraph.model import Claim, Document, Entity, Event, InputItem, Reject, TimeSpan
from claimgraph.settings import Settings
from claimgraph.store import Store

# -- a database big enough that an export is many chunks -------------------------------------------


def fill(path: str, documents: int = 1500) -> None:
    roles = {"actor": ["gpe:ru"], "target": [], "instrument": [], "location": [], "recipient": [],
             "subject": []}
    docs = [Document(id=f"d{i:05d}", text=f"Drones struck depot {i}. " * 20, outlet=f"Outlet {i % 7}",
                     published="2025-03-01") for i in range(documents)]
    claims = [Claim(id=f"c{i:05d}", document_id=d.id, type="ATTACK", text=f"Drones struck depot {i}.",
                    start=0, end=24, roles=roles) for i, d in enumerate(docs)]
    with Store(path) as store:
        store.write_batch(docs, claims, [Entity(id="gpe:ru", name="Russia", type="GPE")], [], [])


def test_a_snapshot_read_resumed_on_other_threads_never_waits_for_itself(tmp_path):
    path = str(tmp_path / "s.db")
    fill(path, 1200)
    store = Store(path)

    def chunks():
        with store.snapshot():
            yield from store.iter_documents(chunk=100)

    reading = chunks()
    with ThreadPoolExecutor(4) as pool:  # every chunk on another thread, as a streamed response does
        got = 0
        for step in range(12):
            future = pool.submit(next, reading, None)
            assert future.result(timeout=10) is not None, step  # used to wait for ever at step 1
            got += 1
            # a reader on another thread of the same store is not locked out between chunks
            assert pool.submit(store.document, "d00001").result(timeout=10) is not None
    reading.close()
    store.close()


# -- a real server on 127.0.0.1 -------------------------------------------------------------------


class LiveServer:
    def __init__(self, db: str, **options):
        import uvicorn

        from claimgraph.web import create_app

        with socket.socket() as sock:
            sock.bind(("127.0.0.1", 0))
            self.port = sock.getsockname()[1]
        self.app = create_app(db, **options)
        config = uvicorn.Config(self.app, host="127.0.0.1", port=self.port, log_level="warning",
                                timeout_graceful_shutdown=3)
        self.server = uvicorn.Server(config)
        self.thread = threading.Thread(target=self.server.run, daemon=True)
        self.thread.start()
        deadline = time.monotonic() + 20
        while not self.server.started:
            assert time.monotonic() < deadline, "the server did not start"
            time.sleep(0.05)

    def get(self, path: str, timeout: float = 30) -> tuple[int, bytes]:
        try:
            with urllib.request.urlopen(f"http://127.0.0.1:{self.port}{path}", timeout=timeout) as response:
                return response.status, response.read()
        except urllib.error.HTTPError as exc:
            return exc.code, exc.read()

    def post(self, path: str, data: dict, timeout: float = 120) -> tuple[int, bytes]:
        request = urllib.request.Request(f"http://127.0.0.1:{self.port}{path}", data=json.dumps(data).encode(),
                                         headers={"Content-Type": "application/json"}, method="POST")
        try:
            with urllib.request.urlopen(request, timeout=timeout) as response:
                return response.status, response.read()
        except urllib.error.HTTPError as exc:
            return exc.code, exc.read()

    def stop(self) -> None:
        self.server.should_exit = True
        self.thread.join(timeout=15)
        assert not self.thread.is_alive(), "the server did not stop"


@pytest.fixture()
def live(tmp_path):
    path = str(tmp_path / "live.db")
    fill(path)
    server = LiveServer(path)
    yield server
    server.stop()


@pytest.mark.slow  # load
@pytest.mark.slow
def test_concurrent_json_exports_finish_and_the_server_keeps_answering(live):
    expected_documents = 1500
    with ThreadPoolExecutor(8) as pool:
        exports = [pool.submit(live.get, "/api/export?format=json", 60) for _ in range(8)]
        time.sleep(0.2)
        started = time.monotonic()
        status, body = live.get("/api/health", timeout=5)
        assert status == 200 and time.monotonic() - started < 5
        results = [f.result(timeout=90) for f in exports]
    for status, body in results:
        assert status == 200
        data = json.loads(body)
        assert len(data["documents"]) == expected_documents and len(data["claims"]) == expected_documents
    # more than the server queues at once: the rest are told to come back, nobody hangs
    with ThreadPoolExecutor(16) as pool:
        statuses = [s for s, _ in pool.map(lambda _: live.get("/api/export?format=json", 90), range(16))]
    assert set(statuses) <= {200, 503} and statuses.count(200) >= 2 and 503 in statuses
    status, body = live.get("/api/stats", timeout=5)
    assert status == 200 and json.loads(body)["counts"]["documents"] == expected_documents
    slots = live.app.state.claimgraph.exports
    deadline = time.monotonic() + 10
    while slots._in_flight and time.monotonic() < deadline:
        time.sleep(0.1)
    assert slots._in_flight == 0  # every place given back: exports are not refused for ever


@pytest.mark.slow  # load
@pytest.mark.slow
def test_a_client_leaving_mid_export_gives_its_place_back(live):
    with socket.create_connection(("127.0.0.1", live.port), timeout=10) as sock:
        sock.sendall(b"GET /api/export?format=json HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n")
        assert sock.recv(1024).startswith(b"HTTP/1.1 200")
    slots = live.app.state.claimgraph.exports
    deadline = time.monotonic() + 20
    while slots._in_flight and time.monotonic() < deadline:
        time.sleep(0.1)
    assert slots._in_flight == 0
    assert live.get("/api/health", timeout=5)[0] == 200


# -- publication dates and other metadata --------------------------------------------------------

BAD_DAYS = ["0001-01-01", "99999-01-01", "9999-12-31", "1850-06-01", "2024-02-30", "32/13/2024", "12345"]
BODY = ("Ukrainian drones struck an oil depot in the Bryansk region on Tuesday night, the regional "
        "governor said, and a fire broke out at the site.")


def _reasons(items) -> list[str | None]:
    found = []
    for item in items:
        try:
            clean_item(item, Settings())
            found.append(None)
        except RejectedInput as exc:
            found.append(exc.reason)
    return found


def test_bad_publication_dates_from_jsonl_and_meta_json_are_rejects(tmp_path):
    records = [{"text": f"{BODY} Number {i}.", "published": day} for i, day in enumerate(BAD_DAYS)]
    records.append({"text": BODY, "published": "2024-02-29"})
    jsonl = tmp_path / "feed.jsonl"
    jsonl.write_text("\n".join(json.dumps(r) for r in records), encoding="utf-8")
    assert _reasons(iter_inputs([str(jsonl)])) == ["bad-metadata"] * len(BAD_DAYS) + [None]

    folder = tmp_path / "dir"
    folder.mkdir()
    (folder / "a.txt").write_text(BODY, encoding="utf-8")
    (folder / "meta.json").write_text(json.dumps({"a.txt": {"published": "0001-01-01"}}), encoding="utf-8")
    assert _reasons(iter_inputs([str(folder)])) == ["bad-metadata"]
    with pytest.raises(RejectedInput, match="before 1900"):
        clean_item(next(iter_inputs([str(folder / "a.txt")], published="0001-01-01")), Settings())


def test_cli_refuses_a_bad_published_before_reading_anything(tmp_path):
    from claimgraph.cli import main

    article = tmp_path / "a.txt"
    article.write_text(BODY, encoding="utf-8")
    for day in ("0001-01-01", "2024-02-30", "32/13/2024"):
        result = CliRunner().invoke(main, ["--db", str(tmp_path / "x.db"), "ingest", str(article),
                                           "--published", day])
        assert result.exit_code == 2 and "--published" in result.output, result.output
    assert not (tmp_path / "x.db").exists()


def test_titles_and_other_metadata_are_bounded():
    item = InputItem(origin="t", text=BODY, kind="text", title="Drones " * 40_000, outlet="W" * 5000,
                     url="https://example.org/" + "a" * 5000)
    doc = clean_item(item, Settings())
    assert len(doc.title) <= 1000 and doc.title.endswith("…") and len(doc.outlet) <= 300 and doc.url is None


def test_the_api_refuses_bad_publication_dates(pipeline):
    from fastapi.testclient import TestClient

    from claimgraph.web import create_app

    with TestClient(create_app(":memory:", pipeline=pipeline)) as client:
        for day in ("0001-01-01", "2024-02-30", "2999-01-01"):
            response = client.post("/api/ingest", json={"text": BODY, "published": day})
            assert response.status_code == 422 and "published" in response.json()["error"]["message"]


def _old_database_with_a_bad_date(path: str) -> None:
    """What an older claimgraph stored: a 0001-01-01 and a 9999-12-31 article with report-dated claims."""
    roles = {"actor": ["gpe:ru"], "target": [], "instrument": [], "location": [], "recipient": [], "subject": []}
    docs = [Document(id="old1", text="One.", outlet="A", published="0001-01-01"),
            Document(id="old2", text="Two.", outlet="B", published="9999-12-31")]
    claims = []
    for i, (doc, day) in enumerate([("old1", "0001-01-01"), ("old1", "0001-01-01"), ("old2", "9999-12-31")]):
        claim = Claim(id=f"old-c{i}", document_id=doc, type="ATTACK", text="Drones struck.", start=0, end=14,
                      source="person:x", roles=dict(roles))
        claim.time.start = claim.time.end = day
        claim.time.basis = "report"
        claims.append(claim)
    with Store(path) as store:
        store.write_batch(docs, claims, [Entity(id="gpe:ru", name="Russia", type="GPE")], [], [])


@pytest.mark.slow
def test_a_stored_out_of_range_date_never_blocks_linking_or_exports(tmp_path, pipeline):
    from claimgraph.export.stix import export_stix
    path = str(tmp_path / "old.db")
    _old_database_with_a_bad_date(path)
    with Store(path) as store:
        pipeline.relink(store, full=True)  # used to raise OverflowError
        report = pipeline.ingest_items(store, [InputItem(origin="new", text=BODY, kind="text",
                                                         published="2024-05-07")])
        assert report.ingested == 1
        pipeline.relink(store, full=True)
        assert store.counts()["events"] >= 2
        export_stix(store)


# -- terminal escapes ---------------------------------------------------------------------------

HOSTILE = "Drones struck\x1b[2J\x1b]0;pwned\x07 a depot\x9b31m in Odesa\r, officials said."


def test_listings_never_send_control_characters_to_the_terminal(tmp_path):
    from claimgraph.cli import main

    db = str(tmp_path / "t.db")
    roles = {"actor": [], "target": [], "instrument": [], "location": ["gpe:x"], "recipient": [], "subject": []}
    doc = Document(id="d1", text=HOSTILE, title="Title\x1b[31m", outlet="Out\x1blet", published="2024-01-01")
    claim = Claim(id="c1", document_id="d1", type="ATTACK", text=HOSTILE, start=0, end=len(HOSTILE),
                  source="src:\x1b", roles=roles)
    entity = Entity(id="gpe:x", name="Odesa\x1b[5m", type="GPE")
    with Store(db) as store:
        store.write_batch([doc], [claim], [entity], [Reject("in\x1b[2Jput", "empty", "bad\x1b[2J")], [])
        store.replace_links([Event(id="ev1", type="ATTACK", claim_ids=["c1"], document_ids=["d1"],
                                   time=TimeSpan(), roles=roles, sources=["src:\x1b"], independent_sources=1,
                                   label="x")], [])
    for args in (["claims"], ["claims", "--json"], ["events"], ["events", "--json"], ["rejects"],
                 ["show", "c1"], ["show", "ev1"], ["contradictions"]):
        result = CliRunner().invoke(main, ["--db", db, *args])
        assert result.exit_code == 0, (args, result.output)
        assert not any(ch in result.output for ch in "\x1b\x9b\x07\r"), (args, result.output)
    shown = CliRunner().invoke(main, ["--db", db, "show", "c1"]).output
    assert "struck\\x1b[2J\\x1b]0;pwned\\x07 a depot\\x9b31m" in shown  # visible, not obeyed


# -- huge pages and run-on sentences --------------------------------------------------------------


@pytest.mark.slow  # load: a huge page
def test_a_huge_page_is_cut_before_cleaning_with_a_recorded_reason():
    settings = Settings()
    paragraph = "<p>" + BODY + "</p>\n"
    html = ("<html><head><title>Big</title><script>" + "x" * 3_000_000 + "</script></head><body><article>"
            + paragraph * (16_000_000 // len(paragraph)) + "</article></body></html>")  # 19 MB
    started = time.monotonic()
    doc = clean_item(InputItem(origin="big.html", text=html, kind="html"), settings)
    assert time.monotonic() - started < 30
    assert len(doc.text) <= settings.max_chars and any("were read" in n for n in doc.notes)
    line = (BODY + " ") * (10_000_000 // (len(BODY) + 1))
    started = time.monotonic()
    doc = clean_item(InputItem(origin="line.txt", text=line, kind="text"), settings)
    assert time.monotonic() - started < 30
    assert len(doc.text) <= settings.max_chars and doc.notes


@pytest.mark.slow
def test_a_truncated_article_is_kept_and_the_cut_is_recorded(pipeline):
    from dataclasses import replace

    small = replace(pipeline.settings, max_chars=2000)
    original, pipeline.settings = pipeline.settings, small
    try:
        store = Store(":memory:")
        report = pipeline.ingest_items(store, [InputItem(origin="long.txt", text="\n\n".join([BODY] * 200),
                                                         kind="text", published="2024-05-07")], relink=False)
        assert report.ingested == 1
        assert [(r.origin, r.reason) for r in store.rejects()] == [("long.txt", "truncated")]
        assert "max_chars" in store.rejects()[0].detail
    finally:
        pipeline.settings = original


def test_attribution_is_marked_in_one_walk_as_asked_token_by_token(pipeline):
    from claimgraph.extract.roles import attribution_tokens, in_attribution

    doc = pipeline.nlp("Russian drones struck a depot in Odesa, according to officials in Kyiv, the governor "
                       "told reporters in Lviv on Tuesday.")
    for scope in doc:
        assert attribution_tokens(scope) == {t.i for t in scope.subtree if t.i != scope.i
                                             and in_attribution(t, scope)}


@pytest.mark.slow  # load: a run-on sentence
@pytest.mark.slow
def test_a_run_on_sentence_is_extracted_in_bounded_time(pipeline):
    text = "The army said " + ", and ".join(f"drones struck depot {i}" for i in range(750)) + "."
    store = Store(":memory:")
    started = time.monotonic()
    report = pipeline.ingest_items(store, [InputItem(origin="r.txt", text=text, kind="text",
                                                     published="2025-01-01")])
    assert report.ingested == 1 and report.claims >= 1
    assert time.monotonic() - started < 60  # 21 KB: over 300 s before


# -- results that do not depend on batching -------------------------------------------------------

DATA = __import__("pathlib").Path(__file__).parent / "data"
# The first stores an "army" ORG; the second quotes "the army" as its source: a resumed run used
# to know the stored name and resolve it there, one run made a new source entity.
ORDER_PAIR = [DATA / "heldout_blind/articles/001_port_sudan_drones.txt",
              DATA / "heldout_sahel/articles/005_kidal_offensive_africa_corps.txt"]


def _ingest_in_runs(pipeline, runs: list[list[str]]) -> set[tuple]:
    from claimgraph.pipeline import Pipeline

    store = Store(":memory:")
    for paths in runs:
        fresh = Pipeline(pipeline.settings)  # a new process: a resolver that knows only the store
        fresh._nlp = pipeline.nlp
        fresh.ingest_paths(store, paths)
    return set(store._query("SELECT claim_id, role, entity_id FROM claim_entities"))


@pytest.mark.slow
def test_an_ingest_resumed_in_a_new_run_resolves_like_one_run(pipeline):
    paths = [str(p) for p in ORDER_PAIR]
    one_run = _ingest_in_runs(pipeline, [paths])
    resumed = _ingest_in_runs(pipeline, [paths[:1], paths[1:]])
    assert one_run and one_run == resumed


# Three stories of one day of cross-border fire, then an unrelated arms delivery whose link
# reads their stored events back: two of those events, kept apart when they were linked, used
# to merge then (together they agree on more than either part did).
SETTLED_FIRST = [DATA / "heldout_dev3/articles" / name for name in
                 ("001_south_lebanon_strikes.txt", "002_unifil_naqoura.txt", "004_metula_kornet_tyre.txt")]
SETTLED_LATER = [DATA / "heldout_drc/articles/003_kisangani_ch4_delivery.txt"]


def _events_in_runs(pipeline, runs: list[list[str]]) -> set[tuple[str, ...]]:
    from claimgraph.pipeline import Pipeline

    store = Store(":memory:")
    for paths in runs:
        fresh = Pipeline(pipeline.settings)
        fresh._nlp = pipeline.nlp
        fresh.ingest_paths(store, paths)
    return {tuple(e.claim_ids) for e in store.events()}


@pytest.mark.slow
def test_stored_events_read_back_by_a_later_link_merge_only_through_a_new_claim(pipeline):
    first, later = [str(p) for p in SETTLED_FIRST], [str(p) for p in SETTLED_LATER]
    one_run = _events_in_runs(pipeline, [first + later])
    two_runs = _events_in_runs(pipeline, [first, later])
    assert one_run and one_run == two_runs


@pytest.mark.slow  # a spawned process loads spaCy
@pytest.mark.slow
def test_an_ingest_runs_in_its_own_process_while_reads_are_answered(tmp_path):
    path = str(tmp_path / "worker.db")
    fill(path, 200)
    server = LiveServer(path, ingest_process=True)
    try:
        with ThreadPoolExecutor(1) as pool:
            posted = pool.submit(server.post, "/api/ingest", {"text": BODY, "published": "2024-05-07",
                                                               "outlet": "Border Wire"})
            answered = 0
            while not posted.done():
                status, _ = server.get("/api/claims?limit=5", timeout=10)
                answered += status == 200
                time.sleep(0.05)
            status, body = posted.result()
        assert status == 201, body
        assert answered >= 1  # reads were answered while the other process analysed the article
        document_id = json.loads(body)["document_id"]
        assert server.get(f"/api/documents/{document_id}")[0] == 200
        assert json.loads(server.get("/api/health")[1])["pipeline_ready"] is True
        assert server.post("/api/ingest", {"text": BODY})[0] == 200  # a duplicate, same worker
    finally:
        server.stop()
