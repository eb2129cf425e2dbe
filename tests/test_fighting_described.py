"""Armed people described by what they do ("the U.N.-backed mission fighting gangs", "French
troops fighting militants in the Sahel") fight no one in that sentence: no attack is told
(issue 9, the Haiti prober of session 39). Every sentence is invented."""

from __future__ import annotations

import pytest
from test_precision import extract  # noqa: F401  (the same one-document extraction fixture)
from test_unseen_news import of_type


@pytest.mark.parametrize("text", [
    "Kenya sent 200 more officers on Wednesday to reinforce the mission fighting gangs in the capital.",
    "French troops fighting Islamist militants in the Sahel will leave next year.",
])
def test_a_participle_describing_fighters_tells_no_attack(extract, text):
    assert not of_type(extract(text)[0], "ATTACK")


def test_fighters_who_fought_still_attacked(extract):
    assert of_type(extract("Rebels fought the army near the border on Monday.")[0], "ATTACK")
