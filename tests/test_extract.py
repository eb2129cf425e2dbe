"""Claim extraction on invented sentences, with the real spaCy model and gazetteer."""

from __future__ import annotations

import pytest
import yaml

from claimgraph.datafiles import claim_type
from claimgraph.errors import ConfigError
from claimgraph.extract.lexicon import load_lexicon
from claimgraph.model import Document


@pytest.fixture(scope="module")
def extract(pipeline):
    def run(text: str, published: str | None = "2024-03-14"):
        doc = Document(id="d1", text=text, published=published)
        sdoc = pipeline.nlp(text)
        claims, entities = pipeline.extractor.extract(sdoc, doc)
        return claims, entities

    return run


def names(ids, entities):
    return [entities[i].name for i in ids]


def only(claims, ctype):
    found = [c for c in claims if c.type == ctype]
    assert found, f"no {ctype} claim in {[c.type for c in claims]}"
    return found[0]


def test_lexicon_every_type_has_triggers_or_attributes_and_an_example():
    lex = load_lexicon()
    assert {"ATTACK", "CASUALTY", "TRANSFER", "DEPLOY", "DENY", "ACCUSE", "SANCTION", "MEET",
            "NOTIFY", "THREATEN", "PROPERTY", "STATEMENT"} <= set(lex.types)
    for t in lex.types.values():
        assert t.example, t.name
        if t.name not in {"STATEMENT", "PROPERTY"}:
            assert t.verbs or t.nouns, t.name


def test_lexicon_rejects_unknown_roles():
    raw = yaml.safe_load("type: X\ndescription: x\nroles: [actor, victim]\n")
    with pytest.raises(ConfigError, match="unknown roles"):
        claim_type(raw, "x.yaml")


def test_extract_relay_chain_puts_the_outlet_in_via(extract):
    claims, ents = extract("The drone strike on the depot was carried out with two Shahed-136 drones, "
                           "the Baltic Wire cited a Polish border guard source as saying.")
    c = only(claims, "ATTACK")
    assert "border guard source" in ents[c.source].name.lower()
    assert any("baltic wire" in ents[v].name.lower() for v in c.via)
    assert any("shahed" in n.lower() for n in names(c.roles["instrument"], ents))


def test_extract_denial_makes_the_embedded_claim_denied(extract):
    claims, ents = extract("Minsk has denied shipping artillery shells to the separatists.")
    c = only(claims, "TRANSFER")
    assert c.polarity == "denied"
    assert "minsk" in ents[c.source].name.lower()


def test_extract_hedge_sets_modality_likely(extract):
    claims, ents = extract("The defence minister Jan Kowalski said it was highly likely that Belarusian "
                           "engineers had been deployed to the border.")
    c = only(claims, "DEPLOY")
    assert c.modality == "likely"
    assert "Kowalski" in ents[c.source].name


def test_extract_property_range_with_interval(extract):
    claims, ents = extract("The Shahed-136 drone has a range of between 1,800 km and 2,500 km.")
    c = only(claims, "PROPERTY")
    assert c.attribute == "range"
    assert any("shahed" in n.lower() for n in names(c.roles["subject"], ents))
    q = c.quantities[0]
    assert (q.low, q.high, q.unit) == (1800, 2500, "km")


def test_extract_weekday_resolves_against_publication_date(extract):
    # 14 March 2024 is a Thursday; "on Saturday" is 9 March.
    claims, ents = extract("On Saturday, a missile hit a school in Odesa, the regional governor said.")
    c = only(claims, "ATTACK")
    assert (c.time.start, c.time.basis) == ("2024-03-09", "event")
    assert "Odesa" in names(c.roles["location"], ents)


def test_extract_report_time_is_not_event_time(extract):
    claims, _ = extract("Kyiv said on Tuesday that Russia had fired three cruise missiles at the port.")
    c = only(claims, "ATTACK")
    assert c.time.basis == "report"


def test_extract_two_dates_make_two_claims(extract):
    claims, _ = extract("The army said Russia attacked the port with drones on the 3rd and the 5th.")
    days = sorted(c.time.start for c in claims if c.type == "ATTACK")
    assert days == ["2024-03-03", "2024-03-05"]


def test_extract_transfer_with_recipient_and_quantity(extract):
    claims, ents = extract("Officials in Kyiv said Iran had provided Russia with hundreds of attack drones.")
    c = only(claims, "TRANSFER")
    assert names(c.roles["actor"], ents) == ["Iran"]
    assert "Russia" in names(c.roles["recipient"], ents)
    assert c.quantities and c.quantities[0].low == 200


@pytest.mark.parametrize("text, modality", [
    ("Portugal has donated 12 armoured vehicles to Moldova.", "fact"),
    ("Chile pledged 20 howitzers to Ecuador on Monday.", "planned"),
])
def test_extract_transfer_donated_or_pledged(extract, text, modality):
    claims, ents = extract(text)
    c = only(claims, "TRANSFER")
    assert names(c.roles["recipient"], ents) in (["Moldova"], ["Ecuador"])
    assert c.modality == modality


def test_extract_casualty_quantity_counts_the_killed(extract):
    claims, _ = extract("At least twelve people were killed when a missile struck Dnipro overnight.")
    c = only(claims, "CASUALTY")
    q = c.quantities[0]
    assert (q.low, q.of) == (12, "killed")


def test_extract_evidence_offsets_point_at_the_sentence(extract):
    text = "Intro line without claims here.\n\nTwo drones hit a fuel depot near Odesa on Monday."
    claims, _ = extract(text)
    c = only(claims, "ATTACK")
    assert text[c.start:c.end] == c.text
    assert c.text.startswith("Two drones")


def test_extract_evidence_ends_with_the_sentence_not_the_blank_lines_after_it(extract):
    text = "Two drones hit a fuel depot near Odesa on Monday.\n\n\nThe port was closed for a day."
    claims, _ = extract(text)
    c = only(claims, "ATTACK")
    assert c.text == "Two drones hit a fuel depot near Odesa on Monday."
    assert text[c.start:c.end] == c.text


def test_extract_a_short_form_of_a_full_name_is_the_same_person(extract):
    claims, ents = extract("Theodore James Wexley, 52, the owner of the bakery, was shot dead on Friday. "
                           "Relatives said Theo Wexley was killed by a former employee. "
                           "Police said Mr. Wexley was killed instantly.")
    victims = {ents[t].name for c in claims if c.type == "CASUALTY" for t in c.roles["target"]}
    assert victims == {"Theodore James Wexley"}


def test_extract_a_quotation_going_on_in_the_next_sentence_stays_its_speakers(extract):
    claims, ents = extract('Governor Oleh Petrenko said the first drone fell on Sunday. '
                           '"The second drone hit a warehouse in Odesa on Monday."')
    second = [c for c in claims if c.type == "ATTACK" and c.time.start == "2024-03-11"]
    assert second and "Petrenko" in ents[second[0].source].name


def test_extract_a_sentence_after_a_speakers_is_the_articles_own(extract):
    # REALNEWS: the source is whoever the sentence attributes it to; on 16 real-news sets,
    # carrying the last speaker on through the paragraph was wrong more often than right
    claims, ents = extract("Governor Oleh Petrenko said the first drone fell on Sunday. "
                           "The second drone hit a warehouse in Odesa on Monday.")
    second = [c for c in claims if c.type == "ATTACK" and c.time.start == "2024-03-11"]
    assert second and second[0].source is None and second[0].modality == "fact"


def test_extract_citing_participle_makes_the_cited_party_the_source(extract):
    claims, ents = extract("The Harbour Times, citing a navy source, reported that two drones hit a tanker "
                           "near Odesa on Sunday.")
    c = only(claims, "ATTACK")
    assert "navy source" in ents[c.source].name.lower()
    assert any("harbour times" in ents[v].name.lower() for v in c.via)


def test_extract_definite_description_reuses_the_earlier_speaker(extract):
    claims, ents = extract("South Korea's National Intelligence Service said on Monday that Pyongyang had sent "
                           "2,000 engineers to Russia. The agency also said Pyongyang had shipped more "
                           "artillery shells to Russia.")
    c = only(claims, "TRANSFER")
    assert ents[c.source].name == "National Intelligence Service"


def test_extract_surname_links_to_the_full_name_in_the_document(extract):
    claims, ents = extract("Governor Mykola Lukash said a missile struck a school in Sumy on Monday. "
                           "Three people were wounded, Lukash said.")
    sources = {ents[c.source].name for c in claims if c.source}
    assert sources == {"Mykola Lukash"}


def test_extract_denial_without_a_typed_claim_keeps_the_denied_statement(extract):
    claims, ents = extract("Meridian Shipping denied that any of its tankers had called at Syrian ports.")
    c = only(claims, "STATEMENT")
    assert c.polarity == "denied"
    assert "Meridian Shipping" in ents[c.source].name


def test_extract_unknown_designation_is_a_named_weapon(extract):
    claims, ents = extract("The rebels fired a Qaher missile at the airport on Monday. "
                           "The Qaher has a range of about 300 km, officials said.")
    prop = only(claims, "PROPERTY")
    assert names(prop.roles["subject"], ents) == ["Qaher"]
    assert "Qaher" in names(only(claims, "ATTACK").roles["instrument"], ents)


def test_extract_pronoun_in_a_denial_is_the_denier(extract):
    claims, ents = extract("Tehran on Friday rejected claims that it had supplied Russia with drones.")
    c = only(claims, "TRANSFER")
    assert c.polarity == "denied"
    assert names(c.roles["actor"], ents) == [ents[c.source].name]


def test_extract_attributed_sentence_without_a_typed_claim_is_a_statement(extract):
    claims, ents = extract("Foreign Minister Anna Berg said that Sweden would not recognise the vote in Crimea.")
    c = only(claims, "STATEMENT")
    assert ents[c.source].name == "Anna Berg"
    assert "Sweden" in names(c.roles["subject"], ents)


@pytest.mark.parametrize("when", ["late on Tuesday", "on Tuesday night"])
def test_extract_time_with_a_part_of_day_is_the_event_time(extract, when):
    # 12 June 2024 is a Wednesday
    claims, _ = extract(f"A drone struck a fuel depot near Mykolaiv {when}, the governor said on Wednesday.",
                        published="2024-06-12")
    c = only(claims, "ATTACK")
    assert (c.time.start, c.time.basis) == ("2024-06-11", "event")


def test_extract_relative_clause_subject_is_its_noun(extract):
    claims, ents = extract("Police said the drone which hit a depot in Lviv on Tuesday was Iranian-made.",
                           published="2024-06-12")
    c = [c for c in claims if c.type == "ATTACK" and c.trigger == "hit"][0]
    assert (c.time.start, c.time.basis) == ("2024-06-11", "event")
    assert any("drone" in n for n in names(c.roles["instrument"], ents))


def test_extract_a_denial_does_not_swallow_an_adverbial_speaker(extract):
    claims, ents = extract("Tehran rejected the report after Kyiv said Iranian-made drones had hit "
                           "a depot near Kharkiv.")
    attacks = [c for c in claims if c.type == "ATTACK"]
    assert attacks and all(c.polarity == "asserted" for c in attacks)


def test_extract_the_group_refers_to_the_organisation_named_before(extract):
    claims, ents = extract("Hezbollah spokesman Ali Rammal said the group's fighters had fired rockets "
                           "at an army base near Safed.")
    c = only(claims, "ATTACK")
    assert names(c.roles["actor"], ents) == ["Hezbollah"]


def test_extract_alias_stated_in_the_text_joins_the_entity(extract):
    claims, ents = extract("Officials said Sudan's rivals had received Wing Loong II drones "
                           "(also called GJ-2) in August.")
    wing = [e for e in ents.values() if e.name == "Wing Loong II"]
    assert wing and "GJ-2" in wing[0].aliases


def test_entities_spelling_variants_of_a_person_are_one_entity():
    from claimgraph.resolve.entities import EntityResolver

    resolver = EntityResolver()
    first = resolver.resolve("Brig. Gen. Tarig Hassan el-Nour", "PERSON")
    assert resolver.resolve("Tariq Hasan al-Nour", "PERSON").id == first.id
    assert resolver.resolve("Ali Hassan", "PERSON").id != resolver.resolve("Ali Hussein", "PERSON").id


def test_entities_a_generation_mark_names_the_same_person_unless_another_mark_says_otherwise():
    from claimgraph.resolve.entities import EntityResolver

    resolver = EntityResolver()
    plain = resolver.resolve("Darnell Okafor", "PERSON")
    assert resolver.resolve("Darnell Okafor III", "PERSON").id == plain.id
    junior = resolver.resolve("Marcus Tillery Jr.", "PERSON")
    assert resolver.resolve("Marcus Tillery Sr.", "PERSON").id != junior.id


def test_extract_bracketed_acronym_is_an_alias_and_officials_at_an_org_speak_for_it(extract):
    claims, ents = extract("Officials at the Joint Staff Command (JSCX) said on Monday that a drone hit a depot. "
                           "The JSCX said a second drone fell near Sumy.")
    sources = {ents[c.source].id for c in claims if c.type == "ATTACK"}
    assert len(sources) == 1
    assert "JSCX" in ents[sources.pop()].aliases


def test_extract_named_system_in_apposition_with_a_weapon_noun(extract):
    claims, ents = extract("The Sky Lance 3, a long-range drone built in Turkey, has a range of about 900 km "
                           "and can carry about 150 kg of bombs.")
    props = {c.attribute: c for c in claims if c.type == "PROPERTY"}
    assert names(props["range"].roles["subject"], ents) == ["Sky Lance 3"]
    assert props["payload"].quantities[0].value == 150


def test_extract_moving_troops_is_a_deployment(extract):
    claims, ents = extract("Officials said the rebels had moved more than 2,000 fighters from Sennar towards El Obeid.")
    c = only(claims, "DEPLOY")
    assert "El Obeid" in names(c.roles["location"], ents)
    assert c.quantities and c.quantities[0].low == 2000


def test_extract_a_spokesman_speaks_for_the_body_named_before_him(extract):
    _, ents = extract("The war in Sudan goes on. Army spokesman Brigadier General Nabil Osman said drones "
                      "hit a depot in Port Sudan on Monday.")
    person = [e for e in ents.values() if e.type == "PERSON"][0]
    assert person.attrs["speaks_for"] == "org:sudanese-armed-forces"


def test_analyze_sentences_break_at_blank_lines_not_at_wrapped_lines(pipeline):
    doc = pipeline.nlp("Prices rose last\nyear by four percent, the ministry said.\n\nA new paragraph starts here")
    sents = [s.text.strip() for s in doc.sents]
    assert sents[0].startswith("Prices rose last\nyear") and sents[-1] == "A new paragraph starts here"


def test_extract_an_untagged_acronym_acting_is_an_organisation(extract):
    claims, ents = extract("The XKLA stormed an army base near Hpakant on Tuesday, a spokesman said.",
                           published="2025-11-14")
    c = only(claims, "ATTACK")
    assert names(c.roles["actor"], ents) == ["XKLA"]


def test_extract_its_drones_belong_to_the_speaker_and_with_on_the_object(extract):
    claims, ents = extract("The Kestrian army said its drones struck an airport near Nyala on Wednesday. "
                           "Officials say Velmar has supplied the KLF with drones.", published="2025-09-22")
    attack = only(claims, "ATTACK")
    assert names(attack.roles["actor"], ents) == [ents[attack.source].name]
    transfer = only(claims, "TRANSFER")
    assert names(transfer.roles["recipient"], ents) == ["KLF"]


def test_extract_a_passive_report_inherits_no_speaker_from_the_clause_before(extract):
    claims, ents = extract("The army said drones hit the port. Sirens sounded in the city but no injuries were "
                           "reported, it said.")
    sources = {ents[c.source].name for c in claims if c.source}
    assert not any("siren" in s.lower() for s in sources)


def test_extract_can_hit_targets_so_far_away_is_a_range(extract):
    claims, ents = extract("The Kornet can hit targets about 10 kilometres (six miles) away, said Amir Golan, "
                           "a former armoured corps officer.")
    c = only(claims, "PROPERTY")
    assert c.attribute == "range" and names(c.roles["subject"], ents) == ["Kornet"]
    assert ents[c.source].type == "PERSON"


# ---------------------------------------------------------------- repairs from a Sahel set (invented text)


def test_extract_keeps_a_given_name_the_tagger_cut_off(extract):
    claims, entities = extract("Drones struck rebel positions overnight, army spokesman Col. Cheik Oumar Traore "
                               "said on Tuesday.")
    assert entities[only(claims, "ATTACK").source].name == "Cheik Oumar Traore"


def test_extract_possessive_country_body_is_never_another_countrys(extract):
    claims, entities = extract("Gunmen attacked a checkpoint near the border on Sunday, killing four soldiers, "
                               "Niger's defence ministry said. Russia's Africa Corps was not involved.")
    source = entities[only(claims, "CASUALTY").source]
    assert source.country in (None, "NE") and "Niger" in source.name


def test_extract_number_goes_to_the_killing_not_the_strike(extract):
    claims, _ = extract("The army said on Wednesday that Sunday's drone strike near Menaka killed 12 fighters.")
    casualty = only(claims, "CASUALTY")
    assert [(q.value, q.of) for q in casualty.quantities] == [(12, "killed")]
    # the report's day and the strike's day were one DATE to the tagger: the strike keeps Sunday
    assert only(claims, "ATTACK").time.start == "2024-03-10"


def test_extract_time_of_day_of_a_date_dates_the_event(extract):
    claims, _ = extract("Militants attacked the army camp at Menaka in the early hours of March 8, "
                        "the governor said.")
    assert only(claims, "ATTACK").time.start == "2024-03-08"


def test_extract_fighters_from_a_group_make_the_group_the_actor(extract):
    claims, entities = extract("Fighters from the Islamic State attacked an army position near the town "
                               "on Sunday, the ministry said.")
    assert names(only(claims, "ATTACK").roles["actor"], entities) == ["Islamic State"]


def test_extract_embassy_in_a_city_denies_as_itself(extract):
    claims, entities = extract("The Russian embassy in Bamako denied that the aircraft had carried any weapons.")
    denied = [c for c in claims if c.polarity == "denied"]
    assert denied and entities[denied[0].source].name == "Russian embassy"
    assert not [c for c in claims if c.type == "PROPERTY"]  # "carried any weapons" measures nothing


def test_extract_untagged_demonym_on_troops_is_the_country(extract):
    claims, entities = extract("Malian troops backed by fighters of Russia's Africa Corps launched an offensive "
                               "against jihadists and separatist rebels north of Kidal on Monday, the army said, "
                               "in the largest operation in the region "
                               "since government forces retook the town in late 2023.")
    assert "Mali" in names(only(claims, "ATTACK").roles["actor"], entities)


def test_extract_transfer_items_in_a_misparsed_range_or_an_including_phrase(extract):
    claims, entities = extract("Russia delivered between 20 and 25 armoured vehicles to Mali's army on the "
                               "flight, including BTR-82A armoured personnel carriers, Reuters reported on Friday.")
    instruments = names(only(claims, "TRANSFER").roles["instrument"], entities)
    assert "BTR-80" in instruments and any("vehicle" in name for name in instruments)


def test_extract_capability_up_to_a_figure_is_that_figure(extract):
    claims, entities = extract("The CH-4 can carry a payload of up to 345 kg of missiles and guided bombs.")
    prop = only(claims, "PROPERTY")
    assert [(q.value, q.high, q.unit) for q in prop.quantities] == [(345, 345, "kg")]


def test_extract_a_denial_hung_on_the_wrong_verb_is_still_the_speakers(extract):
    claims, entities = extract("In a statement on Tuesday, the rebels' radio said the strike had killed four "
                               "herders and denied that any of its fighters had died.")
    denied = [c for c in claims if c.polarity == "denied"]
    assert denied and all(entities[c.source].name != "strike" for c in denied)
    # "any of its fighters": the people denied dead are the fighters
    assert any(names(c.roles["target"], entities) == ["fighter"] for c in denied if c.type == "CASUALTY")


def test_extract_the_one_blamed_for_an_attack_is_its_actor_not_its_target(extract):
    claims, entities = extract("Police blamed al-Shabaab for the bombing of the hotel, which killed five guards.")
    attack = only(claims, "ATTACK")
    assert names(attack.roles["actor"], entities) == ["al-Shabaab"]
    assert "al-Shabaab" not in names(attack.roles["target"], entities)


def test_extract_phrasal_attack_verb_needs_its_particle(extract):
    claims, _ = extract("A suicide bomber blew himself up at a tea shop in Mogadishu on Wednesday, police said.")
    attack = only(claims, "ATTACK")
    assert attack.time.start == "2024-03-13"
    claims, _ = extract("The loss of Mogadishu's port blew a hole in the budget, officials said.")
    assert not [c for c in claims if c.type == "ATTACK"]


def test_lexicon_phrasal_verbs_require_their_particle():
    lex = load_lexicon()
    assert lex.particles_required("ATTACK", "blow") == {"up"}
    assert lex.particles_required("ATTACK", "strike") == frozenset()


def test_extract_who_did_not_comment_is_no_source(extract):
    claims, entities = extract("Al-Shabaab did not immediately comment on the strike near Jilib.")
    attack = only(claims, "ATTACK")
    assert attack.source is None or entities[attack.source].name != "al-Shabaab"


def test_extract_a_long_body_name_after_a_possessive_country_is_that_countrys(extract):
    claims, entities = extract("Azerbaijan's Ministry of Defence on Tuesday denied that its forces had shelled "
                               "Armenian army positions near Sotk on Sunday.")
    denied = [c for c in claims if c.polarity == "denied"]
    assert denied and entities[denied[0].source].country == "AZ"


def test_extract_a_meeting_ahead_of_another_keeps_its_own_day(extract):
    # 14 March 2024 was a Thursday: "yesterday" is the 13th; the visit "next week" is another meeting
    claims, ents = extract("Premier Anna Berg flew out of Rome early yesterday evening following talks with "
                           "Chancellor Karl Vogt, before her visit to Paris next week.")
    talks = [c for c in claims if c.type == "MEET" and "person:karl-vogt" in c.roles["actor"]]
    assert [c.time.start for c in talks] == ["2024-03-13"]


def test_extract_a_happening_dated_after_publication_is_planned_and_dates_nothing_else(extract):
    claims, ents = extract("Premier Anna Berg flew out of Rome early yesterday evening following talks with "
                           "Chancellor Karl Vogt, before her visit to Paris next week. She had come from a meeting "
                           "with President Jean Morel in Lyon earlier in the day.")
    meetings = {c.time.start: c.modality for c in claims if c.type == "MEET"}
    assert meetings == {"2024-03-13": "fact", "2024-03-18": "planned"}
    visit = next(c for c in claims if c.type == "MEET" and c.modality == "planned")
    assert names(visit.roles["location"], ents) == ["Paris"]  # "her visit to Paris": where they will meet
    morel = [c for c in claims if c.type == "MEET" and "person:jean-morel" in c.roles["actor"]]
    assert [c.time.start for c in morel] == ["2024-03-13"]


def test_extract_before_dawn_dates_the_attack_it_follows(extract):
    claims, _ = extract("A spokesman said on Wednesday that four soldiers were killed when rebels attacked "
                        "Kamanyola before dawn on the 11th.")
    assert {c.time.start for c in claims if c.type in {"ATTACK", "CASUALTY"}} == {"2024-03-11"}


def test_extract_a_generic_weapon_is_named_with_its_country_adjective(extract):
    claims, ents = extract("Iranian drones struck a fuel depot near Sumy. Troops shot down two cruise missiles.")
    weapons = {ents[i].name for c in claims for role in ("instrument", "target") for i in c.roles[role]
               if ents[i].type == "WEAPON"}
    assert {"Iranian drone", "cruise missile"} <= weapons  # not "Iran drone", not "cruise missile (cruise missile)"


@pytest.mark.parametrize("text, actor, target", [
    ("Latvia expelled 12 Belarusian diplomats on Tuesday over the border incidents.", "Latvia", "Belarus"),
    ("Four Chinese diplomats were expelled by Canada last month.", "Canada", "China"),
    ("Estonia ordered the expulsion of the Russian ambassador on Friday.", "Estonia", None),
])
def test_expelling_a_states_envoys_is_a_sanction(pipeline, text, actor, target):
    doc = Document(id="d1", text=text, published="2024-03-14")
    claims, ents = pipeline.extractor.extract(pipeline.nlp(text), doc)
    sanctions = [c for c in claims if c.type == "SANCTION"]
    assert sanctions
    assert actor in {ents[i].name for c in sanctions for i in c.roles["actor"]}
    if target:
        assert target in {ents[i].name for c in sanctions for i in c.roles["target"]}


@pytest.mark.parametrize("text", ["The senator was expelled from the party in 2019.",
                                  "Troops expelled the militants from the town on Sunday."])
def test_expelling_anyone_else_is_no_sanction(pipeline, text):
    claims, _ = pipeline.extractor.extract(pipeline.nlp(text), Document(id="d1", text=text, published="2024-03-14"))
    assert not [c for c in claims if c.type == "SANCTION"]


def test_fighting_named_by_a_gerund_subject_is_an_attack_between_its_sides(pipeline):
    text = "Fighting between Sudanese troops and RSF fighters killed 40 people in El Fasher on Monday."
    claims, ents = pipeline.extractor.extract(pipeline.nlp(text), Document(id="d1", text=text, published="2024-03-14"))
    attacks = [c for c in claims if c.type == "ATTACK"]
    assert attacks and not [c for c in claims if c.type == "DEPLOY"]  # the fighting sends no one
    assert {"Sudan"} <= {ents[i].name for c in attacks for i in c.roles["actor"]}


def test_extract_a_speech_act_in_the_reporting_present_is_made_the_day_of_the_article(extract):
    claims, _ = extract("Vell denies that she leaked the memo.\n\n"
                        "Governor Tom Brack says the senator's claims about the audit are lies.")
    said_now = [c for c in claims if c.type == "DENY"]
    assert len(said_now) == 2
    assert all((c.time.start, c.time.end) == ("2024-03-14", "2024-03-14") for c in said_now)


def test_extract_a_speech_act_in_the_past_or_perfect_without_a_time_keeps_no_date(extract):
    claims, _ = extract("The budget talks went on.\n\nThe union accused Governor Tom Brack of hiding the audit.\n\n"
                        "The mayor has denied leaking the memo.")
    assert only(claims, "ACCUSE").time.start is None
    assert only(claims, "DENY").time.start is None


def test_extract_a_count_back_glued_to_a_place_still_dates_the_claim(extract):
    # the NER reads "the school two years ago" as one date
    claims, _ = extract("Four guards were shot at the school two years ago.")
    c = only(claims, "ATTACK")
    assert (c.time.start, c.time.end, c.time.text) == ("2022-01-01", "2022-12-31", "two years ago")


def test_extract_a_rounded_count_back_takes_the_date_the_article_gave_the_happening(extract):
    claims, _ = extract(
        "The mayor recalled the nine pupils who were killed in the bombing of Harlow Primary in December 2019.\n\n"
        "Her daughter was one of nine pupils killed at the school five years ago.\n\n"
        "Two guards were killed at the Oskar Mill depot in Tarnow five years ago.", published="2025-01-06")
    school, depot = [c for c in claims if c.type == "CASUALTY" and c.sentence > 0]
    assert (school.time.start, school.time.end) == ("2019-12-01", "2019-12-31")
    assert (depot.time.start, depot.time.end) == ("2020-01-01", "2020-12-31")  # another happening


def test_extract_a_rounded_count_back_with_the_same_toll_is_the_happening_dated_before(extract):
    claims, _ = extract("Officials recalled the 11 miners who were killed in the blast at the Korvo pit in May 2021.\n\n"
                        "His brother was one of 11 workers killed at the mine three years ago.", published="2024-06-10")
    later = [c for c in claims if c.type == "CASUALTY" and c.sentence == 1]
    assert [(c.time.start, c.time.end) for c in later] == [("2021-05-01", "2021-05-31")]


def test_extract_then_ties_a_claim_to_the_time_just_told(extract):
    claims, _ = extract("The pipeline near Vessa was bombed repeatedly last October, the ministry said.\n\n"
                        "The oil company met with the army to review security.\n\n"
                        "The bombings then cost the company 40,000 barrels of crude.", published="2025-01-06")
    later = [c for c in claims if c.type == "ATTACK" and c.sentence == 2]
    assert [(c.time.start, c.time.end) for c in later] == [("2024-10-01", "2024-10-31")]


@pytest.mark.parametrize("text, ctype, modality", [
    ("Rome is considering sending 200 troops to Niger, an official said.", "DEPLOY", "possible"),
    ("Ottawa is weighing the sale of 30 howitzers to Kyiv.", "TRANSFER", "possible"),
    ("Ottawa is set to impose sanctions on three Iranian shipping firms.", "SANCTION", "planned"),
    ("Oslo is poised to approve the sale of 12 howitzers to Kyiv.", "TRANSFER", "planned"),
])
def test_extract_a_deed_considered_is_possible_and_one_set_to_happen_planned(extract, text, ctype, modality):
    claims, _ = extract(text)
    assert only(claims, ctype).modality == modality


def test_extract_capitalised_marines_are_personnel_deployed(extract):
    claims, ents = extract("About 400 Royal Marines were sent to Cyprus last week.")
    c = only(claims, "DEPLOY")
    assert "Cyprus" in names(c.roles["location"] + c.roles["recipient"], ents)
    assert c.quantities and c.quantities[0].value == 400

def test_extract_a_speaker_that_says_it_received_arms_is_the_recipient(extract):
    claims, ents = extract("Hanoi said it had received the first Iskander systems from Moscow.")
    c = only(claims, "TRANSFER")
    assert names(c.roles["recipient"], ents) == ["Hanoi"]
    assert names(c.roles["actor"], ents) == ["Moscow"]


def test_extract_the_reports_a_denial_rejects_are_nothing_sent(extract):
    claims, ents = extract("Minsk denied reports that it had sent 300 troops to Kazakhstan.")
    c = only(claims, "DEPLOY")
    assert c.polarity == "denied"
    assert names(c.roles["subject"], ents) and not any("report" in n for n in names(c.roles["subject"], ents))


@pytest.mark.parametrize("text, imposer", [
    ("The Security Council voted to extend an arms embargo on Libya.", "Security Council"),
    ("Canberra renewed its sanctions on Myanmar.", "Canberra"),
])
def test_extract_who_extends_or_renews_a_sanction_imposes_it(extract, text, imposer):
    claims, ents = extract(text)
    assert any(imposer in n for n in names(only(claims, "SANCTION").roles["actor"], ents))


def test_extract_a_country_hosting_foreign_troops_meets_no_one(extract):
    claims, _ = extract("Estonia will host a Danish battalion of 800 soldiers from next year.")
    assert not [c for c in claims if c.type == "MEET"]


def test_extract_troops_massed_are_deployed_and_a_crowd_massing_is_not(extract):
    claims, ents = extract("Belarus has massed 20,000 troops near the border with Lithuania.")
    c = only(claims, "DEPLOY")
    assert names(c.roles["actor"], ents) == ["Belarus"]
    claims, _ = extract("Protesters massed outside the parliament in Minsk.")
    assert not [c for c in claims if c.type == "DEPLOY"]
