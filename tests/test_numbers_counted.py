"""The numbers a claim shows are counts of its happening: a toll counts people, not the craft,
papers or weapons its sentence also counts ("boarded two of the pirate vessels", "four life
sentences"), nor an age with its hyphens spaced ("a 35 - year - old deputy"), nor the money
a disaster cost; an attack is not sized by time ("two weeks later") or by the year in its name
("the fatal 2012 attack"). An inverted passive ("Also killed were two soldiers") names its
victims; an assault on an unnamed woman is an attack told. Invented sentences (session 24)."""

from __future__ import annotations

import pytest
from test_precision import extract  # noqa: F401  (the same one-document extraction fixture)
from test_unseen_news import names, of_type


def counts(claim):
    return sorted(q.value for q in claim.quantities)


@pytest.mark.parametrize("text, expected", [
    ("Marine commandos boarded two of the pirate skiffs to nab 14 pirates off Eyl, the navy said.", [14]),
    ("Judge Ann Marlow sentenced Dale Ruck to seven consecutive life sentences and four sentences of life"
     " without parole for the killings of four people in Tulsa.", [4]),
    ("A 35 - year - old deputy was killed on Friday in Hawaiian Gardens, police said.", []),
    # a number the joined verb counts is none of the toll: people driven from home, vehicles destroyed
    ("The war in Kessel has killed more than 14,000 people, according to U.N. estimates, and displaced"
     " over 8 million.", [None]),
    ("Rebels killed two soldiers and destroyed three armoured vehicles near Kessel on Tuesday, the army said.", [2]),
])
def test_a_toll_counts_only_people(extract, text, expected):
    claims, _ = extract(text)
    tolls = of_type(claims, "CASUALTY")
    assert tolls and counts(tolls[0]) == expected


def test_an_inverted_passive_names_its_victims(extract):
    claims, ents = extract("Also killed were two Malian soldiers near Kidal on Monday, the army said.")
    toll = of_type(claims, "CASUALTY")[0]
    assert names(ents, toll.roles["target"]) == ["mali"]
    assert counts(toll) == [2]


@pytest.mark.parametrize("text", [
    "Less than two weeks later, gunmen attacked the police station in Gao, officials said.",
    "The fatal 2012 terrorist attack on the compound in Benghazi was condemned by Ann Dale.",
    "Rebels attacked the garrison in Gao for 12 hours, the army said on Monday.",
    "Rioters attacked shops in Gao for two nights after the killing, the mayor said.",
])
def test_an_attack_is_not_sized_by_time_or_its_year(extract, text):
    claims, _ = extract(text)
    attacks = of_type(claims, "ATTACK")
    assert attacks and all(counts(a) == [] for a in attacks)


def test_a_toll_is_not_the_money_a_disaster_cost(extract):
    claims, _ = extract("The quake in Quito killed up to 1,000 people and caused an estimated billion dlrs in damage.")
    toll = of_type(claims, "CASUALTY")[0]
    assert [(q.low, q.high, q.unit) for q in toll.quantities] == [(None, 1000, "people")]


def test_an_assault_on_an_unnamed_woman_is_an_attack(extract):
    claims, _ = extract("An Edmonton man who carried out a vicious assault on a woman he knew has been jailed.")
    assert [c.trigger for c in of_type(claims, "ATTACK")] == ["assault"]


def test_the_doers_of_another_clause_are_no_toll(extract_text):
    claims, _ = extract_text("Five police officers beat a motorist after a traffic stop in Kessel; he died three days later.")
    deaths = [c for c in claims if c.type == "CASUALTY"]
    assert deaths and all(q.value != 5 for c in deaths for q in c.quantities)


def test_a_toll_told_by_another_verb_is_still_counted(extract_text):
    claims, _ = extract_text("Ten officers were seriously wounded in Kessel and 60 suffered slight injuries.")
    counted = {q.value for c in claims if c.type == "CASUALTY" for q in c.quantities}
    assert {10, 60} <= counted
