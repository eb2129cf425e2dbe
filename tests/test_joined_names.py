"""Names joined by "and" that the tagger or the parser half-missed: each is a party of its own;
people of a nationality are themselves, not their country.
Every sentence is invented."""

from __future__ import annotations

from test_precision import extract  # noqa: F401  (the same one-document extraction fixture)
from test_unseen_news import names, of_type


def test_an_untagged_name_joined_to_a_person_is_a_victim_too(extract):
    claims, ents = extract("Police said Sgt. Amy Kessel and Dunakin were gunned down on Saturday.")
    for claim in of_type(claims, "ATTACK") + of_type(claims, "CASUALTY"):
        assert sorted(names(ents, claim.roles["target"])) == ["amy kessel", "dunakin"]


def test_a_town_joined_to_a_person_stays_a_town(extract):
    claims, ents = extract("Marta Ivanova and Kharkiv officials met on Friday.")
    assert all(ents[e].type != "PERSON" or ents[e].name != "Kharkiv" for c in claims for e in c.roles["actor"])


def test_the_first_of_two_joined_names_hung_on_the_second_is_in_the_meeting(extract):
    claims, ents = extract("Halvorsen went straight into a meeting with Petrenko and Ukrainian negotiators.")
    meet = of_type(claims, "MEET")[0]
    assert "petrenko" in names(ents, meet.roles["actor"])


def test_whom_one_joins_for_talks_is_in_them(extract):
    claims, ents = extract("The Foreign Secretary Alan Brierly joined US Secretary of State Dana Whitcombe "
                           "and other partners in Paris on Friday for talks on the crisis.")
    meet = of_type(claims, "MEET")[0]
    assert {"alan brierly", "dana whitcombe"} <= set(names(ents, meet.roles["actor"]))


def test_officials_of_two_states_meeting_stand_for_both(extract):
    claims, ents = extract("The foreign ministers of Chad and Niger met in Niamey on Thursday to restore ties.")
    meet = of_type(claims, "MEET")[0]
    assert sorted(names(ents, meet.roles["actor"])) == ["chad", "niger"]
    assert names(ents, meet.roles["location"]) == ["niamey"]


def test_a_minister_meeting_a_counterpart_is_no_place(extract):
    claims, ents = extract("The foreign minister of Chad met his Nigerien counterpart in Niamey on Thursday.")
    meet = of_type(claims, "MEET")[0]
    assert "chad" in names(ents, meet.roles["actor"])
    assert names(ents, meet.roles["location"]) == ["niamey"]


def test_people_of_a_nationality_sanctioned_are_listed_not_their_country(extract):
    claims, ents = extract("Britain announced sanctions against six Israeli settlers accused of violence on Monday.")
    sanction = of_type(claims, "SANCTION")[0]
    assert names(ents, sanction.roles["target"]) == ["israeli settlers"]
    assert ents[sanction.roles["target"][0]].attrs.get("origin")  # the nationality is kept, as an attribute


def test_a_country_sanctioned_is_still_the_target(extract):
    claims, ents = extract("The European Union imposed new sanctions on Belarus on Monday.")
    assert names(ents, of_type(claims, "SANCTION")[0].roles["target"]) == ["belarus"]


def test_militias_of_a_nationality_are_no_state(extract):
    claims, ents = extract("Iraqi militias backed by Iran fired rockets at the US embassy in Baghdad on Monday.")
    attack = of_type(claims, "ATTACK")[0]
    assert names(ents, attack.roles["actor"]) == ["iraqi militias"]


def test_an_untagged_name_set_off_by_a_title_is_the_person_who_acts(extract):
    # the small model leaves this real name untagged (no invented name it misses was found)
    claims, ents = extract("Dmytro Lubinets, Ukraine's human rights commissioner, accused Russia of "
                           "executing three prisoners of war near Bakhmut on Sunday.")
    accuse = of_type(claims, "ACCUSE")[0]
    assert names(ents, accuse.roles["actor"]) == ["dmytro lubinets"]
    assert ents[accuse.roles["actor"][0]].type == "PERSON"


def test_a_name_whose_possessive_is_followed_by_kin_is_not_the_victim(extract):
    claims, ents = extract("Actress Jaime King’s four-year-old son was injured after being showered with glass "
                           "when a man jumped onto her car, police said.")
    assert all("jaime king" not in names(ents, c.roles["target"]) for c in claims)


def test_sanctions_one_party_urges_another_to_impose_are_not_imposed(extract):
    claims, ents = extract("Marta Velkova, a spokeswoman for the opposition, condemned the attack and urged "
                           "the UN Security Council to impose a global arms embargo on the junta.")
    assert not of_type(claims, "SANCTION")
    assert names(ents, of_type(claims, "CONDEMN")[0].roles["actor"]) == ["marta velkova"]
