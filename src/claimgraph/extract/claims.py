"""Claims from one analysed document.

For each sentence: find triggers (the Matcher's patterns over lemmas built from the
ontology, read from the Doc's columns by ``token_patterns``), decide which claim types each
trigger stands for in its sentence (``senses``), fill roles, attribution, time and
quantities, and emit a ``Claim`` per happening. PROPERTY claims come from attribute nouns
("range", "payload") with a quantity of the right unit kind.

Usage::

    extractor = ClaimExtractor(nlp.vocab, resolver)
    claims, entities = extractor.extract(doc, document)
"""

from __future__ import annotations

import datetime as dt
import re
from bisect import bisect_right
from collections.abc import Mapping
from dataclasses import dataclass, field, replace
from types import MappingProxyType

from spacy.tokens import Doc, Span, Token

from ..analyze.views import doc_text, lower_lemmas, lower_words
from ..model import Claim, Document, Entity, Quantity, TimeSpan, content_hash
from ..resolve.dates import parse_iso, resolve_time
from ..resolve.quantities import currency_units, find_quantities, measured_units
from .aliases import alias_matcher, find_aliases
from .coref import gives_an_age, locate_back_references
from .confidence import bare_plural, claim_features, confidence
from .attribution import (Attribution, attribute, can_speak, described_speaker, negated_clause, no_one_does,
                          on_a_condition, path_to_root, nothing_to_do_clause, price_promised, promised, sayer_going_on,
                          speaker_entity, subject_of_report_above)
from ..datafiles import grammar
from .dating import (date_a_named_person_s_death, date_by_occurrence_sentences, date_days_counted_from_another,
                     date_definite_references, date_live_updates,
                     date_leads_from_what_follows, date_parts_of_the_day, date_what_is_said_now, inherit_event_times,
                     move_weekdays_into_last_week, narrow_named_happenings, narrow_what_is_counted_back,
                     plan_what_lies_ahead)
from .lexicon import Lexicon, load_lexicon
from .mentions import PRONOUNS, Mentions, _same_or_within, is_bare_definite, is_country, things_counted
from .senses import THING_HEADS, TOLD_PRONOUNS, TriggerSenses, denies_the_clause_before, is_measure, victim_of
from .story import (aim_the_attack_referred_back, done_to, headline_sentences, name_the_lone_doer, name_the_lone_victim,
                    name_the_other_side, name_the_repelled_attackers, name_unnamed_speakers, named_suspect,
                    share_roles_of_one_happening)
from .times import TIME_UNIT_NOUNS, dateline_anchor, report_just_before, sentence_times, time_attachment
from .token_patterns import TokenPatterns
from .roles import (ARMED_BODY_NOUNS, CASUALTY_OF, COMPASS_WORDS, DISTANCE_UNITS, HEADLINE_END, LIGHT_VERBS,
                    RESCUE_NOUNS, SPEECH_ACTS, Roles, agent_of, clause_head, device_run_into, doer_of,
                    drop_countries_of_towns,
                    fill_roles, had_a_part_in, is_gerund_subject, is_light_verb_object,
                    is_to_blame, meanwhile_clause,
                    misparsed_past_tense, named_party_or_owner, names_of, objects_of, on_trial, own_dates, own_places,
                    party, pays_back, preps_of, sayers_joined_to_a_list, subject_and_voice, subject_of)

# a quotation that goes on in the next sentence is still its speaker's ('X said. "We ...'); an
# unattributed sentence that is no quotation is the article's own (REALNEWS: source null): carried
# on through the paragraph, the last speaker's attribution was wrong more often than right (16 sets)
CARRIED_SENTENCES = 1
QUOTE_OPENERS = frozenset({'"', "\u201c", "'", "\u2018"})
# time words the NER often leaves untagged
EXTRA_TIME_WORDS = [list(words) for words in grammar()["extra_time_words"]]
REQUIRED_ROLES = {"MEET": ("actor",), "PROPERTY": ("subject",)}
# happenings the day they are said on only bounds (ClaimExtractor._emit)
BOUNDED_BY_THE_SAYING = frozenset({"ATTACK", "CASUALTY", "TRANSFER"})
# happenings stopped before they go ahead ("paused a shipment"); an attack halted was under way
CALLED_OFF_TYPES = frozenset({"TRANSFER", "MEET", "DEPLOY"})
# Triggers read per sentence: each one walks the sentence's tree, so a run-on sentence of a
# thousand "and drones struck ..." would cost triggers x tokens; news sentences hold a handful.
MAX_TRIGGERS_PER_SENTENCE = 24


@dataclass
class Candidate:
    trigger: Token
    type: str
    roles: Roles
    args: list[Token]
    att: Attribution
    triggers: list[Token] = field(default_factory=list)
    quantities: list[Quantity] = field(default_factory=list)
    times: list[TimeSpan] = field(default_factory=list)
    report_time: TimeSpan | None = None
    attribute: str | None = None
    placed_by_distance: bool = False  # "annihilated a column some 40 km from the town": somewhere told
    rebuts: str | None = None  # a DENY that takes back claims told "here" (its sentence) or "before"


@dataclass
class _DocumentState:
    """What carries from one sentence to the next within a document."""

    mentions: Mentions
    anchor: dt.date | None
    matches: dict[int, list[tuple[str, Token]]]
    extra_times: dict[int, Span]
    inherited: tuple[int, int, Attribution] | None = None  # (paragraph, sentence, attribution) of the last speaker
    repelled: set[str] = field(default_factory=set)  # ids of attacks someone fended off ("thwarted an attack")
    meanwhile: dict[str, int] = field(default_factory=dict)  # id -> the "as"/"while" clause it is told in
    # ids of attacks and tolls whose doer is a person the sentence does not name ("a man opened fire")
    unnamed_doers: set[str] = field(default_factory=set)
    # ids of attacks and tolls whose one victim the sentence does not name ("a woman was killed")
    unnamed_victims: set[str] = field(default_factory=set)
    # ids of claims told in a clause that only describes a noun ("the airstrip captured on March 22")
    described: set[str] = field(default_factory=set)
    # ids of claims about another happening than the one told before ("a similar raid on Friday")
    others: set[str] = field(default_factory=set)
    # ids of claims whose happening noun names whom it hit ("the fatal shooting of a demonstrator")
    named_by_victim: set[str] = field(default_factory=set)
    # dated happenings named too barely to be claims ("released video of last week's shooting"):
    # they still say when the claims after them happened
    unclaimed: list[Claim] = field(default_factory=list)
    # the sentence of the last attack or toll told ("There were no casualties" after it denies the
    # attack's toll)
    last_attack: int | None = None
    # ids of claims told in the present tense ("accusations that it targets civilians")
    in_present: set[str] = field(default_factory=set)
    # ids of claims told as going on from the time just told ("the bombings then cost ...")
    told_then: set[str] = field(default_factory=set)
    # ids of speech acts the article tells in the reporting present ("Lee says the army lied")
    said_now: set[str] = field(default_factory=set)
    # claims told as a toll or a run up to now ("the war has killed 31,000", "have been killed
    # since then"): id -> whether it runs on from the time just told ("since then")
    running: dict[str, bool] = field(default_factory=dict)
    # DENY claim id -> what it denies that was told without it: "here" (", a claim the army
    # denied", ", which Kyiv denied"), "before" ("Kyiv denied the report.") or "accused" ("The UAE
    # rejected the accusation.": the accusation's claims, however many sentences back)
    denials_of_told: dict[str, str] = field(default_factory=dict)
    # DENY claim id -> the ids of the claims of the one clause a ", which Kyiv denied" hangs on
    # ("said 1,200 died and claimed it downed a helicopter, which the army denied": the helicopter)
    denied_clause: dict[str, set[str]] = field(default_factory=dict)
    rebuttals: set[str] = field(default_factory=set)  # ids of DENY claims with no denial verb ("said it never happened")


class ClaimExtractor:
    def __init__(self, vocab, resolver, lexicon: Lexicon | None = None):
        self.lex = lexicon or load_lexicon()
        self.resolver = resolver
        self.senses = TriggerSenses(self.lex)  # which claim types each trigger stands for in its sentence
        self.trigger_types = self.senses.trigger_types
        prop = self.lex.types.get("PROPERTY")
        self.attributes = dict(prop.attributes) if prop else {}
        self.property_type = prop
        self.matcher = TokenPatterns(vocab)  # the trigger patterns, as spaCy's Matcher finds them
        self._add_trigger_patterns()
        self.alias_matcher = alias_matcher(vocab)
        self.time_matcher = TokenPatterns(vocab)
        self.time_matcher.add("TIME", [[{"LOWER": w} for w in words] for words in EXTRA_TIME_WORDS])

    def _add_trigger_patterns(self) -> None:
        single: dict[str, set[str]] = {}
        multi: list[list[dict]] = []
        for (lemma, pos), _types in self.trigger_types.items():
            words = lemma.split()
            if len(words) == 1:
                single.setdefault(pos, set()).add(lemma)
            else:
                multi.append([{"LOWER": w} for w in words[:-1]] + [{"LEMMA": words[-1]}])
        for pos, lemmas in single.items():
            poss = ["VERB", "AUX"] if pos == "VERB" else ["NOUN", "PROPN"] if pos == "NOUN" else ["ADJ", "VERB"]
            self.matcher.add(f"TRIGGER_{pos}", [[{"LEMMA": {"IN": sorted(lemmas)}, "POS": {"IN": poss}}],
                                                 [{"LOWER": {"IN": sorted(lemmas)}, "POS": {"IN": poss}}]])
        if multi:
            self.matcher.add("TRIGGER_NOUN", multi)
        attrs = sorted(self.attributes)
        if attrs:
            self.matcher.add("ATTRIBUTE", [[{"LEMMA": {"IN": attrs}, "POS": "NOUN"}]])
        verb_attrs = sorted(self.property_type.verb_attributes) if self.property_type else []
        if verb_attrs:  # "can carry about 480 kg": a payload stated with a verb
            self.matcher.add("ATTRIBUTE", [[{"LEMMA": {"IN": verb_attrs}, "POS": "VERB"}]])

    # -- per document ---------------------------------------------------------------
    @staticmethod
    def _anchor(document: Document) -> dt.date | None:
        """The day relative times count from: the publication day, or the wire dateline's day
        near it ("KYIV, March 12 (Reuters) -" in copy published on the 15th: annotators read
        "yesterday" as March 11)."""
        published = parse_iso(document.published) if document.published else None
        return dateline_anchor(document.dateline_day, published) or published

    def extract(self, doc: Doc, document: Document) -> tuple[list[Claim], dict[str, Entity]]:
        state = _DocumentState(
            mentions=Mentions(doc, self.resolver, self.lex),
            anchor=self._anchor(document),
            matches=self._matches_by_sentence(doc),
            extra_times={start: doc[start:end] for _, start, end in self.time_matcher(doc)},
        )
        alone = len(document.text) if document.is_headline_only() else 0
        doc.user_data[HEADLINE_END] = document.headline_end() or alone
        find_aliases(doc, self.alias_matcher, state.mentions)
        claims: list[Claim] = []
        paragraph, seen_to = 0, 0
        text = doc_text(doc)  # spaCy rebuilds doc.text on every access
        paragraph_of: dict[int, int] = {}
        for s_index, sent in enumerate(doc.sents):
            paragraph += text.count("\n\n", seen_to, sent.start_char)
            seen_to = sent.start_char
            paragraph_of[s_index] = paragraph
            claims.extend(self._sentence_claims(sent, s_index, paragraph, state, document))
        name_unnamed_speakers(doc, claims, state.mentions)
        plan_what_lies_ahead(claims, state.anchor)
        date_by_occurrence_sentences(doc, claims, state.anchor, paragraph_of)
        # a claim of the sentence gives its date before an unclaimed happening there does
        inherit_event_times(state.unclaimed + claims, paragraph_of, state.described, state.named_by_victim,
                            unclaimed={c.id for c in state.unclaimed}, in_present=state.in_present,
                            told_then=state.told_then, running=state.running, anchor=state.anchor,
                            entities=state.mentions.entities)
        headline = headline_sentences(doc, document)
        date_leads_from_what_follows(claims, paragraph_of, state.others, headline)
        date_definite_references(doc, claims, state.mentions.entities, state.others, state.described,
                                 state.named_by_victim)
        date_parts_of_the_day(doc, claims)
        date_days_counted_from_another(doc, claims, state.anchor)
        date_a_named_person_s_death(doc, claims, state.mentions.entities)
        date_what_is_said_now(claims, state.said_now, state.anchor)
        date_live_updates(doc, claims, state.anchor, paragraph_of)
        move_weekdays_into_last_week(doc, claims, state.anchor)
        narrow_named_happenings(claims)
        narrow_what_is_counted_back(claims, state.anchor)
        suspect = named_suspect(doc, state.mentions, headline)
        name_the_lone_doer(claims, state.unnamed_doers, state.mentions.entities, headline, suspect)
        name_the_lone_victim(claims, state.unnamed_victims, state.mentions.entities, headline)
        share_roles_of_one_happening(claims, paragraph_of, state.repelled, state.meanwhile)
        name_the_repelled_attackers(claims, state.repelled)
        aim_the_attack_referred_back(claims)
        name_the_other_side(claims, state.mentions.belligerents(), state.mentions.entities, state.mentions.allies)
        locate_back_references(claims)
        # "the trade war didn't happen", said by one who told of no other's trade war: no rebuttal
        idle = {c.id for c in claims if c.id in state.rebuttals
                and not told_claims(claims, c, state.denials_of_told[c.id])}
        claims = [c for c in claims if c.id not in idle]
        claims += deny_what_was_told(claims, state.denials_of_told, state.denied_clause)
        drop_own_outlet_from_via(claims, state.mentions.entities, document.outlet)
        return claims, state.mentions.entities

    def _sentence_claims(self, sent: Span, s_index: int, paragraph: int, state: "_DocumentState",
                         document: Document) -> list[Claim]:
        mentions = state.mentions
        mentions.note_groups_in(sent)
        cands = fold_threatened_deeds(self._candidates(sent, state.matches.get(sent.start, []), mentions), self.lex)
        if is_question(sent):
            # "Would it make ISIL less committed to kill Americans?" is asked, not told; what a
            # relative clause in it takes as known is told ("... after the attacks that left four dead?")
            cands = [c for c in cands if presupposed(c.trigger) or any(in_relative_clause(a) for a in c.args)]
        if state.inherited is not None and (state.inherited[0] != paragraph
                                            or s_index - state.inherited[1] > CARRIED_SENTENCES):
            state.inherited = None
        explicit = [c.att for c in cands if c.att.explicit and c.att.source is not None]
        if not explicit:
            sentence_att = self._sentence_attribution(sent, mentions)
            if sentence_att is not None:
                explicit = [sentence_att]
                if not cands:
                    cands = self._statement(sent, sentence_att, mentions)
                else:
                    # "she says Trump's tweets accusing X are lies": the tweets' accusation
                    # is no claim of hers, her calling them lies is
                    cands += self._said_act_beside(sent, sentence_att, cands, mentions)
        else:
            # "said the army would teach them a lesson if they attacked the town": the threat,
            # beside the attack it names (which the condition leaves only possible); "said the
            # allegations were baseless": the allegations named, and their denial
            cands += self._said_act_beside(sent, explicit[-1], cands, mentions)
        if any(c.type == "DENY" and c.trigger.i == sent.root.i for c in cands):
            self._deny_what_is_called_false(sent, cands)
        cands += self._rebuttals(sent, cands, mentions)
        if state.inherited is not None and not self._has_reporting_verb(sent) \
                and sent.text.lstrip()[:1] in QUOTE_OPENERS:
            # "Reyes said the first shell fell on Sunday. The second landed on Friday.": same speaker
            for c in cands:
                # "He said X. The director chastised Clinton.": a speech act with its own
                # speaker is the article's report of that act, not the earlier speaker's
                if not c.att.explicit and not self._own_speech_act(c):
                    c.att.source = state.inherited[2].source
                    c.att.via = list(state.inherited[2].via)
                    if c.att.modality == "fact":
                        c.att.modality = "reported"
        if explicit:
            state.inherited = (paragraph, s_index, explicit[-1])
        times = self._time_mentions(sent, state.extra_times)
        for c in cands:
            self._attach_times(c, times, state.anchor)
            if c.type == "TRANSFER" and self._approved_only(c.trigger):
                c.times, c.report_time = [], None  # "approved the sale on Monday": the approval's day
        self._attach_quantities(sent, cands)
        # "opened fire at the depot, killing one guard": a toll that counts or names its victims
        tolls = [c for c in cands if c.type in TOLL_TYPES and (c.quantities or c.roles["target"] or c.args)]
        for c in cands:
            share_the_toll_s_victims(c, tolls)
        claims, emitted_by = [], []
        for c in cands:
            emitted = self._emit(c, sent, s_index, document, counted=any(
                t is not c and counted_by(c, t)
                for t in tolls), spared=self._spared_in_an_attack(c, cands, s_index, state.last_attack))
            emitted_by.append((c, emitted))
            if c.type == "ATTACK" and self._repelled(c.trigger):
                state.repelled.update(claim.id for claim in emitted)
            if tells_a_harm(c, emitted):
                state.last_attack = s_index
            clause = told_meanwhile(c.trigger)
            if clause >= 0:
                state.meanwhile.update((claim.id, clause) for claim in emitted)
            if self._unnamed_lone_doer(c):
                state.unnamed_doers.update(claim.id for claim in emitted)
            if self._unnamed_lone_victim(c):
                state.unnamed_victims.update(claim.id for claim in emitted)
            if describes_a_noun(c.trigger) or a_landmark(c.trigger) or repaid(c.trigger):
                state.described.update(claim.id for claim in emitted)
            if names_another_happening(c.trigger) or a_landmark(c.trigger):
                state.others.update(claim.id for claim in emitted)
            if c.trigger.pos_ == "NOUN" and victim_of(c.trigger) is not None:
                state.named_by_victim.update(claim.id for claim in emitted)
            if _present_tense(clause_head(c.trigger)):
                state.in_present.update(claim.id for claim in emitted)
            if at_the_time_just_told(clause_head(c.trigger)):
                state.told_then.update(claim.id for claim in emitted)
            if self._told_as_running(clause_head(c.trigger)):
                state.running.update((claim.id, since_then(clause_head(c.trigger))) for claim in emitted)
            if c.type in SPEECH_ACTS and said_in_the_reporting_present(c.trigger):
                state.said_now.update(claim.id for claim in emitted)
            told = c.rebuts or (self._denies_what_was_told(c) if c.type == "DENY" else None)
            if told is not None:
                state.denials_of_told.update((claim.id, told) for claim in emitted)
            if c.rebuts:
                state.rebuttals.update(claim.id for claim in emitted)
            if not emitted and c.type in {"ATTACK", "CASUALTY"} and c.att.polarity == "asserted" and c.times:
                state.unclaimed.append(unclaimed_happening(c, sent, s_index, document))
            claims.extend(emitted)
        self._note_denied_clauses(emitted_by, state)
        self._update_topic(sent, mentions)
        return claims

    @staticmethod
    def _note_denied_clauses(emitted_by: list[tuple[Candidate, list[Claim]]], state: "_DocumentState") -> None:
        """", which Kyiv denied" takes back the clause it hangs on, not every clause of its
        sentence: the claims whose triggers stand in that clause."""
        for c, denials in emitted_by:
            if c.type != "DENY" or not denies_the_clause_before(c.trigger):
                continue
            clause = {t.i for t in clause_head(c.trigger.head).subtree}
            told = {claim.id for d, emitted in emitted_by if d.trigger.i in clause for claim in emitted}
            for claim in denials:
                state.denied_clause[claim.id] = told

    @staticmethod
    def _own_speech_act(c: Candidate) -> bool:
        """A speech act whose speaker the sentence names ("The director chastised Clinton")."""
        return c.type in SPEECH_ACTS and (bool(c.roles["actor"]) or any(
            k.dep_ == "nsubj" for k in c.trigger.children))

    def _denied_by_a_speaker(self, token: Token, att: Attribution) -> bool:
        """The claim sits under a denial verb ("Kigali denies ..."), not under a negation of its own."""
        denials = self.lex.words("denial_verbs")
        return any(token.doc[i].lemma_.lower() in denials for i in att.report_nodes)

    def _settle_speaker_roles(self, token: Token, ctype: str, roles: Roles, att: Attribution,
                              mentions: Mentions) -> None:
        """Roles that come from who speaks: the denier of a DENY, "its drones", "it had supplied"
        (not in the deed a reprisal pays back: "its fighters fired in retaliation for strikes
        on villages" were not its strikes)."""
        if any(pays_back(node) for node in token.ancestors):
            return
        if ctype == "CASUALTY" and self._tended_not_harmed(token):
            return  # "MSF said its team had received 150 wounded people": MSF harmed no one
        if ctype in SPEECH_ACTS and ctype != "DENY" and att.polarity == "denied" and att.source is not None \
                and roles["actor"] and att.source not in roles["actor"] and self._denied_by_a_speaker(token, att):
            # "Congo accused Rwanda of backing the rebels, an allegation Kigali denies", parsed as
            # Kigali denying the accusation: only its maker can take an accusation back; Kigali
            # denies what it is accused of
            att.polarity, att.source, att.via, att.modality = "asserted", None, [], "fact"
            return
        if ctype in SPEECH_ACTS and ctype != "DENY" and not roles["actor"] \
                and (sayer := sayer_going_on(token, self.lex)) is not None:
            roles.add("actor", speaker_entity(sayer, mentions, self.lex))  # "said none was hurt and condemned it"
        if ctype == "DENY":
            if denies_the_clause_before(token):
                roles["subject"] = []  # ", which Kyiv denied": the clause is denied, not the noun before "which"
            subj = subject_of(clause_head(token)) or agent_of(clause_head(token))  # "a claim rejected by Kyiv"
            subj = sayer_going_on(token, self.lex) or subj
            if subj is not None and not can_speak(subj, mentions, self.lex):
                subj = subject_of_report_above(clause_head(token), self.lex) or subj  # a strike denies nothing
            att.source = speaker_entity(subj, mentions, self.lex) if subj is not None else None
            att.source = att.source or (roles["actor"] or [None])[0]
            att.explicit = att.source is not None
            if att.source is not None:
                roles["actor"] = [att.source]
                mentions.note_speaker(att.source)
                for other in subj.conjuncts if subj is not None else ():
                    roles.add("actor", speaker_entity(other, mentions, self.lex))  # "Zambia and Botswana denied"
        elif att.source is not None and roles["actor"] and self._own_weapon_subject(token) \
                and (any(e.attrs.get("generic") for e in roles["actor"]) or self._own_and_others(token)):
            # "Hamas said its fighters had attacked a tank": Hamas's fighters, not "fighters"
            # (and "its fighters and allied units": the allies stay)
            subj = subject_of(clause_head(token))
            if subj is not None and mentions.is_personnel(subj):
                roles["actor"] = [self._state_of(att.source, mentions),
                                  *(e for e in roles["actor"] if not e.attrs.get("generic"))]
        elif att.source is None or roles[self._subject_role(token, ctype)]:
            return
        elif ctype == "ACCUSE" and is_to_blame(token):
            roles.add("actor", att.source)  # "X said the unions are to blame": X blames them
        elif self._own_weapon_subject(token) and device_run_into(clause_head(token), self.lex) is None:
            # (not "the army said their vehicle hit a landmine": the vehicle was hit)
            # "the army said its drones struck the airport"; "the defence ministry said its forces
            # hit a command post": a ministry's forces are its state's
            subj = subject_of(clause_head(token))
            forces = subj is not None and self.lex.heads.get(subj.lemma_.lower()) != "WEAPON" \
                and mentions.is_personnel(subj)
            roles.add("actor", self._state_of(att.source, mentions) if forces else att.source)
        elif clause_head(token).i not in att.report_nodes and not on_a_condition(clause_head(token)):
            # "Tehran rejected claims that it had supplied ...": "it" is the speaker
            # (but not in "It described the strikes as ...", where "it" only speaks, nor in
            # "warned Israel of a response if it attacked", where "it" is the one warned)
            clause = clause_head(token)
            subj = subject_of(nothing_to_do_clause(clause) or clause)  # "it had nothing to do with"
            quoted = inside_quotation(subj) if subj is not None else False
            body = mentions.entities.get(att.source.attrs.get("speaks_for"))
            for_body = body is not None and subj is not None and subj.lower_ in {"we", "it", "they"}
            if subj is not None and subj.lower_ in {"it", "they", "he", "she", "we", "i"} \
                    and (subj.dep_ == "nsubj" or had_a_part_in(token)) \
                    and (att.source.type in {"GPE", "ORG", "PERSON", "NORP"} or for_body
                         or self._described_body_calls_itself(subj, att.source)) \
                    and self._done_by_subject(token, ctype) \
                    and (subj.lower_ == "we" or (subj.lower_ == "i") == quoted) \
                    and (subj.lower_ != "i" or token.pos_ == "VERB"):
                # '"He hit her," Benson said': not Benson; '"I blame Clinton," Smith said': Smith
                # (not '"I heard the gunfire," he said': the gunfire is no deed of his)
                # "Minsk said it had received the systems": the speaker is who received them
                role = self._subject_role(token, ctype)
                if for_body:
                    # "'We fired in self-defence,' said a navy spokesman": the navy fired
                    roles.add(role, body)
                elif self._pronoun_fits(subj, att.source):
                    roles.add(role, self._state_of(att.source, mentions))

    def _described_body_calls_itself(self, pronoun: Token, speaker: Entity) -> bool:
        """"The army said it had killed 20 fighters", "rebels said they destroyed a post": a body
        the article only describes is "it" or "they" as its number is (never "he" or "she"; a
        spokesman is no "it": "the navy spokesman said it sent a rescue call" means the ship)."""
        words = speaker.name.lower().split()
        if speaker.type != "SOURCE" or pronoun.lower_ not in {"it", "they"} or words[0] in PRONOUNS:
            return False
        plural = words[-1].endswith("s") or words[-1] in grammar()["plural_collectives"]
        if pronoun.lower_ == "it":
            return not plural and self.lex.heads.get(words[-1]) != "PERSON"
        return plural

    @staticmethod
    def _pronoun_fits(pronoun: Token, speaker: Entity) -> bool:
        """"it" is no person: "The group's spokesman, Yahya Saree, said it had targeted a
        tanker": the group did. A one-word "person" that calls itself "it" is a group the
        tagger took for one ("Amal said it would lift its siege"). ("He" after an organisation
        is left be: a lone surname the resolver could not place may be typed an organisation.)"""
        return pronoun.lower_ != "it" or speaker.type != "PERSON" or " " not in speaker.name

    def _subject_role(self, token: Token, ctype: str) -> str:
        """The role a trigger's subject fills: the receiver of "received", "bought"; else the doer."""
        receiving = ctype == "TRANSFER" \
            and clause_head(token).lemma_.lower() in self.lex.types["TRANSFER"].receiving_verbs
        return "recipient" if receiving else "actor"

    def _tended_not_harmed(self, token: Token) -> bool:
        """The casualty word names who its clause's subject counts, treats or buries ("had
        counted more than 300 dead", "received 150 wounded people"), not whom it harmed."""
        verb = clause_head(token.head if token.dep_ == "amod" else token)  # ("150 wounded people")
        return verb.i != token.i and verb.lemma_.lower() in self.lex.words("tending_verbs")

    def _done_by_subject(self, token: Token, ctype: str) -> bool:
        """A verb, or the object of its clause's verb ("it had carried out raids"); not a noun
        the clause only mentions ("it is important because of the attacks"), and not a verb
        whose subject undergoes it ("she died from her wounds, he said", "it was attacked", "we
        lost 250 Americans in Beirut": the losses were ours, not our doing)."""
        if token.pos_ == "VERB":
            passive = subject_and_voice(token)[1]
            return not passive and not (ctype == "CASUALTY" and (not objects_of(token)
                                                                  or token.lemma_.lower() in LOSING_VERBS))
        # "it had carried out raids", "he would raise tariffs"; not "we condemn this cowardly
        # attack": condemned, not done
        # (nor "it had seized a shipment of Iranian weapons": what it stopped is no doing of its own)
        return token.dep_ in {"dobj", "obj"} and token.head.pos_ in {"VERB", "AUX"} \
            and SPEECH_ACTS.isdisjoint(self.trigger_types.get((token.head.lemma_.lower(), "VERB"), ())) \
            and token.head.lemma_.lower() not in self.lex.words("stopping_verbs") \
            or had_a_part_in(token)

    @staticmethod
    def _own_weapon_subject(token: Token) -> bool:
        """"the army said its drones struck the airport": the speaker's own forces or weapons
        did it (not "their next witness had been threatened", done to the speaker's own)."""
        subj, passive = subject_and_voice(clause_head(token))
        return subj is not None and not passive \
            and any(c.dep_ == "poss" and c.lower_ in {"its", "their", "our"} for c in subj.children)

    @staticmethod
    def _own_and_others(token: Token) -> bool:
        """"said its fighters and People's Defence Forces units killed 30 soldiers": the others
        are named, the speaker's own fighters only by "its"."""
        subj = subject_of(clause_head(token))
        return subj is not None and bool(subj.conjuncts)

    def _state_of(self, source: Entity, mentions: Mentions) -> Entity:
        """A ministry speaking of "it" speaks for its state: "Iran's foreign ministry rejected
        claims that it had supplied ..." -> Iran supplied; an armed group speaks for itself."""
        if source.type == "ORG" and source.country and not source.attrs.get("outlet") \
                and source.attrs.get("kind") not in self.lex.words("non_state_kinds"):
            name = self.resolver.country_name(source.country)
            if name:
                return mentions.keep(self.resolver.resolve(name, "GPE")) or source
        return source

    def _has_reporting_verb(self, sent: Span) -> bool:
        """Whether the sentence names its own speaker (a quote's "we expect" does not)."""
        reporting = self.lex.words("reporting_verbs")
        words, lemmas = lower_words(sent.doc), lower_lemmas(sent.doc)
        for i in range(sent.start, sent.end):
            if words[i] == "according":
                return True
            if lemmas[i] not in reporting or sent.doc[i].pos_ not in {"VERB", "AUX"}:
                continue
            subj = next((c for c in sent.doc[i].children if c.dep_ == "nsubj"), None)
            if subj is not None and subj.lower_ not in {"we", "i", "you"}:
                return True
        return False

    def _matches_by_sentence(self, doc: Doc) -> dict[int, list[tuple[str, Token]]]:
        out: dict[int, list[tuple[str, Token]]] = {}
        starts = [sent.start for sent in doc.sents]  # Token.sent would walk its sentence for every match
        for match_id, _start, end in self.matcher(doc):
            label = doc.vocab.strings[match_id]
            token = doc[end - 1]
            out.setdefault(starts[bisect_right(starts, token.i) - 1], []).append((label, token))
        return out

    # -- candidates -------------------------------------------------------------------
    def _candidates(self, sent: Span, matches, mentions: Mentions) -> list[Candidate]:
        cands: list[Candidate] = []
        seen: set[tuple[int, str]] = set()
        for label, token in sorted(matches, key=lambda m: m[1].i)[:MAX_TRIGGERS_PER_SENTENCE]:
            if token.ent_type_ and token.ent_type_ not in {"", "DATE"} and token.ent_type_ != "NORP":
                if mentions.span_at(token) is not None:
                    continue
            if label == "ATTRIBUTE":
                cand = self._property(token, mentions)
                if cand is not None:
                    cands.append(cand)
                continue
            pos = label.removeprefix("TRIGGER_")
            if pos == "VERB" and self._gerund_as_noun(token):
                pos = "NOUN"  # "Fighting between the army and the RSF has killed 12,000": the fighting
            # "survived an assassination attempt": the attack was made, whoever it missed
            attempted = pos == "NOUN" and token.dep_ == "compound" and token.head.lemma_.lower() == "attempt"
            if pos == "NOUN" and token.dep_ == "compound" and not self._sanctions_act(token) \
                    and not self._mission_of(token) and not attempted:
                continue  # "attack drone", "strike sites": the noun modifies another
            for ctype in self.senses.types_for(token, pos, mentions):
                if (token.i, ctype) in seen or attempted and ctype != "ATTACK":
                    continue
                seen.add((token.i, ctype))
                if generic_you(token) or judged_in_general(token) or bidden(token) or what_it_would_be(token) \
                        or done_by_whoever(token) \
                        or what_it_is_deemed(token, self.lex) \
                        or ctype not in SPEECH_ACTS and self._told_as_a_series(token) \
                        or (told_as_a_habit(token) and not (ctype in SPEECH_ACTS and self._speakers_now(token))):
                    continue  # "you die by the weapon you choose": anyone, no happening
                if (ctype in {"SANCTION", "TRANSFER"} and self._opposed_measure(token)) or self._in_vetoed_text(token):
                    continue  # "Washington opposed sanctions against Pretoria": no one sanctioned
                roles, args = fill_roles(token.head if attempted else token, ctype, mentions, self.lex)
                if token.lemma_.lower() in self.lex.words("place_taking_nouns"):
                    # "the fall of Karvina": the town taken is where it happened, not who was hit
                    roles["target"] = [e for e in roles["target"] if e not in roles["location"]]
                # "the unrest has claimed 2,400 lives": who says so is who says the verb, not "claimed"'s subject
                said = token.head if token.lemma_.lower() in self.lex.words("counted_lives") else token
                att = attribute(said, mentions, self.lex)
                if said is not token and att.source is None and att.modality == "reported":
                    att.modality = "fact"  # "claimed" takes the lives here; nobody reports
                if att.silenced or att.polarity != "denied" and _any_such(token):
                    continue  # "would respond to any deployment of troops": none told of
                if ctype == "DENY" and att.polarity == "denied" and negated_clause(clause_head(token)):
                    continue  # "Kyiv did not deny that its drones hit the refinery": no denial was made
                if ctype == "TRANSFER" and (self._approved_only(token) or self._only_committed(token)):
                    att.modality = "planned"  # "approved the sale of F-16 jets", "ordered 30 jets": not yet delivered
                if ctype in CALLED_OFF_TYPES and self._stop_asked_for(token):
                    continue  # "urged Washington to stop arming Taiwan": a demand, no deal told or denied
                if ctype in CALLED_OFF_TYPES and self._not_gone_ahead(token):
                    att.polarity = "denied"  # "paused a shipment of bombs", "the summit was cancelled"
                self._settle_speaker_roles(token, ctype, roles, att, mentions)
                if ctype in SPEECH_ACTS and self._undergone(token) and not self._from_someone(token):
                    # "Clifford said he received death threats": he is threatened, no one named threatens
                    roles["target"], roles["actor"] = roles["target"] or roles["actor"], []
                cands.append(Candidate(token, ctype, roles, args, att, [token]))
        cands += self._denied_statements(cands, mentions)
        cands += self._supplies_told_again(cands, mentions)
        if not any(c.type in SPEECH_ACTS for c in cands):
            cands += self._labelled_badly(sent, mentions)
        for c in cands:
            self._capability_as_range(c)
        speech = {i for c in cands if c.roles.any() for i in c.att.report_nodes}
        # a verb that attributes another claim ("a source informed the paper") is not a claim
        # itself, unless it is a speech act worth keeping: a denial, accusation, condemnation,
        # threat or warning is a claim of its own beside what it is about (REALNEWS.md)
        cands = [c for c in cands if c.trigger.i not in speech or c.type in SPEECH_ACTS]
        return self._merge_same_clause(cands)

    def _approved_only(self, noun: Token) -> bool:
        """"Washington approved the sale of 40 jets", "cleared a $2 billion arms deal": a trade
        allowed is one still to come."""
        return noun.pos_ == "NOUN" and noun.dep_ in {"dobj", "obj", "nsubjpass"} \
            and noun.head.lemma_.lower() in self.lex.words("approving_verbs")

    def _told_as_a_series(self, token: Token) -> bool:
        """"Kharkiv has been hit almost daily this autumn", "drones attack the city every night",
        "the town has been shelled repeatedly since 2022": how often it recurs tells a series of
        happenings, none of which the sentence tells (a stance said again and again, "has
        repeatedly denied arming either side", is still the speaker's)."""
        verb = clause_head(token)
        if token.pos_ == "NOUN" and token.i != verb.i:
            return False  # "the attack, one of several this week": the noun's own happening
        perfect = any(c.dep_ == "aux" and c.lemma_ == "have" for c in verb.children)
        for c in verb.children:
            word = c.lower_
            if c.dep_ == "advmod" and (word in self.lex.words("series_adverbs")
                                       or perfect and word in self.lex.words("series_perfect_adverbs")):
                return True
            if c.dep_ == "npadvmod" and c.lemma_.lower() in self.lex.words("series_periods") \
                    and any(d.lower_ == "every" for d in c.children):
                return True
        return False

    def _only_committed(self, token: Token) -> bool:
        """"Egypt ordered 30 Rafale jets from France", "India and France agreed a deal for 26
        jets": a trade committed to, its delivery ahead."""
        lemma = token.lemma_.lower()
        return token.pos_ == "VERB" and lemma in self.lex.words("ordering_verbs") \
            or token.pos_ == "NOUN" and lemma in self.lex.words("commitment_nouns")

    def _not_gone_ahead(self, token: Token) -> bool:
        """"paused a shipment of bombs", "the talks were called off", "stopped sending tanks",
        "failed to deliver the S-300s", "Kyiv has yet to receive the missiles": the trade,
        meeting or deployment did not go ahead."""
        head = token.head
        lemma = head.lemma_.lower()
        stopping = lemma in self.lex.words("calling_off_verbs") \
            or lemma == "call" and any(c.dep_ == "prt" and c.lower_ == "off" for c in head.children)
        if any(c.dep_ == "mark" and c.lower_ in {"whether", "if"} for c in head.children):
            return False  # "to establish whether the minister withheld aid": an open question
        if stopping and (token.pos_ == "NOUN" and token.dep_ in {"dobj", "obj", "nsubjpass"}
                         or token.tag_ == "VBG" and token.dep_ in {"xcomp", "dobj"}):
            return True
        not_yet = lemma in {"have", "be"} and any(c.dep_ == "advmod" and c.lower_ == "yet" for c in head.children)
        return token.pos_ == "VERB" and token.dep_ == "xcomp" and (lemma == "fail" or not_yet)

    def _supplies_told_again(self, cands: list[Candidate], mentions: Mentions) -> list[Candidate]:
        """"Denmark has pledged 19 jets to Ukraine, and Norway has promised six more": a clause
        joined to a supply, with a party of its own supplying only a number ("six more",
        "another ten"), supplies the same things to the same receiver."""
        out = []
        for c in [c for c in cands if c.type == "TRANSFER" and c.trigger.pos_ == "VERB"]:
            for verb in c.trigger.conjuncts:
                if verb.i < c.trigger.i or verb.lemma_.lower() not in self.lex.words("supplying_again_verbs") \
                        or any(o.trigger.i == verb.i for o in cands):
                    continue
                subject, objects = subject_of(verb), objects_of(verb, ("dobj", "obj"))
                supplier = party(subject, mentions) if subject is not None else None
                if supplier is None or supplier in c.roles["actor"] or not any(_only_a_number(o) for o in objects):
                    continue
                roles = Roles()
                roles.add("actor", supplier)
                for role in ("instrument", "recipient"):
                    for ent in c.roles[role]:
                        roles.add(role, ent)
                out.append(Candidate(verb, "TRANSFER", roles, [], attribute(verb, mentions, self.lex), [verb]))
        return out

    def _stop_asked_for(self, token: Token) -> bool:
        """"urged Washington to stop arming Taiwan", "called on Berlin to halt deliveries": the
        stop is asked for, not made."""
        stop = token.head
        return token.dep_ in {"xcomp", "dobj", "obj"} and stop.lemma_.lower() in self.lex.words("calling_off_verbs") \
            and stop.dep_ == "xcomp" and stop.head.lemma_.lower() in self.lex.words("request_verbs")

    def _gerund_as_noun(self, token: Token) -> bool:
        """A gerund subject that English also has as a noun trigger ("Fighting between the
        two armies killed 40", "Shelling overnight hit the port"): the happening named, not
        someone fighting or shelling."""
        return is_gerund_subject(token) and bool(self.trigger_types.get((token.lower_, "NOUN")))

    def _speakers_now(self, verb: Token) -> bool:
        """"Authorities blame the blast on Kurdish militants", "officials deny any role": the
        reporting present of those who speak for a body, no habit of theirs."""
        subj = subject_of(verb)
        return subj is not None and subj.lemma_.lower() in self.lex.words("speaker_nouns")

    def _undergone(self, noun: Token) -> bool:
        """The speech-act noun is the object of a verb whose subject undergoes it ("received
        threats", "faced accusations")."""
        return noun.pos_ == "NOUN" and noun.dep_ in {"dobj", "obj"} \
            and noun.head.lemma_.lower() in self.lex.words("undergoing_verbs")

    @staticmethod
    def _from_someone(noun: Token) -> bool:
        """"drew condemnation from the United States": whom the speech act came from is named."""
        return any(p.dep_ == "prep" and p.lower_ == "from" for p in [*noun.children, *noun.head.children])

    def _sum_supplied(self, c: Candidate) -> bool:
        """"Britain offered eight mln stg", "Northrop paid 17 mln dlrs": a party supplies a sum
        (not the price of a sale: "could sell off billions of dollars in assets")."""
        return bool(c.roles["actor"]) and c.trigger.lemma_.lower() not in self.lex.words("priced_trades") \
            and any(q.unit in currency_units() for q in c.quantities)

    def _regulated(self, noun: Token) -> bool:
        """"to regulate gun sales", "a ban on arms exports" read as the object of a rule (the
        parser may also make the verb an adjective: "regulate gun sales")."""
        rules = self.lex.words("regulating_verbs")
        return noun.dep_ in {"dobj", "obj"} and noun.head.lemma_.lower() in rules \
            or any(c.dep_ == "amod" and c.lemma_.lower() in rules for c in noun.children)

    def _unnamed_lone_doer(self, c: Candidate) -> bool:
        """"A 61-year-old man opened fire", "the gunman shot": one person, not named here,
        did the attack or the killing."""
        if c.type not in {"ATTACK", "CASUALTY"} or c.trigger.pos_ != "VERB" \
                or not all(a.attrs.get("generic") for a in c.roles["actor"]):  # "a Michigan man" is unnamed too
            return False
        doer = doer_of(c.trigger) or governing_subject(c.trigger)
        return doer is not None and (doer.tag_ == "NN" and doer.lemma_.lower() in self.lex.words("lone_doers")
                                     or doer.lower_ in {"he", "she"})

    def _unnamed_lone_victim(self, c: Candidate) -> bool:
        """"A woman was killed", "killed another man", "the death of their boss": one person,
        not named here, was hit or killed; "shot and killed the teen" refers back to one
        (a victim kept as "a demonstrator" may be anyone)."""
        if c.type not in {"ATTACK", "CASUALTY"} or not all(t.attrs.get("generic") for t in c.roles["target"]):
            return False
        victim = victim_of(c.trigger)
        if victim is None or gives_an_age(victim) or any(a.lower_ == "also" for a in c.trigger.children):
            return False  # "a 22-year-old man": whoever has that age; "a man was also hurt": someone else
        return victim.tag_ == "NN" and victim.lemma_.lower() in self.lex.words("lone_victims") \
            and (not c.roles["target"] or any(d.dep_ == "det" and d.lower_ == "the" for d in victim.children))

    def _repelled(self, noun: Token) -> bool:
        """"the warship repulsed an attack", "a helicopter thwarted another attack": the one
        who fended it off (and captured the raiders) is not the attacker. "Pirate attack
        foiled", "a foiled raid": the participle says so too."""
        defence = self.lex.words("defence_verbs")
        if noun.pos_ == "NOUN" and any(c.dep_ in {"acl", "amod"} and c.tag_ == "VBN" and c.lemma_.lower() in defence
                                       for c in noun.children):
            return True
        if noun.pos_ == "NOUN" and noun.dep_ == "pobj" and noun.head.lower_ == "under":
            held = noun.head.head  # "rescued two vessels under attack": the rescuer did not attack
            rescuer = held.head if held.dep_ in {"dobj", "obj"} else held
            return rescuer.lemma_.lower() in RESCUE_NOUNS
        return noun.pos_ == "NOUN" and noun.dep_ in {"dobj", "obj", "nsubjpass"} \
            and noun.head.lemma_.lower() in defence

    def _denies_what_was_told(self, c: Candidate) -> str | None:
        """What a denial denies that is told outside it: the clause it is appended to (", a
        claim the army denied", ", which Kyiv denied") -> "here"; a claim of the sentence before,
        named again ("Kyiv denied the report", "dismissed it as propaganda") -> "before"."""
        verb = c.trigger
        if verb.pos_ != "VERB":
            return None
        if denies_the_clause_before(verb) or verb.dep_ in {"acl", "relcl"} \
                and verb.head.lemma_.lower() in self.lex.words("claim_nouns") and verb.head.dep_ != "pobj":
            return "here"
        if any(ch.dep_ in {"ccomp", "xcomp", "pcomp", "csubj"} for ch in verb.children):
            return None  # "denied that its ships had called there": the denied content is its own
        told = [o for o in objects_of(verb, ("dobj", "obj")) if o.lower_ in TOLD_PRONOUNS
                or o.lemma_.lower() in self.lex.words("claim_nouns")
                and any(d.dep_ == "det" and d.lower_ in {"the", "this", "that", "these", "those", "such"}
                        for d in o.children) and not any(p.dep_ == "prep" for p in o.children)]
        if told and verb.dep_ == "conj" and verb.head.i < verb.i:
            return "here"  # "Hamas said the strike killed 20, but Israel denied that"
        if any(o.lemma_.lower() in self.lex.words("accusation_nouns") for o in told):
            return "accused"  # "rejected the accusation": what was told as an accusation, however far
        return "before" if told else None

    def _merge_same_clause(self, cands: list[Candidate]) -> list[Candidate]:
        """Two triggers of one type in one clause ("the raid was conducted with ...") are one claim."""
        merged: list[Candidate] = []
        for c in cands:
            into = next((m for m in merged if m.type == c.type and m.type != "PROPERTY"
                         and (same_clause(m, c) or told_inside(m, c) or self._result_of(c, m))
                         and told_meanwhile(m.trigger) == told_meanwhile(c.trigger)
                         and not _one_done_one_denied(m, c)
                         and not _different_actors(m, c) and not _losses_of_different_nations(m, c)
                         and not _nouns_of_different_places(m, c) and not _one_hit_the_other_s_doer(m, c)
                         and not self._deeds_on_different_targets(m, c)
                         and not ordered_apart(m.trigger, c.trigger)), None)
            if into is None:
                restated = next((m for m in merged if m.type == c.type and _restates(c, m)
                                 and not _nouns_of_different_places(m, c)
                                 and not ordered_apart(m.trigger, c.trigger)), None)
                if restated is not None:
                    # the attack named again: who calls it that ("what diplomats say was") is not its source
                    restated.triggers.append(c.trigger)
                else:
                    merged.append(c)
                continue
            into.triggers.append(c.trigger)
            into.args.extend(c.args)
            # "thwarted a pirate attack and captured three boats": who fended the attack off
            # and what they took are not the attack's attacker and target
            fended = c.type == "ATTACK" and (self._repelled(into.trigger) or self._repelled(c.trigger))
            for role, ents in c.roles.items():
                if fended and role in {"actor", "target"}:
                    continue
                for e in ents:
                    into.roles.add(role, e)
            drop_countries_of_towns(into.roles)
            if into.att.source is None and c.att.source is not None and c.att.polarity == into.att.polarity:
                into.att = c.att  # (not a denial of the noun named again: "an allegation Kigali denied")
        return merged

    def _result_of(self, c: Candidate, attack: Candidate) -> bool:
        """"accused the rebels of shelling the town, killing nine": a killing participle after an
        attack told under the same verb is what that attack did, however the parser hung it."""
        x = c.trigger
        return c.type == "ATTACK" and x.lemma_.lower() in self.lex.types["ATTACK"].agent_verbs \
            and x.tag_ == "VBG" and x.dep_ == "advcl" and attack.trigger.i < x.i \
            and attack.trigger.lemma_.lower() not in self.lex.types["ATTACK"].agent_verbs \
            and x.head.is_ancestor(attack.trigger)

    def _deeds_on_different_targets(self, a: Candidate, b: Candidate) -> bool:
        """"stormed the parliament building and attacked a police station", "threw petrol bombs at
        police and torched buildings": two attack verbs joined, each done to its own party, are
        two happenings; not "shot and killed Reyes" (one victim), "bombed the academy and injured
        20 soldiers" (the harm the attack did) nor a list of charges ("for stoning police,
        attacking troops, damaging buildings")."""
        x, y = a.trigger, b.trigger
        if a.type != "ATTACK" or not x.pos_ == y.pos_ == "VERB" or y not in x.conjuncts or len(x.conjuncts) > 1:
            return False
        harm = self.lex.types["ATTACK"].agent_verbs
        if x.lemma_.lower() in harm or y.lemma_.lower() in harm:
            return False
        left, right = {e.id for e in a.roles["target"]}, {e.id for e in b.roles["target"]}
        return bool(left and right and not left & right)

    @staticmethod
    def _capability_as_range(c: Candidate) -> None:
        """"The Kornet can hit targets 10 km away" states a range, not an attack."""
        able = any(ch.dep_ == "aux" and ch.lemma_ in {"can", "could"} for ch in c.trigger.children)
        if c.type == "ATTACK" and able and c.roles["instrument"] and not c.roles["actor"]:
            weapons = list(c.roles["instrument"])
            c.type, c.attribute = "PROPERTY", "range"
            c.roles = Roles()
            for w in weapons:
                c.roles.add("subject", w)

    def _denied_statements(self, cands: list[Candidate], mentions: Mentions) -> list[Candidate]:
        """"X denied that any of its ships had called at Israeli ports": the denied content
        has no claim type, but it is still a claim, denied by X."""
        out = []
        for deny in (c for c in cands if c.type == "DENY" and c.att.source is not None):
            clause = next((ch for ch in deny.trigger.children if ch.dep_ in {"ccomp", "xcomp"}), None)
            if clause is None or any(c.trigger.i in {t.i for t in clause.subtree} for c in cands if c is not deny):
                continue
            roles = Roles()
            roles.add("actor", deny.att.source)
            for span in mentions.named_in(clause) + [s for t in clause.subtree if (s := mentions.span_at(t))
                                                     and s.start == t.i]:
                ent = mentions.resolve_span(span)
                if ent is not None and ent.id != deny.att.source.id:
                    roles.add("subject", ent)
            att = Attribution(source=deny.att.source, polarity="denied", modality="reported",
                              report_nodes={deny.trigger.i}, explicit=True)
            out.append(Candidate(clause, "STATEMENT", roles, [], att, [clause]))
        return out

    def _property(self, noun: Token, mentions: Mentions) -> Candidate | None:
        attr = noun.lemma_.lower()
        if noun.pos_ == "VERB":
            if not any(t.like_num for t in noun.subtree):
                return None  # "had carried any weapons" states no payload: nothing to measure
            attr = self.property_type.verb_attributes.get(attr, attr)
            subj = subject_of(noun)
            subject = mentions.weapon(subj) if subj is not None else None
            if subject is None:
                return None
            roles = Roles()
            roles.add("subject", subject)
            return Candidate(noun, "PROPERTY", roles, [noun], attribute(noun, mentions, self.lex), [noun],
                             attribute=attr)
        subject = self._property_subject(noun, mentions)
        if subject is None:
            return None
        roles = Roles()
        roles.add("subject", subject)
        att = attribute(noun, mentions, self.lex)
        return Candidate(noun, "PROPERTY", roles, [noun], att, [noun], attribute=attr)

    def _property_subject(self, noun: Token, mentions: Mentions) -> Entity | None:
        for c in noun.children:
            if c.dep_ == "poss":
                if c.lower_ in {"its", "their"}:
                    return mentions.topic_weapon or mentions.last_weapon
                ent = mentions.weapon(c)
                if ent is not None:
                    return ent
        for prep, obj in preps_of(noun):
            if prep == "of" and (mentions.materiel_kind(obj) or mentions.named_in(obj, {"WEAPON"})):
                return mentions.weapon(obj)
        head = noun.head
        if noun.dep_ in {"dobj", "obj"} and head.lemma_ == "have":
            subj = subject_of(head)
            if subj is not None:
                found = mentions.weapon(subj) if subj.lower_ not in {"it", "they"} else (
                    mentions.topic_weapon or mentions.last_weapon)
                if found is not None:
                    return found
        if noun.dep_ == "pobj" and head.lower_ == "with" and head.head.pos_ == "NOUN":
            return mentions.weapon(head.head)
        for t in noun.sent:
            span = mentions.span_at(t)
            if span is not None and span.label_ == "WEAPON" and span.start == t.i:
                return mentions.resolve_span(span, "WEAPON")
        return None

    def _statement(self, sent: Span, att: Attribution, mentions: Mentions) -> list[Candidate]:
        """"X said that ...", with no typed claim inside: a STATEMENT about the parties it names."""
        root = sent.root
        roles = Roles()
        roles.add("actor", att.source)
        said = [c for c in root.children if c.dep_ in {"ccomp", "dobj", "parataxis"}]
        for clause in said:
            for span in mentions.named_in(clause) + [
                    s for t in clause.subtree if (s := mentions.span_at(t))
                    and s.start == t.i and s.label_ in {"GPE", "ORG", "PERSON", "NORP"}]:
                ent = mentions.resolve_span(span)
                if ent is not None and ent.id != att.source.id:
                    roles.add("subject", ent)
        act = self._said_speech_act(sent, att, mentions)
        if act is not None:
            return [act]  # "said the army was ready to strike": a threat, whoever it names
        return [Candidate(root, "STATEMENT", roles, [], att, [root])] if roles["subject"] else []

    def _said_speech_act(self, sent: Span, att: Attribution, mentions: Mentions) -> Candidate | None:
        """The speaker's threat or accusation when what the sentence says it said is one (see
        ``_conditional_threat`` and ``_wrongdoer``); the article reports that it was made: a
        speech act, a fact."""
        root = sent.root
        if att.source is None or root.lemma_.lower() not in self.lex.words("reporting_verbs"):
            return None
        denial = self._said_denial(sent, att)
        if denial is not None:
            return denial
        for clause in (c for c in root.children if c.dep_ in {"ccomp", "parataxis"}):
            threatened = self._price_threat(clause, mentions)
            if threatened is None:
                threatened = self._conditional_threat(clause, mentions)
            if threatened is None:
                threatened = self._readiness_threat(clause, mentions)
            if threatened is None:
                threatened = self._own_force_promised(clause, mentions)
            accused = [] if threatened is not None else self._wrongdoer(clause, mentions)
            damned = [] if threatened is not None or accused else self._damned(clause, mentions)
            if threatened is not None or accused or damned:
                roles = Roles()
                roles.add("actor", att.source)
                own = self._sayer_s_own(root, att, mentions)
                for ent in threatened or accused or damned:
                    if ent.id not in own:  # not "Iranian sites" in a threat by Iran's minister
                        roles.add("target", ent)
                alleged = bool(accused) or self._alleges_wrong(list(clause.subtree))
                act = "THREATEN" if threatened is not None else "ACCUSE" if alleged else "CONDEMN"
                return Candidate(root, act, roles, [], Attribution(explicit=True), [root])
        return None

    def _said_act_beside(self, sent: Span, att: Attribution, cands: list[Candidate],
                         mentions: Mentions) -> list[Candidate]:
        """The speech act a sentence's saying makes beside the claims found in it ("said Russian
        services hacked the DNC and accused Trump of ..."), unless one is already told by the
        saying verb itself or is a second denial."""
        if any(c.type in SPEECH_ACTS and c.trigger.i == sent.root.i for c in cands):
            act = self._said_denial(sent, att)
        else:
            act = self._said_speech_act(sent, att, mentions) or self._own_deed_denied(sent, att, cands, mentions)
        if act is None or (act.type == "DENY" and any(c.type == "DENY" for c in cands)):
            return []
        return [act]

    def _own_deed_denied(self, sent: Span, att: Attribution, cands: list[Candidate],
                         mentions: Mentions) -> Candidate | None:
        """"The TTP said it was not involved in the bombing", "the army said its units had not
        fired a shell": a speaker saying it did not do a deed denies it, with no denial verb."""
        root = sent.root
        if att.source is None or root.lemma_.lower() not in self.lex.words("reporting_verbs"):
            return None
        own = {att.source.id, self._state_of(att.source, mentions).id}
        said = {t.i for c in root.children if c.dep_ in {"ccomp", "parataxis"} for t in c.subtree}
        # (and "said he had never pledged to kill their families": a threat denied is a deed denied)
        if not any(c.trigger.i in said and c.type in DENIABLE_TYPES | {"THREATEN"} and c.att.polarity == "denied"
                   and getattr(c.att.source, "id", None) == att.source.id and own & {e.id for e in c.roles["actor"]}
                   for c in cands):
            return None  # (not "Hezbollah, which does not take part in the talks, has said ...")
        roles = Roles()
        roles.add("actor", att.source)
        return Candidate(root, "DENY", roles, [], Attribution(explicit=True), [root])

    def _said_denial(self, sent: Span, att: Attribution) -> Candidate | None:
        """"said reports of arms shipments were misleading propaganda": the speaker denies them."""
        root = sent.root
        if att.source is None or root.lemma_.lower() not in self.lex.words("reporting_verbs"):
            return None
        if not any(self._called_false(c) for c in root.children if c.dep_ in {"ccomp", "parataxis"}):
            return None
        roles = Roles()
        roles.add("actor", att.source)
        return Candidate(root, "DENY", roles, [], Attribution(explicit=True), [root])

    def _deny_what_is_called_false(self, sent: Span, cands: list[Candidate]) -> None:
        """"said reports that it supplied missiles to Syria were baseless", "said talk of sanctions
        was groundless": what the reports or the talk tell, the speaker denies."""
        called_false = [c for c in sent.root.children if c.dep_ in {"ccomp", "parataxis"} and self._called_false(c)]
        # what a report or a story tells (not "Patricia Smith, whose son died in Benghazi, was wrong")
        told = {t.i for clause in called_false for s in [subject_of(clause)] if s is not None
                and s.lemma_.lower() in self.lex.words("claim_nouns") | self.lex.words("said_things") for t in s.subtree}
        # "It is false that Russian forces struck a hospital, the ministry said": the "that" clause
        told |= {t.i for clause in called_false if getattr(subject_of(clause), "lower_", "") == "it"
                 for c in clause.children if c.dep_ == "ccomp" for t in c.subtree}
        for c in cands:
            if c.type not in SPEECH_ACTS and c.trigger.i in told:
                c.att.polarity = "denied"

    def _rebuttals(self, sent: Span, cands: list[Candidate], mentions: Mentions) -> list[Candidate]:
        """"Syrian media said jets bombed the airport, but the Israeli military said no such strike
        had taken place", "Turkish officials said the attack never happened", "the army said the
        report was false": a speaker who says that what was told did not happen denies it, with no
        denial verb. The DENY takes back the claims told before it in its sentence, or else those
        of the sentence before (``deny_what_was_told``)."""
        out, reporting = [], self.lex.words("reporting_verbs")
        for verb in sent:
            if verb.pos_ != "VERB" or verb.lemma_.lower() not in reporting \
                    or negated_clause(verb) or any(c.type == "DENY" and c.trigger.i == verb.i for c in cands):
                continue
            if not any(c.dep_ == "ccomp" and self._rebuts(c) for c in verb.children):
                continue
            subject = subject_of(verb)
            speaker = speaker_entity(subject, mentions, self.lex) if subject is not None else None
            if speaker is None:
                continue
            roles = Roles()
            roles.add("actor", speaker)
            told_here = any(c.trigger.i < verb.i and c.type in DENIABLE_TYPES for c in cands)
            out.append(Candidate(verb, "DENY", roles, [], Attribution(source=speaker, explicit=True), [verb],
                                 rebuts="here" if told_here else "before"))
        return out

    def _rebuts(self, clause: Token) -> bool:
        """What was told, named again, did not happen or is false: "no such strike had taken
        place", "the attack never happened", "there had been no such raid", "the report was false"
        (a report named again, not "reports that it supplied missiles were baseless")."""
        subject = subject_of(clause)
        if clause.lemma_.lower() == "be" and any(c.dep_ == "expl" for c in clause.children):
            subject = next((c for c in clause.children if c.dep_ == "attr"), None)  # "there was no such raid"
        if subject is None:
            return False
        no_such = any(c.dep_ == "det" and c.lower_ == "no" for c in subject.children)
        if no_such or clause.lemma_.lower() in self.lex.words("existence_verbs") and negated_clause(clause):
            return no_such and any(c.lower_ == "such" for c in subject.children) or (
                self._names_a_happening(subject) and any(c.dep_ == "det" and c.lower_ in {"the", "that", "this"}
                                                         for c in subject.children))
        named_again = any(c.dep_ == "det" and c.lower_ in {"the", "that", "this", "these", "those"}
                          for c in subject.children) \
            and not any(p.dep_ in {"prep", "acl", "relcl"} for p in subject.children)
        return named_again and subject.lemma_.lower() in self.lex.words("claim_nouns") and self._called_false(clause)

    def _names_a_happening(self, noun: Token) -> bool:
        lemma = noun.lemma_.lower()
        return lemma in self.lex.words("happening_nouns") or any(
            t in DENIABLE_TYPES for t in self.trigger_types.get((lemma, noun.pos_), ()))

    def _called_false(self, clause: Token) -> bool:
        """"the reports were misleading propaganda", "the tweets are lies and conspiracy theories",
        "the allegations are baseless": a said thing the speaker calls false."""
        subject = subject_of(clause) or next((s for a in clause.children if a.dep_ == "aux" for s in a.children
                                               if s.dep_ == "nsubj"), None)  # the parser may hang it on "were"
        if subject is None:
            return False
        said = subject.lemma_.lower() in self.lex.words("claim_nouns") | self.lex.words("said_things")
        # "'It's nonsense,' Trump said": what was just said; "said Patricia Smith was wrong": what she says
        told = subject.lower_ in {"it", "that", "this"} and clause.lemma_.lower() == "be"
        wrong_speaker = subject.ent_type_ == "PERSON" and any(
            c.dep_ == "acomp" and c.lower_ in self.lex.words("mistaken_words") for c in clause.children)
        if not (said or told or wrong_speaker):
            return False
        if any(c.dep_ == "neg" for c in clause.children):
            return False
        heads = [t for c in clause.children if c.dep_ in {"attr", "acomp", "dobj"} for t in (c, *c.conjuncts)]
        if clause.lemma_.lower() != "be":
            heads.append(clause)  # "were misleading propaganda", parsed as a verb
        words = [w for t in heads for w in (t, *t.children) if w is t or w.dep_ in {"amod", "compound", "nmod", "conj"}]
        falsity = self.lex.words("falsity_words") - (self.lex.words("mistaken_words") if told else frozenset())
        return any(w.lower_ in falsity or w.lemma_.lower() in falsity for w in words)

    def _readiness_threat(self, clause: Token, mentions: Mentions) -> list[Entity] | None:
        """"the armed forces were ready to tackle any aggressors", "is able now to give a very
        hard lesson", "would not hesitate to take action": force said to be at hand. The
        parties the clause names besides its subject, or None when it is no such threat."""
        negated = any(c.dep_ == "neg" for c in clause.children)
        ready = [t for t in (clause, *clause.children) if t.lemma_.lower() in self.lex.words("readiness_words")
                 and not negated and not any(c.dep_ == "neg" for c in t.children)]
        if clause.lemma_.lower() == "hesitate" and negated:
            ready.append(clause)  # "would not hesitate to strike"
        deeds = [x for r in ready for x in r.children if x.dep_ == "xcomp" and x.pos_ in {"VERB", "AUX"}]
        force = self.lex.words("threat_force_words") | self.lex.words("readiness_deeds")
        if not any(t.lemma_.lower() in force for deed in deeds for t in deed.subtree):
            return None
        subject = subject_of(clause)
        parties = []
        # "ready to teach them a lesson if our neighbours (Turkey) attack": whom the condition names too
        for deed in deeds + conditions_of(deeds):
            for span in mentions.named_in(deed):
                ent = mentions.resolve_span(span)
                if ent is not None and ent not in parties and (subject is None or span.root.i != subject.i) \
                        and (ent.type in {"ORG", "PERSON", "NORP"} or mentions.is_country(ent)):
                    parties.append(ent)
        return parties

    def _labelled_badly(self, sent: Span, mentions: Mentions) -> list[Candidate]:
        """"described Clinton as a disgrace", "portrayed Mr. Trump as a nasty and divisive
        candidate": naming a party by a damning word condemns it (CONDEMN)."""
        lemmas = lower_lemmas(sent.doc)
        for i in range(sent.start, sent.end):
            if lemmas[i] not in self.lex.words("labelling_verbs"):
                continue
            verb = sent.doc[i]
            if verb.pos_ != "VERB" or any(c.dep_ == "neg" for c in verb.children):
                continue
            subject, objects = subject_of(verb), objects_of(verb, ("dobj",))
            label = [t for c in verb.children if c.dep_ == "oprd" for t in c.subtree]
            label += [t for p in verb.children if p.dep_ == "prep" and p.lower_ == "as" for t in p.subtree]
            # "labeling Obama's actions 'a blatant abuse'", "called the launches 'absolutely unacceptable'":
            # the parser hangs the label on the object, after it
            label += [t for o in objects[:1] for c in o.children if c.dep_ == "appos" or c.dep_ == "amod" and c.i > o.i
                      for t in c.subtree]
            if not any(t.lemma_.lower() in self.lex.words("damning_words") for t in label):
                continue
            actor = party(subject, mentions) if subject is not None else None
            target = named_party_or_owner(objects[0], mentions) if objects else None
            if target is None:  # "described the attack as an attempt by the Kyiv regime to ...": who is damned
                target = next((ent for t in label if (span := mentions.span_at(t)) is not None and span.start == t.i
                               and span.label_ in {"PERSON", "ORG", "GPE", "NORP"}
                               and (ent := mentions.resolve_span(span)) is not None), None)
            if actor is None or target is None or actor.id == target.id:
                continue
            roles = Roles()
            roles.add("actor", actor)
            roles.add("target", target)
            act = "ACCUSE" if self._alleges_wrong(label) else "CONDEMN"
            return [Candidate(verb, act, roles, [], Attribution(explicit=True), [verb])]
        return []

    def _alleges_wrong(self, words: list[Token]) -> bool:
        """Whether damning words allege a wrong done ("a blatant abuse of power", "her criminal
        attempt"), which accuses, rather than only scorn ("a disgrace"), which condemns."""
        attacks = self.lex.types["ATTACK"].nouns | self.lex.types["ATTACK"].verbs
        # ("an attempt by the Kyiv regime to carry out terrorist attacks": a deed alleged)
        return any(t.lemma_.lower() in self.lex.words("wrongdoing_words") for t in words) \
            or any(t.lemma_.lower() in attacks for t in words) \
            and any(t.lemma_.lower() in self.lex.words("terrorism_words") for t in words)

    def _damned(self, clause: Token, mentions: Mentions) -> list[Entity]:
        """"tweeted that Machado was disgusting", "says Trump is unfit": the named party a said
        clause calls by a damning word (not when denied)."""
        if any(c.dep_ == "neg" for c in clause.children):
            return []
        if clause.lemma_.lower() == "be":
            said = [t for c in clause.children if c.dep_ in {"attr", "acomp"} for t in c.subtree]
        elif clause.pos_ == "ADJ" and any(c.dep_ in {"aux", "auxpass"} and c.lemma_ == "be" for c in clause.children):
            said = [clause]  # "... was unhinged": the parser makes the adjective the clause
        else:
            return []
        # "said the Israeli action was a violation of the Geneva Conventions": a wrong alleged, when
        # the wrong is what the subject is called ("ripe for abuse" calls it no abuse)
        wrongs = self.lex.words("wrongdoing_words")
        called = [w for t in said if t.dep_ in {"attr", "acomp"} or t is clause
                  for w in (t, *(c for c in t.children if c.dep_ in {"amod", "compound"}))]
        if not any(t.lemma_.lower() in self.lex.words("damning_words") for t in said) \
                and not any(t.lemma_.lower() in wrongs for t in called):
            return []
        return named_subject(clause, mentions)

    def _wrongdoer(self, clause: Token, mentions: Mentions) -> list[Entity]:
        """"Trump says Clinton is lying", "Bush says Obama is acting unlawfully": the named
        party a said clause has doing wrong (a lie, a crime, a cover-up), not denied."""
        wrong = self.lex.words("wrongdoing_verbs")
        deeds = deeds_of(clause)
        does_wrong = any(d.lemma_.lower() in wrong or self._breaks_a_pact(d) for d in deeds) or any(
            c.dep_ == "advmod" and c.lower_ in self.lex.words("wrongdoing_manners") for c in clause.children)
        if not does_wrong or any(c.dep_ == "neg" for d in deeds for c in d.children):
            return []
        return named_subject(clause, mentions)

    def _breaks_a_pact(self, deed: Token) -> bool:
        """"Russia broke the energy truce", "had breached the ceasefire"; not "broke the siege"."""
        return deed.lemma_.lower() in self.lex.words("pact_breaking_verbs") and any(
            o.lemma_.lower() in self.lex.words("pacts") for o in deed.children if o.dep_ in {"dobj", "obj"})

    def _price_threat(self, clause: Token, mentions: Mentions) -> list[Entity] | None:
        """"the South would pay a dreadful price", "ECOWAS would face consequences if it sent
        troops", "any Israeli response would be met with force": harm promised to a party (see
        ``price_promised``). The party the clause's subject is or owns, and those its condition
        names; None when the clause is no such threat."""
        # "said Iran had made a big mistake and would pay for it": the promise may be joined on
        promise = next((v for v in [clause, *(c for c in clause.children if c.dep_ == "conj" and c.pos_ == "VERB")]
                        if price_promised(v, self.lex)), None)
        if promise is None:
            return None
        parties = named_subject(promise, mentions) or named_subject(clause, mentions)
        for span in (s for condition in conditions_of([clause]) for s in mentions.named_in(condition)):
            ent = mentions.resolve_span(span)
            if ent is not None and ent not in parties and (
                    ent.type in {"ORG", "PERSON", "NORP", "PERSONNEL"} or mentions.is_country(ent)):
                parties.append(ent)
        return parties

    @staticmethod
    def _sayer_s_own(verb: Token, att: Attribution, mentions: Mentions) -> set[str]:
        """The speaker and the parties named in who says it ("Iran's defence minister": Iran)."""
        own = {att.source.id}
        sayer = subject_of(verb)
        for token in sayer.subtree if sayer is not None else ():
            span = mentions.span_at(token)
            ent = mentions.resolve_span(span) if span is not None and span.start == token.i else None
            if ent is not None:
                own.add(ent.id)
                own.add(ent.attrs.get("metonym_of") or ent.id)
        return own

    def _own_force_promised(self, clause: Token, mentions: Mentions) -> list[Entity] | None:
        """'"We will strike them wherever they are," the leader said', "the army said it would
        crush the rebels": force the speaker says it will use. The parties it would be used on,
        or None when the clause is no such promise (not "said it would not strike", nor "said
        the rebels would attack": another's deed foretold)."""
        if not promised(clause) or any(c.dep_ == "neg" for c in clause.children):
            return None
        harm = self.senses.vowed_harm
        doer, sayer = subject_of(clause), subject_of(clause.head)
        if clause.lemma_.lower() not in harm or doer is None or sayer is None or self.senses.workers_strike(clause):
            return None  # (not "the unions said they would strike": a walkout)
        if doer.lower_ not in {"we", "i", "it"} and not self.senses.same_party(doer, sayer, mentions):
            return None  # ("they" may be anyone)
        aimed = objects_of(clause, ("dobj", "obj")) + [o for p, o in preps_of(clause) if p in {"against", "on"}]
        return [ent for obj in aimed if (ent := party(obj, mentions)) is not None
                and (ent.type in {"ORG", "PERSON", "NORP"} or mentions.is_country(ent))]

    def _conditional_threat(self, clause: Token, mentions: Mentions) -> list[Entity] | None:
        """"the war would go on unless Ethiopian troops left": force promised in the said clause
        on a condition set for others. The parties the condition names, or None when the clause
        is no such threat ("talks would resume unless the weather turned")."""
        if not promised(clause):
            return None
        conditions = conditions_of([clause])
        if not conditions:
            return None
        inside = {t.i for c in conditions for t in c.subtree}
        force = self.lex.words("threat_force_words")
        if not any(t.lemma_.lower() in force and not self.senses.workers_strike(t)
                   for t in clause.subtree if t.i not in inside):
            return None  # (not "unions said they would strike unless wages were paid": a walkout)
        # who the condition is set for, and whom the force is promised to ("teach the rebels a lesson")
        spans = [span for condition in conditions for span in mentions.named_in(condition)]
        spans += [span for obj in objects_of(clause, ("dobj", "dative", "iobj"))
                  if (span := mentions.span_at(obj)) is not None]
        parties = []
        for span in spans:
            ent = mentions.resolve_span(span)
            if ent is not None and ent not in parties and (
                    ent.type in {"ORG", "PERSON", "NORP", "PERSONNEL"} or mentions.is_country(ent)):
                parties.append(ent)
        return parties

    def _sentence_attribution(self, sent: Span, mentions: Mentions) -> Attribution | None:
        """A sentence with no claim can still open a paragraph's attribution ("Reyes said ...")."""
        root = sent.root
        if root.lemma_.lower() in self.lex.words("reporting_verbs"):
            probe = next((c for c in root.children if c.dep_ in {"ccomp", "dobj"}), None)
            if probe is not None:
                att = attribute(probe, mentions, self.lex)
                if att.source is not None:
                    return att
        return None

    # -- time -----------------------------------------------------------------------
    def _time_mentions(self, sent: Span, extra: dict[int, Span]) -> list[Span]:
        occasions = self.lex.words("occasion_nouns")
        spans = [s for s in sentence_times(sent) if not is_clock_time(s) and not names_an_occasion(s, occasions)
                 and not counts_within(s) and not a_stretch_of_something(s)]
        covered = {i for s in spans for i in range(s.start, s.end)}
        for start, word in extra.items():
            near_date = any(abs(start - s.start) <= 4 or abs(start - s.end) <= 4 for s in spans)
            # "overnight from Thursday to Friday": the named days say when
            if sent.start <= start < sent.end and start not in covered and not near_date:
                spans.append(word)
        return spans

    def _attach_times(self, c: Candidate, spans: list[Span], anchor: dt.date | None) -> None:
        path = path_to_root(c.trigger)
        # a relative clause keeps its own time: "Minsky, who shot him last week, was indicted on Friday";
        # one hung on a date is dated by it: "since February 9, when troops stormed the camp"
        relcl = next((k for k, node in enumerate(path) if node.dep_ == "relcl"), None)
        dated_by = path[relcl].head if relcl is not None and path[relcl].head.ent_type_ == "DATE" else None
        # "the March 11, 2005, incident that left four people dead": a happening dated in its own
        # name dates what its relative clause tells of it
        dated_happening = path[relcl].head if relcl is not None and self._dated_happening(path[relcl].head) else None
        if relcl is not None:
            path = path[:relcl + 1]
        path = path[:below_a_topic_noun(path, self.lex.words("topic_nouns"))]
        charge_at = below_a_charge(path, self.lex.words("charge_verbs"))
        # "charged him on Monday with killing X": Monday dates the charge, neither the deed nor its report
        charging = {node.i for node in path[charge_at:]}
        path = path[:charge_at]
        report_at = next((k for k, node in enumerate(path) if node.i in c.att.report_nodes
                          or k and described_speaker(path[k - 1], node, c.trigger, self.lex)), len(path))
        event_nodes = {node.i for node in path[:min(report_at, now_under_then(path))]}
        for extra in c.triggers[1:]:
            event_nodes |= {n.i for n in path_to_root(extra)[:2] if n.i not in c.att.report_nodes}
        # "air strikes killed 30 on Monday" parsed as "strikes (that were) killed": the strikes' verb
        event_nodes |= {k.i for k in c.trigger.children if misparsed_past_tense(k)}
        future = c.att.modality == "planned" and not planned_back_then(c.trigger)
        event_spans: list[tuple[Span, TimeSpan]] = []
        for span in spans:
            node = time_attachment(span)
            if node is None:
                continue
            node = past_a_thing(past_a_description(node), self.trigger_types)
            node = report_just_before(span, c.att.report_nodes) or node
            if c.type in SPEECH_ACTS and (self._happening_noun(node, c.trigger) or _a_deed_told_below(node, c.trigger)):
                continue  # "denied any role in the Sept. 11 attacks": the attacks' date, not the denial's
            if node.i != c.trigger.i and self.lex.heads.get(node.lemma_.lower()) == "DOCUMENT" \
                    and span.root.head.i == node.i:
                continue  # "accused Greece of breaching the 1976 Berne Agreement": the accord's year
            if self._dates_a_thing(span, c.trigger):
                continue  # "hit a 1970s apartment block", "a 2019 model drone": when it was built
            if self._a_toll_updated(c.trigger, node):
                if c.report_time is None:  # "the death toll rose to 16 on Friday": the count's day
                    c.report_time = resolve_time(span.text, anchor)
                    if c.report_time is not None:
                        c.report_time.basis = "report"
                continue
            # a report is in the past even when what it announces is planned ("said on Wednesday")
            resolved = resolve_time(span.text, anchor, future=future and node.i not in c.att.report_nodes)
            if resolved is None:
                continue
            if span.end <= c.trigger.i and self._said_of_it(node, c):
                if c.report_time is None:
                    c.report_time = TimeSpan(None, resolved.end, resolved.text, "report")
                continue
            when_after = opens_a_when_clause(span, event_nodes)
            if (dated_by is None or not span.start <= dated_by.i < span.end) and not when_after:
                resolved = up_to_now(span, resolved, anchor)  # not "since January 2, when troops overran ..."
            if node.i in event_nodes or any(node.i == t.i for t in c.triggers) \
                    or dated_happening is not None and node.i == dated_happening.i \
                    or in_when_clause(node, event_nodes) or subject_of_a_while(node, path) \
                    or while_they_were(node, event_nodes) \
                    or when_after \
                    or dated_by is not None and span.start <= dated_by.i < span.end \
                    or _in_trigger_phrase(node, c.trigger) and node.i not in c.att.report_nodes \
                    or node.i in c.att.report_nodes and (_inside_fronted_content(span, node, c.trigger)
                                                         or _before_a_present_report(span, node)):
                resolved.basis = "event"
                event_spans.append((span, resolved))
                if all(t.start != resolved.start or t.end != resolved.end for t in c.times):
                    c.times.append(resolved)
            elif node.i in c.att.report_nodes and c.report_time is None and node.i not in charging \
                    and not topic_of_remark(c.trigger, node) \
                    and not under_what_is_told(c.trigger, node):
                resolved.basis = "report"
                c.report_time = resolved if not before_the_report(c.trigger) else TimeSpan(
                    None, resolved.end, resolved.text, "report")
        event_spans = self._counted_from_the_day_told(c, event_spans)
        own = [t for span, t in event_spans if _in_trigger_phrase(time_attachment(span), c.trigger)]
        if own and c.trigger.pos_ == "NOUN" and is_light_verb_object(c.trigger) and len(own) < len(event_spans):
            # "extended the 2022 sanctions on Monday": the sanctions' year names which, Monday dates the deed
            own = [t for span, t in event_spans if all(t is not o for o in own)]
        if own and c.trigger.pos_ == "NOUN":  # "the June 12 nightclub attack" remembered on Sunday: June 12
            c.times[:] = [t for t in c.times if any(t is o for o in own)]
            event_spans = [(span, t) for span, t in event_spans if any(t is o for o in own)]
        join_coordinated_times(c.times, event_spans)

    @staticmethod
    def _counted_from_the_day_told(c: Candidate, event_spans: list[tuple[Span, TimeSpan]]
                                   ) -> list[tuple[Span, TimeSpan]]:
        """"The air force said on Wednesday that Russia had launched 40 drones overnight": a
        time counted from now in what was said on a named day counts from that day."""
        told = c.report_time
        if told is None or not told.end or told.start not in {None, told.end}:
            return event_spans
        day = dt.date.fromisoformat(told.end)
        out = []
        for span, resolved in event_spans:
            moved = resolve_time(span.text, day) if DEICTIC_TIME.match(span.text.strip()) else None
            if moved is not None and moved.start:
                moved.basis = "event"
                c.times[:] = [moved if t is resolved else t for t in c.times]
                resolved = moved
            out.append((span, resolved))
        return out

    def _said_of_it(self, node: Token, c: Candidate) -> bool:
        """"The UN on Friday condemned the shelling of a convoy", "accused the RSF on Saturday of
        shelling it": the day a happening is condemned or blamed on someone dates that speech,
        and the happening came no later. (A legal charge is not this: "in 2005, he was charged
        with assault" dates the assault; nor a time told after the happening's noun, which the
        parser may hang on the verb: "condemned the killing of 20 civilians in Kobe on 28 July".)"""
        lemma = node.lemma_.lower()
        return c.type not in SPEECH_ACTS and node.i != c.trigger.i and node.pos_ == "VERB" \
            and not SPEAKING_OF_IT.isdisjoint(self.trigger_types.get((lemma, "VERB"), ())) \
            and lemma not in self.lex.words("apprehending_verbs") \
            and node.is_ancestor(c.trigger)

    def _dated_happening(self, noun: Token) -> bool:
        """"the Sept. 11 attack", "a 2012 confrontation": a happening noun with a date among
        its own modifiers."""
        return noun.pos_ == "NOUN" and noun.lemma_.lower() in self.lex.words("happening_nouns") \
            and any(c.dep_ in {"compound", "amod", "nmod", "nummod", "npadvmod"} and c.ent_type_ == "DATE"
                    for c in noun.children)

    def _a_toll_updated(self, trigger: Token, node: Token) -> bool:
        """"The death toll (from the strike on Odesa) rose to 16 on Friday": a time on the verb
        that updates a toll dates the update; the deaths counted, and the strike that caused
        them, happened when the attack did."""
        if node.lemma_.lower() not in self.lex.words("toll_update_verbs"):
            return False
        tolls = [c for c in node.children if c.dep_ == "nsubj" and c.lemma_.lower() in self.lex.words("counted_tolls")]
        return any(toll.left_edge.i <= trigger.i <= toll.right_edge.i for toll in tolls)

    def _dates_a_thing(self, span: Span, trigger: Token) -> bool:
        """A date in front of a noun that names no happening dates the thing ("a 1970s
        apartment block", "a 2019 model drone"), not what was done to it; "the 2012 attacks"
        and "a Friday meeting" are happenings dated so."""
        noun = span.root.head
        while noun.dep_ == "compound" and noun.head.i > noun.i:
            noun = noun.head  # "a 2019 model drone": the drone
        return YEAR_OR_DECADE.fullmatch(span.text.lower()) is not None \
            and span.root.dep_ in {"compound", "nummod", "amod", "nmod"} and span.end <= noun.i \
            and noun.pos_ == "NOUN" and noun.i != trigger.i and not self._happening_noun(noun, trigger) \
            and noun.lemma_.lower() not in self.lex.words("happening_nouns")

    def _happening_noun(self, node: Token, trigger: Token) -> bool:
        """A noun that names a happening of its own, not the claim's trigger."""
        return node.i != trigger.i and node.pos_ == "NOUN" and (node.lemma_.lower(), "NOUN") in self.trigger_types

    # -- quantities -----------------------------------------------------------------
    def _attach_quantities(self, sent: Span, cands: list[Candidate]) -> None:
        if not cands:
            return
        doc = sent.doc
        for q in find_quantities(sent.text):
            span = doc.char_span(sent.start_char + q.start, sent.start_char + q.end, alignment_mode="expand")
            if span is None or _is_age(span, q) or _is_year(span, q):
                continue
            if any(t.ent_type_ == "WEAPON" for t in span):
                continue  # "18 Leopard 2 tanks": the 2 is the model's name, not a count
            if names_a_unit(span.root):
                continue  # "the 444 Brigade": a unit's name, not a count
            if self.senses.disputed_figure(span.root):
                continue  # "contradicting the official toll of 12": another's figure
            if self._counts_cited_speakers(span):
                continue  # "citing five US officials": who speaks, not what happened
            if superseded_figure(span.root):
                continue  # "raised the death toll to 12 from eight": the figure the new one replaces
            owner = self._toll_brought_to(span.root, cands) or self._quantity_owner(span, cands, q.unit)
            owner = toll_of_the_attack(span, owner, cands)
            if owner is not None and owner.type != "PROPERTY" and places_by_distance(span):
                owner.placed_by_distance = True
                continue  # "Kharkiv, about 30 km from the border": where a place lies, not the attack's size
            if owner is not None and owner.type == "DEPLOY" and self._counts_places(span):
                continue  # "sent troops to occupy nine refineries": the forces are counted, not where they go
            if owner is not None and owner.type == "CASUALTY" and self._counts_weapons(span):
                # "three missiles killed five civilians": three is the attack's, five the toll's
                owner = next((c for c in cands if c.type == "ATTACK" and c.trigger.sent == owner.trigger.sent), None)
                if owner is None:
                    continue
            if owner is not None and owner.type == "CASUALTY" \
                    and self._counts_doers_of_another_clause(span, owner.trigger):
                continue  # "Five officers beat him; he died days later": who beat him, not who died
            if owner is not None and owner.type == "CASUALTY" and self._counted_by_a_joined_verb(span, owner.trigger):
                continue  # "has killed 14,000 people and displaced over 8 million": no toll of 8 million
            if owner is not None and owner.type == "CASUALTY" and self._counts_things(span):
                continue  # "seized two of the pirate vessels", "four life sentences": no one counted
            if owner is not None and q.unit in self.lex.words("duration_units") and (
                    owner.type in SIZED_BY_COUNTS or owner.type != "NOTIFY" and a_time_offset(span)):
                # "two years of unrest have claimed 1,900 lives", "two weeks later", "jailed for 10
                # years": a stretch of time counts no one and nothing sent or hit; "the sanctions came
                # eight days after the designation" tells when, not how much (a notice "sent 30
                # minutes before the launch" is measured by how long before)
                continue
            if owner is not None and owner.type in {"CASUALTY", "DEPLOY"} and q.unit in currency_units():
                continue  # "caused a billion dlrs in damage": no toll; "the deployment will cost 2 bln": no troops
            if owner is not None and owner.type != "PROPERTY" and sizes_each_item(span, q.text):
                continue  # "1,800 2,000-pound bombs": how heavy each bomb is, not how many were sent
            if owner is not None and owner.type != "PROPERTY" and q.unit == "%":
                continue  # "the killings have left 62 percent of voters saying ...": a share, no count of it
            if owner is not None:
                if owner.type == "CASUALTY" and q.unit not in measured_units():
                    # (not "died after falling 150 metres": a distance of the happening, no one counted)
                    q.of = casualty_word(span.root) or CASUALTY_OF.get(owner.trigger.lemma_.lower())
                if owner.type == "PROPERTY" and q.value is None and q.low is None and q.high is not None:
                    q.value = q.high  # "a payload of up to 345 kg": the capability is 345 kg
                owner.quantities.append(q)
        for c in cands:
            if c.type == "CASUALTY":
                c.quantities.extend(lone_toll(c.trigger, c.quantities, sent))
                if any(self._toll_brought_to(t, [c]) for t in sent if t.like_num):
                    # "Three more people died, bringing the toll to 41": the toll is 41, not 3
                    c.quantities[:] = [q for q in c.quantities if not MORE_AFTER_RE.match(sent.text, q.end or 0)]

    def _toll_brought_to(self, number: Token, cands: list[Candidate]) -> Candidate | None:
        """"..., bringing the death toll from the strike to 41", "pushed the toll to 17": the
        casualty whose toll the verb brings to the number."""
        prep = number.head
        if number.dep_ != "pobj" or prep.lower_ != "to":
            return None
        counted = self.lex.words("counted_tolls")
        tolls = [o for o in objects_of(prep.head, ("dobj", "obj")) if o.lemma_.lower() in counted]
        # the toll itself as a trigger, or the death the bringing clause hangs on ("died, bringing ...")
        told = {i for toll in tolls for i in (toll.i, clause_head(toll).head.i)}
        return next((c for c in cands if c.type == "CASUALTY" and any(t.i in told for t in c.triggers)), None)

    def _told_as_running(self, verb: Token) -> bool:
        """A toll or a run told in the present perfect up to now: "Israel's war in Gaza has killed
        31,000", "thousands have been killed since then" (not "two others have been wounded")."""
        auxes = [c for c in verb.children if c.dep_ in {"aux", "auxpass"}]
        if not auxes or auxes[0].lemma_ != "have" or auxes[0].tag_ not in {"VBZ", "VBP"}:
            return False
        doer = subject_of(verb) if not any(c.dep_ == "nsubjpass" for c in verb.children) else agent_of(verb)
        return since_then(verb) or doer is not None and doer.lemma_.lower() in self.lex.words("long_happening_nouns")

    def _counts_doers_of_another_clause(self, number: Span, trigger: Token) -> bool:
        """"Five police officers beat Tyre Nichols; he died days later": the number counts the
        doers of another verb, while the death has a subject of its own (not "60 suffered
        slight injuries", a toll of its own)."""
        noun = counted_noun(number)
        verb = noun.head
        if noun.dep_ != "nsubj" or verb.pos_ != "VERB" or verb.i == trigger.i or trigger.pos_ != "VERB":
            return False
        if any("CASUALTY" in self.trigger_types.get((w.lemma_.lower(), w.pos_), ()) or CASUALTY_OF.get(w.lemma_.lower())
               for w in (verb, *(c for c in verb.children if c.dep_ in {"dobj", "attr", "acomp", "oprd"}))):
            return False
        own = [c for c in trigger.children if c.dep_ in {"nsubj", "nsubjpass"}]
        return bool(own) and noun not in own

    def _counted_by_a_joined_verb(self, number: Span, trigger: Token) -> bool:
        """The number is the object of a verb joined to the casualty verb that hurts no one
        ("killed 14,000 and displaced 8 million", "killed two and destroyed three tanks")."""
        noun = counted_noun(number)
        verb = noun.head
        if noun.dep_ != "dobj" or verb.pos_ != "VERB" or verb.i == trigger.i or written_after(number.root):
            return False
        if not (verb.dep_ == "conj" and verb.head.i == trigger.i or trigger.dep_ == "conj" and trigger.head.i == verb.i):
            return False
        lemma = verb.lemma_.lower()
        return not (CASUALTY_OF.get(lemma) or "CASUALTY" in self.trigger_types.get((lemma, verb.pos_), ()))

    def _counts_places(self, span: Span) -> bool:
        """"nine oil refineries", "three ports": the number counts places or sites."""
        noun = counted_noun(span)
        return noun.pos_ == "NOUN" and self.lex.heads.get(noun.lemma_.lower()) in {"FAC", "LOC"}

    def _counts_weapons(self, span: Span) -> bool:
        """"Three missiles", "two shells": the number counts weapons, not people."""
        noun = counted_noun(span)
        return noun.lemma_.lower() in self.lex.materiel and noun.pos_ == "NOUN"

    def _counts_things(self, span: Span) -> bool:
        """"two vessels", "nine charges": the number counts craft, places or papers, never people."""
        noun = counted_noun(span)
        if noun.pos_ == "NUM":  # "two of the pirate vessels"
            noun = next((g for p in noun.children if p.dep_ == "prep" and p.lower_ == "of"
                         for g in p.children if g.dep_ == "pobj"), noun)
        noun = things_counted(noun)
        lemma = noun.lemma_.lower()
        return noun.pos_ == "NOUN" and (self.lex.heads.get(lemma) in THING_HEADS
                                        or lemma in self.lex.words("uncounted_by_tolls"))

    def _quantity_owner(self, span: Span, cands: list[Candidate], unit: str | None) -> Candidate | None:
        unit_kind = self.property_type.unit_kind(unit) if self.property_type else None
        props = [c for c in cands if c.type == "PROPERTY"]
        if unit_kind is not None and props:
            for c in props:
                if unit_kind in self.attributes.get(c.attribute or "", ()):
                    return c
        others = [c for c in cands if c.type != "PROPERTY"]
        node = span.root
        counted_dead = [c for c in others if c.type == "CASUALTY" and c.trigger.dep_ == "acl"
                        and span.start <= c.trigger.head.i < span.end and c.trigger.head.like_num
                        and not any(d.dep_ == "det" for d in c.trigger.head.children)]
        if counted_dead:
            # "says 22 killed in drone strike on bus": a headline's dead, counted (not "the 22
            # killed in the strike were buried", the dead already told of)
            return counted_dead[0]
        for _ in range(12):
            # "the strike killed 12 fighters": 12 belongs to the killing, whose trigger is
            # that verb, before the strike, whose clause the verb only heads; a word that
            # triggers several claims counts for the type it names outright ("killing" is the
            # casualty's own word, the attack's only by extension: agent_verbs)
            owners = [c for c in others if any(node.i == t.i for t in c.triggers)]
            left_dead = [c for c in others if c.type == "CASUALTY" and c.trigger.pos_ in {"ADJ", "NOUN"}
                         and node.i in {c.trigger.head.i, c.trigger.head.head.i} and c.trigger.i != node.i
                         and any(a.i == span.root.i or a.i == span.root.head.i for a in c.args)]
            if owners and left_dead:
                return left_dead[0]  # "shot two policemen dead", "stabbed three to death": the toll's count
            if owners:
                return min(owners, key=lambda c: node.lemma_.lower() in self.lex.types[c.type].agent_verbs)
            counted = [c for c in others if any(a.i == node.i for a in c.args)]
            if len(counted) == 1:
                return counted[0]  # "an offensive left 30 rebels dead": the rebels are the toll's
            for c in others:
                if node.i == clause_head(c.trigger).i:
                    return None if self._counts_people_apart(span, c) else c
            if node.head.i == node.i:
                break
            node = node.head
        if len(others) != 1 or self._counts_speakers(span) or self._counts_people_apart(span, others[0]):
            return None
        return others[0]

    def _counts_people_apart(self, span: Span, lone: Candidate) -> bool:
        """"The two officers involved in the boy's shooting were arrested", "scores of deputies
        descended on the area": people counted outside the attack's own words are not a number
        of the attack (its weapons, its strikes); only a toll counts people."""
        noun = things_counted(counted_noun(span))
        lemma = noun.lemma_.lower()
        return lone.type == "ATTACK" and noun.i not in {a.i for a in lone.args} \
            and (lemma in self.lex.personnel or self.lex.heads.get(lemma) in {"PERSON", "GROUP"})

    def _counts_speakers(self, span: Span) -> bool:
        """"two officials told Reuters", "three witnesses said": the number counts who speaks."""
        noun = counted_noun(span)
        return noun.dep_ == "nsubj" and noun.head.lemma_.lower() in self.lex.words("reporting_verbs")

    def _counts_cited_speakers(self, span: Span) -> bool:
        """"citing five US officials", "according to two diplomats": the number counts whom
        the report relies on."""
        noun = counted_noun(span)
        if noun.pos_ != "NOUN":
            return False
        if noun.i in sayers_joined_to_a_list(noun.sent, self.lex):
            return True  # "killing 50 soldiers, three security sources and a resident said"
        head = noun.head
        return noun.dep_ == "dobj" and head.lemma_.lower() in self.lex.words("relay_verbs") \
            or noun.dep_ == "pobj" and head.lower_ == "to" and head.head.lower_ == "according"

    def _opposed_measure(self, trigger: Token) -> bool:
        """"opposed mandatory sanctions", "vetoed new sanctions", "blocked arms sales": a
        measure someone stands against is proposed, not taken; "the lifting of all sanctions",
        "sanctions relief": one ended is none taken either."""
        ending = trigger.head.head if trigger.dep_ == "pobj" and trigger.head.lower_ == "of" \
            else trigger.head if trigger.dep_ == "compound" else None
        ended = self.lex.words("vetoing_nouns") | self.lex.words("vetoing_verbs")
        if trigger.pos_ == "NOUN" and ending is not None and ending.lemma_.lower() in ended:
            return True
        verb = trigger.head
        if trigger.pos_ != "NOUN" or trigger.dep_ not in {"dobj", "obj"} or verb.pos_ != "VERB":
            return False
        lemma = verb.lemma_.lower()
        return lemma in self.lex.words("vetoing_verbs") or lemma in self.lex.words("opposing_verbs") \
            and not any(c.dep_ in {"det", "poss"} and c.lower_ not in {"a", "an", "any", "new", "further"}
                        for c in trigger.children)

    def _in_vetoed_text(self, trigger: Token) -> bool:
        """"Russia vetoed a resolution condemning the strike", "Hungary blocked an EU statement
        condemning it": the text that would have condemned or sanctioned was never adopted."""
        clause = trigger.head if trigger.dep_ in {"dobj", "obj"} else trigger  # "a resolution imposing sanctions"
        text = clause.head
        return clause.dep_ == "acl" and text.dep_ in {"dobj", "obj"} \
            and text.head.lemma_.lower() in self.lex.words("vetoing_verbs")

    def _mission_of(self, token: Token) -> bool:
        """"her ongoing patrol mission in the Gulf of Aden": a mission of patrolling is the
        patrol (not "a patrol boat")."""
        return token.lemma_.lower() in self.lex.words("mission_kinds") \
            and token.head.lemma_.lower() in self.lex.words("mission_nouns")

    def _sanctions_act(self, token: Token) -> bool:
        """"13 new EU sanctions listings", "a sanctions package": the sanction is the act."""
        return token.lemma_.lower() == "sanction" and token.head.lemma_.lower() in self.lex.words("sanction_act_heads")

    def _armed_doer(self, c: Candidate) -> bool:
        """"a gunman opened fire at the party": an armed doer says an attack happened, though
        the article names no one and nothing it hit."""
        if c.type == "ATTACK" and c.trigger.pos_ == "NOUN" and any(
                m.dep_ in {"amod", "compound"} and m.lemma_.lower() in self.lex.words("deed_labels")
                for m in c.trigger.children):
            return True  # "terrorist attacks in the kingdom": attacks by someone, unnamed
        doer = doer_of(c.trigger) if c.type == "ATTACK" and c.trigger.pos_ == "VERB" else None
        return doer is not None and doer.pos_ == "NOUN" and (
            self.lex.is_armed(doer) or doer.lemma_.lower() in self.lex.words("irregular_fighters"))

    def _a_person_assaulted(self, c: Candidate) -> bool:
        """"a woman was stabbed while she slept", "a man who stabbed her", "an assault on a
        woman": a blow at someone the article does not name is still an attack told (generic
        nouns fill no role)."""
        if c.type != "ATTACK" or c.trigger.pos_ not in {"VERB", "NOUN"} \
                or c.trigger.lemma_.lower() not in self.lex.words("person_assault_verbs") \
                or c.trigger.dep_ in {"csubj", "csubjpass"}:
            return False  # "assaulting a reporter is a fireable offense": a kind of deed, none done
        if c.trigger.pos_ == "NOUN":  # "a vicious assault on a woman he knew"
            hit = [o for prep, o in preps_of(c.trigger) if prep == "on"]
        else:
            hit = done_to(c.trigger)
        people = self.lex.words("lone_victims") | self.lex.words("assaulted_callings")
        return any(t.lemma_.lower() in people or t.lower_ in {"him", "her"} for t in hit)

    def _a_person_threatened(self, c: Candidate) -> bool:
        """"accused of threatening a tax worker", "had been threatened with death", "threatening
        to kill her parents": a threat at someone the article does not name is still told."""
        if c.type != "THREATEN" or c.trigger.pos_ != "VERB" or c.trigger.lemma_.lower() != "threaten":
            return False
        hit = done_to(c.trigger)
        hit += [o for x in c.trigger.children if x.dep_ == "xcomp" for o in objects_of(x, ("dobj", "obj"))]
        people = self.lex.words("lone_victims") | self.lex.words("assaulted_callings") | self.lex.words("kin_nouns")
        return any(t.lemma_.lower() in people or t.lower_ in {"him", "her", "them"} for t in hit)

    # -- output -----------------------------------------------------------------------
    @staticmethod
    def _spared_in_an_attack(c: Candidate, cands: list[Candidate], s_index: int, last_attack: int | None) -> bool:
        """"The strike caused no casualties", "no one was injured when the drone hit", "Armed men
        stormed the oilfield. There were no casualties": the harm denied is the toll of the
        attack told beside it or just before, though it names no one (REALNEWS)."""
        return c.type == "CASUALTY" and c.att.polarity == "denied" \
            and (any(o.type == "ATTACK" and o.att.polarity == "asserted" for o in cands)
                 or last_attack is not None and s_index - last_attack <= TOLD_REACH and none_harmed(c.trigger))

    def _emit(self, c: Candidate, sent: Span, s_index: int, document: Document,
              counted: bool = False, spared: bool = False) -> list[Claim]:
        allowed = self.lex.types[c.type].roles
        for role in c.roles:
            if role not in allowed:  # a role the type does not have stays empty
                c.roles[role] = []
        # "shot down all 30 drones launched overnight": the drones were hit, they hit nothing
        c.roles["instrument"] = [e for e in c.roles["instrument"] if e not in c.roles["target"]]
        # a claim must name someone or something, or count it; "a man was shot dead" names a
        # victim the roles leave out (generic nouns fill no role)
        # "opened fire at a party, killing one man": the attack (a verb: "killed in the attack" only
        # refers to one) is counted by its toll
        if not c.roles.any() and not c.quantities and not (c.type == "CASUALTY" and c.args) and not spared \
                and not (counted and self.lex.types[c.type].event) and not self._armed_doer(c) \
                and not c.placed_by_distance and not self._a_person_assaulted(c) and not self._a_person_threatened(c):
            return []
        for role in REQUIRED_ROLES.get(c.type, ()):
            if not c.roles[role]:
                return []
        if c.type == "SANCTION" and not c.roles["target"] \
                and c.trigger.lemma_.lower() in self.lex.words("aimed_measures"):
            return []  # "tariffs rose": aimed at no one
        if c.type == "TRANSFER" and bare_plural(c.trigger) and self._regulated(c.trigger):
            return []  # "actions to regulate gun sales": a trade as a policy topic, denied or not
        if c.type == "TRANSFER" and bare_plural(c.trigger) and c.att.polarity == "asserted" \
                and not (c.roles["actor"] or c.roles["recipient"]):
            # "tighter rules on gun sales": a trade in general, no one supplying anyone (a denial
            # of any sales at all still says something: "denied any arms sales")
            return []
        if c.type == "TRANSFER" and c.att.polarity == "asserted" and not c.roles["instrument"] \
                and not c.roles["recipient"] and not self._sum_supplied(c):
            # "VR provides a combination of storytelling and technology": nothing supplied to
            # anyone ("Britain offered eight mln stg" supplies a sum)
            return []
        if c.type == "PROPERTY" and not c.quantities:
            return []
        # "will deploy troops, the presidency said on Wednesday": the day it was said is not the
        # day of a deed still to come; "Russia struck the port, the ministry said on Sunday",
        # "the Netherlands transferred 18 jets, the minister said on Thursday": only a bound
        # on a strike, a toll or a delivery, which may have come days before the saying
        said_on = c.report_time if c.att.modality != "planned" else None
        if said_on is not None and c.type in BOUNDED_BY_THE_SAYING:
            said_on = TimeSpan(None, said_on.end, said_on.text, said_on.basis)
        times = narrowest(c.times) or [said_on or TimeSpan()]
        features = claim_features(c.trigger, c.type, c.roles.ids(), sent, has_source=c.att.source is not None,
                                  polarity=c.att.polarity, modality=c.att.modality, has_time=bool(c.times),
                                  has_quantity=bool(c.quantities))
        trust = round(confidence(features), 3)
        out = []
        text = evidence_text(sent, document)
        for k, time in enumerate(times):
            key = f"{document.id}:{s_index}:{c.trigger.i}:{c.type}:{k}"
            out.append(Claim(
                id="cl-" + content_hash(key), document_id=document.id, type=c.type,
                text=text, start=sent.start_char, end=sent.start_char + len(text),
                roles=c.roles.ids(), source=c.att.source.id if c.att.source else None,
                via=[v.id for v in c.att.via], polarity=c.att.polarity, modality=c.att.modality,
                time=time, quantities=list(c.quantities), trigger=c.trigger.text,
                attribute=c.attribute, sentence=s_index, confidence=trust, features=features,
            ))
        return out

    def _update_topic(self, sent: Span, mentions: Mentions) -> None:
        """The weapon a sentence is about (its subject) is what a later "its range" refers to."""
        subj = next((t for t in sent if t.dep_ in {"nsubj", "nsubjpass"} and t.head.i == sent.root.i), None)
        if subj is None:
            return
        if any(c.dep_ == "poss" and c.lower_ in {"its", "their"} for c in subj.children):
            return
        if mentions.named_in(subj, {"WEAPON"}) or mentions.materiel_kind(subj):
            weapon = mentions.weapon(subj)
            if weapon is not None:
                mentions.topic_weapon = weapon


def _is_age(span: Span, q: Quantity) -> bool:
    """"Zurana Horton, 34, was killed": a bare number beside a person's name is an age, never
    a count of the happening."""
    root = span.root
    named = root.head.ent_type_ == "PERSON" or root.head.pos_ == "PROPN"
    return q.unit is None and root.dep_ == "appos" and named


def _is_year(span: Span, q: Quantity) -> bool:
    """"the 2001 attacks", "its 1994 offensive": a year after a determiner names which
    happening, it counts nothing."""
    if not (span.text.isdigit() and len(span.text) == 4 and 1900 <= int(span.text) <= 2100):
        return False
    k = span.start - 1
    while k >= 0 and span.doc[k].tag_ == "JJ":
        k -= 1  # "the fatal 2012 terrorist attack"
    before = span.doc[k] if k >= 0 else None
    return before is not None and (before.dep_ in {"det", "poss"} or before.tag_ in {"DT", "PRP$", "POS"})


def toll_of_the_attack(span: Span, owner: "Candidate | None", cands: list["Candidate"]) -> "Candidate | None":
    """"One man was shot and killed", "shot to death one person": the people counted are the
    ones the attack hit, and the sentence also tells that they died, so the number is the
    toll's, not the attack's (REALNEWS counts them on the casualty claim). Attackers counted
    ("up to 800 guerrillas attacked") stay the attack's."""
    if owner is None or owner.type != "ATTACK" or owner.trigger.pos_ != "VERB":
        return owner
    counted = span.root.head if span.root.dep_ == "nummod" else span.root
    if counted.head.i != owner.trigger.i or counted.dep_ not in {"dobj", "nsubjpass"}:
        return owner
    verb = owner.trigger
    tolls = [c for c in cands if c.type == "CASUALTY" and _tells_their_death(c.trigger, verb, counted)]
    return tolls[0] if len(tolls) == 1 else owner


def _only_a_number(noun: Token) -> bool:
    """"six more", "another ten", "eight": an object that counts what was told before."""
    return noun.like_num or noun.lower_ in {"more", "others"} and any(c.like_num for c in noun.children)


MORE_AFTER_RE = re.compile(r"\s+more\b", re.I)  # "three more people": an increment, not a toll


def superseded_figure(number: Token) -> bool:
    """"rose to 41 from 38", "revised the toll to 12 from eight": the "from" figure is the one
    the "to" figure replaces (not "rose from a previously reported 85", the only one told)."""
    prep = number.head
    if number.dep_ != "pobj" or prep.lower_ != "from":
        return False
    return any(c.dep_ == "prep" and c.lower_ == "to" and c.i < prep.i
               and any(g.dep_ == "pobj" and g.like_num for g in c.children) for c in prep.head.children)


def lone_toll(trigger: Token, found: list[Quantity], sent: Span) -> list[Quantity]:
    """"..., killing one", "One victim died": a bare "one" counts nothing the number finder
    can trust ("one of the", "no one", "one day"), but as the object of a killing, or the
    number of the people a toll's verb is about, it is a toll of one."""
    if trigger.pos_ != "VERB" or any(q.value == 1 or q.low == 1 for q in found):
        return []
    people = [c for c in trigger.children if c.dep_ in {"dobj", "nsubj", "nsubjpass"}]
    for token in people + [n for p in people if p.pos_ == "NOUN" for n in p.children if n.dep_ == "nummod"]:
        if token.lower_ != "one" or any(c.dep_ in {"det", "prep", "neg"} for c in token.children):
            continue
        return [Quantity(text=token.text, value=1, of=casualty_word(token) or CASUALTY_OF.get(trigger.lemma_.lower()),
                         start=token.idx - sent.start_char, end=token.idx - sent.start_char + len(token.text))]
    return []


def _tells_their_death(toll: Token, verb: Token, counted: Token) -> bool:
    """Whether ``toll`` says the people ``verb`` hit died or were hurt: "was shot and killed"
    (one passive subject for both), "shot to death one person". Not "shot three people,
    killing one": that toll counts its own."""
    passive_pair = toll.dep_ == "conj" and toll.head.i == verb.i and counted.dep_ == "nsubjpass"
    manner = toll.dep_ == "pobj" and toll.head.dep_ == "prep" and toll.head.head.i == verb.i
    return passive_pair or manner


def casualty_word(node: Token) -> str | None:
    """What a number counts: "three crew members were killed and two others injured" gives
    killed for three and injured for two (the nearest casualty word above the number); a word
    right after it says first ("left 14 people dead and more than 20 wounded": the parse may
    hang "wounded" elsewhere and "20" on "dead")."""
    after = written_after(node)
    if after is not None:
        return after
    for _ in range(6):
        found = CASUALTY_OF.get(node.lemma_.lower()) or CASUALTY_OF.get(node.lower_)
        if found:
            return found
        for child in node.children:  # "two others seriously injured": the participle hangs below
            if child.dep_ in {"acl", "amod", "acomp", "oprd"} \
                    and (CASUALTY_OF.get(child.lower_) or CASUALTY_OF.get(child.lemma_.lower())):
                return CASUALTY_OF.get(child.lower_) or CASUALTY_OF.get(child.lemma_.lower())
        if node.head.i == node.i:
            return None
        node = node.head
    return None


def written_after(number: Token) -> str | None:
    """The casualty word written just after a number, or after the people it counts ("20
    wounded", "14 people dead"), whatever the parse made of them."""
    doc = number.doc
    for k in (1, 2):
        if number.i + k >= len(doc):
            return None
        word = doc[number.i + k]
        found = CASUALTY_OF.get(word.lower_) or CASUALTY_OF.get(word.lemma_.lower()) \
            if word.pos_ in {"ADJ", "VERB"} else None
        if found:
            return found
        if word.pos_ not in {"NOUN", "PROPN"}:
            return None
    return None


def _one_done_one_denied(a: Candidate, b: Candidate) -> bool:
    """"had only fired back and had not used drones": two verbs joined, one done and one said not
    done, are two claims (unlike "the strike did not kill anyone", told of the strike itself)."""
    return a.att.polarity != b.att.polarity and any(b.trigger.i == t.i for t in a.trigger.conjuncts)


def _different_actors(a: Candidate, b: Candidate) -> bool:
    """"Libyan forces are bombing the airstrip captured by Chadian troops": two sides, two happenings."""
    left, right = {e.id for e in a.roles["actor"]}, {e.id for e in b.roles["actor"]}
    return bool(left and right and not left & right)


def _one_hit_the_other_s_doer(a: Candidate, b: Candidate) -> bool:
    """"Mateen, who took the lives of 49, was killed by police": the doer of one is the victim of
    the other, so they are two happenings."""
    def ids(c: Candidate, role: str) -> set[str]:
        return {e.id for e in c.roles[role]}
    return bool(ids(a, "actor") & ids(b, "target") or ids(b, "actor") & ids(a, "target"))


def _losses_of_different_nations(a: Candidate, b: Candidate) -> bool:
    """"438 Libyans were taken prisoner, while 29 Chadian soldiers were killed": each side's
    losses, two tolls (one inflicted by each side)."""
    def nations(c: Candidate) -> set[str]:
        return {e.id for e in c.roles["target"] if e.type == "NORP" or is_country(e)}
    left, right = nations(a), nations(b)
    return a.type == "CASUALTY" and bool(left and right and not left & right)


def _nouns_of_different_places(a: Candidate, b: Candidate) -> bool:
    """"the death toll in Kalva rose to 23 and the toll in Dorn to 40": two happening nouns,
    each placed by its own phrase where the other is not, are two happenings."""
    if a.trigger.pos_ != "NOUN" or b.trigger.pos_ != "NOUN" or a.trigger.i == b.trigger.i:
        return False
    for own in (own_places, own_dates):
        here, there = own(a.trigger), own(b.trigger)
        if here and there and not here & there:
            return True
    return False


# claim types whose numbers count a happening's victims: another claim of that happening in the
# same clause (the attack that caused them) says enough with them
TOLL_TYPES = frozenset({"CASUALTY"})


def _restates(noun: Candidate, other: Candidate) -> bool:
    """"tried to blow up a bridge in what officials say was the group's first attack in the
    city": a noun trigger whose every filler the sentence's other claim of its type already
    has names that happening again, not a second one."""
    if noun.trigger.pos_ != "NOUN" or not noun.roles.any() or other.trigger.sent.start != noun.trigger.sent.start:
        return False
    return all(any(_same_or_within(o, e) for o in other.roles[role]) for role, es in noun.roles.items() for e in es)


def same_clause(a: Candidate, b: Candidate) -> bool:
    ha, hb = clause_head(a.trigger), clause_head(b.trigger)
    if ha.i == hb.i:
        return True
    for x, y in ((ha, hb), (hb, ha)):
        node = y
        for _ in range(3):
            if node.head.i == node.i or node.i in a.att.report_nodes | b.att.report_nodes:
                break
            node = node.head
            if node.i == x.i:
                return True
    return False


def told_meanwhile(trigger: Token) -> int:
    """The index of the meanwhile clause (``meanwhile_clause``) the trigger is told in, -1
    when it is in none: "while Obama offered condolences for the attack in which an Islamist
    killed an officer" tells the attack and the killing in one such clause. A relative clause
    telling what the object of a deed did ("killed three gunmen who had opened fire on troops")
    is such a clause too: the victims' own deed, with its own doer and target; and so is the
    deed a reprisal pays back ("struck Hezbollah positions in retaliation for a rocket attack
    on Metula": the rocket attack came before, by others)."""
    for node in [trigger, *trigger.ancestors]:
        if meanwhile_clause(node) or the_object_s_own_deed(node) or pays_back(node):
            return node.i
    return -1


def repaid(trigger: Token) -> bool:
    """"struck in response to last Monday's attack", "in retaliation for the raid": the deed a
    reprisal repays, named to say why; its date dates nothing told after it (a group that
    "did respond to Sunday's strike" only answered it)."""
    return any(pays_back(n) and n.head.lemma_.lower() != "respond" for n in trigger.ancestors)


def the_object_s_own_deed(verb: Token) -> bool:
    """"(killed three gunmen) who had opened fire on troops": a relative clause whose subject
    is the relative pronoun, on the victim of a killing or an attack."""
    return verb.dep_ == "relcl" and verb.head.dep_ in {"dobj", "obj"} \
        and verb.head.head.lemma_.lower() in HARMING_VERBS \
        and any(c.dep_ == "nsubj" and c.lower_ in {"who", "which", "that"} for c in verb.children)


HARMING_VERBS = load_lexicon().types["ATTACK"].verbs | load_lexicon().types["ATTACK"].agent_verbs \
    | load_lexicon().types["CASUALTY"].verbs


def sizes_each_item(span: Span, text: str) -> bool:
    """"2,000-pound bombs", "a 500-kg bomb": a measure joined to its number by a hyphen and
    standing before a noun says the size of each thing the noun names."""
    root = span.root
    return "-" in text and root.dep_ in {"compound", "amod", "nmod"} and root.head.i > root.i \
        and root.head.pos_ == "NOUN" and span.end <= root.head.i + 1 and not is_measure(root.head)


def places_by_distance(measure: Span) -> bool:
    """"about 30 km from the border", "110 kilometres (68 miles) southwest of Baghdad": a
    distance that says where a place lies (not "12 from the same family", a count)."""
    if not any(t.lower_ in DISTANCE_UNITS for t in measure):
        return False
    doc, i = measure.doc, measure.end
    if i < len(doc) and doc[i].text == "(":  # the same distance in other units
        i = next((t.i + 1 for t in doc[i:] if t.text == ")"), len(doc))
    after = [t.lower_ for t in doc[i:i + 2]]
    return bool(after) and (after[0] in {"from", "outside", "off"} or after == ["away", "from"]
                            or after[0] in COMPASS_WORDS and after[1:] == ["of"])


# what a denial can take back when it names the claim told before it: happenings, not words
DENIABLE_TYPES = frozenset({"ATTACK", "CASUALTY", "TRANSFER", "DEPLOY", "SANCTION", "MEET"})
TOLD_REACH = 2  # sentences back a denial's "the claim" may reach
ACCUSATION_REACH = 4  # sentences back "rejected the accusation" may reach for the accusation


def deny_what_was_told(claims: list[Claim], denials: dict[str, str],
                       clauses: Mapping[str, set[str]] = MappingProxyType({})) -> list[Claim]:
    """"The rebels said they had taken the town, a claim the army denied", "Russia said it
    had struck a depot. Kyiv denied the report.": the happening, as the denier tells it, did
    not happen (REALNEWS: the denied claim carries polarity denied and the denier as
    source), beside the assertion; the two then disagree."""
    out = []
    for deny in (c for c in claims if c.id in denials and c.source is not None):
        for told in told_claims(claims, deny, denials[deny.id]):
            if deny.id in clauses and told.id not in clauses[deny.id]:
                continue  # told in another clause than the one denied
            out.append(replace(
                told, id="cl-" + content_hash(f"{deny.id}:{told.id}"), polarity="denied", source=deny.source,
                via=[], modality="reported", text=deny.text, start=deny.start, end=deny.end,
                sentence=deny.sentence, confidence=min(told.confidence, deny.confidence)))
    return out


def told_claims(claims: list[Claim], deny: Claim, where: str) -> list[Claim]:
    """The asserted happenings a denial takes back: those of its sentence (``where`` "here"),
    or of the nearest sentence before it that tells some ("before")."""
    def deniable(c: Claim) -> bool:
        return c.type in DENIABLE_TYPES and c.polarity == "asserted" and c.source != deny.source \
            and c.modality != "planned" and c.document_id == deny.document_id
    if where == "here":
        return [c for c in claims if c.sentence == deny.sentence and deniable(c)]
    if where == "accused":  # the sentence of the accusation it answers, not whatever came last
        accused = max((c.sentence for c in claims if c.type == "ACCUSE" and c.document_id == deny.document_id
                       and deny.sentence - ACCUSATION_REACH <= c.sentence < deny.sentence), default=None)
        if accused is not None:
            return [c for c in claims if c.sentence == accused and deniable(c)]
    before = [c for c in claims if deny.sentence - TOLD_REACH <= c.sentence < deny.sentence and deniable(c)]
    last = max((c.sentence for c in before), default=None)
    return [c for c in before if c.sentence == last]


def counted_by(c: Candidate, toll: Candidate) -> bool:
    """Whether a toll counts the attack ``c``: it shares a trigger with it, or one of its
    triggers stands in the attack verb's clause (merged tolls keep all their triggers)."""
    if any(x.i == c.trigger.i for x in toll.triggers):
        return True
    if toll_inside(c.trigger, toll):
        return True
    if c.trigger.pos_ == "NOUN" and c.trigger.dep_ == "nsubj" \
            and any(clause_head(x).i == c.trigger.head.i for x in toll.triggers):
        return True  # "an offensive left 30 rebels dead", "an airstrike killed nine": the attack did it
    if c.trigger.pos_ == "NOUN" and c.trigger.dep_ == "nsubj" and c.trigger.head.dep_ == "advcl" \
            and any(x.i == c.trigger.head.head.i for x in toll.triggers):
        return True  # "five were killed when a blast tore through the market": the blast killed them
    verb = c.trigger.pos_ == "VERB"
    return verb and (same_clause(c, toll) or any(clause_head(x).i == c.trigger.i for x in toll.triggers))


def toll_inside(noun: Token, toll: Candidate) -> bool:
    """"one guard died in the night attack", "were killed in a shooting": the attack noun is
    where the toll's victims fell, so the toll says it happened (REALNEWS: a strike and its toll
    are two claims), though the sentence names no one in it. A bare "died in the clash" only
    refers back to the attack told before."""
    prep = noun.head
    # the parser may hang "in the shooting" on the verb above the toll ("paid tribute to the 12
    # people killed at the club, in the worst shooting"): it still tells where they fell
    return noun.pos_ == "NOUN" and noun.dep_ == "pobj" and prep.lower_ == "in" and not is_bare_definite(noun) \
        and any(prep.head.i == x.i or prep.head.is_ancestor(x) and not x.is_ancestor(noun) for x in toll.triggers)


def share_the_toll_s_victims(attack: Candidate, tolls: list[Candidate]) -> None:
    """"two reporters died in a shooting": who died is who the shooting hit, and where."""
    toll = next((t for t in tolls if attack.type == "ATTACK" and toll_inside(attack.trigger, t)), None)
    for role in ("target", "location") if toll is not None else ():
        if not attack.roles[role]:
            for e in toll.roles[role]:
                attack.roles.add(role, e)


def told_inside(a: Candidate, b: Candidate) -> bool:
    """One trigger inside the phrase of the other's noun: "under attack from two boats closing
    in and firing small arms" tells one attack, the firing is how it went."""
    return any(x.trigger.pos_ == "NOUN" and y.trigger.i != x.trigger.i and x.trigger.is_ancestor(y.trigger)
               for x, y in ((a, b), (b, a)))


def generic_you(trigger: Token) -> bool:
    """The happening's subject is "you": a saying or a rule about anyone."""
    subj = subject_of(clause_head(trigger))
    return subj is not None and subj.lower_ == "you"


def _any_such(trigger: Token) -> bool:
    """"any deployment", "any attack", "any troops sent": a happening of the kind, not one that
    took place (a denial of any is still told: "denied any strikes on civilians")."""
    if trigger.tag_ == "VBN" and trigger.dep_ == "acl":
        trigger = trigger.head  # "any Western troops sent to Ukraine would be destroyed": none sent yet
    return trigger.pos_ == "NOUN" and any(c.dep_ == "det" and c.lower_ == "any" for c in trigger.children)


def told_as_a_habit(trigger: Token) -> bool:
    """"in many hijackings, pirates take the crew hostage": a bare plural doing something in the
    simple present is what such people do, no one happening (a headline's present, "Rebels seize
    town", tells news and is left alone)."""
    verb = clause_head(trigger)
    subj = subject_of(verb)
    if verb.tag_ != "VBP" or subj is None or subj.tag_ != "NNS" or verb.idx < verb.doc.user_data.get(HEADLINE_END, 0):
        return False
    if trigger.i != verb.i and (trigger.tag_ != "NNS" or not bare_noun(trigger)
                                or subj.left_edge.i <= trigger.i <= subj.right_edge.i):
        return False  # "leaders suspect a role in the 2019 bombings": those bombings; "raids endanger": the raids told
    return bare_noun(subj) and not any(c.dep_ in {"aux", "auxpass"} for c in verb.children)


def done_by_whoever(trigger: Token) -> bool:
    """"Those who target innocent passengers will be hunted down", "anyone who attacks our
    troops": a present-tense deed that only says whom a threat or a rule is about tells no
    happening ("those who attacked the convoy", in the past, did one)."""
    return trigger.dep_ == "relcl" and trigger.tag_ in {"VBP", "VBZ"} \
        and trigger.head.lower_ in WHOEVER_WORDS


WHOEVER_WORDS = frozenset(grammar()["whoever_words"])


def bidden(trigger: Token) -> bool:
    """"Strike the shepherd and the sheep will scatter", "'Kill them all,' the commander told
    his men": a verb that opens its sentence or a quotation in the imperative bids a deed, it
    tells none done."""
    verb = trigger.head if trigger.dep_ == "conj" and trigger.head.tag_ == "VB" else trigger
    if verb.tag_ != "VB" or verb.doc.user_data.get(HEADLINE_END, 0) > verb.idx \
            or any(c.dep_ in {"nsubj", "nsubjpass", "aux", "auxpass"} for c in verb.children):
        return False
    before = next((t for t in reversed(verb.doc[verb.sent.start:verb.i]) if not t.is_space), None)
    return before is None or before.is_quote and before.text not in {"’", "”", "''"}  # or a quotation's opening


def bare_noun(noun: Token) -> bool:
    """A noun with no determiner, owner or number ("pirates", "many hijackings")."""
    return not any(c.dep_ in {"det", "poss", "nummod"} or c.ent_type_ == "DATE" for c in noun.children)


def judged_in_general(trigger: Token) -> bool:
    """"An attack on a warship is a cause for war", "a strike on the capital would be an act
    of war": an indefinite happening that a present or conditional "be" says what it is of
    (a predicate noun) is any such happening, not one that took place; so is a gerund such a
    verb has as subject ("selling arms to Riyadh is controversial")."""
    verb = trigger.head
    if trigger.tag_ == "VBG" and trigger.dep_ == "csubj":  # not a headline's "Shooting leaves two dead"
        return _said_in_general(verb) and (verb.lemma_ in {"be", "remain", "seem"} or verb.tag_ not in {"VBZ", "VBP"})
    if trigger.pos_ != "NOUN" or trigger.dep_ != "nsubj" or verb.lemma_ != "be" \
            or not any(c.dep_ == "det" and c.lower_ in {"a", "an", "any"} for c in trigger.children) \
            or not any(c.dep_ == "attr" and not _definite(c) for c in verb.children):
        return False  # "a drone strike on the convoy is the latest of many": that one strike
    return _said_in_general(verb)


def _said_in_general(verb: Token) -> bool:
    """A present or conditional verb: it says what any such happening is or would do."""
    modals = {c.lower_ for c in verb.children if c.dep_ == "aux"}
    return verb.tag_ in {"VBZ", "VBP"} or bool(modals & {"would", "could", "might", "will"})


def what_it_would_be(trigger: Token) -> bool:
    """"India delivered 24 howitzers, in what would be the largest shipment of Indian arms":
    the noun after "what would be" only ranks the happening the clause tells; it is no other."""
    verb = trigger.head
    return trigger.pos_ == "NOUN" and trigger.dep_ == "attr" and verb.lemma_ == "be" \
        and any(c.dep_ == "nsubj" and c.lower_ == "what" for c in verb.children)


def planned_back_then(trigger: Token) -> bool:
    """"had been preparing to launch a missile on Thursday morning", "had planned to attack the
    base on Thursday": a plan told in the pluperfect was made before the report, so its day is
    one before it, not the next."""
    verb = clause_head(trigger)
    return verb.dep_ == "xcomp" and any(c.dep_ == "aux" and c.lower_ in {"had", "'d"} for c in verb.head.children)


def what_it_is_deemed(trigger: Token, lex: Lexicon) -> bool:
    """"any attack on Bukavu would be treated as an attack on Burundi", "regarded as an act of
    war": the noun after "as" says what a deed would count as, not another deed."""
    prep = trigger.head
    return trigger.pos_ == "NOUN" and trigger.dep_ == "pobj" and prep.lower_ == "as" \
        and prep.head.lemma_.lower() in lex.words("deeming_verbs")


def _definite(noun: Token) -> bool:
    return any(c.dep_ in {"det", "poss"} and c.lower_ not in {"a", "an", "any"} for c in noun.children) \
        or noun.tag_ in {"JJS", "NNP", "PRP"}


def ordered_apart(a: Token, b: Token) -> bool:
    """"after talks with the chancellor ahead of her visit": one trigger inside a phrase that
    puts its happening before or after the rest of the clause is another happening."""
    ordering = grammar()["ordering_preps"]
    for inner, other in ((a, b), (b, a)):
        prep = inner.head if inner.dep_ == "pobj" else None
        if prep is not None and prep.lower_ in {"of", "to"} and prep.dep_ == "prep" and prep.head.lower_ in ordering:
            prep = prep.head  # "ahead of", "prior to"
        if prep is not None and prep.lower_ in ordering and not prep.left_edge.i <= other.i <= prep.right_edge.i:
            return True
        if _other_doer_s_clause_ordered(inner, other, ordering):
            return True
    return False


def _other_doer_s_clause_ordered(inner: Token, other: Token, ordering) -> bool:
    """"a gunman killed five people before a policeman killed the gunman": a clause with its own
    subject that "before", "after" or "since" puts beside the rest tells a second happening (without a
    subject, "killed two guards before burning the depot", the doer goes on with the same one)."""
    head = clause_head(inner)
    if head.dep_ != "advcl" or head.left_edge.i <= other.i <= head.right_edge.i:
        return False
    # ("launched an offensive on Monday ... since government forces retook the town in 2023")
    ordered = any(c.dep_ == "mark" and (c.lower_ in ordering or c.lower_ == "since") for c in head.children)
    return ordered and any(c.dep_ in {"nsubj", "nsubjpass"} for c in head.children)


def _inside_fronted_content(span: Span, verb: Token, trigger: Token) -> bool:
    """"Shells hit the camp last Thursday, the UN said on Sunday": a time the parser hangs on
    the reporting verb but written inside the content before it, after the trigger, is the
    happening's."""
    subj = subject_of(verb)
    return subj is not None and trigger.i < span.start and span.end <= subj.left_edge.i < verb.i


def _before_a_present_report(span: Span, verb: Token) -> bool:
    """"In Atlanta on Tuesday, police say a man shot ...": "say" is now, so a day written
    before it is the day of what they say happened."""
    return span.end <= verb.i and verb.tag_ in {"VBZ", "VBP"} \
        and not any(c.dep_ == "aux" and c.tag_ in {"VBD", "VBZ", "VBP"} for c in verb.children)


def before_the_report(trigger: Token) -> bool:
    """"Chad said yesterday its troops had captured the outpost": the past perfect puts the
    happening before the saying, so the day of the saying bounds it (no later than that day)
    and is not its day."""
    verb = clause_head(trigger)
    return any(c.dep_ == "aux" and c.lemma_ == "have" and c.tag_ == "VBD" for c in verb.children)


def topic_of_remark(trigger: Token, verb: Token) -> bool:
    """"spoke out Tuesday about the death of Terence Crutcher": the death is what the remark
    is about, not something the remark reports happened that day."""
    return trigger.dep_ == "pobj" and trigger.head.lower_ in grammar()["topic_preps"] \
        and trigger.head.head.i == verb.i


def under_what_is_told(trigger: Token, verb: Token) -> bool:
    """"announced on Friday the arrest of a man in the fatal shooting": what the report
    tells is the arrest; a happening noun hung below what it tells is only what that is
    about, and the day of the report is not its day."""
    node = trigger
    while node.head.i != node.i and node.head.i != verb.i:
        node = node.head
        if node.pos_ in {"NOUN", "PROPN"} and node.dep_ in {"dobj", "obj", "pobj", "nsubjpass", "nsubj"} \
                and node.head.i == verb.i:
            return True
    return False


def names_an_occasion(span: Span, occasions: frozenset[str]) -> bool:
    """"an office Christmas party", "a New Year's Eve dinner": a time word that only says what
    kind of occasion a thing was dates nothing."""
    root = span.root
    return root.dep_ == "compound" and root.head.lemma_.lower() in occasions


def a_stretch_of_something(span: Span) -> bool:
    """"in the last year of her term", "the final months of the war": a stretch of a
    thing named after "of" is counted in that thing, not back from the day of the article
    ("over the past week of fighting", "the last week of March" still are, and so is "the
    storming on Sunday of the rebel camp")."""
    if span.root.lemma_.lower() not in TIME_UNIT_NOUNS:
        return False
    for prep in span.root.children:
        if prep.dep_ != "prep" or prep.lower_ != "of" or prep.i < span.end:
            continue
        for thing in prep.children:
            if thing.dep_ == "pobj" and thing.ent_type_ not in {"DATE", "TIME"} \
                    and thing.lemma_.lower() not in TIME_UNIT_NOUNS \
                    and any(c.dep_ in {"poss", "det"} for c in thing.children):
                return True
    return False


SPEAKING_OF_IT = frozenset({"CONDEMN", "ACCUSE"})  # speech acts whose object is a happening


def drop_own_outlet_from_via(claims: list[Claim], entities: dict[str, Entity], outlet: str | None) -> None:
    """"a health official told Reuters" in a Reuters story: the official is the source and
    Reuters the outlet publishing it, not an intermediary between the two (REALNEWS: via is who
    relays the source to the article). And what the outlet's own people saw or were told
    ("a Reuters witness said", "the Saba correspondent said", "the BBC has learned") is the
    article's own word: no source (REALNEWS: null when its reporter or outlet states it)."""
    own = outlet_key(outlet)
    if not own:
        return
    staff = own_staff_pattern(own)
    for claim in claims:
        if claim.via:
            claim.via = [v for v in claim.via
                         if v not in entities or own not in {outlet_key(n) for n in names_of(entities[v])}]
        source = entities.get(claim.source) if claim.source else None
        if source is not None and staff.search(claim.text) \
                and any(outlet_key(n).startswith(own) for n in names_of(source)):
            claim.source = None
            if claim.modality == "reported":
                claim.modality = "fact"


def own_staff_pattern(own: str) -> re.Pattern:
    """"Reuters reporter", "Al Masirah's correspondent", "the BBC has learned"."""
    staff = "|".join(sorted(grammar()["outlet_staff"], key=len, reverse=True))
    return re.compile(rf"\b{re.escape(own)}(?:'s|’s)?\s+(?:(?:{staff})s?\b|(?:has|have)\s+learn(?:ed|t)\b)",
                      re.IGNORECASE)


def outlet_key(name: str | None) -> str:
    """"The Associated Press" and "associated press" are one outlet."""
    key = (name or "").strip().lower()
    return key[4:] if key.startswith("the ") else key


def counts_within(span: Span) -> bool:
    """"in the first such attack this month", "the ninth air raid this year", "was the 31st in
    the last nine months": a stretch of time that an ordinal counts happenings in, not the
    time of the one told."""
    node = time_attachment(span)
    if node is None:
        return False
    if node.lemma_ == "be":  # "the attack was the 31st in ...": the rank is what the copula says
        return any(c.dep_ == "attr" and is_ordinal(c) for c in node.children)
    return is_ordinal(node) or node.pos_ == "NOUN" and any(
        c.dep_ == "amod" and (is_ordinal(c) or c.lower_ == "latest") for c in node.children)


def is_ordinal(token: Token) -> bool:
    return token.ent_type_ == "ORDINAL" or token.lower_ in {"first", "second", "third"} \
        or bool(re.fullmatch(r"\d+(st|nd|rd|th)", token.lower_))


def is_clock_time(span: Span) -> bool:
    """"(2130 GMT)", "0200 gmt": a 24-hour clock, not the year 2130."""
    doc = span.doc
    after = doc[span.end] if span.end < len(doc) else None
    words = [t.lower_ for t in span] + ([after.lower_] if after is not None else [])
    return bool(re.fullmatch(r"[012]\d[0-5]\d", span[0].text)) and any(w in CLOCK_ZONES for w in words[1:])


CLOCK_ZONES = {"gmt", "utc", "z", "hrs", "hours", "local"}


WHEN_MARKS = frozenset({"when", "as", "while"})


def past_a_description(node: Token) -> Token:
    """"an attack on vessels transiting the Gulf on Friday": a present participle on a
    noun holds while the clause around it does, so its time is the noun's clause's; so does
    an infinitive it takes ("attacked families waiting to cross the river on Monday", however
    the parser hung the participle)."""
    if node.dep_ == "xcomp" and node.head.tag_ == "VBG" and node.head.dep_ in {"acl", "advcl", "xcomp"} \
            and any(c.dep_ == "aux" and c.lower_ == "to" for c in node.children):
        return node.head.head
    return node.head if node.dep_ == "acl" and node.tag_ == "VBG" else node


def tells_a_harm(c: Candidate, emitted: list[Claim]) -> bool:
    """An attack told as having happened, or a toll, even one denied ("nobody was hurt when
    gunmen entered"): what a "There were no casualties" just after it answers."""
    told = [claim for claim in emitted if claim.modality != "planned"]
    return c.type == "ATTACK" and any(claim.polarity == "asserted" for claim in told) \
        or c.type == "CASUALTY" and bool(told)


def none_harmed(trigger: Token) -> bool:
    """"There were no casualties", "nobody was hurt", "no one was injured": the harm is denied
    by a word for no one, not by a speaker's doubt ("I can't speak for the first death")."""
    return any(c.dep_ == "det" and c.lower_ == "no" for c in trigger.children) or no_one_does(clause_head(trigger))


def names_another_happening(trigger: Token) -> bool:
    """"a similar raid", "another attack": not the happening told just before."""
    return any(c.dep_ in {"amod", "det"} and c.lower_ in grammar()["other_happening_words"]
               for c in trigger.children)


def past_a_thing(node: Token, trigger_nouns) -> Token:
    """"carried out a raid in the same area on Friday", "walked in with a shotgun on Monday":
    a place or a weapon has no date, what happened there or with it has (a happening noun
    keeps its own: "in the attack on Monday")."""
    prep = node.head
    if node.pos_ in {"NOUN", "PROPN"} and node.dep_ == "pobj" and prep.lower_ in grammar()["scene_preps"] \
            and prep.head.pos_ == "VERB" and (node.lemma_.lower(), "NOUN") not in trigger_nouns:
        return prep.head
    return node


def describes_a_noun(trigger: Token) -> bool:
    """"the airstrip captured by Chadian troops on March 22", "a man who was fired last
    week": a participle or a who/which clause hung on a noun. Not a clause hung on a date
    ("since February 9, when troops stormed the camp": it says when), nor a "that" clause,
    which may be what a noun says ("a briefing that Russia had launched missiles")."""
    for node in path_to_root(trigger):
        if node.dep_ in {"acl", "relcl"}:
            if node.head.ent_type_ in {"DATE", "TIME"} or node.head.pos_ not in {"NOUN", "PROPN", "PRON"}:
                return False
            relative = any(t.lower_ in WH_RELATIVES for t in node.subtree if t.i < node.i)
            return node.dep_ == "acl" and node.tag_ in {"VBN", "VBG"} or node.dep_ == "relcl" and relative
    return False


WH_RELATIVES = frozenset({"who", "whom", "whose", "which"})
YEAR_OR_DECADE = re.compile(r"(?:early |mid-?|late )?'?\d{2,4}'?s?")


def a_landmark(trigger: Token) -> bool:
    """"the deadliest day since March 2, when rebels overran the garrison": a happening told
    to say from when a comparison counts is an earlier one, dated by its own clause; it is not
    the happening the story goes on about, so its date dates no claim before or after it."""
    for node in path_to_root(trigger):
        if node.dep_ == "relcl":
            date = node.head
            return date.ent_type_ == "DATE" and date.dep_ == "pobj" and date.head.lower_ == "since"
        if node.dep_ == "advcl" and any(c.dep_ == "mark" and c.lower_ == "since" for c in node.children):
            return True  # "the largest operation since government forces retook the town in late 2023"
    return False


def below_a_topic_noun(path: list[Token], topic_nouns: frozenset[str]) -> int:
    """"her comments Tuesday on the shooting death of the driver", "a protest Tuesday of his
    death": a happening noun that is what a remark or a protest is about happened before it,
    so the time on that noun is not its time. How much of the trigger's path to the root
    lies below such a noun (all of it when there is none)."""
    for k, (node, head) in enumerate(zip(path, path[1:])):
        if node.dep_ == "pobj" and head.lower_ in grammar()["topic_preps"] and k + 2 < len(path) \
                and path[k + 2].pos_ == "NOUN" and path[k + 2].lemma_.lower() in topic_nouns:
            return k + 1
    return len(path)


def fold_threatened_deeds(cands: list[Candidate], lex: Lexicon) -> list[Candidate]:
    """"threatened to kill Rep. Omar", "threatening to assault and murder an official": the deed
    a threat names has not happened (REALNEWS: at most an optional planned claim); the threat's
    own claim says whom it is aimed at."""
    threats = {c.trigger.i: c for c in cands if c.type == "THREATEN"}
    kept = []
    for c in cands:
        verb = threatening_verb(c.trigger, lex) if c.type in {"ATTACK", "CASUALTY"} else None
        threat = threats.get(verb.i) if verb is not None else None
        if threat is None:
            kept.append(c)
        elif not threat.roles["target"]:
            for victim in c.roles["target"]:
                threat.roles.add("target", victim)
    return kept


def threatening_verb(deed: Token, lex: Lexicon) -> Token | None:
    """The verb that threatens ``deed``: "threatened to kill", "threatening to assault and
    murder" (the parser may read "to assault" as a preposition and its object)."""
    while deed.dep_ == "conj":
        deed = deed.head
    if deed.pos_ == "NOUN" and deed.dep_ in {"dobj", "obj"} and deed.head.lemma_.lower() in LIGHT_VERBS:
        deed = deed.head  # "threatened to launch a new offensive against Kurdish fighters"
    verbs = lex.types["THREATEN"].verbs
    if deed.dep_ == "xcomp" and deed.head.lemma_.lower() in verbs:
        return deed.head
    if deed.dep_ == "pobj" and deed.head.lower_ == "to" and deed.head.head.lemma_.lower() in verbs:
        return deed.head.head
    return None


def below_a_charge(path: list[Token], charge_verbs: frozenset[str]) -> int:
    """"convicted a gang member today of murdering a deputy in June 2005", "went on trial
    Wednesday for killing a mother": the day of the verdict, arrest or trial is not the day of
    the deed charged, so a time on the charging verb does not date the gerund below it. How
    much of the trigger's path to the root lies below the charge (all of it when there is none)."""
    for k, (deed, prep) in enumerate(zip(path, path[1:])):
        if deed.dep_ != "pcomp" or deed.tag_ != "VBG" or prep.lower_ not in {"of", "for", "with"} \
                or k + 2 >= len(path):
            continue
        charging = path[k + 2]
        if charging.dep_ in {"dobj", "obj", "nsubjpass"} and k + 3 < len(path):
            charging = path[k + 3]  # "convicted a gang member of murdering": "of" hung on the member
        if charging.lemma_.lower() in charge_verbs or on_trial(charging):
            return k + 2
    return len(path)


def now_under_then(path: list[Token]) -> int:
    """"did not enforce it in the early hours of Friday, even as the city remains under a
    state of emergency and patrolled by troops": a clause in the present tense under one in
    the past says how things are now, so the past clause's time is not its time. How much of
    the trigger's path to the root is that present clause (all of it when there is none)."""
    for k, (node, head) in enumerate(zip(path, path[1:])):
        if node.dep_ in {"advcl", "conj", "ccomp"} and _present_tense(node) and _past_tense(head):
            return k + 1
    return len(path)


def _present_tense(verb: Token) -> bool:
    auxes = [c for c in verb.children if c.dep_ in {"aux", "auxpass"}]
    if auxes:  # "has taken" tells a past happening, "is patrolling" a present one
        return auxes[0].tag_ in {"VBZ", "VBP"} and auxes[0].lemma_ != "have"
    return verb.tag_ in {"VBZ", "VBP"}


def since_then(verb: Token) -> bool:
    """"have been killed since then": from the time just told up to now."""
    return any(c.dep_ == "prep" and c.lower_ == "since" and any(g.lower_ == "then" for g in c.children)
               for c in verb.children)


def at_the_time_just_told(verb: Token) -> bool:
    """"Repeated bombings then cost the firm 50,000 barrels", "the gunman then fled": a bare
    "then" on the clause's verb goes on from the time the story just told ("since then",
    "until then" and "by then" hang "then" on a preposition: another time)."""
    return any(c.dep_ == "advmod" and c.lower_ == "then" for c in verb.children)


def said_in_the_reporting_present(trigger: Token) -> bool:
    """"Lee says the army lied", "Kim denies any role": the news tells a speech act in the
    present simple when it was made the day of the report. The act's own verb, heading its
    sentence and outside a quotation ("'we condemn it,' she said" was said whenever she said
    it); "has denied" and "is accusing" tell no day (they span one up to now)."""
    return trigger.pos_ in {"VERB", "AUX"} and trigger.tag_ in {"VBZ", "VBP"} and trigger.dep_ == "ROOT" \
        and not any(c.dep_ in {"aux", "auxpass"} for c in trigger.children) and not inside_quotation(trigger)


def _past_tense(verb: Token) -> bool:
    return verb.tag_ == "VBD" or any(c.dep_ in {"aux", "auxpass"} and c.tag_ == "VBD" for c in verb.children)


def subject_of_a_while(node: Token, path: list[Token]) -> bool:
    """"Today's attack came as troops deployed at railway stations": the happening whose
    time is written on the subject of a clause holds while the when/as/while clause under
    that clause does, so the subject's time dates the claim told in it."""
    if node.dep_ not in {"nsubj", "nsubjpass"} or node.pos_ != "NOUN":
        return False
    return any(clause.dep_ == "advcl" and clause.head.i == node.head.i
               and any(c.dep_ in {"mark", "advmod"} and c.lower_ in WHEN_MARKS for c in clause.children)
               for clause in path)


def while_they_were(node: Token, event_nodes: set[int]) -> bool:
    """"killed 63 villagers who were celebrating a festival late on Monday": people hit while
    they were doing something were hit when they did it, so the time of what they were doing
    dates the claim."""
    for _ in range(6):
        if node.dep_ == "relcl" and node.tag_ == "VBG" and node.head.head.i in event_nodes \
                and any(c.dep_ == "aux" and c.lemma_ == "be" for c in node.children):
            return True
        if node.head.i == node.i:
            return False
        node = node.head
    return False


def in_when_clause(node: Token, event_nodes: set[int]) -> bool:
    """"When Friday's violence had concluded, a cashier was dead": a clause that says
    when the claim's own clause holds dates it."""
    for _ in range(8):
        if node.dep_ == "advcl" and node.head.i in event_nodes:
            return any(c.dep_ in {"mark", "advmod"} and c.lower_ in WHEN_MARKS for c in node.children)
        if node.head.i == node.i:
            return False
        node = node.head
    return False


def counted_noun(number: Span) -> Token:
    """The noun a number counts ("three missiles": missiles), or the number itself."""
    return number.root.head if number.root.dep_ in {"nummod", "quantmod"} else number.root


def is_question(sent: Span) -> bool:
    """A sentence that asks ("Would it make them less committed to kill Americans?")."""
    last = next((t for t in reversed(sent) if not t.is_space and t.text not in {'"', "”", "’", "'"}), None)
    return last is not None and last.text == "?"


def presupposed(trigger: Token) -> bool:
    """Inside a clause that describes a noun ("the attacks that left four dead"), or a noun
    named as known ("the attacks"): what a question takes for granted."""
    if trigger.pos_ == "NOUN" and any(c.dep_ == "det" and c.lower_ in {"the", "this", "that", "these", "those"}
                                      for c in trigger.children):
        return True
    return in_relative_clause(trigger)


def a_time_offset(span: Span) -> bool:
    """"eight days after the designation", "two weeks later", "a year ago": a stretch of time
    that places the happening, not a quantity of it."""
    doc = span.doc
    after = doc[span.end] if span.end < len(doc) else None
    return after is not None and after.lower_ in TIME_OFFSET_WORDS


TIME_OFFSET_WORDS = frozenset(grammar()["time_offset_words"])


def names_a_unit(number: Token) -> bool:
    """"the 444 Brigade", "111 Brigade": a number written into an armed unit's name, the
    capitalised noun it stands before (not "400 soldiers" or "two army helicopters")."""
    unit = number.head
    return number.dep_ in {"nummod", "compound"} and unit.i == number.i + 1 and unit.is_title \
        and unit.lemma_.lower() in ARMED_BODY_NOUNS


def in_relative_clause(token: Token) -> bool:
    node = token
    while node.head.i != node.i:
        if node.dep_ in {"relcl", "acl"}:
            return True
        node = node.head
    return False


def opens_a_when_clause(span: Span, event_nodes: set[int]) -> bool:
    """"since last June when extremists stabbed a guard", "on Sunday, when troops shelled the
    town": a date the claim's "when" clause follows is the date of that clause, however the
    parse hung the clause."""
    doc = span.doc
    nxt = span.end + (span.end < len(doc) and doc[span.end].is_punct and doc[span.end].lower_ == ",")
    return nxt < len(doc) and doc[nxt].lower_ == "when" and doc[nxt].head.i in event_nodes


def _next_to(a: TimeSpan, b: TimeSpan) -> bool:
    """The later of two stretches starts at most a day after the earlier one ends."""
    early, late = sorted((a, b), key=lambda t: t.start)
    return (dt.date.fromisoformat(late.start) - dt.date.fromisoformat(early.end)).days <= 1


def join_coordinated_times(times: list[TimeSpan], spans: list[tuple[Span, TimeSpan]]) -> None:
    """"bombed two hamlets last Tuesday and Wednesday": days joined by "and" are one stretch
    of time, not two happenings ("on Monday and again on Wednesday" stays two)."""
    for (left, first), (right, second) in zip(spans, spans[1:]):
        between = [t.lower_ for t in left.doc[left.end:right.start]]
        if between not in (["and"], [",", "and"], ["or"]) or first not in times or second not in times:
            continue
        if not (first.start and second.start and first.end and second.end) or not _next_to(first, second):
            continue  # "in May 2019 and May 2020", "on the 28th and the 3rd" are two happenings
        joined = TimeSpan(min(first.start, second.start), max(first.end, second.end),
                          left.doc[left.start:right.end].text, "event")
        times[times.index(first)] = joined
        times.remove(second)


def narrowest(times: list[TimeSpan]) -> list[TimeSpan]:
    """"today ... this year": a time that holds another of the same claim says less; keep the inner one."""
    def holds(a: TimeSpan, b: TimeSpan) -> bool:
        return a is not b and bool(a.start and a.end and b.start and b.end) and a.start <= b.start \
            and b.end <= a.end and (a.start, a.end) != (b.start, b.end)
    return [t for t in times if not any(holds(t, other) for other in times)]


CLAUSAL_DEPS = {"relcl", "ccomp", "advcl", "xcomp", "csubj", "acl", "parataxis"}
ENACTING_PARTICIPLES = frozenset(grammar()["enacting_participles"])
OCCURRING_VERBS = frozenset(grammar()["occurring_verbs"])


def _in_trigger_phrase(node: Token, trigger: Token) -> bool:
    """A time inside the trigger's own phrase ("killed 150 people in raids last Monday"),
    not in a clause of its own below it, nor in a phrase that orders another happening after
    or before it ("talks ahead of her visit next week")."""
    if node.dep_ == "relcl" and node.lemma_.lower() in OCCURRING_VERBS and _of_the_happening(node.head, trigger):
        return True  # "the attack, which happened on Monday", "a patrol mission, which began in May"
    while node.i != trigger.i:
        if node.dep_ == "acl" and node.head.i == trigger.i and node.tag_ == "VBN" \
                and node.lemma_.lower() in ENACTING_PARTICIPLES:
            return True  # "the deal signed last year": the deal's own date
        if node.head.i == node.i or node.dep_ in CLAUSAL_DEPS or orders_another_happening(node) \
                or node.dep_ == "conj" and node.pos_ == "NOUN" and node.head.i == trigger.i:
            return False  # "the bombing in 1996 and the attacks of Sept. 11": the attacks' own date
        node = node.head
    return True


def _a_deed_told_below(node: Token, act: Token) -> bool:
    """"accused Kyiv of attacking the plant on Saturday": a time on a deed the speech act tells
    of dates the deed, not the accusation ("accused Kyiv on Tuesday of ..." dates the act; a
    time on a verb above the act, "said on Sunday that it denied ...", is the saying's, which the
    act takes from the saying, not from the deed)."""
    while node.i != act.i and node.head.i != node.i:
        if node.pos_ == "VERB":
            return True
        node = node.head
    return False


def _of_the_happening(noun: Token, trigger: Token) -> bool:
    """Whether a relative clause of occurring hung on ``noun`` tells of the trigger's happening:
    the trigger noun, the noun it names the kind of ("a patrol mission"), or a noun of its
    phrase the parser hung the clause on instead ("the attack on the depot, which happened")."""
    for _ in range(3):
        if noun.i == trigger.i or trigger.dep_ == "compound" and noun.i == trigger.head.i:
            return True
        if noun.dep_ != "pobj":
            return False
        noun = noun.head.head
    return False


def orders_another_happening(prep: Token) -> bool:
    """"ahead of her visit", "after the talks"; not "before dawn", "after midnight"."""
    if prep.lower_ not in grammar()["ordering_preps"]:
        return False
    objects = [t for c in prep.children for t in ([c] if c.dep_ == "pobj" else
                                                  [g for g in c.children if g.dep_ == "pobj"])]
    return any(o.ent_type_ not in {"DATE", "TIME"} and o.lemma_.lower() not in grammar()["day_part_nouns"]
               for o in objects)


def unclaimed_happening(c: Candidate, sent: Span, s_index: int, document: Document) -> Claim:
    """A happening too barely named to claim anything, kept only for the date it gives."""
    time = narrowest(c.times)[0]
    return Claim(id=f"unclaimed-{s_index}-{c.trigger.i}", document_id=document.id, type=c.type, text=sent.text,
                 start=sent.start_char, end=sent.end_char, modality=c.att.modality, sentence=s_index,
                 time=TimeSpan(time.start, time.end, time.text, "event"), trigger=c.trigger.text)


def evidence_text(sent: Span, document: Document) -> str:
    """The sentence as the article prints it: the parse may have read a headline recased
    (``analyze.truecase``), letter for letter in the same places."""
    stored = document.text[sent.start_char:sent.end_char]
    parsed = doc_text(sent.doc)[sent.start_char:sent.end_char]  # sent.text, without a Token per word
    # the parse hangs the blank lines after a paragraph on its last sentence: not evidence
    return (stored if stored.lower() == parsed.lower() else parsed).rstrip()


# times counted from the day of speaking ("yesterday", "overnight", "this morning")
DEICTIC_TIME = re.compile(r"^(?:(?:early|late|earlier)\s+)?(?:yesterday|today|tonight|overnight|last\s+night"
                          r"|this\s+(?:morning|afternoon|evening))(?:\s+(?:morning|afternoon|evening|night))?$",
                          re.IGNORECASE)


def up_to_now(span: Span, resolved: TimeSpan, anchor: dt.date | None) -> TimeSpan:
    """"since last July", "so far this year": from then up to the day of the article, not
    the month or year named."""
    before = span.doc[max(0, span.start - 2):span.start]
    words = [t.lower_ for t in before if not t.is_space]
    if anchor is None or not resolved.start or not (words[-1:] == ["since"] or words[-2:] == ["so", "far"]):
        return resolved
    end = anchor.isoformat()
    running = "since" if words[-1:] == ["since"] else "so far"  # kept in the words: a count up to now
    text = f"{running} {resolved.text}" if resolved.text else resolved.text
    return resolved if end < resolved.start else TimeSpan(resolved.start, end, text, resolved.basis)


def deeds_of(clause: Token, depth: int = 3) -> list[Token]:
    """The clause's verb and what its subject is said to try or be bent on ("is trying to
    distract", "is obsessed with undermining"): the verbs an xcomp or a "with"/"on" gerund adds."""
    deeds = [clause]
    for _ in range(depth):
        last = deeds[-1]
        following = next((c for c in last.children if c.dep_ == "xcomp" and c.pos_ == "VERB"), None)
        if following is None:
            following = next((g for p in last.children if p.dep_ == "prep" and p.lower_ in {"with", "on"}
                              for g in p.children if g.dep_ == "pcomp" and g.tag_ == "VBG"), None)
        if following is None:
            break
        deeds.append(following)
    return deeds


def conditions_of(clauses: list[Token]) -> list[Token]:
    """The "if" and "unless" clauses hung on these."""
    return [c for clause in clauses for c in clause.children if c.dep_ == "advcl"
            and any(m.dep_ == "mark" and m.lower_ in {"unless", "if"} for m in c.children)]


def named_subject(clause: Token, mentions: Mentions) -> list[Entity]:
    """The clause's subject when it is a named person, body, place or people, or when what
    such a party owns is ("Trump's flurry of tweets was unhinged"), else nothing."""
    subject = subject_of(clause)
    ent = named_party_or_owner(subject, mentions) if subject is not None else None
    return [ent] if ent is not None else []


def governing_subject(verb: Token) -> Token | None:
    """"A man was charged with murder after opening fire": a gerund with no subject of its
    own is done by the subject of the clause it hangs on, whatever that clause's voice, or by
    the noun a participle clause describes ("a man suspected of shooting")."""
    if verb.tag_ != "VBG" or verb.dep_ not in {"pcomp", "advcl"}:
        return None
    governing = verb.head.head if verb.head.pos_ == "ADP" else verb.head
    if governing.dep_ == "acl" and governing.tag_ == "VBN" and governing.head.pos_ == "NOUN":
        return governing.head  # "a man suspected of shooting three people": the man the clause describes
    return next((c for c in governing.children if c.dep_ in {"nsubj", "nsubjpass"}), None)


def inside_quotation(token: Token) -> bool:
    """Whether a quotation opened before ``token`` in its sentence is still open there."""
    inside = False
    for t in token.sent[:token.i - token.sent.start]:
        if t.text in {"“", "``"}:
            inside = True
        elif t.text in {"”", "''"}:
            inside = False
        elif t.text == '"':
            inside = not inside
    return inside


# the claims a number sizes by counting people, weapons, craft or strikes, never by time
SIZED_BY_COUNTS = frozenset({"ATTACK", "CASUALTY", "DEPLOY", "TRANSFER"})
LOSING_VERBS = load_lexicon().words("losing_verbs")
