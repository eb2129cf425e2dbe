"""What every export format shares: one read of the store, names for ids, and the exporter registry.

Each format is a module beside this one (``csv.py``, ``geojson.py``, ``stix.py``, and the
contract in ``json.py``) with one ``Exporter`` subclass; ``get_exporter(name)`` finds it, so the
CLI and the HTTP API offer exactly the formats listed in ``FORMATS``:

    >>> from claimgraph.store import Store
    >>> with Store(":memory:") as store:
    ...     exporter = get_exporter("csv")
    ...     exporter.media_type, exporter.render(store).splitlines()[0].split(",")[:3]
    ('text/csv; charset=utf-8', ['event_id', 'event_date', 'end_date'])

The formats read the same ``ExportView``: the store loaded once (documents, entities, claims,
events, contradictions), with the small lookups they all need (an entity's name, an event's
claims, its first located place, who said a claim).
"""

from __future__ import annotations

import functools
import importlib
import json
import re
from dataclasses import dataclass, field
from datetime import date
from pathlib import PurePath
from typing import Any
from urllib.parse import urlsplit

from claimgraph.datafiles import NUMBER_KEYS, lexicon
from claimgraph.model import Claim, Contradiction, Document, Entity, Event, Quantity

# Entity types that name a place on a map (a located GPE/LOC/FAC can be plotted).
PLACE_TYPES = ("GPE", "LOC", "FAC")
# Roles searched for an event's place, in order: where it happened, then what was hit
# ("missiles hit Kharkiv" puts Kharkiv in the target role).
PLACE_ROLES = ("location", "target")


def one_line(text: str | None) -> str:
    """Whitespace (newlines included) collapsed to single spaces, ends stripped.

    >>> one_line("  two\\n\\nparagraphs ")
    'two paragraphs'
    """
    return " ".join((text or "").split())


def shorten(text: str, limit: int) -> str:
    """``text`` on one line, cut at ``limit`` characters with an ellipsis.

    >>> shorten("Drones hit the port overnight.", 12)
    'Drones hit …'
    """
    text = one_line(text)
    return text if len(text) <= limit else text[: limit - 1].rstrip() + " …"


def iso_date(value: str | date | None, what: str = "date") -> str | None:
    """``value`` as YYYY-MM-DD (None stays None); anything else is a ValueError that says so.

    >>> iso_date("2025-03-08"), iso_date(date(2025, 3, 8)), iso_date(None)
    ('2025-03-08', '2025-03-08', None)
    """
    if value is None or value == "":
        return None
    if isinstance(value, date):
        return value.isoformat()[:10]
    try:
        return date.fromisoformat(str(value)[:10]).isoformat()
    except ValueError:
        raise ValueError(f"{what} must be a date as YYYY-MM-DD, not {value!r}") from None


def quantity_text(q: Quantity) -> str:
    """A quantity as the article wrote it, with its unit when the words alone do not say
    it, and what it counts: ``about one million people``, ``at least eight (killed)``.

    >>> quantity_text(Quantity("seven", value=7, unit="missiles"))
    'seven missiles'
    >>> quantity_text(Quantity("dozens", low=24, unit="people", of="wounded"))
    'dozens of people (wounded)'
    >>> quantity_text(Quantity("about 900 kilometres", value=900, unit="km", of="range"))
    'about 900 kilometres (range)'
    """
    text = one_line(q.text)
    if q.unit and names_no_unit(text):
        # "dozens of people", but "40 people"
        text = f"{text} of {q.unit}" if text.lower().split()[-1] in _number_words(vague=True) else f"{text} {q.unit}"
    return f"{text} ({q.of})" if q.of else text


@functools.cache
def _number_words(vague: bool = False) -> frozenset[str]:
    """The words that write a number ("seven", "million", "dozens"), or only the vague
    plurals ("dozens", "thousands"): numbers.yaml's."""
    data = lexicon("numbers", NUMBER_KEYS)
    plurals = {phrase.split()[-1] for phrase in data["vague"]}
    if vague:
        return frozenset(str(w).lower() for w in plurals)
    words = {*data["units"], *data["tens"], *data["scales"], *data["scale_abbreviations"], "dozen", *plurals}
    return frozenset(str(w).lower() for w in words)


def names_no_unit(text: str) -> bool:
    """True when a quantity's words end in a number ("about 40", "one million", "dozens"),
    so a reader needs its unit; False when they end in one ("40 km")."""
    words = re.findall(r"[^\W\d_]+|\d", text.lower())
    return bool(words) and (words[-1].isdigit() or words[-1] in _number_words())


def outlet_name(doc: Document | None) -> str | None:
    """Who published a document: its outlet, else its URL's domain (``www.`` dropped), else
    the name of the file it came from; None when nothing says.

    >>> outlet_name(Document(id="d", text="", url="https://www.example.org/a/b"))
    'example.org'
    """
    if doc is None:
        return None
    if doc.outlet:
        return doc.outlet
    host = urlsplit(doc.url or "").hostname or ""
    if host:
        return host.removeprefix("www.")
    return f"file {PurePath(doc.path).name}" if doc.path else None


@dataclass
class ExportView:
    """The store read once, with the lookups every format needs.

    >>> view = ExportView(entities={"gpe:x": Entity("gpe:x", "Xland", "GPE")})
    >>> view.name("gpe:x"), view.name("gpe:unknown")
    ('Xland', 'gpe:unknown')
    """

    documents: dict[str, Document] = field(default_factory=dict)
    entities: dict[str, Entity] = field(default_factory=dict)
    claims: dict[str, Claim] = field(default_factory=dict)  # in document order
    events: list[Event] = field(default_factory=list)  # sorted by id
    contradictions: list[Contradiction] = field(default_factory=list)
    _by_claim: dict[str, list[Contradiction]] | None = field(default=None, repr=False)

    @classmethod
    def of(cls, store: Any, min_confidence: float | None = None) -> "ExportView":
        """Read everything from a ``claimgraph.store.Store`` (five queries): the claims at
        least ``min_confidence`` sure (None: the calibrated default)."""
        from claimgraph.extract.confidence import floor

        return cls(
            documents={d.id: d for d in store.documents()},
            entities=store.entities(),
            claims={c.id: c for c in store.claims(min_confidence=floor(min_confidence))},
            events=sorted(store.events(), key=lambda e: e.id),
            contradictions=sorted(store.contradictions(), key=lambda c: c.id),
        )

    # -- names ---------------------------------------------------------------------

    def name(self, entity_id: str) -> str:
        """The entity's name; its id when the entity is unknown (never a crash)."""
        entity = self.entities.get(entity_id)
        return entity.name if entity is not None else entity_id

    def names(self, entity_ids: list[str]) -> list[str]:
        """Names of ``entity_ids`` in order, each once."""
        return list(dict.fromkeys(self.name(i) for i in entity_ids))

    def source_names(self, entity_ids: list[str]) -> list[str]:
        """Names of an event's independent sources, one per source even when two share a name
        (so the list always matches the count)."""
        return [self.name(i) for i in entity_ids]

    def source_name(self, claim: Claim) -> str:
        """Who says so, with the relay: ``Ukrainian military source via Reuters``.

        A claim with no recorded source is the publication's own statement.
        """
        if claim.source:
            who = self.name(claim.source)
        else:
            who = self.outlet(claim.document_id) or "unattributed"
        via = [n for n in self.names(list(claim.via)) if n != who]
        return f"{who} via {', '.join(via)}" if via else who

    def outlet(self, document_id: str) -> str | None:
        return outlet_name(self.documents.get(document_id))

    def published(self, document_id: str) -> str | None:
        doc = self.documents.get(document_id)
        return doc.published if doc is not None else None

    # -- events ----------------------------------------------------------------------

    def event_claims(self, event: Event) -> list[Claim]:
        return [self.claims[i] for i in event.claim_ids if i in self.claims]

    def event_date(self, event: Event) -> str | None:
        """When it happened (start), else the earliest publication that reports it."""
        return event.time.start or event.time.end or self.first_report(event)

    def first_report(self, event: Event) -> str | None:
        """The earliest publication date among the event's articles."""
        return min((d for d in (self.published(i) for i in event.document_ids) if d), default=None)

    def event_last_date(self, event: Event) -> str | None:
        """The latest day the event touches (its end), else its latest report."""
        if event.time.start or event.time.end:
            return event.time.end or event.time.start
        dates = sorted(d for d in (self.published(i) for i in event.document_ids) if d)
        return dates[-1] if dates else None

    def claim_date(self, claim: Claim) -> str | None:
        """The claim's own time (end of its interval), else its document's publication date."""
        return claim.time.end or claim.time.start or self.published(claim.document_id)

    def places(self, event: Event) -> list[Entity]:
        """The event's places that have coordinates, in role order (location, then target)."""
        found: dict[str, Entity] = {}
        for role in PLACE_ROLES:
            for entity_id in event.roles.get(role) or []:
                entity = self.entities.get(entity_id)
                if entity is not None and is_located(entity) and (role == "location" or entity.type in PLACE_TYPES):
                    found.setdefault(entity.id, entity)
        return list(found.values())

    def event_quantities(self, event: Event) -> list[str]:
        """Every quantity the event's claims state, as written, each once."""
        return list(dict.fromkeys(quantity_text(q) for c in self.event_claims(event) for q in c.quantities))

    def contradictions_of(self, claim_ids: list[str]) -> list[Contradiction]:
        """Contradictions involving any of ``claim_ids``, in id order."""
        if self._by_claim is None:  # built on first use: one pass instead of one per event
            self._by_claim = {}
            for k in self.contradictions:
                for claim_id in k.claim_ids:
                    self._by_claim.setdefault(claim_id, []).append(k)
        found = {k.id: k for i in claim_ids for k in self._by_claim.get(i, [])}
        return [found[k] for k in sorted(found)]


def is_located(entity: Entity) -> bool:
    return entity.lat is not None and entity.lon is not None


def event_sort_key(view: ExportView, event: Event) -> tuple[str, str]:
    """Chronological, undated events last, ties by id (so every export has one order)."""
    return (view.event_date(event) or "9999-99-99", event.id)


# -- one-line summaries ---------------------------------------------------------------------

# How each type reads as a noun phrase: the head noun, then (role, preposition) in reading
# order. A type missing here (a new ontology YAML) falls back to DEFAULT_FRAME.
SUMMARY_FRAMES: dict[str, tuple[str, tuple[tuple[str, str], ...]]] = {
    "ATTACK": ("Attack", (("actor", "by"), ("target", "on"), ("instrument", "with"), ("location", "in"))),
    "CASUALTY": ("Casualties", (("subject", "among"), ("target", "among"), ("location", "in"), ("actor", "caused by"))),
    "TRANSFER": ("Transfer", (("instrument", "of"), ("actor", "from"), ("recipient", "to"), ("location", "via"))),
    "DEPLOY": ("Deployment", (("subject", "of"), ("actor", "by"), ("location", "to"), ("recipient", "for"))),
    "SANCTION": ("Sanctions", (("actor", "by"), ("target", "on"), ("subject", "concerning"))),
    "MEET": ("Meeting", (("actor", "of"), ("recipient", "with"), ("location", "in"))),
    "NOTIFY": ("Warning", (("actor", "by"), ("recipient", "to"), ("subject", "about"))),
    "THREATEN": ("Threat", (("actor", "by"), ("target", "against"))),
    "ACCUSE": ("Accusation", (("actor", "involving"), ("target", "against"), ("subject", "concerning"))),
    "DENY": ("Denial", (("actor", "by"), ("subject", "of"))),
    "PROPERTY": ("Stated attribute", (("subject", "of"),)),
    "STATEMENT": ("Statement", (("actor", "by"), ("subject", "about"))),
}
DEFAULT_FRAME = (("actor", "by"), ("target", "on"), ("recipient", "to"), ("instrument", "with"),
                 ("subject", "concerning"), ("location", "in"))


def and_list(names: list[str]) -> str:
    """``a``, ``a and b``, ``a, b and c``.

    >>> and_list(["Kyiv", "Odesa", "Dnipro"])
    'Kyiv, Odesa and Dnipro'
    """
    if len(names) <= 1:
        return "".join(names)
    return ", ".join(names[:-1]) + " and " + names[-1]


def time_phrase(start: str | None, end: str | None) -> str:
    """``on D``, ``between D1 and D2``, ``from D``, ``until D`` or ``(date unknown)``."""
    if start and end:
        return f"on {start}" if start == end else f"between {start} and {end}"
    if start or end:
        return f"from {start}" if start else f"until {end}"
    return "(date unknown)"


def summarize(view: ExportView, type_: str, roles: dict[str, list[str]], when: str | None,
              quantities: list[str], attribute: str | None = None) -> str:
    """One plain-text line from roles, time and quantities (the brief escapes it for Markdown).

    >>> view = ExportView(entities={"a": Entity("a", "North Korea", "GPE"), "b": Entity("b", "Russia", "GPE"),
    ...                             "w": Entity("w", "KN-23", "WEAPON")})
    >>> summarize(view, "TRANSFER", {"actor": ["a"], "recipient": ["b"], "instrument": ["w"]}, "on 2025-01-05", [])
    'Transfer of KN-23 from North Korea to Russia on 2025-01-05'
    """
    noun, frame = SUMMARY_FRAMES.get(type_, (type_.capitalize(), DEFAULT_FRAME))
    if attribute and type_ == "PROPERTY":
        noun = f"Stated {attribute}"
    parts, used = [noun], set()
    for role, preposition in frame:
        ids = [i for i in roles.get(role) or [] if i not in used]
        used.update(ids)
        if ids:
            parts.append(f"{preposition} {and_list(view.names(ids))}")
    if when:
        parts.append(when)
    line = " ".join(parts)
    # The numbers as the text gives them, apart from the happening: "about one million
    # people" in a city's description is not a count of attackers.
    return f"{line}; numbers stated: {'; '.join(quantities)}" if quantities else line


def event_summary(view: ExportView, event: Event, with_time: bool = True) -> str:
    """What happened, in one line: ``Attack by Russia on Ukraine with KN-23 in Kharkiv on 2025-03-05``."""
    when = time_phrase(event.time.start, event.time.end) if with_time else None
    return summarize(view, event.type, event.roles, when, view.event_quantities(event))


def claim_summary(view: ExportView, claim: Claim) -> str:
    """What a claim states, in one line; a report date ("said on Thursday") is not the event's time."""
    when = time_phrase(claim.time.start, claim.time.end) if claim.time.basis != "report" and (
        claim.time.start or claim.time.end) else None
    return summarize(view, claim.type, claim.roles, when, [quantity_text(q) for q in claim.quantities],
                     claim.attribute)


# -- the registry ------------------------------------------------------------------------


class Exporter:
    """One export format: what it is called, its media type and file extension, how it renders.

    Subclasses set the class attributes and implement ``export`` (a str, or a dict that
    ``render`` turns into JSON).
    """

    format: str = ""
    media_type: str = "application/octet-stream"
    extension: str = ""
    description: str = ""

    def export(self, store: Any, **options: Any) -> str | dict[str, Any]:
        """``options``: ``min_confidence`` where the format lists claims."""
        raise NotImplementedError

    def render(self, store: Any, **options: Any) -> str:
        """The export as text, ready to write to a file or an HTTP response."""
        data = self.export(store, **options)
        if isinstance(data, str):
            return data
        return json.dumps(data, ensure_ascii=False, indent=1) + "\n"

    def write(self, store: Any, stream: Any, **options: Any) -> None:
        """Write the export to a text stream (formats that can stream override this)."""
        stream.write(self.render(store, **options))


class JsonExporter(Exporter):
    format = "json"
    media_type = "application/json"
    extension = "json"
    description = "the export contract (DESIGN.md): documents, entities, claims, events, contradictions"

    def export(self, store: Any, min_confidence: float | None = None, **_options: Any) -> dict[str, Any]:
        from claimgraph.export.json import export_json

        return export_json(store, min_confidence=min_confidence)

    def write(self, store: Any, stream: Any, min_confidence: float | None = None, **_options: Any) -> None:
        # streamed: the whole store never sits in memory at once
        from claimgraph.export.json import iter_json_text

        for chunk in iter_json_text(store, min_confidence=min_confidence):
            stream.write(chunk)


# format -> "module:class"; imported on first use (the STIX format needs the stix2 package).
FORMATS: dict[str, str] = {
    "json": "claimgraph.export.base:JsonExporter",
    "csv": "claimgraph.export.csv:CsvExporter",
    "geojson": "claimgraph.export.geojson:GeoJsonExporter",
    "stix": "claimgraph.export.stix:StixExporter",
}


def get_exporter(name: str) -> Exporter:
    """The exporter for a format name in ``FORMATS`` (ValueError naming the choices otherwise).

    >>> get_exporter("geojson").media_type
    'application/geo+json'
    """
    target = FORMATS.get((name or "").lower())
    if target is None:
        raise ValueError(f"unknown export format {name!r}; choose one of: {', '.join(FORMATS)}")
    module_name, class_name = target.split(":")
    return getattr(importlib.import_module(module_name), class_name)()
