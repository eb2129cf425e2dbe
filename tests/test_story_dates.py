"""A claim's time is the interval of its happening from any sentence of the article that dates
that happening (REALNEWS rule 1): a happening named again definitely paragraphs on, or a
meeting told only by its part of the day. Every article here is invented."""

from __future__ import annotations

from test_precision import extract  # noqa: F401  (the same one-document extraction fixture)


def times_told(extract, text, opening):
    """The times of the claims whose sentence opens with ``opening``."""
    claims, _ = extract(text, published="2024-03-14")
    return [(c.time.start, c.time.end) for c in claims if c.text.startswith(opening)]


BLAST_STORY = (
    "Eleven people were injured on Tuesday evening in a crowded shopping street of Lyon by a blast "
    "that the prefect called deliberate.\n\n"
    "The prefect told reporters that it was too early to say who was behind it.\n\n"
    "\"We are keeping an open mind,\" she said, adding that more details would follow.\n\n"
    "The city council said it had received no warning.\n\n"
    "The blast also wounded two waiters outside a bakery, according to the police chief."
)


def test_the_happening_named_again_paragraphs_on_takes_its_date(extract):
    times = times_told(extract, BLAST_STORY, "The blast")
    assert times and set(times) == {("2024-03-12", "2024-03-12")}


def test_a_definite_name_of_happenings_on_several_days_takes_no_date(extract):
    text = ("A bomb explosion killed two soldiers in Kandahar on Monday.\n\n"
            "Another explosion wounded four police officers in Herat on Wednesday.\n\n"
            "Officials said they were investigating.\n\n"
            "Nobody has claimed the attacks so far.\n\n"
            "The explosion also wounded two passers-by, witnesses said.")
    times = times_told(extract, text, "The explosion")
    assert times and set(times) == {(None, None)}


def test_an_attack_of_an_earlier_year_dates_no_later_definite_name(extract):
    text = ("Gunmen killed three guards in an attack on the embassy in 2012.\n\n"
            "The report was published on Monday.\n\n"
            "Its authors spoke to forty witnesses.\n\n"
            "They said the embassy had asked for more guards.\n\n"
            "The attack also wounded two visitors, the report said.")
    times = times_told(extract, text, "The attack")
    assert times and set(times) == {(None, None)}

