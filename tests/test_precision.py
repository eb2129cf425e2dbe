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


@pytest.mark.parametrize("text, ctype, present", SENSES)
def test_trigger_senses(extract, text, ctype, present):
    claims, _ = extract(text)
    assert any(c.type == ctype for c in claims) is present


def test_fighting_between_two_sides_has_one_as_actor_and_the_other_as_target(extract):
    claims, ents = extract("Heavy fighting between Sudanese army troops and RSF fighters raged in Khartoum on Sunday.")
    attack = next(c for c in claims if c.type == "ATTACK")
    actors, targets = ({ents[i].name for i in attack.roles[r]} for r in ("actor", "target"))
    assert len(actors) == len(targets) == 1 and not actors & targets


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

