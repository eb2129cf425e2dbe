"""Who a pronoun or a definite description in a role slot stands for, and where a happening
named again took place.

Roles are read from the claim's own sentence, but an article names a person once and then
writes "she collapsed and died", "where he was detained", "the suspect walked in" or
"the Ohio governor said". REALNEWS counts the entity such a word clearly refers back to as
the role's filler, and nothing that is only guessed; so a word resolves only when one named
person fits and no one else could be meant:

- he/him/she/her: the nearest stretch of text before the word (its own sentence, then up to
  two sentences back) that mentions anyone of that gender must mention exactly one named
  person (an earlier "he" counts as whoever it stands for) and nobody described without a
  name ("a man", "the victim"); among several, only a subject the article says is of that
  gender wins over people whose gender it never says;
- a definite description ("the suspect", "the governor"): the one named person the article
  has tied to that noun before, by apposition ("the cashier, Lena Hart"), a title
  ("Gov. Ann Dale"), "identified as" or "is" ("the man accused ... is Daniel Okafor"), or
  by an age ("Kimani Gray, 16, ..." then "the 16-year-old", "the teen"); an indefinite
  description with an age ("a 35-year-old New Bedford man") is the one person the article gives
  exactly that age, wherever it names him;
- a sentence's main subject that names again the previous sentence's topic (its subject's
  person or organisation): "she", or a description with a modifier of an office, standing or
  party ("Mike Pence says ... The Indiana governor said", "the nation's largest gun group"),
  when the article calls that person by no other title and nobody else in the previous
  sentence's main clause could be meant (``References.topics``).

A person's gender comes from titles (Mr., Mrs.), gendered nouns tied to the name ("the
woman, identified as ..."), a possessive in the person's own clause ("Okafor locked her
door") and the given name (data/lexicons/first_names.yaml); unknown fits either. Built lazily,
once per document, from the parse the pipeline already made.

``locate_back_references`` places a claim that names its happening again ("died in the
blast") where the article has placed its attacks, when it has named one place for them all.
"""

from __future__ import annotations

import re
from collections import defaultdict
from functools import cached_property, lru_cache

import numpy
from spacy.attrs import IS_LOWER, IS_TITLE, TAG
from spacy.tokens import Span, Token

from ..analyze.views import lower_words, token_texts
from ..datafiles import lexicon, titles
from .lexicon import load_lexicon
from .mentions import HEADLINE_END, Mentions, _without_suffix

WORD_LISTS = frozenset({"male_pronouns", "female_pronouns", "male_evidence", "female_evidence", "male_words",
                        "female_words", "person_descriptions", "title_abbreviations", "standing_nouns",
                        "party_members", "organisation_descriptions", "teen_words"})
LOCATED_FAMILY = frozenset({"ATTACK", "CASUALTY"})  # one happening's claims: where one was, the other was
WINDOW = 2  # sentences before the pronoun's own that may hold its antecedent
MAX_MENTIONS = 40  # of one sentence, the latest that a pronoun weighs
DEFINITE = frozenset({"the", "this", "that"})
INDEFINITE = frozenset({"a", "an"})
NAMING_VERBS = frozenset({"identify", "name"})
SUBJECTS = frozenset({"nsubj", "nsubjpass"})
OBJECT_DEPS = frozenset({"dobj", "obj", "dative", "iobj"})
QUOTES = frozenset({'"', "“", "”", "``", "''"})


@lru_cache(maxsize=1)
def words() -> dict:
    data = lexicon("coref", WORD_LISTS)
    out = {k: frozenset(str(w).lower() for w in v) for k, v in data.items() if k != "title_abbreviations"}
    out["title_abbreviations"] = {str(k).lower(): str(v).lower() for k, v in data["title_abbreviations"].items()}
    return out


def referent(token: Token, mentions: Mentions):
    """The named person ``token`` (a pronoun or a description) refers back to, or None."""
    lower = token.lower_
    w = words()
    if lower in w["male_pronouns"] or lower in w["female_pronouns"]:
        if token.tag_ == "PRP$":
            return None  # "her husband": the husband is meant, not her
        return mentions.references.pronoun(token)
    if token.pos_ == "NOUN" or token.lower_ == "old" and token.pos_ == "ADJ":  # "the 10-year-old"
        return mentions.references.description(token)
    return None


class References:
    """The named people of one document, their genders and the nouns tied to them."""

    def __init__(self, mentions: Mentions):
        self.mentions = mentions
        doc = mentions.doc
        self.sents = list(doc.sents)
        # token -> its sentence (Token.sent walks the sentence: quadratic in a run-on one)
        self.sent_of = [k for k, s in enumerate(self.sents) for _ in range(s.start, s.end)]
        self.people: list[tuple[Span, str]] = self._named_people()
        self.people_in: dict[int, list[tuple[Span, str]]] = defaultdict(list)  # sentence -> people named there
        self.spans_of: dict[str, list[Span]] = defaultdict(list)  # person -> mentions, in order
        for span, key in self.people:
            self.people_in[self.sent_of[span.start]].append((span, key))
            self.spans_of[key].append(span)
        self.tied: dict[int, str] = {}  # noun token -> the key of the person it names
        self.ties: dict[str, list[tuple[int, str]]] = defaultdict(list)  # noun lemma -> (token, key)
        for span, key in self.people:
            self._tie_nouns(span, key)
        self.quoted = quoted_tokens(doc)
        self.unnamed_in: dict[int, list[Token]] = defaultdict(list)  # sentence -> "a man", "the victim"
        # only a singular noun (tag NN) can be one: the others need no Token made
        for i in numpy.flatnonzero(doc.to_array(TAG) == doc.vocab.strings.add("NN")).tolist():
            if self._unnamed_person(doc[i]):
                self.unnamed_in[self.sent_of[i]].append(doc[i])
        self.gender = self._genders()
        self.ages = self._ages()

    # -- who is named ---------------------------------------------------------------
    def _named_people(self) -> list[tuple[Span, str]]:
        spans = {s.start: s for s in self.mentions.by_token.values() if s.label_ == "PERSON"}
        full = {self._name(s) for s in spans.values() if " " in self._name(s)}
        for t in self._surnames_untagged(full):
            spans.setdefault(t.i, Span(t.doc, t.i, t.i + 1, label="PERSON"))
        out = []
        for start in sorted(spans):
            name = self._name(spans[start])
            if not name:
                continue
            if " " not in name:  # "Hart" after "Lena Hart": one person, if one full name fits
                fits = [f for f in full if f.endswith(" " + name)]
                name = fits[0] if len(fits) == 1 else name
            out.append((spans[start], name))
        return out

    def _surnames_untagged(self, full: set[str]) -> list[Token]:
        """"Villalba was a city councillor" after "Rosa Villalba", where the tagger missed
        the name: a capitalised surname the article never writes in lower case."""
        surnames = {f.split()[-1] for f in full}
        if not surnames:
            return []  # no full name: nothing to look for, and no need to read every word
        doc = self.mentions.doc
        words, (is_title, is_lower) = lower_words(doc), doc.to_array([IS_TITLE, IS_LOWER]).T.tolist()
        lower = {w for w, low in zip(words, is_lower) if low}
        return [doc[i] for i, w in enumerate(words) if w in surnames and is_title[i]
                and i not in self.mentions.by_token and w not in lower]

    @staticmethod
    def _name(span: Span) -> str:
        """The person's name without titles or a possessive ("Mr. Trump's" -> "trump")."""
        w = words()
        toks = [t for t in span if not t.is_punct and t.lower_ not in {"'s", "’s"}]
        while toks and (is_title_word(toks[0]) or toks[0].lower_ in w["male_words"]
                        or toks[0].lower_ in w["female_words"]):
            toks = toks[1:]
        return _without_suffix(" ".join(t.text for t in toks)) if toks else ""

    def _tie_nouns(self, span: Span, key: str) -> None:
        """Nouns the article uses to say who this person is."""
        root = span.root
        # "Dana Hart, the CEO of Brightline": the tagger may take a capitalised title for a name
        nouns = [c for c in root.children if c.dep_ == "appos" and (c.pos_ == "NOUN" or (
            c.pos_ == "PROPN" and not c.ent_type_ and self._is_person_noun(c)))]
        if root.dep_ == "appos" and root.head.pos_ == "NOUN":
            nouns.append(root.head)  # "the suspect, John Smith"
        nouns += [t for t in root.lefts if t.dep_ in {"compound", "nmod"} and t.i < span.start]
        nouns += [t for t in span[:-1] if is_title_word(t)]  # "Gov. Ann Dale"
        head = root.head
        if head.lemma_ == "be" and root.dep_ in {"attr", "nsubj"}:  # "the man ... is John Smith"
            other = {"attr": "nsubj", "nsubj": "attr"}[root.dep_]
            nouns += [c for c in head.children if c.dep_ == other and c.pos_ == "NOUN"]
        verb = naming_verb(root)  # "the woman, named by the police as Lena Hart"
        if verb is not None:
            nouns += [verb.head] if verb.dep_ in {"acl", "relcl"} else \
                [c for c in verb.children if c.dep_ in {"nsubjpass", "dobj"}]
        for noun in nouns:
            if noun.pos_ in {"NOUN", "PROPN"}:
                self.tied[noun.i] = key
                self.ties[self._lemma(noun)].append((noun.i, key))

    @staticmethod
    def _lemma(noun: Token) -> str:
        return words()["title_abbreviations"].get(noun.lower_, noun.lemma_.lower())

    def _is_person_noun(self, token: Token) -> bool:
        lemma = token.lemma_.lower()
        return self.mentions.lex.heads.get(lemma) == "PERSON" or lemma in words()["person_descriptions"]

    def _unnamed_person(self, token: Token) -> bool:
        """"a man", "the victim": one person the article describes without naming here."""
        return token.pos_ == "NOUN" and token.tag_ == "NN" and token.dep_ not in {"compound", "npadvmod"} \
            and token.i not in self.tied and token.i not in self.mentions.by_token and self._is_person_noun(token)

    # -- ages -----------------------------------------------------------------------
    def _ages(self) -> dict[str, set[int]]:
        """The ages the article gives its named people: "Kimani Gray, 16,", "16-year-old
        Kimani Gray", "the 46-year-old Chesnut"."""
        ages: dict[str, set[int]] = defaultdict(set)
        for span, key in self.people:
            root = span.root
            for c in root.children:
                age = age_of(c) if c.dep_ == "amod" else number_of(c) if c.dep_ == "appos" else None
                if age is not None:
                    ages[key].add(age)
        return ages

    def _by_age(self, token: Token) -> str | None:
        """"the 10-year-old", "the 48-year-old Kansas City man", "the teen": the one person
        named before whose age the article gave and fits. "A 35-year-old New Bedford man" in a
        lead that names "Gary Gomes, 35," further on is him too: the one person of the article
        given exactly that age, before or after."""
        age = age_of(token) if token.lower_ == "old" else next(
            (a for c in token.children if c.dep_ == "amod" and (a := age_of(c)) is not None), None)
        if not is_definite(token):
            return self._only_one_of_age(age) if age is not None and is_indefinite(token) else None
        fits = range(age, age + 1) if age is not None else \
            TEEN_AGES if token.lemma_.lower() in words()["teen_words"] else None
        if fits is None:
            return None
        keys = {key for key, spans in self.spans_of.items() if spans[0].start < token.i
                and any(a in fits for a in self.ages.get(key, ()))}
        return keys.pop() if len(keys) == 1 else None

    def _only_one_of_age(self, age: int) -> str | None:
        keys = {key for key, ages in self.ages.items() if age in ages}
        return keys.pop() if len(keys) == 1 else None

    # -- genders --------------------------------------------------------------------
    def _genders(self) -> dict[str, str | None]:
        """"m", "f" or None (unknown, or the article's words disagree) for each person."""
        votes: dict[str, set[str]] = defaultdict(set)
        for span, key in self.people:
            before = span.doc[span.start - 1] if span.start > 0 else None
            for t in [before, span[0]]:
                if t is not None:
                    votes[key] |= word_gender(t.lower_)
            if " " in key:
                votes[key] |= name_gender(key.split()[0])
            votes[key] |= self._own_pronouns(span)
        for i, key in self.tied.items():
            votes[key] |= word_gender(self.mentions.doc[i].lemma_.lower())
        return {key: next(iter(v)) if len(v) == 1 else None for key, v in votes.items()}

    def _own_pronouns(self, span: Span) -> set[str]:
        """"Okafor had just locked her door": a possessive or reflexive pronoun in the clause
        whose subject the person is, outside quotes, is the person's."""
        from .roles import clause_head  # roles asks this module for referents

        root = span.root
        if root.dep_ not in SUBJECTS:
            return set()
        verb = root.head
        out: set[str] = set()
        for t in verb.subtree:
            if t.i in self.quoted or t.tag_ != "PRP$" and not t.lower_.endswith("self"):
                continue
            if clause_head(t).i == verb.i:
                out |= pronoun_gender(t.lower_)
        return out

    def _fits(self, key: str, gender: str) -> bool:
        return self.gender.get(key) in (None, gender)

    # -- resolution -----------------------------------------------------------------
    def pronoun(self, token: Token):
        key = self.antecedents.get(token.i)
        if key is None:
            return None
        spans = [s for s in self.spans_of[key] if s.start < token.i]
        return self.mentions.resolve_span(spans[-1])

    @cached_property
    def antecedents(self) -> dict[int, str | None]:
        """Every gendered pronoun's person (None: nobody for sure), in document order: an
        earlier "he" is a mention of whoever it stands for when a later one looks back."""
        out: dict[int, str | None] = {}
        by_sentence: dict[int, list[tuple[Token, str | None]]] = defaultdict(list)
        for t in self.mentions.doc:
            if pronoun_gender(t.lower_) and t.pos_ == "PRON":
                out[t.i] = self._antecedent(t, by_sentence)
                by_sentence[self.sent_of[t.i]].append((t, out[t.i]))
        return out

    def _antecedent(self, token: Token, earlier: dict[int, list[tuple[Token, str | None]]]) -> str | None:
        gender = next(iter(pronoun_gender(token.lower_)))
        excluded = self._co_arguments(token)
        here = self.sent_of[token.i]
        for k in range(here, max(-1, here - WINDOW - 1), -1):
            end = token.i if k == here else self.sents[k].end
            subject: dict[str, bool] = {}  # candidate -> whether it is a subject there
            for s, key in self.people_in.get(k, ())[-MAX_MENTIONS:]:
                if s.end <= end and self._fits(key, gender) and key not in excluded:
                    subject[key] = subject.get(key, False) or s.root.dep_ in SUBJECTS
            unsure = any(t.i < end and word_gender(t.lemma_.lower()) in (set(), {gender})
                         for t in self.unnamed_in.get(k, ())[-MAX_MENTIONS:])
            # a run-on sentence of a thousand "he" must not cost a million steps: the last few do
            for pron, key in earlier.get(k, ())[-MAX_MENTIONS:]:
                if pronoun_gender(pron.lower_) == {gender}:
                    unsure |= key is None
                    if key is not None and key not in excluded:
                        subject[key] = subject.get(key, False) or pron.dep_ in SUBJECTS
            if not subject and not unsure:
                continue
            if unsure:
                return None
            if len(subject) == 1:
                return next(iter(subject))
            # "Premier Berg flew out of Rome after talks with Karl Vogt, before her visit": the subject
            # the article says is a woman, beside people whose gender it never says
            known = [key for key in subject if self.gender.get(key) == gender]
            return known[0] if len(known) == 1 and subject[known[0]] else None
        return None

    def _co_arguments(self, token: Token) -> set[str]:
        """"Okafor hit her": an object pronoun is not the subject of its own verb."""
        verb = token.head.head if token.dep_ == "pobj" else token.head
        if token.dep_ not in OBJECT_DEPS | {"pobj"}:
            return set()
        subjects = [c for c in verb.children if c.dep_ in SUBJECTS]
        return {key for s, key in self.people_in.get(self.sent_of[token.i], ())
                if any(s.start <= c.i < s.end for c in subjects)}

    def named_near(self, person, token: Token) -> bool:
        """Whether ``person`` is named in ``token``'s sentence (before it) or the two before."""
        here = self.sent_of[token.i]
        for k in range(here, max(-1, here - WINDOW - 1), -1):
            for span, _key in self.people_in.get(k, ()):
                if span.start < token.i and self.mentions.resolve_span(span) is person:
                    return True
        return False

    # -- what each sentence is about -------------------------------------------------
    @cached_property
    def topics(self) -> list[Span | None]:
        """Per sentence, the named person or organisation its main clause is about: the
        subject's name, or the previous sentence's topic when the subject names it again by
        a pronoun or a description ("Mike Pence says ... The Indiana governor said ...").
        None when the subject is nobody named or it is not sure who."""
        out: list[Span | None] = []
        for k in range(len(self.sents)):
            out.append(self._topic(k, out[-1] if out else None))
        return out

    def _topic(self, k: int, before: Span | None) -> Span | None:
        subj = main_subject(self.sents[k])
        if subj is None or subj.i in self.quoted:
            return None  # a quote's "he" is whoever its speaker means
        span = self.mentions.span_at(subj)
        if span is not None and span.label_ in {"PERSON", "ORG"}:
            return span
        if subj.pos_ == "PRON":
            return self._pronoun_topic(subj, before)
        return before if before is not None and self._renames(subj, before, k - 1) else None

    def _pronoun_topic(self, pronoun: Token, before: Span | None) -> Span | None:
        """A subject "he" or "she" goes on about the previous topic when it fits that
        person's gender and coreference does not find someone else."""
        gender = pronoun_gender(pronoun.lower_)
        if before is None or before.label_ != "PERSON" or len(gender) != 1 \
                or pronoun.lower_ not in words()["male_pronouns"] | words()["female_pronouns"]:
            return None
        key = self.key_at.get(before.start)  # None: a name the person index left out
        if key is None or self.antecedents.get(pronoun.i) not in (None, key) \
                or not self._fits(key, next(iter(gender))):
            return None
        return before

    @cached_property
    def key_at(self) -> dict[int, str]:
        return {span.start: key for span, key in self.people}

    def _description(self, noun: Token) -> str | None:
        """"person" or "organisation" when ``noun`` is a definite description of the kind a
        report uses to name again whom it just named ("the Indiana governor", "the Ohio
        Republican", "the nation's largest gun group"), else None."""
        if not (is_definite(noun) or any(c.dep_ == "poss" and c.pos_ == "NOUN" and is_definite(c)
                                         for c in noun.children)):
            return None
        if any(c.dep_ == "appos" for c in noun.children) or self.mentions.named_in(noun, {"PERSON"}):
            return None  # "the governor, Ann Dale": named right there
        w, lemma = words(), self._lemma(noun)
        span = self.mentions.span_at(noun)
        if span is not None and span.label_ == "NORP" and len(span) == 1 and noun.tag_ == "NNP":
            return "person" if noun.lower_ in w["party_members"] else None
        if span is not None:
            return None
        if not any(c.dep_ in {"amod", "compound", "nmod", "poss"} and c.i < noun.i for c in noun.children):
            return None  # a bare "the governor" says only that a governor was meant before (ties do that)
        if lemma in w["standing_nouns"] and noun.tag_ in {"NN", "NNP"}:
            # "the FBI director", "the French president": an organisation's officer, a foreign
            # leader, are not whoever spoke before
            return None if self.mentions.named_in(noun, {"ORG"}) or self._names_a_country(noun) else "person"
        return "organisation" if lemma in w["organisation_descriptions"] and noun.tag_ == "NN" else None

    def _names_a_country(self, noun: Token) -> bool:
        """"the French president", "the Malian minister"; not "the Ohio Republican"."""
        return any(self.mentions.resolver.country_code(span.text) is not None
                   for span in self.mentions.named_in(noun, {"GPE", "NORP"}))

    def _renames(self, noun: Token, before: Span, k: int) -> bool:
        """Whether the description ``noun`` names again ``before``, the topic of sentence
        ``k``: one of its kind, of a fitting gender, and nobody else in that sentence's main
        clause could be meant ("Obama met Putin. The president said" is not sure)."""
        kind = self._description(noun)
        if kind == "organisation":
            return before.label_ == "ORG" and not self._rivals(k, before, {"ORG"}, noun)
        key = self.key_at.get(before.start)
        if kind != "person" or before.label_ != "PERSON" or key is None:
            return False  # (a name the person index left out cannot be told apart)
        gender = word_gender(noun.lemma_.lower())
        if gender and not self._fits(key, next(iter(gender))):
            return False
        # "Texas Sen. Ted Cruz ... The billionaire businessman": one the article calls by
        # another title is not the one this describes
        if self.nouns_of.get(key, set()) - {self._lemma(noun)}:
            return False
        return not self._rivals(k, before, {"PERSON", "ORG"}, noun)  # the tagger may call a person an ORG

    def _rivals(self, k: int, topic: Span, labels: set[str], noun: Token) -> bool:
        """Another party of the labels named as an argument of sentence ``k``'s main clause
        (not in a clause of its own, not as an owner), unless the article calls it by other
        nouns than ``noun`` ("President Obama" is not "the Ohio Republican")."""
        sent = self.sents[k]
        topic_ent = self.mentions.resolve_span(topic)
        lemma = self._lemma(noun)
        for t in sent:
            span = self.mentions.span_at(t)
            if span is None or span.root.i != t.i or span.label_ not in labels or not in_main_clause(t):
                continue
            if self.mentions.resolve_span(span) is topic_ent:
                continue
            key = self.key_at.get(span.start)
            known_as = self.nouns_of.get(key, set()) if key is not None else set()
            if not known_as or lemma in known_as:
                return True
        return False

    @cached_property
    def nouns_of(self) -> dict[str, set[str]]:
        out: dict[str, set[str]] = defaultdict(set)
        for i, key in self.tied.items():
            out[key].add(self._lemma(self.mentions.doc[i]))
        return out

    def renamed_topic(self, token: Token):
        """The entity a main-clause subject pronoun or description names again, or None."""
        k = self.sent_of[token.i]
        subj = main_subject(self.sents[k])
        if subj is None or subj.i != token.i:
            return None
        topic = self.topics[k]
        if topic is None or topic.start <= token.i < topic.end:
            return None
        return self.mentions.resolve_span(topic)

    def names_a_person(self, noun: Token) -> bool:
        """Whether the article names who ``noun`` is right there ("his rival, Dana Whitlow")."""
        return noun.i in self.tied

    def description(self, token: Token):
        key = self.tied.get(token.i) or self._by_age(token)
        if key is None:
            if token.tag_ != "NN" or not self._is_person_noun(token) or not is_definite(token):
                return None
            keys = {k for i, k in self.ties.get(self._lemma(token), ()) if i < token.i}
            key = keys.pop() if len(keys) == 1 else None
        if key is None:
            return None
        spans = self.spans_of[key]
        before = [s for s in spans if s.start < token.i]
        return self.mentions.resolve_span((before or spans)[-1])


    def named_after_headline(self, token: Token):
        """"Company CEO gunned down at office party": a headline describes a victim the body
        goes on to name ("Dana Whitfield, the CEO of Brightline"), when it ties that noun to
        one person only."""
        if token.tag_ not in {"NN", "NNP"} or token.idx >= token.doc.user_data.get(HEADLINE_END, 0) \
                or not self._is_person_noun(token):
            return None
        keys = {k for i, k in self.ties.get(self._lemma(token), ()) if i > token.i}
        return self.mentions.resolve_span(self.spans_of[keys.pop()][0]) if len(keys) == 1 else None


CLAUSE_DEPS = frozenset({"advcl", "relcl", "acl", "ccomp", "xcomp", "csubj", "parataxis", "pcomp"})


TEEN_AGES = range(13, 20)
OLDEST = 120


def gives_an_age(noun: Token) -> bool:
    """"a 35-year-old man": the description carries the person's age."""
    return any(c.dep_ == "amod" and age_of(c) is not None for c in noun.children)


def age_of(old: Token) -> int | None:
    """The age "N-year-old" gives, its hyphens spaced or not, read at "old"."""
    if old.lower_ != "old":
        return None
    year = next((c for c in old.children if c.lower_ in {"year", "years"}), None)
    return next((n for c in year.children if (n := number_of(c)) is not None), None) if year is not None else None


def number_of(token: Token) -> int | None:
    """A whole number written in digits that can be a person's age."""
    return int(token.text) if token.text.isdigit() and 0 < int(token.text) <= OLDEST else None


def main_subject(sent: Span) -> Token | None:
    return next((c for c in sent.root.children if c.dep_ in SUBJECTS), None)


def in_main_clause(token: Token) -> bool:
    """An argument of the sentence's main verb, not an owner ("Trump's tweets") nor inside
    a clause of its own ("hours after Trump tweeted")."""
    if token.dep_ in {"poss", "compound", "nmod"}:
        return False
    node = token
    while node.head.i != node.i:
        if node.dep_ in CLAUSE_DEPS:
            return False
        node = node.head
    return True


def pronoun_gender(word: str) -> set[str]:
    w = words()
    return {"m"} if word in w["male_evidence"] else {"f"} if word in w["female_evidence"] else set()


@lru_cache(maxsize=1)
def first_names() -> dict[str, str]:
    data = lexicon("first_names", {"male", "female"})
    return {**{str(n): "m" for n in data["male"]}, **{str(n): "f" for n in data["female"]}}


def name_gender(given: str) -> set[str]:
    found = first_names().get(given)
    return {found} if found else set()


def word_gender(word: str) -> set[str]:
    w = words()
    return {"m"} if word in w["male_words"] else {"f"} if word in w["female_words"] else set()


def naming_verb(name: Token) -> Token | None:
    """The "identified" of "identified (by police) as <name>", wherever the parser hung "as"."""
    prep = name.head
    if name.dep_ != "pobj" or prep.lower_ != "as":
        return None
    node = prep.head
    for _ in range(3):
        if node.lemma_ in NAMING_VERBS:
            return node
        node = node.head
    return None


def is_title_word(token: Token) -> bool:
    lower = token.lower_
    return lower in words()["title_abbreviations"] or lower.rstrip(".") in titles()


def is_definite(noun: Token) -> bool:
    return any(c.dep_ == "det" and c.lower_ in DEFINITE for c in noun.children)


def is_indefinite(noun: Token) -> bool:
    """"a 35-year-old man", or no article at all as in a headline ("61-year-old man charged");
    not "his 35-year-old son", someone's relation."""
    return all(c.lower_ in INDEFINITE for c in noun.children if c.dep_ == "det") \
        and not any(c.dep_ == "poss" for c in noun.children)


def quoted_tokens(doc) -> set[int]:
    """Tokens inside quotation marks: there "he" may be anyone the quoted speaker talks about,
    so a quote tells nothing about the gender of the one person its sentence names."""
    inside, out = False, set()
    for i, text in enumerate(token_texts(doc)):
        if text in QUOTES:
            inside = not inside if text in {'"', "``", "''"} else text == "“"
            continue
        if inside:
            out.add(i)
    return out



def locate_back_references(claims: list) -> None:
    """"Four people died in the blast": an attack or toll that names its happening with a
    definite noun ("the blast", "in the clash") and says nowhere where it was happened where
    the article has located the attacks and tolls before it, when it has named one place
    for them all. Only the place: who did it may be someone else's deed told in between.
    Forces sent to "the scene" went there too."""
    places: set[str] = set()
    for claim in sorted(claims, key=lambda c: c.sentence):
        if claim.type == "DEPLOY" and not claim.roles.get("location") and len(places) == 1 \
                and SCENE.search(claim.text):
            claim.roles["location"] = list(places)  # "troops sealed off the scene": where it happened
        if claim.type not in LOCATED_FAMILY or claim.polarity == "denied":
            continue
        here = claim.roles.get("location") or []
        places.update(here)
        if not here and len(places) == 1 and names_its_happening_again(claim):
            claim.roles["location"] = list(places)


# the place of the happening just told, named as such ("police sealed off the scene")
SCENE = re.compile(r"\b(?:to|at|off|around|near|secured|cordoned)\s+the\s+scene\b", re.IGNORECASE)


def names_its_happening_again(claim) -> bool:
    """"the blast killed four", "died in the clash": the happening itself, named definitely
    (not "repulsed the attack", which may be this very one)."""
    text = claim.text.lower()
    nouns = back_reference_pattern()
    trigger = claim.trigger.lower()
    if re.fullmatch(nouns, trigger) and re.search(rf"\bthe (?:[\w-]+ )?{re.escape(trigger)}\b", text):
        return True
    if claim.roles.get("instrument") and THE_DEVICE.search(text):
        return True  # "the bomb had been planted by rebels": the bomb of the blast told before
    return re.search(rf"\b(?:in|during|after|from|at) the (?:[\w-]+ )?{nouns}\b", text) is not None


# a bomb named definitely: the one whose blast the article told ("the 50-kg bomb went off")
THE_DEVICE = re.compile(r"\bthe\s+(?:[\w-]+\s+)?(?:car\s+)?(?:bomb|device|explosives?)\b")


@lru_cache(maxsize=1)
def back_reference_pattern() -> str:
    nouns = load_lexicon().words("back_references")
    # "the strikes", "in the ambushes": a plural names the happenings told too
    return "(?:" + "|".join(re.escape(n) for n in sorted(nouns, key=len, reverse=True)) + ")(?:e?s)?"
