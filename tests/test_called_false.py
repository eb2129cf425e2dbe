"""Calling what was said false is a denial (issue 9): "'It's nonsense,' Marlow said" and "said
Ilse Kessel was wrong about the video" deny; "'It is wrong to shell towns,' the minister said"
judges a deed and denies nothing. Invented sentences."""

from __future__ import annotations

import pytest

from test_coref_roles import extract  # noqa: F401  (the one-document extraction fixture)


@pytest.mark.parametrize("text", [
    "\"It's nonsense,\" Senator Anton Marlow said by telephone on Sunday.",
    "Senator Anton Marlow said Ilse Kessel was wrong about the video.",
])
def test_calling_what_was_said_false_denies_it(extract, text):
    claims, _ = extract(text)
    assert [c for c in claims if c.type == "DENY"]


def test_calling_a_deed_wrong_denies_nothing(extract):
    claims, _ = extract("\"It is wrong to shell towns,\" Minister Anton Marlow said on Sunday.")
    assert not [c for c in claims if c.type == "DENY"]


def test_who_is_called_wrong_is_no_denied_claim(extract):
    claims, _ = extract("Senator Anton Marlow said Ilse Kessel, the mother of a soldier who died in the "
                        "2012 Kessel attack, was wrong about the video.")
    assert not [c for c in claims if c.type in {"CASUALTY", "ATTACK"} and c.polarity == "denied"]
