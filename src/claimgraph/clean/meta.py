"""What an article says about itself: byline names and publication date lines.

Both parsers look at one short line at a time (the line classifier in ``text.py``
decides which lines to show them), so dateparser only ever sees a few words.

    >>> parse_byline("By. Jane Doe and John Roe, Staff Writers")
    'Jane Doe and John Roe'
    >>> parse_dateline("Published on March 3, 2024 at 10:15 AM")
    '2024-03-03'
"""

from __future__ import annotations

import re
from datetime import date, timedelta

from ..datafiles import grammar

BYLINE_RE = re.compile(
    r"^(?:(?:[Ww]ritten|[Ww]ords|[Rr]eported|[Ss]tory|[Tt]ext|[Rr]eporting)\s+[Bb]y|By|BY|(?:Authors?|AUTHOR|Writer)\s*:)"
    r"\s*[.:]?\s+(?P<rest>\S.*)$"
)
BYLINE_MAX_WORDS = 12
# Words that make a "name" an affiliation or a job title instead.
NOT_NAME_WORDS = frozenset(
    """staff writer writers correspondent correspondents reporter reporters editor editors
    news agency agencies desk times post press reuters associated afp bloomberg bureau
    service online team senior chief contributor contributing special daily herald journal
    tribune radio television tv the in for of on at newsroom network media wire""".split()
)
NAME_PARTICLES = frozenset(grammar()["name_particles"])
NAME_SPLIT_RE = re.compile(r"\s*,\s*|\s+and\s+|\s*&\s*")
AFFILIATION_CUT_RE = re.compile(r"\s*(?:\||•|·|\(|\s[-–—]\s).*$")

DATE_LABEL_RE = re.compile(
    r"^(?:first\s+)?(?:published|updated|posted|last\s+updated|last\s+modified|modified|date|dated)"
    r"\b\s*(?:on|at)?\s*[:\-–—]?\s*",
    re.IGNORECASE,
)
MONTHS = (
    "january february march april may june july august september october november december "
    "jan feb mar apr jun jul aug sep sept oct nov dec"
).split()
WEEKDAYS = (
    "monday tuesday wednesday thursday friday saturday sunday mon tue tues wed thu thur thurs fri sat sun"
).split()
DATE_TOKEN_RE = re.compile(
    r"^(?:"
    r"\d{1,4}(?:st|nd|rd|th)?"
    r"|\d{1,2}[:.]\d{2}(?::\d{2})?(?:am|pm)?"
    r"|\d{1,4}[-/.]\d{1,2}[-/.]\d{1,4}"
    r"|\d{4}-\d{2}-\d{2}t[\d:.+z-]*"
    r"|a\.?m\.?|p\.?m\.?|at|on|of|the|updated|published|posted|ago|hours?|hrs?|minutes?|mins?|days?"
    r"|(?:utc|gmt)(?:[+-]\d{1,2})?|est|edt|cst|cdt|mst|mdt|pst|pdt|bst|cet|cest|eet|eest|kst|jst|ist|msk|aest|aedt"
    r"|" + "|".join(MONTHS + WEEKDAYS) + r")$"
)
# A publication date outside these bounds is a typo or a placeholder ("0001-01-01"), and dates
# that far out break date arithmetic downstream (one stored 0001-01-01 made every link fail).
EARLIEST_PUBLISHED = date(1900, 1, 1)
FUTURE_PUBLISHED_DAYS = 3  # time zones and embargoed copies run a little ahead
ISO_DAY_RE = re.compile(r"^\d{4}-\d{2}-\d{2}$")
# Metadata lengths kept (a title is a line, not a page).
MAX_TITLE_CHARS = 1000
MAX_OUTLET_CHARS = 300
MAX_BYLINE_CHARS = 300
MAX_URL_CHARS = 2048
NUMERIC_DATE_RE = re.compile(r"\b(\d{1,2})[/.](\d{1,2})[/.](\d{2,4})\b")
YEAR_RE = re.compile(r"\b(?:1[89]|20)\d{2}\b")


def parse_byline(line: str) -> str | None:
    """The author names of a byline line, or None if the line is not a byline.

    :param line: one line of text, e.g. ``"By Jane Doe | Reuters"``.

    >>> parse_byline("By Jane Doe | Reuters"), parse_byline("By the end of the week, it was over.")
    ('Jane Doe', None)
    """
    line = line.strip()
    if len(line.split()) > BYLINE_MAX_WORDS:
        return None
    found = BYLINE_RE.match(line)
    if not found:
        return None
    names = parse_names(found.group("rest"))
    return join_names(names) if names else None


def parse_names(text: str) -> list[str]:
    """Person names at the start of ``text``, up to the first part that is not a name.

    >>> parse_names("Jane Doe, John Roe and Max Mustermann, Reuters")
    ['Jane Doe', 'John Roe', 'Max Mustermann']
    """
    text = AFFILIATION_CUT_RE.sub("", text.strip()).rstrip(" .,;")
    names: list[str] = []
    for part in NAME_SPLIT_RE.split(text):
        words = part.split()
        if not 2 <= len(words) <= 4 or not all(map(is_name_word, words)):
            break
        names.append(" ".join(w.capitalize() if w.isupper() and len(w) > 2 else w for w in words))
    return names


# The job a bare byline line names after the author: "Tom Krisher, AP Auto Writer".
ROLE_WORDS = frozenset("writer writers correspondent correspondents reporter reporters editor editors "
                       "columnist contributor journalist".split())


def parse_named_role(line: str) -> str | None:
    """Names of a byline without "By" whose names are followed by a job title.

    >>> parse_named_role("Tom Krisher, Ap Auto Writer"), parse_named_role("Kyiv, Ukraine")
    ('Tom Krisher', None)
    """
    line = " ".join(line.split())
    if len(line.split()) > BYLINE_MAX_WORDS or "," not in line:
        return None
    head, _, role = line.partition(",")
    names = parse_names(head)
    if names and any(w.lower().strip(".") in ROLE_WORDS for w in role.split()):
        return join_names(names)
    return None


def is_name_word(word: str) -> bool:
    if word.lower() in NAME_PARTICLES and word.lower() not in NOT_NAME_WORDS:  # "at" stays a word
        return True
    if word.lower().strip(".") in NOT_NAME_WORDS:
        return False
    return word[0].isupper() and all(ch.isalpha() or ch in ".'’-" for ch in word)


def join_names(names: list[str]) -> str:
    if len(names) == 1:
        return names[0]
    return ", ".join(names[:-1]) + " and " + names[-1]


def clean_author(author: str | None) -> str | None:
    """Names from an author field of HTML metadata ("Jane Doe; Staff Writer" -> "Jane Doe").

    Falls back to the field as given when it holds no recognisable person name
    (an agency such as "Associated Press").

    >>> clean_author("Jane Doe; Staff Writer")
    'Jane Doe'
    """
    if not author or not author.strip():
        return None
    author = " ".join(author.split())
    names = [n for part in author.split(";") for n in parse_names(part)]
    if names:
        return join_names(list(dict.fromkeys(names)))
    return author[:120]


def parse_dateline(line: str) -> str | None | bool:
    """Read a publication-date line.

    Returns the date as ``YYYY-MM-DD``; ``None`` for a line that is a dateline but
    names no full, unambiguous date ("Updated 3 hours ago", "04/05/2024"); ``False``
    for a line that is not a dateline at all (a body sentence with a date in it).

    >>> parse_dateline("Thursday, 4 January 2024"), parse_dateline("Posted 2 hours ago")
    ('2024-01-04', None)
    >>> parse_dateline("The strike came on 4 January 2024.")
    False
    """
    line = " ".join(line.split())
    labelled = DATE_LABEL_RE.match(line)
    rest = line[labelled.end() :] if labelled else line
    if not labelled and not is_only_date_words(rest):
        return False
    for part in re.split(r"\s*[|•·]\s*|\s+/\s+|\s+by\s+", rest):
        value = parse_date_text(part)
        if value:
            return value
    return None


def is_only_date_words(text: str) -> bool:
    words = [w.strip(",.;()[]").lower() for w in text.split()]
    words = [w for w in words if w and w not in ("-", "–", "—", "|", "•", "·", "/")]
    return bool(words) and bool(YEAR_RE.search(text)) and all(DATE_TOKEN_RE.match(w) for w in words)


def parse_date_text(text: str) -> str | None:
    """A full date (day, month and year) in a short text, else None. Never guesses.

    >>> parse_date_text("Jan 4, 2024 10:21 AM EST"), parse_date_text("04/05/2024")
    ('2024-01-04', None)
    """
    text = text.strip(" ,.-–—:")
    if not text or not YEAR_RE.search(text) and not re.search(r"\d{1,2}[/.-]\d{1,2}[/.-]\d{2}\b", text):
        return None
    numeric = NUMERIC_DATE_RE.search(text)
    if numeric and not any(m in text.lower() for m in MONTHS):
        first, second = int(numeric.group(1)), int(numeric.group(2))
        if first <= 12 and second <= 12 and first != second:
            return None  # 04/05/2024: April or May? Do not guess.
    iso = re.search(r"\b(\d{4})-(\d{2})-(\d{2})\b", text)
    if iso:
        try:
            return date(int(iso.group(1)), int(iso.group(2)), int(iso.group(3))).isoformat()
        except ValueError:
            return None
    return dateparser_date(text)


def dateparser_date(text: str) -> str | None:
    import dateparser  # slow to import; only needed when a dateline is found

    parsed = dateparser.parse(
        text,
        languages=["en"],
        settings={"STRICT_PARSING": True, "RETURN_AS_TIMEZONE_AWARE": False},
    )
    return parsed.date().isoformat() if parsed else None


def check_published(value: str, today: date | None = None) -> str:
    """A supplied publication date as ``YYYY-MM-DD``, or ``ValueError`` saying what is wrong.

    >>> check_published("2024-02-29")
    '2024-02-29'
    >>> for bad in ("2024-02-30", "32/13/2024", "12345", "0001-01-01", "2999-01-01"):
    ...     try:
    ...         check_published(bad, today=date(2025, 1, 1))
    ...     except ValueError as exc:
    ...         print(exc)
    not a calendar day
    not a day written YYYY-MM-DD
    not a day written YYYY-MM-DD
    before 1900-01-01
    more than 3 days after today (2025-01-01)
    """
    value = value.strip()
    if not ISO_DAY_RE.match(value):
        raise ValueError("not a day written YYYY-MM-DD")
    try:
        day = date.fromisoformat(value)
    except ValueError:
        raise ValueError("not a calendar day") from None
    if day < EARLIEST_PUBLISHED:
        raise ValueError(f"before {EARLIEST_PUBLISHED.isoformat()}")
    today = today or date.today()
    if day > today + timedelta(days=FUTURE_PUBLISHED_DAYS):
        raise ValueError(f"more than {FUTURE_PUBLISHED_DAYS} days after today ({today.isoformat()})")
    return value


def sane_published(value: str | None) -> str | None:
    """``value`` if it passes :func:`check_published`, else None (a date read from a page is a
    guess: a bad one is dropped, not a reason to refuse the article).

    >>> sane_published("2024-01-04"), sane_published("0001-01-01"), sane_published(None)
    ('2024-01-04', None, None)
    """
    if value is None:
        return None
    try:
        return check_published(value)
    except ValueError:
        return None


def bounded(value: str | None, limit: int) -> str | None:
    r"""One line of metadata, whitespace runs folded and at most ``limit`` characters (cut at a
    word, with an ellipsis).

    >>> bounded("  Drones   hit\nOdesa ", 100), bounded("Drones hit the port of Odesa", 12)
    ('Drones hit Odesa', 'Drones hit…')
    """
    if value is None:
        return None
    value = " ".join(value.split())
    if len(value) <= limit:
        return value or None
    cut = value[: limit - 1]
    if " " in cut[limit // 2 :]:
        cut = cut[: cut.rindex(" ")]
    return cut.rstrip(" ,;:-") + "…"
