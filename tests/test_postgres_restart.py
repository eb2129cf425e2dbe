"""A PostgreSQL server that goes away in the middle of an ingest (a restart, a fail-over):
the ingest waits for it, runs the cut transaction again and finishes with what an
uninterrupted ingest stores (issue 12).

The outage is played by a relay on 127.0.0.1 between the store and the test server: it drops
every connection and refuses new ones for a while, which is what a client sees of a restart.
``scripts/pg_restart.py`` restarts a real server under a running ``claimgraph ingest``.
"""

from __future__ import annotations

import dataclasses
import json
import socket
import threading
import time
import urllib.parse

import pytest

from claimgraph.errors import StoreError
from claimgraph.export.json import export_json
from claimgraph.model import Document, InputItem
from claimgraph.store import Store
from claimgraph.store import postgres as postgres_module

pytestmark = pytest.mark.postgres

OUTAGE_SECONDS = 1.5


def hang_up(sock: socket.socket) -> None:
    # shut down before closing: a close alone, while the other pump thread waits in recv() on
    # the same socket, sends nothing, and the server never learns that its client is gone
    try:
        sock.shutdown(socket.SHUT_RDWR)
    except OSError:
        pass  # already shut or closed
    sock.close()


class FlakyRelay:
    """A loopback TCP relay to the server that can drop everything and refuse for a while."""

    def __init__(self, target: tuple[str, int]):
        self.target = target
        self.port = 0
        self._open_sockets: list[socket.socket] = []
        self._lock = threading.Lock()
        self._listen()

    def _listen(self) -> None:
        self._listener = socket.create_server(("127.0.0.1", self.port))
        self.port = self._listener.getsockname()[1]
        threading.Thread(target=self._accept, args=(self._listener,), daemon=True).start()

    def _accept(self, listener: socket.socket) -> None:
        while True:
            try:
                client, _ = listener.accept()
            except OSError:
                return  # the listener was closed: an outage
            upstream = socket.create_connection(self.target)
            with self._lock:
                self._open_sockets += [client, upstream]
            for source, sink in ((client, upstream), (upstream, client)):
                threading.Thread(target=self._pump, args=(source, sink), daemon=True).start()

    @staticmethod
    def _pump(source: socket.socket, sink: socket.socket) -> None:
        try:
            while data := source.recv(65536):
                sink.sendall(data)
        except OSError:
            pass
        finally:
            for end in (source, sink):
                hang_up(end)

    def drop_everything(self) -> None:
        """Close the listener and every relayed connection (call ``come_back`` to listen again)."""
        hang_up(self._listener)  # wakes the accept() waiting on it, as for a connection
        with self._lock:
            for sock in self._open_sockets:
                hang_up(sock)
            self._open_sockets.clear()

    def come_back(self) -> None:
        self._listen()

    def outage(self, seconds: float) -> threading.Thread:
        """Drop everything now; listen again after ``seconds`` (in the background)."""
        self.drop_everything()
        back = threading.Timer(seconds, self.come_back)
        back.start()
        return back

    def url(self, server_url: str) -> str:
        parts = urllib.parse.urlsplit(server_url)
        netloc = parts.netloc.rsplit("@", 1)
        host = f"127.0.0.1:{self.port}"
        return urllib.parse.urlunsplit(parts._replace(netloc=f"{netloc[0]}@{host}" if len(netloc) == 2 else host))


@pytest.fixture
def relay(pg_url):
    parts = urllib.parse.urlsplit(pg_url)
    relay = FlakyRelay((parts.hostname or "127.0.0.1", parts.port or 5432))
    yield relay
    relay.drop_everything()


def article(n: int) -> str:
    return (f"Harbour cranes stopped in Port Vell {n}\n\n"
            f"Dock workers at Port Vell stopped {n + 3} cranes on Tuesday over pay, the union said, and "
            f"ships waited outside the harbour for {n + 1} hours.\n\n"
            f"The port authority said talks with the union would resume on Thursday.\n")


def test_a_write_cut_by_an_outage_runs_again_once_the_server_is_back(pg_url, relay):
    with Store(relay.url(pg_url)) as store:
        store.write_batch([Document(id="d1", text="One.")], [], [], [], [])
        attempts = []

        def write() -> None:
            with store.exclusive():
                store.write_batch([Document(id=f"d{len(attempts) + 2}", text="Two.")], [], [], [], [])
                attempts.append(1)
                if len(attempts) == 1:  # the server goes away before the commit
                    relay.outage(OUTAGE_SECONDS)
                store.write_batch([Document(id="d9", text="Nine.")], [], [], [], [])

        started = time.monotonic()
        store.retried(write)
        assert time.monotonic() - started >= OUTAGE_SECONDS * 0.9  # it waited for the server
        # the cut transaction left nothing; the second attempt wrote all of its own
        assert sorted(d.id for d in store.documents()) == ["d1", "d3", "d9"]


def test_a_server_that_stays_away_is_a_store_error_after_the_wait(pg_url, relay, monkeypatch):
    monkeypatch.setattr(postgres_module, "RECONNECT_SECONDS", 1.0)
    with Store(relay.url(pg_url)) as store:
        store.write_batch([Document(id="d1", text="One.")], [], [], [], [])
        relay.drop_everything()
        started = time.monotonic()
        with pytest.raises(StoreError):
            store.counts()
        assert time.monotonic() - started < 10


def test_an_ingest_through_an_outage_stores_what_an_uninterrupted_one_does(pipeline, pg_url, pg_schema,
                                                                            relay, monkeypatch):
    monkeypatch.setattr(pipeline, "settings", dataclasses.replace(pipeline.settings, batch_size=2))
    items = [InputItem(origin=f"a{n}.txt", text=article(n), kind="text", published="2025-05-06") for n in range(6)]

    def with_an_outage():
        for n, item in enumerate(items):
            if n == 3:  # a batch is stored, the next is being read
                relay.outage(OUTAGE_SECONDS)
            yield item

    with Store(relay.url(pg_url)) as store:
        report = pipeline.ingest_items(store, with_an_outage())
        interrupted = export_json(store)
    with pg_schema() as reference_url, Store(reference_url) as reference:
        pipeline.ingest_items(reference, iter(items))
        uninterrupted = export_json(reference)
    assert (report.ingested, report.rejected) == (6, 0)
    assert json.dumps(interrupted, sort_keys=True) == json.dumps(uninterrupted, sort_keys=True)
