"""Lists an article announces: "The tour dates:" and the short lines under it.

A list item is short and often no sentence ("June 9 -- Arena, Tampa, FL", "Path A: Iceland,
Bulgaria"), so the line model, which has seen far more menus than lists, drops it. A reader
keeps it when a kept paragraph announces it with a colon and the lines under it are alike:
each opens the same way (a number, a month, a bullet, a capital letter), none is named as
furniture by the lexicons, none is a byline or a date line. The list ends where that
changes, or at a long paragraph.

    >>> from claimgraph.clean.text import Unit
    >>> rows = ["The first shipments arrive at these ports:", "Odesa, by rail", "Izmail, by river barge",
    ...         "Reni, by road", "share on facebook"]
    >>> units = [Unit(text=t, line_no=i, block=i, words=len(t.split()), label="boilerplate") for i, t in enumerate(rows)]
    >>> units[0].label = "body"
    >>> announced_items(units, 0)
    [1, 2, 3]
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
_NUMBER_RE = re.compile(r"^\(?\d+[a-zº°]?[.):]?$")
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
    lexicon = load_lexicon()
    shape, items, dropped = None, 0, []
    for j in range(lead + 1, min(len(units), lead + 1 + MAX_ITEMS)):
        unit = units[j]
        if unit.label in ("byline", "dateline", "title") or unit.words > ITEM_MAX_WORDS:
            break
        if unit.label not in KEPT and (lexicon.match(unit.text) or lexicon.is_list_head(unit.text)
                                       or not any(ch.isalpha() for ch in unit.text)):
            break
        own = item_shape(unit.text)
        if shape is not None and own != shape:
            break
        shape, items = own, items + 1
        if unit.label not in KEPT:
            dropped.append(j)
    return dropped if items >= MIN_ITEMS else []


def keep_announced_lists(units: list[Unit]) -> None:
    """Keep the items of each list a kept paragraph announces with a colon (and the
    announcing line itself when it comes right under a kept paragraph)."""
    for i, unit in enumerate(units):
        if not (unit.text.rstrip().endswith(":") and announces(units, i)):
            continue
        items = announced_items(units, i)
        if items and unit.label != "body":
            mark(unit, "body", "announces a list")
        for j in items:
            mark(units[j], "body", "announced list item")


# An announcing line the model dropped is kept only when it reads as a clause, not a label ("Tags:").
LEAD_MIN_WORDS = 4


def announces(units: list[Unit], i: int) -> bool:
    """Is unit ``i`` (ending with a colon) the article's: kept, or a clause right under a
    kept paragraph that no lexicon names as furniture?"""
    unit = units[i]
    if unit.label == "body":
        return True
    return (i > 0 and units[i - 1].label == "body" and unit.words >= LEAD_MIN_WORDS
            and unit.label not in ("byline", "dateline", "title") and not load_lexicon().match(unit.text))
