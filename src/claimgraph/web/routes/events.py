"""Events: a filtered list, and one event with its claims, evidence, sources and contradictions."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Query
from fastapi.responses import RedirectResponse, Response

from claimgraph.export.json import event_json
from claimgraph.store import pages
from claimgraph.store.rows import claim_entity_ids, document_summary, event_entity_ids
from claimgraph.web import params
from claimgraph.web.errors import ERROR_RESPONSES, not_found
from claimgraph.web.models import EventDetail, EventPage
from claimgraph.web.params import (
    DEFAULT_LIMIT,
    Count,
    Day,
    EntityName,
    ItemId,
    Limit,
    Offset,
    PlaceName,
    TypeName,
    json_response,
    names_of,
)
from claimgraph.web.schemas import event_detail_json, page_json
from claimgraph.web.state import State

# What one event detail shows at most (an event of a syndicated story can gather hundreds of claims).
MAX_EVENT_CLAIMS = 500

router = APIRouter(prefix="/api", tags=["events"], responses=ERROR_RESPONSES)


@router.get("/events", summary="Events, latest happening first, filtered", response_model=EventPage)
def events(state: State, limit: Limit = DEFAULT_LIMIT, offset: Offset = 0, count: Count = False,
           type: TypeName = None, entity: EntityName = None, place: PlaceName = None,
           since: Day = None, until: Day = None,
           min_sources: Annotated[int | None, Query(ge=0, le=1_000_000,
                                                    description="At least this many independent sources.")] = None,
           ) -> Response:
    f = pages.EventFilter(type=params.claim_type(state, type), since=params.day("since", since),
                          until=params.day("until", until), min_sources=min_sources,
                          entity_ids=params.entities(state, entity), place_ids=params.entities(state, place))
    page = pages.page_events(state.reader, f, limit=limit, offset=offset, count=count)
    return json_response(page_json(page, [event_json(e) for e in page.items],
                                   entities=names_of(state, event_entity_ids(page.items)),
                                   matched=params.matched(entity=f.entity_ids, place=f.place_ids)))


@router.get("/events/{event_id}", response_model=EventDetail,
            summary="One event: claims, evidence spans, named sources, via chains, independent sources",
            responses={301: {"description": "The event was merged into another by a later ingest: its id."}})
def event(state: State, event_id: ItemId) -> Response:
    ev = state.reader.event(event_id)
    if ev is None:
        successor = state.reader.event_successor(event_id)
        if successor is not None:  # merged into another event by a later ingest
            return RedirectResponse(f"/api/events/{successor}", status_code=301)
        raise not_found("event", event_id)
    claims = state.reader.claims_by_ids(ev.claim_ids[:MAX_EVENT_CLAIMS])
    order = {claim_id: k for k, claim_id in enumerate(ev.claim_ids)}
    claims.sort(key=lambda c: order[c.id])
    documents = state.reader.documents_by_ids({c.document_id for c in claims}, with_text=False)
    contradictions = state.reader.contradictions(c.id for c in claims)
    names = names_of(state, claim_entity_ids(claims) | event_entity_ids([ev]))
    return json_response(event_detail_json(ev, claims, {i: document_summary(d) for i, d in documents.items()},
                                           contradictions, names))
