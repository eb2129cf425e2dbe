"""Live blogs and bulletins (session 31, prober 31a): an update's "06:15 GMT - " stamp and an
item's "KIDAL - " slug are no part of the first name after them, and an update with no date of
its own tells what happened the day its stamp gives. Invented updates."""

from __future__ import annotations

import os

import claimgraph
from claimgraph.clean import clean_item
from claimgraph.export.json import export_json
from claimgraph.model import InputItem
from claimgraph.settings import Settings

BLOG = ("Norvania-Estland war live\n\n"
        "06:15 GMT - Norvania launched a missile attack on Kessel before dawn, the city's governor said.\n\n"
        "Thursday 22:10 GMT - Estland's army shelled a depot in Marra, killing three guards, officials said.\n\n"
        "KOLWE - Gunmen attacked a police post in Kolwe overnight, the army said.")


def test_an_updates_stamp_keeps_its_time_and_loses_its_dash():
    doc = clean_item(InputItem(origin="blog.txt", data=BLOG.encode(), kind="text"), Settings(db=":memory:"))
    assert "06:15 GMT: Norvania launched" in doc.text and "22:10 GMT: Estland" in doc.text
    assert "KOLWE -" not in doc.text and "Gunmen attacked a police post" in doc.text


def test_updates_are_read_without_their_stamps_and_dated_by_them(tmp_path):
    with claimgraph.open(os.path.join(tmp_path, "db.sqlite")) as cg:
        cg.ingest_items([InputItem(origin="b", text=BLOG, kind="text", path="b.txt", published="2024-03-15")])
        exported = export_json(cg.store, min_confidence=0.0)
    names = {e["id"]: e["name"] for e in exported["entities"]}
    attacks = {c["text"][:20]: c for c in exported["claims"] if c["type"] == "ATTACK"}
    actors = {k: [names[i] for i in c["roles"]["actor"]] for k, c in attacks.items()}
    assert not any("GMT" in n or "KOLWE" in n for ns in actors.values() for n in ns)
    first = next(c for k, c in attacks.items() if "Norvania launched" in k or "launched" in c["text"])
    assert first["time"]["start"] == "2024-03-15"  # the blog's day: "before dawn" alone says no day
    shelled = next(c for c in attacks.values() if "shelled" in c["text"])
    assert shelled["time"]["start"] == "2024-03-14"  # the stamp's Thursday
