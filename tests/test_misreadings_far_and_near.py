"""A place name read as a misspelling must be misspelt in the words that tell the two apart
("North Shewa" is no "North Sea"), and fighters named by their nation were sent by no state."""

from claimgraph.resolve.places import fuzzy_place

from test_precision import extract  # noqa: F401
from test_unseen_news import names, of_type


def test_a_zone_sharing_a_word_with_a_sea_is_no_misspelt_sea():
    assert fuzzy_place("North Shewa") is None


def test_a_dropped_letter_still_finds_the_capital():
    place = fuzzy_place("Mosow")
    assert place is not None and place.name == "Moscow"


def test_a_nation_s_opposition_fighters_were_sent_by_no_state(extract):
    claims, ents = extract("Syrian opposition fighters massed near Hama on Thursday.")
    moved = of_type(claims, "DEPLOY")
    assert moved and all(not c.roles["actor"] for c in moved)


def test_a_nation_s_troops_are_still_sent_by_it(extract):
    claims, ents = extract("Syrian troops entered Hama on Thursday.")
    deploy, = of_type(claims, "DEPLOY")
    assert names(ents, deploy.roles["actor"]) == ["syria"]


def test_a_headline_is_dated_by_its_lead_whatever_the_tagger_called_the_place(extract):
    claims, ents = extract("25 passengers kidnapped in North Shewa, families plead for help\n\nArmed men kidnapped "
                           "25 passengers near Gerba Guracha in North Shewa zone of the Oromia region on Wednesday "
                           "afternoon, family members said.")
    kidnapped = of_type(claims, "CASUALTY")
    assert len(kidnapped) == 2 and all(c.time.start == "2024-03-13" for c in kidnapped)


def test_a_range_the_tagger_split_is_one_stretch(extract):
    claims, _ = extract("At least 910 people were killed in the fighting between Nov. 27 and Dec. 8, the monitor said.")
    toll, = of_type(claims, "CASUALTY")
    assert (toll.time.start, toll.time.end) == ("2023-11-27", "2023-12-08")
