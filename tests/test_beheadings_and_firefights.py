"""Words of killing and fighting session 39's Cabo Delgado prober found unread (issue 9):
beheading kills, and armed men who behead attack; two sides that "exchanged fire" fought, the
one it is exchanged with being the other side. Every sentence is invented."""

from __future__ import annotations

from test_precision import extract  # noqa: F401  (the same one-document extraction fixture)
from test_unseen_news import names, of_type


def test_insurgents_who_behead_villagers_attack_and_kill(extract):
    claims, ents = extract("Insurgents beheaded three people in the village of Lumbo on Monday, a local official said.")
    toll, = of_type(claims, "CASUALTY")
    assert [(q.value, q.low, q.high) for q in toll.quantities] == [(3, None, None)]
    attack, = of_type(claims, "ATTACK")
    assert names(ents, attack.roles["actor"]) == ["insurgents"]


def test_fire_exchanged_with_gunmen_is_a_fight_with_them(extract):
    claims, ents = extract("Police exchanged fire with the gunmen for two hours.")
    fight, = of_type(claims, "ATTACK")
    assert names(ents, fight.roles["actor"]) == ["police"] and names(ents, fight.roles["target"]) == ["gunman"]


def test_views_and_prisoners_exchanged_are_no_fight(extract):
    for text in ("The two leaders exchanged views on Tuesday.", "The two sides exchanged prisoners on Monday."):
        assert not of_type(extract(text)[0], "ATTACK")
