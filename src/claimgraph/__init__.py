"""claimgraph: from news articles to a sourced, cross-checked claim graph.

The Python API (the CLI is a thin layer over it)::

    import claimgraph
    with claimgraph.open("news.db") as cg:
        cg.ingest(["articles/"])
        print(cg.export()["events"])

The API is imported lazily so that ``import claimgraph.store`` does not load spaCy.
"""

from .errors import ClaimgraphError, ConfigError, RejectedInput, StoreError
from .model import Claim, Contradiction, Document, Entity, Event, Quantity, TimeSpan

__all__ = sorted([
    "Claim", "Claimgraph", "ClaimgraphError", "ConfigError", "Contradiction", "Document",
    "Entity", "Event", "Quantity", "RejectedInput", "StoreError", "TimeSpan", "demo_corpus", "geoparse", "open",
])
__version__ = "0.1.0"
_API = {"Claimgraph", "demo_corpus", "geoparse", "open"}


def __getattr__(name: str):
    if name in _API:
        from . import api

        return getattr(api, name)
    raise AttributeError(f"module 'claimgraph' has no attribute {name!r}")
