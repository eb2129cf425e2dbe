"""Titles of real plain-text articles (the ECB+ development set, built from ../shared/eval-data):
a headline is never a sentence taken from the middle of the story."""

from __future__ import annotations

from pathlib import Path

import pytest

from claimgraph.clean.text import clean_text
from claimgraph.evaluate.realnews import build_folder, gold_set

ROOT = Path(__file__).resolve().parents[1]
SHARED_DATA = ROOT.parent / "shared" / "eval-data"
ECBPLUS = ROOT / "eval" / "realnews" / "ecbplus.gold.json"


@pytest.fixture(scope="module")
def articles(tmp_path_factory):
    if not SHARED_DATA.is_dir():
        pytest.skip("../shared/eval-data is absent")
    out = tmp_path_factory.mktemp("ecbplus")
    build_folder(gold_set(ECBPLUS), SHARED_DATA, out)
    return sorted(out.glob("*.txt"))


def test_no_title_is_a_sentence_from_the_middle_of_the_story(articles):
    assert articles
    for path in articles:
        paragraphs = [p.strip() for p in path.read_text(encoding="utf-8").split("\n\n") if p.strip()]
        cleaned = clean_text(path.read_text(encoding="utf-8"))
        if cleaned.title is None or cleaned.title not in paragraphs:
            continue
        at = paragraphs.index(cleaned.title)
        kept = [i for i, p in enumerate(paragraphs) if p in cleaned.body]
        assert not (any(i < at for i in kept) and any(i > at for i in kept)), (path.name, cleaned.title)
