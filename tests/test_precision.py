"""Precision rules from real news (issue 9): say less rather than something wrong."""

from __future__ import annotations

import pytest

from claimgraph.model import Document


@pytest.fixture(scope="module")
def extract(pipeline):
    def run(text: str, published: str | None = "2024-03-14"):
        sdoc = pipeline.nlp(text)
        return pipeline.extractor.extract(sdoc, Document(id="d1", text=text, published=published))

    return run


def test_a_party_that_has_not_acknowledged_a_transfer_asserts_nothing(extract):
    claims, ents = extract("Neither Moscow nor Pyongyang has acknowledged any missile deliveries.")
    assert not [c for c in claims if c.type == "TRANSFER" and c.polarity == "asserted"]


def test_a_dismissal_after_a_non_acknowledgement_is_still_a_denial(extract):
    claims, ents = extract("Neither Moscow nor Pyongyang has acknowledged any missile deliveries, and both "
                           "have dismissed earlier reports of arms transfers as Western propaganda.")
    assert [c.polarity for c in claims if c.type == "TRANSFER"] == ["denied"]


def test_not_giving_casualty_figures_is_no_denial_of_casualties(extract):
    claims, _ = extract("The statement did not give casualties from the fighting near the border.")
    assert not [c for c in claims if c.type == "CASUALTY"]


def test_no_official_confirmed_is_no_source(extract):
    claims, ents = extract("No official has confirmed the strike on the depot in Kherson.")
    assert not [c for c in claims if c.type == "ATTACK" and c.source is not None]


def test_a_surname_joins_the_full_name_named_anywhere_in_the_article(extract):
    claims, ents = extract("Three residents are still missing, Lytvyn said on Sunday.\n\n"
                           "The regional governor, Serhiy Lytvyn, visited the site of the blast.")
    sources = {ents[c.source].name for c in claims if c.source}
    assert sources == {"Serhiy Lytvyn"}


def test_a_spokeswoman_in_apposition_speaks_for_her_office(extract):
    claims, ents = extract("At least five people were wounded in the missile strike on Kharkiv, Iryna Koval, "
                           "a spokeswoman for the Kharkiv regional prosecutor's office, told reporters.")
    koval = next(e for e in ents.values() if e.name == "Iryna Koval")
    assert "prosecutor" in koval.attrs["speaks_for"]


CONDITIONAL = ("If Greece attacked Turkish ships in the Aegean, Ankara would retaliate, a minister said.\n\n"
               "Turkish jets struck a Kurdish militant camp near Duhok on Monday, the defence ministry said.\n")


def test_a_conditional_attack_is_less_sure_than_a_reported_one(extract):
    claims, _ = extract(CONDITIONAL)
    attacks = {c.text.split()[0]: c.confidence for c in claims if c.type == "ATTACK"}
    assert attacks["If"] < attacks["Turkish"]


def test_cli_min_confidence_filters_claims_and_the_export(tmp_path, pipeline):
    import json

    from test_cli import ok, run

    article = tmp_path / "a.txt"
    article.write_text(CONDITIONAL, encoding="utf-8")
    db = tmp_path / "c.db"
    ok(run(db, "ingest", str(article), "--published", "2024-03-14"))
    every = json.loads(ok(run(db, "claims", "--json", "--min-confidence", "0")))
    sure = sorted(c["confidence"] for c in every)[-1]
    some = json.loads(ok(run(db, "claims", "--json", "--min-confidence", str(sure))))
    assert 0 < len(some) < len(every)
    export = json.loads(ok(run(db, "export", "--min-confidence", str(sure))))
    assert {c["id"] for c in export["claims"]} == {c["id"] for c in some}
    assert all(0 <= c["confidence"] <= 1 for c in export["claims"])


def test_the_toll_of_an_attack_takes_the_attacks_date(extract):
    claims, _ = extract("The death toll from Monday's rebel bombing in Kunduz has climbed to 40, officials said.",
                        published="2024-03-14")
    by_type = {c.type: c.time.start for c in claims}
    assert by_type.get("ATTACK") == by_type.get("CASUALTY") == "2024-03-11"




def test_pirates_of_a_nationality_are_not_their_state_and_a_navy_acts_for_its_state(extract):
    claims, ents = extract("The Indian navy captured 14 Somali pirates off the coast of Oman on Friday.")
    casualty = next(c for c in claims if c.type == "CASUALTY")
    assert [ents[i].name for i in casualty.roles["target"]] == ["Somali pirates"]
    (actor,) = casualty.roles["actor"]
    assert ents[actor].name.lower() == "indian navy" and ents[actor].country == "IN"


def test_a_month_is_never_a_place(extract):
    claims, ents = extract("Algerian jets bombed the airfield captured by Malian troops on March 9, officials said.")
    assert all(ents[i].name != "March" for c in claims for i in c.roles["location"])


def test_the_region_that_locates_a_village_is_no_second_location(extract):
    claims, ents = extract("About 30 people were killed in Tell Abyad in Raqqa province on Monday.")
    casualty = next(c for c in claims if c.type == "CASUALTY")
    assert [ents[i].name for i in casualty.roles["location"]] == ["Tell Abyad"]



def test_a_hyphenated_number_word_is_part_of_its_word():
    from claimgraph.resolve.quantities import find_quantities

    (q,) = find_quantities("at least three one-way drones")
    assert (q.low, q.high) == (3, None)


# Trigger senses found wrong on real news: each sentence, the claim type, and whether a
# claim of that type must be there (the True rows keep each rule from saying too little).
SENSES = [
    ("Government troops captured the rebel outpost of Tessit on Monday.", "CASUALTY", False),
    ("Government troops captured 48 rebel fighters near Tessit on Monday.", "CASUALTY", True),
    ("Backers of the tariff plan rejected the farmers' worries about export prices.", "DENY", False),
    ("The ministry rejected reports that its warplanes had bombed the village.", "DENY", True),
    ("The governor attacked his rival Dana Whitlow in a series of late-night tweets on Friday.", "ATTACK", False),
    ("Gunmen attacked a police patrol near Kandahar on Friday, killing two officers.", "ATTACK", True),
    ("The mayor said she was glad to receive the endorsement of the dockworkers' union.", "TRANSFER", False),
    ("The rebels received 40 anti-tank missiles from a neighbouring state, officials said.", "TRANSFER", True),
    ("The Senate killed the bill on Tuesday.", "CASUALTY", False),
    ("Engineers worked to neutralise the effects of the spill near the port.", "CASUALTY", False),
    ("Gunmen killed three villagers near Kano on Tuesday.", "CASUALTY", True),
    ("The frigate turned back and launched its patrol helicopter.", "ATTACK", False),
    ("The militia launched two rockets at the base on Sunday.", "ATTACK", True),
    ("Police said the suspect was armed with a hunting rifle.", "TRANSFER", False),
    # attacks named by what they look like in news: taking a place, opening fire, a bomb going off,
    # armed people killing, fighting; and the same words when they mean something else
    ("Malian troops captured the rebel outpost of Tessit on Monday.", "ATTACK", True),
    ("Customs officers seized rifles and ammunition from a truck near Tessit.", "ATTACK", False),
    ("Pirates hijacked the tanker MV Orla off the coast of Somalia.", "ATTACK", True),
    ("Shares of the shipping firm sank in London trading on Monday.", "ATTACK", False),
    ("A gunman opened fire at a wedding party in Kano on Saturday.", "ATTACK", True),
    ("The new clinic opened its doors in Kano on Saturday.", "ATTACK", False),
    ("A car bomb exploded outside a police station in Kandahar on Friday.", "ATTACK", True),
    ("A gas cylinder exploded in a restaurant kitchen in Kandahar on Friday.", "ATTACK", False),
    ("Tuareg rebels killed 12 Malian soldiers near Kidal on Monday.", "ATTACK", True),
    ("The crash killed five Malian passengers near Kidal on Monday.", "ATTACK", False),
    ("The flood killed 30 villagers in Niger State last week.", "ATTACK", False),
    ("Heavy fighting between Sudanese army troops and RSF fighters raged in Khartoum on Sunday.", "ATTACK", True),
    ("A legal battle between two shipping firms continued in a court in Seoul.", "ATTACK", False),
    ("The officer was shot in the chest by a sniper in Avdiivka.", "ATTACK", True),
]


def test_a_toll_belongs_to_the_killing_even_when_the_killing_is_also_the_attack(extract):
    claims, _ = extract("Tuareg rebels struck a Malian army convoy near Kidal on Monday, killing at least three "
                        "soldiers.")
    attack = next(c for c in claims if c.type == "ATTACK")
    casualty = next(c for c in claims if c.type == "CASUALTY")
    assert [q.low for q in casualty.quantities] == [3] and not attack.quantities


def test_a_time_inside_the_attack_phrase_dates_the_attack(extract):
    claims, _ = extract("Warplanes killed 40 people in raids on villages near Kidal last Monday, officials said.")
    assert {c.time.start for c in claims if c.type in {"ATTACK", "CASUALTY"}} == {"2024-03-11"}


def test_a_deal_is_dated_by_its_signing_not_a_remark_about_it(extract):
    """"Under the arms deal signed last year": the deal's date; "the raid condemned on Monday"
    is condemned then, not raided."""
    claims, _ = extract("Under the arms deal signed last year, Ruritania has agreed to buy 48 fighter jets "
                        "from Osterland.")
    assert {(c.time.start, c.time.end) for c in claims if c.type == "TRANSFER"} == {("2023-01-01", "2023-12-31")}
    claims, _ = extract("The raid condemned on Monday by the United Nations killed nine people in Kessel.")
    assert all(c.time.start != "2024-03-11" for c in claims if c.type == "ATTACK")


@pytest.mark.parametrize("text, ctype, present", SENSES)
def test_trigger_senses(extract, text, ctype, present):
    claims, _ = extract(text)
    assert any(c.type == ctype for c in claims) is present


def test_fighting_between_two_sides_has_both_as_actors(extract):
    claims, ents = extract("Heavy fighting between Sudanese army troops and RSF fighters raged in Khartoum on Sunday.")
    attack = next(c for c in claims if c.type == "ATTACK")
    actors, targets = ({ents[i].name for i in attack.roles[r]} for r in ("actor", "target"))
    assert len(actors) == 2 and not targets


@pytest.mark.parametrize("text, present", [
    ("Boeing struck a deal with Airbus in Paris on Monday.", False),
    ("The film crew shot a video in Detroit on Monday.", False),
    ("Russian missiles struck Kharkiv on Monday.", True),
])
def test_an_object_that_is_no_target_makes_no_attack(extract, text, present):
    claims, _ = extract(text)
    assert any(c.type == "ATTACK" for c in claims) is present


def test_a_person_described_by_a_city_is_the_target_not_the_city(extract):
    claims, ents = extract("A Denver man was attacked at a staff party on Friday.")
    attack = next(c for c in claims if c.type == "ATTACK")
    assert not attack.roles["target"] and [ents[i].name for i in attack.roles["location"]] == ["Denver"]


def test_an_institution_where_a_bomb_went_off_is_the_place(extract):
    claims, ents = extract("An explosion at the National Defence University killed two cadets on Tuesday.")
    casualty = next(c for c in claims if c.type == "CASUALTY")
    assert [ents[i].name for i in casualty.roles["location"]] == ["National Defence University"]


def test_police_said_stays_the_police_when_a_constable_is_quoted_elsewhere(extract):
    claims, ents = extract("A gunman opened fire at a warehouse in Leeds on Sunday, killing two workers, "
                           "police said.\n\nLeeds police Sergeant Anna Kerr said a man was in custody.")
    attack = next(c for c in claims if c.type == "ATTACK")
    assert ents[attack.source].name.lower() == "police"


def test_the_place_a_leader_left_is_no_participant_of_the_talks(extract):
    claims, ents = extract("Johnson left Lisbon on Tuesday morning after talks with President Maria Rand.")
    meet = next(c for c in claims if c.type == "MEET")
    assert {ents[i].name for i in meet.roles["actor"]} == {"Johnson", "Maria Rand"}


def test_who_shot_in_a_relative_clause_is_the_shooter_with_its_own_time(extract):
    claims, ents = extract("Deputy Carla Minsky, who shot 27-year-old Darnell Reyes dead outside a Fresno bar "
                           "last week, was indicted for murder on Friday.", published="2016-09-23")
    attack = next(c for c in claims if c.type == "ATTACK")
    assert [ents[i].name for i in attack.roles["actor"]] == ["Carla Minsky"]
    assert [ents[i].name for i in attack.roles["target"]] == ["Darnell Reyes"]
    assert len([c for c in claims if c.type == "ATTACK"]) == 1 and attack.time.text == "last week"


@pytest.mark.parametrize("text, ctype, target", [
    ("The mayor criticized Deputy Carla Minsky for the shooting.", "CONDEMN", "Carla Minsky"),
    ("The foreign minister accused Russia of shelling the city.", "ACCUSE", "Russia"),
    ("Putin threatened Ukraine with new strikes.", "THREATEN", "Ukraine"),
])
def test_who_is_accused_condemned_or_threatened_is_the_target(extract, text, ctype, target):
    claims, ents = extract(text)
    act = next(c for c in claims if c.type == ctype)
    assert [ents[i].name for i in act.roles["target"]] == [target]


def test_bare_troops_are_the_side_the_article_named_them_for(extract):
    claims, ents = extract("Malian troops stormed the rebel camp at Tessit on Sunday.\n\n"
                           "Troops killed 312 fighters while driving off a column of some 900 men.")
    casualty = next(c for c in claims if c.type == "CASUALTY")
    assert [ents[i].name for i in casualty.roles["actor"]] == ["Mali"]


def test_bare_troops_of_two_named_sides_stay_unnamed(extract):
    claims, ents = extract("Malian troops stormed the rebel camp at Tessit on Sunday. Algerian troops moved north.\n\n"
                           "Troops killed 40 soldiers near the border on Monday.")
    casualty = next(c for c in claims if c.type == "CASUALTY" and "40" in c.text)
    assert not casualty.roles["actor"]


def test_a_24_hour_clock_is_no_year_and_no_place(extract):
    claims, ents = extract("A device blew up beside a naval canteen in Kiel at 11.45 P.M. (2245 GMT).",
                           published="1987-03-24")
    attack = next(c for c in claims if c.type == "ATTACK")
    assert attack.time.start is None or attack.time.start.startswith("1987")
    assert "GMT" not in {ents[i].name for ids in attack.roles.values() for i in ids}


def test_the_narrower_of_two_times_dates_the_claim(extract):
    claims, _ = extract("Attack helicopters struck militia posts near Tyre today in the third such raid this year.",
                        published="1987-04-09")
    assert {c.time.start for c in claims if c.type == "ATTACK"} == {"1987-04-09"}


def test_a_relative_clause_hung_on_a_date_is_dated_by_it(extract):
    claims, _ = extract("No day had been deadlier since February 9, when Malian troops stormed the camp at Tessit.",
                        published="1987-03-20")
    assert next(c for c in claims if c.type == "ATTACK").time.start == "1987-02-09"


@pytest.mark.parametrize("text", [
    "Senator Dale Hutton attacked the former beauty queen Rosa Villalba in a string of posts on Sunday.",
    "Frank Miller named Rosa Villalba in a tweet. Jennifer Walsh called on Miller to stop attacking Villalba.",
])
def test_one_named_person_attacking_another_is_a_war_of_words(extract, text):
    claims, ents = extract(text)
    assert not [c for c in claims if c.type == "ATTACK"]
    assert not [e for e in ents.values() if e.name == "Villalba" and e.type != "PERSON"]


def test_a_named_attacker_who_wounds_is_still_an_attack(extract):
    claims, _ = extract("Anders Berg attacked Mayor John Smith outside his office in Kano, wounding him.")
    assert [c for c in claims if c.type == "ATTACK"]


@pytest.mark.parametrize("text, present", [
    ("Opposition leaders say the ministry lacks any plan to prevent bomb attacks in Kenya.", False),
    ("The Indian navy foiled an attack by Somali pirates on a tanker in the Gulf of Aden.", True),
])
def test_a_kind_of_attack_to_be_prevented_is_no_attack(extract, text, present):
    claims, _ = extract(text)
    assert any(c.type == "ATTACK" for c in claims) is present


@pytest.mark.parametrize("text, present", [
    ("A sacked worker opened fire at a staff picnic on Sunday, killing two people, police said.", True),
    ("The storm hit the coast on Friday, killing three people.", False),
])
def test_an_attack_is_counted_by_its_toll_but_a_storm_attacks_nobody(extract, text, present):
    claims, _ = extract(text, published="2012-12-15")
    assert any(c.type == "ATTACK" for c in claims) is present
    assert any(c.type == "CASUALTY" for c in claims)


def test_an_office_christmas_party_dates_nothing(extract):
    claims, _ = extract("A gunman shot at guests of a staff Christmas dinner in Leeds on Friday, killing one woman.",
                        published="2012-12-15")
    assert {c.time.start for c in claims if c.type in {"ATTACK", "CASUALTY"}} == {"2012-12-14"}


def test_a_city_that_describes_the_victims_is_not_their_side(extract):
    claims, ents = extract("Two Denver residents were killed by a drunk driver on Friday.")
    casualty = next(c for c in claims if c.type == "CASUALTY")
    assert "Denver" not in {ents[i].name for i in casualty.roles["target"]}


@pytest.mark.parametrize("text, speaker, place", [
    ("Police say the gunman attacked officers in Kano on Friday.", "police", False),  # whatever came first
    ("Moscow says Ukrainian drones struck a fuel depot in Bryansk on Friday.", "Moscow", True),
])
def test_a_speaker_is_a_town_only_when_a_capital_or_big_city_speaks(extract, text, speaker, place):
    claims, ents = extract(text)
    attack = next(c for c in claims if c.type == "ATTACK")
    source = ents[attack.source]
    assert source.name == speaker and (source.lat is not None) is place


def _role_names(claim, ents, role):
    return {ents[i].name for i in claim.roles[role]}


def _role_aliases(claim, ents, role):
    return {a.lower() for i in claim.roles[role] for a in [ents[i].name, *ents[i].aliases]}


@pytest.mark.parametrize("text, role, name", [
    # a thing hit without a name, as the article describes it
    ("A frigate sank a Greek cargo trawler off the coast on Monday.", "target", "trawler"),
    ("Insurgents blew up an oil pipeline near Kirkuk on Monday.", "target", "pipeline"),
    ("The bombing of a power pylon cut electricity to the port on Monday.", "target", "pylon"),
    ("The airstrike destroyed a bridge over the river on Monday.", "target", "bridge"),
    # an organisation's site that was hit is the organisation hit
    ("Jets struck the Hezbollah headquarters in Beirut on Monday.", "target", "hezbollah"),
    # armed people named by what they are
    ("Suspected Maoist rebels ambushed a police convoy in Chhattisgarh on Monday.", "actor", "maoist rebels"),
    ("Guerrillas attacked an army outpost near the border on Monday.", "actor", "guerrillas"),
    ("Somali pirates hijacked a cargo ship in the Gulf of Aden on Monday.", "actor", "somali pirates"),
    # ... named before the attack, or after the planes
    ("A wave of rebel raids on the railway worried officials on Monday.", "actor", "rebels"),
    ("Officials counted a dozen militant attacks in the province last month.", "actor", "militants"),
    ("Planes from Eritrea bombed two villages near the border on Monday.", "actor", "eritrea"),
])
def test_attack_roles_as_the_article_names_them(extract, text, role, name):
    claims, ents = extract(text)
    attack = next(c for c in claims if c.type == "ATTACK")
    assert name in _role_aliases(attack, ents, role)


def test_a_nationality_describes_a_vessel_it_is_not_the_target(extract):
    claims, ents = extract("A frigate sank a Greek cargo trawler off the coast on Monday.")
    attack = next(c for c in claims if c.type == "ATTACK")
    assert _role_names(attack, ents, "target") == {"Greek cargo trawler"}
    assert "Greece" not in _role_names(attack, ents, "location")


def test_a_bomb_going_off_at_a_base_hits_the_base(extract):
    claims, ents = extract("A truck bomb exploded at the divisional headquarters of the Nigerian Army in Maiduguri "
                           "on Monday.")
    attack = next(c for c in claims if c.type == "ATTACK")
    assert _role_names(attack, ents, "target") and "Maiduguri" in _role_names(attack, ents, "location")
    assert "Maiduguri" not in _role_names(attack, ents, "target")


def test_what_a_strike_costs_is_not_its_target(extract):
    claims, ents = extract("The repeated bombings of the pipeline cost Iraq millions of dollars.")
    attack = next(c for c in claims if c.type == "ATTACK")
    assert _role_names(attack, ents, "target") and "Iraq" not in _role_names(attack, ents, "target")


def test_a_lone_unnamed_gunman_fills_no_role(extract):
    claims, ents = extract("A gunman opened fire at a shopping mall in Omaha on Monday, police said.")
    attack = next(c for c in claims if c.type == "ATTACK")
    assert not attack.roles["actor"]


def test_a_state_after_its_town_is_no_second_location(extract):
    claims, ents = extract("A gunman shot three people at a mall in Tacoma, Washington, on Monday.")
    attack = next(c for c in claims if c.type == "ATTACK")
    assert _role_names(attack, ents, "location") == {"Tacoma"}


@pytest.mark.parametrize("text, present", [
    ("Marines boarded the dhow on Monday and apprehended nine pirates.", True),
    ("The navy nabbed 14 smugglers off the coast on Monday.", True),
    ("Customs officers apprehended a shipment of rifles on Monday.", False),
])
def test_armed_forces_apprehending_people_is_a_casualty_but_not_seizing_goods(extract, text, present):
    claims, _ = extract(text)
    assert any(c.type == "CASUALTY" for c in claims) is present


def test_a_happening_is_never_a_source(extract):
    claims, ents = extract("When Friday's violence had concluded, a cashier had been shot dead and three shoppers "
                           "were wounded.")
    assert all(c.source is None for c in claims if c.type in {"ATTACK", "CASUALTY"})


def test_a_government_in_a_capital_speaks_as_that_government(extract):
    claims, ents = extract("The government in Tehran has denied any role in the attack on the tanker.")
    deny = next(c for c in claims if c.type == "DENY")
    assert [ents[i].name for i in deny.roles["actor"]] == ["government in Tehran"]


def test_a_surname_joins_the_full_name_with_a_generation_mark(extract):
    claims, ents = extract("The suspect is Daniel Okafor III, a former employee. Police said Okafor shot two "
                           "managers at the warehouse on Monday.")
    attack = next(c for c in claims if c.type == "ATTACK")
    assert {ents[i].name for i in attack.roles["actor"]} == {"Daniel Okafor III"}


@pytest.mark.parametrize("text, place", [
    ("Officials said little after the 2015 Nairobi attack.", "Nairobi"),
    ("Officials said little after the Mosul bombing last year.", "Mosul"),
])
def test_a_city_named_before_an_attack_is_where_it_happened_not_who_did_it(extract, text, place):
    claims, ents = extract(text)
    attack = next(c for c in claims if c.type == "ATTACK")
    assert _role_names(attack, ents, "location") == {place} and not attack.roles["actor"]


@pytest.mark.parametrize("text, present", [
    ("The former senator Maria Lund died in 2019.", False),
    ("The former senator Maria Lund died of gunshot wounds in 2019.", True),
])
def test_a_named_person_who_died_is_a_casualty_only_of_violence(extract, text, present):
    claims, _ = extract(text)
    assert any(c.type == "CASUALTY" for c in claims) is present


@pytest.mark.parametrize("text, attacks", [
    ("Three hours after the shooting, police stopped a van near the bridge.", 0),
    ("He stayed up through the night during the raid on the consulate in Tunis.", 1),
])
def test_a_bare_back_reference_that_dates_something_else_is_no_new_attack(extract, text, attacks):
    claims, _ = extract(text)
    assert sum(c.type == "ATTACK" for c in claims) == attacks


@pytest.mark.slow
def test_undated_reports_ingested_apart_join_one_event_on_two_named_people(tmp_path):
    import json

    from test_cli import ok, run

    first, second = tmp_path / "first.txt", tmp_path / "second.txt"
    first.write_text("Warehouse shooting\n\nPolice said Daniel Okafor shot Maria Lund at the warehouse.\n",
                     encoding="utf-8")
    second.write_text("Suspect charged\n\nDaniel Okafor shot Maria Lund with a rifle, the prosecutor said.\n",
                      encoding="utf-8")
    db = tmp_path / "c.db"
    ok(run(db, "ingest", str(first)))
    ok(run(db, "ingest", str(second)))
    export = json.loads(ok(run(db, "export", "--min-confidence", "0")))
    docs = {d["id"]: d for d in export["documents"]}
    assert all(d.get("published") is None for d in docs.values())
    doc_of = {c["id"]: c["document_id"] for c in export["claims"]}
    spans = [{doc_of[c] for c in e["claim_ids"]} for e in export["events"] if e["type"] == "ATTACK"]
    assert len(docs) in {len(s) for s in spans}


def test_a_named_site_that_was_bombed_is_also_where_its_toll_happened(extract):
    claims, ents = extract("Insurgents bombed the Kabul Military Academy and wounded 14 cadets on Monday.")
    attack = next(c for c in claims if c.type == "ATTACK")
    casualty = next(c for c in claims if c.type == "CASUALTY")
    assert _role_names(attack, ents, "location") == _role_names(casualty, ents, "location") == {"Kabul Military Academy"}


@pytest.mark.parametrize("text, place", [
    ("Troops captured the air base of Wadi Sayyidna on Monday.", "Wadi Sayyidna"),
    ("Troops killed 40 fighters in the battle for the airport of Kassala.", "Kassala"),
])
def test_the_place_a_site_is_of_is_where_it_happened(extract, text, place):
    claims, ents = extract(text)
    assert any(place in _role_names(c, ents, "location") for c in claims if c.type in {"ATTACK", "CASUALTY"})


@pytest.mark.parametrize("text, victim", [
    ("The senator spoke on Monday about the death of Amir Haddad in Basra.", "Amir Haddad"),
    ("The senator spoke on Monday about Amir Haddad's death in Basra.", "Amir Haddad"),
    ("The guard, Amir Haddad, was shot dead in Basra on Monday.", "Amir Haddad"),
])
def test_who_died_is_who_the_death_is_of_not_who_spoke_about_it(extract, text, victim):
    claims, ents = extract(text)
    casualty = next(c for c in claims if c.type == "CASUALTY")
    assert _role_names(casualty, ents, "target") == {victim}
    assert not casualty.roles["actor"]


def test_injuries_and_chaos_are_not_victims(extract):
    claims, ents = extract("Twelve officers were wounded and 30 others suffered minor injuries on Monday.")
    named = {n for c in claims if c.type == "CASUALTY" for n in _role_aliases(c, ents, "target")}
    assert "injury" not in named and "injuries" not in named


@pytest.mark.parametrize("text, subject", [
    ("Three hundred extra police officers were assigned to the marathon course on Sunday.", "officer"),
    ("Police and soldiers deployed at bus stations on Monday to stop attacks on buses.", "soldier"),
])
def test_forces_assigned_or_deployed_are_a_deployment(extract, text, subject):
    claims, ents = extract(text)
    deploy = next(c for c in claims if c.type == "DEPLOY")
    assert subject in _role_names(deploy, ents, "subject")


@pytest.mark.parametrize("text, place", [
    ("A dismissed clerk burst into the staff dinner in Leeds, killing the owner of the firm.", "Leeds"),
    ("Gunmen ambushed a fuel convoy near the Strait of Hormuz on Monday, killing eleven drivers.", "Strait of Hormuz"),
    ("Seven diners were killed at Zafir, a popular Mosul restaurant, on Friday.", "Mosul"),
    ("Two pupils were shot dead at a Nebraska high school on Monday.", "Nebraska"),
])
def test_a_toll_happens_where_its_clause_or_its_site_is(extract, text, place):
    claims, ents = extract(text)
    casualty = next(c for c in claims if c.type == "CASUALTY")
    assert place in _role_names(casualty, ents, "location")


def test_the_country_after_a_named_base_only_says_where_the_base_is(extract):
    claims, ents = extract("Government troops killed 40 rebels in fighting near the air base of Kouba Olanga "
                           "in northern Chad, the army said.")
    for claim in (c for c in claims if c.type in {"ATTACK", "CASUALTY"}):
        assert "Chad" not in _role_names(claim, ents, "location")


@pytest.mark.parametrize("text, doer", [
    ("Police said Omar Tillis is accused of fatally shooting a shop owner in Dayton.", "Omar Tillis"),
    ("The mayor criticized Officer Dana Pruitt for shooting an unarmed teenager in Dayton.", "Dana Pruitt"),
    ("Karl Vance was charged with killing his neighbour in Dayton last week.", "Karl Vance"),
    ("Karl Vance was charged on Monday with the stabbing of Dana Pruitt in Dayton.", "Karl Vance"),
    ("Police arrested Karl Vance for the shooting of a teenager in Dayton.", "Karl Vance"),
    ("Karl Vance, suspected of the stabbing of a woman in Dayton, was arrested.", "Karl Vance"),
    ("Police charged Karl Vance with carrying out the bombing of a mosque in Dayton.", "Karl Vance"),
])
def test_whoever_is_charged_with_a_deed_did_it(extract, text, doer):
    claims, ents = extract(text)
    deed = next(c for c in claims if c.type in {"ATTACK", "CASUALTY"})
    assert _role_names(deed, ents, "actor") == {doer}


def test_the_name_of_a_charge_tells_no_deed(extract):
    claims, ents = extract("Karl Vance was arrested in Dayton on suspicion of attempted murder.")
    assert not [c for c in claims if c.type in {"ATTACK", "CASUALTY"}]


def test_one_accused_in_the_passive_is_the_target_not_the_accuser(extract):
    claims, ents = extract("Omar Tillis is accused of shooting a shop owner in Dayton.")
    accuse = next(c for c in claims if c.type == "ACCUSE")
    assert "Omar Tillis" not in _role_names(accuse, ents, "actor")


def test_the_agent_of_another_verb_did_not_attack(extract):
    claims, ents = extract("The air strike on the market in Idlib was condemned by the Arab League.")
    for attack in (c for c in claims if c.type == "ATTACK"):
        assert "Arab League" not in _role_names(attack, ents, "actor")


def test_who_repelled_an_attack_is_not_its_attacker(extract):
    claims, ents = extract("A Danish frigate repelled an attack on a cargo ship in the Red Sea and captured "
                           "nine Somali pirates.")
    attack = next(c for c in claims if c.type == "ATTACK")
    assert "Denmark" not in _role_names(attack, ents, "actor")
    assert "Somali pirates" in _role_names(attack, ents, "actor")


def test_the_people_warned_are_the_recipients(extract):
    claims, ents = extract("The interior ministry warned local election officials to tighten security.")
    notify = next(c for c in claims if c.type == "NOTIFY")
    assert _role_names(notify, ents, "recipient")


@pytest.mark.parametrize("text, warned", [
    ("The United States and Britain served notice that they would block any vote on the embargo.", True),
    ("The company said the plant would stay closed until further notice.", False),
    ("He still faces two counts of burglary (habitual offender notice).", False),
    ("The army and navy are in a state of alert, the general said.", False),
])
def test_a_notice_warns_only_when_served_and_a_state_of_alert_is_readiness(extract, text, warned):
    assert any(c.type == "NOTIFY" for c in extract(text)[0]) is warned


def test_days_joined_by_and_are_one_stretch_not_two_attacks(extract):
    claims, _ = extract("Jets from across the border bombed two Kurdish villages last Tuesday and Wednesday.",
                        published="2024-03-14")
    attacks = [c for c in claims if c.type == "ATTACK"]
    assert [(c.time.start, c.time.end) for c in attacks] == [("2024-03-12", "2024-03-13")]


def test_months_a_year_apart_stay_two_happenings(extract):
    claims, _ = extract("Suicide bombers attacked the capital in May 2019 and May 2020.", published="2024-03-14")
    assert len([c for c in claims if c.type == "ATTACK"]) == 2


def test_last_night_is_the_evening_before(extract):
    claims, _ = extract("A car bomb exploded outside the barracks in Kirkuk last night.", published="2024-03-14")
    attack = next(c for c in claims if c.type == "ATTACK")
    assert (attack.time.start, attack.time.end) == ("2024-03-13", "2024-03-13")


def test_an_ordinal_that_counts_attacks_is_no_date(extract):
    claims, _ = extract("Officials said the dawn bombing of the Kirkuk pipeline was the 12th in two months.",
                        published="2024-03-14")
    attack = next(c for c in claims if c.type == "ATTACK")
    assert attack.time.start != "2024-03-12"


def test_wire_paragraphs_of_a_sentence_each_pass_the_date_on(extract):
    text = ("Rebels shelled the garrison at Kidal yesterday, the army said.\n\n"
            "Fourteen soldiers were killed in the shelling, it said.")
    claims, _ = extract(text, published="2024-03-14")
    casualty = next(c for c in claims if c.type == "CASUALTY")
    assert casualty.time.start == "2024-03-13"


def test_a_tally_of_the_year_does_not_date_the_next_paragraphs_shooting(extract):
    text = ("Police have shot and killed 700 people so far this year, a tally found.\n\n"
            "A police shooting in Dayton killed a teenager, officials said.")
    claims, _ = extract(text, published="2024-09-14")
    last = [c for c in claims if c.type in {"ATTACK", "CASUALTY"} and "Dayton" in c.text]
    assert last and all(c.time.start is None for c in last)


@pytest.mark.parametrize("text, issuer", [
    ("Troops killed 40 rebels near Gao, a Malian government statement said.", "Malian Government"),
    ("Gunmen killed six guards at the depot, a Hamas statement said.", "Hamas"),
])
def test_the_body_named_before_a_statement_issued_it(extract, text, issuer):
    claims, ents = extract(text)
    casualty = next(c for c in claims if c.type == "CASUALTY")
    assert casualty.source is not None and ents[casualty.source].name.lower() == issuer.lower()


def test_quoting_sources_makes_them_the_source_and_the_quoter_the_relay(extract):
    text = ("Quoting police sources, the agency reported that a bomb exploded near the barracks in Kandahar.\n\n"
            "The bomb went off during a parade, it added.")
    claims, ents = extract(text)
    first, second = [c for c in claims if c.type == "ATTACK"][:2]
    assert ents[first.source].name == "police sources"
    assert [ents[v].name.lower() for v in first.via] == ["agency"]
    assert ents[second.source].name.lower() == "agency"


@pytest.mark.parametrize("text", [
    "Al Arabiya reported, quoting a rebel commander, that the convoy had been hit by two rockets.",
    "The channel reported, quoting a rebel commander, that the convoy had been hit by two rockets.",
    "The agency reported, citing a military source, that a convoy had been hit by two rockets near Kherson.",
])
def test_a_quoting_aside_after_the_reporting_verb_names_the_source_whatever_the_parse(extract, text):
    claims, ents = extract(text)
    attack = next(c for c in claims if c.type == "ATTACK")
    assert ents[attack.source].name.lower() in {"rebel commander", "military source"}
    assert [ents[v].name.lower() for v in attack.via] in (["al arabiya"], ["agency"], ["channel"])


def test_a_happening_named_only_as_the_time_or_topic_of_a_remark_is_not_the_speakers_claim(extract):
    claims, _ = extract("The senator said she still grieves every time she thinks about the nine pupils who "
                        "were killed in the shooting at a school in Dayton.")
    casualty = next(c for c in claims if c.type == "CASUALTY")
    assert casualty.source is None and casualty.modality == "fact"


def test_what_the_speaker_says_happened_stays_the_speakers(extract):
    claims, ents = extract("The senator said nine pupils were killed at a school in Dayton on Monday.")
    casualty = next(c for c in claims if c.type == "CASUALTY")
    assert casualty.source is not None and casualty.modality == "reported"


@pytest.mark.parametrize("text, victim", [
    ("Mark Oduya was shot in the leg outside the bank in Dayton on Friday.", "Mark Oduya"),
    ("The guard, Lena Hart, was hit in her abdomen by a stray round in Dayton.", "Lena Hart"),
])
def test_hit_in_the_body_is_a_wounding_too(extract, text, victim):
    claims, ents = extract(text)
    casualty = next(c for c in claims if c.type == "CASUALTY")
    assert victim in _role_names(casualty, ents, "target")


def test_a_building_hit_on_its_side_wounds_nobody(extract):
    claims, _ = extract("The missile hit the depot on its eastern side near Kherson on Monday.")
    assert not [c for c in claims if c.type == "CASUALTY"]


def test_a_surname_that_is_also_a_town_is_still_the_person(extract):
    claims, ents = extract("Henry Verona, 52, was wounded in Dayton. The gunman then fired twice at Verona, "
                           "who was hit in the shoulder.")
    for claim in (c for c in claims if c.type in {"ATTACK", "CASUALTY"}):
        assert all(ents[i].type not in {"GPE", "LOC"} or ents[i].name == "Dayton" for i in claim.roles["target"])
        assert "Henry Verona" not in _role_names(claim, ents, "location")


@pytest.mark.parametrize("text", [
    "An Ohio mall shooting killed three people on Sunday.",
    "The Nebraska school shooting killed two pupils on Monday.",
])
def test_a_state_named_before_a_shooting_is_where_not_who(extract, text):
    claims, ents = extract(text)
    family = [c for c in claims if c.type in {"ATTACK", "CASUALTY"}]
    assert family and all(not c.roles["actor"] for c in family)
    assert any(c.roles["location"] for c in family)


@pytest.mark.parametrize("text, polarity", [
    ("Moldova has denied any role in the bombing of the rail depot.", "denied"),
    ("Moldova admitted a part in the bombing of the rail depot.", "asserted"),
])
def test_who_denies_or_admits_a_role_in_an_attack_is_its_actor(extract, text, polarity):
    claims, ents = extract(text)
    (attack,) = [c for c in claims if c.type == "ATTACK"]
    assert [ents[a].name for a in attack.roles["actor"]] == ["Moldova"]
    assert attack.polarity == polarity


def test_whoever_questions_a_role_in_an_attack_is_not_its_actor(extract):
    claims, _ = extract("Prosecutors questioned any role in the bombing of the rail depot.")
    assert not [c for c in claims if c.type == "ATTACK" and c.roles["actor"]]


def test_the_government_in_a_capital_denies_for_its_state(extract):
    from claimgraph.link.compare import Entities

    claims, ents = extract("The government in Kyiv denied any part in the drone attack on the refinery.")
    (attack,) = [c for c in claims if c.type == "ATTACK"]
    assert attack.polarity == "denied"
    assert [Entities(ents).canon(a) for a in attack.roles["actor"]] == ["gpe:ukraine"]


def test_a_title_the_tagger_reads_into_the_name_is_no_endless_loop(extract):
    # "Detectives Tom Hale" tagged as one name whose title ("Chief of ...") points back into it
    claims, ents = extract("Two men were arrested Friday, charged with killing Oren Vale last summer, "
                           "said Chief of Detectives Tom Hale.")
    (killing, *_) = [c for c in claims if c.type == "CASUALTY"]
    assert "Tom Hale" in ents[killing.source].name


@pytest.mark.parametrize("text, ctype", [
    ("The autopsy did not establish the order in which the bullets struck Mr. Vane.", "ATTACK"),
    ("A family friend, Tom Reyes, said he was not surprised that Mr. Vane had been shot so many times.", "ATTACK"),
    ("He said it was a .32-caliber revolver, not a .45-caliber handgun like the one that killed the girl.",
     "CASUALTY"),
    ("Officials later said the deputy's injuries were not from gunfire.", "CASUALTY"),
])
def test_a_negation_above_the_clause_of_the_happening_denies_nothing(extract, text, ctype):
    claims, _ = extract(text)
    assert [c.polarity for c in claims if c.type == ctype] == ["asserted"]


@pytest.mark.parametrize("text", ["Rebels did not attack the convoy, the army said.",
                                  "The army said rebels had not carried out an attack on the convoy."])
def test_a_negation_on_the_happening_itself_still_denies_it(extract, text):
    claims, _ = extract(text)
    assert [c.polarity for c in claims if c.type == "ATTACK"] == ["denied"]


def test_an_age_beside_a_name_is_no_toll(extract):
    claims, _ = extract("Mara Quist, 34, was killed on Friday while walking near an intersection in Dunmore.")
    assert [q.text for c in claims for q in c.quantities] == []


def test_not_meaning_to_shoot_is_no_denial_of_the_shooting(extract):
    claims, _ = extract("Lopez told police that he did not mean to shoot the women.")
    assert "denied" not in [c.polarity for c in claims if c.type == "ATTACK"]


@pytest.mark.parametrize("text", ["Officials said no one was injured in the blast at the depot.",
                                  "No soldiers were wounded in the blast at the depot, the ministry said."])
def test_no_one_hurt_is_a_denied_casualty(extract, text):
    claims, _ = extract(text)
    assert [c.polarity for c in claims if c.type == "CASUALTY"] == ["denied"]


def test_a_when_clause_dates_the_clause_it_hangs_on(extract):
    claims, _ = extract("When Monday's shooting had ended, the guard, Omar Tillis, was dead.", published="2024-03-14")
    casualty = next(c for c in claims if c.type == "CASUALTY")
    assert casualty.time.start == "2024-03-11"


@pytest.mark.parametrize("text", [
    "The governor told a news conference in Odesa that the port would reopen.",
    "At her town hall-style meeting held in Dnipro, the mayor assured voters the bridge was safe.",
    "After the hearing, relatives of the sailors gathered for a press conference in Varna.",
])
def test_a_gathering_with_an_audience_is_no_meeting_of_parties(extract, text):
    claims, _ = extract(text)
    assert not [c for c in claims if c.type == "MEET"]


def test_talks_between_leaders_are_still_a_meeting(extract):
    claims, ents = extract("President Macron held talks with Chancellor Scholz in Berlin on Tuesday.")
    meets = [c for c in claims if c.type == "MEET"]
    assert meets and "Berlin" in {ents[i].name for i in meets[0].roles["location"]}


@pytest.mark.parametrize("text", ["The moment the driver hit the gas, the crowd scattered, a witness said.",
                                  "He hit the brakes before the checkpoint, police said."])
def test_hitting_the_gas_or_the_brakes_attacks_nothing(extract, text):
    claims, _ = extract(text)
    assert not [c for c in claims if c.type == "ATTACK"]


def test_a_trade_in_general_is_no_transfer(extract):
    claims, _ = extract("The senator said tighter limits on gun sales were long overdue.")
    assert not [c for c in claims if c.type == "TRANSFER"]


@pytest.mark.parametrize("text, transferred", [
    ("The coalition conducted more than 300 strikes delivering more than 850 munitions near Raqqa.", False),
    ("Bergmann said he had received offers for the rifle after the trial.", False),
    ("Ruritania delivered 20 tanks and 850 munitions to Kessel in May.", True),
])
def test_strikes_deliver_their_weapons_and_offers_hand_over_nothing(extract, text, transferred):
    assert any(c.type == "TRANSFER" for c in extract(text)[0]) is transferred


def test_a_sale_between_parties_is_still_a_transfer(extract):
    claims, _ = extract("Belarus sold 40 tanks to Serbia last year, the ministry said.")
    assert [c for c in claims if c.type == "TRANSFER"]


def test_a_past_tense_the_tagger_reads_as_a_base_form_still_triggers(extract):
    claims, _ = extract("A man who had quit his post came in, shot and killed a cashier, officers said.")
    assert {c.type for c in claims} >= {"ATTACK", "CASUALTY"}


def test_a_wound_stays_a_wound_and_is_never_wind(pipeline):
    doc = pipeline.nlp("Snipers could wound dozens of soldiers, the colonel said.")
    assert [t.lemma_ for t in doc if t.lower_ == "wound"] == ["wound"]


def test_an_attack_counted_by_the_victims_it_names_is_a_claim(extract):
    claims, _ = extract("Police say a former employee opened fire at the depot, killing one guard.")
    assert {c.type for c in claims} >= {"ATTACK", "CASUALTY"}


def test_a_quantity_in_units_is_no_captive(extract):
    claims, _ = extract("Rebels captured 40 tons of fuel near the depot, the army said.")
    assert not [c for c in claims if c.type == "CASUALTY"]


def test_a_place_opening_the_sentence_locates_the_reported_shooting(extract):
    claims, ents = extract("In Lviv on Tuesday, officers say, a man shot and killed a guard at a pharmacy.")
    attack = next(c for c in claims if c.type == "ATTACK")
    assert {ents[i].name for i in attack.roles["location"]} == {"Lviv"}


def test_a_place_after_the_speaker_stays_where_they_spoke(extract):
    claims, ents = extract("Police told reporters in Lviv that a man shot a guard in Brody on Tuesday.")
    attack = next(c for c in claims if c.type == "ATTACK")
    assert "Lviv" not in {ents[i].name for i in attack.roles["location"]}


def test_a_named_campus_locates_the_shooting(extract):
    claims, ents = extract("On the Kharkiv campus of the polytechnic on Monday, a gunman killed two students.")
    attack = next(c for c in claims if c.type == "ATTACK")
    assert {ents[i].name for i in attack.roles["location"]} == {"Kharkiv"}


def test_a_victim_named_by_relation_is_a_casualty_but_no_role_filler(extract):
    claims, ents = extract("A gunman killed his ex-girlfriend at the clinic in Lutsk on Monday.")
    casualty = next(c for c in claims if c.type == "CASUALTY")
    assert not casualty.roles["target"]


@pytest.mark.parametrize("text", ["The sister of a teenager fatally shot by police addressed a vigil in Kherson.",
                                  "Officials announced an arrest in the fatal shooting of a volunteer in Sumy."])
def test_a_fatal_shooting_is_an_attack_and_a_casualty(extract, text):
    claims, _ = extract(text)
    assert {c.type for c in claims} >= {"ATTACK", "CASUALTY"}


def test_shots_fired_inside_a_building_are_an_attack(extract):
    claims, _ = extract("Callers reported shots fired inside the Regional Centre in Poltava.")
    assert [c for c in claims if c.type == "ATTACK"]


def test_taking_a_shot_at_a_rival_is_no_attack(extract):
    claims, _ = extract("The senator took a shot at the president in a speech in Ohio.")
    assert not [c for c in claims if c.type == "ATTACK"]


def test_warships_heading_for_a_sea_are_deployed(extract):
    claims, _ = extract("A survey vessel with a naval escort of two warships headed for the Black Sea, officials said.")
    assert [c for c in claims if c.type == "DEPLOY"]


@pytest.mark.parametrize("text", ["The minister went to Brussels for talks on Monday.",
                                  "Oil prices headed higher on Monday in London."])
def test_going_or_heading_somewhere_deploys_no_one_but_forces(extract, text):
    claims, _ = extract(text)
    assert not [c for c in claims if c.type == "DEPLOY"]


@pytest.mark.parametrize("text", ["Ukrainian marines were engaged in fierce fighting with Russian troops near Krynky.",
                                  "Two Malian battalions took part in the raid on the airstrip near Kidal."])
def test_who_engages_or_takes_part_in_fighting_is_its_actor(extract, text):
    claims, ents = extract(text)
    attack = next(c for c in claims if c.type == "ATTACK")
    assert attack.roles["actor"]


def test_engaging_in_a_debate_about_an_attack_is_no_fighting(extract):
    claims, _ = extract("Analysts were engaged in a debate about the attack on the convoy near Kupiansk.")
    assert not [c for c in claims if c.type == "ATTACK" and c.roles["actor"]]



def test_the_last_word_of_a_building_name_is_no_town(pipeline):
    from spacy.tokens import Doc

    from claimgraph.extract.mentions import Mentions

    # a parse as the small model gives it: "KTV" tagged ORG, "Center" left outside it
    words = ["In", "Denver", "'s", "KTV", "Center", ",", "a", "man", "shot", "a", "guard", "."]
    heads = [8, 4, 1, 4, 0, 8, 7, 8, 8, 10, 8, 8]
    deps = ["prep", "poss", "case", "compound", "pobj", "punct", "det", "nsubj", "ROOT", "det", "dobj", "punct"]
    pos = ["ADP", "PROPN", "PART", "PROPN", "PROPN", "PUNCT", "DET", "NOUN", "VERB", "DET", "NOUN", "PUNCT"]
    ents = ["O", "B-GPE", "O", "B-ORG", "O", "O", "O", "O", "O", "O", "O", "O"]
    doc = Doc(pipeline.nlp.vocab, words=words, heads=heads, deps=deps, pos=pos, ents=ents,
              sent_starts=[True] + [False] * 11)
    mentions = Mentions(doc, pipeline.resolver, pipeline.extractor.lex)
    assert mentions.span_at(doc[4]) is None


@pytest.mark.parametrize("text", ["The ferry's captain said his crew were being fired on by three speedboats.",
                                  "Russian troops fired on Ukrainian positions near Avdiivka overnight."])
def test_firing_on_something_is_an_attack_whatever_the_weapon(extract, text):
    claims, _ = extract(text)
    assert [c for c in claims if c.type == "ATTACK"]


def test_firing_in_retaliation_is_shooting(extract):
    claims, _ = extract("Militants fired in retaliation for the raid on Sunday.")
    assert [c for c in claims if c.type == "ATTACK" and c.trigger == "fired"]


def test_being_fired_on_a_day_is_losing_a_job(extract):
    claims, _ = extract("Petrenko was fired on Monday from his job at the Kyiv firm.")
    assert not [c for c in claims if c.type == "ATTACK"]


# --- who says so (extract/attribution.py) ---------------------------------------------


def test_claim_in_a_signed_quote_takes_the_signer_as_source(extract):
    text = "Residents spoke after the night of shelling.\n\n“Russian troops shelled our street on Monday.” ― Olena Kovalenko\n"
    claims, ents = extract(text)
    attack = next((c for c in claims if c.type == "ATTACK"), None)
    assert attack is not None and attack.source is not None and ents[attack.source].name.endswith("Kovalenko")


def test_a_dateline_the_parser_made_a_subject_does_not_speak(extract):
    claims, ents = extract("GENEVA, May 4 - Chad complained to the African Union that rebels from Sudan attacked "
                           "three border villages on Friday.")
    attack = next(c for c in claims if c.type == "ATTACK")
    assert attack.source is not None and ents[attack.source].name != "GENEVA"
    assert "African Union" not in ents[attack.source].name


def test_the_radio_refers_back_to_the_station_named_before(extract):
    claims, ents = extract("Four villages were shelled overnight, state-run Radio Maputo said.\n"
                           "The radio said the rebels attacked the town of Xai-Xai on Sunday.")
    second = [c for c in claims if c.type == "ATTACK"][-1]
    assert ents[second.source].name == "Radio Maputo"


def test_a_speech_act_with_its_own_speaker_keeps_no_earlier_speaker(extract):
    claims, ents = extract("Smith said that the senator's plan was a disaster for farmers. "
                           "The party chairman condemned Senator Jones for the vote.")
    condemn = next(c for c in claims if c.type == "CONDEMN")
    assert condemn.source is None or "chairman" in ents[condemn.source].name.lower()


@pytest.mark.parametrize("text, said", [
    ("The senator described the minister as a coward after she attacked police officers across the country.", False),
    ("The governor spoke to reporters after gunmen attacked a convoy near Goma.", False),
    ("The governor stressed that, despite the recent attacks on the pipeline, the situation had improved.", True),
    ("The governor said gunmen attacked a convoy near Goma after talks broke down.", True),
])
def test_a_happening_that_only_times_the_saying_is_not_the_speakers_claim(extract, text, said):
    claims, _ = extract(text)
    attack = next(c for c in claims if c.type == "ATTACK")
    assert (attack.source is not None) == said


def test_the_release_said_refers_back_to_who_spoke_in_a_statement(extract):
    claims, ents = extract("Militants attacked a police post near Wana on Friday, the army said in a statement. "
                           "Officials in Islamabad gave no details.\n\n"
                           "Gunmen also attacked a convoy near Tank on Saturday, the release said.")
    last = [c for c in claims if c.type == "ATTACK"][-1]
    assert last.source is not None and ents[last.source].name.lower() == "army"


def test_a_message_speaks_for_its_sender_not_its_receiver(extract):
    claims, ents = extract("When the destroyer Kestrel received a mayday from the bulk carrier Sea Lark before dawn "
                           "saying it was under attack by pirates, it sent a boarding team.")
    attack = next(c for c in claims if c.type == "ATTACK")
    assert attack.source is None or "frigate" not in ents[attack.source].name.lower()


def test_the_person_a_title_describes_speaks_not_the_company_in_the_title(extract):
    claims, ents = extract("Repeated guerrilla attacks on gas lines threaten the region's export boom, "
                           "Maria Ortiz, director of the state gas firm Petrosur said.")
    attack = next(c for c in claims if c.type == "ATTACK")
    assert ents[attack.source].name == "Maria Ortiz"


@pytest.mark.parametrize("text", [
    "Johnson told the talks in Geneva that Russia had attacked the port.",
    "Merkel said at a summit with Macron in Riga that troops would stay.",
])
def test_the_meeting_where_something_is_said_is_the_articles_not_the_speakers(extract, text):
    claims, _ = extract(text)
    meet = next(c for c in claims if c.type == "MEET")
    assert meet.source is None and meet.modality == "fact"


def test_a_relative_clause_that_says_which_person_is_meant_is_the_articles(extract):
    claims, _ = extract("The soldier who shot the two protesters had no helmet camera on, the army said.")
    attack = next(c for c in claims if c.type == "ATTACK")
    assert attack.source is None and attack.modality == "fact"


def test_a_statement_its_subject_issued_speaks_for_the_subject(extract):
    claims, ents = extract("The port authority issued a statement on Sunday saying two dockers were killed in "
                           "the blast at the grain terminal.")
    casualty = next(c for c in claims if c.type == "CASUALTY")
    assert casualty.source is not None and "port authority" in ents[casualty.source].name.lower()


def test_a_year_naming_the_attacks_counts_nothing(extract):
    claims, _ = extract("Suspicions persist of official involvement in the 2014 attacks on the Donetsk airport.")
    assert not [q for c in claims for q in c.quantities if q.low == 2014 or q.value == 2014]


@pytest.mark.parametrize("text", ["The Armenian foreign ministry alleged that Azerbaijani troops had shelled three villages.",
                                  "Georgia complained to the council that Russian jets bombed a market near the border."])
def test_alleging_or_complaining_about_a_party_is_an_accusation(extract, text):
    claims, _ = extract(text)
    assert [c for c in claims if c.type == "ACCUSE"]


@pytest.mark.parametrize("text", ["Rwandan troops raided alleged rebel camps in Congo on Monday.",
                                  "Police in Ohio said the accused gunman Morrow had shot two guards."])
def test_an_alleged_thing_is_no_accusation_anyone_made(extract, text):
    claims, _ = extract(text)
    assert not [c for c in claims if c.type == "ACCUSE"]


@pytest.mark.parametrize("text, town", [("A gunman shot two cooks at a Toronto street party on Friday night.", "Toronto"),
                                        ("Two guards were shot dead at a Lagos concert on Sunday.", "Lagos")])
def test_a_town_naming_the_premises_where_shots_fell_is_the_location(extract, text, town):
    claims, ents = extract(text)
    attacks = [c for c in claims if c.type in {"ATTACK", "CASUALTY"}]
    assert attacks and all(town in _role_names(c, ents, "location") for c in attacks)


def test_land_a_nationality_describes_lies_in_that_country(extract):
    claims, ents = extract("Jets from across the border attacked Syrian villages on Monday, killing 12 people.")
    attack = next(c for c in claims if c.type == "ATTACK")
    assert _role_names(attack, ents, "location") == {"Syria"}


def test_a_border_a_nationality_names_places_nothing(extract):
    claims, ents = extract("Rebels shelled an army post near the Syrian border on Monday.")
    attack = next(c for c in claims if c.type == "ATTACK")
    assert "Syria" not in _role_names(attack, ents, "location")


@pytest.mark.parametrize("text", [
    "Militants tried to blow up a bridge in Goma in what officials say was the group's first attack in Goma.",
    "Militants tried to blow up a bridge outside Goma in what officials say was the group's first attack "
    "in the Congolese city."])
def test_naming_the_same_attack_again_in_one_sentence_is_one_claim(extract, text):
    claims, _ = extract(text)
    attacks = [c for c in claims if c.type == "ATTACK"]
    assert len(attacks) == 1 and attacks[0].source is None


@pytest.mark.parametrize("text", ["Two protesters were shot by police in Oakland on Tuesday.",
                                  "Police shot two protesters in Oakland on Tuesday."])
def test_police_who_shoot_are_the_actor(extract, text):
    claims, ents = extract(text)
    attack = next(c for c in claims if c.type == "ATTACK")
    assert {n.lower() for n in _role_names(attack, ents, "actor")} == {"police"}


@pytest.mark.parametrize("text", ["Officers shouted at the man to drop his gun.",
                                  "Deputies told him to climb out of the truck and drop the pistol.",
                                  "The guard was told to throw down his rifle and step away."])
def test_letting_go_of_a_firearm_is_no_attack(extract, text):
    claims, _ = extract(text)
    assert not [c for c in claims if c.type == "ATTACK"]


def test_every_one_of_several_deniers_is_an_actor(extract):
    claims, ents = extract("Kenya, Uganda and Tanzania denied the charges on Monday.")
    deny = next(c for c in claims if c.type == "DENY")
    assert _role_names(deny, ents, "actor") == {"Kenya", "Uganda", "Tanzania"}


def test_a_country_of_two_words_is_not_its_continent(extract):
    claims, ents = extract("The European Union imposed new sanctions against South Africa.")
    sanction = next(c for c in claims if c.type == "SANCTION")
    assert _role_names(sanction, ents, "target") == {"South Africa"}


@pytest.mark.parametrize("text", ["Police said Maria Delgado, 52, of Fresno, was shot in the office on Monday.",
                                  "The gunman killed Tom Reyes, 31, of Tacoma, in the warehouse on Monday."])
def test_the_town_a_victim_is_from_is_not_where_it_happened(extract, text):
    claims, ents = extract(text)
    hits = [c for c in claims if c.type in {"ATTACK", "CASUALTY"}]
    assert hits and not any(c.roles["location"] for c in hits)


def test_a_lead_takes_the_date_the_next_sentence_gives_its_happening(extract):
    claims, ents = extract("Rebels attacked an army base near Goma, the army said.\n\n"
                           "The rebels shelled the base on Monday before dawn.", published="2024-03-14")
    lead = next(c for c in claims if c.type == "ATTACK" and c.sentence == 0)
    assert lead.time.start == "2024-03-11"


def test_a_lead_takes_no_date_from_another_happening_after_it(extract):
    claims, ents = extract("Rebels attacked an army base near Goma, the army said.\n\n"
                           "Separately, police in Lagos shot two robbers on Monday.", published="2024-03-14")
    lead = next(c for c in claims if c.type == "ATTACK" and c.sentence == 0)
    assert lead.time.start is None


def test_a_lead_takes_no_date_from_background_after_it(extract):
    claims, ents = extract("A Houthi spokesman said the group had launched a missile at Eilat.\n\n"
                           "The group fired its first missile at Eilat in late 2023.", published="2025-10-19")
    lead = next(c for c in claims if c.type == "ATTACK" and c.sentence == 0)
    assert lead.time.start is None


def test_who_a_deed_is_blamed_on_is_the_accused(extract):
    claims, ents = extract("The Somali government blamed a string of bombings in Mogadishu on al-Shabaab.")
    accuse = next(c for c in claims if c.type == "ACCUSE")
    attack = next(c for c in claims if c.type == "ATTACK")
    assert _role_names(accuse, ents, "target") == _role_names(attack, ents, "actor") == {"al-Shabaab"}


@pytest.mark.parametrize("text", ["The army says it did not shell the clinic, blaming a misfired rocket launched by "
                                  "the Freedom Brigade.",
                                  "The ministry blamed the blast on a drone launched by the Freedom Brigade near the "
                                  "airport on Monday."])
def test_who_made_the_weapon_blamed_is_the_accused(extract, text):
    claims, ents = extract(text)
    accuse = next(c for c in claims if c.type == "ACCUSE")
    assert _role_names(accuse, ents, "target") == {"Freedom Brigade"}


@pytest.mark.parametrize("text", [
    "Kenya accused Uganda of arming the rebels, an allegation Kampala denies.",
    "Kenya accused Uganda of arming the rebels, an allegation Kampala has repeatedly denied.",
    "Uganda rejected a report by UN experts that accused it of arming the rebels."])
def test_an_accusation_another_denies_was_still_made(extract, text):
    claims, _ = extract(text)
    accuse = next(c for c in claims if c.type == "ACCUSE")
    assert (accuse.polarity, accuse.source) == ("asserted", None)


@pytest.mark.parametrize("text", ["Unconfirmed reports said jets had bombed a hospital in the town on Monday.",
                                  "According to unverified accounts, jets bombed a hospital in the town on Monday."])
def test_what_unconfirmed_reports_say_is_possible(extract, text):
    claims, _ = extract(text)
    assert [c.modality for c in claims if c.type == "ATTACK"] == ["possible"]


def test_the_forces_blamed_for_an_attack_are_the_accused(extract):
    claims, ents = extract("Kyiv blamed Russian forces for the attack on the power plant on Monday.")
    accuse = next(c for c in claims if c.type == "ACCUSE")
    assert _role_names(accuse, ents, "target") == {"Russia"}


def test_who_seized_a_shipment_did_not_send_it(extract):
    claims, ents = extract("The navy said it had seized a shipment of Iranian rifles bound for the rebels on Thursday.")
    transfer = next(c for c in claims if c.type == "TRANSFER")
    assert "navy" not in str(_role_names(transfer, ents, "actor")).lower()


def test_a_threat_declined_stays_denied(extract):
    claims, _ = extract("This week, the president declined to threaten Moscow.")
    assert [c.polarity for c in claims if c.type == "THREATEN"] == ["denied"]


@pytest.mark.parametrize("text", ["All but the driver escaped without injury.",
                                  "The other passengers escaped unharmed, police said.",
                                  "No casualties were reported after the shelling of the depot."])
def test_escaping_unharmed_denies_the_casualty(extract, text):
    claims, _ = extract(text)
    assert [c.polarity for c in claims if c.type == "CASUALTY"] == ["denied"]


def test_leaving_without_a_charge_or_a_fight_is_no_casualty(extract):
    claims, _ = extract("He was released without charge after the shooting. Troops took the town without a fight.")
    assert not [c for c in claims if c.type == "CASUALTY"]


@pytest.mark.parametrize("text, actor, target", [
    ("Marines came to the aid of a cargo ship under attack by pirates off Yemen.", "pirates", "ship"),
    ("The convoy came under attack from rebels near Goma.", "rebels", "convoy")])
def test_what_is_under_attack_is_hit_by_who_follows(extract, text, actor, target):
    claims, ents = extract(text)
    attack = next(c for c in claims if c.type == "ATTACK")
    assert actor in _role_names(attack, ents, "actor") and target in " ".join(_role_names(attack, ents, "target"))


def test_attackers_who_break_off_their_attack_are_its_actor(extract):
    claims, ents = extract("The gunmen broke off their attack when troops arrived.")
    assert _role_names(next(c for c in claims if c.type == "ATTACK"), ents, "actor") == {"gunmen"}


def test_condemning_their_attack_makes_the_condemner_no_attacker(extract):
    claims, ents = extract("Kenya condemned their attack on the village.")
    assert not [c for c in claims if c.type == "ATTACK" and "Kenya" in _role_names(c, ents, "actor")]


def test_retaliating_with_weapons_is_an_attack_with_words_or_sanctions_not(extract):
    claims, _ = extract("The tanker's guards retaliated with rifles. The government retaliated with sanctions.")
    assert [c.trigger for c in claims if c.type == "ATTACK"] == ["retaliated"]
    assert all("rifles" in c.text for c in claims if c.type == "ATTACK")


def test_a_date_inside_the_attack_noun_dates_it_not_the_day_it_is_remembered(extract):
    claims, _ = extract("Mourners across Kenya gathered on Sunday to honour those lost in the May 3 Garissa market "
                        "bombing.", published="2024-05-27")
    attacks = [c for c in claims if c.type == "ATTACK"]
    assert [c.time.start for c in attacks] == ["2024-05-03"]


def test_a_speaker_who_was_shot_is_not_the_shooter(extract):
    claims, ents = extract("Rodrigo Alves said his hands were empty when he was shot.")
    assert not [c for c in claims if c.type == "ATTACK" and "Rodrigo Alves" in _role_names(c, ents, "actor")]


def test_fired_from_a_job_at_a_firm_is_no_shooting(extract):
    claims, _ = extract("A driver who was fired in March from his post at a trucking firm came back to the depot on "
                        "Monday and shot two people.", published="2007-04-10")
    attacks = [c for c in claims if c.type == "ATTACK"]
    assert [c.trigger for c in attacks] == ["shot"] and attacks[0].time.start == "2007-04-09"


def test_a_clause_with_its_own_subject_joined_to_a_denial_is_not_denied(extract):
    claims, ents = extract("The ministry has denied any part in the raid, and Washington has never publicly accused "
                           "its partner of involvement.")
    accuse = [c for c in claims if c.type == "ACCUSE"]
    assert accuse and all(c.source is None or ents[c.source].name != "ministry" for c in accuse)


def test_a_known_shooting_named_inside_an_announced_arrest_is_not_the_announcement(extract):
    claims, ents = extract("Detectives in Leeds announced the arrest of a 17-year-old on Monday in the fatal "
                           "shooting of a shopkeeper.")
    shootings = [c for c in claims if c.type in {"ATTACK", "CASUALTY"}]
    assert shootings and all(c.source is None for c in shootings)


def test_a_bare_ministry_belongs_to_the_main_country_not_one_named_in_passing(extract):
    claims, ents = extract(
        "Kenyan warships sank a pirate vessel off Somalia on Tuesday, a Defence Ministry statement said.\n\n"
        "The Kenyan navy has guarded the coast since June. Kenya sent another frigate to "
        "Somalia last week.\n\n"
        "Among the seized ships is a Ukrainian grain freighter.")
    sources = {ents[c.source].name for c in claims if c.type == "ATTACK" and c.source}
    assert sources and not any("Ukrain" in s for s in sources)


def test_a_participle_that_says_which_airfield_is_meant_is_known_not_reported(extract):
    claims, ents = extract("Sudanese gunners keep shelling the Kapoeta airfield captured by Ugandan troops on June 4, "
                           "Kenyan Defence Minister Jane Otieno told reporters.")
    sources = sorted(ents[c.source].name if c.source else "-" for c in claims if c.type == "ATTACK")
    assert sources == ["-", "Jane Otieno"]


def test_a_speaker_named_with_a_hyphen_and_a_channel_number_keeps_them(pipeline):
    from claimgraph.extract.mentions import Mentions
    doc = pipeline.nlp("Police said so, according to a report from the KXYZ-TV Channel 9 newsroom.")
    mentions = Mentions(doc, pipeline.resolver, pipeline.extractor.lex)
    newsroom = next(t for t in doc if t.text == "newsroom")
    assert mentions.speaker(newsroom).name.startswith("KXYZ-TV")


@pytest.mark.parametrize("text, threatened", [
    ("Prime Minister Ana Silva said the army would respond with force if Venezuela crossed the border.",
     {"Venezuela"}),
    ("The rebel leader said the war would go on in the north unless Ethiopian troops left the region.",
     {"Ethiopia"}),
])
def test_force_promised_on_a_condition_set_for_others_is_a_threat(extract, text, threatened):
    claims, ents = extract(text)
    threats = [c for c in claims if c.type == "THREATEN"]
    assert len(threats) == 1 and threats[0].source is None and threats[0].modality == "fact"
    assert {ents[i].name for i in threats[0].roles["target"]} == threatened


def test_a_condition_without_force_is_no_threat(extract):
    claims, _ = extract("The minister said talks with Egypt would resume unless the weather turned bad.")
    assert not [c for c in claims if c.type == "THREATEN"]


@pytest.mark.parametrize("text", ["The general likes to say that you die by the weapon you choose.",
                                  "If you shoot first, the colonel told recruits, you ask questions later."])
def test_a_saying_about_anyone_is_no_happening(extract, text):
    claims, _ = extract(text)
    assert not [c for c in claims if c.type in {"ATTACK", "CASUALTY"}]


def test_a_named_shooter_is_still_an_attack_beside_a_saying(extract):
    claims, _ = extract("Rebels shot two guards at the depot on Monday, the police said.")
    assert [c.type for c in claims if c.type == "ATTACK"] == ["ATTACK"]


def test_a_threat_is_kept_beside_the_attack_its_condition_names(extract):
    claims, ents = extract("The minister said Serbia would respond if Kosovo attacked its patrol boat.")
    threats = [c for c in claims if c.type == "THREATEN"]
    assert len(threats) == 1 and [ents[i].name for i in threats[0].roles["target"]] == ["Kosovo"]
    # the attack only the condition names is not stated as happened or planned with any confidence
    assert all(c.confidence < 0.5 for c in claims if c.type == "ATTACK")


def test_military_aid_to_a_party_is_a_transfer_and_food_aid_is_not(extract):
    claims, ents = extract("The United States will send 300 million dollars in military aid to Taiwan.")
    transfers = [c for c in claims if c.type == "TRANSFER"]
    assert transfers and {ents[i].name for c in transfers for i in c.roles["recipient"]} == {"Taiwan"}
    claims, _ = extract("Aid agencies said food aid reached the camps near Goma on Monday.")
    assert not [c for c in claims if c.type == "TRANSFER"]


def test_firing_back_at_a_firm_in_a_statement_is_words(extract):
    claims, _ = extract("Boeing fired back at Airbus in a statement on Tuesday.")
    assert not [c for c in claims if c.type == "ATTACK"]
    claims, _ = extract("Militants fired at Governor Ali Musa's convoy near Kano, a statement said.")
    assert [c for c in claims if c.type == "ATTACK"]


def test_annihilating_a_column_is_an_attack_that_dates_the_lead(extract):
    claims, ents = extract("Government troops killed 200 rebels near Kidal, a statement said. The statement said "
                           "the army had annihilated a rebel column yesterday some 40 km from the town.",
                           published="2024-03-14")
    attacks = [c for c in claims if c.type == "ATTACK"]
    assert attacks and attacks[-1].time.start == "2024-03-13"


def test_a_town_says_more_than_the_country_named_elsewhere_in_its_clause(extract):
    claims, ents = extract("Navy jets struck rebel positions near Sidon in southern Lebanon on Friday in the "
                           "third such raid over Lebanon this month, a spokesman said.")
    attack = next(c for c in claims if c.type == "ATTACK")
    assert [ents[i].name for i in attack.roles["location"]] == ["Sidon"]


def test_a_named_airstrip_is_located_by_the_country_written_after_it(extract):
    claims, ents = extract("Rebel gunners are still shelling the key Abeche airstrip in eastern Chad, "
                           "the ministry said.")
    attack = next(c for c in claims if c.type == "ATTACK")
    assert [ents[i].name for i in attack.roles["location"]] == ["Abeche"]


def test_a_province_in_an_island_of_a_wrapped_line_is_one_location(extract):
    claims, ents = extract("Eleven soldiers were killed in Tarlac province in\n"
                           "the northern island of Luzon, officials said.")
    casualty = next(c for c in claims if c.type == "CASUALTY")
    assert "Luzon" not in [ents[i].name for i in casualty.roles["location"]]
    assert len(casualty.roles["location"]) == 1


def test_an_armed_doer_says_an_attack_happened_though_no_one_is_named(extract):
    claims, _ = extract("Guests ran from the hall after a gunman opened fire at the wedding.")
    assert [c.type for c in claims if c.type == "ATTACK"] == ["ATTACK"]


def test_a_plain_man_opening_a_door_is_no_attack(extract):
    claims, _ = extract("Guests ran from the hall after a man opened the door of the kitchen.")
    assert not [c for c in claims if c.type == "ATTACK"]


def test_a_ships_prefix_and_name_are_one_vessel_and_its_short_name_is_the_ship(extract):
    claims, ents = extract("The frigate HMS Kestrel escorted the convoy on Monday. "
                           "Pirates fired at the Kestrel from two skiffs.")
    vessel = next(e for e in ents.values() if e.name == "HMS Kestrel")
    assert vessel.type == "ORG" and vessel.attrs["kind"] == "vessel"
    attack = next(c for c in claims if c.type == "ATTACK")
    assert attack.roles["target"] == [vessel.id]
    assert vessel.id not in attack.roles["location"]


def test_a_warship_named_after_a_city_sinks_a_boat_as_itself(extract):
    claims, ents = extract("Last week the warship INS Mysore sank a pirate mother ship.")
    attack = next(c for c in claims if c.type == "ATTACK")
    assert [ents[i].name for i in attack.roles["actor"]] == ["INS Mysore"]


LONE_DOER = ("A 58-year-old man was charged with murder on Sunday after opening fire at his former office "
             "in Tacoma. Police said Dale Brennick shot the company's owner at the office in Tacoma.")


def test_an_unnamed_man_is_the_articles_one_named_attacker(extract):
    claims, ents = extract(LONE_DOER)
    first = next(c for c in claims if c.type == "ATTACK" and c.sentence == 0)
    assert [ents[i].name for i in first.roles["actor"]] == ["Dale Brennick"]


def test_a_gunman_elsewhere_is_not_the_named_attacker(extract):
    claims, ents = extract(LONE_DOER + " In May, a gunman opened fire at a mall in Spokane.")
    mall = next(c for c in claims if c.type == "ATTACK" and "Spokane" in c.text)
    assert not mall.roles["actor"]


def test_with_two_named_attackers_an_unnamed_man_stays_unnamed(extract):
    claims, ents = extract(LONE_DOER + " Police said Rick Tolland shot a guard at the office in Tacoma.")
    first = next(c for c in claims if c.type == "ATTACK" and c.sentence == 0)
    assert not first.roles["actor"]


@pytest.mark.parametrize("text, target", [
    ("Senator Dana Whitlow says Governor Aldo Brandt is lying about the budget.", "Aldo Brandt"),
    ("The ministry said Ruritania had violated the truce.", "Ruritania"),
    ("The ministry said Ruritania had breached the ceasefire.", "Ruritania"),  # breaking a pact is a wrong
    ("The Ukrainian ministry said Russia broke the energy truce.", "Russia"),
    ("Mayor Ines Calloway says Governor Aldo Brandt is acting unlawfully.", "Aldo Brandt"),
])
def test_saying_a_named_party_does_wrong_is_an_accusation(extract, text, target):
    claims, ents = extract(text)
    (accuse,) = [c for c in claims if c.type == "ACCUSE"]
    assert [ents[i].name for i in accuse.roles["target"]] == [target]
    assert accuse.modality == "fact" and accuse.source is None


@pytest.mark.parametrize("text", [
    "Senator Dana Whitlow says Governor Aldo Brandt did not lie about the budget.",
    "Senator Dana Whitlow says Governor Aldo Brandt is visiting the budget office.",
    "The ministry said Ruritania broke the siege of the port.",  # breaking no pact
])
def test_saying_a_party_does_no_wrong_accuses_no_one(extract, text):
    claims, _ = extract(text)
    assert not [c for c in claims if c.type == "ACCUSE"]


def test_a_car_before_a_surname_does_not_make_a_second_person_of_that_name(extract):
    claims, ents = extract("Anthony Kowalczyk III was arrested on Monday. A shotgun was found in the silver "
                           "Ford Fusion Kowalczyk was driving. Police said Kowalczyk shot two men.")
    attack = next(c for c in claims if c.type == "ATTACK")
    assert [ents[i].name for i in attack.roles["actor"]] == ["Anthony Kowalczyk III"]


@pytest.mark.parametrize("text, start", [
    ("Rebel bombings since last July have cost the pipeline 110,000 barrels.", "2023-07-01"),
    ("Police have shot and killed 40 people so far this year.", "2024-01-01"),
])
def test_since_a_time_runs_up_to_the_day_of_the_article(extract, text, start):
    claims, _ = extract(text)
    found = [c for c in claims if c.type in {"ATTACK", "CASUALTY"}]
    assert found and all((c.time.start, c.time.end) == (start, "2024-03-14") for c in found)


def test_since_a_day_when_something_happened_dates_that_thing_to_the_day(extract):
    claims, _ = extract("No day had been deadlier since January 2, when rebel troops overran the garrison "
                        "at Fada.")
    attack = next(c for c in claims if c.type == "ATTACK")
    assert (attack.time.start, attack.time.end) == ("2024-01-02", "2024-01-02")


def test_capturing_a_ship_a_nationality_describes_captures_no_people(extract):
    claims, _ = extract("Pirates captured a Greek supertanker off the coast on Monday.")
    assert not [c for c in claims if c.type == "CASUALTY"]


@pytest.mark.parametrize("text", [
    "The woman, identified by the police as Madeline Carver, died at the scene.",
    "When the violence had ended, the receptionist -- Madeline Carver -- was shot dead.",
])
def test_a_victim_is_the_person_the_article_names_her_as(extract, text):
    claims, ents = extract(text)
    casualty = next(c for c in claims if c.type == "CASUALTY")
    assert [ents[i].name for i in casualty.roles["target"]] == ["Madeline Carver"]
    assert ents[casualty.roles["target"][0]].type == "PERSON"


@pytest.mark.parametrize("text, speaker", [
    ("Prime Minister Andreas Pavlou said today that the armed forces were ready to tackle any aggressors.",
     "Andreas Pavlou"),
    ("Foreign Minister Pik Borda said Ruritania would not hesitate to take action to thwart the offensive.",
     "Pik Borda"),
    ("\"Our army is able now to give them a very hard lesson if they cross the river,\" Stavros Kalli said.",
     "Stavros Kalli"),
])
def test_a_said_readiness_to_use_force_is_a_threat(extract, text, speaker):
    claims, ents = extract(text)
    (threat,) = [c for c in claims if c.type == "THREATEN"]
    assert [ents[i].name for i in threat.roles["actor"]] == [speaker] and threat.modality == "fact"


@pytest.mark.parametrize("text", [
    "The minister Andreas Pavlou said the country was ready to hold talks with Ruritania.",
    "Andreas Pavlou said he was not ready to attack anyone.",
])
def test_a_said_readiness_to_talk_or_a_denied_readiness_threatens_no_one(extract, text):
    claims, _ = extract(text)
    assert not [c for c in claims if c.type == "THREATEN"]


def test_describing_a_named_party_by_a_damning_word_condemns_it(extract):
    claims, ents = extract("Governor Dale Kessler described Senator Ina Moravec as a disgrace on Tuesday.")
    (condemn,) = [c for c in claims if c.type == "CONDEMN"]
    assert [ents[i].name for i in condemn.roles["actor"]] == ["Dale Kessler"]
    assert [ents[i].name for i in condemn.roles["target"]] == ["Ina Moravec"]


def test_describing_talks_as_useful_condemns_no_one(extract):
    claims, _ = extract("Governor Dale Kessler described Senator Ina Moravec as a capable negotiator.")
    assert not [c for c in claims if c.type == "CONDEMN"]


@pytest.mark.parametrize("text, condemned", [
    ("Senator Ina Moravec says Governor Dale Kessler is unfit to lead.", True),
    ("Senator Ina Moravec tweeted that Governor Dale Kessler was a disgrace.", True),
    ("Senator Ina Moravec says Governor Dale Kessler is not dangerous.", False),
])
def test_saying_a_named_party_is_damnable_condemns_it(extract, text, condemned):
    claims, ents = extract(text)
    found = [c for c in claims if c.type == "CONDEMN"]
    assert bool(found) == condemned
    if found:
        assert [ents[i].name for i in found[0].roles["target"]] == ["Dale Kessler"]


def test_two_nationalities_before_one_noun_are_two_kinds_of_people(extract):
    claims, ents = extract("Marine commandos boarded the skiffs to nab 12 Somali and 11 Yemeni pirates.")
    casualty = next(c for c in claims if c.type == "CASUALTY")
    assert sorted(ents[i].name for i in casualty.roles["target"]) == ["Somali pirates", "Yemeni pirates"]


@pytest.mark.parametrize("text", [
    "The headset provides a combination of storytelling and technology.",
    "The ministry has warned it could sell off billions of dollars in bonds if the bill passes.",
])
def test_a_transfer_of_nothing_to_no_one_is_no_claim(extract, text):
    claims, _ = extract(text)
    assert not [c for c in claims if c.type == "TRANSFER"]


def test_supplying_weapons_to_no_named_party_is_still_a_transfer(extract):
    claims, _ = extract("Rolls-Royce will supply engines and Ruritania will supply artillery shells.")
    assert [c for c in claims if c.type == "TRANSFER"]


OCCURRENCE = ("The frigate HMS Kestrel thwarted a pirate attack in the Gulf of Aden.\n\n"
              "A navy statement says the incident happened yesterday when the Kestrel was escorting a convoy.\n\n"
              "Five pirate boats tried to attack the convoy but were challenged by the frigate.\n\n"
              "Pirates have attacked dozens of ships in the region in recent years, officials said.\n\n"
              "Last month a tanker was hijacked off Somalia.")


def test_when_the_incident_happened_dates_the_attacks_around_it(extract):
    claims, _ = extract(OCCURRENCE, published="2011-11-11")
    attacks = sorted((c for c in claims if c.type == "ATTACK"), key=lambda c: c.sentence)
    assert [c.time.start for c in attacks[:2]] == ["2011-11-10", "2011-11-10"]
    assert all(c.time.start != "2011-11-10" for c in claims if c.sentence >= 4)


def test_a_death_in_a_where_clause_happened_at_the_place_it_hangs_on(extract):
    claims, ents = extract("The woman was taken to Mercy Ridge Medical Center in Duluth, where she was "
                           "pronounced dead.")
    casualty = next(c for c in claims if c.type == "CASUALTY")
    assert [ents[i].name for i in casualty.roles["location"]] == ["Mercy Ridge Medical Center"]


def test_a_river_inside_a_body_s_name_leaves_the_body_whole(extract):
    claims, ents = extract("A car bomb exploded at the headquarters of the British Army of the Rhine last night.")
    attack = next(c for c in claims if c.type == "ATTACK")
    assert [ents[i].name for i in attack.roles["target"]] == ["British Army of the Rhine"]
    assert not attack.roles["location"]


def test_we_in_a_quote_of_a_body_s_spokesman_is_the_body(extract):
    claims, ents = extract("The Kenyan Navy said its frigate drove off the raiders. \"We fired on the speedboats to "
                           "protect the convoy,\" Commodore Ravi Menon, a navy spokesman, told reporters.")
    fired = next(c for c in claims if c.type == "ATTACK" and "We fired" in c.text)
    assert {name.lower() for name in _role_names(fired, ents, "actor")} == {"kenyan navy"}


def test_a_pronoun_inside_a_quote_is_not_the_one_quoted(extract):
    claims, ents = extract("\"He drove at the crowd and then he shot the guard,\" Mara Venn said.")
    assert all("Mara Venn" not in _role_names(c, ents, "actor") for c in claims)


def test_attacks_a_speaker_only_mentions_are_not_the_speaker_s(extract):
    claims, ents = extract("Holm says it is all the more vital to protect free speech because of "
                           "jihadist raids and mass shootings in Lyon and Ohio.")
    assert all("Holm" not in _role_names(c, ents, "actor") for c in claims if c.type == "ATTACK")


def test_where_the_doer_comes_from_is_not_where_he_shot(extract):
    claims, ents = extract("An Ohio man shot three workers on Tuesday at a print shop in Dayton.")
    attack = next(c for c in claims if c.type == "ATTACK")
    assert "Ohio" not in _role_names(attack, ents, "location")


@pytest.mark.parametrize("text, victim", [
    ("At least one Filipino crew member was killed when the skiff opened fire.", "Filipino crew member"),
    ("Gunmen killed a Jordanian border guard on Tuesday.", "Jordanian border guard"),
])
def test_one_person_described_by_nationality_is_that_person_not_the_nation(extract, text, victim):
    claims, ents = extract(text)
    casualty = next(c for c in claims if c.type == "CASUALTY")
    assert _role_names(casualty, ents, "target") == {victim}


def test_one_unnamed_victim_is_the_article_s_one_named_victim(extract):
    claims, ents = extract("Workers at the depot were in shock after the killing of their manager, who was shot dead "
                           "in the loading bay on Friday.\n\nPolice said a former driver shot Ben Carter, 40, in the "
                           "chest on Friday.")
    first = [c for c in claims if c.sentence == 0 and c.type in {"ATTACK", "CASUALTY"}]
    assert first and all(_role_names(c, ents, "target") == {"Ben Carter"} for c in first)


def test_an_unnamed_victim_stays_unnamed_when_two_are_named(extract):
    claims, ents = extract("A woman was killed at the mall on Friday.\n\nPolice said the gunman shot "
                           "Lena Hart and Omar Dace on Friday.")
    first = next(c for c in claims if c.sentence == 0 and c.type == "CASUALTY")
    assert not first.roles["target"]


def test_a_man_described_by_his_state_is_the_article_s_one_named_shooter(extract):
    claims, ents = extract("An Ohio man shot three workers on Tuesday at a print shop in Dayton.\n\n"
                           "Police said Tony Vale shot the foreman at the shop on Tuesday.")
    first = next(c for c in claims if c.sentence == 0 and c.type == "ATTACK")
    assert _role_names(first, ents, "actor") == {"Tony Vale"}


def test_the_second_of_two_verbs_sharing_a_subject_happens_where_the_first_did(extract):
    claims, ents = extract("A Kenyan frigate on Monday stopped two skiffs with 12 gunmen in the Gulf of Aden and "
                           "foiled an attack on a bulk carrier.")
    attack = next(c for c in claims if c.type == "ATTACK")
    assert _role_names(attack, ents, "location") == {"Gulf of Aden"}


def test_the_waters_a_ship_was_passing_are_where_it_was_attacked(extract):
    claims, ents = extract("Raiders in two skiffs attacked a tanker transiting the Red Sea on Monday.")
    attack = next(c for c in claims if c.type == "ATTACK")
    assert _role_names(attack, ents, "location") == {"Red Sea"}


@pytest.mark.parametrize("text, act, target", [
    # what a party did, called by a damning word: the party is the one condemned
    ("Senator Ada Morrow says Governor Tom Reyes's latest tweets were \u201cunhinged.\u201d", "CONDEMN", "Tom Reyes"),
    # a damning label that alleges a wrong accuses
    ("Senator Ada Morrow is labeling Governor Tom Reyes's decrees \u201ca blatant abuse of power.\u201d",
     "ACCUSE", "Tom Reyes"),
    ("Senator Ada Morrow said Governor Tom Reyes's deal was a criminal scheme.", "ACCUSE", "Tom Reyes"),
])
def test_damning_what_a_party_did_condemns_or_accuses_the_party(extract, text, act, target):
    claims, ents = extract(text)
    acts = [c for c in claims if c.type in {"CONDEMN", "ACCUSE"}]
    assert [c.type for c in acts] == [act]
    assert _role_names(acts[0], ents, "target") == {target}


@pytest.mark.parametrize("text, accused", [
    ("Senator Ada Morrow says Governor Tom Reyes is trying to distract from his failures.", True),
    ("Senator Ada Morrow says Governor Tom Reyes is obsessed with undermining the courts.", True),
    ("Senator Ada Morrow says Governor Tom Reyes is not trying to distract anyone.", False),
])
def test_a_wrong_a_party_is_said_to_try_or_be_bent_on_is_an_accusation(extract, text, accused):
    claims, ents = extract(text)
    acts = [c for c in claims if c.type == "ACCUSE"]
    assert bool(acts) is accused
    assert all(_role_names(c, ents, "target") == {"Tom Reyes"} for c in acts)


def test_an_attack_told_inside_another_s_phrase_is_one_attack(extract):
    claims, _ = extract("The ferry's captain reported an attack by three speedboats circling the ship and firing "
                        "rockets.")
    assert len([c for c in claims if c.type == "ATTACK"]) == 1


def test_a_structure_a_country_owns_is_hit_in_that_country(extract):
    claims, ents = extract("Rebels bombed Peru's largest gas pipeline on Monday.")
    attack = next(c for c in claims if c.type == "ATTACK")
    assert _role_names(attack, ents, "location") == {"Peru"}


def test_bare_targets_name_nothing_hit_but_described_ones_do(extract):
    claims, ents = extract("Drones attacked targets near Tyre on Monday. Jets bombed Hamas targets near "
                           "Rafah on Tuesday.")
    first, second = sorted((c for c in claims if c.type == "ATTACK"), key=lambda c: c.sentence)
    assert not first.roles["target"]
    assert _role_names(second, ents, "target") == {"Hamas"} or "targets" in _role_aliases(second, ents, "target")


def test_troops_counted_with_more_than_are_named_as_written_without_the_count(extract):
    claims, ents = extract("The accord calls for the withdrawal of more than 30,000 Cuban troops from Angola.")
    deploy = next(c for c in claims if c.type == "DEPLOY")
    assert "cuban troops" in _role_aliases(deploy, ents, "subject")


def test_a_group_named_by_its_fighters_answers_to_their_names(extract):
    claims, ents = extract("Karen rebels ambushed an army convoy near Myawaddy on Monday.")
    attack = next(c for c in claims if c.type == "ATTACK")
    assert {"karens", "karen rebels"} <= _role_aliases(attack, ents, "actor")


@pytest.mark.parametrize("text, present", [
    ("The threat of pirates recently prompted a German cruise line to evacuate 300 passengers.", False),
    ("The Obama administration is not forthcoming regarding the Islamist terror threat.", False),
    ("Iran's threat to close the strait alarmed traders.", True),
])
def test_a_danger_is_no_threat_made(extract, text, present):
    claims, _ = extract(text)
    assert bool([c for c in claims if c.type == "THREATEN"]) is present


@pytest.mark.parametrize("text, present", [
    ("Senator Ada Morrow says Governor Tom Reyes's new moves to more tightly regulate rifle sales aren't worth "
     "the ink they're written in.", False),
    ("The ministry denied any arms sales to the junta.", True),
])
def test_a_trade_that_rules_are_about_is_no_transfer(extract, text, present):
    claims, _ = extract(text)
    assert bool([c for c in claims if c.type == "TRANSFER"]) is present


def test_wire_paragraphs_pass_an_inherited_date_on_down_the_story(extract):
    text = ("Rebels shelled the garrison at Kidal yesterday, the army said.\n\n"
            "Fourteen soldiers were killed in the shelling, it said.\n\n"
            "Two officers were also wounded, it added.")
    claims, _ = extract(text, published="2024-03-14")
    last = [c for c in claims if c.type == "CASUALTY" and c.sentence == 2]
    assert last and last[0].time.start == "2024-03-13"


def test_a_date_in_a_clause_describing_the_target_dates_only_that_clause(extract):
    claims, ents = extract("Eritrean forces are still shelling the Tessenei airstrip captured by Sudanese "
                           "troops on March 2, a minister said.", published="2024-03-14")
    shelling = next(c for c in claims if c.type == "ATTACK" and ents[c.roles["actor"][0]].name == "Eritrea")
    capture = next(c for c in claims if c.type == "ATTACK" and ents[c.roles["actor"][0]].name == "Sudan")
    assert capture.time.start == "2024-03-02" and shelling.time.start is None


def test_the_blast_named_again_after_a_paragraph_between_takes_its_date(extract):
    text = ("Police said an army captain was arrested for involvement in last week's bombing of the "
            "academy in Baguio.\n\nThey said a search of his home had found grenades.\n\n"
            "Three cadets died in the blast, officials said.")
    claims, _ = extract(text, published="2024-03-14")
    toll = next(c for c in claims if c.type == "CASUALTY")
    assert (toll.time.start, toll.time.end) == ("2024-03-04", "2024-03-10")


def test_a_similar_raid_after_the_lead_does_not_date_it(extract):
    claims, _ = extract("Turkish jets bombed militia targets near Sirte, local radio said.\n\n"
                        "Turkish jets carried out a similar raid near Sirte on Friday, hitting two depots.",
                        published="2024-03-14")
    lead = next(c for c in claims if c.type == "ATTACK" and c.sentence == 0)
    assert lead.time.start is None


@pytest.mark.parametrize("text, start", [
    # a present participle on the target holds while the attack does
    ("A Spanish frigate foiled a pirate attack on fishing boats crossing the Somali Basin on Saturday, "
     "seizing 12 pirates.", "2024-03-09"),
    # a date the parser hangs on the place dates what happened there
    ("Turkish drones carried out a raid in the same area on Friday, hitting two depots used by the militia.",
     "2024-03-08"),
    # and one hung on the weapon dates what was done with it
    ("A guard who was sacked last month walked into the depot with a rifle on Friday and shot two managers, "
     "police said.", "2024-03-08"),
    # a stretch an ordinal counts raids in, or a rank is counted in, dates no raid
    ("Rebel gunboats shelled the port of Kismayo, in the second such raid this month, a spokesman said.", None),
    ("A company spokesman said the dawn bombing of the Kirkuk pipeline was the 14th in the last six months.",
     None),
])
def test_which_word_a_date_hangs_on_decides_whether_it_dates_the_attack(extract, text, start):
    claims, _ = extract(text, published="2024-03-14")
    attack = next(c for c in claims if c.type == "ATTACK")
    assert attack.time.start == start


def test_a_day_written_before_a_present_tense_say_dates_what_is_said(extract):
    claims, _ = extract("In Leeds on Monday, police say a man shot his former partner outside a bank.",
                        published="2024-03-14")
    attack = next(c for c in claims if c.type == "ATTACK")
    assert (attack.time.start, attack.time.basis) == ("2024-03-11", "event")


def test_weekdays_of_the_shootings_placed_last_week_are_last_weeks(extract):
    text = ("Wednesday's shooting follows two last week in public places in Leeds and Bristol.\n\n"
            "In Leeds on Monday, police say a man shot his former partner outside a bank.\n\n"
            "On Tuesday in Bristol, a gunman killed his neighbour and then himself.")
    claims, _ = extract(text, published="2024-03-14")
    days = {c.sentence: c.time.start for c in claims if c.type == "ATTACK"}
    assert days == {0: "2024-03-13", 1: "2024-03-04", 2: "2024-03-05"}


def test_a_speakers_next_act_takes_the_speech_date_and_another_speakers_does_not(extract):
    text = ("On Wednesday night, Governor Ruth Alvarez condemned Senator Tom Bright in a speech in Denver. "
            "The governor also denounced Bright as a coward.\n\n"
            "Senator Tom Bright condemned Alvarez in a statement.")
    claims, ents = extract(text, published="2024-03-14")
    days = [(c.sentence, c.time.start) for c in claims if c.type == "CONDEMN"]
    assert days == [(0, "2024-03-13"), (1, "2024-03-13"), (2, None)]


def test_a_denial_takes_no_date_from_the_attack_it_denies_a_role_in(extract):
    claims, _ = extract("The government in Tehran has vigorously denied any role in the March 3 bombing "
                        "of the embassy.", published="2024-03-14")
    denial = next(c for c in claims if c.type == "DENY")
    attack = next(c for c in claims if c.type == "ATTACK")
    assert denial.time.start is None and attack.time.start == "2024-03-03"


def test_a_death_a_remark_is_about_takes_no_date_from_the_remark(extract):
    claims, _ = extract("Senator Ruth Alvarez spoke out Tuesday about the death of Omar Haddad in Dayton, Ohio.",
                        published="2024-03-14")
    death = next(c for c in claims if c.type == "CASUALTY")
    assert death.time.start is None


def test_the_one_who_died_is_not_the_speaker_who_tells_it(extract):
    claims, ents = extract("Police Sergeant Tom Hale described the scene. She fell to the floor and died from her "
                           "wounds, he said.")
    death = next(c for c in claims if c.type == "CASUALTY")
    assert not death.roles["actor"] and ents[death.source].name == "Tom Hale"


@pytest.mark.parametrize("text, source", [
    ("Three soldiers were wounded in an ambush near Tolvik on Sunday; officials say the road is shut.", None),
    ("Three soldiers were wounded in an ambush near Tolvik on Sunday, officials said.", "officials"),
])
def test_a_clause_before_a_semicolon_is_not_what_the_next_speaker_says(extract, text, source):
    claims, ents = extract(text)
    hurt = next(c for c in claims if c.type == "CASUALTY")
    assert (ents[hurt.source].name if hurt.source else None) == source
    assert hurt.modality == ("fact" if source is None else "reported")


@pytest.mark.parametrize("text, toll, attack", [
    ("Two guards were shot and killed at the gate on Monday.", [2], []),
    ("A sniper shot to death two farmers and wounded three others near Kessa on Monday.", [2, 3], []),
    ("A sniper shot three farmers near Kessa on Monday, killing one.", [1], [3]),
])
def test_the_people_an_attack_hit_and_that_died_are_counted_on_the_toll(extract, text, toll, attack):
    claims, _ = extract(text)
    counts = {c.type: sorted(q.value for q in c.quantities) for c in claims}
    assert counts.get("CASUALTY", []) == toll
    assert counts.get("ATTACK", []) == attack


@pytest.mark.parametrize("text, toll", [
    ("A sniper shot three farmers near Kessa on Monday, killing one.", [1]),
    ("One passenger died after the ferry was shelled near Kessa on Monday.", [1]),
    ("One of the guards was killed in the raid on the depot.", []),
    ("No one was killed in the raid on the depot.", []),
])
def test_a_bare_one_is_a_toll_only_as_the_people_a_killing_is_about(extract, text, toll):
    claims, _ = extract(text)
    counted = sorted(q.value for c in claims if c.type == "CASUALTY" for q in c.quantities)
    assert counted == toll


@pytest.mark.parametrize("text, weapon", [
    ("A rocket attack on the barracks wounded four soldiers on Monday.", "rocket"),
    ("The grenade blast at the checkpoint killed two police officers on Monday.", "grenade"),
    ("Drone strikes have become the army's main weapon in the north.", None),
])
def test_the_weapon_named_in_the_attack_noun_is_its_instrument(extract, text, weapon):
    claims, ents = extract(text)
    attacks = [c for c in claims if c.type == "ATTACK"]
    if weapon is None:
        assert not attacks  # a generic plural names no happening
    else:
        assert {ents[i].name for c in attacks for i in c.roles["instrument"]} == {weapon}


@pytest.mark.parametrize("text, start", [
    # a clause in the present tense says how things are now, not on the past clause's day
    ("Officials did not enforce the curfew on Saturday night, even as Mombasa remains under a state of "
     "emergency and patrolled by Kenyan army troops.", None),
    ("Officials enforced the curfew in Mombasa on Saturday night, as the city was patrolled by Kenyan army "
     "troops.", "2024-03-09"),
])
def test_a_present_clause_under_a_past_one_takes_no_date_from_it(extract, text, start):
    claims, _ = extract(text, published="2024-03-14")
    deployment = next(c for c in claims if c.type == "DEPLOY")
    assert deployment.time.start == start


def test_a_deployment_in_an_as_clause_holds_while_the_dated_subject_does(extract):
    claims, _ = extract("Monday's ambush, the deadliest in the province this year, came as Nigerian troops "
                        "deployed at border posts to stop raids on farms.", published="2024-03-14")
    deployment = next(c for c in claims if c.type == "DEPLOY")
    assert deployment.time.start == "2024-03-11"


def test_a_happening_named_by_its_year_takes_the_day_the_article_gave_it(extract):
    text = ("Officials in Ankara have long denied any role in the June 4, 2019, bombings of the Kirkuk pipeline.\n\n"
            "Still, Kurdish leaders suspect Turkish involvement in the 2019 bombings.\n\n"
            "Kurdish leaders blamed Turkish militias for the 2020 bombings of the Erbil depot.")
    claims, _ = extract(text, published="2024-03-14")
    days = {c.sentence: (c.time.start, c.time.end) for c in claims if c.type == "ATTACK"}
    assert days[1] == ("2019-06-04", "2019-06-04") and days[2] == ("2020-01-01", "2020-12-31")


@pytest.mark.parametrize("victim, start", [
    # a shooting named by another victim is another happening: neither the death told just
    # before nor the day the arrest was announced dates it
    ("a protester", None),
    ("Omar Haddad", "2024-03-11"),
])
def test_a_shooting_named_by_its_victim_continues_only_a_death_of_that_victim(extract, victim, start):
    text = ("After Omar Haddad's death on Monday, Leeds saw two nights of unrest as crowds filled the streets.\n\n"
            f"Police announced on Thursday the arrest of a man in the fatal shooting of {victim} outside a bar.")
    claims, _ = extract(text, published="2024-03-16")
    days = {(c.type, c.time.start) for c in claims if c.sentence == 1}
    assert days == {("ATTACK", start), ("CASUALTY", start)}


def test_the_day_an_arrest_is_announced_does_not_date_the_shooting_it_is_for(extract):
    claims, _ = extract("Police announced on Thursday the arrest of a man in the fatal shooting of a protester.",
                        published="2024-03-16")
    shooting = next(c for c in claims if c.type == "CASUALTY")
    assert shooting.time.start is None


@pytest.mark.parametrize("mention, start", [
    ("Investigators released new footage of Saturday's shooting on Tuesday.", "2024-03-09"),
    # the NER takes "Tuesday of last week's" for one date: the week is the shooting's
    ("Leeds police released bodycam footage on Tuesday of last week’s shooting.", "2024-03-04"),
])
def test_a_dated_happening_too_bare_to_claim_still_dates_the_next_sentence(extract, mention, start):
    claims, _ = extract(f"{mention} Dana Cole, 34, was shot and killed by a security guard outside the depot.",
                        published="2024-03-14")
    assert {(c.sentence, c.type, c.time.start) for c in claims} == {(1, "ATTACK", start), (1, "CASUALTY", start)}


def test_a_bare_mention_dates_nothing_told_in_the_present_or_further_on(extract):
    claims, _ = extract("The militia has not commented on Saturday's shooting. Critics say its fighters shoot "
                        "civilians at checkpoints. A guard was later found shot dead in Leeds.", published="2024-03-14")
    told = [(c.sentence, c.type, c.time.start) for c in claims]
    assert told == [(1, "ATTACK", None), (2, "ATTACK", None), (2, "CASUALTY", None)]


@pytest.mark.parametrize("verb", ["had captured", "captured"])
def test_a_happening_said_to_have_come_before_the_saying_is_only_bounded_by_its_day(extract, verb):
    # the capture came before the saying, on that day or days before: the day said bounds it
    claims, _ = extract(f"Kenya said on Tuesday its troops {verb} the al-Shabaab camp at Bura.", published="2024-03-14")
    capture = next(c for c in claims if c.type == "ATTACK")
    assert (capture.time.start, capture.time.end, capture.time.basis) == (None, "2024-03-12", "report")


def test_a_company_written_after_its_country_is_the_company_and_never_its_own_customer(extract):
    claims, ents = extract("Italy's Leonardo will supply the helicopters to the air force, the ministry said.")
    transfer = next(c for c in claims if c.type == "TRANSFER")
    assert [ents[a].name for a in transfer.roles["actor"]] == ["Leonardo"]
    assert not set(transfer.roles["recipient"]) & set(transfer.roles["actor"])


# Fillers the article states for its claim (REALNEWS: in its sentence, or by a definite
# description that clearly refers back), in constructions real news uses
@pytest.mark.parametrize("text, kind, role, filler", [
    # a definite place noun is the place named before it
    ("Qatar expelled two diplomats on Monday. The expulsions came a year after car bombings in the emirate "
     "killed six people.", "ATTACK", "location", "Qatar"),
    ("Pirates fired on a tanker in the Strait of Hormuz on Monday. The frigate Calder, on patrol in the region, "
     "came to its aid.", "DEPLOY", "location", "Strait of Hormuz"),
    ("Troops searched homes in the Jenin area on Sunday. Soldiers carried out a raid in the same area on Friday.",
     "ATTACK", "location", "Jenin"),
    ("Parents gathered at Mercy Lake School in Dayton on Monday. Five pupils were killed at the school last "
     "year.", "CASUALTY", "location", "Mercy Lake School"),
    ("Cadets returned to the Harlan Naval Academy in May. A bomb exploded at the academy on Friday.", "ATTACK",
     "target", "Harlan Naval Academy"),
    # a business named where it happened is where
    ("Two women died at Velvet, a busy Leeds bar.", "CASUALTY", "location", "Velvet"),
    ("The man entered the lobby of the insurance company, Brightwater Mutual, and opened fire on staff.",
     "ATTACK", "location", "Brightwater Mutual"),
    ("A guard said several shots were fired inside the Marlow Civic Center on Tuesday.", "ATTACK", "location",
     "Marlow Civic Center"),
    ("A courier was shot dead on Friday at a shop called Hart Tools.", "ATTACK", "location", "Hart Tools"),
    # the named unit on patrol is the one deployed, by the state it is written as belonging to
    ("Britain's HMS Daring and its helicopter were on anti-piracy patrol.", "DEPLOY", "subject", "HMS Daring"),
    ("Britain's HMS Daring and its helicopter were on anti-piracy patrol.", "DEPLOY", "actor", "United Kingdom"),
    ("Smugglers fled at dawn. HMS Daring, on patrol in the strait, gave chase.", "DEPLOY", "subject",
     "HMS Daring"),
    # who is charged or arrested in a happening did it
    ("Police arrested Tom Reyes in the killing of a cashier.", "CASUALTY", "actor", "Tom Reyes"),
    ("Dana Miller, 34, was charged with two counts of attempted murder in the shooting of her neighbour.",
     "ATTACK", "actor", "Dana Miller"),
    # "a police shooting": the police shot
    ("Her arrest followed a fatal police shooting in Dayton.", "ATTACK", "actor", "police"),
    # a town's police act in that town, and the town is not who acted
    ("A Dayton police officer shot a man on Friday.", "ATTACK", "location", "Dayton"),
    ("A Dayton police officer shot a man on Friday.", "ATTACK", "actor", "police"),
    # the suspect the article names is the unnamed doer told beside it
    ("A Texas woman shot two co-workers on Tuesday at a bakery in Austin.\n\nThe suspect, Carla Gomez, 29, was "
     "arrested at her home hours later, officers said.", "ATTACK", "actor", "Carla Gomez"),
    # who claims a happening did it
    ("The crackdown followed the bombing of a police post that was claimed by the Islamic State.", "ATTACK",
     "actor", "Islamic State"),
    ("Officials recalled the killing of a Jordanian border guard, which al-Shabaab claimed.", "CASUALTY", "actor",
     "al-Shabaab"),
    ("Al-Shabaab claimed the attack on the army base in Baidoa on Monday.", "ATTACK", "actor", "al-Shabaab"),
    # how a bomb is carried is its kind
    ("A truck bomb went off outside the ministry on Monday.", "ATTACK", "instrument", "truck bomb"),
    ("A roadside bomb hit an army convoy near the border.", "ATTACK", "instrument", "roadside bomb"),
])
def test_a_filler_the_article_states_is_found(extract, text, kind, role, filler):
    claims, ents = extract(text)
    assert any(filler in _role_names(c, ents, role) for c in claims if c.type == kind)


def test_the_named_suspect_is_not_the_gunman_of_another_shooting(extract):
    claims, ents = extract("A Texas woman shot two co-workers on Tuesday at a bakery in Austin.\n\n"
                           "The suspect, Carla Gomez, 29, was arrested at her home hours later, officers said.\n\n"
                           "Her lawyer said she would plead not guilty.\n\nThe bakery will reopen next week.\n\n"
                           "In March, a gunman killed three shoppers at a mall in Dallas.")
    dallas = next(c for c in claims if c.type == "ATTACK" and "Dallas" in c.text)
    assert "Carla Gomez" not in _role_names(dallas, ents, "actor")



def test_a_contract_to_supply_is_a_planned_transfer_by_whoever_signed_it(extract):
    claims, ents = extract("Veltra Systems has signed a contract to supply 12 armoured vehicles to Kenya.")
    transfer = next(c for c in claims if c.type == "TRANSFER")
    assert transfer.modality == "planned"
    assert _role_names(transfer, ents, "actor") == {"Veltra Systems"}
    assert _role_names(transfer, ents, "recipient") == {"Kenya"}


def test_the_rebels_are_no_organisation_that_is_not_armed(extract):
    claims, ents = extract("The Senate approved a plan to send military aid to the rebels.")
    transfer = next(c for c in claims if c.type == "TRANSFER")
    assert not transfer.roles["recipient"]  # not the Senate, named last


@pytest.mark.parametrize("text", ["Any attack on a tanker is a declaration of war, the admiral said.",
                                  "A rocket strike on the port would be an act of aggression."])
def test_what_a_happening_in_general_would_be_is_no_happening(extract, text):
    claims, _ = extract(text)
    assert not [c for c in claims if c.type == "ATTACK"]


def test_a_strike_said_to_be_the_latest_of_many_still_happened(extract):
    claims, _ = extract("A drone strike on a fuel convoy near Gao is the latest in a series of attacks.")
    assert [c.type for c in claims if c.type == "ATTACK"] == ["ATTACK"]


def test_first_aid_is_no_supply(extract):
    claims, _ = extract("Paramedics provided first aid to the wounded soldiers at the checkpoint.")
    assert not [c for c in claims if c.type == "TRANSFER"]


LEAD_ON_HERAT = "Rebels killed 30 soldiers near Herat, the army said.\n\n"
LEAD_ON_KANYABAYONGA = "Army jets bombed the village of Kanyabayonga, the radio said.\n\n"


@pytest.mark.parametrize("text, start", [
    # a garrison overrun "since March 2, when" only says from when a toll is counted: not the killing's day
    (LEAD_ON_HERAT + "It was the highest toll since March 2, when rebels overran the garrison at Herat.", None),
    (LEAD_ON_HERAT + "Rebels overran the garrison at Herat on March 12.", "2024-03-12"),
    # the last month of a ceasefire is the ceasefire's, not the month before the article
    ("Rebels have attacked army posts near Goma in the last month of the ceasefire.", None),
    ("Rebels have attacked army posts near Goma over the past week of fighting.", "2024-03-07"),
    # the day of a bombing somewhere else is not the lead's day
    (LEAD_ON_KANYABAYONGA + "Officials said army jets bombed villages in Rutshuru yesterday.", None),
    (LEAD_ON_KANYABAYONGA + "Officials said army jets bombed the village yesterday.", "2024-03-13"),
])
def test_a_date_of_something_else_does_not_date_the_attack_told_first(extract, text, start):
    claims, _ = extract(text)
    first = next(c for c in claims if c.type == "ATTACK" and c.sentence == 0)
    assert first.time.start == start


@pytest.mark.parametrize("text, start", [
    # what a remark or a protest is about happened before it: their Tuesday is not the death's
    ("The mayor's comments Tuesday on the shooting death of Okafor came as protests grew.", None),
    # ("a protest of Okafor's death": no claim at all, test_unseen_news.py)
    ("The shooting death of Okafor on Tuesday shocked the city.", "2016-09-20"),
])
def test_the_day_of_a_remark_or_a_protest_is_not_the_day_of_what_it_is_about(extract, text, start):
    claims, _ = extract(text, published="2016-09-21")
    death = next(c for c in claims if c.type == "CASUALTY")
    assert death.time.start == start


PYLON = "Rebels blew up a power pylon near Tumbes in Peru on Tuesday, the army said. "
WOUNDED = "Two guards were wounded on Tuesday, a police spokesman said. "
SERIES = "Repeated bombings of the grid have cost the state utility millions of dollars."


def _locations(pipeline, text):
    claims, ents = pipeline.extract([Document(id="d1", text=text, published="2024-03-14")], learn=False)
    return {c.text.strip(): [ents[i].name for i in c.roles["location"]] for c in claims
            if c.type in {"ATTACK", "CASUALTY"}}


def test_attacks_placed_nowhere_lie_where_the_article_placed_its_attacks(pipeline):
    where = _locations(pipeline, PYLON + WOUNDED + SERIES)
    assert where[WOUNDED.strip()] == ["Tumbes"]  # the toll of that day's attack
    assert where[SERIES] == ["Peru"]  # a series may be anywhere in the country


@pytest.mark.parametrize("text", [
    # a second country: which one the bombings hit is not said
    PYLON + "Rebels also attacked an army post in Ecuador. " + SERIES,
    # an attack denied in another country is still told of there
    PYLON + "The army denied that its troops had shelled a village in Ecuador. " + SERIES,
    # a nationality is no place: the article never says where its attacks lie
    "Rebels blew up a power pylon near Tumbes on Tuesday, a Peruvian army spokesman said. " + SERIES,
])
def test_attacks_placed_nowhere_stay_so_without_one_country_named(pipeline, text):
    assert _locations(pipeline, text)[SERIES] == []


BLAST = "A bomb went off outside a tax office in Tumbes on Tuesday, officials said. "
HURT = "Seven people were injured on Tuesday, a hospital spokesman said."


@pytest.mark.parametrize("text", [
    BLAST + HURT,  # no country named as a place: the day's one town is still sure
    # each day its own town: Monday's toll lies where Monday's attack was, not Tuesday's
    "Rebels raided a depot in Tumbes on Tuesday. Jets hit a camp near Piura on Monday. " + HURT,
])
def test_a_toll_placed_nowhere_lies_in_the_one_town_of_its_day(pipeline, text):
    assert _locations(pipeline, text)[HURT] == ["Tumbes"]


@pytest.mark.parametrize("text", [
    "Rebels raided a depot in Tumbes and a camp near Piura on Tuesday. " + HURT,  # two towns that day
    BLAST + "Seven people were injured on Wednesday, a hospital spokesman said.",  # another day
    BLAST + "Repeated raids have injured seven people on Tuesday, a hospital spokesman said.",  # a series
])
def test_a_toll_placed_nowhere_stays_so_without_one_town_that_day(pipeline, text):
    tolls = [places for said, places in _locations(pipeline, text).items() if "injured" in said]
    assert tolls == [[]]


MARKET = "A bomb went off in a market in Tumbes on Tuesday. "


@pytest.mark.parametrize("ambush, place", [
    ("Troops ambushed a rebel column on Tuesday.", ["Tumbes"]),
    ("Troops ambushed a rebel column some 40 km from the market on Tuesday.", []),  # away from the town
])
def test_an_attack_of_the_day_lies_in_its_town_unless_a_distance_puts_it_away(pipeline, ambush, place):
    assert _locations(pipeline, MARKET + ambush)[ambush] == place


def test_the_bomb_named_again_went_off_where_its_blast_was_told(pipeline):
    planted = "Police said the bomb had been planted by rebels."
    where = _locations(pipeline, "A bomb exploded at a bus station in Tumbes, killing three people. " + planted)
    assert where[planted] == ["Tumbes"]


def test_a_town_the_gazetteer_lacks_makes_the_country_told_with_it_redundant(pipeline):
    text = "The capture of Wadi Zamra on Sunday cost the rebels their only airstrip in Chad, officials said."
    assert _locations(pipeline, text)[text] == ["Wadi Zamra"]


@pytest.mark.parametrize("text, place", [
    ("Guerrillas attacked an army base in Piura, about 200 km south of Tumbes, on Monday.", {"Piura"}),
    ("A tanker was hit about 90 km west of Tumbes on Monday.", {"Tumbes"}),  # the only place said
    ("Smugglers fired on a ferry in the Strait of Hormuz, between the coast of Oman and Iran, on Monday.",
     {"Strait of Hormuz"}),
])
def test_the_town_a_distance_is_measured_from_or_the_lands_either_side_are_no_second_location(extract, text, place):
    claims, ents = extract(text)
    attack = next(c for c in claims if c.type == "ATTACK")
    assert _role_names(attack, ents, "location") == place


def test_the_owner_of_a_site_in_another_country_is_no_location(extract):
    claims, ents = extract("Insurgents killed nine Libyan guards on Monday as they tried to capture "
                           "Benghazi's fuel depot in eastern Chad.")
    toll = next(c for c in claims if c.type == "CASUALTY")
    assert _role_names(toll, ents, "location") == {"Chad"}


def test_one_of_the_officials_is_the_officials_as_a_source(extract):
    claims, ents = extract("Belavia has supplied the army with 40 armoured vehicles, one of the officials said.")
    transfer = next(c for c in claims if c.type == "TRANSFER")
    assert transfer.source is not None and ents[transfer.source].name == "officials"
    assert transfer.modality == "reported"


@pytest.mark.parametrize("text, actor", [
    ("Iran is believed to have supplied the Houthis with 200 drones.", "Iran"),
    ("Belarus is thought to have deployed 3,000 troops to the border with Ukraine.", "Belarus"),
])
def test_the_one_believed_to_have_done_it_is_its_doer(extract, text, actor):
    claims, ents = extract(text)
    claim = next(c for c in claims if c.type in {"TRANSFER", "DEPLOY"})
    assert _role_names(claim, ents, "actor") == {actor}
    assert claim.modality == "likely"


@pytest.mark.parametrize("text", ["Moscow vetoed new sanctions on the junta at the Security Council.",
                                  "Ankara flatly opposed mandatory sanctions against Baku.",
                                  "The Senate blocked arms sales to Bahrain.",
                                  # ended, not taken: invented wire-copy constructions
                                  "The EU lifted its arms embargo on Belarus.",
                                  "London eased sanctions on Caracas last week."])
def test_a_measure_vetoed_opposed_or_lifted_was_not_taken(extract, text):
    claims, _ = extract(text)
    assert not [c for c in claims if c.type in {"SANCTION", "TRANSFER"}]


@pytest.mark.parametrize("text, target, subject", [
    ("Madrid suspended arms sales to Riyadh.", "Riyadh", None),
    # as real-news gold reads such a halt: the buyer is the target, the jets what is restricted
    ("Norvan Aero suspended deliveries of its Rafale fighter jets to Estland over unpaid bills.", "Estland", "Rafale"),
])
def test_trade_suspended_towards_someone_sanctions_them(extract, text, target, subject):
    claims, ents = extract(text)
    sanction = next(c for c in claims if c.type == "SANCTION")
    assert [ents[i].name for i in sanction.roles["target"]] == [target]
    assert [ents[i].name for i in sanction.roles["subject"]] == ([subject] if subject else [])


@pytest.mark.parametrize("text", ["Moscow vetoed a UN resolution condemning Belgrade for the raid.",
                                  "China vetoed a resolution imposing sanctions on Myanmar."])
def test_a_text_vetoed_condemns_or_sanctions_no_one(extract, text):
    claims, _ = extract(text)
    assert not [c for c in claims if c.type in {"CONDEMN", "SANCTION"}]


def test_who_denounces_sanctions_did_not_impose_them(extract):
    claims, ents = extract("Belarus denounced the new EU sanctions on its potash exports.")
    sanctions = [c for c in claims if c.type == "SANCTION"]
    assert sanctions and all("Belarus" not in _role_names(c, ents, "actor") for c in sanctions)


def test_what_hits_an_economy_attacks_nothing(extract):
    claims, _ = extract("The sanctions on Caracas hit its oil exports, officials said.")
    assert not [c for c in claims if c.type == "ATTACK"]


@pytest.mark.parametrize("text", ["The ministry said it had no evidence that Minsk supplied the shells.",
                                  "There is no sign that Tehran sent the drones, the envoy said."])
def test_no_evidence_that_it_happened_asserts_nothing(extract, text):
    claims, _ = extract(text)
    assert not [c for c in claims if c.type == "TRANSFER"]


def test_a_strike_if_confirmed_is_possible(extract):
    claims, _ = extract("The drone strike on the refinery, if confirmed, would be the deepest inside Belarus so far.")
    assert [c.modality for c in claims if c.type == "ATTACK"] == ["possible"]


@pytest.mark.parametrize("text", ["Caracas warned Bogota of a firm response if it shelled border towns.",
                                  "Caracas said it would respond firmly if Bogota shelled border towns."])
def test_an_attack_on_a_condition_is_possible_and_not_the_warner_s(extract, text):
    claims, ents = extract(text)
    for attack in (c for c in claims if c.type == "ATTACK"):
        assert attack.modality == "possible"  # REALNEWS: "if" is possible, neither reported nor planned
        assert "Caracas" not in _role_names(attack, ents, "actor")


def test_a_weapons_package_for_a_country_is_a_transfer(extract):
    claims, ents = extract("The Pentagon announced a $250 million weapons package for Kyiv, including HIMARS rockets.")
    transfer = next(c for c in claims if c.type == "TRANSFER")
    assert _role_names(transfer, ents, "recipient") == {"Kyiv"}


def test_who_shot_down_the_drones_did_not_launch_them(extract):
    claims, ents = extract("Moldova's army said it shot down 12 of the 15 drones launched overnight.")
    downing = next(c for c in claims if c.type == "ATTACK" and c.roles["target"])
    assert _role_names(downing, ents, "target") == {"drone"} and not downing.roles["instrument"]
    launches = [c for c in claims if c.type == "ATTACK" and c is not downing]
    assert launches and all(not c.roles["actor"] for c in launches)


def test_those_accused_of_a_supply_do_not_report_it_and_the_article_does_not_state_it(extract):
    claims, _ = extract("Four trading firms accused of supplying drone engines to Russia were sanctioned on Friday.")
    transfer = next(c for c in claims if c.type == "TRANSFER")
    assert transfer.source is None and transfer.modality == "reported"


def test_not_planning_to_deploy_denies_the_deployment(extract):
    claims, _ = extract("Norway is not planning to deploy troops to Latvia, the minister said.")
    assert [c.polarity for c in claims if c.type == "DEPLOY"] == ["denied"]


def test_any_deployment_is_none_told_of(extract):
    claims, _ = extract("Minsk warned that it would respond to any deployment of Polish troops.")
    assert not [c for c in claims if c.type == "DEPLOY"]


@pytest.mark.parametrize("text", ["Hamas fired 30 rockets at Sderot on Monday, its spokesman said.",
                                  "Hamas fired 30 rockets at Sderot on Monday, the group's spokesman said."])
def test_its_spokesman_is_the_body_named_before_as_a_source(extract, text):
    claims, ents = extract(text)
    attack = next(c for c in claims if c.type == "ATTACK")
    assert ents[attack.source].name == "Hamas"


def test_a_capital_the_tagger_left_out_still_accuses(extract):
    claims, ents = extract("Kyiv accused Minsk of sheltering the gunmen.")
    accuse = next(c for c in claims if c.type == "ACCUSE")
    assert _role_names(accuse, ents, "actor") == {"Kyiv"}


@pytest.mark.parametrize("text", ["Ankara warned Athens against selling drones to Cyprus.",
                                  "Moscow warned Oslo against the deployment of allied troops near the border."])
def test_what_a_party_is_warned_against_did_not_happen(extract, text):
    claims, _ = extract(text)
    assert [c.type for c in claims if c.type in {"TRANSFER", "DEPLOY"}] == []
    assert [c.type for c in claims if c.type == "NOTIFY"]


def _denied_by(claims, ents, ctype):
    return {ents[c.source].name for c in claims if c.type == ctype and c.polarity == "denied" and c.source}


@pytest.mark.parametrize("text", [
    "The militia said it had shelled the garrison at Kamina, a claim the army denied.",
    "The militia said it had shelled the garrison at Kamina, which the army denied.",
    "The militia said it had shelled the garrison at Kamina. The army denied the claim.",
])
def test_a_denial_of_what_was_told_denies_that_happening(extract, text):
    claims, ents = extract(text)
    assert [c.polarity for c in claims if c.type == "ATTACK" and c.source and ents[c.source].name == "militia"] \
        == ["asserted"]
    assert "army" in _denied_by(claims, ents, "ATTACK")
    assert [c for c in claims if c.type == "DENY"]


def test_a_denial_hung_on_one_clause_takes_back_that_clause_only(extract):
    claims, ents = extract("The militia said 40 soldiers had been killed and claimed it shot down a helicopter, "
                           "which the army denied.")
    assert "army" in _denied_by(claims, ents, "ATTACK")
    assert not _denied_by(claims, ents, "CASUALTY")


def test_a_denial_of_a_report_reaches_no_further_than_the_claims_just_told(extract):
    claims, ents = extract("Troops shelled Kamina on Monday. Talks resumed in Lusaka on Tuesday. "
                           "The weather was mild. The army denied the report.")
    assert not _denied_by(claims, ents, "ATTACK")


def test_a_denial_with_its_own_content_copies_nothing_told_before(extract):
    claims, ents = extract("The militia said it had shelled the garrison at Kamina. "
                           "The army denied that any soldier had been killed.")
    assert not _denied_by(claims, ents, "ATTACK")


def test_who_denies_a_part_in_an_attack_is_the_source_of_its_denial(extract):
    claims, ents = extract("The Tigray Defence Forces denied involvement in the ambush on the convoy.")
    denied = [c for c in claims if c.type == "ATTACK" and c.polarity == "denied"]
    assert denied and all(c.source and ents[c.source].name == "Tigray Defence Forces" for c in denied)


def test_what_a_party_threatens_to_do_is_its_threat_not_an_attack(extract):
    # the deed threatened has not happened: on 16 real-news sets the annotators gave it no claim
    # (or an optional one), so the threat's claim alone tells it, aimed at the port (Berbera itself)
    claims, ents = extract("Al-Shabaab threatened to shell the port of Berbera if the blockade continued.")
    assert not [c for c in claims if c.type == "ATTACK"]
    threat = next(c for c in claims if c.type == "THREATEN")
    assert threat.modality == "fact" and [ents[i].name for i in threat.roles["target"]] == ["Berbera"]


def test_a_denial_of_that_in_the_same_sentence_denies_what_was_said_before_it(extract):
    claims, ents = extract("The militia said the raid killed nine herders, but the army denied that.")
    assert "army" in _denied_by(claims, ents, "CASUALTY")
    assert [c.polarity for c in claims if c.type == "CASUALTY" and c.source and ents[c.source].name == "militia"] \
        == ["asserted"]


def test_what_a_party_has_been_accused_of_is_reported_not_fact(extract):
    claims, _ = extract("The junta has been accused of bombing villages in Sagaing region.")
    assert [c.modality for c in claims if c.type == "ATTACK"] == ["reported"]


def test_the_number_of_speakers_does_not_count_the_happening(extract):
    claims, _ = extract("The raid was carried out by a Turkish Bayraktar drone, two officials told reporters.")
    assert [q.value for c in claims if c.type == "ATTACK" for q in c.quantities] == []


@pytest.mark.parametrize("text", ["Tallinn urged Berlin to deliver more Patriot batteries.",
                                  "The president called on allies to send fighter jets to Kyiv.",
                                  "Vilnius called for the deployment of more NATO troops."])
def test_what_a_party_asks_another_to_do_has_not_happened(extract, text):
    claims, _ = extract(text)
    assert not [c for c in claims if c.type in {"TRANSFER", "DEPLOY"}]


def test_a_call_for_an_inquiry_into_a_strike_still_tells_the_strike(extract):
    claims, _ = extract("Kyiv called for an investigation into the strike on the hospital in Lviv.")
    assert [c for c in claims if c.type == "ATTACK"]


def test_how_far_a_place_lies_is_no_quantity_of_the_attack(extract):
    claims, _ = extract("A drone hit a fuel depot in Klintsy, about 40 km from the Ukrainian border, on Monday.")
    attacks = [c for c in claims if c.type == "ATTACK"]
    assert attacks and all(not c.quantities for c in attacks)


def test_the_figure_a_source_contradicts_is_not_its_own(extract):
    claims, ents = extract("At least 30 soldiers were killed near Tera on Tuesday, two local sources said, "
                           "contradicting the official toll of 12.")
    tolls = [c for c in claims if c.type == "CASUALTY"]
    counts = [(q.value, q.low) for c in tolls for q in c.quantities]
    assert (None, 30) in counts and not any(12 in pair for pair in counts)


def test_the_evidence_a_speaker_cites_is_not_a_source(extract):
    claims, ents = extract("Russia fired two Kinzhal missiles at Lviv, Ukraine's air force said, citing radar data.")
    assert {ents[c.source].name for c in claims if c.type == "ATTACK" and c.source} == {"Ukrainian Air Force"}


def test_a_vow_is_made_as_a_fact_what_is_vowed_lies_ahead(extract):
    claims, _ = extract("Al-Shabaab vowed to keep attacking the bases in Lower Shabelle.")
    assert [c.modality for c in claims if c.type == "THREATEN"] == ["fact"]
    assert [c.modality for c in claims if c.type == "ATTACK"] == ["planned"]


@pytest.mark.parametrize("text", [
    "The Kessel Front vowed to keep firing rockets at the base until the army withdrew.",
    "The Kessel Front vowed revenge for the killing of its commander.",
    "The president vowed that the army would crush the rebels of the Kessel Front.",
])
def test_a_vow_of_fire_revenge_or_crushing_is_a_threat(extract, text):
    claims, _ = extract(text)
    assert [c.modality for c in claims if c.type == "THREATEN"] == ["fact"]


@pytest.mark.parametrize("text", ["The new minister vowed to win back the trust of farmers.",
                                  "The new minister vowed to fire the officials who had lied."])
def test_a_vow_of_something_else_than_force_threatens_no_one(extract, text):
    claims, _ = extract(text)
    assert not [c for c in claims if c.type == "THREATEN"]


def test_weapons_funnelled_to_a_side_are_supplied(extract):
    claims, ents = extract("The CIA funnelled Stinger missiles to the Contras through Pakistan, diplomats said.")
    transfer = next(c for c in claims if c.type == "TRANSFER")
    assert {ents[i].name for i in transfer.roles["actor"]} == {"Central Intelligence Agency"}


def test_a_count_followed_by_from_is_still_a_count(extract):
    claims, _ = extract("The strike on the farm killed 12 from the same family.")
    assert [q.value for c in claims if c.type == "CASUALTY" for q in c.quantities] == [12]


def test_a_named_person_s_aide_is_not_that_person(extract):
    """"Trump's campaign manager, who allegedly assaulted a reporter": the manager did it, not
    the man he works for; and a blow at a reporter tells an attack (session 24)."""
    claims, ents = extract("Senator Ann Dale weighed in on allegations against Dale Ruck's campaign manager, "
                           "who allegedly assaulted a reporter last week in Tulsa.")
    attacks = [c for c in claims if c.type == "ATTACK"]
    assert attacks and not any(ents[e].name == "Dale Ruck" for c in attacks for e in c.roles["actor"])


def test_a_kind_of_blow_named_as_a_subject_is_no_attack(extract):
    claims, _ = extract("Physically assaulting a reporter is a fireable offense, Senator Ann Dale said in Tulsa.")
    assert not [c for c in claims if c.type == "ATTACK"]


@pytest.mark.parametrize("text", [
    "A man from Dover is accused of threatening a tax worker on the phone last week, police said.",
    "He forced the girl to hide in a motel in Tulsa while threatening to kill her parents, police said.",
    "Their next witness had been threatened with death by the defendant, prosecutors in Tulsa said.",
])
def test_a_threat_at_an_unnamed_person_is_told(extract, text):
    """A threat at someone the article does not name is still a threat made (session 24)."""
    claims, _ = extract(text)
    assert [c.trigger for c in claims if c.type == "THREATEN"]


def test_a_danger_to_a_thing_is_no_threat_made(extract):
    claims, _ = extract("The rise in fuel prices threatens the economy of Tulsa, officials said on Monday.")
    assert not [c for c in claims if c.type == "THREATEN"]


@pytest.mark.parametrize("text", ["The colonel will face trial for the raid that killed 40 villagers in 2019.",
                                  "Officials say a blast that killed a guard may have been set off by a timer."])
def test_a_happening_told_in_a_past_relative_clause_is_not_under_the_modal_above_it(extract, text):
    claims, _ = extract(text)
    toll = next(c for c in claims if c.type == "CASUALTY")
    assert toll.modality in {"fact", "reported"}


@pytest.mark.parametrize("text, subject", [
    ("Reports said warships of both navies were sailing towards the disputed zone on Monday.", "warship"),
    ("Norvan warships headed for the strait on Monday, officials said.", "warship"),
])
def test_warships_that_move_are_what_is_deployed(extract, text, subject):
    """Ships of war that sail somewhere are the force sent, as troops are (session 28)."""
    claims, ents = extract(text)
    deploy = next(c for c in claims if c.type == "DEPLOY")
    assert any(subject in name.lower() for name in _role_names(deploy, ents, "subject"))


def test_armed_men_occupying_a_building_are_posted_there(extract):
    claims, ents = extract("About 80 rebels were occupying the customs building at Port Vell, the sources said.")
    deploy = next(c for c in claims if c.type == "DEPLOY")
    assert any("rebel" in name.lower() for name in _role_names(deploy, ents, "subject"))


def test_forces_occupying_a_place_are_deployed_there(extract):
    claims, ents = extract("Jets flew over the island during an exercise of Turkish forces occupying the north of it.")
    deploy = next(c for c in claims if c.type == "DEPLOY")
    assert _role_names(deploy, ents, "actor") == {"Turkey"}


def test_fleeing_rebels_are_no_deployment(extract):
    claims, _ = extract("About 80 rebels fled into the forest on Monday, the army said.")
    assert not [c for c in claims if c.type == "DEPLOY"]


@pytest.mark.parametrize("text, target", [
    ("Norvan missiles destroyed a power plant in Kharkiv on Monday, the ministry said.", "power plant"),
    ("An airstrike destroyed a school in Rafah on Monday, medics said.", "school"),
    ("Rebel fighters destroyed the bridge at Kolwe on Monday, the army said.", "bridge"),
])
def test_what_arms_destroy_is_attacked(extract, text, target):
    """A weapon, a strike or armed men destroying anything is an attack (session 28)."""
    claims, ents = extract(text)
    attack = next(c for c in claims if c.type == "ATTACK")
    assert target in {n.lower() for n in _role_names(attack, ents, "target")}


@pytest.mark.parametrize("text", ["The fire destroyed 300 homes in the valley of Kolwe on Monday.",
                                  "The ministry destroyed the files in Kolwe in 2019, auditors said.",
                                  "It was an attack, with ten people killed and vital aid to the town destroyed."])
def test_destroying_without_arms_is_no_attack(extract, text):
    claims, ents = extract(text)
    assert not [c for c in claims if c.type == "ATTACK" and c.trigger.startswith("destroy")]
    assert not any(ents[i].name == "aid" for c in claims for i in c.roles["instrument"])


def test_a_place_read_as_a_gerund_is_still_where_it_happened(extract):
    claims, ents = extract("The army bombed a village in Sagaing on Saturday, residents said.")
    attack = next(c for c in claims if c.type == "ATTACK")
    assert _role_names(attack, ents, "location") == {"Sagaing"}


@pytest.mark.parametrize("text", [
    "Police said a bomb exploded outside the consulate on Wednesday, causing damage but no casualties.",
    "Nobody was injured when the drone crashed into a block of flats in Kolwe, the mayor said.",
    "There were no injuries in the rocket attack on the air base, the ministry said.",
])
def test_harm_denied_beside_an_attack_is_a_denied_toll(extract, text):
    """"No casualties" is the toll of the attack told beside it, denied (REALNEWS), even
    when it names no one (session 28)."""
    claims, _ = extract(text)
    assert [c for c in claims if c.type == "ATTACK" and c.polarity == "asserted"]
    assert [c for c in claims if c.type == "CASUALTY" and c.polarity == "denied"]


def test_harm_denied_with_no_attack_told_names_nothing(extract):
    claims, _ = extract("There were no casualties, the mayor of Kolwe told reporters on Monday.")
    assert not [c for c in claims if c.type == "CASUALTY" and not any(c.roles.values())]


@pytest.mark.parametrize("text", [
    "The union adopted a new package of sanctions against Norvania on Friday, targeting nearly 200 companies.",
    "The new measures targeting Norvanian oil exporters take effect on Monday, the council said.",
])
def test_measures_that_target_strike_nothing(extract, text):
    claims, _ = extract(text)
    assert not [c for c in claims if c.type == "ATTACK"]


def test_jets_that_target_commanders_attack(extract):
    claims, _ = extract("Norvanian jets targeted rebel commanders in Kolwe on Monday, the army said.")
    assert [c for c in claims if c.type == "ATTACK"]


def test_a_patrol_near_which_a_bomb_went_off_was_not_sent(extract):
    claims, _ = extract("Two soldiers were wounded when a roadside bomb exploded near their patrol in Kolwe.")
    assert not [c for c in claims if c.type == "DEPLOY"]
    assert [c for c in claims if c.type == "ATTACK"]


def test_a_sale_approved_is_planned_and_undated(extract):
    claims, ents = extract("Norvania approved the sale of 40 fighter jets to Estland on Wednesday, officials said.")
    sale = next(c for c in claims if c.type == "TRANSFER")
    assert sale.modality == "planned" and sale.time.start is None


def test_no_plans_to_act_denies_the_plan_of_its_holder(extract):
    claims, ents = extract("Norvania has no plans to deploy troops to Estland, its defence minister said.")
    deploy = next(c for c in claims if c.type == "DEPLOY")
    assert deploy.polarity == "denied"
    assert _role_names(deploy, ents, "actor") == {"Norvania"}


def test_a_day_told_after_said_dates_the_report_not_the_plan(extract):
    """"said on Monday it would send tanks next month": Monday is the day it was said; a plan
    would otherwise take the next Monday (session 28)."""
    claims, _ = extract("Norvania said on Monday it would send more tanks to Estland next month.")
    sends = [c for c in claims if c.type == "TRANSFER"]
    assert sends and all(c.time.start != "2024-03-18" for c in sends)


@pytest.mark.parametrize("text, target", [
    ("Norvania threatened to annex the eastern region of Estland.", "Estland"),
    ("Norvania threatened to launch a new ground offensive against Estland.", "Estland"),
])
def test_the_party_a_threatened_deed_would_hit_is_threatened(extract, text, target):
    claims, ents = extract(text)
    threat = next(c for c in claims if c.type == "THREATEN")
    assert _role_names(threat, ents, "target") == {target}


def test_what_was_shot_down_is_no_weapon_of_the_attack(extract):
    claims, ents = extract("\"We shot down all 30 drones launched overnight,\" Norvania's air force said.")
    attack = next(c for c in claims if c.type == "ATTACK")
    assert not attack.roles["instrument"] and attack.roles["target"]


def test_a_suicide_bomber_is_the_attacker_not_the_weapon(extract):
    claims, ents = extract("A suicide bomber blew himself up at a checkpoint near Kolwe, killing three guards.")
    attack = next(c for c in claims if c.type == "ATTACK")
    assert not attack.roles["instrument"]


def test_every_joined_nationality_meets_though_one_is_untagged(extract):
    claims, ents = extract("Somali and Kenyan officials met in Nairobi on Thursday to discuss border security.")
    meet = next(c for c in claims if c.type == "MEET")
    assert _role_names(meet, ents, "actor") == {"Somalia", "Kenya"}


def test_security_forces_are_the_attackers(extract):
    claims, ents = extract("On Thursday, security forces opened fire on protesters in Kolwe, killing six people.")
    attack = next(c for c in claims if c.type == "ATTACK")
    assert _role_names(attack, ents, "actor") == {"security forces"}


def test_a_named_site_a_bomb_went_off_at_was_hit(extract):
    """"The explosion occurred at a West Coast Bank branch": the branch was hit, not only the
    place it happened (session 28; REALNEWS gold on bank and academy bombings)."""
    claims, ents = extract("Police said a bomb had been planted in Kolwe. "
                           "The explosion occurred on Friday at a First National Bank branch in Kolwe.")
    blast = next(c for c in claims if c.type == "ATTACK" and c.trigger == "explosion")
    assert any("Bank" in name for name in _role_names(blast, ents, "target"))


def test_a_running_tally_dates_no_strike_told_after_it(extract):
    """A toll "since October 7" counts up to now; the strike told next is of the day the lead
    gave, not of October 7 (session 28)."""
    claims, _ = extract("A Norvanian air strike on a house in Kolwe killed nine people on Wednesday night, "
                        "medics said. The ministry said the overall death toll since October 7 had risen "
                        "to 31,341. The Norvanian army said it had struck rebel positions in Kolwe.")
    struck = next(c for c in claims if c.type == "ATTACK" and c.trigger == "struck")
    assert struck.time.start != "2023-10-07"


def test_its_forces_are_the_speaker_s_not_the_side_named_before(extract):
    claims, ents = extract("Norvania launched 35 drones at Estland overnight, the Estlandic air force said. "
                           "Norvania's defence ministry said its forces had struck military depots in Estland.")
    struck = next(c for c in claims if c.type == "ATTACK" and c.trigger == "struck")
    actors = _role_names(struck, ents, "actor")
    assert actors and not any("Estland" in name for name in actors)


def test_the_group_that_speaks_is_the_group_named_before(extract):
    claims, ents = extract("The Kolwe Liberation Front fired dozens of rockets at Estland on Tuesday, the group said.")
    attack = next(c for c in claims if c.type == "ATTACK")
    assert ents[attack.source].name != "group"


def test_a_title_in_the_sentence_before_names_no_one(extract):
    """"according to the police commander. President Dana Reyes condemned ...": Reyes is no
    commander; the commander stays the source (session 28)."""
    claims, ents = extract("The attackers used explosives and rifles near Kolwe, according to the police commander. "
                           "President Dana Reyes condemned the assault.")
    used = next(c for c in claims if c.type == "ATTACK" and c.trigger == "used")
    assert "Reyes" not in ents[used.source].name


def test_weapons_an_attack_verb_takes_were_hit(extract):
    claims, ents = extract("Norvanian jets struck rocket launchers near Kolwe on Monday, the army said.")
    attack = next(c for c in claims if c.type == "ATTACK")
    assert any("launcher" in name for name in _role_names(attack, ents, "target"))
    assert not any("launcher" in name for name in _role_names(attack, ents, "instrument"))


def test_a_model_number_is_no_count(extract):
    claims, _ = extract("Norvania will deliver 18 more Leopard 2 tanks to Estland, the defence minister said.")
    sale = next(c for c in claims if c.type == "TRANSFER")
    assert [q.value for q in sale.quantities] == [18]


def test_a_deed_still_to_come_is_not_dated_by_the_day_it_was_announced(extract):
    claims, _ = extract("Norvania will deploy 2,900 soldiers to Estland, the presidency said on Wednesday.")
    deploy = next(c for c in claims if c.type == "DEPLOY")
    assert deploy.modality == "planned" and deploy.time.start is None


def test_what_it_would_be_ranks_the_happening_told_and_is_no_other(extract):
    claims, _ = extract("Norvania delivered 24 howitzers to Estland last week, officials said, in what would be "
                        "the largest single shipment of Norvanian artillery to the region.")
    sales = [c for c in claims if c.type == "TRANSFER"]
    assert len(sales) == 1 and sales[0].modality != "planned"


def test_an_accusation_beside_a_denial_is_not_denied(extract):
    claims, _ = extract("The Kolwe Front denied targeting civilians and accused the Estlandic army of the attack.")
    accuse = next(c for c in claims if c.type == "ACCUSE")
    assert accuse.polarity == "asserted"


def test_forces_weapons_are_sent_to_are_not_sent(extract):
    claims, _ = extract("Norvania has been sending weapons to the Rapid Action Forces in Estland, the report said.")
    assert [c for c in claims if c.type == "TRANSFER"]
    assert not [c for c in claims if c.type == "DEPLOY"]


def test_what_a_deployment_costs_counts_no_troops(extract):
    claims, _ = extract("Norvania will deploy 2,900 soldiers to Estland, the presidency said. "
                        "The deployment will cost about 2 billion rand.")
    assert not any(q.unit == "ZAR" or (q.value or 0) > 1e6 for c in claims if c.type == "DEPLOY" for q in c.quantities)


def test_rebels_of_a_named_group_are_that_group(extract):
    claims, ents = extract("Rebels of the Kolwe Liberation Front attacked the town of Kessel on Sunday, officials said.")
    attack = next(c for c in claims if c.type == "ATTACK")
    assert any("Kolwe Liberation Front" in name for name in _role_names(attack, ents, "actor"))


def test_negotiators_from_two_sides_meet(extract):
    claims, ents = extract("Negotiators from Norvania and the Kolwe Front are due to meet in Estland next week.")
    meet = next(c for c in claims if c.type == "MEET")
    assert {"Norvania", "Kolwe Front"} <= {n.removeprefix("the ") for n in _role_names(meet, ents, "actor")}


def test_every_joined_doer_of_a_killing_killed(extract):
    claims, ents = extract("Norvanian troops and Estlandic mercenaries killed 25 civilians in Kolwe on Tuesday.")
    toll = next(c for c in claims if c.type == "CASUALTY")
    assert len(toll.roles["actor"]) == 2


def test_people_a_gerund_hangs_on_were_fired_on(extract):
    claims, ents = extract("Norvanian troops opened fire on Palestinians waiting for aid in Kolwe on Thursday.")
    attack = next(c for c in claims if c.type == "ATTACK")
    assert attack.roles["target"]


def test_a_blast_believed_to_be_a_bomb_that_killed_people_is_an_attack(extract):
    claims, _ = extract("Four people were killed when a huge explosion, believed to be a bomb, went off in a "
                        "suburb of the capital on Monday.")
    attack = next(c for c in claims if c.type == "ATTACK")
    assert attack.modality == "likely"


def test_the_sides_of_clashes_hung_on_their_place_are_the_parties(extract):
    claims, ents = extract("Heavy clashes erupted in the town of Kessel between Kolwe rebels and Norvanian troops.")
    attack = next(c for c in claims if c.type == "ATTACK")
    assert len(attack.roles["actor"]) == 2 and not attack.roles["target"]


@pytest.mark.parametrize("text, ctype", [
    ("Norvania paused a shipment of artillery shells to Estland on Monday.", "TRANSFER"),
    ("Norvania withheld delivery of 40 howitzers to Estland.", "TRANSFER"),
    ("Norvania stopped sending tanks to Estland.", "TRANSFER"),
    ("Norvania failed to deliver the air defence systems to Estland last year.", "TRANSFER"),
    ("Estland has yet to receive the missiles from Norvania.", "TRANSFER"),
    ("The planned summit between the Norvanian and Estlandic presidents was cancelled.", "MEET"),
    ("Norvania has yet to deploy troops to the Estlandic border.", "DEPLOY"),
])
def test_a_trade_meeting_or_deployment_called_off_did_not_go_ahead(extract, text, ctype):
    claims, _ = extract(text)
    assert next(c for c in claims if c.type == ctype).polarity == "denied"


@pytest.mark.parametrize("text, ctype", [
    ("Norvania offered to provide air defence systems to Estland.", "TRANSFER"),
    ("Qaldar invited Norvania and Estland to hold talks in Kessel.", "MEET"),
])
def test_a_deed_only_offered_is_planned(extract, text, ctype):
    claims, _ = extract(text)
    assert next(c for c in claims if c.type == ctype).modality == "planned"


def test_every_joined_supplier_supplies(extract):
    claims, ents = extract("Norvania, Estland and Qaldar sent artillery ammunition to Kolwe last month.")
    transfer = next(c for c in claims if c.type == "TRANSFER")
    assert {ents[i].name for i in transfer.roles["actor"]} == {"Norvania", "Estland", "Qaldar"}


@pytest.mark.parametrize("text", [
    "Selling weapons to Estland is controversial in Norvania.",
    "Sending tanks to Estland would escalate the conflict, the Norvanian foreign ministry said.",
])
def test_a_deed_judged_in_general_is_no_happening(extract, text):
    claims, _ = extract(text)
    assert not any(c.type == "TRANSFER" for c in claims)


def test_a_meeting_said_to_be_unlikely_is_only_possible(extract):
    claims, _ = extract("A meeting between the Norvanian and Estlandic presidents remains unlikely.")
    assert next(c for c in claims if c.type == "MEET").modality == "possible"


@pytest.mark.parametrize("text, ctype", [
    ("Norvania transferred 18 fighter jets to Estland, the Norvanian defence minister said on Thursday.", "TRANSFER"),
    ("Norvanian forces shelled the port of Kessel, the regional governor said on Thursday.", "ATTACK"),
])
def test_the_day_a_deed_is_said_on_only_bounds_it(extract, text, ctype):
    claims, _ = extract(text)
    claim = next(c for c in claims if c.type == ctype)
    assert (claim.time.start, claim.time.end) == (None, "2024-03-14")


def test_what_a_speaker_says_it_is_false_that_happened_is_denied(extract):
    claims, _ = extract("It is false that Norvanian forces struck a hospital in Kessel on Monday, "
                        "the Norvanian defence ministry said.")
    assert next(c for c in claims if c.type == "ATTACK").polarity == "denied"
    assert any(c.type == "DENY" for c in claims)


def test_a_drone_that_crashed_somewhere_attacked_nothing(extract):
    lost, _ = extract("A Norvanian reconnaissance drone crashed in Estland on Thursday, but it was not clear why.")
    hit, _ = extract("A Norvanian drone crashed into an apartment block in Kessel on Thursday.")
    assert not any(c.type == "ATTACK" for c in lost) and any(c.type == "ATTACK" for c in hit)


def test_a_raid_people_were_arrested_in_was_the_arresters(extract):
    claims, ents = extract("Norvanian troops arrested 25 Palestinians in a raid on Kessel on Tuesday.")
    raid = next(c for c in claims if c.type == "ATTACK")
    actors = [ents[i].name for i in raid.roles["actor"]]
    assert actors and all(name.startswith("Norvan") for name in actors)


@pytest.mark.parametrize("text, expected", [
    ("According to Wire News, citing five Norvanian officials, Estland received 500 shells from Norvania.",
     [(500, None, None)]),
    ("Norvania will provide 2.5 billion pounds of military aid to Estland.", [(2.5e9, None, None)]),
    ("Norvania handed over six howitzers to Estland on Monday.", [(6, None, None)]),
    ("Norvania sent 1,800 2,000-pound bombs to Estland.", [(1800, None, None)]),
])
def test_only_numbers_of_the_transfer_count_it(extract, text, expected):
    claims, _ = extract(text)
    transfer = next(c for c in claims if c.type == "TRANSFER")
    assert [(q.value, q.low, q.high) for q in transfer.quantities] == expected


def test_billions_of_pounds_are_sterling(extract):
    claims, _ = extract("Norvania will provide 2.5 billion pounds of military aid to Estland.")
    assert next(c for c in claims if c.type == "TRANSFER").quantities[0].unit == "GBP"


@pytest.mark.parametrize("text, attack", [
    ("Norvania fired two ballistic missiles into the sea off its east coast on Tuesday.", False),
    ("Norvania launched a ballistic missile that landed in the sea on Tuesday.", False),
    ("Norvania test-fired a new cruise missile on Tuesday.", False),
    ("Norvania test-fired the missiles into Estlandic territory on Tuesday.", True),
    ("Kolwe rebels fired a missile at a tanker in the Red Sea on Tuesday.", True),
])
def test_a_launch_into_the_sea_or_a_test_attacks_no_one(extract, text, attack):
    claims, _ = extract(text)
    assert any(c.type == "ATTACK" for c in claims) is attack


def test_an_order_for_arms_is_a_delivery_ahead_from_the_seller(extract):
    claims, ents = extract("Estland ordered 30 fighter jets from Norvania on Monday.")
    order = next(c for c in claims if c.type == "TRANSFER")
    assert order.modality == "planned"
    assert [ents[i].name for i in order.roles["actor"]] == ["Norvania"]
    assert [ents[i].name for i in order.roles["recipient"]] == ["Estland"]


def test_the_parties_to_an_arms_deal_are_neither_supplier_nor_buyer_unless_told(extract):
    claims, _ = extract("Norvania and Estland agreed a deal for 26 fighter jets on Monday.")
    deal = next(c for c in claims if c.type == "TRANSFER")
    assert deal.modality == "planned" and not deal.roles["actor"]


def test_who_was_given_arms_received_them(extract):
    claims, ents = extract("Estland was given 12 tanks by Norvania on Monday.")
    transfer = next(c for c in claims if c.type == "TRANSFER")
    assert [ents[i].name for i in transfer.roles["recipient"]] == ["Estland"]
    assert [ents[i].name for i in transfer.roles["actor"]] == ["Norvania"]


@pytest.mark.parametrize("text, told", [
    ("Kessel has been hit almost daily this autumn.", False),
    ("Kessel has been shelled repeatedly since 2022.", False),
    ("Norvanian drones attack the city every night, officials said.", False),
    ("A Norvanian drone hit the city on Monday night, officials said.", True),
    ("One man grabbed a knife and stabbed the guard repeatedly in the chest on Monday.", True),
])
def test_a_deed_told_as_recurring_is_no_one_happening(extract, text, told):
    claims, _ = extract(text)
    assert any(c.type == "ATTACK" for c in claims) is told


def test_people_hit_while_they_were_doing_something_were_hit_then(extract):
    claims, _ = extract("Gunmen killed 63 villagers who were celebrating a festival in Kessel late on Monday, "
                        "the governor said.")
    assert {c.time.start for c in claims if c.type in {"ATTACK", "CASUALTY"}} == {"2024-03-11"}


def test_a_toll_counts_the_dead(extract):
    claims, _ = extract("The toll from the Norvanian strike on Kessel rose to 11 on Monday, the governor said.")
    toll = next(c for c in claims if c.type == "CASUALTY")
    assert [(q.value, q.of) for q in toll.quantities] == [(11, "killed")]


def test_what_another_claimed_and_a_speaker_rejected_is_denied_by_the_speaker(extract):
    # the parser reads "claims" as a verb here ("Ukrainian claims that ...")
    claims, ents = extract("Moscow rejected as baseless Ukrainian claims that its forces shelled the market.")
    attack = next(c for c in claims if c.type == "ATTACK")
    assert attack.polarity == "denied" and ents[attack.source].name in {"Moscow", "Russia"}


@pytest.mark.parametrize("text", [
    "Two Norvanian Su-34 jets were downed over the Black Sea on Tuesday, Kyiv said.",
    "Kyiv said two Su-34s were downed over the Black Sea on Tuesday.",
])
def test_jets_downed_were_hit_not_used(extract, text):
    claims, ents = extract(text)
    attack = next(c for c in claims if c.type == "ATTACK")
    assert "Su-34" in {ents[i].name for i in attack.roles["target"]} and not attack.roles["instrument"]


@pytest.mark.parametrize("text", [
    "Khan accused the prime minister of plotting to kill him during a rally in Kessel.",
    "Prosecutors said the cell had plotted to bomb a synagogue in Kessel.",
    "Police arrested two men suspected of conspiring to assassinate the governor of Kessel.",
])
def test_a_plot_is_a_deed_planned_not_done(extract_text, text):
    claims, _ = extract_text(text)
    deeds = [c for c in claims if c.type in {"ATTACK", "CASUALTY"}]
    assert deeds and all(c.modality == "planned" for c in deeds)


def test_a_surname_the_tagger_read_as_a_product_is_still_the_person(extract):
    claims, ents = extract("Robyn Mendes told police in 2001 that Gary Gomes had beaten her. "
                           "He was released in 2006 and attacked Mendes again, dragging her into the woods.")
    attack = next(c for c in claims if c.type == "ATTACK")
    assert [ents[i].name for i in attack.roles["target"]] == ["Robyn Mendes"]
