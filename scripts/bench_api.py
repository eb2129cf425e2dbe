"""Benchmark the HTTP API on a database of >= 100,000 claims (issue 5; a command, not a test).

    .venv/bin/python scripts/bench_api.py                 # build (or reuse) /tmp/claimgraph-bench.db
    .venv/bin/python scripts/bench_api.py --claims 200000 --requests 100 --rebuild

1. Builds the database quickly by synthesis: the demo corpus is ingested once for
   real, then its documents, claims, events and contradictions are copied with new
   ids (each copy's dates shifted by a day, so time filters select) until there are
   at least ``--claims`` claims. No spaCy run per copy: building 100k claims takes
   well under a minute.
2. Starts ``claimgraph.web.serve`` in a subprocess on 127.0.0.1 (a free port) and
   times ``--requests`` sequential requests per endpoint with httpx: p50, p95, max.
3. Times ingest -> browser: opens ``/api/stream``, POSTs a new article, and measures
   until the SSE ``event`` message arrives. The POST runs the whole pipeline; the
   link step relinks only the new article's neighbourhood (``link/incremental.py``).
   Measured on a fresh copy of the demo database and on a scratch copy of the big
   one (``--no-ingest-big`` skips the latter).

Every loop is bounded; the server is stopped at the end. Targets: p95 < 50 ms,
ingest -> SSE < 1 s.
"""

from __future__ import annotations

import argparse
import json
import socket
import statistics
import subprocess
import sys
import threading
import time
from dataclasses import replace
from datetime import date, timedelta
from pathlib import Path

import httpx

import claimgraph
from claimgraph.link.incremental import band_layout, signature_rows
from claimgraph.model import Claim, Contradiction, Document, Entity, Event, TimeSpan, content_hash
from claimgraph.settings import Settings
from claimgraph.store import Store

DEFAULT_DB = "/tmp/claimgraph-bench.db"
TEMPLATE_DB = "/tmp/claimgraph-bench-template.db"
COPIES_PER_BATCH = 100
SSE_TIMEOUT = 120.0  # seconds: a bound, not a target
FILLER_ENTITIES = 5000  # entities no claim names, so name lookups search a realistic table


# -- building the database ------------------------------------------------------------


def template_store(path: str = TEMPLATE_DB) -> Store:
    """The demo corpus, ingested for real once (about 10 s) and reused afterwards."""
    if Path(path).exists():
        store = Store(path)
        if store.counts()["claims"] and not store.unlinked_document_ids():
            return store
        store.close()
    with claimgraph.open(path) as cg:
        cg.ingest([str(claimgraph.demo_corpus())])
    return Store(path)


def _shift(day: str | None, days: int) -> str | None:
    if not day:
        return day
    try:
        return (date.fromisoformat(day) - timedelta(days=days)).isoformat()
    except ValueError:
        return day


def _copy_id(prefix: str, old: str, k: int) -> str:
    return f"{prefix}{content_hash(f'{old}:{k}')}"


def copy_documents(docs: list[Document], k: int) -> tuple[list[Document], dict[str, str]]:
    ids = {d.id: content_hash(f"{d.id}:{k}") for d in docs}
    copies = [replace(d, id=ids[d.id], raw_hash=None, dup_of=None, published=_shift(d.published, k),
                      path=f"{d.path or d.url or d.id}#copy{k}") for d in docs]
    return copies, ids


def copy_claims(claims: list[Claim], doc_ids: dict[str, str], k: int) -> tuple[list[Claim], dict[str, str]]:
    ids = {c.id: _copy_id("cl-", c.id, k) for c in claims}
    copies = []
    for c in claims:
        t = c.time
        copies.append(replace(c, id=ids[c.id], document_id=doc_ids[c.document_id],
                              time=TimeSpan(_shift(t.start, k), _shift(t.end, k), t.text, t.basis)))
    return copies, ids


def copy_links(events: list[Event], contradictions: list[Contradiction], claim_ids: dict[str, str],
               doc_ids: dict[str, str], k: int) -> tuple[list[Event], list[Contradiction]]:
    evs = [replace(e, id=_copy_id("ev-", e.id, k), claim_ids=[claim_ids[c] for c in e.claim_ids],
                   document_ids=[doc_ids[d] for d in e.document_ids],
                   time=TimeSpan(_shift(e.time.start, k), _shift(e.time.end, k), e.time.text))
           for e in events]
    cxs = [replace(x, id=_copy_id("cx-", x.id, k), claim_ids=[claim_ids[c] for c in x.claim_ids])
           for x in contradictions]
    return evs, cxs


def build_database(path: str, min_claims: int) -> dict[str, int]:
    """Fill ``path`` with copies of the demo corpus until it holds ``min_claims`` claims."""
    for suffix in ("", "-wal", "-shm"):
        Path(path + suffix).unlink(missing_ok=True)
    with template_store() as tpl:
        docs, claims, ents = tpl.documents(), tpl.claims(), list(tpl.entities().values())
        events, contradictions = tpl.events(), tpl.contradictions()
    copies = -(-min_claims // len(claims))
    all_events: list[Event] = []
    all_contradictions: list[Contradiction] = []
    fillers = [Entity(id=f"org:filler-{i}", name=f"Filler Organisation {i}", type="ORG",
                      aliases=[f"FO{i}"]) for i in range(FILLER_ENTITIES)]
    threshold = Settings.from_env().near_duplicate_threshold
    template_rows = {row[0]: row for row in signature_rows(docs, threshold)[0]}
    signatures = []
    with Store(path) as store:
        store.add_entities(ents + fillers)
        for first in range(0, copies, COPIES_PER_BATCH):
            batch_docs, batch_claims = [], []
            for k in range(first, min(first + COPIES_PER_BATCH, copies)):
                new_docs, doc_ids = copy_documents(docs, k)
                signatures += [(doc_ids[old], *template_rows[old][1:]) for old in doc_ids]
                new_claims, claim_ids = copy_claims(claims, doc_ids, k)
                evs, cxs = copy_links(events, contradictions, claim_ids, doc_ids, k)
                batch_docs += new_docs
                batch_claims += new_claims
                all_events += evs
                all_contradictions += cxs
            store.write_batch(batch_docs, batch_claims, [], [], [])
        # the signatures mark every copy as linked, so an ingest links only around itself
        store.replace_links(all_events, all_contradictions, signatures=signatures,
                            band_layout=band_layout(threshold))
        return store.counts()


def bench_database(path: str, min_claims: int, rebuild: bool) -> dict[str, int]:
    if not rebuild and Path(path).exists():
        with Store(path) as store:
            counts = store.counts()
            linked = not store.unlinked_document_ids()
        if counts["claims"] >= min_claims and linked:
            return counts
    return build_database(path, min_claims)


# -- the server ---------------------------------------------------------------------------


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def start_server(db: str, port: int) -> subprocess.Popen:
    code = f"from claimgraph.web import serve; serve({db!r}, host='127.0.0.1', port={port}, log_level='warning')"
    proc = subprocess.Popen([sys.executable, "-c", code])
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        try:
            if httpx.get(f"http://127.0.0.1:{port}/api/health", timeout=1).status_code == 200:
                return proc
        except httpx.HTTPError:
            time.sleep(0.2)
    proc.terminate()
    raise SystemExit("the server did not start within 60 s")


def wait_for_pipeline(base: str, seconds: float = 120) -> None:
    """serve() loads spaCy in the background at start; time ingests once it is loaded."""
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline and not httpx.get(f"{base}/api/health").json().get("pipeline_ready"):
        time.sleep(0.2)


def stop_server(proc: subprocess.Popen) -> None:
    proc.terminate()
    try:
        proc.wait(timeout=15)
    except subprocess.TimeoutExpired:
        proc.kill()


# -- latency ---------------------------------------------------------------------------------


def percentile(values: list[float], p: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(round(p / 100 * (len(ordered) - 1))))]


def time_endpoint(client: httpx.Client, url: str, n: int) -> dict[str, float]:
    timings = []
    for _ in range(n):
        started = time.perf_counter()
        response = client.get(url)
        timings.append((time.perf_counter() - started) * 1000)
        if response.status_code != 200:
            raise SystemExit(f"{url}: HTTP {response.status_code} {response.text[:200]}")
    return {"p50": statistics.median(timings), "p95": percentile(timings, 95), "max": max(timings)}


def sample_ids(client: httpx.Client) -> dict[str, str]:
    claims = client.get("/api/claims?type=ATTACK&limit=1").json()["items"]
    events = client.get("/api/events?min_sources=2&limit=1").json()["items"]
    docs = client.get("/api/documents?limit=1").json()["items"]
    return {"claim": claims[0]["id"], "event": events[0]["id"], "document": docs[0]["id"],
            "entity": "weapon:kn-23"}


def endpoints(ids: dict[str, str]) -> list[str]:
    return [
        "/api/health",
        "/api/documents",
        "/api/documents?q=missile",
        "/api/documents?outlet=Dnipro%20Courier",
        f"/api/documents/{ids['document']}",
        "/api/claims",
        "/api/claims?type=ATTACK",
        "/api/claims?entity=KN-23",
        "/api/claims?entity=Ukraine&type=CASUALTY",
        "/api/claims?source=Reuters",
        "/api/claims?place=Kharkiv",
        "/api/claims?since=2024-06-01&until=2024-06-30",
        "/api/claims?polarity=denied&modality=reported",
        "/api/claims?q=ballistic%20missile",
        "/api/claims?offset=5000",
        f"/api/claims/{ids['claim']}",
        "/api/events",
        "/api/events?type=ATTACK&min_sources=2",
        "/api/events?entity=KN-23",
        "/api/events?place=Kharkiv&since=2024-01-01",
        f"/api/events/{ids['event']}",
        "/api/entities",
        "/api/entities?q=korea",
        f"/api/entities/{ids['entity']}",
        "/api/contradictions",
        "/api/contradictions?kind=quantity",
        "/api/rejects",
    ]


# -- ingest -> SSE ------------------------------------------------------------------------------


ARTICLES = (  # invented; round n uses ARTICLES[n % 3], so attacks, transfers and properties all get timed
    "Drones struck a fuel depot in Odesa on Tuesday night, the regional governor said on Wednesday, adding "
    "that at least {a} people were wounded. Ukraine's air force said it shot down {b} of the drones launched "
    "by Russia.\n\nRussia's defence ministry denied targeting civilian infrastructure.",
    "North Korea shipped another {b} containers of artillery shells to Russia last week, South Korea's "
    "military said on Thursday, citing satellite images of rail traffic near the border.\n\n"
    "Pyongyang's foreign ministry rejected the claims as a smear.",
    "The ballistic missile that hit Kharkiv on Monday had a range of about {c} kilometres, Ukraine's air "
    "force said on Tuesday. Russia fired {a} missiles at the city, the mayor said, and {b} people were hurt.",
)


def article(n: int) -> str:
    text = ARTICLES[n % len(ARTICLES)].format(a=n + 3, b=n + 20, c=600 + 10 * n)
    return f"{text}\n\nBulletin number {n} of {time.time_ns()}."


def listen_for_event(base: str, timeout: float, connected: threading.Event, arrived: dict[str, float]) -> None:
    """Read /api/stream until the first 'event' message; note when it came."""
    with httpx.stream("GET", f"{base}/api/stream", timeout=timeout) as response:
        event = None
        for line in response.iter_lines():
            if line.startswith(":"):
                connected.set()
            elif line.startswith("event:"):
                event = line.split(":", 1)[1].strip()
            elif line.startswith("data:") and event == "event":
                arrived["event"] = time.perf_counter()
                return


def time_ingest_to_sse(base: str, rounds: int = 3, timeout: float = SSE_TIMEOUT) -> list[dict[str, float]]:
    """POST an article while listening to /api/stream; seconds until the SSE 'event' arrives."""
    results = []
    for n in range(rounds):
        arrived: dict[str, float] = {}
        connected = threading.Event()
        listener = threading.Thread(target=listen_for_event, args=(base, timeout, connected, arrived), daemon=True)
        listener.start()
        connected.wait(10)
        started = time.perf_counter()
        response = httpx.post(f"{base}/api/ingest", json={"text": article(n), "outlet": "Bench Wire",
                                                          "published": "2025-03-12"}, timeout=timeout)
        answered = time.perf_counter()
        listener.join(timeout)
        if response.status_code not in (200, 201) or "event" not in arrived:
            raise SystemExit(f"ingest -> SSE failed: HTTP {response.status_code} {response.text[:300]}")
        results.append({"post_s": answered - started, "sse_event_s": arrived["event"] - started,
                        "claims": len(response.json()["claims"])})
    return results


# -- main ---------------------------------------------------------------------------------------


def run(db: str, min_claims: int, requests: int, rebuild: bool, sse_rounds: int, ingest_big: bool) -> dict:
    started = time.perf_counter()
    counts = bench_database(db, min_claims, rebuild)
    report: dict = {"database": db, "counts": counts, "build_s": round(time.perf_counter() - started, 1)}
    port = free_port()
    server = start_server(db, port)
    try:
        # the server warms its pipeline in the background at start: time it once that is done
        wait_for_pipeline(f"http://127.0.0.1:{port}")
        with httpx.Client(base_url=f"http://127.0.0.1:{port}", timeout=30) as client:
            ids = sample_ids(client)
            report["latency_ms"] = {url: time_endpoint(client, url, requests) for url in endpoints(ids)}
    finally:
        stop_server(server)
    report["ingest_to_sse_demo_db"] = ingest_rounds(TEMPLATE_DB, "/tmp/claimgraph-bench-small.db",
                                                    sse_rounds, SSE_TIMEOUT)
    if ingest_big:
        report["ingest_to_sse_big_db"] = ingest_rounds(db, "/tmp/claimgraph-bench-scratch.db", sse_rounds,
                                                       SSE_TIMEOUT)
    return report


def ingest_rounds(source: str, scratch: str, rounds: int, timeout: float) -> list[dict[str, float]]:
    """Ingest -> SSE timings on a fresh copy of ``source`` (the copy is ingested into, not the source)."""
    copy_database(source, scratch)
    port = free_port()
    server = start_server(scratch, port)
    try:
        wait_for_pipeline(f"http://127.0.0.1:{port}")
        return time_ingest_to_sse(f"http://127.0.0.1:{port}", rounds=rounds, timeout=timeout)
    finally:
        stop_server(server)


def copy_database(source: str, target: str) -> None:
    for suffix in ("", "-wal", "-shm"):
        Path(target + suffix).unlink(missing_ok=True)
    if source == TEMPLATE_DB:
        template_store().close()
    with Store(source) as store:
        store._query("VACUUM INTO ?", (target,))


def print_report(report: dict) -> None:
    counts = report["counts"]
    print(f"database {report['database']}: {counts['claims']:,} claims, {counts['documents']:,} documents, "
          f"{counts['events']:,} events, {counts['contradictions']:,} contradictions "
          f"(ready in {report['build_s']} s)")
    print(f"\n{'endpoint':58} {'p50 ms':>8} {'p95 ms':>8} {'max ms':>8}")
    for url, t in report["latency_ms"].items():
        print(f"{url[:58]:58} {t['p50']:8.1f} {t['p95']:8.1f} {t['max']:8.1f}")
    worst = max(report["latency_ms"].items(), key=lambda kv: kv[1]["p95"])
    print(f"\nworst p95: {worst[1]['p95']:.1f} ms ({worst[0]}); target < 50 ms")
    for key in ("ingest_to_sse_demo_db", "ingest_to_sse_big_db"):
        if key not in report:
            continue
        rounds = report[key]
        delays = [r["sse_event_s"] for r in rounds]
        print(f"{key}: SSE event after median {statistics.median(delays):.2f} s, max {max(delays):.2f} s over "
              f"{len(rounds)} articles (" + ", ".join(f"{d:.2f}" for d in delays) + ")")
    print("target: SSE event < 1 s after the POST")


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--db", default=DEFAULT_DB, help="benchmark database (built if missing or too small)")
    parser.add_argument("--claims", type=int, default=100_000, help="at least this many claims")
    parser.add_argument("--requests", type=int, default=200, help="sequential requests per endpoint")
    parser.add_argument("--sse-rounds", type=int, default=6, help="ingest -> SSE measurements per database")
    parser.add_argument("--rebuild", action="store_true", help="rebuild the database even if it is big enough")
    parser.add_argument("--no-ingest-big", dest="ingest_big", action="store_false",
                        help="time ingest -> SSE on the demo database only, not on a copy of the big one")
    parser.add_argument("--json", action="store_true", help="print the report as JSON")
    args = parser.parse_args(argv)
    report = run(args.db, args.claims, args.requests, args.rebuild, args.sse_rounds, args.ingest_big)
    if args.json:
        print(json.dumps(report, indent=2))
    else:
        print_report(report)


if __name__ == "__main__":
    main()
