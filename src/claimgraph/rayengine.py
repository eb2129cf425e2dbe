"""``claimgraph ingest --engine ray``: clean, analyze, extract and resolve on a pool of Ray actors.

Each actor (``StageWorker``) holds one ``Pipeline``: spaCy, the gazetteer, the matchers and
the place index load once per actor. The driver (this process) reads the inputs, decides
what each one is (``pipeline.Intake``, as the in-process engine does), writes every batch to
the store in one transaction, in input order, and links once at the end with the same
incremental linker (partitioned by its blocking keys: parties, places, weapons, a week).

Work per batch of documents, on actor ``k % workers``:

1. ``clean`` a chunk of inputs (any actor; the driver needs the cleaned text to tell
   duplicates apart before a document joins a batch);
2. ``parse``: the batch's one ``nlp.pipe`` pass, kept in the actor;
3. ``extract``: claims, entities and places from the parsed batch.

The entity resolver learns from every document, in input order ("Smith" after "John
Smith"), so a batch must meet the resolver as the previous batch left it: ``extract``
returns what its resolver was taught, and the next batch's ``extract`` starts from it. The
parses, the larger share of the work, run side by side; the extractions follow each other.
That is what makes the export of 1 worker, of N workers and of the in-process engine the
same (``tests/test_rayengine.py``).

Ray's ``ActorPool`` hands a task to whichever actor is idle; here a batch's extraction must
run where its parse is kept, so the actors are addressed round-robin instead.
"""

from __future__ import annotations

import logging
import os
import time
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from typing import Any

from .errors import ClaimgraphError, ConfigError, RejectedInput
from .model import Claim, Document, Entity, InputItem, Reject
from .pipeline import Batch, Intake, IngestReport, Pipeline, clean_checked, raw_hash_of, write_extracted
from .settings import Settings

# Batches in flight per actor: one parsing while the previous one waits for its turn to extract.
AHEAD = 2


def import_ray():
    """Ray, imported only when the engine is asked for: it is an optional dependency."""
    try:
        import ray
    except ImportError:
        raise ConfigError("--engine ray needs Ray, which is not installed: "
                          "pip install 'claimgraph[ray]' (or pip install 'ray>=2.40')") from None
    return ray


def connect(address: str | None, workers: int) -> bool:
    """Join the cluster at ``address``, or start Ray on this machine with ``workers`` CPUs,
    listening on 127.0.0.1 only and without the dashboard. True when this call started Ray
    (and the caller should shut it down)."""
    os.environ.setdefault("RAY_USAGE_STATS_ENABLED", "0")  # offline: no usage report
    if not address:
        loopback_only()
    ray = import_ray()
    if ray.is_initialized():
        return False
    try:
        if address:
            ray.init(address=address, logging_level=logging.ERROR, log_to_driver=False)
        else:
            # "local": a Ray of our own, even when another user's runs on this machine
            ray.init(address="local", num_cpus=workers, include_dashboard=False, _node_ip_address="127.0.0.1",
                     logging_level=logging.ERROR, log_to_driver=False)
    except (ConnectionError, RuntimeError, ValueError) as exc:
        raise ConfigError(f"cannot start or reach Ray{f' at {address}' if address else ''}: {exc}") from None
    return True


def loopback_only() -> None:
    """Make a Ray started by this process use 127.0.0.1 as the node's address, so its servers
    listen there only. ``_node_ip_address`` alone does not: Ray 2.x still picks the address of
    the primary interface on Linux (and then listens on it); this switch, which Ray reads
    when it is imported, is how it keeps a one-machine Ray on loopback on macOS and Windows."""
    os.environ.setdefault("RAY_ENABLE_WINDOWS_OR_OSX_CLUSTER", "0")


@dataclass
class Extracted:
    """One batch's results, as an actor hands them back."""

    claims: list[Claim]
    entities: list[Entity]
    places: dict[str, list[dict]] | None
    seconds: dict[str, float]


class StageWorker:
    """One actor: a pipeline loaded once, cleaning chunks and parsing and extracting batches."""

    def __init__(self, settings: Settings):
        self.pipeline = Pipeline(settings)
        self.parsed: dict[int, list] = {}
        self.clean_seconds = 0.0

    def load(self) -> int:
        """Load spaCy, the matchers, the resolver and the place index (no text goes through
        them: a warm-up article would teach the resolver names)."""
        self.pipeline.extractor  # noqa: B018
        self.pipeline.geoparser  # noqa: B018
        return os.getpid()

    def cpu_seconds(self) -> float:
        return time.process_time()

    def bare_parse(self, texts: list[str]) -> float:
        """Seconds of nlp.pipe alone over ``texts``: the benchmark's measure of how many cores
        the machine gives the actors at the moment."""
        started = time.perf_counter()
        for _ in self.pipeline.nlp.pipe(texts, batch_size=self.pipeline.settings.batch_size):
            pass
        return time.perf_counter() - started

    def clean(self, items: list[InputItem]) -> list[Document | tuple[str, str]]:
        """Each input cleaned, or (reason, detail) of its reject."""
        started = time.perf_counter()
        out: list[Document | tuple[str, str]] = []
        for item in items:
            try:
                out.append(clean_checked(item, self.pipeline.settings))
            except RejectedInput as exc:
                out.append((exc.reason, exc.detail))
        self.clean_seconds += time.perf_counter() - started
        return out

    def parse(self, key: int, documents: list[Document]) -> None:
        started = time.perf_counter()
        self.parsed[key] = (list(self.pipeline.parse(documents)), time.perf_counter() - started)

    def extract(self, key: int, taught: Any, stored: list[Entity] | None, hand_on: bool
                ) -> tuple[Extracted, Any]:
        """Claims of the parsed batch ``key``, its resolver continuing from what the previous
        batch ``taught`` (None: this actor extracted it) after learning the ``stored`` entities
        (the first batch of a run); with ``hand_on``, what this batch taught, for the next."""
        resolver = self.pipeline.resolver
        if taught is not None:
            resolver.resume(taught)
        if stored is not None:  # a run starts from the store, whatever an earlier run taught this actor
            resolver.forget()
            resolver.learn(stored)
        parsed, parse_seconds = self.parsed.pop(key)
        report = IngestReport()
        claims, entities = self.pipeline.extract_parsed(parsed, report)
        places = None
        if self.pipeline.geoparser is not None:
            places = {document.id: self.pipeline.place_mentions.pop(document.id, []) for _, document in parsed}
        seconds = {"clean": self.clean_seconds, "analyze": parse_seconds, "extract": report.seconds["extract"]}
        self.clean_seconds = 0.0
        return Extracted(claims, list(entities.values()), places, seconds), resolver.taught() if hand_on else None


class WorkerPool:
    """``workers`` actors, each with its pipeline loaded; reusable by several ingests with the
    same settings (a benchmark, the tests), each of which starts from what its store holds."""

    def __init__(self, settings: Settings, workers: int):
        self.ray = import_ray()
        cpus = int(self.ray.cluster_resources().get("CPU", 0))
        if cpus < workers:  # the actors would wait for CPUs for ever
            raise ConfigError(f"{workers} Ray workers need {workers} CPUs; the Ray cluster has {cpus}")
        self.settings = settings
        remote = self.ray.remote(num_cpus=1)(StageWorker)
        self.actors = [remote.remote(settings) for _ in range(workers)]
        try:
            ray_get(self.ray, [actor.load.remote() for actor in self.actors])  # a missing model fails here, once
        except BaseException:
            self.close()
            raise

    def __len__(self) -> int:
        return len(self.actors)

    def close(self) -> None:
        """End the actors: their CPUs go back to Ray."""
        for actor in self.actors:
            self.ray.kill(actor)

    def __enter__(self) -> WorkerPool:
        return self

    def __exit__(self, *exc) -> None:
        self.close()


def ray_get(ray, refs):
    """``ray.get``, with a worker's failure as a claimgraph error (one line, an exit code)."""
    try:
        return ray.get(refs)
    except ray.exceptions.RayTaskError as exc:
        cause = getattr(exc, "cause", None)
        if isinstance(cause, ClaimgraphError):
            raise cause from None
        raise ClaimgraphError(f"a Ray worker failed: {str(exc).strip().splitlines()[-1][:300]}") from None
    except ray.exceptions.RayError as exc:
        raise ClaimgraphError(f"a Ray worker was lost ({type(exc).__name__}); "
                              "run the ingest again to resume") from None


@dataclass
class _Pending:
    batch: Batch
    result: Any  # the ObjectRef of an Extracted, or None for a batch of rejects only


class RayIngest:
    """The driver's side: feeds the actors, writes their results in input order."""

    def __init__(self, store, pool: WorkerPool, report: IngestReport,
                 on_reject: Callable[[Reject], None] | None = None):
        self.ray = pool.ray
        self.store, self.settings, self.report = store, pool.settings, report
        self.actors = pool.actors
        self.intake = Intake(store, report, self.settings.batch_size, on_reject,
                             on_first_document=self._first_document)
        self.stored: list[Entity] | None = None  # the store's entities, for the first batch's resolver
        self.batches = 0
        self.taught = None  # what the last dispatched extraction will teach (an ObjectRef)
        self.pending: deque[_Pending] = deque()

    def _first_document(self) -> None:
        self.stored = list(self.store.entities().values())

    def run(self, items: Iterable[InputItem], progress: Callable[[int], None] | None = None) -> None:
        cleaning: deque[tuple[list[tuple[InputItem, str | None]], Any]] = deque()
        for chunk_number, chunk in enumerate(self._chunks(items, progress)):
            actor = self.actors[chunk_number % len(self.actors)]
            cleaning.append((chunk, actor.clean.remote([item for item, _ in chunk])))
            if len(cleaning) > AHEAD * len(self.actors):
                self._take(*cleaning.popleft())
        while cleaning:
            self._take(*cleaning.popleft())
        self._dispatch(self.intake.rest())
        while self.pending:
            self._write_oldest()

    def _chunks(self, items: Iterable[InputItem], progress) -> Iterator[list[tuple[InputItem, str | None]]]:
        """Inputs not stored before, ``batch_size`` at a time, with their raw hashes."""
        chunk: list[tuple[InputItem, str | None]] = []
        for item in items:
            if progress is not None:
                progress(1)
            raw_hash = raw_hash_of(item)
            if self.intake.stored_before(raw_hash):
                continue
            chunk.append((item, raw_hash))
            if len(chunk) >= self.settings.batch_size:
                yield chunk
                chunk = []
        if chunk:
            yield chunk

    def _take(self, chunk: list[tuple[InputItem, str | None]], cleaned_ref) -> None:
        for (item, raw_hash), outcome in zip(chunk, self._get(cleaned_ref), strict=True):
            if isinstance(outcome, tuple):
                outcome = RejectedInput(*outcome)
            if (batch := self.intake.take(item, raw_hash, outcome)) is not None:
                self._dispatch(batch)

    def _dispatch(self, batch: Batch) -> None:
        if batch.empty:
            return
        result = None
        if batch.documents:
            workers = len(self.actors)
            actor = self.actors[self.batches % workers]
            actor.parse.remote(self.batches, batch.documents)
            # one actor keeps its own resolver; several hand it on from batch to batch
            taught = self.taught if workers > 1 else None
            result, self.taught = actor.extract.options(num_returns=2).remote(
                self.batches, taught, self.stored, workers > 1)
            self.stored = None
            self.batches += 1
        self.pending.append(_Pending(batch, result))
        while len(self.pending) > AHEAD * len(self.actors) or self._oldest_done():
            self._write_oldest()

    def _oldest_done(self) -> bool:
        if not self.pending:
            return False
        ref = self.pending[0].result
        return ref is None or bool(self.ray.wait([ref], timeout=0)[0])

    def _write_oldest(self) -> None:
        done = self.pending.popleft()
        if done.result is None:
            write_extracted(self.store, done.batch, [], [], None, self.report)
            return
        extracted: Extracted = self._get(done.result)
        for stage, seconds in extracted.seconds.items():
            self.report.seconds[stage] = self.report.seconds.get(stage, 0.0) + seconds
        write_extracted(self.store, done.batch, extracted.claims, extracted.entities, extracted.places, self.report)

    def _get(self, refs):
        return ray_get(self.ray, refs)


def ingest_with_ray(store, settings: Settings, items: Iterable[InputItem], *, workers: int | None = None,
                    address: str | None = None, progress: Callable[[int], None] | None = None,
                    on_reject: Callable[[Reject], None] | None = None, relink: bool = True,
                    linker: Pipeline | None = None, pool: WorkerPool | None = None) -> IngestReport:
    """Ingest ``items`` with clean, analyze, extract and resolve on ``workers`` Ray actors
    (default: this machine's CPUs, or the cluster's at ``address``), or on the actors of
    ``pool``; the same report and the same stored results as ``Pipeline.ingest_items``."""
    if workers is not None and workers < 1:
        raise ConfigError(f"--workers must be 1 or more, not {workers}")
    report = IngestReport()
    if pool is not None:
        RayIngest(store, pool, report, on_reject).run(items, progress)
    else:
        started_here = connect(address, workers or os.cpu_count() or 1)
        try:
            workers = workers or int(import_ray().cluster_resources().get("CPU", 1))
            with WorkerPool(settings, workers) as own:
                RayIngest(store, own, report, on_reject).run(items, progress)
        finally:
            if started_here:
                import_ray().shutdown()
    if relink and (report.ingested or store.unlinked_document_ids()):
        (linker or Pipeline(settings)).relink(store, report)
    return report
