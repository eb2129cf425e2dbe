"""claimgraph: from news articles to a sourced, cross-checked claim graph.

The Python API (the CLI is a thin layer over it)::

    import claimgraph
    with claimgraph.open("news.db") as cg:
        cg.ingest(["articles/"])
        print(cg.export()["events"])
"""

from .api import Claimgraph, demo_corpus, open
from .errors import ClaimgraphError, ConfigError, RejectedInput, StoreError
from .model import Claim, Contradiction, Document, Entity, Event, Quantity, TimeSpan

__all__ = sorted([
    "Claim", "Claimgraph", "ClaimgraphError", "ConfigError", "Contradiction", "Document",
    "Entity", "Event", "Quantity", "RejectedInput", "StoreError", "TimeSpan", "demo_corpus", "open",
])
__version__ = "0.1.0"
