"""evaluate/boilerplate.py: the article-extraction benchmark's metric, on cases computed by hand."""

from __future__ import annotations

import math
from pathlib import Path

import pytest

from claimgraph.evaluate.boilerplate import (
    benchmark_metrics,
    bootstrap_std,
    claimgraph_text,
    page_accuracy,
    score_pages,
    shingle_counts,
    shingles,
    tokenize,
)

DATA = Path(__file__).resolve().parents[1].parent / "shared" / "eval-data" / "boilerplate.jsonl.gz"


def test_eval_boilerplate_tokens_keep_case_and_split_on_non_word():
    assert tokenize("U.S. forces, 2024-01-04") == ["U", "S", "forces", "2024", "01", "04"]


def test_eval_boilerplate_short_text_is_one_shorter_shingle():
    assert shingles("a b c d e") == {("a", "b", "c", "d"): 1, ("b", "c", "d", "e"): 1}
    assert shingles("a b") == {("a", "b"): 1}
    assert shingles("") == {}
    # a 3-token prediction never matches a longer gold's 4-token shingles
    assert shingle_counts("the army said on Monday", "the army said") == (0.0, 1 / 3, 2 / 3)


def test_eval_boilerplate_counts_are_multisets_normalised_per_page():
    # gold shingles abcd, bcde, cdef; predicted abcd, bcde, cdex -> TP 2, FP 1, FN 1 of 4
    assert shingle_counts("a b c d e f", "a b c d e x") == (0.5, 0.25, 0.25)
    # a repeated shingle counts twice on each side
    assert shingle_counts("a b c d a b c d", "a b c d") == (0.2, 0.0, 0.8)


def test_eval_boilerplate_three_page_toy_computed_by_hand():
    golds = ["a b c d e f", "p q r s", "x y z w v"]
    preds = ["a b c d e x", "", "x y z w v"]
    # page 1: P = R = 2/3; page 2: no prediction -> out of the precision mean, recall 0;
    # page 3: exact -> 1, 1. P = (2/3 + 1) / 2 = 5/6, R = (2/3 + 0 + 1) / 3 = 5/9,
    # F1 of the means = 2 * 5/6 * 5/9 / (5/6 + 5/9) = 2/3; accuracy 1/3.
    metrics = score_pages(golds, preds)
    assert math.isclose(metrics["precision"], 5 / 6)
    assert math.isclose(metrics["recall"], 5 / 9)
    assert math.isclose(metrics["f1"], 2 / 3)
    assert math.isclose(metrics["accuracy"], 1 / 3)


def test_eval_boilerplate_page_without_gold_or_prediction_is_left_out():
    with_empty = benchmark_metrics([shingle_counts("a b c d e f", "a b c d e x"), shingle_counts("", "")])
    alone = benchmark_metrics([shingle_counts("a b c d e f", "a b c d e x")])
    assert with_empty == alone
    assert benchmark_metrics([]) == {"f1": 0.0, "precision": 0.0, "recall": 0.0}


def test_eval_boilerplate_accuracy_needs_identical_tokens():
    assert page_accuracy("The army said.", "The  army, said") == 1.0
    assert page_accuracy("The army said.", "the army said.") == 0.0


def test_eval_boilerplate_bootstrap_is_seeded_and_zero_without_spread():
    counts = [(1.0, 0.0, 0.0), (0.5, 0.25, 0.25), (0.0, 0.0, 1.0), (0.2, 0.6, 0.2)]
    accuracies = [1.0, 0.0, 0.0, 0.0]
    first, again = bootstrap_std(counts, accuracies, n=200, seed=3), bootstrap_std(counts, accuracies, n=200, seed=3)
    assert first == again and first["f1_std"] > 0
    assert bootstrap_std([(1.0, 0.0, 0.0)] * 4, [1.0] * 4, n=50)["f1_std"] == 0.0


def test_eval_boilerplate_rejected_page_is_an_empty_prediction():
    from claimgraph.settings import Settings

    assert claimgraph_text("<html><body><nav>Home</nav></body></html>", None, Settings(languages="")) == ""


@pytest.mark.slow  # an evaluation run
def test_eval_boilerplate_quick_run_on_the_benchmark():
    if not DATA.is_file():
        pytest.skip("../shared/eval-data is not present")
    from claimgraph.evaluate import run_eval

    [result] = run_eval("boilerplate", file=DATA, limit=5)
    payload = result.to_json()
    assert set(payload) == {"task", "file", "n", "metrics"}
    assert payload["task"] == "boilerplate" and payload["n"] == 5
    for name in ("f1", "precision", "recall", "accuracy", "trafilatura_f1", "trafilatura_precision",
                 "trafilatura_recall", "trafilatura_accuracy"):
        assert 0.0 <= payload["metrics"][name] <= 1.0
    # five real news pages: both extractors find most of the text
    assert payload["metrics"]["f1"] > 0.8 and payload["metrics"]["trafilatura_f1"] > 0.8
