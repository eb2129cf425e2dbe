"""Kill -9 and resume: SIGKILL `claimgraph ingest` at random moments, resume it, and check
that nothing committed was lost, nothing is stored twice, the database is sound and the
JSON export equals an uninterrupted run's.

    PYTHONPATH=src python scripts/kill_resume.py [--kills 20] [--invent 12] [--seed 1]
                                                 [--articles DIR] [--keep DIR] [--ray-workers N]

The folder: the demo corpus and the invented held-out sets under tests/data/heldout_*/ in
`shipped/`, plus N articles invented here from hostile_inputs.py's templates in `late/`
(never evaluation data). `--articles DIR` takes a folder of your own instead (fresh kills only).

Two kinds of kill, alternating:
* fresh: the ingest of the whole folder into an empty database (its full link);
* cumulative: a database that already holds `shipped/` ingests the whole folder, so only
  `late/` is new and the link is incremental.
Each kind has its uninterrupted reference. A kill is aimed at a stage of the run, in turn
(start-up and migrations, extract and store, link, after the link), at a random moment in
it: the stage's start is seen by polling the database (documents committed, documents
linked), its length comes from the reference run. After the kill, a second ingest runs to
completion, and the script checks: `PRAGMA integrity_check` ok after the kill and after the
resume; every document committed before the kill is still there with the same claims; no
duplicate documents (content hash), claims (every column but the id), events or contradictions
(same claims), inputs; every document has as many place mentions as in the reference (they
are stored beside the batch and not exported); the resume reports every article ingested or duplicate; the JSON
export equals the reference byte for byte (the export carries no timestamps: `ingested_at`
and `seen_at` stay in the database). Exit code 1 when a kill fails a check.

With ``--ray-workers N`` every ingest (references and resumes too) is ``claimgraph ingest
--engine ray --workers N`` on a Ray of its own (``ray.init()`` on 127.0.0.1), and what is
killed is not the ingest but one of its Ray actors (a ``ray::StageWorker`` process, found
among the ingest's descendants in /proc), at a random moment while the actors load their
models or while documents are cleaned, parsed, extracted and stored (the actors are gone
before the link, which runs in the ingest process). The ingest must then stop by itself
within ``HANG_SECONDS`` with a one-line error, leave no Ray process behind, and the resume
must pass every check above; the references must also equal the in-process engine's export.
"""

from __future__ import annotations

import argparse
import json
import os
import random
import re
import shutil
import signal
import sqlite3
import subprocess
import sys
import tempfile
import time
from dataclasses import asdict, dataclass, field
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from hostile_inputs import OUTLETS, article  # noqa: E402  (the invented articles' templates)

ROOT = Path(__file__).resolve().parents[1]
SHIPPED = [ROOT / "src" / "claimgraph" / "data" / "demo" / "corpus",
           *sorted(p / "articles" for p in (ROOT / "tests" / "data").glob("heldout_*"))]
SUMMARY = re.compile(r"^ingested (\d+), duplicates (\d+), rejected (\d+)", re.M)
# stages a kill is aimed at, in turn: most of a run is extract and store, the link is short
PLAN = ("extract", "link", "extract", "startup", "extract", "link", "extract", "after-link", "extract", "link")
# a Ray actor's life: loading its models (no new document yet), then the batches
RAY_PLAN = ("extract", "load", "extract", "extract", "load")
POLL = 0.005
HANG_SECONDS = 300  # an ingest whose worker died must end by itself well within this
RAY_ACTOR = "ray::StageWorker"
UNLINKED = ("SELECT COUNT(*) FROM documents d WHERE NOT EXISTS"
            " (SELECT 1 FROM document_signatures s WHERE s.document_id = d.id)")


# -- the folder -------------------------------------------------------------------------

def make_folder(target: Path, invent: int, seed: int, shipped: bool = True) -> tuple[Path, Path | None]:
    """The folder to ingest and, when there is one, its part already stored before a
    cumulative kill (``shipped/``)."""
    early = target / "shipped"
    if shipped:
        for src in SHIPPED:
            name = "demo" if src.parent.name == "demo" else src.parent.name
            shutil.copytree(src, early / name, ignore=shutil.ignore_patterns("README.md"))
    late = target / "late" / "invented"
    late.mkdir(parents=True, exist_ok=True)
    rng = random.Random(seed)
    meta = {}
    for i in range(invent):
        name = f"{i:03d}.txt"
        (late / name).write_text(article(rng, 9000 + i), encoding="utf-8")
        meta[name] = {"outlet": OUTLETS[i % len(OUTLETS)], "published": f"2025-03-{1 + i % 20:02d}"}
    (late / "meta.json").write_text(json.dumps(meta, indent=1), encoding="utf-8")
    return target, (early if shipped else None)


def count_articles(db: Path) -> int:
    return query(db, "SELECT COUNT(*) FROM documents")


# -- running and watching an ingest ---------------------------------------------------------

def console_script() -> str | None:
    """The installed `claimgraph` beside this Python, or on the PATH."""
    beside = Path(sys.executable).parent / "claimgraph"
    return str(beside) if beside.exists() else shutil.which("claimgraph")


def child_env(batch_size: int) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith("CLAIMGRAPH_")}
    env["CLAIMGRAPH_BATCH_SIZE"] = str(batch_size)
    src = str(ROOT / "src")
    env["PYTHONPATH"] = os.pathsep.join(p for p in (src, env.get("PYTHONPATH")) if p)
    return env


def query(db: Path, sql: str) -> int:
    """One number read from a database another process may be writing (0 if unreadable yet)."""
    if not db.exists():
        return 0
    try:
        conn = sqlite3.connect(f"file:{db}?mode=ro", uri=True, timeout=1)
        try:
            return conn.execute(sql).fetchone()[0]
        finally:
            conn.close()
    except sqlite3.Error:  # not created yet, or mid-migration
        return 0


@dataclass
class Timeline:
    """Seconds from the start of an ingest to: its first new document committed, all
    documents committed, all documents linked, the process gone (and, on Ray, its first
    actor seen)."""
    first: float
    stored: float
    linked: float
    exit: float
    actor: float = 0.0


def ingest_command(script: str, db: Path, folder: Path, ray_workers: int) -> list[str]:
    engine = ["--engine", "ray", "--workers", str(ray_workers)] if ray_workers else []
    return [script, "--db", str(db), "ingest", *engine, str(folder)]


def start_ingest(script: str, db: Path, folder: Path, env: dict[str, str], ray_workers: int = 0
                 ) -> subprocess.Popen:
    return subprocess.Popen(ingest_command(script, db, folder, ray_workers), env=env, text=True,
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, start_new_session=True)


# -- the processes of a Ray ingest (read from /proc: no dependency for this) -----------------

def process_table() -> dict[int, tuple[int, int, str]]:
    """pid -> (parent pid, session id, command line) of every process we may read."""
    table = {}
    for entry in Path("/proc").iterdir():
        if not entry.name.isdigit():
            continue
        try:
            fields = (entry / "stat").read_text().rsplit(")", 1)[1].split()
            cmdline = (entry / "cmdline").read_bytes().replace(b"\0", b" ").decode("utf-8", "replace").strip()
        except OSError:  # ended meanwhile
            continue
        table[int(entry.name)] = (int(fields[1]), int(fields[3]), cmdline)
    return table


def ray_actors(root: int) -> list[int]:
    """The Ray actor processes among the descendants of ``root`` (Ray titles them
    ``ray::StageWorker`` and ``ray::StageWorker.<method>()`` while they run one)."""
    table = process_table()
    children: dict[int, list[int]] = {}
    for pid, (ppid, _, _) in table.items():
        children.setdefault(ppid, []).append(pid)
    found, todo = [], list(children.get(root, []))
    while todo:
        pid = todo.pop()
        if table[pid][2].startswith(RAY_ACTOR):
            found.append(pid)
        todo += children.get(pid, [])
    return sorted(found)


def left_in_session(session: int) -> list[str]:
    """Processes still in the session an ingest started (Ray's servers and workers included)."""
    return [f"{pid} {cmd[:60]}" for pid, (_, sid, cmd) in process_table().items() if sid == session]


def end_session(session: int) -> None:
    """SIGKILL whatever a failed ingest left in its own session (only that session)."""
    try:
        os.killpg(session, signal.SIGKILL)
    except ProcessLookupError:
        pass


def wait_for(proc: subprocess.Popen, done, timeout: float = 900) -> bool:
    """Poll until ``done()``; False if the process ended first."""
    deadline = time.monotonic() + timeout
    while not done():
        if proc.poll() is not None or time.monotonic() > deadline:
            return False
        time.sleep(POLL)
    return True


def watched_ingest(script: str, db: Path, folder: Path, env: dict[str, str], before: int,
                   ray_workers: int = 0) -> Timeline:
    """An uninterrupted ingest, with the moments its stages ended (seen by polling)."""
    t0 = time.monotonic()
    proc = start_ingest(script, db, folder, env, ray_workers)
    samples, actor = [], 0.0
    while proc.poll() is None:
        samples.append((time.monotonic() - t0, count_articles(db), query(db, UNLINKED)))
        if ray_workers and not actor and ray_actors(proc.pid):
            actor = time.monotonic() - t0
        time.sleep(POLL)
    _, err = proc.communicate()
    end = time.monotonic() - t0
    if proc.returncode != 0:
        sys.exit(f"the reference ingest failed ({proc.returncode}): {err.strip()[-2000:]}")
    total = count_articles(db)
    samples.append((end, total, query(db, UNLINKED)))
    first = next(t for t, docs, _ in samples if docs > before)
    stored = next(t for t, docs, _ in samples if docs >= total)
    linked = next(t for t, docs, unlinked in samples if docs >= total and not unlinked)
    if ray_workers and not actor:
        sys.exit("the reference Ray ingest ran no ray::StageWorker process that this script could see")
    return Timeline(first, stored, linked, end, actor)


# -- what a database holds ----------------------------------------------------------------

def integrity(db: Path) -> str:
    conn = sqlite3.connect(db)
    try:
        return "; ".join(r[0] for r in conn.execute("PRAGMA integrity_check"))
    finally:
        conn.close()


def claims_by_document(db: Path) -> dict[str, set[str]]:
    conn = sqlite3.connect(db)
    try:
        out: dict[str, set[str]] = {d: set() for (d,) in conn.execute("SELECT id FROM documents")}
        for cid, doc_id in conn.execute("SELECT id, document_id FROM claims"):
            out.setdefault(doc_id, set()).add(cid)
        return out
    finally:
        conn.close()


DUPLICATES = {
    "documents": "SELECT COUNT(*) - COUNT(DISTINCT raw_hash) FROM documents",
    "claims": "SELECT COUNT(*) - (SELECT COUNT(*) FROM (SELECT DISTINCT document_id, type, text, char_start, char_end,"
              " source, via, polarity, modality, time_start, time_end, time_text, time_basis, quantities, roles,"
              " trigger, attribute, sentence FROM claims)) FROM claims",
    "events": "SELECT COUNT(*) - COUNT(DISTINCT members) FROM (SELECT group_concat(claim_id, ',') AS members"
              " FROM (SELECT event_id, claim_id FROM event_claims ORDER BY event_id, claim_id) GROUP BY event_id)",
    "contradictions": "SELECT COUNT(*) - COUNT(DISTINCT members) FROM (SELECT group_concat(claim_id, ',') AS"
                      " members FROM (SELECT contradiction_id, claim_id FROM contradiction_claims"
                      " ORDER BY contradiction_id, claim_id) GROUP BY contradiction_id)",
    "inputs": "SELECT COUNT(*) - COUNT(DISTINCT origin) FROM inputs WHERE status = 'ingested'",
}


def duplicates(db: Path) -> dict[str, int]:
    conn = sqlite3.connect(db)
    try:
        return {name: conn.execute(sql).fetchone()[0] for name, sql in DUPLICATES.items()}
    finally:
        conn.close()


def place_mentions(db: Path) -> dict[str, int]:
    """Place mentions per document: stored beside the batch, not in the export."""
    conn = sqlite3.connect(db)
    try:
        return dict(conn.execute("SELECT document_id, COUNT(*) FROM place_mentions GROUP BY document_id"))
    finally:
        conn.close()


def export(db: Path) -> str:
    """The JSON export contract, as text with sorted keys (list order is the export's own)."""
    import claimgraph

    with claimgraph.open(str(db)) as cg:
        return json.dumps(cg.export(), sort_keys=True, ensure_ascii=False)


def sorted_deep(value):
    if isinstance(value, dict):
        return {k: sorted_deep(v) for k, v in value.items()}
    if isinstance(value, list):
        return sorted((sorted_deep(v) for v in value), key=lambda v: json.dumps(v, sort_keys=True))
    return value


def export_difference(got: str, want: str) -> str:
    """'' when equal; else which sections differ, and whether only in order."""
    if got == want:
        return ""
    a, b = json.loads(got), json.loads(want)
    if sorted_deep(a) == sorted_deep(b):
        return "same records, other order"
    parts = []
    for section in sorted(set(a) | set(b)):
        if a.get(section) != b.get(section):
            ids_a = {r.get("id") for r in a.get(section, []) if isinstance(r, dict)}
            ids_b = {r.get("id") for r in b.get(section, []) if isinstance(r, dict)}
            parts.append(f"{section} (+{len(ids_a - ids_b)} -{len(ids_b - ids_a)} ids)")
    return "differs: " + ", ".join(parts)


# -- one kill --------------------------------------------------------------------------------

@dataclass
class Kill:
    n: int
    kind: str
    aim: str
    at: float = 0.0  # seconds after the ingest started
    stage: str = ""  # what the database shows the kill interrupted
    docs_before: int = 0
    docs_after: int = 0
    resume: str = ""
    exit: int | None = None  # the killed ingest's exit code (Ray: the ingest whose worker died)
    victim: int | None = None  # Ray: the actor's pid
    lost: int = 0
    problems: list[str] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        return not self.problems


def observed_stage(db: Path, before: int, total: int, ended: bool, ray: bool = False) -> str:
    if ended:
        return "finished first"
    docs = count_articles(db)
    if docs <= before:
        return "loading" if ray else "start-up"
    if docs < total:
        return "extract/store"
    if ray:  # the actors had handed every batch back
        return "after store"
    return "link" if query(db, UNLINKED) else "after link"


def aim_and_kill(proc: subprocess.Popen, db: Path, aim: str, ref: Timeline, before: int, total: int,
                 rng: random.Random) -> tuple[float, bool]:
    """Wait for the stage ``aim`` to begin, then a random share of its reference length,
    then SIGKILL. Returns the moment, and whether the process had ended first."""
    t0 = time.monotonic()
    start = {"startup": lambda: True,
             "extract": lambda: count_articles(db) > before,
             "link": lambda: count_articles(db) >= total,
             "after-link": lambda: count_articles(db) >= total and query(db, UNLINKED) == 0}[aim]
    length = {"startup": ref.first, "extract": ref.stored - ref.first, "link": ref.linked - ref.stored,
              "after-link": ref.exit - ref.linked}[aim]
    if wait_for(proc, start):
        time.sleep(rng.uniform(0, max(length, POLL)))
    at = time.monotonic() - t0
    if proc.poll() is not None:
        proc.communicate()
        return at, True
    os.kill(proc.pid, signal.SIGKILL)
    proc.communicate(timeout=60)
    return at, False


def aim_at_a_worker(proc: subprocess.Popen, db: Path, aim: str, ref: Timeline, before: int, total: int,
                    rng: random.Random) -> tuple[float, int | None]:
    """Wait for a random moment of the stage ``aim`` of a Ray ingest, then SIGKILL one of the
    actors alive then. ``load``: a random share of the reference run's loading time after the
    actors exist; ``extract``: once a random number of the new documents is committed (counted,
    not timed: a run quicker than the reference would otherwise be past its batches). Returns
    the moment and the pid killed (None: no actor was left to kill)."""
    t0 = time.monotonic()
    if aim == "load":
        if wait_for(proc, lambda: bool(ray_actors(proc.pid))):
            time.sleep(rng.uniform(0, max(ref.first - ref.actor, POLL)))
    else:
        committed = rng.randint(before + 1, max(before + 1, total - 1))
        wait_for(proc, lambda: count_articles(db) >= committed)
    at = time.monotonic() - t0
    actors = ray_actors(proc.pid) if proc.poll() is None else []
    if not actors:
        return at, None
    victim = rng.choice(actors)
    try:
        os.kill(victim, signal.SIGKILL)
    except ProcessLookupError:  # ended between the look and the kill
        return at, None
    return at, victim


def after_worker_kill(k: "Kill", proc: subprocess.Popen) -> None:
    """The ingest whose worker died must end by itself (exit 0 when the worker had done all
    its work), say why in one line, and leave no Ray process behind."""
    try:
        _, err = proc.communicate(timeout=HANG_SECONDS)
    except subprocess.TimeoutExpired:
        end_session(proc.pid)
        proc.communicate()
        k.problems.append(f"hang: the ingest was still running {HANG_SECONDS} s after its worker was killed")
        return
    k.exit = proc.returncode
    if proc.returncode and "worker was lost" not in err:
        k.problems.append(f"ingest exit {proc.returncode}: {err.strip()[-300:]}")
    deadline = time.monotonic() + 10  # Ray's servers end a moment after their driver
    while (left := left_in_session(proc.pid)) and time.monotonic() < deadline:
        time.sleep(0.2)
    if left:
        k.problems.append(f"{len(left)} processes left behind: {'; '.join(left[:3])}")
        end_session(proc.pid)


def copy_database(src: Path, dst: Path) -> None:
    a, b = sqlite3.connect(src), sqlite3.connect(dst)
    try:
        a.backup(b)
    finally:
        a.close()
        b.close()


def one_kill(k: Kill, script: str, folder: Path, env: dict[str, str], db: Path, setup: "Setup", total: int,
             rng: random.Random) -> Kill:
    before, ref, ray_workers = setup.before, setup.timeline, setup.ray_workers
    proc = start_ingest(script, db, folder, env, ray_workers)
    if ray_workers:
        k.at, k.victim = aim_at_a_worker(proc, db, k.aim, ref, before, total, rng)
        k.stage = observed_stage(db, before, total, k.victim is None, ray=True)
        after_worker_kill(k, proc)
    else:
        k.at, ended = aim_and_kill(proc, db, k.aim, ref, before, total, rng)
        k.stage = observed_stage(db, before, total, ended)
    if db.exists() and (state := integrity(db)) != "ok":
        k.problems.append(f"integrity after kill: {state}")
    committed = claims_by_document(db) if db.exists() else {}
    k.docs_before = len(committed)

    done = subprocess.run(ingest_command(script, db, folder, ray_workers), env=env, text=True,
                          capture_output=True, timeout=900)
    if done.returncode != 0:
        k.problems.append(f"resume exit {done.returncode}: {done.stderr.strip()[-300:]}")
        return k
    m = SUMMARY.search(done.stdout)
    ingested, dups, rejected = map(int, m.groups()) if m else (-1, -1, -1)
    k.resume = f"+{ingested} ={dups}"
    if ingested + dups != total or rejected:
        k.problems.append(f"resume counted {ingested} ingested, {dups} duplicates, {rejected} rejected")
    if (state := integrity(db)) != "ok":
        k.problems.append(f"integrity after resume: {state}")
    final = claims_by_document(db)
    k.docs_after = len(final)
    lost = [d for d in committed if d not in final]
    k.lost = len(lost)
    changed = [d for d in committed if d in final and final[d] != committed[d]]
    if lost or changed:
        k.problems.append(f"{len(lost)} committed documents lost, {len(changed)} changed their claims")
    if k.docs_after != total:
        k.problems.append(f"{k.docs_after} documents stored, {total} expected")
    dup = {name: n for name, n in duplicates(db).items() if n}
    if dup:
        k.problems.append(f"duplicates: {dup}")
    if (places := place_mentions(db)) != setup.places:
        missing = sorted(d for d in setup.places if places.get(d) != setup.places[d])
        k.problems.append(f"place mentions differ for {len(missing)} documents")
    if diff := export_difference(export(db), setup.export):
        k.problems.append(f"export {diff}")
    return k


# -- the whole run ------------------------------------------------------------------------

@dataclass
class Setup:
    """One kind of kill: the database it starts from, its reference."""
    kind: str
    base: Path | None
    before: int
    timeline: Timeline
    export: str
    places: dict[str, int]
    ray_workers: int = 0


def reference(kind: str, work: Path, script: str, folder: Path, env: dict[str, str], base: Path | None,
              ray_workers: int = 0) -> Setup:
    db = work / f"reference-{kind}{'-ray' if ray_workers else ''}.db"
    if base is not None:
        copy_database(base, db)
    before = count_articles(db) if base is not None else 0
    timeline = watched_ingest(script, db, folder, env, before, ray_workers)
    return Setup(kind, base, before, timeline, export(db), place_mentions(db), ray_workers)


def ray_references(setups: list[Setup], work: Path, script: str, folder: Path, env: dict[str, str],
                   ray_workers: int) -> list[Setup]:
    """The same references ingested on Ray: the kills are timed from them, and their exports
    must already equal the in-process engine's (else a resume could not)."""
    ray_setups = []
    for s in setups:
        r = reference(s.kind, work, script, folder, env, s.base, ray_workers)
        if diff := export_difference(r.export, s.export):
            sys.exit(f"the uninterrupted Ray ingest ({s.kind}) does not export what the in-process one does: {diff}")
        ray_setups.append(r)
    return ray_setups


def run(kills: int, invent: int, seed: int, work: Path, articles: Path | None = None, batch_size: int = 4,
        shipped: bool = True, ray_workers: int = 0, say=lambda line: print(line, flush=True)) -> list[Kill]:
    script, env = console_script(), child_env(batch_size)
    if script is None:
        sys.exit("the claimgraph console script is not installed")
    rng = random.Random(seed)
    if articles is None:
        folder, early = make_folder(work / "articles", invent, seed, shipped)
    else:
        folder, early = articles, None
    started = time.monotonic()
    setups = [reference("fresh", work, script, folder, env, None)]
    total = count_articles(work / "reference-fresh.db")
    if early is not None:
        base = work / "base.db"
        subprocess.run([script, "--db", str(base), "ingest", str(early)], env=env, check=True,
                       capture_output=True, timeout=900)
        setups.append(reference("cumulative", work, script, folder, env, base))
    if ray_workers:
        setups = ray_references(setups, work, script, folder, env, ray_workers)
    for s in setups:
        t = s.timeline
        say(f"reference {s.kind}{f' (Ray, {ray_workers} workers)' if ray_workers else ''}: {total} documents "
            f"({s.before} stored before); {f'first actor {t.actor:.1f} s, ' if ray_workers else ''}"
            f"first commit {t.first:.1f} s, all stored {t.stored:.1f} s, linked {t.linked:.1f} s, exit {t.exit:.1f} s")
    say(f"{'#':>3} {'kind':<10} {'aimed at':<10} {'moment':>7} {'stage seen':<14} {'docs':>5} {'after':>5}"
        f" {'resume':<9} result")
    results = []
    for n in range(kills):
        setup = setups[n % len(setups)]
        db = work / f"kill-{n:02d}.db"
        if setup.base is not None:
            copy_database(setup.base, db)
        plan = RAY_PLAN if ray_workers else PLAN
        aim = plan[(n // len(setups)) % len(plan)]  # each kind of kill meets every stage
        k = one_kill(Kill(n + 1, setup.kind, aim), script, folder, env, db, setup, total, rng)
        results.append(k)
        say(f"{k.n:>3} {k.kind:<10} {k.aim:<10} {k.at:>6.2f}s {k.stage:<14} {k.docs_before:>5} {k.docs_after:>5}"
            f" {k.resume:<9} {f'exit {k.exit} ' if ray_workers else ''}{'ok' if k.ok else 'FAIL: ' + '; '.join(k.problems)}")
        for suffix in ("", "-wal", "-shm"):
            Path(f"{db}{suffix}").unlink(missing_ok=True)
    stages: dict[str, int] = {}
    for k in results:
        stages[k.stage] = stages.get(k.stage, 0) + 1
    say(f"summary: {sum(k.ok for k in results)}/{len(results)} kills ok; stages interrupted: "
        + ", ".join(f"{s} {c}" for s, c in sorted(stages.items()))
        + f"; committed documents lost: {sum(k.lost for k in results)}; wall time {time.monotonic() - started:.0f} s")
    return results


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--kills", type=int, default=20)
    parser.add_argument("--invent", type=int, default=12, help="articles invented into late/ (default 12)")
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--batch-size", type=int, default=4, help="documents per committed batch (default 4)")
    parser.add_argument("--articles", type=Path, help="ingest this folder instead (fresh kills only)")
    parser.add_argument("--only-invented", action="store_true", help="leave the shipped corpora out")
    parser.add_argument("--keep", type=Path, help="work here and keep the databases (default: a temporary folder)")
    parser.add_argument("--json", dest="json_out", type=Path, help="write each kill's outcome to this file")
    parser.add_argument("--ray-workers", type=int, default=0, metavar="N",
                        help="ingest with --engine ray --workers N and kill one of its Ray actors instead")
    args = parser.parse_args()
    if args.keep:
        args.keep.mkdir(parents=True, exist_ok=True)
        work = args.keep
    else:
        work = Path(tempfile.mkdtemp(prefix="kill-resume-"))
    load_before, started = os.getloadavg()[0], time.monotonic()
    try:
        results = run(args.kills, args.invent, args.seed, work, args.articles, args.batch_size,
                      shipped=not args.only_invented, ray_workers=args.ray_workers)
    finally:
        if not args.keep:
            shutil.rmtree(work, ignore_errors=True)
    if args.json_out:
        args.json_out.write_text(json.dumps({
            "kills": [{**asdict(k), "ok": k.ok} for k in results], "seconds": round(time.monotonic() - started),
            "ray_workers": args.ray_workers,
            "load": [round(load_before, 1), round(os.getloadavg()[0], 1)]}, indent=2), encoding="utf-8")
    return 0 if all(k.ok for k in results) else 1


if __name__ == "__main__":
    sys.exit(main())
