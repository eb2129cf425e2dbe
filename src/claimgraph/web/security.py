"""Serving untrusted article text safely (issue 5: security defaults).

Pure ASGI middlewares, so they also cover streaming (SSE) responses:

* ``SecurityHeaders``: a Content-Security-Policy without inline script on every
  response, ``nosniff`` (a JSON string holding ``<script>`` is never sniffed as
  HTML), no referrer (article URLs do not leak to third parties).
* ``HostCheck``: when serving on loopback, only loopback ``Host`` names are
  answered, so a web page on another origin cannot reach the API through DNS
  rebinding (its Host header names the attacker's domain).
* ``WriteGuard``: every write (any method but GET/HEAD/OPTIONS) must be JSON,
  which a cross-site HTML form cannot send without a CORS preflight (CORS is off),
  and must carry ``Authorization: Bearer <token>`` when a token is set. Both are
  checked before the body is read.
* ``BodyLimit``: request bodies over ``max_bytes`` get 413, from Content-Length
  at once, and while reading for chunked bodies without one.

``check_bind(host, token)`` refuses to listen beyond loopback without a token.

    >>> is_loopback("127.0.0.1"), is_loopback("localhost"), is_loopback("0.0.0.0")
    (True, True, False)
"""

from __future__ import annotations

import hmac
import ipaddress
import json
from collections.abc import Iterable
from typing import Any

from starlette.exceptions import HTTPException
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from claimgraph.errors import ConfigError

CONTENT_SECURITY_POLICY = (
    "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
    "object-src 'none'; base-uri 'none'; frame-ancestors 'none'"
)
SECURITY_HEADERS: tuple[tuple[bytes, bytes], ...] = (
    (b"content-security-policy", CONTENT_SECURITY_POLICY.encode()),
    (b"x-content-type-options", b"nosniff"),
    (b"referrer-policy", b"no-referrer"),
    (b"x-frame-options", b"DENY"),
)
# 5 MB: the largest article HTML in the boilerplate benchmark (eval-data) is under
# 1 MB; a page past this is a mistake or an attack, and the pipeline caps text anyway.
MAX_BODY_BYTES = 5_000_000
# A token shorter than this is guessable over a network in reasonable time.
MIN_TOKEN_CHARS = 16
LOOPBACK_NAMES = ("localhost", "127.0.0.1", "::1", "[::1]")
SAFE_METHODS = frozenset({"GET", "HEAD", "OPTIONS"})
TOKEN_HELP = (
    "set CLAIMGRAPH_TOKEN (or --token) to a secret of at least "
    f"{MIN_TOKEN_CHARS} characters, e.g. "
    "export CLAIMGRAPH_TOKEN=$(python -c 'import secrets; print(secrets.token_urlsafe(32))'); "
    "clients then send 'Authorization: Bearer $CLAIMGRAPH_TOKEN' with every write"
)


def is_loopback(host: str) -> bool:
    """True for names and addresses that only this machine can reach.

    >>> is_loopback("::1"), is_loopback("127.0.0.2"), is_loopback("example.org")
    (True, True, False)
    """
    host = host.strip().strip("[]").lower()
    if host == "localhost":
        return True
    try:
        return ipaddress.ip_address(host).is_loopback
    except ValueError:
        return False


def check_bind(host: str, token: str | None) -> None:
    """Refuse to listen beyond loopback without a (long enough) write token.

    :raises ConfigError: with a message that says how to set ``CLAIMGRAPH_TOKEN``.

    >>> check_bind("127.0.0.1", None)
    >>> check_bind("0.0.0.0", None)  # doctest: +ELLIPSIS
    Traceback (most recent call last):
    ...
    claimgraph.errors.ConfigError: refusing to serve on 0.0.0.0 without a write token: ...
    """
    if is_loopback(host):
        if token is not None and len(token) < MIN_TOKEN_CHARS:
            raise ConfigError(f"the write token is too short; {TOKEN_HELP}")
        return
    if not token:
        raise ConfigError(f"refusing to serve on {host} without a write token: anyone who can reach it "
                          f"could write to the database; {TOKEN_HELP}")
    if len(token) < MIN_TOKEN_CHARS:
        raise ConfigError(f"the write token is too short to serve on {host}; {TOKEN_HELP}")


def error_body(code: str, message: str, **extra: Any) -> bytes:
    """The API's one error shape, as bytes."""
    return json.dumps({"error": {"code": code, "message": message, **extra}}, ensure_ascii=False).encode()


async def send_error(send: Send, status: int, code: str, message: str,
                     headers: Iterable[tuple[bytes, bytes]] = ()) -> None:
    body = error_body(code, message)
    await send({"type": "http.response.start", "status": status, "headers": [
        (b"content-type", b"application/json"), (b"content-length", str(len(body)).encode()), *headers]})
    await send({"type": "http.response.body", "body": body})


def _header(scope: Scope, name: bytes) -> str | None:
    for key, value in scope.get("headers", ()):
        if key == name:
            return value.decode("latin-1")
    return None


class SecurityHeaders:
    """Adds ``SECURITY_HEADERS`` to every HTTP response (errors and streams included)."""

    def __init__(self, app: ASGIApp):
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return

        async def send_with_headers(message: Message) -> None:
            if message["type"] == "http.response.start":
                present = {k.lower() for k, _ in message.get("headers", ())}
                extra = [(k, v) for k, v in SECURITY_HEADERS if k not in present]
                message = {**message, "headers": [*message.get("headers", ()), *extra]}
            await send(message)

        await self.app(scope, receive, send_with_headers)


class HostCheck:
    """Answers only requests whose Host header names one of ``allowed`` (port ignored)."""

    def __init__(self, app: ASGIApp, allowed: Iterable[str]):
        self.app = app
        self.allowed = {h.lower().strip("[]") for h in allowed}

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] == "http":
            host = (_header(scope, b"host") or "").lower()
            name = host.rsplit(":", 1)[0] if not host.endswith("]") else host
            if name.strip("[]") not in self.allowed:
                await send_error(send, 400, "bad_host",
                                 "this server only answers requests addressed to "
                                 + ", ".join(sorted(self.allowed)))
                return
        await self.app(scope, receive, send)


class WriteGuard:
    """Writes must be JSON and, when ``token`` is set, carry it as a Bearer token."""

    def __init__(self, app: ASGIApp, token: str | None):
        self.app = app
        self.token = token.encode() if token else None

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http" or scope["method"] in SAFE_METHODS:
            await self.app(scope, receive, send)
            return
        if self.token is not None and not self._authorized(scope):
            await send_error(send, 401, "unauthorized",
                             "writes need 'Authorization: Bearer <token>' (the server's CLAIMGRAPH_TOKEN)",
                             headers=[(b"www-authenticate", b'Bearer realm="claimgraph"')])
            return
        content_type = (_header(scope, b"content-type") or "").split(";")[0].strip().lower()
        if content_type != "application/json" and not content_type.endswith("+json"):
            await send_error(send, 415, "unsupported_media_type",
                             "send the request body as JSON with 'Content-Type: application/json'")
            return
        await self.app(scope, receive, send)

    def _authorized(self, scope: Scope) -> bool:
        scheme, _, given = (_header(scope, b"authorization") or "").partition(" ")
        if scheme.lower() != "bearer":
            return False
        # compare_digest: the time taken does not tell how much of the token was right.
        return hmac.compare_digest(given.strip().encode("latin-1", "replace"), self.token or b"")


class BodyTooLarge(HTTPException):
    """Raised from ``receive`` once a body passes the limit; FastAPI re-raises HTTPExceptions
    met while reading a body, so it reaches the error handler as a 413."""

    def __init__(self, max_bytes: int):
        super().__init__(413, f"the request body is larger than {max_bytes:,} bytes")


class BodyLimit:
    """413 for bodies over ``max_bytes`` (by Content-Length, and by counting what is read)."""

    def __init__(self, app: ASGIApp, max_bytes: int = MAX_BODY_BYTES):
        self.app = app
        self.max_bytes = max_bytes

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        declared = _header(scope, b"content-length")
        if declared is not None:
            if not declared.strip().isdigit():
                await send_error(send, 400, "bad_request", "the Content-Length header is not a number")
                return
            if int(declared) > self.max_bytes:
                await send_error(send, 413, "payload_too_large",
                                 f"the request body is larger than {self.max_bytes:,} bytes")
                return
        received = 0

        async def limited_receive() -> Message:
            nonlocal received
            message = await receive()
            if message["type"] == "http.request":
                received += len(message.get("body", b""))
                if received > self.max_bytes:
                    raise BodyTooLarge(self.max_bytes)
            return message

        await self.app(scope, limited_receive, send)
