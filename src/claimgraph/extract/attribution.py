"""Who says so, through whom, how surely, and whether they deny it.

Walks from a claim's trigger up the dependency tree. The first reporting verb
above it ("said", "believes", "cited ... as saying") names the ``source``; relay
verbs and "according to A, citing B" put the relaying party in ``via``; a
denial verb above the trigger makes the claim ``denied`` with the denier as its
source; hedge words on the way set the ``modality``.

Once per document, ``find_attributions`` finds every attribution as spans (cue,
source, content; the PolNeAR layout that ``claimgraph eval attribution`` scores):
verbs of saying, thinking, showing and stance from ``data/lexicons/attribution.yaml``
with their subject and complement, "X said" after a quote, "according to X", a
headline's "X: ...", quotes taken whole across sentences and paragraphs, and no new
attribution inside a quote or inside another's content. A claim with no speaker above
its trigger takes its source (and via) from the innermost asserting attribution whose
content covers the trigger (``covering_attribution``), so a quote's later sentences
and a clause the parser hung elsewhere still have their speaker.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

import numpy
from spacy.attrs import LEMMA, LOWER
from spacy.tokens import Doc, Span, Token

from ..analyze.views import doc_ents, doc_text, lower_words
from ..datafiles import grammar
from ..model import Entity
from .coref import is_title_word
from .lexicon import Lexicon, load_lexicon
from .mentions import PRONOUNS, SPOKES_NOUNS, Mentions, phrase_text, whole_of_part
from .times import WEEKDAYS
from .token_patterns import in_sorted

SUBJECT_DEPS = {"nsubj", "nsubjpass", "csubj"}
SPEAKER_DEPS = {"nsubj", "csubj"}
COMPLEMENT_DEPS = {"ccomp", "xcomp", "parataxis", "dobj", "advcl", "conj", "pcomp", "pobj", "prep",
                   "acl", "relcl", "attr", "oprd", "dep", "npadvmod", "advmod"}
MODALITY_ORDER = ("fact", "reported", "likely", "possible", "planned")


@dataclass
class Attribution:
    source: Entity | None = None
    via: list[Entity] = field(default_factory=list)
    polarity: str = "asserted"
    modality: str = "fact"
    report_nodes: set[int] = field(default_factory=set)  # token indices of reporting verbs
    explicit: bool = False  # found in this sentence (not inherited)
    silenced: bool = False  # under "did not confirm / give": nobody in this sentence asserts it


DAY_WORDS = WEEKDAYS | {"today", "yesterday", "tonight"}


def speaking_subject(verb: Token) -> Token | None:
    """The verb's active subject; of two, the nearer: in "GENEVA, May 4 - Chad
    complained ...", the parser makes the dateline a second subject."""
    subjects = [c for c in verb.children if c.dep_ in SPEAKER_DEPS]
    # "the U.N. office in Haiti said Wednesday": a day the parser made a subject says nothing
    subjects = [c for c in subjects if c.lower_ not in DAY_WORDS] or subjects
    return min(subjects, key=lambda c: abs(c.i - verb.i)) if subjects else None


def _speech_act_verb(verb: Token, lex: Lexicon) -> bool:
    """A verb that is itself a speaking act ("condemned", "accused", "denied")."""
    return any(verb.lemma_.lower() in lex.types[t].verbs for t in SPEECH_ACTS if t in lex.types)


def path_to_root(token: Token) -> list[Token]:
    path = [token]
    while path[-1].head.i != path[-1].i:
        path.append(path[-1].head)
    return path


# the types whose claim is a speaking act (REALNEWS: the speaker is the actor, the act a fact)
SPEECH_ACTS = frozenset({"DENY", "ACCUSE", "CONDEMN", "THREATEN", "NOTIFY"})


def attribute(trigger: Token, mentions: Mentions, lex: Lexicon) -> Attribution:
    """Source, via, polarity and modality of the claim whose trigger is ``trigger``."""
    att = Attribution()
    reporting = lex.words("reporting_verbs")
    path = path_to_root(trigger)
    speakers: list[tuple[Token, Entity | None]] = []
    # "X denied any role, and the U.S. never accused it": the second clause is not what X says
    beside = {node.i for below, node in zip(path, path[1:]) if _own_clause_beside(below, node)}
    # "the manager of a tanker seized by Iran denied ...": who speaks is described, not spoken of
    beside |= {node.i for below, node in zip(path, path[1:]) if described_speaker(below, node, trigger, lex)}
    if trigger.dep_ == "conj" and trigger.pos_ == "VERB" and trigger.head.lemma_.lower() in reporting \
            and _speech_act_verb(trigger, lex):
        beside.add(trigger.head.i)  # "denied targeting civilians and accused the army": a speech act of its own
    for act in (node for node in path[:3] if node.pos_ == "VERB" and _speech_act_verb(node, lex)):
        if sayer_going_on(act, lex) is not None:  # "said none had been hurt and condemned the attack"
            beside.update({act.head.i, act.head.head.i})
    if counterfactual(trigger):
        att.silenced = True
        return att
    for node in path[1:]:
        if node.i in beside:
            continue
        if not speakers and counterfactual(node):
            att.silenced = True
            break
        lemma = node.lemma_.lower()
        confirming = lemma in lex.words("confirming_verbs")
        if not speakers and node.pos_ == "VERB" \
                and (confirming and negated_clause(node) or (confirming or lemma in reporting) and refused(node)):
            # "Neither Moscow nor Pyongyang has acknowledged any deliveries", "it did not give
            # casualties", "declined to say whether troops died": nobody here says it happened,
            # and nobody denies it either
            att.silenced = True
            break
        if not speakers and neither_confirmed_nor_denied(node, lex):
            att.silenced = True  # "has neither confirmed nor denied that it strikes in Syria"
            break
        if not speakers and _no_evidence(node, lex):
            att.silenced = True  # "the Pentagon said it had no evidence that Iran supplied them"
            break
        if not speakers and rules_out(node):
            att.report_nodes.add(node.i)  # "Scholz ruled out sending troops": he says it will not happen
            speakers.append((node, _speaker_of(node, mentions, lex, att)))
        elif node.pos_ in {"VERB", "AUX"} and (lemma in reporting and not _adds_a_thing(node)
                                                or lemma in lex.words("charging_reports")
                                                and node.dep_ != "acl" and speaking_subject(node) is not None):
            att.report_nodes.add(node.i)
            if negated_clause(node):
                continue  # "al-Shabaab did not comment on the strike": it said nothing
            speakers.append((node, _speaker_of(node, mentions, lex, att)))
        elif node.lemma_.lower() in lex.words("denial_nouns"):
            att.polarity = "denied"
            ent = _from_prep(node, "from", mentions) or _possessor(node, mentions)
            if ent is not None:
                speakers.append((node, ent))
    if len(speakers) > 1 and _tag_hung_inside(speakers[0][0], speakers[1][0], trigger):
        relay = speakers.pop(0)[1]  # "X said ..., the state news agency SANA reported": X speaks, SANA relays
        if relay is not None and relay not in att.via:
            att.via.append(relay)
    if speakers:
        # only the innermost speaker can deny the claim: in "Tehran rejected claims, after
        # Kyiv said it had found parts at strike sites", the strike is Kyiv's assertion
        node, ent = speakers[0]
        if len(speakers) > 1 and _claim_rejected(node, speakers[1][0], lex):
            node, ent = speakers[1]  # "Moscow rejected as baseless Ukrainian claims that ...": Moscow denies
        if node.lemma_.lower() in lex.words("denial_verbs") or node.lemma_.lower() in lex.words("denial_nouns") \
                or rules_out(node) and not negated_clause(node):
            att.polarity = "denied"
            if ent is not None:
                att.source = ent
        elif att.polarity == "denied" and not any(n.lemma_.lower() in lex.words("denial_nouns") for n, _ in speakers[:1]):
            att.polarity = "asserted"
    if att.source is None:
        # "the agency said that it believed ...": the named speaker outranks a pronoun below it
        named = [ent for node, ent in speakers if ent is not None and not _pronoun_subject(node)]
        att.source = named[0] if named else next((ent for _n, ent in speakers if ent is not None), None)
    cover = covering_attribution(trigger, lex)
    if cover is not None and cover.verb is not None and cover.verb.i in beside:
        cover = None
    if att.source is None and cover is not None:
        # no speaker above the trigger in its own parse: the document pass's innermost
        # attribution whose content holds it speaks (a quote's later sentences, a reporting
        # clause the parser hung elsewhere, "..., the ministry said" after a quote)
        att.source = _cover_speaker(cover, speakers, mentions, lex, att)
    _according_to(path, mentions, lex, att)
    if att.source is None:
        _sentence_speaker(trigger, mentions, lex, att, beside)
    repaid = repaid_by_a_threat(path, lex)
    # "denied firing on a UN base near Sake, where peacekeepers were killed": the deaths are told as known
    told_where = bool(speakers) and speakers[0][0].lemma_.lower() in lex.words("denial_verbs") \
        and _told_where_it_happened(path, speakers[0][0])
    background = att.source is not None and backgrounded(path, att.report_nodes) or repaid or told_where
    if background:
        # "he thinks about the children killed in the shooting"; "rejected the report as shells hit
        # Uvira": the shelling is the scene of the denial, not what is denied
        att.source, att.via, att.polarity = None, [], "asserted"
    own = path[:next((k for k, node in enumerate(path) if node.i in beside), len(path))]
    if repaid:
        own = own[:1]  # "would not go unanswered": the threat's negation and modal are not the deed's
    if _negated(own, att):  # (not a negation in a clause beside it: "said none had been hurt and condemned")
        att.polarity = "denied"
    att.modality = "fact" if background else _modality(own, trigger, lex, att)
    if speakers and rules_out(speakers[0][0]) and negated_clause(speakers[0][0]):
        att.modality = "possible"  # "did not rule out sending troops": it may happen
    att.explicit = att.source is not None or bool(att.report_nodes)
    if att.source is not None:
        mentions.note_speaker(att.source)
        if att.via:  # "Quoting police sources, it reported ... It added": "it" is the one who quoted
            mentions.last_speaker = att.via[0]
    return att


PLURAL_SPEAKER_RE = re.compile(r"(?:[^su]s|police|people)$", re.I)


def one_speaker(speaker: Entity | None) -> Entity | None:
    """A speaker "he" or "she" may be: not "prosecutors" or "officials" ("Prosecutors accused
    the mayor ... He denied the charge": he is the mayor)."""
    return None if speaker is None or PLURAL_SPEAKER_RE.search(speaker.name) else speaker


def _tag_hung_inside(inner: Token, outer: Token, trigger: Token) -> bool:
    """"Syria's defence ministry said Israeli jets struck a building, the state news agency SANA
    reported": the parser hangs the claim on the closing tag and the tag on the opening verb; the
    tag after the claim relays the whole sentence, the verb before it is the claim's speaker."""
    return inner.dep_ == "ccomp" and inner.head.i == outer.i and outer.i < trigger.i < inner.i \
        and any(t.text == "," for t in inner.doc[trigger.i:inner.i])


def rules_out(verb: Token) -> bool:
    """"ruled out sending troops", "did not rule out further deliveries"."""
    return verb.lemma_.lower() == "rule" and any(c.dep_ == "prt" and c.lower_ == "out" for c in verb.children)


def _told_where_it_happened(path: list[Token], said: Token) -> bool:
    """The trigger stands in a "where" or "when" clause describing a place or time named in what
    is said, or in one telling what a thing named there did ("denied carrying out an attack
    that killed five officers", "denies planting the mine that killed two soldiers"): what
    happened is told as known, not as part of the saying (who did the deed is what is denied)."""
    below = path[:next((k for k, node in enumerate(path) if node.i == said.i), len(path))]
    return any(node.dep_ == "relcl" and (_where_or_when(node) or _what_the_thing_did(node)) for node in below)


def _where_or_when(relcl: Token) -> bool:
    """"near Sake, where peacekeepers were killed", "on Sunday, when troops shelled the town"."""
    return any(c.dep_ == "advmod" and c.lower_ in {"where", "when"} for c in relcl.children)


def _what_the_thing_did(relcl: Token) -> bool:
    """"an attack that killed five officers": a past deed of the noun the clause hangs on."""
    return relcl.tag_ == "VBD" and any(c.dep_ == "nsubj" and c.lower_ in {"that", "which"} for c in relcl.children) \
        and not any(c.dep_ == "neg" for c in relcl.children)


def _claim_rejected(inner: Token, outer: Token, lex: Lexicon) -> bool:
    """"rejected Ukrainian claims that ...", "dismissed as false Kyiv's claim that ...": the
    claim someone made is what the outer speaker denies (the parser may read "claims" as a
    verb)."""
    if outer.lemma_.lower() not in lex.words("denial_verbs") or inner.lemma_.lower() not in lex.words("claim_nouns"):
        return False
    return inner.dep_ in {"dobj", "pobj"} and outer.i in {inner.head.i, inner.head.head.i} \
        or claim_read_as_a_verb(inner, outer)


def claim_read_as_a_verb(inner: Token, outer: Token) -> bool:
    """"IDF rejects Hamas claim that ...", "dismissed as a fabrication Ukrainian claims that ...":
    the parser joins "claim" to the denial as a second verb, with no subject and no "and", or
    makes it a clause of its own with the claimant as subject and no "that" before it."""
    if inner.head.i != outer.i or inner.pos_ != "VERB":
        return False
    if inner.dep_ == "ccomp":
        return not any(c.dep_ == "mark" for c in inner.children) and inner.i > outer.i
    return inner.dep_ == "conj" and not any(c.dep_ in {"nsubj", "nsubjpass"} for c in inner.children) \
        and not any(t.dep_ in {"cc", "punct"} for t in inner.doc[outer.i + 1:inner.i])


def _own_clause_beside(below: Token, verb: Token) -> bool:
    """``below`` is a clause joined to ``verb`` with a subject of its own: a second statement
    beside the first, not part of what the first one's speaker says."""
    return below.dep_ == "conj" and below.head.i == verb.i and not _marked_that(below) and \
        any(c.dep_ in {"nsubj", "nsubjpass"} for c in below.children) or _before_semicolon(below, verb)


def described_speaker(below: Token, verb: Token, trigger: Token, lex: Lexicon) -> bool:
    """``below`` is the speaker who is the subject of the reporting verb ``verb``, and the
    claim of ``trigger`` is inside its description ("the owner of a shop destroyed in the
    blast denied ...", "the father of a soldier killed in the ambush said ..."): the speaker
    neither tells nor denies it. (Not the speaker itself, "the GOP's complaint says"; nor
    what a passive tells, "no casualties were reported".)"""
    if below.dep_ != "nsubj" or below.head.i != verb.i or below.i in (trigger.i, verb.i) or below.i > verb.i \
            or verb.pos_ not in {"VERB", "AUX"} \
            or verb.lemma_.lower() not in lex.words("reporting_verbs") | lex.words("denial_verbs"):
        return False
    # (a dateline the parser made a second subject, "MOSCOW (Reuters) - Debris ..., the governor said")
    return sum(c.dep_ == "nsubj" for c in verb.children) == 1


def _marked_that(clause: Token) -> bool:
    """"reported, quoting a commander, that the convoy had been hit": a "that" clause the parser
    joined to the verb as a conjunct is what the verb says."""
    return any(c.dep_ == "mark" and c.lower_ == "that" for c in clause.children)


def _before_semicolon(below: Token, verb: Token) -> bool:
    """"Two guards died in the blast; police say the bomber fled": the clause before the
    semicolon is the writer's, the speaker's words are those after the verb."""
    return below.head.i == verb.i and below.i < verb.i and below.dep_ in {"ccomp", "parataxis"} \
        and any(c.text == ";" and below.right_edge.i < c.i < verb.i for c in verb.children) \
        and any(c.dep_ in {"ccomp", "parataxis"} and c.i > verb.i for c in verb.children)


# prepositions and clause marks that set a happening as the background of an act of saying,
# not as what is said: "whenever she recalls the pupils who died in the blast",
# "called him a coward after he attacked the strikers"
BACKGROUND_PREPOSITIONS = frozenset({"during", "after", "before", "since", "following", "about", "amid", "despite"})
# these set a happening as a scene even inside what is said: "accused her of being asleep
# during the attacks" (unlike "said that, despite the attacks, the situation improved")
SETTING_PREPOSITIONS = frozenset({"during", "amid", "about"})
BACKGROUND_MARKS = frozenset({"after", "before", "since", "while", "when", "as", "because", "though", "although"})
# "denied involvement in the attack", "claimed responsibility for it": a part in a happening
PARTICIPATION_NOUNS = load_lexicon().words("participation_nouns")


PROMISING_MODALS = frozenset({"will", "would", "shall", "'ll"})


def promised(clause: Token) -> bool:
    """The clause says what will be: "would pay", "will strike", "'ll retaliate"."""
    return any(c.dep_ == "aux" and c.lower_ in PROMISING_MODALS for c in clause.children)


def price_promised(clause: Token, lex: Lexicon, vowed: bool = False) -> bool:
    """A said clause promising that a party will suffer for what it did: "would pay a heavy
    price", "will pay dearly", "would pay for it", "would regret it", "will face serious
    consequences", "would be met with force", "would not go unanswered", "will be treated as
    invaders", "will be brought to justice", "will be hunted down" (not "would pay a fine",
    "will face delays", "would be met with interest", "will bring to an end"). ``vowed``: the
    clause is what a vow promises ("vowed to bring the killers to justice"), with no modal of its own."""
    if not (vowed or promised(clause)):
        return False
    lemma = clause.lemma_.lower()
    negated = any(c.dep_ == "neg" for c in clause.children)
    if lemma == "go":
        return negated and any(c.lower_ in lex.words("price_unanswered") for c in clause.children)
    if negated:
        return False
    objects = {c.lemma_.lower() for c in clause.children if c.dep_ in {"dobj", "obj"}}

    def after(prep: str) -> set[str]:
        return {o.lemma_.lower() for p in clause.children if p.dep_ == "prep" and p.lower_ == prep
                for o in p.children if o.dep_ == "pobj"}
    passive = any(c.dep_ == "auxpass" for c in clause.children)
    if lemma == "pay":
        return "price" in objects or any(c.lower_ == "dearly" for c in clause.children) \
            or bool(after("for") & lex.words("price_paid_for"))
    if lemma == "face":
        return bool(objects & lex.words("price_faced"))
    if lemma == "meet" and passive:
        return bool(after("with") & lex.words("price_met_with"))
    if lemma == "treat" and passive:
        return bool(after("as") & lex.words("price_treated_as"))
    if lemma == "bring":
        return bool(after("to") & lex.words("price_brought_to"))  # "will be brought to justice"
    if lemma in lex.words("price_hunting_verbs"):
        return passive and any(c.dep_ == "prt" and c.lower_ == "down" for c in clause.children)  # "will be hunted down"
    return lemma in lex.words("price_suffer_verbs")


def repaid_by_a_threat(path: list[Token], lex: Lexicon) -> bool:
    """"Iran threatened to retaliate for the strike on its consulate", "vowed revenge for the
    killing of its generals": the deed a threatened reprisal pays back has been done; the
    article tells it as given, not as the threatener's plan."""
    threats = lex.types["THREATEN"].verbs
    for k in range(len(path) - 2):
        deed, prep, reprisal = path[k:k + 3]
        if deed.dep_ != "pobj" or prep.lower_ not in {"for", "over"}:
            continue
        if reprisal.lemma_.lower() in {"responsible", "accountable"}:
            # "vowed to punish those responsible for the attack": the reprisal is on its doers
            reprisal = next((n for n in path[k + 3:k + 5] if n.lemma_.lower() in lex.words("reprisal_words")), reprisal)
        if reprisal.lemma_.lower() in lex.words("reprisal_words"):
            # (or "said Iran would retaliate for the raid": a reprisal promised)
            return any(up.lemma_.lower() in threats for up in path[path.index(reprisal):]) or promised(reprisal)
    return paid_for_in_a_threat(path, lex)


def paid_for_in_a_threat(path: list[Token], lex: Lexicon) -> bool:
    """"said the attacks would not go unanswered", "warned the South would pay a dreadful price
    for the drone incursion": the deed a promised price pays back is told as done."""
    for k, node in enumerate(path[:-1]):
        above = path[k + 1]
        if node.dep_ in {"nsubj", "nsubjpass"} and price_promised(above, lex):
            return True
        if node.dep_ == "pobj" and above.lower_ in {"for", "over"} and k + 2 < len(path):
            payer = path[k + 2] if path[k + 2].pos_ in {"VERB", "AUX"} else path[k + 2].head
            if price_promised(payer, lex):
                return True
    return False


def backgrounded(path: list[Token], report_nodes: set[int]) -> bool:
    """The happening is named only as a time, cause or topic of the saying: a modifier of
    the reporting verb itself (or, with nobody reporting, of the clause), not a part of what
    is said. In "X said that, despite the attacks, the situation improved" the attacks are
    X's claim; in "X, asleep during the attack" or "X spoke after the attack" they are not."""
    for k, node in enumerate(path):
        if node.i in report_nodes:
            return False
        parent = path[k + 1] if k + 1 < len(path) else None
        # an adverbial clause the parser hung on a noun ("a coward after he attacked")
        # modifies the clause above that noun
        on_the_saying = not report_nodes or parent is not None and _verb_above(parent).i in report_nodes
        # "spoke after the attack", "said after meeting with Putin" (a gerund the preposition takes,
        # after the saying: "After shooting Steinberg, Whiteside said ..." opens what he said)
        named = node.dep_ == "pobj" and node.pos_ in {"NOUN", "PROPN"} \
            or node.dep_ == "pcomp" and node.tag_ == "VBG" and node.head.i > node.head.head.i
        if named and node.head.lower_ in BACKGROUND_PREPOSITIONS \
                and (not report_nodes or node.head.head.i in report_nodes or node.head.lower_ in SETTING_PREPOSITIONS):
            return True
        if k == 0 and (_where_it_was_said(node, parent, report_nodes) or _identifies_the_subject(node, report_nodes)
                       or _known_happening_in_a_noun_said(path, report_nodes)
                       or _describes_a_known_thing(node, report_nodes) or _describes_a_sent_message(node)):
            return True
        if node.dep_ == "advcl" and on_the_saying and any(
                m.dep_ == "mark" and m.lower_ in BACKGROUND_MARKS for m in node.children):
            return True
    return False


def _known_happening_in_a_noun_said(path: list[Token], report_nodes: set[int]) -> bool:
    """"announced the arrest of a teenager in the fatal stabbing": a definite happening that only
    tells which arrest is meant is known already; what is announced is the arrest."""
    trigger = path[0]
    # only "the": "declared a halt to its raids" names the group's own acts
    if trigger.dep_ != "pobj" or not any(c.dep_ == "det" and c.lower_ == "the" for c in trigger.children):
        return False
    nouns = 0
    for node in path[1:]:
        if node.i in report_nodes:
            return nouns > 0
        if node.lemma_.lower() in PARTICIPATION_NOUNS:
            return False  # "denied involvement in the attack": the part in it is what is said
        if node.pos_ in {"NOUN", "PROPN"}:
            nouns += 1
        elif node.pos_ != "ADP":
            return False
    return False


def _describes_a_known_thing(trigger: Token, report_nodes: set[int]) -> bool:
    """"shelling the Kapoeta airfield captured by Ugandan troops on June 4, the
    minister said": a passive participle that tells which airstrip is meant presents the
    capture as known, not as what the minister says."""
    return bool(report_nodes) and trigger.dep_ == "acl" and trigger.tag_ == "VBN" \
        and any(c.dep_ == "agent" for c in trigger.children) \
        and any(c.dep_ == "det" and c.lower_ == "the" for c in trigger.head.children)


def _describes_a_sent_message(trigger: Token) -> bool:
    """"She says Trump's tweets accusing Machado of lying are false": the accusing tweets are
    a known message whose sender accuses; the speaker talks about them, she does not say they
    accuse."""
    message = trigger.head
    return trigger.dep_ == "acl" and trigger.tag_ == "VBG" and message.lemma_.lower() in STATEMENT_NOUNS \
        and any(c.dep_ == "poss" or c.dep_ in {"compound", "nmod"} and c.pos_ == "PROPN" for c in message.children)


def _where_it_was_said(trigger: Token, parent: Token | None, report_nodes: set[int]) -> bool:
    """The happening is the audience or the place of the saying: "told an emergency cabinet
    meeting that ...", "said at a summit in Riga that ..."."""
    if parent is not None and parent.i in report_nodes and trigger.dep_ in {"dobj", "dative"}:
        return parent.lemma_.lower() in ADDRESSEE_VERBS
    return trigger.dep_ == "pobj" and trigger.head.lower_ == "at" and trigger.head.head.i in report_nodes


def _identifies_the_subject(trigger: Token, report_nodes: set[int]) -> bool:
    """"The officer who shot Scott was not wearing a camera, police said": a relative clause
    that only says which officer is meant presents the shooting as known, not as what police say."""
    if trigger.dep_ != "relcl" or trigger.pos_ != "VERB" or _set_off_by_a_comma(trigger):
        return False
    subject = trigger.head
    if not any(c.dep_ in {"det", "poss"} and c.lower_ not in {"a", "an", "another", "some"} for c in subject.children):
        return False  # "a stabbing that killed a passenger may have ...": new, so it is said
    return subject.dep_ in {"nsubj", "nsubjpass"} and subject.head.i not in report_nodes and \
        any(node.i in report_nodes for node in path_to_root(subject.head))


def _set_off_by_a_comma(clause: Token) -> bool:
    """"The strike, which killed four fighters, was carried out ...": a clause between commas
    adds to what is said; it does not pick out which strike is meant."""
    start = clause.left_edge.i
    return start > 0 and clause.doc[start - 1].text == ","


def _verb_above(node: Token) -> Token:
    """``node`` itself when it is a verb, else the nearest verb above it."""
    while node.pos_ not in {"VERB", "AUX"} and node.head.i != node.i:
        node = node.head
    return node


def _adds_a_thing(verb: Token) -> bool:
    """"adding 52 oil tankers to a blacklist": "add" with a thing added to something says nothing."""
    return verb.lemma_.lower() == "add" and any(c.dep_ in {"dobj", "obj"} for c in verb.children) \
        and any(c.dep_ == "prep" and c.lower_ == "to" for c in verb.children)


def negated_clause(verb: Token) -> bool:
    """"did not say", "never confirmed", "Neither X nor Y has acknowledged", "No official confirmed"
    (not "This is not only an attack on WCK, it is ...": more is said, nothing denied)."""
    return any(c.dep_ == "neg" and not _not_only(c) for c in verb.children) or no_one_does(verb)


def no_one_does(verb: Token) -> bool:
    """"No official confirmed", "nobody was hurt", "there were no casualties": the clause's
    subject is a word for no one."""
    there = any(c.dep_ == "expl" for c in verb.children)  # "there were no Libyan forces in Chad"
    return any((subj.dep_ in SPEAKER_DEPS or there and subj.dep_ == "attr") and (
        subj.lower_ in {"nobody", "none", "neither"}
        or any(d.dep_ in {"det", "preconj"} and d.lower_ in {"no", "neither"} for d in subj.children))
        for subj in verb.children)


def _not_only(neg: Token) -> bool:
    nxt = neg.doc[neg.i + 1] if neg.i + 1 < len(neg.doc) else None
    return nxt is not None and nxt.lower_ in {"only", "merely", "just", "simply"}


def _cover_speaker(cover: "Found", speakers: list[tuple[Token, Entity | None]], mentions: Mentions,
                   lex: Lexicon, att: Attribution) -> Entity | None:
    """The entity a covering attribution names: its verb's speaker (with relays moved to
    via), else its source phrase; None when the article itself speaks."""
    verb = cover.verb
    if verb is not None:
        att.report_nodes.add(verb.i)
        known = next((ent for node, ent in speakers if node.i == verb.i), None)
        if known is not None or any(node.i == verb.i for node, _ in speakers):
            return known
        return _speaker_of(verb, mentions, lex, att)
    if cover.source is None:
        return None
    return speaker_entity(cover.source.root, mentions, lex)


def can_speak(token: Token, mentions: Mentions, lex: Lexicon) -> bool:
    """A name, a pronoun or a speaker noun ("the ministry"); not a thing ("the strike")."""
    span = mentions.span_at(token)
    return (span is not None and span.label_ in {"PERSON", "ORG", "GPE", "NORP"}) or token.lower_ in PRONOUNS \
        or token.pos_ == "PROPN" or token.lemma_.lower() in lex.words("speaker_nouns")


def subject_of_report_above(node: Token, lex: Lexicon) -> Token | None:
    reporting = lex.words("reporting_verbs")
    for _ in range(4):
        if node.head.i == node.i:
            return None
        node = node.head
        if node.lemma_.lower() in reporting:
            return speaking_subject(node)
    return None


def _speaker_before(verb: Token, mentions: Mentions, lex: Lexicon) -> Token | None:
    """A reporting verb the parser left without a subject ("... the agency in November said"):
    take the nearest speaker just before it, the way a reader would."""
    sent_start = verb.sent.start
    for i in range(verb.i - 1, max(sent_start, verb.i - 6) - 1, -1):
        tok = verb.doc[i]
        if tok.is_punct and tok.text in {",", ";", ":", "“", "”", '"'}:
            return None
        span = mentions.span_at(tok)
        if span is not None and span.label_ in {"PERSON", "ORG"} or \
                tok.pos_ == "NOUN" and tok.lemma_.lower() in lex.words("speaker_nouns"):
            return _person_described(span.root if span is not None else tok, mentions)
    return None


def _person_described(tok: Token, mentions: Mentions) -> Token:
    """"Maria Ortiz, director of the state gas firm Petrosur said": the company only
    describes the person the phrase is about, who speaks."""
    node = tok
    for _ in range(6):
        if node.dep_ in {"pobj", "compound"} or node.dep_ == "prep" and node.head.pos_ in {"NOUN", "PROPN"}:
            node = node.head
        elif node.dep_ == "appos":
            if node.i == tok.i and tok.ent_type_ == "ORG":
                return tok  # "... the toppling of Bashar al-Assad, the Syrian Observatory said": no description of him
            node = node.head
            span = mentions.span_at(node)
            return node if span is not None and span.label_ == "PERSON" else tok
        else:
            break
    return tok


def _pronoun_subject(verb: Token) -> bool:
    subj = next((c for c in verb.children if c.dep_ in SUBJECT_DEPS), None)
    return subj is not None and subj.lower_ in PRONOUNS


def _no_evidence(node: Token, lex: Lexicon) -> bool:
    """"no evidence that ...", "did not find any sign that ...": nobody asserts what follows."""
    return node.pos_ == "NOUN" and node.lemma_.lower() in lex.words("evidence_nouns") \
        and (any(c.dep_ == "det" and c.lower_ == "no" for c in node.children) or negated_clause(node.head))


def _speaker_of(verb: Token, mentions: Mentions, lex: Lexicon, att: Attribution) -> Entity | None:
    """The subject of a reporting verb, with relays ("X cited Y as saying") moved to via.

    Only active subjects speak: in "advisers are thought to be present" nobody is named.
    """
    subj = speaking_subject(verb)
    if subj is None:
        agent = next((c for c in verb.children if c.dep_ == "agent"), None)
        subj = next((g for g in agent.children if g.dep_ == "pobj"), None) if agent is not None else None
    if subj is None and verb.dep_ == "acl" and verb.tag_ == "VBN" or charged_participle(verb):
        return None  # "three companies accused of supplying drones": they are spoken of, not speaking
    passive = any(c.dep_ in {"auxpass", "nsubjpass"} for c in verb.children)
    message = _message_said(verb, lex) if subj is None else None
    if message is not None and message.head.lemma_.lower() in lex.words("receiving_verbs"):
        # "received a mayday from the freighter saying pirates had boarded it": the
        # message speaks for its sender, not for whoever received it (but "X issued a
        # statement saying" is X's)
        return _from_prep(message, "from", mentions) or _possessor(message, mentions)
    if subj is None and not passive:
        subj = sayer_going_on(verb, lex)
    if subj is None and not passive and verb.dep_ in {"conj", "xcomp", "advcl"}:
        # "X called ... and said": X; but in "sirens sounded but nothing was reported" nobody speaks
        subj = speaking_subject(verb.head)
        if subj is not None and not can_speak(subj, mentions, lex):
            # "X said the strike had killed four people and denied ...": the parser hangs the
            # denial on "killed", but a strike denies nothing: X, who said it, does
            subj = subject_of_report_above(verb.head, lex)
    if subj is None and not passive:
        subj = _speaker_before(verb, mentions, lex)
    speaker = speaker_entity(subj, mentions, lex) if subj is not None else None
    # "Reuters, citing a Ukrainian air force source, reported ...": the cited party speaks
    for holder in [verb] + ([subj] if subj is not None else []):
        for c in [*holder.children, *(_aside_after(verb) + _citing_after_the_content(verb) if holder is verb else ())]:
            quoting = _read_as_quoting(c)
            if quoting or c.lemma_ in {"cite", "quote"} and c.tag_ == "VBG":
                obj = c if quoting else next((o for o in c.children if o.dep_ in {"dobj", "obj"}), None)
                # "citing radar data", "citing satellite images": evidence, not someone who speaks
                cited = speaker_entity(obj, mentions, lex) if obj is not None and can_speak(obj, mentions, lex) \
                    else None
                if cited is not None:
                    if speaker is not None and speaker not in att.via:
                        att.via.append(speaker)
                    return cited
    if verb.lemma_.lower() in lex.words("relay_verbs"):
        quoted = next((c for c in verb.children if c.dep_ in {"dobj", "obj"}), None)
        quoted_ent = speaker_entity(quoted, mentions, lex) if quoted is not None else None
        if quoted_ent is not None:
            if speaker is not None:
                att.via.append(speaker)
            return quoted_ent
    if speaker is not None and any(c.dep_ == "prep" and c.lower_ in {"in", "during"} and _statement_object(c, lex) is not None
                                   for c in verb.children):
        mentions.last_issuer = speaker  # "the military said in a statement"
    for via in _outlets_addressed(verb, mentions) + _carried_by(verb, subj, mentions):
        if via not in att.via and via is not speaker:
            att.via.append(via)
    return speaker


# participles that tell who passed a statement on: "Radio Kabul, monitored by the BBC", "a
# report carried by Tanjug", "a communique, quoted by Telam"
PASSED_ON_PARTICIPLES = frozenset({"monitor", "quote", "carry", "cite", "relay", "broadcast", "publish", "transmit"})


def _carried_by(verb: Token, subj: Token | None, mentions: Mentions) -> list[Entity]:
    """Who passed the speaker's words on, told by a participle on the speaker or on the
    statement it spoke in: the relays, in order."""
    holders = [t for t in subj.subtree if t.pos_ in {"NOUN", "PROPN"}] if subj is not None else []
    holders += [g for c in verb.children if c.dep_ == "prep" and c.lower_ in {"in", "on"}
                for g in c.children if g.dep_ == "pobj"]
    out = []
    for holder in holders:
        for acl in (c for c in holder.children if c.dep_ == "acl" and c.tag_ == "VBN"
                    and c.lemma_.lower() in PASSED_ON_PARTICIPLES):
            for agent in (c for c in acl.children if c.dep_ == "agent"):
                for obj in (g for g in agent.children if g.dep_ == "pobj"):
                    out += [e for span in mentions.named_in(obj, {"ORG", "GPE", "PERSON"})
                            if (e := mentions.resolve_span(span)) is not None]
    return out


def sayer_going_on(verb: Token, lex: Lexicon) -> Token | None:
    """"Kindiki said only two people had died and denied that police used live rounds": the
    parser joins the second verb to what was said, but a verb in the sayer's tense after one in
    the pluperfect goes on from the saying; the sayer denied."""
    said = verb.head
    if verb.dep_ != "conj" or said.dep_ != "ccomp" or any(c.dep_ in {"nsubj", "aux"} for c in verb.children) \
            or said.head.lemma_.lower() not in lex.words("reporting_verbs"):
        return None
    if not any(c.dep_ == "aux" and c.lemma_ == "have" and c.tag_ == "VBD" for c in said.children):
        return None
    return speaking_subject(said.head)


def _aside_after(verb: Token) -> list[Token]:
    """"Al Jazeera reported, quoting a Houthi official, that the ship had been hit": the parser
    may hang a "quoting" clause right after the reporting verb on what is reported, above the
    verb or below it."""
    reported = [verb.head] if verb.dep_ in {"ccomp", "parataxis"} else []
    reported += [c for c in verb.children if c.dep_ == "ccomp" or c.dep_ == "conj" and _marked_that(c)]
    return [c for r in reported for c in r.children
            if c.dep_ == "advcl" and verb.i < c.i and c.left_edge.i <= verb.i + 2]


def _message_said(verb: Token, lex: Lexicon) -> Token | None:
    """The message a participle "saying" hangs after when the parser tied it to the verb
    that received the message ("received a call ... saying")."""
    if verb.dep_ != "advcl" or verb.tag_ != "VBG":
        return None
    return next((o for o in verb.head.children if o.dep_ in {"dobj", "obj"} and o.i < verb.i
                 and o.lemma_.lower() in lex.words("statement_nouns")), None)


def _read_as_quoting(noun: Token) -> bool:
    """"Quoting military sources, the agency said": the parser often makes "Quoting" an
    adjective of the sources."""
    return noun.pos_ == "NOUN" and any(a.dep_ == "amod" and a.lower_ in {"quoting", "citing"} and a.i < noun.i
                                       for a in noun.children)


def _sentence_speaker(trigger: Token, mentions: Mentions, lex: Lexicon, att: Attribution,
                      beside: set[int] = frozenset()) -> None:
    """"X said in exchange for aid, Y has supplied ...": a reporting clause parsed as a
    dependent of the claim still names its speaker."""
    reporting = lex.words("reporting_verbs")
    for tok in trigger.sent:
        if tok.i == trigger.i or tok.i in beside or tok.lemma_.lower() not in reporting or tok.pos_ != "VERB":
            continue
        if any(c.dep_ == "neg" for c in tok.children):
            continue  # "did not comment": no speaker
        if tok.dep_ in {"relcl", "acl", "amod", "pcomp", "pobj", "xcomp"}:
            continue  # "a statement the agency published" is not the sentence's speaker
        if tok.dep_ in {"conj", "advcl"} and any(c.dep_ == "ccomp" and c.i > tok.i for c in tok.children):
            # "Russia fired 31 missiles, and Kyiv said all were downed": Kyiv says what follows
            # (in "..., and police had no suspects, officials said" the officials say it all)
            continue
        if tok.head.i == tok.i or trigger.i not in {t.i for t in tok.subtree}:
            subj = speaking_subject(tok)
            ent = None
            if subj is not None and subj.lower_ not in PRONOUNS:
                ent = _speaker_of(tok, mentions, lex, att)
            elif subj is None and tok.dep_ == "advcl" and tok.i > trigger.i \
                    and not any(c.dep_ in {"mark", "auxpass", "nsubjpass"} for c in tok.children) \
                    and (before := _speaker_before(tok, mentions, lex)) is not None:
                # ("..., setting off a fire, a source in the SBU told Reuters", "..., the Centre for
                # Democracy (CDD) said": the parser hung the speaker on the words before the verb;
                # not "as the commentary was published")
                ent = speaker_entity(before, mentions, lex)
            if ent is not None:
                att.source = ent
                att.report_nodes.add(tok.i)
                return
    _speaker_of_a_misread_verb(trigger, mentions, lex, att)


MISREAD_SPEAKER_WORDS = 5  # "Constable Tim Fanning allege ...": a speaker's words before the verb


def _speaker_of_a_misread_verb(trigger: Token, mentions: Mentions, lex: Lexicon, att: Attribution) -> None:
    """"Police allege Eric Kirkpatrick opened fire ...", "Constable Tim Fanning allege the man ...":
    the parser read "allege" as a noun in a name's phrase; a sentence that opens with a speaker
    and a reporting word is that speaker's report."""
    reporting = lex.words("reporting_verbs")
    opening = list(trigger.sent[:MISREAD_SPEAKER_WORDS + 1])
    for k, word in enumerate(opening[1:], start=1):
        if word.pos_ not in {"PROPN", "NOUN"} or word.i == trigger.i:
            return  # the speaker's name or title, then the misread word, and nothing else first
        if word.lower_ in reporting or word.lemma_.lower() in reporting:
            speaker = opening[k - 1]
            named = speaker.ent_type_ in {"PERSON", "ORG"} or speaker.lower_ in lex.words("speaker_nouns")
            ent = speaker_entity(speaker, mentions, lex) if named and word.dep_ in {"compound", "amod", "nmod"} \
                else None
            if ent is not None:
                att.source = ent
                att.report_nodes.add(word.i)
            return


def _outlets_addressed(verb: Token, mentions: Mentions) -> list[Entity]:
    """"told AFP", "said in an interview with the BBC", "informed the Times": the outlet relays."""
    out = []
    for child in verb.children:
        targets = []
        if child.dep_ in {"dative", "dobj", "iobj"} and verb.lemma_ in {"tell", "inform", "brief"}:
            targets = [child]
        elif child.dep_ == "prep" and child.lower_ in {"to", "with", "in"}:
            targets = [g for g in child.subtree if g.dep_ == "pobj"]
        for t in targets:
            for span in mentions.named_in(t, {"ORG"}):
                ent = mentions.resolve_span(span)
                if ent is not None and (ent.attrs.get("outlet") or child.dep_ != "prep" or _is_interview(t)):
                    out.append(ent)
    return out


def _is_interview(token: Token) -> bool:
    return any(t.lemma_ in {"interview", "broadcast", "podcast", "program", "programme"} for t in token.head.subtree)


def _according_to(path: list[Token], mentions: Mentions, lex: Lexicon, att: Attribution) -> None:
    """"according to A", "according to A, citing B": B is the source, A relays it."""
    sent = path[0].sent
    doc, words = sent.doc, lower_words(sent.doc)
    for i in range(sent.start, sent.end):
        if words[i] != "according" or i + 1 >= len(doc) or words[i + 1] != "to":
            continue
        tok, to = doc[i], doc[i + 1]
        objs = [c for c in to.children if c.dep_ == "pobj"] or [c for c in tok.children if c.dep_ == "pobj"]
        if not objs:
            continue
        named = speaker_entity(objs[0], mentions, lex)
        citing = _citing_clause(tok.sent.root) or _citing_clause(objs[0])
        cited = speaker_entity(citing, mentions, lex) if citing is not None else None
        if cited is not None:
            if att.source is None or att.source is named:
                att.source = cited
                if named is not None and named not in att.via:
                    att.via.append(named)
            continue
        if named is None:
            continue
        if att.source is None:
            att.source = named
        elif named is not att.source and named not in att.via:
            att.via.append(named)


def _citing_after_the_content(verb: Token) -> list[Token]:
    """"Al Masirah TV said the strikes killed 16 people, citing the health ministry": the parser
    hangs the closing ", citing" on what was said; it tells whom the speaker relays."""
    doc = verb.doc
    return [g for clause in verb.children if clause.dep_ == "ccomp" and clause.i > verb.i
            for g in clause.children if g.dep_ == "advcl" and g.tag_ == "VBG" and g.lemma_ in {"cite", "quote"}
            and doc[g.i - 1].text == ","]


def _citing_clause(token: Token) -> Token | None:
    for t in token.subtree if token is not None else []:
        if t.lemma_ in {"cite", "quote"} and t.dep_ == "relcl" and t.head.i == token.i:
            # "according to Saba, which cited the health ministry"
            obj = next((c for c in t.children if c.dep_ in {"dobj", "obj"}), None)
            if obj is not None:
                return obj
        if t.lemma_ == "cite" and t.tag_ == "VBG":
            obj = next((c for c in t.children if c.dep_ in {"dobj", "obj"}), None)
            if obj is not None:
                return obj
    return None


def named_after_a_comma(role: Token, mentions: Mentions) -> list[Span]:
    """"A spokesman for the Houthis, Yahya Saree, said": the parser may hang the name on the
    body before it (as its object or its apposition); after a comma, the name is the
    spokesman's own, not whom he speaks for."""
    if role.lemma_.lower() not in SPOKES_NOUNS:
        return []
    for prep in (c for c in role.children if c.dep_ == "prep" and c.lower_ in {"for", "of"}):
        objects = [c for c in prep.children if c.dep_ == "pobj"]
        for obj in objects + [c for o in objects for c in o.children if c.dep_ == "appos"]:
            span = mentions.span_at(obj)
            if span is not None and span.label_ == "PERSON" \
                    and any(t.text == "," for t in role.doc[prep.i + 1:span.start]):
                return [span]
    return []


def branch_of(place: Span, mentions: Mentions) -> Span | None:
    """"Amnesty International Kenya said": an organisation named right before a country is
    its branch there, and speaks as the organisation, not as the country."""
    before = mentions.span_at(place.doc[place.start - 1]) if place.start > 0 else None
    if before is None or before.label_ != "ORG" or before.end != place.start \
            or before.root.head.i != place.root.i or before.root.dep_ != "compound":
        return None
    return before


def body_just_told(pronoun: Token, mentions: Mentions) -> Entity | None:
    """"The RSF did not immediately comment. It has previously denied targeting civilians": an
    "it" opening its sentence is the organisation or state the sentence before was about, not
    the outlet the last speaker talked to ("a resident told the BBC")."""
    sent = pronoun.sent
    if pronoun.i != sent.start or pronoun.dep_ not in SPEAKER_DEPS or sent.start == 0:
        return None
    before = pronoun.doc[sent.start - 1].sent
    subject = next((c for c in before.root.children if c.dep_ in SPEAKER_DEPS), None)
    span = mentions.span_at(subject) if subject is not None else None
    if span is None and subject is not None:
        span = state_owning_its_body(subject, mentions)  # "Myanmar's military did not respond. It ..."
    if span is None or span.label_ not in {"ORG", "GPE", "NORP"}:
        return None
    entity = mentions.resolve_span(span)
    return entity if entity is not None and entity.type in {"ORG", "GPE"} else None


def state_owning_its_body(noun: Token, mentions: Mentions) -> Span | None:
    """"Myanmar's military", "the Sudanese government": the one state named on a state's body."""
    if noun.lemma_.lower() not in mentions.lex.words("state_bodies") | STATE_RULERS:
        return None
    owners = [span for c in noun.children if c.dep_ in {"poss", "amod", "compound"}
              and (span := mentions.span_at(c)) is not None and span.label_ in {"GPE", "NORP"}]
    return owners[0] if len(owners) == 1 else None


STATE_RULERS = frozenset(grammar()["state_rulers"])


def speaker_entity(token: Token | None, mentions: Mentions, lex: Lexicon) -> Entity | None:
    """The entity a subject/object phrase stands for, as a source."""
    if token is None:
        return None
    token = whole_of_part(token)  # "one of the officials said": the officials speak
    if token.lower_ in PRONOUNS:
        if token.lower_ in {"he", "she", "him", "her"}:
            # the latest person who spoke, unless that was paragraphs ago and the pronoun goes
            # on about whom the last sentences were about ("Clinton is calling ... She says")
            spoke = [e for e in mentions.speakers if e.type == "PERSON"]
            latest = spoke[-1] if spoke else mentions.last_person or one_speaker(mentions.last_speaker)
            meant = mentions.references.renamed_topic(token)
            if meant is not None and (latest is None or not mentions.references.named_near(latest, token)):
                return meant
            return latest
        if token.lower_ in {"we", "i", "us", "our"}:
            return None  # a quote's "we": the verb that introduces the quote names the speaker
        if token.lower_ == "it":
            return body_just_told(token, mentions) or mentions.last_speaker
        return mentions.last_speaker
    renamed = mentions.references.renamed_topic(token)
    if renamed is not None:
        return renamed  # "Dana Reyes says ... The Ohio senator said": Reyes
    span = mentions.span_at(token)
    if span is not None and span.label_ == "GPE":
        span = branch_of(span, mentions) or span
    if span is not None and span.label_ in {"PERSON", "ORG", "GPE", "NORP"}:
        return mentions.resolve_span(span)
    if span is None and token.lemma_.lower() in lex.words("happening_nouns"):
        return None  # "when Friday's violence had ended": a happening says nothing
    named_after = name_after_its_kind(token, mentions)
    if named_after is not None:
        return named_after  # "the state news agency TASS", "Syria's state news agency SANA"
    led = mentions.state_led_by(token)
    if led is not None:
        return led  # "the Biden administration said": the United States
    # "Norway's National Security Adviser Ola Berg", "Dana Reyes, the spokeswoman"
    people = mentions.named_in(token, {"PERSON"})
    people += [s for c in token.children if c.dep_ == "appos" and (s := mentions.span_at(c)) is not None
               and s.label_ == "PERSON"]  # "the spokesman, Esmaeil Baghaei, said"
    people += named_after_a_comma(token, mentions)
    if people:
        return mentions.resolve_span(people[-1])
    bodies = [s for c in token.children if c.dep_ == "appos" and (s := mentions.span_at(c)) is not None
              and s.label_ == "ORG"] if token.pos_ == "NOUN" else []
    if bodies:
        return mentions.resolve_span(bodies[0])  # "its media wing, Inter-Services Public Relations, said"
    lemma = token.lemma_.lower()
    if lemma in lex.words("document_nouns"):
        issuer = _possessor(token, mentions) or _from_prep(token, "from", mentions) \
            or _from_prep(token, "by", mentions) or _issuer(token, mentions, lex)
        if issuer is not None:
            mentions.last_issuer = issuer
        elif _is_definite(token):
            issuer = mentions.last_issuer  # "the release said": whoever issued the last statement
        return issuer
    if lemma in lex.words("speaker_nouns"):  # "officials at the Joint Chiefs of Staff"
        for prep in token.children:
            if prep.dep_ == "prep" and prep.lower_ in {"at", "from", "of", "in", "with"}:
                for obj in prep.children:
                    span = mentions.span_at(obj)
                    if obj.dep_ == "pobj" and span is not None and span.label_ == "ORG":
                        body = mentions.resolve_span(span)
                        # "the embassy in Bamako" (a city the tagger calls an ORG) speaks for itself
                        if body is not None and body.type not in {"GPE", "LOC", "FAC"}:
                            return body
    if lemma in lex.words("speaker_nouns"):
        owner = _owner_named_before(token, mentions)
        if owner is not None:
            return owner  # "Hezbollah fired 40 rockets, its spokesman said": Hezbollah speaks
    if lemma in lex.words("speaker_nouns") and _is_definite(token):
        earlier = mentions.recent_speaker(token)  # "the spokesman said", "the spy agency added"
        if earlier is not None:
            return earlier
    if lemma in lex.words("referring_group_nouns") and _is_definite(token) and token.tag_ == "NN" \
            and not any(c.dep_ in {"amod", "compound"} for c in token.children):
        group = mentions.group_for(token)  # "Hezbollah fired rockets, the group said": Hezbollah
        if group is not None:
            return group
    if token.pos_ == "NOUN" and lemma not in lex.words("speaker_nouns") and mentions.named_in(token, {"GPE", "NORP"}):
        return mentions.speaker(token)  # "the Odesa regional administration": not the place itself
    if lemma in lex.words("speaker_nouns") or token.ent_type_ == "" and token.pos_ == "NOUN":
        orgs = mentions.named_in(token, {"ORG"})
        if orgs and orgs[-1].root.i == token.i:
            return mentions.resolve_span(orgs[-1])
        if lemma in lex.words("speaker_nouns"):
            return mentions.speaker(token)
    titled = _titled_name(token, mentions, lex)
    if titled is not None:
        return titled  # "Ex-CIA chief Petraeus testifies": Petraeus, not the CIA
    named = mentions.named_in(token, {"ORG", "GPE", "NORP"})
    if named and mentions.from_a_town(token, named[-1]):
        return mentions.speaker(token)  # "a Melbourne man told the jury": the man, not Melbourne
    if named:
        return mentions.resolve_span(named[-1])
    if token.pos_ == "PROPN":  # a name the tagger missed ("Thalassa denied ...")
        return mentions.keep(mentions.resolver.resolve(phrase_text(token), "ORG",
                                                       context_countries=mentions.countries))
    if token.pos_ == "NOUN":  # any noun that speaks is a speaker: "the ship's manager said"
        # "a distress call from the merchant vessel, MV Orla": the ship the article names so
        return mentions.vessel_described(token) or mentions.speaker(token)
    return None


def name_after_its_kind(noun: Token, mentions: Mentions) -> Entity | None:
    """"the state news agency TASS", "the broadcaster Al Jazeera": an organisation named right
    after the common noun that says what kind of body it is (and "the Oslo-based group Iran Human
    Rights", which the tagger may call an event or a work: the kind says it is a body)."""
    if noun.pos_ != "NOUN":
        return None
    after = noun.doc[noun.i + 1] if noun.i + 1 < len(noun.doc) else None
    span = mentions.span_at(after) if after is not None else None
    if span is not None and span.label_ == "ORG" and span.start == noun.i + 1 and span.root.head.i == noun.i:
        return mentions.resolve_span(span)
    if noun.lemma_.lower() not in BODY_KINDS:
        return None
    other = next((e for e in doc_ents(noun.doc) if e.start == noun.i + 1 and e.root.head.i == noun.i
                  and e.label_ in {"EVENT", "WORK_OF_ART", "PRODUCT"}), None)
    return mentions.keep(mentions.resolver.resolve(other.text, "ORG")) if other is not None else None


# common nouns that say a name after them is an organisation's
BODY_KINDS = frozenset({"group", "organisation", "organization", "monitor", "watchdog", "charity", "network",
                        "movement", "party", "agency", "newspaper", "broadcaster", "channel", "daily", "ngo"})


def _titled_name(token: Token, mentions: Mentions, lex: Lexicon) -> Entity | None:
    """An untagged name after a person's title ("Ex-CIA chief Petraeus"): the one person the
    document names in full with that surname."""
    if token.pos_ != "PROPN" or mentions.span_at(token) is not None or not any(
            c.dep_ == "compound" and c.pos_ == "NOUN" and lex.heads.get(c.lemma_.lower()) == "PERSON"
            for c in token.children):
        return None
    return mentions.full_name_for(token.text)


def _owner_named_before(speaker: Token, mentions: Mentions) -> Entity | None:
    """"its spokesman", "their commander", "the group's spokesman": the organisation named
    earlier in the same sentence, when there is exactly one (a spokesperson and the body they
    speak for are one source)."""
    owner = next((c for c in speaker.children if c.dep_ == "poss"), None)
    if owner is None or not (owner.lower_ in {"its", "their"} or owner.lemma_.lower() in {"group", "organisation",
                                                                                            "organization", "movement"}):
        return None
    sent = speaker.sent
    named = {mentions.groups[i].id: mentions.groups[i] for i in mentions.groups if sent.start <= i < speaker.i}
    return next(iter(named.values())) if len(named) == 1 else None


def _issuer(document: Token, mentions: Mentions, lex: Lexicon) -> Entity | None:
    """"a Chadian government statement", "an army communique": the body named before the
    document issued it."""
    issuer = next((c for c in document.children if c.dep_ in {"compound", "nmod"} and c.pos_ in {"NOUN", "PROPN"}), None)
    if issuer is None or issuer.lemma_.lower() in lex.words("document_nouns"):
        return None
    nationality = next((s for c in document.children if c.dep_ == "amod" and c.i < issuer.i
                        and (s := mentions.span_at(c)) is not None and s.label_ in {"NORP", "GPE"}), None)
    if nationality is not None and issuer.pos_ == "NOUN":
        return mentions.state_body(issuer, nationality) or speaker_entity(issuer, mentions, lex)
    return speaker_entity(issuer, mentions, lex)


def _is_definite(token: Token) -> bool:
    """"the ministry" (refers back), unlike "the UAE foreign ministry" (names its own)."""
    dets = [c for c in token.children if c.dep_ == "det"]
    named = [c for c in token.subtree if c.i < token.i and c.ent_type_]
    return bool(dets) and dets[0].lower_ in {"the", "this", "that"} and not named


def _possessor(token: Token, mentions: Mentions) -> Entity | None:
    for child in token.children:
        if child.dep_ == "poss":
            span = mentions.span_at(child)
            if span is not None:
                return mentions.resolve_span(span)
    return None


def _from_prep(token: Token, prep: str, mentions: Mentions) -> Entity | None:
    for child in token.children:
        if child.dep_ in {"prep", "agent"} and child.lower_ == prep:
            for obj in child.children:
                if obj.dep_ == "pobj":
                    return speaker_entity(obj, mentions, load_lexicon())
    return None


# a clause hung on these is a clause of its own: a negation above it negates something else
# ("did not establish the order in which the bullets struck him", "was not surprised that he
# had been shot", "have not determined whether he fired", "not the gun that killed her", "did
# not mean to shoot the ladies": an intent, not the shooting)
OWN_CLAUSE_DEPS = frozenset({"relcl", "acl", "ccomp", "xcomp", "advcl", "csubj", "pcomp"})
# verbs of intending whose negation denies the deed they govern ("does not intend to send troops")
INTENT_VERBS = frozenset({"plan", "intend", "aim", "seek", "prepare", "propose",  # not "did not mean to shoot": he shot
                          "pledge", "promise", "vow", "threaten"})  # "never pledged to kill": no such pledge


REFUSAL_VERBS = frozenset({"refuse", "decline"})  # "refused to send tanks": it will not
PERMIT_VERBS = frozenset({"let", "allow", "permit"})  # "refused to let him sell it": nor will he


def refused(node: Token) -> bool:
    """The deed is what someone refused to do ("Germany refused to send tanks": Germany says it
    will not)."""
    return node.dep_ == "xcomp" and node.head.lemma_.lower() in REFUSAL_VERBS


def refused_to_let(node: Token) -> bool:
    """The deed is what someone refused to let another do ("refuses to let Zimmerman sell the
    pistol"): no one says whether it happens, so it is no claim either way."""
    head = node.head
    return node.dep_ in {"xcomp", "ccomp"} and head.lemma_.lower() in PERMIT_VERBS and head.dep_ == "xcomp" \
        and head.head.lemma_.lower() in REFUSAL_VERBS


def _negated(path: list[Token], att: Attribution) -> bool:
    """A negation on the trigger's own clause (not on the reporting verb above it, nor on a
    clause that only holds the trigger's clause)."""
    if _harm_said_absent(path[0]):
        return True
    for k, node in enumerate(path):
        if node.i in att.report_nodes:
            return False
        if k == 1 and node.lemma_ == "be" and path[0].dep_ in {"nsubj", "nsubjpass"}:
            return False  # "the deputy's injuries were not from gunfire": said of the injuries, not denying them
        if any(c.dep_ == "mark" and c.lower_ == "whether" for c in node.children):
            return False  # "to determine whether or not the child died": asked, not denied
        if node.dep_ in {"dobj", "xcomp"} and node.tag_ == "VBG" and ruled_out(node.head):
            return not negated_clause(node.head)  # "ruled out sending troops": it will not happen
        if k > 0 and ruled_out(node):
            return False  # "have not ruled out foul play in the death": the death is not denied
        if negated_clause(node) or _nobody_underwent(node):  # "did not attack", "no one was hurt"
            return not _circumstance_of(path[:k + 1])
        if node.dep_ == "xcomp" and node.head.lemma_.lower() in INTENT_VERBS and negated_clause(node.head):
            return True  # "NATO is not planning to deploy troops": the plan is denied
        if node.dep_ == "acl" and node.head.lemma_.lower() in INTENT_VERBS and any(
                c.dep_ == "det" and c.lower_ == "no" for c in node.head.children):
            return True  # "has no plans to send troops": no such plan
        if refused(node):
            return True  # "Germany refused to send tanks"
        if has_nothing_to_do(node):
            return True  # "said it had nothing to do with the attack": its part is denied
        if node.dep_ in OWN_CLAUSE_DEPS:
            return False
    return False


def has_nothing_to_do(verb: Token) -> bool:
    """"had nothing to do with": the idiom that denies a part in something."""
    return nothing_to_do_clause(verb) is not None


def nothing_to_do_clause(verb: Token) -> Token | None:
    """The "had" of "had nothing to do with" when ``verb`` is its "do": whose subject is the
    one said to have no part."""
    return verb.head.head if verb.lemma_.lower() == "do" and verb.head.lower_ == "nothing" \
        and verb.head.head.lemma_.lower() == "have" else None


def _circumstance_of(path: list[Token]) -> bool:
    """"No one was hurt in the drone strike", "no casualties from the attack", "the strike did
    not kill anyone": a happening noun in a phrase of a clause that denies a harm or has no one
    undergo it, or the subject of a harm denied, is what the harm was denied of; it happened.
    ``path`` runs from the noun up to the negated verb."""
    noun, verb = path[0], path[-1]
    if noun.pos_ != "NOUN":
        return False
    harm_denied = verb.lemma_.lower() in HARM_VERBS or not any(c.dep_ == "neg" for c in verb.children)
    if any(node.dep_ == "prep" for node in path[1:-1]):
        return harm_denied  # not "Russia did not take part in the attack": its part is denied
    return len(path) == 2 and noun.dep_ == "nsubj" and verb.lemma_.lower() in HARM_VERBS


HARM_VERBS = load_lexicon().types["CASUALTY"].verbs


def ruled_out(verb: Token) -> bool:
    """"ruled out": the verb "rule" with its particle."""
    return verb.lemma_.lower() == "rule" and any(c.dep_ == "prt" and c.lower_ == "out" for c in verb.children)


def _harm_said_absent(trigger: Token) -> bool:
    """"escaped unharmed", "got away without injury", "no injuries were reported": the harm
    named is the harm that did not happen."""
    return trigger.lower_ in UNHARMED_WORDS or trigger.dep_ == "pobj" and trigger.head.lower_ == "without" \
        or trigger.pos_ == "NOUN" and any(c.dep_ == "det" and c.lower_ == "no" for c in trigger.children)


def _nobody_underwent(verb: Token) -> bool:
    """"No one was hurt", "Nobody was killed", "no soldiers were wounded": the passive
    subject says it did not happen."""
    for subj in verb.children:
        if subj.dep_ == "nsubjpass" and (subj.lower_ in {"nobody", "none", "no-one"} or any(
                d.dep_ == "det" and d.lower_ == "no" or _not_one(d) for d in subj.children)):
            return True
    return False


def _not_one(word: Token) -> bool:
    """"Not one civilian", "not a single soldier": the "not" hangs on the noun or its "one"."""
    return word.dep_ == "neg" or word.lower_ == "one" and any(c.dep_ == "neg" for c in word.children)


def _vow_made(verb: Token, lex: Lexicon) -> bool:
    """"the Houthis vowed to ...", "never pledged to kill": the vow itself is a fact, made or
    denied; "pledged 20 howitzers" plans a transfer."""
    lemma = verb.lemma_.lower()
    return lemma in lex.types["THREATEN"].verbs and (
        lemma not in lex.types["TRANSFER"].verbs or any(c.dep_ in {"xcomp", "ccomp"} for c in verb.children))


def _modality(path: list[Token], trigger: Token, lex: Lexicon, att: Attribution) -> str:
    words: set[str] = set()
    for below, node in zip([None, *path], path):
        if below is not None and below.dep_ != "xcomp" and node.lemma_.lower() in CLAUSE_ONLY_VERBS:
            continue  # "agreed to impose" plans; "agreed a package of sanctions", "agreed that ..." do not
        if node is not trigger or not _vow_made(node, lex):
            words.add(node.lemma_.lower())
        for c in node.children:
            if c.dep_ in {"aux", "advmod", "acomp", "auxpass", "amod"} or c.dep_ == "prep" and c.lower_ == "according" \
                    or c.dep_ == "mark" and c.lower_ == "whether":
                words.add(c.lemma_.lower())
                words.add(c.lower_)
        if node.i in att.report_nodes and node.lemma_.lower() not in lex.words("likely"):
            break
        if node.dep_ == "relcl" and node.tag_ == "VBD":
            break  # "will be charged over the incident that left one dead": the death is told, not planned
    words |= _words_describing_the_sources(path, att)
    found = "reported" if att.source is not None or _alleged_of(path, lex) else "fact"
    if promised_under(trigger, lex) or threatened_deed(path, lex) or scheduled_deed(path, lex) \
            or offered_deed(path, lex) or headline_future(clause_head(trigger), lex):
        words.add("plan")
    if any(_if_confirmed(c, lex) for node in path for c in node.children):
        return "possible"  # "the strike, if confirmed, would be the deepest": it happened, unconfirmed
    if on_a_condition(clause_head(trigger)):
        return "possible"  # "would respond harshly if Israel attacked": the attack is a supposition
    for level in ("reported", "likely", "possible", "planned"):
        if words & lex.words(level):
            found = max(found, level, key=MODALITY_ORDER.index)
    return found


def headline_future(verb: Token, lex: Lexicon) -> bool:
    """"Germany to send more air defence systems to Ukraine", "Japan to impose sanctions, minister
    says": a headline's infinitive with its own subject and no finite verb over it tells what is
    to come."""
    if verb.tag_ != "VB" or not any(c.dep_ == "aux" and c.lower_ == "to" for c in verb.children) \
            or not any(c.dep_ == "nsubj" for c in verb.children):
        return False
    head = verb.head
    return verb.dep_ == "ROOT" or verb.dep_ == "ccomp" and head.i > verb.i \
        and head.lemma_.lower() in lex.words("reporting_verbs")


def _words_describing_the_sources(path: list[Token], att: Attribution) -> set[str]:
    """"Unconfirmed reports said ...", "according to unverified accounts": how the article
    describes who says it hedges what they say."""
    sources = [subj for node in path if node.i in att.report_nodes and (subj := speaking_subject(node)) is not None]
    sources += [obj for node in path for prep in node.children if prep.dep_ == "prep" and prep.lower_ == "according"
                for to in prep.children if to.lower_ == "to" for obj in to.children if obj.dep_ == "pobj"]
    return {c.lower_ for s in sources for c in s.children if c.dep_ == "amod"}


def _alleged_of(path: list[Token], lex: Lexicon) -> bool:
    """"three companies accused of supplying drones", "the junta has been accused of bombing
    villages": someone unnamed says they did; the article does not state it as fact."""
    return any(node.tag_ == "VBN" and node.lemma_.lower() in lex.words("charge_verbs")
               and node.lemma_.lower() not in lex.words("verdict_verbs")
               and below.dep_ == "prep" and below.lower_ in {"of", "with"}  # not "charged ... after the CEO was shot"
               # "the junta has been accused of bombing"; not "is charged with murder in the death of"
               and (node.dep_ == "acl" or charged_participle(node) or _unnamed_passive(node) and deed.tag_ == "VBG")
               for deed, below, node in zip(path, path[1:], path[2:]))


def charged_participle(verb: Token) -> bool:
    """"says the woman accused of killing two co-workers is a good person": the parser made the
    woman the subject of "accused", but a participle with no auxiliary and no object of its own
    describes its noun as charged; she accuses no one."""
    return verb.tag_ == "VBN" and verb.lemma_.lower() in load_lexicon().words("charge_verbs") \
        and any(c.dep_ == "nsubj" for c in verb.children) \
        and not any(c.dep_ in {"aux", "auxpass", "dobj", "obj"} for c in verb.children) \
        and any(c.dep_ == "prep" and c.lower_ in {"of", "with"} for c in verb.children)


def _unnamed_passive(verb: Token) -> bool:
    """A passive with no "by": nobody is named as doing it."""
    return any(c.dep_ == "auxpass" for c in verb.children) and not any(c.dep_ == "agent" for c in verb.children)


def counterfactual(verb: Token) -> bool:
    """"terrorists with revolvers would have been able to kill as many", "the bomb would have
    killed dozens": what would have happened had things been otherwise did not happen."""
    auxiliaries = {c.lower_ for c in verb.children if c.dep_ == "aux"}
    return "would" in auxiliaries and bool(auxiliaries & {"have", "'ve"})


def neither_confirmed_nor_denied(verb: Token, lex: Lexicon) -> bool:
    """"has neither confirmed nor denied", "would not confirm or deny", "declined to confirm or
    deny": one who says neither way asserts nothing and denies nothing."""
    if verb.pos_ not in {"VERB", "AUX"}:
        return False
    first = verb.head if verb.dep_ == "conj" else verb
    pair = [first, *first.conjuncts]
    lemmas = {v.lemma_.lower() for v in pair}
    joined_by = {c.lower_ for c in first.children if c.dep_ == "cc"}
    either_way = "nor" in joined_by or "or" in joined_by and (negated_clause(first) or refused(first))
    return either_way and bool(lemmas & lex.words("confirming_verbs")) and bool(lemmas & lex.types["DENY"].verbs)


def on_a_condition(clause: Token) -> bool:
    """An "if" or "unless" clause: what it tells is supposed, not told as happening."""
    return clause.dep_ == "advcl" and any(c.dep_ == "mark" and c.lower_ in {"if", "unless"} for c in clause.children)


def clause_head(trigger: Token) -> Token:
    """The verb whose clause the trigger belongs to (the trigger itself when it is a verb)."""
    node = trigger
    while node.pos_ not in {"VERB", "AUX"} and node.head.i != node.i:
        node = node.head
    return node


def _if_confirmed(clause: Token, lex: Lexicon) -> bool:
    return clause.dep_ == "advcl" and clause.lemma_.lower() in lex.words("confirmation_conditions") \
        and any(c.dep_ == "mark" and c.lower_ == "if" for c in clause.children)


def threatened_deed(path: list[Token], lex: Lexicon) -> bool:
    """"threatened to strike Israeli cities": what a threat is made to do lies ahead."""
    return any(below.dep_ == "xcomp" and node.lemma_.lower() in lex.types["THREATEN"].verbs
               for below, node in zip(path, path[1:]))


def scheduled_deed(path: list[Token], lex: Lexicon) -> bool:
    """"is set to impose sanctions", "are due to hold talks", "is poised to approve": the deed
    lies ahead (only as the frame's "to" clause: "set fire to", "due to the shelling" are not)."""
    return any(below.dep_ == "xcomp" and node.lemma_.lower() in lex.words("scheduling_frames")
               for below, node in zip(path, path[1:]))


def offered_deed(path: list[Token], lex: Lexicon) -> bool:
    """"offered to supply air defence systems", "invited both sides to hold talks": a deed
    offered is not done yet (only the "to" clause: "offered details of the strike" is not)."""
    return any(below.dep_ == "xcomp" and node.lemma_.lower() in lex.words("deed_offering_verbs")
               for below, node in zip(path, path[1:]))


def promised_under(trigger: Token, lex: Lexicon) -> bool:
    """"a contract to supply 14 jets", "a deal to deliver tanks": what a commitment is made to
    do has not been done yet."""
    return trigger.dep_ == "acl" and trigger.head.lemma_.lower() in lex.words("commitment_nouns") \
        and any(c.dep_ == "aux" and c.lower_ == "to" for c in trigger.children)


# --- the document pass: every attribution with its cue, source and content spans ---------


@dataclass
class Found:
    """One attribution relation as spans of the document: who (``source``, None when the
    article itself speaks), the words that say so (``cue``) and what is said (``content``)."""

    cue: list[Span]
    content: list[Span]
    source: Span | None = None
    verb: Token | None = None  # the reporting verb when the cue is one
    # whether the source vouches for the content ("said", "according to"), so that a claim
    # inside it is theirs; attitudes ("praised", "wants") attribute without asserting
    asserts: bool = True

    def char_spans(self) -> dict[str, list[list[int]]]:
        """The PolNeAR layout: per role, [[start, end], ...] character offsets."""
        def chars(spans):
            return [[s.start_char, s.end_char] for s in spans if s is not None and len(s)]
        return {"source": chars([self.source]), "cue": chars(self.cue), "content": chars(self.content)}

    @property
    def content_tokens(self) -> set[int]:
        return {i for span in self.content for i in range(span.start, span.end)}


ASSERTING_KINDS = ("speech_verbs", "cognition_verbs", "evidence_verbs")
VERB_KINDS = ASSERTING_KINDS + ("attitude_verbs",)
CLAUSE_DEPS = {"ccomp", "parataxis", "xcomp"}
OBJECT_DEPS = {"dobj", "obj", "oprd", "attr"}


def find_attributions(doc: Doc, lex: Lexicon) -> list[Found]:
    """Every attribution in ``doc``, once per document: reporting, thinking and stance verbs
    with their subject and complement ("X said ...", "..., X said", "X told Y that ...",
    "it was reported that ...", "X said in a statement ..."), "according to X", and a
    headline's or transcript's "X: ...". A quote the content reaches into is taken whole,
    across sentences; cues inside a quote or inside another attribution's content are left
    to the outer attribution."""
    text = doc_text(doc)  # spaCy rebuilds doc.text on every access
    quotes = quote_spans(doc, text)
    speech = lex.words("speech_verbs")
    found: list[Found] = []
    for tok, kind in _cue_candidates(doc, lex):
        att = _according_attribution(tok) if kind == "according" else _noun_attribution(tok) if kind == "noun" else \
            _verb_attribution(tok, kind, lex, quotes, speech)
        if att is not None:
            found.append(att)
    # "I think" inside a quote is part of what the quoted speaker says, not a new attribution
    found = [att for att in found if not _inside_quote(att, quotes)]
    # a transcript's '"PENCE: ...' and a signed '“...” ― Name' stand at a quote's edge: the
    # label names who speaks the quote rather than speaking inside it
    found += _speaker_labels(doc, text) + _signed_quotes(doc, text) + _trailing_labels(doc, text)
    for att in found:
        _take_whole_quotes(att, quotes)
    _continue_quotes(found, quotes)
    return _outermost(_one_per_cue(found))


def _cue_candidates(doc: Doc, lex: Lexicon) -> list[tuple[Token, str]]:
    """(token, kind) of every cue verb and every "according to", picked from the
    document's lemma column in one array operation rather than token by token."""
    lemmas = doc.to_array([LEMMA, LOWER])
    cue_lemmas, according = _cue_hashes(doc.vocab.strings, lex)
    out = []
    for i in numpy.flatnonzero(in_sorted(cue_lemmas, lemmas[:, 0]) | (lemmas[:, 1] == according)):
        tok = doc[int(i)]
        if tok.lower_ == "according":
            if tok.i + 1 < len(doc) and doc[tok.i + 1].lower_ == "to":
                out.append((tok, "according"))
        elif tok.pos_ in {"VERB", "AUX"} or tok.tag_.startswith("VB"):
            lemma = tok.lemma_.lower()
            kind = next((k for k in VERB_KINDS if lemma in lex.words(k)), None)
            if kind is not None:
                out.append((tok, kind))
        elif tok.pos_ == "NOUN" and tok.lemma_.lower() in lex.words("cue_nouns"):
            out.append((tok, "noun"))
    return out


def _noun_attribution(noun: Token) -> Found | None:
    """"Trump's claim that there were thousands of shootings", "his promise to cut taxes":
    the noun says that its owner (or the one it is by or from) says the clause it carries."""
    clause = next((c for c in noun.children if c.dep_ in {"acl", "ccomp", "relcl"} and c.i > noun.i
                   and (c.left_edge.lower_ == "that" and c.left_edge.dep_ == "mark"
                        or c.left_edge.lower_ == "to" and c.tag_ == "VB")), None)
    if clause is None:
        return None
    doc = noun.doc
    owner = next((c for c in noun.children if c.dep_ == "poss"), None)
    if owner is None:
        owner = next((g for c in noun.children if c.dep_ == "prep" and c.lower_ in {"by", "from"}
                      for g in c.children if g.dep_ == "pobj"), None)
    return Found(cue=[doc[noun.i:noun.i + 1]], content=_runs(doc, {t.i for t in clause.subtree}),
                 source=_phrase(owner) if owner is not None else None)


_CUE_HASHES: dict[int, tuple[object, object, tuple[numpy.ndarray, int]]] = {}


def _cue_hashes(strings, lex: Lexicon) -> tuple[numpy.ndarray, int]:
    """The sorted hashes of the cue verbs' lemmas and the hash of "according", made once
    per lexicon and string store (not per document)."""
    kept = _CUE_HASHES.get(id(lex))
    if kept is not None and kept[0] is lex and kept[1] is strings:
        return kept[2]
    words = sorted(frozenset().union(*(lex.words(k) for k in VERB_KINDS + ("cue_nouns",))))
    hashes = numpy.sort(numpy.array([strings.add(w) for w in words], dtype="uint64"))
    _CUE_HASHES[id(lex)] = (lex, strings, (hashes, strings.add("according")))
    return _CUE_HASHES[id(lex)][2]


def _outermost(found: list[Found]) -> list[Found]:
    """Drops an attribution whose cue lies within another's content ("Cook declined to
    say whether ...", "the Times reported that Carter discussed ..."): the outer one
    reports it."""
    contents = [a.content_tokens for a in found]
    cues = [{i for span in a.cue for i in range(span.start, span.end)} for a in found]
    return [att for k, att in enumerate(found)
            if not any(j != k and cues[k] & contents[j] and not cues[j] & contents[k] for j in range(len(found)))]


def _inside_quote(att: Found, quotes: list[tuple[int, int]]) -> bool:
    first = att.cue[0].start
    return any(start < first < end - 1 for start, end in quotes)


def _embedded(verb: Token) -> bool:
    """A verb inside what another clause says or names: "he said the group denied it",
    "a plan to attack", "a class called Perception". Like a verb inside a quote, it is part
    of that content rather than an attribution of its own."""
    if verb.dep_ == "acl" and verb.tag_ == "VBG":
        return False  # "911 calls saying shots were fired", "signs saying ...": the noun speaks
    if verb.dep_ == "ccomp" and _after_quote(verb):
        return False  # "“Word is,” Trump said, “...”": the parser hangs the verb on the quote
    return verb.dep_ in {"acl", "csubj"} or verb.dep_ == "ccomp" and verb.head.i < verb.i


def _after_quote(verb: Token) -> bool:
    doc = verb.doc
    first = verb.left_edge.i
    return any(doc[k].text in CLOSING_MARKS for k in range(max(0, first - 3), first))


def _verb_attribution(verb: Token, kind: str, lex: Lexicon, quotes: list[tuple[int, int]],
                      speech: frozenset[str]) -> Found | None:
    doc = verb.doc
    if _embedded(verb):
        return None
    cue = _cue_tokens(verb, lex)
    content = _verb_content(verb, cue, speech) or _adjacent_quote(verb, quotes)
    if not content:
        return None
    source = _verb_source(verb)
    if source is None and verb.tag_ in {"VB", "VBG"} and verb.dep_ in {"ROOT", "xcomp"}:
        return None  # "Ask which state she will win", "to address the concern": nobody speaks
    if kind == "cognition_verbs" and verb.dep_ == "xcomp" and verb.head.lemma_.lower() in lex.words("striving_verbs"):
        return None  # "are trying to comprehend a shocking turn of events: she is dead": they say nothing
    negated = any(c.dep_ == "neg" for c in verb.children)
    return Found(cue=_runs(doc, cue, trim=False), content=_runs(doc, content), source=source, verb=verb,
                 asserts=kind in ASSERTING_KINDS and not negated)


def _cue_tokens(verb: Token, lex: Lexicon) -> set[int]:
    """The verb with its auxiliaries, negation and particle ("has not commented on"), and a
    statement it was made in ("said in a statement")."""
    cue = {verb.i}
    head = verb.head
    if verb.dep_ == "xcomp" and head.pos_ in {"VERB", "AUX"}:
        cue.add(head.i)  # "wanted to address", "declined to say": the verb that frames it
    elif verb.dep_ == "pcomp" and head.dep_ == "prep" and head.head.pos_ == "VERB":
        cue |= {head.i, head.head.i}  # "began by saying"
    for c in verb.children:
        if c.dep_ in {"aux", "auxpass", "neg", "prt"} and abs(c.i - verb.i) <= 3:
            cue.add(c.i)
        elif c.dep_ == "prep" and c.lower_ in {"in", "during"} and _statement_object(c, lex) is not None:
            cue |= {t.i for t in c.subtree}
    return cue


def _statement_object(prep: Token, lex: Lexicon) -> Token | None:
    obj = next((g for g in prep.children if g.dep_ == "pobj"), None)
    return obj if obj is not None and obj.lemma_.lower() in lex.words("statement_nouns") else None


ADDRESSEE_VERBS = load_lexicon().words("addressee_verbs")
CLAUSE_ONLY_VERBS = load_lexicon().words("clause_only_verbs")
STATEMENT_NOUNS = load_lexicon().words("statement_nouns")
AUDIENCE_NOUNS = STATEMENT_NOUNS | load_lexicon().words("press_people") | frozenset(grammar()["gathering_nouns"])
UNHARMED_WORDS = load_lexicon().words("unharmed_words")
TOPIC_PREPS = frozenset(grammar()["topic_preps"])


def _verb_content(verb: Token, cue: set[int], speech: frozenset[str]) -> set[int]:
    """What the verb reports: its clause ("said that ..."), the clause it hangs from
    ("..., he said"), its object with what is said of it ("called him a liar", "accused
    him of lying"), or what a particle verb is about ("talked about the economy")."""
    clauses = [c for c in verb.children if c.dep_ in CLAUSE_DEPS or c.dep_ == "advcl" and c.i > verb.i
               and (any(m.dep_ == "mark" and m.lower_ == "for" for m in c.children)  # "called for X to go"
                    or c.left_edge.lower_ == "that")]  # "tweeted that she was ...", parsed as an adverbial
    clauses = clauses or _misplaced_that_clause(verb)
    if clauses:
        return _subtrees(clauses, speech) - cue
    if verb.dep_ in {"parataxis", "ccomp"}:
        # "The ship sank, the navy said": the reporting clause hangs below what it reports
        head = verb.head
        return {t.i for t in head.subtree if t.sent == verb.sent} - {t.i for t in verb.subtree}
    objects = [c for c in verb.children if c.dep_ in OBJECT_DEPS and c.i > verb.i
               and not (verb.lemma_ in ADDRESSEE_VERBS and _addressed(c))
               and verb.lemma_ not in CLAUSE_ONLY_VERBS]  # "agreed new sanctions": agreed, said nothing
    preps = [c for c in verb.children if c.dep_ == "prep" and c.i > verb.i and c.lower_ in TOPIC_PREPS]
    if not objects and verb.lemma_ not in ADDRESSEE_VERBS:
        objects = [c for c in verb.children if c.dep_ == "dative" and c.i > verb.i]
    if objects or preps:
        out = _subtrees(objects, speech) | {t.i for p in preps for t in p.subtree if t.i != p.i or objects}
        return out - cue
    answer = [c.i for c in verb.children if c.lower_ in {"so", "yes", "no"} and c.i > verb.i]
    if answer:
        return set(answer)  # "neither side would say so"
    return _after_colon(verb)


def _addressed(obj: Token) -> bool:
    """The object of "told" is who heard it ("told Reuters", "told him", "told a news
    conference", "told reporters"), not what was said ("told the truth")."""
    return obj.ent_type_ in {"PERSON", "ORG"} or obj.pos_ == "PRON" or obj.lemma_.lower() in AUDIENCE_NOUNS


def _misplaced_that_clause(verb: Token) -> list[Token]:
    """"tweeted in the early hours that she was a fraud": the parser makes the that-clause a
    relative clause of the time before it; one with a subject of its own is what is said."""
    for prep in verb.children:
        if prep.dep_ != "prep" or prep.i < verb.i:
            continue
        for obj in prep.children:
            for rel in obj.children:
                if rel.dep_ == "relcl" and rel.left_edge.lower_ == "that" and rel.left_edge.dep_ not in SUBJECT_DEPS \
                        and any(c.dep_ in SUBJECT_DEPS for c in rel.children):
                    return [rel]
    return []


def _subtrees(heads: list[Token], speech: frozenset[str]) -> set[int]:
    """The heads' subtrees, less a reporting verb conjoined inside them: in "he says he
    respects her and calls her brilliant", the calling is an attribution of its own."""
    out = {t.i for h in heads for t in h.subtree}
    for h in heads:
        for t in h.subtree:
            if t.dep_ in {"relcl", "appos"} and t.i > 0 and t.doc[t.left_edge.i - 1].text in {",", "—", "("} \
                    and t.head.pos_ in {"PROPN", "NOUN"}:
                out -= {u.i for u in t.subtree}  # "Trump, who leads the field": an aside
                continue
            if t.dep_ == "advcl" and t.tag_ == "VBG" and t.i > h.i and t.doc[t.left_edge.i - 1].text == "," \
                    and not any(c.dep_ in SUBJECT_DEPS for c in t.children):
                out -= {u.i for u in t.subtree}  # "he plans to run, insisting that ...": the speaker's gloss
                continue
            if t.dep_ == "conj" and t.pos_ == "VERB" and t.lemma_.lower() in speech and t.i in out:
                cut = {u.i for u in t.subtree}
                cut |= {c.i for c in t.head.children if c.dep_ == "cc" and c.i < t.i}
                out -= cut
    return out


def _adjacent_quote(verb: Token, quotes: list[tuple[int, int]]) -> set[int]:
    """"“With an eye to February,” he said.": a quote the reporting clause stands beside,
    with only punctuation and the speaker between them."""
    if not quotes:
        return set()
    sent = verb.sent
    clause: set[int] | None = None  # the verb's subtree, walked only when a quote is near
    for start, end in quotes:
        if end <= verb.i:
            between = range(end, verb.i)
        elif start > verb.i:
            between = range(verb.i + 1, start)
        else:
            continue
        if not (sent.start <= start or end <= sent.end) or abs(start - verb.i) > 40 and abs(end - verb.i) > 40:
            continue
        if clause is None:
            clause = {t.i for t in verb.subtree} | {verb.i}
        # "..., police Const. Tim Fanning said": the parser may hang the title elsewhere
        if all(verb.doc[k].is_punct or k in clause or is_title_word(verb.doc[k]) for k in between):
            return set(range(_told_before_quote(verb.doc, start, end, sent), end))
    return set()


def _told_before_quote(doc: Doc, start: int, end: int, sent: Span) -> int:
    """Where the content begins when the quote ends the sentence before the reporting clause:
    in 'She walked in, firing at a clerk who had yelled, "Hide!" Vanore said.' the parser ends
    a sentence at the quote, yet Vanore tells all of it. A sentence of its own with a speaker
    (a cue verb outside the quote) keeps only the quote."""
    if end > sent.start or start >= len(doc):
        return start
    before = doc[start].sent
    if before.start == start or _starts_paragraph(sent) or any(
            t.pos_ == "VERB" and t.lemma_.lower() in load_lexicon().words("reporting_verbs")
            for t in doc[before.start:start]):
        return start
    return before.start


def _after_colon(verb: Token) -> set[int]:
    """"He said:" ending its sentence: what follows, to the end of the paragraph."""
    doc = verb.doc
    end = verb.sent.end
    if end - verb.i > 4 or end >= len(doc) or not any(doc[k].text == ":" for k in range(verb.i + 1, end)):
        return set()
    out = set()
    for sent in _sentences_from(doc, end):
        if out and _starts_paragraph(sent):
            break
        out |= set(range(sent.start, sent.end))
    return out


def _sentences_from(doc: Doc, start: int):
    sent = doc[start].sent
    while True:
        yield sent
        if sent.end >= len(doc):
            return
        sent = doc[sent.end].sent


def _starts_paragraph(sent: Span) -> bool:
    doc = sent.doc
    before = doc[sent.start - 1] if sent.start > 0 else None
    return before is None or "\n" in before.whitespace_ or before.is_space and "\n" in before.text


# a verb without a subject of its own speaks for the subject of the clause it hangs from:
# "..., adding that", "began by saying", "wants to tell"
BORROWS_SUBJECT = {"conj", "advcl", "xcomp", "pcomp", "prep", "ccomp"}


def _verb_source(verb: Token) -> Span | None:
    """The speaker phrase: the subject, a passive's agent, the subject of the verb a
    participle or conjunct hangs from ("..., adding that"), or the noun a relative clause
    or participle describes ("a group that backs him", "emails showing that"); None when
    nobody is named ("it was reported that")."""
    doc = verb.doc
    node = verb
    for _ in range(4):
        subj = speaking_subject(node)
        if subj is None:
            agent = next((c for c in node.children if c.dep_ == "agent"), None)
            subj = next((g for g in agent.children if g.dep_ == "pobj"), None) if agent is not None else None
        if subj is not None:
            # a relative pronoun stays the source ("Sanders, who said ..."), as PolNeAR marks
            # it; claims resolve it through the verb (speaker_entity), not this span
            return _phrase(subj)
        if node.dep_ in {"relcl", "acl"} and node.head.pos_ in {"NOUN", "PROPN", "PRON"}:
            head = node.head
            return doc[head.left_edge.i:head.i + 1]
        if subj is not None or any(c.dep_ in {"nsubjpass", "auxpass"} for c in node.children):
            return None
        if node.dep_ not in BORROWS_SUBJECT or node.head.i == node.i:
            return None
        node = node.head
    return None


def _phrase(head: Token) -> Span:
    """A noun phrase without a relative clause or parenthesis that trails it."""
    doc = head.doc
    end = head.right_edge.i + 1
    for c in head.children:
        if c.i > head.i and c.dep_ in {"relcl", "acl"} and c.left_edge.i < end:
            end = c.left_edge.i
    while end > head.i + 1 and (doc[end - 1].is_punct or doc[end - 1].lower_ in {"who", "which", "that"}):
        end -= 1
    return doc[head.left_edge.i:end]


def _according_attribution(according: Token) -> Found | None:
    doc = according.doc
    to = doc[according.i + 1]
    obj = next((c for c in to.children if c.dep_ == "pobj"), None) or \
        next((c for c in according.children if c.dep_ == "pobj"), None)
    if obj is None:
        return None
    phrase = according if according.dep_ == "prep" else to if to.dep_ == "prep" else according
    head = phrase.head
    while (head.pos_ not in {"VERB", "AUX"} or head.dep_ == "conj") and head.head.i != head.i:
        head = head.head  # "according to the results, A won 37 percent and B 36": both
    inside = {t.i for t in phrase.subtree} | {according.i, to.i}
    content = {t.i for t in head.subtree if t.sent == according.sent} - inside
    return Found(cue=[doc[according.i:according.i + 2]], content=_runs(doc, content),
                 source=_phrase(obj))


def _speaker_labels(doc: Doc, text: str) -> list[Found]:
    """A line that opens with a short name and a colon lets the name speak: a headline
    ("McCain: Populist Anger Appeals to ...") or a transcript ("TAPPER: And obviously, ...").
    The rest of the line is what they say."""
    return [found for start, end in _lines(text) if (found := _labelled_line(doc, text, start, end)) is not None]


def _lines(text: str):
    """(start, end) character offsets of every line, without its newline."""
    line_start = 0
    while line_start < len(text):
        line_end = text.find("\n", line_start)
        line_end = len(text) if line_end < 0 else line_end
        yield line_start, line_end
        line_start = line_end + 1


OPENING_MARKS = "\"“”'‘`"


def _labelled_line(doc: Doc, text: str, start: int, end: int) -> Found | None:
    while start < end and (text[start] in OPENING_MARKS or text[start].isspace()):
        start += 1  # a transcript quoted whole: '"WALLACE: Let's start ...'
    colon_at = text.find(":", start, min(end, start + 60))
    if colon_at < 0:
        return None
    line = doc.char_span(start, end, alignment_mode="expand")
    if line is None:
        return None
    colon = next((t for t in line if t.idx == colon_at), None)
    if colon is None or not 0 < colon.i - line.start <= 5:
        return None
    before = doc[line.start:colon.i]
    if not all(t.pos_ in {"PROPN", "NOUN", "DET", "ADJ", "PUNCT", "PART"} for t in before) \
            or not any(t.pos_ in {"PROPN", "NOUN"} or t.is_upper and len(t) > 1 for t in before):
        return None  # a capitalised label the tagger calls an adjective ("KELLER:") names a speaker too
    notes = load_lexicon().words("non_speaker_labels")
    if before[-1].lemma_.lower() in notes or before[-1].lower_ in notes:
        return None  # "Editor's note:", "Correction:", "Source:": a note, not a speaker
    if all(t.ent_type_ in {"LOC", "FAC"} or t.pos_ == "DET" for t in before):
        return None  # "Red Sea: Sailor presumed dead ...": where the story is, no one who speaks
    content = _runs(doc, set(range(colon.i + 1, line.end)))
    return Found(cue=[doc[colon.i:colon.i + 1]], content=content, source=before) if content else None


def _trailing_labels(doc: Doc, text: str) -> list[Found]:
    """A headline that ends with a colon and a short speaker ("Gunman kills two at a
    factory: police", "... rises to 40: governor") says whose statement the headline is."""
    return [found for start, end in _lines(text) if (found := _label_after(doc, text, start, end)) is not None]


def _label_after(doc: Doc, text: str, start: int, end: int) -> Found | None:
    while end > start and text[end - 1].isspace():
        end -= 1
    colon_at = text.rfind(":", start, end)
    if colon_at < 0 or end - colon_at > 40 or text[end - 1] in ".?!\"”'":
        return None  # a headline has no closing full stop; a sentence's colon introduces what follows
    line = doc.char_span(start, end, alignment_mode="expand")
    colon = None if line is None else next((t for t in line if t.idx == colon_at), None)
    if colon is None or colon.i - line.start < 4 or not 0 < line.end - colon.i - 1 <= 4:
        return None
    label, said = doc[colon.i + 1:line.end], doc[line.start:colon.i]
    if not all(t.pos_ in {"PROPN", "NOUN", "DET", "ADJ", "PART"} for t in label) \
            or label[-1].pos_ not in {"PROPN", "NOUN"} or label[-1].lower_ in load_lexicon().words("headline_tags") \
            or not any(t.pos_ == "VERB" for t in said):
        return None
    return Found(cue=[doc[colon.i:colon.i + 1]], content=_runs(doc, {t.i for t in said}), source=label)


# '“We need jobs.” ― Ana Ruiz': a line that is a quote signed with a dash and a name
SIGNED_QUOTE = re.compile(r"[ \t\xa0]*[“”\"]([^\n]+?)[”\"][ \t\xa0]*([―—–]|--)[ \t\xa0]*"
                          r"([A-Z][\w.'’-]*(?:[ \t\xa0]+[A-Z][\w.'’-]*){0,5})[ \t\xa0.,]*")


def _signed_quotes(doc: Doc, text: str) -> list[Found]:
    """A quote on a line of its own signed after a dash by a name (vox pops, epigraphs):
    the name says the quote, the dash is the cue."""
    out = []
    for start, end in _lines(text):
        match = SIGNED_QUOTE.fullmatch(text, start, end)
        if match is None:
            continue
        content = doc.char_span(match.start(1), match.end(1), alignment_mode="expand")
        dash = doc.char_span(match.start(2), match.end(2), alignment_mode="expand")
        name = doc.char_span(match.start(3), match.end(3), alignment_mode="expand")
        if content is None or dash is None or name is None or any(t.pos_ == "VERB" for t in name):
            continue
        source = _runs(doc, {t.i for t in name})  # without a closing full stop
        out.append(Found(cue=[dash], content=_runs(doc, {t.i for t in content}), source=source[0]))
    return out


CLOSING_MARKS = {"”", '"', "''"}
QUOTE_MARKS = re.compile(r"“|”|\"|''|``|\n\s*\n")


def quote_spans(doc: Doc, text: str | None = None) -> list[tuple[int, int]]:
    """Token ranges of quotations, from an opening mark to its closing one. Curly quotes
    say which they are; a straight quote (or '' and ``, as some wires write them) opens
    and closes in turn; a quote left open ends with its paragraph."""
    text = doc_text(doc) if text is None else text
    spans: list[tuple[int, int]] = []
    opened: int | None = None
    for match in QUOTE_MARKS.finditer(text):
        mark, k = match.group(), match.start()
        if mark.strip() == "":
            if opened is not None:
                spans.append((opened, k))
            opened = None
        elif mark == "“" or mark == "``" or opened is None and mark != "”":
            opened = k
        elif opened is not None:
            spans.append((opened, match.end()))
            opened = None
    if opened is not None:
        spans.append((opened, len(text)))
    out = []
    for start, end in spans:
        span = doc.char_span(start, end, alignment_mode="expand")
        if span is not None and len(span) > 2:
            out.append((span.start, span.end))
    return out


def _take_whole_quotes(att: Found, quotes: list[tuple[int, int]]) -> None:
    """A content that reaches into a quote takes all of it ("“A. B,” she said" says A too)."""
    tokens = att.content_tokens
    cue = {i for span in att.cue for i in range(span.start, span.end)}
    grown = set(tokens)
    for start, end in quotes:
        inside = set(range(start, end))
        if inside & tokens and not inside & cue:
            grown |= inside
    if grown != tokens:
        att.content = _runs(att.cue[0].doc, grown)


def _continue_quotes(found: list[Found], quotes: list[tuple[int, int]]) -> None:
    """"“A,” she said. “B.”": a quote that follows a quoted attribution in its paragraph,
    or makes up the next paragraph whole, before any other cue, goes on with the same
    speaker."""
    if not found or not quotes:
        return
    doc = found[0].cue[0].doc
    cue_starts = sorted(a.cue[0].start for a in found)
    for att in found:
        tokens = att.content_tokens
        if not any(start in tokens or start + 1 in tokens for start, end in quotes):
            continue
        last = max(max(tokens), att.cue[-1].end - 1)
        later_cue = next((c for c in cue_starts if c > last), len(doc))
        grown = set(tokens)
        for start, end in quotes:
            if start <= last or end > later_cue:
                continue
            if _paragraph_break(doc, last, start) and not _quote_paragraph(doc, start, end):
                break
            grown |= set(range(start, end))
            last = end - 1
        if grown != tokens:
            att.content = _runs(doc, grown)


def _quote_paragraph(doc: Doc, start: int, end: int) -> bool:
    """Whether the quote ``[start, end)`` is a paragraph of its own."""
    return _paragraph_break(doc, start - 1, start) and (end >= len(doc) or _paragraph_break(doc, end - 1, end + 1))


def _paragraph_break(doc: Doc, first: int, last: int) -> bool:
    return any("\n" in doc[k].whitespace_ or doc[k].is_space and "\n" in doc[k].text for k in range(first, last))


def _one_per_cue(found: list[Found]) -> list[Found]:
    """One attribution per cue word, the one with the larger content."""
    best: dict[int, Found] = {}
    for att in found:
        key = att.cue[0].start if att.cue else -1
        if key not in best or len(att.content_tokens) > len(best[key].content_tokens):
            best[key] = att
    return sorted(best.values(), key=lambda a: a.cue[0].start if a.cue else 0)


def _runs(doc: Doc, indices: set[int], trim: bool = True) -> list[Span]:
    """Contiguous spans over ``indices``, without the punctuation at their edges."""
    runs: list[list[int]] = []
    for i in sorted(indices):
        if runs and runs[-1][1] == i:
            runs[-1][1] = i + 1
        else:
            runs.append([i, i + 1])
    out = []
    for start, end in runs:
        while trim and start < end and (doc[start].is_punct or doc[start].is_space):
            start += 1
        while trim and end > start and (doc[end - 1].is_punct or doc[end - 1].is_space):
            end -= 1
        if end > start:
            out.append(doc[start:end])
    return out


ATTRIBUTIONS_KEY = "claimgraph.attributions"


def document_attributions(doc: Doc, lex: Lexicon) -> tuple[list[Found], dict[int, Found]]:
    """The document's attributions and, per token, the innermost one whose content holds
    it; found once per document and kept on the Doc."""
    cached = doc.user_data.get(ATTRIBUTIONS_KEY)
    if cached is None:
        found = find_attributions(doc, lex)
        innermost: dict[int, Found] = {}
        # larger contents first, so the smaller (inner) ones overwrite them
        for att in sorted(found, key=lambda a: -len(a.content_tokens)):
            if att.asserts:
                for i in att.content_tokens:
                    innermost[i] = att
        cached = doc.user_data[ATTRIBUTIONS_KEY] = (found, innermost)
    return cached


def covering_attribution(token: Token, lex: Lexicon) -> Found | None:
    """The innermost asserting attribution whose content holds ``token`` (not its own cue)."""
    cover = document_attributions(token.doc, lex)[1].get(token.i)
    if cover is not None and cover.verb is not None and cover.verb.i == token.i:
        return None
    return cover
