"""Money supplied as the wire writes it (issue 9): "eight mln stg" is an amount of money, and a
party that offers, pays or lends a sum to someone supplies it (TRANSFER); a fine paid, details
offered or assets sold supply no one. Invented sentences."""

from __future__ import annotations

import pytest

from test_coref_roles import extract  # noqa: F401  (the one-document extraction fixture)


def transfers(claims):
    return [c for c in claims if c.type == "TRANSFER"]


@pytest.mark.parametrize("text", [
    "Britain offered eight mln stg for the flood victims in Mozambique on Tuesday.",
    "The Marlow Corporation paid more than 17 mln dlrs in commissions to Varga Trading.",
    "Germany agreed on Monday to lend Greece 22 billion euros.",
    "Congress approved a 100 mln-dlr aid package for the Bordurian rebels.",
])
def test_a_sum_supplied_is_a_transfer(extract, text):
    claims, _ = extract(text)
    assert transfers(claims)


@pytest.mark.parametrize("text", [
    "Anton Marlow could have to pay $250,000 after pleading guilty in Kessel.",
    "Police in Kessel could offer no details about the bomb on Tuesday.",
    "Ruritania warned it could sell off hundreds of billions of dollars in Bordurian assets.",
])
def test_no_sum_supplied_to_anyone(extract, text):
    claims, _ = extract(text)
    assert not transfers(claims)


def test_the_wire_writes_money_with_a_scale_and_a_currency_word():
    from claimgraph.analyze.nlp import load_pipeline
    from claimgraph.settings import Settings

    nlp = load_pipeline(Settings().model)
    doc = nlp("Italy was expected to offer 30 to 35 mln dlrs and Britain eight mln stg.")
    assert [e.text for e in doc.ents if e.label_ == "MONEY"] == ["30 to 35 mln dlrs", "eight mln stg"]
