"""Shared fixtures and the two lanes.

``pytest`` runs the fast lane: every test not marked ``slow``. ``pytest --slow`` (the
README's test command, the one ``.ci/run`` runs) adds the end-to-end, kill, load, browser
and evaluation-run tests. In CI ($CI set) or with ``--slow`` a browser test that cannot run
(no Chromium, no Playwright) fails instead of skipping.

The spaCy pipeline and the demo database are built once per session.
"""

from __future__ import annotations

import os
import sqlite3
import threading
import time
from collections.abc import Callable
from contextlib import contextmanager
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

# Ray reads this switch when it is first imported, and a test that only checks Ray is
# installed imports it early: set here, any Ray a test starts listens on 127.0.0.1 only
# (claimgraph.rayengine.loopback_only sets the same for the CLI).
os.environ.setdefault("RAY_ENABLE_WINDOWS_OR_OSX_CLUSTER", "0")

import pytest

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared"
BROWSER_TESTS = Path(__file__).resolve().parent / "browser"
# What a test in tests/browser asks for when it drives a real browser against a live server.
BROWSER_FIXTURES = {"browser", "page", "dashboard"}


# -- the lanes ---------------------------------------------------------------------------------


def pytest_addoption(parser: pytest.Parser) -> None:
    parser.addoption("--slow", action="store_true", default=False,
                     help="also run the tests marked slow (end-to-end, kill, load, browser, evaluation runs)")


def _in_browser_tests(path: Path | str) -> bool:
    return Path(path).resolve().is_relative_to(BROWSER_TESTS)


def _browser_must_run(config: pytest.Config) -> bool:
    return bool(os.environ.get("CI")) or config.getoption("--slow")


def pytest_collection_modifyitems(config: pytest.Config, items: list[pytest.Item]) -> None:
    for item in items:
        if _in_browser_tests(item.path) and BROWSER_FIXTURES & set(getattr(item, "fixturenames", ())):
            item.add_marker(pytest.mark.slow)  # a real browser: seconds to start, seconds per page
    if config.getoption("--slow"):
        return
    slow = [item for item in items if item.get_closest_marker("slow")]
    if slow:
        config.hook.pytest_deselected(items=slow)
        items[:] = [item for item in items if not item.get_closest_marker("slow")]


class MustRun(pytest.Item):
    """Stands for a browser test module that skipped itself where it must run: fails with why."""

    def __init__(self, *, reason: str, **kwargs):
        super().__init__(**kwargs)
        self.reason = reason

    def runtest(self) -> None:
        pytest.fail(f"the browser tests must run here (CI or --slow) but cannot: {self.reason}", pytrace=False)

    def reportinfo(self):
        return self.path, 0, self.name


def _skip_reason(report) -> str:
    return report.longrepr[2] if isinstance(report.longrepr, tuple) else str(report.longrepr)


@pytest.hookimpl(hookwrapper=True)
def pytest_make_collect_report(collector: pytest.Collector):
    """In CI or with --slow, a browser test module that skips itself (no Chromium, no
    Playwright) becomes one failing test; the rest of the run goes on."""
    outcome = yield
    report = outcome.get_result()
    if report.skipped and _in_browser_tests(collector.path) and _browser_must_run(collector.config):
        report.result = [MustRun.from_parent(collector, name="browser", reason=_skip_reason(report))]
        report.outcome, report.longrepr = "passed", None


@pytest.hookimpl(hookwrapper=True)
def pytest_runtest_makereport(item: pytest.Item, call):
    outcome = yield
    report = outcome.get_result()
    if report.skipped and _in_browser_tests(item.path) and _browser_must_run(item.config):
        report.outcome = "failed"
        report.longrepr = f"the browser tests must run here (CI or --slow) but cannot: {_skip_reason(report)}"


# -- shared fixtures ---------------------------------------------------------------------------


@pytest.fixture(scope="session")
def pipeline():
    from claimgraph.pipeline import Pipeline
    from claimgraph.settings import Settings

    return Pipeline(Settings(db=":memory:"))


@pytest.fixture(scope="session")
def extract_text(pipeline):
    """The claims and entities the extractor reads in one invented text."""
    from claimgraph.model import Document

    def run(text: str):
        return pipeline.extractor.extract(pipeline.nlp(text), Document(id="d1", text=text, published="2024-03-14"))

    return run


@pytest.fixture(scope="session")
def role_names(pipeline):
    """Extract one invented text; answer the names filling each (claim type, role), and under
    ("claims", "text") each claim as "TYPE:text"."""
    from claimgraph.model import Document

    def run(text: str) -> dict[tuple[str, str], set[str]]:
        claims, ents = pipeline.extract([Document(id="d1", text=text, published="2024-03-14")], learn=False)
        names: dict[tuple[str, str], set[str]] = {}
        for c in claims:
            for role, ids in c.roles.items():
                names.setdefault((c.type, role), set()).update(ents[i].name for i in ids)
        names[("claims", "text")] = {f"{c.type}:{c.text}" for c in claims}
        return names

    return run


@pytest.fixture(scope="session")
def demo_db(tmp_path_factory, pipeline) -> str:
    """The demo corpus ingested once per session. Read it; to write, take ``demo_copy``."""
    import claimgraph
    from claimgraph.store import Store

    path = str(tmp_path_factory.mktemp("demo") / "demo.db")
    with Store(path) as store:
        pipeline.ingest_paths(store, [str(claimgraph.demo_corpus())])
    return path


def copy_database(source: str, target: str | Path) -> str:
    """A consistent copy of a WAL database (SQLite's backup, not a file copy)."""
    with sqlite3.connect(source) as src, sqlite3.connect(str(target)) as dst:
        src.backup(dst)
    src.close()
    dst.close()
    return str(target)


@pytest.fixture()
def demo_copy(demo_db, tmp_path) -> str:
    """A copy of the session's demo database, for a test that writes to it."""
    return copy_database(demo_db, tmp_path / "demo-copy.db")


# -- PostgreSQL: a server named by $CLAIMGRAPH_TEST_PG (.ci/run starts one on loopback) ------

PG_URL_ENV = "CLAIMGRAPH_TEST_PG"
PG_REQUIRED_ENV = "CLAIMGRAPH_REQUIRE_PG"
# Tried when $CLAIMGRAPH_TEST_PG is not set: a server a developer runs locally.
PG_LOCAL_URL = "postgresql://postgres@127.0.0.1:5432/postgres"


def _pg_unavailable(reason: str):
    """Skip, or fail where PostgreSQL must be tested ($CLAIMGRAPH_REQUIRE_PG=1, set by .ci/run)."""
    if os.environ.get(PG_REQUIRED_ENV) == "1":
        pytest.fail(f"the PostgreSQL tests must run here ({PG_REQUIRED_ENV}=1) but cannot: {reason}",
                    pytrace=False)
    pytest.skip(f"no PostgreSQL server: {reason}")


@pytest.fixture(scope="session")
def pg_server() -> str:
    """The URL of a PostgreSQL server the tests may create schemas in."""
    url = os.environ.get(PG_URL_ENV) or PG_LOCAL_URL
    if url.startswith("unavailable:"):  # .ci/run could not start one: it says why
        _pg_unavailable(url.removeprefix("unavailable:").strip())
    try:
        import psycopg
    except ImportError:
        _pg_unavailable("psycopg is not installed (pip install -e '.[test]')")
    try:
        psycopg.connect(url, connect_timeout=3).close()
    except psycopg.Error as exc:
        _pg_unavailable(f"{url.split('@')[-1]} does not answer ({str(exc).strip()[:200]}); "
                        f"set {PG_URL_ENV} to a postgresql:// URL")
    return url


def eventually(condition: Callable[[], object], seconds: float = 10.0) -> bool:
    """``condition()`` became true within ``seconds``: for what another process or thread does
    in its own time (a notification's trip, a reconnection), never a fixed sleep."""
    deadline = time.monotonic() + seconds
    while not condition():
        if time.monotonic() > deadline:
            return False
        time.sleep(0.005)
    return True


def pg_schema_url(server: str, schema: str) -> str:
    """``server`` with ``schema`` first on the search path: a database of its own, in one server."""
    from urllib.parse import urlencode

    return server + ("&" if "?" in server else "?") + urlencode({"options": f"-csearch_path={schema}"})


@contextmanager
def _new_pg_schema(server: str):
    import uuid

    import psycopg

    schema = f"cg_test_{uuid.uuid4().hex[:12]}"
    with psycopg.connect(server, autocommit=True) as conn:
        conn.execute(f"CREATE SCHEMA {schema}")
    try:
        yield pg_schema_url(server, schema)
    finally:
        with psycopg.connect(server, autocommit=True) as conn:
            conn.execute(f"DROP SCHEMA {schema} CASCADE")


@pytest.fixture(scope="session")
def pg_schema(pg_server):
    """``with pg_schema() as url``: a fresh, empty database (a schema of its own) on the test
    server, dropped at the end; for fixtures wider than one test."""
    return lambda: _new_pg_schema(pg_server)


@pytest.fixture
def pg_url(pg_schema):
    """A fresh, empty claimgraph database on the test server, for one test."""
    with pg_schema() as url:
        yield url


@pytest.fixture(scope="session")
def pg_demo_db(pg_schema, pipeline):
    """The demo corpus ingested once per session into PostgreSQL: ``demo_db``'s twin."""
    import claimgraph
    from claimgraph.store import Store

    with pg_schema() as url:
        with Store(url) as store:
            pipeline.ingest_paths(store, [str(claimgraph.demo_corpus())])
        yield url


@pytest.fixture(params=["sqlite", pytest.param("postgresql", marks=pytest.mark.postgres)])
def db_url(request, tmp_path) -> str:
    """A new database on each backend: a SQLite file, then a PostgreSQL schema."""
    if request.param == "sqlite":
        return str(tmp_path / "cg.db")
    return request.getfixturevalue("pg_url")


@pytest.fixture(scope="session")
def shared_dir() -> Path:
    if not (SHARED / "seeds").is_dir():
        pytest.skip("../shared is not present")
    return SHARED


# -- a web site on 127.0.0.1 for fetch, feed and API tests (no other network) ----------


@dataclass
class Route:
    body: bytes = b""
    status: int = 200
    content_type: str = "text/html; charset=utf-8"
    headers: dict[str, str] = field(default_factory=dict)
    etag: str | None = None  # answer 304 when the request's If-None-Match equals it
    delay: float = 0.0  # seconds to sleep before answering


class LocalSite:
    """A threaded HTTP server on 127.0.0.1 serving ``routes`` and recording requests."""

    def __init__(self) -> None:
        self.routes: dict[str, Route] = {}
        self.requests: list[tuple[str, dict[str, str]]] = []
        site = self

        class Handler(BaseHTTPRequestHandler):
            def do_GET(self) -> None:  # noqa: N802 - http.server's name
                site.requests.append((self.path, {k.lower(): v for k, v in self.headers.items()}))
                route = site.routes.get(self.path)
                if route is None:
                    self._answer(Route(b"not here", status=404, content_type="text/plain"))
                    return
                time.sleep(route.delay)
                if route.etag and self.headers.get("If-None-Match") == route.etag:
                    self._answer(Route(status=304, etag=route.etag, content_type=""))
                    return
                self._answer(route)

            def _answer(self, route: Route) -> None:
                try:
                    self.send_response(route.status)
                    if route.content_type:
                        self.send_header("Content-Type", route.content_type)
                    if route.etag:
                        self.send_header("ETag", route.etag)
                    for name, value in route.headers.items():
                        self.send_header(name, value)
                    self.send_header("Content-Length", str(len(route.body)))
                    self.end_headers()
                    self.wfile.write(route.body)
                except (BrokenPipeError, ConnectionResetError):
                    pass  # the client gave up (timeout tests)

            def log_message(self, *args: object) -> None:
                pass  # silent

        self.server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.server.daemon_threads = True
        self.port = self.server.server_address[1]
        self.thread = threading.Thread(target=self.server.serve_forever, kwargs={"poll_interval": 0.05}, daemon=True)
        self.thread.start()

    def url(self, path: str) -> str:
        return f"http://127.0.0.1:{self.port}{path}"

    def paths_requested(self) -> list[str]:
        return [path for path, _ in self.requests]

    def close(self) -> None:
        self.server.shutdown()
        self.server.server_close()


@pytest.fixture
def site():
    server = LocalSite()
    yield server
    server.close()
