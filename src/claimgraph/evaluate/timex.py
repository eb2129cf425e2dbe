"""Time expressions scored with the TempEval-3 Task A conventions.

Records have the TempEval-3 layout of ``timex-meantime-dev.jsonl.gz``: ``{id, dct,
text, timexes: [{start, end, text, type, value, functionInDocument?}], corpus, ...}``.

The headline describes the product: the time expressions an ingest gives claims their time
from (``extract.times.sentence_times``, every sentence), each resolved against the
document's creation time by ``resolve.dates.resolve_time`` as extraction does, its interval
written as a TIMEX3 value (``evaluate.baselines.timex_tagger.span_value``) and typed by its spaCy label. Beside
it, in the same ``nlp.pipe`` pass: the stand-alone TIMEX3 tagger
``evaluate.baselines.timex_tagger.tag_timexes`` (no ingest runs it) and spaCy's bare DATE/TIME entities.

Metrics (as the TempEval-3 toolkit computes them, over all documents pooled):

- extent precision = predictions that match a gold timex / predictions, recall = gold
  timexes matched / gold; strict = the same character span, relaxed = any overlap;
- for every relaxed-matched gold timex, the overlapping prediction (the largest overlap)
  is compared on ``type`` and ``value``; attribute accuracy = correct / matched, and
  ``type_f1`` / ``value_f1`` = relaxed F1 × that accuracy. Value F1 is the ranking score.

Scope: the creation-time timex (``functionInDocument: CREATION_TIME``, the dateline)
is left out, and so is any prediction that overlaps it (TempEval-3 keeps the DCT
outside the text). MEANTIME annotates only the first six lines of each article (title,
dateline, four sentences), so for ``corpus`` "meantime*" only predictions starting in
lines 0–5 count; other files are scored whole.

    >>> gold = [[{"start": 0, "end": 6, "type": "DATE", "value": "2024-01-02"}]]
    >>> pred = [[{"start": 0, "end": 6, "type": "DATE", "value": "2024-01-09"}]]
    >>> score = score_timexes(gold, pred)
    >>> score["strict_f1"], score["value_f1"]
    (1.0, 0.0)
"""

from __future__ import annotations

import datetime as dt
import re
from collections import Counter
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from claimgraph.evaluate.common import EvalResult, prf, read_jsonl, stopwatch

__all__ = ["ANCHORS", "document_anchor", "evaluate_timex", "in_scope", "pipeline_timexes", "score_timexes",
           "scored_gold", "timex_errors"]

# MEANTIME marks time expressions in the title, the dateline and four sentences only.
MEANTIME_LINES = 6
ANCHORS: list[tuple[str, dict[str, float]]] = [
    ("spaCy en_core_web_sm DATE/TIME, extents only (eval-data README)", {"strict_f1": 0.78, "relaxed_f1": 0.89}),
    ("HeidelTime, TE3-platinum (held back; not this file)", {"value_f1": 0.7761}),
    ("SUTime, TE3-platinum (held back; not this file)", {"value_f1": 0.6738}),
]

Item = tuple[int, int, str | None, str | None]  # start, end, type, value


def _items(timexes: Sequence[Any]) -> list[Item]:
    out = []
    for t in timexes:
        get = t.get if isinstance(t, dict) else lambda k, _t=t: getattr(_t, k, None)
        out.append((int(get("start")), int(get("end")), get("type"), get("value")))
    return out


def score_timexes(gold_docs: Sequence[Sequence[Any]], predicted_docs: Sequence[Sequence[Any]]) -> dict[str, float]:
    """Strict and relaxed extent P/R/F1 and type/value F1, pooled over documents.

    :param gold_docs: per document, gold timexes (dicts or objects with start, end, type, value).
    :param predicted_docs: per document, predictions in the same shape.
    :returns: strict_/relaxed_ precision, recall, f1; type_/value_ accuracy and f1;
        the counts n_gold, n_predicted.
    """
    counts: Counter = Counter()
    for gold_doc, pred_doc in zip(gold_docs, predicted_docs, strict=True):
        gold, pred = _items(gold_doc), _items(pred_doc)
        counts["gold"] += len(gold)
        counts["predicted"] += len(pred)
        spans = {(g[0], g[1]) for g in gold}
        pred_spans = {(p[0], p[1]) for p in pred}
        counts["strict_predicted"] += sum((p[0], p[1]) in spans for p in pred)
        counts["strict_gold"] += sum((g[0], g[1]) in pred_spans for g in gold)
        counts["relaxed_predicted"] += sum(any(_overlap(p, g) for g in gold) for p in pred)
        for g in gold:
            best = max(pred, key=lambda p: _overlap(p, g), default=None)
            if best is None or not _overlap(best, g):
                continue
            counts["relaxed_gold"] += 1
            counts["type_ok"] += best[2] == g[2]
            counts["value_ok"] += best[3] is not None and best[3] == g[3]
    strict = prf(counts["strict_predicted"], counts["predicted"], counts["strict_gold"], counts["gold"])
    relaxed = prf(counts["relaxed_predicted"], counts["predicted"], counts["relaxed_gold"], counts["gold"])
    matched = counts["relaxed_gold"]
    type_accuracy = counts["type_ok"] / matched if matched else 0.0
    value_accuracy = counts["value_ok"] / matched if matched else 0.0
    return {
        "strict_precision": strict[0], "strict_recall": strict[1], "strict_f1": strict[2],
        "relaxed_precision": relaxed[0], "relaxed_recall": relaxed[1], "relaxed_f1": relaxed[2],
        "type_accuracy": type_accuracy, "value_accuracy": value_accuracy,
        "type_f1": relaxed[2] * type_accuracy, "value_f1": relaxed[2] * value_accuracy,
        "n_gold": float(counts["gold"]), "n_predicted": float(counts["predicted"]),
    }


def _overlap(a: Item, b: Item) -> int:
    return max(0, min(a[1], b[1]) - max(a[0], b[0]))


# --- scope ---------------------------------------------------------------------------


def scored_gold(record: dict[str, Any]) -> list[dict[str, Any]]:
    """Gold timexes that count: non-empty, not the creation time."""
    return [t for t in record.get("timexes", [])
            if t.get("functionInDocument") != "CREATION_TIME" and t.get("end", 0) > t.get("start", 0)]


def in_scope(record: dict[str, Any], predictions: Sequence[Any]) -> list[Any]:
    """Predictions that count: not on the creation-time timex, within the annotated lines."""
    creation = [(t["start"], t["end"], None, None) for t in record.get("timexes", [])
                if t.get("functionInDocument") == "CREATION_TIME"]
    limit = annotated_chars(record)
    out = []
    for p in predictions:
        item = _items([p])[0]
        if limit is not None and item[0] >= limit:
            continue
        if any(_overlap(item, c) for c in creation):
            continue
        out.append(p)
    return out


def annotated_chars(record: dict[str, Any]) -> int | None:
    """Character offset where annotation stops (end of line 5 for MEANTIME), else None."""
    if not str(record.get("corpus", "")).lower().startswith("meantime"):
        return None
    lines = record.get("text", "").split("\n")
    return sum(len(line) + 1 for line in lines[:MEANTIME_LINES])


def document_anchor(record: dict[str, Any]) -> dt.date | None:
    """The creation time: ``dct`` (ISO, or day-month-year as in one MEANTIME record),
    else the date of the dateline (line 1) read by ``resolve_time`` without an anchor.

    >>> document_anchor({"dct": "2008-03-01"}), document_anchor({"dct": "03-02-2009"})
    (datetime.date(2008, 3, 1), datetime.date(2009, 2, 3))
    >>> document_anchor({"text": "Title\\nSeptember 01 , 2007\\nBody ."})
    datetime.date(2007, 9, 1)
    """
    from claimgraph.resolve.dates import parse_iso, resolve_time

    dct = str(record.get("dct") or "")
    day = parse_iso(dct)
    if day is not None:
        return day
    match = re.fullmatch(r"(\d{1,2})-(\d{1,2})-(\d{4})", dct.strip())
    if match:
        try:
            return dt.date(int(match.group(3)), int(match.group(2)), int(match.group(1)))
        except ValueError:
            pass
    lines = record.get("text", "").split("\n")
    for line in lines[1:2] + lines[:1]:
        span = resolve_time(line, None)
        if span is not None and span.start == span.end:
            return parse_iso(span.start)
    return None


# --- the product's time expressions --------------------------------------------------------


def pipeline_timexes(doc, anchor: dt.date | None) -> list[dict[str, Any]]:
    """What an ingest finds and resolves: ``sentence_times`` of every sentence, the value of
    ``resolve_time`` (None when it cannot resolve the expression), typed DATE or TIME."""
    from claimgraph.extract.times import sentence_times
    from claimgraph.resolve.dates import parse_iso, resolve_time
    from claimgraph.evaluate.baselines.timex_tagger import span_value

    out = []
    for sent in doc.sents:
        for span in sentence_times(sent):
            resolved = resolve_time(span.text, anchor)
            value = None
            if resolved is not None:
                start, end = parse_iso(resolved.start), parse_iso(resolved.end)
                value = span_value(start, end) if start and end else None
            out.append({"start": span.start_char, "end": span.end_char, "type": span.label_, "value": value})
    return out


# --- the run -----------------------------------------------------------------------------


def evaluate_timex(path: str | Path, limit: int | None = None, settings=None) -> EvalResult:
    """Tag the time expressions of every record and score them against the gold TIMEX3.

    :param path: a TempEval-3-layout JSON Lines file (``timex-meantime-dev.jsonl.gz``).
    :param limit: score only the first ``limit`` documents.
    :returns: metrics ``strict_f1``, ``relaxed_f1``, ``type_f1``, ``value_f1`` (the pipeline's
        own, ``pipeline_timexes``), the same prefixed ``tagger_`` (``tag_timexes``, not run by
        an ingest) and ``spacy_strict_f1``, ``spacy_relaxed_f1`` (bare spaCy DATE/TIME
        extents); precision/recall and per-type tables in ``extra``.

    >>> result = evaluate_timex("../shared/eval-data/timex-meantime-dev.jsonl.gz", limit=5)  # doctest: +SKIP
    >>> 0 <= result.metrics["value_f1"] <= 1  # doctest: +SKIP
    True
    """
    from claimgraph.analyze.nlp import load_pipeline
    from claimgraph.evaluate.baselines.timex_tagger import tag_timexes
    from claimgraph.settings import Settings

    settings = settings or Settings.from_env()
    records = list(read_jsonl(path, limit))
    golds, ours, tagger, spacy_only, rows = [], [], [], [], []
    with stopwatch() as took:
        nlp = load_pipeline(settings.model)
        for doc, record in nlp.pipe(((r.get("text", ""), r) for r in records), as_tuples=True,
                                    batch_size=settings.batch_size):
            gold = scored_gold(record)
            anchor = document_anchor(record)
            predicted = in_scope(record, pipeline_timexes(doc, anchor))
            baseline = in_scope(record, [{"start": e.start_char, "end": e.end_char, "type": e.label_, "value": None}
                                         for e in doc.ents if e.label_ in ("DATE", "TIME")])
            golds.append(gold)
            ours.append(predicted)
            tagger.append(in_scope(record, tag_timexes(doc, anchor)))
            spacy_only.append(baseline)
            rows.append((record, gold, predicted))
    score = score_timexes(golds, ours)
    side = score_timexes(golds, tagger)
    base = score_timexes(golds, spacy_only)
    headline = ("strict_f1", "relaxed_f1", "type_f1", "value_f1")
    metrics = {key: score[key] for key in headline}
    metrics.update({f"tagger_{key}": side[key] for key in headline})
    metrics.update({"spacy_strict_f1": base["strict_f1"], "spacy_relaxed_f1": base["relaxed_f1"]})
    meantime = any(annotated_chars(r) is not None for r in records)
    return EvalResult(
        task="timex",
        file=str(path),
        n=len(records),
        metrics=metrics,
        anchors=ANCHORS,
        extra={"baselines": {"evaluate/baselines/timex_tagger.py TIMEX3 tagger, not run by an ingest (same run)":
                             {k: side[k] for k in headline},
                             "spaCy DATE/TIME entities, extents only (same run)":
                             {k: base[k] for k in ("strict_f1", "relaxed_f1")}},
               "baseline_prefixes": ["tagger", "spacy"], "ours": score, "tagger": side, "spacy": base,
               "by_type": by_type(rows),
               "documents_per_second": len(records) / took[0] if took[0] else 0.0},
        seconds=took[0],
        notes=[
            "claimgraph = the pipeline's own time expressions: those claims take their time from "
            "(extract.times.sentence_times), resolved by resolve.dates.resolve_time as an ingest does; "
            "the evaluate/baselines/timex_tagger.py row is a comparison tagger no ingest runs (tried as the claims time extents: no claim time improved on the real-news gold).",
            "Data: NewsReader MEANTIME English (CC BY 4.0, FBK, VU Amsterdam, UPV/EHU) via "
            "qiangning/StructTempRel-EMNLP17, dev split (120 Wikinews articles); held-out "
            "TempEval-3 sets are scored separately with --file.",
            "Metric: TempEval-3 Task A conventions (strict/relaxed extent P/R/F1; type and value "
            "F1 = relaxed F1 x attribute accuracy over relaxed matches); anchor = each document's dct.",
        ] + (["MEANTIME scope: predictions starting in lines 0-5 only; the dateline's CREATION_TIME "
              "timex and predictions overlapping it are left out."] if meantime else []),
    )


def by_type(rows: Sequence[tuple[dict, list, list]]) -> dict[str, dict[str, Any]]:
    """Per gold type: how many, relaxed recall, value accuracy over the matched ones."""
    table: dict[str, Counter] = {}
    for _record, gold, predicted in rows:
        pred = _items(predicted)
        for g in _items(gold):
            row = table.setdefault(g[2] or "?", Counter())
            row["n"] += 1
            best = max(pred, key=lambda p: _overlap(p, g), default=None)
            if best is not None and _overlap(best, g):
                row["matched"] += 1
                row["value_ok"] += best[3] == g[3]
    return {kind: {"n": c["n"], "relaxed_recall": c["matched"] / c["n"],
                   "value_accuracy": c["value_ok"] / c["matched"] if c["matched"] else 0.0}
            for kind, c in sorted(table.items())}


def timex_errors(path: str | Path, limit: int | None = None, settings=None) -> list[str]:
    """One line per miss, spurious prediction or wrong value of the pipeline: for reading, not scoring."""
    from claimgraph.analyze.nlp import load_pipeline
    from claimgraph.settings import Settings

    settings = settings or Settings.from_env()
    records = list(read_jsonl(path, limit))
    nlp = load_pipeline(settings.model)
    lines = []
    for doc, record in nlp.pipe(((r.get("text", ""), r) for r in records), as_tuples=True):
        anchor = document_anchor(record)
        gold = _items(scored_gold(record))
        predicted = in_scope(record, pipeline_timexes(doc, anchor))
        pred = _items(predicted)
        text = record.get("text", "")
        for p in pred:
            match = max(gold, key=lambda g: _overlap(p, g), default=None)
            if match is None or not _overlap(p, match):
                lines.append(f"SPURIOUS {text[p[0]:p[1]]!r} {p[2]} {p[3]}  [{anchor}]")
        for g in gold:
            best = max(pred, key=lambda p: _overlap(p, g), default=None)
            if best is None or not _overlap(best, g):
                lines.append(f"MISSED   {text[g[0]:g[1]]!r} {g[2]} {g[3]}  [{anchor}] …{text[max(0, g[0] - 40):g[1] + 30]!r}")
            elif (best[0], best[1]) != (g[0], g[1]) or best[2] != g[2] or best[3] != g[3]:
                lines.append(f"DIFF     gold {text[g[0]:g[1]]!r} {g[2]} {g[3]} | ours {text[best[0]:best[1]]!r} "
                             f"{best[2]} {best[3]}  [{anchor}]")
    return lines
