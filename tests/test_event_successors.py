"""An event id that a later ingest merges away answers with its successor (issue 9)."""

from __future__ import annotations

import warnings

import pytest

pytest.importorskip("fastapi")

with warnings.catch_warnings():
    warnings.simplefilter("ignore")
    from fastapi.testclient import TestClient

from claimgraph.model import InputItem  # noqa: E402
from claimgraph.store import Store  # noqa: E402
from claimgraph.web import create_app  # noqa: E402

FIRST = ("Russian drones struck a fuel depot in Odesa on Tuesday night, injuring four workers, "
         "the regional governor Oleh Kiper said on Wednesday.")
SECOND = ("Russian drones hit a fuel depot in Odesa on Tuesday night and four workers were injured, "
          "Ukraine's air force said on Wednesday.")


def _item(text: str, outlet: str) -> InputItem:
    return InputItem(origin=f"{outlet}.txt", text=text, kind="text", published="2025-03-05", outlet=outlet)


@pytest.fixture
def merged(tmp_path, pipeline):
    path = str(tmp_path / "s.db")
    with Store(path) as store:
        pipeline.ingest_items(store, [_item(FIRST, "Odesa Daily")])
        before = {e.id: set(e.claim_ids) for e in store.events()}
        pipeline.ingest_items(store, [_item(SECOND, "Black Sea Wire")])
        after = {e.id: set(e.claim_ids) for e in store.events()}
    gone = [eid for eid in before if eid not in after]
    assert gone, "the second report should have joined (and so renamed) the first event"
    return path, gone[0], before[gone[0]], after


def test_store_points_a_merged_away_event_at_the_event_holding_its_claims(merged):
    path, old, old_claims, after = merged
    with Store(path) as store:
        new = store.event_successor(old)
    assert new in after and old_claims & after[new]


def test_api_answers_a_merged_away_event_with_a_301_to_its_successor(merged, pipeline):
    path, old, _, after = merged
    with TestClient(create_app(path, pipeline=pipeline)) as client:
        response = client.get(f"/api/events/{old}", follow_redirects=False)
        assert response.status_code == 301
        new = response.headers["location"].rsplit("/", 1)[-1]
        assert new in after
        assert client.get(f"/api/events/{old}").json()["event"]["id"] == new
        assert client.get("/api/events/ev-000000000000").status_code == 404
