"""Writing and reading what the linker owns: events, contradictions, near-copy signatures.

A full link replaces every event and contradiction in one transaction; an incremental
link swaps one neighbourhood's. An event id that disappears points at its successor,
so a link to it keeps working (``event_successor``).
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Sequence

from claimgraph.errors import StoreError
from claimgraph.store.postgres import DATABASE_ERRORS, Connection
from claimgraph.model import Contradiction, Event
from claimgraph.store.rows import (
    IN_CHUNK,
    IN_IDS,
    chunks,
    contradiction_row,
    event_row,
    ids_param,
    placeholders,
    utc_now,
)

# (document id, near-copy signature bytes or None, [(band, bucket), ...])
SignatureRow = tuple[str, "bytes | None", "Sequence[tuple[int, int]]"]


class Links:
    """The linker's writes and reads of ``Store`` (a mixin over ``Database``)."""

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
            with self.transaction() as conn:
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
        except DATABASE_ERRORS as exc:
            raise StoreError(f"cannot write events to {self.label!r}: {exc}") from exc

    def update_links(self, removed_events: Iterable[str], events: Sequence[Event],
                     removed_contradictions: Iterable[str], contradictions: Sequence[Contradiction],
                     near_copies: dict[str, str], signatures: Sequence[SignatureRow], band_layout: str) -> None:
        """Swap the events and contradictions of one neighbourhood in one transaction (an
        incremental link): drop ``removed_*``, write the new ones, record the near-copy
        roots of the documents in ``near_copies`` and the signatures of the new documents."""
        try:
            with self.transaction() as conn:
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
        except DATABASE_ERRORS as exc:
            raise StoreError(f"cannot write events to {self.label!r}: {exc}") from exc

    def _record_successors(self, conn: Connection, removed: Sequence[str] | None,
                           events: Sequence[Event]) -> None:
        """Point each event id that disappears now (``removed``; None: every stored one) at
        the new event holding most of its claims; an id that exists again needs no pointer."""
        new_ids = {e.id for e in events}
        event_of = {cid: e.id for e in events for cid in e.claim_ids}
        if removed is None:
            rows = conn.execute("SELECT event_id, claim_id FROM event_claims").fetchall()
        else:
            rows = []
            for chunk in chunks([i for i in removed if i not in new_ids]):
                rows += conn.execute("SELECT event_id, claim_id FROM event_claims WHERE event_id IN"
                                     f" ({placeholders(len(chunk))})", chunk).fetchall()
        votes: dict[str, Counter] = {}
        for old, cid in rows:
            if old not in new_ids and cid in event_of:
                votes.setdefault(old, Counter())[event_of[cid]] += 1
        now = utc_now()
        successors = [(old, min(c, key=lambda n: (-c[n], n)), now) for old, c in sorted(votes.items())]
        conn.executemany(self.dialect.upsert("event_successors", ("old_id", "new_id", "recorded"), key=("old_id",)),
                         successors)
        for chunk in chunks(sorted(new_ids)):
            conn.execute(f"DELETE FROM event_successors WHERE old_id IN ({placeholders(len(chunk))})", chunk)

    def event_successor(self, event_id: str, max_hops: int = 20) -> str | None:
        """The id of the event that now holds what ``event_id`` held, when a later link merged
        it away; None when ``event_id`` exists or never did."""
        seen, current = {event_id}, event_id
        for _ in range(max_hops):  # a chain of merges; a cycle or a dead end answers None
            row = self.query("SELECT new_id FROM event_successors WHERE old_id = ?", (current,))
            if not row or row[0][0] in seen:
                return None
            current = row[0][0]
            seen.add(current)
            if self.query("SELECT 1 FROM events WHERE id = ?", (current,)):
                return current
        return None

    def _insert_links(self, conn: Connection, events: Sequence[Event],
                      contradictions: Sequence[Contradiction]) -> None:
        upsert = self.dialect.upsert
        # an event or contradiction recomputed unchanged has the same id: replace it in place
        conn.executemany(
            upsert("events", ("id", "type", "time_start", "time_end", "time_text", "roles", "sources",
                              "document_ids", "independent_sources", "label"), key=("id",)),
            [event_row(e) for e in events],
        )
        conn.executemany(
            upsert("event_claims", ("event_id", "claim_id", "position"), key=("event_id", "claim_id")),
            [(e.id, cid, i) for e in events for i, cid in enumerate(e.claim_ids)],
        )
        conn.executemany(
            upsert("event_entities", ("event_id", "role", "entity_id"), key=(), replace=False),
            [(e.id, role, eid) for e in events for role, ids in sorted(e.roles.items()) for eid in ids]
            + [(e.id, "source", sid) for e in events for sid in e.sources],
        )
        conn.executemany(
            upsert("contradictions", ("id", "kind", "about", "reason", "claim_ids", "details"), key=("id",)),
            [contradiction_row(c) for c in contradictions],
        )
        conn.executemany(
            upsert("contradiction_claims", ("contradiction_id", "claim_id"), key=(), replace=False),
            [(c.id, cid) for c in contradictions for cid in c.claim_ids],
        )

    def _insert_signatures(self, conn: Connection, signatures: Sequence[SignatureRow],
                           band_layout: str | None) -> None:
        upsert = self.dialect.upsert
        conn.executemany(
            upsert("document_signatures", ("document_id", "signature"), key=("document_id",)),
            [(doc_id, blob or b"") for doc_id, blob, _keys in signatures],
        )
        conn.executemany(
            upsert("document_bands", ("band", "bucket", "document_id"), key=(), replace=False),
            [(band, bucket, doc_id) for doc_id, _blob, keys in signatures for band, bucket in keys],
        )
        # written only when it changes: the row would otherwise make linkers running at once
        # (on PostgreSQL) wait for each other's commits
        if band_layout is not None and band_layout != self._link_state(conn, "band_layout"):
            conn.execute(upsert("link_state", ("key", "value"), key=("key",)), ("band_layout", band_layout))

    @staticmethod
    def _link_state(conn: Connection, key: str) -> str | None:
        row = conn.execute("SELECT value FROM link_state WHERE key = ?", (key,)).fetchone()
        return row[0] if row else None

    # -- reading what the incremental link needs --------------------------------

    def link_state(self, key: str) -> str | None:
        with self._lock:
            return self._link_state(self._conn, key)

    def unlinked_document_ids(self) -> list[str]:
        """Documents stored but not linked yet (an ingest killed before its link, or new)."""
        rows = self.query("SELECT d.id FROM documents d WHERE NOT EXISTS"
                           " (SELECT 1 FROM document_signatures s WHERE s.document_id = d.id) ORDER BY d.id")
        return [r[0] for r in rows]

    def unlinked_claims(self, claim_ids: Iterable[str]) -> dict[str, str]:
        """Claim id -> document id, for those of ``claim_ids`` whose document is stored but
        not linked yet (another linker's, or one still waiting)."""
        rows = self.query(f"SELECT c.id, c.document_id FROM claims c WHERE c.id {IN_IDS} AND NOT EXISTS"
                          " (SELECT 1 FROM document_signatures s WHERE s.document_id = c.document_id)",
                          (ids_param(claim_ids),))
        return dict(rows)

    def signatures(self, document_ids: Iterable[str] | None = None) -> dict[str, bytes]:
        """Stored near-copy signatures (empty bytes for a document without words)."""
        if document_ids is None:
            return dict(self.query("SELECT document_id, signature FROM document_signatures"))
        found: dict[str, bytes] = {}
        for chunk in chunks(sorted(set(document_ids))):
            sql = ("SELECT document_id, signature FROM document_signatures"
                   f" WHERE document_id IN ({placeholders(len(chunk))})")
            found.update(self.query(sql, chunk))
        return found

    def documents_in_buckets(self, keys: Sequence[tuple[int, int]]) -> set[str]:
        """Documents sharing at least one (band, bucket) key: near-copy candidates."""
        found: set[str] = set()
        for start in range(0, len(keys), IN_CHUNK // 2):
            chunk = keys[start:start + IN_CHUNK // 2]
            sql = ("SELECT DISTINCT document_id FROM document_bands WHERE (band, bucket) IN"
                   f" (VALUES {','.join(['(?, ?)'] * len(chunk))})")
            found.update(r[0] for r in self.query(sql, [v for key in chunk for v in key]))
        return found

    def near_copy_roots(self, document_ids: Iterable[str]) -> dict[str, str]:
        """Document id -> the root of its near-copy group, for these documents and every
        other member of their groups."""
        ids = sorted(set(document_ids))
        roots: dict[str, str] = {}
        for chunk in chunks(ids):
            marks = placeholders(len(chunk))
            rows = self.query(f"SELECT id, COALESCE(dup_of, id) FROM documents WHERE id IN ({marks})", chunk)
            roots.update(rows)
        group_roots = sorted(set(roots.values()))
        for chunk in chunks(group_roots):
            marks = placeholders(len(chunk))
            roots.update(self.query(f"SELECT id, COALESCE(dup_of, id) FROM documents"
                                     f" WHERE dup_of IN ({marks}) OR id IN ({marks})", [*chunk, *chunk]))
        return roots

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
            filters.append(f"c.type IN ({placeholders(len(types))})")
            params.extend(types)
        if denied is not None:
            filters.append("c.polarity = 'denied'" if denied else "c.polarity != 'denied'")
        role_sql = f" AND ce.role IN ({placeholders(len(roles))})" if roles else ""
        found: set[str] = set()
        for chunk in chunks(sorted(set(entity_ids))):
            names = f"ce.entity_id IN ({placeholders(len(chunk))}){role_sql}"
            names_params = [*chunk, *(roles or ())]
            naming = f"EXISTS (SELECT 1 FROM claim_entities ce WHERE ce.claim_id = c.id AND {names})"
            if since is not None or until is not None:
                window = ["COALESCE(c.time_end, c.time_start) >= ?", "c.time_start <= ?"]
                # an "until" day includes its times of day
                window_params = [since or "", (until or "9999") + "\uffff"]
                sql = f"SELECT c.id FROM claims c WHERE {' AND '.join([*window, *filters, naming])}"
                found.update(r[0] for r in self.query(sql, [*window_params, *params, *names_params]))
                if undated_by_article:  # an article without a date could be from any day
                    sql = ("SELECT c.id FROM documents d JOIN claims c ON c.document_id = d.id"
                           " WHERE (d.published IS NULL OR d.published >= ? AND d.published <= ?)"
                           f" AND c.time_start IS NULL AND {' AND '.join([*filters, naming])}")
                    found.update(r[0] for r in self.query(sql, [since or "", until or "9999", *params,
                                                                 *names_params]))
            elif denied:
                sql = f"SELECT c.id FROM claims c WHERE {' AND '.join([*filters, naming])}"
                found.update(r[0] for r in self.query(sql, [*params, *names_params]))
            else:
                sql = ("SELECT DISTINCT ce.claim_id FROM claim_entities ce JOIN claims c ON c.id = ce.claim_id"
                       f" WHERE {' AND '.join([names, *filters])}")
                found.update(r[0] for r in self.query(sql, [*names_params, *params]))
        return found
