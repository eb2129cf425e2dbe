"""Places taken by force, from the sieges prober of session 36: "had taken full control of Goma",
"took over the airport and the main prison", "recaptured the Republican Palace" are attacks on
what was taken; taking control of a company, taking over a port's running or taking a ferry are
none. Every sentence is invented."""

from __future__ import annotations

import pytest

from test_precision import extract  # noqa: F401  (the same one-document extraction fixture)
from test_unseen_news import names, of_type


@pytest.mark.parametrize("text, actor, targets", [
    ("The rebels took over the airport and the main prison in Kolwe on Sunday.", "rebels", ["airport", "prison"]),
    ("Norvania's army said it recaptured the presidential palace in Kessel on Friday.", None, ["palace"]),
    ("Kessel Brigade fighters gained control of the town of Marra after two days of fighting.", None, []),
    ("The Kessel Brigade said on Tuesday it had taken full control of Kidal.", "kessel brigade", []),
])
def test_a_place_taken_over_is_attacked(extract, text, actor, targets):
    claims, ents = extract(text)
    attacks = of_type(claims, "ATTACK")
    assert attacks, text
    if actor:
        assert actor in names(ents, attacks[0].roles["actor"])
    assert all(t in " ".join(names(ents, attacks[0].roles["target"])) for t in targets)


@pytest.mark.parametrize("text", [
    "The Estland government said on Monday it was taking control of a mining consortium.",
    "The army took over the running of the port in Kessel last year.",
    "Hundreds of refugees took the ferry to the island of Marra on Monday.",
])
def test_taking_control_of_no_place_is_no_attack(extract, text):
    claims, _ = extract(text)
    assert not of_type(claims, "ATTACK")
