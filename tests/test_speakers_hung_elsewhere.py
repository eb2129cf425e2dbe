"""A speaker the parser hangs on the claim's own words, from the missile-barrage prober of
session 35: ", setting off a large fire, a source in the security service told Reuters" made the
source the fire's apposition and left the strike with no source. Every sentence is invented."""

from __future__ import annotations

from test_precision import extract  # noqa: F401  (the same one-document extraction fixture)
from test_unseen_news import of_type


def test_a_speaker_after_a_participle_clause_still_speaks(extract):
    claims, ents = extract("Estland drones struck an oil refinery in Norvania's Kessel region overnight, setting "
                           "off a large fire, a source in Estland's SBU security service told Reuters on Friday.")
    strike = of_type(claims, "ATTACK")[0]
    assert strike.source is not None and "security service" in ents[strike.source].name
    assert strike.modality == "reported"


def test_a_body_named_before_its_verb_speaks_when_hung_on_the_claim(extract):
    claims, ents = extract("Seven people died in last Saturday's shooting at a rally in Kessel, the Centre for "
                           "Democracy and Human Rights (CDD) said on Monday, more than the police figure.")
    toll = of_type(claims, "CASUALTY")[0]
    assert toll.source is not None and "Centre for Democracy" in ents[toll.source].name
