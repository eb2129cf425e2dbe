"""The HTTP API (FastAPI): JSON lists with paging and filters, one item with its
evidence, exports, ingest, and live updates as Server-Sent Events.

    from claimgraph.web import create_app, serve
    app = create_app("news.db")          # an ASGI app, e.g. for TestClient or uvicorn
    serve("news.db", port=8000)          # what `claimgraph serve` runs

Endpoints (OpenAPI at /docs and /openapi.json): ``GET /api/health``, ``/api/stats``,
``/api/documents[/{id}]``, ``/api/claims[/{id}]``, ``/api/events[/{id}]``,
``/api/entities[/{id}]``, ``/api/contradictions``, ``/api/rejects``,
``/api/export?format=``, ``/api/brief``, ``/api/stream``; ``POST /api/ingest``.

Every error has one shape, ``{"error": {"code": "...", "message": "..."}}``: 4xx for
bad parameters (never a 500), 404 for unknown ids, 413 for bodies over the limit.
Reads go through their own SQLite connection (WAL lets them run beside a write);
ingests run one at a time in a worker thread and then publish what they added.
"""

from __future__ import annotations

import asyncio
import json
import logging
import os
import sys
import threading
from collections.abc import AsyncIterator, Iterator
from contextlib import asynccontextmanager, contextmanager
from dataclasses import dataclass, field, replace
from datetime import date
from pathlib import Path
from typing import Annotated, Any, Literal

from fastapi import Depends, FastAPI, Header, Query, Request
from fastapi import Path as PathParam
from fastapi.concurrency import run_in_threadpool
from fastapi.exceptions import RequestValidationError
from fastapi.responses import (FileResponse, HTMLResponse, JSONResponse, RedirectResponse, Response,
                               StreamingResponse)
from starlette.exceptions import HTTPException as StarletteHTTPException
from starlette.staticfiles import StaticFiles

import claimgraph
from claimgraph.api import Claimgraph
from claimgraph.errors import ConfigError, StoreError
from claimgraph.export.json import claim_json, contradiction_json, entity_json, event_json
from claimgraph.extract.confidence import floor
from claimgraph.extract.lexicon import load_lexicon
from claimgraph.model import MODALITIES, POLARITIES, Claim, Contradiction, Event, InputItem, Reject
from claimgraph.resolve.geoparse import place_ids_of_entity
from claimgraph.settings import Settings
from claimgraph.store import Store
from claimgraph.web import queries
from claimgraph.web.events import Broadcaster, TooManySubscribers, parse_last_event_id
from claimgraph.web.schemas import (
    IngestRequest,
    claim_preview,
    contradiction_preview,
    document_detail_json,
    entity_detail_json,
    event_detail_json,
    event_preview,
    page_json,
)
from claimgraph.web.security import (
    LOOPBACK_NAMES,
    MAX_BODY_BYTES,
    BodyLimit,
    HostCheck,
    SecurityHeaders,
    WriteGuard,
    check_bind,
    is_loopback,
)

log = logging.getLogger("claimgraph.web")

MAX_LIMIT = 500
DEFAULT_LIMIT = 50
# Offsets past this are refused: paging that deep costs a scan of every skipped row.
MAX_OFFSET = 1_000_000
MAX_QUERY_CHARS = 500
MAX_NAME_CHARS = 200
# What one event detail shows at most (an event of a syndicated story can gather hundreds of claims).
MAX_EVENT_CLAIMS = 500
WEB_DIR = Path(__file__).parent
STATIC_DIR = WEB_DIR / "static"
EXPORT_FORMATS = ("json", "csv", "geojson", "stix")
EXPORT_MEDIA = {"json": "application/json", "csv": "text/csv; charset=utf-8",
                "geojson": "application/geo+json", "stix": "application/stix+json;version=2.1"}
EXPORT_SUFFIX = {"json": "json", "csv": "csv", "geojson": "geojson", "stix": "stix.json"}
CONTRADICTION_KINDS = ("quantity", "time", "polarity", "category")
# JSON exports reading at once, and in flight at most (running or waiting): an export is
# seconds of CPU on a big database, and every one shares the process with the readers.
MAX_EXPORTS_RUNNING = 2
MAX_EXPORTS_QUEUED = 8
EXPORT_RETRY_SECONDS = 10
EXPORT_CHUNK_BYTES = 256 * 1024
# Ingests, exports and briefs run in processes of lower CPU priority: on a busy machine the
# scheduler serves the reads first, and the long jobs take what is left.
BACKGROUND_NICENESS = 10

Limit = Annotated[int, Query(ge=1, le=MAX_LIMIT, description=f"Items per page (at most {MAX_LIMIT}).")]
Offset = Annotated[int, Query(ge=0, le=MAX_OFFSET, description="Items to skip (see next_offset).")]
Count = Annotated[bool, Query(description="Count every match for `total` (otherwise null while there are "
                                          "more pages); on a large database this can take a full scan.")]
Day = Annotated[str | None, Query(pattern=r"^\d{4}-\d{2}-\d{2}$", description="A day, YYYY-MM-DD.")]
Name = Annotated[str | None, Query(min_length=1, max_length=MAX_NAME_CHARS)]
MinConfidence = Annotated[float | None, Query(ge=0, le=1, description="Leave out claims less sure than this "
                                              "(default: the calibrated threshold; 0 keeps every claim).")]
Text = Annotated[str | None, Query(min_length=1, max_length=MAX_QUERY_CHARS)]
ItemId = Annotated[str, PathParam(min_length=1, max_length=MAX_NAME_CHARS)]


class ApiError(Exception):
    """An error answered in the API's shape: ``{"error": {"code", "message", **extra}}``."""

    def __init__(self, status: int, code: str, message: str, **extra: Any):
        super().__init__(message)
        self.status, self.code, self.message, self.extra = status, code, message, extra


def error_response(status: int, code: str, message: str, headers: dict[str, str] | None = None,
                   **extra: Any) -> JSONResponse:
    return JSONResponse({"error": {"code": code, "message": message, **extra}}, status_code=status,
                        headers=headers)


def json_response(data: Any, status: int = 200) -> Response:
    # Plain json.dumps: FastAPI's jsonable_encoder walks every value and costs
    # milliseconds on a page of claims.
    return Response(json.dumps(data, ensure_ascii=False), status_code=status, media_type="application/json")


# -- state ---------------------------------------------------------------------------------


@dataclass
class IngestOutcome:
    """What one ingest added (or, with ``document_id`` None, why it was refused)."""

    document_id: str | None
    duplicate: bool = False
    claims: list[Claim] = field(default_factory=list)
    events: list[Event] = field(default_factory=list)  # every event holding one of the claims
    new_event_ids: set[str] = field(default_factory=set)  # those that did not exist before
    contradictions: list[Contradiction] = field(default_factory=list)  # new ones only
    document: dict[str, Any] | None = None
    names: dict[str, Any] = field(default_factory=dict)
    reject: Reject | None = None


class ApiState:
    """What the routes share: the database (a writer and a reader), the write lock, the broadcaster."""

    def __init__(self, db_path: str, settings: Settings | None, token: str | None, allow_private_fetch: bool,
                 pipeline: Any = None, ingest_process: bool = False):
        settings = replace(settings, db=db_path) if settings else Settings.from_env(db=db_path)
        # Ingests in a process of their own: spaCy and the extractor then never take the
        # interpreter lock from the reads this process answers meanwhile.
        self._worker = IngestWorker(settings) if ingest_process and db_path != ":memory:" else None
        self.claimgraph = Claimgraph(settings=settings)
        if pipeline is not None:
            self.claimgraph._pipeline = pipeline
        # ":memory:" is one database per connection: reads must share the writer's.
        self.reader = self.claimgraph.store if db_path == ":memory:" else Store(db_path)
        self.token = token
        self.allow_private_fetch = allow_private_fetch
        self.broadcaster = Broadcaster()
        self.write_lock = asyncio.Lock()
        self.exports = ExportSlots(MAX_EXPORTS_RUNNING, MAX_EXPORTS_QUEUED)
        self.briefs = asyncio.Semaphore(MAX_EXPORTS_RUNNING)
        self.claim_types = frozenset(load_lexicon().types)
        self._pipeline_lock = threading.Lock()
        self.pipeline_ready = False

    def warm_up(self) -> None:
        """Load spaCy, the extractor and the place index now (seconds), not in the first
        ingest request."""
        with self._pipeline_lock:
            if not self.pipeline_ready:
                if self._worker is not None:
                    self._worker.ready()
                else:
                    self.claimgraph.pipeline.warm_up()
            self.pipeline_ready = True

    def close(self) -> None:
        if self._worker is not None:
            self._worker.close()
        self.broadcaster.close()
        if self.reader is not self.claimgraph.store:
            self.reader.close()
        self.claimgraph.close()

    # -- ingest (runs in a worker thread or the ingest process, one at a time) --
    def ingest(self, item: InputItem) -> IngestOutcome:
        if self._worker is not None:
            outcome = self._worker.ingest(item)
            self.pipeline_ready = True
            return outcome
        self.warm_up()
        return ingest_outcome(self.claimgraph, item)

    def publish(self, outcome: IngestOutcome) -> None:
        """Tell every live stream what one ingest added (nothing for a duplicate)."""
        if outcome.duplicate or outcome.document_id is None:
            return
        hub = self.broadcaster
        hub.publish("document", {**(outcome.document or {"id": outcome.document_id}),
                                 "claims": len(outcome.claims)})
        for claim in outcome.claims:
            hub.publish("claim", claim_preview(claim, outcome.names))
        for event in outcome.events:
            hub.publish("event", event_preview(event, new=event.id in outcome.new_event_ids))
        for x in outcome.contradictions:
            hub.publish("contradiction", contradiction_preview(x))


def ingest_outcome(cg: Claimgraph, item: InputItem) -> IngestOutcome:
    """Ingest one item and read back what it added (in the server, or in its ingest process)."""
    store = cg.store
    events_before = queries.event_ids(store)
    contradictions_before = queries.contradiction_ids(store)
    report = cg.ingest_items([item])
    raw_hash = item.raw_hash() if item.error is None else None
    known = queries.input_outcome(store, raw_hash) if raw_hash else None
    if report.rejected or known is None or known[1] is None:
        return IngestOutcome(None, reject=queries.latest_reject(store, raw_hash=raw_hash, origin=item.origin))
    document_id = known[1]
    claims = queries.document_claims(store, document_id)
    by_claim = queries.events_of_claims(store, [c.id for c in claims])
    events = queries.events_by_id(store, {e for ids in by_claim.values() for e in ids})
    contradictions = queries.page_contradictions(store, limit=MAX_LIMIT, offset=0,
                                                 claim_ids=[c.id for c in claims]).items
    return IngestOutcome(
        document_id, duplicate=report.ingested == 0, claims=claims, events=events,
        new_event_ids={e.id for e in events} - events_before,
        contradictions=[x for x in contradictions if x.id not in contradictions_before],
        document=queries.documents_by_id(store, [document_id]).get(document_id),
        names=queries.entity_names(store, queries.claim_entity_ids(claims)),
    )


class IngestWorker:
    """One process that runs every ingest, one at a time, with its own pipeline and connection.
    A worker that died (killed, out of memory) is replaced on the next ingest."""

    def __init__(self, settings: Settings):
        self.settings = settings
        self._pool = self._start()

    def _start(self):
        import multiprocessing
        from concurrent.futures import ProcessPoolExecutor

        # spawn: the server has threads running, and a forked copy of their locks could hang
        return ProcessPoolExecutor(1, mp_context=multiprocessing.get_context("spawn"),
                                   initializer=_worker_start, initargs=(self.settings,))

    def ready(self) -> None:
        """Wait until the process has loaded the pipeline."""
        self._pool.submit(_worker_ready).result()

    def ingest(self, item: InputItem) -> IngestOutcome:
        from concurrent.futures.process import BrokenProcessPool

        try:
            return self._pool.submit(_worker_ingest, item).result()
        except BrokenProcessPool:
            log.error("the ingest process died; starting another")
            self._pool = self._start()
            return self._pool.submit(_worker_ingest, item).result()

    def close(self) -> None:
        self._pool.shutdown(wait=True, cancel_futures=True)


_WORKER: Claimgraph | None = None


def _worker_start(settings: Settings) -> None:
    global _WORKER
    os.nice(BACKGROUND_NICENESS)
    _WORKER = Claimgraph(settings=settings)
    _WORKER.pipeline.warm_up()


def _worker_ready() -> bool:
    return _WORKER is not None


def _worker_ingest(item: InputItem) -> IngestOutcome:
    assert _WORKER is not None
    return ingest_outcome(_WORKER, item)


def _state(request: Request) -> ApiState:
    return request.app.state.claimgraph


State = Annotated[ApiState, Depends(_state)]


# -- parameter checks that a type cannot express -----------------------------------------------


def _day(name: str, value: str | None) -> str | None:
    if value is None:
        return None
    try:
        date.fromisoformat(value)
    except ValueError:
        raise ApiError(422, "invalid_parameter", f"{name}: {value!r} is not a calendar day (YYYY-MM-DD)") from None
    return value


def _claim_type(state: ApiState, value: str | None) -> str | None:
    if value is None:
        return None
    wanted = value.upper()
    if wanted not in state.claim_types:
        raise ApiError(422, "invalid_parameter",
                       f"type: unknown claim type {value!r}; one of {', '.join(sorted(state.claim_types))}")
    return wanted


def _entities(state: ApiState, needle: str | None) -> tuple[str, ...] | None:
    return None if needle is None else tuple(queries.entity_ids_matching(state.reader, needle))


def _matched(**found: tuple[str, ...] | None) -> dict[str, list[str]]:
    """Which entity ids each name filter resolved to (shown so a user sees why a list is empty)."""
    return {k: list(v) for k, v in found.items() if v is not None}


def _names_of(state: ApiState, ids: set[str]) -> dict[str, Any]:
    return queries.entity_names(state.reader, ids) if ids else {}


def _event_entity_ids(events) -> set[str]:
    ids: set[str] = set()
    for e in events:
        for role_ids in e.roles.values():
            ids.update(role_ids)
        ids.update(e.sources)
    return ids


# -- routes ---------------------------------------------------------------------------------------


def add_routes(app: FastAPI) -> None:  # noqa: C901 - one flat list of small routes reads best
    @app.get("/api/health", tags=["meta"], summary="Liveness and versions")
    def health(state: State) -> Response:
        return json_response({"status": "ok", "version": claimgraph.__version__,
                              "schema_version": state.reader.schema_version(),
                              "writes_need_token": state.token is not None,
                              "pipeline_ready": state.pipeline_ready,
                              "live_streams": state.broadcaster.subscribers})

    @app.get("/api/stats", tags=["meta"], summary="Row counts, and claims and events per type")
    def stats(state: State) -> Response:
        # claims as the rest of the API lists them: those sure enough to speak; the others
        # are counted apart
        sure = floor(None)
        per_type = dict(state.reader._query("SELECT type, COUNT(*) FROM claims WHERE confidence >= ?"
                                            " GROUP BY type ORDER BY type", (sure,)))
        events = dict(state.reader._query("SELECT type, COUNT(*) FROM events GROUP BY type ORDER BY type"))
        counts = state.reader.counts()
        counts["unsure_claims"] = counts["claims"] - sum(per_type.values())
        counts["claims"] = sum(per_type.values())
        return json_response({"counts": counts, "claims_by_type": per_type, "events_by_type": events,
                              "min_confidence": sure})

    @app.get("/api/documents", tags=["documents"], summary="Documents, newest first or by relevance to q")
    def documents(state: State, limit: Limit = DEFAULT_LIMIT, offset: Offset = 0, count: Count = False,
                  q: Text = None, outlet: Name = None) -> Response:
        try:
            page = queries.page_documents(state.reader, limit=limit, offset=offset, outlet=outlet, q=q, count=count)
        except StoreError:
            raise ApiError(400, "bad_query", f"cannot search for {q!r}: use words, \"a phrase\", prefix*, "
                                             "OR and NOT") from None
        return json_response(page_json(page, page.items))

    @app.get("/api/documents/{document_id}", tags=["documents"],
             summary="One document: its text and the evidence spans of its claims")
    def document(state: State, document_id: ItemId) -> Response:
        doc = queries.document(state.reader, document_id)
        if doc is None:
            raise ApiError(404, "not_found", f"no document with id {document_id!r}")
        claims = queries.document_claims(state.reader, document_id)
        return json_response(document_detail_json(doc, claims, _names_of(state, queries.claim_entity_ids(claims))))

    @app.get("/api/documents/{document_id}/places", tags=["documents"],
             summary="Every place the document names: offsets, GeoNames id, feature code and point")
    def document_places(state: State, document_id: ItemId) -> Response:
        if queries.document(state.reader, document_id) is None:
            raise ApiError(404, "not_found", f"no document with id {document_id!r}")
        return json_response({"document_id": document_id,
                              "places": state.reader.place_mentions(document_id=document_id)})

    @app.get("/api/places/{place_id}", tags=["entities"],
             summary="Where a place is named, across documents (a geoparser place id or a place entity's id)")
    def place_mentions(state: State, place_id: ItemId, limit: Limit = DEFAULT_LIMIT) -> Response:
        entity = state.reader.entity(place_id)
        ids = place_ids_of_entity(entity) if entity is not None else [place_id]
        mentions = [m for i in ids for m in state.reader.place_mentions(place_id=i)]
        mentions.sort(key=lambda m: (m["document_id"], m["start"]))
        return json_response({"place_id": place_id, "mentions": mentions[:limit]})

    @app.get("/api/claims", tags=["claims"], summary="Claims, newest first, filtered")
    def claims(state: State, limit: Limit = DEFAULT_LIMIT, offset: Offset = 0, count: Count = False,
               type: Annotated[str | None, Query(max_length=40, description="Claim type, e.g. ATTACK.")] = None,
               entity: Annotated[str | None, Query(min_length=1, max_length=MAX_NAME_CHARS,
                                                   description="Entity id, or part of a name or alias.")] = None,
               source: Annotated[str | None, Query(min_length=1, max_length=MAX_NAME_CHARS,
                                                   description="Who says so (source or a relay).")] = None,
               place: Annotated[str | None, Query(min_length=1, max_length=MAX_NAME_CHARS,
                                                  description="A place in the location role.")] = None,
               document: Name = None,
               polarity: Literal[POLARITIES] | None = None,  # type: ignore[valid-type]
               modality: Literal[MODALITIES] | None = None,  # type: ignore[valid-type]
               since: Day = None, until: Day = None,
               q: Annotated[str | None, Query(min_length=1, max_length=MAX_QUERY_CHARS,
                                              description="Words that must all occur in the evidence.")] = None,
               min_confidence: MinConfidence = None,
               ) -> Response:
        f = queries.ClaimFilter(
            min_confidence=floor(min_confidence),
            type=_claim_type(state, type), document=document, polarity=polarity, modality=modality,
            since=_day("since", since), until=_day("until", until), text=q,
            entity_ids=_entities(state, entity), source_ids=_entities(state, source),
            place_ids=_entities(state, place),
        )
        page = queries.page_claims(state.reader, f, limit=limit, offset=offset, count=count)
        docs = queries.documents_by_id(state.reader, {c.document_id for c in page.items})
        return json_response(page_json(
            page, [claim_json(c) for c in page.items], documents=docs,
            entities=_names_of(state, queries.claim_entity_ids(page.items)),
            matched=_matched(entity=f.entity_ids, source=f.source_ids, place=f.place_ids)))

    @app.get("/api/claims/{claim_id}", tags=["claims"], summary="One claim, its document, events and contradictions")
    def claim(state: State, claim_id: ItemId) -> Response:
        found = queries.claims_by_id(state.reader, [claim_id]).get(claim_id)
        if found is None:
            raise ApiError(404, "not_found", f"no claim with id {claim_id!r}")
        event_ids = queries.events_of_claims(state.reader, [claim_id]).get(claim_id, [])
        contradictions = queries.contradictions_of(state.reader, [claim_id])
        return json_response({
            "claim": claim_json(found),
            "document": queries.documents_by_id(state.reader, [found.document_id]).get(found.document_id),
            "events": [event_json(e) for e in queries.events_by_id(state.reader, event_ids)],
            "contradictions": [contradiction_json(x) for x in contradictions],
            "entities": _names_of(state, queries.claim_entity_ids([found])),
        })

    @app.get("/api/events", tags=["events"], summary="Events, latest happening first, filtered")
    def events(state: State, limit: Limit = DEFAULT_LIMIT, offset: Offset = 0, count: Count = False,
               type: Annotated[str | None, Query(max_length=40, description="Event type, e.g. ATTACK.")] = None,
               entity: Annotated[str | None, Query(min_length=1, max_length=MAX_NAME_CHARS,
                                                   description="Entity id, or part of a name or alias.")] = None,
               place: Annotated[str | None, Query(min_length=1, max_length=MAX_NAME_CHARS,
                                                  description="A place in the location role.")] = None,
               since: Day = None, until: Day = None,
               min_sources: Annotated[int | None, Query(ge=0, le=1_000_000,
                                                        description="At least this many independent sources.")] = None,
               ) -> Response:
        f = queries.EventFilter(type=_claim_type(state, type), since=_day("since", since), until=_day("until", until),
                                min_sources=min_sources, entity_ids=_entities(state, entity),
                                place_ids=_entities(state, place))
        page = queries.page_events(state.reader, f, limit=limit, offset=offset, count=count)
        return json_response(page_json(page, [event_json(e) for e in page.items],
                                       entities=_names_of(state, _event_entity_ids(page.items)),
                                       matched=_matched(entity=f.entity_ids, place=f.place_ids)))

    @app.get("/api/events/{event_id}", tags=["events"],
             summary="One event: claims, evidence spans, named sources, via chains, independent sources")
    def event(state: State, event_id: ItemId) -> Response:
        found = queries.events_by_id(state.reader, [event_id])
        if not found:
            successor = state.reader.event_successor(event_id)
            if successor is not None:  # merged into another event by a later ingest
                return RedirectResponse(f"/api/events/{successor}", status_code=301)
            raise ApiError(404, "not_found", f"no event with id {event_id!r}")
        ev = found[0]
        shown = ev.claim_ids[:MAX_EVENT_CLAIMS]
        by_id = queries.claims_by_id(state.reader, shown)
        claims = [by_id[c] for c in shown if c in by_id]
        documents = queries.documents_by_id(state.reader, {c.document_id for c in claims})
        contradictions = queries.contradictions_of(state.reader, shown)
        names = _names_of(state, queries.claim_entity_ids(claims) | _event_entity_ids([ev]))
        return json_response(event_detail_json(ev, claims, documents, contradictions, names))

    @app.get("/api/entities", tags=["entities"], summary="Entities by name")
    def entities(state: State, limit: Limit = DEFAULT_LIMIT, offset: Offset = 0, count: Count = False,
                 type: Annotated[str | None, Query(pattern=r"^[A-Za-z_]{1,40}$",
                                                   description="PERSON, ORG, GPE, WEAPON, SOURCE, ...")] = None,
                 q: Name = None) -> Response:
        page = queries.page_entities(state.reader, limit=limit, offset=offset,
                                     type=type.upper() if type else None, q=q, count=count)
        return json_response(page_json(page, [entity_json(e) for e in page.items]))

    @app.get("/api/entities/{entity_id}", tags=["entities"], summary="One entity with the claims and events naming it")
    def entity(state: State, entity_id: ItemId, limit: Limit = DEFAULT_LIMIT, offset: Offset = 0) -> Response:
        found = state.reader.entity(entity_id)
        if found is None:
            raise ApiError(404, "not_found", f"no entity with id {entity_id!r}")
        ids = (entity_id,)
        claims = queries.page_claims(state.reader, queries.ClaimFilter(entity_ids=ids), limit=limit, offset=offset)
        events = queries.page_events(state.reader, queries.EventFilter(entity_ids=ids), limit=limit, offset=0)
        names = _names_of(state, queries.claim_entity_ids(claims.items) | _event_entity_ids(events.items))
        return json_response(entity_detail_json(
            found, queries.mentions(state.reader, ids),
            page_json(claims, [claim_json(c) for c in claims.items]),
            page_json(events, [event_json(e) for e in events.items]), names))

    @app.get("/api/contradictions", tags=["contradictions"], summary="Contradictions with both sides' claims")
    def contradictions(state: State, limit: Limit = DEFAULT_LIMIT, offset: Offset = 0, count: Count = False,
                       kind: Literal[CONTRADICTION_KINDS] | None = None) -> Response:  # type: ignore[valid-type]
        page = queries.page_contradictions(state.reader, limit=limit, offset=offset, kind=kind, count=count)
        claims = queries.claims_by_id(state.reader, {c for x in page.items for c in x.claim_ids})
        return json_response(page_json(
            page, [contradiction_json(x) for x in page.items],
            claims={cid: claim_json(c) for cid, c in sorted(claims.items())},
            entities=_names_of(state, queries.claim_entity_ids(claims.values()))))

    @app.get("/api/rejects", tags=["documents"], summary="Inputs that were refused, with the reason")
    def rejects(state: State, limit: Limit = DEFAULT_LIMIT, offset: Offset = 0, count: Count = False,
                reason: Annotated[str | None, Query(pattern=r"^[a-z0-9-]{1,40}$")] = None) -> Response:
        page = queries.page_rejects(state.reader, limit=limit, offset=offset, reason=reason, count=count)
        return json_response(page_json(page, page.items))

    @app.get("/api/export", tags=["export"], summary="Everything in one file: json (the export contract), csv, "
                                                     "geojson or stix")
    def export(state: State, format: Literal[EXPORT_FORMATS] = "json") -> Response:  # type: ignore[valid-type]  # noqa: A002
        filename = f"claimgraph.{EXPORT_SUFFIX[format]}"
        headers = {"Content-Disposition": f'attachment; filename="{filename}"'}
        if format == "json" and state.reader.path != ":memory:":
            # streamed from its own connection and snapshot: a big database is never all in memory
            if not state.exports.admit():
                return error_response(503, "too_many_exports", f"{MAX_EXPORTS_QUEUED} exports are running or "
                                      "waiting; try again when one has finished",
                                      headers={"Retry-After": str(EXPORT_RETRY_SECONDS)})
            return state.exports.response(state.reader.path, headers)
        with _own_reader(state) as store:
            data = _run_exporter(format, store)
        return _file_response(data, EXPORT_MEDIA[format], headers)

    @app.get("/api/brief", tags=["export"], summary="A written briefing since a day, optionally about one entity")
    async def brief(state: State, since: Day = None, entity: Name = None,
                    min_confidence: MinConfidence = None) -> Response:
        try:
            from claimgraph.export.brief import write_brief
        except ImportError:
            raise ApiError(501, "not_implemented", "briefings are not part of this version "
                                                   "(claimgraph.export.brief is missing)") from None
        since = _day("since", since)
        if state.reader.path == ":memory:":
            data = await run_in_threadpool(write_brief, state.reader, since, entity, min_confidence=min_confidence)
        else:  # seconds of Python: in a process of its own, so reads keep the interpreter lock
            async with state.briefs:
                data = await _brief_in_process(state.reader.path, since, entity, min_confidence)
        return _file_response(data, "text/markdown; charset=utf-8", {})

    @app.post("/api/ingest", tags=["ingest"], status_code=201,
              summary="Ingest one article (text, HTML or a URL); 201 if new, 200 if already known",
              responses={401: {"description": "a token is set and the request lacks it"},
                         413: {"description": "the body is larger than the limit"},
                         422: {"description": "bad fields, or the article was rejected (error.reason)"}})
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

    @app.get("/api/stream", tags=["live"], summary="Server-Sent Events: document, claim, event, contradiction",
             response_class=StreamingResponse)
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
    try:
        from claimgraph.ingest.fetch import Fetcher, fetch_items
    except ImportError:
        raise ApiError(501, "not_implemented", "fetching URLs is not part of this version "
                                               "(claimgraph.ingest.fetch is missing); send text or html") from None

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


class ExportSlots:
    """JSON exports in flight: at most ``running`` read the database at once, the others wait
    without holding a worker thread, and beyond ``queued`` in all a request is refused (503).

    Each export runs in a process of its own with its own connection and snapshot; the
    server only relays its output, holding no lock and no worker thread between chunks, so a
    slow or vanished client stalls only its own export."""

    def __init__(self, running: int, queued: int):
        self._running = asyncio.Semaphore(running)
        self._queued = queued
        self._in_flight = 0
        self._count_lock = threading.Lock()

    def admit(self) -> bool:
        """Reserve a place, or False when ``queued`` exports are in flight."""
        with self._count_lock:
            if self._in_flight >= self._queued:
                return False
            self._in_flight += 1
            return True

    def release(self) -> None:
        with self._count_lock:
            self._in_flight -= 1

    def response(self, path: str, headers: dict[str, str]) -> StreamingResponse:
        """The export of an admitted request; its place is released however the response ends
        (finished, failed, or the client gone before the first chunk)."""
        slots = self

        class ExportResponse(StreamingResponse):
            async def __call__(self, scope, receive, send) -> None:
                try:
                    await super().__call__(scope, receive, send)
                finally:
                    slots.release()

        return ExportResponse(self._stream(path), media_type=EXPORT_MEDIA["json"], headers=headers)

    async def _stream(self, path: str) -> AsyncIterator[bytes]:
        async with self._running:
            # A process of its own: seconds of JSON building would otherwise take the
            # interpreter lock from every read this server answers meanwhile.
            proc = await asyncio.create_subprocess_exec(
                sys.executable, "-c", EXPORT_PROCESS_CODE, path,
                stdin=asyncio.subprocess.DEVNULL, stdout=asyncio.subprocess.PIPE)
            try:
                while chunk := await proc.stdout.read(EXPORT_CHUNK_BYTES):
                    yield chunk
                if await proc.wait() != 0:
                    log.error("the JSON export of %s stopped with exit status %s", path, proc.returncode)
            finally:
                if proc.returncode is None:  # the client left: stop the export
                    proc.kill()
                    await proc.wait()


# What the export process runs: one connection, one snapshot, the contract a record per line.
EXPORT_PROCESS_CODE = """
import os, sys
os.nice(BACKGROUND_NICENESS)
from claimgraph.export.json import iter_json_text
from claimgraph.store import Store
store = Store(sys.argv[1])
out = sys.stdout
with store.snapshot():
    for piece in iter_json_text(store):
        out.write(piece)
out.flush()
store.close()
""".replace("BACKGROUND_NICENESS", str(BACKGROUND_NICENESS))


BRIEF_PROCESS_CODE = """
import json, os, sys
os.nice(BACKGROUND_NICENESS)
from claimgraph.export.brief import write_brief
from claimgraph.store import Store
args = json.loads(sys.argv[2])
store = Store(sys.argv[1])
sys.stdout.write(write_brief(store, args["since"], args["entity"], min_confidence=args["min_confidence"]))
store.close()
""".replace("BACKGROUND_NICENESS", str(BACKGROUND_NICENESS))


async def _brief_in_process(path: str, since: str | None, entity: str | None,
                            min_confidence: float | None) -> str:
    args = json.dumps({"since": since, "entity": entity, "min_confidence": min_confidence})
    proc = await asyncio.create_subprocess_exec(
        sys.executable, "-c", BRIEF_PROCESS_CODE, path, args, stdin=asyncio.subprocess.DEVNULL,
        stdout=asyncio.subprocess.PIPE, stderr=asyncio.subprocess.PIPE)
    try:
        out, err = await proc.communicate()
    finally:
        if proc.returncode is None:  # the client left: stop the brief
            proc.kill()
            await proc.wait()
    if proc.returncode != 0:
        log.error("the brief of %s failed: %s", path, err.decode(errors="replace")[-2000:])
        raise ApiError(500, "internal_error", "the brief could not be written; the server log has the details")
    return out.decode("utf-8")


@contextmanager
def _own_reader(state: ApiState) -> Iterator[Store]:
    """A connection of its own for a read of seconds (a brief, a CSV or STIX export): on the
    shared reader it would hold every list and detail request behind it for as long."""
    if state.reader.path == ":memory:":
        yield state.reader
        return
    store = Store(state.reader.path)
    try:
        yield store
    finally:
        store.close()


def _run_exporter(fmt: str, store: Store) -> Any:
    if fmt == "json":
        from claimgraph.export.json import export_json

        return export_json(store)
    module_name = {"csv": "csv", "geojson": "geojson", "stix": "stix"}[fmt]
    try:
        module = __import__(f"claimgraph.export.{module_name}", fromlist=[f"export_{fmt}"])
        exporter = getattr(module, f"export_{fmt}")
    except (ImportError, AttributeError):
        raise ApiError(501, "not_implemented", f"the {fmt} export is not part of this version "
                                               f"(claimgraph.export.{module_name}.export_{fmt} is missing); "
                                               "format=json works") from None
    try:
        return exporter(store)
    except ConfigError as exc:  # an optional package the format needs is not installed
        raise ApiError(501, "not_available", str(exc)) from None


def _file_response(data: Any, media_type: str, headers: dict[str, str]) -> Response:
    """An exporter's result as a response: text and bytes as they are, anything else as JSON."""
    if isinstance(data, bytes):
        return Response(data, media_type=media_type, headers=headers)
    if isinstance(data, str):
        return Response(data, media_type=media_type, headers=headers)
    return Response(json.dumps(data, ensure_ascii=False), media_type=media_type, headers=headers)


# -- errors ----------------------------------------------------------------------------------------

STATUS_CODES = {400: "bad_request", 401: "unauthorized", 403: "forbidden", 404: "not_found",
                405: "method_not_allowed", 413: "payload_too_large", 415: "unsupported_media_type",
                422: "invalid_parameter", 429: "too_many_requests", 501: "not_implemented",
                503: "unavailable"}


def _where(loc: tuple) -> str:
    parts = [str(p) for p in loc]
    if parts and parts[0] in ("query", "path", "header", "body"):
        kind = {"query": "query parameter", "path": "path", "header": "header", "body": "body"}[parts[0]]
        return f"{kind} {'.'.join(parts[1:])}".strip() if len(parts) > 1 else kind
    return ".".join(parts)


def _validation_detail(error: dict[str, Any]) -> dict[str, str]:
    if error.get("type") == "json_invalid":
        position = (error.get("loc") or ("body", "?"))[-1]
        return {"where": "body", "message": f"not valid JSON (at character {position})"}
    return {"where": _where(tuple(error.get("loc", ()))), "message": error.get("msg", "invalid")}


def add_error_handlers(app: FastAPI) -> None:
    @app.exception_handler(ApiError)
    async def api_error(_request: Request, exc: ApiError) -> JSONResponse:
        return error_response(exc.status, exc.code, exc.message, **exc.extra)

    @app.exception_handler(StarletteHTTPException)
    async def http_error(_request: Request, exc: StarletteHTTPException) -> JSONResponse:
        code = STATUS_CODES.get(exc.status_code, "error")
        message = exc.detail if isinstance(exc.detail, str) else code.replace("_", " ")
        if exc.status_code == 404 and message == "Not Found":
            message = "no such endpoint; the API is listed at /docs"
        return error_response(exc.status_code, code, message, headers=getattr(exc, "headers", None))

    @app.exception_handler(RequestValidationError)
    async def validation_error(_request: Request, exc: RequestValidationError) -> JSONResponse:
        details = [_validation_detail(e) for e in exc.errors()]
        message = "; ".join(f"{d['where']}: {d['message']}" for d in details) or "invalid request"
        return error_response(422, "invalid_parameter", message, details=details)

    @app.exception_handler(StoreError)
    async def store_error(_request: Request, exc: StoreError) -> JSONResponse:
        log.error("database error: %s", exc)
        return error_response(503, "store_unavailable", f"the database could not answer: {exc}")

    @app.exception_handler(Exception)
    async def unexpected(_request: Request, exc: Exception) -> JSONResponse:
        log.exception("unexpected error")
        return error_response(500, "internal_error", "an unexpected error; the server log has the details")


# -- pages: the dashboard (when built), the API docs -----------------------------------------------

PLACEHOLDER_PAGE = """<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>claimgraph</title></head>
<body><h1>claimgraph</h1>
<p>The dashboard is not installed in this version. The HTTP API is running:</p>
<ul><li><a href="/docs">API documentation</a></li><li><a href="/api/events">/api/events</a></li>
<li><a href="/api/claims">/api/claims</a></li><li><a href="/api/health">/api/health</a></li></ul>
</body></html>
"""

DOCS_PAGE = """<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>claimgraph API</title>
<link rel="stylesheet" href="/docs/assets/swagger-ui.css"></head>
<body><div id="swagger-ui"></div>
<script src="/docs/assets/swagger-ui-bundle.js"></script>
<script src="/docs/init.js"></script></body></html>
"""

# Swagger UI's usual start-up is an inline script, which the CSP forbids: it is served as a file.
DOCS_INIT_JS = """window.ui = SwaggerUIBundle({url: "/openapi.json", dom_id: "#swagger-ui",
  deepLinking: true, presets: [SwaggerUIBundle.presets.apis], layout: "BaseLayout"});
"""

DOCS_FALLBACK_PAGE = """<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>claimgraph API</title></head>
<body><h1>claimgraph API</h1><p>The interactive documentation needs the
<code>swagger-ui-bundle</code> package. The OpenAPI description is at
<a href="/openapi.json">/openapi.json</a>.</p></body></html>
"""


def _swagger_dir() -> Path | None:
    try:
        import swagger_ui_bundle
    except ImportError:
        return None
    return Path(swagger_ui_bundle.swagger_ui_path)


def add_pages(app: FastAPI) -> None:
    swagger = _swagger_dir()
    if swagger is not None:
        app.mount("/docs/assets", StaticFiles(directory=swagger), name="docs-assets")
    if STATIC_DIR.is_dir():
        app.mount("/static", StaticFiles(directory=STATIC_DIR), name="static")

    @app.get("/docs", include_in_schema=False)
    def docs() -> HTMLResponse:
        return HTMLResponse(DOCS_PAGE if swagger is not None else DOCS_FALLBACK_PAGE)

    @app.get("/docs/init.js", include_in_schema=False)
    def docs_init() -> Response:
        return Response(DOCS_INIT_JS, media_type="text/javascript")

    @app.get("/", include_in_schema=False)
    def index() -> Response:
        page = STATIC_DIR / "index.html"
        return FileResponse(page) if page.is_file() else HTMLResponse(PLACEHOLDER_PAGE)


# -- the app -----------------------------------------------------------------------------------------


def create_app(db_path: str, *, settings: Settings | None = None, token: str | None = None,
               require_token: bool = False, allow_private_fetch: bool = False,
               allowed_hosts: list[str] | None = None, max_body_bytes: int = MAX_BODY_BYTES,
               pipeline: Any = None, ingest_process: bool = False) -> FastAPI:
    """The claimgraph HTTP API over the database at ``db_path``.

    :param token: when set, every write needs ``Authorization: Bearer <token>``.
    :param require_token: refuse to build the app without a token (the CLI sets it
        when listening beyond loopback).
    :param allow_private_fetch: let ``POST /api/ingest {"url": ...}`` fetch private and
        loopback addresses (off: a URL cannot make the server probe its own network).
    :param allowed_hosts: answer only requests whose Host header is one of these
        (``serve`` passes the loopback names when it listens on loopback).
    :param max_body_bytes: larger request bodies get 413.
    :param pipeline: an already loaded ``claimgraph.pipeline.Pipeline`` to share (tests).
    :param ingest_process: run ingests in a process of their own (``serve`` does), so reads
        keep answering while an article is analysed.

    >>> from fastapi.testclient import TestClient
    >>> app = create_app(":memory:")
    >>> TestClient(app).get("/api/health").json()["status"]
    'ok'
    """
    if require_token and not token:
        raise ConfigError("this server needs a write token; set CLAIMGRAPH_TOKEN")
    state = ApiState(db_path, settings, token, allow_private_fetch, pipeline, ingest_process)

    @asynccontextmanager
    async def lifespan(_app: FastAPI) -> AsyncIterator[None]:
        yield
        state.close()

    app = FastAPI(
        title="claimgraph", version=claimgraph.__version__, docs_url=None, redoc_url=None, lifespan=lifespan,
        description="Sourced claims from news articles: who did what to whom, where, when, with what, "
                    "and according to whom. Writes need `Authorization: Bearer <token>` when the server "
                    "has a token. Errors: `{\"error\": {\"code\", \"message\"}}`.",
    )
    app.state.claimgraph = state
    add_error_handlers(app)
    add_routes(app)
    add_pages(app)
    # Added innermost first: a request meets SecurityHeaders, HostCheck, WriteGuard, BodyLimit.
    app.add_middleware(BodyLimit, max_bytes=max_body_bytes)
    app.add_middleware(WriteGuard, token=token)
    if allowed_hosts:
        app.add_middleware(HostCheck, allowed=allowed_hosts)
    app.add_middleware(SecurityHeaders)
    return app


def serve(db: str, host: str = "127.0.0.1", port: int = 8000, token: str | None = None, *,
          settings: Settings | None = None, log_level: str = "info", allow_private_fetch: bool = False) -> None:
    """Run the API with uvicorn until interrupted (``claimgraph serve``).

    Listens on loopback by default; anywhere else it needs a token (``token`` or
    $CLAIMGRAPH_TOKEN) and refuses to start without one. The spaCy pipeline loads in
    the background meanwhile, so the first ingest does not wait for it.

    :param settings: e.g. another spaCy model (``db`` wins over ``settings.db``).
    :raises ConfigError: beyond loopback without a token.
    """
    import uvicorn

    token = token or os.environ.get("CLAIMGRAPH_TOKEN") or None
    check_bind(host, token)
    loopback = is_loopback(host)
    app = create_app(db, settings=settings, token=token, require_token=not loopback,
                     allow_private_fetch=allow_private_fetch,
                     allowed_hosts=list(LOOPBACK_NAMES) if loopback else None, ingest_process=True)
    threading.Thread(target=app.state.claimgraph.warm_up, name="claimgraph-warm-up", daemon=True).start()
    # Open SSE streams never finish by themselves: give them 3 s at shutdown, then close.
    uvicorn.run(app, host=host, port=port, log_level=log_level, server_header=False,
                timeout_graceful_shutdown=3, proxy_headers=False)

