"""Who did it when a war report names only one side (issue 9): the article sets two sides
("Eritrean troops ... Ethiopian forces") and later tells "soldiers killed 300 Ethiopian
troops" or "eleven Eritrean soldiers were killed": the doer is the other side. All
sentences, names and numbers here are invented."""

from __future__ import annotations

import pytest

TWO_SIDES = ("Eritrean troops crossed the border at dawn and Ethiopian forces moved north to meet them. "
             "Army officers in Asmara said soldiers killed 300 Ethiopian troops near Zalambessa on Monday. "
             "Eleven Eritrean soldiers were killed in the same fighting.")


def doers(claims, ents, evidence: str) -> set[str]:
    return {ents[i].name for c in claims if c.type == "CASUALTY" and evidence in c.text
            for i in c.roles.get("actor", [])}


@pytest.mark.parametrize("text, evidence, doer", [
    # bare "soldiers" could be either side's: those they killed were the other's
    (TWO_SIDES, "killed 300", "Eritrea"),
    # one side's losses were inflicted by the other
    (TWO_SIDES, "Eleven Eritrean", "Ethiopia"),
    # the only side the article names as doer killed those its raids are followed by
    ("Sudanese warplanes bombed villages near the border on Tuesday, officials said. "
     "Forty people were reported killed in the raids.", "Forty people", "Sudan"),
])
def test_the_doer_is_the_side_the_article_sets(extract_text, text, evidence, doer):
    claims, ents = extract_text(text)
    assert doers(claims, ents, evidence) == {doer}


@pytest.mark.parametrize("text, evidence", [
    # forces named together are allies, not the two sides of a fight
    ("Kenyan and Somali troops patrolled the port of Kismayo on Sunday. "
     "Four Somali soldiers were killed near the port on Monday.", "Four Somali"),
    # a blast told before the lone side's raid is not shown to be its doing
    ("Four people were killed when a bomb exploded in a market in Juba on Monday. "
     "The market is near where Sudanese warplanes bombed a depot last year.", "Four people"),
])
def test_no_side_is_guessed_without_the_article_setting_it(extract_text, text, evidence):
    claims, ents = extract_text(text)
    assert not doers(claims, ents, evidence)


@pytest.mark.parametrize("text, sides", [
    ("Heavy fighting broke out between Sudanese troops and Ugandan soldiers near Kaya on Monday, witnesses said.",
     {"Sudan", "Uganda"}),
    ("Several clashes were reported on Sunday between Eritrean troops and Ethiopian forces, the army said.",
     {"Eritrea", "Ethiopia"}),
])
def test_the_sides_of_a_fight_are_named_after_its_verb(extract_text, text, sides):
    claims, ents = extract_text(text)
    attack = next(c for c in claims if c.type == "ATTACK")
    assert {ents[i].name for i in attack.roles["actor"] + attack.roles["target"]} == sides


@pytest.mark.parametrize("opening, hit", [
    # the article shows them fighting: the garrison one side overran was the other's
    ("Eritrean troops killed 40 Ethiopian soldiers near Badme on Sunday.", True),
    # only named, not shown fighting: whose garrison it was is not guessed
    ("Eritrean troops crossed the border at dawn and Ethiopian forces moved north to meet them.", False),
])
def test_the_post_one_side_attacked_was_the_other_s(extract_text, opening, hit):
    claims, ents = extract_text(opening + " Eritrean troops overran a garrison near Zalambessa on Monday.")
    attack = next(c for c in claims if c.type == "ATTACK" and "overran" in c.text)
    assert ("Ethiopia" in {ents[i].name for i in attack.roles["target"]}) is hit


@pytest.mark.parametrize("text, hit", [
    # the country owning a military post is the side hit there
    ("Eritrean troops seized Ethiopia's main air base at Mekele on Monday.", "Ethiopia"),
    # a flag on a ship names no side of a war
    ("Pirates seized a Greek cargo ship off Somalia on Monday.", None),
])
def test_a_post_s_country_is_the_side_hit_there(extract_text, text, hit):
    claims, ents = extract_text(text)
    attack = next(c for c in claims if c.type == "ATTACK")
    countries = {ents[i].name for i in attack.roles["target"]} & {"Ethiopia", "Greece"}
    assert countries == ({hit} if hit else set())
