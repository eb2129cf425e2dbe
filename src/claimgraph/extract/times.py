"""The time expressions of a sentence, and the word each one dates.

The NER tags dates and times, but in pieces and with gaps: ``sentence_times`` mends what it
tags ("Tuesday" + "night" is one time, "from Thursday to Friday" one range, "the 12th in two
months" a rank, not a day) and adds what it leaves untagged (a bare "late Friday", "on the
6th"); ``time_attachment`` finds the word a time expression modifies. Claims take their time
from these (``claims.ClaimExtractor``, the dating passes of ``dating``), and ``claimgraph
eval timex`` scores exactly them.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Set as AbstractSet

from spacy.tokens import Doc, Span, Token

from ..analyze.views import lower_words, span_ents
from ..resolve.dates import resolve_time
from .lexicon import load_lexicon

TIME_UNIT_NOUNS = frozenset({"hour", "day", "night", "week", "weekend", "month", "year", "decade", "century"})
MENTION_HEADS = load_lexicon().heads
ANY_DAY = dt.date(2000, 6, 15)  # to ask whether words say when on their own, with no article date


def time_attachment(span: Span) -> Token | None:
    """The word a time expression modifies: "fell ... on the 6th" -> "fell"."""
    node = span.root
    for _ in range(6):
        if node.head.i == node.i:
            return node if node.i < span.start or node.i >= span.end else None
        head = node.head
        hedge = head.pos_ == "ADV" and head.lower_ in {"late", "early", "earlier", "later", "just", "overnight",
                                                      "today", "yesterday", "tonight"}
        # "early yesterday evening" tagged in two pieces: the first modifies the second
        piece = node.dep_ in {"compound", "amod"} and head.ent_type_ in {"DATE", "TIME"}
        if span.start <= head.i < span.end or head.pos_ == "ADP" or hedge or piece or \
                node.dep_ == "conj" and head.ent_type_ in {"DATE", "TIME", "ORDINAL"}:
            node = head
            continue
        if head.dep_ in {"nsubj", "nsubjpass"} and head.i < span.start and span.end <= head.head.i \
                and (head.pos_ == "PROPN" or MENTION_HEADS.get(head.lemma_.lower()) in {"PERSON", "GROUP", "ORG"}):
            return head.head  # "EU foreign ministers on Monday adopted": the parse hangs the day on those who did it
        return head
    return None


RANGE_WORDS = {"to", "and", "until", "till", "-", "through", "–"}
VAGUE_TIMES = {"overnight", "night", "tonight", "last night"}


def range_opening(doc: Doc, first: Span) -> int | None:
    """Where a range's "from" or "between" stands: before the first date, or inside the NER's
    span of it ("between Nov. 27")."""
    if first.start > 0 and doc[first.start - 1].lower_ in {"from", "between"}:
        return first.start - 1
    if first[0].lower_ in {"from", "between"}:
        return first.start
    return None


def join_day_and_part(doc: Doc, spans: list[Span]) -> list[Span]:
    """Time expressions the NER splits in pieces, made whole again:
    "Tuesday" + "night" -> "Tuesday night"; "the early hours" + "of" + "April 8" -> one
    date; "from Thursday to Friday", "between Nov. 27" + "and" + "Dec. 8" -> one range; and a
    bare "overnight" next to named days gives way to them."""
    out: list[Span] = []
    for span in spans:
        prev = out[-1] if out else None
        if prev is not None and prev.end == span.start and prev.label_ == "DATE" and span.label_ == "TIME":
            out[-1] = Span(doc, prev.start, span.end, label="DATE")
        elif (prev is not None and prev.label_ == "TIME" and span.label_ == "DATE"
              and span.start == prev.end + 1 and doc[prev.end].lower_ == "of"):
            out[-1] = Span(doc, prev.start, span.end, label="DATE")
        elif (prev is not None and span.start == prev.end + 1 and doc[prev.end].lower_ in RANGE_WORDS
              and (opening := range_opening(doc, prev)) is not None):
            out[-1] = Span(doc, opening, span.end, label="DATE")
        else:
            out.append(span)
    dated = [s for s in out if s.label_ == "DATE"]
    return [s for s in out if not (s.text.lower() in VAGUE_TIMES
                                   and any(abs(s.end - d.start) <= 2 or abs(d.end - s.start) <= 2 for d in dated))]


def sentence_times(sent: Span) -> list[Span]:
    """The time expressions of a sentence that claims take their time from (``eval timex``
    scores exactly these)."""
    spans = join_day_and_part(sent.doc, [part for e in span_ents(sent) if e.label_ in {"DATE", "TIME"}
                                         and not is_rank(e) for part in split_possessive_tail(drop_a_place_before(e))])
    return day_ordinals(sent, spans) + untagged_weekdays(sent, spans) + spans


WEEKDAYS = frozenset({"monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"})
DAY_PART_WORDS = frozenset({"late", "early", "last", "next", "this"})


def untagged_weekdays(sent: Span, dates: list[Span]) -> list[Span]:
    """"fanned out across the town late Friday": a weekday the NER left untagged is a date
    (with the "late" or "early" in front of it)."""
    doc, words = sent.doc, lower_words(sent.doc)
    taken = {i for d in dates for i in range(d.start, d.end)}
    out = []
    for i in range(sent.start, sent.end):
        if words[i] in WEEKDAYS and i not in taken and not doc[i].ent_type_ and doc[i].is_title:
            start = i - 1 if i > sent.start and words[i - 1] in DAY_PART_WORDS else i
            out.append(Span(doc, start, i + 1, label="DATE"))
    return out


def drop_a_place_before(span: Span) -> Span:
    """"killed at the school five years ago", "fired 31 missiles at Kyiv overnight": the NER's
    date starts with the place the preposition before it names; the date is what follows that
    noun phrase (a count back from the day of the article, "N years ago", never starts with a
    place, and a name that is no time of itself is none: "Kyiv", not "Sunday" in "on Sunday night")."""
    thing = next((t for t in span if t.dep_ == "pobj" and t.head.i < span.start), None)
    if thing is None or thing.left_edge.i != span.start \
            or thing.right_edge.i + 1 >= span.end or thing.lemma_.lower() in TIME_UNIT_NOUNS or thing.like_num:
        return span
    if span[-1].lower_ != "ago" and (thing.pos_ != "PROPN" or is_a_time_of_itself(span.doc[span.start:thing.i + 1])):
        return span
    return Span(span.doc, thing.right_edge.i + 1, span.end, label=span.label_)


def is_a_time_of_itself(words: Span) -> bool:
    """"Sunday", "March", "Christmas Day" say when with no article date to count from."""
    return resolve_time(words.text, ANY_DAY) is not None


def split_possessive_tail(span: Span) -> list[Span]:
    """"released video on Monday of last week's shooting": the NER's one date is two, the
    day of the release and the week the possessive puts on the shooting."""
    doc = span.doc
    last = doc[span.end - 1]
    of = next((t for t in span if t.lower_ == "of"), None)
    if of is None or last.dep_ != "case" or of.i == span.start or of.i >= span.end - 2:
        return [span]
    return [Span(doc, span.start, of.i, label=span.label_), Span(doc, of.i + 1, span.end, label=span.label_)]


def is_rank(span: Span) -> bool:
    """"the bombing was the 12th in two months": an ordinal that counts, not a day of the month."""
    words = [t for t in span if t.lower_ != "the"]
    if len(words) != 1 or words[0].ent_type_ != "DATE" or not re.fullmatch(r"\d+(st|nd|rd|th)", words[0].lower_):
        return False
    after = span.doc[span.end] if span.end < len(span.doc) else None
    return span.root.dep_ in {"attr", "nsubj", "nsubjpass", "dobj", "appos"} \
        or after is not None and after.lower_ in {"in", "this", "since"}


TEMPORAL_PREPS = {"on", "by", "until", "since", "before", "after", "from", "to"}


def day_ordinals(sent: Span, dates: list[Span]) -> list[Span]:
    """"on the 6th", "the 28th of last month": ordinals the NER does not call dates."""
    doc = sent.doc
    out = []
    for ent in span_ents(sent):
        if ent.label_ != "ORDINAL" or not ent.text[:1].isdigit():
            continue
        start, end = ent.start, ent.end
        if start > 0 and doc[start - 1].lower_ == "the":
            start -= 1
        following = next((d for d in dates if d.start == end + 1), None)
        if end < len(doc) and doc[end].lower_ == "of" and following is not None:
            end = following.end
            dates.remove(following)
        elif ent.root.dep_ != "pobj" or ent.root.head.lower_ not in TEMPORAL_PREPS:
            if not (ent.root.dep_ == "conj" and ent.root.head.ent_type_ in {"ORDINAL", "DATE"}):
                continue
        out.append(Span(doc, start, end, label="DATE"))
    return out


def report_just_before(span: Span, report_nodes: AbstractSet[int]) -> Token | None:
    """"Berlin said on Monday it would send tanks": a day told right after the reporting verb,
    before what is reported begins, dates the report (the parser often hangs it on the verb
    reported, and a plan would take the next Monday)."""
    doc = span.doc
    k = span.start - 1
    while k >= 0 and doc[k].pos_ == "ADP":
        k -= 1
    if k < 0 or k not in report_nodes or span.end >= len(doc):
        return None
    after = doc[span.end]
    return doc[k] if after.dep_ in {"nsubj", "nsubjpass", "mark"} or after.lower_ == "that" else None


DATELINE_BEFORE_DAYS = 14  # a story filed up to two weeks before it is published (wire copy run later)
DATELINE_AFTER_DAYS = 3  # ... or dated a day or two after it (the feed's clock in another time zone)


def dateline_anchor(day: str | None, published: dt.date | None) -> dt.date | None:
    """The day a wire dateline names ("March 12"), when near the publication day."""
    if not day or published is None:
        return None
    resolved = resolve_time(day, published + dt.timedelta(days=DATELINE_AFTER_DAYS))
    if resolved is None or not resolved.start or resolved.start != resolved.end:
        return None
    found = dt.date.fromisoformat(resolved.start)
    return found if -DATELINE_AFTER_DAYS <= (published - found).days <= DATELINE_BEFORE_DAYS else None
