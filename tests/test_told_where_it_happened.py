"""What a denial's "where" clause tells is known, not denied, from the peacekeepers prober of
session 36: "has denied firing on a United Nations base near Sake, where peacekeepers were
killed" had the deaths denied by the group. A "where" clause in what a speaker says (not denies)
is still the speaker's. Every sentence is invented."""

from __future__ import annotations

from test_precision import extract  # noqa: F401  (the same one-document extraction fixture)
from test_unseen_news import of_type


def test_deaths_told_where_a_denied_attack_hit_are_not_denied(extract):
    claims, _ = extract("The Kessel Brigade has denied firing on a United Nations base near Marra, where three "
                        "peacekeepers were killed late on Saturday.")
    assert [c for c in of_type(claims, "ATTACK") if c.polarity == "denied"]
    tolls = of_type(claims, "CASUALTY")
    assert tolls and all(c.polarity == "asserted" for c in tolls)


def test_deaths_told_where_a_said_attack_hit_stay_the_speakers(extract):
    claims, ents = extract("The Norvanian army said it had shelled a rebel base near Kessel, where 20 fighters "
                           "were killed.")
    tolls = of_type(claims, "CASUALTY")
    assert tolls and all(c.source is not None and ents[c.source].name == "Norvanian army" for c in tolls)
