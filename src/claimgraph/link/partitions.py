"""Several linkers at once on PostgreSQL: each link locks only the partitions it reads.

An incremental link (:mod:`.incremental`) reads a neighbourhood of the store and rewrites
it. Two links may run at the same time when neither reads what the other writes, so each
takes transaction-scoped advisory locks on the partitions of everything it reads:

* ``entity:ID`` for every entity named (in a role, as source or via) by every claim it
  reads: its new claims, the stored claims near them, every claim of the stored events
  those belong to, the opposing claims. A claim that names nothing locks
  ``document:ID`` instead.
* ``document:ID`` for its own documents, for the members of the near-copy groups it reads
  and rewrites, and for other linkers' documents whose claims it met still unlinked (and
  left out: their link, later, sees this one).
* ``band:B:K`` for its new documents' near-copy band buckets, so two new copies of one
  story, linked at once, meet.

Why these suffice: two links conflict only through a claim both read (one rewrites its
event or contradictions while the other reads them), or through a document both read (one
changes its near-copy root). A claim both read gives both the same entity partitions; a
document, the same document partition. Locking only the keys of the new document's own
claims would not do: a stored event holding a claim about Kharkiv and one about a Shahed
drone is rebuilt by a new Kharkiv article and by a new Shahed article alike.

The documents one ingest stored are linked together, as by the single writer of SQLite
(the same link, the same events). What a link reads is known only once it has read it, so
they are linked in rounds:
lock what is known (their own claims' partitions at first), read, and when the reads touch a
partition not held, end the transaction and start again holding that one too. The locks
are taken in ascending order, in one statement at the start of the transaction, so two
linkers never deadlock. A full link (``claimgraph relink``, a first ingest) holds the
store's link lock alone, and every partitioned link holds it shared. An incremental link
that finds no other link at work takes it alone as well, without waiting, and reads once:
a single process links as fast as before; the rounds are paid only when linkers meet.
"""

from __future__ import annotations

import hashlib
from collections.abc import Iterable

from ..model import Claim, Entity
from .compare import Entities
from .incremental import LinkDelta, LinkPlan, apply_link, plan_link


def partition_lock(key: str) -> int:
    """A stable 32-bit lock number for a partition (the same in every process and release).

    >>> partition_lock("entity:gpe:russia") == partition_lock("entity:gpe:russia")
    True
    >>> -2**31 <= partition_lock("band:3:17") < 2**31
    True
    """
    return int.from_bytes(hashlib.blake2b(key.encode("utf-8"), digest_size=4).digest(), "big", signed=True)


def named_entities(claim: Claim) -> set[str]:
    """Every entity a claim names: in its roles, as its source, as a source it came through."""
    named = {eid for ids in claim.roles.values() for eid in ids or ()}
    named.update(i for i in (claim.source, *claim.via) if i)
    return named


def claim_partitions(claim: Claim) -> set[str]:
    """The partitions a link that reads ``claim`` locks.

    >>> from claimgraph.model import Claim
    >>> sorted(claim_partitions(Claim("c", "d", "ATTACK", "", 0, 0, roles={"actor": ["gpe:x"]}, source="p:y")))
    ['entity:gpe:x', 'entity:p:y']
    >>> claim_partitions(Claim("c", "d", "ATTACK", "", 0, 0))
    {'document:d'}
    """
    return {f"entity:{eid}" for eid in named_entities(claim)} or {f"document:{claim.document_id}"}


def plan_partitions(plan: LinkPlan) -> set[str]:
    """The partitions of everything ``plan`` read (see the module docstring)."""
    scope = plan.scope
    documents = {*plan.document_ids, *plan.roots, *plan.roots.values(), *scope.unlinked_documents}
    keys = {f"document:{d}" for d in documents}
    keys.update(f"band:{band}:{bucket}" for _doc, _blob, bands in plan.signatures for band, bucket in bands)
    for claim in scope.read:
        keys |= claim_partitions(claim)
    return keys


def _first_guess(store, document_ids: list[str]) -> set[str]:
    keys = {f"document:{d}" for d in document_ids}
    for claim in store.claims_of_documents(document_ids):
        keys |= claim_partitions(claim)
    return keys


def link_documents(store, document_ids: list[str], entities: dict[str, Entity], threshold: float,
                   min_confidence: float | None = None, *, alone_with: Iterable[str] = ()) -> LinkDelta | None:
    """Link stored documents together, as one incremental link: alone when no other link
    runs (one read, as the single writer of SQLite; then ``alone_with`` too, other
    processes' pending documents: fewer, larger links), else holding the locks of the
    partitions it reads. Those another process linked meanwhile are left out (None when
    that is all of them). ``entities`` gains those named by claims that other linkers
    stored after it was read."""
    with store.link_alone() as alone:
        if alone:
            everything = sorted({*document_ids, *alone_with})
            plan = _plan_unlinked(store, everything, entities, threshold, min_confidence)
            if plan is not None and _learn_unknown(store, plan, entities, set()):
                plan = _plan_unlinked(store, everything, entities, threshold, min_confidence)
            return None if plan is None else apply_link(store, plan, Entities(entities))
    held = _first_guess(store, document_ids)
    asked: set[str] = set()
    while True:
        with store.partitions({partition_lock(k) for k in held}):
            plan = _plan_unlinked(store, document_ids, entities, threshold, min_confidence)
            if plan is None:
                return None
            needed = plan_partitions(plan)
            if needed <= held and not _learn_unknown(store, plan, entities, asked):
                return apply_link(store, plan, Entities(entities))
        # nothing was written: read again holding every partition met (and knowing every entity)
        held |= needed


def _plan_unlinked(store, document_ids: list[str], entities: dict[str, Entity], threshold: float,
                   min_confidence: float | None) -> LinkPlan | None:
    unlinked = sorted(set(document_ids) - set(store.signatures(document_ids)))
    if not unlinked:
        return None
    return plan_link(store, unlinked, Entities(entities), threshold, min_confidence, others_unlinked=True)


def _learn_unknown(store, plan: LinkPlan, entities: dict[str, Entity], asked: set[str]) -> bool:
    """Add to ``entities`` those named by the claims read but not known (stored by another
    process after they were read; each id asked once, as a claim may name one never
    stored): whether any was found."""
    unknown = _unknown_entities(plan.scope.read, entities) - asked
    found = store.entities_by_ids(unknown) if unknown else {}
    entities.update(found)
    asked |= unknown
    return bool(found)


def _unknown_entities(claims: Iterable[Claim], entities: dict[str, Entity]) -> set[str]:
    return {eid for claim in claims for eid in named_entities(claim) if eid not in entities}
