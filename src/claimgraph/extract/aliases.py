"""Aliases the text itself states: "the Shahed-136, which the Houthis field under the name
Waid", "Wing Loong II drones (also called GJ-2)", "Yemen's Houthi movement, formally known as
Ansar Allah". The second name becomes an alias of the first entity, in this document and,
through the resolver, in every later one.
"""

from __future__ import annotations

import numpy
from spacy.attrs import LEMMA, LOWER
from spacy.matcher import Matcher
from spacy.tokens import Doc, Span, Token

from ..analyze.views import doc_ents
from ..model import Entity
from .mentions import Mentions

NAMED_AS = ["known", "called", "dubbed", "designated", "codenamed", "nicknamed"]
NAME_NOUNS = ["name", "designation"]
NAMING_VERBS = ["call", "designate", "name"]
ALIAS_CUES = [
    [{"LOWER": {"IN": NAMED_AS}}, {"LOWER": "as", "OP": "?"}, {"LOWER": "the", "OP": "?"}],
    [{"LOWER": "under"}, {"LOWER": "the"}, {"LOWER": {"IN": NAME_NOUNS}}],
    [{"LOWER": {"IN": ["known", "called"]}}, {"LOWER": "in"}, {"POS": "PROPN", "OP": "+"}, {"LOWER": "as"}],
    [{"LOWER": {"IN": ["which", "that"]}}, {"POS": {"IN": ["PROPN", "NOUN", "DET"]}, "OP": "+"},
     {"LEMMA": {"IN": NAMING_VERBS}}, {"LOWER": "the", "OP": "?"}],
]
# every cue holds one of these words (lower-cased) or lemmas: a document without any has
# no cue, and the Matcher (its optional and repeated tokens tried at every word) need not run
CUE_WORDS = NAMED_AS + NAME_NOUNS
CUE_LEMMAS = NAMING_VERBS
REFERENT_LABELS = {"WEAPON", "ORG", "PERSON"}


def alias_matcher(vocab) -> Matcher:
    matcher = Matcher(vocab)
    matcher.add("ALIAS_CUE", ALIAS_CUES)
    return matcher


def may_hold_cue(doc: Doc) -> bool:
    """Whether ``doc`` has a word or lemma every alias cue needs one of."""
    strings = doc.vocab.strings
    words = numpy.array([strings.add(w) for w in CUE_WORDS], dtype="uint64")
    lemmas = numpy.array([strings.add(w) for w in CUE_LEMMAS], dtype="uint64")
    columns = doc.to_array([LOWER, LEMMA]).reshape(len(doc), 2)
    return bool(numpy.isin(columns[:, 0], words).any() or numpy.isin(columns[:, 1], lemmas).any())


def find_aliases(doc: Doc, matcher: Matcher, mentions: Mentions) -> list[tuple[Entity, str]]:
    """(entity, alias) pairs stated in ``doc``; each alias is added to its entity."""
    found = acronyms(doc, mentions)
    cues = matcher(doc, as_spans=False) if len(doc) and may_hold_cue(doc) else []
    for _, start, end in cues:
        name = name_after(doc, end)
        if name is None:
            continue
        referent = referent_of(doc[start], mentions)
        if referent is None or name.text.lower() == referent.name.lower():
            continue
        entity = mentions.resolver.add_alias(referent, name.text)
        mentions.keep(entity)
        found.append((entity, name.text))
    return found


def acronyms(doc: Doc, mentions: Mentions) -> list[tuple[Entity, str]]:
    """"U.S. Central Command (CENTCOM)", "the Joint Chiefs of Staff (JCS)": the bracketed
    capitals right after an organisation's name are its acronym."""
    found = []
    for ent in doc_ents(doc):
        if ent.label_ != "ORG":
            continue
        if ent[-1].text == "(":  # the tagger sometimes swallows the bracket
            ent = doc[ent.start:ent.end - 1]
        if ent.end + 2 >= len(doc) or len(ent) == 0:
            continue
        opening, short, closing = doc[ent.end], doc[ent.end + 1], doc[ent.end + 2]
        if opening.text == "(" and closing.text == ")" and short.is_upper and 2 <= len(short.text) <= 8:
            entity = mentions.resolve_span(ent, "ORG")
            if entity is not None and short.text not in entity.aliases and short.text != entity.name:
                entity = mentions.resolver.add_alias(entity, short.text)
                mentions.keep(entity)
                found.append((entity, short.text))
    return found


def name_after(doc: Doc, i: int) -> Span | None:
    """The name right after a cue: capitalised words, digits and hyphens ("GJ-2", "Ansar Allah")."""
    end = i
    while end < len(doc) and (doc[end].is_title or doc[end].is_upper or doc[end].text == "-"
                              or doc[end].like_num and end > i or doc[end].text[:1].isupper()):
        end += 1
    while end > i and doc[end - 1].text == "-":
        end -= 1
    return doc[i:end] if end > i else None


def referent_of(cue: Token, mentions: Mentions) -> Entity | None:
    """What the alias names: the nearest named thing (or weapon noun) the cue hangs from."""
    node = cue
    for _ in range(8):
        span = mentions.span_at(node)
        if span is not None and span.label_ in REFERENT_LABELS:
            return mentions.resolve_span(span)
        if mentions.materiel_kind(node) is not None and node.pos_ == "NOUN":
            if node.dep_ == "appos":  # "the Shahed-136, an attack drone that ... Waid"
                named = mentions.span_at(node.head)
                if named is not None and named.label_ in REFERENT_LABELS:
                    return mentions.resolve_span(named)
            return mentions.weapon(node)
        if node.head.i == node.i:
            return None
        node = node.head
    return None
