"""Main-text extraction scored as the article-extraction benchmark scores it.

The data is scrapinghub/article-extraction-benchmark (181 pages, MIT), one record per
page: ``{id, html, gold_text, url, dataset}``. The metric is the benchmark's own
``evaluate.py``, reimplemented here line for line:

- tokens are ``\\w+`` matches, case kept; shingles are the 4-token windows of a text
  as a multiset (a text of 1 to 3 tokens is one shorter shingle, an empty text none);
- per page, TP/FP/FN count shingles and are normalised to sum to 1;
- precision is the mean of TP/(TP+FP) over the pages with a prediction (TP+FP > 0),
  recall the mean of TP/(TP+FN) over the pages with a gold text (TP+FN > 0); a page
  whose FP and FN are both 0 scores 1 on the side where it counts; F1 is the harmonic
  mean of the two means (not a mean of per-page F1s);
- accuracy is the share of pages whose token sequence equals the gold's exactly;
- spreads are standard deviations over 1,000 bootstrap resamples of the pages.

Note for readers of the benchmark's README: a page with neither predicted nor gold
text is left out of both means (``evaluate.py`` filters on TP+FP > 0 and TP+FN > 0
before calling its scorers), so its "counts 1" branch only applies to a page whose
prediction equals the gold.

In the same run trafilatura alone (``trafilatura.extract(html, include_comments=False)``,
as the benchmark's own runner calls it) is scored, so any gain or loss from claimgraph's clean stage is visible.

    >>> shingle_counts("the army said on Monday", "the army said on")
    (0.5, 0.0, 0.5)
"""

from __future__ import annotations

import random
import re
import statistics
from collections import Counter
from collections.abc import Callable, Sequence
from pathlib import Path

from claimgraph.evaluate.common import EvalResult, f1_score, read_jsonl, stopwatch

__all__ = [
    "ANCHORS",
    "benchmark_metrics",
    "bootstrap_std",
    "evaluate_boilerplate",
    "page_accuracy",
    "score_pages",
    "shingle_counts",
    "shingles",
    "tokenize",
]

TOKEN_RE = re.compile(r"\w+", re.UNICODE)
SHINGLE_N = 4
N_BOOTSTRAP = 1000

# Published scores (benchmark README at 4a3bc97, as quoted in eval-data/README.md);
# newspaper4k and news_please come from its "previous evaluation that did not re-run".
ANCHORS: list[tuple[str, dict[str, float]]] = [
    ("rs_trafilatura 9261e08", {"f1": 0.970, "precision": 0.951, "recall": 0.990, "accuracy": 0.287, "f1_std": 0.004}),
    ("go_trafilatura ae7ea06", {"f1": 0.960, "precision": 0.940, "recall": 0.980, "accuracy": 0.287, "f1_std": 0.007}),
    ("trafilatura 2.0.0", {"f1": 0.958, "precision": 0.938, "recall": 0.978, "accuracy": 0.293, "f1_std": 0.006}),
    ("newspaper4k 0.9.3.1 *", {"f1": 0.949, "precision": 0.964, "recall": 0.934, "accuracy": 0.326, "f1_std": 0.008}),
    ("news_please 1.6.16 *", {"f1": 0.948, "precision": 0.964, "recall": 0.933, "accuracy": 0.326, "f1_std": 0.008}),
    ("readability_js 0.6.0", {"f1": 0.947, "precision": 0.914, "recall": 0.982, "accuracy": 0.166, "f1_std": 0.005}),
    ("go_readability 9f5bf5c", {"f1": 0.934, "precision": 0.900, "recall": 0.971, "accuracy": 0.188, "f1_std": 0.009}),
    ("readability-lxml 0.8.4.1", {"f1": 0.922, "precision": 0.913, "recall": 0.931, "accuracy": 0.315, "f1_std": 0.013}),
    ("goose3 3.1.20", {"f1": 0.896, "precision": 0.940, "recall": 0.856, "accuracy": 0.232, "f1_std": 0.015}),
    ("justext 3.0.2", {"f1": 0.804, "precision": 0.858, "recall": 0.756, "accuracy": 0.088, "f1_std": 0.018}),
    ("html-text 0.7.0 (whole page)", {"f1": 0.665, "precision": 0.500, "recall": 0.994, "accuracy": 0.000, "f1_std": 0.015}),
]

Counts = tuple[float, float, float]


# --- the benchmark's metric -----------------------------------------------------------


def tokenize(text: str | None) -> list[str]:
    """``\\w+`` tokens, case kept (the benchmark's tokenizer).

    >>> tokenize("U.S. forces, 2024-01-04")
    ['U', 'S', 'forces', '2024', '01', '04']
    """
    return TOKEN_RE.findall(text or "")


def shingles(text: str | None, n: int = SHINGLE_N) -> Counter:
    """The multiset of ``n``-token windows; a text shorter than ``n`` tokens is one shingle.

    >>> sorted(shingles("a b c d e").values()), len(shingles("a b")), len(shingles(""))
    ([1, 1], 1, 0)
    """
    tokens = tokenize(text)
    return Counter(tuple(tokens[i:i + n]) for i in range(max(1, len(tokens) - n + 1)) if tokens[i:i + n])


def shingle_counts(gold: str | None, predicted: str | None) -> Counts:
    """(TP, FP, FN) of one page's shingles, normalised to sum to 1 (all 0 for two empty texts)."""
    true, pred = shingles(gold), shingles(predicted)
    tp = float(sum((true & pred).values()))
    fp = float(sum((pred - true).values()))
    fn = float(sum((true - pred).values()))
    total = tp + fp + fn
    return (tp / total, fp / total, fn / total) if total else (tp, fp, fn)


def page_accuracy(gold: str | None, predicted: str | None) -> float:
    """1.0 when the two token sequences are identical, else 0.0."""
    return float(tokenize(gold) == tokenize(predicted))


def _precision(tp: float, fp: float, fn: float) -> float:
    if fp == fn == 0:
        return 1.0
    if tp == fp == 0:
        return 0.0
    return tp / (tp + fp)


def _recall(tp: float, fp: float, fn: float) -> float:
    if fp == fn == 0:
        return 1.0
    if tp == fn == 0:
        return 0.0
    return tp / (tp + fn)


def benchmark_metrics(counts: Sequence[Counts]) -> dict[str, float]:
    """Precision, recall and F1 of the means over pages, as the benchmark computes them.

    A side with no page to average (no prediction at all) scores 0.

    >>> benchmark_metrics([(0.5, 0.25, 0.25), (0.0, 0.0, 1.0)])
    {'f1': 0.4444444444444444, 'precision': 0.6666666666666666, 'recall': 0.3333333333333333}
    """
    precisions = [_precision(*c) for c in counts if c[0] + c[1] > 0]
    recalls = [_recall(*c) for c in counts if c[0] + c[2] > 0]
    precision = statistics.fmean(precisions) if precisions else 0.0
    recall = statistics.fmean(recalls) if recalls else 0.0
    return {"f1": f1_score(precision, recall), "precision": precision, "recall": recall}


def bootstrap_std(counts: Sequence[Counts], accuracies: Sequence[float],
                  n: int = N_BOOTSTRAP, seed: int = 0) -> dict[str, float]:
    """Standard deviation of each metric over ``n`` resamples of the pages (seeded).

    >>> bootstrap_std([(1.0, 0.0, 0.0)] * 3, [1.0] * 3, n=20)["f1_std"]
    0.0
    """
    if len(counts) < 2:
        return {f"{key}_std": 0.0 for key in ("f1", "precision", "recall", "accuracy")}
    rng = random.Random(seed)
    values: dict[str, list[float]] = {}
    size = len(counts)
    for _ in range(n):
        picks = [rng.randrange(size) for _ in range(size)]
        sample = benchmark_metrics([counts[i] for i in picks])
        sample["accuracy"] = statistics.fmean(accuracies[i] for i in picks)
        for key, value in sample.items():
            values.setdefault(key, []).append(value)
    return {f"{key}_std": statistics.stdev(vals) for key, vals in sorted(values.items())}


def score_pages(golds: Sequence[str], predictions: Sequence[str], seed: int = 0) -> dict[str, float]:
    """All benchmark figures for one system: f1, precision, recall, accuracy and their spreads.

    >>> score_pages(["a b c d e"], ["a b c d e"])["accuracy"]
    1.0
    """
    counts = [shingle_counts(g, p) for g, p in zip(golds, predictions, strict=True)]
    accuracies = [page_accuracy(g, p) for g, p in zip(golds, predictions, strict=True)]
    metrics = benchmark_metrics(counts)
    metrics["accuracy"] = statistics.fmean(accuracies) if accuracies else 0.0
    metrics.update(bootstrap_std(counts, accuracies, seed=seed))
    return metrics


# --- the systems ----------------------------------------------------------------------


def claimgraph_text(html: str, url: str | None, settings) -> str:
    """Our clean stage's body for one page; a rejected page is an empty prediction."""
    from claimgraph.clean import clean_item
    from claimgraph.errors import RejectedInput
    from claimgraph.model import InputItem

    item = InputItem(origin=url or "page", data=html.encode("utf-8"), kind="html", url=url)
    try:
        return clean_item(item, settings).text
    except RejectedInput:
        return ""


def english_only(text: str) -> str:
    """``text`` if the default language filter (English) keeps it, else "" (a reject)."""
    from claimgraph.clean import check_language
    from claimgraph.errors import RejectedInput
    from claimgraph.settings import Settings

    try:
        check_language(text, Settings(languages="en"))
    except RejectedInput:
        return ""
    return text


def trafilatura_text(html: str, url: str | None = None) -> str:
    """trafilatura alone, called as the benchmark's ``extractors/run_trafilatura.py`` calls it.

    That is the defaults plus ``include_comments=False``; with comments kept (the bare
    default) trafilatura 2.3.1 scores F1 0.953 here instead of 0.960.
    """
    import trafilatura

    try:
        return trafilatura.extract(html, include_comments=False) or ""
    except Exception:  # trafilatura and lxml raise many types on broken markup
        return ""


def evaluate_boilerplate(path: str | Path, limit: int | None = None, seed: int = 0,
                         settings=None) -> EvalResult:
    """Score claimgraph's clean stage and trafilatura alone on benchmark-layout pages.

    :param path: a ``boilerplate.jsonl.gz``-layout file (``html``, ``gold_text``, ``url``).
    :param limit: score only the first ``limit`` pages (quick runs).
    :param seed: seed of the bootstrap resampling.
    :param settings: claimgraph settings for the clean stage; by default those of the
        environment with the language filter off (this measures extraction, and 20 of
        the 181 pages are not English).
    :returns: metrics ``f1``, ``precision``, ``recall``, ``accuracy``, ``f1_std`` (ours) and
        the same prefixed ``trafilatura_``; every system's figures and spreads in ``extra``.

    >>> result = evaluate_boilerplate("../shared/eval-data/boilerplate.jsonl.gz", limit=5)  # doctest: +SKIP
    >>> sorted(result.metrics)[:4]  # doctest: +SKIP
    ['accuracy', 'f1', 'precision', 'recall']
    """
    from claimgraph.settings import Settings

    settings = settings or Settings.from_env(languages="")
    systems: dict[str, Callable[[str, str | None], str]] = {
        "claimgraph": lambda html, url: claimgraph_text(html, url, settings),
        "trafilatura": trafilatura_text,
    }
    records = list(read_jsonl(path, limit))
    golds = [r.get("gold_text") or "" for r in records]
    scores: dict[str, dict[str, float]] = {}
    timings: dict[str, float] = {}
    with stopwatch() as total:
        for name, extract in systems.items():
            with stopwatch() as took:
                predictions = [extract(r["html"], r.get("url")) for r in records]
            timings[name] = took[0]
            scores[name] = score_pages(golds, predictions, seed=seed)
            if name == "claimgraph":
                english = [english_only(text) for text in predictions]
                scores["claimgraph, English only"] = score_pages(golds, english, seed=seed)
    import trafilatura

    ours, theirs = scores["claimgraph"], scores["trafilatura"]
    headline = ("f1", "precision", "recall", "accuracy", "f1_std")
    metrics = {key: ours[key] for key in headline}
    metrics.update({f"trafilatura_{key}": theirs[key] for key in headline})
    baselines = {
        f"trafilatura {trafilatura.__version__} alone (same run)": {k: theirs[k] for k in headline},
        "claimgraph, English only (same run)": {k: scores["claimgraph, English only"][k] for k in headline},
    }

    return EvalResult(
        task="boilerplate",
        file=str(path),
        n=len(records),
        metrics=metrics,
        anchors=ANCHORS,
        extra={"baselines": baselines, "baseline_prefixes": ["trafilatura"], "systems": scores,
               "pages_per_second": {k: len(records) / v if v else 0.0 for k, v in timings.items()},
               "trafilatura_version": trafilatura.__version__,
               "language_filter": settings.languages or "off"},
        seconds=total[0],
        notes=[
            "Data: scrapinghub/article-extraction-benchmark @ 4a3bc97 (MIT), 181 pages; "
            "metric: the benchmark's evaluate.py (4-token shingles, per-page normalised P/R, "
            "F1 of the means, exact-token accuracy, bootstrap std over 1,000 resamples, seed "
            f"{seed}).",
            f"claimgraph = the clean stage (clean_item, kind html) with the language filter "
            f"{'off' if not settings.languages else 'on (' + settings.languages + ')'}; a rejected page counts "
            "as an empty prediction. 'claimgraph, English only' also applies the default language filter "
            "(non-English pages become empty predictions), i.e. what an ingest with default settings keeps. trafilatura = trafilatura.extract(html, include_comments=False), as the benchmark's "
            "extractors/run_trafilatura.py calls it.",
        ],
    )
