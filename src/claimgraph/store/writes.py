"""Writing ingests: one batch (documents, claims, entities, rejects, inputs) in ONE transaction.

A crash or a kill loses at most the batch in flight; ``has_input`` lets the next run skip
what was committed. Writes are idempotent: documents and claims are keyed by
content-derived ids and inserted with ``ON CONFLICT DO NOTHING``; entities are merged
(aliases united).
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from typing import Any

from claimgraph.errors import StoreError
from claimgraph.store.postgres import DATABASE_ERRORS, Connection
from claimgraph.model import Claim, Document, Entity, Reject, content_hash
from claimgraph.store.rows import (
    IN_IDS,
    REJECT_COLUMNS,
    claim_entity_rows,
    claim_row,
    entity_row,
    ids_param,
    reject_from_row,
    utc_now,
)

INPUT_STATUSES = ("ingested", "rejected", "duplicate")
InputRow = tuple[str, str, str, "str | None"]


class Writes:
    """The ingest writes of ``Store`` (a mixin over ``Database`` and ``Reads``)."""

    def input_outcome(self, raw_hash: str) -> tuple[str, str | None] | None:
        """(status, document id) of an input already handled, by its raw hash; status is
        'ingested', 'duplicate' or 'rejected'."""
        rows = self.query("SELECT status, document_id FROM inputs WHERE raw_hash = ?", (raw_hash,))
        return (rows[0][0], rows[0][1]) if rows else None

    def has_input(self, raw_hash: str) -> bool:
        """True if an input with these raw bytes was already handled (any status)."""
        return self.input_outcome(raw_hash) is not None

    def input_status(self, raw_hash: str) -> str | None:
        """'ingested', 'duplicate' or 'rejected' for an input already handled, else None."""
        outcome = self.input_outcome(raw_hash)
        return outcome[0] if outcome else None

    def known_inputs(self, raw_hashes: Iterable[str]) -> set[str]:
        """The subset of ``raw_hashes`` already handled: ``has_input`` for a whole batch."""
        rows = self.query(f"SELECT raw_hash FROM inputs WHERE raw_hash {IN_IDS}", (ids_param(raw_hashes),))
        return {r[0] for r in rows}

    def latest_reject(self, *, raw_hash: str | None = None, origin: str | None = None) -> Reject | None:
        """The last reject recorded for these bytes (or, for an input never read, this origin)."""
        column, value = ("raw_hash", raw_hash) if raw_hash is not None else ("origin", origin)
        rows = self.query(f"SELECT {REJECT_COLUMNS} FROM rejects r WHERE r.{column} = ?"
                          " ORDER BY r.at DESC, r.rowid DESC LIMIT 1", (value,))
        return reject_from_row(rows[0]) if rows else None

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
            with self.transaction() as conn:
                self._insert_documents(conn, documents)
                self._upsert_entities(conn, entities)
                self._insert_claims(conn, claims)
                self._insert_rejects(conn, rejects)
                self._insert_inputs(conn, inputs)
        except DATABASE_ERRORS as exc:
            raise StoreError(f"cannot write batch to {self.label!r}: {exc}") from exc

    def write_place_mentions(self, mentions: dict[str, Sequence[dict[str, Any]]]) -> None:
        """Store each document's place mentions (``PlaceMention.to_dict()`` rows), replacing
        what the document had: one transaction."""
        columns = ("start", "end", "text", "name", "place_id", "geonameid", "feature", "country",
                   "admin1", "lat", "lon", "source")
        insert = self.dialect.upsert(
            "place_mentions", ("document_id", "char_start", "char_end", "text", "name", "place_id", "geonameid",
                               "feature", "country", "admin1", "lat", "lon", "source"),
            key=("document_id", "char_start", "char_end"))
        try:
            with self.transaction() as conn:
                for document_id, rows in mentions.items():
                    conn.execute("DELETE FROM place_mentions WHERE document_id = ?", (document_id,))
                    conn.executemany(insert, [(document_id, *(row.get(c) for c in columns)) for row in rows])
        except DATABASE_ERRORS as exc:
            raise StoreError(f"cannot write place mentions to {self.label!r}: {exc}") from exc

    def add_rejects(self, rejects: Sequence[Reject]) -> None:
        """Record rejected inputs (the same origin, reason and bytes are recorded once)."""
        self.write_batch([], [], [], rejects, [])

    def add_entities(self, entities: Sequence[Entity]) -> None:
        """Upsert entities alone (aliases are united with what is stored)."""
        self.write_batch([], [], entities, [], [])

    @staticmethod
    def _insert_documents(conn: Connection, documents: Sequence[Document]) -> None:
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
    def _insert_claims(conn: Connection, claims: Sequence[Claim]) -> None:
        conn.executemany(
            "INSERT INTO claims (id, document_id, type, text, char_start, char_end, source, via,"
            " polarity, modality, time_start, time_end, time_text, time_basis, quantities,"
            " roles, trigger, attribute, sentence, confidence)"
            " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"
            " ON CONFLICT (id) DO NOTHING",
            [claim_row(c) for c in claims],
        )
        conn.executemany(
            "INSERT INTO claim_entities (claim_id, role, entity_id, claim_type) VALUES (?, ?, ?, ?)"
            " ON CONFLICT (claim_id, role, entity_id) DO NOTHING",
            [(*row, c.type) for c in claims for row in claim_entity_rows(c)],
        )

    def _upsert_entities(self, conn: Connection, entities: Sequence[Entity]) -> None:
        merged: dict[str, Entity] = {}
        for entity in entities:  # the same entity may come twice in one batch
            merged[entity.id] = merge_entities(merged[entity.id], entity) if entity.id in merged else entity
        stored = self.entities_by_ids(merged)
        rows = []
        for entity_id, entity in merged.items():
            if entity_id in stored:
                entity = merge_entities(stored[entity_id], entity)
            rows.append(entity_row(entity))
        conn.executemany(
            "INSERT INTO entities (id, name, type, aliases, lat, lon, country, attrs)"
            " VALUES (?, ?, ?, ?, ?, ?, ?, ?)"
            " ON CONFLICT (id) DO UPDATE SET name = excluded.name, type = excluded.type,"
            " aliases = excluded.aliases, lat = excluded.lat, lon = excluded.lon,"
            " country = excluded.country, attrs = excluded.attrs",
            rows,
        )

    @staticmethod
    def _insert_rejects(conn: Connection, rejects: Sequence[Reject]) -> None:
        now = utc_now()
        conn.executemany(
            "INSERT INTO rejects (id, origin, reason, detail, raw_hash, at) VALUES (?, ?, ?, ?, ?, ?)"
            " ON CONFLICT (id) DO NOTHING",
            [(reject_id(r), r.origin, r.reason, r.detail or "", r.raw_hash, now) for r in rejects],
        )

    @staticmethod
    def _insert_inputs(conn: Connection, inputs: Sequence[InputRow]) -> None:
        now = utc_now()
        # The first verdict on a given input stands; a re-run never sees it again.
        conn.executemany(
            "INSERT INTO inputs (raw_hash, origin, status, document_id, seen_at)"
            " VALUES (?, ?, ?, ?, ?) ON CONFLICT (raw_hash) DO NOTHING",
            [(h, origin, status, doc_id, now) for h, origin, status, doc_id in inputs],
        )


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


def reject_id(reject: Reject) -> str:
    """Stable id of a rejection: the same input refused for the same reason is one row."""
    return content_hash("\x1f".join([reject.origin, reject.reason, reject.raw_hash or ""]))
