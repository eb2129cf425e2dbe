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
