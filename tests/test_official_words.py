"""The words of military and state media for killing, downing and taking ground, from the
state-media prober of session 32: "eliminated a commander", "two soldiers were martyred",
"intercepted seven drones", "liberated the settlement of X" gave no claim. Each is read only in
its deadly or military sense: "eliminated the tax", "intercepted three boats", "the threat of
famine" stay what they were. Every sentence is invented; the towns are real places the
gazetteer knows."""

from __future__ import annotations

import pytest

from test_precision import extract  # noqa: F401  (the same one-document extraction fixture)
from test_unseen_news import of_type


@pytest.mark.parametrize("text, kind, told", [
    ("The army said it eliminated a Marran commander near Kessel on Thursday.", "CASUALTY", True),
    ("Two soldiers were martyred in Khyber district on Thursday, the army said.", "CASUALTY", True),
    ("Norvanian air defences intercepted seven Estlandic drones over the Kursk region on Thursday.", "ATTACK", True),
    ("Norvanian forces liberated the settlement of Krasnohorivka on Thursday.", "ATTACK", True),
    ("Norvanian forces liberated Krasnohorivka in the Donetsk region on Thursday.", "ATTACK", True),
    ("The new law eliminated the tax on fuel imports in Kessel on Thursday.", "CASUALTY", False),
    ("A Norvanian warship intercepted three boats near Kessel on Thursday.", "ATTACK", False),
    ("The government said it had eliminated the threat of famine in Tigray.", "THREATEN", False),
])
def test_official_words_tell_their_deed_only_in_its_sense(extract, text, kind, told):
    claims, _ = extract(text)
    assert bool(of_type(claims, kind)) is told


def test_an_interception_of_what_was_fired_leaves_the_launch_the_attack(extract):
    """"intercepted a missile fired from Yemen towards Eilat": the launch is the attack told."""
    claims, ents = extract("The army said it had intercepted a ballistic missile fired from Marra towards Kessel.")
    attacks = of_type(claims, "ATTACK")
    assert len(attacks) == 1 and not attacks[0].roles["actor"]


def test_militants_eliminated_after_a_toll_were_killed_not_killers(extract):
    claims, ents = extract('The army said three soldiers were killed and about 15 militants "eliminated" when '
                           'the Kessel Front stormed the base at Kolwe.')
    assert "militant" not in {ents[a].name.lower() for c in claims for a in c.roles["actor"]}
