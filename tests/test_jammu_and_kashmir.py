""""Jammu and Kashmir" is one place, though the small model tags only "Jammu": the gazetteer's
regions (data/gazetteer/regions.jsonl) name it whole."""

from __future__ import annotations

from test_precision import extract  # noqa: F401  (the same one-document extraction fixture)


def test_jammu_and_kashmir_is_one_place(extract):
    claims, ents = extract("Four soldiers were killed in the Surankote area of Jammu and Kashmir's Poonch district "
                           "on Saturday.", published="2024-03-14")
    places = {ents[i].name for c in claims for i in c.roles["location"]}
    assert "Jammu and Kashmir" in places and "Jammu" not in places and "Kashmir" not in places
