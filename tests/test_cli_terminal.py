"""The CLI as a new user meets it, through click's CliRunner on a hand-made database (no
spaCy model loads here): listings at 80 columns, pagination, ``show`` by contradiction id and
by id prefix, input validation, rejects said at once, failing feeds, read-only databases.

Every name and number in the hand-made database is invented.
"""

from __future__ import annotations

import hashlib
import json
import os
import re
import shutil
import subprocess
from pathlib import Path

import pytest
from click.testing import CliRunner
from conftest import LocalSite, Route

import claimgraph
from claimgraph.cli import main
from claimgraph.model import Claim, Contradiction, Document, Entity, Event, Quantity, TimeSpan
from claimgraph.store import Store

ID = re.compile(r"\b(?:ev|cl|cx)-[0-9a-f]{12,16}\b")
SENTENCE = ("Kestrian forces fired {n} X-9 missiles at the riverside warehouses of Belzo early on Sunday, "
            "killing at least eight people and wounding dozens more, the regional governor told reporters.")
CLAIMS = 60  # more than the default page of 50


def _hex(i: int, width: int) -> str:
    return hashlib.sha256(str(i).encode()).hexdigest()[:width]


def build(path: Path) -> dict:
    """A database of CLAIMS attack claims in one event, a range contradiction and long names."""
    texts = [SENTENCE.format(n=n + 2) for n in range(CLAIMS)]
    docs = [Document(id=f"doc-{i}", text=t, path=f"{i:02d}.txt", title=f"Report {i}", published="2031-04-03")
            for i, t in enumerate(texts)]
    entities = [Entity("org:kestrian-forces", "Kestrian armed forces of the southern military district", "ORG"),
                Entity("gpe:belzo", "Belzo", "GPE"), Entity("w:x9", "X-9", "WEAPON"),
                Entity("src:governor", "the regional governor of the Belzo oblast", "SOURCE")]
    claims = [Claim(id=f"cl-{_hex(i * 7919 + 1, 16)}", document_id=d.id, type="ATTACK", text=d.text, start=0,
                    end=len(d.text), source="src:governor", modality="reported",
                    roles={"actor": ["org:kestrian-forces"], "instrument": ["w:x9"], "location": ["gpe:belzo"]},
                    time=TimeSpan("2031-04-01", "2031-04-01", "early on Sunday", "event"),
                    quantities=[Quantity("at least eight", low=8, of="killed")])
              for i, d in enumerate(docs)]
    claims[1].quantities = [Quantity("between 400 km and 600 km", low=400, high=600, unit="km")]
    event = Event("ev-" + _hex(4242, 12), "ATTACK", [c.id for c in claims], [d.id for d in docs],
                  TimeSpan("2031-04-01", "2031-04-01"),
                  {"actor": ["org:kestrian-forces"], "instrument": ["w:x9"], "location": ["gpe:belzo"]},
                  ["src:governor"], 1)
    contradiction = Contradiction("cx-" + _hex(777, 12), "quantity", [claims[0].id, claims[1].id], "X-9 range",
                                  "two ranges that do not overlap")
    with Store(str(path)) as store:
        store.write_batch(docs, claims, entities, [], [])
        store.replace_links([event], [contradiction])
    return {"claims": claims, "event": event, "contradiction": contradiction}


@pytest.fixture(scope="module")
def made(tmp_path_factory) -> tuple[Path, dict]:
    path = tmp_path_factory.mktemp("terminal") / "made.db"
    return path, build(path)


def run(db, *args, columns: int = 80, input=None):
    return CliRunner().invoke(main, ["--db", str(db), *args], prog_name="claimgraph", input=input,
                              env={"COLUMNS": str(columns), "CLAIMGRAPH_DB": None, "CLAIMGRAPH_DEBUG": None})


def ok(result) -> str:
    assert result.exit_code == 0, (result.exit_code, result.output)
    return result.stdout


# -- listings at 80 columns -------------------------------------------------------------------


@pytest.mark.parametrize("command", ["events", "claims", "contradictions"])
def test_listings_fit_80_columns_one_line_per_row_with_whole_ids(made, command):
    db, data = made
    out = ok(run(db, command))
    lines = out.splitlines()
    assert all(len(line) <= 80 for line in lines), max(lines, key=len)
    rows = [line for line in lines if ID.match(line)]
    assert rows, out
    for line in rows:  # one row, one line, starting with the id whole
        assert ID.match(line).group() in {data["event"].id, data["contradiction"].id,
                                          *(c.id for c in data["claims"])}


def test_claims_evidence_is_cut_at_a_word_boundary_with_an_ellipsis(made):
    db, data = made
    texts = {c.id: c.text for c in data["claims"]}
    for line in ok(run(db, "claims")).splitlines():
        if not ID.match(line):
            continue
        claim_id = ID.match(line).group()
        assert line.endswith("…"), line
        shown_text = line.split("“", 1)[1].rstrip("…")
        assert texts[claim_id].startswith(shown_text)
        following = texts[claim_id][len(shown_text):]
        assert following[:1] in (" ", ",", ""), f"cut inside a word: {shown_text!r} + {following[:10]!r}"


def test_a_wide_terminal_gets_a_table_whose_ids_are_never_wrapped(made):
    db, data = made
    out = ok(run(db, "claims", "--limit", "5", columns=160))
    assert "┃ id" in out  # the table layout
    assert all(len(line) <= 160 for line in out.splitlines())
    found = ID.findall(out)
    assert found and set(found) <= {c.id for c in data["claims"]}
    assert len(found) == 5


def test_claims_paginate_and_say_how_many_more(made):
    db, _ = made
    out = ok(run(db, "claims"))
    assert out.splitlines()[0] == f"50 of {CLAIMS} claims"
    assert f"{CLAIMS - 50} more not shown" in out and "--limit 0" in out
    assert len(ID.findall(ok(run(db, "claims", "--limit", "0")))) == CLAIMS
    assert len(ID.findall(ok(run(db, "claims", "--limit", "7")))) == 7
    # scripts get every claim unless they ask for fewer
    assert len(json.loads(ok(run(db, "claims", "--json")))) == CLAIMS
    assert len(json.loads(ok(run(db, "claims", "--json", "--limit", "3")))) == 3


def test_claims_type_must_be_a_known_type(made):
    db, _ = made
    result = run(db, "claims", "--type", "BOGUS")
    assert result.exit_code == 2
    assert "'BOGUS' is not a claim type" in result.stderr
    assert "ATTACK" in result.stderr and "TRANSFER" in result.stderr
    assert len(json.loads(ok(run(db, "claims", "--type", "attack", "--json")))) == CLAIMS


# -- show ------------------------------------------------------------------------------------


def test_show_a_contradiction_shows_both_claims(made):
    db, data = made
    k = data["contradiction"]
    out = ok(run(db, "show", k.id))
    assert k.id in out and "X-9 range" in out
    assert k.claim_ids[0] in out and k.claim_ids[1] in out
    assert json.loads(ok(run(db, "show", k.id, "--json")))["kind"] == "contradiction"


def test_show_takes_a_unique_id_prefix_and_refuses_an_ambiguous_one(made):
    db, data = made
    event = data["event"]
    assert event.id in ok(run(db, "show", event.id[:7]))
    claim = data["claims"][3]
    assert json.loads(ok(run(db, "show", claim.id[:12], "--json")))["claim"]["id"] == claim.id
    starts = [c.id[:4] for c in data["claims"]]
    shared = next(p for p in starts if starts.count(p) > 1)  # 60 ids, 16 first digits: some share one
    ambiguous = run(db, "show", shared)
    assert ambiguous.exit_code == 2
    assert "give more of it" in ambiguous.stderr and "Traceback" not in ambiguous.output
    assert run(db, "show", "cl-zzzz").exit_code == 1


def test_show_prints_no_python_reprs(made):
    db, data = made
    out = ok(run(db, "show", data["event"].id))
    assert not re.search(r"\b(None|low=|high=|value=|unit=)", out), out
    assert "“between 400 km and 600 km” = 400 to 600 km" in out
    assert "“at least eight” = 8 or more (killed)" in out


def test_show_wraps_long_evidence_under_its_indent_within_80_columns(made):
    db, data = made
    out = ok(run(db, "show", data["claims"][0].id))
    lines = out.splitlines()
    assert max(len(line) for line in lines) <= 80 and not any(line.endswith(" ") for line in lines)
    start = next(i for i, line in enumerate(lines) if line.startswith("   “"))
    end = next(i for i in range(start, len(lines)) if lines[i].endswith("”"))
    assert end > start, "the evidence fits one line: make SENTENCE longer"
    assert all(line.startswith("   ") and line[3] != " " for line in lines[start:end + 1])


# -- input validation -------------------------------------------------------------------------


@pytest.mark.parametrize("value, why", [("2024-13-01", "not a calendar day"), ("03/04/2024", "ambiguous"),
                                        ("last week", "not a date"), ("2999-01-01", "after today")])
def test_ingest_published_must_be_a_date(tmp_path, value, why):
    result = run(tmp_path / "p.db", "ingest", "-", "--published", value, input="text")
    assert result.exit_code == 2
    assert why in result.stderr


def test_ingest_published_written_out_is_read_as_a_day(tmp_path, monkeypatch):
    seen = {}

    def fake_ingest(self, paths, **kw):
        seen.update(kw)
        return _EmptyReport()

    monkeypatch.setattr(claimgraph.api.Claimgraph, "ingest", fake_ingest)
    ok(run(tmp_path / "p.db", "ingest", "-", "--published", "4 January 2024", input="text"))
    assert seen["published"] == "2024-01-04"


class _EmptyReport:
    rejected = ingested = duplicates = 0

    def summary(self) -> str:
        return "ingested 0, duplicates 0, rejected 0; 0 claims, 0 events, 0 contradictions"


def test_ingest_published_is_refused_for_a_folder(tmp_path):
    folder = tmp_path / "articles"
    folder.mkdir()
    result = run(tmp_path / "p.db", "ingest", str(folder), "--published", "2024-01-04")
    assert result.exit_code == 2
    assert "meta.json" in result.stderr


# -- rejects said at once; progress ----------------------------------------------------------


def test_ingest_of_a_folder_without_articles_says_so(tmp_path):
    empty = tmp_path / "inbox"
    empty.mkdir()
    result = run(tmp_path / "e.db", "ingest", str(empty))
    assert result.exit_code == 0
    assert f"no articles found in {empty}" in result.stderr and "ingested 0" in result.stdout


def test_ingest_says_each_reject_and_why(tmp_path):
    empty = tmp_path / "empty.txt"
    empty.write_bytes(b"")
    result = run(tmp_path / "r.db", "ingest", str(tmp_path / "missing.txt"), str(empty))
    assert result.exit_code == 1
    said = [line for line in result.stderr.splitlines() if line.startswith("rejected ")]
    assert len(said) == 2
    assert said[0].startswith(f"rejected {tmp_path / 'missing.txt'}: not-found")
    assert said[1].startswith(f"rejected {empty}: empty")
    # the rejects listing says the same at 80 columns, however long the paths
    listed = ok(run(tmp_path / "r.db", "rejects")).splitlines()
    assert listed[0] == "2 rejected inputs"
    assert all(len(line) <= 80 for line in listed), listed
    assert sorted(line.split()[0] for line in listed[1:]) == ["empty", "not-found"]


def test_ingest_on_a_terminal_shows_a_bar_of_files_done_and_total(tmp_path, monkeypatch):
    from rich.console import Console

    from claimgraph import cli

    folder = tmp_path / "in"
    folder.mkdir()
    for name in ("a.txt", "b.txt", "c.txt"):
        (folder / name).write_bytes(b"")
    frames = []
    monkeypatch.setattr(cli, "_stderr_is_terminal", lambda: True)
    monkeypatch.setattr(cli, "console", lambda stderr=False: Console(
        file=_Recorder(frames), force_terminal=True, width=80, color_system=None))
    result = run(tmp_path / "bar.db", "ingest", str(folder))
    assert result.exit_code == 1  # all three empty
    shown = "".join(frames)
    assert "3/3 files" in shown
    assert shown.count("rejected ") == 3


class _Recorder:
    def __init__(self, frames: list[str]):
        self.frames = frames

    def write(self, text: str) -> int:
        self.frames.append(text)
        return len(text)

    def flush(self) -> None:
        pass

    def isatty(self) -> bool:
        return True


# -- fetch and feeds ------------------------------------------------------------------------


def test_fetch_says_each_reject_at_once(tmp_path):
    site = LocalSite()
    try:
        result = run(tmp_path / "f.db", "fetch", "--allow-private", site.url("/gone"))
        assert result.exit_code == 1
        assert f"rejected {site.url('/gone')}: fetch-failed" in result.stderr
        assert "404" in result.stderr
    finally:
        site.close()


def test_feeds_poll_exits_non_zero_when_a_feed_fails(tmp_path):
    site = LocalSite()
    try:
        site.routes["/broken.xml"] = Route(b"<html>not a feed</html>")  # a page, not a feed
        db = tmp_path / "feeds.db"
        ok(run(db, "feeds", "add", site.url("/broken.xml")))
        result = run(db, "feeds", "poll", "--allow-private")
        assert result.exit_code == 1
        assert f"feed failed: {site.url('/broken.xml')}" in result.stderr
    finally:
        site.close()


# -- a read-only database ---------------------------------------------------------------------


def _forbid_writes(path: Path) -> bool:
    """chmod away the write bits; for root, whom permissions do not stop, the immutable
    attribute as well. True when chattr was needed (and must be undone)."""
    os.chmod(path, 0o555 if path.is_dir() else 0o444)
    if not os.access(path, os.W_OK):
        return False
    if not shutil.which("chattr") or subprocess.run(["chattr", "+i", str(path)], capture_output=True).returncode:
        pytest.skip("cannot make a file read-only for this user")
    return True


def _allow_writes(path: Path, immutable: bool) -> None:
    if immutable:
        subprocess.run(["chattr", "-i", str(path)], check=True)
    os.chmod(path, 0o755 if path.is_dir() else 0o644)


@pytest.fixture(params=["file", "file and folder"])
def read_only_db(made, tmp_path, request):
    """A copy of the made database this process cannot write; in a folder it cannot write
    either (where SQLite cannot create the WAL index beside the file)."""
    source, data = made
    folder = tmp_path / "ro"
    folder.mkdir()
    path = folder / "ro.db"
    shutil.copyfile(source, path)
    locked = [path] + ([folder] if request.param == "file and folder" else [])
    undo = [(p, _forbid_writes(p)) for p in locked]
    yield path, data
    for p, immutable in reversed(undo):
        _allow_writes(p, immutable)


def test_a_read_only_database_can_be_read(read_only_db):
    path, data = read_only_db
    assert data["event"].id in ok(run(path, "events"))
    exported = json.loads(ok(run(path, "export")))
    assert len(exported["claims"]) == CLAIMS
    assert len(json.loads(ok(run(path, "claims", "--entity", "Belzo", "--json")))) == CLAIMS
    written = run(path, "relink")
    assert written.exit_code == 4
    assert "readonly" in written.stderr.replace("-", "") and "Traceback" not in written.output


def test_a_reader_that_leaves_early_gets_no_error_message(made, monkeypatch):
    """'claimgraph claims --json | head': the pipe closes under us; exit 1 without a word."""
    from claimgraph import cli

    def closed_pipe(*_args, **_kw):
        raise BrokenPipeError(32, "Broken pipe")

    db, _ = made
    monkeypatch.setattr(cli, "_print_json", closed_pipe)
    result = run(db, "claims", "--json")
    assert result.exit_code == 1
    assert result.stderr == "" and "Traceback" not in result.output
