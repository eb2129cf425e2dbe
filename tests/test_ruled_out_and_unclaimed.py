"""Numbers a report rules out, attacks nobody has claimed and harms denied by name, from the
probers of session 36: "nine prisoners, not six as first reported"
counts nine; "Not one civilian was hurt" is a toll said to be none, not a toll of one; "the
Kessel Brigade has not claimed the attacks" names no attacker; "has denied the killings" is a
denial; schoolgirls "still missing" are a toll; a range of "5,000km" is read with its unit glued on.
Every sentence is invented."""

from __future__ import annotations

import pytest

from test_precision import extract  # noqa: F401  (the same one-document extraction fixture)
from test_unseen_news import names, of_type


@pytest.mark.parametrize("text, counted", [
    ("Norvanian troops shot dead nine prisoners near Kessel, not six as first reported, the ombudsman said.", [9]),
    ("The ombudsman said three hostages, not two, had been killed in the raid on the farm near Marra.", [3]),
])
def test_a_number_ruled_out_is_not_the_count(extract, text, counted):
    claims, _ = extract(text)
    tolls = of_type(claims, "CASUALTY")
    assert tolls and all(sorted(q.value for q in c.quantities) == counted for c in tolls)


@pytest.mark.parametrize("text", [
    "Not one civilian was hurt when the shells landed on the market in Kessel.",
    "Not a single soldier was wounded in the attack on the base near Marra.",
])
def test_not_one_hurt_is_a_toll_said_to_be_none(extract, text):
    claims, _ = extract(text)
    tolls = of_type(claims, "CASUALTY")
    assert tolls and all(c.polarity == "denied" and not c.quantities for c in tolls)


@pytest.mark.parametrize("text", [
    "The Kessel Brigade has not claimed the attacks on the depots near Marra.",
    "The bombing of the market in Kolwe was not claimed by the Kessel Brigade.",
])
def test_an_attack_not_claimed_names_no_attacker(extract, text):
    claims, ents = extract(text)
    assert not [c for c in of_type(claims, "ATTACK") if "kessel brigade" in names(ents, c.roles["actor"])]


@pytest.mark.parametrize("text, denier", [
    ("The Norvanian defence ministry has denied the killings.", "norvanian defence ministry"),
    ("Estland denied the shelling of the market in Kessel on Tuesday.", "estland"),
])
def test_a_harm_named_and_denied_is_a_denial(extract, text, denier):
    claims, ents = extract(text)
    assert [c for c in of_type(claims, "DENY") if denier in names(ents, c.roles["actor"])]


def test_a_request_refused_in_a_killing_case_is_no_denial(extract):
    claims, _ = extract("The court in Kessel denied an appeal against the killings verdict.")
    assert not of_type(claims, "DENY")


def test_schoolgirls_still_missing_are_a_toll(extract):
    claims, _ = extract("Officials in Kessel said on Friday that 187 schoolgirls were still missing after "
                        "Thursday's attack on the school.")
    assert [c for c in of_type(claims, "CASUALTY") if [q.value for q in c.quantities] == [187]]


def test_a_range_written_with_its_unit_glued_on_is_a_property(extract):
    claims, _ = extract("The Kessel-7 missile has a range of up to 5,000km, the ministry said.")
    ranges = [c for c in of_type(claims, "PROPERTY") if c.attribute == "range"]
    assert ranges and [q.high for q in ranges[0].quantities] == [5000]
