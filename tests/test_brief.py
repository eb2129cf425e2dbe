"""The Markdown brief: sections, citations, filters, and escaping of attacker-controlled text.

All names, places and numbers in the hand-made store are invented.
"""

from __future__ import annotations

import pytest

from claimgraph.export.brief import build_brief, md, write_brief
from claimgraph.model import Claim, Contradiction, Document, Entity, Event, Quantity, TimeSpan
from claimgraph.store import Store

SCRIPT = "<script>alert(1)</script>"
LINK = "[x](javascript:alert(1))"
TEXT_A = (
    "Kestrian forces fired two X-9 missiles at Belzo on Sunday, the mayor said. "
    "The X-9 has a range of about 900 kilometers, officials said."
)
DENIAL = f"The Kestrian defence ministry denied firing at Belzo {LINK} <img src=x onerror=alert(2)>."
TEXT_B = f"{DENIAL} It said the X-9 flies between 400 km and 600 km. Drones hit Westport on Monday, Evil Corp said."


def _claim(cid: str, doc: str, text: str, evidence: str, **kw) -> Claim:
    start = text.index(evidence)
    return Claim(id=cid, document_id=doc, text=evidence, start=start, end=start + len(evidence), **kw)


def make_store() -> Store:
    docs = [
        Document(id="doc-a", text=TEXT_A, path="a.txt", outlet="Belzo Post", title="Missiles hit Belzo",
                 published="2031-04-03", language="en"),
        Document(id="doc-b", text=TEXT_B, path="b.txt", outlet="Kestria Today",
                 title=f"{SCRIPT} Ministry denies `everything`", published="2031-04-04", language="en"),
    ]
    entities = [
        Entity("org:kestrian-forces", "Kestrian forces", "ORG"),
        Entity("w:x9", "X-9", "WEAPON"),
        Entity("w:drone", "drone", "WEAPON"),
        Entity("gpe:belzo", "Belzo", "GPE", lat=45.1, lon=33.25),
        Entity("place:westport", "Westport", "GPE", lat=12.5, lon=-70.0),
        Entity("src:mayor", "the mayor", "SOURCE"),
        Entity("src:ministry", "Kestrian defence ministry", "SOURCE"),
        Entity("src:officials", "officials", "SOURCE"),
        Entity("src:evil", "<b>Evil</b> Corp", "SOURCE"),
    ]
    drones = "Drones hit Westport on Monday, Evil Corp said."
    claims = [
        _claim("cl-attack", "doc-a", TEXT_A, "Kestrian forces fired two X-9 missiles at Belzo on Sunday, the mayor said.",
               type="ATTACK", roles={"actor": ["org:kestrian-forces"], "instrument": ["w:x9"], "target": ["gpe:belzo"]},
               source="src:mayor", modality="reported", time=TimeSpan("2031-04-01", "2031-04-01", "on Sunday", "event"),
               quantities=[Quantity("two", value=2, unit="missiles")]),
        _claim("cl-range-a", "doc-a", TEXT_A, "The X-9 has a range of about 900 kilometers, officials said.",
               type="PROPERTY", roles={"subject": ["w:x9"]}, source="src:officials", modality="reported",
               quantities=[Quantity("about 900 kilometers", value=900, unit="km", approx=True, of="range")],
               attribute="range", sentence=1),
        _claim("cl-deny", "doc-b", TEXT_B, DENIAL, type="ATTACK",
               roles={"actor": ["org:kestrian-forces"], "target": ["gpe:belzo"]}, source="src:ministry",
               polarity="denied", modality="reported", time=TimeSpan("2031-04-04", "2031-04-04", None, "report")),
        _claim("cl-range-b", "doc-b", TEXT_B, "It said the X-9 flies between 400 km and 600 km.", type="PROPERTY",
               roles={"subject": ["w:x9"]}, source="src:ministry",
               quantities=[Quantity("between 400 km and 600 km", low=400, high=600, unit="km", of="range")],
               attribute="range", sentence=1),
        _claim("cl-west", "doc-b", TEXT_B, drones, type="ATTACK",
               roles={"instrument": ["w:drone"], "location": ["place:westport"]}, source="src:evil",
               modality="reported", time=TimeSpan("2031-04-02", "2031-04-02", "on Monday", "event"), sentence=2),
    ]
    events = [
        Event("ev-1", "ATTACK", ["cl-attack", "cl-deny"], ["doc-a", "doc-b"], TimeSpan("2031-04-01", "2031-04-01"),
              {"actor": ["org:kestrian-forces"], "target": ["gpe:belzo"], "instrument": ["w:x9"]},
              ["src:mayor", "src:ministry"], 2, label="ATTACK Belzo 2031-04-01"),
        Event("ev-2", "ATTACK", ["cl-west"], ["doc-b"], TimeSpan("2031-04-02", "2031-04-02"),
              {"instrument": ["w:drone"], "location": ["place:westport"]}, ["src:evil"], 1,
              label="ATTACK Westport 2031-04-02"),
    ]
    contradictions = [
        Contradiction("ct-range", "quantity", ["cl-range-a", "cl-range-b"], "X-9 range", "≈900 km outside 400–600 km"),
        Contradiction("ct-deny", "polarity", ["cl-attack", "cl-deny"], "ATTACK on Belzo",
                      "the mayor asserts it; Kestrian defence ministry denies it"),
    ]
    store = Store(":memory:")
    store.write_batch(docs, claims, entities, [], [])
    store.replace_links(events, contradictions)
    return store


@pytest.fixture(scope="module")
def store():
    s = make_store()
    yield s
    s.close()


@pytest.fixture(scope="module")
def brief(store) -> str:
    return write_brief(store)


def section(text: str, title: str) -> str:
    """The body of one ``## title`` section."""
    body = text.split(f"## {title}\n", 1)[1]
    return body.split("\n## ", 1)[0]


# -- structure and citations ------------------------------------------------------------------


def test_brief_has_the_four_sections_in_order(brief):
    titles = [line[3:] for line in brief.splitlines() if line.startswith("## ")]
    assert titles == ["What happened", "Confirmed by 2 or more independent sources", "Disputed", "Denied"]


def test_brief_what_happened_lists_events_by_date_with_sources_and_ids(brief):
    lines = [l for l in section(brief, "What happened").splitlines() if l.startswith("- ")]
    assert len(lines) == 2
    assert lines[0].startswith("- **2031-04-01** · Attack by Kestrian forces on Belzo with X-9; numbers stated: two missiles.")
    assert "2 independent sources: the mayor, Kestrian defence ministry." in lines[0]
    assert "Reported in 2 articles: Belzo Post, Kestria Today." in lines[0]
    assert lines[0].endswith("[ev-1; claims cl-attack, cl-deny]")
    assert lines[1].startswith("- **2031-04-02** · Attack with drone in Westport.")


def test_brief_confirmed_keeps_only_two_or_more_independent_sources(brief):
    confirmed = section(brief, "Confirmed by 2 or more independent sources")
    assert "[ev-1;" in confirmed and "[ev-2;" not in confirmed


def test_brief_disputed_shows_both_sides_with_who_says_what(brief):
    disputed = section(brief, "Disputed")
    assert "- **X-9 range** (quantity): ≈900 km outside 400–600 km [ct-range]" in disputed
    assert ("  - **officials** says (reported): “The X-9 has a range of about 900 kilometers, officials said.” "
            "(Belzo Post, “Missiles hit Belzo”, 2031-04-03) [cl-range-a]") in disputed
    assert "  - **Kestrian defence ministry** says (fact): “It said the X-9 flies between 400 km and 600 km.”" in disputed
    assert "  - **Kestrian defence ministry** denies: “The Kestrian defence ministry denied firing at Belzo" in disputed


def test_brief_denied_names_who_denies_what_and_against_whom(brief):
    denied = section(brief, "Denied")
    assert denied.strip().startswith(
        "- **Kestrian defence ministry** denies: Attack by Kestrian forces on Belzo. "
        "“The Kestrian defence ministry denied firing at Belzo"
    )
    assert "  - against: the mayor [cl-attack]" in denied


def test_build_brief_returns_the_same_content_as_data(store):
    data = build_brief(store)
    assert [i["event_id"] for i in data["happened"]] == ["ev-1", "ev-2"]
    assert [i["event_id"] for i in data["confirmed"]] == ["ev-1"]
    assert [d["contradiction_id"] for d in data["disputed"]] == ["ct-deny", "ct-range"]
    assert [d["claim_id"] for d in data["denied"]] == ["cl-deny"]
    assert data["denied"][0]["against"][0]["source"] == "the mayor"


# -- filters ---------------------------------------------------------------------------------


def test_brief_since_keeps_what_is_on_or_after_the_date(store):
    data = build_brief(store, since="2031-04-02")
    assert [i["event_id"] for i in data["happened"]] == ["ev-2"]
    # the denial (reported 2031-04-04) is in; the range claims of 04-03 and 04-04 keep their dispute
    assert [d["claim_id"] for d in data["denied"]] == ["cl-deny"]
    assert {d["contradiction_id"] for d in data["disputed"]} == {"ct-deny", "ct-range"}
    assert build_brief(store, since="2031-04-05")["happened"] == []


def test_brief_entity_keeps_what_mentions_a_matching_name(store):
    data = build_brief(store, entity="westport")
    assert [i["event_id"] for i in data["happened"]] == ["ev-2"]
    assert data["denied"] == [] and data["disputed"] == []
    assert data["scope"]["entities"] == ["Westport"]
    text = write_brief(store, entity="westport")
    assert "_None._" in section(text, "Denied")


def test_brief_entity_matching_nothing_says_so(store):
    text = write_brief(store, entity="Atlantis")
    assert "(no entity matches)" in text
    assert section(text, "What happened").strip() == "_None._"


def test_brief_since_must_be_a_date(store):
    with pytest.raises(ValueError, match="YYYY-MM-DD"):
        write_brief(store, since="last Tuesday")


# -- escaping ----------------------------------------------------------------------------------


def test_brief_escapes_html_and_links_from_articles(brief):
    assert "<script" not in brief and "<img" not in brief and "<b>" not in brief
    assert LINK not in brief  # the link syntax is broken by escapes...
    assert "javascript:alert(1)" in brief  # ...but the text is still there to read
    assert "Belzo \\[x\\](javascript:alert(1)) &lt;img src=x onerror=alert(2)&gt;." in brief
    assert "“&lt;script&gt;alert(1)&lt;/script&gt; Ministry denies \\`everything\\`”" in brief
    assert "1 independent source: &lt;b&gt;Evil&lt;/b&gt; Corp." in brief


def test_brief_renders_to_html_without_active_content(brief):
    markdown_it = pytest.importorskip("markdown_it")
    # html=True: even a renderer that passes raw HTML through gets none from the brief
    html = markdown_it.MarkdownIt("commonmark", {"html": True}).render(brief)
    assert "<script" not in html and "<img" not in html and "<b>Evil" not in html
    assert "href" not in html
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in html
    assert "[x](javascript:alert(1))" in html  # shown as text


@pytest.mark.parametrize("raw, escaped", [
    ("plain words", "plain words"),
    ("<script>", "&lt;script&gt;"),
    ("a & b", "a &amp; b"),
    ("[x](y)", "\\[x\\](y)"),
    ("*bold* _it_ `code` ~x~ a|b", "\\*bold\\* \\_it\\_ \\`code\\` \\~x\\~ a\\|b"),
    ("two\n\n# lines", "two # lines"),
    ("back\\slash", "back\\\\slash"),
    ("rtl\u202eevil\x07", "rtlevil"),
    (None, ""),
])
def test_brief_md_escape_cases(raw, escaped):
    assert md(raw) == escaped


# -- the demo corpus ---------------------------------------------------------------------------


@pytest.fixture(scope="module")
def demo_store(demo_db):
    """The session's demo database (conftest.py), read only."""
    s = Store(demo_db)
    yield s
    s.close()


def test_brief_on_the_demo_corpus(demo_store):
    text = write_brief(demo_store)
    assert "KN-23 range" in section(text, "Disputed")
    assert "**North Korea** denies:" in section(text, "Denied")
    confirmed = section(text, "Confirmed by 2 or more independent sources")
    assert confirmed.count("\n- ") + confirmed.startswith("- ") >= 1
    everything = build_brief(demo_store)
    korea = build_brief(demo_store, entity="North Korea")
    assert 0 < len(korea["happened"]) < len(everything["happened"])
    later = build_brief(demo_store, since="2025-03-10")
    assert 0 < len(later["happened"]) < len(everything["happened"])


def test_brief_names_an_outlet_from_the_url_and_gives_numbers_their_units(tmp_path):
    """Issue 11: no "unknown outlet" when the URL says who published; "about one million"
    reads as people stated in the text, not as a count of the attack."""
    from claimgraph.export.base import ExportView

    text = "Missiles hit Dnipro, a city of about one million, the governor said."
    doc = Document(id="d", text=text, url="https://www.dnipro-courier.example/news/1", published="2031-05-01")
    claim = _claim("c", "d", text, text, type="ATTACK", roles={"target": ["gpe:dnipro"]},
                   quantities=[Quantity("about one million", value=1e6, unit="people", approx=True)])
    with Store(str(tmp_path / "b.db")) as store:
        store.write_batch([doc], [claim], [Entity("gpe:dnipro", "Dnipro", "GPE")], [], [("h", "x", "ingested", "d")])
        store.replace_links([Event("ev-d", "ATTACK", ["c"], ["d"], TimeSpan("2031-05-01", "2031-05-01"),
                                   {"target": ["gpe:dnipro"]}, [], 1)], [])
        view = ExportView.of(store, min_confidence=0)
        assert view.outlet("d") == "dnipro-courier.example"
        brief = write_brief(store, min_confidence=0)
    assert "unknown outlet" not in brief
    assert "Reported in 1 article: dnipro-courier.example" in brief
    assert "numbers stated: about one million people" in brief
