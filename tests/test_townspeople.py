"""A person named by the town they are from or serve is that person, not the town: the crime
prober of session 32 found "A Phoenix officer shot a man" with Phoenix as the attacker and "A
Melbourne man told the jury" with Melbourne as the speaker. A country in front still stands for
its state ("a Norvanian officer"). Every sentence is invented."""

from __future__ import annotations

from test_precision import extract  # noqa: F401  (the same one-document extraction fixture)
from test_unseen_news import names, of_type


def test_a_town_s_officer_who_shot_is_the_officer(extract):
    claims, ents = extract("A Phoenix officer shot and wounded a man in Maryvale on Sunday, police said.")
    attack = of_type(claims, "ATTACK")[0]
    assert names(ents, attack.roles["actor"]) == ["phoenix officer"]


def test_a_town_s_man_who_speaks_is_the_speaker(extract):
    claims, ents = extract("A Melbourne man told a jury on Tuesday that he had not attacked the guard at Kessel Road.")
    attack = of_type(claims, "ATTACK")[0]
    assert attack.polarity == "denied" and ents[attack.source].name == "Melbourne man"


def test_a_country_s_officer_still_stands_for_the_country(extract):
    claims, ents = extract("A Russian officer shot two men at a checkpoint near Kessel on Sunday.")
    attack = of_type(claims, "ATTACK")[0]
    assert names(ents, attack.roles["actor"]) == ["russia"]
