"""Where SQLite and PostgreSQL differ, decided in one place.

The store writes its SQL once, in SQLite's spelling (``?`` placeholders, ``json_each``,
``LIKE``, ``rowid``). ``SQLITE`` runs it as written. ``POSTGRES`` renders each statement for
PostgreSQL 15+ (cached per statement text) and is the only place that knows how:

* placeholders ``?`` become ``%s`` (and a literal ``%`` becomes ``%%``) for psycopg;
* ``json_each(?)`` (a set of ids as one JSON parameter) becomes ``json_array_elements_text``;
* ``LIKE`` becomes ``ILIKE``: SQLite's LIKE ignores the case of ASCII letters, and so does
  ILIKE on text in the "C" collation;
* the schema's types become PostgreSQL's (``REAL`` is 4 bytes there, ``INTEGER`` too, and
  ``BLOB`` is ``BYTEA``); text columns are ``COLLATE "C"``, ordered by code point as in
  SQLite whatever the server's locale, so ``ORDER BY id`` lists the same rows in the same
  order on both; every table gets the ``rowid`` SQLite gives it for free (insertion order:
  newest-first pages read it).

What cannot be rendered by rewriting is asked of the dialect by name: ``upsert`` (SQLite's
``INSERT OR REPLACE`` / ``OR IGNORE``), ``nocase``, the transaction openers, ``skip_locked``
(claiming queued jobs) and the full-text search (FTS5 there, a ``tsvector`` column and
``websearch_to_tsquery`` here).

    >>> POSTGRES.sql("SELECT id FROM claims c WHERE c.id IN (SELECT value FROM json_each(?)) AND c.text LIKE ?")
    'SELECT id FROM claims c WHERE c.id IN (SELECT value FROM json_array_elements_text(%s::json)) AND c.text ILIKE %s'
    >>> SQLITE.upsert("link_state", ("key", "value"), key=("key",))
    'INSERT OR REPLACE INTO link_state (key, value) VALUES (?, ?)'
    >>> POSTGRES.sql(POSTGRES.upsert("link_state", ("key", "value"), key=("key",)))
    'INSERT INTO link_state (key, value) VALUES (%s, %s) ON CONFLICT (key) DO UPDATE SET value = excluded.value'
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache

# One advisory lock stands for SQLite's single writer: every write transaction takes it,
# so a read-merge-write (entities, an incremental link) sees what the last writer committed.
WRITE_LOCK_KEY = 0x636C6D67  # "clmg"
# Incremental links lock the partitions they read (link/partitions.py) and hold this one
# shared; a full link holds it alone, since it rewrites every partition.
LINK_LOCK_KEY = 0x636C6D6C  # "clml"
# The first half of each partition's two-part advisory lock (the second is the partition's
# hash): a space of its own, apart from the single-key locks above.
PARTITION_LOCK_SPACE = 0x636C6D70  # "clmp"
# The text search configuration of the documents' tsvector (stems English words).
TEXT_SEARCH_CONFIG = "english"


def is_postgres_url(path: str) -> bool:
    """True for a ``postgresql://`` (or ``postgres://``) connection URL.

    >>> is_postgres_url("postgresql://cg@db.example/news"), is_postgres_url("news.db")
    (True, False)
    """
    return path.startswith(("postgresql://", "postgres://"))


@dataclass(frozen=True, slots=True)
class FullText:
    """The pieces of a full-text query: ``SELECT ... FROM {source} WHERE {match} AND ...
    ORDER BY {order}``; the query string is the first parameter."""

    source: str
    match: str
    order: str
    snippet: str


class Dialect:
    """SQLite: the store's SQL as written."""

    name = "sqlite"
    begin_write: tuple[str, ...] = ("BEGIN IMMEDIATE",)
    begin_snapshot: tuple[str, ...] = ("BEGIN",)
    # a transaction that locks only the rows it claims: SQLite has no row locks, its writers
    # take turns on the file; PostgreSQL's lock the rows ``FOR UPDATE`` and others skip them
    begin_claim: tuple[str, ...] = ("BEGIN IMMEDIATE",)
    # whether links lock partitions (several linkers at once) or take the one write lock
    partitioned_links = False
    begin_full_link: tuple[str, ...] = ()  # SQLite: a full link's write takes the write lock
    skip_locked = ""
    fulltext = FullText(
        source="documents_fts JOIN documents d ON d.rowid = documents_fts.rowid",
        match="documents_fts MATCH ?",
        order="rank",
        snippet="snippet(documents_fts, 1, '', '', ' … ', 16)",
    )

    def sql(self, statement: str) -> str:
        """``statement`` as this engine reads it."""
        return statement

    def begin_partitions(self, partitions: Sequence[int]) -> tuple[str, ...]:
        """Open a link's transaction holding ``partitions``: on SQLite its one writer holds them all."""
        return self.begin_write

    def begin_link_alone(self) -> tuple[tuple[str, ...], str | None]:
        """(statements opening a link's transaction, a query answering whether it holds every
        partition: no other link runs meanwhile). SQLite's one writer always does."""
        return self.begin_write, None

    def schema(self, statement: str) -> str:
        """A migration's statement as this engine reads it."""
        return statement

    def upsert(self, table: str, columns: Sequence[str], *, key: Sequence[str], replace: bool = True) -> str:
        """Insert one row of ``columns``; a row with the same ``key`` is replaced by it
        (``replace``) or kept as it is."""
        verb = "INSERT OR REPLACE" if replace else "INSERT OR IGNORE"
        return f"{verb} INTO {table} ({', '.join(columns)}) VALUES ({', '.join('?' * len(columns))})"

    def nocase(self, expression: str) -> str:
        """``expression`` compared and ordered without regard to the case of ASCII letters."""
        return f"{expression} COLLATE NOCASE"


class PostgresDialect(Dialect):
    name = "postgresql"
    # READ COMMITTED: after the lock, each statement sees every earlier commit.
    begin_write = ("BEGIN", f"SELECT pg_advisory_xact_lock({WRITE_LOCK_KEY})")
    begin_snapshot = ("BEGIN ISOLATION LEVEL REPEATABLE READ",)
    begin_claim = ("BEGIN",)
    partitioned_links = True
    begin_full_link = ("BEGIN", f"SELECT pg_advisory_xact_lock({WRITE_LOCK_KEY})",
                       f"SELECT pg_advisory_xact_lock({LINK_LOCK_KEY})")
    skip_locked = " FOR UPDATE SKIP LOCKED"
    fulltext = FullText(
        source=f"documents d CROSS JOIN websearch_to_tsquery('{TEXT_SEARCH_CONFIG}', ?) AS fts_query",
        match="d.search @@ fts_query",
        order="ts_rank(d.search, fts_query) DESC, d.id",
        snippet=(f"ts_headline('{TEXT_SEARCH_CONFIG}', d.text, fts_query, 'StartSel=\"\", StopSel=\"\","
                 " MaxWords=16, MinWords=6, MaxFragments=2, FragmentDelimiter=\" … \"')"),
    )

    def sql(self, statement: str) -> str:
        return _postgres_sql(statement)

    def begin_link_alone(self) -> tuple[tuple[str, ...], str | None]:
        # without waiting: a link that would wait links by partitions instead
        return ("BEGIN",), f"SELECT pg_try_advisory_xact_lock({LINK_LOCK_KEY})"

    def begin_partitions(self, partitions: Sequence[int]) -> tuple[str, ...]:
        """Every linker takes its partitions in ascending order, so two that want some of the
        same wait for each other instead of deadlocking (an array is unnested in its order).

        >>> POSTGRES.begin_partitions([7, -3])[-1]
        'SELECT COUNT(pg_advisory_xact_lock(1668050288, p)) FROM unnest(ARRAY[-3,7]::integer[]) AS p'
        """
        opening = ("BEGIN", f"SELECT pg_advisory_xact_lock_shared({LINK_LOCK_KEY})")
        if not partitions:
            return opening
        ordered = ",".join(str(int(p)) for p in sorted(set(partitions)))  # integers: nothing else is inlined
        return (*opening, f"SELECT COUNT(pg_advisory_xact_lock({PARTITION_LOCK_SPACE}, p))"
                          f" FROM unnest(ARRAY[{ordered}]::integer[]) AS p")

    def schema(self, statement: str) -> str:
        return _postgres_schema(statement)

    def upsert(self, table: str, columns: Sequence[str], *, key: Sequence[str], replace: bool = True) -> str:
        insert = f"INSERT INTO {table} ({', '.join(columns)}) VALUES ({', '.join('?' * len(columns))})"
        others = [c for c in columns if c not in key]
        if not replace or not others:
            return f"{insert} ON CONFLICT DO NOTHING"
        updates = ", ".join(f"{c} = excluded.{c}" for c in others)
        return f"{insert} ON CONFLICT ({', '.join(key)}) DO UPDATE SET {updates}"

    def nocase(self, expression: str) -> str:
        return f"lower({expression})"  # text is "C": lower() folds ASCII letters only, as NOCASE


SQLITE = Dialect()
POSTGRES = PostgresDialect()

# A quoted string or identifier (left as it is), or one character that needs rendering.
_TOKEN = re.compile(r"'(?:[^']|'')*'|\"(?:[^\"]|\"\")*\"|[?%]")
_LIKE = re.compile(r"\bLIKE\b")
_JSON_EACH = re.compile(r"\bjson_each\(\?\)")


@lru_cache(maxsize=1024)
def _postgres_sql(statement: str) -> str:
    statement = _JSON_EACH.sub("json_array_elements_text(?::json)", statement)
    statement = _LIKE.sub("ILIKE", statement)
    return _TOKEN.sub(_placeholder, statement)


def _placeholder(match: re.Match) -> str:
    token = match.group()
    return {"?": "%s", "%": "%%"}.get(token, token)


_TYPES = {"REAL": "DOUBLE PRECISION", "INTEGER": "BIGINT", "BLOB": "BYTEA", "TEXT": 'TEXT COLLATE "C"'}
_TYPE = re.compile(r"\b(REAL|INTEGER|BLOB|TEXT)\b")  # upper case: the schema's types, not column names
_CREATE_TABLE = re.compile(r"^(CREATE TABLE (?:IF NOT EXISTS )?\w+ \()", re.MULTILINE)
# "(time_start IS NULL, ...)" in an index: PostgreSQL wants an expression column in parentheses
_NULL_TEST = re.compile(r"(?<=[(,])(\s*)(\w+ IS (?:NOT )?NULL)(?=\s*[,)])")


def _postgres_schema(statement: str) -> str:
    """A migration statement for PostgreSQL (its placeholders are rendered by ``sql`` when it runs).

    >>> _postgres_schema("CREATE TABLE t (\\n    id TEXT PRIMARY KEY,\\n    n INTEGER\\n);")
    'CREATE TABLE t (rowid BIGINT GENERATED ALWAYS AS IDENTITY,\\n    id TEXT COLLATE "C" PRIMARY KEY,\\n    n BIGINT\\n);'
    >>> _postgres_schema("CREATE INDEX e ON events (time_start IS NULL, time_start DESC, id);")
    'CREATE INDEX e ON events ((time_start IS NULL), time_start DESC, id);'
    """
    if statement.startswith("CREATE INDEX"):
        statement = _NULL_TEST.sub(r"\1(\2)", statement)
    statement = _TYPE.sub(lambda m: _TYPES[m.group()], statement)
    return _CREATE_TABLE.sub(r"\1rowid BIGINT GENERATED ALWAYS AS IDENTITY,", statement)


def dialect_of(path: str) -> Dialect:
    return POSTGRES if is_postgres_url(path) else SQLITE
