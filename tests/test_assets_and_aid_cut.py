"""Sanctions worded as frozen assets and suspended aid (the political-violence prober of session
34, issue 9): a bloc whose name holds "Union" is no trade union. Invented sentences."""

from __future__ import annotations

import pytest

from test_coref_roles import extract  # noqa: F401  (the one-document extraction fixture)
from test_unseen_news import of_type


@pytest.mark.parametrize("text, actor", [
    ("The European Union froze the assets of the junta's leaders on Sunday, a spokesman said.", "European Union"),
    ("Norvania suspended military aid to Estland on Friday, the foreign ministry said.", "Norvania"),
])
def test_assets_frozen_or_aid_suspended_by_a_state_or_bloc_are_sanctions(extract, text, actor):
    claims, ents = extract(text)
    sanction = of_type(claims, "SANCTION")[0]
    assert [ents[a].name for a in sanction.roles["actor"]] == [actor]


def test_a_bank_freezing_a_customers_account_sanctions_no_one(extract):
    claims, _ = extract("The bank froze the account of a customer who missed payments, the newspaper said on Monday.")
    assert not of_type(claims, "SANCTION")
