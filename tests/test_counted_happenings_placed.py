"""Happenings counted by another noun take the place of its clause (issue 9): "In Kessel,
they've had thousands of shootings" places the shootings in Kessel. Invented sentence."""

from __future__ import annotations

from test_coref_roles import extract  # noqa: F401  (the one-document extraction fixture)


def test_the_place_of_the_clause_that_counts_the_happenings(extract):
    claims, ents = extract('The mayor said: "In Chicago, they have had thousands of shootings since January."')
    attacks = [c for c in claims if c.type == "ATTACK"]
    assert attacks and "Chicago" in {ents[p].name for p in attacks[0].roles["location"]}
