"""Entities: a list by name, and one entity with the claims and events naming it."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Query
from fastapi.responses import Response

from claimgraph.export.json import claim_json, entity_json, event_json
from claimgraph.store import pages
from claimgraph.store.rows import claim_entity_ids, event_entity_ids
from claimgraph.web.errors import ERROR_RESPONSES, not_found
from claimgraph.web.models import EntityDetail, EntityPage
from claimgraph.web.params import DEFAULT_LIMIT, Count, ItemId, Limit, Name, Offset, json_response, names_of
from claimgraph.web.schemas import entity_detail_json, page_json
from claimgraph.web.state import State

router = APIRouter(prefix="/api", tags=["entities"], responses=ERROR_RESPONSES)


@router.get("/entities", summary="Entities by name", response_model=EntityPage)
def entities(state: State, limit: Limit = DEFAULT_LIMIT, offset: Offset = 0, count: Count = False,
             type: Annotated[str | None, Query(pattern=r"^[A-Za-z_]{1,40}$",
                                               description="PERSON, ORG, GPE, WEAPON, SOURCE, ...")] = None,
             q: Name = None) -> Response:
    page = pages.page_entities(state.reader, limit=limit, offset=offset,
                               type=type.upper() if type else None, q=q, count=count)
    return json_response(page_json(page, [entity_json(e) for e in page.items]))


@router.get("/entities/{entity_id}", summary="One entity with the claims and events naming it",
            response_model=EntityDetail)
def entity(state: State, entity_id: ItemId, limit: Limit = DEFAULT_LIMIT, offset: Offset = 0) -> Response:
    found = state.reader.entity(entity_id)
    if found is None:
        raise not_found("entity", entity_id)
    ids = (entity_id,)
    claims = pages.page_claims(state.reader, pages.ClaimFilter(entity_ids=ids), limit=limit, offset=offset)
    events = pages.page_events(state.reader, pages.EventFilter(entity_ids=ids), limit=limit, offset=0)
    names = names_of(state, claim_entity_ids(claims.items) | event_entity_ids(events.items))
    return json_response(entity_detail_json(
        found, pages.mentions(state.reader, ids),
        page_json(claims, [claim_json(c) for c in claims.items]),
        page_json(events, [event_json(e) for e in events.items]), names))
