"""What real crime and court reporting tells (issue 9): robbing a bank or a person is an attack,
a robbery named in a sentence too, unless it is only the charge a court weighs; two attack verbs
joined, each done to its own party, are two happenings; a speaker's accusation stands beside the
other claims of the sentence; a town's residents are no party of the town. Invented sentences."""

from __future__ import annotations

import pytest

from test_coref_roles import extract  # noqa: F401  (the one-document extraction fixture)


def attacks(claims):
    return [c for c in claims if c.type == "ATTACK"]


@pytest.mark.parametrize("text", [
    "Two gunmen robbed the Marlow Savings Bank in Kessel on Tuesday.",
    "Gunmen robbed a convoy of aid trucks near Kessel on Tuesday.",
    "An armed man carried out a robbery at the Grand Hotel in Kessel on Tuesday.",
])
def test_a_robbery_is_an_attack(extract, text):
    claims, _ = extract(text)
    assert attacks(claims)


@pytest.mark.parametrize("text", [
    "The late injury robbed Kessel United of a win on Saturday.",
    "Two Kessel men were charged with robbery and arson on Tuesday.",
])
def test_no_robbery_told(extract, text):
    claims, _ = extract(text)
    assert not attacks(claims)


def test_joined_attacks_on_different_parties_are_two(extract):
    claims, ents = extract("Protesters stormed the parliament building and attacked a police station "
                           "in Kessel on Tuesday.")
    targets = sorted(ents[t].name for c in attacks(claims) for t in c.roles["target"])
    assert len(attacks(claims)) == 2, targets


def test_shot_and_killed_stays_one_attack(extract):
    claims, _ = extract("In Kessel on Tuesday, a gunman shot and killed Anton Marlow outside his house.")
    assert len(attacks(claims)) == 1


def test_a_said_accusation_beside_an_accusing_verb(extract):
    claims, ents = extract("Senator Ilse Kessel said Bordurian intelligence services hacked into the "
                           "Marlow Party's computers and she accused Anton Varga of helping them.")
    accused = sorted(ents[t].name for c in claims if c.type == "ACCUSE" for t in c.roles["target"])
    assert any("Bordur" in name for name in accused) and "Anton Varga" in accused


@pytest.mark.parametrize("text,town", [
    ("A Tulsa shop owner stabbed a customer in Kessel on Friday.", "Tulsa"),
    ("Police said a Lagos businessman shot a guard at the Marlow depot on Friday.", "Lagos"),
])
def test_a_towns_resident_is_no_party_of_the_town(extract, text, town):
    claims, ents = extract(text)
    assert attacks(claims)
    assert town not in [ents[a].name for c in attacks(claims) for a in c.roles["actor"]]


@pytest.mark.parametrize("text, attacked", [
    ("Riot police fired tear gas at the protesters outside parliament in Kessel.", True),
    ("A girl outside the venue in Kessel was pepper-sprayed by a bystander on Tuesday.", True),
    ("The two gunmen were spraying bullets from a rooftop in Kessel on Sunday.", True),
    ("The driver hit the gas and sped away from the checkpoint in Kessel.", False),
    ("Crews sprayed the fields near Kessel with fertiliser on Monday.", False),
])
def test_tear_gas_pepper_spray_and_sprayed_bullets_are_weapons(extract, text, attacked):
    assert bool(attacks(extract(text)[0])) is attacked


@pytest.mark.parametrize("text, attacked", [
    ("Reporter Ana Lutz came under sniper fire in Kessel on Monday, her editor said.", True),
    ("The minister came under heavy fire in parliament in Kessel over the plan.", False),
])
def test_fire_named_by_its_shooter_or_weapon_is_shooting_not_criticism(extract, text, attacked):
    assert bool(attacks(extract(text)[0])) is attacked


@pytest.mark.parametrize("text, condemned", [
    ("Senator Dana Whitlow attacked Governor Ray Okafor for his comments on the budget.", True),
    ("Dana Whitlow lashed out at Governor Ray Okafor in a statement on Monday.", True),
    ("When something gets under his skin, he lashes out and can't let go, she said.", False),
])
def test_words_thrown_at_a_party_condemn_it(extract, text, condemned):
    claims, ents = extract(text)
    condemns = [c for c in claims if c.type == "CONDEMN"]
    assert bool(condemns) is condemned
    if condemned:
        assert [ents[i].name for i in condemns[0].roles["target"]] == ["Ray Okafor"]
        assert not attacks(claims)


def test_a_denial_told_by_a_phrasal_verb_needs_no_party_aimed_at(extract):
    """Only a condemnation thrown at someone needs the "at": "ruled out" denies on its own."""
    claims, _ = extract("The Afghan government has ruled out Taliban involvement in the crash near Kessel.")
    assert any(c.type == "DENY" for c in claims)


def test_a_killing_after_a_charged_attack_is_what_that_attack_did(extract):
    """"accused the rebels of shelling the town, killing nine": the parser hangs the participle
    on "accused"; it is the shelling's toll, not a second attack."""
    claims, _ = extract("The army accused the rebels of shelling the town of Kessel on Monday, killing nine people.")
    assert [c.trigger for c in attacks(claims)] == ["shelling"]
    assert any(c.type == "CASUALTY" for c in claims)
