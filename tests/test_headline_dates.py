"""A headline tells the happening its lead dates (issue 9, session 39's probers): its toll shares
the lead's day though it names no one the lead names, and a headline of two sentences is still
read against the lead after it. Every article is invented."""

from __future__ import annotations

import pytest

from claimgraph.model import Document
from test_unseen_news import of_type


@pytest.fixture(scope="module")
def extract_article(pipeline):
    def run(headline: str, body: str):
        text = f"{headline}\n\n{body}"
        sdoc = pipeline.nlp(text)
        return pipeline.extractor.extract(sdoc, Document(id="d1", text=text, title=headline, published="2025-05-12"))

    return run


def _headline_tolls(claims, headline):
    return [c for c in of_type(claims, "CASUALTY") if c.start < len(headline)]


def test_a_headline_s_toll_is_dated_with_its_attack(extract_article):
    headline = "Insurgents kill at least 12 in raid on Palmera town"
    claims, _ = extract_article(headline, "Insurgents killed at least 12 civilians in an attack "
                                          "on the town of Palmera on Saturday, local officials said.")
    toll, = _headline_tolls(claims, headline)
    assert (toll.time.start, toll.time.end) == ("2025-05-10", "2025-05-10")


def test_a_headline_of_two_sentences_is_dated_by_the_same_count_in_the_lead(extract_article):
    headline = "UN says 31 killed in gang rampage, thousands flee Tabarre"
    claims, _ = extract_article(headline, "At least 31 people were killed when gangs overran the Tabarre district "
                                          "of the capital on Saturday, the United Nations said on Sunday.")
    tolls = _headline_tolls(claims, headline)
    assert tolls and all((t.time.start, t.time.end) == ("2025-05-10", "2025-05-10") for t in tolls)


def test_a_headline_toll_of_another_count_and_no_party_in_common_stays_undated(extract_article):
    headline = "UN says 31 killed in gang rampage"
    claims, _ = extract_article(headline, "Four people were killed in a fire at a market on Saturday, "
                                          "firefighters said.")
    tolls = _headline_tolls(claims, headline)
    assert tolls and all(t.time.start is None for t in tolls)
