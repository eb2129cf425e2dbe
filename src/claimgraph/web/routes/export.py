"""Everything in one file (``/api/export``), and the written brief (``/api/brief``)."""

from __future__ import annotations

from typing import Literal

from fastapi import APIRouter
from fastapi.concurrency import run_in_threadpool
from fastapi.responses import Response

from claimgraph.export.brief import write_brief
from claimgraph.export.base import get_exporter
from claimgraph.web.errors import ERROR_RESPONSES, JSON_ERROR_RESPONSES, error_response
from claimgraph.web.exports import (
    EXPORT_FORMATS,
    EXPORT_RETRY_SECONDS,
    MAX_EXPORTS_QUEUED,
    brief_in_process,
    export_filename,
    export_response,
    own_reader,
)
from claimgraph.web.models import ExportOut
from claimgraph.web.params import Day, MinConfidence, Name, day
from claimgraph.web.state import State

router = APIRouter(prefix="/api", tags=["export"], responses=ERROR_RESPONSES)

OTHER_FORMATS = {get_exporter(f).media_type.split(";")[0]: {"schema": {"type": "string"}}
                 for f in EXPORT_FORMATS if f != "json"}


class MarkdownResponse(Response):
    media_type = "text/markdown; charset=utf-8"


@router.get("/export", summary="Everything in one file: json (the export contract), csv, geojson or stix",
            response_model=ExportOut, responses={200: {"content": OTHER_FORMATS}})
def export(state: State, format: Literal[EXPORT_FORMATS] = "json") -> Response:  # type: ignore[valid-type]  # noqa: A002
    headers = {"Content-Disposition": f'attachment; filename="{export_filename(format)}"'}
    if format == "json" and state.reader.path != ":memory:":
        # streamed from its own connection and snapshot: a big database is never all in memory
        if not state.exports.admit():
            return error_response(503, "too_many_exports", f"{MAX_EXPORTS_QUEUED} exports are running or "
                                  "waiting; try again when one has finished",
                                  headers={"Retry-After": str(EXPORT_RETRY_SECONDS)})
        return state.exports.response(state.reader.path, headers)
    with own_reader(state.reader) as store:
        return export_response(format, store, headers)


@router.get("/brief", summary="A written briefing since a day, optionally about one entity",
            response_model=str, response_class=MarkdownResponse, responses=JSON_ERROR_RESPONSES)
async def brief(state: State, since: Day = None, entity: Name = None,
                min_confidence: MinConfidence = None) -> Response:
    since = day("since", since)
    if state.reader.path == ":memory:":
        data = await run_in_threadpool(write_brief, state.reader, since, entity, min_confidence=min_confidence)
    else:  # seconds of Python: in a process of its own, so reads keep the interpreter lock
        async with state.briefs:
            data = await brief_in_process(state.reader.path, since, entity, min_confidence)
    return MarkdownResponse(data)
