"""The shapes the HTTP API answers with, as response models: what /openapi.json documents.

The routes build their JSON with the export's converters (``claimgraph.export.json``) and
``json.dumps`` (fast); these models describe the same shapes, and tests validate real
answers against them (``extra="forbid"``), so the description cannot drift from the data.
"""

from __future__ import annotations

from typing import Any, Generic, TypeVar

from pydantic import BaseModel, ConfigDict, Field

Item = TypeVar("Item")


class Shape(BaseModel):
    model_config = ConfigDict(extra="forbid")


class EntityName(Shape):
    name: str
    type: str | None = None


Names = dict[str, EntityName]


# -- the export contract's records (DESIGN.md) --------------------------------------------


class TimeOut(Shape):
    start: str | None = None
    end: str | None = None
    text: str | None = None
    basis: str | None = Field(None, description="Claims only: what the date was resolved against.")


class QuantityOut(Shape):
    text: str
    value: float | None = None
    low: float | None = None
    high: float | None = None
    unit: str | None = None
    approx: bool = False
    of: str | None = Field(None, description="What is counted or measured (e.g. people, km).")


class ClaimOut(Shape):
    id: str
    document_id: str
    type: str
    text: str = Field(description="The evidence: the document's text[start:end].")
    start: int
    end: int
    roles: dict[str, list[str]] = Field(description="actor, target, instrument, location, recipient, subject: "
                                                    "entity ids.")
    source: str | None = Field(description="Who says so (an entity id).")
    via: list[str] = Field(description="Through whom, outlet side first.")
    polarity: str
    modality: str
    time: TimeOut
    quantities: list[QuantityOut]
    trigger: str | None = None
    attribute: str | None = None
    sentence: int | None = None
    confidence: float


class EventOut(Shape):
    id: str
    type: str
    claim_ids: list[str]
    document_ids: list[str]
    time: TimeOut
    roles: dict[str, list[str]]
    sources: list[str] = Field(description="The independent sources (entity ids).")
    independent_sources: int
    label: str | None = None


class EntityOut(Shape):
    id: str
    name: str
    type: str
    aliases: list[str]
    lat: float | None = None
    lon: float | None = None
    country: str | None = None
    attrs: dict[str, Any]


class ContradictionOut(Shape):
    id: str
    kind: str = Field(description="quantity, time, polarity or category")
    claim_ids: list[str]
    about: str
    reason: str
    values: list[dict[str, Any]]


class DocumentFields(Shape):
    id: str
    path: str | None = None
    url: str | None = None
    outlet: str | None = None
    title: str | None = None
    byline: str | None = None
    published: str | None = None
    language: str | None = None
    dup_of: str | None = Field(None, description="The document this one is a near-copy of.")


class DocumentSummary(DocumentFields):
    """A document in a list: everything but its text."""

    snippet: str | None = Field(None, description="Searches only: the words that matched, in context.")


class DocumentOut(DocumentFields):
    text: str


class ExportOut(Shape):
    """``format=json``: the export contract. Other formats are CSV, GeoJSON and STIX 2.1 files."""

    model_config = ConfigDict(extra="forbid", populate_by_name=True)
    schema_: str = Field(alias="schema")
    documents: list[DocumentOut]
    entities: list[EntityOut]
    claims: list[ClaimOut]
    events: list[EventOut]
    contradictions: list[ContradictionOut]


# -- lists ---------------------------------------------------------------------------------


class Page(Shape, Generic[Item]):
    items: list[Item]
    total: int | None = Field(description="Every match, or null when not counted and there are more pages.")
    limit: int
    offset: int
    next_offset: int | None = Field(description="The offset of the next page; null on the last one.")


class DocumentPage(Page[DocumentSummary]):
    pass


class ClaimPage(Page[ClaimOut]):
    documents: dict[str, DocumentSummary | None]
    entities: Names
    matched: dict[str, list[str]] = Field(description="Which entity ids each name filter matched.")


class EventPage(Page[EventOut]):
    entities: Names
    matched: dict[str, list[str]]


class EntityPage(Page[EntityOut]):
    pass


class ContradictionPage(Page[ContradictionOut]):
    claims: dict[str, ClaimOut]
    entities: Names


class RejectOut(Shape):
    id: str
    origin: str
    reason: str
    detail: str | None = None
    raw_hash: str | None = None
    at: str


class RejectPage(Page[RejectOut]):
    pass


# -- one item ------------------------------------------------------------------------------


class Span(Shape):
    claim_id: str
    start: int
    end: int
    type: str
    polarity: str
    modality: str


class DocumentDetail(Shape):
    document: DocumentOut
    spans: list[Span]
    claims: list[ClaimOut]
    entities: Names


class PlaceMentionOut(Shape):
    document_id: str
    start: int
    end: int
    text: str
    name: str | None = None
    place_id: str | None = None
    geonameid: int | None = None
    feature: str | None = None
    country: str | None = None
    admin1: str | None = None
    lat: float | None = None
    lon: float | None = None
    source: str | None = None


class DocumentPlaces(Shape):
    document_id: str
    places: list[PlaceMentionOut]


class PlaceMentions(Shape):
    place_id: str
    mentions: list[PlaceMentionOut]


class ClaimDetail(Shape):
    claim: ClaimOut
    document: DocumentSummary | None
    events: list[EventOut]
    contradictions: list[ContradictionOut]
    entities: Names


class Evidence(Shape):
    claim_id: str
    document_id: str
    start: int
    end: int
    text: str


class SourceOut(Shape):
    id: str
    name: str
    type: str | None = None


class ViaChain(Shape):
    claim_id: str
    document_id: str
    outlet: str | None = None
    via: list[str]
    source: str | None = None


class EventDetail(Shape):
    event: EventOut
    independent_sources: int
    claims: list[ClaimOut]
    evidence: list[Evidence]
    sources: list[SourceOut]
    via_chains: list[ViaChain]
    documents: dict[str, DocumentSummary]
    contradictions: list[ContradictionOut]
    entities: Names


class ClaimList(Page[ClaimOut]):
    pass


class EventList(Page[EventOut]):
    pass


class EntityDetail(Shape):
    entity: EntityOut
    mentions: int = Field(description="Claim roles naming the entity (a claim naming it twice counts twice).")
    claims: ClaimList
    events: EventList
    entities: Names


# -- meta and ingest -----------------------------------------------------------------------


class Health(Shape):
    status: str
    version: str
    schema_version: int
    writes_need_token: bool
    pipeline_ready: bool
    live_streams: int


class Stats(Shape):
    counts: dict[str, int]
    claims_by_type: dict[str, int]
    events_by_type: dict[str, int]
    min_confidence: float


class IngestResult(Shape):
    document_id: str
    duplicate: bool = Field(description="True when the article was already stored (answered with 200).")
    claims: list[str]
    events: list[str]
    contradictions: list[str] = Field(description="Contradictions this article created.")
