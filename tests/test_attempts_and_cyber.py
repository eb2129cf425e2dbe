"""An attack attempted is an attack made, and a cyberattack is one (the political-violence and
sabotage probers of session 34, issue 9). Invented sentences."""

from __future__ import annotations

from test_coref_roles import extract  # noqa: F401  (the one-document extraction fixture)
from test_unseen_news import of_type


def test_an_assassination_attempt_survived_is_an_attack_and_no_death(extract):
    claims, ents = extract("Velkova said on Wednesday she had survived an assassination attempt in Kessel on Tuesday.")
    attack = of_type(claims, "ATTACK")[0]
    assert [ents[p].name for p in attack.roles["location"]] == ["Kessel"]
    assert (attack.time.start, attack.time.end) == ("2024-03-12", "2024-03-12")
    assert not of_type(claims, "CASUALTY")


def test_a_cyberattack_written_as_one_word_is_an_attack(extract):
    claims, _ = extract("A cyberattack on a power distributor cut electricity to 80,000 households in Kessel "
                        "on Sunday, the security service said.")
    assert len(of_type(claims, "ATTACK")) == 1
