"""A rebuttal without a denial verb (session 31, prober 31b): "..., but the army said no such strike
had taken place", "officials said the attack never happened", "the army said the report was false".
The speaker denies what was told before; the two accounts then disagree. Invented sentences."""

from __future__ import annotations

import os

import pytest

import claimgraph
from claimgraph.export.json import export_json
from claimgraph.model import InputItem
from test_precision import extract  # noqa: F401  (the same one-document extraction fixture)
from test_unseen_news import names, of_type


def accounts(claims, ents, ctype="ATTACK"):
    return sorted((c.polarity, names(ents, [c.source])[0] if c.source else None) for c in of_type(claims, ctype))


@pytest.mark.parametrize("text", [
    "Kessel state media said Norvanian jets bombed the airport at Kolwe on Tuesday, but the Norvanian "
    "army said no such strike had taken place.",
    "Kessel state media said Norvanian jets bombed the airport at Kolwe on Tuesday. The Norvanian army "
    "said the attack never happened.",
    "Kessel state media said Norvanian jets bombed the airport at Kolwe on Tuesday, but the Norvanian "
    "army said the report was false.",
])
def test_a_rebuttal_denies_what_was_told(extract, text):
    claims, ents = extract(text)
    assert accounts(claims, ents) == [("asserted", "kessel state media"), ("denied", "norvanian army")]
    assert names(ents, of_type(claims, "DENY")[0].roles["actor"]) == ["norvanian army"]


def test_no_rebuttal_of_what_no_one_else_told(extract):
    claims, _ = extract("\"The bombing is behind us, the trade war never happened and we have a deal,\" "
                        "an official said.")
    assert not of_type(claims, "DENY")


def test_reports_whose_content_is_told_inside_are_denied_once(extract):
    claims, ents = extract("Kessel state media said Norvanian jets shelled Marra on Monday. The army said "
                           "reports that its jets bombed the airport at Kolwe were false.")
    assert accounts(claims, ents) == [("asserted", "kessel state media"), ("denied", "army")]


def test_a_rebuttal_is_a_contradiction_with_its_reason(tmp_path):
    text = ("Kessel state media said Norvanian jets bombed the airport at Kolwe on Tuesday, but the "
            "Norvanian army said no such strike had taken place.")
    with claimgraph.open(os.path.join(tmp_path, "db.sqlite")) as cg:
        cg.ingest_items([InputItem(origin="a", text=text, kind="text", path="a.txt", published="2024-03-15")])
        exported = export_json(cg.store)
    kinds = [(x["kind"], x["reason"]) for x in exported["contradictions"]]
    assert kinds and kinds[0][0] == "polarity" and "denies it" in kinds[0][1]


def test_rejecting_the_accusation_denies_what_was_accused_not_the_last_sentence(extract):
    claims, ents = extract("The Kessel army accused Norvania of supplying drones to the militia. The army said it "
                           "shot down four drones near Marra on Sunday. Norvania rejected the accusation as baseless.")
    assert [c.polarity for c in of_type(claims, "ATTACK")] == ["asserted"]
    assert sorted(c.polarity for c in of_type(claims, "TRANSFER")) == ["asserted", "denied"]


def test_a_stop_asked_for_denies_no_supply(extract):
    claims, _ = extract("The Norvanian foreign ministry urged Estland to stop arming the militia in Kessel.")
    assert not [c for c in of_type(claims, "TRANSFER") if c.polarity == "denied"]
