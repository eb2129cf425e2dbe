"""The senses of a trigger word: which claim types a word the trigger patterns found stands for here.

The patterns match words, and most trigger words have other senses: "strike" is a blow or a
walkout, "fired" a shot or a dismissal, "hit" an attack, a record high or a hit-and-run,
"meet" a meeting or the criteria, "killed" by troops or by the flu, "the threat of pirates" a
danger rather than a threat made. For each type the lexicon lists a trigger under
(``Lexicon.triggers``), ``TriggerSenses.types_for`` keeps the type only where the sentence
shows that sense: the particle the phrase needs ("blew himself up"), a weapon or armed people
where the type needs one, a place taken, war materiel destroyed, people harmed, and a long run
of other senses and non-events, each check with the example it rules out (a game on a sports
page, a habit, a command, a show's title, a killing only tried, a deed asked for). A few
triggers gain a type: a verbal attack on a person is a condemnation, "shot in the hip" a
casualty too, a warning of the warner's own deed a threat.

The checks run in a fixed order and the first that rules a type out ends its checks: a
verbal attack becomes a condemnation only if no earlier check ruled it out, and some checks
resolve the names they read. They read the trigger's sentence, the mentions and the lexicon
(and, once per article, whether it is a sports page, about strikers, or names explosives);
they fill no roles and attribute nothing. ``claims.ClaimExtractor`` asks ``types_for`` for
each trigger before it fills roles, attribution, times and quantities: apart, the flow of
claims.py reads as one, and the hundred sense checks read and grow in one place.
``disputed_figure``, ``victim_of``, ``denies_the_clause_before``, ``THING_HEADS`` and
``TOLD_PRONOUNS`` serve claims.py too, which imports them from here (this module imports
nothing from claims.py).
"""

from __future__ import annotations

from collections.abc import Set as AbstractSet

from spacy.tokens import Doc, Span, Token

from ..analyze.views import lower_lemmas, lower_words
from ..datafiles import grammar
from ..model import Entity
from ..resolve.quantities import measure_words
from .attribution import (charged_participle, claim_read_as_a_verb, negated_clause, neither_confirmed_nor_denied,
                          price_promised, refused_to_let)
from .lexicon import ClaimType, Lexicon
from .coref import age_of, gives_an_age
from .mentions import (LOCATIVE_PREPS, PLACE_LABELS, PLACE_NOUNS, PRONOUNS, SPOKES_NOUNS, Mentions, is_bare_definite,
                       is_country, phrase_tokens, things_counted, whole_of_part)
from .roles import (ATTACK_NOUNS, CASUALTY_OF, CLASH_VERBS, DISTANCE_UNITS, FIGHT_VERBS, MILITARY_SITES,
                    MUTUAL_FIGHT_NOUNS, PLATFORM_KINDS, SPEECH_ACTS, agent_of, bomb_called_it, clause_head,
                    could_be_people, doer_of, fighters_holding, holder_of_a_place, is_armed_noun, is_fighting_side,
                    it_taken_before, killed_in_a_manner, objects_of, objects_of_the_next_verb, preps_of,
                    restricted_things, subject_and_voice, subject_of, sufferers, trade_stopped_towards,
                    whole_taken_in_part)

# where a deployment puts weapons: "to Belarus", "along the border", "near the front"
STATIONING_PREPS = frozenset({"to", "into", "in", "at", "along", "near", "across", "around", "inside"})
# a play page uses this many different play words (senses.yaml play_words), this often in all
PLAY_WORDS_DISTINCT = 3
PLAY_WORDS_USED = 6
# entity labels of names that are never people: a place, a product, a work, a law
THING_LABELS = frozenset({"GPE", "LOC", "FAC", "PRODUCT", "WORK_OF_ART", "EVENT", "LAW", "WEAPON"})
# "any of", "most of", "dozens", "hundreds": counts of people without a noun
PARTITIVE_WORDS = frozenset(grammar()["counts_without_noun"])
# what a person does to another that is an attack whoever does it ("the man who killed four")
HOMICIDE_VERBS = frozenset({"kill", "murder", "wound"})
# what a denial's object points back with ("Kyiv denied it", "but Israel denied that")
TOLD_PRONOUNS = frozenset({"it", "this", "that", "them"})
# quote marks as the tokenizer leaves them ("NBC's ''Meet the Press''")
QUOTE_MARKS = frozenset({"'", "''", '"', "“", "‘", "``", "`"})
# "after the shooting", "about the attack": a happening named to date or to name the topic of another
ANCHOR_PREPOSITIONS = frozenset({"after", "before", "since", "following", "about", "during", "until"})
# "his fighters", "its forces", "our troops": the speaker's own (TriggerSenses.same_party)
OWN_POSSESSIVES = frozenset({"his", "her", "its", "their", "our", "my"})
# what a common noun phrase can name that is never people (data/lexicons/mention_heads.yaml)
THING_HEADS = frozenset({"FAC", "VEHICLE", "PLATFORM", "WEAPON", "DOCUMENT", "LOC"})


def said_clauses(verb: Token) -> list[Token]:
    """What a verb of saying says: its content clause, or one the parser hung on the noun of
    its "in" ("warned in a televised speech that his forces would attack ships", the clause
    read as the speech's relative clause, with "that" as its marker)."""
    clauses = [c for c in verb.children if c.dep_ == "ccomp"]
    for prep in (c for c in verb.children if c.dep_ == "prep" and c.lower_ == "in"):
        for noun in (o for o in prep.children if o.dep_ == "pobj"):
            clauses += [c for c in noun.children if c.dep_ in {"relcl", "acl"} and c.i > noun.i
                        and any(m.dep_ == "mark" and m.lower_ == "that" for m in c.children)]
    return clauses


class TriggerSenses:
    """Which claim types a trigger stands for in its sentence (``types_for``), and the
    predicates its sense checks ask, over the lexicon and its trigger table."""

    def __init__(self, lex: Lexicon):
        self.lex = lex
        self.trigger_types = lex.triggers()
        # what a vow, a warning or a said promise of force would do ("retaliate", "strike", "kill")
        self.vowed_harm = lex.words("harm_vowed") | lex.types["ATTACK"].verbs | lex.types["CASUALTY"].verbs

    def types_for(self, token: Token, pos: str, mentions: Mentions) -> list[str]:
        """The claim types ``token``, a trigger of part of speech ``pos``, stands for in its
        sentence: each type the lexicon gives it, unless a check below finds another sense
        ("struck a deal", "the flu killed thousands"); the first check that does ends that type's."""
        lemma = token.lemma_.lower()
        names = self.trigger_types.get((lemma, pos)) or self.trigger_types.get((token.lower_, pos)) or []
        if pos == "NOUN" and not names:  # a multi-word trigger ("air strike") ends on this token
            for (lem, p), types in self.trigger_types.items():
                if p == "NOUN" and " " in lem and lem.endswith(lemma):
                    names = types
                    break
        out = []
        # the words after the trigger are the same for each of its types: read once
        # ("taken prisoner" hangs the noun as oprd, "took hostage three aid workers" as dative)
        said_after = {c.lower_ for c in token.children if c.dep_ in {"prt", "dobj", "oprd", "dative", "advmod"}} \
            | {f"{c.lower_} {o.lower_}" for c in token.children if c.dep_ == "prep" for o in c.children} \
            if names else set()
        for name in names:
            t = self.lex.types[name]
            particles = self.lex.particles_required(name, lemma) if pos == "VERB" else frozenset()
            # a particle the parser took for a preposition right after the verb ("cordoned off
            # streets"); not of a weapon's phrase ("his vehicle went off the road")
            said = said_after | {c.lower_ for c in token.children if c.dep_ == "prep" and c.i == token.i + 1
                                 and f"{lemma} {c.lower_}" in t.phrasal_verbs}
            if particles and not said & particles:
                continue  # "blew himself up", "opened fire", "beat him to death" attack; "blew", "beat" alone do not
            if name == "CONDEMN" and particles and not any(p == "at" for p, _ in preps_of(token)):
                continue  # "lashed out at the nominee"; not "he lashes out and can't let go" ("ruled out" denies)
            if self.lex.needs_weapon(name, lemma, pos, said & particles) \
                    and not self._has_argument(token, mentions, weapon=True, arms=name == "ATTACK") \
                    and not (pos == "VERB" and (self._fired_upon(token, lemma) or self._troops_fired(token, mentions))) \
                    and not (pos == "NOUN" and (self._weapons_told(token) or self._own_weapon(token, mentions)
                                                or self._came_under_fire(token, mentions))):
                continue
            if name == "ACCUSE" and pos == "VERB" and lemma in self.lex.words("clause_accusing_verbs") \
                    and not any(c.dep_ == "ccomp" for c in token.children):
                continue  # "charged that the vote was rigged"; not "charged him with murder"
            if name == "THREATEN" and pos == "NOUN" and any(self._labour_strike(o) for p, o in preps_of(token)
                                                            if p == "of"):
                continue  # "the threat of a strike by 55,000 oil workers": a walkout looming
            if name == "NOTIFY" and pos == "NOUN" and token.dep_ == "pobj" and (
                    token.head.lower_ in {"on", "under"} or token.head.lower_ == "of"
                    and token.head.head.lemma_.lower() in self.lex.words("readiness_nouns")):
                continue  # "France has been on alert", "put on high alert", "in a state of alert": readiness
            if name == "NOTIFY" and pos == "NOUN" and lemma in self.lex.words("served_notices") and not (
                    token.dep_ in {"dobj", "obj"}
                    and token.head.lemma_.lower() in self.lex.words("notice_giving_verbs")):
                # "served notice that they would block it"; not "until further notice", "an offender notice"
                continue
            if name == "ATTACK" and pos == "NOUN" and token.dep_ == "compound" \
                    and token.lemma_.lower() in {"strike", "attack"}:
                continue  # "strike headquarters", "attack helicopters", "a strike group": a kind, no happening
            if name == "ATTACK" and pos == "NOUN" and self._labour_strike(token):
                continue  # "the seamen's strike", "a general strike", "went on strike": a walkout
            if name in {"ATTACK", "CASUALTY"} and pos == "VERB" and any(
                    self._labour_strike(t) for t in [subject_of(token)] if t is not None):
                continue  # "the strike, which has badly hit the port": hit hard, no one struck
            if name == "ATTACK" and pos == "VERB" and self.workers_strike(token):
                continue  # "the nurses' unions said they would strike on Monday": a walkout
            if name == "DEPLOY" and pos == "VERB" and any(self._labour_strike(o) for _, o in preps_of(token)):
                continue  # "workers went on strike": no one sent
            if name in SPEECH_ACTS and pos == "VERB" and self._weapon_does_it(token, mentions):
                continue  # "a missile slammed into a school": a weapon condemns no one
            if name == "ATTACK" and pos == "VERB" and lemma in self.lex.words("stationing_verbs") \
                    and self._stationed_somewhere(token, mentions):
                continue  # "Russia deployed Iskander missiles to Belarus": stationed there, fired at no one
            if name == "ATTACK" and pos == "VERB" and lemma in self.lex.words("launching_verbs") \
                    and self._launched_at_no_land(token, mentions):
                continue  # "fired two missiles into the sea", "test-fired a cruise missile"
            if name == "ATTACK" and pos == "VERB" and lemma in self.lex.words("arrival_weapon_verbs") \
                    and not self._munition_arrives(token, mentions):
                continue  # "a shell fell on the market"; not "a helicopter crashed", "was dropped off by helicopter"
            if pos == "VERB" and lemma in t.place_objects and not self._object_is_place(token, mentions):
                continue
            if name == "ATTACK" and pos == "VERB" and lemma in self.lex.words("control_taking_verbs") \
                    and not self._takes_control_of_a_place(token, mentions):
                continue
            if name == "ATTACK" and pos == "VERB" and lemma in self.lex.words("arms_only_verbs") \
                    and not self._destroyed_by_arms(token, mentions, t):
                continue
            if pos == "VERB" and lemma in t.materiel_objects and not self._object_is_war_materiel(token, mentions) \
                    and not self._destroyed_by_arms(token, mentions, t):
                continue
            if pos == "VERB" and lemma in self.lex.words("interception_verbs") \
                    and not self._munitions_taken(token, mentions):
                continue  # "intercepted seven drones"; not "intercepted three boats" or "intercepted a call"
            if name == "DEPLOY" and pos == "VERB" and lemma == "set" and not any(
                    o.lemma_.lower() in self.lex.words("posted_objects") for o in objects_of(token, ("dobj", "obj"))):
                continue  # "troops set up roadblocks"; not "the army set up a committee"
            if name == "TRANSFER" and pos == "VERB" and lemma in self.lex.words("carrying_verbs") \
                    and not any(p in {"to", "into"} for p, _ in preps_of(token)):
                continue  # "flew drones to Libya" supplies them; "Mali has flown the TB2 since 2022" does not
            if name == "DEPLOY" and pos == "VERB" and lemma in self.lex.words("sending_only_verbs") \
                    and not objects_of(token, ("dobj", "obj")):
                continue  # "rushed troops to the border"; not "officers rushed in"
            if pos == "NOUN" and lemma in self.lex.words("own_weapon_nouns") and not self._own_weapon(token, mentions) \
                    and not self._came_under_fire(token, mentions):
                continue
            if pos == "NOUN" and lemma in self.lex.words("counted_lives") and not self._lives_taken(token):
                continue  # "cost 1,200 lives", "has claimed some 2,400 lives"; not "saved lives", "daily life"
            if pos == "NOUN" and lemma in self.lex.words("counted_tolls") and not toll_counted(token):
                continue  # "the toll in the second village rose to 81"; not "took a toll on the economy"
            if pos == "NOUN" and lemma in self.lex.words("counted_losses") and not self._people_lost(token, mentions):
                continue  # "with the loss of 300 soldiers"; not "the loss of the town", "of 300 jobs"
            if pos == "NOUN" and lemma in self.lex.words("place_taking_nouns") and not self._of_a_place(token, mentions):
                continue  # "the fall of the town", "the capture of the air base"; not "the fall of the dollar"
            if pos == "VERB" and lemma in t.agent_verbs and not self._armed_agent(token, mentions, t) \
                    and lemma not in self.lex.words("murder_verbs"):
                continue  # "troops killed 20", not "the flu killed thousands"; a murder is an attack by anyone
            if name == "ATTACK" and pos == "VERB" and lemma == "board" and not self._armed_boarding(token, mentions):
                continue  # "Iranian commandos boarded the tanker"; not "passengers boarded the ferry"
            if name == "ATTACK" and pos == "VERB" and lemma == "beat" and not self._forces_beat(token, mentions):
                continue  # "riot police beat journalists"; not "Spain beat England" (a state is armed, a team plays)
            if pos == "VERB" and lemma in CLASH_VERBS and not self._armed_side(token, mentions):
                continue  # "the two leaders clashed over trade": words, not arms
            if pos == "VERB" and lemma in FIGHT_VERBS and token.tag_ == "VBG" and token.dep_ == "acl":
                continue  # "the mission fighting gangs", "French troops fighting militants": what they do, no one fight
            if name == "THREATEN" and pos == "VERB" and lemma in {"vow", "promise", "pledge"} \
                    and not self._vows_harm(token, mentions):
                continue  # "vowed to win back the public's trust", "promised to rebuild" threaten no one
            if name == "THREATEN" and pos == "VERB" and any(
                    o.lemma_.lower() in self.lex.words("endangered_goods") for o in objects_of(token, ("dobj", "obj"))):
                continue  # "the strikes threatened regional stability": they put it at risk, no one made a threat
            if name == "THREATEN" and life_threatening(token):
                continue  # "has life-threatening injuries", "non-life threatening": how bad a wound is
            if name == "THREATEN" and pos == "NOUN" and self._danger(token, mentions):
                continue  # "the threat of pirates", "the terror threat": a danger, not a threat made
            if name == "CASUALTY" and pos == "VERB" and self._only_attempted(token):
                continue  # "gunmen tried to kill the governor": an attack; no one need have died
            if name == "CASUALTY" and lemma in {"hurt", "harm"} and not self._hurt_bodily(token, mentions):
                continue  # "no one was hurt", "none of the crew had been harmed"; not "his cuffs hurt",
                # "the inquiry was hurting her", "would not harm its customers"
            if name == "CASUALTY" and lemma == "miss" and not self._gone_missing(token):
                continue  # "a seafarer was still missing", "went missing"; not "missed the target"
            if name == "CASUALTY" and lemma == "die" and self._natural_death(token, mentions):
                continue  # "Ruth Olsen died in 2011": a life's end, no casualty of anything
            if name == "CASUALTY" and pos == "VERB" and any(
                    c.dep_ == "advmod" and c.lower_ in self.lex.words("near_miss_adverbs") for c in token.children):
                continue  # "I almost died there": nobody did
            if self._habit_told(token):
                continue  # "Los Angeles regularly faces smog alerts": what happens as a rule
            if name == "CASUALTY" and self._only_animals_harmed(token):
                continue  # "three swans were found dead", "pigs died of the virus": no people
            if name == "CASUALTY" and token.lower_ in self.lex.words("person_only_harms") \
                    and not self._a_person_harmed(token, mentions):
                continue  # "a missing girl"; not "a missing piece", "users are missing out"
            if name == "TRANSFER" and lemma == "sale" and token.dep_ == "pobj" \
                    and token.head.lower_ in self.lex.words("offered_sale_preps"):
                continue  # "currently on sale for $300", "the jets are for sale": offered, not sold
            if self._played(token, name, lemma, mentions):
                continue  # a sports or game page: "fired a shot at the goaltender", "their third meeting"
            if name == "MEET" and pos == "VERB" and lemma == "meet" and any(
                    o.lemma_.lower() in self.lex.words("met_standards") for o in objects_of(token, ("dobj", "obj"))):
                continue  # "meet the primary criteria", "meeting the needs of industry"
            if name == "MEET" and pos == "VERB" and lemma == "host" and not self._hosts_a_meeting(token, mentions):
                continue  # "slated to host the Winter Olympics", "hosts several manufacturers"
            if name == "MEET" and pos == "VERB" and lemma in self.lex.words("conversation_verbs") \
                    and not self._talked_with_a_party(token, mentions):
                continue  # "spoke to reporters", "talks tough": not "spoke by phone with Wang Yi"
            if name == "THREATEN" and pos == "NOUN" and self._a_threat_of_no_one(token, mentions):
                continue  # "eliminated the threat of famine": a danger, no one threatening
            if name == "MEET" and pos == "VERB" and lemma == "receive" and not self._received_a_person(token, mentions):
                continue  # "received a call", "received weapons": not "received Viktor Orban in Ankara"
            if pos == "NOUN" and lemma in self.lex.words("murder_nouns") and self._the_charge(token):
                continue  # "charged with first-degree murder", "guilty of murder": what a court weighs
            if name == "DEPLOY" and pos == "VERB" and token.dep_ == "amod":
                continue  # "the surrounding desert", "the occupied territories": a description, no move
            if name == "ATTACK" and lemma == "strike" and token.dep_ == "amod" and token.tag_ == "VBG":
                continue  # "striking protesters", "striking miners": people on strike, no blow
            if pos == "VERB" and refused_to_let(token):
                continue  # "a website refuses to let Zimmerman sell the pistol": whether he does, unsaid
            if name == "DEPLOY" and pos == "VERB" and lemma == "be" and negated_clause(token) \
                    and not self._in_a_named_place(token, mentions):
                continue  # "the fleet is not at its naval base" tells where it is not, not that it is nowhere
            if pos == "VERB" and weighed_infinitive(token):
                continue  # "figured out how to neutralize", "debated whether to send tanks": not done
            if name == "CASUALTY" and pos == "NOUN" and self._death_named_as_a_topic(token):
                continue  # "her death sparked outrage", "a protest of Crutcher's death": told already, talked of now
            if name == "MEET" and pos == "VERB" and lemma == "visit" and self._only_a_place_visited(token, mentions):
                continue  # "Palin visited the church", "plans to visit Charlotte": no one met
            if opens_a_quoted_title(token):
                continue  # "on NBC's ''Meet the Press''": a programme's name, no meeting
            if name == "TRANSFER" and self._to_anyone(token):
                continue  # "gun laws let dealers sell weapons to any adult": what may happen, to no one in particular
            if name == "TRANSFER" and self._retail_trade(token):
                continue  # "dealers sold 17 million new vehicles last year"
            if name == "MEET" and lemma == "visit" and self._visits_a_place(token):
                continue  # "visited the southern border", "emergency room visits": no one met
            if pos == "VERB" and imperative(token):
                continue  # "'Strike the shepherd,' Isaiah said", "Send troops now!": told to do, not done
            if name == "ATTACK" and lemma == "hit" and hit_and_run(token):
                continue  # "a hit-and-run driver", "Queens hit and run leaves woman dead": a road crash
            if pos == "VERB" and lemma in self.lex.words("hit_verbs") and self._hit_by_no_weapon(token, mentions):
                continue  # "the bourse has been hit by months of protests", "hit by the plague"
            if pos == "VERB" and t.agent_verbs and self._natural_cause(token):
                continue  # "the storm hit the coast", "the quake struck": nobody attacked
            if lemma in FIGHT_VERBS and pos == "VERB" and (name == "ATTACK") != self._fights_someone(token, mentions):
                continue  # "fought pitched battles with protesters" attacks; "troops fighting in Angola" are there
            if name == "ATTACK" and pos == "VERB" and lemma in self.lex.words("aiming_verbs") \
                    and self._measures_aimed(token):
                continue  # "sanctions targeting 200 companies", "the tariffs target steel": aimed, not struck
            if name == "ATTACK" and pos == "VERB" and lemma in self.lex.words("looting_verbs") \
                    and not self._a_site_is_hit(token, mentions) and not self._robbed(token, mentions):
                continue  # "a crowd looted a Rite Aid", "stores were looted"; not "looted the treasury" in a scandal
            if name == "DEPLOY" and pos == "VERB" and lemma in self.lex.words("departing_verbs") \
                    and not self._forces_depart(token, mentions):
                continue  # "Libyan forces are leaving Faya"; not "attacks have left voters saying", "protesters left"
            if lemma in FIGHT_VERBS and name == "DEPLOY" and not self._fights_in_a_place(token, mentions):
                continue  # "workers are fighting for their rights" are nowhere
            if lemma in t.personnel_only and not self._has_argument(token, mentions, personnel=True) \
                    and not self._fighters_hold_a_place(token, mentions):
                continue
            if name == "DEPLOY" and pos == "VERB" and any(o.lower_.endswith(("self", "selves"))
                                                          for o in objects_of(token, ("dobj", "obj"))):
                continue  # "workers barricaded themselves inside": they hid, nobody was sent
            if name == "DEPLOY" and pos == "NOUN" and self._attacked(token):
                continue  # "ambushed an army patrol", "an attack on a patrol": hit, not sent
            if lemma in t.materiel_only \
                    and not self._has_argument(token, mentions, weapon=True, traded=name == "TRANSFER"):
                continue
            if name == "TRANSFER" and pos == "VERB" and not self._handed_over(token, mentions):
                continue  # "paid 17 mln dlrs to Triad", "offered eight mln stg"; not "offer no details about the bomb"
            if token.pos_ == "VERB" and (lemma in t.person_objects or self._an_attack_by_killing(name, lemma)) \
                    and not self._object_is_people(token, mentions):
                continue  # (an armed killing is an attack only on people: not "neutralised the threat")
            if name == "CASUALTY" and lemma in self.lex.words("fighters_taken_verbs") \
                    and not self._fighters_taken(token):
                continue  # "arrested 23 pirates", "the rebels surrendered"; not "police arrested a neighbour"
            if name == "CASUALTY" and pos == "VERB" and lemma in self.lex.words("losing_verbs") \
                    and not any(self._plainly_people(o, mentions) for o in objects_of(token, ("dobj", "obj"))):
                continue  # "we lost 250 Americans in Beirut" tells deaths; "lost 3,000 jobs", "the party lost" none
            if name == "SANCTION" and lemma in self.lex.words("listing_verbs") and not self._put_on_a_list(token):
                continue  # "added ten people to its sanctions list"; not "he added", "added a point"
            if lemma in t.diplomat_objects and not self._envoys_expelled(token):
                continue  # "expelled 23 diplomats"; not "was expelled from the party"
            if lemma in t.measure_objects and not self._restricts_trade(token, mentions):
                continue  # "suspended arms sales", "import restrictions"; not "cut costs", "banned smoking"
            if pos == "NOUN" and lemma in t.claim_objects and not self._denial_noun_denies(token):
                continue
            if pos == "VERB" and lemma in t.claim_objects and not self._denies_a_claim(token):
                continue
            if name == "ATTACK" and lemma in self.lex.words("verbal_attacks") and self._attack_in_words(token, mentions):
                if pos == "VERB" and lemma in self.lex.words("condemning_attack_verbs") and "CONDEMN" not in names:
                    out.append("CONDEMN")  # "Davis attacked Trump for his comments": words, a condemnation
                continue
            if name == "ATTACK" and pos == "VERB" and lemma in self.lex.words("verbal_attacks") \
                    and self._argued_at(token):
                continue  # "Johnson and Corbyn attacked each other's policies": words, no attack
            if pos == "VERB" and not particles and any(o.lemma_.lower() in self.lex.words("non_event_objects")
                                                       and not mentions.materiel_kind(o)
                                                       for o in objects_of(token, ("dobj", "obj"))):
                # "struck a deal", "shot a video", "hit a record high" ("sealed off the scene" is no shot scene)
                continue
            if name == "ATTACK" and pos == "VERB" and any(o.lemma_.lower() in self.lex.words("economic_objects")
                                                          and not mentions.materiel_kind(o)
                                                          for o in objects_of(token, ("dobj", "obj"))):
                continue  # "sanctions targeting its gas exports"
            if name == "ATTACK" and lemma == "sabotage" and any(
                    o.lemma_.lower() in self.lex.words("undertakings")
                    for o in objects_of(token, ("dobj", "obj")) + [o for p, o in preps_of(token) if p == "of"]):
                continue  # "tried to sabotage the peace talks": undermined in words, nothing hit
            if name == "ATTACK" and pos == "VERB" and self._done_by_a_measure(token):
                continue  # "the EU's 15th package hits 79 tankers": a measure, no force
            if pos == "VERB" and lemma in self.lex.words("hit_verbs") and any(
                    is_a_measure(o) and whole_of_part(o) is o for o in objects_of(token, ("dobj", "obj"))):
                # "the laptop hit 89 degrees", "the bond yield hit 16%": a level ("hit 3 of 5 ships" is none)
                continue
            if pos == "VERB" and lemma in self.lex.words("staying_verbs") \
                    and not self._stays_in_a_place(token, mentions):
                continue  # "troops will remain in Karvina"; not "two soldiers remain in hospital"
            if pos == "NOUN" and name in {"ATTACK", "CASUALTY"} and is_time_anchor(token):
                continue  # "three hours after the blast, police ...": the happening told already
            if self._averted_kind(token):
                continue  # "a plan to prevent bomb attacks", "warned it against selling arms": none made
            if self._asked_for(token):
                continue  # "urged Berlin to deliver missiles", "called for more troops": not done
            if pos == "NOUN" and self.disputed_figure(token):
                continue  # "contradicting the official toll of 12": another's figure, not the speaker's
            if pos == "NOUN" and any(c.dep_ in {"amod", "compound"} and c.lemma_.lower() in
                                     self.lex.words("figurative_modifiers") for c in token.children):
                continue  # "a legal battle", "a political clash", "a ratings war"
            if name == "DENY" and neither_confirmed_nor_denied(token, self.lex):
                continue  # "has neither confirmed nor denied that it strikes in Syria": no denial
            if name in SPEECH_ACTS and token.dep_ == "amod" and token.tag_ in {"VBN", "JJ"}:
                continue  # "raided alleged rebel bases", "the accused gunman": no one speaks here
            if name in SPEECH_ACTS and (token.dep_ == "acl" and token.tag_ == "VBN" or charged_participle(token)) \
                    and not any(c.dep_ == "agent" for c in token.children):
                continue  # "the man accused of shooting them is ...": a description, not someone's act
            if name == "CONDEMN" and pos == "NOUN" and lemma == "protest" and not (
                    token.dep_ in {"dobj", "obj"} and token.head.lemma_.lower() in self.lex.words("lodging_verbs")):
                continue  # "lodged a protest with Seoul"; not "a protest in the capital" (a demonstration)
            if name == "MEET" and pos == "VERB" and any(mentions.is_personnel(o) for o in objects_of(token)):
                continue  # "Lithuania will host a German brigade": forces stationed there, no one meets
            if name == "MEET" and pos == "NOUN" and token.lemma_.lower() == "call" and any(
                    {c.lower_, c.lemma_.lower()} & self.lex.words("non_meeting_calls")
                    for c in token.children if c.dep_ in {"amod", "compound", "nmod", "nummod"}):
                continue  # "a threatening phone call", "a hoax call": no parties talking
            if name == "MEET" and (lemma == "call" or token.lower_ == "talk") and pos == "NOUN" \
                    and not self._with_a_party(token, mentions):
                continue  # "a call for restraint", "talk of sanctions", "awake for a 3 a.m. phone call"
            if name == "MEET" and lemma == "meet" and pos == "VERB" \
                    and any(c.dep_ == "auxpass" for c in token.children) and not self._with_a_party(token, mentions):
                continue  # "would be met with crushing attacks", "was met with protests": a reception, no meeting
            if name == "MEET" and lemma == "brief" and pos == "VERB" and not self._briefs_officials(token, mentions):
                continue  # "briefed opposition leaders"; not "briefed reporters"
            if name == "MEET" and pos == "NOUN" and self._audience_event(token):
                continue  # "told a news conference": an audience, not parties meeting
            if pos == "VERB" and lemma in t.weapon_verbs and self._only_platforms(token, mentions):
                continue  # "launched its helicopter" takes off; it fires nothing
            if pos == "VERB" and lemma in self.lex.words("release_verbs") and self._only_firearms(token, mentions):
                continue  # "told him to drop his gun": let go of it, nothing dropped on anyone
            if name == "TRANSFER" and lemma in t.recipient_object_verbs and token.tag_ == "VBN" \
                    and (any(c.dep_ in {"auxpass", "nsubjpass"} for c in token.children)
                         or token.dep_ in {"acl", "amod"} and not any(c.dep_ == "agent" for c in token.children)):
                # "the suspect was armed with a rifle", "thieves armed with rifles" say what they
                # carried ("rebels armed by Iran" were supplied)
                continue
            if name == "NOTIFY" and pos == "VERB" and self._warns_of_own_deed(token, mentions):
                name = "THREATEN"  # "warned they could sell off the bonds if the bill passed"
            if name == "DEPLOY" and pos == "VERB" and self._fighters_storm_in(token, mentions):
                name = "ATTACK"  # "opposition fighters entered Hama": an assault on the town, no troops posted
            out.append(name)
        if "ATTACK" in out and "CASUALTY" not in out and (
                pos == "VERB" and (self._hit_in_body(token) or self._harm_said(token))
                or pos == "NOUN" and self._fatal(token)):
            out.append("CASUALTY")  # "shot in the hip", "fatally shot", "the fatal shooting of": hit, and hurt
        return out

    def _stationed_somewhere(self, verb: Token, mentions: Mentions) -> bool:
        """"deployed Iskander missiles to Belarus", "deployed anti-tank missiles along the
        border": where weapons are placed, not whom they hit ("deployed drones against the
        rebels" uses them)."""
        phrases = preps_of(verb)
        return not any(prep == "against" for prep, _ in phrases) and any(
            prep in STATIONING_PREPS and self._a_place_phrase(o, mentions)
            or prep == "on" and self._a_place_noun(o) for prep, o in phrases)  # not "on the army base"

    def _a_place_phrase(self, noun: Token, mentions: Mentions) -> bool:
        """"Belarus", "the border", "the front line in Zaporizhzhia": a place, named or not."""
        return bool(mentions.places_in(noun)) or self._a_place_noun(noun) \
            or any(prep in LOCATIVE_PREPS and mentions.places_in(o) for prep, o in preps_of(noun))

    @staticmethod
    def _a_place_noun(noun: Token) -> bool:
        return any(w.lemma_.lower() in PLACE_NOUNS for w in [noun, *(c for c in noun.children
                                                                   if c.dep_ in {"amod", "compound"})])

    def _only_attempted(self, verb: Token) -> bool:
        """"tried to kill", "attempted to assassinate", "sought to murder": what the doer
        strove for, not what befell the victim."""
        return verb.dep_ == "xcomp" and verb.head.lemma_.lower() in self.lex.words("attempt_verbs")

    def _fights_someone(self, verb: Token, mentions: Mentions) -> bool:
        """"fought government troops", "fought with rebels", "fought pitched battles with
        protesters": fighting a side or a battle, an attack (not "fight corruption", "fighting
        for their rights", "fought the fire")."""
        foes = objects_of(verb, ("dobj", "obj")) + [o for p, o in preps_of(verb) if p in {"with", "against"}]
        battles = [o for o in foes if o.lemma_.lower() in MUTUAL_FIGHT_NOUNS]
        foes += [o for b in battles for p, o in preps_of(b) if p in {"with", "against"}]
        return bool(battles) or any(is_fighting_side(o, mentions) for o in foes)

    def _death_named_as_a_topic(self, noun: Token) -> bool:
        """"Her death sparked outrage", "the fallout over Thomas' death", "a protest of Crutcher's
        death": a death the article names by whose it was, undated, as what something else is
        about or what caused it; the article told the death itself before."""
        if noun.lemma_.lower() not in self.lex.words("death_nouns") \
                or not any(c.dep_ == "poss" for c in noun.children) \
                or any(c.ent_type_ in {"DATE", "TIME"} or c.like_num for c in noun.subtree):
            return False
        head = noun.head
        if noun.dep_ == "nsubj":
            return head.lemma_.lower() in self.lex.words("consequence_verbs")
        return noun.dep_ == "pobj" and head.lower_ in {"over", "of", "for", "about", "into"} \
            and head.head.pos_ == "NOUN"

    def _only_a_place_visited(self, verb: Token, mentions: Mentions) -> bool:
        """Every object of "visit" is a town, a region or a site ("visited the church", "will
        visit Charlotte"), not a country or its capital (a state visit) or someone met."""
        objects = objects_of(verb, ("dobj", "obj"))
        if not objects:
            return False
        for obj in objects:
            span = mentions.span_at(obj)
            if span is not None:
                ent = mentions.resolve_span(span)
                if span.label_ not in {"GPE", "LOC", "FAC"} or ent is None or mentions.is_country(ent) \
                        or ent.attrs.get("metonym_of"):
                    return False
            elif not mentions.is_thing(obj):
                return False
        return True

    def _the_charge(self, noun: Token) -> bool:
        """"charged with murder", "convicted of murder", "guilty of attempted murder": the crime
        named as a charge or a verdict."""
        prep = noun.head
        if noun.dep_ != "pobj" or prep.lower_ not in {"with", "of", "for"}:
            return False
        held = prep.head.lemma_.lower()
        return held in self.lex.words("culprit_verbs") or held in {"guilty", "acquit", "try"}

    @staticmethod
    def _to_anyone(trigger: Token) -> bool:
        """Supplied "to any adult", "to anyone": a rule or a habit, no delivery to someone."""
        verb = trigger if trigger.pos_ == "VERB" else clause_head(trigger)
        receivers = [o for node in {verb, trigger} for p, o in preps_of(node) if p == "to"]
        return any(o.lower_ in {"anyone", "anybody", "whoever"}
                   or any(c.dep_ == "det" and c.lower_ in {"any", "every"} for c in o.children) for o in receivers)

    @staticmethod
    def _in_a_named_place(verb: Token, mentions: Mentions) -> bool:
        """"no Libyan forces are in Chad": a place by its name, not "its naval base"."""
        return any(getattr(mentions.span_at(o), "label_", None) in {"GPE", "LOC"} for o in where_said_to_be(verb))

    @staticmethod
    def _a_site_is_hit(verb: Token, mentions: Mentions) -> bool:
        """What is looted or vandalised is a building, a shop or a vehicle ("looted a Rite Aid",
        "stores were looted"), or nothing is named ("rioters looted and burned")."""
        objects = acted_on(verb)
        return not objects or any(mentions.is_thing(things_counted(o))
                                  or getattr(mentions.span_at(o), "label_", None) in {"ORG", "FAC"} for o in objects)

    @staticmethod
    def _forces_depart(verb: Token, mentions: Mentions) -> bool:
        """Those who leave are the forces, the verb's own subject, and they leave a place, not
        someone in a state ("left 62 percent of voters saying"), or leave for one; officers who
        "left without finding the child" went from a room, not from a posting."""
        subj = subject_of(verb)
        return subj is not None and any(mentions.is_personnel(s) for s in (subj, *subj.conjuncts)) \
            and not any(c.dep_ in {"xcomp", "ccomp", "oprd", "acomp"} for c in verb.children) \
            and any(c.dep_ in {"dobj", "obj"} or c.dep_ == "prep" and c.lower_ in {"from", "for", "to"}
                    for c in verb.children)

    @staticmethod
    def _fights_in_a_place(verb: Token, mentions: Mentions) -> bool:
        """"troops fighting in Angola", "fought alongside Syrian forces near Aleppo": somewhere named."""
        return any(p in {"in", "near", "inside", "around", "on", "at"} and getattr(mentions.span_at(o), "label_", None)
                   in {"GPE", "LOC", "FAC"} for p, o in preps_of(verb))

    def _attacked(self, noun: Token) -> bool:
        """A noun an attack hit: the object of an attack verb ("ambushed a patrol", "a patrol
        was attacked") or what an attack noun is on ("the raid on the patrol")."""
        head = noun.head
        if noun.dep_ == "pobj" and head.lower_ in {"on", "against"} and head.head.pos_ == "NOUN":
            head, pos = head.head, "NOUN"
        elif noun.dep_ == "pobj" and head.lower_ in {"on", "against", "at", "near", "beside", "by"} \
                and head.head.pos_ == "VERB" \
                and "DEPLOY" not in (self.trigger_types.get((head.head.lemma_.lower(), "VERB")) or []):
            head, pos = head.head, "VERB"  # "a bomb exploded near their patrol"; not "deployed on patrols"
        elif noun.dep_ in {"dobj", "obj", "nsubjpass"}:
            pos = "VERB"
        elif noun.dep_ == "nsubj" and any(p.lower_ == "under" and any(o.lemma_.lower() in {"fire", "attack"}
                                                                     for o in p.children)
                                          for p in head.children if p.dep_ == "prep"):
            return True  # "a patrol came under fire": hit, not sent
        else:
            return False
        return "ATTACK" in (self.trigger_types.get((head.lemma_.lower(), pos)) or []) and head.pos_ == pos

    def _fired_upon(self, verb: Token, lemma: str) -> bool:
        """"fired on the ship", "were being fired on", "fired at protesters": shooting at
        something, whatever the weapon (a company that fired its chief fired at nobody)."""
        if lemma not in self.lex.words("aimed_fire_verbs"):
            return False
        if any(c.dep_ == "prep" and c.lower_ == "from" and any(o.lemma_.lower() in self.lex.words("posts_held")
                                                               for o in c.children) for c in verb.children):
            return False  # "fired in March from his post at a trucking firm": dismissed, not shooting
        reasons = self.lex.words("fire_reasons")
        return any(c.dep_ in {"prep", "prt"} and c.lower_ in {"on", "at", "upon", "into"}
                   and not any(o.ent_type_ in {"DATE", "TIME"} for o in c.children)  # "fired on Monday"
                   or c.dep_ in {"prep", "conj"} and c.lower_ == "in"
                   and any(o.lemma_.lower() in reasons for o in c.children)  # "fired in self-defence"
                   for c in verb.children)

    def _put_on_a_list(self, verb: Token) -> bool:
        """"added two RSF commanders to the Sudan sanctions list", "to its blacklist"."""
        lists = self.lex.words("sanction_lists")
        return any(o.lemma_.lower() == "blacklist" or o.lemma_.lower() == "list" and any(
            c.dep_ in {"compound", "amod"} and c.lower_ in lists for c in o.children)
            for p, o in preps_of(verb) if p == "to")

    def _done_by_a_measure(self, verb: Token) -> bool:
        """"The sanctions package hits 79 tankers", "the new rules target importers"."""
        subj = subject_of(verb)
        return subj is not None and subj.lemma_.lower() in self.lex.words("measure_subjects")

    def _troops_fired(self, verb: Token, mentions: Mentions) -> bool:
        """"Thai troops fired first", "soldiers fired back", "its troops had fired on Monday":
        soldiers who fire, with no object, shoot (nobody dismisses anyone without an object;
        "fired back" alone, said of a politician, is a retort). Their own subject: "a gunman burst
        in, put a handgun to his face and fired" tells the shooting told already."""
        subj = subject_of(verb)
        return verb.lemma_.lower() in self.lex.words("aimed_fire_verbs") and subj is not None \
            and subj.dep_ == "nsubj" and subj.head.i == verb.i and mentions.is_personnel(subj) \
            and not any(c.dep_ in {"dobj", "obj", "auxpass", "ccomp", "xcomp"} for c in verb.children)

    def _came_under_fire(self, noun: Token, mentions: Mentions) -> bool:
        """"came under fire from two boats", "the convoy came under heavy fire": shot at by
        someone armed, or where the one fired on is a force or a craft; not "the minister came
        under fire from critics", "under fire for his remarks" (criticism)."""
        if noun.lemma_.lower() != "fire" or noun.dep_ != "pobj" or noun.head.lower_ != "under":
            return False
        verb = noun.head.head
        preps = [*preps_of(verb), *preps_of(noun)]
        if any(p in {"for", "over"} for p, _ in preps):
            return False
        if any(c.dep_ in {"compound", "amod", "nmod"} and (is_armed_noun(c, mentions) or mentions.materiel_kind(c))
               for c in noun.children):
            return True  # "came under sniper fire", "under heavy mortar fire": shots, not criticism
        froms = [c for node in (verb, noun) for c in node.children if c.dep_ == "prep" and c.lower_ == "from"]
        if any(c.dep_ == "prep" for f in froms for c in f.children):
            return True  # "from inside the house", "from behind a wall": where the shooters were
        shooters = [o for p, o in preps if p == "from"]
        if shooters:
            return any(is_armed_noun(o, mentions) or mentions.is_craft(o) or mentions.materiel_kind(o)
                       or mentions.is_personnel(o) for o in shooters)
        target = subject_of(verb)
        return target is not None and (mentions.is_craft(target) or mentions.is_personnel(target)
                                       or is_armed_noun(target, mentions)
                                       or target.lemma_.lower() in self.lex.words("fired_upon_units"))

    def _argued_at(self, verb: Token) -> bool:
        """Every object of the attack verb is something argued about (a policy, a plan)."""
        objects = objects_of(verb, ("dobj", "obj"))
        return bool(objects) and all(o.lemma_.lower() in self.lex.words("argued_things") for o in objects)

    def _habit_told(self, token: Token) -> bool:
        """A present-tense clause with an adverb of habit ("regularly face alerts")."""
        verb = clause_head(token)
        return verb.tag_ in {"VBZ", "VBP"} and any(
            c.dep_ == "advmod" and c.lower_ in self.lex.words("habit_adverbs") for c in verb.children)

    def _played(self, token: Token, name: str, lemma: str, mentions: Mentions) -> bool:
        """On a sports or video-game page, an attack, a meeting or a hurt that is no death, in a
        sentence naming no weapon or armed people, is part of the game."""
        if name not in {"ATTACK", "MEET", "CASUALTY"} or name == "CASUALTY" and CASUALTY_OF.get(lemma) == "killed":
            return False
        if not self._play_page(token.doc):
            return False
        shots = self.lex.words("play_shots")
        return not any(mentions.materiel_kind(t) and t.lower_ not in shots or mentions.named_in(t, {"WEAPON"})
                       or is_armed_noun(t, mentions) for t in token.sent)

    def _play_page(self, doc: Doc) -> bool:
        """Several words of sport or games, used often: "the goaltender", "the quarterback", "the
        season", "players" (a war report that names a stadium and a match does not reach it)."""
        if "play_page" not in doc.user_data:  # asked per trigger: read the article once
            words = self.lex.words("play_words")
            used = [word for word in lower_words(doc) if word in words]
            doc.user_data["play_page"] = len(set(used)) >= PLAY_WORDS_DISTINCT and len(used) >= PLAY_WORDS_USED
        return doc.user_data["play_page"]

    def _talked_with_a_party(self, verb: Token, mentions: Mentions) -> bool:
        """"Lavrov spoke by phone with Wang Yi", "Erdogan talked with Putin on Tuesday": a named
        person or state talked with is a meeting by wire; a verb that tells what was said
        ("spoke of", "talked about", "said in a talk that") is none."""
        if verb.pos_ != "VERB" or any(c.dep_ in {"ccomp", "xcomp"} for c in verb.children):
            return False
        phrases = preps_of(verb)
        media = self.lex.words("conversation_media")
        by_wire = any(prep == "by" and o.lemma_.lower() in media for prep, o in phrases)
        parties = [o for prep, o in phrases if prep == "with" or by_wire and prep == "to"]
        return any((s := mentions.span_at(one)) is not None and s.label_ in {"PERSON", "GPE", "NORP"}
                   for o in parties for one in [o, *o.conjuncts])

    def _munitions_taken(self, verb: Token, mentions: Mentions) -> bool:
        """What an interception brings down: missiles, rockets, drones; not boats. The launch of
        what it brings down, told on it ("intercepted a missile fired from Yemen towards Eilat"),
        is the claim there: whoever fired it attacked."""
        weapon_verbs = self.lex.types["ATTACK"].weapon_verbs
        return any(mentions.materiel_kind(whole_of_part(o)) in self.lex.words("launched_kinds")
                   and not any(c.dep_ == "acl" and c.lemma_.lower() in weapon_verbs for c in o.children)
                   for o in what_is_taken(verb))

    def _a_threat_of_no_one(self, noun: Token, mentions: Mentions) -> bool:
        """"the threat of famine", "the threat of war abated": a danger that hangs over people,
        told with no one making it (not "Russia's threat of retaliation", "a threat of strikes
        from the Houthis", "issued a threat of reprisals")."""
        if not any(prep == "of" for prep, _o in preps_of(noun)):
            return False
        maker = any(c.dep_ in {"poss", "compound", "amod", "nmod"} and mentions.span_at(c) is not None
                    for c in noun.children) or any(prep in {"from", "by"} for prep, _o in preps_of(noun))
        made = noun.dep_ in {"dobj", "obj"} and noun.head.lemma_.lower() in self.lex.words("threat_making_verbs")
        return not maker and not made

    def _received_a_person(self, verb: Token, mentions: Mentions) -> bool:
        """"Erdogan received Viktor Orban at the palace": a named person taken in."""
        return any((s := mentions.span_at(o)) is not None and s.label_ == "PERSON"
                   for o in objects_of(verb, ("dobj", "obj")))

    def _hosts_a_meeting(self, verb: Token, mentions: Mentions) -> bool:
        """The host takes in people or a meeting ("hosted the Iranian president", "will host
        talks"); with no object the host is named for what it holds ("hosted by Qatar")."""
        guests = objects_of(verb, ("dobj", "obj"))
        return not guests or any(
            o.lemma_.lower() in self.lex.words("hosted_meetings") or self._names_people(o, mentions)
            and o.pos_ != "PROPN" or (s := mentions.span_at(o)) is not None and s.label_ in {"PERSON", "GPE", "NORP"}
            for o in guests)

    def _retail_trade(self, token: Token) -> bool:
        """A seller or buyer of the retail trade is the subject or object of the sale."""
        verb = token if token.pos_ == "VERB" else clause_head(token)
        parties = [subject_of(verb), *objects_of(verb, ("dobj", "dative"))] \
            + [o for p, o in preps_of(verb) if p in {"to", "by"}]
        return any(p is not None and p.lemma_.lower() in self.lex.words("retail_parties") for p in parties)

    def _visits_a_place(self, token: Token) -> bool:
        """A visit whose visited or compound is a place where no one is met ("a school", "the
        border", "emergency room visits")."""
        places = self.lex.words("visited_places")
        if token.pos_ == "NOUN":
            reached = [c for c in token.children if c.dep_ == "compound"] + [o for p, o in preps_of(token) if p == "to"]
        else:
            reached = objects_of(token, ("dobj", "obj"))
        return bool(reached) and all(o.lemma_.lower() in places or o.lower_ in places or any(
            c.dep_ == "compound" and c.lemma_.lower() in places for c in o.subtree) for o in reached)

    def _weapons_told(self, noun: Token) -> bool:
        """The article names what the noun's happening needs: explosives for a blast, a missile,
        rocket or drone for a launch ("the launch on Friday" after "the missile test")."""
        if noun.lemma_.lower() in self.lex.words("launch_nouns"):
            return self._launchables_told(noun.doc)
        return self._explosives_told(noun.doc)

    def _launchables_told(self, doc: Doc) -> bool:
        if "launchables_told" not in doc.user_data:  # asked per launch noun: read the article once
            kinds = self.lex.words("launched_kinds")
            doc.user_data["launchables_told"] = any(self.lex.materiel.get(t.lemma_.lower()) in kinds for t in doc)
        return doc.user_data["launchables_told"]

    def _only_animals_harmed(self, token: Token) -> bool:
        """Every noun the casualty word harms names animals ("dead poultry", "turkeys dying")."""
        harmed = harmed_nouns(token)
        return bool(harmed) and all(n.lemma_.lower() in self.lex.words("animals") for n in harmed)

    def _a_person_harmed(self, token: Token, mentions: Mentions) -> bool:
        """"a missing girl", "reported him missing", "Shelton had been reported missing"."""
        if any(c.dep_ == "prt" for c in token.children):
            return False  # "missing out on it"
        nouns = harmed_nouns(token)
        if token.lemma_.lower() == "burn":  # "as Athens burned": a city on fire; a name must be a person's
            return any(self._names_people(n, mentions) for n in nouns if n.pos_ != "PROPN"
                       or getattr(mentions.span_at(n), "label_", None) in {"PERSON", "NORP"}
                       and not mentions.resolver.is_place(n.text))
        return any(self._names_people(n, mentions) for n in nouns)

    def _names_people(self, noun: Token, mentions: Mentions) -> bool:
        span = mentions.span_at(noun)
        lemma = noun.lemma_.lower()
        if noun.pos_ == "PROPN" and (span is None or span.label_ not in THING_LABELS):
            return True  # "Shelton had been reported missing": a name the tagger took for a firm
        return noun.lower_ in self.lex.words("person_pronouns") \
            or span is not None and span.label_ in {"PERSON", "NORP"} \
            or self.lex.heads.get(lemma) in {"PERSON", "GROUP"} or mentions.is_personnel(noun) \
            or lemma in self.lex.words("generic_victims") | self.lex.words("lone_victims")

    def _hit_by_no_weapon(self, verb: Token, mentions: Mentions) -> bool:
        """A passive hit whose "by" names something that is neither a weapon, armed people, a
        violent happening nor anyone named: "hit by months of protests", "hit by the plague"."""
        agent = agent_of(verb) if subject_and_voice(verb)[1] else None
        if agent is None or agent.pos_ != "NOUN":
            return False
        # "a barrage of rockets"; "naval aviation and ships of the Black Sea Fleet"
        heads = [a for one in [agent, *agent.conjuncts] for a in [one] + [o for p, o in preps_of(one) if p == "of"]]
        return not any(self._violent_noun(h, mentions) for h in heads)

    def _violent_noun(self, noun: Token, mentions: Mentions) -> bool:
        lemma = noun.lemma_.lower()
        return bool(mentions.materiel_kind(noun) or mentions.named_in(noun, {"WEAPON"}) or mentions.span_at(noun)
                    or is_armed_noun(noun, mentions) or mentions.is_personnel(noun)
                    or lemma in self.lex.words("happening_nouns") | self.lex.words("side_nouns")
                    | self.lex.words("natural_causes") | self.lex.words("explosive_words") | ATTACK_NOUNS)

    def _explosives_told(self, doc: Doc) -> bool:
        """The article names a bomb or explosives: its blasts and explosions are theirs ("a suicide
        bomber ... At least ten were killed in the explosion"), not a gas leak's."""
        return article_says_any(doc, "explosives_told", self.lex.words("explosive_words"))

    def _harm_said(self, verb: Token) -> bool:
        """"fatally shot", "was critically wounded by gunfire": the adverb says someone was hurt."""
        return any(c.dep_ == "advmod" and c.lower_ in self.lex.words("harm_adverbs") for c in verb.children)

    def _fatal(self, noun: Token) -> bool:
        """"the fatal stabbing of a shopkeeper": the attack took a life."""
        return any(c.dep_ == "amod" and c.lower_ in self.lex.words("fatal_modifiers") for c in noun.children)

    @staticmethod
    def _with_a_party(noun: Token, mentions: Mentions) -> bool:
        """"a call with Lavrov", "had a talk with Hollande", "a phone call from Erdogan": someone
        named is on the other end."""
        preps = preps_of(noun) + (preps_of(noun.head) if noun.dep_ in {"dobj", "obj"}
                                  and noun.head.lemma_.lower() in {"have", "hold", "receive", "get"} else [])
        if any(p in {"with", "between", "from"} and (span := mentions.span_at(o)) is not None
               and span.label_ in {"PERSON", "ORG", "GPE", "NORP"} for p, o in preps):
            return True
        # "during their phone call, Obama and Hollande discussed", "spoke in a phone call"
        if not any(c.dep_ == "compound" and c.lemma_.lower() in {"phone", "telephone", "video"} for c in noun.children):
            return False
        subj = subject_of(clause_head(noun))
        return any(c.dep_ == "poss" for c in noun.children) or subj is not None and bool(subj.conjuncts)

    def _briefs_officials(self, verb: Token, mentions: Mentions) -> bool:
        """"briefed opposition leaders", "briefed Kohl": officials or leaders told in person;
        "briefed reporters" tells the press."""
        press = self.lex.words("press_people")
        for obj in objects_of(verb, ("dobj", "obj")):
            span = mentions.span_at(obj)
            if obj.lemma_.lower() in press or span is not None and span.label_ not in {"PERSON", "ORG", "GPE", "NORP"}:
                continue
            if span is not None or self.lex.heads.get(obj.lemma_.lower()) == "PERSON" \
                    or obj.lemma_.lower() in self.lex.words("state_bodies"):
                return True
        return False

    def _audience_event(self, noun: Token) -> bool:
        """"a news conference", "a town hall-style meeting": the words before the noun in its
        phrase name a gathering that listens."""
        before = noun.doc[noun.left_edge.i:noun.i]
        return any(t.lemma_.lower() in self.lex.words("audience_events") for t in before)

    def _measures_aimed(self, verb: Token) -> bool:
        """What targets is a sanction or a measure: its subject ("the sanctions target 200
        firms"), the noun it hangs on ("measures targeting the oil trade") or, for a participle
        after a clause, what that clause adopts ("adopted a package of sanctions, targeting ...")."""
        measures = self.lex.types["SANCTION"].nouns | self.lex.words("measure_nouns")
        subj = subject_of(verb)
        aimers = [subj] if subj is not None and verb.dep_ != "advcl" else []
        if verb.dep_ == "acl":
            aimers.append(verb.head)
        if verb.dep_ == "advcl" and verb.tag_ == "VBG":
            aimers += objects_of(verb.head, ("dobj", "obj"))
        aimers += [o for a in aimers for prep, o in preps_of(a) if prep == "of"]  # "a package of sanctions"
        return any(a.lemma_.lower() in measures for a in aimers)

    def _hit_in_body(self, verb: Token) -> bool:
        """"shot in the head", "hit in her abdomen", "wounded in the left shoulder" (a punch "in
        the face" is a blow, no wound told)."""
        if verb.lemma_.lower() in {"punch", "slap", "kick"}:
            return False
        parts = self.lex.words("body_parts")
        for prep in verb.children:
            if prep.dep_ == "prep" and prep.lower_ == "in":
                for obj in prep.children:
                    if obj.dep_ == "pobj" and (obj.lemma_.lower() in parts or any(
                            c.lemma_.lower() in parts for c in obj.children if c.dep_ in {"compound", "amod"})):
                        return True
        return False

    def _only_platforms(self, verb: Token, mentions: Mentions) -> bool:
        """Every object the verb launches or uses is a platform (a helicopter, a vehicle), no munition."""
        return self._objects_all_of(verb, mentions, "platform_kinds")

    def _only_firearms(self, verb: Token, mentions: Mentions) -> bool:
        """Every object dropped or thrown is a weapon one holds ("drop his gun")."""
        return self._objects_all_of(verb, mentions, "firearm_kinds")

    def _objects_all_of(self, verb: Token, mentions: Mentions, kinds_list: str) -> bool:
        kinds = [mentions.materiel_kind(o) for o in objects_of(verb, ("dobj", "obj"))]
        return bool(kinds) and all(k in self.lex.words(kinds_list) for k in kinds)

    def _attack_in_words(self, token: Token, mentions: Mentions) -> bool:
        """"the governor attacked his rival in tweets", "an ad hitting the senator": words aimed at a person,
        no weapon, in a sentence about what was said or posted."""
        sent = token.sent
        verb = token if token.pos_ == "VERB" else clause_head(token)
        subj = subject_of(verb)
        by_a_person = subj is not None and (span := mentions.span_at(subj)) is not None and span.label_ == "PERSON"
        if not by_a_person and not any(t.lemma_.lower() in self.lex.words("verbal_media") for t in sent):
            return False  # "Hutton attacked Villalba": one named person attacking another is words, not arms
        if any(mentions.named_in(t, {"WEAPON"}) or mentions.materiel_kind(t) for t in sent):
            return False
        # "a gunman fired at ..." misparsed
        doer = subj if subj is not None else verb.head if verb.dep_ == "acl" else None
        if doer is not None and (is_armed_noun(doer, mentions) or mentions.is_personnel(doer)):
            return False  # "a gunman fired at the senator, a statement said": arms, whoever reports it
        if doer is not None and doer.lemma_.lower() in self.lex.words("verbal_media"):
            return True  # "recruitment videos targeting the billionaire", "an ad attacking her": words do it
        harm = self._harm_words
        if any(t.lemma_.lower() in harm for t in sent):
            return False  # "a man attacked the mayor, wounding him" is no war of words
        # "slammed the senator", "an attack on the senator", "fired back at Airbus in a statement"
        hit = objects_of(verb, ("dobj", "obj")) + [o for p, o in preps_of(token) if p in {"on", "at"}]
        return any((s := mentions.span_at(o)) is not None and s.label_ in {"PERSON", "ORG"}
                   and not self._a_place(s, mentions)
                   or mentions.references.names_a_person(o) for o in hit)  # "his rival, Dana Whitlow"

    @staticmethod
    def _a_place(span: Span, mentions: Mentions) -> bool:
        """"the attack on Odesa" with the city tagged an organisation: a place, hit by arms."""
        found = mentions.resolve_span(span) if span.label_ == "ORG" else None
        return found is not None and found.type in PLACE_LABELS

    def _hurt_bodily(self, verb: Token, mentions: Mentions) -> bool:
        """"Hurt" as a wound: someone was hurt (a passive or a participle), by nothing or by
        something armed ("hurt by a falling rock" is no attack but still a wound); "our
        economy is hurting" and "hurting her in the polls" are other harm."""
        if not (any(c.dep_ in {"auxpass", "nsubjpass"} for c in verb.children) or verb.tag_ == "VBN"
                and verb.dep_ in {"acomp", "amod", "oprd", "conj", "ROOT"}):
            return False
        agent = agent_of(verb)
        return agent is None or mentions.materiel_kind(agent) is not None or is_armed_noun(agent, mentions) \
            or mentions.is_personnel(agent)

    @staticmethod
    def _gone_missing(verb: Token) -> bool:
        """"one of its seafarers was still missing", "300 soldiers missing", "the missing pupils":
        the tagger may read the adjective as a verb (not "missing the deadline", "missed")."""
        return verb.lower_ == "missing" and not any(c.dep_ in {"dobj", "obj"} for c in verb.children)

    def _natural_death(self, verb: Token, mentions: Mentions) -> bool:
        """A named person who died, in a sentence with no violence, weapon or wound in it (and
        not "at the scene" of something)."""
        subj = subject_of(verb)
        span = mentions.span_at(subj) if subj is not None else None
        if span is None or span.label_ != "PERSON" or any(t.lower_ == "scene" for t in verb.subtree):
            return False
        attack = self.lex.types["ATTACK"]
        violent = self._harm_words | attack.verbs | attack.nouns | attack.weapon_nouns
        return not any(t.i != verb.i and (t.lemma_.lower() in violent or mentions.materiel_kind(t))
                       for t in verb.sent)

    @property
    def _harm_words(self) -> frozenset[str]:
        t = self.lex.types.get("CASUALTY")
        # ("miss" harms only as "missing", an adjective here too: not "Miss Universe", "missed the vote")
        return (t.verbs - {"miss"}) | t.nouns | t.adjectives if t is not None else frozenset()

    def _an_attack_by_killing(self, name: str, lemma: str) -> bool:
        """A killing verb that makes an armed doer's attack ("troops eliminated 20 fighters"),
        which it does only when done to people, as it is a toll only then."""
        return name == "ATTACK" and lemma in self.lex.types["ATTACK"].agent_verbs \
            and lemma in self.lex.types["CASUALTY"].person_objects

    @staticmethod
    def _forces_beat(verb: Token, mentions: Mentions) -> bool:
        """Who beats people is police or soldiers named as such, not a state or a team (anyone
        who beats someone to death attacks them: "a mob beat two men to death")."""
        if any(killed_in_a_manner(o) for p in verb.children if p.lower_ == "to" for o in p.children):
            return True
        subj = subject_of(verb)
        return subj is not None and mentions.span_at(subj) is None and mentions.is_personnel(subj)

    def _object_is_people(self, verb: Token, mentions: Mentions) -> bool:
        """"killed 12 civilians", "captured 48", "wounded him"; not "killed the bill",
        "captured the outpost", "captured most of Khartoum" or "neutralise the effects". No
        object at all is fine."""
        objects = [whole_taken_in_part(o) for o in acted_on(verb)]
        objects += [c for o in objects for c in o.conjuncts]
        return not objects or any(self._is_people(o, mentions) for o in objects)

    def _fighters_taken(self, trigger: Token) -> bool:
        """Whether those arrested or surrendering are fighters ("arrested 23 heavily armed
        pirates", "26 pirates arrested", "the militants surrendered on boarding")."""
        verb = trigger if trigger.pos_ in {"VERB", "AUX"} else clause_head(trigger)
        taken = objects_of(verb, ("dobj", "obj")) + [s for s in [subject_of(verb)] if s is not None]
        if trigger.pos_ == "NOUN":
            taken += [o for p, o in preps_of(trigger) if p == "of"]
        elif trigger.dep_ == "acl":
            taken.append(trigger.head)  # "26 pirates arrested"
        fighters = self.lex.words("fighter_nouns")
        return any(t.lemma_.lower() in fighters for o in taken for t in (o, *o.conjuncts))

    def _handed_over(self, verb: Token, mentions: Mentions) -> bool:
        """Whether a paying verb pays someone and an offering verb offers goods or a sum (other
        supplying verbs: always)."""
        lemma = verb.lemma_.lower()
        objects = objects_of(verb, ("dobj", "obj"))
        if lemma in self.lex.words("paying_verbs"):
            # "paid 17 mln dlrs in commissions to Triad", "pay General Dynamics 3.5 billion dlrs"
            return any(c.dep_ in {"dative", "iobj"} for c in verb.children) \
                or any(o.ent_type_ in {"ORG", "PERSON", "GPE", "NORP"} for o in objects) \
                or any(t.dep_ == "prep" and t.lower_ == "to" and clause_head(t).i == verb.i for t in verb.subtree)
        if lemma in self.lex.words("offering_verbs"):
            return any(o.ent_type_ == "MONEY" or mentions.materiel_kind(o) is not None for o in objects)
        if any(o.lemma_.lower() in self.lex.words("proposal_nouns") for o in objects):
            return False  # "had received offers for the gun": nothing handed over yet
        if lemma == "send" and any(prep in {"over", "across", "above"} for prep, _ in preps_of(verb)):
            return False  # "sent jets over Kidal": flown there, a deployment, handed to no one
        # "300 strikes delivering 850 munitions": an attack delivers its weapons onto a target
        doer = verb.head if verb.dep_ == "acl" else subject_of(verb)
        return doer is None or doer.lemma_.lower() not in self.lex.types["ATTACK"].nouns

    def _robbed(self, verb: Token, mentions: Mentions) -> bool:
        """"two men robbed a woman", "was robbed at gunpoint": people rob people; not "the injury
        robbed the team of a win"."""
        if verb.lemma_.lower() not in self.lex.words("robbing_verbs"):
            return False
        subject, passive = subject_and_voice(verb)
        robbers = passive or subject is None or self._is_people(subject, mentions)
        return robbers and self._object_is_people(verb, mentions)

    def _envoys_expelled(self, trigger: Token) -> bool:
        """"expelled 23 Russian diplomats", "the ambassador was expelled", "the expulsion of
        60 envoys": those sent away are a state's envoys."""
        if trigger.pos_ == "NOUN":
            expelled = [o for prep, o in preps_of(trigger) if prep == "of"]
        else:
            subj, passive = subject_and_voice(trigger)
            expelled = objects_of(trigger, ("dobj", "obj")) + ([subj] if passive and subj is not None else [])
        expelled += [c for o in expelled for c in o.conjuncts]
        return any(o.lemma_.lower() in self.lex.words("envoy_nouns") for o in expelled)

    def _restricts_trade(self, trigger: Token, mentions: Mentions) -> bool:
        """What the measure restricts is trade, aid or ties with someone: "suspended arms sales to
        Syria", "cut ties", "barred Toshiba from exporting", "import restrictions on Japanese
        chips", "stopped approving contracts to Toshiba"; not a producer "curbing output and
        exports", which restricts no one."""
        if any(c.dep_ == "compound" and (f"{c.lower_} {trigger.lower_}", "NOUN") in self.trigger_types
               for c in trigger.children):
            return True  # "an asset freeze", "export controls": a sanction's own name
        things = restricted_things(trigger)
        if not any(self._is_measured(t) for t in things) or self._restricted_by_no_state(trigger, mentions):
            return False
        if trigger.lemma_.lower() == "freeze" and any(t.lemma_.lower() in self.lex.words("frozen_holdings")
                                                       for t in things):
            return True  # "froze the assets of the junta's leaders": whoever owns them is sanctioned
        if trigger.pos_ == "NOUN":
            return True  # "a travel ban", "import restrictions on Japanese chips"
        named = {"PERSON", "ORG", "GPE", "NORP"}
        parties = [o for t in things for p, o in preps_of(t) if p in {"to", "with", "on", "against", "from", "of"}]
        parties += objects_of(trigger, ("dobj", "obj")) if trigger.pos_ == "VERB" else []
        parties += trade_stopped_towards(trigger, things, self.lex)  # "suspended arms sales | to Syria"
        return any(t.lemma_.lower() in self.lex.words("relational_things") for t in things) \
            or any(mentions.named_in(p, named) for p in parties)

    def _restricted_by_no_state(self, trigger: Token, mentions: Mentions) -> bool:
        """A market, court, firm or producer restricts ("the exchange halted trading", "the
        court barred Kodak from selling", "Japanese car makers will curb exports"); not a state
        or a bloc of states, whatever its name holds ("the European Union")."""
        verb = trigger if trigger.pos_ == "VERB" else trigger.head
        subj, passive = subject_and_voice(verb)
        doer = agent_of(verb) if passive else subj
        if trigger.pos_ == "NOUN":
            doer = next((c for c in trigger.children if c.dep_ == "poss"), doer)
        if doer is None or self._a_state_or_bloc(doer, mentions):
            return False
        bodies = self.lex.words("non_sanctioning_bodies")
        return any(t.lemma_.lower() in bodies for t in phrase_tokens(doer))

    @staticmethod
    def _a_state_or_bloc(doer: Token, mentions: Mentions) -> bool:
        """A country, a people, or an organisation of states the gazetteer knows (the EU, NATO)."""
        span = mentions.span_at(doer)
        body = mentions.resolver.gazetteer_body(span.text) if span is not None and span.label_ == "ORG" else None
        return span is not None and span.label_ in {"GPE", "NORP"} \
            or body is not None and body.attrs.get("kind") in {"international organisation", "military alliance"}

    def _is_measured(self, noun: Token) -> bool:
        if noun.tag_ == "VBG":  # "from exporting"; not "suspended from trading" (a market's)
            return noun.lemma_.lower() in self.lex.words("trading_gerunds")
        things = self.lex.words("measured_things")
        if noun.lemma_.lower() in things or noun.lower_ in things \
                or any(c.dep_ in {"compound", "amod"} and (c.lemma_.lower() in things or c.lower_ in things)
                       for c in noun.children):
            return True
        # "froze 210 billion euros of Russian assets": a sum of what is measured
        counted = noun.like_num or any(c.dep_ in {"nummod", "quantmod"} for c in noun.children)
        of = next((g for p in noun.children if p.dep_ == "prep" and p.lower_ == "of"
                   for g in p.children if g.dep_ == "pobj"), None)
        return counted and of is not None and self._is_measured(of)

    def _danger(self, noun: Token, mentions: Mentions) -> bool:
        """"The threat of pirates", "a threat from the militia", "the Islamist terror threat",
        "the threat posed by drones": a danger someone or something is, not a threat someone
        made ("Iran's threat to close the strait", "the threat of force", "issued a threat")."""
        if any(c.dep_ == "compound" and c.lemma_.lower() not in self.lex.words("threat_made_kinds")
               for c in noun.children):
            return True
        if any(c.dep_ == "acl" and c.lemma_.lower() == "pose" for c in noun.children):
            return True
        return any(prep in {"of", "from"} and (could_be_people(obj, mentions) or mentions.named_in(obj))
                   and obj.lemma_.lower() not in self.lex.words("threat_force_words") for prep, obj in preps_of(noun))

    def _natural_cause(self, verb: Token) -> bool:
        """"the storm hit the coast", "the fire destroyed the church"; not "shot down by
        machinegun fire", "hit by artillery fire": fire a weapon gives is no act of nature."""
        agent = doer_of(verb)
        return agent is not None and agent.lemma_.lower() in self.lex.words("natural_causes") \
            and not any(c.dep_ in {"compound", "amod", "nmod"} and (c.lemma_.lower() in self.lex.materiel
                                                                    or c.lower_ in self.lex.words("weapon_fire_words"))
                        for c in agent.children)

    def _averted_kind(self, trigger: Token) -> bool:
        """A kind of happening something is meant to stop or warns against: "to prevent
        terrorist attacks", "combat piracy", "the fight against attacks on shipping",
        "warned Washington against selling arms to Taipei"; not "foiled an attack"."""
        verb = trigger.head
        averting = self.lex.words("prevention_verbs")
        if trigger.dep_ in {"pobj", "pcomp"} and verb.lower_ == "against":
            verb = verb.head
            averting = averting | self.lex.words("warning_verbs")
        elif trigger.dep_ not in {"dobj", "obj"} or trigger.pos_ != "NOUN":
            return False
        return verb.lemma_.lower() in averting

    def disputed_figure(self, token: Token) -> bool:
        """Inside what a speaker disputes: "contradicting the official toll of 12"."""
        disputing = self.lex.words("disputing_verbs")
        node = token
        while True:
            if node.dep_ in {"dobj", "obj"} and node.head.lemma_.lower() in disputing:
                return True
            if node.pos_ == "VERB" or node.head.i == node.i:
                return False  # up to the clause the figure is told in, no further
            node = node.head

    def _vows_harm(self, verb: Token, mentions: Mentions) -> bool:
        """"vowed to retaliate", "vowed to keep attacking ships", "vowed to keep firing rockets",
        "vowed that the army would crush the rebels", "vowed revenge", "promised a worthy
        response": a vow of force."""
        harm = self.vowed_harm
        deeds = [c for c in verb.children if c.dep_ in {"xcomp", "ccomp"}]
        deeds += [g for d in deeds for g in d.children if g.dep_ == "xcomp" or g.tag_ == "VBG"]  # "keep attacking"
        fired = self.lex.types["ATTACK"].weapon_verbs

        def forceful(deed: Token) -> bool:  # "attack", or "fire" with a weapon ("keep firing rockets")
            lemma = deed.lemma_.lower()
            return lemma in harm or lemma in fired and any(
                mentions.materiel_kind(o) for o in objects_of(deed, ("dobj", "obj")))
        reprisal = any(o.lemma_.lower() in self.lex.words("reprisal_words") for o in objects_of(verb, ("dobj", "obj")))
        # "vowed that the strikes will not go unanswered", "vowed that the killers would be brought to justice"
        return reprisal or any(forceful(d) or price_promised(d, self.lex, vowed=d.dep_ == "xcomp") for d in deeds)

    def _asked_for(self, trigger: Token) -> bool:
        """What one party asks another to do: "urged Berlin to deliver Taurus missiles", "called
        on allies to send air defences", "called for the deployment of peacekeepers", "urged the
        Council to impose an embargo"."""
        asking = self.lex.words("request_verbs")
        if trigger.pos_ == "VERB":
            head = trigger.head if trigger.dep_ == "xcomp" else None
        elif trigger.dep_ == "pobj" and trigger.head.lower_ == "for":
            head = trigger.head.head  # "called for the deployment of"
        else:
            head = trigger.head if trigger.dep_ in {"dobj", "obj"} else None
            if head is not None and head.dep_ == "xcomp" \
                    and head.head.lemma_.lower() not in self.lex.words("deed_offering_verbs"):
                # "urged the Council to impose an arms embargo" ("invited them to hold talks" is planned)
                head = head.head
        if head is None or head.lemma_.lower() not in asking:
            return False
        asker = subject_of(head)  # "the accord calls for a withdrawal" stipulates it: planned
        return asker is None or asker.lemma_.lower() not in (
            self.lex.words("stipulating_nouns") | self.lex.words("commitment_nouns"))

    def _stays_in_a_place(self, verb: Token, mentions: Mentions) -> bool:
        """"will remain in Karvina through Sunday": a place the parser or the gazetteer names
        ("there are 900 troops in Syria": the parser hangs it on the troops)."""
        return any((span := mentions.span_at(o)) is not None and span.label_ in {"GPE", "LOC", "FAC"}
                   or span is None and self._held_site(o, mentions) for o in where_said_to_be(verb))

    def _held_site(self, noun: Token, mentions: Mentions) -> bool:
        """"marines remained in the main ports", "800 marines are inside the docks": a site forces
        hold, not "remain in hospital" or "were in custody" (senses.yaml not_held_sites)."""
        return mentions.is_thing(noun) and noun.lemma_.lower() not in self.lex.words("not_held_sites")

    def _warns_of_own_deed(self, verb: Token, mentions: Mentions) -> bool:
        """"Ruritania warned it would close the strait if the sanctions went ahead": a warning of
        what the warner itself would do on a condition is a threat; so is one of force it would
        use ("Iran's spokesman warned that Iran would retaliate against Israel"); "warned that
        roads could flood if the rain continued" is not (the roads are not the warner)."""
        if verb.lemma_.lower() not in self.lex.words("warning_verbs"):
            return False
        warner = subject_of(verb) or (subject_of(verb.head) if verb.dep_ == "conj" else None)  # "called ... and warned"
        warned = [o for o in objects_of(verb, ("dobj", "obj")) if (span := mentions.span_at(o)) is not None
                  and span.label_ in {"GPE", "ORG", "NORP", "PERSON"}]
        if warned and any(prep == "of" and o.lemma_.lower() in self.lex.words("price_faced")
                          for prep, o in preps_of(verb)):
            return True  # "warned Israel of the repercussions" (not "warned patients of the consequences")
        harm = self.vowed_harm
        for clause in said_clauses(verb):
            if price_promised(clause, self.lex):
                return True  # "warned that the United States would pay a heavy price"
            doer = subject_of(clause)
            conditional = any(c.dep_ == "advcl" and any(m.dep_ == "mark" and m.lower_ in {"if", "unless"}
                                                        for m in c.children) for c in clause.children)
            promised = any(c.dep_ == "aux" and c.lower_ in self.lex.words("promise_modals") for c in clause.children)
            if (conditional or clause.lemma_.lower() in harm or self._force_used(clause)) and promised \
                    and warner is not None \
                    and doer is not None and self.same_party(doer, warner, mentions):
                return True
        return False

    def _fighters_storm_in(self, verb: Token, mentions: Mentions) -> bool:
        """Irregular fighters or an armed group entering a town, a city or a camp take it by
        force ("rebels entered Goma", "militants entered the city of Hama"); troops entering a
        place are sent there."""
        if verb.lemma_.lower() not in self.lex.words("storming_in_verbs"):
            return False
        doer = subject_of(verb)
        if doer is None or doer.dep_ != "nsubj":
            return False
        span = mentions.span_at(doer)
        group = mentions.resolve_span(span) if span is not None else None
        armed = doer.lemma_.lower() in self.lex.words("irregular_fighters") \
            or group is not None and "armed group" in str(group.attrs.get("kind", ""))
        return armed and any(self._names_a_place(o, mentions) and not self._names_a_country(o, mentions)
                             for o in objects_of(verb, ("dobj", "obj")))

    def _force_used(self, clause: Token) -> bool:
        """"would act with full force against", "would act forcefully": force the doer would use."""
        manner = {o.lemma_.lower() for p in clause.children if p.dep_ == "prep" and p.lower_ == "with"
                  for o in p.children if o.dep_ == "pobj"} | {c.lemma_.lower() for c in clause.children
                                                                if c.dep_ == "advmod"}
        return clause.lemma_.lower() in self.lex.words("force_using_verbs") and bool(
            manner & self.lex.words("force_manners"))

    @staticmethod
    def same_party(doer: Token, warner: Token, mentions: Mentions) -> bool:
        """"they" or "it" of a party, or the party named again, itself, by its capital or as the
        owner of who warns ("Iran's foreign ministry spokesman warned that Iran would ...",
        "Iran's armed forces chief warned that Tehran would strike ...")."""
        if doer.lower_ in {"it", "they", "we", "he", "she", "i"}:
            return True
        if any(c.dep_ == "poss" and c.lower_ in OWN_POSSESSIVES for c in doer.children) \
                and (mentions.is_personnel(doer) or doer.lemma_.lower() in mentions.lex.words("irregular_fighters")):
            return True  # "a commander warned that his fighters would retaliate": the warner's own men
        named = mentions.span_at(doer)
        if named is None:
            # "the army spokesman warned that the army would respond": the body its speaker is named by
            return doer.pos_ == "NOUN" and any(t.i != warner.i and t.pos_ == "NOUN" and t.lemma_ == doer.lemma_
                                               for t in warner.subtree)
        party = mentions.resolve_span(named)
        if party is not None and is_country(party) and TriggerSenses._speaks_for_state(warner, party, mentions):
            return True  # "Defence Minister Israel Katz warned that Israel would act with full force"
        state = party.attrs.get("metonym_of") if party is not None else None  # "Tehran" for Iran
        for token in warner.subtree:
            span = mentions.span_at(token)
            if span is None:
                continue
            ent = mentions.resolve_span(span)
            if span.text.lower() == named.text.lower() or party is not None and ent is party \
                    or state is not None and ent is not None and ent.id == state:
                return True
        return False

    @staticmethod
    def _speaks_for_state(warner: Token, state: Entity, mentions: Mentions) -> bool:
        """The warner is an office holder of ``state``: a person of that country named with an
        office ("Defence Minister Israel Katz") or known for one."""
        span = mentions.span_at(warner)
        person = mentions.resolve_span(span) if span is not None and span.label_ == "PERSON" else None
        return person is not None and person.type == "PERSON" and person.country == state.country \
            and (bool(person.attrs.get("roles")) or any(t.lemma_.lower() in SPOKES_NOUNS for t in warner.subtree))

    def _lives_taken(self, noun: Token) -> bool:
        """"cost 1,269 Libyan lives", "the unrest has claimed some 2,400 lives", "took the lives
        of 49 club goers", "four Americans lost their lives": a toll counted or whose dead are named."""
        if noun.dep_ not in {"dobj", "obj"} or noun.head.lemma_.lower() not in self.lex.words("life_taking_verbs"):
            return False
        if noun.head.lemma_.lower() == "lose":
            return any(c.dep_ == "poss" and c.lower_ in {"their", "his", "her"} for c in noun.children) \
                or any(c.dep_ == "nummod" for c in noun.children)
        return any(c.dep_ == "nummod" for c in noun.children) or any(
            p == "of" and (any(c.dep_ == "nummod" for c in o.children) or o.ent_type_ in {"PERSON", "NORP"})
            for p, o in preps_of(noun))

    def _people_lost(self, noun: Token, mentions: Mentions) -> bool:
        """"with the loss of more than 300 soldiers": what is lost after "of" is people, counted;
        "Russian forces sustained heavy losses", "inflicted heavy losses on the rebels": forces or
        people suffered them (not "the firm suffered losses")."""
        lost = [o for prep, o in preps_of(noun) if prep == "of"]
        if any(any(c.dep_ == "nummod" for c in o.children) and self._people_word(o, mentions) for o in lost):
            return True
        return any(self._people_word(who, mentions) or is_armed_noun(who, mentions) for who in sufferers(noun))

    def _people_word(self, token: Token, mentions: Mentions) -> bool:
        """A noun that names people by what it says, not by a number it carries ("soldiers",
        "Vandarian troops", "civilians"; not "jobs", "dollars")."""
        lemma = token.lemma_.lower()
        return mentions.is_personnel(token) or self.lex.heads.get(lemma) in {"PERSON", "GROUP"} \
            or lemma in self.lex.words("non_state_people") or lemma in self.lex.words("generic_victims") \
            or bool(mentions.named_in(token, {"NORP"}))

    @staticmethod
    def _a_town(span: Span, mentions: Mentions) -> bool:
        """"captured Bukavu", "captured Lalibela" (tagged a person): a town is no people, though
        a country may stand for its people or its army."""
        if span.label_ in {"PERSON", "ORG"}:
            return mentions.looks_like_place(span)
        if span.label_ != "GPE":
            return False
        place = mentions.resolve_span(span)
        return place is not None and place.lat is not None and not is_country(place)

    def _of_a_place(self, noun: Token, mentions: Mentions) -> bool:
        """"the fall of Karvina", "the capture on Sunday of the air base" (the parser hangs that
        "of" on the day): what is taken is a place, not a country ("the fall of the Soviet Union")."""
        days = [t for t in noun.doc[noun.i + 1:noun.i + 4] if t.ent_type_ in {"DATE", "TIME"}]
        taken = [o for t in (noun, *days) for prep, o in preps_of(t) if prep == "of"]
        return any(self._names_a_place(o, mentions) and not self._names_a_country(o, mentions) for o in taken)

    def _names_a_country(self, token: Token, mentions: Mentions) -> bool:
        span = mentions.span_at(token)
        entity = mentions.resolve_span(span) if span is not None else None
        return entity is not None and is_country(entity)

    def _names_a_place(self, token: Token, mentions: Mentions) -> bool:
        span = mentions.span_at(token)
        return span is not None and span.label_ in {"GPE", "LOC", "FAC"} or \
            token.lemma_.lower() in self.lex.words("seizable_places") or mentions.vessel_at(token) is not None \
            or token.pos_ == "PROPN" and not token.n_lefts and mentions.resolver.is_place(token.text) \
            and (span is None or len(span) == 1 and (span.label_ != "PERSON" or mentions.town_of_the_story(span)))
        # "liberated Krasnohorivka", tagged an "ORG"; "captured Lalibela" in a story of Ethiopia, a "PERSON"

    def _object_is_place(self, verb: Token, mentions: Mentions) -> bool:
        """"captured the outpost", "the trawler was hijacked", "the captured vessels"; not
        "captured 48 Libyans", "seized the drugs" or "the ship sank"."""
        return any(self._names_a_place(o, mentions) for o in what_is_taken(verb))

    def _takes_control_of_a_place(self, verb: Token, mentions: Mentions) -> bool:
        """"took control of Goma", "took over the airport"; not "took control of the consortium".
        What one takes control of is a place wherever a known town's name stands there, whatever
        the tagger made of it ("Goma" as a person)."""
        objects = what_is_taken(verb)
        controlled = [place for o in objects if o.lemma_.lower() == "control"
                      for prep, place in preps_of(o) if prep == "of"]
        taken = [o for o in objects if o.lemma_.lower() != "control"] + controlled
        return any(self._names_a_place(o, mentions) for o in taken) \
            or any(o.pos_ == "PROPN" and mentions.resolver.is_place(o.text) for o in controlled)

    def _object_is_war_materiel(self, verb: Token, mentions: Mentions) -> bool:
        """"destroyed 12 tanks", "destroyed 21 of 25 drones", "destroyed a radar station", "the
        vessel destroyed by the navy"; not "destroyed the documents" or "destroyed 300 homes"."""
        for thing in map(whole_of_part, what_is_taken(verb)):
            lemma = thing.lemma_.lower()
            if mentions.materiel_kind(thing) or mentions.named_in(thing, {"WEAPON"}) \
                    or lemma in MILITARY_SITES or lemma in self.lex.words("military_works"):
                return True
        return False

    def _destroyed_by_arms(self, verb: Token, mentions: Mentions, t: ClaimType) -> bool:
        """What a weapon, a strike or armed men destroy is hit, whatever it is: "Russian missiles
        destroyed a power plant", "the airstrike destroyed a school", "troops destroyed the bridge";
        not "the fire destroyed homes", "the ministry destroyed the files"."""
        bare_participle = verb.tag_ == "VBN" and not any(c.dep_ in {"aux", "auxpass"} for c in verb.children)
        agent = agent_of(verb) if bare_participle else doer_of(verb)  # "aid destroyed": the aid was
        if agent is None and bare_participle and any(c.dep_ == "nsubj" for c in verb.children):
            agent = doer_of(verb)  # a past tense with its subject, that the tagger misread after a headline
        if agent is None or mentions.span_at(agent) is not None:
            return False
        lemma, kind = agent.lemma_.lower(), mentions.materiel_kind(agent)
        return mentions.is_personnel(agent) or bool(kind) and kind not in self.lex.words("non_arms_kinds") \
            or lemma in t.nouns or self.lex.is_armed(agent) \
            or lemma in self.lex.words("blast_words") and self._explosives_told(verb.doc)  # not a gas leak's

    def _armed_boarding(self, verb: Token, mentions: Mentions) -> bool:
        """Armed men board a ship: "commandos boarded the tanker Talara Star", "pirates boarded
        the vessel"."""
        doer = doer_of(verb)
        if doer is None or not (mentions.is_personnel(doer) or self.lex.is_armed(doer)):
            return False
        return any(self._a_ship_seized(o, mentions) for o in objects_of(verb, ("dobj", "obj")))

    def _a_ship_seized(self, craft: Token, mentions: Mentions) -> bool:
        """A named ship or a ship of trade, not a pirate boat a navy boards nor a hijacked ship it
        frees ("boarded the pirate skiff", "boarded the hijacked bulk carrier"), nor a train."""
        if mentions.vessel_at(craft) is not None:
            return True
        described = {c.lemma_.lower() for c in craft.children if c.dep_ in {"amod", "compound"}}
        return craft.lemma_.lower() in self.lex.words("trading_ships") \
            and not described & self.lex.words("seized_before_words")

    def _armed_agent(self, verb: Token, mentions: Mentions, t: ClaimType) -> bool:
        """Who or what does the killing is armed or a weapon: "troops killed 20", "a gunman
        wounded three", "the blast killed four", "killed by police"; not "the crash killed
        20", "the flu killed thousands", "he was killed" (no one named)."""
        if verb.pos_ != "VERB" or verb.tag_ == "VBN" and verb.dep_ in {"amod", "acl"}:
            return False
        if verb.dep_ in {"advcl", "conj"} and verb.head.lemma_.lower() in self.lex.words("arrival_weapon_verbs") \
                and not self._munition_arrives(verb.head, mentions):
            return False  # "a helicopter crashed, killing two pilots": an accident's toll
        agent = doer_of(verb)
        if agent is not None and self._a_person_kills(verb, agent):
            return True  # "the man who killed four people", "he was convicted of killing a judge"
        if agent is None or agent.lower_ in PRONOUNS:
            return False
        span = mentions.span_at(agent)
        if span is not None:
            return span.label_ in {"PERSON", "ORG", "GPE", "NORP"}
        lemma = agent.lemma_.lower()
        return (mentions.is_personnel(agent) or bool(mentions.materiel_kind(agent))
                or self.lex.is_armed(agent) or lemma in t.nouns | t.weapon_nouns
                or bool(mentions.named_in(agent, {"NORP", "GPE", "ORG"})))

    def _a_person_kills(self, verb: Token, agent: Token) -> bool:
        """A person who kills someone attacks them: "he", "the man", "an employee" killing a
        person is a homicide (REALNEWS: an ATTACK beside the CASUALTY); "the crash killed" is not."""
        lemma = agent.lemma_.lower()
        person = agent.lower_ in {"he", "she"} or agent.tag_ in {"NN", "NNS"} and (
            lemma in self.lex.words("lone_doers") or lemma in self.lex.words("armed_people"))
        # "killed by a drunk driver": a road death, not an attack
        return person and lemma not in self.lex.words("road_users") and verb.lemma_.lower() in HOMICIDE_VERBS

    def _armed_side(self, verb: Token, mentions: Mentions) -> bool:
        """One side of a clash is armed: "protesters clashed with police", "rebels clashed",
        "demonstrators battled riot police" ("the US clashed with China over tariffs" is words:
        states alone are not enough)."""
        sides = [s for s in [subject_of(verb)] if s is not None] + [o for p, o in preps_of(verb) if p == "with"] \
            + objects_of(verb, ("dobj", "obj"))
        return any(mentions.is_personnel(side) or self.lex.is_armed(side) for side in sides)

    def _plainly_people(self, token: Token, mentions: Mentions) -> bool:
        """People by the noun itself ("300 soldiers", "250 Americans"), not by a count alone."""
        span = mentions.span_at(token)
        lemma = token.lemma_.lower()
        return span is not None and span.label_ in {"PERSON", "NORP"} or mentions.is_personnel(token) \
            or lemma in self.lex.words("non_state_people") or self.lex.heads.get(lemma) in {"PERSON", "GROUP"} \
            or lemma in {"people", "person", "life", "civilian"}

    def _is_people(self, token: Token, mentions: Mentions) -> bool:
        span = mentions.span_at(token)
        if span is not None:
            return span.label_ in {"PERSON", "NORP", "GPE", "ORG"} and not self._a_town(span, mentions)
        lemma = token.lemma_.lower()
        if lemma in self.lex.words("thing_nouns") or mentions.materiel_kind(token) or is_measure(token) \
                or self.lex.heads.get(lemma) in THING_HEADS:
            return False  # "seized 40 kilograms of cocaine", "seized a Saudi supertanker" count no people
        return (token.like_num or token.lower_ in PRONOUNS and token.lower_ != "it" or token.lower_ == "others"
                or mentions.is_personnel(token)
                or lemma in self.lex.words("non_state_people") or lemma in self.lex.words("generic_victims")
                or self.lex.is_armed(token)  # "a policeman killed the shooter"
                or self.lex.heads.get(lemma) in {"PERSON", "GROUP"}  # "killing the company's owner"
                or any(c.dep_ == "nummod" or c.like_num for c in token.children)
                or lemma in PARTITIVE_WORDS or token.lower_ in PARTITIVE_WORDS  # "scores of people"
                or age_of(token) is not None or gives_an_age(token)  # "a 17-year-old was killed"
                or bool(mentions.named_in(token, {"NORP", "GPE"})))

    def _denial_noun_denies(self, noun: Token) -> bool:
        """"Moscow's denial", "a denial that ...", "denial of the reports"; not "a denial of
        service attack" or "the rejection of the bill"."""
        for prep in noun.children:
            if prep.dep_ == "prep" and prep.lower_ == "of":
                obj = next((o for o in prep.children if o.dep_ in {"pobj", "pcomp"}), None)
                return obj is not None and (obj.tag_ == "VBG" or obj.dep_ == "pcomp"
                                            or obj.lemma_.lower() in self.lex.words("claim_nouns"))
        return noun.dep_ != "compound"

    def _names_a_harm(self, noun: Token) -> bool:
        """"denied the killings", "rejected the shelling": a noun of an attack or a toll names the
        claim that it happened."""
        return noun.pos_ == "NOUN" and bool({"ATTACK", "CASUALTY"} & set(
            self.trigger_types.get((noun.lemma_.lower(), "NOUN"), ())))

    def _denies_a_claim(self, verb: Token) -> bool:
        """A denial governs a clause ("denied that ...", "denied sending"), or a claim noun; a
        request refused is no claim denied ("the court denied an appeal challenging the ruling")."""
        refused = self.lex.words("requests_refused")
        if any(c.dep_ in {"dobj", "obj", "nsubjpass"} and c.lemma_.lower() in refused for c in verb.children):
            return False
        if verb.lemma_.lower() == "rule":
            # "ruled out Taliban involvement" denies a claim; "ruled out sending troops" is a deed
            # it will not do (denied, as a refusal is), no one else's claim
            return any(c.dep_ in {"dobj", "obj"} and c.lemma_.lower() in self.lex.words("claim_nouns")
                       for c in verb.children)
        for child in verb.children:
            if child.dep_ in {"ccomp", "xcomp", "pcomp", "csubj"}:
                return True
            if child.dep_ in {"dobj", "obj", "nsubjpass"} and (
                    child.tag_ == "VBG" or child.lemma_.lower() in self.lex.words("claim_nouns")
                    or self._names_a_harm(child)):
                return True
            if child.lemma_.lower() in self.lex.words("claim_nouns") and claim_read_as_a_verb(child, verb):
                return True  # "IDF rejects Hamas claim that ...", "claim" read as a second verb
        if denies_the_clause_before(verb) or denies_what_it_refers_to(verb):
            return True
        if verb.dep_ == "amod" or verb.dep_ in {"acl", "relcl"}:
            # "the denied reports", "a claim the army denied", "a charge rejected by Delhi"
            return verb.head.lemma_.lower() in self.lex.words("claim_nouns")
        return False

    @staticmethod
    def _own_weapon(noun: Token, mentions: Mentions) -> bool:
        """"artillery fire", "fire from heavy machine guns": the weapon is the noun's own; "came
        under fire by three gunmen", "from rebels": armed people shooting ("from critics" is words)."""
        own = [c for c in noun.children if c.dep_ in {"compound", "amod"}]
        holders = [noun, noun.head.head] if noun.dep_ == "pobj" and noun.head.lower_ == "under" else [noun]
        shooters = [o for h in holders for p in h.children if p.dep_ == "prep" and p.lower_ in {"from", "of", "by"}
                    for o in p.children if o.dep_ == "pobj"]  # "came under fire from mortars"
        return any(mentions.materiel_kind(t) or mentions.named_in(t, {"WEAPON"})
                   for o in own + shooters for t in [o, *o.conjuncts]) \
            or len(holders) > 1 and any(is_armed_noun(o, mentions) or mentions.is_personnel(o) for o in shooters)

    def _has_argument(self, token: Token, mentions: Mentions, weapon=False, personnel=False, arms=False,
                      traded=False) -> bool:
        """Whether a weapon (with ``arms``: no money, aid or equipment; ``traded``: no knife or
        bottle, weapons only as used) or personnel is an argument."""
        verb = token if token.pos_ in {"VERB", "AUX", "ADJ"} else clause_head(token)
        # "sending weapons to the Rapid Support Forces": forces sent to are no forces sent
        args = objects_of(verb) + [o for prep, o in preps_of(verb)
                                   if not (personnel and not weapon and prep in {"to", "into", "towards", "toward"})]
        if token.pos_ == "NOUN":
            # "a $5,000 donation": the amount counts the noun
            args += [o for _, o in preps_of(token)]
            args += [c for c in token.children if c.dep_ in {"compound", "amod", "nummod"}]
        subj = subject_of(verb) or (holder_of_a_place(verb) if personnel else None)
        if subj is not None:
            args.append(subj)
        if subj is not None and subj.dep_ == "expl":
            args += [c for c in verb.children if c.dep_ == "attr"]  # "there are 900 troops in Syria"
        # "provided Russia with drones", "half of the ammunition": one preposition deeper (but
        # "firms with 600,000 workers are heading for bankruptcy" sends no one: people "with"
        # something move only when it carries them, "a convoy with 300 soldiers")
        args += [o for a in list(args) for prep, o in preps_of(a)
                 if not (personnel and not weapon and prep == "with" and not mentions.is_craft(a)
                         and mentions.materiel_kind(a) is None)]
        if personnel and subj is not None:
            # "the survey ship, escorted by warships, would sail into the strait": the escort sails too
            # (not "Shultz, accompanied by senior advisers, arrived": a minister's staff escorts no one)
            escorts = [o for c in subj.children if c.dep_ == "acl" for prep, o in preps_of(c) if prep == "by"
                       and not self._staff(o)]
            # "escorted by a number of warships"; not "by a panoply of senior advisers"
            args += escorts + [o for e in escorts for prep, o in preps_of(e) if prep == "of" and not self._staff(o)]
        if weapon and self._a_device_explodes(verb, subj, mentions):
            return True
        if weapon and verb.pos_ == "VERB" and mentions.materiel_kind(verb):
            return True  # "was pepper-sprayed by a bystander": the weapon is in the verb
        for a in args:
            for t in [a, *a.conjuncts]:
                kind = mentions.materiel_kind(t)
                if arms and kind in self.lex.words("non_arms_kinds"):
                    continue  # "using cash", "deployed cleaner technology"
                if traded and kind in self.lex.words("improvised_kinds"):
                    continue  # "the store sold bottles of wine", "kitchen knives"
                if weapon and (kind or mentions.named_in(t, {"WEAPON"}) or t.ent_type_ == "MONEY" and not arms):
                    return True
                if personnel and (mentions.is_personnel(t) or mentions.is_naval_unit(t)):
                    return True
                if personnel and verb.lemma_.lower() in self.lex.words("stationing_verbs") \
                        and (kind in PLATFORM_KINDS or mentions.is_craft(t)):
                    return True  # "NATO deployed fighter jets to Poland": warplanes are stationed there
        return False

    @staticmethod
    def _fighters_hold_a_place(verb: Token, mentions: Mentions) -> bool:
        """"100 rebels were occupying the headquarters": armed men holding a place are posted
        there as troops are (not "rebels fled", "gunmen went to the house")."""
        subj = subject_of(verb) if verb.pos_ == "VERB" else None
        return subj is not None and bool(objects_of(verb)) and fighters_holding(verb, things_counted(subj), mentions)

    def _staff(self, noun: Token) -> bool:
        """Advisers, experts or aides with no military word before them ("senior advisers and
        technical experts"; not "military advisers")."""
        military = self.lex.words("military_modifiers")
        return noun.lemma_.lower() in self.lex.words("staff_nouns") and not any(
            c.lower_ in military for c in noun.children if c.dep_ in {"amod", "compound"})

    def _a_device_explodes(self, verb: Token, subj: Token | None, mentions: Mentions) -> bool:
        """"a suspicious device detonated", "it exploded after officers took it inside": what
        explodes is a bomb when it is a device or "it" for a bomb the sentence named before
        (``bomb_called_it``)."""
        if subj is None or verb.lemma_.lower() not in self.lex.words("exploding_verbs"):
            return False
        return subj.lemma_.lower() in self.lex.words("explosive_devices") or bomb_called_it(verb, mentions) is not None

    def _labour_strike(self, noun: Token) -> bool:
        """"the seamen's strike", "a strike by 40,000 seamen", "a general strike", "on strike",
        "the strike was illegal" in a story of strikers: the walkout sense of "strike", told by
        its words or, with no weapon or target named, by an article about strikers and unions."""
        if noun.lemma_.lower() not in {"strike", "walkout"} or noun.pos_ not in {"NOUN", "PROPN"}:
            return False
        if self._walkout_told(noun):
            return True
        aimed = any(p in {"on", "against", "at"} for p, _ in preps_of(noun)) or any(
            c.dep_ in {"amod", "compound"} and (
                c.lemma_.lower() in ATTACK_NOUNS or c.lemma_.lower() in self.lex.materiel
                or c.lemma_.lower() in {"air", "military", "drone", "missile", "precision"})
            for c in noun.children)
        return not aimed and self._about_strikers(noun.doc)

    def workers_strike(self, verb: Token) -> bool:
        """"unions said they would strike", "dock workers struck for a week": working people
        or their unions striking at nothing and no one walk out."""
        if verb.lemma_.lower() != "strike" or objects_of(verb, ("dobj", "obj")) \
                or any(p in {"on", "against", "at"} and o.ent_type_ not in {"DATE", "TIME"} for p, o in preps_of(verb)):
            return False  # ("struck at the base", not "strike on Monday")
        subj = subject_of(verb)
        if subj is not None and subj.dep_ == "nsubjpass":
            return False  # "the driver was struck": hit
        if subj is not None and subj.lower_ in {"they", "we"} and verb.dep_ in {"ccomp", "xcomp"}:
            subj = subject_of(verb.head)  # "the unions said they would strike"
        if subj is None:
            return False
        labour = self.lex.words("labour_strike_words")
        # "dock workers", "the unions"; "bank staff" by the word in front
        return subj.lemma_.lower() in labour or subj.lemma_.lower() == "staff" and any(
            c.dep_ in {"compound", "amod", "poss"} and c.lemma_.lower() in labour for c in subj.children)

    def _walkout_told(self, noun: Token) -> bool:
        """A strike its own words make a walkout: "the seamen's strike", "a general strike",
        "went on strike", "a strike by 40,000 seamen"."""
        labour = self.lex.words("labour_strike_words")
        if any(c.dep_ in {"amod", "compound", "poss", "nmod"} and c.lemma_.lower() in labour for c in noun.children):
            return True
        if noun.dep_ == "pobj" and noun.head.lower_ == "on" \
                and noun.head.head.lemma_.lower() in {"go", "be", "remain", "stay"}:
            return True  # "went on strike", "are on strike"
        armed = self.lex.words("armed_people")
        return any(self.lex.heads.get(o.lemma_.lower()) == "PERSON" and o.lemma_.lower() not in armed
                   for p, o in preps_of(noun) if p == "by")  # "a strike by 40,000 seamen"

    def _about_strikers(self, doc: Doc) -> bool:
        """The article speaks of strikers, pickets or walkouts, or tells one of its strikes as
        a walkout ("the seamen's strike ... the strikes in Brazil come as ...")."""
        if article_says_any(doc, "about_strikers", self.lex.words("labour_strike_cues")):
            return True
        key = "walkout_told"
        if key not in doc.user_data:
            strikes = [doc[i] for i, lemma in enumerate(lower_lemmas(doc)) if lemma in {"strike", "walkout"}]
            doc.user_data[key] = any(t.pos_ in {"NOUN", "PROPN"} and self._walkout_told(t) for t in strikes)
        return doc.user_data[key]

    @staticmethod
    def _weapon_does_it(verb: Token, mentions: Mentions) -> bool:
        subj, passive = subject_and_voice(verb)
        return subj is not None and not passive and mentions.materiel_kind(subj) is not None

    def _launched_at_no_land(self, verb: Token, mentions: Mentions) -> bool:
        """"fired two ballistic missiles into the sea", "launched a missile that landed in the
        Sea of Japan", "test-fired a new cruise missile": a launch into the sea, or a test with
        nowhere it was fired at, hits no one ("test-fired the missiles into Ukrainian territory"
        does)."""
        ends = reached(verb, {"into", "toward", "towards", "at", "on", "in"})
        ends += [o for obj in objects_of(verb, ("dobj", "obj")) for rel in obj.children if rel.dep_ == "relcl"
                 for o in reached(rel, {"into", "in", "on"})]
        tested = any(c.lower_ == "test" and c.i < verb.i for c in verb.children)
        if not ends:
            return tested
        return all(self._is_sea(o, mentions) for o in ends)

    def _is_sea(self, noun: Token, mentions: Mentions) -> bool:
        if noun.lemma_.lower() in self.lex.words("sea_words"):
            return True
        span = mentions.span_at(noun)
        entity = mentions.resolve_span(span) if span is not None else None
        return entity is not None and entity.attrs.get("kind") in {"sea", "water"}

    def _munition_arrives(self, verb: Token, mentions: Mentions) -> bool:
        """A verb of arriving ("fell", "landed", "crashed", "dropped") attacks only when what
        arrives is a munition, a missile or a drone, not an aircraft or a vehicle (an accident),
        and it is not another verb with a particle ("dropped off", "fell back")."""
        if any(c.dep_ == "prt" for c in verb.children):
            return False
        if verb.lemma_.lower() == "crash" and not reached(verb, {"into", "onto", "on", "near"}):
            return False  # "a US drone crashed in Yemen": lost, for all it says; "crashed into a block" hit it
        places = reached(verb, {"in", "into", "on"})
        if places and all(self._is_sea(o, mentions) for o in places):
            return False  # "a missile that landed in the Sea of Japan": it hit no one
        subj, passive = subject_and_voice(verb)
        arriving = objects_of(verb, ("dobj", "obj")) if verb.lemma_.lower() == "drop" and not passive else [subj]
        kinds = {mentions.materiel_kind(t) for a in arriving if a is not None for t in [a, *a.conjuncts]}
        return bool(kinds - {None} - self.lex.words("platform_kinds") - self.lex.words("non_arms_kinds"))


def reached(verb: Token, preps: AbstractSet[str]) -> list[Token]:
    """What the verb's prepositions ``preps`` take, but a day or an hour ("on Tuesday")."""
    return [o for p, o in preps_of(verb) if p in preps and o.ent_type_ not in {"DATE", "TIME"}]


def is_measure(token: Token) -> bool:
    """A unit of measure or a currency ("kilograms", "tons", "dollars"), never people."""
    return token.lower_ in measure_words() or token.lemma_.lower() in measure_words()


def toll_counted(noun: Token) -> bool:
    """"the death toll", "the toll in Dorn rose to 81", "a toll of 40": a toll of lives, not
    "took a heavy toll on the economy"."""
    if any(c.dep_ == "compound" and c.lemma_.lower() in {"death", "casualty"} for c in noun.children):
        return True
    told = [t for c in noun.children if c.dep_ == "prep" and c.lower_ == "of" for t in c.subtree]
    if noun.dep_ in {"nsubj", "nsubjpass"}:
        told += [t for c in noun.head.children if c.dep_ in {"prep", "attr", "dobj"} for t in c.subtree]
    # not "a toll of 5 dollars"
    return any(t.like_num and t.ent_type_ not in {"MONEY", "PERCENT", "QUANTITY"} for t in told)


def denies_what_it_refers_to(verb: Token) -> bool:
    """"but Israel denied that", "Kyiv denied it": a denial whose object points back."""
    return any(c.dep_ in {"dobj", "obj"} and c.lower_ in TOLD_PRONOUNS and c.pos_ == "PRON" for c in verb.children)


def denies_the_clause_before(verb: Token) -> bool:
    """", which Kyiv denied": a relative clause after a comma, whose "which" is the denied
    thing, takes back all that the clause before it says."""
    which = next((ch for ch in verb.children if ch.dep_ in {"dobj", "obj"} and ch.lower_ == "which"), None)
    return verb.dep_ == "relcl" and which is not None and which.i > 0 and verb.doc[which.i - 1].text == ","


def where_said_to_be(verb: Token) -> list[Token]:
    """The nouns after a locative preposition on the verb ("remained in Karvina"), or on the
    noun an expletive "there" introduces, where the parser hangs it ("there are 900 troops in
    Syria")."""
    there = any(c.dep_ == "expl" for c in verb.children)
    nodes = [verb, *(c for c in verb.children if there and c.dep_ == "attr")]
    return [o for node in nodes for prep, o in preps_of(node) if prep in LOCATIVE_PREPS]


def weighed_infinitive(verb: Token) -> bool:
    """"how to neutralize a gunman", "whether to send tanks": a deed weighed or asked about, in
    an infinitive a wh-word opens (not "explained how the gunmen attacked", which tells it)."""
    return verb.tag_ == "VB" and any(c.dep_ == "aux" and c.lower_ == "to" for c in verb.children) \
        and any(c.dep_ in {"advmod", "mark"} and c.lower_ in {"how", "whether", "when", "where", "if"}
                for c in verb.children)


def opens_a_quoted_title(token: Token) -> bool:
    """A capitalised word opening quotes after an owner's "'s" ("NBC's ''Meet the Press''",
    "CNN's 'State of the Union'"): the title of a show or a work, not something told."""
    doc = token.doc
    return token.is_title and token.i >= 2 and doc[token.i - 1].text in QUOTE_MARKS \
        and doc[token.i - 2].lower_ in {"'s", "’s", "s'"}


def life_threatening(token: Token) -> bool:
    """"life-threatening injuries", "non-life threatening wounds": "threatening" said of how
    grave something is, with "life" in front."""
    before = [t.lower_ for t in token.doc[max(token.i - 2, 0):token.i] if t.text != "-"]
    return token.lower_ == "threatening" and before[-1:] == ["life"]


def imperative(verb: Token) -> bool:
    """A bare verb that opens its clause with no subject: a command ("Strike the shepherd",
    "he said: 'Send more troops'", "'Don't shoot him,' she says")."""
    forbidding = [c for c in verb.children if c.dep_ == "aux" and c.lemma_ == "do" and c.i < verb.i]
    # the parser hangs a quoted "Don't ..." on the speech verb as an adverbial clause too
    if verb.tag_ != "VB" or verb.dep_ not in {"ROOT", "ccomp", "parataxis", *(("advcl",) if forbidding else ())}:
        return False
    if any(c.dep_ in {"nsubj", "nsubjpass", "aux", "auxpass", "expl", "mark"} and c not in forbidding
           for c in verb.children):
        return False
    first = next((t for t in verb.subtree if not t.is_punct and not t.is_space), None)
    return first is not None and first.i in {verb.i, *(c.i for c in forbidding)}


def hit_and_run(token: Token) -> bool:
    """"hit and run", "hit-and-run": a driver who struck someone and drove off."""
    after = [t.lower_ for t in token.doc[token.i + 1:token.i + 5] if t.text != "-"]
    return after[:2] == ["and", "run"]


def article_says_any(doc: Doc, key: str, lemmas: AbstractSet[str]) -> bool:
    """Whether a word of the article has one of ``lemmas``: asked per trigger, read once per
    article from the Doc's lemma column and kept under ``key``."""
    if key not in doc.user_data:
        doc.user_data[key] = not lemmas.isdisjoint(lower_lemmas(doc))
    return doc.user_data[key]


def is_time_anchor(noun: Token) -> bool:
    """"after the shooting", "about the attack": a bare definite mention that dates or
    names the topic of something else; the article has told the happening itself."""
    return is_bare_definite(noun) and not any(c.dep_ in {"prep", "acl", "relcl"} for c in noun.children) \
        and noun.dep_ == "pobj" and noun.head.lower_ in ANCHOR_PREPOSITIONS


def acted_on(verb: Token) -> list[Token]:
    """A verb's objects and its passive subject, or every passive subject where the parser gives
    two ("Seven aid workers from the charity World Central Kitchen were killed": the workers and
    the charity's name)."""
    objects = objects_of(verb, ("dobj", "obj")) + [s for s in [subject_of(verb)] if s is not None
                                                   and s.dep_ == "nsubjpass"]
    passive_subjects = [c for c in verb.children if c.dep_ == "nsubjpass"]
    if len(passive_subjects) > 1:
        objects += [c for c in passive_subjects if all(c.i != o.i for o in objects)]
    return objects


def what_is_taken(verb: Token) -> list[Token]:
    """What a verb does something to: its objects, its passive subject, the noun its participle
    describes ("the captured vessels"), and their conjuncts."""
    objects = objects_of(verb, ("dobj", "obj")) + [s for s in [subject_of(verb)] if s is not None
                                                   and s.dep_ == "nsubjpass"]
    objects = [it_taken_before(o) for o in objects]  # "entered the camp and seized it": the camp
    objects = [whole_taken_in_part(o) for o in objects]  # "captured most of northern Rakhine": Rakhine
    if verb.dep_ == "amod":
        objects.append(verb.head)
    return objects + [c for o in objects for c in o.conjuncts]


def harmed_nouns(trigger: Token) -> list[Token]:
    """The nouns a casualty word says were harmed: the victim of its clause ("pigs died",
    "a woman was killed"), the noun a casualty adjective describes ("dead poultry", "a missing
    girl") or the subject it is said of ("were found dead", "reported him missing"), a dying
    noun's "of", owner or compound ("the death of a boy", "the boy's death", "pig deaths")."""
    if trigger.pos_ == "NOUN":
        owners = trigger.children if trigger.dep_ != "conj" else [*trigger.children, *trigger.head.children]
        nouns = [c for c in owners if c.dep_ in {"poss", "compound"}]  # "swine sickness and death" too
        victim = victim_of(trigger)
    elif trigger.dep_ == "amod":
        nouns, victim = [], trigger.head
    elif trigger.dep_ in {"acomp", "oprd", "xcomp", "advcl", "pcomp"} and trigger.pos_ != "VERB" \
            or trigger.lower_ in {"missing", "dying"} and trigger.dep_ in {"xcomp", "advcl", "oprd", "pcomp"}:
        head = trigger.head.head if trigger.dep_ == "pcomp" else trigger.head  # "confirmed as dying"
        told = [c for c in head.children if c.dep_ in {"dobj", "obj"}]  # "reported him missing"
        nouns, victim = [], told[0] if told else subject_and_voice(head)[0]
    else:  # "a girl has been missing since Thursday": no object, the subject is who
        nouns, victim = [], victim_of(trigger) or subject_and_voice(trigger)[0]
    if victim is not None:
        nouns.append(victim)
    nouns = [n for noun in nouns for n in [noun, *noun.conjuncts]]
    # "dozens of chickens", "hundreds of birds": the count's "of" is who
    return [next((o for p, o in preps_of(n) if p == "of"), n) if n.lower_ in PARTITIVE_WORDS
            or n.pos_ == "NUM" else n for n in nouns]


def is_a_measure(noun: Token) -> bool:
    """A number, a percentage, an amount or a quantity ("89 degrees", "16%", "$799"); not a
    distance ("can hit targets 10 km away" is a weapon's range)."""
    return noun.lemma_.lower() not in DISTANCE_UNITS and (
        noun.pos_ == "NUM" or noun.ent_type_ in {"PERCENT", "QUANTITY", "MONEY"})


def victim_of(trigger: Token) -> Token | None:
    """Who was hit or killed, as the clause puts it: the object ("killed another man"), the
    passive subject ("a woman was killed", "their boss, who was gunned down"), the subject of
    dying ("that woman just died"), or the "of" of a noun ("the death of their boss")."""
    if trigger.pos_ == "NOUN":
        return next((g for p in trigger.children if p.dep_ == "prep" and p.lower_ == "of"
                     for g in p.children if g.dep_ == "pobj"), None)
    subj, passive = subject_and_voice(trigger)
    victim = subj if passive or trigger.lemma_.lower() == "die" else next(
        (c for c in trigger.children if c.dep_ in {"dobj", "obj"}), None)
    if victim is None and not passive and trigger.dep_ == "acl" and trigger.tag_ == "VBN":
        victim = trigger.head  # "the wife of a man fatally shot by police"
    elif victim is None and not passive:  # "shot and killed the teen"
        victim = next(iter(objects_of_the_next_verb(trigger, ("dobj", "obj"))), None)
    if victim is not None and victim.lower_ in {"who", "that"} and trigger.dep_ == "relcl":
        victim = trigger.head
    return victim
