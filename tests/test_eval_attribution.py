"""evaluate/attribution.py: the PolNeAR scorer on hand-made cases, the document pass on
invented sentences, and a short run on the dev file when ../shared is present."""

from __future__ import annotations

import gzip
import json
import math
from pathlib import Path

import pytest

from claimgraph.evaluate.attribution import score_attributions, token_offsets

DATA = Path(__file__).resolve().parents[1].parent / "shared" / "eval-data" / "attribution-polnear-dev.jsonl.gz"


def att(text: str, source: str | None, cue: str, content: str) -> dict:
    """An attribution over the first occurrence of each piece in ``text``."""
    def span(piece):
        start = text.index(piece)
        return [[start, start + len(piece)]]
    return {"source": span(source) if source else [], "cue": span(cue) if cue else [], "content": span(content)}


TEXT = "The mayor said the bridge will close. It is unsafe, engineers warned."


def test_token_offsets_split_words_and_punctuation():
    starts, ends = token_offsets("Mr. O'Neil said: no.")
    assert [("Mr. O'Neil said: no."[s:e]) for s, e in zip(starts, ends)] == \
        ["Mr", ".", "O", "'", "Neil", "said", ":", "no", "."]


def test_score_perfect_prediction_scores_one_everywhere():
    gold = [att(TEXT, "The mayor", "said", "the bridge will close"),
            att(TEXT, "engineers", "warned", "It is unsafe")]
    score = score_attributions([(TEXT, gold, gold)])
    for name in ("source_f1", "cue_f1", "content_f1", "attribution_precision", "attribution_recall",
                 "attribution_f1", "attribution_source_f1"):
        assert score[name] == 1.0, name


def test_score_wrong_source_counts_for_the_attribution_but_not_with_its_source():
    gold = [att(TEXT, "The mayor", "said", "the bridge will close")]
    pred = [att(TEXT, "engineers", "said", "the bridge will close")]
    score = score_attributions([(TEXT, gold, pred)])
    assert score["attribution_f1"] == 1.0
    assert score["attribution_source_f1"] == 0.0
    assert score["source_f1"] == 0.0 and score["cue_f1"] == 1.0


def test_score_content_needs_half_its_tokens_and_the_cue_must_overlap():
    gold = [att(TEXT, "The mayor", "said", "the bridge will close")]  # 4 content tokens
    short = [att(TEXT, "The mayor", "said", "bridge")]  # content F1 2*1/5 = 0.4 < 0.5
    enough = [att(TEXT, "The mayor", "said", "the bridge")]  # content F1 2*2/6 = 0.67
    other_cue = [att(TEXT, "The mayor", "warned", "the bridge will close")]
    assert score_attributions([(TEXT, gold, short)])["attribution_f1"] == 0.0
    assert score_attributions([(TEXT, gold, enough)])["attribution_f1"] == 1.0
    assert score_attributions([(TEXT, gold, other_cue)])["attribution_f1"] == 0.0


def test_score_article_as_source_and_no_cue_match_only_when_both_are_empty():
    gold = [att(TEXT, None, "", "It is unsafe")]
    both_empty = [att(TEXT, None, "", "It is unsafe")]
    ours_named = [att(TEXT, "engineers", "warned", "It is unsafe")]
    assert score_attributions([(TEXT, gold, both_empty)])["attribution_source_f1"] == 1.0
    assert score_attributions([(TEXT, gold, ours_named)])["attribution_f1"] == 0.0


def test_score_pairs_one_to_one_by_largest_content_overlap():
    # two predictions over one gold: the better overlap takes it, the other is spurious
    gold = [att(TEXT, "The mayor", "said", "the bridge will close")]
    pred = [att(TEXT, "The mayor", "said", "the bridge"), att(TEXT, "The mayor", "said", "the bridge will close")]
    score = score_attributions([(TEXT, gold, pred)])
    assert score["attribution_recall"] == 1.0 and score["attribution_precision"] == 0.5
    assert math.isclose(score["attribution_f1"], 2 / 3)


def test_score_discontinuous_spans_and_micro_pooling_over_articles():
    quote = "“We will rebuild,” she said, “and soon.”"
    first, second = quote.index("We will rebuild"), quote.index("and soon")
    gold = [{"source": [[quote.index("she"), quote.index("she") + 3]], "cue": [[quote.index("said"), quote.index("said") + 4]],
             "content": [[first, first + 15], [second, second + 8]]}]
    pred = [dict(gold[0], content=[[first, first + 15]])]  # half the quote: F1 2*3/8 >= 0.5
    missing: list[dict] = []
    score = score_attributions([(quote, gold, pred), (TEXT, [att(TEXT, "engineers", "warned", "It is unsafe")], missing)])
    assert score["attribution_precision"] == 1.0 and score["attribution_recall"] == 0.5
    assert score["n_gold"] == 2 and score["n_predicted"] == 1
    assert 0 < score["content_f1"] < 1


def test_score_no_predictions_and_no_gold_give_zero_not_an_error():
    score = score_attributions([(TEXT, [], [])])
    assert score["attribution_f1"] == 0.0 and score["source_f1"] == 0.0


# --- the document pass (extract/attribution.py), on invented sentences -----------------


@pytest.fixture(scope="module")
def attributions(pipeline):
    from claimgraph.extract.attribution import find_attributions
    from claimgraph.extract.lexicon import load_lexicon

    def run(text: str) -> list[dict[str, list[str]]]:
        doc = pipeline.nlp(text)
        return [{role: [text[s:e] for s, e in spans] for role, spans in a.char_spans().items()}
                for a in find_attributions(doc, load_lexicon())]

    return run


def test_pass_reporting_verb_gives_subject_cue_and_clause(attributions):
    found = attributions("The ministry said that the bridge was destroyed on Monday.")
    assert found == [{"source": ["The ministry"], "cue": ["said"], "content": ["that the bridge was destroyed on Monday"]}]


def test_pass_quote_across_sentences_and_statement_cue(attributions):
    text = "“Russia fired two missiles at Odesa. The strike destroyed a warehouse,” the navy said in a statement."
    (found,) = attributions(text)
    assert found["source"] == ["the navy"] and found["cue"] == ["said in a statement"]
    assert found["content"] == ["Russia fired two missiles at Odesa. The strike destroyed a warehouse"]


def test_pass_according_to_and_passive_report_without_source(attributions):
    (according,) = attributions("The strike killed four people, according to the regional governor.")
    assert according == {"source": ["the regional governor"], "cue": ["according to"],
                         "content": ["The strike killed four people"]}
    (passive,) = attributions("It was reported that the convoy was hit near Kherson.")
    assert passive["source"] == [] and passive["cue"] == ["was reported"]


def test_pass_no_new_attribution_inside_a_quote(attributions):
    found = attributions("The minister said, “I think the talks will fail.”")
    assert [f["cue"] for f in found] == [["said"]]
    assert found[0]["content"] == ["I think the talks will fail"]


def test_pass_participle_borrows_the_speaker(attributions):
    found = attributions("The navy told Reuters that drones hit a grain terminal, adding that nobody was hurt.")
    assert [(f["source"], f["cue"]) for f in found] == [(["The navy"], ["told"]), (["The navy"], ["adding"])]


def test_pass_headline_speaker_label(attributions):
    found = attributions("McCain: Populist Anger Appeals to Bad Angels.\n\nThe senator spoke on Monday.")
    assert {"source": ["McCain"], "cue": [":"], "content": ["Populist Anger Appeals to Bad Angels"]} in found


def test_claim_in_a_quote_takes_the_speaker_named_after_it(pipeline):
    from claimgraph.model import Document

    text = "“Russia fired two missiles at Odesa on Monday. The strike destroyed a warehouse,” the Ukrainian navy said."
    claims, entities = pipeline.extractor.extract(pipeline.nlp(text), Document(id="d1", text=text, published="2024-03-14"))
    attack = next(c for c in claims if c.type == "ATTACK")
    assert attack.source is not None and entities[attack.source].name.lower().endswith("navy")


def test_transcript_label_inside_an_opening_quote_speaks_the_line(attributions):
    text = ('Part of the interview follows:\n\n"HOST: Will the mayor come to the debate tonight?\n\n'
            '"KELLER: Well, look, the mayor said she would stay home.\n\n')
    found = attributions(text)
    assert {"source": ["HOST"], "cue": [":"], "content": ["Will the mayor come to the debate tonight"]} in found
    assert {"source": ["KELLER"], "cue": [":"], "content": ["Well, look, the mayor said she would stay home"]} in found
    assert not any(f["cue"] == ["said"] for f in found)  # the mayor's saying is inside Keller's line


def test_quote_signed_with_a_dash_and_a_name(attributions):
    text = ("Voters told us what they think.\n\n“He never listens to us. The plant closed.”― Ana Ruiz\n"
            "“I cannot believe it.” ― Mark T. Olsen.\n")
    found = attributions(text)
    assert {"source": ["Ana Ruiz"], "cue": ["”―"], "content": ["He never listens to us. The plant closed"]} in found
    assert {"source": ["Mark T. Olsen"], "cue": ["―"], "content": ["I cannot believe it"]} in found


def test_a_dash_before_a_phrase_that_is_not_a_name_signs_nothing(attributions):
    found = attributions("“We will rebuild.” — and then the rain started.\n")
    assert not any(f["cue"] in (["—"], ["”—"]) for f in found)


def test_a_note_label_names_no_speaker(attributions):
    found = attributions("The vote is on Friday.\n\nCorrection: An earlier version misstated the date of the vote.\n\n"
                         "Editor's note: The mayor is a donor to this newspaper.\n")
    assert not any(f["cue"] == [":"] for f in found)


def test_that_clause_the_parser_hung_elsewhere_is_still_what_is_said(attributions):
    found = attributions("The senator tweeted late on Sunday night that Lopez was “a fraud” and “a liar” "
                         "and urged voters to “look closely” at her record.")
    said = next(f for f in found if f["cue"] == ["tweeted"])
    assert said["content"][0].startswith("that Lopez was")


@pytest.mark.parametrize("text, cue", [
    ("The mayor spoke about the closure of the steel plant.", "spoke"),
    ("Protesters chanted that the election had been stolen.", "chanted"),
    ("Many voters feel that the economy is getting worse.", "feel"),
    ("The union bemoaned the loss of two thousand jobs.", "bemoaned"),
])
def test_more_verbs_of_saying_feeling_and_stance(attributions, text, cue):
    assert any(f["cue"] == [cue] for f in attributions(text))


def test_a_noun_that_carries_a_that_clause_is_a_cue_with_its_owner_as_source(attributions):
    found = attributions("The mayor's claim that the bridge had been shelled twice was repeated on Monday.")
    assert {"source": ["The mayor's"], "cue": ["claim"], "content": ["that the bridge had been shelled twice"]} in found


@pytest.mark.skipif(not DATA.exists(), reason="../shared/eval-data is not present")
def test_eval_attribution_runs_on_a_few_dev_articles(tmp_path):
    from claimgraph.evaluate import run_eval

    with gzip.open(DATA, "rt", encoding="utf-8") as handle:
        first = [next(handle) for _ in range(2)]
    small = tmp_path / "two.jsonl"
    small.write_text("".join(first) + json.dumps({"id": "bad", "text": None}) + "\n", encoding="utf-8")
    result = run_eval("attribution", file=small)[0]
    assert result.task == "attribution" and result.n == 2
    assert {"source_f1", "cue_f1", "content_f1", "attribution_precision", "attribution_recall",
            "attribution_f1", "attribution_source_f1"} <= set(result.metrics)
    assert result.metrics["attribution_f1"] > 0.3


def test_pass_what_one_strives_to_understand_is_not_said(attributions):
    """"are trying to comprehend a turn of events: the clerk is dead": the family says nothing
    (the death had been put in their mouths as a statement of theirs)."""
    assert attributions("The family are trying to comprehend a shocking turn of events: "
                        "the clerk is dead after being stabbed on Friday.") == []
    (found,) = attributions("The family understands that the clerk was stabbed on Friday.")
    assert found["source"] == ["The family"]
