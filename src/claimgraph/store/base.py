"""The connection under every store module: opening, migrations, transactions, one query helper.

``Database`` holds one connection and a re-entrant lock: a SQLite file (WAL mode), or a
PostgreSQL server for a ``postgresql://`` URL (``postgres.py``). The store's reads and
writes (``reads.py``, ``writes.py``, ``links.py``) are mixins over it, and the paging
functions (``pages.py``) call its public ``query``; both write SQLite's SQL, which
``self.dialect`` renders for the engine (``dialect.py``).
"""

from __future__ import annotations

import os
import sqlite3
import threading
import time
import urllib.parse
from collections.abc import Callable, Collection, Iterator, Sequence
from contextlib import contextmanager
from typing import Any, TypeVar

from claimgraph.errors import SearchSyntaxError, StoreError
from claimgraph.store.dialect import SQLITE, dialect_of
from claimgraph.store.listen import ChangeListener
from claimgraph.store.migrations import (
    CREATE_MIGRATIONS_TABLE,
    LATEST_VERSION,
    MIGRATIONS,
    Migration,
)
from claimgraph.store.postgres import DATABASE_ERRORS, PostgresConnection, PostgresError, PostgresPool, redacted
from claimgraph.store.rows import utc_now

T = TypeVar("T")

# A write the server cut short is run again this many times (each time on a connection that
# waited for the server to come back: postgres.RECONNECT_SECONDS).
TRANSACTION_ATTEMPTS = 5


class _CommitsHere:
    """Commits made in this process, by any of its stores (and those ``sync_changes`` could
    not confirm): part of PostgreSQL's generation, so a read after a write of this process
    sees it at once, without waiting for the write's notification to come back."""

    def __init__(self) -> None:
        self.count = 0
        self._lock = threading.Lock()

    def add(self) -> None:
        with self._lock:
            self.count += 1


_COMMITS_HERE = _CommitsHere()


def is_read_only_file(path: str) -> bool:
    """True for an existing database file this process may read but not write.

    >>> is_read_only_file(":memory:"), is_read_only_file("/no/such/file.db")
    (False, False)
    """
    return (path != ":memory:" and not path.startswith("file:") and os.path.isfile(path)
            and os.access(path, os.R_OK) and not os.access(path, os.W_OK))


class Database:
    """One SQLite file (created if missing), ``":memory:"`` or a ``postgresql://`` URL,
    migrated to the latest schema."""

    def __init__(self, path: str, *, pool_size: int = 0, listen: bool = False):
        """:param pool_size: on PostgreSQL, up to this many more connections for reads
        outside a transaction, taken by whichever thread asks (the HTTP server's reader).
        :param listen: on PostgreSQL, one more connection that hears every commit
        (``listen.py``), so ``known_generation()`` needs no round trip (the HTTP server's
        reader)."""
        self.path = str(path)
        self.label = redacted(self.path)  # what messages show: never a password
        self.dialect = dialect_of(self.path)
        self._lock = threading.RLock()
        self.read_only = is_read_only_file(self.path)
        self._pool: PostgresPool | None = None
        self._watcher: sqlite3.Connection | None = None  # see generation()
        self._watcher_lock = threading.Lock()
        self._listener: ChangeListener | None = None
        if self.dialect is not SQLITE:
            self._conn = self._connect_postgres(self.path)
            if pool_size > 0:
                self._pool = self._open_pool(self.path, pool_size)
        else:
            self._conn = self._connect_read_only(self.path) if self.read_only else self._connect(self.path)
        try:
            self._check_schema() if self.read_only else self._migrate()
        except BaseException:
            self._conn.close()
            raise
        if listen and self.dialect is not SQLITE:  # after the migration that makes writers notify
            self._listener = ChangeListener(self.path)

    # -- opening -------------------------------------------------------------

    @staticmethod
    def _connect_read_only(path: str) -> sqlite3.Connection:
        """A file we may read but not write: nothing is migrated and every write fails as a
        ``StoreError``. ``immutable`` when the WAL index cannot be created beside the file
        (a read-only folder): SQLite then reads the file as it is, without locking."""
        uri = "file:" + urllib.parse.quote(os.path.abspath(path)) + "?mode=ro"
        try:
            conn = sqlite3.connect(uri, uri=True, check_same_thread=False, isolation_level=None, timeout=30)
            try:
                conn.execute("SELECT COUNT(*) FROM sqlite_master").fetchone()
            except sqlite3.OperationalError:
                conn.close()
                conn = sqlite3.connect(uri + "&immutable=1", uri=True, check_same_thread=False,
                                       isolation_level=None)
                conn.execute("SELECT COUNT(*) FROM sqlite_master").fetchone()
        except sqlite3.Error as exc:
            raise StoreError(f"cannot open read-only database {path!r}: {exc}") from exc
        return conn

    @staticmethod
    def _connect_postgres(url: str) -> PostgresConnection:
        try:
            return PostgresConnection(url)
        except PostgresError as exc:
            raise StoreError(f"cannot open database {redacted(url)!r}: {exc}. Check that the PostgreSQL "
                             "server is running and the URL names a database this user may write.") from exc

    def _open_pool(self, url: str, size: int) -> PostgresPool:
        try:
            return PostgresPool(url, size)
        except PostgresError as exc:
            self._conn.close()
            raise StoreError(f"cannot open a pool of connections to {redacted(url)!r}: {exc}") from exc

    def _check_schema(self) -> None:
        try:
            version = self.schema_version()
        except DATABASE_ERRORS as exc:
            raise StoreError(f"{self.path!r} is read-only and not a claimgraph database: {exc}") from exc
        if version != LATEST_VERSION:
            raise StoreError(f"database {self.path!r} is read-only and has schema version {version}; this "
                             f"claimgraph reads version {LATEST_VERSION}. Open it once where it can be written.")

    @staticmethod
    def _connect(path: str) -> sqlite3.Connection:
        try:
            # isolation_level=None: we issue BEGIN/COMMIT ourselves, so a batch is
            # exactly one transaction and nothing commits behind our back.
            conn = sqlite3.connect(path, check_same_thread=False, isolation_level=None, timeout=30)
            conn.execute("PRAGMA journal_mode=WAL")
            conn.execute("PRAGMA synchronous=NORMAL")
            conn.execute("PRAGMA foreign_keys=ON")
        except sqlite3.Error as exc:
            raise StoreError(
                f"cannot open database {path!r}: {exc}. "
                "Check that the path is a claimgraph database (or a new file) and is writable."
            ) from exc
        return conn

    def _migrate(self) -> None:
        try:
            if self.dialect is SQLITE:
                self._conn.execute(CREATE_MIGRATIONS_TABLE)
            else:  # under the write lock: two processes creating the table at once collide there
                with self.transaction():
                    self._conn.execute(self.dialect.schema(CREATE_MIGRATIONS_TABLE))
            for migration in MIGRATIONS:
                self._apply(migration)
        except DATABASE_ERRORS as exc:
            raise StoreError(f"cannot migrate database {self.label!r}: {exc}") from exc

    def schema_version(self) -> int:
        """Highest migration recorded in the database (0 for a new one)."""
        row = self._conn.execute("SELECT MAX(version) FROM schema_migrations").fetchone()
        return int(row[0] or 0)

    def migrations(self) -> list[tuple[int, str, str]]:
        """The recorded migrations as (version, name, applied_at), oldest first."""
        with self._lock:
            return self._conn.execute(
                "SELECT version, name, applied_at FROM schema_migrations ORDER BY version"
            ).fetchall()

    def _apply(self, migration: Migration) -> None:
        with self.transaction():
            # Checked inside the write transaction: two processes opening a new
            # database at once must not both apply the same migration.
            current = self.schema_version()
            if current > LATEST_VERSION:
                raise StoreError(
                    f"database {self.label!r} has schema version {current}, but this claimgraph "
                    f"knows versions up to {LATEST_VERSION}: it was written by a newer "
                    "claimgraph. Upgrade claimgraph, or use another --db."
                )
            if current >= migration.version:
                return
            name = migration.name
            try:
                for statement in migration.statements(self.dialect):
                    self._conn.execute(statement)
            except sqlite3.OperationalError as exc:
                if not (migration.sqlite_only and "fts5" in str(exc)):
                    raise
                name += f" (skipped: {exc})"  # SQLite built without FTS5: search falls back to LIKE
            self._conn.execute(
                "INSERT INTO schema_migrations (version, name, applied_at) VALUES (?, ?, ?)",
                (migration.version, name, utc_now()),
            )

    def _begin(self, statements: Sequence[str]) -> None:
        try:
            for statement in statements:
                self._conn.execute(statement)
        except DATABASE_ERRORS as exc:  # locked, or a server that does not answer
            raise StoreError(f"cannot begin a transaction in {self.label!r}: {exc}") from exc

    @contextmanager
    def transaction(self, *, rows_only: bool = False) -> Iterator[sqlite3.Connection | PostgresConnection]:
        """One write transaction (SQLite's write lock; on PostgreSQL an advisory lock that
        stands for it): writers take turns, each sees what the one before committed.

        :param rows_only: on PostgreSQL, lock only the rows the statements lock (claiming
            jobs ``FOR UPDATE SKIP LOCKED``), not the whole store."""
        with self._opened(self.dialect.begin_claim if rows_only else self.dialect.begin_write) as conn:
            yield conn

    @contextmanager
    def _opened(self, begin: Sequence[str]) -> Iterator[sqlite3.Connection | PostgresConnection]:
        """A transaction opened by the statements ``begin`` (which take its locks), or the one
        already open on this connection, which the statements inside join."""
        with self._lock:
            if self._conn.in_transaction or not begin:  # inside exclusive(): its transaction is this one
                yield self._conn
                return
            self._begin(begin)
            try:
                yield self._conn
            except BaseException:
                self._conn.execute("ROLLBACK")
                raise
            self._conn.execute("COMMIT")
            _COMMITS_HERE.add()

    def retried(self, work: Callable[[], T]) -> T:
        """``work()``: whole transactions, run again when the server dropped the connection
        under them (a PostgreSQL restart). The store's writes are idempotent, so a batch whose
        COMMIT was lost on the way back is the same batch written twice. Any other error, and
        every error on SQLite, goes to the caller at once."""
        attempt = 1
        while True:
            try:
                return work()
            except (StoreError, *DATABASE_ERRORS):
                lost = isinstance(self._conn, PostgresConnection) and self._conn.lost
                if attempt >= TRANSACTION_ATTEMPTS or not lost:
                    raise
            time.sleep(0.1 * attempt)
            attempt += 1

    @contextmanager
    def exclusive(self) -> Iterator["Database"]:
        """Hold the database's write lock for a read-then-write step (an incremental link):
        another process that wants to link waits, then sees what this one wrote. Writes
        inside join this transaction; it commits at the end, or rolls back on an error."""
        with self.transaction():
            yield self

    @contextmanager
    def partitions(self, partitions: Collection[int]) -> Iterator["Database"]:
        """Hold the locks of these link partitions (``link/partitions.py``) for one read-then-write
        step: on PostgreSQL, linkers holding disjoint partitions run at once and the others
        wait; on SQLite this is the write lock (one writer)."""
        with self._opened(self.dialect.begin_partitions(sorted(partitions))):
            yield self

    @contextmanager
    def link_alone(self) -> Iterator[bool]:
        """A transaction that holds every link partition if no other link runs now (True),
        taken without waiting: on PostgreSQL a link that finds others at work links by
        partitions instead; on SQLite the write lock (always True)."""
        begin, try_lock = self.dialect.begin_link_alone()
        with self._opened(begin) as conn:
            yield try_lock is None or bool(conn.execute(try_lock).fetchone()[0])

    @contextmanager
    def full_link(self) -> Iterator["Database"]:
        """On PostgreSQL, hold every link partition and the write lock while a full link reads
        and rewrites all events; on SQLite nothing: the full link takes the write lock when
        it writes, as it always did."""
        with self._opened(self.dialect.begin_full_link):
            yield self

    @contextmanager
    def snapshot(self) -> Iterator["Database"]:
        """Read inside one transaction: every query sees the database as it was at the first
        one, whatever other connections commit meanwhile (a chunked export stays consistent).

        Meant for a Store of its own (one export, one connection). The lock is held per
        statement, never across the ``with`` body: a streamed export resumes on whichever
        worker thread the server picks, and a re-entrant lock kept by the first thread made
        every later chunk, and every other reader of this store, wait for ever."""
        with self._lock:
            self._begin(self.dialect.begin_snapshot)
        try:
            yield self
        finally:
            with self._lock:
                if self._conn.in_transaction:
                    self._conn.execute("COMMIT")

    def generation(self) -> str:
        """A value that changes whenever what this store reads may have changed, whoever
        wrote it (this connection, another one, another process). Equal values mean equal
        data, so an answer computed after reading one value is good until the next.

        On SQLite, ``PRAGMA data_version`` of a connection kept for nothing else (it moves
        when any other connection commits, and never waits for a reader's lock) and this
        connection's own changes. On PostgreSQL, ``known_generation()`` while it has one,
        else the current snapshot (its xmin, xmax and the transactions in progress: two
        equal snapshots see the same rows), a round trip to the server.

        >>> from claimgraph.model import Entity
        >>> from claimgraph.store import Store
        >>> with Store(":memory:") as s:
        ...     before = s.generation()
        ...     read = s.counts() and s.generation() == before
        ...     s.add_entities([Entity(id="gpe:x", name="X", type="GPE")])
        ...     read, s.generation() == before
        (True, False)
        """
        if self.dialect is not SQLITE:
            return self.known_generation() or str(self.query("SELECT pg_current_snapshot()::text")[0][0])
        own = self._conn.total_changes
        if self.path == ":memory:":  # no other connection can write it
            return str(own)
        with self._watcher_lock:
            if self._watcher is None:
                self._watcher = sqlite3.connect(self.path, uri=self.path.startswith("file:"),
                                                check_same_thread=False, isolation_level=None, timeout=30)
            return f"{self._watcher.execute('PRAGMA data_version').fetchone()[0]}:{own}"

    def known_generation(self) -> str | None:
        """``generation()`` when it can be told without waiting for anything, else None.

        SQLite's always (a PRAGMA of about 20 µs, so an event loop may ask it itself).
        PostgreSQL's while this store, opened with ``listen=True``, hears its changes
        (``listen.py``): the changes heard plus the commits made in this process, which it
        counts as they return rather than waiting for their notifications. None otherwise
        (no listener, or one that lost its connection): ask ``generation()``."""
        if self.dialect is SQLITE:
            return self.generation()
        heard = self._listener.known() if self._listener is not None else None
        return None if heard is None else f"heard:{heard}:{_COMMITS_HERE.count}"

    def sync_changes(self) -> None:
        """Make ``known_generation()`` count every commit made before this call, wherever it
        was made: the server calls it when its ingest process has committed, before it
        answers the client, who may read what it added next. A round trip and a
        notification's trip (``ChangeListener.sync``); when the listener cannot confirm it,
        the generation moves instead (one more recomputation of each kept answer)."""
        if self._listener is None:
            return  # SQLite's generation, and PostgreSQL's round trip, see every commit at once
        try:
            heard = self._listener.sync(lambda channel, payload: self.query("SELECT pg_notify(?, ?)",
                                                                            (channel, payload)))
        except StoreError:
            heard = False
        if not heard:
            _COMMITS_HERE.add()

    def close(self) -> None:
        if self._listener is not None:
            self._listener.close()
        with self._lock:
            if self._pool is not None:
                self._pool.close()
            with self._watcher_lock:
                if self._watcher is not None:
                    self._watcher.close()
            self._conn.close()

    def __enter__(self) -> "Database":
        return self

    def __exit__(self, *exc_info: object) -> None:
        self.close()

    def query(self, sql: str, params: Sequence[Any] = ()) -> list[tuple]:
        """Rows of one read statement; a database error is a ``StoreError``."""
        if self._pool is not None and not self._conn.in_transaction:
            try:
                return self._pool.fetchall(sql, params)
            except PostgresError as exc:
                raise StoreError(f"cannot read {self.label!r}: {exc}") from exc
        with self._lock:
            try:
                return self._conn.execute(sql, params).fetchall()
            except DATABASE_ERRORS as exc:
                raise StoreError(f"cannot read {self.label!r}: {exc}") from exc

    _query = query  # the name scripts and older tests use

    def match(self, sql: str, params: Sequence[Any] = ()) -> list[tuple]:
        """Rows of a full-text (``MATCH``) query. A query FTS5 cannot parse raises
        ``SearchSyntaxError`` (the caller's to fix); a locked or broken database stays a
        ``StoreError`` (try again later).

        >>> from claimgraph.store import Store
        >>> with Store(":memory:") as s:
        ...     s.match("SELECT rowid FROM documents_fts WHERE documents_fts MATCH ?", ['"open'])
        Traceback (most recent call last):
        claimgraph.errors.SearchSyntaxError: cannot search for '"open': unterminated string
        """
        if self.dialect is not SQLITE:  # websearch_to_tsquery reads any text: never a syntax error
            return self.query(sql, params)
        with self._lock:
            try:
                return self._conn.execute(sql, params).fetchall()
            except sqlite3.Error as exc:
                # FTS5 reports a bad query as the generic SQLITE_ERROR; busy, locked, I/O and
                # corruption each have their own code.
                if getattr(exc, "sqlite_errorcode", None) == sqlite3.SQLITE_ERROR:
                    raise SearchSyntaxError(f"cannot search for {params[0]!r}: {exc}") from exc
                raise StoreError(f"cannot read {self.label!r}: {exc}") from exc

    def has_fts(self) -> bool:
        """True when the full-text index exists (always on PostgreSQL; on SQLite when it
        was built with FTS5)."""
        if self.dialect is not SQLITE:
            return True
        return bool(self.query("SELECT 1 FROM sqlite_master WHERE name = 'documents_fts'"))
