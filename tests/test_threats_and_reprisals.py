"""Threats and what they pay back, from the diplomatic prober of session 32: the one a threat is
aimed at is often named after "against" or "on" on the threatened deed; a deed a threatened
reprisal answers has been done (the article tells it as given, not as the threatener's plan);
and a strike told "in retaliation for" another attack is not that attack. Every sentence is
invented."""

from __future__ import annotations

import pytest

from test_precision import extract  # noqa: F401  (the same one-document extraction fixture)
from test_unseen_news import names, of_type


@pytest.mark.parametrize("text, targets", [
    ("Norvania threatened to retaliate against Estland for the raid on its border post.", ["estland"]),
    ("Marra threatened to take action against Norvania if the drills went ahead.", ["norvania"]),
    ("The Norvanian president threatened nuclear strikes on Kessel and Kolwe.", ["kessel", "kolwe"]),
])
def test_whom_a_threatened_deed_is_aimed_at_is_threatened(extract, text, targets):
    claims, ents = extract(text)
    threats = of_type(claims, "THREATEN")
    assert threats and names(ents, threats[0].roles["target"]) == targets


def test_the_deed_a_threatened_reprisal_answers_is_told_as_done(extract):
    claims, _ = extract("Norvania threatened to retaliate against Estland for the strike on its consulate in Kessel.")
    attacks = of_type(claims, "ATTACK")
    assert attacks and attacks[0].modality == "fact" and attacks[0].source is None


def test_a_reprisal_and_the_attack_it_answers_are_two_attacks(extract):
    claims, ents = extract("Estland said it struck Marran positions in retaliation for a rocket attack on Kessel.")
    attacks = of_type(claims, "ATTACK")
    assert len(attacks) == 2
    reprisal = next(c for c in attacks if c.trigger == "struck")
    assert names(ents, reprisal.roles["actor"]) == ["estland"]
    assert not reprisal.roles["instrument"]


def test_the_speaker_s_fighters_did_not_do_what_they_paid_back(extract):
    claims, ents = extract("The Kessel Front said its fighters had fired a guided missile at an army post in "
                           "retaliation for strikes on Marran villages.")
    paid_back = [c for c in of_type(claims, "ATTACK") if c.trigger == "strikes"]
    assert paid_back and not paid_back[0].roles["actor"]


# -- meetings by wire and by welcome (diplomatic prober of session 32) ------------------------

@pytest.mark.parametrize("text, met", [
    ("Norvanian Foreign Minister Arvid Kessel spoke by phone with Estland's Tomas Varga on Tuesday.", True),
    ("Arvid Kessel received Tomas Varga at the presidential palace in Kolwe on Monday.", True),
    ("Arvid Kessel spoke to reporters in Kolwe on Monday about the border.", False),
    ("Arvid Kessel received a letter from Tomas Varga on Monday.", False),
])
def test_a_call_with_a_named_party_or_a_guest_received_is_a_meeting(extract, text, met):
    claims, _ = extract(text)
    assert bool(of_type(claims, "MEET")) is met
