"""A toll said to be none takes the day of the happening just told, from the missile-barrage
prober of session 35 ("Russia attacked Bryansk on Friday. No casualties were reported." left the
denial undated); a denial of a habit takes no one's day. Every sentence is invented."""

from __future__ import annotations

from test_precision import extract  # noqa: F401  (the same one-document extraction fixture)
from test_unseen_news import of_type


def test_no_one_hurt_in_the_attack_just_told_is_dated_with_it(extract):
    claims, _ = extract("Norvania attacked Kessel with drones on Friday, the mayor said. No one was injured there.")
    attack, toll = of_type(claims, "ATTACK")[0], of_type(claims, "CASUALTY")[0]
    assert toll.polarity == "denied" and toll.time.start == attack.time.start is not None


def test_a_denied_habit_takes_no_day(extract):
    claims, _ = extract("Norvanian drones struck Kessel on Friday, the mayor said. Norvania has repeatedly denied "
                        "targeting civilians.")
    denied = [c for c in of_type(claims, "ATTACK") if c.polarity == "denied"]
    assert denied and denied[0].time.start is None
