"""Ingest the same input into SQLite and into PostgreSQL: time each, compare the JSON exports.

    .venv/bin/python scripts/compare_backends.py postgresql://postgres@127.0.0.1:5432/postgres
    .venv/bin/python scripts/compare_backends.py URL --input ../shared/seeds --repeat 3

A command, not a test (tests/test_postgres.py has the quick version). The spaCy pipeline is
loaded once, before any timing; each round ingests ``--input`` (default: the demo corpus)
into a new SQLite file and into a new schema of the PostgreSQL server at URL (dropped at
the end), in alternating order so neither engine always runs on a warm cache. Prints the
median ingest time per engine and whether every round's exports are byte-identical.
Exit status 1 when they are not.
"""

from __future__ import annotations

import argparse
import json
import statistics
import sys
import tempfile
import time
import uuid
from pathlib import Path
from urllib.parse import urlencode

import psycopg

import claimgraph
from claimgraph.export.json import export_json
from claimgraph.pipeline import Pipeline
from claimgraph.settings import Settings
from claimgraph.store import Store


def timed_ingest(pipeline: Pipeline, db: str, paths: list[str]) -> tuple[float, str]:
    """(seconds to ingest and link ``paths`` into ``db``, the JSON export as text)."""
    with Store(db) as store:
        started = time.perf_counter()
        pipeline.ingest_paths(store, paths)
        seconds = time.perf_counter() - started
        return seconds, json.dumps(export_json(store), ensure_ascii=False)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("url", help="a PostgreSQL server (postgresql://...) this user may create schemas in")
    parser.add_argument("--input", default=str(claimgraph.demo_corpus()), help="files or a folder to ingest")
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args()

    pipeline = Pipeline(Settings(db=":memory:"))
    with Store(":memory:") as warm:  # load spaCy, the extractor and the gazetteers before timing
        pipeline.ingest_paths(warm, [args.input])
    times: dict[str, list[float]] = {"sqlite": [], "postgresql": []}
    identical = True
    with tempfile.TemporaryDirectory() as folder, psycopg.connect(args.url, autocommit=True) as admin:
        for round_ in range(args.repeat):
            schema = f"cg_compare_{uuid.uuid4().hex[:12]}"
            admin.execute(f"CREATE SCHEMA {schema}")
            targets = {"sqlite": str(Path(folder) / f"round{round_}.db"),
                       "postgresql": args.url + ("&" if "?" in args.url else "?")
                       + urlencode({"options": f"-csearch_path={schema}"})}
            order = ["sqlite", "postgresql"] if round_ % 2 == 0 else ["postgresql", "sqlite"]
            exports = {}
            try:
                for engine in order:
                    seconds, exports[engine] = timed_ingest(pipeline, targets[engine], [args.input])
                    times[engine].append(seconds)
            finally:
                admin.execute(f"DROP SCHEMA {schema} CASCADE")
            same = exports["sqlite"] == exports["postgresql"]
            identical &= same
            print(f"round {round_ + 1}: sqlite {times['sqlite'][-1]:.2f} s, postgresql "
                  f"{times['postgresql'][-1]:.2f} s, exports {'identical' if same else 'DIFFER'} "
                  f"({len(exports['sqlite']):,} characters)")
    for engine, seconds in times.items():
        print(f"{engine}: median {statistics.median(seconds):.2f} s over {len(seconds)} ingests of {args.input}")
    print("exports identical in every round" if identical else "EXPORTS DIFFER")
    return 0 if identical else 1


if __name__ == "__main__":
    sys.exit(main())
