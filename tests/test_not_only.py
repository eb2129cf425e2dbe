""""This is not only an attack on X, it is an attack on Y": more is said, nothing denied."""

from test_precision import extract  # noqa: F401
from test_unseen_news import of_type


def test_not_only_an_attack_is_no_denial(extract):
    claims, _ = extract("\"This is not only an attack against our convoy, this is an attack on every aid group in "
                        "Kessel,\" the charity's chief said.")
    attacks = of_type(claims, "ATTACK")
    assert attacks and all(c.polarity == "asserted" for c in attacks)


def test_not_is_still_a_denial(extract):
    claims, _ = extract("The army did not attack the village of Kessel, the ministry said.")
    attack, = of_type(claims, "ATTACK")
    assert attack.polarity == "denied"
