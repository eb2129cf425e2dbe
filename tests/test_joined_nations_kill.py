"""A toll of forces of several nations joined before their noun ("American and British
warplanes ... killing 14") is every nation's, as their attack is. Every article here is invented."""

from __future__ import annotations

from test_precision import extract  # noqa: F401  (the same one-document extraction fixture)


def names_of(claim, ents, role):
    return {ents[i].name for i in claim.roles.get(role, [])}


def test_every_nation_joined_before_the_warplanes_killed(extract):
    claims, ents = extract("American and British warplanes struck the port of Kolwe overnight, killing 14 people.",
                           published="2024-03-14")
    toll = next(c for c in claims if c.type == "CASUALTY")
    assert names_of(toll, ents, "actor") == {"United States", "United Kingdom"}
