"""The JSON export contract (DESIGN.md, "The export contract"): every field, every type."""

from __future__ import annotations

import copy
import io
import json

import pytest

from claimgraph.export import SCHEMA, contract_errors, export_json, write_json
from claimgraph.export.json import iter_json_text
from claimgraph.model import Claim, Contradiction, Document, Entity, Event, Quantity, Reject, TimeSpan
from claimgraph.store import Store

ROLES = ["actor", "target", "instrument", "location", "recipient", "subject"]

TEXT_A = (
    "Kestrian forces fired two X-9 missiles at Belzo on Sunday, the mayor said. "
    "The X-9 has a range of about 900 kilometers (about 560 miles), officials said."
)
TEXT_B = "The Kestrian defence ministry denied firing at Belzo. It said the X-9 flies between 400 km and 600 km."


def span(text: str, sentence: str) -> tuple[int, int]:
    start = text.index(sentence)
    return start, start + len(sentence)


def claim(cid: str, doc: str, text: str, evidence: str, **kw) -> Claim:
    start, end = span(text, evidence)
    return Claim(id=cid, document_id=doc, text=evidence, start=start, end=end, **kw)


@pytest.fixture(scope="module")
def export():
    docs = [
        Document(id="doc-a", text=TEXT_A, path="feeds/a_strike.txt", outlet="Belzo Post", title="Missiles hit Belzo",
                 byline="By A. Writer", published="2031-04-03", language="en", raw_hash="ra"),
        Document(id="doc-b", text=TEXT_B, url="https://ke.example/denial", published=None, language="en",
                 raw_hash="rb"),
    ]
    entities = [
        Entity(id="org:kestrian-forces", name="Kestrian forces", type="ORG", aliases=["Kestrian army"], country="KE"),
        Entity(id="w:x9", name="X-9", type="WEAPON", aliases=["X9"], attrs={"class": "ballistic missile"}),
        Entity(id="gpe:belzo", name="Belzo", type="GPE", lat=45.1, lon=33.25),
        Entity(id="src:mayor", name="the mayor", type="SOURCE"),
        Entity(id="src:ministry", name="Kestrian defence ministry", type="SOURCE"),
        Entity(id="src:officials", name="officials", type="SOURCE"),
    ]
    claims = [
        claim("cl-attack", "doc-a", TEXT_A, "Kestrian forces fired two X-9 missiles at Belzo on Sunday, the mayor said.",
              type="ATTACK", roles={"actor": ["org:kestrian-forces"], "instrument": ["w:x9"], "target": ["gpe:belzo"]},
              source="src:mayor", modality="reported", time=TimeSpan("2031-04-01", "2031-04-01", "on Sunday", "event"),
              quantities=[Quantity("two", value=2, unit="missiles", of="fired")], trigger="fired"),
        claim("cl-range-a", "doc-a", TEXT_A,
              "The X-9 has a range of about 900 kilometers (about 560 miles), officials said.",
              type="PROPERTY", roles={"subject": ["w:x9"]}, source="src:officials", modality="reported",
              quantities=[Quantity("about 900 kilometers", value=900, unit="km", approx=True, of="range")],
              attribute="range", sentence=1),
        claim("cl-deny", "doc-b", TEXT_B, "The Kestrian defence ministry denied firing at Belzo.",
              type="ATTACK", roles={"actor": ["org:kestrian-forces"], "target": ["gpe:belzo"]},
              source="src:ministry", polarity="denied", via=[]),
        claim("cl-range-b", "doc-b", TEXT_B, "It said the X-9 flies between 400 km and 600 km.",
              type="PROPERTY", roles={"subject": ["w:x9"]}, source="src:ministry",
              quantities=[Quantity("between 400 km and 600 km", low=400, high=600, unit="km", of="range")],
              attribute="range", sentence=1),
    ]
    events = [
        Event(id="ev-1", type="ATTACK", claim_ids=["cl-attack", "cl-deny"], document_ids=["doc-a", "doc-b"],
              time=TimeSpan("2031-04-01", "2031-04-01"), roles={"actor": ["org:kestrian-forces"], "target": ["gpe:belzo"]},
              sources=["src:mayor", "src:ministry"], independent_sources=2, label="Missile strike on Belzo"),
    ]
    contradictions = [
        Contradiction(id="ct-range", kind="quantity", claim_ids=["cl-range-a", "cl-range-b"], about="X-9 range",
                      reason="≈900 km outside 400–600 km"),
        Contradiction(id="ct-deny", kind="polarity", claim_ids=["cl-attack", "cl-deny"], about="strike on Belzo"),
    ]
    with Store(":memory:") as store:
        store.write_batch(docs, claims, entities, [Reject("x.bin", "binary")],
                          [("ra", "feeds/a_strike.txt", "ingested", "doc-a"), ("rb", "-", "ingested", "doc-b")])
        store.replace_links(events, contradictions)
        data = export_json(store)
        again = export_json(store)
        buffer = io.StringIO()
        write_json(store, buffer)
        # the streamed export reads the store in chunks: chunks of one exercise every boundary
        streamed = "".join(iter_json_text(_OneAtATime(store)))
    return {"data": data, "again": again, "written": buffer.getvalue(), "streamed": streamed}


class _OneAtATime:
    """A store whose chunked readers return one record per chunk."""

    def __init__(self, store):
        self.store = store

    def __getattr__(self, name):
        method = getattr(self.store, name)
        return (lambda: method(chunk=1)) if name.startswith("iter_") else method


def test_export_streamed_is_the_same_export(export):
    assert json.loads(export["streamed"]) == export["data"]
    assert export["streamed"].count("\n  {") == sum(len(v) for v in export["data"].values() if isinstance(v, list))


def test_export_contract_top_level(export):
    data = export["data"]
    assert data["schema"] == SCHEMA == "claimgraph/1"
    assert set(data) == {"schema", "documents", "entities", "claims", "events", "contradictions"}
    assert [len(data[k]) for k in ("documents", "entities", "claims", "events", "contradictions")] == [2, 6, 4, 1, 2]


def test_export_contract_checker_finds_nothing_wrong(export):
    assert contract_errors(export["data"]) == []


def test_export_contract_documents(export):
    a, b = export["data"]["documents"]  # ordered by path or URL: "feeds/..." < "https://..."
    assert {k: a[k] for k in ("id", "path", "url", "outlet", "title", "byline", "published", "language")} == {
        "id": "doc-a", "path": "feeds/a_strike.txt", "url": None, "outlet": "Belzo Post",
        "title": "Missiles hit Belzo", "byline": "By A. Writer", "published": "2031-04-03", "language": "en",
    }
    assert a["text"] == TEXT_A
    assert (b["id"], b["path"], b["url"], b["published"]) == ("doc-b", None, "https://ke.example/denial", None)


def test_export_contract_entities(export):
    entities = export["data"]["entities"]
    assert [e["id"] for e in entities] == sorted(e["id"] for e in entities)
    by_id = {e["id"]: e for e in entities}
    belzo = by_id["gpe:belzo"]
    assert (belzo["name"], belzo["type"], belzo["lat"], belzo["lon"]) == ("Belzo", "GPE", 45.1, 33.25)
    assert isinstance(belzo["lat"], float) and isinstance(belzo["aliases"], list)
    assert by_id["w:x9"]["type"] == "WEAPON" and by_id["w:x9"]["aliases"] == ["X9"]
    assert by_id["org:kestrian-forces"]["lat"] is None
    for e in entities:
        assert {"id", "name", "type", "aliases", "lat", "lon"} <= set(e)


def test_export_contract_claims_fields_and_types(export):
    for c in export["data"]["claims"]:
        assert isinstance(c["id"], str) and isinstance(c["document_id"], str) and isinstance(c["type"], str)
        assert isinstance(c["start"], int) and isinstance(c["end"], int) and c["start"] < c["end"]
        assert list(c["roles"])[:6] == ROLES and all(isinstance(v, list) for v in c["roles"].values())
        assert c["source"] is None or isinstance(c["source"], str)
        assert isinstance(c["via"], list)
        assert c["polarity"] in ("asserted", "denied")
        assert c["modality"] in ("fact", "reported", "likely", "possible", "planned")
        assert set(c["time"]) >= {"start", "end", "text"}
        for q in c["quantities"]:
            assert set(q) >= {"text", "value", "low", "high", "unit", "approx", "of"}
            assert isinstance(q["approx"], bool)


def test_export_contract_claim_offsets_point_at_the_evidence(export):
    texts = {d["id"]: d["text"] for d in export["data"]["documents"]}
    claims = export["data"]["claims"]
    assert claims
    for c in claims:
        assert texts[c["document_id"]][c["start"] : c["end"]] == c["text"]


def test_export_contract_claim_values(export):
    claims = {c["id"]: c for c in export["data"]["claims"]}
    attack = claims["cl-attack"]
    assert attack["roles"]["actor"] == ["org:kestrian-forces"] and attack["roles"]["recipient"] == []
    assert (attack["source"], attack["modality"], attack["polarity"]) == ("src:mayor", "reported", "asserted")
    assert attack["time"] == {"start": "2031-04-01", "end": "2031-04-01", "text": "on Sunday", "basis": "event"}
    assert attack["quantities"] == [
        {"text": "two", "value": 2, "low": None, "high": None, "unit": "missiles", "approx": False, "of": "fired"}
    ]
    assert claims["cl-deny"]["polarity"] == "denied"
    rb = claims["cl-range-b"]["quantities"][0]
    assert (rb["low"], rb["high"], rb["unit"], rb["value"]) == (400, 600, "km", None)
    assert claims["cl-range-a"]["quantities"][0]["approx"] is True


def test_export_contract_claims_in_document_order(export):
    assert [c["id"] for c in export["data"]["claims"]] == ["cl-attack", "cl-range-a", "cl-deny", "cl-range-b"]


def test_export_contract_events(export):
    (event,) = export["data"]["events"]
    assert event["id"] == "ev-1" and event["type"] == "ATTACK"
    assert event["claim_ids"] == ["cl-attack", "cl-deny"]
    assert event["document_ids"] == ["doc-a", "doc-b"]
    assert event["time"]["start"] == "2031-04-01" and event["time"]["end"] == "2031-04-01"
    assert event["roles"]["target"] == ["gpe:belzo"]
    assert event["sources"] == ["src:mayor", "src:ministry"]
    assert event["independent_sources"] == 2 and isinstance(event["independent_sources"], int)


def test_export_contract_contradictions(export):
    contradictions = export["data"]["contradictions"]
    assert [c["id"] for c in contradictions] == ["ct-deny", "ct-range"]
    rng = contradictions[1]
    assert (rng["kind"], rng["claim_ids"], rng["about"]) == ("quantity", ["cl-range-a", "cl-range-b"], "X-9 range")


def test_export_contract_is_deterministic_and_serialisable(export):
    assert export["data"] == export["again"]
    assert json.loads(export["written"]) == export["data"]
    assert "≈900 km" in export["written"]  # UTF-8 kept readable, not \u-escaped


@pytest.mark.parametrize(
    "breakage, message",
    [
        (lambda d: d.update(schema="claimgraph/0"), "schema"),
        (lambda d: d["claims"][0].update(start=1), "is not the claim text"),
        (lambda d: d["claims"][0]["roles"].pop("recipient"), "missing 'recipient'"),
        (lambda d: d["claims"][0].update(polarity="maybe"), "polarity"),
        (lambda d: d["claims"][0]["quantities"][0].pop("approx"), "missing 'approx'"),
        (lambda d: d["documents"][0].pop("path"), "missing 'path'"),
        (lambda d: d["entities"][0].update(lat="50.4"), "lat"),
        (lambda d: d["events"][0].update(independent_sources="2"), "independent_sources"),
        (lambda d: d["events"][0]["claim_ids"].append("ghost"), "unknown claim 'ghost'"),
        (lambda d: d["claims"][0].update(source="src:nobody"), "unknown entity 'src:nobody'"),
        (lambda d: d["contradictions"][0].update(kind="vibes"), "kind"),
    ],
)
def test_export_contract_checker_catches_breakage(export, breakage, message):
    data = copy.deepcopy(export["data"])
    breakage(data)
    errors = contract_errors(data)
    assert errors and any(message in e for e in errors), errors


def test_export_contract_empty_store_conforms():
    with Store(":memory:") as store:
        data = export_json(store)
    assert contract_errors(data) == []
    assert all(data[k] == [] for k in ("documents", "entities", "claims", "events", "contradictions"))
