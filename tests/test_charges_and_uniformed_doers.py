"""Constructions the role and time errors of the pooled real-news gold showed (session 17):
people in uniform who shoot without a side named, deeds told through a charge, a verdict or a
trial, and a charged participle the parser reads as a clause. Every sentence is invented."""

from __future__ import annotations

import pytest
from test_precision import extract  # noqa: F401  (the same one-document extraction fixture)
from test_unseen_news import names, of_type


# -- people in uniform ------------------------------------------------------------------------

@pytest.mark.parametrize("text, doer", [
    ("Guards shot the driver at the checkpoint.", "guards"),
    ("Transit officers shot and killed the teenager on Friday night.", "transit officers"),
    ("The deputies opened fire on the car.", "deputies"),
])
def test_people_in_uniform_who_shoot_are_the_doers_with_no_side_named(extract, text, doer):
    claims, ents = extract(text)
    attack = of_type(claims, "ATTACK")[0]
    assert names(ents, attack.roles["actor"]) == [doer]


def test_one_officer_alone_is_as_generic_as_a_man(extract):
    claims, ents = extract("An officer shot the driver at the checkpoint.")
    assert all(not c.roles["actor"] for c in claims)


def test_troops_keep_the_side_the_article_gave_them(extract):
    claims, ents = extract("French troops entered Gao on Monday. The troops killed 14 rebels near the airport.")
    toll = of_type(claims, "CASUALTY")[0]
    assert names(ents, toll.roles["actor"]) == ["france"]


# -- deeds told through a charge, a verdict or a trial --------------------------------------------

def test_the_day_of_a_verdict_is_not_the_day_of_the_deed(extract):
    claims, ents = extract("A jury in Fresno today convicted Michael Reyes of murdering Deputy Alan Park in "
                           "June 2011.", published="2014-02-12")
    for c in of_type(claims, "ATTACK") + of_type(claims, "CASUALTY"):
        assert (c.time.start, c.time.end) == ("2011-06-01", "2011-06-30")
        assert names(ents, c.roles["actor"]) == ["michael reyes"]
        assert c.modality == "fact"  # a conviction states the deed
    assert len(of_type(claims, "ATTACK")) == 1  # one deed, not one per date in the sentence


def test_an_untagged_nationality_still_names_the_troops(extract):
    claims, ents = extract("Malian troops entered Gao on Monday.")
    deploy = of_type(claims, "DEPLOY")[0]
    assert names(ents, deploy.roles["subject"]) == ["malian troop"]


def test_the_day_a_trial_opens_is_not_the_day_of_the_killing(extract):
    claims, _ = extract("Two rebel commanders went on trial Wednesday for killing a village chief.",
                        published="2014-02-12")
    toll = of_type(claims, "CASUALTY")[0]
    assert toll.time.start is None


def test_a_charge_leaves_the_deed_alleged(extract):
    claims, _ = extract("He is accused of killing four people.")
    assert of_type(claims, "CASUALTY")[0].modality == "reported"


def test_a_charged_participle_read_as_a_clause_accuses_no_one(extract):
    # the parser makes "the woman" the subject of "accused"; she is the one charged
    claims, ents = extract("Dorsey says the woman accused of killing two co-workers at the plant is a kind person.")
    assert not of_type(claims, "ACCUSE")
    toll = of_type(claims, "CASUALTY")[0]
    assert toll.source is None or ents[toll.source].name.lower() != "woman"
    assert toll.modality == "reported"


def test_a_named_charge_is_the_chargers_account_and_not_dated_by_the_charge(extract):
    claims, ents = extract("Jackson County prosecutors charged Tom Hale on Monday with killing Mary Smith.",
                           published="2014-02-12")
    toll = of_type(claims, "CASUALTY")[0]
    assert "prosecutors" in ents[toll.source].name.lower() and toll.modality == "reported"
    assert toll.time.start is None  # Monday is the charge's day


def test_officers_charged_over_a_shooting_say_nothing(extract):
    claims, ents = extract("Two officers charged over the shooting went before a magistrate as riot police "
                           "fired teargas at demonstrators.")
    attack = of_type(claims, "ATTACK")[0]
    assert attack.source is None and attack.modality == "fact"


def test_strangling_a_person_kills_and_strangling_an_economy_does_not(extract):
    claims, ents = extract("Reyes strangled his cellmate Tom Hale in the county jail.")
    assert names(ents, of_type(claims, "CASUALTY")[0].roles["target"]) == ["tom hale"]
    assert of_type(claims, "ATTACK")
    claims, _ = extract("The mayor said the new levy strangled the local economy.")
    assert not of_type(claims, "CASUALTY") and not of_type(claims, "ATTACK")


def test_returning_fire_is_an_attack(extract):
    claims, ents = extract("The dealer was wounded when policemen returned fire.")
    assert names(ents, of_type(claims, "ATTACK")[0].roles["actor"]) == ["policemen"]


# -- ranks written short ----------------------------------------------------------------------------

def test_a_rank_written_short_ends_no_sentence(pipeline):
    doc = pipeline.nlp("Authorities say Eberhart attacked Sgt. Courtney Gale with a knife, and Lt. Col. "
                       "Ann Ross and Capt. Tom Hale arrived.")
    assert len(list(doc.sents)) == 1
    assert {"Sgt.", "Lt.", "Col.", "Capt."} <= {t.text for t in doc}


def test_the_doer_before_a_shortened_rank_keeps_the_attack(extract):
    # split after "Sgt.", the stabbing fell to "Courtney Gale", the one stabbed
    claims, ents = extract("Authorities say Eberhart, 45, attacked Sgt. Courtney Gale with a kitchen knife on Dec. 11, "
                           "2007, repeatedly stabbing the officer.")
    attack = of_type(claims, "ATTACK")[0]
    assert names(ents, attack.roles["actor"]) == ["eberhart"]


def test_everyone_the_passive_names_was_hit(extract):
    claims, ents = extract("Mark Hege and John Dunakin were shot on Saturday.")
    assert names(ents, of_type(claims, "ATTACK")[0].roles["target"]) == ["john dunakin", "mark hege"]


def test_a_blade_is_what_a_stabbing_is_done_with(extract):
    claims, ents = extract("He stabbed Tom Welch with a knife.")
    assert names(ents, of_type(claims, "ATTACK")[0].roles["instrument"]) == ["knife"]


@pytest.mark.parametrize("text, accused", [("The governor blamed rebels for the attack on the convoy.", "rebels"),
                                           ("The mayor blames angry youths for the violence.", "angry youths")])
def test_armed_men_or_a_crowd_blamed_are_the_accused(extract, text, accused):
    claims, ents = extract(text)
    assert names(ents, of_type(claims, "ACCUSE")[0].roles["target"]) == [accused]
