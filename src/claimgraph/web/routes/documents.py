"""Documents, their places, and the inputs that were refused."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Query
from fastapi.responses import Response

from claimgraph.errors import SearchSyntaxError
from claimgraph.resolve.geoparse import place_ids_of_entity
from claimgraph.store import pages
from claimgraph.store.rows import claim_entity_ids
from claimgraph.web.errors import ERROR_RESPONSES, ApiError, not_found
from claimgraph.web.models import DocumentDetail, DocumentPage, DocumentPlaces, PlaceMentions, RejectPage
from claimgraph.web.params import DEFAULT_LIMIT, Count, ItemId, Limit, Name, Offset, Text, json_response, names_of
from claimgraph.web.schemas import document_detail_json, page_json
from claimgraph.web.state import State

router = APIRouter(prefix="/api", tags=["documents"], responses=ERROR_RESPONSES)


@router.get("/documents", summary="Documents, newest first or by relevance to q", response_model=DocumentPage)
def documents(state: State, limit: Limit = DEFAULT_LIMIT, offset: Offset = 0, count: Count = False,
              q: Text = None, outlet: Name = None) -> Response:
    try:
        page = pages.page_documents(state.reader, limit=limit, offset=offset, outlet=outlet, q=q, count=count)
    except SearchSyntaxError:  # a locked database is a StoreError: 503, not this 400
        raise ApiError(400, "bad_query", f"cannot search for {q!r}: use words, \"a phrase\", prefix*, "
                                         "OR and NOT") from None
    return json_response(page_json(page, page.items))


@router.get("/documents/{document_id}", summary="One document: its text and the evidence spans of its claims",
            response_model=DocumentDetail)
def document(state: State, document_id: ItemId) -> Response:
    doc = state.reader.document(document_id)
    if doc is None:
        raise not_found("document", document_id)
    claims = state.reader.claims(document=document_id)
    return json_response(document_detail_json(doc, claims, names_of(state, claim_entity_ids(claims))))


@router.get("/documents/{document_id}/places", response_model=DocumentPlaces,
            summary="Every place the document names: offsets, GeoNames id, feature code and point")
def document_places(state: State, document_id: ItemId) -> Response:
    if not state.reader.documents_by_ids([document_id], with_text=False):
        raise not_found("document", document_id)
    return json_response({"document_id": document_id,
                          "places": state.reader.place_mentions(document_id=document_id)})


@router.get("/places/{place_id}", tags=["entities"], response_model=PlaceMentions,
            summary="Where a place is named, across documents (a geoparser place id or a place entity's id)")
def place_mentions(state: State, place_id: ItemId, limit: Limit = DEFAULT_LIMIT) -> Response:
    entity = state.reader.entity(place_id)
    ids = place_ids_of_entity(entity) if entity is not None else [place_id]
    mentions = [m for i in ids for m in state.reader.place_mentions(place_id=i)]
    mentions.sort(key=lambda m: (m["document_id"], m["start"]))
    return json_response({"place_id": place_id, "mentions": mentions[:limit]})


@router.get("/rejects", summary="Inputs that were refused, with the reason", response_model=RejectPage)
def rejects(state: State, limit: Limit = DEFAULT_LIMIT, offset: Offset = 0, count: Count = False,
            reason: Annotated[str | None, Query(pattern=r"^[a-z0-9-]{1,40}$")] = None) -> Response:
    page = pages.page_rejects(state.reader, limit=limit, offset=offset, reason=reason, count=count)
    return json_response(page_json(page, page.items))
