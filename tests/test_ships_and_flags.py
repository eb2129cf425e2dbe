"""Ships, their flags and the ports they are measured from, from the maritime prober of session
32: "The Panama-flagged MV Lilac Isle was hit" had Panama as the target, and "hit by a missile 70
miles west of Hodeidah" made Hodeidah the attacker. Every ship and sentence is invented."""

from __future__ import annotations

from test_precision import extract  # noqa: F401  (the same one-document extraction fixture)
from test_unseen_news import names, of_type


def test_the_flag_a_ship_flies_was_not_hit(extract):
    claims, ents = extract("The Panama-flagged MV Kessel Star was hit by a missile in the Red Sea on Wednesday, "
                           "the agency said.")
    attack = of_type(claims, "ATTACK")[0]
    assert "panama" not in names(ents, attack.roles["target"])


def test_the_port_a_missile_is_measured_from_is_where_not_who(extract):
    claims, ents = extract("The MV Kessel Star was hit by a missile 70 miles west of Hodeidah on Wednesday, "
                           "the agency said.")
    attack = of_type(claims, "ATTACK")[0]
    assert not attack.roles["actor"]


def test_an_agency_named_after_its_kind_is_the_source(extract):
    """State-media prober of session 32: "according to the state news agency TASS" gave the
    source "state news agency"."""
    for text, agency in (("Estlandic drones struck an oil depot in Kessel on Thursday, according to the state "
                          "news agency TASS.", "TASS"),
                         ("Estlandic jets struck a building in Kolwe on Thursday, Syria's state news agency SANA "
                          "said.", "SANA")):
        claims, ents = extract(text)
        attack = of_type(claims, "ATTACK")[0]
        assert agency in (ents[attack.source].name, *ents[attack.source].aliases)


def test_a_ship_hit_by_a_projectile_was_attacked(extract):
    """Maritime prober of session 32: "was hit by a projectile" gave no claim ("a projectile
    struck" did), since a projectile was no weapon of its own."""
    claims, ents = extract("The MT Kessel Star was hit by a projectile in the Red Sea on Tuesday, the agency said.")
    attacks = of_type(claims, "ATTACK")
    assert attacks and names(ents, attacks[0].roles["target"]) == ["mt kessel star"]


def test_a_ship_named_after_its_kind_is_the_target_not_the_place(extract):
    """Maritime prober of session 35: "fired two missiles at the bulk carrier Sea Falcon" made the
    ship the place and named no target (a bulk carrier was no craft)."""
    claims, ents = extract("Kolwe rebels fired two missiles at the bulk carrier Kessel Falcon in the Gulf of Aden "
                           "on Wednesday, the agency said.")
    attack = of_type(claims, "ATTACK")[0]
    assert names(ents, attack.roles["target"]) == ["kessel falcon"]
    assert names(ents, attack.roles["location"]) == ["gulf of aden"]


def test_a_ship_named_after_its_kind_is_that_ship_when_named_alone_later(extract):
    """"The Houthis sank the Rubymar" after "the cargo ship Rubymar": nothing was told, since a
    bare ship's name was no thing to sink or seize."""
    claims, ents = extract("Kolwe rebels attacked the cargo ship Marra Dawn in the Red Sea last month. The rebels "
                           "sank the Marra Dawn on Tuesday, a spokesman for the group said. The tanker Velka Star "
                           "was also struck. The Velka Star was seized by Norvanian commandos, the agency reported.")
    sunk = next(c for c in of_type(claims, "ATTACK") if c.trigger == "sank")
    assert names(ents, sunk.roles["target"]) == ["marra dawn"]
    seized = next(c for c in of_type(claims, "ATTACK") if c.trigger == "seized")
    assert names(ents, seized.roles["target"]) == ["velka star"]


def test_a_headline_s_ship_by_its_kind_is_the_ship_the_lead_names(pipeline):
    """Maritime prober of session 35: the headline's "bulk carrier" and the lead's "the bulk
    carrier Sea Falcon" were two targets, so the two claims of one attack did not agree."""
    from claimgraph.model import Document
    text = ("Kolwe missiles strike bulk carrier in Gulf of Aden, two crew killed\n\n"
            "Kolwe rebels fired two missiles at the bulk carrier Kessel Falcon in the Gulf of Aden on Wednesday, "
            "killing two crew members, the agency said.")
    doc = Document(id="d1", text=text, title=text.split("\n")[0], published="2024-03-14")
    claims, ents = pipeline.extractor.extract(pipeline.nlp(text), doc)
    headline = [c for c in of_type(claims, "ATTACK") if c.end <= len(doc.title)]
    assert headline and names(ents, headline[0].roles["target"]) == ["kessel falcon"]


def test_sites_listed_by_name_before_one_noun_are_each_hit(extract):
    """Missile-barrage prober of session 35: "the Voronezh, Kursk, Savasleyka and Borisoglebsk
    airfields" was one target named by all four."""
    claims, ents = extract("Estland drones struck the Kessel and Kolwe oil refineries overnight, regional "
                           "officials said.")
    attack = of_type(claims, "ATTACK")[0]
    assert names(ents, attack.roles["target"]) == ["kessel oil refinery", "kolwe oil refinery"]
