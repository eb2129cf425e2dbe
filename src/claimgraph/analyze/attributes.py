"""The model's attribute rules (its tag map and morphology exceptions), read as a table.

spaCy's AttributeRuler runs its ~180 patterns through the Matcher, which tests each
pattern's predicates in Python on every token, then sets every match through a new Span:
a tenth of the whole spaCy pass on news text (every token matches its tag's rule), for
what is a table look-up. ``AttributeTable`` reads the same patterns once and gives every
token the values the ruler would give it:

- one-token patterns depend only on the token's own columns (TAG, LOWER, DEP, IS_SPACE):
  the writes they make are worked out once per distinct combination and kept;
- longer patterns ("gon na", "there is") are found with numpy on the columns;
- the rule added later wins, as in the ruler (it applies its matches in rule order);
- the result goes into the Doc with one ``Doc.from_array``, which sets the same token
  fields as the ruler's ``set_token_attrs`` (these attributes never touch the lexeme).

A ruler with a pattern the table cannot read (an operator, another attribute, an
extension attribute) stays as it is. ``tests/test_attributes.py`` compares the two.

``LemmaTable`` does the same for the lemmatizer: its lemma depends only on the token's
text, part of speech and morphology, yet it made a Token of every word and set each lemma
through it. The table keeps the lemma of each (text, POS, morphology) it has met, asks
the lemmatizer itself for the others, and writes the lemmas with one ``from_array``.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

import numpy
from spacy.attrs import DEP, IS_SPACE, LEMMA, LOWER, MORPH, ORTH, POS, TAG
from spacy.language import Language
from spacy.tokens import Doc
from spacy.tokens._retokenize import normalize_token_attrs

__all__ = ["AttributeTable", "LemmaTable", "replace_attribute_ruler", "replace_lemmatizer"]

RULER_NAME = "attribute_ruler"
TABLE_NAME = "claimgraph_attribute_table"
LEMMATIZER_NAME = "lemmatizer"
LEMMA_TABLE_NAME = "claimgraph_lemma_table"
# the lemmatizer modes whose lemma is a function of the token's text, POS and morphology
TABULATED_MODES = {"rule", "lookup"}
# the token columns a pattern may test, and the fields a rule may set
MATCHED = {"TAG": TAG, "LOWER": LOWER, "ORTH": ORTH, "DEP": DEP, "POS": POS, "IS_SPACE": IS_SPACE}
WRITTEN = (TAG, POS, MORPH, LEMMA, DEP)
SET_OPERATORS = {"IN", "NOT_IN"}
MAX_KEPT = 500_000  # distinct token columns whose writes are kept (a long-running server)


@dataclass(slots=True)
class Predicate:
    """One predicate on one column: equal to, in, not in, or a regex on the string."""

    column: int  # index into AttributeTable.columns
    kind: str  # "eq", "in", "not_in", "regex"
    value: object

    def on_value(self, value: int, strings) -> bool:
        if self.kind == "eq":
            return value == self.value
        if self.kind == "in":
            return value in self.value
        if self.kind == "not_in":
            return value not in self.value
        return self.value.search(strings[value]) is not None

    def on_column(self, column: numpy.ndarray) -> numpy.ndarray:
        """The test on every value of a column (not for a regex, which needs the strings)."""
        if self.kind == "eq":
            return column == self.value
        found = numpy.isin(column, numpy.fromiter(self.value, dtype="uint64", count=len(self.value)))
        return found if self.kind == "in" else ~found


@dataclass(slots=True)
class Rule:
    """One ``add`` of the ruler: its patterns, the token it writes, what it writes."""

    order: int
    writes: tuple[tuple[int, int], ...]  # (index into WRITTEN, value)
    single: list[list[Predicate]] = field(default_factory=list)  # one-token patterns
    longer: list[tuple[list[list[Predicate]], int]] = field(default_factory=list)  # (tokens' tests, written token)


class AttributeTable:
    """Called on a Doc like the AttributeRuler it was read from."""

    def __init__(self, ruler) -> None:
        vocab = ruler.vocab
        self.columns: list[int] = []
        self.rules = [self._rule(order, spec, vocab) for order, spec in enumerate(ruler.patterns)]
        self.longer_rules = [rule for rule in self.rules if rule.longer]
        # a one-token pattern can only match a token whose column has the value one of its
        # equality or membership tests asks for: only those patterns are tried on it
        self._anchored: dict[tuple[int, int], list[tuple[Rule, list[Predicate]]]] = {}
        self._unanchored: list[tuple[Rule, list[Predicate]]] = []
        for rule in self.rules:
            for tests in rule.single:
                self._index_pattern(rule, tests)
        self._by_token: dict[tuple[int, ...], tuple[tuple[int, ...], tuple[int, ...]]] = {}

    # -- reading the patterns --------------------------------------------------------
    def _rule(self, order: int, spec: dict, vocab) -> Rule:
        attrs = spec.get("attrs", {})
        if "_" in attrs:
            raise ValueError("extension attributes")
        written = normalize_token_attrs(vocab, attrs)
        if any(attr not in WRITTEN for attr in written):
            raise ValueError(f"writes {sorted(written)}")
        rule = Rule(order, tuple((WRITTEN.index(attr), int(value)) for attr, value in written.items()))
        index = spec.get("index", 0)
        for pattern in spec["patterns"]:
            if not -len(pattern) <= index < len(pattern):
                raise ValueError(f"index {index} outside a pattern of {len(pattern)} tokens")
            tests = [self._token_tests(token, vocab) for token in pattern]
            if len(tests) == 1:
                rule.single.append(tests[0])
            else:
                rule.longer.append((tests, index % len(pattern)))
        return rule

    def _token_tests(self, token: dict, vocab) -> list[Predicate]:
        return [self._test(name, value, vocab) for name, value in token.items()]

    def _test(self, name: str, value, vocab) -> Predicate:
        if name not in MATCHED:
            raise ValueError(f"tests {name}")
        if MATCHED[name] not in self.columns:
            self.columns.append(MATCHED[name])
        column = self.columns.index(MATCHED[name])
        if name == "IS_SPACE":
            if not isinstance(value, bool):
                raise ValueError(f"IS_SPACE {value!r}")
            return Predicate(column, "eq", int(value))
        if isinstance(value, str):
            return Predicate(column, "eq", vocab.strings.add(value))
        if isinstance(value, dict) and len(value) == 1:
            ((operator, operand),) = value.items()
            if operator in SET_OPERATORS and all(isinstance(v, str) for v in operand):
                return Predicate(column, operator.lower(), frozenset(vocab.strings.add(v) for v in operand))
            if operator == "REGEX" and isinstance(operand, str):
                return Predicate(column, "regex", re.compile(operand))
        raise ValueError(f"{name} {value!r}")

    def _index_pattern(self, rule: Rule, tests: list[Predicate]) -> None:
        anchor = next((t for t in tests if t.kind in {"eq", "in"}), None)
        if anchor is None:
            self._unanchored.append((rule, tests))
            return
        for value in (anchor.value,) if anchor.kind == "eq" else anchor.value:
            self._anchored.setdefault((anchor.column, value), []).append((rule, tests))

    # -- applying them ---------------------------------------------------------------
    def __call__(self, doc: Doc) -> Doc:
        if not len(doc):
            return doc
        columns = doc.to_array(self.columns).reshape(len(doc), len(self.columns))
        values, order = self._single_writes(doc, columns)
        self._longer_writes(doc, columns, values, order)
        written = [k for k in range(len(WRITTEN)) if (order[:, k] >= 0).any()]
        if written:
            doc.from_array([WRITTEN[k] for k in written], values[:, written])
        return doc

    def _single_writes(self, doc: Doc, columns: numpy.ndarray) -> tuple[numpy.ndarray, numpy.ndarray]:
        """Each token's fields after the one-token rules, and the rule that wrote each field
        (-1: none, the field keeps its value)."""
        found = self._by_token
        rows = []
        for key in map(tuple, columns.tolist()):
            row = found.get(key)
            if row is None:
                if len(found) >= MAX_KEPT:
                    found.clear()
                row = found[key] = self._writes_for(key, doc.vocab.strings)
            rows.append(row)
        new_values = numpy.array([row[0] for row in rows], dtype="uint64")
        order = numpy.array([row[1] for row in rows], dtype=numpy.int64)
        return numpy.where(order >= 0, new_values, doc.to_array(list(WRITTEN))), order

    def _writes_for(self, key: tuple[int, ...], strings) -> tuple[tuple[int, ...], tuple[int, ...]]:
        """(the values, the rules) of the last rule to write each field of a token with these columns."""
        candidates = list(self._unanchored)
        for column, value in enumerate(key):
            candidates += self._anchored.get((column, value), ())
        values, order = [0] * len(WRITTEN), [-1] * len(WRITTEN)
        for rule, tests in sorted(candidates, key=lambda c: c[0].order):
            if all(t.on_value(key[t.column], strings) for t in tests):
                for k, value in rule.writes:
                    values[k], order[k] = value, rule.order
        return tuple(values), tuple(order)

    def _longer_writes(self, doc: Doc, columns: numpy.ndarray, values: numpy.ndarray, order: numpy.ndarray) -> None:
        for rule in self.longer_rules:
            for tests, written in rule.longer:
                for start in self._starts(doc, columns, tests):
                    target = start + written
                    for k, value in rule.writes:
                        if rule.order > order[target, k]:
                            values[target, k], order[target, k] = value, rule.order

    @staticmethod
    def _starts(doc: Doc, columns: numpy.ndarray, tests: list[list[Predicate]]) -> list[int]:
        """Where a pattern of several tokens matches: its column tests with numpy, then its
        regexes only where the rest fits."""
        n, size = len(doc), len(tests)
        if n < size:
            return []
        fits = numpy.ones(n - size + 1, dtype=bool)
        for k, token_tests in enumerate(tests):
            for test in token_tests:
                if test.kind != "regex":
                    fits &= test.on_column(columns[k:n - size + 1 + k, test.column])
        strings = doc.vocab.strings
        return [start for start in numpy.flatnonzero(fits).tolist()
                if all(t.on_value(int(columns[start + k, t.column]), strings)
                       for k, token_tests in enumerate(tests) for t in token_tests if t.kind == "regex")]


@Language.factory(TABLE_NAME)
def make_attribute_table(nlp: Language, name: str) -> AttributeTable:
    return AttributeTable(nlp.get_pipe(RULER_NAME))


def replace_attribute_ruler(nlp: Language) -> bool:
    """Put an AttributeTable in the place of the model's attribute_ruler; False (and the
    ruler kept) when there is none or the table cannot read one of its patterns."""
    if RULER_NAME not in nlp.pipe_names:
        return False
    try:
        AttributeTable(nlp.get_pipe(RULER_NAME))
    except ValueError:  # a pattern outside what the table reads
        return False
    nlp.add_pipe(TABLE_NAME, before=RULER_NAME)
    nlp.remove_pipe(RULER_NAME)
    return True


class LemmaTable:
    """Called on a Doc like the lemmatizer it wraps (``lookups`` are the lemmatizer's)."""

    def __init__(self, lemmatizer) -> None:
        self.lemmatizer = lemmatizer
        self.lookups = lemmatizer.lookups
        self._lemmas: dict[tuple[int, int, int], int] = {}

    def __call__(self, doc: Doc) -> Doc:
        if not len(doc):
            return doc
        columns = doc.to_array([ORTH, POS, MORPH, LEMMA])
        lemmas = columns[:, 3].copy()
        overwrite = self.lemmatizer.overwrite
        for i, (orth, pos, morph, lemma) in enumerate(columns.tolist()):
            if lemma and not overwrite:
                continue
            key = (orth, pos, morph)
            found = self._lemmas.get(key)
            if found is None:
                found = doc.vocab.strings.add(self.lemmatizer.lemmatize(doc[i])[0])
                if pos and len(self._lemmas) < MAX_KEPT:  # no POS: the lemmatizer warns each time
                    self._lemmas[key] = found
            lemmas[i] = found
        doc.from_array([LEMMA], lemmas)
        return doc


@Language.factory(LEMMA_TABLE_NAME)
def make_lemma_table(nlp: Language, name: str) -> LemmaTable:
    return LemmaTable(nlp.get_pipe(LEMMATIZER_NAME))


def replace_lemmatizer(nlp: Language) -> bool:
    """Put a LemmaTable in the lemmatizer's place, under its name; False (and the lemmatizer
    kept) when there is none or its mode may look at more than the token."""
    if LEMMATIZER_NAME not in nlp.pipe_names or getattr(nlp.get_pipe(LEMMATIZER_NAME), "mode", None) \
            not in TABULATED_MODES:
        return False
    nlp.add_pipe(LEMMA_TABLE_NAME, before=LEMMATIZER_NAME)
    nlp.remove_pipe(LEMMATIZER_NAME)
    nlp.rename_pipe(LEMMA_TABLE_NAME, LEMMATIZER_NAME)
    return True
