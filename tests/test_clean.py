"""Tests for the clean stage: decoding and rejects, HTML, the line classifier, metadata."""

from __future__ import annotations

import json
import re
import time
from pathlib import Path

import pytest
from hypothesis import given, settings as hyp_settings, strategies as st

from claimgraph.clean import (
    clean_item,
    clean_text,
    classify_lines,
    decode_bytes,
    detect_language,
    extract_html,
    sniff_kind,
)
from claimgraph.clean.meta import NOT_NAME_WORDS, clean_author, parse_byline, parse_date_text, parse_dateline, parse_names
from claimgraph.clean.text import load_lexicon, split_units
from claimgraph.errors import RejectedInput
from claimgraph.model import InputItem
from claimgraph.settings import Settings

DATA = Path(__file__).parent / "data" / "clean"
SHARED = Path(__file__).resolve().parents[2] / "shared"
SETTINGS = Settings()

BODY = (
    "Two rocket launchers were destroyed near the river crossing on Friday, the army said. "
    "A spokesman added that the crews had left the vehicles before the strike."
)


def item_from_file(name: str, **kwargs) -> InputItem:
    path = DATA / name
    return InputItem(origin=str(path), data=path.read_bytes(), path=str(path), **kwargs)


def reject_reason(item: InputItem, settings: Settings = SETTINGS) -> str:
    with pytest.raises(RejectedInput) as caught:
        clean_item(item, settings)
    assert caught.value.detail, "every reject needs a readable detail"
    return caught.value.reason


# --- rejects ------------------------------------------------------------------------


@pytest.mark.parametrize(
    "item",
    [
        InputItem(origin="none"),
        InputItem(origin="b", data=b""),
        InputItem(origin="ws", data=b"  \n\t\r\n  "),
        InputItem(origin="t", text="   \n "),
        InputItem(origin="tiny", text="Menu\nShare\nHome"),
        InputItem(origin="short", text="Troops moved."),
    ],
)
def test_clean_rejects_empty_input(item):
    assert reject_reason(item) == "empty"


@pytest.mark.parametrize(
    "data",
    [
        b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj",
        b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR",
        b"PK\x03\x04\x14\x00\x06\x00" + b"word/document.xml" * 10,
        b"\x1f\x8b\x08\x00" + bytes(range(200)),
        b"Some text\x00with a NUL byte in the middle of it, which text never has.",
        bytes([1, 2, 3, 4, 5, 6, 7, 8, 14, 15, 16]) * 50 + b"letters",
    ],
)
def test_clean_rejects_binary(data):
    assert reject_reason(InputItem(origin="bin", data=data)) == "binary"


def test_clean_rejects_utf16_without_bom_as_not_utf8():
    data = (BODY * 3).encode("utf-16-le")
    with pytest.raises(RejectedInput) as caught:
        decode_bytes(data)
    assert caught.value.reason == "not-utf8"
    assert "UTF-16" in caught.value.detail


def test_clean_rejects_undecodable_bytes_as_not_utf8():
    # Bytes cp1252 leaves undefined, in a mix no encoding reads as text.
    data = b"Report \x81\x8d\x8f\x90\x9d\x81\x8d\x8f\x90\x9d\x9d\x90\x8f\x8d\x81 end" * 20
    assert reject_reason(InputItem(origin="bad", data=data)) == "not-utf8"


def test_clean_decodes_utf16_with_bom():
    assert decode_bytes(BODY.encode("utf-16")) == BODY


def test_clean_decodes_cp1252_text():
    text = "The caf\u00e9 owner said \u201cthe shelling\u201d stopped at dawn \u2013 residents agreed."
    assert decode_bytes(text.encode("cp1252")) == text


def test_clean_decodes_utf8_with_bom_and_few_broken_bytes():
    assert decode_bytes(b"\xef\xbb\xbf" + BODY.encode()) == BODY
    damaged = ("Caf\u00e9 " + BODY).encode() + b" \xff tail"
    assert decode_bytes(damaged).endswith("\ufffd tail")


def test_clean_rejects_too_large_quickly():
    big = b"<html><body>" + b"<p>Filler paragraph about nothing at all.</p>" * 1_200_000
    assert len(big) > 50_000_000
    started = time.perf_counter()
    assert reject_reason(InputItem(origin="big.html", data=big)) == "too-large"
    # parsing 50 MB of HTML takes tens of seconds; refusing it by size takes microseconds.
    # The bound is loose so a loaded CI machine does not make it flaky.
    assert time.perf_counter() - started < 5


def test_clean_too_large_respects_setting():
    item = InputItem(origin="x", text=BODY)
    assert reject_reason(item, Settings(max_bytes=50)) == "too-large"


def test_clean_rejects_french_as_not_english():
    assert reject_reason(item_from_file("french.txt")) == "not-english"


def test_clean_rejects_german_as_not_english():
    german = (
        "Das Verteidigungsministerium teilte am Dienstag mit, dass in der Nacht mehrere Drohnen "
        "über der Grenzregion abgeschossen worden seien. Verletzt wurde nach Angaben eines Sprechers niemand."
    )
    assert reject_reason(InputItem(origin="de", text=german)) == "not-english"


def test_clean_accepts_other_language_when_configured():
    doc = clean_item(item_from_file("french.txt"), Settings(languages="en,fr"))
    assert doc.language == "fr"


def test_clean_rejects_html_without_text_as_no_text():
    page = b"<html><head><title>x</title><script>var a = 1;</script></head><body><nav></nav></body></html>"
    assert reject_reason(InputItem(origin="p.html", data=page)) == "no-text"


def test_clean_rejects_item_with_source_error():
    assert reject_reason(InputItem(origin="u", error="timed out after 30 s")) == "unreadable"
    assert reject_reason(InputItem(origin="u", error="not-found: no file 'x.txt'")) == "not-found"


# --- HTML ---------------------------------------------------------------------------


def test_clean_html_article_body_and_metadata():
    doc = clean_item(item_from_file("article.html"), SETTINGS)
    assert doc.title == "Patrol Boat Seized In Disputed Strait"
    assert doc.byline == "Lena Fischer"
    assert doc.published == "2024-02-14"
    assert doc.outlet == "Example Herald"
    assert doc.language == "en"
    assert doc.text.startswith("Coast guard vessels seized a patrol boat")
    assert "rising quickly." in doc.text
    for furniture in ("Home", "Subscribe", "Most popular", "recipes", "All rights reserved", "Privacy"):
        assert furniture not in doc.text
    assert doc.text.count("\n\n") == 3  # four paragraphs


def test_clean_broken_html_still_yields_text():
    doc = clean_item(item_from_file("broken.html"), SETTINGS)
    assert "convoy of twenty trucks" in doc.text
    assert "unloaded at a depot" in doc.text
    assert "<" not in doc.text


@pytest.mark.parametrize(
    "garbage",
    ["<html><body><p>", "<<<>>>&&&;;</b></i>", "<div>" * 500, "<html>\x01\x02<body>", "<p>Hi</p></html></html>"],
)
def test_clean_garbage_html_is_a_clean_reject(garbage):
    item = InputItem(origin="g.html", text=garbage, kind="html")
    assert reject_reason(item) in ("no-text", "empty", "binary")


def test_clean_html_fallback_uses_line_classifier():
    # Markup trafilatura finds no article in: a bare list of paragraphs in table cells.
    page = (
        "<html><body><table><tr><td>Home</td><td>Share on Facebook</td></tr>"
        f"<tr><td>{BODY}</td></tr><tr><td>All rights reserved.</td></tr></table></body></html>"
    )
    result = extract_html(page)
    assert "rocket launchers were destroyed" in result.text
    assert "Share on Facebook" not in result.text
    assert "All rights reserved" not in result.text


def test_clean_html_fallback_reads_pages_wrapped_in_a_form():
    # ASP.NET pages put the whole page in one <form>; it must not be dropped as a widget.
    page = f"<html><body><form id='aspnetForm'><table><tr><td>{BODY}</td></tr></table></form></body></html>"
    assert "rocket launchers" in extract_html(page).text


def test_clean_item_fields_from_source_win():
    item = item_from_file("article.html", outlet="Wire Feed", published="2024-02-15", url="https://example.org/a")
    doc = clean_item(item, SETTINGS)
    assert (doc.outlet, doc.published, doc.url) == ("Wire Feed", "2024-02-15", "https://example.org/a")


# --- scraped plain text -------------------------------------------------------------


@pytest.fixture(scope="module")
def scraped():
    return clean_text((DATA / "scraped_article.txt").read_text(encoding="utf-8"))


def test_clean_text_finds_title_byline_and_date(scraped):
    assert scraped.title == "Drone Swarm Strikes Coastal Fuel Depot, Regional Governor Says"
    assert scraped.byline == "Maria Kowalczyk and Tomas Brandt"
    assert scraped.published == "2024-03-03"


def test_clean_text_keeps_every_body_paragraph(scraped):
    body = scraped.body
    for sentence in (
        "A swarm of at least twelve drones struck a fuel depot",
        '"The fire is contained," the governor said.',
        "shot down nine of the drones over the sea",
        "The neighbouring government denied any involvement.",
    ):
        assert sentence in body


@pytest.mark.parametrize(
    "furniture",
    [
        "Skip to main content",
        "Menu",
        "World",
        "By Maria",
        "Published on",
        "Photo:",
        "Пожарные",
        "Related Stories",
        "Navy Says Patrol Boat",
        "With inputs from",
        "Tags",
        "Energy",
        "All rights reserved",
        "Leave a comment",
        "email address",
        "Drone Swarm Strikes",  # the title is not repeated in the body
    ],
)
def test_clean_text_drops_furniture(scraped, furniture):
    assert furniture not in scraped.body


def test_clean_text_strips_glued_widget_title(scraped):
    assert "Officials said repairs at the depot could take several weeks." in scraped.paragraphs
    assert "Read More" not in scraped.body


def test_clean_text_keeps_subheading_between_paragraphs(scraped):
    labels = {u.text: u.label for u in scraped.units}
    assert labels["Who launched the drones"] == "heading"


def test_clean_text_drops_stray_punctuation(scraped):
    assert not any(p.strip() == ")" for p in scraped.paragraphs)
    assert not scraped.body.endswith(")")


def test_clean_text_without_header_has_no_title():
    ct = clean_text(f"{BODY}\nThe ministry gave no figure for casualties.\nShare it on")
    assert ct.title is None
    assert ct.paragraphs == [BODY, "The ministry gave no figure for casualties."]


def test_clean_text_known_title_is_removed_from_body():
    ct = clean_text(f"Launchers Destroyed At Crossing\n\n{BODY}", known_title="Launchers Destroyed At Crossing")
    assert ct.title == "Launchers Destroyed At Crossing"
    assert ct.body == BODY


def test_clean_text_byline_at_the_end():
    ct = clean_text(f"{BODY}\n\nBy. Anna Lindqvist\n\nShare it on")
    assert ct.byline == "Anna Lindqvist"
    assert "Lindqvist" not in ct.body


def test_clean_text_short_quote_paragraphs_survive():
    text = f"Ceasefire Talks Resume In Geneva\n\n{BODY}\n\n\u201cWe are ready.\u201d\n\nHe declined to comment.\n\nTags\nGeneva"
    body = clean_text(text).body
    assert "\u201cWe are ready.\u201d" in body
    assert "He declined to comment." in body
    assert "Geneva" not in body.replace("Ceasefire", "")


def test_clean_text_drops_caption_in_other_script():
    text = f"{BODY}\n\n\uc804\ud22c\uae30 \uc0ac\uc9c4 \uc5f0\ud569\ub274\uc2a4\n\nThe army gave no further details."
    ct = clean_text(text)
    assert "\uc804\ud22c\uae30" not in ct.body
    assert "no further details" in ct.body


@pytest.mark.parametrize(
    "caption",
    [
        "Soldiers load shells into a howitzer. [Photo=Yonhap]",
        "A damaged building in the city centre. REUTERS/Ivan Petrenko",
        "In this handout photograph released by the ministry, a launcher is seen at dusk",
        "Officials at the summit ANNA SMITH/POOL/AFP via Getty Images",
        "Photo: Jan Novak / Example Agency",
        "Members of the delegation arrive (AP Photo/Carlos Ruiz)",
        "A cargo aircraft on a desert airstrip, file image. Image credit: Border Watch archive",
    ],
)
def test_clean_text_drops_photo_captions(caption):
    ct = clean_text(f"{BODY}\n{caption}\nThe army gave no further details on the strike.")
    assert caption not in ct.body
    assert "no further details" in ct.body


def test_clean_text_keeps_reuters_ipsos_poll_sentence():
    sentence = "A Reuters/Ipsos poll found that most voters backed the sanctions."
    assert sentence in clean_text(f"{BODY}\n{sentence}").body


def test_clean_text_keeps_body_sentences_mentioning_photos():
    sentence = "A handout photo released by the ministry on Monday showed the launcher being loaded."
    assert sentence in clean_text(f"{BODY}\n{sentence}").paragraphs


def test_clean_text_keeps_one_line_lead_before_long_paragraphs():
    ct = clean_text(f"Depot Hit Again Overnight\nThe depot burned.\nShare it on\n{BODY}")
    assert ct.title == "Depot Hit Again Overnight"
    assert ct.paragraphs == ["The depot burned.", BODY]


def test_clean_text_drops_script_lines():
    text = f"{BODY}\nwindow.dataLayer = window.dataLayer || []; function gtag(){{dataLayer.push(arguments);}}\nThe army said more."
    assert "dataLayer" not in clean_text(text).body


def test_clean_text_joins_line_broken_mid_sentence():
    ct = clean_text(f"{BODY}\nThe ministry said the convoy was escorted by the\nmilitary police of the region.")
    assert "The ministry said the convoy was escorted by the\nmilitary police of the region." in ct.paragraphs


def test_clean_text_hard_wrapped_paragraphs_stay_whole():
    ct = clean_text((DATA / "wrapped_wire.txt").read_text(encoding="utf-8"))
    assert len(ct.paragraphs) == 3
    assert ct.paragraphs[0].startswith("The defence ministry said on Tuesday that an\nartillery battalion")
    assert ct.paragraphs[0].endswith("rotation of forces.")
    assert ct.title is None


def test_clean_text_line_per_paragraph_becomes_paragraphs():
    units = split_units(f"{BODY}\nThe second paragraph is here.\n\nA third one.")
    assert [u.text for u in units] == [BODY, "The second paragraph is here.", "A third one."]


def test_clean_classify_lines_labels():
    labels = [u.label for u in classify_lines(f"Exit mobile version\nStrike Hits Rail Depot Near Border\n{BODY}")]
    assert labels == ["boilerplate", "title", "body"]


# --- metadata parsers ---------------------------------------------------------------


@pytest.mark.parametrize(
    "line,names",
    [
        ("By Jane Doe", "Jane Doe"),
        ("By. Jane Doe", "Jane Doe"),
        ("BY JANE DOE", "Jane Doe"),
        ("By Jane Doe and John Roe", "Jane Doe and John Roe"),
        ("Written by Ana de la Cruz", "Ana de la Cruz"),
        ("By Jane Doe, Reuters", "Jane Doe"),
        ("By Jane Doe | Staff Writer", "Jane Doe"),
        ("Author: Kim Min-jun", "Kim Min-jun"),
        ("By the end of the day the convoy had left.", None),
        ("By Tuesday, officials said", None),
        ("Bystanders said they heard two blasts", None),
    ],
)
def test_clean_meta_parse_byline(line, names):
    assert parse_byline(line) == names


@pytest.mark.parametrize(
    "line,expected",
    [
        ("Published on March 3, 2024", "2024-03-03"),
        ("Published: 2024-03-03T10:00:00Z", "2024-03-03"),
        ("Updated 14 February 2024, 09:30 GMT", "2024-02-14"),
        ("Thursday, January 4, 2024", "2024-01-04"),
        ("Jan 4, 2024 | 10:21 AM EST", "2024-01-04"),
        ("Sun 7 Jan 2024 10.00 GMT", "2024-01-07"),
        ("Posted on 12th March 2023 by admin", "2023-03-12"),
        ("Posted 3 hours ago", None),
        ("Published 04/05/2024", None),  # day/month order unknown: no guess
        ("Published 25/05/2024", "2024-05-25"),
        ("The strike came on 4 January 2024.", False),
        ("Officials met in March 2024 to discuss it", False),
    ],
)
def test_clean_meta_parse_dateline(line, expected):
    assert parse_dateline(line) == expected


def test_clean_meta_author_field():
    assert clean_author("Jane Doe; Staff Writer") == "Jane Doe"
    assert clean_author("Associated Press") == "Associated Press"
    assert clean_author("  ") is None


def test_clean_sniff_kind():
    assert sniff_kind("<!doctype html><html><body></body></html>") == "html"
    assert sniff_kind("  <div><p>text</p></div>") == "html"
    assert sniff_kind("Plain text <b>maybe</b>.", name="page.htm") == "html"
    assert sniff_kind("<p>looks like html</p>", declared="text") == "text"
    assert sniff_kind("A sentence about a 5<10 comparison.") == "text"


def test_clean_language_short_english_not_rejected():
    assert detect_language("He denied it.") == "en"
    assert detect_language("Die Armee meldete neue Angriffe auf die Stadt am Montag.") == "de"
    assert detect_language("12 34 56") is None


@pytest.mark.parametrize("text, language", [
    # lines of names the identifier reads as Bikol or Breton: the words between the names are English
    ("President Arvid Kessel hosted Prime Minister Tomas Varga in Ankara on Monday.", "en"),
    ("Norvanian missiles struck Kharkiv, Zaporizhzhia and Ivano-Frankivsk.", "en"),
    # a short line in another language stays that language
    ("El presidente Sánchez se reunió con Orban en Madrid el lunes.", "es"),
    ("Tentara menyerang desa di Aceh pada hari Senin.", "id"),
])
def test_clean_language_of_a_short_line_of_names_is_that_of_the_words_between(text, language):
    assert detect_language(text) == language


def test_clean_document_id_is_content_hash_and_stable():
    first = clean_item(InputItem(origin="a", text=f"Menu\n\n{BODY}\n\nShare it on"), SETTINGS)
    second = clean_item(InputItem(origin="b", data=f"Skip to content\n{BODY}\r\n".encode()), SETTINGS)
    assert first.id == second.id
    assert first.raw_hash != second.raw_hash


def test_clean_cuts_long_text_at_paragraph_boundary():
    paragraph = "Artillery fire was reported along the whole front line during the night."
    text = "\n\n".join([paragraph] * 50)
    doc = clean_item(InputItem(origin="long", text=text), Settings(max_chars=500))
    assert len(doc.text) <= 500
    assert doc.text.endswith("night.")
    assert all(p == paragraph for p in doc.text.split("\n\n"))


def test_clean_lexicon_files_load():
    lexicon = load_lexicon()
    assert "news" in lexicon.exact
    assert lexicon.match("Your email address will not be published.")
    assert lexicon.match("Shareholders approved the deal on Monday.") is None


# --- properties ---------------------------------------------------------------------


@hyp_settings(max_examples=150, deadline=None)
@given(st.text(alphabet=st.characters(blacklist_categories=("Cs",)), max_size=400))
def test_clean_text_body_is_made_of_input_lines(text):
    ct = clean_text(text)
    # (zero-width characters and soft hyphens are dropped on purpose: "A \xad0" reads "A 0")
    source = " ".join(re.sub("[\u200b\u200c\u200d\u2060\ufeff\u00ad]", "", text).split())
    for paragraph in ct.paragraphs:
        for line in paragraph.split("\n"):
            assert " ".join(line.split()) in source or not line.strip()


@hyp_settings(max_examples=150, deadline=None)
@given(st.binary(max_size=300))
def test_clean_decode_bytes_returns_text_or_rejects(data):
    try:
        assert isinstance(decode_bytes(data), str)
    except RejectedInput as exc:
        assert exc.reason in ("empty", "binary", "not-utf8")


@hyp_settings(max_examples=200, deadline=None)
@given(st.text(max_size=60))
def test_clean_parse_dateline_never_raises(line):
    value = parse_dateline(line)
    assert value is False or value is None or (len(value) == 10 and value[4] == "-")


@hyp_settings(max_examples=100, deadline=None)
@given(st.dates(min_value=__import__("datetime").date(1990, 1, 1), max_value=__import__("datetime").date(2035, 12, 31)))
def test_clean_parse_date_text_round_trips_written_dates(day):
    assert parse_date_text(day.strftime("%B %d, %Y")) == day.isoformat()
    assert parse_date_text(day.isoformat()) == day.isoformat()


@hyp_settings(max_examples=100, deadline=None)
@given(st.lists(st.from_regex(r"[A-Z][a-z]{2,8}", fullmatch=True), min_size=2, max_size=3))
def test_clean_parse_names_round_trips(words):
    name = " ".join(words)
    lowered = {w.lower() for w in words}
    if lowered & (NOT_NAME_WORDS | {"and"}):
        return  # "By Aaa Afp" names an agency, not a person
    assert parse_byline(f"By {name}") == name
    assert parse_names(f"{name}, Example Agency") == [name]


# --- the gold seeds ------------------------------------------------------------------


def seed_cases():
    gold_file = SHARED / "gold" / "seeds.json"
    if not gold_file.exists():
        return []
    return sorted(json.loads(gold_file.read_text(encoding="utf-8"))["documents"].items())


def norm(text: str | None) -> str:
    return " ".join((text or "").replace("\u2019", "'").replace("\u2018", "'").lower().split())


@pytest.mark.parametrize("name,gold", seed_cases() or [pytest.param(None, None, marks=pytest.mark.skip("no shared/"))])
def test_clean_seed_documents_match_gold(name, gold):
    seeds = SHARED / "seeds"
    meta = json.loads((seeds / "meta.json").read_text(encoding="utf-8")).get(name, {})
    path = seeds / name
    item = InputItem(
        origin=str(path), data=path.read_bytes(), path=str(path),
        outlet=meta.get("outlet"), published=meta.get("published"),
    )
    doc = clean_item(item, SETTINGS)
    assert norm(doc.title) == norm(gold["title"]) if gold["title"] else doc.title is None
    if gold["byline"]:
        assert norm(gold["byline"]) in norm(doc.byline)
    assert doc.language == gold["language"]
    text = norm(doc.text)
    for keep in gold["must_keep"]:
        assert norm(keep) in text, keep
    for drop in gold["must_drop"]:
        assert norm(drop) not in text, drop


@pytest.mark.parametrize(
    "furniture",
    ["Be the first to comment.", "By submitting a comment you accept our moderation policy.",
     "Lire aussi / Read also:", "Newsletter: World Today - the top stories, every morning."],
)
def test_clean_text_drops_comment_prompts_and_foreign_related_headers(furniture):
    page = (BODY + "\n\n" + furniture + "\n\n" + BODY.replace("rocket launchers", "supply trucks"))
    assert furniture not in clean_text(page).body
    assert "supply trucks" in clean_text(page).body


def test_clean_text_name_alone_above_the_date_is_the_byline():
    page = ("World | Africa\n\nConvoy of fuel trucks reaches the besieged town after a week\n\nRachel Ouma\n"
            "9 May 2025\n\n" + BODY)
    cleaned = clean_text(page)
    assert cleaned.byline == "Rachel Ouma"
    assert "Rachel Ouma" not in cleaned.body


def test_clean_text_name_above_a_place_line_and_the_date_is_the_byline():
    page = ("World | Africa\n\nConvoy of fuel trucks reaches the besieged town after a week\n\nRachel Ouma\n"
            "Port Sudan / Nairobi\nPublished: 19.09.2025\n\n" + BODY)
    cleaned = clean_text(page)
    assert (cleaned.byline, cleaned.published) == ("Rachel Ouma", "2025-09-19")
    # a line of names is no place line: the names right above the date are the byline
    assert clean_text(page.replace("Port Sudan / Nairobi", "Jo Roe and Al Poe")).byline == "Jo Roe and Al Poe"


@pytest.mark.parametrize("caption", ["Booliska ayaa xiray waddada. (Sawir: The Record / Cabdi Nuur)",
                                     "La policía cerró la calle. (Foto: El Diario / Ana Ruiz)"])
def test_clean_text_drops_photo_captions_credited_in_other_languages(caption):
    assert caption not in clean_text(BODY + "\n\n" + caption + "\n\n" + BODY).body


def test_a_name_particle_that_is_an_english_word_ends_a_byline_name():
    from claimgraph.clean.meta import is_name_word

    assert is_name_word("al") and is_name_word("von")
    assert not is_name_word("at")  # "By Jane Doe at the UN"


def test_a_one_sentence_text_is_its_own_body_not_a_headline():
    from claimgraph.clean.text import clean_text

    cleaned = clean_text("Rebels shelled the garrison at Menaka on Monday, the army said.\n")
    assert cleaned.title is None
    assert cleaned.paragraphs == ["Rebels shelled the garrison at Menaka on Monday, the army said."]



@pytest.mark.parametrize("headline", ["Explosion Injures Four in Kessel", "Bomb Wounds Three in Kessel"])
def test_a_short_plain_text_keeps_the_headline_it_opens_with(headline):
    """The title model scores a short text's headline line near zero: it had been dropped as
    furniture (and a closing sentence could be taken for the headline instead)."""
    from claimgraph.clean.text import clean_text

    paragraphs = [
        "Two border guards and a shepherd were hurt on Sunday by a blast in the hamlet of Arvel, "
        "the regional press service said.",
        "The district police said a remote-controlled charge was hidden near a track used by patrols, "
        "and blamed Marlow agents.",
        "Marlow rejected the charge and said the region was making up incidents.",
    ]
    cleaned = clean_text(headline + "\n\n" + "\n\n".join(paragraphs) + "\n")
    assert cleaned.title == headline
    assert cleaned.paragraphs == paragraphs


def test_the_lede_under_the_headline_is_kept_whatever_the_model_scored():
    from claimgraph.clean.text import Unit, keep_lede_under_headline

    def unit(text, label, reason="line model 0.20"):
        return Unit(text=text, line_no=0, block=0, label=label, reason=reason, words=len(text.split()))

    lede = "Marlow Steel Co said it has agreed to merge with Kessel Iron Works for cash."
    units = [unit("Marlow Steel To Merge With Kessel Iron", "title", "given title"),
             unit("By Anna Lindqvist", "byline", "byline"),
             unit(lede, "boilerplate"),
             unit("The company said the combined group would keep both of its mills open this year.", "body")]
    keep_lede_under_headline(units)
    assert units[2].label == "body"
    furniture = [units[0], unit("Sign up to our newsletter for the latest news and offers today.", "boilerplate",
                                "contains; line model 0.20"), units[3]]
    keep_lede_under_headline(furniture)
    assert furniture[1].label == "boilerplate"  # lexicon-named furniture stays out
    no_title = [unit(lede, "boilerplate"), units[3]]
    keep_lede_under_headline(no_title)
    assert no_title[0].label == "boilerplate"  # a page with no headline found: its top is not known to be the lede


MARGIN_TEXT = (
    "Residents of Kessel were told to stay indoors on Monday after a fire at the Arvel depot sent smoke over the town.\n"
    "            \"We could see the flames from the bridge and nobody knew what was burning,\" said a shop owner, who\n"
    "            asked not to be named. The regional governor said two guards were hurt when a fuel tank blew up and\n"
    "            that the blaze had been put out by the evening.\n"
    "            Police said the cause of the fire was not yet known and that investigators would visit the site on\n"
    "            Tuesday. The depot is owned by Marlow Fuels, which said it would pay for the damage to nearby homes.\n"
    "            The company said the depot would stay closed until the end of the month while the tanks were checked\n"
    "            by engineers from the capital.\n"
)


def test_a_page_set_with_a_margin_is_read_as_wrapped_sentences():
    """Every line but the first indented by a page margin and wrapped near 105 columns: the
    indent opens no paragraph, and each line that stops mid-sentence goes on in the next
    (read line by line, the story's fragments had been dropped as furniture)."""
    from claimgraph.clean.text import split_units

    units = split_units(MARGIN_TEXT)
    assert units[0].text.startswith("Residents of Kessel")
    assert any("put out by the evening." in u.text and "We could see the flames" in u.text for u in units)
    assert all(u.text.rstrip().endswith((".", "\"")) for u in units)


def test_a_long_line_that_stops_mid_sentence_goes_on_in_the_next_lower_case_line():
    from claimgraph.clean.text import is_broken_line

    assert is_broken_line("A senior aide to the mayor of Kessel has been arrested, weeks after the mayor was",
                          "elected on a promise to clean up the city.")
    assert not is_broken_line("Related", "stories from the region")
    assert not is_broken_line("The army said the convoy reached the town on Monday.", "then it left")
    assert not is_broken_line("Read more about the fighting around the town of Kessel and Arvel:", "analysis")



class _FixedModel:
    """A stand-in line model that gives fixed probabilities, one per row it is asked about."""

    def __init__(self, scores, threshold=0.5):
        self.scores, self.threshold = scores, threshold

    def probability(self, X):
        import numpy as np

        return np.array(self.scores[: X.shape[0]])


def test_a_story_line_the_title_model_picks_over_a_given_title_stays_in_the_story():
    """The source named the title; the model took a short line of the story for the headline.
    It had been marked the title and then dropped as furniture; it stays as the body model read it."""
    from claimgraph.clean.text import apply_line_model, classify_lines

    text = ("A senior aide to the mayor of Kessel has been arrested on suspicion of bribery, weeks after the mayor\n\n"
            "took office.\n\n"
            "The aide ran the personnel office at city hall and was held after raids on two firms on Friday.\n\n"
            "The mayor said she had asked him to step down and would help the investigation.\n")
    title = "Kessel mayor's aide held in bribery inquiry"
    units = classify_lines(text, known_title=title)
    models = {"body": _FixedModel([0.9, 0.9, 0.9, 0.9]), "title": _FixedModel([0.1, 0.9, 0.1, 0.1])}
    assert apply_line_model(units, models, known_title=title) is None
    assert units[1].label == "body" and all(u.label in ("body", "heading") for u in units)


@pytest.mark.parametrize("opening, kept", [
    ("Deir el-Balah, Gaza - ", False),  # a title-case dateline, as some outlets write it
    ("Kessel, Norvania \u2013 ", False),
    ("Addis Abeba \u2013 ", False),  # the place alone
    ("In Kessel, Hamas - ", True),  # prose: what follows the dash is no sentence start
])
def test_clean_a_title_case_dateline_is_not_article_text(opening, kept):
    rest = "two men were killed" if kept else "Two men were killed"
    doc = clean_item(InputItem(origin="t", text=f"Gunfire in the south\n\n{opening}{rest} on Friday. {BODY}"),
                     SETTINGS)
    assert (opening in doc.text) == kept
    assert f"{rest} on Friday." in doc.text


@pytest.mark.parametrize("opening, kept, day", [
    ("KESSEL, March 12: ", False, "March 12"),  # the South Asian press ends its dateline with a colon
    ("Kessel, Mar 12 (Wire): ", False, "Mar 12"),
    ("KESSEL: ", False, None),
    ("Kessel: ", True, None),  # a title-case word alone before a colon may be anything ("Officials: ...")
])
def test_clean_a_colon_dateline_is_not_article_text(opening, kept, day):
    doc = clean_item(InputItem(origin="t", text=f"Gunfire in the south\n\n{opening}Two men were killed on Friday. {BODY}"),
                     SETTINGS)
    assert (opening in doc.text) == kept
    assert "Two men were killed on Friday." in doc.text
    assert doc.dateline_day == day


def test_clean_a_text_without_its_outlet_takes_the_wire_dateline_s_agency():
    doc = clean_item(InputItem(origin="t", text=f"KESSEL, March 12 (Reuters) - Two men were killed. {BODY}"), SETTINGS)
    assert doc.outlet == "Reuters"
    given = clean_item(InputItem(origin="t", outlet="The Kessel Times",
                                 text=f"KESSEL, March 12 (Reuters) - Two men were killed. {BODY}"), SETTINGS)
    assert given.outlet == "The Kessel Times"
