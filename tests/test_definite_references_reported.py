"""A toll reported days on of the happening the story dated ("said on Wednesday that four
traders had died in the attack") is of that happening's day, not only bounded by the report's
(issue 9, the Cabo Delgado prober of session 39). The article is invented."""

from __future__ import annotations

from claimgraph.model import Document
from test_unseen_news import of_type

STORY = ("Gunmen attack market in Lumbo\n\nThe attack on the market in Lumbo on Monday began at dawn, witnesses "
         "said. Shops were closed for days.\n\nOfficials from the capital arrived on Tuesday to meet the traders "
         "of the town.\n\nThe provincial government said on Wednesday that four traders had died in the attack.\n")


def test_a_toll_reported_later_in_the_attack_named_again_is_of_the_attack_s_day(pipeline):
    doc = Document(id="d1", text=STORY, title="Gunmen attack market in Lumbo", published="2025-07-05")
    claims, _ = pipeline.extractor.extract(pipeline.nlp(STORY), doc)
    toll, = [c for c in of_type(claims, "CASUALTY") if "four traders" in c.text]
    assert (toll.time.start, toll.time.end, toll.time.basis) == ("2025-06-30", "2025-06-30", "event")
