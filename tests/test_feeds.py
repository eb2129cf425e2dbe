"""Feeds: subscriptions, polling RSS and Atom from a real server on 127.0.0.1, failures as data.

The feeds are served by ``LocalSite`` (tests/conftest.py) with ``allow_private=True``;
nothing leaves 127.0.0.1.
"""

from __future__ import annotations

import time

import pytest
from conftest import LocalSite, Route

from claimgraph.ingest.feeds import (
    FULL_TEXT_MIN_WORDS,
    MAX_ENTRY_ATTEMPTS,
    FeedEntry,
    FeedError,
    add_feed,
    entry_item,
    list_feeds,
    parse_feed,
    poll_feeds,
    remove_feed,
)
from claimgraph.ingest.fetch import Fetcher
from claimgraph.model import InputItem
from claimgraph.store.db import Store
from claimgraph.store.feeds import FeedStore

SENTENCES = [
    "The regional governor said on Tuesday that drones struck a fuel depot near the port overnight.",
    "Firefighters worked for several hours to put out the blaze, according to the emergency service.",
    "No one was hurt in the attack, the governor wrote on his official channel.",
    "The defence ministry said air defences shot down most of the drones over the sea.",
    "Local residents reported loud explosions shortly after midnight and a glow over the harbour.",
    "Port authorities said shipping traffic resumed in the morning after an inspection of the quays.",
]
FULL_ARTICLE = "".join(f"<p>{s} {s}</p>" for s in SENTENCES * 2)  # about 380 words
ARTICLE_PAGE = (b"<html><head><title>Depot fire put out</title></head><body><nav>Home | World</nav><article>"
                + "".join(f"<p>{s}</p>" for s in SENTENCES).encode() + b"</article></body></html>")


def rss(base: str) -> bytes:
    return f"""<?xml version="1.0" encoding="utf-8"?>
<rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/">
<channel><title>Harbour Wire</title><link>{base}/</link>
<item><title>Drones hit fuel depot</title><link>{base}/full</link><guid>wire-1</guid>
  <pubDate>Thu, 04 Jan 2024 10:00:00 GMT</pubDate>
  <description>Drones hit a depot.</description>
  <content:encoded><![CDATA[{FULL_ARTICLE}]]></content:encoded></item>
<item><title>Depot fire put out</title><link>{base}/article</link><guid>wire-2</guid>
  <pubDate>Fri, 05 Jan 2024 08:30:00 GMT</pubDate>
  <description>Crews put out the fire. Read more.</description></item>
</channel></rss>""".encode()


def atom(base: str) -> bytes:
    return f"""<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom"><title>Coast Monitor</title><id>urn:coast</id>
<updated>2024-01-06T12:00:00Z</updated>
<entry><title>Port reopens</title><id>urn:coast:1</id><link href="{base}/article2"/>
  <updated>2024-01-06T12:00:00Z</updated><summary>Shipping resumed.</summary></entry>
</feed>""".encode()


@pytest.fixture
def site():
    server = LocalSite()
    base = f"http://127.0.0.1:{server.port}"
    server.routes.update({
        "/rss.xml": Route(rss(base), content_type="application/rss+xml", etag='"rss-v1"'),
        "/atom.xml": Route(atom(base), content_type="application/atom+xml"),
        "/article": Route(ARTICLE_PAGE),
        "/article2": Route(ARTICLE_PAGE.replace(b"Depot fire put out", b"Port reopens")),
        "/slow.xml": Route(rss(base), content_type="application/rss+xml", delay=1.0),
        "/broken.xml": Route(b"<rss><channel><title>Half</ti", content_type="application/rss+xml"),
    })
    yield server
    server.close()


@pytest.fixture
def store(db_url):  # on SQLite, then on PostgreSQL (tests/conftest.py)
    with Store(db_url) as db:
        yield db


class Collector:
    """Stands in for the pipeline: keeps the items it is given."""

    def __init__(self) -> None:
        self.items: list[InputItem] = []
        self.calls = 0

    def __call__(self, items) -> int:
        self.calls += 1
        taken = list(items)
        self.items.extend(taken)
        return len(taken)


def fetcher(**options) -> Fetcher:
    return Fetcher(allow_private=True, timeout=options.pop("timeout", 2.0), retries=0, **options)


# -- subscriptions -------------------------------------------------------------------


def test_feeds_migration_creates_tables(store):
    assert store.schema_version() >= 3
    assert [store.query(f"SELECT COUNT(*) FROM {table}")[0][0] for table in ("feeds", "feed_entries")] == [0, 0]


def test_feeds_add_list_remove(store):
    add_feed(store, " https://example.org/rss.xml ")
    add_feed(store, "https://example.org/rss.xml")  # idempotent
    add_feed(store, "https://example.org/atom.xml")
    assert [f.url for f in list_feeds(store)] == ["https://example.org/rss.xml", "https://example.org/atom.xml"]
    assert list_feeds(store)[0].status is None
    with pytest.raises(FeedError, match="http:// or https://"):
        add_feed(store, "ftp://example.org/feed")
    assert remove_feed(store, "https://example.org/atom.xml") is True
    assert remove_feed(store, "https://example.org/atom.xml") is False
    assert [f.url for f in list_feeds(store)] == ["https://example.org/rss.xml"]


# -- parsing ---------------------------------------------------------------------------


def test_feeds_parse_rss_and_atom():
    parsed = parse_feed(rss("http://n.test"), "http://n.test/rss.xml")
    assert parsed.title == "Harbour Wire" and parsed.error is None
    first, second = parsed.entries
    assert (first.key, first.link, first.published) == ("http://n.test/wire-1", "http://n.test/full", "2024-01-04")
    assert first.holds_article() and not second.holds_article()
    feed = parse_feed(atom("http://n.test"), "http://n.test/atom.xml")
    assert (feed.title, feed.entries[0].key, feed.entries[0].published) == ("Coast Monitor", "urn:coast:1", "2024-01-06")


def test_feeds_parse_plain_text_content_is_escaped():
    feed = parse_feed(b'<feed xmlns="http://www.w3.org/2005/Atom"><title>T</title><entry><id>e1</id>'
                      b'<content type="text">Prices rose &lt;5%.\n\nTalks go on.</content></entry></feed>')
    assert feed.entries[0].html == "<p>Prices rose &lt;5%.</p><p>Talks go on.</p>"


def test_feeds_parse_never_opens_a_path_named_by_the_body(tmp_path):
    # feedparser opens a str/bytes argument as a file or URL; the body must be data only.
    local = tmp_path / "local.xml"
    local.write_bytes(rss("http://n.test"))
    parsed = parse_feed(str(local).encode())
    assert parsed.entries == [] and parsed.error.startswith("bad-feed")


def test_feeds_parse_bad_xml_is_a_reason():
    assert parse_feed(b"<rss><channel><title>Half</ti").error.startswith("bad-feed: not an RSS or Atom feed")
    assert parse_feed(b"").error.startswith("bad-feed")
    empty = parse_feed(b'<rss version="2.0"><channel><title>Quiet</title></channel></rss>')
    assert (empty.error, empty.title, empty.entries) == (None, "Quiet", [])


def test_feeds_entry_item_uses_entry_html_only_when_it_is_the_article():
    class NoFetch:
        def fetch(self, url, etag=None, last_modified=None):
            raise AssertionError("the entry holds the article: nothing to fetch")

    words = " ".join(["word"] * FULL_TEXT_MIN_WORDS)
    entry = FeedEntry(key="k", link="http://n.test/a", title="T <1>", published="2024-01-04", html=f"<p>{words}</p>")
    item = entry_item(entry, NoFetch(), outlet="Wire")
    assert (item.kind, item.url, item.outlet, item.published, item.title) == ("html", "http://n.test/a", "Wire", "2024-01-04", "T <1>")
    assert "<title>T &lt;1&gt;</title>" in item.text and words in item.text


# -- polling, end to end over 127.0.0.1 ---------------------------------------------------


def test_feeds_poll_rss_and_atom_end_to_end(site, store):
    add_feed(store, site.url("/rss.xml"))
    add_feed(store, site.url("/atom.xml"))
    collect = Collector()
    with fetcher() as http:
        report = poll_feeds(store, http, collect)
    assert [f.status for f in report.feeds] == ["ok", "ok"] and report.errors == {}
    by_url = {item.url: item for item in collect.items}
    full = by_url[site.url("/full")]
    assert full.kind == "html" and "drones struck a fuel depot" in full.text and full.data is None
    assert (full.title, full.published, full.outlet) == ("Drones hit fuel depot", "2024-01-04", "Harbour Wire")
    teaser = by_url[site.url("/article")]
    assert teaser.data == ARTICLE_PAGE and teaser.kind == "html"
    assert (teaser.title, teaser.published, teaser.outlet) == ("Depot fire put out", "2024-01-05", "Harbour Wire")
    assert by_url[site.url("/article2")].outlet == "Coast Monitor"
    assert "/full" not in site.paths_requested()  # the entry held the article
    assert report.summary() == "2 feeds: 2 ok, 0 not modified, 0 failed; 3 new entries (0 could not be fetched)"
    feeds = {f.url: f for f in list_feeds(store)}
    assert feeds[site.url("/rss.xml")].etag == '"rss-v1"' and feeds[site.url("/rss.xml")].entries_seen == 2
    assert feeds[site.url("/atom.xml")].title == "Coast Monitor" and feeds[site.url("/atom.xml")].last_polled


def test_feeds_conditional_get_and_seen_entries(site, store):
    add_feed(store, site.url("/rss.xml"))  # sends an ETag: the second poll gets 304
    add_feed(store, site.url("/atom.xml"))  # no validators: parsed again, entries already seen
    collect = Collector()
    with fetcher() as http:
        poll_feeds(store, http, collect)
        first = len(collect.items)
        site.requests.clear()
        report = poll_feeds(store, http, collect)
    assert first == 3 and len(collect.items) == 3  # nothing new the second time
    assert [f.status for f in report.feeds] == ["not-modified", "ok"]
    sent = dict(site.requests)
    assert sent["/rss.xml"]["if-none-match"] == '"rss-v1"'
    assert "if-none-match" not in sent["/atom.xml"]
    assert "/article2" not in sent  # a seen entry's page is not fetched again
    assert list_feeds(store)[0].status == "not-modified" and list_feeds(store)[0].etag == '"rss-v1"'


def test_feeds_failures_are_recorded_and_the_poll_goes_on(site, store):
    for path in ("/slow.xml", "/missing.xml", "/broken.xml", "/atom.xml"):
        add_feed(store, site.url(path))
    collect = Collector()
    started = time.monotonic()
    with fetcher(timeout=0.2) as http:
        report = poll_feeds(store, http, collect)
    assert time.monotonic() - started < 0.9
    errors = report.errors
    assert errors[site.url("/slow.xml")].startswith("timeout: reading from 127.0.0.1 took more than 0.2 s")
    assert errors[site.url("/missing.xml")] == "http-404: Not Found"
    assert errors[site.url("/broken.xml")].startswith("bad-feed: not an RSS or Atom feed")
    assert report.feeds[-1].status == "ok" and report.feeds[-1].new == 1  # the good feed after three bad ones
    stored = {f.url: f for f in list_feeds(store)}
    assert stored[site.url("/missing.xml")].status == "error"
    assert stored[site.url("/missing.xml")].error == "http-404: Not Found"
    # each failure also reaches the pipeline as a reject with its reason
    failures = {i.origin: i.error for i in collect.items if i.error}
    assert failures[site.url("/missing.xml")] == "feed-failed: http-404: Not Found"
    assert len(failures) == 3


def test_feeds_loopback_refused_without_allow_private(site, store):
    add_feed(store, site.url("/rss.xml"))
    collect = Collector()
    with Fetcher(timeout=2.0) as guarded:
        report = poll_feeds(store, guarded, collect)
    assert report.feeds[0].error.startswith("blocked: 127.0.0.1, a loopback address")
    assert "--allow-private" in list_feeds(store)[0].error
    assert site.requests == []


def test_feeds_entry_page_failures_are_retried_then_given_up(site, store):
    base = f"http://127.0.0.1:{site.port}"
    site.routes["/dead.xml"] = Route(atom(base).replace(b"/article2", b"/gone"), content_type="application/atom+xml")
    add_feed(store, site.url("/dead.xml"))
    collect = Collector()
    with fetcher() as http:
        for _ in range(MAX_ENTRY_ATTEMPTS + 1):
            report = poll_feeds(store, http, collect)
    assert [i.error for i in collect.items] == ["fetch-failed: http-404: Not Found"] * MAX_ENTRY_ATTEMPTS
    assert report.feeds[0].new == 0
    assert FeedStore(store).entry_states(site.url("/dead.xml")) == {"urn:coast:1": ("failed", MAX_ENTRY_ATTEMPTS)}


def test_feeds_poll_only_named_feeds(site, store):
    add_feed(store, site.url("/rss.xml"))
    add_feed(store, site.url("/atom.xml"))
    with fetcher() as http:
        report = poll_feeds(store, http, Collector(), urls=[site.url("/atom.xml")])
    assert [f.url for f in report.feeds] == [site.url("/atom.xml")]


def test_feeds_items_clean_into_documents(site, store):
    # The clean stage (no spaCy) is where feed items become documents: metadata rides
    # through, entry HTML and fetched pages both give the article text.
    from claimgraph.clean import clean_item
    from claimgraph.settings import Settings

    add_feed(store, site.url("/rss.xml"))
    collect = Collector()
    with fetcher() as http:
        poll_feeds(store, http, collect)
    documents = {item.url: clean_item(item, Settings()) for item in collect.items}
    full = documents[site.url("/full")]
    assert (full.outlet, full.published, full.title) == ("Harbour Wire", "2024-01-04", "Drones hit fuel depot")
    assert full.text.startswith("The regional governor said on Tuesday")
    page = documents[site.url("/article")]
    assert "Home | World" not in page.text and page.published == "2024-01-05"
    assert page.text.startswith("The regional governor said on Tuesday")
