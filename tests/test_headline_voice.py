"""A headline's voice: "Coast guard fired on migrant boat" is active (the guard fired; a verb of
aiming with its target after "on" needs no object), "Militia chief killed, sparking clashes" is
passive (killing takes an object when active, whatever follows) (issue 9, the Libya prober of
session 40). Every article is invented."""

from __future__ import annotations

from test_headline_dates import extract_article  # noqa: F401  (the headline-and-body fixture)
from test_unseen_news import of_type


def test_a_headline_firing_on_a_target_is_active(extract_article):
    claims, ents = extract_article("Tunisian coast guard fired on migrant boat off Sfax, charity says",
                                   "The charity said the boat was hit several times.")
    fired = next(c for c in of_type(claims, "ATTACK") if c.trigger == "fired")
    assert [ents[i].name for i in fired.roles["target"]] == ["boat"]
    assert fired.roles["actor"]


def test_a_headline_killing_with_no_object_is_passive_whatever_follows(extract_article):
    claims, ents = extract_article("Powerful militia chief killed, sparking clashes in Tripoli",
                                   "Clashes broke out overnight.")
    killed = [c for c in claims if c.trigger == "killed"]
    assert killed and all(not c.roles["actor"] for c in killed)
    assert any(ents[i].name.endswith("chief") for c in killed for i in c.roles["target"])
