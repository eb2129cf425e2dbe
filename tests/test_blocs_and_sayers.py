"""Regional blocs the tagger misses, and a speaker who goes on after what was said (the
political-violence prober of session 34, issue 9). Invented sentences; real bloc names, since
the gazetteer must know them."""

from __future__ import annotations

from claimgraph.link.compare import counted_class
from test_coref_roles import extract  # noqa: F401  (the one-document extraction fixture)
from test_unseen_news import of_type


def test_a_bloc_whose_acronym_the_tagger_reads_as_a_verb_condemns(extract):
    # the small model tags "ECOWAS" here as a verb
    claims, ents = extract("ECOWAS on Friday condemned the coup in Norvania and demanded the release of the president.")
    condemn = of_type(claims, "CONDEMN")[0]
    assert [ents[a].name for a in condemn.roles["actor"]] == ["ECOWAS"]


def test_a_condemnation_after_a_toll_said_to_be_none_is_the_sayers_and_not_denied(extract):
    claims, ents = extract("Norvania said none of its diplomats had been hurt and condemned the attack on its "
                           "embassy in Kessel.")
    condemn = of_type(claims, "CONDEMN")[0]
    assert condemn.polarity == "asserted" and [ents[a].name for a in condemn.roles["actor"]] == ["Norvania"]
    assert [c.polarity for c in of_type(claims, "ATTACK")] == ["asserted"]
    assert [c.polarity for c in of_type(claims, "CASUALTY")] == ["denied"]


def test_policemen_and_police_officers_are_one_count():
    assert counted_class("policemen") == counted_class("police officers")


def test_people_added_to_a_sanctions_list_are_sanctioned(extract):
    claims, ents = extract("Norvania plans to add 10 more Estlandic officials to its sanctions list next week, "
                           "a government official said.")
    sanction = of_type(claims, "SANCTION")[0]
    assert [ents[a].name for a in sanction.roles["actor"]] == ["Norvania"] and sanction.modality == "planned"


def test_players_added_to_a_squad_list_are_not(extract):
    claims, _ = extract("The coach added two new players to the squad list on Tuesday, the club said in a statement.")
    assert not of_type(claims, "SANCTION")


def test_a_device_that_destroyed_track_under_a_headline_is_still_an_attack(pipeline):
    # after a headline the tagger may read the lead's past tense as a participle
    from claimgraph.model import Document
    text = ("Norvania says explosion on rail line to Estland was sabotage\n\n"
            "An explosive device destroyed about 10 metres of track on the railway line near Kessel on Sunday.")
    doc = Document(id="d1", text=text, title=text.split("\n")[0], published="2024-03-14")
    claims, _ = pipeline.extractor.extract(pipeline.nlp(text), doc)
    lead = [c for c in claims if c.type == "ATTACK" and c.start > len(doc.title)]
    assert lead and lead[0].roles["instrument"]
