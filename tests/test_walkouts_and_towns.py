"""Two readings from session 39's probers (issue 9). Working people or their unions who "would
strike" at nothing and no one walk out: no attack, no threat. "The central Haitian town of
Mirebalais" attacked is Mirebalais, hit and where it happened, not Haiti. Every sentence is
invented."""

from __future__ import annotations

import pytest
from test_precision import extract  # noqa: F401  (the same one-document extraction fixture)
from test_unseen_news import names, of_type


@pytest.mark.parametrize("text", [
    "Medical workers' unions said they would strike on Monday if the nurses were not freed.",
    "Dock workers struck for a week in March.",
])
def test_workers_who_strike_walk_out(extract, text):
    claims, _ = extract(text)
    assert not of_type(claims, "ATTACK") and not of_type(claims, "THREATEN")


@pytest.mark.parametrize("text", [
    "The rebels said they would strike Goma unless the army withdrew.",
    "The driver was struck by a bullet as he fled the checkpoint.",
])
def test_strikes_at_a_town_or_a_person_stay_attacks(extract, text):
    claims, _ = extract(text)
    assert of_type(claims, "ATTACK")


@pytest.mark.parametrize("text, town", [
    ("Gang members attacked the central Haitian town of Mirebalais on Monday.", "mirebalais"),
    ("The insurgents attacked the village of Mieze in Ancuabe district on Friday, burning a church.", "mieze"),
])
def test_the_town_of_a_name_is_the_place_hit(extract, text, town):
    claims, ents = extract(text)
    attack = of_type(claims, "ATTACK")[0]
    assert names(ents, attack.roles["target"]) == [town]
    assert names(ents, attack.roles["location"]) == [town]
