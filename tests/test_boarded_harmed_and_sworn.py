"""Harm and force worded otherwise, from the maritime prober of session 35: crew "harmed" or
"missing", a tanker boarded by commandos, sea drones destroyed by a fleet, a fleet that acts
for its state, and force a speaker says it will use ('"We will strike them," the leader said'),
which is a threat; a reprisal promised for a raid tells the raid as done. Every sentence is
invented, but for the fleet, which the gazetteer must know."""

from __future__ import annotations

import pytest

from test_precision import extract  # noqa: F401  (the same one-document extraction fixture)
from test_unseen_news import names, of_type


def test_crew_said_not_harmed_is_a_casualty_denied(extract):
    claims, _ = extract("The navy of Estland said that none of the crew had been harmed in the attack on Tuesday.")
    tolls = of_type(claims, "CASUALTY")
    assert tolls and tolls[0].polarity == "denied"


def test_a_policy_that_would_not_harm_customers_is_no_casualty(extract):
    claims, _ = extract("The company said the new policy would not harm its customers in Kessel or elsewhere.")
    assert not of_type(claims, "CASUALTY")


def test_a_seafarer_still_missing_is_a_casualty(extract):
    claims, _ = extract("The Kessel shipping company said one of its seafarers was still missing after the "
                        "attack on Tuesday.")
    assert of_type(claims, "CASUALTY")


@pytest.mark.parametrize("text, attacked", [
    ("Norvanian commandos boarded the tanker Velka Star in the Strait of Kessel on Tuesday, the agency said.", True),
    ("Passengers boarded the ferry in Kessel on Tuesday morning before it left for the islands.", False),
])
def test_armed_men_boarding_a_ship_attack_it(extract, text, attacked):
    claims, _ = extract(text)
    assert bool(of_type(claims, "ATTACK")) is attacked


def test_sea_drones_destroyed_by_a_fleet_are_an_attack(extract):
    claims, _ = extract("Ten unmanned boats were destroyed by naval aviation and ships of the Black Sea Fleet "
                        "near Kessel, the ministry said on Tuesday.")
    assert of_type(claims, "ATTACK")


def test_the_black_sea_fleet_is_russia_s(extract):
    claims, ents = extract("The Black Sea Fleet destroyed ten Ukrainian unmanned boats near Sevastopol on "
                           "Tuesday, the ministry said.")
    attack = of_type(claims, "ATTACK")[0]
    assert [ents[a].country for a in attack.roles["actor"]] == ["RU"]


@pytest.mark.parametrize("text, threat", [
    ('"We will strike them wherever they are," the Kolwe leader Ivo Marran said in a speech on Thursday.', True),
    ("The Estland army said it would crush the rebels in the north before the end of the month.", True),
    ("The Estland army said it would not strike civilian areas in the north of the country.", False),
    ("The Estland army said the rebels would attack the town of Kessel again within days.", False),
])
def test_force_the_speaker_says_it_will_use_is_a_threat(extract, text, threat):
    claims, _ = extract(text)
    assert bool(of_type(claims, "THREATEN")) is threat


def test_a_raid_a_reprisal_is_promised_for_is_told_as_done(extract):
    claims, ents = extract("Iran's defence minister said Iran would retaliate against Estland for the raid on "
                           "its consulate in Kessel.")
    threat = of_type(claims, "THREATEN")[0]
    assert names(ents, threat.roles["target"]) == ["estland"]
    raid = of_type(claims, "ATTACK")[0]
    assert raid.modality == "fact"
