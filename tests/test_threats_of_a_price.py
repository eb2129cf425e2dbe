"""Threats worded as what a party will suffer, from the maritime and missile-barrage probers of
session 35: "would pay a heavy price", "will face consequences", "would regret it", "would be met
with force", "would not go unanswered", "will be treated as invaders", "warned Estland of the
repercussions", a vow of a "response" or a promise to punish. The party that would suffer is
the target; the deed it would pay for is told as done; and "would be met with attacks" is no
meeting. Every sentence is invented."""

from __future__ import annotations

import pytest

from test_precision import extract  # noqa: F401  (the same one-document extraction fixture)
from test_unseen_news import names, of_type


@pytest.mark.parametrize("text, actor, targets", [
    ("Norvania's defence ministry said Estland would pay a dreadful price for the drone incursion.",
     "norvania's defence ministry", ["estland"]),
    ("The Kolwe leader warned that Estland would pay a heavy price for the raids on Kessel.", None, ["estland"]),
    ("Prime Minister Ivo Marran said Norvania had made a big mistake and would pay for it.", "ivo marran",
     ["norvania"]),
    ("The junta in Kessel said on Tuesday that Estland would face serious consequences if it sent troops.",
     None, ["estland"]),
    ("The Norvanian guards warned that any Estonian response would be met with crushing attacks.", None,
     ["estonia"]),
    ("The Estland defence minister said the Norvanian government would regret its decision to close the border.",
     None, ["norvanian"]),
    ("The Estland army was quoted as warning Norvania of the repercussions of the attack on its posts.", None,
     ["norvania"]),
])
def test_a_price_promised_to_a_party_is_a_threat_to_it(extract, text, actor, targets):
    claims, ents = extract(text)
    threats = of_type(claims, "THREATEN")
    assert threats and names(ents, threats[0].roles["target"]) == targets
    if actor is not None:
        assert names(ents, threats[0].roles["actor"]) == [actor]


@pytest.mark.parametrize("text", [
    "The minister said the company would pay a fine of two million dollars for the oil spill near Kessel.",
    "The mayor said residents would face long delays on the roads of Kessel during the repairs next week.",
    "The spokesman said the talks would be met with great interest in the region and abroad next week.",
    "Doctors warned patients of the consequences of skipping their medication during the winter months.",
    "The president promised to rebuild the schools of Kessel within a year, his office said.",
    "The minister said Estland would not pay a price for its choices, speaking in Kessel on Monday.",
])
def test_a_fine_a_delay_a_welcome_or_a_promise_to_build_is_no_threat(extract, text):
    claims, _ = extract(text)
    assert not of_type(claims, "THREATEN")


def test_the_deed_that_will_not_go_unanswered_is_told_as_done(extract):
    claims, ents = extract("Norvania's president said on Friday that the attacks on Kessel would not go unanswered.")
    threats, attacks = of_type(claims, "THREATEN"), of_type(claims, "ATTACK")
    assert threats and names(ents, threats[0].roles["actor"]) == ["norvania's president"]
    assert attacks and attacks[0].polarity == "asserted" and attacks[0].modality == "fact"


@pytest.mark.parametrize("verb", ["promised", "vowed"])
def test_the_attack_whose_doers_are_to_be_punished_is_told_as_done(extract, verb):
    claims, _ = extract(f"The Norvanian president {verb} to punish those responsible for the attack on the "
                        "concert hall in Kessel.")
    assert of_type(claims, "THREATEN")
    attacks = of_type(claims, "ATTACK")
    assert attacks and attacks[0].modality == "fact"


def test_a_warning_that_the_capital_will_strike_is_the_warners_threat(extract):
    # a real capital: the gazetteer knows it stands for its state
    claims, _ = extract("Iran's armed forces chief Ivo Marran warned that Tehran would strike Estland's "
                        "infrastructure if it retaliated.")
    assert of_type(claims, "THREATEN") and not of_type(claims, "NOTIFY")


def test_a_response_met_with_attacks_is_no_meeting(extract):
    claims, _ = extract("The Norvanian guards warned that any Estonian response would be met with crushing attacks.")
    assert not of_type(claims, "MEET")


@pytest.mark.parametrize("text", [
    "The Norvanian army spokesman warned that the army would respond at the time and place of its choosing.",
    "The Norvanian army spokesman warned that the army would retaliate against the rebels in Kessel.",
])
def test_a_body_s_speaker_warning_of_its_response_threatens(extract, text):
    claims, _ = extract(text)
    assert of_type(claims, "THREATEN")


def test_what_an_attack_would_be_treated_as_is_no_second_attack(extract):
    claims, ents = extract("Estland warned Norvania that any attack on Kessel would be treated as an attack on Estland.")
    assert not [c for c in of_type(claims, "ATTACK") if "estland" in names(ents, c.roles["target"])]


@pytest.mark.parametrize("text", [
    "Norvania's foreign ministry warned that joint drills by Estland and Kessel would face overwhelming "
    "countermeasures.",
    # a real minister: the gazetteer knows whose office he holds
    "Defense Minister Israel Katz warned on Friday that Israel would act with full force if the rocket fire "
    "continued.",
])
def test_a_state_s_warning_of_its_countermeasures_or_force_threatens(extract, text):
    claims, _ = extract(text)
    assert of_type(claims, "THREATEN") and not of_type(claims, "NOTIFY")


@pytest.mark.parametrize("text, threat", [
    ("Iran warned on Thursday that it would act with full force against any attempt to rebuild the posts.", True),
    ("Iran warned that it would act forcefully if its ships were stopped again.", True),
    ("Iran warned that it would act within the law against the smugglers.", False),
])
def test_a_warning_of_force_the_warner_would_use_is_a_threat(extract, text, threat):
    """From the ceasefire prober of session 37 ("Israel would act with full force against any
    Hezbollah attempt"): force is the warner's own deed; acting lawfully is none."""
    claims, ents = extract(text)
    assert bool(of_type(claims, "THREATEN")) == threat
    assert names(ents, [e for c in claims for e in c.roles["actor"]]) == ["iran"]


@pytest.mark.parametrize("text", [
    "The Kessel army vowed that the attackers and their handlers will be brought to justice.",
    "The Norvanian president vowed to bring the killers of the border guards to justice.",
    "\"Those who target innocent passengers will be hunted down,\" the Kessel chief minister said.",
    "The Houthis vowed that the air strikes on Kolwe will not go unanswered.",
])
def test_justice_a_manhunt_or_an_answer_vowed_is_a_threat(extract, text):
    claims, _ = extract(text)
    assert of_type(claims, "THREATEN")


@pytest.mark.parametrize("text", [
    "The court said the case of the three guards will be brought to trial in Kessel next month.",
    "The minister vowed to bring the talks with Norvania to a close within a week.",
])
def test_a_trial_or_an_end_brought_is_no_threat(extract, text):
    claims, _ = extract(text)
    assert not of_type(claims, "THREATEN")


def test_whoever_a_threat_is_about_did_nothing_yet(extract):
    claims, _ = extract("\"Those who target innocent passengers will be hunted down,\" the Kessel chief minister said.")
    assert not of_type(claims, "ATTACK")
