"""``ingest --engine ray``: the same export with 1 worker, with 2 and in process; bad input is a
recorded reject on the workers too; a second run resumes.

Ray starts once for the module, on 127.0.0.1 without the dashboard, and its actors load once. The batch size is 3
so the demo corpus makes several batches, spread over both workers: the entity resolver learns
from one batch to the next ("analysts" said in one article, "Analysts" in a later one), and a
worker that did not hand its resolver on gives another export.
"""

from __future__ import annotations

import json
import logging
import shutil

import pytest

import claimgraph
from claimgraph.export.json import export_json
from claimgraph.ingest.sources import iter_inputs
from claimgraph.pipeline import Pipeline
from claimgraph.settings import Settings
from claimgraph.store import Store

pytestmark = pytest.mark.slow
BATCH = 3


@pytest.fixture(scope="module")
def ray_local():
    from claimgraph.rayengine import loopback_only

    loopback_only()
    ray = pytest.importorskip("ray", reason="the Ray engine needs the 'ray' extra")
    # logical CPUs: the two pools below and the CLI's own worker share the machine's two cores
    ray.init(address="local", num_cpus=4, include_dashboard=False, _node_ip_address="127.0.0.1",
             logging_level=logging.WARNING, log_to_driver=False)
    yield ray
    ray.shutdown()


@pytest.fixture(scope="module")
def pools(ray_local):
    """Actors of 1 and of 2 workers, loaded once and used by every ingest here: each run
    starts from what its store holds, not from what an earlier run taught the actors."""
    from claimgraph.rayengine import WorkerPool

    settings = Settings(db=":memory:", batch_size=BATCH)
    with WorkerPool(settings, 1) as one, WorkerPool(settings, 2) as two:
        yield {1: one, 2: two}


def ray_ingest(db: str, paths: list[str], pool):
    from claimgraph.rayengine import ingest_with_ray

    settings = Settings(db=db, batch_size=BATCH)
    with Store(db) as store:
        report = ingest_with_ray(store, settings, iter_inputs(paths, max_bytes=settings.max_bytes), pool=pool)
        return report, export_text(store)


def export_text(store) -> str:
    return json.dumps(export_json(store), sort_keys=True)


@pytest.fixture(scope="module")
def demo_paths() -> list[str]:
    return [str(claimgraph.demo_corpus())]


@pytest.fixture(scope="module")
def in_process_export(tmp_path_factory, demo_paths) -> str:
    """The default engine's export, from a pipeline of its own (the session's has learned
    names from other tests)."""
    db = str(tmp_path_factory.mktemp("local") / "local.db")
    with Store(db) as store:
        Pipeline(Settings(db=db, batch_size=BATCH)).ingest_paths(store, demo_paths)
        return export_text(store)


def test_one_worker_exports_what_the_in_process_engine_does(pools, tmp_path, demo_paths, in_process_export):
    report, exported = ray_ingest(str(tmp_path / "ray1.db"), demo_paths, pools[1])
    assert report.ingested == 11 and report.claims > 50 and report.events > 10
    assert exported == in_process_export


@pytest.mark.parametrize("backend", ["sqlite", pytest.param("postgresql", marks=pytest.mark.postgres)])
def test_two_workers_export_the_same(pools, request, tmp_path, demo_paths, in_process_export, backend):
    db = str(tmp_path / "ray2.db") if backend == "sqlite" else request.getfixturevalue("pg_url")
    report, exported = ray_ingest(db, demo_paths, pools[2])
    assert report.ingested == 11 and report.contradictions > 0
    assert exported == in_process_export


def test_bad_input_is_a_recorded_reject_and_the_batch_goes_on(pools, tmp_path, demo_paths):
    folder = tmp_path / "mixed"
    shutil.copytree(demo_paths[0], folder)
    (folder / "empty.txt").write_bytes(b"")
    (folder / "binary.txt").write_bytes(bytes(range(256)) * 40)
    (folder / "feed.jsonl").write_text('{"text": "not closed\n[1, 2]\n', encoding="utf-8")
    report, _ = ray_ingest(str(tmp_path / "mixed.db"), [str(folder)], pools[2])
    assert report.ingested == 11  # every good article, around the bad ones
    with Store(str(tmp_path / "mixed.db")) as store:
        rejects = store.rejects()
    reasons = {r.origin.rsplit("/", 1)[-1]: r.reason for r in rejects}
    assert reasons["empty.txt"] == "empty" and reasons["binary.txt"] == "binary"
    assert {reason for origin, reason in reasons.items() if origin.startswith("feed.jsonl")} == {"not-json"}
    assert report.rejected == len(rejects) == 4 and all(r.reason and r.detail for r in rejects)


def test_a_second_run_resumes_where_the_first_stopped(pools, tmp_path, demo_paths):
    db = str(tmp_path / "resume.db")
    files = sorted(p for p in (claimgraph.demo_corpus()).iterdir() if p.suffix in {".txt", ".html"})
    first, _ = ray_ingest(db, [str(p) for p in files[:4]], pools[2])
    assert first.ingested == 4
    second, exported = ray_ingest(db, demo_paths, pools[2])
    assert (second.ingested, second.duplicates) == (7, 4)  # the first run's articles are skipped
    third, again = ray_ingest(db, demo_paths, pools[1])
    assert (third.ingested, third.duplicates, third.rejected) == (0, 11, 0)
    assert again == exported


def test_the_cli_runs_the_ray_engine_and_says_what_is_missing(pools, tmp_path, demo_paths, monkeypatch):
    """Through the CLI, the actors are its own: started, loaded and ended in the command."""
    from click.testing import CliRunner

    from claimgraph.cli import main

    db = str(tmp_path / "cli.db")
    result = CliRunner().invoke(main, ["--db", db, "ingest", "--engine", "ray", "--workers", "1", *demo_paths])
    assert result.exit_code == 0, result.output
    assert result.output.startswith("ingested 11, duplicates 0, rejected 0")
    usage = CliRunner().invoke(main, ["--db", db, "ingest", "--workers", "2", *demo_paths])
    assert usage.exit_code == 2 and "--engine ray" in usage.output
    monkeypatch.setitem(__import__("sys").modules, "ray", None)  # as if the extra were not installed
    missing = CliRunner().invoke(main, ["--db", db, "ingest", "--engine", "ray", *demo_paths])
    assert missing.exit_code == 3 and "claimgraph[ray]" in missing.output


def test_a_local_ray_is_reached_on_loopback_only(ray_local):
    assert {node["NodeManagerAddress"] for node in ray_local.nodes()} == {"127.0.0.1"}


def test_a_worker_killed_mid_ingest_loses_nothing_and_the_resume_exports_the_same(
        ray_local, pools, tmp_path, demo_paths, in_process_export):
    """kill -9 of a Ray worker (issue 12): the ingest stops with a one-line error, what it
    committed stays whole, and a second run finishes it as if nothing had happened."""
    import os
    import signal

    from claimgraph.errors import ClaimgraphError
    from claimgraph.rayengine import WorkerPool, ingest_with_ray

    db = str(tmp_path / "killed.db")
    settings = Settings(db=db, batch_size=BATCH)
    with WorkerPool(settings, 1) as doomed, Store(db) as store:  # its own actor: the shared pools stay whole
        pid = ray_local.get(doomed.actors[0].load.remote())
        read: list[int] = []

        def kill_midway(step: int) -> None:
            read.append(step)
            if len(read) == 6:  # 6 of the 11 articles read, some batches written, more in flight
                os.kill(pid, signal.SIGKILL)

        with pytest.raises(ClaimgraphError, match="worker was lost"):
            ingest_with_ray(store, settings, iter_inputs(demo_paths, max_bytes=settings.max_bytes), pool=doomed,
                            progress=kill_midway)
        assert store.query("PRAGMA integrity_check") == [("ok",)]
        committed = {d: sorted(c.id for c in store.claims(document=d)) for d in (doc.id for doc in store.documents())}
    assert len(read) >= 6 and len(committed) < 11  # the driver reads ahead of the failure it meets

    report, exported = ray_ingest(db, demo_paths, pools[1])
    assert (report.ingested, report.duplicates, report.rejected) == (11 - len(committed), len(committed), 0)
    with Store(db) as store:
        assert {d: sorted(c.id for c in store.claims(document=d)) for d in committed} == committed
        assert len(store.documents()) == 11
    assert exported == in_process_export
