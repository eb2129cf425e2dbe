"""A PostgreSQL connection (psycopg 3) with the few methods of ``sqlite3.Connection`` the store uses.

``Database`` talks to either engine through ``execute``, ``executemany``, ``in_transaction``
and ``close``; this class renders each statement with ``dialect.POSTGRES`` first. psycopg
is imported only when a ``postgresql://`` URL is opened: the SQLite quick start never
loads it. Every psycopg error leaves as a ``PostgresError``, which the store catches
beside ``sqlite3.Error`` (``DATABASE_ERRORS``).
"""

from __future__ import annotations

import sqlite3
import time
import urllib.parse
from collections.abc import Iterable, Sequence
from typing import Any

from claimgraph.store.dialect import POSTGRES

CONNECT_TIMEOUT_SECONDS = 10
# How long a dropped connection waits for the server to come back (a restart, a fail-over)
# before its statement fails; the first connection never waits (a wrong URL fails at once).
RECONNECT_SECONDS = 60
RECONNECT_PAUSES = (0.2, 0.5, 1.0, 2.0)


class PostgresError(Exception):
    """A psycopg error (its message), raised by the store's PostgreSQL connection."""


DATABASE_ERRORS = (sqlite3.Error, PostgresError)


def redacted(url: str) -> str:
    """``url`` without its password, for messages and logs.

    >>> redacted("postgresql://cg:secret@db.example:5432/news")
    'postgresql://cg:***@db.example:5432/news'
    >>> redacted("news.db")
    'news.db'
    """
    parts = urllib.parse.urlsplit(url)
    if not parts.password:
        return url
    netloc = parts.netloc.replace(":" + parts.password + "@", ":***@", 1)
    return urllib.parse.urlunsplit(parts._replace(netloc=netloc))


def _text(value: Any) -> Any:
    # PostgreSQL text cannot hold NUL (SQLite's can): the one character stored differently,
    # also inside the JSON arrays of ids that json_each reads ('["\\u0000"]' fails to parse)
    if not isinstance(value, str):
        return value
    if "\x00" in value:
        value = value.replace("\x00", "\ufffd")
    if value.startswith("[") and "\\u0000" in value:
        value = value.replace("\\u0000", "\\ufffd")
    return value


def _params(params: Sequence[Any]) -> list[Any]:
    return [_text(p) for p in params]


def _psycopg():
    try:
        import psycopg
    except ImportError as exc:  # pragma: no cover - a dependency of the package
        raise PostgresError("psycopg is not installed: pip install 'psycopg[binary]'") from exc
    return psycopg


class PostgresConnection:
    """One psycopg connection in autocommit mode: the store opens and ends its transactions.

    :param url: the server to connect to, or ``connection``: one already open (a pool's).

    A connection the server dropped (a restart, a terminated backend) is opened again at
    the next statement that starts something (a read outside a transaction, a ``BEGIN``),
    waiting up to ``RECONNECT_SECONDS`` for a server that is restarting, and that statement
    runs there. A transaction it cut short stays failed to its end:
    every later statement in it fails, never runs on the new connection, and its
    ``ROLLBACK`` has nothing left to undo. The store's writes are idempotent, so the caller
    runs the transaction again.
    """

    def __init__(self, url: str | None = None, *, connection: Any = None):
        psycopg = _psycopg()
        self._errors = psycopg.Error
        self._idle_states = (psycopg.pq.TransactionStatus.IDLE, psycopg.pq.TransactionStatus.UNKNOWN)
        self._url = url
        self._conn = connection if connection is not None else self._open()
        self._began = False  # between our BEGIN and its COMMIT or ROLLBACK, whatever the server did

    def _open(self) -> Any:
        psycopg = _psycopg()
        try:
            return psycopg.connect(self._url, autocommit=True, **_defaults(self._url))
        except psycopg.Error as exc:
            raise PostgresError(str(exc).strip()) from exc

    def _reopen(self) -> Any:
        """A new connection once the server answers again, or the last refusal after
        ``RECONNECT_SECONDS``."""
        deadline = time.monotonic() + RECONNECT_SECONDS
        pauses = iter(RECONNECT_PAUSES)
        while True:
            try:
                return self._open()
            except PostgresError:
                pause = next(pauses, RECONNECT_PAUSES[-1])
                if time.monotonic() + pause > deadline:
                    raise
            time.sleep(pause)

    @property
    def lost(self) -> bool:
        """Whether the server dropped this connection (the next statement outside a
        transaction connects again)."""
        return self._url is not None and self._conn.closed

    def execute(self, sql: str, params: Sequence[Any] = ()) -> Any:
        """A cursor over the rows of ``sql`` (SQLite's spelling) run with ``params``."""
        if sql in ("COMMIT", "ROLLBACK"):
            return self._end(sql)
        starts_afresh = not self.in_transaction
        try:
            cursor = self._conn.execute(POSTGRES.sql(sql), _params(params))
        except self._errors as exc:
            if not (starts_afresh and self.lost):
                raise PostgresError(str(exc).strip()) from exc
            self._conn = self._reopen()  # the server dropped us between two transactions
            try:
                cursor = self._conn.execute(POSTGRES.sql(sql), _params(params))
            except self._errors as exc:
                raise PostgresError(str(exc).strip()) from exc
        self._began = self._began or sql.startswith("BEGIN")
        return cursor

    def _end(self, sql: str) -> Any:
        self._began = False
        if sql == "ROLLBACK" and self._conn.closed:
            return None  # the server ended the transaction when it dropped the connection
        try:
            return self._conn.execute(sql)
        except self._errors as exc:
            raise PostgresError(str(exc).strip()) from exc

    def executemany(self, sql: str, rows: Iterable[Sequence[Any]]) -> None:
        rows = [_params(row) for row in rows]
        if not rows:
            return
        try:
            with self._conn.cursor() as cursor:
                cursor.executemany(POSTGRES.sql(sql), rows)
        except self._errors as exc:
            raise PostgresError(str(exc).strip()) from exc

    @property
    def in_transaction(self) -> bool:
        """True inside BEGIN ... COMMIT, also when the server dropped the connection meanwhile."""
        return self._began or self._conn.info.transaction_status not in self._idle_states

    def close(self) -> None:
        self._conn.close()


class PostgresPool:
    """Connections for reads that need no transaction, so the server's request threads read
    side by side instead of queueing for one connection (psycopg_pool)."""

    def __init__(self, url: str, size: int):
        from psycopg_pool import ConnectionPool

        psycopg = _psycopg()
        try:
            # check: a connection the server dropped (a restart) is replaced before it is lent
            self._pool = ConnectionPool(url, min_size=1, max_size=size, timeout=30, open=True,
                                        check=ConnectionPool.check_connection,
                                        kwargs={"autocommit": True, **_defaults(url)})
        except (psycopg.Error, TimeoutError) as exc:
            raise PostgresError(str(exc).strip()) from exc

    def fetchall(self, sql: str, params: Sequence[Any] = ()) -> list[tuple]:
        from psycopg_pool import PoolTimeout

        try:
            with self._pool.connection() as conn:
                return PostgresConnection(connection=conn).execute(sql, params).fetchall()
        except PoolTimeout as exc:
            raise PostgresError(f"no connection free in the pool: {exc}") from exc

    def close(self) -> None:
        self._pool.close()


def _defaults(url: str) -> dict[str, Any]:
    """Connection settings the URL may override: a server that does not answer is an error
    after a few seconds, not a hang."""
    given = urllib.parse.parse_qs(urllib.parse.urlsplit(url).query)
    return {} if "connect_timeout" in given else {"connect_timeout": CONNECT_TIMEOUT_SECONDS}


# What the store's write helpers are handed: either engine's connection.
Connection = sqlite3.Connection | PostgresConnection
