"""Wordings the border-clash and sanctions probers of session 34 found misread (issue 9): a
happening that is only the scene of a denial, a town the tagger took for a person before
"strike", a pledge said never made, and a sanctions package that "hits" tankers.
Invented sentences (real countries only where the gazetteer must know them)."""

from __future__ import annotations

from test_coref_roles import extract  # noqa: F401  (the one-document extraction fixture)
from test_unseen_news import of_type


def test_shelling_told_as_the_scene_of_a_rejection_is_not_denied(extract):
    claims, _ = extract("Estland rejected the experts' report on Monday as artillery shells slammed into Marra.")
    attack = of_type(claims, "ATTACK")[0]
    assert attack.polarity == "asserted"


def test_a_pledge_said_never_made_denies_the_threat_it_would_have_made(extract):
    # (session 35: a pledge to attack is a threat, the attack it names folded into it)
    claims, ents = extract("Velkova said on Monday she had never pledged to attack the Kessel garrison.")
    threat = of_type(claims, "THREATEN")[0]
    assert threat.polarity == "denied" and threat.modality != "planned"
    assert of_type(claims, "DENY") and not of_type(claims, "ATTACK")


def test_a_sanctions_package_that_hits_tankers_is_no_attack(extract):
    claims, _ = extract("The new sanctions package hits 79 tankers and two firms in Kessel, the commission said.")
    assert not of_type(claims, "ATTACK")


def test_a_name_in_front_of_a_strike_tells_where_or_whom_not_who_struck(extract):
    # the small model reads this Malian town as a person's name
    claims, ents = extract("Mali's army said the Goundam drone strike killed 12 militants on Sunday.")
    for claim in of_type(claims, "ATTACK") + of_type(claims, "CASUALTY"):
        assert "Goundam" not in {ents[a].name for a in claim.roles["actor"]}
