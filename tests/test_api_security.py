"""Security defaults of the HTTP API (issue 5): headers, write token, bind check, body limit,
no CORS, Host check. On an empty database: nothing here runs the pipeline."""

from __future__ import annotations

import warnings

import pytest

pytest.importorskip("fastapi")

with warnings.catch_warnings():  # starlette's TestClient warns about its httpx backend
    warnings.simplefilter("ignore")
    from fastapi.testclient import TestClient

from claimgraph.errors import ConfigError  # noqa: E402
from claimgraph.web import check_bind, create_app, serve  # noqa: E402
from claimgraph.web.security import CONTENT_SECURITY_POLICY  # noqa: E402

TOKEN = "s3cret-token-for-tests-0123456789"


@pytest.fixture()
def db(tmp_path) -> str:
    return str(tmp_path / "empty.db")


def _client(db: str, **kwargs) -> TestClient:
    return TestClient(create_app(db, **kwargs))


def _error(response, status: int) -> dict:
    assert response.status_code == status, response.text
    return response.json()["error"]


def test_api_security_headers_on_every_kind_of_response(db):
    client = _client(db, token=TOKEN, max_body_bytes=100)
    responses = [
        client.get("/api/health"),                                   # 200 JSON
        client.get("/"),                                             # 200 HTML
        client.get("/docs"),                                         # 200 HTML
        client.get("/api/claims/none"),                              # 404
        client.get("/api/claims?limit=-1"),                          # 422
        client.post("/api/ingest", json={"text": "x"}),              # 401 (middleware)
        client.post("/api/ingest", json={"text": "x" * 200},
                    headers={"Authorization": f"Bearer {TOKEN}"}),   # 413 (middleware)
    ]
    assert [r.status_code for r in responses] == [200, 200, 200, 404, 422, 401, 413]
    for response in responses:
        assert response.headers["content-security-policy"] == CONTENT_SECURITY_POLICY
        assert response.headers["x-content-type-options"] == "nosniff"
        assert response.headers["referrer-policy"] == "no-referrer"
    assert "'unsafe-inline'" not in CONTENT_SECURITY_POLICY and "script-src 'self'" in CONTENT_SECURITY_POLICY


def test_api_security_placeholder_and_docs_pages_have_no_inline_script(db):
    client = _client(db)
    for url in ("/", "/docs"):
        page = client.get(url).text
        assert "<script>" not in page and "onload=" not in page and "javascript:" not in page


def test_api_security_writes_need_the_token_when_one_is_set(db):
    client = _client(db, token=TOKEN)
    missing = client.post("/api/ingest", json={"text": "x"})
    assert _error(missing, 401)["code"] == "unauthorized"
    assert missing.headers["www-authenticate"].startswith("Bearer")
    wrong = client.post("/api/ingest", json={"text": "x"}, headers={"Authorization": "Bearer wrong"})
    assert _error(wrong, 401)["code"] == "unauthorized"
    basic = client.post("/api/ingest", json={"text": "x"}, headers={"Authorization": f"Basic {TOKEN}"})
    assert basic.status_code == 401
    # The right token passes the guard: the (invalid) body is then judged, 422 not 401.
    right = client.post("/api/ingest", json={"text": "a", "html": "b"}, headers={"Authorization": f"Bearer {TOKEN}"})
    assert _error(right, 422)["code"] == "invalid_parameter"
    assert client.get("/api/claims").status_code == 200  # reads stay open


def test_api_security_require_token_refuses_to_build_without_one(db):
    with pytest.raises(ConfigError, match="CLAIMGRAPH_TOKEN"):
        create_app(db, require_token=True)
    assert create_app(db, require_token=True, token=TOKEN) is not None


@pytest.mark.parametrize("host, token, ok", [
    ("127.0.0.1", None, True), ("localhost", None, True), ("::1", None, True), ("127.0.0.5", None, True),
    ("0.0.0.0", None, False), ("192.168.1.5", None, False), ("example.org", None, False), ("::", None, False),
    ("0.0.0.0", "short", False), ("0.0.0.0", TOKEN, True), ("127.0.0.1", "short", False),
])
def test_api_security_check_bind(host, token, ok):
    if ok:
        check_bind(host, token)
    else:
        with pytest.raises(ConfigError, match="CLAIMGRAPH_TOKEN"):
            check_bind(host, token)


def test_api_security_serve_refuses_a_public_address_without_a_token(db, monkeypatch):
    monkeypatch.delenv("CLAIMGRAPH_TOKEN", raising=False)
    with pytest.raises(ConfigError, match="refusing to serve on 0.0.0.0"):
        serve(db, host="0.0.0.0", port=1)  # raises before uvicorn binds anything


def test_api_security_body_over_the_limit_is_413(db):
    client = _client(db, max_body_bytes=1000)
    declared = client.post("/api/ingest", json={"text": "x" * 2000})
    assert _error(declared, 413)["code"] == "payload_too_large"

    def chunks():  # no Content-Length: counted while reading
        yield b'{"text": "'
        for _ in range(30):
            yield b"x" * 100
        yield b'"}'

    streamed = client.post("/api/ingest", content=chunks(), headers={"content-type": "application/json"})
    assert _error(streamed, 413)["code"] == "payload_too_large"
    small = client.post("/api/ingest", json={"text": "a", "html": "b"})
    assert small.status_code == 422  # under the limit: judged on its content


def test_api_security_writes_must_be_json(db):
    client = _client(db)
    form = client.post("/api/ingest", data={"text": "x"})  # what a cross-site HTML form can send
    assert _error(form, 415)["code"] == "unsupported_media_type"
    plain = client.post("/api/ingest", content=b'{"text": "x"}', headers={"content-type": "text/plain"})
    assert plain.status_code == 415


def test_api_security_no_cors_by_default(db):
    client = _client(db)
    get = client.get("/api/claims", headers={"Origin": "https://evil.example"})
    assert "access-control-allow-origin" not in get.headers
    preflight = client.options("/api/ingest", headers={"Origin": "https://evil.example",
                                                       "Access-Control-Request-Method": "POST"})
    assert "access-control-allow-origin" not in preflight.headers
    assert preflight.status_code in (400, 404, 405)


def test_api_security_host_check_stops_dns_rebinding(db):
    client = _client(db, allowed_hosts=["127.0.0.1", "localhost"])
    rebound = client.get("/api/claims", headers={"Host": "evil.example:8000"})
    assert _error(rebound, 400)["code"] == "bad_host"
    assert client.get("/api/claims", headers={"Host": "localhost:8000"}).status_code == 200
    assert client.get("/api/claims", headers={"Host": "127.0.0.1"}).status_code == 200
