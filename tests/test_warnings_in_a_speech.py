"""A warning said "in a televised speech that his forces would attack ships" is the same threat as
one said without the speech: the parser hangs the clause on the speech (issue 9, the Red Sea
prober of session 39). Every sentence is invented."""

from __future__ import annotations

import pytest
from test_precision import extract  # noqa: F401  (the same one-document extraction fixture)
from test_unseen_news import of_type


@pytest.mark.parametrize("text", [
    "The rebel leader warned in a speech that his forces would attack ships.",
    "The rebel leader warned that his forces would attack ships.",
])
def test_a_warning_of_one_s_own_force_in_a_speech_threatens(extract, text):
    claims, _ = extract(text)
    assert of_type(claims, "THREATEN") and not of_type(claims, "NOTIFY")
