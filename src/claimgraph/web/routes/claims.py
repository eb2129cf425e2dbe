"""Claims: a filtered list, and one claim with its document, events and contradictions."""

from __future__ import annotations

from typing import Annotated, Literal

from fastapi import APIRouter, Query
from fastapi.responses import Response

from claimgraph.export.json import claim_json, contradiction_json, event_json
from claimgraph.extract.confidence import floor
from claimgraph.model import MODALITIES, POLARITIES
from claimgraph.store import pages
from claimgraph.store.rows import claim_entity_ids, document_summary
from claimgraph.web import params
from claimgraph.web.errors import ERROR_RESPONSES, not_found
from claimgraph.web.models import ClaimDetail, ClaimPage
from claimgraph.web.params import (
    DEFAULT_LIMIT,
    MAX_NAME_CHARS,
    MAX_QUERY_CHARS,
    Count,
    Day,
    EntityName,
    ItemId,
    Limit,
    MinConfidence,
    Name,
    Offset,
    PlaceName,
    TypeName,
    json_response,
    names_of,
)
from claimgraph.web.schemas import page_json
from claimgraph.web.state import State

router = APIRouter(prefix="/api", tags=["claims"], responses=ERROR_RESPONSES)


@router.get("/claims", summary="Claims, newest first, filtered", response_model=ClaimPage)
def claims(state: State, limit: Limit = DEFAULT_LIMIT, offset: Offset = 0, count: Count = False,
           type: TypeName = None, entity: EntityName = None,
           source: Annotated[str | None, Query(min_length=1, max_length=MAX_NAME_CHARS,
                                               description="Who says so (source or a relay).")] = None,
           place: PlaceName = None,
           document: Name = None,
           polarity: Literal[POLARITIES] | None = None,  # type: ignore[valid-type]
           modality: Literal[MODALITIES] | None = None,  # type: ignore[valid-type]
           since: Day = None, until: Day = None,
           q: Annotated[str | None, Query(min_length=1, max_length=MAX_QUERY_CHARS,
                                          description="Words that must all occur in the evidence.")] = None,
           min_confidence: MinConfidence = None,
           ) -> Response:
    f = pages.ClaimFilter(
        min_confidence=floor(min_confidence),
        type=params.claim_type(state, type), document=document, polarity=polarity, modality=modality,
        since=params.day("since", since), until=params.day("until", until), text=q,
        entity_ids=params.entities(state, entity), source_ids=params.entities(state, source),
        place_ids=params.entities(state, place),
    )
    page = pages.page_claims(state.reader, f, limit=limit, offset=offset, count=count)
    docs = state.reader.documents_by_ids({c.document_id for c in page.items}, with_text=False)
    return json_response(page_json(
        page, [claim_json(c) for c in page.items],
        documents={i: document_summary(d) for i, d in docs.items()},
        entities=names_of(state, claim_entity_ids(page.items)),
        matched=params.matched(entity=f.entity_ids, source=f.source_ids, place=f.place_ids)))


@router.get("/claims/{claim_id}", summary="One claim, its document, events and contradictions",
            response_model=ClaimDetail)
def claim(state: State, claim_id: ItemId) -> Response:
    found = state.reader.claim(claim_id)
    if found is None:
        raise not_found("claim", claim_id)
    document = state.reader.documents_by_ids([found.document_id], with_text=False).get(found.document_id)
    events = state.reader.events_by_ids(state.reader.events_of_claim(claim_id))
    return json_response({
        "claim": claim_json(found),
        "document": document_summary(document) if document else None,
        "events": [event_json(e) for e in events],
        "contradictions": [contradiction_json(x) for x in state.reader.contradictions([claim_id])],
        "entities": names_of(state, claim_entity_ids([found])),
    })
