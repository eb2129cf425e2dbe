"""Fill a claim's roles from the parse around its trigger.

Roles follow the grammatical frame of the trigger: the subject of "fired" is the
actor, but the subject of "struck" is the instrument when it is a weapon; in
"provided Russia with launchers" the object is the recipient and the "with"
phrase the instrument. Places anywhere in the trigger's clause are locations
(countries reached by "into"/"against" are targets).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace

from spacy.tokens import Span, Token

from ..model import ROLE_NAMES, Entity
from ..datafiles import grammar
from .confidence import bare_plural
from .attribution import (SPEECH_ACTS, can_speak, charged_participle, clause_head, has_nothing_to_do,
                          nothing_to_do_clause, price_promised, promised_under, speaker_entity)
from .coref import gives_an_age, referent
from .lexicon import load_lexicon, said_to_be_armed
from .times import TIME_UNIT_NOUNS
from ..analyze.components import VESSEL_PREFIXES
from .mentions import (HEADLINE_END, PARTITIVES, PLACE_LABELS, PLACE_NOUNS, PRONOUNS, SHIP_KINDS, Mentions, conjuncts,
                       counting_noun, is_bare_definite, is_country, phrase_tokens, plural_of, slug, things_counted,
                       whole_of_part)

LOCATIVE = {"in", "near", "at", "on", "across", "over", "outside", "around", "inside", "into",
            "toward", "towards", "behind", "along", "within", "throughout", "off", "of"}
TARGETING = {"into", "against", "on", "at", "toward", "towards"}
CHARGE_VERBS = load_lexicon().words("charge_verbs")
STATEMENT_NOUNS = load_lexicon().words("statement_nouns")
# who speaks for a body rather than as its officer: "the army spokesman" is the army
VOICE_NOUNS = frozenset({"spokesman", "spokeswoman", "spokesperson", "official", "representative", "source"})
# a person, a kind of people or a weapon is never where something happened ("fired at Verona")
NEVER_PLACES = frozenset({"PERSON", "PERSONNEL", "NORP", "WEAPON"})
CASUALTY_OF = dict(grammar()["casualty_of"])


class Roles(dict):
    """role -> list of Entity, without duplicates, in order of discovery."""

    def __init__(self):
        super().__init__({r: [] for r in ROLE_NAMES})

    def add(self, role: str, entity: Entity | None) -> None:
        if entity is not None and all(e.id != entity.id for e in self[role]):
            self[role].append(entity)

    def used(self) -> set[str]:
        return {e.id for es in self.values() for e in es}

    def ids(self) -> dict[str, list[str]]:
        return {r: [e.id for e in es] for r, es in self.items()}

    def any(self) -> bool:
        return any(self.values())


def name_split_off(subj: Token, verb: Token) -> Token:
    """"Seven aid workers from the charity World Central Kitchen were killed", parsed with two
    subjects: the nearer is the name of the noun that ends the other, and the other is the subject."""
    before = [c for c in verb.lefts if c.dep_ == "nsubjpass" and c.i < subj.i]
    if not before or subj.dep_ != "nsubjpass" or subj.pos_ != "PROPN" or before[-1].pos_ != "NOUN":
        return subj
    other = before[-1]
    end = other.right_edge  # "the charity", with nothing but its article: the name is its
    named = end.dep_ == "pobj" and end.pos_ == "NOUN" and [c.dep_ for c in end.children] == ["det"]
    return other if named and end.i + 1 == subj.left_edge.i else subj


def subject_of(verb: Token) -> Token | None:
    return subject_and_voice(verb)[0]


def subject_and_voice(verb: Token) -> tuple[Token | None, bool]:
    """The verb's subject and whether it is the one acted on ("Reyes was shot": passive);
    for a relative clause, the noun it hangs on ("Minsky, who shot Reyes": Minsky, active)."""
    node = verb
    if misparsed_past_tense(node):
        return node.head, False  # "Israeli airstrikes killed 25 people", read as "airstrikes (that were) killed"
    if node.dep_ == "amod" and node.head.head.i != node.head.i:  # "denied shipping shells"
        node = node.head.head
    raised = None  # the infinitive climbed from: "X is believed to have supplied", "X was ordered to attack"
    for _ in range(4):
        # two subjects are a misparse ("Constable Tim Fanning allege the man ... opened fire",
        # "allege" read as a noun): the one nearest the verb is its subject
        subj = next((c for c in reversed(list(node.lefts)) if c.dep_ in {"nsubj", "nsubjpass"}), None) \
            or next((c for c in node.children if c.dep_ in {"nsubj", "nsubjpass"}), None)
        subj = name_split_off(subj, node) if subj is not None else None
        if subj is not None and subj.lower_ in {"which", "that", "who"} and node.dep_ == "relcl":
            antecedent = node.head
            if antecedent.dep_ == "appos" and antecedent.head.ent_type_ == "PERSON":
                antecedent = antecedent.head  # "Nidal Hasan, the psychiatrist who killed 13": Hasan
            return antecedent, subj.dep_ == "nsubjpass"  # "the missile which hit a depot": the missile hit it
        if subj is not None and raised is not None and subj.dep_ == "nsubjpass":
            return subj, any(c.dep_ == "auxpass" for c in raised.children)  # X supplied (or was shelled)
        if subj is not None:
            own_voice = conjunct_voice(verb) if node is not verb and verb.dep_ == "conj" else None
            if own_voice is not None:
                return subj, own_voice
            return subj, subj.dep_ == "nsubjpass" or headline_passive(node) or counted_victims(node, subj) \
                or passive_left_out(node)
        inverted = inverted_passive_subject(node)
        if inverted is not None:
            return inverted, True
        gerund_subject = subject_of_a_misread_gerund(node)
        if gerund_subject is not None:
            return gerund_subject, any(c.dep_ == "csubjpass" for c in node.children)
        charged = one_charged_with(node)
        if charged is not None:
            return charged, False
        misread = subject_read_as_conjunct(node) or subject_described_before(node)
        if misread is not None:
            return misread, any(c.dep_ == "auxpass" for c in node.children)
        if promised_under_signed(node):
            node = node.head.head  # "X signed a contract to supply": X supplies
            continue
        undergoer = subject_undergoing(node)
        if undergoer is not None:
            return undergoer, True
        # "denied arming", "accused of firing" (and "denied shooting", read as a noun)
        gerund = node.dep_ in {"dobj", "pcomp"} and node.tag_ == "VBG" or gerund_read_as_a_noun(node)
        if gerund and node.dep_ == "pcomp" and node.head.head.lemma_.lower() in CONFESSING_VERBS:
            node = node.head.head  # "Webb admitted to threatening the girl": who admits did it
            continue
        denier = denier_of_the_charge(node) if gerund else None
        if denier is not None:
            node = denier  # "Afghanistan denied charges of bombing Pakistan": who denies is charged
            continue
        charged = charged_deed_continued(node)
        if charged is not None:
            return charged, False  # "accused the RSF of shelling a hospital, killing seven": the RSF killed
        if (node.dep_ in {"conj", "xcomp", "advcl"} or gerund) and node.head.i != node.i:
            if node.dep_ == "conj" and any(c.dep_ == "mark" and c.lower_ == "that" for c in node.children):
                return None, False  # "said the assailants arrived ... and that the army's counter-attack
                # had neutralised dozens": a clause of its own, whose subject the parser lost
            if node.dep_ == "xcomp" and any(c.dep_ == "aux" and c.lower_ == "to" for c in node.children):
                raised = node
            elif node.dep_ == "advcl" and node.tag_ == "VBG":
                # "jets were reported to have fired missiles, striking a depot": the participle
                # goes with the infinitive, and the jets strike
                raised = next((c for c in node.head.children if c.dep_ == "xcomp" and c.i < node.i
                               and any(a.dep_ == "aux" and a.lower_ == "to" for a in c.children)), raised)
                if raised is None and done_to_its_own_object(node):
                    return None, False
            node = node.head
            if raised is not None and node.dep_ == "acomp" and node.head.lemma_ == "be" \
                    and node.lower_ in RAISING_ADJECTIVES:
                node = node.head  # "Xi is likely to deploy troops": Xi deploys them
        else:
            return None, False
    return None, False




def denier_of_the_deed(noun: Token, mentions: Mentions) -> Entity | None:
    """"Libya's coast guard denied shooting at the crew", "shooting" read as a noun: who denies
    (or confesses) the bare deed is its doer."""
    if not gerund_read_as_a_noun(noun):
        return None
    subj = subject_of(noun.head)
    return attacker(subj, mentions) if subj is not None else None


def gerund_read_as_a_noun(node: Token) -> bool:
    """"denied shooting at the crew", the parser reading "shooting" as a noun: a bare -ing word
    a denial or a confession takes is the deed of whoever denies or confesses it (not "denied
    the shooting", a happening named)."""
    return node.dep_ in {"dobj", "obj"} and node.tag_ == "NN" and node.lower_.endswith("ing") \
        and not any(c.dep_ in {"det", "poss", "amod", "compound"} for c in node.children) \
        and node.head.lemma_.lower() in DENIAL_VERBS | CONFESSING_VERBS


def denier_of_the_charge(gerund: Token) -> Token | None:
    """"denied charges of bombing Pakistani territory", "rejected allegations of shelling the
    hospital": the verb denying a charge that names a deed without its doer. Not "denied
    previous charges of bombing": the deed denied there is an earlier one, and no doer of the
    happening told is named."""
    charge = gerund.head.head
    if gerund.dep_ != "pcomp" or gerund.head.lower_ != "of" or charge.lemma_.lower() not in DENIED_CHARGE_NOUNS \
            or charge.dep_ not in {"dobj", "obj"} or any(
                c.dep_ in {"amod", "det"} and c.lower_ in OTHER_HAPPENING_WORDS for c in charge.children):
        return None
    verb = charge.head
    return verb if verb.lemma_.lower() in DENIAL_VERBS else None


def done_to_its_own_object(participle: Token) -> bool:
    """"A man was charged after opening fire, killing one man", "the convoy was ambushed,
    killing three soldiers": a participle with its own object hung on a passive clause. The
    passive subject is neither who did it nor (the object is) whom it was done to."""
    return any(c.dep_ in {"dobj", "obj"} for c in participle.children) \
        and any(c.dep_ == "nsubjpass" for c in participle.head.children)


def conjunct_voice(verb: Token) -> bool | None:
    """The voice a verb joined to another clause has of its own, when it shows one: "killed
    two guards and was shot by police" (passive: the gunman was shot), "was released in 2006
    and attacked her again" (an object and no "was": he attacked); None when it shares the
    voice of the clause it is joined to ("was arrested and charged")."""
    if any(c.dep_ == "auxpass" for c in verb.children):
        return True
    if any(c.dep_ in {"dobj", "obj"} for c in verb.children):
        return False
    return None


def passive_left_out(verb: Token) -> bool:
    """"five soldiers were killed and 20 assailants neutralised": a participle joined to a
    passive, with a subject of its own and neither object nor auxiliary, is passive too."""
    return verb.dep_ == "conj" and verb.tag_ == "VBN" and any(c.dep_ == "auxpass" for c in verb.head.children) \
        and not any(c.dep_ in {"aux", "auxpass", "dobj", "obj"} for c in verb.children)


def subject_undergoing(verb: Token) -> Token | None:
    """"Quill is dead after being stabbed", "was arrested after being shot": a passive gerund
    with no subject of its own is done to the subject of the clause it hangs on."""
    if verb.dep_ != "pcomp" or verb.tag_ != "VBN" or verb.head.pos_ != "ADP" \
            or not any(c.dep_ == "auxpass" and c.lower_ == "being" for c in verb.children):
        return None
    return next((c for c in verb.head.head.children if c.dep_ in {"nsubj", "nsubjpass"}), None)


def subject_of_a_misread_gerund(verb: Token) -> Token | None:
    """"A deputy interviewing a woman outside was fatally shot": the parse made "interviewing"
    the clause that was shot and "deputy" its subject; the deputy is the one shot."""
    for clause in verb.children:
        if clause.dep_ in {"csubj", "csubjpass"} and clause.tag_ == "VBG":
            subj = next((c for c in clause.children if c.dep_ == "nsubj" and c.pos_ in {"NOUN", "PROPN"}), None)
            if subj is not None:
                return subj
    return None


def subject_read_as_conjunct(verb: Token) -> Token | None:
    """"Protesters marched in the city and rebels attacked a post": the parse joined "rebels" to
    "city" and left "attacked" with no subject; the noun just before a conjoined verb, itself
    joined by "and" to an earlier noun, is that verb's subject."""
    if verb.dep_ != "conj" or verb.pos_ not in {"VERB", "AUX"} or verb.i == 0:
        return None
    noun = verb.doc[verb.i - 1]
    joined = noun.dep_ == "conj" and noun.head.i < noun.i and noun.pos_ in {"NOUN", "PROPN"} \
        and any(c.dep_ == "cc" and c.i < noun.i for c in noun.head.children)
    return noun if joined and noun.head.i > verb.head.i else None


def subject_described_before(verb: Token) -> Token | None:
    """"Zimmerman, then a neighborhood watch volunteer, shot and killed Trayvon": the parse
    joined the verb to the noun describing the subject and left the subject at the root; the
    noun an appositive describes is the subject of a verb joined to that appositive."""
    described = verb.head.head
    if verb.dep_ != "conj" or verb.pos_ not in {"VERB", "AUX"} or verb.head.dep_ != "appos" \
            or described.pos_ not in {"NOUN", "PROPN"} or described.dep_ not in {"ROOT", "nsubj", "nsubjpass"}:
        return None
    return described


def misparsed_past_tense(verb: Token) -> bool:
    """A past participle hung on a noun as its modifier although it has an object of its own:
    "Israeli airstrikes killed 25 people" read as "airstrikes (that were) killed". A
    participle modifier names what was done to its noun ("a missile fired from Yemen") and
    takes no object, so with one the noun is the doer and the verb a plain past tense (a clause
    with a subject of its own is no such thing: "reports that it had bombed a market")."""
    return verb.dep_ == "acl" and verb.tag_ == "VBN" and verb.head.pos_ in {"NOUN", "PROPN"} \
        and any(c.dep_ in {"dobj", "obj"} for c in verb.children) and agent_of(verb) is None \
        and not any(c.dep_ in {"nsubj", "nsubjpass"} for c in verb.children) \
        and verb.lemma_.lower() not in DOUBLE_OBJECT_VERBS


# an auxiliary or an object: a past form with one of these is no passive that dropped its "was"
ACTIVE_MARKS = frozenset({"aux", "auxpass", "dobj", "obj", "dative", "ccomp", "xcomp"})


def headline_passive(verb: Token) -> bool:
    """"Company CEO gunned down at office party", "Woman killed in parking lot": a headline
    drops the "was" of a passive, so there a past form with no auxiliary and no object is
    one its subject undergoes ("Rebels shelled the town" keeps its object and its doers; in
    "Troops fired across the frontier, killing two" what they did goes on in the participle)."""
    if verb.idx >= verb.doc.user_data.get(HEADLINE_END, 0) or verb.tag_ not in {"VBD", "VBN"}:
        return False
    if any(c.dep_ == "prep" and c.lower_ in {"at", "on", "upon"} and any(o.dep_ == "pobj" for o in c.children)
           for c in verb.children) and verb.lemma_.lower() in AIMING_VERBS:
        return False  # "Coast guard fired on rescue ship": the guard fired
    if verb.lemma_.lower() in HEADLINE_HARM_VERBS and not any(c.dep_ in ACTIVE_MARKS for c in verb.children):
        return True  # "Militia chief killed, sparking clashes": killing takes an object when active
    return not any(c.dep_ in ACTIVE_MARKS or c.dep_ == "advcl" and c.tag_ == "VBG" and c.i > verb.i
                   for c in verb.children)


HEADLINE_HARM_VERBS = frozenset(grammar()["headline_harm_verbs"])


# verbs that take an object when active: without one, their subject underwent them
VICTIM_VERBS = frozenset(grammar()["victim_verbs"])


def counted_victims(verb: Token, subject: Token) -> bool:
    """"Eleven police killed, dozens wounded in a car bomb attack", "two officers killed and four
    wounded": a lede written like a headline drops the "were"; counted people who killed or
    wounded would have an object ("two gunmen killed a guard")."""
    counted = subject.tag_ == "CD" or any(c.dep_ == "nummod" for c in subject.children)
    return counted and verb.lemma_.lower() in VICTIM_VERBS and verb.tag_ in {"VBD", "VBN"} \
        and not any(c.dep_ in ACTIVE_MARKS or c.dep_ == "prt" for c in verb.children)


def promised_under_signed(verb: Token) -> bool:
    """"signed a contract to supply 14 jets": the deed a commitment someone made (the object
    of their verb) is to."""
    return promised_under(verb, load_lexicon()) and verb.head.dep_ in {"dobj", "obj"}


def one_charged_with(deed: Token) -> Token | None:
    """"X is accused of shooting Y", "a man suspected of shooting", "criticized Minsky for
    killing Reyes": whoever is charged with a deed named by a gerund did it."""
    prep = deed.head
    if deed.dep_ != "pcomp" or deed.tag_ != "VBG" or prep.dep_ != "prep" or prep.lower_ not in {"of", "for", "with"}:
        return None
    verb = prep.head
    if verb.pos_ in {"PROPN", "PRON", "NOUN"} and verb.dep_ in {"dobj", "obj", "nsubjpass"} \
            and verb.head.lemma_.lower() in CHARGE_VERBS:
        return verb  # "convicted Orozco of murdering", "accused the rebels of shelling": "of" hung on them
    if on_trial(verb):
        return next((c for c in verb.children if c.dep_ == "nsubj"), None)  # "went on trial for killing"
    if verb.lemma_.lower() not in CHARGE_VERBS:
        return None
    if verb.dep_ == "acl" and verb.tag_ == "VBN":
        return verb.head  # "a man suspected of shooting"
    if charged_participle(verb):
        return next(c for c in verb.children if c.dep_ == "nsubj")  # "says the woman accused of killing two is"
    charged = next((c for c in verb.children if c.dep_ == "nsubjpass"), None) \
        or next((c for c in verb.children if c.dep_ in {"dobj", "obj"}), None)
    if charged is not None and charged.lower_ in {"who", "that"} and verb.dep_ == "relcl":
        return verb.head
    return charged


def on_trial(verb: Token) -> bool:
    """"went on trial", "stood trial", "faces trial": a verb that puts its subject on trial."""
    return verb.pos_ in {"VERB", "AUX"} and any(
        c.lemma_.lower() == "trial" and c.dep_ in {"dobj", "obj"}
        or c.dep_ == "prep" and any(g.lemma_.lower() == "trial" for g in c.children)
        for c in verb.children)


def charged_deed_continued(node: Token) -> Token | None:
    """"accused the RSF of shelling a hospital, killing seven patients": a participle the
    parser hangs on the charging verb goes on with the deed charged, so its doer is the one
    charged, not the accuser."""
    if node.dep_ != "advcl" or node.tag_ != "VBG" or node.head.lemma_.lower() not in CHARGE_VERBS:
        return None
    deed = next((g for p in node.head.children if p.dep_ == "prep" and p.lower_ in {"of", "for", "with"}
                 for g in p.children if g.dep_ == "pcomp" and g.tag_ == "VBG"), None)
    return one_charged_with(deed) if deed is not None else None


def inverted_passive_subject(verb: Token) -> Token | None:
    """"Also shot were a woman and a girl": the parser hangs the subject of an inverted
    passive on the auxiliary after the participle, as its attribute."""
    aux = next((c for c in verb.children if c.dep_ == "auxpass" and c.i > verb.i), None)
    return next((c for c in aux.children if c.dep_ in {"attr", "nsubj"}), None) if aux is not None else None


def doer_of(verb: Token) -> Token | None:
    """Who or what does it: the subject, or the "by" agent of a passive ("killed by police")."""
    subj, passive = subject_and_voice(verb)
    return agent_of(verb) if passive else subj


def agent_of(verb: Token) -> Token | None:
    for c in verb.children:
        if c.dep_ == "agent":
            return next((g for g in c.children if g.dep_ == "pobj"), None)
    return None


def objects_of(verb: Token, deps=("dobj", "obj", "attr", "oprd")) -> list[Token]:
    out = []
    if verb.dep_ == "amod" and verb.pos_ == "VERB" and verb.tag_ == "VBG":  # "shipping artillery shells"
        out.append(verb.head)
    if verb.dep_ == "acl" and verb.tag_ == "VBN" and verb.head.pos_ in {"NOUN", "PROPN"} \
            and not misparsed_past_tense(verb) and not content_clause(verb):
        out.append(verb.head)  # "a missile fired from Yemen": the missile was fired
    for c in verb.children:
        if c.dep_ in deps and not modifies_the_next_object(c):
            if c.lower_ in {"that", "which"} and verb.dep_ == "relcl":
                c = verb.head  # "components that Iran had sent": Iran sent the components
            out.extend(t for t in [c, *c.conjuncts])
    return out


def objects_of_the_next_verb(verb: Token, deps=("dobj", "obj", "attr", "oprd")) -> list[Token]:
    """"shot and killed Reyes": a verb with no object of its own shares the object of the verb
    joined to it (not one said not to have happened: "fired back and had not used drones")."""
    def negated(v: Token) -> bool:
        return any(ch.dep_ == "neg" for ch in v.children)
    return [o for c in verb.children if c.dep_ == "conj" and c.pos_ == "VERB" and negated(c) == negated(verb)
            for o in objects_of(c, deps)]


def content_clause(verb: Token) -> bool:
    """"reports that it had sent troops": the clause says what the noun tells, with its own
    subject; the noun is nothing sent."""
    return any(c.dep_ in {"nsubj", "nsubjpass", "mark"} for c in verb.children)


def modifies_the_next_object(obj: Token) -> bool:
    """"sank the pirate "mother ship"": the parser reads two objects where the first noun,
    right before the other (quotes aside), only says what kind it is."""
    after = next((t for t in obj.doc[obj.i + 1:obj.i + 3] if not t.is_punct), None)
    return obj.pos_ == "NOUN" and after is not None and after.head.i != obj.i and any(
        o.dep_ == obj.dep_ and o.i > obj.i and o.left_edge.i <= after.i for o in obj.head.children)


def preps_of(token: Token) -> list[tuple[str, Token]]:
    out = []
    for c in token.children:
        if c.dep_ in {"prep", "agent"} or c.dep_ == "dative" and c.pos_ == "ADP":
            for g in c.children:
                if g.dep_ == "pcomp" and g.tag_ == "VBG":
                    # "fired on Palestinians waiting for aid": the parse makes them the subject
                    # of the gerund; they are what the preposition takes
                    g = next((s for s in g.children if s.dep_ == "nsubj" and s.pos_ in {"NOUN", "PROPN"}), g)
                if g.dep_ in {"pobj", "pcomp", "nsubj"}:
                    out.extend((c.lower_, t) for t in [g, *g.conjuncts])
    return out


GROUP_NOUNS = load_lexicon().words("group_nouns")
PERPETRATING_VERBS = frozenset(grammar()["perpetrating_verbs"])
# people who act for the group named after them: "fighters from the Islamic State Sahel
# Province", "members of the militia", "troops of the 5th brigade", "planes from Afghanistan"
MEMBER_NOUNS = load_lexicon().words("member_nouns")


def party(token: Token, mentions: Mentions) -> Entity | None:
    """A state, organisation, person or nationality standing for an actor or recipient."""
    # "The Ohio Republican said": the person the last sentence was about, not Republicans
    renamed = mentions.references.renamed_topic(token) if token.pos_ != "PRON" else None
    # "a 35-year-old New Bedford man" is the one person the article gives that age, not the town's man
    aged = token.pos_ == "NOUN" and gives_an_age(token)
    meant = referent(token, mentions) if aged else None
    found = renamed or meant or group_named_by_its_kind(token, mentions) or half_of_a_divided_country(token, mentions) \
        or mission_people(token, mentions) or named_party(token, mentions) \
        or (None if aged else referent(token, mentions))  # "he", "the suspect"
    if found is None and token.lemma_.lower() in MEMBER_NOUNS:
        found = member_of(token, mentions) or demonym_of(token, mentions)
    elif found is None and token.lemma_.lower() in ARMED_BODY_NOUNS:
        found = demonym_of(token, mentions)  # "Somali forces recaptured the town", "Somali" left untagged
    if found is None and the_government(token):
        found = mentions.home_state()  # "the government had dispatched 1,000 marines", in a story of one country
    if found is None:
        # "the group's naval forces", "the rebels": the organisation named before
        for t in [token, *(c for c in token.children if c.dep_ == "poss")]:
            if t.lemma_.lower() in GROUP_NOUNS and any(d.lower_ == "the" for d in t.children if d.dep_ == "det"):
                found = mentions.group_for(t)
                if found is not None:
                    return found
    return side(token, found, mentions)


def half_of_a_divided_country(token: Token, mentions: Mentions) -> Entity | None:
    """"the North had also fired artillery" in a story that named North Korea: that country (not a
    town called North-something, nor a region)."""
    if token.text not in {"North", "South"} or not any(c.dep_ == "det" and c.lower_ == "the" for c in token.children):
        return None
    halves = [e for e in mentions.entities.values() if e.type == "GPE" and is_country(e)
              and e.name.startswith(f"{token.text} ")]
    return halves[0] if len(halves) == 1 else None


def group_named_by_its_kind(noun: Token, mentions: Mentions) -> Entity | None:
    """"the Sinaloa cartel", "the Gulf Clan", "the 400 Mawozo gang": a group whose name ends in
    its kind is that group, not the state or town its first word also names."""
    if noun.lemma_.lower() not in mentions.lex.words("named_group_nouns"):
        return None
    name = [c for c in noun.lefts if c.dep_ in {"compound", "nummod", "nmod"} and c.pos_ in {"PROPN", "NUM"}]
    if not name or not any(t.pos_ == "PROPN" for t in name):
        return None
    first = min(t.i for c in name for t in c.subtree)  # "the Young Goon gang": "Young" hangs on "Goon"
    text = " ".join(t.text for t in noun.doc[first:noun.i + 1])
    ent = mentions.resolver.resolve(text, "ORG", context_countries=mentions.countries)
    ent = mentions.keep(ent) if ent is not None and ent.type == "ORG" else None
    if ent is not None:
        mentions.groups[first] = ent  # "the cartel" later is this one
    return ent


def the_government(token: Token) -> bool:
    """"the government", "government forces": no name says whose."""
    if token.lemma_.lower() == "government":
        return is_bare_definite(token) and not any(c.dep_ == "prep" for c in token.children)
    return any(c.dep_ == "compound" and c.lower_ == "government" and not c.n_lefts for c in token.children) \
        and not any(c.dep_ in {"amod", "poss", "nmod"} for c in token.children)


def side(noun: Token, found: Entity | None, mentions: Mentions) -> Entity | None:
    """"Chadian troops ... troops killed 1,269": bare troops, planes or guerrillas are the
    side the article named them for before (when it named only one)."""
    if found is not None:
        mentions.note_side(noun, found)
        return found
    if any(c.dep_ in {"amod", "compound", "poss"} and c.pos_ == "PROPN" for c in noun.children):
        return None  # "Wagner fighters": named, just not by the tagger
    if any(c.dep_ == "poss" and c.lower_ in {"its", "their"} for c in noun.children):
        return None  # "said its forces struck": the speaker's, not the side named in the sentence before
    return mentions.side_of(noun) or mentions.army(noun)


def demonym_of(token: Token, mentions: Mentions) -> Entity | None:
    """"Malian troops" when the tagger left "Malian" untagged: the country."""
    word = next(iter(mentions.untagged_demonyms(token)), None)
    return mentions.country_of_demonym(word) if word is not None else None


def member_of(token: Token, mentions: Mentions) -> Entity | None:
    """The organisation or state in "<fighters> from/of <X>", or of the part of it named there
    ("gunmen from rival factions of the Sinaloa cartel")."""
    for prep in token.children:
        if prep.dep_ == "prep" and prep.lower_ in {"from", "of"}:
            for obj in prep.children:
                if obj.dep_ == "pobj":
                    whole = member_of(obj, mentions) if obj.lemma_.lower() in PARTS_OF_GROUPS else None
                    return whole or group_named_by_its_kind(obj, mentions) or named_party(obj, mentions)
    return None


def opens_a_name(span: Span, mentions: Mentions) -> bool:
    """"a Hawaiian Gardens gang member": a nationality opening a proper name the tagger left
    untagged (the town Hawaiian Gardens), not whose member he is; "the Israeli Army" is Israel's."""
    after = span.doc[span.end] if span.end < len(span.doc) else None
    return span.label_ == "NORP" and after is not None and after.pos_ == "PROPN" and after.is_title \
        and not after.ent_type_ and span.root.head.i == after.i \
        and after.lemma_.lower() not in mentions.lex.words("state_bodies")


def named_party(token: Token, mentions: Mentions) -> Entity | None:
    led = mentions.state_led_by(token)
    if led is not None:
        return led
    span = mentions.span_at(token)
    if span is None and mentions.lex.heads.get(token.lemma_.lower()) == "PERSON":
        # "Ukraine's president, Volodymyr Zelensky, condemned ...": the person, not his country
        span = next((a for c in token.children if c.dep_ == "appos"
                     for a in [mentions.span_at(c)] if a is not None and a.label_ == "PERSON"), None)
    if span is None:
        named = [s for s in mentions.named_in(token, {"GPE", "ORG", "PERSON", "NORP"})
                 if not opens_a_name(s, mentions) and not flag_or_maker(s, token)]
        span = named[-1] if named else None
        if span is not None and token.lemma_.lower() in mentions.lex.words("follower_nouns"):
            return None  # "a Trump supporter punched a protester", "Hamas supporters": not Trump, not Hamas
        if span is not None and span.label_ == "PERSON" \
                and token.lemma_.lower() in mentions.lex.words("own_people_nouns"):
            return None  # "Trump's campaign manager assaulted a reporter": not Trump
        if span is not None and (is_kind_of_people(token, span, mentions) or mentions.from_a_town(token, span)):
            return mentions.people(token)  # "Somali pirates" are not Somalia, "a Phoenix officer" not Phoenix
        if span is not None and span.label_ in {"NORP", "GPE"} \
                and token.lemma_.lower() in mentions.lex.words("state_bodies"):
            body = mentions.state_body(token, span)  # "the Indian navy": India's navy, on India's side
            if body is not None:
                return body
    if span is None and token.pos_ in {"PROPN", "NOUN"} and token.is_upper and token.is_alpha \
            and 2 <= len(token.text) <= 6 and mentions.materiel_kind(token) is None \
            and token.lower_ not in mentions.lex.classes:
        # an acronym the tagger left out ("the TNLA said", "KNLA fighters"): an organisation
        return mentions.keep(mentions.resolver.resolve(token.text, "ORG", context_countries=mentions.countries))
    if span is None and token.pos_ == "PROPN" and not token.ent_type_ \
            and (token.dep_ in {"nsubj", "nsubjpass"} or speech_act_object(token, mentions.lex)) \
            and not any(c.dep_ == "compound" for c in token.children) and mentions.resolver.is_place(token.text):
        # "Kyiv accused Moscow of ...", "Moscow accused Kyiv of ...": a capital that speaks or is
        # accused, which the tagger left out
        return mentions.keep(mentions.resolver.resolve(token.text, "GPE", context_countries=mentions.countries))
    if span is None or span.label_ not in {"GPE", "ORG", "PERSON", "NORP", "LOC"}:
        return None
    found = mentions.resolve_span(span)
    fighters = token.lemma_.lower() in mentions.lex.words("irregular_fighters")
    if found is not None and fighters and span.root.head.i == token.i:
        # "Contra rebels" are the Contras: the names the article gives the group
        found = mentions.keep(replace(found, aliases=[f"{span.text} {token.text}", plural_of(span.text)]))
    elif found is not None and mentions.is_country(found) and span.root.head.i == token.i \
            and mentions.is_personnel(token):
        # "two Mexican soldiers" stand for Mexico's side: the article's name for them is one of its names
        found = mentions.keep(replace(found, aliases=[*found.aliases, f"{span.text} {token.text}"]))
    return found


def speech_act_object(token: Token, lex) -> bool:
    """"accused Kyiv of ...", "warned Washington": the one an accusation, condemnation, threat
    or warning is aimed at, a party (a place there stands for its government)."""
    verb = token.head
    return token.dep_ in {"dobj", "obj"} and verb.pos_ == "VERB" and any(
        verb.lemma_.lower() in lex.types[name].verbs for name in ("ACCUSE", "CONDEMN", "THREATEN", "NOTIFY")
        if name in lex.types)


def one_warship(token: Token, mentions: Mentions) -> Entity | None:
    """One ship of war that fights ("an Indian warship foiled the attack"): that ship, as the
    article describes it, not its nation ("Indian warships" are India's). Not a fleet or a
    navy; and a ship sent somewhere is sent by its state (DEPLOY does not ask this)."""
    if token.tag_ == "NN" and token.pos_ == "NOUN" and mentions.lex.heads.get(token.lemma_.lower()) == "PLATFORM" \
            and token.lemma_.lower() in mentions.lex.words("naval_units") and mentions.span_at(token) is None \
            and mentions.named_in(token, {"NORP", "GPE"}):
        return mentions.thing(token)  # "the frigate" alone says no more than "a man"
    return None


def is_kind_of_people(token: Token, span: Span, mentions: Mentions) -> bool:
    """"Somali pirates", "Yemeni fishermen", "Afghan rebels", "communist rebels": people
    named by where they are from or what they believe, who are no state's organ."""
    lemma = token.lemma_.lower()
    fighters = lemma in mentions.lex.words("irregular_fighters")
    if fighters and span[-1].lower_ in mentions.lex.words("creeds"):
        return True  # the tagger may call "Suspected Maoist" an organisation
    if span.label_ not in {"NORP", "GPE", "ORG"}:
        return False
    if lemma in mentions.lex.words("non_state_people"):
        return True  # and "an Alton funeral director" (the tagger's organisation) is no Alton
    if span.label_ == "ORG":
        return False
    if not fighters:
        return False
    # "Houthi rebels" are the Houthis; "Afghan rebels" are not Afghanistan
    return mentions.resolver.country_code(span.text) is not None


def attackers_named_before(noun: Token, mentions: Mentions) -> Entity | None:
    """"leftist guerrilla attacks", "rebel raids", "a Somali pirate attack": the people
    named in front of the attack, in the plural a reader would use."""
    for c in noun.children:
        if c.dep_ in {"compound", "amod", "nmod"} and c.i < noun.i and mentions.span_at(c) is None \
                and c.lemma_.lower() in mentions.lex.words("irregular_fighters") \
                and c.lemma_.lower() not in mentions.lex.words("deed_labels"):
            return mentions.group_of(mentions.people(c, plural=True))
        doers = DEEDS_OF_PEOPLE.get(c.lower_)
        if c.dep_ in {"compound", "amod", "nmod"} and c.i < noun.i and doers is not None:
            return mentions.group_of(mentions.kind_of_people(doers))  # "a piracy attack": the pirates'
        if c.dep_ in {"compound", "amod", "nmod"} and c.i < noun.i and c.lower_ in mentions.lex.words("police_forces"):
            return mentions.people(c)  # "a fatal police shooting": the police shot
    return None


# "piracy attack": the deed a kind of people is named for names them (data: deeds_of_people,
# "deed doers" pairs)
DEEDS_OF_PEOPLE = dict(pair.split() for pair in load_lexicon().words("deeds_of_people"))


def crew_named_before(craft: Token, mentions: Mentions) -> Entity | None:
    """"Five pirate boats tried to attack", "rebel trucks opened fire": a boat or a vehicle
    does what the people named in front of it do, and they are the attackers."""
    if not mentions.is_craft(craft):
        return None
    return attackers_named_before(craft, mentions)


def is_armed_noun(token: Token, mentions: Mentions) -> bool:
    return token.lemma_.lower() in mentions.lex.words("irregular_fighters") or mentions.lex.is_armed(token)


def irregulars(token: Token, mentions: Mentions) -> Entity | None:
    """"guerrillas attacked", "gunmen opened fire", "demonstrators threw rocks": armed people
    or a crowd the article names by what they are when it names no group they belong to."""
    # "Rebels shelled ..." opening a sentence may be tagged a proper noun
    if (token.pos_ == "NOUN" or token.pos_ == "PROPN" and mentions.span_at(token) is None) \
            and ((token.lemma_.lower() in mentions.lex.words("irregular_fighters")
                  or token.lemma_.lower() in mentions.lex.words("unrest_crowds")) and names_a_kind(token)
                 or token.lower_ in mentions.lex.words("police_forces")):  # "shot by police": a force, not "a man"
        return mentions.people(token)
    if (members := members_of_a_kind(token, mentions)) is not None:
        return members
    police = next((c for c in token.children if c.dep_ in {"compound", "amod"}
                   and c.lower_ in mentions.lex.words("police_forces")), None)
    if police is not None and mentions.is_personnel(token) and token.tag_ in {"NNS", "NNPS"}:
        return mentions.people(police)  # "police officers shot him": the police ("a police officer" is one)
    if token.tag_ in {"NNS", "NNPS"} and token.lemma_.lower() in mentions.lex.words("uniformed_people") \
            and (token.pos_ == "NOUN" or mentions.span_at(token) is None):
        return mentions.people(token)  # "NYPD officers shot him", "deputies opened fire": no force named
    if token.tag_ in {"NNS", "NNPS"} and token.lemma_.lower() == "force" and mentions.span_at(token) is None \
            and any(c.dep_ == "compound" and c.lower_ == "security" for c in token.children):
        return mentions.people(token)  # "security forces opened fire": the state's, by what they are
    if token.tag_ in {"NNS", "NNPS"} and mentions.span_at(token) is None and said_to_be_armed(token):
        return mentions.people(token)  # "armed men abducted 23", as "gunmen" would: people by what they are
    return None


def members_of_a_kind(token: Token, mentions: Mentions) -> Entity | None:
    """"gang members", "militia fighters": people named by the kind of armed band they belong
    to, not "members" of anything (nor one entity for every member of every band)."""
    if token.tag_ in {"NNS", "NNPS"} and token.lemma_.lower() in MEMBER_NOUNS and mentions.span_at(token) is None \
            and any(c.dep_ == "compound" and c.lemma_.lower() in mentions.lex.words("irregular_fighters")
                    for c in token.children):
        return mentions.people(token)
    return None


def names_a_kind(noun: Token) -> bool:
    """"guerrillas", "70 soldiers", "a black policeman" say who; "a gunman" or "the shooter"
    alone is as generic as "a man" (REALNEWS: no role filler)."""
    return noun.tag_ in {"NNS", "NNPS"} or any(c.dep_ in {"amod", "compound"} for c in noun.children)


def attacker(token: Token, mentions: Mentions) -> Entity | None:
    if token.lemma_.lower() in ATTACK_NOUNS:
        return attack_party(token, mentions)
    if is_site_noun(token, mentions):
        return None  # "Khartoum market shelling leaves 12 dead": a headline's market shelled no one
    return craft_by_its_name(token, mentions) or one_warship(token, mentions) or party(token, mentions) \
        or irregulars(token, mentions) or crew_named_before(token, mentions) or mentions.vessel_described(token) \
        or (member_of(token, mentions) if mentions.is_personnel(token) else None)  # "forces of Russia"


def add_attackers(subj: Token, roles: Roles, mentions: Mentions) -> None:
    """"The U.S. and Britain carried out strikes": each side the subject joins attacked."""
    for one in [subj, *subj.conjuncts]:
        counted = things_counted(one)  # "thousands of demonstrators battled"
        doer = attacker(counted, mentions)
        roles.add("actor", doer)
        add_sides_joined(counted, doer, roles, mentions)


def add_sides_joined(noun: Token, doer: Entity | None, roles: Roles, mentions: Mentions) -> None:
    """"Russian and Belarusian troops shelled the town", "U.S. and British jets bombed the
    port": the forces of each side joined before the noun attacked, not only the last one's."""
    joined = joined_nationalities(noun, mentions)
    if doer in joined:
        for side_named in joined:
            roles.add("actor", side_named)


def craft_by_its_name(craft: Token, mentions: Mentions) -> Entity | None:
    """"Indian Naval ship, INS Sukanya, captured three boats": the ship its name gives, not
    the navy or nation describing it (and "the merchant vessel fired back" is the one the
    article named so: ``Mentions.vessel_described``)."""
    if not mentions.is_craft(craft):
        return None
    names = (mentions.span_at(c) for c in craft.children if c.dep_ == "appos" and c.pos_ == "PROPN")
    return next((mentions.resolve_span(span) for span in names if span is not None and span.label_ == "ORG"), None)


def named_craft(craft: Token, mentions: Mentions) -> Entity | None:
    """"the cargo vessel Rubymar", "the tanker Marlin Luanda", "the landing ship Tsezar Kunikov":
    the ship its name after the kind gives (whatever the tagger made of the name), so that
    attacks on one ship told by several outlets name the same target."""
    if not mentions.is_craft(craft):
        return None
    name = next((c for c in craft.children if c.dep_ == "appos" and c.pos_ == "PROPN" and c.i > craft.i
                 and all(t.pos_ == "PROPN" for t in craft.doc[craft.i + 1:c.i])), None)
    if name is None:
        return None
    words = [t for t in name.subtree if t.pos_ == "PROPN" and t.i > craft.i]
    text = " ".join(t.text for t in words)
    ent = mentions.resolver.resolve(text, "ORG", context_countries=mentions.countries) if text else None
    if ent is None or ent.type != "ORG":
        return None
    ent = mentions.keep(ent)
    ent.attrs.setdefault("kind", "vessel")
    return ent


def attack_party(noun: Token, mentions: Mentions) -> Entity | None:
    """"the Russian strike killed", "a rebel raid", but "an Ohio mall shooting" names where."""
    return attackers_named_before(noun, mentions) or nationality_modifier(noun, mentions)


def nationality_modifier(token: Token, mentions: Mentions, weapon: bool = False) -> Entity | None:
    """"Russian assault", "Russia's attacks", "the Hamas attack": the party named in front of
    a noun; "the Nairobi attack" names where, not who."""
    for c in token.children:
        if c.dep_ in {"amod", "poss", "compound", "nmod"} and c.i < token.i:
            span = mentions.span_at(c)
            if span is None or span.label_ not in {"NORP", "GPE", "ORG", "PERSON"}:
                continue
            if span.label_ == "PERSON" and c.dep_ == "compound":
                continue  # "the Soleimani strike" killed him; "the Goundam strike" (a town read as a name)
            found = mentions.resolve_span(span)
            if c.dep_ in {"compound", "nmod", "amod"} and found is not None and not mentions.is_country(found) \
                    and (found.lat is not None or span.label_ == "GPE" and (found.country is not None or not weapon)):
                # a town or a state ("a Michigan office shooting", "the Metula attack"), whatever the
                # tagger called it; before a weapon, a "GPE" no gazetteer places is a party ("Junta drones")
                continue
            return found
    return None


PLATFORM_KINDS = load_lexicon().words("platform_kinds")
PARTS_OF_GROUPS = frozenset(grammar()["parts_of_groups"])
CONFESSING_VERBS = frozenset(grammar()["confessing_verbs"])
DENIED_CHARGE_NOUNS = frozenset(grammar()["denied_charge_nouns"])
DENIAL_VERBS = load_lexicon().types["DENY"].verbs
OTHER_HAPPENING_WORDS = frozenset(grammar()["other_happening_words"])
# shares of a place one takes: "most of northern Rakhine", "large parts of the city"
PARTS_TAKEN = frozenset(grammar()["partitive_of"]) | frozenset(grammar()["parts_taken"])
RAISING_ADJECTIVES = frozenset(grammar()["raising_adjectives"])
SHOT_NOUNS = frozenset(grammar()["shot_nouns"])
DOUBLE_OBJECT_VERBS = frozenset(grammar()["double_object_verbs"])


def spoken_of_by(trigger: Token, verb: Token, lex) -> bool:
    """"The killings were condemned by the Pope": a happening named as what a speech act is
    about; whoever speaks ("by" the verb of condemning, accusing, warning) did not do it (a
    denier may have: "the shelling was denied by Moscow")."""
    if trigger.i == verb.i or trigger.pos_ != "NOUN":
        return False
    lemma = verb.lemma_.lower()
    return lemma in lex.words("spoken_of_verbs") \
        or any(lemma in lex.types[t].verbs for t in SPEECH_ACTS - {"DENY"} if t in lex.types)


def fill_roles(trigger: Token, ctype: str, mentions: Mentions, lex) -> tuple[Roles, list[Token]]:
    """Roles of one claim and the argument heads that were used (for quantities)."""
    roles = Roles()
    args: list[Token] = []
    head = clause_head(trigger)
    frame = FRAMES.get(ctype, frame_generic)
    frame(trigger, head, roles, args, mentions, lex)
    # "they've had thousands of shootings": the clause of the noun that counts the happenings
    scope = head if trigger.pos_ != "NOUN" or counting_noun(trigger).dep_ in {"nsubj", "nsubjpass", "dobj"} \
        else trigger
    elsewhere: frozenset[int] = frozenset()
    if listed_apart(trigger):
        # "the bombing of a barracks in Beirut in 1983, the bombing ... in Dhahran": its own places
        scope = trigger
        elsewhere = frozenset(t.i for c in trigger.conjuncts if c.i > trigger.i for t in c.subtree)
    add_places(scope, ctype, roles, mentions, elsewhere,
               blast=ctype == "ATTACK" and trigger.lemma_.lower() in mentions.lex.words("blast_words"))
    if not roles["location"] and ctype in {"ATTACK", "CASUALTY"}:
        add_places_of_governing_clause(head, ctype, roles, mentions)
    if not roles["location"] and ctype in {"ATTACK", "CASUALTY"}:
        add_fronted_places_of_report(head, ctype, roles, mentions)
    if not roles["location"] and ctype in {"ATTACK", "CASUALTY"}:
        add_country_of_struck_land(head, roles, mentions)
    if not roles["location"] and ctype in {"ATTACK", "CASUALTY"}:
        add_place_a_where_clause_hangs_on(head, roles, mentions)
    if not roles["location"] and ctype in {"ATTACK", "CASUALTY", "DEPLOY", "MEET"}:
        add_place_referred_back(scope, roles, mentions)
    if ctype in {"ATTACK", "CASUALTY", "DEPLOY"} and trigger.pos_ == "VERB":
        # only the police who do it: "Leeds police released footage of last week's shooting" does not
        place_police_by_their_town(head, roles, mentions)
    # "fired one round at him", "shots were fired": the shooting itself, not what it was done with
    roles["instrument"] = [e for e in roles["instrument"] if not (e.attrs.get("generic") and e.name in SHOT_NOUNS)]
    drop_countries_of_towns(roles)
    drop_reference_places(roles, trigger.sent, mentions)
    drop_places_of_another(roles, trigger, mentions)
    drop_owners_of_places_elsewhere(roles, trigger.sent, mentions)
    if ctype in {"ATTACK", "CASUALTY"}:
        drop_towns_where_it_happened_as_doers(roles, mentions)
    if ctype == "ATTACK" and not roles["instrument"]:
        roles.add("instrument", bomb_called_it(head, mentions))
    if ctype == "ATTACK" and not roles["instrument"]:
        for t in phrase_tokens(head, stop_at_clauses=False):
            span = mentions.span_at(t)
            if span is not None and span.label_ == "WEAPON":
                weapon = mentions.resolve_span(span, "WEAPON")
                if weapon is not None and not any(weapon.name in e.name for e in roles["target"]):
                    roles.add("instrument", weapon)  # not the jet shot down: "a Su-34 jet was shot down"
    return roles, args


def bomb_called_it(verb: Token, mentions: Mentions) -> Entity | None:
    """"found the bomb in bushes outside, and it exploded": "it" is the bomb named before."""
    if verb.lemma_.lower() not in mentions.lex.words("exploding_verbs"):
        return None  # the common case, asked of every attack with no weapon named
    subj = subject_of(verb)
    if subj is None or subj.lower_ != "it":
        return None
    bombs = [t for t in subj.sent if t.i < subj.i and t.pos_ == "NOUN" and mentions.materiel_kind(t) == "bomb"]
    return mentions.weapon(bombs[-1]) if bombs else None


def place_police_by_their_town(verb: Token, roles: Roles, mentions: Mentions) -> None:
    """"A Dayton police officer shot a man", "Dayton, Ohio, police officer Dana Miller ...
    for shooting": police act in the town they are the police of; the town is where it
    happened, never who did it (the police did). "shot and killed by a Charlotte police
    officer": the "by" of a participle the parser gives no passive subject counts too."""
    doer = agent_of(verb) or doer_of(verb)
    if doer is None:
        return
    modifiers = [t for t in doer.subtree if t.i < doer.i and t.dep_ in {"compound", "nmod", "amod", "appos"}]
    police = next((t for t in modifiers + [doer] if t.lower_ in mentions.lex.words("police_forces")), None)
    if police is None:
        return
    for t in modifiers:
        span = mentions.span_at(t)
        town = mentions.resolve_span(span) if span is not None and span.label_ in {"GPE", "ORG"} else None
        if town is None or town.type != "GPE" or town.lat is None or mentions.is_country(town):
            continue
        if any(e.id == town.id for e in roles["actor"]):
            roles["actor"] = [e for e in roles["actor"] if e.id != town.id]
            roles.add("actor", mentions.people(police))
        if not roles["location"]:
            roles.add("location", town)
        return


def add_places(scope: Token, ctype: str, roles: Roles, mentions: Mentions,
               elsewhere: frozenset[int] = frozenset(), blast: bool = False) -> None:
    """Where the claim took place, from the places named under ``scope`` (not those of the
    ``elsewhere`` tokens: another happening listed beside it); with ``blast``, a named site a
    bomb went off at is also what was hit ("the explosion occurred at a West Coast Bank branch")."""
    used = roles.used()
    placed: list[tuple[Entity, Span]] = []
    spoken = attribution_tokens(scope)
    for t in scope.subtree:
        if t.i in spoken or t.i in elsewhere:
            continue
        span = mentions.span_at(t)
        if span is None or span.start != t.i:
            continue
        venue = named_venue(span, ctype, mentions)
        if span.label_ not in PLACE_LABELS and not mentions.looks_like_place(span) \
                and not is_struck_site(span, ctype) and not names_attack(span, ctype) \
                and not (ctype == "ATTACK" and names_a_site(span, mentions)) and venue is None:
            continue
        ent = mentions.resolve_span(span, "FAC" if venue is not None and span.label_ not in PLACE_LABELS else None)
        if ent is None and venue is not None:
            ent = mentions.resolve_span(span, "FAC")  # "a business called Hart Tools", tagged a place none knows
        if described_as_craft(span, mentions):
            continue  # "the Marlin Luanda, a Marshall Islands-flagged vessel": a ship is no place
        if ent is not None and blast and not roles["target"] and ent.type != "GPE" \
                and (mentions.lex.heads.get(span[-1].lemma_.lower()) == "FAC" or is_struck_site(span, ctype)) \
                and governing_prep(span.root) in SITE_PREPOSITIONS | {"in"}:
            roles.add("target", ent)
        if ent is not None and ctype == "ATTACK" and ent.id in {e.id for e in roles["target"]} \
                and (names_a_site(span, mentions) or is_struck_site(span, ctype)):
            roles.add("location", ent)  # "bombed the Kabul Military Academy": hit there, too
            placed.append((ent, span))
        if ent is not None and ent.attrs.get("kind") == "vessel" and ent.id not in used:
            if ctype == "ATTACK" and governing_prep(span.root) in TARGETING:
                roles.add("target", ent)  # "fired at the Mysore": the ship, not the Indian city
            continue
        if ent is None or ent.id in used or ent.type in NEVER_PLACES:
            continue  # "fired at Verona" after "Henry Verona": a person is never where it happened
        if place_of_something_else(span.root, scope, ctype, mentions):
            continue
        prep = governing_prep(span.root if venue is None else venue) or entered_place(span.root if venue is None else venue)
        if prep is None and is_waters_passed(span.root):
            prep = "in"  # "an attack on merchant vessels transiting the Gulf of Aden"
        if prep == "of" and is_residence(span.root, mentions):
            continue  # "Delgado, 52, of Fresno": where she lived, not where she was shot
        if prep == "of" and span.root.dep_ == "pobj" and is_site_noun(span.root.head.head, mentions):
            prep = "at"  # "the air base of Wadi Sayyidna", "the town of Tessit"
        # (an organisation in front of an attack did it: "killed in a PKK attack in northern Iraq"
        # happened elsewhere than "PKK"; in front of a site it may name the site: "a Kraft factory")
        placeable = ent.lat is not None or span.label_ in PLACE_LABELS or any(
            is_site_noun(t, mentions) for t in span.doc[span.end:span.root.head.i + 1])
        # ("the central Sagaing region": the parser may read the name as an adjective)
        misread_adjective = span.root.dep_ == "amod" and span.label_ in PLACE_LABELS \
            and span.root.head.lower_ in PLACE_NOUNS
        in_place_phrase = misread_adjective or span.root.dep_ in {"poss", "compound", "nmod"} and (
            span.root.head.lower_ in PLACE_NOUNS  # "Kherson's port"
            or ctype in {"ATTACK", "CASUALTY"} and span.root.dep_ != "poss" and not mentions.is_country(ent)
            and is_site_noun(span.root.head, mentions)  # "a crowded Leeds nightclub", "a Nebraska school"
            or names_attack(span, ctype) and (ent.lat is not None or span.label_ == "GPE")
            and not mentions.is_country(ent)  # "the Nairobi attack", "an Ohio mall shooting"
            or ctype in {"ATTACK", "CASUALTY", "MEET", "DEPLOY"} and span.root.dep_ != "poss"
            and placeable
            and not mentions.is_country(ent) and governing_prep(span.root.head) in SITE_PREPOSITIONS | {"in"}
            and not is_person_noun(span.root.head, mentions)  # "at a Leeds business", "met in a Moscow mansion"
            or ctype in {"ATTACK", "CASUALTY"} and not mentions.is_country(ent) and not is_doer(span.root.head)
            and (is_person_noun(span.root.head, mentions)
                 or ctype == "CASUALTY" and span.root.head.dep_ in {"nsubjpass", "dobj"})) \
            or span.root.dep_ == "amod" and names_attack(span, ctype) and (ent.lat is not None or span.label_ == "GPE") \
            and not mentions.is_country(ent)  # "Odesa missile strike leaves five dead", the town tagged an adjective
        in_place_phrase = in_place_phrase or town_before_a_weapon(span, ent, ctype, mentions)
        if span.root.dep_ in {"poss", "compound", "amod", "nmod"} and not in_place_phrase:
            continue  # "Russia's support", "North Korea-supplied missiles" name a party, not a place
        if ctype == "ATTACK" and prep in TARGETING and mentions.is_country(ent):
            roles.add("target", ent)
        elif ctype in {"TRANSFER", "DEPLOY"} and prep == "to" and mentions.is_country(ent):
            roles.add("recipient", ent)
        elif prep in LOCATIVE or in_place_phrase:
            if ctype in {"TRANSFER", "SANCTION", "ACCUSE", "CONDEMN", "THREATEN", "NOTIFY"} and mentions.is_country(ent):
                continue
            if ctype == "MEET" and prep in {"over", "on", "about"}:
                continue  # "negotiates with Russia over Syria": what they meet about, not where
            roles.add("location", ent)
            placed.append((ent, span))
        used.add(ent.id)
    drop_containers(roles, placed + located_before(scope, roles, placed, mentions), mentions)
    drop_appended_containers(roles, placed)


def town_before_a_weapon(span: Span, ent: Entity, ctype: str, mentions: Mentions) -> bool:
    """"a Kabul car bomb killed five": the town where it went off, not its owner."""
    return ctype in {"ATTACK", "CASUALTY"} and span.root.dep_ in {"compound", "nmod", "amod"} \
        and not mentions.is_country(ent) and ent.lat is not None and is_weapon_noun(span.root.head, mentions)


ORDERING_PREPS = frozenset(grammar()["ordering_preps"])
ARMED_BODY_NOUNS = frozenset(grammar()["armed_body_nouns"])
# who rules a state by force, standing for it: "junta aircraft" in a story of one country are its
RULING_BODIES = frozenset(grammar()["ruling_bodies"])
TOPIC_VERBS = frozenset(grammar()["topic_verbs"])


def own_places(noun: Token) -> set[str]:
    """The places a noun's own "in" or "at" phrase names ("the toll in Kalva"), or that of
    what it struck ("the bombing of a barracks in Beirut")."""
    return {o.lower_ for prep, o in own_phrases(noun) if prep in {"in", "at", "near"}
            and (o.ent_type_ in {"GPE", "LOC", "FAC"} or o.pos_ == "PROPN")}  # a town the tagger calls a person


def own_dates(noun: Token) -> set[str]:
    """The dates a happening noun's own phrases give ("the bombing ... in 1983", "the raid on
    Monday", "the 1996 attack")."""
    dates = {o.lower_ for _prep, o in own_phrases(noun) if o.ent_type_ == "DATE"}
    return dates | {c.lower_ for c in noun.children
                    if c.dep_ in {"compound", "nummod", "amod"} and c.ent_type_ == "DATE"}


def own_phrases(noun: Token) -> list[tuple[str, Token]]:
    """(preposition, object) of the noun's phrases, and of the phrases of its "of", "on" or
    "against" object, where the parser hangs "in Beirut in 1983" in "the bombing of a barracks"."""
    phrases = preps_of(noun)
    return phrases + [pair for prep, o in phrases if prep in {"of", "on", "against"} for pair in preps_of(o)]


def listed_apart(noun: Token) -> bool:
    """A happening noun listed beside others, placed or dated by its own phrases: each of "the
    bombing of a barracks in Beirut in 1983, the bombing of a compound in Dhahran in 1996" is
    where and when its own phrases say."""
    if noun.pos_ != "NOUN":
        return False
    beside = [*noun.conjuncts, *(c for c in noun.head.children if c.dep_ == noun.dep_ and c.i != noun.i)]
    return any(c.pos_ == "NOUN" and c.lemma_.lower() in ATTACK_NOUNS for c in beside) \
        and bool(own_places(noun) or own_dates(noun))


def place_of_something_else(place: Token, scope: Token, ctype: str, mentions: Mentions) -> bool:
    """A place that says where another thing is or was: a happening the claim is dated by
    ("shelled it right after the talks in Nairobi"), where people came from ("cadets from
    all over Kenya were on parade"), the land an armed body is named after ("the British
    Rhine army"), what a meeting was to discuss, or another clause's happening."""
    if place.dep_ in {"compound", "amod", "nmod"} and place.head.lemma_.lower() in ARMED_BODY_NOUNS:
        return True
    types = load_lexicon().types
    happening_nouns = ATTACK_NOUNS | (types[ctype].nouns if ctype in types else frozenset())
    if any(in_clause_of_its_own(node) or apart_in_time(node)
           or node.pos_ == "VERB" and node.lemma_.lower() in TOPIC_VERBS for node in path_between(place, scope)):
        # "rose to 23 and the toll in Parachinar rose to 81"; "met to discuss the Aegean"; "came a
        # day after Ukraine hit an airbase in Crimea"
        return True
    node = place
    while node.i != scope.i and node.head.i != node.i:
        prep = node.head
        if prep.dep_ == "prep" and prep.lower_ == "from" and is_person_noun(prep.head, mentions):
            return True  # where people come from, not where it happened
        if prep.dep_ == "prep" and prep.lower_ == "of" and prep.head.ent_type_ == "PERSON":
            return True  # "Scott Dayton, 42, of Woodbridge, Virginia, died in northern Syria": his home
        if prep.dep_ == "prep" and prep.lower_ in ORDERING_PREPS and not any(
                t.lemma_.lower() in happening_nouns for t in path_between(place, prep)):
            return True  # the place of the happening it came after or before
        if pays_back(prep):
            return True  # "struck in retaliation for a rocket attack on Metula": where that attack was
        node = prep
    return False


def pays_back(prep: Token) -> bool:
    """"in retaliation for", "revenge over", "in response to": what follows is a deed done
    before, by others, not a part of the reprisal."""
    return prep.dep_ == "prep" and prep.lower_ in {"for", "over", "to"} and prep.head.lemma_.lower() in REPRISAL_WORDS


REPRISAL_WORDS = load_lexicon().words("reprisal_words")


def meanwhile_clause(verb: Token) -> bool:
    """A clause told beside another by "as" or "while", with a subject of its own ("as police
    fought protesters"): what happened meanwhile, not how the other happened; or one told
    ``apart_in_time``."""
    marks = {c.lower_ for c in verb.children if c.dep_ == "mark"}
    return verb.dep_ == "advcl" and bool(marks & {"as", "while"}) and _own_named_subject(verb) or apart_in_time(verb)


def apart_in_time(verb: Token) -> bool:
    """A clause told a stretch of time before or after another ("the strike came a day after
    Ukraine hit an airbase in Crimea"): another happening, with its own doer and place (a bare
    "after" may tell the cause: "were killed after gunmen opened fire")."""
    return verb.dep_ == "advcl" and _own_named_subject(verb) \
        and any(c.dep_ == "mark" and c.lower_ in {"after", "before"} for c in verb.children) \
        and any(c.dep_ == "npadvmod" and c.lemma_.lower() in TIME_UNIT_NOUNS for c in verb.children)


def _own_named_subject(verb: Token) -> bool:
    return any(c.dep_ in {"nsubj", "nsubjpass"} and c.pos_ != "PRON" for c in verb.children)


def in_clause_of_its_own(node: Token) -> bool:
    """A clause joined by "and" that has its own subject tells its own happening."""
    return node.dep_ == "conj" and node.pos_ in {"VERB", "AUX"} \
        and any(c.dep_ in {"nsubj", "nsubjpass"} for c in node.children)


def path_between(low: Token, high: Token) -> list[Token]:
    """The tokens from ``low`` up to (not including) its ancestor ``high``."""
    path, node = [], low
    while node.i != high.i and node.head.i != node.i:
        path.append(node)
        node = node.head
    return path


def drop_towns_where_it_happened_as_doers(roles: Roles, mentions: Mentions) -> None:
    """"Khartoum market shelling leaves 12 dead": a town the attack happened in did not do it
    (a headline's parse may make it the subject); a country may ("Sudan bombed rebels in Sudan")."""
    here = {e.id for e in roles["location"] if not mentions.is_country(e)}
    roles["actor"] = [e for e in roles["actor"] if e.id not in here]


def drop_owners_of_places_elsewhere(roles: Roles, sent: Span, mentions: Mentions) -> None:
    """"to capture Tripoli's major air base in northern Chad": Tripoli owns the base, which
    lies in Chad; the owner is no location."""
    owners = locations_written_only(roles, sent, mentions, lambda s, ent: s.root.dep_ == "poss"
                                    and lies_in_another_country(s.root.head, ent, mentions))
    roles["location"] = [e for e in roles["location"] if e.id not in owners]


def locations_written_only(roles: Roles, sent: Span, mentions: Mentions,
                           test: Callable[[Span, Entity], bool]) -> set[str]:
    """The ids of the locations whose every name in ``sent`` passes ``test``."""
    spans = place_spans(sent, mentions) if roles["location"] else {}
    out = set()
    for ent in roles["location"]:
        written = [s for s in spans.values() if s.text.lower() in names_of(ent)]
        if written and all(test(s, ent) for s in written):
            out.add(ent.id)
    return out


def keep_other_locations(roles: Roles, dropped: set[str]) -> None:
    """Drop ``dropped`` from the locations unless that leaves none."""
    if any(e.id not in dropped for e in roles["location"]):
        roles["location"] = [e for e in roles["location"] if e.id not in dropped]


def place_spans(sent: Span, mentions: Mentions) -> dict[int, Span]:
    return {s.start: s for t in sent if (s := mentions.span_at(t)) is not None and s.label_ in PLACE_LABELS}


def names_of(ent: Entity) -> set[str]:
    return {n.lower() for n in [ent.name, *ent.aliases]}


def lies_in_another_country(noun: Token, owner: Entity, mentions: Mentions) -> bool:
    """"Tripoli's major air base in northern Chad": the base is Tripoli's, but it lies in
    the place its own "in" names, in another country than its owner's."""
    for prep in noun.children:
        if prep.dep_ != "prep" or prep.lower_ not in LOCATIVE:
            continue
        for obj in prep.children:
            span = mentions.span_at(obj)
            place = mentions.resolve_span(span) if span is not None and span.label_ in PLACE_LABELS else None
            if place is not None and place.country and owner.country and place.country != owner.country:
                return True
    return False


PASSAGE_VERBS = frozenset(grammar()["passage_verbs"])
ENTRY_VERBS = frozenset(grammar()["entry_verbs"])


VENUE_NOUNS = frozenset(grammar()["venue_nouns"])
NAMING_VERBS = frozenset({"call", "name", "know"})


def named_venue(span: Span, ctype: str, mentions: Mentions) -> Token | None:
    """The site or business noun an organisation's name names, where an attack or its toll
    happened: "at Vortex, a nightclub", "the office of the law firm, Harlow Partners", "at a
    business called Blue Fern Supplies" (the noun, to read the preposition from)."""
    if ctype not in {"ATTACK", "CASUALTY"} or span.label_ not in {"ORG", "FAC", "PERSON", "LOC", "GPE"}:
        return None
    root = span.root
    # "Vortex, a nightclub"; a person apposed to a noun is no name of it (the tagger may call a
    # firm's name a person's, but only a name given to the site is then the site's)
    nouns = [c for c in root.children if c.dep_ == "appos"] if span.label_ != "PERSON" else []
    if root.dep_ == "appos":
        nouns.append(root.head)  # "the law firm, Harlow Partners"
    if root.dep_ in {"oprd", "xcomp", "attr"} and root.head.lemma_ in NAMING_VERBS and root.head.dep_ == "acl":
        nouns.append(root.head.head)  # "a business called Blue Fern Supplies"
    return next((n for n in nouns if is_site_noun(n, mentions) or n.lemma_.lower() in VENUE_NOUNS), None)


def entered_place(place: Token) -> str | None:
    """"entered the office": what one enters is a place one is then in."""
    entered = place.dep_ in {"dobj", "obj"} and place.head.lemma_.lower() in ENTRY_VERBS
    return "into" if entered else None


def is_waters_passed(place: Token) -> bool:
    """"vessels transiting the Gulf of Aden", "tankers plying the strait": the object of a
    participle of passage describes where what it describes was."""
    verb = place.head
    return place.dep_ in {"dobj", "obj"} and verb.tag_ == "VBG" and verb.lemma_.lower() in PASSAGE_VERBS


def is_doer(noun: Token) -> bool:
    """"A Michigan man shot two people": the subject of a verb with an object did it (where
    he comes from is not where it happened, as it is for "a Queens grandmother was killed")."""
    return noun.dep_ == "nsubj" and any(c.dep_ in {"dobj", "obj"} for c in noun.head.children)


def is_residence(place: Token, mentions: Mentions) -> bool:
    """"Reyes, 31, of Tacoma", "a man of Fresno": the home of a person or of an age."""
    if place.dep_ != "pobj":
        return False
    owner = place.head.head
    span = mentions.span_at(owner)
    aged = owner.like_num or any(c.dep_ == "appos" and c.like_num for c in owner.children)
    return aged or span is not None and span.label_ == "PERSON" or is_person_noun(owner, mentions)


def add_places_of_governing_clause(verb: Token, ctype: str, roles: Roles, mentions: Mentions) -> None:
    """"burst into the staff dinner in Leeds, killing the owner": a participle with no
    subject of its own happens where the clause it hangs on happens; so does the second of two
    verbs that share a subject ("intercepted three boats in the Gulf of Aden and foiled an attack")."""
    participle = verb.dep_ == "advcl" and verb.tag_ in {"VBG", "VBN"}
    if not (participle or verb.dep_ == "conj" and verb.pos_ == "VERB") \
            or any(c.dep_ in {"mark", "nsubj", "nsubjpass"} for c in verb.children):
        return
    governing = verb.head
    for child in governing.children:
        entered = child.dep_ in {"dobj", "obj"} and governing.lemma_.lower() in ENTRY_VERBS
        if (child.dep_ == "prep" or entered) and child.i < verb.i:
            add_places(child, ctype, roles, mentions)  # "entered the office of X and opened fire": at X


def add_fronted_places_of_report(verb: Token, ctype: str, roles: Roles, mentions: Mentions) -> None:
    """"In Lviv on Tuesday, officers say, a man shot ...": a place that opens the sentence
    hangs on "say" in the parse, but it is where the shooting was, not where police spoke."""
    report = verb.head
    if verb.dep_ != "ccomp" or report.lemma_ not in REPORT_LEMMAS:
        return
    speaker = subject_of(report)
    for child in report.children:
        if child.dep_ == "prep" and child.i < verb.i and (speaker is None or child.i < speaker.i) \
                and child.i == child.sent.start:
            add_places(child, ctype, roles, mentions)


def add_place_a_where_clause_hangs_on(verb: Token, roles: Roles, mentions: Mentions) -> None:
    """"taken to Hennepin County Medical Center, where she was pronounced dead": it happened
    at the named place the "where" clause hangs on."""
    if verb.dep_ != "relcl" or not any(c.dep_ == "advmod" and c.lower_ == "where" for c in verb.children):
        return
    span = mentions.span_at(verb.head)
    if span is not None and span.label_ in {"ORG", "FAC", "GPE", "LOC"}:
        ent = mentions.resolve_span(span, "FAC" if span.label_ == "ORG" else None)
        if ent is not None and ent.type not in NEVER_PLACES:
            roles.add("location", ent)


def add_country_of_struck_land(verb: Token, roles: Roles, mentions: Mentions) -> None:
    """"attacked Pakistani villages", "raids into Pakistani territory": land a nationality
    describes lies in that country ("near the Afghan border" says nothing of the kind); so
    does a structure a country owns ("Colombia's main oil pipeline was bombed")."""
    for t in verb.subtree:
        land = t.lemma_.lower() in NATIONAL_LAND
        if not (land or mentions.is_thing(t)) or t.dep_ not in {"dobj", "pobj", "nsubjpass"} \
                or in_attribution(t, verb):
            continue
        for c in t.children:
            span = mentions.span_at(c)
            # "Colombia's main oil pipeline was bombed": a country's structure stands in it
            owner = c.dep_ == "amod" and land or c.dep_ == "poss" and not land
            if owner and c.i < t.i and span is not None and span.label_ in {"NORP", "GPE"}:
                ent = mentions.resolve_span(span)
                if ent is not None and mentions.is_country(ent):
                    roles.add("location", ent)
                    return


def add_place_referred_back(scope: Token, roles: Roles, mentions: Mentions) -> None:
    """"attacks in the kingdom", "on patrol in the area", "a similar raid in the same area",
    "killed at the school": a definite place noun with no name of its own is the place the
    article named last for it."""
    spoken = attribution_tokens(scope)
    for t in scope.subtree:
        if t.i in spoken or t.dep_ != "pobj" or t.head.lower_ not in LOCATIVE:
            continue
        if is_site_noun(t, mentions) and t.lemma_.lower() not in PLACE_NOUNS:
            ent = mentions.site_named_before(t)  # "killed at the school": the school named before
        elif refers_back_to_a_place(t):
            ent = mentions.place_named_before(t, country=t.lemma_.lower() in COUNTRY_BACK_REFERENCES)
        else:
            continue
        if ent is not None and ent.type not in NEVER_PLACES:
            roles.add("location", ent)
            return


COUNTRY_BACK_REFERENCES = frozenset(grammar()["country_back_references"])
AREA_BACK_REFERENCES = frozenset(grammar()["area_back_references"])


def refers_back_to_a_place(noun: Token) -> bool:
    """"in the kingdom", "in the same area": a place noun after a locative preposition, with
    "the" and nothing that would say which place it is ("the Jenin area", "the border area")."""
    lemma = noun.lemma_.lower()
    if noun.pos_ != "NOUN" or lemma not in COUNTRY_BACK_REFERENCES | AREA_BACK_REFERENCES \
            or noun.dep_ != "pobj" or noun.head.lower_ not in LOCATIVE:
        return False
    words = [c for c in noun.children if c.dep_ not in {"punct"}]
    return any(c.dep_ == "det" and c.lower_ == "the" for c in words) \
        and all(c.dep_ == "det" or c.lower_ in {"same", "surrounding"} for c in words)


NATIONAL_LAND = frozenset(grammar()["national_land"])
# fought (or exchanged fire) with someone, who is the other side
CLASH_VERBS = frozenset({"clash", "skirmish", "fight", "battle", "exchange"})
FIGHT_VERBS = frozenset({"fight", "battle"})  # an attack only when fighting a side or a battle
AIMING_VERBS = frozenset(grammar()["aiming_verbs"])
REPORT_LEMMAS = frozenset({"say", "tell", "report", "state", "announce", "confirm"})
SITE_PREPOSITIONS = {"at", "outside", "inside", "near"}
_ATTACK = load_lexicon().types["ATTACK"]
ATTACK_NOUNS = _ATTACK.nouns | _ATTACK.weapon_nouns


def is_site_noun(token: Token, mentions: Mentions) -> bool:
    lemma = token.lemma_.lower()
    return token.pos_ == "NOUN" and (lemma in PLACE_NOUNS or mentions.lex.heads.get(lemma) == "FAC")


def described_as_craft(span: Span, mentions: Mentions) -> bool:
    """A name the article describes as a ship, boat or aircraft beside it ("the Marlin
    Luanda, a Marshall Islands-flagged vessel", "the tanker Marlin Luanda")."""
    nouns = [c for c in span.root.children if c.dep_ == "appos"] + \
        [t for t in [span.root.head] if span.root.dep_ == "appos"] + \
        [c for c in span.root.children if c.dep_ == "compound" and c.i < span.start]
    return any(mentions.is_craft(n) for n in nouns)


def names_a_site(span: Span, mentions: Mentions) -> bool:
    """"the Kabul Military Academy", "Kandahar Air Base": a named building or compound."""
    return span.label_ == "FAC" or span.label_ == "ORG" and mentions.lex.heads.get(span[-1].lemma_.lower()) == "FAC"


def names_attack(span: Span, ctype: str) -> bool:
    """"the Nairobi attack", "the Mosul bombing", "Kyiv drone attack kills three": a name in
    front of an attack noun (a headline's town is often tagged an adjective)."""
    if ctype not in {"ATTACK", "CASUALTY"} or span.root.dep_ not in {"compound", "amod"}:
        return False
    noun = span.root.head
    if noun.dep_ == "compound" and noun.lemma_.lower() not in ATTACK_NOUNS:
        noun = noun.head  # "the Kyiv drone attack"
    return noun.lemma_.lower() in ATTACK_NOUNS


def is_struck_site(span: Span, ctype: str) -> bool:
    """"an explosion at the National Defence University": an institution named as the
    place where an attack or its toll happened."""
    return ctype in {"ATTACK", "CASUALTY"} and span.label_ == "ORG" and len(span) > 1 and not span.text.isupper() \
        and governing_prep(span.root) in SITE_PREPOSITIONS


def located_before(scope: Token, roles: Roles, placed: list, mentions: Mentions) -> list:
    """The names in the sentence of locations the frame had found before the clause's places
    ("bombed the Ouadi Doum airstrip": the airstrip's name), as (entity, span) pairs."""
    known = {e.id for e, _ in placed}
    wanted = {e.id: e for e in roles["location"] if e.id not in known}
    found = []
    for t in scope.sent if wanted else ():
        span = mentions.span_at(t)
        if span is not None and span.start == t.i:
            ent = mentions.resolve_span(span)
            if ent is not None and ent.id in wanted:
                found.append((wanted.pop(ent.id), span))
    return found


def drop_containers(roles: Roles, placed: list, mentions: Mentions) -> None:
    """"Tell Abyad in Raqqa province", "Tessit in northern Mali": the place is
    Tell Abyad; the region or country that locates it is not a second location."""
    tokens = {t.i: ent for ent, span in placed for t in span}
    named_by_of = set()
    for ent, span in placed:
        of = span.root.head
        if span.root.dep_ == "pobj" and of.lower_ == "of" and of.head.pos_ == "NOUN" \
                and is_site_noun(of.head, mentions) and of.head.lower_ not in COMPASS_WORDS:
            # "the Darfur town of Nyala": the town is Nyala, whatever region names it as well
            # ("Baguio north of Manila" is Baguio)
            tokens[of.head.i] = ent
            named_by_of.add(of.head.i)
    for ent, span in placed:  # "Lesbos island in the northern Aegean": the island is Lesbos
        if span.root.dep_ == "compound" and span.root.head.lower_ in PLACE_NOUNS:
            tokens.setdefault(span.root.head.i, ent)
        of = span.root.head
        if span.root.dep_ == "pobj" and of.lower_ == "of" and of.head.pos_ == "NOUN":
            tokens.setdefault(of.head.i, ent)  # "the air base of Kouba Olanga in northern Chad"
    for ent, span in placed:
        node = span.root
        while node.dep_ in {"compound", "amod"} or node.head.lower_ in PLACE_NOUNS and node.dep_ != "pobj":
            if node.head.i == node.i:
                break
            node = node.head  # "Raqqa" -> "province"
        prep = node.head if node.dep_ == "pobj" else None
        # "the south Lebanese port town of Sidon": the town is Sidon
        inner = tokens.get(node.i) if node.i != span.root.i and (mentions.is_country(ent) or node.i in named_by_of) \
            else None
        if inner is None and prep is not None and prep.lower_ in {"in", "of"}:
            inner = tokens.get(prep.head.i)
        if inner is None or inner.id == ent.id:  # "the island of Luzon" is Luzon's own noun
            inner = written_inside(span, placed, mentions)
        if inner is not None and inner.id != ent.id and inner.id in {e.id for e in roles["location"]} \
                and not (mentions.is_country(inner) and not mentions.is_country(ent)):
            roles["location"] = [e for e in roles["location"] if e.id != ent.id]


# What may stand between a place and the wider place that locates it: "Sidon in southern
# Lebanon", "the airstrip in northern Chad", "Quezon province in the northern island of Luzon".
LOCATING_GAP = frozenset({"in", "of", "the", "a", "an"}) | frozenset(grammar()["compass_words"])


def written_inside(outer: Span, placed: list, mentions: Mentions) -> Entity | None:
    """The placed name an earlier "X in Y" chain locates inside ``outer``, whatever the
    parse made of it: the words between hold "in" and nothing but articles, compass words
    and place or site nouns."""
    for ent, span in placed:
        if span.end >= outer.start or outer.start - span.end > 8:
            continue
        gap = outer.doc[span.end:outer.start]
        if any(t.lower_ == "in" for t in gap) and all(
                t.is_space or t.lower_ in LOCATING_GAP or t.lower_ in PLACE_NOUNS or is_site_noun(t, mentions)
                for t in gap):
            return ent
    return None


def drop_countries_of_towns(roles: Roles) -> None:
    """"near Sidon ... in the ninth raid over Lebanon": a town says more than the country it
    lies in, wherever in the clause the country was named."""
    towns = {e.country for e in roles["location"] if e.country and not is_country(e)}
    roles["location"] = [e for e in roles["location"] if not (is_country(e) and e.country in towns)]


COMPASS_WORDS = frozenset(grammar()["compass_words"])
DISTANCE_REACH = 5  # "about 110 kilometres (68 miles) southwest of": the number before the direction
DISTANCE_UNITS = frozenset(grammar()["distance_units"])


def is_reference_place(span: Span) -> bool:
    """"35 miles north of San Salvador", "30 km from Goma": the place a distance is
    measured from; "between the Horn of Africa and Yemen": the places that bound another."""
    if bounds_another(span.root):
        return True
    of = span.root.head
    direction = of.head
    if span.root.dep_ != "pobj" or of.lower_ not in {"of", "from"} or direction.lower_ not in COMPASS_WORDS:
        return False
    return any(t.like_num for t in span.doc[max(0, direction.i - DISTANCE_REACH):direction.i])


def bounds_another(place: Token) -> bool:
    """"between the Horn of Africa and Yemen": a place, or a place in one ("of Africa"),
    after "between"."""
    node = place
    for _ in range(4):
        if node.dep_ == "conj":
            node = node.head
        elif node.dep_ == "pobj" and node.head.lower_ == "of":
            node = node.head.head
        else:
            break
    return node.dep_ == "pobj" and node.head.lower_ == "between"


def drop_reference_places(roles: Roles, sent: Span, mentions: Mentions) -> None:
    """"attacked a base in Chalatenango, about 35 miles north of San Salvador", "in the Gulf
    of Aden, between the Horn of Africa and Yemen": the town a distance is measured from and
    the lands either side say where the place is, not where it happened; they stay the
    location only when the claim has no other ("hit 110 km southwest of Hodeidah")."""
    if len(roles["location"]) >= 2:
        keep_other_locations(roles, locations_written_only(roles, sent, mentions, lambda s, _: is_reference_place(s)))


def drop_places_of_another(roles: Roles, trigger: Token, mentions: Mentions) -> None:
    """"a shooting in Tulsa and another in Columbus that killed a boy": "another", standing for
    a second happening, parts each place from the happening on the other side of it."""
    others = [t.i for t in trigger.sent if t.lower_ == "another" and t.dep_ != "det"]
    if not others or not roles["location"]:
        return
    keep_other_locations(roles, locations_written_only(
        roles, trigger.sent, mentions,
        lambda s, _: any(min(s.start, trigger.i) < i < max(s.start, trigger.i) for i in others)))


def drop_appended_containers(roles: Roles, placed: list) -> None:
    """"in Tacoma, Wash.", "Fresno, California": the state or country written after
    a comma says where the town is; the town is the location."""
    starts = {span.start: ent for ent, span in placed}
    for ent, span in placed:
        after = starts.get(span.end + 1)
        if after is not None and span.doc[span.end].text == "," and after.id != ent.id:
            roles["location"] = [e for e in roles["location"] if e.id != after.id]


def in_attribution(token: Token, scope: Token) -> bool:
    """Inside "according to Ukrainian officials" or "told reporters in Kyiv": who speaks, not where."""
    node = token
    while node.i != scope.i and node.head.i != node.i:
        if _opens_attribution(node):
            return True
        node = node.head
    return False


def attribution_tokens(scope: Token) -> set[int]:
    """Indices of the tokens below ``scope`` that are ``in_attribution``, in one walk down the
    tree: asking token by token climbs the tree each time, cubic on a run-on sentence."""
    inside: set[int] = set()
    stack = [(child, False) for child in scope.children]
    while stack:
        node, above = stack.pop()
        spoken = above or _opens_attribution(node)
        if spoken:
            inside.add(node.i)
        stack.extend((child, spoken) for child in node.children)
    return inside


def _opens_attribution(node: Token) -> bool:
    # (", citing the health ministry in Sanaa": where the cited body sits is not where it happened)
    return node.lower_ == "according" or node.dep_ == "prep" and node.head.lemma_ in {"say", "tell", "cite"} \
        or node.lemma_ in {"cite", "quote"} and node.dep_ in {"advcl", "relcl"}


def governing_prep(token: Token) -> str | None:
    node = token
    for _ in range(4):
        # a name read as a gerund is still the preposition's object ("in Sagaing", "near Kuching")
        named = node.dep_ == "pcomp" and node.ent_type_ in {"GPE", "LOC", "FAC"}
        if (node.dep_ == "pobj" or named) and node.head.dep_ in {"prep", "agent", "dative"}:
            return node.head.lower_
        if node.dep_ in {"compound", "poss", "amod", "appos", "conj"} and node.head.i != node.i:
            node = node.head
            continue
        return None
    return None


# -- frames ------------------------------------------------------------------------
LIGHT_VERBS = frozenset(grammar()["light_verbs"])
PARTAKING_VERBS = frozenset(grammar()["partaking_verbs"])
OWN_ATTACK_VERBS = frozenset(grammar()["own_attack_verbs"])
RESCUE_NOUNS = frozenset(grammar()["rescue_nouns"])


def is_light_verb_object(noun: Token) -> bool:
    """"Russia carried out a strike": the clause subject is the actor of a noun trigger only
    when the noun is what a light verb does (not "the EU sanctions firms over drone deliveries")."""
    node = counting_noun(noun)  # "agreed a new package of sanctions"
    while node.dep_ in {"conj", "appos"} and node.head.i != node.i:
        node = node.head
    if node.dep_ == "pobj" and node.head.dep_ == "prep" and node.head.lower_ == "in":
        node = node.head  # "marines were engaged in fierce fighting", "took part in the raid"
        return node.head.lemma_.lower() in PARTAKING_VERBS or node.head.lemma_.lower() == "part" \
            and node.head.head.lemma_.lower() == "take"
    return node.dep_ in {"dobj", "obj"} and node.head.lemma_.lower() in LIGHT_VERBS


def frame_generic(trigger, head, roles, args, mentions, lex, owners_count=False):
    """``owners_count``: the owner of the object stands for it ("condemned Russia's
    deployment" condemns Russia); otherwise a thing's owner is not the thing ("denied
    Botha's charges" denies the charges, not Botha)."""
    subj, passive = subject_and_voice(head) if trigger.pos_ != "NOUN" else (None, False)
    if subj is not None:
        # "Tillis is accused of ...", "the plan was condemned by X": acted on, not acting
        for one in [subj, *subj.conjuncts]:  # "Kenya, Uganda and Tanzania denied": each of them
            roles.add("subject" if passive and head.i == trigger.i else "actor", party(one, mentions))
        args.append(subj)
    agent = agent_of(head) if passive else None
    if agent is not None:
        roles.add("actor", party(agent, mentions))
    if trigger.pos_ == "NOUN":
        roles.add("actor", nationality_modifier(trigger, mentions))
        for prep, obj in preps_of(trigger):
            if prep == "by":
                roles.add("actor", party(obj, mentions))
    for obj in objects_of(head):
        if owners_count or not owned_thing(obj, mentions):
            roles.add("subject", party(obj, mentions))
        args.append(obj)


def owned_thing(noun: Token, mentions: Mentions) -> bool:
    """A thing named only by its owner ("Botha's charges", "Moscow's claims"); not people,
    who act for their owner ("Moscow's troops")."""
    return noun.pos_ == "NOUN" and mentions.span_at(noun) is None and not is_person_noun(noun, mentions) \
        and any(c.dep_ == "poss" and mentions.span_at(c) is not None for c in noun.children)


def frame_speech_act(trigger, head, roles, args, mentions, lex):
    """"the mayor criticised Deputy Minsky", "accused Moscow of ...", "threatened Kyiv",
    "the condemnation of Russia": the one accused, condemned or threatened is the target."""
    frame_generic(trigger, head, roles, args, mentions, lex, owners_count=True)
    if not roles["actor"] and trigger.pos_ == "VERB" and trigger.dep_ == "conj" and trigger.head.dep_ == "ROOT" \
            and (subj := subject_of(trigger)) is not None and subj.dep_ == "nsubj" and subj.head.i == trigger.head.i \
            and subj.pos_ in {"NOUN", "PROPN"} and can_speak(subj, mentions, lex):
        # "The ministry convened a meeting and condemned the launch": the body that met condemns
        roles.add("actor", speaker_entity(subj, mentions, lex))
    if is_to_blame(trigger):  # "the unions are to blame": blamed, not blaming (the speaker blames)
        roles["target"], roles["actor"] = list(roles["actor"]), []
    blamed_on = [obj for node in [trigger, *blamed_things(trigger)] for prep, obj in preps_of(node)
                 if prep == "on"] if trigger.lemma_.lower() == "blame" else []
    if blamed_on:  # "blamed the bombings on al-Shabaab": al-Shabaab is accused, the bombings are what it did
        roles["subject"] = [ent for obj in blamed_on if (ent := party(obj, mentions) or irregulars(obj, mentions)
                                                         or maker_of_the_thing_blamed(obj, mentions))]
    if not roles["target"] and not roles["subject"] and trigger.pos_ == "VERB" \
            and trigger.lemma_.lower() in lex.types["ACCUSE"].verbs | lex.types["CONDEMN"].verbs:
        for obj in objects_of(trigger, ("dobj", "obj")):
            # "blames angry youths for the deaths", "blamed Russian forces for the attack"
            roles.add("target", irregulars(obj, mentions) or party(obj, mentions))
            roles.add("target", maker_of_the_thing_blamed(obj, mentions))
    for ent in roles["subject"]:
        roles.add("target", ent)
    roles["subject"] = []
    if not roles["target"] and trigger.pos_ == "VERB" and trigger.lemma_.lower() in lex.types["CONDEMN"].verbs \
            | {p.split()[0] for p in lex.types["CONDEMN"].phrasal_verbs}:
        for prep, obj in preps_of(trigger):  # "lashed out at the nominee"
            if prep == "at":
                roles.add("target", party(obj, mentions))
    drawn = trigger.pos_ == "NOUN" and trigger.dep_ in {"dobj", "obj"} \
        and trigger.head.lemma_.lower() in lex.words("undergoing_verbs")
    if trigger.pos_ == "NOUN" and not roles["actor"] and is_light_verb_object(trigger) and not drawn \
            and (maker := subject_of(trigger.head)) is not None:
        roles.add("actor", party(maker, mentions))  # "Japan lodged a strong protest", "issued a rebuke"
    if trigger.pos_ == "NOUN":
        for prep, obj in preps_of(trigger) + (preps_of(trigger.head) if drawn else []):
            # "a protest with North Korea": lodged with the party protested to
            if prep in {"of", "against", "on"} or prep == "with" and trigger.lemma_.lower() == "protest":
                roles.add("target", party(obj, mentions))
            if prep == "from":  # "the launch drew condemnation from the United States, South Korea and Japan"
                for one in conjuncts(obj):
                    roles.add("actor", party(one, mentions))
    if drawn and roles["actor"] and not roles["target"] and (drawer := subject_of(trigger.head)) is not None:
        # "North Korea's launch drew condemnation from Japan": the drawer is the target (with no one
        # named who condemns, "the navy drew criticism" tells no claim)
        roles.add("target", named_party_or_owner(drawer, mentions) or party(drawer, mentions))
    if not roles["target"] and trigger.pos_ == "VERB" and trigger.lemma_.lower() in lex.words("warning_verbs"):
        for clause in (c for c in trigger.children if c.dep_ == "ccomp" and price_promised(c, lex)):
            subject = subject_of(clause)  # "warned that the United States would pay a heavy price"
            roles.add("target", named_party_or_owner(subject, mentions) if subject is not None else None)
    if not roles["target"] and trigger.lemma_.lower() in lex.types["THREATEN"].verbs:
        roles.add("target", owner_of_what_is_threatened(trigger, mentions, lex))
        for aimed_at in aimed_against(trigger, mentions) if not roles["target"] else []:
            roles.add("target", aimed_at)
    add_speaker_described(trigger, head, roles, mentions)
    add_parties_of_a_message_received(trigger, roles, mentions)
    if not roles["target"] and trigger.lemma_.lower() in lex.words("alleging_verbs"):
        for ent in alleged_doers(trigger, mentions):
            if ent not in roles["actor"]:
                roles.add("target", ent)


def named_party_or_owner(token: Token, mentions: Mentions) -> Entity | None:
    """The named person, body, place or people ``token`` is, or whose thing it is ("Obama's
    actions", "a Donald Trump tweet"), or whose nation's ("Russian intelligence services", "the
    Israeli action")."""
    owners = [c for c in token.children if c.dep_ == "poss" or c.dep_ == "compound" and c.pos_ == "PROPN"
              or c.dep_ == "amod" and getattr(mentions.span_at(c), "label_", None) == "NORP"]
    for node in [token, *owners]:
        span = mentions.span_at(node)
        if span is not None and span.label_ in {"PERSON", "ORG", "GPE", "NORP"}:
            return mentions.resolve_span(span)
    return None


def owner_of_what_is_threatened(verb: Token, mentions: Mentions, lex) -> Entity | None:
    """"threatened to annex the Essequibo region of Guyana", "threatened to close Kenya's
    embassy": the party whose land, people or post the threatened deed would take is threatened
    (an attack or a killing threatened says whom it would hit itself: ``fold_threatened_deeds``)."""
    harms = lex.types["ATTACK"].verbs | lex.types["CASUALTY"].verbs
    for deed in (c for c in verb.children if c.dep_ == "xcomp" and c.lemma_.lower() not in harms):
        for obj in objects_of(deed, ("dobj", "obj")):
            owner = next((o for prep, o in preps_of(obj) if prep == "of"), None) \
                or next((c for c in obj.children if c.dep_ == "poss"), None)
            for who in (obj, owner):
                span = mentions.span_at(who) if who is not None else None
                if span is not None and span.label_ in {"GPE", "ORG", "NORP", "PERSON"}:
                    return party(who, mentions)
    return None


def aimed_against(verb: Token, mentions: Mentions) -> list[Entity]:
    """"threatened to retaliate against Israel", "threatened to take action against Seoul",
    "threatened nuclear strikes on Kyiv and London": whom the threatened deed is aimed at,
    named after "against" or "on" on the deed or on what it does."""
    deeds = [c for c in verb.children if c.dep_ == "xcomp" or c.dep_ in {"dobj", "obj"} and c.pos_ == "NOUN"]
    aimed = [o for deed in deeds for node in [deed, *objects_of(deed, ("dobj", "obj"))]
             for prep, o in preps_of(node) if prep in {"against", "on"}]
    named = [one for obj in aimed for one in [obj, *obj.conjuncts]
             if (span := mentions.span_at(one)) is not None and span.label_ in {"GPE", "ORG", "NORP", "PERSON"}]
    return [ent for one in named if (ent := party(one, mentions)) is not None]


def maker_of_the_thing_blamed(thing: Token, mentions: Mentions) -> Entity | None:
    """"blaming a misfired rocket launched by Islamic Jihad": whoever launched what is blamed
    is accused."""
    if thing.pos_ != "NOUN" or mentions.span_at(thing) is not None:
        return None
    for acl in thing.children:
        if acl.dep_ == "acl" and acl.tag_ == "VBN":
            for agent in (c for c in acl.children if c.dep_ == "agent"):
                for obj in (c for c in agent.children if c.dep_ == "pobj"):
                    return party(obj, mentions)
    return None


def add_parties_of_a_message_received(trigger: Token, roles: Roles, mentions: Mentions) -> None:
    """"the bank received a threatening phone call from an unknown man", "got a threat from
    the gang": whoever received the message is its target, whoever it came from its speaker."""
    message = trigger if trigger.pos_ == "NOUN" else trigger.head if trigger.dep_ == "amod" else None
    if message is None or message.dep_ not in {"dobj", "obj"} or message.head.lemma_.lower() not in {"receive", "get"}:
        return
    verb = message.head
    receiver = subject_of(verb)
    roles["actor"], roles["target"] = [], []
    for prep, obj in preps_of(message) + preps_of(verb):
        if prep == "from":
            roles.add("actor", party(obj, mentions))
    if receiver is not None:
        roles.add("target", party(receiver, mentions))


def add_speaker_described(trigger: Token, head: Token, roles: Roles, mentions: Mentions) -> None:
    """The speaker as the subject or the message describes them: an organisation's officer
    ("The FBI director chastised"), the sender of an accusing message ("Trump's tweets accusing")."""
    subj, passive = subject_and_voice(head) if trigger.pos_ != "NOUN" else (None, False)
    officer = officer_of_a_body(subj, mentions) if subj is not None and not passive else None
    if officer is not None:
        roles["actor"] = [officer]
    if not roles["actor"]:
        roles.add("actor", sender(trigger, mentions))
    if not roles["actor"] and subj is not None and not passive and subj.head.i == trigger.i and subj.pos_ == "NOUN" \
            and subj.lemma_.lower() in mentions.lex.words("speaker_nouns"):
        # "the government has blamed ..." (but in "advisers say she has no plans to start denouncing
        # X" the advisers denounce nothing)
        roles.add("actor", speaker_entity(subj, mentions, mentions.lex))


def officer_of_a_body(noun: Token, mentions: Mentions) -> Entity | None:
    """"The FBI director chastised ...": the one officer an organisation's name describes acts,
    as described, not the organisation (whose spokesman or officials speak for it and stay it;
    "UN experts" are a panel of it)."""
    lemma = noun.lemma_.lower()
    if noun.tag_ != "NN" or mentions.lex.heads.get(lemma) != "PERSON" or lemma in VOICE_NOUNS \
            or mentions.span_at(noun) is not None or mentions.named_in(noun, {"PERSON"}):
        return None
    if not any(c.dep_ in {"compound", "nmod"} and (span := mentions.span_at(c)) is not None and span.label_ == "ORG"
               for c in noun.children):
        return None
    return mentions.speaker(noun)


def sender(trigger: Token, mentions: Mentions) -> Entity | None:
    """"Trump's tweets accusing Machado", "a statement from the ministry condemning ...":
    whoever sent the message that accuses or condemns is the speaker."""
    message = trigger.head
    if trigger.dep_ != "acl" or trigger.tag_ != "VBG" or message.lemma_.lower() not in STATEMENT_NOUNS:
        return None
    for c in message.children:
        if c.dep_ == "poss" or c.dep_ in {"compound", "nmod"} and c.pos_ == "PROPN":
            return party(c, mentions)
    return next((party(obj, mentions) for prep, obj in preps_of(message) if prep in {"from", "by"}), None)


def alleged_doers(verb: Token, mentions: Mentions) -> list[Entity]:
    """"alleged that the rebels were planning attacks", "complained that planes from X bombed
    villages": who the said clause has doing it is the one accused."""
    out = []
    for clause in (c for c in verb.children if c.dep_ == "ccomp" and c.pos_ in {"VERB", "AUX"}):
        doer = doer_of(clause)
        found = party(doer, mentions) if doer is not None and doer.pos_ != "PRON" else None
        if found is not None:
            out.append(found)
    return out


def blamed_things(verb: Token) -> list[Token]:
    """The objects of "blamed", with the nouns their phrases go on with: the parser hangs "on
    Boko Haram" in "blamed a wave of bombings in the capital on Boko Haram" on "capital"."""
    out, todo = [], objects_of(verb)
    while todo:
        noun = todo.pop()
        out.append(noun)
        todo += [obj for prep, obj in preps_of(noun) if prep != "on"]
    return out


def is_to_blame(trigger: Token) -> bool:
    """"X is to blame for ...": X is the one blamed."""
    return trigger.lemma_.lower() == "blame" and trigger.dep_ == "xcomp" and trigger.head.lemma_ == "be" \
        and any(c.dep_ == "aux" and c.lower_ == "to" for c in trigger.children)


# "blaming al-Shabaab for the bombing", "accused the army of the attack": the one blamed
# is the attacker, not its target
BLAME_VERBS = {"blame", "accuse", "charge"}


def is_gerund_subject(token: Token) -> bool:
    """"Fighting between the two armies killed 40": a gerund with no subject or object of
    its own, standing for the happening as a noun would."""
    # the tagger may hang a modified one on the verb as an adverb ("Russian shelling wounded four")
    as_subject = token.dep_ in {"nsubj", "nsubjpass"} or token.dep_ in {"advmod", "npadvmod"} \
        and token.i < token.head.i and any(c.dep_ in {"amod", "det"} for c in token.children)
    return token.tag_ == "VBG" and as_subject and not any(c.dep_ in {"nsubj", "dobj", "obj"} for c in token.children)


def add_the_two_sides(first: Token, roles: Roles, mentions: Mentions) -> None:
    """"fighting between Sudanese troops and RSF fighters": both sides fought, neither is told
    as the one attacked."""
    sides = [first, *first.conjuncts]
    if len(sides) == 2:
        for one in sides:
            roles.add("actor", party(one, mentions))


def device_run_into(verb: Token, lex) -> Token | None:
    """The mine or roadside bomb a vehicle or a patrol hit or struck ("their vehicle hit a
    landmine"): the object that lay in wait, when the verb is one of hitting."""
    if verb.lemma_.lower() not in lex.words("hit_verbs"):
        return None
    devices = lex.words("devices_run_into")
    for obj in objects_of(verb, ("dobj", "obj")):
        words = {obj.lemma_.lower()} | {f"{c.lower_} {obj.lemma_.lower()}" for c in obj.children
                                         if c.dep_ in {"amod", "compound"}}
        if words & devices:
            return obj
    return None


def frame_attack(trigger, head, roles, args, mentions, lex):
    verb = trigger if trigger.pos_ == "VERB" else head
    subj, passive = subject_and_voice(verb)
    if subj is None and trigger.dep_ == "acl" and trigger.tag_ == "VBG":
        subj = trigger.head  # "reported grenades hitting the consulate": the grenades hit it
    blamed = trigger.pos_ == "NOUN" and verb.lemma_.lower() in BLAME_VERBS
    device = device_run_into(verb, lex) if trigger.pos_ == "VERB" and subj is not None and not passive else None
    if device is not None:  # "their vehicle hit a landmine": the vehicle was hit, by no one named
        for one in [subj, *subj.conjuncts]:
            add_target(one, roles, mentions)
        roles.add("instrument", mentions.weapon(device))
        args.append(subj)
    elif trigger.pos_ == "VERB" and subj is not None:
        # "missiles were fired at Kyiv" are the weapon; "a Su-34 jet was shot down", the target
        weapon = attacking_weapon(subj, mentions) if not passive or verb.lemma_.lower() in lex.types["ATTACK"].weapon_verbs \
            else None
        if weapon is not None:
            roles.add("instrument", weapon)  # "the missile struck": a weapon is no actor
            roles.add("actor", doer := weapon_s_side(subj, mentions))
            add_sides_joined(subj, doer, roles, mentions)
        elif not passive:
            add_attackers(subj, roles, mentions)
        else:
            for one in [subj, *subj.conjuncts]:  # "Hege and Dunakin were gunned down": both
                add_target(one, roles, mentions)  # "the convoy was attacked", "Reyes was shot"
            if agent_of(verb) is None:
                roles.add("actor", doers_of_the_when_clause(verb, mentions))
            if brought_down(verb) and mentions.materiel_kind(subj):
                roles.add("target", mentions.weapon(subj))  # "a helicopter was shot down": the aircraft hit
            elif brought_down(verb) and (named := mentions.span_at(subj)) is not None and named.label_ == "WEAPON":
                roles.add("target", mentions.resolve_span(named, "WEAPON"))  # "two Su-34s were downed"
        args.append(subj)
    if trigger.tag_ == "VBG" and trigger.dep_ in {"pobj", "dobj", "nsubj", "nsubjpass"}:
        roles.add("actor", attack_party(trigger, mentions))  # "a fatal police shooting", tagged a verb
    if trigger.tag_ == "VBG" and trigger.dep_ == "pcomp" and not roles["actor"]:
        roles.add("actor", had_a_hand_in(trigger, mentions, lex)  # "claimed responsibility for shooting down"
                  or done_by(trigger, mentions))  # "killed in shelling by government forces"
    if trigger.pos_ == "NOUN" and trigger.dep_ == "nsubjpass" and head.lemma_.lower() in PERPETRATING_VERBS \
            and (agent := agent_of(head)) is not None:
        roles.add("actor", attacker(agent, mentions))  # "the massacre was committed by rebels"
    if trigger.pos_ == "NOUN" or is_gerund_subject(trigger):
        roles.add("actor", doer := attack_party(trigger, mentions) or had_a_hand_in(trigger, mentions, lex)
                  or charged_in(trigger, mentions) or claimed_by(trigger, mentions)
                  or held_responsible(trigger, mentions) or denier_of_the_deed(trigger, mentions))
        add_sides_joined(trigger, doer, roles, mentions)  # "US and British air strikes": both sides'
        for c in trigger.children:  # "a bomb blast", "the rocket attack"; not generic "drone strikes"
            if c.dep_ == "compound" and c.i < trigger.i and mentions.materiel_kind(c) and not bare_plural(trigger):
                roles.add("instrument", mentions.weapon(c))
                if not roles["actor"]:  # "Russian artillery shelling killed three": Russia's guns (only a
                    # side named on them: "a drone strike" is no one's, whoever flew drones before)
                    roles.add("actor", nationality_modifier(c, mentions, weapon=True))
        for prep, obj in preps_of(trigger) + of_after_its_day(trigger):
            if prep == "by":
                roles.add("actor", attacker(obj, mentions))
            elif prep == "on" and trigger.head.lemma_.lower() == "blame" and trigger in blamed_things(trigger.head):
                continue  # "blamed the bombing on Kurdish militants": whom it is blamed on, not whom it hit
            elif prep in {"on", "against", "into"} or prep == "of" and not is_armed_noun(obj, mentions):
                add_target(obj, roles, mentions)  # "the bombing of oil pipelines", "raids into Pakistani territory"
            elif prep == "at" and aimed_at_people(obj, mentions):
                # "denied shooting at the crew": whom the shots were aimed at ("a shooting at a
                # supermarket" says where)
                add_target(obj, roles, mentions)
            elif prep == "with":
                roles.add("instrument", mentions.weapon(obj))
            elif prep == "between" and obj.dep_ == "pobj":  # "fighting between Sudanese troops and RSF fighters"
                add_the_two_sides(obj, roles, mentions)
        if trigger.dep_ in {"nsubj", "nsubjpass"}:  # "fighting broke out between ...", "clashes were reported between ..."
            # the parser may hang "between" on the place before it ("erupted in Goma between ...")
            places = [o for p, o in preps_of(trigger.head) if p in {"in", "near", "around"}]
            for prep, obj in preps_of(trigger.head) + [x for place in places for x in preps_of(place)]:
                if prep == "between" and obj.dep_ == "pobj":
                    add_the_two_sides(obj, roles, mentions)
        if trigger.dep_ == "pobj" and trigger.head.lower_ == "under":
            add_under_attack(trigger, roles, mentions)
        roles.add("target", loser_of_the_place(trigger, mentions))
        if subj is not None and is_light_verb_object(trigger) and (
                subj.dep_ == "nsubj" or subj.head.lemma_.lower() in PARTAKING_VERBS or subj == one_charged_with(verb)):
            # "forces were engaged in clashes": they fought; "accused the RSF of carrying out the attack"
            add_attackers(subj, roles, mentions)
        if had_a_part_in(trigger) and (have := nothing_to_do_clause(trigger.head.head)) is not None \
                and (holder := subject_of(have)) is not None:
            add_attackers(holder, roles, mentions)  # "said the TTP had nothing to do with the bombing"
        if not roles["actor"] and subj is not None and subj.dep_ == "nsubj" and trigger.dep_ == "dobj" \
                and verb.lemma_.lower() in OWN_ATTACK_VERBS \
                and any(c.dep_ == "poss" and c.lower_ in {"their", "its", "his", "her"} for c in trigger.children):
            roles.add("actor", attacker(subj, mentions))  # "the gunmen broke off their attack"
    # "the strike was condemned by the UN": the agent of another verb did not strike
    agent = agent_of(verb) if trigger.pos_ == "VERB" or verb.lemma_.lower() in LIGHT_VERBS else None
    weapon = attacking_weapon(agent, mentions) if agent is not None else None
    hit_by_a_weapon = weapon is not None
    if weapon is not None:  # "hit by a Houthi missile": the missile, fired by the Houthis
        roles.add("instrument", weapon)
        roles.add("actor", weapon_s_side(agent, mentions))
    elif agent is not None:
        roles.add("actor", attacker(agent, mentions))
    objects = objects_of(verb) if trigger.pos_ == "VERB" or blamed or hits(trigger, verb, lex) else []
    if not objects and trigger.pos_ == "VERB":
        objects = objects_of_the_next_verb(verb)
    # "destroyed 18 of 20 drones": what is destroyed is hit, as what is shot down
    destroyed = trigger.pos_ == "VERB" and verb.lemma_.lower() in lex.types["ATTACK"].materiel_objects
    downed = brought_down(verb) or destroyed
    if not objects and downed:  # "shot down 12 of the drones", the count parsed as an adverb
        objects = [c for node in (verb, *(d for d in verb.children if d.lower_ == "down")) for c in node.children
                   if c.dep_ == "npadvmod" and c.like_num]  # ("shot down 30 of 40 drones": on "down")
    objects = [one for obj in objects for one in weapons_counted(whole_taken_in_part(obj), mentions)]
    for obj in objects:
        args.append(obj)
        if downed:
            obj = whole_of_part(obj)  # "shot down 23 of the 30 drones"
        fired_before = mentions.last_weapon
        weapon = mentions.weapon(obj) if mentions.materiel_kind(obj) or mentions.named_in(obj, {"WEAPON"}) else None
        if weapon is not None and destroyed:
            mentions.last_weapon = fired_before  # "destroyed three army vehicles ... the drones": no vehicles
        if weapon is not None and downed:
            roles.add("target", weapon)  # "shot down 23 drones": the drones were hit, not fired
        elif weapon is not None and mentions.materiel_kind(obj) in PLATFORM_KINDS and (
                roles["instrument"] or verb.lemma_.lower() not in lex.types["ATTACK"].weapon_verbs):
            # "land mines blew up an armoured vehicle", "fighters attacked an Israeli tank": the
            # vehicle was hit ("launched its helicopters" would launch them)
            add_target(obj, roles, mentions)
        elif weapon is not None and device is None and not {verb.lemma_.lower(), obj.head.lemma_.lower()} & (
                lex.types["ATTACK"].weapon_verbs | lex.words("firing_verbs")):
            roles.add("target", weapon)  # "the strikes targeted missile launchers"; "fired missiles" fires them
        elif weapon is not None:
            roles.add("instrument", weapon)
        elif blamed:
            roles.add("actor", party(obj, mentions))
        else:
            add_target(obj, roles, mentions)
    if not roles["target"] and lex.needs_weapon("ATTACK", trigger.lemma_.lower(), trigger.pos_):
        add_blast_site(trigger, verb, roles, mentions)
    if blamed:  # "blamed the bombings on al-Shabaab": the one it is blamed on did it
        for node in [verb, *objects_of(verb)]:
            for prep, obj in preps_of(node):
                if prep == "on":
                    roles.add("actor", party(obj, mentions))
    unaimed = not roles["target"]  # "threw rocks at a hotel and a number of banks": each is aimed at
    # "fought pitched battles with protesters": the side the battle is with
    battles = [o for o in objects_of(verb) if o.lemma_.lower() in MUTUAL_FIGHT_NOUNS] \
        if trigger.pos_ == "VERB" and verb.lemma_.lower() in CLASH_VERBS else []
    for prep, obj in preps_of(verb) + [po for b in battles for po in preps_of(b)]:
        if prep in {"with", "against"} and trigger.pos_ == "VERB" and verb.lemma_.lower() in CLASH_VERBS:
            add_target(obj, roles, mentions)  # "mourners clashed with police": the other side
        elif prep in {"with", "using"}:
            roles.add("instrument", weapon_used(obj, mentions))
        elif prep == "to" and trigger.pos_ == "VERB" and sets_fire(verb):
            add_target(obj, roles, mentions)  # "set fire to a bank": the bank was hit
        elif prep in {"at", "on", "upon"} and trigger.pos_ == "VERB" and verb.lemma_.lower() in AIMING_VERBS \
                and unaimed and aimed_at(obj, mentions):
            add_target(obj, roles, mentions)  # "gunmen fired at Reyes", "opened fire on the convoy"
        elif prep == "by" and agent is not None and not hit_by_a_weapon:
            # ("hit by a missile 70 miles west of Hodeidah": the town says where, the missile's side is read above)
            roles.add("actor", party(obj, mentions))
    if trigger.pos_ == "VERB" and verb.dep_ == "conj" and not roles["instrument"]:
        for prep, obj in preps_of(verb.head):  # "walked in with a rifle and shot two people"
            if prep == "with" and verb.head.i < verb.i:
                roles.add("instrument", weapon_used(obj, mentions))
    for c in verb.children:  # "carried out using a cruise missile", "targeting Odesa"
        if content_clause(c):
            continue  # "came a day after Ukraine hit an airbase": another happening, with its own doer
        if c.dep_ in {"advcl", "xcomp"} and c.lemma_ in {"use", "employ"}:
            for obj in objects_of(c):
                roles.add("instrument", mentions.weapon(obj))
        if c.dep_ in {"advcl", "xcomp", "acl"} and c.lemma_ in {"target", "hit", "strike"}:
            for obj in objects_of(c):
                add_target(obj, roles, mentions)
    for obj in objects_of(verb) + [subj] if subj is not None else objects_of(verb):
        for c in obj.children:
            if c.dep_ == "acl" and c.lemma_ in {"target", "hit", "strike"}:
                for o in objects_of(c):
                    add_target(o, roles, mentions)


def weapons_counted(obj: Token, mentions: Mentions) -> list[Token]:
    """"fired dozens of missiles and drones": the weapons a counting noun stands before
    (people or places counted so are no weapon: "thousands of troops" stays as it was)."""
    counted = things_counted(obj)
    if counted is obj or not (mentions.materiel_kind(counted) or mentions.named_in(counted, {"WEAPON"})):
        return [obj]
    return [counted, *counted.conjuncts]


def loser_of_the_place(noun: Token, mentions: Mentions) -> Entity | None:
    """"the fall of the town deprived the rebels of their last base": whoever a place's fall
    or capture cost something held the place, and is the side hit there."""
    verb = noun.head
    if noun.dep_ != "nsubj" or noun.lemma_.lower() not in mentions.lex.words("place_taking_nouns") \
            or verb.lemma_.lower() not in mentions.lex.words("loss_verbs"):
        return None
    losers = (party(o, mentions) for o in objects_of(verb, ("dobj", "dative", "iobj")))
    return next((e for e in losers if e is not None and e.type in {"GPE", "NORP", "ORG"}), None)


def of_after_its_day(noun: Token) -> list[tuple[str, Token]]:
    """"the capture on Sunday of the air base": the parser hangs that "of" on the day;
    "thwarted another attack Saturday on a freighter": that "on" on the verb."""
    days = [t for t in noun.doc[noun.i + 1:noun.i + 4] if t.ent_type_ in {"DATE", "TIME"} and t.head.i != noun.i]
    found = [(prep, obj) for day in days for prep, obj in preps_of(day) if prep == "of"]
    end = noun.i + 1
    while end < min(len(noun.doc), noun.i + 4) and noun.doc[end].ent_type_ in {"DATE", "TIME"}:
        end += 1
    after = noun.doc[end] if noun.i + 1 < end < len(noun.doc) else None
    if after is not None and after.dep_ == "prep" and after.lower_ in {"on", "against"} and after.head.i < noun.i:
        found += [(after.lower_, obj) for obj in after.children if obj.dep_ == "pobj"]
    return found


def brought_down(verb: Token) -> bool:
    """"shot down", "brought down", "downed": what the verb takes was in the air, and is what
    was hit."""
    # (the parser may read "down" as an adverb: "air defences shot down 12 drones")
    return verb.pos_ == "VERB" and (verb.lemma_.lower() == "down" or any(
        c.dep_ in {"prt", "advmod"} and c.lower_ == "down" and c.i == verb.i + 1 for c in verb.children))


def weapon_s_side(weapon: Token, mentions: Mentions) -> Entity | None:
    """"Iraqi jets", "planes from Afghanistan" are Iraq's, Afghanistan's; "a Kabul car bomb"
    went off in Kabul, it is no one's; "shelling of Horlivka" is fire on Horlivka, not its own."""
    deed = weapon.lower_ in ATTACK_NOUNS or weapon.lemma_.lower() in ATTACK_NOUNS
    found = nationality_modifier(weapon, mentions, weapon=True) or (None if deed else member_of(weapon, mentions))
    return side(weapon, found, mentions) or armed_body_s(weapon, mentions)


def armed_body_s(weapon: Token, mentions: Mentions) -> Entity | None:
    """"the mosque was hit by an army drone", "police tear gas": the armed body the weapon is
    named after fired it."""
    body = next((c for c in weapon.children if c.dep_ in {"compound", "amod"} and c.i < weapon.i
                 and c.lemma_.lower() in ARMED_BODY_NOUNS), None)  # "junta aircraft", "military jets"
    if body is None:
        return None
    if body.lemma_.lower() in RULING_BODIES:  # "regime jets": the state's, when the story names one
        return mentions.home_state()
    return party(body, mentions) or mentions.personnel(body)


def attacking_weapon(subj: Token, mentions: Mentions) -> Entity | None:
    """The weapon an attack verb's subject names: "the missile struck", "the planes attacked"
    (a warplane is flown by a side, and is what it attacked with)."""
    if mentions.materiel_kind(subj) or mentions.named_in(subj, {"WEAPON"}):
        return mentions.weapon(subj)
    if any(f"{c.lower_} {subj.lemma_.lower()}" in mentions.lex.words("not_materiel_phrases") for c in subj.children):
        return None  # "a suicide bomber blew himself up": a man, not a plane
    if subj.lemma_.lower() in mentions.lex.words("attacking_aircraft"):
        return mentions.generic_weapon(subj, "aircraft")
    return attack_only_weapon(subj, mentions)


def names_an_attacking_weapon(subj: Token, mentions: Mentions) -> bool:
    """Whether ``attacking_weapon`` would find one, without making or noting the weapon."""
    return is_weapon_noun(subj, mentions) or bool(mentions.named_in(subj, {"WEAPON"})) \
        or subj.lemma_.lower() in mentions.lex.words("attacking_aircraft")


def is_weapon_noun(noun: Token, mentions: Mentions) -> bool:
    lemma = noun.lemma_.lower()
    return bool(mentions.materiel_kind(noun)) or lemma in mentions.lex.words("hand_guns") \
        or lemma in mentions.lex.words("explosive_devices")


def weapon_used(noun: Token, mentions: Mentions) -> Entity | None:
    """What an attack was made "with": war materiel, or a gun or device one attacks with."""
    return attack_only_weapon(noun, mentions) or mentions.weapon(noun)


def attack_only_weapon(noun: Token, mentions: Mentions) -> Entity | None:
    """A gun one shoots someone with, a device thrown or set off: weapons in an attack, no
    war materiel elsewhere (an "engraved shotgun" given away, "mobile devices" sold)."""
    if mentions.materiel_kind(noun):
        return None
    lemma = noun.lemma_.lower()
    if lemma in mentions.lex.words("hand_guns"):
        return mentions.generic_weapon(noun, "gun")
    if lemma in mentions.lex.words("explosive_devices"):
        return mentions.generic_weapon(noun, "bomb")
    return None


def doers_of_the_when_clause(verb: Token, mentions: Mentions) -> Entity | None:
    """"Four people were shot dead when gunmen burst into a bar": armed people whose entry the
    "when" clause tells did what the passive names no doer of."""
    for clause in verb.children:
        if clause.dep_ == "advcl" and any(m.dep_ in {"advmod", "mark"} and m.lower_ == "when" for m in clause.children):
            subj = next((c for c in clause.children if c.dep_ == "nsubj"), None)
            if subj is not None and is_armed_noun(subj, mentions):
                return irregulars(subj, mentions) or party(subj, mentions)
    return None


def done_by(deed: Token, mentions: Mentions) -> Entity | None:
    """The "by" of a deed named by a noun or a gerund: "the abduction of 20 students by bandits"
    (the parser may hang it on the victims after "of")."""
    holders = [deed, *(o for p, o in preps_of(deed) if p == "of")]
    return next((found for holder in holders for prep, obj in preps_of(holder) if prep == "by"
                 and (found := party(obj, mentions) or irregulars(obj, mentions)) is not None), None)


def claimed_by(noun: Token, mentions: Mentions) -> Entity | None:
    """"the bombing of a police post that was claimed by the Islamic State", "the attack, which
    the Islamic State claimed", "al-Shabaab claimed the attack": who claims a happening says it
    did it. The parser may hang the clause on the noun after "of"."""
    holders = [noun, *(o for p, o in preps_of(noun) if p == "of")]
    if noun.head.lemma_.lower() == "claim" and any(c.dep_ == "neg" for c in noun.head.children):
        return None  # "the RSF has not claimed the attacks": who did them is left open
    if noun.dep_ in {"dobj", "obj"} and noun.head.lemma_.lower() == "claim" and noun.head.pos_ == "VERB" \
            and (claimer := subject_of(noun.head)) is not None and claimer.lower_ not in PRONOUNS_NOT_PARTIES:
        return party(claimer, mentions)  # "al-Shabaab claimed the attack on the base"
    if noun.dep_ == "nsubjpass" and noun.head.lemma_.lower() == "claim":
        agent = agent_of(noun.head)  # "the attack was claimed by the Islamic State group"
        if agent is not None:
            return party(agent, mentions)
    for clause in (c for h in holders for c in h.children if c.dep_ == "relcl" and c.lemma_.lower() == "claim"):
        subj, passive = subject_and_voice(clause)
        doer = agent_of(clause) if passive else subj
        if doer is not None and doer.lower_ not in {"that", "which", "who"}:
            return party(doer, mentions)
    return None


def held_responsible(noun: Token, mentions: Mentions) -> Entity | None:
    """"the Islamic State was behind the attack", "Hamas was responsible for the blast",
    "police said a militia was behind the bombings": who is said to have done it."""
    if noun.dep_ != "pobj":
        return None
    prep = noun.head
    holder = prep.head
    if prep.lower_ == "for" and holder.lemma_.lower() == "responsible" and holder.dep_ in {"acomp", "oprd"}:
        holder = holder.head  # "was responsible for": the subject of "was"
    elif not (prep.lower_ == "behind" and holder.lemma_ == "be"):
        return None
    subj = subject_of(holder)
    if subj is None or subj.lower_ in PRONOUNS_NOT_PARTIES:
        return None
    return attacker(subj, mentions)


PRONOUNS_NOT_PARTIES = frozenset({"who", "what", "which", "that", "it", "this", "nobody"})


def charged_in(noun: Token, mentions: Mentions) -> Entity | None:
    """"Reyes is charged with murder in the death of Hart", "police arrested Reyes in the
    shooting", "Reyes, the suspect in the killing", "charged with the stabbing of Hart": who is
    held to have done the happening; but a raid that people were arrested in was the arresters'
    ("arrested 25 in a raid")."""
    if noun.dep_ != "pobj" or noun.head.lower_ not in {"in", "with", "of", "for"}:
        return None
    if noun.head.lower_ != "in" and not a_deed_told(noun, mentions):
        return None  # "charged with assault", "on suspicion of murder": a charge's name, no deed told
    held = noun.head.head
    if held.lemma_.lower() == "suspect" and held.pos_ == "NOUN":
        return name_given_to(held, mentions) or party(held, mentions)
    culprit_verbs = mentions.lex.words("culprit_verbs")
    for _ in range(5):  # "charged with two counts of intent to murder | in the shootings": the charge
        if held.lemma_.lower() in culprit_verbs or held.dep_ not in {"pobj", "prep", "acl"}:
            break
        held = held.head
    if held.lemma_.lower() not in culprit_verbs:
        return None
    if noun.lemma_.lower() in mentions.lex.words("arresting_operations"):
        arrester = subject_of(held) if not any(c.dep_ == "auxpass" for c in held.children) else agent_of(held)
        return party(arrester, mentions) if arrester is not None else None  # "police arrested 25 in a raid"
    charged = next((c for c in held.children if c.dep_ == "nsubjpass"), None) \
        or next((c for c in held.children if c.dep_ in {"dobj", "obj"}), None)
    if charged is None and held.dep_ == "acl" and held.tag_ == "VBN":
        charged = held.head  # "Kolwe, suspected in the stabbing"
    found = party(charged, mentions) if charged is not None else None
    return found if found is None or found.lat is None else None  # a town is charged with nothing


def a_deed_told(noun: Token, mentions: Mentions) -> bool:
    """"the stabbing of Smith", "the shooting": a happening told, not the name of a crime."""
    return noun.lemma_.lower() not in mentions.lex.words("murder_nouns") and any(
        c.dep_ == "det" and c.lower_ == "the" or c.dep_ == "poss" or c.dep_ == "prep" and c.lower_ == "of"
        for c in noun.children)


def add_under_attack(trigger: Token, roles: Roles, mentions: Mentions) -> None:
    """"a tanker under attack by pirates", "the convoy came under attack from rebels": what is
    under attack is hit; who attacks follows, whatever the parser hung "by" on."""
    held = trigger.head.head
    if held.lemma_.lower() in RESCUE_NOUNS:  # "to the aid of a ship under attack"
        held = next((obj for prep, obj in preps_of(held) if prep == "of"), held)
    objects = objects_of(held, ("dobj", "obj")) if held.pos_ == "VERB" else []
    if held.pos_ in {"NOUN", "PROPN"}:
        add_target(held, roles, mentions)
    elif objects:  # "rescued two vessels under attack": the vessels were, not their rescuer
        add_target(objects[0], roles, mentions)
    elif (subj := subject_of(held)) is not None:
        add_target(subj, roles, mentions)
    after = trigger.doc[trigger.i + 1] if trigger.i + 1 < len(trigger.doc) else None
    if after is not None and after.lower_ in {"by", "from"}:
        for obj in after.children:
            if obj.dep_ == "pobj":
                roles.add("actor", attacker(obj, mentions))


def had_a_hand_in(trigger: Token, mentions: Mentions, lex) -> Entity | None:
    """Who had a part in the attack a noun or gerund names: "Iranian involvement in the raids",
    "Iran's role in the bombing", "Zenda denied any role in the bombings", "claimed
    responsibility for the blast" (or "for shooting down the helicopter"). Only the party owning
    the part, or the one denying, admitting or claiming it; not whoever investigates it ("the
    inquiry examined the army's role": the army)."""
    prep = trigger.head
    if trigger.dep_ not in {"pobj", "pcomp"} or prep.lower_ not in {"in", "for"}:
        return None
    part = prep.head
    if part.pos_ in {"VERB", "AUX"}:  # "denied any role | in the bombings": the parser hangs it on the verb
        part = next((o for o in objects_of(part) if o.lemma_.lower() in lex.words("participation_nouns")), part)
    if part.lemma_.lower() not in lex.words("participation_nouns"):
        return None
    owner = nationality_modifier(part, mentions)
    if owner is not None:
        return owner
    if part.dep_ in {"dobj", "obj"} and part.head.lemma_.lower() in lex.words("participation_verbs"):
        subj = subject_of(part.head)
        if subj is None:
            return None
        # "the government in Tehran denied any role": the body speaks for its state
        is_body = subj.lemma_.lower() in lex.words("body_speakers")
        return party(subj, mentions) or (mentions.speaker(subj) if is_body else None)
    return None


def had_a_part_in(deed: Token) -> bool:
    """"it was involved in the bombing", "it took part in the raid", "it had nothing to do
    with the attack": the subject's part in the deed is what the clause tells (or denies)."""
    if deed.dep_ != "pobj":
        return False
    prep, holder = deed.head, deed.head.head
    lemma = holder.lemma_.lower()
    if prep.lower_ == "in":
        return lemma in PARTAKING_VERBS or lemma == "part" and holder.head.lemma_.lower() == "take"
    return prep.lower_ == "with" and has_nothing_to_do(holder)


def hits(trigger: Token, verb: Token, lex) -> bool:
    """Whether the objects of ``verb`` are what the noun ``trigger`` (its subject) hit:
    "the airstrike destroyed a bridge", not "the bombings cost Iraq millions"."""
    lemma = verb.lemma_.lower()
    return trigger.dep_ in {"nsubj", "conj"} and (lemma in lex.words("hit_verbs") or lemma in lex.types["ATTACK"].verbs)


def add_blast_site(trigger: Token, verb: Token, roles: Roles, mentions: Mentions) -> None:
    """"a truck bomb exploded at the divisional headquarters of the Nigerian Army", "a blast at
    the military academy": what the bomb went off at is what it hit; "threw rocks at a hotel and
    a number of banks": each site of the first phrase naming one."""
    preps = preps_of(verb) + (preps_of(trigger) if trigger.pos_ == "NOUN" else [])
    for prep, obj in preps:
        if is_blast_site(prep, obj, mentions):
            for one in conjuncts(obj):
                if is_blast_site(prep, one, mentions):
                    add_target(one, roles, mentions)
            return


def sets_fire(verb: Token) -> bool:
    """"set fire to", "opened fire": the verb takes "fire" as its object."""
    return any(c.dep_ == "dobj" and c.lower_ == "fire" for c in verb.children)


def is_blast_site(prep: str, obj: Token, mentions: Mentions) -> bool:
    span = mentions.span_at(obj)
    obj = things_counted(obj)
    return prep in SITE_PREPOSITIONS and prep != "near" and (
        mentions.is_thing(obj) or span is not None and is_struck_site(span, "ATTACK"))


def mission_people(noun: Token, mentions: Mentions) -> Entity | None:
    """"two Indonesian peacekeepers", "UN observers": people serving an international mission
    are the people hit, not their country, which is no party to the fight."""
    if noun.pos_ != "NOUN" or noun.lemma_.lower() not in mentions.lex.words("mission_personnel"):
        return None
    named_by = [c for c in noun.children if c.dep_ in {"amod", "compound"} and c.i < noun.i
                and getattr(mentions.span_at(c), "label_", None) in {"NORP", "GPE", "ORG"}]
    return mentions.people(noun) if named_by else None  # (bare "peacekeepers": as any people)


def whole_taken_in_part(noun: Token) -> Token:
    """"most of northern Rakhine", "large parts of the city": the place a share is taken of."""
    if noun.lemma_.lower() not in PARTS_TAKEN:
        return noun
    return next((o for prep, o in preps_of(noun) if prep == "of"), noun)


def add_target(obj: Token, roles: Roles, mentions: Mentions) -> None:
    if obj.i in sayers_joined_to_a_list(obj.sent, mentions.lex):
        return
    obj = whole_taken_in_part(it_taken_before(obj))
    obj = things_counted(obj)  # "a number of banks", "dozens of cars": the banks, the cars
    ship = ship_named_after_its_kind(obj, mentions) or mentions.vessel_at(obj)
    if ship is not None:
        # "the British aircraft carrier Invincible": the ship, not Britain; "sank the Rubymar" after
        # "the cargo ship Rubymar"
        roles.add("target", ship)
        return
    town = settlement_named(obj, mentions)
    if town is not None:  # "the central Haitian town of Mirebalais": Mirebalais, not Haiti
        roles.add("target", town)
        roles.add("location", town)
        return
    if mentions.is_thing(obj) and mentions.span_at(obj) is None:
        add_struck_thing(obj, roles, mentions)
        return
    named = mentions.span_at(obj)
    # "threatened to kill U.S. Rep. Ilhan Omar": a person named with a title and a country
    places = mentions.places_in(obj) if named is None or named.label_ != "PERSON" else []
    places = [span for span in places if not flag_or_maker(span, obj)]
    # "a Leeds man was attacked": the man was hit, in Leeds; Leeds was not
    people = is_person_noun(obj, mentions)
    for span in places:
        ent = mentions.resolve_span(span)
        if ent is not None:
            if not people:
                roles.add("target", ent)
            if not mentions.is_country(ent) and ent.type not in NEVER_PLACES and not described_as_craft(span, mentions):
                roles.add("location", ent)  # not "the Marlin Luanda, a tanker": hit, not where
    if not places:
        ent = name_given_to(obj, mentions) or party(obj, mentions) or ship_called_it(obj, mentions)
        if ent is not None and ent.type in {"NORP", "GPE"}:
            ent = one_of_a_nation(obj, mentions) or ent
        if ent is None and people and obj.lemma_.lower() not in mentions.lex.words("generic_victims") \
                and names_a_kind(obj):
            # "70 soldiers were attacked": the soldiers, as written
            ent = members_of_a_kind(obj, mentions) or mentions.personnel(obj)
        roles.add("target", ent)
        if ent is not None and ent.lat is not None:  # a place the tagger called something else
            roles.add("location", ent)


def settlement_named(noun: Token, mentions: Mentions) -> Entity | None:
    """The town, village or district "the town of Macomia" names (one place, not a country)."""
    if noun.lemma_.lower() not in SETTLEMENT_NOUNS or mentions.span_at(noun) is not None:
        return None
    if noun.lemma_.lower() in QUARTER_NOUNS and any(c.dep_ in {"compound", "amod"} and c.pos_ == "PROPN"
                                                    for c in noun.children if c.i < noun.i):
        return None  # "the Solino neighbourhood of Port-au-Prince": the name is in front, not Port-au-Prince
    places = [span for prep in noun.children if prep.dep_ == "prep" and prep.lower_ == "of"
              for obj in prep.children if obj.dep_ == "pobj" and (span := mentions.span_at(obj)) is not None
              and (span.label_ in PLACE_LABELS or mentions.looks_like_place(span))]
    ent = mentions.resolve_span(places[0]) if len(places) == 1 else None
    return ent if ent is not None and not mentions.is_country(ent) else None


SETTLEMENT_NOUNS = frozenset(grammar()["settlement_nouns"])
QUARTER_NOUNS = frozenset(grammar()["quarter_nouns"])


def it_taken_before(obj: Token) -> Token:
    """"entered the camp on Friday and seized it": "it" is what the verb before took."""
    verb = obj.head
    if obj.lower_ != "it" or obj.dep_ not in {"dobj", "obj"} or verb.dep_ != "conj":
        return obj
    return next((o for o in objects_of(verb.head, ("dobj", "obj"))), obj)


def ship_named_after_its_kind(noun: Token, mentions: Mentions) -> Entity | None:
    """"the bulk carrier Star Meridian" (the name in apposition), "the aircraft carrier
    Invincible" (the kind a compound of the name): the ship of that name, whatever the tagger
    called it (a town, a person) or left untagged."""
    doc = noun.doc
    if noun.pos_ == "PROPN":
        kind = next((c for c in noun.children if c.dep_ == "compound" and c.lemma_.lower() in SHIP_KINDS), None)
        first = kind.i + 1 if kind is not None else None
    elif noun.lemma_.lower() in SHIP_KINDS:  # (or "the ship, the Marlin Luanda")
        name = next((c for c in noun.children if c.dep_ == "appos" and c.pos_ == "PROPN"), None)
        if name is None:
            return None
        first = next((t.i for t in name.subtree if t.pos_ == "PROPN"), name.i)
        if any(t.lower_ not in {",", "the"} for t in doc[noun.i + 1:first]):
            return None
        noun = name
    else:
        return None
    if first is None or first > noun.i:
        return None
    words = doc[first:noun.i + 1]
    if not all(t.pos_ == "PROPN" or t.like_num for t in words):
        return None
    return mentions.keep(mentions.resolver.resolve(words.text, "VESSEL"))


def flag_or_maker(span: Span, thing: Token) -> bool:
    """"the Panama-flagged MV Lilac Isle", "a Greek-owned tanker", "Iranian-made drones": the
    state in a participle describing the thing flies its flag, owns or made it; it was not hit."""
    participle = span.root.head
    return span.root.dep_ in {"npadvmod", "compound", "amod", "nmod"} and participle.dep_ == "amod" \
        and participle.lower_ in FLAG_OR_MAKER_PARTICIPLES and participle.i > span.root.i \
        and thing.left_edge.i <= participle.i <= thing.right_edge.i  # (a "Houthi-held port" is theirs)


FLAG_OR_MAKER_PARTICIPLES = frozenset(grammar()["flag_or_maker_participles"])


def ship_called_it(pronoun: Token, mentions: Mentions) -> Entity | None:
    """"MV Orla radioed that it was under attack", "the Orla reported boats firing at it": a
    ship is "it", and the one ship its sentence names before the word is the one meant."""
    if pronoun.lower_ != "it":
        return None
    ships = {span.text: span for t in pronoun.sent if t.i < pronoun.i
             and (span := mentions.span_at(t)) is not None and span.label_ == "ORG"
             and (span[0].text in VESSEL_PREFIXES or mentions.vessel_named(span[-1].text) is not None)}
    if len(ships) != 1:
        return None
    span = next(iter(ships.values()))
    return mentions.vessel_named(span[-1].text) or mentions.resolve_span(span)


def one_of_a_nation(noun: Token, mentions: Mentions) -> Entity | None:
    """"a Saudi security officer", "a Thai crew member": one person the article describes by
    nationality is that person, not the nation (as "40 Malian soldiers" are Mali's)."""
    person = is_person_noun(noun, mentions) or mentions.lex.heads.get(noun.lemma_.lower()) == "PERSON"
    if noun.tag_ == "NN" and person:
        return mentions.people(noun)
    return None


def civilians_of_a_nation(noun: Token, mentions: Mentions) -> Entity | None:
    """"eight Syrian refugees", "four Italian nuns": people of a nation who are no armed side
    are the victims as named, not their country (as "40 Malian soldiers" are Mali's)."""
    lemma = noun.lemma_.lower()
    if noun.tag_ != "NNS" or mentions.lex.heads.get(lemma) not in {"PERSON", "GROUP"} \
            or lemma in mentions.lex.personnel or is_armed_noun(noun, mentions):
        return None
    return next(iter(mentions.peoples(noun, least=1)), None)


def organisation_owner(thing: Token, mentions: Mentions) -> Entity | None:
    """"the Hamas headquarters", "the army's depot": the organisation whose site was hit (not
    "a Woodburn bank": a town the tagger called an organisation, ``town_in_front``; nor "a WFP
    convoy": a body that bears no arms is no side hit, its convoy or warehouse is)."""
    for c in thing.children:
        span = mentions.span_at(c)
        if c.dep_ in {"compound", "poss"} and c.i < thing.i and span is not None and span.label_ == "ORG":
            owner = mentions.resolve_span(span)
            if owner is not None and owner.attrs.get("kind") in mentions.lex.words("unarmed_owner_kinds"):
                return None  # "a World Food Programme convoy", "a UN warehouse": the convoy was hit
            return owner if owner is None or not is_a_town(owner, mentions) else None
    return None


def town_in_front(thing: Token, mentions: Mentions) -> Entity | None:
    """"a bomb exploded at a Woodburn bank": a known town named in front of a site, which the
    tagger may call an organisation, is where the site is."""
    for c in thing.children:
        span = mentions.span_at(c)
        if c.dep_ == "compound" and c.i < thing.i and span is not None and span.label_ == "ORG":
            town = mentions.resolve_span(span)
            if town is not None and is_a_town(town, mentions):
                return town
    return None


def is_a_town(ent: Entity, mentions: Mentions) -> bool:
    return ent.type in PLACE_LABELS and ent.lat is not None and not mentions.is_country(ent)


def add_struck_thing(obj: Token, roles: Roles, mentions: Mentions) -> None:
    """"sank a Greek cargo trawler", "bombed the Kapoeta airfield": the thing hit is
    the target, a place in its description is where it was; a nationality is neither,
    but on a military post it names the side whose forces were hit ("captured the Libyan
    outpost"). "the headquarters of the Nigerian Army": what was hit is the army's."""
    owners = (party(o, mentions) for p, o in preps_of(obj) if p == "of" and mentions.named_in(o))
    # "the air base of Wadi Sayyidna" is in a town; "the headquarters of the army" is the army's
    owner = next((e for e in owners if e is not None and (e.type not in PLACE_LABELS or mentions.is_country(e))), None) \
        or organisation_owner(obj, mentions)
    if owner is None and obj.lemma_.lower() in EMPTY_THINGS and not any(
            c.dep_ in {"amod", "compound", "nmod", "poss", "acl", "relcl"} for c in obj.children):
        return  # "the planes attacked targets": a bare "targets" names nothing hit
    vessel = named_craft(obj, mentions) or (mentions.vessel_described(obj) if owner is None else None)
    if vessel is not None:  # "an attack on a merchant vessel" ... "the merchant vessel, MV Orla"
        roles.add("target", vessel)
        return
    named = mentions.site_named_before(obj) if owner is None else None
    if named is not None:  # "exploded at the academy" after "bombed the Harlan Naval Academy"
        roles.add("target", named)
        roles.add("location", named)
        return
    # "Palestinian guerrilla positions": the nationality is the guerrillas', who are no state's forces
    fighters = mentions.lex.words("irregular_fighters")
    held_by_irregulars = any(c.dep_ in {"compound", "amod"} and c.lemma_.lower() in fighters for c in obj.children)
    side = nationality_modifier(obj, mentions) \
        if owner is None and obj.lemma_.lower() in MILITARY_SITES and not held_by_irregulars else None
    side = state_of_capital(side, mentions)
    if side is not None and (side.type == "NORP" or mentions.is_country(side)):
        # "the Libyan outpost", "Tripoli's air base": Libya's forces were hit, and REALNEWS
        # annotators name the side, not its post (the post's place is where)
        roles.add("target", side)
    else:
        for thing in [owner] if owner is not None else mentions.things(obj):
            roles.add("target", thing)
    for span in mentions.places_in(obj):
        ent = mentions.resolve_span(span) if span.label_ != "NORP" else None
        if ent is not None and not mentions.is_country(ent) and ent.id != (owner and owner.id):
            roles.add("location", ent)
    if not roles["location"]:
        roles.add("location", town_in_front(obj, mentions))


def state_of_capital(place: Entity | None, mentions: Mentions) -> Entity | None:
    """"Tripoli's air base": a capital owning a post stands for its state."""
    state = place.attrs.get("metonym_of") if place is not None else None
    if not state:
        return place
    known = mentions.entities.get(state)
    name = mentions.resolver.country_name(place.country) if known is None and place.country else None
    return known or (mentions.keep(mentions.resolver.resolve(name, "GPE")) if name else place)


EMPTY_THINGS = frozenset(grammar()["empty_things"])
MILITARY_SITES = load_lexicon().words("military_sites")


def could_be_people(noun: Token, mentions: Mentions) -> bool:
    """A noun for people ("soldiers", "a nurse"), or one counted like them ("14 cadets");
    not "injuries", "chaos" or "total privacy"."""
    if is_person_noun(noun, mentions) or mentions.lex.heads.get(noun.lemma_.lower()) in {"PERSON", "GROUP"}:
        return True
    known = noun.lemma_.lower() in mentions.lex.heads or noun.lemma_.lower() in mentions.lex.types["CASUALTY"].nouns
    return not known and any(c.dep_ == "nummod" for c in noun.children)


def aimed_at(obj: Token, mentions: Mentions) -> bool:
    """Whom or what one fires at: a named person, group or ship, people, or a vehicle or
    site ("fired at Reyes", "shot at the patrol", "opened fire on the convoy"); not where
    ("opened fire at the party", "shot at a Louisiana screening")."""
    obj = things_counted(obj)
    span = mentions.span_at(obj)
    if span is None:
        # "fired at him", "shot at the teenager": the person the article named before
        return is_person_noun(obj, mentions) or mentions.is_thing(obj) or ship_called_it(obj, mentions) is not None \
            or referent(obj, mentions) is not None
    if span.label_ in {"PERSON", "ORG", "NORP"}:
        return True
    named = mentions.resolve_span(span)  # "fired at the Mysore", tagged a place
    return named is not None and named.attrs.get("kind") == "vessel"


def aimed_at_people(obj: Token, mentions: Mentions) -> bool:
    """Fired at people, named or not ("at the crew", "at Reyes"), not at a site or a name that
    may be one."""
    span = mentions.span_at(obj)
    return aimed_at(obj, mentions) and not mentions.is_thing(things_counted(obj)) \
        and (span is None or span.label_ in {"PERSON", "NORP"})


def is_person_noun(token: Token, mentions: Mentions) -> bool:
    lemma = token.lemma_.lower()
    return token.pos_ == "NOUN" and (mentions.is_personnel(token) or mentions.lex.is_armed(token) or any(
        lemma in mentions.lex.words(kind) for kind in ("generic_victims", "non_state_people", "unrest_crowds")))


def frame_casualty(trigger, head, roles, args, mentions, lex):
    if trigger.pos_ == "NOUN" and trigger.dep_ == "pobj" and trigger.head.lower_ == "without":
        spared = subject_of(trigger.head.head)  # "all but one escaped without injury": they were not hurt
        if spared is not None:
            args.append(spared)
        return
    if trigger.pos_ == "NOUN" and killed_in_a_manner(trigger):
        add_roles_of_manner_verb(trigger.head.head, roles, args, mentions)
        return
    if trigger.pos_ == "NOUN" and trigger.lemma_.lower() == "life" and trigger.dep_ in {"dobj", "obj"}:
        add_roles_of_lives(trigger, roles, args, mentions)
        return
    if trigger.pos_ == "NOUN" and trigger.dep_ in {"dobj", "obj"} \
            and trigger.head.lemma_.lower() in SUFFERING_VERBS | INFLICTING_VERBS:
        add_sufferers(trigger, roles, args, mentions)
        return
    # ("Hezbollah announced the deaths of three of its members": who tells of deaths did not cause them)
    if trigger.pos_ == "NOUN" and trigger.dep_ not in {"nsubj", "nsubjpass"} \
            and (not is_light_verb_object(trigger) or head.lemma_.lower() in lex.words("reporting_verbs")):
        add_victims_of_noun(trigger, roles, args, mentions)  # "spoke about the death of Haddad"
        roles.add("actor", charged_in(trigger, mentions) or claimed_by(trigger, mentions)
                  or done_by(trigger, mentions))  # "the killing of three guards by Boko Haram fighters"
        return
    if trigger.pos_ == "ADJ" and trigger.dep_ in ADJECTIVE_APART_DEPS:
        add_victims_of_adjective(trigger, roles, args, mentions)
        return
    verb = head
    subj, passive = subject_and_voice(verb)
    # "the crash left a woman dead", "gunmen shot dead a guard": the one left dead is the
    # object, the subject what did it (the gunmen, as the attack verb says, not the finder
    # of "police found two men dead")
    objects = [o for o in objects_of(verb) if o.i != trigger.i]
    if trigger.pos_ == "NOUN" and trigger.dep_ == "nsubj" \
            and verb.lemma_.lower() not in lex.words("casualty_counting_verbs"):
        objects = []  # "the killing of the boy angered residents"; but "casualties included two medics"
    if trigger.pos_ == "ADJ" and trigger.dep_ == "acomp":
        objects += objects_of(trigger)  # the tagger hangs "shot dead one guard" on "dead"
    # ("shot two policemen dead" may hang "dead" on the verb as a clause of its own)
    left_dead = trigger.pos_ == "ADJ" and trigger.dep_ in {"oprd", "acomp", "advcl", "xcomp"} and bool(objects)
    if subj is not None:
        args.append(subj)
        if left_dead:
            by_attack = verb.lemma_.lower() in lex.types["ATTACK"].verbs
            roles.add("actor", attack_party(subj, mentions) if subj.lemma_.lower() in ATTACK_NOUNS
                      else party(subj, mentions) if by_attack else None)
        elif passive or trigger.pos_ == "ADJ" or trigger.lemma_.lower() in SUBJECT_HARMED_VERBS:
            for who in conjuncts(subj):  # "14 rebels and 6 army soldiers were killed"
                for victim in victim_groups(who, mentions):
                    roles.add("target", victim)
            add_the_other_side(verb, roles, mentions)
            if trigger.lemma_.lower() in SURRENDERING_VERBS:  # "the pirates surrendered to the commandos"
                for prep, obj in preps_of(verb):
                    if prep == "to":
                        roles.add("actor", party(obj, mentions) or
                                  (mentions.personnel(obj) if mentions.is_personnel(obj) else None))
        elif verb.lemma_.lower() not in lex.words("losing_verbs"):  # "Libya lost 300 soldiers": Libya's, not by Libya
            for who in conjuncts(subj):  # "Malian troops and Russian mercenaries killed 25 civilians": both
                if mentions.lex.heads.get(who.lemma_.lower()) == "FAC" and not mentions.span_at(who):
                    continue  # "the strike on the Sumy hospital that killed 12": a building kills no one
                doer = attack_party(who, mentions) if who.lemma_.lower() in ATTACK_NOUNS \
                    else weapon_s_side(who, mentions) if names_an_attacking_weapon(who, mentions) \
                    else craft_by_its_name(who, mentions) or one_warship(who, mentions) or party(who, mentions)
                roles.add("actor", doer)
                add_sides_joined(who, doer, roles, mentions)  # "U.S. and British jets killed 14": both
    for obj in objects:
        args.append(obj)
        if obj.lemma_.lower() in CAPTIVITY_NOUNS:
            continue  # "were taken prisoner": what they became, not who
        for victim in victim_groups(obj, mentions):
            roles.add("target", victim)
    agent = agent_of(verb)
    if agent is not None and not spoken_of_by(trigger, verb, lex):
        roles.add("actor", party(agent, mentions) or irregulars(agent, mentions))  # "killed by police"
    if passive and agent is None and not roles["actor"]:
        roles.add("actor", doers_of_the_when_clause(verb, mentions))  # "were shot dead when gunmen burst in"
    if trigger.pos_ == "NOUN":
        add_victims_of_noun(trigger, roles, args, mentions)
        if not roles["actor"]:
            roles.add("actor", done_by(trigger, mentions))  # "the abduction of 20 students by bandits has shocked"


def add_sufferers(noun: Token, roles: Roles, args: list, mentions: Mentions) -> None:
    """"the army suffered heavy casualties": the army's people fell (whoever caused it is not
    said); "the rebels inflicted heavy losses on government troops": the troops' people fell,
    at the rebels' hands."""
    verb = noun.head
    subj = subject_of(verb)
    if verb.lemma_.lower() in INFLICTING_VERBS and subj is not None and subj.lemma_.lower() not in ATTACK_NOUNS:
        args.append(subj)
        roles.add("actor", attacker(subj, mentions))
    for who in (one for fallen in sufferers(noun) for one in conjuncts(fallen)):
        args.append(who)
        for victim in victim_groups(who, mentions):
            roles.add("target", victim)


def sufferers(noun: Token) -> list[Token]:
    """Whose people fell, for a toll that is the object of a suffering or inflicting verb: the
    subject ("the army suffered heavy casualties") or whom it was inflicted "on" (the parser hangs
    "on the rebels" on the verb or on the toll)."""
    verb = noun.head
    if noun.dep_ not in {"dobj", "obj"}:
        return []
    if verb.lemma_.lower() in SUFFERING_VERBS:
        return [s for s in [subject_of(verb)] if s is not None]
    if verb.lemma_.lower() in INFLICTING_VERBS:
        return [o for prep, o in preps_of(verb) + preps_of(noun) if prep in {"on", "upon"}]
    return []


SUFFERING_VERBS = frozenset(grammar()["suffering_verbs"])
INFLICTING_VERBS = frozenset(grammar()["inflicting_verbs"])
MUTUAL_FIGHT_NOUNS = load_lexicon().words("mutual_fight_nouns")
SUBJECT_HARMED_VERBS = load_lexicon().words("subject_harmed_verbs")
SURRENDERING_VERBS = load_lexicon().words("surrendering_verbs")


def is_fighting_side(noun: Token, mentions: Mentions) -> bool:
    """Someone one can fight: forces, armed or rioting people, police, or a named party."""
    span = mentions.span_at(noun)
    return span is not None and span.label_ in {"ORG", "GPE", "NORP"} or mentions.is_personnel(noun) \
        or irregulars(noun, mentions) is not None


def add_the_other_side(verb: Token, roles: Roles, mentions: Mentions) -> None:
    """"three workers were wounded in clashes with police", "died in a shootout with police":
    whoever fell in a fight with a side fell to that side; "died in clashes between Moslems and
    Christians": to both sides."""
    for prep, fight in preps_of(verb):
        if prep not in {"in", "during"} or fight.lemma_.lower() not in MUTUAL_FIGHT_NOUNS:
            continue
        for side_prep, side_noun in preps_of(fight):
            if side_prep in {"with", "between"}:
                roles.add("actor", attacker(side_noun, mentions))


def add_roles_of_lives(lives: Token, roles: Roles, args: list, mentions: Mentions) -> None:
    """"four Americans lost their lives": the subject died; "the gunman who took the lives of 49
    club goers": the subject killed, and those "of" whom the lives were died."""
    verb = lives.head
    subj, passive = subject_and_voice(verb)
    if verb.lemma_.lower() == "lose":
        for who in conjuncts(subj) if subj is not None else []:
            args.append(who)
            for victim in victim_groups(who, mentions):
                roles.add("target", victim)
        return
    add_victims_of_noun(lives, roles, args, mentions)
    if subj is not None and subj.dep_ == "appos":
        subj = subj.head  # "Mateen, the Afghan-American who took the lives": Mateen
    if subj is not None and not passive and verb.lemma_.lower() == "take" and subj.lemma_.lower() not in ATTACK_NOUNS:
        args.append(subj)  # ("the fall of the town cost 1,200 lives": a happening, no doer)
        roles.add("actor", attacker(subj, mentions))


def killed_in_a_manner(noun: Token) -> bool:
    """"stabbed a guard to death", "were burned to death", "froze to death": the verb says how
    they died ("sentenced to death" says what a court decided; senses.yaml not_killing_to_death)."""
    prep = noun.head
    return noun.lower_ == "death" and noun.dep_ == "pobj" and prep.lower_ == "to" and prep.head.pos_ == "VERB" \
        and prep.head.lemma_.lower() not in NOT_KILLING_TO_DEATH


def add_roles_of_manner_verb(verb: Token, roles: Roles, args: list, mentions: Mentions) -> None:
    """Who died is the verb's object, or its subject when it has none or is passive; who
    killed them is the active subject or the passive's agent."""
    subj, passive = subject_and_voice(verb)
    objects = objects_of(verb)
    victims = objects if objects and not passive else [subj] if subj is not None else []
    for who in victims:
        args.append(who)
        for one in conjuncts(who):
            for victim in victim_groups(one, mentions):
                roles.add("target", victim)
    doer = subj if objects and not passive else agent_of(verb)
    if doer is not None:
        args.append(doer)
        roles.add("actor", attacker(doer, mentions))


NOT_KILLING_TO_DEATH = frozenset(load_lexicon().words("not_killing_to_death"))
CAPTIVITY_NOUNS = frozenset(grammar()["captivity_nouns"])
# an adjective that modifies its own noun ("two wounded men") or heads a verbless clause of its
# own ("2 dead, 3 hurt; police say"), unlike "five were dead", "was among the dead", "left two dead"
ADJECTIVE_APART_DEPS = frozenset({"amod", "ccomp", "parataxis"})


def add_victims_of_adjective(adj: Token, roles: Roles, args: list, mentions: Mentions) -> None:
    """An adjective that is no predicate of its clause says nothing of the clause's subject:
    "the families of two wounded men asked for privacy" (the men were hurt, not the families),
    "2 dead, 3 hurt; police say" (a clause of its own: the police are not the dead)."""
    who = adj.head if adj.dep_ == "amod" else next((c for c in adj.children if c.dep_ in {"nsubj", "nsubjpass"}), None)
    if who is None:
        return
    args.append(who)
    for victim in victim_groups(who, mentions):
        roles.add("target", victim)


def add_victims_of_noun(noun: Token, roles: Roles, args: list, mentions: Mentions) -> None:
    """"the death of Amir Haddad", "Haddad's death", "the killing of two guards"."""
    whose = [o for p, o in preps_of(noun) if p == "of"]
    whose += [c for c in noun.children if c.dep_ == "poss" and c.lower_ not in PRONOUNS]
    for who in whose:
        args.append(who)
        if another_title_of_the_named(who, mentions):
            continue
        for victim in victim_groups(who, mentions):
            roles.add("target", victim)
        # "the killing of Hezbollah leader Hassan Nasrallah and Hamas political chief Ismail
        # Haniyeh": the parser may hang both names on the first title
        named = [s for c in who.children if c.dep_ == "appos" and (s := mentions.span_at(c)) is not None
                 and s.label_ == "PERSON"]
        for span in named if len(named) > 1 else []:
            roles.add("target", mentions.resolve_span(span))
    if not whose:
        roles.add("target", nation_of_the_dead(noun, mentions))


def another_title_of_the_named(noun: Token, mentions: Mentions) -> bool:
    """"the death of our president and CEO, Dan Okafor": two titles of the one man named,
    not a second victim (a bare singular title joined to a title the name is given to)."""
    first = noun.head
    return noun.dep_ == "conj" and noun.tag_ in {"NN", "NNP"} and first.tag_ in {"NN", "NNP"} \
        and not any(c.dep_ in {"det", "nummod", "poss"} for c in noun.children) \
        and name_given_to(noun, mentions) is None and name_given_to(first, mentions) is not None


def nation_of_the_dead(noun: Token, mentions: Mentions) -> Entity | None:
    """"cost 900 Ethiopian lives", "40 Sudanese casualties": the nation whose people they were
    (a side, as "900 Ethiopian soldiers" is), when they are counted; "the highest number of
    Libyan casualties" compares tolls, "the Nairobi toll" names a place."""
    if not any(c.dep_ == "nummod" for c in noun.children):
        return None
    found = nationality_modifier(noun, mentions)
    return found if found is not None and (found.type == "NORP" or mentions.is_country(found)) else None




def name_given_to(noun: Token, mentions: Mentions) -> Entity | None:
    """The person a noun is named as: "the cashier, Lena Hart", "the receptionist -- Madeline
    Carver --", "the woman, identified by police as Madeline Carver". A two-word name the
    tagger called an organisation is still that person's when the noun is a person's."""
    spans = [mentions.span_at(c) for c in noun.children if c.dep_ == "appos"] or [set_off_name(noun, mentions)]
    spans += [mentions.span_at(g) for c in noun.children if c.dep_ == "acl" and c.lemma_ in {"identify", "name"}
              for p in c.children if p.dep_ == "prep" and p.lower_ == "as" for g in p.children if g.dep_ == "pobj"]
    for span in spans:
        if span is None:
            continue
        if span.label_ == "PERSON":
            return mentions.resolve_span(span)
        if span.label_ == "ORG" and len(span) >= 2 and all(t.is_title for t in span) \
                and mentions.lex.heads.get(span.root.lemma_.lower()) != "ORG" and is_person_noun(noun, mentions):
            # (not "one Cambodian soldier, Cambodia's Defense Ministry said": a ministry names no one)
            return mentions.resolve_span(span, "PERSON")
    return mentions.references.named_after_headline(noun)  # "Company CEO shot" ... "Dana Hart, the CEO"


def set_off_name(noun: Token, mentions: Mentions) -> Span | None:
    """"... and the alleged shooter, Yvonne Hiller.": a name set off by a comma right after
    the noun, ending the sentence or its clause, that the parser hung elsewhere."""
    doc = noun.doc
    if noun.i + 2 >= noun.sent.end or doc[noun.i + 1].text != ",":
        return None
    span = mentions.span_at(doc[noun.i + 2])
    if span is None or span.start != noun.i + 2 or span.label_ != "PERSON":
        return None
    after = doc[span.end] if span.end < noun.sent.end else None
    return span if after is None or after.text in {",", ".", ";", "--", "—"} else None


def victim_groups(token: Token, mentions: Mentions) -> list[Entity | None]:
    """:func:`victims`, or each kind of people when the noun names several ("12 Somali
    and 11 Yemeni pirates": Somali pirates and Yemeni pirates)."""
    if token.i in sayers_joined_to_a_list(token.sent, mentions.lex):
        return []
    listed = named_after_a_colon(token, mentions)
    if listed:
        return listed
    groups = (mentions.peoples(token) if token.pos_ == "NOUN" else []) or [victims(token, mentions)]
    # "40 soldiers and rebels including a French journalist died": the journalist is one of them
    return groups + [victims(one, mentions) for prep, one in preps_of(token) if prep == "including"]


def sayers_joined_to_a_list(sent: Span, lex) -> frozenset[int]:
    """"killing more than 50 soldiers and volunteer fighters, three security sources and a local
    resident said": the parser joins the speakers of a "said" it left without a subject to the
    list before it; those speakers (the list's last conjuncts, speaker nouns up to the verb) are
    no victims. Kept per sentence in the Doc's user data."""
    key = ("sayers_joined", sent.start)
    found = sent.doc.user_data.get(key)
    if found is None:
        found = frozenset(_sayers_joined(sent, lex))
        sent.doc.user_data[key] = found
    return found


def _sayers_joined(sent: Span, lex) -> set[int]:
    verb = sent.root
    if verb.lemma_.lower() not in REPORT_LEMMAS or any(c.dep_ in {"nsubj", "nsubjpass"} for c in verb.children) \
            or verb.i == sent.start:
        return set()
    last = verb.doc[verb.i - 1]
    if last.dep_ != "conj" or last.pos_ != "NOUN":
        return set()
    first = last.head
    while first.dep_ == "conj":
        first = first.head
    chain = [first, *first.conjuncts]
    speakers = lex.words("speaker_nouns")
    out: set[int] = set()
    for one in reversed(chain):
        if one.lemma_.lower() not in speakers:
            break
        out.add(one.i)
    return out if len(out) < len(chain) else set()


def named_after_a_colon(token: Token, mentions: Mentions) -> list[Entity | None]:
    """"the deaths of four Americans: Ambassador Chris Stevens, Sean Smith and Glen Doherty": the
    people a counted group is then listed as, by name, after a colon that ends the group or the
    clause it is the subject of ("Four Americans were killed: ...")."""
    doc = token.doc
    if not any(c.dep_ == "nummod" for c in token.children):
        return []
    after = next((t.i for t in doc[token.i + 1:token.sent.end] if t.pos_ not in {"AUX", "VERB", "ADV", "PART"}), None)
    if after is None or doc[after].text != ":":
        return []
    spans = {span.start: span for t in doc[after + 1:token.sent.end]
             if (span := mentions.span_at(t)) is not None and span.label_ == "PERSON"}
    return [mentions.resolve_span(span) for span in spans.values()]


def victims(token: Token, mentions: Mentions) -> Entity | None:
    """Who was killed or hurt, when the article says who: a named person, a side
    ("212 Sudanese", "40 Malian soldiers": Sudan, Mali), or a kind of people ("three
    children", "the pirates"); nobody for "people", "others" or "the toll"."""
    of = whole_of_part(token)
    if of is not token:
        if of.pos_ == "NOUN" and token.lower_ in PARTITIVES:
            token = of
        elif of.lower_ == "them":
            token = people_named_before(token, mentions) or token  # "ambushed the rebels, killing 12 of them"
    if mentions.is_thing(token):
        return None  # "captured two Omani fishing boats": a boat is no victim, nor is Oman
    named = name_given_to(token, mentions)
    if named is not None:  # "the cashier, Lena Hart", "the woman, identified as Lena Hart"
        return named
    ent = party(token, mentions)
    if ent is not None and ent.type in {"NORP", "GPE"}:
        if ent.type == "GPE" and not mentions.is_country(ent) and ent.lat is not None:
            return mentions.personnel(token)  # "a Queens grandmother": Queens is where, not who
        return one_of_a_nation(token, mentions) or civilians_of_a_nation(token, mentions) or ent
    if ent is not None and ent.type == "ORG" and mentions.span_at(token) is None:
        return one_of_a_nation(token, mentions) or ent  # "a U.S. military adviser died": the adviser
    if ent is None and token.pos_ == "NOUN":
        if token.lemma_.lower() in mentions.lex.words("generic_victims") or not could_be_people(token, mentions):
            return None  # "suffered injuries", "experienced chaos": no one named
        return members_of_a_kind(token, mentions) or mentions.personnel(token)
    return ent


def people_named_before(token: Token, mentions: Mentions) -> Token | None:
    """The people "them" counts in "killing 12 of them": the nearest plural noun for people
    before it in the sentence that is not a doer ("Soldiers ambushed the rebels" -> the rebels)."""
    for t in reversed(token.sent[:token.i - token.sent.start]):
        if t.tag_ in {"NNS", "NNPS"} and t.dep_ not in {"nsubj", "nsubjpass"} and could_be_people(t, mentions) \
                and (mentions.is_personnel(t) or t.lemma_.lower() in mentions.lex.words("irregular_fighters")
                     or mentions.lex.heads.get(t.lemma_.lower()) in {"PERSON", "GROUP"}):
            return t
    return None


def frame_transfer(trigger, head, roles, args, mentions, lex):
    verb = trigger if trigger.pos_ == "VERB" else head
    receiving = trigger.lemma_.lower() in lex.types["TRANSFER"].receiving_verbs
    subj, passive = subject_and_voice(verb)
    if trigger.pos_ == "NOUN" and not is_light_verb_object(trigger):
        subj = None
    if trigger.pos_ == "NOUN" and trigger.lemma_.lower() in lex.words("commitment_nouns"):
        subj = None  # "India and France agreed a deal for 26 jets": who buys and who sells, it does not say
    if subj is not None:
        args.append(subj)
        role = "recipient" if receiving else "actor"
        items = materiel(subj, mentions) if passive else None
        if passive and items is None and verb.lemma_.lower() in DOUBLE_OBJECT_VERBS:
            roles.add("recipient", party(subj, mentions))  # "Ukraine was given 12 tanks by Denmark"
        elif passive:
            roles.add("instrument", items)
        else:  # "the US and Germany pledged tanks": each supplies
            for one in conjuncts(subj):
                roles.add(role, party(one, mentions))
    # a "to" the parser calls a dative is a preposition: its object is read with the others below
    objects = [o for o in objects_of(verb, ("dobj", "obj", "dative", "iobj")) if o.pos_ != "ADP"]
    # "supplied the RSF with drones": the parser may hang "with" on the object instead of the verb
    withs = [o for p, o in preps_of(verb) if p == "with"] + [o for x in objects for p, o in preps_of(x) if p == "with"]
    has_with = bool(withs) or trigger.lemma_.lower() in lex.types["TRANSFER"].recipient_object_verbs
    for obj in objects:
        args.append(obj)
        if has_with or obj.dep_ in {"dative", "iobj"}:
            roles.add("recipient", party(obj, mentions))
        else:
            add_materiel(obj, roles, mentions)
    for obj in withs:
        add_materiel(obj, roles, mentions)
    # "received the first systems from Moscow": the parser may hang "from" on what was received
    senders = [o for x in objects for p, o in preps_of(x) if p == "from"] if receiving and trigger.pos_ == "VERB" else []
    for obj in senders:
        roles.add("actor", party(obj, mentions))
    for prep, obj in preps_of(verb) + (preps_of(trigger) if trigger.pos_ == "NOUN" else []):
        if prep == "with" or prep == "of" and trigger.pos_ == "NOUN":
            add_materiel(obj, roles, mentions)
        elif prep == "between" and trigger.pos_ == "VERB" or prep == "including":
            # "delivered between 20 and 25 armoured vehicles" (a range the parser reads as a
            # preposition), "..., including BTR-82A carriers": the items themselves
            add_materiel(obj, roles, mentions)
        elif prep == "to" or prep == "for" and trigger.pos_ == "NOUN":  # "an aid package for Ukraine"
            roles.add("recipient", party(obj, mentions))
        elif prep == "from":
            roles.add("actor", party(obj, mentions))  # "received drones from Iran": Iran supplied
        elif prep == "by":
            roles.add("actor", party(obj, mentions))
    if trigger.pos_ == "NOUN":
        for c in trigger.children:
            if c.dep_ in {"compound", "amod"} and mentions.materiel_kind(c):
                roles.add("instrument", mentions.weapon(c))
            elif c.dep_ in {"poss", "amod", "compound"}:
                roles.add("actor", party(c, mentions) if mentions.span_at(c) is not None else None)
    # "Thales will supply radars to the air force": a group noun taken back to the organisation
    # named last may be the supplier itself, and a supplier does not supply itself
    suppliers = {e.id for e in roles["actor"]}
    roles["recipient"] = [e for e in roles["recipient"] if e.id not in suppliers]


def add_materiel(obj: Token, roles: Roles, mentions: Mentions) -> None:
    """The transferred items: every materiel noun in the object phrase ("half of the ammunition")."""
    for t in [obj, *obj.conjuncts]:
        found = materiel(t, mentions)
        if found is None:
            for sub in t.subtree:
                if sub.dep_ == "pobj" and (mentions.materiel_kind(sub) or mentions.named_in(sub, {"WEAPON"})):
                    found = materiel(sub, mentions)
                    if found is not None:
                        break
        roles.add("instrument", found)


def materiel(token: Token, mentions: Mentions) -> Entity | None:
    if mentions.named_in(token, {"WEAPON"}) or mentions.materiel_kind(token):
        return mentions.weapon(token)
    return None


# leaving a place: the forces were there, so it is the deployment's place
LEAVING_WORDS = frozenset(grammar()["leaving_words"])


def frame_deploy(trigger, head, roles, args, mentions, lex):
    if trigger.pos_ == "NOUN":  # "the deployment of 500 engineers", "Russia's deployment"
        roles.add("actor", nationality_modifier(trigger, mentions))
        add_unit_on_duty(trigger, roles, mentions)
        # "a patrol mission in the Gulf of Aden": the mission's phrase is the patrol's
        phrase = [trigger, trigger.head] if trigger.dep_ == "compound" else [trigger]
        for prep, obj in (p for noun in phrase for p in preps_of(noun)):
            if prep == "of" and mentions.is_personnel(obj):
                roles.add("subject", mentions.personnel(obj))
                if not roles["actor"]:
                    origin = mentions.named_in(obj, {"NORP", "GPE"})
                    roles.add("actor", mentions.resolve_span(origin[0]) if origin else None)
            elif prep in {"to", "in"} or prep == "from" and trigger.lemma_.lower() in LEAVING_WORDS:
                for span in mentions.places_in(obj):  # "the withdrawal of troops from Angola": where they were
                    roles.add("location", mentions.resolve_span(span))
        if not roles["subject"]:
            roles.add("subject", ship_of_her(phrase[-1], mentions))
        return
    verb = trigger
    subj, passive = subject_and_voice(verb)
    subj = subj if subj is not None else holder_of_a_place(verb)
    if subj is not None and subj.dep_ == "expl":  # "there are 900 U.S. troops in Syria": the troops
        subj = next((c for c in verb.children if c.dep_ == "attr"), None)
    moved = []
    sent_by = agent_of(verb)
    if sent_by is not None and mentions.is_personnel(sent_by):
        # "the city is patrolled by Guard troops": the troops are the forces, the city no sender
        moved.append(sent_by)
        add_held_places(subj, roles, mentions)  # but where they are
        subj = None
    if subj is not None:
        args.append(subj)
        # "police and troops deployed", "soldiers sealed off the scene"; but in "the army moved troops" the army acts
        # "warships sailed into the Aegean": the ships are what is sent, as troops are
        if passive or any(mentions.is_personnel(things_counted(s)) or mentions.is_naval_unit(things_counted(s))
                          or fighters_holding(verb, things_counted(s), mentions) for s in conjuncts(subj)) \
                and not any(mentions.is_personnel(o) for o in objects_of(verb)):
            moved.extend(conjuncts(subj))
        else:
            for one in conjuncts(subj):
                roles.add("actor", party(one, mentions))
    for obj in objects_of(verb):
        args.append(obj)
        if verb.lemma_.lower() in HOLDING_VERBS and not mentions.is_personnel(obj):
            add_held_places(obj, roles, mentions)  # "the navy patrolling the Gulf of Aden": there, nothing sent
        elif not moved:  # the place a unit holds or leaves is not moved ("sealed off the scene")
            moved.append(obj)
        elif verb.lemma_.lower() in HOLDING_VERBS or verb.lemma_.lower() in LEAVING_WORDS:
            add_held_places(obj, roles, mentions)  # "Guard troops patrolled Memphis", "left Faya": there
    for t in map(things_counted, moved):  # "thousands of troops": the troops
        roles.add("subject", mentions.personnel(t))
        if not roles["actor"] and t.lemma_.lower() not in mentions.lex.words("irregular_fighters"):
            # ("Syrian opposition fighters entered Hama": Syria sent no one)
            origin = mentions.named_in(t, {"NORP", "GPE"})
            if origin:
                roles.add("actor", mentions.resolve_span(origin[0]))
            elif the_government(t):
                roles.add("actor", mentions.home_state())  # "government forces set up roadblocks"
    for prep, obj in preps_of(verb):
        if prep in {"to", "towards", "toward", "into"}:
            for span in mentions.places_in(obj):
                ent = mentions.resolve_span(span)
                roles.add("location", ent)  # "sent fighters to Syria": where they go (REALNEWS)
        elif prep == "by" and obj not in moved:
            roles.add("actor", party(obj, mentions))
        elif prep == "for" and verb.lemma_.lower() in HEADING_VERBS:
            add_held_places(obj, roles, mentions)  # "warships headed for the Aegean": where they go
        elif prep == "from" and verb.lemma_.lower() in LEAVING_WORDS:
            for span in mentions.places_in(obj):  # "troops withdrew from the border town of Kidal"
                roles.add("location", mentions.resolve_span(span))
        elif prep in {"in", "inside", "at"} and verb.lemma_.lower() in STAYING_VERBS and not mentions.places_in(obj):
            add_held_places(obj, roles, mentions)  # "marines remained in the main ports"
    for purpose in (c for c in verb.children if c.dep_ in {"advcl", "xcomp"} and c.lemma_.lower() in HOLDING_VERBS):
        for obj in objects_of(purpose):  # "dispatched 1,000 marines to occupy the main ports": there
            add_held_places(obj, roles, mentions)


def fighters_holding(verb: Token, subj: Token, mentions: Mentions) -> bool:
    """"100 rebels were occupying the headquarters": the rebels are the force posted there."""
    return verb.lemma_.lower() in mentions.lex.words("occupying_verbs") \
        and subj.lemma_.lower() in mentions.lex.words("irregular_fighters")


def holder_of_a_place(verb: Token) -> Token | None:
    """"Turkish forces occupying north Cyprus": the noun a participle of holding hangs on holds
    the place (not "a cop patrolling on foot" with no place held)."""
    if verb.dep_ == "acl" and verb.tag_ == "VBG" and verb.head.pos_ in {"NOUN", "PROPN"} \
            and verb.lemma_.lower() in HOLDING_VERBS and objects_of(verb):
        return verb.head
    return None


HOLDING_VERBS = frozenset(grammar()["holding_verbs"])
STAYING_VERBS = load_lexicon().words("staying_verbs")
HEADING_VERBS = frozenset(grammar()["heading_verbs"])


def add_held_places(token: Token | None, roles: Roles, mentions: Mentions) -> None:
    """The places a deployed force patrols, holds or heads for are where it is deployed."""
    if token is None:
        return
    places = mentions.places_in(token)
    for span in places:
        ent = mentions.resolve_span(span)
        if ent is not None and ent.type not in NEVER_PLACES:
            roles.add("location", ent)
    if not places and mentions.is_thing(token) and mentions.span_at(token) is None:
        roles.add("location", mentions.thing(token))  # "surrounded the building", "occupied the ports"


def add_unit_on_duty(noun: Token, roles: Roles, mentions: Mentions) -> None:
    """"HMS Daring on patrol in the area", "HMS Daring and its helicopter were on patrol",
    "replaced the Dauntless on patrol": the unit on patrol is the one deployed; the state it
    is written as belonging to ("Britain's HMS Daring") deployed it."""
    if noun.dep_ != "pobj" or noun.head.lower_ != "on":
        return
    holder = noun.head.head
    unit = holder if holder.pos_ in {"NOUN", "PROPN"} else subject_of(holder) if holder.pos_ in {"VERB", "AUX"} else None
    if unit is None:
        return
    # a named unit only: "70 soldiers on foot patrol were attacked" tells of no deployment
    found = named_ship(unit, mentions) or (party(unit, mentions) if mentions.span_at(unit) is not None else None)
    if found is not None and found.type in PLACE_LABELS and found.attrs.get("kind") != "vessel":
        return  # "the warship Daring" tagged a place: a town of that name was never on patrol
    roles.add("subject", found)
    for owner in (c for c in unit.children if c.dep_ == "poss"):
        roles.add("actor", named_party(owner, mentions))


def ship_of_her(noun: Token, mentions: Mentions) -> Entity | None:
    """"operations conducted by INS Sukanya during her patrol mission": the ship named before
    "her" or "its" in the sentence, when it is the one prefixed ship the article names so."""
    if not any(c.dep_ == "poss" and c.lower_ in {"her", "its"} for c in noun.children):
        return None
    for t in reversed(noun.doc[noun.sent.start:noun.i]):
        if t.pos_ == "PROPN" and (ship := mentions.vessel_named(t.text)) is not None:
            return ship
    return None


def named_ship(unit: Token, mentions: Mentions) -> Entity | None:
    """"the Mysore" after "INS Mysore" (whatever the tagger made of it), "the Indian warship
    Mysore": a ship by its name, not the town or the navy's country."""
    if unit.pos_ != "PROPN":
        return None
    known = mentions.vessel_named(unit.text)
    if known is not None or not any(c.dep_ in {"compound", "appos"} and c.lemma_.lower() in mentions.lex.words("naval_units")
                                    for c in unit.children):
        return known
    # built here: the gazetteer would answer with the town the ship is named after
    return mentions.keep(Entity(id=f"org:{slug(unit.text)}", name=unit.text, type="ORG", attrs={"kind": "vessel"}))


def speaks_of(verb: Token, lex) -> bool:
    """A verb that takes a stance on a happening without taking part ("welcomed the talks");
    not one that seeks or plans it ("sought talks with Kyiv")."""
    lemma = verb.lemma_.lower()
    return lemma in lex.words("attitude_verbs") and lemma not in lex.words("planned") \
        or any(lemma in lex.types[t].verbs for t in ("CONDEMN", "ACCUSE", "DENY"))


def frame_meet(trigger, head, roles, args, mentions, lex):
    verb = trigger if trigger.pos_ == "VERB" else head
    subj = subject_of(verb) or subject_of_the_clause_around(verb)
    if trigger.pos_ == "NOUN" and subj is not None and subj.i != trigger.i and speaks_of(verb, lex):
        subj = None  # "a spokesman condemned the visit", "Beijing welcomed the talks": not in it
    if subj is not None:
        args.append(subj)
        for t in [subj, *subj.conjuncts]:
            roles.add("actor", party(t, mentions))
            for side_named in joined_nationalities(t, mentions) + states_represented(t, mentions):
                roles.add("actor", side_named)
    # "met Rand"; but "left Lisbon after talks with Rand": what the clause's verb takes is no participant
    for obj in objects_of(verb) if trigger.pos_ == "VERB" or joined_for(trigger, verb) else []:
        place = place_visited(obj, mentions)
        if place is not None:  # "visited Baghdad": a place visited meets no one; it is where
            roles.add("location", place)
        elif not _place_named(obj, mentions):
            roles.add("actor", party(obj, mentions))
    for prep, obj in preps_of(verb) + (preps_of(trigger) if trigger.pos_ == "NOUN" else []):
        # "received a phone call from Putin": the caller is on the call too
        if prep in {"with", "between"} or prep == "from" and trigger.lemma_.lower() == "call":
            for named in [obj, *names_joined_before(obj, mentions)]:
                roles.add("actor", party(named, mentions))
            for side_named in states_represented(obj, mentions):
                roles.add("actor", side_named)
    for prep, obj in preps_of(trigger) if trigger.pos_ == "NOUN" else []:
        if prep == "of" and trigger.lemma_.lower() in GATHERING_NOUNS and not _place_named(obj, mentions):
            roles.add("actor", party(obj, mentions))  # "an emergency meeting of NATO ambassadors"
        if prep == "to" and _place_named(obj, mentions):
            roles.add("location", mentions.resolve_span(mentions.span_at(obj)))  # "her visit to Lisbon": where they will meet


GATHERING_NOUNS = frozenset(grammar()["gathering_nouns"])


def states_represented(noun: Token, mentions: Mentions) -> list[Entity]:
    """"the foreign ministers of Saudi Arabia and Iran", "envoys of Mali and Niger",
    "negotiators from Israel and Hamas": people named by their office who are no one the article
    names stand for the states or bodies of their "of" or "from" phrase, each one joined there."""
    if noun.pos_ != "NOUN" or mentions.lex.heads.get(noun.lemma_.lower()) != "PERSON" \
            or mentions.span_at(noun) is not None or referent(noun, mentions) is not None:
        return []
    owners = [o for prep, o in preps_of(noun) if prep in {"of", "from"}]
    return [ent for o in owners for t in [o, *o.conjuncts] if (ent := named_party(t, mentions)) is not None]


def joined_for(trigger: Token, verb: Token) -> bool:
    """"joined Kerry and their partners in Paris for talks": whom one joins for talks is in them."""
    return trigger.dep_ == "pobj" and trigger.head.lower_ == "for" and trigger.head.head.i == verb.i \
        and verb.lemma_.lower() == "join"


def names_joined_before(noun: Token, mentions: Mentions) -> list[Token]:
    """"with Shevardnadze and Soviet negotiators", "with Prime Minister Shinzo Abe and South
    Korea President Park Geun Hye": the parser may hang the first of two joined names on the
    second as its modifier; a person or body named so is a party of its own."""
    return [c for c in noun.children if c.dep_ in {"nmod", "compound"} and c.i < noun.i and c.conjuncts
            and any(x.dep_ == "cc" for x in c.children)
            and (span := mentions.span_at(c)) is not None and span.label_ in {"PERSON", "ORG"}]


def joined_nationalities(noun: Token, mentions: Mentions) -> list[Entity]:
    """"Qatari and Egyptian mediators": each nationality joined before the noun is a side
    (the noun's own party is only the last one named)."""
    joined = [m for c in noun.children if c.dep_ in {"amod", "compound", "nmod"} and c.i < noun.i and c.conjuncts
              for m in [c, *c.conjuncts]]
    out = []
    for m in joined:
        span = mentions.span_at(m)
        if span is not None and span.label_ in {"NORP", "GPE"}:
            out.append(mentions.resolve_span(span))
        elif span is None and m.is_title and not m.ent_type_ and mentions.resolver.country_code(m.text):
            # "Somali and Kenyan officials", the first word left untagged at the start of a sentence
            out.append(mentions.country_of_demonym(m))
    return [ent for ent in out if ent is not None]


def subject_of_the_clause_around(gerund: Token) -> Token | None:
    """"Obama said after meeting with Putin", "before visiting Kyiv, Blinken met ...": a gerund
    after "after", "before", "while" or "since" is done by the subject of the clause it modifies."""
    prep = gerund.head
    if gerund.tag_ != "VBG" or gerund.dep_ != "pcomp" or prep.lower_ not in {"after", "before", "while", "since", "upon"}:
        return None
    return subject_of(prep.head)


def place_visited(obj: Token, mentions: Mentions) -> Entity | None:
    """"visited Kyiv", "visited Ukraine": a known place (the tagger may call a capital a
    person or a body when it is a verb's object), not a participant."""
    span = mentions.span_at(obj)
    if span is None or span.label_ not in PLACE_LABELS | {"PERSON", "ORG", "NORP"}:
        return None
    if span.label_ not in PLACE_LABELS and not mentions.resolver.is_place(span.text):
        return None
    ent = mentions.resolve_span(span, "GPE")
    return ent if ent is not None and (ent.lat is not None or mentions.is_country(ent)) else None


def _place_named(token, mentions) -> bool:
    span = mentions.span_at(token)
    return span is not None and (span.label_ in PLACE_LABELS or mentions.looks_like_place(span))


def frame_sanction(trigger, head, roles, args, mentions, lex):
    verb = head
    subj, passive = subject_and_voice(verb)
    if passive and subj is not None:  # "the ambassador was expelled by Poland"
        args.append(subj)
        roles.add("target", party(subj, mentions))
        subj = agent_of(verb)
    if trigger.pos_ == "NOUN" and not is_light_verb_object(trigger):
        # "Russia denounced the new EU sanctions": the EU imposed them, Russia only spoke
        subj = None
        for c in trigger.children:
            if c.dep_ in {"poss", "compound"} and mentions.span_at(c) is not None:
                roles.add("actor", party(c, mentions))
    if subj is not None:
        args.append(subj)
        for one in conjuncts(subj):  # "the EU and Britain imposed sanctions"
            roles.add("actor", party(one, mentions))
    # "sanctions are to be imposed on Japan": the "on" of the infinitive the subject governs
    imposing = [c for c in verb.children if c.dep_ == "xcomp" and trigger.dep_ in {"nsubj", "nsubjpass"}]
    # "13 new EU sanctions listings on Syria": the listings' "on"
    act = [trigger.head] if trigger.dep_ == "compound" else []
    for prep, obj in preps_of(trigger) + preps_of(verb) + [p for x in imposing + act for p in preps_of(x)]:
        if prep in {"against", "on"}:
            roles.add("target", listed(obj, mentions) or party(obj, mentions))
    for obj in objects_of(verb):
        if trigger.pos_ == "VERB":
            roles.add("target", listed(obj, mentions) or party(obj, mentions))
    barred_from = trigger.pos_ == "VERB" and any(c.dep_ == "prep" and c.lower_ == "from" for c in trigger.children)
    if trigger.lemma_.lower() in lex.types["SANCTION"].measure_objects and not barred_from:
        # ("barred the firm from trading with Moscow": the firm is sanctioned, not Moscow)
        things = restricted_things(trigger)
        for thing in things:
            for prep, obj in preps_of(thing):
                if prep == "of" and (items := materiel(obj, mentions)) is not None:
                    roles.add("subject", items)  # "deliveries of Mirage jets": what is stopped
                elif prep in {"to", "with", "against", "on", "of"} and obj.i != trigger.i:
                    roles.add("target", party(obj, mentions))  # "arms sales to Syria", "relations with Syria"
        for obj in trade_stopped_towards(trigger, things, lex):
            roles.add("target", party(obj, mentions))


def listed(noun: Token, mentions: Mentions) -> Entity | None:
    """"sanctions against six Israeli settlers", "on three Iranian companies": people or firms
    of a nationality are who is listed, not their country (the nationality is kept as their
    origin); None for a name, another noun or people of no origin named."""
    if noun.pos_ != "NOUN" or mentions.span_at(noun) is not None \
            or noun.lemma_.lower() not in mentions.lex.words("listed_kinds") or not mentions.origin_of(noun):
        return None  # bare "companies" or "officials" name no one
    return mentions.people(noun)


def trade_stopped_towards(trigger: Token, things: list[Token], lex) -> list[Token]:
    """"suspended deliveries of jets | to Egypt": whom a trade the trigger restricts went to,
    where the parser hung "to" on the trigger rather than on the trade."""
    if not any(thing.lemma_.lower() in lex.words("trade_nouns") for thing in things):
        return []
    return [obj for prep, obj in preps_of(trigger) if prep == "to"]


def restricted_things(trigger: Token) -> list[Token]:
    """The words a restricting verb or noun takes as what it restricts: its objects (or the
    passive subject), the objects of a gerund it governs ("stopped approving contracts"), what
    "from" says one may no longer do ("barred X from exporting", "from doing business"), and a
    noun's "on" object and modifiers ("a ban on exports", "import restrictions")."""
    if trigger.pos_ == "NOUN":
        return [trigger] + [o for p, o in preps_of(trigger) if p in {"on", "of"}]
    subj, passive = subject_and_voice(trigger)
    things = objects_of(trigger, ("dobj", "obj")) + ([subj] if passive and subj is not None else [])
    for c in trigger.children:
        if c.tag_ == "VBG" and c.dep_ in {"xcomp", "dobj", "obj", "ccomp"}:
            things += [c] + objects_of(c, ("dobj", "obj"))
        if c.dep_ == "prep" and c.lower_ == "from":
            for g in c.children:
                things += [g] + objects_of(g, ("dobj", "obj")) if g.dep_ in {"pcomp", "pobj"} else []
    return things


def frame_notify(trigger, head, roles, args, mentions, lex):
    verb = trigger if trigger.pos_ == "VERB" else head
    subj = subject_of(verb)
    if subj is not None:
        args.append(subj)
        if subj.i != trigger.i:
            for one in [subj, *subj.conjuncts]:
                roles.add("actor", party(one, mentions))
    for obj in objects_of(verb, ("dobj", "dative", "iobj")):
        roles.add("recipient", party(obj, mentions) or warned_people(obj, mentions))
    for prep, obj in preps_of(verb):
        if prep in {"to", "about"}:
            roles.add("recipient" if prep == "to" else "subject", party(obj, mentions))


def warned_people(noun: Token, mentions: Mentions) -> Entity | None:
    """"warned state election officials", "is warning voters": the people told, as described."""
    return mentions.people(noun) if noun.tag_ == "NNS" and could_be_people(noun, mentions) else None


FRAMES = {
    "ATTACK": frame_attack,
    "CASUALTY": frame_casualty,
    "TRANSFER": frame_transfer,
    "DEPLOY": frame_deploy,
    "MEET": frame_meet,
    "SANCTION": frame_sanction,
    "NOTIFY": frame_notify,
    "ACCUSE": frame_speech_act,
    "CONDEMN": frame_speech_act,
    "THREATEN": frame_speech_act,
}
