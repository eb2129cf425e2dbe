"""Dataclasses passed between the stages (see DESIGN.md, "The flow").

An ``InputItem`` is what a source yields (bytes plus whatever metadata a crawler
or feed supplied); ``clean`` turns it into a ``Document``; ``extract`` and
``resolve`` attach ``Claim``s whose roles point at ``Entity`` ids; ``link``
groups claims into ``Event``s and records ``Contradiction``s.
"""

from __future__ import annotations

import hashlib
import re
from dataclasses import asdict, dataclass, field
from typing import Any

ROLE_NAMES = ("actor", "target", "instrument", "location", "recipient", "subject")
POLARITIES = ("asserted", "denied")
MODALITIES = ("fact", "reported", "likely", "possible", "planned")


SURROGATE_RE = re.compile("[\ud800-\udfff]")


def without_surrogates(value: str | None) -> str | None:
    """``value`` with every lone surrogate as U+FFFD: JSON may escape one ("\\ud800") and a
    file name that is not UTF-8 decodes to some, but no UTF-8 encoder (hash, SQLite,
    terminal, export) takes them.

    >>> without_surrogates("a\\ud800b") == "a\\ufffdb", without_surrogates(None)
    (True, None)
    """
    if value is None or SURROGATE_RE.search(value) is None:
        return value
    return SURROGATE_RE.sub("\ufffd", value)


def content_hash(data: bytes | str) -> str:
    """Stable identity of an input or a text: sha256 hex, first 16 characters."""
    if isinstance(data, str):
        data = data.encode("utf-8")
    return hashlib.sha256(data).hexdigest()[:16]


@dataclass(slots=True)
class InputItem:
    """One article as a source yields it, before cleaning.

    ``data`` holds the raw bytes (or ``text`` the already-decoded text, e.g. from
    a JSONL record). ``kind`` is "html", "text" or None (sniff it). Metadata a
    crawler supplied (``outlet``, ``published``, ``url``, ``title``) wins over
    what the text reveals.
    """

    origin: str  # a path, "stdin", "file.jsonl:12", or a URL: shown in rejects
    data: bytes | None = None
    text: str | None = None
    kind: str | None = None
    path: str | None = None
    url: str | None = None
    outlet: str | None = None
    published: str | None = None  # YYYY-MM-DD
    title: str | None = None
    error: str | None = None  # set by a source that could not read the item

    def __post_init__(self) -> None:
        # every source (files, JSONL, feeds, fetches, the API) passes through here
        for name in ("origin", "text", "path", "url", "outlet", "published", "title", "error"):
            setattr(self, name, without_surrogates(getattr(self, name)))

    def raw_hash(self) -> str:
        if self.data is not None:
            return content_hash(self.data)
        return content_hash(self.text or "")


@dataclass(slots=True)
class Document:
    id: str
    text: str
    path: str | None = None
    url: str | None = None
    outlet: str | None = None
    title: str | None = None
    byline: str | None = None
    published: str | None = None  # YYYY-MM-DD
    language: str | None = None
    raw_hash: str | None = None
    dup_of: str | None = None  # id of the document this is a near-copy of
    # what cleaning had to leave out (recorded as "truncated" rejects; not stored on the document)
    notes: list[str] = field(default_factory=list, compare=False, repr=False)
    # the day a wire dateline gave ("March 12" of "KYIV, March 12 (Reuters) -"), which cleaning
    # takes off the text: what "yesterday" counts from (not stored; extraction follows cleaning)
    dateline_day: str | None = field(default=None, compare=False, repr=False)

    def to_dict(self) -> dict[str, Any]:
        data = asdict(self)
        del data["notes"], data["dateline_day"]
        return data

    def headline_end(self) -> int:
        """Where the headline paragraph a plain-text article's text opens with ends (0 without one)."""
        return len(self.title) if self.title and self.text.startswith(self.title + "\n\n") else 0

    def is_headline_only(self) -> bool:
        """A text that is only its headline ("Gunmen kill 5 in market attack"): read in a
        headline's grammar, but no headline to a body (its sources are its own)."""
        return bool(self.title) and self.text == self.title

    def body(self) -> str:
        """The text without the headline paragraph a plain-text article's text opens with."""
        end = self.headline_end()
        return self.text[end + 2:] if end else self.text


@dataclass(slots=True)
class Entity:
    id: str
    name: str
    type: str  # PERSON|ORG|GPE|LOC|FAC|NORP|WEAPON|SOURCE|...
    aliases: list[str] = field(default_factory=list)
    lat: float | None = None
    lon: float | None = None
    country: str | None = None  # ISO-2 where known
    attrs: dict[str, Any] = field(default_factory=dict)  # e.g. weapon class, origin

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)


@dataclass(slots=True)
class Quantity:
    text: str
    value: float | None = None
    low: float | None = None
    high: float | None = None
    unit: str | None = None
    approx: bool = False
    of: str | None = None
    start: int | None = None  # offsets into the text the quantity was found in
    end: int | None = None

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)

    def interval(self) -> tuple[float | None, float | None]:
        """Closed interval the quantity allows; approximate values get ±10 %."""
        if self.value is not None:
            if self.approx:
                return self.value * 0.9, self.value * 1.1
            return self.value, self.value
        return self.low, self.high


@dataclass(slots=True)
class TimeSpan:
    start: str | None = None  # YYYY-MM-DD
    end: str | None = None
    text: str | None = None
    basis: str | None = None  # "event" (the happening's own time) or "report"

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)


@dataclass(slots=True)
class Claim:
    id: str
    document_id: str
    type: str
    text: str
    start: int
    end: int
    roles: dict[str, list[str]] = field(default_factory=lambda: {r: [] for r in ROLE_NAMES})
    source: str | None = None
    via: list[str] = field(default_factory=list)
    polarity: str = "asserted"
    modality: str = "fact"
    time: TimeSpan = field(default_factory=TimeSpan)
    quantities: list[Quantity] = field(default_factory=list)
    trigger: str | None = None
    attribute: str | None = None  # for PROPERTY claims: "range", "payload", ...
    sentence: int = 0  # index of the sentence in the document
    confidence: float = 1.0  # 0-1, from the evidence (extract/confidence.py)
    # the evidence features behind ``confidence`` (kept for calibration, never stored)
    features: dict[str, float] | None = field(default=None, compare=False, repr=False)

    def to_dict(self) -> dict[str, Any]:
        d = asdict(self)
        return d


@dataclass(slots=True)
class Event:
    id: str
    type: str
    claim_ids: list[str]
    document_ids: list[str]
    time: TimeSpan
    roles: dict[str, list[str]]
    sources: list[str]
    independent_sources: int
    label: str | None = None


@dataclass(slots=True)
class Contradiction:
    id: str
    kind: str  # quantity|time|polarity|category
    claim_ids: list[str]
    about: str
    reason: str = ""
    # what was compared, one dict per claim: {"claim_id", and "low"/"high"/"unit"/"text"
    # (quantity), "start"/"end" (time), "polarity"/"source" (polarity), "weapon"/"class" (category)}
    values: list[dict] = field(default_factory=list)


@dataclass(slots=True)
class Reject:
    origin: str
    reason: str  # a short stable code: empty, binary, not-utf8, not-english, too-large, ...
    detail: str = ""
    raw_hash: str | None = None

    def __post_init__(self) -> None:
        self.origin, self.detail = without_surrogates(self.origin), without_surrogates(self.detail)
