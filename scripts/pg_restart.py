"""Restart PostgreSQL in the middle of a `claimgraph ingest` and check that the ingest
reconnects and finishes with what an uninterrupted ingest stores (issue 12; a command, not a
test: tests/test_postgres_restart.py plays the outage with a loopback relay).

    PYTHONPATH=src python scripts/pg_restart.py [--articles 60] [--restarts 3] [--down 5] [--json OUT]

1. Starts a throw-away PostgreSQL cluster on 127.0.0.1 with `.ci/postgres start` (in a
   temporary folder; stopped and removed at the end) and writes ``--articles`` invented
   articles (hostile_inputs.py's templates) into a folder.
2. Reference: `claimgraph --db URL/reference ingest FOLDER` without interruption.
3. For each restart: `claimgraph --db URL/run_K ingest FOLDER` in batches of 4; once the first
   documents are committed, `pg_ctl stop -m fast` (every connection is cut), ``--down`` seconds
   with no server, `pg_ctl start`; each later restart waits for more documents first. (A bare
   `pg_ctl restart` is away for half a second and mostly falls between two statements, which
   the store survived already.)
4. Checks: the ingest exits 0 with no traceback, every article is stored once, the JSON
   export equals the reference byte for byte.
"""

from __future__ import annotations

import argparse
import json
import os
import random
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import psycopg

sys.path.insert(0, str(Path(__file__).resolve().parent))
from hostile_inputs import article  # noqa: E402 - a sibling script

ROOT = Path(__file__).resolve().parents[1]
INGEST_TIMEOUT = 900


def start_cluster(folder: Path) -> str:
    out = subprocess.run(["bash", str(ROOT / ".ci" / "postgres"), "start", str(folder)], capture_output=True,
                         text=True, timeout=900).stdout.strip()
    if not out.startswith("postgresql://"):
        raise SystemExit(f"no PostgreSQL server: {out}")
    return out


def restart_cluster(folder: Path, down: float) -> float:
    """Stop the server (-m fast: every connection is cut), keep it away ``down`` seconds (a
    fail-over, an upgrade), start it again; the seconds it was away."""
    bin_dir = sorted(Path("/usr/lib/postgresql").glob("*/bin"), key=lambda p: int(p.parent.name))[-1]
    pg_ctl = ["runuser", "-u", "postgres", "--", str(bin_dir / "pg_ctl"), "-D", str(folder / "data"), "-w", "-t", "60"]
    started = time.perf_counter()
    subprocess.run([*pg_ctl, "-m", "fast", "stop"], check=True, stdout=subprocess.DEVNULL,
                   stderr=subprocess.DEVNULL, timeout=120)
    time.sleep(down)
    # -l: the server's output goes to its log, not to a pipe of ours that it would hold open;
    # the options it was started with (port, loopback) are kept in postmaster.opts
    options = (folder / "data" / "postmaster.opts").read_text().split(None, 1)[1].strip()
    subprocess.run([*pg_ctl, "-l", str(folder / "server.log"), "-o", options_without_data_dir(options), "start"],
                   check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, timeout=120)
    return time.perf_counter() - started


def options_without_data_dir(options: str) -> str:
    """The server options of postmaster.opts ("-D" "dir" "-c" "x=y" ...) but the data folder,
    which pg_ctl passes itself.

    >>> options_without_data_dir('"-D" "/d" "-c" "listen_addresses=127.0.0.1" "-p" "5"')
    '-c listen_addresses=127.0.0.1 -p 5'
    """
    import shlex

    words = shlex.split(options)
    kept = [w for i, w in enumerate(words) if w != "-D" and (i == 0 or words[i - 1] != "-D")]
    return " ".join(shlex.quote(w) for w in kept)


def database_url(server: str, name: str) -> str:
    with psycopg.connect(server, autocommit=True) as admin:
        admin.execute(f"DROP DATABASE IF EXISTS {name}")
        admin.execute(f"CREATE DATABASE {name}")
    return server.rsplit("/", 1)[0] + "/" + name


def ingest(db: str, folder: Path) -> subprocess.Popen:
    env = {**os.environ, "CLAIMGRAPH_DB": "", "CLAIMGRAPH_BATCH_SIZE": "4"}
    return subprocess.Popen([sys.executable, "-m", "claimgraph.cli", "--db", db, "ingest", str(folder)],
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, env=env)


def documents(db: str) -> int:
    try:
        with psycopg.connect(db, connect_timeout=3) as conn:
            return conn.execute("SELECT count(*) FROM documents").fetchone()[0]
    except psycopg.Error:
        return 0  # not created yet, or the server is restarting


def export(db: str) -> str:
    out = subprocess.run([sys.executable, "-m", "claimgraph.cli", "--db", db, "export"], capture_output=True,
                         text=True, timeout=300, env={**os.environ, "CLAIMGRAPH_DB": ""})
    return json.dumps(json.loads(out.stdout), sort_keys=True)


def one_run(server: str, cluster: Path, folder: Path, k: int, wait_for: int, reference: str, total: int,
            down: float) -> dict:
    db = database_url(server, f"restart_{k}")
    proc = ingest(db, folder)
    started = time.perf_counter()
    while documents(db) < wait_for and proc.poll() is None and time.perf_counter() - started < INGEST_TIMEOUT:
        time.sleep(0.2)
    stored_before = documents(db)
    restarted = proc.poll() is None
    restart_seconds = restart_cluster(cluster, down) if restarted else 0.0
    try:
        stdout, stderr = proc.communicate(timeout=INGEST_TIMEOUT)
    except subprocess.TimeoutExpired:
        proc.kill()
        stdout, stderr = proc.communicate()
    stored = documents(db)
    with psycopg.connect(db) as conn:
        distinct = conn.execute("SELECT count(DISTINCT id) FROM documents").fetchone()[0]
    return {"restarted_after_documents": stored_before if restarted else None,
            "away_seconds": round(restart_seconds, 2), "exit": proc.returncode,
            "traceback": "Traceback (most recent call last)" in stderr, "documents": stored,
            "duplicates": stored - distinct, "missing": total - distinct,
            "export_identical": export(db) == reference, "seconds": round(time.perf_counter() - started, 1),
            "summary": stdout.strip().splitlines()[-1:] or stderr.strip().splitlines()[-2:]}


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--articles", type=int, default=60)
    parser.add_argument("--restarts", type=int, default=3)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--down", type=float, default=5.0, help="seconds the server stays stopped")
    parser.add_argument("--json", dest="json_out")
    args = parser.parse_args()
    work = Path(tempfile.mkdtemp(prefix="pg-restart-"))
    work.chmod(0o755)  # the server runs as its own user and must reach its folder
    cluster, folder = work / "pg", work / "articles"
    folder.mkdir()
    rng = random.Random(args.seed)
    for i in range(args.articles):
        (folder / f"article_{i:03d}.txt").write_text(article(rng, i), encoding="utf-8")
    load_before = os.getloadavg()[0]
    server = start_cluster(cluster)
    try:
        reference_db = database_url(server, "reference")
        started = time.perf_counter()
        proc = ingest(reference_db, folder)
        proc.communicate(timeout=INGEST_TIMEOUT)
        reference_seconds = time.perf_counter() - started
        reference = export(reference_db)
        runs = []
        for k in range(args.restarts):
            # the first documents, then later and later in the ingest
            wait_for = 1 + k * args.articles // (args.restarts + 1)
            runs.append(one_run(server, cluster, folder, k, wait_for, reference, args.articles, args.down))
            print(f"restart {k + 1}: {runs[-1]}", flush=True)
    finally:
        subprocess.run(["bash", str(ROOT / ".ci" / "postgres"), "stop", str(cluster)], timeout=120)
        shutil.rmtree(work, ignore_errors=True)
    ok = [r for r in runs if r["restarted_after_documents"] is not None and r["exit"] == 0 and not r["traceback"]
          and r["missing"] == 0 and r["duplicates"] == 0 and r["export_identical"]]
    result = {"articles": args.articles, "reference_seconds": round(reference_seconds, 1), "runs": runs,
              "ok": len(ok), "restarts": args.restarts, "load": [load_before, os.getloadavg()[0]]}
    print(f"{len(ok)}/{args.restarts} restarts: the ingest reconnected, lost nothing, duplicated nothing and "
          f"exported as the uninterrupted run ({reference_seconds:.0f} s); load average {load_before:.1f} / "
          f"{os.getloadavg()[0]:.1f}")
    if args.json_out:
        Path(args.json_out).write_text(json.dumps(result, indent=2), encoding="utf-8")
    return 0 if len(ok) == args.restarts else 1


if __name__ == "__main__":
    sys.exit(main())
