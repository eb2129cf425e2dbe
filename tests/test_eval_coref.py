"""ECB+ event coreference: the mention clustering on hand-made mentions and a quick
real-data run (skipped without ../shared/eval-data)."""

from __future__ import annotations

from collections import Counter
from pathlib import Path

import pytest
import spacy

from claimgraph.evaluate.coref import evaluate_coref, lemma_baseline
from claimgraph.evaluate.baselines.event_mentions import EventMention, cluster_mentions, document_clusters, head_lemma, tfidf

ECB = Path(__file__).resolve().parents[2] / "shared" / "eval-data" / "ecbplus-dev.jsonl.gz"


def mention(mid: str, doc: str, lemma: str, kind: str | None = None, args=(), years=()) -> EventMention:
    return EventMention(mid, doc, lemma, kind, frozenset(args), frozenset(years))


def test_coref_lemma_baseline_groups_by_topic_and_lemma():
    rows = [("m1", "1", "shoot"), ("m2", "1", "shoot"), ("m3", "2", "shoot"), ("m4", "1", "kill")]
    assert lemma_baseline(rows) == [["m4"], ["m1", "m2"], ["m3"]]


def test_coref_head_lemma_folds_gerunds_participles_and_plural_names():
    doc = spacy.blank("en")("the shooting was charged at the Oscars")
    doc[1].pos_, doc[1].lemma_ = "NOUN", "shooting"
    doc[3].pos_, doc[3].lemma_ = "ADJ", "charged"
    doc[6].pos_, doc[6].lemma_ = "PROPN", "Oscars"
    verbs = {"shoot", "charge"}
    assert [head_lemma(doc[i], verbs) for i in (1, 3, 6)] == ["shoot", "charge", "oscar"]
    assert head_lemma(doc[1]) == "shooting"  # no verb list, no folding


def test_coref_document_clusters_split_stories_by_shared_features():
    features = {
        "a": Counter({"E:jackman": 2, "L:host": 1, "Y:2009": 1}),
        "b": Counter({"E:jackman": 1, "L:host": 2, "Y:2009": 1}),
        "c": Counter({"E:degeneres": 2, "L:host": 1, "Y:2007": 1}),
        "d": Counter({"E:degeneres": 1, "L:announce": 1, "Y:2007": 1}),
    }
    assert document_clusters(tfidf(features), threshold=0.2) == [["a", "b"], ["c", "d"]]


def test_coref_cluster_mentions_same_lemma_within_document_cluster_only():
    ms = [mention("a1", "A", "host"), mention("b1", "B", "host"), mention("c1", "C", "host")]
    assert cluster_mentions(ms, {"A": 0, "B": 0, "C": 1}) == [["a1", "b1"], ["c1"]]


def test_coref_cluster_mentions_merges_one_type_on_shared_participant():
    ms = [mention("a1", "A", "kill", "CASUALTY", {"gunman", "school"}),
          mention("b1", "B", "die", "CASUALTY", {"school"}),
          mention("b2", "B", "death", "CASUALTY", {"hospital"}),
          mention("b3", "B", "shoot", "ATTACK", {"school"})]
    clusters = cluster_mentions(ms, {"A": 0, "B": 0})
    assert ["a1", "b1"] in clusters            # one type, "school" shared
    assert ["b2"] in clusters and ["b3"] in clusters  # nothing shared / another type
    assert cluster_mentions(ms, {"A": 0, "B": 0}, type_min_shared=None) == [["a1"], ["b1"], ["b2"], ["b3"]]


def test_coref_cluster_mentions_years_veto_type_merge():
    ms = [mention("a1", "A", "kill", "CASUALTY", {"school"}, {"2008"}),
          mention("b1", "B", "die", "CASUALTY", {"school"}, {"2012"})]
    assert cluster_mentions(ms, {"A": 0, "B": 0}) == [["a1"], ["b1"]]


@pytest.mark.slow  # an evaluation run
@pytest.mark.slow
def test_coref_ecbplus_quick_run_shape_and_ranges():
    if not ECB.is_file():
        pytest.skip("../shared/eval-data is not present")
    result = evaluate_coref(ECB, limit=6)
    assert set(result) >= {"task", "file", "n", "metrics", "anchors", "extra"}
    assert result["task"] == "coref" and result["n"] == 6
    metrics = result["metrics"]
    for name in ("mentions_muc_f1", "mentions_conll_f1", "lemma_conll_f1", "b3_f1", "ceafe_f1"):
        assert 0.0 < metrics[name] <= 1.0
    assert 0.0 <= metrics["muc_f1"] <= 1.0  # the product may link none of a topic's few mentions
    assert metrics["conll_f1"] == pytest.approx((metrics["muc_f1"] + metrics["b3_f1"] + metrics["ceafe_f1"]) / 3)
    # the headline is the ingest's own event linking: only mentions it extracted a claim for can join
    assert 0 < result["extra"]["mentions_with_a_claim"] < result["extra"]["mentions"]
    assert result["extra"]["mentions"] > 0 and result["extra"]["topics"] == ["2"]
