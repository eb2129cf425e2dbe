"""A mission named by its kind is that happening ("her patrol mission in the Gulf of Aden" is a
deployment of the ship named before "her"; "a patrol boat" is none), and a relative clause of
occurring on a happening's noun dates it ("the attack on the depot, which happened on Monday",
"the mission, which began in September"); a day counted from another the story tells ("the
previous day", "two days after the attack") is that day. Invented sentences."""

from __future__ import annotations

import pytest

from test_precision import extract  # noqa: F401  (the one-document extraction fixture)
from test_unseen_news import of_type


def test_a_patrol_mission_deploys_the_ship_whose_mission_it_is(extract):
    claims, ents = extract("This was the fifth operation conducted by INS Varuna during her patrol "
                           "mission in the Gulf of Aden, which began in September, the navy said.",
                           published="2011-11-11")
    deploy = of_type(claims, "DEPLOY")
    assert deploy and [ents[i].name for i in deploy[0].roles["subject"]] == ["INS Varuna"]
    assert [ents[i].name for i in deploy[0].roles["location"]] == ["Gulf of Aden"]
    assert (deploy[0].time.start, deploy[0].time.end) == ("2011-09-01", "2011-09-30")


def test_a_patrol_boat_is_no_patrol(extract):
    assert not of_type(extract("A patrol boat was seen near the harbour of Kessel on Monday.")[0], "DEPLOY")


def test_a_relative_clause_of_occurring_dates_the_happening(extract):
    claims, _ = extract("The attack on the depot, which happened on Monday, killed three guards in Kessel.",
                        published="2011-11-11")
    attack = of_type(claims, "ATTACK")
    assert attack and attack[0].time.start == "2011-11-07"


def test_a_relative_clause_of_something_else_leaves_it_undated(extract):
    claims, _ = extract("The attack on the depot, which police said on Monday was planned for months, "
                        "killed three guards in Kessel.", published="2011-11-11")
    attack = of_type(claims, "ATTACK")
    assert attack and attack[0].time.start is None


def test_a_war_s_toll_up_to_now_takes_no_date_of_the_strike_before(extract):
    claims, _ = extract("Norvanian jets struck a village near Kessel on Thursday, officials said. Norvania's war "
                        "in Estland has killed more than 31,000 people, according to the health ministry.",
                        published="2024-03-15")
    toll = [c for c in of_type(claims, "CASUALTY") if any(q.low == 31000 or q.value == 31000 for q in c.quantities)]
    assert toll and toll[0].time.start is None


def test_killed_since_then_runs_from_the_time_just_told_up_to_the_article(extract):
    claims, _ = extract("Norvania invaded Estland in February 2022. Tens of thousands of civilians have been "
                        "killed since then.", published="2024-03-15")
    toll = [c for c in of_type(claims, "CASUALTY") if "since then" in c.text]
    assert toll and (toll[0].time.start, toll[0].time.end) == ("2022-02-01", "2024-03-15")


@pytest.mark.parametrize("text,trigger,day", [
    ("Norvanian jets struck Kessel on Wednesday. The previous day, tanks had shelled Kolwe, killing four people.",
     "shelled", "2024-03-12"),
    ("Officials said on Monday that a drone had struck a fuel tanker off the coast of Estland the previous day.",
     "struck", "2024-03-10"),
    ("The United Nations on Thursday condemned an attack on an aid convoy in Kessel a day earlier.",
     "attack", "2024-03-13"),
    ("Police said they arrested two gunmen on Tuesday, two days after an attack on a power plant in Kolwe.",
     "attack", "2024-03-10"),
    ("Rebels attacked Kessel on Saturday. The next day, government jets bombed a market in the town.",
     "bombed", "2024-03-10"),
])
def test_a_day_counted_from_another_the_story_tells(extract, text, trigger, day):
    claims, _ = extract(text, published="2024-03-15")
    dated = [c for c in claims if c.trigger == trigger and c.type == "ATTACK"]
    assert dated and (dated[0].time.start, dated[0].time.end) == (day, day)


def test_a_toll_told_on_from_a_day_counted_back_has_that_day(extract):
    claims, _ = extract("Norvanian jets struck Kessel on Wednesday. The previous day, tanks had shelled Kolwe, "
                        "killing four people.", published="2024-03-15")
    toll = [c for c in of_type(claims, "CASUALTY") if "previous day" in c.text]
    assert toll and toll[0].time.start == "2024-03-12"


@pytest.mark.parametrize("text,start,end", [
    ("The air force said on Wednesday that Norvania had launched 40 drones overnight at Kessel.",
     "2024-03-12", "2024-03-13"),
    ("The governor said on Tuesday that drones struck a power station in Kolwe yesterday.", "2024-03-11", "2024-03-11"),
])
def test_now_in_what_was_said_on_a_named_day_is_that_day(extract, text, start, end):
    claims, _ = extract(text, published="2024-03-15")
    attack = of_type(claims, "ATTACK")
    assert attack and (attack[0].time.start, attack[0].time.end) == (start, end)


def test_a_colon_dateline_neither_dates_the_lead_nor_doubles_its_claims(pipeline):
    """"Kessel, Mar 17: Five soldiers were killed in Saturday's ambush": the dateline's day is
    when the story was filed, Saturday when the soldiers died; left in the text, it was read as
    a sentence of its own, which dated the toll March 17 and told it twice."""
    from claimgraph.clean import clean_item
    from claimgraph.model import InputItem
    from claimgraph.settings import Settings
    text = ("Kessel, Mar 17: Five soldiers were killed in Saturday's militant ambush on an army truck "
            "near Kolwe, officials said on Monday.")
    document = clean_item(InputItem(origin="t", text=text, kind="text", published="2024-03-17"), Settings())
    claims, _ = pipeline.extract([document], learn=False)
    tolls = of_type(claims, "CASUALTY")
    assert len(tolls) == 1 and tolls[0].time.start == "2024-03-16"


@pytest.mark.parametrize("published,day", [("2024-03-15", "2024-03-11"), ("2024-03-12", "2024-03-11"),
                                           ("2024-05-20", "2024-05-19")])
def test_yesterday_counts_from_the_wire_dateline_near_the_publication_day(pipeline, published, day):
    from claimgraph.clean import clean_item
    from claimgraph.model import InputItem
    from claimgraph.settings import Settings
    text = ("KESSEL, March 12 (Wire) - Norvanian drones struck the port of Kolwe yesterday, killing two "
            "people, the regional governor said.")
    document = clean_item(InputItem(origin="t", text=text, kind="text", published=published), Settings())
    assert not document.text.startswith("KESSEL")  # the dateline is furniture, off the text
    claims, _ = pipeline.extract([document], learn=False)
    attack = of_type(claims, "ATTACK")
    # a dateline two months off is some other date: the publication day counts
    assert attack and attack[0].time.start == day
