"""What the routes share: their query parameter types, the checks a type cannot express, and
the JSON response they all answer with."""

from __future__ import annotations

import json
from datetime import date
from typing import Annotated, Any

from fastapi import Query
from fastapi import Path as PathParam
from fastapi.responses import Response

from claimgraph.web.errors import ApiError
from claimgraph.web.state import ApiState

MAX_LIMIT = 500
DEFAULT_LIMIT = 50
# Offsets past this are refused: paging that deep costs a scan of every skipped row.
MAX_OFFSET = 1_000_000
MAX_QUERY_CHARS = 500
MAX_NAME_CHARS = 200

Limit = Annotated[int, Query(ge=1, le=MAX_LIMIT, description=f"Items per page (at most {MAX_LIMIT}).")]
Offset = Annotated[int, Query(ge=0, le=MAX_OFFSET, description="Items to skip (see next_offset).")]
Count = Annotated[bool, Query(description="Count every match for `total` (otherwise null while there are "
                                          "more pages); on a large database this can take a full scan.")]
Day = Annotated[str | None, Query(pattern=r"^\d{4}-\d{2}-\d{2}$", description="A day, YYYY-MM-DD.")]
Name = Annotated[str | None, Query(min_length=1, max_length=MAX_NAME_CHARS)]
MinConfidence = Annotated[float | None, Query(ge=0, le=1, description="Leave out claims less sure than this "
                                              "(default: the calibrated threshold; 0 keeps every claim).")]
Text = Annotated[str | None, Query(min_length=1, max_length=MAX_QUERY_CHARS)]
ItemId = Annotated[str, PathParam(min_length=1, max_length=MAX_NAME_CHARS)]
TypeName = Annotated[str | None, Query(max_length=40, description="A claim or event type, e.g. ATTACK.")]
EntityName = Annotated[str | None, Query(min_length=1, max_length=MAX_NAME_CHARS,
                                         description="Entity id, or part of a name or alias.")]
PlaceName = Annotated[str | None, Query(min_length=1, max_length=MAX_NAME_CHARS,
                                        description="A place in the location role.")]


def json_response(data: Any, status: int = 200) -> Response:
    # Plain json.dumps: FastAPI's jsonable_encoder walks every value and costs
    # milliseconds on a page of claims. The route's response_model documents the shape.
    return Response(json.dumps(data, ensure_ascii=False), status_code=status, media_type="application/json")


def day(name: str, value: str | None) -> str | None:
    if value is None:
        return None
    try:
        date.fromisoformat(value)
    except ValueError:
        raise ApiError(422, "invalid_parameter", f"{name}: {value!r} is not a calendar day (YYYY-MM-DD)") from None
    return value


def claim_type(state: ApiState, value: str | None) -> str | None:
    if value is None:
        return None
    wanted = value.upper()
    if wanted not in state.claim_types:
        raise ApiError(422, "invalid_parameter",
                       f"type: unknown claim type {value!r}; one of {', '.join(sorted(state.claim_types))}")
    return wanted


def entities(state: ApiState, needle: str | None) -> tuple[str, ...] | None:
    return None if needle is None else tuple(state.reader.find_entity_ids(needle))


def matched(**found: tuple[str, ...] | None) -> dict[str, list[str]]:
    """Which entity ids each name filter resolved to (shown so a user sees why a list is empty)."""
    return {k: list(v) for k, v in found.items() if v is not None}


def names_of(state: ApiState, ids: set[str]) -> dict[str, Any]:
    return state.reader.entity_names(ids) if ids else {}
