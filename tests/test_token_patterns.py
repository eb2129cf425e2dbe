"""TokenPatterns answers exactly what spaCy's Matcher answers for the trigger patterns."""

import random

import pytest
import spacy

from claimgraph.extract.token_patterns import TokenPatterns

WORDS = ["strike", "strikes", "air", "drone", "attack", "hit", "said", "the", "range", "Strike"]
TAGS = ["NOUN", "VERB", "PROPN", "AUX", "ADJ", "DET"]
PATTERNS = [
    ("TRIGGER_VERB", [[{"LEMMA": {"IN": ["hit", "strike"]}, "POS": {"IN": ["VERB", "AUX"]}}],
                      [{"LOWER": {"IN": ["hit", "strike"]}, "POS": {"IN": ["VERB", "AUX"]}}]]),
    ("TRIGGER_NOUN", [[{"LEMMA": {"IN": ["attack", "strike"]}, "POS": {"IN": ["NOUN", "PROPN"]}}],
                      [{"LOWER": {"IN": ["attack", "strike"]}, "POS": {"IN": ["NOUN", "PROPN"]}}]]),
    ("TRIGGER_NOUN", [[{"LOWER": "air"}, {"LEMMA": "strike"}], [{"LOWER": "drone"}, {"LOWER": "air"}, {"LEMMA": "strike"}]]),
    ("ATTRIBUTE", [[{"LEMMA": {"IN": ["range"]}, "POS": "NOUN"}]]),
    ("ATTRIBUTE", [[{"LEMMA": {"IN": ["strike", "hit"]}, "POS": "VERB"}]]),
]


@pytest.fixture(scope="module")
def nlp():
    return spacy.blank("en")


def both(nlp):
    patterns = TokenPatterns(nlp.vocab)
    for key, pattern in PATTERNS:
        patterns.add(key, pattern)
    return patterns, patterns.matcher


def annotated(nlp, rng, length):
    doc = nlp(" ".join(rng.choice(WORDS) for _ in range(length)))
    for token in doc:
        token.lemma_ = rng.choice([token.lower_, token.lower_.rstrip("s"), "strike"])
        token.pos_ = rng.choice(TAGS)
    return doc


def test_same_matches_in_the_same_order_as_the_matcher(nlp):
    patterns, matcher = both(nlp)
    rng = random.Random(7)
    matched = 0
    for _ in range(400):
        doc = annotated(nlp, rng, rng.randint(1, 30))
        expected = matcher(doc)
        assert patterns(doc) == expected, doc.text
        matched += len(expected)
    assert matched > 1000  # the random documents do exercise the patterns


def test_a_sequence_completing_on_a_token_comes_before_that_token_alone(nlp):
    patterns, matcher = both(nlp)
    doc = nlp("drone air strike")
    for token, lemma, pos in zip(doc, ["drone", "air", "strike"], ["NOUN", "NOUN", "NOUN"]):
        token.lemma_, token.pos_ = lemma, pos
    key = nlp.vocab.strings["TRIGGER_NOUN"]
    assert patterns(doc) == matcher(doc) == [(key, 0, 3), (key, 1, 3), (key, 2, 3)]


def test_a_doc_without_tags_gets_the_matchers_own_error(nlp):
    patterns, _ = both(nlp)
    with pytest.raises(ValueError):
        patterns(nlp("the drone hit"))
