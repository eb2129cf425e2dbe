"""Religious and residential sites are things hit, not the creed that names them ("bombed a
Buddhist monastery" hit the monastery, not Buddhists), and a share of a place taken is the place
taken ("captured most of Khartoum" is no capture of people) (issue 9, the Myanmar prober of
session 40). Every sentence is invented."""

from __future__ import annotations

import pytest
from test_precision import extract  # noqa: F401  (the same one-document extraction fixture)
from test_unseen_news import of_type


@pytest.mark.parametrize("text, site", [
    ("A regime fighter jet bombed a Buddhist monastery in Ponnagyun township on Wednesday.", "Buddhist monastery"),
    ("Gunmen attacked an Islamic madrasa in Kano on Friday.", "Islamic madrasa"),
])
def test_a_site_named_by_its_creed_is_the_target(extract, text, site):
    claims, ents = extract(text)
    assert [ents[i].name for c in of_type(claims, "ATTACK") for i in c.roles["target"]] == [site]


@pytest.mark.parametrize("text", [
    "Rebels captured most of Khartoum on Friday.",
    "M23 fighters seized much of North Kivu province last year.",
])
def test_a_share_of_a_place_taken_is_an_attack_on_the_place(extract, text):
    claims, _ = extract(text)
    assert of_type(claims, "ATTACK") and not of_type(claims, "CASUALTY")


def test_a_share_of_people_taken_is_still_a_capture(extract):
    claims, _ = extract("Rebels captured most of the 40 soldiers guarding the bridge on Friday.")
    assert of_type(claims, "CASUALTY")
