"""Irregular fighters entering a town take it by force (an attack); troops entering are sent."""

from test_precision import extract  # noqa: F401
from test_unseen_news import of_type


def test_fighters_entering_a_town_attack_it(extract):
    claims, _ = extract("Jihadist fighters entered the town of Djibo on Sunday after days of clashes.")
    assert of_type(claims, "ATTACK") and not of_type(claims, "DEPLOY")


def test_troops_entering_a_town_are_sent_there(extract):
    claims, _ = extract("Syrian troops entered Hama on Thursday.")
    assert of_type(claims, "DEPLOY") and not of_type(claims, "ATTACK")
