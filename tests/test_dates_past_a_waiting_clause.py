"""A date hung on an infinitive a participle takes ("attacked families waiting to cross the river
on Monday") dates the clause the participle describes (issue 9, the Myanmar prober of session
40). Every sentence is invented."""

from __future__ import annotations

import pytest
from test_precision import extract  # noqa: F401  (the same one-document extraction fixture)
from test_unseen_news import of_type


@pytest.mark.parametrize("text", [
    "Drones attacked families waiting to cross the Naf river on Monday, killing more than 150 people, survivors said.",
    "MAUNGDAW, Myanmar (AFP) - Drones attacked families waiting to cross the Naf river on Monday, survivors said.",
])
def test_the_date_after_a_waiting_clause_dates_the_attack(extract, text):
    claims, _ = extract(text)
    attack = of_type(claims, "ATTACK")[0]
    assert (attack.time.start, attack.time.end) == ("2024-03-11", "2024-03-11")
