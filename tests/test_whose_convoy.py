"""What is hit of a body that bears no arms is the thing itself ("a World Food Programme
convoy", "a UN warehouse"); an armed group's site still names the group hit."""

from test_precision import extract  # noqa: F401
from test_unseen_news import names, of_type


def test_an_aid_agency_s_convoy_is_the_target(extract):
    claims, ents = extract("A drone struck a World Food Programme convoy near Kessel on Monday.")
    attack, = of_type(claims, "ATTACK")
    assert names(ents, attack.roles["target"]) == ["world food programme convoy"]


def test_a_un_warehouse_looted_is_the_target(extract):
    claims, ents = extract("Fighters looted a UN warehouse in Kessel on Monday.")
    attack, = of_type(claims, "ATTACK")
    assert "united nations" not in names(ents, attack.roles["target"])
    assert any("warehouse" in n for n in names(ents, attack.roles["target"]))


def test_an_armed_group_s_headquarters_names_the_group(extract):
    claims, ents = extract("Jets struck a Hamas headquarters in Kessel on Monday.")
    attack, = of_type(claims, "ATTACK")
    assert names(ents, attack.roles["target"]) == ["hamas"]
