"""People the article calls armed ("armed men", "heavily armed assailants") are armed doers,
as "gunmen" are: their abduction of villagers is an attack as well as a toll, and they fill
the actor role by what they are. Every article here is invented."""

from __future__ import annotations

from test_precision import extract  # noqa: F401  (the same one-document extraction fixture)


def test_armed_men_abducting_villagers_attack_them(extract):
    claims, ents = extract("Armed men abducted 23 villagers in Kolwe on Saturday night.", published="2024-03-14")
    attacks = [c for c in claims if c.type == "ATTACK"]
    assert attacks and {ents[i].name.lower() for i in attacks[0].roles["actor"]} == {"armed men"}


def test_troops_are_no_armed_men_of_their_own(extract):
    claims, ents = extract("Kessel's military high command said troops killed 120 Norvanian soldiers near Kolwe.",
                           published="2024-03-14")
    assert all("troops" not in {ents[i].name.lower() for i in c.roles["actor"]} for c in claims)
