"""Who tells a claim, from the maritime and missile-barrage probers of session 35: a happening
inside the phrase that describes a speaker is not the speaker's ("the manager of a tanker
seized by Iran denied ..." had the seizure denied); a closing ", citing X" or "according to A,
which cited B" names who is relayed (and the cited body's seat is no place of the happening);
and a country's power system is no weapon. Every sentence is invented."""

from __future__ import annotations

from test_precision import extract  # noqa: F401  (the same one-document extraction fixture)
from test_unseen_news import names, of_type


def test_a_happening_in_the_denier_s_description_is_not_denied(extract):
    claims, ents = extract("The manager of an oil tanker seized by Norvania in the Strait of Kessel denied on "
                           "Thursday that the vessel had been carrying smuggled fuel.")
    seizure = of_type(claims, "ATTACK")[0]
    assert seizure.polarity == "asserted" and seizure.source is None
    assert seizure.time is None or seizure.time.start is None  # Thursday is the day of the denial
    assert of_type(claims, "DENY")


def test_a_death_in_the_speaker_s_description_is_not_the_speaker_s_claim(extract):
    claims, ents = extract("The father of a soldier killed in the ambush near Kessel said the army had failed "
                           "to protect the convoy.")
    death = of_type(claims, "CASUALTY")[0]
    assert death.source is None and death.modality == "fact"


def test_a_closing_citing_names_the_source_relayed(extract):
    claims, ents = extract("Kessel TV said the strikes killed 16 people on Thursday, citing the health ministry "
                           "in Marra.")
    toll = of_type(claims, "CASUALTY")[0]
    assert "ministry" in ents[toll.source].name
    assert names(ents, toll.via) == ["kessel tv"]
    assert not toll.roles["location"]  # Marra is where the ministry sits


def test_according_to_an_agency_that_cited_a_ministry(extract):
    claims, ents = extract("Twelve people were killed at the port of Kessel on Thursday, according to Saba, which "
                           "cited the rebel-run health ministry.")
    toll = of_type(claims, "CASUALTY")[0]
    assert "ministry" in ents[toll.source].name
    assert names(ents, toll.via) == ["saba"]


def test_a_country_s_power_system_struck_is_no_weapon(extract):
    claims, ents = extract("Norvania struck Estland's power system with about 210 missiles and drones early on "
                           "Friday, officials said.")
    attack = of_type(claims, "ATTACK")[0]
    assert all(ents[t].type != "WEAPON" for t in attack.roles["target"])
