"""The analyst's brief: what happened, what two or more independent sources confirm, what is
disputed and by whom, what is denied. Every statement names its sources and carries the ids
that ``claimgraph show`` opens.

``build_brief`` returns the brief as data (for the dashboard and the HTTP API);
``write_brief`` renders it as Markdown. Article text is attacker-controlled, so every piece of it
is escaped before it reaches the Markdown: ``<``, ``>`` and ``&`` become entities (every renderer
understands those; not every one honours ``\\<``), Markdown punctuation gets a backslash, newlines
and control characters go. No raw HTML is ever emitted.

    >>> from claimgraph.store import Store
    >>> with Store(":memory:") as store:
    ...     print(write_brief(store).splitlines()[0])
    # Brief
"""

from __future__ import annotations

import unicodedata
from typing import Any

from claimgraph.export.base import (
    ExportView,
    claim_summary,
    event_sort_key,
    event_summary,
    iso_date,
    one_line,
    outlet_name,
    shorten,
)
from claimgraph.model import Claim, Contradiction, Event

# "Confirmed" means at least this many independent sources (the wording: "two or more").
CONFIRMED_MIN_SOURCES = 2
# An evidence quote longer than this is cut: a claim is one sentence, so only a mis-split
# sentence (a list, a run-on caption) gets near it.
QUOTE_LIMIT = 400

# Markdown punctuation that can start emphasis, code, links, images, tables or strikethrough
# inside a line. Newlines are gone, so block syntax (headings, quotes, lists) cannot start; with
# the brackets escaped, parentheses and "!" cannot form a link or an image.
MD_BACKSLASHED = set("\\`*_[]|~")
MD_ENTITIES = {"&": "&amp;", "<": "&lt;", ">": "&gt;"}
# Bidirectional overrides and isolates: they can make a quote read differently from its bytes.
BIDI_CONTROLS = set("\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069")


def md(text: str | None) -> str:
    """Untrusted text as inert Markdown: one line, no HTML, no links, no formatting.

    >>> md("<script>x</script> [x](javascript:alert(1))")
    '&lt;script&gt;x&lt;/script&gt; \\\\[x\\\\](javascript:alert(1))'
    """
    out = []
    for ch in one_line(text):
        if ch in BIDI_CONTROLS or unicodedata.category(ch) == "Cc":
            continue
        if ch in MD_ENTITIES:
            out.append(MD_ENTITIES[ch])
        elif ch in MD_BACKSLASHED:
            out.append("\\" + ch)
        else:
            out.append(ch)
    return "".join(out)


# -- the brief as data -------------------------------------------------------------------------


class Scope:
    """Which events and claims a brief covers: on or after ``since``, mentioning ``entity_ids``."""

    def __init__(self, view: ExportView, since: str | None, entity_ids: set[str] | None):
        self.view, self.since, self.entity_ids = view, since, entity_ids

    def keeps_event(self, event: Event) -> bool:
        if self.since and (self.view.event_last_date(event) or "") < self.since:
            return False  # an undated event cannot be shown to fall after --since
        if self.entity_ids is None:
            return True
        mentioned = {i for ids in event.roles.values() for i in ids} | set(event.sources)
        for claim in self.view.event_claims(event):
            mentioned |= _claim_entities(claim)
        return bool(mentioned & self.entity_ids)

    def keeps_claim(self, claim: Claim) -> bool:
        if self.since and (self.view.claim_date(claim) or "") < self.since:
            return False
        return self.entity_ids is None or bool(_claim_entities(claim) & self.entity_ids)


def _claim_entities(claim: Claim) -> set[str]:
    ids = {i for role_ids in claim.roles.values() for i in role_ids} | set(claim.via)
    return ids | ({claim.source} if claim.source else set())


def matching_entities(store: Any, view: ExportView, needle: str) -> set[str]:
    """Entities whose name or alias contains ``needle``, plus the places that stand for them
    (a capital acting for its state: "Moscow denied" is Russia denying)."""
    ids = set(store.find_entity_ids(needle))
    ids |= {e.id for e in view.entities.values() if e.attrs.get("metonym_of") in ids}
    return ids


def build_brief(store: Any, since: Any = None, entity: str | None = None,
                min_confidence: float | None = None) -> dict[str, Any]:
    """The brief as plain data (raw, unescaped text: whoever renders it escapes it).

    :param store: a ``claimgraph.store.Store``.
    :param since: a date (``YYYY-MM-DD`` or ``datetime.date``): keep events and claims whose date
        (event time, else the article's publication date) is on or after it.
    :param entity: a name or alias substring (case-insensitive): keep what mentions a matching
        entity in any role, as source or as relay.
    :param min_confidence: claims less sure than this are left out (None: the calibrated default).
    :returns: ``{"scope", "counts", "happened", "confirmed", "disputed", "denied"}``.

    >>> from claimgraph.store import Store
    >>> with Store(":memory:") as store:
    ...     sorted(build_brief(store, since="2025-03-01"))
    ['confirmed', 'counts', 'denied', 'disputed', 'happened', 'scope']
    """
    since = iso_date(since, "since")
    view = ExportView.of(store, min_confidence)
    entity_ids = matching_entities(store, view, entity) if entity else None
    scope = Scope(view, since, entity_ids)
    events = sorted((e for e in view.events if scope.keeps_event(e)), key=lambda e: event_sort_key(view, e))
    happened = [event_item(view, e) for e in events]
    disputed = [dispute_item(view, k) for k in view.contradictions
                if any(scope.keeps_claim(view.claims[i]) for i in k.claim_ids if i in view.claims)]
    denied = [denial_item(view, c) for c in view.claims.values() if c.polarity == "denied" and scope.keeps_claim(c)]
    return {
        "scope": {"since": since, "entity": entity,
                  "entities": sorted(view.name(i) for i in entity_ids) if entity_ids is not None else None},
        "counts": {"documents": len(view.documents), "events": len(happened), "disputed": len(disputed),
                   "denied": len(denied)},
        "happened": happened,
        "confirmed": [item for item in happened if item["independent_sources"] >= CONFIRMED_MIN_SOURCES],
        "disputed": disputed,
        "denied": denied,
    }


def event_item(view: ExportView, event: Event) -> dict[str, Any]:
    outlets = [o for o in dict.fromkeys(view.outlet(d) for d in event.document_ids) if o]
    return {
        "event_id": event.id, "type": event.type, "date": event.time.start, "end_date": event.time.end,
        "first_reported": view.first_report(event),
        "summary": event_summary(view, event, with_time=False),
        "independent_sources": int(event.independent_sources), "sources": view.source_names(event.sources),
        "outlets": outlets, "documents": len(event.document_ids), "claim_ids": list(event.claim_ids),
    }


def claim_item(view: ExportView, claim: Claim) -> dict[str, Any]:
    """A claim as a brief cites it: who says it, the quote, the article it is in."""
    doc = view.documents.get(claim.document_id)
    return {
        "claim_id": claim.id, "source": view.source_name(claim), "polarity": claim.polarity,
        "modality": claim.modality, "summary": claim_summary(view, claim),
        "quote": shorten(claim.text, QUOTE_LIMIT), "document_id": claim.document_id,
        "outlet": outlet_name(doc), "title": one_line(doc.title) if doc and doc.title else None,
        "published": doc.published if doc else None,
    }


def dispute_item(view: ExportView, k: Contradiction) -> dict[str, Any]:
    sides = [claim_item(view, view.claims[i]) for i in k.claim_ids if i in view.claims]
    return {"contradiction_id": k.id, "kind": k.kind, "about": k.about, "reason": k.reason, "sides": sides}


def denial_item(view: ExportView, claim: Claim) -> dict[str, Any]:
    """Who denies what, and the assertions the denial stands against."""
    against = [
        claim_item(view, view.claims[i])
        for k in view.contradictions_of([claim.id]) if k.kind == "polarity"
        for i in k.claim_ids if i != claim.id and i in view.claims
    ]
    return {**claim_item(view, claim), "against": list({a["claim_id"]: a for a in against}.values())}


# -- the brief as Markdown ----------------------------------------------------------------------


def write_brief(store: Any, since: Any = None, entity: str | None = None,
                min_confidence: float | None = None) -> str:
    """A Markdown brief an analyst could send; every statement cites its sources and ids.

    :param store: a ``claimgraph.store.Store``.
    :param since: keep what happened (or was said) on or after this date, ``YYYY-MM-DD``.
    :param entity: keep what mentions an entity whose name or alias contains this text.
    :returns: Markdown text (CommonMark; article text escaped, no HTML).

    Usage::

        with claimgraph.open("news.db") as cg:
            print(write_brief(cg.store, since="2025-03-01", entity="KN-23"))
    """
    return render_markdown(build_brief(store, since=since, entity=entity, min_confidence=min_confidence))


def render_markdown(brief: dict[str, Any]) -> str:
    """The data of ``build_brief`` as Markdown, escaping every piece of article text."""
    lines = ["# Brief", ""] + _scope_lines(brief) + [""]
    lines += _section("What happened", [_event_line(i) for i in brief["happened"]])
    lines += _section(f"Confirmed by {CONFIRMED_MIN_SOURCES} or more independent sources",
                      [_event_line(i) for i in brief["confirmed"]])
    lines += _section("Disputed", [_dispute_lines(i) for i in brief["disputed"]])
    lines += _section("Denied", [_denial_lines(i) for i in brief["denied"]])
    return "\n".join(lines).rstrip() + "\n"


def _scope_lines(brief: dict[str, Any]) -> list[str]:
    scope, counts = brief["scope"], brief["counts"]
    parts = []
    if scope["since"]:
        parts.append(f"since {scope['since']}")
    if scope["entity"] is not None:
        matched = ", ".join(md(n) for n in scope["entities"]) or "no entity matches"
        parts.append(f"mentioning “{md(scope['entity'])}” ({matched})")
    lines = [f"Scope: {'; '.join(parts)}." if parts else "Scope: everything in the database."]
    lines.append(
        f"From {counts['documents']} articles: {counts['events']} events, {counts['disputed']} disputes, "
        f"{counts['denied']} denials. Sources are named after each statement; the ids in brackets "
        "open with `claimgraph show ID`."
    )
    return lines


def _section(title: str, items: list[str]) -> list[str]:
    return [f"## {title}", ""] + (items or ["_None._"]) + [""]


def _when(item: dict[str, Any]) -> str:
    start, end = item["date"], item["end_date"]
    if start and end and start != end:
        return f"{start} – {end}"
    if start or end:
        return start or end
    return f"date unknown, reported {item['first_reported']}" if item["first_reported"] else "date unknown"


def _event_line(item: dict[str, Any]) -> str:
    n = item["independent_sources"]
    sources = ", ".join(md(s) for s in item["sources"]) or "none recorded"
    outlets = ", ".join(md(o) for o in item["outlets"])
    reported = f"{item['documents']} article{'s' if item['documents'] != 1 else ''}"
    return (
        f"- **{_when(item)}** · {md(item['summary'])}. "
        f"{n} independent source{'s' if n != 1 else ''}: {sources}. "
        f"Reported in {reported}{': ' + outlets if outlets else ''}. "
        f"[{item['event_id']}; claims {', '.join(item['claim_ids'])}]"
    )


def _citation(side: dict[str, Any]) -> str:
    where = [md(side["outlet"]) if side["outlet"] else "outlet not named"]
    if side["title"]:
        where.append(f"“{md(side['title'])}”")
    where.append(side["published"] or "date unknown")
    return f"“{md(side['quote'])}” ({', '.join(where)}) [{side['claim_id']}]"


def _dispute_lines(item: dict[str, Any]) -> str:
    reason = f": {md(item['reason'])}" if item["reason"] else ""
    lines = [f"- **{md(item['about'])}** ({item['kind']}){reason} [{item['contradiction_id']}]"]
    for side in item["sides"]:
        stance = "denies" if side["polarity"] == "denied" else f"says ({side['modality']})"
        lines.append(f"  - **{md(side['source'])}** {stance}: {_citation(side)}")
    return "\n".join(lines)


def _denial_lines(item: dict[str, Any]) -> str:
    lines = [f"- **{md(item['source'])}** denies: {md(item['summary'])}. {_citation(item)}"]
    if item["against"]:
        asserted = "; ".join(f"{md(a['source'])} [{a['claim_id']}]" for a in item["against"])
        lines.append(f"  - against: {asserted}")
    return "\n".join(lines)
