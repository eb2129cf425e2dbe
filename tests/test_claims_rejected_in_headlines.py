"""A claim rejected where the parser reads "claim" as a second verb, from the hostages prober of
session 36: "IDF rejects Hamas claim that Israeli strike killed Bibas family" and "dismissed as a
fabrication Ukrainian claims that ..." deny what the claim tells, and are denials themselves; a
real second verb ("rejected the report and claimed that ...") still asserts. Every sentence is
invented."""

from __future__ import annotations

import pytest

from claimgraph.model import Document

from test_precision import extract  # noqa: F401  (the same one-document extraction fixture)
from test_unseen_news import names, of_type


def headline_claims(pipeline, title: str, body: str):
    text = f"{title}\n\n{body}"
    return pipeline.extractor.extract(pipeline.nlp(text), Document(id="h1", text=text, title=title,
                                                                   published="2024-03-14"))


def test_a_headline_rejecting_a_claim_denies_what_it_tells(pipeline):
    claims, ents = headline_claims(pipeline, "Estland rejects Kolwe claim that its strike killed aid workers",
                                   "The Estland army said on Sunday that the aid workers had died in a fire.")
    told = [c for c in claims if c.type in {"ATTACK", "CASUALTY"} and c.start == 0]
    assert told and all(c.polarity == "denied" for c in told)
    assert [c for c in of_type(claims, "DENY") if "estland" in " ".join(names(ents, c.roles["actor"]))]


def test_claims_dismissed_as_a_fabrication_are_denied(extract):
    claims, _ = extract("Kessel's spokesman Ivo Marran dismissed as a fabrication Estonian claims that Norvanian "
                        "soldiers had executed prisoners near Marra.")
    assert of_type(claims, "DENY")
    assert [c for c in of_type(claims, "CASUALTY") if c.polarity == "denied"]


def test_a_real_second_verb_of_claiming_still_asserts(extract):
    claims, _ = extract("The army rejected the report and claimed that rebels had shelled the town of Kessel.")
    assert [c for c in of_type(claims, "ATTACK") if c.polarity == "asserted"]
