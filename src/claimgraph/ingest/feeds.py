"""RSS and Atom feeds: subscribe, poll with conditional GET, turn new entries into input items.

A poll, per feed:

1. fetch the feed with the stored ETag / Last-Modified (a 304 ends the feed's poll);
2. parse the fetched bytes with feedparser (feedparser never fetches anything
   itself: it gets a byte stream, not a URL or a path);
3. for each entry not handled before: an ``InputItem`` from the entry's own HTML
   when it holds the article (``FULL_TEXT_MIN_WORDS``), else from the entry link's
   page, fetched through the same guarded ``Fetcher``; the entry's title,
   publication day and the feed's title (as outlet) ride along;
4. hand the items to the pipeline, THEN record the new validators and the handled
   entries in one transaction: a crash in between re-polls the feed next time
   instead of losing its entries (the pipeline skips what it already stored).

A feed that fails (timeout, HTTP error, blocked address, not a feed) records its
readable reason on the feed and as a reject, and the poll goes on with the next
feed. An entry whose page cannot be fetched is retried at the next polls, up to
``MAX_ENTRY_ATTEMPTS`` times in all.

    >>> from claimgraph.store.db import Store
    >>> with Store(":memory:") as store:
    ...     _ = add_feed(store, "https://example.org/rss.xml")
    ...     [feed.url for feed in list_feeds(store)]
    ['https://example.org/rss.xml']
"""

from __future__ import annotations

import html
import io
import re
import time
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from typing import Any

import feedparser

from claimgraph.errors import ClaimgraphError
from claimgraph.ingest.fetch import Fetcher, FetchResult, item_from_result
from claimgraph.model import InputItem, content_hash
from claimgraph.store.db import Store
from claimgraph.store.feeds import EntryRecord, Feed, FeedStore

__all__ = [
    "Feed", "FeedEntry", "FeedError", "FeedOutcome", "ParsedFeed", "PollReport",
    "add_feed", "entry_item", "list_feeds", "parse_feed", "poll_feeds", "remove_feed",
]

# An entry whose HTML holds at least this many words is taken as the article itself;
# shorter is a teaser and the linked page is fetched instead. Teasers in news feeds
# run one to three sentences (about 15-70 words); full-content feeds
# (content:encoded, Atom content) carry whole articles of 300 words and more; 150
# leaves a wide margin on both sides. A judgement from those ranges, not a fit.
FULL_TEXT_MIN_WORDS = 150
# An entry whose page could not be fetched is tried at this many polls in all:
# enough to ride out a server's bad hour, not so many that a dead link is fetched forever.
MAX_ENTRY_ATTEMPTS = 3
TAG_RE = re.compile(r"<[^>]*>")

IngestCallable = Callable[[Iterable[InputItem]], Any]


class FeedError(ClaimgraphError):
    """A feed URL that cannot be subscribed to (not http/https)."""

    exit_code = 2
    http_status = 422


@dataclass(slots=True)
class FeedEntry:
    """One entry of a parsed feed, with what an ``InputItem`` needs."""

    key: str  # the entry's id, else its link, else a hash of its title and text
    link: str | None = None
    title: str | None = None
    published: str | None = None  # YYYY-MM-DD
    html: str | None = None  # the entry's richest HTML (content, else summary)

    def holds_article(self, min_words: int = FULL_TEXT_MIN_WORDS) -> bool:
        """True if the entry's own HTML is the article, not a teaser."""
        return self.html is not None and word_count(self.html) >= min_words


@dataclass(slots=True)
class ParsedFeed:
    title: str | None = None
    entries: list[FeedEntry] = field(default_factory=list)
    error: str | None = None  # "bad-feed: ..." when nothing usable came out


@dataclass(slots=True)
class FeedOutcome:
    """What one feed's poll did."""

    url: str
    status: str  # "ok", "not-modified" or "error"
    error: str | None = None
    title: str | None = None
    entries: int = 0  # entries in the feed
    new: int = 0  # entries handed to the pipeline this poll
    failed: int = 0  # of those, entries whose page could not be fetched


@dataclass(slots=True)
class PollReport:
    feeds: list[FeedOutcome] = field(default_factory=list)
    ingest_reports: list[Any] = field(default_factory=list)  # what pipeline_ingest returned, per feed

    @property
    def errors(self) -> dict[str, str]:
        """{feed URL: reason} for the feeds that failed."""
        return {f.url: f.error or "" for f in self.feeds if f.status == "error"}

    def summary(self) -> str:
        counts = {s: sum(1 for f in self.feeds if f.status == s) for s in ("ok", "not-modified", "error")}
        new = sum(f.new for f in self.feeds)
        failed = sum(f.failed for f in self.feeds)
        return (f"{len(self.feeds)} feeds: {counts['ok']} ok, {counts['not-modified']} not modified, "
                f"{counts['error']} failed; {new} new entries ({failed} could not be fetched)")


# -- subscriptions -----------------------------------------------------------------


def add_feed(store: Store, url: str) -> Feed:
    """Subscribe ``store`` to the feed at ``url`` (idempotent); raises ``FeedError`` for a non-HTTP URL.

    >>> from claimgraph.store.db import Store
    >>> add_feed(Store(":memory:"), "file:///etc/passwd")
    Traceback (most recent call last):
    claimgraph.ingest.feeds.FeedError: not a feed URL: 'file:///etc/passwd'; give an http:// or https:// address
    """
    url = url.strip()
    if not re.match(r"https?://[^/\s]+", url, re.I):
        raise FeedError(f"not a feed URL: {url!r}; give an http:// or https:// address")
    return FeedStore(store).add(url)


def list_feeds(store: Store) -> list[Feed]:
    """Every subscribed feed with its last poll's status, error and time."""
    return FeedStore(store).all()


def remove_feed(store: Store, url: str) -> bool:
    """Unsubscribe; True if the feed was there."""
    return FeedStore(store).remove(url.strip())


# -- polling -----------------------------------------------------------------------


def poll_feeds(store: Store, fetcher: Fetcher, pipeline_ingest: IngestCallable, *,
               urls: Sequence[str] | None = None) -> PollReport:
    """Poll every subscribed feed (or those in ``urls``); new entries go to ``pipeline_ingest``.

    :param store: the database holding the subscriptions (``add_feed``).
    :param fetcher: fetches feeds and entry pages (its ``allow_private`` applies to both).
    :param pipeline_ingest: called once per feed with that feed's items (an iterable,
        consumed lazily), e.g. ``claimgraph.open(db).ingest_items``.
    :param urls: poll only these subscribed feeds.

    Usage::

        with claimgraph.open("news.db") as cg, Fetcher() as fetcher:
            report = poll_feeds(cg.store, fetcher, cg.ingest_items)
            print(report.summary())
    """
    feeds = FeedStore(store)
    wanted = set(urls) if urls is not None else None
    report = PollReport()
    for feed in feeds.all():
        if wanted is None or feed.url in wanted:
            report.feeds.append(_poll_feed(feeds, feed, fetcher, pipeline_ingest, report))
    return report


def _poll_feed(feeds: FeedStore, feed: Feed, fetcher: Fetcher, pipeline_ingest: IngestCallable,
               report: PollReport) -> FeedOutcome:
    result = fetcher.fetch(feed.url, etag=feed.etag, last_modified=feed.last_modified)
    if result.not_modified:
        feeds.record_poll(feed.url, status="not-modified")
        return FeedOutcome(feed.url, "not-modified", title=feed.title)
    parsed = parse_feed(result.content or b"", result.final_url, result.content_type) if result.ok else None
    error = result.error or (parsed.error if parsed else None)
    if error is not None or parsed is None:
        return _record_failure(feeds, feed, error or "unknown", pipeline_ingest, report)
    return _ingest_entries(feeds, feed, result, parsed, fetcher, pipeline_ingest, report)


def _record_failure(feeds: FeedStore, feed: Feed, error: str, pipeline_ingest: IngestCallable,
                    report: PollReport) -> FeedOutcome:
    feeds.record_poll(feed.url, status="error", error=error)
    # Also a reject, so `claimgraph rejects` lists the feed with its reason.
    failure = InputItem(origin=feed.url, url=feed.url, error=f"feed-failed: {error}")
    report.ingest_reports.append(pipeline_ingest([failure]))
    return FeedOutcome(feed.url, "error", error=error, title=feed.title)


def _ingest_entries(feeds: FeedStore, feed: Feed, result: FetchResult, parsed: ParsedFeed,
                    fetcher: Fetcher, pipeline_ingest: IngestCallable, report: PollReport) -> FeedOutcome:
    states = feeds.entry_states(feed.url)
    todo = [e for e in parsed.entries if _wanted(states.get(e.key))]
    records: list[EntryRecord] = []
    outlet = parsed.title or feed.title

    def items() -> Iterator[InputItem]:
        for entry in todo:
            item = entry_item(entry, fetcher, outlet=outlet, feed_url=feed.url)
            # Only a page that could not be fetched is worth another try; an entry
            # with no text would be just as empty next time.
            failed = (item.error or "").startswith("fetch-failed")
            records.append(EntryRecord(entry.key, entry.link, "failed" if failed else "done", item.error))
            yield item

    if todo:
        report.ingest_reports.append(pipeline_ingest(items()))
    feeds.record_poll(feed.url, status="ok", title=parsed.title, etag=result.etag,
                      last_modified=result.last_modified, entries=records)
    return FeedOutcome(feed.url, "ok", title=outlet, entries=len(parsed.entries), new=len(records),
                       failed=sum(1 for r in records if r.status == "failed"))


def _wanted(state: tuple[str, int] | None) -> bool:
    if state is None:
        return True
    status, attempts = state
    return status == "failed" and attempts < MAX_ENTRY_ATTEMPTS


# -- parsing -----------------------------------------------------------------------


def parse_feed(body: bytes, url: str | None = None, content_type: str | None = None) -> ParsedFeed:
    """The title and entries of an RSS or Atom document, or an ``error`` ("bad-feed: ...").

    :param body: the fetched bytes (never a URL or path: feedparser would open those).
    :param url: where it came from, to resolve relative links.
    :param content_type: the response's media type, for feedparser's encoding rules.

    >>> feed = parse_feed(b'<rss version="2.0"><channel><title>Wire</title><item>'
    ...                   b'<title>Strike</title><link>https://x.test/a</link>'
    ...                   b'<pubDate>Thu, 04 Jan 2024 10:00:00 GMT</pubDate></item></channel></rss>')
    >>> feed.title, feed.entries[0].link, feed.entries[0].published
    ('Wire', 'https://x.test/a', '2024-01-04')
    >>> parse_feed(b"<html><body>No feed here</body></html>").error
    'bad-feed: not an RSS or Atom feed'
    """
    headers = {"content-location": url or "", "content-type": content_type or "application/xml"}
    try:
        # A stream, so feedparser reads it; a bytes or str argument it may open as a file or URL.
        parsed = feedparser.parse(io.BytesIO(body), response_headers=headers)
    except Exception as exc:  # feedparser is lenient, but a parser crash must not end the poll
        return ParsedFeed(error=f"bad-feed: {type(exc).__name__}: {exc}")
    entries = [_entry(e) for e in parsed.entries]
    problem = _breakage(parsed)
    if not entries and (problem is not None or not parsed.get("version")):
        detail = f" ({_first_line(problem)})" if problem is not None else ""
        return ParsedFeed(error=f"bad-feed: not an RSS or Atom feed{detail}")
    return ParsedFeed(title=_text(parsed.feed.get("title")), entries=entries)


def _breakage(parsed: Any) -> BaseException | None:
    """The parse error that broke the document, ignoring feedparser's harmless notes."""
    problem = parsed.get("bozo_exception") if parsed.get("bozo") else None
    # A wrong declared encoding or an odd Content-Type is worked around by feedparser.
    if isinstance(problem, (feedparser.CharacterEncodingOverride, feedparser.NonXMLContentType)):
        return None
    return problem


def _entry(entry: Any) -> FeedEntry:
    link = _text(entry.get("link"))
    title = _text(entry.get("title"))
    body = _richest_html(entry)
    key = _text(entry.get("id")) or link or content_hash(f"{title or ''}\n{body or ''}")
    return FeedEntry(key=key, link=link, title=title, published=_day(entry), html=body)


def _richest_html(entry: Any) -> str | None:
    """The entry's longest block (its content blocks, then its summary) as HTML."""
    blocks = [(c.get("type"), c.get("value")) for c in entry.get("content", [])]
    blocks.append(((entry.get("summary_detail") or {}).get("type"), entry.get("summary")))
    pages = [_as_html(kind, value) for kind, value in blocks if isinstance(value, str) and value.strip()]
    return max(pages, key=word_count) if pages else None  # on a tie, content beats summary


def _as_html(media_type: str | None, value: str) -> str:
    if media_type != "text/plain":
        return value  # HTML, already sanitised by feedparser
    paragraphs = (p.strip() for p in re.split(r"\n\s*\n", value))
    return "".join(f"<p>{html.escape(p)}</p>" for p in paragraphs if p)


def _day(entry: Any) -> str | None:
    for name in ("published_parsed", "updated_parsed"):
        parsed = entry.get(name)
        if parsed and 1900 < parsed.tm_year < 2200:
            return time.strftime("%Y-%m-%d", parsed)
    return None


def _text(value: Any) -> str | None:
    if not isinstance(value, str):
        return None
    value = " ".join(html.unescape(value).split())
    return value or None


def _first_line(exc: BaseException) -> str:
    return (str(exc).strip().splitlines() or [type(exc).__name__])[0]


def word_count(markup: str) -> int:
    """Words in an HTML fragment, tags dropped.

    >>> word_count("<p>Three <b>small</b> words.</p>")
    3
    """
    return len(TAG_RE.sub(" ", markup).split())


# -- entries as items --------------------------------------------------------------


def entry_item(entry: FeedEntry, fetcher: Fetcher, *, outlet: str | None = None,
               feed_url: str | None = None) -> InputItem:
    """The ``InputItem`` for one feed entry: its own HTML if it is the article, else its page.

    An entry with neither a link nor enough HTML gives what it has (the clean stage
    rejects it as empty if it is too short).
    """
    meta = {"outlet": outlet, "published": entry.published, "title": entry.title}
    if entry.link and not entry.holds_article():
        return item_from_result(fetcher.fetch(entry.link), **meta)
    origin = entry.link or f"{feed_url or 'feed'}#{entry.key}"
    if entry.html is None:
        return InputItem(origin=origin, url=entry.link, error="empty: the feed entry has no text and no link",
                         **meta)
    return InputItem(origin=origin, url=entry.link, text=_as_page(entry), kind="html", **meta)


def _as_page(entry: FeedEntry) -> str:
    # A whole page around the fragment: trafilatura finds the title and the main text
    # of a fragment as well, but only a page carries the title it can report.
    title = html.escape(entry.title or "")
    return f"<html><head><title>{title}</title></head><body><article>{entry.html}</article></body></html>"
