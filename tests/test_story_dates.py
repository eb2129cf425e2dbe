"""A claim's time is the interval of its happening from any sentence of the article that dates
that happening (REALNEWS rule 1): a happening named again definitely paragraphs on, or a
meeting told only by its part of the day. Every article here is invented."""

from __future__ import annotations

import pytest

from test_precision import extract  # noqa: F401  (the same one-document extraction fixture)


def times_told(extract, text, opening):
    """The times of the claims whose sentence opens with ``opening``."""
    claims, _ = extract(text, published="2024-03-14")
    return [(c.time.start, c.time.end) for c in claims if c.text.startswith(opening)]


# each story tells a dated happening, then paragraphs on, after talk about something else,
# the same happening again without a day: (story, opening of that sentence)
BLAST_STORY = ("Eleven people were injured on Tuesday evening in a crowded shopping street of Lyon by a blast "
               "that the prefect called deliberate.\n\n"
               "The prefect told reporters that it was too early to say who was behind it.\n\n"
               "\"We are keeping an open mind,\" she said, adding that more details would follow.\n\n"
               "The city council said it had received no warning.\n\n"
               "The blast also wounded two waiters outside a bakery, according to the police chief.", "The blast")
SUMMIT_DAY = ("Chadian President Amadou Sall met Nigerien Prime Minister Karim Diallo in Niamey on Tuesday.\n\n"
              "The two leaders discussed the security of their shared border.\n\n"
              "\"We face the same threat,\" an adviser to the president told reporters.\n\n"
              "Aid agencies have warned that the region faces a food crisis.\n\n"
              "Sall held a second meeting in the afternoon with Malian Foreign Minister Oumar Keita.", "Sall held")
# "the 2019 attack" and "an attack on June 3, 2019" are one happening; the deaths the attack
# caused are its deaths, told in the country of the town
RAID_YEARS = ("Militants stormed the embassy compound in Mogadishu in an attack on June 3, 2019.\n\n"
              "The 2019 attack on the compound in Mogadishu shocked the government.\n\n"
              "A report on security was published on Monday.\n\n"
              "Its authors spoke to forty witnesses.\n\n"
              "Officials were questioned about the attack, which caused the deaths of four guards in Somalia.",
              "Officials were")


@pytest.mark.parametrize("story, day", [(BLAST_STORY, "2024-03-12"), (SUMMIT_DAY, "2024-03-12"),
                                        (RAID_YEARS, "2019-06-03")],
                         ids=["the blast again", "in the afternoon", "the attack which caused deaths"])
def test_the_happening_told_again_takes_the_story_s_day(extract, story, day):
    times = times_told(extract, *story)
    assert times and set(times) == {(day, day)}


@pytest.mark.parametrize("text, opening", [
    # two explosions on two days: "the explosion" is either
    ("A bomb explosion killed two soldiers in Kandahar on Monday.\n\n"
     "Another explosion wounded four police officers in Herat on Wednesday.\n\n"
     "Officials said they were investigating.\n\n"
     "Nobody has claimed the attacks so far.\n\n"
     "The explosion also wounded two passers-by, witnesses said.", "The explosion"),
    # a year is background, no day of the story
    ("Gunmen killed three guards in an attack on the embassy in 2012.\n\n"
     "The report was published on Monday.\n\n"
     "Its authors spoke to forty witnesses.\n\n"
     "They said the embassy had asked for more guards.\n\n"
     "The attack also wounded two visitors, the report said.", "The attack"),
    # "in the afternoon" of a week is no day
    (SUMMIT_DAY[0].replace("on Tuesday", "last week"), SUMMIT_DAY[1]),
])
def test_no_single_day_told_dates_nothing(extract, text, opening):
    times = times_told(extract, text, opening)
    assert times and set(times) == {(None, None)}


# a named person's death told twice, paragraphs apart
DEATH_STORY = ("Lena Marsh, 61, was killed on Friday by a hit-and-run driver in Leeds.\n\n"
               "The driver fled the scene in a grey van.\n\n"
               "Police have asked witnesses to come forward.\n\n"
               "The council said the road would be closed until Monday.\n\n"
               "Marsh, who lived nearby, was taken to St James Hospital, where she died an hour later.")


def test_a_named_person_s_death_told_again_takes_its_date(extract):
    times = times_told(extract, DEATH_STORY, "Marsh, who")
    assert times and set(times) == {("2024-03-08", "2024-03-08")}


def test_a_named_person_wounded_again_is_no_death_to_date(extract):
    text = DEATH_STORY.replace("was killed on Friday", "was wounded on Friday").replace(
        "where she died an hour later", "where she was wounded again by a second driver")
    times = times_told(extract, text, "Marsh, who")
    assert times and set(times) == {(None, None)}
