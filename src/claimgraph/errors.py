"""The exception tree. Only cli.py and web/ turn these into exit codes and HTTP answers,
each from the class's own ``exit_code`` and ``http_status``::

    ClaimgraphError              exit 1  HTTP 500  base: an error raised on purpose
    ├── RejectedInput            exit 1  HTTP 422  an input that cannot become a document (stored as a reject)
    ├── ConfigError              exit 3  HTTP 501  a bad setting, a model or package that is not installed
    │   └── DataFileError        exit 3  HTTP 501  a shipped data file missing or malformed (claimgraph.datafiles)
    ├── StoreError               exit 4  HTTP 503  the database cannot be opened, read, written or migrated
    ├── SearchSyntaxError        exit 2  HTTP 400  a full-text query the search syntax cannot parse
    ├── AmbiguousId              exit 2  HTTP 400  a shortened id that begins several ids
    ├── FeedError                exit 2  HTTP 422  a feed URL that cannot be subscribed to (ingest.feeds)
    ├── AddressBlocked           exit 1  HTTP 403  a fetch the network policy refuses (ingest.fetch)
    └── TooManySubscribers       exit 1  HTTP 503  every live-stream slot is taken (web.live)

Outside the tree, on purpose: ``web.errors.ApiError`` is the API's answer itself (status, code,
message) and ``web.security.BodyTooLarge`` is Starlette's 413; neither leaves the web layer.
``store.postgres.PostgresError`` stands where ``sqlite3.Error`` stands: the store turns both
into a ``StoreError``. A locked or unreadable database is a ``StoreError`` (503: try again), never a
``SearchSyntaxError`` (400: change the query).
"""


class ClaimgraphError(Exception):
    """Base of every error claimgraph raises on purpose."""

    exit_code = 1
    http_status = 500


class RejectedInput(ClaimgraphError):
    """An input that cannot become a document; ``reason`` is a short stable code."""

    http_status = 422

    def __init__(self, reason: str, detail: str = ""):
        super().__init__(f"{reason}: {detail}" if detail else reason)
        self.reason = reason
        self.detail = detail


class ConfigError(ClaimgraphError):
    """A setting is wrong or something it names is missing."""

    exit_code = 3
    http_status = 501


class DataFileError(ConfigError):
    """A shipped data file (ontology, gazetteer, lexicon) that is missing or malformed; the
    message names the file and the line. The installation is broken, not the input."""


class StoreError(ClaimgraphError):
    """The database cannot be opened, read or migrated."""

    exit_code = 4
    http_status = 503


class SearchSyntaxError(ClaimgraphError):
    """A full-text query that the search syntax (SQLite FTS5) cannot parse: the caller's to fix."""

    exit_code = 2
    http_status = 400


class AmbiguousId(ClaimgraphError):
    """A shortened id that begins more than one id: the caller must give more of it."""

    exit_code = 2
    http_status = 400
