"""How long ingest processes sharing one PostgreSQL database wait for each other's locks
(docs/SCALING.md, "Several linkers at once"; a command, not a test).

    PYTHONPATH=src .venv/bin/python scripts/link_lock_wait.py --server postgresql://postgres@127.0.0.1:5432/db \\
        --articles 300 --workers 2 --batch 4 [--sequential]

1. Writes the first ``--articles`` stories of news_corpus.jsonl.gz (the evaluation data) as
   one JSON Lines file each into a scratch folder, queues them (``claimgraph jobs add``) in
   a new schema of ``--server``, and starts ``--workers`` ``claimgraph jobs work --batch``
   processes at once: each ingests a few files and links them incrementally, again and
   again, as several ingest processes would.
2. Meanwhile samples ``pg_locks`` every 20 ms: the time the backends spent waiting for the
   store's write lock, for the link lock (a full link), or for a link partition, and the
   time two or more backends held partition locks at once (links running side by side).
3. ``--sequential``: the same queue worked by one process in another schema; says whether
   the two exports are equal (events, contradictions, everything).
4. ``--link-only PRELOAD``: the link alone, where the two ways of locking differ most: the
   stored documents and claims are written again into a new schema, PRELOAD of them linked
   at once, the rest in slices of ``--batch`` dealt to ``--workers`` processes that write
   and link them at the same time (no spaCy), then by one process.

Run it with the claimgraph under test first on PYTHONPATH (before/after a change).
"""

from __future__ import annotations

import argparse
import gzip
import inspect
import json
import multiprocessing
import os
import subprocess
import sys
import tempfile
import threading
import time
import uuid
from collections import Counter
from pathlib import Path
from urllib.parse import urlencode

import psycopg

from claimgraph.evaluate.bench import resolve_corpus
from claimgraph.store import dialect

SAMPLE_SECONDS = 0.02
# read from the claimgraph under test; the numbers stand in for a release without them
LINK_LOCK_KEY = getattr(dialect, "LINK_LOCK_KEY", 0x636C6D6C)
PARTITION_LOCK_SPACE = getattr(dialect, "PARTITION_LOCK_SPACE", 0x636C6D70)


def write_articles(corpus: Path, count: int, folder: Path) -> int:
    folder.mkdir(parents=True, exist_ok=True)
    written = 0
    with gzip.open(corpus, "rt", encoding="utf-8") as lines:
        for line in lines:
            record = json.loads(line)
            if not (record.get("text") or "").strip():
                continue
            item = {"text": record["text"], "title": record.get("title"), "published": record.get("date"),
                    "outlet": record.get("source") or "Reuters"}
            (folder / f"{written:05d}.jsonl").write_text(json.dumps(item) + "\n", encoding="utf-8")
            written += 1
            if written == count:
                break
    return written


def new_schema(server: str) -> tuple[str, str]:
    schema = f"cg_lockwait_{uuid.uuid4().hex[:10]}"
    with psycopg.connect(server, autocommit=True) as conn:
        conn.execute(f"CREATE SCHEMA {schema}")
    return schema, new_schema_url(server, schema)


def new_schema_url(server: str, schema: str) -> str:
    sep = "&" if "?" in server else "?"
    return server + sep + urlencode({"options": f"-csearch_path={schema}"})


def drop_schema(server: str, schema: str) -> None:
    with psycopg.connect(server, autocommit=True) as conn:
        conn.execute(f"DROP SCHEMA {schema} CASCADE")


def claimgraph(db: str, *args: str) -> subprocess.Popen:
    env = {**os.environ, "CLAIMGRAPH_DB": db}
    return subprocess.Popen([sys.executable, "-m", "claimgraph.cli", *args], env=env, text=True,
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE)


def finished(process: subprocess.Popen) -> str:
    out, err = process.communicate(timeout=3600)
    if process.returncode != 0:
        raise SystemExit(f"claimgraph failed:\n{err[-3000:]}")
    return out


class LockSampler(threading.Thread):
    """Seconds spent waiting per lock kind, and seconds with several partition holders."""

    def __init__(self, server: str):
        super().__init__(daemon=True)
        self.server = server
        self.waited: Counter = Counter()
        self.side_by_side = 0.0
        self.stop = threading.Event()

    def kind(self, classid: int, objid: int, objsubid: int) -> str:
        if objsubid == 2 and classid == PARTITION_LOCK_SPACE:
            return "partition"
        key = (classid << 32) | objid
        return {dialect.WRITE_LOCK_KEY: "write", LINK_LOCK_KEY: "link lock"}.get(key, "other")

    def run(self) -> None:
        with psycopg.connect(self.server, autocommit=True) as conn:
            last = time.perf_counter()
            while not self.stop.is_set():
                rows = conn.execute("SELECT pid, classid::bigint, objid::bigint, objsubid, granted FROM pg_locks"
                                    " WHERE locktype = 'advisory' AND pid <> pg_backend_pid()").fetchall()
                now = time.perf_counter()
                step, last = now - last, now
                for _pid, classid, objid, objsubid, granted in rows:
                    if not granted:
                        self.waited[self.kind(classid, objid, objsubid)] += step
                holders = {pid for pid, classid, _o, sub, granted in rows
                           if granted and sub == 2 and classid == PARTITION_LOCK_SPACE}
                if len(holders) >= 2:
                    self.side_by_side += step
                time.sleep(SAMPLE_SECONDS)


def work(server: str, folder: Path, workers: int, batch: int) -> tuple[str, str, dict]:
    schema, db = new_schema(server)
    finished(claimgraph(db, "jobs", "add", str(folder)))
    sampler = LockSampler(server)
    sampler.start()
    started = time.perf_counter()
    running = [claimgraph(db, "jobs", "work", "--batch", str(batch), "--worker", f"w{i}") for i in range(workers)]
    for process in running:
        finished(process)
    wall = time.perf_counter() - started
    sampler.stop.set()
    sampler.join()
    export = Path(tempfile.mkdtemp(prefix="lockwait-")) / "export.json"
    finished(claimgraph(db, "export", "-o", str(export)))
    figures = {"workers": workers, "export": str(export), "wall_seconds": round(wall, 1),
               "lock_wait_seconds": {k: round(v, 2) for k, v in sorted(sampler.waited.items())},
               "partition_locks_held_by_2+_backends_seconds": round(sampler.side_by_side, 2)}
    return schema, str(export), figures


def replay_slices(source: str, target: str, slices: list[list[str]], started_at: float) -> None:
    """Write these slices of ``source``'s documents (with their claims) into ``target`` and
    link each as its ingest would: the link alone, without spaCy."""
    from claimgraph.pipeline import IngestReport, Pipeline
    from claimgraph.settings import Settings
    from claimgraph.store import Store

    pipeline = Pipeline(Settings(db=target))
    ours = "ours" in inspect.signature(pipeline.relink).parameters  # absent before partitioned links
    with Store(source) as src, Store(target) as store:
        while time.time() < started_at:
            time.sleep(0.01)
        for ids in slices:
            documents = list(src.documents_by_ids(ids).values())
            for document in documents:
                document.dup_of = None
            store.write_batch(documents, src.claims_of_documents(ids), [], [], [])
            pipeline.relink(store, IngestReport(), **({"ours": set(ids)} if ours else {}))


def link_only(server: str, source: str, workers: int, batch: int, preload: int) -> dict:
    """The documents of ``source`` linked again into a new schema: ``preload`` of them by one
    full link, the rest in slices of ``batch`` dealt round to ``workers`` processes at once."""
    from claimgraph.store import Store

    schema, target = new_schema(server)
    with Store(source) as src, Store(target) as store:
        order = [r[0] for r in src.query("SELECT id FROM documents ORDER BY rowid")]
        store.add_entities(list(src.entities().values()))
    replay_slices(source, target, [order[:preload]], 0)
    rest = order[preload:]
    slices = [rest[i:i + batch] for i in range(0, len(rest), batch)]
    sampler = LockSampler(server)
    sampler.start()
    started = time.time() + 1.0  # every process opened and waiting
    processes = [multiprocessing.Process(target=replay_slices, args=(source, target, slices[k::workers], started))
                 for k in range(workers)]
    for process in processes:
        process.start()
    for process in processes:
        process.join()
    wall = time.time() - started
    sampler.stop.set()
    sampler.join()
    with Store(target) as store:
        events = len(store.events())
        unlinked = len(store.unlinked_document_ids())
    drop_schema(server, schema)
    return {"workers": workers, "documents": len(rest), "wall_seconds": round(wall, 2), "events": events,
            "unlinked": unlinked, "lock_wait_seconds": {k: round(v, 2) for k, v in sorted(sampler.waited.items())},
            "partition_locks_held_by_2+_backends_seconds": round(sampler.side_by_side, 2)}


def compare(a: str, b: str) -> dict:
    left, right = (json.loads(Path(p).read_text(encoding="utf-8")) for p in (a, b))
    differ = sorted(k for k in set(left) | set(right) if k != "meta" and left.get(k) != right.get(k))
    return {"sections_that_differ": differ, "events": [len(left.get("events", [])), len(right.get("events", []))]}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--server", required=True, help="a PostgreSQL URL the script may create schemas in")
    parser.add_argument("--articles", type=int, default=300)
    parser.add_argument("--workers", type=int, default=2)
    parser.add_argument("--batch", type=int, default=4)
    parser.add_argument("--sequential", action="store_true", help="also one worker, and compare the exports")
    parser.add_argument("--keep", action="store_true", help="keep the schemas (their names are printed)")
    parser.add_argument("--link-only", type=int, default=0, metavar="PRELOAD",
                        help="then link the stored documents again without spaCy: PRELOAD of them at once,"
                             " the rest by the workers at the same time, and by one process")
    parser.add_argument("--from-schema", help="with --link-only: relink the documents of this schema instead"
                                              " of ingesting first")
    args = parser.parse_args()
    result: dict = {"batch": args.batch}
    schemas = []
    if args.from_schema:  # documents stored before: only the link is measured
        schemas.append(args.from_schema)
    else:
        folder = Path(tempfile.mkdtemp(prefix="lockwait-articles-"))
        result["articles"] = write_articles(resolve_corpus(None), args.articles, folder)
        schema, export, result["at_once"] = work(args.server, folder, args.workers, args.batch)
        schemas.append(schema)
    if args.sequential and not args.from_schema:
        schema, alone, result["one_worker"] = work(args.server, folder, 1, args.batch)
        schemas.append(schema)
        result["compared"] = compare(export, alone)
    if args.link_only:
        source = new_schema_url(args.server, schemas[0])
        result["link_only"] = [link_only(args.server, source, n, args.batch, args.link_only)
                               for n in (args.workers, 1)]
    result["schemas"] = schemas
    if not args.keep and not args.from_schema:
        for schema in schemas:
            drop_schema(args.server, schema)
    print(json.dumps(result, indent=1))


if __name__ == "__main__":
    main()
