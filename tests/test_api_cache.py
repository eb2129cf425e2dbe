"""Read answers kept until the database changes (issue 12: 50 clients while ingesting), the
index behind /api/stats, and the ingest process that ends with its server."""

from __future__ import annotations

import asyncio
import os
import subprocess
import sys
import time
import warnings

import pytest

pytest.importorskip("fastapi")

with warnings.catch_warnings():  # starlette's TestClient warns about its httpx backend
    warnings.simplefilter("ignore")
    from fastapi.testclient import TestClient

from conftest import eventually  # noqa: E402

from claimgraph.model import Entity  # noqa: E402
from claimgraph.store import Store  # noqa: E402
from claimgraph.web import create_app  # noqa: E402
from claimgraph.web.cache import ReadCache  # noqa: E402

URLS = ["/api/stats", "/api/entities?q=alpha", "/api/entities", "/api/claims", "/api/events"]


def _counting_reads(store: Store) -> list[str]:
    """Every statement the store's reads run from now on (the generation check left out)."""
    seen: list[str] = []
    query, match = store.query, store.match

    def counted(run):
        def wrapper(sql, params=()):
            if "pg_current_snapshot" not in sql:
                seen.append(sql)
            return run(sql, params)
        return wrapper

    store.query, store.match = counted(query), counted(match)
    return seen


def test_a_repeated_read_runs_no_query_until_another_connection_commits(db_url):
    with Store(db_url) as writer:
        writer.add_entities([Entity(id="gpe:alpha", name="Alpha", type="GPE")])
        with TestClient(create_app(db_url)) as client:
            reader = client.app.state.claimgraph.reader
            assert eventually(lambda: reader.known_generation() is not None)  # PostgreSQL: listening
            reads = _counting_reads(reader)
            first = {url: client.get(url) for url in URLS}
            assert all(r.status_code == 200 for r in first.values()) and reads
            reads.clear()
            again = {url: client.get(url) for url in URLS}
            assert reads == []  # answered from the cache: the database was not asked
            assert {u: r.content for u, r in again.items()} == {u: r.content for u, r in first.items()}
            assert again["/api/stats"].headers["content-security-policy"]  # the checks still ran

            writer.add_entities([Entity(id="gpe:alphaville", name="Alphaville", type="GPE")])
            after = client.get("/api/entities?q=alpha").json()
            assert reads  # a commit by another connection is seen at once
            assert {e["id"] for e in after["items"]} == {"gpe:alpha", "gpe:alphaville"}
            assert client.get("/api/stats").json()["counts"]["entities"] == 2


def test_a_not_found_is_asked_every_time(tmp_path):
    db = str(tmp_path / "cg.db")
    with TestClient(create_app(db)) as client:
        reads = _counting_reads(client.app.state.claimgraph.reader)
        for _ in range(2):
            assert client.get("/api/claims/no-such-claim").status_code == 404
        assert len([s for s in reads if "FROM claims" in s]) == 2


def _recorded_app(calls: list[str], status: int = 200, delay: float = 0.05):
    async def app(scope, receive, send):
        calls.append(scope["path"])
        await asyncio.sleep(delay)  # requests for the same URL arrive while it is computed
        body = f"answer {len(calls)}".encode()
        await send({"type": "http.response.start", "status": status,
                    "headers": [(b"content-length", str(len(body)).encode())]})
        await send({"type": "http.response.body", "body": body})
    return app


async def _get(app, path: str) -> tuple[int, bytes]:
    sent: list[dict] = []

    async def receive():
        return {"type": "http.request", "body": b""}

    async def send(message):
        sent.append(message)

    scope = {"type": "http", "method": "GET", "path": path, "query_string": b"", "headers": []}
    await app(scope, receive, send)
    return sent[0]["status"], b"".join(m.get("body", b"") for m in sent[1:])


def test_simultaneous_requests_for_one_url_are_computed_once_per_generation():
    calls: list[str] = []
    generation = ["g1"]
    cache = ReadCache(_recorded_app(calls), generation=lambda: generation[0])

    async def burst(n: int) -> list[tuple[int, bytes]]:
        return await asyncio.gather(*(_get(cache, "/api/stats") for _ in range(n)))

    answers = asyncio.run(burst(10))
    assert calls == ["/api/stats"] and set(answers) == {(200, b"answer 1")}
    assert asyncio.run(burst(3)) == [(200, b"answer 1")] * 3 and len(calls) == 1
    generation[0] = "g2"
    assert set(asyncio.run(burst(5))) == {(200, b"answer 2")} and len(calls) == 2
    asyncio.run(_get(cache, "/api/health"))
    asyncio.run(_get(cache, "/api/health"))
    assert calls.count("/api/health") == 2  # not a cached path


def test_requests_arriving_together_share_one_generation_read_begun_after_they_came():
    reads: list[float] = []

    def generation() -> str:
        reads.append(time.monotonic())
        time.sleep(0.05)  # a database round trip
        return f"g{len(reads)}"

    cache = ReadCache(_recorded_app([], delay=0), generation=generation)

    async def burst() -> tuple[float, list]:
        first = asyncio.ensure_future(_get(cache, "/api/claims"))
        await asyncio.sleep(0.01)  # the first read is under way when the others come
        came = time.monotonic()
        await asyncio.gather(first, *(_get(cache, "/api/claims") for _ in range(20)))
        return came, reads

    came, reads = asyncio.run(burst())
    assert len(reads) == 2 and reads[1] >= came  # not 21 reads, and none older than the request


def test_a_known_generation_is_read_on_the_event_loop_not_in_a_thread():
    """SQLite's generation is a 20 µs PRAGMA, a listening PostgreSQL's a number in memory: a
    kept answer then needs no thread at all (on a busy machine each hand-over to a thread
    waited for the scheduler). When it is not known, it is asked in a thread."""
    import threading

    readers: list[int] = []
    known: list[str | None] = ["g1"]

    def generation() -> str:
        readers.append(threading.get_ident())
        return "g1"

    calls: list[str] = []
    cache = ReadCache(_recorded_app(calls, delay=0), generation=generation, known_generation=lambda: known[0])

    async def twice() -> list[tuple[int, bytes]]:
        return [await _get(cache, "/api/claims"), await _get(cache, "/api/claims")]

    assert asyncio.run(twice()) == [(200, b"answer 1")] * 2 and len(calls) == 1
    assert readers == []  # the known value served: generation() was never asked
    known[0] = None  # e.g. PostgreSQL's listener lost its connection
    assert asyncio.run(_get(cache, "/api/claims")) == (200, b"answer 1")
    assert readers and readers[-1] != threading.get_ident()  # asked, in a thread


def test_sqlite_knows_its_generation_and_postgresql_only_while_it_listens(db_url):
    with Store(db_url) as store:
        assert (store.known_generation() is not None) is (store.dialect.name == "sqlite")
    if db_url.startswith("postgresql"):
        with Store(db_url, listen=True) as listening:
            assert eventually(lambda: listening.known_generation() is not None)
            assert listening.generation() == listening.known_generation()  # no round trip


def test_a_database_that_cannot_tell_its_generation_still_gets_answers():
    calls: list[str] = []

    def generation() -> str:
        raise RuntimeError("server gone")

    cache = ReadCache(_recorded_app(calls, delay=0), generation=generation)
    assert asyncio.run(_get(cache, "/api/claims")) == (200, b"answer 1")
    assert asyncio.run(_get(cache, "/api/claims")) == (200, b"answer 2")


def test_a_failed_answer_is_not_kept():
    calls: list[str] = []
    cache = ReadCache(_recorded_app(calls, status=503, delay=0), generation=lambda: "g1")
    for _ in range(3):
        assert asyncio.run(_get(cache, "/api/claims"))[0] == 503
    assert len(calls) == 3


def test_the_cache_stays_within_its_bytes():
    calls: list[str] = []
    cache = ReadCache(_recorded_app(calls, delay=0), generation=lambda: "g1", max_bytes=30)
    for path in ["/api/claims/a", "/api/claims/b", "/api/claims/c", "/api/claims/d"]:
        asyncio.run(_get(cache, path))  # 8 bytes each
    assert cache._bytes <= 30 and len(cache._answers) == 3
    asyncio.run(_get(cache, "/api/claims/a"))  # the oldest went first
    assert calls.count("/api/claims/a") == 2


def test_claims_per_type_are_counted_from_an_index_not_the_rows(tmp_path):
    with Store(str(tmp_path / "cg.db")) as store:
        plan = store.query("EXPLAIN QUERY PLAN SELECT type, COUNT(*) FROM claims WHERE confidence >= ? "
                           "GROUP BY type ORDER BY type", (0.5,))
    assert "COVERING INDEX claims_type_confidence" in " ".join(str(row[-1]) for row in plan)


@pytest.mark.skipif(sys.platform != "linux", reason="reads the parent through /proc semantics of getppid")
def test_an_ingest_process_ends_when_its_server_is_gone(tmp_path):
    """The server's ingest process watches its parent; killed servers left one behind each."""
    # the child lets go of the captured output at once (else the run waits for it, not for the
    # parent) and knows its parent from before the fork (the parent may be gone before it asks)
    code = ("import os, sys, time\n"
            "parent = os.getpid(); pid = os.fork()\n"
            "if pid == 0:\n"
            "    null = os.open(os.devnull, os.O_RDWR); os.dup2(null, 1); os.dup2(null, 2)\n"
            "    from claimgraph.web.state import _exit_with\n"
            "    _exit_with(parent, every=0.05); time.sleep(60); sys.exit(3)\n"
            "print(pid, flush=True); os._exit(0)")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=30,
                         env={**os.environ, "PYTHONPATH": os.pathsep.join(sys.path)})
    child = int(out.stdout.split()[0])
    deadline = time.monotonic() + 30  # the child's import alone takes seconds on a loaded machine
    while time.monotonic() < deadline and _alive(child):
        time.sleep(0.05)
    assert not _alive(child)


def _alive(pid: int) -> bool:
    try:
        with open(f"/proc/{pid}/stat") as stat:
            return stat.read().split(")")[-1].split()[0] != "Z"
    except FileNotFoundError:
        return False


def test_the_servers_start_up_heap_is_kept_out_of_full_collections(tmp_path):
    """``serve`` freezes what start-up built: a full collection, which stops the event loop,
    then walks only what was made since (issue 12: the tail of the reads' latency)."""
    import gc

    from claimgraph.web.app import settle_heap

    create_app(str(tmp_path / "cg.db"))
    walked = len(gc.get_objects())
    settle_heap()
    try:
        assert gc.get_freeze_count() > walked // 2 and len(gc.get_objects()) < walked // 10
    finally:
        gc.unfreeze()
