"""Who tells a claim when the parse hides the teller: a headline that ends in ": police", a
quote whose sentence the parser ended before "Vanore said", a speaker's title abbreviation
("police Const. Tim Fanning told"), "told a news conference" (an audience, not what was said),
and a happening new to the reader inside what is said ("a stabbing that killed a passenger
may have ..."). Constructions from the ecb5, ecb7 and web7 source misses (session 19); every
sentence is invented."""

from __future__ import annotations

import pytest
from test_precision import extract  # noqa: F401  (the same one-document extraction fixture)
from test_unseen_news import of_type


def source_of(claims, ents, ctype):
    found = of_type(claims, ctype)
    assert found, f"no {ctype} claim"
    return [None if c.source is None else ents[c.source].name.lower() for c in found]


def test_a_headline_ending_in_a_speaker_is_that_speakers_claim(extract):
    claims, ents = extract("Sacked Worker Kills 2 Women in Warehouse Shooting: Police\n\n"
                           "The warehouse in Ostrava was closed on Friday.")
    assert source_of(claims, ents, "CASUALTY") == ["police"]


@pytest.mark.parametrize("headline", ["Drone Strike on Fuel Depot in Rivne: Video",
                                      "Officers Shot Dead a Gunman at a Rivne Depot. Police"])
def test_a_headline_tag_or_a_sentence_names_no_speaker(extract, headline):
    claims, ents = extract(headline + "\n\nThe depot in Rivne was closed on Friday.")
    assert all(c.source is None for c in claims if c.type in {"ATTACK", "CASUALTY"})


def test_a_quote_split_from_its_speaker_takes_the_whole_sentence(extract):
    text = ("The nurse left the ward at noon, Sgt. Ivo Marek said.\n\n"
            "She ran to the lift, firing a shot at a porter who had shouted, \"Get down!\" Marek said.")
    assert source_of(extract(text)[0], extract(text)[1], "ATTACK") == ["ivo marek"]


def test_a_title_abbreviation_ends_no_sentence(pipeline):
    doc = pipeline.nlp("\"He came back and shot a clerk,\" Lisbon police Const. Rui Dantas told a briefing.")
    assert len(list(doc.sents)) == 1


def test_a_speaker_who_told_a_news_conference_tells_the_quote(extract):
    claims, ents = extract("\"He walked in and shot two guards,\" city police Const. Rui Dantas told a news "
                           "conference on Saturday.")
    assert source_of(claims, ents, "ATTACK") == ["rui dantas"]


def test_a_new_happening_inside_what_is_said_is_said(extract):
    claims, ents = extract("Officials say a bombing that killed a guard at the Tarnow depot may have been "
                           "meant for a fuel convoy.")
    assert source_of(claims, ents, "CASUALTY") == ["officials"]


def test_a_known_happening_that_picks_out_the_subject_is_not_said(extract):
    claims, ents = extract("The officer who shot Dariusz Wolny was not wearing a camera, police said.")
    assert source_of(claims, ents, "ATTACK") == [None]


# -- a word spelled right is no misspelt place (a title-case headline's "Depot" became Depok) ----------

def test_an_english_word_is_no_misspelt_place(pipeline):
    depot = pipeline.resolver.resolve("Depot", "GPE")
    assert depot is None or depot.lat is None


def test_a_misspelt_place_still_finds_its_place(pipeline):
    assert pipeline.resolver.resolve("Mosow", "GPE").country == "RU"


# -- a speaker joined by "and" says what follows its verb, not the clause before (session 31) --

@pytest.mark.parametrize("text", [
    "Norvania fired 31 missiles at Kessel early on Thursday, and Estland's air force said all of them "
    "were shot down.",
    "Rebels shelled the base at Kolwe on Monday, while aid groups said hundreds of families had fled.",
])
def test_a_speaker_in_a_clause_of_its_own_does_not_tell_the_clause_before(extract, text):
    assert source_of(*extract(text), "ATTACK") == [None]


def test_a_speaker_after_both_clauses_tells_them_both(extract):
    text = ("A bomb at a bank in Kolwe killed a guard and a clerk, and police had no suspects, "
            "officials said on Saturday.")
    assert set(source_of(*extract(text), "CASUALTY")) == {"officials"}


def test_a_closing_tag_relays_what_the_opening_speaker_says(extract):
    text = ("Norvania's defence ministry said Estland's warplanes struck a depot in Kessel, the state news "
            "agency NTA reported.")
    claims, ents = extract(text)
    attack = of_type(claims, "ATTACK")[0]
    assert ents[attack.source].name.lower() == "norvania's defence ministry" and attack.via
