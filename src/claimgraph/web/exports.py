"""Exports and briefs over HTTP: each in a process of its own, at a lower CPU priority, so the
reads this server answers keep the interpreter; JSON exports stream, at most
``MAX_EXPORTS_RUNNING`` read at once and ``MAX_EXPORTS_QUEUED`` wait, others get 503.

The formats are the CLI's (``claimgraph.export.base.FORMATS``): one registry serves both.
"""

from __future__ import annotations

import asyncio
import json
import logging
import os
import sys
import threading
from collections.abc import AsyncIterator, Iterator
from contextlib import contextmanager

from fastapi.responses import Response, StreamingResponse

from claimgraph.errors import ConfigError
from claimgraph.export.base import FORMATS, get_exporter
from claimgraph.store import Store
from claimgraph.store.postgres import redacted
from claimgraph.web.errors import ApiError

log = logging.getLogger("claimgraph.web")

EXPORT_FORMATS = tuple(FORMATS)
# JSON exports reading at once, and in flight at most (running or waiting): an export is
# seconds of CPU on a big database, and every one shares the process with the readers.
MAX_EXPORTS_RUNNING = 2
MAX_EXPORTS_QUEUED = 8
EXPORT_RETRY_SECONDS = 10
EXPORT_CHUNK_BYTES = 256 * 1024
# Ingests, exports and briefs run in processes of lower CPU priority: on a busy machine the
# scheduler serves the reads first, and the long jobs take what is left.
BACKGROUND_NICENESS = 10


class ExportSlots:
    """JSON exports in flight: at most ``running`` read the database at once, the others wait
    without holding a worker thread, and beyond ``queued`` in all a request is refused (503).

    Each export runs in a process of its own with its own connection and snapshot; the
    server only relays its output, holding no lock and no worker thread between chunks, so a
    slow or vanished client stalls only its own export."""

    def __init__(self, running: int, queued: int):
        self._running = asyncio.Semaphore(running)
        self._queued = queued
        self._in_flight = 0
        self._count_lock = threading.Lock()

    def admit(self) -> bool:
        """Reserve a place, or False when ``queued`` exports are in flight."""
        with self._count_lock:
            if self._in_flight >= self._queued:
                return False
            self._in_flight += 1
            return True

    def release(self) -> None:
        with self._count_lock:
            self._in_flight -= 1

    def response(self, path: str, headers: dict[str, str]) -> StreamingResponse:
        """The export of an admitted request; its place is released however the response ends
        (finished, failed, or the client gone before the first chunk)."""
        slots = self

        class ExportResponse(StreamingResponse):
            async def __call__(self, scope, receive, send) -> None:
                try:
                    await super().__call__(scope, receive, send)
                finally:
                    slots.release()

        return ExportResponse(self._stream(path), media_type=get_exporter("json").media_type, headers=headers)

    async def _stream(self, path: str) -> AsyncIterator[bytes]:
        async with self._running:
            # A process of its own: seconds of JSON building would otherwise take the
            # interpreter lock from every read this server answers meanwhile.
            proc = await asyncio.create_subprocess_exec(
                sys.executable, "-c", EXPORT_PROCESS_CODE, stdin=asyncio.subprocess.DEVNULL,
                stdout=asyncio.subprocess.PIPE, env=_with_database(path))
            try:
                while chunk := await proc.stdout.read(EXPORT_CHUNK_BYTES):
                    yield chunk
                if await proc.wait() != 0:
                    log.error("the JSON export of %s stopped with exit status %s", redacted(path), proc.returncode)
            finally:
                if proc.returncode is None:  # the client left: stop the export
                    proc.kill()
                    await proc.wait()


# What the export process runs: one connection, one snapshot, the contract a record per line.
EXPORT_PROCESS_CODE = """
import os, sys
os.nice(BACKGROUND_NICENESS)
from claimgraph.export.base import get_exporter
from claimgraph.store import Store
from claimgraph.store.postgres import redacted
store = Store(os.environ["CLAIMGRAPH_EXPORT_DB"])
with store.snapshot():
    get_exporter("json").write(store, sys.stdout)
sys.stdout.flush()
store.close()
""".replace("BACKGROUND_NICENESS", str(BACKGROUND_NICENESS))


BRIEF_PROCESS_CODE = """
import json, os, sys
os.nice(BACKGROUND_NICENESS)
from claimgraph.export.brief import write_brief
from claimgraph.store import Store
from claimgraph.store.postgres import redacted
args = json.loads(sys.argv[1])
store = Store(os.environ["CLAIMGRAPH_EXPORT_DB"])
sys.stdout.write(write_brief(store, args["since"], args["entity"], min_confidence=args["min_confidence"]))
store.close()
""".replace("BACKGROUND_NICENESS", str(BACKGROUND_NICENESS))


async def brief_in_process(path: str, since: str | None, entity: str | None,
                           min_confidence: float | None) -> str:
    args = json.dumps({"since": since, "entity": entity, "min_confidence": min_confidence})
    proc = await asyncio.create_subprocess_exec(
        sys.executable, "-c", BRIEF_PROCESS_CODE, args, stdin=asyncio.subprocess.DEVNULL,
        stdout=asyncio.subprocess.PIPE, stderr=asyncio.subprocess.PIPE, env=_with_database(path))
    try:
        out, err = await proc.communicate()
    finally:
        if proc.returncode is None:  # the client left: stop the brief
            proc.kill()
            await proc.wait()
    if proc.returncode != 0:
        log.error("the brief of %s failed: %s", redacted(path), err.decode(errors="replace")[-2000:])
        raise ApiError(500, "internal_error", "the brief could not be written; the server log has the details")
    return out.decode("utf-8")


def _with_database(path: str) -> dict[str, str]:
    """The environment of an export process: the database travels there, not on its command
    line, where every user of the machine would read a PostgreSQL URL's password."""
    return {**os.environ, "CLAIMGRAPH_EXPORT_DB": path}


@contextmanager
def own_reader(reader: Store) -> Iterator[Store]:
    """A connection of its own for a read of seconds (a brief, a CSV or STIX export): on the
    shared reader it would hold every list and detail request behind it for as long."""
    if reader.path == ":memory:":
        yield reader
        return
    store = Store(reader.path)
    try:
        yield store
    finally:
        store.close()


def export_response(fmt: str, store: Store, headers: dict[str, str]) -> Response:
    """One whole export, rendered by the CLI's exporter for ``fmt``."""
    exporter = get_exporter(fmt)
    try:
        data = exporter.render(store)
    except ConfigError as exc:  # an optional package the format needs is not installed
        raise ApiError(501, "not_available", str(exc)) from None
    return Response(data, media_type=exporter.media_type, headers=headers)


def export_filename(fmt: str) -> str:
    return f"claimgraph.{get_exporter(fmt).extension}"
