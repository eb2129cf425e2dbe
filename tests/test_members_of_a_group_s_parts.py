"""Members "from rival factions of the Sinaloa cartel" or "from the armed wing of Hamas" act for
that group (issue 9, the Mexico-Colombia prober of session 40). Every sentence is invented."""

from __future__ import annotations

import pytest
from test_precision import extract  # noqa: F401  (the same one-document extraction fixture)
from test_unseen_news import of_type


@pytest.mark.parametrize("text, group", [
    ("Gunmen from rival factions of the Sinaloa cartel fought a running battle in Culiacan on Monday.",
     "Sinaloa cartel"),
    ("Fighters from a breakaway wing of al-Shabaab attacked a police post near Kismayo on Monday.", "al-Shabaab"),
])
def test_members_of_a_part_of_a_group_act_for_the_group(extract, text, group):
    claims, ents = extract(text)
    assert {ents[i].name for c in of_type(claims, "ATTACK") for i in c.roles["actor"]} == {group}
