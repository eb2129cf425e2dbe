"""Contradictions, with both sides' claims."""

from __future__ import annotations

from typing import Literal

from fastapi import APIRouter
from fastapi.responses import Response

from claimgraph.export.json import CONTRADICTION_KINDS, claim_json, contradiction_json
from claimgraph.store import pages
from claimgraph.store.rows import claim_entity_ids
from claimgraph.web.errors import ERROR_RESPONSES
from claimgraph.web.models import ContradictionPage
from claimgraph.web.params import DEFAULT_LIMIT, Count, Limit, Offset, json_response, names_of
from claimgraph.web.schemas import page_json
from claimgraph.web.state import State

router = APIRouter(prefix="/api", tags=["contradictions"], responses=ERROR_RESPONSES)


@router.get("/contradictions", summary="Contradictions with both sides' claims", response_model=ContradictionPage)
def contradictions(state: State, limit: Limit = DEFAULT_LIMIT, offset: Offset = 0, count: Count = False,
                   kind: Literal[CONTRADICTION_KINDS] | None = None) -> Response:  # type: ignore[valid-type]
    page = pages.page_contradictions(state.reader, limit=limit, offset=offset, kind=kind, count=count)
    claims = state.reader.claims_by_ids({c for x in page.items for c in x.claim_ids})
    return json_response(page_json(
        page, [contradiction_json(x) for x in page.items],
        claims={c.id: claim_json(c) for c in claims},
        entities=names_of(state, claim_entity_ids(claims))))
