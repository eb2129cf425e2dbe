"""A deed bidden is no deed done (issue 9): a verb opening its sentence or a quotation in the
imperative ("Strike the shepherd and the sheep will scatter", "Kill them all, the commander
told his men") tells no attack, and names no attacker for the article's other attacks.
Invented sentences."""

from __future__ import annotations

import pytest

from test_coref_roles import extract  # noqa: F401  (the one-document extraction fixture)


@pytest.mark.parametrize("text", [
    "The pastor said, 'Strike the shepherd and the sheep will scatter.' He read it aloud in Kessel.",
    "Kill them all, the commander told his men in Kessel on Monday, a witness said.",
])
def test_an_imperative_tells_no_deed(extract, text):
    claims, _ = extract(text)
    assert not [c for c in claims if c.type in {"ATTACK", "CASUALTY"}]


def test_a_deed_told_after_a_quotation_still_counts(extract):
    claims, _ = extract('"We will not give up," the mayor said after rebels shelled Kessel on Monday.')
    assert [c for c in claims if c.type == "ATTACK"]
