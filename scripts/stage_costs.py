"""Per-stage costs of the pipeline on this machine, for docs/SCALING.md.

    python scripts/stage_costs.py [--n 300] [--more 96] [--batch 32] [--corpus FILE]

In one process (the local engine, which a Ray actor runs stage for stage), on the first ``n``
articles of news_corpus.jsonl.gz: clean, analyze (spaCy), extract (the rules), resolve
(entity resolution and the geoparser, timed inside extract), store writes and the first
(full) link; then ``more`` articles ingested ``batch`` at a time into the same database,
each followed by its incremental link, which is what a running system pays per batch.
Also: the rows and bytes the database gained per article, and the process's peak memory
(what one worker needs). Prints Markdown-ready lines and a JSON summary.
"""

from __future__ import annotations

import argparse
import json
import os
import pickle
import resource
import sqlite3
import sys
import tempfile
import time
from contextlib import contextmanager
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "src"))

from claimgraph.evaluate.bench import read_items, resolve_corpus  # noqa: E402
from claimgraph.pipeline import IngestReport, Pipeline  # noqa: E402
from claimgraph.resolve import geoparse  # noqa: E402
from claimgraph.resolve.entities import EntityResolver  # noqa: E402
from claimgraph.settings import Settings  # noqa: E402
from claimgraph.store import Store  # noqa: E402


class ResolveClock:
    """Seconds inside the outermost EntityResolver.resolve and Geoparser.parse_doc calls."""

    def __init__(self) -> None:
        self.seconds = 0.0
        self.depth = 0

    def wrap(self, owner, name: str) -> None:
        original = getattr(owner, name)
        clock = self

        def timed(*args, **kwargs):
            clock.depth += 1
            started = time.perf_counter()
            try:
                return original(*args, **kwargs)
            finally:
                clock.depth -= 1
                if clock.depth == 0:
                    clock.seconds += time.perf_counter() - started

        setattr(owner, name, timed)


@contextmanager
def cpu_clock():
    out = {}
    started = time.process_time()
    yield out
    out["cpu"] = time.process_time() - started


def table_rows(db: str) -> tuple[int, int]:
    """All rows of all tables, and the file's bytes (WAL checkpointed)."""
    with sqlite3.connect(db) as conn:
        conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
        tables = [r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type='table' "
                                             "AND name NOT LIKE 'sqlite_%' AND name NOT LIKE '%fts%'")]
        rows = sum(conn.execute(f'SELECT count(*) FROM "{t}"').fetchone()[0] for t in tables)
    return rows, os.path.getsize(db)


def hand_on_cost(resolver) -> tuple[int, float]:
    """What a Ray worker hands the next one after this many documents: bytes, and the
    milliseconds to pickle and unpickle it."""
    started = time.perf_counter()
    data = pickle.dumps(resolver.taught(), protocol=pickle.HIGHEST_PROTOCOL)
    pickle.loads(data)
    return len(data), round(1000 * (time.perf_counter() - started), 1)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--n", type=int, default=300)
    parser.add_argument("--more", type=int, default=96)
    parser.add_argument("--batch", type=int, default=32)
    parser.add_argument("--corpus")
    args = parser.parse_args()
    items, _ = read_items(resolve_corpus(args.corpus), args.n + args.more)
    first, later = items[:args.n], items[args.n:]
    clock = ResolveClock()
    clock.wrap(EntityResolver, "resolve")
    clock.wrap(geoparse.Geoparser, "parse_doc")
    with tempfile.TemporaryDirectory() as folder:
        db = str(Path(folder) / "costs.db")
        settings = Settings(db=db, batch_size=args.batch)
        pipeline = Pipeline(settings)
        pipeline.extractor  # noqa: B018  (loading is not a stage)
        pipeline.geoparser  # noqa: B018
        loaded_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
        load = os.getloadavg()[0]
        with Store(db) as store:
            with cpu_clock() as cpu:
                wall = time.perf_counter()
                report = pipeline.ingest_items(store, first)
                wall = time.perf_counter() - wall
            resolve_first = clock.seconds
            rows, size = table_rows(db)
            incremental = IngestReport()
            later_docs = 0
            for start in range(0, len(later), args.batch):
                part = pipeline.ingest_items(store, later[start:start + args.batch])
                later_docs += part.ingested
                for stage, seconds in part.seconds.items():
                    incremental.seconds[stage] = incremental.seconds.get(stage, 0.0) + seconds
            rows_after, size_after = table_rows(db)
            handed_bytes, handed_ms = hand_on_cost(pipeline.resolver)
    docs = report.ingested
    stages = dict(report.seconds)
    stages["resolve"] = resolve_first
    stages["extract"] = stages["extract"] - resolve_first  # the rules alone
    summary = {
        "articles": len(first), "documents": docs, "claims": report.claims, "wall_s": round(wall, 1),
        "cpu_s": round(cpu["cpu"], 1), "load_average": round(load, 2), "batch": args.batch,
        "ms_per_document": {k: round(1000 * v / docs, 1) for k, v in stages.items()},
        "incremental_link_ms_per_document": round(1000 * incremental.seconds.get("link", 0) / max(later_docs, 1), 1),
        "incremental_store_ms_per_document": round(1000 * incremental.seconds.get("store", 0) / max(later_docs, 1), 1),
        "rows_per_document": round(rows / docs, 1), "bytes_per_document": round(size / docs),
        "rows_per_document_later": round((rows_after - rows) / max(later_docs, 1), 1),
        "hand_on_bytes": handed_bytes, "hand_on_ms": handed_ms,
        "loaded_rss_mb": round(loaded_mb),
        "peak_rss_mb": round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024),
    }
    for stage, ms in summary["ms_per_document"].items():
        print(f"| {stage} | {ms} ms | {ms:.0f} s |")
    print(json.dumps(summary, indent=2))


if __name__ == "__main__":
    main()
