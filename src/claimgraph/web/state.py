"""What the routes share: the database (a writer and a reader), the write lock, the live
broadcaster, and the ingest that runs one article at a time (in a process of its own
when serving).
"""

from __future__ import annotations

import asyncio
import logging
import os
import threading
import time
from dataclasses import dataclass, field, replace
from typing import Annotated, Any

from fastapi import Depends, Request

from claimgraph.api import Claimgraph
from claimgraph.extract.lexicon import load_lexicon
from claimgraph.model import Claim, Contradiction, Event, InputItem, Reject
from claimgraph.settings import Settings
from claimgraph.store import Store
from claimgraph.store.rows import claim_entity_ids, document_summary
from claimgraph.web.exports import BACKGROUND_NICENESS, MAX_EXPORTS_QUEUED, MAX_EXPORTS_RUNNING, ExportSlots
from claimgraph.web.live import Broadcaster
from claimgraph.web.schemas import claim_preview, contradiction_preview, event_preview

log = logging.getLogger("claimgraph.web")
# PostgreSQL connections of the reader (at most): about the threads that answer requests.
READ_POOL_SIZE = 8


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
        # ":memory:" is one database per connection: reads must share the writer's. On
        # PostgreSQL the request threads read through a pool of connections, side by side,
        # and one more connection hears every commit, so the cache of answers knows when to
        # forget them without asking the database per request.
        self.reader = (self.claimgraph.store if db_path == ":memory:"
                       else Store(db_path, pool_size=READ_POOL_SIZE, listen=True))
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
            try:
                outcome = self._worker.ingest(item)
            finally:  # what it committed may be read next: counted before the answer goes
                self.reader.sync_changes()
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
    events_before = store.event_ids()
    contradictions_before = store.contradiction_ids()
    report = cg.ingest_items([item])
    raw_hash = item.raw_hash() if item.error is None else None
    known = store.input_outcome(raw_hash) if raw_hash else None
    if report.rejected or known is None or known[1] is None:
        return IngestOutcome(None, reject=store.latest_reject(raw_hash=raw_hash, origin=item.origin))
    document_id = known[1]
    claims = store.claims(document=document_id)
    events = store.events_by_ids(store.event_ids_holding(c.id for c in claims))
    contradictions = store.contradictions(c.id for c in claims)
    document = store.documents_by_ids([document_id], with_text=False).get(document_id)
    return IngestOutcome(
        document_id, duplicate=report.ingested == 0, claims=claims, events=events,
        new_event_ids={e.id for e in events} - events_before,
        contradictions=[x for x in contradictions if x.id not in contradictions_before],
        document=document_summary(document) if document else None,
        names=store.entity_names(claim_entity_ids(claims)),
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
    _exit_with(os.getppid())
    _WORKER = Claimgraph(settings=settings)
    _WORKER.pipeline.warm_up()


def _exit_with(parent: int, every: float = 1.0) -> None:
    """End this process once ``parent`` is gone. A server stopped by a signal left its
    ingest process behind, waiting for work that never came (one per stopped server,
    each holding a loaded spaCy model)."""

    def watch() -> None:
        while os.getppid() == parent:
            time.sleep(every)
        os._exit(0)

    threading.Thread(target=watch, name="claimgraph-parent-watch", daemon=True).start()


def _worker_ready() -> bool:
    return _WORKER is not None


def _worker_ingest(item: InputItem) -> IngestOutcome:
    assert _WORKER is not None
    return ingest_outcome(_WORKER, item)


def _state(request: Request) -> ApiState:
    return request.app.state.claimgraph


# A route's parameter of this type is the app's one ApiState.
State = Annotated[ApiState, Depends(_state)]
