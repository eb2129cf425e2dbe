"""A speaker saying it had no part in a deed denies it (issue 9; insurgency prober of session 33):
"said it was not involved in the bombing", "said it had nothing to do with the attack", "said its
units had not fired a shell" deny the speaker's own deed with no denial verb, and the deed
happened all the same. Invented sentences."""

from __future__ import annotations

import pytest

from test_coref_roles import extract  # noqa: F401  (the one-document extraction fixture)


def _names(claim, ents, role):
    return {ents[i].name for i in claim.roles.get(role, [])}


@pytest.mark.parametrize("text", [
    "The Kessel Liberation Front said it was not involved in the bombing in Marra on Sunday.",
    "The Kessel Liberation Front said it had nothing to do with the bombing in Marra on Sunday.",
])
def test_a_part_the_speaker_says_it_had_not_is_its_denied_deed(extract, text):
    claims, ents = extract(text)
    attack = next(c for c in claims if c.type == "ATTACK")
    assert attack.polarity == "denied"
    assert _names(attack, ents, "actor") == {"Kessel Liberation Front"}
    deny = next(c for c in claims if c.type == "DENY")
    assert _names(deny, ents, "actor") == {"Kessel Liberation Front"}


def test_a_part_denied_by_another_speaker_names_who_had_none(extract):
    claims, ents = extract("Police said the Kessel Liberation Front had nothing to do with the bombing in Marra.")
    attack = next(c for c in claims if c.type == "ATTACK")
    assert attack.polarity == "denied"
    assert _names(attack, ents, "actor") == {"Kessel Liberation Front"}
    assert not [c for c in claims if c.type == "DENY"]  # police deny no deed of their own


def test_not_knowing_who_did_it_denies_nothing(extract):
    claims, _ = extract("The Kessel Liberation Front said it did not know who fired the shells at Marra.")
    assert not [c for c in claims if c.type == "DENY"]


def test_a_denial_going_on_from_the_saying_is_the_sayer_s(extract):
    claims, ents = extract("Minister Anton Marlow said only two people had died and denied that police had used "
                           "live ammunition in Kessel.")
    deny = next(c for c in claims if c.type == "DENY")
    assert _names(deny, ents, "actor") == {"Anton Marlow"}
    denied = next(c for c in claims if c.type == "ATTACK" and c.polarity == "denied")
    assert ents[denied.source].name == "Anton Marlow"
