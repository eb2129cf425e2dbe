"""STIX 2.1 export: the claim graph as a bundle built with the ``stix2`` library.

How claimgraph maps onto STIX 2.1 (every object keeps our id in an external reference with
``source_name: "claimgraph"``, so tools can join back to the JSON export):

=====================================  ==============================================================
claimgraph                             STIX 2.1
=====================================  ==============================================================
claimgraph itself                      Identity (``identity_class: system``), ``created_by_ref`` of
                                       every other object
who says so (source, via), outlets,    Identity (PERSON → individual; ORG, GPE, outlets → organization;
actors, targets, recipients            NORP, PERSONNEL → group; anonymous sources → unknown)
places (location role; a located       Location (latitude/longitude when the gazetteer has them,
place in the target role)              country as ISO 3166-1 alpha-2, city or administrative area)
weapons (WEAPON entities)              Infrastructure (see below)
a claim stated or reported as fact     Note: content = evidence sentence + type, polarity, modality,
                                       time, quantities, source; authors = who says so;
                                       object_refs = the identities, locations, weapons involved
a denied or hedged claim               Opinion: denied → strongly-disagree, likely → agree,
                                       possible → neutral; a denial also refers to the claims it
                                       contradicts
an event                               Report: object_refs = its claims, parties, places, weapons and
                                       relationships; published = its latest article's date
a source and its claim; the parties    Relationship ``related-to`` (with a description saying which
of an event                            role); a weapon used in an attack ``located-at`` its place
a contradiction                        Relationship ``related-to`` between the two claims, description
                                       "contradicts (kind): reason"
an article                             an external reference on each of its claims (outlet, title,
                                       date, URL)
=====================================  ==============================================================

Weapons are Infrastructure rather than Tool: STIX 2.1 defines Tool as *software*, while
Infrastructure covers "systems, software services and any associated physical or virtual
resources intended to support some purpose", which fits a missile or a launcher; its
``infrastructure_types`` stay ``unknown`` because the vocabulary is cyber-only.

Ids are deterministic, so re-exporting the same database gives the same ids and the same
bytes: the UUIDv5 of our id under a fixed namespace, re-stamped with the version-4 bits. STIX 2.1
requires an RFC 4122 UUID and recommends (SHOULD) version 4 for domain and relationship objects;
plain UUIDv5 ids drew one ``uuid-check`` warning per object from ``stix2-validator`` (an error
under ``--strict``), while a hash-derived version-4 UUID is as unique and passes. Timestamps come
from the articles' publication dates, never from the clock.

An article's URL is kept as the ``url`` of its external reference, so a STIX client can open the
source. The validator then warns (code 302) that the reference has no ``hashes``: we cannot hash
what the URL serves today. ``export_stix(store, urls=False)`` moves the URL into the description
instead, for pipelines that run ``stix2-validator --strict``.

    >>> from claimgraph.store import Store
    >>> import json
    >>> with Store(":memory:") as store:
    ...     bundle = json.loads(export_stix(store))
    >>> bundle["type"], [o["identity_class"] for o in bundle["objects"]]
    ('bundle', ['system'])
"""

from __future__ import annotations

import hashlib
import uuid
from dataclasses import dataclass, field
from datetime import date, timedelta
from typing import Any
from urllib.parse import urlsplit

from claimgraph.errors import ConfigError
from claimgraph.export.base import (
    PLACE_TYPES,
    Exporter,
    ExportView,
    event_sort_key,
    event_summary,
    is_located,
    one_line,
    quantity_text,
    shorten,
)
from claimgraph.model import Claim, Contradiction, Document, Entity, Event

# Fixed forever: changing it changes every id of every export.
NAMESPACE = uuid.uuid5(uuid.NAMESPACE_URL, "urn:claimgraph:stix:2.1")
# The timestamp of objects no dated article mentions (STIX requires created/modified).
EPOCH = "1970-01-01"
OPINIONS = {"denied": "strongly-disagree", "likely": "agree", "possible": "neutral"}
IDENTITY_CLASSES = {"PERSON": "individual", "ORG": "organization", "GPE": "organization",
                    "NORP": "group", "PERSONNEL": "group", "SOURCE": "unknown"}
# The roles whose fillers an event's actors are linked to, and how the link reads.
PARTY_ROLES = {"target": "target", "recipient": "recipient", "instrument": "instrument",
               "location": "location", "subject": "subject"}
CLAIMGRAPH = "claimgraph"
# A Report's name is a title, not a paragraph: events with many weapons and numbers get cut.
NAME_LIMIT = 200


def stix_id(kind: str, key: str) -> str:
    """A deterministic STIX id: ``kind--`` and uuid5(NAMESPACE, "kind:key") with version-4 bits.

    >>> stix_id("identity", "gpe:russia") == stix_id("identity", "gpe:russia")
    True
    >>> stix_id("identity", "gpe:russia").startswith("identity--")
    True
    """
    digest = uuid.uuid5(NAMESPACE, f"{kind}:{key}").bytes
    return f"{kind}--{uuid.UUID(bytes=digest, version=4)}"


def stamp(day: str | None) -> str:
    """A YYYY-MM-DD day as a STIX timestamp at midnight UTC (millisecond precision)."""
    return f"{day or EPOCH}T00:00:00.000Z"


def _day_after(day: str) -> str:
    try:
        return (date.fromisoformat(day) + timedelta(days=1)).isoformat()
    except OverflowError:  # 9999-12-31, stored by an older claimgraph: the day itself bounds it
        return day


def _ref(our_id: str, description: str | None = None) -> dict[str, str]:
    ref = {"source_name": CLAIMGRAPH, "external_id": our_id}
    if description:
        ref["description"] = description
    return ref


def _import_stix2():
    try:
        import stix2
    except ImportError as exc:
        raise ConfigError(
            "the STIX export needs the stix2 package: pip install stix2"
        ) from exc
    return stix2


def export_stix(store: Any, urls: bool = True) -> str:
    """The whole store as a STIX 2.1 bundle (JSON text), valid for ``stix2-validator``.

    :param store: a ``claimgraph.store.Store``.
    :param urls: put article URLs in ``url`` (clickable in STIX clients; one validator warning
        per reference); False writes them into the description (passes ``--strict``).
    :returns: the bundle serialized by ``stix2`` (media type ``application/stix+json;version=2.1``).
    :raises ConfigError: the ``stix2`` package is not installed.

    The same database always gives the same text: ids derive from ours, timestamps from the
    articles' dates, objects are sorted by id.
    """
    stix2 = _import_stix2()
    builder = StixBuilder(ExportView.of(store), stix2, urls=urls)
    objects = builder.build()
    digest = hashlib.sha256("\n".join(o.id for o in objects).encode()).hexdigest()
    bundle = stix2.v21.Bundle(id=stix_id("bundle", digest), objects=objects)
    # pretty=True orders keys the spec way but is quadratic (75 s for 400 objects); plain
    # serialization keeps each object's property order, which the constructors fix.
    return bundle.serialize(indent=1, ensure_ascii=False) + "\n"


@dataclass
class StixBuilder:
    """Turns an ``ExportView`` into STIX objects (one pass per kind; see the module table)."""

    view: ExportView
    stix2: Any
    urls: bool = True
    objects: dict[str, Any] = field(default_factory=dict)
    first_seen: dict[str, str] = field(default_factory=dict)  # entity id -> earliest article date
    claim_refs: dict[str, str] = field(default_factory=dict)  # claim id -> STIX id of its note/opinion
    organisations: dict[str, str] = field(default_factory=dict)  # casefolded ORG/SOURCE name -> entity id

    @property
    def producer(self) -> str:
        return stix_id("identity", CLAIMGRAPH)

    def build(self) -> list[Any]:
        self._date_entities()
        for entity in self.view.entities.values():
            if entity.type in ("ORG", "SOURCE"):
                self.organisations.setdefault(entity.name.casefold(), entity.id)
        self._add(self.stix2.v21.Identity(
            id=self.producer, name=CLAIMGRAPH, identity_class="system", created=stamp(None),
            modified=stamp(None), description="claimgraph: sourced claims extracted from news articles",
        ))
        for claim in self.view.claims.values():
            self.claim_refs[claim.id] = self._claim_object_id(claim)
        for claim in self.view.claims.values():
            self._add(self.claim_object(claim))
            for rel in self.source_relationships(claim):
                self._add(rel)
        for contradiction in self.view.contradictions:
            for rel in self.contradiction_relationships(contradiction):
                self._add(rel)
        for event in sorted(self.view.events, key=lambda e: event_sort_key(self.view, e)):
            self._add_event(event)
        return [self.objects[k] for k in sorted(self.objects)]

    def _add(self, obj: Any) -> str:
        self.objects.setdefault(obj.id, obj)
        return obj.id

    # -- dates -------------------------------------------------------------------

    def _date_entities(self) -> None:
        """The earliest publication date of any article mentioning each entity (or from each outlet)."""
        for doc in self.view.documents.values():
            key = f"outlet:{doc.outlet.casefold()}" if doc.outlet else None
            if key and doc.published and (key not in self.first_seen or doc.published < self.first_seen[key]):
                self.first_seen[key] = doc.published
        for claim in self.view.claims.values():
            day = self.view.published(claim.document_id)
            if not day:
                continue
            for entity_id in _claim_entity_ids(claim):
                if entity_id not in self.first_seen or day < self.first_seen[entity_id]:
                    self.first_seen[entity_id] = day

    def _entity_stamp(self, entity_id: str) -> str:
        return stamp(self.first_seen.get(entity_id))

    # -- entities ----------------------------------------------------------------------

    def entity_ref(self, entity_id: str, as_place: bool = False) -> str | None:
        """The STIX id for an entity, creating its object on first use (None: cannot be mapped)."""
        entity = self.view.entities.get(entity_id) or Entity(entity_id, entity_id, "UNKNOWN")
        if entity.type == "WEAPON":
            kind, make = "infrastructure", self.weapon
        elif as_place:
            kind, make = "location", self.location
        else:
            kind, make = "identity", self.identity
        ref = stix_id(kind, entity.id)
        if ref not in self.objects:
            obj = make(entity)
            if obj is None:
                return None
            self._add(obj)
        return ref

    def identity(self, entity: Entity) -> Any:
        is_outlet = bool(entity.attrs.get("outlet"))
        return self.stix2.v21.Identity(
            id=stix_id("identity", entity.id), name=entity.name,
            identity_class="organization" if is_outlet else IDENTITY_CLASSES.get(entity.type, "unknown"),
            description=_describe(entity, "news outlet" if is_outlet else None),
            created=self._entity_stamp(entity.id), modified=self._entity_stamp(entity.id),
            created_by_ref=self.producer, external_references=[_ref(entity.id)],
        )

    def outlet_identity(self, document: Document) -> str | None:
        """The publishing outlet as an Identity (the gazetteer's organisation when it knows the name)."""
        if not document.outlet:
            return None
        wanted = document.outlet.casefold()
        if wanted in self.organisations:
            return self.entity_ref(self.organisations[wanted])
        key = f"outlet:{wanted}"
        ref = stix_id("identity", key)
        if ref not in self.objects:
            self._add(self.stix2.v21.Identity(
                id=ref, name=document.outlet, identity_class="organization", description="news outlet",
                created=self._entity_stamp(key), modified=self._entity_stamp(key),
                created_by_ref=self.producer, external_references=[_ref(key)],
            ))
        return ref

    def location(self, entity: Entity) -> Any | None:
        """A Location, or None when STIX would refuse it (no coordinates and no country)."""
        fields: dict[str, Any] = {}
        if is_located(entity):
            fields.update(latitude=float(entity.lat), longitude=float(entity.lon))
        if entity.country and len(entity.country) == 2:
            fields["country"] = entity.country.upper()
        if not fields:
            return None
        kind = entity.attrs.get("kind")
        if kind == "city":
            fields["city"] = entity.name
        elif kind == "region":
            fields["administrative_area"] = entity.name
        return self.stix2.v21.Location(
            id=stix_id("location", entity.id), name=entity.name, description=_describe(entity),
            created=self._entity_stamp(entity.id), modified=self._entity_stamp(entity.id),
            created_by_ref=self.producer, external_references=[_ref(entity.id)], **fields,
        )

    def weapon(self, entity: Entity) -> Any:
        aliases = sorted(set(entity.aliases) - {entity.name})
        return self.stix2.v21.Infrastructure(
            id=stix_id("infrastructure", entity.id), name=entity.name, infrastructure_types=["unknown"],
            description=_describe(entity, "weapon"), aliases=aliases or None,
            created=self._entity_stamp(entity.id), modified=self._entity_stamp(entity.id),
            created_by_ref=self.producer, external_references=[_ref(entity.id)],
        )

    # -- claims ---------------------------------------------------------------------------

    def _claim_object_id(self, claim: Claim) -> str:
        kind = "opinion" if _opinion(claim) else "note"
        return stix_id(kind, claim.id)

    def claim_object(self, claim: Claim) -> Any:
        """A Note (asserted as fact or reported) or an Opinion (denied or hedged)."""
        refs = self.claim_entity_refs(claim)
        if claim.polarity == "denied":  # what the denial disagrees with
            refs += [self.claim_refs[i] for k in self.view.contradictions_of([claim.id])
                     if k.kind == "polarity" for i in k.claim_ids if i != claim.id and i in self.claim_refs]
        document = self.view.documents.get(claim.document_id)
        outlet = self.outlet_identity(document) if document is not None else None
        refs = list(dict.fromkeys(refs + ([outlet] if outlet else []))) or [self.producer]
        common = dict(
            id=self.claim_refs[claim.id], object_refs=refs, authors=[self.view.source_name(claim)],
            labels=[claim.type.lower(), claim.polarity, claim.modality],
            created=stamp(self.view.published(claim.document_id)),
            modified=stamp(self.view.published(claim.document_id)),
            created_by_ref=self.producer,
            external_references=[_ref(claim.id, "claim")] + _document_refs(document, self.urls),
        )
        content = self.claim_content(claim)
        opinion = _opinion(claim)
        if opinion:
            return self.stix2.v21.Opinion(opinion=opinion, explanation=content, **common)
        return self.stix2.v21.Note(abstract=self.claim_abstract(claim), content=content, **common)

    def claim_entity_refs(self, claim: Claim) -> list[str]:
        refs = []
        for role, ids in claim.roles.items():
            for entity_id in ids:
                refs.append(self.entity_ref(entity_id, as_place=self._is_place(role, entity_id)))
        for entity_id in ([claim.source] if claim.source else []) + list(claim.via):
            refs.append(self.entity_ref(entity_id))
        return [r for r in dict.fromkeys(refs) if r]

    def _is_place(self, role: str, entity_id: str) -> bool:
        if role == "location":
            return True
        entity = self.view.entities.get(entity_id)
        return role == "target" and entity is not None and entity.type in PLACE_TYPES and is_located(entity)

    def claim_abstract(self, claim: Claim) -> str:
        return f"{claim.type} ({claim.polarity}, {claim.modality}) according to {self.view.source_name(claim)}"

    def claim_content(self, claim: Claim) -> str:
        """The evidence sentence, then what claimgraph read in it, one fact per line."""
        lines = [f"“{one_line(claim.text)}”", "",
                 f"Claim {claim.id}: {claim.type}, {claim.polarity}, {claim.modality}."]
        for role, ids in claim.roles.items():
            if ids:
                lines.append(f"{role}: {', '.join(self.view.names(ids))}")
        if claim.time.start or claim.time.end:
            when = claim.time.start if claim.time.start == claim.time.end else f"{claim.time.start}..{claim.time.end}"
            lines.append(f"time: {when}" + (f" (“{one_line(claim.time.text)}”)" if claim.time.text else ""))
        if claim.quantities:
            lines.append("quantities: " + "; ".join(quantity_text(q) for q in claim.quantities))
        lines.append(f"source: {self.view.source_name(claim)}")
        return "\n".join(lines)

    def source_relationships(self, claim: Claim) -> list[Any]:
        """Who said the claim, and who relayed it (``related-to``, the description says which)."""
        rels = []
        if claim.source:
            rels.append(self.relationship(self.entity_ref(claim.source), self.claim_refs[claim.id],
                                          "related-to", f"source of claim {claim.id}", claim.id, claim))
        for entity_id in claim.via:
            rels.append(self.relationship(self.entity_ref(entity_id), self.claim_refs[claim.id],
                                          "related-to", f"relayed claim {claim.id}", claim.id, claim))
        return [r for r in rels if r is not None]

    def contradiction_relationships(self, k: Contradiction) -> list[Any]:
        ids = [i for i in k.claim_ids if i in self.claim_refs]
        description = f"contradicts ({k.kind}, {one_line(k.about)}): {one_line(k.reason)}".rstrip(": ")
        dates = [self.view.published(self.view.claims[i].document_id) for i in ids]
        day = max((d for d in dates if d), default=None)
        return [
            self.stix2.v21.Relationship(
                id=stix_id("relationship", f"{k.id}|{ids[0]}|{other}"), relationship_type="related-to",
                source_ref=self.claim_refs[ids[0]], target_ref=self.claim_refs[other],
                description=description, created=stamp(day), modified=stamp(day),
                created_by_ref=self.producer, external_references=[_ref(k.id, "contradiction")],
            )
            for other in ids[1:]
        ]

    def relationship(self, source: str | None, target: str | None, kind: str, description: str,
                     context: str, claim: Claim | None = None, event: Event | None = None) -> Any | None:
        if not source or not target or source == target:
            return None
        day = self.view.published(claim.document_id) if claim is not None else None
        times: dict[str, str] = {}
        if event is not None:
            day = self.view.event_last_date(event)
            if event.time.start and event.time.end:
                times = {"start_time": stamp(event.time.start), "stop_time": stamp(_day_after(event.time.end))}
        return self.stix2.v21.Relationship(
            id=stix_id("relationship", f"{source}|{kind}|{target}|{context}"), relationship_type=kind,
            source_ref=source, target_ref=target, description=description, created=stamp(day),
            modified=stamp(day), created_by_ref=self.producer, **times,
        )

    # -- events ------------------------------------------------------------------------------

    def _add_event(self, event: Event) -> None:
        refs = [self.claim_refs[i] for i in event.claim_ids if i in self.claim_refs]
        rels = self.event_relationships(event)
        refs += [r.source_ref for r in rels] + [r.target_ref for r in rels] + [self._add(r) for r in rels]
        for role, ids in event.roles.items():
            refs += [self.entity_ref(i, as_place=self._is_place(role, i)) for i in ids]
        refs = [r for r in dict.fromkeys(refs) if r] or [self.producer]
        days = sorted(d for d in (self.view.published(i) for i in event.document_ids) if d)
        self._add(self.stix2.v21.Report(
            id=stix_id("report", event.id), name=shorten(event_summary(self.view, event), NAME_LIMIT),
            description=self.event_description(event), report_types=["threat-report"],
            published=stamp(days[-1] if days else self.view.event_last_date(event)),
            created=stamp(days[0] if days else None), modified=stamp(days[-1] if days else None),
            object_refs=refs, labels=[event.type.lower()], created_by_ref=self.producer,
            external_references=[_ref(event.id, "event")],
        ))

    def event_relationships(self, event: Event) -> list[Any]:
        """Each actor to each other party, weapon and place of the event; weapons located at attack places."""
        rels = []
        for actor in event.roles.get("actor") or []:
            actor_ref = self.entity_ref(actor)
            for role, verb in PARTY_ROLES.items():
                for other in event.roles.get(role) or []:
                    other_ref = self.entity_ref(other, as_place=self._is_place(role, other))
                    text = f"{event.type}: {self.view.name(actor)} (actor) → {self.view.name(other)} ({verb})"
                    rels.append(self.relationship(actor_ref, other_ref, "related-to", text, event.id, event=event))
        if event.type == "ATTACK":
            for weapon in event.roles.get("instrument") or []:
                for place in self.view.places(event):
                    rels.append(self.relationship(self.entity_ref(weapon), self.entity_ref(place.id, as_place=True),
                                                  "located-at", f"{event.type}: {self.view.name(weapon)} used at "
                                                  f"{place.name}", event.id, event=event))
        return [r for r in rels if r is not None]

    def event_description(self, event: Event) -> str:
        sources = ", ".join(self.view.source_names(event.sources)) or "none recorded"
        lines = [f"{event.label or event.type} ({event.id}): {len(event.claim_ids)} claim(s) in "
                 f"{len(event.document_ids)} article(s); {event.independent_sources} independent source(s): {sources}."]
        if event.time.start or event.time.end:
            lines.append(f"time: {event.time.start}..{event.time.end}")
        quantities = self.view.event_quantities(event)
        if quantities:
            lines.append("quantities: " + "; ".join(quantities))
        return "\n".join(lines)


def _opinion(claim: Claim) -> str | None:
    return OPINIONS.get(claim.polarity) or OPINIONS.get(claim.modality)


def _claim_entity_ids(claim: Claim) -> list[str]:
    ids = [i for role_ids in claim.roles.values() for i in role_ids]
    return ids + ([claim.source] if claim.source else []) + list(claim.via)


def _describe(entity: Entity, what: str | None = None) -> str:
    parts = [what or entity.type.lower()]
    for key in ("class", "kind", "origin"):
        value = entity.attrs.get(key)
        if value and isinstance(value, str) and value not in parts:
            parts.append(f"{key}: {value}")
    if entity.country:
        parts.append(f"country: {entity.country}")
    aliases = sorted(set(entity.aliases) - {entity.name})
    if aliases:
        parts.append("also called: " + ", ".join(aliases))
    return "; ".join(parts)


def _document_refs(document: Document | None, urls: bool = True) -> list[dict[str, str]]:
    """The article a claim came from, as an external reference (its URL only if it is a web URL)."""
    if document is None:
        return []
    title = one_line(document.title) or "untitled article"
    description = f"{title} ({document.published or 'date unknown'})"
    ref = {"source_name": one_line(document.outlet) or "article", "external_id": document.id}
    if _web_url(document.url):
        if urls:
            ref["url"] = document.url
        else:
            description += f" {document.url}"
    ref["description"] = description
    return [ref]


def _web_url(url: str | None) -> bool:
    if not url or any(ch.isspace() for ch in url):
        return False
    try:
        parts = urlsplit(url)
    except ValueError:
        return False
    return parts.scheme in ("http", "https") and bool(parts.netloc)


class StixExporter(Exporter):
    format = "stix"
    media_type = "application/stix+json;version=2.1"
    extension = "stix.json"
    description = "a STIX 2.1 bundle: identities, locations, weapons, claims as notes/opinions, events as reports"

    def export(self, store: Any, **_options: Any) -> str:
        return export_stix(store)
