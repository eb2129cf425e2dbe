"""PostgreSQL's changes, pushed: the generation of a server's reads without a round trip.

The HTTP server keeps read answers until the data changes (``web/cache.py``), so before
replaying one it must know whether anything was committed since. On SQLite that is a PRAGMA
of microseconds; on PostgreSQL it was a round trip per request (``pg_current_snapshot()``,
in a thread), and under 50 clients that wait was the reads' slowest 1 % (issue 12,
docs/RELIABILITY.md). Here the database says so instead: migration 13 makes every statement
that writes a table ``NOTIFY`` the channel ``CHANGE_CHANNEL`` (sent when its transaction
commits, whoever wrote), and ``ChangeListener`` holds one connection that ``LISTEN``\\s and
counts what it hears, so the generation is a number in memory.

What it guarantees: a notification arrives after its commit is visible, so an answer
computed after the count moved includes that commit. The count lags a commit by the
notification's trip (the writer's server process wakes the listener's, which sends it: well
under a millisecond on an idle machine); a read in that gap may be answered as of just
before the commit. Where a reader must see a write it knows of (the server answering the
client whose ingest just committed in its ingest process), ``sync`` closes the gap: it sends
a notification of its own and waits for it, and PostgreSQL delivers notifications in the
order their transactions committed, so every commit made before has been counted.

The gap is bounded: a round trip on the listening connection every ``HEARTBEAT_SECONDS``
proves that every commit made before it has been counted (the server sends pending
notifications before the answer), and the count is trusted for ``LEASE_SECONDS`` after the
last proof. A connection that died silently (a cable pulled, a server gone without closing
it) or a thread the machine did not run is therefore never trusted longer, and meanwhile
reads ask the database as before. A lost connection is opened again, as a new epoch of the
count (commits made while it was away were never heard).

    >>> listener = ChangeListener("postgresql://nobody@127.0.0.1:1/none", lease=0)
    >>> listener.known() is None  # not (yet) listening: ask the database instead
    True
    >>> listener.close()
"""

from __future__ import annotations

import itertools
import logging
import threading
import time
import urllib.parse
import uuid
from collections.abc import Callable
from typing import Any

from claimgraph.store.migrations import CHANGE_CHANNEL
from claimgraph.store.postgres import CONNECT_TIMEOUT_SECONDS, RECONNECT_PAUSES, PostgresError, redacted

log = logging.getLogger("claimgraph.store")

# A round trip on the listening connection this often proves it still delivers: every
# notification of a commit made before the round trip began has arrived when it returns.
HEARTBEAT_SECONDS = 0.5
# How long the count is trusted after the last proof: the longest a read can be answered as
# of before a commit whose notification is held up. Four heartbeats, so a listener thread
# a busy machine holds up for a moment is not dropped for the round trip at once.
LEASE_SECONDS = 2.0
# How long ``sync`` waits for its own notification (a round trip and the notification's
# trip: about a millisecond) before the caller falls back to assuming a change.
SYNC_SECONDS = 2.0
SYNC_PREFIX = "sync:"  # not a schema's name (an unquoted name has no colon)
# TCP keepalives for the idle listening connection (ignored on a Unix socket), so a connection
# to a server that vanished ends in seconds instead of the system's two hours.
KEEPALIVES = {"keepalives": 1, "keepalives_idle": 5, "keepalives_interval": 2, "keepalives_count": 3}
# The heartbeat's question: behind a pooler that lends each transaction another server session
# (PgBouncer's transaction mode) the LISTEN is lost, and the heartbeat lands elsewhere.
STILL_LISTENING = "SELECT %s IN (SELECT pg_listening_channels())"


class ChangeListener:
    """A thread with one autocommit connection that ``LISTEN``\\s on ``CHANGE_CHANNEL`` and
    counts the notifications of its schema (claimgraph databases may share one PostgreSQL
    database as schemas: each trigger names its own).

    :param url: the database, as the store opened it (its ``search_path`` names the schema).
    :param heartbeat: seconds between round trips that prove the connection alive.
    :param lease: seconds after the last proof that ``known()`` still answers.
    """

    def __init__(self, url: str, *, heartbeat: float = HEARTBEAT_SECONDS, lease: float = LEASE_SECONDS,
                 clock: Callable[[], float] = time.monotonic):
        self._url = url
        self._heartbeat = heartbeat
        self._lease = lease
        self._clock = clock
        self._epochs = itertools.count(1)
        # (the count as "epoch:count", when the connection was last proved alive); one
        # tuple, so the event loop reads a consistent pair while this thread replaces it
        self._heard: tuple[str, float] | None = None
        self._backend: int | None = None  # the listening server process (tests end it)
        self._synced = threading.Condition()
        self._awaited: dict[str, bool] = {}  # sync token -> heard yet
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._run, name="claimgraph-listen", daemon=True)
        self._thread.start()

    def known(self) -> str | None:
        """The count of changes heard, or None when it cannot be trusted now (not yet
        listening, the connection lost, or no proof within the lease)."""
        heard = self._heard
        if heard is None or self._clock() - heard[1] > self._lease:
            return None
        return heard[0]

    @property
    def backend_pid(self) -> int | None:
        """The PostgreSQL process of the listening connection, while there is one."""
        return self._backend

    def sync(self, send: Callable[[str, str], object], timeout: float = SYNC_SECONDS) -> bool:
        """Wait until every commit made before this call has been counted: ``send(channel,
        payload)`` notifies (on another connection) with a payload of its own, and its arrival
        means every notification committed before it has arrived too. False when it did not
        come within ``timeout`` (not listening, the connection lost): the caller must then
        treat the data as changed."""
        if self.known() is None:
            return False
        token = f"{SYNC_PREFIX}{uuid.uuid4().hex}"
        with self._synced:
            self._awaited[token] = False
        try:
            send(CHANGE_CHANNEL, token)
            with self._synced:
                heard = self._synced.wait_for(lambda: self._awaited[token], timeout=timeout)
        finally:
            with self._synced:
                del self._awaited[token]
        return heard and self.known() is not None

    def close(self) -> None:
        self._stop.set()
        self._thread.join(timeout=self._heartbeat + CONNECT_TIMEOUT_SECONDS)

    def _run(self) -> None:
        pause = 0
        while not self._stop.is_set():
            try:
                self._listen(self._connect())
            except Exception as exc:  # psycopg's errors, and anything else: never end silently
                if self._heard is not None:
                    log.warning("stopped hearing changes from %s (%s); reads ask the database until "
                                "it answers again", redacted(self._url), str(exc).strip())
                # at once after a loss, then slower while the server stays away
                pause = 0 if self._heard is not None else min(pause + 1, len(RECONNECT_PAUSES) - 1)
            self._heard, self._backend = None, None
            self._stop.wait(RECONNECT_PAUSES[pause])

    def _connect(self) -> Any:
        import psycopg

        given = urllib.parse.parse_qs(urllib.parse.urlsplit(self._url).query)
        settings = {k: v for k, v in {**KEEPALIVES, "connect_timeout": CONNECT_TIMEOUT_SECONDS}.items()
                    if k not in given}
        return psycopg.connect(self._url, autocommit=True, **settings)

    def _listen(self, conn: Any) -> None:
        """Count what ``conn`` hears until stopped; a lost connection raises."""
        with conn:
            schema = conn.execute("SELECT current_schema()").fetchone()[0]
            conn.execute(f"LISTEN {CHANGE_CHANNEL}")
            # A new epoch: commits made before LISTEN were never heard, so no count of an
            # earlier connection (nor a round trip's snapshot) names what follows.
            epoch, count = next(self._epochs), 0
            self._backend = conn.info.backend_pid
            self._heard = (f"{epoch}:{count}", self._clock())
            while not self._stop.is_set():
                count = self._count(conn, schema, epoch, count, timeout=self._heartbeat)
                proved = self._clock()
                # the server sends what it has for us before the answer
                if not conn.execute(STILL_LISTENING, [CHANGE_CHANNEL]).fetchone()[0]:
                    raise PostgresError(f"the session no longer listens on {CHANGE_CHANNEL}")
                count = self._count(conn, schema, epoch, count, timeout=0)
                self._heard = (f"{epoch}:{count}", proved)

    def _count(self, conn: Any, schema: str, epoch: int, count: int, timeout: float) -> int:
        """``count`` plus the notifications of ``schema`` that arrive within ``timeout``
        (first those received during a round trip), each made known as it comes."""
        for note in conn.notifies(timeout=timeout):
            if note.payload == schema:
                count += 1
                self._heard = (f"{epoch}:{count}", self._heard[1])
            elif note.payload.startswith(SYNC_PREFIX):  # every listener hears every sync
                with self._synced:
                    if note.payload in self._awaited:
                        self._awaited[note.payload] = True
                        self._synced.notify_all()
        return count
