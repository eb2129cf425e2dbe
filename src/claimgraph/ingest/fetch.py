"""Fetch article pages and feeds over HTTP(S), refusing private networks.

Article and feed URLs are attacker-controlled (a feed names the pages it links to),
so the fetcher is a server-side request forgery guard first and an HTTP client
second (DESIGN.md, "Untrusted text"):

* only ``http`` and ``https`` URLs;
* the host is resolved and refused if ANY of its addresses is loopback, private,
  link-local, multicast, reserved, unspecified or otherwise not globally routable
  (IPv4-mapped, 6to4 and NAT64 IPv6 addresses are judged by the IPv4 address they
  carry), unless ``allow_private=True``;
* redirects are followed by hand (at most ``MAX_REDIRECTS``), each hop checked again;
* the connection is pinned: the default transport resolves the host itself when it
  connects, checks those addresses and connects to the checked IP (the Host header
  and TLS SNI keep the name), so a DNS answer that changes between the check and
  the connection (DNS rebinding) cannot reach a private address.

Residual risks: name resolution (``getaddrinfo``) has no timeout of its own; a
caller-supplied ``transport`` (tests, proxies) gets the pre-connection check only,
not the pinning.

Failures are data: ``fetch`` never raises for network trouble, it returns a
``FetchResult`` whose ``error`` reads "reason: detail" with a short stable reason
(``blocked``, ``bad-url``, ``dns``, ``connect``, ``timeout``, ``too-large``,
``http-404`` ..., ``too-many-redirects``, ``protocol``).

    >>> address_problem("10.0.0.7"), address_problem("8.8.8.8")
    ('a private address', None)
"""

from __future__ import annotations

import ipaddress
import socket
import time
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from typing import Any

import httpcore
import httpx

from claimgraph.errors import ClaimgraphError
from claimgraph.model import InputItem
from claimgraph.settings import Settings

MAX_REDIRECTS = 5
REDIRECT_STATUSES = frozenset({301, 302, 303, 307, 308})
ALLOWED_SCHEMES = ("http", "https")
DEFAULT_USER_AGENT = "claimgraph/0.1 (+offline news analysis)"
# A server that trickles bytes slowly never trips the per-read timeout; the whole
# body must arrive within this many read timeouts (10 s timeout -> 30 s per attempt).
TOTAL_TIMEOUT_FACTOR = 3
# Brotli/zstd are not offered: httpx decodes them only with optional packages, and a
# body we cannot decode would be rejected later as binary.
ACCEPT_ENCODING = "gzip, deflate"
ACCEPT = "text/html,application/xhtml+xml,application/rss+xml,application/atom+xml,application/xml;q=0.9,*/*;q=0.8"
HTML_TYPES = frozenset({"text/html", "application/xhtml+xml"})
TEXT_TYPES = frozenset({"text/plain", "text/markdown"})
# NAT64 well-known prefix (RFC 6052): on IPv6-only networks DNS64 answers with these
# for IPv4-only hosts; the embedded IPv4 address is the one that matters.
NAT64_PREFIX = ipaddress.ip_network("64:ff9b::/96")

Resolver = Callable[[str, int], list[str]]


class AddressBlocked(ClaimgraphError):
    """A host resolved to an address the fetcher may not connect to."""

    http_status = 403


@dataclass(slots=True)
class FetchResult:
    """What one ``Fetcher.fetch`` produced: a body, "not modified", or a readable error."""

    url: str
    final_url: str
    status: int | None = None
    content: bytes | None = None
    content_type: str | None = None  # media type only, lower case: "text/html"
    etag: str | None = None
    last_modified: str | None = None
    not_modified: bool = False
    error: str | None = None  # "reason: detail", e.g. "timeout: no response within 10 s"

    @property
    def ok(self) -> bool:
        return self.error is None


# -- the address guard -------------------------------------------------------------


def address_problem(address: str) -> str | None:
    """Why an IP address may not be fetched from ("a loopback address", ...), or None.

    >>> address_problem("127.0.0.1"), address_problem("::ffff:192.168.1.1")
    ('a loopback address', 'a private address')
    >>> address_problem("169.254.169.254"), address_problem("2606:4700::1111")
    ('a link-local address', None)
    """
    try:
        ip = ipaddress.ip_address(address.split("%", 1)[0])  # drop an IPv6 zone ("fe80::1%eth0")
    except ValueError:
        return "not an IP address"
    embedded = _embedded_ipv4(ip)
    if embedded is not None:
        return address_problem(str(embedded))
    for test, name in (
        ("is_loopback", "a loopback address"),
        ("is_unspecified", "an unspecified address"),
        ("is_link_local", "a link-local address"),
        ("is_multicast", "a multicast address"),
        ("is_private", "a private address"),
        ("is_reserved", "a reserved address"),
    ):
        if getattr(ip, test):
            return name
    if not ip.is_global:  # 100.64.0.0/10 (carrier-grade NAT) and similar
        return "an address that is not globally routable"
    return None


def _embedded_ipv4(ip: ipaddress.IPv4Address | ipaddress.IPv6Address) -> ipaddress.IPv4Address | None:
    if ip.version != 6:
        return None
    if ip.ipv4_mapped is not None:
        return ip.ipv4_mapped
    if ip.sixtofour is not None:
        return ip.sixtofour
    if ip in NAT64_PREFIX:
        return ipaddress.IPv4Address(int(ip) & 0xFFFFFFFF)
    return None


def resolve_host(host: str, port: int) -> list[str]:
    """Every address ``host`` resolves to (IPv4 and IPv6), in resolver order; raises OSError.

    >>> resolve_host("127.0.0.1", 80)
    ['127.0.0.1']
    """
    infos = socket.getaddrinfo(host, port, type=socket.SOCK_STREAM)
    addresses: list[str] = []
    for _family, _type, _proto, _name, sockaddr in infos:
        if sockaddr[0] not in addresses:
            addresses.append(sockaddr[0])
    return addresses


def refusal(host: str, addresses: Iterable[str]) -> str | None:
    """The "blocked: ..." reason if any address of ``host`` is not public, else None.

    One bad address is enough: a connection may use any of them.

    >>> refusal("intranet.example", ["93.184.216.34", "10.1.2.3"])[:52]
    'blocked: intranet.example resolves to 10.1.2.3, a pr'
    """
    for address in addresses:
        problem = address_problem(address)
        if problem is not None:
            where = host if host == address else f"{host} resolves to {address}"
            return (f"blocked: {where}, {problem}; "
                    "pass allow_private=True (--allow-private) to fetch from private networks")
    return None


def check_url(url: str, *, allow_private: bool = False, resolve: Resolver = resolve_host) -> str | None:
    """Why ``url`` may not be fetched ("bad-url: ...", "dns: ...", "blocked: ..."), or None.

    >>> check_url("file:///etc/passwd")
    'bad-url: only http and https URLs are fetched, not file://'
    >>> check_url("http://127.0.0.1:8080/feed.xml").split(";")[0]
    'blocked: 127.0.0.1, a loopback address'
    >>> check_url("http://127.0.0.1:8080/feed.xml", allow_private=True) is None
    True
    """
    try:
        parsed = httpx.URL(url)
    except (httpx.InvalidURL, TypeError) as exc:
        return f"bad-url: {exc}"
    if parsed.scheme not in ALLOWED_SCHEMES:
        return f"bad-url: only http and https URLs are fetched, not {parsed.scheme or '(none)'}://"
    host = parsed.raw_host.decode("ascii")
    if not host:
        return f"bad-url: no host in {url!r}"
    if allow_private:
        return None
    try:
        addresses = resolve(host, parsed.port or _default_port(parsed.scheme))
    except (OSError, UnicodeError) as exc:
        return f"dns: cannot resolve {host}: {_describe(exc)}"
    if not addresses:
        return f"dns: {host} has no addresses"
    return refusal(host, addresses)


def _default_port(scheme: str) -> int:
    return 443 if scheme == "https" else 80


# -- the pinned transport ----------------------------------------------------------


class GuardedBackend(httpcore.NetworkBackend):
    """httpcore network backend that connects only to checked addresses.

    It resolves the host at connection time, refuses (``AddressBlocked``) if any
    address is not public, and connects to the checked IP itself: what was checked
    is what is connected to. TLS still uses the host name (httpcore passes it as
    ``server_hostname`` when it wraps the stream).
    """

    def __init__(self, allow_private: bool = False, resolve: Resolver = resolve_host):
        self.allow_private = allow_private
        self.resolve = resolve
        self._backend = httpcore.SyncBackend()

    def connect_tcp(self, host: str, port: int, timeout: float | None = None,
                    local_address: str | None = None, socket_options: Any = None) -> httpcore.NetworkStream:
        try:
            addresses = self.resolve(host, port)
        except (OSError, UnicodeError) as exc:
            raise httpcore.ConnectError(f"cannot resolve {host}: {_describe(exc)}") from exc
        if not addresses:
            raise httpcore.ConnectError(f"{host} has no addresses")
        if not self.allow_private:
            reason = refusal(host, addresses)
            if reason is not None:
                raise AddressBlocked(reason)
        return self._connect_first(addresses, port, timeout, local_address, socket_options)

    def _connect_first(self, addresses: list[str], port: int, timeout: float | None,
                       local_address: str | None, socket_options: Any) -> httpcore.NetworkStream:
        last: Exception | None = None
        for address in addresses:
            try:
                return self._backend.connect_tcp(address, port, timeout, local_address, socket_options)
            except (httpcore.ConnectError, httpcore.ConnectTimeout) as exc:
                last = exc  # try the next address, as socket.create_connection would
        assert last is not None
        raise last

    def connect_unix_socket(self, path: str, timeout: float | None = None,
                            socket_options: Any = None) -> httpcore.NetworkStream:
        raise AddressBlocked("blocked: the fetcher does not connect to Unix sockets")

    def sleep(self, seconds: float) -> None:
        self._backend.sleep(seconds)


class PinnedTransport(httpx.HTTPTransport):
    """``httpx.HTTPTransport`` whose connections go through ``GuardedBackend``.

    >>> with httpx.Client(transport=PinnedTransport()) as client:
    ...     client.get("http://127.0.0.1:9/")
    Traceback (most recent call last):
    claimgraph.ingest.fetch.AddressBlocked: blocked: 127.0.0.1, a loopback address; pass allow_private=True (--allow-private) to fetch from private networks
    """

    def __init__(self, allow_private: bool = False, resolve: Resolver = resolve_host):
        super().__init__(trust_env=False)
        # httpx takes no network backend, so the pool it built is replaced by one with
        # ours (same TLS defaults). A test pins this against httpx upgrades.
        self._pool = httpcore.ConnectionPool(
            ssl_context=httpx.create_ssl_context(),
            network_backend=GuardedBackend(allow_private, resolve),
        )


# -- the fetcher -------------------------------------------------------------------


class Fetcher:
    """An HTTP client for articles and feeds: address guard, timeouts, size cap, retries.

    :param allow_private: fetch from loopback/private/link-local hosts too (tests, intranets).
    :param timeout: seconds for connecting and for each read; the whole body must
        arrive within ``TOTAL_TIMEOUT_FACTOR`` times this.
    :param max_bytes: bodies larger than this (after decompression) are refused as
        too-large; default the ``max_bytes`` setting.
    :param retries: extra attempts after a connection error or a 5xx answer (never after 4xx).
    :param backoff: seconds before the first retry, doubled for each next one.
    :param transport: an httpx transport (tests pass ``httpx.MockTransport``); by
        default a ``PinnedTransport``.
    :param resolve: host name resolver for the address guard (``resolve_host``).
    :param sleep: how to wait between retries (tests record instead of sleeping).

    >>> with Fetcher() as fetcher:
    ...     fetcher.fetch("http://localhost:8000/feed.xml").error.split(",")[1]
    ' a loopback address; pass allow_private=True (--allow-private) to fetch from private networks'
    """

    def __init__(
        self,
        allow_private: bool = False,
        timeout: float = 10.0,
        max_bytes: int | None = None,
        retries: int = 2,
        backoff: float = 0.5,
        transport: httpx.BaseTransport | None = None,
        user_agent: str = DEFAULT_USER_AGENT,
        *,
        resolve: Resolver = resolve_host,
        sleep: Callable[[float], None] = time.sleep,
    ):
        self.allow_private = allow_private
        self.timeout = timeout
        self.max_bytes = max_bytes if max_bytes is not None else Settings.from_env().max_bytes
        self.retries = retries
        self.backoff = backoff
        self.resolve = resolve
        self.sleep = sleep
        self._client = httpx.Client(
            transport=transport or PinnedTransport(allow_private, resolve),
            follow_redirects=False,  # each hop is checked by hand
            timeout=httpx.Timeout(timeout),
            trust_env=False,  # an environment proxy would hide the real destination from the guard
            headers={"User-Agent": user_agent, "Accept-Encoding": ACCEPT_ENCODING, "Accept": ACCEPT},
        )

    def close(self) -> None:
        self._client.close()

    def __enter__(self) -> "Fetcher":
        return self

    def __exit__(self, *exc_info: object) -> None:
        self.close()

    def fetch(self, url: str, etag: str | None = None, last_modified: str | None = None) -> FetchResult:
        """GET ``url`` (conditionally, given a stored ETag/Last-Modified); never raises for bad input.

        :returns: a ``FetchResult``: ``content`` on success, ``not_modified`` on 304,
            ``error`` ("reason: detail") otherwise.
        """
        headers = _conditional_headers(etag, last_modified)
        current = url.strip()
        for _hop in range(MAX_REDIRECTS + 1):
            problem = check_url(current, allow_private=self.allow_private, resolve=self.resolve)
            if problem is not None:
                return FetchResult(url, current, error=problem)
            result, location = self._get_with_retries(current, headers)
            if location is None:
                result.url = url
                return result
            current = location
        return FetchResult(url, current, error=f"too-many-redirects: more than {MAX_REDIRECTS} redirects")

    def _get_with_retries(self, url: str, headers: dict[str, str]) -> tuple[FetchResult, str | None]:
        attempt = 0
        while True:
            result, location, retryable = self._get_once(url, headers)
            if not retryable or attempt >= self.retries:
                if retryable and attempt:
                    result.error = f"{result.error} (after {attempt + 1} attempts)"
                return result, location
            self.sleep(self.backoff * (2 ** attempt))
            attempt += 1

    def _get_once(self, url: str, headers: dict[str, str]) -> tuple[FetchResult, str | None, bool]:
        """(result, redirect location or None, worth retrying)."""
        host = httpx.URL(url).host
        try:
            with self._client.stream("GET", url, headers=headers) as response:
                return self._read_response(url, response)
        except AddressBlocked as exc:
            return FetchResult(url, url, error=str(exc)), None, False
        except httpx.TimeoutException as exc:
            what = "connecting to" if isinstance(exc, (httpx.ConnectTimeout, httpx.PoolTimeout)) else "reading from"
            return FetchResult(url, url, error=f"timeout: {what} {host} took more than {self.timeout:g} s"), None, False
        except httpx.ConnectError as exc:
            return FetchResult(url, url, error=f"connect: {host}: {_describe(exc)}"), None, True
        except httpx.RemoteProtocolError as exc:
            # Typically a server closing the connection before answering: transient.
            return FetchResult(url, url, error=f"protocol: {host}: {_describe(exc)}"), None, True
        except httpx.HTTPError as exc:  # decoding errors, too many headers, bad URLs ...
            return FetchResult(url, url, error=f"protocol: {host}: {_describe(exc)}"), None, False

    def _read_response(self, url: str, response: httpx.Response) -> tuple[FetchResult, str | None, bool]:
        result = FetchResult(
            url, url, status=response.status_code,
            content_type=_media_type(response.headers.get("content-type")),
            etag=response.headers.get("etag"),
            last_modified=response.headers.get("last-modified"),
        )
        status = response.status_code
        if status in REDIRECT_STATUSES:
            location = response.headers.get("location")
            if not location:
                result.error = f"bad-redirect: {status} without a Location header"
                return result, None, False
            return result, str(response.url.join(location)), False
        if status == 304:
            result.not_modified = True
            return result, None, False
        if status >= 400:
            result.error = f"http-{status}: {response.reason_phrase or 'error'}"
            return result, None, status >= 500
        if status >= 300:
            result.error = f"http-{status}: {response.reason_phrase or 'unexpected redirect status'}"
            return result, None, False
        result.content, result.error = self._read_body(response)
        return result, None, False

    def _read_body(self, response: httpx.Response) -> tuple[bytes | None, str | None]:
        declared = _int_or_none(response.headers.get("content-length"))
        if declared is not None and declared > self.max_bytes:
            return None, f"too-large: {declared:,} bytes declared > max_bytes={self.max_bytes:,}"
        deadline = time.monotonic() + self.timeout * TOTAL_TIMEOUT_FACTOR
        chunks: list[bytes] = []
        size = 0
        for chunk in response.iter_bytes():  # decompressed: the cap applies to what we keep
            size += len(chunk)
            if size > self.max_bytes:
                return None, f"too-large: more than max_bytes={self.max_bytes:,} bytes"
            if time.monotonic() > deadline:
                return None, (f"timeout: the body took more than {self.timeout * TOTAL_TIMEOUT_FACTOR:g} s "
                              f"({size:,} bytes so far)")
            chunks.append(chunk)
        return b"".join(chunks), None


def _conditional_headers(etag: str | None, last_modified: str | None) -> dict[str, str]:
    headers: dict[str, str] = {}
    if etag:
        headers["If-None-Match"] = etag
    if last_modified:
        headers["If-Modified-Since"] = last_modified
    return headers


def _media_type(content_type: str | None) -> str | None:
    if not content_type:
        return None
    return content_type.split(";", 1)[0].strip().lower() or None


def _int_or_none(value: str | None) -> int | None:
    try:
        return int(value) if value is not None else None
    except ValueError:
        return None


def _describe(exc: BaseException) -> str:
    text = str(exc).strip()
    return text or type(exc).__name__


# -- URLs as input items -----------------------------------------------------------


def kind_of_media_type(media_type: str | None) -> str | None:
    """"html", "text" or None (let the clean stage sniff) from a Content-Type.

    >>> kind_of_media_type("text/html"), kind_of_media_type("text/plain"), kind_of_media_type(None)
    ('html', 'text', None)
    """
    if media_type in HTML_TYPES:
        return "html"
    if media_type in TEXT_TYPES:
        return "text"
    return None


def item_from_result(result: FetchResult, **meta: str | None) -> InputItem:
    """The ``InputItem`` for a fetched page; a failed fetch becomes an error item.

    :param meta: ``outlet``, ``published``, ``title`` known from elsewhere (a feed).

    >>> item_from_result(FetchResult("http://x.test/a", "http://x.test/a", error="http-404: Not Found")).error
    'fetch-failed: http-404: Not Found'
    """
    if result.error is not None:
        return InputItem(origin=result.url, url=result.url, error=f"fetch-failed: {result.error}", **meta)
    if result.not_modified or result.content is None:
        return InputItem(origin=result.url, url=result.url,
                         error="fetch-failed: not-modified: the server sent no body", **meta)
    return InputItem(origin=result.url, url=result.final_url, data=result.content,
                     kind=kind_of_media_type(result.content_type), **meta)


def fetch_items(urls: Iterable[str], fetcher: Fetcher) -> Iterator[InputItem]:
    """One ``InputItem`` per URL, fetched lazily; failures are items with ``error``.

    :param urls: article page URLs.
    :param fetcher: the ``Fetcher`` to use (its ``allow_private`` decides about private hosts).

    >>> with Fetcher() as fetcher:
    ...     [item.error[:42] for item in fetch_items(["http://10.0.0.1/a"], fetcher)]
    ['fetch-failed: blocked: 10.0.0.1, a private']
    """
    for url in urls:
        yield item_from_result(fetcher.fetch(url))
