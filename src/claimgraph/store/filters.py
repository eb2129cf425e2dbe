"""What a list keeps: the filters of the paged claim and event lists, and the SQL they become.

    >>> ClaimFilter(entity_ids=()).matches_nothing()
    True
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any


@dataclass(frozen=True, slots=True)
class ClaimFilter:
    """What a claim list keeps. Id sets are None for "no filter"; an empty set matches nothing.

    :param entity_ids: claims naming any of these entities in any role, as source or via.
    :param source_ids: claims whose source, or a relay in their via chain, is one of these.
    :param place_ids: claims whose location is one of these.
    :param since, until: YYYY-MM-DD; claims whose time interval overlaps [since, until]
        (claims without a resolved time are left out when either is given).
    :param text: words that must all occur in the evidence sentence (case-insensitive).
    :param min_confidence: claims at least this sure (None: every claim).
    """

    type: str | None = None
    document: str | None = None
    polarity: str | None = None
    modality: str | None = None
    since: str | None = None
    until: str | None = None
    text: str | None = None
    entity_ids: tuple[str, ...] | None = None
    source_ids: tuple[str, ...] | None = None
    place_ids: tuple[str, ...] | None = None
    min_confidence: float | None = None

    def matches_nothing(self) -> bool:
        return any(ids is not None and not ids for ids in (self.entity_ids, self.source_ids, self.place_ids))


@dataclass(frozen=True, slots=True)
class EventFilter:
    """What an event list keeps; ``entity_ids``/``place_ids`` as in ``ClaimFilter``."""

    type: str | None = None
    since: str | None = None
    until: str | None = None
    min_sources: int | None = None
    entity_ids: tuple[str, ...] | None = None
    place_ids: tuple[str, ...] | None = None

    def matches_nothing(self) -> bool:
        return any(ids is not None and not ids for ids in (self.entity_ids, self.place_ids))


@dataclass(slots=True)
class Where:
    """SQL conditions joined by AND, with their parameters in order."""

    conditions: list[str] = field(default_factory=list)
    params: list[Any] = field(default_factory=list)

    def add(self, condition: str, *params: Any) -> None:
        self.conditions.append(condition)
        self.params.extend(params)

    def sql(self) -> str:
        return (" WHERE " + " AND ".join(self.conditions)) if self.conditions else ""
