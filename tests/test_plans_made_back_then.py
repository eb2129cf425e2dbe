"""A plan told in the pluperfect was made before the report, from the peacekeepers prober of
session 36: "had been preparing to launch an anti-tank missile on Thursday morning", in an article
of a Friday, was dated the Thursday after. A plan told for the future still looks ahead. Every
sentence is invented."""

from __future__ import annotations

import pytest

from test_precision import extract  # noqa: F401  (the same one-document extraction fixture)
from test_unseen_news import of_type


@pytest.mark.parametrize("text, day", [
    ("He said the Kessel fighters had been preparing to launch an anti-tank missile at troops near Marra "
     "on Thursday morning.", "2024-03-14"),
    ("He said the militants had planned to attack the base near Marra on Thursday.", "2024-03-14"),
    ("He said the militants will attack the base near Marra on Thursday.", "2024-03-21"),
])
def test_a_plan_made_before_the_report_is_dated_before_it(extract, text, day):
    claims, _ = extract(text, published="2024-03-15")
    attacks = of_type(claims, "ATTACK")
    assert attacks and all(c.time.start == day for c in attacks)
