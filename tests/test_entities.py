"""Gazetteer data, EntityRuler patterns and entity resolution. Invented sentences only."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from claimgraph.analyze.patterns import add_gazetteer, gazetteer_patterns
from claimgraph.resolve.entities import (
    EntityResolver,
    clean_mention,
    load_gazetteer,
    weapon_classes,
)
from claimgraph.resolve.places import name_key


@pytest.fixture(scope="module")
def resolver() -> EntityResolver:
    return EntityResolver()


@pytest.fixture(scope="module")
def nlp():
    import spacy

    from claimgraph.settings import Settings

    pipeline = spacy.load(Settings().model)
    add_gazetteer(pipeline)
    return pipeline


# -- gazetteer data ----------------------------------------------------------------------
def test_entities_gazetteer_ids_unique_and_prefixed_by_type():
    entries = load_gazetteer()
    assert len({e.id for e in entries}) == len(entries)
    prefix = {"WEAPON": "weapon:", "ORG": "org:", "PERSON": "person:"}
    assert all(e.id.startswith(prefix[e.type]) for e in entries)
    assert sum(e.type == "WEAPON" for e in entries) >= 100


def test_entities_weapon_classes_come_from_the_documented_set():
    weapons = [e for e in load_gazetteer() if e.type == "WEAPON"]
    assert {w.attrs["class"] for w in weapons} <= weapon_classes()
    for weapon in weapons:
        low_high = weapon.attrs.get("range_km")
        assert low_high is None or (len(low_high) == 2 and 0 < low_high[0] <= low_high[1])


def test_entities_no_alias_is_shared_by_two_entries():
    owners: dict[str, str] = {}
    for entry in load_gazetteer():
        for name in entry.names():
            key = name_key(name)
            assert owners.setdefault(key, entry.id) == entry.id, (name, owners[key], entry.id)


def test_entities_outlets_are_flagged():
    outlets = {e.name for e in load_gazetteer() if e.attrs.get("outlet")}
    assert {"Reuters", "Associated Press", "Yonhap", "KCNA", "TASS"} <= outlets


# -- resolve: aliases and variants ----------------------------------------------------------
@pytest.mark.parametrize("mention, label", [
    ("KN-23", "WEAPON"), ("Hwasong-11A", "ORG"), ("Hwasong-11Ga", "PRODUCT"), ("KN-23s", "ORG"),
    ("kn 23", "WEAPON"), ("KN23", "WORK_OF_ART"),
])
def test_entities_weapon_aliases_share_one_id_whatever_the_label(resolver, mention, label):
    entity = resolver.resolve(mention, label)
    assert entity.id == "weapon:kn-23" and entity.type == "WEAPON"
    assert entity.attrs["class"] == "SRBM" and entity.attrs["origin"] == "KP"


def test_entities_weapon_attrs_include_range(resolver):
    iskander = resolver.resolve("9K720", "NORP")
    assert iskander.id == "weapon:iskander-m" and iskander.attrs["range_km"] == [400, 500]
    assert set(iskander.attrs) == {"class", "origin", "kind", "range_km"}


@pytest.mark.parametrize("mention", ["Kim Jong Un", "Kim Jong-un", "Kim Jong-Un", "KIM JONG UN", "Kim Jong Un’s"])
def test_entities_hyphen_space_case_variants_are_one_person(resolver, mention):
    assert resolver.resolve(mention, "PERSON").id == "person:kim-jong-un"


@pytest.mark.parametrize("mention, expected", [
    ("President Vladimir Putin", "person:vladimir-putin"),
    ("Russian President Vladimir Putin", "person:vladimir-putin"),
    ("Coordinator Kirby", "person:john-kirby"),
    ("White House spokesman John Kirby", "person:john-kirby"),
    ("Defence Minister Kim Yong-Hyun", "person:kim-yong-hyun"),
    ("North Korean leader Kim Jong Un", "person:kim-jong-un"),
    ("Gen. Valery Gerasimov", "person:valery-gerasimov"),
])
def test_entities_titles_before_names_are_stripped(resolver, mention, expected):
    assert resolver.resolve(mention, "PERSON").id == expected


@pytest.mark.parametrize("mention", ["Agent Anton Marlow", "Det. Anton Marlow", "Const. Anton Marlow",
                                     "Supt. Anton Marlow", "Pvt. Anton Marlow"])
def test_entities_police_and_army_ranks_before_names_are_stripped(resolver, mention):
    """Court and police reports write the rank before the name ("killed Agent David Wilhelm")."""
    assert resolver.resolve(mention, "PERSON").name == "Anton Marlow"


def test_entities_country_word_is_kept_when_it_is_a_first_name(resolver):
    assert resolver.resolve("Jordan Pellworth", "PERSON").id == "person:jordan-pellworth"


@pytest.mark.parametrize("mention, label, expected", [
    ("Russia's", "GPE", "gpe:russia"),
    ("Ukraine’s", "ORG", "gpe:ukraine"),
    ("the Kremlin", "ORG", "org:kremlin"),
    ("The Pentagon", "FAC", "org:pentagon"),
    ("North Korean", "NORP", "gpe:north-korea"),
    ("North Koreans", "NORP", "gpe:north-korea"),
    ("American", "NORP", "gpe:united-states"),
    ("U.S.", "GPE", "gpe:united-states"),
    ("US", "GPE", "gpe:united-states"),
    ("the United States", "GPE", "gpe:united-states"),
    ("DPRK", "ORG", "gpe:north-korea"),
])
def test_entities_possessives_articles_and_demonyms(resolver, mention, label, expected):
    assert resolver.resolve(mention, label).id == expected


def test_entities_countries_have_no_coordinates(resolver):
    russia = resolver.resolve("Russia", "GPE")
    assert russia.lat is None and russia.attrs["kind"] == "country" and russia.country == "RU"


def test_entities_capital_is_a_city_marked_as_metonym(resolver):
    pyongyang = resolver.resolve("Pyongyang", "GPE")
    assert pyongyang.id == "place:KP:pyongyang" and pyongyang.lat is not None
    assert pyongyang.attrs["metonym_of"] == "gpe:north-korea"
    assert "metonym_of" not in resolver.resolve("Kharkiv", "GPE").attrs


def test_entities_places_are_geocoded_with_context(resolver):
    donetsk = resolver.resolve("Donetsk", "GPE", context_countries=["UA"])
    assert donetsk.country == "UA" and abs(donetsk.lat - 48.0) < 0.2 and abs(donetsk.lon - 37.8) < 0.2
    region = resolver.resolve("Kursk region", "LOC")
    assert region.id == "place:RU:kursk-oblast" and region.type == "LOC"


def test_entities_place_tagged_as_person_is_still_the_place(resolver):
    assert resolver.resolve("Kyiv", "PERSON").id == "place:UA:kyiv"


def test_entities_org_name_that_is_also_a_big_city_follows_the_label(resolver):
    assert resolver.resolve("NIS", "ORG").id == "org:south-korea-nis"
    assert resolver.resolve("Nis", "GPE").country == "RS"


# -- resolve: typos --------------------------------------------------------------------------
def test_entities_typo_merges_into_the_capital_and_is_kept_as_alias():
    resolver = EntityResolver()
    moscow = resolver.resolve("Moscow", "GPE")
    typo = resolver.resolve("Mosow", "GPE")
    assert typo is moscow and "Mosow" in moscow.aliases


@pytest.mark.parametrize("mention, label, not_expected", [
    ("Mosul", "GPE", "place:RU:moscow"),
    ("mosow", "GPE", "place:RU:moscow"),
    ("Putni", "PERSON", "person:vladimir-putin"),
])
def test_entities_fuzzy_does_not_merge_distinct_or_uncapitalised_names(resolver, mention, label, not_expected):
    assert resolver.resolve(mention, label).id != not_expected


def test_entities_misspelt_person_matches_the_gazetteer_person(resolver):
    assert resolver.resolve("Zelenskky", "PERSON").id == "person:volodymyr-zelensky"


# -- resolve: descriptors and unknown names ---------------------------------------------------
@pytest.mark.parametrize("mention, label", [
    ("South Korea's spy agency", "SOURCE"),
    ("Seoul’s intelligence agency", "ORG"),
    ("South Korean spy agency", "SOURCE"),
])
def test_entities_descriptor_with_country_names_the_agency(resolver, mention, label):
    assert resolver.resolve(mention, label).id == "org:south-korea-nis"


def test_entities_descriptor_depends_on_the_country(resolver):
    assert resolver.resolve("Ukrainian military intelligence", "ORG").id == "org:gur"
    assert resolver.resolve("Russian military", "ORG").id == "org:russian-armed-forces"


def test_entities_unknown_source_gets_a_deterministic_id_and_its_country(resolver):
    first = resolver.resolve("a Ukrainian military source", "SOURCE")
    again = EntityResolver().resolve("Ukrainian military source", "SOURCE")
    assert first.id == again.id == "source:ukrainian-military-source"
    assert first.country == "UA"


@pytest.mark.parametrize("mention, label, expected", [
    ("Olena Marchuk", "PERSON", "person:olena-marchuk"),
    ("Colonel Olena Marchuk", "PERSON", "person:olena-marchuk"),
    ("Zorvex Dynamics", "ORG", "org:zorvex-dynamics"),
    ("Velykyi Brovarets", "GPE", "gpe:velykyi-brovarets"),
])
def test_entities_unknown_names_become_new_entities(resolver, mention, label, expected):
    entity = resolver.resolve(mention, label)
    assert entity.id == expected and entity.type == label


def test_entities_every_surface_form_is_an_alias_of_one_shared_entity():
    resolver = EntityResolver()
    a = resolver.resolve("Kim Jong-un", "PERSON")
    b = resolver.resolve("Chairman Kim Jong Un", "PERSON")
    assert a is b and {"Kim Jong-un", "Chairman Kim Jong Un"} <= set(a.aliases)
    assert [e.id for e in resolver.entities()] == ["person:kim-jong-un"]


# -- resolve_in_document ----------------------------------------------------------------------
def test_entities_surname_links_to_the_full_name_in_the_same_document(resolver):
    mentions = [("Maksym Ostapchuk", "PERSON"), ("Ostapchuk", "PERSON"), ("Spokesman Ostapchuk", "PERSON")]
    assert {e.id for e in resolver.resolve_in_document(mentions)} == {"person:maksym-ostapchuk"}


def test_entities_surname_prefers_the_document_over_the_gazetteer(resolver):
    entities = resolver.resolve_in_document([("Kirby", "PERSON"), ("Dana Kirby", "PERSON")])
    assert [e.id for e in entities] == ["person:dana-kirby", "person:dana-kirby"]


def test_entities_ambiguous_surname_in_document_is_not_guessed(resolver):
    mentions = [("Iryna Bondar", "PERSON"), ("Petro Bondar", "PERSON"), ("Bondar", "PERSON")]
    entities = resolver.resolve_in_document(mentions)
    assert entities[2].id not in {entities[0].id, entities[1].id}


def test_entities_surname_without_full_name_uses_a_unique_gazetteer_surname(resolver):
    assert resolver.resolve_in_document([("Kovalenko", "PERSON")])[0].id == "person:andriy-kovalenko"


def test_entities_korean_surname_comes_first(resolver):
    mentions = [("Shin Won-sik", "PERSON"), ("Shin", "PERSON")]
    assert [e.id for e in resolver.resolve_in_document(mentions)] == ["person:shin-won-sik"] * 2


def test_entities_document_context_countries_pick_the_place(resolver):
    mentions = [("Ukraine", "GPE"), ("Ukrainian", "NORP"), ("Donetsk", "GPE")]
    assert resolver.resolve_in_document(mentions)[2].country == "UA"


# -- helpers -----------------------------------------------------------------------------------
@pytest.mark.parametrize("raw, cleaned", [
    ("the Kremlin’s", "Kremlin"), ("Russia's", "Russia"), ("  Kyiv  ", "Kyiv"), ("Reuters.", "Reuters"),
    ("the Houthis'", "Houthis"),
])
def test_entities_clean_mention(raw, cleaned):
    assert clean_mention(raw) == cleaned


@settings(max_examples=100, deadline=None)
@given(st.text(max_size=30), st.sampled_from(["PERSON", "ORG", "GPE", "LOC", "NORP", "WEAPON", "SOURCE", None]))
def test_entities_resolve_never_raises_and_ids_are_stable(resolver, text, label):
    if not text.strip():
        return
    first = resolver.resolve(text, label)
    assert first.id and ":" in first.id
    assert resolver.resolve(text, label).id == first.id


# -- EntityRuler patterns ------------------------------------------------------------------------
def test_entities_patterns_carry_gazetteer_ids_and_skip_ambiguous_words():
    patterns = gazetteer_patterns()
    texts = {p["pattern"] for p in patterns}
    assert {"KN-23", "KN-23s", "kn-23", "Iskander-M", "ISKANDER-M", "Hwasong-11A"} <= texts
    assert "Emad" not in texts and "javelin" not in texts and "dpa" not in texts
    known = {e.id for e in load_gazetteer()}
    assert {p["id"] for p in patterns if p["label"] in {"WEAPON", "ORG", "PERSON"}} <= known


@pytest.mark.parametrize("sentence, expected", [
    ("The army fired two Iskander-M missiles at the port.", [("Iskander-M", "weapon:iskander-m")]),
    ("Officials said the KN-23s were Hwasong-11A rockets.",
     [("KN-23s", "weapon:kn-23"), ("Hwasong-11A", "weapon:kn-23")]),
    ("The brigade lost three F-16s and a Kh-101 hit a depot.", [("F-16s", "weapon:f-16"), ("Kh-101", "weapon:kh-101")]),
    ("Batteries of S-400 and Patriot systems stood by.", [("S-400", "weapon:s-400"), ("Patriot", "weapon:patriot")]),
    ("They saw Iskander-M/KN-23 debris in the yard.",
     [("Iskander-M", "weapon:iskander-m"), ("KN-23", "weapon:kn-23")]),
])
def test_entities_real_model_tags_weapons(nlp, sentence, expected):
    found = [(e.text, e.ent_id_) for e in nlp(sentence).ents if e.label_ == "WEAPON"]
    assert found == expected


def test_entities_real_model_tags_people_orgs_and_regions_with_ids(nlp):
    doc = nlp("Kim Jong-un told Yonhap that troops moved into the Kursk region.")
    got = {(e.text, e.label_, e.ent_id_) for e in doc.ents}
    assert ("Kim Jong-un", "PERSON", "person:kim-jong-un") in got
    assert ("Yonhap", "ORG", "org:yonhap") in got
    assert ("Kursk region", "GPE", "place:RU:kursk-oblast") in got


def test_entities_lowercase_common_words_are_not_weapons(nlp):
    doc = nlp("The athlete threw a javelin while a patriot waved a flag.")
    assert not [e for e in doc.ents if e.label_ == "WEAPON"]


def test_entities_add_gazetteer_is_idempotent_and_runs_before_ner(nlp):
    ruler = add_gazetteer(nlp)
    assert add_gazetteer(nlp) is ruler
    names = nlp.pipe_names
    assert names.count("claimgraph_gazetteer") == 1
    assert names.index("claimgraph_gazetteer") < names.index("ner")


def test_entities_add_gazetteer_works_on_a_blank_pipeline():
    import spacy

    blank = spacy.blank("en")
    add_gazetteer(blank)
    assert [(e.text, e.label_) for e in blank("Two Shahed-136 drones and a Geran-2.").ents] == [
        ("Shahed-136", "WEAPON"), ("Geran-2", "WEAPON")]


def test_entities_descriptor_with_a_generic_tail_still_matches():
    from claimgraph.resolve.entities import EntityResolver

    resolver = EntityResolver()
    assert resolver.resolve("Ukraine's military intelligence agency", "SOURCE").id == \
        resolver.resolve("Ukrainian military intelligence", "SOURCE").id


def test_entities_name_particles_stay_in_the_person(pipeline):
    doc = pipeline.nlp("Army spokesman Tarig Hassan el-Nour said the port was hit, and Mohammed bin Salman called.")
    people = [e.text for e in doc.ents if e.label_ == "PERSON"]
    assert "Tarig Hassan el-Nour" in people and "Mohammed bin Salman" in people


def test_entities_a_name_run_together_is_the_same_person():
    from claimgraph.resolve.entities import EntityResolver

    resolver = EntityResolver()
    assert resolver.resolve("Khalil Zein al-Din", "PERSON").id == resolver.resolve("Khalil Zeineddine", "PERSON").id


def test_resolver_fuzzy_match_keeps_the_named_owner_country():
    from claimgraph.resolve.entities import EntityResolver

    resolver = EntityResolver()
    assert resolver.resolve("China's foreign ministry", "ORG").country == "CN"
    assert resolver.resolve("Chad's foreign ministry", "ORG").country != "CN"


def test_an_organisation_s_acronym_is_no_town_spelt_otherwise():
    from claimgraph.resolve.entities import EntityResolver
    resolver = EntityResolver()
    assert resolver.resolve("SANA", "ORG").type == "ORG"
    assert resolver.resolve("Sanaa", "GPE").type == "GPE"  # the city under its own name stays the city


def test_entities_a_plural_of_english_words_is_no_misspelt_name():
    # "Ukrainian security sources" is close to "Ukrainian Security Service" but means people
    resolver = EntityResolver(known_words=frozenset({"ukrainian", "security", "source", "service"}))
    assert resolver.resolve("Ukrainian security sources", "SOURCE").id != "org:sbu"
    assert resolver.resolve("Ukrainian Security Servise", "ORG").id == "org:sbu"


@pytest.mark.parametrize("mention, label", [("ITAR-TASS news agency", "SOURCE"), ("TASS news agency", "ORG"),
                                            ("the Tass news agency", "SOURCE")])
def test_entities_an_outlet_named_with_its_kind_is_the_outlet(resolver, mention, label):
    assert resolver.resolve(mention, label).id == "org:tass"


def test_entities_a_shared_kind_makes_no_misspelling(resolver):
    """"Tass news agency" and "Tasnim News Agency" read alike only in the words they share."""
    assert resolver.resolve("Kessa news agency", "ORG").id != "org:tass"
    assert resolver.resolve("Tasnim news agency", "ORG").id == "org:tasnim"
