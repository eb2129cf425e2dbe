"""Relink only the neighbourhood of new documents, so an ingest costs what it adds.

A full link (:func:`claimgraph.link.link`) reads every stored claim: right for a
first ingest or ``claimgraph relink``, minutes at 100,000 claims. After an ingest into
a linked database, :func:`link_new_documents` instead:

1. **Near-copies.** Signs the new documents and compares them only with stored
   documents sharing an LSH band bucket (an index lookup). A copy joins the stored
   group; if it is the earlier publication it becomes the root, and the whole group's
   claims enter the scope (their source counts may change).
2. **Scope.** The new documents' claims; stored claims that name an entity linked
   to theirs (the same party, a place in the same or a neighbouring map cell, a weapon
   of the same maker and kind) dated within ``WINDOW_DAYS`` of them; then every claim
   of every stored event holding one of those, so events are rebuilt whole; and the
   stored PROPERTY claims about a related weapon, whenever. Besides the scope, the
   *opposing* claims of the same proposition are read: stored denials dated late
   enough to answer a new claim, and for a new denial the assertions it may pick
   (:func:`nearest_assertions`).
3. **Events.** The new documents are grouped within themselves as in a full link;
   each stored event in scope enters as one group, as it stands; near-copies and the
   cross-document pass then merge exactly as in a full link.
4. **Contradictions** are found among the scope's claims and events, and between
   the new claims and the opposing ones. A stored contradiction whose claims all lie
   in the scope is replaced by what is found now; one that reaches outside is kept.

Two deliberate differences from a full link: a stored event is never split by a later
article (a full relink may re-decide with hindsight), and a stored denial that gains a
new target keeps its old ones, so it may exceed ``MAX_DENIAL_TARGETS`` until the next
``claimgraph relink``.
Everything is written in one transaction, together with the signatures that mark the
documents as linked, so a kill mid-link leaves them unlinked and the next run links them.
"""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from dataclasses import dataclass, field
from typing import Iterable

from ..model import Claim, Contradiction, Document, Entity, Event
from ..store.protocols import LinkStore
from .compare import Entities, config, event_interval, report_bound, trusted
from .contradictions import (DENIAL_LEAD_DAYS, MAX_DENIAL_TARGETS, MAX_TIME_GAP_DAYS, POLARITY_ROLES, day_span,
                             find_contradictions, max_proposition_score, polarity_contradictions, polarity_keys,
                             proposition_score)
from .copies import band_keys, root_order, signature, signature_bytes, signature_from_bytes, similarity
from .events import (GRID_DEGREES, attach_denials, build_event, group_across_documents, group_of_claim,
                     group_of_claims, group_within_documents, is_event_claim, merge_copies, specific_fillers)
from .independence import SourceCounter

# Claims further apart than this can neither merge (dates must overlap, a report-dated
# claim looks back two days) nor disagree on time (a week at most).
WINDOW_DAYS = MAX_TIME_GAP_DAYS
# Days around a new denial read for its targets before the whole store is (a month, a year).
DENIAL_RADII = (31, 366)


@dataclass
class LinkDelta:
    """What an incremental link changed."""

    added_events: list[Event] = field(default_factory=list)  # new or rebuilt (possibly same id)
    removed_event_ids: set[str] = field(default_factory=set)  # replaced and not rebuilt with that id
    added_contradictions: list[Contradiction] = field(default_factory=list)
    removed_contradiction_ids: set[str] = field(default_factory=set)
    documents: int = 0
    scope_claims: int = 0


def band_layout(threshold: float) -> str:
    """What stored band keys were cut for: keys cut for another threshold never match."""
    return f"minhash128@{threshold:g}"


def signature_rows(documents: Iterable[Document], threshold: float,
                   known: dict[str, bytes] | None = None) -> tuple[list[tuple], dict]:
    """(rows for the store, signatures by document id); ``known`` bytes are reused, not rehashed."""
    rows, sigs = [], {}
    known = known or {}
    for doc in documents:
        blob = known.get(doc.id)
        sig = signature_from_bytes(blob) if blob else (signature(doc.text) if blob is None else None)
        sigs[doc.id] = sig
        rows.append((doc.id, signature_bytes(sig) if sig is not None else None,
                     band_keys(sig, threshold) if sig is not None else []))
    return rows, sigs


# ---------------------------------------------------------------- near-copies


def attach_near_copies(store: LinkStore, new_docs: list[Document], threshold: float) -> tuple[dict[str, str], list[tuple]]:
    """Near-copy roots for the new documents and every member of the groups they join
    (document id -> root), and the signature rows to store for the new documents."""
    rows, sigs = signature_rows(new_docs, threshold)
    parent: dict[str, str] = {}

    def find(x: str) -> str:
        parent.setdefault(x, x)
        while parent[x] != x:
            parent[x] = parent[parent[x]]
            x = parent[x]
        return x

    matches: dict[str, set[str]] = defaultdict(set)
    for doc_id, _blob, keys in rows:
        if not keys:
            continue
        candidates = store.documents_in_buckets(keys)
        stored = store.signatures(candidates)
        for other in sorted(candidates):
            blob = stored.get(other)
            if blob and similarity(sigs[doc_id], signature_from_bytes(blob)) >= threshold:
                matches[doc_id].add(other)
    # among the new documents themselves (a batch may hold a story and its copy)
    for i, (a, _b, keys_a) in enumerate(rows):
        for b, _bb, keys_b in rows[i + 1:]:
            if set(keys_a) & set(keys_b) and similarity(sigs[a], sigs[b]) >= threshold:
                matches[a].add(b)
    stored_roots = store.near_copy_roots({o for others in matches.values() for o in others})
    for doc_id, root in stored_roots.items():
        parent[find(doc_id)] = find(root)
    for doc in new_docs:
        find(doc.id)
        for other in matches.get(doc.id, ()):
            parent[find(other)] = find(doc.id)
        if doc.dup_of:
            parent[find(doc.id)] = find(doc.dup_of)
    members = defaultdict(list)
    for doc_id in list(parent):
        members[find(doc_id)].append(doc_id)
    meta = store.documents_by_ids(parent, with_text=False)
    meta.update({d.id: d for d in new_docs})
    roots: dict[str, str] = {}
    for group in members.values():
        root = min(group, key=lambda d: root_order(meta[d]) if d in meta else ("9999", d))
        roots.update({d: root for d in group})
    return roots, rows


# ---------------------------------------------------------------- scope


class _RelatedEntities:
    """Entities the link stage could treat as the same or near (the blocking keys of
    :mod:`.events`, looked up the other way round)."""

    def __init__(self, ents: Entities):
        self.ents = ents
        self.by_key: dict[tuple, set[str]] = defaultdict(set)
        for eid in ents.by_id:
            for key in self._keys(eid):
                self.by_key[key].add(eid)

    def _keys(self, eid: str, neighbours: bool = False) -> set[tuple]:
        keys = {("e", self.ents.canon(eid))}
        e = self.ents.get(eid)
        if e is None:
            return keys
        if e.attrs.get("origin") or e.attrs.get("kind"):
            keys.add(("w", e.attrs.get("origin"), e.attrs.get("kind")))
        if e.type == "WEAPON" and e.attrs.get("origin"):
            keys.add(("o", e.attrs["origin"]))
        if e.lat is not None and e.lon is not None:
            row, col = round(e.lat / GRID_DEGREES), round(e.lon / GRID_DEGREES)
            spread = (-1, 0, 1) if neighbours else (0,)
            keys.update(("g", row + dr, col + dc) for dr in spread for dc in spread)
        return keys

    def same(self, eid: str) -> set[str]:
        """``eid`` and the entities standing for the same party ("Moscow" acting is Russia)."""
        return {eid} | self.by_key.get(("e", self.ents.canon(eid)), set())

    def of(self, eid: str, *, same_maker: bool = False) -> set[str]:
        """``eid`` and the entities sharing a key with it; ``same_maker`` adds every weapon
        of its maker (a generic "North Korean missile" may be any of them)."""
        related = {eid}
        for key in self._keys(eid, neighbours=True):
            if key[0] != "o" or same_maker:
                related |= self.by_key.get(key, set())
        return related


def _shift(day: str, days: int) -> str:
    return (dt.date.fromisoformat(day[:10]) + dt.timedelta(days=days)).isoformat()


def claim_window(claim: Claim) -> tuple[str, str] | None:
    """The days a claim's partners can lie in, or None for a claim without a date."""
    interval = event_interval(claim)
    bound = report_bound(claim)
    try:
        if interval is not None:
            return _shift(interval[0], -WINDOW_DAYS), _shift(interval[1], WINDOW_DAYS)
        if bound is not None:
            return _shift(bound, -WINDOW_DAYS), _shift(bound, WINDOW_DAYS)
    except (ValueError, OverflowError):
        pass  # a malformed or out-of-range date links nothing across documents
    return None


def _named(claim: Claim, ents: Entities) -> set[str]:
    ids = {eid for ids in claim.roles.values() for eid in ids or ()}
    if claim.source and not ents.is_anonymous_source(claim.source):
        ids.add(claim.source)
    return ids


def neighbourhood(store: LinkStore, new_claims: list[Claim], ents: Entities, related: _RelatedEntities) -> set[str]:
    """Ids of stored claims dated near the new claims that name a related entity (step 2).

    One query for the whole article: its claims' windows and entities are united, which
    reads each busy entity's index once (the link re-checks every pair anyway)."""
    found = _undated_neighbourhood(store, new_claims, ents)
    windows = [w for w in (claim_window(c) for c in new_claims if _named(c, ents)) if w is not None]
    names = _expand(set().union(*(_named(c, ents) for c in new_claims if claim_window(c))), related)
    if not windows or not names:
        return found
    return found | store.claim_ids_naming(names, since=min(w[0] for w in windows), until=max(w[1] for w in windows))


def _undated_neighbourhood(store: LinkStore, new_claims: list[Claim], ents: Entities) -> set[str]:
    """Stored claims of the event types that name a party or place an undated new claim
    names by name (what ``events.candidate_pairs`` pairs an undated group with)."""
    undated = [c for c in new_claims if claim_window(c) is None and is_event_claim(c)]
    supplies = set(config().get("supply_families") or ())  # where states count (events.undated_fillers)
    named = {eid for c in undated for group in [group_of_claim(c, ents)]
             for eid in specific_fillers(group, ents, countries=group.family in supplies)}
    return store.claim_ids_naming(named, types=sorted(config().event_types), denied=False) if named else set()


def opposing_claims(store: LinkStore, new_claims: list[Claim], ents: Entities, related: _RelatedEntities,
                    published: dict[str, str | None]) -> set[str]:
    """Ids of stored claims of the other polarity about the same proposition: the stored
    denials dated late enough to answer a new claim, and the assertions a new denial can
    pick from."""
    found: set[str] = set()
    for claim in new_claims:
        # the denial and the assertion share one of these exactly (as the polarity finder indexes them)
        keys = set().union(*(related.same(k) for k in polarity_keys(claim, ents)))
        if not keys:
            continue
        if claim.polarity == "denied":
            found |= nearest_assertions(store, claim, keys, ents, published)
        else:
            found |= store.claim_ids_naming(keys, types=[claim.type], denied=True, roles=POLARITY_ROLES,
                                            since=_earliest_answer(claim, published), undated_by_article=True)
    return found


def _earliest_answer(asserted: Claim, published: dict[str, str | None]) -> str | None:
    """The earliest day a denial answering ``asserted`` can be dated (None: any day)."""
    span = day_span(asserted, published)
    try:
        return _shift(span[0], -DENIAL_LEAD_DAYS) if span else None
    except ValueError:
        return None


def nearest_assertions(store: LinkStore, denial: Claim, keys: set[str], ents: Entities,
                       published: dict[str, str | None]) -> set[str]:
    """Ids of stored assertions that may be among ``denial``'s targets.

    A denial picks its best-matching assertions, the nearest in time first (a claim
    without a date counts by its article's). So when a window of days around it holds
    ``MAX_DENIAL_TARGETS`` happenings that match as well as any claim can, nothing
    outside can displace them, and the window is all that needs reading; otherwise
    wider windows, then the whole store, are read."""
    query = dict(types=[denial.type], denied=False, roles=POLARITY_ROLES)
    span = day_span(denial, published)
    for radius in DENIAL_RADII if span is not None else ():
        try:
            since, until = _shift(span[0], -radius), _shift(span[1], radius)
        except ValueError:
            break
        ids = store.claim_ids_naming(keys, since=since, until=until, undated_by_article=True, **query)
        if _holds_all_targets(store, denial, ids, ents):
            return ids
    return store.claim_ids_naming(keys, **query)


def _holds_all_targets(store: LinkStore, denial: Claim, ids: set[str], ents: Entities) -> bool:
    if len(ids) < MAX_DENIAL_TARGETS:
        return False
    best = max_proposition_score(denial)
    denier = ents.canon(denial.source) if denial.source else None
    event_of = store.event_of_claims(ids)
    happenings = set()
    for claim in store.claims_by_ids(ids, light=True):
        # counted only when its source surely differs from the denier's (the polarity finder
        # skips a denier contradicting itself); unsure cases only widen the window
        source = claim.source
        if not source or ents.is_anonymous_source(source) or ents.canon(source) == denier \
                or ents.is_outlet(source):
            continue
        if proposition_score(denial, claim, ents) == best:
            happenings.add(event_of.get(claim.id, claim.id))
    return len(happenings) >= MAX_DENIAL_TARGETS


def property_partners(store: LinkStore, new_claims: list[Claim], related: _RelatedEntities) -> set[str]:
    """Ids of stored PROPERTY claims about a weapon a new PROPERTY claim may be about, whenever."""
    found: set[str] = set()
    for claim in new_claims:
        if claim.type != "PROPERTY":
            continue
        subjects = [e for role in ("subject", "instrument") for e in claim.roles.get(role) or ()]
        weapons = _expand(subjects, related, same_maker=True)
        if weapons:
            found |= store.claim_ids_naming(weapons, types=["PROPERTY"])
    return found


def _expand(ids: Iterable[str], related: _RelatedEntities, same_maker: bool = False) -> set[str]:
    out: set[str] = set()
    for eid in ids:
        out |= related.of(eid, same_maker=same_maker)
    return out


# ---------------------------------------------------------------- the link


@dataclass
class _Scope:
    """What an incremental link reads: see the module docstring, step 2."""

    new_claims: list[Claim]
    claims: dict[str, Claim]  # the scope: new claims and the stored ones relinked whole
    old_events: list[Event]  # stored events in the scope, replaced by what the link finds
    opposing: list[Claim]  # read for polarity against the new claims only
    opposing_events: dict[str, str]  # opposing claim id -> its (unchanged) event
    read: list[Claim] = field(default_factory=list)  # every claim read, trusted or not
    unlinked_documents: set[str] = field(default_factory=set)  # others' documents met unlinked, left out


@dataclass
class LinkPlan:
    """Everything an incremental link reads (steps 1 and 2), before it computes and writes."""

    document_ids: list[str]
    new_docs: list[Document]
    roots: dict[str, str]  # near-copy roots of the new documents and the groups they join
    signatures: list[tuple]
    scope: _Scope
    documents: dict[str, Document]  # of every claim read, and of the near-copy groups
    threshold: float  # the near-copy threshold the signatures' bands were cut for
    headline_ends: dict[str, int] = field(default_factory=dict)  # of the documents read without text


def link_new_documents(store: LinkStore, document_ids: list[str], entities: dict[str, Entity],
                       threshold: float, min_confidence: float | None = None) -> LinkDelta:
    """Link ``document_ids`` (stored, not yet linked) into the stored events and
    contradictions, and write the result (steps 1-4 of the module docstring)."""
    ents = Entities(entities)
    return apply_link(store, plan_link(store, document_ids, ents, threshold, min_confidence), ents)


def plan_link(store: LinkStore, document_ids: list[str], ents: Entities, threshold: float,
              min_confidence: float | None = None, *, others_unlinked: bool = False) -> LinkPlan:
    """Read what linking ``document_ids`` needs. ``others_unlinked``: other documents may be
    stored and not linked yet (other linkers run at once); their claims are left out, as a
    link of them that comes later sees these."""
    new_docs = list(store.documents_by_ids(document_ids).values())
    roots, signatures = attach_near_copies(store, new_docs, threshold)
    scope = read_scope(store, new_docs, roots, ents, min_confidence, others_unlinked=others_unlinked)
    wanted = {c.document_id for c in [*scope.claims.values(), *scope.opposing]} | set(roots) | set(roots.values())
    documents = store.documents_by_ids(wanted - set(document_ids), with_text=False)
    headline_ends = store.headline_ends(documents)
    documents.update({d.id: d for d in new_docs})
    return LinkPlan(document_ids, new_docs, roots, signatures, scope, documents, threshold, headline_ends)


def apply_link(store: LinkStore, plan: LinkPlan, ents: Entities) -> LinkDelta:
    """Compute the events and contradictions of ``plan`` and write them (steps 3 and 4)."""
    scope, documents, roots = plan.scope, plan.documents, plan.roots
    all_roots = {d: roots.get(d) or (documents[d].dup_of or d) for d in documents}
    counter = SourceCounter(documents.values(), ents, all_roots, plan.headline_ends)

    events = _relink_events(scope, ents, counter, all_roots)
    contradictions = _find_contradictions(scope, events, ents, counter, list(documents.values()))
    # a denial joins the event it answers as a full link would: one rebuilt here, or a stored
    # one left as it stands (written again with it); a stored denial already in an event stays
    loose = {c.id: c for c in [*scope.opposing, *scope.claims.values()] if c.id not in scope.opposing_events}
    old_event_ids = {e.id for e in scope.old_events}
    # (only the stored events holding a claim a denial found here answers are read)
    answered = {c for x in contradictions if x.kind == "polarity" for c in x.claim_ids}
    held = {e for c, e in scope.opposing_events.items() if c in answered} - old_event_ids
    stored = store.events_by_ids(held) if held else []
    grown = attach_denials([*events, *stored], contradictions, loose)
    events = sorted([*events, *(e for e in stored if e.id in grown)], key=lambda e: e.id)
    replaced = {x.id for x in store.contradictions_touching(scope.claims)
                if all(c in scope.claims for c in x.claim_ids)}
    store.update_links(old_event_ids, events, replaced, contradictions,
                       near_copies=roots, signatures=plan.signatures, band_layout=band_layout(plan.threshold))
    return LinkDelta(added_events=events, removed_event_ids=old_event_ids - {e.id for e in events},
                     added_contradictions=contradictions,
                     removed_contradiction_ids=replaced - {x.id for x in contradictions},
                     documents=len(plan.document_ids), scope_claims=len(scope.claims))


def read_scope(store: LinkStore, new_docs: list[Document], roots: dict[str, str], ents: Entities,
               min_confidence: float | None = None, *, others_unlinked: bool = False) -> _Scope:
    """The claims and events an incremental link recomputes, and the opposing claims
    (only those trusted enough to speak: ``min_confidence``)."""
    related = _RelatedEntities(ents)
    new_ids = {d.id for d in new_docs}
    new_read = store.claims_of_documents(new_ids)
    new_claims = trusted(new_read, min_confidence)
    new_claim_ids = {c.id for c in new_claims}
    unlinked: set[str] = set()

    def linked(found: set[str]) -> set[str]:
        if not others_unlinked or not found:
            return found
        elsewhere = {c: d for c, d in store.unlinked_claims(found).items() if d not in new_ids}
        unlinked.update(elsewhere.values())
        return found - set(elsewhere)

    ids = linked(neighbourhood(store, new_claims, ents, related) - new_claim_ids)
    ids |= {c.id for c in store.claims_of_documents(set(roots) - new_ids)}  # near-copy groups joined
    old_events = store.events_by_ids(store.event_ids_holding(ids))
    ids |= {cid for e in old_events for cid in e.claim_ids}
    ids |= linked(property_partners(store, new_claims, related))
    read = store.claims_by_ids(ids)
    claims = {c.id: c for c in [*new_claims, *trusted(read, min_confidence)]}
    published = {d.id: d.published for d in new_docs}
    opposing_ids = linked(opposing_claims(store, new_claims, ents, related, published) - ids - new_claim_ids)
    opposing = store.claims_by_ids(opposing_ids, light=True)
    return _Scope(new_claims, claims, old_events, trusted(opposing, min_confidence),
                  store.event_of_claims(opposing_ids), read=[*new_read, *read, *opposing],
                  unlinked_documents=unlinked)


def _relink_events(scope: _Scope, ents: Entities, counter: SourceCounter, roots: dict[str, str]) -> list[Event]:
    groups = group_within_documents(scope.new_claims, ents, counter.undated(), counter.headline_ends())
    # (a denial an event holds joined it after the grouping, and joins again after this one)
    members = [[scope.claims[c] for c in e.claim_ids if c in scope.claims and is_event_claim(scope.claims[c])]
               for e in scope.old_events]
    groups += [group_of_claims(claims, ents) for claims in members if claims]
    groups = merge_copies(sorted(groups, key=lambda g: g.gid), roots)
    new_ids = {c.id for c in scope.new_claims}
    settled = {g.gid for g in groups if not any(c.id in new_ids for c in g.claims)}
    groups = group_across_documents(groups, ents, counter.published(), settled)
    return sorted((build_event(g, ents, counter) for g in groups), key=lambda e: e.id)


def _find_contradictions(scope: _Scope, events: list[Event], ents: Entities, counter: SourceCounter,
                         documents: list[Document]) -> list[Contradiction]:
    claims = sorted(scope.claims.values(), key=lambda c: c.id)
    # the denials that can pair with a new claim are judged against the opposing claims too
    denials = {c.id for c in [*scope.new_claims, *scope.opposing] if c.polarity == "denied"}
    found = [x for x in find_contradictions(claims, events, ents, counter, documents)
             if x.kind != "polarity" or not denials.intersection(x.claim_ids)]
    found += polarity_contradictions(sorted([*claims, *scope.opposing], key=lambda c: c.id), events, ents,
                                     counter, scope.opposing_events, denials)
    # one with an opposing claim was judged without that claim's other candidates: kept
    # only when it answers a new claim
    new_ids = {c.id for c in scope.new_claims}
    kept = {x.id: x for x in found
            if new_ids.intersection(x.claim_ids) or all(c in scope.claims for c in x.claim_ids)}
    return [kept[k] for k in sorted(kept)]
