"""The trigger patterns' matches, read from the Doc's columns with numpy.

spaCy's Matcher evaluates a ``{"IN": [...]}`` attribute in Python, once per token and
pattern: the trigger patterns (a few hundred lemmas under each part of speech) cost it
a fiftieth of the whole spaCy pass. These patterns are simple (one token with a word
and a part of speech, or a fixed sequence of words), so one array read of the lemma,
lower-case and part-of-speech columns finds them. The result is the Matcher's, in its
order: matches by the step (token) at which they complete, sequences begun earlier
before the one-token patterns of that token, patterns in the order they were added,
each (key, start, end) once (``tests/test_token_patterns.py`` compares the two).
"""

from __future__ import annotations

import numpy
from spacy.attrs import LEMMA, LOWER, POS
from spacy.matcher import Matcher
from spacy.tokens import Doc

__all__ = ["TokenPatterns", "in_sorted"]

COLUMNS = {"LEMMA": 0, "LOWER": 1, "POS": 2}


def in_sorted(sorted_values: numpy.ndarray, values: numpy.ndarray) -> numpy.ndarray:
    """``numpy.isin(values, sorted_values)`` by binary search (isin sorts both sides each call).

    >>> in_sorted(numpy.array([2, 5, 9]), numpy.array([5, 1, 9, 10])).tolist()
    [True, False, True, False]
    """
    if not len(sorted_values):
        return numpy.zeros(len(values), dtype=bool)
    at = numpy.minimum(numpy.searchsorted(sorted_values, values), len(sorted_values) - 1)
    return sorted_values[at] == values


class TokenPatterns:
    """One-token patterns ``[{"LEMMA"|"LOWER": {"IN": words}, "POS": {"IN": tags}}]`` (the part of
    speech optional) and word
    sequences ``[{"LOWER": w1}, ..., {"LEMMA": wn}]``; called on a Doc like a Matcher.

    >>> import spacy
    >>> nlp = spacy.blank("en"); doc = nlp("the air strike hit")
    >>> for t, lemma, pos in zip(doc, ["the", "air", "strike", "hit"], ["DET", "NOUN", "NOUN", "VERB"]):
    ...     t.lemma_, t.pos_ = lemma, pos
    >>> patterns = TokenPatterns(nlp.vocab)
    >>> patterns.add("NOUN", [[{"LEMMA": {"IN": ["strike"]}, "POS": {"IN": ["NOUN"]}}],
    ...                       [{"LOWER": "air"}, {"LEMMA": "strike"}]])
    >>> [(nlp.vocab.strings[k], s, e) for k, s, e in patterns(doc)]
    [('NOUN', 1, 3), ('NOUN', 2, 3)]
    """

    def __init__(self, vocab) -> None:
        self.vocab = vocab
        self.matcher = Matcher(vocab)  # the same patterns, for a Doc without lemmas or tags
        self.single: list[tuple[int, int, numpy.ndarray, numpy.ndarray | None]] = []  # key, column, words, tags
        self.sequences: list[tuple[int, list[tuple[int, int]]]] = []  # key, [(column, word)]

    def add(self, key: str, patterns: list[list[dict]]) -> None:
        self.matcher.add(key, patterns)
        key_id = self.vocab.strings.add(key)
        for pattern in patterns:
            if len(pattern) == 1:
                self.single.append((key_id, *self._one_token(pattern[0])))
            else:
                self.sequences.append((key_id, [self._word(spec) for spec in pattern]))

    def _hashes(self, values) -> numpy.ndarray:
        values = values["IN"] if isinstance(values, dict) else [values]
        return numpy.unique(numpy.array([self.vocab.strings.add(v) for v in values], dtype="uint64"))

    def _one_token(self, spec: dict) -> tuple[int, numpy.ndarray, numpy.ndarray | None]:
        (column,) = [name for name in spec if name != "POS"]
        if column not in COLUMNS:
            raise ValueError(f"not a one-token pattern of a word and a part of speech: {spec}")
        return COLUMNS[column], self._hashes(spec[column]), self._hashes(spec["POS"]) if "POS" in spec else None

    def _word(self, spec: dict) -> tuple[int, int]:
        ((column, word),) = spec.items()
        if column not in COLUMNS or not isinstance(word, str):
            raise ValueError(f"not a word of a sequence: {spec}")
        return COLUMNS[column], self.vocab.strings.add(word)

    def __call__(self, doc: Doc) -> list[tuple[int, int, int]]:
        if not len(doc) or not (doc.has_annotation("LEMMA") and doc.has_annotation("POS")):
            return self.matcher(doc)  # the Matcher's own answer or error
        columns = doc.to_array([LEMMA, LOWER, POS])
        found: dict[int, list[tuple[int, int, int]]] = {}  # completing token -> matches, in order
        for key, start, end in self._sequences(columns):
            found.setdefault(end - 1, []).append((key, start, end))
        for key, column, words, tags in self.single:
            fits = in_sorted(words, columns[:, column])
            if tags is not None:
                fits &= in_sorted(tags, columns[:, 2])
            for i in numpy.flatnonzero(fits):
                found.setdefault(int(i), []).append((key, int(i), int(i) + 1))
        out: list[tuple[int, int, int]] = []
        for i in sorted(found):
            out.extend(dict.fromkeys(found[i]))  # each (key, start, end) once, the first kept
        return out

    def _sequences(self, columns: numpy.ndarray) -> list[tuple[int, int, int]]:
        """(key, start, end) of the word sequences, by start and then pattern."""
        n = len(columns)
        out = []
        for order, (key, words) in enumerate(self.sequences):
            size = len(words)
            if n < size:
                continue
            fits = numpy.ones(n - size + 1, dtype=bool)
            for k, (column, word) in enumerate(words):
                fits &= columns[k:n - size + 1 + k, column] == word
            out += [(int(start), order, key, size) for start in numpy.flatnonzero(fits)]
        return [(key, start, start + size) for start, _order, key, size in sorted(out)]
