"""A defence department named in a story of another country is not the Pentagon ("MEXICO CITY
... the Defense Department said") (issue 9, the Mexico-Colombia prober of session 40). Every
sentence is invented."""

from __future__ import annotations

from test_precision import extract  # noqa: F401  (the same one-document extraction fixture)


def test_a_defence_department_abroad_is_not_the_pentagon(extract):
    claims, ents = extract("MEXICO CITY, May 21 (AP) - Two soldiers were killed on Tuesday when their vehicle "
                           "hit a landmine in Michoacan, the Defense Department said.")
    assert {ents[c.source].name for c in claims if c.source} and "Pentagon" not in {
        ents[c.source].name for c in claims if c.source}


def test_the_defence_department_of_a_us_story_is_the_pentagon(extract):
    claims, ents = extract("WASHINGTON (Reuters) - The Defense Department said on Tuesday it would send "
                           "500 troops to Poland.")
    assert "Pentagon" in {ents[c.source].name for c in claims if c.source}

