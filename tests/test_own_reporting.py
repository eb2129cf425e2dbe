"""What an outlet's own people saw or were told ("a Reuters witness said", "the Saba
correspondent said", "the BBC has learned") is the article's own word, stated on its own
authority: no source, a fact (REALNEWS: source null when the article, its reporter or outlet,
states it). Another outlet's reporter is a source still. Every article here is invented."""

from __future__ import annotations

import pytest


def claims_of(pipeline, text, outlet):
    from claimgraph.model import Document
    claims, ents = pipeline.extract([Document(id="d1", text=text, published="2024-03-14", outlet=outlet)],
                                    learn=False)
    return [c for c in claims if c.type == "ATTACK"], ents


@pytest.mark.parametrize("text", [
    "Norvanian jets struck the port of Kolwe after midnight, a Wire News witness said.",
    "Norvanian jets struck the port of Kolwe after midnight, the Wire News correspondent said.",
    "Norvanian jets struck the port of Kolwe after midnight, Wire News's correspondent reported.",
    "Norvanian jets struck the port of Kolwe after midnight, Wire News has learned.",
])
def test_the_outlet_s_own_people_are_the_article_s_word(pipeline, text):
    attacks, _ = claims_of(pipeline, text, "Wire News")
    assert attacks and attacks[0].source is None and attacks[0].modality == "fact"


def test_another_outlet_s_correspondent_is_a_source(pipeline):
    attacks, ents = claims_of(pipeline, "Norvanian jets struck the port of Kolwe after midnight, the Wire News "
                                        "correspondent said.", "Daily Kessel")
    assert attacks and attacks[0].source is not None and attacks[0].modality == "reported"
