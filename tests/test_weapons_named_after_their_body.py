"""A weapon named after the armed body that fired it, from the sieges prober of session 36: "the
mosque was hit by an army drone" names the army as the attacker. Every sentence is invented."""

from __future__ import annotations

import pytest

from test_precision import extract  # noqa: F401  (the same one-document extraction fixture)
from test_unseen_news import names, of_type


@pytest.mark.parametrize("text, body", [
    ("The clinic in Kessel was hit by an army drone on Friday, residents said.", "army"),
    ("Residents said the market in Marra was struck by a navy missile on Monday.", "navy"),
    ("On Sunday, military aircraft bombed the market in Marra, residents said.", "military"),  # an adjective
])
def test_a_weapon_named_after_its_body_was_fired_by_it(extract, text, body):
    claims, ents = extract(text)
    attacks = of_type(claims, "ATTACK")
    assert attacks and all(body in " ".join(names(ents, c.roles["actor"])) for c in attacks)


def test_the_air_force_is_no_armed_group_named_before_it(extract):
    """"the air force had struck a PDF camp": the state's air force, not the PDF (session 37)."""
    claims, ents = extract("Hamas fighters attacked a base near Kessel on Monday. The air force later struck "
                           "a Hamas camp near Marra, the army said.")
    strike = next(c for c in of_type(claims, "ATTACK") if c.trigger == "struck")
    assert names(ents, strike.roles["target"]) == ["hamas"]
    assert "hamas" not in names(ents, strike.roles["actor"])


@pytest.mark.parametrize("ruler", ["junta", "regime"])
def test_a_ruling_bodys_weapons_are_its_states_in_a_story_of_one_country(extract, ruler):
    """"Junta aircraft bombed the market" in a story of Myanmar: Myanmar's (session 37)."""
    claims, ents = extract(f"On Sunday, {ruler} aircraft bombed the market in Lashio in Myanmar, killing 12 people.")
    assert {n for c in claims for n in names(ents, c.roles["actor"])} == {"myanmar"}


def test_a_ruling_bodys_weapons_name_no_doer_when_the_state_is_unknown(extract):
    claims, ents = extract("On Sunday, junta aircraft bombed the market in Marra, killing 12 people.")
    assert of_type(claims, "ATTACK") and not [e for c in claims for e in c.roles["actor"]]
