"""Police and deputies sent out are deployments too: "deputies fanned out across the town",
"descended on the area", "police barricaded the avenue"; people who barricade themselves in hid,
nobody sent them. A weekday the NER leaves untagged ("late Friday") still dates the claim.
Constructions from the ecb4 and ecb6 misses (session 19); every sentence is invented."""

from __future__ import annotations

import pytest
from test_precision import extract  # noqa: F401  (the same one-document extraction fixture)
from test_unseen_news import names, of_type


@pytest.mark.parametrize("text, deployed", [
    ("Sheriff's deputies fanned out across Ashford late on Friday in search of the gunman.", True),
    ("Scores of deputies descended on the estate with dogs and rifles, officials said.", True),
    ("Overnight, police barricaded Dunmore Avenue in front of the station.", True),
    ("Workers barricaded themselves inside the warehouse as shots rang out, witnesses said.", False),
    ("Share prices descended sharply on Friday and investors fanned out into bonds.", False),
])
def test_officers_sent_out_are_deployed_and_people_hiding_are_not(extract, text, deployed):
    assert bool(of_type(extract(text)[0], "DEPLOY")) is deployed


def test_an_untagged_weekday_still_dates_the_claim(extract):
    claims, ents = extract("Sheriff's deputies fanned out across Ashford late Friday in search of the gunman, "
                           "who had shot a guard.", published="2005-06-25")
    deploy = of_type(claims, "DEPLOY")
    assert deploy and deploy[0].time.start == "2005-06-24"
    assert names(ents, deploy[0].roles["subject"]) == ["deputy"]


def test_a_scene_cordoned_off_is_held_by_the_officers_sent(extract):
    """The lemmatizer reads "cordoned" as "cordone", and the parser may take "off" for a
    preposition; neither hides the deployment (session 24)."""
    claims, _ = extract("Deputies cordoned off streets in the Hawaiian Gardens neighborhood on Friday.")
    deployments = [c for c in claims if c.type == "DEPLOY"]
    assert [c.trigger for c in deployments] == ["cordoned"]


def test_a_vehicle_going_off_the_road_is_no_blast(extract):
    claims, _ = extract("Police in Virden detained the suspect when his vehicle went off the road near the town.")
    assert not [c for c in claims if c.type == "ATTACK"]


@pytest.mark.parametrize("text, deployed", [
    ("The army rushed troops to the border town of Kerava on Sunday.", True),
    ("Officers rushed in, looking for the missing boy.", False),
    ("Government forces set up roadblocks around the main towns of the province, residents said.", True),
    ("The army set up a committee to look into the killings.", False),
    ("Ukrainian troops crossed the river near Kherson on Tuesday, the general staff said.", True),
    ("Hundreds of migrants crossed the border into Poland on Tuesday, border guards said.", False),
    ("The minister said the government had crossed a red line with its decision.", False),
])
def test_forces_rushed_somewhere_or_posted_at_roadblocks_are_deployed(extract, text, deployed):
    assert bool(of_type(extract(text)[0], "DEPLOY")) is deployed


def test_a_warship_named_with_its_class_is_the_force_sent_and_keeps_its_name(extract):
    claims, ents = extract("The navy rushed its stealth frigate INS Varuna to the Gulf of Aden on Monday.")
    deploy = of_type(claims, "DEPLOY")
    assert deploy and [ents[i].name for i in deploy[0].roles["subject"]] == ["INS Varuna"]


def test_a_patrol_that_came_under_fire_was_hit_not_sent(extract):
    claims, _ = extract("A Ruritanian patrol came under fire near Kessel on Tuesday, the ministry said.")
    assert not of_type(claims, "DEPLOY")
    assert of_type(claims, "ATTACK")


def test_an_aid_package_for_a_country_is_received_by_it_with_what_it_includes(extract):
    claims, ents = extract("Ruritania announced a military aid package for Kessland on Friday, including "
                           "artillery shells.")
    transfer = of_type(claims, "TRANSFER")
    assert transfer and names(ents, transfer[0].roles["recipient"]) == ["kessland"]
    assert "artillery shell" in names(ents, transfer[0].roles["instrument"])


@pytest.mark.parametrize("text", [
    "Strikers blocked the ports of Zambia. The government sent 500 soldiers to Kasama on Friday.",
    "Government forces set up checkpoints around Ndola, residents in Zambia said.",
    "The government of Zambia sent troops to the border.",
])
def test_the_government_of_a_one_country_story_is_that_country(extract, text):
    deploy = of_type(extract(text)[0], "DEPLOY")[0]
    assert names(extract(text)[1], deploy.roles["actor"]) == ["zambia"]


def test_the_government_of_a_story_of_two_countries_is_nobody_named(extract):
    claims, ents = extract("Zambia and Malawi traded accusations. The government sent 500 soldiers to the border.")
    assert all(not c.roles["actor"] for c in of_type(claims, "DEPLOY"))


def test_troops_denied_to_have_crossed_a_border_is_a_denied_deployment(extract):
    claims, ents = extract("The Kremlin denied that Russian troops had crossed into Moldova.")
    deploy = of_type(claims, "DEPLOY")[0]
    assert deploy.polarity == "denied" and names(ents, deploy.roles["location"]) == ["moldova"]
