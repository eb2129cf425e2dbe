"""Answers to the API's reads, kept until the database changes (issue 12: 50 clients reading
while an ingest runs).

A dashboard asks the same few URLs over and over (stats, the first page of each list), and
the database changes only when an ingest commits, every second or two at most. Each such
answer costs 2-25 ms of Python (rows to objects to JSON) under the one interpreter lock, so
50 clients queued behind each other for CPU. ``ReadCache`` keeps each answer under the
database's generation (``Store.generation``: SQLite's ``data_version``, PostgreSQL's count
of the changes it was notified of) and replays it, byte for byte, until the generation
moves; the first request after a commit computes it again, and requests for the same URL
that arrive meanwhile wait for that one answer instead of computing it side by side.

Only lists, items and stats are kept (their answer is a function of the URL and the data);
health (the pipeline's state), exports, briefs, the live stream and writes pass through.
"""

from __future__ import annotations

import asyncio
from collections import OrderedDict
from collections.abc import Callable, Hashable
from dataclasses import dataclass

import anyio
from starlette.types import ASGIApp, Message, Receive, Scope, Send

CACHED_PATHS = ("/api/stats", "/api/documents", "/api/claims", "/api/events", "/api/entities",
                "/api/contradictions", "/api/places", "/api/rejects")
# A page of 500 claims is about 0.5 MB; the whole cache stays a small part of the server's memory.
MAX_CACHED_BYTES = 64 * 1024 * 1024
MAX_ANSWER_BYTES = 4 * 1024 * 1024


@dataclass(frozen=True, slots=True)
class Answer:
    status: int
    headers: tuple[tuple[bytes, bytes], ...]
    body: bytes

    async def replay(self, send: Send) -> None:
        await send({"type": "http.response.start", "status": self.status, "headers": list(self.headers)})
        await send({"type": "http.response.body", "body": self.body})


def is_cached(scope: Scope) -> bool:
    if scope["type"] != "http" or scope["method"] != "GET":
        return False
    return any(scope["path"] == p or scope["path"].startswith(p + "/") for p in CACHED_PATHS)


class ReadCache:
    """ASGI middleware: GET answers of ``CACHED_PATHS`` kept per ``generation()``.

    :param generation: returns a value that changes whenever the data may have (called in a
        thread of its own, one call at a time: it may wait for the database, and a full pool
        of slow routes must not hold up the answers the cache has).
    :param known_generation: the same value when it is known without waiting (SQLite's
        PRAGMA of microseconds, PostgreSQL's count of notified changes), else None: asked on
        the event loop for each request, so a kept answer needs no other thread. On a busy
        machine each hand-over to a thread and back waited for the scheduler, and that wait,
        not the work, was the tail of the reads' latency. When it says None, ``generation``
        is asked in its thread.
    """

    def __init__(self, app: ASGIApp, generation: Callable[[], Hashable], max_bytes: int = MAX_CACHED_BYTES,
                 known_generation: Callable[[], Hashable | None] | None = None):
        self.app = app
        self.generation = generation
        self.known_generation = known_generation
        self.max_bytes = max_bytes
        self._limiter = anyio.CapacityLimiter(1)
        self._queued: asyncio.Future[Hashable] | None = None  # the read that starts after the running one
        self._reading = False
        self._read_task: asyncio.Future[None] | None = None  # kept: the loop holds tasks weakly
        self._current: Hashable = None
        self._answers: OrderedDict[tuple, Answer] = OrderedDict()  # least recently used first
        self._bytes = 0
        self._computing: dict[tuple, asyncio.Future[Answer | None]] = {}

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if not is_cached(scope):
            await self.app(scope, receive, send)
            return
        try:
            generation = self.known_generation() if self.known_generation is not None else None
            if generation is None:
                generation = await self._fresh_generation()
        except Exception:  # the database cannot say: answer without the cache (the route reports it)
            await self.app(scope, receive, send)
            return
        if generation != self._current:
            self._forget_all(generation)
        url = (scope["path"], scope.get("query_string", b""))
        answer = self._answers.get(url)
        if answer is None and (generation, url) in self._computing:
            answer = await asyncio.shield(self._computing[generation, url])
        if answer is not None:
            if url in self._answers:
                self._answers.move_to_end(url)
            await answer.replay(send)
            return
        await self._compute(scope, receive, send, generation, url)

    async def _fresh_generation(self) -> Hashable:
        """The generation as read after this call began. Callers that arrive while a read is
        under way share the next one: one database round trip per round, however many
        requests (on PostgreSQL under load a round trip is tens of ms, and one per request
        queued every read behind them)."""
        future = self._queued
        if future is None:
            future = self._queued = asyncio.get_running_loop().create_future()
            if not self._reading:
                self._start_read()
        return await asyncio.shield(future)

    def _start_read(self) -> None:
        future, self._queued = self._queued, None
        self._reading = True
        self._read_task = asyncio.ensure_future(self._read_into(future))

    async def _read_into(self, future: asyncio.Future[Hashable]) -> None:
        try:
            future.set_result(await anyio.to_thread.run_sync(self.generation, limiter=self._limiter))
        except Exception as exc:
            future.set_exception(exc)
            future.exception()  # retrieved here too: no warning when no caller is left
        finally:
            self._reading = False
            if self._queued is not None:
                self._start_read()

    async def _compute(self, scope: Scope, receive: Receive, send: Send, generation: Hashable, url: tuple) -> None:
        """Answer through the app, and keep the answer if it is complete, 200 and still current."""
        pending: asyncio.Future[Answer | None] = asyncio.get_running_loop().create_future()
        self._computing.setdefault((generation, url), pending)
        answer: Answer | None = None
        try:
            answer = await self._recorded(scope, receive, send)
        finally:
            if self._computing.get((generation, url)) is pending:
                del self._computing[generation, url]
            pending.set_result(answer)  # waiters given None answer through the app themselves
        if answer is not None and generation == self._current:
            self._keep(url, answer)

    async def _recorded(self, scope: Scope, receive: Receive, send: Send) -> Answer | None:
        start: Message = {}
        chunks: list[bytes] = []
        complete = False

        async def recording_send(message: Message) -> None:
            nonlocal start, complete
            if message["type"] == "http.response.start":
                start = message
            elif message["type"] == "http.response.body":
                chunks.append(message.get("body", b""))
                complete = not message.get("more_body", False)
            await send(message)

        await self.app(scope, receive, recording_send)
        if not complete or start.get("status") != 200:
            return None
        return Answer(200, tuple(start.get("headers", ())), b"".join(chunks))

    def _keep(self, url: tuple, answer: Answer) -> None:
        if len(answer.body) > MAX_ANSWER_BYTES:
            return
        if url in self._answers:
            self._bytes -= len(self._answers.pop(url).body)
        self._answers[url] = answer
        self._bytes += len(answer.body)
        while self._bytes > self.max_bytes:
            _, old = self._answers.popitem(last=False)
            self._bytes -= len(old.body)

    def _forget_all(self, generation: Hashable) -> None:
        self._current = generation
        self._answers.clear()
        self._bytes = 0
