"""The store: migrations, idempotent batches, queries, kill-safety.

Tests taking ``store``, ``filled`` or ``db_url`` run on SQLite and on PostgreSQL (tests/conftest.py).
"""

from __future__ import annotations

import os
import signal
import sqlite3
import subprocess
import sys
import textwrap
import threading
from pathlib import Path

import pytest

import claimgraph.store
from claimgraph.errors import SearchSyntaxError, StoreError
from claimgraph.model import Claim, Contradiction, Document, Entity, Event, Quantity, Reject, TimeSpan
from claimgraph.store import LATEST_VERSION, MIGRATIONS, Store, merge_entities

# The writer subprocess must import the same claimgraph as this test (installed or not).
SRC = str(Path(claimgraph.store.__file__).resolve().parents[2])
TEXT = "Rocket fire hit the port of Belzo on Sunday. The Kestrian army denied it fired any rockets."


def make_claim(cid="c1", doc="d1", start=0, end=44, **kw) -> Claim:
    return Claim(id=cid, document_id=doc, type=kw.pop("type", "ATTACK"), text=TEXT[start:end], start=start, end=end, **kw)


def sample_batch():
    doc = Document(id="d1", text=TEXT, path="in/belzo.txt", outlet="Belzo Post", published="2031-04-03",
                   language="en", raw_hash="raw1")
    entities = [
        Entity(id="gpe:belzo", name="Belzo", type="GPE", aliases=["Belzo port"], lat=45.1, lon=33.2),
        Entity(id="org:kestrian-army", name="Kestrian army", type="ORG", aliases=["army of Kestria"]),
        Entity(id="src:mayor", name="mayor of Belzo", type="SOURCE"),
    ]
    claims = [
        make_claim(
            "c1", roles={"target": ["gpe:belzo"], "location": ["gpe:belzo"]}, source="src:mayor",
            modality="reported", time=TimeSpan("2031-04-01", "2031-04-01", "on Sunday", "event"),
            quantities=[Quantity("at least eight", low=8, unit="people", of="killed", start=3, end=17)],
            trigger="hit", sentence=0,
        ),
        make_claim("c2", start=45, end=len(TEXT), type="DENY", polarity="denied",
                   roles={"actor": ["org:kestrian-army"]}, via=["src:mayor"], sentence=1),
    ]
    rejects = [Reject(origin="in/empty.txt", reason="empty", detail="0 characters", raw_hash="raw2")]
    inputs = [("raw1", "in/belzo.txt", "ingested", "d1"), ("raw2", "in/empty.txt", "rejected", None)]
    return [doc], claims, entities, rejects, inputs


@pytest.fixture
def store(db_url):
    with Store(db_url) as s:
        yield s


@pytest.fixture
def filled(store):
    store.write_batch(*sample_batch())
    return store


def test_store_opens_in_wal_mode_with_foreign_keys(tmp_path):
    with Store(str(tmp_path / "cg.db")) as store:
        assert store._conn.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
        assert store._conn.execute("PRAGMA foreign_keys").fetchone()[0] == 1


def test_store_migrations_are_recorded(store):
    recorded = store.migrations()
    assert [v for v, _, _ in recorded] == [m.version for m in MIGRATIONS]
    assert recorded[0][1] == "initial schema"
    assert all(applied for _, _, applied in recorded)
    assert store.schema_version() == LATEST_VERSION


def test_store_reopening_applies_nothing_twice(db_url):
    with Store(db_url) as first:
        stamps = first.migrations()
    with Store(db_url) as again:
        assert again.migrations() == stamps


def test_store_newer_schema_is_refused_with_a_clear_message(tmp_path):
    path = str(tmp_path / "cg.db")
    Store(path).close()
    conn = sqlite3.connect(path)
    conn.execute("INSERT INTO schema_migrations VALUES (?, 'from the future', '2099-01-01')", (LATEST_VERSION + 1,))
    conn.commit()
    conn.close()
    with pytest.raises(StoreError, match="newer claimgraph"):
        Store(path)


def test_store_not_a_database_is_a_store_error(tmp_path):
    path = tmp_path / "notes.db"
    path.write_bytes(b"this is not sqlite, just some text " * 200)
    with pytest.raises(StoreError, match="cannot open database"):
        Store(str(path))


def test_store_unreachable_path_is_a_store_error(tmp_path):
    with pytest.raises(StoreError, match="cannot open database"):
        Store(str(tmp_path / "no" / "such" / "dir" / "cg.db"))


def test_store_write_batch_roundtrips_claims_with_rebuilt_objects(filled):
    c1 = filled.claim("c1")
    assert isinstance(c1.time, TimeSpan) and c1.time.start == "2031-04-01" and c1.time.basis == "event"
    assert isinstance(c1.quantities[0], Quantity)
    assert (c1.quantities[0].low, c1.quantities[0].of, c1.quantities[0].start) == (8, "killed", 3)
    assert c1.roles["target"] == ["gpe:belzo"] and c1.roles["actor"] == []
    assert set(c1.roles) >= {"actor", "target", "instrument", "location", "recipient", "subject"}
    assert (c1.source, c1.modality, c1.trigger) == ("src:mayor", "reported", "hit")
    c2 = filled.claim("c2")
    assert (c2.polarity, c2.via, c2.sentence) == ("denied", ["src:mayor"], 1)
    assert TEXT[c2.start:c2.end] == c2.text
    assert filled.claim("nope") is None


def test_store_document_roundtrip(filled):
    doc = filled.document("d1")
    assert doc == sample_batch()[0][0]
    assert [d.id for d in filled.documents()] == ["d1"]
    assert filled.document("missing") is None


def test_store_write_batch_twice_changes_no_counts(filled):
    before = filled.counts()
    filled.write_batch(*sample_batch())
    assert filled.counts() == before
    assert before == {"inputs": 2, "documents": 1, "entities": 3, "claims": 2, "events": 0,
                      "contradictions": 0, "rejects": 1}


def test_store_has_input_after_commit(filled):
    assert filled.has_input("raw1") and filled.has_input("raw2")
    assert not filled.has_input("raw3")
    assert filled.known_inputs(["raw1", "raw3", "raw2"]) == {"raw1", "raw2"}


def test_store_batch_is_all_or_nothing(store):
    docs, claims, entities, rejects, inputs = sample_batch()
    orphan = make_claim("c9", doc="no-such-document")
    with pytest.raises(StoreError):
        store.write_batch(docs, claims + [orphan], entities, rejects, inputs)
    assert store.counts() == dict.fromkeys(store.counts(), 0)
    assert not store.has_input("raw1")


def test_store_bad_input_status_is_refused(store):
    with pytest.raises(StoreError, match="status"):
        store.write_batch([], [], [], [], [("h", "o", "maybe", None)])


def test_store_entity_upsert_merges_aliases_and_keeps_coordinates(filled):
    filled.write_batch([], [], [Entity(id="gpe:belzo", name="Belzo", type="GPE", aliases=["Belso", "Belzo port"])], [], [])
    belzo = filled.entity("gpe:belzo")
    assert belzo.aliases == ["Belso", "Belzo port"]
    assert (belzo.lat, belzo.lon) == (45.1, 33.2)


def test_store_entity_upsert_new_coordinates_replace_old(filled):
    filled.add_entities([Entity(id="gpe:belzo", name="Belzo", type="GPE", lat=46.0, lon=34.0)])
    assert (filled.entity("gpe:belzo").lat, filled.entity("gpe:belzo").lon) == (46.0, 34.0)


def test_store_entity_duplicates_within_one_batch_are_merged(store):
    store.add_entities([
        Entity(id="w:x", name="X-9", type="WEAPON", aliases=["X9"], attrs={"class": "missile"}),
        Entity(id="w:x", name="X-9", type="WEAPON", aliases=["Ex-nine"], attrs={"origin": "KE"}),
    ])
    x = store.entity("w:x")
    assert x.aliases == ["Ex-nine", "X9"]
    assert x.attrs == {"class": "missile", "origin": "KE"}


def test_store_merge_entities_keeps_old_name_as_alias():
    merged = merge_entities(Entity("e", "Kiev", "GPE"), Entity("e", "Kyiv", "GPE", ["Kyiv city"]))
    assert merged.name == "Kyiv"
    assert merged.aliases == ["Kiev", "Kyiv city"]


@pytest.mark.parametrize(
    "needle, expected",
    [
        ("gpe:belzo", ["c1"]),          # an id
        ("KESTRIAN ARMY", ["c2"]),      # a name, any case
        ("belzo", ["c1", "c2"]),        # part of a name: the place (c1) and the mayor of Belzo (via, c2)
        ("port", ["c1"]),               # part of an alias
        ("army of kestria", ["c2"]),    # an alias of the actor
        ("mayor", ["c1", "c2"]),        # as source (c1) and as via (c2)
        ("nobody", []),
    ],
)
def test_store_claims_by_entity_name_substring(filled, needle, expected):
    assert [c.id for c in filled.claims(entity=needle)] == expected


def test_store_claims_filters_combine(filled):
    assert [c.id for c in filled.claims(type="attack")] == ["c1"]
    assert [c.id for c in filled.claims(type="DENY", entity="mayor")] == ["c2"]
    assert [c.id for c in filled.claims(document="d1", limit=1)] == ["c1"]
    assert filled.claims(document="other") == []


def test_store_claims_in_document_order(store):
    docs = [Document(id=f"d{i}", text=TEXT, path=f"in/{name}.txt") for i, name in enumerate(["b", "a"])]
    claims = [make_claim(f"x{i}", doc=doc.id, start=s, end=s + 10) for i, (doc, s) in
              enumerate([(docs[0], 20), (docs[0], 0), (docs[1], 5)])]
    store.write_batch(docs, claims, [], [], [])
    # Path "in/a.txt" (d1) comes first, then d0's claims by offset.
    assert [c.id for c in store.claims()] == ["x2", "x1", "x0"]


def test_store_rejects_recorded_once(store):
    reject = Reject(origin="in/bin.dat", reason="binary", detail="NUL bytes", raw_hash="rb")
    store.add_rejects([reject])
    store.add_rejects([reject])
    assert store.rejects() == [reject]
    assert store.counts()["rejects"] == 1


def test_store_replace_links_rewrites_events_and_contradictions(filled):
    event = Event(id="e1", type="ATTACK", claim_ids=["c2", "c1"], document_ids=["d1"],
                  time=TimeSpan("2031-04-01", "2031-04-01"), roles={"target": ["gpe:belzo"]},
                  sources=["src:mayor"], independent_sources=1, label="Belzo port strike")
    contra = Contradiction(id="x1", kind="polarity", claim_ids=["c1", "c2"], about="Belzo strike",
                           reason="asserted vs denied")
    filled.replace_links([event], [contra])
    got = filled.event("e1")
    assert got.claim_ids == ["c2", "c1"]  # order kept
    assert (got.sources, got.independent_sources, got.label) == (["src:mayor"], 1, "Belzo port strike")
    assert got.roles["target"] == ["gpe:belzo"]
    assert filled.contradictions() == [contra]
    assert filled.events_of_claim("c1") == ["e1"]
    filled.replace_links([], [])
    assert filled.events() == [] and filled.contradictions() == [] and filled.event("e1") is None


def test_store_events_filter_by_type(filled):
    events = [
        Event(id=f"e{i}", type=t, claim_ids=["c1"], document_ids=["d1"], time=TimeSpan(), roles={},
              sources=[], independent_sources=0)
        for i, t in enumerate(["ATTACK", "DENY"])
    ]
    filled.replace_links(events, [])
    assert [e.id for e in filled.events(type="deny")] == ["e1"]
    assert [e.claim_ids for e in filled.events()] == [["c1"], ["c1"]]


def test_store_replace_links_unknown_claim_fails_and_keeps_old_links(filled):
    good = Event(id="e1", type="ATTACK", claim_ids=["c1"], document_ids=["d1"], time=TimeSpan(), roles={},
                 sources=[], independent_sources=1)
    filled.replace_links([good], [])
    bad = Event(id="e2", type="ATTACK", claim_ids=["ghost"], document_ids=["d1"], time=TimeSpan(), roles={},
                sources=[], independent_sources=1)
    with pytest.raises(StoreError):
        filled.replace_links([bad], [])
    assert [e.id for e in filled.events()] == ["e1"]


def test_store_full_text_search(filled):
    assert [d.id for d in filled.search("rockets")] == ["d1"]
    assert filled.search("submarine") == []


def test_store_full_text_query_fts5_cannot_parse_is_the_callers_error(tmp_path):
    with Store(str(tmp_path / "cg.db")) as store:
        store.write_batch(*sample_batch())
        with pytest.raises(SearchSyntaxError, match="cannot search for") as caught:
            store.search('"unbalanced')
    assert not isinstance(caught.value, StoreError)  # the query is wrong, not the database


def test_store_is_usable_from_threads(filled):
    results = []

    def read():
        results.append(len(filled.claims(entity="belzo")))

    threads = [threading.Thread(target=read) for _ in range(8)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert results == [2] * 8


# -- kill-safety ------------------------------------------------------------------

WRITER = textwrap.dedent(
    """
    import sys
    from claimgraph.model import Claim, Document
    from claimgraph.store import Store

    path, batches, per_batch = sys.argv[1], int(sys.argv[2]), int(sys.argv[3])
    text = "Shells fell on the depot. " * 20
    with Store(path) as store:
        for b in range(batches):
            raw = f"raw{b}"
            if store.has_input(raw):
                continue
            doc = Document(id=f"d{b}", text=text, raw_hash=raw)
            claims = [Claim(id=f"d{b}c{i}", document_id=doc.id, type="ATTACK", text=text[0:25], start=0, end=25)
                      for i in range(per_batch)]
            store.write_batch([doc], claims, [], [], [(raw, f"in/{b}.txt", "ingested", doc.id)])
            print(b, flush=True)
    """
)


def run_writer(path, batches, per_batch, **popen):
    env = {**os.environ, "PYTHONPATH": SRC + os.pathsep + os.environ.get("PYTHONPATH", "")}
    return subprocess.Popen(
        [sys.executable, "-c", WRITER, path, str(batches), str(per_batch)],
        env=env, stdout=subprocess.PIPE, text=True, **popen,
    )


def assert_batches_complete(path, per_batch):
    with Store(path) as s:
        docs = {d.id for d in s.documents()}
        inputs = {row[0] for row in s.inputs()}
        claims_per_doc: dict[str, int] = {}
        for c in s.claims():
            claims_per_doc[c.document_id] = claims_per_doc.get(c.document_id, 0) + 1
        assert inputs == {f"raw{d[1:]}" for d in docs}
        assert all(claims_per_doc.get(d) == per_batch for d in docs), "a batch was half-written"
        return len(docs)


@pytest.mark.slow  # kill
def test_store_sigkill_mid_batches_loses_nothing_committed(tmp_path):
    path, batches, per_batch = str(tmp_path / "kill.db"), 40, 200
    writer = run_writer(path, batches, per_batch)
    committed = -1
    # Wait for a few commits, then kill at once: the next batch is in flight.
    while committed < 5:
        line = writer.stdout.readline()
        assert line, "writer ended early"
        committed = int(line)
    writer.send_signal(signal.SIGKILL)
    writer.wait(timeout=10)
    assert writer.returncode == -signal.SIGKILL

    survived = assert_batches_complete(path, per_batch)
    assert committed + 1 <= survived < batches

    rest = run_writer(path, batches, per_batch)
    out, _ = rest.communicate(timeout=120)
    assert rest.returncode == 0
    # The resumed run skipped the committed batches and wrote only the others.
    assert len(out.split()) == batches - survived
    assert assert_batches_complete(path, per_batch) == batches


class DiedBetweenWrites(BaseException):
    """What a SIGKILL between two statements leaves: nothing after it runs, nothing is committed."""


def test_a_batch_and_its_place_mentions_commit_together_or_not_at_all(store, monkeypatch):
    """Killed between the batch and its place mentions, the documents stood as ingested,
    so a resume skipped them and their places were never stored (scripts/kill_resume.py)."""
    from claimgraph.pipeline import Batch, IngestReport, Pipeline
    from claimgraph.settings import Settings

    pipeline = Pipeline(Settings(db=":memory:"))
    pipeline._geoparser = object()  # geoparsing on; the mentions are already found
    doc, claims, entities, rejects, inputs = sample_batch()
    mention = {"start": 19, "end": 24, "text": "Belzo", "name": "Belzo", "place_id": "gpe:belzo",
               "lat": 45.1, "lon": 33.2, "source": "gazetteer"}
    pipeline.place_mentions = {"d1": [mention]}
    monkeypatch.setattr(pipeline, "extract", lambda docs, report=None: (claims, {e.id: e for e in entities}))

    def die(_mentions):
        raise DiedBetweenWrites

    monkeypatch.setattr(store, "write_place_mentions", die)
    with pytest.raises(DiedBetweenWrites):
        pipeline._flush(store, Batch([doc[0]], rejects, inputs), IngestReport())
    assert store.documents() == [] and not store.has_input("raw1"), "the batch committed without its places"

    monkeypatch.undo()
    pipeline.place_mentions = {"d1": [mention]}
    monkeypatch.setattr(pipeline, "extract", lambda docs, report=None: (claims, {e.id: e for e in entities}))
    pipeline._flush(store, Batch([doc[0]], rejects, inputs), IngestReport())
    assert [d.id for d in store.documents()] == ["d1"]
    assert [m["text"] for m in store.place_mentions("d1")] == ["Belzo"]


def test_store_replace_links_records_near_copies(db_url):
    from claimgraph.model import Document
    from claimgraph.store.db import Store

    with Store(db_url) as store:
        docs = [Document(id=i, text=f"text {i}") for i in ("a", "b", "c")]
        store.write_batch(docs, [], [], [], [])
        store.replace_links([], [], near_copies={"a": "a", "b": "a", "c": "c"})
        assert [store.document(i).dup_of for i in ("a", "b", "c")] == [None, "a", None]
        store.replace_links([], [], near_copies={"a": "a", "b": "b", "c": "c"})
        assert store.document("b").dup_of is None


def test_store_snapshot_reads_one_moment_while_another_connection_writes(db_url):
    with Store(db_url) as reader, Store(db_url) as writer:
        writer.write_batch([Document(id="d1", text="One.")], [], [], [], [])
        with reader.snapshot():
            before = reader.counts()["documents"]
            writer.write_batch([Document(id="d2", text="Two.")], [], [], [], [])
            assert reader.counts()["documents"] == before == 1
        assert reader.counts()["documents"] == 2
