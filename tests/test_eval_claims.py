"""`claimgraph eval claims`: the real-news folder builder, the scorer port, the task end to end.

The fixture (tests/data/realnews) is invented: two made-up Reuters-style records, one made-up
ECB+-style record in the corpus' tokenised layout, their gold, a manifest and an invented export.
"""

from __future__ import annotations

import importlib.util
import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from claimgraph.cli import main
from claimgraph.errors import ConfigError
from claimgraph.evaluate import TASKS
from claimgraph.evaluate.claims import METRICS, merge_exports, score_claims
from claimgraph.evaluate.realnews import article, build_folder, find_sets, gold_set, heldout_dir

FIXTURE = Path(__file__).parent / "data" / "realnews"
EVAL_DATA = FIXTURE / "eval-data"
GOLD = FIXTURE / "fixture.gold.json"
SHARED_SCORER = Path(__file__).resolve().parents[2] / "shared" / "tools" / "score_claims.py"


def _fixture() -> tuple[dict, dict]:
    return (json.loads((FIXTURE / "export.json").read_text(encoding="utf-8")),
            json.loads(GOLD.read_text(encoding="utf-8")))


def test_folder_is_laid_out_as_the_annotators_read_it(tmp_path):
    kept_back = build_folder(gold_set(GOLD), EVAL_DATA, tmp_path)
    assert kept_back == []
    assert sorted(p.name for p in tmp_path.iterdir()) == ["day-01.txt", "grain-01.txt", "kad-01.txt", "meta.json"]
    # Reuters: the dateline leads the body; ECB+: the URL line dropped, tokens rejoined, paragraphs apart
    assert (tmp_path / "kad-01.txt").read_text(encoding="utf-8").startswith("KADUGLI, March 4 - Rebel forces shelled")
    assert (tmp_path / "day-01.txt").read_text(encoding="utf-8") == (
        "Gunman kills two at Dayton warehouse\n\n"
        "A gunman opened fire at a warehouse in Dayton on Friday, killing two workers, police said.\n\n"
        "Police arrested the suspect, a 41-year-old former employee, after a short chase.")
    meta = json.loads((tmp_path / "meta.json").read_text(encoding="utf-8"))
    # the gold's outlet and date win; the record's title is kept
    assert meta["day-01.txt"] == {"outlet": "Example Courier", "published": "2009-05-09", "title": None, "url": None}
    assert meta["kad-01.txt"] == {"outlet": "Reuters", "published": "1987-03-04",
                                  "title": "Rebels shell border town", "url": None}


def test_every_gold_evidence_is_in_the_built_text(tmp_path):
    build_folder(gold_set(GOLD), EVAL_DATA, tmp_path)
    for doc in gold_set(GOLD).gold["documents"]:
        text = (tmp_path / doc["file"]).read_text(encoding="utf-8")
        assert all(claim["evidence"] in text for claim in doc["claims"])


def test_web_news_records_give_their_body_date_and_outlet():
    # invented records in the layouts of the LGL, re3d and extraction-benchmark files
    lgl = {"text": "Two held. Police held two men.", "title": "Two held",
           "url": "http://www.example-town.com/article/20090323/NEWS01/90323014/-1/rss"}
    assert article("lgl", lgl) == ("Two held. Police held two men.", "Two held", "2009-03-23", "example-town.com")
    re3d = {"text": "The minister condemned the attack.", "title": "Statement",
            "source_url": "http://gov.example/news/2016/02/14/statement", "source_name": "Example Office"}
    assert article("re3d", re3d) == ("The minister condemned the attack.", "Statement", "2016-02-14", "Example Office")
    aeb = {"html": "<p>menu</p><p>Body.</p>", "gold_text": "Body.", "url": "https://news.example.org/a/b"}
    assert article("aeb", aeb) == ("Body.", None, None, "news.example.org")
    with pytest.raises(ConfigError, match="unknown real-news dataset"):
        article("nosuch", {})


def test_a_record_of_the_held_back_test_split_is_refused(tmp_path):
    (tmp_path / "bad.gold.json").write_text(json.dumps({"documents": [{"file": "x.txt", "claims": []}]}))
    (tmp_path / "bad.manifest.json").write_text(json.dumps({"files": {"x.txt": {"dataset": "ecbplus",
                                                                               "id": "ecb/90_2ecb"}}}))
    with pytest.raises(ConfigError, match="90_2ecb"):
        build_folder(gold_set(tmp_path / "bad.gold.json"), EVAL_DATA, tmp_path / "out")
    with pytest.raises(ConfigError, match="no real-news gold sets"):
        find_sets(tmp_path / "empty")


@pytest.mark.skipif(not SHARED_SCORER.is_file(), reason="../shared/tools/score_claims.py is not beside the repository")
def test_package_scorer_agrees_with_the_shared_one():
    spec = importlib.util.spec_from_file_location("shared_score_claims", SHARED_SCORER)
    shared = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(shared)
    export, gold = _fixture()
    ours = score_claims(export, gold)
    assert ours == shared.score(export, gold)
    # the fixture exercises every path: a false positive, a miss, partial matches, contradictions
    assert 0 < ours["claim_precision"] < 1 and 0 < ours["via_acc"] < 1 and ours["contradiction_precision"] == 0.5


def test_scorer_reports_every_metric_name():
    export, gold = _fixture()
    lines: list[str] = []
    metrics = score_claims(export, gold, lines)
    assert set(METRICS) <= set(metrics)
    assert any(line.startswith("MISS kad-01.txt  DENY") for line in lines)
    assert any(line.startswith("FP   kad-01.txt  MEET") for line in lines)


def test_pooling_two_sets_adds_their_counts():
    export, gold = _fixture()
    one = score_claims(export, gold)
    pooled = score_claims(*merge_exports([("a", export, gold), ("b", export, gold)]))
    for key in ("n_pred", "n_gold", "n_matched", "n_fully_correct"):
        assert pooled[key] == 2 * one[key]
    for key in ("claim_precision", "roles_f1", "event_b3_f1", "contradiction_precision"):
        assert pooled[key] == one[key]


def test_claims_is_a_task_of_eval_all():
    assert "claims" in TASKS


def test_eval_claims_end_to_end(tmp_path, monkeypatch):
    monkeypatch.setenv("CLAIMGRAPH_DB", str(tmp_path / "unused.db"))
    out = tmp_path / "claims.json"
    result = CliRunner().invoke(main, ["eval", "claims", "--data", str(EVAL_DATA), "--file", str(GOLD),
                                       "--json", str(out), "--verbose"])
    assert result.exit_code == 0, result.output
    payload = json.loads(out.read_text(encoding="utf-8"))
    assert payload["task"] == "claims" and payload["n"] == 2
    assert set(METRICS) == set(payload["metrics"])
    assert payload["metrics"]["n_gold"] == 7
    assert 1 <= payload["metrics"]["n_matched"] <= payload["metrics"]["n_pred"]  # the ingest found claims
    assert "kad-01.txt" in result.output  # --verbose lists the misses and false positives
    assert not (tmp_path / "unused.db").exists()  # the eval uses its own temporary database


SHARED_DATA = Path(__file__).resolve().parents[2] / "shared" / "eval-data"


@pytest.mark.skipif(not SHARED_DATA.is_dir(), reason="../shared/eval-data is not beside the repository")
def test_the_repository_sets_build_the_text_their_gold_quotes(tmp_path):
    sets = find_sets() + find_sets(heldout_dir())
    assert {s.name for s in sets} >= {"ecbplus", "reuters", "polnear", "heldout"}
    for one in sets:
        assert build_folder(one, SHARED_DATA, tmp_path / one.name) == []  # nothing kept back slipped in
        for doc in one.gold["documents"]:
            text = (tmp_path / one.name / doc["file"]).read_text(encoding="utf-8")
            unquoted = [c["id"] for c in doc["claims"] if c["evidence"] not in text]
            assert not unquoted, f"{one.name}/{doc['file']}: evidence not in the built text: {unquoted}"
