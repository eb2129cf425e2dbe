""""The group" (or "the same group") is no state's army: the attackers of an ambush on an Army
truck are not the army they hit. Every article here is invented."""

from __future__ import annotations

from test_precision import extract  # noqa: F401  (the same one-document extraction fixture)


def names_of(claim, ents, role):
    return {ents[i].name for i in claim.roles.get(role, [])}


def test_the_same_group_is_not_the_army_it_ambushed(extract):
    claims, ents = extract("Five soldiers were killed in Saturday's ambush on an Army truck near Kolwe. A police "
                           "officer said the attackers were the same group that fired on a bus in Teshi last month.",
                           published="2024-03-14")
    bus = next(c for c in claims if c.type == "ATTACK" and c.trigger == "fired")
    assert "Army" not in names_of(bus, ents, "actor")
