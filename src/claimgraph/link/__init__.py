"""The link stage: events across documents, independent sources, contradictions.

>>> from claimgraph.model import Claim, Document
>>> docs = [Document(id="d1", text="One.", outlet="A"), Document(id="d2", text="Two.", outlet="B")]
>>> claims = [Claim(id=f"c{i}", document_id=d, type="ATTACK", text="", start=0, end=0, source="person:x",
...                 roles={"actor": ["gpe:ru"], "target": [], "instrument": [], "location": [],
...                        "recipient": [], "subject": []})
...           for i, d in enumerate(["d1", "d2"])]
>>> for c in claims:
...     c.time.start = c.time.end = "2024-01-02"; c.time.basis = "event"
>>> events, contradictions = link(docs, claims, {})
>>> [(e.document_ids, e.independent_sources) for e in events]
[(['d1', 'd2'], 1)]
"""

from __future__ import annotations

from ..model import Claim, Contradiction, Document, Entity, Event
from ..settings import Settings
from .compare import Entities, trusted
from .contradictions import find_contradictions
from .events import attach_denials, build_events
from .copies import near_duplicate_groups
from .independence import SourceCounter, outlet_source_id, pseudo_source_entities

__all__ = ["link", "near_duplicate_groups", "outlet_source_id", "pseudo_source_entities"]


def link(documents: list[Document], claims: list[Claim], entities: dict[str, Entity], *,
         roots: dict[str, str] | None = None,
         near_duplicate_threshold: float | None = None,
         min_confidence: float | None = None) -> tuple[list[Event], list[Contradiction]]:
    """Group claims into events, count their independent sources, find contradictions.

    Run on all stored claims after each ingest; the output depends only on the input
    (ids are hashes of claim ids), so re-running changes nothing.

    :param documents: every stored document (outlets, publication dates, texts for near-copies).
    :param claims: every stored claim.
    :param entities: entity id -> Entity (weapon attrs, coordinates, metonyms).
    :param roots: document id -> near-copy group root, if already computed; otherwise
        :func:`near_duplicate_groups` runs on ``documents``.
    :param near_duplicate_threshold: MinHash Jaccard for near-copies (default: settings).
    :param min_confidence: claims under it take no part (default: the calibrated threshold).
    :returns: (events sorted by id, contradictions sorted by id). Event ``sources`` may
        hold pseudo ids ``outlet:<slug>`` / ``doc:<id>``; :func:`pseudo_source_entities`
        makes SOURCE entities for them.
    """
    if roots is None:
        threshold = near_duplicate_threshold or Settings.from_env().near_duplicate_threshold
        roots = near_duplicate_groups(documents, threshold=threshold)
    if not isinstance(entities, dict):  # a list from a store that returns rows
        entities = {e.id: e for e in entities}
    ents = Entities(entities)
    counter = SourceCounter(documents, ents, roots)
    # input order must not change the output
    ordered = sorted(trusted(claims, min_confidence), key=lambda c: c.id)
    events = build_events(ordered, ents, counter)
    contradictions = find_contradictions(ordered, events, ents, counter, documents)
    attach_denials(events, contradictions, {c.id: c for c in ordered})
    return events, contradictions
