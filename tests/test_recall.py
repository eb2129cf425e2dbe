"""Recall rules from real news (issue 9): constructions the annotators count as claims that the
extractor missed. Every sentence here is invented."""

from __future__ import annotations

import pytest
from test_precision import extract  # noqa: F401  (the same one-document extraction fixture)


def types_of(claims) -> list[str]:
    return sorted(c.type for c in claims)


@pytest.mark.parametrize("text, attacks", [
    ("One guard died in the Tuesday night attack on the depot.", 1),
    ("Two miners died in a raid in April, the union said.", 1),
    # a bare "the clash" refers back to the attack just told: no second one
    ("Bandits attacked a convoy near Kano on Monday. Six bandits died in the clash.", 1),
])
def test_the_attack_a_toll_fell_in_is_an_attack(extract, text, attacks):
    claims, _ = extract(text)
    assert types_of(claims).count("ATTACK") == attacks
    assert "CASUALTY" in types_of(claims)


def test_the_attack_a_toll_fell_in_hit_its_victims(extract):
    claims, ents = extract("Two Ruritanian miners died in a raid in April.")
    attack = next(c for c in claims if c.type == "ATTACK")
    assert [ents[i].name for i in attack.roles["target"]] == ["Ruritanian miners"]


@pytest.mark.parametrize("text", [
    "Under the deal, Halvard Industries will supply engines and radars to the Ruritanian navy.",
    "Halvard Industries signed a contract with the defence ministry to supply six converted airliners.",
    "Ostwind will supply the avionics.",
])
def test_engines_electronics_and_airliners_are_materiel_supplied(extract, text):
    transfers = [c for c in extract(text)[0] if c.type == "TRANSFER"]
    assert transfers and all(c.roles["instrument"] for c in transfers)


@pytest.mark.parametrize("text, attack", [
    ("The fall of Karvina left the rebels without an airfield.", True),
    ("The offensive follows the capture on Sunday of the militia's main air base at Karvina.", True),
    ("The fall of the dollar hurt exporters in Ruritania.", False),
    ("After the fall of the Soviet Union, Ruritania became independent.", False),
    ("The capture of the drugs was a success for the police.", False),
])
def test_the_fall_or_capture_of_a_place_is_an_attack(extract, text, attack):
    claims, _ = extract(text)
    assert ("ATTACK" in types_of(claims)) is attack


def test_the_place_that_fell_is_where_it_happened(extract):
    claims, ents = extract("The fall of Karvina left the rebels without an airfield.")
    attack = next(c for c in claims if c.type == "ATTACK")
    assert [ents[i].name for i in attack.roles["location"]] == ["Karvina"] and not attack.roles["target"]


@pytest.mark.parametrize("text, killed", [
    ("Two years of unrest have claimed some 1,900 lives.", 1900),
    ("The siege, which the army said cost 600 rebel lives, ended on Friday.", 600),
    ("The new clinic has saved 300 lives.", None),
])
def test_lives_taken_are_a_toll(extract, text, killed):
    claims, _ = extract(text)
    tolls = [c for c in claims if c.type == "CASUALTY"]
    assert [q.value for c in tolls for q in c.quantities] == ([killed] if killed else [])
    assert all(c.source is None or c.modality == "reported" for c in tolls)


@pytest.mark.parametrize("text, threat", [
    ("Venezuela warned it would close its airspace if the sanctions went ahead.", True),
    ("The Venezuelans have warned they could sell their bonds unless the tariff is dropped.", True),
    ("Venezuela warned that the bridges could flood if the rain continued.", False),  # not its own deed
    ("Venezuela warned Guyana that the road was closed.", False),  # no condition
])
def test_a_warning_of_one_s_own_deed_on_a_condition_is_a_threat(extract, text, threat):
    claims, _ = extract(text)
    assert ("THREATEN" in types_of(claims)) is threat


@pytest.mark.parametrize("text, deployed", [
    ("About 400 soldiers will remain in Mosul until the vote.", True),
    ("Two soldiers remain in hospital after the crash.", False),  # no place held
    ("Shortly after the blast, soldiers sealed off the scene.", True),
    ("A rebel force of some 2,000 men was abandoning the town of Kidal.", True),
])
def test_units_that_stay_hold_or_leave_a_place_are_deployed(extract, text, deployed):
    claims, ents = extract(text)
    # the unit is what is deployed, not the scene it holds or the town it leaves
    kinds = [{ents[i].type for i in c.roles["subject"]} for c in claims if c.type == "DEPLOY"]
    assert kinds == ([{"PERSONNEL"}] if deployed else [])


@pytest.mark.parametrize("text, deployed", [
    ("The Turkish survey ship, escorted by a number of frigates, will sail into the disputed zone on Monday.", True),
    ("The Turkish survey ship, owned by a private firm, will sail into the disputed zone on Monday.", False),
])
def test_a_ship_sailing_under_naval_escort_is_a_deployment(extract, text, deployed):
    assert ("DEPLOY" in types_of(extract(text)[0])) is deployed


@pytest.mark.parametrize("text, denied", [
    ("The Kremlin said the allegations were baseless.", True),
    ("Senator Ada Morrow says the governor's tweets about her are lies and smears.", True),
    ("The Kremlin said the reports were not false.", False),
    ("The Kremlin said the reports were confirmed by false witnesses.", False),
])
def test_calling_what_was_said_false_is_a_denial(extract, text, denied):
    deny = [c for c in extract(text)[0] if c.type == "DENY"]
    assert len(deny) == int(denied)


@pytest.mark.parametrize("text, deployed", [
    ("Hundreds of police were deployed at the stadium in Leeds.", True),
    ("State troopers will remain in Tulsa through Sunday.", True),
    ("Police said the man had been armed.", False),
])
def test_police_and_troopers_are_units_deployed(extract, text, deployed):
    claims, ents = extract(text)
    subjects = [ents[i].type for c in claims if c.type == "DEPLOY" for i in c.roles["subject"]]
    assert subjects == (["PERSONNEL"] if deployed else [])


@pytest.mark.parametrize("text, attacks", [
    ("In May, a sniper shot two guards at a depot in Kano before Ruritanian troops shot the sniper.", 2),
    ("A gunman wounded two clerks at a bank in Kano after police had wounded his brother.", 2),
    # no subject of its own: the same doer goes on, one happening
    ("Gunmen attacked a checkpoint in Kano before attacking the market.", 1),
])
def test_a_second_doer_s_clause_put_before_or_after_is_a_second_happening(extract, text, attacks):
    assert types_of(extract(text)[0]).count("ATTACK") == attacks


@pytest.mark.parametrize("text, toll", [
    ("The army said 200 rebels were taken prisoner near Kalva.", 200),
    ("The militia took three aid workers hostage in Kalva.", 3),
    ("Vandarian troops overran the garrison at Kalva with the loss of more than 300 Ruritanian soldiers.", 300),
    ("The firm blamed the loss of 300 jobs on the tariff.", None),
    ("The loss of Kalva was a blow to the rebels.", None),
    ("He took prisoner transport to the court.", None),
])
def test_people_taken_prisoner_or_lost_are_a_toll(extract, text, toll):
    tolls = [c for c in extract(text)[0] if c.type == "CASUALTY"]
    assert [q.value or q.low for c in tolls for q in c.quantities] == ([toll] if toll else [])


@pytest.mark.parametrize("text, claimed", [
    ("In many raids, bandits take the villagers hostage and demand a ransom.", False),
    ("Smugglers often attack patrol boats near the border.", False),
    ("Bandits took the villagers hostage on Monday.", True),
    ("Witnesses say gunmen attacked the village on Monday.", True),
    ("Continuous rebel raids against pipelines endanger the oil industry.", True),  # the raids are told
])
def test_what_such_people_do_in_the_present_is_no_happening(extract, text, claimed):
    claims = [c for c in extract(text)[0] if c.type in {"ATTACK", "CASUALTY"}]
    assert bool(claims) is claimed


@pytest.mark.parametrize("text, tolls", [
    ("The death toll in Kalva rose to 23 and the toll in Dorn rose to 40, officials said.", 2),
    ("The toll in Dorn stood at 40 on Monday.", 1),
    ("The war took a heavy toll on the economy of Dorn.", 0),
    ("Drivers pay a toll of 5 dollars on the bridge in Dorn.", 0),
])
def test_tolls_counted_in_different_places_are_two(extract, text, tolls):
    assert types_of(extract(text)[0]).count("CASUALTY") == tolls


@pytest.mark.parametrize("text, attacks", [
    ("Police said a bomb had been hidden in a van. The blast, near the army headquarters in Kalva, "
     "flattened several houses.", 1),
    ("A grenade was found nearby. Four soldiers died in a blast in Kalva on Monday.", 1),
    # no explosive named: a gas leak's blast is no attack
    ("Police said a gas leak was to blame. The blast, near the army headquarters in Kalva, "
     "flattened several houses.", 0),
])
def test_a_blast_in_an_article_naming_explosives_is_an_attack(extract, text, attacks):
    assert types_of(extract(text)[0]).count("ATTACK") == attacks


def test_a_stance_on_named_happenings_is_no_habit(extract):
    # "suspect" in the present, by a bare plural, about bombings the article dated: those bombings
    claims, _ = extract("Kurdish leaders suspect Turkish involvement in the 2019 bombings of the pipeline.")
    assert "ATTACK" in types_of(claims)
