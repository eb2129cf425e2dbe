"""CSV export: one row per event, in the spirit of ACLED's columns.

Names where people read them (actors, places, sources), ids where tools join (event, claim and
document ids). Multi-valued cells are joined with ``"; "``. Article text is untrusted and
analysts open CSV files in spreadsheets, so every text cell that a spreadsheet would read as a
formula (it starts with ``= + - @``, a tab or a carriage return) gets a leading apostrophe
(OWASP, "CSV Injection").

    >>> from claimgraph.store import Store
    >>> with Store(":memory:") as store:
    ...     export_csv(store).splitlines()[0].split(",")[:4]
    ['event_id', 'event_date', 'end_date', 'event_type']
"""

from __future__ import annotations

import csv
import io
from typing import Any

from claimgraph.export.base import Exporter, ExportView, event_sort_key, one_line, shorten
from claimgraph.model import Event

COLUMNS = (
    "event_id", "event_date", "end_date", "event_type", "label",
    "actor1", "actor2", "target", "recipient", "instrument", "subject",
    "location", "country", "latitude", "longitude",
    "quantities", "sources", "independent_sources", "outlets",
    "claim_ids", "document_ids", "contradiction_ids", "notes",
)
JOIN = "; "
# Characters that make a spreadsheet evaluate a cell (OWASP CSV injection guidance).
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")
# Long enough for one evidence sentence; ACLED's notes are a sentence or two.
NOTES_LIMIT = 300


def defuse(cell: str) -> str:
    """A text cell a spreadsheet will show, never evaluate.

    >>> defuse("=HYPERLINK(\\"http://x\\")"), defuse("-5 km"), defuse("Kyiv")
    ('\\'=HYPERLINK("http://x")', "'-5 km", 'Kyiv')
    """
    return "'" + cell if cell.startswith(FORMULA_STARTS) else cell


def join(values: list[str]) -> str:
    # Each value is defused too: a user who splits the cell on ";" gets safe cells.
    return JOIN.join(defuse(one_line(v)) for v in values if v)


def export_csv(store: Any) -> str:
    """Every event as one CSV row (header first), chronological, undated events last.

    :param store: a ``claimgraph.store.Store``.
    :returns: the CSV text (RFC 4180: comma-separated, CRLF line ends, quoted where needed).

    >>> from claimgraph.store import Store
    >>> with Store(":memory:") as store:
    ...     len(export_csv(store).splitlines())  # the header alone
    1
    """
    view = ExportView.of(store)
    out = io.StringIO()
    writer = csv.DictWriter(out, fieldnames=COLUMNS)
    writer.writeheader()
    for event in sorted(view.events, key=lambda e: event_sort_key(view, e)):
        writer.writerow(event_row(view, event))
    return out.getvalue()


def event_row(view: ExportView, event: Event) -> dict[str, Any]:
    """One event as a CSV row: every text cell defused, numbers left as numbers."""
    roles = event.roles
    actors = view.names(roles.get("actor") or [])
    places = view.places(event)
    first_place = places[0] if places else None
    claims = view.event_claims(event)
    row: dict[str, Any] = {
        "event_id": event.id,
        "event_date": event.time.start or "",
        "end_date": event.time.end or "",
        "event_type": event.type,
        "label": event.label or "",
        "actor1": actors[0] if actors else "",
        "actor2": actors[1:],
        "target": view.names(roles.get("target") or []),
        "recipient": view.names(roles.get("recipient") or []),
        "instrument": view.names(roles.get("instrument") or []),
        "subject": view.names(roles.get("subject") or []),
        "location": view.names(roles.get("location") or []),
        "country": (first_place.country or "") if first_place else "",
        "latitude": first_place.lat if first_place else "",
        "longitude": first_place.lon if first_place else "",
        "quantities": view.event_quantities(event),
        "sources": view.source_names(event.sources),
        "independent_sources": int(event.independent_sources),
        "outlets": list(dict.fromkeys(o for o in (view.outlet(d) for d in event.document_ids) if o)),
        "claim_ids": list(event.claim_ids),
        "document_ids": list(event.document_ids),
        "contradiction_ids": [k.id for k in view.contradictions_of(event.claim_ids)],
        "notes": shorten(claims[0].text, NOTES_LIMIT) if claims else "",
    }
    return {key: _cell(value) for key, value in row.items()}


def _cell(value: Any) -> Any:
    if isinstance(value, list):
        return defuse(join(value))
    if isinstance(value, str):
        return defuse(one_line(value))
    return value  # numbers: a negative latitude is data, not a formula


class CsvExporter(Exporter):
    format = "csv"
    media_type = "text/csv; charset=utf-8"
    extension = "csv"
    description = "one row per event (ACLED-like columns), spreadsheet-safe"

    def export(self, store: Any, **_options: Any) -> str:
        return export_csv(store)
