"""End to end through the command line: ingest, export, listings, show, demo.

Every command goes through click's ``CliRunner`` (in process, so spaCy loads once);
one test runs the installed ``claimgraph`` console script as a real subprocess.
The articles under ``tests/data/e2e/`` are invented for these tests.
"""

from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner

from claimgraph.cli import main
from claimgraph.export.json import contract_errors

E2E = Path(__file__).parent / "data" / "e2e"
ARTICLES = E2E / "articles"
SINGLE = E2E / "single_report.txt"
SUMMARY = re.compile(r"^ingested (\d+), duplicates (\d+), rejected (\d+)(?: \(([^)]*)\))?; "
                     r"(\d+) claims, (\d+) events, (\d+) contradictions$")
STDIN_ARTICLE = (
    "Ukraine receives air defence systems from Norway, ministry says\n\n"
    "OSLO (Fjord Tidings) - Norway has delivered two air defence systems to Ukraine, "
    "the Norwegian defence ministry said on Monday.\n\n"
    "The ministry said the systems were handed over in March and that Ukrainian crews "
    "had completed their training in Germany.\n\n"
    "Russia's foreign ministry condemned the delivery as a provocation.\n"
)


def run(db: Path | str, *args: str, input: str | bytes | None = None):
    """Invoke the CLI in process with an explicit --db; never inherit $CLAIMGRAPH_DB."""
    runner = CliRunner()
    return runner.invoke(main, ["--db", str(db), *args], input=input, prog_name="claimgraph",
                         env={"CLAIMGRAPH_DB": None}, catch_exceptions=True)


def ok(result) -> str:
    """stdout of a successful run (the traceback in the message otherwise)."""
    assert result.exit_code == 0, (result.exit_code, result.output, result.exception)
    return result.stdout


def summary_of(text: str) -> dict[str, int]:
    lines = [line for line in text.splitlines() if line.strip()]
    assert len(lines) == 1, f"ingest should print one summary line, got {lines!r}"
    m = SUMMARY.match(lines[0])
    assert m, f"unexpected summary line {lines[0]!r}"
    ingested, duplicates, rejected, _why, claims, events, contradictions = m.groups()
    return {"ingested": int(ingested), "duplicates": int(duplicates), "rejected": int(rejected),
            "claims": int(claims), "events": int(events), "contradictions": int(contradictions)}


def json_list(result) -> list:
    data = json.loads(ok(result))
    assert isinstance(data, list)
    return data


@pytest.fixture(scope="module")
def db(tmp_path_factory) -> Path:
    """A database holding the three invented articles (ingested once per module)."""
    path = tmp_path_factory.mktemp("cli") / "cli.db"
    result = run(path, "ingest", str(ARTICLES))
    summary = summary_of(ok(result))
    assert summary["ingested"] == 3 and summary["duplicates"] == 0 and summary["rejected"] == 0, summary
    assert summary["claims"] > 0 and summary["events"] > 0
    return path


@pytest.fixture(scope="module")
def exported(db, tmp_path_factory) -> dict:
    out = tmp_path_factory.mktemp("export") / "out.json"
    result = run(db, "export", "--format", "json", "-o", str(out))
    assert ok(result) == ""  # the file holds the data; the notice goes to stderr
    assert str(out) in result.stderr
    return json.loads(out.read_text(encoding="utf-8"))


# -- ingest and export -----------------------------------------------------------------


def test_cli_ingest_summary_counts_duplicates_on_rerun(db):
    summary = summary_of(ok(run(db, "ingest", str(ARTICLES))))
    assert (summary["ingested"], summary["duplicates"], summary["rejected"]) == (0, 3, 0)


def test_cli_export_meets_the_contract(exported):
    assert contract_errors(exported) == []
    assert exported["schema"] == "claimgraph/1"
    assert len(exported["documents"]) == 3
    assert exported["claims"] and exported["events"] and exported["entities"]


def test_cli_export_carries_sidecar_metadata(exported):
    by_name = {Path(d["path"]).name: d for d in exported["documents"]}
    assert set(by_name) == {"01_mykolaiv_depot.txt", "02_mykolaiv_depot_followup.html", "03_belarus_shells.txt"}
    assert by_name["01_mykolaiv_depot.txt"]["outlet"] == "Harbour Wire"
    assert by_name["01_mykolaiv_depot.txt"]["published"] == "2024-06-12"
    assert by_name["02_mykolaiv_depot_followup.html"]["outlet"] == "Southern Courier"
    assert by_name["02_mykolaiv_depot_followup.html"]["title"] == "Death toll rises after Mykolaiv depot strike"
    assert by_name["03_belarus_shells.txt"]["published"] == "2024-05-20"
    # the HTML page's navigation and footer are not article text
    assert "Subscribe" not in by_name["02_mykolaiv_depot_followup.html"]["text"]
    assert "Seven people were killed" in by_name["02_mykolaiv_depot_followup.html"]["text"]


def test_cli_export_to_stdout_equals_file(db, exported):
    assert json.loads(ok(run(db, "export"))) == exported


def test_cli_export_evidence_offsets_point_into_document_text(exported):
    texts = {d["id"]: d["text"] for d in exported["documents"]}
    for c in exported["claims"]:
        assert texts[c["document_id"]][c["start"]:c["end"]] == c["text"], c["id"]


# -- listings -------------------------------------------------------------------------


@pytest.mark.parametrize("command", ["claims", "events", "contradictions", "rejects"])
def test_cli_listing_json_is_a_list(db, command):
    json_list(run(db, command, "--json"))


@pytest.mark.parametrize("command", ["claims", "events", "contradictions", "rejects"])
def test_cli_listing_table_runs(db, command):
    out = ok(run(db, command))
    assert command.rstrip("s") in out.lower()


def test_cli_listings_agree_with_export(db, exported):
    assert {c["id"] for c in json_list(run(db, "claims", "--json"))} == {c["id"] for c in exported["claims"]}
    assert {e["id"] for e in json_list(run(db, "events", "--json"))} == {e["id"] for e in exported["events"]}
    assert json_list(run(db, "rejects", "--json")) == []


def test_cli_claims_type_filter(db):
    every = json_list(run(db, "claims", "--json"))
    attacks = json_list(run(db, "claims", "--type", "ATTACK", "--json"))
    assert attacks, "the Mykolaiv articles describe a missile strike"
    assert all(c["type"] == "ATTACK" for c in attacks)
    assert len(attacks) < len(every)
    assert attacks == [c for c in every if c["type"] == "ATTACK"]
    # the type is case-insensitive on the command line
    assert json_list(run(db, "claims", "--type", "attack", "--json")) == attacks
    transfers = json_list(run(db, "claims", "--type", "TRANSFER", "--json"))
    assert transfers and all(c["type"] == "TRANSFER" for c in transfers)
    assert json_list(run(db, "claims", "--type", "MEET", "--json")) == []


def test_cli_claims_limit_and_document_filter(db, exported):
    assert len(json_list(run(db, "claims", "--limit", "2", "--json"))) == 2
    doc_id = exported["documents"][0]["id"]
    mine = json_list(run(db, "claims", "--document", doc_id, "--json"))
    assert mine and {c["document_id"] for c in mine} == {doc_id}


def test_cli_events_type_filter(db):
    every = json_list(run(db, "events", "--json"))
    attacks = json_list(run(db, "events", "--type", "attack", "--json"))
    assert attacks and all(e["type"] == "ATTACK" for e in attacks)
    assert len(attacks) <= len(every)


# -- show -----------------------------------------------------------------------------


def test_cli_show_claim(db, exported):
    claim = exported["claims"][0]
    out = ok(run(db, "show", claim["id"]))
    assert claim["id"] in out
    shown = json.loads(ok(run(db, "show", claim["id"], "--json")))
    assert shown["kind"] == "claim"
    assert shown["claim"]["id"] == claim["id"]
    assert shown["claim"]["text"] == claim["text"]
    assert isinstance(shown["events"], list)


def test_cli_show_event(db, exported):
    event = exported["events"][0]
    out = ok(run(db, "show", event["id"]))
    assert event["id"] in out
    assert "independent sources" in out
    shown = json.loads(ok(run(db, "show", event["id"], "--json")))
    assert shown["kind"] == "event"
    assert shown["event"]["id"] == event["id"]
    assert sorted(c["id"] for c in shown["claims"]) == sorted(event["claim_ids"])


def test_cli_show_unknown_id_fails_helpfully(db):
    result = run(db, "show", "cl-does-not-exist")
    assert result.exit_code == 1
    assert "cl-does-not-exist" in result.stderr
    assert "claimgraph events" in result.stderr and "claimgraph claims" in result.stderr
    assert "Traceback" not in result.output


# -- metadata for single inputs ----------------------------------------------------------


def test_cli_ingest_stdin(tmp_path):
    db = tmp_path / "stdin.db"
    summary = summary_of(ok(run(db, "ingest", "-", "--published", "2024-04-08", "--outlet", "Fjord Tidings",
                                input=STDIN_ARTICLE)))
    assert summary["ingested"] == 1
    docs = json.loads(ok(run(db, "export")))["documents"]
    assert len(docs) == 1
    assert docs[0]["outlet"] == "Fjord Tidings"
    assert docs[0]["published"] == "2024-04-08"
    assert "two air defence systems" in docs[0]["text"]
    # the same bytes on stdin again are a duplicate
    again = summary_of(ok(run(db, "ingest", "-", input=STDIN_ARTICLE)))
    assert (again["ingested"], again["duplicates"]) == (0, 1)


def test_cli_ingest_single_file_with_published_and_outlet(tmp_path):
    db = tmp_path / "single.db"
    summary = summary_of(ok(run(db, "ingest", str(SINGLE), "--published", "2024-07-05",
                                "--outlet", "Kharkiv Evening Test", "--title", "Power station hit")))
    assert summary["ingested"] == 1
    export = json.loads(ok(run(db, "export")))
    assert contract_errors(export) == []
    (doc,) = export["documents"]
    assert doc["path"] == str(SINGLE)
    assert doc["outlet"] == "Kharkiv Evening Test"
    assert doc["published"] == "2024-07-05"
    assert doc["title"] == "Power station hit"
    # "early on Friday" in an article of Friday 5 July 2024
    attacks = [c for c in export["claims"] if c["type"] == "ATTACK" and c["time"]["start"]]
    assert attacks and attacks[0]["time"]["start"] == "2024-07-05"


def test_cli_explicit_metadata_wins_over_sidecar_for_a_single_file(tmp_path):
    db = tmp_path / "override.db"
    ok(run(db, "ingest", str(ARTICLES / "01_mykolaiv_depot.txt"), "--outlet", "Override Press"))
    (doc,) = json.loads(ok(run(db, "export")))["documents"]
    assert doc["outlet"] == "Override Press"
    assert doc["published"] == "2024-06-12"  # still from meta.json


# -- exit codes -----------------------------------------------------------------------------


def test_cli_ingest_only_bad_input_exits_1(tmp_path):
    empty = tmp_path / "empty.txt"
    empty.write_bytes(b"")
    result = run(tmp_path / "bad.db", "ingest", str(empty))
    assert result.exit_code == 1
    assert summary_of(result.stdout)["rejected"] == 1


def test_cli_usage_errors_exit_2(tmp_path):
    assert run(tmp_path / "u.db", "ingest").exit_code == 2
    assert run(tmp_path / "u.db", "claims", "--limit", "many").exit_code == 2
    assert run(tmp_path / "u.db", "export", "--format", "xml").exit_code == 2
    assert run(tmp_path / "u.db", "no-such-command").exit_code == 2


def test_cli_version():
    result = CliRunner().invoke(main, ["--version"])
    assert result.exit_code == 0 and "0.1.0" in result.output


# -- demo -----------------------------------------------------------------------------------


def test_cli_demo_no_serve(tmp_path):
    db = tmp_path / "demo.db"
    out = ok(run(db, "demo", "--no-serve"))
    assert "demo corpus: ingested" in out
    assert "events" in out and "contradictions" in out
    assert "Traceback" not in out

    export = json.loads(ok(run(db, "export")))
    assert contract_errors(export) == []
    assert len(export["documents"]) >= 8
    assert len(export["contradictions"]) >= 1
    assert any(e["independent_sources"] >= 2 for e in export["events"])
    # a second demo run adds nothing
    again = ok(run(db, "demo", "--no-serve"))
    assert "ingested 0," in again


# -- the installed console script ----------------------------------------------------------


def _console_script() -> str:
    beside = Path(sys.executable).parent / "claimgraph"
    found = str(beside) if beside.exists() else shutil.which("claimgraph")
    if not found:
        pytest.skip("the claimgraph console script is not installed")
    return found


@pytest.mark.slow  # end to end: three processes each load spaCy
def test_cli_console_script_subprocess(tmp_path):
    script = _console_script()
    db = tmp_path / "sub.db"
    env = {k: v for k, v in os.environ.items() if not k.startswith("CLAIMGRAPH_")}
    done = subprocess.run([script, "--db", str(db), "ingest", str(ARTICLES)], capture_output=True, text=True,
                          env=env, timeout=120)
    assert done.returncode == 0, done.stderr
    summary = summary_of(done.stdout)
    assert (summary["ingested"], summary["duplicates"], summary["rejected"]) == (3, 0, 0)
    # $CLAIMGRAPH_DB stands in for --db
    out = tmp_path / "out.json"
    done = subprocess.run([script, "export", "--format", "json", "-o", str(out)], capture_output=True, text=True,
                          env={**env, "CLAIMGRAPH_DB": str(db)}, timeout=120)
    assert done.returncode == 0, done.stderr
    data = json.loads(out.read_text(encoding="utf-8"))
    assert contract_errors(data) == []
    assert len(data["documents"]) == 3
    done = subprocess.run([script, "--db", str(db), "show", "nope"], capture_output=True, text=True, env=env,
                          timeout=120)
    assert done.returncode == 1
    assert "no event, claim or contradiction with id 'nope'" in done.stderr


def test_cli_a_claim_and_its_denial_are_kept_as_a_contradiction(tmp_path):
    article = tmp_path / "disputed.txt"
    article.write_text("Raid claim disputed\n\nThe militia said on Tuesday that it had shelled an army depot "
                       "near Kamina on Monday. The army denied the claim.\n", encoding="utf-8")
    ok(run(tmp_path / "d.db", "ingest", str(article), "--published", "2024-05-08"))
    export = json.loads(ok(run(tmp_path / "d.db", "export")))
    names = {e["id"]: e["name"] for e in export["entities"]}
    polarity = [c for c in export["contradictions"] if c["kind"] == "polarity"]
    assert len(polarity) == 1
    sides = {v["polarity"]: names[v["source"]] for v in polarity[0]["values"]}
    assert sides == {"asserted": "militia", "denied": "army"}



def test_cli_a_sea_keeps_its_curated_reading_over_a_same_named_division(tmp_path):
    article = tmp_path / "sea.txt"
    article.write_text("Tanker hit in Red Sea\n\nADEN (Wire) - The Houthis said they fired a missile at a tanker "
                       "in the Red Sea on Friday. Britain and Yemen's government condemned the attack.\n",
                       encoding="utf-8")
    ok(run(tmp_path / "s.db", "ingest", str(article), "--published", "2024-01-26"))
    export = json.loads(ok(run(tmp_path / "s.db", "export")))
    by_id = {e["id"]: e for e in export["entities"]}
    places = {by_id[i]["name"]: by_id[i] for c in export["claims"] if c["type"] == "ATTACK"
              for i in c["roles"]["location"]}
    assert places["Red Sea"]["attrs"].get("kind") == "sea"  # not Sudan's Red Sea state
