"""Time expressions to calendar intervals, relative to the publication date.

News reports past events, so an ambiguous expression resolves to the most recent
matching day on or before the article's date ("Saturday" in an article of Thursday
4 January 2024 is 30 December 2023; "in September" is September 2023), unless the
caller says the verb is future or planned (``future=True``), or the words say so
("next Monday", "tomorrow"). What cannot be resolved stays None: "recently", "the
same day", a bare duration such as "three years" or "30 minutes".

Relative expressions are resolved here; absolute ones that the patterns below do not
cover fall back to ``dateparser`` (always with ``languages=['en']``: language
detection is 28 times slower).
"""

from __future__ import annotations

import calendar
import datetime as dt
import functools
import re

from claimgraph.model import TimeSpan
from claimgraph.resolve.quantities import parse_number

__all__ = ["parse_iso", "resolve_time"]

Span = tuple[dt.date, dt.date]

_WEEKDAYS = ["monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"]
_WEEKDAY_ABBR = {"mon": 0, "tue": 1, "tues": 1, "wed": 2, "thu": 3, "thur": 3, "thurs": 3,
                 "fri": 4, "sat": 5, "sun": 6}
_MONTHS = ["january", "february", "march", "april", "may", "june", "july", "august",
           "september", "october", "november", "december"]
_MONTH_ABBR = {"jan": 1, "feb": 2, "mar": 3, "apr": 4, "jun": 6, "jul": 7, "aug": 8,
               "sep": 9, "sept": 9, "oct": 10, "nov": 11, "dec": 12}
_SEASONS = {"spring": (3, 5), "summer": (6, 8), "autumn": (9, 11), "fall": (9, 11),
            "winter": (12, 2)}
# Parts of a year or a month: (first, last) month of a year, (first, last) day of a month.
# Calibrated by hand: thirds of the year/month; "end"/"beginning" read as late/early.
_YEAR_PARTS = {"early": (1, 4), "beginning": (1, 4), "start": (1, 4), "mid": (5, 8),
               "middle": (5, 8), "late": (9, 12), "end": (9, 12),
               "first half": (1, 6), "second half": (7, 12),
               "first quarter": (1, 3), "second quarter": (4, 6), "third quarter": (7, 9),
               "fourth quarter": (10, 12), "final quarter": (10, 12), "last quarter": (10, 12),
               "q1": (1, 3), "q2": (4, 6), "q3": (7, 9), "q4": (10, 12)}
_MONTH_PARTS = {"early": (1, 10), "beginning": (1, 10), "start": (1, 10), "mid": (11, 20),
                "middle": (11, 20), "late": (21, 31), "end": (21, 31),
                "first half": (1, 15), "second half": (16, 31)}

_WD = r"(?P<wd>" + "|".join(_WEEKDAYS) + r"|" + "|".join(_WEEKDAY_ABBR) + r")\.?"
_MON = r"(?P<mon>" + "|".join(_MONTHS) + r"|" + "|".join(_MONTH_ABBR) + r")\.?"
_DAY = r"(?P<day>\d{1,2})(?:st|nd|rd|th)?"
_YEAR = r"(?P<year>\d{4})"
_PART = (r"(?P<part>early|mid|middle|late|(?:the\s+)?(?:beginning|start|end|middle|first\s+half|"
         r"second\s+half|(?:first|second|third|fourth|final|last)\s+quarter)\s+of|q[1-4])")
_REL = r"(?P<rel>last|this|next|past|coming|previous)"

# Fixed phrases: (first, last) day offset from the anchor.
_FIXED = {
    "today": (0, 0), "tonight": (0, 0), "this morning": (0, 0), "this afternoon": (0, 0),
    "this evening": (0, 0), "earlier today": (0, 0), "later today": (0, 0), "now": (0, 0),
    "right now": (0, 0),
    "yesterday": (-1, -1), "last evening": (-1, -1),
    "the day before yesterday": (-2, -2), "tomorrow": (1, 1),
    "the day after tomorrow": (2, 2),
    # "last night" is the evening before; what ran past midnight the wires call "overnight"
    "overnight": (-1, 0), "last night": (-1, -1), "late last night": (-1, -1),
    "early this morning": (-1, 0), "overnight into today": (-1, 0),
    "the past 24 hours": (-1, 0), "the last 24 hours": (-1, 0), "past 24 hours": (-1, 0),
    "the past 48 hours": (-2, 0), "the last 48 hours": (-2, 0),
    "the past week": (-7, 0), "the past seven days": (-7, 0), "the last seven days": (-7, 0),
    "the past few days": None, "recently": None, "in recent days": None,
    "in recent weeks": None, "in recent months": None, "soon": None, "earlier": None,
    "later": None, "the same day": None, "that day": None, "the next day": None,
    "the previous day": None, "the day before": None, "a day later": None,
}

_TIME_OF_DAY = re.compile(
    r"\b(?:at\s+)?(?:around\s+|about\s+|approximately\s+)?"
    r"(?:\d{1,2}(?:[:.]\d{2})?\s*(?:a\.?\s?m\.?|p\.?\s?m\.?)(?![a-z])|\d{1,2}:\d{2}(?::\d{2})?"
    r"|\d{4}\s*(?:gmt|utc|hrs)\b|noon|midday|midnight|dawn|dusk|daybreak)"
    r"(?:\s+(?:gmt|utc|[a-z]+\s+time))?"
    r"|\blocal\s+time\b"
    r"|\b(?:(?:in|on)\s+)?(?:the\s+)?(?:early\s+hours|(?:early\s+)?morning|afternoon|evening|night)"
    r"\s+of\b"
    r"|\b(?:in\s+the\s+)?(?:early\s+hours|morning|afternoon|evening|night)$"
    r"|(?<=day)\s+(?:morning|afternoon|evening|night)\b"
    r"|(?<=yesterday)\s+(?:morning|afternoon|evening)\b"
    r"|(?<=tomorrow)\s+(?:morning|afternoon|evening|night)\b"
)
_LEADING = re.compile(
    r"^(?:(?:on|in|at|by|during|as\s+of|around|about|circa|sometime|some\s+time|as\s+early\s+as"
    r"|as\s+recently\s+as|dated|of)\s+)+"
)
_EARLY_LATE_DAY = re.compile(
    r"^(?:early|late)(?:\s+on)?\s+(?=(?:" + "|".join(_WEEKDAYS) + r"|yesterday|today|tomorrow)\b)"
)

_RANGE_OPEN = re.compile(r"^(?:between|from)\s+(?P<a>.+?)\s+(?:and|to|until|till|through|thru|-|–)\s+(?P<b>.+)$")
_RANGE_BARE = re.compile(r"^(?P<a>.+?)\s*(?:\s(?:to|until|till|through|thru)\s|\s[-–]\s|–)\s*(?P<b>.+)$")
_DAY_RANGE = [
    re.compile(rf"^{_MON}\s+(?P<d1>\d{{1,2}})(?:st|nd|rd|th)?\s*(?:-|–|to|and|through)\s*"
               rf"(?P<d2>\d{{1,2}})(?:st|nd|rd|th)?(?:,?\s+{_YEAR})?$"),
    re.compile(rf"^(?P<d1>\d{{1,2}})(?:st|nd|rd|th)?\s*(?:-|–|to|and|through)\s*"
               rf"(?P<d2>\d{{1,2}})(?:st|nd|rd|th)?\s+(?:of\s+)?{_MON}(?:,?\s+{_YEAR})?$"),
]
_YEAR_RANGE = re.compile(r"^(?P<y1>\d{4})\s*(?:-|–|/|to)\s*(?P<y2>\d{2}|\d{4})$")

_AGO = re.compile(r"^(?P<n>.+?)\s+(?P<unit>day|week|month|year)s?\s+ago$")
# anniversary writing: "five years ago this week", "a year ago today"
_AGO_THIS = re.compile(r"^(?P<n>.+?)\s+(?P<unit>month|year)s?\s+ago\s+(?:this\s+(?P<span>week|month)|(?P<today>today))$")
_IN_FUTURE = re.compile(r"^(?:in|within)\s+(?P<n>.+?)\s+(?P<unit>day|week|month|year)s?(?:'s\s+time)?$")
_FROM_NOW = re.compile(r"^(?P<n>.+?)\s+(?P<unit>day|week|month|year)s?\s+from\s+now$")
_PAST_N = re.compile(r"^(?:the\s+)?(?:past|last|previous)\s+(?P<n>.+?)\s+(?P<unit>day|week|month|year)s?$")
_PERIOD = re.compile(
    r"^(?:(?P<qual>earlier|later|early|late|(?:the\s+)?(?:end|beginning|start|middle|first\s+half"
    r"|second\s+half)\s+of|mid)\s*-?\s*)?"
    r"(?:the\s+)?(?P<rel>this|last|next|past|previous|prior|coming|following|the\s+current|the\s+same)\s+"
    r"(?P<unit>week|weekend|month|quarter|year)$"
)
# "the fourth quarter", "Q3" with no year: the most recent one begun (or, future, the next one)
_QUARTER_BARE = re.compile(r"^(?:the\s+)?(?:(?P<nth>first|second|third|fourth|final)\s+quarter|(?P<q>q[1-4]))$")
_WEEKDAY = re.compile(
    rf"^(?:(?P<over>overnight(?:\s+(?:into|to|on))?)\s+)?(?:{_REL}\s+)?{_WD}"
    rf"(?:'s)?(?:\s+(?P<night>overnight|night))?$"
)
_THE_WEEKEND = re.compile(r"^(?:the\s+)?weekend$")
# "Tuesday last week", "Tuesday of next week", "last week on Tuesday": a day of a named week
_WEEKDAY_OF_WEEK = [
    re.compile(rf"^{_WD},?\s+(?:of\s+)?(?P<week>last|this|next|the\s+previous|the\s+following)\s+week$"),
    re.compile(rf"^(?P<week>last|this|next|the\s+previous|the\s+following)\s+week,?\s+(?:on\s+)?{_WD}$"),
]
_WEEK_OFFSETS = {"last": -1, "the previous": -1, "this": 0, "next": 1, "the following": 1}
_ORDINAL = re.compile(r"^(?:the\s+)?(?P<day>\d{1,2})(?:st|nd|rd|th)(?:\s+of\s+(?P<rel>last|this|next|the\s+previous|the\s+same)\s+month)?$")
_MONTH_DAY = re.compile(rf"^(?:{_WD},?\s+)?{_MON}\s+{_DAY}(?:,?\s+{_YEAR})?$")
_DAY_MONTH = re.compile(rf"^(?:{_WD},?\s+)?(?:the\s+)?{_DAY}\s+(?:of\s+)?{_MON}(?:,?\s+{_YEAR})?$")
_ISO = re.compile(r"^(?P<year>\d{4})-(?P<month>\d{1,2})(?:-(?P<day>\d{1,2}))?$")
_MONTH_YEAR = re.compile(
    rf"^(?:{_PART}\s*-?\s*)?(?:{_REL}\s+)?{_MON}(?:(?:\s+of)?,?\s+(?:{_YEAR}|(?P<yrel>last|this|next)\s+year))?$"
)
_YEAR_ONLY = re.compile(rf"^(?:{_PART}\s*-?\s*)?(?:the\s+year\s+)?{_YEAR}$")
_QUARTER = re.compile(r"^(?P<q>q[1-4])\s+(?P<year>\d{4})$")
_PART_OF_REL_YEAR = re.compile(rf"^{_PART}\s*-?\s*(?P<yrel>last|this|next)\s+year$")
_SEASON = re.compile(
    r"^(?:(?P<part>early|mid|late)\s*-?\s*)?(?:the\s+)?(?:(?P<rel>last|this|next|past|coming)\s+)?"
    r"(?P<season>spring|summer|autumn|fall|winter)(?:\s+(?:of\s+)?(?:(?P<year>\d{4})|(?P<yrel>last|this|next)\s+year))?$"
)
_WEEK_OF_MONTH = re.compile(
    rf"^(?:the\s+)?(?P<nth>first|second|third|fourth|last)\s+week\s+of\s+{_MON}(?:,?\s+{_YEAR})?$"
)
# Holidays by fixed date (month, day); movable feasts are not resolved.
_HOLIDAYS = {"christmas": (12, 25), "christmas day": (12, 25), "christmas eve": (12, 24),
             "new year's eve": (12, 31), "new year's day": (1, 1), "new year": (1, 1),
             "independence day": None, "victory day": None}
_DECADE = re.compile(r"^(?:the\s+)?'?(?P<decade>\d{3}0|\d0)'?s$")
_SINCE = re.compile(r"^since\s+(?P<rest>.+)$")
_HAS_MONTH = re.compile(r"\b(?:" + "|".join(_MONTHS) + "|" + "|".join(_MONTH_ABBR) + r")\b")
_NUMERIC_DATE = re.compile(r"\b\d{1,4}[/.-]\d{1,2}[/.-]\d{1,4}\b")


def parse_iso(s: str | None) -> dt.date | None:
    """A date from "YYYY-MM-DD" (a longer ISO timestamp is cut to its date); None if not one.

    >>> parse_iso("2024-01-04"), parse_iso("2024-01-04T10:00:00Z"), parse_iso("soon")
    (datetime.date(2024, 1, 4), datetime.date(2024, 1, 4), None)
    """
    if not isinstance(s, str):
        return None
    match = re.match(r"\s*(\d{4})-(\d{2})-(\d{2})", s)
    if not match:
        return None
    try:
        return dt.date(*(int(g) for g in match.groups()))
    except ValueError:
        return None


def resolve_time(text: str, anchor: dt.date | None, *, future: bool = False) -> TimeSpan | None:
    """Resolve one time expression against the publication date ``anchor``.

    :param text: a DATE/TIME span or phrase ("Saturday", "the 28th of last month").
    :param anchor: the article's publication date; None resolves only absolute dates.
    :param future: the verb is future or planned: ambiguous weekdays, ordinals and months
        then resolve forward from the anchor instead of backward.
    :returns: ``TimeSpan(start, end, text)`` with ISO dates, or None when unknown.

    >>> resolve_time("Saturday", dt.date(2024, 1, 4))
    TimeSpan(start='2023-12-30', end='2023-12-30', text='Saturday', basis=None)
    >>> resolve_time("in September", dt.date(2024, 1, 4)).start
    '2023-09-01'
    """
    if not isinstance(text, str) or not text.strip() or len(text) > 200:
        return None
    if isinstance(anchor, dt.datetime):
        anchor = anchor.date()
    elif not isinstance(anchor, dt.date):
        anchor = None
    span = _resolve_cached(text, anchor, bool(future))
    if span is None:
        return None
    return TimeSpan(start=span[0].isoformat(), end=span[1].isoformat(), text=text)


@functools.lru_cache(maxsize=8192)
def _resolve_cached(text: str, anchor: dt.date | None, future: bool) -> Span | None:
    try:
        return _resolve(_normalise(text), anchor, future)
    except (ValueError, OverflowError):  # an impossible date ("February 30") or out of range
        return None


def _normalise(text: str) -> str:
    text = text.lower().replace("’", "'").replace("‘", "'")
    text = re.sub(r"[\"“”]", "", text)
    text = re.sub(r"\s+", " ", text)
    # tokenised text ("March 01 , 2008", "Monday 's") reads like running text
    text = re.sub(r" (?=[,;:](?: |$))| (?='s\b)", "", text)
    text = re.sub(r"\b(first|second|third|fourth|final)-quarter\b", r"\1 quarter", text)
    text = text.strip(" .,;:!?'")
    text = re.sub(r"'s$", "", text)  # "Monday's strike", "last year's talks"
    # "the end of the year" is the end of this year
    text = re.sub(r"^((?:the\s+)?(?:beginning|start|end|middle|first\s+half|second\s+half)\s+of\s+)the\s+(year|month|week)$",
                  r"\1this \2", text)
    return text


def _resolve(text: str, anchor: dt.date | None, future: bool) -> Span | None:
    inner = re.search(r"\(([^()]*)\)", text)
    if inner:
        # "Thursday (April 24)" -> the bracketed date is the precise one;
        # "the 9th (local time)" -> the brackets are noise
        outside = _normalise(text[: inner.start()] + " " + text[inner.end() :])
        for candidate in (f"{outside}, {inner.group(1)}", inner.group(1), outside):
            span = _resolve(_normalise(candidate), anchor, future)
            if span is not None:
                return span
        return None
    if text in _FIXED:
        return _offset_span(anchor, _FIXED[text])
    text = _strip_time_of_day(text)
    if not text:
        return None
    if text in _FIXED:
        return _offset_span(anchor, _FIXED[text])
    since = _SINCE.match(text)
    if since:
        start = _resolve(since.group("rest"), anchor, False)
        return (start[0], anchor) if start and anchor and start[0] <= anchor else None
    for rule in _RULES:
        result = rule(text, anchor, future)
        if result is not _NO_MATCH:
            return result
    return _resolve_range(text, anchor, future) or _dateparser_fallback(text, anchor, future)


_NO_MATCH = object()


def _strip_time_of_day(text: str) -> str:
    text = _TIME_OF_DAY.sub(" ", text)
    text = re.sub(r"\s+", " ", text).strip(" ,.-")
    text = _LEADING.sub("", text)
    text = _EARLY_LATE_DAY.sub("", text)
    return text.strip(" ,.-")


# ---------------------------------------------------------------------------
# Calendar helpers
# ---------------------------------------------------------------------------


def _offset_span(anchor: dt.date | None, offsets) -> Span | None:
    if anchor is None or offsets is None:
        return None
    return anchor + dt.timedelta(days=offsets[0]), anchor + dt.timedelta(days=offsets[1])


def _month_span(year: int, month: int) -> Span:
    return dt.date(year, month, 1), dt.date(year, month, calendar.monthrange(year, month)[1])


def _months_span(year: int, first: int, last: int) -> Span:
    return dt.date(year, first, 1), _month_span(year, last)[1]


def _add_months(year: int, month: int, delta: int) -> tuple[int, int]:
    index = year * 12 + (month - 1) + delta
    return index // 12, index % 12 + 1


def _month_number(name: str) -> int:
    name = name.rstrip(".")
    return _MONTHS.index(name) + 1 if name in _MONTHS else _MONTH_ABBR[name]


def _weekday_number(name: str) -> int:
    name = name.rstrip(".")
    return _WEEKDAYS.index(name) if name in _WEEKDAYS else _WEEKDAY_ABBR[name]


def _day(day: dt.date) -> Span:
    return day, day


def _count(text: str) -> int | None:
    if text in ("a", "an", "one"):
        return 1
    value = parse_number(text)
    if value is None or value != int(value) or not 0 <= value <= 10_000:
        return None
    return int(value)


def _shift(anchor: dt.date, unit: str, n: int) -> Span:
    """The day, month or year ``n`` units from the anchor (negative = back)."""
    if unit == "day":
        return _day(anchor + dt.timedelta(days=n))
    if unit == "week":
        return _day(anchor + dt.timedelta(weeks=n))
    if unit == "month":
        return _month_span(*_add_months(anchor.year, anchor.month, n))
    year = anchor.year + n
    return dt.date(year, 1, 1), dt.date(year, 12, 31)


def _back(anchor: dt.date, unit: str, n: int) -> dt.date:
    if unit == "day":
        return anchor - dt.timedelta(days=n)
    if unit == "week":
        return anchor - dt.timedelta(weeks=n)
    months = n * (12 if unit == "year" else 1)
    year, month = _add_months(anchor.year, anchor.month, -months)
    return dt.date(year, month, min(anchor.day, calendar.monthrange(year, month)[1]))


HALF_UNIT_DAYS = {"day": 0, "week": 3, "month": 15, "year": 183}


def counted_back(text: str, anchor: dt.date | None) -> tuple[dt.date, int] | None:
    """"three years ago" written on 5 January 2016: the day it counts back to (5 January 2013)
    and how far either side of it the happening may lie, a count in whole units being
    rounded (half a unit: 183 days for years)."""
    match = _AGO.match(text.lower().strip())
    n = _count(match.group("n")) if match else None
    if n is None or anchor is None:
        return None
    unit = match.group("unit")
    return _back(anchor, unit, n), HALF_UNIT_DAYS[unit]


def _year_for(month: int, day: int | None, anchor: dt.date, future: bool) -> int:
    """The year that puts month/day nearest the anchor, not after it (or not before it)."""
    probe_day = day or 1
    candidate = dt.date(anchor.year, month, min(probe_day, calendar.monthrange(anchor.year, month)[1]))
    if day is None:
        same_or_before = (month <= anchor.month) if not future else (month >= anchor.month)
        return anchor.year if same_or_before else anchor.year + (1 if future else -1)
    if future:
        return anchor.year if candidate >= anchor else anchor.year + 1
    return anchor.year if candidate <= anchor else anchor.year - 1


# ---------------------------------------------------------------------------
# Rules: each returns a span, None (recognised but unknown), or _NO_MATCH
# ---------------------------------------------------------------------------


def _rule_ago(text, anchor, future):
    match = _AGO.match(text)
    if not match:
        return _NO_MATCH
    n = _count(match.group("n"))
    if n is None or anchor is None:
        return None  # "a few days ago": vague
    return _shift(anchor, match.group("unit"), -n)


def _rule_ago_this(text, anchor, future):
    """"five years ago this week": the week (Monday to Sunday) that held the anchor's date
    five years back; "ago this month" its month, "ago today" its day."""
    match = _AGO_THIS.match(text)
    if not match:
        return _NO_MATCH
    n = _count(match.group("n"))
    if n is None or anchor is None or match.group("span") == "month" and match.group("unit") == "month":
        return None  # "a few years ago this week": vague; "months ago this month": no sense
    then = _back(anchor, match.group("unit"), n)
    if match.group("today"):
        return _day(then)
    if match.group("span") == "month":
        return _month_span(then.year, then.month)
    monday = then - dt.timedelta(days=then.weekday())
    return monday, monday + dt.timedelta(days=6)


def _rule_in_future(text, anchor, future):
    match = _IN_FUTURE.match(text) or _FROM_NOW.match(text)
    if not match:
        return _NO_MATCH
    n = _count(match.group("n"))
    if n is None or anchor is None:
        return None
    if text.startswith("within"):
        return anchor, _shift(anchor, match.group("unit"), n)[1]
    return _shift(anchor, match.group("unit"), n)


def _rule_past_n(text, anchor, future):
    match = _PAST_N.match(text)
    if not match:
        return _NO_MATCH
    n = _count(match.group("n"))
    if n is None or anchor is None:
        return None
    return _back(anchor, match.group("unit"), n), anchor


def _rule_period(text, anchor, future):
    match = _PERIOD.match(text)
    if not match:
        return _NO_MATCH
    if anchor is None:
        return None
    rel = re.sub(r"\s+", " ", match.group("rel"))
    unit = match.group("unit")
    delta = {"last": -1, "past": -1, "previous": -1, "prior": -1, "next": 1, "coming": 1, "following": 1}.get(rel, 0)
    if unit == "week":
        monday = anchor - dt.timedelta(days=anchor.weekday()) + dt.timedelta(weeks=delta)
        span = monday, monday + dt.timedelta(days=6)
        if rel == "past":
            span = anchor - dt.timedelta(days=7), anchor
    elif unit == "weekend":
        return _weekend(anchor, delta, future)
    elif unit == "month":
        span = _month_span(*_add_months(anchor.year, anchor.month, delta))
    elif unit == "quarter":
        year, month = _add_months(anchor.year, (anchor.month - 1) // 3 * 3 + 1, 3 * delta)
        span = _months_span(year, month, month + 2)
    else:
        span = dt.date(anchor.year + delta, 1, 1), dt.date(anchor.year + delta, 12, 31)
    return _qualify(span, match.group("qual"), anchor, unit)


def _rule_quarter_bare(text, anchor, future):
    match = _QUARTER_BARE.match(text)
    if not match:
        return _NO_MATCH
    if anchor is None:
        return None
    nth = match.group("nth")
    index = int(match.group("q")[1]) if match.group("q") else (
        4 if nth == "final" else ["first", "second", "third", "fourth"].index(nth) + 1)
    first = 3 * index - 2
    span = _months_span(anchor.year, first, first + 2)
    if future and span[1] < anchor:
        span = _months_span(anchor.year + 1, first, first + 2)
    elif not future and span[0] > anchor:
        span = _months_span(anchor.year - 1, first, first + 2)
    return span


def _weekend(anchor: dt.date, delta: int, future: bool, bare: bool = False) -> Span:
    """Saturday and Sunday. "this weekend" is the one of the anchor's Monday-Sunday week,
    "last"/"next" the one a week before/after; a bare "the weekend" is the most recent
    (or, when ``future``, the coming) one."""
    if bare and not future:
        saturday = anchor - dt.timedelta(days=(anchor.weekday() - 5) % 7)
    else:
        saturday = anchor + dt.timedelta(days=5 - anchor.weekday(), weeks=delta)
    return saturday, saturday + dt.timedelta(days=1)


def _qualify(span: Span, qual: str | None, anchor: dt.date, unit: str) -> Span:
    """Narrow a week, month or year by "earlier", "later", "early", "late", "the end of"."""
    if not qual:
        return span
    qual = re.sub(r"^the\s+|\s+of$", "", re.sub(r"\s+", " ", qual))
    if qual == "earlier":
        return span[0], min(anchor, span[1])
    if qual == "later":
        return max(anchor, span[0]), span[1]
    if unit == "year":
        first, last = _YEAR_PARTS[qual]
        return _months_span(span[0].year, first, last)
    if unit == "month":
        first, last = _MONTH_PARTS[qual]
        return span[0].replace(day=first), span[0].replace(day=min(last, span[1].day))
    return span


def _rule_weekday(text, anchor, future):
    match = _WEEKDAY.match(text)
    if not match:
        return _NO_MATCH
    if anchor is None:
        return None
    target = _weekday_number(match.group("wd"))
    rel = match.group("rel")
    back = (anchor.weekday() - target) % 7
    ahead = (target - anchor.weekday()) % 7
    if rel in ("next", "coming"):
        day = anchor + dt.timedelta(days=ahead or 7)
    elif rel in ("last", "past", "previous"):
        day = anchor - dt.timedelta(days=back or 7)
    elif rel == "this":
        day = anchor - dt.timedelta(days=anchor.weekday()) + dt.timedelta(days=target)
    elif future:
        day = anchor + dt.timedelta(days=ahead)
    else:
        day = anchor - dt.timedelta(days=back)
    if match.group("over") or match.group("night") == "overnight":
        return day - dt.timedelta(days=1), day
    return _day(day)


def _rule_weekday_of_a_week(text, anchor, future):
    match = next((m for m in (rule.match(text) for rule in _WEEKDAY_OF_WEEK) if m), None)
    if not match:
        return _NO_MATCH
    if anchor is None:
        return None
    monday = anchor - dt.timedelta(days=anchor.weekday()) + dt.timedelta(weeks=_WEEK_OFFSETS[match.group("week")])
    return _day(monday + dt.timedelta(days=_weekday_number(match.group("wd"))))


def _rule_the_weekend(text, anchor, future):
    if not _THE_WEEKEND.match(text):
        return _NO_MATCH
    return None if anchor is None else _weekend(anchor, 0, future, bare=True)


def _rule_ordinal(text, anchor, future):
    match = _ORDINAL.match(text)
    if not match:
        return _NO_MATCH
    if anchor is None:
        return None
    day = int(match.group("day"))
    rel = re.sub(r"^the\s+", "", match.group("rel") or "")
    if rel in ("last", "previous"):
        return _day(dt.date(*_add_months(anchor.year, anchor.month, -1), day))
    if rel == "next":
        return _day(dt.date(*_add_months(anchor.year, anchor.month, 1), day))
    if rel in ("this", "same"):
        return _day(dt.date(anchor.year, anchor.month, day))
    return _day(_nearest_day_of_month(day, anchor, future))


def _nearest_day_of_month(day: int, anchor: dt.date, future: bool) -> dt.date:
    """The ``day``-th of the anchor's month if not after it, else of the month before."""
    step = 1 if future else -1
    year, month = anchor.year, anchor.month
    for _ in range(3):  # the 31st may be missing from a month or two
        if day <= calendar.monthrange(year, month)[1]:
            candidate = dt.date(year, month, day)
            if (candidate >= anchor) if future else (candidate <= anchor):
                return candidate
        year, month = _add_months(year, month, step)
    raise ValueError(f"no day {day} near {anchor}")


def _rule_month_day(text, anchor, future):
    match = _MONTH_DAY.match(text) or _DAY_MONTH.match(text)
    if not match:
        return _NO_MATCH
    month, day = _month_number(match.group("mon")), int(match.group("day"))
    if match.group("year"):
        return _day(dt.date(int(match.group("year")), month, day))
    if anchor is None:
        return None
    year = _year_for(month, day, anchor, future)
    weekday = match.group("wd")
    if weekday and dt.date(year, month, day).weekday() != _weekday_number(weekday):
        # "Thursday, April 24": pick the nearby year where the weekday fits
        for other in (year - 1, year + 1):
            if dt.date(other, month, day).weekday() == _weekday_number(weekday):
                year = other
                break
    return _day(dt.date(year, month, day))


def _rule_iso(text, anchor, future):
    match = _ISO.match(text)
    if not match:
        return _NO_MATCH
    year, month = int(match.group("year")), int(match.group("month"))
    if match.group("day"):
        return _day(dt.date(year, month, int(match.group("day"))))
    return _month_span(year, month)


def _stated_year(match, anchor: dt.date | None, otherwise) -> int | None:
    """The year a match states ("2024", "next year"), else ``otherwise()`` relative to the
    anchor; None when only an anchor could tell and there is none."""
    if match.group("year"):
        return int(match.group("year"))
    if anchor is None:
        return None
    yrel = match.groupdict().get("yrel")
    if yrel:
        return anchor.year + {"last": -1, "this": 0, "next": 1}[yrel]
    return otherwise()


def _rule_month_year(text, anchor, future):
    match = _MONTH_YEAR.match(text)
    if not match:
        return _NO_MATCH
    month = _month_number(match.group("mon"))
    year = _stated_year(match, anchor, lambda: _relative_month_year(month, match.group("rel"), anchor, future))
    if year is None:
        return None
    return _qualify(_month_span(year, month), match.group("part"), anchor or dt.date(year, month, 1), "month")


def _relative_month_year(month: int, rel: str | None, anchor: dt.date, future: bool) -> int:
    if rel == "this":
        return anchor.year
    if rel in ("last", "past", "previous"):
        return anchor.year if month < anchor.month else anchor.year - 1
    if rel in ("next", "coming"):
        return anchor.year if month > anchor.month else anchor.year + 1
    return _year_for(month, None, anchor, future)


def _rule_year(text, anchor, future):
    match = _YEAR_ONLY.match(text) or _QUARTER.match(text)
    if not match:
        return _NO_MATCH
    year = int(match.group("year"))
    if not 1000 <= year <= 2999:
        return None
    span = dt.date(year, 1, 1), dt.date(year, 12, 31)
    part = match.groupdict().get("part") or match.groupdict().get("q")
    return _qualify(span, part, anchor or span[0], "year")


def _rule_part_of_relative_year(text, anchor, future):
    match = _PART_OF_REL_YEAR.match(text)
    if not match:
        return _NO_MATCH
    if anchor is None:
        return None
    year = anchor.year + {"last": -1, "this": 0, "next": 1}[match.group("yrel")]
    return _qualify((dt.date(year, 1, 1), dt.date(year, 12, 31)), match.group("part"), anchor, "year")


def _rule_year_range(text, anchor, future):
    match = _YEAR_RANGE.match(text)
    if not match:
        return _NO_MATCH
    first, second = match.group("y1"), match.group("y2")
    last = int(first[:2] + second) if len(second) == 2 else int(second)
    if last <= int(first):
        return _NO_MATCH  # "2024-04" is a month, not a range of years
    return dt.date(int(first), 1, 1), dt.date(last, 12, 31)


def _rule_day_range(text, anchor, future):
    for pattern in _DAY_RANGE:
        match = pattern.match(text)
        if match:
            break
    else:
        return _NO_MATCH
    month = _month_number(match.group("mon"))
    d1, d2 = int(match.group("d1")), int(match.group("d2"))
    if d2 < d1:
        return None
    year = _stated_year(match, anchor, lambda: _year_for(month, d1, anchor, future))
    if year is None:
        return None
    return dt.date(year, month, d1), dt.date(year, month, d2)


def _rule_season(text, anchor, future):
    match = _SEASON.match(text)
    if not match:
        return _NO_MATCH
    season = match.group("season")
    year = _stated_year(match, anchor, lambda: _season_year(season, match.group("rel"), anchor, future))
    if year is None:
        return None
    span = _season_span(season, year)
    part = match.group("part")
    if part:
        first = _SEASONS[season][0]
        pick = {"early": 0, "mid": 1, "late": 2}[part]
        span = _month_span(*_add_months(year, first, pick))
    return span


def _season_span(season: str, year: int) -> Span:
    """Northern-hemisphere meteorological seasons; winter runs into the next year."""
    first, last = _SEASONS[season]
    end_year = year + 1 if last < first else year
    return dt.date(year, first, 1), _month_span(end_year, last)[1]


def _season_year(season: str, rel: str | None, anchor: dt.date, future: bool) -> int:
    years = range(anchor.year - 2, anchor.year + 2)
    spans = {year: _season_span(season, year) for year in years}
    if rel in ("last", "past"):
        return max(y for y, (start, end) in spans.items() if end < anchor)
    if rel in ("next", "coming"):
        return min(y for y, (start, end) in spans.items() if start > anchor)
    if rel == "this" or not future:
        return max(y for y, (start, end) in spans.items() if start <= anchor)
    return min(y for y, (start, end) in spans.items() if end >= anchor)


def _rule_decade(text, anchor, future):
    match = _DECADE.match(text)
    if not match:
        return _NO_MATCH
    start = int(match.group("decade"))
    if start < 100:
        # "the 70s": the latest such decade begun by the anchor's year (1900s without one)
        now = anchor.year if anchor else 1999
        start += now // 100 * 100
        if start > now:
            start -= 100
    return dt.date(start, 1, 1), dt.date(start + 9, 12, 31)


def _rule_week_of_month(text, anchor, future):
    match = _WEEK_OF_MONTH.match(text)
    if not match:
        return _NO_MATCH
    month = _month_number(match.group("mon"))
    year = _stated_year(match, anchor, lambda: _year_for(month, None, anchor, future))
    if year is None:
        return None
    last_day = calendar.monthrange(year, month)[1]
    if match.group("nth") == "last":
        return dt.date(year, month, last_day - 6), dt.date(year, month, last_day)
    index = ["first", "second", "third", "fourth"].index(match.group("nth"))
    return dt.date(year, month, index * 7 + 1), dt.date(year, month, index * 7 + 7)


def _rule_holiday(text, anchor, future):
    name = re.sub(r"^(?:this|last|next)\s+", "", text)
    if name not in _HOLIDAYS:
        return _NO_MATCH
    if _HOLIDAYS[name] is None or anchor is None:
        return None  # national days differ by country
    month, day = _HOLIDAYS[name]
    rel = text[: len(text) - len(name)].strip()
    year = _year_for(month, day, anchor, future or rel == "next")
    if rel == "last" and dt.date(year, month, day) == anchor:
        year -= 1
    return _day(dt.date(year, month, day))


def _rule_bare_year_number(text, anchor, future):
    # "the year" alone, "this time last year" and similar: recognised, unknown
    if text in ("the year", "this time last year", "the time", "the moment"):
        return None
    return _NO_MATCH


_RULES = [
    _rule_ago, _rule_ago_this, _rule_in_future, _rule_past_n, _rule_period, _rule_weekday,
    _rule_weekday_of_a_week, _rule_the_weekend, _rule_quarter_bare, _rule_ordinal, _rule_month_day,
    _rule_year_range, _rule_iso,
    _rule_month_year, _rule_year, _rule_part_of_relative_year, _rule_day_range,
    _rule_season, _rule_decade, _rule_week_of_month, _rule_holiday, _rule_bare_year_number,
]


# ---------------------------------------------------------------------------
# Ranges and the dateparser fallback
# ---------------------------------------------------------------------------


def _resolve_range(text: str, anchor: dt.date | None, future: bool) -> Span | None:
    match = _RANGE_OPEN.match(text) or _RANGE_BARE.match(text)
    if not match:
        return None
    left = _resolve(match.group("a"), anchor, future)
    if left is None:
        return None
    right_text = match.group("b")
    if re.fullmatch(r"\d{1,2}(?:st|nd|rd|th)?", right_text):
        # "from March 3 to 5": the second day shares the first one's month
        right_day = int(re.match(r"\d+", right_text).group())
        right = _day(left[0].replace(day=right_day))
    else:
        right = _resolve(right_text, anchor, future)
        if right is not None and right[1] < left[0]:
            # "from Monday to Wednesday": the end follows the start
            right = _resolve(right_text, left[0], True)
    if right is None or right[1] < left[0]:
        return None
    return left[0], right[1]


@functools.lru_cache(maxsize=256)
def _date_parser(prefer: str, base: dt.datetime):
    from dateparser.date import DateDataParser  # imported late: it costs ~0.3 s

    return DateDataParser(
        languages=["en"],
        settings={"PREFER_DATES_FROM": prefer, "RETURN_TIME_AS_PERIOD": True,
                  "RELATIVE_BASE": base},
    )


def _dateparser_fallback(text: str, anchor: dt.date | None, future: bool) -> Span | None:
    """Absolute dates in shapes the rules above do not know ("4/24/2024", "24.04.2024")."""
    if not (_HAS_MONTH.search(text) or _NUMERIC_DATE.search(text)):
        return None  # dateparser reads "the 6th" as June: keep it to real dates
    has_year = re.search(r"\b\d{4}\b", text) is not None
    if anchor is None and not has_year:
        return None
    base = dt.datetime.combine(anchor or dt.date(2000, 1, 1), dt.time())
    parser = _date_parser("future" if future else "past", base)
    try:
        data = parser.get_date_data(text)
    except Exception:  # dateparser raises assorted errors on odd input
        return None
    if data is None or data.date_obj is None:
        return None
    found = data.date_obj.date()
    if data.period == "year":
        return dt.date(found.year, 1, 1), dt.date(found.year, 12, 31)
    if data.period == "month":
        return _month_span(found.year, found.month)
    if data.period in ("day", "time", "hour", "minute", "second"):
        return _day(found)
    return None
