"""Ontology-style mentions: noun phrases typed by their head noun, and personal pronouns.

Named-entity recognition finds "Iraq" and "ISIL"; analysts' schemes (and the claims we
extract) also talk about "the army", "Iraqi forces", "a military airport", "rockets",
"the spokesman" and "we". ``phrase_mentions`` returns one labelled span per such
mention, built on spaCy's base noun phrases (``doc.noun_chunks``, so it needs the
parser):

- a noun phrase whose head is inside a named entity becomes that entity (``trim_entity``)
  widened to the phrase's determiner and titles ("the United Nations", "President
  Hollande"); a plural nationality is a GROUP ("the Syrians");
- a noun phrase with a head noun from ``data/lexicons/mention_heads.yaml`` or the
  materiel lexicon (``materiel.yaml``) gets that noun's class ("the regime" ORG,
  "a mosque" FAC, "rockets" WEAPON with kind ``rocket``); a person noun in the plural
  is a GROUP ("residents"); a one-word ORG/PERSON tag on a weapon word is overruled
  ("VBIED", "UAV");
- a personal pronoun is a PERSON ("he", "me") or a GROUP ("we", "they"); "it" is
  left out (mostly expletive or a thing).

Numbers in front of the head stay out ("four ISIL tactical units" -> "ISIL tactical
units": the number is a mention of its own); an "of" + name complement comes in ("the
city of Mosul", "the people of Iraq"); a place followed by the place that locates it is
one mention ("Sarmada, Syria").

Labels: PERSON, GROUP, ORG, LOC, FAC, VEHICLE, DOCUMENT, WEAPON (kind in
``span.kb_id_``) or the widened entity's own label (its gazetteer id kept in
``kb_id_``). Spans do not overlap each other; a named entity used as a modifier
("Iraqi" in "Iraqi forces") is inside a returned span and left to the caller.

    >>> import spacy
    >>> from spacy.tokens import Doc
    >>> nlp = spacy.blank("en")
    >>> doc = Doc(nlp.vocab, words=["The", "rebels", "fired", "rockets"],
    ...           heads=[1, 2, 2, 2], deps=["det", "nsubj", "ROOT", "dobj"],
    ...           pos=["DET", "NOUN", "VERB", "NOUN"], lemmas=["the", "rebel", "fire", "rocket"],
    ...           tags=["DT", "NNS", "VBD", "NNS"])
    >>> [(s.text, s.label_) for s in phrase_mentions(doc)]
    [('The rebels', 'GROUP'), ('rockets', 'WEAPON')]
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

from spacy.tokens import Doc, Span, Token

from ...extract.lexicon import load_lexicon

__all__ = ["MentionHeads", "load_mention_heads", "phrase_mentions", "trim_entity"]

# Materiel kinds (materiel.yaml) that are weapons or military platforms; the others
# (aid, money, supplies, technology, "system") are what a TRANSFER moves, not a weapon.
WEAPON_KINDS = frozenset({"missile", "rocket", "drone", "ammunition", "bomb", "launcher", "artillery",
                          "gun", "armour", "vehicle", "aircraft", "weapon"})
PRONOUNS = {
    "he": "PERSON", "him": "PERSON", "himself": "PERSON", "she": "PERSON", "her": "PERSON",
    "herself": "PERSON", "i": "PERSON", "me": "PERSON", "myself": "PERSON",
    "we": "GROUP", "us": "GROUP", "ourselves": "GROUP", "they": "GROUP", "them": "GROUP",
    "themselves": "GROUP",
}
# Tokens a named entity may be widened over, left of it inside its noun phrase: the
# determiner and titles or descriptors ("the", "President", "Iraqi President").
WIDEN_DEPS = frozenset({"det", "compound", "amod", "nmod", "poss", "case", "punct"})
PLURAL_TAGS = frozenset({"NNS", "NNPS"})
# Numbers in front of a head are mentions of their own, not part of the phrase.
QUANTITY_DEPS = frozenset({"nummod", "quantmod"})
QUANTITY_ENTS = frozenset({"CARDINAL", "QUANTITY"})
# Phrase classes that take an "of" + name complement ("the city of Mosul"), and the
# entity labels such a name may have.
OF_LABELS = frozenset({"PERSON", "GROUP", "ORG", "LOC", "FAC", "GPE"})
OF_NAMES = frozenset({"GPE", "LOC", "FAC", "ORG", "NORP"})
PLACE_LABELS = frozenset({"GPE", "LOC", "FAC"})
LOCATIVE_PREPOSITIONS = frozenset({"near", "in", "at", "outside", "around", "inside"})
POSSESSIVE_MARKS = frozenset({"'s", "’s", "'", "’"})


@dataclass(frozen=True)
class MentionHeads:
    """Head-noun lemma -> class (PERSON, GROUP, ORG, LOC, FAC, VEHICLE, DOCUMENT) and
    weapon lemma -> kind (a materiel kind, or "weapon"/"platform" from mention_heads.yaml)."""

    classes: dict[str, str]
    weapons: dict[str, str]

    def classify(self, head: Token) -> tuple[str, str] | None:
        """(label, kind) for a noun-phrase head, or None when it names nothing we track."""
        for key in (head.lemma_.lower(), head.lower_):
            cls = self.classes.get(key)
            if cls is not None:
                if cls == "PERSON" and head.tag_ in PLURAL_TAGS:
                    return "GROUP", key
                return cls, key
            kind = self.weapons.get(key)
            if kind is not None:
                return "WEAPON", kind
        return None


@lru_cache(maxsize=1)
def load_mention_heads() -> MentionHeads:
    """The head nouns of ``mention_heads.yaml`` (as the lexicon reads them) and the weapon
    part of the materiel lexicon, once."""
    lexicon = load_lexicon()
    weapons = {w: k for w, k in lexicon.materiel.items() if k in WEAPON_KINDS and w not in lexicon.personnel}
    kinds = {"WEAPON": "weapon", "PLATFORM": "platform"}
    weapons.update({word: kinds[cls] for word, cls in lexicon.heads.items() if cls in kinds})
    classes = {word: cls for word, cls in lexicon.heads.items() if cls not in kinds}
    for word in lexicon.personnel:  # "troops", "forces": a group of people, whatever materiel says
        classes.setdefault(word, "GROUP")
    return MentionHeads(classes=classes, weapons=weapons)


def phrase_mentions(doc: Doc, heads: MentionHeads | None = None, *, pronouns: bool = True) -> list[Span]:
    """Typed noun-phrase and pronoun mentions of ``doc`` in reading order (see module doc).

    :param doc: a parsed Doc (``noun_chunks`` needs the dependency parse).
    :param heads: the head-noun lexicon (default: :func:`load_mention_heads`).
    :param pronouns: also return personal pronouns.
    """
    heads = heads or load_mention_heads()
    ent_at = {i: ent for ent in doc.ents for i in range(ent.start, ent.end)}
    out: list[Span] = []
    for chunk in doc.noun_chunks:
        span = _chunk_mention(chunk, ent_at, heads, pronouns)
        if span is not None:
            out.append(span)
    return _join_place_appositions(_without_overlaps(out))


def trim_entity(span: Span) -> Span | None:
    """A named-entity span without what the statistical NER sometimes takes in: a leading
    preposition ("Near Ar Raqqah"), a trailing possessive ("NAVCENT's") or a trailing
    footnote mark (",[1"); None if nothing is left. A PERSON or ORG that loses a
    locative preposition is a place ("Near Palmyra" tagged PERSON).

    >>> import spacy
    >>> doc = spacy.blank("en")("Near Palmyra , strikes hit")
    >>> doc.ents = [Span(doc, 0, 2, label="PERSON")]
    >>> span = trim_entity(doc.ents[0]); (span.text, span.label_)
    ('Palmyra', 'GPE')
    """
    start, end = span.start, span.end
    doc = span.doc
    while start < end and (doc[start].pos_ == "ADP" or doc[start].lower_ in LOCATIVE_PREPOSITIONS):
        start += 1
    while end > start and (doc[end - 1].lower_ in POSSESSIVE_MARKS or _is_footnote(doc[end - 1])):
        end -= 1
    if start >= end:
        return None
    if (start, end) == (span.start, span.end):
        return span
    label = span.label_
    if label in {"PERSON", "ORG"} and start > span.start and doc[start - 1].lower_ in LOCATIVE_PREPOSITIONS:
        label = "GPE"
    return Span(doc, start, end, label=label, kb_id=span.kb_id_)


def _is_footnote(token: Token) -> bool:
    """"[1", "]", "," at the end of a Wikipedia name."""
    return token.is_punct or token.text.startswith("[")


def _chunk_mention(chunk: Span, ent_at: dict[int, Span], heads: MentionHeads, pronouns: bool) -> Span | None:
    root = chunk.root
    ent = ent_at.get(root.i)
    if ent is not None and _mistagged_weapon(ent, heads):
        ent = None
    if ent is not None:
        named = trim_entity(ent)
        if named is None:
            return None
        widened = _widened(chunk, named) if named.start == ent.start else named  # not back over "Near"
        if widened.label_ == "NORP" and root.tag_ in PLURAL_TAGS:  # "Iraqis", "the Syrians": people
            widened = Span(chunk.doc, widened.start, widened.end, label="GROUP", kb_id=widened.kb_id_)
        return _with_of_phrase(widened, ent_at)
    if root.pos_ == "PRON":
        label = PRONOUNS.get(root.lower_) if pronouns else None
        return Span(chunk.doc, root.i, root.i + 1, label=label) if label else None
    found = heads.classify(root)
    if found is None:
        return None
    label, kind = found
    span = Span(chunk.doc, _after_quantity(chunk), root.i + 1, label=label, kb_id=kind)
    return _with_of_phrase(span, ent_at) if label in OF_LABELS else span


def _mistagged_weapon(ent: Span, heads: MentionHeads) -> bool:
    """"VBIED" or "UAV" tagged ORG by the statistical NER: one token, no gazetteer id, and a
    weapon word of the lexicon."""
    return len(ent) == 1 and not ent.ent_id_ and ent.label_ != "WEAPON" and (
        ent[0].lower_ in heads.weapons or ent[0].lemma_.lower() in heads.weapons)


def _after_quantity(chunk: Span) -> int:
    """Where the phrase starts once a number is left out: "four ISIL tactical units" ->
    "ISIL tactical units" (the number is a mention of its own)."""
    start = chunk.start
    for tok in chunk:
        if tok.i >= chunk.root.i:
            break
        if tok.like_num or tok.dep_ in QUANTITY_DEPS or tok.ent_type_ in QUANTITY_ENTS:
            start = tok.i + 1
    return start


def _widened(chunk: Span, ent: Span) -> Span:
    """The entity stretched left over its noun phrase's determiner and title words."""
    start, first = ent.start, _after_quantity(chunk)
    while start > first and chunk.doc[start - 1].dep_ in WIDEN_DEPS:
        start -= 1
    return Span(chunk.doc, start, ent.end, label=ent.label_, kb_id=ent.ent_id_ or "")


def _with_of_phrase(span: Span, ent_at: dict[int, Span]) -> Span:
    """"the city" + "of Mosul", "the people" + "of Iraq": a noun phrase whose "of" names a
    place or organisation takes the name in ("the Islamic State of Iraq and the Levant")."""
    doc = span.doc
    if span.end >= len(doc) or doc[span.end].lower_ != "of" or doc[span.end].head.i != span.root.i:
        return span
    objects = [c for c in doc[span.end].children if c.dep_ == "pobj"]
    if not objects:
        return span
    end = span.end
    for obj in [objects[0], *objects[0].conjuncts]:
        named = ent_at.get(obj.i)
        if named is None or named.label_ not in OF_NAMES:
            break
        end = max(end, named.end)
    if end == span.end:
        return span
    return Span(doc, span.start, end, label=span.label_, kb_id=span.kb_id_)


def _without_overlaps(spans: list[Span]) -> list[Span]:
    """Keep the first of two overlapping spans ("of" phrases can reach into the next chunk)."""
    out: list[Span] = []
    for span in spans:
        if out and span.start < out[-1].end:
            continue
        out.append(span)
    return out


def _join_place_appositions(spans: list[Span]) -> list[Span]:
    """"Sarmada, Syria" and "Fort Campbell, Kentucky": a place and the larger place that
    locates it are one mention."""
    out: list[Span] = []
    for span in spans:
        prev = out[-1] if out else None
        if (prev is not None and prev.label_ in PLACE_LABELS and span.label_ in PLACE_LABELS
                and span.start == prev.end + 1 and span.doc[prev.end].text == ","
                and span.root.dep_ == "appos" and span.root.head.i == prev.root.i):
            out[-1] = Span(span.doc, prev.start, span.end, label=prev.label_, kb_id=prev.kb_id_)
            continue
        out.append(span)
    return out
