"""How two role fillers, two times and two quantities relate; shared by events and contradictions.

Everything here is a pure function of entities and claims. The link stage's tuned
constants live in ``data/lexicons/link.yaml`` (read once by :func:`config`).
"""

from __future__ import annotations

import math
import re
from dataclasses import dataclass, field
from functools import lru_cache
from typing import Iterable

from ..datafiles import lexicon, ontology
from ..model import Claim, Entity, Quantity

# Relations between two role fillers, strongest first.
SAME, NEAR, GENERIC, COMPATIBLE, UNKNOWN, CONFLICT = "same", "near", "generic", "compatible", "unknown", "conflict"
_ORDER = (SAME, NEAR, GENERIC, COMPATIBLE, UNKNOWN, CONFLICT)

PARTY_ROLES = ("actor", "target", "recipient")

@dataclass(frozen=True)
class LinkConfig:
    """The link stage's data: ``data/lexicons/link.yaml`` plus ranks from ``data/ontology``."""

    raw: dict
    ranks: dict[str, int]
    event_types: frozenset[str]
    family_of: dict[str, str] = field(default_factory=dict)

    def family(self, claim_type: str) -> str:
        return self.family_of.get(claim_type, claim_type)

    def get(self, key: str, default=None):
        return self.raw.get(key, default)


def _ontology_ranks() -> tuple[dict[str, int], set[str]]:
    types = ontology().values()
    return {t.name: t.rank for t in types}, {t.name for t in types if t.event}


@lru_cache(maxsize=1)
def config() -> LinkConfig:
    """The link stage's configuration, loaded once.

    >>> config().family("CASUALTY")
    'ATTACK'
    """
    raw = lexicon("link")
    ranks, events = _ontology_ranks()
    family_of = {member: name for name, members in (raw.get("families") or {}).items() for member in members}
    return LinkConfig(raw=raw, ranks=ranks, event_types=frozenset(events), family_of=family_of)


def trusted(claims: Iterable[Claim], min_confidence: float | None = None) -> list[Claim]:
    """The claims that may speak: confidence at least ``min_confidence`` (default: the
    calibrated threshold of extract/confidence.py). The others stay stored, unlinked."""
    from ..extract.confidence import floor

    lowest = floor(min_confidence)
    return [c for c in claims if c.confidence >= lowest]


# ---------------------------------------------------------------- entities


def haversine_km(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    p = math.pi / 180
    a = (math.sin((lat2 - lat1) * p / 2) ** 2
         + math.cos(lat1 * p) * math.cos(lat2 * p) * math.sin((lon2 - lon1) * p / 2) ** 2)
    return 12742 * math.asin(math.sqrt(min(1.0, a)))


class Entities:
    """Read-only view of the entity table with the comparisons the link stage needs."""

    def __init__(self, entities: dict[str, Entity]):
        self.by_id = entities
        anonymous = config().get("anonymous_sources") or []
        self._anonymous_names = {_norm(n) for n in anonymous}
        self._anonymous_cache: dict[str, bool] = {}

    def get(self, eid: str) -> Entity | None:
        return self.by_id.get(eid)

    def canon(self, eid: str) -> str:
        """A capital used as a party stands for its state ("Moscow" acting == Russia); a
        spokesman stands for the body he speaks for ("Army spokesman X" == the army)."""
        e = self.by_id.get(eid)
        if e is not None:
            target = e.attrs.get("metonym_of") or e.attrs.get("speaks_for")
            if target:
                return self.canon(target) if target != eid else target
        return eid

    def name(self, eid: str) -> str:
        e = self.by_id.get(eid)
        return e.name if e is not None else eid.split(":", 1)[-1]

    def country(self, eid: str) -> str | None:
        e = self.by_id.get(eid)
        if e is None:
            return None
        return e.country or e.attrs.get("country")

    def is_region(self, eid: str) -> bool:
        """A country's first division (a state, a province, an oblast)."""
        e = self.by_id.get(eid)
        return e is not None and (e.attrs.get("feature") == "ADM1" or e.attrs.get("kind") == "region")

    def is_country(self, eid: str) -> bool:
        e = self.by_id.get(eid)
        if e is None:
            return False
        if e.attrs.get("level") == "country" or e.attrs.get("kind") == "country":
            return True
        # resolve leaves countries without coordinates (no fake points on maps)
        return e.type == "GPE" and e.lat is None and e.country is not None

    def is_anonymous_source(self, eid: str) -> bool:
        known = self._anonymous_cache.get(eid)
        if known is None:
            e = self.by_id.get(eid)
            known = e is not None and bool(e.attrs.get("anonymous") or e.attrs.get("generic")
                                           or _norm(e.name) in self._anonymous_names)
            self._anonymous_cache[eid] = known
        return known

    def is_outlet(self, eid: str) -> bool:
        """A publisher (a known outlet, or the pseudo source of one speaking for itself)."""
        e = self.by_id.get(eid)
        return eid.startswith(("outlet:", "doc:")) or (e is not None and bool(e.attrs.get("outlet")))

    def is_generic(self, eid: str) -> bool:
        """A weapon, people or thing named by what it is ("ballistic missiles", "pirates",
        "an oil pipeline"), not by a name."""
        e = self.by_id.get(eid)
        return e is not None and bool(e.attrs.get("generic"))

    def weapon_class(self, eid: str) -> str | None:
        e = self.by_id.get(eid)
        return e.attrs.get("class") if e is not None else None

    # -- pairwise relations

    def place_relation(self, a: str, b: str) -> str:
        if a == b:
            return SAME
        ea, eb = self.by_id.get(a), self.by_id.get(b)
        if ea is None or eb is None:
            return UNKNOWN
        ca, cb = self.country(a), self.country(b)
        if self.is_country(a) or self.is_country(b):
            # a country contains its places; two different countries exclude each other
            if ca and cb:
                return COMPATIBLE if ca == cb else CONFLICT
            return UNKNOWN
        if None not in (ea.lat, ea.lon, eb.lat, eb.lon):
            km = haversine_km(ea.lat, ea.lon, eb.lat, eb.lon)
            if km <= config().get("near_km", 50):
                return NEAR
            if ca and ca == cb and self.is_region(a) != self.is_region(b):
                # a state or province holds its towns: "a Michigan office shooting" and
                # "a shooting near Detroit" may be one; its centre point is no scene
                return COMPATIBLE if km <= config().get("region_km", 500) else CONFLICT
            return CONFLICT
        if ca and cb and ca != cb:
            return CONFLICT
        return UNKNOWN

    def party_relation(self, a: str, b: str) -> str:
        a, b = self.canon(a), self.canon(b)
        if a == b:
            return SAME
        ca, cb = self.country(a), self.country(b)
        if ca and cb:
            # "Russian forces" and Russia act for one side; Russia and Ukraine do not
            return COMPATIBLE if ca == cb else CONFLICT
        return UNKNOWN

    def weapon_relation(self, a: str, b: str) -> str:
        if a == b:
            return SAME
        ea, eb = self.by_id.get(a), self.by_id.get(b)
        if ea is None or eb is None:
            return UNKNOWN
        kind_a, kind_b = ea.attrs.get("kind"), eb.attrs.get("kind")
        if kind_a and kind_b and not kinds_compatible(kind_a, kind_b):
            return UNKNOWN  # drones and missiles fly in one wave: neither agreement nor clash
        origin_a, origin_b = ea.attrs.get("origin"), eb.attrs.get("origin")
        if origin_a and origin_b and origin_a != origin_b:
            return CONFLICT
        if not classes_compatible(ea.attrs.get("class"), eb.attrs.get("class")):
            # "an ICBM" vs "a medium-range Oreshnik" is a disagreement about one strike:
            # do not split the event, the contradiction finder records it (kind "category")
            return UNKNOWN
        generic_a, generic_b = bool(ea.attrs.get("generic")), bool(eb.attrs.get("generic"))
        if generic_a != generic_b:
            return GENERIC if (kind_a and kind_b) or (origin_a and origin_b) else COMPATIBLE
        if generic_a and generic_b:
            return COMPATIBLE
        return CONFLICT if kind_a and kind_b else UNKNOWN  # two named systems of one kind

    def relation(self, role: str, a: str, b: str) -> str:
        if role == "location":
            return self.place_relation(a, b)
        if role in ("instrument", "subject"):
            rel = self.weapon_relation(a, b)
            if role == "subject" and rel == UNKNOWN:
                return self.party_relation(a, b)
            return rel
        return self.party_relation(a, b)

    def set_relation(self, role: str, left: Iterable[str], right: Iterable[str]) -> str | None:
        """Best relation between any filler of ``left`` and any of ``right``; None if one is empty."""
        if not left or not right:
            return None
        if role in PARTY_ROLES:
            left, right = {self.canon(x) for x in left}, {self.canon(x) for x in right}
        elif not isinstance(left, (set, frozenset)):
            left, right = set(left), set(right)
        if not left.isdisjoint(right):
            return SAME  # the common case, without the pairwise walk
        # a place no gazetteer could put on the map cannot outvote two that are far apart
        known_only = role == "location"
        best, any_known = CONFLICT, False
        for a in left:
            for b in right:
                rel = self.relation(role, a, b)
                if known_only and rel == UNKNOWN:
                    continue
                any_known = True
                if _ORDER.index(rel) < _ORDER.index(best):
                    best = rel
                    if best == SAME:
                        return SAME
        return best if any_known or not known_only else UNKNOWN


def kinds_compatible(a: str | None, b: str | None) -> bool:
    """"missile" covers "ballistic missile"; "drone" and "missile" are different things.

    >>> kinds_compatible("missile", "ballistic missile"), kinds_compatible("drone", "missile")
    (True, False)
    """
    if not a or not b:
        return True
    a, b = a.lower(), b.lower()
    return a == b or a.endswith(" " + b) or b.endswith(" " + a)


def classes_compatible(a: str | None, b: str | None) -> bool:
    """Two weapon classes can name one missile (unknown or non-range classes always can)."""
    if not a or not b or a == b:
        return True
    exclusive = set(config().get("exclusive_classes") or [])
    if a not in exclusive or b not in exclusive:
        return True
    return any({a, b} == set(pair) for pair in config().get("compatible_classes") or [])


def _norm(s: str) -> str:
    return " ".join(re.sub(r"[^\w\s]", " ", s.lower()).split())


# ---------------------------------------------------------------- time


def event_interval(claim: Claim) -> tuple[str, str] | None:
    """The happening's own dates; None when the claim has only its report's date or none."""
    t = claim.time
    if t is None or t.basis == "report":
        return None
    start, end = t.start or t.end, t.end or t.start
    if start is None:
        return None
    return (start, end) if start <= end else (end, start)


def report_bound(claim: Claim) -> str | None:
    """Latest day the happening can have been (the report's date), for report-basis times."""
    t = claim.time
    if t is None or t.basis != "report":
        return None
    return t.end or t.start


def intersect(a: tuple[str, str] | None, b: tuple[str, str] | None) -> tuple[str, str] | None:
    """Day intervals as ISO strings compare correctly as strings."""
    if a is None:
        return b
    if b is None:
        return a
    start, end = max(a[0], b[0]), min(a[1], b[1])
    return (start, end) if start <= end else None


def overlaps(a: tuple[str, str], b: tuple[str, str]) -> bool:
    return a[0] <= b[1] and b[0] <= a[1]


# ---------------------------------------------------------------- quantities


def unit_scale(unit: str | None) -> tuple[str, float] | None:
    """(dimension, factor to the base unit) for a physical unit; None for counted things."""
    if not unit:
        return None
    units = config().get("units") or {}
    spec = units.get(unit.lower().strip().rstrip("."))
    if spec is None:
        return None
    return spec[0], float(spec[1])


def counted_class(noun: str) -> str:
    """"seafarers" and "crew members" count the same people: one key for both."""
    for key, words in (config().get("counted_synonyms") or {}).items():
        if noun in words:
            return key
    return noun


def normalized_interval(q: Quantity) -> tuple[str, float | None, float | None] | None:
    """(dimension or counted unit, low, high) in base units; None if the quantity has no number."""
    low, high = q.interval()
    if low is None and high is None:
        return None
    scale = unit_scale(q.unit)
    if scale is None:
        key = (q.unit or "").lower()
        return counted_class(key), low, high
    dim, factor = scale
    return (dim,
            low * factor if low is not None else None,
            high * factor if high is not None else None)


def intervals_overlap(a: tuple[float | None, float | None], b: tuple[float | None, float | None]) -> bool:
    """Open ends (None) reach to infinity: "at least 8" overlaps 10."""
    a_low, a_high = a
    b_low, b_high = b
    if a_low is not None and b_high is not None and a_low > b_high:
        return False
    if b_low is not None and a_high is not None and b_low > a_high:
        return False
    return True


def canonical_of(of: str | None) -> str | None:
    if not of:
        return None
    of = of.lower().strip()
    for name, words in (config().get("of_synonyms") or {}).items():
        if of in words:
            return name
    return of


def format_interval(low: float | None, high: float | None, unit: str) -> str:
    def fmt(x: float) -> str:
        return f"{x:,.0f}" if abs(x) >= 10 else f"{x:g}"
    if low is not None and high is not None:
        text = fmt(low) if math.isclose(low, high) else f"{fmt(low)}–{fmt(high)}"
    elif low is not None:
        text = f"≥{fmt(low)}"
    else:
        text = f"≤{fmt(high)}"
    return f"{text} {unit}".strip()
