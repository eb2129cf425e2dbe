"""A country named only as where someone is based ("the Pakistan-based Jaish-e-Mohammed")
is not what the article is about: a bare "Army" in a story of an ambush in Indian Kashmir
stays the army the article names, not Pakistan's. Every article here is invented."""

from __future__ import annotations

from test_precision import extract  # noqa: F401  (the same one-document extraction fixture)


def test_a_country_where_a_group_is_based_does_not_own_the_army(extract):
    claims, ents = extract("Four Army soldiers were killed when militants ambushed a truck near Poonch on Saturday. "
                           "A front of the Pakistan-based Jaish-e-Mohammed claimed the ambush.", published="2024-03-14")
    toll = next(c for c in claims if c.type == "CASUALTY")
    assert {ents[i].name for i in toll.roles["target"]} == {"Army"}


def test_a_country_named_as_such_still_owns_its_army(extract):
    claims, ents = extract("Four Army soldiers were killed when militants ambushed a truck near Quetta in "
                           "Pakistan on Saturday.", published="2024-03-14")
    toll = next(c for c in claims if c.type == "CASUALTY")
    assert {ents[i].name for i in toll.roles["target"]} == {"Pakistan Army"}
