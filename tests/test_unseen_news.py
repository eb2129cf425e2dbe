"""Constructions two fresh blind real-news sets (eval/realnews web4 and ecb4, session 16) and the
role errors of the pooled gold showed the extractor missing or misreading: fights between sides,
lists of the dead, crowds that attack, said wrongs, messages received, titles of shows, people
counted apart from an attack, generic sales, presence told with "be". Every sentence is invented."""

from __future__ import annotations

import pytest
from test_precision import extract  # noqa: F401  (the same one-document extraction fixture)


def of_type(claims, ctype):
    return [c for c in claims if c.type == ctype]


def names(ents, ids):
    return sorted(ents[i].name.lower() for i in ids)


# -- fights between two sides ---------------------------------------------------------------

def test_people_hurt_in_clashes_with_police_fell_to_the_police(extract):
    claims, ents = extract("Four miners were injured in clashes with police in Oruro, union leaders said.")
    toll = of_type(claims, "CASUALTY")[0]
    assert names(ents, toll.roles["actor"]) == ["police"]


def test_deaths_in_fighting_between_two_sides_are_both_sides(extract):
    claims, ents = extract("Nine villagers died in clashes between Hindus and Muslims.")
    toll = of_type(claims, "CASUALTY")[0]
    assert names(ents, toll.roles["actor"]) == ["hindus", "muslims"]


def test_fighting_a_side_is_an_attack_not_a_deployment(extract):
    claims, ents = extract("Militiamen fought army troops near Beni on Tuesday.")
    assert not of_type(claims, "DEPLOY")
    attack = of_type(claims, "ATTACK")[0]
    assert names(ents, attack.roles["actor"]) == ["militiamen"] and attack.roles["target"]


def test_battles_fought_with_a_crowd_hit_the_crowd(extract):
    claims, ents = extract("Riot police fought running battles with rioters in Lyon overnight.")
    attack = of_type(claims, "ATTACK")[0]
    assert names(ents, attack.roles["target"]) == ["rioter"]
    assert names(ents, attack.roles["actor"]) == ["riot police"]  # not a person called Riot


@pytest.mark.parametrize("text", ["Nurses are fighting for better pay.", "The mayor vowed to fight corruption.",
                                  "Firefighters fought the blaze for six hours."])
def test_fighting_for_a_cause_or_a_fire_is_neither_attack_nor_deployment(extract, text):
    claims, _ = extract(text)
    assert not of_type(claims, "ATTACK") and not of_type(claims, "DEPLOY")


def test_troops_fighting_in_a_country_are_deployed_there(extract):
    claims, ents = extract("Chadian troops are fighting in Mali.")
    deploy = of_type(claims, "DEPLOY")[0]
    assert names(ents, deploy.roles["location"]) == ["mali"]


# -- who was hit, who hit ---------------------------------------------------------------------

def test_a_counted_group_listed_after_a_colon_is_its_people(extract):
    claims, ents = extract("Three aid workers were killed: Anna Berg, Tomas Lind and Karin Holm.")
    toll = of_type(claims, "CASUALTY")[0]
    assert names(ents, toll.roles["target"]) == ["anna berg", "karin holm", "tomas lind"]


def test_a_surname_alone_after_the_full_name_is_that_person(extract):
    claims, ents = extract("Police named the gunman as Darren Colby. Colby and his wife, Mary Lane, died "
                           "in a shootout with police.")
    toll = of_type(claims, "CASUALTY")[0]
    assert names(ents, toll.roles["target"]) == ["darren colby", "mary lane"]


def test_a_crowd_throwing_stones_is_the_attacker_of_every_site_it_hit(extract):
    claims, ents = extract("Students threw stones at a police station and a number of shops.")
    attack = of_type(claims, "ATTACK")[0]
    assert names(ents, attack.roles["actor"]) == ["students"] or names(ents, attack.roles["actor"]) == []
    assert len(attack.roles["target"]) == 2


def test_rioters_are_named_attackers(extract):
    claims, ents = extract("Rioters threw rocks at a bank in Patras.")
    attack = of_type(claims, "ATTACK")[0]
    assert names(ents, attack.roles["actor"]) == ["rioters"]
    assert names(ents, attack.roles["target"]) == ["bank"]


# -- said wrongs, messages, titles --------------------------------------------------------------

def test_saying_a_nation_s_agents_hacked_accuses_the_nation(extract):
    claims, ents = extract("The senator said Chinese intelligence officers hacked into the party's servers.")
    accuse = of_type(claims, "ACCUSE")[0]
    assert names(ents, accuse.roles["target"]) == ["china"]


def test_calling_an_action_a_violation_accuses_its_nation(extract):
    claims, ents = extract("The ambassador said the Turkish blockade was a violation of the treaty.")
    accuse = of_type(claims, "ACCUSE")[0]
    assert names(ents, accuse.roles["target"]) == ["turkey"]


def test_calling_a_thing_ripe_for_abuse_accuses_no_one(extract):
    claims, _ = extract("The union says the government's new rules on strikes are open to abuse.")
    assert not of_type(claims, "ACCUSE")


def test_a_threat_received_has_its_receiver_as_target(extract):
    claims, ents = extract("On Monday the Halden Savings Bank received a threatening phone call from a man.")
    assert not of_type(claims, "MEET")
    threat = of_type(claims, "THREATEN")[0]
    assert names(ents, threat.roles["target"]) == ["halden savings bank"] and not threat.roles["actor"]


def test_a_call_received_from_a_leader_has_both_on_the_line(extract):
    claims, ents = extract("Macron received a phone call from Erdogan on Friday.")
    assert len(of_type(claims, "MEET")[0].roles["actor"]) == 2


def test_a_show_s_title_is_no_meeting(extract):
    claims, _ = extract("The senator repeated the charge on CBS's 'Meet the Voters' on Sunday.")
    assert not of_type(claims, "MEET")


def test_videos_targeting_someone_are_words(extract):
    claims, _ = extract("Officials found no propaganda videos targeting the governor.")
    assert not of_type(claims, "ATTACK")


def test_selling_to_anyone_is_no_transfer(extract):
    claims, _ = extract("Critics say the loose rules allow dealers to sell rifles to any buyer.")
    assert not of_type(claims, "TRANSFER")


# -- numbers and harm -------------------------------------------------------------------------------

def test_people_counted_apart_from_an_attack_are_no_number_of_it(extract):
    claims, _ = extract("The bombing was followed by chaos as dozens of medics rushed to the square.")
    assert all(not c.quantities for c in of_type(claims, "ATTACK"))


def test_a_city_burning_hurts_no_one(extract):
    claims, _ = extract("As Lisbon burned, ministers met in Brussels to discuss the budget.")
    assert not of_type(claims, "CASUALTY")


def test_people_burned_are_hurt(extract):
    claims, _ = extract("Two guards were burned by a petrol bomb.")
    assert of_type(claims, "CASUALTY")


# -- presence told with "be" ------------------------------------------------------------------------

def test_forces_said_not_to_be_in_a_country_are_a_denied_deployment(extract):
    claims, ents = extract("The minister repeated that no Rwandan troops are in Congo.")
    deploy = of_type(claims, "DEPLOY")[0]
    assert deploy.polarity == "denied" and names(ents, deploy.roles["location"]) == ["congo"]


def test_there_being_troops_in_a_country_is_a_deployment(extract):
    claims, ents = extract("There are about 1,200 French troops in Chad.")
    deploy = of_type(claims, "DEPLOY")[0]
    assert names(ents, deploy.roles["location"]) == ["chad"] and deploy.quantities[0].value == 1200


def test_there_being_no_troops_is_denied(extract):
    claims, _ = extract("There were no Ugandan soldiers in Juba, the army said.")
    assert [c.polarity for c in of_type(claims, "DEPLOY")] == ["denied"]


@pytest.mark.parametrize("text", ["The wounded soldiers are in hospital.", "Troops were in good spirits, he said."])
def test_being_somewhere_that_is_no_place_is_no_deployment(extract, text):
    claims, _ = extract(text)
    assert not of_type(claims, "DEPLOY")


# -- murder, arson, stoning ------------------------------------------------------------------------

def test_a_murder_is_an_attack_and_a_death_whoever_did_it(extract):
    claims, ents = extract("A jury convicted a former bouncer of murdering Officer Dana Whitfield.")
    assert {c.type for c in claims} >= {"ATTACK", "CASUALTY"}
    assert names(ents, of_type(claims, "CASUALTY")[0].roles["target"]) == ["dana whitfield"]


@pytest.mark.parametrize("text", ["The driver was charged with second-degree murder.",
                                  "A court found the two brothers guilty of murder."])
def test_murder_named_as_a_charge_or_a_verdict_is_no_claim(extract, text):
    claims, _ = extract(text)
    assert not of_type(claims, "ATTACK") and not of_type(claims, "CASUALTY")


def test_whom_a_killing_angered_are_not_its_victims(extract):
    claims, ents = extract("The killing of the teenager enraged the residents of Exarchia.")
    assert names(ents, of_type(claims, "CASUALTY")[0].roles["target"]) == ["teenager"]


def test_setting_fire_to_a_bank_attacks_it(extract):
    claims, ents = extract("Protesters set fire to a bank in Salonica on Wednesday.")
    attack = of_type(claims, "ATTACK")[0]
    assert names(ents, attack.roles["target"]) == ["bank"] and names(ents, attack.roles["actor"]) == ["protesters"]


def test_setting_off_still_needs_something_that_explodes(extract):
    claims, _ = extract("The steam set off the fire alarm in the hotel.")
    assert not of_type(claims, "ATTACK")


@pytest.mark.parametrize("text", ["Masked youths pelted the police with rocks.",
                                  "Youths hurled molotov cocktails at riot police.",
                                  "Rioters torched three police cars."])
def test_crowds_pelting_burning_and_firebombing_attack(extract, text):
    claims, _ = extract(text)
    assert of_type(claims, "ATTACK")


# -- downed aircraft, kidnappings, forces holding a site -----------------------------------------

def test_an_aircraft_shot_down_by_machinegun_fire_was_hit(extract):
    claims, ents = extract("A police helicopter was shot down by machinegun fire near Tyre.")
    attack = of_type(claims, "ATTACK")[0]
    assert names(ents, attack.roles["target"]) == ["helicopter"]


def test_a_fire_that_destroyed_a_church_is_no_attack(extract):
    claims, _ = extract("The fire destroyed the church on Friday night.")
    assert not of_type(claims, "ATTACK")


def test_a_kidnapping_is_a_capture_of_its_victim(extract):
    claims, ents = extract("The union condemned the kidnapping of Irish engineer Sean Dolan in Port Harcourt.")
    capture = of_type(claims, "CASUALTY")[0]
    assert names(ents, capture.roles["target"]) == ["sean dolan"]


def test_forces_surrounding_a_building_are_deployed_there(extract):
    claims, ents = extract("Loyal troops surrounded the radio station on Sunday.")
    deploy = of_type(claims, "DEPLOY")[0]
    assert names(ents, deploy.roles["location"]) == ["radio station"]


def test_forces_sent_to_occupy_a_site_are_deployed_there(extract):
    claims, ents = extract("The government sent 500 soldiers to occupy the oil terminals.")
    deploy = of_type(claims, "DEPLOY")[0]
    assert "oil terminals" in names(ents, deploy.roles["location"])


def test_a_surrounding_desert_deploys_no_one(extract):
    claims, _ = extract("Clashes were reported in the surrounding desert between Chadian troops and rebels.")
    assert not of_type(claims, "DEPLOY")


# -- donations and people lost ------------------------------------------------------------------

def test_a_donation_of_an_amount_to_a_committee_is_a_transfer(extract):
    claims, ents = extract("A shell company made a $7,500 donation to the Liberty Action Fund.")
    transfer = of_type(claims, "TRANSFER")[0]
    assert transfer.roles["recipient"] and transfer.quantities[0].value == 7500


def test_a_side_that_lost_soldiers_lost_them_to_someone_else(extract):
    claims, ents = extract("Chad lost 40 soldiers in the fighting near Fada.")
    toll = of_type(claims, "CASUALTY")[0]
    assert "chad" not in names(ents, toll.roles["actor"]) and toll.quantities[0].value == 40


@pytest.mark.parametrize("text", ["The factory lost 300 jobs last year.", "The governing party lost the vote."])
def test_losing_what_is_not_people_is_no_casualty(extract, text):
    claims, _ = extract(text)
    assert not of_type(claims, "CASUALTY")


# -- deaths talked of, places visited, deeds weighed ------------------------------------------------

@pytest.mark.parametrize("text", ["Her death sparked outrage across the city.",
                                  "Hundreds marched in a protest of Ramirez's death in Tulsa."])
def test_a_death_named_as_what_something_is_about_is_no_new_claim(extract, text):
    claims, _ = extract(text)
    assert not of_type(claims, "CASUALTY")


def test_a_death_confirmed_is_still_a_claim(extract):
    claims, _ = extract("His death was confirmed by the army on Monday.")
    assert of_type(claims, "CASUALTY")


@pytest.mark.parametrize("text", ["The governor visited the mosque on Saturday.",
                                  "Obama plans to visit Dallas on Sunday."])
def test_visiting_a_town_or_a_site_meets_no_one(extract, text):
    claims, _ = extract(text)
    assert not of_type(claims, "MEET")


@pytest.mark.parametrize("text", ["King Abdullah will visit France next week.", "Scholz visited Warsaw on Monday."])
def test_a_state_visit_is_still_a_meeting(extract, text):
    claims, _ = extract(text)
    assert of_type(claims, "MEET")


@pytest.mark.parametrize("text", ["Ministers discussed how to deploy more troops to the border.",
                                  "No one has worked out how to stop a lone attacker."])
def test_a_deed_weighed_in_a_how_to_clause_is_not_done(extract, text):
    claims, _ = extract(text)
    assert not of_type(claims, "DEPLOY") and not of_type(claims, "ATTACK")


# -- who did it, told beside what is said ---------------------------------------------------------

def test_a_meeting_after_which_someone_spoke_is_told_by_the_article(extract):
    claims, _ = extract("Merkel said after meeting with Chinese Premier Li Qiang that trade talks would go on.")
    meeting = of_type(claims, "MEET")[0]
    assert meeting.source is None and meeting.modality == "fact"


def test_a_deed_opening_what_someone_said_is_still_theirs_to_tell(extract):
    claims, ents = extract("After shooting Steinberg, Hale said the man walked down the hall.")
    shooting = of_type(claims, "ATTACK")[0]
    assert shooting.source is not None and ents[shooting.source].name == "Hale"


def test_the_person_a_killer_is_described_as_did_the_killing(extract):
    claims, ents = extract("The video praises Anders Brekke, the former soldier who killed eight people in "
                           "Oslo in 2011.")
    toll = of_type(claims, "CASUALTY")[0]
    assert names(ents, toll.roles["actor"]) == ["anders brekke"]


def test_a_killer_killed_by_police_is_two_happenings(extract):
    claims, ents = extract("Dale Rourke, the gunman who took the lives of 12 shoppers in Leeds, was killed by police.")
    tolls = of_type(claims, "CASUALTY")
    assert len(tolls) == 2
    killed = next(c for c in tolls if "dale rourke" in names(ents, c.roles["target"]))
    assert names(ents, killed.roles["actor"]) == ["police"]


# -- refusals and idioms ------------------------------------------------------------------------------

def test_a_deed_refused_is_denied(extract):
    claims, _ = extract("Austria refused to send howitzers to Kyiv.")
    assert [c.polarity for c in of_type(claims, "TRANSFER")] == ["denied"]


def test_a_deed_another_refused_to_let_happen_is_no_claim(extract):
    claims, _ = extract("The auction site refuses to let the collector sell the rifle.")
    assert not of_type(claims, "TRANSFER")


def test_forces_not_at_their_base_are_no_denied_deployment(extract):
    claims, _ = extract("The Turkish fleet is not at its naval base.")
    assert not of_type(claims, "DEPLOY")


def test_declining_to_say_whether_people_died_says_nothing(extract):
    claims, _ = extract("The navy declined to say whether sailors were killed.")
    assert not of_type(claims, "CASUALTY")


def test_an_advert_hitting_the_airwaves_attacks_nothing(extract):
    claims, _ = extract("The new spot will hit Ohio airwaves on Monday.")
    assert not of_type(claims, "ATTACK")


# -- forces staying at a site, leaving a place ------------------------------------------------------

def test_forces_remaining_at_a_site_are_deployed_there(extract):
    claims, ents = extract("The strike went on, and marines remained in the main ports.")
    deploy = of_type(claims, "DEPLOY")[0]
    assert names(ents, deploy.roles["location"]) == ["ports"]


def test_a_total_of_forces_inside_the_docks_are_deployed(extract):
    claims, ents = extract("A total of 600 soldiers are inside the docks.")
    deploy = of_type(claims, "DEPLOY")[0]
    assert names(ents, deploy.roles["location"]) == ["docks"] and deploy.roles["subject"]


def test_soldiers_in_hospital_are_not_deployed(extract):
    claims, _ = extract("Three soldiers remain in hospital.")
    assert not of_type(claims, "DEPLOY")


def test_forces_leaving_a_town_are_a_deployment_there(extract):
    claims, ents = extract("Ethiopian forces are leaving Baidoa, witnesses said.")
    deploy = of_type(claims, "DEPLOY")[0]
    assert names(ents, deploy.roles["location"]) == ["baidoa"]


@pytest.mark.parametrize("text", ["The raids have left most residents saying they feel unsafe.",
                                  "About 60 protesters left the hotel at the request of police."])
def test_leaving_that_is_no_force_moving_deploys_no_one(extract, text):
    claims, _ = extract(text)
    assert not of_type(claims, "DEPLOY")


# -- the police and a teenager ------------------------------------------------------------------------

def test_police_officers_who_shot_someone_are_the_police(extract):
    claims, ents = extract("Police officers shot and killed the teen late Saturday night.")
    toll = of_type(claims, "CASUALTY")[0]
    assert names(ents, toll.roles["actor"]) == ["police"] and toll.roles["target"]


def test_one_police_officer_is_no_named_doer(extract):
    claims, ents = extract("Reyes was shot and killed by a white police officer in Tulsa.")
    assert all(not c.roles["actor"] for c in of_type(claims, "CASUALTY"))


def test_shops_looted_in_a_riot_were_attacked(extract):
    claims, ents = extract("Dozens of shops have been smashed and looted in Patras.")
    assert names(ents, of_type(claims, "ATTACK")[0].roles["target"]) == ["shops"]


def test_looting_a_treasury_is_no_attack(extract):
    claims, _ = extract("Prosecutors say the minister looted the treasury.")
    assert not of_type(claims, "ATTACK")


@pytest.mark.parametrize("text", ["Air defences shot down 14 drones overnight.",
                                  "Kyiv's air defences shot down 20 of 25 drones."])
def test_drones_shot_down_are_what_was_hit_whatever_the_parse_makes_of_down(extract, text):
    claims, ents = extract(text)
    attack = of_type(claims, "ATTACK")[0]
    assert names(ents, attack.roles["target"]) == ["drone"] and not attack.roles["instrument"]


def test_a_share_of_voters_is_no_toll(extract):
    claims, _ = extract("The killings of officers have left 62 percent of voters saying race relations are bad.")
    assert all(q.unit != "%" for c in claims for q in c.quantities)
