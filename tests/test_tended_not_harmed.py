"""Who counts, treats or receives the dead and wounded did not harm them, from the sieges prober
of session 36 ("MSF said its team had received more than 150 wounded people" made MSF the doer).
A speaker's own forces that wound or kill still act for it. Every sentence is invented."""

from __future__ import annotations

import pytest

from test_precision import extract  # noqa: F401  (the same one-document extraction fixture)
from test_unseen_news import names, of_type


@pytest.mark.parametrize("text, counter", [
    ("The Kessel Relief Committee said its team had received more than 150 wounded people from Marra.",
     "kessel relief committee"),
    ("The Marra Emergency Response Room said it had counted more than 300 dead, including children.",
     "marra emergency response room"),
])
def test_who_counts_or_receives_the_harmed_is_not_the_doer(extract, text, counter):
    claims, ents = extract(text)
    tolls = of_type(claims, "CASUALTY")
    assert tolls and not [c for c in tolls if counter in names(ents, c.roles["actor"])]


def test_a_speaker_s_own_forces_that_wound_still_act_for_it(extract):
    claims, ents = extract("The Norvanian army said its drones had wounded 30 militants near Kessel.")
    assert [c for c in of_type(claims, "CASUALTY") if "norvanian army" in names(ents, c.roles["actor"])]
