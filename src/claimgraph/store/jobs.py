"""A queue of inputs that several ingest processes share through the database (issue 12).

``claimgraph jobs add`` queues files; every ``claimgraph jobs work`` process claims a few
at a time, ingests them and marks them done. On PostgreSQL a claim is ``SELECT ... FOR
UPDATE SKIP LOCKED`` in a transaction that locks only those rows: workers on any number
of machines claim side by side and never the same job. On SQLite the file's write lock
makes claims take turns, which gives the same guarantee on one machine. The ingest that
follows writes and links under the store's write lock, as any ingest does.

    >>> from claimgraph.store import Store
    >>> with Store(":memory:") as store:
    ...     store.enqueue_jobs(["a.txt", "b.txt", "a.txt"])
    ...     jobs = store.claim_jobs("w1", 1)
    ...     store.finish_jobs([job_id for job_id, _ in jobs])
    ...     [origin for _, origin in jobs], store.job_counts()
    2
    (['a.txt'], {'done': 1, 'queued': 1})
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence

from claimgraph.errors import StoreError
from claimgraph.model import content_hash
from claimgraph.store.postgres import DATABASE_ERRORS
from claimgraph.store.rows import IN_IDS, ids_param, utc_now

JOB_STATUSES = ("queued", "running", "done", "failed")
# A job failed this many times is left failed (its input breaks every worker that takes it).
MAX_ATTEMPTS = 3


class Jobs:
    """The ingest queue of ``Store`` (a mixin over ``Database``)."""

    def enqueue_jobs(self, origins: Iterable[str]) -> int:
        """Queue each origin (a file) once; returns how many were new. An origin queued
        before, whatever became of it, is not queued again."""
        now = utc_now()
        rows = {content_hash(origin): origin for origin in origins}
        try:
            with self.transaction() as conn:
                before = self._job_total(conn)
                conn.executemany(
                    "INSERT INTO ingest_jobs (id, origin, status, queued_at) VALUES (?, ?, 'queued', ?)"
                    " ON CONFLICT (id) DO NOTHING",
                    [(job_id, origin, now) for job_id, origin in sorted(rows.items(), key=lambda r: r[1])])
                return self._job_total(conn) - before
        except DATABASE_ERRORS as exc:
            raise StoreError(f"cannot queue jobs in {self.label!r}: {exc}") from exc

    @staticmethod
    def _job_total(conn) -> int:
        return conn.execute("SELECT COUNT(*) FROM ingest_jobs").fetchone()[0]

    def claim_jobs(self, worker: str, limit: int) -> list[tuple[str, str]]:
        """Up to ``limit`` queued jobs, oldest first, now 'running' for ``worker``: their
        (id, origin). Another worker claiming at the same moment gets other jobs."""
        try:
            with self.transaction(rows_only=True) as conn:
                rows = conn.execute(
                    "SELECT id, origin FROM ingest_jobs WHERE status = 'queued' ORDER BY queued_at, origin"
                    f" LIMIT ?{self.dialect.skip_locked}", (int(limit),)).fetchall()
                conn.execute(
                    "UPDATE ingest_jobs SET status = 'running', worker = ?, claimed_at = ?,"
                    f" attempts = attempts + 1 WHERE id {IN_IDS}",
                    (worker, utc_now(), ids_param(job_id for job_id, _ in rows)))
        except DATABASE_ERRORS as exc:
            raise StoreError(f"cannot claim jobs in {self.label!r}: {exc}") from exc
        return [(job_id, origin) for job_id, origin in rows]

    def finish_jobs(self, job_ids: Sequence[str], error: str | None = None) -> None:
        """Mark claimed jobs done, or, with ``error``, queued again (failed after
        ``MAX_ATTEMPTS`` tries)."""
        try:
            with self.transaction(rows_only=True) as conn:
                if error is None:
                    conn.execute(f"UPDATE ingest_jobs SET status = 'done', error = NULL WHERE id {IN_IDS}",
                                 (ids_param(job_ids),))
                else:
                    conn.execute(
                        "UPDATE ingest_jobs SET error = ?, status = CASE WHEN attempts >= ? THEN 'failed'"
                        f" ELSE 'queued' END WHERE id {IN_IDS}", (error, MAX_ATTEMPTS, ids_param(job_ids)))
        except DATABASE_ERRORS as exc:
            raise StoreError(f"cannot finish jobs in {self.label!r}: {exc}") from exc

    def requeue_jobs(self, claimed_before: str) -> int:
        """Queue again the jobs still 'running' that were claimed before ``claimed_before``
        (ISO 8601, UTC): their worker died. Returns how many."""
        try:
            with self.transaction(rows_only=True) as conn:
                stale = conn.execute("SELECT id FROM ingest_jobs WHERE status = 'running' AND claimed_at < ?"
                                     f"{self.dialect.skip_locked}", (claimed_before,)).fetchall()
                conn.execute(f"UPDATE ingest_jobs SET status = 'queued' WHERE id {IN_IDS}",
                             (ids_param(r[0] for r in stale),))
        except DATABASE_ERRORS as exc:
            raise StoreError(f"cannot requeue jobs in {self.label!r}: {exc}") from exc
        return len(stale)

    def job_counts(self) -> dict[str, int]:
        """Jobs per status (only the statuses some job has), statuses sorted."""
        return dict(self.query("SELECT status, COUNT(*) FROM ingest_jobs GROUP BY status ORDER BY status"))

    def failed_jobs(self) -> list[tuple[str, str]]:
        """(origin, error) of every job that failed for good, by origin."""
        return [tuple(r) for r in self.query(
            "SELECT origin, COALESCE(error, '') FROM ingest_jobs WHERE status = 'failed' ORDER BY origin")]
