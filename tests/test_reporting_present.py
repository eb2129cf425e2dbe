"""Those who speak for a body speak in the reporting present (issue 9): "Authorities blame the
blast on rebels" and "Officials deny any role" are an accusation and a denial made now, not a
habit like "pirates threaten crews" (which stays no claim); whom a bombing is blamed on is not
whom it hit. Invented sentences."""

from __future__ import annotations

import pytest

from test_coref_roles import extract  # noqa: F401  (the one-document extraction fixture)


@pytest.mark.parametrize("text,ctype", [
    ("Authorities blame the bombing of the Kessel checkpoint on Bordurian rebels.", "ACCUSE"),
    ("Officials deny any role in the attack on the convoy near Kessel.", "DENY"),
])
def test_speakers_for_a_body_speak_now(extract, text, ctype):
    claims, _ = extract(text)
    assert [c for c in claims if c.type == ctype]


def test_a_habit_of_a_kind_of_people_is_still_no_claim(extract):
    claims, _ = extract("In many hijackings, pirates threaten the crew with guns and demand ransoms.")
    assert not [c for c in claims if c.type == "THREATEN"]


def test_whom_an_attack_is_blamed_on_is_not_whom_it_hit(extract):
    claims, ents = extract("Police blamed the bombing in Kessel on Bordurian rebels, officials said.")
    attacks = [c for c in claims if c.type == "ATTACK"]
    assert attacks and not any(ents[t].name.startswith("Bordurian") for c in attacks for t in c.roles["target"])
