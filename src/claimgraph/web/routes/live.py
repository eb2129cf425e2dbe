"""Writing and watching: ``POST /api/ingest`` (one article) and ``/api/stream`` (Server-Sent Events)."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Header
from fastapi.concurrency import run_in_threadpool
from fastapi.responses import Response, StreamingResponse

from claimgraph.ingest.fetch import Fetcher, fetch_items
from claimgraph.model import InputItem
from claimgraph.web.errors import ERROR_RESPONSES, ApiError
from claimgraph.web.live import TooManySubscribers, parse_last_event_id
from claimgraph.web.models import IngestResult
from claimgraph.web.params import json_response
from claimgraph.web.schemas import IngestRequest
from claimgraph.web.state import ApiState, State

router = APIRouter(prefix="/api", responses=ERROR_RESPONSES)

STREAM_DESCRIPTION = ("Messages `document`, `claim`, `event` and `contradiction`, each `id:`, `event:` and a JSON "
                      "`data:` line; a reconnect with Last-Event-ID gets what it missed.")


@router.post("/ingest", tags=["ingest"], status_code=201, response_model=IngestResult,
             summary="Ingest one article (text, HTML or a URL); 201 if new, 200 if already known",
             responses={200: {"model": IngestResult, "description": "The article was already stored."}})
async def ingest(state: State, body: IngestRequest) -> Response:
    item = await _input_item(state, body)
    async with state.write_lock:
        outcome = await run_in_threadpool(state.ingest, item)
    if outcome.document_id is None:
        reject = outcome.reject
        reason = reject.reason if reject else "rejected"
        detail = reject.detail if reject else ""
        raise ApiError(422, "rejected", f"{reason}: {detail}" if detail else reason, reason=reason)
    state.publish(outcome)
    return json_response({
        "document_id": outcome.document_id, "duplicate": outcome.duplicate,
        "claims": [c.id for c in outcome.claims], "events": [e.id for e in outcome.events],
        "contradictions": [x.id for x in outcome.contradictions],
    }, status=200 if outcome.duplicate else 201)


@router.get("/stream", tags=["live"], summary="Server-Sent Events: document, claim, event, contradiction",
            response_class=StreamingResponse, response_model=str,
            responses={200: {"description": STREAM_DESCRIPTION,
                             "content": {"text/event-stream": {"schema": {"type": "string"}}}}})
async def stream(state: State, last_event_id: Annotated[str | None, Header(max_length=40)] = None) -> Response:
    try:
        state.broadcaster.check_capacity()
    except TooManySubscribers as exc:
        raise ApiError(503, "too_many_streams", f"{exc}; close a dashboard tab or try again later") from None
    return StreamingResponse(state.broadcaster.stream(parse_last_event_id(last_event_id)),
                             media_type="text/event-stream",
                             headers={"Cache-Control": "no-cache", "X-Accel-Buffering": "no"})


async def _input_item(state: ApiState, body: IngestRequest) -> InputItem:
    kind = body.kind()
    meta = {"title": body.title, "published": body.published, "outlet": body.outlet}
    if kind != "url":
        text = body.text if kind == "text" else body.html
        return InputItem(origin=f"api:{kind}", text=text, kind=kind, **meta)
    def fetch() -> InputItem | None:
        with Fetcher(allow_private=state.allow_private_fetch) as fetcher:
            return next(iter(fetch_items([body.url], fetcher)), None)

    item = await run_in_threadpool(fetch)
    if item is None:
        raise ApiError(422, "rejected", f"nothing could be fetched from {body.url}", reason="unreadable")
    for key, value in meta.items():  # what the caller says wins over what the page says
        if value is not None:
            setattr(item, key, value)
    return item
