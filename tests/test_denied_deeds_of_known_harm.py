"""A group denying a deed done with a thing that killed ("denied carrying out an attack on a
police station that killed five officers", "denies planting the mine that killed two
soldiers") denies who did it, not the deaths: those are told as known (issue 9, the
Mexico-Colombia prober of session 40). Every sentence is invented."""

from __future__ import annotations

import pytest
from test_precision import extract  # noqa: F401  (the same one-document extraction fixture)
from test_unseen_news import of_type


@pytest.mark.parametrize("text", [
    "A rebel faction has denied carrying out an attack on a police station in Jamundi that killed five officers.",
    "The cartel denied planting the landmine that killed two soldiers near Aguililla.",
])
def test_the_deaths_a_denied_deed_caused_are_told_as_known(extract, text):
    claims, _ = extract(text)
    deaths = of_type(claims, "CASUALTY")
    assert deaths and all(c.polarity == "asserted" and c.modality == "fact" for c in deaths)
    assert [c.polarity for c in claims if c.type == "ATTACK"] == ["denied"]


def test_deaths_the_denier_says_did_not_happen_stay_denied(extract):
    claims, _ = extract("The army denied that its troops had killed 12 villagers in Jamundi.")
    assert [c.polarity for c in of_type(claims, "CASUALTY")] == ["denied"]
