"""A lede written like a headline drops the "were" of a passive: "Eleven police killed, dozens
wounded in a car bomb attack" counts victims, it does not make the police killers; counted people
who killed keep their object ("two gunmen killed a guard"). Invented sentences (session 19)."""

from __future__ import annotations

import pytest
from test_precision import extract  # noqa: F401  (the same one-document extraction fixture)
from test_unseen_news import names, of_type


@pytest.mark.parametrize("text, victims", [
    ("Eleven police killed, dozens wounded in car bomb attack in Batman, officials said on Monday.", ["police"]),
    ("Two border guards killed and four wounded in attack on a post near Kidal, the army said.", ["guard"]),
])
def test_counted_people_killed_without_an_object_are_victims(extract, text, victims):
    claims, ents = extract(text)
    deaths = [c for c in of_type(claims, "CASUALTY") if c.trigger == "killed"]
    assert deaths and names(ents, deaths[0].roles["target"]) == victims
    assert all(names(ents, c.roles["actor"]) == [] for c in claims if c.type in {"ATTACK", "CASUALTY"})


def test_counted_people_who_killed_someone_are_the_killers(extract):
    claims, ents = extract("Two gunmen killed a guard at the checkpoint near Kidal, the governor said on Monday.")
    deaths = of_type(claims, "CASUALTY")
    assert names(ents, deaths[0].roles["actor"]) == ["gunmen"]
    assert names(ents, deaths[0].roles["target"]) == ["guard"]
