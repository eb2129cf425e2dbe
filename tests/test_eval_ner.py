"""re3d entity evaluation: the span scorer on hand-made cases, the label table, the
noun-phrase mentions, and a quick real-data run (skipped without ../shared/eval-data)."""

from __future__ import annotations

from pathlib import Path

import pytest

from claimgraph.evaluate.ner import evaluate_ner, load_re3d_map, our_mentions, pipeline_mentions, span_scores
from claimgraph.evaluate.baselines.phrases import phrase_mentions

RE3D = Path(__file__).resolve().parents[2] / "shared" / "eval-data" / "re3d-dev.jsonl.gz"


def test_ner_span_scores_hand_made_case():
    gold = {("d1", 0, 5, "Person"), ("d1", 10, 15, "Location"), ("d2", 0, 3, "Weapon"), ("d2", 7, 9, "Quantity")}
    pred = {("d1", 0, 5, "Person"),          # right span, right type
            ("d1", 10, 15, "Organisation"),  # right span, wrong type
            ("d2", 0, 4, "Weapon")}          # wrong span
    scores = span_scores(pred, gold)
    assert scores["precision"] == pytest.approx(2 / 3)
    assert scores["recall"] == pytest.approx(2 / 4)
    assert scores["f1"] == pytest.approx(2 * (2 / 3) * (1 / 2) / (2 / 3 + 1 / 2))
    assert scores["typed_precision"] == pytest.approx(1 / 3)
    assert scores["typed_recall"] == pytest.approx(1 / 4)
    assert scores["typed_f1"] == pytest.approx(2 * (1 / 3) * (1 / 4) / (1 / 3 + 1 / 4))


def test_ner_span_scores_empty_prediction_is_zero():
    assert span_scores(set(), {("d", 0, 1, "Person")})["f1"] == 0.0


def test_ner_re3d_map_types_weapons_by_class_and_kind():
    table = load_re3d_map()
    assert table.type_of("WEAPON", weapon_class="fighter aircraft") == "MilitaryPlatform"
    assert table.type_of("WEAPON", weapon_class="SRBM") == "Weapon"
    assert table.type_of("WEAPON", kind="rocket") == "Weapon"
    assert table.type_of("WEAPON", kind="platform") == "MilitaryPlatform"
    assert table.type_of("GPE") == "Location"
    assert table.type_of("NORP") == "Nationality"
    assert table.type_of("ORDINAL") is None


def test_ner_phrase_mentions_types_noun_phrases(pipeline):
    doc = pipeline.nlp("Iraqi forces fired rockets at a mosque in the city of Mosul, he said.")
    found = {(s.text, s.label_) for s in phrase_mentions(doc)}
    assert ("Iraqi forces", "ORG") in found  # "force" is an institution noun; "troops" a GROUP
    assert ("rockets", "WEAPON") in found
    assert ("a mosque", "FAC") in found
    assert ("the city of Mosul", "LOC") in found
    assert ("he", "PERSON") in found


def test_ner_phrase_mentions_leave_numbers_out_and_widen_names(pipeline):
    doc = pipeline.nlp("Four ISIL tactical units attacked the United Nations, President Obama said.")
    texts = {s.text for s in phrase_mentions(doc)}
    assert "ISIL tactical units" in texts
    assert "the United Nations" in texts
    assert "President Obama" in texts


@pytest.mark.slow  # an evaluation run
def test_ner_re3d_quick_run_beats_bare_spacy():
    if not RE3D.is_file():
        pytest.skip("../shared/eval-data is not present")
    result = evaluate_ner(RE3D, limit=8)
    assert set(result) >= {"task", "file", "n", "metrics", "anchors", "extra"}
    assert result["task"] == "ner" and result["n"] == 8
    metrics = result["metrics"]
    for name in ("f1", "typed_f1", "precision", "recall", "spacy_f1", "spacy_typed_f1"):
        assert 0.0 <= metrics[name] <= 1.0
    assert metrics["typed_f1"] <= metrics["f1"]
    assert metrics["phrases_f1"] > metrics["spacy_f1"]  # the noun-phrase finder (a comparison row)
    assert "Organisation" in result["extra"]["per_type"]["ours"]


def test_ner_headline_scores_the_mentions_an_ingest_uses(pipeline):
    doc = pipeline.nlp("Iraqi forces fired 12 rockets at a mosque in Mosul on Tuesday, he said.")
    text = lambda found: {(doc.text[a:b], kind) for a, b, kind in found}  # noqa: E731
    ours = text(pipeline_mentions(doc, pipeline.resolver))
    assert ("Mosul", "Location") in ours
    assert ("Tuesday", "Temporal") in ours
    assert ("12", "Quantity") in ours
    # noun phrases only the side module finds are not the product's
    assert ("a mosque", "Location") in text(our_mentions(doc, pipeline.resolver))
    assert ("a mosque", "Location") not in ours
