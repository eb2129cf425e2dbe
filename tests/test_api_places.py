"""An article's places and a place entity's mentions over HTTP (issue 10): ingest an invented
local story, then read its places and where its town is named through the API."""

from __future__ import annotations

import warnings
from urllib.parse import quote

import pytest

pytest.importorskip("fastapi")

with warnings.catch_warnings():  # starlette's TestClient warns about its httpx backend
    warnings.simplefilter("ignore")
    from fastapi.testclient import TestClient

from claimgraph.model import InputItem  # noqa: E402
from claimgraph.store import Store  # noqa: E402
from claimgraph.web import create_app  # noqa: E402

STORIES = [
    ("Officials in Rapides Parish said on Monday that a drone struck a fuel depot in Alexandria, "
     "Louisiana, overnight. Residents of Pineville said the fire burned until dawn."),
    ("PINEVILLE, La. — The mayor of Pineville said on Tuesday that the depot fire near Alexandria "
     "was out and that roads in Rapides Parish had reopened."),
]


@pytest.fixture(scope="module")
def client(tmp_path_factory, pipeline):
    path = str(tmp_path_factory.mktemp("places") / "places.db")
    with Store(path) as store:
        pipeline.ingest_items(store, [InputItem(origin=f"local-{n}", text=text, kind="text", published="2025-01-06",
                                                outlet="Town Talk") for n, text in enumerate(STORIES)])
    with TestClient(create_app(path, pipeline=pipeline)) as test_client:
        yield test_client


def _document_ids(client) -> list[str]:
    return [d["id"] for d in client.get("/api/documents", params={"limit": 10}).json()["items"]]


def test_an_article_lists_every_place_it_names_with_offsets_and_points(client):
    for document_id in _document_ids(client):
        text = client.get(f"/api/documents/{quote(document_id)}").json()["document"]["text"]
        places = client.get(f"/api/documents/{quote(document_id)}/places").json()["places"]
        assert {"Pineville", "Rapides Parish"} <= {p["text"] for p in places}
        for place in places:
            assert text[place["start"]:place["end"]] == place["text"]
            assert place["lat"] is not None and place["document_id"] == document_id
        alexandria = [p for p in places if p["text"] == "Alexandria"]
        assert alexandria and all(p["country"] == "US" and p["admin1"] == "Louisiana" for p in alexandria)


def test_a_place_entity_lists_where_it_is_named_across_articles(client):
    entities = client.get("/api/entities", params={"q": "Pineville", "limit": 20}).json()["items"]
    pineville = next(e for e in entities if e["name"] == "Pineville")
    mentions = client.get(f"/api/places/{quote(pineville['id'])}").json()["mentions"]
    assert {m["document_id"] for m in mentions} == set(_document_ids(client))
    assert {m["text"] for m in mentions} <= {"Pineville", "PINEVILLE"}
    place_id = mentions[0]["place_id"]  # the geoparser's own id lists the same mentions
    assert client.get(f"/api/places/{quote(place_id)}").json()["mentions"] == mentions


def test_unknown_document_is_a_404_and_unknown_place_has_no_mentions(client):
    assert client.get("/api/documents/nope/places").status_code == 404
    assert client.get("/api/places/geonames:1").json()["mentions"] == []
