""""The cartel" or "the gang" after an article named one ("the Jalisco cartel") is that group,
not the last organisation of any kind (issue 9, the Mexico-Colombia prober of session 40).
Every sentence is invented."""

from __future__ import annotations

from test_precision import extract  # noqa: F401  (the same one-document extraction fixture)
from test_unseen_news import of_type


def test_the_cartel_is_the_one_named_before(extract):
    claims, ents = extract("The Jalisco cartel planted a landmine near Aguililla on Monday, officials said. "
                           "Minutes later the cartel attacked the soldiers with drones, the army said.")
    attack = next(c for c in of_type(claims, "ATTACK") if c.trigger == "attacked")
    assert [ents[i].name for i in attack.roles["actor"]] == ["Jalisco cartel"]


def test_the_cartel_is_no_other_kind_of_organisation(extract):
    claims, ents = extract("The National Guard said on Monday it had sent 300 troops to Aguililla. "
                           "Later the cartel attacked the soldiers with drones, officials said.")
    attack = next(c for c in of_type(claims, "ATTACK") if c.trigger == "attacked")
    assert not attack.roles["actor"]
