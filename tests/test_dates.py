"""resolve/dates.py: time expressions to calendar intervals, relative to publication."""

from __future__ import annotations

import calendar
import datetime as dt

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from claimgraph.extract.dating import days_counted
from claimgraph.resolve.dates import parse_iso, resolve_time

THURSDAY = dt.date(2024, 1, 4)  # Thursday 4 January 2024


def span(text, anchor=THURSDAY, **kw):
    result = resolve_time(text, anchor, **kw)
    return None if result is None else (result.start, result.end)


@pytest.mark.parametrize(
    "text, expected",
    [
        ("Saturday", ("2023-12-30", "2023-12-30")),
        ("on Tuesday", ("2024-01-02", "2024-01-02")),
        ("Thursday", ("2024-01-04", "2024-01-04")),
        ("last Friday", ("2023-12-29", "2023-12-29")),
        ("last Thursday", ("2023-12-28", "2023-12-28")),
        ("next Monday", ("2024-01-08", "2024-01-08")),
        ("Tuesday night", ("2024-01-02", "2024-01-02")),
        ("early Wednesday", ("2024-01-03", "2024-01-03")),
        ("10 a.m. on Tuesday", ("2024-01-02", "2024-01-02")),
        ("Monday's", ("2024-01-01", "2024-01-01")),
    ],
)
def test_dates_weekdays_resolve_backwards(text, expected):
    assert span(text) == expected


@pytest.mark.parametrize(
    "text, expected",
    [
        ("Tuesday last week", ("2023-12-26", "2023-12-26")),
        ("on Tuesday of last week", ("2023-12-26", "2023-12-26")),
        ("last week on Friday", ("2023-12-29", "2023-12-29")),
        ("Monday next week", ("2024-01-08", "2024-01-08")),
        ("Wednesday this week", ("2024-01-03", "2024-01-03")),
    ],
)
def test_dates_a_weekday_of_a_named_week_is_that_week_s(text, expected):
    assert span(text) == expected


@pytest.mark.parametrize(
    "text, expected",
    [
        ("today", ("2024-01-04", "2024-01-04")),
        ("this morning", ("2024-01-04", "2024-01-04")),
        ("tonight", ("2024-01-04", "2024-01-04")),
        ("yesterday", ("2024-01-03", "2024-01-03")),
        ("tomorrow", ("2024-01-05", "2024-01-05")),
        ("overnight", ("2024-01-03", "2024-01-04")),
        ("last night", ("2024-01-03", "2024-01-03")),
        ("earlier this week", ("2024-01-01", "2024-01-04")),
        ("this week", ("2024-01-01", "2024-01-07")),
        ("last week", ("2023-12-25", "2023-12-31")),
        ("last month", ("2023-12-01", "2023-12-31")),
        ("this month", ("2024-01-01", "2024-01-31")),
        ("this year", ("2024-01-01", "2024-12-31")),
        ("last year", ("2023-01-01", "2023-12-31")),
        ("three days ago", ("2024-01-01", "2024-01-01")),
        ("two weeks ago", ("2023-12-21", "2023-12-21")),
        ("the past two days", ("2024-01-02", "2024-01-04")),
        ("since Monday", ("2024-01-01", "2024-01-04")),
        ("the weekend", ("2023-12-30", "2023-12-31")),
    ],
)
def test_dates_relative_words(text, expected):
    assert span(text) == expected


@pytest.mark.parametrize(
    "text, expected",
    [
        ("in September", ("2023-09-01", "2023-09-30")),
        ("in November", ("2023-11-01", "2023-11-30")),
        ("January", ("2024-01-01", "2024-01-31")),
        ("late 2023", ("2023-09-01", "2023-12-31")),
        ("early 2024", ("2024-01-01", "2024-04-30")),
        ("mid-2023", ("2023-05-01", "2023-08-31")),
        ("February 2022", ("2022-02-01", "2022-02-28")),
        ("Sept. 2023", ("2023-09-01", "2023-09-30")),
        ("September last year", ("2023-09-01", "2023-09-30")),
        ("2006", ("2006-01-01", "2006-12-31")),
        ("the first half of 2023", ("2023-01-01", "2023-06-30")),
        ("late December", ("2023-12-21", "2023-12-31")),
        ("last summer", ("2023-06-01", "2023-08-31")),
    ],
)
def test_dates_months_and_years(text, expected):
    assert span(text) == expected


@pytest.mark.parametrize(
    "text, expected",
    [
        ("the 6th", ("2023-12-06", "2023-12-06")),
        ("on the 2nd", ("2024-01-02", "2024-01-02")),
        ("on the 12th (local time)", ("2023-12-12", "2023-12-12")),
        ("the 28th of last month", ("2023-12-28", "2023-12-28")),
        ("the 4th", ("2024-01-04", "2024-01-04")),
    ],
)
def test_dates_day_ordinals(text, expected):
    assert span(text) == expected


def test_dates_ordinal_later_in_month_goes_to_previous_month_when_reported():
    assert span("the 6th", dt.date(2024, 1, 10)) == ("2024-01-06", "2024-01-06")
    assert span("the 31st", dt.date(2024, 3, 5)) == ("2024-01-31", "2024-01-31")


def test_dates_future_flag_flips_ambiguous_expressions():
    assert span("the 10th", future=True) == ("2024-01-10", "2024-01-10")
    assert span("Monday", future=True) == ("2024-01-08", "2024-01-08")
    assert span("in September", future=True) == ("2024-09-01", "2024-09-30")
    assert span("April 24", future=True) == ("2024-04-24", "2024-04-24")


@pytest.mark.parametrize(
    "text, anchor, expected",
    [
        ("April 24", dt.date(2025, 4, 26), ("2025-04-24", "2025-04-24")),
        ("April 24", THURSDAY, ("2023-04-24", "2023-04-24")),
        ("Thursday (April 24)", dt.date(2025, 4, 24), ("2025-04-24", "2025-04-24")),
        ("June 19, 2024", THURSDAY, ("2024-06-19", "2024-06-19")),
        ("24 April 2024", THURSDAY, ("2024-04-24", "2024-04-24")),
        ("2024-04-24", THURSDAY, ("2024-04-24", "2024-04-24")),
        ("Jan. 4", THURSDAY, ("2024-01-04", "2024-01-04")),
        ("December 30", THURSDAY, ("2023-12-30", "2023-12-30")),
        ("4/24/2024", THURSDAY, ("2024-04-24", "2024-04-24")),
    ],
)
def test_dates_absolute(text, anchor, expected):
    assert span(text, anchor) == expected


@pytest.mark.parametrize(
    "text, expected",
    [
        ("between March 3 and March 5", ("2023-03-03", "2023-03-05")),
        ("from Monday to Wednesday", ("2024-01-01", "2024-01-03")),
        ("March 3-5", ("2023-03-03", "2023-03-05")),
        ("the night of 3 to 4 December", ("2023-12-03", "2023-12-04")),
        ("2022-23", ("2022-01-01", "2023-12-31")),
    ],
)
def test_dates_ranges(text, expected):
    assert span(text) == expected


@pytest.mark.parametrize(
    "text",
    ["for three years", "30 minutes", "two days", "recently", "at 10:30 a.m.", "the same day",
     "in recent weeks", "a few days ago", "", "   ", "the Joint Task Force"],
)
def test_dates_unknown_stays_none(text):
    assert resolve_time(text, THURSDAY) is None


def test_dates_without_anchor_only_absolute_dates_resolve():
    assert span("June 19, 2024", None) == ("2024-06-19", "2024-06-19")
    assert span("February 2022", None) == ("2022-02-01", "2022-02-28")
    assert span("Saturday", None) is None
    assert span("yesterday", None) is None
    assert span("April 24", None) is None


def test_dates_timespan_keeps_the_text():
    assert resolve_time("last Friday", THURSDAY).text == "last Friday"


def test_dates_accepts_a_datetime_anchor():
    assert span("yesterday", dt.datetime(2024, 1, 4, 23, 59)) == ("2024-01-03", "2024-01-03")


def test_dates_parse_iso():
    assert parse_iso("2024-01-04") == THURSDAY
    assert parse_iso("2024-01-04T10:00:00+00:00") == THURSDAY
    assert parse_iso("2024-02-30") is None
    assert parse_iso(None) is None
    assert parse_iso("Thursday") is None


# ---------------------------------------------------------------------------
# Properties
# ---------------------------------------------------------------------------

ANCHORS = st.dates(min_value=dt.date(1990, 1, 1), max_value=dt.date(2060, 12, 31))
WEEKDAYS = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"]


@settings(max_examples=200, deadline=None)
@given(anchor=ANCHORS, weekday=st.integers(min_value=0, max_value=6))
def test_dates_property_weekday_within_six_days_before(anchor, weekday):
    result = resolve_time(f"on {WEEKDAYS[weekday]}", anchor)
    day = parse_iso(result.start)
    assert result.start == result.end
    assert day.weekday() == weekday
    assert 0 <= (anchor - day).days <= 6


@settings(max_examples=200, deadline=None)
@given(anchor=ANCHORS, weekday=st.integers(min_value=0, max_value=6))
def test_dates_property_future_weekday_within_six_days_after(anchor, weekday):
    result = resolve_time(WEEKDAYS[weekday], anchor, future=True)
    day = parse_iso(result.start)
    assert day.weekday() == weekday
    assert 0 <= (day - anchor).days <= 6


@settings(max_examples=200, deadline=None)
@given(anchor=ANCHORS, n=st.integers(min_value=1, max_value=400))
def test_dates_property_n_days_ago(anchor, n):
    result = resolve_time(f"{n} days ago", anchor)
    assert parse_iso(result.start) == anchor - dt.timedelta(days=n) == parse_iso(result.end)


@pytest.mark.parametrize(
    "text, expected",
    [
        ("five years ago this week", ("2018-12-31", "2019-01-06")),  # a week that straddles the new year
        ("a year ago this month", ("2023-01-01", "2023-01-31")),
        ("two years ago today", ("2022-01-04", "2022-01-04")),
        ("a few years ago this week", None),
    ],
)
def test_dates_anniversaries_are_the_span_back_then(text, expected):
    assert span(text) == expected


@settings(max_examples=200, deadline=None)
@given(anchor=ANCHORS, n=st.integers(min_value=1, max_value=30))
def test_dates_property_years_ago_this_week_is_a_monday_to_sunday_week_holding_that_day(anchor, n):
    result = resolve_time(f"{n} years ago this week", anchor)
    start, end = parse_iso(result.start), parse_iso(result.end)
    # 29 February: the same day in a leap year, else the 28th (2000-02-29 twelve years back is 1988-02-29)
    leap = calendar.isleap(anchor.year - n)
    then = anchor.replace(year=anchor.year - n) if (anchor.month, anchor.day) != (2, 29) or leap \
        else dt.date(anchor.year - n, 2, 28)
    assert start.weekday() == 0 and (end - start).days == 6 and start <= then <= end


@settings(max_examples=200, deadline=None)
@given(anchor=ANCHORS, day=st.integers(min_value=1, max_value=28))
def test_dates_property_bare_ordinal_not_after_anchor(anchor, day):
    suffix = {1: "st", 2: "nd", 3: "rd", 21: "st", 22: "nd", 23: "rd"}.get(day, "th")
    result = resolve_time(f"the {day}{suffix}", anchor)
    resolved = parse_iso(result.start)
    assert resolved.day == day
    assert 0 <= (anchor - resolved).days < 31


@settings(max_examples=300, deadline=None)
@given(text=st.text(max_size=60), anchor=st.one_of(st.none(), ANCHORS), future=st.booleans())
def test_dates_property_never_raises(text, anchor, future):
    result = resolve_time(text, anchor, future=future)
    if result is not None:
        assert parse_iso(result.start) <= parse_iso(result.end)


def test_counted_back_gives_the_day_and_the_rounding_either_side():
    from claimgraph.resolve.dates import counted_back
    assert counted_back("three years ago", dt.date(2016, 1, 5)) == (dt.date(2013, 1, 5), 183)
    assert counted_back("two months ago", dt.date(2016, 1, 5)) == (dt.date(2015, 11, 5), 15)
    assert counted_back("a few years ago", dt.date(2016, 1, 5)) is None
    assert counted_back("last year", dt.date(2016, 1, 5)) is None


@settings(deadline=None)
@given(st.integers(min_value=1, max_value=31), st.sampled_from(["day", "week"]),
       st.sampled_from(["earlier", "later", "before", "after"]))
def test_days_counted_from_another_day_have_the_count_s_size_and_side(count, unit, side):
    text = f"{count} {unit}{'s' if count > 1 else ''} {side}"
    size = count * (7 if unit == "week" else 1)
    assert days_counted(text) == (size if side in {"later", "after"} else -size)
    assert days_counted(f"{count} {unit}s") is None  # a bare count names no side
