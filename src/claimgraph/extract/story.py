"""Story-level role filling: roles an article names once and its claims leave unnamed.

A sentence often tells a happening without naming who did it, whom it hit or where ("a man
opened fire", "a woman was killed", "Four people were killed."), or quotes "a ministry
spokeswoman": the article names them elsewhere, in the lead or a sentence before. Once every
sentence has given its claims, these passes fill such empty roles from the whole document,
and only where the article leaves no doubt: one doer, one victim, one side, one town or
country. Except ``name_unnamed_speakers``, they run after the dating passes (``dating``): a
claim of another day may tell another happening.

- ``name_unnamed_speakers``: "a ministry spokeswoman" is the one named person the article
  calls its spokeswoman.
- ``named_suspect``, ``name_the_lone_doer``: "a man" who opened fire is the one person the
  article names as doer, suspect or arrested.
- ``name_the_lone_victim``: "a woman" killed is the one person it names as victim.
- ``share_roles_of_one_happening``: an attack and its toll share their doer and place.
- ``name_the_repelled_attackers``: the attacks fended off are those of the one attacker
  they name; ``aim_the_attack_referred_back``: an attack named again ("their attack") is on
  the one target its doers' attacks hit before.
- ``name_the_other_side``: in a war of two sides, what hit one was done by the other; with
  one side, the tolls after its attacks are its own.
- ``locate_in_the_lone_country`` (run by ``pipeline`` once the places are read for the
  whole article): the town of the day, else the one country the article names.

Who the article names is read in its body, after the headline (``headline_sentences``): a
title-case headline is where the tagger takes a shop for a person.
"""

from __future__ import annotations

from bisect import bisect_right
from collections.abc import Mapping
from collections.abc import Set as AbstractSet
from types import MappingProxyType

from spacy.tokens import Doc, Span, Token

from ..analyze.views import doc_ents, lower_lemmas
from ..model import Claim, Document, Entity
from .dating import INHERIT_SENTENCES, _has_event_time, _refers_back, back_reference_word
from .mentions import Mentions, is_country
from .roles import (ATTACK_NOUNS, DISTANCE_REACH, DISTANCE_UNITS, MILITARY_SITES, name_given_to, objects_of,
                    subject_and_voice)

# roles an attack and its toll share: who did it and where ("Rebels bombed the academy and
# injured 20 soldiers": the rebels injured them, at the academy)
SHARED_ROLES = {("ATTACK", "CASUALTY"): ("actor", "location"), ("CASUALTY", "ATTACK"): ("actor", "location"),
                ("ATTACK", "ATTACK"): ("actor", "location", "instrument"),
                ("CASUALTY", "CASUALTY"): ("actor", "location")}


def headline_sentences(doc: Doc, document: Document) -> int:
    """How many sentences the headline paragraph the text opens with has (0 without one)."""
    end = document.headline_end()
    return sum(1 for sent in doc.sents if sent.start_char < end) if end else 0


def done_to(verb: Token) -> list[Token]:
    """Whom a verb is done to: its passive subject, else its objects."""
    subj, passive = subject_and_voice(verb)
    return [subj] if passive and subj is not None else objects_of(verb, ("dobj", "obj"))


def named_suspect(doc: Doc, mentions: Mentions, headline: int = 0) -> tuple[str, int] | None:
    """The one person the article's body names as the suspect, gunman or shooter ("The
    suspect, 38-year-old Dan Rees, was ...", "the gunman, identified as Dan Rees"), or else the
    one it has arrested or charged, and the sentence it does so in; None when it names none
    or several."""
    words = mentions.lex.words("doer_descriptions")
    lemmas = lower_lemmas(doc)
    described = [i for i, lemma in enumerate(lemmas) if lemma in words]  # read once, not word by word
    if not described:
        return None
    starts = [sent.start for sent in doc.sents]
    found: dict[str, int] = {}
    for i in described:
        index = bisect_right(starts, i) - 1
        token = doc[i]
        if index >= headline and token.tag_ == "NN" \
                and any(c.dep_ == "det" and c.lower_ == "the" for c in token.children):
            person = name_given_to(token, mentions)
            if person is not None and person.type == "PERSON":
                found.setdefault(person.id, index)
    if not found:
        found = people_apprehended(doc, mentions, lemmas, starts, headline)
    return next(iter(found.items())) if len(found) == 1 else None


def people_apprehended(doc: Doc, mentions: Mentions, lemmas: list[str], starts: list[int],
                       headline: int) -> dict[str, int]:
    """The named people the body has arrested, charged or tracked down ("Police said they had
    located Anthony LaCalamita", "Dale Rees was charged with murder"), with the sentence that
    first says so."""
    verbs = mentions.lex.words("apprehending_verbs")
    found: dict[str, int] = {}
    for i in [i for i, lemma in enumerate(lemmas) if lemma in verbs]:  # read once, not word by word
        if doc[i].pos_ != "VERB":
            continue
        index = bisect_right(starts, i) - 1
        if index < headline:
            continue
        for noun in done_to(doc[i]):
            span = mentions.span_at(noun) if noun is not None else None
            person = mentions.resolve_span(span) if span is not None and span.label_ == "PERSON" else None
            if person is not None and person.type == "PERSON":
                found.setdefault(person.id, index)
    return found


def name_the_lone_doer(claims: list[Claim], unnamed: AbstractSet[str], entities: dict, headline: int = 0,
                       suspect: tuple[str, int] | None = None) -> None:
    """"A man opened fire at his former office" in an article whose attacks and killings
    name one person as their doer ("LaCalamita shot the two managers"): the man is that
    person, where and when the claim says nothing else (REALNEWS: annotators name him).
    Who the article names is read in its body, after the ``headline`` sentences: a
    title-case headline is where the tagger takes a shop for a person."""
    family = [c for c in claims if c.type in {"ATTACK", "CASUALTY"} and c.polarity != "denied"]
    doers = {a for c in family if c.id not in unnamed and c.sentence >= headline for a in c.roles.get("actor", [])}
    people = {a for a in doers if getattr(entities.get(a), "type", None) == "PERSON"}
    if not people and suspect is not None:
        name_the_suspect(family, unnamed, *suspect)
        return
    if len(people) != 1 or doers - people:
        return
    person = next(iter(people))
    known = [c for c in family if person in c.roles.get("actor", [])]
    for claim in family:
        # "In February, a gunman killed five at a mall in Salt Lake City": another man
        if claim.id in unnamed and consistent_with(claim, known):
            claim.roles["actor"] = [person]


# how far from the sentence naming the suspect an unnamed doer may be told and still be him
# (the lead and the next sentences; a roundup of other shootings follows much later)
SUSPECT_REACH = 2


def name_the_other_side(claims: list[Claim], sides: list[str], entities: dict,
                        allies: AbstractSet[frozenset[str]] = frozenset()) -> None:
    """The doer of an attack or a killing that names none, from the sides the article gives
    armed forces to ("Chadian troops", "Libyan soldiers", "Afghan warplanes"). With two
    sides, what hit one was done by the other ("29 Chadian soldiers were killed": by the
    Libyans; "troops killed 1,269 Libyan soldiers": the Chadians) and what one side
    attacked was the other's (:func:`aim_at_the_other_side`), unless the article
    shows them on one side (``allies``: "Kenyan and Somali troops"; acting together; one
    sending arms or troops to the other).
    With one side, the tolls told after its attacks are its own ("Afghan warplanes bombed
    a village ... Fifty-one people were killed"), when the article names no other doer."""
    family = [c for c in claims if c.type in {"ATTACK", "CASUALTY"} and c.polarity != "denied"]
    if len(sides) == 2 and not any(set(sides) <= group for group in allies) and not allied(claims, *sides):
        other = {sides[0]: sides[1], sides[1]: sides[0]}
        opposed = fought(family, *sides)
        for claim in family:
            hit = {t for t in claim.roles.get("target", []) if t in other}
            if not claim.roles.get("actor") and len(hit) == 1:
                claim.roles["actor"] = [other[next(iter(hit))]]
            elif claim.type == "ATTACK" and not hit and opposed:
                aim_at_the_other_side(claim, other, entities)
    elif len(sides) == 1:
        name_the_lone_side(family, sides[0], entities)


def aim_at_the_other_side(claim: Claim, other: dict[str, str], entities: dict) -> None:
    """"Chadian troops overran a garrison", "Libyan jets bombed the airstrip": in a war the
    article shows two sides fighting, the post one side attacked was the other's (REALNEWS
    annotators name that side as the target in place of the post, whose place is where it
    happened). Not any target: a ship or a town hit may be anyone's."""
    doers = {a for a in claim.roles.get("actor", []) if a in other}
    targets = claim.roles.get("target", [])
    if len(doers) == 1 and any(military_site(entities.get(t)) for t in targets):
        claim.roles["target"] = [t for t in targets if not military_site(entities.get(t))] + [other[doers.pop()]]


def military_site(entity: Entity | None) -> bool:
    words = entity.name.lower().split() if entity is not None else []
    return bool(words) and (words[-1] in MILITARY_SITES or words[-1].rstrip("s") in MILITARY_SITES)


def fought(family: list[Claim], one: str, other: str) -> bool:
    """Whether the article tells one of two parties attacking or killing the other."""
    return any(a in {one, other} and t in {one, other} and a != t
               for c in family for a in c.roles.get("actor", []) for t in c.roles.get("target", []))


def allied(claims: list[Claim], one: str, other: str) -> bool:
    """Whether the article shows two parties on one side: doers of one claim together, or
    one supplying or sending forces to the other ("U.S. and Iraqi troops", "France sent
    troops to Chad")."""
    for claim in claims:
        actors, receivers = set(claim.roles.get("actor", [])), set(claim.roles.get("recipient", []))
        if {one, other} <= actors or one in actors and other in receivers or other in actors and one in receivers:
            return True
    return False


def name_the_lone_side(family: list[Claim], side: str, entities: dict) -> None:
    """Tolls and attacks that name no doer, told after the attacks of the only side the
    article names as doer: that side's. A happening told before its first named attack
    ("Three people were killed in a blast ... near where South African troops raided last
    May") is not shown to be its, nor an air strike when the side is an armed group with no
    state's air force ("Houthi rebels fired a missile ... Warplanes later bombed the airport")."""
    doers = {a for c in family for a in c.roles.get("actor", [])}
    if doers != {side}:
        return  # no attack of the side, or other doers too: who did what is not guessed
    first = min(c.sentence for c in family if side in c.roles.get("actor", []))
    stateless = getattr(entities.get(side), "type", None) not in {"GPE", "NORP"} \
        and getattr(entities.get(side), "attrs", {}).get("kind") not in STATE_FORCE_KINDS
    air = {c.sentence for c in family if stateless and flown(c, entities)}
    for claim in family:
        if not claim.roles.get("actor") and claim.sentence > first and side not in claim.roles.get("target", []) \
                and claim.sentence not in air:
            claim.roles["actor"] = [side]


# what an organisation may be that flies a state's aircraft (organizations.jsonl kinds)
STATE_FORCE_KINDS = frozenset({"armed forces", "military command", "ministry of defence", "air force", "general staff"})
AIRCRAFT_KINDS = frozenset({"aircraft", "fighter aircraft", "bomber", "attack aircraft", "helicopter"})


def flown(claim: Claim, entities: dict) -> bool:
    """An attack by warplanes, jets, bombers or helicopters."""
    kinds = (getattr(entities.get(i), "attrs", {}) for i in claim.roles.get("instrument", []))
    return any(attrs.get("kind") in AIRCRAFT_KINDS or attrs.get("class") in AIRCRAFT_KINDS for attrs in kinds)


def name_the_suspect(family: list[Claim], unnamed: AbstractSet[str], person: str, named_at: int) -> None:
    """"A Michigan man shot ... The suspect, 38-year-old Dan Rees, ...": in an article whose
    attacks name no doer, the unnamed doers told beside the suspect's naming are the suspect."""
    near = [c for c in family if abs(c.sentence - named_at) <= SUSPECT_REACH]
    described = {a for c in near if c.id in unnamed for a in c.roles.get("actor", [])}  # "an Ohio man"
    if {a for c in family if c.id not in unnamed for a in c.roles.get("actor", [])} - described:
        return  # the article names other doers: who did what is not guessed
    for claim in near:
        actors = set(claim.roles.get("actor", []))
        if claim.id in unnamed or actors and actors <= described:
            claim.roles["actor"] = [person]


def name_the_lone_victim(claims: list[Claim], unnamed: AbstractSet[str], entities: dict, headline: int = 0) -> None:
    """"A woman was killed outside the store" in an article whose attacks and killings name
    one person as their victim ("Lena Hart died at the scene"): the woman is that person,
    where and when the claim says nothing else (REALNEWS: annotators name her). As for the
    lone doer, the victims named are those of the body, after the ``headline`` sentences."""
    family = [c for c in claims if c.type in {"ATTACK", "CASUALTY"} and c.polarity != "denied"]
    people = {t for c in family if c.sentence >= headline and c.id not in unnamed for t in c.roles.get("target", [])
              if getattr(entities.get(t), "type", None) in {"PERSON", "PERSONNEL"}}
    if len(people) != 1 or getattr(entities.get(next(iter(people))), "type", None) != "PERSON":
        return
    person = next(iter(people))
    known = [c for c in family if person in c.roles.get("target", [])]
    for claim in family:
        if claim.id in unnamed and consistent_with(claim, known):
            claim.roles["target"] = [person]  # in place of the description it is ("the teen")


def locate_in_the_lone_country(claims: list[Claim], entities: dict, doc: Doc, document: Document) -> None:
    """"Rebels bombed the pipeline near Arauca on Monday. ... Repeated bombings of the
    pipeline cost Colombia millions": in an article whose located attacks and tolls all lie
    in one country it names as a place, those it places nowhere, on no other day, happened
    in that country. Those of a day whose located attacks lie in one town (the toll of that
    attack: "seven people were injured on Monday") happened in the town, named country or
    not, unless they name a series. Not the town otherwise: a follow-up or a roundup may be
    anywhere in the country, and only the country is then sure (REALNEWS: nothing guessed).
    A claim placed in the country only keeps it: a lead's "in northern Chad" may sum up
    more than the one town. A town the gazetteer lacks, told with the one country of the
    article ("the fall of Wadi Kufra ... in Chad"), stands alone, as a known town makes its
    country redundant. Read in the body, after the headline, once the places are read for
    the whole article (the geoparser's "Shan" is the state in Myanmar, not the Chinese town
    the name alone gives)."""
    headline = headline_sentences(doc, document)
    told = [c for c in claims if c.type in {"ATTACK", "CASUALTY"} and c.sentence >= headline]
    family = [c for c in told if c.polarity != "denied"]
    located = [c for c in family if c.roles.get("location")]
    # an attack denied at a place is still told of there ("did not fire on any Armenian village")
    places = [entities.get(p) for p in dict.fromkeys(p for c in told for p in c.roles.get("location", []))]
    country = lone_country(places, entities)
    if country is not None and not named_as_place(country, doc):
        country = None
    town = lone_town(places)
    towns_by_day = towns_of_the_day(located, entities)
    sentences = list(doc.sents)
    for claim in family:
        here = claim.roles.get("location") or []
        if town is not None and town.country is None and town.id in here and coarser_names(here, town, entities):
            claim.roles["location"] = [town.id]  # the town the gazetteer lacks is the finer name
        elif not here and consistent_with(claim, located):
            day_town = towns_by_day.get(claim.time.start) if _has_event_time(claim) else None
            if day_town is not None and not names_several(claim, sentences) \
                    and not measures_a_distance(claim, sentences) and not aimed_at_a_country(claim, entities):
                claim.roles["location"] = [day_town.id]
            elif country is not None:
                claim.roles["location"] = [country.id]


def aimed_at_a_country(claim: Claim, entities: dict) -> bool:
    """"Russia launched 35 drones at Ukraine overnight": an attack on a whole country is not
    placed in the one town a later sentence tells of (debris in Odesa)."""
    return any(is_country(entities.get(t)) for t in claim.roles.get("target", []) if entities.get(t) is not None)


def towns_of_the_day(located: list[Claim], entities: dict) -> dict[str, Entity]:
    """Each day's town: the one town the located attacks and tolls of that day lie in."""
    places_by_day: dict[str, dict[str, None]] = {}
    for claim in located:
        if _has_event_time(claim):
            places_by_day.setdefault(claim.time.start, {}).update(dict.fromkeys(claim.roles["location"]))
    towns = {day: lone_town([entities.get(p) for p in ids]) for day, ids in places_by_day.items()}
    return {day: town for day, town in towns.items() if town is not None}


def measures_a_distance(claim: Claim, sentences: list[Span]) -> bool:
    """"annihilated a column some 45 km from the base": the sentence places its happening
    away from the place it names, so not in the town of the day either."""
    sent = sentences[claim.sentence] if claim.sentence < len(sentences) else None
    return sent is not None and any(t.lower_ in {"from", "of"} and any(
        w.lower_ in DISTANCE_UNITS and w.i > sent.start and sent.doc[w.i - 1].like_num
        for w in sent.doc[max(sent.start, t.i - DISTANCE_REACH):t.i]) for t in sent)


def coarser_names(here: list[str], town: Entity, entities: dict) -> bool:
    """Whether ``here`` is the town and one country (the lone town's, as ``lone_town`` checked)."""
    others = [entities.get(p) for p in here if p != town.id]
    return len(others) == 1 and others[0] is not None and is_country(others[0])


def lone_town(places: list[Entity | None]) -> Entity | None:
    """The one town every one of ``places`` is or lies in (besides its country); None when
    they name two, a sea or a region (a scene too wide to be one attack's place), a venue
    (ECB+ annotators place only the sentence's own mention of it), or a country the town
    does not lie in."""
    towns = [p for p in places if p is not None and not is_country(p)]
    countries = {p.country for p in places if p is not None and is_country(p)}
    if len(towns) != 1 or any(p is None for p in places) or len(countries) > 1:
        return None
    town = towns[0]
    if town.type != "GPE" or town.attrs.get("kind") not in {None, "city"}:
        return None
    if countries and town.country is not None and countries != {town.country}:
        return None
    return town


def names_several(claim: Claim, sentences: list[Span]) -> bool:
    """"Repeated bombings of the grid", "raids have wounded seven": the trigger, or an attack
    noun of its sentence, is a plural, a series that may have hit anywhere, not the one
    attack of the day."""
    sent = sentences[claim.sentence] if claim.sentence < len(sentences) else None
    return sent is not None and any(
        t.tag_ == "NNS" and (t.text == claim.trigger or t.lemma_.lower() in ATTACK_NOUNS) for t in sent)


def lone_country(places: list[Entity | None], entities: dict) -> Entity | None:
    """The country every one of ``places`` is or lies in; None when they lie in several,
    when one's country is unknown (a sea, a village the gazetteer lacks) or when they name
    two places in it."""
    codes = {getattr(p, "country", None) for p in places}
    if len(codes) != 1 or None in codes or sum(1 for p in places if not is_country(p)) > 1:
        return None  # two towns are two scenes: the country would join their happenings
    code = next(iter(codes))
    return next((e for e in entities.values() if e.country == code and is_country(e)), None)


def named_as_place(country: Entity, doc: Doc) -> bool:
    """"in Colombia", "Colombia's pipeline": the country's own name as a place, not a
    nationality ("a Canadian company" tells where the company is from)."""
    names = {n.lower() for n in [country.name, *country.aliases]}
    return any(ent.label_ in {"GPE", "LOC"} and ent.text.lower() in names for ent in doc_ents(doc))


def consistent_with(claim: Claim, known: list[Claim]) -> bool:
    """Whether ``claim`` may tell of the happening the ``known`` claims tell: no other place
    and no other day than theirs."""
    places = {p for c in known for p in c.roles.get("location", [])}
    days = {c.time.start for c in known if _has_event_time(c)}
    here = set(claim.roles.get("location", []))
    return not (here and places and not here & places
                or _has_event_time(claim) and days and claim.time.start not in days)


def told_by_others(claim: Claim, donor: Claim) -> bool:
    """"Rebels said they destroyed a post and an army spokesman said seven rebels were killed in
    a battle": two accounts by two speakers, not shown to be of one happening."""
    return claim.source is not None and donor.source is not None and claim.source != donor.source


def hit_other_things(claim: Claim, donor: Claim) -> bool:
    """Two attacks told in one sentence that hit different things ("it had sunk the pirate
    skiff, though the boat was a trawler being hijacked") are not shown to be one happening:
    whoever did one did not, for all the sentence says, do the other."""
    mine, theirs = set(claim.roles.get("target") or ()), set(donor.roles.get("target") or ())
    return claim.type == donor.type == "ATTACK" and bool(mine) and bool(theirs) and not mine & theirs


def killed_its_doer(claim: Claim, donor: Claim) -> bool:
    """"Mateen, who took the lives of 49, was killed by police": the doer of one is who the other
    hit, so he is not the other's doer."""
    return bool(set(donor.roles.get("actor") or ()) & set(claim.roles.get("target") or ()))


def downed_what_the_other_fired(claim: Claim, donor: Claim) -> bool:
    """"shot down 23 of the 30 drones launched overnight": whoever downed the drones did not
    launch them (what one hit is what the other fired)."""
    def hit(a: Claim, b: Claim) -> bool:
        return bool(set(a.roles.get("target") or ()) & set(b.roles.get("instrument") or ()))
    return hit(claim, donor) or hit(donor, claim)


def share_roles_of_one_happening(claims: list[Claim], paragraph_of: dict[int, int],
                                 repelled: AbstractSet[str] = frozenset(),
                                 meanwhile: Mapping[str, int] = MappingProxyType({})) -> None:
    """Fill an ATTACK's or CASUALTY's empty actor and location from the same happening: a
    claim of the family in the same sentence, or, when the claim refers back with a definite
    description ("the attack killed five"), the one just before it in the paragraph.
    ``repelled``: attacks someone fended off; whoever did so is not their attacker, so they
    share no actor with the captures or killings around them. ``meanwhile``: claims told in
    an "as" or "while" clause with a subject of its own (id -> the clause), another happening
    than the rest of the sentence's ("a bomb killed three as police fought protesters"): they
    share roles only with claims of the same clause."""
    family = [c for c in claims if c.type in {"ATTACK", "CASUALTY"} and c.polarity != "denied"]
    by_sentence: dict[int, list[Claim]] = {}
    for claim in family:
        by_sentence.setdefault(claim.sentence, []).append(claim)
    previous: Claim | None = None
    for sentence in sorted(by_sentence):
        members = by_sentence[sentence]
        for claim in members:
            donors = [m for m in members if m is not claim and meanwhile.get(m.id, -1) == meanwhile.get(claim.id, -1)
                      and not told_by_others(claim, m)]
            if previous is not None and _refers_back(claim) and previous.sentence >= sentence - INHERIT_SENTENCES \
                    and paragraph_of.get(previous.sentence) == paragraph_of.get(sentence):
                donors.append(previous)
            for donor in donors:
                for role in SHARED_ROLES[(donor.type, claim.type)]:
                    if role == "actor" and (claim.id in repelled or donor.id in repelled):
                        if claim.id in repelled and donor.type == "CASUALTY" and donor.sentence == sentence \
                                and not claim.roles.get("actor") and donor.roles.get("target"):
                            # "repulsed an attack and nabbed 23 pirates"
                            claim.roles["actor"] = list(donor.roles["target"])
                        continue
                    if role == "actor" and (hit_other_things(claim, donor) or killed_its_doer(claim, donor)):
                        continue
                    if role in {"actor", "instrument"} and downed_what_the_other_fired(claim, donor):
                        continue
                    if not claim.roles.get(role) and donor.roles.get(role):
                        claim.roles[role] = list(donor.roles[role])
        attacks = [m for m in members if m.type == "ATTACK"] or members
        previous = attacks[-1]


def name_the_repelled_attackers(claims: list[Claim], repelled: AbstractSet[str]) -> None:
    """"Pirate attack foiled in the Gulf ... the warship intercepted three boats and foiled an
    attack on merchant vessels": the attacks an article tells fended off, when those that
    name their attackers all name one, are that one's (whoever fended them off is no doer)."""
    fended = [c for c in claims if c.id in repelled and c.type == "ATTACK" and c.polarity != "denied"]
    doers = {a for c in fended for a in c.roles.get("actor", [])}
    if len(doers) != 1:
        return
    for claim in fended:
        if not claim.roles.get("actor"):
            claim.roles["actor"] = list(doers)


def aim_the_attack_referred_back(claims: list[Claim]) -> None:
    """"The gunmen were trying to board the tanker Orla ... the gunmen broke off their attack":
    an attack named again ("their attack", "the assault") by the doers of attacks told before,
    which all hit one target, was on that target."""
    attacks = [c for c in claims if c.type == "ATTACK" and c.polarity != "denied"]
    for claim in attacks:
        doers = set(claim.roles.get("actor", []))
        if claim.roles.get("target") or not doers or not (_refers_back(claim) or _owned_by_its_doers(claim)):
            continue
        aims = {tuple(c.roles["target"]) for c in attacks if c.sentence < claim.sentence
                and doers & set(c.roles.get("actor", [])) and c.roles.get("target")}
        if len(aims) == 1:
            claim.roles["target"] = list(aims.pop())


def _owned_by_its_doers(claim: Claim) -> bool:
    """"their attack", "its assault": the evidence gives the happening to its doers."""
    words = [w.strip(".,;:'\"") for w in claim.text.lower().split()]
    return any(a in {"their", "its", "his", "her"} and back_reference_word(b) for a, b in zip(words, words[1:]))


def acts_on(subject: Token, obj: Token) -> bool:
    return subject.dep_ == "nsubj" and obj.dep_ in {"dobj", "obj"} and obj.head.i == subject.head.i


def name_unnamed_speakers(doc: Doc, claims: list[Claim], mentions: Mentions) -> None:
    """"a ministry spokeswoman said ..." and later "said Dana Reyes, the spokeswoman for the
    ministry": when exactly one named person in the document carries the unnamed
    speaker's role noun, the claims are that person's."""
    roles: dict[str, set[str]] = {}
    for ent in doc_ents(doc):
        if ent.label_ != "PERSON":
            continue
        nouns = {c.lemma_.lower() for c in ent.root.children if c.dep_ == "appos"}
        # "Police Chief Tom Hale", "a spokeswoman for Dana Hart"; but "the director chastised
        # Clinton" makes no director of Clinton: the one who acts on her
        nouns |= {t.lemma_.lower() for t in doc[max(ent.sent.start, ent.start - 3):ent.start]
                  if t.pos_ in {"NOUN", "PROPN"} and not acts_on(t, ent.root)}  # not the last sentence's
        person = mentions.resolve_span(ent)
        if person is not None:
            for noun in nouns:
                roles.setdefault(noun, set()).add(person.id)
    renamed: dict[str, str] = {}
    for ent in mentions.entities.values():
        if ent.type != "SOURCE":
            continue
        head = ent.name.lower().split()[-1] if ent.name else ""
        if head in mentions.lex.words("state_bodies") or head in mentions.lex.words("body_speakers"):
            continue  # "police said" is the police, not the constable quoted elsewhere
        people = roles.get(head, set())
        if len(people) == 1:
            renamed[ent.id] = next(iter(people))
    if not renamed:
        return
    for claim in claims:
        if claim.source in renamed:
            claim.source = renamed[claim.source]
        claim.via = [renamed.get(v, v) for v in claim.via]
        claim.roles = {r: list(dict.fromkeys(renamed.get(i, i) for i in ids)) for r, ids in claim.roles.items()}
