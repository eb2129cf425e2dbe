"""The SQLite store: one file, WAL mode, every SQL statement of the project.

``Store`` is the one read and write layer; its parts live one concern to a module:

* ``base.py``: the connection, migrations, transactions and ``query``;
* ``writes.py``: an ingest's batch, in ONE transaction (a kill loses at most the batch
  in flight; writes are idempotent);
* ``links.py``: what the linker writes (events, contradictions, signatures);
* ``reads.py``: documents, claims and entities; ``graph.py``: events and contradictions;
* ``pages.py`` and ``filters.py``: one page of what matches a filter (the HTTP API);
* ``jobs.py``: the queue of inputs several ingest processes share;
* ``rows.py``: the column lists and the one mapper per table.

    >>> with Store(":memory:") as store:
    ...     store.counts()["documents"]
    0
"""

from __future__ import annotations

from claimgraph.store.base import Database
from claimgraph.store.graph import Graph
from claimgraph.store.jobs import Jobs
from claimgraph.store.links import Links, SignatureRow
from claimgraph.store.reads import COUNTED_TABLES, Reads
from claimgraph.store.rows import IN_CHUNK, contradiction_from_row, utc_now
from claimgraph.store.writes import INPUT_STATUSES, InputRow, Writes, merge_entities, reject_id

__all__ = ["COUNTED_TABLES", "IN_CHUNK", "INPUT_STATUSES", "InputRow", "SignatureRow", "Store",
           "contradiction_from_row", "merge_entities", "reject_id", "utc_now"]


class Store(Writes, Links, Reads, Graph, Jobs, Database):
    """A claimgraph database.

    :param path: SQLite file (created if missing), ``":memory:"``, or a PostgreSQL URL
        (``postgresql://user:password@host:5432/database``).
    :param pool_size: on PostgreSQL, a pool of up to this many connections for reads.

    >>> from claimgraph.model import Document
    >>> store = Store(":memory:")
    >>> store.write_batch([Document(id="d1", text="Some text.")], [], [], [], [("h1", "a.txt", "ingested", "d1")])
    >>> store.has_input("h1"), store.document("d1").text
    (True, 'Some text.')
    >>> store.close()
    """
