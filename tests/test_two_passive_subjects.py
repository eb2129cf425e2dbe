""""Seven aid workers from the charity World Central Kitchen were killed": the parser gives
the verb two passive subjects, the workers and the charity's name; the workers were killed."""

from test_precision import extract  # noqa: F401
from test_unseen_news import names, of_type


def test_workers_of_a_named_charity_killed_are_a_toll(extract):
    claims, ents = extract("Seven aid workers from the charity World Central Kitchen were killed in an Israeli air strike "
                           "in central Gaza late on Monday, the group said.")
    toll, = of_type(claims, "CASUALTY")
    assert toll.quantities and toll.quantities[0].value == 7
    assert "world central kitchen" not in names(ents, toll.roles["target"])
