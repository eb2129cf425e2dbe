"""A "said" the parser left without a subject gets its speakers joined to the list before it
("killing more than 50 soldiers and volunteer fighters, three security sources and a local
resident said"): the speakers are no victims and their number counts no one; with its own
subject ("..., police said") the whole list is the victims. Every sentence here is invented."""

from __future__ import annotations

from test_precision import extract  # noqa: F401  (the same one-document extraction fixture)

TAIL = ("Militants overran an army base near Kolwe on Wednesday, killing more than 50 soldiers and volunteer "
        "fighters, three security sources and a local resident said.")


def test_the_speakers_of_a_subjectless_said_are_no_victims(extract):
    claims, ents = extract(TAIL, published="2024-03-14")
    hit = {ents[i].name.lower() for c in claims for i in c.roles["target"]}
    assert "soldier" in hit and not hit & {"source", "resident", "local resident"}
    toll = next(c for c in claims if c.type == "CASUALTY")
    assert {q.low for q in toll.quantities} == {50} and all(q.value != 3 for q in toll.quantities)


def test_a_list_before_a_said_with_its_own_subject_is_all_victims(extract):
    claims, ents = extract("Gunmen killed two officials and a resident in Kolwe, police said.", published="2024-03-14")
    toll = next(c for c in claims if c.type == "CASUALTY")
    assert {ents[i].name.lower() for i in toll.roles["target"]} == {"official", "resident"}
