"""The one accused of a deed did it (issue 9): "accused the rebels of shelling the town" (the
parser hangs "of" on the rebels) makes the rebels the shelling's doers; a nationality that
opens an untagged place name ("a Dutch Flats gang member") is nobody's side. Invented sentences."""

from __future__ import annotations

from test_coref_roles import extract, fillers  # noqa: F401  (the one-document extraction fixture)


def test_the_accused_are_the_doers_of_the_deed_charged(extract):
    claims, ents = extract("The government accused the rebels of shelling the town of Marlow on Monday.")
    assert fillers(claims, ents, "ATTACK", "actor") == {"rebels"}
    assert fillers(claims, ents, "ACCUSE", "target") == {"rebels"}


def test_a_nationality_opening_a_place_name_is_no_party(extract):
    claims, ents = extract("A jury in Norwalk today convicted a Dutch Flats gang member of murdering "
                           "Deputy Aaron Vell in June, 2005.")
    actors = {ents[a] for c in claims for a in c.roles.get("actor", [])}
    assert not any(e.type == "NORP" or e.name in {"Dutch", "Netherlands"} for e in actors)
