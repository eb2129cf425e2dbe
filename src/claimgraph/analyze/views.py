"""Views of a parsed Doc that spaCy rebuilds on every access, built once and kept on the Doc.

``doc.ents`` walks every token and makes new Span objects each time, ``span.ents`` does
that for the whole document too, and ``doc.text`` joins every token again. Asked per
sentence and per mention, they were a fifth of the extractor's time (quadratic in the
length of an article). The pipeline's components set the entities inside ``nlp.pipe``,
before anything reads them, and nothing changes them afterwards, so the first answer
holds for the Doc's life. Kept in ``doc.user_data`` like the document's attributions.
"""

from __future__ import annotations

from bisect import bisect_left

import numpy
from spacy.attrs import LEMMA, LOWER, ORTH, POS
from spacy.symbols import PROPN
from spacy.tokens import Doc, Span, Token

__all__ = ["doc_ents", "doc_text", "lower_lemmas", "lower_words", "proper_nouns", "span_ents", "token_texts"]

ENTS_KEY = "claimgraph.ents"
TEXT_KEY = "claimgraph.text"
WORDS_KEY = "claimgraph.lower_words"
LEMMAS_KEY = "claimgraph.lower_lemmas"
TEXTS_KEY = "claimgraph.texts"


def _kept_ents(doc: Doc) -> tuple[tuple[Span, ...], list[int]]:
    kept = doc.user_data.get(ENTS_KEY)
    if kept is None:
        ents = tuple(doc.ents)
        kept = doc.user_data[ENTS_KEY] = (ents, [ent.start for ent in ents])
    return kept


def doc_ents(doc: Doc) -> tuple[Span, ...]:
    """``doc.ents``, built once per Doc.

    >>> import spacy
    >>> nlp = spacy.blank("en"); doc = nlp("Kyiv and Odesa")
    >>> doc.ents = [Span(doc, 0, 1, "GPE"), Span(doc, 2, 3, "GPE")]
    >>> [e.text for e in doc_ents(doc)]
    ['Kyiv', 'Odesa']
    """
    return _kept_ents(doc)[0]


def span_ents(span: Span) -> list[Span]:
    """``span.ents``: the entities wholly inside ``span``, from the Doc's kept ones.

    Same walk as spaCy's: from the first entity starting inside the span, up to the first
    that runs past its end.

    >>> import spacy
    >>> nlp = spacy.blank("en"); doc = nlp("Kyiv and Odesa")
    >>> doc.ents = [Span(doc, 0, 1, "GPE"), Span(doc, 2, 3, "GPE")]
    >>> [e.text for e in span_ents(doc[1:3])], [e.text for e in span_ents(doc[0:2])]
    (['Odesa'], ['Kyiv'])
    """
    ents, starts = _kept_ents(span.doc)
    inside: list[Span] = []
    for ent in ents[bisect_left(starts, span.start):]:
        if ent.end > span.end:
            break
        inside.append(ent)
    return inside


def doc_text(doc: Doc) -> str:
    """``doc.text``, joined once per Doc."""
    text = doc.user_data.get(TEXT_KEY)
    if text is None:
        text = doc.user_data[TEXT_KEY] = doc.text
    return text


def proper_nouns(doc: Doc) -> list[Token]:
    """The PROPN tokens of ``doc`` in order, found in one array read (a rule that only
    ever fires on a proper noun need not make a Token of every word).

    >>> import spacy
    >>> nlp = spacy.blank("en"); doc = nlp("Troops entered Kherson")
    >>> doc[2].pos_ = "PROPN"
    >>> [t.text for t in proper_nouns(doc)]
    ['Kherson']
    """
    return [doc[int(i)] for i in numpy.flatnonzero(doc.to_array(POS) == PROPN)]


def _column_strings(doc: Doc, attr: int, key: str, lower: bool) -> list[str]:
    kept = doc.user_data.get(key)
    if kept is None:
        strings = doc.vocab.strings
        by_hash: dict[int, str] = {}
        kept = doc.user_data[key] = [
            by_hash[h] if h in by_hash else by_hash.setdefault(h, strings[h].lower() if lower else strings[h])
            for h in doc.to_array(attr).tolist()]
    return kept


def lower_words(doc: Doc) -> list[str]:
    """``token.lower_`` of every token, read once per Doc: a rule that looks for a word in a
    sentence need not make a Token of every word it passes.

    >>> import spacy
    >>> lower_words(spacy.blank("en")("According to Kyiv"))
    ['according', 'to', 'kyiv']
    """
    return _column_strings(doc, LOWER, WORDS_KEY, lower=False)


def lower_lemmas(doc: Doc) -> list[str]:
    """``token.lemma_.lower()`` of every token, read once per Doc.

    >>> import spacy
    >>> doc = spacy.blank("en")("Officials Said")
    >>> doc[1].lemma_ = "Say"
    >>> lower_lemmas(doc)
    ['', 'say']
    """
    return _column_strings(doc, LEMMA, LEMMAS_KEY, lower=True)


def token_texts(doc: Doc) -> list[str]:
    """``token.text`` of every token, read once per Doc.

    >>> import spacy
    >>> token_texts(spacy.blank("en")('He said "no"'))
    ['He', 'said', '"', 'no', '"']
    """
    return _column_strings(doc, ORTH, TEXTS_KEY, lower=False)
