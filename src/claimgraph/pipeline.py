"""The only place the stage order lives: source → clean → analyze → extract/resolve → store → link.

Inputs stream from the sources; each batch of cleaned documents goes through
one ``nlp.pipe`` pass and is written in one transaction together with the
inputs it consumed, so a kill loses at most the batch in flight and the next
run skips everything already committed (by raw content hash).
"""

from __future__ import annotations

import datetime as dt
import gc
import time
from collections.abc import Callable, Collection, Iterable, Sequence
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from .analyze.nlp import analyze, english_words, load_pipeline
from .analyze.truecase import analysis_text
from .clean import clean_item
from .clean.language import rank_languages
from .errors import RejectedInput
from .extract.claims import ClaimExtractor
from .extract.story import locate_in_the_lone_country
from .ingest.sources import iter_inputs
from .link import link, near_duplicate_groups, pseudo_source_entities
from .link.incremental import band_layout, link_new_documents, signature_rows
from .link.partitions import link_documents
from .model import Claim, Document, Entity, InputItem, Reject
from .resolve.dates import resolve_time
from .resolve.entities import EntityResolver
from .resolve.geoparse import place_claims
from .settings import Settings

if TYPE_CHECKING:
    from spacy.tokens import Doc as SpacyDoc

# Link the whole store when a batch brings more than 1/FULL_LINK_SHARE of its documents.
FULL_LINK_SHARE = 4


@dataclass
class IngestReport:
    ingested: int = 0
    duplicates: int = 0
    rejected: int = 0
    claims: int = 0
    events: int = 0
    contradictions: int = 0
    reasons: dict[str, int] = field(default_factory=dict)
    seconds: dict[str, float] = field(default_factory=dict)
    link_mode: str | None = None  # "full" or "incremental"

    def summary(self) -> str:
        why = ", ".join(f"{k} {v}" for k, v in sorted(self.reasons.items()))
        return (f"ingested {self.ingested}, duplicates {self.duplicates}, rejected {self.rejected}"
                + (f" ({why})" if why else "")
                + f"; {self.claims} claims, {self.events} events, {self.contradictions} contradictions")

    def timed(self, stage: str, started: float) -> None:
        self.seconds[stage] = self.seconds.get(stage, 0.0) + time.perf_counter() - started


def with_pseudo_sources(store, documents: Iterable[Document], entities: dict[str, Entity]) -> dict[str, Entity]:
    """Store the names of the outlets and documents that are their own source, and link with
    them: a link that met them only afterwards wrote "3f71…" where a relink (or the resume of
    a link killed after they were stored) writes "the publisher of <title>"."""
    pseudo = pseudo_source_entities(documents, entities)
    store.add_entities(pseudo)
    return {**entities, **{e.id: e for e in pseudo}}


def _without_orphans(entities: dict[str, Entity], replaced: set[str], claims: Sequence[Claim]) -> dict[str, Entity]:
    """Drop the readings the geoparser replaced in claims' locations ("gpe:ohio" without a
    point once "Ohio" is the state) when no claim names them any more."""
    if not replaced:
        return entities
    used = {i for c in claims for ids in (*c.roles.values(), c.via, [c.source]) for i in ids if i}
    return {key: entity for key, entity in entities.items() if key not in replaced or key in used}


def clean_checked(item: InputItem, settings: Settings) -> Document:
    """``clean_item``, with any failure of the libraries it calls on one odd input (a parser's
    recursion limit, a codec's error) as that input's reject: the batch goes on."""
    try:
        return clean_item(item, settings)
    except RejectedInput:
        raise
    except (RecursionError, MemoryError, ValueError, TypeError, LookupError, ArithmeticError) as exc:
        raise RejectedInput("clean-failed", f"{type(exc).__name__}: {str(exc)[:200]}") from None


def raw_hash_of(item: InputItem) -> str | None:
    return item.raw_hash() if item.error is None else None


@dataclass
class Batch:
    """Documents written in one transaction together with the inputs they consumed."""

    documents: list[Document] = field(default_factory=list)
    rejects: list[Reject] = field(default_factory=list)
    inputs: list[tuple[str, str, str, str | None]] = field(default_factory=list)

    @property
    def empty(self) -> bool:
        return not self.documents and not self.rejects and not self.inputs


class Intake:
    """What an ingest does with each input, in input order, whoever cleaned it (this process
    or a Ray worker): skipped (stored before), rejected, a duplicate, or a document of the
    current batch; hands out each batch once it holds ``batch_size`` documents."""

    def __init__(self, store, report: IngestReport, batch_size: int,
                 on_reject: Callable[[Reject], None] | None = None,
                 on_first_document: Callable[[], None] | None = None):
        self.store, self.report, self.batch_size = store, report, batch_size
        self.on_reject, self.on_first_document = on_reject, on_first_document
        self.batch = Batch()
        # every document this run took: the Ray driver decides before earlier batches are stored
        self.taken_ids: set[str] = set()

    def stored_before(self, raw_hash: str | None) -> bool:
        if raw_hash is not None and self.store.input_status(raw_hash) in {"ingested", "duplicate"}:
            self.report.duplicates += 1
            return True
        return False

    def take(self, item: InputItem, raw_hash: str | None, outcome: Document | RejectedInput) -> Batch | None:
        """Record the cleaned ``outcome`` of ``item``; the batch, when it is full."""
        if isinstance(outcome, RejectedInput):
            self._reject(item, raw_hash, outcome)
            return None
        doc = outcome
        if doc.id in self.taken_ids or self.store.document(doc.id) is not None:
            self.report.duplicates += 1
            self.batch.inputs.append((raw_hash, item.origin, "duplicate", doc.id))
            return None
        if not self.taken_ids and self.on_first_document is not None:
            self.on_first_document()
        self.taken_ids.add(doc.id)
        self.batch.documents.append(doc)
        # kept, but not whole: the reason is recorded beside the refusals
        if doc.notes:
            self.batch.rejects.append(Reject(item.origin, "truncated", "; ".join(doc.notes), raw_hash))
        self.batch.inputs.append((raw_hash, item.origin, "ingested", doc.id))
        return self.rest() if len(self.batch.documents) >= self.batch_size else None

    def rest(self) -> Batch:
        batch, self.batch = self.batch, Batch()
        return batch

    def _reject(self, item: InputItem, raw_hash: str | None, exc: RejectedInput) -> None:
        report = self.report
        report.rejected += 1
        report.reasons[exc.reason] = report.reasons.get(exc.reason, 0) + 1
        self.batch.rejects.append(Reject(item.origin, exc.reason, exc.detail, raw_hash))
        if self.on_reject is not None:
            self.on_reject(self.batch.rejects[-1])
        # bytes rejected before are cleaned again, so each path gets its own recorded reason
        if raw_hash is not None:
            self.batch.inputs.append((raw_hash, item.origin, "rejected", None))


def write_extracted(store, batch: Batch, claims: list[Claim], entities: list[Entity],
                    places: dict[str, list[dict]] | None, report: IngestReport) -> None:
    """One transaction: killed between two commits, the documents stood as ingested and a
    resume skipped them, so their place mentions were never written."""
    started = time.perf_counter()

    def write() -> None:
        with store.exclusive():
            store.write_batch(batch.documents, claims, entities, batch.rejects, batch.inputs)
            if batch.documents and places is not None:
                store.write_place_mentions(places)

    store.retried(write)  # a database server restarted meanwhile: the same batch again
    report.timed("store", started)
    report.ingested += len(batch.documents)
    report.claims += len(claims)


class Pipeline:
    """Holds what is expensive to build (spaCy, gazetteer, matchers) across ingests."""

    def __init__(self, settings: Settings):
        self.settings = settings
        self._nlp = None
        self._extractor = None
        self._resolver = None
        self._geoparser = None
        self.place_mentions: dict[str, list[dict]] = {}  # document id -> its places, until stored
        self._heap_settled = False

    @property
    def nlp(self):
        if self._nlp is None:
            self._nlp = load_pipeline(self.settings.model)
        return self._nlp

    @property
    def resolver(self) -> EntityResolver:
        if self._resolver is None:
            self._resolver = EntityResolver(known_words=english_words(self.nlp))
        return self._resolver

    @property
    def geoparser(self):
        if self._geoparser is None and self.settings.geoparse:
            from .resolve.geoparse import Geoparser

            self._geoparser = Geoparser()
        return self._geoparser

    @property
    def extractor(self) -> ClaimExtractor:
        if self._extractor is None:
            self._extractor = ClaimExtractor(self.nlp.vocab, self.resolver)
        return self._extractor

    def warm_up(self) -> None:
        """Load everything the first article would wait for (the cleaner's and language
        identifier's models, spaCy, matchers, the GeoNames index: seconds), so a server's
        first ingest is as quick as the next. Nothing is stored."""
        text = ("Officials said on Monday that drones had struck a fuel depot in the port of Odesa overnight, "
                "and that air defence units shot down most of them before they reached the coast.")
        item = InputItem(origin="warm-up", text=text, kind="text", published="2025-01-06", outlet="Warm-up Wire")
        try:
            document = clean_item(item, self.settings)
        except RejectedInput:  # settings that refuse it (a language filter, a minimum length)
            document = Document(id="warm-up", text=text, published="2025-01-06")
        self.extract([document], learn=False)
        rank_languages(text)  # the language identifier, which an English text does not load
        resolve_time("24.04.2024", dt.date(2024, 4, 25))  # imports dateparser (0.2 s), as an odd date would

    # -- ingest -------------------------------------------------------------------------
    def ingest_paths(self, store, paths: Sequence[str], *, progress: Callable[[int], None] | None = None,
                     on_reject: Callable[[Reject], None] | None = None, **meta) -> IngestReport:
        items = iter_inputs(paths, max_bytes=self.settings.max_bytes, **meta)
        return self.ingest_items(store, items, progress=progress, on_reject=on_reject)

    def ingest_items(self, store, items: Iterable[InputItem], *,
                     progress: Callable[[int], None] | None = None, relink: bool = True,
                     on_reject: Callable[[Reject], None] | None = None) -> IngestReport:
        """``on_reject`` hears of each refused input as it is refused (the CLI prints why at
        once); ``progress`` of each input as it is taken up."""
        report = IngestReport()
        # what a killed run left unlinked is linked with this run's documents, as on SQLite
        left_unlinked = store.unlinked_document_ids() if relink and store.dialect.partitioned_links else []
        # new spellings and aliases join stored entities (only once there is text)
        intake = Intake(store, report, self.settings.batch_size, on_reject,
                        on_first_document=lambda: self.resolver.learn(store.entities().values()))
        for item in items:
            if progress is not None:
                progress(1)
            started = time.perf_counter()
            raw_hash = raw_hash_of(item)
            if intake.stored_before(raw_hash):
                continue
            try:
                outcome: Document | RejectedInput = clean_checked(item, self.settings)
            except RejectedInput as exc:
                outcome = exc
            finally:
                report.timed("clean", started)
            if (batch := intake.take(item, raw_hash, outcome)) is not None:
                self._flush(store, batch, report)
        self._flush(store, intake.rest(), report)
        if relink and (report.ingested or store.unlinked_document_ids()):
            self.relink(store, report, ours={*intake.taken_ids, *left_unlinked})
        return report

    def _flush(self, store, batch: "Batch", report: IngestReport) -> None:
        if batch.empty:
            return
        # only rejects: nothing to analyse, so the model need not load
        claims, entities = self.extract(batch.documents, report) if batch.documents else ([], {})
        places = {d.id: self.place_mentions.pop(d.id, []) for d in batch.documents} \
            if self.geoparser is not None else None
        write_extracted(store, batch, claims, list(entities.values()), places, report)

    def extract(self, docs: list[Document], report: IngestReport | None = None, *, learn: bool = True
                ) -> tuple[list[Claim], dict[str, Entity]]:
        """One nlp.pipe pass over ``docs``; claims and the entities they name.

        ``learn``: after each document the resolver learns its entities as a new run learns
        the stored ones, so the next document meets the same resolver whether the two came
        in one run, in two batches or across a resumed ingest."""
        return self.extract_parsed(self.parse(docs), report, learn=learn)

    def parse(self, docs: list[Document]) -> Iterable[tuple[SpacyDoc, Document]]:
        """The one ``nlp.pipe`` pass over ``docs``, lazily: (spaCy Doc, document) pairs."""
        known = english_words(self.nlp)
        return analyze(self.nlp, ((analysis_text(d, known), d) for d in docs), self.settings.batch_size,
                       self.settings.processes)

    def extract_parsed(self, parsed: Iterable[tuple[SpacyDoc, Document]], report: IngestReport | None = None, *,
                       learn: bool = True) -> tuple[list[Claim], dict[str, Entity]]:
        """``extract`` of documents parsed by ``parse``; the time ``parsed`` takes to yield
        counts as analysis."""
        claims: list[Claim] = []
        entities: dict[str, Entity] = {}
        started = time.perf_counter()
        spent_extracting = 0.0
        for sdoc, document in parsed:
            t0 = time.perf_counter()
            found, ents = self.extractor.extract(sdoc, document)
            if self.geoparser is not None:
                places = self.geoparser.parse_doc(sdoc, outlet=document.outlet)  # on the text the parse read
                self.place_mentions[document.id] = [m.to_dict() for m in places]
                replaced: set[str] = set()
                ents = {**ents, **place_claims(found, places, ents, replaced)}
                ents = _without_orphans(ents, replaced, found)
            locate_in_the_lone_country(found, ents, sdoc, document)
            claims.extend(found)
            for ent in ents.values():
                known = entities.setdefault(ent.id, ent)
                if known is not ent:
                    known.aliases = sorted(set(known.aliases) | set(ent.aliases))
            for ent in self._outlet_entities(document):
                entities.setdefault(ent.id, ent)
            if learn:
                self.resolver.learn([*ents.values(), *self._outlet_entities(document)])
            spent_extracting += time.perf_counter() - t0
        if report is not None:
            report.seconds["analyze"] = report.seconds.get("analyze", 0.0) + (
                time.perf_counter() - started - spent_extracting)
            report.seconds["extract"] = report.seconds.get("extract", 0.0) + spent_extracting
        self._settle_heap()
        return claims, entities

    def _settle_heap(self) -> None:
        """Once the first documents have built everything lazy (spaCy, matchers, gazetteer,
        place index): freeze those millions of long-lived objects out of the collector's
        sight. Left in, each full collection walks them all (0.4 s each, a few per 1,000
        articles of an ingest, 0.1-0.3 s seen inside the first link after start)."""
        if self._heap_settled:
            return
        gc.collect()
        gc.freeze()
        self._heap_settled = True

    def _outlet_entities(self, document: Document) -> list[Entity]:
        if not document.outlet:
            return []
        return [self.resolver.resolve(document.outlet, "ORG")]

    # -- link -------------------------------------------------------------------------
    def relink(self, store, report: IngestReport | None = None, *, full: bool | None = None,
               ours: Collection[str] = ()) -> tuple[int, int]:
        """Link what is not linked yet: the whole store (``full``, or when most of it is
        new), else only the neighbourhood of the new documents. On PostgreSQL ``ours``
        names this run's documents: other processes' link theirs meanwhile. Returns the
        stored (events, contradictions) counts."""
        started = time.perf_counter()
        pending = store.unlinked_document_ids()
        if full is None:
            full = self._full_link_pays(store, pending)
        if full:
            store.retried(lambda: self._link_everything(store))
        elif pending:
            store.retried(lambda: self._link_neighbourhoods(store, ours))
        counts = store.counts(("events", "contradictions"))
        if report is not None:
            report.events, report.contradictions = counts["events"], counts["contradictions"]
            report.link_mode = "full" if full else "incremental"
            report.timed("link", started)
        return counts["events"], counts["contradictions"]

    def _link_neighbourhoods(self, store, ours: Collection[str] = ()) -> None:
        if store.dialect.partitioned_links:
            self._link_partitioned(store, ours)
            return
        # read and write under the write lock: two processes linking at once would each
        # rebuild the same events from what the other had not yet written
        with store.exclusive():
            pending = store.unlinked_document_ids()
            if pending:
                entities = with_pseudo_sources(
                    store, store.documents_by_ids(pending, with_text=False).values(), store.entities())
                link_new_documents(store, pending, entities, self.settings.near_duplicate_threshold,
                                   self.settings.min_confidence)

    def _link_partitioned(self, store, ours: Collection[str]) -> None:
        """Link the pending documents of this run (``ours``; all of them without it) in one
        link: alone, with every pending document, when no other link runs; else holding only
        the partitions it reads (link/partitions.py), while linkers in other processes link
        theirs."""
        pending = store.unlinked_document_ids()
        mine = [d for d in pending if d in ours] if ours else pending
        if not mine:
            return
        with store.exclusive():  # the publishers' names are an entity merge: under the write lock
            entities = with_pseudo_sources(
                store, store.documents_by_ids(pending, with_text=False).values(), store.entities())
        link_documents(store, mine, entities, self.settings.near_duplicate_threshold, self.settings.min_confidence,
                       alone_with=pending)

    def _full_link_pays(self, store, pending: list[str]) -> bool:
        # an empty or never-linked store, a changed near-copy threshold, or a batch that is a
        # large share of the store: one pass over everything is cheaper than many neighbourhoods
        threshold = self.settings.near_duplicate_threshold
        if store.link_state("band_layout") != band_layout(threshold):
            return True
        return len(pending) * FULL_LINK_SHARE > store.counts(("documents",))["documents"]

    def _link_everything(self, store) -> None:
        with store.full_link():  # PostgreSQL: no partitioned link runs meanwhile
            self._link_all(store, store.unlinked_document_ids())

    def _link_all(self, store, pending: list[str]) -> None:
        threshold = self.settings.near_duplicate_threshold
        documents = store.documents()
        entities = with_pseudo_sources(store, documents, store.entities())
        layout_changed = store.link_state("band_layout") != band_layout(threshold)
        rows, sigs = signature_rows(documents, threshold, known=store.signatures())
        roots = near_duplicate_groups(documents, threshold=threshold, signatures=sigs)
        events, contradictions = link(documents, store.claims(), entities, roots=roots,
                                      min_confidence=self.settings.min_confidence)
        if not layout_changed:
            unsigned = set(pending)
            rows = [row for row in rows if row[0] in unsigned]
        store.replace_links(events, contradictions, near_copies=roots, signatures=rows,
                            band_layout=band_layout(threshold))
