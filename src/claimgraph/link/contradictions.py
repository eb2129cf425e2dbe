"""Keep disagreements, with both claims and the numbers compared (DESIGN.md, "link").

Four kinds:

- ``quantity``: PROPERTY claims giving one attribute of one subject (a missile's range)
  with intervals that do not overlap after unit conversion; and claims in one event
  counting one thing (people killed; boats in an attack, by claims of one type) with
  intervals that do not overlap.
- ``time``: claims from different sources that match on actor, place, weapon and a
  count, a few days apart.
- ``polarity``: a proposition asserted by one source and denied by another; a denial
  answers what was reported before it (or up to ``DENIAL_LEAD_DAYS`` after), the best
  and then the nearest matches first, at most ``MAX_DENIAL_TARGETS`` happenings.
- ``category``: one happening described with missiles of exclusive range classes
  (an ICBM vs a medium-range missile).

Contradictions are found on blocked candidates (attribute+subject, event, actor+place+
weapon, type+entity), never over all pairs of claims. Where many claims repeat one
value, one representative claim per distinct value is used, so a figure repeated by
fifty outlets is one contradiction, not fifty.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import re
from collections import defaultdict
from functools import lru_cache
from itertools import product
from typing import Iterable

from ..extract.dating import back_reference_word
from ..extract.lexicon import load_lexicon
from ..model import Claim, Contradiction, Document, Event, Quantity
from .compare import (COMPATIBLE, CONFLICT, NEAR, PARTY_ROLES, SAME, UNKNOWN, Entities, canonical_of,
                      classes_compatible, config, counted_class, event_interval, format_interval, intervals_overlap,
                      kinds_compatible, normalized_interval, overlaps, report_bound, unit_scale)
from .independence import SourceCounter

# what a denial calls a happening already told ("denied any responsibility for the attack")
BACK_REFERENCES = load_lexicon().words("back_references")

MAX_TIME_GAP_DAYS = 7  # beyond a week apart, same actor/place/weapon are two attacks, not one misdated
MAX_DENIAL_TARGETS = 20  # one denial contradicts at most this many asserted happenings (best first)
NO_DATE_DAYS = 10**6  # "how far apart" for a claim without a date: after every dated one
DENIAL_LEAD_DAYS = MAX_TIME_GAP_DAYS  # a denial can answer reports dated up to this much after it


def contradiction_id(kind: str, claim_ids: Iterable[str], about: str) -> str:
    """Deterministic id from kind, claims and subject.

    >>> contradiction_id("quantity", ["b", "a"], "x") == contradiction_id("quantity", ["a", "b"], "x")
    True
    """
    key = "|".join([kind, *sorted(claim_ids), about])
    return "cx-" + hashlib.sha1(key.encode("utf-8")).hexdigest()[:12]


def _make(kind: str, a: Claim, b: Claim, about: str, reason: str,
          values: tuple[dict, dict] = ({}, {})) -> Contradiction:
    """``values``: what was compared of ``a`` and of ``b`` (kept as data, in claim id order)."""
    ids = sorted([a.id, b.id])
    compared = sorted(({"claim_id": a.id, **values[0]}, {"claim_id": b.id, **values[1]}),
                      key=lambda v: v["claim_id"])
    return Contradiction(id=contradiction_id(kind, ids, about), kind=kind, claim_ids=ids, about=about,
                         reason=reason, values=compared)


def _measured(q: Quantity) -> dict:
    """A quantity as compared: its words, and its interval in its own unit."""
    low, high = q.interval()
    return {"text": q.text, "low": low, "high": high, "unit": q.unit, "of": q.of}


def _rep(claims: list[Claim]) -> Claim:
    return min(claims, key=lambda c: (c.document_id, c.id))


# ---------------------------------------------------------------- quantity: properties


def _claim_measure(claim: Claim) -> dict[str, tuple[float | None, float | None, Quantity]]:
    """Per dimension, the hull of the claim's physical quantities (in base units)."""
    out: dict[str, tuple[float | None, float | None, Quantity]] = {}
    for q in claim.quantities:
        if unit_scale(q.unit) is None:
            continue
        norm = normalized_interval(q)
        if norm is None:
            continue
        dim, low, high = norm
        if dim in out:
            old_low, old_high, first = out[dim]
            low = None if low is None or old_low is None else min(low, old_low)
            high = None if high is None or old_high is None else max(high, old_high)
            q = first
        out[dim] = (low, high, q)
    return out


class _SubjectResolver:
    """Which named system a PROPERTY claim is about; generic mentions only when unambiguous."""

    def __init__(self, props: list[Claim], all_claims: list[Claim], ents: Entities):
        self.ents = ents
        self.named_by_attribute: dict[str, set[str]] = defaultdict(set)
        for c in props:
            for sid in self._subjects(c):
                if not ents.is_generic(sid):
                    self.named_by_attribute[c.attribute].add(sid)
        self.named_in_doc: dict[str, set[str]] = defaultdict(set)
        for c in all_claims:
            for role in ("instrument", "subject"):
                for eid in c.roles.get(role) or ():
                    e = ents.get(eid)
                    if e is not None and e.type == "WEAPON" and not e.attrs.get("generic"):
                        self.named_in_doc[c.document_id].add(eid)

    @staticmethod
    def _subjects(claim: Claim) -> list[str]:
        return list(claim.roles.get("subject") or claim.roles.get("instrument") or ())

    def resolve(self, claim: Claim) -> list[str]:
        out = []
        for sid in self._subjects(claim):
            if not self.ents.is_generic(sid):
                out.append(sid)
                continue
            # a generic "North Korean ballistic missile" is the named system only if just one fits
            for pool in (self.named_in_doc[claim.document_id], self.named_by_attribute[claim.attribute]):
                fits = sorted(n for n in pool if self._fits(sid, n))
                if len(fits) == 1:
                    out.append(fits[0])
                    break
                if len(fits) > 1:
                    break
        return sorted(set(out))

    def _fits(self, generic_id: str, named_id: str) -> bool:
        g, n = self.ents.get(generic_id), self.ents.get(named_id)
        if g is None or n is None:
            return False
        origin, kind = g.attrs.get("origin"), g.attrs.get("kind")
        if not origin or origin != n.attrs.get("origin"):
            return False  # "the missiles" with no maker named could be anything
        if not kind or not n.attrs.get("kind") or not kinds_compatible(kind, n.attrs.get("kind")):
            return False
        return classes_compatible(g.attrs.get("class"), n.attrs.get("class"))


def property_contradictions(claims: list[Claim], ents: Entities) -> list[Contradiction]:
    """Same attribute of the same subject, values that cannot both be true.

    450–690 km and ≈900 km (810–990 km) disagree; 450–690 km and ≈600 km do not.
    """
    props = [c for c in claims if c.type == "PROPERTY" and c.attribute and c.polarity != "denied"]
    if not props:
        return []
    subjects = _SubjectResolver(props, claims, ents)
    blocks: dict[tuple[str, str, str], dict[tuple, list]] = defaultdict(lambda: defaultdict(list))
    for claim in props:
        measures = _claim_measure(claim)
        for sid in subjects.resolve(claim):
            for dim, (low, high, q) in measures.items():
                value_key = (_round(low), _round(high))
                blocks[(claim.attribute, sid, dim)][value_key].append((claim, q, low, high))
    out = []
    for (attribute, sid, _dim), values in sorted(blocks.items()):
        about = f"{ents.name(sid)} {attribute}"
        keys = sorted(values, key=lambda k: (k[0] is None, k[0] or 0, k[1] is None, k[1] or 0))
        for i, ka in enumerate(keys):
            for kb in keys[i + 1:]:
                a_claim, a_q, a_low, a_high = min(values[ka], key=lambda t: (t[0].document_id, t[0].id))
                b_claim, b_q, b_low, b_high = min(values[kb], key=lambda t: (t[0].document_id, t[0].id))
                if a_claim.id == b_claim.id or intervals_overlap((a_low, a_high), (b_low, b_high)):
                    continue
                reason = (f"{_describe(a_q, a_low, a_high)} ({len(values[ka])} claim(s)) and "
                          f"{_describe(b_q, b_low, b_high, a_q)} ({len(values[kb])} claim(s)) do not overlap")
                out.append(_make("quantity", a_claim, b_claim, about, reason,
                                 (_measured(a_q), _measured(b_q))))
    return out


def _round(x: float | None) -> float | None:
    return None if x is None else round(x, 3)


def _describe(q: Quantity, low: float | None, high: float | None, like: Quantity | None = None) -> str:
    """'"about 900 kilometers" = 810–990 km', shown in the unit of ``like`` (or q's own)."""
    unit_q = like or q
    scale = unit_scale(unit_q.unit)
    factor = scale[1] if scale else 1.0
    shown = format_interval(low / factor if low is not None else None,
                            high / factor if high is not None else None, unit_q.unit or "")
    return f"“{q.text}” = {shown}"


# ---------------------------------------------------------------- quantity: counts in one event


def count_contradictions(events: list[Event], claims_by_id: dict[str, Claim], counter: SourceCounter,
                         docs: dict[str, Document], ents: Entities) -> list[Contradiction]:
    """Claims in one event counting the same thing with intervals that do not overlap.

    Only between different original sources naming no different parties, and not when a
    later report gives a higher toll than an earlier one (tolls rise as bodies are found;
    that is news, not conflict).
    """
    out = []
    for event in events:
        if len(event.claim_ids) < 2:
            continue
        counts: dict[tuple[str, str], dict[tuple, list]] = defaultdict(lambda: defaultdict(list))
        for cid in event.claim_ids:
            claim = claims_by_id[cid]
            for q in claim.quantities:
                if _part_of_a_count(claim, q):
                    continue
                norm = normalized_interval(q)
                of = counted_what(claim, q, norm) or downed_count(claim, norm, ents)
                if of is None:
                    continue
                unit, low, high = norm
                if q.of and not unit:
                    unit = counted_class("people")  # "the toll stands at four": four people killed
                counts[(of, unit)][(_round(low), _round(high))].append((claim, q, low, high))
        for (of, unit), values in sorted(counts.items()):
            keys = sorted(values, key=lambda k: (k[0] is None, k[0] or 0, k[1] is None, k[1] or 0))
            given = defaultdict(list)  # claim id -> every interval it gives ("12 Somalis and 11 Yemenis")
            for items in values.values():
                for claim, _q, low, high in items:
                    given[claim.id].append((low, high))
            for i, ka in enumerate(keys):
                for kb in keys[i + 1:]:
                    pair = _count_pair(values[ka], values[kb], counter, docs, ents, given)
                    if pair is None:
                        continue
                    (a, qa, a_low, a_high), (b, qb, b_low, b_high) = pair
                    counted = unit if of in config().ranks else f"{of} {unit}"  # "boats" of an attack
                    about = f"{event.label or event.type}: {counted}".strip()
                    reason = f"“{qa.text}” and “{qb.text}” ({counted.strip()}) do not overlap in event {event.id}"
                    out.append(_make("quantity", a, b, about, reason,
                                     (_measured(qa), _measured(qb))))
    return out


def _two_sides_figures(a: tuple[Claim, Quantity], b: tuple[Claim, Quantity]) -> bool:
    """Both numbers are figures (not "hundreds", "dozens") that named sources give."""
    return all(claim.source and (q.value is not None or not q.approx) for claim, q in (a, b))


# "18 of the dead were children", "two of them escaped": a part of a count, not a count
_PART_OF = re.compile(r"\s+of\s+(?:the|them|those|these|whom)\b", re.I)


def _part_of_a_count(claim: Claim, q: Quantity) -> bool:
    """The number counts some of what another number counts.

    >>> c = Claim(id="c", document_id="d", type="CASUALTY", text="He said 18 of the dead were children.",
    ...           start=0, end=0)
    >>> _part_of_a_count(c, Quantity("18", value=18, start=8, end=10))
    True
    """
    return q.end is not None and bool(_PART_OF.match(claim.text, q.end))


def counted_what(claim: Claim, q: Quantity, norm: tuple | None) -> str | None:
    """What a number of an event counts: its casualty word ("killed"); a number without one
    counts the thing it names for that kind of claim ("two boats" of an attack: ATTACK boats).
    None for a bare number ("in 2001"), for a claim that does not say it happened ("plans to
    send 5,000 troops") and for munitions of an attack ("40 missiles": launched, shot down
    and hit are three counts of one strike, none of them wrong).

    >>> c = Claim(id="c", document_id="d", type="ATTACK", text="", start=0, end=0)
    >>> counted_what(c, Quantity("two boats", value=2, unit="boats"), ("boats", 2, 2))
    'ATTACK'
    >>> counted_what(c, Quantity("2001", value=2001), ("", 2001, 2001)) is None
    True
    >>> counted_what(c, Quantity("40 missiles", value=40, unit="missiles"), ("missiles", 40, 40)) is None
    True
    """
    if norm is None:
        return None
    of = canonical_of(q.of)
    if of is not None:
        return of
    thing = norm[0]
    if not thing or claim.modality not in HAPPENED:
        return None
    if config().family(claim.type) == "ATTACK" and _fired(thing):
        return None
    return claim.type


HAPPENED = frozenset({"fact", "reported"})


def downed_count(claim: Claim, norm: tuple | None, ents: Entities) -> str | None:
    """"shot down 36 of the drones" and "downed 38 drones": of the munitions of a strike, the
    number brought down is one count two reports can disagree on (a claim whose target is
    the weapon counted), unlike the numbers launched and brought down, which are both right."""
    if norm is None or not norm[0] or claim.modality not in HAPPENED or config().family(claim.type) != "ATTACK" \
            or not _fired(norm[0]):
        return None
    hit = [ents.get(t) for t in claim.roles.get("target") or ()]
    counted = norm[0].removesuffix("s")  # (the weapon brought down is the kind counted, not a "system" struck)
    return "downed" if any(e is not None and e.type == "WEAPON" and kinds_compatible(e.attrs.get("kind"), counted)
                           for e in hit) else None


def _fired(noun: str) -> bool:
    fired = set(config().get("fired_munitions") or [])
    return noun in fired or noun.removesuffix("s") in fired


def _count_pair(left: list, right: list, counter: SourceCounter, docs: dict[str, Document], ents: Entities,
                given: dict[str, list] | None = None):
    for a_item in sorted(left, key=lambda t: t[0].id):
        for b_item in sorted(right, key=lambda t: t[0].id):
            a, b = a_item[0], b_item[0]
            if intervals_overlap(a_item[2:], b_item[2:]):
                return None
            if given and any(intervals_overlap(x, y) for x in given[a.id] for y in given[b.id]):
                continue  # both give "12 Somalis and 11 Yemenis": two groups counted alike, no conflict
            if counter.source_of(a).key == counter.source_of(b).key:
                continue
            # one article giving two tolls counts two things ("45 in one village", "hundreds in
            # all"), unless it gives two figures as two named sides' words ("the group says 120
            # ... the government said eight"); a toll for one place is no answer to one for another
            if a.document_id == b.document_id and not _two_sides_figures(a_item[:2], b_item[:2]):
                continue
            if set(a.roles.get("location") or ()) != set(b.roles.get("location") or ()):
                continue
            if _later_report_is_higher(a_item, b_item, docs, ents) or not same_parties(a, b, ents):
                continue
            return a_item, b_item
    return None


def same_parties(a: Claim, b: Claim, ents: Entities) -> bool:
    """The two do not name different actors: "the navy seized two boats" is no answer to
    "the pirates, in four skiffs". (Who was hit is the counted thing's business: "three crew
    members" and "two seafarers" are one count, "5 soldiers" and "8 civilians" two.)"""
    left, right = a.roles.get("actor") or (), b.roles.get("actor") or ()
    relation = ents.set_relation("actor", left, right)
    if relation == UNKNOWN and (_described_only(left, ents) and _stateless(right, ents)
                                or _described_only(right, ents) and _stateless(left, ents)):
        return True  # "militants" and "al-Shabaab" in one event: the one described, the other named
    return relation not in (CONFLICT, UNKNOWN)


def _described_only(actors, ents: Entities) -> bool:
    """Every doer is named only by what it is ("militants", "gunmen"), not by a name."""
    return all(ents.is_generic(x) for x in actors)


def _stateless(actors, ents: Entities) -> bool:
    """No doer stands for a state: "al-Shabaab" may be the militants; a navy, standing for
    its state, is the other side."""
    return all(not ents.is_country(ents.canon(x)) for x in actors)


def _later_report_is_higher(a_item, b_item, docs: dict[str, Document], ents: Entities) -> bool:
    """A later, higher count is an update (bodies are found, the wounded die), unless the
    side said to have done the deed gives it: "Azerbaijan says four Armenian soldiers
    killed" a day after Armenia said two is a claim of success, not a toll revised; the EU
    naming 79 tankers in its package a day after a report of 52 is no package grown."""
    da, db = docs.get(a_item[0].document_id), docs.get(b_item[0].document_id)
    pa, pb = (da.published if da else None), (db.published if db else None)
    if not pa or not pb or pa == pb:
        return False
    (early, late) = (a_item, b_item) if pa < pb else (b_item, a_item)
    early_high = early[3] if early[3] is not None else early[2]
    late_low = late[2] if late[2] is not None else late[3]
    if early_high is None or late_low is None or late_low <= early_high:
        return False
    return not _told_by_the_doers(late[0], (early[0], late[0]), ents) and not sets_against_another_figure(late[0])


@lru_cache(maxsize=1)
def _contrast_pattern() -> re.Pattern:
    words = {key: "|".join(map(re.escape, config().get(key) or ())) for key in
             ("contrast_comparatives", "contested_figure_nouns", "contested_figure_verbs")}
    # (not "more than 100 people, officials said": a number after "than" is the count's own hedge)
    return re.compile(rf"\b(?:{words['contrast_comparatives']})\s+than\s+(?!\d|(?:a|an|one|two|three|a few)\s)"
                      rf"(?:(?:[^\s,;.]+\s+){{0,2}}?(?:{words['contested_figure_nouns']})\b"
                      rf"|(?:[^\s,;.]+\s+){{1,4}}?(?:{words['contested_figure_verbs']})\b)", re.I)


def sets_against_another_figure(claim: Claim) -> bool:
    """"at least 14 died, far more than the official count", "three soldiers were killed, one
    more than the figure the ministry gave": the report answers another's figure, it does not
    bring it up to date."""
    return _contrast_pattern().search(claim.text) is not None


def _told_by_the_doers(claim: Claim, pair: tuple[Claim, Claim], ents: Entities) -> bool:
    """The claim's source is on the side of a doer either claim names."""
    if not claim.source:
        return False
    doers = {x for c in pair for x in c.roles.get("actor") or ()}
    return any(ents.party_relation(claim.source, x) in (SAME, COMPATIBLE) for x in doers)


# ---------------------------------------------------------------- time


def time_contradictions(claims: list[Claim], ents: Entities, counter: SourceCounter) -> list[Contradiction]:
    """Different sources, same actor, place, weapon and count, dates days apart.

    Conservative on purpose: without a matching count, two dated attacks by one side on
    one city with one weapon are more likely two attacks than one misdated.
    """
    blocks: dict[tuple, list[tuple[tuple[str, str], Claim]]] = defaultdict(list)
    for claim in claims:
        if claim.type not in config().event_types or claim.polarity == "denied":
            continue
        interval = event_interval(claim)
        actors = {ents.canon(a) for a in claim.roles.get("actor") or ()}
        places = claim.roles.get("location") or []
        weapons = claim.roles.get("instrument") or []
        if interval is None or not (actors and places and weapons):
            continue
        for key in product(sorted(actors), sorted(places), sorted(weapons)):
            blocks[(config().family(claim.type), *key)].append((interval, claim))
    seen, out = set(), []
    for key in sorted(blocks):
        items = sorted(blocks[key], key=lambda t: (t[0], t[1].id))
        for i, (ia, a) in enumerate(items):
            for ib, b in items[i + 1:]:
                if _gap_days(ia, ib) > MAX_TIME_GAP_DAYS:
                    break
                if overlaps(ia, ib) or (a.id, b.id) in seen:
                    continue
                if counter.source_of(a).key == counter.source_of(b).key or not _same_count(a, b):
                    continue
                seen.add((a.id, b.id))
                about = f"{a.type} {ents.name(key[1])} {ents.name(key[2])}"
                reason = f"dated {_span(ia)} and {_span(ib)} by different sources, same actor, place, weapon and count"
                out.append(_make("time", a, b, about, reason, ({"start": ia[0], "end": ia[1]},
                                                                {"start": ib[0], "end": ib[1]})))
    return out


def _gap_days(a: tuple[str, str], b: tuple[str, str]) -> int:
    try:
        return (dt.date.fromisoformat(b[0][:10]) - dt.date.fromisoformat(a[1][:10])).days
    except ValueError:
        return NO_DATE_DAYS


def _span(interval: tuple[str, str]) -> str:
    return interval[0] if interval[0] == interval[1] else f"{interval[0]}..{interval[1]}"


def _same_count(a: Claim, b: Claim) -> bool:
    for qa in a.quantities:
        for qb in b.quantities:
            if canonical_of(qa.of) is None or canonical_of(qa.of) != canonical_of(qb.of):
                continue
            na, nb = normalized_interval(qa), normalized_interval(qb)
            if na and nb and na[0] == nb[0] and intervals_overlap(na[1:], nb[1:]):
                return True
    return False


# ---------------------------------------------------------------- polarity

POLARITY_ROLES = ("actor", "recipient", "instrument", "target")


def polarity_contradictions(claims: list[Claim], events: list[Event], ents: Entities,
                            counter: SourceCounter, other_events: dict[str, str] | None = None,
                            denials: set[str] | None = None) -> list[Contradiction]:
    """One source asserts what another denies (same type, compatible parties and weapons).

    :param other_events: claim id -> event id for claims not in ``events``.
    :param denials: only these denied claims are looked at (default: every one).
    """
    denied = [c for c in claims if c.polarity == "denied" and (denials is None or c.id in denials)]
    if not denied:
        return []
    event_of = dict(other_events or {})
    event_of.update({cid: e.id for e in events for cid in e.claim_ids})
    published = counter.published()
    headline_ends = counter.headline_ends()
    index: dict[tuple[str, str], list[Claim]] = defaultdict(list)
    same_document: dict[tuple[str, str], list[Claim]] = defaultdict(list)
    for claim in claims:
        if claim.polarity == "denied":
            continue
        same_document[(claim.document_id, claim.type)].append(claim)
        for key in polarity_keys(claim, ents):
            index[(claim.type, key)].append(claim)
    out = []
    for d in sorted(denied, key=lambda c: c.id):
        keys = polarity_keys(d, ents)
        # "Russia denies sending troops" (one role) covers every such claim; with more roles
        # named, two must match so a denial about A→B does not hit every claim about A
        required = min(2, sum(1 for r in POLARITY_ROLES if d.roles.get(r)))
        # "denied that its troops had killed civilians in Rafah": the victims name no one, so the
        # place stands in for them, and the denial answers such claims at that place only
        keyed = _keyed_roles(d, ents)
        placed = bool(d.roles.get("location")) and keyed < required
        if placed:
            required = max(1, keyed)
        hits: dict[str, int] = defaultdict(int)
        by_id: dict[str, Claim] = {}
        for key in keys:
            for c in index.get((d.type, key), ()):
                hits[c.id] += 1
                by_id[c.id] = c
        for c in same_document.get((d.document_id, d.type), ()):
            # "Russia said it struck an arms depot. Kyiv denied the claim.": in one article a kind
            # of target keys the denial as well as a name would; the roles still must agree
            hits[c.id] = max(hits[c.id], required)
            by_id[c.id] = c
        denier = counter.source_of(d).key
        # the best match first; among equals the nearest in time: a denial answers what was
        # said about the days around it, not the oldest claim on record; then a body's
        # sentence before the headline that sums it up
        answered: list[tuple[str, tuple[int, int, bool, str, Claim]]] = []
        for cid in sorted(c for c, n in hits.items() if n >= max(1, required)):
            claim = by_id[cid]
            score = proposition_score(d, claim, ents)
            if placed and ents.set_relation("location", d.roles["location"], claim.roles.get("location") or ()) \
                    not in (SAME, NEAR):
                continue
            if score < max(1, required) or denier == counter.source_of(claim).key \
                    or not denial_can_answer(d, claim, published):
                continue
            in_headline = claim.start < headline_ends.get(claim.document_id, 0)
            answered.append((event_of.get(claim.id, claim.id),
                             (-score, days_apart(d, claim, published), in_headline, claim.id, claim)))
        if names_a_told_happening(d):
            # "The RSF denied any responsibility for the attack": the attack its article tells,
            # and what other articles say of that happening, not every attack told of the RSF
            own = {group for group, entry in answered if entry[-1].document_id == d.document_id}
            answered = [(group, entry) for group, entry in answered if group in own]
        best_per_event: dict[str, tuple[int, int, bool, str, Claim]] = {}
        for group, entry in answered:
            if group not in best_per_event or entry[:4] < best_per_event[group][:4]:
                best_per_event[group] = entry
        ranked = sorted(best_per_event.values(), key=lambda t: t[:4])
        for *_, claim in ranked[:MAX_DENIAL_TARGETS]:
            about = _proposition(claim, ents)
            reason = (f"{_who(claim, counter, ents)} asserts it; {_who(d, counter, ents)} denies it "
                      f"(“{_short(d.text)}”)")
            out.append(_make("polarity", claim, d, about, reason,
                             ({"polarity": claim.polarity, "source": counter.source_of(claim).entity_id},
                              {"polarity": d.polarity, "source": counter.source_of(d).entity_id})))
    return out


def names_a_told_happening(denied: Claim) -> bool:
    """"denied any responsibility for the attack", "denies the strike took place": the denial
    names its happening as one already told ("the attack"), not a kind of deed ("denies
    sending troops", "has never used chemical weapons").

    >>> c = Claim(id="c", document_id="d", type="ATTACK", text="The RSF denied any responsibility "
    ...           "for the attack.", start=0, end=0, trigger="attack", polarity="denied")
    >>> names_a_told_happening(c)
    True
    >>> c.text, c.trigger = "Russia denied attacking civilians.", "attacking"
    >>> names_a_told_happening(c)
    False
    """
    trigger = (denied.trigger or "").lower()
    if not back_reference_word(trigger):
        return False
    definite = rf"\b(?:the|this|that|these|those)\s+(?:[\w-]+\s+)?{re.escape(trigger)}\b"
    return re.search(definite, denied.text, re.IGNORECASE) is not None


def polarity_keys(claim: Claim, ents: Entities) -> set[str]:
    """The parties, weapons and targets a denial and an assertion must share."""
    return {key for role in POLARITY_ROLES for key in _role_keys(claim, role, ents)}


def _keyed_roles(claim: Claim, ents: Entities) -> int:
    """How many of the claim's roles give a key (a generic party gives none)."""
    return sum(1 for role in POLARITY_ROLES if _role_keys(claim, role, ents))


def _role_keys(claim: Claim, role: str, ents: Entities) -> set[str]:
    keys = set()
    for eid in claim.roles.get(role) or ():
        if role in PARTY_ROLES and ents.is_generic(eid) and not _a_kind_of_site(eid, ents):
            continue  # "not a terrorist attack" denies nothing of another story's terrorists
        keys.add(ents.canon(eid) if role in PARTY_ROLES else eid)
    return keys


def _a_kind_of_site(eid: str, ents: Entities) -> bool:
    """"a grain terminal", "the hospital": a kind of place hit keys a denial with its doer ("the
    Kremlin denied that Russia had struck a grain terminal in Odesa on Tuesday"), where a kind
    of people ("terrorists", "civilians") keys nothing."""
    entity = ents.get(eid)
    return entity is not None and entity.attrs.get("kind") == "thing" and entity.type == "FAC"


def denial_can_answer(denied: Claim, asserted: Claim, published: dict[str, str | None] | None = None) -> bool:
    """A denial answers what was said before it, not a happening reported later
    (``DENIAL_LEAD_DAYS`` of slack for dates that lag); claims without dates always can.

    >>> from claimgraph.model import TimeSpan
    >>> def c(day, basis="event"):
    ...     return Claim(id=day, document_id="d", type="ATTACK", text="", start=0, end=0,
    ...                  time=TimeSpan(day, day, basis=basis))
    >>> denial = c("2024-03-10", "report")
    >>> denial_can_answer(denial, c("2023-01-05")), denial_can_answer(denial, c("2024-03-15"))
    (True, True)
    >>> denial_can_answer(denial, c("2024-06-01"))
    False
    """
    said, denied_on = day_span(asserted, published), day_span(denied, published)
    if said is None or denied_on is None:
        return True
    return _gap_days(denied_on, said) <= DENIAL_LEAD_DAYS


def max_proposition_score(denied: Claim) -> int:
    """The best :func:`proposition_score` any claim can reach against ``denied``."""
    return sum(1 for role in POLARITY_ROLES if denied.roles.get(role))


def days_apart(a: Claim, b: Claim, published: dict[str, str | None] | None = None) -> int:
    """Days between two claims' spans (see :func:`day_span`); 0 when they overlap, a
    large number when either has no date.

    >>> from claimgraph.model import TimeSpan
    >>> a = Claim(id="a", document_id="d", type="ATTACK", text="", start=0, end=0,
    ...           time=TimeSpan("2024-03-01", "2024-03-02", basis="event"))
    >>> b = Claim(id="b", document_id="d", type="ATTACK", text="", start=0, end=0,
    ...           time=TimeSpan("2024-03-10", "2024-03-10", basis="report"))
    >>> days_apart(a, b), days_apart(b, a), days_apart(a, a)
    (8, 8, 0)
    """
    sa, sb = day_span(a, published), day_span(b, published)
    if sa is None or sb is None:
        return NO_DATE_DAYS
    return max(0, _gap_days(sa, sb), _gap_days(sb, sa))


def day_span(claim: Claim, published: dict[str, str | None] | None = None) -> tuple[str, str] | None:
    """The days a claim is about: its event dates, else its report's date, else the day
    its article was published (``published``: document id -> date)."""
    interval = event_interval(claim)
    if interval is not None:
        return interval
    bound = report_bound(claim) or (published or {}).get(claim.document_id)
    return (bound, bound) if bound else None


def proposition_score(denied: Claim, asserted: Claim, ents: Entities) -> int:
    """Number of roles that agree; 0 when any role clashes, when both name a party and the
    parties are not known to be one side (a denial by X about Y answers nothing said about Z),
    or when the dates cannot meet."""
    ia, ib = event_interval(denied), event_interval(asserted)
    if ia and ib and not overlaps(ia, ib):
        return 0
    if (denied.modality == "planned") != (asserted.modality == "planned") or _other_weapons(denied, asserted, ents):
        return 0  # "Russia has not received any drones" answers neither a plan to send them nor missiles
    score, specific = 0, False
    for role in POLARITY_ROLES:
        rel = ents.set_relation(role, denied.roles.get(role) or (), asserted.roles.get(role) or ())
        if rel == CONFLICT or rel == UNKNOWN and role in PARTY_ROLES:
            return 0
        if rel == SAME:
            score += 1
            fillers = denied.roles[role]
            # "a weapon", "a gun": a kind of weapon identifies no happening ("civilians" killed
            # may: the denial answers the reports of its days)
            named = role != "instrument" or not all(ents.is_generic(f) for f in fillers)
            specific = specific or named and (role != "target" or not all(ents.is_country(t) for t in fillers))
    # "Kabul rejected earlier claims that its jets hit Pakistani soil" and "planes raided
    # Pakistani villages on Sunday" share only a country hit; "police would not say whether the
    # deputy fired her pistol" and "jailed for a robbery with a pistol" share a kind of weapon:
    # neither is enough to be one happening
    return score if specific else 0


# weapon kinds that cover every other: "never supplied weapons" answers what is said of missiles
UMBRELLA_KINDS = frozenset({"weapon", "ammunition", "equipment", "aid", "projectile"})


def _other_weapons(denied: Claim, asserted: Claim, ents: Entities) -> bool:
    """The two name weapons of different kinds only (drones denied, ballistic missiles told);
    "never supplied weapons" or "munitions" covers every kind."""
    def kinds(claim: Claim) -> set[str] | None:
        found = [ents.by_id.get(i) for i in claim.roles.get("instrument") or ()]
        named = {e.attrs["kind"] for e in found if e is not None and e.attrs.get("kind")}
        return None if named & UMBRELLA_KINDS else named
    left, right = kinds(denied), kinds(asserted)
    return bool(left and right) and not any(kinds_compatible(a, b) for a in left for b in right)


def _proposition(claim: Claim, ents: Entities) -> str:
    def names(role):
        return "/".join(sorted({ents.name(ents.canon(i)) for i in claim.roles.get(role) or ()}))
    actor, recipient, target = names("actor"), names("recipient"), names("target")
    text = claim.type
    if actor and (recipient or target):
        text += f" {actor}→{recipient or target}"
    elif actor or recipient or target:
        text += f" {actor or recipient or target}"
    weapons = names("instrument")
    return f"{text} ({weapons})" if weapons else text


def _who(claim: Claim, counter: SourceCounter, ents: Entities) -> str:
    return ents.name(counter.source_of(claim).entity_id)


def _short(text: str, limit: int = 80) -> str:
    text = " ".join(text.split())
    return text if len(text) <= limit else text[: limit - 1] + "…"


# ---------------------------------------------------------------- category


def category_contradictions(claims: list[Claim], events: list[Event], ents: Entities) -> list[Contradiction]:
    """One happening, missiles of exclusive classes (ICBM vs medium-range)."""
    by_id = {c.id: c for c in claims}
    pairs: dict[tuple[str, str], tuple[str, tuple[dict, dict]]] = {}
    for event in events:
        members = [by_id[cid] for cid in event.claim_ids if cid in by_id]
        for a, b, reason, values in _class_clashes(members, ents):
            pairs.setdefault((a.id, b.id), (f"{reason} in event {event.id}", values))
    # the same document, the same place, not grouped (one of them lacked a date, say)
    by_doc: dict[str, list[Claim]] = defaultdict(list)
    for claim in claims:
        if _classed_weapons(claim, ents):
            by_doc[claim.document_id].append(claim)
    for doc_id in sorted(by_doc):
        members = by_doc[doc_id]
        for a, b, reason, values in _class_clashes(members, ents):
            if (a.id, b.id) in pairs:
                continue
            rel = ents.set_relation("location", a.roles.get("location") or (), b.roles.get("location") or ())
            if rel in (SAME, NEAR):
                pairs[(a.id, b.id)] = (f"{reason}, same document and place", values)
    out = []
    for (aid, bid), (reason, values) in sorted(pairs.items()):
        a, b = by_id[aid], by_id[bid]
        place = (a.roles.get("location") or b.roles.get("location") or [None])[0]
        about = "weapon class" + (f" at {ents.name(place)}" if place else "")
        out.append(_make("category", a, b, about, reason, values))
    return out


def _classed_weapons(claim: Claim, ents: Entities) -> list[tuple[str, str]]:
    exclusive = set(config().get("exclusive_classes") or [])
    out = []
    for eid in claim.roles.get("instrument") or ():
        cls = ents.weapon_class(eid)
        if cls in exclusive:
            out.append((eid, cls))
    return out


def _class_clashes(members: list[Claim], ents: Entities):
    """Pairs of claims (one representative per class pair) naming incompatible classes."""
    by_class: dict[str, list[tuple[Claim, str]]] = defaultdict(list)
    for claim in members:
        for eid, cls in _classed_weapons(claim, ents):
            by_class[cls].append((claim, eid))
    classes = sorted(by_class)
    for i, ca in enumerate(classes):
        for cb in classes[i + 1:]:
            if classes_compatible(ca, cb):
                continue
            found = _distinct_pair(by_class[ca], by_class[cb])
            if found is None:
                continue
            (a, wa), (b, wb) = found
            if a.id > b.id:
                (a, wa), (b, wb), ca_, cb_ = (b, wb), (a, wa), cb, ca
            else:
                ca_, cb_ = ca, cb
            yield (a, b, f"{ents.name(wa)} ({ca_}) vs {ents.name(wb)} ({cb_})",
                   ({"weapon": wa, "class": ca_}, {"weapon": wb, "class": cb_}))


def _distinct_pair(left, right):
    for a in sorted(left, key=lambda t: (t[0].document_id, t[0].id)):
        for b in sorted(right, key=lambda t: (t[0].document_id, t[0].id)):
            if a[0].id != b[0].id:
                return a, b
    return None


# ---------------------------------------------------------------- all kinds


def find_contradictions(claims: list[Claim], events: list[Event], ents: Entities, counter: SourceCounter,
                        documents: Iterable[Document]) -> list[Contradiction]:
    """Every contradiction among ``claims`` (given their ``events``), sorted by id, no duplicates."""
    docs = {d.id: d for d in documents}
    claims_by_id = {c.id: c for c in claims}
    found = (property_contradictions(claims, ents)
             + count_contradictions(events, claims_by_id, counter, docs, ents)
             + time_contradictions(claims, ents, counter)
             + polarity_contradictions(claims, events, ents, counter)
             + category_contradictions(claims, events, ents))
    unique = {c.id: c for c in found}
    return [unique[k] for k in sorted(unique)]
