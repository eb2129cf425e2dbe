"""Condemnations and accusations told without the verbs "condemn" or "accuse", from the
missile-barrage prober of session 35: a protest lodged with a state, a condemnation drawn from
others, a launch called "absolutely unacceptable", an attack described as an attempt at
terrorist attacks. Every sentence is invented."""

from __future__ import annotations

import pytest

from test_precision import extract  # noqa: F401  (the same one-document extraction fixture)
from test_unseen_news import names, of_type


def test_a_protest_lodged_with_a_state_condemns_it(extract):
    claims, ents = extract("Estland lodged a formal protest with Norvania over the detention of its diplomats "
                           "in Kessel on Monday.")
    condemn = of_type(claims, "CONDEMN")[0]
    assert names(ents, condemn.roles["actor"]) == ["estland"]
    assert names(ents, condemn.roles["target"]) == ["norvania"]


@pytest.mark.parametrize("text", [
    "Thousands joined a protest in the centre of Kessel on Sunday against the new labour law.",
    "Police broke up a protest outside the parliament in Kessel on Monday, witnesses said.",
])
def test_a_protest_in_the_streets_condemns_no_one(extract, text):
    claims, _ = extract(text)
    assert not of_type(claims, "CONDEMN")


def test_a_condemnation_drawn_from_others_is_theirs(extract):
    claims, ents = extract("Norvania's missile launch drew condemnation from Estland and Marra on Tuesday.")
    condemn = of_type(claims, "CONDEMN")[0]
    assert names(ents, condemn.roles["actor"]) == ["estland", "marra"]
    assert names(ents, condemn.roles["target"]) == ["norvania"]


def test_threats_received_still_name_the_one_threatened(extract):
    claims, ents = extract("Councillor Ann Velkova said she had received death threats after the vote in Kessel.")
    threat = of_type(claims, "THREATEN")[0]
    assert names(ents, threat.roles["target"]) == ["ann velkova"] and not threat.roles["actor"]


def test_a_launch_called_unacceptable_is_condemned(extract):
    claims, ents = extract('Prime Minister Ivo Marran called the repeated Norvanian launches "absolutely '
                           'unacceptable".')
    condemn = of_type(claims, "CONDEMN")[0]
    assert names(ents, condemn.roles["actor"]) == ["ivo marran"]


def test_an_attack_described_as_terrorism_by_a_party_accuses_it(extract):
    claims, ents = extract("The Norvanian defence ministry described the attack as an attempt by the Estland "
                           "regime to carry out terrorist attacks on facilities in Norvania.")
    accuse = of_type(claims, "ACCUSE")[0]
    assert names(ents, accuse.roles["target"]) == ["estland"]
