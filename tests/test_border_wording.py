"""Wordings the border-clash and sanctions probers of session 34 found misread (issue 9):
soldiers who "fired first", a nationality the tagger took for a name, a ministry that is no
soldier's name, a body named in apposition to the speaker, and sanctions lifted.
Invented sentences; real countries only where the gazetteer must know the nationality."""

from __future__ import annotations

import pytest

from test_coref_roles import extract  # noqa: F401  (the one-document extraction fixture)
from test_unseen_news import of_type


def _names(claim, ents, role):
    return {ents[i].name for i in claim.roles.get(role, [])}


@pytest.mark.parametrize("text", [
    "Thai troops fired first near the disputed temple on Wednesday, the ministry said.",
    "Armenian troops fired on Monday near the village, the border service said.",
])
def test_soldiers_who_fire_with_no_object_shoot(extract, text):
    claims, ents = extract(text)
    assert len(of_type(claims, "ATTACK")) == 1


def test_a_politician_who_fired_back_shot_no_one(extract):
    claims, _ = extract("The senator fired back at his critics on Monday in a long statement to reporters.")
    assert not of_type(claims, "ATTACK")


def test_a_nationality_the_tagger_reads_as_a_name_is_the_side(extract):
    # the small model tags this adjective a person's name here
    claims, ents = extract("Two Armenian soldiers were killed and one was wounded when Azerbaijani units opened "
                           "fire on positions near the border, the ministry said.")
    for claim in of_type(claims, "ATTACK") + of_type(claims, "CASUALTY"):
        assert _names(claim, ents, "actor") == {"Azerbaijan"}


def test_a_ministry_after_the_victim_is_the_speaker_not_the_victims_name(extract):
    claims, ents = extract("Thai and Cambodian soldiers exchanged gunfire near the disputed temple early Wednesday, "
                           "killing one Cambodian soldier, Cambodia's Defense Ministry said.")
    for claim in of_type(claims, "CASUALTY"):
        assert not any("Ministry" in name for name in _names(claim, ents, "target"))


def test_a_body_named_in_apposition_to_the_speaker_is_the_source(extract):
    claims, ents = extract("Its media wing, Inter-Services Public Relations (ISPR), said Indian forces shelled "
                           "three villages near the Line of Control on Tuesday night.")
    attack = of_type(claims, "ATTACK")[0]
    assert attack.source is not None and "wing" not in ents[attack.source].name.lower()


@pytest.mark.parametrize("text", [
    "Velkova said on Tuesday she would order the lifting of all sanctions on Norvania, a move that could "
    "unlock billions of dollars.",
    "The council approved sanctions relief for Norvania's central bank on Friday, officials said.",
])
def test_sanctions_lifted_are_no_sanctions_imposed(extract, text):
    claims, _ = extract(text)
    assert not of_type(claims, "SANCTION")


def test_shots_fired_back_and_weapons_said_unused_are_two_claims(extract):
    claims, ents = extract("The army spokesman said Thai troops had only fired back after coming under fire "
                           "and had not used drones or grenades.")
    attacks = of_type(claims, "ATTACK")
    assert sorted(c.polarity for c in attacks) == ["asserted", "denied"]
    fired = next(c for c in attacks if c.polarity == "asserted")
    assert not fired.roles["instrument"]  # the drones are the denied attack's
