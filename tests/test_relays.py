"""Who passed a statement on is a via (issue 9; 1990s-wars prober of session 33): "Radio Kabul,
monitored by the BBC, said", "said in a report carried by Tanjug", "a communique, quoted by the
Telam news agency, said". Invented sentences; the agencies are the gazetteer's."""

from __future__ import annotations

import pytest

from test_coref_roles import extract  # noqa: F401  (the one-document extraction fixture)


@pytest.mark.parametrize("text, relay", [
    ("Radio Kessel, monitored by the BBC, said Norvanian troops killed 40 rebels near Marra.", "BBC"),
    ("Norvanian forces shelled Marra on Monday, the news agency SRNA said in a report carried by Tanjug.",
     "Tanjug"),
    ("A communique from the Norvanian military command, quoted by the Telam news agency, said Norvanian jets "
     "hit the carrier.", "Telam"),
])
def test_who_passed_the_words_on_is_a_via(extract, text, relay):
    claims, ents = extract(text)
    attack = next(c for c in claims if c.type == "ATTACK")
    assert relay in {ents[v].name for v in attack.via}
    assert ents[attack.source].name != relay


def test_martyrdom_embraced_is_a_death(extract):
    claims, ents = extract("Five soldiers embraced martyrdom in the ambush near Marra, the army said.")
    toll = next(c for c in claims if c.type == "CASUALTY")
    assert {ents[i].name for i in toll.roles["target"]} == {"soldier"}
    assert [q.of for q in toll.quantities] == ["killed"]


@pytest.mark.parametrize("text, speaker", [
    ("Amnesty International Kenya said police had killed 22 protesters in Kessel.", "Amnesty International"),
    ("The Oslo-based group Iran Human Rights said security forces had killed 31 people.", "Iran Human Rights"),
])
def test_a_body_named_with_its_country_or_its_kind_is_the_source(extract, text, speaker):
    claims, ents = extract(text)
    assert {ents[c.source].name for c in claims if c.type == "CASUALTY" and c.source} == {speaker}
