""""There were no casualties" in the sentence after an attack denies that attack's toll, as "the
strike caused no casualties" does in its own sentence (REALNEWS: "No one was hurt" is a denied
CASUALTY); with no attack told before, it still says nothing (issue 9, the Libya prober of
session 40). Every sentence is invented."""

from __future__ import annotations

from test_precision import extract  # noqa: F401  (the same one-document extraction fixture)
from test_unseen_news import of_type


def test_no_casualties_after_an_attack_is_its_denied_toll(extract):
    claims, _ = extract("Armed men stormed the Sharara oilfield on Wednesday, the company said. "
                        "\"There were no casualties among our workers,\" a company spokesman said.")
    assert [c.polarity for c in of_type(claims, "CASUALTY")] == ["denied"]


def test_no_casualties_with_no_attack_before_says_nothing(extract):
    claims, _ = extract("The company opened a new office on Wednesday. \"There were no casualties,\" a spokesman said.")
    assert not of_type(claims, "CASUALTY")


def test_a_speaker_s_doubt_after_a_death_denies_no_harm(extract):
    claims, _ = extract("Police said a man died on Friday. \"I can't speak for the first death, but in this case it "
                        "looks like a lack of experience,\" Inspector Dave Gaskin said.")
    assert not [c for c in of_type(claims, "CASUALTY") if c.polarity == "denied"]
