"""Sabotage and damage done by arms (the sabotage prober of session 34, issue 9): what saboteurs,
weapons or a bomb's blast damage was attacked; a storm, a gas explosion or a scandal attacks
nothing, and sabotaged talks are no attack. Invented sentences."""

from __future__ import annotations

import pytest

from test_coref_roles import extract  # noqa: F401  (the one-document extraction fixture)


def _attacks(claims):
    return [c for c in claims if c.type == "ATTACK"]


@pytest.mark.parametrize("text", [
    "Saboteurs damaged an undersea cable linking Norvania and Estland on Sunday, the prime minister said.",
    "Prosecutors said the two men had sabotaged a railway signal box near Kessel on Friday night.",
    "A bomb went off near the railway on Sunday. The explosion destroyed about 10 metres of track near Kessel.",
])
def test_what_saboteurs_or_a_bomb_damage_was_attacked(extract, text):
    claims, _ = extract(text)
    assert _attacks(claims)


@pytest.mark.parametrize("text", [
    "The storm damaged hundreds of homes along the coast of Norvania on Sunday, officials said.",
    "A gas explosion destroyed a block of flats in Kessel on Sunday, firefighters said on Monday.",
    "The opposition accused the government of trying to sabotage the peace talks in Kessel on Monday.",
])
def test_a_storm_a_gas_leak_or_words_attack_nothing(extract, text):
    claims, _ = extract(text)
    assert not _attacks(claims)


def test_a_ship_said_undamaged_denies_no_attack(extract):
    claims, _ = extract('"The ship was not damaged and is continuing its voyage," the company said on Monday.')
    assert not _attacks(claims)
