"""The incremental link: an ingest into a linked store relinks only around its new articles.

Hand-made claims (no spaCy) for the rules; the demo corpus, ingested one article at a
time, for the claim that incremental and full links agree. All text here is invented.
"""

from __future__ import annotations

import sqlite3

import pytest

import claimgraph
from claimgraph.ingest.sources import iter_inputs
from claimgraph.link.incremental import claim_window, link_new_documents
from claimgraph.model import Quantity
from claimgraph.pipeline import IngestReport, Pipeline
from claimgraph.settings import Settings
from claimgraph.store import Store
from claimgraph.store.migrations import LATEST_VERSION

from test_link import ENTITIES, claim, doc

WIRE = ("Drones struck a grain terminal near the river port before dawn on Saturday, setting two warehouses "
        "on fire, the regional administration said. Firefighters worked through the morning and no casualties "
        "were reported, according to the head of the administration, who added that air defence units had shot "
        "down most of the incoming drones over the sea before they reached the coast.")


@pytest.fixture
def store(db_url):  # on SQLite, then on PostgreSQL (tests/conftest.py)
    with Store(db_url) as s:
        s.add_entities(list(ENTITIES.values()))
        yield s


def linker() -> Pipeline:
    return Pipeline(Settings(db=":memory:"))  # link needs no spaCy: nothing here loads it


def add(store: Store, docs, claims) -> None:
    store.write_batch(docs, claims, [], [], [])


def events_by_claims(store: Store) -> dict[tuple[str, ...], int]:
    return {tuple(e.claim_ids): e.independent_sources for e in store.events()}


def test_first_link_is_full_then_incremental(store):
    add(store, [doc("d1", "Morning Ledger")], [claim("a1", "d1", day="2024-03-02", location=["place:kharkiv"])])
    report_1 = _relink(store)
    add(store, [doc("d2", "Evening Courier")], [claim("b1", "d2", day="2024-03-02", location=["place:kharkiv"])])
    report_2 = _relink(store, incremental=True)
    assert (report_1, report_2) == ("full", "incremental")
    # the new claim joined the stored event, and the two outlets count as two sources
    assert events_by_claims(store) == {("a1", "b1"): 2}
    assert store.unlinked_document_ids() == []


def _relink(store: Store, *, incremental: bool = False) -> str:
    report = IngestReport()
    # in a store this small any new document is a large share, which would link everything
    linker().relink(store, report, full=False if incremental else None)
    return report.link_mode


def test_incremental_link_keeps_far_events_untouched(store):
    add(store, [doc("d1", "Morning Ledger"), doc("d2", "Morning Ledger")],
        [claim("a1", "d1", day="2024-03-02", location=["place:kharkiv"]),
         claim("a2", "d2", day="2024-06-20", location=["place:kharkiv"])])
    _relink(store)
    add(store, [doc("d3", "Evening Courier")], [claim("b1", "d3", day="2024-06-20", location=["place:kharkiv"])])
    delta = link_new_documents(store, ["d3"], store.entities(), 0.7)
    # March is outside June's window: it was never read, and its event is as it was
    assert delta.scope_claims == 2
    assert events_by_claims(store) == {("a1",): 1, ("a2", "b1"): 2}


def test_a_late_denial_contradicts_a_claim_outside_the_window(store):
    add(store, [doc("d1", "Morning Ledger"), doc("d2", "Morning Ledger")],
        [claim("a1", "d1", "TRANSFER", day="2023-01-10", source="person:penwick",
               actor=["gpe:north-korea"], recipient=["gpe:russia"], instrument=["weapon:kn-23"]),
         claim("x1", "d2", day="2023-01-11", location=["place:dnipro"])])
    _relink(store)
    add(store, [doc("d3", "Evening Courier", published="2024-05-01")],
        [claim("n1", "d3", "TRANSFER", day="2024-05-01", basis="report", polarity="denied",
               source="gpe:north-korea", actor=["gpe:north-korea"], recipient=["place:moscow"])])
    _relink(store, incremental=True)
    kinds = {(x.kind, tuple(x.claim_ids)) for x in store.contradictions()}
    assert ("polarity", ("a1", "n1")) in kinds


@pytest.mark.parametrize("incremental", [False, True])
def test_the_first_link_names_a_publisher_as_a_relink_does(store, incremental):
    """A document without an outlet is its own source, "the publisher of <title>". The first
    link named it by its bare id and a relink by that name: an ingest killed after the names
    were stored and resumed exported other contradiction reasons (scripts/kill_resume.py)."""
    add(store, [doc("d1", "Morning Ledger")],
        [claim("a0", "d1", day="2024-03-01", location=["place:dnipro"])])
    _relink(store)
    untitled = doc("d2")  # no outlet, no title: named after its id
    add(store, [untitled, doc("d3", "Evening Courier")],
        [claim("a1", "d2", day="2024-03-02", location=["place:kharkiv"], actor=["place:moscow"]),
         claim("n1", "d3", day="2024-03-02", polarity="denied", source="place:moscow",
               location=["place:kharkiv"], actor=["place:moscow"])])
    _relink(store, incremental=incremental)
    first = sorted((x.id, x.reason) for x in store.contradictions())
    assert first and all("the publisher of d2" in reason for _, reason in first), first
    linker().relink(store, full=True)
    assert sorted((x.id, x.reason) for x in store.contradictions()) == first


def test_a_syndicated_copy_ingested_later_adds_no_source(store):
    add(store, [doc("wire", "Global Wire", "2024-03-02", WIRE), doc("else", "Town Herald", "2024-03-02")],
        [claim("w1", "wire", day="2024-03-02", location=["place:kharkiv"]),
         claim("e1", "else", day="2024-03-09", location=["place:dnipro"])])
    _relink(store)
    add(store, [doc("copy", "Town Herald", "2024-03-03", "Updated. " + WIRE + " Share this story.")],
        [claim("c1", "copy", day="2024-03-02", location=["place:kharkiv"])])
    _relink(store, incremental=True)
    assert store.document("copy").dup_of == "wire"
    assert events_by_claims(store)[("c1", "w1")] == 1


def test_links_after_a_kill_between_store_and_link(store):
    """Claims committed without their link (a kill in between) are linked by the next run."""
    add(store, [doc("d1", "Morning Ledger")], [claim("a1", "d1", day="2024-03-02", location=["place:kharkiv"])])
    _relink(store)
    add(store, [doc("d2", "Evening Courier")], [claim("b1", "d2", day="2024-03-02", location=["place:kharkiv"])])
    assert store.unlinked_document_ids() == ["d2"]
    report = linker().ingest_items(store, [])  # nothing new to read, but something to link
    assert report.link_mode is not None
    assert store.unlinked_document_ids() == []
    assert events_by_claims(store) == {("a1", "b1"): 2}


def test_lookup_tables_follow_the_links(store):
    add(store, [doc("d1", "Morning Ledger")],
        [claim("p1", "d1", "PROPERTY", attribute="range", subject=["weapon:kn-23"], quantities=[_km(300)]),
         claim("a1", "d1", day="2024-03-02", actor=["place:moscow"], location=["place:kharkiv"])])
    _relink(store)
    add(store, [doc("d2", "Evening Courier")],
        [claim("p2", "d2", "PROPERTY", attribute="range", subject=["weapon:kn-23"], quantities=[_km(900)])])
    _relink(store, incremental=True)
    (x,) = store.contradictions()
    assert x.claim_ids == ["p1", "p2"]
    assert [c.id for c in store.contradictions_touching(["p2"])] == [x.id]
    rows = store._query("SELECT role, entity_id FROM event_entities ORDER BY role, entity_id")
    # the party as its state, and the outlet speaking in its own voice as the source
    assert rows == [("actor", "gpe:russia"), ("location", "place:kharkiv"), ("source", "outlet:morning-ledger")]


def _km(value: float) -> Quantity:
    return Quantity(value=value, low=value, high=value, unit="km", of="range", text=f"{value:g} km")


def test_claim_window_reaches_a_week_either_side():
    assert claim_window(claim("a", "d", day="2024-03-02")) == ("2024-02-24", "2024-03-09")
    assert claim_window(claim("a", "d", day="2024-03-02", basis="report")) == ("2024-02-24", "2024-03-09")
    assert claim_window(claim("a", "d")) is None
    assert claim_window(claim("a", "d", day="not a date")) is None


def test_migration_fills_lookup_tables_of_an_older_database(tmp_path):
    path = tmp_path / "old.db"
    with Store(str(path)) as s:
        s.add_entities(list(ENTITIES.values()))
        add(s, [doc("d1", "Morning Ledger")], [claim("a1", "d1", day="2024-03-02", location=["place:kharkiv"])])
        _relink(s)
    conn = sqlite3.connect(path)
    # what a version-4 database looks like: links in JSON only, no lookup rows, no claim types
    conn.executescript("DELETE FROM event_entities; DROP INDEX claim_entities_entity_type;"
                       " DROP INDEX claims_type_confidence;"
                       " ALTER TABLE claim_entities DROP COLUMN claim_type; DROP TABLE event_successors;"
                       " ALTER TABLE contradictions DROP COLUMN details; ALTER TABLE claims DROP COLUMN confidence;"
                       " DROP TABLE place_mentions; DROP TABLE ingest_jobs;"
                       " DELETE FROM schema_migrations WHERE version >= 5;")
    conn.close()
    with Store(str(path)) as s:
        assert s.schema_version() == LATEST_VERSION
        assert s._query("SELECT role, entity_id FROM event_entities ORDER BY role") == [
            ("location", "place:kharkiv"), ("source", "outlet:morning-ledger")]
        assert s._query("SELECT DISTINCT claim_type FROM claim_entities") == [("ATTACK",)]


# ---------------------------------------------------------------- end to end, with spaCy


@pytest.mark.slow  # end to end: eleven ingests
def test_demo_one_article_at_a_time_links_as_one_shot(tmp_path, pipeline):
    """Incremental links after each article give the events, source counts and
    contradictions of one full link over the whole corpus."""
    corpus = str(claimgraph.demo_corpus())
    with Store(str(tmp_path / "full.db")) as full:
        pipeline.ingest_paths(full, [corpus])
        expected_events = events_by_claims(full)
        expected_cx = {x.id for x in full.contradictions()}
    modes = []
    with Store(str(tmp_path / "inc.db")) as inc:
        for item in iter_inputs([corpus]):
            pipeline.ingest_items(inc, [item], relink=False)
            pipeline.relink(inc, report := IngestReport(), full=None if not modes else False)
            modes.append(report.link_mode)
        assert modes[0] == "full" and set(modes[1:]) == {"incremental"}
        assert events_by_claims(inc) == expected_events
        assert {x.id for x in inc.contradictions()} == expected_cx


def test_cli_relink_recomputes_everything(tmp_path):
    from click.testing import CliRunner

    from claimgraph.cli import main

    db = str(tmp_path / "r.db")
    with Store(db) as s:
        s.add_entities(list(ENTITIES.values()))
        add(s, [doc("d1", "Morning Ledger"), doc("d2", "Evening Courier")],
            [claim("a1", "d1", day="2024-03-02", location=["place:kharkiv"]),
             claim("b1", "d2", day="2024-03-02", location=["place:kharkiv"])])
    result = CliRunner().invoke(main, ["--db", db, "relink"])
    assert result.exit_code == 0, result.output
    assert result.output.strip() == "1 events, 0 contradictions"
    with Store(db) as s:
        assert events_by_claims(s) == {("a1", "b1"): 2}


def _denial_store(store: Store) -> None:
    """23 attacks by one side, each on its own day, and one four years older."""
    docs = [doc("old", "Morning Ledger", published="2020-05-01")]
    claims = [claim("a00", "old", day="2020-05-01", source="person:penwick", actor=["gpe:russia"])]
    for day in range(1, 24):
        docs.append(doc(f"d{day:02d}", "Morning Ledger", published=f"2024-06-{day:02d}"))
        claims.append(claim(f"a{day:02d}", f"d{day:02d}", day=f"2024-06-{day:02d}", source="person:penwick",
                            actor=["gpe:russia"]))
    add(store, docs, claims)


def _denial(store: Store) -> None:
    add(store, [doc("den", "Evening Courier", published="2024-06-25")],
        [claim("n1", "den", polarity="denied", source="person:dravik", actor=["place:moscow"])])


def test_a_denial_answers_the_nearest_claims_first(store):
    _denial_store(store)
    _denial(store)
    _relink(store)
    targets = sorted(c for x in store.contradictions() for c in x.claim_ids if c != "n1")
    # twenty at most, the latest first: the undated denial counts by its article's date
    assert targets == [f"a{day:02d}" for day in range(4, 24)]


def test_incremental_denial_reads_a_window_and_finds_what_a_full_link_finds(store, monkeypatch):
    import claimgraph.link.incremental as incremental

    _denial_store(store)
    _relink(store)
    _denial(store)
    read: list[str | None] = []
    naming = store.claim_ids_naming

    def spy(*args, **kwargs):
        read.append(kwargs.get("since"))
        return naming(*args, **kwargs)

    monkeypatch.setattr(store, "claim_ids_naming", spy)
    _relink(store, incremental=True)
    targets = sorted(c for x in store.contradictions() for c in x.claim_ids if c != "n1")
    assert targets == [f"a{day:02d}" for day in range(4, 24)]
    # a month either side of the denial held twenty as good as any: nothing older was read
    assert read == ["2024-05-25"]
    assert incremental.DENIAL_RADII[0] == 31


@pytest.mark.slow  # two processes
def test_two_processes_linking_at_once_build_each_event_once(tmp_path, monkeypatch):
    """Two connections (as two processes would) link at once, one of them seeing a newer
    document as well: the write lock makes the second wait and link only what is left, so
    no claim ends up in two events."""
    import threading

    import claimgraph.link.incremental as incremental

    path = str(tmp_path / "shared.db")
    with Store(path) as store:
        store.add_entities(list(ENTITIES.values()))
        add(store, [doc("d1", "Morning Ledger")], [claim("a1", "d1", day="2024-03-02", location=["place:kharkiv"])])
        _relink(store)
        add(store, [doc("d2", "Evening Courier"), doc("d3", "Noon Gazette")],
            [claim("b1", "d2", day="2024-03-02", location=["place:kharkiv"]),
             claim("c1", "d3", day="2024-03-02", location=["place:kharkiv"])])
    both_inside = threading.Barrier(2, timeout=2)
    attach = incremental.attach_near_copies

    def attach_together(*args, **kwargs):
        try:
            both_inside.wait()  # without the lock both would have read the store by now
        except threading.BrokenBarrierError:
            pass
        return attach(*args, **kwargs)

    monkeypatch.setattr(incremental, "attach_near_copies", attach_together)

    class Earlier(Store):
        """A process that started before d3 was stored."""

        def unlinked_document_ids(self):
            return [d for d in super().unlinked_document_ids() if d != "d3"]

    def link_once(store_class):
        with store_class(path) as own:
            linker().relink(own, full=False)

    threads = [threading.Thread(target=link_once, args=(cls,)) for cls in (Earlier, Store)]
    for t in threads:
        t.start()
    for t in threads:
        t.join(30)
    with Store(path) as store:
        holders = store._query("SELECT claim_id, COUNT(*) FROM event_claims GROUP BY claim_id ORDER BY claim_id")
        assert holders == [("a1", 1), ("b1", 1), ("c1", 1)]
        assert store.unlinked_document_ids() == []


def test_stored_events_read_back_together_merge_only_through_a_new_group():
    """Two stored events kept apart when the later was linked stay apart when a later,
    unrelated ingest reads both back: merged, their roles would agree on more than either
    part did, and the events would depend on how the input was batched."""
    from claimgraph.link.compare import Entities
    from claimgraph.link.events import group_across_documents, group_of_claim, group_of_claims

    ents = Entities(ENTITIES)
    briefed = claim("f1", "d1", day="2024-03-02", source="person:penwick", location=["place:kharkiv"])
    named = claim("a1", "d2", day="2024-03-02", source="person:penwick", actor=["gpe:russia"])
    report = claim("e1", "d3", day="2024-03-03", basis="report", location=["place:kharkiv"], actor=["gpe:russia"])
    one_run = group_across_documents([group_of_claim(c, ents) for c in (briefed, named, report)], ents)
    assert sorted(sorted(c.id for c in g.claims) for g in one_run) == [["a1", "f1"], ["e1"]]
    stored = [group_of_claims([briefed, named], ents), group_of_claim(report, ents)]
    assert len(group_across_documents(stored, ents)) == 1  # what the read-back used to do
    assert len(group_across_documents(stored, ents, settled={g.gid for g in stored})) == 2


@pytest.mark.parametrize("denial_first", [False, True])
def test_a_denial_joins_its_event_in_an_incremental_link_as_in_a_full_one(store, denial_first):
    asserted = (doc("d1", "Morning Ledger"), claim("a1", "d1", day="2024-03-02", source="person:penwick",
                                                     actor=["gpe:russia"], location=["place:kharkiv"]))
    denial = (doc("d2", "Evening Courier"), claim("n1", "d2", day="2024-03-02", source="gpe:russia",
                                                    actor=["gpe:russia"], location=["place:kharkiv"],
                                                    polarity="denied"))
    first, second = (denial, asserted) if denial_first else (asserted, denial)
    add(store, [first[0]], [first[1]])
    _relink(store)
    add(store, [second[0]], [second[1]])
    assert _relink(store, incremental=True) == "incremental"
    assert events_by_claims(store) == {("a1", "n1"): 1}
    _relink(store)  # a full relink finds the same
    assert events_by_claims(store) == {("a1", "n1"): 1}
