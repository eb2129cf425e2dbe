"""Two subjects are a misparse (issue 9): in "Constable Dan Roe allege the recently-fired man,
Tomas Brenner, 61, opened fire at an office" the parser reads "allege" as a noun and gives
"opened" two subjects; the one nearest the verb is who opened fire, not the constable.
Invented sentences."""

from __future__ import annotations

from test_coref_roles import extract, fillers  # noqa: F401  (the one-document extraction fixture)


def test_the_subject_nearest_the_verb_did_it(extract):
    claims, ents = extract("Constable Dan Roe allege the recently-fired man, Tomas Brenner, 61, opened fire at a "
                           "Kessel office Friday, killing Arno Vell.")
    actors = fillers(claims, ents, "ATTACK", "actor")
    assert "Dan Roe" not in actors and "Tomas Brenner" in actors
