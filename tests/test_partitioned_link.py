"""Linkers at once on PostgreSQL (link/partitions.py): disjoint partitions link side by side,
overlapping ones take turns, and either way the store ends as after one link after another.

Hand-made claims, no spaCy; all text here is invented.
"""

from __future__ import annotations

import threading
import time

import pytest

import claimgraph.link.partitions as partitions
from claimgraph.link.partitions import claim_partitions, link_documents, partition_lock
from claimgraph.settings import Settings
from claimgraph.store import Store
from claimgraph.store.dialect import LINK_LOCK_KEY, PARTITION_LOCK_SPACE

from test_incremental_link import add, events_by_claims, linker
from test_link import ENTITIES, claim, doc

pytestmark = pytest.mark.postgres

THRESHOLD = Settings().near_duplicate_threshold
TEXTS = {"d0": "Shelling was reported overnight in the eastern district, a regional official said.",
         "d1": "Rockets hit a bus depot near the northern bypass on Saturday, the mayor told reporters.",
         "d2": "Missile fragments fell on a farm outside the village, a police spokesman said on Sunday."}


def _store_with(url: str, base, new) -> None:
    """``base`` (documents, claims) linked by a full link, then ``new`` stored unlinked."""
    with Store(url) as store:
        store.add_entities(list(ENTITIES.values()))
        add(store, *base)
        linker().relink(store)
        add(store, *new)


def _one_after_another(tmp_path, base, new) -> tuple[dict, set]:
    """The events and contradictions of the single writer (SQLite) linking the new documents."""
    path = str(tmp_path / "sequential.db")
    _store_with(path, base, new)
    with Store(path) as store:
        linker().relink(store, full=False)
        return events_by_claims(store), {x.id for x in store.contradictions()}


def _link_at_once(url: str, document_ids: list[str], inside) -> None:
    """One connection per document (as one process each), all linking at the same time by
    partitions; ``inside(document_id)`` runs in each link while it holds its locks, before
    it writes."""
    import psycopg

    errors: list[BaseException] = []
    # another link at work (the link lock held shared), so none of them links alone
    other_linker = psycopg.connect(url, autocommit=True)
    other_linker.execute("SELECT pg_advisory_lock_shared(%s)", [LINK_LOCK_KEY])

    def link(document_id: str) -> None:
        try:
            with Store(url) as own:
                link_documents(own, [document_id], own.entities(), THRESHOLD)
        except BaseException as exc:  # reported by the test, not lost in the thread
            errors.append(exc)

    apply_link = partitions.apply_link

    def apply_inside(store, plan, ents):
        inside(plan.document_ids[0])
        return apply_link(store, plan, ents)

    partitions.apply_link = apply_inside
    try:
        threads = [threading.Thread(target=link, args=(d,)) for d in document_ids]
        for t in threads:
            t.start()
        for t in threads:
            t.join(60)
    finally:
        partitions.apply_link = apply_link
        other_linker.close()
    assert not errors, errors


def _assert_linked_one_after_the_other(url: str, document_ids: list[str]) -> None:
    inside: list[tuple[float, float]] = []

    def stay_a_while(_document):  # long enough for the other link to overlap, were it let in
        start = time.perf_counter()
        time.sleep(0.4)
        inside.append((start, time.perf_counter()))

    _link_at_once(url, document_ids, stay_a_while)
    first, second = sorted(inside)
    assert first[1] <= second[0], "the two links were inside at the same time"


def _partition_holders(url: str) -> set[int]:
    with Store(url) as observer:
        rows = observer.query("SELECT DISTINCT pid FROM pg_locks WHERE locktype = 'advisory' AND classid = ?"
                              " AND granted", (PARTITION_LOCK_SPACE,))
    return {r[0] for r in rows}


def test_linkers_of_disjoint_partitions_link_at_the_same_time(pg_url, tmp_path):
    base = ([doc("d0", "Morning Ledger", text=TEXTS["d0"])],
            [claim("x", "d0", day="2024-01-10", location=["place:kyiv-west"])])
    new = ([doc("d1", "Evening Courier", text=TEXTS["d1"]), doc("d2", "Noon Gazette", text=TEXTS["d2"])],
           [claim("y1", "d1", day="2024-03-02", location=["place:kharkiv"], actor=["gpe:russia"]),
            claim("y2", "d2", day="2024-05-20", location=["place:dnipro"], instrument=["weapon:oreshnik"])])
    _store_with(pg_url, base, new)
    holders: list[set[int]] = []
    # both links must be inside, locks held, at once: one waiting for the other never gets here
    both_inside = threading.Barrier(2, timeout=10, action=lambda: holders.append(_partition_holders(pg_url)))
    _link_at_once(pg_url, ["d1", "d2"], lambda _document: both_inside.wait())
    assert len(holders) == 1 and len(holders[0]) == 2, "two backends held partition locks at once"
    with Store(pg_url) as store:
        assert store.unlinked_document_ids() == []
        assert (events_by_claims(store), {x.id for x in store.contradictions()}) == \
            _one_after_another(tmp_path, base, new)


def test_an_event_both_read_makes_linkers_of_unrelated_claims_take_turns(pg_url, tmp_path):
    """The new articles name nothing in common (one a city, the other a missile), but the
    stored event holds a claim naming both: each link rebuilds it, so they must not overlap."""
    base = ([doc("d0", "Morning Ledger", text=TEXTS["d0"])],
            [claim("x", "d0", day="2024-03-02", location=["place:kharkiv"], instrument=["weapon:iskander-m"])])
    new = ([doc("d1", "Evening Courier", text=TEXTS["d1"]), doc("d2", "Noon Gazette", text=TEXTS["d2"])],
           [claim("y1", "d1", day="2024-03-02", location=["place:kharkiv"]),
            claim("y2", "d2", day="2024-03-02", instrument=["weapon:iskander-m"])])
    assert not claim_partitions(new[1][0]) & claim_partitions(new[1][1])
    _store_with(pg_url, base, new)
    _assert_linked_one_after_the_other(pg_url, ["d1", "d2"])
    with Store(pg_url) as store:
        holders = store.query("SELECT claim_id, COUNT(*) FROM event_claims GROUP BY claim_id ORDER BY claim_id")
        assert holders == [("x", 1), ("y1", 1), ("y2", 1)]
        assert (events_by_claims(store), {x.id for x in store.contradictions()}) == \
            _one_after_another(tmp_path, base, new)


def test_partition_locks_are_the_same_numbers_in_every_process():
    # not Python's hash(), which each process seeds anew: linkers in two processes would
    # lock different numbers for one partition and never wait for each other
    assert (partition_lock("entity:place:kharkiv"), partition_lock("band:3:17")) == (1792158257, 120966831)


def test_two_new_copies_of_one_story_linked_at_once_meet_as_copies(pg_url, tmp_path):
    """Their claims name nothing in common, but their texts share near-copy buckets: the
    second link waits for the first and finds the story it copies, as one after another."""
    from test_incremental_link import WIRE

    base = ([doc("d0", "Morning Ledger", text=TEXTS["d0"])],
            [claim("x", "d0", day="2024-01-10", location=["place:kyiv-west"])])
    new = ([doc("d1", "Evening Courier", published="2024-03-02", text=WIRE),
            doc("d2", "Noon Gazette", published="2024-03-03", text=WIRE + " Officials gave no figures.")],
           [claim("y1", "d1", day="2024-03-02", location=["place:kharkiv"]),
            claim("y2", "d2", day="2024-03-02", instrument=["weapon:iskander-m"])])
    _store_with(pg_url, base, new)
    _assert_linked_one_after_the_other(pg_url, ["d1", "d2"])
    with Store(pg_url) as store:
        assert store.document("d2").dup_of == "d1"
        assert events_by_claims(store) == _one_after_another(tmp_path, base, new)[0]
