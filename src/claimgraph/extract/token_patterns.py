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
        self.single: list[tuple[int, int, frozenset[int], frozenset[int] | None]] = []  # key, column, words, tags
        self.sequences: list[tuple[int, list[tuple[int, int]]]] = []  # key, [(column, word)]
        # per column, the sorted hashes of every word a one-token pattern reads there, and of
        # every first word of a sequence: one array read per column screens the tokens, and
        # only the few that pass are tried pattern by pattern (a numpy pass per pattern cost
        # a twentieth of the extractor's time)
        self._single_words: dict[int, numpy.ndarray] = {}
        self._first_words: dict[int, numpy.ndarray] = {}
        self._longest = 0  # words in the longest sequence

    def add(self, key: str, patterns: list[list[dict]]) -> None:
        self.matcher.add(key, patterns)
        key_id = self.vocab.strings.add(key)
        for pattern in patterns:
            if len(pattern) == 1:
                column, words, tags = self._one_token(pattern[0])
                self.single.append((key_id, column, frozenset(words.tolist()),
                                    None if tags is None else frozenset(tags.tolist())))
                _extend_sorted(self._single_words, column, words.tolist())
            else:
                words = [self._word(spec) for spec in pattern]
                self.sequences.append((key_id, words))
                self._longest = max(self._longest, len(words))
                first_column, first_word = words[0]
                _extend_sorted(self._first_words, first_column, [first_word])

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
        for i in _screened(self._single_words, columns):
            row = columns[i].tolist()
            for key, column, words, tags in self.single:
                if row[column] in words and (tags is None or row[2] in tags):
                    found.setdefault(i, []).append((key, i, i + 1))
        out: list[tuple[int, int, int]] = []
        for i in sorted(found):
            out.extend(dict.fromkeys(found[i]))  # each (key, start, end) once, the first kept
        return out

    def _sequences(self, columns: numpy.ndarray) -> list[tuple[int, int, int]]:
        """(key, start, end) of the word sequences, by start and then pattern."""
        n = len(columns)
        out = []
        for start in _screened(self._first_words, columns):
            rows = columns[start:start + self._longest].tolist()
            for key, words in self.sequences:
                size = len(words)
                if start + size <= n and all(rows[k][column] == word for k, (column, word) in enumerate(words)):
                    out.append((key, start, start + size))
        return out


def _extend_sorted(words_by_column: dict[int, numpy.ndarray], column: int, words: list[int]) -> None:
    """Add ``words`` to the sorted hashes kept for ``column``."""
    kept = words_by_column.get(column, numpy.array([], dtype="uint64"))
    words_by_column[column] = numpy.unique(numpy.concatenate([kept, numpy.array(words, dtype="uint64")]))


def _screened(words_by_column: dict[int, numpy.ndarray], columns: numpy.ndarray) -> list[int]:
    """The token indices, in order, whose value in some column is one of that column's words."""
    fits = numpy.zeros(len(columns), dtype=bool)
    for column, words in words_by_column.items():
        fits |= in_sorted(words, columns[:, column])
    return numpy.flatnonzero(fits).tolist()
