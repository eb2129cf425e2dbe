"""The exception tree. Only cli.py (and later web/) map these to exit codes.

    ClaimgraphError
    ├── RejectedInput      an input item that cannot become a document (stored as a reject)
    ├── ConfigError        a bad setting, a model that is not installed
    └── StoreError         the database cannot be opened or migrated
"""


class ClaimgraphError(Exception):
    """Base of every error claimgraph raises on purpose."""


class RejectedInput(ClaimgraphError):
    """An input that cannot become a document; ``reason`` is a short stable code."""

    def __init__(self, reason: str, detail: str = ""):
        super().__init__(f"{reason}: {detail}" if detail else reason)
        self.reason = reason
        self.detail = detail


class ConfigError(ClaimgraphError):
    """A setting is wrong or something it names is missing."""


class StoreError(ClaimgraphError):
    """The database cannot be opened, read or migrated."""
