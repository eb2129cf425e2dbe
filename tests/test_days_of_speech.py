"""The day a speaker says, condemns or blames is the speech's, not the happening's: the
happening came no later than that day (a "report" bound), and a later pass may still date it."""

from test_precision import extract  # noqa: F401
from test_unseen_news import of_type


def test_a_trailing_said_with_an_aside_dates_the_report_only(extract):
    claims, _ = extract("More than 400 civilians were killed when fighters overran the camp near Kessel, "
                        "Norvania's government said Monday, a far higher toll than the one given by the United Nations.")
    for claim in of_type(claims, "CASUALTY") + of_type(claims, "ATTACK"):
        assert claim.time.start is None and claim.time.end == "2024-03-11" and claim.time.basis == "report"


def test_the_day_of_a_condemnation_bounds_what_it_condemns(extract):
    claims, _ = extract("The United Nations on Friday condemned the shelling of an aid convoy near Kessel, "
                        "in which two truck drivers were wounded.")
    condemn, = of_type(claims, "CONDEMN")
    assert condemn.time.start == "2024-03-08"
    for claim in of_type(claims, "ATTACK") + of_type(claims, "CASUALTY"):
        assert claim.time.start is None and claim.time.end == "2024-03-08"


def test_the_day_of_an_accusation_bounds_the_deed(extract):
    claims, _ = extract("The army on Saturday accused the rebels of shelling an aid convoy near Kessel.")
    attack, = of_type(claims, "ATTACK")
    assert attack.time.start is None and attack.time.end == "2024-03-09"


def test_a_day_told_in_the_happening_s_own_clause_still_dates_it(extract):
    claims, _ = extract("Gunmen killed 12 villagers near Kessel on Sunday, police said on Monday.")
    for claim in of_type(claims, "ATTACK") + of_type(claims, "CASUALTY"):
        assert claim.time.start == "2024-03-10"


def test_a_day_told_after_the_condemned_happening_is_its_own(extract):
    claims, _ = extract("Rights groups condemned the killing of at least 20 civilians by gunmen in the village "
                        "of Kessel on 2 March.")
    killing = of_type(claims, "CASUALTY")
    assert killing and all(c.time.start == "2024-03-02" for c in killing)
