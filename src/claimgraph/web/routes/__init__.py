"""One router per resource; ``ROUTERS`` is what ``create_app`` includes, in this order."""

from claimgraph.web.routes import claims, contradictions, documents, entities, events, export, live, meta

ROUTERS = [meta.router, documents.router, claims.router, events.router, entities.router,
           contradictions.router, export.router, live.router]

__all__ = ["ROUTERS"]
