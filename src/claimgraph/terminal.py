"""Text for a terminal: untrusted text made inert, cut to fit, and listings that read at 80 columns.

A listing is rows of cells whose first cell is an id. On a wide terminal it is a rich table;
below ``WIDE`` columns each row is one line (``compact_lines``). Either way an id is never
wrapped or cut (it must stay copyable into ``claimgraph show``) and long text is cut at a word
boundary with an ellipsis.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from typing import Any

from rich.console import Console
from rich.markup import escape
from rich.table import Table

# Below this many columns a table of eight columns wraps every cell: one line per row instead.
WIDE = 120
ELLIPSIS = "…"

# Characters that steer a terminal (ESC, CSI, BEL, backspace, carriage return, DEL, the C1
# range, bidi overrides): article text is untrusted and must print as what it is.
CONTROL_RE = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]")


def printable(text: str) -> str:
    r"""``text`` with every terminal control character shown as an escape.

    >>> printable("ok\x1b[2J\tthen\rgone")
    'ok\\x1b[2J\tthen\\x0dgone'
    """
    return CONTROL_RE.sub(lambda m: f"\\x{ord(m.group()):02x}" if ord(m.group()) < 256
                          else f"\\u{ord(m.group()):04x}", text)


def shown(value: Any) -> str:
    """A value for a rich table or line: control characters escaped, then rich markup."""
    return escape(printable("" if value is None else str(value)))


def one_line(text: str) -> str:
    """``text`` with every run of whitespace (newlines too) as one space."""
    return " ".join(text.split())


def cut(text: str, width: int) -> str:
    """``text`` in at most ``width`` characters: cut at the last word boundary that fits,
    with an ellipsis (mid-word only when one word is longer than the room).

    >>> cut("Missiles struck the depot overnight", 22)
    'Missiles struck the…'
    >>> cut("short", 10), cut("Unbreakableword", 8)
    ('short', 'Unbreak…')
    """
    if len(text) <= width:
        return text
    if width <= 1:
        return ELLIPSIS[:width]
    room = text[: width - 1]
    head = room.rsplit(" ", 1)[0] if " " in room.strip() else room
    return head.rstrip(" ,;:.-–—") + ELLIPSIS


def console(stderr: bool = False) -> Console:
    """A console sized now: the width is the terminal's, or $COLUMNS, else 80."""
    return Console(stderr=stderr, highlight=False)


def compact_lines(rows: Sequence[Sequence[str]], width: int, *, gap: str = "  ") -> list[str]:
    """Each row as one line of at most ``width`` characters: every cell but the last padded
    to its column's widest value (the first, the id, is never cut), the last cell cut to the
    room that is left.

    >>> for line in compact_lines([["ev-1", "ATTACK", "Missiles struck the depot"],
    ...                            ["ev-22", "MEET", "Talks"]], 34):
    ...     print(line)
    ev-1   ATTACK  Missiles struck…
    ev-22  MEET    Talks
    """
    if not rows:
        return []
    columns = len(rows[0]) - 1
    widths = [max(len(row[i]) for row in rows) for i in range(columns)]
    lines = []
    for row in rows:
        head = gap.join(cell.ljust(w) for cell, w in zip(row[:columns], widths))
        room = max(width - len(head) - len(gap), 12)
        lines.append(f"{head}{gap}{cut(row[-1], room)}".rstrip())
    return lines


def listing(out: Console, title: str, columns: Sequence[str], rows: Sequence[Sequence[str]],
            *, wrap: Sequence[str] = (), compact: Sequence[Sequence[str]] | None = None) -> None:
    """Print ``rows`` (plain text; the first cell usually an id) under ``title``: a table on a wide
    terminal, one line per row on a narrow one (``compact``: fewer, shorter cells for those
    lines; ``rows`` by default). ``wrap``: columns a table may fold."""
    if out.width < WIDE:
        out.print(escape(title), soft_wrap=True)
        for line in compact_lines([[printable(c) for c in row] for row in (compact or rows)], out.width):
            out.print(escape(line), soft_wrap=True, overflow="ignore", crop=False)
        return
    table = Table(title=escape(title))
    for name in columns:
        folds = name in wrap
        whole = name == "id"  # an id is never cut: it must stay copyable into 'claimgraph show'
        table.add_column(name, no_wrap=not folds, overflow="fold" if folds else "ellipsis",
                         min_width=max((len(r[0]) for r in rows), default=2) if whole else None)
    for row in rows:
        table.add_row(*(shown(c) for c in row))
    out.print(table)
