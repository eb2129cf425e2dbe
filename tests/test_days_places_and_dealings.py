"""A day the parse hangs on the subject, a district named by a word the tagger calls a
nationality, and arms dealings and drawdowns (session-34 sanctions and border probers, issue 9).
Invented sentences; real places only where the gazetteer must know them."""

from __future__ import annotations

from test_coref_roles import extract  # noqa: F401  (the one-document extraction fixture)
from test_unseen_news import of_type


def test_a_day_between_the_subject_and_its_verb_dates_the_verb(extract):
    claims, _ = extract("Norvanian foreign ministers on Monday adopted a new package of sanctions against Estland.")
    sanction = of_type(claims, "SANCTION")[0]
    assert (sanction.time.start, sanction.time.end) == ("2024-03-11", "2024-03-11")  # published on Thursday 14th


def test_a_district_named_by_a_word_tagged_a_nationality_is_the_place(extract):
    # the small model tags this district's name a nationality
    claims, ents = extract("Armenian troops fired at Azerbaijani positions in the Zangilan district on Monday "
                           "evening, the service said.")
    attack = of_type(claims, "ATTACK")[0]
    assert [ents[p].name for p in attack.roles["location"]] == ["Zangilan"]


def test_arms_dealings_denied_are_a_denied_transfer(extract):
    claims, _ = extract("Estland's foreign ministry has repeatedly denied arms dealings with Norvania, "
                        "state media said.")
    assert [c.polarity for c in of_type(claims, "TRANSFER")] == ["denied"]


def test_a_drawdown_of_weapons_is_a_transfer_and_one_of_troops_is_none(extract):
    claims, _ = extract("Norvania announced a $1 billion drawdown for Estland on Wednesday, the ministry said.")
    assert len(of_type(claims, "TRANSFER")) == 1
    claims, _ = extract("Norvania announced a troop drawdown in Kessel on Wednesday, officials said.")
    assert not of_type(claims, "TRANSFER")


def test_tankers_added_to_a_blacklist_are_the_package_not_something_said(extract):
    claims, _ = extract("Norvania adopted a new package of sanctions against Estland on Monday, adding 52 oil "
                        "tankers to a blacklist that bars them from its ports.")
    sanctions = of_type(claims, "SANCTION")
    assert len(sanctions) == 1 and sanctions[0].source is None and sanctions[0].modality == "fact"


def test_a_state_or_region_named_before_its_noun_is_where_it_happened(extract):
    """"in Myanmar's western Rakhine state" (the tagger calls Rakhine an organisation) and "in the
    central Sagaing region" (the parser calls Sagaing an adjective): the state and the region, not
    the country or nothing (myanmar prober, session 37). Real places: the gazetteer must know them."""
    claims, ents = extract("Aircraft bombed a village in Myanmar's western Rakhine state on Sunday, killing seven "
                           "civilians.\n\nJets bombed a school in the central Sagaing region on Monday.")
    places = [sorted(ents[e].name for e in c.roles["location"]) for c in of_type(claims, "ATTACK")]
    assert places == [["Rakhine"], ["Sagaing"]]
