"""The OpenAPI description tells the truth (issue 11): every endpoint documents a response
model, the answers on the demo corpus fit those models exactly, and the error body it
documents for every 4xx and 5xx is the one the server really sends."""

from __future__ import annotations

import warnings
from urllib.parse import quote

import pytest

pytest.importorskip("fastapi")

with warnings.catch_warnings():  # starlette's TestClient warns about its httpx backend
    warnings.simplefilter("ignore")
    from fastapi.testclient import TestClient

from claimgraph.web import create_app, models  # noqa: E402
from claimgraph.web.errors import ErrorResponse  # noqa: E402

ERROR_REF = "#/components/schemas/ErrorResponse"


@pytest.fixture(scope="module")
def client(tmp_path_factory, pipeline, demo_db):
    from conftest import copy_database  # the session's demo database, copied: a test here ingests

    path = copy_database(demo_db, tmp_path_factory.mktemp("openapi") / "demo.db")
    with TestClient(create_app(path, pipeline=pipeline)) as test_client:
        yield test_client


@pytest.fixture(scope="module")
def spec(client) -> dict:
    return client.get("/openapi.json").json()


def _operations(spec: dict):
    for path, operations in spec["paths"].items():
        for method, operation in operations.items():
            yield path, method, operation


def test_openapi_every_endpoint_documents_its_success_body(spec):
    for path, method, operation in _operations(spec):
        success = {k: v for k, v in operation["responses"].items() if k.startswith("2")}
        assert success, f"{method} {path}: no success response"
        for status, response in success.items():
            content = response.get("content") or {}
            assert content, f"{method} {path} {status}: no body documented"
            for media, body in content.items():
                assert body.get("schema"), f"{method} {path} {status} {media}: no schema"


def test_openapi_documents_the_real_error_body_everywhere(spec):
    assert "HTTPValidationError" not in spec["components"]["schemas"], "FastAPI's default 422 body is not ours"
    for path, method, operation in _operations(spec):
        errors = {k: v for k, v in operation["responses"].items() if k[0] in "45"}
        assert {"4XX", "5XX"} <= set(errors), f"{method} {path}: errors not documented"
        for status, response in errors.items():
            assert response["content"] == {"application/json": {"schema": {"$ref": ERROR_REF}}}, (method, path, status)
    documented = spec["components"]["schemas"]["ErrorResponse"]
    assert documented["required"] == ["error"]
    detail = spec["components"]["schemas"]["ErrorDetail"]
    assert set(detail["required"]) == {"code", "message"}
    assert detail.get("additionalProperties") is False  # nothing undocumented may appear


@pytest.mark.parametrize("method, url, body, status", [
    ("get", "/api/claims/nope", None, 404),
    ("get", "/api/events/nope", None, 404),
    ("get", "/api/claims?limit=0", None, 422),
    ("get", "/api/claims?type=BOGUS", None, 422),
    ("get", "/api/events?since=2025-02-30", None, 422),
    ("get", "/api/no-such-endpoint", None, 404),
    ("post", "/api/ingest", {"text": "x", "html": "<p>x</p>"}, 422),
    ("post", "/api/ingest", {"text": "   "}, 422),
])
def test_real_errors_have_the_documented_body(client, method, url, body, status):
    response = client.request(method, url, json=body)
    assert response.status_code == status, response.text
    assert response.headers["content-type"].startswith("application/json")
    ErrorResponse.model_validate(response.json())  # extra="forbid": no field the description lacks


def _model(spec: dict, operation: dict, status: str = "200") -> type:
    ref = operation["responses"][status]["content"]["application/json"]["schema"]["$ref"]
    return getattr(models, ref.rsplit("/", 1)[-1])


def test_real_answers_fit_their_documented_models(client, spec):
    claim = client.get("/api/claims?limit=1").json()["items"][0]
    event = client.get("/api/events?limit=1").json()["items"][0]
    entity = claim["source"] or next(i for ids in claim["roles"].values() for i in ids)
    place = next((p["place_id"] for p in client.get(f"/api/documents/{claim['document_id']}/places").json()["places"]
                  if p["place_id"]), "nowhere")
    ids = {"document_id": claim["document_id"], "claim_id": claim["id"], "event_id": event["id"],
           "entity_id": entity, "place_id": place}
    checked = 0
    for path, method, operation in _operations(spec):
        content = operation["responses"].get("200", {}).get("content", {})
        if method != "get" or "$ref" not in content.get("application/json", {}).get("schema", {}):
            continue
        url = path.format(**{k: quote(v, safe="") for k, v in ids.items()})
        response = client.get(url)
        assert response.status_code == 200, (url, response.text)
        _model(spec, operation).model_validate(response.json())
        checked += 1
    assert checked >= 14


def test_ingest_answer_fits_its_model(client, spec):
    text = ("Drones struck a fuel depot in Odesa on Tuesday night, the regional governor said on Wednesday.\n\n"
            "At least four people were wounded, he said.")
    response = client.post("/api/ingest", json={"text": text, "published": "2025-03-12"})
    assert response.status_code == 201, response.text
    operation = spec["paths"]["/api/ingest"]["post"]
    _model(spec, operation, "201").model_validate(response.json())
    again = client.post("/api/ingest", json={"text": text, "published": "2025-03-12"})
    assert again.status_code == 200 and again.json()["duplicate"] is True
    _model(spec, operation, "200").model_validate(again.json())
