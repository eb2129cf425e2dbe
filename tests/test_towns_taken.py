"""A town that fighters capture is a place taken, not a person taken prisoner, whatever the
tagger called its name ("Lalibela" and "Fada" read as a person and an organisation)."""

from test_precision import extract  # noqa: F401
from test_unseen_news import names, of_type


def test_a_town_of_the_story_s_country_captured_is_an_attack(extract):
    claims, ents = extract("Chadian troops captured Fada on Sunday after heavy fighting.")
    assert not of_type(claims, "CASUALTY")
    attack, = of_type(claims, "ATTACK")
    assert "fada" in names(ents, attack.roles["location"] + attack.roles["target"])


def test_a_town_tagged_a_place_captured_is_no_prisoner(extract):
    claims, ents = extract("Rebels of the M23 in the Democratic Republic of Congo captured Bukavu on Sunday.")
    assert not of_type(claims, "CASUALTY")
    assert of_type(claims, "ATTACK")


def test_people_captured_are_still_casualties(extract):
    claims, ents = extract("Chadian troops captured 48 Libyan soldiers near Fada on Sunday.")
    assert of_type(claims, "CASUALTY")


def test_a_given_name_captured_is_a_person(extract):
    claims, ents = extract("Chadian troops captured Ahmed near the border on Sunday, the army said.")
    assert not [c for c in of_type(claims, "ATTACK") if "ahmed" in names(ents, c.roles["location"])]
