""""Myanmar's military did not respond. It routinely denies attacking civilians": an "it" opening
its sentence is the state whose body the sentence before was about, not the last speaker
(issue 9, the Myanmar prober of session 40). Every sentence is invented."""

from __future__ import annotations

from test_precision import extract  # noqa: F401  (the same one-document extraction fixture)
from test_unseen_news import of_type


def test_it_after_a_state_s_army_is_that_state(extract):
    claims, ents = extract("UNICEF said 11 children were killed in the strike. Sudan's army did not immediately "
                           "respond to a request for comment. It routinely denies attacking civilians.")
    denied = [c for c in of_type(claims, "ATTACK") if c.polarity == "denied"]
    assert denied and {ents[c.source].name for c in denied} == {"Sudan"}


def test_it_after_a_body_of_no_state_named_stays_the_last_speaker(extract):
    claims, ents = extract("UNICEF said 11 children were killed in the strike. The army did not immediately "
                           "respond to a request for comment. It routinely denies attacking civilians.")
    assert not [c for c in of_type(claims, "ATTACK") if c.source is not None and ents[c.source].name == "Sudan"]
