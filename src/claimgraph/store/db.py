"""The SQLite store: one file, WAL mode, every SQL statement of the project.

A batch (documents, their claims, entities, rejects and the inputs they came from)
is written in ONE transaction, so a crash or a kill loses at most the batch in
flight; ``has_input`` lets the next run skip what was committed. Writes are
idempotent: documents and claims are keyed by content-derived ids and inserted
with ``ON CONFLICT DO NOTHING``; entities are merged (aliases united).

    >>> with Store(":memory:") as store:
    ...     store.counts()["documents"]
    0
"""

from __future__ import annotations

import json
import sqlite3
import threading
from collections import Counter
from collections.abc import Iterable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import fields
from datetime import datetime, timezone
from typing import Any

from claimgraph.errors import StoreError
from claimgraph.model import (
    ROLE_NAMES,
    Claim,
    Contradiction,
    Document,
    Entity,
    Event,
    Quantity,
    Reject,
    TimeSpan,
    content_hash,
)
from claimgraph.store.migrations import (
    CREATE_MIGRATIONS_TABLE,
    LATEST_VERSION,
    MIGRATIONS,
    Migration,
    split_statements,
)

INPUT_STATUSES = ("ingested", "rejected", "duplicate")
COUNTED_TABLES = (
    "inputs", "documents", "entities", "claims", "events", "contradictions", "rejects",
)
# SQLite's default limit on host parameters is 999 in old builds; stay well below.
IN_CHUNK = 500

DOCUMENT_COLUMNS = (
    "d.id, d.raw_hash, d.path, d.url, d.outlet, d.title, d.byline, d.published, d.language,"
    " d.text, d.dup_of"
)
CLAIM_COLUMNS = (
    "c.id, c.document_id, c.type, c.text, c.char_start, c.char_end, c.source, c.via,"
    " c.polarity, c.modality, c.time_start, c.time_end, c.time_text, c.time_basis,"
    " c.quantities, c.roles, c.trigger, c.attribute, c.sentence, c.confidence"
)
# Documents in a stable order that does not depend on when they were ingested:
# the same inputs give the same export.
DOCUMENT_ORDER = "COALESCE(d.path, d.url, ''), d.id"

InputRow = tuple[str, str, str, "str | None"]
# (document id, near-copy signature bytes or None, [(band, bucket), ...])
SignatureRow = tuple[str, "bytes | None", "Sequence[tuple[int, int]]"]


def utc_now() -> str:
    return datetime.now(timezone.utc).isoformat(timespec="seconds")


def _dumps(value: Any) -> str:
    return json.dumps(value, ensure_ascii=False, sort_keys=True)


def _chunks(items: Sequence[str], size: int = IN_CHUNK) -> Iterator[Sequence[str]]:
    for i in range(0, len(items), size):
        yield items[i : i + size]


def _placeholders(n: int) -> str:
    return ",".join("?" * n)


class Store:
    """A claimgraph database.

    :param path: SQLite file (created if missing) or ``":memory:"``.

    >>> store = Store(":memory:")
    >>> store.write_batch([Document(id="d1", text="Some text.")], [], [], [], [("h1", "a.txt", "ingested", "d1")])
    >>> store.has_input("h1"), store.document("d1").text
    (True, 'Some text.')
    >>> store.close()
    """

    def __init__(self, path: str):
        self.path = str(path)
        self._lock = threading.RLock()
        self._conn = self._connect(self.path)
        try:
            self._migrate()
        except BaseException:
            self._conn.close()
            raise

    # -- opening -------------------------------------------------------------

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
            self._conn.execute(CREATE_MIGRATIONS_TABLE)
            for migration in MIGRATIONS:
                self._apply(migration)
        except sqlite3.Error as exc:
            raise StoreError(f"cannot migrate database {self.path!r}: {exc}") from exc

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
        with self._transaction():
            # Checked inside the write transaction: two processes opening a new
            # database at once must not both apply the same migration.
            current = self.schema_version()
            if current > LATEST_VERSION:
                raise StoreError(
                    f"database {self.path!r} has schema version {current}, but this claimgraph "
                    f"knows versions up to {LATEST_VERSION}: it was written by a newer "
                    "claimgraph. Upgrade claimgraph, or use another --db."
                )
            if current >= migration.version:
                return
            name = migration.name
            try:
                for statement in split_statements(migration.sql):
                    self._conn.execute(statement)
            except sqlite3.OperationalError as exc:
                if not (migration.sqlite_only and "fts5" in str(exc)):
                    raise
                name += f" (skipped: {exc})"  # SQLite built without FTS5: search falls back to LIKE
            self._conn.execute(
                "INSERT INTO schema_migrations (version, name, applied_at) VALUES (?, ?, ?)",
                (migration.version, name, utc_now()),
            )

    @contextmanager
    def _transaction(self) -> Iterator[sqlite3.Connection]:
        with self._lock:
            if self._conn.in_transaction:  # inside exclusive(): its transaction is this one
                yield self._conn
                return
            self._conn.execute("BEGIN IMMEDIATE")
            try:
                yield self._conn
            except BaseException:
                self._conn.execute("ROLLBACK")
                raise
            self._conn.execute("COMMIT")

    @contextmanager
    def exclusive(self) -> Iterator["Store"]:
        """Hold the database's write lock for a read-then-write step (an incremental link):
        another process that wants to link waits, then sees what this one wrote. Writes
        inside join this transaction; it commits at the end, or rolls back on an error."""
        with self._transaction():
            yield self

    @contextmanager
    def snapshot(self) -> Iterator["Store"]:
        """Read inside one transaction: every query sees the database as it was at the first
        one, whatever other connections commit meanwhile (a chunked export stays consistent).

        Meant for a Store of its own (one export, one connection). The lock is held per
        statement, never across the ``with`` body: a streamed export resumes on whichever
        worker thread the server picks, and a re-entrant lock kept by the first thread made
        every later chunk, and every other reader of this store, wait for ever."""
        with self._lock:
            self._conn.execute("BEGIN")
        try:
            yield self
        finally:
            with self._lock:
                if self._conn.in_transaction:
                    self._conn.execute("COMMIT")

    def close(self) -> None:
        with self._lock:
            self._conn.close()

    def __enter__(self) -> "Store":
        return self

    def __exit__(self, *exc_info: object) -> None:
        self.close()

    # -- writing -------------------------------------------------------------

    def has_input(self, raw_hash: str) -> bool:
        """True if an input with these raw bytes was already handled (any status)."""
        with self._lock:
            row = self._conn.execute("SELECT 1 FROM inputs WHERE raw_hash = ?", (raw_hash,)).fetchone()
        return row is not None

    def input_status(self, raw_hash: str) -> str | None:
        """'ingested', 'duplicate' or 'rejected' for an input already handled, else None."""
        with self._lock:
            row = self._conn.execute("SELECT status FROM inputs WHERE raw_hash = ?", (raw_hash,)).fetchone()
        return row[0] if row else None

    def known_inputs(self, raw_hashes: Iterable[str]) -> set[str]:
        """The subset of ``raw_hashes`` already handled: ``has_input`` for a whole batch."""
        hashes = sorted(set(raw_hashes))
        found: set[str] = set()
        with self._lock:
            for chunk in _chunks(hashes):
                sql = f"SELECT raw_hash FROM inputs WHERE raw_hash IN ({_placeholders(len(chunk))})"
                found.update(r[0] for r in self._conn.execute(sql, chunk))
        return found

    def write_batch(
        self,
        documents: Sequence[Document],
        claims: Sequence[Claim],
        entities: Sequence[Entity],
        rejects: Sequence[Reject],
        inputs: Sequence[InputRow],
    ) -> None:
        """Write one batch in ONE transaction: all of it or none of it.

        :param inputs: (raw_hash, origin, status, document_id or None) per input handled;
            status is 'ingested', 'rejected' or 'duplicate'.

        Writing the same batch twice changes nothing. A claim whose document is in
        neither this batch nor the database fails the whole batch (StoreError).
        """
        for row in inputs:
            if row[2] not in INPUT_STATUSES:
                raise StoreError(f"input status {row[2]!r} is not one of {INPUT_STATUSES}")
        try:
            with self._transaction() as conn:
                self._insert_documents(conn, documents)
                self._upsert_entities(conn, entities)
                self._insert_claims(conn, claims)
                self._insert_rejects(conn, rejects)
                self._insert_inputs(conn, inputs)
        except sqlite3.Error as exc:
            raise StoreError(f"cannot write batch to {self.path!r}: {exc}") from exc

    def write_place_mentions(self, mentions: dict[str, Sequence[dict[str, Any]]]) -> None:
        """Store each document's place mentions (``PlaceMention.to_dict()`` rows), replacing
        what the document had: one transaction."""
        columns = ("start", "end", "text", "name", "place_id", "geonameid", "feature", "country",
                   "admin1", "lat", "lon", "source")
        try:
            with self._transaction() as conn:
                for document_id, rows in mentions.items():
                    conn.execute("DELETE FROM place_mentions WHERE document_id = ?", (document_id,))
                    conn.executemany(
                        "INSERT OR REPLACE INTO place_mentions (document_id, char_start, char_end, text, name, "
                        "place_id, geonameid, feature, country, admin1, lat, lon, source) "
                        "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                        [(document_id, *(row.get(c) for c in columns)) for row in rows])
        except sqlite3.Error as exc:
            raise StoreError(f"cannot write place mentions to {self.path!r}: {exc}") from exc

    def place_mentions(self, document_id: str | None = None, place_id: str | None = None) -> list[dict[str, Any]]:
        """Stored place mentions of one document (in text order) or of one place, as dicts
        with the keys of ``PlaceMention.to_dict()`` plus ``document_id``."""
        where, params = [], []
        if document_id is not None:
            where.append("document_id = ?")
            params.append(document_id)
        if place_id is not None:
            where.append("place_id = ?")
            params.append(place_id)
        sql = ("SELECT document_id, char_start, char_end, text, name, place_id, geonameid, feature, country, "
               "admin1, lat, lon, source FROM place_mentions"
               + (" WHERE " + " AND ".join(where) if where else "") + " ORDER BY document_id, char_start")
        keys = ("document_id", "start", "end", "text", "name", "place_id", "geonameid", "feature", "country",
                "admin1", "lat", "lon", "source")
        return [dict(zip(keys, row)) for row in self._query(sql, params)]

    def add_rejects(self, rejects: Sequence[Reject]) -> None:
        """Record rejected inputs (the same origin, reason and bytes are recorded once)."""
        self.write_batch([], [], [], rejects, [])

    def add_entities(self, entities: Sequence[Entity]) -> None:
        """Upsert entities alone (aliases are united with what is stored)."""
        self.write_batch([], [], entities, [], [])

    @staticmethod
    def _insert_documents(conn: sqlite3.Connection, documents: Sequence[Document]) -> None:
        now = utc_now()
        conn.executemany(
            "INSERT INTO documents (id, raw_hash, path, url, outlet, title, byline, published,"
            " language, text, dup_of, ingested_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"
            " ON CONFLICT (id) DO NOTHING",
            [
                (d.id, d.raw_hash, d.path, d.url, d.outlet, d.title, d.byline, d.published,
                 d.language, d.text, d.dup_of, now)
                for d in documents
            ],
        )

    @staticmethod
    def _insert_claims(conn: sqlite3.Connection, claims: Sequence[Claim]) -> None:
        conn.executemany(
            "INSERT INTO claims (id, document_id, type, text, char_start, char_end, source, via,"
            " polarity, modality, time_start, time_end, time_text, time_basis, quantities,"
            " roles, trigger, attribute, sentence, confidence)"
            " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"
            " ON CONFLICT (id) DO NOTHING",
            [_claim_row(c) for c in claims],
        )
        conn.executemany(
            "INSERT INTO claim_entities (claim_id, role, entity_id, claim_type) VALUES (?, ?, ?, ?)"
            " ON CONFLICT (claim_id, role, entity_id) DO NOTHING",
            [(*row, c.type) for c in claims for row in _claim_entity_rows(c)],
        )

    def _upsert_entities(self, conn: sqlite3.Connection, entities: Sequence[Entity]) -> None:
        merged: dict[str, Entity] = {}
        for entity in entities:  # the same entity may come twice in one batch
            merged[entity.id] = merge_entities(merged[entity.id], entity) if entity.id in merged else entity
        stored = self._entities_by_id(conn, list(merged))
        rows = []
        for entity_id, entity in merged.items():
            if entity_id in stored:
                entity = merge_entities(stored[entity_id], entity)
            rows.append(_entity_row(entity))
        conn.executemany(
            "INSERT INTO entities (id, name, type, aliases, lat, lon, country, attrs)"
            " VALUES (?, ?, ?, ?, ?, ?, ?, ?)"
            " ON CONFLICT (id) DO UPDATE SET name = excluded.name, type = excluded.type,"
            " aliases = excluded.aliases, lat = excluded.lat, lon = excluded.lon,"
            " country = excluded.country, attrs = excluded.attrs",
            rows,
        )

    @staticmethod
    def _insert_rejects(conn: sqlite3.Connection, rejects: Sequence[Reject]) -> None:
        now = utc_now()
        conn.executemany(
            "INSERT INTO rejects (id, origin, reason, detail, raw_hash, at) VALUES (?, ?, ?, ?, ?, ?)"
            " ON CONFLICT (id) DO NOTHING",
            [(reject_id(r), r.origin, r.reason, r.detail or "", r.raw_hash, now) for r in rejects],
        )

    @staticmethod
    def _insert_inputs(conn: sqlite3.Connection, inputs: Sequence[InputRow]) -> None:
        now = utc_now()
        # The first verdict on a given input stands; a re-run never sees it again.
        conn.executemany(
            "INSERT INTO inputs (raw_hash, origin, status, document_id, seen_at)"
            " VALUES (?, ?, ?, ?, ?) ON CONFLICT (raw_hash) DO NOTHING",
            [(h, origin, status, doc_id, now) for h, origin, status, doc_id in inputs],
        )

    def replace_links(self, events: Sequence[Event], contradictions: Sequence[Contradiction],
                      near_copies: dict[str, str] | None = None,
                      signatures: Sequence[SignatureRow] = (), band_layout: str | None = None) -> None:
        """Replace every event and contradiction in one transaction (a full link).

        :param near_copies: document id -> the document it is a near-copy of (its group's
            root); recorded as ``dup_of``, the root itself keeps NULL.
        :param signatures: (document id, near-copy signature or None, band keys) for the
            documents linked now; a document with a row here counts as linked.
        :param band_layout: what the band keys were cut for (the threshold); a change
            means every stored band key is replaced (``signatures`` then covers all).
        """
        try:
            with self._transaction() as conn:
                if near_copies is not None:
                    conn.execute("UPDATE documents SET dup_of = NULL WHERE dup_of IS NOT NULL")
                    conn.executemany("UPDATE documents SET dup_of = ? WHERE id = ?",
                                     [(root, doc) for doc, root in near_copies.items() if root != doc])
                self._record_successors(conn, None, events)
                for table in ("event_entities", "event_claims", "events", "contradiction_claims",
                              "contradictions"):
                    conn.execute(f"DELETE FROM {table}")  # a constant: never input
                if band_layout is not None and band_layout != self._link_state(conn, "band_layout"):
                    conn.execute("DELETE FROM document_bands")
                self._insert_links(conn, events, contradictions)
                self._insert_signatures(conn, signatures, band_layout)
        except sqlite3.Error as exc:
            raise StoreError(f"cannot write events to {self.path!r}: {exc}") from exc

    def update_links(self, removed_events: Iterable[str], events: Sequence[Event],
                     removed_contradictions: Iterable[str], contradictions: Sequence[Contradiction],
                     near_copies: dict[str, str], signatures: Sequence[SignatureRow], band_layout: str) -> None:
        """Swap the events and contradictions of one neighbourhood in one transaction (an
        incremental link): drop ``removed_*``, write the new ones, record the near-copy
        roots of the documents in ``near_copies`` and the signatures of the new documents."""
        try:
            with self._transaction() as conn:
                conn.executemany("UPDATE documents SET dup_of = ? WHERE id = ?",
                                 [(None if root == doc else root, doc) for doc, root in near_copies.items()])
                removed_events = sorted(set(removed_events))
                self._record_successors(conn, removed_events, events)
                gone_events = [(i,) for i in removed_events]
                for table, column in (("event_entities", "event_id"), ("event_claims", "event_id"),
                                      ("events", "id")):
                    conn.executemany(f"DELETE FROM {table} WHERE {column} = ?", gone_events)
                gone = [(i,) for i in sorted(set(removed_contradictions))]
                conn.executemany("DELETE FROM contradiction_claims WHERE contradiction_id = ?", gone)
                conn.executemany("DELETE FROM contradictions WHERE id = ?", gone)
                self._insert_links(conn, events, contradictions)
                self._insert_signatures(conn, signatures, band_layout)
        except sqlite3.Error as exc:
            raise StoreError(f"cannot write events to {self.path!r}: {exc}") from exc

    @staticmethod
    def _record_successors(conn: sqlite3.Connection, removed: Sequence[str] | None,
                           events: Sequence[Event]) -> None:
        """Point each event id that disappears now (``removed``; None: every stored one) at
        the new event holding most of its claims; an id that exists again needs no pointer."""
        new_ids = {e.id for e in events}
        event_of = {cid: e.id for e in events for cid in e.claim_ids}
        if removed is None:
            rows = conn.execute("SELECT event_id, claim_id FROM event_claims").fetchall()
        else:
            rows = []
            for chunk in _chunks([i for i in removed if i not in new_ids]):
                rows += conn.execute("SELECT event_id, claim_id FROM event_claims WHERE event_id IN"
                                     f" ({_placeholders(len(chunk))})", chunk).fetchall()
        votes: dict[str, Counter] = {}
        for old, cid in rows:
            if old not in new_ids and cid in event_of:
                votes.setdefault(old, Counter())[event_of[cid]] += 1
        now = utc_now()
        successors = [(old, min(c, key=lambda n: (-c[n], n)), now) for old, c in sorted(votes.items())]
        conn.executemany("INSERT OR REPLACE INTO event_successors (old_id, new_id, recorded) VALUES (?, ?, ?)",
                         successors)
        for chunk in _chunks(sorted(new_ids)):
            conn.execute(f"DELETE FROM event_successors WHERE old_id IN ({_placeholders(len(chunk))})", chunk)

    def event_successor(self, event_id: str, max_hops: int = 20) -> str | None:
        """The id of the event that now holds what ``event_id`` held, when a later link merged
        it away; None when ``event_id`` exists or never did."""
        seen, current = {event_id}, event_id
        for _ in range(max_hops):  # a chain of merges; a cycle or a dead end answers None
            row = self._query("SELECT new_id FROM event_successors WHERE old_id = ?", (current,))
            if not row or row[0][0] in seen:
                return None
            current = row[0][0]
            seen.add(current)
            if self._query("SELECT 1 FROM events WHERE id = ?", (current,)):
                return current
        return None

    @staticmethod
    def _insert_links(conn: sqlite3.Connection, events: Sequence[Event],
                      contradictions: Sequence[Contradiction]) -> None:
        # an event or contradiction recomputed unchanged has the same id: replace it in place
        conn.executemany(
            "INSERT OR REPLACE INTO events (id, type, time_start, time_end, time_text, roles, sources,"
            " document_ids, independent_sources, label) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
            [_event_row(e) for e in events],
        )
        conn.executemany(
            "INSERT OR REPLACE INTO event_claims (event_id, claim_id, position) VALUES (?, ?, ?)",
            [(e.id, cid, i) for e in events for i, cid in enumerate(e.claim_ids)],
        )
        conn.executemany(
            "INSERT OR IGNORE INTO event_entities (event_id, role, entity_id) VALUES (?, ?, ?)",
            [(e.id, role, eid) for e in events for role, ids in sorted(e.roles.items()) for eid in ids]
            + [(e.id, "source", sid) for e in events for sid in e.sources],
        )
        conn.executemany(
            "INSERT OR REPLACE INTO contradictions (id, kind, about, reason, claim_ids, details)"
            " VALUES (?, ?, ?, ?, ?, ?)",
            [(c.id, c.kind, c.about or "", c.reason or "", _dumps(list(c.claim_ids)), _dumps(c.values))
             for c in contradictions],
        )
        conn.executemany(
            "INSERT OR IGNORE INTO contradiction_claims (contradiction_id, claim_id) VALUES (?, ?)",
            [(c.id, cid) for c in contradictions for cid in c.claim_ids],
        )

    @staticmethod
    def _insert_signatures(conn: sqlite3.Connection, signatures: Sequence[SignatureRow],
                           band_layout: str | None) -> None:
        conn.executemany(
            "INSERT OR REPLACE INTO document_signatures (document_id, signature) VALUES (?, ?)",
            [(doc_id, blob or b"") for doc_id, blob, _keys in signatures],
        )
        conn.executemany(
            "INSERT OR IGNORE INTO document_bands (band, bucket, document_id) VALUES (?, ?, ?)",
            [(band, bucket, doc_id) for doc_id, _blob, keys in signatures for band, bucket in keys],
        )
        if band_layout is not None:
            conn.execute("INSERT OR REPLACE INTO link_state (key, value) VALUES ('band_layout', ?)",
                         (band_layout,))

    @staticmethod
    def _link_state(conn: sqlite3.Connection, key: str) -> str | None:
        row = conn.execute("SELECT value FROM link_state WHERE key = ?", (key,)).fetchone()
        return row[0] if row else None

    # -- reading what the incremental link needs --------------------------------

    def link_state(self, key: str) -> str | None:
        with self._lock:
            return self._link_state(self._conn, key)

    def unlinked_document_ids(self) -> list[str]:
        """Documents stored but not linked yet (an ingest killed before its link, or new)."""
        rows = self._query("SELECT d.id FROM documents d WHERE NOT EXISTS"
                           " (SELECT 1 FROM document_signatures s WHERE s.document_id = d.id) ORDER BY d.id")
        return [r[0] for r in rows]

    def signatures(self, document_ids: Iterable[str] | None = None) -> dict[str, bytes]:
        """Stored near-copy signatures (empty bytes for a document without words)."""
        if document_ids is None:
            return dict(self._query("SELECT document_id, signature FROM document_signatures"))
        found: dict[str, bytes] = {}
        for chunk in _chunks(sorted(set(document_ids))):
            sql = ("SELECT document_id, signature FROM document_signatures"
                   f" WHERE document_id IN ({_placeholders(len(chunk))})")
            found.update(self._query(sql, chunk))
        return found

    def documents_in_buckets(self, keys: Sequence[tuple[int, int]]) -> set[str]:
        """Documents sharing at least one (band, bucket) key: near-copy candidates."""
        found: set[str] = set()
        for start in range(0, len(keys), IN_CHUNK // 2):
            chunk = keys[start:start + IN_CHUNK // 2]
            sql = ("SELECT DISTINCT document_id FROM document_bands WHERE (band, bucket) IN"
                   f" (VALUES {','.join(['(?, ?)'] * len(chunk))})")
            found.update(r[0] for r in self._query(sql, [v for key in chunk for v in key]))
        return found

    def near_copy_roots(self, document_ids: Iterable[str]) -> dict[str, str]:
        """Document id -> the root of its near-copy group, for these documents and every
        other member of their groups."""
        ids = sorted(set(document_ids))
        roots: dict[str, str] = {}
        for chunk in _chunks(ids):
            marks = _placeholders(len(chunk))
            rows = self._query(f"SELECT id, COALESCE(dup_of, id) FROM documents WHERE id IN ({marks})", chunk)
            roots.update(rows)
        group_roots = sorted(set(roots.values()))
        for chunk in _chunks(group_roots):
            marks = _placeholders(len(chunk))
            roots.update(self._query(f"SELECT id, COALESCE(dup_of, id) FROM documents"
                                     f" WHERE dup_of IN ({marks}) OR id IN ({marks})", [*chunk, *chunk]))
        return roots

    def documents_by_ids(self, ids: Iterable[str], *, with_text: bool = True) -> dict[str, Document]:
        """Documents by id; ``with_text=False`` leaves ``text`` empty (outlets and dates only)."""
        columns = DOCUMENT_COLUMNS if with_text else DOCUMENT_COLUMNS.replace("d.text", "''")
        found: dict[str, Document] = {}
        for chunk in _chunks(sorted(set(ids))):
            sql = f"SELECT {columns} FROM documents d WHERE d.id IN ({_placeholders(len(chunk))})"
            found.update((r[0], _document(r)) for r in self._query(sql, chunk))
        return found

    def claims_by_ids(self, ids: Iterable[str], *, light: bool = False) -> list[Claim]:
        """Claims by id, sorted by id; ``light`` leaves out the text and quantities of
        asserted claims (what a denial is compared with needs neither)."""
        columns = CLAIM_COLUMNS
        if light:
            columns = (columns.replace("c.text", "CASE WHEN c.polarity = 'denied' THEN c.text ELSE '' END")
                       .replace("c.quantities", "CASE WHEN c.polarity = 'denied' THEN c.quantities ELSE '[]' END"))
        found: list[Claim] = []
        for chunk in _chunks(sorted(set(ids))):
            sql = f"SELECT {columns} FROM claims c WHERE c.id IN ({_placeholders(len(chunk))})"
            found.extend(_claim(r) for r in self._query(sql, chunk))
        return sorted(found, key=lambda c: c.id)

    def claims_of_documents(self, document_ids: Iterable[str]) -> list[Claim]:
        found: list[Claim] = []
        for chunk in _chunks(sorted(set(document_ids))):
            sql = f"SELECT {CLAIM_COLUMNS} FROM claims c WHERE c.document_id IN ({_placeholders(len(chunk))})"
            found.extend(_claim(r) for r in self._query(sql, chunk))
        return sorted(found, key=lambda c: c.id)

    def claim_ids_naming(self, entity_ids: Iterable[str], *, since: str | None = None,
                         until: str | None = None, types: Sequence[str] | None = None,
                         denied: bool | None = None, roles: Sequence[str] | None = None,
                         undated_by_article: bool = False) -> set[str]:
        """Claims that name one of ``entity_ids`` (in any role, as source or via, or in one
        of ``roles``), optionally only those whose time span meets [since, until], of
        ``types``, denied or not. ``undated_by_article``: a claim without a date meets the
        window when its article was published in it.

        The query starts from whatever is smallest: the claims in the window (the
        claims_time_end index: for a live article, the recent ones), the denied claims
        (a partial index: denials are few), or the claims naming the entities."""
        filters, params = [], []
        if types:
            filters.append(f"c.type IN ({_placeholders(len(types))})")
            params.extend(types)
        if denied is not None:
            filters.append("c.polarity = 'denied'" if denied else "c.polarity != 'denied'")
        role_sql = f" AND ce.role IN ({_placeholders(len(roles))})" if roles else ""
        found: set[str] = set()
        for chunk in _chunks(sorted(set(entity_ids))):
            names = f"ce.entity_id IN ({_placeholders(len(chunk))}){role_sql}"
            names_params = [*chunk, *(roles or ())]
            naming = f"EXISTS (SELECT 1 FROM claim_entities ce WHERE ce.claim_id = c.id AND {names})"
            if since is not None or until is not None:
                window = ["COALESCE(c.time_end, c.time_start) >= ?", "c.time_start <= ?"]
                # an "until" day includes its times of day
                window_params = [since or "", (until or "9999") + "\uffff"]
                sql = f"SELECT c.id FROM claims c WHERE {' AND '.join([*window, *filters, naming])}"
                found.update(r[0] for r in self._query(sql, [*window_params, *params, *names_params]))
                if undated_by_article:  # an article without a date could be from any day
                    sql = ("SELECT c.id FROM documents d JOIN claims c ON c.document_id = d.id"
                           " WHERE (d.published IS NULL OR d.published >= ? AND d.published <= ?)"
                           f" AND c.time_start IS NULL AND {' AND '.join([*filters, naming])}")
                    found.update(r[0] for r in self._query(sql, [since or "", until or "9999", *params,
                                                                 *names_params]))
            elif denied:
                sql = f"SELECT c.id FROM claims c WHERE {' AND '.join([*filters, naming])}"
                found.update(r[0] for r in self._query(sql, [*params, *names_params]))
            else:
                sql = ("SELECT DISTINCT ce.claim_id FROM claim_entities ce JOIN claims c ON c.id = ce.claim_id"
                       f" WHERE {' AND '.join([names, *filters])}")
                found.update(r[0] for r in self._query(sql, [*names_params, *params]))
        return found

    def event_ids_holding(self, claim_ids: Iterable[str]) -> set[str]:
        found: set[str] = set()
        for chunk in _chunks(sorted(set(claim_ids))):
            sql = f"SELECT DISTINCT event_id FROM event_claims WHERE claim_id IN ({_placeholders(len(chunk))})"
            found.update(r[0] for r in self._query(sql, chunk))
        return found

    def event_of_claims(self, claim_ids: Iterable[str]) -> dict[str, str]:
        """Claim id -> the id of the event holding it, for those in an event."""
        found: dict[str, str] = {}
        for chunk in _chunks(sorted(set(claim_ids))):
            sql = f"SELECT claim_id, event_id FROM event_claims WHERE claim_id IN ({_placeholders(len(chunk))})"
            found.update(self._query(sql, chunk))
        return found

    def events_by_ids(self, ids: Iterable[str]) -> list[Event]:
        """Events by id (with their claim ids), sorted by id."""
        ids = sorted(set(ids))
        rows: list[tuple] = []
        claim_ids: dict[str, list[str]] = {}
        for chunk in _chunks(ids):
            marks = _placeholders(len(chunk))
            rows.extend(self._query(
                "SELECT id, type, time_start, time_end, time_text, roles, sources, document_ids,"
                f" independent_sources, label FROM events WHERE id IN ({marks})", chunk))
            for event_id, claim_id in self._query(
                    f"SELECT event_id, claim_id FROM event_claims WHERE event_id IN ({marks})"
                    " ORDER BY event_id, position", chunk):
                claim_ids.setdefault(event_id, []).append(claim_id)
        return sorted((_event(r, claim_ids.get(r[0], [])) for r in rows), key=lambda e: e.id)

    def contradictions_touching(self, claim_ids: Iterable[str]) -> list[Contradiction]:
        """Contradictions naming at least one of ``claim_ids``, sorted by id."""
        ids: set[str] = set()
        for chunk in _chunks(sorted(set(claim_ids))):
            sql = ("SELECT DISTINCT contradiction_id FROM contradiction_claims"
                   f" WHERE claim_id IN ({_placeholders(len(chunk))})")
            ids.update(r[0] for r in self._query(sql, chunk))
        found: list[Contradiction] = []
        for chunk in _chunks(sorted(ids)):
            rows = self._query(f"SELECT {CONTRADICTION_COLUMNS} FROM contradictions"
                               f" WHERE id IN ({_placeholders(len(chunk))})", chunk)
            found.extend(contradiction_from_row(r)
                         for r in rows)
        return sorted(found, key=lambda c: c.id)

    # -- reading -------------------------------------------------------------

    def _query(self, sql: str, params: Sequence[Any] = ()) -> list[tuple]:
        with self._lock:
            try:
                return self._conn.execute(sql, params).fetchall()
            except sqlite3.Error as exc:
                raise StoreError(f"cannot read {self.path!r}: {exc}") from exc

    def documents(self) -> list[Document]:
        """Every document, in a stable order (by path or URL, then id)."""
        rows = self._query(f"SELECT {DOCUMENT_COLUMNS} FROM documents d ORDER BY {DOCUMENT_ORDER}")
        return [_document(r) for r in rows]

    # -- reading everything a chunk at a time (exports of big databases) ---------

    def iter_documents(self, chunk: int = IN_CHUNK) -> Iterator[Document]:
        """Every document in the order of :meth:`documents`, ``chunk`` at a time."""
        ids = [r[0] for r in self._query(f"SELECT d.id FROM documents d ORDER BY {DOCUMENT_ORDER}")]
        for start in range(0, len(ids), chunk):
            found = self.documents_by_ids(ids[start:start + chunk])
            yield from (found[i] for i in ids[start:start + chunk] if i in found)

    def iter_claims(self, chunk: int = IN_CHUNK) -> Iterator[Claim]:
        """Every claim in the order of :meth:`claims` (document order, then position)."""
        ids = [r[0] for r in self._query(f"SELECT d.id FROM documents d ORDER BY {DOCUMENT_ORDER}")]
        for start in range(0, len(ids), chunk):
            part = ids[start:start + chunk]
            rank = {doc_id: k for k, doc_id in enumerate(part)}
            sql = f"SELECT {CLAIM_COLUMNS} FROM claims c WHERE c.document_id IN ({_placeholders(len(part))})"
            claims = [_claim(r) for r in self._query(sql, part)]
            yield from sorted(claims, key=lambda c: (rank[c.document_id], c.start, c.id))

    def iter_events(self, chunk: int = IN_CHUNK) -> Iterator[Event]:
        """Every event by id, with its claim ids."""
        ids = [r[0] for r in self._query("SELECT id FROM events ORDER BY id")]
        for start in range(0, len(ids), chunk):
            yield from self.events_by_ids(ids[start:start + chunk])

    def iter_contradictions(self, chunk: int = IN_CHUNK) -> Iterator[Contradiction]:
        """Every contradiction by id."""
        last = ""
        while True:
            rows = self._query(f"SELECT {CONTRADICTION_COLUMNS} FROM contradictions WHERE id > ?"
                               " ORDER BY id LIMIT ?", (last, chunk))
            if not rows:
                return
            yield from (contradiction_from_row(r)
                        for r in rows)
            last = rows[-1][0]

    def document(self, document_id: str) -> Document | None:
        rows = self._query(f"SELECT {DOCUMENT_COLUMNS} FROM documents d WHERE d.id = ?", (document_id,))
        return _document(rows[0]) if rows else None

    def search(self, query: str, limit: int = 20) -> list[Document]:
        """Documents whose title or text match ``query`` (FTS5 syntax), best first.

        >>> with Store(":memory:") as s:
        ...     s.write_batch([Document(id="d", text="Drones struck a depot.")], [], [], [], [])
        ...     [d.id for d in s.search("depot")]
        ['d']
        """
        if self._has_fts():
            sql = (
                f"SELECT {DOCUMENT_COLUMNS} FROM documents_fts"
                " JOIN documents d ON d.rowid = documents_fts.rowid"
                " WHERE documents_fts MATCH ? ORDER BY rank LIMIT ?"
            )
            try:
                return [_document(r) for r in self._query(sql, (query, limit))]
            except StoreError as exc:
                raise StoreError(f"bad search query {query!r}: {exc.__cause__}") from exc
        like = "%" + _escape_like(query.lower()) + "%"
        sql = (
            f"SELECT {DOCUMENT_COLUMNS} FROM documents d WHERE lower(d.text) LIKE ? ESCAPE '\\'"
            f" OR lower(d.title) LIKE ? ESCAPE '\\' ORDER BY {DOCUMENT_ORDER} LIMIT ?"
        )
        return [_document(r) for r in self._query(sql, (like, like, limit))]

    def _has_fts(self) -> bool:
        rows = self._query("SELECT 1 FROM sqlite_master WHERE name = 'documents_fts'")
        return bool(rows)

    def claims(
        self,
        type: str | None = None,
        entity: str | None = None,
        document: str | None = None,
        limit: int | None = None,
        min_confidence: float | None = None,
    ) -> list[Claim]:
        """Claims in document order, filtered.

        :param type: a claim type such as "ATTACK" (case-insensitive).
        :param entity: an entity id, or a case-insensitive part of its name or aliases;
            matches claims that mention it in any role, as source or as via.
        :param document: a document id.
        :param min_confidence: only claims at least this sure (None: all).
        """
        where: list[str] = []
        params: list[Any] = []
        if min_confidence is not None:
            where.append("c.confidence >= ?")
            params.append(float(min_confidence))
        if type:
            where.append("c.type = ?")
            params.append(type.upper())
        if document:
            where.append("c.document_id = ?")
            params.append(document)
        if entity is not None:
            claim_ids = self._claim_ids_mentioning(self.find_entity_ids(entity))
            if not claim_ids:
                return []
            # A temporary table keeps the query one statement however many claims match.
            where.append("c.id IN (SELECT claim_id FROM temp.claim_filter)")
        sql = (
            f"SELECT {CLAIM_COLUMNS} FROM claims c JOIN documents d ON d.id = c.document_id"
            + (" WHERE " + " AND ".join(where) if where else "")
            + f" ORDER BY {DOCUMENT_ORDER}, c.char_start, c.id"
            + (" LIMIT ?" if limit is not None else "")
        )
        if limit is not None:
            params.append(int(limit))
        with self._lock:
            if entity is not None:
                self._fill_claim_filter(claim_ids)
            return [_claim(r) for r in self._query(sql, params)]

    def _fill_claim_filter(self, claim_ids: set[str]) -> None:
        conn = self._conn
        conn.execute("CREATE TEMP TABLE IF NOT EXISTS claim_filter (claim_id TEXT PRIMARY KEY)")
        conn.execute("DELETE FROM temp.claim_filter")
        conn.executemany("INSERT INTO temp.claim_filter VALUES (?)", [(i,) for i in sorted(claim_ids)])

    def _claim_ids_mentioning(self, entity_ids: Sequence[str]) -> set[str]:
        found: set[str] = set()
        for chunk in _chunks(list(entity_ids)):
            sql = f"SELECT claim_id FROM claim_entities WHERE entity_id IN ({_placeholders(len(chunk))})"
            found.update(r[0] for r in self._query(sql, chunk))
        return found

    def find_entity_ids(self, needle: str) -> list[str]:
        """Ids of entities whose id equals ``needle`` or whose name/aliases contain it.

        >>> with Store(":memory:") as s:
        ...     s.add_entities([Entity(id="w:kn23", name="KN-23", type="WEAPON", aliases=["Hwasong-11A"])])
        ...     s.find_entity_ids("hwasong")
        ['w:kn23']
        """
        # Matched in Python: casefold() handles non-ASCII names that SQL lower() does not.
        wanted = needle.casefold()
        found = []
        for entity_id, name, aliases in self._query("SELECT id, name, aliases FROM entities ORDER BY id"):
            names = [name, *json.loads(aliases or "[]")]
            if entity_id == needle or any(wanted in n.casefold() for n in names):
                found.append(entity_id)
        return found

    def claim(self, claim_id: str) -> Claim | None:
        rows = self._query(f"SELECT {CLAIM_COLUMNS} FROM claims c WHERE c.id = ?", (claim_id,))
        return _claim(rows[0]) if rows else None

    def entities(self) -> dict[str, Entity]:
        """Every entity by id, ids sorted."""
        rows = self._query(
            "SELECT id, name, type, aliases, lat, lon, country, attrs FROM entities ORDER BY id"
        )
        return {r[0]: _entity(r) for r in rows}

    def entity(self, entity_id: str) -> Entity | None:
        rows = self._query(
            "SELECT id, name, type, aliases, lat, lon, country, attrs FROM entities WHERE id = ?",
            (entity_id,),
        )
        return _entity(rows[0]) if rows else None

    @staticmethod
    def _entities_by_id(conn: sqlite3.Connection, ids: Sequence[str]) -> dict[str, Entity]:
        found: dict[str, Entity] = {}
        for chunk in _chunks(ids):
            sql = (
                "SELECT id, name, type, aliases, lat, lon, country, attrs FROM entities"
                f" WHERE id IN ({_placeholders(len(chunk))})"
            )
            found.update((r[0], _entity(r)) for r in conn.execute(sql, chunk))
        return found

    def events(self, type: str | None = None) -> list[Event]:
        """Events sorted by id, optionally of one type."""
        sql = (
            "SELECT id, type, time_start, time_end, time_text, roles, sources, document_ids,"
            " independent_sources, label FROM events"
        )
        params: list[Any] = []
        if type:
            sql += " WHERE type = ?"
            params.append(type.upper())
        rows = self._query(sql + " ORDER BY id", params)
        claim_ids = self._event_claim_ids()
        return [_event(r, claim_ids.get(r[0], [])) for r in rows]

    def event(self, event_id: str) -> Event | None:
        rows = self._query(
            "SELECT id, type, time_start, time_end, time_text, roles, sources, document_ids,"
            " independent_sources, label FROM events WHERE id = ?",
            (event_id,),
        )
        if not rows:
            return None
        claim_ids = [r[0] for r in self._query(
            "SELECT claim_id FROM event_claims WHERE event_id = ? ORDER BY position", (event_id,)
        )]
        return _event(rows[0], claim_ids)

    def events_of_claim(self, claim_id: str) -> list[str]:
        """Ids of the events a claim belongs to."""
        rows = self._query("SELECT event_id FROM event_claims WHERE claim_id = ? ORDER BY event_id", (claim_id,))
        return [r[0] for r in rows]

    def _event_claim_ids(self) -> dict[str, list[str]]:
        by_event: dict[str, list[str]] = {}
        for event_id, claim_id in self._query(
            "SELECT event_id, claim_id FROM event_claims ORDER BY event_id, position"
        ):
            by_event.setdefault(event_id, []).append(claim_id)
        return by_event

    def contradictions(self) -> list[Contradiction]:
        rows = self._query(f"SELECT {CONTRADICTION_COLUMNS} FROM contradictions ORDER BY id")
        return [
            contradiction_from_row(r)
            for r in rows
        ]

    def rejects(self) -> list[Reject]:
        """Rejected inputs, oldest first."""
        rows = self._query("SELECT origin, reason, detail, raw_hash FROM rejects ORDER BY at, origin, id")
        return [Reject(origin=r[0], reason=r[1], detail=r[2], raw_hash=r[3]) for r in rows]

    def inputs(self) -> list[tuple[str, str, str, str | None]]:
        """Every input handled, as (raw_hash, origin, status, document_id)."""
        return self._query(
            "SELECT raw_hash, origin, status, document_id FROM inputs ORDER BY seen_at, origin, raw_hash"
        )

    def counts(self, tables: Sequence[str] = COUNTED_TABLES) -> dict[str, int]:
        """Rows per table: inputs, documents, entities, claims, events, contradictions, rejects
        (or only those of ``tables``)."""
        # Table names come from the constant, never from input.
        return {t: self._query(f"SELECT COUNT(*) FROM {t}")[0][0] for t in COUNTED_TABLES if t in tables}


# -- entity merge --------------------------------------------------------------


def merge_entities(old: Entity, new: Entity) -> Entity:
    """``new`` over ``old``: aliases united and sorted, known coordinates kept.

    >>> merge_entities(Entity("e", "Kyiv", "GPE", ["Kiev"], 50.45, 30.52),
    ...                Entity("e", "Kyiv", "GPE", ["Kyiv city"])).aliases
    ['Kiev', 'Kyiv city']
    """
    name = new.name or old.name
    aliases = set(old.aliases) | set(new.aliases)
    if old.name and old.name != name:
        aliases.add(old.name)  # a renamed entity keeps its old name findable
    aliases.discard(name)
    keep_coordinates = new.lat is None or new.lon is None
    return Entity(
        id=old.id,
        name=name,
        type=new.type or old.type,
        aliases=sorted(aliases),
        lat=old.lat if keep_coordinates else new.lat,
        lon=old.lon if keep_coordinates else new.lon,
        country=new.country or old.country,
        attrs={**old.attrs, **new.attrs},
    )


CONTRADICTION_COLUMNS = "id, kind, about, reason, claim_ids, details"


def contradiction_from_row(r: Sequence[Any]) -> Contradiction:
    """A ``Contradiction`` from a row of :data:`CONTRADICTION_COLUMNS`."""
    return Contradiction(id=r[0], kind=r[1], about=r[2], reason=r[3], claim_ids=json.loads(r[4]),
                         values=json.loads(r[5]) if len(r) > 5 and r[5] else [])


def reject_id(reject: Reject) -> str:
    """Stable id of a rejection: the same input refused for the same reason is one row."""
    return content_hash("\x1f".join([reject.origin, reject.reason, reject.raw_hash or ""]))


# -- rows <-> dataclasses ---------------------------------------------------------


def _escape_like(text: str) -> str:
    return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")


def _full_roles(roles: dict[str, list[str]] | None) -> dict[str, list[str]]:
    roles = roles or {}
    if all(name in roles for name in ROLE_NAMES):
        return roles  # as stored: reading 10k claims should not copy every list
    full = {name: list(roles.get(name) or []) for name in ROLE_NAMES}
    full.update({k: list(v) for k, v in roles.items() if k not in full})  # keep extra roles
    return full


def _claim_row(c: Claim) -> tuple:
    t = c.time or TimeSpan()
    return (
        c.id, c.document_id, c.type, c.text, c.start, c.end, c.source, _dumps(list(c.via)),
        c.polarity, c.modality, t.start, t.end, t.text, t.basis,
        _dumps([q.to_dict() for q in c.quantities]), _dumps(_full_roles(c.roles)),
        c.trigger, c.attribute, c.sentence, c.confidence,
    )


def _claim_entity_rows(c: Claim) -> Iterator[tuple[str, str, str]]:
    for role, ids in (c.roles or {}).items():
        for entity_id in ids:
            yield c.id, role, entity_id
    if c.source:
        yield c.id, "source", c.source
    for entity_id in c.via:
        yield c.id, "via", entity_id


QUANTITY_FIELDS = {f.name for f in fields(Quantity)}


def _claim(r: tuple) -> Claim:
    quantities = [Quantity(**{k: v for k, v in q.items() if k in QUANTITY_FIELDS}) for q in json.loads(r[14])]
    return Claim(
        id=r[0], document_id=r[1], type=r[2], text=r[3], start=r[4], end=r[5], source=r[6],
        via=json.loads(r[7]), polarity=r[8], modality=r[9],
        time=TimeSpan(start=r[10], end=r[11], text=r[12], basis=r[13]),
        quantities=quantities, roles=_full_roles(json.loads(r[15])),
        trigger=r[16], attribute=r[17], sentence=r[18], confidence=r[19] if len(r) > 19 else 1.0,
    )


def _document(r: tuple) -> Document:
    return Document(
        id=r[0], raw_hash=r[1], path=r[2], url=r[3], outlet=r[4], title=r[5], byline=r[6],
        published=r[7], language=r[8], text=r[9], dup_of=r[10],
    )


def _entity_row(e: Entity) -> tuple:
    return (e.id, e.name, e.type, _dumps(sorted(set(e.aliases))), e.lat, e.lon, e.country, _dumps(e.attrs))


def _entity(r: tuple) -> Entity:
    return Entity(
        id=r[0], name=r[1], type=r[2], aliases=json.loads(r[3]), lat=r[4], lon=r[5],
        country=r[6], attrs=json.loads(r[7]),
    )


def _event_row(e: Event) -> tuple:
    t = e.time or TimeSpan()
    return (
        e.id, e.type, t.start, t.end, t.text, _dumps(_full_roles(e.roles)), _dumps(list(e.sources)),
        _dumps(list(e.document_ids)), int(e.independent_sources), e.label,
    )


def _event(r: tuple, claim_ids: list[str]) -> Event:
    return Event(
        id=r[0], type=r[1], time=TimeSpan(start=r[2], end=r[3], text=r[4]), roles=json.loads(r[5]),
        sources=json.loads(r[6]), document_ids=json.loads(r[7]), independent_sources=r[8],
        label=r[9], claim_ids=claim_ids,
    )
