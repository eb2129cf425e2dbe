"""AttributeTable and LemmaTable give every token what spaCy's AttributeRuler and lemmatizer give it."""

import random

import numpy
import pytest
import spacy
from spacy.attrs import DEP, LEMMA, MORPH, POS, TAG

from claimgraph.analyze.attributes import (TABLE_NAME, AttributeTable, LemmaTable, replace_attribute_ruler,
                                           replace_lemmatizer)

WORDS = ["ai", "n't", "nt", "gon", "na", "let", "'s", "y'", "all", "i", "it", "is", "was", "but", "that",
         "nothin'", "dog", "There", "Ran", "to"]
TAGS = ["NN", "VBZ", "VBP", "VBD", "PRP", "CC", "DT", "WDT", "IN", "TO", "EX", "_SP", ""]
DEPS = ["nsubj", "dobj", "aux", "det", "quantmod", "expl", "mark", "advmod", "ROOT", ""]
# the shapes of the rules an English model's ruler holds: a tag map, words with a tag,
# sets and their complements, regexes, two-token patterns writing their second token,
# space tokens, and later rules overriding earlier ones
PATTERNS = [
    {"patterns": [[{"TAG": "NN"}]], "attrs": {"POS": "NOUN", "MORPH": "Number=Sing"}},
    {"patterns": [[{"TAG": "VBZ"}]], "attrs": {"POS": "VERB", "MORPH": "Number=Sing|Person=3"}},
    {"patterns": [[{"TAG": {"IN": ["VBP", "VBD"]}}]], "attrs": {"POS": "VERB", "MORPH": "_"}},
    {"patterns": [[{"TAG": "PRP"}]], "attrs": {"POS": "PRON", "MORPH": "PronType=Prs"}},
    {"patterns": [[{"TAG": "DT"}], [{"TAG": "WDT"}]], "attrs": {"POS": "DET"}},
    {"patterns": [[{"LOWER": "i", "DEP": "nsubj"}]], "attrs": {"MORPH": "Case=Nom|Person=1"}},
    {"patterns": [[{"LOWER": "it", "DEP": {"IN": ["dobj", "nsubj"]}}]], "attrs": {"MORPH": "Case=Acc"}},
    {"patterns": [[{"TAG": {"NOT_IN": ["TO", ""]}, "DEP": {"IN": ["aux"]}}]], "attrs": {"POS": "AUX"}},
    {"patterns": [[{"DEP": {"NOT_IN": ["det", "quantmod", ""]}, "TAG": {"IN": ["DT", "WDT"]}}]],
     "attrs": {"POS": "PRON"}},
    {"patterns": [[{"LOWER": {"REGEX": "^n[ou]thin'$"}}]], "attrs": {"LEMMA": "nothing"}},
    {"patterns": [[{"TAG": {"IN": ["VBP", "VBZ"]}, "LOWER": "ai"}, {"LOWER": {"REGEX": "^n'?t$"}}]],
     "attrs": {"LEMMA": "be"}},
    {"patterns": [[{"LOWER": "gon"}, {"LOWER": "na"}]], "attrs": {"LEMMA": "to"}, "index": 1},
    {"patterns": [[{"LOWER": "let"}, {"LOWER": "'s"}]], "attrs": {"LEMMA": "us", "POS": "PRON"}, "index": -1},
    {"patterns": [[{"DEP": "expl"}, {"LOWER": {"IN": ["is", "was", "'s"]}}]], "attrs": {"POS": "VERB"}, "index": 1},
    {"patterns": [[{"TAG": "_SP", "IS_SPACE": False}]], "attrs": {"POS": "X", "MORPH": "_"}},
    {"patterns": [[{"IS_SPACE": True, "DEP": {"NOT_IN": [""]}}]], "attrs": {"DEP": "dep"}},
    {"patterns": [[{"IS_SPACE": True}]], "attrs": {"TAG": "_SP", "POS": "SPACE", "MORPH": "_"}},
    {"patterns": [[{"TAG": "CC", "LOWER": "but", "DEP": "advmod"}]], "attrs": {"POS": "ADV"}},
    {"patterns": [[{"LOWER": "is"}]], "attrs": {"LEMMA": "be", "POS": "AUX"}},
]
FIELDS = [TAG, POS, MORPH, LEMMA, DEP]


@pytest.fixture(scope="module")
def nlp():
    nlp = spacy.blank("en")
    nlp.add_pipe("attribute_ruler").add_patterns(PATTERNS)
    return nlp


def annotated(nlp, rng, length):
    words = [rng.choice(WORDS + ["  ", "\n"]) if rng.random() < 0.9 else rng.choice(WORDS) for _ in range(length)]
    doc = nlp.make_doc(" ".join(words))
    for token in doc:
        token.tag_ = rng.choice(TAGS)
        token.dep_ = rng.choice(DEPS)
    return doc


def fields(doc):
    return doc.to_array(FIELDS), [str(t.morph) for t in doc], [doc.has_annotation(a) for a in ("TAG", "POS", "MORPH",
                                                                                              "LEMMA", "DEP")]


def test_attribute_table_writes_what_the_ruler_writes(nlp):
    ruler = nlp.get_pipe("attribute_ruler")
    table = AttributeTable(ruler)
    rng = random.Random(11)
    changed = 0
    for _ in range(300):
        doc = annotated(nlp, rng, rng.randint(1, 25))
        by_ruler, by_table = ruler(doc.copy()), table(doc.copy())
        expected, got = fields(by_ruler), fields(by_table)
        assert numpy.array_equal(expected[0], got[0]) and expected[1:] == got[1:], doc.text
        changed += int((expected[0] != doc.to_array(FIELDS)).sum())
    assert changed > 1000  # the random documents do exercise the rules


def test_attribute_table_later_rule_wins_and_second_token_is_written(nlp):
    table = AttributeTable(nlp.get_pipe("attribute_ruler"))
    doc = nlp.make_doc("gon na is")
    for token, tag in zip(doc, ["VBP", "NN", "VBZ"]):
        token.tag_ = tag
    table(doc)
    # "is" is VBZ (VERB by the tag map) but the later word rule makes it an AUX with lemma "be"
    assert [t.pos_ for t in doc] == ["VERB", "NOUN", "AUX"]
    assert [t.lemma_ for t in doc] == ["", "to", "be"]


def test_replace_attribute_ruler_keeps_a_ruler_it_cannot_read():
    nlp = spacy.blank("en")
    nlp.add_pipe("attribute_ruler").add_patterns([{"patterns": [[{"LOWER": "a", "OP": "+"}]], "attrs": {"POS": "DET"}}])
    assert not replace_attribute_ruler(nlp)
    assert nlp.pipe_names == ["attribute_ruler"]


def test_replace_attribute_ruler_takes_its_place(nlp):
    copy = spacy.blank("en")
    copy.add_pipe("sentencizer")
    copy.add_pipe("attribute_ruler").add_patterns(PATTERNS)
    assert replace_attribute_ruler(copy)
    assert copy.pipe_names == ["sentencizer", TABLE_NAME]


def lookup_nlp():
    from spacy.lookups import Lookups

    nlp = spacy.blank("en")
    lemmatizer = nlp.add_pipe("lemmatizer", config={"mode": "lookup"})
    lookups = Lookups()
    lookups.add_table("lemma_lookup", {"went": "go", "mice": "mouse", "struck": "strike", "Ran": "run"})
    lemmatizer.initialize(lookups=lookups)
    return nlp


def test_lemma_table_gives_the_lemmatizers_lemmas():
    nlp = lookup_nlp()
    lemmatizer = nlp.get_pipe("lemmatizer")
    table = LemmaTable(lemmatizer)
    rng = random.Random(5)
    for _ in range(200):
        doc = nlp.make_doc(" ".join(rng.choice(["went", "mice", "struck", "Ran", "dog", "It"]) for _ in range(12)))
        for token in doc:
            token.pos_ = rng.choice(["VERB", "NOUN", "PROPN"])
            if rng.random() < 0.2:
                token.lemma_ = "preset"  # a lemma the attribute rules set: kept, not overwritten
        expected, got = lemmatizer(doc.copy()), table(doc.copy())
        assert [t.lemma_ for t in got] == [t.lemma_ for t in expected], doc.text
    assert [t.lemma_ for t in table(nlp.make_doc("mice went"))] == ["mouse", "go"]


def test_replace_lemmatizer_keeps_its_name_and_lookups():
    nlp = lookup_nlp()
    lookups = nlp.get_pipe("lemmatizer").lookups
    assert replace_lemmatizer(nlp)
    assert nlp.pipe_names == ["lemmatizer"]
    assert isinstance(nlp.get_pipe("lemmatizer"), LemmaTable) and nlp.get_pipe("lemmatizer").lookups is lookups
    assert [t.lemma_ for t in nlp("mice struck")] == ["mouse", "strike"]
