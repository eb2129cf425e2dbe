""""The army", "the military" or "the junta" after an article named one state's army ("Sudan's
army", "the Sudanese army", "Myanmar's military") is that army; "Junta jets" are jets, whose
they are, not a weapon called Junta (issue 9, the Myanmar prober of session 40). Every sentence
is invented."""

from __future__ import annotations

import pytest
from test_precision import extract  # noqa: F401  (the same one-document extraction fixture)
from test_unseen_news import of_type


@pytest.mark.parametrize("first, army", [
    ("Sudan's army pushed the rebels out of a district on Sunday.", "Sudan"),
    ("The Sudanese army pushed the rebels out of a district on Sunday.", "Sudanese Armed Forces"),
])
@pytest.mark.parametrize("later", ["The army", "The military"])
def test_the_army_is_the_one_named_before(extract, first, army, later):
    claims, ents = extract(f"{first} {later} shelled the Omdurman market on Monday, residents said.")
    assert [ents[i].name for c in of_type(claims, "ATTACK") for i in c.roles["actor"]] == [army]


def test_two_armies_named_leave_the_army_unnamed(extract):
    claims, ents = extract("Armenia's army and Azerbaijan's army traded fire on Sunday. "
                           "The army shelled a village near the border on Monday, residents said.")
    assert not [i for c in of_type(claims, "ATTACK") if c.trigger == "shelled" for i in c.roles["actor"]]


def test_jets_named_by_the_junta_are_jets(extract):
    claims, ents = extract("Myanmar's military said on Sunday it had retaken a town. "
                           "Junta jets struck residential wards in Lashio on Sunday, residents said.")
    strike = next(c for c in of_type(claims, "ATTACK") if c.trigger == "struck")
    assert [ents[i].name for i in strike.roles["instrument"]] == ["jet"]
    assert [ents[i].name for i in strike.roles["actor"]] == ["Myanmar"]


def test_a_rebel_group_called_an_army_is_no_state_s_army(extract):
    claims, ents = extract("The Arakan Army captured the town of Ann on Friday. "
                           "The group accused the junta of war crimes.")
    accused = {ents[i].name for c in claims if c.type == "ACCUSE" for i in c.roles["target"]}
    assert "Arakan Army" not in accused


def test_the_army_after_a_rebel_army_is_not_the_rebels(extract):
    claims, ents = extract("The Kachin Independence Army seized a base on Friday. "
                           "The army shelled the village on Monday.")
    assert not [i for c in claims if c.trigger == "shelled" for i in c.roles["actor"]]
