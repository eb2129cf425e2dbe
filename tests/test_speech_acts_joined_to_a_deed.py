"""A speech act joined to another deed of the same subject is that subject's, from the missile
tests prober of session 36: "The presidential office convened an emergency meeting and condemned
the launch" made no condemnation (it had no one to make it). Every sentence is invented."""

from __future__ import annotations

import pytest

from test_precision import extract  # noqa: F401  (the same one-document extraction fixture)
from test_unseen_news import names, of_type


@pytest.mark.parametrize("text, speaker", [
    ("The presidential office in Kessel convened an emergency meeting and condemned the launch as a grave "
     "provocation.", "presidential office"),
    ("The foreign ministry in Kessel summoned the ambassador and condemned the missile launch.", "foreign ministry"),
])
def test_a_condemnation_joined_to_a_meeting_is_the_subjects(extract, text, speaker):
    claims, ents = extract(text)
    assert [c for c in of_type(claims, "CONDEMN") if speaker in " ".join(names(ents, c.roles["actor"]))]
