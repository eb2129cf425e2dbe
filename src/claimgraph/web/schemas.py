"""Request models and the JSON shapes the HTTP API answers with.

Responses are built as plain dicts from the export's own converters
(``claimgraph.export.json``), so a claim looks the same in ``/api/claims`` as in
``claimgraph export``; lists add names for the entity ids they mention, so a page
can be shown without one request per id.

    >>> IngestRequest(text="Drones hit the port.").kind()
    'text'
"""

from __future__ import annotations

import re
from typing import Any

from pydantic import BaseModel, ConfigDict, Field, field_validator, model_validator

from claimgraph.clean.meta import MAX_OUTLET_CHARS, MAX_TITLE_CHARS, MAX_URL_CHARS, check_published
from claimgraph.export.json import claim_json, contradiction_json, document_json, entity_json, event_json
from claimgraph.model import Claim, Contradiction, Document, Entity, Event
from claimgraph.store.pages import Page

# Texts up to the body limit (5 MB) may come in; the pipeline cuts at max_chars.
LONE_SURROGATE = re.compile("[\ud800-\udfff]")
DAY = r"^\d{4}-\d{2}-\d{2}$"
CLAIM_PREVIEW_CHARS = 240


def _no_surrogates(value: str | None) -> str | None:
    # JSON may carry "\ud800" escapes that no encoder accepts: bad input is data, not a crash.
    return LONE_SURROGATE.sub("\ufffd", value) if value is not None else None


class IngestRequest(BaseModel):
    """One article to ingest: exactly one of ``text``, ``html`` or ``url``."""

    model_config = ConfigDict(extra="forbid", json_schema_extra={"examples": [
        {"text": "Drones struck a fuel depot in Odesa on Tuesday night, the governor said.",
         "title": "Drones hit Odesa depot", "published": "2025-03-12", "outlet": "Black Sea Bulletin"}]})

    text: str | None = Field(None, description="Plain article text (scraped boilerplate is cleaned).")
    html: str | None = Field(None, description="An article page's HTML (the main text is extracted).")
    url: str | None = Field(None, max_length=MAX_URL_CHARS, description="http(s) URL to fetch.")
    title: str | None = Field(None, max_length=MAX_TITLE_CHARS)
    published: str | None = Field(None, pattern=DAY, description="Publication date, YYYY-MM-DD.")
    outlet: str | None = Field(None, max_length=MAX_OUTLET_CHARS)

    @field_validator("text", "html", "url", "title", "outlet")
    @classmethod
    def _clean(cls, value: str | None) -> str | None:
        return _no_surrogates(value)

    @field_validator("published")
    @classmethod
    def _real_day(cls, value: str | None) -> str | None:
        # ValueError -> 422: "2025-02-30" is not a day, "0001-01-01" no publication date
        return check_published(value) if value is not None else None

    @field_validator("url")
    @classmethod
    def _http_url(cls, value: str | None) -> str | None:
        if value is not None and not re.match(r"^https?://[^\s/]+", value, re.I):
            raise ValueError("url must start with http:// or https:// and name a host")
        return value

    @model_validator(mode="after")
    def _one_source(self) -> "IngestRequest":
        given = [k for k in ("text", "html", "url") if getattr(self, k) is not None]
        if len(given) != 1:
            raise ValueError("give exactly one of text, html or url"
                             + (f" (got {', '.join(given)})" if given else ""))
        return self

    def kind(self) -> str:
        return "url" if self.url is not None else "html" if self.html is not None else "text"


# -- response shapes ------------------------------------------------------------------------


def page_json(page: Page, items: list[Any], **extra: Any) -> dict[str, Any]:
    """A list response: items plus paging (``total`` null when not counted and there is more)."""
    return {"items": items, "total": page.total, "limit": page.limit, "offset": page.offset,
            "next_offset": page.next_offset, **extra}


def document_detail_json(doc: Document, claims: list[Claim], names: dict[str, Any]) -> dict[str, Any]:
    """A document with its text and the spans of its claims (for highlighting)."""
    spans = [{"claim_id": c.id, "start": c.start, "end": c.end, "type": c.type, "polarity": c.polarity,
              "modality": c.modality} for c in claims]
    return {"document": document_json(doc), "spans": spans, "claims": [claim_json(c) for c in claims],
            "entities": names}


def claim_preview(claim: Claim, names: dict[str, Any]) -> dict[str, Any]:
    """A short claim for live updates: ids, type, the start of its evidence, its source's name."""
    source = names.get(claim.source or "", {}).get("name")
    return {"id": claim.id, "type": claim.type, "document_id": claim.document_id,
            "text": claim.text[:CLAIM_PREVIEW_CHARS], "source": claim.source, "source_name": source,
            "polarity": claim.polarity, "modality": claim.modality, "time_start": claim.time.start}


def event_preview(event: Event, new: bool) -> dict[str, Any]:
    return {"id": event.id, "type": event.type, "label": event.label,
            "independent_sources": event.independent_sources, "claims": len(event.claim_ids), "new": new}


def contradiction_preview(x: Contradiction) -> dict[str, Any]:
    return {"id": x.id, "kind": x.kind, "about": x.about, "claim_ids": list(x.claim_ids)}


def via_chain(claim: Claim, outlet: str | None) -> dict[str, Any]:
    """Who says so, through whom: the outlet heard the first relay, ..., who heard the source."""
    return {"claim_id": claim.id, "document_id": claim.document_id, "outlet": outlet,
            "via": list(claim.via), "source": claim.source}


def event_detail_json(event: Event, claims: list[Claim], documents: dict[str, dict[str, Any]],
                      contradictions: list[Contradiction], names: dict[str, Any]) -> dict[str, Any]:
    """One event: its claims, evidence spans, sources (named), via chains, contradictions."""
    evidence = [{"claim_id": c.id, "document_id": c.document_id, "start": c.start, "end": c.end, "text": c.text}
                for c in claims]
    sources = [{"id": s, "name": names.get(s, {}).get("name", s), "type": names.get(s, {}).get("type")}
               for s in event.sources]
    chains = [via_chain(c, documents.get(c.document_id, {}).get("outlet")) for c in claims]
    return {"event": event_json(event), "independent_sources": event.independent_sources,
            "claims": [claim_json(c) for c in claims], "evidence": evidence, "sources": sources,
            "via_chains": chains, "documents": documents,
            "contradictions": [contradiction_json(x) for x in contradictions], "entities": names}


def entity_detail_json(entity: Entity, mentions: int, claims: dict[str, Any], events: dict[str, Any],
                       names: dict[str, Any]) -> dict[str, Any]:
    return {"entity": entity_json(entity), "mentions": mentions, "claims": claims, "events": events,
            "entities": names}
