"""Readings from session 39's probers (issue 9). Working people or their unions who "would
strike" at nothing and no one walk out: no attack, no threat. "The central Haitian town of
Mirebalais" attacked is Mirebalais, hit and where it happened, not Haiti ("the Solino
neighbourhood of Port-au-Prince" is not Port-au-Prince). A day is no speaker. Every sentence is
invented."""

from __future__ import annotations

import pytest
from spacy.tokens import Doc

from claimgraph.extract.attribution import speaking_subject
from test_precision import extract  # noqa: F401  (the same one-document extraction fixture)
from test_unseen_news import names, of_type


@pytest.mark.parametrize("text", [
    "Medical workers' unions said they would strike on Monday if the nurses were not freed.",
    "Dock workers struck for a week in March.",
])
def test_workers_who_strike_walk_out(extract, text):
    claims, _ = extract(text)
    assert not of_type(claims, "ATTACK") and not of_type(claims, "THREATEN")


@pytest.mark.parametrize("text", [
    "The rebels said they would strike Goma unless the army withdrew.",
    "The driver was struck by a bullet as he fled the checkpoint.",
])
def test_strikes_at_a_town_or_a_person_stay_attacks(extract, text):
    claims, _ = extract(text)
    assert of_type(claims, "ATTACK")


@pytest.mark.parametrize("text, town", [
    ("Gang members attacked the central Haitian town of Mirebalais on Monday.", "mirebalais"),
    ("The insurgents attacked the village of Mieze in Ancuabe district on Friday, burning a church.", "mieze"),
])
def test_the_town_of_a_name_is_the_place_hit(extract, text, town):
    claims, ents = extract(text)
    attack = of_type(claims, "ATTACK")[0]
    assert names(ents, attack.roles["target"]) == [town]
    assert names(ents, attack.roles["location"]) == [town]


def test_a_neighbourhood_named_in_front_is_not_the_town_its_of_names(extract):
    claims, ents = extract("Gangs overran the Solino neighbourhood of Port-au-Prince on Monday.")
    attack = of_type(claims, "ATTACK")[0]
    assert "port-au-prince" not in names(ents, attack.roles["target"])



def test_a_day_the_parser_makes_a_second_subject_of_said_is_no_speaker(pipeline):
    # "..., the U.N. office said Wednesday, twice the figure ...": parsed with "Wednesday" as a
    # second subject of "said", nearer the verb than the office
    words = ["the", "office", "in", "Haiti", "said", "Wednesday"]
    doc = Doc(pipeline.nlp.vocab, words=words, heads=[1, 4, 1, 2, 4, 4],
              deps=["det", "nsubj", "prep", "pobj", "ROOT", "nsubj"], ents=["O", "O", "O", "B-GPE", "O", "B-DATE"])
    assert speaking_subject(doc[4]).text == "office"
