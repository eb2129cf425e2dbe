"""A headline's "22 killed in drone strike on bus" counts the dead: a CASUALTY of 22 beside the
strike ("the 22 killed in the strike were buried" tells of dead already counted)."""

from test_precision import extract  # noqa: F401
from test_unseen_news import of_type


def _counts(claim):
    return [(q.value, q.low, q.high) for q in claim.quantities]


def test_a_headline_s_dead_are_a_toll(extract):
    claims, _ = extract("Rights body says 22 killed in drone strike on bus\n\nThe commission spoke on Monday.")
    toll, = of_type(claims, "CASUALTY")
    assert (22, None, None) in _counts(toll)
    assert of_type(claims, "ATTACK")


def test_over_900_killed_counts_at_least_900(extract):
    claims, _ = extract("War monitor says over 900 killed in Kessel offensive\n\nThe monitor spoke on Monday.")
    toll, = of_type(claims, "CASUALTY")
    assert toll.quantities[0].low == 900


def test_the_dead_already_told_of_are_no_new_toll(extract):
    claims, _ = extract("The 22 killed in the strike were buried on Monday.")
    assert not of_type(claims, "CASUALTY")
