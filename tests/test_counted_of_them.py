""""Soldiers ambushed the rebels, killing 12 of them": the dead are counted out of the people
named before, who are the victims; "them" with no people before it names no one."""

from test_precision import extract  # noqa: F401
from test_unseen_news import names, of_type


def test_twelve_of_them_are_the_rebels_ambushed(extract):
    claims, ents = extract("Soldiers ambushed the rebels near Kessel on Sunday, killing 12 of them.")
    toll, = of_type(claims, "CASUALTY")
    assert names(ents, toll.roles["target"]) == ["rebel"]


def test_more_than_100_of_them_are_the_attackers_repelled(extract):
    claims, ents = extract("The army said it repelled an attack by Fano fighters on Lalibela, killing more than "
                           "100 of them.")
    toll, = of_type(claims, "CASUALTY")
    assert names(ents, toll.roles["target"]) == ["fano"]


def test_them_with_no_people_before_names_no_one(extract):
    claims, ents = extract("Gunmen stormed the village near Kessel and killed 12 of them.")
    toll, = of_type(claims, "CASUALTY")
    assert not toll.roles["target"]
