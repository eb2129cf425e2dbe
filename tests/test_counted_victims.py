"""A lede written like a headline drops the "were" of a passive: "Eleven police killed, dozens
wounded in a car bomb attack" counts victims, it does not make the police killers; counted people
who killed keep their object ("two gunmen killed a guard"). A happening dated in its own name ("the
March 11, 2005, incident that left four dead") dates its relative clause. Attacks listed with places
and dates of their own are as many claims, each where and when its phrases say. Invented sentences
(session 19)."""

from __future__ import annotations

import pytest
from test_precision import extract  # noqa: F401  (the same one-document extraction fixture)
from test_unseen_news import names, of_type


@pytest.mark.parametrize("text, victims", [
    ("Eleven police killed, dozens wounded in car bomb attack in Batman, officials said on Monday.", ["police"]),
    ("Two border guards killed and four wounded in attack on a post near Kidal, the army said.", ["guard"]),
])
def test_counted_people_killed_without_an_object_are_victims(extract, text, victims):
    claims, ents = extract(text)
    deaths = [c for c in of_type(claims, "CASUALTY") if c.trigger == "killed"]
    assert deaths and names(ents, deaths[0].roles["target"]) == victims
    assert all(names(ents, c.roles["actor"]) == [] for c in claims if c.type in {"ATTACK", "CASUALTY"})


def test_counted_people_who_killed_someone_are_the_killers(extract):
    claims, ents = extract("Two gunmen killed a guard at the checkpoint near Kidal, the governor said on Monday.")
    deaths = of_type(claims, "CASUALTY")
    assert names(ents, deaths[0].roles["actor"]) == ["gunmen"]
    assert names(ents, deaths[0].roles["target"]) == ["guard"]


# -- a happening dated in its own name dates what its relative clause tells ------------------------

@pytest.mark.parametrize("text, day", [
    ("The court jailed Pavel Ostrov for the March 11, 2005, incident that left four people dead.", "2005-03-11"),
    ("The senators discussed the Sept. 12, 2012 attack on the consulate that killed two diplomats.",
     "2012-09-12"),
])
def test_a_dated_happening_dates_its_relative_clause(extract, text, day):
    deaths = of_type(extract(text, published="2016-03-15")[0], "CASUALTY")
    assert deaths and deaths[0].time.start == day


def test_an_undated_happening_leaves_its_relative_clause_undated(extract):
    deaths = of_type(extract("The court jailed Pavel Ostrov on Monday for the incident that left four people "
                             "dead.", published="2016-03-15")[0], "CASUALTY")
    assert deaths and deaths[0].time.start is None


# -- happenings listed apart, each with its own place and date --------------------------------------

def test_attacks_listed_with_their_own_places_and_dates_stay_apart(extract):
    claims, ents = extract("The shelling of a market in Aleppo in 2014 and the shelling of a school in Idlib "
                           "in 2016 were both blamed on government forces.", published="2020-09-20")
    attacks = sorted(of_type(claims, "ATTACK"), key=lambda c: c.time.start or "")
    assert [(names(ents, c.roles["location"]), c.time.start) for c in attacks] == [
        (["aleppo"], "2014-01-01"), (["idlib"], "2016-01-01")]


def test_attacks_sharing_one_place_and_day_stay_one_claim(extract):
    claims, ents = extract("The raid and the ambush killed five soldiers near Gao on Monday, the army said.")
    assert len(of_type(claims, "ATTACK")) == 1


def test_a_victim_described_by_what_they_were_doing_is_the_one_shot(extract):
    claims, ents = extract("A state trooper interviewing a driver outside a motel in Dunmore was fatally "
                           "shot on Friday, officials said.")
    deaths = of_type(claims, "CASUALTY")
    assert deaths and names(ents, deaths[0].roles["target"]) == ["trooper"]


# -- a person who kills someone attacks them; a road death is no attack ---------------------------

@pytest.mark.parametrize("text, attack", [
    ("A judge on Saturday sentenced the man who killed four people during a courthouse escape in Tarnow.", True),
    ("He was convicted on Friday of killing a guard at the Tarnow courthouse in 2005.", True),
    ("Anna Kowal, 71, was killed by a drunk driver on the ring road near Tarnow on Friday.", False),
    ("The crash killed five people on the motorway near Tarnow on Monday, police said.", False),
])
def test_a_person_who_kills_attacks(extract, text, attack):
    claims, _ = extract(text)
    assert of_type(claims, "CASUALTY")
    assert bool(of_type(claims, "ATTACK")) is attack


# -- session 31: victims the sense check did not take for people ------------------------------

@pytest.mark.parametrize("text", [
    "Scores of people were killed in the bombing of the market in Kolwe on Tuesday.",
    "A 17-year-old was killed by Norvanian fire near Kessel on Thursday, the health ministry said.",
])
def test_victims_counted_vaguely_or_by_age_are_people(extract, text):
    claims, _ = extract(text)
    assert of_type(claims, "CASUALTY")


def test_weapons_flown_to_a_party_are_supplied(extract):
    claims, ents = extract("The experts said Norvanian military aircraft had flown armed drones and ammunition "
                           "to the militia in Kessel.")
    assert of_type(claims, "TRANSFER")


def test_aircraft_a_state_flies_are_not_supplied(extract):
    claims, _ = extract("The drones that Norvania has flown since 2022 are much smaller than the new ones.")
    assert not of_type(claims, "TRANSFER")


def test_a_supply_told_again_with_a_number_is_the_second_partys(extract):
    claims, ents = extract("Norvania has pledged 19 of the jets to Estland, and Kessel has promised six more.")
    supplies = {names(ents, c.roles["actor"])[0]: [q.value for q in c.quantities] for c in of_type(claims, "TRANSFER")}
    assert supplies == {"norvania": [19], "kessel": [6]}


def test_a_building_the_killing_clause_hangs_on_kills_no_one(extract):
    claims, ents = extract("The raid came a week after last week's strike on the Kolwe regional hospital that killed 12.")
    assert all(not c.roles["actor"] for c in of_type(claims, "CASUALTY"))
