"""SQL for the feeds a database polls (tables from migration 3, ``feeds`` and ``feed_entries``).

``Store`` (store/db.py) owns the connection; ``FeedStore`` wraps it and uses its
transaction and query helpers, so feed writes take the same lock and the same
one-transaction-per-write discipline as the rest of the store.

    >>> from claimgraph.store.db import Store
    >>> with Store(":memory:") as store:
    ...     feeds = FeedStore(store)
    ...     feeds.add("https://example.org/rss.xml").status is None
    True
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import datetime, timezone

from claimgraph.errors import StoreError
from claimgraph.store.postgres import DATABASE_ERRORS, Connection
from claimgraph.store.db import Store, utc_now

FEED_COLUMNS = "f.url, f.title, f.etag, f.last_modified, f.status, f.error, f.last_polled, f.added_at"
ENTRY_STATUSES = ("done", "failed")


@dataclass(slots=True)
class Feed:
    """One subscribed feed and the outcome of its last poll."""

    url: str
    title: str | None = None
    etag: str | None = None
    last_modified: str | None = None
    status: str | None = None  # None (never polled), "ok", "not-modified", "error"
    error: str | None = None  # the readable reason when status is "error"
    last_polled: str | None = None  # ISO 8601, UTC
    added_at: str | None = None
    entries_seen: int = 0


@dataclass(slots=True)
class EntryRecord:
    """What became of one feed entry (written after the pipeline took its item)."""

    key: str
    link: str | None
    status: str  # "done" or "failed"
    error: str | None = None


class FeedStore:
    """Feed subscriptions and seen entries in a claimgraph ``Store``.

    :param store: an open ``Store`` (its migrations include the feeds tables).
    """

    def __init__(self, store: Store):
        self.store = store

    def add(self, url: str) -> Feed:
        """Subscribe to ``url`` (a no-op if already there); returns the feed."""
        with self._writing("add a feed to") as conn:
            conn.execute(
                "INSERT INTO feeds (url, added_at) VALUES (?, ?) ON CONFLICT (url) DO NOTHING",
                # Microseconds: feeds added in the same second still list in the order added.
                (url, datetime.now(timezone.utc).isoformat(timespec="microseconds")),
            )
        found = self.get(url)
        assert found is not None
        return found

    def remove(self, url: str) -> bool:
        """Unsubscribe (its seen entries go too); True if it was there."""
        with self._writing("remove a feed from") as conn:
            conn.execute("DELETE FROM feed_entries WHERE feed_url = ?", (url,))
            return conn.execute("DELETE FROM feeds WHERE url = ?", (url,)).rowcount > 0

    def get(self, url: str) -> Feed | None:
        rows = self.store.query(f"{_SELECT_FEEDS} WHERE f.url = ? GROUP BY f.url", (url,))
        return _feed(rows[0]) if rows else None

    def all(self) -> list[Feed]:
        """Every feed, in the order they were added (then by URL)."""
        return [_feed(r) for r in self.store.query(f"{_SELECT_FEEDS} GROUP BY f.url ORDER BY f.added_at, f.url")]

    def entry_states(self, url: str) -> dict[str, tuple[str, int]]:
        """{entry key: (status, attempts)} for the entries of feed ``url`` handled before."""
        rows = self.store.query(
            "SELECT entry_key, status, attempts FROM feed_entries WHERE feed_url = ?", (url,)
        )
        return {key: (status, attempts) for key, status, attempts in rows}

    def record_poll(self, url: str, *, status: str, error: str | None = None, title: str | None = None,
                    etag: str | None = None, last_modified: str | None = None,
                    entries: Sequence[EntryRecord] = ()) -> None:
        """Record one poll of ``url`` and its entries in one transaction.

        The validators are replaced only when the poll fetched the feed (status "ok"):
        a failed poll must not forget them, a 304 keeps them by definition.
        """
        now = utc_now()
        with self._writing("record a feed poll in") as conn:
            conn.execute(
                "UPDATE feeds SET status = ?, error = ?, last_polled = ?, title = COALESCE(?, title),"
                " etag = CASE WHEN ? = 'ok' THEN ? ELSE etag END,"
                " last_modified = CASE WHEN ? = 'ok' THEN ? ELSE last_modified END"
                " WHERE url = ?",
                (status, error, now, title, status, etag, status, last_modified, url),
            )
            conn.executemany(
                "INSERT INTO feed_entries (feed_url, entry_key, link, status, attempts, error, seen_at)"
                " VALUES (?, ?, ?, ?, 1, ?, ?)"
                " ON CONFLICT (feed_url, entry_key) DO UPDATE SET status = excluded.status,"
                " attempts = feed_entries.attempts + 1, error = excluded.error, seen_at = excluded.seen_at",
                [(url, e.key, e.link, e.status, e.error, now) for e in entries],
            )

    @contextmanager
    def _writing(self, what: str) -> Iterator[Connection]:
        """The store's write transaction; sqlite errors become ``StoreError`` as in ``Store``."""
        try:
            with self.store.transaction() as conn:
                yield conn
        except DATABASE_ERRORS as exc:
            raise StoreError(f"cannot {what} {self.store.label!r}: {exc}") from exc


_SELECT_FEEDS = (
    f"SELECT {FEED_COLUMNS}, COUNT(e.entry_key) FROM feeds f"
    " LEFT JOIN feed_entries e ON e.feed_url = f.url AND e.status = 'done'"
)


def _feed(row: tuple) -> Feed:
    return Feed(*row[:8], entries_seen=int(row[8] or 0))
