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

from claimgraph.model import Claim, Document, Entity
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
    def __init__(self, db: str):
        import uvicorn

        from claimgraph.web import create_app

        with socket.socket() as sock:
            sock.bind(("127.0.0.1", 0))
            self.port = sock.getsockname()[1]
        config = uvicorn.Config(create_app(db), host="127.0.0.1", port=self.port, log_level="warning",
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
