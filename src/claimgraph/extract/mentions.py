"""Who and what a document mentions: named entities, generic weapons, speakers.

``Mentions`` is built once per spaCy ``Doc``. It maps tokens to the entity spans
that cover them and turns a token (an argument the parser found) into a resolved
``Entity``: a named one through the resolver, a generic weapon ("North Korean
ballistic missiles") or an unnamed speaker ("a military source") built here.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Sequence
from functools import cached_property

import numpy
from spacy.attrs import IS_LOWER, IS_UPPER, LOWER
from spacy.tokens import Doc, Span, Token

from ..analyze.components import VESSEL_PREFIXES
from ..analyze.views import doc_ents, lower_lemmas, proper_nouns, span_ents, token_texts
from ..datafiles import given_names, grammar
from ..model import Entity
from ..resolve.dates import resolve_time
from ..resolve.entities import is_small_town
from ..resolve.entities import without_suffix as _without_suffix
from ..resolve.places import strip_accents
from .lexicon import Lexicon

NAMED_LABELS = {"PERSON", "ORG", "GPE", "LOC", "FAC", "NORP", "WEAPON"}
NAMED_OR_TIME = frozenset(NAMED_LABELS | {"DATE", "TIME"})
NAME_PARTICLES = frozenset(grammar()["name_particles"])
PLACE_LABELS = {"GPE", "LOC", "FAC"}
PLACE_NOUNS = frozenset(grammar()["place_nouns"])
ARMED_BODY_WORDS = frozenset(grammar()["armed_body_nouns"])
ARMY_NOUNS = frozenset(grammar()["army_nouns"])
# role nouns that make a named person the voice of the organisation named before them
SPOKES_NOUNS = frozenset(grammar()["spokes_nouns"])
# kinds of ship a ship's name follows ("the bulk carrier Star Meridian")
SHIP_KINDS = frozenset(grammar()["ship_kinds"])
LOCATIVE_PREPS = frozenset(grammar()["locative_preps"])
PRONOUNS = frozenset(grammar()["pronouns"])
# head-noun classes (mention_heads.yaml) of things that can be hit: sites, vehicles, vessels
CRAFT_CLASSES = frozenset({"VEHICLE", "PLATFORM"})
# organisations with forces of their own (organizations.jsonl kinds)
ARMED_BODY_KINDS = frozenset({"armed group", "armed forces", "military command", "paramilitary", "air force",
                              "private military company", "peacekeeping mission", "general staff",
                              "security service", "military alliance"})
THING_CLASSES = CRAFT_CLASSES | {"FAC"}
BIG_TOWN = 100_000
TOWN_STRIKING_VERBS = frozenset(grammar()["town_striking_verbs"])
_SLUG = re.compile(r"[^a-z0-9]+")


def slug(text: str) -> str:
    return _SLUG.sub("-", text.lower()).strip("-")


def joined_to_a_place(tok: Token, is_place) -> bool:
    """"fired rockets at Tel Aviv and Ashkelon", "struck Kharkiv, Sumy and Ivano-Frankivsk": a
    name joined by "and" or a comma to the places before it, the first of them tagged a place,
    governed by a locative preposition or a known place however tagged."""
    if tok.dep_ != "conj":
        return False
    first = tok.head
    while first.dep_ == "conj" and first.head.i != first.i:
        first = first.head
    return first.ent_type_ in {"GPE", "LOC"} or first.dep_ == "pobj" and first.head.lower_ in LOCATIVE_PREPS \
        or first.pos_ == "PROPN" and is_place(first.text)


# what the tagger may call a person's surname standing alone (not a nationality or a
# language: "Bill English ... in English" is no person)
SURNAME_MISREADINGS = frozenset({"GPE", "LOC", "ORG", "FAC", "PRODUCT", "WORK_OF_ART", "EVENT", "LAW"})


class Mentions:
    """Entity lookup for one document."""

    def __init__(self, doc: Doc, resolver, lexicon: Lexicon):
        self.doc = doc
        self.resolver = resolver
        self.lex = lexicon
        self.entities: dict[str, Entity] = {}
        self.by_token: dict[int, Span] = {}
        for ent in doc_ents(doc):
            if ent.label_ in NAMED_LABELS:
                for i in range(ent.start, ent.end):
                    self.by_token[i] = ent
        for span in self._untagged_places(doc) + self._places_naming_attacks(doc):
            for i in range(span.start, span.end):
                self.by_token[i] = span
        for span in self._surnames_tagged_otherwise(doc) + self._names_joined_to_a_person(doc) \
                + self._names_set_off_by_a_title(doc) + self._demonyms_tagged_as_names(doc) \
                + self._acronyms_of_known_bodies(doc):
            for i in range(span.start, span.end):
                self.by_token[i] = span
        self.countries = self._context_countries()
        self.last_weapon: Entity | None = None
        self.topic_weapon: Entity | None = None
        self.last_person: Entity | None = None
        self.groups: dict[int, Entity] = {}  # token index -> organisation named there ("the group")
        self.sides: dict[str, dict[str, Entity]] = {}  # "troop" -> the parties "<X> troops" named so far
        self.armies: dict[str, Entity] = {}  # the states whose army the article named ("Sudan's army")
        self.allies: set[frozenset[str]] = set()  # parties whose forces one phrase names ("Kenyan and Somali troops")
        self.last_speaker: Entity | None = None
        self.last_issuer: Entity | None = None  # who last spoke through a statement ("the release said")
        self.speakers: list[Entity] = []  # most recent last
        self.designations: dict[str, Entity] = {}  # "toufan" -> the Toufan named in "a Toufan missile"

    @staticmethod
    def _surnames_tagged_otherwise(doc: Doc) -> list[Span]:
        """"Rosa Villalba ... attacks on Villalba": a person's surname the tagger read as a place,
        an organisation or a product ("attacked Mendes again") elsewhere in the article, or left
        unnamed, is still that person."""
        surnames = person_surnames(doc)
        return [Span(doc, ent.start, ent.end, label="PERSON") for ent in doc_ents(doc)
                if ent.label_ in SURNAME_MISREADINGS and len(ent) == 1 and ent.text in surnames] \
            + [Span(doc, tok.i, tok.i + 1, label="PERSON") for tok in Mentions._surnames_untagged(doc, surnames)]

    @staticmethod
    def _surnames_untagged(doc: Doc, surnames: set[str]) -> list[Token]:
        """"Farook and his wife died" after "Sayed Farook": a surname standing alone that the
        tagger left unnamed, when the article never writes the word in lower case and it is no
        part of a longer name."""
        if not surnames:
            return []
        words, written_lower = doc.to_array([LOWER, IS_LOWER]).T
        common = {name for name in surnames
                  if (written_lower[words == doc.vocab.strings.add(name.lower())] == 1).any()}
        return [tok for tok in proper_nouns(doc)
                if tok.text in surnames and tok.text not in common and not tok.ent_type_
                and not (tok.i > 0 and doc[tok.i - 1].pos_ == "PROPN")
                and not (tok.i + 1 < len(doc) and doc[tok.i + 1].pos_ == "PROPN")]

    def _names_joined_to_a_person(self, doc: Doc) -> list[Span]:
        """"Hege and Dunakin were gunned down": a capitalised name joined by "and" to a person's
        name, that the tagger left unnamed and no gazetteer knows as a place, is a person too."""
        out = []
        for tok in proper_nouns(doc):
            if tok.ent_type_ or not tok.is_title or len(tok) < 3 or tok.is_sent_start:
                continue
            partners = [tok.head] if tok.dep_ == "conj" else [c for c in tok.children if c.dep_ == "conj"]
            if not any(p.ent_type_ == "PERSON" and p.pos_ == "PROPN" for p in partners):
                continue
            start = tok.i
            while start > 0 and doc[start - 1].pos_ == "PROPN" and not doc[start - 1].ent_type_ \
                    and doc[start - 1].dep_ == "compound" and doc[start - 1].head.i == tok.i:
                start -= 1
            span = Span(doc, start, tok.i + 1, label="PERSON")
            if not self.resolver.is_place(span.text):
                out.append(span)
        return out

    def _acronyms_of_known_bodies(self, doc: Doc) -> list[Span]:
        """"ECOWAS on Friday condemned the coup": an organisation's acronym the gazetteer knows
        that the tagger left unnamed (or read as a verb) is that organisation."""
        capitals = (doc[int(i)] for i in numpy.flatnonzero(doc.to_array([IS_UPPER]).ravel()))
        return [Span(doc, tok.i, tok.i + 1, label="ORG") for tok in capitals
                if len(tok) >= 3 and tok.is_alpha and not tok.ent_type_
                and self.resolver.gazetteer_body(tok.text) is not None]

    def _demonyms_tagged_as_names(self, doc: Doc) -> list[Span]:
        """"when Azerbaijani units opened fire": a country's adjective the tagger read as a
        person's or an organisation's name is the nationality."""
        return [Span(doc, ent.start, ent.end, label="NORP") for ent in doc_ents(doc)
                if ent.label_ in {"PERSON", "ORG"} and len(ent) == 1 and self._demonym(ent.text)]

    def _demonym(self, word: str) -> bool:
        """"Azerbaijani", "Thai": a country's adjective (not "Zangilan", a district the tagger calls a people)."""
        code = self.resolver.country_code(word)
        return code is not None and self.resolver.country_demonym(code) == word

    def _names_set_off_by_a_title(self, doc: Doc) -> list[Span]:
        """"Dmytro Lubinets, Ukraine's human rights commissioner, accused ...": a capitalised name
        the tagger left unnamed, followed by an appositive that is one person's title or role, is
        that person (not a place, and not an organisation the gazetteer knows)."""
        out = []
        for tok in proper_nouns(doc):
            if tok.ent_type_ or not tok.is_title or tok.dep_ == "compound" or tok.i + 1 == len(doc) \
                    or doc[tok.i + 1].text != "," or not any(
                    c.dep_ == "appos" and c.tag_ == "NN" and self.lex.heads.get(c.lemma_.lower()) == "PERSON"
                    for c in tok.children):
                continue
            start = tok.i
            while start > 0 and doc[start - 1].pos_ == "PROPN" and doc[start - 1].is_title \
                    and not doc[start - 1].ent_type_ and doc[start - 1].head.i == tok.i:
                start -= 1
            span = Span(doc, start, tok.i + 1, label="PERSON")
            if not self.resolver.is_place(span.text) and self.resolver.gazetteer_body(span.text) is None:
                out.append(span)
        return out

    def _untagged_places(self, doc: Doc) -> list[Span]:
        """"killed in Kyiv": a known place after a locative preposition that the NER missed.

        Only proper nouns governed by "in/near/at/..." are tried, so a surname that is
        also a town somewhere ("Verona") is not turned into a place.
        """
        out = []
        surnames = person_surnames(doc)
        for tok in proper_nouns(doc):
            if tok.text in surnames:
                continue  # "fired at Verona" after "Henry Verona": the man, not a town
            kind_named = tok.dep_ in {"compound", "nmod"} and tok.head.lemma_.lower() in PLACE_NOUNS
            joined = joined_to_a_place(tok, self.resolver.is_place)
            governed = (tok.dep_ == "pobj" and tok.head.lower_ in LOCATIVE_PREPS
                        or tok.dep_ == "pobj" and tok.head.lower_ == "of" and tok.head.head.lower_ in PLACE_NOUNS
                        or kind_named or joined)
            # "Kursk" as PRODUCT is a tagging slip too; "on March 9" is a date, never a place; nor is a
            # one-word "person" or "body" joined to places or naming a region ("the Donetsk and Luhansk regions")
            # ... nor is one naming the district the happening was in ("in the Zangilan district")
            located = tok.head.dep_ == "pobj" and tok.head.head.lower_ in LOCATIVE_PREPS
            untagged = tok.ent_type_ not in NAMED_OR_TIME or starts_a_time_by_mistake(tok) \
                or (joined or kind_named and (tok.head.tag_ == "NNS" or located)) \
                and (tok.ent_type_ in {"PERSON", "ORG"} or tok.ent_type_ == "NORP" and not self._demonym(tok.text)) \
                and (span := self.by_token.get(tok.i)) is not None and len(span) == 1
            if untagged and governed and tok.is_title and len(tok) > 3:
                start = tok.i
                while start > 0 and doc[start - 1].ent_type_ not in NAMED_LABELS and doc[start - 1].head.i == tok.i \
                        and (doc[start - 1].pos_ == "PROPN" and doc[start - 1].dep_ == "compound"
                             or doc[start - 1].tag_ == "HYPH" and start > 1 and doc[start - 2].pos_ == "PROPN"):
                    start -= 1  # "Ivano-Frankivsk": the name's first part, across its hyphen
                if start > 0 and doc[start - 1].ent_type_ in {"ORG", "FAC"} and doc[start - 1].head.i == tok.i:
                    continue  # "in Denver's KTV Center": the end of a building's name, not Center, Texas
                span = Span(doc, start, tok.i + 1, label="GPE")
                if self.resolver.is_place(span.text):
                    out.append(span)
        return out

    def _places_naming_attacks(self, doc: Doc) -> list[Span]:
        """"the Nairobi attack", "the Nice attack", "drones hit Kyiv": an untagged name before an
        attack noun or struck by an attack verb that is a city of 100,000 or more (a surname that
        is also a village stays a name)."""
        attack = self.lex.types["ATTACK"]
        attack_nouns = attack.nouns | attack.weapon_nouns
        out = []
        surnames = person_surnames(doc)
        named = self._names_before_attack_nouns(doc, attack_nouns) + [
            tok for tok in self._names_attacked(doc, TOWN_STRIKING_VERBS) if tok.text not in surnames]
        for tok in named:
            # (the small model tags some towns products or titles: "Kramatorsk", "Kursk", "Chernihiv")
            if tok.is_title and tok.ent_type_ in {"", "PRODUCT", "WORK_OF_ART"}:
                place = self.resolver.resolve(tok.text, "GPE", context_countries=())
                if place is not None and place.lat is not None \
                        and (place.attrs.get("population") or 0) >= BIG_TOWN:
                    out.append(Span(doc, tok.i, tok.i + 1, label="GPE"))
        return out

    @staticmethod
    def _names_before_attack_nouns(doc: Doc, attack_nouns: frozenset[str]) -> list[Token]:
        """The modifiers of attack nouns, directly or through a compound ("Kyiv drone attack"):
        a headline's town is often tagged an adjective ("Odesa missile strike leaves five dead")."""
        lemmas = lower_lemmas(doc)
        out = []
        for i in (i for i, lemma in enumerate(lemmas) if lemma in attack_nouns):
            for child in doc[i].children:
                if child.dep_ in {"compound", "amod"}:
                    out.append(child)
                    out.extend(c for c in child.children if c.dep_ in {"compound", "amod"} and c.i < child.i)
        return out

    @staticmethod
    def _names_attacked(doc: Doc, verbs: frozenset[str]) -> list[Token]:
        """The one-word proper-noun objects of attack verbs ("Russian drones hit Kyiv")."""
        lemmas = lower_lemmas(doc)
        return [c for i, lemma in enumerate(lemmas) if lemma in verbs and doc[i].pos_ == "VERB"
                for c in doc[i].children if c.dep_ == "dobj" and c.pos_ == "PROPN" and not c.n_lefts]

    # -- resolution -----------------------------------------------------------------
    def _context_countries(self) -> list[str]:
        # a country's name is context whatever the tagger called it ("in central Mali", tagged a person);
        # not where someone is based ("the Pakistan-based Jaish-e-Mohammed" in a story of Poonch:
        # a bare "Army" there is no Pakistan Army)
        names = [e.text for e in doc_ents(self.doc) if e.label_ in {"GPE", "NORP", "PERSON", "ORG"}
                 and not names_a_base(e)]
        try:
            return list(self.resolver.countries_in(names))
        except AttributeError:
            return []

    def keep(self, entity: Entity | None) -> Entity | None:
        if entity is None:
            return None
        known = self.entities.get(entity.id)
        if known is None:
            self.entities[entity.id] = entity
            return entity
        for alias in entity.aliases:
            if alias not in known.aliases:
                known.aliases.append(alias)
        return known

    def resolve_span(self, span: Span, label: str | None = None) -> Entity | None:
        label = label or span.label_
        text = span.text.strip()
        if not text or text.lower() in PRONOUNS:
            return None
        bare = text[4:] if text[:4].lower() == "the " else text
        vessel = self.vessel_named(bare) if bare[:1].isupper() and (" " not in bare or bare in self._vessels) else None
        if vessel is not None:
            return vessel  # "the Mysore" after "INS Mysore": the ship, not the Indian city
        if " " not in text and text[:1].isupper() and label != "WEAPON" \
                and (label == "PERSON" or not self.resolver.is_place(text)):
            # "Dotan said" after "Eyal Dotan", whatever the tag; "killed Trayvon" after "Trayvon
            # Martin", though the tagger called the given name a place
            person = self.full_name_for(text) or self.given_name_for(text)
            if person is not None:
                return person
        if label == "PERSON":
            person = self.fuller_name_for(text)
            if person is not None:
                return person
        if label not in PLACE_LABELS and self.looks_like_place(span):
            label = "GPE"
        ent = self.resolver.resolve(text, label, context_countries=self.countries)
        if ent is not None and self._someone_taken_for_a_town(span, ent):
            return self.keep(self.resolver.person(text))
        if ent is not None and self._town_by_mistake(span, ent):
            return self.keep(self.resolver.resolve(text, "PERSON", context_countries=self.countries)) \
                if span.root.dep_ == "nsubj" else None
        if ent is not None and ent.type in {"PERSON", "ORG"} and " " not in text:
            ent = self.full_name_for(text) or ent  # "Lytvyn" (even tagged ORG) after "Serhiy Lytvyn"
            if ent.type == "ORG" and not ent.attrs:  # an unknown one-word "organisation" a person here bears
                ent = next((e for e in self.entities.values() if e.type == "PERSON" and e.name == ent.name), ent)
        ent = self.keep(ent)
        if ent is not None and ent.type == "ORG" and len(span) > 1 and span[0].text in VESSEL_PREFIXES:
            ent.attrs.setdefault("kind", "vessel")
        if ent is not None and ent.type == "ORG" and not ent.attrs \
                and (len(span) <= 2 or self.possessive_country(span) is not None):
            ent = self.national_body(span, ent)  # "Azerbaijan's Ministry of Defence" is Azerbaijan's
        if ent is not None and ent.type == "PERSON":
            self.last_person = ent
            org = self.affiliation(span)
            if org is not None and "speaks_for" not in ent.attrs:
                ent.attrs["speaks_for"] = org.id
        if ent is not None and ent.type in {"ORG", "NORP"} and not ent.attrs.get("outlet"):
            self.groups[span.start] = ent
        if ent is not None and ent.type == "WEAPON":
            self.last_weapon = ent
        return ent

    def _town_by_mistake(self, span: Span, ent: Entity) -> bool:
        """One capitalised word the tagger called a place that a small town happens to bear:
        "Bush says ..." (a town in Egypt), "Police say ..." (a town in Poland, and a word the
        article writes in lower case too). Speakers and common words are no towns; a capital,
        a big city or a country still speaks ("Moscow says")."""
        if len(span) != 1 or ent.lat is None or not is_small_town(ent):
            return False
        word = span[0]
        speaks = word.dep_ == "nsubj" and word.head.lemma_.lower() in self.lex.words("reporting_verbs")
        return speaks or word.lower_ in self._lower_case_words

    def _someone_taken_for_a_town(self, span: Span, ent: Entity) -> bool:
        """One word the tagger called a person that a big town bears, which the sentence shows
        to be someone: shot, stabbed or killed ("the gunman shot Jackson twice"). (A town that
        speaks is left a town: "Kyiv said" is Ukraine's capital speaking.)"""
        if span.label_ != "PERSON" or len(span) != 1 or ent.type not in PLACE_LABELS or is_country(ent):
            return False
        word, verb = span[0], span[0].head
        return word.dep_ in {"dobj", "nsubjpass"} and verb.lemma_.lower() in self.lex.words("person_harming_verbs")

    @cached_property
    def _full_names(self) -> list[tuple[str, str]]:
        """(name, name without suffix) of each PERSON of several words the tagger found."""
        return [(s.text, _without_suffix(s.text)) for s in doc_ents(self.doc)
                if s.label_ == "PERSON" and " " in s.text.strip()]

    @cached_property
    def _lower_case_words(self) -> frozenset[str]:
        lower = self.doc.to_array(IS_LOWER).tolist()
        return frozenset(text for text, is_lower in zip(token_texts(self.doc), lower) if is_lower)

    def national_body(self, span: Span, found: Entity) -> Entity:
        """"the army" in an article about Sudan: Sudan's army, when the gazetteer knows it.

        "Niger's defence ministry" names its owner: only Niger's body will do, known or not."""
        owner = self.possessive_country(span)
        if owner is not None:
            country = self.resolver.country_name(owner) or owner
            body = self.resolver.resolve(f"{country}'s {span.text.removeprefix('the ')}", "ORG")
            if body.country not in (None, owner):
                return found
            if not body.attrs:  # unknown: still that country's, never another's
                body.country = owner
                body.attrs["country"] = owner
            return self.keep(body)
        # the article's main countries only: a Ukrainian ship named in passing does not make
        # an Indian article's "Defence Ministry" Ukraine's
        for code in self.countries[:2]:
            country = self.resolver.country_name(code)
            if not country:
                continue
            body = self.resolver.resolve(f"{country}'s {span.text.removeprefix('the ')}", "ORG")
            if body.id != found.id and body.attrs and body.country in (None, code):
                return self.keep(body)
        return found

    def possessive_country(self, span: Span) -> str | None:
        """The country code of a "<Country>'s" right before ``span``."""
        doc = span.doc
        if span.start < 2 or doc[span.start - 1].lower_ not in {"'s", "’s"}:
            return None
        owner = doc[span.start - 2]
        named = self.span_at(owner)
        text = named.text if named is not None else owner.text
        return self.resolver.country_code(text)

    def affiliation(self, span: Span) -> Entity | None:
        """"Army spokesman Tarig el-Nour", "Kremlin spokesman Ivan Sokolov": the body a named
        official speaks for (so the official and the body count as one source)."""
        doc = span.doc
        start = max(span.sent.start, span.start - 6)
        before = doc[start:span.start]
        if not before or not any(t.lemma_.lower() in SPOKES_NOUNS for t in before):
            return self._appositive_body(span)
        for ent in reversed(span_ents(before)):
            if ent.label_ == "ORG":
                return self.resolve_span(ent)
        return self._appositive_body(span)

    def _appositive_body(self, span: Span) -> Entity | None:
        """"Iryna Koval, a spokeswoman for the prosecutor's office", "the head of the regional
        administration, Serhiy Lytvyn": the body named in the role noun beside the name."""
        from .attribution import speaker_entity  # attribution builds on this module

        root = span.root
        roles = [c for c in root.children if c.dep_ == "appos" and c.lemma_.lower() in SPOKES_NOUNS]
        if root.dep_ == "appos" and root.head.lemma_.lower() in SPOKES_NOUNS:
            roles.append(root.head)
        for role in roles:
            body = self._body_before_role(role, span)
            if body is not None:
                return body  # "Nirad Sinha, a navy spokesman"
            for prep in role.children:
                if prep.dep_ != "prep" or prep.lower_ not in {"for", "of", "at"}:
                    continue
                obj = next((c for c in prep.children if c.dep_ == "pobj"), None)
                if obj is None or span.start <= obj.i < span.end:
                    continue  # "Chief of Detectives Tom Hale" tagged as one name: no body of its own
                body = speaker_entity(obj, self, self.lex)
                if body is not None and body.type not in {"PERSON", "GPE", "LOC", "FAC"}:
                    return body
        return None

    def _body_before_role(self, role: Token, name: Span) -> Entity | None:
        """"a navy spokesman", "an army spokeswoman": the body a common noun before the role
        names, taken as the body of that kind this document speaks of."""
        from .attribution import speaker_entity  # attribution builds on this module

        for c in role.children:
            if c.dep_ == "compound" and c.pos_ in {"NOUN", "PROPN"} and not name.start <= c.i < name.end:
                body = speaker_entity(c, self, self.lex)
                if body is not None and body.type == "ORG":
                    return body
        return None

    @cached_property
    def _vessels(self) -> dict[str, set[str]]:
        """Name after the prefix -> the prefixed names the document gives ships ("Mysore" ->
        {"INS Mysore"}); and a name the document gives after a kind of ship -> itself ("the
        tanker Talara Star", "the bulk carrier Sea Falcon"), read once per document."""
        found: dict[str, set[str]] = {}
        for s in doc_ents(self.doc):
            if s.label_ == "ORG" and len(s) > 1 and s[0].text in VESSEL_PREFIXES:
                found.setdefault(s[1:].text, set()).add(s.text)
        for _kind, name in self._names_after_a_ship_kind:
            found.setdefault(name, set()).add(name)
        return found

    @cached_property
    def _names_after_a_ship_kind(self) -> list[tuple[Token, str]]:
        """"the tanker Talara Star", "the cargo ship Rubymar": the kind and the capitalised words
        right after it (not a state or a day the tagger knows: "a tanker Iran seized")."""
        names, doc = [], self.doc
        for i in (k for k, lemma in enumerate(lower_lemmas(doc)) if lemma in SHIP_KINDS):
            token = doc[i]  # (a Token only for the kind words, not for every word of the document)
            if token.pos_ != "NOUN":
                continue
            end = token.i + 1
            while end < len(doc) and doc[end].pos_ == "PROPN" and doc[end].text[:1].isupper():
                end += 1
            if end == token.i + 1 or any(t.ent_type_ in {"GPE", "DATE", "TIME"} for t in doc[token.i + 1:end]) \
                    or doc[token.i + 1].text in VESSEL_PREFIXES:
                continue  # ("the warship INS Tabar" is named with its prefix, as everywhere else)
            names.append((token, doc[token.i + 1:end].text))
        return names

    def vessel_at(self, token: Token) -> Entity | None:
        """"sank the Rubymar", "seized the Zara Queen": the ship the document named after its
        kind ("the cargo ship Rubymar"), by the proper nouns ``token`` ends."""
        if token.pos_ != "PROPN" or not self._vessels:
            return None
        start = token.i
        while start > 0 and self.doc[start - 1].pos_ == "PROPN":
            start -= 1
        name = self.doc[start:token.i + 1].text
        return self.vessel_named(name) if name in self._vessels else None

    def vessel_named(self, name: str) -> Entity | None:
        """The one ship the document names with its prefix as "INS ``name``", or after a kind
        of ship as "the tanker ``name``"."""
        full = self._vessels.get(name, set())
        if len(full) != 1:
            return None
        if full == {name}:  # as ``roles.ship_named_after_its_kind`` names it, so that the two are one
            return self.keep(self.resolver.resolve(name, "VESSEL"))
        return self.keep(self.resolver.resolve(next(iter(full)), "ORG", context_countries=self.countries))

    @cached_property
    def _vessel_descriptions(self) -> dict[str, dict[str, set[str]]]:
        """Noun -> the prefixed ship names the document gives it in apposition ("the MV Gibe, a
        merchant vessel", "the merchant vessel, MV Gibe") or names after it ("the bulk carrier
        Sea Falcon"), each with the kind words of its description ("merchant", "bulk"), read
        once per document."""
        found: dict[str, dict[str, set[str]]] = {}
        for s in doc_ents(self.doc):
            if s.label_ != "ORG" or len(s) < 2 or s[0].text not in VESSEL_PREFIXES:
                continue
            root = s.root
            nouns = [c for c in root.children if c.dep_ == "appos" and c.pos_ == "NOUN"]
            if root.dep_ == "appos" and root.head.pos_ == "NOUN":
                nouns.append(root.head)
            before = self.doc[s.start - 2] if s.start >= 2 and self.doc[s.start - 1].text == "," else None
            if before is not None and before.pos_ == "NOUN":
                nouns.append(before)  # the parser often hangs the name elsewhere
            for noun in nouns:
                found.setdefault(noun.lemma_.lower(), {}).setdefault(s.text, set()).update(kind_words(noun))
        for kind, name in self._names_after_a_ship_kind:  # "the bulk carrier Sea Falcon"
            found.setdefault(kind.lemma_.lower(), {}).setdefault(name, set()).update(kind_words(kind))
        return found

    def vessel_described(self, noun: Token) -> Entity | None:
        """"the merchant vessel" (or "a merchant vessel" in the headline or lead) in an article
        that names one ship so: that ship. An indefinite one later may be any other ship."""
        if noun.tag_ != "NN" or not self.is_thing(noun):
            return None
        dets = [c.lower_ for c in noun.children if c.dep_ == "det"]
        if not (dets and dets[0] in {"the", "this", "that"}) and noun.idx >= self.lead_end:
            return None
        # "the merchant ship" is not the one described as "their ship, the frigate INS Tabar"
        described = self._vessel_descriptions.get(noun.lemma_.lower(), {})
        full = [name for name, kinds in described.items() if kind_words(noun) <= kinds]
        if len(described) != 1 or len(full) != 1:
            return None
        # a name after a kind ("the bulk carrier Sea Falcon") is one ``vessel_named`` knows
        return self.vessel_named(full[0]) or self.keep(self.resolver.resolve(full[0], "ORG",
                                                                             context_countries=self.countries))

    @cached_property
    def lead_end(self) -> int:
        """Where the article's lead (its first sentence after the headline) ends, in characters."""
        headline_end = self.doc.user_data.get(HEADLINE_END, 0)
        return next((s.end_char for s in self.doc.sents if s.start_char >= headline_end), 0)

    def full_name_for(self, surname: str, other_than: str | None = None) -> Entity | None:
        """The one person named in full earlier in this document whose name ends in ``surname``
        (a name ``other_than`` aside)."""
        wanted = " " + strip_accents(surname).lower()  # "Diakite" after "Cheick Oumar Diakité"
        full = fullest_forms(given_names_first({text for text, bare in self._full_names
                                                if bare.endswith(wanted)} - {other_than}))
        if len({_without_suffix(name) for name in full}) > 1:
            return None  # "Maria Reyes" and "Tomas Reyes": "Reyes" is either
        found = [e for e in self.entities.values() if (e.type == "PERSON" or e.type == "ORG" and not e.attrs)
                 and " " in e.name and e.name != other_than and _without_suffix(e.name).endswith(wanted)]
        named = given_names_first({e.name for e in found})
        found = [e for e in found if e.name in named]
        if not found:  # named in full in a sentence no claim has read yet
            if len(full) == 1:
                person = self.resolver.resolve(full.pop(), "PERSON", context_countries=self.countries)
                return self.keep(person) if person is not None and person.type == "PERSON" else None
        return found[0] if len(found) == 1 else None

    def given_name_for(self, given: str) -> Entity | None:
        """The one person named in full in this document whose given name is ``given`` (a child
        or a teenager is often called by it alone: "Trayvon" after "Trayvon Martin")."""
        if len(given) < 3:
            return None
        wanted = strip_accents(given).lower()
        full = {bare for text, bare in self._full_names if strip_accents(bare.split()[0]).lower() == wanted}
        if len(full) != 1:
            return None  # nobody, or "Tracy Martin" and "Tracy Smith": either
        person = self.resolver.resolve(full.pop(), "PERSON", context_countries=self.countries)
        return self.keep(person) if person is not None and person.type == "PERSON" else None

    def fuller_name_for(self, name: str) -> Entity | None:
        """"Ben Banky" after "Benjamin David Banky": a given name and surname that the one
        person of that surname named in this document bears in full (the given name its
        first name or the start of it)."""
        words = name.split()
        if len(words) == 2 and words[0].lower() in NAME_PARTICLES:
            # "De Blasio said" after "Bill de Blasio": the particle opens the surname ("Ben Banky"
            # after "Benjamin David Banky" is a given name, read below)
            person = self.full_name_for(name, other_than=name)
            if person is not None and person.type == "PERSON":
                return person
        if len(words) != 2 or len(words[0].rstrip(".")) < 3:
            return None
        person = self.full_name_for(words[1], other_than=name)
        if person is None or person.type != "PERSON":
            return None
        first = strip_accents(person.name.split()[0]).lower()
        return person if first.startswith(strip_accents(words[0]).lower()) else None

    def looks_like_place(self, span: Span) -> bool:
        """A PERSON/ORG tag on a name followed by "region", or coordinated with a place
        ("from Moskow and Minsk"), is a tagging slip when the name is a known place
        (fuzzily, so that typos of capitals still land)."""
        if span.label_ == "NORP":
            # "fighting raged in Omdurman": a town tagged as a people; a people is never "in"
            # (the resolver reads demonyms as their country, with no coordinates)
            return span.root.dep_ == "pobj" and span.root.head.lower_ in {"in", "near", "at", "outside", "around"} \
                and self.resolver.is_place(span.text)
        if span.label_ not in {"PERSON", "ORG"}:
            return False
        nxt = span.doc[span.end] if span.end < len(span.doc) else None
        if nxt is not None and nxt.lower_ in PLACE_NOUNS:  # "Rakhine state", "Kachin region" too
            return self.resolver.is_place(span.text) or nxt.lower_ in {"state", "region", "province"} \
                and self.resolver.is_state_or_province(span.text)
        if nxt is not None and nxt.lower_ in {"'s", "’s"} and span.end + 1 < len(span.doc) \
                and span.doc[span.end + 1].lower_ in PLACE_NOUNS | {"southern", "northern", "eastern", "western"}:
            # "Beriut's southern suburbs": a place, even misspelled
            ent = self.resolver.resolve(span.text, "GPE", context_countries=self.countries)
            return ent is not None and ent.lat is not None
        if span.root.dep_ == "pobj" and span.root.head.lower_ in {"in", "near", "at", "outside", "around", "into"}:
            return self.resolver.is_place(span.text)  # "a school in Sumy" tagged PERSON
        if span.root.dep_ in {"dobj", "nsubjpass"} \
                and span.root.head.lemma_.lower() in self.lex.types["ATTACK"].place_objects:
            return self.town_of_the_story(span)  # "Fano captured Lalibela", "troops captured Fada" (an "ORG")
        if span.root.dep_ == "pobj" and span.root.head.lower_ in {"to", "toward", "towards"} and len(span) == 1:
            # "sent 300 soldiers to Niger on Monday", "deployed troops to Goma" tagged PERSON: a
            # country or a big city, as a lone name tagged a person is read (not "wrote to Smith")
            found = self.resolver.resolve(span.text, "PERSON", context_countries=self.countries)
            return found is not None and (found.lat is not None or is_country(found))
        if span.root.dep_ == "pobj" and span.root.head.lower_ == "of" and is_named_by_place(span.root.head.head):
            # "the oasis of Fada"; "the air base of Wadi Zamra", a name no gazetteer or lexicon knows
            return self.resolver.is_place(span.text) or self.unknown_name(span)
        if span.root.dep_ == "pobj" and span.root.head.lower_ == "of" and span.root.head.head.lower_ in PLACE_NOUNS:
            return self.resolver.is_place(span.text)  # "the port of Bandar Abbas"
        partners = [span.root.head] if span.root.dep_ == "conj" else []
        partners += [c for c in span.root.children if c.dep_ == "conj"]
        if any(p.ent_type_ == "GPE" for p in partners) and len(span) == 1:
            ent = self.resolver.resolve(span.text, "GPE", context_countries=self.countries)
            return ent is not None and ent.lat is not None
        return False

    def town_of_the_story(self, span: Span) -> bool:
        """One word the tagger called a person that a town of a country the story names bears,
        and neither a given name nor anyone the article named in full: what fighters capture
        there is the town."""
        if len(span) != 1 or span.text.lower() in given_names() or self.full_name_for(span.text) is not None:
            return False  # "captured Jackson": a name anyone may bear is someone's
        body = self.resolver.resolve(span.text, "ORG", context_countries=self.countries)
        if body is not None and body.type == "ORG" and body.attrs.get("kind"):
            return False  # "captured Wagner": a body the gazetteer knows
        town = self.resolver.resolve(span.text, "GPE", context_countries=self.countries)
        return town is not None and town.lat is not None and not is_country(town) and town.country in self.countries

    def unknown_name(self, span: Span) -> bool:
        """Whether nothing the resolver knows bears the name: no person, body or place."""
        known = self.resolver.resolve(span.text.strip(), span.label_, context_countries=self.countries)
        return known is None or not known.attrs and known.lat is None and known.country is None \
            and not any(self.lex.heads.get(t.lemma_.lower()) for t in span)

    def group_for(self, noun: Token) -> Entity | None:
        """"the rebels" -> the latest armed group named before; "the group" -> the latest organisation."""
        before = [self.groups[i] for i in sorted(self.groups) if i < noun.i]
        # a state's "armed forces" are no rebels ("the rebels had destroyed three army vehicles")
        armed = [g for g in before if "armed group" in str(g.attrs.get("kind", "")) or g.type == "NORP"]
        if noun.lemma_.lower() in {"rebel", "insurgent", "militia", "fighter", "paramilitary"}:
            return armed[-1] if armed else None  # "the Senate ... aid to the rebels": not the Senate
        if noun.lemma_.lower() in self.lex.personnel:
            # "The United Nations says ... killed by the security forces": no forces of the UN
            forces = [g for g in before if g.type in {"NORP", "GPE"} or g.attrs.get("kind") in ARMED_BODY_KINDS]
            if self._a_state_arm(noun):  # "the air force had struck a PDF camp": not the PDF's
                forces = [g for g in forces if "armed group" not in str(g.attrs.get("kind", ""))]
            return forces[-1] if forces else None
        if noun.lemma_.lower() in self.lex.words("named_group_nouns"):
            # "the cartel" after "the Jalisco cartel": the last group named as one (not the army)
            kind = noun.lemma_.lower()
            return next((g for g in reversed(before) if kind in g.name.lower().split()), None)
        if noun.lemma_.lower() == "group":
            # "One raid struck the Idlib University Hospital ..., the group said": a place's name
            # is no group of people; nor is a state's army ("an ambush on an Army truck ... the same
            # group that fired on a bus": the attackers, not the army they hit)
            before = [g for g in before if self.lex.heads.get(g.name.split()[-1].lower()) != "FAC"
                      and g.name.split()[-1].lower() not in ARMY_NOUNS]
        return before[-1] if before else None

    def _a_state_arm(self, noun: Token) -> bool:
        """"the air force", "the coast guard" (senses.yaml state_arms)."""
        words = [c.lower_ for c in noun.children if c.dep_ == "compound" and c.i < noun.i] + [noun.lower_]
        return " ".join(words) in self.lex.words("state_arms")

    def home_state(self) -> Entity | None:
        """The one country an article names (its places, peoples and states all in it): whose
        "the government" and "government forces" it means."""
        if len(self.countries) != 1 or self._countries_named_by_any_tag - set(self.countries):
            return None
        return self.country(self.countries[0])

    def state_led_by(self, body: Token) -> Entity | None:
        """"the Biden administration", "the Netanyahu government": the state its leader,
        named in front of it, leads (when the gazetteer knows whose leader that is)."""
        if body.lemma_.lower() not in LED_BODIES or self.span_at(body) is not None:
            return None
        leaders = [span for c in body.children if c.dep_ == "compound" and (span := self.span_at(c)) is not None
                   and span.label_ == "PERSON"]
        leader = self.resolve_span(leaders[0]) if len(leaders) == 1 else None
        return self.country(leader.country or leader.attrs.get("country")) \
            if leader is not None and leader.type == "PERSON" else None

    def country(self, code: str | None) -> Entity | None:
        """The country of an ISO code, as an entity of the article."""
        name = self.resolver.country_name(code) if code else None
        return self.keep(self.resolver.resolve(name, "GPE")) if name else None

    @cached_property
    def _countries_named_by_any_tag(self) -> set[str]:
        """Every name counts, whatever the tagger called it ("Malawi" tagged a person is a country still)."""
        return set(self.resolver.countries_in([e.text for e in doc_ents(self.doc)]))

    def note_side(self, noun: Token, party: Entity | None) -> None:
        """"Chadian troops", "Afghan warplanes": remember whose troops and planes they were."""
        key = self._side_key(noun)
        if key == "army" and party is not None and "armed group" in str(party.attrs.get("kind", "")):
            return  # "the Kachin Independence Army": a later "the army" is the state's, not the rebels'
        if party is not None and party.type in {"GPE", "NORP", "ORG"} and key is not None:
            self.sides.setdefault(key, {})[party.id] = party

    def side_of(self, noun: Token) -> Entity | None:
        """Later "troops", "the planes": the one party the article gave them before, if only one."""
        known = self.sides.get(self._side_key(noun) or "", {})
        return next(iter(known.values())) if len(known) == 1 else None

    def belligerents(self) -> list[str]:
        """Every state or armed group the article gave troops, planes or fighters to, in order
        of naming (a town's "think tank" or "units" are no side of a war)."""
        return list(dict.fromkeys(pid for parties in self.sides.values() for pid, party in parties.items()
                                  if party.type in {"NORP", "ORG"} or is_country(party)))

    def _side_key(self, noun: Token) -> str | None:
        """"jets" and "planes" are one kind of thing a side flies; "troops" are troops."""
        kind = self.materiel_kind(noun)
        if kind in self.lex.words("platform_kinds"):
            return kind
        lemma = noun.lemma_.lower()
        if lemma in self.lex.words("aircraft_side_nouns"):
            return "aircraft"  # not materiel (a plane is no weapon), but flown like a jet
        return lemma if lemma in self.lex.words("side_nouns") else None

    def note_groups_in(self, sent: Span) -> None:
        for ent in span_ents(sent):
            if ent.label_ in {"ORG", "NORP"}:
                self.resolve_span(ent)
            # "Libyan troops fled": whose troops, even where no claim names them; "Chad
            # government troops" too, through the nouns between
            head = ent.root.head
            while head.dep_ == "compound" and head.pos_ == "NOUN" and head.head.i > head.i:
                head = head.head
            creed = ent[-1].lower_ in self.lex.words("creeds")  # "communist rebels" are no side called Communist
            if ent.label_ in {"NORP", "GPE"} and ent.root.dep_ in {"amod", "compound"} and self._side_key(head) \
                    and not creed:
                self.note_side(head, self.resolve_span(ent))
                self._note_allies(ent, head)
            self._note_army(ent, head)

    def _note_army(self, ent: Span, head: Token) -> None:
        """"Sudan's army", "Myanmar's military", "the Sudanese army" (one name the gazetteer
        knows): the army "the army", "the military" or "the junta" means later (not "army"
        alone, tagged a name: whose it is, the name does not say)."""
        if ent.label_ in {"NORP", "GPE", "ORG"} and ent.root.dep_ in {"amod", "compound", "poss"} \
                and head.lemma_.lower() in ARMY_NOUNS:  # (a country's name may be tagged an organisation)
            army = self.resolve_span(ent)
            if army is not None and not self.is_country(army):
                return  # "the Arakan Army", "the Kachin Independence Army": no state's
        elif ent.label_ == "ORG" and ent.root.lemma_.lower() in ARMY_NOUNS \
                and any(t.pos_ in {"PROPN", "ADJ"} for t in ent):
            army = self.resolve_span(ent)
            if army is not None and army.attrs.get("kind") != "armed forces":
                return  # "the Arakan Army" is a rebel group: no state's army
        else:
            return
        if army is not None and army.type in {"GPE", "NORP", "ORG"}:
            self.armies[army.id] = army

    def army(self, noun: Token) -> Entity | None:
        """"the army", "the junta": the one army the article named by its state before."""
        if noun.lemma_.lower() not in ARMY_NOUNS or not is_bare_definite(noun) or len(self.armies) != 1:
            return None
        return next(iter(self.armies.values()))

    def _note_allies(self, ent: Span, forces: Token) -> None:
        """"Kenyan and Somali troops": the forces of both, on one side."""
        parties = [self.resolve_span(self.by_token[c.i]) for c in ent.root.conjuncts if c.i in self.by_token]
        parties = [p for p in parties if p is not None and p.type in {"GPE", "NORP", "ORG"}]
        for party in parties:
            self.note_side(forces, party)
        first = self.resolve_span(ent)
        if first is not None and parties:
            self.allies.add(frozenset({first.id, *(p.id for p in parties)}))

    def note_speaker(self, entity: Entity) -> None:
        self.last_speaker = entity
        if entity in self.speakers:
            self.speakers.remove(entity)
        self.speakers.append(entity)

    def recent_speaker(self, head: Token) -> Entity | None:
        """The latest speaker a definite description fits: "the agency" -> an intelligence
        agency named before, "the spokesman" -> a person whose role says spokesman."""
        noun = head.lemma_.lower()
        for ent in reversed(self.speakers[-6:]):
            words = " ".join([ent.name, *ent.aliases, str(ent.attrs.get("kind", "")),
                              " ".join(ent.attrs.get("roles", []) or [])]).lower()
            if noun in words:
                return ent
        return None

    @cached_property
    def references(self):
        """Who this document's pronouns and descriptions of people refer back to (coref.py)."""
        from .coref import References  # coref builds on this module

        return References(self)

    # -- lookups --------------------------------------------------------------------
    def span_at(self, token: Token) -> Span | None:
        return self.by_token.get(token.i)

    def named_in(self, token: Token, labels: set[str] | None = None) -> list[Span]:
        """Named entity spans inside the phrase headed by ``token`` (not crossing clauses)."""
        out: list[Span] = []
        seen: set[int] = set()
        tokens = phrase_tokens(token)
        # the tagger sometimes hangs a name on the phrase as punctuation ("The Shahed-136 drone");
        # read by index: no Token need be made for the words before the head
        inside = range(tokens[0].i, token.i)
        for i in sorted({*(t.i for t in tokens), *inside}):
            span = self.by_token.get(i)
            if span is not None and span.start not in seen and (labels is None or span.label_ in labels):
                seen.add(span.start)
                out.append(span)
        return out

    def places_in(self, token: Token) -> list[Span]:
        spans = []
        for span in self.named_in(token):
            if span.label_ in PLACE_LABELS or self.looks_like_place(span):
                spans.append(span)
        return spans

    def is_country(self, entity: Entity) -> bool:
        return is_country(entity)

    def site_named_before(self, noun: Token) -> Entity | None:
        """"bombed the Harlan Naval Academy ... exploded at the academy", "killed at the school":
        a bare definite building noun is the last named site that ends in that noun."""
        if noun.tag_ != "NN" or not is_bare_definite(noun):
            return None
        named = [s for s in {s.start: s for s in self.by_token.values() if s.end <= noun.i}.values()
                 if len(s) > 1 and s[-1].lower_ == noun.lower_ and s.label_ in {"ORG", "FAC", "GPE", "LOC"}]
        last = max(named, key=lambda s: s.start, default=None)
        return self.resolve_span(last) if last is not None else None

    def place_named_before(self, noun: Token, country: bool) -> Entity | None:
        """The place a definite place noun refers back to: the last country named before it
        (``country``, "the kingdom"); else the last place written with the same noun ("the
        Jenin area ... in the same area") or, failing that, the last region or sea ("the Gulf
        of Aden ... on patrol in the area"), never a town or a country."""
        spans = sorted({s.start: s for i, s in self.by_token.items() if s.end <= noun.i}.values(),
                       key=lambda s: -s.start)
        places = [s for s in spans if s.label_ in PLACE_LABELS]
        if country:
            found = (self.resolve_span(s) for s in places if s.label_ == "GPE")
            return next((e for e in found if e is not None and is_country(e)), None)
        same_noun = [s for s in places if s.root.dep_ == "compound" and s.root.head.lemma_ == noun.lemma_]
        for span in same_noun + [s for s in places if s.label_ == "LOC"]:
            ent = self.resolve_span(span)
            if ent is not None and not is_country(ent) and ent.attrs.get("kind") != "vessel":
                return ent
        return None

    # -- generic things ---------------------------------------------------------------
    def materiel_kind(self, token: Token) -> str | None:
        kind = self.lex.materiel.get(token.lemma_.lower()) or self.lex.materiel.get(token.lower_) \
            or next((self.lex.materiel[k] for c in token.children if c.dep_ in {"compound", "amod", "npadvmod"}
                     if (k := f"{c.lower_} {token.lemma_.lower()}") in self.lex.materiel), None)
        if kind is None and token.lemma_.lower() == "device" and any(c.dep_ in {"amod", "compound"} and
                                                                    c.lemma_.lower() in {"explosive", "incendiary"}
                                                                    for c in token.children):
            return "bomb"  # "an explosive device went off"; not "an electronic device"
        if kind is not None and any(f"{c.lower_} {token.lower_}" in self.lex.words("not_materiel_phrases")
                                    for c in token.children if c.dep_ in {"amod", "compound"}):
            return None  # "first aid"
        return kind

    def is_personnel(self, token: Token) -> bool:
        # "300 US Marines", "the Royal Marines": a capitalised plural keeps its s in the lemma
        singular = token.lower_[:-1] if token.tag_ == "NNPS" and token.lower_.endswith("s") else token.lower_
        return token.lemma_.lower() in self.lex.personnel or singular in self.lex.personnel

    def is_naval_unit(self, noun: Token) -> bool:
        """"warships", "navy ships", "the fleet", a ship named with its class ("the frigate INS
        Tabar"): moved and stationed like troops."""
        units = self.lex.words("naval_units")
        compound = " ".join(c.lemma_.lower() for c in noun.children if c.dep_ == "compound")
        return noun.lemma_.lower() in units or f"{compound} {noun.lemma_.lower()}".strip() in units \
            or noun.pos_ == "PROPN" and any(c.dep_ in {"amod", "compound"} and c.lemma_.lower() in units
                                            for c in noun.children)

    def origin_of(self, head: Token) -> list[str]:
        """Country codes named by nationality modifiers of a noun ("Iranian-made drones")."""
        names = [s.text for s in self.named_in(head, {"NORP", "GPE"}) if not self._town_in_front(s)]
        if not names:
            return [self.resolver.country_code(w.text) for w in self.untagged_demonyms(head)]
        try:
            return list(self.resolver.countries_in(names))
        except AttributeError:
            return []

    def _town_in_front(self, span: Span) -> bool:
        """"a Kabul car bomb" went off in Kabul; "Moscow's missiles" are Russia's."""
        if span.label_ != "GPE" or span.root.dep_ not in {"compound", "nmod", "amod"}:
            return False
        found = self.resolve_span(span)
        return found is not None and not is_country(found)

    def country_of_demonym(self, word: Token) -> Entity | None:
        """"Malian", "Somali" left untagged: the country the word names."""
        return self.keep(self.resolver.resolve(word.text, "NORP", context_countries=self.countries))

    def untagged_demonyms(self, head: Token) -> list[Token]:
        """"Malian troops" when the tagger left "Malian" untagged: the modifiers that name a country."""
        words = [c for c in head.children if c.dep_ in {"amod", "compound"} and c.i < head.i
                 and c.is_title and not c.ent_type_]
        try:
            return [w for w in words if self.resolver.country_code(w.text)]
        except AttributeError:
            return []

    def weapon(self, head: Token) -> Entity | None:
        """The weapon a noun phrase names: a gazetteer system, or a generic one built here."""
        named = self.named_in(head, {"WEAPON"})
        if named:
            ent = self.resolve_span(named[0], "WEAPON")
            return ent
        kind = self.materiel_kind(head)
        if kind is None and head.pos_ == "PROPN":
            described = self.described_weapon(head)
            if described is not None:
                return described
        if kind is None:
            known = self.designations.get(head.lower_)  # "the Toufan" after "a Toufan missile"
            if known is not None:
                self.last_weapon = known
            return known
        designated = self.designation(head, kind)
        if designated is not None:
            return designated
        if head.lower_ in PRONOUNS or is_bare_definite(head):
            # "the missiles", "it": the weapon talked about most recently
            antecedent = self.topic_weapon or self.last_weapon
            if antecedent is not None:
                return antecedent
        return self.generic_weapon(head, kind)

    def described_weapon(self, head: Token) -> Entity | None:
        """"The Wing Loong II, a long-endurance drone built in China, ...": a name with a weapon
        noun in apposition is a weapon system."""
        for appos in (c for c in head.children if c.dep_ == "appos"):
            kind = self.materiel_kind(appos)
            if kind is not None:
                start = head.left_edge.i
                while start < head.i and (not head.doc[start].text[:1].isupper() or head.doc[start].dep_ == "det"):
                    start += 1
                end = head.i + 1
                while end < len(head.doc) and head.doc[end].head.i == head.i and (
                        head.doc[end].like_num or head.doc[end].text in {"-", "II", "III", "IV", "V"}):
                    end += 1  # "Sky Lance 3", "Wing Loong II"
                name = head.doc[start:end].text
                ent = Entity(id=f"weapon:{slug(name)}", name=name, type="WEAPON", aliases=[],
                             attrs={"kind": kind, "designation": True})
                ent = self.keep(ent)
                self.designations[name.lower()] = ent
                self.last_weapon = ent
                return ent
        return None

    def designation(self, head: Token, kind: str) -> Entity | None:
        """"a Toufan missile", "Burkan-3 missiles": a system the gazetteer does not know, named
        by a proper noun in front of the weapon noun."""
        end = head.i
        while end > 0 and is_common_compound(head.doc[end - 1], head):
            end -= 1  # "Airbus A330-200 passenger airliners": the use the system is put to comes between
        start = end
        while start > 0 and self._designation_token(head.doc[start - 1]):
            start -= 1
        while start < end and (not head.doc[start].text[:1].isupper() or head.doc[start].head.i > head.i):
            # a designation starts with a capital ("Wing Loong II", "Burkan-3") and names the
            # weapon, not the noun after it ("a Kharkiv missile strike": where it struck)
            start += 1
        if start == end:
            return None
        name = head.doc[start:end].text
        ent = Entity(id=f"weapon:{slug(name)}", name=name, type="WEAPON", aliases=[phrase_text(head)],
                     attrs={"kind": kind, "designation": True})
        ent = self.keep(ent)
        self.designations[name.lower()] = ent
        self.last_weapon = ent
        return ent

    def _designation_token(self, tok: Token) -> bool:
        span = self.by_token.get(tok.i)
        if span is not None and span.label_ in {"NORP", "GPE", "LOC"}:
            return False  # "North Korean missiles": a maker, not a name (a PERSON tag on "Wing Loong II" is a slip)
        if span is not None and span.label_ == "ORG" and self._known_body(span):
            return False  # "a Houthi missile": the group that fired it, not the system's name
        if tok.lower_ in ARMED_BODY_WORDS:
            return False  # "Junta jets", "Army helicopters": whose they are, not their name
        return tok.pos_ == "PROPN" or tok.text == "-" or tok.like_num and tok.i > 0 and tok.nbor(-1).text == "-"

    def _known_body(self, span: Span) -> bool:
        """An organisation the gazetteer knows for what it is (an armed group, a ministry)."""
        found = self.resolve_span(span)
        return found is not None and found.type == "ORG" and bool(found.attrs.get("kind"))

    def generic_weapon(self, head: Token, kind: str) -> Entity:
        descr = self.weapon_description(head)
        origin = self.origin_of(head)
        attrs = {"generic": True, "kind": kind}
        cls = next((self.lex.classes[w] for w in re.split(r"[ ]", descr) if w in self.lex.classes), None)
        if cls is None and head.lower_ in self.lex.classes:
            cls = self.lex.classes[head.lower_]
        cls = cls or self.stated_range_class(head)
        if cls:
            descr = f"{descr} ({cls})" if cls.lower() not in descr.lower() else descr
            attrs["class"] = cls
        if "ballistic" in descr:
            attrs["kind"] = "ballistic missile"
        elif "cruise" in descr:
            attrs["kind"] = "cruise missile"
        if origin:
            attrs["origin"] = origin[0]
        prefix = (origin[0] + " ") if origin else ""
        name = (self.country_adjective(origin[0]) + " " + descr) if origin else descr
        ent = Entity(id=f"weapon:generic:{slug(prefix + descr)}", name=name, type="WEAPON",
                     aliases=[phrase_text(head)], attrs=attrs)
        ent = self.keep(ent)
        self.last_weapon = ent
        return ent

    def stated_range_class(self, head: Token) -> str | None:
        """"launched a cruise missile ... with a long range": the class the text states."""
        scope = head.head if head.dep_ in {"dobj", "nsubj", "nsubjpass", "pobj"} else head
        for t in scope.subtree:
            if t.lemma_ == "range" and t.pos_ == "NOUN":
                for mod in t.children:
                    cls = self.lex.classes.get(f"{mod.lower_}-range")
                    if mod.dep_ == "amod" and cls:
                        return cls
        return None

    def weapon_description(self, head: Token) -> str:
        """"several Iranian-made cruise missiles" -> "cruise missile".

        Keeps the words in front of the head from the first kind word on ("air-defense
        equipment", "artillery shell"); drops quantities, nationalities and adjectives.
        """
        left = [t for t in head.subtree if t.i < head.i and t.i not in self.by_token
                and t.dep_ not in {"det", "nummod", "quantmod", "poss", "predet", "case", "punct"}
                or t.i < head.i and t.text == "-"]
        words = head.doc[left[0].i: head.i].text.lower().split() if left else []
        kinds = self.lex.kind_modifiers
        while words and not (words[0] in kinds or self.lex.materiel.get(words[0].rstrip("s"))
                             or all(p in kinds or not p for p in words[0].split("-"))):
            words.pop(0)
        lemma = head.lemma_.lower()
        # "small arms": the lemma "arm" is a limb; the word as written is the weapon
        return " ".join(words + [lemma if lemma in self.lex.materiel else head.lower_])

    def country_adjective(self, code: str) -> str:
        """"RU" -> "Russian" ("Russian missile"), or the country's name where no adjective is known."""
        try:
            return self.resolver.country_demonym(code) or self.resolver.country_name(code) or code
        except AttributeError:
            return code

    def personnel(self, head: Token) -> Entity:
        origin = self.origin_of(head)
        noun = head.lemma_.lower()
        # a unit called by its name: "the frigate INS Tabar", "its frigate, INS Tabar"
        # (not a headline's source tag: "Three civilians martyred in shelling: ISPR")
        named = head if head.tag_ == "NNP" else next((c for c in head.children if c.dep_ == "appos"
                                                       and c.tag_ == "NNP" and c.doc[c.left_edge.i - 1].text != ":"),
                                                      None)
        if named is not None:
            noun = " ".join([*(t.text for t in named.lefts if t.dep_ == "compound" and t.tag_ == "NNP"), named.text])
        name = (self.country_adjective(origin[0]) + " " + noun) if origin else noun
        attrs = {"generic": True, "kind": "personnel"}
        if origin:
            attrs["origin"] = origin[0]
        # the words as written, without the count: "the pirates", "more than 30,000 Cuban troops" -> "Cuban troops"
        count = count_tokens(head)
        written = " ".join(t.text for t in phrase_tokens(head) if not t.like_num and t.i not in count
                           and t.dep_ not in {"det", "nummod", "quantmod", "punct"} and not is_measure_word(t))
        # "state troopers", "police officers": the kind the nouns in front make of them
        kind = " ".join(t.text for t in head.lefts if t.dep_ == "compound" and t.pos_ == "NOUN") + " " + head.text
        aliases = sorted({phrase_text(head), written, head.text.lower(), kind.strip()} - {name, ""})
        ent = Entity(id=f"personnel:{slug(name)}", name=name, type="PERSONNEL", aliases=aliases, attrs=attrs)
        return self.keep(ent)

    def from_a_town(self, person: Token, span: Span) -> bool:
        """"a Phoenix officer", "a Melbourne man", "a Leeds teenager": a person named by the
        town they are from or serve, which is no party of its own (a country may be: "a
        Russian officer", and "a Dayton police officer" is the police)."""
        if self.lex.heads.get(person.lemma_.lower()) != "PERSON" or span.root.head.i != person.i \
                or span.root.dep_ not in {"compound", "amod", "nmod"} or span.label_ not in {"GPE", "LOC", "ORG"} \
                or any(c.lower_ in self.lex.words("police_forces") for c in person.children):
            return False
        place = self.resolve_span(span)
        return place is not None and place.lat is not None and not is_country(place)

    def people(self, head: Token, plural: bool = False) -> Entity:
        """A kind of people as the article names them ("Somali pirates", "Yemeni fishermen"):
        their nationality is an attribute, not the party. ``plural``: a noun used as a
        modifier ("guerrilla attacks") names the people in the plural ("guerrillas")."""
        count = count_tokens(head)  # "at least one"
        words = [t for t in phrase_tokens(head) if t.i <= head.i and not t.like_num and t.i not in count
                 and t.dep_ not in {"det", "nummod", "quantmod", "punct", "predet", "poss", "case"}
                 and (t.i == head.i or not is_measure_word(t))]
        if plural:
            words = [t for t in words if t.i == head.i or t.head.i == head.i]
        texts = [t.text for t in words]
        if plural and texts:
            texts[-1] = plural_of(texts[-1])
        name = " ".join(texts) or head.text
        origin = self.origin_of(head)
        shorter = shorter_names(texts)  # "suspected communist rebels": "communist rebels", "rebels"
        return self._kind_of_people(name, shorter | {head.text, head.text.lower()}, origin[0] if origin else None)

    def kind_of_people(self, plural: str) -> Entity:
        """People named by a word for what they are ("pirates"), with no words of the article's."""
        return self._kind_of_people(plural, {plural.lower()}, None)

    def group_of(self, kind: Entity) -> Entity:
        """The one group of this kind the article named before ("pirates" after "Somali
        pirates"), or the kind itself when it named none or several ("Somali and Yemeni
        pirates")."""
        head = kind.name.lower().split()[-1]
        named = [e for e in self.entities.values() if e.id != kind.id and e.attrs.get("kind") == "people"
                 and e.name.lower().split()[-1] == head and e.attrs.get("origin")]
        return named[0] if len(named) == 1 else kind

    def _kind_of_people(self, name: str, aliases: set[str], origin: str | None) -> Entity:
        attrs = {"generic": True, "kind": "people", **({"origin": origin} if origin else {})}
        return self.keep(Entity(id=f"personnel:{slug(name)}", name=name, type="PERSONNEL",
                                aliases=sorted(aliases - {name}), attrs=attrs))

    def peoples(self, head: Token, least: int = 2) -> list[Entity]:
        """"12 Somali and 11 Yemeni pirates": two kinds of people, one per nationality
        written before the noun, when there are ``least`` or more (else none)."""
        nations = [c for c in head.children if c.dep_ in {"amod", "compound"} and c.i < head.i
                   and (c.ent_type_ == "NORP" or self.resolver.country_code(c.text))]
        nations += [j for n in nations for j in n.conjuncts if j not in nations and j.i < head.i]
        if len(nations) < least:
            return []
        return [self._kind_of_people(f"{nation.text} {head.text}", {head.text, head.text.lower()},
                                     self.resolver.country_code(nation.text))
                for nation in sorted(nations, key=lambda t: t.i)]

    def is_craft(self, noun: Token) -> bool:
        """A ship, boat, vehicle or aircraft by its head noun ("vessel", "boats", "tanker")."""
        return self.lex.heads.get(noun.lemma_.lower()) in CRAFT_CLASSES

    def is_thing(self, token: Token) -> bool:
        """A site, structure or vehicle named by a common noun ("the pipeline", "a trawler")."""
        return token.pos_ == "NOUN" and self.lex.heads.get(token.lemma_.lower()) in THING_CLASSES \
            and not self.materiel_kind(token)

    def thing(self, head: Token) -> Entity:
        """Something hit that has no name, as the article describes it: "a Greek cargo
        trawler", "oil pipelines". Its nationality is an attribute, not the target."""
        words = described_words(head)
        name = " ".join(t.text for t in words)
        aliases = shorter_names([t.text for t in words]) | {head.text, head.lemma_}
        origin = self.origin_of(head)
        return self._thing_named(name, head, aliases, origin[0] if origin else None)

    def _thing_named(self, name: str, head: Token, aliases: set[str], origin: str | None = None) -> Entity:
        attrs = {"generic": True, "kind": "thing", **({"origin": origin} if origin else {})}
        ent = Entity(id=f"thing:{slug(name)}", name=name, type=self.lex.heads[head.lemma_.lower()],
                     aliases=sorted(aliases - {name}), attrs=attrs)
        return self.keep(ent)

    def things(self, head: Token) -> list[Entity]:
        """Each thing a plural noun lists by name ("the Voronezh, Kursk and Borisoglebsk
        airfields": three airfields, "the Saratov and Ryazan oil refineries": two), else the
        one thing it describes."""
        listing = [c for c in head.lefts if c.dep_ in {"compound", "nmod", "amod"} and c.pos_ == "PROPN"
                   and any(g.dep_ == "conj" and g.pos_ == "PROPN" for g in c.children)]
        if head.tag_ not in {"NNS", "NNPS"} or len(listing) != 1:
            return [self.thing(head)]
        first = listing[0]
        named = [first, *(t for t in first.conjuncts if t.pos_ == "PROPN")]
        listed = {t.i for t in first.subtree}
        rest = [t.text for t in described_words(head) if t.i not in listed and t.i != head.i]
        out = []
        for name in named:
            words = [t.text for t in name.lefts if t.dep_ == "compound"] + [name.text, *rest, head.lemma_]
            out.append(self._thing_named(" ".join(words), head, {head.lemma_}))
        return out

    def state_body(self, head: Token, nationality: Span) -> Entity | None:
        """"the Indian navy" -> the Indian Navy, an organisation that acts for India."""
        state = self.resolve_span(nationality)
        if state is None or state.type not in {"GPE", "NORP"}:
            return None
        known = self._known_state_body(head, nationality, state)
        if known is not None:
            return self.keep(known)  # "Sudan's army" is the Sudanese Armed Forces, as its spokesman's quotes say
        country = state.attrs.get("metonym_of") or state.id
        name = f"{nationality.text} {head.text.title()}"
        ent = Entity(id=f"org:{slug(name)}", name=name, type="ORG", aliases=[name.lower()],
                     country=state.country, attrs={"metonym_of": country, "country": state.country})
        return self.keep(ent)

    def _known_state_body(self, head: Token, nationality: Span, state: Entity) -> Entity | None:
        demonym = self.resolver.country_demonym(state.country) if state.country else None
        for written in dict.fromkeys([nationality.text, demonym]):
            if written:
                found = self.resolver.gazetteer_body(f"{written} {head.text}")
                if found is not None:
                    return found
        return None

    def speaker(self, head: Token) -> Entity | None:
        """An unnamed source: "a Polish military source", "two Dutch lawmakers",
        "the manager of the Aegean Meridian"."""
        words = [t for t in phrase_tokens(head, stop_at_clauses=True)
                 if (t.dep_ not in {"det", "nummod", "punct", "predet", "quantmod"} and not t.like_num
                     or _name_number(t, head))  # "Channel 9"; _joined keeps the hyphen of "KXYZ-TV"
                 and (t.i <= head.i or _name_number(t, head)) and t.lower_ not in {"quoting", "citing"}]
        # "the government in Riyadh": the seat names whose government it is, when nothing else
        # does ("the Russian embassy in Bamako" is Russia's, in Bamako)
        seat = head.lemma_.lower() in self.lex.words("body_speakers") and not self.named_in(head)
        seat_place = None
        for prep in head.children:  # "of <a name>" belongs to who speaks
            if prep.dep_ == "prep" and (prep.lower_ == "of" or prep.lower_ == "in" and seat):
                obj = next((o for o in prep.children if o.dep_ == "pobj"), None)
                if obj is not None and (obj.pos_ == "PROPN" or obj.i in self.by_token):
                    words += [prep] + [t for t in phrase_tokens(obj) if t.dep_ not in {"det", "punct"}]
                    if prep.lower_ == "in" and self.span_at(obj) is not None:
                        seat_place = self.resolve_span(self.span_at(obj))
        text = _joined(words).replace(" ’s", "’s").replace(" 's", "'s").strip()
        if not text:
            return None
        if words[0].is_sent_start and words[0].pos_ != "PROPN" and words[0].text.istitle():
            # "Police said ..." opening a sentence is the police of "police said": one name,
            # whichever sentence the corpus happened to show first
            text = text[0].lower() + text[1:]
        ent = self.keep(self.resolver.resolve(text, "SOURCE", context_countries=self.countries))
        if ent is not None and seat_place is not None and seat_place.attrs.get("metonym_of") \
                and "speaks_for" not in ent.attrs:
            # "the government in Tehran" is Iran's: one party and one source with it
            ent.attrs["speaks_for"] = seat_place.attrs["metonym_of"]
        if ent is not None and "speaks_for" not in ent.attrs and head.lemma_.lower() in SPOKES_NOUNS:
            body = self._owning_body(head)
            if body is not None:  # "the Houthis' military spokesman" speaks for the Houthis
                ent.attrs["speaks_for"] = body.id
        return ent

    def _owning_body(self, head: Token) -> Entity | None:
        for c in head.children:
            span = self.span_at(c) if c.dep_ == "poss" else None
            if span is not None and span.label_ in {"ORG", "NORP"}:
                body = self.resolve_span(span)
                return body if body is not None and body.type == "ORG" else None
        return None


def count_tokens(head: Token) -> set[int]:
    """Indices of the words that count a noun ("more than 30,000", "at least one")."""
    return {t.i for c in head.children if c.dep_ in {"nummod", "quantmod"} for t in c.subtree}


NAMED_BY_PLACE_NOUNS = frozenset(grammar()["named_by_place_nouns"])
LED_BODIES = frozenset(grammar()["led_bodies"])


ANY_DAY = dt.date(2000, 6, 15)  # a day to ask whether a word names a day or month at all


def starts_a_time_by_mistake(tok: Token) -> bool:
    """"launched drones at Kyiv overnight", tagged one TIME: a name opening a date or time
    that is no calendar word ("March", "Monday" stay dates)."""
    return tok.ent_type_ in {"DATE", "TIME"} and tok.ent_iob_ == "B" and tok.i + 1 < len(tok.doc) \
        and tok.doc[tok.i + 1].ent_iob_ == "I" and resolve_time(tok.text, ANY_DAY) is None


def is_named_by_place(noun: Token) -> bool:
    """"the oasis of ...", "the air base of ...": a site whose "of" gives its place name."""
    lemma = noun.lemma_.lower()
    return noun.pos_ == "NOUN" and (lemma in NAMED_BY_PLACE_NOUNS or lemma == "base" and any(
        c.dep_ in {"compound", "amod"} and c.lower_ == "air" for c in noun.children))


def is_country(entity: Entity) -> bool:
    # resolve leaves countries without a point; a name it could not place has no country either
    return entity.type == "GPE" and entity.lat is None and entity.country is not None \
        or entity.attrs.get("kind") == "country"


def _same_or_within(narrow: Entity, wide: Entity) -> bool:
    """The same entity, or a country and a place in it ("outside Goma" ... "in the Congolese city")."""
    return narrow.id == wide.id or is_country(wide) and narrow.country == wide.country and narrow.lat is not None


def _glued_hyphen(token: Token) -> bool:
    """The hyphen inside a name written without spaces ("KXYZ-TV")."""
    return token.text == "-" and not token.whitespace_ and token.i > 0 and not token.doc[token.i - 1].whitespace_


def _name_number(token: Token, head: Token) -> bool:
    """The number that ends a proper name ("Channel 9"), not a count ("two lawmakers")."""
    return token.like_num and token.i == head.i + 1 and head.pos_ == "PROPN"


def _joined(tokens: list[Token]) -> str:
    """The words as written: tokens next to each other with no space between stay joined."""
    out, previous = "", None
    for t in sorted(tokens, key=lambda t: t.i):
        if previous is not None:
            between = t.doc[previous.i + 1] if t.i == previous.i + 2 else None
            if between is not None and _glued_hyphen(between) and not between.whitespace_:
                out += "-"  # the parse may hang the hyphen elsewhere: "KXYZ-TV" stays one name
            else:
                out += "" if t.i == previous.i + 1 and not previous.whitespace_ else " "
        out += t.text
        previous = t
    return out




def given_names_first(names: set[str]) -> set[str]:
    """Of several full names ending in one surname, those that start with a known given name
    ("Anthony LaCalamita", not the "Ford Fusion LaCalamita" of "the Ford Fusion LaCalamita
    was driving"); all of them when none or all do."""
    from .coref import first_names  # coref reads mentions: imported here, not at the top

    known = {n for n in names if n.split()[0].lower() in first_names()}
    return known or names


def fullest_forms(names: set[str]) -> set[str]:
    """Of full names ending in one surname, those that are not a shorter form of another:
    "Ben Banky" goes where "Benjamin David Banky" is."""
    def shorter(short: str, long: str) -> bool:
        a, b = strip_accents(short).lower().split(), strip_accents(long).lower().split()
        return short != long and len(a) == 2 and len(b) >= 2 and a[-1] == b[-1] and len(a[0].rstrip(".")) >= 3 \
            and b[0].startswith(a[0].rstrip("."))
    return {n for n in names if not any(shorter(n, other) for other in names)}


def person_surnames(doc: Doc) -> set[str]:
    """Last names of the people the article names in full ("Henry Verona" -> "Verona")."""
    return {ent[-1].text for ent in doc_ents(doc) if ent.label_ == "PERSON" and len(ent) > 1 and ent[-1].is_title}


def shorter_names(words: list[str]) -> set[str]:
    """The shorter descriptions a reader would also use, keeping the head noun last:
    ["Greek", "cargo", "trawler"] -> {"cargo trawler", "trawler"}."""
    return {" ".join(words[k:]) for k in range(1, len(words))}


def plural_of(noun: str) -> str:
    """English plural of a people noun used as a modifier: "guerrilla" -> "guerrillas",
    "militia" -> "militias", "gunman" -> "gunmen"."""
    if noun.lower().endswith("man"):
        return noun[:-3] + ("MEN" if noun.isupper() else "men")
    if noun.lower().endswith("s"):
        return noun
    return noun + ("S" if noun.isupper() else "s")


def is_measure_word(token: Token) -> bool:
    """A word of a hyphened measure before a noun ("a 40-year-old gunman", "the 12-storey
    block", "a five-boat attack"): it sizes the thing, it does not name it. Names written
    with a number ("F-16", "Shahed-136") keep theirs: they have a capital."""
    doc, start, end = token.doc, token.i, token.i
    while start > 0 and not doc[start - 1].whitespace_:
        start -= 1
    while end + 1 < len(doc) and not doc[end].whitespace_ and doc[end + 1].text != ",":
        end += 1
    chunk = doc[start:end + 1]
    return len(chunk) > 1 and any(t.like_num for t in chunk) and "-" in chunk.text \
        and not any(t.is_alpha and not t.is_lower and not t.like_num for t in chunk)


def described_words(head: Token) -> list[Token]:
    """The words that say which one a common noun means: noun compounds and nationality or
    name adjectives before it ("Greek cargo trawler"), not judgements ("a vital pipeline")
    or counts."""
    out = [head]
    for c in head.lefts:
        if c.dep_ == "compound" or c.dep_ in {"amod", "nmod"} and (c.ent_type_ in {"NORP", "GPE"} or c.pos_ == "PROPN"):
            out.extend(t for t in c.subtree if t.dep_ != "punct" and not t.like_num and not is_measure_word(t))
    return sorted(set(out), key=lambda t: t.i)


def phrase_tokens(head: Token, stop_at_clauses: bool = True) -> list[Token]:
    """Tokens of the noun phrase headed by ``head``, without relative or other clauses."""
    skip = {"relcl", "acl", "advcl", "ccomp", "appos", "conj", "cc", "punct"} if stop_at_clauses else set()
    out = [head]
    stack = [c for c in head.children if c.dep_ not in skip and not (c.dep_ == "prep" and c.i > head.i)]
    while stack:
        t = stack.pop()
        out.append(t)
        stack.extend(c for c in t.children if c.dep_ not in skip)
    return sorted(out, key=lambda t: t.i)


def phrase_text(head: Token) -> str:
    toks = phrase_tokens(head)
    return head.doc[toks[0].i: toks[-1].i + 1].text


def names_a_base(span: Span) -> bool:
    """"Pakistan-based", "a UK-based monitor": the name says only where someone is based."""
    after = span.doc[span.end:span.end + 2]
    return len(after) == 2 and after[0].text in {"-", "\u2011"} and after[1].lower_ == "based"


def is_bare_definite(head: Token) -> bool:
    """"the missiles", "these weapons": a definite phrase with no modifier that names anything."""
    dets = [c for c in head.children if c.dep_ == "det"]
    mods = [c for c in head.children if c.dep_ in {"amod", "compound", "nmod", "poss", "nummod"}]
    return bool(dets) and dets[0].lower_ in {"the", "these", "those", "this", "that"} and not mods


HEADLINE_END = "headline_end"  # Doc.user_data key: where the text's opening headline ends

# "any of its fighters", "none of the crew", "most of them": the people are after "of"
PARTITIVES = frozenset(grammar()["partitive_of"])


COLLECTIVES = frozenset(grammar()["collective_of"])


def things_counted(noun: Token) -> Token:
    """"a barrage of missiles", "dozens of rockets": the things are after "of"."""
    if noun.lower_ not in COLLECTIVES and noun.lemma_.lower() not in COLLECTIVES:
        return noun
    return next((g for p in noun.children if p.dep_ == "prep" and p.lower_ == "of"
                 for g in p.children if g.dep_ == "pobj"), noun)


def counting_noun(noun: Token) -> Token:
    """"agreed a new package of sanctions": the noun that counts or groups ``noun`` (itself
    when there is none)."""
    prep = noun.head
    if noun.dep_ == "pobj" and prep.lower_ == "of" and prep.head.i != prep.i \
            and (prep.head.lower_ in COLLECTIVES or prep.head.lemma_.lower() in COLLECTIVES):
        return prep.head
    return noun


def whole_of_part(noun: Token) -> Token:
    """"23 of the 30 drones", "one of the officials": the things or people counted."""
    if not noun.like_num and noun.lower_ not in PARTITIVES:
        return noun
    return next((g for p in noun.children if p.dep_ == "prep" and p.lower_ == "of"
                 for g in p.children if g.dep_ == "pobj"), noun)


def conjuncts(token: Token) -> list[Token]:
    return [token, *token.conjuncts]


def entity_labels(spans: Sequence[Span]) -> list[str]:
    return [s.label_ for s in spans]


def is_common_compound(tok: Token, head: Token) -> bool:
    """A lower-case noun that modifies ``head`` ("passenger" in "passenger airliners")."""
    return tok.dep_ == "compound" and tok.head.i == head.i and tok.pos_ == "NOUN" and tok.text.islower()


def kind_words(noun: Token) -> set[str]:
    """The nouns in front of a noun that say what kind it is ("merchant" of "merchant ship")."""
    return {c.lemma_.lower() for c in noun.children if c.dep_ == "compound" and c.pos_ == "NOUN" and c.i < noun.i}
