"""Police and deputies sent out are deployments too: "deputies fanned out across the town",
"descended on the area", "police barricaded the avenue"; people who barricade themselves in hid,
nobody sent them. A weekday the NER leaves untagged ("late Friday") still dates the claim.
Constructions from the ecb4 and ecb6 misses (session 19); every sentence is invented."""

from __future__ import annotations

import pytest
from test_precision import extract  # noqa: F401  (the same one-document extraction fixture)
from test_unseen_news import names, of_type


@pytest.mark.parametrize("text", [
    "Sheriff's deputies fanned out across Ashford late on Friday in search of the gunman.",
    "Scores of deputies descended on the estate with dogs and rifles, officials said.",
    "Overnight, police barricaded Dunmore Avenue in front of the station.",
])
def test_officers_sent_out_are_deployed(extract, text):
    assert of_type(extract(text)[0], "DEPLOY")


@pytest.mark.parametrize("text", [
    "Workers barricaded themselves inside the warehouse as shots rang out, witnesses said.",
    "Share prices descended sharply on Friday and investors fanned out into bonds.",
])
def test_hiding_and_falling_prices_deploy_no_one(extract, text):
    assert not of_type(extract(text)[0], "DEPLOY")


def test_an_untagged_weekday_still_dates_the_claim(extract):
    claims, ents = extract("Sheriff's deputies fanned out across Ashford late Friday in search of the gunman, "
                           "who had shot a guard.", published="2005-06-25")
    deploy = of_type(claims, "DEPLOY")
    assert deploy and deploy[0].time.start == "2005-06-24"
    assert names(ents, deploy[0].roles["subject"]) == ["deputy"]
