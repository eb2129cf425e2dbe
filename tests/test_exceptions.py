"""The error edges, pinned: every exception claimgraph defines is in the tree errors.py draws,
with the exit code the CLI ends with and the HTTP status the API answers; no traceback ever
reaches a CLI user; a search the syntax cannot parse is not a database that cannot answer.

Nothing here loads a spaCy model: the CLI cases fail before one would be needed.
"""

from __future__ import annotations

import re
import sqlite3
from pathlib import Path

import pytest
from click.testing import CliRunner
from fastapi import FastAPI
from fastapi.testclient import TestClient

import claimgraph
from claimgraph import errors
from claimgraph.cli import main
from claimgraph.errors import ClaimgraphError, SearchSyntaxError, StoreError
from claimgraph.model import Document
from claimgraph.store import Store

SRC = Path(claimgraph.__file__).parent
SINGLE = Path(__file__).parent / "data" / "e2e" / "single_report.txt"

# name: (exit code, HTTP status). A new exception class fails test_every_exception_is_pinned
# until it is added here and to the tree in errors.py.
PINNED = {
    "ClaimgraphError": (1, 500),
    "RejectedInput": (1, 422),
    "ConfigError": (3, 501),
    "DataFileError": (3, 501),
    "StoreError": (4, 503),
    "SearchSyntaxError": (2, 400),
    "AmbiguousId": (2, 400),
    "FeedError": (2, 422),
    "AddressBlocked": (1, 403),
    "TooManySubscribers": (1, 503),
}
# The web layer's own: the API's answer itself and Starlette's 413; neither leaves web/. The
# store's PostgreSQL errors stand where sqlite3.Error stands: the store turns both into StoreError.
OUTSIDE_THE_TREE = {"ApiError", "BodyTooLarge", "PostgresError"}


CLASS_RE = re.compile(r"^class (\w+)\(([^)]*)\)", re.M)


def _exception_classes() -> dict[str, str]:
    """Every class in the package that derives (by name, transitively) from an exception:
    name -> module path. Read from the source, so no module needs importing."""
    bases_of: dict[str, tuple[str, list[str]]] = {}
    for path in SRC.rglob("*.py"):
        for name, bases in CLASS_RE.findall(path.read_text(encoding="utf-8")):
            bases_of[name] = (str(path.relative_to(SRC)), [b.strip().split(".")[-1] for b in bases.split(",")])
    exceptions: dict[str, str] = {}
    roots = {"Exception", "HTTPException", "ValueError", "RuntimeError", "OSError"}
    changed = True
    while changed:
        changed = False
        for name, (where, bases) in bases_of.items():
            if name not in exceptions and any(b in roots or b in exceptions for b in bases):
                exceptions[name] = where
                changed = True
    return exceptions


def _classes() -> dict[str, type[ClaimgraphError]]:
    from claimgraph.ingest import feeds, fetch
    from claimgraph.web import live

    found, todo = {}, [ClaimgraphError]
    while todo:
        cls = todo.pop()
        found[cls.__name__] = cls
        todo.extend(cls.__subclasses__())
    assert {feeds.FeedError, fetch.AddressBlocked, live.TooManySubscribers} <= set(found.values())
    return found


def test_every_exception_is_pinned_and_drawn_in_the_tree():
    defined = _exception_classes()
    assert set(defined) == set(PINNED) | OUTSIDE_THE_TREE, defined
    tree = errors.__doc__
    for name, (exit_code, status) in PINNED.items():
        assert re.search(rf"\b{name}\s+exit {exit_code}\s+HTTP {status}\b", tree), f"{name} is not drawn as pinned"
    for name in OUTSIDE_THE_TREE:
        assert name in tree


@pytest.mark.parametrize("name", sorted(PINNED))
def test_each_error_class_carries_its_exit_code_and_status(name):
    cls = _classes()[name]
    assert (cls.exit_code, cls.http_status) == PINNED[name]
    assert issubclass(cls, ClaimgraphError)


def test_a_search_syntax_error_is_not_a_store_error():
    assert not issubclass(SearchSyntaxError, StoreError) and not issubclass(StoreError, SearchSyntaxError)


# -- HTTP: the API's error handlers answer each class with its status ------------------------


@pytest.fixture(scope="module")
def raising_client():
    from claimgraph.web.errors import add_error_handlers

    app = FastAPI()
    add_error_handlers(app)
    classes = _classes()

    @app.get("/raise/{name}")
    def raise_it(name: str) -> None:
        cls = classes[name]
        raise cls("reason", "detail") if name == "RejectedInput" else cls(f"a {name} happened")

    return TestClient(app, raise_server_exceptions=False)


@pytest.mark.parametrize("name", sorted(PINNED))
def test_the_api_answers_each_error_with_its_status(raising_client, name):
    response = raising_client.get(f"/raise/{name}")
    assert response.status_code == PINNED[name][1]
    body = response.json()["error"]
    assert set(body) >= {"code", "message"} and body["message"]


# -- a locked database is not a bad query -----------------------------------------------------


@pytest.fixture()
def searchable(tmp_path) -> Store:
    store = Store(str(tmp_path / "search.db"))
    store.write_batch([Document(id="d1", text="Drones struck a fuel depot near the port.")], [], [], [], [])
    yield store
    store.close()


def _real_lock_error(path: str) -> sqlite3.OperationalError:
    """The error SQLite gives a connection that finds the database locked by another."""
    holder = sqlite3.connect(path, isolation_level=None)
    waiter = sqlite3.connect(path, isolation_level=None, timeout=0)
    holder.execute("BEGIN IMMEDIATE")
    try:
        waiter.execute("BEGIN IMMEDIATE")
    except sqlite3.OperationalError as exc:
        return exc
    finally:
        holder.execute("ROLLBACK")
        holder.close()
        waiter.close()
    raise AssertionError("the database was not locked")


class LockedWhileSearching:
    """The store's connection, but a full-text query meets the database locked (in WAL mode
    a reader meets that only while another process holds the lock exclusively)."""

    def __init__(self, real: sqlite3.Connection, error: sqlite3.OperationalError):
        self.real, self.error = real, error

    def execute(self, sql, params=()):
        if " MATCH " in sql:
            raise self.error
        return self.real.execute(sql, params)

    def __getattr__(self, name):
        return getattr(self.real, name)


def test_a_bad_query_is_a_search_syntax_error(searchable):
    assert [d.id for d in searchable.search("depot")] == ["d1"]
    with pytest.raises(SearchSyntaxError):
        searchable.search('"unterminated')


def test_a_locked_database_is_a_store_error_not_a_bad_query(searchable):
    from claimgraph.store import pages

    error = _real_lock_error(searchable.path)
    assert "locked" in str(error) and error.sqlite_errorcode == sqlite3.SQLITE_BUSY
    searchable._conn = LockedWhileSearching(searchable._conn, error)
    with pytest.raises(StoreError) as caught:
        searchable.search("depot")
    assert not isinstance(caught.value, SearchSyntaxError)
    with pytest.raises(StoreError):
        pages.page_documents(searchable, limit=5, offset=0, q="depot")


def test_the_api_answers_a_locked_database_503_and_a_bad_query_400(searchable):
    from claimgraph.web.app import create_app

    error = _real_lock_error(searchable.path)
    with TestClient(create_app(searchable.path), raise_server_exceptions=False) as client:
        reader = client.app.state.claimgraph.reader
        assert client.get("/api/documents", params={"q": "depot"}).status_code == 200
        reader._conn = LockedWhileSearching(reader._conn, error)
        # another URL: the answer above is kept until the database changes (web/cache.py)
        response = client.get("/api/documents", params={"q": "depot", "limit": 5})
        assert response.status_code == 503, response.text
        assert response.json()["error"]["code"] != "bad_query"


# -- the CLI: one line on stderr, the class's exit code, never a traceback ---------------------


def run(*args: str, **kw):
    return CliRunner().invoke(main, list(args), prog_name="claimgraph", env={"CLAIMGRAPH_DB": None,
                              "CLAIMGRAPH_DEBUG": None, "CLAIMGRAPH_MODEL": None}, **kw)


def one_error_line(result, exit_code: int) -> str:
    assert result.exit_code == exit_code, (result.exit_code, result.output)
    assert "Traceback" not in result.output and "Traceback" not in result.stderr
    lines = [line for line in result.stderr.splitlines() if line.strip()]
    assert len(lines) == 1, lines
    assert lines[0].startswith("Error: ")
    return lines[0]


def test_cli_a_model_that_is_not_installed_is_one_line(tmp_path):
    line = one_error_line(run("--db", str(tmp_path / "m.db"), "--model", "nope", "ingest", str(SINGLE)), 3)
    assert "spaCy model 'nope' is not installed" in line


def test_cli_demo_with_a_missing_model_is_one_line(tmp_path):
    line = one_error_line(run("--db", str(tmp_path / "d.db"), "--model", "nope", "demo", "--no-serve"), 3)
    assert "'nope'" in line


def test_cli_demo_on_a_database_that_cannot_be_opened_is_one_line(tmp_path):
    line = one_error_line(run("--db", str(tmp_path / "no" / "such" / "dir.db"), "demo", "--no-serve"), 4)
    assert "cannot open database" in line


def test_cli_a_database_that_cannot_be_opened_is_one_line(tmp_path):
    line = one_error_line(run("--db", str(tmp_path / "missing-dir" / "x.db"), "events"), 4)
    assert "missing-dir" in line


def test_cli_a_database_from_a_newer_claimgraph_is_one_line(tmp_path):
    path = tmp_path / "newer.db"
    Store(str(path)).close()
    with sqlite3.connect(path) as conn:
        conn.execute("INSERT INTO schema_migrations (version, name, applied_at) VALUES (9999, 'future', 'now')")
    line = one_error_line(run("--db", str(path), "claims"), 4)
    assert "newer claimgraph" in line


def test_cli_an_output_file_that_cannot_be_written_is_one_line(tmp_path):
    line = one_error_line(run("--db", str(tmp_path / "e.db"), "export", "-o", str(tmp_path / "no" / "out.json")), 1)
    assert "No such file or directory" in line


def test_cli_a_feed_url_that_is_not_http_is_a_usage_error(tmp_path):
    line = one_error_line(run("--db", str(tmp_path / "f.db"), "feeds", "add", "file:///etc/passwd"), 2)
    assert "not a feed URL" in line


def test_cli_an_unexpected_error_is_one_line_too(tmp_path, monkeypatch):
    def broken(self, type=None):
        raise RuntimeError("something nobody planned for\nover two lines")

    monkeypatch.setattr(claimgraph.api.Claimgraph, "events", broken)
    line = one_error_line(run("--db", str(tmp_path / "u.db"), "events"), 1)
    assert "unexpected RuntimeError: something nobody planned for over two lines" in line
    assert "CLAIMGRAPH_DEBUG=1" in line


def test_cli_a_missing_file_is_a_reject_said_at_once_without_the_model(tmp_path, monkeypatch):
    from claimgraph import pipeline

    def no_model(_model):
        raise AssertionError("the model loaded for an input that was never read")

    monkeypatch.setattr(pipeline, "load_pipeline", no_model)
    missing = tmp_path / "missing.txt"
    result = run("--db", str(tmp_path / "r.db"), "ingest", str(missing))
    assert result.exit_code == 1
    assert "Traceback" not in result.output
    assert f"rejected {missing}: not-found" in result.stderr
    assert "rejected 1 (not-found 1)" in result.stdout


def test_cli_a_malformed_data_file_is_one_line_naming_the_file(tmp_path, monkeypatch):
    from claimgraph import datafiles
    from claimgraph.extract.lexicon import load_lexicon

    broken = tmp_path / "data" / "ontology"
    broken.mkdir(parents=True)
    (broken / "attack.yaml").write_text("type: ATTACK\nroles: [actor\n", encoding="utf-8")
    monkeypatch.setattr(datafiles, "path", lambda *parts: (tmp_path / "data").joinpath(*parts))
    cached = (datafiles._yaml, datafiles.ontology, load_lexicon)
    for reader in cached:
        reader.cache_clear()
    try:
        line = one_error_line(run("--db", str(tmp_path / "b.db"), "claims", "--type", "ATTACK"), 3)
    finally:
        for reader in cached:
            reader.cache_clear()
    assert "data/ontology/attack.yaml line" in line and "not valid YAML" in line
