"""Comment threads under an article: the readers' posts a scraper keeps with the page.

A thread is a run of posts, each opened by its author's name and a stamp: a date with its
year and a clock time ("August 8, 2018 at 7:21 pm"), or an age ("2 days ago at 07:52 am"),
sometimes with "said:" ("Alex on September 17, 2018 at 6:34 am said:"). Posts read like
prose, so the line model keeps many of them as the article's paragraphs; the stamps
repeating every few lines, each under a name, are what a reader sees as a thread.

Only a run of at least ``MIN_POSTS`` stamps a few lines apart counts, most of them signed
(a name line right above the stamp, or "said:" in it), and only below some kept article
text: a story's own dateline ("Posted ... | Updated ...") is one or two stamps next to each
other, and a timeline inside an article is unsigned.

    >>> from claimgraph.clean.text import Unit
    >>> rows = ["Drones hit the port", "The army said two drones were shot down over the port.",
    ...         "Jane Roe", "May 2, 2021 at 9:15 am", "What a terrible night for the city, truly.",
    ...         "Sam Poe", "May 2, 2021 at 9:40 am", "My cousin lives there and heard the blasts.",
    ...         "Ann Loe", "May 3, 2021 at 7:02 pm", "Stay safe everyone, this is awful news.", "About us"]
    >>> units = [Unit(text=t, line_no=i, block=i, words=len(t.split()), label="body") for i, t in enumerate(rows)]
    >>> thread_spans(units)
    [(2, 12)]
"""

from __future__ import annotations

import re
import statistics

from claimgraph.clean.linemodel import is_prose
from claimgraph.clean.text import SENTENCE_END_RE, Unit, mark

__all__ = ["drop_comment_threads", "index_runs", "is_stamp", "thread_spans"]

_MONTH = r"(?:jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\.?"
_DATE = (rf"(?:{_MONTH}\s+\d{{1,2}}(?:st|nd|rd|th)?,?\s+\d{{4}}|\d{{1,2}}\s+{_MONTH},?\s+\d{{4}}"
         r"|\d{1,2}[/.-]\d{1,2}[/.-]\d{2,4}|\d{4}-\d{2}-\d{2})")
_TIME = r"\d{1,2}[:.]\d{2}(?::\d{2})?\s*(?:[ap]\.?m\.?)?"
_AGE = r"\b\d+\s+(?:second|minute|min|hour|hr|day|week|month|year)s?\s+ago\b"
# A post's stamp: a dated clock time, or an age; "said:" and a name may share its line.
STAMP_RE = re.compile(rf"(?i)(?:{_DATE}\s*(?:at|@|,|-|–|\|)?\s*{_TIME}|{_AGE})")
SAID_RE = re.compile(r"(?i)\b(?:said|says|wrote|writes|commented)\s*:\s*$")
# A stamp line is short; a sentence that mentions a date and a time is a story's.
STAMP_MAX_WORDS = 16
# A name line: a handle or a name of a few words, no sentence.
NAME_MAX_WORDS = 4
# Posts are a few lines each: stamps further apart than this belong to different runs.
MAX_POST_UNITS = 15
MIN_POSTS = 3
SIGNED_SHARE = 0.5


def is_stamp(unit: Unit) -> bool:
    return unit.words <= STAMP_MAX_WORDS and bool(STAMP_RE.search(unit.text))


def is_signed(units: list[Unit], i: int) -> bool:
    """A post's stamp says who wrote it: "said:" on its line, or a name line right above."""
    if SAID_RE.search(units[i].text):
        return True
    if i == 0:
        return False
    above = units[i - 1]
    return (0 < above.words <= NAME_MAX_WORDS and not SENTENCE_END_RE.search(above.text)
            and not is_stamp(above))


def thread_spans(units: list[Unit]) -> list[tuple[int, int]]:
    """(first, end) unit ranges of the comment threads: from the first post's stamp to the
    end of the last post (as long as the run's typical post)."""
    spans = []
    for run in index_runs([i for i, unit in enumerate(units) if is_stamp(unit)], MAX_POST_UNITS, min_step=2):
        if len(run) < MIN_POSTS or sum(is_signed(units, i) for i in run) < SIGNED_SHARE * len(run):
            continue
        post = int(statistics.median(b - a for a, b in zip(run, run[1:])))
        first = run[0] - 1 if not SAID_RE.search(units[run[0]].text) and is_signed(units, run[0]) else run[0]
        spans.append((first, min(len(units), run[-1] + post)))
    return spans


def index_runs(indices: list[int], max_step: int, min_step: int = 1) -> list[list[int]]:
    """``indices`` (ascending) cut into runs whose neighbours are ``min_step`` to ``max_step`` apart.

    >>> index_runs([1, 2, 5, 20, 22], 3)
    [[1, 2, 5], [20, 22]]
    """
    runs: list[list[int]] = []
    for i in indices:
        if runs and min_step <= i - runs[-1][-1] <= max_step:
            runs[-1].append(i)
        else:
            runs.append([i])
    return runs


def drop_comment_threads(units: list[Unit]) -> None:
    """Label the posts of each comment thread below kept article text as furniture."""
    for first, end in thread_spans(units):
        if not any(unit.label == "body" and is_prose(unit) for unit in units[:first]):
            continue  # no article above: the stamps are a timeline's, or the page is all posts
        for unit in units[first:end]:
            if unit.label in ("body", "heading"):
                mark(unit, "boilerplate", "comment thread")
