"""PostgreSQL as the store: the same input gives the same export as on SQLite.

Needs the server of $CLAIMGRAPH_TEST_PG (tests/conftest.py); .ci/run starts one on loopback.
"""

from __future__ import annotations

import json

import pytest
from click.testing import CliRunner
from conftest import eventually

import claimgraph
from claimgraph.cli import main
from claimgraph.errors import StoreError
from claimgraph.export.json import export_json, iter_json_text
from claimgraph.model import Document
from claimgraph.store import MIGRATIONS, Store
from claimgraph.store.pages import page_documents, page_entities

pytestmark = pytest.mark.postgres


def test_the_demo_exports_the_same_json_from_sqlite_and_postgresql(pipeline, pg_url, tmp_path):
    """The same input, ingested back to back by the same pipeline, into each engine.

    (Back to back: the pipeline's entity resolver keeps what earlier ingests of this test
    session taught it, so each side must meet it in the same state.)"""
    demo = [str(claimgraph.demo_corpus())]
    with Store(str(tmp_path / "demo.db")) as lite, Store(pg_url) as pg:
        pipeline.ingest_paths(lite, demo)
        pipeline.ingest_paths(pg, demo)
        assert pg.dialect.name == "postgresql" and lite.dialect.name == "sqlite"
        sqlite_export, pg_export = export_json(lite), export_json(pg)
        assert pg_export["events"] and pg_export["contradictions"], "the demo links events and contradictions"
        assert json.dumps(pg_export, ensure_ascii=False) == json.dumps(sqlite_export, ensure_ascii=False)
        # the streamed export reads in chunks through other queries: the same text too
        assert "".join(iter_json_text(pg)) == "".join(iter_json_text(lite))
        assert pg.counts() == lite.counts()
        assert pg.unlinked_document_ids() == [] and pg.link_state("band_layout") == lite.link_state("band_layout")


def test_the_cli_reads_postgresql_from_claimgraph_db(pg_demo_db, tmp_path):
    runner = CliRunner()
    out = tmp_path / "pg.json"
    result = runner.invoke(main, ["export", "-o", str(out)], env={"CLAIMGRAPH_DB": pg_demo_db})
    assert result.exit_code == 0, result.output
    with Store(pg_demo_db) as pg:
        assert json.loads(out.read_text(encoding="utf-8")) == export_json(pg)
    listed = runner.invoke(main, ["--db", pg_demo_db, "events"], env={"CLAIMGRAPH_DB": None})
    assert listed.exit_code == 0 and "ev-" in listed.output


def test_postgresql_records_the_same_migrations(pg_url):
    with Store(pg_url) as store:
        assert [v for v, _, _ in store.migrations()] == [m.version for m in MIGRATIONS]
    with Store(pg_url) as again:  # reopening applies nothing twice
        assert [v for v, _, _ in again.migrations()] == [m.version for m in MIGRATIONS]


def test_postgresql_full_text_search_reads_web_search_syntax(pg_url):
    with Store(pg_url) as store:
        store.write_batch([Document(id="a", title="Depot fire", text="Drones struck the fuel depot at night."),
                           Document(id="b", text="A convoy was shelled near the depot."),
                           Document(id="c", text="The talks resumed.")], [], [], [], [])
        assert {d.id for d in store.search("depot")} == {"a", "b"}
        assert [d.id for d in store.search("depot")][0] == "a"  # the title weighs more
        assert [d.id for d in store.search("depot -convoy")] == ["a"]
        assert [d.id for d in store.search('"fuel depot"')] == ["a"]
        assert [d.id for d in store.search("fires drone")] == ["a"]  # English stems: fire, drones
        assert store.search('"unbalanced') == []  # any text is a query: never a syntax error
        page = page_documents(store, limit=5, offset=0, q="convoy")
        assert [d["id"] for d in page.items] == ["b"] and "convoy" in page.items[0]["snippet"]


def test_postgresql_compares_and_orders_like_sqlite(db_url):
    """LIKE ignores ASCII case only, NOCASE orders by ASCII-folded code points, ids by code point."""
    from claimgraph.model import Entity

    with Store(db_url) as store:
        store.add_entities([Entity(id=i, name=n, type="ORG") for i, n in
                            (("o:b", "beta"), ("o:a", "Alpha"), ("o:e", "Émile"), ("o:z", "zeta"), ("o:ae", "ärm"))])
        assert store.find_entity_ids("ALPHA") == ["o:a"]
        names = [e.name for e in page_entities(store, limit=10, offset=0).items]
        assert names == ["Alpha", "beta", "zeta", "Émile", "ärm"]
        assert list(store.entities()) == ["o:a", "o:ae", "o:b", "o:e", "o:z"]


def test_a_nul_in_text_is_stored_as_the_replacement_character(pg_url):
    with Store(pg_url) as store:
        store.write_batch([Document(id="d", title="a\x00b", text="Some text.")], [], [], [], [])
        assert store.document("d").title == "a\ufffdb"


def test_an_unreachable_server_is_a_store_error_that_hides_the_password():
    with pytest.raises(StoreError, match="cannot open database") as caught:
        Store("postgresql://cg:s3cret@127.0.0.1:1/news?connect_timeout=2")
    assert "s3cret" not in str(caught.value) and "cg:***@" in str(caught.value)


def test_a_pooled_store_reads_from_threads_side_by_side(pg_url):
    """The server's reader: threads each take a pooled connection instead of queueing for one."""
    import threading
    import time

    with Store(pg_url, pool_size=4) as store:
        backends: list[int] = []

        def read():
            backends.append(store.query("SELECT pg_backend_pid() FROM pg_sleep(0.3)")[0][0])

        threads = [threading.Thread(target=read) for _ in range(4)]
        started = time.perf_counter()
        for t in threads:
            t.start()
        for t in threads:
            t.join()
        assert time.perf_counter() - started < 1.0  # one connection would take 4 x 0.3 s
        assert len(set(backends)) > 1
        with store.transaction():  # inside a write, reads see it: the writer's own connection
            store.write_batch([Document(id="d", text="Some text.")], [], [], [], [])
            assert store.document("d") is not None
        assert store.counts()["documents"] == 1


def test_a_store_whose_connection_the_server_dropped_connects_again(pg_url, pg_server):
    """What a server restart does to a client, done to one backend: the next read and the next
    write transaction run on a new connection; a transaction cut short fails and can be re-run."""
    import psycopg

    def drop(store: Store) -> None:
        pid = store.query("SELECT pg_backend_pid()")[0][0]
        with psycopg.connect(pg_server, autocommit=True) as admin:
            admin.execute("SELECT pg_terminate_backend(%s)", [pid])

    with Store(pg_url) as store:
        store.write_batch([Document(id="d1", text="One.")], [], [], [], [])
        drop(store)
        assert store.counts()["documents"] == 1
        drop(store)
        store.write_batch([Document(id="d2", text="Two.")], [], [], [], [])
        with pytest.raises(StoreError, match="cannot write batch"):
            with store.exclusive():
                store.write_batch([Document(id="d3", text="Three.")], [], [], [], [])
                drop(store)
                store.write_batch([Document(id="d4", text="Four.")], [], [], [], [])
        assert [d.id for d in store.documents()] == ["d1", "d2"]  # the cut transaction left nothing


def test_the_api_ingests_an_article_into_postgresql(pg_url, pipeline):
    from fastapi.testclient import TestClient

    from claimgraph.web.app import create_app

    article = ("Russian drones struck a fuel depot in Odesa on Monday night, the regional governor said. "
               "Two workers were injured and a fire broke out at the site, he added.")
    with TestClient(create_app(pg_url, pipeline=pipeline)) as client:
        response = client.post("/api/ingest", json={"text": article, "published": "2025-03-10", "outlet": "Wire"})
        assert response.status_code == 201, response.text
        added = response.json()
        assert added["claims"] and client.get("/api/stats").json()["counts"]["claims"] == len(added["claims"])
        listed = client.get(f"/api/claims?document={added['document_id']}").json()["items"]
        assert {c["id"] for c in listed} == set(added["claims"])
        assert client.post("/api/ingest", json={"text": article, "published": "2025-03-10"}).json()["duplicate"]


# -- the server hears every commit (issue 12: reads without a round trip per request) --------


def _notifications(conn, seconds: float = 0.3) -> list[str]:
    return [n.payload for n in conn.notifies(timeout=seconds)]


def test_every_table_notifies_once_per_commit_and_never_for_a_rollback(pg_url):
    import psycopg

    from claimgraph.store.migrations import CHANGE_CHANNEL

    with Store(pg_url) as store, psycopg.connect(pg_url, autocommit=True) as listening:
        schema = listening.execute("SELECT current_schema()").fetchone()[0]
        untold = listening.execute(
            "SELECT c.relname FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace "
            "WHERE n.nspname = current_schema() AND c.relkind IN ('r', 'p') AND NOT EXISTS "
            "(SELECT 1 FROM pg_trigger t WHERE t.tgrelid = c.oid AND t.tgname = c.relname || '_changed')").fetchall()
        assert untold == []  # a migration that adds a table adds its trigger
        listening.execute(f"LISTEN {CHANGE_CHANNEL}")
        store.write_batch([Document(id="d1", text="One.")], [], [], [], [("h1", "a.txt", "ingested", "d1")])
        assert _notifications(listening) == [schema]  # two tables, several statements: one notification
        with pytest.raises(RuntimeError):
            with store.transaction():
                store.write_batch([Document(id="d2", text="Two.")], [], [], [], [])
                raise RuntimeError("rolled back")
        assert _notifications(listening) == []


def test_the_server_hears_a_commit_by_another_process_and_stops_replaying_its_answer(pg_url):
    """The listening server replays a kept answer with no round trip to the database, and
    forgets it when a commit it never saw (psql, another machine: plain SQL here) is heard."""
    import psycopg
    from fastapi.testclient import TestClient

    from claimgraph.web.app import create_app

    with TestClient(create_app(pg_url)) as client:
        reader = client.app.state.claimgraph.reader
        assert eventually(lambda: reader.known_generation() is not None)
        statements: list[str] = []
        query = reader.query
        reader.query = lambda sql, params=(): statements.append(sql) or query(sql, params)
        assert client.get("/api/entities").json()["items"] == [] and statements
        statements.clear()
        assert client.get("/api/entities").json()["items"] == []
        assert statements == []  # replayed: not even the generation was asked of the server
        heard = reader.known_generation()
        with psycopg.connect(pg_url, autocommit=True) as other:
            other.execute("INSERT INTO entities (id, name, type) VALUES ('gpe:beta', 'Beta', 'GPE')")
        assert eventually(lambda: reader.known_generation() != heard)  # the notification's trip
        assert [e["id"] for e in client.get("/api/entities").json()["items"]] == ["gpe:beta"]
        assert not any("pg_current_snapshot" in s for s in statements)


def test_a_lost_listening_connection_falls_back_to_the_round_trip_and_listens_again(pg_url, pg_server):
    import psycopg

    def refused():
        raise psycopg.OperationalError("the server is away")

    with Store(pg_url, listen=True) as reader, psycopg.connect(pg_url, autocommit=True) as other:
        assert eventually(lambda: reader.known_generation() is not None)
        listener = reader._listener
        lost, connect = listener.backend_pid, listener._connect
        listener._connect = refused  # it stays away until the test lets it back
        other.execute("SELECT pg_terminate_backend(%s)", [lost])
        assert eventually(lambda: reader.known_generation() is None, seconds=5)
        # meanwhile every generation is a round trip: a commit is seen at once, heard or not
        before = reader.generation()
        other.execute("INSERT INTO entities (id, name, type) VALUES ('gpe:gamma', 'Gamma', 'GPE')")
        assert reader.generation() != before
        listener._connect = connect
        assert eventually(lambda: reader.known_generation() is not None)  # listening again
        assert reader._listener.backend_pid not in (None, lost)
        heard = reader.known_generation()
        other.execute("DELETE FROM entities")
        assert eventually(lambda: reader.known_generation() != heard)


def test_a_listener_that_cannot_prove_its_connection_alive_is_not_trusted(pg_url):
    """A connection that died without closing (a cable pulled) delivers nothing and says
    nothing: the count is trusted only for a lease after a round trip proved it."""
    from claimgraph.store.listen import ChangeListener

    now = [0.0]
    listener = ChangeListener(pg_url, heartbeat=0.05, lease=2.0, clock=lambda: now[0])
    try:
        assert eventually(lambda: listener.known() is not None)
        now[0] = 100.0  # 100 s without a proof, as far as the listener can tell
        assert listener.known() is None
        assert eventually(lambda: listener.known() is not None)  # the next heartbeat proves it again
    finally:
        listener.close()


def test_a_sync_counts_a_commit_made_elsewhere_before_it_returns(pg_url):
    """No waiting loop: PostgreSQL delivers notifications in commit order, so the sync's own
    notification comes after that of every commit made before it."""
    import psycopg

    with Store(pg_url, listen=True) as reader, psycopg.connect(pg_url, autocommit=True) as other:
        assert eventually(lambda: reader.known_generation() is not None)
        for n in range(20):
            heard = reader.known_generation()
            other.execute("INSERT INTO entities (id, name, type) VALUES (%s, 'Delta', 'GPE')", [f"gpe:d{n}"])
            reader.sync_changes()
            assert reader.known_generation() not in (heard, None)
        heard = reader.known_generation()
        reader.sync_changes()  # nothing committed since: its own notification is no change
        assert reader.known_generation() == heard


def test_the_server_answers_an_ingest_only_once_its_commits_are_counted(pg_url):
    """The ingest process commits on its own connection; the client whose ingest was answered
    reads what it added next, before a notification could have been waited for."""
    import psycopg
    from fastapi.testclient import TestClient

    from claimgraph.model import InputItem
    from claimgraph.web.app import create_app
    from claimgraph.web.state import IngestOutcome

    class ElsewhereIngest:  # what the ingest process does to the database, from another connection
        def ingest(self, item: InputItem) -> IngestOutcome:
            with psycopg.connect(pg_url, autocommit=True) as conn:
                conn.execute("INSERT INTO entities (id, name, type) VALUES ('gpe:epsilon', 'Epsilon', 'GPE')")
            return IngestOutcome(None)

        def close(self) -> None:
            pass

    with TestClient(create_app(pg_url)) as client:
        state = client.app.state.claimgraph
        assert eventually(lambda: state.reader.known_generation() is not None)
        assert client.get("/api/entities").json()["items"] == []
        heard = state.reader.known_generation()
        state._worker = ElsewhereIngest()
        state.ingest(InputItem(origin="a.txt", text="Some text."))
        assert state.reader.known_generation() not in (heard, None)
        assert [e["id"] for e in client.get("/api/entities").json()["items"]] == ["gpe:epsilon"]


@pytest.mark.parametrize("table", ["documents", "claims"])
def test_newest_first_pages_read_an_index_backwards_not_a_sorted_table(pg_url, table):
    """SQLite's rowid is its table's key; PostgreSQL's needs an index, or every page sorts
    the whole table (25 ms a claims page on 20,000 claims, the slowest reads under load)."""
    with Store(pg_url) as store:
        store.query("SELECT set_config(?, ?, false)", ("enable_seqscan", "off"))  # can an index, not: does it pay
        plan = " ".join(row[0] for row in store.query(
            f"EXPLAIN SELECT id FROM {table} t ORDER BY t.rowid DESC LIMIT ? OFFSET ?", (51, 0)))
    assert f"Index Scan Backward using {table}_rowid" in plan
