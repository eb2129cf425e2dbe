""""The coast guard denied shooting at the crew", with "shooting" read as a noun, still tells a
denied attack by the denier (as "denied firing on the convoy" does), while "denied the shooting"
names a happening and says nothing of who did it (issue 9, the Libya prober of session 40).
Every sentence is invented."""

from __future__ import annotations

from test_precision import extract  # noqa: F401  (the same one-document extraction fixture)
from test_unseen_news import of_type


def test_a_denied_deed_read_as_a_noun_is_the_denier_s(extract):
    claims, ents = extract("Tunisia's coast guard on Wednesday denied shooting at the crew of the rescue ship.")
    attack, = of_type(claims, "ATTACK")
    assert attack.polarity == "denied"
    assert [ents[i].name for i in attack.roles["actor"]] == ["Tunisia's coast guard"]


def test_a_happening_denied_by_name_has_no_doer(extract):
    claims, _ = extract("Russia denied the shooting in Kharkiv.")
    assert not [i for c in of_type(claims, "ATTACK") for i in c.roles["actor"]]
