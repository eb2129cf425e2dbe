"""Every error of the HTTP API has one shape, ``{"error": {"code", "message", ...}}``, and the
OpenAPI description documents exactly that shape (``ErrorResponse``) for every 4xx and 5xx.

4xx for bad parameters (never a 500), 404 for unknown ids, 413 for bodies over the limit,
503 when the database cannot answer.

    >>> ErrorResponse.model_validate({"error": {"code": "not_found", "message": "no claim"}}).error.code
    'not_found'
"""

from __future__ import annotations

import logging
from typing import Any

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse
from pydantic import BaseModel, ConfigDict, Field
from starlette.exceptions import HTTPException as StarletteHTTPException

from claimgraph.errors import ClaimgraphError, StoreError

log = logging.getLogger("claimgraph.web")

STATUS_CODES = {400: "bad_request", 401: "unauthorized", 403: "forbidden", 404: "not_found",
                405: "method_not_allowed", 413: "payload_too_large", 415: "unsupported_media_type",
                422: "invalid_parameter", 429: "too_many_requests", 501: "not_implemented",
                503: "unavailable"}


class ErrorPlace(BaseModel):
    """One invalid parameter: where it is, and what is wrong with it."""

    model_config = ConfigDict(extra="forbid")
    where: str = Field(description="e.g. 'query parameter limit' or 'body'")
    message: str


class ErrorDetail(BaseModel):
    model_config = ConfigDict(extra="forbid")
    code: str = Field(description="A stable machine-readable code, e.g. not_found, invalid_parameter, rejected.")
    message: str = Field(description="What went wrong, for a person.")
    details: list[ErrorPlace] | None = Field(None, description="invalid_parameter: each invalid parameter.")
    reason: str | None = Field(None, description="rejected: why the article was refused (e.g. too-short).")


class ErrorResponse(BaseModel):
    """The body of every error response."""

    model_config = ConfigDict(extra="forbid")
    error: ErrorDetail


# Documented on every route: the range codes cover each status an error may have.
ERROR_RESPONSES: dict[int | str, dict[str, Any]] = {
    "4XX": {"model": ErrorResponse, "description": "Bad parameters (422), unknown id (404), a search that "
                                                   "is not valid (400), a missing token (401), a body over "
                                                   "the limit (413)."},
    "5XX": {"model": ErrorResponse, "description": "The database could not answer (503), too many exports or "
                                                   "live streams at once (503), or an unexpected error (500)."},
}


# The same, spelled out as JSON for a route whose success is not JSON (a Markdown brief):
# a "model" would be documented under the route's own media type.
JSON_ERROR_RESPONSES: dict[int | str, dict[str, Any]] = {
    status: {"description": response["description"],
             "content": {"application/json": {"schema": {"$ref": "#/components/schemas/ErrorResponse"}}}}
    for status, response in ERROR_RESPONSES.items()
}


class ApiError(Exception):
    """An error answered in the API's shape: ``{"error": {"code", "message", **extra}}``."""

    def __init__(self, status: int, code: str, message: str, **extra: Any):
        super().__init__(message)
        self.status, self.code, self.message, self.extra = status, code, message, extra


def not_found(kind: str, item_id: str) -> ApiError:
    return ApiError(404, "not_found", f"no {kind} with id {item_id!r}")


def error_response(status: int, code: str, message: str, headers: dict[str, str] | None = None,
                   **extra: Any) -> JSONResponse:
    return JSONResponse({"error": {"code": code, "message": message, **extra}}, status_code=status,
                        headers=headers)


def _where(loc: tuple) -> str:
    parts = [str(p) for p in loc]
    if parts and parts[0] in ("query", "path", "header", "body"):
        kind = {"query": "query parameter", "path": "path", "header": "header", "body": "body"}[parts[0]]
        return f"{kind} {'.'.join(parts[1:])}".strip() if len(parts) > 1 else kind
    return ".".join(parts)


def _validation_detail(error: dict[str, Any]) -> dict[str, str]:
    if error.get("type") == "json_invalid":
        position = (error.get("loc") or ("body", "?"))[-1]
        return {"where": "body", "message": f"not valid JSON (at character {position})"}
    return {"where": _where(tuple(error.get("loc", ()))), "message": error.get("msg", "invalid")}


def add_error_handlers(app: FastAPI) -> None:
    @app.exception_handler(ApiError)
    async def api_error(_request: Request, exc: ApiError) -> JSONResponse:
        return error_response(exc.status, exc.code, exc.message, **exc.extra)

    @app.exception_handler(StarletteHTTPException)
    async def http_error(_request: Request, exc: StarletteHTTPException) -> JSONResponse:
        code = STATUS_CODES.get(exc.status_code, "error")
        message = exc.detail if isinstance(exc.detail, str) else code.replace("_", " ")
        if exc.status_code == 404 and message == "Not Found":
            message = "no such endpoint; the API is listed at /docs"
        return error_response(exc.status_code, code, message, headers=getattr(exc, "headers", None))

    @app.exception_handler(RequestValidationError)
    async def validation_error(_request: Request, exc: RequestValidationError) -> JSONResponse:
        details = [_validation_detail(e) for e in exc.errors()]
        message = "; ".join(f"{d['where']}: {d['message']}" for d in details) or "invalid request"
        return error_response(422, "invalid_parameter", message, details=details)

    @app.exception_handler(StoreError)
    async def store_error(_request: Request, exc: StoreError) -> JSONResponse:
        log.error("database error: %s", exc)
        return error_response(503, "store_unavailable", f"the database could not answer: {exc}")

    @app.exception_handler(ClaimgraphError)
    async def claimgraph_error(_request: Request, exc: ClaimgraphError) -> JSONResponse:
        # each error class carries its own status (errors.py draws the tree)
        log.error("%s: %s", type(exc).__name__, exc)
        return error_response(exc.http_status, STATUS_CODES.get(exc.http_status, "internal_error"), str(exc))

    @app.exception_handler(Exception)
    async def unexpected(_request: Request, exc: Exception) -> JSONResponse:
        log.exception("unexpected error")
        return error_response(500, "internal_error", "an unexpected error; the server log has the details")
