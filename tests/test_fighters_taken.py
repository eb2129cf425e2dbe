"""Fighters arrested or surrendering are captured (CASUALTY: killed, wounded, missing or
captured): "arrested 23 heavily armed pirates", "the gunmen surrendered to the army"; a
neighbour arrested or a suspect who gives himself up is police work, not a casualty of a
fight. Invented sentences."""

from __future__ import annotations

import pytest

from test_precision import extract  # noqa: F401  (the one-document extraction fixture)
from test_unseen_news import names, of_type


@pytest.mark.parametrize("text, captured", [
    ("Navy commandos boarded the dhow on Saturday and arrested 23 heavily armed pirates.", True),
    ("Government troops arrested 14 rebels near the border town of Kessel on Friday.", True),
    ("Police arrested a neighbour of the victim on Monday.", False),
    ("The suspect surrendered to police after a two-hour standoff at his home in Kessel.", False),
])
def test_fighters_arrested_or_surrendering_are_captured(extract, text, captured):
    assert bool(of_type(extract(text)[0], "CASUALTY")) is captured


def test_fighters_who_surrender_are_taken_by_those_they_surrender_to(extract):
    claims, ents = extract("The gunmen surrendered to the Kenyan army near Garissa on Monday.")
    taken = of_type(claims, "CASUALTY")
    assert taken and names(ents, taken[0].roles["target"]) == ["gunman"]
    assert names(ents, taken[0].roles["actor"]) == ["kenyan army"]
