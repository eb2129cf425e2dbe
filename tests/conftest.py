"""Shared fixtures: the expensive spaCy pipeline once per session, paths to ../shared."""

from __future__ import annotations

from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared"


@pytest.fixture(scope="session")
def pipeline():
    from claimgraph.pipeline import Pipeline
    from claimgraph.settings import Settings

    return Pipeline(Settings(db=":memory:"))


@pytest.fixture(scope="session")
def shared_dir() -> Path:
    if not (SHARED / "seeds").is_dir():
        pytest.skip("../shared is not present")
    return SHARED
