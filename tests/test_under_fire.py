"""Coming under fire is being attacked (issue 9): "the ship came under fire from two boats",
"a patrol came under heavy fire"; not the criticism "came under fire from lawmakers" or "under
fire for his remarks". Every sentence is invented."""

from __future__ import annotations

import pytest

from test_coref_roles import extract  # noqa: F401  (the one-document extraction fixture)


@pytest.mark.parametrize("text,attacked", [
    ("The skipper said the tanker came under fire from two speedboats off Marlow on Saturday.", True),
    ("An army patrol came under heavy fire near Kessel on Tuesday, officials said.", True),
    ("The deputies sent to the farm came under fire from inside the farmhouse, police said.", True),
    ("The minister came under fire from opposition lawmakers on Tuesday over the budget.", False),
    ("Police came under fire for their handling of the protest in Marlow on Monday.", False),
    ("The governor has come under fire since the vote in Marlow, officials said.", False),
])
def test_coming_under_fire_is_an_attack_and_criticism_is_not(extract, text, attacked):
    claims, _ = extract(text)
    assert bool([c for c in claims if c.type == "ATTACK" and c.trigger == "fire"]) == attacked
    assert attacked or not [c for c in claims if c.type == "ATTACK"]
