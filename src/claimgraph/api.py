"""The Python API: ``claimgraph.open(db)`` returns a ``Claimgraph`` whose methods the CLI calls.

Usage::

    import claimgraph
    with claimgraph.open("news.db") as cg:
        report = cg.ingest(["articles/"])
        for event in cg.events():
            print(event.type, event.independent_sources)
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any

from . import datafiles
from .errors import AmbiguousId, ConfigError, StoreError
from .model import Claim, Contradiction, Entity, Event, InputItem, Reject
from .settings import Settings
from .store.db import Store

# "ev-" alone would match every event: a prefix must say a little more than its kind
MIN_PREFIX = 4

if TYPE_CHECKING:  # the pipeline loads spaCy: only commands that ingest pay for it
    from .pipeline import IngestReport, Pipeline


class Claimgraph:
    """A database plus the pipeline that fills it."""

    def __init__(self, db: str | None = None, settings: Settings | None = None):
        self.settings = settings or Settings.from_env(db=db)
        self.store = Store(self.settings.db)
        self._pipeline: Pipeline | None = None

    @property
    def pipeline(self) -> Pipeline:
        if self._pipeline is None:
            from .pipeline import Pipeline

            self._pipeline = Pipeline(self.settings)
        return self._pipeline

    # -- writes ---------------------------------------------------------------------
    def ingest(self, paths: Sequence[str], *, progress: Callable[[int], None] | None = None,
               on_reject: Callable[[Reject], None] | None = None,
               outlet: str | None = None, published: str | None = None, url: str | None = None,
               title: str | None = None, engine: str = "local", workers: int | None = None,
               address: str | None = None) -> IngestReport:
        """Ingest files, directories (recursive), JSONL files or "-" (stdin); then relink.
        ``on_reject`` is told of each refused input as it is refused. ``engine="ray"`` cleans,
        analyses and extracts on ``workers`` Ray actors (of the cluster at ``address``, or
        started on this machine): the same results (``claimgraph.rayengine``)."""
        if engine not in {"local", "ray"}:
            raise ConfigError(f"engine {engine!r} is not 'local' or 'ray'")
        if engine == "ray":
            from .ingest.sources import iter_inputs
            from .rayengine import ingest_with_ray

            items = iter_inputs(paths, max_bytes=self.settings.max_bytes, outlet=outlet, published=published,
                                url=url, title=title)
            return ingest_with_ray(self.store, self.settings, items, workers=workers, address=address,
                                   progress=progress, on_reject=on_reject, linker=self.pipeline)
        return self.pipeline.ingest_paths(self.store, paths, progress=progress, on_reject=on_reject,
                                          outlet=outlet, published=published, url=url, title=title)

    def ingest_items(self, items: Iterable[InputItem], *,
                     on_reject: Callable[[Reject], None] | None = None) -> IngestReport:
        return self.pipeline.ingest_items(self.store, items, on_reject=on_reject)

    # -- a queue that several ingest processes share ----------------------------------
    def queue(self, paths: Sequence[str]) -> tuple[int, int]:
        """Queue the files under ``paths`` for ``work`` (in this process or any other on the
        same database): (files found, newly queued)."""
        from .ingest.sources import job_origins

        origins = job_origins(paths)
        return len(origins), self.store.enqueue_jobs(origins)

    def work(self, worker: str, batch: int = 4, *,
             on_reject: Callable[[Reject], None] | None = None) -> IngestReport:
        """Claim queued jobs ``batch`` at a time, ingest and link them, mark them done, until
        the queue is empty. A job whose ingest raised is queued again (failed after a few
        tries); after a database error (a PostgreSQL restart cut the batch short) the worker
        goes on, its connection opened again, and another claim retries the batch."""
        from .ingest.sources import iter_job_inputs
        from .pipeline import IngestReport

        total = IngestReport()
        while jobs := self.store.claim_jobs(worker, batch):
            ids = [job_id for job_id, _ in jobs]
            items = iter_job_inputs([origin for _, origin in jobs], self.settings.max_bytes)
            try:
                report = self.pipeline.ingest_items(self.store, items, on_reject=on_reject)
            except StoreError as exc:
                self.store.finish_jobs(ids, error=f"{type(exc).__name__}: {exc}")
                continue
            except BaseException as exc:
                self.store.finish_jobs(ids, error=f"{type(exc).__name__}: {exc}")
                raise
            self.store.finish_jobs(ids)
            _add_report(total, report)
        return total

    def relink(self, full: bool | None = None) -> tuple[int, int]:
        """Link documents not linked yet (None: the pipeline picks full or incremental);
        ``full=True`` recomputes every event and contradiction from all claims."""
        return self.pipeline.relink(self.store, full=full)

    # -- reads ----------------------------------------------------------------------
    def claims(self, type: str | None = None, entity: str | None = None,
               document: str | None = None, limit: int | None = None,
               min_confidence: float | None = None) -> list[Claim]:
        """Claims in document order; ``min_confidence`` None means the calibrated default
        (see ``claimgraph.extract.confidence``), 0 every claim."""
        from .extract.confidence import floor

        return self.store.claims(type=type, entity=entity, document=document, limit=limit,
                                 min_confidence=floor(min_confidence))

    def count_claims(self, type: str | None = None, entity: str | None = None, document: str | None = None,
                     min_confidence: float | None = None) -> int:
        """How many claims :meth:`claims` lists without a limit."""
        from .extract.confidence import floor

        return self.store.count_claims(type=type, entity=entity, document=document,
                                       min_confidence=floor(min_confidence))

    def events(self, type: str | None = None) -> list[Event]:
        return self.store.events(type=type)

    def places(self, document: str | None = None, place: str | None = None) -> list[dict[str, Any]]:
        """Stored place mentions of a document (in text order) or of one place id, each with
        offsets, name, GeoNames id, feature code and point (``resolve.geoparse``)."""
        return self.store.place_mentions(document_id=document, place_id=place)

    def contradictions(self) -> list[Contradiction]:
        return self.store.contradictions()

    def rejects(self):
        return self.store.rejects()

    def entities(self) -> dict[str, Entity]:
        return self.store.entities()

    def show(self, item_id: str) -> dict[str, Any] | None:
        """An event, a claim or a contradiction with its evidence, sources and via chains,
        names resolved; ``item_id`` may be a unique beginning of an id. None when nothing
        has that id; ``AmbiguousId`` when several ids begin with it."""
        item_id = self.full_id(item_id)
        entities = self.store.entities()
        contradiction = self.store.contradiction(item_id)
        if contradiction is not None:
            claims = self.store.claims_by_ids(contradiction.claim_ids)
            return {"kind": "contradiction", "contradiction": contradiction, "claims": claims,
                    "entities": entities,
                    "documents": {c.document_id: self.store.document(c.document_id) for c in claims}}
        event = self.store.event(item_id)
        if event is None and (successor := self.store.event_successor(item_id)) is not None:
            event = self.store.event(successor)  # merged away by a later ingest: show where it went
        if event is not None:
            claims = [c for c in (self.store.claim(cid) for cid in event.claim_ids) if c is not None]
            return {"kind": "event", "event": event, "claims": claims, "entities": entities,
                    "documents": {c.document_id: self.store.document(c.document_id) for c in claims}}
        claim = self.store.claim(item_id)
        if claim is not None:
            return {"kind": "claim", "claim": claim, "entities": entities,
                    "events": self.store.events_of_claim(claim.id),
                    "documents": {claim.document_id: self.store.document(claim.document_id)}}
        return None

    def full_id(self, item_id: str) -> str:
        """``item_id`` itself when something has it, else the one event, claim or
        contradiction id that begins with it (a shortened id copied from a listing)."""
        if self.store.event(item_id) or self.store.claim(item_id) or self.store.contradiction(item_id):
            return item_id
        candidates = self.store.ids_starting_with(item_id) if len(item_id) >= MIN_PREFIX else []
        if len(candidates) > 1:
            raise AmbiguousId(f"{item_id!r} begins {len(candidates)}{'+' if len(candidates) >= 10 else ''} ids "
                              f"({', '.join(candidates[:4])}{', …' if len(candidates) > 4 else ''}); "
                              "give more of it")
        return candidates[0] if candidates else item_id

    def export(self, format: str = "json") -> Any:
        """The JSON contract as a dict (``format="json"``), or another format as text."""
        if format == "json":
            from .export.json import export_json

            return export_json(self.store)
        return self.export_text(format)

    def export_text(self, format: str = "json") -> str:
        """Any export format (json, csv, geojson, stix) rendered as text."""
        from .export.base import get_exporter

        return get_exporter(format).render(self.store)

    def close(self) -> None:
        self.store.close()

    def __enter__(self) -> "Claimgraph":
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()


def open(db: str | None = None, **settings: Any) -> Claimgraph:  # noqa: A001 - the documented name
    """Open (creating if needed) a claimgraph database; ``db`` defaults to $CLAIMGRAPH_DB or ./claimgraph.db."""
    return Claimgraph(settings=Settings.from_env(db=db, **settings))


def demo_corpus() -> Path:
    """The directory of invented demo articles shipped inside the package."""
    return Path(str(datafiles.path("demo", "corpus")))


def geoparse(text: str, published: str | None = None, outlet: str | None = None) -> list[dict[str, Any]]:
    """Every place ``text`` names, resolved: ``[{start, end, text, name, lat, lon, geonameid,
    feature, country, admin1, place_id, source, score}]`` (nothing is stored).

    >>> import claimgraph
    >>> [p["country"] for p in claimgraph.geoparse("ATHENS, Ga. - Rain flooded Athens.")]  # doctest: +SKIP
    ['US', 'US', 'US']
    """
    from .resolve.geoparse import geoparse as _geoparse

    return _geoparse(text, published=published, outlet=outlet)


def _add_report(total: IngestReport, report: IngestReport) -> None:
    """Count ``report``'s inputs into ``total``; the store's totals are the latest ones."""
    total.ingested += report.ingested
    total.duplicates += report.duplicates
    total.rejected += report.rejected
    total.claims += report.claims
    total.events, total.contradictions = report.events, report.contradictions
    for reason, n in report.reasons.items():
        total.reasons[reason] = total.reasons.get(reason, 0) + n
