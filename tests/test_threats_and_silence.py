"""A deed a threat names has not happened; one who neither confirms nor denies says nothing; forces
that leave go somewhere. Constructions from the blind web6 set (session 17); every sentence is
invented."""

from __future__ import annotations

import pytest
from test_precision import extract  # noqa: F401  (the same one-document extraction fixture)
from test_unseen_news import names, of_type


@pytest.mark.parametrize("text", [
    "A Toledo man pleaded guilty to charges he threatened to kill Senator Maria Lopez, prosecutors said.",
    "Daniel Hoyt pleaded guilty to threatening to assault and murder Senator Maria Lopez.",
])
def test_a_threatened_killing_is_a_threat_aimed_at_its_victim(extract, text):
    claims, ents = extract(text)
    assert not of_type(claims, "ATTACK") and not of_type(claims, "CASUALTY")
    threat = of_type(claims, "THREATEN")[0]
    assert names(ents, threat.roles["target"]) == ["maria lopez"]


def test_a_deed_done_beside_a_threat_is_still_told(extract):
    claims, ents = extract("Gunmen shot two guards and threatened to kill Mayor John Reese.")
    assert names(ents, of_type(claims, "ATTACK")[0].roles["actor"]) == ["gunmen"]
    assert names(ents, of_type(claims, "THREATEN")[0].roles["target"]) == ["john reese"]


@pytest.mark.parametrize("text", [
    "The government has neither confirmed nor denied that its jets struck the convoy.",
    "The army would not confirm or deny that its jets struck the convoy.",
    "The army declined to confirm or deny that its jets struck the convoy.",
])
def test_neither_confirming_nor_denying_asserts_and_denies_nothing(extract, text):
    claims, _ = extract(text)
    assert not of_type(claims, "DENY")
    assert all(c.polarity != "denied" for c in claims)


def test_a_plain_denial_still_denies(extract):
    claims, _ = extract("Moscow denied that its jets struck the convoy.")
    assert of_type(claims, "DENY") and [c.polarity for c in of_type(claims, "ATTACK")] == ["denied"]


def test_officers_who_leave_a_room_are_not_deployed(extract):
    claims, _ = extract("The officers, having searched the room, left without finding the boy.")
    assert not of_type(claims, "DEPLOY")


@pytest.mark.parametrize("text", ["The last Soviet troops left Kabul on Monday.", "The marines left for Beirut."])
def test_forces_leaving_a_place_or_for_one_are_deployed(extract, text):
    claims, _ = extract(text)
    assert of_type(claims, "DEPLOY")


# -- fights, fire and pullbacks (the blind wire5 set's misses) --------------------------------------

def test_crowds_battling_riot_police_attack_them(extract):
    claims, ents = extract("Thousands of demonstrators took to the streets of Lyon, battling riot police.")
    attack = of_type(claims, "ATTACK")[0]
    assert names(ents, attack.roles["actor"]) == ["demonstrators"]
    assert names(ents, attack.roles["target"]) == ["police"]


@pytest.mark.parametrize("text", ["The senator battled cancer for years.", "Two firms battled Nokia in court."])
def test_battling_an_illness_or_a_rival_is_no_attack(extract, text):
    claims, _ = extract(text)
    assert not of_type(claims, "ATTACK")


def test_coming_under_fire_from_armed_men_is_an_attack(extract):
    claims, ents = extract("The convoy came under fire from rebels near Goma.")
    attack = of_type(claims, "ATTACK")[0]
    assert names(ents, attack.roles["actor"]) == ["rebels"] and names(ents, attack.roles["target"]) == ["convoy"]


def test_coming_under_fire_from_critics_is_words(extract):
    claims, _ = extract("The minister came under fire from critics over the budget.")
    assert not of_type(claims, "ATTACK")


@pytest.mark.parametrize("text", ["Turkey pulled its warships back from the disputed waters.",
                                  "The Soviet Union pulled out 8,000 troops."])
def test_pulling_forces_back_or_out_withdraws_them(extract, text):
    claims, _ = extract(text)
    assert of_type(claims, "DEPLOY")


@pytest.mark.parametrize("text", ["Nike pulled out of the deal.", "He pulled back the curtain."])
def test_pulling_out_of_a_deal_moves_no_forces(extract, text):
    claims, _ = extract(text)
    assert not of_type(claims, "DEPLOY")


# -- strikes, road crashes and commands -------------------------------------------------------------

def test_strikes_in_an_article_that_tells_a_walkout_are_walkouts(extract):
    claims, _ = extract("The dockers' strike entered its second week on Monday.\n\n"
                        "The strikes in Chile come as the government tries to cut its debt.")
    assert not of_type(claims, "ATTACK")


def test_an_air_strike_in_an_article_without_walkouts_is_an_attack(extract):
    claims, _ = extract("The strikes in Idlib killed nine civilians on Monday.")
    assert of_type(claims, "ATTACK")


@pytest.mark.parametrize("text", ["Queens hit and run leaves woman dead",
                                  "Raj Patel, 59, was killed by a drunk hit-and-run driver on Friday."])
def test_a_hit_and_run_is_a_death_on_the_road_not_an_attack(extract, text):
    claims, _ = extract(text)
    assert not of_type(claims, "ATTACK") and of_type(claims, "CASUALTY")


@pytest.mark.parametrize("text", ["Send more troops to the border, the general urged.", "Bomb the bridges now."])
def test_a_command_tells_nothing_done(extract, text):
    claims, _ = extract(text)
    assert not of_type(claims, "DEPLOY") and not of_type(claims, "ATTACK")


@pytest.mark.parametrize("text", ["One man died and another has life-threatening injuries after the shooting.",
                                  "The driver suffered non-life threatening injuries in the attack."])
def test_life_threatening_wounds_are_no_threat(extract, text):
    claims, _ = extract(text)
    assert not of_type(claims, "THREATEN")


# -- meetings told by a call, a talk, a briefing or a gathering's members --------------------------

@pytest.mark.parametrize("text, parties", [
    ("Kerry raised these concerns in a call with Russian Foreign Minister Lavrov.", ["kerry", "sergei lavrov"]),
    ("President Obama had a talk this week with Francois Hollande.", ["francois hollande", "obama"]),
    ("Putin briefed Erdogan on the strikes.", ["recep tayyip erdogan", "vladimir putin"]),
])
def test_a_call_a_talk_or_a_briefing_with_someone_named_is_a_meeting(extract, text, parties):
    claims, ents = extract(text)
    assert names(ents, of_type(claims, "MEET")[0].roles["actor"]) == parties


@pytest.mark.parametrize("text", ["The UN issued a call for restraint.", "There was talk of sanctions.",
                                  "The minister briefed reporters on the talks."])
def test_a_call_for_something_talk_of_it_or_briefing_the_press_meets_no_one(extract, text):
    claims, _ = extract(text)
    assert not of_type(claims, "MEET")


def test_the_members_of_a_meeting_are_its_parties(extract):
    claims, ents = extract("After an emergency meeting of NATO ambassadors, a spokesman voiced concern.")
    assert names(ents, of_type(claims, "MEET")[0].roles["actor"]) == ["nato"]


# -- things that explode or are thrown ---------------------------------------------------------------

@pytest.mark.parametrize("text", ["The explosive went off in a village near the border.",
                                  "A remote control explosive device went off near the shop.",
                                  "Bottles were thrown at police officers outside the station."])
def test_explosives_going_off_and_bottles_thrown_at_people_are_attacks(extract, text):
    claims, _ = extract(text)
    assert of_type(claims, "ATTACK")


@pytest.mark.parametrize("text", ["The store sold bottles of wine.", "The shop sold kitchen knives and scissors.",
                                  "An electronic device went off in his pocket."])
def test_bottles_and_knives_sold_or_devices_that_beep_are_no_arms(extract, text):
    claims, _ = extract(text)
    assert not of_type(claims, "TRANSFER") and not of_type(claims, "ATTACK")


# -- abductions, punches and followers ---------------------------------------------------------------

def test_an_abduction_by_gunmen_is_an_attack_and_a_capture(extract):
    claims, ents = extract("Two teachers were abducted by gunmen in Kabul in August.")
    assert names(ents, of_type(claims, "ATTACK")[0].roles["actor"]) == ["gunmen"]
    assert of_type(claims, "CASUALTY")


def test_a_supporter_who_punches_is_not_the_one_supported(extract):
    claims, ents = extract("A Trump supporter punched two protesters in the face last week.")
    attack = of_type(claims, "ATTACK")[0]
    assert "donald trump" not in names(ents, attack.roles["actor"])
    assert not of_type(claims, "CASUALTY")  # a blow, no wound told


def test_punching_the_air_hits_no_one(extract):
    claims, _ = extract("Fans punched the air in delight.")
    assert not of_type(claims, "ATTACK")


# -- hurt and deaths at the scene --------------------------------------------------------------------

@pytest.mark.parametrize("text, polarity", [('"No one was hurt," the fire chief said.', "denied"),
                                            ("Two guards were hurt in the blast.", "asserted")])
def test_people_hurt_are_a_casualty(extract, text, polarity):
    claims, _ = extract(text)
    assert [c.polarity for c in of_type(claims, "CASUALTY")] == [polarity]


@pytest.mark.parametrize("text", ["No one was hurt in the drone strike on the power plant, the agency said.",
                                  "Nobody was killed in the missile strike on the depot, officials said.",
                                  "The strike did not kill anyone, but it damaged a school, officials said."])
def test_no_one_hurt_in_a_strike_denies_the_harm_not_the_strike(extract, text):
    claims, _ = extract(text)
    assert [c.polarity for c in of_type(claims, "ATTACK")] == ["asserted"]
    assert all(c.polarity == "denied" for c in of_type(claims, "CASUALTY"))


@pytest.mark.parametrize("text", ["There was no attack on the convoy on Monday, the ministry said.",
                                  "The militia did not take part in the attack on the base, its leader said."])
def test_an_attack_said_not_to_be_or_not_joined_stays_denied(extract, text):
    claims, _ = extract(text)
    assert [c.polarity for c in of_type(claims, "ATTACK")] == ["denied"]


@pytest.mark.parametrize("text", ["She was hurt by his remarks.", "He said that his cuffs hurt.",
                                  "At a time when our economy is hurting, this is a blow.",
                                  "The inquiry was hurting her in the polls."])
def test_hurt_feelings_economies_and_polls_are_no_casualty(extract, text):
    claims, _ = extract(text)
    assert not of_type(claims, "CASUALTY")


def test_named_people_who_died_at_the_scene_are_casualties(extract):
    claims, ents = extract("Police Capt. Tom Tennant and Senior Trooper William Hakim, both 51, died at the scene.")
    assert names(ents, of_type(claims, "CASUALTY")[0].roles["target"]) == ["tom tennant", "william hakim"]


# -- what is called false is denied ------------------------------------------------------------------

@pytest.mark.parametrize("text, ctype", [("Moscow said reports that it supplied missiles to Syria were baseless.",
                                          "TRANSFER"),
                                         ("The monitors said talk of sanctions against Moscow was groundless.",
                                          "SANCTION")])
def test_what_reports_or_talk_called_false_tell_is_denied(extract, text, ctype):
    claims, _ = extract(text)
    assert [c.polarity for c in of_type(claims, ctype)] == ["denied"] and of_type(claims, "DENY")


def test_what_a_speaker_says_plainly_stays_asserted(extract):
    claims, _ = extract("Moscow said the rebels shelled the town.")
    assert [c.polarity for c in of_type(claims, "ATTACK")] == ["asserted"]


ANY_SUCH = [("The ambassador warned that any Western troops sent to the region would be destroyed.", "DEPLOY"),
            ("Moscow threatened to target any jets delivered to Kyiv, the ministry said.", "TRANSFER")]


@pytest.mark.parametrize("text, ctype", ANY_SUCH)
def test_any_troops_sent_or_jets_delivered_are_no_deployment_or_delivery(extract, text, ctype):
    assert not of_type(extract(text)[0], ctype)


# -- session 31: a denial not made, a deed ruled out ----------------------------------------------

def test_a_denial_not_made_is_no_denial(extract):
    claims, _ = extract("Estland did not deny that its drones struck a refinery near Kessel.")
    assert not of_type(claims, "DENY")
    assert [c.polarity for c in of_type(claims, "ATTACK")] == ["asserted"]


def test_a_deed_ruled_out_is_denied_by_who_rules_it_out(extract):
    claims, ents = extract("Chancellor Hanna Lind ruled out sending Norvanian troops to Estland.")
    sent = of_type(claims, "DEPLOY")
    assert [c.polarity for c in sent] == ["denied"] and names(ents, [sent[0].source]) == ["hanna lind"]


def test_a_deed_not_ruled_out_is_possible(extract):
    claims, ents = extract("The Norvanian defence ministry did not rule out further deliveries of missiles to Estland.")
    sent = of_type(claims, "TRANSFER")
    assert [(c.polarity, c.modality) for c in sent] == [("asserted", "possible")]
    assert not of_type(claims, "DENY")


@pytest.mark.parametrize("text, threat", [
    ("Norvania's foreign ministry spokesman warned that Norvania would retaliate against Estland.", True),
    ("The Norvanian army warned it would strike the bridges if Estland crossed the river.", True),
    # force another would use is a warning of danger, no threat
    ("Norvania's foreign ministry spokesman warned that Estland would retaliate against Kessel.", False),
])
def test_a_warning_of_force_the_warner_will_use_is_a_threat(extract, text, threat):
    claims, _ = extract(text)
    assert bool(of_type(claims, "THREATEN")) is threat


@pytest.mark.parametrize("text, sanction", [
    ("Norvania has frozen roughly 210 billion euros of Estland's central bank assets.", True),
    ("The army froze 300 of its soldiers' leave requests.", False),
])
def test_freezing_a_sum_of_assets_is_a_sanction(extract, text, sanction):
    claims, _ = extract(text)
    assert bool(of_type(claims, "SANCTION")) is sanction
