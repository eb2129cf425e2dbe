"""resolve/quantities.py: numbers with bounds, approximation and units (invented sentences)."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from claimgraph.resolve.quantities import find_quantities, parse_number


def only(text: str):
    found = find_quantities(text)
    assert len(found) == 1, [q.text for q in found]
    return found[0]


def fields(q):
    return q.value, q.low, q.high, q.unit, q.approx


@pytest.mark.parametrize(
    "sentence, expected",
    [
        ("At least eight people died when the depot burned.", (None, 8, None, "people", False)),
        ("More than a million mortar shells left the port.", (None, 1_000_000, None, "shells", False)),
        ("They sent over two million rounds last year.", (None, 2_000_000, None, "rounds", False)),
        ("The drone carries up to one tonne of explosives.", (None, None, 1, "t", False)),
        ("Nearly 11,000 foreign soldiers were moved north.", (11000, None, 11000, "soldiers", True)),
        ("Around 10 people are unaccounted for.", (10, None, None, "people", True)),
        ("The navy fired seven ballistic missiles at the bay.", (7, None, None, "missiles", False)),
        ("The alert came 30 minutes before impact.", (30, None, None, "minutes", False)),
        ("A dozen drones circled the plant.", (12, None, None, "drones", False)),
        ("Half a million shells were promised.", (500_000, None, None, "shells", False)),
        ("It delivered 2.5 million rounds.", (2_500_000, None, None, "rounds", False)),
        ("Congress approved $40 billion for the program.", (40_000_000_000, None, None, "USD", False)),
        ("The deal is worth 40 billion dollars.", (40_000_000_000, None, None, "USD", False)),
        ("The rail link is 1,200 km long.", (1200, None, None, "km", False)),
        ("Prices rose 15% in a month.", (15, None, None, "%", False)),
        ("Some 200 volunteers arrived.", (200, None, None, "volunteers", True)),
        ("Roughly 5,000 tons of grain were lost.", (5000, None, None, "t", True)),
        ("The probe reached Mach 10 in tests.", (10, None, None, "mach", False)),
        ("A 30-minute warning was issued.", (30, None, None, "minutes", False)),
        ("Just over 300 fighters surrendered.", (300, 300, None, "fighters", True)),
        ("No more than 40 tanks crossed the river.", (None, None, 40, "tanks", False)),
        ("Approximately half of the interceptors failed.", (50, None, None, "%", True)),
        ("Twenty-five civilians were evacuated.", (25, None, None, "civilians", False)),
        ("They seized $5m in cash.", (5_000_000, None, None, "USD", False)),
        # a unit glued to its number, as many outlets write it
        ("The missile has a range of 5,000km.", (5000, None, None, "km", False)),
        ("The drone carried a 15kg warhead.", (15, None, None, "kg", False)),
    ],
)
def test_quantities_single_conventions(sentence, expected):
    assert fields(only(sentence)) == expected


@pytest.mark.parametrize(
    "sentence",
    [
        "Its reach is between 380 km and 620 km by most estimates.",
        "Its reach is 380-620 km by most estimates.",
        "Its reach runs from 380 to 620 kilometres.",
        "Its reach is 380 to 620 kilometers.",
    ],
)
def test_quantities_range_forms(sentence):
    q = only(sentence)
    assert (q.value, q.low, q.high, q.unit) == (None, 380, 620, "km")


def test_quantities_range_shares_scale_word():
    q = only("Between 1 and 2 million people fled the valley.")
    assert (q.low, q.high, q.unit) == (1_000_000, 2_000_000, "people")


def test_quantities_two_or_three_is_a_range():
    q = only("Two or three launchers were spotted.")
    assert (q.low, q.high, q.unit) == (2, 3, "launchers")


def test_quantities_converted_figure_in_brackets_is_one_quantity():
    q = only("The rocket flies about 700 kilometers (about 435 miles) in ten minutes."[:58])
    assert fields(q) == (700, None, None, "km", True)
    assert q.text == "about 700 kilometers"


def test_quantities_converted_money_in_brackets_is_one_quantity():
    found = find_quantities("A US$ 12 billion (£9.5 billion) order for 40 jets.")
    assert [(q.value, q.unit) for q in found] == [(12_000_000_000, "USD"), (40, "jets")]


@pytest.mark.parametrize(
    "phrase, low",
    [
        ("dozens of", 24),
        ("hundreds of", 200),
        ("thousands of", 2000),
        ("tens of thousands of", 20000),
        ("hundreds of thousands of", 200000),
        ("several hundred", 300),
    ],
)
def test_quantities_vague_plurals_are_approximate_lower_bounds(phrase, low):
    q = only(f"Witnesses counted {phrase} armed men near the bridge.")
    assert (q.value, q.low, q.approx, q.unit) == (None, low, True, "men")


def test_quantities_quoted_vague_plural_keeps_counted_noun():
    q = only('Officials said there were "dozens" of foreign personnel at the site.')
    assert (q.low, q.unit, q.text) == (24, "personnel", "dozens")


@pytest.mark.parametrize(
    "sentence",
    [
        "In 2022 the talks collapsed.",
        "The KN-23 and the Su-27 and the S-400 and the F-16 were shown.",
        "Crews loaded a 9K720 launcher.",
        "The council adopted resolution 2231 without a vote.",
        "The strike happened on the 6th of the month.",
        "The meeting began at 10:30 and ended at 4 p.m.",
        "It was signed on April 24, 2024, and again on 3 May.",
        "The report is dated 2024-04-24.",
        "A 45-year-old man was detained.",
        "A 36 - year - old climber died on the ridge.",  # hyphens spaced by a scraper
        "The suspect is 19 years old.",
        "Someone shot him in the head.",  # "some" + "one" is no approximate one
        "The shooting occurred about 3: 10 p. m. in the 12200 block of Main Street.",
        "The distress call came at 1100 hours and fighting began at about 0825.",
        "Fighting broke out at about 1000 local time.",
        "He fired a .38 caliber revolver and a. 357 Magnum.",
        "RIO DE JANEIRO, MARCH 13 - Talks resumed.",
        "The bomb went off at 10.30 P.M. outside the mess.",
        "A man was shot at 40 East 5th Ave. and at 1200 Main Street.",
        "Police received 911 calls saying shots had been fired.",
        '<tweet id="672138506081275904">Shots fired</tweet>',
        "The 170, 000 - square - foot building houses law offices.",
        "The drone hit a 16-storey block and a nine-storey hostel.",
        "The Boeing 767 landed safely.",
        "Officers fired 155mm shells.",
        "It happened two days ago.",
        "No one was hurt, one of them said.",
        "It grew in the second half of 2023.",
    ],
)
def test_quantities_not_quantities(sentence):
    assert find_quantities(sentence) == []


def test_quantities_list_marker_is_not_a_quantity():
    found = find_quantities("1. Seven drones were shot down.")
    assert [(q.text, q.value) for q in found] == [("Seven", 7)]


def test_quantities_offsets_and_order():
    text = "At least 8 died and about 20 were hurt; 3 drones fell."
    found = find_quantities(text)
    assert [q.text for q in found] == ["At least 8", "about 20", "3"]
    assert all(text[q.start : q.end] == q.text for q in found)
    assert found[2].unit == "drones"


def test_quantities_of_is_left_to_the_extractor():
    assert only("At least nine people were killed.").of is None


@pytest.mark.parametrize(
    "text, value",
    [
        ("two hundred and fifty thousand", 250_000),
        ("twenty-five", 25),
        ("a million", 1_000_000),
        ("one and a half million", 1_500_000),
        ("$40bn", 40_000_000_000),
        ("1,200", 1200),
        ("2.5 million", 2_500_000),
        ("a dozen", 12),
        ("banana", None),
        ("a", None),
    ],
)
def test_quantities_parse_number(text, value):
    assert parse_number(text) == value


# ---------------------------------------------------------------------------
# Properties
# ---------------------------------------------------------------------------

NUMBERS = st.integers(min_value=2, max_value=999_999)


def _render(n: int) -> str:
    return f"{n:,}"


@settings(max_examples=150, deadline=None)
@given(n=NUMBERS, modifier=st.sampled_from(["at least", "more than", "up to", "about", "nearly"]))
def test_quantities_property_modifier_round_trip(n, modifier):
    q = only(f"Officials said {modifier} {_render(n)} soldiers were moved.")
    expected = {
        "at least": (None, n, None, False),
        "more than": (None, n, None, False),
        "up to": (None, None, n, False),
        "about": (n, None, None, True),
        "nearly": (n, None, n, True),
    }[modifier]
    assert (q.value, q.low, q.high, q.approx) == expected
    assert q.unit == "soldiers"


@settings(max_examples=150, deadline=None)
@given(a=NUMBERS, gap=st.integers(min_value=1, max_value=10_000))
def test_quantities_property_between_round_trip(a, gap):
    b = a + gap
    q = only(f"The range is between {_render(a)} km and {_render(b)} km.")
    assert (q.low, q.high, q.unit) == (a, b, "km")


@settings(max_examples=300, deadline=None)
@given(st.text(max_size=200))
def test_quantities_property_never_raises_and_offsets_hold(text):
    for q in find_quantities(text):
        assert text[q.start : q.end] == q.text


@settings(max_examples=200, deadline=None)
@given(
    st.lists(
        st.sampled_from(
            ["at", "least", "about", "8", "1,200", "2.5", "million", "km", "(", ")", "-", "to",
             "between", "and", "dozens", "of", "people", "$", "%", "KN-23", "2024", "the", "6th",
             "half", "a", "one", "Mach", "mln", "m", "5m", "\n", ",", "."]
        ),
        max_size=25,
    )
)
def test_quantities_property_token_soup_offsets_hold(tokens):
    text = " ".join(tokens)
    for q in find_quantities(text):
        assert text[q.start : q.end] == q.text
        assert q.value is not None or q.low is not None or q.high is not None


def test_quantities_idioms_and_addresses_are_not_quantities():
    assert find_quantities("Such tactics may one day spread elsewhere.") == []
    assert find_quantities("Write to 1600 M Street for details.") == []


@pytest.mark.parametrize("sentence, counts", [
    ("Madrid will deliver 18 Leopard 2 tanks to Kyiv.", [18]),
    ("Warsaw sent two Patriot 3 batteries east.", [2]),
    ("Washington sent Kyiv 31 Abrams tanks.", [31]),  # a name before a count is no model name
])
def test_quantities_a_model_number_after_a_count_names_the_model(sentence, counts):
    assert [q.value for q in find_quantities(sentence)] == counts


def test_a_count_of_people_kidnapped_is_a_count_of_captured(pipeline):
    from claimgraph.model import Document
    text = "Four engineers were kidnapped near Kaduna on Sunday."
    claims, _ = pipeline.extractor.extract(pipeline.nlp(text), Document(id="d1", text=text, published="2024-03-14"))
    assert [(q.value, q.of) for c in claims if c.type == "CASUALTY" for q in c.quantities] == [(4, "captured")]


# -- session 31: a prober's numbers --------------------------------------------------------------

@pytest.mark.parametrize("sentence, expected", [
    ("The drones were bought for C$95 million.", (95_000_000, None, None, "CAD", False)),
    ("Canberra pledged A$100 million in aid.", (100_000_000, None, None, "AUD", False)),
    ("The package is worth NZ$20 million.", (20_000_000, None, None, "NZD", False)),
])
def test_quantities_dollars_of_other_countries_keep_their_currency(sentence, expected):
    assert fields(only(sentence)) == expected


def test_quantities_the_whole_a_part_is_taken_from_is_no_count():
    found = find_quantities("The missile killed four of the five crew members aboard the ship.")
    assert [(q.value, q.unit) for q in found] == [(4, "crew")]


def test_quantities_a_day_of_a_war_is_named_not_counted():
    assert find_quantities("On day 750 of the war, rockets hit the port.") == []
    assert fields(only("On the day 10 people were killed, rockets hit the port.")) == (10, None, None, "people", False)


def test_quantities_over_after_a_count_is_where_not_more_than():
    found = find_quantities("The ministry said it shot down 58 drones over eight regions overnight.")
    assert [(q.value, q.low, q.unit) for q in found] == [(58, None, "drones")]
    assert fields(only("Over 100 villages were shelled.")) == (None, 100, None, "villages", False)


def test_a_toll_raised_from_a_figure_keeps_only_the_new_one(pipeline):
    from claimgraph.model import Document
    text = "Police raised the death toll from the market bombing in Kolwe to 12 from eight."
    claims, _ = pipeline.extractor.extract(pipeline.nlp(text), Document(id="d", text=text, published="2024-03-14"))
    tolls = [(q.value, q.of) for c in claims if c.type == "CASUALTY" for q in c.quantities]
    assert tolls == [(12, "killed")]


def test_a_toll_brought_to_a_figure_is_the_casualtys_and_the_increment_goes(pipeline):
    from claimgraph.model import Document
    text = "Three more people died in hospital, bringing the death toll from the Kolwe drone strike to 41."
    claims, _ = pipeline.extractor.extract(pipeline.nlp(text), Document(id="d", text=text, published="2024-03-14"))
    assert [(q.value, q.of) for c in claims if c.type == "CASUALTY" for q in c.quantities] == [(41, "killed")]
    assert not [q for c in claims if c.type == "ATTACK" for q in c.quantities]


@pytest.mark.parametrize("text", ["A strike killed one Palestinian, medics said.", "One American was wounded."])
def test_quantities_one_person_named_by_nation_is_counted(text):
    assert [(q.value, q.unit) for q in find_quantities(text)] == [(1, "people")]


def test_quantities_a_nation_before_its_noun_is_no_person():
    assert [(q.value, q.unit) for q in find_quantities("One Russian drone hit a house.")] == [(1, "drones")]
    assert find_quantities("He visited one American base.") == []


def test_an_operative_killed_is_a_victim(pipeline):
    from claimgraph.model import Document
    text = "The army said it had killed a Hezbollah operative in a strike near Kessel on Monday."
    claims, ents = pipeline.extractor.extract(pipeline.nlp(text), Document(id="d", text=text, published="2024-03-14"))
    victims = [ents[t].name for c in claims if c.type == "CASUALTY" for t in c.roles["target"]]
    assert victims == ["Hezbollah operative"]
