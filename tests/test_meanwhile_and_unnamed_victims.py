"""A blow at someone the article does not name is still an attack; a clause told beside another by
"as" or "while" is another happening and lends it no roles; commands and strikers tell no
attack. Constructions from the web7 and ecb4 misses (session 18); every sentence is invented."""

from __future__ import annotations

import pytest
from test_precision import extract  # noqa: F401  (the same one-document extraction fixture)
from test_unseen_news import names, of_type


@pytest.mark.parametrize("text", [
    "A pensioner was asleep when a woman was stabbed in the flat next door on Friday night.",
    "The victim told officers that a man broke in and stabbed her with a screwdriver.",
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
