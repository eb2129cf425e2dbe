"""CSV, GeoJSON and STIX 2.1 exports: hand-made stores for exact answers, the demo corpus for the real thing.

All names, places and numbers in the hand-made store are invented.
"""

from __future__ import annotations

import csv
import io
import json
import re

import pytest

from claimgraph.export.base import FORMATS, get_exporter
from claimgraph.export.csv import COLUMNS, defuse, export_csv
from claimgraph.export.geojson import export_geojson
from claimgraph.model import Claim, Contradiction, Document, Entity, Event, Quantity, TimeSpan
from claimgraph.store import Store

TEXT_A = (
    "Kestrian forces fired two X-9 missiles at Belzo on Sunday, killing at least eight people, the mayor said. "
    "The X-9 has a range of about 900 kilometers, officials said. "
    "Kestria has supplied launchers to Velmar."
)
TEXT_B = (
    "The Kestrian defence ministry denied firing at Belzo. It said the X-9 flies between 400 km and 600 km. "
    "A drone likely struck the port of Westport on Monday, an official said."
)
EVIL_ACTOR = '=HYPERLINK("http://evil.example","x")'
EVIL_OUTLET = "=cmd|' /C calc'!A0"


def _claim(cid: str, doc: str, text: str, evidence: str, **kw) -> Claim:
    start = text.index(evidence)
    return Claim(id=cid, document_id=doc, text=evidence, start=start, end=start + len(evidence), **kw)


def make_store() -> Store:
    docs = [
        Document(id="doc-a", text=TEXT_A, path="a.txt", outlet="Belzo Post", title="Missiles hit Belzo",
                 published="2031-04-03", language="en", url="https://belzo.example/a"),
        Document(id="doc-b", text=TEXT_B, path="b.txt", outlet=EVIL_OUTLET, title="Ministry denies strike",
                 published="2031-04-04", language="en", url="javascript:alert(1)"),
    ]
    entities = [
        Entity("org:kestrian-forces", "Kestrian forces", "ORG"),
        Entity("org:evil", EVIL_ACTOR, "ORG"),
        Entity("w:x9", "X-9", "WEAPON", aliases=["X9"], attrs={"class": "SRBM", "kind": "ballistic missile"}),
        Entity("w:drone", "drone", "WEAPON", attrs={"generic": True}),
        Entity("gpe:belzo", "Belzo", "GPE", lat=45.1, lon=33.25, country="UA", attrs={"kind": "city"}),
        Entity("place:westport", "Westport", "GPE", lat=12.5, lon=-70.0, country="AW", attrs={"kind": "city"}),
        Entity("gpe:kestria", "Kestria", "GPE", country="RU", attrs={"kind": "country"}),
        Entity("gpe:velmar", "Velmar", "GPE"),
        Entity("src:mayor", "the mayor", "SOURCE"),
        Entity("src:ministry", "Kestrian defence ministry", "SOURCE"),
        Entity("src:officials", "officials", "SOURCE"),
        Entity("src:minus", "-an official", "SOURCE"),
    ]
    attack = "Kestrian forces fired two X-9 missiles at Belzo on Sunday, killing at least eight people, the mayor said."
    claims = [
        _claim("cl-attack", "doc-a", TEXT_A, attack, type="ATTACK",
               roles={"actor": ["org:kestrian-forces", "org:evil"], "instrument": ["w:x9"], "target": ["gpe:belzo"]},
               source="src:mayor", modality="reported", time=TimeSpan("2031-04-01", "2031-04-01", "on Sunday", "event"),
               quantities=[Quantity("two", value=2, unit="missiles"), Quantity("at least eight", low=8, of="killed")]),
        _claim("cl-range-a", "doc-a", TEXT_A, "The X-9 has a range of about 900 kilometers, officials said.",
               type="PROPERTY", roles={"subject": ["w:x9"]}, source="src:officials", modality="reported",
               quantities=[Quantity("about 900 kilometers", value=900, unit="km", approx=True, of="range")],
               attribute="range", sentence=1),
        _claim("cl-transfer", "doc-a", TEXT_A, "Kestria has supplied launchers to Velmar.", type="TRANSFER",
               roles={"actor": ["gpe:kestria"], "recipient": ["gpe:velmar"]}, sentence=2),
        _claim("cl-deny", "doc-b", TEXT_B, "The Kestrian defence ministry denied firing at Belzo.", type="ATTACK",
               roles={"actor": ["org:kestrian-forces"], "target": ["gpe:belzo"]}, source="src:ministry",
               polarity="denied", modality="reported"),
        _claim("cl-range-b", "doc-b", TEXT_B, "It said the X-9 flies between 400 km and 600 km.", type="PROPERTY",
               roles={"subject": ["w:x9"]}, source="src:ministry",
               quantities=[Quantity("between 400 km and 600 km", low=400, high=600, unit="km", of="range")],
               attribute="range", sentence=1),
        _claim("cl-west", "doc-b", TEXT_B, "A drone likely struck the port of Westport on Monday, an official said.",
               type="ATTACK", roles={"instrument": ["w:drone"], "location": ["place:westport"], "target": ["gpe:belzo"]},
               source="src:minus", modality="likely", time=TimeSpan("2031-04-02", "2031-04-02", "on Monday", "event"),
               sentence=2),
    ]
    events = [
        Event("ev-1", "ATTACK", ["cl-attack", "cl-deny"], ["doc-a", "doc-b"], TimeSpan("2031-04-01", "2031-04-01"),
              {"actor": ["org:kestrian-forces", "org:evil"], "target": ["gpe:belzo"], "instrument": ["w:x9"]},
              ["src:mayor", "src:ministry"], 2, label="ATTACK Belzo 2031-04-01"),
        Event("ev-2", "ATTACK", ["cl-west"], ["doc-b"], TimeSpan("2031-04-02", "2031-04-02"),
              {"instrument": ["w:drone"], "location": ["place:westport"], "target": ["gpe:belzo"]},
              ["src:minus"], 1, label="ATTACK Westport 2031-04-02"),
        Event("ev-0-undated", "TRANSFER", ["cl-transfer"], ["doc-a"], TimeSpan(),
              {"actor": ["gpe:kestria"], "recipient": ["gpe:velmar"]}, ["doc:doc-a"], 1, label="TRANSFER Velmar"),
    ]
    contradictions = [
        Contradiction("ct-range", "quantity", ["cl-range-a", "cl-range-b"], "X-9 range", "≈900 km outside 400–600 km"),
        Contradiction("ct-deny", "polarity", ["cl-attack", "cl-deny"], "ATTACK on Belzo",
                      "the mayor asserts it; Kestrian defence ministry denies it"),
    ]
    store = Store(":memory:")
    store.write_batch(docs, claims, entities, [], [])
    store.replace_links(events, contradictions)
    return store


@pytest.fixture(scope="module")
def store():
    s = make_store()
    yield s
    s.close()


@pytest.fixture(scope="module")
def demo_store(demo_db):
    """The session's demo database (conftest.py), read only."""
    s = Store(demo_db)
    yield s
    s.close()


def csv_rows(text: str) -> list[dict[str, str]]:
    return list(csv.DictReader(io.StringIO(text)))


# -- the registry ---------------------------------------------------------------------------


def test_export_registry_knows_every_format(store):
    assert set(FORMATS) == {"json", "csv", "geojson", "stix"}
    media = {name: get_exporter(name).media_type for name in FORMATS}
    assert media["geojson"] == "application/geo+json"
    assert media["stix"].startswith("application/stix+json")
    assert json.loads(get_exporter("json").render(store))["schema"] == "claimgraph/1"
    with pytest.raises(ValueError, match="csv"):
        get_exporter("xml")


# -- CSV ------------------------------------------------------------------------------------


def test_csv_one_row_per_event_in_date_order_with_the_documented_columns(store):
    text = export_csv(store)
    assert text.splitlines()[0].split(",") == list(COLUMNS)
    rows = csv_rows(text)
    assert [r["event_id"] for r in rows] == ["ev-1", "ev-2", "ev-0-undated"]  # undated last


def test_csv_row_has_names_ids_and_the_first_located_place(store):
    row = csv_rows(export_csv(store))[0]
    assert (row["event_date"], row["end_date"], row["event_type"]) == ("2031-04-01", "2031-04-01", "ATTACK")
    assert row["actor1"] == "Kestrian forces"
    assert (row["target"], row["instrument"]) == ("Belzo", "X-9")
    assert (row["latitude"], row["longitude"], row["country"]) == ("45.1", "33.25", "UA")
    assert row["sources"] == "the mayor; Kestrian defence ministry"
    assert row["independent_sources"] == "2"
    assert row["claim_ids"] == "cl-attack; cl-deny" and row["document_ids"] == "doc-a; doc-b"
    assert row["quantities"] == "two missiles; at least eight (killed)"
    assert row["contradiction_ids"] == "ct-deny"
    assert row["notes"].startswith("Kestrian forces fired two X-9 missiles at Belzo")


def test_csv_location_role_comes_before_a_located_target(store):
    row = csv_rows(export_csv(store))[1]
    assert (row["location"], row["latitude"], row["longitude"]) == ("Westport", "12.5", "-70.0")


def test_csv_event_without_place_has_empty_coordinates(store):
    row = csv_rows(export_csv(store))[2]
    assert (row["latitude"], row["longitude"], row["actor1"], row["recipient"]) == ("", "", "Kestria", "Velmar")


def test_csv_defuses_formula_cells_from_articles(store):
    rows = csv_rows(export_csv(store))
    assert rows[0]["actor2"] == "'" + EVIL_ACTOR
    assert rows[0]["outlets"] == "Belzo Post; '" + EVIL_OUTLET  # each joined value defused
    assert rows[1]["outlets"] == "'" + EVIL_OUTLET
    assert rows[1]["sources"] == "'-an official"
    assert rows[1]["longitude"] == "-70.0"  # a number, not article text: left alone
    for row in rows:
        for key, cell in row.items():
            if key not in ("latitude", "longitude"):
                assert not cell.startswith(("=", "+", "-", "@", "\t", "\r")), (key, cell)


@pytest.mark.parametrize("cell, expected", [
    ("=1+1", "'=1+1"), ("+7 km", "'+7 km"), ("-5", "'-5"), ("@SUM(A1)", "'@SUM(A1)"),
    ("\tx", "'\tx"), ("Kyiv", "Kyiv"), ("a=b", "a=b"), ("", ""),
])
def test_csv_defuse_cases(cell, expected):
    assert defuse(cell) == expected


def test_csv_empty_store_is_the_header_alone():
    with Store(":memory:") as empty:
        assert export_csv(empty).splitlines() == [",".join(COLUMNS)]


# -- GeoJSON ----------------------------------------------------------------------------------


def test_geojson_one_point_per_event_and_located_place_at_lon_lat(store):
    data = export_geojson(store)
    assert data["type"] == "FeatureCollection"
    points = {f["id"]: f["geometry"] for f in data["features"]}
    assert set(points) == {"ev-1@gpe:belzo", "ev-2@place:westport", "ev-2@gpe:belzo"}
    assert points["ev-1@gpe:belzo"] == {"type": "Point", "coordinates": [33.25, 45.1]}  # [lon, lat]
    assert points["ev-2@place:westport"]["coordinates"] == [-70.0, 12.5]


def test_geojson_leaves_out_events_without_a_located_place(store):
    assert all(f["properties"]["event_id"] != "ev-0-undated" for f in export_geojson(store)["features"])


def test_geojson_properties_name_sources_place_and_claims(store):
    feature = next(f for f in export_geojson(store)["features"] if f["id"] == "ev-1@gpe:belzo")
    props = feature["properties"]
    assert props["event_id"] == "ev-1" and props["event_type"] == "ATTACK" and props["date"] == "2031-04-01"
    assert props["independent_sources"] == 2
    assert props["sources"] == ["the mayor", "Kestrian defence ministry"]
    assert (props["place"], props["place_role"], props["country"]) == ("Belzo", "target", "UA")
    assert props["claim_ids"] == ["cl-attack", "cl-deny"]
    assert props["label"] == "ATTACK Belzo 2031-04-01"
    json.dumps(export_geojson(store))  # plain JSON all the way down


# -- STIX 2.1 ---------------------------------------------------------------------------------

def validate(text: str, strict: bool = False):
    validator = pytest.importorskip("stix2validator")
    return validator.validate_string(text, validator.ValidationOptions(strict=strict, enforce_refs=True))


def warning_codes(result) -> set[str]:
    return {m.group(1) for w in result.warnings if (m := re.search(r"\{(\d+)\}", str(w)))}


@pytest.fixture(scope="module")
def stix_text(store) -> str:
    pytest.importorskip("stix2")
    from claimgraph.export.stix import export_stix

    return export_stix(store)


@pytest.fixture(scope="module")
def bundle(stix_text) -> dict:
    return json.loads(stix_text)


def by_type(bundle: dict, kind: str) -> list[dict]:
    return [o for o in bundle["objects"] if o["type"] == kind]


def our_id(obj: dict) -> str | None:
    refs = [r for r in obj.get("external_references", []) if r["source_name"] == "claimgraph"]
    return refs[0]["external_id"] if refs else None


@pytest.mark.slow  # the STIX validator takes seconds
def test_stix_bundle_passes_the_validator(stix_text):
    result = validate(stix_text)
    assert result.is_valid, [str(e) for e in result.errors]
    assert result.errors == []
    # The only advice left: an article URL without a hash of its content (see export/stix.py).
    assert warning_codes(result) <= {"302"}


@pytest.mark.slow  # the STIX validator takes seconds
def test_stix_without_urls_passes_strict_validation(store):
    pytest.importorskip("stix2")
    from claimgraph.export.stix import export_stix

    result = validate(export_stix(store, urls=False), strict=True)
    assert result.is_valid and result.errors == [] and result.warnings == []


def test_stix_sources_are_identities_places_locations_weapons_infrastructure(bundle):
    identities = {o["name"]: o for o in by_type(bundle, "identity")}
    assert {"the mayor", "Kestrian defence ministry", "Kestrian forces", "claimgraph"} <= set(identities)
    assert identities["claimgraph"]["identity_class"] == "system"
    assert identities["Belzo Post"]["identity_class"] == "organization"  # the outlet
    locations = {o["name"]: o for o in by_type(bundle, "location")}
    assert (locations["Belzo"]["latitude"], locations["Belzo"]["longitude"]) == (45.1, 33.25)
    assert locations["Westport"]["country"] == "AW"
    weapons = {o["name"]: o for o in by_type(bundle, "infrastructure")}
    assert weapons["X-9"]["aliases"] == ["X9"]


def test_stix_claims_are_notes_and_hedged_or_denied_claims_opinions(bundle):
    notes = {our_id(o): o for o in by_type(bundle, "note")}
    opinions = {our_id(o): o for o in by_type(bundle, "opinion")}
    assert {"cl-attack", "cl-range-a", "cl-range-b", "cl-transfer"} <= set(notes)
    assert opinions["cl-deny"]["opinion"] == "strongly-disagree"
    assert opinions["cl-west"]["opinion"] == "agree"  # "likely"
    attack = notes["cl-attack"]
    assert attack["content"].startswith("“Kestrian forces fired two X-9 missiles at Belzo")
    assert "at least eight (killed)" in attack["content"] and attack["authors"] == ["the mayor"]
    names = {o["id"]: o.get("name") for o in bundle["objects"]}
    assert {"Kestrian forces", "Belzo", "X-9", "the mayor"} <= {names[r] for r in attack["object_refs"]}
    # a denial refers to the claim it disagrees with
    assert attack["id"] in opinions["cl-deny"]["object_refs"]


def test_stix_events_are_reports_of_their_claims(bundle):
    reports = {our_id(o): o for o in by_type(bundle, "report")}
    assert set(reports) == {"ev-1", "ev-2", "ev-0-undated"}
    claim_objects = {our_id(o): o["id"] for o in by_type(bundle, "note") + by_type(bundle, "opinion")}
    refs = reports["ev-1"]["object_refs"]
    assert claim_objects["cl-attack"] in refs and claim_objects["cl-deny"] in refs
    assert reports["ev-1"]["published"].startswith("2031-04-04")  # the latest article
    assert reports["ev-1"]["name"].startswith("Attack by Kestrian forces")


def test_stix_relationships_link_sources_claims_and_contradictions(bundle):
    ids = {o["id"]: o for o in bundle["objects"]}
    rels = by_type(bundle, "relationship")
    said = [(ids[r["source_ref"]].get("name"), our_id(ids[r["target_ref"]])) for r in rels
            if r["description"].startswith("source of claim")]
    assert ("the mayor", "cl-attack") in said
    contra = [r for r in rels if our_id(r) == "ct-range"]
    assert len(contra) == 1 and contra[0]["relationship_type"] == "related-to"
    assert {our_id(ids[contra[0]["source_ref"]]), our_id(ids[contra[0]["target_ref"]])} == {"cl-range-a", "cl-range-b"}
    located = [r for r in rels if r["relationship_type"] == "located-at"]
    assert {(ids[r["source_ref"]]["name"], ids[r["target_ref"]]["name"]) for r in located} >= {("X-9", "Belzo")}


def test_stix_export_is_deterministic_and_ids_derive_from_ours(store, stix_text, bundle):
    from claimgraph.export.stix import export_stix, stix_id

    assert export_stix(store) == stix_text
    note = next(o for o in by_type(bundle, "note") if our_id(o) == "cl-attack")
    assert note["id"] == stix_id("note", "cl-attack")
    assert note["created"].startswith("2031-04-03")  # the article's date, not the clock


def test_stix_leaves_out_urls_that_are_not_web_addresses(stix_text):
    assert "javascript:" not in stix_text
    assert "https://belzo.example/a" in stix_text


# -- the demo corpus --------------------------------------------------------------------------


def test_export_formats_on_the_demo_corpus(demo_store):
    events = demo_store.events()
    assert len(csv_rows(export_csv(demo_store))) == len(events) > 0
    features = export_geojson(demo_store)["features"]
    assert features
    for feature in features:
        lon, lat = feature["geometry"]["coordinates"]
        assert -180 <= lon <= 180 and -90 <= lat <= 90
    dnipro = [f for f in features if f["properties"]["place"] == "Dnipro"]
    assert dnipro and dnipro[0]["geometry"]["coordinates"] == pytest.approx([35.04, 48.47], abs=0.05)


@pytest.mark.slow  # the STIX validator takes seconds
def test_stix_export_of_the_demo_corpus_is_valid(demo_store):
    from claimgraph.export.stix import export_stix

    pytest.importorskip("stix2")
    text = export_stix(demo_store)
    result = validate(text)
    assert result.is_valid and result.errors == []
    kinds = {o["type"] for o in json.loads(text)["objects"]}
    assert {"identity", "location", "infrastructure", "note", "opinion", "report", "relationship"} <= kinds
