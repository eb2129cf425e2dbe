"""Lists an article announces: "The tour dates:" and the short lines under it.

A list item is short and often no sentence ("June 9 -- Arena, Tampa, FL", "Path A: Iceland,
Bulgaria"), so the line model, which has seen far more menus than lists, drops it. A reader
keeps it when a kept paragraph announces it with a colon and the lines under it are alike:
each opens the same way (a number, a month, a bullet, a capital letter), none is named as
furniture by the lexicons, none is a byline or a date line. The list ends where that
changes, or at a long paragraph.

    >>> from claimgraph.clean.text import Unit
    >>> rows = ["The first shipments arrive at these ports:", "Odesa, by rail", "Izmail, by river barge",
    ...         "https://example.org/izmail", "Reni, by road", "share on facebook"]
    >>> units = [Unit(text=t, line_no=i, block=i, words=len(t.split()), label="boilerplate") for i, t in enumerate(rows)]
    >>> units[0].label = "body"
    >>> announced_items(units, 0)
    [1, 2, 3, 4]
"""

from __future__ import annotations

import re

from claimgraph.clean.text import Unit, load_lexicon, mark

__all__ = ["announced_items", "item_shape", "keep_announced_lists"]

KEPT = ("body", "heading")
# An item longer than this is a paragraph: the list has ended.
ITEM_MAX_WORDS = 30
# Lists run to a few dozen items; a run longer than this is a page's index, not a list.
MAX_ITEMS = 80
# Two items at least: one line under a colon may be anything (a quote, a link).
MIN_ITEMS = 2
_MONTH_RE = re.compile(r"(?i)^(?:jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\.?$")
# A list number (a year, "2018 Festival", is no list number).
_NUMBER_RE = re.compile(r"^\(?\d{1,3}[a-zº°]?[.):]?$")
_BULLET_RE = re.compile(r"^[-–—•·*▪►o]$")


def item_shape(text: str) -> str:
    """How a line opens: "number", "month", "bullet", "capital" or "other"."""
    first = text.split(maxsplit=1)[0] if text.strip() else ""
    if _NUMBER_RE.match(first):
        return "number"
    if _MONTH_RE.match(first):
        return "month"
    if _BULLET_RE.match(first):
        return "bullet"
    return "capital" if first[:1].isupper() else "other"


def announced_items(units: list[Unit], lead: int) -> list[int]:
    """Indices of the dropped items of the list that kept unit ``lead`` announces (empty
    when fewer than ``MIN_ITEMS`` follow); kept lines of the same shape inside it count
    as items already kept."""
    dropped, _, items = list_under(units, lead)
    return dropped if len(items) >= MIN_ITEMS else []


def list_under(units: list[Unit], lead: int) -> tuple[list[int], str | None, list[int]]:
    """The list under unit ``lead``: the indices of its dropped lines, its items' shape and
    the indices of its items."""
    lexicon = load_lexicon()
    shape, items, dropped = None, [], []
    for j in range(lead + 1, min(len(units), lead + 1 + MAX_ITEMS)):
        unit = units[j]
        if unit.label in ("byline", "dateline", "title") or unit.words > ITEM_MAX_WORDS:
            break
        if items and is_bare_link(unit.text):
            dropped += [] if unit.label in KEPT else [j]  # an item's link on its own line
            continue
        if unit.label not in KEPT and (lexicon.match(unit.text) or lexicon.is_list_head(unit.text)
                                       or not any(ch.isalpha() for ch in unit.text)):
            break
        own = item_shape(unit.text)
        if shape is not None and own != shape:
            break
        shape = own
        items.append(j)
        if unit.label not in KEPT:
            dropped.append(j)
    return dropped, shape, items


BARE_LINK_RE = re.compile(r"^(?:https?://|www\.)\S+$")


def is_bare_link(text: str) -> bool:
    return bool(BARE_LINK_RE.match(text.strip()))


def keep_announced_lists(units: list[Unit]) -> None:
    """Keep the items of each list a kept paragraph announces with a colon (and the
    announcing line itself when it comes right under a kept paragraph), and of each
    numbered, dated or bulleted list under a heading right below a kept paragraph
    ("Tour dates" over "June 9 -- Tampa, FL", ...)."""
    for i, unit in enumerate(units):
        if not announces(units, i):
            items = numbered_items(units, i)
        elif unit.text.rstrip().endswith(":"):
            items = announced_items(units, i)
        else:
            items = headed_items(units, i)
        if items and unit.label != "body":
            mark(unit, "body", "announces a list")
        for j in items:
            mark(units[j], "body", "announced list item")


# Item shapes that mark a list under a heading without a colon; a run of capitalised lines
# under a heading is as likely a box of headlines.
MARKED_SHAPES = ("number", "month", "bullet")
HEADED_MIN_ITEMS = 3


def headed_items(units: list[Unit], lead: int) -> list[int]:
    """The dropped lines of a numbered, dated or bulleted list of ``HEADED_MIN_ITEMS`` or
    more items under heading ``lead``."""
    dropped, shape, items = list_under(units, lead)
    if shape not in MARKED_SHAPES or len(items) < HEADED_MIN_ITEMS:
        return []
    if shape == "number" and not counts_up([units[j].text for j in items]):
        return []  # "27 Oddest Cases", "10 Strangest Cases": headlines that open with a number
    return dropped


# A list numbered 1, 2, 3 ... this long is the page's content wherever it stands (a race
# calendar, a standings table); a "Most read" box of five or ten is named by the lexicons.
LONG_LIST_ITEMS = 8


def numbered_items(units: list[Unit], lead: int) -> list[int]:
    """The dropped lines of a list of ``LONG_LIST_ITEMS`` or more items numbered from 1 under
    a line no lexicon names as furniture."""
    unit = units[lead]
    lexicon = load_lexicon()
    if unit.label in ("byline", "dateline", "title") or lexicon.match(unit.text) or lexicon.is_list_head(unit.text):
        return []
    dropped, shape, items = list_under(units, lead)
    if shape != "number" or len(items) < LONG_LIST_ITEMS:
        return []
    texts = [units[j].text for j in items]
    return dropped if list_number(texts[0]) == 1 and counts_up(texts) else []


def list_number(text: str) -> int:
    return int(re.match(r"\D*(\d+)", text).group(1))


def counts_up(texts: list[str]) -> bool:
    """Do the numbers opening ``texts`` count 1, 2, 3 ... on from the first?

    >>> counts_up(["1) Lego set", "2) Race track", "3. Board game"]), counts_up(["27 Oddest", "10 Strangest", "11 Weird"])
    (True, False)
    """
    numbers = [list_number(text) for text in texts]
    return all(b == a + 1 for a, b in zip(numbers, numbers[1:]))


# An announcing line the model dropped is kept only when it reads as a clause, not a label ("Tags:").
LEAD_MIN_WORDS = 4


def announces(units: list[Unit], i: int) -> bool:
    """Does unit ``i`` open a list of the article: a kept line ending with a colon, or a
    line of a few words right under a kept paragraph that no lexicon names as furniture?"""
    unit = units[i]
    if unit.label == "body" and unit.text.rstrip().endswith(":"):
        return True
    return (i > 0 and units[i - 1].label == "body" and unit.words >= LEAD_MIN_WORDS
            and unit.label not in ("byline", "dateline", "title") and not load_lexicon().match(unit.text))
