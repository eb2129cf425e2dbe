"""The URL fetcher: address guard, redirects, size cap, timeouts, retries, conditional GET.

Most cases run on ``httpx.MockTransport`` with a fake resolver (no network at all);
the rest talk to a real HTTP server on 127.0.0.1 (``LocalSite``, also used by
test_feeds.py). No test sends traffic anywhere else.
"""

from __future__ import annotations

import threading
import time
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import httpx
import pytest
from conftest import LocalSite, Route  # noqa: F401 - the 127.0.0.1 test site and its fixture live in conftest

from claimgraph.ingest.fetch import (
    AddressBlocked,
    Fetcher,
    FetchResult,
    PinnedTransport,
    address_problem,
    check_url,
    fetch_items,
    item_from_result,
)

PUBLIC_IP = "93.184.216.34"


# -- a real server on 127.0.0.1 ------------------------------------------------------


# -- helpers for the mock transport -------------------------------------------------


def resolver(table: dict[str, list[str]]):
    def resolve(host: str, port: int) -> list[str]:
        if host in table:
            return table[host]
        raise OSError(f"unknown host {host}")
    return resolve


def mock_fetcher(handler, table=None, **options) -> tuple[Fetcher, list[float]]:
    sleeps: list[float] = []
    fetcher = Fetcher(transport=httpx.MockTransport(handler),
                      resolve=resolver(table or {"news.test": [PUBLIC_IP]}),
                      sleep=sleeps.append, **options)
    return fetcher, sleeps


# -- the address guard ----------------------------------------------------------------


@pytest.mark.parametrize("address, problem", [
    ("10.1.2.3", "a private address"),
    ("172.16.5.4", "a private address"),
    ("192.168.0.10", "a private address"),
    ("127.0.0.1", "a loopback address"),
    ("127.8.9.10", "a loopback address"),
    ("169.254.169.254", "a link-local address"),
    ("0.0.0.0", "an unspecified address"),
    ("224.0.0.251", "a multicast address"),
    ("100.64.0.1", "an address that is not globally routable"),
    ("::1", "a loopback address"),
    ("::", "an unspecified address"),
    ("fe80::1", "a link-local address"),
    ("fe80::1%eth0", "a link-local address"),
    ("fd12:3456::1", "a private address"),
    ("::ffff:127.0.0.1", "a loopback address"),
    ("::ffff:10.0.0.1", "a private address"),
    ("::ffff:169.254.169.254", "a link-local address"),
    ("2002:c0a8:0101::1", "a private address"),  # 6to4 around 192.168.1.1
    ("64:ff9b::7f00:1", "a loopback address"),  # NAT64 around 127.0.0.1
    (PUBLIC_IP, None),
    ("2606:4700:4700::1111", None),
    ("64:ff9b::808:808", None),  # NAT64 around 8.8.8.8: fine on IPv6-only networks
])
def test_fetch_address_problem_names_the_range(address, problem):
    assert address_problem(address) == problem


def test_fetch_check_url_refuses_when_any_address_is_private():
    resolve = resolver({"mixed.test": [PUBLIC_IP, "192.168.1.20"], "fine.test": [PUBLIC_IP]})
    refused = check_url("https://mixed.test/a", resolve=resolve)
    assert refused.startswith("blocked: mixed.test resolves to 192.168.1.20, a private address")
    assert "--allow-private" in refused
    assert check_url("https://fine.test/a", resolve=resolve) is None
    assert check_url("https://mixed.test/a", resolve=resolve, allow_private=True) is None


@pytest.mark.parametrize("url, reason", [
    ("file:///etc/passwd", "bad-url"),
    ("ftp://news.test/a", "bad-url"),
    ("gopher://news.test/", "bad-url"),
    ("http:///nohost", "bad-url"),
    ("http://nowhere.test/", "dns"),
    ("http://[::1]:8080/", "blocked"),
    ("http://2130706433/", "blocked"),  # 127.0.0.1 as one decimal number
])
def test_fetch_check_url_reasons(url, reason):
    resolve = resolver({"news.test": [PUBLIC_IP], "[::1]": ["::1"], "::1": ["::1"],
                        "2130706433": ["127.0.0.1"]})
    assert check_url(url, resolve=resolve).split(":")[0] == reason


def test_fetch_refuses_private_host_without_sending_anything():
    sent: list[httpx.Request] = []
    fetcher, _ = mock_fetcher(lambda r: sent.append(r) or httpx.Response(200), {"intranet.test": ["10.0.0.5"]})
    result = fetcher.fetch("http://intranet.test/secret")
    assert result.error.startswith("blocked: intranet.test resolves to 10.0.0.5, a private address")
    assert sent == []


def test_fetch_allow_private_fetches_private_hosts():
    fetcher, _ = mock_fetcher(lambda r: httpx.Response(200, text="<p>hi</p>", headers={"Content-Type": "text/html"}),
                              {"intranet.test": ["10.0.0.5"]}, allow_private=True)
    result = fetcher.fetch("http://intranet.test/page")
    assert result.ok and result.content == b"<p>hi</p>" and result.content_type == "text/html"


# -- redirects --------------------------------------------------------------------


def test_fetch_refuses_redirect_to_private_address():
    asked: list[str] = []

    def handler(request: httpx.Request) -> httpx.Response:
        asked.append(str(request.url))
        if request.url.host == "news.test":
            return httpx.Response(302, headers={"Location": "http://metadata.test/latest/meta-data/"})
        return httpx.Response(200, text="credentials")

    fetcher, _ = mock_fetcher(handler, {"news.test": [PUBLIC_IP], "metadata.test": ["169.254.169.254"]})
    result = fetcher.fetch("http://news.test/story")
    assert result.error.startswith("blocked: metadata.test resolves to 169.254.169.254, a link-local address")
    assert result.final_url == "http://metadata.test/latest/meta-data/"
    assert asked == ["http://news.test/story"]  # the private hop was never requested


def test_fetch_refuses_redirect_to_other_scheme():
    fetcher, _ = mock_fetcher(lambda r: httpx.Response(301, headers={"Location": "file:///etc/passwd"}))
    assert fetcher.fetch("http://news.test/a").error.startswith("bad-url: only http and https")


def test_fetch_follows_relative_redirects_and_reports_final_url():
    def handler(request: httpx.Request) -> httpx.Response:
        if request.url.path == "/old":
            return httpx.Response(301, headers={"Location": "/new"})
        return httpx.Response(200, text="moved here", headers={"Content-Type": "text/plain"})

    fetcher, _ = mock_fetcher(handler)
    result = fetcher.fetch("http://news.test/old")
    assert (result.url, result.final_url, result.content) == ("http://news.test/old", "http://news.test/new", b"moved here")


def test_fetch_stops_after_five_redirects():
    hops: list[str] = []

    def handler(request: httpx.Request) -> httpx.Response:
        hops.append(request.url.path)
        return httpx.Response(302, headers={"Location": f"/hop{len(hops)}"})

    fetcher, _ = mock_fetcher(handler)
    assert fetcher.fetch("http://news.test/start").error.startswith("too-many-redirects")
    assert len(hops) == 6  # the first request and five redirects


# -- size, timeouts, retries -------------------------------------------------------------


def test_fetch_size_cap_from_content_length():
    fetcher, _ = mock_fetcher(lambda r: httpx.Response(200, content=b"x" * 2000), max_bytes=1000)
    result = fetcher.fetch("http://news.test/big")
    assert result.error == "too-large: 2,000 bytes declared > max_bytes=1,000" and result.content is None


def test_fetch_size_cap_while_streaming_without_content_length():
    def chunks():
        for _ in range(100):
            yield b"y" * 100

    fetcher, _ = mock_fetcher(lambda r: httpx.Response(200, content=chunks()), max_bytes=1000)
    result = fetcher.fetch("http://news.test/stream")
    assert result.error.startswith("too-large: more than max_bytes=1,000") and result.content is None


def test_fetch_body_under_cap_is_kept():
    fetcher, _ = mock_fetcher(lambda r: httpx.Response(200, content=b"z" * 1000), max_bytes=1000)
    assert fetcher.fetch("http://news.test/ok").content == b"z" * 1000


def test_fetch_timeout_is_a_reason_not_a_crash():
    def handler(request: httpx.Request) -> httpx.Response:
        raise httpx.ReadTimeout("timed out", request=request)

    fetcher, sleeps = mock_fetcher(handler, timeout=2.0)
    result = fetcher.fetch("http://news.test/slow")
    assert result.error == "timeout: reading from news.test took more than 2 s"
    assert sleeps == []  # a server that hangs once hangs again: no retry


def test_fetch_retries_5xx_with_exponential_backoff():
    answers = iter([503, 502, 200])
    fetcher, sleeps = mock_fetcher(lambda r: httpx.Response(next(answers), text="fine"), retries=2, backoff=0.5)
    result = fetcher.fetch("http://news.test/flaky")
    assert result.ok and result.content == b"fine"
    assert sleeps == [0.5, 1.0]


def test_fetch_retries_connect_errors_then_gives_up():
    calls: list[int] = []

    def handler(request: httpx.Request) -> httpx.Response:
        calls.append(1)
        raise httpx.ConnectError("connection refused", request=request)

    fetcher, sleeps = mock_fetcher(handler, retries=2, backoff=0.1)
    result = fetcher.fetch("http://news.test/down")
    assert result.error == "connect: news.test: connection refused (after 3 attempts)"
    assert len(calls) == 3 and sleeps == [0.1, 0.2]


def test_fetch_does_not_retry_4xx():
    calls: list[int] = []
    fetcher, sleeps = mock_fetcher(lambda r: calls.append(1) or httpx.Response(404))
    result = fetcher.fetch("http://news.test/missing")
    assert (result.error, result.status, len(calls), sleeps) == ("http-404: Not Found", 404, 1, [])


# -- conditional GET -------------------------------------------------------------------


def test_fetch_sends_validators_and_reports_not_modified():
    seen: dict[str, str | None] = {}

    def handler(request: httpx.Request) -> httpx.Response:
        seen["etag"] = request.headers.get("If-None-Match")
        seen["since"] = request.headers.get("If-Modified-Since")
        if seen["etag"] == '"v1"':
            return httpx.Response(304, headers={"ETag": '"v1"'})
        return httpx.Response(200, text="feed", headers={"ETag": '"v1"', "Last-Modified": "Thu, 04 Jan 2024 10:00:00 GMT"})

    fetcher, _ = mock_fetcher(handler)
    first = fetcher.fetch("http://news.test/feed")
    assert (first.etag, first.last_modified, first.not_modified) == ('"v1"', "Thu, 04 Jan 2024 10:00:00 GMT", False)
    again = fetcher.fetch("http://news.test/feed", etag=first.etag, last_modified=first.last_modified)
    assert again.not_modified and again.content is None and again.error is None
    assert seen == {"etag": '"v1"', "since": "Thu, 04 Jan 2024 10:00:00 GMT"}


# -- items ----------------------------------------------------------------------------


def test_fetch_items_kinds_urls_and_failures():
    def handler(request: httpx.Request) -> httpx.Response:
        if request.url.path == "/story":
            return httpx.Response(200, text="<html><p>Story</p></html>", headers={"Content-Type": "text/html; charset=utf-8"})
        if request.url.path == "/notes":
            return httpx.Response(200, text="Plain notes.", headers={"Content-Type": "text/plain"})
        return httpx.Response(500)

    fetcher, _ = mock_fetcher(handler, {"news.test": [PUBLIC_IP], "lan.test": ["192.168.1.1"]}, retries=0)
    items = list(fetch_items(["http://news.test/story", "http://news.test/notes", "http://news.test/broken",
                              "http://lan.test/admin"], fetcher))
    assert [(i.kind, i.url) for i in items[:2]] == [("html", "http://news.test/story"), ("text", "http://news.test/notes")]
    assert items[0].data == b"<html><p>Story</p></html>" and items[0].error is None
    assert items[2].error == "fetch-failed: http-500: Internal Server Error"
    assert items[3].error.startswith("fetch-failed: blocked: lan.test resolves to 192.168.1.1")
    assert [i.origin for i in items] == ["http://news.test/story", "http://news.test/notes",
                                         "http://news.test/broken", "http://lan.test/admin"]


def test_fetch_item_from_result_keeps_feed_metadata():
    result = FetchResult("http://news.test/a", "http://news.test/b", status=200, content=b"<p>x</p>",
                         content_type="text/html")
    item = item_from_result(result, outlet="Wire", published="2024-01-04", title="T")
    assert (item.origin, item.url, item.outlet, item.published, item.title) == (
        "http://news.test/a", "http://news.test/b", "Wire", "2024-01-04", "T")


# -- against a real server on 127.0.0.1 ---------------------------------------------------


def test_fetch_real_loopback_refused_unless_allowed(site):
    site.routes["/story"] = Route(b"<html><body><p>Local story.</p></body></html>")
    with Fetcher(timeout=2.0) as guarded:
        refused = guarded.fetch(site.url("/story"))
    assert refused.error.startswith("blocked: 127.0.0.1, a loopback address")
    assert site.requests == []
    with Fetcher(allow_private=True, timeout=2.0) as open_fetcher:
        fetched = open_fetcher.fetch(site.url("/story"))
    assert fetched.ok and fetched.content == b"<html><body><p>Local story.</p></body></html>"
    assert fetched.content_type == "text/html" and fetched.status == 200


def test_fetch_real_slow_server_times_out(site):
    site.routes["/slow"] = Route(b"late", delay=1.0)
    started = time.monotonic()
    with Fetcher(allow_private=True, timeout=0.2, retries=2) as fetcher:
        result = fetcher.fetch(site.url("/slow"))
    assert result.error.startswith("timeout: reading from 127.0.0.1 took more than 0.2 s")
    assert time.monotonic() - started < 0.9


def test_fetch_pinned_transport_checks_the_address_it_connects_to(site):
    # The pre-connection check is fooled (a public answer) but the transport resolves
    # again when connecting and gets 127.0.0.1: DNS rebinding must be refused there.
    site.routes["/story"] = Route(b"secret")
    rebinding = resolver({"rebind.test": ["127.0.0.1"]})
    with httpx.Client(transport=PinnedTransport(resolve=rebinding)) as client:
        with pytest.raises(AddressBlocked, match="rebind.test resolves to 127.0.0.1, a loopback address"):
            client.get(f"http://rebind.test:{site.port}/story")
    assert site.requests == []
    with Fetcher(resolve=resolver({"rebind.test": [PUBLIC_IP]}), timeout=2.0,
                 transport=PinnedTransport(resolve=rebinding)) as fetcher:  # the second answer differs
        result = fetcher.fetch(f"http://rebind.test:{site.port}/story")
    assert result.error.startswith("blocked: rebind.test resolves to 127.0.0.1")
    assert site.requests == []


def test_fetch_pinned_transport_connects_to_checked_ip_with_host_header(site):
    site.routes["/story"] = Route(b"pinned")
    with httpx.Client(transport=PinnedTransport(allow_private=True,
                                                resolve=resolver({"news.test": ["127.0.0.1"]}))) as client:
        response = client.get(f"http://news.test:{site.port}/story")
    assert response.content == b"pinned"
    assert site.requests[0][1]["host"] == f"news.test:{site.port}"
