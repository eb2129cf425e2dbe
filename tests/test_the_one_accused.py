"""The one accused is the one who did it (issue 9): "the woman accused of killing two
co-workers" and "a man suspected of shooting three people" are the article's one named
suspect, who may be named with a comma the parser does not read as an apposition ("and the
alleged shooter, Delia Marsh.": new in session 20, from ecb5). Every sentence is invented."""

from __future__ import annotations

import pytest

from test_coref_roles import extract, fillers  # noqa: F401  (the one-document extraction fixture)

NAMED_LATER = ('A colleague says the woman accused of killing two co-workers at the Brightwell bakery is a kind '
               'person. "She never raised her voice," he said. He worked on the second floor with the two '
               'victims and the alleged shooter, {}.')


def test_the_woman_accused_is_the_suspect_named_after_a_comma(extract):
    claims, ents = extract(NAMED_LATER.format("Delia Marsh"))
    assert fillers(claims, ents, "CASUALTY", "actor") == {"Delia Marsh"}


def test_no_name_after_the_comma_names_no_one(extract):
    claims, ents = extract(NAMED_LATER.format("a quiet woman"))
    assert not fillers(claims, ents, "CASUALTY", "actor")


@pytest.mark.parametrize("text", [
    "A man suspected of shooting three people at a print shop was arrested on Monday. "
    "The suspect, Tobias Grell, was held without bail.",
    "Police arrested a man suspected of stabbing two women outside the depot on Monday. "
    "The suspect, Tobias Grell, was held without bail.",
])
def test_the_man_suspected_is_the_suspect_the_article_names(extract, text):
    claims, ents = extract(text)
    assert fillers(claims, ents, "ATTACK", "actor") == {"Tobias Grell"}


ARRESTED = ("A man suspected of shooting three people at a print shop in Kessel was arrested after a chase "
            "on Monday, police said. Police said they had located {} on the highway north of the town.")


def test_the_one_person_arrested_is_the_unnamed_gunman(extract):
    """No "the suspect, NAME": the one person the article has arrested or tracked down is
    the man suspected (session 24)."""
    claims, ents = extract(ARRESTED.format("Tobias Grell, 38,"))
    assert fillers(claims, ents, "ATTACK", "actor") == {"Tobias Grell"}


def test_two_people_arrested_name_no_gunman(extract):
    claims, ents = extract(ARRESTED.format("Tobias Grell, 38, and Anna Weber, 41,"))
    assert not fillers(claims, ents, "ATTACK", "actor") & {"Tobias Grell", "Anna Weber"}
