"""The ingest queue several processes share (store/jobs.py, 'claimgraph jobs').

Tests over ``db_url`` run on SQLite and on PostgreSQL (tests/conftest.py).
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import threading
from pathlib import Path

import pytest

import claimgraph
from claimgraph.export.json import export_json
from claimgraph.store import Store
from claimgraph.store.jobs import MAX_ATTEMPTS

SRC = str(Path(claimgraph.__file__).resolve().parents[1])


def test_queued_jobs_are_claimed_oldest_first_once_each(db_url):
    with Store(db_url) as store:
        assert store.enqueue_jobs(["c.txt", "a.txt", "b.txt"]) == 3
        assert store.enqueue_jobs(["a.txt", "d.txt"]) == 1  # a.txt was queued before
        first = store.claim_jobs("w1", 2)
        second = store.claim_jobs("w2", 10)
        assert [o for _, o in first] == ["a.txt", "b.txt"] and [o for _, o in second] == ["c.txt", "d.txt"]
        assert store.claim_jobs("w3", 10) == []
        assert store.job_counts() == {"running": 4}
        store.finish_jobs([job_id for job_id, _ in first])
        assert store.job_counts() == {"done": 2, "running": 2}


def test_a_failing_job_is_retried_then_left_failed(db_url):
    with Store(db_url) as store:
        store.enqueue_jobs(["bad.txt"])
        for _ in range(MAX_ATTEMPTS):
            [(job_id, _origin)] = store.claim_jobs("w", 1)
            store.finish_jobs([job_id], error="ValueError: broken")
        assert store.claim_jobs("w", 1) == []
        assert store.job_counts() == {"failed": 1}
        assert store.failed_jobs() == [("bad.txt", "ValueError: broken")]


def test_jobs_of_a_dead_worker_are_queued_again(db_url):
    with Store(db_url) as store:
        store.enqueue_jobs(["a.txt"])
        store.claim_jobs("died", 1)
        assert store.requeue_jobs("1970-01-01T00:00:00+00:00") == 0  # claimed after that: still running
        assert store.requeue_jobs("9999-01-01T00:00:00+00:00") == 1
        assert [o for _, o in store.claim_jobs("w", 1)] == ["a.txt"]


@pytest.mark.postgres
def test_postgresql_workers_claiming_at_once_skip_each_others_jobs(pg_url):
    """While one worker's claim is still open (its rows locked), another claims at once and
    gets the other jobs: FOR UPDATE SKIP LOCKED, no waiting, no job twice."""
    with Store(pg_url) as first, Store(pg_url) as second:
        first.enqueue_jobs(["a.txt", "b.txt", "c.txt"])
        got: list = []
        with first.transaction(rows_only=True):
            mine = first.claim_jobs("w1", 2)  # joins the open transaction: a.txt and b.txt stay locked
            other = threading.Thread(target=lambda: got.append(second.claim_jobs("w2", 3)))
            other.start()
            other.join(timeout=10)
            assert not other.is_alive(), "the second worker waited for the first one's locks"
        assert [o for _, o in mine] == ["a.txt", "b.txt"] and [o for _, o in got[0]] == ["c.txt"]
        assert first.job_counts() == {"running": 3}


def _claimgraph(db: str, *args: str) -> subprocess.Popen:
    env = {**os.environ, "PYTHONPATH": SRC + os.pathsep + os.environ.get("PYTHONPATH", ""), "CLAIMGRAPH_DB": db}
    return subprocess.Popen([sys.executable, "-m", "claimgraph.cli", *args], env=env, text=True,
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE)


def _finished(process: subprocess.Popen) -> str:
    out, err = process.communicate(timeout=300)
    assert process.returncode == 0, err[-2000:]
    return out


@pytest.mark.slow  # three processes that each load spaCy
@pytest.mark.postgres
def test_two_workers_at_once_link_the_events_of_a_sequential_ingest(pg_url, tmp_path):
    demo = str(claimgraph.demo_corpus())
    sequential = str(tmp_path / "sequential.db")
    _finished(_claimgraph(sequential, "ingest", demo))
    assert "queued 10 of 10 files" in _finished(_claimgraph(pg_url, "jobs", "add", demo))
    workers = [_claimgraph(pg_url, "jobs", "work", "--batch", "2", "--worker", name) for name in ("w1", "w2")]
    reports = [_finished(w) for w in workers]
    with Store(sequential) as alone, Store(pg_url) as shared:
        assert shared.job_counts() == {"done": 10}
        assert {r[0] for r in shared.query("SELECT worker FROM ingest_jobs")} == {"w1", "w2"}, reports
        want, got = export_json(alone), export_json(shared)
    assert got["documents"] == want["documents"] and got["claims"] == want["claims"]
    assert json.dumps(got["events"]) == json.dumps(want["events"])
    # which claims disagree is the same; the wording of a reason may count differently
    # when the link met the articles in another order
    assert [(x["id"], x["claim_ids"]) for x in got["contradictions"]] == \
        [(x["id"], x["claim_ids"]) for x in want["contradictions"]]
    assert [e["id"] for e in got["entities"]] == [e["id"] for e in want["entities"]]


@pytest.mark.postgres
def test_a_worker_whose_batch_a_server_restart_cut_short_reconnects_and_finishes(pg_url, pg_server, pipeline,
                                                                                tmp_path, monkeypatch):
    import psycopg

    from claimgraph.api import Claimgraph
    from claimgraph.settings import Settings

    for name, text in (("a.txt", "Drones struck a fuel depot in Odesa on Monday, officials said."),
                       ("b.txt", "Shelling hit a school in Kharkiv on Tuesday, the mayor said.")):
        (tmp_path / name).write_text(text, encoding="utf-8")
    cg = Claimgraph(settings=Settings(db=pg_url))
    cg._pipeline = pipeline  # the session's loaded spaCy
    write_batch, cut = cg.store.write_batch, []

    def cut_once(*args, **kwargs):  # what a restart does inside the batch's transaction
        if not cut:
            pid = cg.store.query("SELECT pg_backend_pid()")[0][0]
            with psycopg.connect(pg_server, autocommit=True) as admin:
                admin.execute("SELECT pg_terminate_backend(%s)", [pid])
            cut.append(pid)
        return write_batch(*args, **kwargs)

    monkeypatch.setattr(cg.store, "write_batch", cut_once)
    try:
        assert cg.queue([str(tmp_path)]) == (2, 2)
        report = cg.work("w", batch=2)
        assert cut and report.ingested == 2
        assert cg.store.job_counts() == {"done": 2}
        assert len(cg.store.documents()) == 2 and cg.store.unlinked_document_ids() == []
        # the pipeline ran the cut transaction again on a new connection (Store.retried): the
        # jobs were claimed once, not queued again
        assert cg.store.query("SELECT attempts FROM ingest_jobs") == [(1,), (1,)]
    finally:
        cg.close()
