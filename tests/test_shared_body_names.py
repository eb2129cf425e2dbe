"""A name many states give a body of theirs ("Ministry of National Defence", "National Security
Council") is the gazetteer's body of one state only in an article that names that state (issue
9, the Cabo Delgado prober of session 39: Mozambique's ministry had become South Korea's)."""

from __future__ import annotations

import pytest

from claimgraph.resolve.entities import EntityResolver


@pytest.mark.parametrize("written", ["Ministry of National Defense", "Ministry of National Defence"])
def test_a_shared_ministry_name_in_another_state_s_story_is_no_known_body(written):
    found = EntityResolver().resolve(written, "ORG", context_countries=("MZ",))
    assert found.id != "org:south-korea-defence-ministry"


def test_the_shared_name_in_a_story_of_its_state_is_that_state_s_body():
    found = EntityResolver().resolve("Ministry of National Defense", "ORG", context_countries=("KR", "KP"))
    assert found.id == "org:south-korea-defence-ministry"


def test_a_name_only_one_state_uses_needs_no_context():
    assert EntityResolver().resolve("Unification Ministry", "ORG").id == "org:south-korea-unification-ministry"
