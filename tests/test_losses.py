"""Losses are suffered, not caused (issue 9): a speaker's "we lost 250 Americans in Beirut"
names no one who killed them, least of all the speaker. Invented sentences."""

from __future__ import annotations

from test_coref_roles import extract, fillers  # noqa: F401  (the one-document extraction fixture)


def test_the_side_that_lost_people_did_not_kill_them(extract):
    claims, ents = extract('"We lost 40 soldiers in Kessel last year," Defence Minister Arno Vell said.')
    assert [c for c in claims if c.type == "CASUALTY"]
    assert "Arno Vell" not in fillers(claims, ents, "CASUALTY", "actor")
