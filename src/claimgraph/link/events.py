"""Claims about the same happening become one Event (DESIGN.md, "link").

Two passes, both greedy and deterministic:

1. **Within a document**, in reading order: a claim joins the nearest preceding group of
   its family (ATTACK and CASUALTY are one family) when nothing conflicts — dates overlap,
   places, parties and weapons are compatible — and it is either close (a few sentences)
   or agrees on something concrete. A claim with no date of its own only joins a close
   group: "The missile hit a block of flats." belongs to the attack just described. In an
   article with no date at all, a claim with no actor that names no one new joins the
   article's only happening of its family at any distance ("The victim died in hospital.").
2. **Across documents**, groups are blocked by family, day (month for vague dates) and a
   shared entity (party, weapon, place, source, a 0.5° map cell, or a weapon's
   origin+kind), so no pair is compared unless it already shares a day and something
   else. Candidate pairs are merged best-first when their summed agreement reaches
   ``min_agreement`` and the merged clusters stay compatible. Groups with no date at all
   need two named parties or places in common, or one named doer, or to be what both
   their articles open on (the lead is the story) and one named party or place.

Denied claims and non-event types (PROPERTY, STATEMENT, DENY) stay out of the grouping; the
contradiction finder still sees them, and a denied claim then joins the one event whose claims
it contradicts (:func:`attach_denials`), counted as no source of it.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import re
from collections import defaultdict
from dataclasses import dataclass, field
from typing import AbstractSet, Iterable

from ..model import ROLE_NAMES, Claim, Contradiction, Entity, Event, TimeSpan
from .compare import (COMPATIBLE, CONFLICT, GENERIC, NEAR, PARTY_ROLES, SAME, UNKNOWN, Entities, config,
                      event_interval, intersect, kinds_compatible, report_bound)
from .independence import SourceCounter

# A bucket (family, day, entity) larger than this is a generic key ("Russia" on a busy
# day); its pairs would be mostly weak, so such a key does not generate candidates.
# 200 keeps the worst bucket at 20k comparisons.
MAX_BUCKET = 200
GRID_DEGREES = 0.5  # map cell for "within near_km" blocking: 0.5° latitude is 55 km


@dataclass(slots=True)
class Group:
    """A set of claims believed to describe one happening, with what they jointly say."""

    gid: str
    family: str
    claims: list[Claim]
    interval: tuple[str, str] | None
    report_end: str | None
    roles: dict[str, set[str]]
    sources: set[str]
    documents: set[str]
    last_sentence: int
    # the CASUALTY claims' targets: the people hit, kept apart from what an attack hit (a
    # town, a base), and never a veto (one battle kills on both sides)
    victims: set[str] = field(default_factory=set)
    # holds a claim of its article's opening sentence: the happening the article is about
    opening: bool = False
    # a claim naming two far towns with "and" ("two shootings last week, in Atlanta and
    # Seattle") tells of several happenings: it is an event of its own and joins none
    several_scenes: bool = False
    # documents that tell this happening as apart from what they told before ("Separately, a
    # mortar round hit the airport"): it joins none of their other happenings
    told_apart_at: dict[str, int] = field(default_factory=dict)  # document -> its sentence

    @property
    def kind(self) -> str:
        """"short" or "long" dated span, "report" (dated by its report only) or "none"."""
        if self.interval is not None:
            return "long" if _days_between(*self.interval) > config().get("max_day_span", 7) else "short"
        return "report" if self.report_end else "none"


def is_event_claim(claim: Claim) -> bool:
    """True for asserted claims of an event type (ATTACK, TRANSFER, ...)."""
    # denied and planned claims describe no happening (yet): they stay claims
    return claim.type in config().event_types and claim.polarity != "denied" and claim.modality != "planned"


def group_of_claim(claim: Claim, ents: Entities) -> Group:
    sources = set()
    if claim.source and not ents.is_anonymous_source(claim.source):
        sources.add(ents.canon(claim.source))
    roles = {r: set(claim.roles.get(r) or ()) for r in ROLE_NAMES}
    victims: set[str] = set()
    if claim.type == "CASUALTY":
        victims, roles["target"] = roles["target"], set()
    return Group(
        gid=claim.id,
        family=config().family(claim.type),
        claims=[claim],
        interval=event_interval(claim),
        report_end=report_bound(claim),
        roles=roles,
        sources=sources,
        documents={claim.document_id},
        last_sentence=claim.sentence,
        victims=victims,
        opening=claim.sentence < config().get("opening_sentences", 1),
        several_scenes=_several_scenes(claim, ents),
        told_apart_at={claim.document_id: claim.sentence} if told_apart(claim) else {},
    )


def told_apart(claim: Claim) -> bool:
    """"Separately, ...", "In a separate attack, ...", "Elsewhere, ...": the sentence opens on
    another happening than the ones before it."""
    opening = claim.text.lstrip(" \"'“‘(").lower()
    return opening.startswith(tuple(config().get("separate_markers") or ()))


def _merge(a: Group, b: Group) -> Group:
    report_ends = [x for x in (a.report_end, b.report_end) if x]
    first, second = (a, b) if a.gid <= b.gid else (b, a)
    return Group(
        gid=first.gid,
        family=a.family,
        claims=first.claims + second.claims,
        interval=intersect(a.interval, b.interval),
        report_end=min(report_ends) if report_ends else None,
        roles={r: a.roles[r] | b.roles[r] for r in ROLE_NAMES},
        sources=a.sources | b.sources,
        documents=a.documents | b.documents,
        last_sentence=max(a.last_sentence, b.last_sentence),
        victims=a.victims | b.victims,
        opening=a.opening or b.opening,
        several_scenes=a.several_scenes or b.several_scenes,
        told_apart_at={d: min(s for s in (a.told_apart_at.get(d), b.told_apart_at.get(d)) if s is not None)
                       for d in a.told_apart_at.keys() | b.told_apart_at.keys()},
    )


def group_of_claims(claims: list[Claim], ents: Entities) -> Group:
    """One group holding ``claims`` as they stand (a stored event: never re-split)."""
    ordered = sorted(claims, key=lambda c: c.id)
    group = group_of_claim(ordered[0], ents)
    for claim in ordered[1:]:
        group = _merge(group, group_of_claim(claim, ents))
    return group


# ---------------------------------------------------------------- comparing groups


@dataclass(slots=True)
class Match:
    """Outcome of comparing two groups: whether they can be one happening, and the points of
    agreement."""

    ok: bool
    score: int


VETO = Match(False, 0)


def compare_groups(a: Group, b: Group, ents: Entities) -> Match:
    """Whether two groups can be one happening, and how much they positively agree on.

    Conflicts (dates that do not overlap, places more than ``near_km`` apart, opposing
    sides, two different named missiles of one kind) veto; agreements add the points set
    in ``link.yaml``.
    """
    if a.family != b.family or a.several_scenes or b.several_scenes:
        return VETO
    if _told_apart_from(a, b) or _told_apart_from(b, a):
        return VETO  # "Separately, a mortar round fell near the airport": not the bombing told before
    if a.interval and b.interval and intersect(a.interval, b.interval) is None:
        return VETO
    if a.interval and b.interval and (_a_period_and_a_day(a, b) or _a_period_and_a_day(b, a)):
        return VETO
    window = config().get("report_window_days", 2)
    for timed, bound in ((a, b.report_end), (b, a.report_end)):
        if timed.interval and bound and timed.interval[0] > bound:
            return VETO
        # a report of Saturday is about something recent: not a happening of the Monday before
        if timed.interval and bound and _days_between(timed.interval[1], bound) > window:
            return VETO
    if _different_strikes(a, b, ents):
        return VETO
    weights = config().get("agreement") or {}
    score = 0
    for role in ROLE_NAMES:
        rel = ents.set_relation(role, a.roles[role], b.roles[role])
        if rel == CONFLICT and role == "actor" and _opposing_sides(a, b, ents):
            continue  # each side hit the other: one fight, told from both ends
        if rel == CONFLICT:
            return VETO
        points = 0
        if rel == SAME and role in PARTY_ROLES and _only_kinds_shared(a.roles[role], b.roles[role], ents):
            points = weights.get("described_party", 0)  # "soldiers" hit in two stories: not one happening yet
        elif rel == SAME and role == "actor" and _named_doer(a.roles[role], b.roles[role], ents):
            points = weights.get("named_doer", 1)  # the same gunman, the same warship
        elif rel == SAME:
            points = weights.get(role, 1)
        elif rel == NEAR:
            points = weights.get("near_location", 1)
        elif rel == GENERIC:
            points = weights.get("generic_instrument", 1)
        score += points
    if a.victims and b.victims and ents.set_relation("target", a.victims, b.victims) == SAME:
        score += weights.get("target", 1)
    if a.sources & b.sources:
        score += weights.get("source", 2)
    return Match(True, score)


def _different_strikes(a: Group, b: Group, ents: Entities) -> bool:
    """Two articles' attacks on one town and day, each with weapons of another kind and what
    each hit named apart ("a missile struck a tractor factory, killing two workers" and "drones
    hit an apartment block, killing five residents"): two strikes, not one told twice. (Drones
    and missiles of one wave may be told apart, so the weapons alone do not say it; one article
    telling both is read by its own grouping.)"""
    if not a.documents.isdisjoint(b.documents):
        return False
    kinds_a, kinds_b = _weapon_kinds(a, ents), _weapon_kinds(b, ents)
    if not kinds_a or not kinds_b or any(kinds_compatible(x, y) for x in kinds_a for y in kinds_b):
        return False
    hit_a, hit_b = a.roles["target"] | a.victims, b.roles["target"] | b.victims
    return bool(hit_a and hit_b) and ents.set_relation("target", hit_a, hit_b) in {UNKNOWN, CONFLICT}


def _weapon_kinds(group: Group, ents: Entities) -> set[str]:
    """The kinds of the group's weapons, or none when one of them has no kind."""
    kinds = [getattr(ents.get(w), "attrs", {}).get("kind") for w in group.roles["instrument"]]
    return set(kinds) if kinds and all(kinds) else set()


def _told_apart_from(later: Group, earlier: Group) -> bool:
    """Whether ``earlier`` holds a claim its article told before it opened ``later`` as
    another happening."""
    return any(claim.document_id == doc and claim.sentence < sentence
               for doc, sentence in later.told_apart_at.items() for claim in earlier.claims)


def _a_period_and_a_day(period: Group, day: Group) -> bool:
    """"have sanctioned dozens of importers since 2023" and "imposed sanctions on Tuesday":
    what was done over a running period of months sums up many happenings, not the one of a
    day inside it (unlike "killed four people in 2005", one spree a year names)."""
    running = tuple(config().get("running_period_words") or ())
    return _days_between(*period.interval) > config().get("period_days", 92) \
        and _days_between(*day.interval) <= config().get("max_day_span", 7) \
        and any((c.time.text or "").lower().startswith(running) for c in period.claims)


def _opposing_sides(a: Group, b: Group, ents: Entities) -> bool:
    """Whether each group's doers are among whom the other's hit, one of them a toll
    ("Chadian troops killed 384 Libyans" and "29 Chadian soldiers were killed" by the
    Libyans): the two sides' losses in one fight, not two doers of one happening."""
    def doers(g: Group) -> set[str]:
        return {ents.canon(x) for x in g.roles["actor"]}

    def hit(g: Group) -> set[str]:
        return {ents.canon(x) for x in g.roles["target"] | g.victims}

    def toll_only(g: Group) -> bool:  # an attack the other side made is a happening of its own
        return all(c.type == "CASUALTY" for c in g.claims)
    return (toll_only(a) or toll_only(b)) and bool(doers(a)) and bool(doers(b)) \
        and doers(a) <= hit(b) and doers(b) <= hit(a)


def _several_scenes(claim: Claim, ents: Entities) -> bool:
    """Whether the claim names two towns, joined by "and" or "or", that cannot be one scene
    ("shootings in Atlanta and Seattle", "in Tulsa and another in Columbus"). Only towns
    apart by name and map: "near Goundam, in Mali's Timbuktu region" is one scene, and a
    capital standing for its state is no place."""
    towns = sorted({p for p in claim.roles.get("location") or () if _is_town(ents.get(p))})
    return any(ents.place_relation(x, y) == CONFLICT and _coordinated(claim.text, ents.get(x), ents.get(y))
               for i, x in enumerate(towns) for y in towns[i + 1:])


def _coordinated(text: str, a: Entity, b: Entity) -> bool:
    """Whether ``text`` names ``a`` and ``b`` a few words apart with "and" or "or" between."""
    spans = [_found(text, e) for e in (a, b)]
    if None in spans:
        return False
    (_, first_end), (second_start, _) = sorted(spans)
    between = text[first_end:second_start]
    return len(between.split()) <= 4 and re.search(r"\b(?:and|or)\b", between) is not None


def _found(text: str, entity: Entity) -> tuple[int, int] | None:
    for name in (entity.name, *entity.aliases):
        match = re.search(rf"\b{re.escape(name)}\b", text)
        if match:
            return match.span()
    return None


def _is_town(entity: Entity | None) -> bool:
    return entity is not None and entity.attrs.get("kind") == "city" and not entity.attrs.get("metonym_of") \
        and entity.lat is not None and entity.lon is not None


def _named_doer(left: set[str], right: set[str], ents: Entities) -> bool:
    """Whether both groups name one person or ship as the doer: few do two attacks in the
    few days a report-dated claim may reach back."""
    common = {ents.canon(x) for x in left} & {ents.canon(x) for x in right}
    return any((e := ents.get(eid)) is not None and (e.type == "PERSON" or e.attrs.get("kind") == "vessel")
               for eid in common)


def _only_kinds_shared(left: set[str], right: set[str], ents: Entities) -> bool:
    """Whether the parties two groups share are all described, not named ("pirates", "a
    pipeline"), so that sharing them says little about being one happening."""
    common = {ents.canon(x) for x in left} & {ents.canon(x) for x in right}
    return bool(common) and all(ents.is_generic(x) for x in common)


def _days_between(start: str, end: str) -> int:
    try:
        return (dt.date.fromisoformat(end[:10]) - dt.date.fromisoformat(start[:10])).days
    except ValueError:
        return 10**6


# ---------------------------------------------------------------- pass 1: within a document


def group_within_documents(claims: Iterable[Claim], ents: Entities,
                           undated_documents: frozenset[str] = frozenset(),
                           headline_ends: dict[str, int] | None = None) -> list[Group]:
    """Group each document's event claims in reading order (pass 1).

    In an article with no date (``undated_documents``) no claim is dated, so a missing date
    says nothing: there a claim with no actor, naming no one new, joins the article's only
    happening of its family however far down it comes (:func:`_joins_from_afar`).
    A headline (the text up to ``headline_ends[doc]``) sums up the story: it anchors none of
    the body's claims and joins the body's first happening it fits (:func:`_join_headline`)."""
    window = config().get("same_document_window", 4)
    min_agreement = config().get("min_agreement", 1)
    by_doc: dict[str, list[Claim]] = defaultdict(list)
    for claim in claims:
        if is_event_claim(claim):
            by_doc[claim.document_id].append(claim)
    groups: list[Group] = []
    for doc_id in sorted(by_doc):
        open_groups: list[Group] = []
        body_start = (headline_ends or {}).get(doc_id, 0)
        ordered = sorted(by_doc[doc_id], key=lambda c: (c.sentence, c.start, c.id))
        for claim in ordered:
            if claim.start < body_start:
                continue
            single = group_of_claim(claim, ents)
            index, from_afar = _nearest_joinable(open_groups, single, ents, window, min_agreement,
                                                 doc_id in undated_documents)
            if index is None:
                open_groups.append(single)
                continue
            merged = _merge(open_groups[index], single)
            if from_afar:
                # not an anchor for the claims next to it: "Last month, another ship was
                # sunk" two sentences on is no more this happening's than before
                merged.last_sentence = open_groups[index].last_sentence
            open_groups[index] = merged
        body_groups = len(open_groups)
        for claim in ordered:
            if claim.start < body_start:
                _join_headline(open_groups, body_groups, group_of_claim(claim, ents), ents)
        groups.extend(open_groups)
    return groups


def _join_headline(open_groups: list[Group], body_groups: int, single: Group, ents: Entities) -> None:
    """"Office shooting kills one" joins the first happening of its family the body tells
    that nothing vetoes (the lead's); with none, it is a happening of its own."""
    for i in range(body_groups):
        if open_groups[i].family == single.family and compare_groups(open_groups[i], single, ents).ok:
            open_groups[i] = _merge(open_groups[i], single)
            return
    open_groups.append(single)


def _nearest_joinable(open_groups: list[Group], single: Group, ents: Entities, window: int,
                      min_agreement: int, undated_document: bool = False) -> tuple[int | None, bool]:
    """The open group ``single`` joins, and whether it joins only by :func:`_joins_from_afar`."""
    order = sorted(range(len(open_groups)), key=lambda i: (open_groups[i].last_sentence, i), reverse=True)
    for i in order:
        group = open_groups[i]
        if group.family != single.family:
            continue
        distance = single.last_sentence - group.last_sentence
        match = compare_groups(group, single, ents)
        if not match.ok:
            continue
        both_dated = group.interval is not None and single.interval is not None
        if distance <= window or (both_dated and match.score >= min_agreement):
            return i, False
        if undated_document and _joins_from_afar(open_groups, group, single, ents):
            return i, True
    return None, False


def _joins_from_afar(open_groups: list[Group], group: Group, single: Group, ents: Entities) -> bool:
    """Whether a far claim of an undated article belongs to ``group``: the article has told
    of no other happening of its family, and the claim has no actor and names no one new
    ("The victim died in hospital."; who did something is where another happening begins)."""
    return not single.roles["actor"] and _sole_happening(open_groups, single) \
        and _names_no_one_new(group, single, ents)


def _names_no_one_new(group: Group, single: Group, ents: Entities) -> bool:
    """Whether every party or place ``single`` names by name is one ``group`` already names
    ("the victim", "pirates" and "a merchant vessel" are no one new)."""
    return specific_fillers(single, ents, countries=True) <= specific_fillers(group, ents, countries=True)


def _sole_happening(open_groups: list[Group], single: Group) -> bool:
    """Whether the document has so far told of exactly one happening of ``single``'s family:
    a later claim with no date of its own and nothing against it ("The victim died in
    hospital.") can then only be about that one, however far down the article it comes."""
    return sum(g.family == single.family for g in open_groups) == 1


# ---------------------------------------------------------------- pass 2: across documents


def _days(start: str, end: str) -> list[str]:
    first, last = dt.date.fromisoformat(start[:10]), dt.date.fromisoformat(end[:10])
    return [(first + dt.timedelta(days=i)).isoformat() for i in range((last - first).days + 1)]


def _months(start: str, end: str) -> list[str]:
    out, year, month = [], int(start[:4]), int(start[5:7])
    while f"{year:04d}-{month:02d}" <= end[:7]:
        out.append(f"{year:04d}-{month:02d}")
        month += 1
        if month > 12:
            year, month = year + 1, 1
    return out


def _time_keys(group: Group) -> list[tuple[str, str]]:
    """Day keys for short spans and report bounds, month keys for long spans (and short ones)."""
    try:
        kind = group.kind
        if kind == "short":
            start, end = group.interval
            return [("d", d) for d in _days(start, end)] + [("m", m) for m in _months(start, end)]
        if kind == "long":
            months = _months(*group.interval)
            return [("m", m) for m in months] if len(months) <= config().get("max_months", 3) else []
        if kind == "report":
            end = dt.date.fromisoformat(group.report_end[:10])
            back = config().get("report_window_days", 2)
            return [("d", (end - dt.timedelta(days=i)).isoformat()) for i in range(back + 1)]
    except (ValueError, TypeError, OverflowError):
        pass  # a malformed date (or 0001-01-01 stored by an older version) anchors no merge
    return []


def _entity_keys(group: Group, ents: Entities) -> set[tuple]:
    keys: set[tuple] = set()
    for role, ids in group.roles.items():
        for eid in ids:
            keys.add(("e", ents.canon(eid) if role in PARTY_ROLES else eid))
            e = ents.get(eid)
            if e is None:
                continue
            if role in ("instrument", "subject") and (e.attrs.get("origin") or e.attrs.get("kind")):
                keys.add(("w", e.attrs.get("origin"), e.attrs.get("kind")))
            if role == "location" and e.lat is not None and e.lon is not None:
                row, col = round(e.lat / GRID_DEGREES), round(e.lon / GRID_DEGREES)
                keys.update(("g", row + dr, col + dc) for dr in (-1, 0, 1) for dc in (-1, 0, 1))
    keys.update(("s", s) for s in group.sources)
    return keys


def specific_fillers(group: Group, ents: Entities, countries: bool = False) -> set[str]:
    """Who and where a group names by name: no country (unless ``countries``), nothing named
    only by what it is ("pirates", "a pipeline"). Without dates, only these can say two
    reports are one happening."""
    out = set()
    roles = ("actor", "target", "location", "recipient") if countries else ("actor", "target", "location")
    for role in roles:
        for eid in group.roles[role] | (group.victims if role == "target" else set()):
            eid = ents.canon(eid) if role in PARTY_ROLES else eid
            if not ents.is_generic(eid) and (countries or not ents.is_country(eid)) \
                    and not ents.is_anonymous_source(eid):
                out.add(eid)
    return out


def undated_fillers(groups: list[Group], ents: Entities) -> list[set[str]] | None:
    """Each group's :func:`specific_fillers`, or None when every group has a date (then
    no pair needs them)."""
    if all(g.kind != "none" for g in groups):
        return None
    supplies = set(config().get("supply_families") or ())
    return [specific_fillers(g, ents, countries=g.family in supplies) for g in groups]


def _undated_alike(a: Group, b: Group, shared: set[str], needed: int, ents: Entities,
                   published: dict[str, str | None] | None = None) -> bool:
    """Whether two groups, one or both undated, name enough of the same by name to be one
    happening: ``needed`` parties or places; or, for two attacks, one named person
    or ship who did both (one place, armed group or victim is not enough: "the Gulf of Aden"
    and "Hamas" see many attacks, "INS Sukanya" foils one at a time). Words are not
    happenings: two condemnations of one person are two. Two articles that open on an
    undated happening naming one same party or place tell one story
    (:func:`_same_story`)."""
    if a.family in (config().get("supply_families") or ()):
        if not _weapons_agree(a, b, ents):
            return False  # "Iran has shipped drones" and "Iran has shipped missiles": two supplies
        if not a.documents.isdisjoint(b.documents):
            shared = {x for x in shared if not ents.is_country(x)}  # one article's two deployments
    if len(shared) >= needed or _same_story(a, b, shared, published or {}):
        return True
    if a.family != config().family("ATTACK") or not a.documents.isdisjoint(b.documents):
        return False  # in one article, "Last month, he had shot ..." is another shooting
    doers = {ents.canon(x) for x in a.roles["actor"]} & {ents.canon(x) for x in b.roles["actor"]}
    return any((e := ents.get(eid)) is not None and (e.type == "PERSON" or e.attrs.get("kind") == "vessel")
               for eid in doers & shared)


def _weapons_agree(a: Group, b: Group, ents: Entities) -> bool:
    """Both name what was supplied and it is one kind of thing, or one names none."""
    relation = ents.set_relation("instrument", a.roles["instrument"], b.roles["instrument"])
    return relation is None or relation in {SAME, NEAR, GENERIC, COMPATIBLE}


def _same_story(a: Group, b: Group, shared: set[str], published: dict[str, str | None]) -> bool:
    """Whether two undated groups are what two articles open on, naming one same party or
    place: the lead of a report is its story, so two leads about one named place or party
    ("opened fire at an office party in Vancouver") are one happening, where a claim further
    down ("Last month, INS Tabar sank a trawler") may be background. Not for words ("X
    condemned Y" opens many stories), nor for articles published days apart."""
    return bool(shared) and a.opening and b.opening and a.kind == b.kind == "none" \
        and a.family in config().get("story_families", ()) and a.documents.isdisjoint(b.documents) \
        and not _published_apart(a.documents, b.documents, published)


def _published_apart(left: set[str], right: set[str], published: dict[str, str | None]) -> bool:
    """Whether two sets of articles hold two publication days more than
    ``report_window_days`` apart (articles without a date are never apart)."""
    window = config().get("report_window_days", 2)
    days = [[published[d] for d in docs if published.get(d)] for docs in (left, right)]
    return any(abs(_days_between(x, y)) > window for x in days[0] for y in days[1])


def candidate_pairs(groups: list[Group], ents: Entities,
                    fillers: list[set[str]] | None = None) -> set[tuple[int, int]]:
    """Index pairs of groups sharing a family, a day (or month) and an entity key; and
    pairs with an undated group that share a named party or place (``fillers``: see
    :func:`undated_fillers`)."""
    kinds = [g.kind for g in groups]
    buckets: dict[tuple, list[int]] = defaultdict(list)
    for i, group in enumerate(groups):
        for eid in fillers[i] if fillers is not None else ():
            buckets[(group.family, ("u", None), ("e", eid))].append(i)
        if kinds[i] == "none":
            continue
        entity_keys = _entity_keys(group, ents)
        for time_key in _time_keys(group):
            for entity_key in entity_keys:
                buckets[(group.family, time_key, entity_key)].append(i)
    pairs: set[tuple[int, int]] = set()
    for (_family, (unit, _value), _entity), members in buckets.items():
        if len(members) < 2 or len(members) > MAX_BUCKET:
            continue
        if unit == "u":  # undated: each undated group with everyone naming the same one
            pairs.update((min(a, b), max(a, b)) for a in members if kinds[a] == "none" for b in members if a != b)
            continue
        if unit == "m":
            # month buckets only serve vague spans: pair each long span with everyone there
            anchors = [m for m in members if kinds[m] == "long"]
            others = members
        else:
            # day buckets: dated short spans with each other and with report-dated groups; two
            # report-dated groups too ("Iran shipped drones to Russia, Kirby said on Tuesday" in two
            # outlets), which must then agree on more (``report_only_min_agreement``)
            anchors = [m for m in members if kinds[m] in {"short", "report"}]
            others = members
        for a in anchors:
            for b in others:
                if a != b:
                    pairs.add((a, b) if a < b else (b, a))
    return pairs


def merge_copies(groups: list[Group], roots: dict[str, str]) -> list[Group]:
    """A claim repeated word for word in a near-copy of its document (a syndicated wire
    story) is the same claim about the same happening: its groups become one, whatever
    the dates (a report-dated copy would otherwise need more agreement than it can show)."""
    owner: dict[tuple, tuple[int, str]] = {}
    parent = list(range(len(groups)))

    def find(x: int) -> int:
        while parent[x] != x:
            x = parent[x]
        return x

    for i, group in enumerate(groups):
        for claim in group.claims:
            key = (roots.get(claim.document_id, claim.document_id), claim.type, claim.time.start,
                   " ".join(claim.text.split()))
            j, doc = owner.setdefault(key, (i, claim.document_id))
            if doc != claim.document_id and find(i) != find(j):
                parent[find(i)] = find(j)
    merged: dict[int, Group] = {}
    for i, group in enumerate(groups):
        root = find(i)
        if root not in merged:
            merged[root] = group
        else:
            merged[root] = _merge(merged[root], group)
    return [merged[k] for k in sorted(merged, key=lambda k: merged[k].gid)]


def group_across_documents(groups: list[Group], ents: Entities,
                           published: dict[str, str | None] | None = None,
                           settled: AbstractSet[str] = frozenset()) -> list[Group]:
    """Merge pass-1 groups that describe one happening across documents (pass 2).
    ``published``: document id -> publication day, where known. ``settled``: the gids of
    stored events an incremental link reads back; two of them were compared when the later
    one was linked, so only a new group may join them (else the events would depend on
    how the input was batched: a merged event agrees with more than its parts did)."""
    min_agreement = config().get("min_agreement", 1)
    report_min = config().get("report_only_min_agreement", 3)
    scored = []
    undated_min = config().get("undated_min_shared", 2)
    fillers = undated_fillers(groups, ents)
    for a, b in candidate_pairs(groups, ents, fillers):
        if groups[a].gid in settled and groups[b].gid in settled:
            continue
        if fillers is not None and "none" in (groups[a].kind, groups[b].kind) \
                and not _undated_alike(groups[a], groups[b], fillers[a] & fillers[b], undated_min, ents, published):
            continue  # no date to go by: two named parties or places in common, or apart
        match = compare_groups(groups[a], groups[b], ents)
        needed = report_min if "report" in (groups[a].kind, groups[b].kind) else min_agreement
        if match.ok and match.score >= needed:
            scored.append((-match.score, groups[a].gid, groups[b].gid, a, b))
    scored.sort(key=lambda t: t[:3])

    parent = list(range(len(groups)))
    clusters: dict[int, Group] = dict(enumerate(groups))

    def find(x: int) -> int:
        while parent[x] != x:
            parent[x] = parent[parent[x]]
            x = parent[x]
        return x

    for _neg, _gid_a, _gid_b, a, b in scored:
        ra, rb = find(a), find(b)
        if ra == rb:
            continue
        # the pair agrees; the clusters they already belong to must still fit together
        if not compare_groups(clusters[ra], clusters[rb], ents).ok:
            continue
        keep, drop = (ra, rb) if clusters[ra].gid <= clusters[rb].gid else (rb, ra)
        clusters[keep] = _merge(clusters[ra], clusters[rb])
        parent[drop] = keep
        del clusters[drop]
    return [clusters[k] for k in sorted(clusters, key=lambda k: clusters[k].gid)]


# ---------------------------------------------------------------- events


def event_id(claim_ids: Iterable[str]) -> str:
    """Deterministic event id from its claims.

    >>> event_id(["c2", "c1"]) == event_id(["c1", "c2"])
    True
    """
    digest = hashlib.sha1("|".join(sorted(claim_ids)).encode("utf-8")).hexdigest()
    return "ev-" + digest[:12]


def _event_type(group: Group) -> str:
    ranks = config().ranks
    return min((c.type for c in group.claims), key=lambda t: (ranks.get(t, 99), t))


def _event_time(group: Group) -> TimeSpan:
    if group.interval is not None:
        text = next((c.time.text for c in sorted(group.claims, key=lambda c: c.id)
                     if event_interval(c) and c.time and c.time.text), None)
        return TimeSpan(start=group.interval[0], end=group.interval[1], text=text, basis="event")
    bounds = sorted({(c.time.start or c.time.end, c.time.end or c.time.start)
                     for c in group.claims if report_bound(c)})
    if bounds:
        return TimeSpan(start=min(b[0] for b in bounds), end=max(b[1] for b in bounds), basis="report")
    return TimeSpan()


def _event_roles(group: Group, ents: Entities) -> dict[str, list[str]]:
    roles = {}
    for role in ROLE_NAMES:
        ids = group.roles[role] | (group.victims if role == "target" else set())
        if role in PARTY_ROLES:
            # "Moscow" acting is Russia: show the state when the table knows it
            ids = {ents.canon(i) if ents.get(ents.canon(i)) is not None else i for i in ids}
        roles[role] = sorted(ids)
    return roles


def _label(event_type: str, roles: dict[str, list[str]], time: TimeSpan, ents: Entities) -> str:
    places = sorted(roles["location"], key=lambda i: (ents.is_country(i), ents.name(i)))
    where = places or roles["target"] or roles["recipient"] or roles["actor"]
    parts = [event_type]
    if where:
        parts.append(ents.name(where[0]))
    if time.start:
        parts.append(time.start if time.start == time.end or not time.end else f"{time.start}..{time.end}")
    return " ".join(parts)


def build_event(group: Group, ents: Entities, counter: SourceCounter) -> Event:
    claim_ids = sorted(c.id for c in group.claims)
    event_type = _event_type(group)
    time = _event_time(group)
    roles = _event_roles(group, ents)
    sources, independent = counter.count(sorted(group.claims, key=lambda c: c.id))
    return Event(
        id=event_id(claim_ids),
        type=event_type,
        claim_ids=claim_ids,
        document_ids=sorted(group.documents),
        time=time,
        roles=roles,
        sources=sources,
        independent_sources=independent,
        label=_label(event_type, roles, time, ents),
    )


def attach_denials(events: list[Event], contradictions: Iterable[Contradiction],
                   claims_by_id: dict[str, Claim]) -> set[str]:
    """A claim denying that a happening took place belongs to that happening's event
    (REALNEWS: "claims denying that it happened ... are one event"): each denied claim in no
    event joins the one event holding the claims its polarity contradictions answer (none
    when they lie in two). It adds no source, no document (those that report the happening)
    and keeps the event's id, which its asserted claims make: a denial confirms nothing, and an
    event it joins stays the same event.
    Returns the ids of the events that gained a denial."""
    event_of = {cid: e for e in events for cid in e.claim_ids}
    answered: dict[str, set[str]] = defaultdict(set)
    for x in contradictions:
        if x.kind != "polarity":
            continue
        denied = [c for c in x.claim_ids if c in claims_by_id and claims_by_id[c].polarity == "denied"]
        held = {event_of[c].id for c in x.claim_ids if c in event_of and c not in denied}
        for cid in denied:
            answered[cid] |= held
    by_id = {e.id: e for e in events}
    grown = set()
    for cid, held in sorted(answered.items()):
        if cid in event_of or len(held) != 1:
            continue
        event = by_id[next(iter(held))]
        event.claim_ids = sorted([*event.claim_ids, cid])
        grown.add(event.id)
    return grown


def build_events(claims: Iterable[Claim], ents: Entities, counter: SourceCounter) -> list[Event]:
    """All events for a set of claims: pass 1, pass 2, then one Event per group.

    >>> from claimgraph.model import Document
    >>> c = Claim(id="c1", document_id="d1", type="ATTACK", text="", start=0, end=0)
    >>> [e.type for e in build_events([c], Entities({}), SourceCounter([Document(id="d1", text="")], {}))]
    ['ATTACK']
    """
    groups = group_within_documents(claims, ents, counter.undated(), counter.headline_ends())
    groups = merge_copies(groups, counter.roots)
    groups = group_across_documents(groups, ents, counter.published())
    events = [build_event(g, ents, counter) for g in groups]
    return sorted(events, key=lambda e: e.id)
