"""Does the result depend on how the input was batched or resumed?

Ingests the same articles once in one run, then again in PARTS runs, each starting as a new
process would (a fresh resolver that reloads what is stored), and counts the claims, entities
and events that differ.

    PYTHONPATH=src python scripts/batching_check.py [--parts 2 5] [PATH ...]

Default corpus: the demo articles and every invented set under tests/data.
"""

from __future__ import annotations

import argparse
import sys
import tempfile
import time
from pathlib import Path

from claimgraph.api import demo_corpus
from claimgraph.ingest.sources import iter_inputs
from claimgraph.pipeline import Pipeline
from claimgraph.settings import Settings
from claimgraph.store import Store

ROOT = Path(__file__).resolve().parents[1]


def default_paths() -> list[str]:
    sets = sorted(str(p) for p in (ROOT / "tests" / "data").glob("heldout_*/articles"))
    return [str(demo_corpus()), *sets]


def restart(pipeline: Pipeline) -> None:
    """What a new process has: the same models, a resolver and extractor that know nothing yet."""
    pipeline._resolver = None
    pipeline._extractor = None


def ingest_in_parts(pipeline: Pipeline, items: list, parts: int, path: str) -> dict[str, set[str]]:
    size = -(-len(items) // parts)
    with Store(path) as store:
        for start in range(0, len(items), size):
            restart(pipeline)
            pipeline.ingest_items(store, items[start:start + size])
        return {
            "claims": {r[0] for r in store._query("SELECT id FROM claims")},
            "entities": {r[0] for r in store._query("SELECT id FROM entities")},
            "events": {r[0] for r in store._query("SELECT id FROM events")},
            "claim entities": {"|".join(map(str, r)) for r in
                               store._query("SELECT claim_id, role, entity_id FROM claim_entities")},
        }


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("paths", nargs="*")
    parser.add_argument("--parts", type=int, nargs="+", default=[2, 5])
    args = parser.parse_args(argv)
    items = list(iter_inputs(args.paths or default_paths()))
    pipeline = Pipeline(Settings(db=":memory:"))
    with tempfile.TemporaryDirectory() as tmp:
        started = time.perf_counter()
        whole = ingest_in_parts(pipeline, items, 1, f"{tmp}/whole.db")
        print(f"{len(items)} inputs; one run: " + ", ".join(f"{len(v)} {k}" for k, v in whole.items())
              + f" ({time.perf_counter() - started:.0f} s)")
        worst = 0
        for parts in args.parts:
            split = ingest_in_parts(pipeline, items, parts, f"{tmp}/parts{parts}.db")
            diffs = {k: len(whole[k] ^ split[k]) for k in whole}
            worst = max(worst, *diffs.values())
            print(f"{parts} runs: differs from one run in " + ", ".join(f"{v} {k}" for k, v in diffs.items()))
    return 1 if worst else 0


if __name__ == "__main__":
    sys.exit(main())
