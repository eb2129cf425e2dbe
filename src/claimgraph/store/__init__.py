"""The SQLite store (all SQL of the project lives in this package)."""

from claimgraph.store.db import Store, merge_entities
from claimgraph.store.migrations import LATEST_VERSION, MIGRATIONS, Migration

__all__ = ["LATEST_VERSION", "MIGRATIONS", "Migration", "Store", "merge_entities"]
