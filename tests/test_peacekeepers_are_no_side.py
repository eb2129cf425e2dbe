"""People serving an international mission are the people hit, not their country, from the
peacekeepers prober of session 36: "wounding two Indonesian peacekeepers" named Indonesia as the
victim. Soldiers of a side still stand for it. Every sentence is invented."""

from __future__ import annotations

import pytest

from test_precision import extract  # noqa: F401  (the same one-document extraction fixture)
from test_unseen_news import names, of_type


@pytest.mark.parametrize("text, victims", [
    ("A Norvanian tank fired on an observation tower near Kessel, wounding two Indonesian peacekeepers.",
     "indonesian peacekeepers"),
    ("Three Malian peacekeepers were killed when gunmen ambushed their convoy near Marra.", "malian peacekeepers"),
])
def test_peacekeepers_hit_are_the_peacekeepers_not_their_country(extract, text, victims):
    claims, ents = extract(text)
    tolls = of_type(claims, "CASUALTY")
    assert tolls and all(names(ents, c.roles["target"]) == [victims] for c in tolls)


def test_soldiers_of_a_side_still_stand_for_it(extract):
    claims, ents = extract("Rebels killed three Malian soldiers near Gao.")
    assert [c for c in of_type(claims, "CASUALTY") if names(ents, c.roles["target"]) == ["mali"]]
