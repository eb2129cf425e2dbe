"""Comment threads under an article are cut; lists an article announces are kept (invented pages)."""

from claimgraph.clean.lists import announced_items, item_shape, keep_announced_lists
from claimgraph.clean.teasers import drop_glued_teasers, glued_headline, teaser_runs
from claimgraph.clean.text import Unit, clean_text
from claimgraph.clean.threads import drop_comment_threads, is_stamp, thread_spans


def units_of(rows, label="body"):
    return [Unit(text=t, line_no=i, block=i, words=len(t.split()), label=label) for i, t in enumerate(rows)]


ARTICLE = [
    "Ferry Service Resumes Across the Lake",
    "The regional ferry company said on Tuesday that crossings would resume next week after repairs.",
    "Engineers replaced the damaged ramp at the northern pier, the company said in a statement.",
]
THREAD = [
    "4 Comments",
    "Marta Kowal", "March 3, 2022 at 8:14 am",
    "Finally some good news, the detour by road took me three hours every day.",
    "Tom B", "March 3, 2022 at 9:02 am",
    "I hope they fixed the timetable as well, the evening boat was always late.",
    "Lena", "March 4, 2022 at 6:45 pm",
    "Does anyone know whether bicycles are allowed on the first crossings?",
]


def test_signed_stamps_under_the_article_are_a_thread():
    units = units_of(ARTICLE + THREAD)
    units[len(ARTICLE)].label = "boilerplate"  # "4 Comments": a label the lexicons name
    drop_comment_threads(units)
    kept = [u.text for u in units if u.label == "body"]
    assert kept == ARTICLE
    assert {u.reason for u in units[len(ARTICLE) + 1:]} == {"comment thread"}


def test_stamp_shapes():
    assert is_stamp(units_of(["2 days ago at 07:52 am"])[0])
    assert is_stamp(units_of(["Ola on May 2, 2021 at 9:15 pm said:"])[0])
    assert not is_stamp(units_of(["The ferry left at 9:15 pm on Tuesday, three hours late, the company said."])[0])


def test_a_timeline_without_names_stays():
    rows = ARTICLE + ["The ferry's first week:", "The first boat left at 6:10 am on May 2, 2022.",
                      "May 2, 2022 at 9:15 am", "Crowds waited at the northern pier for the second crossing.",
                      "May 2, 2022 at 11:40 am", "A third boat was added to the morning schedule, officials said.",
                      "May 3, 2022 at 8:00 am", "Service ran on time, the company said."]
    units = units_of(rows)
    drop_comment_threads(units)
    assert all(u.label == "body" for u in units)


def test_posts_without_an_article_above_stay():
    units = units_of(THREAD)
    assert thread_spans(units)
    drop_comment_threads(units)
    assert [u.label for u in units] == ["body"] * len(THREAD)


def test_a_two_stamp_dateline_is_no_thread():
    units = units_of(["Posted: March 3, 2022 at 8:14 am", "Updated: March 3, 2022 at 9:02 am"] + ARTICLE[1:])
    assert thread_spans(units) == []


def test_clean_text_cuts_a_comment_thread():
    page = "\n".join(["Home", "News", "World"] + ARTICLE + ["Share this article"] + THREAD + ["About us", "Contact"])
    body = clean_text(page).body
    assert "Engineers replaced the damaged ramp" in body
    assert "evening boat was always late" not in body
    assert "bicycles are allowed" not in body


LIST_PAGE = [
    "The relief convoy will stop in these towns on its way north:",
    "Kessa, a night at the school",
    "Moran, water and fuel",
    "Tilde, the border post",
    "Follow us on Facebook",
]


def test_items_a_paragraph_announces_are_kept():
    units = units_of(LIST_PAGE, label="boilerplate")
    units[0].label = "body"
    keep_announced_lists(units)
    assert [u.label for u in units] == ["body", "body", "body", "body", "boilerplate"]


def test_a_list_ends_where_its_shape_changes():
    rows = ["The tour dates so far:", "June 9 -- Arena, Tampa", "June 10 -- Park, Miami", "Tickets on sale now"]
    units = units_of(rows, label="boilerplate")
    units[0].label = "body"
    assert announced_items(units, 0) == [1, 2]
    assert item_shape("12) Model train set") == "number"


def test_one_line_under_a_colon_is_no_list():
    units = units_of(["He told reporters:", "We will rebuild the bridge", "Share this"], label="boilerplate")
    units[0].label = "body"
    assert announced_items(units, 0) == []


def test_clean_text_keeps_an_announced_list():
    page = "\n".join(["Home", "News", "Convoy Heads North With Supplies", "By Ada Lind"] + [
        "A convoy of twelve trucks left the capital on Monday carrying food and medicine for the north, the ministry said.",
        "Drivers expect the trip to take four days because of the damaged roads near the river."] + LIST_PAGE)
    body = clean_text(page).body
    assert "Moran, water and fuel" in body
    assert "Follow us on Facebook" not in body


TEASERS = [
    "Bridge Reopens After Repairs In RiversideThe city said on Monday that traffic would resume.",
    "Storm Knocks Out Power Across The ValleyAbout 20,000 homes lost power overnight, the utility said.",
    "Local Bakery Wins Regional Bread ContestThe owners said they would celebrate with free rolls.",
]


def test_a_run_of_glued_teasers_is_dropped():
    units = units_of(ARTICLE + ["Latest Headlines"] + TEASERS)
    drop_glued_teasers(units)
    assert [u.text for u in units if u.label == "body"] == ARTICLE + ["Latest Headlines"]
    assert glued_headline(TEASERS[1]) == "Storm Knocks Out Power Across The Valley"


def test_one_camel_cased_name_is_no_teaser_list():
    rows = ARTICLE + ["Engineers From McPherson Construction Said The repairs would take a week, he said.",
                      "The company thanked passengers for their patience during the closure."]
    units = units_of(rows)
    assert teaser_runs(units) == []
    drop_glued_teasers(units)
    assert all(u.label == "body" for u in units)


def test_a_dated_list_under_a_heading_is_kept_and_headlines_are_not():
    rows = ARTICLE + ["Ferry Timetable For May", "May 2 -- North pier, 6:10", "May 3 -- South pier, 7:40",
                      "May 4 -- North pier, 6:10", "Contact us"]
    units = units_of(rows, label="boilerplate")
    for u in units[:len(ARTICLE)]:
        u.label = "body"
    keep_announced_lists(units)
    assert [u.label for u in units[len(ARTICLE):]] == ["body"] * 4 + ["boilerplate"]
    rows = ARTICLE + ["More From Our Site", "27 Oddest Ferry Stories", "10 Strangest Lakes", "11 Weird Boats"]
    units = units_of(rows, label="boilerplate")
    for u in units[:len(ARTICLE)]:
        u.label = "body"
    keep_announced_lists(units)
    assert all(u.label == "boilerplate" for u in units[len(ARTICLE):])


def test_an_items_link_line_stays_in_the_list():
    rows = ["Our picks for the holiday sale:", "1) Model train set", "https://shop.example/train",
            "2) Jigsaw puzzle", "https://shop.example/puzzle", "Tags"]
    units = units_of(rows, label="boilerplate")
    units[0].label = "body"
    assert announced_items(units, 0) == [1, 2, 3, 4]


def test_a_long_list_numbered_from_one_is_kept_wherever_it_stands():
    stops = [f"{n}a etapa: {n + 2} de maio – Porto {chr(64 + n)}" for n in range(1, 10)]
    units = units_of(["Menu", "Calendário da Regata 2022"] + stops + ["Contato"], label="boilerplate")
    keep_announced_lists(units)
    assert [u.label for u in units] == ["boilerplate"] + ["body"] * 10 + ["boilerplate"]
    short = units_of(["Popular Now"] + [f"{n}. Ferry Story Number {n} Of The Week" for n in range(1, 6)], label="boilerplate")
    keep_announced_lists(short)
    assert all(u.label == "boilerplate" for u in short)


WIRE = """KESSA, March 3 - The ferry company said on Tuesday that
crossings of the lake would resume next week after repairs to
the northern pier were finished.
    Engineers replaced the damaged ramp and two mooring posts,
a company spokesman told reporters at the pier.
    The company said the first boat would leave at dawn on
Monday and that tickets bought for cancelled crossings would be
honoured until the end of the month.
    Local traders said the closure had cost them half of their
usual trade since the storm in January.
"""


def test_wire_copy_keeps_its_dated_lede_and_every_paragraph():
    from claimgraph.clean.text import keep_wire_lede

    body = clean_text(WIRE, known_title="FERRY CROSSINGS TO RESUME NEXT WEEK").body
    for opening in ("KESSA, March 3 - The ferry company", "Engineers replaced", "The company said the first boat",
                    "Local traders said"):
        assert opening in body
    units = units_of(["KESSA, March 3 - The ferry company said on Tuesday that crossings would resume.",
                      "Engineers replaced the damaged ramp, a company spokesman said."], label="boilerplate")
    units[1].label = "body"
    keep_wire_lede(units)
    assert units[0].label == "body"


def test_a_paragraph_between_kept_paragraphs_is_kept():
    from claimgraph.clean.text import keep_sandwiched_headings

    units = units_of(ARTICLE[1:] + ["Traders said the closure had cost them half of their usual trade this winter.",
                                    "The first boat leaves at dawn on Monday, the company said."], label="body")
    units[2].label = "boilerplate"
    keep_sandwiched_headings(units, [0.9, 0.9, 0.2, 0.9])
    assert units[2].label == "body"
    units[2].label = "boilerplate"
    keep_sandwiched_headings(units, [0.9, 0.9, 0.05, 0.9])
    assert units[2].label == "boilerplate"
