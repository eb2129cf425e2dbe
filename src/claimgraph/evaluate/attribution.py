"""Who says what: attribution relations scored on PolNeAR (political news).

Every record has ``{id, text, attributions: [{source, cue, content}]}``, each role a
list of ``[start, end]`` character spans (``source`` empty when the article itself
speaks). Our attributions come from ``extract.attribution.find_attributions``, the very
pass an ingest runs before claims take their source and via, over the project's spaCy
pipeline (one ``nlp.pipe`` pass).

Metrics (the eval-data README, section attribution-polnear), micro over articles.
Tokens are ``\\w+|[^\\w\\s]`` matches; a token has a role when its characters overlap a
span of that role.

- ``source_f1``, ``cue_f1``, ``content_f1``: token-level F1 per role;
- ``attribution_precision/recall/f1``: predicted and gold attributions are paired one to
  one, best content overlap first; a pair counts when their cue tokens overlap (or both
  have none) and the token F1 of their contents is at least 0.5;
- ``attribution_source_f1``: the same, where the sources also overlap (or both are empty).

    >>> text = "Reyes said the ship sank."
    >>> gold = [{"source": [[0, 5]], "cue": [[6, 10]], "content": [[11, 24]]}]
    >>> score_attributions([(text, gold, gold)])["attribution_source_f1"]
    1.0
"""

from __future__ import annotations

import bisect
import re
from collections import Counter
from collections.abc import Iterable, Sequence
from pathlib import Path
from typing import Any

from claimgraph.evaluate.common import EvalResult, f1_score, prf, read_jsonl, stopwatch

__all__ = ["ANCHORS", "ROLES", "attribution_errors", "evaluate_attribution", "pair_attributions",
           "score_attributions", "token_offsets"]

ROLES = ("source", "cue", "content")
TOKEN = re.compile(r"\w+|[^\w\s]")
MIN_CONTENT_F1 = 0.5
ANCHORS: list[tuple[str, dict[str, float]]] = [
    ("bare spaCy en_core_web_sm, 20 reporting verbs (eval-data README)",
     {"source_f1": 0.584, "cue_f1": 0.352, "content_f1": 0.558, "attribution_f1": 0.443,
      "attribution_source_f1": 0.399}),
]

Spans = Sequence[Sequence[int]]


def token_offsets(text: str) -> tuple[list[int], list[int]]:
    """Start and end offsets of the scoring tokens of ``text``.

    >>> token_offsets("U.S. said")
    ([0, 1, 2, 3, 5], [1, 2, 3, 4, 9])
    """
    starts, ends = [], []
    for match in TOKEN.finditer(text):
        starts.append(match.start())
        ends.append(match.end())
    return starts, ends


def _tokens(spans: Spans, offsets: tuple[list[int], list[int]]) -> frozenset[int]:
    """Indices of the tokens whose characters overlap any of ``spans``."""
    starts, ends = offsets
    out: set[int] = set()
    for span in spans:
        start, end = int(span[0]), int(span[1])
        if end <= start:
            continue
        first = bisect.bisect_right(ends, start)  # first token ending after the span starts
        last = bisect.bisect_left(starts, end)  # tokens starting before the span ends
        out.update(range(first, last))
    return frozenset(out)


def _token_f1(a: frozenset[int], b: frozenset[int]) -> float:
    shared = len(a & b)
    return 2 * shared / (len(a) + len(b)) if shared else 0.0


def _as_tokens(attributions: Iterable[dict[str, Any]], offsets) -> list[dict[str, frozenset[int]]]:
    return [{role: _tokens(a.get(role) or [], offsets) for role in ROLES} for a in attributions]


def pair_attributions(gold: list[dict[str, frozenset[int]]],
                      predicted: list[dict[str, frozenset[int]]]) -> list[tuple[int, int]]:
    """One-to-one (gold index, predicted index) pairs, the largest content overlap first
    (ties: the better content F1); pairs whose contents share no token are left out."""
    options = []
    for g, gold_att in enumerate(gold):
        for p, pred_att in enumerate(predicted):
            shared = len(gold_att["content"] & pred_att["content"])
            if shared:
                options.append((-shared, -_token_f1(gold_att["content"], pred_att["content"]), g, p))
    options.sort()
    used_gold, used_pred, pairs = set(), set(), []
    for _shared, _f1, g, p in options:
        if g not in used_gold and p not in used_pred:
            used_gold.add(g)
            used_pred.add(p)
            pairs.append((g, p))
    return pairs


def _same_or_both_empty(a: frozenset[int], b: frozenset[int]) -> bool:
    return bool(a & b) or not a and not b


def _pair_counts(gold_att: dict[str, frozenset[int]], pred_att: dict[str, frozenset[int]]) -> tuple[bool, bool]:
    """(counts as an attribution, counts with its source too)."""
    counts = _same_or_both_empty(gold_att["cue"], pred_att["cue"]) and \
        _token_f1(gold_att["content"], pred_att["content"]) >= MIN_CONTENT_F1
    return counts, counts and _same_or_both_empty(gold_att["source"], pred_att["source"])


def score_article(text: str, gold: Sequence[dict[str, Any]], predicted: Sequence[dict[str, Any]]) -> Counter:
    """The counts one article adds: per-role token tp/fp/fn and matched attributions."""
    offsets = token_offsets(text)
    gold_t, pred_t = _as_tokens(gold, offsets), _as_tokens(predicted, offsets)
    counts: Counter = Counter()
    for role in ROLES:
        g = frozenset().union(*(a[role] for a in gold_t))
        p = frozenset().union(*(a[role] for a in pred_t))
        counts[f"{role}_tp"] += len(g & p)
        counts[f"{role}_fp"] += len(p - g)
        counts[f"{role}_fn"] += len(g - p)
    counts["gold"] += len(gold_t)
    counts["predicted"] += len(pred_t)
    for g, p in pair_attributions(gold_t, pred_t):
        matched, with_source = _pair_counts(gold_t[g], pred_t[p])
        counts["matched"] += matched
        counts["matched_source"] += with_source
    return counts


def score_attributions(articles: Iterable[tuple[str, Sequence[dict], Sequence[dict]]]) -> dict[str, float]:
    """The README's metrics over (text, gold, predicted) triples, pooled (micro) over articles.

    >>> text = "Reyes said the ship sank. It was hit, according to the navy."
    >>> gold = [{"source": [[0, 5]], "cue": [[6, 10]], "content": [[11, 24]]},
    ...         {"source": [[51, 59]], "cue": [[38, 50]], "content": [[26, 36]]}]
    >>> pred = [{"source": [], "cue": [[6, 10]], "content": [[11, 24]]}]
    >>> s = score_attributions([(text, gold, pred)])
    >>> s["attribution_precision"], s["attribution_recall"], s["attribution_source_f1"]
    (1.0, 0.5, 0.0)
    """
    counts: Counter = Counter()
    for text, gold, predicted in articles:
        counts.update(score_article(text, gold, predicted))
    metrics: dict[str, float] = {}
    for role in ROLES:
        tp, fp, fn = counts[f"{role}_tp"], counts[f"{role}_fp"], counts[f"{role}_fn"]
        metrics[f"{role}_f1"] = prf(tp, tp + fp, tp, tp + fn)[2]
    precision, recall, f1 = prf(counts["matched"], counts["predicted"], counts["matched"], counts["gold"])
    metrics.update(attribution_precision=precision, attribution_recall=recall, attribution_f1=f1)
    source_p, source_r, _ = prf(counts["matched_source"], counts["predicted"], counts["matched_source"], counts["gold"])
    metrics["attribution_source_f1"] = f1_score(source_p, source_r)
    metrics.update(n_gold=float(counts["gold"]), n_predicted=float(counts["predicted"]))
    return metrics


# --- the run -----------------------------------------------------------------------------


def _predict(path: str | Path, limit: int | None, settings=None):
    """(record, predicted attributions as character spans) for every record, in one pipe pass."""
    from claimgraph.analyze.nlp import analyze, load_pipeline
    from claimgraph.extract.attribution import find_attributions
    from claimgraph.extract.lexicon import load_lexicon
    from claimgraph.settings import Settings

    settings = settings or Settings.from_env()
    nlp = load_pipeline(settings.model)
    lex = load_lexicon()
    records = [r for r in read_jsonl(path, limit) if isinstance(r.get("text"), str)]
    for doc, record in analyze(nlp, ((r["text"], r) for r in records), settings.batch_size):
        yield record, [a.char_spans() for a in find_attributions(doc, lex)]


def evaluate_attribution(path: str | Path, limit: int | None = None, settings=None) -> EvalResult:
    """Find the attributions of every article and score them against PolNeAR's.

    :param path: a JSON Lines file of the attribution-polnear layout.
    :param limit: score only the first ``limit`` articles.
    :returns: the README's seven metrics; counts and precision/recall per role in ``extra``.

    >>> result = evaluate_attribution("../shared/eval-data/attribution-polnear-dev.jsonl.gz", limit=3)  # doctest: +SKIP
    >>> 0 <= result.metrics["attribution_f1"] <= 1  # doctest: +SKIP
    True
    """
    with stopwatch() as took:
        triples = [(record["text"], record.get("attributions") or [], predicted)
                   for record, predicted in _predict(path, limit, settings)]
    score = score_attributions(triples)
    headline = ("source_f1", "cue_f1", "content_f1", "attribution_precision", "attribution_recall",
                "attribution_f1", "attribution_source_f1")
    return EvalResult(
        task="attribution", file=str(path), n=len(triples), metrics={k: score[k] for k in headline},
        anchors=ANCHORS,
        extra={"counts": {"gold": int(score["n_gold"]), "predicted": int(score["n_predicted"])},
               "articles_per_second": len(triples) / took[0] if took[0] else 0.0},
        seconds=took[0],
        notes=["Data: PolNeAR (networkdynamics, LREC 2018) dev split, 84 articles; no licence stated, "
               "articles (c) their publishers: evaluation only, nothing learned from it is shipped.",
               "Predictions: extract.attribution.find_attributions, the document pass claims take "
               "their source and via from."],
    )


def attribution_errors(path: str | Path, limit: int | None = None, settings=None) -> list[str]:
    """One line per missed, spurious or mismatched attribution: for reading, not scoring."""
    lines = []
    for record, predicted in _predict(path, limit, settings):
        text = record["text"]
        offsets = token_offsets(text)
        gold = record.get("attributions") or []
        gold_t, pred_t = _as_tokens(gold, offsets), _as_tokens(predicted, offsets)
        pairs = dict(pair_attributions(gold_t, pred_t))
        paired_pred = set(pairs.values())
        for g, att in enumerate(gold):
            p = pairs.get(g)
            if p is None:
                lines.append(f"MISSED   {_show(text, att)}")
            elif not _pair_counts(gold_t[g], pred_t[p])[1]:
                lines.append(f"DIFF     gold {_show(text, att)}\n         ours {_show(text, predicted[p])}")
        lines += [f"SPURIOUS {_show(text, att)}" for p, att in enumerate(predicted) if p not in paired_pred]
    return lines


def _show(text: str, att: dict[str, Any]) -> str:
    def part(role: str, width: int) -> str:
        pieces = [text[s:e] for s, e in att.get(role) or []]
        joined = " … ".join(pieces).replace("\n", " ")
        return joined if len(joined) <= width else joined[:width // 2] + " … " + joined[-width // 2:]
    return f"[{part('source', 60)}] <{part('cue', 30)}> {{{part('content', 140)}}}"
