"""Reading what the linker wrote: events (with their claims) and contradictions.

One look-up per question, shared by the linker, the exports, the CLI and the HTTP API:
``events_by_ids``, ``claim_ids_of_events``, ``events_of_claims`` and ``contradictions``
(everything, or those touching a set of claims) each exist once.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator

from claimgraph.model import Contradiction, Event
from claimgraph.store.rows import (
    CONTRADICTION_COLUMNS,
    EVENT_COLUMNS,
    IN_CHUNK,
    IN_IDS,
    contradiction_from_row,
    event_from_row,
    ids_param,
)


class Graph:
    """The event and contradiction reads of ``Store`` (a mixin over ``Database``)."""

    # -- events ------------------------------------------------------------------------

    def events(self, type: str | None = None) -> list[Event]:
        """Events sorted by id, optionally of one type."""
        sql, params = f"SELECT {EVENT_COLUMNS} FROM events e", []
        if type:
            sql += " WHERE e.type = ?"
            params.append(type.upper())
        return self._with_claim_ids(self.query(sql + " ORDER BY e.id", params), every=not type)

    def event(self, event_id: str) -> Event | None:
        found = self.events_by_ids([event_id])
        return found[0] if found else None

    def events_by_ids(self, ids: Iterable[str]) -> list[Event]:
        """Events by id (with their claim ids), sorted by id."""
        rows = self.query(f"SELECT {EVENT_COLUMNS} FROM events e WHERE e.id {IN_IDS} ORDER BY e.id",
                          (ids_param(ids),))
        return self._with_claim_ids(rows)

    def iter_events(self, chunk: int = IN_CHUNK) -> Iterator[Event]:
        """Every event by id, with its claim ids."""
        ids = [r[0] for r in self.query("SELECT id FROM events ORDER BY id")]
        for start in range(0, len(ids), chunk):
            yield from self.events_by_ids(ids[start:start + chunk])

    def event_ids(self) -> set[str]:
        return {r[0] for r in self.query("SELECT id FROM events")}

    def events_by_type(self) -> dict[str, int]:
        """Events per type, types sorted."""
        return dict(self.query("SELECT type, COUNT(*) FROM events GROUP BY type ORDER BY type"))

    def claim_ids_of_events(self, event_ids: Iterable[str] | None = None) -> dict[str, list[str]]:
        """Event id -> its claim ids in link order, for ``event_ids`` (None: every event)."""
        if event_ids is None:
            rows = self.query("SELECT event_id, claim_id FROM event_claims ORDER BY event_id, position")
        else:
            rows = self.query(f"SELECT event_id, claim_id FROM event_claims WHERE event_id {IN_IDS}"
                              " ORDER BY event_id, position", (ids_param(event_ids),))
        return _grouped(rows)

    def _with_claim_ids(self, rows: list[tuple], every: bool = False) -> list[Event]:
        claim_ids = self.claim_ids_of_events(None if every else [r[0] for r in rows])
        return [event_from_row(r, claim_ids.get(r[0], [])) for r in rows]

    def events_of_claims(self, claim_ids: Iterable[str]) -> dict[str, list[str]]:
        """Claim id -> the ids of the events holding it (sorted), for those in an event."""
        rows = self.query(f"SELECT claim_id, event_id FROM event_claims WHERE claim_id {IN_IDS}"
                          " ORDER BY claim_id, event_id", (ids_param(claim_ids),))
        return _grouped(rows)

    def events_of_claim(self, claim_id: str) -> list[str]:
        """Ids of the events a claim belongs to."""
        return self.events_of_claims([claim_id]).get(claim_id, [])

    def event_of_claims(self, claim_ids: Iterable[str]) -> dict[str, str]:
        """Claim id -> the id of the event holding it, for those in an event (a link puts a
        claim in one event)."""
        return {claim_id: ids[0] for claim_id, ids in self.events_of_claims(claim_ids).items()}

    def event_ids_holding(self, claim_ids: Iterable[str]) -> set[str]:
        return {e for ids in self.events_of_claims(claim_ids).values() for e in ids}

    # -- contradictions ------------------------------------------------------------------

    def contradictions(self, claim_ids: Iterable[str] | None = None) -> list[Contradiction]:
        """Contradictions by id: every one, or those naming at least one of ``claim_ids``."""
        where, params = "", []
        if claim_ids is not None:
            where = (" WHERE x.id IN (SELECT xc.contradiction_id FROM contradiction_claims xc"
                     f" WHERE xc.claim_id {IN_IDS})")
            params = [ids_param(claim_ids)]
        rows = self.query(f"SELECT {CONTRADICTION_COLUMNS} FROM contradictions x{where} ORDER BY x.id", params)
        return [contradiction_from_row(r) for r in rows]

    def contradictions_touching(self, claim_ids: Iterable[str]) -> list[Contradiction]:
        """Contradictions naming at least one of ``claim_ids``, sorted by id."""
        return self.contradictions(claim_ids)

    def iter_contradictions(self, chunk: int = IN_CHUNK) -> Iterator[Contradiction]:
        """Every contradiction by id, ``chunk`` at a time."""
        last = ""
        while True:
            rows = self.query(f"SELECT {CONTRADICTION_COLUMNS} FROM contradictions x WHERE x.id > ?"
                              " ORDER BY x.id LIMIT ?", (last, chunk))
            if not rows:
                return
            yield from (contradiction_from_row(r) for r in rows)
            last = rows[-1][0]

    def contradiction_ids(self) -> set[str]:
        return {r[0] for r in self.query("SELECT id FROM contradictions")}

    def contradiction(self, contradiction_id: str) -> Contradiction | None:
        rows = self.query(f"SELECT {CONTRADICTION_COLUMNS} FROM contradictions x WHERE x.id = ?",
                          (contradiction_id,))
        return contradiction_from_row(rows[0]) if rows else None

    def ids_starting_with(self, prefix: str, limit: int = 10) -> list[str]:
        """Event, claim and contradiction ids that begin with ``prefix`` (at most ``limit``
        of each), sorted: what a shortened id copied from a listing may mean.

        >>> from claimgraph.store import Store
        >>> with Store(":memory:") as s:
        ...     s.ids_starting_with("ev-")
        []
        """
        found: list[str] = []
        upper = prefix + "\U0010ffff"  # a range on the primary key, not LIKE: the index answers it
        for table in ("events", "claims", "contradictions"):
            found += [r[0] for r in self.query(f"SELECT id FROM {table} WHERE id >= ? AND id < ? ORDER BY id LIMIT ?",
                                               (prefix, upper, limit))]
        return sorted(found)



def _grouped(pairs: list[tuple]) -> dict[str, list[str]]:
    """(key, value) rows, ordered by key -> {key: [values in row order]}."""
    found: dict[str, list[str]] = {}
    for key, value in pairs:
        found.setdefault(key, []).append(value)
    return found
