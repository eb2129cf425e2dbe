"""A denier who rejects a charge naming a deed without its doer ("denied charges of bombing
Pakistani territory") is the one the charge says did it (issue 9, the Reuters development set).
Every sentence is invented."""

from __future__ import annotations

import pytest
from test_precision import extract  # noqa: F401  (the same one-document extraction fixture)
from test_unseen_news import of_type


@pytest.mark.parametrize("text, kind, doer", [
    ("Afghanistan has denied charges of bombing Pakistani territory.", "ATTACK", "Afghanistan"),
    ("Russia on Tuesday rejected allegations of shelling the maternity hospital in Kherson.", "ATTACK", "Russia"),
    ("Sudan dismissed reports of arming the militia in Darfur.", "TRANSFER", "Sudan"),
])
def test_the_denier_of_a_charge_is_its_doer(extract, text, kind, doer):
    claims, ents = extract(text)
    attack = of_type(claims, kind)[0]
    assert attack.polarity == "denied"
    assert [ents[i].name for i in attack.roles["actor"]] == [doer]


def test_a_charge_naming_its_own_doer_keeps_it(extract):
    claims, ents = extract("Russia rejected allegations of Ukrainian forces shelling the hospital in Kherson.")
    actors = {ents[i].name for c in of_type(claims, "ATTACK") for i in c.roles["actor"]}
    assert "Russia" not in actors


def test_a_charge_welcomed_is_no_denial_of_its_doer(extract):
    claims, ents = extract("Kyiv welcomed reports of shelling Russian positions near Bakhmut.")
    assert not {ents[i].name for c in of_type(claims, "ATTACK") for i in c.roles["actor"]} & {"Kyiv", "Ukraine"}


def test_a_denial_of_earlier_charges_names_no_doer_of_the_happening_told(extract):
    claims, ents = extract("Afghan planes bombed a village in Pakistan on Monday, Pakistani officials said. "
                           "Afghanistan has denied previous charges of bombing Pakistani territory.")
    denied = [c for c in of_type(claims, "ATTACK") if c.polarity == "denied"]
    assert denied and not [i for c in denied for i in c.roles["actor"]]
