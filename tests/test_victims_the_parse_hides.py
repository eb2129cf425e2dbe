"""Who was hit when the parse hides it (issue 9): a passive gerund is done to its clause's
subject ("is dead after being stabbed"); "a man fatally shot by police" and "shot and killed
the man" name one victim, the article's one named victim when it has one; "a demonstrator"
stays whoever it was. Every sentence is invented."""

from __future__ import annotations

import pytest

from test_coref_roles import extract, fillers  # noqa: F401  (the one-document extraction fixture)


@pytest.mark.parametrize("text,ctype", [
    ("Marta Quill, 38, is dead after being stabbed on Friday outside her home in Ashford, police said.", "ATTACK"),
    ("Tomas Brenner was taken to hospital after being shot in the leg in Ashford on Friday.", "ATTACK"),
])
def test_a_passive_gerund_is_done_to_the_subject_of_its_clause(extract, text, ctype):
    claims, ents = extract(text)
    assert fillers(claims, ents, ctype, "target") == {text.split(",")[0].split(" was")[0]}


NAMED_FIRST = "Police killed Dorian Pell, 36, in Ashford on Saturday. {}"


@pytest.mark.parametrize("second", [
    "Officers shot and killed the man after a chase, his family said.",
    "The wife of a man fatally shot by police recorded the encounter on her phone.",
])
def test_the_one_victim_described_is_the_victim_the_article_names(extract, second):
    claims, ents = extract(NAMED_FIRST.format(second))
    told = [c for c in claims if c.type == "ATTACK" and c.sentence == 1]
    assert told and all({ents[t].name for t in c.roles["target"]} == {"Dorian Pell"} for c in told)


def test_an_indefinite_victim_kept_in_the_roles_is_not_named(extract):
    claims, ents = extract(NAMED_FIRST.format("Officers also arrested a man in the fatal shooting of a demonstrator."))
    told = [c for c in claims if c.type == "ATTACK" and c.sentence == 1]
    assert told and not any("Dorian Pell" in {ents[t].name for t in c.roles["target"]} for c in told)
