"""The dating passes: a claim whose sentence gives no date takes one from the story.

News dates a happening once and then goes on about it ("Rebels shelled the town on Monday.
Four people were killed."), names it again paragraphs on ("The explosion went off at 8:30
p.m."), or tells a part of a day it has already named ("in the afternoon"). A sentence read
alone leaves such claims undated, or dated wrong; once every sentence has given its claims,
``claims.ClaimExtractor.extract`` runs these passes over the whole document, in this order:

- ``plan_what_lies_ahead``: a happening dated after the day of publication is planned.
- ``date_by_occurrence_sentences``: "The incident happened yesterday" dates the undated
  attacks and tolls told around it.
- ``inherit_event_times``: an undated claim takes the date of the dated claim of its family
  (``TIME_FAMILIES``: an attack and its toll, a speaker's acts in a row) told at most
  ``INHERIT_SENTENCES`` before it in the same stretch of the story, or across a paragraph
  break when it names the happening definitely ("the attack") or says "then".
- ``date_leads_from_what_follows``: a wire lead takes the date the next sentences give the
  same happening (a party or place in common).
- ``date_definite_references``: "the explosion" named again is the explosion dated before,
  however far on.
- ``date_parts_of_the_day``: "in the afternoon" is of the day the story is telling.
- ``date_a_named_person_s_death``: a person dies once.
- ``date_what_is_said_now``: "Lee says" was said the day the article was published.
- ``date_live_updates``: a live blog's "06:15 GMT:" update tells what happened that day.
- ``move_weekdays_into_last_week``: a bare weekday told after "last week" is that week's.
- ``narrow_named_happenings``, ``narrow_what_is_counted_back``: "the 2001 attacks" and "five
  years ago" are the happening the article dated more closely before.

Apart from ``plan_what_lies_ahead`` (which sets the modality) and the last three (which
correct a date the sentence gave: a weekday, a year, a count back), a pass dates only claims
left without a date of their own, and only where the story leaves little doubt: the same
family of happening and speaker, a date of a day or a few, no place that tells two
happenings apart. The time expressions themselves are found per sentence (``times``).
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Mapping, Set as AbstractSet
from types import MappingProxyType

import numpy
from spacy.attrs import LEMMA
from spacy.tokens import Doc, Span, Token

from ..analyze.views import span_ents
from ..model import Claim, Entity, Quantity, TimeSpan
from ..resolve.dates import counted_back, parse_iso, resolve_time
from ..resolve.entities import ID_PREFIX
from .lexicon import load_lexicon
from .mentions import _same_or_within
from .roles import CASUALTY_OF, SPEECH_ACTS, subject_of
from .times import sentence_times, time_attachment

# an attack and its toll are one happening: "Rebels shelled the town on Monday. Four people
# were killed." dates the killing too; a speaker's acts in a row are one speech ("On Wednesday
# night the president condemned ... He also denounced ..."), when the speaker is the same
TIME_FAMILIES = {"ATTACK": "ATTACK", "CASUALTY": "ATTACK", "DEPLOY": "DEPLOY", "TRANSFER": "TRANSFER",
                 "SANCTION": "SANCTION", "MEET": "MEET", "ACCUSE": "SPEECH", "CONDEMN": "SPEECH",
                 "DENY": "SPEECH", "THREATEN": "SPEECH", "NOTIFY": "SPEECH"}
INHERIT_SENTENCES = 2  # how far back in its paragraph an undated claim looks for the date
DAY_PARTS = frozenset({"morning", "afternoon", "evening"})  # "in the afternoon": of the day being told
BACK_REFERENCES = load_lexicon().words("back_references")
# what "the ... happened on Monday" may call the happening just told
OCCURRENCE_NOUNS = BACK_REFERENCES | {"incident", "event", "clash", "encounter", "skirmish", "confrontation"}


def _days(start: str, end: str) -> int:
    return abs((dt.date.fromisoformat(end) - dt.date.fromisoformat(start)).days)


def same_story_stretch(dated: Claim, later: int, paragraph_of: dict[int, int]) -> bool:
    """Sentences close enough that an undated one goes on about the happening just dated: the
    same paragraph, or the next one when paragraphs are a sentence or two (wire copy) and the
    date is a day or a few ("so far this year" dates a tally, not the next shooting)."""
    earlier = dated.sentence
    if paragraph_of.get(earlier) == paragraph_of.get(later):
        return True
    return paragraph_of.get(later, 0) - paragraph_of.get(earlier, 0) <= 1 and later - earlier <= INHERIT_SENTENCES \
        and _days(dated.time.start, dated.time.end or dated.time.start) <= 7


def date_by_occurrence_sentences(doc: Doc, claims: list[Claim], anchor: dt.date | None,
                                 paragraph_of: dict[int, int]) -> None:
    """"The incident happened yesterday when the ship was escorting a convoy": a sentence
    that only dates the happening just told dates the undated attacks and tolls told in
    the sentence before it and the ones after it, in the same stretch of the story."""
    found = occurrence_sentences(doc)
    sentence_index = {sent.start: k for k, sent in enumerate(doc.sents)} if found else {}
    for sent in found:
        day = occurrence_time(sent, anchor)
        if day is None:
            continue
        index = sentence_index[sent.start]
        for claim in claims:
            if claim.type in {"ATTACK", "CASUALTY"} and claim.polarity != "denied" and not _has_event_time(claim) \
                    and index - 1 <= claim.sentence <= index + INHERIT_SENTENCES \
                    and abs(paragraph_of.get(claim.sentence, 0) - paragraph_of.get(index, 0)) <= 1:
                claim.time = TimeSpan(day.start, day.end, day.text, "event")


def occurrence_sentences(doc: Doc) -> list[Span]:
    """The sentences with "happen", "occur" or "place" in them, found in the Doc's lemma
    column rather than token by token."""
    wanted = [doc.vocab.strings.add(w) for w in ("happen", "occur", "place")]
    hits = numpy.flatnonzero(numpy.isin(doc.to_array(LEMMA), wanted))
    return list({doc[int(i)].sent.start: doc[int(i)].sent for i in hits}.values())


def occurrence_time(sent: Span, anchor: dt.date | None) -> TimeSpan | None:
    """The time of a sentence saying when "the incident" or "the attack" happened."""
    if anchor is None:
        return None
    for span in sentence_times(sent):
        verb = time_attachment(span)
        if verb is None or not (verb.lemma_ in {"happen", "occur"}
                                or verb.lemma_ == "take" and any(c.lower_ == "place" for c in verb.children)):
            continue
        subject = subject_of(verb)
        if subject is not None and subject.lemma_.lower() in OCCURRENCE_NOUNS \
                and any(c.dep_ == "det" and c.lower_ in {"the", "this", "that"} for c in subject.children):
            resolved = resolve_time(span.text, anchor)
            if resolved is not None and resolved.start:
                return resolved
    return None


def plan_what_lies_ahead(claims: list[Claim], anchor: dt.date | None) -> None:
    """"before her visit to Paris next week": a happening dated wholly after the day the
    article was published has not happened; it is planned (REALNEWS: scheduled)."""
    if anchor is None:
        return
    for claim in claims:
        if claim.modality in {"fact", "reported"} and _has_event_time(claim) \
                and (parse_iso(claim.time.start) or anchor) > anchor:
            claim.modality = "planned"


def inherit_event_times(claims: list[Claim], paragraph_of: dict[int, int],
                        described: AbstractSet[str] = frozenset(),
                        named_by_victim: AbstractSet[str] = frozenset(),
                        unclaimed: AbstractSet[str] = frozenset(),
                        in_present: AbstractSet[str] = frozenset(),
                        told_then: AbstractSet[str] = frozenset(),
                        running: Mapping[str, bool] = MappingProxyType({}),
                        anchor: dt.date | None = None,
                        entities: Mapping[str, Entity] = MappingProxyType({})) -> None:
    """An undated claim about the happening just described takes its date: a dated claim
    of its family in the same sentence, else the nearest earlier one in the same
    paragraph, at most ``INHERIT_SENTENCES`` back, or in any paragraph when the claim names
    the happening definitely ("four died in the blast" after a quote in between).
    ``described``: claims told only to say what a noun is ("are bombing the airstrip captured
    on March 22"); their date is the noun's past, not the story's, and dates nothing else.
    ``named_by_victim``: claims whose noun names whom it hit ("the shooting of a protester").
    ``unclaimed``: happenings named too barely to be claims ("footage of Saturday's
    shooting"); they date only a claim just after them (:func:`_goes_on_from_a_bare_mention`).
    ``in_present``: claims told in the present tense.
    ``told_then``: claims whose clause says "then" (:func:`at_the_time_just_told`); like a
    definite name, it ties them to the happening just told however long ago it was.
    ``running``: tolls and runs told up to now ("the war has killed 31,000"); they take no
    happening's date, but "since then" runs from it to the ``anchor``. A claim that says where
    it happened takes no year or month from one told elsewhere (:func:`places_apart`: "the attack on
    the Khobar Towers in 1996 ... The attacks on two compounds in Benghazi" are two happenings; a
    toll that rose in another village that day is of the same day's raids)."""
    by_sentence: dict[int, list[Claim]] = {}
    for claim in claims:
        # a toll said to be none ("No one was injured") takes the day of the happening just told;
        # other denials are as often of a habit ("has repeatedly denied targeting civilians")
        if TIME_FAMILIES.get(claim.type) is not None and (claim.polarity != "denied" or claim.type == "CASUALTY"):
            by_sentence.setdefault(claim.sentence, []).append(claim)
    # a plan's date ("her visit next week") dates no happening, and a happening's no plan
    last: dict[tuple[str, bool], Claim] = {}
    for sentence in sorted(by_sentence):
        members = by_sentence[sentence]
        for claim in members:
            # (a toll said to be none dates nothing after it)
            if _has_event_time(claim) and claim.id not in described and claim.polarity != "denied":
                last[TIME_FAMILIES[claim.type], claim.modality == "planned"] = claim
        for claim in members:
            dated = last.get((TIME_FAMILIES[claim.type], claim.modality == "planned"))
            if _has_event_time(claim) or dated is None \
                    or not (same_story_stretch(dated, sentence, paragraph_of) or _refers_back(claim)
                            or claim.id in told_then) \
                    or sentence - dated.sentence > INHERIT_SENTENCES or not _same_speaker(claim, dated) \
                    or claim.id in named_by_victim and _hit_someone_else(claim, dated, members) \
                    or dated.id in unclaimed and not _goes_on_from_a_bare_mention(claim, dated, in_present) \
                    or places_apart(claim, dated, entities) and _days(dated.time.start, dated.time.end) > 7 \
                    or _a_running_tally(dated) and dated.sentence != claim.sentence and not _over_that_period(claim):
                continue
            if claim.id in running:
                if running[claim.id] and anchor is not None and dated.time.start <= anchor.isoformat():
                    claim.time = TimeSpan(dated.time.start, anchor.isoformat(), "since then", "event")
                continue
            claim.time = TimeSpan(dated.time.start, dated.time.end, dated.time.text, "event")
            # wire copy tells one happening a paragraph at a time: the toll two paragraphs on
            # still goes on about it, so a claim just dated passes the date on in its turn
            if claim.polarity != "denied":
                last[TIME_FAMILIES[claim.type], claim.modality == "planned"] = claim


def _a_running_tally(claim: Claim) -> bool:
    """"the death toll since October 7 has risen to 31,341": a count up to now dates what its
    sentence counts ("air strikes have killed 1,100 since January") and what is told "over
    the same period", not the next strike told after it."""
    return (claim.time.text or "").lower().startswith(("since", "so far"))


THAT_PERIOD = re.compile(r"\b(?:same|that|this) (?:period|time|span|stretch)\b", re.IGNORECASE)


def _over_that_period(claim: Claim) -> bool:
    return THAT_PERIOD.search(claim.text) is not None


def _goes_on_from_a_bare_mention(claim: Claim, mention: Claim, in_present: AbstractSet[str]) -> bool:
    """"Police released footage of Saturday's shooting. The courier was shot by a guard.": a
    happening only mentioned is weak evidence, so it dates only a claim in its sentence or
    the next, told in the past and with no time of its own, not even its report's day
    ("has not commented on Monday's strike. It has rejected accusations that it targets
    civilians" is no Monday targeting)."""
    return claim.sentence - mention.sentence <= 1 and claim.id not in in_present \
        and not (claim.time.start or claim.time.end)


def _hit_someone_else(claim: Claim, dated: Claim, members: list[Claim]) -> bool:
    """"After Scott's death Tuesday ... the arrest of a man in the fatal shooting of a
    demonstrator": a happening named by whom it hit is not one just told that hit others
    (its victims are those of the toll told by the same word)."""
    mine = {t for c in members if c.trigger == claim.trigger and c.type in {claim.type, "CASUALTY"}
            for t in c.roles.get("target", [])}
    theirs = set(dated.roles.get("target", []))
    return bool(mine and theirs and not mine & theirs)


def _same_speaker(claim: Claim, dated: Claim) -> bool:
    """A speech act goes on in the next sentences only with the same speaker."""
    if claim.type not in SPEECH_ACTS:
        return True
    return bool(set(claim.roles.get("actor", [])) & set(dated.roles.get("actor", [])))


def date_leads_from_what_follows(claims: list[Claim], paragraph_of: dict[int, int],
                                 others: AbstractSet[str] = frozenset(), headline: int = 0) -> None:
    """"Rebels attacked an army base near Goma, the army said." then "The rebels shelled
    the base on Monday ...": a wire lead names the happening, the sentence after dates it. An
    undated claim takes the date of a dated claim of its family at most ``INHERIT_SENTENCES``
    later in the same or the next paragraph that names one of its parties or places, when
    that date is a day or a few ("first used in late 2023" is background, not the lead's day).
    ``others``: claims about another happening ("a similar raid on Friday"), which date no lead.
    ``headline``: how many sentences the headline has; the sentences after it are counted from
    its last ("UN says 31 killed in Haiti gang rampage, thousands flee Solino" may be two)."""
    family = [c for c in claims if TIME_FAMILIES.get(c.type) is not None and c.polarity != "denied"]
    dated_here = []
    for claim in family:
        if _has_event_time(claim):
            continue
        mine = _role_entities(claim)
        told_from = max(claim.sentence, headline - 1)
        for later in family:
            if later.sentence <= told_from or later.sentence - told_from > INHERIT_SENTENCES \
                    or later.id in others \
                    or TIME_FAMILIES[later.type] != TIME_FAMILIES[claim.type] or not _has_event_time(later) \
                    or paragraph_of.get(later.sentence, 0) - paragraph_of.get(claim.sentence, 0) > 1:
                continue
            if (mine & _role_entities(later) or _same_count(claim, later)) \
                    and _days(later.time.start, later.time.end or later.time.start) <= 7 \
                    and not _told_elsewhere(claim, later):
                claim.time = TimeSpan(later.time.start, later.time.end, later.time.text, "event")
                dated_here.append(claim)
                break
    # "Insurgents kill at least 12 in raid on Macomia town": the toll of a headline names no
    # one of its own yet (it shares its attack's roles later), and is the attack's
    for dated in dated_here:
        for sibling in family:
            if sibling.sentence == dated.sentence and not _has_event_time(sibling) and sibling.id not in others \
                    and TIME_FAMILIES[sibling.type] == TIME_FAMILIES[dated.type] and not _role_entities(sibling):
                sibling.time = TimeSpan(dated.time.start, dated.time.end, dated.time.text, "event")


def _same_count(claim: Claim, other: Claim) -> bool:
    """"UN says 31 killed in Haiti gang rampage" and "At least 31 people were killed when gangs
    overran Solino": a toll of the same kind and number tells the same happening."""
    def numbers(c: Claim) -> set[float]:
        return {x for q in c.quantities for x in (q.value, q.low, q.high) if x is not None}
    return claim.type == other.type and bool(numbers(claim) & numbers(other))


def _told_elsewhere(claim: Claim, other: Claim) -> bool:
    """"jets bombed the village of Kanyabayonga" and "jets bombed villages in Rutshuru
    yesterday": both say where, and no place is the same, so they are two happenings."""
    here = {_unlabelled(e) for e in claim.roles.get("location", [])}
    there = {_unlabelled(e) for e in other.roles.get("location", [])}
    return bool(here and there and not here & there)


def date_definite_references(doc: Doc, claims: list[Claim], entities: dict[str, Entity],
                             others: AbstractSet[str] = frozenset(), described: AbstractSet[str] = frozenset(),
                             named_by_victim: AbstractSet[str] = frozenset()) -> None:
    """"Twenty were hurt tonight by an explosion in the market." and paragraphs on "The
    explosion went off at 8:30 p.m.": a happening named again definitely ("the explosion", "the
    blast killed") by the noun of an earlier dated attack or toll is that happening however far
    on. Taken only when every earlier dated claim of the family telling that noun gives one
    date, a day or a few (a story of bombings on several days, or of "the 1983 attack", dates
    none), and no place tells them apart. ``others`` and ``named_by_victim`` ("the shooting of a
    protester") name happenings of their own."""
    sentences = list(doc.sents)
    family = [c for c in claims if TIME_FAMILIES.get(c.type) == "ATTACK" and c.polarity != "denied"]
    for claim in family:
        # "reported on Friday that two drivers had died in the attack": a report's day bounds
        # the happening it names again, and dates it no more closely
        reported = claim.time.basis == "report" and not claim.time.start
        if claim.time.start or claim.time.end and not reported or claim.id in others \
                or claim.sentence >= len(sentences):
            continue
        name = definite_name(sentences[claim.sentence], claim.trigger)
        # "the shooting of a protester" names its own victim; "the attack, which caused the
        # deaths of four" names the attack, whose victims those are
        if name is None or claim.id in named_by_victim and name.text == claim.trigger:
            continue
        noun = name.lemma_.lower()
        donors = [c for c in family if c.sentence < claim.sentence and _has_event_time(c) and c.id not in described
                  and c.id not in others and told_by_the_noun(sentences[c.sentence], c.trigger, noun)]
        day = one_day_within_all(donors)
        if day is not None and not places_apart(claim, donors[-1], entities) \
                and not (reported and claim.time.end < day.end):
            claim.time = TimeSpan(day.start, day.end, day.text, "event")


def places_apart(claim: Claim, other: Claim, entities: dict[str, Entity]) -> bool:
    """Both say where and no place of one is a place of the other or the country it lies in
    ("in Libya" and "in Benghazi" are one place told twice; "in Kandahar" and "in Herat" two)."""
    here = [entities[e] for e in claim.roles.get("location", []) if e in entities]
    there = [entities[e] for e in other.roles.get("location", []) if e in entities]
    return bool(here and there) and not any(_same_or_within(a, b) or _same_or_within(b, a)
                                            for a in here for b in there)


def one_day_within_all(dated: list[Claim]) -> TimeSpan | None:
    """"the 2012 attack" and "the attack on Sept. 11, 2012" tell one happening: the narrowest
    of the dates, when it is a day or a few and lies within every other (else None: "attacks in
    1983 and in 1996" are several)."""
    if not dated:
        return None
    narrow = min((c.time for c in dated), key=lambda t: _days(t.start, t.end or t.start))
    end = narrow.end or narrow.start
    if _days(narrow.start, end) > 7:
        return None
    return narrow if all(c.time.start <= narrow.start and end <= (c.time.end or c.time.start) for c in dated) else None


def date_a_named_person_s_death(doc: Doc, claims: list[Claim], entities: dict[str, Entity]) -> None:
    """"Lena Marsh, 61, was killed on Friday by a hit-and-run driver. ... Marsh died in hospital
    an hour later": a person dies once, so an undated death of a named person takes the date
    of the dated deaths of that person, when they give one date of a day or a few. Only deaths
    (whoever was shot may be shot twice), and not one told as the grounds of a charge in the
    same sentence ("criticized the officer for killing Marsh"), which the charge dates."""
    sentences = list(doc.sents)
    charged = {c.sentence for c in claims if TIME_FAMILIES.get(c.type) == "SPEECH"}
    deaths = [c for c in claims if c.type == "CASUALTY" and c.polarity != "denied" and c.sentence < len(sentences)
              and tells_a_death(sentences[c.sentence], c.trigger)]
    for claim in deaths:
        people = {entities[t].name for t in claim.roles.get("target", [])
                  if t in entities and entities[t].type == "PERSON"}
        if claim.time.start or claim.time.end or not people or claim.sentence in charged:
            continue
        # by name: the tagger may have taken the same surname for a place in another sentence
        days = {(c.time.start, c.time.end or c.time.start) for c in deaths
                if _has_event_time(c)
                and people & {entities[t].name for t in c.roles.get("target", []) if t in entities}}
        if len(days) == 1 and _days(*next(iter(days))) <= 7:
            start, end = days.pop()
            claim.time = TimeSpan(start, end, None, "event")


def tells_a_death(sent: Span, trigger: str | None) -> bool:
    """"killed", "died", "his death", "pronounced dead": the trigger is a word of dying."""
    return any(t.text == trigger and CASUALTY_OF.get(t.lemma_.lower(), CASUALTY_OF.get(t.lower_)) == "killed"
               for t in sent)


def date_parts_of_the_day(doc: Doc, claims: list[Claim]) -> None:
    """"The president met the premier on Tuesday. ... He held a second meeting in the
    afternoon with the minister.": a part of the day with no day named is a part of the day
    the story is telling, so an undated claim told so takes the date of the nearest dated
    claim of its family before it, when that date is one day (after "last week" it says
    nothing). Claims are dated in order, so the evening after the morning meeting goes on."""
    sentences = list(doc.sents)
    family = [c for c in claims if TIME_FAMILIES.get(c.type) is not None and c.polarity != "denied"]
    for claim in sorted(family, key=lambda c: c.sentence):
        if claim.time.start or claim.time.end or claim.sentence >= len(sentences) \
                or not told_in_a_part_of_the_day(sentences[claim.sentence], claim.trigger):
            continue
        earlier = [c for c in family if c.sentence < claim.sentence and _has_event_time(c)
                   and TIME_FAMILIES[c.type] == TIME_FAMILIES[claim.type]
                   and (c.modality == "planned") == (claim.modality == "planned")]
        day = max(earlier, key=lambda c: c.sentence).time if earlier else None
        if day is not None and day.start == (day.end or day.start):
            claim.time = TimeSpan(day.start, day.end, day.text, "event")


# a day counted from another the story tells: "the previous day", "two days later", "a day earlier"
_COUNTED_FROM = re.compile(
    r"^(?:the\s+)?(?:(?P<side>previous|next|following|same)\s+(?:day|night|morning|afternoon|evening)"
    r"|day\s+(?P<adjacent>before|after)"
    r"|(?P<count>a|an|one|two|three|four|five|six|seven|eight|nine|ten|\d{1,2})\s+(?P<unit>days?|weeks?)"
    r"(?:\s+(?P<direction>earlier|later|before|after))?)$", re.IGNORECASE)
_COUNT_WORDS = {"a": 1, "an": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7,
                "eight": 8, "nine": 9, "ten": 10}
_SIDE = {"previous": -1, "next": 1, "following": 1, "same": 0, "before": -1, "after": 1, "earlier": -1, "later": 1}


def days_counted(text: str, direction: str | None = None) -> int | None:
    """Days from the day told: "the previous day" -1, "two days later" 2, "a week earlier" -7;
    ``direction`` the preposition after a bare count ("two days after the attack")."""
    m = _COUNTED_FROM.match(text.strip())
    if m is None:
        return None
    if m.group("side") or m.group("adjacent"):
        return _SIDE[(m.group("side") or m.group("adjacent")).lower()]
    side = m.group("direction") or direction
    if side is None:
        return None
    count = m.group("count").lower()
    days = int(count) if count.isdigit() else _COUNT_WORDS[count]
    return _SIDE[side.lower()] * days * (7 if m.group("unit").lower().startswith("week") else 1)


def date_days_counted_from_another(doc: Doc, claims: list[Claim], anchor: dt.date | None) -> None:
    """"Jets struck Rafah on Wednesday. The previous day, tanks had shelled Khan Younis": the
    day counted from the day the story just told (or another day its sentence names: "said on
    Monday that a drone had struck a tanker the previous day"; "condemned on Thursday an attack
    a day earlier"); "arrested on Tuesday, two days after an attack": the attack two days before.
    A claim the count dates is dated so, whatever it inherited."""
    family = sorted((c for c in claims if TIME_FAMILIES.get(c.type) is not None and c.polarity != "denied"),
                    key=lambda c: c.sentence)
    by_sentence: dict[int, list[Claim]] = {}
    for claim in family:
        by_sentence.setdefault(claim.sentence, []).append(claim)
    for s_index, sent in enumerate(doc.sents):
        here = by_sentence.get(s_index)
        if not here:
            continue  # a count of days in a sentence with no claim dates nothing
        for ent in span_ents(sent):
            if ent.label_ not in {"DATE", "TIME"}:
                continue
            host = ent.root.head
            before_after = host.lower_ if host.dep_ == "prep" and host.lower_ in {"after", "before"} else None
            days = days_counted(with_its_direction(ent), before_after)
            if days is None:
                continue
            if before_after is not None:  # "two days after an attack": the attack, counted back from the clause's day
                targets = _claims_under(here, [g for g in host.children if g.dep_ == "pobj"])
                day = _own_day(host.head, ent, anchor) or _day_of(here, host.head)
                _shift(targets, day, -days, ent.text)
                continue
            verb = host if host.pos_ in {"VERB", "AUX"} else host.head
            own = _own_day(verb, ent, anchor)
            if own is not None:  # "on Thursday condemned an attack a day earlier": the attack's day
                targets = _claims_under(here, [o for o in verb.children if o.dep_ in {"dobj", "obj"}])
                _shift(targets, own, days, ent.text)
                continue
            # the verb's claims and the toll it goes on to ("shelled Khan Younis, killing four")
            words = {verb.text} | {c.text for c in verb.children
                                   if c.dep_ in {"advcl", "conj", "xcomp"} and c.pos_ == "VERB"}
            targets = [c for c in here if c.trigger in words]
            day = _other_day_of_the_sentence(sent, ent, anchor) or _last_day_told(family, s_index, targets)
            _shift(targets, day, days, ent.text)


def with_its_direction(ent: Span) -> str:
    """"The day before, drones had hit Sumy": the NER's date may stop short of the adverb
    that says which way it counts."""
    after = ent.doc[ent.end] if ent.end < len(ent.doc) else None
    counts = after is not None and after.lower_ in COUNT_DIRECTIONS and after.dep_ == "advmod" \
        and ent.start <= after.head.i < ent.end
    return f"{ent.text} {after.text}" if counts else ent.text


COUNT_DIRECTIONS = frozenset({"before", "after", "earlier", "later"})


def _claims_under(claims: list[Claim], heads: list[Token]) -> list[Claim]:
    words = {t.text for h in heads for t in h.subtree}
    return [c for c in claims if c.trigger in words]


def _own_day(verb: Token, skip: Span, anchor: dt.date | None) -> str | None:
    """The one day a verb's own time phrase names ("condemned on Thursday"), not ``skip``."""
    for ent in span_ents(verb.sent):
        if ent.label_ != "DATE" or ent.start == skip.start:
            continue
        head = ent.root.head
        if head.i == verb.i or head.dep_ == "prep" and head.head.i == verb.i:
            resolved = resolve_time(ent.text, anchor)
            if resolved is not None and resolved.start and resolved.start == resolved.end:
                return resolved.start
    return None


def _other_day_of_the_sentence(sent: Span, skip: Span, anchor: dt.date | None) -> str | None:
    days = {r.start for e in span_ents(sent) if e.label_ == "DATE" and e.start != skip.start
            and (r := resolve_time(e.text, anchor)) is not None and r.start and r.start == r.end}
    return next(iter(days)) if len(days) == 1 else None


def _day_of(claims: list[Claim], verb: Token) -> str | None:
    days = {c.time.start for c in claims if c.trigger == verb.text and _has_event_time(c)
            and c.time.start == c.time.end}
    return next(iter(days)) if len(days) == 1 else None


def _last_day_told(family: list[Claim], s_index: int, targets: list[Claim]) -> str | None:
    earlier = [c for c in family if c.sentence < s_index and _has_event_time(c) and c not in targets
               and s_index - c.sentence <= INHERIT_SENTENCES]
    if not earlier:
        return None
    last = max(earlier, key=lambda c: c.sentence).time
    return last.start if last.start == (last.end or last.start) else None


def _shift(targets: list[Claim], day: str | None, days: int, text: str) -> None:
    if day is None or not targets:
        return
    moved = (dt.date.fromisoformat(day) + dt.timedelta(days=days)).isoformat()
    for claim in targets:
        claim.time = TimeSpan(moved, moved, text, "event")


def told_in_a_part_of_the_day(sent: Span, trigger: str | None) -> bool:
    """"met in the afternoon", "held a meeting in the morning": "in the" and a part of the
    day on the trigger or the verb whose object it is."""
    return any(t.lower_ in DAY_PARTS and t.dep_ == "pobj" and t.head.lower_ == "in"
               and any(c.dep_ == "det" and c.lower_ == "the" for c in t.children)
               and trigger in {t.head.head.text} | {c.text for c in t.head.head.children if c.dep_ in {"dobj", "obj"}}
               for t in sent)


def causing_nouns(trigger: Token) -> list[Token]:
    """"the attacks, which resulted in the deaths of four": the noun whose relative clause
    tells the trigger (up to three words up)."""
    node = trigger
    for _ in range(3):
        if node.dep_ == "relcl":
            return [node.head]
        if node.head.i == node.i:
            break
        node = node.head
    return []


def told_by_the_noun(sent: Span, trigger: str | None, noun: str) -> bool:
    """"injured by an explosion", "an explosion killed": the happening is told with the noun, as
    its trigger or a word of the trigger's (not "jets strike the port" for "the strike", nor
    an explosion told elsewhere in the sentence)."""
    return any(t.lemma_.lower() == noun and t.pos_ == "NOUN"
               and trigger in {t.text, t.head.text, t.head.head.text} for t in sent)


def definite_name(sent: Span, trigger: str | None) -> Token | None:
    """"The explosion" when the trigger is that noun, the verb it is the subject of ("the
    explosion went off") or in whose "in" or "during" it happened ("died in the explosion"), or
    told in its relative clause, else None."""
    for token in sent:
        if token.text != trigger:
            continue
        nouns = [token] if token.pos_ in {"NOUN", "PROPN"} else \
            [c for c in token.children if c.dep_ in {"nsubj", "nsubjpass"}]
        nouns += causing_nouns(token)
        # "two drivers had died in the attack", "were wounded during the shelling"
        nouns += [o for p in token.children if p.dep_ == "prep" and p.lower_ in {"in", "during"}
                  for o in p.children if o.dep_ == "pobj"] if token.pos_ == "VERB" else []
        for noun in nouns:
            if noun.lemma_.lower() in BACK_REFERENCES \
                    and any(c.dep_ == "det" and c.lower_ in {"the", "this", "that"} for c in noun.children):
                return noun
    return None


# a live blog's update stamp opening a paragraph, as cleaning leaves it (clean.unslugged):
# "06:15 GMT: ", "Thursday 22:10 GMT: ", "09:30: "
LIVE_STAMP = re.compile(r"(?:(?P<day>(?:mon|tues|wednes|thurs|fri|satur|sun)day),? )?\d{1,2}[:.]\d{2}"
                        r"(?: ?[A-Za-z.]{1,5}| local time)?: ", re.IGNORECASE)


def date_live_updates(doc: Doc, claims: list[Claim], anchor: dt.date | None, paragraph_of: dict[int, int]) -> None:
    """"06:15 GMT: Russia launched a missile attack on Kyiv before dawn": a live blog's update
    tells what had happened by the time it gives, so a claim of its paragraph with no date of its
    own took place that day: the weekday the stamp names ("Thursday 22:10 GMT"), else the day of
    publication (the blog's day)."""
    if anchor is None:
        return
    day_of: dict[int, TimeSpan] = {}
    text = doc.text
    for k, sent in enumerate(doc.sents):
        # (the parser may end a sentence inside the stamp: "06:40" "GMT:")
        stamp = LIVE_STAMP.match(text, sent.start_char) if paragraph_of.get(k) != paragraph_of.get(k - 1) else None
        if stamp is not None:
            day = resolve_time(stamp.group("day"), anchor) if stamp.group("day") else None
            day_of[paragraph_of[k]] = day or TimeSpan(anchor.isoformat(), anchor.isoformat(), stamp.group(0).strip())
    for claim in claims:
        stamped = day_of.get(paragraph_of.get(claim.sentence, -1))
        if stamped is not None and not (claim.time.start or claim.time.end) and claim.modality != "planned":
            claim.time = TimeSpan(stamped.start, stamped.end, stamped.text)


def date_what_is_said_now(claims: list[Claim], said_now: AbstractSet[str], anchor: dt.date | None) -> None:
    """A speech act told in the reporting present with no time of its own was made the day
    the article was published (:func:`said_in_the_reporting_present`)."""
    if anchor is None:
        return
    for claim in claims:
        if claim.id in said_now and not (claim.time.start or claim.time.end):
            claim.time = TimeSpan(anchor.isoformat(), anchor.isoformat(), None, "report")


WEEKDAY = re.compile(r"(on )?(monday|tuesday|wednesday|thursday|friday|saturday|sunday)"
                     r"( (morning|afternoon|evening|night))?", re.IGNORECASE)
FOLLOW_ON = 3  # how many sentences after "two last week in Atlanta and Seattle" tell those two


def move_weekdays_into_last_week(doc: Doc, claims: list[Claim], anchor: dt.date | None) -> None:
    """"Monday's shooting follows two last week in Atlanta and Seattle. In Atlanta on
    Tuesday, ... On Monday in Seattle, ...": a bare weekday in a sentence that goes on about
    a place the sentence before put last week is that week's day, not this week's."""
    if anchor is None:
        return
    this_week = anchor - dt.timedelta(days=anchor.weekday())
    framed = [k for k, sent in enumerate(doc.sents)
              if any(e.label_ == "DATE" and e.text.lower().endswith("last week") for e in span_ents(sent))]
    for k in framed:
        places = {p for c in claims if c.sentence == k for p in c.roles.get("location", [])}
        for claim in claims:
            if not k < claim.sentence <= k + FOLLOW_ON or not _has_event_time(claim) \
                    or not WEEKDAY.fullmatch(claim.time.text or "") \
                    or not places & set(claim.roles.get("location", [])) \
                    or dt.date.fromisoformat(claim.time.start) < this_week:
                continue
            start, end = (dt.date.fromisoformat(d) - dt.timedelta(days=7)
                          for d in (claim.time.start, claim.time.end or claim.time.start))
            claim.time = TimeSpan(start.isoformat(), end.isoformat(), claim.time.text, "event")


COARSE_DAYS = 27  # a date of a month or more only says roughly when


def narrow_named_happenings(claims: list[Claim]) -> None:
    """"denied any role in the Sept. 11, 2001, attacks" then "involvement in the 2001
    attacks": a happening named with "the" and a year or month written before its noun is
    one the article has already told of and dated more closely, so it takes that date (the
    nearest earlier claim of its type and word dated within the year or month; whoever
    denies a role in it, the date is the happening's)."""
    for claim in claims:
        if not _has_event_time(claim) or _days(claim.time.start, claim.time.end or claim.time.start) < COARSE_DAYS \
                or not _named_by_its_date(claim):
            continue
        earlier = [c for c in claims if c.sentence < claim.sentence and c.type == claim.type
                   and _same_word(c.trigger, claim.trigger) and _has_event_time(c)
                   and claim.time.start <= c.time.start and (c.time.end or c.time.start) <= claim.time.end
                   and (c.time.start, c.time.end) != (claim.time.start, claim.time.end)]
        if earlier:
            dated = earlier[-1]
            claim.time = TimeSpan(dated.time.start, dated.time.end, dated.time.text, "event")


def narrow_what_is_counted_back(claims: list[Claim], anchor: dt.date | None) -> None:
    """"pupils killed in the school shooting in December 2019" then "pupils killed at the
    school five years ago" (written in January 2025): a count back in whole years or months
    is rounded, so the same kind of happening (same type and word, a party, place or toll in
    common) the article dated before within half a unit of the day counted back to is the
    one meant, and its date the closer."""
    for claim in claims:
        back = counted_back(claim.time.text or "", anchor) if _has_event_time(claim) else None
        if back is None:
            continue
        day, slack = back
        earlier = [c for c in claims if c.sentence < claim.sentence and c.type == claim.type
                   and _same_word(c.trigger, claim.trigger) and _has_event_time(c)
                   and _days(c.time.start, day.isoformat()) <= slack
                   and _days(c.time.end or c.time.start, day.isoformat()) <= slack
                   and (c.time.start, c.time.end) != (claim.time.start, claim.time.end)
                   and _shares_party_place_or_toll(claim, c)]
        if earlier:
            dated = earlier[-1]
            claim.time = TimeSpan(dated.time.start, dated.time.end, dated.time.text, "event")


def _shares_party_place_or_toll(a: Claim, b: Claim) -> bool:
    """"20 students killed at the school" and "the 20 first-graders killed in the shooting":
    the same toll, or one party or place, tells the same happening again."""
    tolls = {_toll(q) for q in a.quantities} - {(None, None, None)}
    return bool(_role_entities(a) & _role_entities(b)) or any(_toll(q) in tolls for q in b.quantities)


def _toll(q: Quantity) -> tuple[float | None, float | None, float | None]:
    return q.value, q.low, q.high


def _named_by_its_date(claim: Claim) -> bool:
    """"the 2001 attacks", "the March bombing": the date written between "the" and the trigger."""
    pattern = rf"\bthe {re.escape(claim.time.text or '')}\s+{re.escape(claim.trigger)}\b"
    return bool(claim.time.text) and re.search(pattern, claim.text, re.IGNORECASE) is not None


def _same_word(a: str, b: str) -> bool:
    return a.lower().rstrip("s") == b.lower().rstrip("s")


def _role_entities(claim: Claim) -> set[str]:
    """The parties and places of a claim, a name no gazetteer knows counted once whatever the
    tagger called it ("loc:north-shewa" in the headline, "gpe:north-shewa" in the lead)."""
    return {_unlabelled(e) for role in ("actor", "target", "location") for e in claim.roles.get(role, [])}


def _unlabelled(entity_id: str) -> str:
    label, _, rest = entity_id.partition(":")
    return rest if label in UNRESOLVED_PLACE_LABELS else entity_id


# id prefixes of place names the resolver did not place (resolve/entities.py)
UNRESOLVED_PLACE_LABELS = frozenset(ID_PREFIX[label] for label in ("GPE", "LOC", "FAC"))


def _refers_back(claim: Claim) -> bool:
    """"The attack ...", "the blast killed", "the strikes killed": the evidence names the
    happening definitely."""
    words = claim.text.lower().split()
    return any(a == "the" and back_reference_word(b.strip(".,;:'\"")) for a, b in zip(words, words[1:]))


def back_reference_word(word: str) -> bool:
    """A back-reference noun (``BACK_REFERENCES``), or its plural ("the strikes", "the ambushes")."""
    return word in BACK_REFERENCES or word.removesuffix("s") in BACK_REFERENCES \
        or word.endswith("es") and word[:-2] in BACK_REFERENCES


def _has_event_time(claim: Claim) -> bool:
    return claim.time.basis == "event" and bool(claim.time.start)
