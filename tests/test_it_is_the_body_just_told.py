"""An "it" opening a sentence is the organisation the sentence before was about, from the sieges
prober of session 36: "The RSF did not immediately comment. It has previously denied targeting
civilians" made the outlet a resident had talked to the denier. Every sentence is invented."""

from __future__ import annotations

from test_precision import extract  # noqa: F401  (the same one-document extraction fixture)
from test_unseen_news import names, of_type


def test_it_after_a_body_that_did_not_comment_is_that_body(extract):
    claims, ents = extract("A resident told Reuters by telephone that the roof of the clinic came down. "
                           "The Kessel Brigade did not immediately comment. "
                           "It has previously denied targeting civilians in Marra.")
    denials = of_type(claims, "DENY")
    assert denials and all(names(ents, c.roles["actor"]) == ["kessel brigade"] for c in denials)
    denied = [c for c in of_type(claims, "ATTACK") if c.polarity == "denied"]
    assert denied and all(ents[c.source].name == "Kessel Brigade" for c in denied)
