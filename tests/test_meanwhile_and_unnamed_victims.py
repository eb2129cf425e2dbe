"""A blow at someone the article does not name is still an attack; a clause told beside another by
"as" or "while" is another happening and lends it no roles; commands and strikers tell no
attack; who admits a deed did it; ruling out a claim denies it; a town in front of a site is
where the site is; tariffs aimed at a country and sanctions listings sanction it. Constructions
from the web7, ecb4, web6 and web8 misses (session 18); every sentence is invented."""

from __future__ import annotations

import pytest
from test_precision import extract  # noqa: F401  (the same one-document extraction fixture)
from test_unseen_news import names, of_type


@pytest.mark.parametrize("text", [
    "A pensioner was asleep when a woman was stabbed in the flat next door on Friday night.",
    "The victim told officers that a man broke in and stabbed her with a screwdriver.",
    "A sacked accountant walked into the office on Monday and shot a former colleague.",
])
def test_an_unnamed_person_stabbed_is_an_attack(extract, text):
    assert of_type(extract(text)[0], "ATTACK")


@pytest.mark.parametrize("text", [
    "A delivery van hit a woman outside the bakery.",
    "The striker shot the ball past a man in the wall.",
])
def test_other_blows_at_a_nameless_person_stay_unsaid(extract, text):
    assert not of_type(extract(text)[0], "ATTACK")


def test_a_clause_told_meanwhile_is_another_happening(extract):
    claims, ents = extract("A parcel bomb attack on a post office in Lyon killed two clerks on Tuesday "
                           "as riot police fought running battles with rioters.")
    attacks = {c.trigger: c for c in of_type(claims, "ATTACK")}
    assert names(ents, attacks["attack"].roles["actor"]) == []
    assert names(ents, attacks["fought"].roles["actor"]) == ["riot police"]
    assert names(ents, attacks["fought"].roles["instrument"]) == []
    assert all(names(ents, c.roles["actor"]) == [] for c in of_type(claims, "CASUALTY"))


def test_a_clause_whose_doer_is_a_pronoun_tells_the_same_happening(extract):
    claims, ents = extract("Gunmen attacked the convoy near Gao, killing three as they fired on the trucks.")
    attacks = of_type(claims, "ATTACK")
    assert len(attacks) == 1 and names(ents, attacks[0].roles["actor"]) == ["gunmen"]


def test_a_forbidding_command_tells_no_attack(extract):
    assert not of_type(extract('"Don\'t shoot him," the driver\'s wife shouted at the officers.')[0], "ATTACK")


def test_striking_workers_strike_no_one(extract):
    claims, _ = extract("Police in Lagos dispersed striking dockworkers with water cannon on Monday.")
    assert not [c for c in of_type(claims, "ATTACK") if c.trigger == "striking"]


# -- confessions and ruling out (the web6 misses) ----------------------------------------------------

def test_who_admits_to_a_threat_made_it(extract):
    claims, ents = extract("Prosecutors said Tomas Brenner admitted to threatening the cashier and hiding her bag.")
    assert names(ents, of_type(claims, "THREATEN")[0].roles["actor"]) == ["tomas brenner"]


def test_ruling_out_a_claim_denies_it(extract):
    claims, ents = extract("The Malian government has ruled out jihadist involvement in the blast at the depot.")
    assert names(ents, of_type(claims, "DENY")[0].roles["actor"]) == ["malian government"]


def test_ruling_out_a_deed_says_it_will_not_happen(extract):
    claims, _ = extract("The Pentagon ruled out sending ground troops to Libya on Monday.")
    assert not of_type(claims, "DENY")
    assert [c.polarity for c in of_type(claims, "DEPLOY")] == ["denied"]


def test_not_ruling_out_foul_play_denies_no_death(extract):
    claims, _ = extract("Police have not ruled out foul play in the death of the banker in Moscow.")
    assert [c.polarity for c in of_type(claims, "CASUALTY")] == ["asserted"]
    assert not of_type(claims, "DENY")


# -- towns in front of sites (ecb4) ------------------------------------------------------------------

def test_a_town_in_front_of_a_bank_is_where_it_was_hit(extract):
    claims, ents = extract("Two police officers were killed after a bomb exploded late Friday at a Woodburn bank.")
    attack = of_type(claims, "ATTACK")[0]
    assert "woodburn" not in names(ents, attack.roles["target"])
    assert names(ents, attack.roles["location"]) == ["woodburn"]


def test_an_organisation_in_front_of_its_headquarters_is_still_hit(extract):
    claims, ents = extract("Israeli jets bombed the Hamas headquarters in Gaza on Monday.")
    attack = of_type(claims, "ATTACK")[0]
    assert names(ents, attack.roles["target"]) == ["hamas"] and names(ents, attack.roles["location"]) == ["gaza strip"]


def test_town_police_who_mobilise_are_placed_in_their_town(extract):
    claims, ents = extract("Athens police chiefs mobilized all their forces by declaring a general state of alert.")
    deploy = of_type(claims, "DEPLOY")[0]
    assert "athens" not in names(ents, deploy.roles["actor"]) and names(ents, deploy.roles["location"]) == ["athens"]


# -- tariffs and sanctions listings (web8) -----------------------------------------------------------

def test_tariffs_aimed_at_a_country_sanction_it(extract):
    claims, ents = extract("The president said he would raise tariffs on Brazilian steel exports to punish Brasilia.")
    assert names(ents, of_type(claims, "SANCTION")[0].roles["target"]) == ["brazil"]


def test_tariffs_aimed_at_no_one_sanction_no_one(extract):
    assert not of_type(extract("Steel tariffs rose sharply last year, the trade ministry said in a report.")[0],
                       "SANCTION")


def test_sanctions_listings_are_sanctions_on_whom_they_list(extract):
    claims, ents = extract("Ministers agreed 11 new EU sanctions listings on Belarus on Monday.")
    sanction = of_type(claims, "SANCTION")[0]
    assert names(ents, sanction.roles["target"]) == ["belarus"]


def test_sanctions_to_be_imposed_name_their_target(extract):
    claims, ents = extract("Sanctions are to be imposed on Belarus on April 17, officials said in Brussels.")
    assert names(ents, of_type(claims, "SANCTION")[0].roles["target"]) == ["belarus"]


def test_a_town_in_front_of_a_meeting_place_is_where_they_met(extract):
    claims, ents = extract("Foreign Minister Anna Berg and Foreign Minister Karl Vogt met today in an elegant "
                           "Vienna palace to discuss the border.")
    assert names(ents, of_type(claims, "MEET")[0].roles["location"]) == ["vienna"]


def test_the_waters_a_navy_patrols_are_where_it_is_not_what_it_sends(extract):
    claims, ents = extract("The Indian Navy patrolling the Arabian Sea on Thursday stopped two pirate skiffs.")
    deploy = of_type(claims, "DEPLOY")[0]
    assert names(ents, deploy.roles["location"]) == ["arabian sea"] and "sea" not in names(ents, deploy.roles["subject"])


def test_a_happening_told_a_day_after_another_takes_none_of_its_roles(extract):
    claims, ents = extract("The raid came a day after Kenyan troops shelled a militant camp near Kismayo.")
    for raid in (c for c in claims if c.trigger == "raid"):
        assert not raid.roles["actor"] and not raid.roles["location"] and not raid.roles["target"]
    shelling = next(c for c in claims if c.trigger == "shelled")
    assert [ents[i].name for i in shelling.roles["location"]] == ["Kismayo"]


def test_a_toll_told_after_the_attack_that_caused_it_shares_its_doer(extract):
    claims, ents = extract("Three people were killed after gunmen opened fire on a bus in Kaduna.")
    toll = next(c for c in claims if c.type == "CASUALTY")
    assert [ents[i].name for i in toll.roles["actor"]] == ["gunmen"]


@pytest.mark.parametrize("text", [
    "The army said soldiers killed three gunmen who had opened fire on troops near Hebron.",
    "Troops killed two militants who had fired at soldiers near the border, the army said."])
def test_what_the_victims_had_done_is_their_own_deed_not_their_killing(extract, text):
    claims, ents = extract(text)
    killed = of_type(claims, "CASUALTY")[0]
    assert not killed.roles["actor"]  # the gunmen fired; they did not kill themselves
    fired = [c for c in claims if c.type == "ATTACK" and c.roles["actor"]]
    assert len(fired) == 1 and fired[0].roles["target"] != killed.roles["target"]
