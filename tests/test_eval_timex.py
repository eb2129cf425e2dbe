"""evaluate/timex.py and evaluate/baselines/timex_tagger.py: the TempEval-3 scorer on hand-made cases, the tagger's
types and values, and a quick run on MEANTIME when ../shared is present."""

from __future__ import annotations

import datetime as dt
import gzip
import json
import math
from pathlib import Path

import pytest

from claimgraph.evaluate.timex import document_anchor, in_scope, score_timexes, scored_gold
from claimgraph.evaluate.baselines.timex_tagger import classify_timex, span_value

DATA = Path(__file__).resolve().parents[1].parent / "shared" / "eval-data" / "timex-meantime-dev.jsonl.gz"
THURSDAY = dt.date(2024, 1, 4)


def timex(start, end, kind="DATE", value=None):
    return {"start": start, "end": end, "type": kind, "value": value}


def test_eval_timex_strict_relaxed_and_value_on_a_toy_document():
    gold = [timex(0, 7, "DATE", "2024-01-02"),          # "Tuesday"
            timex(20, 29, "DURATION", "P2Y"),            # "two years"
            timex(40, 49, "DATE", "2024-W02")]           # "next week": missed
    predicted = [timex(0, 7, "DATE", "2023-12-26"),     # exact span, wrong value
                 timex(24, 29, "DURATION", "P2Y"),       # "years": overlap only, right value
                 timex(60, 65, "DATE", "2024")]          # spurious
    score = score_timexes([gold], [predicted])
    assert math.isclose(score["strict_precision"], 1 / 3) and math.isclose(score["strict_recall"], 1 / 3)
    assert math.isclose(score["relaxed_precision"], 2 / 3) and math.isclose(score["relaxed_recall"], 2 / 3)
    assert math.isclose(score["relaxed_f1"], 2 / 3)
    assert math.isclose(score["value_accuracy"], 1 / 2) and math.isclose(score["value_f1"], 1 / 3)
    assert math.isclose(score["type_f1"], 2 / 3)


def test_eval_timex_pools_documents_and_handles_empty_sides():
    score = score_timexes([[timex(0, 4, value="2024")], []], [[timex(0, 4, value="2024")], [timex(0, 3)]])
    assert score["strict_recall"] == 1.0 and score["strict_precision"] == 0.5
    assert score_timexes([[]], [[]])["relaxed_f1"] == 0.0


def test_eval_timex_attribute_compares_the_largest_overlap():
    gold = [timex(0, 14, "TIME", "2010-07-16TMO")]           # "Friday morning"
    predicted = [timex(0, 6, "DATE", "2010-07-16"), timex(7, 14, "TIME", "2010-07-16TMO")]
    assert score_timexes([gold], [predicted])["value_accuracy"] == 1.0


def test_eval_timex_scope_leaves_out_creation_time_and_unannotated_lines():
    record = {"corpus": "meantime-en", "text": "Title\nMarch 01 , 2008\n1\n2\n3\n4\nSix on Monday .",
              "timexes": [timex(6, 21, "DATE", "2008-03-01") | {"functionInDocument": "CREATION_TIME"}]}
    assert scored_gold(record) == []
    monday = record["text"].index("Monday")
    predictions = [timex(6, 14), timex(monday, monday + 6), timex(0, 5)]
    assert in_scope(record, predictions) == [timex(0, 5)]
    assert in_scope({**record, "corpus": "tempeval3"}, predictions) == [timex(monday, monday + 6), timex(0, 5)]


def test_eval_timex_document_anchor_from_dct_or_dateline():
    assert document_anchor({"dct": "2008-03-01T10:00:00"}) == dt.date(2008, 3, 1)
    assert document_anchor({"dct": "03-02-2009"}) == dt.date(2009, 2, 3)
    assert document_anchor({"text": "Title\nSeptember 01 , 2007\nBody ."}) == dt.date(2007, 9, 1)
    assert document_anchor({"text": "Title\nno date here"}) is None


@pytest.mark.parametrize(
    "text, anchor, reference, future, expected",
    [
        ("last week", dt.date(2004, 11, 24), None, False, ("DATE", "2004-W47")),
        ("this weekend", dt.date(2010, 1, 25), None, False, ("DATE", "2010-W04-WE")),
        ("Friday", THURSDAY, None, False, ("DATE", "2023-12-29")),
        ("Friday", THURSDAY, None, True, ("DATE", "2024-01-05")),
        ("March 01 , 2008", None, None, False, ("DATE", "2008-03-01")),
        ("October 2007", THURSDAY, None, False, ("DATE", "2007-10")),
        ("the fourth quarter of 2005", THURSDAY, None, False, ("DATE", "2005-Q4")),
        ("the last quarter", dt.date(2007, 1, 18), None, False, ("DATE", "2006-Q4")),
        ("third-quarter", dt.date(2009, 11, 3), None, False, ("DATE", "2009-Q3")),
        ("early 2009", THURSDAY, None, False, ("DATE", "2009")),
        ("the 70s", dt.date(2007, 2, 9), None, False, ("DATE", "197")),
        ("spring", dt.date(2009, 4, 1), None, False, ("DATE", "2009-SP")),
        ("'82", dt.date(2008, 10, 27), None, False, ("DATE", "1982")),
        ("now", THURSDAY, None, False, ("DATE", "PRESENT_REF")),
        ("recently", THURSDAY, None, False, ("DATE", "PAST_REF")),
        ("the near term", THURSDAY, None, False, ("DATE", "FUTURE_REF")),
        ("the day", THURSDAY, dt.date(2024, 1, 2), False, ("DATE", "2024-01-02")),
        ("a year earlier", THURSDAY, dt.date(2022, 6, 1), False, ("DATE", "2021")),
        ("18:00 UTC", dt.date(2009, 12, 16), dt.date(2009, 12, 15), False, ("TIME", "2009-12-15T18:00Z")),
        ("12:00 UTC Monday", dt.date(2009, 6, 1), None, False, ("TIME", "2009-06-01T12:00Z")),
        ("6:40 p.m.", dt.date(2007, 10, 17), None, False, ("TIME", "2007-10-17T18:40")),
        ("Friday morning", dt.date(2010, 7, 17), None, False, ("TIME", "2010-07-16TMO")),
        ("two years", THURSDAY, None, False, ("DURATION", "P2Y")),
        ("almost two and a half years", THURSDAY, None, False, ("DURATION", "P2.5Y")),
        ("fifty-year", THURSDAY, None, False, ("DURATION", "P50Y")),
        ("thirty minutes", THURSDAY, None, False, ("DURATION", "PT30M")),
        ("12-hour", THURSDAY, None, False, ("DURATION", "PT12H")),
        ("the past decade", THURSDAY, None, False, ("DURATION", "PXDE")),
        ("over a decade", THURSDAY, None, False, ("DURATION", "P10Y")),
        ("several years", THURSDAY, None, False, ("DURATION", "PXY")),
        ("two consecutive quarters", THURSDAY, None, False, ("DURATION", "P2Q")),
        ("two years ago", dt.date(2008, 5, 24), None, False, ("DATE", "2006")),
        ("annual", THURSDAY, None, False, ("SET", "P1Y")),
        ("every two weeks", THURSDAY, None, False, ("SET", "P2W")),
    ],
)
def test_eval_timex_classify_type_and_value(text, anchor, reference, future, expected):
    assert classify_timex(text, anchor, reference, future=future) == expected


def test_eval_timex_span_value_picks_the_coarsest_exact_unit():
    d = dt.date
    assert span_value(d(2024, 1, 1), d(2024, 3, 31)) == "2024-Q1"
    assert span_value(d(2024, 3, 1), d(2024, 5, 31), season="SP") == "2024-SP"
    assert span_value(d(2024, 1, 10), d(2024, 1, 20)) == "2024-01"
    assert span_value(d(2023, 6, 1), d(2024, 2, 1)) is None


@pytest.fixture(scope="module")
def nlp():  # the real model: the tagger rides on its entities and parse
    from claimgraph.analyze.nlp import load_pipeline
    from claimgraph.settings import Settings

    return load_pipeline(Settings().model)


def test_eval_timex_tagger_extents_types_and_tense(nlp):
    from claimgraph.evaluate.baselines.timex_tagger import tag_timexes

    doc = nlp("Shares fell 3 % on Tuesday after a two-year slump , and the company will report "
              "results on Friday at 14:30 UTC . Sales rose 15 a year , the firm currently says .")
    found = {(t.text, t.type, t.value) for t in tag_timexes(doc, THURSDAY)}
    assert ("Tuesday", "DATE", "2024-01-02") in found
    assert ("two-year", "DURATION", "P2Y") in found
    assert ("Friday", "DATE", "2024-01-05") in found          # "will report": forward
    assert ("14:30 UTC", "TIME", "2024-01-05T14:30Z") in found  # on the Friday just named
    assert ("a year", "SET", "P1Y") in found
    assert ("currently", "DATE", "PRESENT_REF") in found
    assert not any(t.text.startswith("on ") for t in tag_timexes(doc, THURSDAY))


def test_eval_timex_tagger_keeps_a_range_ends_apart(nlp):
    from claimgraph.evaluate.baselines.timex_tagger import tag_timexes

    doc = nlp("Output fell between April and June , and the plant will run from 2014 to 2016 .")
    found = [(t.text, t.value) for t in tag_timexes(doc, dt.date(2008, 11, 18))]
    assert ("April", "2008-04") in found and ("June", "2008-06") in found
    assert ("2014", "2014") in found and ("2016", "2016") in found


def test_eval_timex_run_on_a_hand_written_file(tmp_path):
    from claimgraph.evaluate import run_eval

    text = "Talks end\nMarch 01 , 2008\nThe deal was signed on Tuesday after two years of talks ."
    tuesday = text.index("Tuesday")
    record = {"id": "toy/1", "dct": "2008-03-01", "corpus": "meantime-en", "text": text, "timexes": [
        {"start": 10, "end": 25, "text": "March 01 , 2008", "type": "DATE", "value": "2008-03-01",
         "functionInDocument": "CREATION_TIME"},
        {"start": tuesday, "end": tuesday + 7, "text": "Tuesday", "type": "DATE", "value": "2008-02-26"},
        {"start": text.index("two years"), "end": text.index("two years") + 9, "text": "two years",
         "type": "DURATION", "value": "P2Y"}]}
    path = tmp_path / "toy.jsonl.gz"
    with gzip.open(path, "wt", encoding="utf-8") as handle:
        handle.write(json.dumps(record) + "\n")
    [result] = run_eval("timex", file=path)
    assert result.n == 1
    assert result.metrics["strict_f1"] == 1.0 and result.metrics["tagger_value_f1"] == 1.0
    # the pipeline resolves "Tuesday" as claims get it; a duration is not a calendar interval to it
    assert result.metrics["value_f1"] == 0.5


@pytest.mark.slow  # an evaluation run
def test_eval_timex_quick_run_on_meantime():
    if not DATA.is_file():
        pytest.skip("../shared/eval-data is not present")
    from claimgraph.evaluate import run_eval

    [result] = run_eval("timex", file=DATA, limit=5)
    payload = result.to_json()
    assert set(payload) == {"task", "file", "n", "metrics"}
    assert payload["n"] == 5
    for name in ("strict_f1", "relaxed_f1", "type_f1", "value_f1", "tagger_value_f1", "spacy_strict_f1",
                 "spacy_relaxed_f1"):
        assert 0.0 <= payload["metrics"][name] <= 1.0
    assert payload["metrics"]["relaxed_f1"] >= payload["metrics"]["value_f1"] > 0.3
    assert payload["metrics"]["tagger_relaxed_f1"] >= payload["metrics"]["tagger_value_f1"] > 0.5
