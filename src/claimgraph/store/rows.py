"""Rows <-> dataclasses: the column lists every read selects, and the one mapper per table.

Every module of the store (and nothing outside it) builds SQL from these, so a column
added to a table is added here once.

    >>> claim_from_row(claim_row(Claim(id="c", document_id="d", type="ATTACK", text="x", start=0, end=1))).id
    'c'
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import fields
from datetime import datetime, timezone
from typing import Any

from claimgraph.model import ROLE_NAMES, Claim, Contradiction, Document, Entity, Event, Quantity, Reject, TimeSpan

# SQLite's default limit on host parameters is 999 in old builds; stay well below.
IN_CHUNK = 500

DOCUMENT_COLUMNS = (
    "d.id, d.raw_hash, d.path, d.url, d.outlet, d.title, d.byline, d.published, d.language,"
    " d.text, d.dup_of"
)
# Documents in a list are summaries: the text only comes with one document.
DOCUMENT_SUMMARY_COLUMNS = DOCUMENT_COLUMNS.replace("d.text", "''")
CLAIM_COLUMNS = (
    "c.id, c.document_id, c.type, c.text, c.char_start, c.char_end, c.source, c.via,"
    " c.polarity, c.modality, c.time_start, c.time_end, c.time_text, c.time_basis,"
    " c.quantities, c.roles, c.trigger, c.attribute, c.sentence, c.confidence"
)
EVENT_COLUMNS = (
    "e.id, e.type, e.time_start, e.time_end, e.time_text, e.roles, e.sources, e.document_ids,"
    " e.independent_sources, e.label"
)
ENTITY_COLUMNS = "n.id, n.name, n.type, n.aliases, n.lat, n.lon, n.country, n.attrs"
CONTRADICTION_COLUMNS = "x.id, x.kind, x.about, x.reason, x.claim_ids, x.details"
REJECT_COLUMNS = "r.origin, r.reason, r.detail, r.raw_hash"
# Documents in a stable order that does not depend on when they were ingested:
# the same inputs give the same export.
DOCUMENT_ORDER = "COALESCE(d.path, d.url, ''), d.id"
QUANTITY_FIELDS = {f.name for f in fields(Quantity)}


def utc_now() -> str:
    return datetime.now(timezone.utc).isoformat(timespec="seconds")


def dumps(value: Any) -> str:
    return json.dumps(value, ensure_ascii=False, sort_keys=True)


def chunks(items: Sequence[str], size: int = IN_CHUNK) -> Iterator[Sequence[str]]:
    for i in range(0, len(items), size):
        yield items[i : i + size]


def placeholders(n: int) -> str:
    return ",".join("?" * n)


def ids_param(ids: Iterable[str]) -> str:
    """A set of ids as ONE parameter, read in SQL with ``IN (SELECT value FROM json_each(?))``:
    however many ids, one statement and no host-parameter limit."""
    return json.dumps(sorted(set(ids)))


IN_IDS = "IN (SELECT value FROM json_each(?))"


def escape_like(text: str) -> str:
    return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")


def like(word: str) -> str:
    """A LIKE pattern (with ``ESCAPE '\\'``) for text containing ``word``."""
    return "%" + escape_like(word) + "%"


def full_roles(roles: dict[str, list[str]] | None) -> dict[str, list[str]]:
    roles = roles or {}
    if all(name in roles for name in ROLE_NAMES):
        return roles  # as stored: reading 10k claims should not copy every list
    full = {name: list(roles.get(name) or []) for name in ROLE_NAMES}
    full.update({k: list(v) for k, v in roles.items() if k not in full})  # keep extra roles
    return full


# -- claims ----------------------------------------------------------------------------


def claim_row(c: Claim) -> tuple:
    t = c.time or TimeSpan()
    return (
        c.id, c.document_id, c.type, c.text, c.start, c.end, c.source, dumps(list(c.via)),
        c.polarity, c.modality, t.start, t.end, t.text, t.basis,
        dumps([q.to_dict() for q in c.quantities]), dumps(full_roles(c.roles)),
        c.trigger, c.attribute, c.sentence, c.confidence,
    )


def claim_entity_rows(c: Claim) -> Iterator[tuple[str, str, str]]:
    for role, ids in (c.roles or {}).items():
        for entity_id in ids:
            yield c.id, role, entity_id
    if c.source:
        yield c.id, "source", c.source
    for entity_id in c.via:
        yield c.id, "via", entity_id


def claim_from_row(r: Sequence[Any]) -> Claim:
    quantities = [Quantity(**{k: v for k, v in q.items() if k in QUANTITY_FIELDS}) for q in json.loads(r[14])]
    return Claim(
        id=r[0], document_id=r[1], type=r[2], text=r[3], start=r[4], end=r[5], source=r[6],
        via=json.loads(r[7]), polarity=r[8], modality=r[9],
        time=TimeSpan(start=r[10], end=r[11], text=r[12], basis=r[13]),
        quantities=quantities, roles=full_roles(json.loads(r[15])),
        trigger=r[16], attribute=r[17], sentence=r[18], confidence=r[19] if len(r) > 19 else 1.0,
    )


def claim_entity_ids(claims: Iterable[Claim]) -> set[str]:
    """Every entity id a set of claims refers to (roles, source, via)."""
    found: set[str] = set()
    for c in claims:
        for ids in c.roles.values():
            found.update(ids)
        if c.source:
            found.add(c.source)
        found.update(c.via)
    return found


# -- documents, entities, events, contradictions -----------------------------------------


def document_from_row(r: Sequence[Any]) -> Document:
    return Document(
        id=r[0], raw_hash=r[1], path=r[2], url=r[3], outlet=r[4], title=r[5], byline=r[6],
        published=r[7], language=r[8], text=r[9], dup_of=r[10],
    )


def document_summary(doc: Document, snippet: str | None = None) -> dict[str, Any]:
    """What a list shows of a document: everything but its text (and the matching words)."""
    summary = {"id": doc.id, "path": doc.path, "url": doc.url, "outlet": doc.outlet, "title": doc.title,
               "byline": doc.byline, "published": doc.published, "language": doc.language, "dup_of": doc.dup_of}
    if snippet is not None:
        summary["snippet"] = snippet
    return summary


def entity_row(e: Entity) -> tuple:
    return (e.id, e.name, e.type, dumps(sorted(set(e.aliases))), e.lat, e.lon, e.country, dumps(e.attrs))


def entity_from_row(r: Sequence[Any]) -> Entity:
    return Entity(
        id=r[0], name=r[1], type=r[2], aliases=json.loads(r[3]), lat=r[4], lon=r[5],
        country=r[6], attrs=json.loads(r[7]),
    )


def event_row(e: Event) -> tuple:
    t = e.time or TimeSpan()
    return (
        e.id, e.type, t.start, t.end, t.text, dumps(full_roles(e.roles)), dumps(list(e.sources)),
        dumps(list(e.document_ids)), int(e.independent_sources), e.label,
    )


def event_from_row(r: Sequence[Any], claim_ids: list[str]) -> Event:
    return Event(
        id=r[0], type=r[1], time=TimeSpan(start=r[2], end=r[3], text=r[4]), roles=json.loads(r[5]),
        sources=json.loads(r[6]), document_ids=json.loads(r[7]), independent_sources=r[8],
        label=r[9], claim_ids=claim_ids,
    )


def event_entity_ids(events: Iterable[Event]) -> set[str]:
    """Every entity id a set of events names (roles and independent sources)."""
    ids: set[str] = set()
    for e in events:
        for role_ids in e.roles.values():
            ids.update(role_ids)
        ids.update(e.sources)
    return ids


def contradiction_row(c: Contradiction) -> tuple:
    return (c.id, c.kind, c.about or "", c.reason or "", dumps(list(c.claim_ids)), dumps(c.values))


def contradiction_from_row(r: Sequence[Any]) -> Contradiction:
    """A ``Contradiction`` from a row of :data:`CONTRADICTION_COLUMNS`."""
    return Contradiction(id=r[0], kind=r[1], about=r[2], reason=r[3], claim_ids=json.loads(r[4]),
                         values=json.loads(r[5]) if len(r) > 5 and r[5] else [])


def reject_from_row(r: Sequence[Any]) -> Reject:
    """A ``Reject`` from a row of :data:`REJECT_COLUMNS`."""
    return Reject(origin=r[0], reason=r[1], detail=r[2], raw_hash=r[3])
