"""A date in a document's name dates the document, not the claim (issue 9): "accused Marlow
of breaching the 1976 Kessel Agreement" is no accusation made in 1976. Invented sentences."""

from __future__ import annotations

from test_coref_roles import extract  # noqa: F401  (the one-document extraction fixture)


def test_the_year_of_an_accord_breached_is_not_when_the_breach_was_alleged(extract):
    claims, _ = extract("Ruritania accused Borduria of breaching the 1976 Kessel Agreement, officials said.")
    accusations = [c for c in claims if c.type == "ACCUSE"]
    assert accusations and all(c.time.start is None or not c.time.start.startswith("1976") for c in accusations)


def test_a_date_of_the_deed_itself_still_dates_it(extract):
    claims, _ = extract("Ruritania accused Borduria of shelling the town of Kessel in 1976, officials said.")
    assert any(c.type == "ATTACK" and (c.time.start or "").startswith("1976") for c in claims)
