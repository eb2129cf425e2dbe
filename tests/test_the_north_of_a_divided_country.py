""""The North" in a story that named North Korea is North Korea, from the missile-tests prober of
session 36 (it became a town in Utah). With no such country named it stays what it was."""

from __future__ import annotations

from test_precision import extract  # noqa: F401  (the same one-document extraction fixture)
from test_unseen_news import names, of_type


def test_the_north_after_north_korea_is_north_korea(extract):
    claims, ents = extract("North Korea fired two missiles on Thursday. South Korea said the North had also "
                           "fired several rounds of artillery near the border.")
    attacks = of_type(claims, "ATTACK")
    assert len(attacks) == 2 and all(names(ents, c.roles["actor"]) == ["north korea"] for c in attacks)


def test_the_south_with_no_divided_country_named_is_no_country(extract):
    claims, ents = extract("Kessel's army attacked the South on Monday.")
    assert not [c for c in claims for i in c.roles["target"] if ents[i].name.startswith("South ")]
