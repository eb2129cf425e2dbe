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


# A war of two sides that names one side's losses or possessions only: the other side did it.
# "Zambian troops killed 40 Malawian soldiers" sets the sides and shows them fighting.
FOUGHT = "Zambian troops killed 40 Malawian soldiers near Chipata on Monday, the army said. "


@pytest.mark.parametrize("text, evidence, ctype", [
    # the country owning the post taken, where "of" hangs on the day in the parse
    (FOUGHT + "The retreat follows the seizure on Tuesday of Malawi's biggest air base at Mchinji.",
     "seizure", "ATTACK"),
    # lives counted by nationality are the nation's losses
    (FOUGHT + "The battle for Mchinji, which Zambia said cost 212 Malawian lives, ended on Friday.",
     "212 Malawian", "CASUALTY"),
    # whoever a place's fall cost held it
    (FOUGHT + "Analysts said the fall of the garrison town of Mchinji robbed Malawi of its main airstrip.",
     "robbed", "ATTACK"),
])
def test_one_side_s_loss_was_inflicted_by_the_other(extract_text, text, evidence, ctype):
    claims, ents = extract_text(text)
    claim = next(c for c in claims if c.type == ctype and evidence in c.text)
    assert {ents[i].name for i in claim.roles["actor"]} == {"Zambia"}
    assert {ents[i].name for i in claim.roles["target"]} == {"Malawi"}


def test_forces_named_with_nouns_between_are_a_side(extract_text):
    # "Zambia army troops": Zambia's troops, though the parser hangs "Zambia" on "army"
    claims, ents = extract_text("Malawian soldiers abandoned the border post ahead of advancing Zambia army "
                                "troops. The fall of the post, which Zambia said cost 30 Malawian lives, "
                                "ended the week's fighting.")
    toll = next(c for c in claims if c.type == "CASUALTY")
    assert {ents[i].name for i in toll.roles["actor"]} == {"Zambia"}


@pytest.mark.parametrize("text", [
    # a post one side overran: the other side is the target, in place of the post
    FOUGHT + "Zambian troops overran a garrison near Mchinji on Tuesday.",
    # a post marked by nationality names that side alone
    "Zambian troops captured the Malawian outpost of Mchinji on Tuesday.",
])
def test_the_side_not_its_post_is_the_target(extract_text, text):
    claims, ents = extract_text(text)
    attack = next(c for c in claims if c.type == "ATTACK" and ("overran" in c.text or "captured" in c.text))
    assert {ents[i].name for i in attack.roles["target"]} == {"Malawi"}


def test_a_capital_owning_a_post_stands_for_its_state(extract_text):
    claims, ents = extract_text("Zambian troops seized Lilongwe's main air base at Kasungu on Monday.")
    attack = next(c for c in claims if c.type == "ATTACK")
    assert {ents[i].name for i in attack.roles["target"]} == {"Malawi"}


def test_raids_into_a_nation_s_territory_hit_that_nation(extract_text):
    claims, ents = extract_text("Sudanese warplanes killed 30 people in bombing raids into Chadian territory "
                                "on Monday, officials said.")
    attack = next(c for c in claims if c.type == "ATTACK")
    assert {ents[i].name for i in attack.roles["target"]} == {"Chad"}


def test_rebels_named_for_a_creed_are_no_side_called_by_it(extract_text):
    # "Maoist rebels ... 12 rebels died": the rebels died, not a party called Maoist
    claims, ents = extract_text("Maoist rebels ambushed a police convoy in Dantewada on Monday. "
                                "At least 12 rebels died in the gunfight, police said.")
    toll = next(c for c in claims if c.type == "CASUALTY" and "12 rebels" in c.text)
    assert "Maoist" not in {ents[i].name for i in toll.roles["target"]}
    assert toll.roles["target"]


def test_each_side_s_losses_told_together_are_two_tolls_each_by_the_other(extract_text):
    claims, ents = extract_text(FOUGHT + "Officers said 120 Malawians were taken prisoner, while 14 Zambian "
                                         "soldiers were killed and 30 wounded.")
    tolls = [c for c in claims if c.type == "CASUALTY" and "prisoner" in c.text]
    by_victims = {frozenset(ents[i].name for i in c.roles["target"]): {ents[i].name for i in c.roles["actor"]}
                  for c in tolls}
    assert by_victims == {frozenset({"Malawi"}): {"Zambia"}, frozenset({"Zambia"}): {"Malawi"}}


@pytest.mark.parametrize("text", [
    "Al-Shabaab fighters fired mortars at an army base on Monday. Warplanes later bombed the port of Kismayo.",
    "Kolwe Front fighters seized a police post in Tessa last week. On Sunday, military jets bombed the town's market.",
])
def test_an_armed_group_is_not_given_the_air_strike_that_follows_its_attack(extract_text, text):
    claims, ents = extract_text(text)
    bombed = [c for c in claims if c.type == "ATTACK" and (c.trigger or "").lower().startswith("bomb")]
    # ("military jets" are the military's: a doer named by what it is, never the group)
    assert bombed and all(ents[i].name in {"military"} for c in bombed for i in c.roles.get("actor") or ())


@pytest.mark.parametrize("text", [
    "The killings of three aid workers in Kolwe were condemned by the Norvanian foreign minister.",
    "The deaths of four miners in Kessel were confirmed by the health ministry on Sunday.",
])
def test_who_speaks_of_a_killing_by_a_passive_verb_did_not_do_it(extract_text, text):
    claims, ents = extract_text(text)
    killed = [c for c in claims if c.type == "CASUALTY"]
    assert killed and all(not c.roles.get("actor") for c in killed)
