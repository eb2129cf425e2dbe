"""Trigger senses found wrong on mixed real news (issue 9): commerce, gadget, health and
culture pages use the words of war for other things. Invented sentences of the same build;
each group has a sentence that must still give its claim."""

from __future__ import annotations

import pytest


@pytest.fixture(scope="module")
def types_of(extract_text):
    return lambda text: {c.type for c in extract_text(text)[0]}


SENSES = [
    # dead animals are no casualties
    ("Four geese were found dead beside a reservoir in Norfolk.", "CASUALTY", False),
    ("Dozens of chickens died at a farm near Leeds last week.", "CASUALTY", False),
    ("Inspectors said no one had touched the dead or sick ducks.", "CASUALTY", False),
    ("Farmers reported a rise in swine sickness and death in two provinces.", "CASUALTY", False),
    ("Four hikers were found dead beside a reservoir in Norfolk.", "CASUALTY", True),
    # "missing" harms only people
    ("The update restores several missing features of the app.", "CASUALTY", False),
    ("Viewers who skip the finale are missing out on the best scene.", "CASUALTY", False),
    ("A teenager went missing near Leeds on Friday.", "CASUALTY", True),
    ("A 14-year-old girl has been missing since Thursday.", "CASUALTY", True),
    ("Shelton had been reported missing since last Thursday.", "CASUALTY", True),
    # a launch fires something only where the article names a missile, rocket or drone
    ("Since its launch in 2015 the streaming service has gained ten million users.", "ATTACK", False),
    ("The game sold poorly at launch, when only twelve titles were available.", "ATTACK", False),
    ("The navy confirmed the launch of two cruise missiles from the frigate.", "ATTACK", True),
    # money and technology used or deployed are no weapons
    ("The council used the cash to repair the roof of the library.", "ATTACK", False),
    ("Several cities are deploying cleaner technology to cut smog.", "ATTACK", False),
    ("The rebels used rockets against an army post on Monday.", "ATTACK", True),
    # a level reached is no target
    ("Under load the laptop's keyboard hit 95 degrees.", "ATTACK", False),
    ("The company's bonds hit 14% on Tuesday.", "ATTACK", False),
    ("She sang on three albums and hit singles like 'River Song'.", "ATTACK", False),
    ("A drone hit a fuel depot in Belgorod on Monday.", "ATTACK", True),
    # hit by something harmless
    ("A farmer in Kerala has been hit by a rare fungal infection.", "ATTACK", False),
    ("The town's shops were hit by a wave of burglaries last winter.", "ATTACK", False),
    ("The convoy was hit by a roadside bomb near Kandahar on Sunday.", "ATTACK", True),
    # a visit to a place where no one is met
    ("Dr. Lane visited Hillcrest Elementary on Tuesday to talk about vaccines.", "MEET", False),
    ("The county's ER visits rose to 41,000 in 2010.", "MEET", False),
    ("Merkel visited Moscow on Monday.", "MEET", True),
    # words aimed at plans and policies
    ("In Monday's debate the two senators attacked each other's plans for taxes.", "ATTACK", False),
    ("Rebels attacked army positions near Goma on Monday.", "ATTACK", True),
    # a standard met or an event hosted meets no one
    ("The loan helps Chile meet its goals for clean energy.", "MEET", False),
    ("Glasgow is set to host the 2026 Commonwealth Games.", "MEET", False),
    ("Erdogan hosted Putin in Ankara on Monday.", "MEET", True),
    # the retail trade supplies no party
    ("Across the state, dealers sold 52,000 used vehicles in the first quarter.", "TRANSFER", False),
    ("Shoppers purchased 9,400 new vehicles at the autumn fair.", "TRANSFER", False),
    # a harm that almost happened, or happens as a rule
    ("\"I almost drowned, I almost died there,\" the swimmer said.", "CASUALTY", False),
    # what a deed puts at risk is no threat made
    ("Egypt condemned the strikes, saying they threatened regional stability.", "THREATEN", False),
    ("The escalation threatens the fragile ceasefire in the south, diplomats said.", "THREATEN", False),
    ("Hezbollah threatened Israel with a harsh response after the strike.", "THREATEN", True),
    # an attempt on a life is an attack; it says no one died
    ("Gunmen tried to kill the provincial governor as he left his office on Monday.", "CASUALTY", False),
    ("Gunmen tried to kill the provincial governor as he left his office on Monday.", "ATTACK", True),
    ("Two assailants attempted to assassinate a district judge in Kandahar.", "CASUALTY", False),
    ("Gunmen killed the provincial governor as he left his office on Monday.", "CASUALTY", True),
    ("Phoenix and Tucson regularly face dust storm alerts in summer.", "NOTIFY", False),
    ("The weather service warned Phoenix of dust storms on Monday.", "NOTIFY", True),
    # offered for sale, not sold
    ("I have been testing the Acme Mesh Router (regular $300, currently on sale for $200) for two weeks with my laptop.",
     "TRANSFER", False),
    ("Russia sold 40 tanks to Mali last year.", "TRANSFER", True),
]

PLAY_PAGE = ("The Hawks beat the Sharks 4-2 on Saturday. Their goaltender made 30 saves and the coach praised "
             "the rookie, who scored twice. It was the teams' second meeting this season, and the players "
             "now prepare for the playoffs. ")


@pytest.mark.parametrize("text, ctype, present", SENSES)
def test_a_war_word_used_for_something_else_makes_no_claim(types_of, text, ctype, present):
    assert (ctype in types_of(text)) is present


@pytest.mark.parametrize("sentence, ctype", [
    ("Keller ended the game when he fired a shot at Jim Moss from the blue line.", "ATTACK"),
    ("Denver is on a 2-7 slide and battling injuries in the back line.", "CASUALTY"),
    ("The Hawks had won all 12 previous meetings with the Sharks.", "MEET"),
    ("Dawson hit Ruiz in the head with his own helmet.", "ATTACK"),
])
def test_a_sports_page_plays_its_shots_hits_and_injuries(types_of, sentence, ctype):
    assert ctype in types_of(sentence)  # on their own, the words read as they do in war news
    assert ctype not in types_of(PLAY_PAGE + sentence)


def test_a_sports_page_still_tells_a_shooting_with_a_gun(types_of):
    assert "ATTACK" in types_of(PLAY_PAGE + "Police said a gunman shot a fan outside the stadium with a rifle.")


def test_who_received_threats_is_threatened_not_threatening(extract_text):
    claims, ents = extract_text("The referee Tom Keane said he received death threats on social media after the final.")
    threat = next(c for c in claims if c.type == "THREATEN")
    assert not threat.roles["actor"] and [ents[i].name for i in threat.roles["target"]] == ["Tom Keane"]


@pytest.mark.parametrize("text, ctype", [
    ("Doctors are running tests to find out whether or not the girl did indeed die of the fever.", "CASUALTY"),
    ("The inquiry wants to establish whether the minister withheld military aid to the rebels.", "TRANSFER"),
])
def test_an_open_question_is_possible_not_denied_nor_fact(extract_text, text, ctype):
    claims, _ = extract_text(text)
    claim = next(c for c in claims if c.type == ctype)
    assert (claim.polarity, claim.modality) == ("asserted", "possible")


def test_future_talks_are_planned_not_held(extract_text):
    claims, _ = extract_text("The senator kept her options open on future talks with Cuba and Venezuela.")
    assert [c.modality for c in claims if c.type == "MEET"] == ["planned"]
