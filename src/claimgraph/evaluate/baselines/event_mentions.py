"""Event mentions that describe the same happening, grouped (cross-document event coreference).

The link stage merges whole claims; this module does the same job one level down, for
bare event mentions ("the shooting", "killed", "opened fire") from many documents about
one story, with the same ideas: documents that share their participants and vocabulary
report the same happening (the link stage's blocking by shared entities and day),
mentions with the same head lemma in those documents corefer, and mentions of one
ontology type join when they share a participant.

Three steps, all greedy and deterministic:

1. ``document_clusters``: documents grouped by TF-IDF cosine of their named entities,
   years and content lemmas (average link, ``DOC_THRESHOLD``);
2. within a document cluster, mentions with the same normalised head lemma
   (``head_lemma``: "shooting" -> "shoot", "Oscars" -> "oscar") form one group;
3. inside a document cluster, groups of one ontology type (the claim types' trigger
   lexicon: "killed", "died", "death" are all CASUALTY) merge when they share a
   participant (``TYPE_MIN_SHARED``), unless their years conflict.

    >>> ms = [EventMention("a1", "A", "shoot", "ATTACK", frozenset({"gunman"})),
    ...       EventMention("b1", "B", "shoot", "ATTACK", frozenset({"gunman"})),
    ...       EventMention("b2", "B", "kill", "CASUALTY", frozenset({"gunman"}))]
    >>> sorted(sorted(c) for c in cluster_mentions(ms, {"A": 0, "B": 0}))
    [['a1', 'b1'], ['b2']]
"""

from __future__ import annotations

import math
from collections import Counter, defaultdict
from collections.abc import Collection, Iterable, Mapping
from dataclasses import dataclass, field

from spacy.tokens import Token

__all__ = ["EventMention", "cluster_mentions", "document_clusters", "head_lemma", "tfidf", "verb_lemmas"]

# Average-link cosine above which two documents of one story report the same happening.
# Calibrated on ECB+ dev (topics 2, 5, 12, 18, 21, 23, 34, 35; TF-IDF over the split):
# the CoNLL F1 of the whole clustering is 75.7 at 0.125, 75.8 at 0.15, 75.9 at 0.175,
# 75.4 at 0.2 and 74.1 at 0.225 (same-lemma baseline 71.2).
DOC_THRESHOLD = 0.175
# Different-lemma groups of one ontology type in one document cluster merge when they
# share this many participants: +1.0 CoNLL F1 on ECB+ dev at 1 (2 gives the same).
# Merging same-lemma groups across document clusters on 2-4 shared participants was
# tried and cost 0.3-1.4 points: a sentence's participants are too loose a cue.
TYPE_MIN_SHARED = 1


@dataclass(frozen=True, slots=True)
class EventMention:
    """What the clustering knows about one event mention.

    :param id: the mention's id.
    :param document_id: its document.
    :param lemma: normalised head lemma (``head_lemma``).
    :param type: ontology claim type when the lemma is a trigger, else None.
    :param arguments: normalised participant, place and time words of its sentence.
    :param years: years its document is about (empty when unknown).
    """

    id: str
    document_id: str
    lemma: str
    type: str | None = None
    arguments: frozenset[str] = frozenset()
    years: frozenset[str] = frozenset()


@dataclass(slots=True)
class _Group:
    members: list[EventMention]
    lemmas: set[str]
    types: set[str]
    arguments: Counter = field(default_factory=Counter)
    years: set[str] = field(default_factory=set)
    cluster: object = 0  # the document cluster (a document id when it has none)

    @classmethod
    def of(cls, mentions: list[EventMention], cluster: object) -> "_Group":
        args: Counter = Counter()
        years: set[str] = set()
        for m in mentions:
            args.update(m.arguments)
            years |= m.years
        return cls(list(mentions), {m.lemma for m in mentions}, {m.type for m in mentions if m.type},
                   args, years, cluster)

    def absorb(self, other: "_Group") -> None:
        self.members += other.members
        self.lemmas |= other.lemmas
        self.types |= other.types
        self.arguments.update(other.arguments)
        self.years |= other.years


def head_lemma(token: Token, verbs: Collection[str] = frozenset()) -> str:
    """A mention head's lemma, with derivational variants folded together: a gerund or
    participle the tagger took for a noun or adjective becomes its verb ("shooting" ->
    "shoot", "charged" -> "charge"), a proper noun loses a plural "s" ("Oscars" -> "oscar").

    :param verbs: known verb lemmas (``verb_lemmas(nlp)``); without them only the proper
        noun rule applies.

    >>> import spacy
    >>> doc = spacy.blank("en")("the shooting")
    >>> doc[1].pos_, doc[1].lemma_ = "NOUN", "shooting"
    >>> head_lemma(doc[1], verbs={"shoot"})
    'shoot'
    """
    lemma = (token.lemma_ or token.text).lower()
    word = token.lower_
    if token.pos_ in {"NOUN", "PROPN", "ADJ"} and verbs:
        for suffix in ("ing", "ed"):
            if word.endswith(suffix) and len(word) > len(suffix) + 2:
                stem = word[: -len(suffix)]
                doubled = stem[:-1] if len(stem) > 2 and stem[-1] == stem[-2] else ""
                for candidate in (stem, stem + "e", doubled):
                    if candidate and candidate in verbs:
                        return candidate
    if token.pos_ == "PROPN" and lemma.endswith("s") and not lemma.endswith("ss") and len(lemma) > 3:
        return lemma[:-1]
    return lemma


def verb_lemmas(nlp) -> frozenset[str]:
    """Verb lemmas the pipeline's rule-based lemmatizer knows (empty when it has none).

    >>> import spacy
    >>> verb_lemmas(spacy.blank("en"))
    frozenset()
    """
    if "lemmatizer" not in nlp.pipe_names:
        return frozenset()
    lookups = getattr(nlp.get_pipe("lemmatizer"), "lookups", None)
    if lookups is None or not lookups.has_table("lemma_index"):
        return frozenset()
    return frozenset(lookups.get_table("lemma_index").get("verb", []))


def tfidf(features: Mapping[str, Counter]) -> dict[str, dict[str, float]]:
    """TF-IDF weights ((1 + log tf) * log(N / df)) of each document's features, with the
    document frequencies of the whole collection given (so compute it over a corpus,
    not over one story: within a story the shared words are what matter).

    >>> w = tfidf({"a": Counter(x=1, y=1), "b": Counter(x=1)})
    >>> round(w["a"]["y"], 3), w["a"]["x"]
    (0.693, 0.0)
    """
    df = Counter(k for v in features.values() for k in v)
    n = len(features)
    return {doc: {k: (1 + math.log(x)) * math.log(n / df[k]) for k, x in v.items()}
            for doc, v in features.items()}


def document_clusters(vectors: Mapping[str, Mapping[str, float]], threshold: float = DOC_THRESHOLD
                      ) -> list[list[str]]:
    """Group documents whose weighted features are close (average-link cosine).

    :param vectors: document id -> feature weights (``tfidf``) for the documents to group.
    :param threshold: merge while the best average cosine is at least this.
    :returns: clusters of document ids, each sorted, in order of their first id.

    >>> document_clusters({"a": {"x": 1.0, "y": 1.0}, "b": {"x": 1.0}, "c": {"z": 1.0}})
    [['a', 'b'], ['c']]
    """
    ids = sorted(vectors)
    sims = [[_cosine(vectors[i], vectors[j]) for j in ids] for i in ids]
    clusters: list[list[int]] = [[i] for i in range(len(ids))]
    while len(clusters) > 1:
        best, pair = -1.0, (0, 0)
        for a in range(len(clusters)):
            for b in range(a + 1, len(clusters)):
                link = sum(sims[i][j] for i in clusters[a] for j in clusters[b])
                link /= len(clusters[a]) * len(clusters[b])
                if link > best:
                    best, pair = link, (a, b)
        if best < threshold:
            break
        a, b = pair
        clusters[a] += clusters.pop(b)
    out = [sorted(ids[i] for i in c) for c in clusters]
    return sorted(out, key=lambda c: c[0])


def _cosine(a: Mapping[str, float], b: Mapping[str, float]) -> float:
    if len(a) > len(b):
        a, b = b, a
    dot = sum(x * b[k] for k, x in a.items() if k in b)
    norm = math.sqrt(sum(x * x for x in a.values())) * math.sqrt(sum(x * x for x in b.values()))
    return dot / norm if norm else 0.0


def cluster_mentions(mentions: Iterable[EventMention], cluster_of: Mapping[str, int], *,
                     type_min_shared: int | None = TYPE_MIN_SHARED) -> list[list[str]]:
    """Group the event mentions of one story (one topic) into happenings.

    :param mentions: the mentions, from any number of documents.
    :param cluster_of: document id -> document cluster (``document_clusters``); a document
        missing from it is a cluster of its own.
    :param type_min_shared: shared participants for a same-type merge inside a document
        cluster (None: no type merges, same-lemma groups only).
    :returns: clusters of mention ids (every mention in exactly one), sorted.
    """
    by_key: dict[tuple[object, str], list[EventMention]] = defaultdict(list)
    for m in mentions:
        by_key[(cluster_of.get(m.document_id, m.document_id), m.lemma)].append(m)
    groups = [_Group.of(ms, cluster) for (cluster, _lemma), ms in sorted(by_key.items(), key=str)]
    if type_min_shared is not None:
        groups = _merge_pairs(groups, lambda a, b: a.cluster == b.cluster and bool(a.types & b.types)
                              and _shared(a, b) >= type_min_shared and not _years_conflict(a, b))
    return sorted(sorted(m.id for m in g.members) for g in groups)


def _shared(a: _Group, b: _Group) -> int:
    return len(a.arguments.keys() & b.arguments.keys())


def _years_conflict(a: _Group, b: _Group) -> bool:
    return bool(a.years and b.years and not a.years & b.years)


def _merge_pairs(groups: list[_Group], compatible) -> list[_Group]:
    """Merge greedily in a fixed order until no compatible pair is left."""
    merged = True
    while merged:
        merged = False
        for i, a in enumerate(groups):
            for j in range(i + 1, len(groups)):
                if compatible(a, groups[j]):
                    a.absorb(groups.pop(j))
                    merged = True
                    break
            if merged:
                break
    return groups
