"""Load test: 50 concurrent clients reading while an ingest runs, with and without exports
(issue 14; a command, not a test). Everything stays on 127.0.0.1 and every loop is bounded.

    .venv/bin/python scripts/load_test.py                       # both mixes, 30 s each
    .venv/bin/python scripts/load_test.py --seconds 20 --clients 50 --claims 20000 --json out.json
    .venv/bin/python scripts/load_test.py --pg postgresql://postgres@127.0.0.1:5432/postgres  # on PostgreSQL

1. Builds (or reuses) a synthetic database with ``scripts/bench_api.py``'s builder: copies of
   the demo corpus, ``--claims`` claims (20,000 by default: about 1,800 articles, an 8 MB JSON
   export). Each mix runs on a fresh copy of it. With ``--pg SERVER`` the same database is
   built once in PostgreSQL (database ``claimgraph_load_template``) and each mix runs on a
   copy (``CREATE DATABASE ... TEMPLATE``), which the server reads through its pool.
2. Starts ``claimgraph.web.serve`` in a subprocess on a free loopback port and waits for its
   pipeline to load.
3. For ``--seconds``: ``--clients`` asyncio clients each send reads (lists with filters,
   detail pages, stats, health), back to back or with a think time between them (``--think``,
   mean seconds, uniform), while one writer POSTs new articles one after another. In the "exports" mix, 4 of the clients ask for the JSON export and 2 for the brief
   instead of reads.
4. Prints p50/p95/p99/max per kind of request, errors, and the bound each loop had.

Bounds: at most ``--seconds`` per mix (plus the requests in flight, each with a 60 s timeout),
at most ``--max-requests`` per client, and the server is stopped at the end whatever happens.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import os
import random
import sys
import time
from pathlib import Path

import httpx

from claimgraph.store.migrations import LATEST_VERSION

sys.path.insert(0, str(Path(__file__).resolve().parent))
from bench_api import (  # noqa: E402 - a sibling script
    article,
    bench_database,
    copy_database,
    free_port,
    percentile,
    sample_ids,
    start_server,
    stop_server,
    wait_for_pipeline,
)

PG_TEMPLATE = "claimgraph_load_template"
PG_SCRATCH = "claimgraph_load_scratch"
# One file per schema version: opening a database migrates it, and a claimgraph of another
# version (another engineer's checkout) could then no longer read it.
DEFAULT_DB = f"/tmp/claimgraph-load-v{LATEST_VERSION}.db"
REQUEST_TIMEOUT = 60.0
EXPORT_CLIENTS = 4
BRIEF_CLIENTS = 2
TARGET_P99_MS = 200


def read_urls(ids: dict[str, str]) -> list[str]:
    """What a dashboard asks for: lists with filters, one item, stats."""
    return [
        "/api/health",
        "/api/stats",
        "/api/documents",
        "/api/documents?q=missile",
        f"/api/documents/{ids['document']}",
        "/api/claims",
        "/api/claims?type=ATTACK",
        "/api/claims?entity=KN-23",
        "/api/claims?source=Reuters",
        f"/api/claims/{ids['claim']}",
        "/api/events",
        "/api/events?min_sources=2",
        f"/api/events/{ids['event']}",
        "/api/entities?q=Kharkiv",
        "/api/contradictions",
    ]


class Recorder:
    def __init__(self) -> None:
        self.ms: dict[str, list[float]] = {}
        self.errors: dict[str, list[str]] = {}
        self.by_url: dict[str, list[float]] = {}  # reads only: which URLs make the tail

    def add(self, kind: str, started: float, error: str | None = None) -> None:
        if error is None:
            self.ms.setdefault(kind, []).append((time.perf_counter() - started) * 1000)
        else:
            self.errors.setdefault(kind, []).append(error)

    def summary(self) -> dict[str, dict[str, float]]:
        out = {}
        for kind in sorted(set(self.ms) | set(self.errors)):
            values = self.ms.get(kind, [])
            out[kind] = {"n": len(values), "errors": len(self.errors.get(kind, []))}
            if values:
                out[kind].update({"p50": percentile(values, 50), "p95": percentile(values, 95),
                                  "p99": percentile(values, 99), "max": max(values)})
            if self.errors.get(kind):
                out[kind]["first_error"] = self.errors[kind][0]
        return out


async def timed_get(client: httpx.AsyncClient, url: str, kind: str, rec: Recorder) -> None:
    started = time.perf_counter()
    try:
        response = await client.get(url)
        if kind == "export" and response.status_code == 503:
            rec.add("export refused (503)", started)  # the server's own back-pressure: not an error
            return
        rec.add(kind, started, None if response.status_code == 200 else f"HTTP {response.status_code}")
    except httpx.HTTPError as exc:
        rec.add(kind, started, f"{type(exc).__name__}: {exc}")


async def reader(client: httpx.AsyncClient, urls: list[str], until: float, limit: int, rec: Recorder,
                 rng: random.Random, think: float) -> None:
    for _ in range(limit):
        if time.monotonic() >= until:
            return
        url = rng.choice(urls)
        started = time.perf_counter()
        await timed_get(client, url, "read", rec)
        rec.by_url.setdefault(url, []).append((time.perf_counter() - started) * 1000)
        if think:
            await asyncio.sleep(rng.uniform(0, 2 * think))  # a person reading the page


async def exporter(client: httpx.AsyncClient, url: str, kind: str, until: float, limit: int,
                   rec: Recorder) -> None:
    for _ in range(limit):
        if time.monotonic() >= until:
            return
        await timed_get(client, url, kind, rec)
        if kind == "export":
            await asyncio.sleep(1.0)  # a client told 503 does not hammer


async def writer(client: httpx.AsyncClient, until: float, limit: int, rec: Recorder, ingesting: list[int]) -> None:
    for n in range(limit):
        if time.monotonic() >= until:
            return
        started = time.perf_counter()
        ingesting[0] += 1
        try:
            response = await client.post("/api/ingest", json={"text": article(n), "outlet": f"Load Wire {n % 5}",
                                                              "published": "2025-03-10"})
            rec.add("ingest (POST)", started, None if response.status_code in (200, 201)
                    else f"HTTP {response.status_code} {response.text[:120]}")
        except httpx.HTTPError as exc:
            rec.add("ingest (POST)", started, f"{type(exc).__name__}: {exc}")
        finally:
            ingesting[0] -= 1


async def run_mix(base: str, ids: dict[str, str], *, clients: int, seconds: float, max_requests: int,
                  exports: bool, think: float, ingest: bool = True) -> dict:
    rec = Recorder()
    rng = random.Random(14)
    urls = read_urls(ids)
    # keepalive_expiry under uvicorn's 5 s keep-alive: a pooled connection idle for exactly as
    # long as the server keeps it was sometimes reused as the server closed it (a client-side
    # ReadError, no request lost on the server's side).
    limits = httpx.Limits(max_connections=clients + 4, max_keepalive_connections=clients + 4, keepalive_expiry=2.0)
    async with httpx.AsyncClient(base_url=base, timeout=REQUEST_TIMEOUT, limits=limits,
                                 follow_redirects=True) as client:  # a merged event answers 301
        until = time.monotonic() + seconds
        ingesting = [0]
        tasks = [asyncio.create_task(writer(client, until, max_requests if ingest else 0, rec, ingesting))]
        readers = clients
        if exports:
            readers -= EXPORT_CLIENTS + BRIEF_CLIENTS
            tasks += [asyncio.create_task(exporter(client, "/api/export?format=json", "export", until,
                                                   max_requests, rec)) for _ in range(EXPORT_CLIENTS)]
            tasks += [asyncio.create_task(exporter(client, "/api/brief", "brief", until, max_requests, rec))
                      for _ in range(BRIEF_CLIENTS)]
        tasks += [asyncio.create_task(reader(client, urls, until, max_requests, rec, random.Random(rng.random()),
                                             think)) for _ in range(readers)]
        started = time.monotonic()
        await asyncio.wait_for(asyncio.gather(*tasks), timeout=seconds + 3 * REQUEST_TIMEOUT)
        elapsed = time.monotonic() - started
    summary = rec.summary()
    reads = summary.get("read", {})
    slowest = sorted(((percentile(v, 99), url) for url, v in rec.by_url.items()), reverse=True)[:4]
    return {"mix": ("reads" + (" + ingest" if ingest else ", no ingest") + (" + exports/brief" if exports else ""))
            + (f", think {think:g} s" if think else ", no think time"), "clients": clients,
            "seconds": round(elapsed, 1), "requests": summary,
            "reads_per_second": round(reads.get("n", 0) / elapsed, 1),
            "slowest_reads_p99_ms": {url: round(p99) for p99, url in slowest},
            "read_p99_met": bool(reads.get("p99") is not None and reads["p99"] < TARGET_P99_MS
                                 and not reads.get("errors"))}


def cpu_seconds(server: int) -> tuple[float, float, float]:
    """CPU seconds used so far by this process (the clients), the server, and its children
    (the ingest process): where the machine's time went during a mix."""
    def of(pid: int) -> float:
        try:
            fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
        except OSError:
            return 0.0
        return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")  # utime + stime

    children = Path(f"/proc/{server}/task/{server}/children")
    kids = [int(p) for p in children.read_text().split()] if children.exists() else []
    own = os.times()
    return own.user + own.system, of(server), sum(of(k) for k in kids)


def print_mix(result: dict) -> None:
    print(f"\n{result['mix']}: {result['clients']} clients, {result['seconds']} s, "
          f"{result['reads_per_second']} reads/s; read p99 < {TARGET_P99_MS} ms: "
          f"{'met' if result['read_p99_met'] else 'NOT met'}")
    print(f"  {'request':24} {'n':>6} {'err':>4} {'p50 ms':>8} {'p95 ms':>8} {'p99 ms':>8} {'max ms':>8}")
    for kind, s in result["requests"].items():
        cells = [f"{s[k]:8.0f}" if k in s else f"{'-':>8}" for k in ("p50", "p95", "p99", "max")]
        print(f"  {kind:24} {s['n']:6d} {s['errors']:4d} " + " ".join(cells))
        if s.get("first_error"):
            print(f"    first error: {s['first_error']}")
    print(f"  load average (1 min) before / after: {result['load'][0]} / {result['load'][1]}; CPU seconds: "
          + ", ".join(f"{k} {v}" for k, v in result["cpu_seconds"].items()))
    print("  slowest reads (p99 ms): " + ", ".join(f"{u} {v}" for u, v in result["slowest_reads_p99_ms"].items()))


def pg_database(server: str, name: str) -> str:
    return server.rsplit("/", 1)[0] + "/" + name


def pg_template(server: str, claims: int, rebuild: bool) -> dict[str, int]:
    """The synthetic database built once in PostgreSQL (the SQLite one is built the same way)."""
    import psycopg

    from claimgraph.store import Store

    url = pg_database(server, PG_TEMPLATE)
    with psycopg.connect(server, autocommit=True) as admin:
        exists = admin.execute("SELECT 1 FROM pg_database WHERE datname = %s", [PG_TEMPLATE]).fetchone()
        if exists and not rebuild:
            with Store(url) as store:
                counts = store.counts()
            if counts["claims"] >= claims:
                return counts
        admin.execute(f"DROP DATABASE IF EXISTS {PG_TEMPLATE}")
        admin.execute(f"CREATE DATABASE {PG_TEMPLATE}")
    return bench_database(url, claims, rebuild=True)


def pg_scratch(server: str) -> str:
    """A fresh copy of the template for one mix."""
    import psycopg

    with psycopg.connect(server, autocommit=True) as admin:
        admin.execute(f"DROP DATABASE IF EXISTS {PG_SCRATCH} WITH (FORCE)")
        admin.execute(f"CREATE DATABASE {PG_SCRATCH} TEMPLATE {PG_TEMPLATE}")
    return pg_database(server, PG_SCRATCH)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--db", default=DEFAULT_DB)
    parser.add_argument("--claims", type=int, default=20_000)
    parser.add_argument("--clients", type=int, default=50)
    parser.add_argument("--seconds", type=float, default=30.0)
    parser.add_argument("--max-requests", type=int, default=2000, help="per client")
    parser.add_argument("--mix", choices=["reads", "exports", "both"], default="both")
    parser.add_argument("--think", type=float, nargs="+", default=[0.0, 1.0],
                        help="mean seconds a reader waits between requests (0: back to back)")
    parser.add_argument("--no-ingest", action="store_true", help="no writer: the readers' baseline")
    parser.add_argument("--rebuild", action="store_true")
    parser.add_argument("--pg", metavar="SERVER", help="run on PostgreSQL: a postgresql:// server URL this user "
                        "may create databases in (default: SQLite)")
    parser.add_argument("--json", dest="json_out")
    args = parser.parse_args(argv)
    if args.pg:
        counts = pg_template(args.pg, args.claims, args.rebuild)
    else:
        counts = bench_database(args.db, args.claims, args.rebuild)
    engine = "postgresql" if args.pg else "sqlite"
    print(f"database ({engine}): {counts['documents']} documents, {counts['claims']} claims, {counts['events']} events")
    results = []
    mixes = [(exports, think) for exports in {"reads": [False], "exports": [True], "both": [False, True]}[args.mix]
             for think in args.think]
    for exports, think in mixes:
        if args.pg:
            scratch = pg_scratch(args.pg)
        else:
            scratch = str(Path(args.db).with_suffix("")) + "-scratch.db"
            copy_database(args.db, scratch)
        port = free_port()
        base = f"http://127.0.0.1:{port}"
        proc = start_server(scratch, port)
        try:
            wait_for_pipeline(base)
            with httpx.Client(base_url=base, timeout=REQUEST_TIMEOUT) as client:
                ids = sample_ids(client)
            load_before, cpu_before = os.getloadavg()[0], cpu_seconds(proc.pid)
            result = asyncio.run(run_mix(base, ids, clients=args.clients, seconds=args.seconds,
                                         max_requests=args.max_requests, exports=exports, think=think,
                                         ingest=not args.no_ingest))
            cpu = [round(after - before, 1) for before, after in zip(cpu_before, cpu_seconds(proc.pid))]
        finally:
            stop_server(proc)
        result.update(engine=engine, load=[round(load_before, 1), round(os.getloadavg()[0], 1)],
                      cpu_seconds=dict(zip(("clients", "server", "ingest"), cpu)))
        print_mix(result)
        results.append(result)
    if args.json_out:
        Path(args.json_out).write_text(json.dumps({"counts": counts, "mixes": results}, indent=2), encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
