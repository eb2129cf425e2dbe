"""Who did it and to whom (issue 9): a filler only where the sentence or the article says who,
never a noun the trigger does not describe."""

from __future__ import annotations

import pytest

from claimgraph.model import Document


@pytest.fixture(scope="module")
def extract(pipeline):
    def run(text: str, title: str = ""):
        sdoc = pipeline.nlp(text)
        return pipeline.extractor.extract(sdoc, Document(id="d1", text=text, title=title, published="2024-03-14"))

    return run


def fillers(claims, ents, ctype: str, role: str) -> set[str]:
    return {ents[i].name for c in claims if c.type == ctype for i in c.roles.get(role, [])}


def test_the_wives_of_wounded_men_are_not_the_wounded(extract):
    claims, ents = extract("The wives of the three wounded men thanked the surgeons.")
    assert not fillers(claims, ents, "CASUALTY", "target") & {"wife", "surgeon"}


def test_a_verbless_toll_clause_is_not_about_the_speakers(extract):
    claims, ents = extract("4 dead, 6 hurt in Ohio warehouse shooting; police say gunman knew victims")
    casualties = [c for c in claims if c.type == "CASUALTY"]
    assert casualties
    assert not any("police" in ents[i].name.lower() for c in casualties for i in c.roles["target"])


def test_one_among_the_dead_is_still_a_victim(extract):
    claims, ents = extract("A Red Cross spokesman confirmed that a French doctor was among the dead.")
    assert fillers(claims, ents, "CASUALTY", "target")


def test_a_wounded_soldier_is_still_the_victim(extract):
    claims, ents = extract("Three wounded soldiers were flown to the base hospital on Monday.")
    assert any("soldier" in name for name in fillers(claims, ents, "CASUALTY", "target"))


def test_a_terrorist_attack_names_no_attacker(extract):
    claims, ents = extract("The arrests followed terrorist attacks on the capital in May 2019.")
    attacks = [c for c in claims if c.type == "ATTACK"]
    assert attacks and not any(c.roles["actor"] for c in attacks)


def test_guerrilla_attacks_still_name_the_guerrillas(extract):
    claims, ents = extract("The arrests followed guerrilla attacks on the capital in May 2019.")
    assert fillers(claims, ents, "ATTACK", "actor") == {"guerrillas"}


HEADLINE = "Bakery owner shot dead outside his shop"
BODY = ("A gunman opened fire outside a bakery in Farlow on Sunday. Tomas Ferreira, 58, the owner of "
        "the Ferreira Bakery, died at the scene, police said.")


def headline_targets(extract, headline: str, body: str) -> list:
    """The targets of the headline's attacks and tolls, each with its type; None: no such claim."""
    claims, ents = extract(f"{headline}\n\n{body}", title=headline)
    head = [c for c in claims if c.start < len(headline) and c.type in {"ATTACK", "CASUALTY"}]
    return [(ents[i].name, ents[i].type) for c in head for i in c.roles["target"]] if head else None


def test_a_headline_victim_is_the_person_the_body_names_with_the_same_noun(extract):
    assert {name for name, _ in headline_targets(extract, HEADLINE, BODY)} == {"Tomas Ferreira"}


def test_a_title_the_tagger_capitalised_is_tied_to_its_person(extract):
    body = ("A man opened fire at an office party in Dayton on Friday. Dana Whitfield, 52, the CEO of "
            "Brightline, died at the scene.")
    targets = headline_targets(extract, "Company CEO gunned down at office party", body)
    assert {name for name, _ in targets} == {"Dana Whitfield"}


def test_a_headline_noun_the_body_ties_to_two_people_stays_unnamed(extract):
    body = ("Tomas Ferreira, the owner of a bakery, said he heard shots on Sunday. Luis Prado, the owner of "
            "the bakery next door, locked his door, police said.")
    targets = headline_targets(extract, HEADLINE, body)
    assert targets is not None and not any(kind == "PERSON" for _, kind in targets)


def test_one_warship_described_by_nationality_is_that_ship_not_its_nation(extract):
    claims, ents = extract("A Dutch warship foiled a pirate attack on a cargo ship on Friday, capturing nine pirates.")
    assert fillers(claims, ents, "CASUALTY", "actor") == {"Dutch warship"}


def test_warships_in_the_plural_stay_their_nations(extract):
    claims, ents = extract("Dutch warships foiled a pirate attack on a cargo ship on Friday, capturing nine pirates.")
    assert fillers(claims, ents, "CASUALTY", "actor") == {"Netherlands"}


def test_a_warship_sent_somewhere_is_sent_by_its_state(extract):
    claims, ents = extract("A Turkish frigate sailed into the Aegean on Monday.")
    assert "Turkish frigate" not in fillers(claims, ents, "DEPLOY", "actor")


def test_who_fended_off_an_attack_and_what_they_seized_are_not_its_attacker_and_target(extract):
    claims, ents = extract("The frigate Aurora repulsed an attack on a tanker and seized the attackers' boat.")
    assert fillers(claims, ents, "ATTACK", "actor") == set()
    assert fillers(claims, ents, "ATTACK", "target") == {"tanker"}


def test_a_town_patrolled_by_troops_sends_no_one(extract):
    claims, ents = extract("Dayton remains under a curfew and patrolled by National Guard troops.")
    deploys = [c for c in claims if c.type == "DEPLOY"]
    assert deploys and not any(c.roles["actor"] for c in deploys)
    assert fillers(claims, ents, "DEPLOY", "subject")


def test_one_named_among_the_dead_is_a_victim_too(extract):
    claims, ents = extract("At least 30 soldiers and rebels including a French journalist died on Sunday near Gao.")
    assert "French journalist" in fillers(claims, ents, "CASUALTY", "target")


def test_a_captured_boat_is_no_victim_and_its_flag_no_victim_either(extract):
    claims, ents = extract("Last week, rebels captured two Omani fishing boats and 12 Omani fishermen off the coast, "
                           "officials said.")
    assert "Oman" not in fillers(claims, ents, "CASUALTY", "target")


def test_one_member_of_an_organisation_killed_is_that_person(extract):
    claims, ents = extract("A U.S. Army sergeant was killed in the shelling on Sunday.")
    assert fillers(claims, ents, "CASUALTY", "target") == {"U.S. Army sergeant"}


SHIP_STORY = ("A Dutch frigate repulsed an attack on a cargo vessel off Oman on Sunday. Pirates were trying "
              "to hijack the cargo vessel when the frigate arrived. The frigate answered a distress call from "
              "the cargo vessel, MV Orla, at noon.")


def test_the_vessel_the_article_names_is_the_one_attacked(extract):
    claims, ents = extract(SHIP_STORY)
    hijack = [c for c in claims if c.type == "ATTACK" and "hijack" in c.text]
    assert hijack and {ents[i].name for i in hijack[0].roles["target"]} == {"MV Orla"}
    assert not any(ents[i].name == "MV Orla" for c in claims for i in c.roles["location"])


def test_a_later_indefinite_vessel_may_be_another_ship(extract):
    claims, ents = extract(SHIP_STORY + " Two days later, pirates attacked a cargo vessel near Aden.")
    later = [c for c in claims if c.type == "ATTACK" and "Aden" in c.text]
    assert later and "MV Orla" not in {ents[i].name for i in later[0].roles["target"]}


def test_those_said_to_be_to_blame_are_blamed_not_blaming(extract):
    claims, ents = extract("The Ohio senator said Republicans and the press are to blame for focusing on gossip.")
    assert fillers(claims, ents, "ACCUSE", "target") == {"Republicans"}
    assert "Republicans" not in fillers(claims, ents, "ACCUSE", "actor")


def test_what_leaves_someone_dead_is_not_the_dead(extract):
    claims, ents = extract("The Russian strike left five soldiers dead in Mosul.")
    assert fillers(claims, ents, "CASUALTY", "target") == {"soldier"}
    assert fillers(claims, ents, "CASUALTY", "actor") == {"Russia"}


def test_who_finds_someone_dead_is_neither_victim_nor_killer(extract):
    claims, ents = extract("Farmers found two soldiers dead in a car near Gao.")
    assert fillers(claims, ents, "CASUALTY", "target") == {"soldier"}
    assert not fillers(claims, ents, "CASUALTY", "actor")


def test_an_attack_on_another_thing_in_the_same_sentence_keeps_its_own_doer(extract):
    claims, ents = extract("The Dutch Navy said in May it had sunk a pirate mother ship, though a maritime bureau "
                           "said the ship was really a Thai trawler that was being hijacked.")
    hijack = [c for c in claims if c.type == "ATTACK" and "Thai trawler" in {ents[i].name for i in c.roles["target"]}]
    assert hijack and not hijack[0].roles["actor"]


@pytest.mark.parametrize("text", ["Gunmen shot dead a guard at the depot on Monday.",
                                  "A gunman shot dead one guard and wounded four workers at the depot."])
def test_who_shot_someone_dead_is_the_doer_not_a_victim(extract, text):
    claims, ents = extract(text)
    victims = fillers(claims, ents, "CASUALTY", "target")
    assert "guard" in victims
    assert not any("gunm" in name.lower() for name in victims)


def test_who_found_the_dead_did_not_kill_them(extract):
    claims, ents = extract("Villagers found two herders dead near the well.")
    assert not fillers(claims, ents, "CASUALTY", "actor")


def test_the_doer_of_a_past_tense_read_as_a_modifier_is_no_victim(extract):
    # the tagger reads "airstrikes killed 40 people" as "airstrikes (that were) killed"
    claims, ents = extract("Israeli airstrikes killed at least 40 people in Rafah on Tuesday.")
    assert "Israel" in fillers(claims, ents, "CASUALTY", "actor")
    assert "Israel" not in fillers(claims, ents, "CASUALTY", "target")


def test_who_was_given_arms_did_not_give_them(extract):
    claims, ents = extract("Fighters sent weapons by Iran attacked the town.")
    assert "Iran" in fillers(claims, ents, "TRANSFER", "actor")


@pytest.mark.parametrize("text, person", [
    ("Latvia's president Edgars Rinkevics condemned the drone strike on Riga.", "Edgars Rinkevics"),
    ("Chile's foreign minister, Alberto van Klaveren, condemned the attack on the embassy.", "Alberto van Klaveren"),
])
def test_an_official_named_beside_the_title_is_the_actor_not_the_country(extract, text, person):
    claims, ents = extract(text)
    assert fillers(claims, ents, "CONDEMN", "actor") == {person}


def test_a_hyphened_measure_does_not_name_anyone(extract):
    claims, ents = extract("The 52-year-old gunman opened fire on a 12-storey office block in Leeds.")
    names = {ents[i].name for c in claims for role in ("actor", "target") for i in c.roles.get(role, [])}
    assert "gunman" in names
    assert not any("year" in n or "storey" in n for n in names)


def test_the_dead_an_offensive_left_are_counted_by_the_toll_and_the_offensive_kept(extract):
    claims, ents = extract("A three-day offensive by the army left 45 rebels dead near Kidal.")
    toll = next(c for c in claims if c.type == "CASUALTY")
    assert [(q.value, q.of) for q in toll.quantities] == [(45, "killed")]
    assert [c for c in claims if c.type == "ATTACK"]  # the offensive happened, counted by its toll


def test_a_shooting_the_parser_hangs_higher_still_holds_the_dead(extract):
    claims, _ = extract("Later, mourners laid flowers for the nine people killed at Vortex, a Leeds bar, "
                        "in the worst mass shooting in the city's history.")
    toll = next(c for c in claims if c.type == "CASUALTY")
    assert [q.value for q in toll.quantities] == [9]
    assert [c for c in claims if c.type == "ATTACK"]


def claim_with(claims, ctype: str, words: str):
    return next(c for c in claims if c.type == ctype and words in c.text)


@pytest.mark.parametrize("text, words, doers", [
    # a craft does what the people named in front of it do
    ("Three bandit trucks tried to attack the convoy near Gao on Monday.", "bandit trucks", {"bandits"}),
    # a deed that names who does it
    ("A Spanish corvette thwarted a piracy attack near the Seychelles on Friday.", "piracy", {"pirates"}),
    # the group the article named before, not a second kind of people
    ("Sailors captured 12 Eritrean pirates on Monday. Four pirate skiffs had tried to attack a ferry.",
     "skiffs", {"Eritrean pirates"}),
])
def test_the_people_behind_a_craft_or_a_deed_are_its_attackers(extract, text, words, doers):
    claims, ents = extract(text)
    assert {ents[i].name for i in claim_with(claims, "ATTACK", words).roles["actor"]} == doers


def test_a_fended_off_attack_is_by_those_named_for_the_article_s_fended_off_attacks(extract):
    claims, ents = extract("Rebel raid foiled near Kidal\n\nSoldiers on Monday arrested nine men near Kidal and "
                           "foiled an attack on a water depot, officials said.")
    assert {ents[i].name for i in claim_with(claims, "ATTACK", "foiled an attack").roles["actor"]} == {"Rebels"}


def test_an_attack_broken_off_was_on_what_its_doers_attacked(extract):
    claims, ents = extract("Gunmen in two skiffs fired on the tanker Marisol Star off Oman on Sunday. "
                           "Seeing the helicopter, the gunmen broke off their attack and fled.")
    told_before = {ents[i].name for i in claim_with(claims, "ATTACK", "fired on").roles["target"]}
    assert told_before
    assert {ents[i].name for i in claim_with(claims, "ATTACK", "broke off").roles["target"]} == told_before


def test_who_rescued_ships_under_attack_is_not_what_was_hit(extract):
    claims, ents = extract("In May, the cruiser Halland, a Swedish warship, sank a pirate supply boat "
                           "and also rescued three cargo ships under attack.")
    targets = fillers(claims, ents, "ATTACK", "target")
    assert targets and not any("Halland" in name for name in targets)


def test_a_noun_written_before_the_ship_only_says_what_kind_it_is(pipeline):
    from spacy.tokens import Doc

    from claimgraph.extract.roles import objects_of

    # a parse as the small model gives it: 'sank the smuggler "ghost boat"' read as two objects
    words = ["Guards", "sank", "the", "smuggler", '"', "ghost", "boat", '"', "."]
    heads = [1, 1, 3, 1, 6, 6, 1, 6, 1]
    deps = ["nsubj", "ROOT", "det", "dobj", "punct", "compound", "dobj", "punct", "punct"]
    pos = ["NOUN", "VERB", "DET", "NOUN", "PUNCT", "NOUN", "NOUN", "PUNCT", "PUNCT"]
    doc = Doc(pipeline.nlp.vocab, words=words, heads=heads, deps=deps, pos=pos)
    assert [t.text for t in objects_of(doc[1])] == ["boat"]


def test_two_titles_of_one_named_man_are_one_victim(extract):
    claims, ents = extract('The firm said it mourned "the sudden death of our founder and chairman, Dan Okafor."')
    assert fillers(claims, ents, "CASUALTY", "target") == {"Dan Okafor"}


def test_a_craft_named_in_apposition_is_that_craft(extract):
    claims, ents = extract("Italian Navy ship, ITS Libra, fired on two boats near Lampedusa on Friday.")
    assert fillers(claims, ents, "ATTACK", "actor") == {"ITS Libra"}


@pytest.mark.parametrize("text", [
    "Port officials said the freighter MV Kestrel sent a message at dawn that it was under attack from a skiff.",
    "Gunmen fired on the tanker MV Kestrel at dawn, and the Kestrel reported that a skiff was shooting rifles at it.",
])
def test_a_ship_calling_itself_it_is_the_ship_hit(extract, text):
    claims, ents = extract(text)
    assert all(fillers([c], ents, "ATTACK", "target") == {"MV Kestrel"} for c in claims if c.type == "ATTACK")
    assert any(c.type == "ATTACK" for c in claims)


def test_a_ship_described_as_the_article_named_it_speaks_as_that_ship(extract):
    claims, ents = extract("Pirates attacked MV Kestrel, a Greek freighter, off Oman on Sunday. "
                           "The freighter said two crew members were wounded.")
    toll = next(c for c in claims if c.type == "CASUALTY")
    assert ents[toll.source].name == "MV Kestrel"


def test_a_ship_described_as_the_article_named_it_is_the_one_firing(extract):
    claims, ents = extract("The cargo vessel, MV Kestrel, was attacked off Oman on Sunday. "
                           "The cargo vessel fired back with rifles.")
    assert fillers([c for c in claims if "fired back" in c.text], ents, "ATTACK", "actor") == {"MV Kestrel"}


def test_a_ship_of_another_kind_is_not_the_one_described(extract):
    # "the merchant ship" is not "their ship, the frigate INS Kaveri"
    claims, ents = extract("Their ship, the frigate INS Kaveri, was patrolling off Oman on Sunday. "
                           "Gunmen fired on the merchant ship at noon.")
    assert fillers(claims, ents, "ATTACK", "target") == {"merchant ship"}


def test_a_town_s_police_officer_after_by_is_the_police_not_the_town(extract):
    claims, ents = extract("Okafor was the third man this year shot and killed by a Dayton police officer, "
                           "the paper said.")
    assert fillers(claims, ents, "CASUALTY", "actor") == {"police"}


def test_what_an_attack_was_on_after_its_day_is_its_target(extract):
    # "an assault Monday on a convoy": the parser hangs "on" on the verb, past the day
    claims, ents = extract("The army repulsed an assault Monday on a convoy near Gao.")
    assert fillers(claims, ents, "ATTACK", "target") == {"convoy"}


@pytest.mark.parametrize("text, actor", [
    ("Al-Shabaab said it had attacked the base at Baledogle.", "al-Shabaab"),
    ("Iran's foreign ministry said it had supplied drones to Sudan.", "Iran"),
])
def test_an_armed_group_speaking_of_itself_is_not_its_country(extract, text, actor):
    claims, ents = extract(text)
    assert {ents[i].name for c in claims if c.type in {"ATTACK", "TRANSFER"} for i in c.roles["actor"]} == {actor}


def test_a_shelling_named_with_its_side_is_an_attack_by_that_side(extract):
    claims, ents = extract("Russian shelling wounded four civilians in Kherson.")
    assert fillers(claims, ents, "ATTACK", "actor") == {"Russia"}


def test_what_goes_on_from_a_charged_deed_is_done_by_the_one_charged(extract):
    claims, ents = extract("The army accused the RSF of shelling a clinic in Kadugli, killing six patients.")
    assert fillers(claims, ents, "CASUALTY", "actor") == {"Rapid Support Forces"}


def test_who_an_attack_was_claimed_by_did_it(extract):
    claims, ents = extract("The bombing, the deadliest this year, was claimed by al-Shabaab.")
    assert fillers(claims, ents, "ATTACK", "actor") == {"al-Shabaab"}


def test_an_aircraft_shot_down_is_the_target_not_the_weapon(extract):
    claims, ents = extract("Local media reported that a Russian Su-25 jet was shot down over Zaporizhzhia.")
    attacks = [c for c in claims if c.type == "ATTACK"]
    assert attacks and not any(c.roles["instrument"] or c.roles["actor"] for c in attacks)
    assert any("Su-25" in ents[i].name for c in attacks for i in c.roles["target"])


def test_a_ship_hit_is_the_target_never_the_place(extract):
    claims, ents = extract("A missile struck the Sea Falcon, a Liberia-flagged tanker, on Tuesday.")
    attacks = [c for c in claims if c.type == "ATTACK"]
    assert "Sea Falcon" in fillers(claims, ents, "ATTACK", "target")
    assert "Sea Falcon" not in fillers(claims, ents, "ATTACK", "location")


@pytest.mark.parametrize("text, actor", [
    ("Russia's defence ministry said its forces had hit a command post near Kupiansk.", "Russia"),
    ("Al-Shabaab said its fighters had attacked an army convoy near Baidoa.", "al-Shabaab"),
])
def test_the_forces_of_a_speaker_are_its_side(extract, text, actor):
    claims, ents = extract(text)
    assert fillers(claims, ents, "ATTACK", "actor") == {actor}


def test_a_tank_attacked_is_hit_not_used(extract):
    claims, ents = extract("Militants attacked a Nigerian army tank near Maiduguri.")
    assert not fillers(claims, ents, "ATTACK", "instrument")


@pytest.mark.parametrize("text", ["Russia's army accused Ukrainian forces of shelling a market in Donetsk.",
                                  "The Sudanese army accused the RSF of shelling a market in Omdurman."])
def test_a_state_s_army_the_gazetteer_knows_is_one_body_as_actor_and_as_source(extract, text):
    claims, ents = extract(text)
    accuse = next(c for c in claims if c.type == "ACCUSE")
    attack = next(c for c in claims if c.type == "ATTACK")
    assert accuse.roles["actor"] == [attack.source]  # not "Russia Army" beside the Russian Armed Forces


@pytest.mark.parametrize("text, group", [
    ("The Liberation Tigers of Tamil Eelam (LTTE) attacked an army camp at Mullaitivu.",
     "Liberation Tigers of Tamil Eelam"),
    ("A soldier was shot dead by an IRA sniper in Crossmaglen, the army said.", "Irish Republican Army"),
    ("Abu Sayyaf gunmen raided a village on Jolo island, the military said.", "Abu Sayyaf"),
])
def test_armed_groups_of_many_wars_are_known_by_name(extract, text, group):
    claims, ents = extract(text)
    assert group in fillers(claims, ents, "ATTACK", "actor")


@pytest.mark.parametrize("text, ship", [
    ("Norvanian missiles struck the bulk carrier Star Meridian in the Red Sea.", "Star Meridian"),
    ("Norvanian jets hit the British aircraft carrier Resolute, the junta said.", "Resolute"),
    ("A drone hit the Liberian-flagged bulk carrier Marra Dawn off Hodeidah, the navy said.", "Marra Dawn"),
])
def test_a_ship_named_after_its_kind_is_what_was_hit(extract, text, ship):
    claims, ents = extract(text)
    assert fillers(claims, ents, "ATTACK", "target") == {ship}


def test_a_ship_named_like_a_town_is_no_place(extract):
    claims, ents = extract("Norvanian missiles struck the tanker Ocean City in the Red Sea.")
    attack = next(c for c in claims if c.type == "ATTACK")
    hit = [ents[i] for i in attack.roles["target"]]
    assert [e.name for e in hit] == ["Ocean City"] and hit[0].lat is None
    assert "Ocean City" not in {ents[i].name for i in attack.roles["location"]}


def test_the_attack_a_reprisal_repays_dates_nothing_after_it(extract):
    claims, _ = extract("Norvanian jets struck a depot near Kessel, the ministry said. It described the strikes as a "
                        "response to last Monday's attack on the bulk carrier Star Meridian. The strike destroyed "
                        "advanced weapons, the ministry said.")
    repaid = next(c for c in claims if c.type == "ATTACK" and "response" in c.text)
    assert repaid.time.start == "2024-03-11"
    after = [c for c in claims if c.type == "ATTACK" and c.text.startswith("The strike destroyed")]
    assert after and all(c.time.start != "2024-03-11" for c in after)


def test_troops_neutralising_fighters_attacked_them(extract):
    claims, ents = extract("Norvanian troops neutralised four bandits near Kessel, the army said.")
    assert "bandit" in fillers(claims, ents, "ATTACK", "target")


def test_neutralising_a_threat_is_no_attack(extract):
    claims, _ = extract("Norvanian troops neutralised the threat posed by the drones, the army said.")
    assert not [c for c in claims if c.type in {"ATTACK", "CASUALTY"}]


def test_the_one_a_policeman_killed_is_a_casualty(extract):
    claims, ents = extract("In February a gunman killed five people at a mall in Kessel before an off-duty "
                           "policeman killed the shooter.")
    assert "shooter" in fillers(claims, ents, "CASUALTY", "target")


def test_a_participle_joined_to_a_passive_is_passive(extract):
    claims, ents = extract("The army said five soldiers were killed and 20 assailants neutralised when Kessel "
                           "Front fighters attacked the camp at Marra.")
    assert "assailants" not in {n.lower() for n in fillers(claims, ents, "CASUALTY", "actor")}
    assert not [c for c in claims if c.type == "ATTACK" and "assailant" in
                {ents[i].name.lower() for i in c.roles["actor"]}]


def test_a_clause_of_its_own_after_and_that_keeps_no_subject_from_before(extract):
    claims, ents = extract("The ministry said the assailants had arrived \"on dozens of motorcycles\" from the "
                           "direction of the Malian border and that the army's counter-attack, supported by "
                           "aircraft, had \"neutralised several dozen terrorists\".")
    assert "assailants" not in {n.lower() for c in claims for n in fillers([c], ents, c.type, "actor")}


@pytest.mark.parametrize("text, place", [("France sent 300 soldiers to Niger on Monday.", "Niger"),
                                         ("Congo deployed 900 soldiers to Goma on Monday.", "Goma")])
def test_where_forces_are_sent_is_their_place_however_the_name_was_tagged(extract, text, place):
    claims, ents = extract(text)
    assert place in fillers(claims, ents, "DEPLOY", "location")


def test_someone_written_to_is_no_place(extract):
    claims, ents = extract("The minister sent a letter to Smith on Monday.")
    assert not {e.name for e in ents.values() if e.lat is not None} & {"Smith"}


def test_police_beating_people_attacked_them(extract):
    claims, ents = extract("Riot police beat several journalists outside parliament in Kessel on Tuesday.")
    assert "journalist" in fillers(claims, ents, "ATTACK", "target")


@pytest.mark.parametrize("text", ["Spain beat England 2-1 in the final.",
                                  "Norvanian soldiers beat back the assault on the town."])
def test_beating_a_rival_or_an_assault_back_hits_no_one(extract, text):
    claims, ents = extract(text)
    assert not fillers(claims, ents, "ATTACK", "target") & {"England", "assault"}
    assert not [c for c in claims if c.type == "ATTACK" and c.trigger == "beat"]
