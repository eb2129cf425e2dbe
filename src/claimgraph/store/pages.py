"""Pages of what matches: the paging and filter SQL of the HTTP API, over ``Store.query``.

``Store`` answers "everything" (export, link); the API answers "one page of what
matches", which must stay fast on a database of 100,000+ claims (issue 5: p95
< 50 ms). So every list here is one SQL statement that filters and pages inside
SQLite, ordered by something an index or the rowid gives for free:

* documents and claims: newest first (``rowid DESC``: the order they were stored),
  which is also what a live dashboard wants on top;
* events: latest happening first (``time_start DESC``), a top-N sort over the
  events table;
* entities: by name; contradictions and rejects: by id / time.

Totals are counted only when asked (``count=True``): a page that is not full gives
its total for free, otherwise ``total`` is None and ``next_offset`` says there is
more. An exact count over 100k claims with an unindexed filter is a full scan
(35-50 ms measured on the benchmark database), as much as the whole budget, and
even a count capped at 1,000 matches cost 100 ms for a filter that keeps 2 %.

Entity filters go through the ``claim_entities`` index (one row per entity a claim
names); sets of ids travel as one JSON parameter read with ``json_each``, so a
filter matching 5,000 entities is still one statement with one parameter.

    >>> from claimgraph.store import Store
    >>> with Store(":memory:") as store:
    ...     page = page_claims(store, ClaimFilter(type="ATTACK"), limit=10, offset=0)
    ...     page.items, page.total
    ([], 0)
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from claimgraph.errors import SearchSyntaxError
from claimgraph.store.filters import ClaimFilter, EventFilter, Where
from claimgraph.store.rows import (
    CLAIM_COLUMNS,
    CONTRADICTION_COLUMNS,
    DOCUMENT_SUMMARY_COLUMNS,
    ENTITY_COLUMNS,
    EVENT_COLUMNS,
    IN_IDS,
    claim_from_row,
    contradiction_from_row,
    document_from_row,
    document_summary,
    entity_from_row,
    event_from_row,
    ids_param,
    like,
)

if TYPE_CHECKING:
    from claimgraph.store.db import Store

__all__ = ["ClaimFilter", "EventFilter", "Page", "fts_quoted", "mentions", "page_claims", "page_contradictions",
           "page_documents", "page_entities", "page_events", "page_rejects"]

# At most this many words of a claim text query are used (each is one LIKE test).
MAX_TEXT_WORDS = 8
# An entity named by at least this many claims (events) is filtered by scanning them newest
# first and probing claim_entities (stops after one page: ~51 x N / mentions probes);
# a rarer one by looking its claims up and sorting them (cost ~ mentions). The two
# costs meet near sqrt(51 x N) = 2,260 at N = 100k. On the 100k-claim benchmark
# database (scripts/bench_api.py) the scan took 0.2 ms for an entity in 17 % of claims
# where the lookup took 74 ms; a scan that finds too few matches reads every claim
# (60-90 ms), which the lookup of a rare entity's few claims avoids.
SCAN_MIN_MENTIONS = 2000
SOURCE_ROLES = ("source", "via")
PLACE_ROLES = ("location",)


@dataclass(slots=True)
class Page:
    """One page of a list; ``total`` is None when it was not counted (see ``count``)."""

    items: list[Any]
    total: int | None
    limit: int
    offset: int
    has_more: bool = False

    @property
    def next_offset(self) -> int | None:
        return self.offset + self.limit if self.has_more else None


def _paged(store: Store, rows: list[tuple], limit: int, offset: int, count_sql: str,
           params: Sequence[Any], count: bool) -> tuple[list[tuple], int | None, bool]:
    """(rows of this page, total, has_more) from ``limit + 1`` fetched rows.

    :param count_sql: ``SELECT 1 FROM ... WHERE ...`` of the same matches, counted when
        ``count`` and the page alone cannot tell the total.
    """
    has_more = len(rows) > limit
    rows = rows[:limit]
    if not has_more and (rows or offset == 0):
        return rows, offset + len(rows), False
    if not count:
        return rows, None, has_more
    return rows, store.query(f"SELECT COUNT(*) FROM ({count_sql}) AS matches", params)[0][0], has_more


def _roles_sql(roles: Sequence[str]) -> str:
    # Role names come from constants in this module, never from a request.
    return ",".join(f"'{r}'" for r in roles)


# -- documents ---------------------------------------------------------------------


def page_documents(store: Store, *, limit: int, offset: int, outlet: str | None = None,
                   q: str | None = None, count: bool = False) -> Page:
    """Document summaries (no text), newest first, or best match first when ``q`` is given.

    :param outlet: exact outlet name, case-insensitive.
    :param q: a full-text query (SQLite FTS5 syntax: words, "phrases", prefix*, OR,
        NOT); a query that is not valid FTS5 (``KN-23``) is searched as quoted words. On
        PostgreSQL, web search syntax (``websearch_to_tsquery``: words, "phrases", OR, -word).
    """
    where = Where()
    if outlet:
        nocase = store.dialect.nocase
        where.add(f"{nocase('d.outlet')} = {nocase('?')}", outlet)
    if q and store.has_fts():
        return _search_documents(store, q, where, limit, offset, count)
    if q:  # SQLite without FTS5: every word somewhere in the title or text
        for word in q.split()[:MAX_TEXT_WORDS]:
            where.add("(d.text LIKE ? ESCAPE '\\' OR d.title LIKE ? ESCAPE '\\')", like(word), like(word))
    rows = store.query(
        f"SELECT {DOCUMENT_SUMMARY_COLUMNS}, NULL FROM documents d{where.sql()}"
        " ORDER BY d.rowid DESC LIMIT ? OFFSET ?",
        [*where.params, limit + 1, offset],
    )
    rows, total, more = _paged(store, rows, limit, offset, f"SELECT 1 FROM documents d{where.sql()}",
                               where.params, count)
    return Page([_summary(r) for r in rows], total, limit, offset, more)


def _search_documents(store: Store, q: str, where: Where, limit: int, offset: int, count: bool) -> Page:
    fulltext = store.dialect.fulltext
    for query in (q, fts_quoted(q)):
        match = Where([fulltext.match, *where.conditions], [query, *where.params])
        base = f" FROM {fulltext.source}{match.sql()}"
        try:
            rows = store.match(
                f"SELECT {DOCUMENT_SUMMARY_COLUMNS}, {fulltext.snippet}"
                + base + f" ORDER BY {fulltext.order} LIMIT ? OFFSET ?",
                [*match.params, limit + 1, offset],
            )
        except SearchSyntaxError:
            continue  # not valid FTS5: try again with every word quoted
        rows, total, more = _paged(store, rows, limit, offset, "SELECT 1" + base, match.params, count)
        return Page([_summary(r) for r in rows], total, limit, offset, more)
    raise SearchSyntaxError(f"cannot search for {q!r}")


def fts_quoted(q: str) -> str:
    """``q`` as FTS5 quoted words, all required: FTS syntax characters lose their meaning.

    >>> fts_quoted('KN-23 "range')
    '"KN-23" "range"'
    """
    words = [w.replace('"', "") for w in q.split()]
    return " ".join(f'"{w}"' for w in words if w) or '""'



def _summary(r: tuple) -> dict[str, Any]:
    """A document summary from DOCUMENT_SUMMARY_COLUMNS and a snippet (None: not a search)."""
    return document_summary(document_from_row(r), r[-1])


# -- claims and events -------------------------------------------------------------


def mentions(store: Store, entity_ids: Iterable[str], roles: Sequence[str] | None = None,
             claim_type: str | None = None) -> int:
    """Rows of claim_entities naming these entities (in these roles, in claims of this
    type); a claim naming one entity in two roles counts twice. Without roles the count
    reads the index alone."""
    role_sql = f" AND role IN ({_roles_sql(roles)})" if roles else ""
    type_sql = " AND claim_type = ?" if claim_type else ""
    return store.query(
        f"SELECT COUNT(*) FROM claim_entities WHERE entity_id {IN_IDS}{role_sql}{type_sql}",
        (ids_param(entity_ids), *([claim_type] if claim_type else [])),
    )[0][0]


def _naming_condition(store: Store, table: str, key: str, outer_id: str, ids: Sequence[str],
                      roles: Sequence[str] | None, claim_type: str | None = None) -> tuple[str, list[Any]]:
    """Rows (claims or events) naming ``ids``, through ``table`` (claim_entities or
    event_entities, whose ``key`` column points at ``outer_id``).

    A much-named entity is filtered by walking the rows newest first and probing the
    table until a page is full; a rarer one by looking its rows up (see SCAN_MIN_MENTIONS).
    With a claim type, both read the (entity, type) index: "Ukraine" in 20,000 claims but
    in few casualty claims is a short lookup, not a walk through every casualty claim. On
    the 100k-claim benchmark database an entity in 6,600 of 32,000 events took 20 ms
    looked up and 4 ms walked."""
    role_sql = f" AND n.role IN ({_roles_sql(roles)})" if roles else ""
    type_sql = " AND n.claim_type = ?" if claim_type else ""
    named = f"n.entity_id {IN_IDS}{role_sql}{type_sql}"
    params = [ids_param(ids), *([claim_type] if claim_type else [])]
    naming = store.query(f"SELECT COUNT(*) FROM {table} n WHERE {named}", params)[0][0]
    if naming >= SCAN_MIN_MENTIONS:
        return f"EXISTS (SELECT 1 FROM {table} n WHERE n.{key} = {outer_id} AND {named})", params
    return f"{outer_id} IN (SELECT n.{key} FROM {table} n WHERE {named})", params


def _claims_where(store: Store, f: ClaimFilter) -> Where:
    where = Where()
    if f.type:
        where.add("c.type = ?", f.type)
    if f.document:
        where.add("c.document_id = ?", f.document)
    if f.polarity:
        where.add("c.polarity = ?", f.polarity)
    if f.modality:
        where.add("c.modality = ?", f.modality)
    if f.min_confidence is not None:
        where.add("c.confidence >= ?", f.min_confidence)
    # Overlap of [time_start, time_end] with [since, until]; a day claim has end = start.
    if f.since:
        where.add("COALESCE(c.time_end, c.time_start) >= ?", f.since)
    if f.until:
        where.add("c.time_start <= ?", f.until)
    for ids, roles in ((f.entity_ids, None), (f.source_ids, SOURCE_ROLES), (f.place_ids, PLACE_ROLES)):
        if ids is not None:
            condition, params = _naming_condition(store, "claim_entities", "claim_id", "c.id", ids, roles, f.type)
            where.add(condition, *params)
    for word in (f.text or "").split()[:MAX_TEXT_WORDS]:
        where.add("c.text LIKE ? ESCAPE '\\'", like(word))
    return where


def page_claims(store: Store, f: ClaimFilter, *, limit: int, offset: int, count: bool = False) -> Page:
    """Claims matching ``f``, newest first."""
    if f.matches_nothing():
        return Page([], 0, limit, offset)
    where = _claims_where(store, f)
    rows = store.query(
        f"SELECT {CLAIM_COLUMNS} FROM claims c{where.sql()} ORDER BY c.rowid DESC LIMIT ? OFFSET ?",
        [*where.params, limit + 1, offset],
    )
    rows, total, more = _paged(store, rows, limit, offset, f"SELECT 1 FROM claims c{where.sql()}",
                               where.params, count)
    return Page([claim_from_row(r) for r in rows], total, limit, offset, more)


def _events_where(store: Store, f: EventFilter) -> Where:
    where = Where()
    if f.type:
        where.add("e.type = ?", f.type)
    if f.since:
        where.add("COALESCE(e.time_end, e.time_start) >= ?", f.since)
    if f.until:
        where.add("e.time_start <= ?", f.until)
    if f.min_sources:
        where.add("e.independent_sources >= ?", f.min_sources)
    for ids, roles in ((f.entity_ids, None), (f.place_ids, PLACE_ROLES)):
        if ids is not None:
            condition, params = _naming_condition(store, "event_entities", "event_id", "e.id", ids, roles)
            where.add(condition, *params)
    return where


def page_events(store: Store, f: EventFilter, *, limit: int, offset: int, count: bool = False) -> Page:
    """Events matching ``f``, latest happening first (undated events last), with claim ids.

    ``entity_ids`` keeps events naming one of them in a role (the union of their
    claims' roles) or among their independent sources; ``place_ids`` in the location role.
    """
    if f.matches_nothing():
        return Page([], 0, limit, offset)
    where = _events_where(store, f)
    rows = store.query(
        f"SELECT {EVENT_COLUMNS} FROM events e{where.sql()}"
        " ORDER BY e.time_start IS NULL, e.time_start DESC, e.id LIMIT ? OFFSET ?",
        [*where.params, limit + 1, offset],
    )
    rows, total, more = _paged(store, rows, limit, offset, f"SELECT 1 FROM events e{where.sql()}",
                               where.params, count)
    claim_ids = store.claim_ids_of_events([r[0] for r in rows])
    return Page([event_from_row(r, claim_ids.get(r[0], [])) for r in rows], total, limit, offset, more)


# -- entities, contradictions and rejects -------------------------------------------


def page_entities(store: Store, *, limit: int, offset: int, type: str | None = None,
                  q: str | None = None, count: bool = False) -> Page:
    """Entities by name; ``q`` is a part of the name or an alias (or the exact id)."""
    where = Where()
    if type:
        where.add("n.type = ?", type)
    if q:
        where.add("(n.name LIKE ? ESCAPE '\\' OR n.aliases LIKE ? ESCAPE '\\' OR n.id = ?)", like(q), like(q), q)
    rows = store.query(
        f"SELECT {ENTITY_COLUMNS} FROM entities n{where.sql()} ORDER BY {store.dialect.nocase('n.name')}, n.id"
        " LIMIT ? OFFSET ?",
        [*where.params, limit + 1, offset],
    )
    rows, total, more = _paged(store, rows, limit, offset, f"SELECT 1 FROM entities n{where.sql()}",
                               where.params, count)
    return Page([entity_from_row(r) for r in rows], total, limit, offset, more)


def page_contradictions(store: Store, *, limit: int, offset: int, kind: str | None = None,
                        claim_ids: Iterable[str] | None = None, count: bool = False) -> Page:
    """Contradictions by id; ``claim_ids`` keeps those involving any of these claims."""
    where = Where()
    if kind:
        where.add("x.kind = ?", kind)
    if claim_ids is not None:
        ids = sorted(set(claim_ids))
        where.add("x.id IN (SELECT xc.contradiction_id FROM contradiction_claims xc"
                  f" WHERE xc.claim_id {IN_IDS})", ids_param(ids))
    rows = store.query(
        f"SELECT {CONTRADICTION_COLUMNS} FROM contradictions x{where.sql()}"
        " ORDER BY x.id LIMIT ? OFFSET ?",
        [*where.params, limit + 1, offset],
    )
    rows, total, more = _paged(store, rows, limit, offset,
                               f"SELECT 1 FROM contradictions x{where.sql()}", where.params, count)
    items = [contradiction_from_row(r) for r in rows]
    return Page(items, total, limit, offset, more)


def page_rejects(store: Store, *, limit: int, offset: int, reason: str | None = None,
                 count: bool = False) -> Page:
    """Rejected inputs, newest first."""
    where = Where()
    if reason:
        where.add("r.reason = ?", reason)
    rows = store.query(
        f"SELECT r.id, r.origin, r.reason, r.detail, r.raw_hash, r.at FROM rejects r{where.sql()}"
        " ORDER BY r.at DESC, r.rowid DESC LIMIT ? OFFSET ?",
        [*where.params, limit + 1, offset],
    )
    rows, total, more = _paged(store, rows, limit, offset, f"SELECT 1 FROM rejects r{where.sql()}",
                               where.params, count)
    keys = ("id", "origin", "reason", "detail", "raw_hash", "at")
    return Page([dict(zip(keys, r)) for r in rows], total, limit, offset, more)
