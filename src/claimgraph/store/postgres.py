"""A PostgreSQL connection (psycopg 3) with the few methods of ``sqlite3.Connection`` the store uses.

``Database`` talks to either engine through ``execute``, ``executemany``, ``in_transaction``
and ``close``; this class renders each statement with ``dialect.POSTGRES`` first. psycopg
is imported only when a ``postgresql://`` URL is opened: the SQLite quick start never
loads it. Every psycopg error leaves as a ``PostgresError``, which the store catches
beside ``sqlite3.Error`` (``DATABASE_ERRORS``).
"""

from __future__ import annotations

import sqlite3
import urllib.parse
from collections.abc import Iterable, Sequence
from typing import Any

from claimgraph.store.dialect import POSTGRES

CONNECT_TIMEOUT_SECONDS = 10


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
    # PostgreSQL text cannot hold NUL (SQLite's can): the one character stored differently.
    return value.replace("\x00", "\ufffd") if isinstance(value, str) and "\x00" in value else value


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
    """

    def __init__(self, url: str | None = None, *, connection: Any = None):
        psycopg = _psycopg()
        self._errors = psycopg.Error
        if connection is not None:
            self._conn = connection
            return
        try:
            self._conn = psycopg.connect(url, autocommit=True, **_defaults(url))
        except psycopg.Error as exc:
            raise PostgresError(str(exc).strip()) from exc

    def execute(self, sql: str, params: Sequence[Any] = ()) -> Any:
        """A cursor over the rows of ``sql`` (SQLite's spelling) run with ``params``."""
        try:
            return self._conn.execute(POSTGRES.sql(sql), _params(params))
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
        import psycopg.pq

        return self._conn.info.transaction_status != psycopg.pq.TransactionStatus.IDLE

    def close(self) -> None:
        self._conn.close()


class PostgresPool:
    """Connections for reads that need no transaction, so the server's request threads read
    side by side instead of queueing for one connection (psycopg_pool)."""

    def __init__(self, url: str, size: int):
        from psycopg_pool import ConnectionPool

        psycopg = _psycopg()
        try:
            self._pool = ConnectionPool(url, min_size=1, max_size=size, timeout=30, open=True,
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
