"""``claimgraph bench --engine ray --workers 1,2``: the Ray engine's speed-up from more workers.

On the same ``n`` articles (``news_corpus.jsonl.gz`` of the evaluation data, as ``bench``),
once per worker count: a fresh SQLite database, a pool of that many actors started and
loaded *before* the clock starts (spaCy, matchers, place index: seconds each, reported as
``startup_s``), then the whole ingest through the Ray engine — clean, analyze, extract and
resolve on the actors, the store writes and the final link in the driver — timed by the wall
clock. The headline is ``speedup``: the seconds of the fewest workers over those of the most.

The machine may be shared: each run records the 1-minute load average before and after it,
and the CPU seconds the actors spent (``actor_cpu_s``); a wall time far above the CPU time
per worker means the workers waited for a core. Before each ingest, a control: the same
actors run bare ``nlp.pipe`` over the first CONTROL_TEXTS articles, split between them;
``control_speedup`` is the ratio of those times, the parallelism the machine granted at
that moment to work that shares nothing (on an idle 2-core machine it is near 2).
"""

from __future__ import annotations

import os
import tempfile
import time
from pathlib import Path
from typing import Any

from ..errors import ConfigError
from ..settings import Settings
from .bench import Progress, read_items, resolve_corpus

CONTROL_TEXTS = 96


def parse_workers(text: str) -> list[int]:
    """``"1,2"`` -> [1, 2].

    >>> parse_workers("1, 2,4")
    [1, 2, 4]
    """
    try:
        counts = [int(part) for part in text.split(",") if part.strip()]
    except ValueError:
        raise ConfigError(f"--workers takes counts separated by commas (1,2), not {text!r}") from None
    if not counts or min(counts) < 1:
        raise ConfigError(f"--workers takes counts of 1 or more (1,2), not {text!r}")
    return counts


def run_ray_bench(corpus: str | Path | None = None, n: int = 2000, workers: list[int] = (1, 2),
                  batch_size: int | None = None, address: str | None = None,
                  progress: Progress | None = None) -> dict[str, Any]:
    from ..rayengine import WorkerPool, connect, import_ray

    say = progress or (lambda _line: None)
    started = time.perf_counter()
    path = resolve_corpus(corpus)
    items, _spares = read_items(path, n)
    settings = Settings.from_env(db=":memory:", batch_size=batch_size)
    started_here = connect(address, max(workers))
    runs: dict[int, dict[str, Any]] = {}
    try:
        for count in workers:
            say(f"{count} worker(s): loading the actors, then {len(items):,} articles")
            loading = time.perf_counter()
            with WorkerPool(settings, count) as pool:
                startup = time.perf_counter() - loading
                runs[count] = timed_ingest(pool, items, settings) | {"startup_s": round(startup, 1)}
    finally:
        if started_here:
            import_ray().shutdown()
    return bench_result(path, len(items), workers, runs, settings, time.perf_counter() - started)


def timed_ingest(pool, items, settings: Settings) -> dict[str, Any]:
    from ..rayengine import ingest_with_ray, ray_get
    from ..store.db import Store

    texts = [item.text or "" for item in items[:CONTROL_TEXTS]]
    control = max(ray_get(pool.ray, [actor.bare_parse.remote(texts[i::len(pool)])
                                     for i, actor in enumerate(pool.actors)]))
    cpu_before = sum(ray_get(pool.ray, [actor.cpu_seconds.remote() for actor in pool.actors]))
    load_before = os.getloadavg()[0]
    with tempfile.TemporaryDirectory(prefix="claimgraph-raybench-") as folder:
        db = str(Path(folder) / "bench.db")
        with Store(db) as store:
            clock = time.perf_counter()
            report = ingest_with_ray(store, Settings.from_env(db=db, batch_size=settings.batch_size),
                                     items, pool=pool)
            seconds = time.perf_counter() - clock
    cpu = sum(ray_get(pool.ray, [actor.cpu_seconds.remote() for actor in pool.actors])) - cpu_before
    return {"seconds": round(seconds, 2), "control_s": round(control, 2),
            "articles_per_s": round(len(items) / seconds, 2),
            "ingested": report.ingested, "claims": report.claims, "actor_cpu_s": round(cpu, 1),
            "load_before": round(load_before, 2), "load_after": round(os.getloadavg()[0], 2),
            "stages_s": {k: round(v, 2) for k, v in sorted(report.seconds.items())}}


def bench_result(path: Path, n: int, workers: list[int], runs: dict[int, dict[str, Any]],
                 settings: Settings, seconds: float) -> dict[str, Any]:
    fewest, most = min(workers), max(workers)
    metrics: dict[str, float] = {"speedup": round(runs[fewest]["seconds"] / runs[most]["seconds"], 2)}
    metrics["control_speedup"] = round(runs[fewest]["control_s"] / runs[most]["control_s"], 2)
    for count in workers:
        metrics[f"articles_per_s_{count}w"] = runs[count]["articles_per_s"]
    notes = [f"{count} worker(s): {run['seconds']} s for {n} articles ({run['ingested']} stored, "
             f"{run['claims']} claims), control {run['control_s']} s, actors' CPU {run['actor_cpu_s']} s, "
             f"startup {run['startup_s']} s, "
             f"load average {run['load_before']} before and {run['load_after']} after; stages "
             + ", ".join(f"{k} {v}" for k, v in run["stages_s"].items())
             for count, run in runs.items()]
    notes.append(f"speed-up {fewest} -> {most} workers: {metrics['speedup']}x on {os.cpu_count()} CPUs; bare nlp.pipe "
                 f"split the same way: {metrics['control_speedup']}x "
                 f"(batch {settings.batch_size}, model {settings.model})")
    return {"task": "bench-ray", "file": str(path), "n": n, "metrics": metrics,
            "extra": {"runs": {str(k): v for k, v in runs.items()}, "batch_size": settings.batch_size},
            "seconds": round(seconds, 2), "notes": notes}
