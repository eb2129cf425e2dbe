"""What explodes is a bomb when it is a device or "it" for a bomb just named (issue 9, ECB+
bombing reports): "a suspicious device detonated" and "found the bomb in the bushes, and it
exploded" tell attacks; a phone or a career that explodes does not. Invented sentences."""

from __future__ import annotations

import pytest

from test_coref_roles import extract  # noqa: F401  (the one-document extraction fixture)


def attacks(claims):
    return [c for c in claims if c.type == "ATTACK"]


@pytest.mark.parametrize("text", [
    "While investigators were outside the Kessel courthouse, a suspicious device detonated.",
    "A guard found the bomb in the bushes outside the Kessel bank, and it exploded after officers took it inside.",
])
def test_a_device_or_the_bomb_that_explodes_is_an_attack(extract, text):
    claims, _ = extract(text)
    assert attacks(claims) and attacks(claims)[0].roles["instrument"]


@pytest.mark.parametrize("text", [
    "Anton Marlow said his phone exploded in his pocket on the bus to Kessel.",
    "The singer's career exploded after the Kessel festival, and it exploded again a year later.",
])
def test_other_things_that_explode_are_no_attack(extract, text):
    claims, _ = extract(text)
    assert not attacks(claims)
