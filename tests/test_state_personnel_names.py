""""Two Mexican soldiers were killed": the soldiers stand for Mexico's side, and the article's
words for them are kept among Mexico's names, so the export shows how the article named the
side (issue 9, the Mexico-Colombia prober of session 40). Every sentence is invented."""

from __future__ import annotations

from test_precision import extract  # noqa: F401  (the same one-document extraction fixture)
from test_unseen_news import of_type


def test_a_state_s_soldiers_keep_the_article_s_words_for_them(extract):
    claims, ents = extract("A landmine killed two Mexican soldiers in Michoacan on Tuesday, the army said.")
    victims = [ents[i] for c in of_type(claims, "CASUALTY") for i in c.roles["target"]]
    assert [e.name for e in victims] == ["Mexico"]
    assert "Mexican soldiers" in victims[0].aliases


def test_people_of_a_nation_who_are_no_state_arm_get_no_such_name(extract):
    claims, ents = extract("Gunmen killed three Mexican farmers in Michoacan on Tuesday, police said.")
    assert not [e for e in ents.values() if "Mexican farmers" in e.aliases and e.name == "Mexico"]
