"""Reading documents, claims and entities: whole tables, one item, and the items of a set of ids.

One look-up per question: ``claims_by_ids`` serves the linker and the HTTP API alike;
a set of ids travels as ONE JSON parameter read with ``json_each`` (no chunking, no
host-parameter limit). Pages of what matches a filter are in ``pages.py``; events and
contradictions in ``graph.py``.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Sequence
from typing import Any

from claimgraph.model import Claim, Document, Entity, Reject
from claimgraph.store.rows import (
    CLAIM_COLUMNS,
    DOCUMENT_COLUMNS,
    DOCUMENT_ORDER,
    DOCUMENT_SUMMARY_COLUMNS,
    ENTITY_COLUMNS,
    IN_CHUNK,
    IN_IDS,
    REJECT_COLUMNS,
    claim_from_row,
    document_from_row,
    entity_from_row,
    ids_param,
    like,
    reject_from_row,
)

COUNTED_TABLES = (
    "inputs", "documents", "entities", "claims", "events", "contradictions", "rejects",
)
PLACE_MENTION_KEYS = ("document_id", "start", "end", "text", "name", "place_id", "geonameid", "feature",
                      "country", "admin1", "lat", "lon", "source")


class Reads:
    """The document, claim and entity reads of ``Store`` (a mixin over ``Database``)."""

    # -- documents ---------------------------------------------------------------------

    def documents(self) -> list[Document]:
        """Every document, in a stable order (by path or URL, then id)."""
        rows = self.query(f"SELECT {DOCUMENT_COLUMNS} FROM documents d ORDER BY {DOCUMENT_ORDER}")
        return [document_from_row(r) for r in rows]

    def iter_documents(self, chunk: int = IN_CHUNK) -> Iterator[Document]:
        """Every document in the order of :meth:`documents`, ``chunk`` at a time."""
        ids = [r[0] for r in self.query(f"SELECT d.id FROM documents d ORDER BY {DOCUMENT_ORDER}")]
        for start in range(0, len(ids), chunk):
            found = self.documents_by_ids(ids[start:start + chunk])
            yield from (found[i] for i in ids[start:start + chunk] if i in found)

    def document(self, document_id: str) -> Document | None:
        return self.documents_by_ids([document_id]).get(document_id)

    def headline_ends(self, ids: Iterable[str]) -> dict[str, int]:
        """Document id -> where the body begins, for the documents whose text opens with their
        headline (``clean.headed``): what a link reads of documents it loads without text."""
        rows = self.query(
            f"SELECT d.id, length(d.title) FROM documents d WHERE d.id {IN_IDS} AND d.title IS NOT NULL"
            " AND substr(d.text, 1, length(d.title) + 2) = d.title || ?", (ids_param(ids), "\n\n"))
        return {doc_id: end for doc_id, end in rows}

    def documents_by_ids(self, ids: Iterable[str], *, with_text: bool = True) -> dict[str, Document]:
        """Documents by id; ``with_text=False`` leaves ``text`` empty (outlets and dates only)."""
        columns = DOCUMENT_COLUMNS if with_text else DOCUMENT_SUMMARY_COLUMNS
        rows = self.query(f"SELECT {columns} FROM documents d WHERE d.id {IN_IDS}", (ids_param(ids),))
        return {r[0]: document_from_row(r) for r in rows}

    def search(self, query: str, limit: int = 20) -> list[Document]:
        """Documents whose title or text match ``query`` (FTS5 syntax), best first.

        >>> from claimgraph.store import Store
        >>> with Store(":memory:") as s:
        ...     s.write_batch([Document(id="d", text="Drones struck a depot.")], [], [], [], [])
        ...     [d.id for d in s.search("depot")]
        ['d']
        """
        if self.has_fts():
            fulltext = self.dialect.fulltext
            sql = (f"SELECT {DOCUMENT_COLUMNS} FROM {fulltext.source} WHERE {fulltext.match}"
                   f" ORDER BY {fulltext.order} LIMIT ?")
            return [document_from_row(r) for r in self.match(sql, (query, limit))]
        pattern = like(query.lower())
        sql = (
            f"SELECT {DOCUMENT_COLUMNS} FROM documents d WHERE lower(d.text) LIKE ? ESCAPE '\\'"
            f" OR lower(d.title) LIKE ? ESCAPE '\\' ORDER BY {DOCUMENT_ORDER} LIMIT ?"
        )
        return [document_from_row(r) for r in self.query(sql, (pattern, pattern, limit))]

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
        return [dict(zip(PLACE_MENTION_KEYS, row)) for row in self.query(sql, params)]

    # -- claims --------------------------------------------------------------------------

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
        :param entity: an entity id, or a case-insensitive part of its name or aliases
            (see :meth:`find_entity_ids`); matches claims that mention it in any role,
            as source or as via.
        :param document: a document id.
        :param min_confidence: only claims at least this sure (None: all).
        """
        where, params = self._claim_filter(type, entity, document, min_confidence)
        sql = (f"SELECT {CLAIM_COLUMNS} FROM claims c JOIN documents d ON d.id = c.document_id{where}"
               f" ORDER BY {DOCUMENT_ORDER}, c.char_start, c.id" + (" LIMIT ?" if limit is not None else ""))
        return [claim_from_row(r) for r in self.query(sql, [*params, *([int(limit)] if limit is not None else [])])]

    def count_claims(self, type: str | None = None, entity: str | None = None, document: str | None = None,
                     min_confidence: float | None = None) -> int:
        """How many claims :meth:`claims` would list without a limit."""
        where, params = self._claim_filter(type, entity, document, min_confidence)
        return self.query(f"SELECT COUNT(*) FROM claims c{where}", params)[0][0]

    def _claim_filter(self, type: str | None, entity: str | None, document: str | None,
                      min_confidence: float | None) -> tuple[str, list[Any]]:
        """(`` WHERE ...``, params) over claims ``c`` for :meth:`claims` and :meth:`count_claims`."""
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
            where.append(f"c.id IN (SELECT ce.claim_id FROM claim_entities ce WHERE ce.entity_id {IN_IDS})")
            params.append(ids_param(self.find_entity_ids(entity)))
        return (" WHERE " + " AND ".join(where) if where else ""), params

    def iter_claims(self, chunk: int = IN_CHUNK) -> Iterator[Claim]:
        """Every claim in the order of :meth:`claims` (document order, then position)."""
        ids = [r[0] for r in self.query(f"SELECT d.id FROM documents d ORDER BY {DOCUMENT_ORDER}")]
        for start in range(0, len(ids), chunk):
            part = ids[start:start + chunk]
            rank = {doc_id: k for k, doc_id in enumerate(part)}
            claims = self.claims_of_documents(part)
            yield from sorted(claims, key=lambda c: (rank[c.document_id], c.start, c.id))

    def claim(self, claim_id: str) -> Claim | None:
        found = self.claims_by_ids([claim_id])
        return found[0] if found else None

    def claims_by_ids(self, ids: Iterable[str], *, light: bool = False) -> list[Claim]:
        """Claims by id, sorted by id; ``light`` leaves out the text and quantities of
        asserted claims (what a denial is compared with needs neither)."""
        columns = CLAIM_COLUMNS
        if light:
            columns = (columns.replace("c.text", "CASE WHEN c.polarity = 'denied' THEN c.text ELSE '' END")
                       .replace("c.quantities", "CASE WHEN c.polarity = 'denied' THEN c.quantities ELSE '[]' END"))
        rows = self.query(f"SELECT {columns} FROM claims c WHERE c.id {IN_IDS} ORDER BY c.id", (ids_param(ids),))
        return [claim_from_row(r) for r in rows]

    def claims_of_documents(self, document_ids: Iterable[str]) -> list[Claim]:
        """The claims of these documents, by id."""
        rows = self.query(f"SELECT {CLAIM_COLUMNS} FROM claims c WHERE c.document_id {IN_IDS} ORDER BY c.id",
                          (ids_param(document_ids),))
        return [claim_from_row(r) for r in rows]

    def claims_by_type(self, min_confidence: float | None = None) -> dict[str, int]:
        """Claims per type (those at least ``min_confidence`` sure), types sorted."""
        rows = self.query("SELECT type, COUNT(*) FROM claims WHERE confidence >= ? GROUP BY type ORDER BY type",
                          (min_confidence if min_confidence is not None else float("-inf"),))
        return dict(rows)

    # -- entities ------------------------------------------------------------------------

    def find_entity_ids(self, needle: str) -> list[str]:
        """Ids of the entity whose id is ``needle``, else of those whose name or an alias
        contains it (case-insensitive).

        An exact id wins alone, so ``gpe:ukraine`` does not also pull in every entity
        whose name mentions Ukraine. ASCII needles are matched in SQL; others in Python,
        whose ``casefold`` handles the non-ASCII letters SQL ``lower`` does not.

        >>> from claimgraph.store import Store
        >>> with Store(":memory:") as s:
        ...     s.add_entities([Entity(id="w:kn23", name="KN-23", type="WEAPON", aliases=["Hwasong-11A"])])
        ...     s.find_entity_ids("w:kn23"), s.find_entity_ids("HWASONG")
        (['w:kn23'], ['w:kn23'])
        """
        if self.query("SELECT 1 FROM entities WHERE id = ?", (needle,)):
            return [needle]
        if needle.isascii():
            pattern = like(needle)
            rows = self.query("SELECT id FROM entities WHERE name LIKE ? ESCAPE '\\' OR aliases LIKE ? ESCAPE '\\'"
                              " ORDER BY id", (pattern, pattern))
            return [r[0] for r in rows]
        wanted = needle.casefold()
        return [e.id for e in self.entities().values()
                if any(wanted in n.casefold() for n in (e.name, *e.aliases))]

    def entities(self) -> dict[str, Entity]:
        """Every entity by id, ids sorted."""
        rows = self.query(f"SELECT {ENTITY_COLUMNS} FROM entities n ORDER BY n.id")
        return {r[0]: entity_from_row(r) for r in rows}

    def entity(self, entity_id: str) -> Entity | None:
        return self.entities_by_ids([entity_id]).get(entity_id)

    def entities_by_ids(self, ids: Iterable[str]) -> dict[str, Entity]:
        """The entities of ``ids`` that exist, by id."""
        rows = self.query(f"SELECT {ENTITY_COLUMNS} FROM entities n WHERE n.id {IN_IDS}", (ids_param(ids),))
        return {r[0]: entity_from_row(r) for r in rows}

    def entity_names(self, ids: Iterable[str]) -> dict[str, dict[str, Any]]:
        """{id: {"name", "type"}} for the given ids that exist: what a list shows beside an id."""
        return {i: {"name": e.name, "type": e.type} for i, e in self.entities_by_ids(ids).items()}

    # -- ingest bookkeeping and totals ---------------------------------------------------

    def rejects(self) -> list[Reject]:
        """Rejected inputs, oldest first."""
        rows = self.query(f"SELECT {REJECT_COLUMNS} FROM rejects r ORDER BY r.at, r.origin, r.id")
        return [reject_from_row(r) for r in rows]

    def inputs(self) -> list[tuple[str, str, str, str | None]]:
        """Every input handled, as (raw_hash, origin, status, document_id)."""
        return self.query(
            "SELECT raw_hash, origin, status, document_id FROM inputs ORDER BY seen_at, origin, raw_hash"
        )

    def counts(self, tables: Sequence[str] = COUNTED_TABLES) -> dict[str, int]:
        """Rows per table: inputs, documents, entities, claims, events, contradictions, rejects
        (or only those of ``tables``)."""
        # Table names come from the constant, never from input.
        return {t: self.query(f"SELECT COUNT(*) FROM {t}")[0][0] for t in COUNTED_TABLES if t in tables}

