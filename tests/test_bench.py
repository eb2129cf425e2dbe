"""claimgraph bench: throughput against bare spaCy (issue 4)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from claimgraph.errors import ConfigError
from claimgraph.evaluate.bench import (
    PeakMemory,
    cleaned_texts,
    corpus_item,
    count_words,
    resolve_corpus,
    run_bench,
    throughput_metrics,
)
from claimgraph.settings import Settings

ROOT = Path(__file__).resolve().parents[1]
NEWS_CORPUS = ROOT.parent / "shared" / "eval-data" / "news_corpus.jsonl.gz"
STAGES = {"clean", "analyze", "extract", "store", "link"}

# Invented articles: three distinct bodies, one copy of the first under another id,
# one too short to keep; the last two records serve as warm-up and latency articles.
BODY_A = ("The army said a missile struck a fuel depot in Kharkiv on Tuesday, "
          "killing at least three workers. Officials said the fire burned for hours.")
BODY_B = ("The ministry said it delivered 40 trucks of aid to Odesa on Monday. "
          "A spokesman said more convoys were planned for next week.")
BODY_C = ("Drones attacked a power station near Dnipro overnight, the regional governor "
          "said on Telegram. Two people were wounded, he said.")
BODY_WARM = ("Russia launched a drone attack on Kyiv on Sunday night, the air force said. "
             "Air defences shot down most of them.")
BODY_LATE = ("Missiles struck an airfield near Odesa on Friday, the air force said. "
             "Two hangars were destroyed, officials said.")
TINY = [
    {"id": "t/1", "text": BODY_A, "title": "Depot hit", "date": "2024-01-04"},
    {"id": "t/2", "text": BODY_B, "title": "Aid", "date": "2024-01-05"},
    {"id": "t/3", "text": BODY_A, "title": "Depot hit (copy)", "date": "2024-01-04"},
    {"id": "t/4", "text": "Too short.", "title": "Brief", "date": "2024-01-05"},
    {"id": "t/5", "text": BODY_C, "title": "Power station", "date": "2024-01-06"},
    {"id": "t/6", "text": BODY_WARM, "title": "Kyiv", "date": "2024-01-07"},
    {"id": "t/7", "text": BODY_LATE, "title": "Sevastopol", "date": "2024-01-08"},
]


def write_jsonl(path: Path, records: list[dict]) -> Path:
    path.write_text("".join(json.dumps(r) + "\n" for r in records), encoding="utf-8")
    return path


def assert_bench_shape(result: dict, n: int) -> None:
    assert result["task"] == "bench"
    assert result["n"] == n
    assert set(result["metrics"]) == {"ratio", "articles_per_s", "words_per_s", "peak_rss_mb"}
    assert result["metrics"]["ratio"] > 0
    assert result["metrics"]["articles_per_s"] > 0
    assert result["metrics"]["peak_rss_mb"] > 0
    extra = result["extra"]
    assert set(extra["stages"]) == STAGES
    assert extra["stages"]["analyze"] > 0
    assert extra["bare_seconds"] > 0 and extra["ours_seconds"] > 0
    assert extra["same_texts"] is True
    assert set(extra["systems"]) == {"bare spaCy nlp.pipe", "claimgraph, all stages"}
    assert any(note.startswith("claimgraph stages") for note in result["notes"])


def test_bench_throughput_metrics_known_numbers():
    metrics = throughput_metrics(articles=200, words=30_000, bare_seconds=8.0, ours_seconds=10.0,
                                 peak_rss_mb=712.345)
    assert metrics == {"ratio": 1.25, "articles_per_s": 20.0, "words_per_s": 3000.0, "peak_rss_mb": 712.3}


def test_bench_count_words_is_whitespace_words():
    assert count_words(["The army said.\n\nIt struck", "  ", "KN-23 missiles"]) == 7


def test_bench_corpus_item_carries_the_record_metadata():
    item = corpus_item({"id": "reuters21578/9", "text": "Body text.", "title": "T", "date": "1987-03-01",
                        "source": "Reuters"})
    assert (item.origin, item.text, item.kind, item.published, item.outlet, item.title) == (
        "reuters21578/9", "Body text.", "text", "1987-03-01", "Reuters", "T")


def test_bench_cleaned_texts_skip_rejects_and_duplicates():
    items = [corpus_item(r) for r in TINY[:5]]
    texts = cleaned_texts(items, Settings())
    # A and its copy are one document; the short one is rejected
    assert len(texts) == 3
    assert list(texts.values())[0].startswith("The army said a missile struck")


def test_bench_missing_corpus_says_what_to_pass(tmp_path):
    with pytest.raises(ConfigError, match="--corpus"):
        resolve_corpus(tmp_path / "nowhere.jsonl.gz")


def test_bench_peak_memory_is_positive():
    assert PeakMemory().read() > 0


@pytest.mark.slow  # a benchmark run
def test_bench_tiny_invented_corpus(tmp_path):
    corpus = write_jsonl(tmp_path / "tiny.jsonl", TINY)
    result = run_bench(corpus=corpus, n=5)
    assert_bench_shape(result, n=5)
    extra = result["extra"]
    assert (extra["texts"], extra["ingested"], extra["rejected"], extra["duplicates"]) == (3, 3, 1, 1)
    assert extra["words"] == count_words([BODY_A, BODY_B, BODY_C])
    # the latency article is the first spare after the warm-up one, with its claims read back
    assert extra["latency"]["origin"] == "t/7"
    assert extra["latency"]["claims"] >= 1
    assert extra["latency_ms"] > 0
    assert extra["database_rows"]["documents"] == 4  # the three plus the latency article
    assert result["file"] == str(corpus)


@pytest.mark.slow  # a benchmark run
def test_bench_rounds_alternate_sides_over_the_same_articles(tmp_path):
    corpus = write_jsonl(tmp_path / "tiny.jsonl", TINY)
    result = run_bench(corpus=corpus, n=5, rounds=2)
    assert_bench_shape(result, n=5)
    extra = result["extra"]
    assert extra["rounds"] == 2
    assert (extra["texts"], extra["ingested"], extra["rejected"], extra["duplicates"]) == (3, 3, 1, 1)
    assert extra["events"] >= 1  # the one relink at the end linked what both rounds stored
    assert extra["stages"]["link"] > 0


@pytest.mark.slow  # a benchmark run
def test_bench_real_corpus_quick_run():
    if not NEWS_CORPUS.is_file():
        pytest.skip("../shared/eval-data/news_corpus.jsonl.gz is not present")
    result = run_bench(corpus=NEWS_CORPUS, n=20)
    assert_bench_shape(result, n=20)
    assert result["extra"]["ingested"] + result["extra"]["rejected"] + result["extra"]["duplicates"] == 20
    assert result["extra"]["words"] > 1000


def test_ray_bench_worker_counts_are_checked():
    from claimgraph.evaluate.raybench import parse_workers

    assert parse_workers("1,2") == [1, 2]
    for bad in ("", "0,2", "one,two"):
        with pytest.raises(ConfigError, match="--workers"):
            parse_workers(bad)


@pytest.mark.slow  # starts Ray and its actors twice
def test_ray_bench_times_each_worker_count_on_the_same_articles(tmp_path):
    from claimgraph.rayengine import loopback_only

    loopback_only()  # before Ray is first imported: it reads the switch then
    pytest.importorskip("ray", reason="the Ray engine needs the 'ray' extra")
    from claimgraph.evaluate.raybench import run_ray_bench

    corpus = write_jsonl(tmp_path / "tiny.jsonl", TINY)
    result = run_ray_bench(corpus=corpus, n=5, workers=[1, 2], batch_size=1)
    runs = result["extra"]["runs"]
    assert [(runs[w]["ingested"], runs[w]["claims"]) for w in ("1", "2")] == [(3, runs["1"]["claims"])] * 2
    assert runs["1"]["claims"] >= 1
    speedup = runs["1"]["seconds"] / runs["2"]["seconds"]
    assert result["metrics"]["speedup"] == pytest.approx(speedup, abs=0.01)
    assert all(runs[w]["control_s"] > 0 and runs[w]["load_before"] >= 0 for w in ("1", "2"))
    assert any("load average" in note for note in result["notes"])
