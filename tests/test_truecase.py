"""The headline as the tagger reads it: title-case words take the body's case, initials stay
capitals ("L. A." lower-cased reads as a name to the NER), and only case ever changes."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from claimgraph.analyze.truecase import analysis_text
from claimgraph.model import Document


def recased(headline: str, body: str) -> str:
    text = f"{headline}\n\n{body}"
    return analysis_text(Document(id="d", text=text, title=headline))[:len(headline)]


def test_title_case_words_take_the_body_case():
    assert recased("Depot Blast Kills Two in Marlow", "A bomb hit a depot in Marlow.") == \
        "depot blast kills two in Marlow"


def test_initials_stay_capitals():
    assert recased("Gunman Kills L. A. Deputy on Gang Duty", "A deputy was shot on Friday.") == \
        "Gunman kills L. A. deputy on gang duty"


@given(st.lists(st.sampled_from(["Gunman", "Kills", "L.", "A.", "Deputy", "In", "Marlow", "US", "Blast",
                                 "Two", "J.", "Smith", "On", "Duty"]), min_size=3, max_size=9))
def test_only_case_changes(words):
    headline = " ".join(words)
    out = recased(headline, "A deputy in Marlow met J. Smith of the US army on duty.")
    assert out.lower() == headline.lower() and len(out) == len(headline)


def test_a_paragraph_opening_in_capitals_is_read_in_the_case_the_body_uses():
    text = ("Riot in Marlow\n\nA FIRE-BOMB attack on a bank in Marlow left three people dead.\n\n"
            "MARLOW — Police said the fire-bomb was thrown through a window.")
    doc = Document(id="d", text=text, title="Riot in Marlow")
    read = analysis_text(doc, frozenset({"fire", "bomb"}))
    assert "A fire-bomb attack on a bank" in read and "MARLOW — Police" in read
    assert len(read) == len(text)


def test_a_headline_joined_to_the_text_as_its_first_sentence_is_read_in_sentence_case():
    """Some corpora and feeds give the text as "Headline. Body ..." with the headline as its
    title: read in title case, "Blast Hurts Three in Kessel" had no verb and gave no claim."""
    title = "Blast Hurts Three in Kessel"
    text = f"{title}. Two guards and a driver were hurt in Kessel when a blast hit their post on Monday."
    read = analysis_text(Document(id="d", text=text, title=title))
    assert read.startswith("blast hurts three in Kessel. Two guards")
    assert len(read) == len(text)
    other = Document(id="e", text="Blast Hurts Three elsewhere. " + text, title=title)
    assert analysis_text(other) == other.text  # a text that does not open with its title is left alone


def test_a_heading_in_capitals_inside_the_text_is_read_in_the_case_the_body_uses(pipeline):
    """A newsletter's items open with headings in capitals; read as they are, "CAR BOMB" was a
    place and an attacker. A wire dateline stays as it is."""
    text = ("Morning Briefing\n\nKESSEL, MARCH 11 - Traders waited.\n\n"
            "5. ELEVEN POLICE KILLED, DOZENS WOUNDED IN KESSEL CAR BOMB ATTACK. A car bomb hit a police "
            "post in Kessel on Monday, officials said.")
    doc = Document(id="d", text=text, title="Morning Briefing")
    read = analysis_text(doc, frozenset({"eleven", "police", "killed", "dozens", "wounded", "attack"}))
    assert "5. Eleven police killed, dozens wounded in Kessel car bomb attack." in read
    assert "KESSEL, MARCH 11 - Traders" in read and len(read) == len(text)
    claims, ents = pipeline.extractor.extract(pipeline.nlp(read), Document(id="d", text=text, published="2024-03-14"))
    assert claims and not any("BOMB" in ents[e].name for c in claims for ids in c.roles.values() for e in ids)
