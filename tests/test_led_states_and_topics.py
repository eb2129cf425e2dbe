""""The Biden administration" is the United States it led, as actor and as source; a headline
opening on a place and a colon ("Red Sea: Sailor presumed dead ...") names where the story is,
not who speaks (issue 9, the Red Sea prober of session 39). Every sentence is invented."""

from __future__ import annotations

from claimgraph.model import Document
from test_precision import extract  # noqa: F401  (the same one-document extraction fixture)
from test_unseen_news import names, of_type


def test_a_leader_s_administration_is_the_state_he_led(extract):
    claims, ents = extract("The Biden administration on Tuesday accused Iran of supplying the Houthis with missiles.")
    accusation, = of_type(claims, "ACCUSE")
    assert names(ents, accusation.roles["actor"]) == ["united states"]
    supply, = of_type(claims, "TRANSFER")
    assert ents[supply.source].name == "United States"


def test_the_leader_himself_stays_the_leader(extract):
    claims, ents = extract("President Joe Biden accused Iran of arming the Houthis.")
    accusation, = of_type(claims, "ACCUSE")
    assert names(ents, accusation.roles["actor"]) == ["joe biden"]


def test_a_place_before_a_headline_s_colon_is_no_speaker(pipeline):
    headline = "Red Sea: Sailor presumed dead as rebels claim strike on carrier"
    text = f"{headline}\n\nThe company said on Thursday that a sailor was missing."
    claims, ents = pipeline.extractor.extract(pipeline.nlp(text),
                                              Document(id="d1", text=text, title=headline, published="2024-06-14"))
    in_headline = [c for c in claims if c.start < len(headline) and c.type in {"CASUALTY", "ATTACK"}]
    assert in_headline and not any(c.source and ents[c.source].name == "Red Sea" for c in in_headline)


def test_both_sides_joined_before_an_attack_noun_attacked(extract):
    claims, ents = extract("The death toll from US and British air strikes on the coast has risen to 16.")
    strike = of_type(claims, "ATTACK")[0]
    assert names(ents, strike.roles["actor"]) == ["united kingdom", "united states"]
