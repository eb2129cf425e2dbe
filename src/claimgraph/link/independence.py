"""Count original sources, not outlets (DESIGN.md, "link").

Rules, in order:

1. A claim's source is its ``source`` entity; with none, the outlet that published the
   document says it itself (``outlet:<slug>``, or ``doc:<id>`` when the outlet is unknown);
   with none but a ``via`` (a wire agency), the relay is the best origin known.
2. Syndicated near-copies (:func:`.copies.near_duplicate_groups`) count as their group's root
   document: a copy adds no source.
3. The same named source in many documents is one source (two outlets quoting one
   official's briefing).
4. An anonymous source ("a military source", "officials") is one source per document
   group — or per relay, when it reached both documents through the same agency.
5. A source that is only the relay (``via``) of another claim in the same set is not an
   extra source: "Reuters said" and "a military source told Reuters" are one origin.

``sources`` lists distinct ids (entity ids, or the pseudo ids ``outlet:<slug>`` /
``doc:<id>``; :func:`pseudo_source_entities` builds SOURCE entities for those so the
export can name them). ``independent_sources`` can exceed ``len(sources)`` when one
anonymous-source entity stands for several people in unrelated documents.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Iterable

from ..model import Claim, Document, Entity
from .compare import Entities


# ---------------------------------------------------------------- source identity


def _slug(text: str) -> str:
    return re.sub(r"[^a-z0-9]+", "-", text.lower()).strip("-") or "unknown"


def outlet_source_id(outlet: str) -> str:
    """Pseudo entity id of an outlet that reports in its own voice.

    >>> outlet_source_id("Radio Free Asia")
    'outlet:radio-free-asia'
    """
    return f"outlet:{_slug(outlet)}"


def pseudo_source_entities(documents: Iterable[Document], entities: dict[str, Entity] | None = None) -> list[Entity]:
    """SOURCE entities for the pseudo ids :func:`count_sources` may return.

    One per outlet not already in ``entities`` (matched by name or alias), and one per
    document without an outlet (named after its title or path).

    >>> [e.id for e in pseudo_source_entities([Document(id="d1", text="x", outlet="Daily Planet")])]
    ['outlet:daily-planet']
    """
    index = _outlet_index(entities or {})
    out: dict[str, Entity] = {}
    for doc in documents:
        if doc.outlet:
            if _norm(doc.outlet) in index:
                continue
            sid = outlet_source_id(doc.outlet)
            out.setdefault(sid, Entity(id=sid, name=doc.outlet, type="SOURCE", aliases=[doc.outlet],
                                       attrs={"outlet": True}))
        else:
            sid = f"doc:{doc.id}"
            name = doc.title or doc.path or doc.url or doc.id
            out.setdefault(sid, Entity(id=sid, name=f"the publisher of {name}", type="SOURCE",
                                       attrs={"outlet": True, "document_id": doc.id}))
    return [out[k] for k in sorted(out)]


def _norm(s: str) -> str:
    return " ".join(re.sub(r"[^\w\s]", " ", s.lower()).split())


def _outlet_index(entities: dict[str, Entity]) -> dict[str, str]:
    """Outlet names and aliases -> entity id, for outlets the gazetteer already knows."""
    index: dict[str, str] = {}
    for eid in sorted(entities):
        e = entities[eid]
        if e.type not in ("ORG", "SOURCE") and not e.attrs.get("outlet"):
            continue
        for name in [e.name, *e.aliases]:
            index.setdefault(_norm(name), eid)
    return index


@dataclass(frozen=True, slots=True)
class SourceRef:
    """One claim's original source: ``key`` decides independence, ``entity_id`` is shown."""

    key: str
    entity_id: str
    relays: tuple[str, ...] = ()


class SourceCounter:
    """Works out original sources for claims; build once per link run.

    :param documents: all documents (for outlets and near-copy roots).
    :param entities: the entity table.
    :param roots: document id -> near-copy group root (from :func:`near_duplicate_groups`).
    :param headline_ends: where the body begins, for documents given without their text.
    """

    def __init__(self, documents: Iterable[Document], entities: dict[str, Entity] | Entities,
                 roots: dict[str, str] | None = None, headline_ends: dict[str, int] | None = None):
        self.docs = {d.id: d for d in documents}
        self.entities = entities if isinstance(entities, Entities) else Entities(entities)
        self.roots = roots or {}
        self._outlets = _outlet_index(self.entities.by_id)
        self._cache: dict[str, SourceRef] = {}
        # documents read without their text say where their headline ends here
        self._given_headline_ends = headline_ends or {}
        self._headline_ends: dict[str, int] | None = None

    def published(self) -> dict[str, str | None]:
        """Document id -> publication date."""
        return {doc_id: doc.published for doc_id, doc in self.docs.items()}

    def undated(self) -> frozenset[str]:
        """Ids of the documents without a publication date."""
        return frozenset(doc_id for doc_id, doc in self.docs.items() if not doc.published)

    def headline_ends(self) -> dict[str, int]:
        """Document id -> where the body begins, for texts that open with their headline."""
        if self._headline_ends is None:
            self._headline_ends = {**self._given_headline_ends,
                                   **{doc_id: end for doc_id, doc in self.docs.items() if (end := doc.headline_end())}}
        return self._headline_ends

    def _beyond_headlines(self, claims: list[Claim]) -> list[Claim]:
        """The claims without those of a headline whose article's body tells the happening:
        "..., US says" over the body's "Kirby said ..." sums up the body's sources, it adds none."""
        ends = self.headline_ends()
        in_body = {c.document_id for c in claims if c.start >= ends.get(c.document_id, 0)}
        return [c for c in claims if c.start >= ends.get(c.document_id, 0) or c.document_id not in in_body]

    def root(self, doc_id: str) -> str:
        return self.roots.get(doc_id, doc_id)

    def _publisher(self, doc_id: str) -> str:
        doc = self.docs.get(self.root(doc_id)) or self.docs.get(doc_id)
        if doc is not None and doc.outlet:
            return self._outlets.get(_norm(doc.outlet)) or outlet_source_id(doc.outlet)
        return f"doc:{self.root(doc_id)}"

    def source_of(self, claim: Claim) -> SourceRef:
        """The original source of one claim (memoised per claim id).

        >>> c = Claim(id="c1", document_id="d1", type="ATTACK", text="", start=0, end=0)
        >>> SourceCounter([Document(id="d1", text="", outlet="Daily Planet")], {}).source_of(c).key
        'outlet:daily-planet'
        """
        ref = self._cache.get(claim.id)
        if ref is None:
            ref = self._cache[claim.id] = self._source_of(claim)
        return ref

    def _source_of(self, claim: Claim) -> SourceRef:
        relays = tuple(claim.via)
        if claim.source:
            sid = claim.source
            if self.entities.is_anonymous_source(sid):
                # the same anonymous words are one person only within one document group or one relay
                scope = relays[0] if relays else f"doc:{self.root(claim.document_id)}"
                return SourceRef(key=f"{sid}@{scope}", entity_id=sid, relays=relays)
            return SourceRef(key=self.entities.canon(sid), entity_id=sid, relays=relays)
        if relays:
            return SourceRef(key=relays[0], entity_id=relays[0], relays=relays[1:])
        publisher = self._publisher(claim.document_id)
        return SourceRef(key=publisher, entity_id=publisher)

    def count(self, claims: Iterable[Claim]) -> tuple[list[str], int]:
        """(distinct source ids, number of independent original sources) of a set of claims.

        >>> docs = [Document(id="d1", text="", outlet="A"), Document(id="d2", text="", outlet="B")]
        >>> cs = [Claim(id=f"c{i}", document_id=d, type="ATTACK", text="", start=0, end=0, source="person:x")
        ...       for i, d in enumerate(["d1", "d2"])]
        >>> SourceCounter(docs, {}).count(cs)
        (['person:x'], 1)
        """
        claims = self._beyond_headlines(list(claims))
        refs = [self.source_of(c) for c in claims]
        # an outlet's unattributed sentences about a happening rest on the sources the same
        # article names for it: the outlet counts only where its article names nobody
        named_in = {self.root(c.document_id) for c, ref in zip(claims, refs) if c.source or c.via}
        refs = [ref for c, ref in zip(claims, refs)
                if c.source or c.via or self.root(c.document_id) not in named_in] or refs
        relayed = {r for ref in refs for r in ref.relays}
        kept = {}
        for ref in refs:
            # a relay that is also cited as an origin elsewhere only passed the story on
            if ref.key in relayed and any(ref.key in other.relays for other in refs if other.key != ref.key):
                continue
            kept.setdefault(ref.key, ref.entity_id)
        ids = sorted(set(kept.values()))
        return ids, len(kept)
