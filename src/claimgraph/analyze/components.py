"""spaCy components that repair what the small English model gets wrong in this domain."""

from __future__ import annotations

import re
from functools import lru_cache

import numpy
from spacy.attrs import LEMMA, LOWER, ORTH, TAG
from spacy.language import Language
from spacy.tokens import Doc, Span, Token
from spacy.util import filter_spans

from ..datafiles import gazetteer_rows, grammar, lexicon, ontology, titles
from ..resolve.places import geocode

# "Tarig Hassan el-Nour", "Mohammed bin Salman", "Abu Obeida": name particles the model cuts
# off a PERSON (it tags "el-Nour" as an ORG on its own)
PARTICLE = re.compile(rf"^(?:{'|'.join(grammar()['hyphened_name_particles'])})-[A-Z]"
                      rf"|^(?:{'|'.join(grammar()['kinship_name_words'])})$", re.I)


def _given_name(token) -> bool:
    """A capitalised name word the model left outside a PERSON ("Col. Cheik | Oumar Diakite")."""
    return (token.pos_ == "PROPN" and token.is_title and token.is_alpha and not token.ent_type_
            and token.lower_ not in titles() and not token.is_sent_start)


@Language.component("claimgraph_name_particles")
def join_name_particles(doc: Doc) -> Doc:
    """Extend a PERSON over a following "el-Nour" / "bin Salman", and over a given name
    the model cut off in front ("Col. Cheik Oumar Diakite"); a place over a following
    "ez-Zor" ("Deir ez-Zor", tagged "Deir"); drop the stray entity."""
    ents = list(doc.ents)
    changed = False
    for k, ent in enumerate(ents):
        if ent.label_ in PLACE_LABELS:
            end = _hyphened_particle_end(doc, ent.end)
            if end > ent.end:
                ents[k] = Span(doc, ent.start, end, label=ent.label_)
                changed = True
            continue
        if ent.label_ != "PERSON":
            continue
        start = ent.start
        while start > 0 and ent.start - start < 2 and _given_name(doc[start - 1]):
            start -= 1
        end = ent.end
        while end < len(doc):
            if (after := _hyphened_particle_end(doc, end)) > end:
                end = after  # "el-Nour", as one token or three
            elif PARTICLE.match(doc[end].text) and end + 1 < len(doc) and doc[end + 1].is_title:
                end += 2  # "bin Salman"
            else:
                break
        if end > ent.end or start < ent.start:
            ents[k] = Span(doc, start, end, label="PERSON")
            changed = True
    if changed:
        doc.ents = filter_spans(ents)
    return doc


PLACE_LABELS = frozenset({"GPE", "LOC", "FAC"})


def _hyphened_particle_end(doc: Doc, end: int) -> int:
    """Where a name goes on through a hyphened particle after ``end``: "Deir" + "ez-Zor" (one
    token or three); ``end`` when none follows."""
    if end < len(doc) and "-" in doc[end].text and PARTICLE.match(doc[end].text):
        return end + 1
    if end + 2 < len(doc) and doc[end + 1].text == "-" and doc[end + 2].is_title \
            and PARTICLE.match(f"{doc[end].text}-{doc[end + 2].text}"):
        return end + 3
    return end


VESSEL_PREFIXES = frozenset(grammar()["vessel_prefixes"])


@Language.component("claimgraph_vessel_names")
def join_vessel_names(doc: Doc) -> Doc:
    """"INS Tabar", "MV Gibe": a ship's prefix and the capitalised words after it are one
    named vessel (an ORG: it acts and is acted on like one), where the model tags "INS" an
    organisation and "Tabar" a place, or the pair a person."""
    vessels = []
    for token in doc:
        if token.text not in VESSEL_PREFIXES or token.i + 1 >= len(doc):
            continue
        end = token.i + 1
        while end < len(doc) and end - token.i <= 3 and doc[end].is_title and doc[end].is_alpha:
            end += 1
        if end > token.i + 1:
            vessels.append(Span(doc, token.i, end, label="ORG"))
    if vessels:
        taken = {i for span in vessels for i in range(span.start, span.end)}
        others = [e for e in doc.ents if not taken.intersection(range(e.start, e.end))]
        doc.ents = sorted(others + vessels, key=lambda e: e.start)
    return doc


def _known_surnames() -> frozenset[str]:
    """The one-word names of the gazetteer's people ("Zelenskiy", "Netanyahu")."""
    return frozenset(n for row in gazetteer_rows("people") for n in [row["name"], *row.get("aliases", [])]
                     if n.isalpha() and n.istitle())


KNOWN_SURNAMES = _known_surnames()


@Language.component("claimgraph_known_surnames")
def tag_known_surnames(doc: Doc) -> Doc:
    """A known person's surname the model left untagged ("Zelenskiy accused Russia ...", read
    as a common noun) is that PERSON. After the model, so "Karl Vance" stays one name: the
    gazetteer ruler leaves one-word names out for that reason."""
    found = [Span(doc, t.i, t.i + 1, label="PERSON") for t in doc if not t.ent_type_ and t.text in KNOWN_SURNAMES]
    if found:
        doc.ents = sorted([*doc.ents, *found], key=lambda e: e.start)
    return doc


RETAGGABLE = frozenset({"", "GPE", "LOC", "FAC", "ORG", "NORP", "DATE"})


@Language.component("claimgraph_names_told_again")
def tag_names_told_again(doc: Doc) -> Doc:
    """"King and Weeks were abducted" after "Kevin King" and "Timothy Weeks": a one-word name
    that is the given name or surname of exactly one person the article names in full is that
    person, whatever the model made of it (it left "King" untagged and read "Weeks" as a
    date, "Trayvon" as a place). A word it tagged a place stays one when a known place bears
    it; a "person" with a possessive in it ("Bloomington Sam's Club") names nobody. A name the
    model called an organisation is a person first when a title describes it, and a country
    when it names forces ("Botswana soldiers"); a plural weapon word is no person ("armed with
    Kalashnikovs")."""
    doc = weapons_taken_for_people(countries_whose_forces_are_named(people_described_by_a_title(doc)))
    owners: dict[str, set[str]] = {}
    for ent in doc.ents:
        if ent.label_ != "PERSON" or any(t.tag_ == "POS" for t in ent):
            continue
        words = [t.text for t in ent if t.is_alpha and t.is_title]
        if len(words) >= 2 and words[0].lower() in titles():
            words = words[1:]  # "President Park Geun-hye": the name after the title
        for word in {words[0], words[-1]} if len(words) >= 2 else ():
            if len(word) >= 3:
                owners.setdefault(word, set()).add(" ".join(words))
    named = [word for word, people in owners.items() if len(people) == 1]
    if not named:
        return doc
    hashes = numpy.array([doc.vocab.strings.add(word) for word in named], dtype="uint64")
    found = []
    for i in numpy.flatnonzero(numpy.isin(doc.to_array(ORTH), hashes)).tolist():
        token = doc[i]
        alone = token.ent_iob_ != "I" and (i + 1 == len(doc) or doc[i + 1].ent_iob_ != "I")
        # the tagger reads a name opening a sentence as a noun now and then ("Hendricks, then a ...")
        name = token.pos_ == "PROPN" or token.pos_ == "NOUN" and token.is_sent_start
        if name and alone and token.ent_type_ in RETAGGABLE and not known_place(token):
            found.append(Span(doc, i, i + 1, label="PERSON"))
            token.pos_, token.tag_, token.lemma_ = "PROPN", "NNP", token.text
    return with_entities_replaced(doc, found)


def with_entities_replaced(doc: Doc, spans: list[Span]) -> Doc:
    """``doc`` with ``spans`` in the place of the entities that start where they do."""
    if spans:
        taken = {span.start for span in spans}
        doc.ents = sorted([*(e for e in doc.ents if e.start not in taken), *spans], key=lambda e: e.start)
    return doc


def people_described_by_a_title(doc: Doc) -> Doc:
    """"A professor of economics at the university, Yanis Varoufakis, ...": a name in
    apposition to a title or rank is a person, where the model called it an organisation."""
    people = [Span(doc, e.start, e.end, label="PERSON") for e in doc.ents
              if e.label_ == "ORG" and 2 <= len(e) <= 3 and all(t.is_title and t.is_alpha for t in e)
              and e.root.dep_ == "appos" and e.root.head.lower_ in titles()]
    return with_entities_replaced(doc, people)


def countries_whose_forces_are_named(doc: Doc) -> Doc:
    """"Botswana soldiers sealed off the scene": a country's name before a word for forces is
    that country, where the model called it an organisation or a person."""
    forces = personnel_nouns()
    countries = [Span(doc, e.start, e.end, label="GPE") for e in doc.ents
                 if e.label_ in {"ORG", "PERSON"} and e.root.dep_ == "compound" and e.root.head.pos_ == "NOUN"
                 and e.root.head.lemma_.lower() in forces and is_country_name(e.text)]
    return with_entities_replaced(doc, countries)


def weapons_taken_for_people(doc: Doc) -> Doc:
    """"thieves armed with Kalashnikovs": a plural weapon word the model called a person is
    the weapons (materiel.yaml), a common noun with its singular lemma."""
    weapons = materiel_words()
    taken = []
    for ent in doc.ents:
        token = ent[0]
        singular = token.lower_[:-1] if token.lower_.endswith("s") else None
        if ent.label_ == "PERSON" and len(ent) == 1 and singular in weapons:
            taken.append(token.i)
            token.pos_, token.tag_, token.lemma_ = "NOUN", "NNS", singular
    if taken:
        doc.ents = [e for e in doc.ents if e.start not in taken]
    return doc


@lru_cache(maxsize=1)
def materiel_words() -> frozenset[str]:
    return frozenset(str(w).lower() for w in lexicon("materiel", {"materiel"})["materiel"])


def is_country_name(text: str) -> bool:
    place = geocode(text, fuzzy=False)
    return place is not None and place.kind == "country"


def known_place(token: Token) -> bool:
    """A word the model tagged a place that a known place bears."""
    return token.ent_type_ in {"GPE", "LOC", "FAC"} and geocode(token.text, fuzzy=False) is not None


# words that open a new clause inside what the model took for one date ("on Wednesday that
# Sunday's strike ...": two dates, one for the report and one for the strike)
CLAUSE_OPENERS = frozenset({"that", "when", "while", "because", "whether"})


@Language.component("claimgraph_split_dates")
def split_dates_at_clauses(doc: Doc) -> Doc:
    """Cut a DATE or TIME entity where a new clause begins inside it."""
    ents, changed = [], False
    for ent in doc.ents:
        cuts = [t.i for t in ent if ent.label_ in {"DATE", "TIME"} and t.i > ent.start
                and t.lower_ in CLAUSE_OPENERS and (t.pos_ == "SCONJ" or t.dep_ == "mark")]
        if not cuts:
            ents.append(ent)
            continue
        changed = True
        start = ent.start
        for cut in [*cuts, ent.end]:
            if cut > start:
                ents.append(Span(doc, start, cut, label=ent.label_))
            start = cut + 1
    if changed:
        doc.ents = ents
    return doc


class IrregularVerbLemmas:
    """"came in, shot and killed": the tagger reads "shot" as a base form (VB), so the rule
    lemmatizer keeps "shot" and the trigger "shoot" is missed. A base-form verb that the
    model's own exception table lists as an irregular form of a trigger verb ("shot",
    "struck", "fought", "sent") takes that verb's lemma. Only trigger verbs: "wound" is also
    "wind" and "found" also "find", and a wounding must stay one."""

    def __init__(self, nlp: Language):
        table = nlp.get_pipe("lemmatizer").lookups.get_table("lemma_exc") if "lemmatizer" in nlp.pipe_names \
            else {}
        verbs = dict(table.get("verb", {})) if table else {}
        triggers = trigger_verbs()
        self.irregular = {form: lemmas[0] for form, lemmas in verbs.items()
                          if len(lemmas) == 1 and lemmas[0] in triggers and form not in triggers}
        self.base_tags = [nlp.vocab.strings.add("VB"), nlp.vocab.strings.add("VBP")]

    def __call__(self, doc: Doc) -> Doc:
        if not self.irregular or not len(doc):
            return doc
        columns = doc.to_array([TAG, LEMMA, LOWER])
        suspects = numpy.flatnonzero(numpy.isin(columns[:, 0], self.base_tags) & (columns[:, 1] == columns[:, 2]))
        for i in suspects.tolist():
            token = doc[int(i)]
            lemma = self.irregular.get(token.lower_)
            if lemma is not None:
                token.lemma_ = lemma
        return doc


@Language.factory("claimgraph_irregular_lemmas")
def make_irregular_lemmas(nlp: Language, name: str) -> IrregularVerbLemmas:
    return IrregularVerbLemmas(nlp)


def trigger_verbs() -> frozenset[str]:
    """Every one-word verb that triggers a claim type (the ontology's verb lists)."""
    words: set[str] = set()
    for claim_type in ontology().values():
        for group in (claim_type.verbs, claim_type.weapon_verbs, claim_type.phrasal_verbs):
            words.update(w.split()[0] for w in group)
    return frozenset(words)


@Language.component("claimgraph_capitalised_nouns")
def common_nouns_opening_sentences(doc: Doc) -> Doc:
    """"Guerrillas killed 12 soldiers": a capital at a sentence's start can make the tagger
    read a common noun as a name (lemma "Guerrillas"), and the rules that know guerrillas as
    armed people never see them. A sentence's first word, tagged a name outside any entity,
    that is a noun the lexicons know (mention heads, personnel, armed people) becomes that noun;
    a lone plural tagged an entity ("Guerrillas" as ORG) loses the tag."""
    known = common_nouns()
    named_by_mistake = []
    for sent in doc.sents:
        token = sent[0]
        if token.pos_ != "PROPN" or not token.is_title:
            continue
        lemma = singular_known(token.lower_, known)
        modifier = lemma is None and modifies_forces(token)
        if lemma is None and not modifier:
            continue
        lemma = lemma or token.lower_
        if token.ent_type_:
            # only a lone plural the tagger called a name ("Guerrillas" as ORG), or a word naming a
            # kind of force ("Riot police" as PERSON); "Police" may be one
            if not modifier and (lemma == token.lower_ or token.ent_iob_ != "B"
                                 or (token.i + 1 < len(doc) and doc[token.i + 1].ent_iob_ == "I")):
                continue
            named_by_mistake.append(token.i)
        token.pos_ = "NOUN"
        token.tag_ = "NN" if lemma == token.lower_ else "NNS"
        token.lemma_ = lemma
    if named_by_mistake:
        doc.ents = [e for e in doc.ents if not (len(e) == 1 and e.start in named_by_mistake)]
    fix_lemmas(doc)
    return doc


FORCE_MODIFIERS = frozenset(lexicon("senses", {"force_modifiers"})["force_modifiers"])


def modifies_forces(token: Token) -> bool:
    """"Riot police", "Border guards": a word naming a kind of force before a personnel noun."""
    following = token.doc[token.i + 1] if token.i + 1 < len(token.doc) else None
    return token.lower_ in FORCE_MODIFIERS and following is not None \
        and singular_known(following.lower_, personnel_nouns()) is not None


@lru_cache(maxsize=1)
def personnel_nouns() -> frozenset[str]:
    return frozenset(lexicon("materiel", {"personnel"})["personnel"])


LEMMA_FIXES = {"NOUN": dict(grammar().get("noun_lemma_fixes", {})),
               "VERB": dict(grammar().get("verb_lemma_fixes", {}))}
PAST_FORMS = frozenset(grammar().get("verb_past_forms", []))


def fix_lemmas(doc: Doc) -> None:
    """"attacked security bases", "police cordoned off the street": the lemmatizer's "basis"
    becomes "base", its "cordone" "cordon" (grammar.yaml noun_lemma_fixes, verb_lemma_fixes),
    found in the Doc's lower-case column; a past tense the tagger took for a present ("retook")
    is tagged past (verb_past_forms)."""
    wanted = [doc.vocab.strings.add(w) for fixes in LEMMA_FIXES.values() for w in fixes]
    for i in numpy.flatnonzero(numpy.isin(doc.to_array(LOWER), wanted)).tolist():
        token = doc[int(i)]
        lemma = LEMMA_FIXES.get(token.pos_, {}).get(token.lower_)
        if lemma is not None:
            token.lemma_ = lemma
        if token.pos_ == "VERB" and token.lower_ in PAST_FORMS and token.tag_ in {"VB", "VBP"}:
            token.tag_ = "VBD"


def singular_known(word: str, known: frozenset[str]) -> str | None:
    """``word`` or its singular, when ``known`` holds it ("gunmen" -> "gunman").

    >>> singular_known("guerrillas", frozenset({"guerrilla"})), singular_known("gunmen", frozenset({"gunman"}))
    ('guerrilla', 'gunman')
    """
    forms = [word]
    if word.endswith("men"):
        forms.append(word[:-3] + "man")
    if word.endswith("ies"):
        forms.append(word[:-3] + "y")
    if word.endswith("es"):
        forms.append(word[:-2])
    if word.endswith("s"):
        forms.append(word[:-1])
    return next((f for f in forms if f in known), None)


@lru_cache(maxsize=1)
def common_nouns() -> frozenset[str]:
    """The nouns the lexicons know as heads of mentions, personnel or armed people."""
    heads = lexicon("mention_heads")
    words = {w for nouns in heads.values() if isinstance(nouns, list) for w in nouns}
    words |= set(lexicon("materiel", {"personnel"})["personnel"])
    words |= set(lexicon("senses", {"armed_people"})["armed_people"])
    return frozenset(w for w in words if " " not in w)
