"""Which time dates which claim, from the time prober of session 32: a place the NER folds into
a time, a year that dates a thing rather than a deed, a speech act and the deed it tells of,
a weekday of a named week, and "the day before" opening a sentence. Every sentence is invented."""

from __future__ import annotations

from test_precision import extract  # noqa: F401  (the same one-document extraction fixture)
from test_unseen_news import of_type

FRIDAY = "2024-03-15"


def days(claims, kind):
    return sorted((c.time.start, c.time.end) for c in of_type(claims, kind))


def test_a_place_the_ner_reads_into_a_time_leaves_the_time(extract):
    """The model tags "Kessel overnight" as one time; the place before it is no time."""
    claims, _ = extract("Norvania fired 31 missiles at Kessel overnight, Estland's officials said.", published=FRIDAY)
    assert days(claims, "ATTACK") == [("2024-03-14", "2024-03-15")]


def test_a_year_in_front_of_a_thing_dates_the_thing_not_the_attack(extract):
    claims, _ = extract("A Norvanian glide bomb hit a 1970s apartment block in Kessel on Wednesday.", published=FRIDAY)
    assert days(claims, "ATTACK") == [("2024-03-13", "2024-03-13")]


def test_renewing_the_sanctions_of_a_year_is_dated_by_the_renewal(extract):
    claims, _ = extract("The European Union on Monday extended the 2022 sanctions on Norvanian oil, diplomats said.",
                        published=FRIDAY)
    assert days(claims, "SANCTION") == [("2024-03-11", "2024-03-11")]


def test_an_accusation_is_dated_by_its_own_day_not_the_deed_s(extract):
    claims, _ = extract("On Tuesday, Norvania accused Estland of attacking the Kessel power plant on Saturday.",
                        published=FRIDAY)
    assert days(claims, "ACCUSE") == [("2024-03-12", "2024-03-12")]
    assert days(claims, "ATTACK") == [("2024-03-09", "2024-03-09")]


def test_a_weekday_of_last_week_is_that_week_s(extract):
    claims, _ = extract("On Tuesday last week, a Marran missile hit a bulk carrier off Kessel, killing three crew "
                        "members.", published=FRIDAY)
    assert days(claims, "ATTACK") == [("2024-03-05", "2024-03-05")]


def test_the_day_before_opening_a_sentence_counts_back(extract):
    claims, _ = extract("An Estlandic missile struck a fuel depot in Kessel on Sunday. The day before, Norvanian "
                        "drones had hit Kolwe.", published=FRIDAY)
    assert days(claims, "ATTACK") == [("2024-03-09", "2024-03-09"), ("2024-03-10", "2024-03-10")]


def test_the_day_a_toll_rose_dates_the_count_not_the_deaths(extract):
    """War-news prober of session 32: "The death toll rose to 16 on Friday" had dated the deaths
    of a Thursday strike to Friday."""
    claims, _ = extract("A Norvanian missile struck Kessel overnight on Thursday, killing 12 people. "
                        "The death toll rose to 16 on Friday, the governor said.", published=FRIDAY)
    tolls = [c for c in of_type(claims, "CASUALTY") if c.text.startswith("The death toll")]
    assert tolls and tolls[0].time.start == "2024-03-14"


def test_the_day_a_toll_rose_does_not_date_the_strike_it_counts(extract):
    claims, _ = extract("A Norvanian missile struck Kessel overnight on Thursday, killing 12 people. "
                        "The death toll from the Norvanian missile strike on Kessel rose to 16 on Friday, "
                        "the governor said.", published=FRIDAY)
    strikes = [c for c in of_type(claims, "ATTACK") if c.text.startswith("The death toll")]
    assert strikes and strikes[0].time.start == "2024-03-14"
