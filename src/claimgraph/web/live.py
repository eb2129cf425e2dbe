"""Live updates as Server-Sent Events: one asyncio broadcaster, one queue per browser.

After each ingest the API publishes ``document``, ``claim``, ``event`` and
``contradiction`` messages; every open ``/api/stream`` receives them as

    id: 7
    event: claim
    data: {"id": "cl-…", "type": "ATTACK", …}

A comment line goes out every ``heartbeat`` seconds, so proxies keep the
connection and the browser notices a dead one. Messages are numbered; the last
``history`` are kept, so a browser that reconnects with ``Last-Event-ID`` (which
EventSource does by itself) gets what it missed. A browser that falls
``queue_size`` messages behind is disconnected rather than buffered without end;
it reconnects and catches up from the history.

Everything here runs on the event loop thread (``publish`` too: the API calls it
after the ingest thread has finished).

    >>> import asyncio
    >>> async def demo():
    ...     hub = Broadcaster(heartbeat=60)
    ...     stream = hub.stream()
    ...     await stream.__anext__()                   # the "connected" comment
    ...     hub.publish("claim", {"id": "cl-1"})
    ...     return await stream.__anext__()
    >>> asyncio.run(demo())
    'id: 1\\nevent: claim\\ndata: {"id": "cl-1"}\\n\\n'
"""

from __future__ import annotations

import asyncio
import json
from collections import deque
from collections.abc import AsyncIterator
from dataclasses import dataclass
from typing import Any

from claimgraph.errors import ClaimgraphError

# 15 s: below the 30-60 s idle timeouts of common reverse proxies (issue 5 asks for 15).
HEARTBEAT_SECONDS = 15.0
# EventSource waits this long before reconnecting (the SSE "retry" field, ms).
RETRY_MS = 3000
HISTORY = 512
QUEUE_SIZE = 2000
MAX_SUBSCRIBERS = 100


@dataclass(frozen=True, slots=True)
class Message:
    id: int
    kind: str
    data: dict[str, Any]

    def sse(self) -> str:
        """The message in the text/event-stream format (JSON escapes newlines: one data line)."""
        return f"id: {self.id}\nevent: {self.kind}\ndata: {json.dumps(self.data, ensure_ascii=False)}\n\n"


class TooManySubscribers(ClaimgraphError):
    """More than ``max_subscribers`` streams are open."""

    http_status = 503


class Broadcaster:
    """Fan-out of published messages to every subscribed stream.

    :param heartbeat: seconds between keep-alive comments on an idle stream.
    :param history: messages kept for ``Last-Event-ID`` replay.
    :param queue_size: messages a slow stream may lag before it is dropped.
    """

    def __init__(self, heartbeat: float = HEARTBEAT_SECONDS, history: int = HISTORY,
                 queue_size: int = QUEUE_SIZE, max_subscribers: int = MAX_SUBSCRIBERS):
        self.heartbeat = heartbeat
        self.queue_size = queue_size
        self.max_subscribers = max_subscribers
        self._history: deque[Message] = deque(maxlen=history)
        self._queues: set[asyncio.Queue[Message | None]] = set()
        self._last_id = 0
        self._closed = False

    @property
    def subscribers(self) -> int:
        return len(self._queues)

    def check_capacity(self) -> None:
        if len(self._queues) >= self.max_subscribers:
            raise TooManySubscribers(f"{len(self._queues)} live streams are open (the limit)")

    def publish(self, kind: str, data: dict[str, Any]) -> Message:
        """Number ``data`` and queue it for every stream; a stream that is full is dropped."""
        self._last_id += 1
        message = Message(self._last_id, kind, data)
        self._history.append(message)
        for queue in list(self._queues):
            try:
                queue.put_nowait(message)
            except asyncio.QueueFull:
                self._drop(queue)
        return message

    def _drop(self, queue: asyncio.Queue[Message | None]) -> None:
        while not queue.empty():
            queue.get_nowait()
        queue.put_nowait(None)  # the stream ends; EventSource reconnects and replays history
        self._queues.discard(queue)

    def close(self) -> None:
        """End every stream (server shutdown)."""
        self._closed = True
        for queue in list(self._queues):
            self._drop(queue)

    def missed(self, last_id: int | None) -> list[Message]:
        """Messages after ``last_id`` still in the history (none if ``last_id`` is None)."""
        if last_id is None:
            return []
        return [m for m in self._history if m.id > last_id]

    async def stream(self, last_id: int | None = None) -> AsyncIterator[str]:
        """The text/event-stream of one browser: a comment once subscribed, then messages.

        Subscribing happens when the stream starts, and the first comment is sent
        after it: a client that has read it will see everything published later.
        """
        queue: asyncio.Queue[Message | None] = asyncio.Queue(maxsize=self.queue_size)
        if self._closed:
            return
        self._queues.add(queue)
        try:
            yield f"retry: {RETRY_MS}\n: connected\n\n"
            for message in self.missed(last_id):
                yield message.sse()
            while True:
                try:
                    message = await asyncio.wait_for(queue.get(), timeout=self.heartbeat)
                except TimeoutError:
                    yield ": heartbeat\n\n"
                    continue
                if message is None:
                    return
                yield message.sse()
        finally:
            self._queues.discard(queue)


def parse_last_event_id(value: str | None) -> int | None:
    """The ``Last-Event-ID`` header as a message number (None if absent or not a number).

    >>> parse_last_event_id("12"), parse_last_event_id("x"), parse_last_event_id(None)
    (12, None, None)
    """
    if value is None or not value.strip().isdigit():
        return None
    return int(value.strip())
