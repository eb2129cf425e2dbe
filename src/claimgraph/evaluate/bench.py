"""Throughput against bare spaCy: ``claimgraph bench`` (issue 4).

On the same ``n`` articles of ``news_corpus.jsonl.gz`` (or any JSONL file of
``{id, text, title?, date?}`` records), in one process and one run:

1. bare spaCy: ``nlp.pipe`` of the same model (without claimgraph's components)
   with the same batch size and ``n_process``;
2. claimgraph: the whole pipeline (clean → analyze → extract/resolve → store → link)
   into a fresh temporary database.

The headline is the **ratio** (2)/(1): the machine is shared and noisy, absolute
rates move from run to run, the ratio less, and the CPU-time ratio least.

Fairness: bare spaCy gets exactly the texts our pipeline analyses, i.e. the cleaned
bodies of the accepted, non-duplicate articles. They are reconstructed before the
timed runs by ``clean_item`` with the same settings (cleaning is deterministic) and
deduplicated by document id as a fresh database does; after the run the set of
stored document ids is compared with them (``extra["same_texts"]``). Models are
loaded and warmed up on an invented article and one corpus article outside both timings (spaCy, the gazetteer
ruler, the extractor's matchers, the entity and place indexes, the linker's imports).

Words are whitespace-separated words of the cleaned texts (``str.split``), so the
rate does not depend on the tokenizer. Peak memory is the resident-set high-water
mark (``ru_maxrss``) of this process during each side; on Linux it is reset between
the sides through ``/proc/self/clear_refs`` so each side gets its own peak (elsewhere
it is the process peak so far, ``extra["peak_method"]``). With ``processes=2`` the
workers' memory is not in that figure (``extra["children_peak_rss_mb"]`` has the
largest worker).

With ``rounds`` > 1 the two sides alternate over consecutive slices of the articles
(bare, ours, bare, ours, ...; the relink once at the end, timed into ours), so that a
change of load on a shared machine falls on both sides. On the project's 2-core machine,
shared with other jobs, one sequential run gave a wall-clock ratio of 0.93 because other
jobs slowed the bare side (67 s of wall time for 48 s of CPU) and not ours; its CPU-time
ratio (``extra["cpu_ratio"]``) was 1.31, as in quieter runs of the same code.

Latency: one further article, not among the ``n``, is ingested into the populated
database (clean, analyze, extract, store, and the link of its neighbourhood: see
``link/incremental.py``) and the clock stops when ``store.claims(document=id)`` returns its claims.

    >>> result = run_bench(n=200)  # doctest: +SKIP
    >>> result["metrics"]["ratio"]  # doctest: +SKIP
    1.42
"""

from __future__ import annotations

import datetime as dt
import resource
import sys
import tempfile
import time
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Any

from ..errors import ConfigError, RejectedInput
from ..model import Document, InputItem
from ..settings import Settings
from .common import default_data_dir, read_jsonl

__all__ = ["accepted_documents", "bare_spacy_seconds", "cleaned_texts", "corpus_item", "count_words", "run_bench",
           "throughput_metrics"]

CORPUS_NAME = "news_corpus.jsonl.gz"
# Records after the first n that may serve as the warm-up and the latency article:
# the first that cleans to a new document with at least one claim is used.
SPARE_RECORDS = 20
STAGES = ("clean", "analyze", "extract", "store", "link")

Progress = Callable[[str], None]


def run_bench(corpus: str | Path | None = None, n: int = 2000, processes: int = 1,
              batch_size: int | None = None, progress: Progress | None = None,
              rounds: int = 4) -> dict[str, Any]:
    """Time the full pipeline against bare ``nlp.pipe`` on the same ``n`` articles.

    :param corpus: a JSON Lines file (gzipped if it ends in .gz) of records with
        ``id`` and ``text`` (``title``, ``date`` used when present); default
        ``news_corpus.jsonl.gz`` of the evaluation data folder.
    :param n: how many records to feed (the first ``n`` of the file).
    :param processes: ``n_process`` of ``nlp.pipe`` on both sides (the pipeline's
        ``processes`` setting).
    :param batch_size: documents per ``nlp.pipe`` batch on both sides (default: the
        ``batch_size`` setting).
    :param progress: called with a short line as each phase starts (silent if None).
    :param rounds: 1 times bare spaCy on all texts, then claimgraph on all articles; more
        alternates the two sides over that many consecutive slices of the articles (the
        relink once at the end), so a load change on a shared machine hits both sides
        alike. Each slice restarts nlp.pipe (and its workers when ``processes`` > 1).
        Default 4: in session 18 single-round runs of one unchanged code gave ratios from
        1.13 to 1.67 on this machine.
    :returns: ``{"task": "bench", "file", "n", "metrics": {"ratio", "articles_per_s",
        "words_per_s", "peak_rss_mb"}, "extra": {...}, "seconds", "notes"}`` (the keys of
        ``EvalResult``, so ``EvalResult(**result)`` works).

    >>> result = run_bench(n=20)  # doctest: +SKIP
    >>> sorted(result["metrics"])  # doctest: +SKIP
    ['articles_per_s', 'peak_rss_mb', 'ratio', 'words_per_s']
    """
    say = progress or (lambda _line: None)
    started = time.perf_counter()
    path = resolve_corpus(corpus)
    items, spares = read_items(path, n)
    settings = bench_settings(batch_size, processes)
    say(f"loading {settings.model} and claimgraph's indexes")
    pipeline, bare_nlp = load_sides(settings)
    documents = accepted_documents(items, settings)
    texts = dict(d for d in documents if d is not None)
    warm_up(pipeline, bare_nlp, spares[:1], settings)
    loaded_mb = current_rss_mb()
    say(f"bare spaCy on {len(texts):,} cleaned texts and claimgraph on {len(items):,} articles "
        f"(batch {settings.batch_size}, {processes} process(es), {rounds} round(s)), then the latency")
    bare, ours, run = run_sides(pipeline, bare_nlp, items, documents, spares[1:], settings, rounds)
    extra = bench_extra(bare, ours, run, texts, settings, loaded_mb)
    extra["rounds"] = rounds
    metrics = throughput_metrics(len(items), extra["words"], bare.seconds, ours.seconds, ours.peak_rss_mb)
    return {"task": "bench", "file": str(path), "n": len(items), "metrics": metrics, "extra": extra,
            "seconds": round(time.perf_counter() - started, 2), "notes": bench_notes(extra)}


@dataclass(slots=True)
class Measured:
    """Wall and CPU seconds and the peak resident set of one timed side."""

    seconds: float = 0.0
    cpu_seconds: float = 0.0
    peak_rss_mb: float = 0.0
    peak_method: str = ""

    def add(self, other: "Measured") -> None:
        """Another slice of the same side: times add up, the peak is the higher one."""
        self.seconds += other.seconds
        self.cpu_seconds += other.cpu_seconds
        self.peak_rss_mb = max(self.peak_rss_mb, other.peak_rss_mb)
        self.peak_method = other.peak_method


@contextmanager
def measured() -> Iterator[Measured]:
    """``with measured() as m: ...`` fills ``m`` when the block ends."""
    box, peak = Measured(), PeakMemory()
    cpu0, t0 = cpu_seconds(), time.perf_counter()
    try:
        yield box
    finally:
        box.seconds = time.perf_counter() - t0
        box.cpu_seconds = cpu_seconds() - cpu0
        box.peak_rss_mb, box.peak_method = peak.read(), peak.method


def run_sides(pipeline, bare_nlp, items: list[InputItem], documents: list[tuple[str, str] | None],
              spares: list[InputItem], settings: Settings, rounds: int
              ) -> tuple[Measured, Measured, dict[str, Any]]:
    """Both timed sides (into a fresh temporary database), then the latency article.

    :param documents: per item, (document id, cleaned text) if a fresh database keeps it.
    """
    from ..pipeline import IngestReport
    from ..store.db import Store

    bare, ours, report = Measured(), Measured(), IngestReport()
    with tempfile.TemporaryDirectory(prefix="claimgraph-bench-") as folder:
        store = Store(str(Path(folder) / "bench.db"))
        try:
            for part, part_documents in zip(slices(items, rounds), slices(documents, rounds)):
                with measured() as bare_part:
                    bare_spacy_seconds(bare_nlp, [d[1] for d in part_documents if d is not None],
                                       settings.batch_size, settings.processes)
                with measured() as ours_part:
                    add_report(report, pipeline.ingest_items(store, part, relink=rounds == 1))
                bare.add(bare_part)
                ours.add(ours_part)
            if rounds > 1:
                with measured() as linking:
                    pipeline.relink(store, report)
                ours.add(linking)
            stored_ids = {d.id for d in store.documents()}
            latency = ingest_latency(pipeline, store, spares, settings)
            return bare, ours, {"report": report, "stored_ids": stored_ids, "latency": latency,
                                "counts": store.counts()}
        finally:
            store.close()


def slices(values: list, count: int) -> list[list]:
    """``values`` cut into ``count`` consecutive slices of (nearly) equal length.

    >>> slices([1, 2, 3, 4, 5], 2)
    [[1, 2, 3], [4, 5]]
    """
    count = max(1, min(count, len(values)))
    size, rest = divmod(len(values), count)
    bounds = [i * size + min(i, rest) for i in range(count + 1)]
    return [values[bounds[i]:bounds[i + 1]] for i in range(count)]


def add_report(total, part) -> None:
    """Sum one ingest's IngestReport into ``total`` (events and contradictions: the latest)."""
    for name in ("ingested", "duplicates", "rejected", "claims"):
        setattr(total, name, getattr(total, name) + getattr(part, name))
    for reason, count in part.reasons.items():
        total.reasons[reason] = total.reasons.get(reason, 0) + count
    for stage, seconds in part.seconds.items():
        total.seconds[stage] = total.seconds.get(stage, 0.0) + seconds
    if "link" in part.seconds:
        total.events, total.contradictions = part.events, part.contradictions


def bench_extra(bare: Measured, ours: Measured, run: dict[str, Any], texts: dict[str, str],
                settings: Settings, loaded_mb: float) -> dict[str, Any]:
    """Everything beside the headline: times per side and stage, counts, memory, latency."""
    report = run["report"]
    stages = {stage: round(report.seconds.get(stage, 0.0), 3) for stage in STAGES}
    words = count_words(texts.values())
    return {
        "bare_seconds": round(bare.seconds, 3),
        "ours_seconds": round(ours.seconds, 3),
        "stages": stages,
        # each stage in units of bare spaCy's time: with the unaccounted rest they sum to the ratio
        "stages_vs_bare": {k: round(v / bare.seconds, 3) if bare.seconds else None for k, v in stages.items()},
        # ingest_items' own bookkeeping: input hashes, duplicate look-ups, batching
        "unaccounted_seconds": round(ours.seconds - sum(report.seconds.values()), 3),
        # CPU seconds (this process and finished workers) are what other jobs on a shared
        # machine disturb least: their ratio cross-checks the wall-clock ratio
        "bare_cpu_seconds": round(bare.cpu_seconds, 3),
        "ours_cpu_seconds": round(ours.cpu_seconds, 3),
        "cpu_ratio": round(ours.cpu_seconds / bare.cpu_seconds, 3) if bare.cpu_seconds > 0 else None,
        "bare_words_per_s": round(words / bare.seconds, 1) if bare.seconds else None,
        "latency_ms": run["latency"]["ms"],
        "latency": run["latency"],
        "words": words,
        "texts": len(texts),
        "ingested": report.ingested,
        "duplicates": report.duplicates,
        "rejected": report.rejected,
        "reasons": dict(report.reasons),
        "claims": report.claims,
        "events": report.events,
        "contradictions": report.contradictions,
        "same_texts": run["stored_ids"] == set(texts),
        "rss_after_load_mb": round(loaded_mb, 1),
        "bare_peak_rss_mb": round(bare.peak_rss_mb, 1),
        "peak_method": ours.peak_method,
        "children_peak_rss_mb": round(children_peak_rss_mb(), 1),
        "model": settings.model,
        "batch_size": settings.batch_size,
        "processes": settings.processes,
        "database_rows": run["counts"],
        # the two sides as rows of the report's "system (same run)" table
        "systems": {
            "bare spaCy nlp.pipe": side_row(bare, words),
            "claimgraph, all stages": side_row(ours, words),
        },
    }


def side_row(side: Measured, words: int) -> dict[str, float]:
    """seconds, CPU seconds, words/s and peak MB of one side, rounded for a table."""
    return {"seconds": round(side.seconds, 2), "cpu_seconds": round(side.cpu_seconds, 2),
            "words_per_s": round(words / side.seconds, 1) if side.seconds else 0.0,
            "peak_rss_mb": round(side.peak_rss_mb, 1)}


def throughput_metrics(articles: int, words: int, bare_seconds: float, ours_seconds: float,
                       peak_rss_mb: float) -> dict[str, float]:
    """The four headline numbers; rates are claimgraph's (articles fed, words analysed).

    >>> throughput_metrics(100, 15_000, 4.0, 5.0, 700.04)
    {'ratio': 1.25, 'articles_per_s': 20.0, 'words_per_s': 3000.0, 'peak_rss_mb': 700.0}
    """
    return {
        "ratio": round(ours_seconds / bare_seconds, 3) if bare_seconds > 0 else float("inf"),
        "articles_per_s": round(articles / ours_seconds, 2) if ours_seconds > 0 else float("inf"),
        "words_per_s": round(words / ours_seconds, 1) if ours_seconds > 0 else float("inf"),
        "peak_rss_mb": round(peak_rss_mb, 1),
    }


def count_words(texts: Iterable[str]) -> int:
    """Whitespace-separated words: a tokenizer-independent size of the work.

    >>> count_words(["Two words.", "and  three more"])
    5
    """
    return sum(len(text.split()) for text in texts)


# --- inputs ---------------------------------------------------------------------------


def resolve_corpus(corpus: str | Path | None) -> Path:
    """The corpus file: ``corpus`` if given, else news_corpus.jsonl.gz of the eval data."""
    if corpus is not None:
        path = Path(corpus)
    else:
        folder = default_data_dir()
        if folder is None:
            raise ConfigError("no evaluation data folder (../shared/eval-data); pass --corpus FILE "
                              "or set CLAIMGRAPH_EVAL_DATA")
        path = folder / CORPUS_NAME
    if not path.is_file():
        raise ConfigError(f"corpus {path} does not exist; pass --corpus FILE (JSON Lines of {{id, text}})")
    return path


def corpus_item(record: dict[str, Any]) -> InputItem:
    """One corpus record as the input a JSONL source would yield (outlet Reuters).

    >>> corpus_item({"id": "r/1", "text": "Body.", "title": "T", "date": "1987-02-26"}).published
    '1987-02-26'
    """
    return InputItem(origin=str(record.get("id")), text=record.get("text") or "", kind="text",
                     published=record.get("date"), outlet=record.get("source") or "Reuters",
                     title=record.get("title"))


def read_items(path: Path, n: int) -> tuple[list[InputItem], list[InputItem]]:
    """The first ``n`` records as input items, and up to SPARE_RECORDS more after them."""
    records = list(read_jsonl(path, limit=n + SPARE_RECORDS))
    if not records[:n]:
        raise ConfigError(f"{path} has no records; pass a JSON Lines file of {{id, text}} records")
    return [corpus_item(r) for r in records[:n]], [corpus_item(r) for r in records[n:]]


def bench_settings(batch_size: int | None, processes: int) -> Settings:
    """The user's settings (environment included) with the bench's batch size and processes."""
    if processes < 1:
        raise ConfigError(f"processes must be 1 or more, not {processes}")
    return Settings.from_env(db=":memory:", batch_size=batch_size, processes=processes)


def accepted_documents(items: Iterable[InputItem], settings: Settings) -> list[tuple[str, str] | None]:
    """Per item, (document id, cleaned text) if a fresh database would store it, else None.

    Mirrors ``Pipeline.ingest_items`` on an empty database: a rejected item is None, and
    so is an item whose document id an earlier item already had (a duplicate).
    """
    from ..clean import clean_item

    seen: set[str] = set()
    out: list[tuple[str, str] | None] = []
    for item in items:
        try:
            doc = clean_item(item, settings)
        except RejectedInput:
            out.append(None)
            continue
        out.append(None if doc.id in seen else (doc.id, doc.text))
        seen.add(doc.id)
    return out


def cleaned_texts(items: Iterable[InputItem], settings: Settings) -> dict[str, str]:
    """Document id -> cleaned text of the items a fresh database would store, in order."""
    return dict(d for d in accepted_documents(items, settings) if d is not None)


# --- the two sides --------------------------------------------------------------------


def load_sides(settings: Settings):
    """(claimgraph's Pipeline with its models built, the bare spaCy model)."""
    from ..pipeline import Pipeline

    pipeline = Pipeline(settings)
    pipeline.extractor  # noqa: B018  (builds spaCy with the gazetteer, the matchers, the resolver)
    return pipeline, load_bare(settings.model)


@lru_cache(maxsize=2)
def load_bare(model: str):
    """The model as ``spacy.load`` gives it: none of claimgraph's components."""
    import spacy

    try:
        return spacy.load(model)
    except OSError as exc:
        raise ConfigError(f"spaCy model {model!r} is not installed; set CLAIMGRAPH_MODEL") from exc


# An invented article that touches every lazily built index: language identification,
# the line classifier, the gazetteer ruler, exact and misspelled places, dates,
# quantities, named sources, the linker.
WARM_UP_TEXT = (
    "KYIV, Jan 4 (Reuters) - Russia fired at least 20 missiles at Kyiv and Kharkiv on Tuesday, "
    "killing three people, Ukraine's air force said.\n\n"
    "President Volodymyr Zelenskiy said on Wednesday that North Korea had supplied KN-23 "
    "missiles with a range of about 900 km (550 miles), citing military intelligence.\n\n"
    "The Kremlin denied the report. Officials in Mosow said a meeting in Geneva was planned "
    "for next month."
)


def warm_up(pipeline, bare_nlp, items: list[InputItem], settings: Settings) -> None:
    """Build everything lazy outside the timings: the invented article and ``items``
    through both sides, into an in-memory database (the benchmark's starts empty)."""
    from ..clean.language import rank_languages
    from ..resolve.dates import resolve_time
    from ..resolve.places import fuzzy_place, geocode
    from ..store.db import Store

    geocode("Kharkiv")  # the place index is built on first use (seconds)
    fuzzy_place("Kharkov")
    rank_languages(WARM_UP_TEXT)  # English text never needs the identifier: load it here
    resolve_time("24.04.2024", dt.date(2024, 4, 25))  # imports dateparser (0.2 s), as an odd date would
    warm = [InputItem(origin="warm-up", text=WARM_UP_TEXT, kind="text", published="2024-01-04",
                      outlet="Reuters", title="Warm-up"), *items]
    bare_spacy_seconds(bare_nlp, [item.text or "" for item in warm], settings.batch_size, 1)
    scratch = Store(":memory:")
    try:
        pipeline.ingest_items(scratch, warm)
    finally:
        scratch.close()


def bare_spacy_seconds(nlp, texts: Iterable[str], batch_size: int, processes: int = 1) -> float:
    """Seconds ``nlp.pipe`` takes over ``texts`` (each Doc is dropped once made).

    >>> import spacy
    >>> bare_spacy_seconds(spacy.blank("en"), ["One text.", "Two."], 8) >= 0
    True
    """
    texts = list(texts)
    started = time.perf_counter()
    for _doc in nlp.pipe(texts, batch_size=batch_size, n_process=processes):
        pass
    return time.perf_counter() - started


def ingest_latency(pipeline, store, candidates: list[InputItem], settings: Settings) -> dict[str, Any]:
    """Milliseconds from handing one new article to the pipeline until its claims are read back.

    The article is the first candidate that cleans to a document not yet stored and
    yields a claim (checked beforehand with ``pipeline.extract``, outside the clock).
    """
    from ..clean import clean_item

    chosen = choose_latency_article(pipeline, store, candidates, settings, clean_item)
    if chosen is None:
        return {"ms": None, "origin": None, "claims": 0, "stages_ms": {}}
    item, document = chosen
    t0 = time.perf_counter()
    report = pipeline.ingest_items(store, [item])
    claims = store.claims(document=document.id)
    ms = (time.perf_counter() - t0) * 1000
    return {
        "ms": round(ms, 1),
        "origin": item.origin,
        "claims": len(claims),
        "words": len(document.text.split()),
        "stages_ms": {k: round(v * 1000, 1) for k, v in report.seconds.items()},
    }


def choose_latency_article(pipeline, store, candidates, settings, clean_item):
    for item in candidates:
        try:
            document: Document = clean_item(item, settings)
        except RejectedInput:
            continue
        if store.document(document.id) is not None:
            continue
        claims, _entities = pipeline.extract([document])
        if claims:
            return item, document
    return None


# --- memory ---------------------------------------------------------------------------

CLEAR_REFS = Path("/proc/self/clear_refs")
# ru_maxrss is in kilobytes on Linux, in bytes on macOS
RSS_UNIT = 1024 * 1024 if sys.platform == "darwin" else 1024


class PeakMemory:
    """The resident-set peak from now on (reset through /proc where Linux allows it)."""

    def __init__(self) -> None:
        self.method = "ru_maxrss since reset" if reset_peak_rss() else "ru_maxrss of the process"

    def read(self) -> float:
        """Megabytes."""
        return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / RSS_UNIT


def reset_peak_rss() -> bool:
    """Reset this process's RSS high-water mark (Linux ≥ 4.0); False where not possible."""
    try:
        CLEAR_REFS.write_text("5")
        return True
    except OSError:
        return False


def current_rss_mb() -> float:
    try:
        for line in Path("/proc/self/status").read_text().splitlines():
            if line.startswith("VmRSS:"):
                return int(line.split()[1]) / 1024
    except OSError:
        pass
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / RSS_UNIT


def cpu_seconds() -> float:
    """CPU time of this process plus its finished children (nlp.pipe workers)."""
    children = resource.getrusage(resource.RUSAGE_CHILDREN)
    return time.process_time() + children.ru_utime + children.ru_stime


def children_peak_rss_mb() -> float:
    """Largest peak of any finished child process (nlp.pipe workers), 0 when none ran."""
    return resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / RSS_UNIT


# --- report ---------------------------------------------------------------------------


def bench_notes(extra: dict[str, Any]) -> list[str]:
    """The lines a reader needs beside the headline: both times, the stages, memory, latency.

    >>> extra = {"texts": 2, "model": "m", "batch_size": 64, "processes": 1, "bare_seconds": 4.0,
    ...          "bare_cpu_seconds": 4.0, "ours_seconds": 5.0, "ours_cpu_seconds": 5.0, "cpu_ratio": 1.25,
    ...          "stages": {"analyze": 4.2, "extract": 0.8}, "unaccounted_seconds": 0.0,
    ...          "bare_peak_rss_mb": 700.0, "rss_after_load_mb": 560.0, "peak_method": "ru_maxrss",
    ...          "latency_ms": 900.0, "latency": {"stages_ms": {"link": 800.0}}, "same_texts": True}
    >>> bench_notes(extra)[2]
    'claimgraph stages, seconds (x bare spaCy): analyze 4.2 (1.05), extract 0.8 (0.20), other 0.0 (0.00).'
    """
    bare = extra["bare_seconds"] or float("nan")
    stages = {**extra["stages"], "other": extra["unaccounted_seconds"]}
    notes = [
        f"ratio = claimgraph seconds / bare nlp.pipe seconds on the same {extra['texts']:,} cleaned texts "
        f"({extra['model']}, batch {extra['batch_size']}, {extra['processes']} process(es), "
        f"{extra.get('rounds', 1)} round(s)); models loaded "
        "and warmed up outside both timings; claimgraph's time includes clean, store and the relink of "
        "the whole database.",
        f"bare spaCy {extra['bare_seconds']:.1f} s (CPU {extra['bare_cpu_seconds']:.1f} s), claimgraph "
        f"{extra['ours_seconds']:.1f} s (CPU {extra['ours_cpu_seconds']:.1f} s): CPU-time ratio "
        f"{extra['cpu_ratio']}, the cross-check on a busy machine.",
        "claimgraph stages, seconds (x bare spaCy): "
        + ", ".join(f"{name} {sec:.1f} ({sec / bare:.2f})" for name, sec in stages.items()) + ".",
        f"peak resident memory ({extra['peak_method']}): bare spaCy side {extra['bare_peak_rss_mb']:.0f} MB, "
        f"after loading both models {extra['rss_after_load_mb']:.0f} MB (one process holds both).",
        f"latency: {_ms(extra['latency_ms'])} from one new article to its claims being queryable, of which "
        f"the (incremental) link {_ms(extra['latency']['stages_ms'].get('link'))}.",
    ]
    if not extra["same_texts"]:
        notes.append("warning: the stored documents differ from the texts given to bare spaCy.")
    return notes


def _ms(value: float | None) -> str:
    return "n/a" if value is None else f"{value:,.0f} ms"
