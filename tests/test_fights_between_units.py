"""A fight "between" two sides is fought by both: each is an actor, neither the one attacked (the
convention of the development golds: "clashes between Moslems and Christians", "fighting between
the army and the RSF"); and a number written into a unit's name ("the 444 Brigade") counts
nothing (issue 9, the Libya and Mexico-Colombia probers of session 40). Every sentence is
invented."""

from __future__ import annotations

import pytest
from test_precision import extract  # noqa: F401  (the same one-document extraction fixture)
from test_unseen_news import of_type


@pytest.mark.parametrize("text, sides", [
    ("Clashes between Radaa and the 444 Brigade killed six people in Tripoli on Monday.", {"Radaa", "444 Brigade"}),
    ("Fighting between Sudanese troops and RSF fighters killed 12 people in Omdurman on Monday.",
     {"Sudan", "Rapid Support Forces"}),
])
def test_both_sides_of_a_fight_between_them_are_its_actors(extract, text, sides):
    claims, ents = extract(text)
    for claim in of_type(claims, "ATTACK") + of_type(claims, "CASUALTY"):
        assert {ents[i].name for i in claim.roles["actor"]} == sides
        assert not claim.roles["target"]


@pytest.mark.parametrize("text, counts", [
    ("Clashes between Radaa and the 444 Brigade killed six people in Tripoli on Monday.", [6]),
    ("Fighters of the 111 Brigade shelled the airport on Monday, killing three guards.", [3]),
])
def test_a_number_in_a_unit_s_name_counts_nothing(extract, text, counts):
    claims, _ = extract(text)
    assert sorted(q.value for c in claims for q in c.quantities) == counts
