"""The HTTP API (FastAPI): JSON lists with paging and filters, one item with its
evidence, exports, ingest, and live updates as Server-Sent Events.

    from claimgraph.web import create_app, serve
    app = create_app("news.db")          # an ASGI app, e.g. for TestClient or uvicorn
    serve("news.db", port=8000)          # what `claimgraph serve` runs

Endpoints (OpenAPI at /docs and /openapi.json): ``GET /api/health``, ``/api/stats``,
``/api/documents[/{id}]``, ``/api/claims[/{id}]``, ``/api/events[/{id}]``,
``/api/entities[/{id}]``, ``/api/contradictions``, ``/api/rejects``,
``/api/export?format=``, ``/api/brief``, ``/api/stream``; ``POST /api/ingest``. One
router per resource (``web/routes/``); the shared state in ``state.py``, the one error
shape in ``errors.py``, the response models in ``models.py``.

Reads go through their own SQLite connection (WAL lets them run beside a write), and their
answers are kept until the database changes (``cache.py``); ingests run one at a time in a
worker process and then publish what they added.
"""

from __future__ import annotations

import errno
import gc
import os
import socket
import threading
from collections.abc import AsyncIterator, Callable
from contextlib import asynccontextmanager
from typing import Any

from fastapi import FastAPI

import claimgraph
from claimgraph.errors import ConfigError
from claimgraph.settings import Settings
from claimgraph.web.cache import ReadCache
from claimgraph.web.errors import ApiError, add_error_handlers
from claimgraph.web.site import add_pages
from claimgraph.web.routes import ROUTERS
from claimgraph.web.security import (
    LOOPBACK_NAMES,
    MAX_BODY_BYTES,
    BodyLimit,
    HostCheck,
    SecurityHeaders,
    WriteGuard,
    check_bind,
    is_loopback,
)
from claimgraph.web.state import ApiState

__all__ = ["ApiError", "create_app", "serve"]


def create_app(db_path: str, *, settings: Settings | None = None, token: str | None = None,
               require_token: bool = False, allow_private_fetch: bool = False,
               allowed_hosts: list[str] | None = None, max_body_bytes: int = MAX_BODY_BYTES,
               pipeline: Any = None, ingest_process: bool = False) -> FastAPI:
    """The claimgraph HTTP API over the database at ``db_path``.

    :param token: when set, every write needs ``Authorization: Bearer <token>``.
    :param require_token: refuse to build the app without a token (the CLI sets it
        when listening beyond loopback).
    :param allow_private_fetch: let ``POST /api/ingest {"url": ...}`` fetch private and
        loopback addresses (off: a URL cannot make the server probe its own network).
    :param allowed_hosts: answer only requests whose Host header is one of these
        (``serve`` passes the loopback names when it listens on loopback).
    :param max_body_bytes: larger request bodies get 413.
    :param pipeline: an already loaded ``claimgraph.pipeline.Pipeline`` to share (tests).
    :param ingest_process: run ingests in a process of their own (``serve`` does), so reads
        keep answering while an article is analysed.

    >>> from fastapi.testclient import TestClient
    >>> app = create_app(":memory:")
    >>> TestClient(app).get("/api/health").json()["status"]
    'ok'
    """
    if require_token and not token:
        raise ConfigError("this server needs a write token; set CLAIMGRAPH_TOKEN")
    state = ApiState(db_path, settings, token, allow_private_fetch, pipeline, ingest_process)

    @asynccontextmanager
    async def lifespan(_app: FastAPI) -> AsyncIterator[None]:
        yield
        state.close()

    app = FastAPI(
        title="claimgraph", version=claimgraph.__version__, docs_url=None, redoc_url=None, lifespan=lifespan,
        description="Sourced claims from news articles: who did what to whom, where, when, with what, "
                    "and according to whom. Writes need `Authorization: Bearer <token>` when the server "
                    "has a token. Errors: `{\"error\": {\"code\", \"message\"}}`.",
    )
    app.state.claimgraph = state
    add_error_handlers(app)
    for router in ROUTERS:
        app.include_router(router)
    add_pages(app)
    # Added innermost first: a request meets SecurityHeaders, HostCheck, WriteGuard, BodyLimit,
    # then the cache of read answers (so a replayed answer passed every check a fresh one does).
    app.add_middleware(ReadCache, generation=state.reader.generation,
                       known_generation=state.reader.known_generation)
    app.add_middleware(BodyLimit, max_bytes=max_body_bytes)
    app.add_middleware(WriteGuard, token=token)
    if allowed_hosts:
        app.add_middleware(HostCheck, allowed=allowed_hosts)
    app.add_middleware(SecurityHeaders)
    return app


def serve(db: str, host: str = "127.0.0.1", port: int = 8000, token: str | None = None, *,
          settings: Settings | None = None, log_level: str = "info", allow_private_fetch: bool = False,
          on_listening: Callable[[str], None] | None = None) -> None:
    """Run the API with uvicorn until interrupted (``claimgraph serve``).

    Listens on loopback by default; anywhere else it needs a token (``token`` or
    $CLAIMGRAPH_TOKEN) and refuses to start without one. The port is bound before
    anything else starts, so a busy port is one clear error and ``on_listening`` (the
    CLI's banner) is called with the server's address only once the port is its own.
    The spaCy pipeline loads in the background meanwhile, so the first ingest does not
    wait for it.

    :param port: 0 picks a free port (``on_listening`` says which).
    :param settings: e.g. another spaCy model (``db`` wins over ``settings.db``).
    :raises ConfigError: beyond loopback without a token, or the port is taken.
    """
    import uvicorn

    token = token or os.environ.get("CLAIMGRAPH_TOKEN") or None
    check_bind(host, token)
    sock = bind(host, port)
    try:
        loopback = is_loopback(host)
        app = create_app(db, settings=settings, token=token, require_token=not loopback,
                         allow_private_fetch=allow_private_fetch,
                         allowed_hosts=list(LOOPBACK_NAMES) if loopback else None, ingest_process=True)
        settle_heap()
        threading.Thread(target=app.state.claimgraph.warm_up, name="claimgraph-warm-up", daemon=True).start()
        # Open SSE streams never finish by themselves: give them 3 s at shutdown, then close.
        server = uvicorn.Server(uvicorn.Config(app, host=host, port=sock.getsockname()[1], log_level=log_level,
                                               server_header=False,
                                               timeout_graceful_shutdown=3, proxy_headers=False))
        if on_listening is not None:
            on_listening(address(host, sock.getsockname()[1]))
        server.run(sockets=[sock])
    finally:
        sock.close()


def settle_heap() -> None:
    """Freeze what start-up built (FastAPI's routes and models, pydantic's validators, the
    lexicons: about 120,000 objects) out of the collector's sight. Left in, every full
    collection walked them all while the event loop stood still: 7 in a minute of 50
    clients and an ingest, 115-235 ms each, most of the loop's stalls and of the reads'
    slowest 1 % (docs/RELIABILITY.md)."""
    gc.collect()
    gc.freeze()


def bind(host: str, port: int) -> socket.socket:
    """A listening socket on (host, port), or a ConfigError that says what to do instead.

    >>> sock = bind("127.0.0.1", 0)
    >>> sock.proto == socket.IPPROTO_TCP  # what asyncio needs to set TCP_NODELAY on each connection
    True
    >>> try:
    ...     bind("127.0.0.1", sock.getsockname()[1])
    ... except ConfigError as exc:
    ...     "already in use" in str(exc)
    True
    >>> sock.close()
    """
    family = socket.AF_INET6 if ":" in host else socket.AF_INET
    # proto=IPPROTO_TCP, not create_server's 0: asyncio sets TCP_NODELAY only on sockets that
    # say they are TCP, and without it every small answer waited ~40 ms for a delayed ACK.
    sock = socket.socket(family, socket.SOCK_STREAM, socket.IPPROTO_TCP)
    try:
        sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        sock.bind((host, port))
        sock.listen(2048)
        return sock
    except OSError as exc:
        sock.close()
        if exc.errno == errno.EADDRINUSE:
            raise ConfigError(f"port {port} on {host} is already in use (another claimgraph serve?); "
                              "stop it, or choose another port with --port") from None
        raise ConfigError(f"cannot listen on {host}:{port}: {exc.strerror or exc}") from None


def address(host: str, port: int) -> str:
    """The URL a browser opens for a server on (host, port)."""
    return f"http://[{host}]:{port}/" if ":" in host else f"http://{host}:{port}/"
