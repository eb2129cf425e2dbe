"""Idempotent and resumable (DESIGN.md, "Principles").

* The same folder ingested twice: the second run reports only duplicates and the
  export does not change by a byte; the same input in a fresh database gives the
  same export.
* Kill, then resume: ``claimgraph ingest`` is SIGKILLed after its first batches are
  committed; the database holds only whole batches, and a re-run finishes the job
  with every article stored once, with the same claims as an uninterrupted run.
* ``scripts/kill_resume.py`` does that at K random moments (start-up, extract, link, after
  it) on a fresh and on a filled database; two of them run here.
"""

from __future__ import annotations

import json
import os
import re
import shutil
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import pytest
from click.testing import CliRunner

from claimgraph.cli import main
from claimgraph.export.json import contract_errors

E2E = Path(__file__).parent / "data" / "e2e"
ARTICLES = E2E / "articles"
SUMMARY = re.compile(r"^ingested (\d+), duplicates (\d+), rejected (\d+)")
N_ARTICLES = 40
BATCH = 4


def load_kill_resume():
    """scripts/kill_resume.py: K kills of a real ingest; its checks serve the tests here too."""
    import importlib.util

    if "kill_resume" in sys.modules:
        return sys.modules["kill_resume"]
    path = Path(__file__).resolve().parents[1] / "scripts" / "kill_resume.py"
    spec = importlib.util.spec_from_file_location("kill_resume", path)
    module = importlib.util.module_from_spec(spec)
    sys.modules["kill_resume"] = module  # its dataclasses look their module up there
    spec.loader.exec_module(module)
    return module


kill_resume = load_kill_resume()


def run(db: Path, *args: str):
    result = CliRunner().invoke(main, ["--db", str(db), *args], prog_name="claimgraph",
                                env={"CLAIMGRAPH_DB": None, "CLAIMGRAPH_BATCH_SIZE": None})
    assert result.exit_code == 0, (result.output, result.exception)
    return result.stdout


def counts(summary: str) -> tuple[int, int, int]:
    m = SUMMARY.match(summary.strip())
    assert m, summary
    return tuple(map(int, m.groups()))  # type: ignore[return-value]


def export(db: Path) -> dict:
    data = json.loads(run(db, "export"))
    assert contract_errors(data) == []
    return data


def dumps(data: dict, *sections: str) -> str:
    return json.dumps({k: data[k] for k in sections}, sort_keys=True, ensure_ascii=False)


# -- idempotency -------------------------------------------------------------------------


def test_resume_same_folder_twice_changes_nothing(tmp_path):
    db = tmp_path / "twice.db"
    assert counts(run(db, "ingest", str(ARTICLES))) == (3, 0, 0)
    first = export(db)
    assert counts(run(db, "ingest", str(ARTICLES))) == (0, 3, 0)
    second = export(db)
    for section in ("claims", "events", "entities", "documents", "contradictions"):
        assert dumps(first, section) == dumps(second, section), section
    assert json.dumps(first) == json.dumps(second)


def test_resume_same_input_fresh_database_same_export(tmp_path):
    one, two = tmp_path / "one.db", tmp_path / "two.db"
    run(one, "ingest", str(ARTICLES))
    run(two, "ingest", str(ARTICLES))
    assert json.dumps(export(one)) == json.dumps(export(two))


def test_resume_piecewise_ingest_equals_one_shot(tmp_path):
    """One file first, then the folder (which holds it): the same result as the folder at once."""
    piecewise, one_shot = tmp_path / "piecewise.db", tmp_path / "one_shot.db"
    assert counts(run(piecewise, "ingest", str(ARTICLES / "02_mykolaiv_depot_followup.html"))) == (1, 0, 0)
    assert counts(run(piecewise, "ingest", str(ARTICLES))) == (2, 1, 0)
    run(one_shot, "ingest", str(ARTICLES))
    a, b = export(piecewise), export(one_shot)
    for section in ("documents", "claims", "events", "entities", "contradictions"):
        assert dumps(a, section) == dumps(b, section), section


# -- kill, then resume ---------------------------------------------------------------------

CITIES = ["Kharkiv", "Odesa", "Dnipro", "Zaporizhzhia", "Sumy", "Kherson", "Mykolaiv", "Poltava",
          "Chernihiv", "Kramatorsk"]
OUTLETS = ["Steppe Wire", "Morning Ledger", "Frontline Digest", "Harbour Gazette", "River Post"]
WEAPONS = ["Shahed drones", "Iskander-M missiles", "Kh-101 cruise missiles", "glide bombs", "S-300 missiles"]
SUPPLIERS = [("Iran", "drones"), ("North Korea", "artillery shells"), ("Belarus", "armoured vehicles"),
             ("Myanmar", "rifle cartridges"), ("Eritrea", "mortar rounds")]
DAYS = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"]


def invented_article(i: int) -> str:
    """A short newswire text, different in its facts (and most words) for each ``i``."""
    city, outlet = CITIES[i % len(CITIES)], OUTLETS[i % len(OUTLETS)]
    day, weapon = DAYS[i % len(DAYS)], WEAPONS[(i // 2) % len(WEAPONS)]
    killed, wounded, fired = 2 + i % 9, 5 + 3 * i, 4 + i
    if i % 2 == 0:
        return (
            f"{weapon.split()[0]} strike hits {city} for the {i + 2}th time this year\n\n"
            f"{city.upper()} ({outlet}) - Russian forces launched {fired} {weapon} at {city} "
            f"early on {day}, the regional governor said.\n\n"
            f"At least {killed} people were killed and {wounded} were wounded when the attack "
            f"damaged a hospital, a bakery and {i + 3} houses, officials said.\n\n"
            f"Ukraine's air force said it had shot down {fired // 2} of the {fired} {weapon} over the region.\n\n"
            f"Rescue workers were still searching the rubble of building number {100 + i} late on {day}.\n"
        )
    supplier, goods = SUPPLIERS[(i // 2) % len(SUPPLIERS)]
    return (
        f"{supplier} sent {goods} to Russia in lot {i}, report says\n\n"
        f"LONDON ({outlet}) - {supplier} has supplied at least {1000 * (i + 1):,} {goods} to Russia "
        f"since the spring, according to a report by an independent research group published on {day}.\n\n"
        f"The group said the {goods} were shipped through the Caspian port of Astrakhan in {i % 5 + 2} "
        f"consignments and later used near {city}.\n\n"
        f"{supplier}'s foreign ministry denied the report and called it fabricated.\n\n"
        f"Officials in Kyiv said cargo reference {7000 + i} matched debris found near {city}.\n"
    )


def console_script() -> str:
    found = kill_resume.console_script()
    if not found:
        pytest.skip("the claimgraph console script is not installed")
    return found


db_count = kill_resume.query
claims_by_document = kill_resume.claims_by_document


@pytest.fixture(scope="module")
def corpus(tmp_path_factory) -> Path:
    folder = tmp_path_factory.mktemp("resume") / "articles"
    folder.mkdir()
    for i in range(N_ARTICLES):
        (folder / f"{i:03d}.txt").write_text(invented_article(i), encoding="utf-8")
    return folder


@pytest.fixture(scope="module")
def reference(corpus, tmp_path_factory) -> dict:
    """The same corpus ingested without interruption (in process)."""
    db = tmp_path_factory.mktemp("reference") / "reference.db"
    assert counts(run(db, "ingest", str(corpus))) == (N_ARTICLES, 0, 0)
    data = export(db)
    with_claims = {c["document_id"] for c in data["claims"]}
    assert len(with_claims) == N_ARTICLES, "every invented article should yield claims"
    return data


@pytest.mark.slow  # kill: a subprocess killed mid-ingest
def test_resume_after_sigkill(corpus, reference, tmp_path):
    script = console_script()
    db = tmp_path / "killed.db"
    env = {k: v for k, v in os.environ.items() if not k.startswith("CLAIMGRAPH_")}
    env["CLAIMGRAPH_BATCH_SIZE"] = str(BATCH)
    proc = subprocess.Popen([script, "--db", str(db), "ingest", str(corpus)], env=env,
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, start_new_session=True)
    try:
        deadline = time.monotonic() + 120
        while db_count(db, "SELECT COUNT(*) FROM documents") == 0:
            assert proc.poll() is None, f"ingest ended before committing anything: {proc.communicate()}"
            assert time.monotonic() < deadline, "no batch committed within 120 s"
            time.sleep(0.005)
        os.kill(proc.pid, signal.SIGKILL)
    finally:
        if proc.poll() is None:
            proc.kill()
        proc.communicate(timeout=30)
    assert proc.returncode == -signal.SIGKILL

    # what the killed run left: whole batches only, each document with all its claims
    stored = claims_by_document(db)
    assert 0 < len(stored) < N_ARTICLES, f"the kill came too late to test resuming ({len(stored)} stored)"
    assert len(stored) % BATCH == 0, f"{len(stored)} documents: a batch was half written"
    reference_claims: dict[str, set[str]] = {}
    for c in reference["claims"]:
        reference_claims.setdefault(c["document_id"], set()).add(c["id"])
    for doc_id, claim_ids in stored.items():
        assert claim_ids == reference_claims[doc_id], f"document {doc_id} lost claims in the kill"
    assert db_count(db, "SELECT COUNT(*) FROM inputs WHERE status = 'ingested'") == len(stored)

    # resume
    done = subprocess.run([script, "--db", str(db), "ingest", str(corpus)], env=env, capture_output=True,
                          text=True, timeout=120)
    assert done.returncode == 0, done.stderr
    assert counts(done.stdout) == (N_ARTICLES - len(stored), len(stored), 0)

    conn = sqlite3.connect(db)
    try:
        assert conn.execute("SELECT COUNT(*) FROM documents").fetchone()[0] == N_ARTICLES
        assert conn.execute("SELECT COUNT(DISTINCT path) FROM documents").fetchone()[0] == N_ARTICLES
        assert conn.execute("SELECT COUNT(DISTINCT raw_hash) FROM documents").fetchone()[0] == N_ARTICLES
        assert conn.execute("SELECT COUNT(*) FROM inputs").fetchone()[0] == N_ARTICLES
        assert conn.execute("SELECT COUNT(*) FROM claims WHERE document_id NOT IN "
                            "(SELECT id FROM documents)").fetchone()[0] == 0
    finally:
        conn.close()
    final = claims_by_document(db)
    assert final == reference_claims

    resumed = export(db)
    for section in ("documents", "claims", "entities", "events", "contradictions"):
        assert dumps(resumed, section) == dumps(reference, section), section

    # and once more: nothing left to do
    assert counts(run(db, "ingest", str(corpus))) == (0, N_ARTICLES, 0)


@pytest.mark.slow  # kill: two ingests killed, each resumed (about a minute)
def test_kill_resume_script_two_kills_lose_nothing_and_export_like_one_run(tmp_path):
    console_script()
    lines: list[str] = []
    results = kill_resume.run(kills=2, invent=6, seed=3, work=tmp_path, shipped=False, say=lines.append)
    assert [k.aim for k in results] == ["extract", "link"]
    for k in results:
        assert k.ok, "\n".join(lines)
        assert k.docs_after == 6 and k.lost == 0
    # the first kill must land before the last commit, or it tested nothing
    assert results[0].stage in {"start-up", "extract/store"}, "\n".join(lines)
    assert lines[-1].startswith("summary: 2/2 kills ok")


@pytest.mark.slow  # an ingest in process: the model loads (about 20 s)
def test_kill_resume_checks_see_a_duplicate_claim_and_an_export_difference(tmp_path):
    """The script's own checks fail when they should: a claim stored twice, an export changed."""
    db = tmp_path / "dup.db"
    run(db, "ingest", str(ARTICLES))
    reference = kill_resume.export(db)
    assert kill_resume.duplicates(db) == dict.fromkeys(kill_resume.DUPLICATES, 0)
    conn = sqlite3.connect(db)
    with conn:
        columns = [row[1] for row in conn.execute("PRAGMA table_info(claims)") if row[1] != "id"]
        conn.execute(f"INSERT INTO claims (id, {', '.join(columns)}) SELECT id || '-again', {', '.join(columns)}"
                     " FROM claims LIMIT 1")
    conn.close()
    assert kill_resume.duplicates(db)["claims"] == 1
    difference = kill_resume.export_difference(kill_resume.export(db), reference)
    assert difference.startswith("differs: claims (+1 -0 ids)")
    assert kill_resume.export_difference(reference, reference) == ""
