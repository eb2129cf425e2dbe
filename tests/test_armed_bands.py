"""Gangs and their members are armed people (issue 9, the Haiti prober of session 39): "gangs
overran the district" names its attackers, "gang members" are one band's people, not "members"
of anything. Every sentence is invented."""

from __future__ import annotations

import pytest
from test_precision import extract  # noqa: F401  (the same one-document extraction fixture)
from test_unseen_news import names, of_type


@pytest.mark.parametrize("text, doers", [
    ("Gangs overran the Delmas district of the capital on Monday, residents said.", ["gangs"]),
    ("Gang members attacked a police station in Kenscoff on Friday.", ["gang members"]),
    ("Suspected gang members killed two police officers in Kenscoff on Friday.", ["suspected gang members"]),
])
def test_gangs_and_gang_members_are_the_attackers(extract, text, doers):
    claims, ents = extract(text)
    attacks = of_type(claims, "ATTACK")
    assert attacks and names(ents, attacks[0].roles["actor"]) == doers


def test_gang_members_killed_are_that_band_s_people_not_members_of_anything(extract):
    claims, ents = extract("Police killed 28 suspected gang members in Petion-Ville on Sunday.")
    tolls = of_type(claims, "CASUALTY")
    assert tolls and names(ents, tolls[0].roles["target"]) == ["suspected gang members"]


def test_union_members_are_no_armed_band(extract):
    claims, _ents = extract("Union members attacked the decision on Monday.")
    assert not of_type(claims, "ATTACK")
