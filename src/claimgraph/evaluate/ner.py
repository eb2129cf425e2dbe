"""Entity mentions on re3d (defence and security texts, 14 entity types).

The headline scores the product's mentions (``pipeline_mentions``): what an ingest's
extraction looks entities up in (``extract.mentions.Mentions``: the named entities of the
one ``nlp.pipe`` pass of the project's spaCy pipeline, model + domain gazetteer, plus places
the NER missed after a locative preposition, and PERSON/ORG names it takes for places), the
time expressions claims take their time from (``extract.times.sentence_times``) and the
quantities it reads (``resolve.quantities.find_quantities``). Each is mapped to a re3d type by
``data/lexicons/re3d_map.yaml``. Two comparison rows run on the same texts: the noun-phrase
mention finder ``evaluate.baselines.phrases.phrase_mentions`` ("the army", "rockets", "we") with spaCy's
entities (``our_mentions``; no ingest runs it), and bare spaCy (the model alone, the same
label table, no role rule).

Scores are exact-span micro precision/recall/F1 over gold entities with confidence
>= 0.5 (the file's ``entities``): untyped (span only) and typed (span and type), per
type in ``extra``. Both systems are scored on the spans they map to a re3d type.

    >>> gold = {("d", 0, 4, "Person"), ("d", 9, 14, "Location")}
    >>> pred = {("d", 0, 4, "Person"), ("d", 9, 14, "Organisation"), ("d", 20, 22, "Quantity")}
    >>> span_scores(pred, gold)["f1"], span_scores(pred, gold)["typed_f1"]
    (0.8, 0.4)
"""

from __future__ import annotations

import time
from collections.abc import Iterable
from functools import lru_cache
from pathlib import Path
from typing import Any

from spacy.language import Language
from spacy.tokens import Doc, Span

from .baselines.phrases import LOCATIVE_PREPOSITIONS, phrase_mentions, trim_entity
from ..datafiles import lexicon
from ..resolve.entities import load_gazetteer
from .common import prf, read_jsonl

__all__ = ["Re3dMap", "acts_as_party", "evaluate_ner", "load_re3d_map", "our_mentions", "pipeline_mentions",
           "spacy_mentions", "span_scores"]

RE3D_TYPES = ("Organisation", "Location", "Person", "Temporal", "Quantity", "Weapon", "MilitaryPlatform",
              "DocumentReference", "Nationality", "Money", "Vehicle", "CommsIdentifier", "Frequency",
              "Coordinate")
# Numbers, amounts and dates inside a noun-phrase mention are mentions of their own
# ("four" in "four ISIL tactical units"), as re3d marks them; other named entities there
# are modifiers ("Iraqi" in "Iraqi forces").
NESTED_LABELS = frozenset({"CARDINAL", "QUANTITY", "MONEY", "PERCENT", "DATE", "TIME"})
QUANTITY_LABELS = frozenset({"CARDINAL", "QUANTITY", "MONEY"})
# The GPE-as-party rule (``acts_as_party``); measured on re3d dev typed F1: subject and
# possessor +1.1 points, conjuncts and these prepositions +0.3 more.
PARTY_DEPS = frozenset({"nsubj", "poss"})
PARTY_PREPOSITIONS = frozenset({"by", "between", "among", "with"})

Mention = tuple[str, int, int, str]  # (document id, start char, end char, re3d type)


class Re3dMap:
    """Our labels to re3d types (``re3d_map.yaml``).

    >>> m = load_re3d_map()
    >>> m.type_of("GROUP"), m.type_of("WEAPON", kind="aircraft"), m.type_of("ORDINAL")
    ('Organisation', 'MilitaryPlatform', None)
    """

    def __init__(self, raw: dict[str, Any]):
        self.labels: dict[str, str] = dict(raw["labels"])
        self.platform_classes = frozenset(raw.get("platform_classes") or ())
        self.platform_kinds = frozenset(raw.get("platform_kinds") or ())
        self.vehicle_kinds = frozenset(raw.get("vehicle_kinds") or ())
        self.gpe_as_party = bool(raw.get("gpe_as_party", False))
        self.approximators = frozenset(w.lower() for w in raw.get("quantity_approximators") or ())
        unknown = set(self.labels.values()) - set(RE3D_TYPES)
        if unknown:
            raise ValueError(f"re3d_map.yaml: unknown re3d types {sorted(unknown)}")

    def type_of(self, label: str, *, kind: str = "", weapon_class: str = "") -> str | None:
        if label == "WEAPON":
            if weapon_class in self.platform_classes or kind in self.platform_kinds:
                return "MilitaryPlatform"
            if kind in self.vehicle_kinds:
                return "Vehicle"
        return self.labels.get(label)


@lru_cache(maxsize=1)
def load_re3d_map() -> Re3dMap:
    return Re3dMap(lexicon("re3d_map"))


@lru_cache(maxsize=1)
def _weapon_classes() -> dict[str, str]:
    """Gazetteer weapon id -> class ("weapon:f-16" -> "fighter aircraft")."""
    return {e.id: str(e.attrs.get("class") or "") for e in load_gazetteer() if e.type == "WEAPON"}


def acts_as_party(span: Span) -> bool:
    """Whether a phrase is a party to what its clause says: the subject or a possessor
    ("Iraq's government"), the agent after "by" or a side "between"/"among"/"with", or
    coordinated with one ("Russia and Iran said")."""
    if span.start > 0 and span.doc[span.start - 1].lower_ in LOCATIVE_PREPOSITIONS:
        return False  # "Near Raqqah, strikes hit ...": a place, whatever the parse says
    head = span.root
    while head.dep_ == "conj":
        head = head.head
    if head.dep_ in PARTY_DEPS:
        return True
    return head.dep_ == "pobj" and head.head.lower_ in PARTY_PREPOSITIONS


def _re3d_type(span: Span, table: Re3dMap, *, roles: bool) -> str | None:
    label = span.label_
    if roles and label == "GPE" and table.gpe_as_party and acts_as_party(span):
        return "Organisation"
    return table.type_of(label, kind=span.kb_id_, weapon_class=_weapon_classes().get(span.kb_id_, ""))


def _number_only(span: Span, table: Re3dMap) -> Span | None:
    """A number span without its approximator ("almost 8,000" -> "8,000"); None for a lone
    "one" that is a pronoun ("one of them"), not a count."""
    if span.label_ not in QUANTITY_LABELS:
        return span
    start = span.start
    while start < span.end - 1 and span.doc[start].lower_ in table.approximators:
        start += 1
    if span.end - start == 1 and span.doc[start].lower_ == "one" and span.doc[start].dep_ != "nummod":
        return None
    return span if start == span.start else Span(span.doc, start, span.end, label=span.label_)


def _extractor_view(doc: Doc, resolver):
    """The extractor's own entity lookup for ``doc`` (untagged places, place checks)."""
    from ..extract.lexicon import load_lexicon
    from ..extract.mentions import Mentions

    return Mentions(doc, resolver, load_lexicon())


def _untagged_places(doc: Doc, mentions) -> list[Span]:
    """Places the extractor recognises that the NER left untagged ("killed in Sumy")."""
    tagged = {(e.start, e.end) for e in doc.ents}
    found = {(s.start, s.end): s for s in mentions.by_token.values() if (s.start, s.end) not in tagged}
    return list(found.values())


def _as_place(span: Span, mentions) -> Span:
    """A PERSON/ORG name the extractor takes for a place ("a school in Sumy") relabelled GPE."""
    if span.label_ in {"PERSON", "ORG"} and span.root.ent_iob_ != "O" and mentions.looks_like_place(span):
        return Span(span.doc, span.start, span.end, label="GPE", kb_id=span.kb_id_)
    return span


def our_mentions(doc: Doc, resolver=None, table: Re3dMap | None = None) -> list[tuple[int, int, str]]:
    """(start char, end char, re3d type) of every mention claimgraph finds in ``doc``.

    Noun-phrase mentions first; a named entity overlapping one of them (a modifier such as
    "Iraqi" in "Iraqi forces") is dropped, as re3d marks the phrase, not the modifier,
    unless it is a number, amount or date (``NESTED_LABELS``). With a ``resolver``, the
    extractor's place rules apply too (untagged places, PERSON/ORG tags on places).
    """
    table = table or load_re3d_map()
    mentions = _extractor_view(doc, resolver) if resolver is not None else None
    phrases = phrase_mentions(doc)
    taken = {i for s in phrases for i in range(s.start, s.end)}
    named = list(doc.ents) + (_untagged_places(doc, mentions) if mentions is not None else [])
    named = [t for t in (trim_entity(e) for e in named) if t is not None]
    named = [t for t in (_number_only(e, table) for e in named) if t is not None]
    spans = phrases + [e for e in named
                       if e.label_ in NESTED_LABELS or not any(i in taken for i in range(e.start, e.end))]
    if mentions is not None:
        spans = [_as_place(s, mentions) for s in spans]
    return _typed(spans, table)


def pipeline_mentions(doc: Doc, resolver, table: Re3dMap | None = None) -> list[tuple[int, int, str]]:
    """(start char, end char, re3d type) of every mention an ingest's extraction works with:
    the entities ``Mentions`` resolves, the time expressions and the quantities of each sentence."""
    from ..extract.times import sentence_times
    from ..resolve.quantities import find_quantities

    table = table or load_re3d_map()
    mentions = _extractor_view(doc, resolver)
    named = {(s.start, s.end): s for s in mentions.by_token.values()}
    spans = [_as_place(s, mentions) for s in named.values()]
    for sent in doc.sents:
        spans += sentence_times(sent)
        for q in find_quantities(sent.text):
            span = doc.char_span(sent.start_char + q.start, sent.start_char + q.end, label="QUANTITY",
                                 alignment_mode="expand")
            if span is not None:
                spans.append(span)
    return _typed(spans, table)


def _typed(spans: list[Span], table: Re3dMap) -> list[tuple[int, int, str]]:
    """(start char, end char, re3d type) of the spans that map to a re3d type, roles considered."""
    out = []
    for span in spans:
        re3d = _re3d_type(span, table, roles=True)
        if re3d is not None:
            out.append((span.start_char, span.end_char, re3d))
    return sorted(set(out))


def spacy_mentions(doc: Doc, table: Re3dMap | None = None) -> list[tuple[int, int, str]]:
    """Bare spaCy: every entity of ``doc.ents`` whose label maps to a re3d type."""
    table = table or load_re3d_map()
    out = []
    for ent in doc.ents:
        re3d = _re3d_type(ent, table, roles=False)
        if re3d is not None:
            out.append((ent.start_char, ent.end_char, re3d))
    return sorted(set(out))


def span_scores(predicted: Iterable[Mention], gold: Iterable[Mention]) -> dict[str, float]:
    """Exact-span micro P/R/F1, untyped (``precision``, ``recall``, ``f1``) and typed
    (``typed_precision``, ...). Mentions are (doc id, start, end, type) tuples."""
    pred, gold = set(predicted), set(gold)
    pred_spans, gold_spans = {m[:3] for m in pred}, {m[:3] for m in gold}
    hit = len(pred_spans & gold_spans)
    p, r, f = prf(hit, len(pred_spans), hit, len(gold_spans))
    typed_hit = len(pred & gold)
    tp, tr, tf = prf(typed_hit, len(pred), typed_hit, len(gold))
    return {"precision": p, "recall": r, "f1": f, "typed_precision": tp, "typed_recall": tr, "typed_f1": tf}


def _per_type(predicted: set[Mention], gold: set[Mention]) -> dict[str, dict[str, float]]:
    out = {}
    for t in RE3D_TYPES:
        g = {m for m in gold if m[3] == t}
        p = {m for m in predicted if m[3] == t}
        if not g and not p:
            continue
        hit = len(p & g)
        precision, recall, f1 = prf(hit, len(p), hit, len(g))
        out[t] = {"gold": len(g), "predicted": len(p), "precision": precision, "recall": recall, "f1": f1}
    return out


def _gold(record: dict[str, Any]) -> set[Mention]:
    return {(record["id"], e["start"], e["end"], e["type"]) for e in record.get("entities", [])}


def evaluate_ner(path: str | Path, limit: int | None = None, *, model: str | None = None,
                 batch_size: int = 32) -> dict[str, Any]:
    """Score claimgraph's mentions and bare spaCy's on a re3d-layout JSONL(.gz) file.

    :param path: e.g. ``../shared/eval-data/re3d-dev.jsonl.gz``.
    :param limit: score only the first ``limit`` documents.
    :param model: spaCy model (default: the ``model`` setting).
    :returns: ``{"task": "ner", "file", "n", "metrics", "anchors", "extra", "seconds", "notes"}``;
        metrics ``f1``, ``precision``, ``recall``, ``typed_f1``, ``typed_precision``,
        ``typed_recall`` (the pipeline's mentions), the same prefixed ``phrases_`` (the
        noun-phrase finder no ingest runs) and ``spacy_`` (bare spaCy).

    >>> result = evaluate_ner("../shared/eval-data/re3d-dev.jsonl.gz", limit=5)  # doctest: +SKIP
    >>> result["metrics"]["f1"] > result["metrics"]["spacy_f1"]  # doctest: +SKIP
    True
    """
    from ..analyze.nlp import load_pipeline
    from ..resolve.entities import EntityResolver
    from ..settings import Settings

    started = time.perf_counter()
    model = model or Settings.from_env().model
    records = list(read_jsonl(path, limit=limit))
    texts = [r["text"] for r in records]
    gold: set[Mention] = set().union(*(_gold(r) for r in records)) if records else set()
    table = load_re3d_map()
    resolver = EntityResolver()
    ours: set[Mention] = set()
    phrases: set[Mention] = set()
    for record, doc in zip(records, load_pipeline(model).pipe(texts, batch_size=batch_size)):
        ours |= {(record["id"], *m) for m in pipeline_mentions(doc, resolver, table)}
        phrases |= {(record["id"], *m) for m in our_mentions(doc, resolver, table)}
    bare: set[Mention] = set()
    for record, doc in zip(records, _bare_pipeline(model).pipe(texts, batch_size=batch_size)):
        bare |= {(record["id"], *m) for m in spacy_mentions(doc, table)}
    metrics = span_scores(ours, gold)
    metrics.update({f"phrases_{k}": v for k, v in span_scores(phrases, gold).items()})
    metrics.update({f"spacy_{k}": v for k, v in span_scores(bare, gold).items()})
    return {
        "task": "ner",
        "file": str(path),
        "n": len(records),
        "metrics": metrics,
        "anchors": [],
        "extra": {
            "gold_entities": len(gold),
            "predicted": {"ours": len(ours), "phrases": len(phrases), "spacy": len(bare)},
            "per_type": {"ours": _per_type(ours, gold), "phrases": _per_type(phrases, gold),
                         "spacy": _per_type(bare, gold)},
            "baseline_prefixes": ["phrases", "spacy"],
            "model": model,
        },
        "seconds": time.perf_counter() - started,
        "notes": [
            "claimgraph = the mentions an ingest's extraction works with (named entities and untagged "
            "places of extract.mentions.Mentions, sentence_times, find_quantities); phrases = spaCy's "
            "entities plus the noun-phrase finder evaluate/baselines/phrases.py, which no ingest runs",
            "gold: re3d entities with confidence >= 0.5; exact character spans",
            "types: data/lexicons/re3d_map.yaml; bare spaCy uses the same table without the GPE-as-party rule",
            "no published scores on re3d are known (eval-data README)",
        ],
    }


@lru_cache(maxsize=2)
def _bare_pipeline(model: str) -> Language:
    import spacy

    return spacy.load(model)
