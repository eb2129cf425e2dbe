"""A plain-text article's own headline is something it says (issue 9): it opens the text,
its claims point into the text like any other, it joins the lead's happening and adds no
source of its own. All names, places and sentences here are invented."""

from __future__ import annotations

import json

import pytest

from claimgraph.clean import clean_item
from claimgraph.export.json import export_json
from claimgraph.link.compare import COMPATIBLE, CONFLICT, Entities
from claimgraph.model import ROLE_NAMES, Entity, InputItem
from claimgraph.settings import Settings
from claimgraph.store import Store

SETTINGS = Settings(db=":memory:")

HEADLINE = "Depot Blast Kills Two Guards in Marlow, Officials Say"
BODY = (
    "Two security guards were killed on Tuesday when a bomb exploded at a fuel depot in Marlow, "
    "Inspector Dana Whitcombe said.\n\n"
    "The blast destroyed three storage tanks and shut the site for the week, she said.\n\n"
    "Officers had found the remains of a timer near the main gate, according to Whitcombe."
)


def text_item(text: str, **fields) -> InputItem:
    return InputItem(origin="article.txt", data=text.encode("utf-8"), kind="text", **fields)


def test_a_plain_text_articles_headline_opens_its_text():
    doc = clean_item(text_item(f"{HEADLINE}\n\n{BODY}\n"), SETTINGS)
    assert doc.title == HEADLINE
    assert doc.text.startswith(HEADLINE + "\n\n")
    assert doc.body().startswith("Two security guards were killed")


def test_a_title_supplied_beside_the_text_is_not_made_part_of_it():
    doc = clean_item(text_item(BODY, title=HEADLINE), SETTINGS)
    assert doc.title == HEADLINE
    assert doc.text.startswith("Two security guards were killed")
    assert doc.body() == doc.text


def test_a_headline_the_text_opens_with_is_read_though_the_same_title_is_supplied():
    # a folder's meta.json or a JSON Lines record often repeats the headline the file opens with
    doc = clean_item(text_item(f"{HEADLINE}\n\n{BODY}\n", title=HEADLINE), SETTINGS)
    assert doc.title == HEADLINE
    assert doc.text.startswith(HEADLINE + "\n\n") and doc.headline_end() == len(HEADLINE)
    assert doc.body().startswith("Two security guards were killed")


def test_a_supplied_title_the_text_does_not_open_with_stays_beside_it():
    doc = clean_item(text_item(f"{BODY}\n\n{HEADLINE}\n", title=HEADLINE), SETTINGS)
    assert doc.text.startswith("Two security guards were killed")


def test_the_document_id_does_not_depend_on_the_headline():
    with_headline = clean_item(text_item(f"{HEADLINE}\n\n{BODY}\n"), SETTINGS)
    without = clean_item(text_item(BODY, title=HEADLINE), SETTINGS)
    assert with_headline.id == without.id


@pytest.fixture(scope="module")
def exported(pipeline, tmp_path_factory):
    folder = tmp_path_factory.mktemp("headline")
    (folder / "depot.txt").write_text(f"{HEADLINE}\n\n{BODY}\n", encoding="utf-8")
    (folder / "meta.json").write_text(json.dumps({"depot.txt": {"published": "2024-05-09"}}))
    with Store(str(folder / "db.sqlite")) as store:
        pipeline.ingest_paths(store, [str(folder)])
        return export_json(store)


def test_the_headline_gives_claims_whose_offsets_point_into_the_text(exported):
    doc = exported["documents"][0]
    in_headline = [c for c in exported["claims"] if c["start"] < len(HEADLINE)]
    assert {"CASUALTY"} <= {c["type"] for c in in_headline}
    for claim in in_headline:
        assert doc["text"][claim["start"]:claim["end"]].strip() == claim["text"].strip()


def test_the_headline_joins_the_leads_event_and_adds_no_source(exported):
    event_of = {cid: ev for ev in exported["events"] for cid in ev["claim_ids"]}
    head = next(c for c in exported["claims"] if c["start"] < len(HEADLINE) and c["type"] == "CASUALTY")
    lead = next(c for c in exported["claims"] if c["start"] > len(HEADLINE) and c["type"] == "CASUALTY")
    event = event_of[head["id"]]
    assert event is event_of[lead["id"]]
    assert event["independent_sources"] == 1


def test_a_title_case_headline_is_read_in_the_case_its_body_gives_its_words(exported):
    names = {e["name"] for e in exported["entities"]}
    assert "Marlow" in names
    assert not {"Depot", "Depok", "Blast", "Guards"} & names
    head = [c for c in exported["claims"] if c["start"] < len(HEADLINE)]
    assert head and all(c["text"].startswith("Depot Blast Kills") for c in head)  # printed as written


def test_a_state_and_a_town_of_its_country_may_be_one_scene():
    ents = Entities({e.id: e for e in [
        Entity("geo:state", "Calder", "GPE", lat=44.2, lon=-85.5, country="US",
               attrs={"feature": "ADM1", "kind": "region"}),
        Entity("geo:town", "Brookport", "GPE", lat=42.3, lon=-83.0, country="US", attrs={"kind": "city"}),
        Entity("geo:far-town", "Westmere", "GPE", lat=34.0, lon=-118.2, country="US", attrs={"kind": "city"}),
        Entity("geo:other-state", "Lorne", "GPE", lat=41.6, lon=-93.6, country="US",
               attrs={"feature": "ADM1", "kind": "region"}),
    ]})
    assert ents.place_relation("geo:state", "geo:town") == COMPATIBLE
    assert ents.place_relation("geo:state", "geo:far-town") == CONFLICT
    assert ents.place_relation("geo:state", "geo:other-state") == CONFLICT
    assert ents.place_relation("geo:town", "geo:far-town") == CONFLICT


def test_the_lone_victim_is_named_from_the_body_not_the_headline():
    from claimgraph.extract.story import name_the_lone_victim
    from claimgraph.model import Claim

    def claim(cid, sentence, targets):
        roles = {r: [] for r in ROLE_NAMES}
        roles["target"] = list(targets)
        return Claim(id=cid, document_id="d", type="CASUALTY", text="", start=0, end=0, roles=roles,
                     sentence=sentence)

    entities = {"person:corner-shop": Entity("person:corner-shop", "Corner Shop", "PERSON"),
                "person:ada": Entity("person:ada", "Ada Renn", "PERSON")}
    head, lead, later = claim("h", 0, ["person:corner-shop"]), claim("a", 1, []), claim("b", 3, ["person:ada"])
    name_the_lone_victim([head, lead, later], {"a"}, entities, headline=1)
    assert lead.roles["target"] == ["person:ada"]


def test_a_headline_drops_the_was_of_a_passive(pipeline, tmp_path):
    headline = "Mill owner gunned down outside his warehouse in Farlow"
    body = ("Gregor Vance, who owned the Farlow flour mill, was shot dead on Sunday outside his warehouse, "
            "police said.\n\nDetectives said they were looking for two men seen leaving in a grey van.")
    (tmp_path / "mill.txt").write_text(f"{headline}\n\n{body}\n", encoding="utf-8")
    with Store(str(tmp_path / "db.sqlite")) as store:
        pipeline.ingest_paths(store, [str(tmp_path)])
        exported = export_json(store)
    head = [c for c in exported["claims"] if c["start"] < len(headline) and c["type"] in {"ATTACK", "CASUALTY"}]
    assert head
    for claim in head:  # the owner is the victim, not the gunman
        assert not claim["roles"]["actor"] and claim["roles"]["target"]


SECOND = ("Two guards died when a bomb went off at a fuel depot in Marlow on Tuesday, "
          "Inspector Dana Whitcombe told reporters.\n\n"
          "She said the blast had destroyed three storage tanks.")


def _ingest(pipeline, db, folder, names):
    with Store(str(db)) as store:
        pipeline.ingest_paths(store, [str(folder / n) for n in names])
        return export_json(store)


def test_a_later_ingest_reads_where_stored_headlines_end(pipeline, tmp_path):
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "a.txt").write_text(f"{HEADLINE}\n\n{BODY}\n", encoding="utf-8")
    (folder / "b.txt").write_text(SECOND + "\n", encoding="utf-8")
    with Store(str(tmp_path / "probe.db")) as store:
        pipeline.ingest_paths(store, [str(folder / "a.txt")])
        doc_id = export_json(store)["documents"][0]["id"]
        assert store.headline_ends([doc_id]) == {doc_id: len(HEADLINE)}
    at_once = _ingest(pipeline, tmp_path / "once.db", folder, ["a.txt", "b.txt"])
    _ingest(pipeline, tmp_path / "two.db", folder, ["a.txt"])
    in_turn = _ingest(pipeline, tmp_path / "two.db", folder, ["b.txt"])

    def counts(exported):
        return sorted((len(e["document_ids"]), e["independent_sources"]) for e in exported["events"])

    assert counts(in_turn) == counts(at_once)
    assert (2, 1) in counts(at_once)  # one inspector in two articles; the headline's officials add none


def test_a_headline_read_without_its_text_still_adds_no_source():
    from claimgraph.link.independence import SourceCounter
    from claimgraph.model import Claim, Document

    docs = [Document(id="d1", text="", title="Depot Blast Kills Two, Officials Say")]  # read without text
    head = Claim(id="h", document_id="d1", type="CASUALTY", text="", start=0, end=36, source="source:officials")
    body = Claim(id="b", document_id="d1", type="CASUALTY", text="", start=40, end=90, source="person:whitcombe")
    assert SourceCounter(docs, {}).count([head, body])[1] == 2
    assert SourceCounter(docs, {}, headline_ends={"d1": 36}).count([head, body]) == (["person:whitcombe"], 1)


def test_the_headline_in_the_text_is_the_title_as_stored():
    doc = clean_item(text_item(f"Depot  Blast   Kills Two Guards in Marlow\n\n{BODY}\n"), SETTINGS)
    assert doc.title == "Depot Blast Kills Two Guards in Marlow"
    assert doc.text.startswith(doc.title + "\n\n")  # so the link knows where the body begins


# -- a text that is only its headline (session 31) --------------------------------------------

ALONE = "Gunmen kill five in market attack in Kolwe, Norvania"


def test_a_text_that_is_only_its_headline_is_kept_as_its_text():
    doc = clean_item(text_item(ALONE + "\n"), SETTINGS)
    assert doc.text == doc.title == ALONE
    assert doc.is_headline_only() and doc.headline_end() == 0  # no body for it to head


def test_headline_only_texts_are_not_one_another_duplicates():
    other = "Rebels seize two border posts in northern Estland overnight"
    assert clean_item(text_item(ALONE), SETTINGS).id != clean_item(text_item(other), SETTINGS).id


def test_a_record_whose_text_is_its_supplied_title_is_kept():
    doc = clean_item(text_item(ALONE, title=ALONE), SETTINGS)
    assert doc.text == ALONE


def test_a_headline_only_text_gives_its_claims_in_a_headlines_grammar(pipeline, tmp_path):
    (tmp_path / "alert.txt").write_text(ALONE + "\n", encoding="utf-8")
    with Store(str(tmp_path / "db.sqlite")) as store:
        report = pipeline.ingest_paths(store, [str(tmp_path)])
        exported = export_json(store, min_confidence=0.0)
    assert report.ingested == 1
    killed = [c for c in exported["claims"] if c["type"] == "CASUALTY"]
    assert killed and killed[0]["quantities"][0]["value"] == 5  # "kill five": a headline's present tells news


@pytest.mark.parametrize("headline", ["Norvania to send more air defence systems to Estland",
                                      "Norvania to send more air defence systems to Estland, minister says"])
def test_a_headlines_infinitive_tells_what_is_to_come(pipeline, headline):
    from claimgraph.model import Document
    text = f"{headline}\n\nThe weather in Kessel was mild on Friday."
    claims, _ = pipeline.extractor.extract(pipeline.nlp(text), Document(id="d", text=text, title=headline,
                                                                         published="2024-03-14"))
    assert [c.modality for c in claims if c.type == "TRANSFER"] == ["planned"]


def _headline_claims(pipeline, tmp_path, headline, body, title=None):
    (tmp_path / "a.txt").write_text(f"{headline}\n\n{body}\n", encoding="utf-8")
    meta = {"a.txt": {"published": "2024-05-09", **({"title": title} if title else {})}}
    (tmp_path / "meta.json").write_text(json.dumps(meta))
    with Store(str(tmp_path / "db.sqlite")) as store:
        pipeline.ingest_paths(store, [str(tmp_path)])
        exported = export_json(store, min_confidence=0.0)
    names = {e["id"]: e["name"] for e in exported["entities"]}
    assert exported["documents"][0]["text"].startswith(headline)
    return [c for c in exported["claims"] if c["end"] <= len(headline)], names


def test_a_headline_in_the_file_is_read_when_meta_json_repeats_it(pipeline, tmp_path):
    head, _ = _headline_claims(pipeline, tmp_path, HEADLINE, BODY, title=HEADLINE)
    assert {c["type"] for c in head} >= {"CASUALTY"}


def test_troops_who_fired_in_a_headline_did_the_killing_that_follows(pipeline, tmp_path):
    # real countries: the side is read from the gazetteer's nationality words
    headline = "India says Pakistani troops fired across the frontier, killing two"
    body = ("Pakistani troops opened fire on Indian posts near Kessel on Tuesday, killing two Indian "
            "soldiers, an army spokesman said.")
    head, names = _headline_claims(pipeline, tmp_path, headline, body, title=headline)
    casualty = next(c for c in head if c["type"] == "CASUALTY")
    assert [names[a] for a in casualty["roles"]["actor"]] == ["Pakistan"]
    assert not casualty["roles"]["target"]  # not the troops who fired


def test_a_headline_source_tag_after_a_colon_is_no_victim(pipeline, tmp_path):
    headline = "Three civilians killed as Estlandic troops shell border villages: ISPR"
    body = ("Three civilians were killed on Tuesday when Estlandic troops shelled villages near Kessel, "
            "the military's media wing said.")
    head, names = _headline_claims(pipeline, tmp_path, headline, body)
    casualty = next(c for c in head if c["type"] == "CASUALTY")
    assert "ISPR" not in [names[t] for t in casualty["roles"]["target"]]
