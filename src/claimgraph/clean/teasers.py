"""Teaser lists whose headline and summary a scraper glued together.

A "latest headlines" box renders each teaser as a headline and its summary in separate
elements; a scraper that drops the markup without a line break glues them:
"Bridge Reopens After Repairs In RiversideThe city said on Monday that ...". One such
line may be a camel-cased name ("MacBook", "McPherson"); a run of them, each a Title-Case
headline glued to a sentence, is a teaser list, however much its summaries read like prose.

    >>> glued_headline("Ferry Service Resumes On The LakeThe company said crossings start on Monday.")
    'Ferry Service Resumes On The Lake'
    >>> glued_headline("Apple released a new MacBook Pro with a better keyboard on Monday.") is None
    True
"""

from __future__ import annotations

import re

from claimgraph.clean.text import Unit, mark, title_case_share
from claimgraph.clean.threads import index_runs

__all__ = ["drop_glued_teasers", "glued_headline", "teaser_runs"]

# Where a headline ends and its summary begins without a space: a lower-case letter, digit,
# closing quote or question mark, then a capitalised word.
GLUE_POINT_RE = re.compile(r"(?<=[a-z0-9?!’'\")])(?=[A-Z][a-z]*\s)")
HEADLINE_MIN_WORDS = 3
SUMMARY_MIN_WORDS = 5
HEADLINE_CASE_SHARE = 0.8
# Teasers of one list are next to each other, or one line (an age, a tag) apart.
MAX_STEP = 2
MIN_TEASERS = 3


def glued_headline(text: str) -> str | None:
    """The Title-Case headline glued to the start of a summary sentence in ``text``, or None."""
    for point in GLUE_POINT_RE.finditer(text):
        head, rest = text[:point.start()].split(), text[point.start():].split()
        if (len(head) >= HEADLINE_MIN_WORDS and len(rest) >= SUMMARY_MIN_WORDS and head[-1][:1].isupper()
                and title_case_share(head) >= HEADLINE_CASE_SHARE):
            return " ".join(head)
    return None


def teaser_runs(units: list[Unit]) -> list[list[int]]:
    """Runs of ``MIN_TEASERS`` or more glued teasers at most ``MAX_STEP`` units apart."""
    glued = [i for i, unit in enumerate(units) if glued_headline(unit.text) is not None]
    return [run for run in index_runs(glued, MAX_STEP) if len(run) >= MIN_TEASERS]


def drop_glued_teasers(units: list[Unit]) -> None:
    for run in teaser_runs(units):
        for i in run:
            if units[i].label in ("body", "heading"):
                mark(units[i], "boilerplate", "glued teaser list")
