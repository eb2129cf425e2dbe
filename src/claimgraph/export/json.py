"""The JSON export: the contract other tools read (DESIGN.md, "The export contract").

Fields may be added, never renamed or removed. ``contract_errors`` checks a dict
against the contract, so every test (and a user's CI) can pin it.

    >>> from claimgraph.store import Store
    >>> with Store(":memory:") as store:
    ...     sorted(export_json(store))
    ['claims', 'contradictions', 'documents', 'entities', 'events', 'schema']
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from typing import IO, Any

from claimgraph.extract.confidence import floor
from claimgraph.model import ROLE_NAMES, Claim, Contradiction, Document, Entity, Event, Quantity

SCHEMA = "claimgraph/1"
QUANTITY_KEYS = ("text", "value", "low", "high", "unit", "approx", "of")


def export_json(store: Any, min_confidence: float | None = None) -> dict[str, Any]:
    """Everything in ``store`` as one JSON-ready dict, in a deterministic order.

    :param store: a ``claimgraph.store.Store`` (anything with the same read methods).
    :param min_confidence: leave out claims less sure than this (None: the calibrated
        default; 0 keeps every claim). Events and contradictions hold only claims that
        were sure enough when they were linked.
    """
    return {
        "schema": SCHEMA,
        "documents": [document_json(d) for d in store.documents()],
        "entities": [entity_json(e) for _, e in sorted(store.entities().items())],
        "claims": [claim_json(c) for c in store.claims(min_confidence=floor(min_confidence))],
        "events": [event_json(e) for e in sorted(store.events(), key=lambda e: e.id)],
        "contradictions": [contradiction_json(c) for c in sorted(store.contradictions(), key=lambda c: c.id)],
    }


def write_json(store: Any, stream: IO[str], indent: int | None = 2) -> None:
    """Write ``export_json(store)`` to a text stream (UTF-8 text kept readable)."""
    json.dump(export_json(store), stream, ensure_ascii=False, indent=indent)
    stream.write("\n")


def iter_json_text(store: Any, min_confidence: float | None = None) -> Iterator[str]:
    """The same export as text, a section and a record at a time, one record per line.

    The store is read in chunks (``Store.iter_*``), so a database of a million claims is
    exported in the memory of a few thousand.

    >>> from claimgraph.store import Store
    >>> with Store(":memory:") as store:
    ...     json.loads("".join(iter_json_text(store)))["claims"]
    []
    """
    lowest = floor(min_confidence)
    sections = (
        ("documents", (document_json(d) for d in store.iter_documents())),
        ("entities", (entity_json(e) for _, e in sorted(store.entities().items()))),
        ("claims", (claim_json(c) for c in store.iter_claims() if c.confidence >= lowest)),
        ("events", (event_json(e) for e in store.iter_events())),
        ("contradictions", (contradiction_json(c) for c in store.iter_contradictions())),
    )
    yield "{\n" + f' "schema": {json.dumps(SCHEMA)}'
    for name, records in sections:
        yield f',\n "{name}": ['
        separator = "\n  "
        for record in records:
            yield separator + json.dumps(record, ensure_ascii=False)
            separator = ",\n  "
        yield "\n ]" if separator != "\n  " else "]"
    yield "\n}\n"


def document_json(d: Document) -> dict[str, Any]:
    return {
        "id": d.id, "path": d.path, "url": d.url, "outlet": d.outlet, "title": d.title,
        "byline": d.byline, "published": d.published, "language": d.language, "text": d.text,
        "dup_of": d.dup_of,
    }


def entity_json(e: Entity) -> dict[str, Any]:
    return {
        "id": e.id, "name": e.name, "type": e.type, "aliases": sorted(e.aliases),
        "lat": e.lat, "lon": e.lon, "country": e.country, "attrs": dict(e.attrs),
    }


def claim_json(c: Claim) -> dict[str, Any]:
    return {
        "id": c.id, "document_id": c.document_id, "type": c.type, "text": c.text,
        "start": c.start, "end": c.end,
        "roles": roles_json(c.roles),
        "source": c.source, "via": list(c.via),
        "polarity": c.polarity, "modality": c.modality,
        "time": {"start": c.time.start, "end": c.time.end, "text": c.time.text, "basis": c.time.basis},
        "quantities": [quantity_json(q) for q in c.quantities],
        "trigger": c.trigger, "attribute": c.attribute, "sentence": c.sentence,
        "confidence": c.confidence,
    }


def quantity_json(q: Quantity) -> dict[str, Any]:
    return {key: getattr(q, key) for key in QUANTITY_KEYS}


def roles_json(roles: dict[str, list[str]] | None) -> dict[str, list[str]]:
    """All six contract roles always present (extra roles kept after them)."""
    roles = roles or {}
    out = {name: list(roles.get(name) or []) for name in ROLE_NAMES}
    out.update({k: list(v) for k, v in sorted(roles.items()) if k not in out})
    return out


def event_json(e: Event) -> dict[str, Any]:
    return {
        "id": e.id, "type": e.type, "claim_ids": list(e.claim_ids), "document_ids": list(e.document_ids),
        "time": {"start": e.time.start, "end": e.time.end, "text": e.time.text},
        "roles": roles_json(e.roles), "sources": list(e.sources),
        "independent_sources": int(e.independent_sources), "label": e.label,
    }


def contradiction_json(c: Contradiction) -> dict[str, Any]:
    return {"id": c.id, "kind": c.kind, "claim_ids": list(c.claim_ids), "about": c.about, "reason": c.reason,
            "values": [dict(v) for v in c.values]}


# -- the contract, checked -------------------------------------------------------

STR, OPT_STR, INT, OPT_NUM, LIST, DICT, BOOL = "str", "str|null", "int", "number|null", "list", "dict", "bool"

CONTRACT: dict[str, dict[str, str]] = {
    "documents": {"id": STR, "path": OPT_STR, "url": OPT_STR, "outlet": OPT_STR, "title": OPT_STR,
                  "byline": OPT_STR, "published": OPT_STR, "language": OPT_STR, "text": STR},
    "entities": {"id": STR, "name": STR, "type": STR, "aliases": LIST, "lat": OPT_NUM, "lon": OPT_NUM},
    "claims": {"id": STR, "document_id": STR, "type": STR, "text": STR, "start": INT, "end": INT,
               "roles": DICT, "source": OPT_STR, "via": LIST, "polarity": STR, "modality": STR,
               "time": DICT, "quantities": LIST},
    "events": {"id": STR, "type": STR, "claim_ids": LIST, "document_ids": LIST, "time": DICT,
               "roles": DICT, "sources": LIST, "independent_sources": INT},
    "contradictions": {"id": STR, "kind": STR, "claim_ids": LIST, "about": STR},
}
QUANTITY_CONTRACT = {"text": STR, "value": OPT_NUM, "low": OPT_NUM, "high": OPT_NUM,
                     "unit": OPT_STR, "approx": BOOL, "of": OPT_STR}
POLARITIES = ("asserted", "denied")
MODALITIES = ("fact", "reported", "likely", "possible", "planned")
CONTRADICTION_KINDS = ("quantity", "time", "polarity", "category")


def _type_ok(value: Any, expected: str) -> bool:
    if expected == STR:
        return isinstance(value, str)
    if expected == OPT_STR:
        return value is None or isinstance(value, str)
    if expected == INT:
        return isinstance(value, int) and not isinstance(value, bool)
    if expected == OPT_NUM:
        return value is None or (isinstance(value, (int, float)) and not isinstance(value, bool))
    if expected == BOOL:
        return isinstance(value, bool)
    return isinstance(value, list if expected == LIST else dict)


def _fields_errors(where: str, obj: Any, contract: dict[str, str]) -> list[str]:
    if not isinstance(obj, dict):
        return [f"{where}: not an object"]
    errors = []
    for key, expected in contract.items():
        if key not in obj:
            errors.append(f"{where}: missing {key!r}")
        elif not _type_ok(obj[key], expected):
            errors.append(f"{where}.{key}: {obj[key]!r} is not {expected}")
    return errors


def contract_errors(data: dict[str, Any]) -> list[str]:
    """Every way ``data`` breaks the export contract (empty list: it conforms).

    Checks keys and types, the six role keys, enumerations, the evidence offsets
    (``text[start:end]`` of the document equals the claim's ``text``) and that every
    reference (document, claim, entity id) resolves.

    >>> contract_errors({"schema": "claimgraph/1", "documents": [], "entities": [],
    ...                  "claims": [], "events": [], "contradictions": []})
    []
    """
    if data.get("schema") != SCHEMA:
        return [f"schema is {data.get('schema')!r}, not {SCHEMA!r}"]
    errors: list[str] = []
    for section, contract in CONTRACT.items():
        items = data.get(section)
        if not isinstance(items, list):
            errors.append(f"{section}: missing or not a list")
            continue
        for i, obj in enumerate(items):
            errors += _fields_errors(f"{section}[{i}]", obj, contract)
    if errors:
        return errors
    docs = {d["id"]: d for d in data["documents"]}
    claims = {c["id"] for c in data["claims"]}
    entities = {e["id"] for e in data["entities"]}
    for i, c in enumerate(data["claims"]):
        errors += _claim_errors(f"claims[{i}]", c, docs, entities)
    for i, e in enumerate(data["events"]):
        errors += _event_errors(f"events[{i}]", e, docs, claims, entities)
    for i, c in enumerate(data["contradictions"]):
        if c["kind"] not in CONTRADICTION_KINDS:
            errors.append(f"contradictions[{i}].kind: {c['kind']!r}")
        errors += [f"contradictions[{i}]: unknown claim {x!r}" for x in c["claim_ids"] if x not in claims]
    return errors


def _claim_errors(where: str, c: dict[str, Any], docs: dict[str, Any], entities: set[str]) -> list[str]:
    errors = _roles_errors(where, c["roles"], entities)
    doc = docs.get(c["document_id"])
    if doc is None:
        errors.append(f"{where}: unknown document {c['document_id']!r}")
    elif doc["text"][c["start"] : c["end"]] != c["text"]:
        errors.append(f"{where}: document text[{c['start']}:{c['end']}] is not the claim text")
    if c["polarity"] not in POLARITIES:
        errors.append(f"{where}.polarity: {c['polarity']!r}")
    if c["modality"] not in MODALITIES:
        errors.append(f"{where}.modality: {c['modality']!r}")
    refs = ([c["source"]] if c["source"] else []) + list(c["via"])
    errors += [f"{where}: unknown entity {r!r}" for r in refs if r not in entities]
    errors += _fields_errors(f"{where}.time", c["time"], {"start": OPT_STR, "end": OPT_STR, "text": OPT_STR})
    for j, q in enumerate(c["quantities"]):
        errors += _fields_errors(f"{where}.quantities[{j}]", q, QUANTITY_CONTRACT)
    return errors


def _event_errors(
    where: str, e: dict[str, Any], docs: dict[str, Any], claims: set[str], entities: set[str]
) -> list[str]:
    errors = _roles_errors(where, e["roles"], entities, require_all=False)
    errors += _fields_errors(f"{where}.time", e["time"], {"start": OPT_STR, "end": OPT_STR})
    errors += [f"{where}: unknown claim {x!r}" for x in e["claim_ids"] if x not in claims]
    errors += [f"{where}: unknown document {x!r}" for x in e["document_ids"] if x not in docs]
    errors += [f"{where}: unknown source entity {x!r}" for x in e["sources"] if x not in entities]
    return errors


def _roles_errors(where: str, roles: dict[str, Any], entities: set[str], require_all: bool = True) -> list[str]:
    errors = []
    for name in ROLE_NAMES:
        if name not in roles and require_all:
            errors.append(f"{where}.roles: missing {name!r}")
    for name, ids in roles.items():
        if not isinstance(ids, list):
            errors.append(f"{where}.roles.{name}: not a list")
            continue
        errors += [f"{where}.roles.{name}: unknown entity {x!r}" for x in ids if x not in entities]
    return errors
