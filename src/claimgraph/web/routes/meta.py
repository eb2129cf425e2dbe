"""``/api/health`` and ``/api/stats``."""

from __future__ import annotations

from fastapi import APIRouter
from fastapi.responses import Response

import claimgraph
from claimgraph.extract.confidence import floor
from claimgraph.web.errors import ERROR_RESPONSES
from claimgraph.web.models import Health, Stats
from claimgraph.web.params import json_response
from claimgraph.web.state import State

router = APIRouter(prefix="/api", tags=["meta"], responses=ERROR_RESPONSES)


@router.get("/health", summary="Liveness and versions", response_model=Health)
def health(state: State) -> Response:
    return json_response({"status": "ok", "version": claimgraph.__version__,
                          "schema_version": state.reader.schema_version(),
                          "writes_need_token": state.token is not None,
                          "pipeline_ready": state.pipeline_ready,
                          "live_streams": state.broadcaster.subscribers})


@router.get("/stats", summary="Row counts, and claims and events per type", response_model=Stats)
def stats(state: State) -> Response:
    # claims as the rest of the API lists them: those sure enough to speak; the others
    # are counted apart
    sure = floor(None)
    per_type = state.reader.claims_by_type(sure)
    counts = state.reader.counts()
    counts["unsure_claims"] = counts["claims"] - sum(per_type.values())
    counts["claims"] = sum(per_type.values())
    return json_response({"counts": counts, "claims_by_type": per_type,
                          "events_by_type": state.reader.events_by_type(), "min_confidence": sure})
