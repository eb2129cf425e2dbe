"""Names joined by "and" or commas, from the recall prober of session 32: the small model tags
the first of several towns and leaves the rest untagged or calls them people ("at Tel Aviv and
Ashkelon", "the Kharkiv and Sumy regions"); each town named so is hit, and the forces of each
nationality joined before a noun attacked. Every sentence is invented."""

from __future__ import annotations

import pytest

from test_precision import extract  # noqa: F401  (the same one-document extraction fixture)
from test_unseen_news import names, of_type


def role(extract, text, kind, name):
    claims, ents = extract(text)
    return {n for c in of_type(claims, kind) for n in names(ents, c.roles[name])}  # names in lower case


@pytest.mark.parametrize("text, places", [
    ("Hamas fired rockets at Tel Aviv and Ashkelon on Tuesday.", {"tel aviv", "ashkelon"}),
    ("Russian missiles struck Kharkiv, Zaporizhzhia and Ivano-Frankivsk on Tuesday.",
     {"kharkiv", "zaporizhzhia", "ivano-frankivsk"}),
    ("Drones attacked the Kharkiv and Sumy regions on Tuesday.", {"kharkiv", "sumy"}),
    ("Russian troops shelled the Donetsk and Luhansk regions overnight.", {"donetsk", "luhansk"}),
])
def test_every_town_joined_to_a_town_is_where_the_attack_was(extract, text, places):
    assert role(extract, text, "ATTACK", "location") == places


def test_a_town_the_tagger_calls_a_title_is_what_was_shelled(extract):
    assert role(extract, "Norvanian troops shelled Chernihiv on Tuesday.", "ATTACK", "target") == {"chernihiv"}


@pytest.mark.parametrize("text, actors", [
    ("Russian and Belarusian troops shelled Chernihiv on Tuesday.", {"russia", "belarus"}),
    ("The U.S. and British jets bombed the port of Hodeidah on Tuesday.", {"united states", "united kingdom"}),
])
def test_the_forces_of_each_nationality_joined_attacked(extract, text, actors):
    assert role(extract, text, "ATTACK", "actor") == actors


def test_shelling_of_towns_is_fire_on_them_not_theirs(extract):
    claims, ents = extract("Shelling of Horlivka and Makiivka killed five people on Tuesday.")
    attacks = of_type(claims, "ATTACK")
    assert len(attacks) == 1
    assert not attacks[0].roles["actor"]
    assert set(names(ents, attacks[0].roles["target"])) == {"horlivka", "makiivka"}


def test_a_side_s_guns_in_front_of_the_shelling_are_its_own(extract):
    """War-news prober of session 32: "Russian artillery shelling killed three" had the guns as
    instrument and no attacker."""
    assert role(extract, "Russian artillery shelling killed three people in Kherson on Wednesday.",
                "ATTACK", "actor") == {"russia"}


def test_a_bare_drone_strike_is_no_one_s_whoever_made_drones_before(extract):
    claims, ents = extract("The junta has bought Chinese drones since 2022, the report said. A drone strike on a "
                           "night market in Kessel on Friday killed at least 11 people.")
    strike = [c for c in of_type(claims, "ATTACK") if c.text.startswith("A drone strike")]
    assert strike and "china" not in names(ents, strike[0].roles["actor"])


def test_gaza_city_is_the_city_not_the_strip(extract):
    """State-media prober of session 32: the gazetteer's "Gaza" (the Strip) cut "Gaza City" short."""
    assert role(extract, "Norvanian tanks shelled a school in Gaza City on Tuesday.", "ATTACK", "location") == {"gaza"}
