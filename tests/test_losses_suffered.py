"""A toll as what a side suffered or inflicted ("the army suffered heavy casualties",
"Russian forces sustained heavy losses", "the Houthis inflicted heavy casualties on Saudi
forces", "denied that its troops had suffered any losses"): whose people fell is the subject,
or whom the subject made suffer; a firm's losses are money. Every article here is invented."""

from __future__ import annotations

import pytest

from test_precision import extract  # noqa: F401  (the same one-document extraction fixture)


def tolls(extract, text):
    claims, ents = extract(text, published="2024-03-14")
    return [c for c in claims if c.type == "CASUALTY"], ents


def names(ents, ids):
    return {ents[i].name for i in ids}


@pytest.mark.parametrize("text, fallen", [
    ("Russian forces sustained heavy losses near Kolwe, the Kessel army said.", {"Russia"}),
    ("The Norvanian army suffered heavy casualties in the fighting near Kolwe.", {"Norvanian army"}),
])
def test_who_suffered_the_losses_is_whose_people_fell(extract, text, fallen):
    found, ents = tolls(extract, text)
    assert found and names(ents, found[0].roles["target"]) == fallen


def test_whom_the_losses_were_inflicted_on_fell_to_the_inflicter(extract):
    found, ents = tolls(extract, "The Houthis inflicted heavy casualties on Saudi forces in Jizan.")
    assert found and names(ents, found[0].roles["target"]) == {"Saudi Arabia"}
    assert names(ents, found[0].roles["actor"]) == {"Houthis"}


def test_losses_denied_are_a_toll_denied(extract):
    found, _ = tolls(extract, "The Kessel army denied that its troops had suffered any losses in the firing.")
    assert found and found[0].polarity == "denied"


def test_a_firm_s_losses_are_money(extract):
    found, _ = tolls(extract, "The Kolwe shipping company suffered heavy losses in the third quarter.")
    assert not found
