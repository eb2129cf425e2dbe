"""A town named in front of a weapon or struck by an attack verb: where it happened or what
was hit, never who attacked or which weapon. Probes written the way wire services report
strikes; every sentence is invented."""

from __future__ import annotations

import pytest
from test_precision import extract  # noqa: F401  (the same one-document extraction fixture)
from test_unseen_news import names, of_type


def test_a_town_before_a_car_bomb_is_where_it_went_off(extract):
    claims, ents = extract("A Mosul car bomb killed six policemen on Friday.")
    attack, toll = of_type(claims, "ATTACK")[0], of_type(claims, "CASUALTY")[0]
    assert names(ents, attack.roles["location"]) == ["mosul"] == names(ents, toll.roles["location"])
    assert not attack.roles["actor"] and not toll.roles["actor"]
    assert names(ents, attack.roles["instrument"]) == ["car bomb"]  # not an "Iraqi car bomb"


def test_a_country_s_missile_still_names_who_fired_it(extract):
    claims, ents = extract("A Russian missile killed four firefighters.")
    for claim in of_type(claims, "ATTACK") + of_type(claims, "CASUALTY"):
        assert names(ents, claim.roles["actor"]) == ["russia"]


def test_a_town_before_a_missile_strike_is_no_weapon_name(extract):
    claims, ents = extract("A Dnipro missile strike wounded nine civilians.")
    attack = of_type(claims, "ATTACK")[0]
    assert names(ents, attack.roles["instrument"]) == ["missile"]
    assert names(ents, attack.roles["location"]) == ["dnipro"]


@pytest.mark.parametrize(("text", "town"), [("Russian drones hit Kyiv overnight.", "kyiv"),
                                           ("Artillery units shelled Kharkiv again.", "kharkiv")])
def test_a_big_town_an_attack_verb_strikes_is_a_place(extract, text, town):
    claims, ents = extract(text)
    attack = of_type(claims, "ATTACK")[0]
    assert town in names(ents, attack.roles["target"] + attack.roles["location"])
    assert all(ents[i].type == "GPE" for i in attack.roles["target"])


def test_a_person_struck_by_name_stays_a_person(extract):
    claims, ents = extract("Dana Lincoln had left the rally. Two men later attacked Lincoln outside a bar.")
    attack = of_type(claims, "ATTACK")[0]
    assert names(ents, attack.roles["target"]) == ["dana lincoln"]
    assert not attack.roles["location"] or "lincoln" not in names(ents, attack.roles["location"])


def test_a_party_the_tagger_took_for_a_place_before_a_weapon_is_still_the_party(extract):
    claims, ents = extract("Junta drones dropped bombs on a market in Lashio, killing 12 traders.")
    for claim in of_type(claims, "ATTACK") + of_type(claims, "CASUALTY"):
        assert names(ents, claim.roles["actor"]) == ["junta"]
        assert "junta" not in names(ents, claim.roles["location"])


@pytest.mark.parametrize(("text", "target"), [
    ("The defence ministry said its forces had destroyed nine armoured vehicles near Avdiivka.", "vehicle"),
    ("Air defences destroyed 21 of 25 drones launched overnight, the air force said.", "drone"),
    ("Rebels destroyed a radar station on the coast.", "radar station"),
])
def test_destroying_weapons_vehicles_or_military_works_is_an_attack_on_them(extract, text, target):
    claims, ents = extract(text)
    destroyed = next(c for c in of_type(claims, "ATTACK") if c.trigger == "destroyed")
    assert any(target in name for name in names(ents, destroyed.roles["target"]))
    assert not destroyed.roles["instrument"]


@pytest.mark.parametrize("text", ["A fire destroyed the warehouse on Monday.", "The clerk destroyed the documents.",
                                  "Floods destroyed 300 homes in the valley."])
def test_destroying_anything_else_is_no_attack(extract, text):
    assert not of_type(extract(text)[0], "ATTACK")


def test_the_rebels_are_no_state_s_armed_forces_named_before(extract):
    claims, ents = extract("Russia's army sent jets over Kidal on Monday. "
                           "The rebels destroyed three armoured vehicles near the town.")
    destroyed = next(c for c in of_type(claims, "ATTACK") if c.trigger == "destroyed")
    assert "russian armed forces" not in names(ents, destroyed.roles["actor"])
    assert names(ents, destroyed.roles["target"]) == ["vehicle"]


def test_jets_sent_over_a_town_are_flown_there_not_handed_over(extract):
    claims, _ = extract("The air force sent two jets over Gao on Monday.")
    assert not of_type(claims, "TRANSFER")
    assert of_type(extract("Iran sent drones to Russia.")[0], "TRANSFER")


@pytest.mark.parametrize(("text", "place"), [
    ("NATO deployed fighter jets to Latvia after a drone crossed its border.", "latvia"),
    ("The US stationed B-52 bombers in Guam.", "guam"),
])
def test_warplanes_deployed_somewhere_are_a_deployment(extract, text, place):
    deploy = of_type(extract(text)[0], "DEPLOY")
    assert deploy and names(extract(text)[1], deploy[0].roles["location"]) == [place]


@pytest.mark.parametrize("text", ["Moscow deployed Iskander missiles to Belarus last year.",
                                  "The militia deployed anti-tank missiles along the border with Lebanon.",
                                  "Kyiv deployed new air defence systems near the front line in Zaporizhzhia."])
def test_missiles_deployed_somewhere_are_fired_at_no_one(extract, text):
    claims, _ = extract(text)
    assert not of_type(claims, "ATTACK")


def test_drones_deployed_against_someone_are_used(extract):
    claims, _ = extract("The army deployed drones against rebel positions near the town of Kidal on Monday.")
    assert of_type(claims, "ATTACK")


def test_a_one_word_name_shot_is_a_person_whatever_town_bears_it(extract):
    claims, ents = extract("The gunman shot Jackson twice outside the bar.")
    attack = of_type(claims, "ATTACK")[0]
    assert [ents[i].type for i in attack.roles["target"]] == ["PERSON"]
    assert not attack.roles["location"]


def test_an_aircraft_downed_is_an_attack_on_it(extract):
    claims, ents = extract("Air defences downed a Su-34 jet over the Donetsk region on Friday, the army said.")
    attack = of_type(claims, "ATTACK")[0]
    assert names(ents, attack.roles["target"]) == ["su-34"]


def test_forces_of_a_nationality_the_tagger_missed_are_that_country_s(extract):
    claims, ents = extract("Somali forces recaptured the town of Harardhere from the militants on Monday.")
    attack = of_type(claims, "ATTACK")[0]
    assert names(ents, attack.roles["actor"]) == ["somalia"]


def test_a_town_retook_is_taken_again(extract):
    claims, ents = extract("Government forces retook the town of Kupiansk from the militants on Monday, officials said.")
    assert names(ents, of_type(claims, "ATTACK")[0].roles["location"]) == ["kupiansk"]


def test_a_happening_recalled_after_since_keeps_its_own_date_apart(extract):
    claims, _ = extract("Malian troops launched an offensive against rebels near Tessit on Monday, in the largest "
                        "operation in the region since government forces captured the town in late 2023.",
                        published="2025-04-15")
    assert [c.time.start for c in of_type(claims, "ATTACK")] == ["2025-04-14"]


def test_a_town_named_with_a_hyphened_particle_is_whole(extract):
    claims, ents = extract("At least 14 fighters were killed in clashes near Deir ez-Zor on Monday, monitors said.")
    toll = of_type(claims, "CASUALTY")[0]
    assert names(ents, toll.roles["location"]) == ["deir ez-zor"]
