"""A stretch of time that places a happening ("eight days after the designation", "two weeks
later", "three years into the war") counts nothing of it (issue 9, the Mexico-Colombia prober of
session 40). Every sentence is invented."""

from __future__ import annotations

import pytest
from test_precision import extract  # noqa: F401  (the same one-document extraction fixture)


@pytest.mark.parametrize("text", [
    "The sanctions came eight days after the Treasury designated the cartel a terrorist organisation.",
    "Three years into the war, the European Union imposed new sanctions on the cartel.",
])
def test_a_time_offset_is_no_quantity(extract, text):
    claims, _ = extract(text)
    assert not [q for c in claims for q in c.quantities]


def test_a_count_beside_an_offset_is_still_counted(extract):
    claims, _ = extract("Two weeks later, gunmen killed five police officers in Culiacan.")
    assert sorted(q.value for c in claims if c.type == "CASUALTY" for q in c.quantities) == [5]


def test_a_notice_keeps_how_long_before_it_came(extract):
    claims, _ = extract("Moscow notified Washington of the missile launch 30 minutes before it, the Kremlin said.")
    assert [q.value for c in claims if c.type == "NOTIFY" for q in c.quantities] == [30]
