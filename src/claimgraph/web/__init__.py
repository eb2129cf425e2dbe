"""The HTTP API and its server: ``create_app(db)`` (FastAPI) and ``serve(db, host, port, token)``.

    from claimgraph.web import serve
    serve("news.db")                      # http://127.0.0.1:8000/docs

Importing this package imports FastAPI; the rest of claimgraph never does.
"""

from claimgraph.web.app import ApiError, create_app, serve
from claimgraph.web.security import check_bind, is_loopback

__all__ = ["ApiError", "check_bind", "create_app", "is_loopback", "serve"]
