"""Happenings named again in the plural ("the strikes", "in the ambushes") are the ones told
before, as the singular is; and a claim that says where it happened takes no year or month from
a happening told elsewhere. Every article here is invented."""

from __future__ import annotations

from test_precision import extract  # noqa: F401  (the same one-document extraction fixture)


def names_of(claim, ents, role):
    return {ents[i].name for i in claim.roles.get(role, [])}


def test_a_toll_in_the_strikes_happened_where_the_strikes_were(extract):
    claims, ents = extract("Norvanian jets struck the market in Kolwe on Monday.\n\n"
                           "Residents said 14 people were killed in the strikes.", published="2024-03-14")
    toll = next(c for c in claims if c.type == "CASUALTY")
    assert names_of(toll, ents, "location") == {"Kolwe"}


def test_attacks_told_elsewhere_take_no_date_from_the_one_before(extract):
    claims, _ = extract("The bombing of a barracks in Lebanon in 1983 and the attack on the towers in Saudi "
                        "Arabia in 1996 shook Washington.\n\n"
                        "The attack on the compound in Benghazi was another matter.", published="2016-06-30")
    benghazi = next(c for c in claims if c.text.startswith("The attack on the compound"))
    assert benghazi.time.start is None
